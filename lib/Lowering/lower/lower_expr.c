/* Hoisting awaits out of expressions.
 *
 * An await can sit anywhere in an expression, but a resume point must be a
 * statement.  lower_expr turns an expression into code that runs before the
 * statement (the "pre" code: each await becomes init / state / label / poll)
 * plus a residual expression that computes the value once every await has
 * completed, each await replaced by its result.  Sequencing is kept where C
 * defines it: the right side of && and || and the arms of ?: run only when
 * C says so (they become if statements), and the left side of a comma runs
 * before the right side's awaits.  Elsewhere C leaves the order of operand
 * evaluation unspecified, and the awaits simply run first, left to right.
 *
 * Results of awaits live in the callee's frame; when a full expression has
 * several awaits (whose callee frames share storage), each result is first
 * copied into a temporary of the frame, grouped per full expression. */
#include "lower/lower.h"
#include "forms/forms.h"

#include <stdlib.h>
#include <string.h>

/* A full expression inside a statement expression joins the group of the
 * one around it: the union would otherwise let its temporaries overwrite
 * the outer ones, which are still live. */
void full_expr_begin(FnCtx *ctx, Range r) {
  if (ctx->expr_fields) {
    ctx->expr_nest++;
    return;
  }
  ctx->expr_awaits = awaits_in(ctx, r);
  ctx->expr_id = ++ctx->next_expr;
  ctx->expr_temps = 0;
  ctx->expr_fields = calloc(1, sizeof(StrBuf));
}

void full_expr_end(FnCtx *ctx) {
  if (ctx->expr_nest) {
    ctx->expr_nest--;
    return;
  }
  if (ctx->expr_fields->len)
    sb_printf(&ctx->tmp_fields, "        struct {%s } e%d;\n", ctx->expr_fields->data, ctx->expr_id);
  free(ctx->expr_fields->data);
  free(ctx->expr_fields);
  ctx->expr_fields = NULL;
}

/* A new temporary of the current full expression. */
char *expr_temp(FnCtx *ctx, const char *type, const char *stem) {
  char *name = xasprintf("%s%d", stem, ++ctx->expr_temps);
  char *decl = field_decl(type, name);
  sb_printf(ctx->expr_fields, " %s;", decl);
  free(decl);
  char *ref = xasprintf("ac_f->ac_tmp.e%d.%s", ctx->expr_id, name);
  free(name);
  return ref;
}

/* Every await of one callee uses the same member of the ac_aw union: one
 * await is in flight at a time, and fewer members keep the union small and
 * cheap for compilers to analyse. */
static char *await_member(Await *aw) { return xstrdup(aw->callee->name); }

/* Emits a resume point for await 'aw' whose callee's arguments are 'args'. */
static void emit_await(FnCtx *ctx, Await *aw, const char *args, StrBuf *pre) {
  char *m = await_member(aw);
  const char *g = aw->callee->name;
  sb_printf(pre, "%s__init(&ac_f->ac_aw.%s%s%s);\n", g, m, *args ? ", " : "", args);
  sb_printf(pre, "ac_f->ac_state = %d;\n", aw->state);
  sb_printf(pre, "ac_resume_%d:\n", aw->state);
  if (*ctx->save_text)
    sb_printf(pre, "if (%s__poll(&ac_f->ac_aw.%s, ac_cx) == AC_PENDING) {\n    %sreturn AC_PENDING;\n}\n",
              g, m, ctx->save_text);
  else
    sb_printf(pre, "if (%s__poll(&ac_f->ac_aw.%s, ac_cx) == AC_PENDING)\n    return AC_PENDING;\n", g, m);
  char *field = frame_is_opaque(aw->callee)
                    ? xasprintf("        unsigned char %s[sizeof(struct %s__frame)] "
                                "__attribute__((__aligned__(__alignof__(struct %s__frame))));\n",
                                m, g, g)
                    : xasprintf("        struct %s__frame %s;\n", g, m);
  if (!ctx->aw_fields.data || !strstr(ctx->aw_fields.data, field))
    sb_puts(&ctx->aw_fields, field);
  free(field);
  sb_printf(&ctx->drop_cases, "    case %d:\n        %s__drop(&ac_f->ac_aw.%s);\n        break;\n",
            aw->state, g, m);
  free(m);
}

/* The value of an await (a field of the frame): read in place when it is
 * the only await of its full expression, else copied to a temporary first. */
char *await_value(FnCtx *ctx, char *field, const char *type, bool is_record, StrBuf *pre) {
  if (ctx->expr_awaits == 1)
    return field; /* nothing reuses the callee's frame before it is read */
  char *res = expr_temp(ctx, type, "t");
  char *c = copy_text(res, field, is_record);
  sb_printf(pre, "%s;\n", c);
  free(c);
  free(field);
  return res;
}

