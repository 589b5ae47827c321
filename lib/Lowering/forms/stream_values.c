/* Streams as values: a generator started by one function and consumed by
 * another (a helper taking the stream), through a typed handle.
 *
 *   ac_stream(int) *s = ac_stream_of(counter(10));   in an async function: s
 *                                                    points into its frame
 *   static async int total(ac_stream(int) *s) {      a helper consuming it
 *     int v, t = 0;
 *     ac_for_each(v, s) t += v;
 *     return t;
 *   }
 *
 * The function that writes ac_stream_of owns the generator: its frame holds
 * the generator's frame (ac_sv_N) and an untyped handle (ac_sh_N, struct
 * ac_stream_raw: the frame, type-erased poll and drop, where its state and
 * item are).  It drops the generator when the same ac_stream_of runs again,
 * when it returns and when it is dropped.  Loops over a handle never drop
 * the generator: the owner may go on consuming it after a helper returned,
 * as with a `&mut` stream in Rust.
 *
 * Types: clang sees every ac_stream(T) as the one struct ac_stream (the
 * prelude); in the lowered C each is rewritten to a struct of its own per
 * item type, struct ac_stream__<T mangled>, whose only member is the raw
 * handle plus a flexible array that names T, so the C compiler checks that
 * the handle made by ac_stream_of(g()) and every pointer it is passed
 * through agree on the item type, and `v = item` is typed.  Item types are
 * compared by spelling: ac_stream(myint) and a generator of int are
 * different streams even if myint is int. */
#define _GNU_SOURCE /* memmem */
#include "forms/forms.h"

#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ item types */

/* T with its spaces normalised: one space between words, none elsewhere. */
static char *normalise(const char *t, size_t n) {
  StrBuf sb = {0};
  bool space = false;
  for (size_t i = 0; i < n; i++) {
    char c = t[i];
    if (strchr(" \t\r\n\f\v", c)) {
      space = true;
      continue;
    }
    if (space && sb.len && is_ident_char(sb.data[sb.len - 1]) && is_ident_char(c))
      sb_puts(&sb, " ");
    space = false;
    sb_putn(&sb, &c, 1);
  }
  return sb_take(&sb);
}

/* `struct ac_stream__<T>`, with T spelled as an identifier, one-to-one. */
static char *handle_type(const char *t, size_t n) {
  char *norm = normalise(t, n);
  StrBuf sb = {0};
  sb_puts(&sb, "struct ac_stream__");
  for (const char *p = norm; *p; p++) {
    if (*p == '_')
      sb_puts(&sb, "_u");
    else if (*p == ' ')
      sb_puts(&sb, "_s");
    else if (*p == '*')
      sb_puts(&sb, "_p");
    else if (is_ident_char(*p))
      sb_putn(&sb, p, 1);
    else
      sb_printf(&sb, "_x%02x", (unsigned char)*p);
  }
  free(norm);
  return sb_take(&sb);
}

static char *type_definition(const char *handle, const char *t) {
  return xasprintf("%s {\n    struct ac_stream_raw r;\n    __typeof__(%s) *ac_item_type[]; "
                   "/* names the item type; no storage */\n};\n",
                   handle, t);
}

typedef struct TopLevel {
  Lowering *L;
  unsigned off, begin;
  bool found;
} TopLevel;

static enum CXChildVisitResult find_top(CXCursor c, CXCursor parent, CXClientData d) {
  (void)parent;
  TopLevel *t = d;
  Range r;
  if (!t->found && cursor_range(t->L, c, &r) && r.begin <= t->off && t->off < r.end) {
    t->begin = r.begin;
    t->found = true;
  }
  return CXChildVisit_Continue;
}

/* `ac_stream_of ( g (` ... `) )` with g a generator, else the prelude's
 * stand-in would reach the C compiler: the shape is checked on the text
 * (the lowering of the function that contains it rewrites it). */
static void check_value_site(Lowering *L, unsigned kw) {
  const Source *src = &L->src;
  unsigned p = skip_space(src, kw + 12), name = p;
  bool ok = p < src->size && src->text[p] == '(';
  if (ok) {
    name = p = skip_space(src, p + 1);
    while (p < src->size && is_ident_char(src->text[p]))
      p++;
    ok = p > name && skip_space(src, p) < src->size && src->text[skip_space(src, p)] == '(';
  }
  bool is_gen = false;
  for (size_t i = 0; ok && i < L->num_fns && !is_gen; i++)
    is_gen = L->fns[i]->is_stream && strlen(L->fns[i]->name) == p - name &&
             memcmp(L->fns[i]->name, src->text + name, p - name) == 0;
  if (!is_gen)
    diag_at(L, DIAG_ERROR, kw,
            "'ac_stream_of' needs a call of an async_stream function, written directly in its "
            "parentheses: ac_stream_of(gen(args))");
}

