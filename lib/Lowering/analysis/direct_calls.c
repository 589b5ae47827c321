/* Async functions that never suspend, and their awaits as direct calls.
 *
 * An async function whose awaits all call async functions of this file that
 * never suspend either (so, transitively, nothing it awaits is a runtime
 * leaf, a function of another file, an ac_timeout, ac_join or ac_select)
 * completes in its first poll, every time.  Awaiting it through a frame is
 * pure overhead: the caller would store the callee's state, arguments and
 * result in frame memory the backend must assume escapes, at every level of
 * a call chain.
 *
 * So such a function f is emitted as the plain C function
 *
 *   T f__sync(params) { the body as written, awaits of direct callees as calls }
 *
 * and `await f(args)` anywhere in the file becomes `f__sync(args)`, which the
 * backend inlines like any static call (what rustc's inlining does for Rust's
 * ready futures).  f's frame, init, poll (which calls f__sync) and drop
 * remain, for ac_spawn, ac_block_on, ac_timeout, ac_join, ac_select and
 * async main.  A direct call is a C call, so the caller's frame does not
 * hold f's frame, and recursion among such functions is plain C recursion. */
#include "analysis/analysis.h"

#include <stdlib.h>
#include <string.h>

/* `await g(args)` where g is an async function of this file and the await
 * and g's name are written in the file (not by a macro): the callee, the
 * await's range and the range of the name g. */
static AsyncFn *awaited_by_name(Lowering *L, CXCursor await_op, Range *op, Range *name) {
  CXCursor call = first_operand(await_op);
  if (clang_getCursorKind(call) != CXCursor_CallExpr || !cursor_range(L, await_op, op))
    return NULL;
  AsyncFn *g = find_async_fn(L, clang_getCursorReferenced(call));
  if (!g)
    return NULL;
  CXCursor ref = first_operand(call);
  if (clang_getCursorKind(ref) != CXCursor_DeclRefExpr || !cursor_range(L, ref, name) ||
      name->end - name->begin != strlen(g->name) || !text_is_word(&L->src, name->begin, g->name) ||
      !text_is_word(&L->src, op->begin, "await"))
    return NULL;
  return g;
}

/* ---- which functions never suspend ---- */

typedef struct Edge {
  AsyncFn *from, *to;
} Edge;

typedef struct Scan {
  Lowering *L;
  AsyncFn *fn;
  Edge *edges;
  size_t num_edges;
} Scan;

static void scan_awaits(Scan *s) {
  fn_await_ops(s->L, s->fn);
  if (s->fn->calls_stream)
    s->fn->never_suspends = false; /* it polls a generator, or keeps one in its frame */
  for (size_t i = 0; i < s->fn->num_await_ops; i++) {
    Range op, name;
    AsyncFn *g = awaited_by_name(s->L, s->fn->await_ops[i], &op, &name);
    if (!g || !g->has_body || g->is_external || g->is_main) {
      s->fn->never_suspends = false; /* a leaf, another file's function, ac_timeout, an error */
      continue;
    }
    s->edges = xrealloc(s->edges, (s->num_edges + 1) * sizeof *s->edges);
    s->edges[s->num_edges++] = (Edge){s->fn, g};
  }
}

void find_direct_fns(Lowering *L) {
  Scan s = {.L = L};
  for (size_t i = 0; i < L->num_fns; i++) {
    AsyncFn *fn = L->fns[i];
    fn->never_suspends = fn->has_body && !fn->is_external && !fn->is_stream;
    if (!fn->never_suspends)
      continue;
    s.fn = fn;
    scan_awaits(&s);
  }
  /* the greatest fixpoint: suspension starts at a leaf and spreads to
   * every function that awaits one that may suspend */
  for (bool changed = true; changed;) {
    changed = false;
    for (size_t i = 0; i < s.num_edges; i++)
      if (s.edges[i].from->never_suspends && !s.edges[i].to->never_suspends)
        s.edges[i].from->never_suspends = false, changed = true;
  }
  free(s.edges);
}

/* ---- awaits of direct functions ---- */

static int cmp_unsigned(const void *a, const void *b) {
  unsigned x = *(const unsigned *)a, y = *(const unsigned *)b;
  return x < y ? -1 : x > y;
}

bool await_direct(FnCtx *ctx, CXCursor await_op) {
  Lowering *L = ctx->L;
  Range op, name;
  AsyncFn *g = awaited_by_name(L, await_op, &op, &name);
  if (!g || !g->never_suspends)
    return false;
  ctx->direct_awaits =
      xrealloc(ctx->direct_awaits, (ctx->num_direct_awaits + 1) * sizeof *ctx->direct_awaits);
  ctx->direct_awaits[ctx->num_direct_awaits++] = (DirectAwait){op, name, g};
  ctx->direct = xrealloc(ctx->direct, (ctx->num_direct + 1) * sizeof *ctx->direct);
  ctx->direct[ctx->num_direct++] = op.begin;
  bool known = false;
  for (size_t i = 0; i < ctx->fn->num_direct_callees; i++)
    known |= ctx->fn->direct_callees[i] == g;
  if (!known) {
    AsyncFn *fn = ctx->fn;
    fn->direct_callees =
        xrealloc(fn->direct_callees, (fn->num_direct_callees + 1) * sizeof *fn->direct_callees);
    fn->direct_callees[fn->num_direct_callees++] = g;
  }
  return true;
}

void sort_direct_awaits(FnCtx *ctx) {
  if (ctx->num_direct) /* qsort and bsearch want a non-null base */
    qsort(ctx->direct, ctx->num_direct, sizeof *ctx->direct, cmp_unsigned);
}

bool is_direct_await_at(FnCtx *ctx, unsigned off) {
  return ctx->num_direct && bsearch(&off, ctx->direct, ctx->num_direct, sizeof *ctx->direct, cmp_unsigned) != NULL;
}
