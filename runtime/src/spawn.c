/* Spawned tasks, join handles, abort and detach (docs/runtime.md,
 * "Spawning and join handles").
 *
 * A spawned task is one arena slot: the 32-byte header, then the frame.
 * References (task.h rule 5): the join handle and the executor's live
 * reference, both taken at spawn; the live one goes when the task
 * completes (ac__task_poll) or at executor shutdown.  Join, abort and
 * detach are atomic operations on the task's 'refs' word (task.c), so they
 * may come from any thread. */
#include "coarse_clock.h"
#include "context.h"
#include "leaf_trace.h"
#include "task.h"

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

static bool desc_valid(const struct ac_spawn_desc *d) {
  return d->poll && d->result_offset <= d->frame_size &&
         d->result_size <= d->frame_size - d->result_offset && d->frame_align &&
         !(d->frame_align & (d->frame_align - 1)) && d->frame_align <= 4096 &&
         d->frame_size <= SIZE_MAX / 4;
}

/* 'next' is left as it is: only a queue reads it, and a push sets it
 * (rule 2). */
static void init_header(struct ac_task *t, const struct ac_spawn_desc *d) {
  t->desc = d;
  atomic_init(&t->state, AC__TASK_NEW);
  atomic_init(&t->refs, 2 * AC__REF_ONE); /* the handle + the live reference */
  t->joiner = NULL;
}

static __attribute__((noinline)) void *spawn_alloc_slow(const struct ac_spawn_desc *d,
                                                        struct ac_task **task) {
  struct ac__sched *sched = ac__context_current();
  struct ac_task *t;
  *task = NULL;
  if (!sched || !sched->arena || !desc_valid(d))
    return NULL;
  t = ac__arena_alloc(sched->arena, d->frame_size, d->frame_align);
  if (!t)
    return NULL;
  init_header(t, d);
  *task = t;
  return ac__task_frame(t);
}

void *ac_spawn_alloc(const struct ac_spawn_desc *d, struct ac_task **task) {
  struct ac__sched *sched = ac__context_current();
  size_t size = d->frame_size, align = d->frame_align, off = d->result_offset;
  /* The common case, a small frame aligned to at most 8 on an owner-thread
   * arena, with desc_valid's checks narrowed to it (size <= 2016 here, so
   * nothing overflows; 0x116 has bits 1, 2, 4 and 8) and the allocation
   * inline, the rest a tail call: 51 instructions per spawn in W3.
   * Every spawn checks: a "last descriptor validated" pointer would save
   * about 12 more, but could not tell a descriptor rewritten at the same
   * address (one on the stack, say) from the one it validated. */
  if (sched && align <= 8 && ((0x116u >> align) & 1) &&
      size <= AC__ARENA_MAX_SLOT - AC__TASK_HEADER_SIZE && off <= size &&
      d->result_size <= size - off && d->poll) {
    struct ac_task *t = ac__arena_alloc_fast(sched->arena, size);
    if (t) {
      init_header(t, d);
      *task = t;
      return ac__task_frame(t);
    }
  }
  return spawn_alloc_slow(d, task);
}

void ac_spawn_start(struct ac_task *task) {
  /* Spawned: in an arena chunk, never the block_on root. */
  struct ac__sched *sched = ac__chunk_of(task)->sched;
  /* Nobody else knows the task yet: no wake can race with this store. */
  atomic_store_explicit(&task->state, AC__TASK_SCHEDULED, memory_order_relaxed);
  ac__sched_schedule(sched, task);
}

/* The deprecated ac_spawn_frame has no descriptor that outlives the task,
 * so the task carries one: its frame is a struct wrapped, whose 'desc'
 * (the task's descriptor) forwards to the caller's poll and drop. */
struct wrapped {
  struct ac_spawn_desc desc;
  ac_poll_fn poll;
  ac_drop_fn drop;
  _Alignas(max_align_t) unsigned char frame[];
};

static ac_poll wrapped_poll(void *p, struct ac_cx *cx) {
  struct wrapped *w = p;
  return w->poll(w->frame, cx);
}

static void wrapped_drop(void *p) {
  struct wrapped *w = p;
  if (w->drop)
    w->drop(w->frame);
}

struct ac_task *ac_spawn_frame(struct ac_cx *cx, size_t frame_size, size_t result_offset,
                               size_t result_size, ac_poll_fn poll, ac_drop_fn drop,
                               void (*init)(void *frame, void *arg), void *arg) {
  struct ac_spawn_desc d = {sizeof(struct wrapped) + frame_size, _Alignof(struct wrapped),
                            offsetof(struct wrapped, frame) + result_offset, result_size,
                            wrapped_poll, wrapped_drop, 0, 0, 0};
  struct ac_task *t;
  struct wrapped *w;
  (void)cx;
  if (!poll || result_offset > frame_size || result_size > frame_size - result_offset ||
      frame_size > SIZE_MAX / 4)
    return NULL;
  w = ac_spawn_alloc(&d, &t);
  if (!w)
    return NULL;
  w->desc = d;
  w->poll = poll;
  w->drop = drop;
  t->desc = &w->desc;
  if (init)
    init(w->frame, arg);
  ac_spawn_start(t);
  return t;
}

