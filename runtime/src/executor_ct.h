/* The current-thread executor: polls tasks on the thread that calls
 * ac__executor_ct_block_on, and parks that thread in the driver when no
 * task is runnable.  Its thread alone writes the state of its tasks (rule 1
 * of task.h); wakes from other threads go through a locked injection list
 * and an eventfd unpark. */
#ifndef AC__EXECUTOR_CT_H
#define AC__EXECUTOR_CT_H

#include "driver.h"
#include "task.h"
#include "task_dump.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>

/* Tasks polled between two looks at the driver, so that tasks that keep
 * waking themselves (ac_yield loops) cannot starve timers and I/O.  61, as
 * tokio's event_interval: prime, so it does not beat with task counts. */
#define AC__EVENT_INTERVAL 61

struct ac__executor_ct {
  struct ac__sched sched;         /* first member: wakes arrive here */
  struct ac__task_queue run;      /* runnable; owner thread only */
  pthread_mutex_t inject_lock;
  /* Tasks woken by other threads, each once (AC__REF_INJECTED) and with a
   * reference; under inject_lock.  Not linked through 'next', which is the
   * run queue's while the task sits there. */
  struct ac_task **inject;
  size_t inject_len, inject_cap;
  atomic_bool inject_pending;     /* set by foreign wakers, cleared by the owner */
  struct ac__driver driver;
  struct ac__task_arena arena;    /* every task but the root */
  struct ac__dump_thread dump;    /* where ac_task_dump stops it (task_dump.h) */
};

/* 0 or a negative errno (nothing to destroy then). */
int ac__executor_ct_init(struct ac__executor_ct *ex);
void ac__executor_ct_destroy(struct ac__executor_ct *ex);

/* Runs until 'root' (initialized, not yet scheduled) completes.  Returns 0,
 * or a negative errno after dropping every unfinished task, root included:
 * -EDEADLK if this thread already runs a runtime, or a driver error. */
int ac__executor_ct_block_on(struct ac__executor_ct *ex, struct ac_task *root);

#endif
