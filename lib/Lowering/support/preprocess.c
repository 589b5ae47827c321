/* The backend's own preprocessor runs first: asyncc lowers the translation
 * unit the backend compiler would see, so both agree on every macro and
 * every #if (__OPTIMIZE__, __GNUC__, -mavx2's __AVX2__, -DNDEBUG, ...).
 *
 * `cc -E -dD` keeps the #define/#undef lines in place (pp_map.c reads the
 * macro state from them) and line markers (every line keeps its .ac file and
 * line).  The prelude is included with __ASYNCC_LOWERING defined, which
 * leaves await and the other forms of the dialect unexpanded: clang's parse
 * defines them (asyncc/forms.h) and the lowering finds them as today. */
#include "support/support.h"

#include <errno.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

const char **ac_preprocess_command(const AcOptions *opt, const char *path) {
  int max = opt->num_backend + opt->num_clang_args + 16;
  const char **argv = xrealloc(NULL, (size_t)max * sizeof *argv);
  int n = 0;
  for (int i = 0; i < opt->num_backend; i++)
    argv[n++] = opt->backend[i];
  if (n == 0)
    argv[n++] = "cc";
  argv[n++] = "-E";
  argv[n++] = "-dD";
  argv[n++] = "-C"; /* comments stay: `// fall through`, and -S reads as written */
  argv[n++] = "-x";
  argv[n++] = "c";
  argv[n++] = "-D__ASYNCC_LOWERING=1";
  argv[n++] = "-include";
  argv[n++] = opt->prelude;
  bool has_std = false;
  for (int i = 0; i < opt->num_clang_args; i++)
    has_std |= strncmp(opt->clang_args[i], "-std=", 5) == 0;
  if (!has_std)
    argv[n++] = "-std=gnu17";
  char *inc_dir = xstrdup(opt->prelude); /* <prefix>/include/asyncc/prelude.h */
  for (int k = 0; k < 2; k++) {
    char *slash = strrchr(inc_dir, '/');
    if (slash)
      *slash = 0;
  }
  argv[n++] = xasprintf("-I%s", inc_dir);
  free(inc_dir);
  for (int i = 0; i < opt->num_clang_args; i++)
    argv[n++] = opt->clang_args[i];
  argv[n++] = path;
  argv[n] = NULL;
  return argv;
}

PpRun *pp_start(const AcOptions *opt, const char *path) {
  if (!ac_includes_regular_files(opt, path))
    return NULL;
  PpRun *run = xrealloc(NULL, sizeof *run);
  *run = (PpRun){.path = path, .argv = ac_preprocess_command(opt, path), .outfd = -1, .errfd = -1};
  /* The text goes to a temporary file, read once the preprocessor is done:
   * through a pipe, the preprocessor and asyncc took turns at each chunk,
   * and on a busy machine each turn waits for the scheduler. */
  const char *tmpdir = getenv("TMPDIR");
  char *errpath = xasprintf("%s/asyncc-pp-XXXXXX", tmpdir && *tmpdir ? tmpdir : "/tmp");
  char *outpath = xstrdup(errpath);
  run->errfd = mkstemp(errpath);
  run->outfd = mkstemp(outpath);
  if (run->errfd >= 0)
    unlink(errpath);
  if (run->outfd >= 0)
    unlink(outpath);
  free(errpath);
  free(outpath);
  if (run->errfd < 0 || run->outfd < 0) {
    run->spawn_error = xasprintf("asyncc: error: cannot run the preprocessor: %s\n", strerror(errno));
    return run;
  }
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, run->outfd, 1);
  posix_spawn_file_actions_adddup2(&fa, run->errfd, 2);
  int rc = posix_spawnp(&run->pid, run->argv[0], &fa, NULL, (char *const *)run->argv, environ);
  posix_spawn_file_actions_destroy(&fa);
  if (rc != 0)
    run->spawn_error = xasprintf("asyncc: error: cannot run '%s': %s\n", run->argv[0], strerror(rc));
  return run;
}

char *pp_finish(PpRun *run, size_t *len) {
  if (!run)
    return NULL;
  char *text = NULL;
  if (run->spawn_error) {
    fputs(run->spawn_error, stderr);
    free(run->spawn_error);
    goto done;
  }
  int st = 0;
  while (waitpid(run->pid, &st, 0) < 0 && errno == EINTR)
    ;
  if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) {
    /* the backend's own diagnostics (a missing header, #error, ...) */
    StrBuf err = {0};
    lseek(run->errfd, 0, SEEK_SET);
    sb_read_fd(&err, run->errfd);
    if (err.len)
      fwrite(err.data, 1, err.len, stderr);
    else
      fprintf(stderr, "%s: error: the preprocessor ('%s -E') failed\n", run->path, run->argv[0]);
    free(err.data);
  } else {
    StrBuf out = {0};
    lseek(run->outfd, 0, SEEK_SET);
    sb_read_fd(&out, run->outfd);
    *len = out.len;
    text = sb_take(&out);
  }
done:
  if (run->errfd >= 0)
    close(run->errfd);
  if (run->outfd >= 0)
    close(run->outfd);
  free(run->argv);
  free(run);
  return text;
}
