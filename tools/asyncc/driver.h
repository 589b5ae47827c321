/* The asyncc driver's shared state: main.c parses the command line and runs
 * the pipeline, depfile.c writes make-style dependency files for it. */
#ifndef ASYNCC_DRIVER_H
#define ASYNCC_DRIVER_H
#include "asyncc/lowering.h"
#include "asyncc/strbuf.h"

#include <limits.h>
#include <stdbool.h>

typedef struct Args {
  const char **v;
  int n, cap;
} Args;

void push(Args *a, const char *s);
void append(Args *dst, const Args *src);

/* Dependency-file request (-MD, -MMD, -MF, -MT, -MQ, -MP), as cc takes it. */
typedef struct DepOpts {
  bool on;          /* -MD or -MMD given */
  bool no_system;   /* -MMD: leave out system headers */
  bool phony;       /* -MP: a phony target per header */
  const char *file; /* -MF */
  Args targets;     /* -MT T / -MQ T, in order, as backend arguments */
} DepOpts;

typedef struct Driver {
  const char *output;
  bool compile_only, emit_c, verbose, lines, print_clang_flags; /* emit_c: -S or any --emit (no compile) */
  bool preprocess_only; /* -E */
  bool dry_run;         /* -###: print the commands, run none */
  bool query;           /* -print-*, -dump*: answered without inputs */
  bool dump_version;    /* -dumpversion */
  bool show_version;    /* --version */
  bool emit_stub;       /* --emit=stub */
  const char *print_file_name; /* -print-file-name=NAME */
  AcEmit emit;
  unsigned char warning[AC_NUM_WARNINGS]; /* asyncc's -W flags (AcWarnSetting) */
  bool opt_werror, opt_no_warnings;
  const char *cc;
  Args parse_flags;   /* to clang's parse and the backend: -I -D -U -std -include */
  Args cc_flags;      /* to the backend only: -O -g -W -f -m ... */
  Args link_flags;    /* -l -L -Wl, and objects/archives */
  Args ac_inputs, c_inputs; /* "-": standard input */
  Args c_langs;       /* per c_inputs: the -x language it was given under, or "" */
  AcDiagFormat diag_format; /* -fdiagnostics-format= (asyncc's own diagnostics) */
  int diag_color;     /* -fdiagnostics-color=: 1 always, 0 never, -1 auto */
  bool parseable_fixits;
  DepOpts deps;
  char prefix[PATH_MAX]; /* the directory above bin/ */
  char tmpdir[PATH_MAX]; /* under $TMPDIR, else /tmp */
  const char *prelude;   /* <prefix>/include/asyncc/prelude.h */
  int num_objects;      /* .o, .a, .so inputs: enough to link */
} Driver;

int run(Driver *d, Args *cmd);

/* response_file.c: argv with every @file replaced by the words it holds. */
int expand_response_files(int argc, char **argv, Args *out);

/* stub.c.  The .ac file a .c stub from --emit=stub stands for (malloc'ed),
 * or NULL if 'path' is not such a stub. */
char *stub_target(const char *path);
/* --emit=stub: a stub for each .ac input (FILE.ac.c, or -o). */
int write_stubs(Driver *d);

/* backend.c.  Sets d->cc (--cc=, $ASYNCC_CC or cc); refuses a backend that
 * is asyncc itself. */
int choose_backend(Driver *d);
/* --version: asyncc's, then the backend's. */
int print_version(Driver *d);
/* A command without inputs (-dumpversion, -print-file-name=, -v, -Wl,--version,
 * --print-search-dirs, ...): answered as cc answers it. */
int run_query(Driver *d);
/* -fdiagnostics-format=F is asyncc's (text, json, sarif) and goes on to the
 * backend only if it takes that format (gcc 12: json; clang: sarif). */
void drop_unsupported_diag_format(Driver *d);

/* The backend command up to its inputs: the compiler, the parse and backend
 * flags, the runtime's include dir, and -iquote for each .ac's directory. */
Args backend_command(Driver *d);

/* depfile.c.  The dependency file's name and default target for 'src' (an
 * input as the user named it) compiled to 'object'. */
char *dep_file_name(Driver *d, const char *src, const char *object);

/* Arguments that make the backend, compiling 'compiled' (the file it is
 * given: for a .ac input, its lowered C), write the dependencies of input
 * number 'i' to a temporary file. */
void dep_backend_args(Driver *d, int i, const char *object, Args *cmd);

/* After the backend ran with dep_backend_args: writes the final dependency
 * file for input 'src', naming 'src' instead of the lowered C 'compiled' and
 * adding the prelude the .ac file was parsed with.  For a .c input 'compiled'
 * is 'src' and the file is taken as is. */
int dep_finish(Driver *d, int i, const char *src, const char *compiled, const char *object);

/* For -S and for linking, where no per-file compile runs: a preprocessing
 * run of the backend (-M) that writes input i's dependencies, then
 * dep_finish. */
int dep_scan(Driver *d, int i, const char *src, const char *compiled, const char *object);

#endif
