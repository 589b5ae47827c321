/* inspect/: what --emit=layout/dot/json report: the frame's layout, the
 * state graph, which fields live across which await.
 *
 * Include rule: inspect/ includes support/, model/, lower/, forms/ and
 * inspect/. */
#ifndef ASYNCC_INSPECT_H
#define ASYNCC_INSPECT_H

#include "model/model.h"

/* ------------------------------------------------------------ state_graph.c */

void build_state_graph(FnCtx *ctx, StateEdge **edges, size_t *num_edges);
/* frame_info.c: records fn->info once the function is lowered */
void record_frame_info(FnCtx *ctx);
/* frame_liveness.c: whether a local's value is needed after an await of
 * its scope (for fn->info) */
typedef struct Liveness Liveness;
Liveness *liveness_of(FnCtx *ctx);
bool live_across(const Liveness *lv, const Var *v, const Await *aw);
void liveness_free(Liveness *lv);
/* inspect.c: the --emit=layout/dot/json report on the lowered C */
char *inspect_report(Lowering *L, const char *c_text);

#endif
