/* Typed joins: `await ac_task_join(h, &v)` must write the spawned
 * function's result into a `v` of that result's type.
 *
 * The join handle is a plain `struct ac_task *` (it goes into arrays, join
 * sets and other tasks), and ac_task_join takes the result's address as a
 * `void *`, so user code needs no casts.  What C's types cannot say, the
 * compiler checks: where the handle is a local or parameter whose every
 * assignment in the function is `ac_spawn(f(...))` of one function f, the
 * pointer passed to the join must point to f's result type (or be NULL, or
 * a `void *` the program chose).  A mismatch (a `long` result copied into an
 * `int`) is an error, with a note at the spawn. */
#define _GNU_SOURCE /* memmem */
#include "analysis/analysis.h"
#include "forms/forms.h"

#include <stdlib.h>
#include <string.h>

typedef struct Spawned {
  CXCursor var;      /* the handle variable */
  AsyncFn *callee;   /* NULL once two different functions were assigned */
  unsigned spawn_at; /* where it was spawned, for the note */
} Spawned;

typedef struct JoinCheck {
  Lowering *L;
  Spawned *v;
  size_t n;
  CXCursor *joins;
  size_t num_joins;
} JoinCheck;

/* The function spawned by `ac_spawn(f(args))` as the prelude expands it:
 * `((void)(f(args)), (struct ac_task *)0)`. */
static AsyncFn *spawned_callee(Lowering *L, CXCursor e, unsigned *at) {
  e = strip_parens(e);
  if (clang_getCursorKind(e) != CXCursor_BinaryOperator ||
      clang_getCursorBinaryOperatorKind(e) != CXBinaryOperator_Comma)
    return NULL;
  Children ch;
  children_of(e, &ch);
  CXCursor cast = ch.n == 2 ? strip_parens(ch.p[0]) : clang_getNullCursor();
  children_free(&ch);
  if (clang_getCursorKind(cast) != CXCursor_CStyleCastExpr)
    return NULL;
  children_of(cast, &ch);
  CXCursor call = ch.n ? strip_parens(ch.p[ch.n - 1]) : clang_getNullCursor();
  children_free(&ch);
  AsyncFn *g = clang_getCursorKind(call) == CXCursor_CallExpr
                   ? find_async_fn(L, clang_getCursorReferenced(call))
                   : NULL;
  Range r;
  BuiltinSite site;
  if (!g || !cursor_range(L, call, &r) || builtin_of_call(L, call, g, &site) != BUILTIN_SPAWN)
    return NULL;
  *at = site.kw;
  return g;
}

static void note_assignment(JoinCheck *jc, CXCursor var, CXCursor value) {
  unsigned at = 0;
  AsyncFn *g = spawned_callee(jc->L, value, &at);
  for (size_t i = 0; i < jc->n; i++)
    if (clang_equalCursors(jc->v[i].var, var)) {
      if (jc->v[i].callee != g)
        jc->v[i].callee = NULL;
      return;
    }
  jc->v = xrealloc(jc->v, (jc->n + 1) * sizeof *jc->v);
  jc->v[jc->n++] = (Spawned){var, g, at};
}

static enum CXChildVisitResult visit(CXCursor c, CXCursor parent, CXClientData d) {
  (void)parent;
  JoinCheck *jc = d;
  enum CXCursorKind k = clang_getCursorKind(c);
  Children ch;
  if (k == CXCursor_VarDecl || k == CXCursor_ParmDecl) {
    children_of(c, &ch);
    /* the initializer is the last child that is an expression */
    CXCursor init = ch.n && clang_isExpression(clang_getCursorKind(ch.p[ch.n - 1]))
                        ? ch.p[ch.n - 1]
                        : clang_getNullCursor();
    children_free(&ch);
    /* a parameter's handle comes from elsewhere: unknown, never checked */
    if (k == CXCursor_ParmDecl || !clang_Cursor_isNull(init))
      note_assignment(jc, c, init);
  } else if (k == CXCursor_BinaryOperator &&
             clang_getCursorBinaryOperatorKind(c) == CXBinaryOperator_Assign) {
    children_of(c, &ch);
    CXCursor lhs = ch.n == 2 ? strip_parens(ch.p[0]) : clang_getNullCursor();
    if (clang_getCursorKind(lhs) == CXCursor_DeclRefExpr)
      note_assignment(jc, clang_getCursorReferenced(lhs), ch.p[1]);
    children_free(&ch);
  } else if (k == CXCursor_UnaryOperator &&
             clang_getCursorUnaryOperatorKind(c) == CXUnaryOperator_AddrOf) {
    /* `&h` may change h behind our back: no longer checked */
    CXCursor op = first_operand(c);
    if (clang_getCursorKind(op) == CXCursor_DeclRefExpr)
      note_assignment(jc, clang_getCursorReferenced(op), clang_getNullCursor());
  } else if (k == CXCursor_CallExpr && clang_Cursor_getNumArguments(c) == 2) {
    AsyncFn *fn = find_async_fn(jc->L, clang_getCursorReferenced(c));
    if (fn && fn->is_external && strcmp(fn->name, "ac_task_join") == 0) {
      jc->joins = xrealloc(jc->joins, (jc->num_joins + 1) * sizeof *jc->joins);
      jc->joins[jc->num_joins++] = c;
    }
  }
  return CXChildVisit_Recurse;
}

static CXType plain(CXType t) {
  return clang_getUnqualifiedType(clang_getCanonicalType(t));
}

static void check_join(JoinCheck *jc, CXCursor join) {
  Lowering *L = jc->L;
  CXCursor h = strip_parens(clang_Cursor_getArgument(join, 0));
  if (clang_getCursorKind(h) != CXCursor_DeclRefExpr)
    return;
  CXCursor var = clang_getCursorReferenced(h);
  const Spawned *s = NULL;
  for (size_t i = 0; i < jc->n && !s; i++)
    if (clang_equalCursors(jc->v[i].var, var))
      s = &jc->v[i];
  if (!s || !s->callee || s->callee->returns_void)
    return;
  CXType out = plain(clang_getCursorType(strip_parens(clang_Cursor_getArgument(join, 1))));
  if (out.kind != CXType_Pointer)
    return; /* NULL written as 0, say */
  CXType pointee = plain(clang_getPointeeType(out));
  CXType result = plain(clang_getResultType(clang_getCursorType(s->callee->decl)));
  if (is_void_type(pointee) || clang_equalTypes(pointee, result))
    return;
  CXString ps = clang_getTypeSpelling(pointee), rs = clang_getTypeSpelling(result);
  diag_cursor(L, DIAG_ERROR, clang_Cursor_getArgument(join, 1),
              "ac_task_join copies the result of '%s' (of type '%s') through a pointer to '%s'; "
              "pass the address of a '%s'",
              s->callee->name, clang_getCString(rs), clang_getCString(ps), clang_getCString(rs));
  diag_at(L, DIAG_NOTE, s->spawn_at, "the task joined there was spawned here");
  clang_disposeString(ps);
  clang_disposeString(rs);
}

void check_task_joins(Lowering *L, AsyncFn *fn, Range body) {
  if (!memmem(L->src.text + body.begin, body.end - body.begin, "ac_task_join", 12))
    return;
  JoinCheck jc = {.L = L};
  clang_visitChildren(fn->decl, visit, &jc);
  for (size_t i = 0; i < jc.num_joins; i++)
    check_join(&jc, jc.joins[i]);
  free(jc.v);
  free(jc.joins);
}
