/* Streams: async generators and the loop that consumes them.
 *
 *   async_stream(T) g(P...) { ... ac_yield_item(E); ... }   a generator of T items
 *   ac_for_each(v, g(args)) body                            its consumer (in async code)
 *
 * The prelude's macros only give clang something to parse (the generator is
 * an async function returning void, annotated "asyncc.stream"; the yield is
 * an await of ac__yield_item; the loop is a `for` whose init calls the marker
 * ac__for_each_begin); this file recognises the written text and lowers it.
 *
 * A generator is an ordinary async function (frame, init, poll, drop) whose
 * frame also holds `T ac_item`, and whose poll has one more outcome:
 *
 *   AC_PENDING                          no item yet (a wake is arranged)
 *   AC_READY, ac_state != DONE          an item is in ac_item; the generator
 *                                       sits at its yield until polled again
 *   AC_READY, ac_state == DONE          the generator returned: no more items
 *
 * So a yield is a resume point that returns AC_READY instead of AC_PENDING:
 *
 *   ac_yield_item(E);  ->  ac_f->ac_item = (E); ac_f->ac_state = K;
 *                          [save promoted locals] return AC_READY; ac_resume_K:;
 *
 * The consumer embeds the generator's frame in its own (field ac_st_N, one
 * per loop, outside the ac_aw union because the body's awaits must not
 * overwrite it), and asks for an item at the top of every iteration:
 *
 *   ac_for_each(v, g(a)) body  ->  g__init(&ac_f->ac_st_N, a);
 *                                  for (;;) {
 *                                      ac_f->ac_state = K; ac_resume_K:
 *                                      if (g__poll(&ac_f->ac_st_N, ac_cx) == AC_PENDING) return AC_PENDING;
 *                                      if (ac_f->ac_st_N.ac_state == AC_STATE_DONE) break;
 *                                      v = ac_f->ac_st_N.ac_item;
 *                                      body
 *                                  }
 *                                  g__drop(&ac_f->ac_st_N);
 *
 * Laziness and backpressure come from that shape: the generator runs only
 * inside the consumer's poll of it, up to its next yield.  Every way out of
 * the loop drops the generator where it stands: `break` reaches the drop
 * after the loop (a no-op when the generator finished), `return` drops the
 * open loops' generators after computing its value (stream_exit_text), and
 * the consumer's own drop drops every generator that is not DONE (init sets
 * them DONE, so the test is valid before a loop ever ran).  `goto` into or
 * out of a loop body is rejected.  Streams passed around as values
 * (ac_stream_of, and loops over a handle) are in stream_values.c. */
#include "forms/forms.h"
#include "lower/lower.h"

#include <stdlib.h>
#include <string.h>

static char *spelling(CXCursor c) {
  CXString s = clang_getCursorSpelling(c);
  char *r = xstrdup(clang_getCString(s));
  clang_disposeString(s);
  return r;
}

static bool calls_named(CXCursor call, const char *name) {
  if (clang_getCursorKind(call) != CXCursor_CallExpr)
    return false;
  char *s = spelling(clang_getCursorReferenced(call));
  bool r = strcmp(s, name) == 0;
  free(s);
  return r;
}

static enum CXChildVisitResult find_stream_attr(CXCursor c, CXCursor parent, CXClientData d) {
  (void)parent;
  if (clang_getCursorKind(c) == CXCursor_AnnotateAttr) {
    char *s = spelling(c);
    *(bool *)d |= strcmp(s, "asyncc.stream") == 0;
    free(s);
  }
  return CXChildVisit_Continue;
}

/* E in the prelude's `((void)(E), 0)` (the argument of a marker call). */
static CXCursor wrapped_operand(CXCursor marker_call) {
  CXCursor r = clang_getNullCursor();
  if (clang_Cursor_getNumArguments(marker_call) != 1)
    return r;
  Children ch, cast;
  children_of(strip_parens(clang_Cursor_getArgument(marker_call, 0)), &ch);
  if (ch.n == 2) {
    children_of(strip_parens(ch.p[0]), &cast);
    if (cast.n)
      r = strip_parens(cast.p[cast.n - 1]);
    children_free(&cast);
  }
  children_free(&ch);
  return r;
}

/* ------------------------------------------------------------ generators */

