/* The rewrites of the sites that analysis records without editing: an
 * await of a function that never suspends becomes a direct call, an
 * ac_stream_of(g(args)) the start of g's embedded generator, an
 * ac_spawn(g(args)) a call of g's spawn helper, an async function named as
 * a value its descriptor's address; and the types of the body that a frame
 * field needs move to file scope (model/local_types.c). */
#include "lower/lower.h"
#include "forms/forms.h"

#include <stdlib.h>

void lower_recorded_sites(FnCtx *ctx) {
  Lowering *L = ctx->L;
  ctx->lowering = true;
  local_types_replay(ctx);
  for (size_t i = 0; i < ctx->num_direct_awaits; i++) {
    const DirectAwait *d = &ctx->direct_awaits[i];
    edit_replace(L, (Range){d->op.begin, skip_space(&L->src, d->op.begin + 5)}, xstrdup(""));
    edit_replace(L, d->name, xasprintf("%s__sync", d->g->name));
  }
  stream_values_rewrite(ctx);
  for (size_t i = 0; i < ctx->num_spawns; i++)
    builtin_rewrite(L, &ctx->spawns[i]);
  for (size_t i = 0; i < ctx->num_value_refs; i++)
    async_value_use(L, ctx->value_refs[i], ctx->fn->header.begin);
  free(ctx->direct_awaits), free(ctx->spawns), free(ctx->value_refs);
  ctx->direct_awaits = NULL, ctx->spawns = NULL, ctx->value_refs = NULL;
  ctx->num_direct_awaits = ctx->num_spawns = ctx->num_value_refs = 0;
}
