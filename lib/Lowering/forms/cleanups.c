/* Cleanup attributes on frame locals: C's RAII across suspensions.
 *
 * `T x __attribute__((cleanup(fn))) = ...;` makes C call fn(&x) when x's
 * scope ends.  A local that lives across an await becomes a frame field and
 * loses the attribute (a struct field cannot carry it, and gcc/clang reject
 * the resume gotos jumping into the scope of a cleanup variable), so the
 * lowering writes the calls itself:
 *
 *   normal exits   as C defines them: where the block falls off its end
 *                  (before its '}'), on `return` (after the value is
 *                  computed, before it is stored in ac_result, which shares
 *                  storage with the locals), and on
 *                  break / continue / goto that leave the scope, each call
 *                  in reverse declaration order (innermost first);
 *   drop           f__drop has a second switch on the suspension state:
 *                  after the first one dropped the callee in flight, it
 *                  calls the cleanups of the locals in scope at that await,
 *                  innermost first.  The frame is then done, so a later
 *                  drop runs nothing again: each cleanup runs exactly once.
 *
 * A local with a cleanup is in scope at offset p when its declarator ends at
 * or before p and its block ends after p; an await in its own initializer is
 * not (the local is not initialized yet).  It is never promoted to a C local
 * of the poll (fn receives &x: the address must be the frame's).  A cleanup
 * local declared in the scope of a frame-resident one moves to the frame as
 * well, even with no await after it: C would otherwise run its cleanup after
 * ours on a jump out of both scopes, which is the wrong order.
 *
 * A local declared in a 'for' header is in scope in the whole statement:
 * its loop is wrapped as `{ for (...) S fn(&x); }`, and a break or continue
 * of that loop leaves nothing.
 *
 * libclang does not expose the attribute's function: it is read from the
 * text where the attribute is spelled, following one macro (with its
 * argument, for `_cleanup_(freep)`).
 *
 * Not supported (diagnosed), for a frame-resident cleanup local only: a
 * computed goto in its scope, a cleanup function passed through two macros,
 * a block whose braces a macro writes; and an async cleanup function. */
#include "forms/forms.h"

#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ the attribute */

/* The identifier following `cleanup (` / `__cleanup__ (` in t[0..n), or NULL. */
static char *fn_in_text(const char *t, size_t n) {
  for (size_t i = 0; i < n; i++) {
    if (i && is_ident_char(t[i - 1]))
      continue;
    size_t w = 0;
    if (n - i >= 7 && memcmp(t + i, "cleanup", 7) == 0)
      w = 7;
    else if (n - i >= 11 && memcmp(t + i, "__cleanup__", 11) == 0)
      w = 11;
    if (!w || (i + w < n && is_ident_char(t[i + w])))
      continue;
    size_t p = i + w;
    while (p < n && (t[p] == ' ' || t[p] == '\t' || t[p] == '\n'))
      p++;
    if (p >= n || t[p] != '(')
      continue;
    for (p++; p < n && (t[p] == ' ' || t[p] == '\t' || t[p] == '\n');)
      p++;
    size_t b = p;
    while (p < n && is_ident_char(t[p]))
      p++;
    return p > b ? xasprintf("%.*s", (int)(p - b), t + b) : NULL;
  }
  return NULL;
}

static enum CXChildVisitResult find_fn_decl(CXCursor c, CXCursor parent, CXClientData d) {
  (void)parent;
  void **args = d;
  if (clang_getCursorKind(c) != CXCursor_FunctionDecl)
    return CXChildVisit_Continue;
  CXString s = clang_getCursorSpelling(c);
  if (strcmp(clang_getCString(s), args[0]) == 0)
    args[1] = (void *)1;
  clang_disposeString(s);
  return args[1] ? CXChildVisit_Break : CXChildVisit_Continue;
}

static bool names_file_scope_fn(Lowering *L, const char *name) {
  void *args[2] = {(void *)name, NULL};
  clang_visitChildren(clang_getTranslationUnitCursor(L->tu), find_fn_decl, args);
  return args[1] != NULL;
}

/* If text[at] is in the body of a function-like macro's definition and
 * 'name' is one of its parameters, the parameter's index; else -1. */
