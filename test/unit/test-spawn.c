/* Spawned tasks and join handles: frames hand-written to the lowering
 * convention, spawned with ac_spawn_alloc/ac_spawn_start as the compiler
 * emits it, and awaited with ac_task_join. */
#include "test.h"

#include "driver.h"
#include "task.h"

#include <asyncc/asyncc.h>

#include <errno.h>

/* async int yielder(int n) { for (i < n) await ac_yield(); return n * 10; } */
struct yielder__frame {
  unsigned ac_state;
  int n, i;
  struct ac_yield__frame y;
  int ac_result;
};

static int yield_log[64];
static int yield_log_len;

static void yielder__init(struct yielder__frame *f, int n) {
  f->ac_state = 0;
  f->n = n;
  f->i = 0;
}

static ac_poll yielder__poll(void *p, struct ac_cx *cx) {
  struct yielder__frame *f = p;
  for (;;) {
    if (f->ac_state == 1) {
      if (ac_yield__poll(&f->y, cx) == AC_PENDING)
        return AC_PENDING;
      f->i++;
      f->ac_state = 0;
    }
    if (f->i >= f->n)
      break;
    if (yield_log_len < 64)
      yield_log[yield_log_len++] = f->n;
    ac_yield__init(&f->y);
    f->ac_state = 1;
  }
  f->ac_result = f->n * 10;
  f->ac_state = AC_STATE_DONE;
  return AC_READY;
}

static void yielder__drop(void *p) {
  struct yielder__frame *f = p;
  if (f->ac_state == 1)
    ac_yield__drop(&f->y);
  f->ac_state = AC_STATE_DONE;
}

static const struct ac_spawn_desc yielder__spawn = {
    sizeof(struct yielder__frame), _Alignof(struct yielder__frame),
    offsetof(struct yielder__frame, ac_result), sizeof(int), yielder__poll, yielder__drop, 0, 0, 0};

/* What the compiler emits for ac_spawn(yielder(n)). */
static struct ac_task *spawn_yielder(struct ac_cx *cx, int n) {
  struct ac_task *t;
  struct yielder__frame *f = ac_spawn_alloc(&yielder__spawn, &t);
  (void)cx;
  ASSERT_TRUE(f != NULL);
  yielder__init(f, n);
  ac_spawn_start(t);
  return t;
}

/* async void sleeper(unsigned long ms) */
struct sleeper__frame {
  unsigned ac_state;
  struct ac_sleep_ms__frame s;
};

static void sleeper__init(struct sleeper__frame *f, unsigned long ms) {
  f->ac_state = 0;
  ac_sleep_ms__init(&f->s, ms);
}

static ac_poll sleeper__poll(void *p, struct ac_cx *cx) {
  struct sleeper__frame *f = p;
  f->ac_state = 1;
  if (ac_sleep_ms__poll(&f->s, cx) == AC_PENDING)
    return AC_PENDING;
  f->ac_state = AC_STATE_DONE;
  return AC_READY;
}

static void sleeper__drop(void *p) {
  struct sleeper__frame *f = p;
  if (f->ac_state == 1)
    ac_sleep_ms__drop(&f->s);
  f->ac_state = AC_STATE_DONE;
}

static const struct ac_spawn_desc sleeper__spawn = {
    sizeof(struct sleeper__frame), _Alignof(struct sleeper__frame), 0, 0, sleeper__poll,
    sleeper__drop, 0, 0, 0};

static struct ac_task *spawn_sleeper(struct ac_cx *cx, unsigned long ms) {
  struct ac_task *t;
  struct sleeper__frame *f = ac_spawn_alloc(&sleeper__spawn, &t);
  (void)cx;
  ASSERT_TRUE(f != NULL);
  sleeper__init(f, ms);
  ac_spawn_start(t);
  return t;
}

/* A root frame driven by a test-specific step function: step(f, cx) is
 * called on every poll; the root owns one ac_task_join frame. */
struct root__frame {
  unsigned ac_state;
  int scenario;
  struct ac_task *h[4];
  int k;
  struct ac_task_join__frame j;
  int results[4];
  int status[4];
  long iterations;
  size_t wheel_before, wheel_armed, wheel_after;
};

static ac_poll join_step(struct root__frame *f, struct ac_cx *cx, int idx) {
  if (ac_task_join__poll(&f->j, cx) == AC_PENDING)
    return AC_PENDING;
  f->status[idx] = f->j.ac_result;
  return AC_READY;
}

