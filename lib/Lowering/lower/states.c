/* The resume states of the function being lowered. */
#include "lower/lower.h"

#include <stdlib.h>

/* A promoted local that shares storage with the locals of other blocks
 * (frame_overlap.c) is saved at the suspensions inside its block only
 * (outside it, it is dead and its bytes may be a sibling's), and at every
 * one of them, even if never assigned after its declaration: its bytes
 * may be a sibling's since the block was entered, and the resume reloads
 * it (emit.c), so it always reloads what its save stored. */
int new_state(FnCtx *ctx, Await *aw) {
  if (!ctx->save_counted) { /* the locals a save may name, once: not every local per await */
    ctx->save_vars = xrealloc(NULL, (ctx->num_vars + 1) * sizeof *ctx->save_vars);
    for (size_t i = 0; i < ctx->num_vars; i++)
      if (ctx->vars[i].promoted && (ctx->vars[i].shares_storage || ctx->vars[i].assigned))
        ctx->save_vars[ctx->num_save_vars++] = i;
    ctx->save_counted = true;
  }
  StrBuf sb = {0};
  for (size_t k = 0; k < ctx->num_save_vars; k++) {
    Var *v = &ctx->vars[ctx->save_vars[k]];
    if (v->shares_storage ? in_block_of(v, aw->range.begin) : v->assigned)
      sb_printf(&sb, "AC__SAVE(ac_f->%s, %s); ", v->field, v->local);
  }
  free(ctx->save_text);
  ctx->save_text = sb_take(&sb);
  return ++ctx->num_states;
}