static int macro_param_index(const char *text, size_t at, const char *name) {
  size_t line = at;
  for (;;) { /* the start of the logical line: continuations end in '\\' */
    while (line > 0 && text[line - 1] != '\n')
      line--;
    if (line >= 2 && text[line - 2] == '\\')
      line -= 2;
    else
      break;
  }
  const char *p = text + line;
  while (*p == ' ' || *p == '\t')
    p++;
  if (*p++ != '#')
    return -1;
  while (*p == ' ' || *p == '\t')
    p++;
  if (strncmp(p, "define", 6) != 0)
    return -1;
  for (p += 6; *p == ' ' || *p == '\t';)
    p++;
  while (is_ident_char(*p))
    p++;
  if (*p != '(') /* object-like */
    return -1;
  size_t n = strlen(name);
  int index = 0;
  for (p++; *p && *p != ')'; p++) {
    if (*p == ',')
      index++;
    else if (strncmp(p, name, n) == 0 && !is_ident_char(p[n]) && !is_ident_char(p[-1]))
      return index;
  }
  return -1;
}

/* The identifier passed as argument 'index' of the macro invocation at
 * 'loc' (`_cleanup_(freep)`), or NULL if it is anything else. */
static char *macro_arg(Lowering *L, CXSourceLocation loc, int index) {
  CXFile f;
  unsigned off;
  clang_getExpansionLocation(loc, &f, NULL, NULL, &off);
  size_t size = 0;
  const char *t = f ? clang_getFileContents(L->tu, f, &size) : NULL;
  if (!t)
    return NULL;
  size_t p = off;
  while (p < size && is_ident_char(t[p]))
    p++;
  while (p < size && (t[p] == ' ' || t[p] == '\t'))
    p++;
  if (p >= size || t[p] != '(')
    return NULL;
  for (int i = 0; p < size && i < index; p++) /* past 'index' top-level commas */
    i += t[p] == ',';
  for (p++; p < size && (t[p] == ' ' || t[p] == '\t'); p++)
    ;
  size_t b = p;
  while (p < size && is_ident_char(t[p]))
    p++;
  size_t e = p;
  while (p < size && (t[p] == ' ' || t[p] == '\t'))
    p++;
  if (e == b || p >= size || (t[p] != ',' && t[p] != ')'))
    return NULL;
  return xasprintf("%.*s", (int)(e - b), t + b);
}

typedef struct AttrSearch {
  Lowering *L;
  char *fn;
  bool unreadable; /* a cleanup attribute whose function we cannot name */
} AttrSearch;

static enum CXChildVisitResult find_cleanup_attr(CXCursor c, CXCursor parent, CXClientData d) {
  (void)parent;
  AttrSearch *as = d;
  if (!clang_isAttribute(clang_getCursorKind(c)) || as->fn)
    return CXChildVisit_Continue;
  /* libclang does not expose the cleanup attribute's function: read it from
   * the text where the attribute is spelled (the file, or the body of the
   * macro that writes it) */
  CXSourceRange ext = clang_getCursorExtent(c);
  CXFile f, ef;
  unsigned b, e;
  clang_getSpellingLocation(clang_getRangeStart(ext), &f, NULL, NULL, &b);
  clang_getSpellingLocation(clang_getRangeEnd(ext), &ef, NULL, NULL, &e);
  size_t size = 0;
  const char *text = f ? clang_getFileContents(as->L->tu, f, &size) : NULL;
  if (!text || b >= size)
    return CXChildVisit_Continue;
  size_t n = ef && clang_File_isEqual(f, ef) && e > b && e <= size ? e - b + 1 : 64;
  if (b + n > size)
    n = size - b;
  /* the attribute's range starts at its name */
  bool is_cleanup = (n >= 7 && memcmp(text + b, "cleanup", 7) == 0) ||
                    (n >= 11 && memcmp(text + b, "__cleanup__", 11) == 0);
  if (!is_cleanup)
    return CXChildVisit_Continue;
  char *fn = fn_in_text(text + b, n);
  int param = fn ? macro_param_index(text, b, fn) : -1;
  if (param >= 0) {
    free(fn);
    fn = macro_arg(as->L, clang_getRangeStart(ext), param);
  }
  if (fn && names_file_scope_fn(as->L, fn)) {
    as->fn = fn;
  } else {
    free(fn);
    as->unreadable = true;
  }
  return CXChildVisit_Continue;
}

