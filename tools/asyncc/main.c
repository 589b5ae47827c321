/* asyncc: the driver.  Behaves like cc: lowers each .ac file to C with the
 * lowering library, then compiles and links with the backend compiler
 * (--cc=, $ASYNCC_CC, or cc: backend.c) and the bundled runtime.  It finds its prelude,
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
    "are passed to the backend compiler.  '-' reads a source from standard input\n"
    "(with -x ac or -x c; with -E it is C); @FILE reads more arguments from FILE.\n"
    "\n"
    "options:\n"
    "  -o FILE          write the output to FILE ('-' for stdout with -S, --emit, -E)\n"
    "  -c               compile to object files, do not link\n"
    "  -E               preprocess to stdout (or -o): a .ac file as asyncc's parse\n"
    "                   sees it, with the prelude\n"
    "  -S, --emit=c     write the lowered C (FILE.c for FILE.ac, or -o); an existing\n"
    "                   FILE.c asyncc did not write is not replaced unless -o names it\n"
    "  --emit=layout    write each frame's layout: size, alignment, every field's\n"
    "                   offset and size, the await points it lives across (FILE.layout)\n"
    "  --emit=dot       write the state graphs in Graphviz DOT (FILE.dot)\n"
    "  --emit=json      write layouts and state graphs as JSON (FILE.json)\n"
    "  --emit=stub      write FILE.ac.c (or -o), a .c stub that stands for FILE.ac:\n"
    "                   asyncc given the stub compiles FILE.ac (for Meson)\n"
    "  -x LANG          the language of the inputs that follow: ac, c (or another\n"
    "                   language of the backend), none (by the file name again)\n"
    "  -Wblocking-call, -Wmutex-across-await, -Wspawn-local-address,\n"
    "  -Wunused-async-result, -Wclose-runtime-fd\n"
    "                   asyncc's warnings (all on by default); -Wno-NAME turns one\n"
    "                   off, -Werror=NAME makes it an error, -Wno-error=NAME undoes\n"
    "                   that; -Werror and -w apply to them and are also passed to\n"
    "                   the backend\n"
    "  -fdiagnostics-color, -fdiagnostics-color=always, -fdiagnostics-color=never,\n"
    "  -fdiagnostics-color=auto, -fno-diagnostics-color\n"
    "                   colors in asyncc's diagnostics (default: auto, on a terminal)\n"
    "  -fdiagnostics-format=json, -fdiagnostics-format=sarif, -fdiagnostics-format=text\n"
    "                   asyncc's diagnostics as gcc's JSON or as SARIF 2.1.0, one\n"
    "                   document per .ac file on stderr (passed to the backend if it\n"
    "                   takes that format)\n"
    "  -fdiagnostics-parseable-fixits\n"
    "                   also print each fix-it as clang does: fix-it:\"FILE\":{L:C-L:C}:\"TEXT\"\n"
    "  --no-line        no #line directives (nor gdb's symbols) in the lowered C\n"
    "  --cc=CC          the backend C compiler (default: $ASYNCC_CC, else cc; never\n"
    "                   $CC, which is asyncc itself under CC=asyncc); a backend that\n"
    "                   is asyncc is refused\n"
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
    "  -M, -MM          not supported (use -MD or -MMD)\n"
    "  --print-clang-flags [options] [file.ac]\n"
    "                   print the clang flags that parse a .ac file as asyncc does\n"
    "                   (-x c, the prelude, the runtime include dir and the given\n"
    "                   -I/-D/... flags), shell-quoted, for clangd and other tools\n"
    "  --print-prefix   print the installation prefix asyncc runs from\n"
    "  -print-file-name=NAME\n"
    "                   the path of asyncc's library NAME (libasyncc_rt.a, ...),\n"
    "                   else the backend's answer\n"
    "  -print-prog-name=NAME, -print-*, --print-*, -dump*, -Wl,--version\n"
    "                   without inputs: answered by the backend, as cc answers them\n"
    "  -dumpversion     print asyncc's version number\n"
    "  -v               print the commands that are run (the backend's preprocessing\n"
    "                   of each .ac file too), and pass -v to the backend; without\n"
    "                   inputs: the versions\n"
    "  -###             print the commands, quoted, and run none\n"
    "  --help           print this help\n"
    "  --version        print the version, then the backend's --version\n";

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

/* -v: the words as they are; -###: each one quoted, as clang prints them. */
static void print_command(Driver *d, const char *const *argv) {
  for (int i = 0; argv[i]; i++) {
    if (!d->dry_run) {
      fprintf(stderr, "%s%s", i ? " " : "", argv[i]);
      continue;
    }
    fputs(" \"", stderr);
    for (const char *c = argv[i]; *c; c++)
      fprintf(stderr, "%s%c", *c == '"' || *c == '\\' ? "\\" : "", *c);
    fputc('"', stderr);
  }
  fputc('\n', stderr);
}

