/* asyncc: the driver.  Behaves like cc: lowers each .ac file to C with the
 * lowering library, then compiles and links with the backend compiler
 * (--cc=, $CC, or cc) and the bundled runtime.  It finds its prelude,
 * headers and runtime relative to its own executable (../include, ../lib),
 * so build/bin/asyncc works straight from the build tree. */
#define _GNU_SOURCE
#include "driver.h"

#include <errno.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef ASYNCC_VERSION
#define ASYNCC_VERSION "0.0.0"
#endif

void push(Args *a, const char *s) {
  if (a->n + 2 > a->cap) {
    a->cap = a->cap ? a->cap * 2 : 32;
    a->v = xrealloc(a->v, a->cap * sizeof(char *));
  }
  a->v[a->n++] = s;
  a->v[a->n] = NULL;
}

void append(Args *dst, const Args *src) {
  for (int i = 0; i < src->n; i++)
    push(dst, src->v[i]);
}

static const char *usage =
    "usage: asyncc [options] file...\n"
    "\n"
    "Compiles C with async/await (.ac files) like cc: each .ac file is lowered to C,\n"
    "then compiled and linked with the asyncc runtime.  .c, .o, .a and .so inputs\n"
    "are passed to the backend compiler.\n"
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
    "                   off, -Werror=NAME makes it an error, -Wno-error=NAME undoes\n"
    "                   that; -Werror and -w apply to them and are also passed to\n"
    "                   the backend\n"
    "  --no-line        no #line directives (nor gdb's symbols) in the lowered C\n"
    "  --cc=CC          the backend C compiler (default: $CC, else cc)\n"
    "  -I DIR, -D NAME[=VAL], -U NAME, -std=STD, -include FILE, -imacros FILE,\n"
    "  -isystem DIR, -iquote DIR, -idirafter DIR\n"
    "  -O*, -g*, -W*, -w, -f*, -m*, -pthread, and any other option starting with '-'\n"
    "                   passed to the backend compiler, whose own preprocessor\n"
    "                   (-E) runs first on each .ac file: asyncc lowers what the\n"
    "                   backend compiles (-fsanitize=... also selects the\n"
    "                   sanitized runtime)\n"
    "  -l LIB, -L DIR, -Wl,..., -static, -shared, -rdynamic\n"
    "                   passed to the link; -shared (a shared library, compile with\n"
    "                   -fPIC) links the shared runtime, with an rpath to it\n"
    "  -MD              also write a make dependency file (FILE.d): the headers the\n"
    "                   .ac file includes, and the prelude\n"
    "  -MMD             like -MD, without system headers\n"
    "  -MF FILE         the dependency file's name\n"
    "  -MT TARGET       the rule's target (default: the object file); repeatable\n"
    "  -MQ TARGET       like -MT, quoting make's special characters\n"
    "  -MP              a phony target for each header (deleted headers are no error)\n"
    "  -M, -MM, -x LANG not supported (use -MD or -MMD; name inputs .ac or .c)\n"
    "  --print-clang-flags [options] [file.ac]\n"
    "                   print the clang flags that parse a .ac file as asyncc does\n"
    "                   (-x c, the prelude, the runtime include dir and the given\n"
    "                   -I/-D/... flags), shell-quoted, for clangd and other tools\n"
    "  --print-prefix   print the installation prefix asyncc runs from\n"
    "  -v               print the commands that are run\n"
    "  --help           print this help\n"
    "  --version        print the version\n";

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

