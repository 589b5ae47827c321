/* The async functions of the file and their await operators, as the AST
 * shows them: which declarations are async, which operators are awaits. */
#include "model/model.h"

#include <stdlib.h>
#include <string.h>

static enum CXChildVisitResult find_annotation(CXCursor c, CXCursor parent, CXClientData d) {
  (void)parent;
  if (clang_getCursorKind(c) == CXCursor_AnnotateAttr) {
    CXString s = clang_getCursorSpelling(c);
    if (strcmp(clang_getCString(s), "asyncc.async") == 0)
      *(bool *)d = true;
    clang_disposeString(s);
  }
  return CXChildVisit_Continue;
}

bool has_async_annotation(CXCursor c) {
  bool found = false;
  clang_visitChildren(c, find_annotation, &found);
  return found;
}

bool is_async_decl(CXCursor c) {
  return clang_getCursorKind(c) == CXCursor_FunctionDecl && has_async_annotation(c);
}

AsyncFn *find_async_fn(Lowering *L, CXCursor c) {
  if (clang_getCursorKind(c) != CXCursor_FunctionDecl)
    return NULL;
  CXString name = clang_getCursorSpelling(c);
  AsyncFn *r = name_map_get(&L->fn_by_name, clang_getCString(name));
  clang_disposeString(name);
  return r;
}

const char main_not_awaitable[] =
    "'main' cannot be awaited: an async 'main' is the program's root task, which the "
    "generated C 'main' runs once (ac_block_on) and whose result is the exit status; there "
    "is no async function 'main' to call. Move the work into another async function, and "
    "await that from 'main'";

bool is_await_op(Lowering *L, CXCursor c) {
  if (clang_getCursorKind(c) != CXCursor_UnaryOperator ||
      clang_getCursorUnaryOperatorKind(c) != CXUnaryOperator_Extension)
    return false;
  /* `await` expands to __extension__ from the prelude: the operator's first
   * token is spelled there.  A genuine __extension__ is spelled elsewhere. */
  CXFile f;
  clang_getSpellingLocation(clang_getRangeStart(clang_getCursorExtent(c)), &f, NULL, NULL, NULL);
  if (!f)
    return false;
  if (f == L->forms_file)
    return true;
  CXString name = clang_getFileName(f);
  const char *n = clang_getCString(name);
  size_t len = strlen(n);
  bool r = len >= 14 && strcmp(n + len - 14, "asyncc/forms.h") == 0;
  clang_disposeString(name);
  if (r)
    L->forms_file = f;
  return r;
}

static enum CXChildVisitResult note_await_op(CXCursor c, CXCursor parent, CXClientData d) {
  (void)parent;
  void **a = d;
  AsyncFn *fn = a[1];
  fn->calls_stream |= stream_needs_frame(a[0], c);
  if (is_await_op(a[0], c)) {
    fn->await_ops = xrealloc(fn->await_ops, (fn->num_await_ops + 1) * sizeof *fn->await_ops);
    fn->await_ops[fn->num_await_ops++] = c;
  }
  return CXChildVisit_Recurse;
}

/* The body is walked once, recorded for its lowering (lower.c), and read
 * from the record. */
static enum CXChildVisitResult note_await_op_in_decl(CXCursor c, CXCursor parent, CXClientData d) {
  void **a = d;
  AsyncFn *fn = a[1];
  note_await_op(c, parent, d);
  if (clang_getCursorKind(c) != CXCursor_CompoundStmt || fn->walk.recorded)
    return CXChildVisit_Recurse;
  body_walk_record_of(&fn->walk, c);
  for (size_t i = 0; i < fn->walk.n; i++)
    note_await_op(fn->walk.nodes[i].c, c, d);
  return CXChildVisit_Continue;
}

void fn_await_ops(Lowering *L, AsyncFn *fn) {
  if (fn->await_ops_found)
    return;
  fn->await_ops_found = true;
  void *a[2] = {L, fn};
  clang_visitChildren(fn->decl, note_await_op_in_decl, a);
}

bool stream_needs_frame(Lowering *L, CXCursor c) {
  if (clang_getCursorKind(c) != CXCursor_CallExpr)
    return false;
  CXCursor f = clang_getCursorReferenced(c); /* (asked once: this runs on every call) */
  CXString name = clang_getCursorSpelling(f);
  const char *n = clang_getCString(name);
  AsyncFn *g = clang_getCursorKind(f) == CXCursor_FunctionDecl ? name_map_get(&L->fn_by_name, n) : NULL;
  bool r = (g && g->is_stream) || strcmp(n, "ac__for_each_begin") == 0;
  clang_disposeString(name);
  return r;
}
