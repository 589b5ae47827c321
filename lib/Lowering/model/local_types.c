/* Types declared inside an async function, for the frame's fields.
 *
 * The frame struct is declared at file scope, where a struct, union, enum
 * or typedef declared in the body has no name.  So a local type that a
 * frame field needs moves to file scope, before the frame struct, renamed
 * `f__t<k>_<name>` (two functions, or two blocks of one, may declare the
 * same name): every declaration in its text gets the new name, and so does
 * every reference to them in the body (TypeRefs, and the uses of a moved
 * enum's constants).  The moved text is
 *   - a typedef's whole declaration, or a tag definition standing alone
 *     (`struct s {...};`): it leaves the body;
 *   - a tag definition that also declares variables (`struct {...} v;`):
 *     the body keeps `struct f__t1_s v;`, an anonymous tag gets a name.
 * Local types that the moved text uses move with it.  A definition that
 * uses a local variable or parameter (a VLA typedef, `sizeof x`) cannot
 * move: an error. */
#include "model/model.h"

#include <stdlib.h>
#include <string.h>

struct LocalType {
  CXCursor decl;  /* canonical declaration */
  char *name;     /* at file scope */
  char *old;      /* as written ("" if anonymous) */
  unsigned at;    /* where the moved text declares it */
};

static char *spelling(CXCursor c) {
  CXString s = clang_getCursorSpelling(c);
  char *r = xstrdup(clang_getCString(s));
  clang_disposeString(s);
  return r;
}

static bool is_type_decl(enum CXCursorKind k) {
  return k == CXCursor_StructDecl || k == CXCursor_UnionDecl || k == CXCursor_EnumDecl ||
         k == CXCursor_TypedefDecl;
}

static bool in_range(Range outer, Range r) { return r.begin >= outer.begin && r.end <= outer.end; }

/* Declared (written) in the body of the function being lowered. */
static bool in_body(FnCtx *ctx, CXCursor d) {
  Range r;
  return !clang_Cursor_isNull(d) && cursor_range(ctx->L, d, &r) && in_range(ctx->fn->body, r);
}

static LocalType *find(FnCtx *ctx, CXCursor d) {
  d = clang_getCanonicalCursor(d);
  for (size_t i = 0; i < ctx->num_local_types; i++)
    if (clang_equalCursors(ctx->local_types[i].decl, d))
      return &ctx->local_types[i];
  return NULL;
}

/* ------------------------------------------------------------ walking the body */

typedef struct Walk {
  FnCtx *ctx;
  Range within;   /* only cursors inside it */
  CXCursor found; /* the innermost DeclStmt containing 'within' */
  Range found_r;
  int mode;       /* what the walk does, below */
  bool failed;
  size_t lo, hi;  /* RENAME_REFS: the references to local_types[lo, hi) */
} Walk;

enum { FIND_STMT, NAME_DECLS, RENAME_REFS, NEED_DEPS };

/* ------------------------------------------------------------ the moves, recorded */

/* Until the lowering starts (ctx->lowering), a move is recorded, not made:
 * analysis asks for spellings and edits nothing; local_types_replay makes
 * the recorded edits, in order, as the first step of the lowering. */
typedef enum { OP_REPLACE, OP_INSERT, OP_TEXT, OP_MOVED_TEXT } TypeOpKind;
struct TypeOp {
  TypeOpKind kind;
  Range r;        /* OP_INSERT: at r.begin */
  char *text;     /* OP_REPLACE, OP_INSERT, OP_TEXT */
  bool whole;     /* OP_MOVED_TEXT: the whole declaration moves */
};

static void run_op(FnCtx *ctx, const TypeOp *op) {
  switch (op->kind) {
  case OP_REPLACE:
    edit_replace(ctx->L, op->r, op->text);
    break;
  case OP_INSERT:
    edit_insert(ctx->L, op->r.begin, EDIT_OPEN, 0, op->text);
    break;
  case OP_TEXT:
    sb_puts(&ctx->local_types_text, op->text);
    free(op->text);
    break;
  case OP_MOVED_TEXT: { /* with the renames inside it applied */
    char *text = render(ctx->L, op->r);
    sb_printf(&ctx->local_types_text, "%s%s\n", text, op->whole ? "" : ";");
    free(text);
    break;
  }
  }
}

