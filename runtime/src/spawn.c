/* Spawned tasks, join handles, abort and detach (docs/runtime.md, "Tasks
 * and join handles").
 *
 * One allocation per task: struct ac__spawned (the 32-byte task header plus
 * the spawn bookkeeping) followed by the frame.  References (task.h rule
 * 5): the join handle and the executor's live reference, both taken at
 * spawn; the live one is released when the task completes (finish) or at
 * executor shutdown.
 *
 * Threads: 'refs', 'abort' and the task state are atomic.  The live list
 * and 'joiner' are touched only under the scheduler's lock (sched->lock,
 * NULL for the current-thread executor, whose single thread needs none):
 * the multi-thread executor may complete a task on one worker while its
 * joiner registers on another.  The joiner is woken with the lock held, so
 * a join frame dropped on a third worker (which detaches under the lock)
 * cannot see its task freed under a pending wake.  Shutdown runs after the
 * workers stopped: no lock. */
#include "context.h"
#include "task.h"

#include <errno.h>
#include <stdalign.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum { OUTCOME_RUNNING = 0, OUTCOME_DONE = 1, OUTCOME_ABORTED = 2, OUTCOME_UNSTARTED = 3 };

struct ac__spawned {
  struct ac_task task;                 /* first member */
  ac_poll_fn poll;
  ac_drop_fn drop;
  struct ac_task *joiner;              /* task awaiting ac_task_join, or NULL */
  struct ac__spawned *live_next;       /* the executor's live list */
  struct ac__spawned **live_pprev;
  size_t result_offset, result_size;
  atomic_bool abort;
  unsigned char outcome;
  alignas(max_align_t) unsigned char frame[];
};

static _Atomic size_t allocated;

size_t ac__spawn_allocated(void) { return atomic_load(&allocated); }

static struct ac__spawned *spawned_of(struct ac_task *t) {
  return (struct ac__spawned *)t;
}

static void lock(struct ac__sched *sched) {
  if (sched->lock)
    pthread_mutex_lock(sched->lock);
}

static void unlock(struct ac__sched *sched) {
  if (sched->lock)
    pthread_mutex_unlock(sched->lock);
}

static ac_poll spawned_poll(struct ac_task *t, struct ac_cx *cx) {
  struct ac__spawned *s = spawned_of(t);
  if (atomic_load_explicit(&s->abort, memory_order_acquire)) {
    if (s->drop)
      s->drop(s->frame);
    s->outcome = OUTCOME_ABORTED;
    return AC_READY;
  }
  if (s->poll(s->frame, cx) == AC_PENDING)
    return AC_PENDING;
  s->outcome = OUTCOME_DONE;
  return AC_READY;
}

static void spawned_drop(struct ac_task *t) {
  struct ac__spawned *s = spawned_of(t);
  if (s->drop)
    s->drop(s->frame);
  s->outcome = OUTCOME_ABORTED;
}

static void live_unlink(struct ac__spawned *s) {
  *s->live_pprev = s->live_next;
  if (s->live_next)
    s->live_next->live_pprev = s->live_pprev;
  s->live_next = NULL;
  s->live_pprev = NULL;
}

static void wake_joiner(struct ac__spawned *s) {
  struct ac_task *j = s->joiner;
  s->joiner = NULL;
  if (j)
    ac__task_wake(j);
}

static void spawned_finish(struct ac_task *t) {
  struct ac__spawned *s = spawned_of(t);
  struct ac__sched *sched = ac__task_sched(t);
  lock(sched);
  wake_joiner(s);
  live_unlink(s);
  unlock(sched);
  ac__task_unref(t); /* the live reference */
}

static void spawned_dealloc(struct ac_task *t) {
  atomic_fetch_sub(&allocated, 1);
  free(t);
}

static const struct ac__task_vtable spawned_vtable = {
    spawned_poll, spawned_drop, spawned_finish, spawned_dealloc};

static bool desc_valid(const struct ac_spawn_desc *d) {
  return d->poll && d->result_offset <= d->frame_size &&
         d->result_size <= d->frame_size - d->result_offset &&
         d->frame_align && !(d->frame_align & (d->frame_align - 1)) &&
         d->frame_align <= alignof(max_align_t) &&
         d->frame_size <= SIZE_MAX - sizeof(struct ac__spawned);
}

