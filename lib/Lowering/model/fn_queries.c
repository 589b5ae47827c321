/* Questions asked of the function being lowered: the await at an offset,
 * how many awaits a range holds, the Var of a declaration. */
#include "model/model.h"

#include <stdlib.h>
#include <string.h>

/* The index of the first await at or after 'off'. */
static size_t first_await_from(FnCtx *ctx, unsigned off) {
  size_t lo = 0, hi = ctx->num_awaits;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (ctx->awaits[mid].range.begin < off)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

Await *await_at(FnCtx *ctx, unsigned off) {
  size_t i = first_await_from(ctx, off);
  return i < ctx->num_awaits && ctx->awaits[i].range.begin == off ? &ctx->awaits[i] : NULL;
}

/* Asked for every local and nearly every expression: a count of the
 * evaluated awaits before each one (built once the awaits are sorted)
 * answers in two binary searches, where counting made it n^2. */
int awaits_in(FnCtx *ctx, Range r) {
  if (ctx->num_evaluated_counted != ctx->num_awaits + 1) {
    ctx->evaluated_before = xrealloc(ctx->evaluated_before, (ctx->num_awaits + 1) * sizeof(int));
    ctx->evaluated_before[0] = 0;
    for (size_t i = 0; i < ctx->num_awaits; i++)
      ctx->evaluated_before[i + 1] = ctx->evaluated_before[i] + ctx->awaits[i].evaluated;
    ctx->num_evaluated_counted = ctx->num_awaits + 1;
  }
  size_t lo = first_await_from(ctx, r.begin), hi = first_await_from(ctx, r.end);
  return hi > lo ? ctx->evaluated_before[hi] - ctx->evaluated_before[lo] : 0;
}

static unsigned decl_key(CXCursor c) {
  unsigned off = 0;
  clang_getFileLocation(clang_getCursorLocation(c), NULL, NULL, NULL, &off);
  return off;
}

static void index_var(FnCtx *ctx, size_t i) {
  size_t k = (ctx->var_keys[i] * 2654435761u) & (ctx->var_cap - 1);
  while (ctx->var_slots[k])
    k = (k + 1) & (ctx->var_cap - 1);
  ctx->var_slots[k] = (unsigned)i + 1;
}

/* Looked up by a hash of the declaration's offset: a function with n locals
 * makes about n lookups per local use, a linear search made that n^2. */
Var *var_of(FnCtx *ctx, CXCursor decl) {
  if (ctx->num_indexed < ctx->num_vars) {
    ctx->var_keys = xrealloc(ctx->var_keys, ctx->num_vars * sizeof *ctx->var_keys);
    for (size_t i = ctx->num_indexed; i < ctx->num_vars; i++)
      ctx->var_keys[i] = decl_key(ctx->vars[i].cur);
    if (ctx->num_vars * 2 > ctx->var_cap) {
      for (ctx->var_cap = 64; ctx->var_cap < ctx->num_vars * 2;)
        ctx->var_cap *= 2;
      free(ctx->var_slots);
      ctx->var_slots = xrealloc(NULL, ctx->var_cap * sizeof *ctx->var_slots);
      memset(ctx->var_slots, 0, ctx->var_cap * sizeof *ctx->var_slots);
      ctx->num_indexed = 0;
    }
    for (; ctx->num_indexed < ctx->num_vars; ctx->num_indexed++)
      index_var(ctx, ctx->num_indexed);
  }
  if (!ctx->var_cap)
    return NULL;
  unsigned key = decl_key(decl);
  for (size_t k = (key * 2654435761u) & (ctx->var_cap - 1); ctx->var_slots[k];
       k = (k + 1) & (ctx->var_cap - 1)) {
    Var *v = &ctx->vars[ctx->var_slots[k] - 1];
    if (ctx->var_keys[ctx->var_slots[k] - 1] == key && clang_equalCursors(v->cur, decl))
      return v;
  }
  return NULL;
}
