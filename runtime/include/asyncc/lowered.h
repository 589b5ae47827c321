/* Included at the top of every C file asyncc generates from a .ac file. */
#ifndef ASYNCC_LOWERED_H
#define ASYNCC_LOWERED_H
#include <asyncc/asyncc.h>
#include <asyncc/blocking.h>
#include <asyncc/chan.h>
#include <asyncc/sync.h>
#include <asyncc/fs.h>
#include <asyncc/net.h>
#include <asyncc/signal.h>
#include <asyncc/joinset.h>
#include <asyncc/trace.h>

/* The state of a frame that has completed (or was dropped). */
#define AC_STATE_DONE 0xFFFFFFFFu

/* The poll of a function with hundreds of awaits (emit.c): gcc -O2 spends
 * time superlinear in its resume states (RTL PRE, -fgcse, was 9 of 17 s
 * for 4,000 awaits) and finds little in a poll that size; at -O1 it takes
 * 0.6 of the -O2 time (2,000 awaits).  The hot polls are small and keep
 * every optimization; other compilers are left as they are. */
#if defined(__GNUC__) && !defined(__clang__) && defined(__OPTIMIZE__)
#define AC__LARGE_POLL __attribute__((__optimize__("O1", "no-gcse")))
#else
#define AC__LARGE_POLL
#endif

/* The generated functions off the hot path: f__trace (task dumps only) and
 * f__block_on (plain C's entry, once per call of a whole task).  gcc -O2
 * compiles them without optimization: they took it as long as the polls
 * that run, over a file of many small async functions. */
#if defined(__GNUC__) && !defined(__clang__) && defined(__OPTIMIZE__)
#define AC__COLD __attribute__((__cold__, __optimize__("O0")))
#else
#define AC__COLD __attribute__((__cold__))
#endif

/* ac_block_on(f(args)) lowers to a block_on of f's frame; when the runtime
 * refuses (it already printed why: called on a runtime thread, or the
 * runtime could not start) the program stops, as there is no result. */
void abort(void);
static inline void ac__block_on_check(int rc) {
  if (rc != 0)
    abort();
}

/* ac_timeout's "timed out" result, -ETIMEDOUT.  Spelled as a number: a libc
 * header included here, before the user's code, would fix the feature
 * macros (_GNU_SOURCE, ...) before the user's own #define could set them.
 * (The public headers use __UINT64_TYPE__ rather than <stdint.h> for the
 * same reason; time.c checks the value against <errno.h>.) */
#define AC__ETIMEDOUT 110

/* Async prototypes in headers shared with plain C lower to nothing special. */
#ifndef async
#define async
#endif
/* A stream as a value: the generator's frame and how to drive it.  The
 * lowering gives each item type T a struct ac_stream__<T> that wraps it. */
struct ac_stream_raw {
  void *frame;
  ac_poll (*poll)(void *frame, struct ac_cx *cx);
  void (*drop)(void *frame);
  const unsigned *state;
  const void *item;
};

#ifndef async_stream
#define async_stream(T) void
#endif
#endif
