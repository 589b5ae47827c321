/* The state graph of an async function, for --emit=dot and --emit=json.
 *
 * Nodes are the resume states: 0 (the start), one per await point, and
 * STATE_DONE (the function returned).  An edge s -> t says that, after the
 * await of state s completes (or from the start), control can reach the
 * await of state t (or return) without passing another await.
 *
 * Computed on clang's AST by a forward walk that carries the "frontier":
 * the set of states the current point can be reached from.  An await adds
 * an edge from each frontier state and becomes the frontier; branches run
 * on copies and join by union; loops, gotos and switch cases are walked
 * again until no edge or label frontier changes (the sets only grow, so it
 * ends).  `&&`, `||` and `?:` are branches, so an await that may be
 * skipped is. */
#include "inspect/inspect.h"
#include "forms/forms.h"
#include "lower/lower.h"

#include <stdlib.h>
#include <string.h>

typedef struct Set {
  int *v;
  size_t n;
} Set;

static bool set_has(const Set *s, int x) {
  for (size_t i = 0; i < s->n; i++)
    if (s->v[i] == x)
      return true;
  return false;
}

static bool set_add(Set *s, int x) {
  if (set_has(s, x))
    return false;
  s->v = xrealloc(s->v, (s->n + 1) * sizeof *s->v);
  s->v[s->n++] = x;
  return true;
}

static bool set_union(Set *dst, const Set *src) {
  bool grew = false;
  for (size_t i = 0; i < src->n; i++)
    grew |= set_add(dst, src->v[i]);
  return grew;
}

static Set set_copy(const Set *s) {
  Set c = {0};
  set_union(&c, s);
  return c;
}

static void set_free(Set *s) {
  free(s->v);
  *s = (Set){0};
}

typedef struct Label {
  CXCursor decl; /* the LabelStmt's referenced label */
  Set from;      /* frontiers of the gotos to it */
} Label;

/* where break and continue go: the innermost loop's or switch's sets (a
 * switch passes continue on to the enclosing loop) */
typedef struct Jumps {
  Set *breaks, *continues;
} Jumps;

typedef struct Graph {
  FnCtx *ctx;
  StateEdge *edges;
  size_t num_edges;
  Label *labels;
  size_t num_labels;
  bool changed;
  Jumps *jumps;   /* innermost, or NULL */
  Set *dispatch;  /* the innermost switch's frontier before its body */
} Graph;

static void add_edges(Graph *g, const Set *from, int to) {
  for (size_t i = 0; i < from->n; i++) {
    bool known = false;
    for (size_t j = 0; j < g->num_edges && !known; j++)
      known = g->edges[j].from == from->v[i] && g->edges[j].to == to;
    if (known)
      continue;
    g->edges = xrealloc(g->edges, (g->num_edges + 1) * sizeof *g->edges);
    g->edges[g->num_edges++] = (StateEdge){from->v[i], to};
    g->changed = true;
  }
}

static Label *label_of(Graph *g, CXCursor decl) {
  for (size_t i = 0; i < g->num_labels; i++)
    if (clang_equalCursors(g->labels[i].decl, decl))
      return &g->labels[i];
  g->labels = xrealloc(g->labels, (g->num_labels + 1) * sizeof *g->labels);
  g->labels[g->num_labels] = (Label){.decl = decl};
  return &g->labels[g->num_labels++];
}

static void walk(Graph *g, CXCursor c, Set *f);

static void walk_children(Graph *g, CXCursor c, Set *f) {
  Children ch;
  children_of(c, &ch);
  for (size_t i = 0; i < ch.n; i++)
    walk(g, ch.p[i], f);
  children_free(&ch);
}

/* Runs 'c' on a copy of f and adds the result to *out. */
static void branch(Graph *g, CXCursor c, const Set *f, Set *out) {
  Set b = set_copy(f);
  if (!clang_Cursor_isNull(c))
    walk(g, c, &b);
  set_union(out, &b);
  set_free(&b);
}

/* A condition, split into the frontiers where it is true and where it is
 * false: `a && b` reaches its false exit from a or b, its true exit only
 * through b (so an await in b is not skipped on the true side). */
