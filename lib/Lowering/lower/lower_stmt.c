/* Lowering the statements of an async function body.
 *
 * Locals that live in the frame are renamed to frame fields and their
 * declarations become assignments.  A statement whose expression holds
 * awaits gets the awaits' code inserted before it (wrapped in braces when
 * the statement is the body of an if, a loop or a label).  A loop whose
 * condition or increment holds awaits is restructured so that the awaits
 * run on every iteration:
 *
 *   while (C) S          ->  for (;;) { pre(C); if (!(C')) break; S }
 *   do S while (C);      ->  for (;;) { S ac_cont_N:; pre(C); if (!(C')) break; }
 *   for (I; C; N) S      ->  for (I; ; ) { pre(C); if (!(C')) break; S ac_cont_N:; pre(N); N'; }
 *
 * with `continue` in S redirected to ac_cont_N where the increment or the
 * condition moved to the end of the body.  `return E` stores the result,
 * marks the frame done and returns AC_READY. */
#define _GNU_SOURCE /* memmem */
#include "lower/lower.h"
#include "forms/forms.h"

#include <stdlib.h>
#include <string.h>

static bool crange(FnCtx *ctx, CXCursor c, Range *r) { return cursor_range(ctx->L, c, r); }

static bool has_awaits(FnCtx *ctx, CXCursor c) {
  Range r;
  return crange(ctx, c, &r) && awaits_in(ctx, r) > 0;
}

/* Each line of 'text' prefixed with 'indent' (text's lines end in '\n'). */
static char *block(const char *text, const char *indent) {
  StrBuf sb = {0};
  for (const char *p = text; *p;) {
    const char *nl = strchr(p, '\n');
    size_t n = nl ? (size_t)(nl - p + 1) : strlen(p);
    sb_puts(&sb, indent);
    sb_putn(&sb, p, n);
    if (!nl)
      sb_puts(&sb, "\n");
    p += n;
  }
  return sb_take(&sb);
}

/* The whitespace that starts the line of offset 'off'. */
static char *line_indent(FnCtx *ctx, unsigned off) {
  const Source *src = &ctx->L->src;
  unsigned b = src->line_start[text_line(src, off) - 1], e = b;
  while (e < off && (src->text[e] == ' ' || src->text[e] == '\t'))
    e++;
  return xasprintf("%.*s", (int)(e - b), src->text + b);
}

/* Inserts 'pre' (lines) before statement s. */
static void insert_before(FnCtx *ctx, CXCursor s, const char *pre, bool in_compound, int depth) {
  Range r;
  if (!*pre || !crange(ctx, s, &r))
    return;
  char *ind = line_indent(ctx, r.begin);
  char *body = indent_text(pre, ind);
  if (in_compound) {
    edit_insert(ctx->L, r.begin, EDIT_OPEN, depth, body);
  } else {
    edit_insert(ctx->L, r.begin, EDIT_OPEN, depth, xasprintf("{\n%s%s", ind, body));
    edit_insert(ctx->L, stmt_end(ctx->L, s), EDIT_CLOSE, depth, xstrdup(" }"));
    free(body);
  }
  free(ind);
}

/* Lowers the awaits of a full expression e; returns the code to run before
 * the statement (possibly empty).  The residual is left in place by edits. */
static char *lower_full(FnCtx *ctx, CXCursor e, char **residual) {
  StrBuf pre = {0};
  Range r;
  crange(ctx, e, &r);
  full_expr_begin(ctx, r);
  char *res = lower_expr(ctx, e, &pre);
  full_expr_end(ctx);
  if (residual)
    *residual = res;
  else
    free(res);
  return sb_take(&pre);
}

/* ------------------------------------------------------------ declarations */

