/* The task dump (asyncc/trace.h), runtime side: the registry of running
 * runtimes, the request check the executors make when they park, the
 * coarse clock that leaves stamp their waits with, and the leaves' trace
 * functions.
 *
 * Why the dump runs on the runtime's own thread: frames are plain memory
 * that the runtime's thread writes while it polls, so only that thread can
 * read them consistently.  A request (ac_task_dump from another thread, or
 * SIGQUIT) is recorded in an atomic counter and the runtime's driver is
 * unparked; the executor compares the counter with what it last served
 * once per loop turn, before it parks (one relaxed load per turn, not per
 * poll), and dumps there, between polls, where every frame is at rest. */
#ifndef AC__TASK_DUMP_H
#define AC__TASK_DUMP_H

#include <asyncc/trace.h>

#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>

struct ac__sched;
struct ac_task;

/* ---------------------------------------------------------- coarse clock
 * The low 32 bits of ac_now_ms() at the last driver turn of any runtime.
 * Leaves stamp the start of a wait with it: a relaxed load, no clock read.
 * Written only when it changed, so the line it sits on stays shared. */
extern _Atomic uint32_t ac__coarse_ms;
static inline uint32_t ac__coarse_now(void) {
  return atomic_load_explicit(&ac__coarse_ms, memory_order_relaxed);
}
static inline void ac__coarse_set(uint64_t now_ms) {
  uint32_t v = (uint32_t)now_ms;
  if (atomic_load_explicit(&ac__coarse_ms, memory_order_relaxed) != v)
    atomic_store_explicit(&ac__coarse_ms, v, memory_order_relaxed);
}

/* -------------------------------------------------------------- registry */

/* One running runtime; lives in its block_on's stack frame. */
struct ac__dump_entry {
  struct ac__dump_entry *next;
  struct ac__sched *sched;
  struct ac_task *root;
  unsigned workers;            /* 0: current-thread */
  unsigned sig_seen, api_seen; /* requests served; under the registry lock */
};

/* Bumped by every request (signal or call). */
extern _Atomic unsigned ac__dump_requests;
/* ac__dump_requests when this thread last looked. */
extern _Thread_local unsigned ac__dump_seen;

void ac__dump_register(struct ac__dump_entry *e, struct ac__sched *s, struct ac_task *root,
                       unsigned workers);
void ac__dump_unregister(struct ac__dump_entry *e);
void ac__dump_serve_slow(void);
/* The executor's check, once per loop turn before it parks: serves the
 * requests made since, for the runtime this thread runs. */
static inline void ac__dump_serve(void) {
  if (__builtin_expect(atomic_load_explicit(&ac__dump_requests, memory_order_relaxed) !=
                           ac__dump_seen,
                       0))
    ac__dump_serve_slow();
}

/* ------------------------------------------------ the leaves' trace functions
 * Each is `void x__trace(const void *frame, struct ac_trace *t)`; generated
 * code reaches them through weak references (a leaf without one is shown
 * by name only). */
#define AC__LEAF_TRACE(x) void x##__trace(const void *frame, struct ac_trace *t)
AC__LEAF_TRACE(ac_yield);
AC__LEAF_TRACE(ac_sleep_ms);
AC__LEAF_TRACE(ac_sleep_until);
AC__LEAF_TRACE(ac_task_join);
AC__LEAF_TRACE(ac_join_set_next);
AC__LEAF_TRACE(ac_spawn_blocking);
AC__LEAF_TRACE(ac_chan_send);
AC__LEAF_TRACE(ac_chan_recv);
AC__LEAF_TRACE(ac_oneshot_recv);
AC__LEAF_TRACE(ac_bcast_recv);
AC__LEAF_TRACE(ac_sem_acquire);
AC__LEAF_TRACE(ac_mutex_lock);
AC__LEAF_TRACE(ac_rwlock_read_lock);
AC__LEAF_TRACE(ac_rwlock_write_lock);
AC__LEAF_TRACE(ac_notified);
AC__LEAF_TRACE(ac_read);
AC__LEAF_TRACE(ac_write);
AC__LEAF_TRACE(ac_read_exact);
AC__LEAF_TRACE(ac_write_all);
AC__LEAF_TRACE(ac_tcp_accept);
AC__LEAF_TRACE(ac_tcp_connect);
AC__LEAF_TRACE(ac_fd_readable);
AC__LEAF_TRACE(ac_fd_writable);
AC__LEAF_TRACE(ac_udp_send_to);
AC__LEAF_TRACE(ac_udp_recv_from);
AC__LEAF_TRACE(ac_signal);

/* A waiting fd operation: "fd 7 readable (since ...)". */
struct ac_io_op;
void ac__io_op_trace(const struct ac_io_op *op, int fd, const char *what, struct ac_trace *t);
/* A frame queued on a wait queue (struct ac_waiter): what on, since when
 * (read under the primitive's spinlock 'lock'). */
struct ac_waiter;
void ac__waiter_trace(_Atomic unsigned char *lock, const struct ac_waiter *w, unsigned frame_state,
                      const char *what, const void *obj, struct ac_trace *t);

#endif
