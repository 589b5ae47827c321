/* Macros the generated code cannot live with.
 *
 * The lowered C keeps the file's own #define lines and adds code of its own
 * after them (polls, inits, drops), so a macro that renames a keyword that
 * code is made of (`#define if ...`) or one of the names the lowering
 * invents (ac_f, ac_cx, ac_l_x, ...) would rewrite that code too, and the
 * result would not compile, or worse, compile into something else.  Such
 * a #define is an error at its name.  Found from clang's own tokens of the
 * file, which include the directives. */
#include "lower.h"

#include <string.h>

/* Keywords the generated code is built of.  Others (inline, restrict,
 * const, register, ...) are left alone: portable code often defines them
 * away for old compilers, and the generated code survives that. */
static bool structural_keyword(const char *s) {
  static const char *const kw[] = {
      "if",     "else",   "switch",  "case",   "default",    "return", "goto",
      "break",  "continue", "for",   "while",  "do",         "sizeof", "struct",
      "union",  "enum",   "void",    "char",   "short",      "int",    "long",
      "signed", "unsigned", "static", "extern", "typedef",   "typeof", "__typeof__",
      "_Alignof", "_Bool"};
  for (size_t i = 0; i < sizeof kw / sizeof *kw; i++)
    if (strcmp(s, kw[i]) == 0)
      return true;
  return false;
}

/* Identifiers of generated code: frame and context parameters, promoted
 * locals and the temporaries of lowered expressions. */
static bool lowering_name(const char *s) {
  static const char *const names[] = {"ac_f", "ac_fv", "ac_cx", "ac_t", "ac_ret", "ac_aw",
                                      "ac_sd", "ac_fr", "ac_state", "ac_result"};
  for (size_t i = 0; i < sizeof names / sizeof *names; i++)
    if (strcmp(s, names[i]) == 0)
      return true;
  return strncmp(s, "ac_l_", 5) == 0 || strncmp(s, "ac_resume_", 10) == 0;
}

void check_keyword_macros(Lowering *L) {
  CXSourceLocation b = clang_getLocationForOffset(L->tu, L->src.file, 0);
  CXSourceLocation e = clang_getLocationForOffset(L->tu, L->src.file, L->src.size);
  CXToken *toks = NULL;
  unsigned n = 0;
  clang_tokenize(L->tu, clang_getRange(b, e), &toks, &n);
  for (unsigned i = 0; i + 2 < n; i++) {
    /* '#' 'define' NAME: only punctuation followed by an identifier is
     * spelled out (a string per token) */
    if (clang_getTokenKind(toks[i]) != CXToken_Punctuation ||
        clang_getTokenKind(toks[i + 1]) != CXToken_Identifier)
      continue;
    CXString hash = clang_getTokenSpelling(L->tu, toks[i]);
    CXString def = clang_getTokenSpelling(L->tu, toks[i + 1]);
    bool is_define = strcmp(clang_getCString(hash), "#") == 0 &&
                     strcmp(clang_getCString(def), "define") == 0;
    clang_disposeString(hash);
    clang_disposeString(def);
    if (!is_define)
      continue;
    CXString name = clang_getTokenSpelling(L->tu, toks[i + 2]);
    const char *s = clang_getCString(name);
    unsigned off;
    clang_getSpellingLocation(clang_getTokenLocation(L->tu, toks[i + 2]), NULL, NULL, NULL, &off);
    if (clang_getTokenKind(toks[i + 2]) == CXToken_Keyword && structural_keyword(s))
      diag_at(L, DIAG_ERROR, off,
              "macro '%s' redefines a C keyword that the code asyncc generates uses; "
              "asyncc cannot lower this file",
              s);
    else if (lowering_name(s))
      diag_at(L, DIAG_ERROR, off,
              "macro '%s' redefines a name that asyncc's generated code uses; rename the macro", s);
    clang_disposeString(name);
  }
  clang_disposeTokens(L->tu, toks, n);
}