void stream_note_fn(Lowering *L, AsyncFn *fn, CXCursor decl) {
  bool is = false;
  clang_visitChildren(decl, find_stream_attr, &is);
  if (!is)
    return;
  fn->is_stream = true;
  /* T as written in `async_stream(T)`, between the declaration's start and its name */
  Range r;
  unsigned name;
  if (!cursor_range(L, decl, &r) || !loc_offset(L, clang_getCursorLocation(decl), &name))
    return;
  const Source *src = &L->src;
  for (unsigned p = r.begin; p < name; p++) {
    if ((p > 0 && is_ident_char(src->text[p - 1])) || !text_is_word(src, p, "async_stream"))
      continue;
    unsigned open = skip_space(src, p + 12), close = open + 1;
    if (open >= name || src->text[open] != '(')
      break;
    for (int depth = 0; close < name && (depth || src->text[close] != ')'); close++)
      depth += src->text[close] == '(' ? 1 : src->text[close] == ')' ? -1 : 0;
    unsigned b = skip_space(src, open + 1), e = close;
    while (e > b && strchr(" \t\r\n", src->text[e - 1]))
      e--;
    if (close < name && e > b) {
      free(fn->item_type);
      fn->item_type = xasprintf("%.*s", (int)(e - b), src->text + b);
    }
    return;
  }
}

bool stream_add_yield(FnCtx *ctx, CXCursor op, CXCursor call, bool unsupported_place) {
  if (!calls_named(call, "ac__yield_item"))
    return false;
  Lowering *L = ctx->L;
  Range r;
  if (!cursor_range(L, op, &r) || !text_is_word(&L->src, r.begin, "ac_yield_item")) {
    diag_cursor(L, DIAG_ERROR, op,
                "'ac_yield_item' cannot be used inside a macro; write it in the generator's body");
    return true;
  }
  if (!ctx->fn->is_stream) {
    diag_at(L, DIAG_ERROR, r.begin,
            "'ac_yield_item' is only allowed in the body of an async_stream(T) function; '%s' "
            "is a plain async function",
            ctx->fn->name);
    return true;
  }
  if (!ctx->fn->item_type) {
    diag_cursor(L, DIAG_ERROR, ctx->fn->decl,
                "the item type of generator '%s' must be written in its definition: "
                "async_stream(T) %s(...)",
                ctx->fn->name, ctx->fn->name);
    return true;
  }
  if (unsupported_place) {
    diag_at(L, DIAG_ERROR, r.begin,
            "'ac_yield_item' is not supported here (inside a statement expression or sizeof)");
    return true;
  }
  ctx->awaits = xrealloc(ctx->awaits, (ctx->num_awaits + 1) * sizeof(Await));
  ctx->awaits[ctx->num_awaits++] =
      (Await){.op = op, .call = call, .callee = find_async_fn(L, clang_getCursorReferenced(call)),
              .range = r, .evaluated = true, .kind = AWAIT_YIELD, .item = wrapped_operand(call)};
  return true;
}

char *stream_lower_yield(FnCtx *ctx, Await *aw, Range r, StrBuf *pre) {
  char *e = lower_expr(ctx, aw->item, pre);
  aw->state = new_state(ctx, aw);
  sb_printf(pre, "ac_f->ac_item = (%s);\nac_f->ac_state = %d;\n%sreturn AC_READY; /* an item */\n"
                 "ac_resume_%d:;\n",
            e, aw->state, ctx->save_text, aw->state);
  free(e);
  edit_replace(ctx->L, r, xstrdup("((void)0)"));
  return xstrdup("((void)0)");
}

/* ------------------------------------------------------------ loops */

bool stream_macro_at(Lowering *L, unsigned off) {
  return text_is_word(&L->src, off, "ac_yield_item") || text_is_word(&L->src, off, "ac_for_each") ||
         text_is_word(&L->src, off, "ac_stream_of");
}

bool stream_macro_arg(Lowering *L, CXSourceLocation loc) {
  CXFile ef;
  unsigned eoff, off;
  clang_getExpansionLocation(loc, &ef, NULL, NULL, &eoff);
  return ef && clang_File_isEqual(ef, L->src.file) && stream_macro_at(L, eoff) &&
         loc_offset(L, loc, &off) && off != eoff;
}

