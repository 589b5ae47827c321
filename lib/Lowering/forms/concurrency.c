/* The concurrency forms: `await ac_join(E1, ..., En)` and
 * `await ac_select(E1, ..., En)`.
 *
 * Each Ei is a call of an async function, `f(args)`, `lhs = f(args)` or
 * `(void)f(args)` (its result discarded on purpose, for -Wunused-async-result).
 * Both forms run the calls concurrently inside the awaiting task, with no
 * spawn and no allocation: the frames of all n callees sit side by side in
 * ONE member of the caller's ac_aw union (as ac_timeout's callee and sleep
 * do), and one resume state polls them in argument order.
 *
 *   ac_join    polls every call that has not completed yet (a bit mask says
 *              which have); when call i completes its assignment is applied
 *              at once; the join completes when all have.  Value: void.
 *   ac_select  polls the calls in argument order until one is ready
 *              ("biased", like tokio's `select! { biased; ... }`): the first
 *              ready call wins, the others are dropped (f__drop, whatever
 *              state they are in), then the winner's assignment is applied.
 *              Value: the winner's 0-based index.
 *
 * Dropping the caller while it waits drops every unfinished call.
 *
 * The prelude spells `ac_join(E1, E2)` as `ac__join(((void)0, E1, E2), 0))`
 * (`__VA_OPT__` makes `ac_join()` parse too), so clang types every Ei; the
 * left spine of the comma chain gives them back in order (an Ei that is
 * itself a comma expression must be in parentheses, which stops the walk).
 *
 *   await ac_select(a = f(1), g())  ->
 *
 *     f__init(&ac_f->ac_aw.ac_select1.c0, 1);
 *     g__init(&ac_f->ac_aw.ac_select1.c1);
 *     ac_f->ac_state = 1;
 *     ac_resume_1:
 *     if (f__poll(&ac_f->ac_aw.ac_select1.c0, ac_cx) == AC_READY)
 *         ac_f->ac_aw.ac_select1.r = 0;
 *     else if (g__poll(&ac_f->ac_aw.ac_select1.c1, ac_cx) == AC_READY)
 *         ac_f->ac_aw.ac_select1.r = 1;
 *     else { <save promoted locals> return AC_PENDING; }
 *     if (ac_f->ac_aw.ac_select1.r != 0) f__drop(...c0);
 *     if (ac_f->ac_aw.ac_select1.r != 1) g__drop(...c1);
 *     if (ac_f->ac_aw.ac_select1.r == 0) a = ac_f->ac_aw.ac_select1.c0.ac_result;
 *
 * and the await's value is ac_f->ac_aw.ac_select1.r. */
#include "forms/forms.h"
#include "lower/lower.h"

#include <stdlib.h>
#include <string.h>

/* the done mask of a join is an unsigned */
enum { CONC_MAX_CALLS = 32 };

static const char *const conc_names[] = {[AWAIT_JOIN] = "ac_join", [AWAIT_SELECT] = "ac_select"};

AwaitKind conc_kind(const AsyncFn *g) {
  if (!g || !g->is_external)
    return AWAIT_CALL;
  if (strcmp(g->name, "ac__join") == 0)
    return AWAIT_JOIN;
  if (strcmp(g->name, "ac__select") == 0)
    return AWAIT_SELECT;
  return AWAIT_CALL;
}

/* Clang's implicit nodes, but not the user's parentheses. */
static CXCursor strip_implicit(CXCursor c) {
  while (clang_getCursorKind(c) == CXCursor_UnexposedExpr) {
    Children ch;
    children_of(c, &ch);
    if (ch.n != 1) {
      children_free(&ch);
      break;
    }
    c = ch.p[0];
    children_free(&ch);
  }
  return c;
}

static bool is_comma(CXCursor c) {
  return clang_getCursorKind(c) == CXCursor_BinaryOperator &&
         clang_getCursorBinaryOperatorKind(c) == CXBinaryOperator_Comma;
}

