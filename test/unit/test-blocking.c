/* ac_spawn_blocking: the blocking pool awaited as a leaf future. */
#include "test.h"

#include "pool.h"

#include <asyncc/asyncc.h>
#include <asyncc/blocking.h>

#include <stdlib.h>

#include <stdatomic.h>
#include <time.h>

static void sleep_ms(long ms) {
  struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
  while (nanosleep(&ts, &ts) != 0) {
  }
}

static atomic_int concurrent, max_concurrent, ran, started, finished;
static atomic_int gate; /* jobs of 'gated' spin until it is set */

static void reset(void) {
  concurrent = max_concurrent = ran = started = finished = gate = 0;
}

static void *sleep20(void *arg) {
  int c = atomic_fetch_add(&concurrent, 1) + 1;
  int m = atomic_load(&max_concurrent);
  while (c > m && !atomic_compare_exchange_weak(&max_concurrent, &m, c)) {
  }
  sleep_ms(20);
  atomic_fetch_sub(&concurrent, 1);
  atomic_fetch_add(&ran, 1);
  return (char *)arg + 1;
}

static void *gated(void *arg) {
  atomic_fetch_add(&started, 1);
  while (!atomic_load(&gate))
    sleep_ms(1);
  atomic_fetch_add(&finished, 1);
  return arg;
}

static void *marker(void *arg) {
  atomic_fetch_add(&ran, 1);
  return arg;
}

static void *slow_running(void *arg) {
  atomic_fetch_add(&started, 1);
  sleep_ms(50);
  atomic_fetch_add(&finished, 1);
  return arg;
}

/* async void child(void) { await ac_spawn_blocking(slow_running, NULL); } */
struct child__frame {
  unsigned ac_state;
  struct ac_spawn_blocking__frame b;
};

static void child__init(void *p, void *arg) {
  struct child__frame *f = p;
  (void)arg;
  f->ac_state = 0;
  ac_spawn_blocking__init(&f->b, slow_running, NULL);
}

static ac_poll child__poll(void *p, struct ac_cx *cx) {
  struct child__frame *f = p;
  f->ac_state = 1;
  if (ac_spawn_blocking__poll(&f->b, cx) == AC_PENDING)
    return AC_PENDING;
  f->ac_state = AC_STATE_DONE;
  return AC_READY;
}

static void child__drop(void *p) {
  struct child__frame *f = p;
  if (f->ac_state == 1)
    ac_spawn_blocking__drop(&f->b);
  f->ac_state = AC_STATE_DONE;
}

/* A job abandoned while it runs (ac_getaddrinfo's drop): the frame is in
 * a heap block that the pool thread frees when the job returns. */
struct orphan_job {
  struct ac_spawn_blocking__frame bf;
  atomic_int release;
};

static void *held(void *arg) {
  struct orphan_job *o = arg;
  atomic_fetch_add(&started, 1);
  while (!atomic_load(&o->release)) {
  }
  return NULL;
}

static void orphan_free(void *arg) {
  atomic_fetch_add(&finished, 1);
  free(arg);
}

enum { ABANDON_ROUNDS = 300 };

struct root__frame {
  unsigned ac_state;
  int scenario;
  struct ac_spawn_blocking__frame b[8];
  unsigned done; /* bit i: b[i] ready */
  void *results[8];
  struct ac_yield__frame y;
  int finished_after_drop;
};

/* Polls b[0..n) not yet ready; AC_READY when all are. */
static ac_poll poll_all(struct root__frame *f, struct ac_cx *cx, int n) {
  for (int i = 0; i < n; i++) {
    if (f->done & (1u << i))
      continue;
    if (ac_spawn_blocking__poll(&f->b[i], cx) == AC_READY) {
      f->results[i] = f->b[i].ac_result;
      f->done |= 1u << i;
    }
  }
  return f->done == (1u << n) - 1 ? AC_READY : AC_PENDING;
}

