/* Task state transitions (the rules are in task.h).
 *
 * Every transition is a single atomic operation on 'state', so a wake from
 * another thread can race with the executor's poll without a lock: the
 * waker either sees the task idle and queues it (it alone set SCHEDULED),
 * or sees it running and leaves a NOTIFIED mark that the executor turns
 * into a re-queue when the poll ends.  Release on the waker's side and
 * acquire on the executor's make whatever the waker wrote before waking
 * visible to the next poll. */
#include "task.h"

#include <assert.h>

_Static_assert(sizeof(struct ac_task) <= 32, "task header must stay small");

void ac__task_init(struct ac_task *t, const struct ac__task_vtable *vtable,
                   struct ac__sched *sched) {
  t->next = NULL;
  t->vtable = vtable;
  t->sched = sched;
  atomic_init(&t->state, AC__TASK_IDLE);
  atomic_init(&t->refs, 1);
}

void ac__task_wake(struct ac_task *t) {
  uint32_t s = atomic_load_explicit(&t->state, memory_order_acquire);
  uint32_t next;
  do {
    if (s & (AC__TASK_COMPLETE | AC__TASK_SCHEDULED | AC__TASK_NOTIFIED))
      return; /* already queued, already marked, or finished */
    next = (s & AC__TASK_RUNNING) ? s | AC__TASK_NOTIFIED : s | AC__TASK_SCHEDULED;
  } while (!atomic_compare_exchange_weak_explicit(&t->state, &s, next,
                                                  memory_order_acq_rel,
                                                  memory_order_acquire));
  if (next & AC__TASK_SCHEDULED)
    t->sched->schedule(t->sched, t);
}

void ac__task_begin_poll(struct ac_task *t) {
  /* While SCHEDULED no waker writes 'state', so a plain exchange suffices. */
  uint32_t old = atomic_exchange_explicit(&t->state, AC__TASK_RUNNING,
                                          memory_order_acq_rel);
  assert(old == AC__TASK_SCHEDULED);
  (void)old;
}

bool ac__task_end_poll(struct ac_task *t) {
  uint32_t s = AC__TASK_RUNNING;
  if (atomic_compare_exchange_strong_explicit(&t->state, &s, AC__TASK_IDLE,
                                              memory_order_acq_rel,
                                              memory_order_acquire))
    return false;
  /* Woken during the poll.  With NOTIFIED set wakers write nothing, so
   * storing SCHEDULED cannot lose a wake. */
  assert(s == (AC__TASK_RUNNING | AC__TASK_NOTIFIED));
  atomic_store_explicit(&t->state, AC__TASK_SCHEDULED, memory_order_release);
  return true;
}

void ac__task_complete(struct ac_task *t) {
  atomic_store_explicit(&t->state, AC__TASK_COMPLETE, memory_order_release);
}

bool ac__task_is_complete(struct ac_task *t) {
  return atomic_load_explicit(&t->state, memory_order_acquire) & AC__TASK_COMPLETE;
}

void ac__task_ref(struct ac_task *t) {
  atomic_fetch_add_explicit(&t->refs, 1, memory_order_relaxed);
}

void ac__task_unref(struct ac_task *t) {
  if (!t->vtable->dealloc)
    return; /* not counted: the block_on root */
  if (atomic_fetch_sub_explicit(&t->refs, 1, memory_order_acq_rel) == 1)
    t->vtable->dealloc(t);
}

/* ------------------------------------------------------------ public API */

void ac_task_ref(struct ac_task *task) { ac__task_ref(task); }

void ac_task_unref(struct ac_task *task) { ac__task_unref(task); }

struct ac_task *ac_cx_task(struct ac_cx *cx) { return cx->task; }

void ac_task_wake(struct ac_task *task) { ac__task_wake(task); }

void ac_cx_wake(struct ac_cx *cx) { ac__task_wake(cx->task); }
