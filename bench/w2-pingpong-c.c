/* W2 yield-pingpong (../shared/peers/README.md) on the current-thread
 * runtime, with frames written by hand the way the compiler lowers them:
 *
 *   A (root):    for i in 0..N { send(ping, i); v = recv(pong); v == i }
 *   B (spawned): loop { v = recv(ping); send(pong, v) } until ping closes
 *
 * over two 1-slot ac_chan channels, and the "-notify" variant with two
 * ac_notify objects (A: notify_one(ab); notified(ba); B: the mirror).
 * Prints ns per one-way hand-off = time of A's loop / (2 N).
 * Usage: w2-pingpong-c [N] [runs] [workers]  (workers 0: current-thread,
 * the default; 2: the multi-thread executor with two workers). */
#include <asyncc/asyncc.h>
#include <asyncc/chan.h>
#include <asyncc/sync.h>

#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static long N = 1000000;

static double now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e9 + ts.tv_nsec;
}

#define FAIL(msg) (fprintf(stderr, "w2: %s\n", msg), exit(1))

/* ------------------------------------------------------------- channels */

struct b_chan__frame {
  unsigned ac_state;
  struct ac_chan *ping, *pong;
  int v;
  union {
    struct ac_chan_recv__frame r;
    struct ac_chan_send__frame s;
  } u;
  int ac_result;
};
static void b_chan__init(void *p, void *arg) {
  struct b_chan__frame *f = p;
  struct ac_chan **pp = arg;
  f->ac_state = 0;
  f->ping = pp[0];
  f->pong = pp[1];
}
static ac_poll b_chan__poll(void *p, struct ac_cx *cx) {
  struct b_chan__frame *f = p;
  for (;;) {
    switch (f->ac_state) {
    case 0:
      ac_chan_recv__init(&f->u.r, f->ping, &f->v);
      f->ac_state = 1;
      /* fallthrough */
    case 1:
      if (ac_chan_recv__poll(&f->u.r, cx) == AC_PENDING)
        return AC_PENDING;
      if (f->u.r.ac_result != 0) {
        f->ac_result = 0;
        f->ac_state = AC_STATE_DONE;
        return AC_READY;
      }
      ac_chan_send__init(&f->u.s, f->pong, &f->v);
      f->ac_state = 2;
      /* fallthrough */
    case 2:
      if (ac_chan_send__poll(&f->u.s, cx) == AC_PENDING)
        return AC_PENDING;
      f->ac_state = 0;
    }
  }
}
static void b_chan__drop(void *p) {
  struct b_chan__frame *f = p;
  if (f->ac_state == 1)
    ac_chan_recv__drop(&f->u.r);
  if (f->ac_state == 2)
    ac_chan_send__drop(&f->u.s);
  f->ac_state = AC_STATE_DONE;
}

struct a_chan__frame {
  unsigned ac_state;
  struct ac_chan *ch[2];
  struct ac_task *b;
  long i;
  int x, v;
  double t0;
  union {
    struct ac_chan_recv__frame r;
    struct ac_chan_send__frame s;
    struct ac_task_join__frame j;
  } u;
  double ns;
};
static ac_poll a_chan__poll(void *p, struct ac_cx *cx) {
  struct a_chan__frame *f = p;
  switch (f->ac_state) {
  case 0:
    f->ch[0] = ac_chan_new(1, sizeof(int));
    f->ch[1] = ac_chan_new(1, sizeof(int));
    f->b = ac_spawn_frame(cx, sizeof(struct b_chan__frame), offsetof(struct b_chan__frame, ac_result),
                          sizeof(int), b_chan__poll, b_chan__drop, b_chan__init, f->ch);
    f->t0 = now_ns();
    for (f->i = 0; f->i < N; f->i++) {
      f->x = (int)f->i;
      ac_chan_send__init(&f->u.s, f->ch[0], &f->x);
      f->ac_state = 1;
      /* fallthrough */
    case 1:
      if (ac_chan_send__poll(&f->u.s, cx) == AC_PENDING)
        return AC_PENDING;
      ac_chan_recv__init(&f->u.r, f->ch[1], &f->v);
      f->ac_state = 2;
      /* fallthrough */
    case 2:
      if (ac_chan_recv__poll(&f->u.r, cx) == AC_PENDING)
        return AC_PENDING;
      if (f->u.r.ac_result != 0 || f->v != (int)f->i)
        FAIL("wrong value");
    }
    f->ns = (now_ns() - f->t0) / (2.0 * N);
    ac_chan_close(f->ch[0]);
    ac_task_join__init(&f->u.j, f->b, NULL);
    f->ac_state = 3;
    /* fallthrough */
  case 3:
    if (ac_task_join__poll(&f->u.j, cx) == AC_PENDING)
      return AC_PENDING;
  }
  f->ac_state = AC_STATE_DONE;
  return AC_READY;
}
static void a_drop(void *p) { (void)p; }

