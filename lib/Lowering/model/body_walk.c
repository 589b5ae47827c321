/* The walk of an async function's body, recorded once and replayed.  The
 * analysis and the lowering walk each body several times (uses of frame
 * locals, __func__, streams, lints, local types), and a libclang walk costs
 * far more than reading an array.  A replay hands the visitor the very
 * cursors and parents clang_visitChildren(ctx->body, ...) would, in the
 * same order, and honours Recurse, Continue and Break. */
#include "model/model.h"

#include <stdlib.h>
#include <string.h>

typedef struct Recorder {
  BodyWalk *w;
  size_t *path; /* the nodes from the body down to the last one recorded */
  size_t depth, cap;
} Recorder;

static void end_subtree(Recorder *r) {
  BodyWalk *w = r->w;
  w->nodes[r->path[--r->depth]].end = w->n;
}

static enum CXChildVisitResult record(CXCursor c, CXCursor parent, CXClientData d) {
  Recorder *r = d;
  BodyWalk *w = r->w;
  /* the path is popped down to c's parent (the body itself is not on it) */
  while (r->depth && memcmp(&w->nodes[r->path[r->depth - 1]].c, &parent, sizeof parent) != 0)
    end_subtree(r);
  if (w->n == w->cap) {
    w->cap = w->cap ? 2 * w->cap : 256;
    w->nodes = xrealloc(w->nodes, w->cap * sizeof *w->nodes);
  }
  if (r->depth == r->cap) {
    r->cap = r->cap ? 2 * r->cap : 64;
    r->path = xrealloc(r->path, r->cap * sizeof *r->path);
  }
  w->nodes[w->n] = (WalkNode){c, r->depth ? (long)r->path[r->depth - 1] : -1, 0};
  r->path[r->depth++] = w->n++;
  return CXChildVisit_Recurse;
}

void body_walk_record_of(BodyWalk *w, CXCursor body) {
  Recorder r = {.w = w};
  clang_visitChildren(body, record, &r);
  while (r.depth)
    end_subtree(&r);
  free(r.path);
  w->recorded = true;
  w->body = body;
}

const BodyWalk *body_walk_record(FnCtx *ctx) {
  if (!ctx->walk.recorded)
    body_walk_record_of(&ctx->walk, ctx->body);
  return &ctx->walk;
}

void body_walk(FnCtx *ctx, CXCursorVisitor visit, CXClientData d) {
  const BodyWalk *w = body_walk_record(ctx);
  for (size_t i = 0; i < w->n;) {
    const WalkNode *nd = &w->nodes[i];
    CXCursor parent = nd->parent < 0 ? ctx->body : w->nodes[nd->parent].c;
    enum CXChildVisitResult r = visit(nd->c, parent, d);
    if (r == CXChildVisit_Break)
      return;
    i = r == CXChildVisit_Continue ? nd->end : i + 1;
  }
}

void body_walk_free(BodyWalk *w) {
  free(w->nodes);
  *w = (BodyWalk){0};
}
