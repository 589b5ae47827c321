/* The current-thread executor (see executor_ct.h).
 *
 * One turn of the loop, in order:
 *   1. run   poll up to AC__EVENT_INTERVAL queued tasks, FIFO; a task woken
 *            while it ran goes to the back;
 *   2. take  move tasks woken from other threads into the run queue;
 *   3. park  ask the driver for I/O and due timers: block until the next
 *            timer, fd or unpark if nothing is runnable, else only look.
 * The loop ends when the root task completes.
 *
 * Foreign wakes: push under inject_lock, then raise inject_pending and, if
 * it was not yet raised, unpark the driver.  The owner clears the flag
 * before it takes the queue, so a push it misses finds the flag cleared and
 * unparks.  The unpark happens under the lock so that the executor, which
 * takes the lock before it is destroyed, never outlives a waker still
 * touching it. */
#include "executor_ct.h"

#include "context.h"

#include <errno.h>

static void schedule(struct ac__sched *s, struct ac_task *t) {
  struct ac__executor_ct *ex = (struct ac__executor_ct *)s;
  if (ac__context_current() == s) {
    ac__task_queue_push(&ex->run, t);
    return;
  }
  pthread_mutex_lock(&ex->inject_lock);
  ac__task_queue_push(&ex->inject, t);
  if (!atomic_exchange(&ex->inject_pending, true))
    ac__driver_unpark(&ex->driver);
  pthread_mutex_unlock(&ex->inject_lock);
}

int ac__executor_ct_init(struct ac__executor_ct *ex) {
  int err;
  ex->sched.schedule = schedule;
  ex->sched.live = NULL;
  ex->sched.driver = &ex->driver;
  ex->sched.lock = NULL; /* one thread: spawn bookkeeping needs no lock */
  ex->run = (struct ac__task_queue){0};
  ex->inject = (struct ac__task_queue){0};
  atomic_init(&ex->inject_pending, false);
  err = -pthread_mutex_init(&ex->inject_lock, NULL);
  if (err)
    return err;
  err = ac__driver_init(&ex->driver);
  if (err)
    pthread_mutex_destroy(&ex->inject_lock);
  return err;
}

void ac__executor_ct_destroy(struct ac__executor_ct *ex) {
  /* Wait out a foreign waker still inside schedule(). */
  pthread_mutex_lock(&ex->inject_lock);
  pthread_mutex_unlock(&ex->inject_lock);
  pthread_mutex_destroy(&ex->inject_lock);
  ac__driver_destroy(&ex->driver);
}

static void take_injected(struct ac__executor_ct *ex) {
  if (!atomic_load_explicit(&ex->inject_pending, memory_order_acquire))
    return;
  atomic_store(&ex->inject_pending, false);
  pthread_mutex_lock(&ex->inject_lock);
  ac__task_queue_append(&ex->run, &ex->inject);
  pthread_mutex_unlock(&ex->inject_lock);
}

static void run_task(struct ac__executor_ct *ex, struct ac_task *t) {
  struct ac_cx cx = {.task = t, .driver = &ex->driver, .budget = AC__COOP_BUDGET};
  ac__task_begin_poll(t);
  if (t->vtable->poll(t, &cx) == AC_READY) {
    ac__task_complete(t);
    if (t->vtable->finish)
      t->vtable->finish(t); /* may free t */
    return;
  }
  if (ac__task_end_poll(t))
    ac__task_queue_push(&ex->run, t);
}

/* Empties the run and injection queues without polling: every task in
 * them is the root or a live spawned task, which shutdown drops below. */
static void drain_queues(struct ac__executor_ct *ex) {
  pthread_mutex_lock(&ex->inject_lock);
  ac__task_queue_append(&ex->run, &ex->inject);
  pthread_mutex_unlock(&ex->inject_lock);
  while (ac__task_queue_pop(&ex->run))
    ;
}

int ac__executor_ct_block_on(struct ac__executor_ct *ex, struct ac_task *root) {
  int err = ac__context_enter(&ex->sched);
  if (err)
    return err;
  root->sched = &ex->sched;
  ac__task_wake(root); /* first poll */

  for (;;) {
    /* 1. run */
    for (int n = 0; n < AC__EVENT_INTERVAL; n++) {
      struct ac_task *t = ac__task_queue_pop(&ex->run);
      if (!t)
        break;
      run_task(ex, t);
      if (ac__task_is_complete(root))
        goto out;
    }
    /* 2. take */
    take_injected(ex);
    /* 3. park */
    err = ac__driver_park(&ex->driver, ac__task_queue_empty(&ex->run));
    if (err)
      goto out;
  }

out:
  /* Shutdown: drop the root, then every spawned task still live (their
   * drops may wake joiners: queued again, drained again), and free the
   * spawned tasks only when no queue points at them. */
  drain_queues(ex);
  if (!ac__task_is_complete(root)) {
    root->vtable->drop(root);
    ac__task_complete(root);
  }
  ac__spawn_shutdown_drop(&ex->sched);
  drain_queues(ex);
  ac__spawn_shutdown_release(&ex->sched);
  ac__context_exit();
  return err;
}
