/* Pointers to variable-length array types (`int (*m)[n]`) in the frame.
 *
 * The pointer itself has a fixed size, but its type is variably modified:
 * no struct member may have it, and the resume gotos may not jump into the
 * scope of a C local that has it.  So the frame holds the pointer with a
 * compatible type of unknown outer size (`int (*)[]`; a `void *` if an
 * inner size is variable too) and each array size, evaluated once where the declaration is
 * (as C evaluates them: a later change of n does not resize *m), in a
 * field `m__n<k>`; the body names the pointer through its own type,
 * rebuilt from those fields in a cast (a cast may have a variably modified
 * type): `m` becomes `(*(int (**)[ac_f->m__n1])&ac_f->m)`. */
#include "model/model.h"

#include <stdlib.h>
#include <string.h>

bool is_vm_pointer(CXType t) {
  t = clang_getCanonicalType(t);
  if (t.kind != CXType_Pointer)
    return false;
  for (t = clang_getCanonicalType(clang_getPointeeType(t));
       t.kind == CXType_VariableArray || t.kind == CXType_ConstantArray;
       t = clang_getCanonicalType(clang_getArrayElementType(t)))
    if (t.kind == CXType_VariableArray)
      return true;
  return false;
}

/* The array sizes written in v's declarator, outermost first (clang lists
 * them innermost first, the initializer last). */
static size_t size_exprs(Var *v, CXCursor **out) {
  Children ch;
  children_of(v->cur, &ch);
  CXCursor init = clang_Cursor_getVarDeclInitializer(v->cur);
  size_t n = 0;
  *out = xrealloc(NULL, (ch.n + 1) * sizeof(CXCursor));
  for (size_t i = ch.n; i-- > 0;)
    if (clang_isExpression(clang_getCursorKind(ch.p[i])) &&
        !(!clang_Cursor_isNull(init) && clang_equalCursors(ch.p[i], init)))
      (*out)[n++] = ch.p[i];
  children_free(&ch);
  return n;
}

bool vm_pointer_field(FnCtx *ctx, Var *v) {
  CXType p = clang_getPointeeType(clang_getCanonicalType(clang_getCursorType(v->cur)));
  CXCursor *sizes;
  size_t n = size_exprs(v, &sizes);
  free(sizes);
  StrBuf dims = {0}, inner = {0}; /* inner: the sizes after the first, if all constant */
  size_t levels = 0;
  bool inner_constant = true;
  CXType t = clang_getCanonicalType(p);
  for (; t.kind == CXType_VariableArray || t.kind == CXType_ConstantArray;
       t = clang_getCanonicalType(clang_getArrayElementType(t))) {
    levels++;
    if (t.kind == CXType_ConstantArray)
      sb_printf(&dims, "[%lld]", clang_getArraySize(t));
    else
      sb_printf(&dims, "[ac_f->%s__n%zu]", v->field, levels);
    if (levels > 1 && t.kind == CXType_ConstantArray)
      sb_printf(&inner, "[%lld]", clang_getArraySize(t));
    inner_constant &= levels == 1 || t.kind == CXType_ConstantArray;
  }
  if (v->is_param || n != levels) {
    diag_cursor(ctx->L, DIAG_ERROR, v->cur,
                "'%s' points to a variable-length array type and lives across an await; the "
                "frame keeps such a pointer only when its declaration writes the array sizes "
                "(like 'int (*%s)[n]'), not through a typedef or a parameter",
                v->name, v->name);
    free(dims.data), free(inner.data);
    return false;
  }
  char *elem = frame_type_spelling(ctx, t, v->cur);
  if (!elem) {
    free(dims.data), free(inner.data);
    return false;
  }
  const char *un = strpbrk(elem, "()[]") ? "__typeof__(" : "";
  v->vm_ref = xasprintf("(*(%s%s%s (**)%s)&ac_f->%s)", un, elem, *un ? ")" : "", dims.data,
                        v->field);
  /* `int (*)[][3]` is compatible with `int (*)[n][3]` (6.7.6.2p6), so the
   * cast lvalue reads the field with a compatible type; with a variable
   * inner size no such file-scope type exists, and the field is a void * */
  v->type = inner_constant ? xasprintf("%s%s%s (*)[]%s", un, elem, *un ? ")" : "",
                                       inner.data ? inner.data : "")
                           : xstrdup("void *");
  free(inner.data);
  unsigned line = source_line(&ctx->L->src, v->decl_stmt.begin);
  levels = 0;
  for (t = clang_getCanonicalType(p); t.kind == CXType_VariableArray || t.kind == CXType_ConstantArray;
       t = clang_getCanonicalType(clang_getArrayElementType(t)))
    if (++levels, t.kind == CXType_VariableArray)
      sb_printf(&ctx->lit_fields, "    __SIZE_TYPE__ %s__n%zu; /* an array size of %s, line %u */\n",
                v->field, levels, v->name, line);
  free(elem), free(dims.data);
  return true;
}

char *vm_pointer_sizes(FnCtx *ctx, Var *v) {
  CXCursor *sizes;
  size_t n = size_exprs(v, &sizes);
  StrBuf sb = {0};
  size_t level = 0;
  CXType t = clang_getCanonicalType(clang_getPointeeType(clang_getCanonicalType(clang_getCursorType(v->cur))));
  for (; (t.kind == CXType_VariableArray || t.kind == CXType_ConstantArray) && level < n;
       t = clang_getCanonicalType(clang_getArrayElementType(t)), level++) {
    Range r;
    if (t.kind != CXType_VariableArray || !cursor_range(ctx->L, sizes[level], &r))
      continue;
    char *e = render(ctx->L, r);
    sb_printf(&sb, "ac_f->%s__n%zu = (%s), ", v->field, level + 1, e);
    free(e);
  }
  free(sizes);
  return sb_take(&sb);
}