static char *lower_await(FnCtx *ctx, Range r, StrBuf *pre) {
  Await *aw = await_at(ctx, r.begin);
  if (!aw || !aw->evaluated)
    return render(ctx->L, r);
  switch (aw->kind) {
  case AWAIT_TIMEOUT:
    return lower_timeout(ctx, aw, pre);
  case AWAIT_JOIN:
  case AWAIT_SELECT:
    return lower_conc(ctx, aw, pre);
  case AWAIT_YIELD:
    return stream_lower_yield(ctx, aw, aw->range, pre);
  case AWAIT_CALL:
  case AWAIT_NEXT_ITEM: /* (an ac_for_each's is lowered with its loop: forms/streams.c) */
    break;
  }
  StrBuf args = {0};
  /* states are numbered in evaluation order: the arguments' awaits first */
  int n = clang_Cursor_getNumArguments(aw->call);
  for (int i = 0; i < n; i++) {
    char *a = lower_expr(ctx, clang_Cursor_getArgument(aw->call, i), pre);
    sb_printf(&args, "%s%s", i ? ", " : "", a);
    free(a);
  }
  aw->state = new_state(ctx, aw);
  char *res;
  if (aw->ool) {
    res = aw->ool == OOL_POINTER ? emit_ptr_await(ctx, aw, args.data ? args.data : "", pre)
                                 : emit_ool_await(ctx, aw, args.data ? args.data : "", pre);
    free(args.data);
    edit_replace(ctx->L, r, xstrdup(res));
    return res;
  }
  emit_await(ctx, aw, args.data ? args.data : "", pre);
  free(args.data);
  if (aw->callee->returns_void) {
    res = xstrdup("((void)0)");
  } else {
    char *m = await_member(aw);
    char *result = frame_is_opaque(aw->callee)
                       ? xasprintf("((struct %s__frame *)(void *)ac_f->ac_aw.%s)->ac_result",
                                   aw->callee->name, m)
                       : xasprintf("ac_f->ac_aw.%s.ac_result", m);
    free(m);
    res = await_value(ctx, result, aw->callee->ret_type, aw->callee->returns_record, pre);
  }
  edit_replace(ctx->L, r, xstrdup(res));
  return res;
}

static void indent_into(StrBuf *dst, const char *text) {
  for (const char *p = text; *p;) {
    const char *nl = strchr(p, '\n');
    size_t n = nl ? (size_t)(nl - p + 1) : strlen(p);
    sb_puts(dst, "    ");
    sb_putn(dst, p, n);
    p += n;
  }
}

/* a && b, a || b with an await in b: b runs only if a says so. */
static char *lower_logical(FnCtx *ctx, CXCursor lhs, CXCursor rhs, bool is_and, Range r, StrBuf *pre) {
  char *l = lower_expr(ctx, lhs, pre);
  Range rr;
  if (!cursor_range(ctx->L, rhs, &rr) || awaits_in(ctx, rr) == 0) {
    free(l);
    return render(ctx->L, r);
  }
  char *t = expr_temp(ctx, "int", "c");
  sb_printf(pre, "%s = !!(%s);\nif (%s%s) {\n", t, l, is_and ? "" : "!", t);
  StrBuf inner = {0};
  char *rv = lower_expr(ctx, rhs, &inner);
  sb_printf(&inner, "%s = !!(%s);\n", t, rv);
  indent_into(pre, inner.data);
  sb_puts(pre, "}\n");
  free(inner.data);
  free(rv);
  free(l);
  edit_replace(ctx->L, r, xstrdup(t));
  return t;
}

/* c ? a : b with an await in a or b: only the chosen arm runs. */
static char *lower_conditional(FnCtx *ctx, CXCursor e, Children *ch, Range r, StrBuf *pre) {
  Range ra, rb;
  char *c = lower_expr(ctx, ch->p[0], pre); /* the condition always runs */
  if (!cursor_range(ctx->L, ch->p[1], &ra) || !cursor_range(ctx->L, ch->p[2], &rb) ||
      (awaits_in(ctx, ra) == 0 && awaits_in(ctx, rb) == 0)) {
    free(c);
    return render(ctx->L, r);
  }
  CXType type = clang_getCursorType(e);
  char *t = NULL;
  if (!is_void_type(type)) {
    char *ts = frame_type_spelling(ctx, type, e);
    t = expr_temp(ctx, ts ? ts : "int", "v");
    free(ts);
  }
  sb_printf(pre, "if (%s) {\n", c);
  for (int arm = 1; arm <= 2; arm++) {
    StrBuf inner = {0};
    char *v = lower_expr(ctx, ch->p[arm], &inner);
    if (t)
      sb_printf(&inner, "%s = %s;\n", t, v);
    else
      sb_printf(&inner, "(void)(%s);\n", v);
    indent_into(pre, inner.data);
    sb_puts(pre, arm == 1 ? "} else {\n" : "}\n");
    free(inner.data);
    free(v);
  }
  free(c);
  char *res = t ? t : xstrdup("((void)0)");
  edit_replace(ctx->L, r, xstrdup(res));
  return res;
}