/* The first await operator inside c, if any. */
typedef struct FindAwait {
  Lowering *L;
  CXCursor found;
} FindAwait;

static enum CXChildVisitResult find_await(CXCursor c, CXCursor parent, CXClientData d) {
  (void)parent;
  FindAwait *fa = d;
  if (is_await_op(fa->L, c)) {
    fa->found = c;
    return CXChildVisit_Break;
  }
  return CXChildVisit_Recurse;
}

static bool has_await(Lowering *L, CXCursor c, unsigned *at) {
  FindAwait fa = {L, clang_getNullCursor()};
  if (is_await_op(L, c))
    fa.found = c;
  else
    clang_visitChildren(c, find_await, &fa);
  Range r;
  if (clang_Cursor_isNull(fa.found))
    return false;
  if (cursor_range(L, fa.found, &r))
    *at = r.begin;
  return true;
}

/* The calls Ei, in order, from the macro's `((void)0, E1, ..., En), 0)`. */
static size_t collect_calls(CXCursor arg, CXCursor **out) {
  CXCursor outer = strip_parens(arg);
  Children ch;
  children_of(outer, &ch);
  CXCursor node = is_comma(outer) && ch.n == 2 ? strip_implicit(ch.p[0]) : clang_getNullCursor();
  children_free(&ch);
  size_t n = 0;
  CXCursor *v = NULL;
  while (!clang_Cursor_isNull(node) && is_comma(node)) {
    children_of(node, &ch);
    if (ch.n != 2) {
      children_free(&ch);
      break;
    }
    v = xrealloc(v, (n + 1) * sizeof *v);
    v[n++] = ch.p[1];
    node = strip_implicit(ch.p[0]);
    children_free(&ch);
  }
  for (size_t i = 0; i < n / 2; i++) { /* collected right to left */
    CXCursor t = v[i];
    v[i] = v[n - 1 - i];
    v[n - 1 - i] = t;
  }
  *out = v;
  return n;
}

/* Is the expansion of kcall's first token the word `name`, written in the
 * file (not produced by a macro of the user's)? */
static bool written_as(Lowering *L, CXCursor kcall, const char *name) {
  CXFile f;
  unsigned off;
  clang_getExpansionLocation(clang_getRangeStart(clang_getCursorExtent(kcall)), &f, NULL, NULL,
                             &off);
  return f && clang_File_isEqual(f, L->src.file) && text_is_word(&L->src, off, name);
}

/* Ei as `lhs = call`, `(void)call` or `call` (parentheses allowed): the
 * call, with *lhs (or a null cursor) and *voided set. */
static CXCursor unwrap_part(CXCursor ei, CXCursor *lhs, bool *voided) {
  CXCursor e = strip_parens(ei);
  *lhs = clang_getNullCursor();
  *voided = false;
  Children ch;
  if (clang_getCursorKind(e) == CXCursor_BinaryOperator &&
      clang_getCursorBinaryOperatorKind(e) == CXBinaryOperator_Assign) {
    children_of(e, &ch);
    *lhs = ch.p[0];
    e = strip_parens(ch.p[1]);
    children_free(&ch);
  } else if (clang_getCursorKind(e) == CXCursor_CStyleCastExpr &&
             is_void_type(clang_getCursorType(e))) {
    children_of(e, &ch);
    e = ch.n ? strip_parens(ch.p[ch.n - 1]) : e;
    children_free(&ch);
    *voided = true;
  }
  return e;
}

/* A token of a macro argument is written in the file where it is spelled;
 * one of a macro's body is spelled in the #define but used elsewhere. */
static bool spelled_in_file(Lowering *L, CXSourceLocation loc) {
  CXFile sf;
  unsigned so, fo;
  clang_getSpellingLocation(loc, &sf, NULL, NULL, &so);
  return sf && clang_File_isEqual(sf, L->src.file) && loc_offset(L, loc, &fo) && fo == so;
}

/* One argument Ei: `call` or `lhs = call`, with call an async call written
 * in the file.  False after a diagnostic. */
