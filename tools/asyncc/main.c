/* asyncc: the driver.  Behaves like cc: lowers each .ac file to C with the
 * lowering library, then compiles and links with the backend compiler
 * (--cc=, $CC, or cc) and the bundled runtime.  It finds its prelude,
 * headers and runtime relative to its own executable (../include, ../lib),
 * so build/bin/asyncc works straight from the build tree. */
#define _GNU_SOURCE
#include "lower.h"

#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef ASYNCC_VERSION
#define ASYNCC_VERSION "0.0.0"
#endif

typedef struct Args {
  const char **v;
  int n, cap;
} Args;

static void push(Args *a, const char *s) {
  if (a->n + 2 > a->cap) {
    a->cap = a->cap ? a->cap * 2 : 32;
    a->v = xrealloc(a->v, a->cap * sizeof(char *));
  }
  a->v[a->n++] = s;
  a->v[a->n] = NULL;
}

static void append(Args *dst, const Args *src) {
  for (int i = 0; i < src->n; i++)
    push(dst, src->v[i]);
}

typedef struct Driver {
  const char *output;
  bool compile_only, emit_c, verbose, lines; /* emit_c: -S or any --emit (no compile) */
  AcEmit emit;
  unsigned char warning[AC_NUM_WARNINGS]; /* asyncc's -W flags (AcWarnSetting) */
  bool opt_werror, opt_no_warnings;
  const char *cc;
  Args parse_flags;   /* to clang's parse and the backend: -I -D -U -std -include */
  Args cc_flags;      /* to the backend only: -O -g -W -f -m ... */
  Args link_flags;    /* -l -L -Wl, and objects/archives */
  Args ac_inputs, c_inputs;
  char prefix[PATH_MAX]; /* the directory above bin/ */
  char tmpdir[64];
} Driver;

static const char *usage =
    "usage: asyncc [options] file...\n"
    "\n"
    "Compiles C with async/await (.ac files) like cc: each .ac file is lowered to C,\n"
    "then compiled and linked with the asyncc runtime.  .c, .o and .a inputs are\n"
    "passed to the backend compiler.\n"
    "\n"
    "options:\n"
    "  -o FILE          write the output to FILE ('-' for stdout with -S)\n"
    "  -c               compile to object files, do not link\n"
    "  -S, --emit=c     write the lowered C (FILE.c for FILE.ac, or -o)\n"
    "  --emit=layout    write each frame's layout: size, alignment, every field's\n"
    "                   offset and size, the await points it lives across (FILE.layout)\n"
    "  --emit=dot       write the state graphs in Graphviz DOT (FILE.dot)\n"
    "  --emit=json      write layouts and state graphs as JSON (FILE.json)\n"
    "  -Wblocking-call, -Wmutex-across-await, -Wspawn-local-address,\n"
    "  -Wunused-async-result\n"
    "                   asyncc's warnings (all on by default); -Wno-NAME turns one\n"
    "                   off, -Werror=NAME makes it an error; -Werror and -w apply\n"
    "                   to them and are also passed to the backend\n"
    "  --no-line        no #line directives in the lowered C\n"
    "  --cc=CC          the backend C compiler (default: $CC, else cc)\n"
    "  -I DIR, -D NAME[=VAL], -U NAME, -std=STD, -include FILE\n"
    "                   passed to clang's parse of .ac files and to the backend\n"
    "  -O*, -g*, -W*, -w, -f*, -m*, -pthread\n"
    "                   passed to the backend compiler (-fsanitize=... also selects\n"
    "                   the sanitized runtime)\n"
    "  -l LIB, -L DIR, -Wl,...  passed to the link\n"
    "  -v               print the commands that are run\n"
    "  --help, --version\n";