static ac_poll root__poll(void *p, struct ac_cx *cx) {
  struct root__frame *f = p;
  switch (f->scenario) {
  case 0: /* spawn 3, join in order */
    if (f->ac_state == 0) {
      f->h[0] = spawn_yielder(cx, 3);
      f->h[1] = spawn_yielder(cx, 1);
      f->h[2] = spawn_yielder(cx, 2);
      f->k = 0;
      ac_task_join__init(&f->j, f->h[0], &f->results[0]);
      f->ac_state = 1;
    }
    while (f->k < 3) {
      if (join_step(f, cx, f->k) == AC_PENDING)
        return AC_PENDING;
      if (++f->k < 3)
        ac_task_join__init(&f->j, f->h[f->k], &f->results[f->k]);
    }
    break;
  case 1: /* join a task that already finished */
    if (f->ac_state == 0) {
      f->h[0] = spawn_yielder(cx, 0);
      f->ac_state = 1;
      ac_cx_wake(cx); /* let the child run first */
      return AC_PENDING;
    }
    if (f->ac_state == 1) {
      ASSERT_TRUE(ac__task_is_complete(f->h[0]));
      ac_task_join__init(&f->j, f->h[0], &f->results[0]);
      f->ac_state = 2;
    }
    if (join_step(f, cx, 0) == AC_PENDING)
      return AC_PENDING; /* not reached: already complete */
    break;
  case 2: /* detach, then the task finishes */
    if (f->ac_state == 0) {
      ac_task_detach(spawn_yielder(cx, 2));
      ASSERT_UINT_EQ(ac__spawn_allocated(), 1);
      ac_task_join__init(&f->j, spawn_yielder(cx, 5), &f->results[0]);
      f->ac_state = 1;
    }
    if (join_step(f, cx, 0) == AC_PENDING)
      return AC_PENDING;
    ASSERT_UINT_EQ(ac__spawn_allocated(), 0); /* the detached one is gone */
    break;
  case 3: /* abort a sleeping task */
    if (f->ac_state == 0) {
      f->wheel_before = ac__timer_wheel_count(&cx->driver->timers);
      f->h[0] = spawn_sleeper(cx, 60000);
      f->ac_state = 1;
      ac_cx_wake(cx);
      return AC_PENDING;
    }
    if (f->ac_state == 1) {
      f->wheel_armed = ac__timer_wheel_count(&cx->driver->timers);
      ac_task_abort(f->h[0]);
      ac_task_join__init(&f->j, f->h[0], NULL);
      f->ac_state = 2;
    }
    if (join_step(f, cx, 0) == AC_PENDING)
      return AC_PENDING;
    f->wheel_after = ac__timer_wheel_count(&cx->driver->timers);
    break;
  case 4: /* 100k spawn + join */
    for (;;) {
      if (f->ac_state == 0) {
        if (f->iterations == 100000)
          break;
        ASSERT_UINT_EQ(ac__spawn_allocated(), 0);
        ac_task_join__init(&f->j, spawn_yielder(cx, (int)(f->iterations % 3)), &f->results[0]);
        f->ac_state = 1;
      }
      if (join_step(f, cx, 0) == AC_PENDING)
        return AC_PENDING;
      ASSERT_INT_EQ(f->status[0], 0);
      ASSERT_INT_EQ(f->results[0], (int)(f->iterations % 3) * 10);
      f->iterations++;
      f->ac_state = 0;
    }
    break;
  case 5: /* end with live detached tasks, one sleeping, one joined-but-dropped */
    ac_task_detach(spawn_sleeper(cx, 60000));
    ac_task_detach(spawn_yielder(cx, 1000000));
    f->h[0] = spawn_sleeper(cx, 60000);
    ac_task_detach(f->h[0]);
    ASSERT_UINT_EQ(ac__spawn_allocated(), 3);
    break;
  case 6: /* allocated, never started: freed at shutdown, drop not called */
    {
      struct ac_task *t;
      ASSERT_TRUE(ac_spawn_alloc(&yielder__spawn, &t) != NULL);
      ASSERT_TRUE(t != NULL);
      ASSERT_UINT_EQ(ac__spawn_allocated(), 1);
    }
    break;
  case 8: /* invalid descriptors are refused */
    {
      struct ac_task *t;
      struct ac_spawn_desc d = yielder__spawn;
      d.poll = NULL;
      ASSERT_NULL(ac_spawn_alloc(&d, &t));
      ASSERT_NULL(t);
      d = yielder__spawn;
      d.result_offset = d.frame_size;
      ASSERT_NULL(ac_spawn_alloc(&d, &t));
      d = yielder__spawn;
      d.frame_align = 24;
      ASSERT_NULL(ac_spawn_alloc(&d, &t));
      ASSERT_UINT_EQ(ac__spawn_allocated(), 0);
    }
    break;
  case 7: /* abort before the first poll: the frame is dropped unpolled */
    if (f->ac_state == 0) {
      yield_log_len = 0;
      f->h[0] = spawn_yielder(cx, 2);
      ac_task_abort(f->h[0]);
      ac_task_join__init(&f->j, f->h[0], &f->results[0]);
      f->ac_state = 1;
    }
    if (join_step(f, cx, 0) == AC_PENDING)
      return AC_PENDING;
    ASSERT_INT_EQ(yield_log_len, 0); /* never polled */
    break;
  }
  f->ac_state = AC_STATE_DONE;
  return AC_READY;
}

