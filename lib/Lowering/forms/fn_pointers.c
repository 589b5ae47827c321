/* Async function pointers: async functions as values, and awaits through
 * pointers declared `async`.
 *
 *   async int (*op)(int) = pick ? f : g;      a variable, field or parameter
 *   int r = await op(3);                      declared async
 *
 * The value of an async function f is the address of its descriptor f__desc
 * (out_of_line.c), converted to the pointer type the program wrote:
 *
 *   f  ->  ((__typeof__(int (int)) *)(void *)&f__desc)
 *
 * so pointers compare, copy and sit in structs like any function pointer
 * (a struct of them is an interface: a vtable of async methods).  Calling
 * one as a C function would jump into data; only `await p(args)` calls it,
 * and that await is out of line: the descriptor gives the frame's size,
 * alignment, result offset, and the type-erased init, poll and drop:
 *
 *   ac_f->ac_aw.ac_ptr.d = (const struct ac_async_desc *)(void *)(p);
 *   ac_f->ac_aw.ac_ptr.fr = ac_frame_alloc(d->spawn.frame_size, d->spawn.frame_align);
 *   ((void (*)(void *, P...))d->init)(fr, args);
 *   state = N; resume_N: if (d->spawn.poll(fr, ac_cx) == AC_PENDING) return AC_PENDING;
 *   temp = *(T *)((char *)fr + d->spawn.result_offset); ac_frame_free(fr, ...);
 *
 * The `async` annotation is on the declaration, not in C's type: copying an
 * async pointer to a pointer not declared async is not diagnosed. */
#include "forms/forms.h"
#include "lower/lower.h"

#include <stdlib.h>
#include <string.h>

/* A variable, field or parameter declared async, or whose type is a
 * typedef declared async (`typedef async int (*handler)(int);`), through
 * arrays of them. */
static bool declared_async(CXCursor decl) {
  enum CXCursorKind k = clang_getCursorKind(decl);
  if (k != CXCursor_VarDecl && k != CXCursor_FieldDecl && k != CXCursor_ParmDecl)
    return false;
  bool found = has_async_annotation(decl);
  CXType t = clang_getCursorType(decl);
  for (int guard = 0; !found && guard < 16; guard++) {
    if (t.kind == CXType_ConstantArray || t.kind == CXType_IncompleteArray) {
      t = clang_getArrayElementType(t);
      continue;
    }
    if (t.kind == CXType_Elaborated) {
      t = clang_Type_getNamedType(t);
      continue;
    }
    CXCursor td = clang_getTypeDeclaration(t);
    if (clang_getCursorKind(td) != CXCursor_TypedefDecl)
      break;
    found = has_async_annotation(td);
    t = clang_getTypedefDeclUnderlyingType(td);
  }
  return found;
}

CXCursor async_pointer_callee(CXCursor call) {
  if (clang_getCursorKind(call) != CXCursor_CallExpr)
    return clang_getNullCursor();
  Children ch;
  children_of(call, &ch);
  CXCursor fe = ch.n ? ch.p[0] : clang_getNullCursor();
  children_free(&ch);
  CXCursor e = strip_parens(fe);
  /* (*p)(args) calls p too */
  if (clang_getCursorKind(e) == CXCursor_UnaryOperator &&
      clang_getCursorUnaryOperatorKind(e) == CXUnaryOperator_Deref) {
    children_of(e, &ch);
    e = ch.n ? strip_parens(ch.p[0]) : clang_getNullCursor();
    children_free(&ch);
  }
  /* ops[i](args): an array of async pointers */
  if (clang_getCursorKind(e) == CXCursor_ArraySubscriptExpr) {
    children_of(e, &ch);
    e = ch.n ? strip_parens(ch.p[0]) : clang_getNullCursor();
    children_free(&ch);
  }
  enum CXCursorKind k = clang_getCursorKind(e);
  if ((k == CXCursor_DeclRefExpr || k == CXCursor_MemberRefExpr) &&
      declared_async(clang_getCursorReferenced(e)))
    return fe;
  return clang_getNullCursor();
}

/* `f` where f names an async function and is not called: its descriptor. */
void async_value_use(Lowering *L, CXCursor ref, unsigned at) {
  Range r;
  AsyncFn *g = find_async_fn(L, clang_getCursorReferenced(ref));
  if (!g || !cursor_range(L, ref, &r))
    return;
  unsigned next = skip_space(&L->src, r.end);
  if (next < L->src.size && L->src.text[next] == '(')
    return; /* the callee of a call: checked as a call */
  if (g->is_external || g->is_main) {
    diag_cursor(L, DIAG_ERROR, ref,
                "'%s' cannot be used as a value%s; wrap it in an async function of this program",
                g->name, g->is_main ? "" : " (a runtime function has no descriptor)");
    return;
  }
  CXString ts = clang_getTypeSpelling(clang_getCursorType(clang_getCursorReferenced(ref)));
  edit_replace(L, r, xasprintf("((__typeof__(%s) *)(void *)&%s__desc)", clang_getCString(ts), g->name));
  clang_disposeString(ts);
  L->values = xrealloc(L->values, (L->num_values + 1) * sizeof *L->values);
  L->values[L->num_values++] = (ValueUse){at, g};
}

