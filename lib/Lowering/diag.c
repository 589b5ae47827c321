/* Diagnostics in clang's format: file:line:col: level: message, then the
 * source line and a caret under the column. */
#include "lower.h"

#include <stdio.h>
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

static void vdiag_at(Lowering *L, DiagLevel lvl, unsigned off, const char *fmt, va_list ap) {
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
  fputc('\n', stderr);
  print_line_and_caret(&L->src, off);
}

void diag_at(Lowering *L, DiagLevel lvl, unsigned off, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vdiag_at(L, lvl, off, fmt, ap);
  va_end(ap);
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
  vdiag_at(L, lvl, off, fmt, ap);
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
