/* The multi-thread executor: frames hand-written to the lowering
 * convention, run with 2 workers (1 where a single worker shows a
 * property better).  ThreadSanitizer runs all of them (unit_tsan.*). */
#include "test.h"

#include "context.h"
#include "driver.h"
#include "executor_mt.h"
#include "runtime_config.h"
#include "task.h"

#include <asyncc/asyncc.h>

#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <unistd.h>

/* Runs a root frame on the multi-thread executor with 'workers' workers,
 * then forgets the choice (all tests share one process when run together). */
static int block_on_mt(unsigned workers, void *frame, ac_poll_fn poll, ac_drop_fn drop) {
  int rc;
  ASSERT_INT_EQ(ac_runtime_set_workers(workers), 0);
  rc = ac_block_on_frame(frame, poll, drop);
  ac__runtime_forget_workers();
  return rc;
}

static struct ac__executor_mt *current_mt(void) {
  struct ac__executor_mt *ex = ac__executor_mt_of(ac__context_current());
  ASSERT_TRUE(ex != NULL);
  return ex;
}

/* Which worker polls: its index, or -1 off the executor. */
static int worker_index(void) {
  struct ac__worker *w = ac__context_worker();
  return w ? (int)w->index : -1;
}

static void spin_us(unsigned us) {
  unsigned long long end = test_now_ms() * 1000 + us;
  struct timespec ts;
  do
    clock_gettime(CLOCK_MONOTONIC, &ts);
  while ((unsigned long long)ts.tv_sec * 1000000u + (unsigned long long)ts.tv_nsec / 1000u < end);
}

/* ------------------------------------------------------------ children */

/* async int yielder(int n) { for (i < n) { spin; await ac_yield(); } return n * 10; }
 * Records which workers polled it. */
struct yielder__frame {
  unsigned ac_state;
  int n, i;
  unsigned spin;
  bool wait_both;
  unsigned workers_seen; /* bit per worker index (< 32) */
  struct ac_yield__frame y;
  int ac_result;
};

struct yielder_args {
  int n;
  unsigned spin;
  bool wait_both; /* first poll: hold the worker until both workers polled */
};

static atomic_uint polled_by; /* union of workers_seen, for stealing tests */

static void yielder__init(void *p, void *arg) {
  struct yielder__frame *f = p;
  const struct yielder_args *a = arg;
  *f = (struct yielder__frame){.n = a->n, .spin = a->spin, .wait_both = a->wait_both};
}