/* The assignment that stands for `field = init` in a frame local's declaration. */
static char *frame_assign(Var *v, CXCursor init, const char *text) {
  CXCursor bare = strip_parens(init);
  bool list = clang_getCursorKind(bare) == CXCursor_InitListExpr;
  if (v->promoted) { /* a scalar: `int x = {5};` becomes a compound literal */
    /* never assigned again: stored to the frame here, not at every suspension */
    char *frame = v->assigned ? xstrdup("") : xasprintf("ac_f->%s = ", v->field);
    char *r = list ? xasprintf("%s%s = (__typeof__(%s))%s", frame, v->local, v->local, text)
                   : xasprintf("%s%s = %s", frame, v->local, text);
    free(frame);
    return r;
  }
  if (list || is_array_type(clang_getCursorType(v->cur)))
    return xasprintf("__builtin_memcpy((void *)&ac_f->%s, (const void *)&(__typeof__(ac_f->%s))%s%s%s, "
                     "sizeof ac_f->%s)",
                     v->field, v->field, list ? "" : "{", text, list ? "" : "}", v->field);
  char *dst = xasprintf("ac_f->%s", v->field);
  /* the initializer may be an rvalue (a call): copy_text wants an lvalue */
  char *r = v->is_record && has_const_member(clang_getCursorType(v->cur))
                ? xasprintf("__extension__ ({ __typeof__(%s) ac_v = %s; "
                            "__builtin_memcpy((void *)&%s, &ac_v, sizeof ac_v); })",
                            dst, text, dst)
                : xasprintf("%s = %s", dst, text);
  free(dst);
  return r;
}

/* `T x = E;` whose E awaits, x not in the frame (awaits_before_value in
 * analyze.c): E's awaits run before the declaration, x is a C local. */
static void lower_local_init(FnCtx *ctx, CXCursor var, Range r) {
  CXCursor init = clang_Cursor_getVarDeclInitializer(var);
  Range ir;
  if (clang_Cursor_isNull(init) || !crange(ctx, init, &ir))
    return;
  char *text = NULL;
  char *pre = lower_full(ctx, init, &text);
  char *head = render(ctx->L, (Range){r.begin, ir.begin});
  char *tail = render(ctx->L, (Range){ir.end, r.end});
  char *t = xasprintf("%s%s%s%s", pre, head, text, tail);
  char *ind = line_indent(ctx, r.begin);
  edit_replace(ctx->L, r, indent_text(t, ind));
  free(ind), free(t), free(tail), free(head), free(pre), free(text);
}

/* A DeclStmt.  'for_stmt' is the enclosing for when it is the for's init. */
static void lower_decl(FnCtx *ctx, CXCursor s, CXCursor for_stmt, bool in_compound, int depth) {
  Range r;
  if (!crange(ctx, s, &r))
    return;
  Children ch;
  children_of(s, &ch);
  bool any_frame = false;
  for (size_t i = 0; i < ch.n; i++) {
    Var *v = clang_getCursorKind(ch.p[i]) == CXCursor_VarDecl ? var_of(ctx, ch.p[i]) : NULL;
    any_frame |= v && v->in_frame;
  }
  if (!any_frame) {
    if (ch.n == 1 && clang_getCursorKind(ch.p[0]) == CXCursor_VarDecl &&
        clang_Cursor_isNull(for_stmt) && awaits_in(ctx, r) > 0)
      lower_local_init(ctx, ch.p[0], r);
    children_free(&ch);
    return;
  }
  /* a macro may write specifiers before the declarators (`AUTOFREE char *p`),
   * not the declarators themselves */
  bool by_macro = loc_in_macro(clang_getRangeEnd(clang_getCursorExtent(s)));
  for (size_t i = 0; i < ch.n; i++)
    by_macro |= loc_in_macro(clang_getCursorLocation(ch.p[i]));
  if (by_macro) {
    diag_cursor(ctx->L, DIAG_ERROR, s,
                "a declaration written by a macro cannot be moved into the frame");
    children_free(&ch);
    return;
  }
  bool awaits = awaits_in(ctx, r) > 0;
  bool in_for = !clang_Cursor_isNull(for_stmt);
  StrBuf out = {0};
  int n = 0;
  for (size_t i = 0; i < ch.n; i++) {
    if (clang_getCursorKind(ch.p[i]) != CXCursor_VarDecl)
      continue;
    Var *v = var_of(ctx, ch.p[i]);
    CXCursor init = clang_Cursor_getVarDeclInitializer(ch.p[i]);
    /* a pointer to a VLA type: its array sizes are evaluated here */
    char *sizes = v && v->in_frame && v->vm_ref ? vm_pointer_sizes(ctx, v) : xstrdup("");
    if (*sizes && clang_Cursor_isNull(init)) {
      size_t len = strlen(sizes); /* drop the trailing ", " */
      sizes[len - 2] = '\0';
      if (awaits || !in_for)
        sb_printf(&out, "%s;\n", sizes);
      else
        sb_printf(&out, "%s%s", n ? ", " : "", sizes);
      n++;
    }
    if (!v || !v->in_frame || clang_Cursor_isNull(init)) {
      free(sizes);
      continue;
    }
    char *text = NULL;
    if (awaits) {
      char *pre = lower_full(ctx, init, &text);
      sb_puts(&out, pre);
      free(pre);
    } else {
      Range ir;
      crange(ctx, init, &ir);
      text = render(ctx->L, ir);
    }
    char *assign = frame_assign(v, init, text);
    char *a = xasprintf("%s%s", sizes, assign);
    free(assign), free(sizes);
    if (awaits || !in_for)
      sb_printf(&out, "%s;\n", a);
    else
      sb_printf(&out, "%s%s", n ? ", " : "", a);
    n++;
    free(a);
    free(text);
  }
  children_free(&ch);
  char *t = sb_take(&out);
  if (in_for && awaits) {
    insert_before(ctx, for_stmt, t, in_compound, depth);
    edit_replace(ctx->L, r, xstrdup(";"));
    free(t);
  } else if (in_for) {
    edit_replace(ctx->L, r, xasprintf("%s;", t));
    free(t);
  } else {
    /* keep the statement's own line layout: the assignments, minus the last newline */
    size_t len = strlen(t);
    if (len && t[len - 1] == '\n')
      t[len - 1] = 0;
    char *ind = line_indent(ctx, r.begin);
    edit_replace(ctx->L, r, indent_text(t, ind));
    free(ind);
    free(t);
  }
}

