/* Hazards in async functions: the mistakes users of Tokio and C++
 * coroutines hit most, found on clang's AST of each async function.
 *
 * Errors (the lowering cannot keep the program's meaning):
 *   setjmp/longjmp  a jump buffer saved in a poll is dead once the poll
 *                   returns at a suspension;
 *   alloca          a buffer on the poll's stack is gone at the resume, so
 *                   a pointer to it cannot live across an await;
 *   return &local   the frame holding the local is freed when the function
 *                   completes.
 * Warnings (each with its -W flag, see asyncc/lowering.h AcWarning):
 *   -Wblocking-call          a call that blocks the thread, and with it every
 *                            task of the runtime (suggests the async form);
 *   -Wmutex-across-await     a pthread mutex or spinlock held across an await:
 *                            other tasks of the thread that take it deadlock,
 *                            and the task may resume on another thread;
 *   -Wspawn-local-address    a spawned task gets a pointer to a local of the
 *                            spawning function, which it may outlive;
 *   -Wunused-async-result    the result of an async call that reports errors
 *                            (the runtime's calls, ac_timeout) is discarded;
 *   -Wclose-runtime-fd       close() of an fd the runtime watches (close_lint.c). */
#define _GNU_SOURCE /* memmem */
#include "analysis/analysis.h"
#include "forms/forms.h"

#include <stdlib.h>
#include <string.h>

/* ---- what blocks, and what to use instead ---- */

typedef struct Blocking {
  const char *name, *instead;
} Blocking;

