/* -Wclose-runtime-fd: `close(fd)` in an async function where the same
 * function shows that the runtime watches fd: fd came from one of the
 * runtime's calls that make fds (ac_tcp_accept, ac_tcp_connect, ...), or
 * was passed to one that waits on it (ac_read, ac_write_all,
 * ac_fd_readable, ...).  A plain close() leaves the fd's registration
 * behind: tasks waiting on the fd are never woken (epoll drops the entry
 * without an event), and the runtime finds out only when the number is
 * reused.  ac_close(fd) cancels the waits (-ECANCELED) and forgets the
 * registration; the warning's fix-it says so. */
#include "analysis/analysis.h"

#include <stdlib.h>
#include <string.h>

/* The runtime's calls whose result is an fd it registers. */
static const char *const makers[] = {"ac_tcp_accept", "ac_tcp_connect", "ac_tcp_listen",
                                     "ac_udp_bind"};
/* The runtime's calls that wait on their first argument, an fd. */
static const char *const watchers[] = {"ac_read",         "ac_write",         "ac_read_exact",
                                       "ac_write_all",    "ac_fd_readable",   "ac_fd_writable",
                                       "ac_udp_send_to",  "ac_udp_recv_from"};

/* Why the runtime watches a variable: the first call that shows it. */
typedef struct Watched {
  unsigned at;      /* the call */
  const char *call; /* its name; NULL: not watched */
} Watched;

typedef struct Close {
  Var *var;
  unsigned at; /* the `close` of `close(var)` */
} Close;

typedef struct CloseLint {
  FnCtx *ctx;
  Watched *watched; /* per variable of the function (ctx->vars) */
  Close *closes;
  size_t num_closes;
} CloseLint;

static size_t named_in(const char *name, const char *const *list, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (strcmp(name, list[i]) == 0)
      return i + 1;
  return 0;
}

/* The name of the library function a call calls (declared outside the .ac
 * file: the runtime's or libc's, not the user's own `close`), or NULL;
 * free() it. */
static char *library_callee_name(Lowering *L, CXCursor call) {
  CXCursor fn = clang_getCursorReferenced(call);
  if (clang_getCursorKind(fn) != CXCursor_FunctionDecl ||
      loc_in_main(L, clang_getCursorLocation(clang_getCanonicalCursor(fn))))
    return NULL;
  CXString s = clang_getCursorSpelling(fn);
  char *r = xstrdup(clang_getCString(s));
  clang_disposeString(s);
  return r;
}

/* An expression without its parentheses, casts and `await`s (await is
 * GNU's __extension__ operator to clang). */
static CXCursor strip_await(CXCursor e) {
  for (;;) {
    e = strip_parens(e);
    if (clang_getCursorKind(e) != CXCursor_UnaryOperator ||
        clang_getCursorUnaryOperatorKind(e) != CXUnaryOperator_Extension)
      return e;
    Children ch;
    children_of(e, &ch);
    CXCursor inner = ch.n == 1 ? ch.p[0] : clang_getNullCursor();
    children_free(&ch);
    if (clang_Cursor_isNull(inner))
      return e;
    e = inner;
  }
}

/* The local or parameter of the function an expression names, or NULL. */
static Var *named_var(FnCtx *ctx, CXCursor e) {
  e = strip_await(e);
  return clang_getCursorKind(e) == CXCursor_DeclRefExpr
             ? var_of(ctx, clang_getCursorReferenced(e))
             : NULL;
}

/* The call an expression is, or a null cursor. */
static CXCursor call_of(CXCursor e) {
  e = strip_await(e);
  return clang_getCursorKind(e) == CXCursor_CallExpr ? e : clang_getNullCursor();
}

static void add_watched(CloseLint *cl, Var *var, CXCursor call, const char *name) {
  unsigned at;
  Watched *w = var ? &cl->watched[var - cl->ctx->vars] : NULL;
  if (w && !w->call && loc_offset(cl->ctx->L, clang_getCursorLocation(call), &at))
    *w = (Watched){at, name};
}

/* `var = maker(...)` or `T var = maker(...)` */
static void note_made(CloseLint *cl, Var *var, CXCursor value) {
  CXCursor call = call_of(value);
  if (clang_Cursor_isNull(call) || !var)
    return;
  char *name = library_callee_name(cl->ctx->L, call);
  size_t i = name ? named_in(name, makers, sizeof makers / sizeof *makers) : 0;
  if (i)
    add_watched(cl, var, call, makers[i - 1]);
  free(name);
}

static void note_call(CloseLint *cl, CXCursor call) {
  char *name = library_callee_name(cl->ctx->L, call);
  if (!name || clang_Cursor_getNumArguments(call) < 1) {
    free(name);
    return;
  }
  Var *var = named_var(cl->ctx, clang_Cursor_getArgument(call, 0));
  size_t i = named_in(name, watchers, sizeof watchers / sizeof *watchers);
  unsigned at;
  if (i) {
    add_watched(cl, var, call, watchers[i - 1]);
  } else if (strcmp(name, "close") == 0 && var &&
             clang_Cursor_getNumArguments(call) == 1 &&
             loc_offset(cl->ctx->L, clang_getCursorLocation(call), &at)) {
    cl->closes = xrealloc(cl->closes, (cl->num_closes + 1) * sizeof *cl->closes);
    cl->closes[cl->num_closes++] = (Close){var, at};
  }
  free(name);
}

static enum CXChildVisitResult visit(CXCursor c, CXCursor parent, CXClientData d) {
  (void)parent;
  CloseLint *cl = d;
  enum CXCursorKind k = clang_getCursorKind(c);
  if (k == CXCursor_CallExpr) {
    note_call(cl, c);
  } else if (k == CXCursor_VarDecl) {
    Children ch;
    children_of(c, &ch);
    if (ch.n && clang_isExpression(clang_getCursorKind(ch.p[ch.n - 1])))
      note_made(cl, var_of(cl->ctx, c), ch.p[ch.n - 1]);
    children_free(&ch);
  } else if (k == CXCursor_BinaryOperator &&
             clang_getCursorBinaryOperatorKind(c) == CXBinaryOperator_Assign) {
    Children ch;
    children_of(c, &ch);
    if (ch.n == 2)
      note_made(cl, named_var(cl->ctx, ch.p[0]), ch.p[1]);
    children_free(&ch);
  }
  return CXChildVisit_Recurse;
}

void lint_plain_close(FnCtx *ctx) {
  size_t size = (ctx->num_vars + 1) * sizeof(Watched);
  CloseLint cl = {.ctx = ctx, .watched = memset(xrealloc(NULL, size), 0, size)};
  body_walk(ctx, visit, &cl);
  for (size_t i = 0; i < cl.num_closes; i++) {
    Var *v = cl.closes[i].var;
    const Watched *w = &cl.watched[v - ctx->vars];
    if (!w->call)
      continue;
    bool made = named_in(w->call, makers, sizeof makers / sizeof *makers);
    if (warn_at(ctx->L, W_CLOSE_RUNTIME_FD, cl.closes[i].at,
                "'%s' is an fd the runtime watches, closed with 'close': a task waiting on it "
                "is never woken, and its registration outlives it; use ac_close(%s)",
                v->name, v->name)) {
      diag_fixit(ctx->L, cl.closes[i].at, "ac_close");
      diag_at(ctx->L, DIAG_NOTE, w->at, "'%s' %s '%s' here", v->name,
              made ? "was made by" : "was passed to", w->call);
    }
  }
  free(cl.watched);
  free(cl.closes);
}
