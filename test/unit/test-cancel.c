/* Cancellation of spawned tasks in every state, leak-checked: join, abort,
 * detach and a dropped join, applied to a task before its first poll,
 * while it is pending (sleeping 60 s on a timer) and once it has completed
 * unjoined.  Afterwards no task may be left to the arena's wholesale
 * reclaim (all freed by reference counting), no timer may be left in the
 * wheel, and under ASan freed slots are poisoned, so a late touch fails. */
#include "test.h"

#include "driver.h"
#include "task.h"

#include <asyncc/asyncc.h>

#include <errno.h>

enum when { BEFORE_POLL, PENDING, COMPLETED, WHEN_N };
enum op { JOIN, ABORT_JOIN, DETACH, ABORT_DETACH, DROP_JOIN, WHEN_DONE_OP_N };

/* async long child(int sleep): returns 7 at once, or sleeps 60 s first */
struct child__frame {
  unsigned ac_state;
  int sleep;
  struct ac_sleep_ms__frame s;
  long ac_result;
};

static int child_drops;

static ac_poll child__poll(void *p, struct ac_cx *cx) {
  struct child__frame *f = p;
  if (f->sleep) {
    if (f->ac_state == 0) {
      ac_sleep_ms__init(&f->s, 60000);
      f->ac_state = 1;
    }
    if (ac_sleep_ms__poll(&f->s, cx) == AC_PENDING)
      return AC_PENDING;
  }
  f->ac_result = 7;
  f->ac_state = AC_STATE_DONE;
  return AC_READY;
}

static void child__drop(void *p) {
  struct child__frame *f = p;
  child_drops++;
  if (f->ac_state == 1)
    ac_sleep_ms__drop(&f->s);
  f->ac_state = AC_STATE_DONE;
}

static const struct ac_spawn_desc child__spawn = {
    sizeof(struct child__frame), _Alignof(struct child__frame),
    offsetof(struct child__frame, ac_result), sizeof(long), child__poll, child__drop, 0, 0, 0};

struct root__frame {
  unsigned ac_state;
  enum when when;
  enum op op;
  struct ac_task *h;
  struct ac_task_join__frame j;
  long out;
  int status, yields;
  size_t wheel_before, wheel_after, live_after;
};

static ac_poll root__poll(void *p, struct ac_cx *cx) {
  struct root__frame *f = p;
  switch (f->ac_state) {
  case 0: {
    struct child__frame *c = ac_spawn_alloc(&child__spawn, &f->h);
    ASSERT_TRUE(c != NULL);
    f->wheel_before = ac__timer_wheel_count(&cx->driver->timers);
    c->ac_state = 0;
    c->sleep = f->when != COMPLETED;
    ac_spawn_start(f->h);
    f->ac_state = 1;
    if (f->when != BEFORE_POLL) {
      ac_cx_wake(cx); /* let the child run once */
      return AC_PENDING;
    }
  }
    /* fallthrough */
  case 1:
    ASSERT_TRUE(ac__task_is_complete(f->h) == (f->when == COMPLETED));
    if (f->op == ABORT_JOIN || f->op == ABORT_DETACH)
      ac_task_abort(f->h);
    if (f->op == DETACH || f->op == ABORT_DETACH) {
      ac_task_detach(f->h);
      f->ac_state = 3;
      break;
    }
    ac_task_join__init(&f->j, f->h, &f->out);
    f->ac_state = 2;
    /* fallthrough */
  case 2:
    if (ac_task_join__poll(&f->j, cx) == AC_PENDING) {
      if (f->op == DROP_JOIN) {
        ac_task_join__drop(&f->j); /* detaches */
        f->status = 1;
        f->ac_state = 3;
        break;
      }
      return AC_PENDING;
    }
    f->status = f->j.ac_result;
    f->ac_state = 3;
    break;
  }
  /* 3: a few more turns, so that aborted tasks get dropped */
  if (f->yields++ < 3) {
    ac_cx_wake(cx);
    return AC_PENDING;
  }
  f->wheel_after = ac__timer_wheel_count(&cx->driver->timers);
  f->live_after = ac__spawn_allocated();
  f->ac_state = AC_STATE_DONE;
  return AC_READY;
}

TEST_IMPL(cancel_every_state_leak_checked) {
  for (int w = 0; w < WHEN_N; w++) {
    for (int o = 0; o < WHEN_DONE_OP_N; o++) {
      struct root__frame f = {0};
      size_t reclaimed = ac__arena_reclaimed_total();
      f.when = w;
      f.op = o;
      child_drops = 0;
      /* a plain join of a sleeping task would wait 60 s: abort it instead */
      if (o == JOIN && w != COMPLETED)
        continue;
      ASSERT_INT_EQ(ac_block_on_frame(&f, root__poll, NULL), 0);
      ASSERT_UINT_EQ(ac__arena_reclaimed_total(), reclaimed); /* nothing leaked */
      switch (o) {
      case JOIN:
        ASSERT_INT_EQ(f.status, 0);
        ASSERT_INT_EQ(f.out, 7);
        break;
      case ABORT_JOIN:
        if (w == COMPLETED) { /* too late: the result stands */
          ASSERT_INT_EQ(f.status, 0);
          ASSERT_INT_EQ(f.out, 7);
        } else {
          ASSERT_INT_EQ(f.status, -ECANCELED);
          ASSERT_INT_EQ(f.out, 0);
        }
        break;
      case DROP_JOIN:
        ASSERT_INT_EQ(f.status, w == COMPLETED ? 0 : 1);
        break;
      }
      /* the frame was dropped exactly once unless it completed */
      ASSERT_INT_EQ(child_drops, w == COMPLETED ? 0 : 1);
      if (o == ABORT_JOIN || o == ABORT_DETACH || w == COMPLETED) {
        ASSERT_UINT_EQ(f.wheel_after, f.wheel_before); /* no timer left */
        ASSERT_UINT_EQ(f.live_after, 0);               /* freed before the end */
      } else {
        ASSERT_UINT_EQ(f.live_after, 1); /* still sleeping: shutdown drops it */
      }
    }
  }
}