static const Blocking blocking_calls[] = {
    /* time */
    {"sleep", "await ac_sleep_ms(ms)"},
    {"usleep", "await ac_sleep_ms(ms)"},
    {"nanosleep", "await ac_sleep_ms(ms)"},
    {"thrd_sleep", "await ac_sleep_ms(ms)"},
    {"clock_nanosleep", "await ac_sleep_until(deadline)"},
    /* sockets and pipes */
    {"read", "await ac_read(fd, buf, n)"},
    {"readv", "await ac_read(fd, buf, n)"},
    {"recv", "await ac_read(fd, buf, n)"},
    {"recvfrom", "await ac_udp_recv_from(...)"},
    {"recvmsg", "await ac_fd_readable(fd) before a non-blocking recvmsg"},
    {"write", "await ac_write(fd, buf, n)"},
    {"writev", "await ac_write_all(fd, buf, n)"},
    {"send", "await ac_write_all(fd, buf, n)"},
    {"sendto", "await ac_udp_send_to(...)"},
    {"sendmsg", "await ac_fd_writable(fd) before a non-blocking sendmsg"},
    {"accept", "await ac_tcp_accept(fd)"},
    {"accept4", "await ac_tcp_accept(fd)"},
    {"connect", "await ac_tcp_connect(host, port)"},
    {"getaddrinfo", "await ac_getaddrinfo(...)"},
    {"gethostbyname", "await ac_getaddrinfo(...)"},
    {"getnameinfo", "await ac_spawn_blocking(fn, arg)"},
    {"select", "await ac_fd_readable(fd) / ac_fd_writable(fd)"},
    {"pselect", "await ac_fd_readable(fd) / ac_fd_writable(fd)"},
    {"poll", "await ac_fd_readable(fd) / ac_fd_writable(fd)"},
    {"ppoll", "await ac_fd_readable(fd) / ac_fd_writable(fd)"},
    {"epoll_wait", "await ac_fd_readable(fd) / ac_fd_writable(fd)"},
    {"epoll_pwait", "await ac_fd_readable(fd) / ac_fd_writable(fd)"},
    /* files: the disk blocks, whatever O_NONBLOCK says */
    {"open", "await ac_file_open(path, flags, mode)"},
    {"open64", "await ac_file_open(path, flags, mode)"},
    {"openat", "await ac_file_open(path, flags, mode)"},
    {"creat", "await ac_file_open(path, O_CREAT | O_WRONLY | O_TRUNC, mode)"},
    {"pread", "await ac_file_read(fd, buf, n, off)"},
    {"pread64", "await ac_file_read(fd, buf, n, off)"},
    {"pwrite", "await ac_file_write(fd, buf, n, off)"},
    {"pwrite64", "await ac_file_write(fd, buf, n, off)"},
    {"fopen", "await ac_file_open(path, flags, mode), or ac_spawn_blocking"},
    {"fopen64", "await ac_file_open(path, flags, mode), or ac_spawn_blocking"},
    {"fread", "await ac_file_read(fd, buf, n, off), or ac_spawn_blocking"},
    {"fwrite", "await ac_file_write(fd, buf, n, off), or ac_spawn_blocking"},
    {"fgets", "await ac_read(fd, buf, n) on the descriptor, or ac_spawn_blocking"},
    {"getline", "await ac_read(fd, buf, n) on the descriptor, or ac_spawn_blocking"},
    {"getdelim", "await ac_read(fd, buf, n) on the descriptor, or ac_spawn_blocking"},
    {"fscanf", "await ac_read(fd, buf, n) on the descriptor, or ac_spawn_blocking"},
    {"getchar", "await ac_read(0, buf, n), or ac_spawn_blocking"},
    {"scanf", "await ac_read(0, buf, n), or ac_spawn_blocking"},
    {"fsync", "await ac_spawn_blocking(fn, arg)"},
    {"fdatasync", "await ac_spawn_blocking(fn, arg)"},
    {"flock", "await ac_spawn_blocking(fn, arg)"},
    {"lockf", "await ac_spawn_blocking(fn, arg)"},
    /* threads and processes */
    {"pthread_join", "await ac_spawn_blocking(fn, arg), or ac_task_join for a task"},
    {"thrd_join", "await ac_spawn_blocking(fn, arg), or ac_task_join for a task"},
    /* The thread mutexes (pthread_mutex_lock, mtx_lock, rwlocks) are
     * check_locks' business: a short critical section, unlocked in the
     * function with no await in between, is the right tool for shared data
     * (Tokio's advice for std::sync::Mutex; mini-redis's db). */
    {"pthread_cond_wait", "ac_notify (await ac_notified(&n))"},
    {"pthread_cond_timedwait", "ac_notify (await ac_notified(&n)) in ac_timeout"},
    {"sem_wait", "ac_sem (await ac_sem_acquire(&s, 1))"},
    {"sem_timedwait", "ac_sem (await ac_sem_acquire(&s, 1)) in ac_timeout"},
    {"system", "await ac_spawn_blocking(fn, arg)"},
    {"wait", "await ac_spawn_blocking(fn, arg)"},
    {"waitpid", "await ac_spawn_blocking(fn, arg)"},
    {"waitid", "await ac_spawn_blocking(fn, arg)"},
    {"pause", "await ac_signal(signo)"},
    {"sigwait", "await ac_signal(signo)"},
    {"sigsuspend", "await ac_signal(signo)"},
};

static const char *const lock_fns[] = {"pthread_mutex_lock", "pthread_spin_lock",
                                       "pthread_rwlock_rdlock", "pthread_rwlock_wrlock", "mtx_lock"};
static const char *const unlock_fns[] = {"pthread_mutex_unlock", "pthread_spin_unlock",
                                         "pthread_rwlock_unlock", "pthread_rwlock_unlock", "mtx_unlock"};

static char *spelling(CXCursor c) {
  CXString s = clang_getCursorSpelling(c);
  char *r = xstrdup(clang_getCString(s));
  clang_disposeString(s);
  return r;
}

/* The function a call calls, if it is declared outside the main file (a
 * library function, not the user's own `read`). */
static char *library_callee(Lowering *L, CXCursor call) {
  CXCursor fn = clang_getCursorReferenced(call);
  if (clang_getCursorKind(fn) != CXCursor_FunctionDecl)
    return NULL;
  if (loc_in_main(L, clang_getCursorLocation(clang_getCanonicalCursor(fn))))
    return NULL;
  return spelling(fn);
}

