/* Tasks and wakers: the unit an executor schedules.
 *
 * A task is a 32-byte header followed by its root frame, in one slot of
 * its runtime's task arena (task_arena.h).  What is the same for every
 * task of a kind (poll, drop, where the result is) is in the static
 * struct ac_spawn_desc the header points to; what is the same for every
 * task of a runtime (the scheduler) is in the header of the arena chunk
 * the task sits in, found by masking the task's address.  So a task with a
 * 24-byte frame costs 56 bytes.  The block_on root is the exception: a
 * struct ac__root_task on the caller's stack, recognised by its
 * descriptor (ac__root_desc), whose "frame" holds the caller's frame
 * pointer, poll, drop and scheduler.
 *
 * Ground rules:
 *  1. 'state' and 'refs' are the only fields written by more than one
 *     thread.  The 'state' of a task on a multi-thread executor changes by
 *     the atomic operations below; that of a task on a current-thread
 *     executor is written by that executor's thread only, with plain
 *     (relaxed) loads and stores: another thread that wakes it sets
 *     AC__REF_INJECTED in 'refs' instead and leaves the wake to the
 *     executor (executor_ct.c), so the W2 hand-off, a wake and the end of
 *     a poll, costs no atomic read-modify-write.
 *  2. 'next' belongs to whoever holds the SCHEDULED bit, i.e. to the one run
 *     or injection queue the task sits in; once freed, to its arena
 *     (task_arena.c).
 *  3. 'desc' and the scheduler are set before the first wake and never
 *     change.
 *  4. Only the executor polls or drops a task, and only on its own thread.
 *  5. The count in 'refs' says who may still touch the task: the join
 *     handle, the executor's "live" reference (dropped when the task
 *     completes) and any waker taken with ac_task_ref().  The task goes back
 *     to the arena when it reaches 0, so a wake after completion is safe
 *     while the waker holds a reference.  The root's count starts at 1 and
 *     is never released.
 *  6. 'joiner' is written by the handle's owner only while JOIN_WAITING is
 *     clear, and read by the completer only after it set DONE and saw
 *     JOIN_WAITING; the registration holds a reference on the joiner task.
 *
 * State bits (ac__task_state):
 *   NEW        allocated, not yet started; never polled, never dropped.
 *   SCHEDULED  sits in a queue.  Set by the wake that found the task idle;
 *              cleared by the executor when it starts the poll.
 *   RUNNING    being polled.  A wake now only sets NOTIFIED.
 *   NOTIFIED   woken while RUNNING; after the poll the executor queues the
 *              task again, at the back (this is what makes ac_yield fair).
 *   COMPLETE   the root frame returned AC_READY or was dropped.  Never
 *              unset; wakes are ignored.
 *   SHUTDOWN   with COMPLETE: dropped by the executor's shutdown, which
 *              still holds the live reference (ac__tasks_release_live).
 * So a task is queued at most once however often it is woken.  Wakers
 * never write 'state' while SCHEDULED, so the executor's SCHEDULED ->
 * RUNNING is a plain store.
 *
 * 'refs': the count in the low 28 bits, and the join bits (ac__task_refs),
 * kept apart from 'state' so that the executor's plain stores to 'state'
 * cannot lose them. */
#ifndef AC__TASK_H
#define AC__TASK_H

#include <asyncc/asyncc.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "context.h"
#include "task_arena.h"

enum ac__task_state {
  AC__TASK_IDLE = 0,
  AC__TASK_SCHEDULED = 1u << 0,
  AC__TASK_RUNNING = 1u << 1,
  AC__TASK_NOTIFIED = 1u << 2,
  AC__TASK_COMPLETE = 1u << 3,
  AC__TASK_NEW = 1u << 4,
  AC__TASK_SHUTDOWN = 1u << 5, /* completed by shutdown, live reference kept */
};

enum ac__task_refs {
  AC__REF_ONE = 1,
  AC__REF_COUNT = (1u << 27) - 1,
  /* A wake from another thread waits in the task's current-thread executor
   * (rule 1), holding one reference until the executor applied it. */
  AC__REF_INJECTED = 1u << 27,
  AC__REF_JOIN_WAITING = 1u << 28, /* 'joiner' is set (rule 6) */
  AC__REF_ABORT = 1u << 29,        /* abort requested */
  AC__REF_CANCELLED = 1u << 30,    /* with DONE: dropped, no result */
  AC__REF_DONE = 1u << 31,         /* completed: the result (or CANCELLED) is final */
};

