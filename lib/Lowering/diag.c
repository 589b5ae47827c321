/* Diagnostics in clang's format: file:line:col: level: message, then the
 * source line and a caret under the column. */
#include "lower.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

static const char *level_name[] = {"error", "warning", "note"};

/* The user's line of u and a caret under its column. */
static void print_line_and_caret(PpMap *m, UserLoc u) {
  const Source *f = pp_file_text(m, u.file);
  if (!f || u.line < 1 || u.line > f->num_lines)
    return;
  unsigned b = f->line_start[u.line - 1], e = b;
  while (e < f->size && f->text[e] != '\n' && f->text[e] != '\r')
    e++;
  fprintf(stderr, "%5u | %.*s\n      | ", u.line, (int)(e - b), f->text + b);
  for (unsigned i = b; i < b + u.col - 1 && i < e; i++)
    fputc(f->text[i] == '\t' ? '\t' : ' ', stderr);
  fputs("^\n", stderr);
}

/* file:line:col: level: message, its line, and the macro it is expanded
 * from, as clang reports a point inside a macro's expansion. */
static void print_at(Lowering *L, DiagLevel lvl, unsigned off, const char *flag, const char *msg) {
  UserLoc u = user_loc(&L->pp, &L->src, off);
  fprintf(stderr, "%s:%u:%u: %s: %s", L->pp.files[u.file].name, u.line, u.col, level_name[lvl],
          msg);
  if (flag)
    fprintf(stderr, " [%s]", flag);
  fputc('\n', stderr);
  print_line_and_caret(&L->pp, u);
  L->last_diag_in_macro = u.macro != NULL;
  if (u.macro) {
    UserLoc m = user_loc_in_macro(&L->pp, &L->src, u.macro, off);
    fprintf(stderr, "%s:%u:%u: note: expanded from macro '%s'\n", L->pp.files[m.file].name,
            m.line, m.col, u.macro->name);
    print_line_and_caret(&L->pp, m);
  }
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
  char msg[4096];
  vsnprintf(msg, sizeof msg, fmt, ap);
  print_at(L, lvl, off, flag, msg);
}

void diag_user(Lowering *L, DiagLevel lvl, UserLoc u, const char *msg) {
  if (lvl == DIAG_ERROR)
    L->errors++;
  fprintf(stderr, "%s:%u:%u: %s: %s\n", L->pp.files[u.file].name, u.line, u.col, level_name[lvl],
          msg);
  print_line_and_caret(&L->pp, u);
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
    [W_CLOSE_RUNTIME_FD] = "close-runtime-fd",
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
  if (L->last_diag_in_macro)
    return; /* the fix would be in the macro's definition, not here */
  UserLoc u = user_loc(&L->pp, &L->src, off);
  const Source *f = pp_file_text(&L->pp, u.file);
  fputs("      | ", stderr);
  for (unsigned i = 1; f && i < u.col && u.line <= f->num_lines; i++)
    fputc(f->text[f->line_start[u.line - 1] + i - 1] == '\t' ? '\t' : ' ', stderr);
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

/* clang's own diagnostics (parse errors), at the user's lines. */
void diag_print_clang(Lowering *L, CXDiagnostic d) {
  enum CXDiagnosticSeverity sev = clang_getDiagnosticSeverity(d);
  DiagLevel lvl = sev >= CXDiagnostic_Error ? DIAG_ERROR : sev == CXDiagnostic_Warning ? DIAG_WARNING : DIAG_NOTE;
  CXFile f;
  unsigned off = 0;
  /* where a macro argument is written, else where the macro is used */
  clang_getFileLocation(clang_getDiagnosticLocation(d), &f, NULL, NULL, &off);
  if (!f || !clang_File_isEqual(f, L->src.file))
    clang_getExpansionLocation(clang_getDiagnosticLocation(d), &f, NULL, NULL, &off);
  CXString s = clang_getDiagnosticSpelling(d);
  CXString opt = clang_getDiagnosticOption(d, NULL);
  const char *o = clang_getCString(opt);
  if (f && clang_File_isEqual(f, L->src.file))
    print_at(L, lvl, off, o && *o ? o : NULL, clang_getCString(s));
  else
    fprintf(stderr, "%s: %s: %s\n", L->src.path, level_name[lvl], clang_getCString(s));
  clang_disposeString(s);
  clang_disposeString(opt);
  CXDiagnosticSet kids = clang_getChildDiagnostics(d);
  unsigned nchild = kids ? clang_getNumDiagnosticsInSet(kids) : 0;
  for (unsigned i = 0; i < nchild; i++)
    diag_print_clang(L, clang_getDiagnosticInSet(kids, i));
}
