/* Which await points a local lives across, for --emit=layout/json: the
 * await points where its value is still needed after the resumption.
 *
 * It is conservative (it may list an await where the value is dead, never
 * omit one where it is needed), from the source's shape, without a control
 * flow graph:
 *   - the await whose value the local receives (`int got = await f();`,
 *     `r = await g();`) writes it when it resumes: its earlier value is dead
 *     there;
 *   - otherwise it lives across an await when it is read after the start
 *     of the statement that contains the await (an operand of the same
 *     expression may be read after the resumption), or anywhere in a loop
 *     that contains the await and whose iterations share it (the next
 *     iteration reads it).
 * A local whose address is taken, an array (its address escapes wherever
 * it decays), or any local of a function with a goto or an ac_for_each
 * loop, lives across every await of its scope. */
#include "inspect/inspect.h"

#include <stdlib.h>

typedef struct Read {
  const Var *var;
  unsigned at;
} Read;

typedef struct Produced {
  const Var *var;
  int state;
} Produced;

struct Liveness {
  FnCtx *ctx;
  bool conservative; /* a goto or a stream loop: every await in scope */
  Read *reads;
  size_t num_reads;
  Produced *produced;
  size_t num_produced;
  Range *loops;      /* for, while and do statements */
  Range *bodies;     /* and their bodies */
  size_t num_loops;
  Range *stmts;      /* the statements of every block */
  size_t num_stmts;
  Range *stmt_exprs; /* GNU ({...}): their blocks are inside an expression */
  size_t num_stmt_exprs;
};

#define PUSH(arr, n, v)                                       \
  do {                                                        \
    (arr) = xrealloc((arr), ((n) + 1) * sizeof *(arr));       \
    (arr)[(n)++] = (v);                                       \
  } while (0)

static void note_produced(Liveness *lv, CXCursor target, CXCursor value) {
  Var *v = var_of(lv->ctx, target);
  value = strip_parens(value);
  if (!v || v->address_taken || !is_await_op(lv->ctx->L, value))
    return;
  Range r;
  Await *aw = cursor_range(lv->ctx->L, value, &r) ? await_at(lv->ctx, r.begin) : NULL;
  if (aw && aw->state)
    PUSH(lv->produced, lv->num_produced, ((Produced){v, aw->state}));
}

/* A DeclRefExpr of a local: a read, unless it is the left side of `=`. */
static void note_ref(Liveness *lv, CXCursor ref, CXCursor parent) {
  Var *v = var_of(lv->ctx, clang_getCursorReferenced(ref));
  Range r, pr;
  if (!v || !cursor_range(lv->ctx->L, ref, &r))
    return;
  if (clang_getCursorKind(parent) == CXCursor_BinaryOperator &&
      clang_getCursorBinaryOperatorKind(parent) == CXBinaryOperator_Assign &&
      cursor_range(lv->ctx->L, parent, &pr) && pr.begin == r.begin)
    return;
  PUSH(lv->reads, lv->num_reads, ((Read){v, r.begin}));
}