/* ------------------------------------------------------------ loops */

static int redirect_continues(FnCtx *ctx, CXCursor c, const char *label);

static enum CXChildVisitResult continue_visitor(CXCursor c, CXCursor parent, CXClientData d) {
  (void)parent;
  void **args = d;
  FnCtx *ctx = args[0];
  enum CXCursorKind k = clang_getCursorKind(c);
  if (k == CXCursor_ForStmt || k == CXCursor_WhileStmt || k == CXCursor_DoStmt)
    return CXChildVisit_Continue; /* their continues are their own */
  if (k == CXCursor_ContinueStmt) {
    Range r;
    if (loc_in_macro(clang_getCursorLocation(c)) || !crange(ctx, c, &r))
      diag_cursor(ctx->L, DIAG_ERROR, c,
                  "'continue' written by a macro cannot be redirected in this loop");
    else
      edit_replace(ctx->L, r, xasprintf("goto %s", (const char *)args[1]));
    ++*(int *)args[2];
    return CXChildVisit_Continue;
  }
  *(int *)args[2] += redirect_continues(ctx, c, args[1]);
  return CXChildVisit_Continue;
}

/* Redirects the continues of a loop body to 'label'; returns how many.
 * (A body whose text does not say `continue` has none: gcc's preprocessor
 * wrote every macro out, and asyncc's own macros write no continue.) */
static int redirect_continues(FnCtx *ctx, CXCursor c, const char *label) {
  Range r;
  if (crange(ctx, c, &r) && !memmem(ctx->L->src.text + r.begin, r.end - r.begin, "continue", 8))
    return 0;
  int n = 0;
  void *args[3] = {ctx, (void *)label, &n};
  clang_visitChildren(c, continue_visitor, args);
  return n;
}

static void lower_while(FnCtx *ctx, CXCursor s, Children *ch, int depth) {
  CXCursor cond = ch->p[0], body = ch->p[1];
  if (has_awaits(ctx, cond)) {
    Range r, br;
    crange(ctx, s, &r);
    crange(ctx, body, &br);
    char *c;
    char *pre = lower_full(ctx, cond, &c);
    char *ind = line_indent(ctx, r.begin);
    char *in2 = xasprintf("%s    ", ind);
    char *t = xasprintf("%sif (!(%s))\n    break;\n", pre, c);
    char *b = block(t, in2);
    edit_replace(ctx->L, (Range){r.begin, br.begin}, xasprintf("for (;;) {\n%s%s", b, in2));
    edit_insert(ctx->L, stmt_end(ctx->L, body), EDIT_CLOSE, depth, xasprintf("\n%s}", ind));
    free(pre), free(c), free(ind), free(in2), free(t), free(b);
  }
  lower_stmt(ctx, body, false, depth + 1);
}

