/* The task dump (asyncc/trace.h), runtime side: the registry of running
 * runtimes, the gate at which their threads stop for a dump, the coarse
 * clock that leaves stamp their waits with, and the leaves' trace
 * functions.
 *
 * Frames are plain memory that a runtime's threads write while they poll,
 * so a dump reads them while those threads are stopped.  The dump runs on
 * the thread that asks (ac_task_dump) or on a dedicated thread (SIGQUIT:
 * the handler only posts a semaphore), closes the gate and wakes every
 * runtime thread; each stops at its next checkpoint, between polls, where
 * none of its frames is half-written.  A thread stuck in one poll (a task
 * that never yields) does not stop: after a bounded wait the dump goes on
 * without it, and shows the task in that poll as running, untraced.  That
 * is safe because every poll announces its task before it reads the gate
 * (ac__dump_poll_begin): the dump sees the task announced, or the thread
 * sees the gate closed and stops before it polls. */
#ifndef AC__TASK_DUMP_H
#define AC__TASK_DUMP_H

#include <asyncc/trace.h>

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
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

/* ------------------------------------------------------------------ gate */

/* One thread that polls a runtime's tasks: the current-thread runtime's,
 * or a worker of a multi-thread one. */
struct ac__dump_thread {
  _Atomic(struct ac_task *) polling; /* the task in its poll, NULL between polls */
  _Atomic uint32_t poll_since;       /* coarse clock when that poll began */
  bool stopped;                      /* under the gate lock: waiting at the gate */
};

/* Nonzero while a dump runs: runtime threads stop at their next checkpoint. */
extern _Atomic unsigned ac__dump_gate;
void ac__dump_stop(struct ac__dump_thread *th);
/* The thread has left its loop for good (a worker that exits). */
void ac__dump_thread_done(struct ac__dump_thread *th);

/* A point between polls (the executor's loop turn): one relaxed load. */
static inline void ac__dump_checkpoint(struct ac__dump_thread *th) {
  if (__builtin_expect(atomic_load_explicit(&ac__dump_gate, memory_order_relaxed) != 0, 0))
    ac__dump_stop(th);
}

/* Before polling t.  The announcement and the gate's read are sequentially
 * consistent, as the dump's closing of the gate and its read of 'polling':
 * one of the two sides sees the other. */
static inline void ac__dump_poll_begin(struct ac__dump_thread *th, struct ac_task *t) {
  atomic_store_explicit(&th->poll_since, ac__coarse_now(), memory_order_relaxed);
  for (;;) {
    atomic_store(&th->polling, t);
    if (__builtin_expect(atomic_load(&ac__dump_gate) == 0, 1))
      return;
    atomic_store(&th->polling, (struct ac_task *)NULL);
    ac__dump_stop(th);
  }
}

static inline void ac__dump_poll_end(struct ac__dump_thread *th) {
  atomic_store_explicit(&th->polling, (struct ac_task *)NULL, memory_order_release);
}

/* -------------------------------------------------------------- registry */

/* One running runtime; lives in its block_on's stack frame. */
struct ac__dump_entry {
  struct ac__dump_entry *next;
  struct ac__sched *sched;
  struct ac_task *root;
  unsigned workers; /* 0: current-thread */
};

void ac__dump_register(struct ac__dump_entry *e, struct ac__sched *s, struct ac_task *root,
                       unsigned workers);
void ac__dump_unregister(struct ac__dump_entry *e);

/* "NAME" of a task for the dump: its spawned function, "root", or "?". */
const char *ac__task_name(const struct ac_task *t);

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