/* _Generic(c, T1: a, T2: b) with an await in an association: only the
 * selected one runs, and the C compiler is what knows which.  The awaits of
 * association k run under `if (_Generic(c, T1: 1, T2: 2) == k)`, into a
 * temporary of its own type; the residual is the _Generic of those. */
static char *lower_generic(FnCtx *ctx, Children *ch, Range r, StrBuf *pre) {
  Lowering *L = ctx->L;
  StrBuf sel = {0};
  unsigned at = r.begin;
  int k = 0;
  /* the associations: expressions after a ':' (a type's array bound is not) */
  Range *arms = xrealloc(NULL, ch->n * sizeof *arms);
  CXCursor *armc = xrealloc(NULL, ch->n * sizeof *armc);
  for (size_t i = 1; i < ch->n; i++) {
    Range ar;
    if (!clang_isExpression(clang_getCursorKind(ch->p[i])) || !cursor_range(L, ch->p[i], &ar))
      continue;
    unsigned p = ar.begin;
    while (p > at && (L->src.text[p - 1] == ' ' || L->src.text[p - 1] == '\t' || L->src.text[p - 1] == '\n'))
      p--;
    if (p == at || L->src.text[p - 1] != ':')
      continue;
    char *gap = render(L, (Range){at, ar.begin});
    sb_printf(&sel, "%s%d", gap, ++k);
    free(gap);
    arms[k - 1] = ar;
    armc[k - 1] = ch->p[i];
    at = ar.end;
  }
  char *tail = render(L, (Range){at, r.end});
  sb_puts(&sel, tail);
  free(tail);
  for (int j = 0; j < k; j++) {
    if (awaits_in(ctx, arms[j]) == 0)
      continue;
    CXType type = clang_getCursorType(armc[j]);
    char *t = NULL;
    if (!is_void_type(type)) {
      char *ts = frame_type_spelling(ctx, type, armc[j]);
      t = expr_temp(ctx, ts ? ts : "int", "v");
      free(ts);
    }
    sb_printf(pre, "if (%s == %d) {\n", sel.data, j + 1);
    StrBuf inner = {0};
    char *v = lower_expr(ctx, armc[j], &inner);
    sb_printf(&inner, t ? "%s = %s;\n" : "%s(void)(%s);\n", t ? t : "", v);
    indent_into(pre, inner.data);
    sb_puts(pre, "}\n");
    free(inner.data), free(v);
    edit_replace(L, arms[j], t ? t : xstrdup("((void)0)"));
  }
  free(sel.data), free(arms), free(armc);
  return render(L, r);
}

/* GNU `a ?: b` with an await in it: a runs once, b only if a is zero.
 * a is stored in the result's type before the test: the conversion to the
 * common type keeps a nonzero value nonzero. */
static char *lower_elvis(FnCtx *ctx, CXCursor e, Children *ch, Range r, StrBuf *pre) {
  char *ts = frame_type_spelling(ctx, clang_getCursorType(e), e);
  char *t = expr_temp(ctx, ts ? ts : "int", "v");
  free(ts);
  char *a = lower_expr(ctx, ch->p[0], pre);
  sb_printf(pre, "%s = %s;\nif (!(%s)) {\n", t, a, t);
  StrBuf inner = {0};
  char *b = lower_expr(ctx, ch->p[ch->n - 1], &inner);
  sb_printf(&inner, "%s = %s;\n", t, b);
  indent_into(pre, inner.data);
  sb_puts(pre, "}\n");
  free(inner.data), free(a), free(b);
  edit_replace(ctx->L, r, xstrdup(t));
  return t;
}

/* GNU `({ S...; E; })` with an await inside: a resume label cannot be in a
 * statement expression (C forbids jumping into one), so its statements move
 * to the pre code as a block, E's value into a temporary. */