/* The prelude's marker of an ac_for_each loop. */
static bool stream_is_loop_marker(CXCursor c) { return calls_named(c, "ac__for_each_begin"); }

/* The marker call of `for (ac__for_each_begin(...); ...)`, or a null cursor. */
static CXCursor loop_marker(CXCursor s, Children *ch) {
  children_of(s, ch);
  if (clang_getCursorKind(s) != CXCursor_ForStmt || ch->n != 3 || !stream_is_loop_marker(ch->p[0]))
    return clang_getNullCursor();
  return ch->p[0];
}

/* The callee of the await that a loop over a handle stands for. */
static AsyncFn handle_fn = {.name = "stream handle", .is_external = true};

/* A variable of type `struct ac_stream *` (the prelude's ac_stream(T) *). */
static bool is_handle(CXCursor e) {
  if (clang_getCursorKind(e) != CXCursor_DeclRefExpr)
    return false;
  CXType t = clang_getCanonicalType(clang_getCursorType(e));
  if (t.kind != CXType_Pointer)
    return false;
  CXString s = clang_getTypeSpelling(clang_getCanonicalType(clang_getPointeeType(t)));
  bool r = strcmp(clang_getCString(s), "struct ac_stream") == 0;
  clang_disposeString(s);
  return r;
}

static void add_loop(FnCtx *ctx, CXCursor s) {
  Lowering *L = ctx->L;
  Children ch;
  CXCursor begin = loop_marker(s, &ch);
  if (clang_Cursor_isNull(begin)) {
    children_free(&ch);
    return;
  }
  StreamLoop lp = {.stmt = s, .call = wrapped_operand(begin), .var = wrapped_operand(ch.p[1]),
                   .body = ch.p[2]};
  children_free(&ch);
  Range r, cr, vr;
  CXFile f;
  unsigned eoff;
  clang_getExpansionLocation(clang_getCursorLocation(s), &f, NULL, NULL, &eoff);
  if (!cursor_range(L, s, &r) || eoff != r.begin || !text_is_word(&L->src, r.begin, "ac_for_each")) {
    diag_cursor(L, DIAG_ERROR, s, "'ac_for_each' cannot be used inside a macro");
    return;
  }
  lp.kw = r.begin;
  lp.gen = clang_getCursorKind(lp.call) == CXCursor_CallExpr
               ? find_async_fn(L, clang_getCursorReferenced(lp.call))
               : NULL;
  lp.over_handle = !lp.gen && is_handle(lp.call);
  if ((lp.gen || lp.over_handle) && cursor_range(L, lp.call, &cr) && cursor_range(L, lp.var, &vr))
    lp.close = skip_space(&L->src, cr.end);
  if (!(lp.over_handle || (lp.gen && lp.gen->is_stream)) || !lp.close ||
      L->src.text[lp.close] != ')') {
    diag_at(L, DIAG_ERROR, r.begin,
            "'ac_for_each' needs a variable and a call of an async_stream function (or a "
            "variable holding an ac_stream(T) *), written directly in its parentheses: "
            "ac_for_each(v, gen(args))");
    return;
  }
  /* the loop assigns each item to v (the prelude's macro only reads it):
   * a promoted v must be saved at each suspension */
  Var *v = clang_getCursorKind(lp.var) == CXCursor_DeclRefExpr
               ? var_of(ctx, clang_getCursorReferenced(lp.var))
               : NULL;
  if (v)
    v->assigned = true;
  ctx->loops = xrealloc(ctx->loops, (ctx->num_loops + 1) * sizeof *ctx->loops);
  ctx->loops[ctx->num_loops++] = lp;
  /* each iteration's request for an item is a suspension point: locals
   * that live across the loop header live in the frame */
  ctx->awaits = xrealloc(ctx->awaits, (ctx->num_awaits + 1) * sizeof(Await));
  ctx->awaits[ctx->num_awaits++] =
      (Await){.op = s, .call = lp.call, .callee = lp.gen ? lp.gen : &handle_fn,
              .range = {r.begin, lp.close + 1},
              .evaluated = true, .kind = AWAIT_NEXT_ITEM, .loop = (int)ctx->num_loops};
}