/* Where a task's wakes go.  An executor embeds this.  A multi-thread one
 * sets 'schedule' (local_run NULL), a current-thread one 'local_run' and
 * 'wake_foreign' (schedule NULL). */
struct ac__driver;
struct ac__sched {
  /* Queues 't', whose SCHEDULED bit the caller set; any thread. */
  void (*schedule)(struct ac__sched *s, struct ac_task *t);
  /* A current-thread executor's run queue, which its thread pushes to
   * directly (ac__task_wake_local), and the wake of one of its tasks from
   * any other thread (rule 1). */
  struct ac__task_queue *local_run;
  void (*wake_foreign)(struct ac__sched *s, struct ac_task *t);
  struct ac__task_arena *arena; /* where ac_spawn_alloc puts its tasks; never NULL */
  /* Timers and I/O of this runtime: how a drop, which has no cx, finds the
   * driver its frame registered with. */
  struct ac__driver *driver;
};

struct ac_task {
  struct ac_task *next;               /* queue link (rule 2) */
  const struct ac_spawn_desc *desc;   /* poll, drop, result; NULL: free slot */
  _Atomic uint32_t state;             /* enum ac__task_state bits */
  _Atomic uint32_t refs;              /* count + enum ac__task_refs bits */
  struct ac_task *joiner;             /* rule 6 */
};
_Static_assert(sizeof(struct ac_task) == AC__TASK_HEADER_SIZE, "task header must stay 32 bytes");
_Static_assert(offsetof(struct ac_task, desc) == sizeof(void *), "the arena reads desc as word 1");
/* asyncc.h's inline join reads the header through struct ac__task_head */
_Static_assert(offsetof(struct ac_task, desc) == offsetof(struct ac__task_head, desc) &&
                   offsetof(struct ac_task, refs) == offsetof(struct ac__task_head, refs) &&
                   sizeof(struct ac_task) == AC__TASK_FRAME_OFFSET,
               "struct ac__task_head");
_Static_assert(AC__TASK_REFS_DONE_LAST == (AC__REF_DONE | AC__REF_ONE) &&
                   AC__TASK_REFS_MASK == (uint32_t)~AC__REF_ABORT,
               "asyncc.h's refs bits");

/* The block_on root: its frame lives with the caller. */
struct ac__root_task {
  struct ac_task task;
  void *frame;
  ac_poll_fn poll;
  ac_drop_fn drop;
  struct ac__sched *sched;
  ac_trace_fn trace; /* for ac_task_dump; NULL if unknown */
};
extern const struct ac_spawn_desc ac__root_desc;

/* The poll context.  Built by the executor on its stack for one poll. */
struct ac_cx {
  struct ac_task *task;      /* the task being polled: the one to wake */
  struct ac__driver *driver; /* timers and I/O of the polling executor */
  unsigned budget;           /* ac__coop_proceed calls left in this poll */
};

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
  }
  return t; /* t->next is stale now: rule 2, it is the next queue's to set */
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

static inline void *ac__task_frame(struct ac_task *t) { return t + 1; }

/* The scheduler a task's wakes go to: the only way to reach it. */
static inline struct ac__sched *ac__task_sched(struct ac_task *t) {
  if (__builtin_expect(t->desc == &ac__root_desc, 0))
    return ((struct ac__root_task *)t)->sched;
  return ac__chunk_of(t)->sched;
}

/* Queues 't', just spawned (NEW -> SCHEDULED by the caller), on 's': a
 * spawn runs on the thread of the executor it spawns on (ac_spawn_alloc
 * takes the calling thread's), so on a current-thread executor a push on
 * its run queue, without an indirect call (W3: every spawn). */
static inline void ac__sched_schedule(struct ac__sched *s, struct ac_task *t) {
  if (s->local_run)
    ac__task_queue_push(s->local_run, t);
  else
    s->schedule(s, t);
}

void ac__root_task_init(struct ac__root_task *r, void *frame, ac_poll_fn poll,
                        ac_drop_fn drop, struct ac__sched *sched);

