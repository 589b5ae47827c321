/* Wait queues behind every channel and sync primitive.
 *
 * Each primitive is one small spinlock (spinlock.h) plus FIFO queues of
 * struct ac_waiter nodes that live in the waiting frames (asyncc/waiter.h).
 * An operation that completes at once costs a single atomic
 * read-modify-write: the lock's exchange.  Critical sections never call
 * out (no wake, no allocation except an unbounded channel growing).
 *
 * Waking outside the lock.  A waker must not call ac_task_wake() with the
 * lock held (the wake may take an executor's injection lock and write an
 * eventfd), yet once the lock is released the woken frame could complete
 * and its task be freed.  So a wake has three steps, and the node's
 * 'state' tells the frame where the waker is:
 *
 *   QUEUED     in the queue; the frame waits.
 *   NOTIFYING  the waker dequeued it under the lock and set 'result'; it
 *              is about to wake the task.  The frame must not complete,
 *              nor be dropped, yet: its poll or drop spins until ...
 *   WOKEN      ... the waker, after ac_task_wake(), stores WOKEN (release)
 *              and never touches the node or the task again.
 *
 * The spin is as long as one ac_task_wake() and only happens when a frame
 * is polled or dropped in that instant, which a frame's own wake cannot
 * cause before WOKEN (the wake is what lets it run).  No task reference is
 * taken, so a wake costs no extra atomic operations.
 *
 * Wakers collect the dequeued nodes in a local list (through 'next') while
 * they hold the lock and wake them all after unlocking (ac__wake_list). */
#ifndef AC__WAITQ_H
#define AC__WAITQ_H

#include <asyncc/asyncc.h>
#include <asyncc/waiter.h>

#include "coarse_clock.h"
#include "leaf_trace.h"
#include "spinlock.h"
#include "task.h"

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>

#define ac__container_of(ptr, type, member) ((type *)((char *)(ptr) - offsetof(type, member)))

/* ---------------------------------------------------------- wait queues */

/* The states of every waiting leaf's frame (besides AC_STATE_DONE). */
enum { OP_UNSTARTED = AC__OP_UNSTARTED, OP_WAITING = AC__OP_WAITING };

static inline void ac__waitq_init(struct ac_waitq *q) {
  q->head = NULL;
  q->tailp = &q->head;
}

static inline bool ac__waitq_empty(const struct ac_waitq *q) { return q->head == NULL; }

static inline void ac__waiter_init(struct ac_waiter *w) {
  w->next = NULL;
  w->pprev = NULL;
  w->task = NULL;
  atomic_init(&w->state, AC__W_IDLE);
  w->result = 0;
}

static inline bool ac__waiter_queued(const struct ac_waiter *w) { return w->pprev != NULL; }

/* Appends 'w' for 'task' (lock held), whatever its fields held before:
 * for a frame's first wait, so that its init need not set up the node. */
static inline void ac__waitq_push_new(struct ac_waitq *q, struct ac_waiter *w, struct ac_task *task) {
  w->task = task;
  /* unused while queued: when the wait started, for ac_task_dump (the
   * waker overwrites it with the result) */
  w->result = (int32_t)ac__coarse_now();
  atomic_store_explicit(&w->state, AC__W_QUEUED, memory_order_relaxed);
  w->next = NULL;
  w->pprev = q->tailp;
  *q->tailp = w;
  q->tailp = &w->next;
}

/* Appends 'w' for 'task' (lock held).  A node still queued (polled again
 * before its wake) keeps its place. */
static inline void ac__waitq_push(struct ac_waitq *q, struct ac_waiter *w, struct ac_task *task) {
  if (!w->pprev)
    ac__waitq_push_new(q, w, task);
}

/* Only 'pprev' is cleared ('next' means nothing out of a queue): clearing
 * both lets the compiler merge them into one 16-byte store, and the 8-byte
 * loads of the same node that follow (the next push and unlink) then wait
 * for it instead of being forwarded from it (W2: 8% slower). */
static inline void ac__waitq_unlink(struct ac_waitq *q, struct ac_waiter *w) {
  *w->pprev = w->next;
  if (w->next)
    w->next->pprev = w->pprev;
  else
    q->tailp = w->pprev;
  w->pprev = NULL;
}

/* The frame takes its own queued 'w' out (lock held); back to IDLE. */
static inline void ac__waitq_remove(struct ac_waitq *q, struct ac_waiter *w) {
  ac__waitq_unlink(q, w);
  atomic_store_explicit(&w->state, AC__W_IDLE, memory_order_relaxed);
}

