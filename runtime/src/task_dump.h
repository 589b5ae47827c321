/* The task dump (asyncc/trace.h), runtime side: the registry of running
 * runtimes and the gate at which their threads stop for a dump.
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

#include "coarse_clock.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

struct ac__sched;
struct ac_task;

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

/* What the dump needs of a runtime's executor, which block_on.c fills in:
 * the dump knows no executor. */
struct ac__dump_ops {
  /* Thread i (i < the entry's thread count) of the runtime. */
  struct ac__dump_thread *(*thread)(struct ac__sched *s, unsigned i);
  /* The calling thread's index among them, or -1. */
  int (*caller)(struct ac__sched *s);
  /* Wakes every parked thread, so that it reaches its checkpoint. */
  void (*unpark_all)(struct ac__sched *s);
};

/* One running runtime; lives in its block_on's stack frame. */
struct ac__dump_entry {
  struct ac__dump_entry *next;
  struct ac__sched *sched;
  const struct ac__dump_ops *ops;
  struct ac_task *root;
  unsigned workers; /* 0: current-thread */
};

void ac__dump_register(struct ac__dump_entry *e, struct ac__sched *s,
                       const struct ac__dump_ops *ops, struct ac_task *root, unsigned workers);
void ac__dump_unregister(struct ac__dump_entry *e);

#endif