int run(Driver *d, Args *cmd) {
  if (d->verbose)
    print_command(d, cmd->v);
  if (d->dry_run)
    return 0;
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
 * warnings (asyncc/lowering.h AcWarning); false for any other -W flag. */
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

/* -fdiagnostics-*: for asyncc's own diagnostics, and passed to the backend
 * for its own.  False for any other flag. */
static bool diagnostics_flag(Driver *d, const char *a) {
  if (!strcmp(a, "-fdiagnostics-color") || !strcmp(a, "-fdiagnostics-color=always"))
    d->diag_color = 1;
  else if (!strcmp(a, "-fno-diagnostics-color") || !strcmp(a, "-fdiagnostics-color=never"))
    d->diag_color = 0;
  else if (!strcmp(a, "-fdiagnostics-color=auto"))
    d->diag_color = -1;
  else if (!strcmp(a, "-fdiagnostics-format=json"))
    d->diag_format = AC_DIAG_JSON;
  else if (!strcmp(a, "-fdiagnostics-format=sarif"))
    d->diag_format = AC_DIAG_SARIF;
  else if (!strcmp(a, "-fdiagnostics-format=text"))
    d->diag_format = AC_DIAG_TEXT;
  else if (!strcmp(a, "-fdiagnostics-parseable-fixits"))
    d->parseable_fixits = true;
  else
    return false;
  return true;
}

/* An input file, in command-line order: 'lang' is the -x in force (NULL:
 * by its name).  Objects and archives keep their place among -l flags. */
static void add_input(Driver *d, const char *a, const char *lang) {
  if (lang && !strcmp(lang, "ac")) {
    push(&d->ac_inputs, a);
  } else if (lang || !strcmp(a, "-") || ends_with(a, ".c")) {
    push(&d->c_inputs, a);
    push(&d->c_langs, lang ? lang : "");
  } else if (ends_with(a, ".ac")) {
    push(&d->ac_inputs, a);
  } else {
    push(&d->link_flags, a); /* objects, archives, shared libraries */
    d->num_objects++;
  }
}

static int parse_args(Driver *d, int argc, const char **argv) {
  bool print_prefix = false;
  const char *lang = NULL; /* -x LANG in force */
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
        lang = strcmp(v, "none") ? v : NULL;
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
      d->show_version = true;
    } else if (!strcmp(a, "--print-prefix")) {
      print_prefix = true;
    } else if (!strcmp(a, "--print-clang-flags")) {
      d->print_clang_flags = true;
    } else if (!strcmp(a, "-c")) {
      d->compile_only = true;
    } else if (!strcmp(a, "-E")) {
      d->preprocess_only = true;
    } else if (!strcmp(a, "-S") || !strcmp(a, "--emit=c")) {
      d->emit_c = true;
    } else if (!strcmp(a, "--emit=layout") || !strcmp(a, "--emit=dot") || !strcmp(a, "--emit=json")) {
      d->emit_c = true;
      d->emit = a[7] == 'l' ? AC_EMIT_LAYOUT : a[7] == 'd' ? AC_EMIT_DOT : AC_EMIT_JSON;
    } else if (!strcmp(a, "--emit=stub")) {
      d->emit_stub = true;
    } else if (!strncmp(a, "--emit=", 7)) {
      fprintf(stderr, "asyncc: error: unknown --emit mode '%s' (supported: c, layout, dot, json, stub)\n", a + 7);
      return 1;
    } else if (!strncmp(a, "-W", 2) && asyncc_warning_flag(d, a)) {
      /* one of asyncc's own warnings: not a flag for the backend */
    } else if (!strcmp(a, "--no-line")) {
      d->lines = false;
    } else if (!strncmp(a, "--cc=", 5)) {
      d->cc = a + 5;
    } else if (!strcmp(a, "-v")) {
      d->verbose = true;
      push(&d->cc_flags, a); /* the backend's commands and search paths too, as gcc -v */
    } else if (!strcmp(a, "-###")) {
      d->verbose = d->dry_run = true;
    } else if (!strcmp(a, "-dumpversion")) {
      d->dump_version = d->query = true;
    } else if (!strncmp(a, "-print-file-name=", 17)) {
      d->print_file_name = a + 17;
      d->query = true;
      push(&d->cc_flags, a);
    } else if (!strncmp(a, "-print-prog-name=", 17) || !strncmp(a, "-print-", 7) ||
               !strncmp(a, "--print-", 8) || !strncmp(a, "-dump", 5)) {
      d->query = true; /* the backend's answer */
      push(&d->cc_flags, a);
    } else if (!strncmp(a, "-x", 2) && a[2]) {
      lang = strcmp(a + 2, "none") ? a + 2 : NULL;
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
      d->query |= !strncmp(a, "-Wl,", 4); /* -Wl,--version alone asks the linker */
    } else if (a[0] == '-' && a[1]) {
      /* -O -g -W -w -f -m -pthread and the rest: the backend's (-Werror and
       * -w apply to asyncc's warnings too, -fdiagnostics-* to its messages) */
      if (!strcmp(a, "-Werror"))
        d->opt_werror = true;
      if (!strcmp(a, "-w"))
        d->opt_no_warnings = true;
      diagnostics_flag(d, a);
      push(&d->cc_flags, a);
    } else {
      add_input(d, a, lang);
    }
  }
  if (print_prefix) {
    printf("%s\n", d->prefix);
    exit(0);
  }
  return 0;
}