typedef struct Lock {
  unsigned at;
  char *what; /* the lock's argument, as written */
  bool unlock;
  int kind;
} Lock;

typedef struct Lint {
  FnCtx *ctx;
  Lock *locks;
  size_t num_locks;
} Lint;

static char *text_of(Lowering *L, CXCursor c) {
  Range r;
  if (!cursor_range(L, c, &r))
    return xstrdup("");
  return xasprintf("%.*s", (int)(r.end - r.begin), L->src.text + r.begin);
}

/* ---- the checks on one cursor ---- */

static void check_call(Lint *lt, CXCursor call) {
  FnCtx *ctx = lt->ctx;
  Lowering *L = ctx->L;
  char *name = library_callee(L, call);
  if (!name)
    return;
  unsigned off;
  if (!loc_offset(L, clang_getCursorLocation(call), &off)) {
    free(name);
    return;
  }
  static const char *const jumps[] = {"setjmp", "_setjmp", "__sigsetjmp", "sigsetjmp",
                                      "longjmp", "_longjmp", "siglongjmp", "__longjmp_chk"};
  for (size_t i = 0; i < sizeof jumps / sizeof *jumps; i++)
    if (strcmp(name, jumps[i]) == 0) {
      /* name it as written: `setjmp` is a macro for `_setjmp` */
      UserLoc u = user_loc(&L->pp, &L->src, off);
      diag_at(L, DIAG_ERROR, off,
              "'%s' in an async function cannot be lowered: the poll that saved the jump "
              "buffer returns at every await, so a longjmp back into it has no stack to return "
              "to; keep setjmp and its longjmp inside a plain C function that this one calls, or "
              "report the failure as a return value",
              u.macro ? u.macro->name : name);
    }
  for (size_t i = 0; i < sizeof blocking_calls / sizeof *blocking_calls; i++)
    if (strcmp(name, blocking_calls[i].name) == 0)
      warn_at(L, W_BLOCKING_CALL, off,
              "'%s' blocks the thread, and with it every task of this runtime; use %s", name,
              blocking_calls[i].instead);
  for (int k = 0; k < 5; k++) {
    bool lock = strcmp(name, lock_fns[k]) == 0, unlock = strcmp(name, unlock_fns[k]) == 0;
    if ((lock || unlock) && clang_Cursor_getNumArguments(call) >= 1) {
      lt->locks = xrealloc(lt->locks, (lt->num_locks + 1) * sizeof *lt->locks);
      lt->locks[lt->num_locks++] =
          (Lock){off, text_of(L, strip_parens(clang_Cursor_getArgument(call, 0))), unlock, k};
    }
  }
  free(name);
}

static bool calls_alloca(CXCursor e);

static enum CXChildVisitResult find_alloca(CXCursor c, CXCursor parent, CXClientData d) {
  (void)parent;
  if (clang_getCursorKind(c) == CXCursor_CallExpr) {
    char *n = spelling(clang_getCursorReferenced(c));
    bool hit = strcmp(n, "alloca") == 0 || strcmp(n, "__builtin_alloca") == 0;
    free(n);
    if (hit) {
      *(bool *)d = true;
      return CXChildVisit_Break;
    }
  }
  return CXChildVisit_Recurse;
}

static bool calls_alloca(CXCursor e) {
  bool found = false;
  if (clang_getCursorKind(e) == CXCursor_CallExpr)
    find_alloca(e, e, &found);
  if (!found)
    clang_visitChildren(e, find_alloca, &found);
  return found;
}

