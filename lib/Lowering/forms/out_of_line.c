/* Out-of-line callee frames.
 *
 * A caller normally embeds the frame of each callee it awaits (a member of
 * its ac_aw union), which needs the callee's frame struct to be complete
 * before the caller's.  Two kinds of await cannot have that:
 *
 *   recursive  f awaits g and g (directly or through other functions)
 *              awaits f: f's frame would contain itself.  Every await edge
 *              inside a strongly connected component of the file's await
 *              graph goes out of line (functions that never suspend are
 *              not in the graph: their awaits are plain C calls,
 *              direct_calls.c), and a note says where;
 *   foreign    g is declared but defined in another file: its layout is
 *              unknown here.  g's file exports `g__desc` (struct
 *              ac_async_desc: size, alignment, result offset), which the
 *              caller reads instead of the struct.
 *
 * An out-of-line await keeps a pointer in the ac_aw union:
 *
 *   ac_f->ac_aw.g = ac_frame_alloc(SIZE, ALIGN);  g__init(ac_f->ac_aw.g, args);
 *   state = N; resume_N: if (g__poll(ac_f->ac_aw.g, ac_cx) == AC_PENDING) return AC_PENDING;
 *   temp = RESULT; ac_frame_free(ac_f->ac_aw.g, SIZE, ALIGN);
 *
 * and the caller's drop, in state N, drops g's frame and frees it.
 * ac_frame_alloc recycles blocks per thread, so a loop of awaits does not
 * call malloc; it aborts on out of memory (runtime/include/asyncc/frame.h). */
#include "forms/forms.h"
#include "lower/lower.h"

#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ the await graph */

typedef struct Graph {
  Lowering *L;
  AsyncFn *from;
  int *adj_from, *adj_to; /* edges as indexes into L->fns */
  bool *adj_direct;       /* the edge is an `await g(...)` (its frame member may be opaque) */
  size_t num_edges;
  bool direct;            /* the edges being collected are direct awaits */
  /* Tarjan */
  int *index, *low, *stack;
  bool *on_stack;
  int next_index, depth, next_scc;
} Graph;

static int fn_index(Lowering *L, AsyncFn *fn) {
  for (size_t i = 0; i < L->num_fns; i++)
    if (L->fns[i] == fn)
      return (int)i;
  return -1;
}

static bool may_suspend_here(AsyncFn *g) {
  return g && g->has_body && !g->never_suspends && !g->is_main;
}

static void add_edge(Graph *gr, AsyncFn *g) {
  if (!may_suspend_here(g))
    return;
  gr->adj_from = xrealloc(gr->adj_from, (gr->num_edges + 1) * sizeof(int));
  gr->adj_to = xrealloc(gr->adj_to, (gr->num_edges + 1) * sizeof(int));
  gr->adj_direct = xrealloc(gr->adj_direct, (gr->num_edges + 1) * sizeof(bool));
  gr->adj_direct[gr->num_edges] = gr->direct;
  gr->adj_from[gr->num_edges] = fn_index(gr->L, gr->from);
  gr->adj_to[gr->num_edges++] = fn_index(gr->L, g);
}

/* The calls inside ac_timeout / ac_join / ac_select: their frames are held too. */
static enum CXChildVisitResult inner_async_calls(CXCursor c, CXCursor parent, CXClientData d) {
  (void)parent;
  Graph *gr = d;
  if (clang_getCursorKind(c) == CXCursor_CallExpr)
    add_edge(gr, find_async_fn(gr->L, clang_getCursorReferenced(c)));
  return CXChildVisit_Recurse;
}

static void collect_edge(Graph *gr, CXCursor c) {
  CXCursor call = first_operand(c);
  AsyncFn *g = clang_getCursorKind(call) == CXCursor_CallExpr
                   ? find_async_fn(gr->L, clang_getCursorReferenced(call))
                   : NULL;
  gr->direct = !(g && g->is_external);
  if (g && g->is_external) /* ac_timeout(ms, f(x)), ac_join(f(x), ...): f's frame is held */
    clang_visitChildren(call, inner_async_calls, gr);
  else
    add_edge(gr, g);
}

