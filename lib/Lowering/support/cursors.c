/* Cursor helpers: a cursor's children, its spelling, where a statement ends. */
#include "support/support.h"

#include <stdlib.h>
#include <string.h>

enum CXChildVisitResult collect_child(CXCursor c, CXCursor parent, CXClientData d) {
  (void)parent;
  Children *ch = d;
  if (ch->n == ch->cap) {
    size_t cap = ch->cap * 2;
    CXCursor *p = xrealloc(ch->p == ch->v ? NULL : ch->p, cap * sizeof(CXCursor));
    if (ch->p == ch->v)
      memcpy(p, ch->v, sizeof ch->v);
    ch->p = p;
    ch->cap = cap;
  }
  ch->p[ch->n++] = c;
  return CXChildVisit_Continue;
}

void children_of(CXCursor c, Children *ch) {
  ch->p = ch->v;
  ch->n = 0;
  ch->cap = sizeof ch->v / sizeof ch->v[0];
  clang_visitChildren(c, collect_child, ch);
}

void children_free(Children *ch) {
  if (ch->p != ch->v)
    free(ch->p);
  ch->p = ch->v;
}

/* Parentheses and clang's implicit nodes (UnexposedExpr: casts, decays). */
CXCursor strip_parens(CXCursor c) {
  for (;;) {
    enum CXCursorKind k = clang_getCursorKind(c);
    if (k != CXCursor_ParenExpr && k != CXCursor_UnexposedExpr)
      return c;
    Children ch;
    children_of(c, &ch);
    if (ch.n != 1) {
      children_free(&ch);
      return c;
    }
    c = ch.p[0];
    children_free(&ch);
  }
}

static enum CXChildVisitResult take_first(CXCursor c, CXCursor parent, CXClientData d) {
  (void)parent;
  *(CXCursor *)d = c;
  return CXChildVisit_Break;
}

CXCursor first_operand(CXCursor c) {
  CXCursor first = clang_getNullCursor();
  clang_visitChildren(c, take_first, &first);
  return strip_parens(first);
}

char *cursor_name(CXCursor c) {
  CXString s = clang_getCursorSpelling(c);
  char *r = xstrdup(clang_getCString(s));
  clang_disposeString(s);
  return r;
}

char *type_name(CXType t) {
  CXString s = clang_getTypeSpelling(t);
  char *r = xstrdup(clang_getCString(s));
  clang_disposeString(s);
  return r;
}


bool repeats_earlier_child(Lowering *L, Children *ch, size_t i) {
  Range r, e;
  if (!cursor_range(L, ch->p[i], &r))
    return false;
  for (size_t j = 0; j < i; j++)
    if (cursor_range(L, ch->p[j], &e) && e.begin == r.begin && e.end == r.end)
      return true;
  return false;
}

/* The end of statement s, including its ';' when it has one. */
unsigned stmt_end(Lowering *L, CXCursor s) {
  Range r;
  if (!cursor_range(L, s, &r))
    return 0;
  switch (clang_getCursorKind(s)) {
  case CXCursor_CompoundStmt:
  case CXCursor_DeclStmt:
  case CXCursor_NullStmt:
    return r.end;
  case CXCursor_IfStmt:
  case CXCursor_WhileStmt:
  case CXCursor_ForStmt:
  case CXCursor_SwitchStmt:
  case CXCursor_LabelStmt:
  case CXCursor_CaseStmt:
  case CXCursor_DefaultStmt: {
    Children ch;
    children_of(s, &ch);
    unsigned e = ch.n ? stmt_end(L, ch.p[ch.n - 1]) : r.end;
    children_free(&ch);
    return e > r.end ? e : r.end;
  }
  default: {
    unsigned p = skip_space(&L->src, r.end);
    return p < L->src.size && L->src.text[p] == ';' ? p + 1 : r.end;
  }
  }
}