static void type_op(FnCtx *ctx, TypeOp op) {
  if (ctx->lowering) {
    run_op(ctx, &op);
    return;
  }
  ctx->type_ops = xrealloc(ctx->type_ops, (ctx->num_type_ops + 1) * sizeof *ctx->type_ops);
  ctx->type_ops[ctx->num_type_ops++] = op;
}

void local_types_replay(FnCtx *ctx) {
  for (size_t i = 0; i < ctx->num_type_ops; i++)
    run_op(ctx, &ctx->type_ops[i]);
  free(ctx->type_ops);
  ctx->type_ops = NULL;
  ctx->num_type_ops = 0;
}

static void hoist(FnCtx *ctx, CXCursor decl);
static void walk(FnCtx *ctx, int mode, Range within, Walk *w);

static void rename_at(FnCtx *ctx, CXCursor c, const LocalType *lt) {
  unsigned off;
  Lowering *L = ctx->L;
  if (!loc_offset(L, clang_getCursorLocation(c), &off) || loc_in_macro(clang_getCursorLocation(c)) ||
      !text_is_word(&L->src, off, lt->old)) {
    diag_cursor(L, DIAG_ERROR, c,
                "'%s' is declared inside the async function and a local that lives across an "
                "await has it in its type, so it moves to file scope; a macro names it here, "
                "which cannot be renamed: write the name outside the macro",
                lt->old);
    return;
  }
  type_op(ctx, (TypeOp){OP_REPLACE, {off, off + (unsigned)strlen(lt->old)}, xstrdup(lt->name), false});
}

static enum CXChildVisitResult walk_visit(CXCursor c, CXCursor parent, CXClientData d) {
  (void)parent;
  Walk *w = d;
  FnCtx *ctx = w->ctx;
  Range r;
  if (!cursor_range(ctx->L, c, &r))
    return CXChildVisit_Recurse;
  enum CXCursorKind k = clang_getCursorKind(c);
  switch (w->mode) {
  case FIND_STMT:
    if (k == CXCursor_DeclStmt && in_range(r, w->within)) {
      w->found = c;
      w->found_r = r;
    }
    break;
  case NAME_DECLS: /* every type and enum constant the moved text declares */
    if (in_range(w->within, r) && (is_type_decl(k) || k == CXCursor_EnumConstantDecl) &&
        !find(ctx, c)) {
      ctx->local_types = xrealloc(ctx->local_types, (ctx->num_local_types + 1) * sizeof(LocalType));
      char *old = spelling(c);
      unsigned off = 0; /* an anonymous tag is spelled "(unnamed ...)", or after its typedef */
      if (!loc_offset(ctx->L, clang_getCursorLocation(c), &off) ||
          !text_is_word(&ctx->L->src, off, old))
        *old = '\0';
      int n = (int)ctx->num_local_types + 1;
      char *name = *old ? xasprintf("%s__t%d_%s", ctx->fn->name, n, old) : xasprintf("%s__t%d", ctx->fn->name, n);
      ctx->local_types[ctx->num_local_types++] =
          (LocalType){clang_getCanonicalCursor(c), name, old, off};
    }
    break;
  case RENAME_REFS: {
    bool ref = k == CXCursor_TypeRef || k == CXCursor_DeclRefExpr;
    LocalType *lt = ref || is_type_decl(k) ? find(ctx, ref ? clang_getCursorReferenced(c) : c) : NULL;
    size_t i = lt ? (size_t)(lt - ctx->local_types) : 0;
    if (!lt || !*lt->old || i < w->lo || i >= w->hi)
      break;
    if (ref) {
      rename_at(ctx, c, lt);
    } else if (!clang_isCursorDefinition(c)) {
      /* `struct s;` would declare another s in the block: it goes */
      Walk fw;
      walk(ctx, FIND_STMT, r, &fw);
      Children ch;
      children_of(fw.found, &ch);
      if (ch.n == 1)
        type_op(ctx, (TypeOp){OP_REPLACE, fw.found_r, xstrdup(""), false});
      children_free(&ch);
    }
    break;
  }
  case NEED_DEPS:
    if (in_range(w->within, r) && (k == CXCursor_TypeRef || k == CXCursor_DeclRefExpr)) {
      CXCursor ref = clang_getCursorReferenced(c);
      enum CXCursorKind rk = clang_getCursorKind(ref);
      if (rk == CXCursor_ParmDecl || (rk == CXCursor_VarDecl && in_body(ctx, ref)))
        w->failed = true; /* not visible at file scope */
      else if ((is_type_decl(rk) || rk == CXCursor_EnumConstantDecl) && in_body(ctx, ref))
        hoist(ctx, rk == CXCursor_EnumConstantDecl ? clang_getCursorSemanticParent(ref) : ref);
    }
    break;
  }
  return CXChildVisit_Recurse;
}

