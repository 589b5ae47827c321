/* The backend C compiler, and the queries asyncc answers as cc does.
 *
 * The backend is --cc=, else $ASYNCC_CC, else cc; never $CC, which names
 * asyncc itself in a build run with CC=asyncc.  A backend that is asyncc
 * (directly, or through a wrapper that runs it) would start asyncc again
 * and again: the first is refused by comparing executables, the second by
 * a variable asyncc sets for its backend's processes. */
#define _GNU_SOURCE
#include "driver.h"

#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

#ifndef ASYNCC_VERSION
#define ASYNCC_VERSION "0.0.0"
#endif

/* Set in the environment of every backend process: an asyncc that finds it
 * was started by its own backend. */
#define BACKEND_ENV "ASYNCC_RUNNING_BACKEND"

/* The executable 'name' runs, resolved like execvp, as a real path. */
static char *resolve_program(const char *name) {
  char real[PATH_MAX];
  if (strchr(name, '/'))
    return realpath(name, real) ? xstrdup(real) : NULL;
  const char *path = getenv("PATH");
  char *dirs = xstrdup(path ? path : "/usr/local/bin:/usr/bin:/bin");
  char *found = NULL;
  for (char *dir = strtok(dirs, ":"); dir && !found; dir = strtok(NULL, ":")) {
    char *cand = xasprintf("%s/%s", *dir ? dir : ".", name);
    if (access(cand, X_OK) == 0 && realpath(cand, real))
      found = xstrdup(real);
    free(cand);
  }
  free(dirs);
  return found;
}

int choose_backend(Driver *d) {
  if (!d->cc) {
    const char *env = getenv("ASYNCC_CC");
    d->cc = env && *env ? env : "cc";
  }
  const char *outer = getenv(BACKEND_ENV);
  if (outer) {
    fprintf(stderr,
            "asyncc: error: asyncc was started by its own backend compiler '%s', which would "
            "loop; set ASYNCC_CC (or --cc=) to a C compiler that does not run asyncc\n",
            outer);
    return 1;
  }
  char *first = xstrdup(d->cc);
  first[strcspn(first, " ")] = 0;
  char *backend = resolve_program(first);
  char self[PATH_MAX];
  if (backend && realpath("/proc/self/exe", self) && !strcmp(backend, self)) {
    fprintf(stderr,
            "asyncc: error: the backend compiler '%s' is asyncc itself; set ASYNCC_CC (or "
            "--cc=) to a C compiler such as cc (CC=asyncc names asyncc, not its backend)\n",
            d->cc);
    return 1;
  }
  free(first), free(backend);
  setenv(BACKEND_ENV, d->cc, 1);
  return 0;
}

/* The backend command's first words (--cc= may hold arguments). */
static Args backend_words(Driver *d) {
  Args cmd = {0};
  char *cc = xstrdup(d->cc);
  for (char *tok = strtok(cc, " "); tok; tok = strtok(NULL, " "))
    push(&cmd, tok);
  return cmd;
}

int print_version(Driver *d) {
  printf("asyncc %s (libclang %s)\n", ASYNCC_VERSION, "19");
  fflush(stdout);
  /* then the backend's: asyncc takes its flags, and tools such as Meson
   * tell the compiler family (GCC, Clang) from this text */
  Args cmd = backend_words(d);
  push(&cmd, "--version");
  run(d, &cmd);
  return 0;
}

/* -print-file-name=NAME: asyncc's own library files (the runtimes), else
 * what the backend says, which prints NAME itself when it knows none. */
static bool print_own_file(Driver *d, const char *name) {
  char *path = xasprintf("%s/lib/%s", d->prefix, name);
  bool found = *name && access(path, F_OK) == 0;
  if (found)
    printf("%s\n", path);
  free(path);
  return found;
}

int run_query(Driver *d) {
  if (d->dump_version) {
    printf("%s\n", ASYNCC_VERSION);
    return 0;
  }
  if (d->print_file_name && print_own_file(d, d->print_file_name))
    return 0;
  if (d->verbose) /* then the backend's own -v */
    fprintf(stderr, "asyncc version %s (libclang 19)\nbackend: %s\n", ASYNCC_VERSION, d->cc);
  Args cmd = backend_words(d);
  append(&cmd, &d->cc_flags);
  append(&cmd, &d->link_flags);
  return run(d, &cmd);
}

/* Whether the backend takes 'flag' (it preprocesses an empty file with it). */
static bool backend_accepts(Driver *d, const char *flag) {
  Args cmd = backend_words(d);
  const char *probe[] = {flag, "-E", "-x", "c", "/dev/null", "-o", "/dev/null"};
  for (size_t i = 0; i < sizeof probe / sizeof *probe; i++)
    push(&cmd, probe[i]);
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid;
  int st = 1;
  if (posix_spawnp(&pid, cmd.v[0], &fa, NULL, (char *const *)cmd.v, environ) == 0)
    while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
      ;
  posix_spawn_file_actions_destroy(&fa);
  return WIFEXITED(st) && WEXITSTATUS(st) == 0;
}

void drop_unsupported_diag_format(Driver *d) {
  int k = 0;
  for (int i = 0; i < d->cc_flags.n; i++) {
    const char *f = d->cc_flags.v[i];
    if (strncmp(f, "-fdiagnostics-format=", 21) || backend_accepts(d, f))
      d->cc_flags.v[k++] = f;
  }
  d->cc_flags.n = k;
  if (d->cc_flags.v)
    d->cc_flags.v[k] = NULL;
}
