/* Task state transitions, completion and references (the rules are in
 * task.h).
 *
 * On a multi-thread executor every transition of 'state' is a single
 * atomic operation, so a wake from another thread can race with the
 * executor's poll without a lock: the waker either sees the task idle and
 * queues it (it alone set SCHEDULED), or sees it running and leaves a
 * NOTIFIED mark that the executor turns into a re-queue when the poll
 * ends.  A current-thread executor's tasks have one writer of 'state', its
 * thread (rule 1 of task.h, executor_ct.c).
 *
 * Completion and join meet in 'refs': the completer sets DONE, the joiner
 * sets JOIN_WAITING, each with one atomic operation that returns what the
 * other had done, so exactly one of them sees both and acts (the completer
 * wakes the joiner, or the joiner finds the task done).  In the common
 * case (nobody waiting yet) completion is one compare-and-swap that also
 * drops the executor's live reference; a join of a done task whose handle
 * is the last reference frees it with no atomic write at all. */
#include "task.h"

#include "context.h"

#include <assert.h>

/* ---------------------------------------------------------------- the root */

static ac_poll root_poll(void *p, struct ac_cx *cx) {
  struct ac__root_task *r = (struct ac__root_task *)((char *)p - sizeof(struct ac_task));
  return r->poll(r->frame, cx);
}

static void root_drop(void *p) {
  struct ac__root_task *r = (struct ac__root_task *)((char *)p - sizeof(struct ac_task));
  if (r->drop)
    r->drop(r->frame);
}

const struct ac_spawn_desc ac__root_desc = {0, 1, 0, 0, root_poll, root_drop, 0, 0, 0};

void ac__root_task_init(struct ac__root_task *r, void *frame, ac_poll_fn poll,
                        ac_drop_fn drop, struct ac__sched *sched) {
  r->task.next = NULL;
  r->task.desc = &ac__root_desc;
  atomic_init(&r->task.state, AC__TASK_IDLE);
  atomic_init(&r->task.refs, AC__REF_ONE); /* never released */
  r->task.joiner = NULL;
  r->frame = frame;
  r->poll = poll;
  r->drop = drop;
  r->sched = sched;
  r->trace = NULL;
}

/* ---------------------------------------------------------------- waking */

void ac__task_wake_other(struct ac_task *t, struct ac__sched *sched) {
  uint32_t s, next;
  if (sched->local_run) { /* a current-thread executor's, from another thread */
    sched->wake_foreign(sched, t);
    return;
  }
  s = atomic_load_explicit(&t->state, memory_order_relaxed);
  do {
    if (s & AC__TASK_WAKE_IGNORED)
      return;
    next = (s & AC__TASK_RUNNING) ? s | AC__TASK_NOTIFIED : AC__TASK_SCHEDULED;
  } while (!atomic_compare_exchange_weak_explicit(&t->state, &s, next,
                                                  memory_order_acq_rel,
                                                  memory_order_relaxed));
  if (next == AC__TASK_SCHEDULED)
    sched->schedule(sched, t);
}

/* ------------------------------------------------------------- references */

void ac__task_ref(struct ac_task *t) {
  atomic_fetch_add_explicit(&t->refs, AC__REF_ONE, memory_order_relaxed);
}

static void dealloc(struct ac_task *t) { ac__task_free(t); }

void ac__task_unref(struct ac_task *t) {
  uint32_t old = atomic_fetch_sub_explicit(&t->refs, AC__REF_ONE, memory_order_acq_rel);
  assert(old & AC__REF_COUNT);
  if ((old & AC__REF_COUNT) == AC__REF_ONE)
    dealloc(t);
}

bool ac__task_mark_injected(struct ac_task *t) {
  uint32_t old = atomic_load_explicit(&t->refs, memory_order_relaxed), next;
  do
    next = (old & AC__REF_INJECTED) ? old : (old | AC__REF_INJECTED) + AC__REF_ONE;
  while (!atomic_compare_exchange_weak_explicit(&t->refs, &old, next, memory_order_acq_rel,
                                                memory_order_relaxed));
  return !(old & AC__REF_INJECTED);
}