int run(Driver *d, Args *cmd) {
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
  static const char *const with_value[] = {
      "-o", "-I", "-D", "-U", "-include", "-imacros", "-isystem", "-iquote", "-idirafter",
      "-l", "-L", "-x", "-MF", "-MT", "-MQ"};
  for (size_t i = 0; i < sizeof with_value / sizeof *with_value; i++)
    if (!strcmp(a, with_value[i]))
      return true;
  return false;
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
  bool print_prefix = false;
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
      } else if (!strcmp(a, "-MF")) {
        d->deps.file = v;
      } else if (!strcmp(a, "-MT") || !strcmp(a, "-MQ")) {
        push(&d->deps.targets, a);
        push(&d->deps.targets, v);
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
    } else if (!strcmp(a, "--print-prefix")) {
      print_prefix = true;
    } else if (!strcmp(a, "--print-clang-flags")) {
      d->print_clang_flags = true;
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
    } else if (!strcmp(a, "-MD") || !strcmp(a, "-MMD")) {
      d->deps.on = true;
      d->deps.no_system = !strcmp(a, "-MMD");
    } else if (!strcmp(a, "-MP")) {
      d->deps.phony = true;
    } else if (!strcmp(a, "-M") || !strcmp(a, "-MM")) {
      fprintf(stderr, "asyncc: error: '%s' is not supported; use -MD or -MMD\n", a);
      return 1;
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
      d->num_objects++;
    }
  }
  if (print_prefix) {
    printf("%s\n", d->prefix);
    exit(0);
  }
  if (d->print_clang_flags)
    return 0; /* inputs are optional: the flags do not depend on them */
  /* objects alone are linked (the files of a program compiled one by one with -c) */
  if (!d->ac_inputs.n && !d->c_inputs.n && (!d->num_objects || d->compile_only || d->emit_c)) {
    fprintf(stderr, "asyncc: error: no input files (try --help)\n");
    return 1;
  }
  int with_deps = d->emit_c ? d->ac_inputs.n : d->ac_inputs.n + d->c_inputs.n;
  if (d->deps.on && d->deps.file && with_deps > 1) {
    fprintf(stderr, "asyncc: error: cannot specify -MF with several inputs\n");
    return 1;
  }
  if (d->deps.on && d->emit != AC_EMIT_C) {
    fprintf(stderr, "asyncc: error: -MD and -MMD need -c, -S or linking, not --emit=layout/dot/json\n");
    return 1;
  }
  if (d->deps.on && d->emit_c && d->output && !strcmp(d->output, "-")) {
    fprintf(stderr, "asyncc: error: -MD and -MMD need -S to write a file, not '-o -'\n");
    return 1;
  }
  return 0;
}

/* A shell word: as is when that is unambiguous, else single-quoted. */
static void print_shell_word(const char *s) {
  if (*s && strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
                      "_@%+=:,./-") == strlen(s)) {
    fputs(s, stdout);
    return;
  }
  putchar('\'');
  for (; *s; s++) {
    if (*s == '\'')
      fputs("'\\''", stdout);
    else
      putchar(*s);
  }
  putchar('\'');
}

