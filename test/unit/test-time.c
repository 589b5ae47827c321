/* ac_yield and ac_sleep_ms, awaited from frames hand-written the way the
 * compiler lowers async functions (state switch, child frames inline,
 * *_erased wrappers for ac_block_on_frame). */
#include "test.h"

#include <asyncc/asyncc.h>
#include <asyncc/lowered.h>

/* White box: the pending-timer count of the running executor. */
#include "driver.h"
#include "task.h"

static size_t pending_timers(struct ac_cx *cx) {
  return ac__timer_wheel_count(&cx->driver->timers);
}

/* ------------------------------------------------------------------------
 * async int yield3(void) { int i; for (i = 0; i < 3; i++) await ac_yield(); return i; } */
struct yield3__frame {
  unsigned ac_state;
  int i;
  struct ac_yield__frame y;
  int ac_result;
};
static int yield3_polls;

static void yield3__init(struct yield3__frame *f) { f->ac_state = 0; }

static ac_poll yield3__poll(struct yield3__frame *f, struct ac_cx *cx) {
  yield3_polls++;
  switch (f->ac_state) {
  case 0: goto s0;
  case 1: goto s1;
  default: return AC_READY;
  }
s0:
  for (f->i = 0; f->i < 3; f->i++) {
    ac_yield__init(&f->y);
  s1:
    if (ac_yield__poll(&f->y, cx) == AC_PENDING) {
      f->ac_state = 1;
      return AC_PENDING;
    }
  }
  f->ac_result = f->i;
  f->ac_state = AC_STATE_DONE;
  return AC_READY;
}

static void yield3__drop(struct yield3__frame *f) {
  if (f->ac_state == 1)
    ac_yield__drop(&f->y);
  f->ac_state = AC_STATE_DONE;
}

static ac_poll yield3__poll_erased(void *f, struct ac_cx *cx) { return yield3__poll(f, cx); }
static void yield3__drop_erased(void *f) { yield3__drop(f); }

TEST_IMPL(yield_three_times) {
  struct yield3__frame fr;
  yield3__init(&fr);
  ASSERT_INT_EQ(ac_block_on_frame(&fr, yield3__poll_erased, yield3__drop_erased), 0);
  ASSERT_INT_EQ(fr.ac_result, 3);
  ASSERT_INT_EQ(yield3_polls, 4); /* one poll per yield, plus the last */
}

TEST_IMPL(yield_drop_is_noop) {
  struct ac_yield__frame y;
  ac_yield__init(&y);
  ac_yield__drop(&y); /* unstarted */
  ASSERT_TRUE(AC_STATE_IS_DONE(y.ac_state));
  ac_yield__drop(&y); /* done */
  ASSERT_TRUE(AC_STATE_IS_DONE(y.ac_state));
}

/* ------------------------------------------------------------------------
 * async void napper(unsigned long ms, int id) { await ac_sleep_ms(ms); record(id); } */
struct napper__frame {
  unsigned ac_state;
  unsigned long ms;
  int id;
  struct ac_sleep_ms__frame sleep;
};

static int finish_order[3], finished;
static unsigned long long finish_ms[3], start_ms;

static void napper__init(struct napper__frame *f, unsigned long ms, int id) {
  f->ac_state = 0;
  f->ms = ms;
  f->id = id;
}

static ac_poll napper__poll(struct napper__frame *f, struct ac_cx *cx) {
  switch (f->ac_state) {
  case 0: goto s0;
  case 1: goto s1;
  default: return AC_READY;
  }
s0:
  ac_sleep_ms__init(&f->sleep, f->ms);
s1:
  if (ac_sleep_ms__poll(&f->sleep, cx) == AC_PENDING) {
    f->ac_state = 1;
    return AC_PENDING;
  }
  finish_ms[f->id] = test_now_ms() - start_ms;
  finish_order[finished++] = f->id;
  f->ac_state = AC_STATE_DONE;
  return AC_READY;
}

static void napper__drop(struct napper__frame *f) {
  if (f->ac_state == 1)
    ac_sleep_ms__drop(&f->sleep);
  f->ac_state = AC_STATE_DONE;
}

/* A join of three nappers: polls every unfinished child on each poll, as a
 * join combinator does. */
struct join3__frame {
  unsigned ac_state;
  struct napper__frame child[3];
  int done[3];
};

static ac_poll join3__poll_erased(void *p, struct ac_cx *cx) {
  struct join3__frame *f = p;
  int all = 1;
  for (int i = 0; i < 3; i++) {
    if (!f->done[i])
      f->done[i] = napper__poll(&f->child[i], cx) == AC_READY;
    all &= f->done[i];
  }
  if (!all)
    return AC_PENDING;
  f->ac_state = AC_STATE_DONE;
  return AC_READY;
}

static void join3__drop_erased(void *p) {
  struct join3__frame *f = p;
  for (int i = 0; i < 3; i++)
    napper__drop(&f->child[i]);
}

TEST_IMPL(sleep_deadline_order) {
  static const unsigned long ms[3] = {30, 10, 20};
  struct join3__frame fr = {0};
  for (int i = 0; i < 3; i++)
    napper__init(&fr.child[i], ms[i], i);
  start_ms = test_now_ms();
  ASSERT_INT_EQ(ac_block_on_frame(&fr, join3__poll_erased, join3__drop_erased), 0);
  ASSERT_INT_EQ(finished, 3);
  /* Deadline order: 10 ms (1), 20 ms (2), 30 ms (0).  Only a stall of the
   * whole process (a loaded machine) can make two timers due in the same
   * driver pass; the join then polls them in index order, within a
   * millisecond, which is not an ordering error. */
  for (int a = 0; a < 3; a++)
    for (int b = a + 1; b < 3; b++)
      if (ms[finish_order[a]] > ms[finish_order[b]])
        ASSERT_UINT_LE(finish_ms[finish_order[b]] - finish_ms[finish_order[a]], 1);
  for (int i = 0; i < 3; i++) {
    ASSERT_UINT_GE(finish_ms[i], ms[i]);
    ASSERT_UINT_LT(finish_ms[i], ms[i] + 500); /* generous for loaded CI */
  }
}

