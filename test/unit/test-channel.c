/* Channels: spawned tasks exchanging items through ac_chan_send/recv. */
#include "test.h"

#include "channel.h"
#include "task.h"

#include <asyncc/asyncc.h>

#include <errno.h>

/* async int rx(ch): receives ints until an error, logs them, returns it. */
struct rx__frame {
  unsigned ac_state;
  struct ac_chan *ch;
  int v;
  struct ac_chan_recv__frame r;
  int ac_result;
};
static int rx_log[16], rx_len;

static void rx__init(void *p, void *arg) {
  struct rx__frame *f = p;
  f->ac_state = 0;
  f->ch = arg;
}
static ac_poll rx__poll(void *p, struct ac_cx *cx) {
  struct rx__frame *f = p;
  for (;;) {
    if (f->ac_state == 0) {
      ac_chan_recv__init(&f->r, f->ch, &f->v);
      f->ac_state = 1;
    }
    if (ac_chan_recv__poll(&f->r, cx) == AC_PENDING)
      return AC_PENDING;
    f->ac_state = 0;
    if (f->r.ac_result != 0)
      break;
    if (rx_len < 16)
      rx_log[rx_len++] = f->v;
  }
  f->ac_result = f->r.ac_result;
  f->ac_state = AC_STATE_DONE;
  return AC_READY;
}
static void rx__drop(void *p) {
  struct rx__frame *f = p;
  if (f->ac_state == 1)
    ac_chan_recv__drop(&f->r);
  f->ac_state = AC_STATE_DONE;
}

/* async int tx(ch, n): sends 0..n-1, counting in tx_sent; 0 or the error. */
struct tx_args { struct ac_chan *ch; int n; };
struct tx__frame {
  unsigned ac_state;
  struct ac_chan *ch;
  int n, i;
  struct ac_chan_send__frame s;
  int ac_result;
};
static int tx_sent;

static void tx__init(void *p, void *arg) {
  struct tx__frame *f = p;
  struct tx_args *a = arg;
  f->ac_state = 0;
  f->ch = a->ch;
  f->n = a->n;
  f->i = 0;
  f->ac_result = 0;
}
static ac_poll tx__poll(void *p, struct ac_cx *cx) {
  struct tx__frame *f = p;
  while (f->i < f->n) {
    if (f->ac_state == 0) {
      ac_chan_send__init(&f->s, f->ch, &f->i);
      f->ac_state = 1;
    }
    if (ac_chan_send__poll(&f->s, cx) == AC_PENDING)
      return AC_PENDING;
    f->ac_state = 0;
    if (f->s.ac_result != 0) {
      f->ac_result = f->s.ac_result;
      break;
    }
    tx_sent++;
    f->i++;
  }
  f->ac_state = AC_STATE_DONE;
  return AC_READY;
}
static void tx__drop(void *p) {
  struct tx__frame *f = p;
  if (f->ac_state == 1)
    ac_chan_send__drop(&f->s);
  f->ac_state = AC_STATE_DONE;
}

/* async int echo(a, b): forwards a -> b until a is closed. */
struct echo__frame {
  unsigned ac_state;
  struct ac_chan *a, *b;
  int v;
  struct ac_chan_recv__frame r;
  struct ac_chan_send__frame s;
  int ac_result;
};
static void echo__init(void *p, void *arg) {
  struct echo__frame *f = p;
  struct ac_chan **ab = arg;
  f->ac_state = 0;
  f->a = ab[0];
  f->b = ab[1];
}
static ac_poll echo__poll(void *p, struct ac_cx *cx) {
  struct echo__frame *f = p;
  for (;;) {
    if (f->ac_state == 0) {
      ac_chan_recv__init(&f->r, f->a, &f->v);
      f->ac_state = 1;
    }
    if (f->ac_state == 1) {
      if (ac_chan_recv__poll(&f->r, cx) == AC_PENDING)
        return AC_PENDING;
      if (f->r.ac_result != 0) {
        f->ac_result = f->r.ac_result;
        break;
      }
      ac_chan_send__init(&f->s, f->b, &f->v);
      f->ac_state = 2;
    }
    if (ac_chan_send__poll(&f->s, cx) == AC_PENDING)
      return AC_PENDING;
    ASSERT_INT_EQ(f->s.ac_result, 0);
    f->ac_state = 0;
  }
  f->ac_state = AC_STATE_DONE;
  return AC_READY;
}
static void echo__drop(void *p) {
  struct echo__frame *f = p;
  if (f->ac_state == 1)
    ac_chan_recv__drop(&f->r);
  if (f->ac_state == 2)
    ac_chan_send__drop(&f->s);
  f->ac_state = AC_STATE_DONE;
}

