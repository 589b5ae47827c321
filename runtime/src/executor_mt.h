/* The multi-thread executor: N workers with work-stealing, tokio's
 * multi_thread scheduler in C.  The thread that calls
 * ac__executor_mt_block_on is worker 0; it starts workers 1..N-1 and joins
 * them when the root task completes.  The design and the run loop are in
 * executor_mt.c. */
#ifndef AC__EXECUTOR_MT_H
#define AC__EXECUTOR_MT_H

#include "driver.h"
#include "local_queue.h"
#include "task.h"
#include "task_dump.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

/* Polls in a row given to tasks woken into the LIFO slot, so that two
 * tasks handing a message back and forth cannot starve the run queue. */
#define AC__MT_MAX_LIFO_POLLS 3
#define AC__MT_MAX_WORKERS 1024

struct ac__executor_mt;

/* One worker.  Fields marked "owner" are touched by the worker's thread
 * only; the parking fields by anyone, as noted. */
struct ac__worker {
  struct ac__executor_mt *ex;
  unsigned index;
  struct ac__local_queue run;   /* owner pushes/pops; others steal */
  struct ac_task *lifo;         /* owner: woken by the task being polled */
  bool in_poll;                 /* owner: a task poll is running */
  bool in_driver;               /* owner: blocked in the driver (listed asleep) */
  bool searching;               /* owner: counted in num_searching */
  uint32_t tick;                /* owner: polls so far */
  uint32_t rng;                 /* owner: victim choice */
  _Atomic uint64_t lifo_polls;  /* owner writes (no RMW); statistics */
  _Atomic unsigned park_state;  /* EMPTY/NOTIFIED/PARKED_* (executor_mt.c) */
  pthread_mutex_t park_lock;    /* with park_cond: the condvar sleep */
  pthread_cond_t park_cond;
  bool asleep;                  /* under idle_lock: listed in ex->sleepers */
  bool woken_searching;         /* under idle_lock: unparked as a searcher */
  pthread_t thread;
  struct ac__dump_thread dump;  /* where ac_task_dump stops it (task_dump.h) */
};

struct ac__executor_mt {
  struct ac__sched sched;        /* first member: wakes arrive here */
  unsigned nworkers;
  struct ac__worker *workers;
  /* The global injection queue: foreign wakes, overflow, every 61st poll. */
  pthread_mutex_t global_lock;
  struct ac__task_queue global;  /* under global_lock */
  _Atomic size_t global_len;     /* written under global_lock; read anywhere */
  /* Idle workers (tokio's idle.rs). */
  pthread_mutex_t idle_lock;
  unsigned *sleepers;            /* under idle_lock: stack of worker indices */
  unsigned nsleepers;
  _Atomic unsigned num_searching;
  _Atomic unsigned num_unparked;
  /* The one driver; the worker holding driver_lock may park in it. */
  pthread_mutex_t driver_lock;
  struct ac__driver driver;
  pthread_mutex_t spawn_lock;    /* the arena's lock */
  struct ac__task_arena arena;   /* every task but the root */
  struct ac_task *root;
  _Atomic bool shutdown;
  _Atomic int err;               /* first driver error */
  /* Statistics, for tests and tuning. */
  _Atomic uint64_t steal_ops;    /* successful steals */
  _Atomic uint64_t stolen;       /* tasks moved by them */
};

/* 0 or a negative errno (nothing to destroy then).  'nworkers' >= 1. */
int ac__executor_mt_init(struct ac__executor_mt *ex, unsigned nworkers);
void ac__executor_mt_destroy(struct ac__executor_mt *ex);

/* Runs until 'root' (initialized, not yet scheduled) completes, on this
 * thread and nworkers - 1 others.  Returns 0, or a negative errno after
 * dropping every unfinished task, root included: -EDEADLK if this thread
 * already runs a runtime, or a driver error.  If a worker thread cannot be
 * started, runs with fewer. */
int ac__executor_mt_block_on(struct ac__executor_mt *ex, struct ac_task *root);

/* Counters since the executor started, for tests and tuning. */
struct ac__mt_stats {
  uint64_t steal_ops;  /* successful steals */
  uint64_t stolen;     /* tasks they moved */
  uint64_t lifo_polls; /* polls of a task taken from a LIFO slot */
};
void ac__executor_mt_stats(struct ac__executor_mt *ex, struct ac__mt_stats *out);

/* The multi-thread executor whose scheduler is 's', or NULL if 's' is not
 * one (for tests: ac__context_current() inside a task). */
struct ac__executor_mt *ac__executor_mt_of(struct ac__sched *s);
/* Wakes every worker (ac_task_dump: they come to their checkpoint). */
void ac__executor_mt_unpark_all(struct ac__executor_mt *ex);

#endif