/* ------------------------------------------------------------------------
 * Frames that poke at sleeps directly, checking the wheel between steps. */
struct probe__frame {
  unsigned ac_state;
  struct ac_sleep_ms__frame sleep;
  struct ac_sleep_ms__frame *heap_sleep;
  int steps;
};

static ac_poll sleep_zero__poll(void *p, struct ac_cx *cx) {
  struct probe__frame *f = p;
  ac_sleep_ms__init(&f->sleep, 0);
  ASSERT_INT_EQ(ac_sleep_ms__poll(&f->sleep, cx), AC_READY);
  ASSERT_UINT_EQ(pending_timers(cx), 0);
  f->steps++;
  return AC_READY;
}

TEST_IMPL(sleep_zero_is_ready_at_once) {
  struct probe__frame fr = {0};
  ASSERT_INT_EQ(ac_block_on_frame(&fr, sleep_zero__poll, NULL), 0);
  ASSERT_INT_EQ(fr.steps, 1);
}

static ac_poll drop_pending__poll(void *p, struct ac_cx *cx) {
  struct probe__frame *f = p;
  switch (f->ac_state) {
  case 0:
    ac_sleep_ms__init(&f->sleep, 1000);
    ASSERT_UINT_EQ(pending_timers(cx), 0);
    ASSERT_INT_EQ(ac_sleep_ms__poll(&f->sleep, cx), AC_PENDING);
    ASSERT_UINT_EQ(pending_timers(cx), 1);
    ac_sleep_ms__drop(&f->sleep);
    ASSERT_UINT_EQ(pending_timers(cx), 0);
    ac_sleep_ms__drop(&f->sleep); /* twice: still a no-op */
    ASSERT_UINT_EQ(pending_timers(cx), 0);
    f->ac_state = AC_STATE_DONE;
    return AC_READY;
  }
  return AC_READY;
}

TEST_IMPL(sleep_drop_pending_leaves_no_timer) {
  struct probe__frame fr = {0};
  unsigned long long t0 = test_now_ms();
  ASSERT_INT_EQ(ac_block_on_frame(&fr, drop_pending__poll, NULL), 0);
  ASSERT_UINT_LT(test_now_ms() - t0, 500); /* did not wait for the dropped 1 s timer */
}

/* A sleep frame on the heap is dropped and freed while pending, then the
 * task sleeps past the dead frame's deadline: if the wheel still held its
 * entry, ASan would report the heap-use-after-free. */
static ac_poll drop_then_free__poll(void *p, struct ac_cx *cx) {
  struct probe__frame *f = p;
  switch (f->ac_state) {
  case 0:
    f->heap_sleep = malloc(sizeof *f->heap_sleep);
    ASSERT_TRUE(f->heap_sleep != NULL);
    ac_sleep_ms__init(f->heap_sleep, 10);
    ASSERT_INT_EQ(ac_sleep_ms__poll(f->heap_sleep, cx), AC_PENDING);
    ac_sleep_ms__drop(f->heap_sleep);
    free(f->heap_sleep);
    f->heap_sleep = NULL;
    ac_sleep_ms__init(&f->sleep, 40);
    /* fallthrough */
  case 1:
    if (ac_sleep_ms__poll(&f->sleep, cx) == AC_PENDING) {
      f->ac_state = 1;
      return AC_PENDING;
    }
    ASSERT_UINT_EQ(pending_timers(cx), 0);
    f->ac_state = AC_STATE_DONE;
    return AC_READY;
  }
  return AC_READY;
}

TEST_IMPL(sleep_dropped_frame_is_never_touched) {
  struct probe__frame fr = {0};
  ASSERT_INT_EQ(ac_block_on_frame(&fr, drop_then_free__poll, NULL), 0);
}

/* A sleep polled again before its deadline (its task was woken by a yield)
 * stays pending and keeps its one timer. */
static ac_poll polled_early__poll(void *p, struct ac_cx *cx) {
  struct probe__frame *f = p;
  if (f->ac_state == 0) {
    ac_sleep_ms__init(&f->sleep, 30);
    f->ac_state = 1;
  }
  if (ac_sleep_ms__poll(&f->sleep, cx) == AC_READY) {
    ASSERT_UINT_EQ(pending_timers(cx), 0);
    return AC_READY;
  }
  ASSERT_UINT_EQ(pending_timers(cx), 1);
  if (f->steps++ < 5)
    ac_cx_wake(cx); /* spurious wake: poll the sleep again at once */
  return AC_PENDING;
}

TEST_IMPL(sleep_polled_early_stays_pending) {
  struct probe__frame fr = {0};
  unsigned long long t0 = test_now_ms();
  ASSERT_INT_EQ(ac_block_on_frame(&fr, polled_early__poll, NULL), 0);
  ASSERT_UINT_GE(test_now_ms() - t0, 30);
  ASSERT_INT_EQ(fr.steps, 6); /* five spurious polls, then one more before the timer fired */
}