/* `T *p = alloca(n)` or `p = alloca(n)` with p in the frame */
static void check_alloca(Lint *lt, CXCursor var, CXCursor value, CXCursor where) {
  Var *v = var_of(lt->ctx, var);
  if (!v || !v->in_frame || clang_Cursor_isNull(value))
    return;
  /* (a value whose text does not say alloca calls none: gcc's preprocessor
   * wrote out every macro, asyncc's own call none, and a call's name comes
   * before its last token, the ')' where r ends) */
  const Source *src = &lt->ctx->L->src;
  Range r;
  bool says_alloca = !cursor_range(lt->ctx->L, value, &r) ||
                     memmem(src->text + r.begin, r.end - r.begin, "alloca", 6);
  if (!says_alloca || !calls_alloca(value))
    return;
  diag_cursor(lt->ctx->L, DIAG_ERROR, where,
              "'%s' points to an 'alloca' buffer and lives across an await: the buffer is on "
              "the stack of a poll that returns at the await; use a fixed-size array or malloc",
              v->name);
}

static Var *designated_local(FnCtx *ctx, CXCursor e);
static Var *addressed_local(FnCtx *ctx, CXCursor e, CXCursor *at);

/* ac_spawn(f(..., &local, ...)): the task may outlive the spawning function.
 * `&x`, `&s.f`, `&a[i]` and an array `a` that decays are addresses; `a[i]`
 * of a non-array element is a value (only its index is looked into). */
static enum CXChildVisitResult find_local_address(CXCursor c, CXCursor parent, CXClientData d) {
  (void)parent;
  FnCtx *ctx = d;
  enum CXCursorKind k = clang_getCursorKind(c);
  CXCursor operand;
  Var *v = addressed_local(ctx, c, &operand);
  if (k == CXCursor_ArraySubscriptExpr &&
      !is_array_type(clang_getCanonicalType(clang_getCursorType(c)))) {
    Children ch;
    children_of(c, &ch);
    if (ch.n == 2 && designated_local(ctx, ch.p[0])) {
      if (find_local_address(ch.p[1], c, d) == CXChildVisit_Recurse)
        clang_visitChildren(ch.p[1], find_local_address, d);
      children_free(&ch);
      return CXChildVisit_Continue;
    }
    children_free(&ch);
  }
  if (v && !v->is_param) {
    unsigned off;
    if (loc_offset(ctx->L, clang_getCursorLocation(c), &off))
      warn_at(ctx->L, W_SPAWN_LOCAL_ADDRESS, off,
              "the spawned task gets a pointer to '%s', a local of the spawning function; the "
              "task may outlive it (join the task before '%s' goes out of scope, or give the "
              "task its own copy)",
              v->name, v->name);
    return CXChildVisit_Continue;
  }
  return CXChildVisit_Recurse;
}

/* The local whose storage an expression designates: `x`, `x.f`, `x[i]` of
 * an array x, and their combinations (not through a pointer: `p->f` and
 * `p[i]` are elsewhere). */
static Var *designated_local(FnCtx *ctx, CXCursor e) {
  for (;;) {
    e = strip_parens(e);
    enum CXCursorKind k = clang_getCursorKind(e);
    if (k == CXCursor_DeclRefExpr)
      return var_of(ctx, clang_getCursorReferenced(e));
    CXCursor base = first_operand(e);
    bool through_value =
        (k == CXCursor_MemberRefExpr &&
         clang_getCanonicalType(clang_getCursorType(base)).kind != CXType_Pointer) ||
        (k == CXCursor_ArraySubscriptExpr &&
         is_array_type(clang_getCanonicalType(clang_getCursorType(base))));
    if (!through_value || clang_Cursor_isNull(base))
      return NULL;
    e = base;
  }
}

/* The local whose storage the value of e points into: `&x`, `&s.f`,
 * `&a[i]`, or an array that decays (`a`, `s.arr`, a row `m[i]`); *at is the
 * operand. */
static Var *addressed_local(FnCtx *ctx, CXCursor e, CXCursor *at) {
  *at = e;
  if (clang_getCursorKind(e) == CXCursor_UnaryOperator &&
      clang_getCursorUnaryOperatorKind(e) == CXUnaryOperator_AddrOf) {
    Children ch;
    children_of(e, &ch);
    if (ch.n)
      *at = strip_parens(ch.p[0]);
    children_free(&ch);
    return ch.n ? designated_local(ctx, *at) : NULL;
  }
  return is_array_type(clang_getCanonicalType(clang_getCursorType(e))) ? designated_local(ctx, e)
                                                                          : NULL;
}