static enum CXChildVisitResult scan(CXCursor c, CXCursor parent, CXClientData d) {
  Liveness *lv = d;
  Range r;
  switch (clang_getCursorKind(c)) {
  case CXCursor_DeclRefExpr:
    note_ref(lv, c, parent);
    break;
  case CXCursor_VarDecl:
  case CXCursor_BinaryOperator: {
    bool is_decl = clang_getCursorKind(c) == CXCursor_VarDecl;
    if (!is_decl && clang_getCursorBinaryOperatorKind(c) != CXBinaryOperator_Assign)
      break;
    Children ch;
    children_of(c, &ch);
    if (is_decl && ch.n > 0)
      note_produced(lv, c, ch.p[ch.n - 1]);
    else if (!is_decl && ch.n == 2) {
      CXCursor lhs = strip_parens(ch.p[0]);
      if (clang_getCursorKind(lhs) == CXCursor_DeclRefExpr)
        note_produced(lv, clang_getCursorReferenced(lhs), ch.p[1]);
    }
    children_free(&ch);
    break;
  }
  case CXCursor_ForStmt:
  case CXCursor_WhileStmt:
  case CXCursor_DoStmt: {
    Children ch;
    children_of(c, &ch);
    Range body;
    CXCursor b = clang_getCursorKind(c) == CXCursor_DoStmt ? ch.p[0] : ch.p[ch.n - 1];
    if (ch.n > 0 && cursor_range(lv->ctx->L, c, &r) && cursor_range(lv->ctx->L, b, &body)) {
      lv->bodies = xrealloc(lv->bodies, (lv->num_loops + 1) * sizeof *lv->bodies);
      lv->bodies[lv->num_loops] = body;
      PUSH(lv->loops, lv->num_loops, r);
    } else {
      lv->conservative = true;
    }
    children_free(&ch);
    break;
  }
  case CXCursor_StmtExpr:
    if (cursor_range(lv->ctx->L, c, &r))
      PUSH(lv->stmt_exprs, lv->num_stmt_exprs, r);
    else
      lv->conservative = true;
    break;
  default:
    break;
  }
  if (clang_getCursorKind(parent) == CXCursor_CompoundStmt && cursor_range(lv->ctx->L, c, &r))
    PUSH(lv->stmts, lv->num_stmts, r);
  return CXChildVisit_Recurse;
}

Liveness *liveness_of(FnCtx *ctx) {
  Liveness *lv = xrealloc(NULL, sizeof *lv);
  *lv = (Liveness){.ctx = ctx, .conservative = ctx->has_goto || ctx->num_loops > 0};
  clang_visitChildren(ctx->body, scan, lv);
  return lv;
}

void liveness_free(Liveness *lv) {
  free(lv->reads);
  free(lv->produced);
  free(lv->loops);
  free(lv->bodies);
  free(lv->stmts);
  free(lv->stmt_exprs);
  free(lv);
}

static bool contains(Range r, unsigned at) { return at >= r.begin && at < r.end; }

static bool in_stmt_expr(const Liveness *lv, Range r) {
  for (size_t i = 0; i < lv->num_stmt_exprs; i++)
    if (r.begin > lv->stmt_exprs[i].begin && r.begin < lv->stmt_exprs[i].end)
      return true;
  return false;
}

/* Where the statement that contains 'at' begins: of the innermost block,
 * but not of a block inside an expression (the rest of that expression may
 * be evaluated after the resumption). */
static unsigned statement_begin(const Liveness *lv, unsigned at) {
  unsigned begin = 0;
  for (size_t i = 0; i < lv->num_stmts; i++)
    if (contains(lv->stmts[i], at) && lv->stmts[i].begin > begin && !in_stmt_expr(lv, lv->stmts[i]))
      begin = lv->stmts[i].begin;
  return begin;
}

static bool read_in(const Liveness *lv, const Var *v, Range r) {
  for (size_t i = 0; i < lv->num_reads; i++)
    if (lv->reads[i].var == v && contains(r, lv->reads[i].at))
      return true;
  return false;
}

/* An array's address escapes wherever it decays to a pointer. */
static bool is_array(const Var *v) {
  switch (clang_getCursorType(v->cur).kind) {
  case CXType_ConstantArray:
  case CXType_IncompleteArray:
  case CXType_VariableArray:
  case CXType_DependentSizedArray:
    return true;
  default:
    return false;
  }
}

bool live_across(const Liveness *lv, const Var *v, const Await *aw) {
  for (size_t i = 0; i < lv->num_produced; i++)
    if (lv->produced[i].var == v && lv->produced[i].state == aw->state)
      return false;
  if (v->is_param || v->address_taken || is_array(v) || lv->conservative)
    return true;
  if (read_in(lv, v, (Range){statement_begin(lv, aw->range.begin), v->scope_end}))
    return true;
  /* a loop around the await whose iterations share the local (declared
   * before it or in its for clause, not in its body) */
  for (size_t i = 0; i < lv->num_loops; i++) {
    Range loop = lv->loops[i];
    if (contains(loop, aw->range.begin) && !contains(lv->bodies[i], v->decl_stmt.begin) &&
        read_in(lv, v, loop))
      return true;
  }
  return false;
}