char *emit_ptr_await(FnCtx *ctx, Await *aw, const char *args, StrBuf *pre) {
  char *fn = lower_expr(ctx, aw->fnexpr, pre);
  /* the pointer's function type: parameters for init, result type */
  CXType pt = clang_getCanonicalType(clang_getCursorType(aw->fnexpr));
  CXType ft = pt.kind == CXType_Pointer ? clang_getPointeeType(pt) : pt;
  StrBuf params = {0};
  int np = clang_getNumArgTypes(ft);
  for (int i = 0; i < np; i++) {
    CXString s = clang_getTypeSpelling(clang_getArgType(ft, (unsigned)i));
    sb_printf(&params, ", __typeof__(%s)", clang_getCString(s));
    clang_disposeString(s);
  }
  CXType rt = clang_getResultType(ft);
  bool is_void = is_void_type(rt);
  bool is_record = clang_getCanonicalType(rt).kind == CXType_Record;
  char *rts = is_void ? NULL : frame_type_spelling(ctx, rt, aw->call);
  const char *d = "ac_f->ac_aw.ac_ptr.d", *fr = "ac_f->ac_aw.ac_ptr.fr";
  char *size = xasprintf("%s->spawn.frame_size, %s->spawn.frame_align", d, d);
  sb_printf(pre, "%s = (const struct ac_async_desc *)(void *)(%s);\n", d, fn);
  sb_printf(pre, "%s = ac_frame_alloc(%s);\n", fr, size);
  sb_printf(pre, "((void (*)(void *%s))%s->init)(%s%s%s);\n", params.len ? params.data : "", d, fr,
            *args ? ", " : "", args);
  sb_printf(pre, "ac_f->ac_state = %d;\nac_resume_%d:\n", aw->state, aw->state);
  sb_printf(pre, "if (%s->spawn.poll(%s, ac_cx) == AC_PENDING) {\n    %sreturn AC_PENDING;\n}\n", d,
            fr, ctx->save_text);
  char *res;
  if (is_void || !rts) {
    res = xstrdup("((void)0)");
  } else {
    res = expr_temp(ctx, rts, "t");
    char *at = xasprintf("(char *)%s + %s->spawn.result_offset", fr, d);
    char *src = result_at(rt, rts, at);
    free(at);
    char *c = copy_text(res, src, is_record);
    sb_printf(pre, "%s;\n", c);
    free(c), free(src);
  }
  sb_printf(pre, "ac_frame_free(%s, %s);\n", fr, size);
  const char *field = "        struct { const struct ac_async_desc *d; void *fr; } ac_ptr;\n";
  if (!ctx->aw_fields.data || !strstr(ctx->aw_fields.data, field))
    sb_puts(&ctx->aw_fields, field);
  sb_printf(&ctx->drop_cases,
            "    case %d:\n        %s->spawn.drop(%s);\n        ac_frame_free(%s, %s);\n        break;\n",
            aw->state, d, fr, fr, size);
  free(fn), free(rts), free(size), free(params.data);
  return res;
}

char *unevaluated_ptr_await(FnCtx *ctx, Await *aw) {
  CXType t = clang_getCursorType(aw->call);
  if (is_void_type(t))
    return xstrdup("((void)0)");
  char *ts = frame_type_spelling(ctx, t, aw->call);
  char *r = xasprintf("((__typeof__(%s) (*)(void))0)()", ts ? ts : "int");
  free(ts);
  return r;
}

/* The async function whose value e is (through parentheses, casts and the
 * arms of ?:), or NULL. */
static AsyncFn *async_fn_value(Lowering *L, CXCursor e) {
  e = strip_parens(e);
  if (clang_getCursorKind(e) == CXCursor_DeclRefExpr)
    return find_async_fn(L, clang_getCursorReferenced(e));
  if (clang_getCursorKind(e) == CXCursor_ConditionalOperator) {
    Children ch;
    children_of(e, &ch);
    AsyncFn *g = NULL;
    for (size_t i = 1; i < ch.n && !g; i++)
      g = async_fn_value(L, ch.p[i]);
    children_free(&ch);
    return g;
  }
  return NULL;
}

void check_value_destination(Lowering *L, CXCursor c) {
  CXCursor dest = clang_getNullCursor(), value = clang_getNullCursor();
  enum CXCursorKind k = clang_getCursorKind(c);
  if (k == CXCursor_VarDecl) {
    dest = c;
    value = clang_Cursor_getVarDeclInitializer(c);
  } else if (k == CXCursor_BinaryOperator &&
             clang_getCursorBinaryOperatorKind(c) == CXBinaryOperator_Assign) {
    Children ch;
    children_of(c, &ch);
    if (ch.n == 2) {
      CXCursor lhs = strip_parens(ch.p[0]);
      enum CXCursorKind lk = clang_getCursorKind(lhs);
      if (lk == CXCursor_DeclRefExpr || lk == CXCursor_MemberRefExpr)
        dest = clang_getCursorReferenced(lhs);
      value = ch.p[1];
    }
    children_free(&ch);
  }
  if (clang_Cursor_isNull(dest) || clang_Cursor_isNull(value) || declared_async(dest))
    return;
  AsyncFn *g = async_fn_value(L, value);
  if (!g)
    return;
  CXString name = clang_getCursorSpelling(dest);
  diag_cursor(L, DIAG_ERROR, value,
              "async function '%s' stored in '%s', which is not declared async; declare it "
              "'async T (*%s)(...)' and await its calls",
              g->name, clang_getCString(name), clang_getCString(name));
  clang_disposeString(name);
}
