/* Diagnostics in clang's format: file:line:col: level: message, then the
 * source line and a caret under the column. */
#include "lower.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

static const char *level_name[] = {"error", "warning", "note"};

static void print_line_and_caret(const Source *src, unsigned off) {
  unsigned line = source_line(src, off);
  unsigned b = src->line_start[line - 1], e = b;
  while (e < src->size && src->text[e] != '\n')
    e++;
  fprintf(stderr, "%5u | %.*s\n      | ", line, (int)(e - b), src->text + b);
  for (unsigned i = b; i < off; i++)
    fputc(src->text[i] == '\t' ? '\t' : ' ', stderr);
  fputs("^\n", stderr);
}

static void vdiag_at(Lowering *L, DiagLevel lvl, unsigned off, const char *flag, const char *fmt,
                     va_list ap) {
  /* one construct seen twice (a macro argument expanded twice) is reported once */
  if (L->last_diag_fmt == fmt && L->last_diag_off == off)
    return;
  L->last_diag_off = off;
  L->last_diag_fmt = fmt;
  if (lvl == DIAG_ERROR)
    L->errors++;
  if (off > L->src.size)
    off = L->src.size;
  fprintf(stderr, "%s:%u:%u: %s: ", L->src.path, source_line(&L->src, off),
          source_col(&L->src, off), level_name[lvl]);
  vfprintf(stderr, fmt, ap);
  if (flag)
    fprintf(stderr, " [%s]", flag);
  fputc('\n', stderr);
  print_line_and_caret(&L->src, off);
}

void diag_at(Lowering *L, DiagLevel lvl, unsigned off, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vdiag_at(L, lvl, off, NULL, fmt, ap);
  va_end(ap);
}

static const char *const warning_names[AC_NUM_WARNINGS] = {
    [W_BLOCKING_CALL] = "blocking-call",
    [W_MUTEX_ACROSS_AWAIT] = "mutex-across-await",
    [W_SPAWN_LOCAL_ADDRESS] = "spawn-local-address",
    [W_UNUSED_ASYNC_RESULT] = "unused-async-result",
};

const char *ac_warning_name(AcWarning w) { return warning_names[w]; }

int ac_warning_named(const char *name) {
  for (int i = 0; i < AC_NUM_WARNINGS; i++)
    if (strcmp(name, warning_names[i]) == 0)
      return i;
  return -1;
}

bool warn_at(Lowering *L, AcWarning w, unsigned off, const char *fmt, ...) {
  AcWarnSetting s = L->opt->warning[w];
  if (L->opt->no_warnings || s == AC_WARN_OFF)
    return false;
  bool error = s == AC_WARN_ERROR || (L->opt->werror && s != AC_WARN_NO_ERROR);
  char flag[64];
  snprintf(flag, sizeof flag, "%s-W%s", error ? "-Werror," : "", warning_names[w]);
  va_list ap;
  va_start(ap, fmt);
  vdiag_at(L, error ? DIAG_ERROR : DIAG_WARNING, off, flag, fmt, ap);
  va_end(ap);
  return true;
}

void diag_fixit(Lowering *L, unsigned off, const char *text) {
  unsigned b = L->src.line_start[source_line(&L->src, off) - 1];
  fputs("      | ", stderr);
  for (unsigned i = b; i < off; i++)
    fputc(L->src.text[i] == '\t' ? '\t' : ' ', stderr);
  fprintf(stderr, "%s\n", text);
}

/* Points at where the user wrote the cursor: the expansion location, so a
 * construct inside a macro is reported at the macro's use. */
void diag_cursor(Lowering *L, DiagLevel lvl, CXCursor c, const char *fmt, ...) {
  CXFile f;
  unsigned off = 0;
  clang_getExpansionLocation(clang_getCursorLocation(c), &f, NULL, NULL, &off);
  if (!f || !clang_File_isEqual(f, L->src.file))
    off = 0;
  va_list ap;
  va_start(ap, fmt);
  vdiag_at(L, lvl, off, NULL, fmt, ap);
  va_end(ap);
}

/* clang's own diagnostics (parse errors, warnings) with their caret line. */
void diag_print_clang(CXDiagnostic d) {
  CXString s = clang_formatDiagnostic(
      d, CXDiagnostic_DisplaySourceLocation | CXDiagnostic_DisplayColumn | CXDiagnostic_DisplayOption);
  fprintf(stderr, "%s\n", clang_getCString(s));
  clang_disposeString(s);
  CXFile f;
  unsigned line, col;
  clang_getSpellingLocation(clang_getDiagnosticLocation(d), &f, &line, &col, NULL);
  if (f) {
    CXString name = clang_getFileName(f);
    FILE *fp = fopen(clang_getCString(name), "r");
    clang_disposeString(name);
    if (fp) {
      char buf[4096];
      unsigned n = 0;
      while (fgets(buf, sizeof buf, fp))
        if (++n == line) {
          size_t len = 0;
          while (buf[len] && buf[len] != '\n')
            len++;
          fprintf(stderr, "%5u | %.*s\n      | ", line, (int)len, buf);
          for (unsigned i = 1; i < col && i <= len; i++)
            fputc(buf[i - 1] == '\t' ? '\t' : ' ', stderr);
          fputs("^\n", stderr);
          break;
        }
      fclose(fp);
    }
  }
  unsigned nchild = 0;
  CXDiagnosticSet kids = clang_getChildDiagnostics(d);
  if (kids)
    nchild = clang_getNumDiagnosticsInSet(kids);
  for (unsigned i = 0; i < nchild; i++)
    diag_print_clang(clang_getDiagnosticInSet(kids, i));
}
