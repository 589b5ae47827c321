/* Declarations of one function that disagree on `async`.
 *
 * `int f(int);` then `async int f(int x) {...}`: callers that saw the
 * prototype call a plain function that does not exist (the definition is
 * lowered to a frame, an init and a poll).  The reverse hides the same
 * mistake: clang copies the `annotate` attribute of `async` to every later
 * declaration, so a plain definition after an async prototype would be
 * lowered as async.  Both are errors, at the later declaration, with a
 * note at the earlier one, as clang's "conflicting types".
 *
 * Whether a declaration itself says `async`: its annotation is written
 * inside the declaration's extent (an inherited one keeps the location of
 * the declaration it came from). */
#include "analysis/analysis.h"

#include <stdlib.h>
#include <string.h>

typedef struct Seen {
  char *name;
  CXCursor last; /* the latest declaration seen */
  bool async;    /* whether it says `async` */
} Seen;

typedef struct Redecls {
  Lowering *L;
  Seen *seen;
  size_t n;
} Redecls;

static unsigned expansion_offset(CXSourceLocation loc) {
  unsigned off = 0;
  clang_getExpansionLocation(loc, NULL, NULL, NULL, &off);
  return off;
}

typedef struct Written {
  unsigned begin, end;
  bool found;
} Written;

static enum CXChildVisitResult find_written_async(CXCursor c, CXCursor parent, CXClientData d) {
  (void)parent;
  Written *w = d;
  if (clang_getCursorKind(c) != CXCursor_AnnotateAttr)
    return CXChildVisit_Continue;
  CXString s = clang_getCursorSpelling(c);
  unsigned at = expansion_offset(clang_getCursorLocation(c));
  if (strcmp(clang_getCString(s), "asyncc.async") == 0 && at >= w->begin && at <= w->end)
    w->found = true;
  clang_disposeString(s);
  return CXChildVisit_Continue;
}

static bool says_async(CXCursor fn) {
  CXSourceRange ext = clang_getCursorExtent(fn);
  Written w = {expansion_offset(clang_getRangeStart(ext)), expansion_offset(clang_getRangeEnd(ext)),
               false};
  clang_visitChildren(fn, find_written_async, &w);
  return w.found;
}

static Seen *seen_of(Redecls *r, const char *name) {
  for (size_t i = 0; i < r->n; i++)
    if (strcmp(r->seen[i].name, name) == 0)
      return &r->seen[i];
  return NULL;
}

static enum CXChildVisitResult visit_decl(CXCursor c, CXCursor parent, CXClientData d) {
  (void)parent;
  Redecls *r = d;
  if (clang_getCursorKind(c) != CXCursor_FunctionDecl)
    return CXChildVisit_Continue;
  AsyncFn *fn = find_async_fn(r->L, c); /* some declaration of it says async */
  if (!fn)
    return CXChildVisit_Continue;
  bool async = says_async(c);
  const char *name = fn->name;
  Seen *prev = seen_of(r, name);
  if (prev && prev->async != async &&
      (loc_in_main(r->L, clang_getCursorLocation(c)) ||
       loc_in_main(r->L, clang_getCursorLocation(prev->last)))) {
    bool def = clang_isCursorDefinition(c);
    diag_cursor(r->L, DIAG_ERROR, c,
                "conflicting types for '%s': this %s is %s'async' but its previous declaration "
                "is %s; write 'async' on every declaration of an async function",
                name, def ? "definition" : "declaration", async ? "" : "not ",
                async ? "not" : "'async'");
    diag_cursor(r->L, DIAG_NOTE, prev->last, "previous declaration is here");
  }
  if (!prev) {
    r->seen = xrealloc(r->seen, (r->n + 1) * sizeof *r->seen);
    prev = &r->seen[r->n++];
    prev->name = xstrdup(name);
  }
  prev->last = c;
  prev->async = async;
  return CXChildVisit_Continue;
}

void check_async_redeclarations(Lowering *L) {
  Redecls r = {.L = L};
  clang_visitChildren(clang_getTranslationUnitCursor(L->tu), visit_decl, &r);
  for (size_t i = 0; i < r.n; i++)
    free(r.seen[i].name);
  free(r.seen);
}