static bool one_part(Lowering *L, const char *form, CXCursor ei, int index, ConcPart *part) {
  Range er;
  unsigned at = 0;
  if (cursor_range(L, ei, &er))
    at = er.begin;
  unsigned await_at_off = at;
  if (has_await(L, ei, &await_at_off)) {
    diag_at(L, DIAG_ERROR, await_at_off,
            "'await' inside the arguments of '%s': it awaits its calls itself (write 'f(x)', not "
            "'await f(x)'); await what their arguments need into a local first",
            form);
    return false;
  }
  CXCursor e = unwrap_part(ei, &part->lhs, &part->voided);
  part->call = e;
  AsyncFn *g = clang_getCursorKind(e) == CXCursor_CallExpr
                   ? find_async_fn(L, clang_getCursorReferenced(e))
                   : NULL;
  part->callee = g;
  if (g && (conc_kind(g) != AWAIT_CALL || is_timeout_fn(g))) {
    const char *inner = conc_kind(g) != AWAIT_CALL ? conc_names[conc_kind(g)] : "ac_timeout";
    diag_at(L, DIAG_ERROR, at,
            "'%s' cannot be an argument of '%s' directly; write it in an async function of its "
            "own and pass a call of that function",
            inner, form);
    return false;
  }
  if (!g) {
    diag_at(L, DIAG_ERROR, at,
            "argument %d of '%s' is not a call of an async function; each argument is a call, "
            "optionally assigned: %s(f(x), v = g(y))",
            index + 1, form, form);
    return false;
  }
  CXSourceRange ext = clang_getCursorExtent(e);
  if (!spelled_in_file(L, clang_getRangeStart(ext)) || !spelled_in_file(L, clang_getRangeEnd(ext))) {
    diag_at(L, DIAG_ERROR, at,
            "the calls of '%s' must be written in its parentheses, not produced by a macro", form);
    return false;
  }
  if (g->is_main) {
    diag_at(L, DIAG_ERROR, at, "%s", main_not_awaitable);
    return false;
  }
  if (!g->has_body && !g->is_external) { /* its frame's layout is not known here */
    diag_at(L, DIAG_ERROR, at,
            "'%s' keeps the frames of its calls in this frame, but '%s' is defined in another "
            "file; await it in an async function of this file and pass a call of that function",
            form, g->name);
    return false;
  }
  if (g->is_stream) {
    diag_at(L, DIAG_ERROR, at,
            "'%s' is a stream (async_stream): it cannot be awaited; consume its items with "
            "ac_for_each(v, %s(...))",
            g->name, g->name);
    return false;
  }
  return true;
}

bool conc_parts(Lowering *L, CXCursor kcall, Range await_r, Await *aw) {
  AwaitKind kind = conc_kind(find_async_fn(L, clang_getCursorReferenced(kcall)));
  const char *form = conc_names[kind];
  if (!written_as(L, kcall, form)) {
    diag_at(L, DIAG_ERROR, await_r.begin,
            "'%s' cannot be used inside a macro; write 'await %s(...)' directly in the async "
            "function",
            form, form);
    return false;
  }
  if (clang_Cursor_getNumArguments(kcall) != 1)
    return false;
  CXCursor *calls;
  size_t n = collect_calls(clang_Cursor_getArgument(kcall, 0), &calls);
  bool ok = true;
  if (kind == AWAIT_SELECT && n == 0) {
    diag_at(L, DIAG_ERROR, await_r.begin,
            "'ac_select' needs at least one call to race: with none it could never complete");
    ok = false;
  } else if (n > CONC_MAX_CALLS) {
    diag_at(L, DIAG_ERROR, await_r.begin, "'%s' takes at most %d calls; this one has %zu", form,
            CONC_MAX_CALLS, n);
    ok = false;
  }
  ConcPart *parts = n ? calloc(n, sizeof *parts) : NULL;
  for (size_t i = 0; i < n && ok; i++)
    ok = one_part(L, form, calls[i], (int)i, &parts[i]);
  free(calls);
  if (!ok) {
    free(parts);
    return false;
  }
  aw->kind = kind;
  aw->parts = parts;
  aw->num_parts = (int)n;
  aw->call = kcall;
  return true;
}