char *cleanup_fn_of(Lowering *L, CXCursor var) {
  AttrSearch as = {.L = L};
  clang_visitChildren(var, find_cleanup_attr, &as);
  if (!as.fn && as.unreadable)
    return xstrdup(""); /* an error only if it must live in the frame */
  for (size_t i = 0; as.fn && i < L->num_fns; i++)
    if (strcmp(L->fns[i]->name, as.fn) == 0) {
      diag_cursor(L, DIAG_ERROR, var,
                  "the cleanup function '%s' is async; a cleanup runs to completion where the "
                  "scope ends (or the frame is dropped) and cannot await",
                  as.fn);
      free(as.fn);
      return NULL;
    }
  return as.fn;
}

/* ------------------------------------------------------------ scopes */

static bool has_cleanup(const Var *v) {
  return v->in_frame && v->cleanup && *v->cleanup && !v->is_param;
}

static bool in_scope(const Var *v, unsigned off) {
  return has_cleanup(v) && off >= v->decl_end && off < v->scope_end;
}

/* The cleanup locals in scope at 'at' for which keep(v, arg) holds,
 * innermost (latest declared) first; returns how many. */
static size_t in_scope_at(FnCtx *ctx, unsigned at, bool (*keep)(const Var *, unsigned),
                          unsigned arg, Var ***out) {
  size_t n = 0;
  Var **v = NULL;
  /* most functions have no cleanup local: then no scan per await and jump */
  if (!ctx->cleanups_counted) {
    for (size_t i = 0; i < ctx->num_vars; i++)
      ctx->num_cleanup_vars += has_cleanup(&ctx->vars[i]);
    ctx->cleanups_counted = true;
  }
  if (!ctx->num_cleanup_vars) {
    *out = NULL;
    return 0;
  }
  for (size_t i = ctx->num_vars; i-- > 0;) {
    Var *x = &ctx->vars[i];
    if (!in_scope(x, at) || (keep && !keep(x, arg)))
      continue;
    v = xrealloc(v, (n + 1) * sizeof *v);
    v[n++] = x;
  }
  /* vars are in declaration order within a function: reversed, innermost
   * first (a later declaration in scope at the same point is nested deeper
   * or later in the same block) */
  *out = v;
  return n;
}

/* `(fn)(&ac_f->x)`: the parentheses keep a function-like macro of the same
 * name from expanding, as in the attribute itself. */
static void put_calls(StrBuf *sb, Var **v, size_t n, const char *before, const char *after) {
  for (size_t i = 0; i < n; i++)
    sb_printf(sb, "%s(%s)(&ac_f->%s)%s", before, v[i]->cleanup, v[i]->field, after);
}

/* ------------------------------------------------------------ analysis */

/* A local declared in a 'for' header: its scope is the whole statement. */
static bool in_for_header(FnCtx *ctx, const Var *v) {
  return text_is_word(&ctx->L->src, v->scope_begin, "for");
}


void cleanup_analyze(FnCtx *ctx) {
  /* nested cleanup locals join the frame (see the top comment) */
  for (size_t i = 0; i < ctx->num_vars; i++) {
    Var *v = &ctx->vars[i];
    if (!v->cleanup || v->in_frame || v->is_param || v->in_stmt_expr)
      continue;
    for (size_t j = 0; j < ctx->num_vars && !v->in_frame; j++)
      v->in_frame = j != i && in_scope(&ctx->vars[j], v->decl_stmt.begin);
  }
  const Source *src = &ctx->L->src;
  for (size_t i = 0; i < ctx->num_vars; i++) {
    Var *v = &ctx->vars[i];
    if (has_cleanup(v) && !in_for_header(ctx, v) &&
        (v->scope_end == 0 || src->text[v->scope_end - 1] != '}'))
      diag_cursor(ctx->L, DIAG_ERROR, v->cur,
                  "cannot find where the scope of '%s' ends (a block or loop written by a "
                  "macro?) to call its cleanup; write the block's braces in the file",
                  v->name);
    if (v->in_frame && v->cleanup && !*v->cleanup)
      diag_cursor(ctx->L, DIAG_ERROR, v->cur,
                  "cannot find the function of the cleanup attribute of '%s', a frame local whose "
                  "cleanup the lowering must call; write __attribute__((cleanup(fn))) directly, "
                  "or through one macro",
                  v->name);
  }
}