/* The .c stubs --emit=stub writes (for build tools that compile only .c
 * files, Meson): each stands for the .ac file it names, compiled with the
 * flags the stub was given. */
static void take_stubs(Driver *d) {
  int k = 0;
  for (int i = 0; i < d->c_inputs.n; i++) {
    const char *in = d->c_inputs.v[i];
    char *ac = *d->c_langs.v[i] || !strcmp(in, "-") ? NULL : stub_target(in);
    if (ac) {
      push(&d->ac_inputs, ac);
      continue;
    }
    d->c_inputs.v[k] = in;
    d->c_langs.v[k++] = d->c_langs.v[i];
  }
  d->c_inputs.n = d->c_langs.n = k;
}

/* After choose_backend: what parse_args cannot check alone. */
static int check_inputs(Driver *d) {
  int missing = 0, from_stdin = 0;
  take_stubs(d);
  Args *lists[] = {&d->ac_inputs, &d->c_inputs};
  for (int l = 0; l < 2; l++)
    for (int i = 0; i < lists[l]->n; i++) {
      const char *in = lists[l]->v[i];
      if (!strcmp(in, "-")) {
        from_stdin++;
        if (l == 1 && !*d->c_langs.v[i]) {
          if (!d->preprocess_only) {
            fprintf(stderr, "asyncc: error: -E or -x required when input is from standard input\n");
            return 1;
          }
          d->c_langs.v[i] = "c";
        }
      } else if (access(in, F_OK) != 0) {
        fprintf(stderr, "asyncc: error: no such file or directory: '%s'\n", in);
        missing++;
      }
    }
  if (missing)
    return 1;
  if (from_stdin > 1) {
    fprintf(stderr, "asyncc: error: standard input ('-') can be read once only\n");
    return 1;
  }
  /* objects alone are linked (the files of a program compiled one by one with -c) */
  if (!d->ac_inputs.n && !d->c_inputs.n &&
      (!d->num_objects || d->compile_only || d->emit_c || d->preprocess_only)) {
    fprintf(stderr, "asyncc: error: no input files (try --help)\n");
    return 1;
  }
  int inputs = d->ac_inputs.n + d->c_inputs.n;
  if (d->output && inputs > 1 && (d->emit_c || d->compile_only || d->preprocess_only)) {
    fprintf(stderr, "asyncc: error: cannot specify -o with -c, -S or -E and several inputs\n");
    return 1;
  }
  int with_deps = d->emit_c ? d->ac_inputs.n : inputs;
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
  bool v = d->verbose, dry = d->dry_run;
  d->verbose = d->dry_run = false;
  run(d, &rm);
  d->verbose = v, d->dry_run = dry;
}

/* -S never replaces a file asyncc did not write: the lowered C it writes
 * starts with this line, and a file that does not is someone's source
 * (`asyncc -S net.ac` next to a hand-written net.c).  -o naming the file
 * is the user's say-so.  The reports (--emit=layout/dot/json) have their own
 * first words. */