static void strong_connect(Graph *gr, int v) {
  gr->index[v] = gr->low[v] = gr->next_index++;
  gr->stack[gr->depth++] = v;
  gr->on_stack[v] = true;
  for (size_t e = 0; e < gr->num_edges; e++) {
    if (gr->adj_from[e] != v)
      continue;
    int w = gr->adj_to[e];
    if (gr->index[w] < 0) {
      strong_connect(gr, w);
      if (gr->low[w] < gr->low[v])
        gr->low[v] = gr->low[w];
    } else if (gr->on_stack[w] && gr->index[w] < gr->low[v]) {
      gr->low[v] = gr->index[w];
    }
  }
  if (gr->low[v] != gr->index[v])
    return;
  int scc = ++gr->next_scc;
  int w;
  do {
    w = gr->stack[--gr->depth];
    gr->on_stack[w] = false;
    gr->L->fns[w]->scc = scc;
  } while (w != v);
}

/* Each function's frame_nesting: 1 + the deepest callee frame type its
 * frame holds (edges inside a component are out of line: a pointer).
 * Tarjan numbers a callee's component before its caller's, so one pass in
 * component order sees every callee first. */
static void frame_nesting(Graph *gr) {
  size_t n = gr->L->num_fns;
  int *order = malloc((n + 1) * sizeof(int)); /* function indexes by component */
  size_t *first = calloc(n + 2, sizeof(size_t)), *at = malloc((n + 1) * sizeof(size_t));
  int *out = malloc((gr->num_edges + 1) * sizeof(int)); /* edges grouped by caller */
  for (size_t e = 0; e < gr->num_edges; e++)
    first[gr->adj_from[e] + 1]++;
  for (size_t i = 0; i < n; i++)
    first[i + 1] += first[i], at[i] = first[i];
  for (size_t e = 0; e < gr->num_edges; e++)
    out[at[gr->adj_from[e]]++] = (int)e;
  size_t m = 0; /* counting sort by component number (1..n) */
  size_t *by_scc = calloc(n + 2, sizeof(size_t));
  for (size_t i = 0; i < n; i++)
    if (may_suspend_here(gr->L->fns[i]))
      by_scc[gr->L->fns[i]->scc]++, m++;
  for (size_t c = 1; c <= n + 1; c++)
    by_scc[c] += by_scc[c - 1];
  for (size_t i = n; i-- > 0;)
    if (may_suspend_here(gr->L->fns[i]))
      order[--by_scc[gr->L->fns[i]->scc]] = (int)i;
  free(by_scc);
  for (size_t i = 0; i < m; i++) {
    AsyncFn *f = gr->L->fns[order[i]];
    int deepest = 0;
    for (size_t k = first[order[i]]; k < first[order[i] + 1]; k++) {
      int e = out[k];
      AsyncFn *g = gr->L->fns[gr->adj_to[e]];
      if (g->scc == f->scc)
        continue;
      int held = gr->adj_direct[e] && frame_is_opaque(g) ? 0 : g->frame_nesting;
      if (held > deepest)
        deepest = held;
    }
    f->frame_nesting = 1 + deepest;
  }
  free(order), free(first), free(at), free(out);
}

bool frame_is_opaque(const AsyncFn *g) { return g->frame_nesting >= OPAQUE_FRAME_NESTING; }

void find_recursion(Lowering *L) {
  size_t n = L->num_fns;
  Graph gr = {.L = L};
  for (size_t i = 0; i < n; i++) {
    if (!may_suspend_here(L->fns[i]))
      continue;
    gr.from = L->fns[i];
    fn_await_ops(L, gr.from);
    for (size_t k = 0; k < gr.from->num_await_ops; k++)
      collect_edge(&gr, gr.from->await_ops[k]);
  }
  gr.index = malloc((n + 1) * sizeof(int));
  gr.low = malloc((n + 1) * sizeof(int));
  gr.stack = malloc((n + 1) * sizeof(int));
  gr.on_stack = calloc(n + 1, sizeof(bool));
  for (size_t i = 0; i < n; i++)
    gr.index[i] = -1;
  for (size_t i = 0; i < n; i++)
    if (gr.index[i] < 0 && may_suspend_here(L->fns[i]))
      strong_connect(&gr, (int)i);
  /* a component counts when it has an edge inside it: two members, or a
   * function that awaits itself */
  for (size_t e = 0; e < gr.num_edges; e++) {
    AsyncFn *a = L->fns[gr.adj_from[e]], *b = L->fns[gr.adj_to[e]];
    if (a->scc == b->scc)
      a->recursive = b->recursive = true;
  }
  frame_nesting(&gr);
  free(gr.index), free(gr.low), free(gr.stack), free(gr.on_stack);
  free(gr.adj_from), free(gr.adj_to), free(gr.adj_direct);
}

