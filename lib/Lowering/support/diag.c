/* Diagnostics in clang's format: file:line:col: level: message, then the
 * source line and a caret under the column; in color with
 * -fdiagnostics-color, with clang's machine-readable fix-it lines with
 * -fdiagnostics-parseable-fixits.  With -fdiagnostics-format=json or sarif
 * they are kept instead and written at the end (diag_json.c). */
#include "support/support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *level_name[] = {"error", "warning", "note"};

/* gcc's default GCC_COLORS */
static const char *const level_color[] = {"\033[01;31m", "\033[01;35m", "\033[01;36m"};
#define BOLD "\033[01m"
#define CARET_COLOR "\033[01;32m"
#define FIXIT_COLOR "\033[32m"
#define RESET "\033[m"

static bool machine_format(Lowering *L) { return L->opt->diag_format != AC_DIAG_TEXT; }
static const char *color(Lowering *L, const char *c) { return L->opt->diag_color ? c : ""; }

/* "file:line:col: level: message [flag]" */
static void print_head(Lowering *L, DiagLevel lvl, const char *file, unsigned line, unsigned col,
                       const char *flag, const char *msg) {
  if (machine_format(L)) {
    diag_record(lvl, file, line, col, flag, msg);
    return;
  }
  fprintf(stderr, "%s", color(L, BOLD));
  if (line)
    fprintf(stderr, "%s:%u:%u: ", file, line, col);
  else
    fprintf(stderr, "%s: ", file);
  fprintf(stderr, "%s%s:%s %s%s%s", color(L, level_color[lvl]), level_name[lvl], color(L, RESET),
          color(L, BOLD), msg, color(L, RESET));
  if (flag)
    fprintf(stderr, " [%s]", flag);
  fputc('\n', stderr);
}

/* The user's line of u and a caret under its column. */
static void print_line_and_caret(Lowering *L, UserLoc u) {
  const Source *f = pp_file_text(&L->pp, u.file);
  if (machine_format(L) || !f || u.line < 1 || u.line > f->num_lines)
    return;
  unsigned b = f->line_start[u.line - 1], e = b;
  while (e < f->size && f->text[e] != '\n' && f->text[e] != '\r')
    e++;
  fprintf(stderr, "%5u | %.*s\n      | ", u.line, (int)(e - b), f->text + b);
  for (unsigned i = b; i < b + u.col - 1 && i < e; i++)
    fputc(f->text[i] == '\t' ? '\t' : ' ', stderr);
  fprintf(stderr, "%s^%s\n", color(L, CARET_COLOR), color(L, RESET));
}

/* file:line:col: level: message, its line, and the macro it is expanded
 * from, as clang reports a point inside a macro's expansion. */
static void print_at(Lowering *L, DiagLevel lvl, unsigned off, const char *flag, const char *msg) {
  UserLoc u = user_loc(&L->pp, &L->src, off);
  print_head(L, lvl, L->pp.files[u.file].name, u.line, u.col, flag, msg);
  print_line_and_caret(L, u);
  L->last_diag_in_macro = u.macro != NULL;
  if (u.macro) {
    UserLoc m = user_loc_in_macro(&L->pp, &L->src, u.macro, off);
    char *note = xasprintf("expanded from macro '%s'", u.macro->name);
    print_head(L, DIAG_NOTE, L->pp.files[m.file].name, m.line, m.col, NULL, note);
    free(note);
    print_line_and_caret(L, m);
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
  print_head(L, lvl, L->pp.files[u.file].name, u.line, u.col, NULL, msg);
  print_line_and_caret(L, u);
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
  const char *file = L->pp.files[u.file].name;
  if (machine_format(L)) {
    diag_record_fixit(file, u.line, u.col, text);
    return;
  }
  const Source *f = pp_file_text(&L->pp, u.file);
  fputs("      | ", stderr);
  for (unsigned i = 1; f && i < u.col && u.line <= f->num_lines; i++)
    fputc(f->text[f->line_start[u.line - 1] + i - 1] == '\t' ? '\t' : ' ', stderr);
  fprintf(stderr, "%s%s%s\n", color(L, FIXIT_COLOR), text, color(L, RESET));
  if (L->opt->parseable_fixits) { /* clang's form: an insertion is an empty range */
    fputs("fix-it:", stderr);
    diag_print_json_string(stderr, file);
    fprintf(stderr, ":{%u:%u-%u:%u}:", u.line, u.col, u.line, u.col);
    diag_print_json_string(stderr, text);
    fputc('\n', stderr);
  }
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
    print_head(L, lvl, L->src.path, 0, 0, NULL, clang_getCString(s));
  clang_disposeString(s);
  clang_disposeString(opt);
  CXDiagnosticSet kids = clang_getChildDiagnostics(d);
  unsigned nchild = kids ? clang_getNumDiagnosticsInSet(kids) : 0;
  for (unsigned i = 0; i < nchild; i++)
    diag_print_clang(L, clang_getDiagnosticInSet(kids, i));
}