void ac_task_detach(struct ac_task *task) { ac__task_release_handle(task); }

void ac_task_abort(struct ac_task *task) {
  uint32_t old = atomic_fetch_or_explicit(&task->refs, AC__REF_ABORT, memory_order_acq_rel);
  /* ABORT before the wake reads 'state': pairs with the fence after a
   * multi-thread worker's SCHEDULED -> RUNNING (executor_mt.c poll_task) */
  atomic_thread_fence(memory_order_seq_cst);
  if (!(old & AC__REF_DONE))
    ac__task_wake(task);
}

/* ---------------------------------------------------------------- ac_task_join */

void ac_task_join__init(struct ac_task_join__frame *f, struct ac_task *t, void *out) {
  f->ac_state = 0;
  f->task = t;
  f->out = out;
  f->ac_result = 0;
}

/* The result of a DONE task, not cancelled, to 'out' (may be NULL). */
static inline void copy_result(struct ac_task *t, void *out) {
  const struct ac_spawn_desc *d = t->desc;
  const char *res;
  if (!out)
    return;
  res = (char *)ac__task_frame(t) + d->result_offset;
  switch (d->result_size) { /* the common sizes without a call */
  case 0: break;
  case 4: memcpy(out, res, 4); break;
  case 8: memcpy(out, res, 8); break;
  default: memcpy(out, res, d->result_size); break;
  }
}

/* The outcome of a DONE task whose 'refs' read 'r': its result to 'out',
 * 0 or -ECANCELED. */
static inline int take_result(struct ac_task *t, uint32_t r, void *out) {
  if (r & AC__REF_CANCELLED)
    return -ECANCELED;
  copy_result(t, out);
  return 0;
}

int ac__task_take_result(struct ac_task *t, void *out) {
  return take_result(t, atomic_load_explicit(&t->refs, memory_order_acquire), out);
}

static __attribute__((noinline)) ac_poll join_poll_slow(struct ac_task_join__frame *f,
                                                        struct ac_cx *cx, uint32_t r) {
  struct ac_task *t = f->task;
  if (!(r & AC__REF_DONE)) {
    if (ac__task_set_joiner(t, cx->task)) {
      if (f->ac_state == 0)
        f->ac_since = ac__coarse_now();
      f->ac_state = 1;
      return AC_PENDING;
    }
    r = atomic_load_explicit(&t->refs, memory_order_acquire); /* DONE meanwhile */
  }
  f->ac_result = take_result(t, r, f->out);
  f->task = NULL;
  f->ac_state = AC_STATE_DONE;
  ac__task_release_handle(t);
  return AC_READY;
}

/* join's end when the slot could not go back inline (ac__arena_free_fast),
 * a tail call: the fast path below then saves no registers. */
static __attribute__((noinline)) ac_poll join_free_slow(struct ac_task *t) {
  ac__arena_free_slow(t);
  return AC_READY;
}

void ac__task_join_free(struct ac_task *t) { ac__arena_free(t); }

ac_poll ac_task_join__poll(struct ac_task_join__frame *f, struct ac_cx *cx) {
  return ac__task_join_poll(f, cx);
}

ac_poll ac__task_join_poll(struct ac_task_join__frame *f, struct ac_cx *cx) {
  struct ac_task *t = f->task;
  void *out = f->out;
  uint32_t r;
  size_t n;
  if (f->ac_state == AC_STATE_DONE)
    return AC_READY;
  r = atomic_load_explicit(&t->refs, memory_order_acquire);
  n = out ? t->desc->result_size : 0;
  /* The common end of W3: done, not cancelled, nobody registered and the
   * handle the last reference, so nobody else can reach 't': no atomic
   * write, and the slot goes straight back to the arena (a handle is never
   * the block_on root).  Results of 0, 4 or 8 bytes only: no call (W3:
   * 43 instructions, the free included). */
  if ((r & (AC__REF_DONE | AC__REF_CANCELLED | AC__REF_JOIN_WAITING | AC__REF_COUNT)) !=
          (AC__REF_DONE | AC__REF_ONE) ||
      (n != 8 && n != 4 && n != 0))
    return join_poll_slow(f, cx, r);
  if (n) {
    const char *res = (char *)ac__task_frame(t) + t->desc->result_offset;
    if (n == 8)
      memcpy(out, res, 8);
    else
      memcpy(out, res, 4);
  }
  f->ac_result = 0;
  f->task = NULL;
  f->ac_state = AC_STATE_DONE;
  if (!ac__arena_free_fast(t))
    return join_free_slow(t);
  return AC_READY;
}

void ac_task_join__drop(struct ac_task_join__frame *f) {
  if (f->ac_state != AC_STATE_DONE && f->task)
    ac_task_detach(f->task);
  f->task = NULL;
  f->ac_state = AC_STATE_DONE;
}

void ac_task_join__trace(const void *frame, struct ac_trace *t) {
  const struct ac_task_join__frame *f = frame;
  if (f->ac_state != 1 || !f->task) {
    ac_trace_wait(t, "join of task %p", (void *)f->task);
    return;
  }
  const char *name = f->task->desc ? f->task->desc->name : NULL;
  ac_trace_wait(t, "join of task %p %s", (void *)f->task, name ? name : "");
  ac_trace_since(t, f->ac_since);
}