/* ------------------------------------------------------------ which awaits */

bool is_foreign(const AsyncFn *g) { return !g->has_body && !g->is_external; }

OolKind ool_kind(FnCtx *ctx, AsyncFn *g, unsigned at) {
  AsyncFn *fn = ctx->fn;
  if (is_foreign(g))
    return OOL_FOREIGN;
  if (!fn->recursive || !g->recursive || fn->scc != g->scc || !may_suspend_here(g))
    return OOL_NONE;
  if (g == fn)
    diag_at(ctx->L, DIAG_NOTE, at,
            "the frame of '%s' is placed out of line (heap, ac_frame_alloc) here because '%s' "
            "awaits itself",
            g->name, g->name);
  else
    diag_at(ctx->L, DIAG_NOTE, at,
            "the frame of '%s' is placed out of line (heap, ac_frame_alloc) here because '%s' "
            "and '%s' await each other (directly or through other async functions)",
            g->name, fn->name, g->name);
  return OOL_RECURSIVE;
}

/* ------------------------------------------------------------ the await */

/* Size, alignment and result of g's frame 'fr': a frame of this file has a
 * complete struct; another file's is described by its g__desc. */
static OolFrame ool_frame(Await *aw, char *fr) {
  const char *n = aw->callee->name;
  OolFrame o = {.fr = fr};
  if (aw->ool == OOL_RECURSIVE) {
    o.size = xasprintf("sizeof(struct %s__frame)", n);
    o.align = xasprintf("_Alignof(struct %s__frame)", n);
    o.result = xasprintf("%s->ac_result", fr);
  } else {
    o.size = xasprintf("%s__desc.spawn.frame_size", n);
    o.align = xasprintf("%s__desc.spawn.frame_align", n);
    char *at = xasprintf("(char *)%s + %s__desc.spawn.result_offset", fr, n);
    o.result = result_at(clang_getResultType(clang_getCursorType(aw->callee->decl)),
                         aw->callee->ret_type, at);
    free(at);
  }
  o.alloc = xasprintf("%s = ac_frame_alloc(%s, %s)", fr, o.size, o.align);
  o.free = xasprintf("ac_frame_free(%s, %s, %s)", fr, o.size, o.align);
  return o;
}

OolFrame ool_frame_of(Await *aw, const char *fr) { return ool_frame(aw, xstrdup(fr)); }

void ool_frame_free(OolFrame *o) {
  free(o->fr), free(o->size), free(o->align), free(o->result), free(o->alloc), free(o->free);
}

char *emit_ool_await(FnCtx *ctx, Await *aw, const char *args, StrBuf *pre) {
  AsyncFn *g = aw->callee;
  const char *n = g->name;
  OolFrame o = ool_frame(aw, xasprintf("ac_f->ac_aw.%s", n));
  sb_printf(pre, "%s;\n", o.alloc);
  sb_printf(pre, "%s__init(%s%s%s);\n", n, o.fr, *args ? ", " : "", args);
  sb_printf(pre, "ac_f->ac_state = %d;\nac_resume_%d:\n", aw->state, aw->state);
  sb_printf(pre, "if (%s__poll(%s, ac_cx) == AC_PENDING) {\n    %sreturn AC_PENDING;\n}\n", n,
            o.fr, ctx->save_text);
  /* the result is copied out before the frame goes back */
  char *res;
  if (g->returns_void) {
    res = xstrdup("((void)0)");
  } else {
    res = expr_temp(ctx, g->ret_type, "t");
    char *c = copy_text(res, o.result, g->returns_record);
    sb_printf(pre, "%s;\n", c);
    free(c);
  }
  sb_printf(pre, "%s;\n", o.free);
  char *field = xasprintf("        struct %s__frame *%s;\n", n, n);
  if (!ctx->aw_fields.data || !strstr(ctx->aw_fields.data, field))
    sb_puts(&ctx->aw_fields, field);
  free(field);
  sb_printf(&ctx->drop_cases, "    case %d:\n        %s__drop(%s);\n        %s;\n        break;\n",
            aw->state, n, o.fr, o.free);
  ool_frame_free(&o);
  return res;
}