static void lower_do(FnCtx *ctx, CXCursor s, Children *ch, int depth) {
  CXCursor body = ch->p[0], cond = ch->p[1];
  lower_stmt(ctx, body, false, depth + 1);
  if (!has_awaits(ctx, cond))
    return;
  Range r, br;
  crange(ctx, s, &r);
  crange(ctx, body, &br);
  char *label = xasprintf("ac_cont_%d", ++ctx->next_label);
  bool used = redirect_continues(ctx, body, label) > 0;
  char *c;
  char *pre = lower_full(ctx, cond, &c);
  char *ind = line_indent(ctx, r.begin);
  char *in2 = xasprintf("%s    ", ind);
  char *t = xasprintf("%s%s%sif (!(%s))\n    break;\n", used ? label : "", used ? ":;\n" : "", pre, c);
  char *b = block(t, in2);
  unsigned body_end = stmt_end(ctx->L, body);
  edit_replace(ctx->L, (Range){r.begin, br.begin}, xasprintf("for (;;) {\n%s", in2));
  edit_replace(ctx->L, (Range){body_end, stmt_end(ctx->L, s)}, xasprintf("\n%s%s}", b, ind));
  free(label), free(c), free(pre), free(ind), free(in2), free(t), free(b);
}

/* Splits `for (init; cond; inc) body` into its parts by the header's ';'s:
 * libclang lists only the parts that are present. */
bool for_parts(FnCtx *ctx, CXCursor s, CXCursor part[4]) {
  Range r;
  if (!crange(ctx, s, &r))
    return false;
  const Source *src = &ctx->L->src;
  unsigned p = skip_space(src, r.begin + 3), semi[2] = {0, 0}, close = 0;
  if (p >= src->size || src->text[p] != '(')
    return false;
  int depth = 0, nsemi = 0;
  for (p++; p < r.end && !close; p++) {
    char c = src->text[p];
    if (c == '"' || c == '\'') {
      for (p++; p < r.end && src->text[p] != c; p++)
        p += src->text[p] == '\\';
    } else if (c == '/' && (src->text[p + 1] == '/' || src->text[p + 1] == '*')) {
      p = skip_space(src, p) - 1;
    } else if (c == '(' || c == '[' || c == '{') {
      depth++;
    } else if (c == ')' && depth == 0) {
      close = p;
    } else if (c == ')' || c == ']' || c == '}') {
      depth--;
    } else if (c == ';' && depth == 0 && nsemi < 2) {
      semi[nsemi++] = p;
    }
  }
  if (nsemi != 2 || !close)
    return false;
  for (int i = 0; i < 4; i++)
    part[i] = clang_getNullCursor();
  Children ch;
  children_of(s, &ch);
  for (size_t i = 0; i < ch.n; i++) {
    Range cr;
    if (!crange(ctx, ch.p[i], &cr))
      continue;
    int slot = cr.begin < semi[0] ? 0 : cr.begin < semi[1] ? 1 : cr.begin < close ? 2 : 3;
    part[slot] = ch.p[i];
  }
  children_free(&ch);
  return true;
}