/* ------------------------------------------------------------ normal exits */

/* Wraps jump statement s as `{ cleanups; s }`. */
static void wrap_jump(FnCtx *ctx, CXCursor s, Var **v, size_t n) {
  Range r;
  if (!n || !cursor_range(ctx->L, s, &r))
    return;
  StrBuf sb = {0};
  sb_puts(&sb, "{ ");
  put_calls(&sb, v, n, "", "; ");
  /* innermost insertions at both ends: after any opening, before any closing */
  edit_insert(ctx->L, r.begin, EDIT_OPEN, 1 << 20, sb_take(&sb));
  edit_insert(ctx->L, stmt_end(ctx->L, s), EDIT_CLOSE, 1 << 20, xstrdup(" }"));
}

/* break / continue leave the scopes declared inside their target, except
 * the target's own header (its cleanup runs after the loop, see walk). */
static bool declared_after(const Var *v, unsigned target_begin) {
  return v->decl_stmt.begin > target_begin && v->scope_begin != target_begin;
}

/* goto leaves the scopes that do not contain its label. */
static bool label_outside(const Var *v, unsigned label) { return !in_scope(v, label); }

/* Blocks whose last statement is a jump: they never fall off their end,
 * and a call written after the jump would make gcc's
 * -Wimplicit-fallthrough see a case that falls through. */
typedef struct Walk {
  FnCtx *ctx;
  unsigned *ends_in_jump; /* their end offsets */
  size_t num_ends;
} Walk;

static void walk(Walk *w, CXCursor c, Range loop, Range brk);

typedef struct WalkArgs {
  Walk *w;
  Range loop, brk;
} WalkArgs;

static enum CXChildVisitResult walk_child(CXCursor c, CXCursor parent, CXClientData d) {
  (void)parent;
  WalkArgs *a = d;
  walk(a->w, c, a->loop, a->brk);
  return CXChildVisit_Continue;
}

static bool is_jump(CXCursor s) {
  enum CXCursorKind k = clang_getCursorKind(s);
  return k == CXCursor_BreakStmt || k == CXCursor_ContinueStmt || k == CXCursor_ReturnStmt ||
         k == CXCursor_GotoStmt || k == CXCursor_IndirectGotoStmt;
}

/* Visits the statements under c; 'loop' and 'brk' are the innermost loop
 * and loop-or-switch around it (their ranges), the targets of continue and
 * break. */
static void walk(Walk *w, CXCursor c, Range loop, Range brk) {
  FnCtx *ctx = w->ctx;
  Lowering *L = ctx->L;
  Range r;
  if (!cursor_range(L, c, &r))
    return;
  Var **v = NULL;
  size_t n = 0;
  switch (clang_getCursorKind(c)) {
  case CXCursor_ForStmt: {
    /* `{ for (T x = ...; ...) S fn(&x); }`: the loop ends normally there */
    StrBuf sb = {0};
    for (size_t i = ctx->num_vars; i-- > 0;) {
      Var *v = &ctx->vars[i];
      if (has_cleanup(v) && v->scope_begin == r.begin && in_for_header(ctx, v))
        put_calls(&sb, &v, 1, " ", ";");
    }
    if (sb.len) {
      edit_insert(L, r.begin, EDIT_OPEN, -(1 << 20), xstrdup("{ "));
      sb_puts(&sb, " }");
      edit_insert(L, stmt_end(L, c), EDIT_CLOSE, -(1 << 20), sb_take(&sb));
    }
    loop = brk = r;
    break;
  }
  case CXCursor_WhileStmt:
  case CXCursor_DoStmt:
    loop = brk = r;
    break;
  case CXCursor_SwitchStmt:
    brk = r;
    break;
  case CXCursor_CompoundStmt: {
    Children ch;
    children_of(c, &ch);
    if (ch.n && is_jump(ch.p[ch.n - 1])) {
      w->ends_in_jump = xrealloc(w->ends_in_jump, (w->num_ends + 1) * sizeof(unsigned));
      w->ends_in_jump[w->num_ends++] = r.end;
    }
    children_free(&ch);
    break;
  }
  case CXCursor_BreakStmt:
  case CXCursor_ContinueStmt: {
    bool is_break = clang_getCursorKind(c) == CXCursor_BreakStmt;
    n = in_scope_at(ctx, r.begin, declared_after, (is_break ? brk : loop).begin, &v);
    wrap_jump(ctx, c, v, n);
    free(v);
    return;
  }
  case CXCursor_GotoStmt: {
    Children ch;
    children_of(c, &ch);
    Range lr;
    if (ch.n && cursor_range(L, clang_getCursorReferenced(ch.p[0]), &lr)) {
      n = in_scope_at(ctx, r.begin, label_outside, lr.begin, &v);
      wrap_jump(ctx, c, v, n);
      free(v);
    }
    children_free(&ch);
    return;
  }
  case CXCursor_IndirectGotoStmt:
    n = in_scope_at(ctx, r.begin, NULL, 0, &v);
    if (n)
      diag_cursor(L, DIAG_ERROR, c,
                  "computed goto in the scope of '%s', a local with a cleanup attribute that "
                  "lives across an await, is not supported",
                  v[0]->name);
    free(v);
    return;
  default:
    break;
  }
  WalkArgs a = {w, loop, brk};
  clang_visitChildren(c, walk_child, &a);
}