/* ------------------------------------------------------------ descriptors */

char *async_desc_text(FnCtx *ctx) {
  AsyncFn *fn = ctx->fn;
  const char *n = fn->name;
  const char *st = fn->is_static ? "static __attribute__((unused)) " : "";
  char *label = desc_asm_label(fn);
  StrBuf params = {0}, args = {0};
  for (size_t i = 0; i < ctx->num_vars; i++) {
    Var *v = &ctx->vars[i];
    if (!v->is_param)
      continue;
    /* the frame field's type: a stream handle's is typed (stream_values.c) */
    char *ts = v->type ? xstrdup(v->type) : frame_type_spelling(ctx, clang_getCursorType(v->cur), v->cur);
    char *pname = xasprintf("ac_a%zu", i);
    char *d = field_decl(ts ? ts : "int", pname);
    sb_printf(&params, ", %s", d);
    sb_printf(&args, ", %s", pname);
    free(d), free(pname), free(ts);
  }
  char *result = fn->returns_void ? xstrdup("0, 0")
                                  : xasprintf("offsetof(struct %s__frame, ac_result), "
                                              "sizeof(((struct %s__frame *)0)->ac_result)", n, n);
  char *text = xasprintf(
      "\n/* '%s' for callers that cannot see its frame: other files, pointers */\n"
      "%sconst struct ac_async_desc %s__desc%s = {\n"
      "    {sizeof(struct %s__frame), _Alignof(struct %s__frame), %s,\n"
      "     %s__poll, %s__drop, %s__trace, \"%s\", 0},\n"
      "    (void (*)(void))%s__init};\n",
      n, st, n, label, n, n, result, n, n, n, n, n);
  if (!fn->is_static && !fn->is_main) { /* plain C runs it with f__block_on(args) */
    const char *p = params.len ? params.data + 2 : "void";
    /* `int (*)(int)` cannot precede a declarator as it is spelled */
    char *ret = strpbrk(fn->ret_type, "([") ? xasprintf("__typeof__(%s)", fn->ret_type)
                                             : xstrdup(fn->ret_type);
    char *with = xasprintf(
        "%sAC__COLD %s %s__block_on(%s);\n"
        "AC__COLD %s %s__block_on(%s)\n{\n    struct %s__frame ac_fr;\n    %s__init(&ac_fr%s);\n"
        "    ac__block_on_check(ac_block_on_frame_traced(&ac_fr, %s__poll, %s__drop, "
        "%s__trace));\n    %s;\n}\n",
        text, ret, n, p, ret, n, p, n, n, args.len ? args.data : "", n, n, n,
        fn->returns_void ? "(void)0" : "return ac_fr.ac_result");
    free(text), free(ret);
    text = with;
  }
  if (*label) { /* plain C (block_on from a .c file) names it g__desc: an alias */
    char *sym = xasprintf("%.*s", (int)(strlen(label) - 12), label + 10);
    char *with = xasprintf("%sextern const struct ac_async_desc %s__desc_plain __asm__(\"%s__desc\") "
                           "__attribute__((alias(\"%s\")));\n",
                           text, n, n, sym);
    free(text), free(sym);
    text = with;
  }
  free(params.data), free(args.data), free(result), free(label);
  return text;
}

/* Parameter 'name' of an array type with a variable bound (`int m[r][c]`):
 * bounds naming other parameters cannot follow it to a prototype whose
 * parameters are renamed, so each is `[*]` (C11 6.7.6.2p4). NULL if none. */