/* --------------------------------------------------------------- notify */

struct b_notify__frame {
  unsigned ac_state;
  struct ac_notify *ab, *ba;
  long i;
  struct ac_notified__frame n;
  int ac_result;
};
static void b_notify__init(void *p, void *arg) {
  struct b_notify__frame *f = p;
  struct ac_notify *n = arg;
  f->ac_state = 0;
  f->ab = &n[0];
  f->ba = &n[1];
  f->i = 0;
}
static ac_poll b_notify__poll(void *p, struct ac_cx *cx) {
  struct b_notify__frame *f = p;
  for (; f->i < N; f->i++) {
    if (f->ac_state == 0) {
      ac_notified__init(&f->n, f->ab);
      f->ac_state = 1;
    }
    if (ac_notified__poll(&f->n, cx) == AC_PENDING)
      return AC_PENDING;
    f->ac_state = 0;
    ac_notify_one(f->ba);
  }
  f->ac_result = 0;
  f->ac_state = AC_STATE_DONE;
  return AC_READY;
}
static void b_notify__drop(void *p) {
  struct b_notify__frame *f = p;
  if (f->ac_state == 1)
    ac_notified__drop(&f->n);
  f->ac_state = AC_STATE_DONE;
}

struct a_notify__frame {
  unsigned ac_state;
  struct ac_notify n[2];
  struct ac_task *b;
  long i;
  double t0;
  union {
    struct ac_notified__frame n;
    struct ac_task_join__frame j;
  } u;
  double ns;
};
static ac_poll a_notify__poll(void *p, struct ac_cx *cx) {
  struct a_notify__frame *f = p;
  switch (f->ac_state) {
  case 0:
    ac_notify_init(&f->n[0]);
    ac_notify_init(&f->n[1]);
    f->b = ac_spawn_frame(cx, sizeof(struct b_notify__frame),
                          offsetof(struct b_notify__frame, ac_result), sizeof(int),
                          b_notify__poll, b_notify__drop, b_notify__init, f->n);
    f->t0 = now_ns();
    for (f->i = 0; f->i < N; f->i++) {
      ac_notify_one(&f->n[0]);
      ac_notified__init(&f->u.n, &f->n[1]);
      f->ac_state = 1;
      /* fallthrough */
    case 1:
      if (ac_notified__poll(&f->u.n, cx) == AC_PENDING)
        return AC_PENDING;
    }
    f->ns = (now_ns() - f->t0) / (2.0 * N);
    ac_task_join__init(&f->u.j, f->b, NULL);
    f->ac_state = 2;
    /* fallthrough */
  case 2:
    if (ac_task_join__poll(&f->u.j, cx) == AC_PENDING)
      return AC_PENDING;
  }
  f->ac_state = AC_STATE_DONE;
  return AC_READY;
}

int main(int argc, char **argv) {
  int runs = 5;
  if (argc > 1)
    N = atol(argv[1]);
  if (argc > 2)
    runs = atoi(argv[2]);
  unsigned workers = argc > 3 ? (unsigned)atoi(argv[3]) : 0;
  if (ac_runtime_set_workers(workers) != 0)
    FAIL("bad worker count");
  char peer[32];
  if (workers == 0)
    snprintf(peer, sizeof peer, "asyncc-c-ct");
  else
    snprintf(peer, sizeof peer, "asyncc-c-mt%u", workers);
  for (int r = 0; r < runs; r++) {
    struct a_chan__frame a = {0};
    if (ac_block_on_frame(&a, a_chan__poll, a_drop) != 0)
      FAIL("block_on");
    ac_chan_free(a.ch[0]);
    ac_chan_free(a.ch[1]);
    struct a_notify__frame an = {0};
    if (ac_block_on_frame(&an, a_notify__poll, a_drop) != 0)
      FAIL("block_on");
    printf("RESULT workload=W2 peer=%s metric=ns_per_handoff value=%.1f\n", peer, a.ns);
    printf("RESULT workload=W2-notify peer=%s metric=ns_per_handoff value=%.1f\n", peer, an.ns);
  }
  return 0;
}