static void walk(FnCtx *ctx, int mode, Range within, Walk *w) {
  *w = (Walk){.ctx = ctx, .within = within, .mode = mode, .found = clang_getNullCursor()};
  body_walk(ctx, walk_visit, w);
}

/* Renames the references in the body to local_types[lo, hi). */
static void rename_refs(FnCtx *ctx, size_t lo, size_t hi) {
  Walk w = {.ctx = ctx, .mode = RENAME_REFS, .lo = lo, .hi = hi};
  body_walk(ctx, walk_visit, &w);
}

/* ------------------------------------------------------------ moving a type */

static const char *tag_keyword(enum CXCursorKind k) {
  return k == CXCursor_StructDecl ? "struct" : k == CXCursor_UnionDecl ? "union" : "enum";
}

/* Moves decl's declaration (with what it declares and needs) to file scope. */
static void hoist(FnCtx *ctx, CXCursor decl) {
  Lowering *L = ctx->L;
  decl = clang_getCanonicalCursor(decl);
  if (find(ctx, decl) || !in_body(ctx, decl))
    return;
  CXCursor def = clang_getCursorDefinition(decl);
  Range dr;
  if (clang_Cursor_isNull(def) || !cursor_range(L, def, &dr)) {
    /* `struct s *p;` with s never defined: a declaration is enough */
    enum CXCursorKind k = clang_getCursorKind(decl);
    char *old = spelling(decl);
    size_t i = ctx->num_local_types;
    ctx->local_types = xrealloc(ctx->local_types, (i + 1) * sizeof(LocalType));
    ctx->local_types[ctx->num_local_types++] =
        (LocalType){decl, xasprintf("%s__t%zu_%s", ctx->fn->name, i + 1, old), old, 0};
    type_op(ctx, (TypeOp){OP_TEXT, {0, 0}, xasprintf("%s %s;\n", tag_keyword(k), ctx->local_types[i].name), false});
    rename_refs(ctx, i, i + 1);
    return;
  }
  Walk w;
  walk(ctx, FIND_STMT, dr, &w);
  if (clang_Cursor_isNull(w.found)) {
    diag_cursor(L, DIAG_ERROR, def,
                "a local that lives across an await has this type, declared inside an "
                "expression; declare the type in a declaration of its own");
    return;
  }
  CXCursor stmt = w.found;
  Range sr = w.found_r;
  Children ch;
  children_of(stmt, &ch);
  /* the text that moves: the whole declaration, or the tag definition */
  bool whole = true; /* it declares no variable */
  for (size_t i = 0; i < ch.n; i++)
    whole &= is_type_decl(clang_getCursorKind(ch.p[i]));
  CXCursor top = ch.p[0];
  Range tr = sr;
  if (!whole) /* the outermost definition containing decl's */
    for (size_t i = 0; i < ch.n; i++) {
      Range r;
      if (is_type_decl(clang_getCursorKind(ch.p[i])) && cursor_range(L, ch.p[i], &r) &&
          in_range(r, dr)) {
        top = ch.p[i];
        tr = r;
        break;
      }
    }
  children_free(&ch);
  size_t first = ctx->num_local_types;
  walk(ctx, NAME_DECLS, tr, &w);
  size_t last = ctx->num_local_types;
  if (first == last)
    return; /* moved already, with another declaration */
  for (size_t i = first; i < last; i++) {
    LocalType *lt = &ctx->local_types[i];
    if (*lt->old)
      type_op(ctx, (TypeOp){OP_REPLACE, {lt->at, lt->at + (unsigned)strlen(lt->old)}, xstrdup(lt->name), false});
  }
  const char *name0 = ctx->local_types[first].name;
  if (!whole && !*ctx->local_types[first].old) /* `struct {` -> `struct f__t1 {` */
    type_op(ctx, (TypeOp){OP_INSERT, {tr.begin + (unsigned)strlen(tag_keyword(clang_getCursorKind(top))), 0},
                          xasprintf(" %s", name0), false});
  rename_refs(ctx, first, last);
  /* what it uses moves first (renamed already: the types may use each other) */
  walk(ctx, NEED_DEPS, tr, &w); /* what it uses moves first */
  if (w.failed) {
    diag_cursor(L, DIAG_ERROR, def,
                "a local that lives across an await has this type, declared inside the async "
                "function with a local variable or parameter in it, so it cannot move to file "
                "scope with the frame; declare the type at file scope, or keep the local from "
                "living across the await");
    return;
  }
  type_op(ctx, (TypeOp){OP_MOVED_TEXT, tr, NULL, whole});
  type_op(ctx, (TypeOp){OP_REPLACE, tr, whole ? xstrdup("")
                                              : xasprintf("%s %s", tag_keyword(clang_getCursorKind(top)), name0), false});
}