static void lower_for(FnCtx *ctx, CXCursor s, bool in_compound, int depth) {
  CXCursor part[4];
  if (!for_parts(ctx, s, part)) {
    if (has_awaits(ctx, s))
      diag_cursor(ctx->L, DIAG_ERROR, s, "cannot find the parts of this 'for' header");
    return;
  }
  CXCursor init = part[0], cond = part[1], inc = part[2], body = part[3];
  if (!clang_Cursor_isNull(init)) {
    if (clang_getCursorKind(init) == CXCursor_DeclStmt) {
      lower_decl(ctx, init, s, in_compound, depth);
    } else if (has_awaits(ctx, init)) {
      char *pre = lower_full(ctx, init, NULL);
      insert_before(ctx, s, pre, in_compound, depth);
      free(pre);
    }
  }
  bool cond_aw = !clang_Cursor_isNull(cond) && has_awaits(ctx, cond);
  bool inc_aw = !clang_Cursor_isNull(inc) && has_awaits(ctx, inc);
  if (clang_Cursor_isNull(body))
    return;
  if (cond_aw || inc_aw) {
    Range r, br;
    crange(ctx, s, &r);
    crange(ctx, body, &br);
    char *ind = line_indent(ctx, r.begin);
    char *in2 = xasprintf("%s    ", ind);
    StrBuf open = {0}, close = {0};
    sb_puts(&open, "{\n");
    if (cond_aw) {
      Range cr;
      crange(ctx, cond, &cr);
      char *c;
      char *pre = lower_full(ctx, cond, &c);
      char *t = xasprintf("%sif (!(%s))\n    break;\n", pre, c);
      char *b = block(t, in2);
      sb_puts(&open, b);
      edit_replace(ctx->L, cr, xstrdup(""));
      free(c), free(pre), free(t), free(b);
    }
    sb_puts(&open, in2);
    sb_puts(&close, "\n");
    if (inc_aw) {
      Range ir;
      crange(ctx, inc, &ir);
      char *label = xasprintf("ac_cont_%d", ++ctx->next_label);
      bool used = redirect_continues(ctx, body, label) > 0;
      char *v;
      char *pre = lower_full(ctx, inc, &v);
      char *t = xasprintf("%s%s%s(void)(%s);\n", used ? label : "", used ? ":;\n" : "", pre, v);
      char *b = block(t, in2);
      sb_puts(&close, b);
      edit_replace(ctx->L, ir, xstrdup(""));
      free(label), free(v), free(pre), free(t), free(b);
    }
    sb_printf(&close, "%s}", ind);
    edit_insert(ctx->L, br.begin, EDIT_OPEN, depth, sb_take(&open));
    edit_insert(ctx->L, stmt_end(ctx->L, body), EDIT_CLOSE, depth, sb_take(&close));
    free(ind), free(in2);
  }
  lower_stmt(ctx, body, false, depth + 1);
}

/* ------------------------------------------------------------ return */

static void lower_return(FnCtx *ctx, CXCursor s, bool in_compound, int depth) {
  Range r;
  if (loc_in_macro(clang_getCursorLocation(s)) || !crange(ctx, s, &r)) {
    diag_cursor(ctx->L, DIAG_ERROR, s,
                "'return' written by a macro cannot be lowered in an async function; write the "
                "return outside the macro");
    return;
  }
  Children ch;
  children_of(s, &ch);
  char *e = NULL;
  if (ch.n) {
    if (has_awaits(ctx, ch.p[0])) {
      char *pre = lower_full(ctx, ch.p[0], &e);
      insert_before(ctx, s, pre, in_compound, depth);
      free(pre);
    } else {
      Range er;
      crange(ctx, ch.p[0], &er);
      e = render(ctx->L, er);
    }
  }
  children_free(&ch);
  /* cleanups run after the value is computed, as in C */
  char *cl = cleanup_return_calls(ctx, r.begin);
  char *text;
  /* the generators of the loops it leaves are dropped first: they may use
   * the locals whose cleanups follow */
  char *x = stream_exit_text(ctx);
  char *both = xasprintf("%s%s", x, cl);
  free(cl);
  cl = both;
  if (!e)
    text = xasprintf("return %sAC_STATE_SET_DONE(ac_f->ac_state), AC_READY", cl);
  else if (ctx->fn->returns_void)
    text = xasprintf("return (void)(%s), %sAC_STATE_SET_DONE(ac_f->ac_state), AC_READY", e, cl);
  else {
    /* The value goes through a temporary: the result shares storage with
     * the frame (emit.c), and the value, the generators' drops and the
     * cleanups all read the frame before the result may overwrite it. */
    /* A statement, not a GNU statement expression, so that the C is ISO C
     * when the .ac is; the `;` written after the return ends the do-while. */
    char *store = ctx->fn->returns_record
                      ? xstrdup("__builtin_memcpy((void *)&ac_f->ac_result, &ac_ret, sizeof ac_ret)")
                      : xstrdup("ac_f->ac_result = ac_ret");
    text = xasprintf("do { __typeof__(ac_f->ac_result) ac_ret = (%s); %s%s; "
                     "AC_STATE_SET_DONE(ac_f->ac_state); return AC_READY; } while (0)",
                     e, cl, store);
    free(store);
  }
  free(e), free(cl), free(x);
  edit_replace(ctx->L, r, text);
}

/* ------------------------------------------------------------ statements */

