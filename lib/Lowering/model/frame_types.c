/* How a type is spelled in the frame struct, and the type questions the
 * lowering asks (void, array, const members). */
#include "model/model.h"

#include <stdlib.h>
#include <string.h>

static bool offset_in_body(FnCtx *ctx, CXCursor decl) {
  unsigned off;
  CXFile f;
  clang_getExpansionLocation(clang_getCursorLocation(decl), &f, NULL, NULL, &off);
  return f && clang_File_isEqual(f, ctx->L->src.file) && off >= ctx->fn->body.begin &&
         off < ctx->fn->body.end;
}

/* True if t (or what it points to / is an array of) is a type declared in
 * the function's body, which the file-scope frame struct cannot name. */
static bool type_is_local(FnCtx *ctx, CXType t, bool *typedef_only) {
  for (int guard = 0; guard < 64; guard++) {
    CXCursor d = clang_getTypeDeclaration(t);
    if (!clang_Cursor_isNull(d) && offset_in_body(ctx, d)) {
      if (clang_getCursorKind(d) == CXCursor_TypedefDecl) {
        *typedef_only = true;
        return true;
      }
      *typedef_only = false;
      return true;
    }
    if (t.kind == CXType_Pointer)
      t = clang_getPointeeType(t);
    else if (t.kind == CXType_ConstantArray || t.kind == CXType_IncompleteArray)
      t = clang_getArrayElementType(t);
    else if (t.kind == CXType_Elaborated)
      t = clang_Type_getNamedType(t);
    else
      return false;
  }
  return false;
}

char *frame_type_spelling(FnCtx *ctx, CXType t, CXCursor where) {
  t = clang_getUnqualifiedType(t);
  if (clang_isConstQualifiedType(t) || clang_isVolatileQualifiedType(t))
    t = clang_getUnqualifiedType(clang_getCanonicalType(t)); /* a qualified typedef */
  bool typedef_only = false;
  if (t.kind == CXType_VariableArray || t.kind == CXType_DependentSizedArray) {
    diag_cursor(ctx->L, DIAG_ERROR, where,
                "variable-length array lives across an await; its size is not known when the "
                "frame is laid out (use a fixed-size array or allocate it)");
    return NULL;
  }
  if (type_is_local(ctx, t, &typedef_only)) {
    bool canonical_local = false;
    CXType c = clang_getCanonicalType(t);
    if (typedef_only && !type_is_local(ctx, c, &canonical_local)) {
      t = c; /* a local typedef of a file-scope type: spelled as that type */
    } else {
      char *s = local_type_spelling(ctx, t); /* the local types move to file scope */
      if (!s)
        diag_cursor(ctx->L, DIAG_ERROR, where,
                    "this local lives across an await but its type, declared inside the async "
                    "function, cannot be written at file scope; declare the type at file scope");
      return s;
    }
  }
  char *s = type_name(t);
  if (strstr(s, "typeof")) { /* spelled with an expression: name the type itself */
    free(s);
    s = type_name(clang_getCanonicalType(t));
  }
  if (strstr(s, "(unnamed") || strstr(s, "(anonymous")) {
    diag_cursor(ctx->L, DIAG_ERROR, where,
                "this local lives across an await but its type has no name; give the struct, "
                "union or enum a tag or a typedef");
    free(s);
    return NULL;
  }
  return s;
}

static bool is_simple_type(const char *s, size_t n) {
  /* identifiers, keywords and spaces, then optional '*'s and spaces */
  size_t i = 0;
  while (i < n && (s[i] == '_' || s[i] == ' ' || (s[i] >= 'a' && s[i] <= 'z') ||
                   (s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9')))
    i++;
  if (i == 0)
    return false;
  while (i < n && (s[i] == '*' || s[i] == ' '))
    i++;
  return i == n;
}

/* A declaration of field 'name' of type 'type' (a clang type spelling). */
char *field_decl(const char *type, const char *name) {
  size_t n = strlen(type);
  const char *bracket = strchr(type, '[');
  if (is_simple_type(type, n)) {
    bool star = n && type[n - 1] == '*';
    return xasprintf("%s%s%s", type, star ? "" : " ", name);
  }
  if (bracket && is_simple_type(type, bracket - type) && !strchr(bracket, '(')) {
    size_t bn = bracket - type;
    while (bn && type[bn - 1] == ' ')
      bn--;
    bool star = bn && type[bn - 1] == '*';
    return xasprintf("%.*s%s%s%s", (int)bn, type, star ? "" : " ", name, bracket);
  }
  return xasprintf("__typeof__(%s) %s", type, name);
}

char *var_ref(const Var *v) {
  if (v->vm_ref)
    return xstrdup(v->vm_ref);
  return v->promoted ? xstrdup(v->local) : xasprintf("ac_f->%s", v->field);
}

static enum CXVisitorResult const_field(CXCursor c, CXClientData d) {
  *(bool *)d |= has_const_member(clang_getCursorType(c));
  return *(bool *)d ? CXVisit_Break : CXVisit_Continue;
}

bool has_const_member(CXType t) {
  t = clang_getCanonicalType(t);
  while (t.kind == CXType_ConstantArray)
    t = clang_getCanonicalType(clang_getArrayElementType(t));
  if (clang_isConstQualifiedType(t))
    return true;
  bool found = false;
  if (t.kind == CXType_Record)
    clang_Type_visitFields(t, const_field, &found);
  return found;
}

bool is_void_type(CXType t) { return clang_getCanonicalType(t).kind == CXType_Void; }

bool is_array_type(CXType t) {
  return t.kind == CXType_ConstantArray || t.kind == CXType_IncompleteArray;
}

bool is_any_array(CXType t) {
  return is_array_type(t) || t.kind == CXType_VariableArray || t.kind == CXType_DependentSizedArray;
}

const char *array_qualifiers(CXType t) {
  bool c = false, v = false;
  for (int i = 0; i < 2; i++, t = clang_getCanonicalType(t)) /* a typedef's too */
    for (CXType e = t;; e = clang_getArrayElementType(e)) {
      c |= clang_isConstQualifiedType(e);
      v |= clang_isVolatileQualifiedType(e);
      if (!is_any_array(e))
        break;
    }
  return c && v ? " const volatile" : c ? " const" : v ? " volatile" : "";
}