void *ac_spawn_alloc(const struct ac_spawn_desc *d, struct ac_task **task) {
  struct ac__sched *sched = ac__context_current();
  struct ac__spawned *s;
  *task = NULL;
  if (!sched || !desc_valid(d))
    return NULL;
  s = malloc(sizeof *s + d->frame_size);
  if (!s)
    return NULL;
  atomic_fetch_add(&allocated, 1);
  ac__task_init(&s->task, &spawned_vtable, sched);
  atomic_init(&s->task.refs, 2); /* the handle + the live reference */
  s->poll = d->poll;
  s->drop = d->drop;
  s->joiner = NULL;
  s->result_offset = d->result_offset;
  s->result_size = d->result_size;
  atomic_init(&s->abort, false);
  s->outcome = OUTCOME_UNSTARTED;
  lock(sched);
  s->live_next = sched->live;
  if (s->live_next)
    s->live_next->live_pprev = &s->live_next;
  s->live_pprev = &sched->live;
  sched->live = s;
  unlock(sched);
  *task = &s->task;
  return s->frame;
}

void ac_spawn_start(struct ac_task *task) {
  spawned_of(task)->outcome = OUTCOME_RUNNING;
  ac__task_wake(task);
}

struct ac_task *ac_spawn_frame(struct ac_cx *cx, size_t frame_size, size_t result_offset,
                               size_t result_size, ac_poll_fn poll, ac_drop_fn drop,
                               void (*init)(void *frame, void *arg), void *arg) {
  const struct ac_spawn_desc d = {frame_size, alignof(max_align_t), result_offset,
                                  result_size, poll, drop};
  struct ac_task *t;
  void *frame = ac_spawn_alloc(&d, &t);
  (void)cx;
  if (!frame)
    return NULL;
  if (init)
    init(frame, arg);
  ac_spawn_start(t);
  return t;
}

void ac_task_detach(struct ac_task *task) {
  struct ac__spawned *s = spawned_of(task);
  struct ac__sched *sched = ac__task_sched(task);
  lock(sched);
  s->joiner = NULL;
  unlock(sched);
  ac__task_unref(task);
}

void ac_task_abort(struct ac_task *task) {
  if (ac__task_is_complete(task))
    return;
  atomic_store_explicit(&spawned_of(task)->abort, true, memory_order_release);
  ac__task_wake(task);
}

void ac__spawn_shutdown_drop(struct ac__sched *sched) {
  for (struct ac__spawned *s = sched->live; s; s = s->live_next) {
    if (ac__task_is_complete(&s->task))
      continue;
    if (s->outcome == OUTCOME_UNSTARTED) { /* frame never initialised */
      ac__task_complete(&s->task);
      continue;
    }
    spawned_drop(&s->task);
    ac__task_complete(&s->task);
    wake_joiner(s);
  }
}

void ac__spawn_shutdown_release(struct ac__sched *sched) {
  struct ac__spawned *s;
  while ((s = sched->live)) {
    live_unlink(s);
    if (s->outcome == OUTCOME_UNSTARTED)
      ac__task_unref(&s->task); /* nobody got a usable handle */
    ac__task_unref(&s->task);
  }
}

/* ---------------------------------------------------------------- ac_task_join */

void ac_task_join__init(struct ac_task_join__frame *f, struct ac_task *t, void *out) {
  f->ac_state = 0;
  f->task = t;
  f->out = out;
  f->ac_result = 0;
}

ac_poll ac_task_join__poll(struct ac_task_join__frame *f, struct ac_cx *cx) {
  struct ac__spawned *s;
  if (f->ac_state == AC_STATE_DONE)
    return AC_READY;
  s = spawned_of(f->task);
  lock(ac__task_sched(f->task));
  if (!ac__task_is_complete(&s->task)) {
    s->joiner = cx->task;
    unlock(ac__task_sched(f->task));
    f->ac_state = 1;
    return AC_PENDING;
  }
  s->joiner = NULL;
  unlock(ac__task_sched(f->task));
  if (s->outcome == OUTCOME_DONE) {
    if (f->out && s->result_size)
      memcpy(f->out, s->frame + s->result_offset, s->result_size);
    f->ac_result = 0;
  } else {
    f->ac_result = -ECANCELED;
  }
  f->task = NULL;
  ac__task_unref(&s->task); /* the handle */
  f->ac_state = AC_STATE_DONE;
  return AC_READY;
}

void ac_task_join__drop(struct ac_task_join__frame *f) {
  if (f->ac_state != AC_STATE_DONE && f->task)
    ac_task_detach(f->task);
  f->task = NULL;
  f->ac_state = AC_STATE_DONE;
}
