/* The await form `await ac_timeout(ms, [lhs =] g(args))`: g raced against
 * a sleep of ms milliseconds.  Its value is 0 (g completed, lhs assigned)
 * or -ETIMEDOUT (g was dropped).  The prelude declares ac__timeout, which
 * the forms.h macro calls as `ac__timeout(MS, ((void)(E), 0))`. */
#include "forms/forms.h"
#include "lower/lower.h"

#include <stdlib.h>
#include <string.h>

bool is_timeout_fn(const AsyncFn *g) {
  return g && g->is_external && strcmp(g->name, "ac__timeout") == 0;
}

/* The last child of c, or a null cursor. */
static CXCursor last_child(CXCursor c) {
  Children ch;
  children_of(c, &ch);
  CXCursor r = ch.n ? ch.p[ch.n - 1] : clang_getNullCursor();
  children_free(&ch);
  return r;
}

/* `await ac_timeout(MS, E)` arrives as `await ac__timeout(MS, ((void)(E), 0))`
 * (the prelude's macro).  Finds MS and E, where E is an async call or
 * `lhs = call`; false (after a diagnostic) if E is anything else.  *call_at:
 * where the call begins (it is awaited). */
bool timeout_parts(Lowering *L, CXCursor tcall, unsigned at, Await *aw, unsigned *call_at) {
  if (clang_Cursor_getNumArguments(tcall) != 2)
    return false;
  aw->ms = strip_parens(clang_Cursor_getArgument(tcall, 0)); /* (MS) is the macro's */
  aw->lhs = clang_getNullCursor();
  /* ((void)(E), 0): the comma's left operand is the cast */
  Children ch;
  children_of(strip_parens(clang_Cursor_getArgument(tcall, 1)), &ch);
  CXCursor e = ch.n == 2 ? strip_parens(last_child(strip_parens(ch.p[0]))) : clang_getNullCursor();
  children_free(&ch);
  if (clang_getCursorKind(e) == CXCursor_BinaryOperator &&
      clang_getCursorBinaryOperatorKind(e) == CXBinaryOperator_Assign) {
    children_of(e, &ch);
    aw->lhs = ch.p[0];
    e = strip_parens(ch.p[1]);
    children_free(&ch);
  }
  aw->call = e;
  aw->callee = clang_getCursorKind(e) == CXCursor_CallExpr
                   ? find_async_fn(L, clang_getCursorReferenced(e))
                   : NULL;
  if (conc_kind(aw->callee) != AWAIT_CALL) /* no frame of its own to race */
    aw->callee = NULL;
  Range cr;
  if (!aw->callee || !cursor_range(L, e, &cr)) {
    diag_at(L, DIAG_ERROR, at,
            "'ac_timeout' needs a call of an async function as its second argument, optionally "
            "assigned: ac_timeout(ms, f(x)) or ac_timeout(ms, v = f(x))");
    return false;
  }
  *call_at = cr.begin;
  aw->kind = AWAIT_TIMEOUT;
  return true;
}

/* await ac_timeout(ms, [lhs =] g(args)): g's frame and a sleep share one
 * member of the ac_aw union; g is polled first, so a result that is ready
 * wins over a deadline that has also passed.  Value: 0 (g completed, lhs
 * assigned) or -ETIMEDOUT (g was dropped). */
char *lower_timeout(FnCtx *ctx, Await *aw, StrBuf *pre) {
  Range r = aw->range;
  const char *g = aw->callee->name;
  char *ms = lower_expr(ctx, aw->ms, pre);
  StrBuf args = {0};
  int n = clang_Cursor_getNumArguments(aw->call);
  for (int i = 0; i < n; i++) {
    char *a = lower_expr(ctx, clang_Cursor_getArgument(aw->call, i), pre);
    sb_printf(&args, ", %s", a);
    free(a);
  }
  char *lhs = clang_Cursor_isNull(aw->lhs) ? NULL : lower_expr(ctx, aw->lhs, pre);
  aw->state = new_state(ctx, aw);
  char *m = xasprintf("ac_f->ac_aw.ac_to_%s", g);
  /* g's frame: in the member, or out of line (recursion, another file) */
  char *in_field = xasprintf("%s.in", m);
  OolFrame o = aw->ool ? ool_frame_of(aw, in_field) : (OolFrame){0};
  char *in = aw->ool ? xstrdup(in_field) : xasprintf("&%s", in_field);
  if (aw->ool)
    sb_printf(pre, "%s;\n", o.alloc);
  sb_printf(pre, "%s__init(%s%s);\n", g, in, args.data ? args.data : "");
  sb_printf(pre, "ac_sleep_ms__init(&%s.tm, %s);\n", m, ms);
  sb_printf(pre, "ac_f->ac_state = %d;\nac_resume_%d:\n", aw->state, aw->state);
  sb_printf(pre, "if (%s__poll(%s, ac_cx) == AC_READY) {\n    ac_sleep_ms__drop(&%s.tm);\n",
            g, in, m);
  if (lhs) {
    char *src = aw->ool ? xstrdup(o.result) : xasprintf("%s.in.ac_result", m);
    char *c = copy_text(lhs, src, aw->callee->returns_record);
    sb_printf(pre, "    %s;\n", c);
    free(c), free(src);
  }
  const char *free_in = aw->ool ? o.free : NULL;
  sb_printf(pre, "%s%s%s    %s.r = 0;\n} else if (ac_sleep_ms__poll(&%s.tm, ac_cx) == AC_READY) {\n"
            "    %s__drop(%s);\n%s%s%s    %s.r = -AC__ETIMEDOUT;\n} else {\n    %sreturn AC_PENDING;\n}\n",
            free_in ? "    " : "", free_in ? free_in : "", free_in ? ";\n" : "", m, m, g, in,
            free_in ? "    " : "", free_in ? free_in : "", free_in ? ";\n" : "", m, ctx->save_text);
  char *field = xasprintf("        struct {\n            struct %s__frame %sin;\n"
                          "            struct ac_sleep_ms__frame tm;\n            int r;\n"
                          "        } ac_to_%s;\n", g, aw->ool ? "*" : "", g);
  if (!ctx->aw_fields.data || !strstr(ctx->aw_fields.data, field))
    sb_puts(&ctx->aw_fields, field);
  free(field);
  sb_printf(&ctx->drop_cases,
            "    case %d:\n        %s__drop(%s);\n%s%s%s        ac_sleep_ms__drop(&%s.tm);\n"
            "        break;\n",
            aw->state, g, in, free_in ? "        " : "", free_in ? free_in : "",
            free_in ? ";\n" : "", m);
  char *res = await_value(ctx, xasprintf("%s.r", m), "int", false, pre);
  if (aw->ool)
    ool_frame_free(&o);
  free(m), free(ms), free(lhs), free(args.data), free(in), free(in_field);
  edit_replace(ctx->L, r, xstrdup(res));
  return res;
}