/* `return &x;` or `return arr;` of a local or parameter: it lives in the
 * task's frame, which is freed when the async function completes, so the
 * caller would get a dangling pointer (rustc's E0515). */
static void check_return(Lint *lt, CXCursor ret) {
  FnCtx *ctx = lt->ctx;
  CXCursor e = first_operand(ret);
  CXCursor at;
  Var *v = clang_Cursor_isNull(e) ? NULL : addressed_local(ctx, e, &at);
  if (!v)
    return;
  unsigned off;
  if (loc_offset(ctx->L, clang_getCursorLocation(at), &off))
    diag_at(ctx->L, DIAG_ERROR, off,
            "address of %s '%s' returned from async function '%s': it lives in the task's "
            "frame, which is freed when '%s' completes; return the value, or memory the "
            "caller owns (malloc, or a buffer passed in)",
            v->is_param ? "parameter" : "local variable", v->name, ctx->fn->name, ctx->fn->name);
}

/* The runtime's async calls with an integer result return negative errno
 * values.  (A user's function declared warn_unused_result gets clang's own
 * -Wunused-result, which sees through `await`.) */
static bool reports_errors(AsyncFn *g) {
  CXType t = clang_getCanonicalType(clang_getResultType(clang_getCursorType(g->decl)));
  return g->is_external &&
         (t.kind == CXType_Int || t.kind == CXType_Long || t.kind == CXType_LongLong);
}

/* A statement of a block that is just `await f(...)`. */
static void check_discarded(Lint *lt, CXCursor stmt) {
  FnCtx *ctx = lt->ctx;
  if (!is_await_op(ctx->L, stmt))
    return;
  Range r;
  Await *aw = cursor_range(ctx->L, stmt, &r) ? await_at(ctx, r.begin) : NULL;
  if (!aw || !aw->callee)
    return;
  const char *name = aw->callee->name, *reports = "errors";
  switch (aw->kind) {
  case AWAIT_JOIN: /* a select's index reports no error */
  case AWAIT_SELECT:
    return;
  case AWAIT_TIMEOUT:
    name = "ac_timeout", reports = "whether the deadline passed";
    break;
  case AWAIT_CALL:
  case AWAIT_YIELD:
  case AWAIT_NEXT_ITEM:
    if (!reports_errors(aw->callee))
      return;
    break;
  }
  warn_at(ctx->L, W_UNUSED_ASYNC_RESULT, r.begin,
          "the result of '%s' is discarded; it reports %s (cast to void to discard it on "
          "purpose)",
          name, reports);
}

/* A call of ac_join / ac_select with no assignment discards its result as
 * `await f(...);` does. */
static void check_conc_discarded(Lint *lt, CXCursor c) {
  Range r;
  Await *aw = is_await_op(lt->ctx->L, c) && cursor_range(lt->ctx->L, c, &r) ? await_at(lt->ctx, r.begin) : NULL;
  for (int i = 0; aw && i < aw->num_parts; i++) {
    ConcPart *p = &aw->parts[i];
    Range cr;
    if (clang_Cursor_isNull(p->lhs) && !p->voided && reports_errors(p->callee) &&
        cursor_range(lt->ctx->L, p->call, &cr))
      warn_at(lt->ctx->L, W_UNUSED_ASYNC_RESULT, cr.begin,
              "the result of '%s' is discarded; it reports errors (assign it, or cast it to "
              "void to discard it on purpose)",
              p->callee->name);
  }
}