/* A list of dequeued waiters to wake once the lock is released, in the
 * order they were dequeued (so tasks run in grant order).  Starts as
 * {0}: 'last' is NULL while the list is empty. */
struct ac__wake_list {
  struct ac_waiter *head, *last;
};

/* Dequeues 'w' (lock held) and tells it 'result'; the caller wakes it
 * with ac__waiter_wake once the lock is released. */
static inline void ac__waitq_detach(struct ac_waitq *q, struct ac_waiter *w, int32_t result) {
  /* Straight from QUEUED to NOTIFYING: the frame reads 'state' without
   * the lock, and must never see it IDLE before its result is final. */
  ac__waitq_unlink(q, w);
  w->result = result;
  atomic_store_explicit(&w->state, AC__W_NOTIFYING, memory_order_relaxed);
}

/* Dequeues 'w' (lock held), tells it 'result' and puts it on 'wl'. */
static inline void ac__waitq_take(struct ac_waitq *q, struct ac_waiter *w, int32_t result,
                                  struct ac__wake_list *wl) {
  ac__waitq_detach(q, w, result);
  if (wl->last)
    wl->last->next = w;
  else
    wl->head = w;
  wl->last = w; /* the list ends at 'last', whatever its 'next' says */
}

/* Dequeues the first waiter onto 'wl' (lock held); false if none. */
static inline bool ac__waitq_take_first(struct ac_waitq *q, int32_t result,
                                        struct ac__wake_list *wl) {
  if (!q->head)
    return false;
  ac__waitq_take(q, q->head, result, wl);
  return true;
}

static inline void ac__waitq_take_all(struct ac_waitq *q, int32_t result,
                                      struct ac__wake_list *wl) {
  while (ac__waitq_take_first(q, result, wl))
    ;
}

void ac__waiter_thread_wake(struct ac_waiter *w);

/* Wakes a detached 'w' (lock released).  After the WOKEN store the node
 * belongs to its frame again.  A node without a task is a plain thread
 * blocked in ac__waiter_thread_wait. */
static inline void ac__waiter_wake(struct ac_waiter *w) {
  if (w->task) {
    ac__task_wake(w->task);
    atomic_store_explicit(&w->state, AC__W_WOKEN, memory_order_release);
  } else {
    ac__waiter_thread_wake(w);
  }
}

/* Wakes everything on 'wl' (lock released), reading each 'next' before
 * the wake gives the node back to its frame. */
static inline void ac__wake_list(struct ac__wake_list *wl) {
  struct ac_waiter *w = wl->head;
  while (w) {
    struct ac_waiter *next = w == wl->last ? NULL : w->next;
    ac__waiter_wake(w);
    w = next;
  }
}

/* Blocks the calling (plain) thread until its task-less node is WOKEN. */
void ac__waiter_thread_wait(struct ac_waiter *w);

/* The frame's view of its node, without the lock: QUEUED (still waiting),
 * WOKEN (dequeued by a waker, which is done with it) or IDLE.  Waits out
 * a waker in its NOTIFYING step. */
enum ac__waiter_state ac__waiter_settle_slow(struct ac_waiter *w);

static inline enum ac__waiter_state ac__waiter_settle(struct ac_waiter *w) {
  uint32_t s = atomic_load_explicit(&w->state, memory_order_acquire);
  if (__builtin_expect(s == AC__W_NOTIFYING, 0))
    return ac__waiter_settle_slow(w);
  return (enum ac__waiter_state)s;
}

/* A frame that gives up waiting leaves 'q' (takes 'lock' itself): true if
 * 'w' was still queued and is now removed; false if a waker had already
 * taken it, in which case this waits until the waker is done with the node,
 * so the caller may read w->result and pass on what it was given. */
static inline bool ac__waitq_leave(ac__spinlock *lock, struct ac_waitq *q, struct ac_waiter *w) {
  ac__spin_lock(lock);
  bool queued = ac__waiter_queued(w);
  if (queued)
    ac__waitq_remove(q, w);
  ac__spin_unlock(lock);
  if (!queued)
    ac__waiter_settle(w);
  return queued;
}

/* Number of queued waiters (tests; lock held or single-threaded). */
static inline size_t ac__waitq_count(const struct ac_waitq *q) {
  size_t n = 0;
  for (const struct ac_waiter *w = q->head; w; w = w->next)
    n++;
  return n;
}

#endif