void cleanup_lower_exits(FnCtx *ctx) {
  bool any = false;
  for (size_t i = 0; i < ctx->num_vars && !any; i++)
    any = has_cleanup(&ctx->vars[i]);
  if (!any)
    return;
  Walk w = {ctx, NULL, 0};
  walk(&w, ctx->body, (Range){0, 0}, (Range){0, 0});
  /* falling off the end of a block: before its '}', innermost first */
  for (size_t i = ctx->num_vars; i-- > 0;) {
    Var *v = &ctx->vars[i];
    bool jumps = false;
    for (size_t j = 0; j < w.num_ends && !jumps; j++)
      jumps = w.ends_in_jump[j] == v->scope_end;
    if (!has_cleanup(v) || jumps || in_for_header(ctx, v))
      continue;
    /* on a line of its own before a '}' that starts its line, else just
     * before the '}'; either way after the closing text of the block's last
     * statement, and a later (inner) declaration's call comes first */
    const Source *src = &ctx->L->src;
    unsigned at = v->scope_end - 1, line = src->line_start[text_line(src, at) - 1];
    while (line < at && (src->text[line] == ' ' || src->text[line] == '\t'))
      line++;
    StrBuf sb = {0};
    if (line == at) {
      at = src->line_start[text_line(src, at) - 1];
      char *ind = xasprintf("%.*s  ", (int)(v->scope_end - 1 - at), src->text + at);
      put_calls(&sb, &v, 1, ind, ";\n");
      free(ind);
    } else {
      put_calls(&sb, &v, 1, "", "; ");
    }
    edit_insert(ctx->L, at, EDIT_OPEN, -(1 << 20), sb_take(&sb));
  }
  free(w.ends_in_jump);
}

char *cleanup_return_calls(FnCtx *ctx, unsigned off) {
  Var **v;
  size_t n = in_scope_at(ctx, off, NULL, 0, &v);
  StrBuf sb = {0};
  put_calls(&sb, v, n, "", ", ");
  free(v);
  return sb_take(&sb);
}

/* ------------------------------------------------------------ drop */

void cleanup_emit_drop(FnCtx *ctx, StrBuf *sb) {
  StrBuf cases = {0};
  for (size_t i = 0; i < ctx->num_awaits; i++) {
    Await *aw = &ctx->awaits[i];
    Var **v;
    size_t n = aw->state > 0 ? in_scope_at(ctx, aw->range.begin, NULL, 0, &v) : 0;
    if (!n)
      continue;
    sb_printf(&cases, "    case %d:\n", aw->state);
    put_calls(&cases, v, n, "        ", ";\n");
    sb_puts(&cases, "        break;\n");
    free(v);
  }
  if (cases.len)
    sb_printf(sb,
              "    switch (ac_f->ac_state) { /* cleanups of the locals in scope, innermost "
              "first */\n%s    default:\n        break;\n    }\n",
              cases.data);
  free(cases.data);
}