static char *lower_stmt_expr(FnCtx *ctx, CXCursor e, Range r, StrBuf *pre) {
  Children ch, st;
  children_of(e, &ch);
  CXCursor body = ch.p[0];
  children_free(&ch);
  children_of(body, &st);
  CXType type = clang_getCursorType(e);
  CXCursor last = st.n ? st.p[st.n - 1] : clang_getNullCursor();
  Range lr;
  bool value = !is_void_type(type) && clang_isExpression(clang_getCursorKind(last)) &&
               cursor_range(ctx->L, last, &lr);
  for (size_t i = 0; i + value < st.n; i++)
    lower_stmt(ctx, st.p[i], true, 1);
  char *t = NULL;
  if (value) {
    char *ts = frame_type_spelling(ctx, type, e);
    t = expr_temp(ctx, ts ? ts : "int", "v");
    free(ts);
    StrBuf inner = {0};
    char *v = lower_expr(ctx, last, &inner);
    edit_replace(ctx->L, lr, xasprintf("%s%s = %s", inner.data ? inner.data : "", t, v));
    free(inner.data), free(v);
  }
  children_free(&st);
  Range br;
  if (cursor_range(ctx->L, body, &br)) {
    char *block = render(ctx->L, br);
    sb_printf(pre, "%s\n", block);
    free(block);
  }
  char *res = t ? t : xstrdup("((void)0)");
  edit_replace(ctx->L, r, xstrdup(res));
  return res;
}

/* clang leaves GNU `a ?: b` unexposed (with its implicit operands as
 * extra children): recognise it by a `?` directly followed by `:` between
 * the first operand and the last. */
static bool is_binary_conditional(FnCtx *ctx, Children *ch) {
  Range a, b;
  if (!cursor_range(ctx->L, ch->p[0], &a) || !cursor_range(ctx->L, ch->p[ch->n - 1], &b) ||
      a.end > b.begin)
    return false;
  const Source *src = &ctx->L->src;
  for (unsigned p = skip_space(src, a.end); p < b.begin; p = skip_space(src, p + 1))
    if (src->text[p] == '?')
      return src->text[skip_space(src, p + 1)] == ':';
  return false;
}

char *lower_expr(FnCtx *ctx, CXCursor e, StrBuf *pre) {
  Lowering *L = ctx->L;
  Range r;
  if (!cursor_range(L, e, &r))
    return xstrdup("");
  if (awaits_in(ctx, r) == 0)
    return render(L, r);
  enum CXCursorKind k = clang_getCursorKind(e);
  if (is_await_op(L, e) && await_at(ctx, r.begin))
    return lower_await(ctx, r, pre);

  Children ch;
  children_of(e, &ch);
  char *res = NULL;
  if (k == CXCursor_BinaryOperator && ch.n == 2) {
    enum CXBinaryOperatorKind op = clang_getCursorBinaryOperatorKind(e);
    if (op == CXBinaryOperator_LAnd || op == CXBinaryOperator_LOr) {
      res = lower_logical(ctx, ch.p[0], ch.p[1], op == CXBinaryOperator_LAnd, r, pre);
    } else if (op == CXBinaryOperator_Comma) {
      Range rr;
      char *l = lower_expr(ctx, ch.p[0], pre);
      if (cursor_range(L, ch.p[1], &rr) && awaits_in(ctx, rr) > 0) {
        sb_printf(pre, "(void)(%s);\n", l);
        char *rv = lower_expr(ctx, ch.p[1], pre);
        res = xasprintf("(%s)", rv);
        free(rv);
        edit_replace(L, r, xstrdup(res));
      } else {
        /* the left side's value is discarded: say so, or cc warns that a
         * bare read of the await's result has no effect */
        char *rv = render(L, rr);
        res = xasprintf("((void)(%s), %s)", l, rv);
        free(rv);
        edit_replace(L, r, xstrdup(res));
      }
      free(l);
    }
  } else if (k == CXCursor_StmtExpr && ch.n == 1) {
    res = lower_stmt_expr(ctx, e, r, pre);
  } else if (k == CXCursor_ConditionalOperator && ch.n == 3) {
    res = lower_conditional(ctx, e, &ch, r, pre);
  } else if (k == CXCursor_GenericSelectionExpr) {
    res = lower_generic(ctx, &ch, r, pre);
  } else if (k == CXCursor_UnexposedExpr && ch.n >= 2 && is_binary_conditional(ctx, &ch)) {
    res = lower_elvis(ctx, e, &ch, r, pre);
  }
  if (!res) {
    for (size_t i = 0; i < ch.n; i++) {
      Range cr;
      if (cursor_range(L, ch.p[i], &cr) && awaits_in(ctx, cr) > 0 &&
          !repeats_earlier_child(L, &ch, i))
        free(lower_expr(ctx, ch.p[i], pre));
    }
    res = render(L, r);
  }
  children_free(&ch);
  return res;
}