static ac_poll yielder__poll(void *p, struct ac_cx *cx) {
  struct yielder__frame *f = p;
  int w = worker_index();
  if (w >= 0 && w < 32) {
    f->workers_seen |= 1u << w;
    atomic_fetch_or(&polled_by, 1u << w);
  }
  if (f->wait_both) {
    /* This worker is now busy: the other one can only get a child by
     * stealing it (all were spawned on one worker). */
    unsigned long long give_up = test_now_ms() + 10000;
    f->wait_both = false;
    while (atomic_load(&polled_by) != 3u && test_now_ms() < give_up)
      spin_us(50);
  }
  for (;;) {
    if (f->ac_state == 1) {
      if (ac_yield__poll(&f->y, cx) == AC_PENDING)
        return AC_PENDING;
      f->i++;
      f->ac_state = 0;
    }
    if (f->i >= f->n)
      break;
    if (f->spin)
      spin_us(f->spin);
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

static struct ac_task *spawn_yielder_ex(struct ac_cx *cx, int n, unsigned spin,
                                        bool wait_both) {
  struct yielder_args a = {n, spin, wait_both};
  return ac_spawn_frame(cx, sizeof(struct yielder__frame),
                        offsetof(struct yielder__frame, ac_result), sizeof(int),
                        yielder__poll, yielder__drop, yielder__init, &a);
}

static struct ac_task *spawn_yielder(struct ac_cx *cx, int n, unsigned spin) {
  return spawn_yielder_ex(cx, n, spin, false);
}

/* async void sleeper(unsigned long ms): records when it woke and in which
 * order among sleepers. */
struct sleeper__frame {
  unsigned ac_state;
  unsigned yields;
  unsigned long ms;
  struct ac_yield__frame y;
  struct ac_sleep_ms__frame s;
  unsigned long long ac_result; /* test_now_ms() when it woke */
};

struct sleeper_args {
  unsigned long ms;
  unsigned yields; /* yield this often first, to get spread over workers */
};

static void sleeper__init(void *p, void *arg) {
  struct sleeper__frame *f = p;
  const struct sleeper_args *a = arg;
  *f = (struct sleeper__frame){.ms = a->ms, .yields = a->yields};
}

static ac_poll sleeper__poll(void *p, struct ac_cx *cx) {
  struct sleeper__frame *f = p;
  for (;;) {
    switch (f->ac_state) {
    case 0:
      if (f->yields == 0) {
        ac_sleep_ms__init(&f->s, f->ms);
        f->ac_state = 2;
        continue;
      }
      f->yields--;
      ac_yield__init(&f->y);
      f->ac_state = 1;
      /* fallthrough */
    case 1:
      if (ac_yield__poll(&f->y, cx) == AC_PENDING)
        return AC_PENDING;
      f->ac_state = 0;
      continue;
    case 2:
      if (ac_sleep_ms__poll(&f->s, cx) == AC_PENDING)
        return AC_PENDING;
      f->ac_result = test_now_ms();
      f->ac_state = AC_STATE_DONE;
      return AC_READY;
    default:
      return AC_READY;
    }
  }
}

static void sleeper__drop(void *p) {
  struct sleeper__frame *f = p;
  if (f->ac_state == 1)
    ac_yield__drop(&f->y);
  if (f->ac_state == 2)
    ac_sleep_ms__drop(&f->s);
  f->ac_state = AC_STATE_DONE;
}

static struct ac_task *spawn_sleeper(struct ac_cx *cx, unsigned long ms, unsigned yields) {
  struct sleeper_args a = {ms, yields};
  return ac_spawn_frame(cx, sizeof(struct sleeper__frame),
                        offsetof(struct sleeper__frame, ac_result),
                        sizeof(unsigned long long), sleeper__poll,
                        sleeper__drop, sleeper__init, &a);
}

/* ------------------------------------------------- 100k spawn and join */

enum { BATCH = 1000, TOTAL = 100000 };

struct many__frame {
  unsigned ac_state;
  int spawned, joined;
  struct ac_task *h[BATCH];
  struct ac_task_join__frame j;
  int result;
  long sum;
};

static ac_poll many__poll(void *p, struct ac_cx *cx) {
  struct many__frame *f = p;
  for (;;) {
    if (f->ac_state == 0) { /* spawn a batch */
      if (f->spawned == TOTAL)
        return AC_READY;
      for (int i = 0; i < BATCH; i++) {
        f->h[i] = spawn_yielder(cx, (f->spawned + i) % 3, 0);
        ASSERT_TRUE(f->h[i] != NULL);
      }
      f->joined = 0;
      ac_task_join__init(&f->j, f->h[0], &f->result);
      f->ac_state = 1;
    }
    if (ac_task_join__poll(&f->j, cx) == AC_PENDING)
      return AC_PENDING;
    ASSERT_INT_EQ(f->j.ac_result, 0);
    ASSERT_INT_EQ(f->result, ((f->spawned + f->joined) % 3) * 10);
    f->sum += f->result;
    if (++f->joined < BATCH) {
      ac_task_join__init(&f->j, f->h[f->joined], &f->result);
    } else {
      f->spawned += BATCH;
      f->ac_state = 0;
    }
  }
}

TEST_IMPL(mt_spawn_join_100k) {
  static struct many__frame fr;
  fr = (struct many__frame){0};
  ASSERT_INT_EQ(block_on_mt(2, &fr, many__poll, NULL), 0);
  ASSERT_INT_EQ(fr.spawned, TOTAL);
  /* results 0, 10, 20 repeating: 33334 * 0 + 33333 * 10 + 33333 * 20 */
  ASSERT_INT_EQ(fr.sum, 33333L * 10 + 33333L * 20);
  ASSERT_UINT_EQ(ac__spawn_allocated(), 0);
}

/* ------------------------------------------------ wakes from other threads
 * Each child goes through ROUNDS rounds: it posts the round number in
 * 'armed' and returns pending; the foreign thread that owns it sees the
 * post, stores the round in 'done' and wakes it.  The child holds a
 * waker reference for its foreign thread (task.h rule 5). */
enum { FOREIGN_THREADS = 4, PER_THREAD = 8, ROUNDS = 200 };

struct remote_child__frame {
  unsigned ac_state;
  int round;
  atomic_int armed, done;
  _Atomic(struct ac_task *) task;
};

/* 'arg': where to tell the test the frame's address. */
static void remote_child__init(void *p, void *arg) {
  struct remote_child__frame *f = p;
  *(struct remote_child__frame **)arg = f;
  f->ac_state = 0;
  f->round = 0;
  atomic_init(&f->armed, 0);
  atomic_init(&f->done, 0);
  atomic_init(&f->task, NULL);
}

static ac_poll remote_child__poll(void *p, struct ac_cx *cx) {
  struct remote_child__frame *f = p;
  if (f->ac_state == 0) {
    ac_task_ref(ac_cx_task(cx)); /* for the foreign thread */
    atomic_store(&f->task, ac_cx_task(cx));
    f->ac_state = 1;
  }
  while (atomic_load(&f->done) == f->round) {
    if (f->round == ROUNDS) {
      f->ac_state = AC_STATE_DONE;
      return AC_READY;
    }
    f->round++;
    atomic_store(&f->armed, f->round);
  }
  return AC_PENDING;
}

struct remote_group {
  struct remote_child__frame *children[PER_THREAD];
  pthread_t thread;
};

static void *remote_waker(void *p) {
  struct remote_group *g = p;
  for (int round = 1; round <= ROUNDS; round++)
    for (int i = 0; i < PER_THREAD; i++) {
      struct remote_child__frame *c = g->children[i];
      while (atomic_load(&c->armed) < round)
        sched_yield();
      atomic_store(&c->done, round);
      ac_task_wake(atomic_load(&c->task));
    }
  for (int i = 0; i < PER_THREAD; i++)
    ac_task_unref(atomic_load(&g->children[i]->task));
  return NULL;
}

struct remote_root__frame {
  unsigned ac_state;
  struct ac_task *h[FOREIGN_THREADS * PER_THREAD];
  struct remote_group groups[FOREIGN_THREADS];
  int k;
  struct ac_task_join__frame j;
};

static ac_poll remote_root__poll(void *p, struct ac_cx *cx) {
  struct remote_root__frame *f = p;
  if (f->ac_state == 0) {
    for (int g = 0; g < FOREIGN_THREADS; g++)
      for (int i = 0; i < PER_THREAD; i++) {
        struct ac_task *t =
            ac_spawn_frame(cx, sizeof(struct remote_child__frame), 0, 0, remote_child__poll,
                           NULL, remote_child__init, &f->groups[g].children[i]);
        ASSERT_TRUE(t != NULL);
        f->h[g * PER_THREAD + i] = t;
      }
    for (int g = 0; g < FOREIGN_THREADS; g++)
      ASSERT_INT_EQ(pthread_create(&f->groups[g].thread, NULL, remote_waker, &f->groups[g]), 0);
    f->k = 0;
    ac_task_join__init(&f->j, f->h[0], NULL);
    f->ac_state = 1;
  }
  while (f->k < FOREIGN_THREADS * PER_THREAD) {
    if (ac_task_join__poll(&f->j, cx) == AC_PENDING)
      return AC_PENDING;
    ASSERT_INT_EQ(f->j.ac_result, 0);
    if (++f->k < FOREIGN_THREADS * PER_THREAD)
      ac_task_join__init(&f->j, f->h[f->k], NULL);
  }
  for (int g = 0; g < FOREIGN_THREADS; g++)
    pthread_join(f->groups[g].thread, NULL);
  return AC_READY;
}

TEST_IMPL(mt_wakes_from_foreign_threads) {
  static struct remote_root__frame fr;
  fr = (struct remote_root__frame){0};
  ASSERT_INT_EQ(block_on_mt(2, &fr, remote_root__poll, NULL), 0);
  ASSERT_INT_EQ(fr.k, FOREIGN_THREADS * PER_THREAD);
  ASSERT_UINT_EQ(ac__spawn_allocated(), 0);
}

/* ----------------------------------------------------------- stealing
 * The root spawns every child on its own worker; the first poll of each
 * child holds its worker until both workers have polled a child, which
 * the idle worker can only do by stealing. */
enum { STEAL_CHILDREN = 32 };

struct steal_root__frame {
  unsigned ac_state;
  struct ac_task *h[STEAL_CHILDREN];
  int k, result;
  struct ac_task_join__frame j;
  struct ac__mt_stats stats;
};

static ac_poll steal_root__poll(void *p, struct ac_cx *cx) {
  struct steal_root__frame *f = p;
  if (f->ac_state == 0) {
    for (int i = 0; i < STEAL_CHILDREN; i++)
      ASSERT_TRUE((f->h[i] = spawn_yielder_ex(cx, 20, 20, true)) != NULL);
    ac_task_join__init(&f->j, f->h[0], &f->result);
    f->ac_state = 1;
  }
  while (f->k < STEAL_CHILDREN) {
    if (ac_task_join__poll(&f->j, cx) == AC_PENDING)
      return AC_PENDING;
    ASSERT_INT_EQ(f->result, 200);
    if (++f->k < STEAL_CHILDREN)
      ac_task_join__init(&f->j, f->h[f->k], &f->result);
  }
  ac__executor_mt_stats(current_mt(), &f->stats);
  return AC_READY;
}

TEST_IMPL(mt_idle_worker_steals) {
  struct steal_root__frame fr = {0};
  atomic_store(&polled_by, 0);
  ASSERT_INT_EQ(block_on_mt(2, &fr, steal_root__poll, NULL), 0);
  ASSERT_UINT_GE(fr.stats.steal_ops, 1);
  ASSERT_UINT_GE(fr.stats.stolen, fr.stats.steal_ops);
  ASSERT_UINT_EQ(atomic_load(&polled_by), 3u); /* both workers polled children */
  ASSERT_UINT_EQ(ac__spawn_allocated(), 0);
}

/* --------------------------------------------------- LIFO ping-pong
 * Two tasks hand a turn back and forth (each wakes the other, then waits):
 * the hand-off goes through the LIFO slot.  A third task counts its own
 * polls; the ping-pong stops once it has made 100 steps, so if LIFO
 * hand-offs starved the run queue this would reach the cap and fail. */
enum { PING_CAP = 2000000 };

struct court {
  pthread_mutex_t lock;
  int turn;                    /* 0 or 1: whose move */
  long moves;
  struct ac_task *waiting[2];
  atomic_int counter_steps;    /* the third task's progress */
  atomic_bool stop;
};

struct player__frame {
  unsigned ac_state;
  struct court *c;
  int me;
};

static struct court court;

static void player__init(void *p, void *arg) {
  struct player__frame *f = p;
  f->ac_state = 0;
  f->c = &court;
  f->me = (int)(long)arg;
}

static ac_poll player__poll(void *p, struct ac_cx *cx) {
  struct player__frame *f = p;
  struct court *c = f->c;
  pthread_mutex_lock(&c->lock);
  if (c->turn == f->me) {
    c->turn = 1 - f->me;
    c->moves++;
    if (c->moves >= PING_CAP || atomic_load(&c->stop))
      atomic_store(&c->stop, true);
    if (c->waiting[1 - f->me]) {
      ac_task_wake(c->waiting[1 - f->me]); /* the hand-off: into the LIFO slot */
      c->waiting[1 - f->me] = NULL;
    }
  }
  if (atomic_load(&c->stop)) {
    if (c->waiting[1 - f->me]) { /* game over: let the other one see it */
      ac_task_wake(c->waiting[1 - f->me]);
      c->waiting[1 - f->me] = NULL;
    }
    pthread_mutex_unlock(&c->lock);
    f->ac_state = AC_STATE_DONE;
    return AC_READY;
  }
  c->waiting[f->me] = ac_cx_task(cx);
  pthread_mutex_unlock(&c->lock);
  return AC_PENDING;
}

/* The third task: yields until 100 steps, then stops the game. */
struct counter__frame {
  unsigned ac_state;
  struct ac_yield__frame y;
};

static void counter__init(void *p, void *arg) {
  (void)arg;
  ((struct counter__frame *)p)->ac_state = 0;
}

static ac_poll counter__poll(void *p, struct ac_cx *cx) {
  struct counter__frame *f = p;
  for (;;) {
    if (f->ac_state == 1 && ac_yield__poll(&f->y, cx) == AC_PENDING)
      return AC_PENDING;
    if (atomic_fetch_add(&court.counter_steps, 1) + 1 >= 100 || atomic_load(&court.stop)) {
      atomic_store(&court.stop, true);
      f->ac_state = AC_STATE_DONE;
      return AC_READY;
    }
    ac_yield__init(&f->y);
    f->ac_state = 1;
  }
}

struct pingpong_root__frame {
  unsigned ac_state;
  struct ac_task *h[3];
  int k;
  struct ac_task_join__frame j;
  struct ac__mt_stats stats;
};

static ac_poll pingpong_root__poll(void *p, struct ac_cx *cx) {
  struct pingpong_root__frame *f = p;
  if (f->ac_state == 0) {
    f->h[0] = ac_spawn_frame(cx, sizeof(struct player__frame), 0, 0, player__poll, NULL,
                             player__init, (void *)0L);
    f->h[1] = ac_spawn_frame(cx, sizeof(struct player__frame), 0, 0, player__poll, NULL,
                             player__init, (void *)1L);
    f->h[2] = ac_spawn_frame(cx, sizeof(struct counter__frame), 0, 0, counter__poll, NULL,
                             counter__init, NULL);
    ac_task_join__init(&f->j, f->h[0], NULL);
    f->ac_state = 1;
  }
  while (f->k < 3) {
    if (ac_task_join__poll(&f->j, cx) == AC_PENDING)
      return AC_PENDING;
    if (++f->k < 3)
      ac_task_join__init(&f->j, f->h[f->k], NULL);
  }
  ac__executor_mt_stats(current_mt(), &f->stats);
  return AC_READY;
}

static void run_pingpong(unsigned workers) {
  struct pingpong_root__frame fr = {0};
  court = (struct court){.turn = 0};
  pthread_mutex_init(&court.lock, NULL);
  ASSERT_INT_EQ(block_on_mt(workers, &fr, pingpong_root__poll, NULL), 0);
  pthread_mutex_destroy(&court.lock);
  ASSERT_UINT_GE(atomic_load(&court.counter_steps), 100);
  ASSERT_UINT_LT(court.moves, PING_CAP); /* stopped by the counter, not the cap */
  ASSERT_UINT_GE(fr.stats.lifo_polls, 1);
}

TEST_IMPL(mt_lifo_ping_pong_one_worker) { run_pingpong(1); }

TEST_IMPL(mt_lifo_ping_pong_two_workers) { run_pingpong(2); }

/* ------------------------------------------------------------- timers
 * 20 sleepers of distinct durations, 10 ms apart, first spread over the
 * workers by a few yields: each wakes no earlier than its deadline, and in
 * deadline order.  Then 40 sleepers of 60 s, aborted by the root (timers
 * armed on one worker, cancelled on another): the wheel is left empty. */
enum { ORDERED = 20, ABORTED = 40 };

struct timers_root__frame {
  unsigned ac_state;
  unsigned long long start_ms;
  struct ac_task *h[ABORTED];
  unsigned long long woke[ORDERED];
  unsigned long ms[ORDERED];
  int k;
  struct ac_task_join__frame j;
  int status[ABORTED];
  size_t armed_before_abort, armed_after;
  struct ac_yield__frame y;
};

static ac_poll timers_root__poll(void *p, struct ac_cx *cx) {
  struct timers_root__frame *f = p;
  switch (f->ac_state) {
  case 0:
    f->start_ms = test_now_ms();
    for (int i = 0; i < ORDERED; i++) {
      f->ms[i] = 10 + (unsigned long)((i * 7) % ORDERED) * 10;
      ASSERT_TRUE((f->h[i] = spawn_sleeper(cx, f->ms[i], (unsigned)i % 4)) != NULL);
    }
    ac_task_join__init(&f->j, f->h[0], &f->woke[0]);
    f->ac_state = 1;
    /* fallthrough */
  case 1:
    while (f->k < ORDERED) {
      if (ac_task_join__poll(&f->j, cx) == AC_PENDING)
        return AC_PENDING;
      ASSERT_INT_EQ(f->j.ac_result, 0);
      if (++f->k < ORDERED)
        ac_task_join__init(&f->j, f->h[f->k], &f->woke[f->k]);
    }
    /* Aborted sleepers: spawn, let them arm, abort. */
    for (int i = 0; i < ABORTED; i++)
      ASSERT_TRUE((f->h[i] = spawn_sleeper(cx, 60000, (unsigned)i % 3)) != NULL);
    f->k = 0;
    f->ac_state = 2;
    /* fallthrough */
  case 2:
    /* Wait (yielding) until every one has armed its timer. */
    if ((f->armed_before_abort = ac__driver_timer_count(cx->driver)) < ABORTED) {
      ac_yield__init(&f->y);
      ac_yield__poll(&f->y, cx);
      return AC_PENDING;
    }
    for (int i = 0; i < ABORTED; i++)
      ac_task_abort(f->h[i]);
    ac_task_join__init(&f->j, f->h[0], NULL);
    f->ac_state = 3;
    /* fallthrough */
  case 3:
    while (f->k < ABORTED) {
      if (ac_task_join__poll(&f->j, cx) == AC_PENDING)
        return AC_PENDING;
      f->status[f->k] = f->j.ac_result;
      if (++f->k < ABORTED)
        ac_task_join__init(&f->j, f->h[f->k], NULL);
    }
    f->armed_after = ac__driver_timer_count(cx->driver);
    return AC_READY;
  }
  return AC_READY;
}

TEST_IMPL(mt_timers_order_and_cancel) {
  static struct timers_root__frame fr;
  unsigned long long t0 = test_now_ms();
  fr = (struct timers_root__frame){0};
  ASSERT_INT_EQ(block_on_mt(2, &fr, timers_root__poll, NULL), 0);
  for (int i = 0; i < ORDERED; i++) {
    /* Never early (each armed after start_ms)... */
    ASSERT_UINT_GE(fr.woke[i] - fr.start_ms, fr.ms[i]);
    /* ...and in deadline order: a sleeper 10+ ms shorter never wakes after
     * a longer one (2 ms of slack: two wakes of one driver pass can be
     * polled on two workers at once). */
    for (int j = 0; j < ORDERED; j++)
      if (fr.ms[i] < fr.ms[j])
        ASSERT_UINT_LE(fr.woke[i], fr.woke[j] + 2);
  }
  ASSERT_UINT_EQ(fr.armed_before_abort, ABORTED);
  for (int i = 0; i < ABORTED; i++)
    ASSERT_INT_EQ(fr.status[i], -ECANCELED);
  ASSERT_UINT_EQ(fr.armed_after, 0);
  ASSERT_UINT_LT(test_now_ms() - t0, 10000); /* nobody waited for 60 s */
  ASSERT_UINT_GE(test_now_ms() - t0, 200);   /* the longest ordered sleep */
  ASSERT_UINT_EQ(ac__spawn_allocated(), 0);
}

/* Sleeps 30 ms as the root itself, seen from outside: not early. */
static ac_poll sleep_root__poll(void *p, struct ac_cx *cx) { return ac_sleep_ms__poll(p, cx); }
static void sleep_root__drop(void *p) { ac_sleep_ms__drop(p); }

TEST_IMPL(mt_root_sleep_not_early) {
  struct ac_sleep_ms__frame s;
  unsigned long long before = test_now_ms();
  ac_sleep_ms__init(&s, 30);
  ASSERT_INT_EQ(block_on_mt(2, &s, sleep_root__poll, sleep_root__drop), 0);
  ASSERT_UINT_GE(test_now_ms() - before, 30);
}

/* ----------------------------------------------------- shutdown, live tasks
 * The root returns while detached tasks sleep, yield forever or wait for a
 * wake that never comes: they are dropped and freed (LSan checks the
 * allocations in unit_san), the timers disarmed, the workers joined. */
struct forever__frame {
  unsigned ac_state;
};

static void forever__init(void *p, void *arg) {
  (void)arg;
  ((struct forever__frame *)p)->ac_state = 0;
}

static ac_poll forever__poll(void *p, struct ac_cx *cx) {
  (void)p;
  (void)cx;
  return AC_PENDING; /* nobody will wake it */
}

struct shutdown_root__frame {
  unsigned ac_state;
  struct ac_sleep_ms__frame s;
};

static ac_poll shutdown_root__poll(void *p, struct ac_cx *cx) {
  struct shutdown_root__frame *f = p;
  if (f->ac_state == 0) {
    for (int i = 0; i < 10; i++) {
      ac_task_detach(spawn_sleeper(cx, 60000, (unsigned)i % 3));
      ac_task_detach(spawn_yielder(cx, 1 << 30, 0));
      ac_task_detach(ac_spawn_frame(cx, sizeof(struct forever__frame), 0, 0, forever__poll,
                                    NULL, forever__init, NULL));
    }
    ac_sleep_ms__init(&f->s, 20);
    f->ac_state = 1;
  }
  return ac_sleep_ms__poll(&f->s, cx);
}

static void shutdown_root__drop(void *p) {
  struct shutdown_root__frame *f = p;
  if (f->ac_state == 1)
    ac_sleep_ms__drop(&f->s);
}

TEST_IMPL(mt_shutdown_drops_live_tasks) {
  struct shutdown_root__frame fr = {0};
  unsigned long long t0 = test_now_ms();
  ASSERT_INT_EQ(block_on_mt(2, &fr, shutdown_root__poll, shutdown_root__drop), 0);
  ASSERT_UINT_LT(test_now_ms() - t0, 5000);
  ASSERT_UINT_EQ(ac__spawn_allocated(), 0);
  /* The process-wide state is free again: a second runtime starts. */
  fr = (struct shutdown_root__frame){0};
  ASSERT_INT_EQ(block_on_mt(2, &fr, shutdown_root__poll, shutdown_root__drop), 0);
  ASSERT_UINT_EQ(ac__spawn_allocated(), 0);
}

/* ------------------------------------------- ac_block_on misuse on a worker
 * Children spin so both workers run some; each calls ac_block_on_frame in
 * its poll, which must refuse (-EDEADLK) without deadlocking, whichever
 * worker thread it is on.  stderr is captured around the whole runtime. */
enum { NESTED_CHILDREN = 16 };

static atomic_int nested_rc_ok, nested_on_worker[2];

struct nested_child__frame {
  unsigned ac_state;
  struct ac_yield__frame y;
};

static void nested_child__init(void *p, void *arg) {
  (void)arg;
  ((struct nested_child__frame *)p)->ac_state = 0;
}

static ac_poll inner_yield__poll(void *p, struct ac_cx *cx) { return ac_yield__poll(p, cx); }

static ac_poll nested_child__poll(void *p, struct ac_cx *cx) {
  struct ac_yield__frame inner;
  int w = worker_index();
  unsigned long long give_up = test_now_ms() + 5000;
  (void)p;
  (void)cx;
  ac_yield__init(&inner);
  if (ac_block_on_frame(&inner, inner_yield__poll, NULL) == -EDEADLK)
    atomic_fetch_add(&nested_rc_ok, 1);
  ASSERT_UINT_EQ(inner.ac_state, 0); /* never polled */
  ASSERT_TRUE(w == 0 || w == 1);
  atomic_fetch_add(&nested_on_worker[w], 1);
  /* Hold this worker until the other one has run a child too: then the
   * other must have stolen one, and both worker threads were tested. */
  while (!(atomic_load(&nested_on_worker[0]) && atomic_load(&nested_on_worker[1])) &&
         test_now_ms() < give_up)
    spin_us(50);
  return AC_READY;
}

struct nested_root__frame {
  unsigned ac_state;
  struct ac_task *h[NESTED_CHILDREN];
  int k;
  struct ac_task_join__frame j;
};

static ac_poll nested_root__poll(void *p, struct ac_cx *cx) {
  struct nested_root__frame *f = p;
  if (f->ac_state == 0) {
    for (int i = 0; i < NESTED_CHILDREN; i++)
      f->h[i] = ac_spawn_frame(cx, sizeof(struct nested_child__frame), 0, 0,
                               nested_child__poll, NULL, nested_child__init, NULL);
    ac_task_join__init(&f->j, f->h[0], NULL);
    f->ac_state = 1;
  }
  while (f->k < NESTED_CHILDREN) {
    if (ac_task_join__poll(&f->j, cx) == AC_PENDING)
      return AC_PENDING;
    if (++f->k < NESTED_CHILDREN)
      ac_task_join__init(&f->j, f->h[f->k], NULL);
  }
  return AC_READY;
}

TEST_IMPL(mt_nested_block_on_from_worker) {
  struct nested_root__frame fr = {0};
  char message[8192];
  FILE *capture = tmpfile();
  int saved = dup(STDERR_FILENO);
  size_t n;
  ASSERT_TRUE(capture != NULL && saved >= 0);
  atomic_store(&nested_rc_ok, 0);
  atomic_store(&nested_on_worker[0], 0);
  atomic_store(&nested_on_worker[1], 0);
  fflush(stderr);
  dup2(fileno(capture), STDERR_FILENO);
  ASSERT_INT_EQ(block_on_mt(2, &fr, nested_root__poll, NULL), 0);
  fflush(stderr);
  dup2(saved, STDERR_FILENO);
  close(saved);
  rewind(capture);
  n = fread(message, 1, sizeof message - 1, capture);
  message[n] = '\0';
  fclose(capture);
  ASSERT_INT_EQ(atomic_load(&nested_rc_ok), NESTED_CHILDREN);
  ASSERT_INT_EQ(atomic_load(&nested_on_worker[0]) + atomic_load(&nested_on_worker[1]),
                NESTED_CHILDREN);
  ASSERT_UINT_GE(atomic_load(&nested_on_worker[0]), 1);
  ASSERT_UINT_GE(atomic_load(&nested_on_worker[1]), 1);
  ASSERT_STR_CONTAINS(message, "already running an asyncc runtime");
  ASSERT_STR_CONTAINS(message, "deadlock");
  ASSERT_STR_CONTAINS(message, "`await`");
  ASSERT_STR_CONTAINS(message, "ac_spawn_blocking");
  ASSERT_STR_CONTAINS(message, "-EDEADLK");
  ASSERT_UINT_EQ(ac__spawn_allocated(), 0);
}

/* -------------------------------------------------- runtime selection */

static atomic_uint seen_workers; /* 0 for current-thread */

static ac_poll probe__poll(void *p, struct ac_cx *cx) {
  struct ac__executor_mt *ex = ac__executor_mt_of(ac__context_current());
  (void)p;
  (void)cx;
  atomic_store(&seen_workers, ex ? ex->nworkers : 0);
  /* A runtime is running: the choice is frozen. */
  ASSERT_INT_EQ(ac_runtime_set_workers(3), -EBUSY);
  return AC_READY;
}

static unsigned run_probe(void) {
  int dummy = 0;
  atomic_store(&seen_workers, 12345);
  ASSERT_INT_EQ(ac_block_on_frame(&dummy, probe__poll, NULL), 0);
  return atomic_load(&seen_workers);
}

TEST_IMPL(runtime_workers_parse) {
  unsigned n = 99;
  ASSERT_INT_EQ(ac__runtime_parse_workers("0", &n), 0);
  ASSERT_UINT_EQ(n, 0);
  ASSERT_INT_EQ(ac__runtime_parse_workers("2", &n), 0);
  ASSERT_UINT_EQ(n, 2);
  ASSERT_INT_EQ(ac__runtime_parse_workers("1024", &n), 0);
  ASSERT_UINT_EQ(n, 1024);
  ASSERT_INT_EQ(ac__runtime_parse_workers("auto", &n), 0);
  ASSERT_UINT_EQ(n, AC_RUNTIME_WORKERS_PER_CORE);
  n = 7;
  ASSERT_INT_EQ(ac__runtime_parse_workers("", &n), -EINVAL);
  ASSERT_INT_EQ(ac__runtime_parse_workers("1025", &n), -EINVAL);
  ASSERT_INT_EQ(ac__runtime_parse_workers("-1", &n), -EINVAL);
  ASSERT_INT_EQ(ac__runtime_parse_workers("2x", &n), -EINVAL);
  ASSERT_INT_EQ(ac__runtime_parse_workers(" 2", &n), -EINVAL);
  ASSERT_INT_EQ(ac__runtime_parse_workers("99999999999999999999", &n), -EINVAL);
  ASSERT_UINT_EQ(n, 7); /* untouched on error */
  ASSERT_INT_EQ(ac_runtime_set_workers(AC_RUNTIME_MAX_WORKERS + 1), -EINVAL);
}

TEST_IMPL(runtime_selection_precedence) {
  char *saved = getenv("ASYNCC_WORKERS");
  long cpus = sysconf(_SC_NPROCESSORS_ONLN);
  ac__runtime_forget_workers();
  /* Default: current-thread. */
  unsetenv("ASYNCC_WORKERS");
  ASSERT_UINT_EQ(run_probe(), 0);
  /* The environment. */
  setenv("ASYNCC_WORKERS", "2", 1);
  ASSERT_UINT_EQ(run_probe(), 2);
  setenv("ASYNCC_WORKERS", "0", 1);
  ASSERT_UINT_EQ(run_probe(), 0);
  setenv("ASYNCC_WORKERS", "auto", 1);
  ASSERT_UINT_EQ(run_probe(), (unsigned)(cpus < 1 ? 1 : cpus));
  /* An invalid value is reported and ignored. */
  setenv("ASYNCC_WORKERS", "lots", 1);
  ASSERT_UINT_EQ(run_probe(), 0);
  /* The API call wins over the environment, both ways. */
  setenv("ASYNCC_WORKERS", "2", 1);
  ASSERT_INT_EQ(ac_runtime_set_workers(0), 0);
  ASSERT_UINT_EQ(run_probe(), 0);
  setenv("ASYNCC_WORKERS", "0", 1);
  ASSERT_INT_EQ(ac_runtime_set_workers(3), 0);
  ASSERT_UINT_EQ(run_probe(), 3);
  ac__runtime_forget_workers();
  if (saved)
    setenv("ASYNCC_WORKERS", saved, 1);
  else
    unsetenv("ASYNCC_WORKERS");
}

/* ------------------------------------------------------ coop budget
 * A task awaiting always-ready leaves (ac_sleep_ms(0), ac_sleep_until a
 * past deadline) in a loop must still let a timer fire and another task
 * run: the budget makes the leaf return pending every AC__COOP_BUDGET
 * completions.  Without it the loop would run to its cap first. */
enum { COOP_CAP = 20000000 };

static atomic_bool coop_flag;

/* async void set_flag_after(ms) { await ac_sleep_ms(ms); flag = true; } */
struct flagger__frame {
  unsigned ac_state;
  struct ac_sleep_ms__frame s;
};

static void flagger__init(void *p, void *arg) {
  struct flagger__frame *f = p;
  f->ac_state = 0;
  ac_sleep_ms__init(&f->s, (unsigned long)arg);
}

static ac_poll flagger__poll(void *p, struct ac_cx *cx) {
  struct flagger__frame *f = p;
  f->ac_state = 1;
  if (ac_sleep_ms__poll(&f->s, cx) == AC_PENDING)
    return AC_PENDING;
  atomic_store(&coop_flag, true);
  f->ac_state = AC_STATE_DONE;
  return AC_READY;
}

static void flagger__drop(void *p) {
  struct flagger__frame *f = p;
  if (f->ac_state == 1)
    ac_sleep_ms__drop(&f->s);
}

/* The root: spawns the flagger (a 5 ms timer) or, with ms == 0, a task
 * that sets the flag at once, then loops on ready sleeps until the flag. */
struct busy_root__frame {
  unsigned ac_state;
  unsigned long flag_ms;
  long iterations;
  int use_until;
  struct ac_task *h;
  struct ac_sleep_ms__frame s;
  struct ac_sleep_until__frame u;
  struct ac_task_join__frame j;
};

static ac_poll busy_root__poll(void *p, struct ac_cx *cx) {
  struct busy_root__frame *f = p;
  for (;;) {
    switch (f->ac_state) {
    case 0:
      f->h = ac_spawn_frame(cx, sizeof(struct flagger__frame), 0, 0, flagger__poll,
                            flagger__drop, flagger__init, (void *)f->flag_ms);
      f->ac_state = 1;
      continue;
    case 1: /* loop head */
      if (atomic_load(&coop_flag) || f->iterations == COOP_CAP) {
        ac_task_join__init(&f->j, f->h, NULL);
        f->ac_state = 3;
        continue;
      }
      f->iterations++;
      if (f->use_until)
        ac_sleep_until__init(&f->u, ac_now_ms() > 1 ? ac_now_ms() - 1 : 0);
      else
        ac_sleep_ms__init(&f->s, 0);
      f->ac_state = 2;
      /* fallthrough */
    case 2:
      if ((f->use_until ? ac_sleep_until__poll(&f->u, cx) : ac_sleep_ms__poll(&f->s, cx)) ==
          AC_PENDING)
        return AC_PENDING;
      f->ac_state = 1;
      continue;
    case 3:
      if (ac_task_join__poll(&f->j, cx) == AC_PENDING)
        return AC_PENDING;
      return AC_READY;
    }
  }
}

static void run_busy(unsigned workers, unsigned long flag_ms, int use_until) {
  struct busy_root__frame fr = {.flag_ms = flag_ms, .use_until = use_until};
  atomic_store(&coop_flag, false);
  if (workers == 0) {
    ASSERT_INT_EQ(ac_runtime_set_workers(0), 0);
    ASSERT_INT_EQ(ac_block_on_frame(&fr, busy_root__poll, NULL), 0);
    ac__runtime_forget_workers();
  } else {
    ASSERT_INT_EQ(block_on_mt(workers, &fr, busy_root__poll, NULL), 0);
  }
  ASSERT_TRUE(atomic_load(&coop_flag));
  ASSERT_UINT_LT(fr.iterations, COOP_CAP);
  ASSERT_UINT_GE(fr.iterations, 1);
}

TEST_IMPL(coop_ready_loop_lets_others_run) {
  run_busy(0, 0, 0); /* another task, current-thread */
  run_busy(0, 5, 0); /* a timer */
  run_busy(0, 5, 1); /* ac_sleep_until */
  run_busy(1, 0, 0); /* the same on one multi-thread worker */
  run_busy(1, 5, 0);
  run_busy(1, 5, 1);
}

/* ---------------------------------------------------- ac_sleep_until */

struct until__frame {
  unsigned ac_state;
  uint64_t deadline;
  struct ac_sleep_until__frame u;
  uint64_t woke;
  size_t armed_while_pending;
};

static ac_poll until__poll(void *p, struct ac_cx *cx) {
  struct until__frame *f = p;
  if (f->ac_state == 0) {
    f->deadline = ac_now_ms() + 25;
    ac_sleep_until__init(&f->u, f->deadline);
    f->ac_state = 1;
  }
  if (ac_sleep_until__poll(&f->u, cx) == AC_PENDING) {
    f->armed_while_pending = ac__driver_timer_count(cx->driver);
    return AC_PENDING;
  }
  f->woke = ac_now_ms();
  return AC_READY;
}

TEST_IMPL(sleep_until_deadline) {
  struct until__frame fr = {0};
  uint64_t before = ac_now_ms();
  ASSERT_UINT_GE(ac_now_ms(), before); /* monotonic, also outside a runtime */
  ASSERT_INT_EQ(ac_block_on_frame(&fr, until__poll, NULL), 0);
  ASSERT_UINT_GE(fr.woke, fr.deadline);
  ASSERT_UINT_LT(fr.woke, fr.deadline + 1000);
  ASSERT_UINT_EQ(fr.armed_while_pending, 1);
  fr = (struct until__frame){0};
  ASSERT_INT_EQ(block_on_mt(2, &fr, until__poll, NULL), 0);
  ASSERT_UINT_GE(fr.woke, fr.deadline);
}

/* A pending ac_sleep_until dropped leaves no timer; a past one is ready. */
struct until_drop__frame {
  unsigned ac_state;
  struct ac_sleep_until__frame u;
  size_t armed, after;
  int past_ready;
};

static ac_poll until_drop__poll(void *p, struct ac_cx *cx) {
  struct until_drop__frame *f = p;
  ac_sleep_until__init(&f->u, 0);
  f->past_ready = ac_sleep_until__poll(&f->u, cx) == AC_READY;
  ac_sleep_until__init(&f->u, ac_now_ms() + 60000);
  ASSERT_INT_EQ(ac_sleep_until__poll(&f->u, cx), AC_PENDING);
  f->armed = ac__driver_timer_count(cx->driver);
  ac_sleep_until__drop(&f->u);
  f->after = ac__driver_timer_count(cx->driver);
  return AC_READY;
}

TEST_IMPL(sleep_until_drop_and_past) {
  struct until_drop__frame fr = {0};
  ASSERT_INT_EQ(ac_block_on_frame(&fr, until_drop__poll, NULL), 0);
  ASSERT_TRUE(fr.past_ready);
  ASSERT_UINT_EQ(fr.armed, 1);
  ASSERT_UINT_EQ(fr.after, 0);
  fr = (struct until_drop__frame){0};
  ASSERT_INT_EQ(block_on_mt(2, &fr, until_drop__poll, NULL), 0);
  ASSERT_TRUE(fr.past_ready);
  ASSERT_UINT_EQ(fr.armed, 1);
  ASSERT_UINT_EQ(fr.after, 0);
}

/* ------------------------------------------ a timer while a worker is busy
 * One task spins for 400 ms in a single poll; a 20 ms sleeper must still
 * wake on time: the other worker waits in the driver meanwhile, instead of
 * the timer waiting for the spinner's poll to end. */
struct spinner__frame {
  unsigned ac_state;
};

static void spinner__init(void *p, void *arg) {
  (void)arg;
  ((struct spinner__frame *)p)->ac_state = 0;
}

static ac_poll spinner__poll(void *p, struct ac_cx *cx) {
  (void)p;
  (void)cx;
  spin_us(400000);
  return AC_READY;
}

struct busy_timer_root__frame {
  unsigned ac_state;
  struct ac_task *spinner, *sleeper;
  unsigned long long start, woke;
  struct ac_task_join__frame j;
};

static ac_poll busy_timer_root__poll(void *p, struct ac_cx *cx) {
  struct busy_timer_root__frame *f = p;
  switch (f->ac_state) {
  case 0:
    f->start = test_now_ms();
    f->spinner = ac_spawn_frame(cx, sizeof(struct spinner__frame), 0, 0, spinner__poll, NULL,
                                spinner__init, NULL);
    f->sleeper = spawn_sleeper(cx, 20, 0);
    ac_task_join__init(&f->j, f->sleeper, &f->woke);
    f->ac_state = 1;
    /* fallthrough */
  case 1:
    if (ac_task_join__poll(&f->j, cx) == AC_PENDING)
      return AC_PENDING;
    ac_task_join__init(&f->j, f->spinner, NULL);
    f->ac_state = 2;
    /* fallthrough */
  case 2:
    return ac_task_join__poll(&f->j, cx);
  }
  return AC_READY;
}

TEST_IMPL(mt_timer_fires_while_worker_busy) {
  struct busy_timer_root__frame fr = {0};
  ASSERT_INT_EQ(block_on_mt(2, &fr, busy_timer_root__poll, NULL), 0);
  ASSERT_UINT_GE(fr.woke - fr.start, 20);
  ASSERT_UINT_LT(fr.woke - fr.start, 250); /* not after the 400 ms spin */
  ASSERT_UINT_EQ(ac__spawn_allocated(), 0);
}

/* ------------------------------------------------ more workers than cores
 * 8 workers on whatever the machine has: 2000 tasks that yield, sleep 1-3
 * ms and yield again, joined: parking on condvars, the driver changing
 * hands, stealing between many queues. */
enum { OVER_TASKS = 2000 };

struct over_root__frame {
  unsigned ac_state;
  struct ac_task *h[OVER_TASKS];
  int k;
  unsigned long long woke;
  struct ac_task_join__frame j;
};

static ac_poll over_root__poll(void *p, struct ac_cx *cx) {
  struct over_root__frame *f = p;
  if (f->ac_state == 0) {
    for (int i = 0; i < OVER_TASKS; i++)
      ASSERT_TRUE((f->h[i] = spawn_sleeper(cx, 1 + (unsigned long)i % 3, (unsigned)i % 5)) !=
                  NULL);
    ac_task_join__init(&f->j, f->h[0], &f->woke);
    f->ac_state = 1;
  }
  while (f->k < OVER_TASKS) {
    if (ac_task_join__poll(&f->j, cx) == AC_PENDING)
      return AC_PENDING;
    ASSERT_INT_EQ(f->j.ac_result, 0);
    if (++f->k < OVER_TASKS)
      ac_task_join__init(&f->j, f->h[f->k], &f->woke);
  }
  return AC_READY;
}

TEST_IMPL(mt_eight_workers_oversubscribed) {
  static struct over_root__frame fr;
  for (int round = 0; round < 10; round++) {
    fr = (struct over_root__frame){0};
    ASSERT_INT_EQ(block_on_mt(8, &fr, over_root__poll, NULL), 0);
    ASSERT_INT_EQ(fr.k, OVER_TASKS);
    ASSERT_UINT_EQ(ac__spawn_allocated(), 0);
  }
}