static void find_prefix(Driver *d) {
  char exe[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (n <= 0) {
    strcpy(d->prefix, ".");
    return;
  }
  exe[n] = 0;
  char *dir = dirname(exe); /* .../bin */
  snprintf(d->prefix, sizeof d->prefix, "%s/..", dir);
  char real[PATH_MAX];
  if (realpath(d->prefix, real))
    snprintf(d->prefix, sizeof d->prefix, "%s", real);
}

static bool ends_with(const char *s, const char *suffix) {
  size_t n = strlen(s), m = strlen(suffix);
  return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* "dir/foo.ac" -> "foo" + ext */
static char *base_with(const char *path, const char *ext) {
  const char *b = strrchr(path, '/');
  b = b ? b + 1 : path;
  const char *dot = strrchr(b, '.');
  size_t n = dot ? (size_t)(dot - b) : strlen(b);
  return xasprintf("%.*s%s", (int)n, b, ext);
}

static int run(Driver *d, Args *cmd) {
  if (d->verbose) {
    for (int i = 0; i < cmd->n; i++)
      fprintf(stderr, "%s%s", i ? " " : "", cmd->v[i]);
    fputc('\n', stderr);
  }
  pid_t pid = fork();
  if (pid < 0) {
    perror("asyncc: fork");
    return 1;
  }
  if (pid == 0) {
    execvp(cmd->v[0], (char *const *)cmd->v);
    fprintf(stderr, "asyncc: error: cannot run '%s': %s\n", cmd->v[0], strerror(errno));
    _exit(127);
  }
  int st;
  while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
    ;
  return WIFEXITED(st) ? WEXITSTATUS(st) : 1;
}

static bool needs_value(const char *a) {
  return !strcmp(a, "-o") || !strcmp(a, "-I") || !strcmp(a, "-D") || !strcmp(a, "-U") ||
         !strcmp(a, "-include") || !strcmp(a, "-l") || !strcmp(a, "-L") ||
         !strcmp(a, "-isystem") || !strcmp(a, "-x");
}

/* -Wname, -Wno-name, -Werror=name, -Wno-error=name for asyncc's own
 * warnings (lower.h AcWarning); false for any other -W flag. */
static bool asyncc_warning_flag(Driver *d, const char *a) {
  static const struct {
    const char *prefix;
    AcWarnSetting setting;
  } forms[] = {{"-Wno-error=", AC_WARN_NO_ERROR}, {"-Werror=", AC_WARN_ERROR},
               {"-Wno-", AC_WARN_OFF}, {"-W", AC_WARN_ON}};
  for (size_t i = 0; i < sizeof forms / sizeof *forms; i++) {
    size_t n = strlen(forms[i].prefix);
    int w = strncmp(a, forms[i].prefix, n) == 0 ? ac_warning_named(a + n) : -1;
    if (w >= 0) {
      d->warning[w] = (unsigned char)forms[i].setting;
      return true;
    }
  }
  return false;
}

static int parse_args(Driver *d, int argc, char **argv) {
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (needs_value(a)) {
      if (i + 1 >= argc) {
        fprintf(stderr, "asyncc: error: option '%s' needs a value\n", a);
        return 1;
      }
      const char *v = argv[++i];
      if (!strcmp(a, "-o")) {
        d->output = v;
      } else if (!strcmp(a, "-l") || !strcmp(a, "-L")) {
        push(&d->link_flags, xasprintf("%s%s", a, v));
      } else if (!strcmp(a, "-x")) {
        fprintf(stderr, "asyncc: error: '-x' is not supported; name inputs .ac or .c\n");
        return 1;
      } else {
        push(&d->parse_flags, a);
        push(&d->parse_flags, v);
      }
    } else if (!strcmp(a, "--help")) {
      fputs(usage, stdout);
      exit(0);
    } else if (!strcmp(a, "--version")) {
      printf("asyncc %s (libclang %s)\n", ASYNCC_VERSION, "19");
      exit(0);
    } else if (!strcmp(a, "-c")) {
      d->compile_only = true;
    } else if (!strcmp(a, "-S") || !strcmp(a, "--emit=c")) {
      d->emit_c = true;
    } else if (!strcmp(a, "--emit=layout") || !strcmp(a, "--emit=dot") || !strcmp(a, "--emit=json")) {
      d->emit_c = true;
      d->emit = a[7] == 'l' ? AC_EMIT_LAYOUT : a[7] == 'd' ? AC_EMIT_DOT : AC_EMIT_JSON;
    } else if (!strncmp(a, "--emit=", 7)) {
      fprintf(stderr, "asyncc: error: unknown --emit mode '%s' (supported: c, layout, dot, json)\n", a + 7);
      return 1;
    } else if (!strncmp(a, "-W", 2) && asyncc_warning_flag(d, a)) {
      /* one of asyncc's own warnings: not a flag for the backend */
    } else if (!strcmp(a, "--no-line")) {
      d->lines = false;
    } else if (!strncmp(a, "--cc=", 5)) {
      d->cc = a + 5;
    } else if (!strcmp(a, "-v")) {
      d->verbose = true;
    } else if (!strncmp(a, "-I", 2) || !strncmp(a, "-D", 2) || !strncmp(a, "-U", 2) ||
               !strncmp(a, "-std=", 5)) {
      push(&d->parse_flags, a);
    } else if (!strncmp(a, "-l", 2) || !strncmp(a, "-L", 2) || !strncmp(a, "-Wl,", 4) ||
               !strcmp(a, "-static") || !strcmp(a, "-shared") || !strcmp(a, "-rdynamic")) {
      push(&d->link_flags, a);
    } else if (a[0] == '-' && a[1]) {
      /* -O -g -W -w -f -m -pthread and the rest: the backend's (-Werror and
       * -w apply to asyncc's warnings too) */
      if (!strcmp(a, "-Werror"))
        d->opt_werror = true;
      if (!strcmp(a, "-w"))
        d->opt_no_warnings = true;
      push(&d->cc_flags, a);
    } else if (ends_with(a, ".ac")) {
      push(&d->ac_inputs, a);
    } else if (ends_with(a, ".c")) {
      push(&d->c_inputs, a);
    } else {
      push(&d->link_flags, a); /* objects, archives, shared libraries */
    }
  }
  if (!d->ac_inputs.n && !d->c_inputs.n) {
    fprintf(stderr, "asyncc: error: no input files (try --help)\n");
    return 1;
  }
  return 0;
}

static int write_file(const char *path, const char *text) {
  FILE *f = strcmp(path, "-") ? fopen(path, "w") : stdout;
  if (!f) {
    fprintf(stderr, "asyncc: error: cannot write '%s': %s\n", path, strerror(errno));
    return 1;
  }
  fputs(text, f);
  if (f != stdout)
    fclose(f);
  return 0;
}

static const char *runtime_lib(Driver *d) {
  for (int i = 0; i < d->cc_flags.n; i++) {
    const char *a = d->cc_flags.v[i];
    if (!strncmp(a, "-fsanitize=", 11))
      return strstr(a, "thread") ? "-lasyncc_rt_tsan" : "-lasyncc_rt_san";
  }
  return "-lasyncc_rt";
}

static void cleanup(Driver *d) {
  if (!d->tmpdir[0])
    return;
  Args rm = {0};
  push(&rm, "rm");
  push(&rm, "-rf");
  push(&rm, d->tmpdir);
  bool v = d->verbose;
  d->verbose = false;
  run(d, &rm);
  d->verbose = v;
}

int main(int argc, char **argv) {
  Driver d = {.lines = true};
  find_prefix(&d);
  if (parse_args(&d, argc, argv))
    return 1;
  if (!d.cc)
    d.cc = getenv("CC") && *getenv("CC") ? getenv("CC") : "cc";
  if (d.output && d.ac_inputs.n + d.c_inputs.n > 1 && (d.emit_c || d.compile_only)) {
    fprintf(stderr, "asyncc: error: cannot specify -o with -c or -S and several inputs\n");
    return 1;
  }
  char *prelude = xasprintf("%s/include/asyncc/prelude.h", d.prefix);
  char *include = xasprintf("-I%s/include", d.prefix);
  AcOptions opt = {.prelude = prelude, .clang_args = d.parse_flags.v,
                   .num_clang_args = d.parse_flags.n, .line_directives = d.lines, .emit = d.emit,
                   .werror = d.opt_werror, .no_warnings = d.opt_no_warnings};
  memcpy(opt.warning, d.warning, sizeof opt.warning);
  if (access(prelude, R_OK) != 0) {
    fprintf(stderr, "asyncc: error: cannot find the prelude at '%s'\n", prelude);
    return 1;
  }

  Args sources = {0}; /* C files to compile: lowered and given */
  if (!d.emit_c) {
    strcpy(d.tmpdir, "/tmp/asyncc-XXXXXX");
    if (!mkdtemp(d.tmpdir)) {
      perror("asyncc: mkdtemp");
      return 1;
    }
  }
  int rc = 0;
  for (int i = 0; i < d.ac_inputs.n && !rc; i++) {
    const char *in = d.ac_inputs.v[i];
    char *c;
    static const char *const ext[] = {[AC_EMIT_C] = ".c", [AC_EMIT_LAYOUT] = ".layout",
                                      [AC_EMIT_DOT] = ".dot", [AC_EMIT_JSON] = ".json"};
    char *base = base_with(in, ext[d.emit]);
    char *path;
    if (d.emit_c)
      path = d.output && strcmp(d.output, "-") ? xstrdup(d.output) : xstrdup(base);
    else
      path = xasprintf("%s/%d-%s", d.tmpdir, i, base);
    opt.output_name = path;
    if (ac_lower_file(in, &opt, &c)) {
      rc = 1;
      break;
    }
    rc = write_file(d.emit_c && d.output ? d.output : path, c);
    push(&sources, path);
    free(c);
    free(base);
  }
  if (rc || d.emit_c) {
    cleanup(&d);
    return rc;
  }
  append(&sources, &d.c_inputs);

  Args cmd = {0};
  char *cc = xstrdup(d.cc);
  for (char *tok = strtok(cc, " "); tok; tok = strtok(NULL, " "))
    push(&cmd, tok);
  append(&cmd, &d.parse_flags);
  append(&cmd, &d.cc_flags);
  push(&cmd, include);
  /* the lowered C sits in a temporary directory: #include "x.h" must still
   * find x.h next to the .ac file, as it did when clang parsed it */
  for (int i = 0; i < d.ac_inputs.n; i++) {
    char *dir = xstrdup(d.ac_inputs.v[i]);
    char *slash = strrchr(dir, '/');
    if (slash)
      *slash = 0;
    else
      strcpy(dir, ".");
    push(&cmd, "-iquote");
    push(&cmd, dir);
  }
  if (d.compile_only) {
    int fixed = cmd.n;
    for (int i = 0; i < sources.n && !rc; i++) {
      cmd.n = fixed;
      const char *src = i < d.ac_inputs.n ? d.ac_inputs.v[i] : sources.v[i];
      push(&cmd, "-c");
      push(&cmd, sources.v[i]);
      push(&cmd, "-o");
      push(&cmd, d.output ? d.output : base_with(src, ".o"));
      rc = run(&d, &cmd);
    }
  } else {
    append(&cmd, &sources);
    push(&cmd, "-o");
    push(&cmd, d.output ? d.output : "a.out");
    push(&cmd, xasprintf("-L%s/lib", d.prefix));
    append(&cmd, &d.link_flags);
    const char *rt = runtime_lib(&d);
    if (!strcmp(rt, "-lasyncc_rt_san"))
      push(&cmd, "-fsanitize=address,undefined"); /* what that runtime was built with */
    push(&cmd, rt);
    push(&cmd, "-lpthread");
    rc = run(&d, &cmd);
  }
  cleanup(&d);
  return rc;
}