void ac__task_unmark_injected(struct ac_task *t) {
  uint32_t old = atomic_fetch_sub_explicit(&t->refs, AC__REF_INJECTED + AC__REF_ONE,
                                           memory_order_acq_rel);
  if ((old & AC__REF_COUNT) == AC__REF_ONE)
    dealloc(t); /* completed meanwhile, every other reference gone */
}

/* ------------------------------------------------------------- completion */

static bool joiner_is_task(struct ac_task *j) { return !((uintptr_t)j & 1); }

/* Tells whoever waits on 't' that it is DONE: wakes a joining task (and
 * drops the reference its registration took) or calls its completion hook. */
static void notify_joiner(struct ac_task *t) {
  struct ac_task *j = t->joiner;
  if (joiner_is_task(j)) {
    ac__task_wake(j);
    ac__task_unref(j);
  } else {
    struct ac__task_hook *hook = (struct ac__task_hook *)((uintptr_t)j & ~(uintptr_t)1);
    hook->done(t, hook);
  }
}

/* DONE (with 'outcome' bits) in 'refs' of a task already COMPLETE; if
 * 'release_live', the executor's reference goes in the same step.  One CAS
 * decides whether a joiner is told: a joiner may unregister (clear
 * JOIN_WAITING, then free its join-set node or drop its task reference)
 * until DONE is set, so the completer must see JOIN_WAITING in the very
 * value it sets DONE on, never in an earlier load. */
static void complete_refs(struct ac_task *t, uint32_t outcome, bool release_live) {
  uint32_t old = atomic_load_explicit(&t->refs, memory_order_relaxed), next;
  uint32_t drop = release_live ? AC__REF_ONE : 0;
  do {
    next = old | AC__REF_DONE | outcome;
    if (!(old & AC__REF_JOIN_WAITING))
      next -= drop; /* nobody waits: the live reference goes in this step */
  } while (!atomic_compare_exchange_weak_explicit(&t->refs, &old, next, memory_order_acq_rel,
                                                  memory_order_relaxed));
  if (!(old & AC__REF_JOIN_WAITING)) {
    if ((old & AC__REF_COUNT) == drop)
      dealloc(t);
    return;
  }
  /* A joiner is registered and can no longer leave: it must not free 't'
   * before we read 'joiner', so keep the live reference until it has been
   * told. */
  notify_joiner(t);
  if (release_live)
    ac__task_unref(t);
}

/* COMPLETE, then DONE in 'refs' (complete_refs). */
static void complete(struct ac_task *t, uint32_t outcome, bool release_live) {
  /* At shutdown the live reference stays: SHUTDOWN marks who has it. */
  atomic_store_explicit(&t->state, AC__TASK_COMPLETE | (release_live ? 0 : AC__TASK_SHUTDOWN),
                        memory_order_release);
  complete_refs(t, outcome, release_live);
}

void ac__task_abort_now(struct ac_task *t) {
  if (t->desc->drop)
    t->desc->drop(ac__task_frame(t));
  complete(t, AC__REF_CANCELLED, true);
}

void ac__task_completed_refs(struct ac_task *t) { complete_refs(t, 0, true); }

static void shutdown_drop(struct ac_task *t) {
  uint32_t s = atomic_load_explicit(&t->state, memory_order_acquire);
  if (s & AC__TASK_COMPLETE)
    return;
  if (s & AC__TASK_NEW) {
    /* Never started: its handle never left the spawner (ac_spawn_alloc's
     * contract), so both references go, and no drop (no frame yet). */
    atomic_store_explicit(&t->state, AC__TASK_COMPLETE, memory_order_relaxed);
    atomic_store_explicit(&t->refs, AC__REF_DONE | AC__REF_CANCELLED, memory_order_relaxed);
    dealloc(t);
    return;
  }
  if (t->desc->drop)
    t->desc->drop(ac__task_frame(t));
  complete(t, AC__REF_CANCELLED, false);
}

static void shutdown_drop_each(struct ac_task *t, void *ctx) {
  (void)ctx;
  shutdown_drop(t);
}

static void release_live_each(struct ac_task *t, void *ctx) {
  (void)ctx;
  if (atomic_load_explicit(&t->state, memory_order_relaxed) & AC__TASK_SHUTDOWN)
    ac__task_unref(t);
}