static int check_overwrite(Driver *d, const char *path) {
  static const char *const first_words[] = {[AC_EMIT_C] = "#define __ASYNCC_LOWERED 1",
                                            [AC_EMIT_LAYOUT] = "",
                                            [AC_EMIT_DOT] = "digraph ",
                                            [AC_EMIT_JSON] = "{\"schema\": \"asyncc-"};
  if (d->output)
    return 0;
  FILE *f = fopen(path, "r");
  if (!f)
    return 0;
  char line[128] = "";
  bool ours = !fgets(line, sizeof line, f) ||
              !strncmp(line, first_words[d->emit], strlen(first_words[d->emit]));
  fclose(f);
  if (ours)
    return 0;
  fprintf(stderr,
          "asyncc: error: not overwriting '%s': asyncc did not write it (name it with -o to "
          "replace it)\n",
          path);
  return 1;
}

/* A .ac file from standard input, saved for the lowering to read. */
static const char *save_stdin(Driver *d) {
  char *path = xasprintf("%s/stdin.ac", d->tmpdir);
  FILE *f = fopen(path, "w");
  if (!f) {
    fprintf(stderr, "asyncc: error: cannot write '%s': %s\n", path, strerror(errno));
    return NULL;
  }
  char buf[65536];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, stdin)) > 0)
    fwrite(buf, 1, n, f);
  fclose(f);
  return path;
}

/* A C input for the backend: under its -x language, if it was given one. */
static void push_source(Args *cmd, const char *src, const char *lang) {
  if (lang && *lang) {
    push(cmd, "-x");
    push(cmd, lang);
  }
  push(cmd, src);
  if (lang && *lang) {
    push(cmd, "-x");
    push(cmd, "none");
  }
}

/* -E: each input preprocessed by the backend, to stdout or -o; a .ac file
 * as asyncc's parse sees it (--print-clang-flags: the prelude injected). */
static int preprocess(Driver *d) {
  int rc = 0;
  for (int i = 0; i < d->ac_inputs.n + d->c_inputs.n && !rc; i++) {
    Args cmd = backend_command(d);
    push(&cmd, "-E");
    if (i < d->ac_inputs.n) {
      push(&cmd, "-x");
      push(&cmd, "c");
      push(&cmd, "-include");
      push(&cmd, d->prelude);
      bool has_std = false;
      for (int k = 0; k < d->parse_flags.n; k++)
        has_std |= !strncmp(d->parse_flags.v[k], "-std=", 5);
      if (!has_std)
        push(&cmd, "-std=gnu17");
      push(&cmd, d->ac_inputs.v[i]);
    } else {
      int k = i - d->ac_inputs.n;
      push_source(&cmd, d->c_inputs.v[k], d->c_langs.v[k]);
    }
    if (d->output) {
      push(&cmd, "-o");
      push(&cmd, d->output);
    }
    rc = run(d, &cmd);
  }
  return rc;
}

static bool color_auto(void) {
  const char *term = getenv("TERM");
  return isatty(2) && term && strcmp(term, "dumb") != 0;
}

