/* asyncc prelude: injected (clang -include) into every .ac file while asyncc
 * parses it, never into the lowered C.  It makes the dialect parse as C:
 *
 *   async  a function specifier, spelled as an attribute clang keeps in the AST;
 *   await  a prefix unary operator, spelled as GNU __extension__, whose
 *          expansion location is the token `await` (a genuine __extension__
 *          is spelled elsewhere, so the two are never confused).
 *
 * It also declares the runtime's async API, so .ac files use it without an
 * include.  Identifiers starting with ac_ / AC_ are reserved for asyncc. */
#ifndef ASYNCC_PRELUDE_H
#define ASYNCC_PRELUDE_H
#define ASYNCC_DIALECT 1
#define async __attribute__((annotate("asyncc.async")))
#define await __extension__

#include <asyncc/asyncc.h>
#include <asyncc/blocking.h>
#include <asyncc/chan.h>
#include <asyncc/sync.h>
#include <asyncc/fs.h>
#include <asyncc/net.h>
#include <asyncc/signal.h>
#include <asyncc/joinset.h>
#include <asyncc/trace.h>

/* tasks (the compiler rewrites these two; see docs/language.md):
 *   ac_spawn(f(args))     starts f(args) as a new task on this thread's runtime;
 *                         the join handle, or NULL (out of memory / no runtime)
 *   ac_block_on(f(args))  from a plain C function: runs f(args) on a new
 *                         runtime on this thread and yields its result
 * The definitions below only give clang the types. */
#define ac_spawn(E) ((void)(E), (struct ac_task *)0)
#define ac_block_on(E) (E)
/* 0 with the result copied to *out (out may be NULL), or -ECANCELED if the
 * task was aborted; consumes the handle */
async int ac_task_join(struct ac_task *t, void *out);

/* await ac_timeout(ms, f(args)) / await ac_timeout(ms, v = f(args)):
 * 0 if f completed within ms milliseconds (v assigned its result), or
 * -ETIMEDOUT (f was dropped, v untouched).  Rewritten by the compiler. */
async int ac__timeout(unsigned long ms, int call);
#define ac_timeout(MS, E) ac__timeout((MS), ((void)(E), 0))

/* await ac_join(E1, ..., En):   runs the async calls Ei concurrently in this
 *                                task and completes when all have (void);
 * await ac_select(E1, ..., En): runs them until the first completes, drops
 *                                the others; the winner's 0-based index.
 * Each Ei is `f(args)` or `lvalue = f(args)` (assigned when f completes).
 * Rewritten by the compiler; the definitions only give clang the types, and
 * __VA_OPT__ lets ac_join() parse (ac_select() is rejected by the compiler). */
async void ac__join(int calls);
async int ac__select(int calls);
#define ac_join(...) ac__join(((void)0 __VA_OPT__(, __VA_ARGS__), 0))
#define ac_select(...) ac__select(((void)0 __VA_OPT__(, __VA_ARGS__), 0))

/* streams (the compiler rewrites these; see docs/language.md "Streams"):
 *   async_stream(T) g(P...) { ... ac_yield_item(E); ... }
 *                         an async generator of T items (returns void)
 *   ac_for_each(v, g(args)) body
 *                         in an async function: runs body with v = each item,
 *                         asking g for the next one only when body is done
 * The definitions below only give clang something to parse. */
/* Returns void.  The _Generic makes clang check that T names a type ("unknown
 * type name" at T otherwise): the compiler copies T's text into the frame. */
#define ac__type_checked(T) ((void)_Generic(0, T: 0, default: 0))
#define async_stream(T) \
  __attribute__((annotate("asyncc.async"), annotate("asyncc.stream"))) \
  __typeof__(ac__type_checked(T))
/* (variadic only so that a compound literal's commas need no parentheses) */
#define ac_yield_item(...) __extension__ ac__yield_item(((void)(__VA_ARGS__), 0))
#define ac_for_each(V, S) \
  for (ac__for_each_begin(((void)(S), 0)); ac__for_each_next(((void)(V), 0));)
async void ac__yield_item(int item);
/* a stream as a value (see docs/language.md "Streams"):
 *   ac_stream(T) *s = ac_stream_of(g(args));   starts nothing; s points into
 *                                              this function's frame
 *   ac_for_each(v, s) body                     in any async function s is
 *                                              passed to */
struct ac_stream;
#define ac_stream(T) __typeof__(*(ac__type_checked(T), (struct ac_stream *)0))
#define ac_stream_of(S) ((void)(S), (struct ac_stream *)0)
int ac__for_each_begin(int stream);
int ac__for_each_next(int var);

/* time */
async void ac_yield(void);
async void ac_sleep_ms(unsigned long ms);
async void ac_sleep_until(__UINT64_TYPE__ deadline_ms); /* runtime clock: ac_now_ms() */

/* blocking work on the thread pool: the value fn(arg) returned */
async void *ac_spawn_blocking(void *(*fn)(void *), void *arg);
#endif