/* The wake rule: queue if idle, note if running, ignore if queued,
 * complete or not started. */
#define AC__TASK_WAKE_IGNORED \
  (AC__TASK_COMPLETE | AC__TASK_SCHEDULED | AC__TASK_NOTIFIED | AC__TASK_NEW)

/* The wake of a task of the current-thread executor whose run queue is
 * 'run', on that executor's thread: nobody else writes 'state' (rule 1). */
static inline void ac__task_wake_local(struct ac_task *t, struct ac__task_queue *run) {
  uint32_t s = atomic_load_explicit(&t->state, memory_order_relaxed);
  if (s & AC__TASK_WAKE_IGNORED)
    return;
  if (s & AC__TASK_RUNNING) {
    atomic_store_explicit(&t->state, s | AC__TASK_NOTIFIED, memory_order_relaxed);
  } else {
    atomic_store_explicit(&t->state, AC__TASK_SCHEDULED, memory_order_relaxed);
    ac__task_queue_push(run, t);
  }
}

/* Every other wake: a multi-thread executor's task (a compare-and-swap on
 * 'state'), or a current-thread executor's from another thread. */
void ac__task_wake_other(struct ac_task *t, struct ac__sched *s);

/* Wakes 't' (any thread; the caller keeps 't' alive during the call).
 * Inline: the hand-off wakes of W2 are the first branch. */
static inline void ac__task_wake(struct ac_task *t) {
  struct ac__sched *s = ac__task_sched(t);
  if (__builtin_expect(s->local_run != NULL && s == ac__context_current(), 1))
    ac__task_wake_local(t, s->local_run);
  else
    ac__task_wake_other(t, s);
}

/* Executor side: SCHEDULED -> RUNNING before the poll.  No waker writes
 * 'state' while SCHEDULED (they only read it), so a store suffices; the
 * queue hand-off already ordered the waker's writes before this poll. */
static inline void ac__task_begin_poll(struct ac_task *t) {
  atomic_store_explicit(&t->state, AC__TASK_RUNNING, memory_order_relaxed);
}

/* Executor side, after a poll returned AC_PENDING: RUNNING -> IDLE, or
 * RUNNING|NOTIFIED -> SCHEDULED, in which case it returns true and the
 * caller must queue the task again.  The current-thread executor's, with
 * no other writer of 'state' (rule 1): */
static inline bool ac__task_end_poll_local(struct ac_task *t) {
  uint32_t s = atomic_load_explicit(&t->state, memory_order_relaxed);
  atomic_store_explicit(&t->state, s == AC__TASK_RUNNING ? AC__TASK_IDLE : AC__TASK_SCHEDULED,
                        memory_order_relaxed);
  return s != AC__TASK_RUNNING;
}
/* and the multi-thread executor's, racing with wakers: */
static inline bool ac__task_end_poll(struct ac_task *t) {
  uint32_t s = AC__TASK_RUNNING;
  if (__builtin_expect(atomic_compare_exchange_strong_explicit(
                           &t->state, &s, AC__TASK_IDLE, memory_order_acq_rel,
                           memory_order_relaxed),
                       1))
    return false;
  /* Woken during the poll.  With NOTIFIED set wakers write nothing. */
  atomic_store_explicit(&t->state, AC__TASK_SCHEDULED, memory_order_relaxed);
  return true;
}

/* Executor side: polls a RUNNING task's root frame (or drops it, if an
 * abort was requested).  AC_READY: the task is COMPLETE, its joiner woken,
 * the executor's live reference released, so 't' may be gone. */
void ac__task_abort_now(struct ac_task *t);
/* The root frame returned AC_READY: COMPLETE, then DONE in 'refs' with the
 * executor's live reference dropped in the same CAS.  Inline for the
 * common case, nobody waiting yet and the handle still held (one store and
 * one CAS, about 20 instructions less than the call); a registered joiner,
 * a lost race or the last reference go to ac__task_completed_refs. */
