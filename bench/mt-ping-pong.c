/* Executor microbenchmarks in plain C (frames hand-written to the lowering
 * convention), for the current-thread executor and the multi-thread one:
 *
 *   yield      one task awaiting ac_yield() N times: cost of one re-queue
 *   ping-pong  two tasks handing a turn back and forth with ac_task_wake:
 *              cost of one hand-off (the LIFO slot's case)
 *   spawn      spawn + join of N tiny tasks, one at a time
 *   parallel   64 tasks of 200 x (2 us of CPU, then ac_yield), spawned from
 *              one worker: wall ms, i.e. whether stealing spreads the work
 *
 * Usage: mt-ping-pong [workers...]   (default: 0 1 2; 0 = current-thread)
 * Prints ns per operation, best of 3 runs. */
#include <asyncc/asyncc.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e9 + ts.tv_nsec;
}

/* ------------------------------------------------------------------ yield */
enum { YIELDS = 2000000 };

struct yield_loop {
  long i;
  struct ac_yield__frame y;
  int waiting;
};

static ac_poll yield_loop_poll(void *p, struct ac_cx *cx) {
  struct yield_loop *f = p;
  for (;;) {
    if (f->waiting) {
      if (ac_yield__poll(&f->y, cx) == AC_PENDING)
        return AC_PENDING;
      f->waiting = 0;
      f->i++;
    }
    if (f->i == YIELDS)
      return AC_READY;
    ac_yield__init(&f->y);
    f->waiting = 1;
  }
}

/* -------------------------------------------------------------- ping-pong
 * The turn is an atomic; whoever is not on turn parks its task pointer
 * under the mutex, the mover wakes it. */
enum { HANDOFFS = 1000000 };

struct table {
  pthread_mutex_t lock;
  int turn;
  long moves;
  struct ac_task *waiting[2];
};

struct player {
  struct table *t;
  int me;
};

static void player_init(void *frame, void *arg) { *(struct player *)frame = *(struct player *)arg; }

static ac_poll player_poll(void *p, struct ac_cx *cx) {
  struct player *f = p;
  struct table *t = f->t;
  pthread_mutex_lock(&t->lock);
  while (t->turn == f->me && t->moves < HANDOFFS) {
    t->turn = 1 - f->me;
    t->moves++;
    if (t->waiting[1 - f->me]) {
      ac_task_wake(t->waiting[1 - f->me]);
      t->waiting[1 - f->me] = NULL;
    }
  }
  if (t->moves >= HANDOFFS) {
    if (t->waiting[1 - f->me]) {
      ac_task_wake(t->waiting[1 - f->me]);
      t->waiting[1 - f->me] = NULL;
    }
    pthread_mutex_unlock(&t->lock);
    return AC_READY;
  }
  t->waiting[f->me] = ac_cx_task(cx);
  pthread_mutex_unlock(&t->lock);
  return AC_PENDING;
}

struct pingpong_root {
  int state, k;
  struct table t;
  struct ac_task *h[2];
  struct ac_task_join__frame j;
};

static ac_poll pingpong_root_poll(void *p, struct ac_cx *cx) {
  struct pingpong_root *f = p;
  if (f->state == 0) {
    for (int i = 0; i < 2; i++) {
      struct player a = {&f->t, i};
      f->h[i] = ac_spawn_frame(cx, sizeof(struct player), 0, 0, player_poll, NULL,
                               player_init, &a);
    }
    ac_task_join__init(&f->j, f->h[0], NULL);
    f->state = 1;
  }
  while (f->k < 2) {
    if (ac_task_join__poll(&f->j, cx) == AC_PENDING)
      return AC_PENDING;
    if (++f->k < 2)
      ac_task_join__init(&f->j, f->h[1], NULL);
  }
  return AC_READY;
}

/* ------------------------------------------------------------------ spawn */
enum { SPAWNS = 200000 };

static ac_poll nothing_poll(void *p, struct ac_cx *cx) {
  (void)p;
  (void)cx;
  return AC_READY;
}

struct spawn_root {
  long i;
  int joining;
  struct ac_task_join__frame j;
};