static void root__drop(void *p) {
  struct root__frame *f = p;
  if (f->ac_state != AC_STATE_DONE && f->ac_state != 0)
    ac_task_join__drop(&f->j);
}

static void run_root(struct root__frame *f, int scenario) {
  memset(f, 0, sizeof *f);
  f->scenario = scenario;
  ASSERT_INT_EQ(ac_block_on_frame(f, root__poll, root__drop), 0);
  ASSERT_UINT_EQ(ac__spawn_allocated(), 0);
}

TEST_IMPL(spawn_join_in_order) {
  struct root__frame f;
  yield_log_len = 0;
  run_root(&f, 0);
  ASSERT_INT_EQ(f.results[0], 30);
  ASSERT_INT_EQ(f.results[1], 10);
  ASSERT_INT_EQ(f.results[2], 20);
  for (int i = 0; i < 3; i++)
    ASSERT_INT_EQ(f.status[i], 0);
  /* They ran interleaved: 3,1,2 then 3,2 then 3. */
  ASSERT_INT_EQ(yield_log_len, 6);
  int want[6] = {3, 1, 2, 3, 2, 3};
  for (int i = 0; i < 6; i++)
    ASSERT_INT_EQ(yield_log[i], want[i]);
}

TEST_IMPL(spawn_join_finished_task) {
  struct root__frame f;
  run_root(&f, 1);
  ASSERT_INT_EQ(f.status[0], 0);
  ASSERT_INT_EQ(f.results[0], 0);
}

TEST_IMPL(spawn_detach_then_finish) {
  struct root__frame f;
  run_root(&f, 2);
  ASSERT_INT_EQ(f.results[0], 50);
}

TEST_IMPL(spawn_abort_sleeping_task) {
  struct root__frame f;
  run_root(&f, 3);
  ASSERT_UINT_EQ(f.wheel_armed, f.wheel_before + 1);
  ASSERT_UINT_EQ(f.wheel_after, f.wheel_before);
  ASSERT_INT_EQ(f.status[0], -ECANCELED);
}

TEST_IMPL(spawn_join_100k) {
  struct root__frame f;
  run_root(&f, 4);
  ASSERT_INT_EQ(f.iterations, 100000);
}

TEST_IMPL(spawn_live_tasks_dropped_at_end) {
  struct root__frame f;
  unsigned long long t0 = test_now_ms();
  run_root(&f, 5);
  ASSERT_UINT_LT(test_now_ms() - t0, 5000); /* did not wait for the sleeps */
}

TEST_IMPL(spawn_alloc_needs_a_runtime) {
  struct ac_task *t = (struct ac_task *)&t;
  ASSERT_NULL(ac_spawn_alloc(&yielder__spawn, &t));
  ASSERT_NULL(t);
}

TEST_IMPL(spawn_alloc_rejects_bad_desc) {
  struct root__frame f;
  run_root(&f, 8);
}

TEST_IMPL(spawn_unstarted_task_freed_at_end) {
  struct root__frame f;
  run_root(&f, 6);
}

TEST_IMPL(spawn_abort_before_first_poll) {
  struct root__frame f;
  run_root(&f, 7);
  ASSERT_INT_EQ(f.status[0], -ECANCELED);
  ASSERT_INT_EQ(f.results[0], 0); /* out untouched */
}