static void walk_cond(Graph *g, CXCursor c, const Set *f, Set *t, Set *fl) {
  c = strip_parens(c);
  enum CXCursorKind k = clang_getCursorKind(c);
  Children ch;
  children_of(c, &ch);
  if (k == CXCursor_BinaryOperator && ch.n == 2 &&
      (clang_getCursorBinaryOperatorKind(c) == CXBinaryOperator_LAnd ||
       clang_getCursorBinaryOperatorKind(c) == CXBinaryOperator_LOr)) {
    bool is_and = clang_getCursorBinaryOperatorKind(c) == CXBinaryOperator_LAnd;
    Set ta = {0}, fa = {0};
    walk_cond(g, ch.p[0], f, &ta, &fa);
    walk_cond(g, ch.p[1], is_and ? &ta : &fa, t, fl);
    set_union(is_and ? fl : t, is_and ? &fa : &ta);
    set_free(&ta), set_free(&fa);
  } else if (k == CXCursor_UnaryOperator && ch.n == 1 &&
             clang_getCursorUnaryOperatorKind(c) == CXUnaryOperator_LNot) {
    walk_cond(g, ch.p[0], f, fl, t);
  } else {
    Set cur = set_copy(f);
    walk(g, c, &cur);
    set_union(t, &cur);
    set_union(fl, &cur);
    set_free(&cur);
  }
  children_free(&ch);
}

/* while, do and for: part = init, cond, inc, body (null cursors if
 * absent).  The body is walked until the states reaching the loop's top
 * stop growing; the loop is left when the condition is false, or by break. */
static void walk_loop(Graph *g, CXCursor part[4], bool is_do, Set *f) {
  if (!clang_Cursor_isNull(part[0]))
    walk(g, part[0], f);
  Set breaks = {0}, continues = {0}, exit = {0};
  Jumps j = {&breaks, &continues}, *outer = g->jumps;
  g->jumps = &j;
  Set entry = set_copy(f);
  for (bool grew = true; grew;) {
    Set cur = set_copy(&entry);
    if (!is_do && !clang_Cursor_isNull(part[1])) {
      Set t = {0};
      walk_cond(g, part[1], &entry, &t, &exit);
      set_free(&cur);
      cur = t;
    }
    walk(g, part[3], &cur);
    set_union(&cur, &continues);
    if (!clang_Cursor_isNull(part[2]))
      walk(g, part[2], &cur);
    if (is_do && !clang_Cursor_isNull(part[1])) {
      Set t = {0};
      walk_cond(g, part[1], &cur, &t, &exit);
      set_free(&cur);
      cur = t;
    }
    grew = set_union(&entry, &cur);
    set_free(&cur);
  }
  g->jumps = outer;
  set_union(&exit, &breaks);
  set_free(&breaks), set_free(&continues), set_free(&entry), set_free(f);
  *f = exit;
}

static bool has_default(CXCursor body) {
  Children ch;
  children_of(body, &ch);
  bool found = false;
  for (size_t i = 0; i < ch.n && !found; i++)
    found = clang_getCursorKind(ch.p[i]) == CXCursor_DefaultStmt;
  children_free(&ch);
  return found;
}

static void walk_switch(Graph *g, CXCursor s, Set *f) {
  Children ch;
  children_of(s, &ch);
  if (ch.n >= 2) {
    walk(g, ch.p[0], f); /* the controlling expression */
    Set dispatch = set_copy(f), breaks = {0};
    Jumps j = {&breaks, g->jumps ? g->jumps->continues : NULL}, *outer = g->jumps;
    Set *outer_dispatch = g->dispatch;
    g->jumps = &j;
    g->dispatch = &dispatch;
    walk(g, ch.p[ch.n - 1], f); /* case labels merge the dispatch in (walk) */
    g->jumps = outer;
    g->dispatch = outer_dispatch;
    set_union(f, &breaks);
    if (!has_default(ch.p[ch.n - 1]))
      set_union(f, &dispatch); /* no case matched */
    set_free(&dispatch), set_free(&breaks);
  }
  children_free(&ch);
}