size_t conc_call_offsets(Lowering *L, CXCursor kcall, unsigned **out) {
  *out = NULL;
  if (clang_Cursor_getNumArguments(kcall) != 1)
    return 0;
  CXCursor *calls;
  size_t n = collect_calls(clang_Cursor_getArgument(kcall, 0), &calls), k = 0;
  for (size_t i = 0; i < n; i++) {
    CXCursor lhs;
    bool voided;
    CXCursor e = unwrap_part(calls[i], &lhs, &voided);
    Range r;
    if (clang_getCursorKind(e) != CXCursor_CallExpr || !cursor_range(L, e, &r))
      continue;
    unsigned *inner = NULL;
    size_t ni = 0;
    if (conc_kind(find_async_fn(L, clang_getCursorReferenced(e))) != AWAIT_CALL) /* nested: diagnosed once */
      ni = conc_call_offsets(L, e, &inner);
    *out = xrealloc(*out, (k + ni + 1) * sizeof **out);
    (*out)[k++] = r.begin;
    for (size_t j = 0; j < ni; j++)
      (*out)[k++] = inner[j];
    free(inner);
  }
  free(calls);
  return k;
}

bool conc_misuse(Lowering *L, CXCursor call, AsyncFn *g) {
  AwaitKind kind = conc_kind(g);
  if (kind == AWAIT_CALL)
    return false;
  const char *form = conc_names[kind];
  diag_cursor(L, DIAG_ERROR, call,
              "'%s' must be awaited, inside an async function: write 'await %s(...)'", form, form);
  return true;
}

char *conc_describe(const Await *aw) {
  StrBuf sb = {0};
  sb_printf(&sb, "%s(", conc_names[aw->kind]);
  for (int i = 0; i < aw->num_parts; i++)
    sb_printf(&sb, "%s%s", i ? ", " : "", aw->parts[i].callee->name);
  sb_puts(&sb, ")");
  return sb_take(&sb);
}

/* ---- lowering ---- */

/* The arguments of Ei's call, lowered (they hold no await), as ", a, b". */
static char *call_args(FnCtx *ctx, CXCursor call) {
  StrBuf sb = {0};
  int n = clang_Cursor_getNumArguments(call);
  for (int i = 0; i < n; i++) {
    char *a = lower_expr(ctx, clang_Cursor_getArgument(call, i), NULL);
    sb_printf(&sb, ", %s", a);
    free(a);
  }
  return sb.data ? sb_take(&sb) : xstrdup("");
}

/* `lhs = <m>.c<i>.ac_result;` for a call that is assigned. */
static void assign_result(FnCtx *ctx, const ConcPart *p, const char *m, int i, const char *indent,
                          StrBuf *pre) {
  if (clang_Cursor_isNull(p->lhs))
    return;
  char *lhs = lower_expr(ctx, p->lhs, NULL);
  char *src = xasprintf("%s.c%d.ac_result", m, i);
  char *c = copy_text(lhs, src, p->callee->returns_record);
  sb_printf(pre, "%s%s;\n", indent, c);
  free(c), free(src), free(lhs);
}

static void emit_join_poll(FnCtx *ctx, Await *aw, const char *m, StrBuf *pre) {
  unsigned all = 0;
  for (int i = 0; i < aw->num_parts; i++) {
    const char *g = aw->parts[i].callee->name;
    unsigned bit = 1u << i;
    all |= bit;
    sb_printf(pre, "if (!(%s.done & %uu) && %s__poll(&%s.c%d, ac_cx) == AC_READY) {\n", m, bit, g,
              m, i);
    sb_printf(pre, "    %s.done |= %uu;\n", m, bit);
    assign_result(ctx, &aw->parts[i], m, i, "    ", pre);
    sb_puts(pre, "}\n");
  }
  sb_printf(pre, "if (%s.done != %uu) {\n    %sreturn AC_PENDING;\n}\n", m, all, ctx->save_text);
  sb_printf(&ctx->drop_cases, "    case %d:\n", aw->state);
  for (int i = 0; i < aw->num_parts; i++)
    sb_printf(&ctx->drop_cases, "        if (!(%s.done & %uu))\n            %s__drop(&%s.c%d);\n",
              m, 1u << i, aw->parts[i].callee->name, m, i);
  sb_puts(&ctx->drop_cases, "        break;\n");
}