static enum CXChildVisitResult visit(CXCursor c, CXCursor parent, CXClientData d) {
  Lint *lt = d;
  FnCtx *ctx = lt->ctx;
  enum CXCursorKind k = clang_getCursorKind(c);
  if (clang_getCursorKind(parent) == CXCursor_CompoundStmt)
    check_discarded(lt, c);
  if (k == CXCursor_UnaryOperator)
    check_conc_discarded(lt, c);
  if (k == CXCursor_ReturnStmt)
    check_return(lt, c);
  if (k == CXCursor_CallExpr) {
    check_call(lt, c);
    AsyncFn *g = find_async_fn(ctx->L, clang_getCursorReferenced(c));
    BuiltinSite site;
    if (g && builtin_of_call(ctx->L, c, g, &site) == BUILTIN_SPAWN)
      clang_visitChildren(c, find_local_address, ctx);
  } else if (k == CXCursor_VarDecl) {
    Children ch;
    children_of(c, &ch);
    CXCursor init = ch.n ? ch.p[ch.n - 1] : clang_getNullCursor();
    children_free(&ch);
    if (!clang_Cursor_isNull(init) && clang_isExpression(clang_getCursorKind(init)))
      check_alloca(lt, c, init, c);
  } else if (k == CXCursor_BinaryOperator &&
             clang_getCursorBinaryOperatorKind(c) == CXBinaryOperator_Assign) {
    Children ch;
    children_of(c, &ch);
    CXCursor lhs = ch.n == 2 ? strip_parens(ch.p[0]) : clang_getNullCursor();
    if (clang_getCursorKind(lhs) == CXCursor_DeclRefExpr)
      check_alloca(lt, clang_getCursorReferenced(lhs), ch.p[1], c);
    children_free(&ch);
  }
  return CXChildVisit_Recurse;
}

/* A lock taken, then an await before the matching unlock (in the text of
 * the function: the usual lock ... unlock pairs of one block). */
/* A lock held across an await: -Wmutex-across-await.  A blocking lock
 * (not a spinlock) that this function never releases: -Wblocking-call, as
 * it waits as long as another holder keeps it. */
static void check_locks(Lint *lt) {
  FnCtx *ctx = lt->ctx;
  for (size_t i = 0; i < lt->num_locks; i++) {
    Lock *l = &lt->locks[i];
    if (l->unlock)
      continue;
    unsigned until = ctx->fn->body.end;
    bool released = false;
    for (size_t j = i + 1; j < lt->num_locks && !released; j++)
      if (lt->locks[j].unlock && strcmp(lt->locks[j].what, l->what) == 0) {
        until = lt->locks[j].at;
        released = true;
      }
    if (!released && strcmp(lock_fns[l->kind], "pthread_spin_lock") != 0)
      warn_at(ctx->L, W_BLOCKING_CALL, l->at,
              "'%s' blocks the thread, and with it every task of this runtime, for as long as "
              "another holder keeps the lock, and this function does not release it; unlock it "
              "in this function with no await in between, or use %s",
              lock_fns[l->kind],
              l->kind >= 2 && l->kind <= 3 ? "ac_rwlock (await ac_rwlock_write_lock(&rw))"
                                           : "ac_mutex (await ac_mutex_lock(&m))");
    for (size_t a = 0; a < ctx->num_awaits; a++) {
      Await *aw = &ctx->awaits[a];
      if (!aw->evaluated || aw->range.begin <= l->at || aw->range.begin >= until)
        continue;
      if (warn_at(ctx->L, W_MUTEX_ACROSS_AWAIT, aw->range.begin,
              "'%s' is held across this await: another task of this thread that takes it "
              "deadlocks the thread, and the task may resume on another worker; use ac_mutex "
              "(await ac_mutex_lock(&m)), which may be held across awaits",
              l->what + (l->what[0] == '&')))
        diag_at(ctx->L, DIAG_NOTE, l->at, "locked here by '%s'", lock_fns[l->kind]);
      break;
    }
  }
}

void lint_async_fn(FnCtx *ctx) {
  Lint lt = {.ctx = ctx};
  body_walk(ctx, visit, &lt);
  check_locks(&lt);
  lint_plain_close(ctx);
  for (size_t i = 0; i < lt.num_locks; i++)
    free(lt.locks[i].what);
  free(lt.locks);
}
