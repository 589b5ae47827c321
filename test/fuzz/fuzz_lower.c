/* libFuzzer target over the whole frontend: parse, analyse, lower, emit.
 *
 * Each input is written to a .ac file and lowered as `asyncc -S` would.  A
 * finding is a crash, a sanitizer report, a hang (-timeout), or lowered C
 * that clang rejects: when the lowering reports no error, its output is
 * parsed again by libclang (in memory, as C with asyncc's headers) and any
 * error there aborts, because asyncc must never emit C that fails to
 * compile.  Diagnostics of the lowering itself go to /dev/null. */
#include "asyncc/lowering.h"

#include <clang-c/Index.h>

#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef ASYNCC_INCLUDE_DIR
#error "build with -DASYNCC_INCLUDE_DIR=\"<build>/include\""
#endif

static char input_path[64];
static int devnull = -1;
static CXIndex check_index;

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc, (void)argv;
  snprintf(input_path, sizeof input_path, "/tmp/asyncc-fuzz-%d.ac", (int)getpid());
  /* FUZZ_SHOW_DIAGS=1 keeps the lowering's diagnostics (to triage a finding) */
  devnull = getenv("FUZZ_SHOW_DIAGS") ? -1 : open("/dev/null", O_WRONLY);
  check_index = clang_createIndex(0, 0);
  return 0;
}

/* Aborts if clang finds an error in the lowered C, after saving the input
 * as bad-c-<pid>.ac in the current directory (an abort is not always
 * turned into a crash-* file). */
static void check_output_parses(const char *c_text, const uint8_t *data, size_t size) {
  struct CXUnsavedFile f = {"/tmp/asyncc-fuzz-out.c", c_text, (unsigned long)strlen(c_text)};
  const char *args[] = {"-x", "c", "-std=gnu17", "-I" ASYNCC_INCLUDE_DIR};
  CXTranslationUnit tu = NULL;
  if (clang_parseTranslationUnit2(check_index, f.Filename, args, 4, &f, 1, 0, &tu) != CXError_Success)
    return;
  for (unsigned i = 0, n = clang_getNumDiagnostics(tu); i < n; i++) {
    CXDiagnostic d = clang_getDiagnostic(tu, i);
    if (clang_getDiagnosticSeverity(d) >= CXDiagnostic_Error) {
      CXString s = clang_formatDiagnostic(d, clang_defaultDiagnosticDisplayOptions());
      char name[64];
      snprintf(name, sizeof name, "bad-c-%d.ac", (int)getpid());
      FILE *f = fopen(name, "wb");
      if (f) {
        fwrite(data, 1, size, f);
        fclose(f);
      }
      fprintf(stderr, "asyncc accepted the input (saved as %s) but its C does not compile:\n%s\n",
              name, clang_getCString(s));
      abort();
    }
    clang_disposeDiagnostic(d);
  }
  clang_disposeTranslationUnit(tu);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  FILE *f = fopen(input_path, "wb");
  if (!f)
    return 0;
  fwrite(data, 1, size, f);
  fclose(f);
  /* the output is checked by clang: the text it lowers is clang's preprocessing */
  static const char *const backend[] = {"clang-19"};
  AcOptions opt = {.prelude = ASYNCC_INCLUDE_DIR "/asyncc/prelude.h", .line_directives = true,
                   .output_name = "fuzz.c", .backend = backend, .num_backend = 1};
  char *out = NULL;
  fflush(stderr);
  int saved = devnull >= 0 ? dup(2) : -1;
  if (devnull >= 0)
    dup2(devnull, 2);
  int rc = ac_lower_file(input_path, &opt, &out);
  if (devnull >= 0) {
    dup2(saved, 2);
    close(saved);
  }
  if (rc == 0 && out)
    check_output_parses(out, data, size);
  free(out);
  return 0;
}