static ac_poll root__poll(void *p, struct ac_cx *cx) {
  struct root__frame *f = p;
  switch (f->scenario) {
  case 0: /* 8 x 20 ms */
    if (f->ac_state == 0) {
      for (int i = 0; i < 8; i++)
        ac_spawn_blocking__init(&f->b[i], sleep20, (char *)0 + 100 * i);
      f->ac_state = 1;
    }
    if (poll_all(f, cx, 8) == AC_PENDING)
      return AC_PENDING;
    break;
  case 1: /* one result */
    if (f->ac_state == 0) {
      ac_spawn_blocking__init(&f->b[0], marker, (void *)f);
      f->ac_state = 1;
    }
    if (poll_all(f, cx, 1) == AC_PENDING)
      return AC_PENDING;
    break;
  case 2: /* 4 gated jobs fill the pool; the 5th is queued, then dropped */
    if (f->ac_state == 0) {
      for (int i = 0; i < 4; i++)
        ac_spawn_blocking__init(&f->b[i], gated, (char *)0 + i + 1);
      ac_spawn_blocking__init(&f->b[4], marker, NULL);
      poll_all(f, cx, 5);
      ASSERT_UINT_EQ(ac_blocking_thread_count(), 4);
      ac_spawn_blocking__drop(&f->b[4]);
      atomic_store(&gate, 1);
      f->ac_state = 1;
    }
    if (poll_all(f, cx, 4) == AC_PENDING)
      return AC_PENDING;
    break;
  case 4: /* a detached task awaiting a running job is dropped at shutdown */
    if (f->ac_state == 0) {
      ac_task_detach(ac_spawn_frame(cx, sizeof(struct child__frame), 0, 0, child__poll,
                                    child__drop, child__init, NULL));
      f->ac_state = 1;
      ac_yield__init(&f->y);
    }
    while (!atomic_load(&started)) {
      if (ac_yield__poll(&f->y, cx) == AC_PENDING)
        return AC_PENDING;
      ac_yield__init(&f->y);
    }
    break;
  case 5: /* abandon a running job just as it returns, many times */
    for (int i = 0; i < ABANDON_ROUNDS; i++) {
      struct orphan_job *o = calloc(1, sizeof *o);
      ASSERT_TRUE(o != NULL);
      ac_spawn_blocking__init(&o->bf, held, o);
      ASSERT_INT_EQ(ac_spawn_blocking__poll(&o->bf, cx), AC_PENDING);
      while (atomic_load(&started) != i + 1) {
      }
      atomic_store(&o->release, 1);
      /* running: the pool thread frees 'o' (and the frame in it) once
       * held() returns, which may be before abandon itself returns */
      if (ac__blocking_abandon(&o->bf, orphan_free))
        orphan_free(o);
    }
    break;
  case 3: /* drop a running job */
    if (f->ac_state == 0) {
      ac_spawn_blocking__init(&f->b[0], slow_running, NULL);
      ASSERT_INT_EQ(ac_spawn_blocking__poll(&f->b[0], cx), AC_PENDING);
      f->ac_state = 1;
      ac_yield__init(&f->y);
    }
    while (!atomic_load(&started)) {
      if (ac_yield__poll(&f->y, cx) == AC_PENDING)
        return AC_PENDING;
      ac_yield__init(&f->y);
    }
    ac_spawn_blocking__drop(&f->b[0]);
    f->finished_after_drop = atomic_load(&finished);
    /* Scribble over the frame: the pool thread must not touch it now. */
    memset(&f->b[0], 0xA5, sizeof f->b[0]);
    break;
  }
  f->ac_state = AC_STATE_DONE;
  return AC_READY;
}

static void root__drop(void *p) {
  struct root__frame *f = p;
  (void)f;
}

static void run_root(struct root__frame *f, int scenario) {
  memset(f, 0, sizeof *f);
  f->scenario = scenario;
  ASSERT_INT_EQ(ac_block_on_frame(f, root__poll, root__drop), 0);
}

TEST_IMPL(blocking_eight_jobs_four_threads) {
  struct root__frame f;
  reset();
  unsigned long long t0 = test_now_ms();
  run_root(&f, 0);
  unsigned long long dt = test_now_ms() - t0;
  ASSERT_UINT_GE(dt, 39);
  ASSERT_UINT_LT(dt, 200); /* ~40 ms: two waves of four, not 160 ms */
  ASSERT_INT_EQ(ran, 8);
  ASSERT_UINT_LE(max_concurrent, 4);
  ASSERT_UINT_LE(ac_blocking_thread_count(), 4);
  for (int i = 0; i < 8; i++)
    ASSERT_PTR_EQ(f.results[i], (char *)0 + 100 * i + 1);
}

TEST_IMPL(blocking_result_delivered) {
  struct root__frame f;
  reset();
  run_root(&f, 1);
  ASSERT_INT_EQ(ran, 1);
  ASSERT_PTR_EQ(f.results[0], &f);
}

TEST_IMPL(blocking_drop_queued_never_runs) {
  struct root__frame f;
  reset();
  run_root(&f, 2);
  for (int i = 0; i < 4; i++)
    ASSERT_PTR_EQ(f.results[i], (char *)0 + i + 1);
  ASSERT_INT_EQ(finished, 4);
  sleep_ms(50); /* give a (buggy) pool time to run it anyway */
  ASSERT_INT_EQ(ran, 0);
}

TEST_IMPL(blocking_drop_running_waits) {
  struct root__frame f;
  reset();
  run_root(&f, 3);
  ASSERT_INT_EQ(f.finished_after_drop, 1);
}

TEST_IMPL(blocking_running_job_in_task_dropped_at_end) {
  struct root__frame f;
  reset();
  run_root(&f, 4);
  ASSERT_INT_EQ(started, 1);
  ASSERT_INT_EQ(finished, 1); /* the shutdown drop waited for it */
}

/* Under TSan (unit_tsan) and ASan (unit_san) this caught the frame being
 * written after the pool thread could have freed it. */
TEST_IMPL(blocking_abandon_running_job_races_its_end) {
  struct root__frame f;
  reset();
  run_root(&f, 5);
  unsigned long long t0 = test_now_ms();
  while (atomic_load(&finished) != ABANDON_ROUNDS && test_now_ms() - t0 < 10000)
    sleep_ms(1);
  ASSERT_INT_EQ(started, ABANDON_ROUNDS);
  ASSERT_INT_EQ(finished, ABANDON_ROUNDS); /* each freed exactly once */
}

TEST_IMPL(blocking_idle_threads_exit) {
  struct root__frame f;
  reset();
  run_root(&f, 1);
  ASSERT_UINT_GE(ac_blocking_thread_count(), 1);
  unsigned long long t0 = test_now_ms();
  while (ac_blocking_thread_count() != 0 && test_now_ms() - t0 < 10000)
    sleep_ms(10);
  ASSERT_UINT_EQ(ac_blocking_thread_count(), 0);
}