/* A waker reference released on another thread after the task is done:
 * the slot goes back through the arena's remote-free list. */
#include <pthread.h>

static void *unref_later(void *p) {
  ac_task_unref(p);
  return NULL;
}

struct remote__frame {
  unsigned ac_state;
  struct ac_task *h;
  struct ac_task_join__frame j;
  pthread_t th;
  long out;
};

static ac_poll remote__poll(void *p, struct ac_cx *cx) {
  struct remote__frame *f = p;
  if (f->ac_state == 0) {
    struct child__frame *c = ac_spawn_alloc(&child__spawn, &f->h);
    c->ac_state = 0;
    c->sleep = 0;
    ac_task_ref(f->h); /* a waker that outlives the join */
    ac_spawn_start(f->h);
    ac_task_join__init(&f->j, f->h, &f->out);
    f->ac_state = 1;
  }
  if (f->ac_state == 1) {
    if (ac_task_join__poll(&f->j, cx) == AC_PENDING)
      return AC_PENDING;
    ASSERT_UINT_EQ(ac__spawn_allocated(), 1); /* the reference keeps it */
    ASSERT_INT_EQ(pthread_create(&f->th, NULL, unref_later, f->h), 0);
    pthread_join(f->th, NULL);
    f->ac_state = 2;
  }
  /* The slot waits on the remote list until the class runs dry: spawn
   * more than a chunk holds, and the count drops by it. */
  {
    size_t before = ac__spawn_allocated(), n = AC__CHUNK_SIZE / 32;
    ASSERT_UINT_EQ(before, 1); /* not yet taken back */
    for (size_t i = 0; i < n; i++) {
      struct ac_task *t;
      struct child__frame *c = ac_spawn_alloc(&child__spawn, &t);
      ASSERT_TRUE(c != NULL);
      c->ac_state = 0;
      c->sleep = 0;
      ac_spawn_start(t);
      ac_task_detach(t);
    }
    ASSERT_UINT_EQ(ac__spawn_allocated(), before - 1 + n);
  }
  f->ac_state = AC_STATE_DONE;
  return AC_READY;
}

TEST_IMPL(cancel_unref_on_other_thread) {
  struct remote__frame f = {0};
  size_t reclaimed = ac__arena_reclaimed_total();
  ASSERT_INT_EQ(ac_runtime_set_workers(0), 0); /* the remote list is the current-thread arena's */
  ASSERT_INT_EQ(ac_block_on_frame(&f, remote__poll, NULL), 0);
  ASSERT_INT_EQ(f.out, 7);
  ASSERT_UINT_EQ(ac__arena_reclaimed_total(), reclaimed);
}

/* Frames above the largest size class and over-aligned frames get chunks
 * of their own: results, alignment and shutdown still hold. */
struct big__frame {
  unsigned ac_state;
  _Alignas(64) char pad[5000];
  long ac_result;
};

static ac_poll big__poll(void *p, struct ac_cx *cx) {
  struct big__frame *f = p;
  (void)cx;
  ASSERT_UINT_EQ((uintptr_t)f % 64, 0);
  f->pad[4999] = 1;
  f->ac_result = 99;
  f->ac_state = AC_STATE_DONE;
  return AC_READY;
}

static const struct ac_spawn_desc big__spawn = {
    sizeof(struct big__frame), _Alignof(struct big__frame),
    offsetof(struct big__frame, ac_result), sizeof(long), big__poll, NULL, 0, 0, 0};

struct bigroot__frame {
  unsigned ac_state;
  struct ac_task *h[3];
  struct ac_task_join__frame j;
  long out;
};

static ac_poll bigroot__poll(void *p, struct ac_cx *cx) {
  struct bigroot__frame *f = p;
  if (f->ac_state == 0) {
    for (int i = 0; i < 3; i++) {
      struct big__frame *b = ac_spawn_alloc(&big__spawn, &f->h[i]);
      ASSERT_TRUE(b != NULL);
      ASSERT_UINT_EQ((uintptr_t)b % 64, 0);
      b->ac_state = 0;
      ac_spawn_start(f->h[i]);
    }
    ac_task_detach(f->h[1]);
    ac_task_join__init(&f->j, f->h[0], &f->out);
    f->ac_state = 1;
  }
  if (ac_task_join__poll(&f->j, cx) == AC_PENDING)
    return AC_PENDING;
  /* h[2] completes unjoined: reclaimed with the arena */
  f->ac_state = AC_STATE_DONE;
  return AC_READY;
}

TEST_IMPL(spawn_large_and_overaligned_frames) {
  struct bigroot__frame f = {0};
  size_t reclaimed = ac__arena_reclaimed_total();
  ASSERT_INT_EQ(ac_block_on_frame(&f, bigroot__poll, NULL), 0);
  ASSERT_INT_EQ(f.out, 99);
  ASSERT_UINT_EQ(ac__arena_reclaimed_total(), reclaimed + 1); /* the unjoined h[2] */
}