static char *vla_param_decl(CXType t0, const char *name) {
  StrBuf dims = {0};
  bool vla = false;
  CXType t;
  for (t = clang_getCanonicalType(t0);; t = clang_getArrayElementType(t)) {
    if (t.kind == CXType_ConstantArray)
      sb_printf(&dims, "[%lld]", clang_getArraySize(t));
    else if (t.kind == CXType_IncompleteArray)
      sb_puts(&dims, "[]");
    else if (t.kind == CXType_VariableArray || t.kind == CXType_DependentSizedArray)
      sb_puts(&dims, "[*]"), vla = true;
    else
      break;
  }
  CXString base = clang_getTypeSpelling(clang_getUnqualifiedType(t));
  char *r = vla ? xasprintf("__typeof__(%s)%s %s%s", clang_getCString(base), array_qualifiers(t0),
                            name, dims.data)
                : NULL;
  clang_disposeString(base);
  free(dims.data);
  return r;
}

/* struct g__frame stays incomplete: the caller only holds a pointer. */
/* ` __asm__("g__desc__sig__int__long__long")` for an exported g: the
 * descriptor's symbol spells g's signature, so a caller in another file that
 * declares g with other types refers to a symbol nobody defines, and the
 * link fails naming both spellings instead of the call returning garbage
 * (C's own hole, which asyncc's symbols can close).  "" for a static g. */
char *desc_asm_label(AsyncFn *g) {
  if (g->is_static || g->is_main)
    return xstrdup("");
  CXType ft = clang_getCanonicalType(clang_getCursorType(g->decl));
  StrBuf sig = {0};
  int np = clang_getNumArgTypes(ft);
  for (int i = -1; i < np; i++) {
    CXType t = i < 0 ? clang_getResultType(ft) : clang_getArgType(ft, (unsigned)i);
    CXString s = clang_getTypeSpelling(clang_getCanonicalType(t));
    sb_puts(&sig, "__");
    for (const char *c = clang_getCString(s); *c; c++) {
      char m = is_ident_char(*c) ? *c : *c == '*' ? 'p' : '_';
      if (m != '_' || (sig.len && sig.data[sig.len - 1] != '_'))
        sb_putn(&sig, &m, 1);
    }
    clang_disposeString(s);
  }
  if (clang_isFunctionTypeVariadic(ft))
    sb_puts(&sig, "__va");
  char *label;
  if (sig.len > 200) { /* long types: a hash of them */
    unsigned long long h = 1469598103934665603ull;
    for (size_t i = 0; i < sig.len; i++)
      h = (h ^ (unsigned char)sig.data[i]) * 1099511628211ull;
    label = xasprintf(" __asm__(\"%s__desc__sig__%016llx\")", g->name, h);
  } else {
    label = xasprintf(" __asm__(\"%s__desc__sig%s\")", g->name, sig.data ? sig.data : "");
  }
  free(sig.data);
  return label;
}

char *foreign_frame_text(AsyncFn *g) {
  StrBuf sb = {0};
  StrBuf params = {0};
  CXType ft = clang_getCursorType(g->decl);
  int np = clang_getNumArgTypes(ft);
  for (int i = 0; i < np; i++) {
    CXString s = clang_getTypeSpelling(clang_getArgType(ft, (unsigned)i));
    char *pname = xasprintf("ac_a%d", i);
    char *d = vla_param_decl(clang_getArgType(ft, (unsigned)i), pname);
    if (!d)
      d = field_decl(clang_getCString(s), pname);
    sb_printf(&params, ", %s", d);
    free(d), free(pname);
    clang_disposeString(s);
  }
  char *label = desc_asm_label(g);
  sb_printf(&sb,
            "/* '%s' is defined in another file: its frame is allocated out of line */\n"
            "struct %s__frame;\n"
            "void %s__init(void *ac_fv%s);\n"
            "ac_poll %s__poll(void *ac_fv, struct ac_cx *ac_cx);\n"
            "void %s__drop(void *ac_fv);\n"
            "extern const struct ac_async_desc %s__desc%s;\n",
            g->name, g->name, g->name, params.len ? params.data : "", g->name, g->name, g->name,
            label);
  free(label);
  free(params.data);
  return sb_take(&sb);
}