/* ------------------------------------------------------------ spelling */

static bool simple(const char *s) { return !strpbrk(s, "()[]"); }

char *local_type_spelling(FnCtx *ctx, CXType t) {
  const char *q = clang_isConstQualifiedType(t) ? (clang_isVolatileQualifiedType(t) ? "const volatile " : "const ")
                  : clang_isVolatileQualifiedType(t) ? "volatile " : "";
  CXCursor d = clang_getTypeDeclaration(t);
  if (t.kind == CXType_Elaborated && !in_body(ctx, d))
    return local_type_spelling(ctx, clang_Type_getNamedType(t));
  if (in_body(ctx, d) && is_type_decl(clang_getCursorKind(d))) {
    hoist(ctx, d);
    LocalType *lt = find(ctx, d);
    if (!lt)
      return NULL;
    enum CXCursorKind k = clang_getCursorKind(d);
    return k == CXCursor_TypedefDecl ? xasprintf("%s%s", q, lt->name)
                                     : xasprintf("%s%s %s", q, tag_keyword(k), lt->name);
  }
  char *inner = NULL, *r = NULL;
  switch (t.kind) {
  case CXType_Pointer:
    inner = local_type_spelling(ctx, clang_getPointeeType(t));
    if (inner)
      r = simple(inner) ? xasprintf("%s *%s", inner, q) : xasprintf("__typeof__(%s) *%s", inner, q);
    break;
  case CXType_ConstantArray:
  case CXType_IncompleteArray: {
    inner = local_type_spelling(ctx, clang_getArrayElementType(t));
    char *dim = t.kind == CXType_ConstantArray ? xasprintf("[%lld]", clang_getArraySize(t)) : xstrdup("[]");
    const char *b = inner ? strchr(inner, '[') : NULL;
    if (inner && simple(inner))
      r = xasprintf("%s %s", inner, dim);
    else if (b && !strchr(inner, '(')) /* an array of arrays: `T [2][3]` */
      r = xasprintf("%.*s%s%s", (int)(b - inner), inner, dim, b);
    else if (inner)
      r = xasprintf("__typeof__(%s) %s", inner, dim);
    free(dim);
    break;
  }
  default: {
    CXString s = clang_getTypeSpelling(t);
    r = xstrdup(clang_getCString(s));
    clang_disposeString(s);
    break;
  }
  }
  free(inner);
  return r;
}

void local_types_text(FnCtx *ctx, StrBuf *sb) {
  if (ctx->local_types_text.len)
    sb_printf(sb, "/* types declared in '%s', used by its frame */\n%s", ctx->fn->name,
              ctx->local_types_text.data);
}
