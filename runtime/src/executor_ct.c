/* The current-thread executor (see executor_ct.h).
 *
 * One turn of the loop, in order:
 *   1. run   poll up to AC__EVENT_INTERVAL queued tasks, FIFO; a task woken
 *            while it ran goes to the back;
 *   2. take  apply the wakes of other threads (their tasks join the run queue);
 *   3. park  ask the driver for I/O and due timers: block until the next
 *            timer, fd or unpark if nothing is runnable, else only look.
 * The loop ends when the root task completes.
 *
 * Shutdown: empty the queues without polling, drop the root and then every
 * unfinished task of the arena (their drops may wake joiners: queued again,
 * emptied again), and release the live references only when no queue
 * points at a task any more.  What is left (tasks whose handles were never
 * given up) goes with the arena in ac__executor_ct_destroy.
 *
 * Foreign wakes.  Only the owner thread writes a task's 'state' (rule 1 of
 * task.h), so that its wakes and polls need no atomic read-modify-write.
 * Another thread sets AC__REF_INJECTED in the task's 'refs' together with
 * one reference (a task already marked is already on its way), appends it
 * to 'inject' under inject_lock, then raises inject_pending and, if it was
 * not yet raised, unparks the driver.  The owner clears the flag before it
 * takes the list, so a push it misses finds the flag cleared and unparks;
 * it applies each wake as its own and then drops the mark and the
 * reference in one step (a wake that finds the mark still set meanwhile
 * is covered: the task is queued by then).  The unpark happens under the
 * lock so that the executor, which takes the lock before it is destroyed,
 * never outlives a waker still touching it. */
#include "executor_ct.h"

#include "context.h"
#include "task_dump.h"

#include <errno.h>
#include <sched.h>
#include <stdlib.h>

enum { INJECT_INITIAL = 16 };

/* Room for one more entry in 'inject' (lock held): grows it or, with no
 * memory to grow it, lets the owner empty it (a wake cannot fail). */
static void inject_reserve(struct ac__executor_ct *ex) {
  while (ex->inject_len == ex->inject_cap) {
    size_t cap = 2 * ex->inject_cap;
    struct ac_task **grown = realloc(ex->inject, cap * sizeof *grown);
    if (grown) {
      ex->inject = grown;
      ex->inject_cap = cap;
      return;
    }
    if (!atomic_exchange(&ex->inject_pending, true))
      ac__driver_unpark(&ex->driver);
    pthread_mutex_unlock(&ex->inject_lock);
    sched_yield();
    pthread_mutex_lock(&ex->inject_lock);
  }
}

/* A wake of one of our tasks from another thread (the caller keeps 't'
 * alive during the call). */
static void wake_foreign(struct ac__sched *s, struct ac_task *t) {
  struct ac__executor_ct *ex = (struct ac__executor_ct *)s;
  pthread_mutex_lock(&ex->inject_lock);
  inject_reserve(ex);
  if (ac__task_mark_injected(t)) { /* else an earlier wake covers this one */
    ex->inject[ex->inject_len++] = t;
    if (!atomic_exchange(&ex->inject_pending, true))
      ac__driver_unpark(&ex->driver);
  }
  pthread_mutex_unlock(&ex->inject_lock);
}

/* The owner applies the wakes of other threads (inject_lock held). */
static void apply_injected(struct ac__executor_ct *ex) {
  for (size_t i = 0; i < ex->inject_len; i++) {
    ac__task_wake_local(ex->inject[i], &ex->run);
    ac__task_unmark_injected(ex->inject[i]);
  }
  ex->inject_len = 0;
}

int ac__executor_ct_init(struct ac__executor_ct *ex) {
  int err;
  ex->sched.schedule = NULL;
  ex->sched.local_run = &ex->run;
  ex->sched.wake_foreign = wake_foreign;
  ex->sched.arena = &ex->arena;
  ac__arena_init(&ex->arena, &ex->sched, NULL);
  ex->sched.driver = &ex->driver;
  ex->run = (struct ac__task_queue){0};
  ex->dump = (struct ac__dump_thread){0};
  ex->inject_len = 0;
  ex->inject_cap = INJECT_INITIAL;
  ex->inject = malloc(INJECT_INITIAL * sizeof *ex->inject);
  if (!ex->inject)
    return -ENOMEM;
  atomic_init(&ex->inject_pending, false);
  err = -pthread_mutex_init(&ex->inject_lock, NULL);
  if (err) {
    free(ex->inject);
    return err;
  }
  err = ac__driver_init(&ex->driver, false);
  if (err) {
    pthread_mutex_destroy(&ex->inject_lock);
    free(ex->inject);
  }
  return err;
}