void ac__task_completed_refs(struct ac_task *t);
static inline void ac__task_completed(struct ac_task *t) {
  uint32_t old;
  atomic_store_explicit(&t->state, AC__TASK_COMPLETE, memory_order_release);
  old = atomic_load_explicit(&t->refs, memory_order_relaxed);
  /* JOIN_WAITING clear and a count of 2 or more: one in [2, AC__REF_COUNT] */
  if (__builtin_expect((old & (AC__REF_JOIN_WAITING | AC__REF_COUNT)) - 2 * AC__REF_ONE <
                           AC__REF_COUNT - AC__REF_ONE,
                       1) &&
      atomic_compare_exchange_strong_explicit(&t->refs, &old, (old | AC__REF_DONE) - AC__REF_ONE,
                                              memory_order_acq_rel, memory_order_relaxed))
    return;
  ac__task_completed_refs(t);
}
static inline ac_poll ac__task_poll(struct ac_task *t, struct ac_cx *cx) {
  if (__builtin_expect(atomic_load_explicit(&t->refs, memory_order_relaxed) & AC__REF_ABORT, 0)) {
    ac__task_abort_now(t);
    return AC_READY;
  }
  if (t->desc->poll(ac__task_frame(t), cx) == AC_PENDING)
    return AC_PENDING;
  ac__task_completed(t);
  return AC_READY;
}
/* Executor shutdown, with the queues emptied before each step (a drop may
 * wake a joiner, which queues it again):
 *   ac__tasks_shutdown_drop  drops the root and every unfinished task of the
 *                            arena, completing it as cancelled but keeping
 *                            its live reference; a NEW task is freed;
 *   ac__tasks_release_live   gives the live references up, once no queue
 *                            points at those tasks. */
void ac__tasks_shutdown_drop(struct ac__task_arena *a, struct ac_task *root);
void ac__tasks_release_live(struct ac__task_arena *a);

static inline bool ac__task_is_complete(struct ac_task *t) {
  return atomic_load_explicit(&t->state, memory_order_acquire) & AC__TASK_COMPLETE;
}
/* Back to the arena (the root is not in one): the count reached 0. */
static inline void ac__task_free(struct ac_task *t) {
  if (t->desc != &ac__root_desc)
    ac__arena_free(t);
}
/* Reference count (rule 5); unref of the last reference frees the task. */
void ac__task_ref(struct ac_task *t);
void ac__task_unref(struct ac_task *t);
/* A current-thread executor's foreign wakes (rule 1): marks 't' INJECTED
 * with one reference; false if it was marked already (a wake is on its way,
 * nothing taken).  A read-modify-write either way, so that what the waker
 * wrote before the wake is ordered before the unmarking.  Then the owner,
 * after applying the wake, drops the mark and the reference in one step. */
bool ac__task_mark_injected(struct ac_task *t);
void ac__task_unmark_injected(struct ac_task *t);

/* Join handshake (rule 6), for ac_task_join and the join set.  Registers
 * 'joiner' (a task, or a completion hook: ac__task_set_hook) to be told
 * when 't' completes; false if 't' is already DONE (then nothing is
 * registered).  Re-registering the same joiner is free. */
bool ac__task_set_joiner(struct ac_task *t, struct ac_task *joiner);

/* A completion hook: a joiner that is not a task.  The completer calls
 * done(t, hook) once 't' is DONE, on its own thread, still holding the
 * live reference of 't'.  A join set's members are hooks (joinset.c), so
 * the task core does not know join sets.  Registered as the joiner with
 * the low bit set (hooks are at least 2-aligned, tasks 32-aligned). */
struct ac__task_hook {
  void (*done)(struct ac_task *t, struct ac__task_hook *hook);
};
static inline bool ac__task_set_hook(struct ac_task *t, struct ac__task_hook *hook) {
  return ac__task_set_joiner(t, (struct ac_task *)((uintptr_t)hook | 1));
}
/* Unregisters the joiner of 't' before the completer saw it: true if it
 * will not be told, false if 't' is DONE (the completer tells it). */
bool ac__task_clear_joiner(struct ac_task *t);
/* Gives up the handle: unregisters a joiner not yet told, drops the
 * handle's reference. */
void ac__task_release_handle(struct ac_task *t);

/* The outcome of a DONE task: 0 with its result copied to 'out' (may be
 * NULL), or -ECANCELED. */
int ac__task_take_result(struct ac_task *t, void *out);

/* Live tasks of the calling thread's runtime (0 on other threads): tests. */
size_t ac__spawn_allocated(void);

#endif