static ac_poll spawn_root_poll(void *p, struct ac_cx *cx) {
  struct spawn_root *f = p;
  for (;;) {
    if (f->joining) {
      if (ac_task_join__poll(&f->j, cx) == AC_PENDING)
        return AC_PENDING;
      f->joining = 0;
      f->i++;
    }
    if (f->i == SPAWNS)
      return AC_READY;
    ac_task_join__init(&f->j, ac_spawn_frame(cx, 8, 0, 0, nothing_poll, NULL, NULL, NULL),
                       NULL);
    f->joining = 1;
  }
}

/* --------------------------------------------------------------- parallel */
enum { PAR_TASKS = 64, PAR_STEPS = 200 };

static void burn_ns(double ns) {
  double end = now_ns() + ns;
  while (now_ns() < end)
    ;
}

struct burner {
  int steps, waiting;
  struct ac_yield__frame y;
};

static ac_poll burner_poll(void *p, struct ac_cx *cx) {
  struct burner *f = p;
  for (;;) {
    if (f->waiting) {
      if (ac_yield__poll(&f->y, cx) == AC_PENDING)
        return AC_PENDING;
      f->waiting = 0;
    }
    if (f->steps++ == PAR_STEPS)
      return AC_READY;
    burn_ns(2000);
    ac_yield__init(&f->y);
    f->waiting = 1;
  }
}

static void burner_init(void *frame, void *arg) {
  (void)arg;
  *(struct burner *)frame = (struct burner){0};
}

struct par_root {
  int state, k;
  struct ac_task *h[PAR_TASKS];
  struct ac_task_join__frame j;
};

static ac_poll par_root_poll(void *p, struct ac_cx *cx) {
  struct par_root *f = p;
  if (f->state == 0) {
    for (int i = 0; i < PAR_TASKS; i++)
      f->h[i] = ac_spawn_frame(cx, sizeof(struct burner), 0, 0, burner_poll, NULL, burner_init,
                               NULL);
    ac_task_join__init(&f->j, f->h[0], NULL);
    f->state = 1;
  }
  while (f->k < PAR_TASKS) {
    if (ac_task_join__poll(&f->j, cx) == AC_PENDING)
      return AC_PENDING;
    if (++f->k < PAR_TASKS)
      ac_task_join__init(&f->j, f->h[f->k], NULL);
  }
  return AC_READY;
}

/* ------------------------------------------------------------------ main */

static double run(unsigned workers, int which) {
  double best = 1e30;
  for (int rep = 0; rep < 3; rep++) {
    double t0, dt;
    int rc;
    ac_runtime_set_workers(workers);
    if (which == 0) {
      struct yield_loop f = {0};
      t0 = now_ns();
      rc = ac_block_on_frame(&f, yield_loop_poll, NULL);
      dt = (now_ns() - t0) / YIELDS;
    } else if (which == 1) {
      struct pingpong_root f = {0};
      pthread_mutex_init(&f.t.lock, NULL);
      t0 = now_ns();
      rc = ac_block_on_frame(&f, pingpong_root_poll, NULL);
      dt = (now_ns() - t0) / HANDOFFS;
      pthread_mutex_destroy(&f.t.lock);
    } else if (which == 2) {
      struct spawn_root f = {0};
      t0 = now_ns();
      rc = ac_block_on_frame(&f, spawn_root_poll, NULL);
      dt = (now_ns() - t0) / SPAWNS;
    } else {
      struct par_root f = {0};
      t0 = now_ns();
      rc = ac_block_on_frame(&f, par_root_poll, NULL);
      dt = (now_ns() - t0) / 1e6; /* ms */
    }
    if (rc != 0) {
      fprintf(stderr, "runtime failed: %d\n", rc);
      exit(1);
    }
    if (dt < best)
      best = dt;
  }
  return best;
}

int main(int argc, char **argv) {
  unsigned def[] = {0, 1, 2};
  int n = argc > 1 ? argc - 1 : 3;
  printf("%-10s %12s %14s %14s %14s\n", "executor", "yield ns", "hand-off ns", "spawn+join ns",
         "parallel ms");
  for (int i = 0; i < n; i++) {
    unsigned w = argc > 1 ? (unsigned)atoi(argv[i + 1]) : def[i];
    char name[16];
    snprintf(name, sizeof name, w ? "mt%u" : "ct", w);
    printf("%-10s %12.1f %14.1f %14.1f %14.1f\n", name, run(w, 0), run(w, 1), run(w, 2),
           run(w, 3));
    fflush(stdout);
  }
  return 0;
}
