/* What a debugger finds by the names the user wrote.
 *
 * The names of the poll's C locals for promoted frame locals (analyze.c):
 * the user's own name where nothing else in the function would see it, so
 * that a debugger's `print total` finds the local the user wrote; `ac_l_`
 * and the field name otherwise.
 *
 * The promoted locals are declared at the top of the poll, so the user's
 * name is safe only if no identifier of the function that stays in the
 * output means something else by it: every reference to a frame local is
 * rewritten (to the poll's local or ac_f->field), but a local that stays
 * a C local, a global, a function, a typedef or an enum constant keep
 * their names.  Two frame locals of one name (two `for (int i ...)`) keep
 * the prefix: one plain `i` would show a debugger the other's value. */
#include "lower/lower.h"

#include <stdlib.h>
#include <string.h>

typedef struct NameScan {
  FnCtx *ctx;
  char **other;     /* names the output keeps with another meaning (repeats) */
  size_t num_other, cap;
} NameScan;

static void add_other(NameScan *s, const char *name) {
  if (s->num_other == s->cap) {
    s->cap = s->cap ? 2 * s->cap : 64;
    s->other = xrealloc(s->other, s->cap * sizeof *s->other);
  }
  s->other[s->num_other++] = xstrdup(name);
}

static int cmp_name(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* After the scan: other[] sorted, for the lookups (a function may use
 * thousands of names). */
static bool is_other(const NameScan *s, const char *name) {
  return s->num_other && bsearch(&name, s->other, s->num_other, sizeof *s->other, cmp_name);
}

/* The entity an ordinary identifier of the function names, if the cursor
 * is one (members, tags and labels have name spaces of their own). */
static bool names_ordinary(CXCursor c, CXCursor *entity) {
  switch (clang_getCursorKind(c)) {
  case CXCursor_DeclRefExpr:
  case CXCursor_TypeRef:
    *entity = clang_getCursorReferenced(c);
    return !clang_Cursor_isNull(*entity) &&
           clang_getCursorKind(*entity) != CXCursor_StructDecl &&
           clang_getCursorKind(*entity) != CXCursor_UnionDecl &&
           clang_getCursorKind(*entity) != CXCursor_EnumDecl;
  case CXCursor_VarDecl:
  case CXCursor_ParmDecl:
  case CXCursor_FunctionDecl:
  case CXCursor_TypedefDecl:
  case CXCursor_EnumConstantDecl:
    *entity = c;
    return true;
  default:
    return false;
  }
}

static enum CXChildVisitResult scan_names(CXCursor c, CXCursor parent, CXClientData d) {
  (void)parent;
  NameScan *s = d;
  CXCursor e;
  if (names_ordinary(c, &e)) {
    Var *v = var_of(s->ctx, e);
    if (!v || !v->in_frame) {
      CXString sp = clang_getCursorSpelling(e);
      add_other(s, clang_getCString(sp));
      clang_disposeString(sp);
    }
  }
  return CXChildVisit_Recurse;
}

/* The function's header: its body is replayed from the recorded walk. */
static enum CXChildVisitResult scan_header(CXCursor c, CXCursor parent, CXClientData d) {
  NameScan *s = d;
  if (clang_equalCursors(c, s->ctx->body))
    return CXChildVisit_Continue;
  return scan_names(c, parent, d);
}

/* The identifiers of generated declarations at the poll's top: the types
 * of the promoted locals. */
static void add_type_words(NameScan *s, const char *type) {
  for (const char *p = type; p && *p;) {
    if (!is_ident_char(*p)) {
      p++;
      continue;
    }
    const char *b = p;
    while (is_ident_char(*p))
      p++;
    char *w = xasprintf("%.*s", (int)(p - b), b);
    add_other(s, w);
    free(w);
  }
}

static bool reserved_name(const char *n) {
  return !strncmp(n, "ac_", 3) || !strncmp(n, "AC_", 3) || strstr(n, "__") || n[0] == '_';
}

void choose_local_names(FnCtx *ctx) {
  NameScan s = {.ctx = ctx};
  clang_visitChildren(ctx->fn->decl, scan_header, &s);
  body_walk(ctx, scan_names, &s);
  for (size_t i = 0; i < ctx->num_vars; i++) {
    Var *v = &ctx->vars[i];
    if (v->promoted) {
      add_type_words(&s, v->vm_type ? v->vm_type : v->type);
      if (v->cleanup)
        add_other(&s, v->cleanup);
    }
  }
  if (s.num_other)
    qsort(s.other, s.num_other, sizeof *s.other, cmp_name);
  for (size_t i = 0; i < ctx->num_vars; i++) {
    Var *v = &ctx->vars[i];
    if (!v->promoted)
      continue;
    bool unique = true;
    for (size_t j = 0; j < ctx->num_vars && unique; j++)
      unique = j == i || !ctx->vars[j].in_frame || strcmp(ctx->vars[j].name, v->name) != 0;
    bool plain = unique && !reserved_name(v->name) && !is_other(&s, v->name);
    v->local = plain ? xstrdup(v->name) : xasprintf("ac_l_%s", v->field);
  }
  for (size_t i = 0; i < s.num_other; i++)
    free(s.other[i]);
  free(s.other);
}

/* A local ELF symbol `asyncc::f` (C++-mangled, so it never clashes with a
 * C symbol `f`, which a plain C caller may mean) at the start of f's
 * body: gdb's linespec matches `break f` against it, and a symbol inside
 * a function is a breakpoint address of its own (not moved to the
 * function's start), so `break f` stops once, when the body starts, not
 * at every resume.  `.ifndef`: the optimizer may duplicate the statement.
 * No `.type`: its syntax differs between targets, and gdb takes a symbol
 * in a code section for code. */
char *debug_body_label(const AsyncFn *fn) {
  return xasprintf("    __asm__ volatile(\".ifndef _ZN6asyncc%zu%sE\\n_ZN6asyncc%zu%sE:\\n"
                   ".endif\");\n",
                   strlen(fn->name), fn->name, strlen(fn->name), fn->name);
}

/* The same symbol for a function that never suspends: its body is f__sync. */
char *debug_sync_alias(const AsyncFn *fn) {
  return xasprintf("static __typeof__(%s__sync) ac_dbg_%s __asm__(\"_ZN6asyncc%zu%sE\") "
                   "__attribute__((alias(\"%s__sync\"), used));\n",
                   fn->name, fn->name, strlen(fn->name), fn->name, fn->name);
}

/* The `break f` symbols and the f__debug tables are for a debugger: only
 * when the backend makes debug information (-g, but not -g0), and with
 * the #line mapping they go with. */
bool debug_info_wanted(const AcOptions *opt) {
  bool g = false;
  for (int i = 0; i < opt->num_backend; i++)
    if (!strncmp(opt->backend[i], "-g", 2))
      g = strcmp(opt->backend[i], "-g0") != 0;
  return g && opt->line_directives;
}
