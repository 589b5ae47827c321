/* asyncc's compiler as a library: lowers a .ac file to C.
 *
 * The one header of lib/Lowering that code outside it (the driver
 * tools/asyncc, the fuzzer test/fuzz) includes; it includes nothing of
 * lib/Lowering.  The compiler's own layers are described in docs/design.md. */
#ifndef ASYNCC_LOWERING_H
#define ASYNCC_LOWERING_H

#include <stdbool.h>

typedef enum AcEmit { AC_EMIT_C, AC_EMIT_LAYOUT, AC_EMIT_DOT, AC_EMIT_JSON } AcEmit;

/* asyncc's own warnings (analysis/lints.c), each with its -W flag (ac_warning_name) */
typedef enum AcWarning {
  W_BLOCKING_CALL,       /* -Wblocking-call */
  W_MUTEX_ACROSS_AWAIT,  /* -Wmutex-across-await */
  W_SPAWN_LOCAL_ADDRESS, /* -Wspawn-local-address */
  W_UNUSED_ASYNC_RESULT, /* -Wunused-async-result */
  W_CLOSE_RUNTIME_FD,    /* -Wclose-runtime-fd (close_lint.c) */
  AC_NUM_WARNINGS
} AcWarning;
/* per warning: as -W/-Wno/-Werror=/-Wno-error= set it (all are on by default) */
typedef enum AcWarnSetting { AC_WARN_DEFAULT, AC_WARN_ON, AC_WARN_OFF, AC_WARN_ERROR, AC_WARN_NO_ERROR } AcWarnSetting;
const char *ac_warning_name(AcWarning w);
/* The warning a flag's name (after -W, -Wno-, -Werror=) names, or -1. */
int ac_warning_named(const char *name);

/* How diagnostics are printed: clang's text, gcc's JSON, or SARIF 2.1.0
 * (-fdiagnostics-format=); JSON and SARIF are written by ac_diag_finish. */
typedef enum AcDiagFormat { AC_DIAG_TEXT, AC_DIAG_JSON, AC_DIAG_SARIF } AcDiagFormat;

typedef struct AcOptions {
  const char *prelude;      /* path of asyncc/prelude.h */
  AcEmit emit;              /* what ac_lower_file returns: the C, or a report on it */
  const char *const *clang_args; /* -I -D -U -std ... passed to clang */
  int num_clang_args;
  bool line_directives;     /* emit #line (default on; --no-line) */
  const char *output_name;  /* the C file's name, for #line of generated code */
  bool temporary_output;    /* the C file is deleted once compiled: #line maps
                               generated code to the .ac lines it stands for */
  unsigned char warning[AC_NUM_WARNINGS]; /* AcWarnSetting */
  bool werror;              /* -Werror: warnings are errors */
  bool no_warnings;         /* -w */
  /* the backend compiler and its flags (cc, -O2, -m..., -I...): its own
   * preprocessor (`-E`) makes the text that is lowered */
  const char *const *backend;
  int num_backend;
  AcDiagFormat diag_format;
  bool diag_color;          /* -fdiagnostics-color: ANSI colors in text */
  bool parseable_fixits;    /* -fdiagnostics-parseable-fixits */
} AcOptions;

/* Lowers the .ac file 'path' to C.  On success returns 0 and sets *out (a
 * malloc'ed NUL-terminated string).  Diagnostics go to stderr in clang's
 * format; returns 1 if there was an error. */
int ac_lower_file(const char *path, const AcOptions *opt, char **out);

/* With -fdiagnostics-format=json or sarif: writes the diagnostics of the
 * files lowered since the last call to stderr, as one document (an empty
 * one if there were none), as gcc does for each translation unit. */
void ac_diag_finish(const AcOptions *opt);

/* The backend's preprocessing of 'path' that ac_lower_file runs first (for
 * -v and -###): a malloc'ed NULL-terminated argv. */
const char **ac_preprocess_command(const AcOptions *opt, const char *path);

#endif