void stream_rewrite_types(Lowering *L) {
  const Source *src = &L->src;
  unsigned ntoks = 0; /* only the lines that use streams as values */
  static const char *const words[] = {"ac_stream", NULL};
  CXToken *toks = main_file_tokens(L, words, &ntoks);
  char **seen = NULL;
  size_t num_seen = 0;
  for (unsigned i = 0; i < ntoks; i++) {
    unsigned off;
    if (clang_getTokenKind(toks[i]) != CXToken_Identifier ||
        !loc_offset(L, clang_getTokenLocation(L->tu, toks[i]), &off))
      continue;
    if (text_is_word(src, off, "ac_stream_of")) {
      check_value_site(L, off);
      continue;
    }
    if (!text_is_word(src, off, "ac_stream"))
      continue;
    unsigned open = skip_space(src, off + 9), close = open + 1;
    if (open >= src->size || src->text[open] != '(')
      continue;
    for (int depth = 0; close < src->size && (depth || src->text[close] != ')'); close++)
      depth += src->text[close] == '(' ? 1 : src->text[close] == ')' ? -1 : 0;
    if (close >= src->size)
      continue;
    const char *t = src->text + open + 1;
    size_t n = close - open - 1;
    char *h = handle_type(t, n);
    edit_replace(L, (Range){off, close + 1}, xstrdup(h));
    bool known = false;
    for (size_t j = 0; j < num_seen && !known; j++)
      known = strcmp(seen[j], h) == 0;
    if (known) {
      free(h);
      continue;
    }
    /* declared before everything, defined where T is first written (T is
     * visible there; the definition is needed only where a handle is used) */
    seen = xrealloc(seen, (num_seen + 1) * sizeof *seen);
    seen[num_seen++] = h;
    char *tt = xasprintf("%.*s", (int)n, t);
    TopLevel top = {.L = L, .off = off};
    clang_visitChildren(clang_getTranslationUnitCursor(L->tu), find_top, &top);
    L->generating = true;
    edit_insert(L, 0, EDIT_OPEN, -3, xasprintf("%s;\n", h));
    if (top.found)
      edit_insert(L, top.begin, EDIT_OPEN, -2, type_definition(h, tt));
    L->generating = false;
    free(tt);
  }
  for (size_t j = 0; j < num_seen; j++)
    free(seen[j]);
  free(seen);
  free(toks);
}

/* A frame local or parameter declared `ac_stream(T) *x`: clang knows its
 * type only as struct ac_stream *; the frame field needs the typed one. */
void stream_fix_var_type(FnCtx *ctx, Var *v) {
  if (!v->type || !strstr(v->type, "struct ac_stream"))
    return;
  Range r;
  unsigned name;
  if (!cursor_range(ctx->L, v->cur, &r) || !loc_offset(ctx->L, clang_getCursorLocation(v->cur), &name) ||
      name <= r.begin)
    return;
  const Source *src = &ctx->L->src;
  if (!text_is_word(src, r.begin, "ac_stream"))
    return;
  unsigned open = skip_space(src, r.begin + 9), close = open + 1;
  if (open >= name || src->text[open] != '(')
    return;
  for (int depth = 0; close < name && (depth || src->text[close] != ')'); close++)
    depth += src->text[close] == '(' ? 1 : src->text[close] == ')' ? -1 : 0;
  if (close >= name)
    return;
  char *h = handle_type(src->text + open + 1, close - open - 1);
  char *rest = normalise(src->text + close + 1, name - close - 1); /* the '*'s */
  free(v->type);
  v->type = xasprintf("%s %s", h, rest);
  free(h), free(rest);
}

/* ------------------------------------------------------------ ac_stream_of */