int main(int argc, char **argv) {
  Driver d = {.lines = true, .diag_color = -1};
  find_prefix(&d);
  Args args = {0};
  if (expand_response_files(argc, argv, &args) || parse_args(&d, args.n, args.v))
    return 1;
  d.prelude = xasprintf("%s/include/asyncc/prelude.h", d.prefix);
  if (d.print_clang_flags) {
    print_clang_flags(&d);
    return 0;
  }
  if (choose_backend(&d))
    return 1;
  if (d.show_version)
    return print_version(&d);
  if (!d.ac_inputs.n && !d.c_inputs.n && !d.num_objects && (d.query || d.verbose))
    return run_query(&d);
  if (check_inputs(&d))
    return 1;
  if (access(d.prelude, R_OK) != 0) {
    fprintf(stderr, "asyncc: error: cannot find the prelude at '%s'\n", d.prelude);
    return 1;
  }
  if (d.diag_format != AC_DIAG_TEXT)
    drop_unsupported_diag_format(&d);
  if (d.preprocess_only)
    return preprocess(&d);
  if (d.emit_stub)
    return write_stubs(&d);
  AcOptions opt = {.prelude = d.prelude, .clang_args = d.parse_flags.v,
                   .num_clang_args = d.parse_flags.n, .line_directives = d.lines, .emit = d.emit,
                   .werror = d.opt_werror, .no_warnings = d.opt_no_warnings,
                   .diag_format = d.diag_format,
                   .diag_color = d.diag_color < 0 ? color_auto() : d.diag_color,
                   .parseable_fixits = d.parseable_fixits};
  memcpy(opt.warning, d.warning, sizeof opt.warning);
  Args pp_cmd = backend_command(&d); /* its -E is what gets lowered */
  opt.backend = pp_cmd.v;
  opt.num_backend = pp_cmd.n;

  bool ac_stdin = false;
  for (int i = 0; i < d.ac_inputs.n; i++)
    ac_stdin |= !strcmp(d.ac_inputs.v[i], "-");
  if (!d.emit_c || d.deps.on || ac_stdin) {
    const char *t = getenv("TMPDIR");
    snprintf(d.tmpdir, sizeof d.tmpdir, "%s/asyncc-XXXXXX", t && *t ? t : "/tmp");
    if (!mkdtemp(d.tmpdir)) {
      fprintf(stderr, "asyncc: error: cannot create a temporary directory '%s': %s\n", d.tmpdir,
              strerror(errno));
      return 1;
    }
  }
  Args sources = {0}; /* C files to compile: lowered and given */
  int rc = 0;
  for (int i = 0; i < d.ac_inputs.n && !rc; i++) {
    const char *name = d.ac_inputs.v[i]; /* as the user named it ("-": stdin) */
    const char *in = strcmp(name, "-") ? name : save_stdin(&d);
    if (!in) {
      rc = 1;
      break;
    }
    char *c = NULL;
    static const char *const ext[] = {[AC_EMIT_C] = ".c", [AC_EMIT_LAYOUT] = ".layout",
                                      [AC_EMIT_DOT] = ".dot", [AC_EMIT_JSON] = ".json"};
    char *base = base_with(name, ext[d.emit]);
    char *path;
    if (d.emit_c)
      path = d.output && strcmp(d.output, "-") ? xstrdup(d.output) : xstrdup(base);
    else
      path = xasprintf("%s/%d-%s", d.tmpdir, i, base);
    opt.output_name = path;
    opt.temporary_output = !d.emit_c;
    if (d.emit_c && !d.dry_run && (rc = check_overwrite(&d, path)))
      break;
    if (d.verbose) { /* the lowering runs in this process, after the backend's -E */
      const char **pp = ac_preprocess_command(&opt, in);
      print_command(&d, pp);
      free(pp);
      fprintf(stderr, "# asyncc lowers %s to %s\n", name, d.emit_c && d.output ? d.output : path);
    }
    if (!d.dry_run) {
      rc = ac_lower_file(in, &opt, &c);
      ac_diag_finish(&opt);
      if (!rc)
        rc = write_file(d.emit_c && d.output ? d.output : path, c);
    }
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
  int num_ac = d.ac_inputs.n;
  if (d.compile_only) {
    int fixed = cmd.n;
    for (int i = 0; i < sources.n && !rc; i++) {
      cmd.n = fixed;
      const char *src = i < num_ac ? d.ac_inputs.v[i] : sources.v[i];
      const char *object = d.output ? d.output : base_with(src, ".o");
      if (d.deps.on)
        dep_backend_args(&d, i, object, &cmd);
      push(&cmd, "-c");
      push_source(&cmd, sources.v[i], i < num_ac ? "" : d.c_langs.v[i - num_ac]);
      push(&cmd, "-o");
      push(&cmd, object);
      rc = run(&d, &cmd);
      if (!rc && d.deps.on)
        rc = dep_finish(&d, i, src, sources.v[i], object);
    }
  } else {
    for (int i = 0; i < sources.n && !rc && d.deps.on; i++) {
      const char *src = i < num_ac ? d.ac_inputs.v[i] : sources.v[i];
      rc = dep_scan(&d, i, src, sources.v[i], base_with(src, ".o"));
    }
    if (!rc) {
      for (int i = 0; i < sources.n; i++)
        push_source(&cmd, sources.v[i], i < num_ac ? "" : d.c_langs.v[i - num_ac]);
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
      push(&cmd, "-luring"); /* the runtime's io_uring backend */
      push(&cmd, "-lpthread");
      rc = run(&d, &cmd);
    }
  }
  cleanup(&d);
  return rc;
}
