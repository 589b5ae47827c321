/* The forms of the dialect: the macros that make `await`, tasks, timeouts,
 * join/select and streams parse as C.  The prelude declares what they expand
 * to.  asyncc's own parse of a .ac defines these only after the backend's
 * preprocessor has run (so a user's macro may write `await` anywhere: the
 * backend expands the user's macros, clang these); other tools get them from
 * the prelude.
 *
 *   await  a prefix unary operator, spelled as GNU __extension__, whose
 *          expansion location is the token `await` (a genuine __extension__
 *          is spelled elsewhere, so the two are never confused). */
#ifndef ASYNCC_FORMS_H
#define ASYNCC_FORMS_H
#ifndef async
#define async __attribute__((annotate("asyncc.async")))
#endif
#define await __extension__

/* tasks (the compiler rewrites these two; see docs/language.md):
 *   ac_spawn(f(args))     starts f(args) as a new task on this thread's runtime;
 *                         the join handle, or NULL (out of memory / no runtime)
 *   ac_block_on(f(args))  from a plain C function: runs f(args) on a new
 *                         runtime on this thread and yields its result
 * The definitions below only give clang the types. */
#define ac_spawn(E) ((void)(E), (struct ac_task *)0)
#define ac_block_on(E) (E)

/* await ac_timeout(ms, f(args)) / await ac_timeout(ms, v = f(args)):
 * 0 if f completed within ms milliseconds (v assigned its result), or
 * -ETIMEDOUT (f was dropped, v untouched).  Rewritten by the compiler. */
#define ac_timeout(MS, E) ac__timeout((MS), ((void)(E), 0))

/* await ac_join(E1, ..., En):   runs the async calls Ei concurrently in this
 *                                task and completes when all have (void);
 * await ac_select(E1, ..., En): runs them until the first completes, drops
 *                                the others; the winner's 0-based index.
 * Each Ei is `f(args)` or `lvalue = f(args)` (assigned when f completes).
 * Rewritten by the compiler; the definitions only give clang the types, and
 * __VA_OPT__ lets ac_join() parse (ac_select() is rejected by the compiler). */
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
/* a stream as a value (see docs/language.md "Streams"):
 *   ac_stream(T) *s = ac_stream_of(g(args));   starts nothing; s points into
 *                                              this function's frame
 *   ac_for_each(v, s) body                     in any async function s is
 *                                              passed to */
#define ac_stream(T) __typeof__(*(ac__type_checked(T), (struct ac_stream *)0))
#define ac_stream_of(S) ((void)(S), (struct ac_stream *)0)

#ifdef __ASYNCC_GCC_BACKEND
#include "gcc_compat.h" /* next to this file */
#endif
#endif