/* `ac_stream_of ( g (` before the call's arguments and `) )` after them. */
bool stream_add_value(FnCtx *ctx, CXCursor call, AsyncFn *g) {
  Lowering *L = ctx->L;
  const Source *src = &L->src;
  Range r;
  if (!cursor_range(L, call, &r) || !text_is_word(src, r.begin, g->name))
    return false;
  unsigned p = r.begin;
  while (p > 0 && strchr(" \t\r\n", src->text[p - 1]))
    p--;
  if (p == 0 || src->text[p - 1] != '(')
    return false;
  unsigned q = p - 1;
  while (q > 0 && strchr(" \t\r\n", src->text[q - 1]))
    q--;
  if (q < 12 || !text_is_word(src, q - 12, "ac_stream_of") ||
      (q > 12 && is_ident_char(src->text[q - 13])))
    return false;
  unsigned kw = q - 12, open = skip_space(src, r.begin + (unsigned)strlen(g->name));
  unsigned close = skip_space(src, r.end);
  if (open >= src->size || src->text[open] != '(' || close >= src->size || src->text[close] != ')')
    return false;
  if (!g->item_type)
    return true; /* diagnosed with the generator */
  ctx->values = xrealloc(ctx->values, (ctx->num_values + 1) * sizeof *ctx->values);
  ctx->values[ctx->num_values++] =
      (StreamValue){.gen = g, .call = call, .kw = kw, .open = open, .call_end = r.end, .close = close};
  /* g's frame is embedded: its struct comes first; its erased poll and drop
   * (the spawn helpers) must be visible in this function */
  bool known = false;
  for (size_t i = 0; i < ctx->fn->num_callees; i++)
    known |= ctx->fn->callees[i] == g;
  if (!known) {
    ctx->fn->callees = xrealloc(ctx->fn->callees, (ctx->fn->num_callees + 1) * sizeof(AsyncFn *));
    ctx->fn->callees[ctx->fn->num_callees++] = g;
  }
  BuiltinSite site = {.kind = BUILTIN_NONE, .callee = g};
  builtin_add_site(L, &site, ctx->fn->header.begin);
  return true;
}

void stream_values_rewrite(FnCtx *ctx) {
  for (size_t i = 0; i < ctx->num_values; i++) {
    const StreamValue *v = &ctx->values[i];
    AsyncFn *g = v->gen;
    size_t id = i + 1;
    char *h = handle_type(g->item_type, strlen(g->item_type));
    bool args = clang_Cursor_getNumArguments(v->call) > 0;
    /* only the text around the arguments is replaced: they keep their edits */
    edit_replace(ctx->L, (Range){v->kw, v->open + 1},
                 xasprintf("(ac_f->ac_sv_%zu.ac_state != AC_STATE_DONE ? %s__drop(&ac_f->ac_sv_%zu) : "
                           "(void)0, %s__init(&ac_f->ac_sv_%zu%s",
                           id, g->name, id, g->name, id, args ? ", " : ""));
    edit_replace(ctx->L, (Range){v->call_end - 1, v->close + 1},
                 xasprintf("), ac_f->ac_sh_%zu = (struct ac_stream_raw){&ac_f->ac_sv_%zu, "
                           "%s__erased_poll, %s__erased_drop, &ac_f->ac_sv_%zu.ac_state, "
                           "&ac_f->ac_sv_%zu.ac_item}, (%s *)&ac_f->ac_sh_%zu)",
                           id, id, g->name, g->name, id, id, h, id));
    free(h);
  }
}

bool stream_value_call(FnCtx *ctx, CXCursor call) {
  Range r, vr;
  if (!cursor_range(ctx->L, call, &r))
    return false;
  for (size_t i = 0; i < ctx->num_values; i++)
    if (cursor_range(ctx->L, ctx->values[i].call, &vr) && vr.begin == r.begin)
      return true;
  return false;
}

void stream_value_fields(FnCtx *ctx, StrBuf *sb) {
  for (size_t i = 0; i < ctx->num_values; i++) {
    Range r;
    cursor_range(ctx->L, ctx->values[i].call, &r);
    sb_printf(sb, "    struct %s__frame ac_sv_%zu; /* ac_stream_of, line %u */\n",
              ctx->values[i].gen->name, i + 1, source_line(&ctx->L->src, r.begin));
    sb_printf(sb, "    struct ac_stream_raw ac_sh_%zu;\n", i + 1);
  }
}

void stream_value_init(FnCtx *ctx, StrBuf *sb) {
  for (size_t i = 0; i < ctx->num_values; i++)
    sb_printf(sb, "    ac_f->ac_sv_%zu.ac_state = AC_STATE_DONE;\n", i + 1);
}

/* 'stmt': as statements (drop), else as comma operands (return) */
void stream_value_drops(FnCtx *ctx, StrBuf *sb, bool stmt) {
  for (size_t i = ctx->num_values; i-- > 0;) {
    const char *g = ctx->values[i].gen->name;
    if (stmt)
      sb_printf(sb, "    if (ac_f->ac_sv_%zu.ac_state != AC_STATE_DONE)\n        %s__drop(&ac_f->ac_sv_%zu);\n",
                i + 1, g, i + 1);
    else
      sb_printf(sb, "(ac_f->ac_sv_%zu.ac_state != AC_STATE_DONE ? %s__drop(&ac_f->ac_sv_%zu) : (void)0), ",
                i + 1, g, i + 1);
  }
}