#define SPAWN(cx, T, arg)                                                      \
  ac_spawn_frame(cx, sizeof(struct T##__frame), offsetof(struct T##__frame, ac_result), \
                 sizeof(int), T##__poll, T##__drop, T##__init, arg)

/* The root: a scenario stepped by 'pc'; one op frame of each kind, a yield
 * and a join frame. */
struct root__frame {
  unsigned ac_state;
  int scenario, pc, i, v;
  struct ac_chan *a, *b;
  struct ac_task *h[3];
  int k;
  struct ac_chan_send__frame s;
  struct ac_chan_recv__frame r;
  struct ac_yield__frame y;
  struct ac_task_join__frame j;
  int res[3], st[3];
  struct tx_args ta;
  struct ac_chan *ab[2];
};

/* Helpers: each returns AC_PENDING to suspend the root mid-step. */
#define AWAIT(leaf, fr) if (leaf##__poll(fr, cx) == AC_PENDING) return AC_PENDING
#define STEP(n) f->pc = n; /* fallthrough */ case n:

static ac_poll root__poll(void *p, struct ac_cx *cx) {
  struct root__frame *f = p;
  f->ac_state = 1;
  switch (f->pc) {
  /* ---- 0: ping-pong 1000 items through two capacity-1 channels */
  case 0:
    f->a = ac_chan_new(1, sizeof(int));
    f->b = ac_chan_new(1, sizeof(int));
    f->ab[0] = f->a;
    f->ab[1] = f->b;
    f->h[0] = SPAWN(cx, echo, f->ab);
    for (f->i = 0; f->i < 1000; f->i++) {
      f->v = f->i;
      ac_chan_send__init(&f->s, f->a, &f->v);
      STEP(1);
      AWAIT(ac_chan_send, &f->s);
      ASSERT_INT_EQ(f->s.ac_result, 0);
      ac_chan_recv__init(&f->r, f->b, &f->v);
      STEP(2);
      AWAIT(ac_chan_recv, &f->r);
      ASSERT_INT_EQ(f->r.ac_result, 0);
      ASSERT_INT_EQ(f->v, f->i);
    }
    ac_chan_close(f->a);
    ac_task_join__init(&f->j, f->h[0], &f->res[0]);
    STEP(3);
    AWAIT(ac_task_join, &f->j);
    ASSERT_INT_EQ(f->j.ac_result, 0);
    ASSERT_INT_EQ(f->res[0], -EPIPE);
    break;

  /* ---- 1: a full channel blocks the sender until a recv */
  case 100:
    f->a = ac_chan_new(2, sizeof(int));
    tx_sent = 0;
    f->ta = (struct tx_args){f->a, 5};
    f->h[0] = SPAWN(cx, tx, &f->ta);
    ac_yield__init(&f->y);
    STEP(101);
    AWAIT(ac_yield, &f->y);
    ASSERT_INT_EQ(tx_sent, 2);
    ASSERT_UINT_EQ(ac__chan_waiting_senders(f->a), 1);
    for (f->i = 0; f->i < 5; f->i++) {
      ac_chan_recv__init(&f->r, f->a, &f->v);
      STEP(102);
      AWAIT(ac_chan_recv, &f->r);
      ASSERT_INT_EQ(f->r.ac_result, 0);
      ASSERT_INT_EQ(f->v, f->i);
      ASSERT_INT_EQ(tx_sent, f->i < 3 ? f->i + 2 : 5); /* sender not yet run */
      ac_yield__init(&f->y);
      STEP(103);
      AWAIT(ac_yield, &f->y);
      ASSERT_INT_EQ(tx_sent, f->i < 3 ? f->i + 3 : 5);
    }
    ac_task_join__init(&f->j, f->h[0], &f->res[0]);
    STEP(104);
    AWAIT(ac_task_join, &f->j);
    ASSERT_INT_EQ(f->res[0], 0);
    break;

  /* ---- 2: close wakes a pending receiver and pending senders with -EPIPE */
  case 200:
    f->a = ac_chan_new(1, sizeof(int)); /* empty: receiver waits */
    f->b = ac_chan_new(1, sizeof(int)); /* full: senders wait */
    rx_len = 0;
    tx_sent = 0;
    f->h[0] = SPAWN(cx, rx, f->a);
    f->ta = (struct tx_args){f->b, 3};
    f->h[1] = SPAWN(cx, tx, &f->ta);
    f->h[2] = SPAWN(cx, tx, &f->ta);
    ac_yield__init(&f->y);
    STEP(201);
    AWAIT(ac_yield, &f->y);
    ASSERT_UINT_EQ(ac__chan_waiting_receivers(f->a), 1);
    ASSERT_UINT_EQ(ac__chan_waiting_senders(f->b), 2);
    ASSERT_INT_EQ(tx_sent, 1);
    ac_chan_close(f->a);
    ac_chan_close(f->b);
    ASSERT_UINT_EQ(ac__chan_waiting_receivers(f->a), 0);
    ASSERT_UINT_EQ(ac__chan_waiting_senders(f->b), 0);
    for (f->k = 0; f->k < 3; f->k++) {
      ac_task_join__init(&f->j, f->h[f->k], &f->res[f->k]);
      STEP(202);
      AWAIT(ac_task_join, &f->j);
      ASSERT_INT_EQ(f->j.ac_result, 0);
      ASSERT_INT_EQ(f->res[f->k], -EPIPE);
    }
    ASSERT_INT_EQ(rx_len, 0);
    ASSERT_INT_EQ(tx_sent, 1);
    /* closed but not drained: the buffered item, then -EPIPE */
    ac_chan_recv__init(&f->r, f->b, &f->v);
    STEP(203);
    AWAIT(ac_chan_recv, &f->r);
    ASSERT_INT_EQ(f->r.ac_result, 0);
    ASSERT_INT_EQ(f->v, 0);
    ac_chan_recv__init(&f->r, f->b, &f->v);
    STEP(204);
    AWAIT(ac_chan_recv, &f->r);
    ASSERT_INT_EQ(f->r.ac_result, -EPIPE);
    /* and a send on a closed channel fails at once */
    ac_chan_send__init(&f->s, f->a, &f->v);
    ASSERT_INT_EQ(ac_chan_send__poll(&f->s, cx), AC_READY);
    ASSERT_INT_EQ(f->s.ac_result, -EPIPE);
    break;

  /* ---- 3: dropping a pending recv leaves no waiter */
  case 300:
    f->a = ac_chan_new(1, sizeof(int));
    rx_len = 0;
    f->h[0] = SPAWN(cx, rx, f->a);
    ac_yield__init(&f->y);
    STEP(301);
    AWAIT(ac_yield, &f->y);
    ASSERT_UINT_EQ(ac__chan_waiting_receivers(f->a), 1);
    ac_task_abort(f->h[0]);
    ac_task_join__init(&f->j, f->h[0], NULL);
    STEP(302);
    AWAIT(ac_task_join, &f->j);
    ASSERT_INT_EQ(f->j.ac_result, -ECANCELED);
    ASSERT_UINT_EQ(ac__chan_waiting_receivers(f->a), 0);
    /* the aborted task is freed: a send must not try to wake it */
    ASSERT_UINT_EQ(ac__spawn_allocated(), 0);
    f->v = 7;
    ac_chan_send__init(&f->s, f->a, &f->v);
    ASSERT_INT_EQ(ac_chan_send__poll(&f->s, cx), AC_READY);
    ASSERT_INT_EQ(f->s.ac_result, 0);
    ASSERT_UINT_EQ(ac__chan_len(f->a), 1);
    /* a pending send dropped likewise */
    ac_chan_send__init(&f->s, f->a, &f->v);
    ASSERT_INT_EQ(ac_chan_send__poll(&f->s, cx), AC_PENDING);
    ASSERT_UINT_EQ(ac__chan_waiting_senders(f->a), 1);
    ac_chan_send__drop(&f->s);
    ASSERT_UINT_EQ(ac__chan_waiting_senders(f->a), 0);
    ac_chan_recv__init(&f->r, f->a, &f->v);
    ASSERT_INT_EQ(ac_chan_recv__poll(&f->r, cx), AC_READY);
    ASSERT_INT_EQ(f->v, 7);
    ASSERT_INT_EQ(rx_len, 0);
    break;
  default:
    ASSERT_TRUE(0);
  }
  f->ac_state = AC_STATE_DONE;
  return AC_READY;
}

static void root__drop(void *p) { (void)p; }

static void run_root(int scenario) {
  struct root__frame f;
  memset(&f, 0, sizeof f);
  f.scenario = scenario;
  f.pc = scenario * 100;
  ASSERT_INT_EQ(ac_block_on_frame(&f, root__poll, root__drop), 0);
  ASSERT_UINT_EQ(ac__spawn_allocated(), 0);
  ac_chan_free(f.a);
  ac_chan_free(f.b);
}

TEST_IMPL(chan_ping_pong_1000) { run_root(0); }
TEST_IMPL(chan_full_blocks_sender) { run_root(1); }
TEST_IMPL(chan_close_wakes_waiters) { run_root(2); }
TEST_IMPL(chan_drop_pending_recv_leaves_no_waiter) { run_root(3); }