/* `#pragma GCC unroll N` (or an OpenMP-style loop pragma) before a loop that
 * awaits: the poll resumes inside the loop, so it is no longer a loop the
 * backend can transform, and it would warn that it ignores the pragma.  The
 * pragma is dropped, as an optimizer drops a hint it cannot honour. */
static void drop_loop_pragmas(FnCtx *ctx, CXCursor loop) {
  Range r;
  if (!crange(ctx, loop, &r))
    return;
  const Source *src = &ctx->L->src;
  unsigned line = text_line(src, r.begin);
  while (line > 1) {
    unsigned b = src->line_start[line - 2], e = src->line_start[line - 1] - 1;
    unsigned p = b;
    while (p < e && (src->text[p] == ' ' || src->text[p] == '\t'))
      p++;
    if (e - p < 7 || memcmp(src->text + p, "#pragma", 7) != 0)
      break;
    edit_replace(ctx->L, (Range){b, e}, xstrdup(""));
    line--;
  }
}

void lower_stmt(FnCtx *ctx, CXCursor s, bool in_compound, int depth) {
  enum CXCursorKind k = clang_getCursorKind(s);
  Children ch;
  children_of(s, &ch);
  switch (k) {
  case CXCursor_CompoundStmt:
    for (size_t i = 0; i < ch.n; i++)
      lower_stmt(ctx, ch.p[i], true, depth + 1);
    break;
  case CXCursor_DeclStmt:
    lower_decl(ctx, s, clang_getNullCursor(), in_compound, depth);
    break;
  case CXCursor_IfStmt:
  case CXCursor_SwitchStmt:
    if (ch.n && has_awaits(ctx, ch.p[0])) {
      char *pre = lower_full(ctx, ch.p[0], NULL);
      insert_before(ctx, s, pre, in_compound, depth);
      free(pre);
    }
    for (size_t i = 1; i < ch.n; i++)
      lower_stmt(ctx, ch.p[i], false, depth + 1);
    break;
  case CXCursor_WhileStmt:
    if (ch.n == 2)
      lower_while(ctx, s, &ch, depth);
    break;
  case CXCursor_DoStmt:
    if (ch.n == 2)
      lower_do(ctx, s, &ch, depth);
    break;
  case CXCursor_ForStmt:
    if (!stream_lower_loop(ctx, s, in_compound, depth))
      lower_for(ctx, s, in_compound, depth);
    break;
  case CXCursor_LabelStmt:
  case CXCursor_CaseStmt:
  case CXCursor_DefaultStmt:
    if (ch.n)
      lower_stmt(ctx, ch.p[ch.n - 1], false, depth + 1);
    break;
  case CXCursor_ReturnStmt:
    lower_return(ctx, s, in_compound, depth);
    break;
  case CXCursor_UnexposedStmt:
    /* an attributed statement (`#pragma GCC unroll`, `[[fallthrough]]`,
     * `__attribute__((...))` on a statement): the statement it holds */
    if (ch.n == 1 && clang_isStatement(clang_getCursorKind(ch.p[0]))) {
      if (has_awaits(ctx, ch.p[0]))
        drop_loop_pragmas(ctx, ch.p[0]);
      lower_stmt(ctx, ch.p[0], in_compound, depth);
      break;
    }
    /* fall through */
  default:
    if (clang_isExpression(k) && has_awaits(ctx, s)) {
      Range r;
      crange(ctx, s, &r);
      Await *aw = await_at(ctx, r.begin);
      char *pre = lower_full(ctx, s, NULL);
      Range sr; /* and `({ ... });`, all of it in the pre code now */
      bool stmt_expr = clang_getCursorKind(strip_parens(s)) == CXCursor_StmtExpr &&
                       crange(ctx, strip_parens(s), &sr) && sr.end == r.end;
      if ((aw && aw->range.end == r.end) || stmt_expr)
        edit_replace(ctx->L, r, xstrdup("")); /* `await g();` leaves just ';' */
      insert_before(ctx, s, pre, in_compound, depth);
      free(pre);
    } else if (has_awaits(ctx, s)) {
      diag_cursor(ctx->L, DIAG_ERROR, s, "'await' inside this kind of statement is not supported");
    }
    break;
  }
  children_free(&ch);
}

/* Renames every use of a frame local to its field: `x` -> `ac_f->x`. */
typedef struct Use {
  unsigned off;
  Var *var;
} Use;