static void walk(Graph *g, CXCursor c, Set *f) {
  FnCtx *ctx = g->ctx;
  enum CXCursorKind k = clang_getCursorKind(c);
  Range r;
  Children ch;
  switch (k) {
  case CXCursor_UnaryOperator: {
    Await *aw = is_await_op(ctx->L, c) && cursor_range(ctx->L, c, &r) ? await_at(ctx, r.begin) : NULL;
    if (!aw || !aw->evaluated || !aw->state)
      break;
    walk_children(g, c, f); /* the arguments' awaits run first */
    add_edges(g, f, aw->state);
    set_free(f);
    set_add(f, aw->state);
    return;
  }
  case CXCursor_UnaryExpr: /* sizeof, _Alignof: nothing runs */
    return;
  case CXCursor_BinaryOperator: {
    enum CXBinaryOperatorKind op = clang_getCursorBinaryOperatorKind(c);
    if (op != CXBinaryOperator_LAnd && op != CXBinaryOperator_LOr)
      break;
    children_of(c, &ch);
    if (ch.n == 2) {
      walk(g, ch.p[0], f);
      Set skip = set_copy(f);
      walk(g, ch.p[1], f);
      set_union(f, &skip);
      set_free(&skip);
    }
    children_free(&ch);
    return;
  }
  case CXCursor_ConditionalOperator:
  case CXCursor_IfStmt: {
    children_of(c, &ch);
    if (ch.n >= 2) {
      Set t = {0}, fl = {0}, out = {0};
      walk_cond(g, ch.p[0], f, &t, &fl);
      branch(g, ch.p[1], &t, &out);
      branch(g, ch.n >= 3 ? ch.p[2] : clang_getNullCursor(), &fl, &out);
      set_free(f), set_free(&t), set_free(&fl);
      *f = out;
    }
    children_free(&ch);
    return;
  }
  case CXCursor_WhileStmt:
  case CXCursor_DoStmt: {
    children_of(c, &ch);
    if (ch.n == 2) {
      bool is_do = k == CXCursor_DoStmt;
      CXCursor part[4] = {clang_getNullCursor(), is_do ? ch.p[1] : ch.p[0], clang_getNullCursor(),
                          is_do ? ch.p[0] : ch.p[1]};
      walk_loop(g, part, is_do, f);
    }
    children_free(&ch);
    return;
  }
  case CXCursor_ForStmt: {
    CXCursor part[4];
    if (stream_loop_parts(ctx, c, part) || for_parts(ctx, c, part))
      walk_loop(g, part, false, f);
    return;
  }
  case CXCursor_CallExpr: { /* an ac_for_each's request for the next item */
    Await *aw = stream_loop_await(ctx, c);
    if (!aw || !aw->state)
      break;
    add_edges(g, f, aw->state);
    set_free(f);
    set_add(f, aw->state);
    return;
  }
  case CXCursor_SwitchStmt:
    walk_switch(g, c, f);
    return;
  case CXCursor_CaseStmt:
  case CXCursor_DefaultStmt:
    /* reached by falling through and by the switch's dispatch */
    if (g->dispatch)
      set_union(f, g->dispatch);
    break;
  case CXCursor_BreakStmt:
    if (g->jumps)
      set_union(g->jumps->breaks, f);
    set_free(f);
    return;
  case CXCursor_ContinueStmt:
    if (g->jumps && g->jumps->continues)
      set_union(g->jumps->continues, f);
    set_free(f);
    return;
  case CXCursor_ReturnStmt:
    walk_children(g, c, f);
    add_edges(g, f, STATE_DONE);
    set_free(f);
    return;
  case CXCursor_GotoStmt: {
    Label *l = label_of(g, clang_getCursorReferenced(c));
    if (set_union(&l->from, f))
      g->changed = true;
    set_free(f);
    return;
  }
  case CXCursor_LabelStmt: {
    Label *l = label_of(g, c);
    set_union(f, &l->from);
    break;
  }
  default:
    break;
  }
  walk_children(g, c, f);
}

void build_state_graph(FnCtx *ctx, StateEdge **edges, size_t *num_edges) {
  Graph g = {.ctx = ctx};
  for (int round = 0; round < 64; round++) {
    g.changed = false;
    Set f = {0};
    set_add(&f, 0);
    walk(&g, ctx->body, &f);
    add_edges(&g, &f, STATE_DONE); /* falling off the end */
    set_free(&f);
    if (!g.changed)
      break;
  }
  for (size_t i = 0; i < g.num_labels; i++)
    set_free(&g.labels[i].from);
  free(g.labels);
  *edges = g.edges;
  *num_edges = g.num_edges;
}
