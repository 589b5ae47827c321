/* The asyncc driver's shared state: main.c parses the command line and runs
 * the pipeline, depfile.c writes make-style dependency files for it. */
#ifndef ASYNCC_DRIVER_H
#define ASYNCC_DRIVER_H
#include "lower.h"

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
  AcEmit emit;
  unsigned char warning[AC_NUM_WARNINGS]; /* asyncc's -W flags (AcWarnSetting) */
  bool opt_werror, opt_no_warnings;
  const char *cc;
  Args parse_flags;   /* to clang's parse and the backend: -I -D -U -std -include */
  Args cc_flags;      /* to the backend only: -O -g -W -f -m ... */
  Args link_flags;    /* -l -L -Wl, and objects/archives */
  Args ac_inputs, c_inputs;
  DepOpts deps;
  char prefix[PATH_MAX]; /* the directory above bin/ */
  char tmpdir[64];
  const char *prelude;   /* <prefix>/include/asyncc/prelude.h */
  int num_objects;      /* .o, .a, .so inputs: enough to link */
} Driver;

int run(Driver *d, Args *cmd);

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