/* The flags lib/Lowering/lower.c's parse() gives clang, in its order. */
static void print_clang_flags(Driver *d) {
  Args f = {0};
  push(&f, "-x");
  push(&f, "c");
  bool has_std = false;
  for (int i = 0; i < d->parse_flags.n; i++)
    has_std |= !strncmp(d->parse_flags.v[i], "-std=", 5);
  if (!has_std)
    push(&f, "-std=gnu17");
  push(&f, "-include");
  push(&f, d->prelude);
  push(&f, xasprintf("-I%s/include", d->prefix));
  append(&f, &d->parse_flags);
  for (int i = 0; i < f.n; i++) {
    if (i)
      putchar(' ');
    print_shell_word(f.v[i]);
  }
  putchar('\n');
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

static bool linking_shared(Driver *d) {
  for (int i = 0; i < d->link_flags.n; i++)
    if (!strcmp(d->link_flags.v[i], "-shared"))
      return true;
  return false;
}

/* Static, so programs run without an rpath; the sanitized variants are what
 * -fsanitize=... was asked for.  A shared library (-shared) gets the shared
 * runtime instead: the static one is not position-independent (NULL when
 * sanitized: those runtimes are static only, so the executable that loads
 * the library provides it, as with CMake's asyncc_add_library). */
static const char *runtime_lib(Driver *d) {
  const char *name = "asyncc_rt";
  bool sanitized = false;
  for (int i = 0; i < d->cc_flags.n; i++) {
    const char *a = d->cc_flags.v[i];
    if (!strncmp(a, "-fsanitize=", 11)) {
      name = strstr(a, "thread") ? "asyncc_rt_tsan" : "asyncc_rt_san";
      sanitized = true;
    }
  }
  if (linking_shared(d))
    return sanitized ? NULL : xasprintf("%s/lib/lib%s.so", d->prefix, name);
  return xasprintf("%s/lib/lib%s.a", d->prefix, name);
}

Args backend_command(Driver *d) {
  Args cmd = {0};
  char *cc = xstrdup(d->cc);
  for (char *tok = strtok(cc, " "); tok; tok = strtok(NULL, " "))
    push(&cmd, tok);
  append(&cmd, &d->parse_flags);
  append(&cmd, &d->cc_flags);
  push(&cmd, xasprintf("-I%s/include", d->prefix));
  /* the lowered C sits in a temporary directory: #include "x.h" must still
   * find x.h next to the .ac file, as it did when clang parsed it */
  for (int i = 0; i < d->ac_inputs.n; i++) {
    char *dir = xstrdup(d->ac_inputs.v[i]);
    char *slash = strrchr(dir, '/');
    if (slash)
      *slash = 0;
    else
      strcpy(dir, ".");
    push(&cmd, "-iquote");
    push(&cmd, dir);
  }
  return cmd;
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
  d.prelude = xasprintf("%s/include/asyncc/prelude.h", d.prefix);
  if (d.print_clang_flags) {
    print_clang_flags(&d);
    return 0;
  }
  if (!d.cc)
    d.cc = getenv("CC") && *getenv("CC") ? getenv("CC") : "cc";
  if (d.output && d.ac_inputs.n + d.c_inputs.n > 1 && (d.emit_c || d.compile_only)) {
    fprintf(stderr, "asyncc: error: cannot specify -o with -c or -S and several inputs\n");
    return 1;
  }
  AcOptions opt = {.prelude = d.prelude, .clang_args = d.parse_flags.v,
                   .num_clang_args = d.parse_flags.n, .line_directives = d.lines, .emit = d.emit,
                   .werror = d.opt_werror, .no_warnings = d.opt_no_warnings};
  memcpy(opt.warning, d.warning, sizeof opt.warning);
  Args pp_cmd = backend_command(&d); /* its -E is what gets lowered */
  opt.backend = pp_cmd.v;
  opt.num_backend = pp_cmd.n;
  if (access(d.prelude, R_OK) != 0) {
    fprintf(stderr, "asyncc: error: cannot find the prelude at '%s'\n", d.prelude);
    return 1;
  }

  Args sources = {0}; /* C files to compile: lowered and given */
  if (!d.emit_c || d.deps.on) {
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
    opt.temporary_output = !d.emit_c;
    if (ac_lower_file(in, &opt, &c)) {
      rc = 1;
      break;
    }
    rc = write_file(d.emit_c && d.output ? d.output : path, c);
    push(&sources, path);
    free(c);
    free(base);
  }
  if (d.emit_c) {
    for (int i = 0; i < d.ac_inputs.n && !rc && d.deps.on; i++)
      rc = dep_scan(&d, i, d.ac_inputs.v[i], sources.v[i], sources.v[i]);
    cleanup(&d);
    return rc;
  }
  if (rc) {
    cleanup(&d);
    return rc;
  }
  append(&sources, &d.c_inputs);

  Args cmd = backend_command(&d);
  if (d.compile_only) {
    int fixed = cmd.n;
    for (int i = 0; i < sources.n && !rc; i++) {
      cmd.n = fixed;
      const char *src = i < d.ac_inputs.n ? d.ac_inputs.v[i] : sources.v[i];
      const char *object = d.output ? d.output : base_with(src, ".o");
      if (d.deps.on)
        dep_backend_args(&d, i, object, &cmd);
      push(&cmd, "-c");
      push(&cmd, sources.v[i]);
      push(&cmd, "-o");
      push(&cmd, object);
      rc = run(&d, &cmd);
      if (!rc && d.deps.on)
        rc = dep_finish(&d, i, src, sources.v[i], object);
    }
  } else {
    for (int i = 0; i < sources.n && !rc && d.deps.on; i++) {
      const char *src = i < d.ac_inputs.n ? d.ac_inputs.v[i] : sources.v[i];
      rc = dep_scan(&d, i, src, sources.v[i], base_with(src, ".o"));
    }
    if (!rc) {
      append(&cmd, &sources);
      push(&cmd, "-o");
      push(&cmd, d.output ? d.output : "a.out");
      push(&cmd, xasprintf("-L%s/lib", d.prefix));
      append(&cmd, &d.link_flags);
      const char *rt = runtime_lib(&d);
      if (rt && strstr(rt, "asyncc_rt_san"))
        push(&cmd, "-fsanitize=address,undefined"); /* what that runtime was built with */
      if (rt)
        push(&cmd, rt);
      if (rt && linking_shared(&d)) /* where the library finds the runtime at load time */
        push(&cmd, xasprintf("-Wl,-rpath,%s/lib", d.prefix));
      push(&cmd, "-lpthread");
      rc = run(&d, &cmd);
    }
  }
  cleanup(&d);
  return rc;
}