typedef struct Uses {
  FnCtx *ctx;
  Use *v;
  size_t n;
} Uses;

/* The value standing for an await under sizeof / typeof: of its type, never run. */
static char *unevaluated_await(FnCtx *ctx, Await *aw) {
  switch (aw->kind) {
  case AWAIT_TIMEOUT:
  case AWAIT_SELECT:
    return xstrdup("((int)0)");
  case AWAIT_JOIN:
    return xstrdup("((void)0)");
  case AWAIT_CALL:
  case AWAIT_YIELD:
  case AWAIT_NEXT_ITEM:
    break;
  }
  if (!aw->callee)
    return unevaluated_ptr_await(ctx, aw);
  if (aw->callee->returns_void)
    return xstrdup("((void)0)");
  return xasprintf("((__typeof__(((struct %s__frame *)0)->ac_result) (*)(void))0)()",
                   aw->callee->name);
}

static enum CXChildVisitResult find_uses(CXCursor c, CXCursor parent, CXClientData d) {
  (void)parent;
  Uses *u = d;
  FnCtx *ctx = u->ctx;
  if (clang_getCursorKind(c) == CXCursor_DeclRefExpr) {
    Var *v = var_of(ctx, clang_getCursorReferenced(c));
    if (v && v->in_frame) {
      unsigned off;
      CXSourceLocation loc = clang_getCursorLocation(c);
      if (!loc_offset(ctx->L, loc, &off) || !text_is_word(&ctx->L->src, off, v->name)) {
        diag_cursor(ctx->L, DIAG_ERROR, c,
                    "'%s' lives across an await and is used inside a macro's body; pass it to "
                    "the macro as an argument instead",
                    v->name);
      } else {
        u->v = xrealloc(u->v, (u->n + 1) * sizeof(Use));
        u->v[u->n++] = (Use){off, v};
      }
    }
  } else if (is_await_op(ctx->L, c)) {
    Range r;
    Await *aw = cursor_range(ctx->L, c, &r) ? await_at(ctx, r.begin) : NULL;
    if (aw && !aw->evaluated) {
      /* under sizeof: only the type matters, and the await never runs; a
       * call (of a null pointer), not a member of a null frame: gcc's
       * sanitizers check the operand of __builtin_object_size */
      edit_replace(ctx->L, r, unevaluated_await(ctx, aw));
      return CXChildVisit_Continue;
    }
  }
  return CXChildVisit_Recurse;
}

static int cmp_use(const void *a, const void *b) {
  const Use *x = a, *y = b;
  return x->off < y->off ? -1 : x->off > y->off;
}

static void rename_frame_locals(FnCtx *ctx) {
  Uses u = {.ctx = ctx};
  body_walk(ctx, find_uses, &u);
  if (u.n) /* qsort wants a non-null base */
    qsort(u.v, u.n, sizeof(Use), cmp_use);
  for (size_t i = 0; i < u.n; i++) {
    if (i && u.v[i].off == u.v[i - 1].off)
      continue; /* one macro argument expanded twice */
    unsigned len = strlen(u.v[i].var->name);
    edit_replace(ctx->L, (Range){u.v[i].off, u.v[i].off + len},
                 var_ref(u.v[i].var));
  }
  free(u.v);
}

/* clang's own compound literal, for an argument of transparent union type
 * (glibc's __SOCKADDR_ARG under _GNU_SOURCE): no object the program sees,
 * only the argument is written, where its initializer list begins.  Copied
 * to the frame, its text became `&(struct sockaddr *)&a`. */
static bool is_implicit_literal(FnCtx *ctx, CXCursor lit, Range r) {
  Children ch;
  children_of(lit, &ch);
  bool implicit = false;
  for (size_t i = 0; i < ch.n; i++) {
    Range ir;
    if (clang_getCursorKind(ch.p[i]) == CXCursor_InitListExpr && crange(ctx, ch.p[i], &ir))
      implicit = ir.begin == r.begin;
  }
  children_free(&ch);
  return implicit;
}

/* A compound literal is an unnamed local of its block: when an await follows
 * it in the block, it must live in the frame too.  It is copied there where
 * it is created, and the expression refers to the frame's copy. */
