/* Tasks and wakers: the unit an executor schedules.
 *
 * A task is one allocation: this header followed by its root frame (for the
 * root of ac_block_on_frame, a header on the caller's stack pointing at the
 * caller's frame).  The header is kept at 32 bytes so a spawned task with a
 * small frame fits the 64-byte budget of docs/runtime.md.
 *
 * Ground rules:
 *  1. 'state' is the only field written by more than one thread; every
 *     transition is one of the atomic operations in task.c.
 *  2. 'next' belongs to whoever holds the SCHEDULED bit, i.e. to the one run
 *     or injection queue the task sits in.
 *  3. 'vtable' and 'sched' are set before the first wake and never change.
 *  4. Only the executor polls or drops a task, and only on its own thread.
 *  5. 'refs' counts who may still touch the task: for a spawned task, its
 *     join handle, the executor's "live" reference (dropped when the task
 *     completes) and any waker taken with ac_task_ref().  The task is freed
 *     when it reaches 0, so a wake after completion is safe while the waker
 *     holds a reference.  The block_on root is not counted (no dealloc).
 *
 * State bits (ac__task_state):
 *   SCHEDULED  sits in a queue.  Set by the wake that found the task idle;
 *              cleared by the executor when it starts the poll.
 *   RUNNING    being polled.  A wake now only sets NOTIFIED.
 *   NOTIFIED   woken while RUNNING; after the poll the executor queues the
 *              task again, at the back (this is what makes ac_yield fair).
 *   COMPLETE   the root frame returned AC_READY or was dropped.  Never
 *              unset; wakes are ignored.
 * So a task is queued at most once however often it is woken. */
#ifndef AC__TASK_H
#define AC__TASK_H

#include <asyncc/asyncc.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum ac__task_state {
  AC__TASK_IDLE = 0,
  AC__TASK_SCHEDULED = 1u << 0,
  AC__TASK_RUNNING = 1u << 1,
  AC__TASK_NOTIFIED = 1u << 2,
  AC__TASK_COMPLETE = 1u << 3,
};

/* How to run one kind of task.  Both take the task, not the frame, so the
 * frame can sit right after the header (spawned tasks) or elsewhere (the
 * block_on root). */
struct ac__task_vtable {
  ac_poll (*poll)(struct ac_task *t, struct ac_cx *cx);
  void (*drop)(struct ac_task *t); /* cancel the unfinished root frame */
  /* Optional (NULL for the block_on root).  finish: called by the executor
   * after the task became COMPLETE by a poll (outcome, joiner wake, live
   * reference).  dealloc: frees the allocation when refs reaches 0. */
  void (*finish)(struct ac_task *t);
  void (*dealloc)(struct ac_task *t);
};

/* Where a task's wakes go.  An executor embeds this; schedule() is called
 * by the waker that set SCHEDULED, on any thread. */
struct ac__spawned;
struct ac__driver;
struct ac__sched {
  void (*schedule)(struct ac__sched *s, struct ac_task *t);
  struct ac__spawned *live; /* spawned tasks holding a live ref (under 'lock') */
  /* Timers and I/O of this runtime: how a drop, which has no cx, finds the
   * driver its frame registered with. */
  struct ac__driver *driver;
  /* Guards 'live' and the join handshake of spawned tasks when several
   * threads poll this scheduler's tasks (multi-thread executor); NULL for
   * the current-thread executor, which then pays nothing. */
  pthread_mutex_t *lock;
};

struct ac_task {
  struct ac_task *next;                  /* queue link (rule 2) */
  const struct ac__task_vtable *vtable;
  struct ac__sched *sched;
  _Atomic uint32_t state;                /* enum ac__task_state bits */
  _Atomic uint32_t refs;                 /* rule 5 */
};

/* The poll context.  Built by the executor on its stack for one poll. */
struct ac_cx {
  struct ac_task *task;      /* the task being polled: the one to wake */
  struct ac__driver *driver; /* timers and I/O of the polling executor */
  unsigned budget;           /* ac__coop_proceed calls left in this poll */
};

/* The scheduler a task's wakes go to (and, through it, its driver).  The
 * only way to reach it: the header may stop storing it. */
static inline struct ac__sched *ac__task_sched(struct ac_task *t) { return t->sched; }

/* Cooperative budget (tokio's coop): leaves that can complete without
 * waiting spend one unit per completion; each executor sets AC__COOP_BUDGET
 * before every task poll.  A task whose leaves are always ready would
 * otherwise never return to its executor, starving other tasks and timers. */
#define AC__COOP_BUDGET 128

/* true: go ahead (one unit spent).  false: the budget is spent; the leaf
 * must wake cx's task and return AC_PENDING instead of completing. */
static inline bool ac__coop_proceed(struct ac_cx *cx) {
  if (cx->budget == 0)
    return false;
  cx->budget--;
  return true;
}

void ac__task_init(struct ac_task *t, const struct ac__task_vtable *vtable,
                   struct ac__sched *sched);
/* Wake rule: queue if idle, note if running, ignore if queued or complete. */
void ac__task_wake(struct ac_task *t);
/* Executor side: SCHEDULED -> RUNNING before the poll. */
void ac__task_begin_poll(struct ac_task *t);
/* Executor side, after a poll returned AC_PENDING: RUNNING -> IDLE, or
 * RUNNING|NOTIFIED -> SCHEDULED, in which case it returns true and the
 * caller must queue the task again. */
bool ac__task_end_poll(struct ac_task *t);
/* Executor side: the root frame is done (returned AC_READY or dropped). */
void ac__task_complete(struct ac_task *t);
bool ac__task_is_complete(struct ac_task *t);
/* Reference count (rule 5); unref of the last reference calls dealloc. */
void ac__task_ref(struct ac_task *t);
void ac__task_unref(struct ac_task *t);

/* Spawned tasks (spawn.c).  Executor shutdown, in this order: drop the
 * frame of every live unfinished spawned task (joiners see "aborted"), then,
 * once the queues no longer point at them, release the live references. */
void ac__spawn_shutdown_drop(struct ac__sched *s);
void ac__spawn_shutdown_release(struct ac__sched *s);
/* Spawned-task allocations not yet freed, process-wide (tests). */
size_t ac__spawn_allocated(void);

/* An intrusive FIFO of tasks linked through 'next'.  Not thread-safe:
 * each queue has one owner or one lock. */
struct ac__task_queue {
  struct ac_task *head, *tail;
};

static inline bool ac__task_queue_empty(const struct ac__task_queue *q) {
  return q->head == NULL;
}

static inline void ac__task_queue_push(struct ac__task_queue *q, struct ac_task *t) {
  t->next = NULL;
  if (q->tail)
    q->tail->next = t;
  else
    q->head = t;
  q->tail = t;
}

static inline struct ac_task *ac__task_queue_pop(struct ac__task_queue *q) {
  struct ac_task *t = q->head;
  if (t) {
    q->head = t->next;
    if (!q->head)
      q->tail = NULL;
    t->next = NULL;
  }
  return t;
}

/* Moves all of 'from' to the back of 'to'. */
static inline void ac__task_queue_append(struct ac__task_queue *to,
                                         struct ac__task_queue *from) {
  if (!from->head)
    return;
  if (to->tail)
    to->tail->next = from->head;
  else
    to->head = from->head;
  to->tail = from->tail;
  from->head = from->tail = NULL;
}

#endif