bool stream_loop_parts(FnCtx *ctx, CXCursor s, CXCursor part[4]) {
  (void)ctx;
  Children ch;
  bool is = !clang_Cursor_isNull(loop_marker(s, &ch));
  if (is) {
    part[0] = part[2] = clang_getNullCursor();
    part[1] = ch.p[1];
    part[3] = ch.p[2];
  }
  children_free(&ch);
  return is;
}

Await *stream_loop_await(FnCtx *ctx, CXCursor c) {
  Range r;
  if (!calls_named(c, "ac__for_each_next") || !cursor_range(ctx->L, c, &r))
    return NULL;
  Await *aw = await_at(ctx, r.begin); /* the marker's text is the loop's `ac_for_each` */
  return aw && aw->kind == AWAIT_NEXT_ITEM ? aw : NULL;
}

typedef struct LoopScan {
  FnCtx *ctx;
  CXCursor *gotos;
  size_t num_gotos;
} LoopScan;

static enum CXChildVisitResult find_loops(CXCursor c, CXCursor parent, CXClientData d) {
  (void)parent;
  LoopScan *ls = d;
  enum CXCursorKind k = clang_getCursorKind(c);
  if (k == CXCursor_ForStmt) {
    add_loop(ls->ctx, c);
  } else if (k == CXCursor_CallExpr) {
    AsyncFn *g = find_async_fn(ls->ctx->L, clang_getCursorReferenced(c));
    if (g && g->is_stream)
      stream_add_value(ls->ctx, c, g);
  } else if (k == CXCursor_GotoStmt) {
    ls->gotos = xrealloc(ls->gotos, (ls->num_gotos + 1) * sizeof(CXCursor));
    ls->gotos[ls->num_gotos++] = c;
  }
  return CXChildVisit_Recurse;
}

static bool inside(Lowering *L, CXCursor c, CXCursor body) {
  Range cr, br;
  return cursor_range(L, c, &cr) && cursor_range(L, body, &br) && cr.begin >= br.begin &&
         cr.begin < br.end;
}

void stream_scan(FnCtx *ctx) {
  LoopScan ls = {.ctx = ctx};
  body_walk(ctx, find_loops, &ls);
  /* a goto across a loop body would skip the generator's init or its drop */
  for (size_t i = 0; i < ls.num_gotos; i++) {
    CXCursor label = clang_getCursorReferenced(ls.gotos[i]);
    for (size_t j = 0; j < ctx->num_loops; j++)
      if (inside(ctx->L, ls.gotos[i], ctx->loops[j].body) !=
          inside(ctx->L, label, ctx->loops[j].body)) {
        diag_cursor(ctx->L, DIAG_ERROR, ls.gotos[i],
                    "'goto' into or out of an ac_for_each loop is not supported; leave the loop "
                    "with break or return");
        break;
      }
  }
  free(ls.gotos);
}

/* ac_spawn(g(...)) / ac_block_on(g(...)) of a generator: this diagnostic
 * is the one that explains it, not the builtin's "not an async call". */
static void reject_builtin(Lowering *L, CXCursor call, AsyncFn *g) {
  BuiltinSite site;
  if (builtin_of_call(L, call, g, &site) != BUILTIN_NONE) {
    site.rejected = true;
    builtin_add_site(L, &site, 0);
  }
}

bool stream_call_ok(FnCtx *ctx, CXCursor call, AsyncFn *g) {
  Range r, lr;
  if (!cursor_range(ctx->L, call, &r))
    return true;
  for (size_t i = 0; i < ctx->num_loops; i++)
    if (cursor_range(ctx->L, ctx->loops[i].call, &lr) && lr.begin == r.begin)
      return true;
  if (stream_value_call(ctx, call))
    return true;
  reject_builtin(ctx->L, call, g);
  diag_at(ctx->L, DIAG_ERROR, r.begin,
              "'%s' is a stream (async_stream): consume it with ac_for_each(v, %s(...)) or make "
              "a handle of it with ac_stream_of(%s(...)); it cannot be awaited or spawned",
              g->name, g->name, g->name);
  return true;
}