static void frame_compound_literals(FnCtx *ctx) {
  for (size_t i = 0; i < ctx->num_lit_cursors; i++) {
    Range r;
    if (!crange(ctx, ctx->lits[i], &r) || awaits_in(ctx, (Range){r.begin, ctx->lit_scope_end[i]}) == 0)
      continue;
    if (is_implicit_literal(ctx, ctx->lits[i], r))
      continue;
    if (loc_in_macro(clang_getCursorLocation(ctx->lits[i])) &&
        !stream_macro_arg(ctx->L, clang_getCursorLocation(ctx->lits[i]))) {
      diag_cursor(ctx->L, DIAG_ERROR, ctx->lits[i],
                  "a compound literal written by a macro cannot live across an await");
      continue;
    }
    char *type = frame_type_spelling(ctx, clang_getCursorType(ctx->lits[i]), ctx->lits[i]);
    if (!type)
      continue;
    int n = ++ctx->num_lits;
    char *name = xasprintf("ac_lit%d", n);
    char *decl = field_decl(type, name);
    sb_printf(&ctx->lit_fields, "    %s; /* compound literal, line %u */\n", decl,
              source_line(&ctx->L->src, r.begin));
    if (awaits_in(ctx, r) == 0) {
      /* one replacement: a wrapper's closing insertion at the end of a
       * `return (struct s){...}` would also be emitted after the return's
       * own replacement, which ends at the same offset */
      char *lit = render(ctx->L, r);
      edit_replace(ctx->L, r,
                   xasprintf("(*(__typeof__(ac_f->%s) *)__builtin_memcpy((void *)&ac_f->%s, &%s, "
                             "sizeof ac_f->%s))",
                             name, name, lit, name));
      free(lit);
    } else {
      /* awaits inside are lowered later: wrap the text around them */
      edit_insert(ctx->L, r.begin, EDIT_WRAP_OPEN, 0,
                  xasprintf("(*(__typeof__(ac_f->%s) *)__builtin_memcpy((void *)&ac_f->%s, &", name, name));
      edit_insert(ctx->L, r.end, EDIT_WRAP_CLOSE, 0, xasprintf(", sizeof ac_f->%s))", name));
    }
    free(type), free(name), free(decl);
  }
}

/* clang spells __PRETTY_FUNCTION__ in C as the signature, `int f(int, char *)`:
 * the function's type with its name before the parameter list. */
static char *pretty_signature(FnCtx *ctx) {
  CXString t = clang_getTypeSpelling(clang_getCursorType(ctx->fn->decl));
  const char *ts = clang_getCString(t), *paren = strstr(ts, " (");
  char *r = paren ? xasprintf("%.*s %s%s", (int)(paren - ts), ts, ctx->fn->name, paren + 1)
                  : xstrdup(ctx->fn->name);
  clang_disposeString(t);
  return r;
}

/* __func__ and its GNU spellings name the function the user wrote, not the
 * poll or f__sync the body moves into: clang shows each as a string literal
 * spelled by the identifier, replaced by the name's literal.  (gcc spells
 * __PRETTY_FUNCTION__ as the bare name in C; glibc's assert() uses it.) */
static enum CXChildVisitResult find_predefined(CXCursor c, CXCursor parent, CXClientData d) {
  (void)parent;
  FnCtx *ctx = d;
  static const char *const names[] = {"__func__", "__FUNCTION__", "__PRETTY_FUNCTION__"};
  Range r;
  if (clang_getCursorKind(c) != CXCursor_StringLiteral || !cursor_range(ctx->L, c, &r))
    return CXChildVisit_Recurse;
  for (size_t i = 0; i < sizeof names / sizeof *names; i++)
    if (r.end - r.begin == strlen(names[i]) && text_is_word(&ctx->L->src, r.begin, names[i])) {
      char *pretty = i == 2 && ctx->L->pp.by_clang ? pretty_signature(ctx) : NULL;
      edit_replace(ctx->L, r, c_string_literal(pretty ? pretty : ctx->fn->name));
      free(pretty);
    }
  return CXChildVisit_Continue;
}

void rename_predefined(FnCtx *ctx) { body_walk(ctx, find_predefined, ctx); }

void lower_body(FnCtx *ctx) {
  rename_predefined(ctx);
  rename_frame_locals(ctx);
  frame_compound_literals(ctx);
  cleanup_lower_exits(ctx);
  lower_stmt(ctx, ctx->body, false, 0);
}