static void emit_select_poll(FnCtx *ctx, Await *aw, const char *m, StrBuf *pre) {
  int n = aw->num_parts;
  for (int i = 0; i < n; i++)
    sb_printf(pre, "%sif (%s__poll(&%s.c%d, ac_cx) == AC_READY)\n    %s.r = %d;\n", i ? "else " : "",
              aw->parts[i].callee->name, m, i, m, i);
  sb_printf(pre, "else {\n    %sreturn AC_PENDING;\n}\n", ctx->save_text);
  /* the losers go first, as when a Rust select! drops its futures before
   * running the winner's branch */
  for (int i = 0; i < n && n > 1; i++)
    sb_printf(pre, "if (%s.r != %d)\n    %s__drop(&%s.c%d);\n", m, i, aw->parts[i].callee->name,
              m, i);
  for (int i = 0; i < n; i++) {
    if (clang_Cursor_isNull(aw->parts[i].lhs))
      continue;
    sb_printf(pre, "if (%s.r == %d)\n", m, i);
    assign_result(ctx, &aw->parts[i], m, i, "    ", pre);
  }
  /* suspended here, every call is unfinished: a finished one would have won */
  sb_printf(&ctx->drop_cases, "    case %d:\n", aw->state);
  for (int i = 0; i < n; i++)
    sb_printf(&ctx->drop_cases, "        %s__drop(&%s.c%d);\n", aw->parts[i].callee->name, m, i);
  sb_puts(&ctx->drop_cases, "        break;\n");
}

char *lower_conc(FnCtx *ctx, Await *aw, StrBuf *pre) {
  bool join = aw->kind == AWAIT_JOIN;
  const char *form = conc_names[aw->kind];
  if (aw->num_parts == 0) { /* ac_join(): nothing to wait for */
    edit_replace(ctx->L, aw->range, xstrdup("((void)0)"));
    return xstrdup("((void)0)");
  }
  char **args = calloc((size_t)aw->num_parts, sizeof *args);
  for (int i = 0; i < aw->num_parts; i++)
    args[i] = call_args(ctx, aw->parts[i].call);
  aw->state = new_state(ctx, aw);
  char *member = xasprintf("%s%d", form, aw->state);
  char *m = xasprintf("ac_f->ac_aw.%s", member);
  StrBuf field = {0};
  sb_printf(&field, "        struct { /* %s, line %u */\n", form,
            source_line(&ctx->L->src, aw->range.begin));
  for (int i = 0; i < aw->num_parts; i++) {
    const char *g = aw->parts[i].callee->name;
    sb_printf(pre, "%s__init(&%s.c%d%s);\n", g, m, i, args[i]);
    sb_printf(&field, "            struct %s__frame c%d;\n", g, i);
    free(args[i]);
  }
  free(args);
  sb_printf(&field, "            %s;\n        } %s;\n", join ? "unsigned done" : "int r", member);
  sb_puts(&ctx->aw_fields, field.data);
  free(field.data);
  if (join)
    sb_printf(pre, "%s.done = 0;\n", m);
  sb_printf(pre, "ac_f->ac_state = %d;\nac_resume_%d:\n", aw->state, aw->state);
  if (join)
    emit_join_poll(ctx, aw, m, pre);
  else
    emit_select_poll(ctx, aw, m, pre);
  char *res = join ? xstrdup("((void)0)") : await_value(ctx, xasprintf("%s.r", m), "int", false, pre);
  free(m), free(member);
  edit_replace(ctx->L, aw->range, xstrdup(res));
  return res;
}