bool stream_misuse_in_sync(Lowering *L, CXCursor c) {
  Children ch;
  if (is_await_op(L, c)) {
    children_of(c, &ch);
    bool yield = ch.n && calls_named(strip_parens(ch.p[0]), "ac__yield_item");
    children_free(&ch);
    if (yield)
      diag_cursor(L, DIAG_ERROR, c,
                  "'ac_yield_item' is only allowed in the body of an async_stream(T) function");
    return yield;
  }
  bool loop = !clang_Cursor_isNull(loop_marker(c, &ch));
  children_free(&ch);
  if (loop) {
    diag_cursor(L, DIAG_ERROR, c,
                "'ac_for_each' is only allowed inside an async function (it awaits each item)");
    return true;
  }
  AsyncFn *g = clang_getCursorKind(c) == CXCursor_CallExpr
                   ? find_async_fn(L, clang_getCursorReferenced(c))
                   : NULL;
  if (g && g->is_stream) {
    reject_builtin(L, c, g);
    Range r;
    diag_at(L, DIAG_ERROR, cursor_range(L, c, &r) ? r.begin : 0,
                "stream '%s' used in a function that is not async; consume it with "
                "ac_for_each(v, %s(...)) in an async function",
                g->name, g->name);
    return true;
  }
  return false;
}

static char *line_indent_at(const Source *src, unsigned off) {
  unsigned b = src->line_start[text_line(src, off) - 1], e = b;
  while (e < off && (src->text[e] == ' ' || src->text[e] == '\t'))
    e++;
  return xasprintf("%.*s", (int)(e - b), src->text + b);
}

/* `ac_for_each(v, s)` over a handle: the generator belongs to whoever made
 * the handle, so the loop neither starts nor drops it. */
static bool lower_handle_loop(FnCtx *ctx, StreamLoop *lp, Await *aw, Range vr, Range cr, int depth) {
  Lowering *L = ctx->L;
  aw->state = new_state(ctx, aw);
  char *var = render(L, vr), *h = render(L, cr);
  char *ind = line_indent_at(&L->src, lp->kw);
  StrBuf t = {0};
  sb_printf(&t, "for (;;) {\n    ac_f->ac_state = %d;\n    ac_resume_%d:\n", aw->state, aw->state);
  sb_printf(&t, "    if (%s->r.poll(%s->r.frame, ac_cx) == AC_PENDING) {\n        %sreturn AC_PENDING;\n    }\n",
            h, h, ctx->save_text);
  sb_printf(&t, "    if (*%s->r.state == AC_STATE_DONE)\n        break;\n", h);
  sb_printf(&t, "    %s = *(const __typeof__(*%s->ac_item_type[0]) *)%s->r.item;\n   ", var, h, h);
  edit_replace(L, (Range){lp->kw, lp->close + 1}, indent_text(t.data, ind));
  edit_insert(L, stmt_end(L, lp->body), EDIT_CLOSE, depth, xasprintf("\n%s}", ind));
  free(t.data), free(var), free(h), free(ind);
  lower_stmt(ctx, lp->body, false, depth + 1);
  return true;
}

