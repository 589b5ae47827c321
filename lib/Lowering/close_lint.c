/* -Wclose-runtime-fd: `close(fd)` in an async function where the same
 * function shows that the runtime watches fd: fd came from one of the
 * runtime's calls that make fds (ac_tcp_accept, ac_tcp_connect, ...), or
 * was passed to one that waits on it (ac_read, ac_write_all,
 * ac_fd_readable, ...).  A plain close() leaves the fd's registration
 * behind: tasks waiting on the fd are never woken (epoll drops the entry
 * without an event), and the runtime finds out only when the number is
 * reused.  ac_close(fd) cancels the waits (-ECANCELED) and forgets the
 * registration; the warning's fix-it says so. */
#include "lower.h"

#include <stdlib.h>
#include <string.h>

/* The runtime's calls whose result is an fd it registers. */
static const char *const makers[] = {"ac_tcp_accept", "ac_tcp_connect", "ac_tcp_listen",
                                     "ac_udp_bind"};
/* The runtime's calls that wait on their first argument, an fd. */
static const char *const watchers[] = {"ac_read",         "ac_write",         "ac_read_exact",
                                       "ac_write_all",    "ac_fd_readable",   "ac_fd_writable",
                                       "ac_udp_send_to",  "ac_udp_recv_from"};

typedef struct Watched {
  CXCursor var;     /* the variable or parameter holding the fd */
  unsigned at;      /* the call that shows the runtime watches it */
  const char *call; /* its name */
} Watched;

typedef struct Close {
  CXCursor var;
  unsigned at; /* the `close` of `close(var)` */
} Close;

typedef struct CloseLint {
  FnCtx *ctx;
  Watched *watched;
  size_t num_watched;
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

/* The variable or parameter an expression names, or a null cursor. */
static CXCursor named_var(CXCursor e) {
  e = strip_await(e);
  if (clang_getCursorKind(e) != CXCursor_DeclRefExpr)
    return clang_getNullCursor();
  CXCursor v = clang_getCursorReferenced(e);
  enum CXCursorKind k = clang_getCursorKind(v);
  return k == CXCursor_VarDecl || k == CXCursor_ParmDecl ? v : clang_getNullCursor();
}

/* The call an expression is, or a null cursor. */
static CXCursor call_of(CXCursor e) {
  e = strip_await(e);
  return clang_getCursorKind(e) == CXCursor_CallExpr ? e : clang_getNullCursor();
}

static void add_watched(CloseLint *cl, CXCursor var, CXCursor call, const char *name) {
  unsigned at;
  if (clang_Cursor_isNull(var) || !loc_offset(cl->ctx->L, clang_getCursorLocation(call), &at))
    return;
  cl->watched = xrealloc(cl->watched, (cl->num_watched + 1) * sizeof *cl->watched);
  cl->watched[cl->num_watched++] = (Watched){var, at, name};
}

/* `var = maker(...)` or `T var = maker(...)` */
static void note_made(CloseLint *cl, CXCursor var, CXCursor value) {
  CXCursor call = call_of(value);
  if (clang_Cursor_isNull(call) || clang_Cursor_isNull(var))
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
  CXCursor var = named_var(clang_Cursor_getArgument(call, 0));
  size_t i = named_in(name, watchers, sizeof watchers / sizeof *watchers);
  unsigned at;
  if (i) {
    add_watched(cl, var, call, watchers[i - 1]);
  } else if (strcmp(name, "close") == 0 && !clang_Cursor_isNull(var) &&
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
      note_made(cl, c, ch.p[ch.n - 1]);
    children_free(&ch);
  } else if (k == CXCursor_BinaryOperator &&
             clang_getCursorBinaryOperatorKind(c) == CXBinaryOperator_Assign) {
    Children ch;
    children_of(c, &ch);
    if (ch.n == 2)
      note_made(cl, named_var(ch.p[0]), ch.p[1]);
    children_free(&ch);
  }
  return CXChildVisit_Recurse;
}

static const Watched *watched_var(CloseLint *cl, CXCursor var) {
  for (size_t i = 0; i < cl->num_watched; i++)
    if (clang_equalCursors(cl->watched[i].var, var))
      return &cl->watched[i];
  return NULL;
}

void lint_plain_close(FnCtx *ctx) {
  CloseLint cl = {.ctx = ctx};
  clang_visitChildren(ctx->body, visit, &cl);
  for (size_t i = 0; i < cl.num_closes; i++) {
    const Watched *w = watched_var(&cl, cl.closes[i].var);
    if (!w)
      continue;
    CXString s = clang_getCursorSpelling(w->var);
    const char *name = clang_getCString(s);
    bool made = named_in(w->call, makers, sizeof makers / sizeof *makers);
    if (warn_at(ctx->L, W_CLOSE_RUNTIME_FD, cl.closes[i].at,
                "'%s' is an fd the runtime watches, closed with 'close': a task waiting on it "
                "is never woken, and its registration outlives it; use ac_close(%s)",
                name, name)) {
      diag_fixit(ctx->L, cl.closes[i].at, "ac_close");
      diag_at(ctx->L, DIAG_NOTE, w->at, "'%s' %s '%s' here", name,
              made ? "was made by" : "was passed to", w->call);
    }
    clang_disposeString(s);
  }
  free(cl.watched);
  free(cl.closes);
}