void ac__executor_ct_destroy(struct ac__executor_ct *ex) {
  /* Wait out a foreign waker still inside schedule(). */
  pthread_mutex_lock(&ex->inject_lock);
  pthread_mutex_unlock(&ex->inject_lock);
  ac__arena_destroy(&ex->arena);
  pthread_mutex_destroy(&ex->inject_lock);
  free(ex->inject);
  ac__driver_destroy(&ex->driver);
}

static void take_injected(struct ac__executor_ct *ex) {
  if (!atomic_load_explicit(&ex->inject_pending, memory_order_acquire))
    return;
  atomic_store(&ex->inject_pending, false);
  pthread_mutex_lock(&ex->inject_lock);
  apply_injected(ex);
  pthread_mutex_unlock(&ex->inject_lock);
}

/* true if 't' completed (it may be gone then).  'cx' is the loop's, its
 * driver set once: per poll only the task and the budget are stored. */
static bool run_task(struct ac__executor_ct *ex, struct ac_cx *cx, struct ac_task *t) {
  cx->task = t;
  cx->budget = AC__COOP_BUDGET;
  ac__dump_poll_begin(&ex->dump, t);
  ac__task_begin_poll(t);
  bool ready = ac__task_poll(t, cx) == AC_READY;
  ac__dump_poll_end(&ex->dump);
  if (ready)
    return true; /* t may be gone */
  if (ac__task_end_poll_local(t))
    ac__task_queue_push(&ex->run, t);
  return false;
}

/* Applies the injected wakes and empties the run queue without polling:
 * every task in it is the root or a live spawned task, which shutdown
 * drops below. */
static void drain_queues(struct ac__executor_ct *ex) {
  pthread_mutex_lock(&ex->inject_lock);
  apply_injected(ex);
  pthread_mutex_unlock(&ex->inject_lock);
  while (ac__task_queue_pop(&ex->run))
    ;
}

int ac__executor_ct_block_on(struct ac__executor_ct *ex, struct ac_task *root) {
  struct ac_cx cx = {.driver = &ex->driver};
  bool idle;
  int err = ac__context_enter(&ex->sched);
  if (err)
    return err;
  ac__task_wake(root); /* first poll */

  for (;;) {
    /* 1. run */
    for (int n = 0; n < AC__EVENT_INTERVAL; n++) {
      struct ac_task *t = ac__task_queue_pop(&ex->run);
      if (!t)
        break;
      /* only the root's own poll completes it (t may be gone, but the
       * root never is: comparing the pointer is safe) */
      if (run_task(ex, &cx, t) && t == root)
        goto out;
    }
    /* 2. take */
    take_injected(ex);
    ac__dump_checkpoint(&ex->dump); /* between polls: every frame at rest */
    /* 3. park; about to block, give memory back (not per task: see
     * ac__arena_trim) */
    idle = ac__task_queue_empty(&ex->run);
    ex->driver.wake_at = idle && ex->arena.class_bytes > AC__ARENA_RESERVE
                             ? ac__arena_trim(&ex->arena, ac__driver_now_ms(&ex->driver))
                             : 0;
    err = ac__driver_park(&ex->driver, idle);
    if (err)
      goto out;
  }

out:
  /* Shutdown: drop the root, then every spawned task still live (their
   * drops may wake joiners: queued again, drained again), and free the
   * spawned tasks only when no queue points at them. */
  drain_queues(ex);
  ac__tasks_shutdown_drop(&ex->arena, root);
  drain_queues(ex);
  ac__tasks_release_live(&ex->arena);
  ac__dump_thread_done(&ex->dump); /* a dump until unregistered need not wait */
  ac__context_exit();
  return err;
}