bool stream_lower_loop(FnCtx *ctx, CXCursor s, bool in_compound, int depth) {
  StreamLoop *lp = NULL;
  Range sr;
  if (!cursor_range(ctx->L, s, &sr))
    return false;
  /* (clang_equalCursors tells apart cursors of one statement reached by
   * different walks: compare where the loops start) */
  for (size_t i = 0; i < ctx->num_loops && !lp; i++)
    if (ctx->loops[i].kw == sr.begin)
      lp = &ctx->loops[i];
  if (!lp)
    return false;
  Lowering *L = ctx->L;
  int id = (int)(lp - ctx->loops) + 1;
  Await *aw = await_at(ctx, lp->kw);
  Range vr, cr;
  cursor_range(L, lp->var, &vr);
  cursor_range(L, lp->call, &cr);
  if (awaits_in(ctx, vr) > 0) {
    diag_at(L, DIAG_ERROR, vr.begin, "the variable of 'ac_for_each' cannot contain 'await'");
    return true;
  }
  if (lp->over_handle)
    return lower_handle_loop(ctx, lp, aw, vr, cr, depth);
  /* the generator's arguments run once, before the first item */
  StrBuf pre = {0}, args = {0};
  full_expr_begin(ctx, cr);
  int n = clang_Cursor_getNumArguments(lp->call);
  for (int i = 0; i < n; i++) {
    char *a = lower_expr(ctx, clang_Cursor_getArgument(lp->call, i), &pre);
    sb_printf(&args, ", %s", a);
    free(a);
  }
  full_expr_end(ctx);
  aw->state = new_state(ctx, aw);
  const char *g = lp->gen->name;
  char *var = render(L, vr);
  char *ind = line_indent_at(&L->src, lp->kw);
  StrBuf t = {0};
  if (!in_compound)
    sb_puts(&t, "{\n");
  if (pre.len)
    sb_puts(&t, pre.data);
  sb_printf(&t, "%s__init(&ac_f->ac_st_%d%s);\nfor (;;) {\n", g, id, args.len ? args.data : "");
  sb_printf(&t, "    ac_f->ac_state = %d;\n    ac_resume_%d:\n", aw->state, aw->state);
  if (*ctx->save_text)
    sb_printf(&t, "    if (%s__poll(&ac_f->ac_st_%d, ac_cx) == AC_PENDING) {\n        %sreturn AC_PENDING;\n    }\n",
              g, id, ctx->save_text);
  else
    sb_printf(&t, "    if (%s__poll(&ac_f->ac_st_%d, ac_cx) == AC_PENDING)\n        return AC_PENDING;\n",
              g, id);
  sb_printf(&t, "    if (ac_f->ac_st_%d.ac_state == AC_STATE_DONE)\n        break;\n", id);
  sb_printf(&t, "    %s = ac_f->ac_st_%d.ac_item;\n   ", var, id); /* the body follows */
  /* every generated line indented like the loop */
  edit_replace(L, (Range){lp->kw, lp->close + 1}, indent_text(t.data, ind));
  edit_insert(L, stmt_end(L, lp->body), EDIT_CLOSE, depth,
              xasprintf("\n%s}\n%s%s__drop(&ac_f->ac_st_%d);%s", ind, ind, g, id,
                        in_compound ? "" : " }"));
  free(t.data), free(pre.data), free(args.data), free(var), free(ind);
  lp->open = true;
  lower_stmt(ctx, lp->body, false, depth + 1);
  lp->open = false;
  return true;
}

char *stream_exit_text(FnCtx *ctx) {
  StrBuf sb = {0};
  for (size_t i = ctx->num_loops; i-- > 0;)
    if (ctx->loops[i].open && ctx->loops[i].gen)
      sb_printf(&sb, "%s__drop(&ac_f->ac_st_%zu), ", ctx->loops[i].gen->name, i + 1);
  stream_value_drops(ctx, &sb, false);
  return sb_take(&sb);
}

/* ------------------------------------------------------------ frame */

void stream_frame_fields(FnCtx *ctx, StrBuf *sb) {
  if (ctx->fn->is_stream && ctx->fn->item_type) {
    char *d = field_decl(ctx->fn->item_type, "ac_item");
    sb_printf(sb, "    %s; /* the item yielded last */\n", d);
    free(d);
  }
  for (size_t i = 0; i < ctx->num_loops; i++)
    if (ctx->loops[i].gen)
      sb_printf(sb, "    struct %s__frame ac_st_%zu; /* ac_for_each, line %u */\n",
                ctx->loops[i].gen->name, i + 1, source_line(&ctx->L->src, ctx->loops[i].kw));
  stream_value_fields(ctx, sb);
}

void stream_init_fields(FnCtx *ctx, StrBuf *sb) {
  for (size_t i = 0; i < ctx->num_loops; i++)
    if (ctx->loops[i].gen)
      sb_printf(sb, "    ac_f->ac_st_%zu.ac_state = AC_STATE_DONE;\n", i + 1);
  stream_value_init(ctx, sb);
}

void stream_drop_fields(FnCtx *ctx, StrBuf *sb) {
  for (size_t i = ctx->num_loops; i-- > 0;)
    if (ctx->loops[i].gen)
      sb_printf(sb, "    if (ac_f->ac_st_%zu.ac_state != AC_STATE_DONE)\n        %s__drop(&ac_f->ac_st_%zu);\n",
                i + 1, ctx->loops[i].gen->name, i + 1);
  stream_value_drops(ctx, sb, true);
}