void ac__tasks_shutdown_drop(struct ac__task_arena *a, struct ac_task *root) {
  shutdown_drop(root);
  ac__arena_for_each(a, shutdown_drop_each, NULL);
}

void ac__tasks_release_live(struct ac__task_arena *a) {
  ac__arena_for_each(a, release_live_each, NULL);
}

/* ------------------------------------------------------------------ join */

bool ac__task_set_joiner(struct ac_task *t, struct ac_task *joiner) {
  uint32_t old = atomic_load_explicit(&t->refs, memory_order_acquire);
  if (old & AC__REF_DONE)
    return false;
  if (old & AC__REF_JOIN_WAITING) {
    if (t->joiner == joiner)
      return true;
    /* Another joiner: take the registration back first (rule 6). */
    while (!(old & AC__REF_DONE)) {
      if (atomic_compare_exchange_weak_explicit(&t->refs, &old, old & ~AC__REF_JOIN_WAITING,
                                                memory_order_acq_rel, memory_order_acquire))
        break;
    }
    if (old & AC__REF_DONE)
      return false; /* the completer tells the old joiner */
    if (joiner_is_task(t->joiner))
      ac__task_unref(t->joiner);
  }
  t->joiner = joiner;
  if (joiner_is_task(joiner))
    ac__task_ref(joiner);
  old = atomic_fetch_or_explicit(&t->refs, AC__REF_JOIN_WAITING, memory_order_acq_rel);
  if (old & AC__REF_DONE) {
    /* Completed meanwhile, without seeing us: undo. */
    atomic_fetch_and_explicit(&t->refs, ~AC__REF_JOIN_WAITING, memory_order_relaxed);
    t->joiner = NULL;
    if (joiner_is_task(joiner))
      ac__task_unref(joiner);
    return false;
  }
  return true;
}

bool ac__task_clear_joiner(struct ac_task *t) {
  uint32_t old = atomic_load_explicit(&t->refs, memory_order_acquire);
  while (!(old & AC__REF_DONE)) {
    if (!(old & AC__REF_JOIN_WAITING))
      return true;
    if (atomic_compare_exchange_weak_explicit(&t->refs, &old, old & ~AC__REF_JOIN_WAITING,
                                              memory_order_acq_rel, memory_order_acquire)) {
      if (joiner_is_task(t->joiner))
        ac__task_unref(t->joiner);
      t->joiner = NULL;
      return true;
    }
  }
  return false;
}

void ac__task_release_handle(struct ac_task *t) {
  uint32_t old = atomic_load_explicit(&t->refs, memory_order_acquire);
  struct ac_task *j = t->joiner; /* ours to read: only we write it */
  uint32_t next;
  if ((old & (AC__REF_COUNT | AC__REF_JOIN_WAITING)) == AC__REF_ONE) {
    /* The last reference, and no one registered: no one else can reach
     * 't' (taking a reference needs one), so no atomic write is needed. */
    dealloc(t);
    return;
  }
  do {
    /* Unregister a joiner the completer has not been told about yet. */
    next = (old & AC__REF_DONE) ? old : old & ~AC__REF_JOIN_WAITING;
    next -= AC__REF_ONE;
  } while (!atomic_compare_exchange_weak_explicit(&t->refs, &old, next, memory_order_acq_rel,
                                                  memory_order_acquire));
  if ((old & AC__REF_JOIN_WAITING) && !(next & AC__REF_JOIN_WAITING) && joiner_is_task(j))
    ac__task_unref(j); /* the completer will not tell it */
  if ((old & AC__REF_COUNT) == AC__REF_ONE)
    dealloc(t);
}

size_t ac__spawn_allocated(void) {
  struct ac__sched *s = ac__context_current();
  return s && s->arena ? s->arena->live : 0;
}

/* ------------------------------------------------------------ public API */

void ac_task_ref(struct ac_task *task) { ac__task_ref(task); }

void ac_task_unref(struct ac_task *task) { ac__task_unref(task); }

struct ac_task *ac_cx_task(struct ac_cx *cx) { return cx->task; }

void ac_task_wake(struct ac_task *task) { ac__task_wake(task); }

void ac_cx_wake(struct ac_cx *cx) { ac__task_wake(cx->task); }
