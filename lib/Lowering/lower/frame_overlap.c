/* Frame locals of blocks that are never live at once share storage.
 *
 * C ends a block's automatic objects when the block is left (even by a
 * goto; jumping back in starts a new lifetime with an indeterminate value),
 * so the locals of two blocks whose source ranges are disjoint are never
 * live at the same time, as a C compiler shares their stack slots.  The
 * frame follows the block tree: a block's own locals are fields of its
 * struct, and the blocks nested in it that hold frame locals are members
 * of one anonymous union, each an anonymous struct of its own fields and
 * nested blocks, recursively.  Anonymous members keep every access
 * `ac_f->x`.  Three sibling blocks with a 3 MiB buffer each across an
 * await cost 3 MiB, not 9.
 *
 * The tree is built twice, for the locals up to a cache line and for the
 * larger ones, which go after the callee frames (emit.c).  A block's own
 * locals come first, by decreasing alignment, then the union of its
 * nested blocks.
 *
 * A promoted local (analyze.c) that shares storage is saved only at the
 * suspensions inside its block and reloaded only when resuming there
 * (new_state in analyze.c, resume_case in emit.c): elsewhere its bytes may
 * belong to a live local of a sibling block. */
#include "lower/lower.h"

#include <stdlib.h>
#include <string.h>

typedef struct Block {
  unsigned begin, end;
} Block;

static Block block_of(FnCtx *ctx, const Var *v) {
  if (v->is_param) /* parameters live in the whole body */
    return (Block){ctx->fn->body.begin, ctx->fn->body.end};
  return (Block){v->scope_begin, v->scope_end};
}

static bool within(Block a, Block b) { return a.begin >= b.begin && a.end <= b.end; }
static bool same(Block a, Block b) { return a.begin == b.begin && a.end == b.end; }

/* The outermost block strictly inside b, among those of the variables
 * 'in', that encloses the block of variable i: the child of b it belongs to. */
static Block child_of(FnCtx *ctx, const size_t *in, size_t n, Block b, size_t i) {
  Block bi = block_of(ctx, &ctx->vars[i]), top = bi;
  for (size_t j = 0; j < n; j++) {
    Block bj = block_of(ctx, &ctx->vars[in[j]]);
    if (!same(bj, b) && within(bj, b) && within(bi, bj) && within(top, bj))
      top = bj;
  }
  return top;
}

static enum CXChildVisitResult find_align_attr(CXCursor c, CXCursor parent, CXClientData d) {
  (void)parent, (void)d;
  return clang_getCursorKind(c) == CXCursor_AlignedAttr ? CXChildVisit_Break : CXChildVisit_Continue;
}

/* A variable's alignment; one declared with an alignment (_Alignas,
 * aligned) sorts first. */
static long long var_align(const Var *v) {
  if (!v->is_param && clang_visitChildren(v->cur, find_align_attr, NULL))
    return 1LL << 40;
  long long a = clang_Type_getAlignOf(clang_getCursorType(v->cur));
  return a > 0 ? a : 1LL << 40;
}

/* The fields of the variables 'in' (indices into ctx->vars, in declaration
 * order, all within block b): b's own, and at the first variable of a
 * nested block, the union of the nested blocks (or the one block, inline). */
static void block_fields(FnCtx *ctx, StrBuf *sb, const size_t *in, size_t n, Block b, bool shared) {
  Block *tops = xrealloc(NULL, n * sizeof *tops);
  size_t num_tops = 0;
  for (size_t k = 0; k < n; k++) {
    Block bk = block_of(ctx, &ctx->vars[in[k]]);
    if (same(bk, b))
      continue;
    Block t = child_of(ctx, in, n, b, in[k]);
    size_t m = 0;
    while (m < num_tops && !same(tops[m], t))
      m++;
    if (m == num_tops)
      tops[num_tops++] = t;
  }
  /* b's own variables first, by decreasing alignment (no padding between
   * them), in declaration order among equals */
  size_t *own = xrealloc(NULL, (n + 1) * sizeof *own), num_own = 0;
  for (size_t k = 0; k < n; k++)
    if (same(block_of(ctx, &ctx->vars[in[k]]), b))
      own[num_own++] = in[k];
  for (size_t k = 1; k < num_own; k++)
    for (size_t j = k; j > 0 && var_align(&ctx->vars[own[j - 1]]) < var_align(&ctx->vars[own[j]]); j--) {
      size_t t = own[j];
      own[j] = own[j - 1], own[j - 1] = t;
    }
  for (size_t k = 0; k < num_own; k++) {
    ctx->vars[own[k]].shares_storage = shared;
    var_field(ctx, sb, &ctx->vars[own[k]]);
  }
  free(own);
  bool children_done = false;
  size_t *sub = xrealloc(NULL, n * sizeof *sub);
  for (size_t k = 0; k < n; k++) {
    Var *v = &ctx->vars[in[k]];
    if (same(block_of(ctx, v), b) || children_done)
      continue;
    children_done = true;
    if (num_tops > 1)
      sb_puts(sb, "    union { /* blocks never live at once share storage */\n");
    for (size_t t = 0; t < num_tops; t++) {
      size_t m = 0;
      for (size_t j = k; j < n; j++)
        if (within(block_of(ctx, &ctx->vars[in[j]]), tops[t]))
          sub[m++] = in[j];
      StrBuf inner = {0};
      block_fields(ctx, &inner, sub, m, tops[t], shared || num_tops > 1);
      if (num_tops > 1) {
        const Source *src = &ctx->L->src;
        unsigned first = source_line(src, tops[t].begin), last = source_line(src, tops[t].end - 1);
        if (first == last)
          sb_printf(sb, "        struct { /* line %u */\n", first);
        else
          sb_printf(sb, "        struct { /* lines %u-%u */\n", first, last);
        sb_indented(sb, inner.data, 8);
        sb_puts(sb, "        };\n");
      } else {
        sb_puts(sb, inner.data);
      }
      free(inner.data);
    }
    if (num_tops > 1)
      sb_puts(sb, "    };\n");
  }
  free(sub);
  free(tops);
}

void frame_var_fields(FnCtx *ctx, StrBuf *sb, bool large) {
  size_t *in = xrealloc(NULL, (ctx->num_vars + 1) * sizeof *in), n = 0;
  for (size_t i = 0; i < ctx->num_vars; i++) {
    Var *v = &ctx->vars[i];
    if (v->in_frame && v->type &&
        (clang_Type_getSizeOf(clang_getCursorType(v->cur)) > 64) == large)
      in[n++] = i;
  }
  block_fields(ctx, sb, in, n, (Block){ctx->fn->body.begin, ctx->fn->body.end}, false);
  free(in);
}

void frame_overlap_analyze(FnCtx *ctx) {
  StrBuf sb = {0};
  frame_var_fields(ctx, &sb, false);
  frame_var_fields(ctx, &sb, true);
  free(sb.data);
}

bool in_block_of(const Var *v, unsigned off) {
  return v->is_param || (off >= v->scope_begin && off < v->scope_end);
}
