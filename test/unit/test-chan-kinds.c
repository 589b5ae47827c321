/* Channels on one runtime: unbounded MPSC, try_send/try_recv, every
 * cancellation state of a waiting send/recv (queued, woken, item handed
 * over), oneshot and broadcast.  Op tasks (sync-ops.h) await one operation
 * each; aborting one before it runs again drops its frame in the woken
 * state. */
#include "sync-ops.h"

#include "channel.h"

struct root {
  unsigned ac_state;
  int pc, settle, i, v;
  struct ac_yield__frame y;
  struct ac_task_join__frame j;
  struct ac_chan_recv__frame r;
  struct ac_chan_send__frame s;
  struct ac_oneshot_recv__frame or;
  struct ac_bcast_recv__frame br;
  struct ac_task *h[4];
  struct op op[4];
  struct ac_chan *ch;
  struct ac_oneshot *o;
  struct ac_bcast *b;
  struct ac_bcast_rx rx[3];
};

/* Aborts op task k and checks it ends "aborted". */
#define ABORT_JOIN(f, k)                                                       \
  do {                                                                         \
    ac_task_abort((f)->h[k]);                                                  \
    ac_task_join__init(&(f)->j, (f)->h[k], NULL);                              \
    AWAIT(ac_task_join, &(f)->j);                                              \
    ASSERT_INT_EQ((f)->j.ac_result, -ECANCELED);                               \
  } while (0)
#define SPAWN(f, k, ...)                                                       \
  ((f)->op[k] = (struct op){__VA_ARGS__}, (f)->h[k] = spawn_op(cx, &(f)->op[k]))
#define DETACH_ALL(f, n)                                                       \
  for (int k_ = 0; k_ < (n); k_++)                                             \
    ac_task_detach((f)->h[k_])

/* ------------------------------------------------------------ unbounded */
static ac_poll unbounded_poll(void *p, struct ac_cx *cx) {
  struct root *f = p;
  BEGIN(f);
  f->ch = ac_chan_new_unbounded(sizeof(int));
  ASSERT_TRUE(f->ch != NULL);
  for (f->i = 0; f->i < 1000; f->i++) {
    if (f->i % 2) {
      ASSERT_INT_EQ(ac_chan_try_send(f->ch, &f->i), 0);
    } else { /* never waits for room (it may yield to the coop budget) */
      ac_chan_send__init(&f->s, f->ch, &f->i);
      AWAIT(ac_chan_send, &f->s);
      ASSERT_INT_EQ(f->s.ac_result, 0);
    }
  }
  ASSERT_UINT_EQ(ac__chan_len(f->ch), 1000);
  ac_chan_close(f->ch);
  ASSERT_INT_EQ(ac_chan_try_send(f->ch, &f->i), -EPIPE);
  for (f->i = 0; f->i < 1000; f->i++) {
    ac_chan_recv__init(&f->r, f->ch, &f->v);
    AWAIT(ac_chan_recv, &f->r);
    ASSERT_INT_EQ(f->r.ac_result, 0);
    ASSERT_INT_EQ(f->v, f->i);
  }
  ac_chan_recv__init(&f->r, f->ch, &f->v);
  AWAIT(ac_chan_recv, &f->r);
  ASSERT_INT_EQ(f->r.ac_result, -EPIPE);
  ac_chan_free(f->ch);
  END(f);
}
TEST_IMPL(chan_unbounded_grows_in_order) {
  struct root f = {0};
  run_test_root(&f, unbounded_poll);
}

/* Ready operations spend the coop budget: a task whose sends always
 * succeed still returns to its executor after AC__COOP_BUDGET of them. */
struct coop_root {
  unsigned ac_state;
  int pc, ready, polls, v;
  struct ac_chan *ch;
  struct ac_chan_send__frame s;
};
static ac_poll coop_poll(void *p, struct ac_cx *cx) {
  struct coop_root *f = p;
  f->polls++;
  for (;;) {
    ac_chan_send__init(&f->s, f->ch, &f->v);
    if (ac_chan_send__poll(&f->s, cx) == AC_PENDING)
      break;
    f->ready++;
  }
  if (f->polls == 1) {
    ASSERT_INT_EQ(f->ready, AC__COOP_BUDGET);
    ASSERT_UINT_EQ(ac__chan_len(f->ch), AC__COOP_BUDGET); /* the refused one sent nothing */
    return AC_PENDING; /* the leaf woke us: we are polled again */
  }
  ASSERT_INT_EQ(f->ready, 2 * AC__COOP_BUDGET);
  f->ac_state = AC_STATE_DONE;
  return AC_READY;
}
TEST_IMPL(chan_ready_ops_spend_coop_budget) {
  struct coop_root f = {0};
  f.ch = ac_chan_new_unbounded(sizeof(int));
  run_test_root(&f, coop_poll);
  ASSERT_INT_EQ(f.polls, 2);
  ac_chan_free(f.ch);
}

TEST_IMPL(chan_try_send_recv_errors) {
  ASSERT_NULL(ac_chan_new(0, 4));
  ASSERT_NULL(ac_chan_new(4, 0));
  ASSERT_NULL(ac_chan_new_unbounded(0));
  struct ac_chan *ch = ac_chan_new(2, sizeof(int));
  int v = 0;
  for (int i = 0; i < 2; i++)
    ASSERT_INT_EQ(ac_chan_try_send(ch, &i), 0);
  ASSERT_INT_EQ(ac_chan_try_send(ch, &v), -EAGAIN);
  ASSERT_INT_EQ(ac_chan_try_recv(ch, &v), 0);
  ASSERT_INT_EQ(v, 0);
  ASSERT_INT_EQ(ac_chan_try_recv(ch, &v), 0);
  ASSERT_INT_EQ(v, 1);
  ASSERT_INT_EQ(ac_chan_try_recv(ch, &v), -EAGAIN);
  ASSERT_INT_EQ(ac_chan_try_send(ch, &v), 0);
  ac_chan_close(ch);
  ac_chan_close(ch); /* idempotent */
  ASSERT_INT_EQ(ac_chan_try_send(ch, &v), -EPIPE);
  ASSERT_INT_EQ(ac_chan_try_recv(ch, &v), 0); /* drained after close */
  ASSERT_INT_EQ(ac_chan_try_recv(ch, &v), -EPIPE);
  ac_chan_free(ch);
}

/* ------------------------------------- recv dropped with its item handed */
static ac_poll handed_back_poll(void *p, struct ac_cx *cx) {
  struct root *f = p;
  BEGIN(f);
  f->ch = ac_chan_new(1, sizeof(int));
  SPAWN(f, 0, .kind = OP_CHAN_RECV, .id = 1, .obj = f->ch);
  SPAWN(f, 1, .kind = OP_CHAN_RECV, .id = 2, .obj = f->ch);
  SETTLE(f);
  ASSERT_UINT_EQ(ac__chan_waiting_receivers(f->ch), 2);
  f->v = 10;
  ASSERT_INT_EQ(ac_chan_try_send(f->ch, &f->v), 0); /* into receiver 1's 'out' */
  ASSERT_UINT_EQ(ac__chan_len(f->ch), 0);
  f->v = 11;
  ASSERT_INT_EQ(ac_chan_try_send(f->ch, &f->v), 0); /* ring; receiver 2 retries */
  ASSERT_UINT_EQ(ac__chan_len(f->ch), 1);
  ASSERT_INT_EQ(ac_chan_try_send(f->ch, &f->v), -EAGAIN); /* capacity 1 */
  ABORT_JOIN(f, 0); /* receiver 1 never saw 10: back to the front */
  ASSERT_UINT_EQ(ac__chan_len(f->ch), 1); /* 10 went back, receiver 2 took it */
  SETTLE(f);
  ASSERT_INT_EQ(op_log_len, 1);
  ASSERT_INT_EQ(op_log[0].id, 2);
  ASSERT_INT_EQ(op_log[0].item, 10);
  ASSERT_INT_EQ(ac_chan_try_recv(f->ch, &f->v), 0);
  ASSERT_INT_EQ(f->v, 11);
  ASSERT_INT_EQ(ac_chan_try_recv(f->ch, &f->v), -EAGAIN);
  ac_task_detach(f->h[1]);
  ac_chan_free(f->ch);
  END(f);
}
TEST_IMPL(chan_recv_dropped_after_handoff_puts_item_back) {
  struct root f = {0};
  run_test_root(&f, handed_back_poll);
}

/* ------------------------------- woken (retry) recv dropped passes it on */
static ac_poll woken_recv_poll(void *p, struct ac_cx *cx) {
  struct root *f = p;
  BEGIN(f);
  f->ch = ac_chan_new(4, sizeof(int));
  for (f->i = 0; f->i < 3; f->i++)
    SPAWN(f, f->i, .kind = OP_CHAN_RECV, .id = f->i + 1, .obj = f->ch);
  SETTLE(f);
  f->v = 1;
  ASSERT_INT_EQ(ac_chan_try_send(f->ch, &f->v), 0); /* handed to 1 */
  f->v = 2;
  ASSERT_INT_EQ(ac_chan_try_send(f->ch, &f->v), 0); /* ring, 2 woken */
  ASSERT_UINT_EQ(ac__chan_waiting_receivers(f->ch), 1);
  ABORT_JOIN(f, 1); /* 2 dropped before its retry: 3 must get the item */
  ASSERT_UINT_EQ(ac__chan_waiting_receivers(f->ch), 0);
  SETTLE(f);
  ASSERT_INT_EQ(op_log_len, 2);
  ASSERT_INT_EQ(op_log[op_logged(1)].item, 1);
  ASSERT_INT_EQ(op_log[op_logged(3)].item, 2);
  ASSERT_INT_EQ(op_logged(2), -1);
  ac_task_detach(f->h[0]);
  ac_task_detach(f->h[2]);
  ac_chan_free(f->ch);
  END(f);
}
TEST_IMPL(chan_woken_recv_dropped_passes_wake_on) {
  struct root f = {0};
  run_test_root(&f, woken_recv_poll);
}

/* ----------------------- send completed by a receiver, then dropped, and
 * a queued send dropped */
static ac_poll send_states_poll(void *p, struct ac_cx *cx) {
  struct root *f = p;
  BEGIN(f);
  f->ch = ac_chan_new(1, sizeof(int));
  f->v = 1;
  ASSERT_INT_EQ(ac_chan_try_send(f->ch, &f->v), 0);
  SPAWN(f, 0, .kind = OP_CHAN_SEND, .id = 1, .obj = f->ch, .item = 2);
  SPAWN(f, 1, .kind = OP_CHAN_SEND, .id = 2, .obj = f->ch, .item = 3);
  SETTLE(f);
  ASSERT_UINT_EQ(ac__chan_waiting_senders(f->ch), 2);
  f->v = 9;
  ASSERT_INT_EQ(ac_chan_try_send(f->ch, &f->v), -EAGAIN); /* no overtaking */
  ASSERT_INT_EQ(ac_chan_try_recv(f->ch, &f->v), 0);
  ASSERT_INT_EQ(f->v, 1);
  /* that recv moved send 1's item in and completed it: dropping it now
   * neither loses nor repeats the item */
  ASSERT_UINT_EQ(ac__chan_waiting_senders(f->ch), 1);
  ABORT_JOIN(f, 0);
  ABORT_JOIN(f, 1); /* queued: unlinked, its item never sent */
  ASSERT_UINT_EQ(ac__chan_waiting_senders(f->ch), 0);
  ASSERT_INT_EQ(ac_chan_try_recv(f->ch, &f->v), 0);
  ASSERT_INT_EQ(f->v, 2);
  ASSERT_INT_EQ(ac_chan_try_recv(f->ch, &f->v), -EAGAIN);
  ASSERT_INT_EQ(op_log_len, 0);
  /* close completes a waiting send with -EPIPE */
  f->v = 4;
  ASSERT_INT_EQ(ac_chan_try_send(f->ch, &f->v), 0);
  SPAWN(f, 2, .kind = OP_CHAN_SEND, .id = 3, .obj = f->ch, .item = 5);
  SETTLE(f);
  ac_chan_close(f->ch);
  SETTLE(f);
  ASSERT_INT_EQ(op_log_len, 1);
  ASSERT_INT_EQ(op_log[0].result, -EPIPE);
  ac_task_detach(f->h[2]);
  ac_chan_free(f->ch);
  END(f);
}
TEST_IMPL(chan_send_cancel_states) {
  struct root f = {0};
  run_test_root(&f, send_states_poll);
}

/* -------------------------------------------------------------- oneshot */
static ac_poll oneshot_poll(void *p, struct ac_cx *cx) {
  struct root *f = p;
  BEGIN(f);
  /* recv waits, then a send delivers; the oneshot is then spent */
  f->o = ac_oneshot_new(sizeof(int));
  SPAWN(f, 0, .kind = OP_ONESHOT_RECV, .id = 1, .obj = f->o);
  SETTLE(f);
  ASSERT_UINT_EQ(ac__oneshot_waiting(f->o), 1);
  f->v = 42;
  ASSERT_INT_EQ(ac_oneshot_send(f->o, &f->v), 0);
  ASSERT_INT_EQ(ac_oneshot_send(f->o, &f->v), -EPIPE);
  SETTLE(f);
  ASSERT_INT_EQ(op_log_len, 1);
  ASSERT_INT_EQ(op_log[0].result, 0);
  ASSERT_INT_EQ(op_log[0].item, 42);
  ac_oneshot_recv__init(&f->or, f->o, &f->v);
  AWAIT(ac_oneshot_recv, &f->or);
  ASSERT_INT_EQ(f->or.ac_result, -EPIPE);
  ac_task_detach(f->h[0]);
  ac_oneshot_free(f->o);

  /* send before recv: ready at once; close after a send changes nothing */
  f->o = ac_oneshot_new(sizeof(int));
  f->v = 7;
  ASSERT_INT_EQ(ac_oneshot_send(f->o, &f->v), 0);
  ac_oneshot_close(f->o);
  f->v = 0;
  ac_oneshot_recv__init(&f->or, f->o, &f->v);
  ASSERT_INT_EQ(ac_oneshot_recv__poll(&f->or, cx), AC_READY);
  ASSERT_INT_EQ(f->or.ac_result, 0);
  ASSERT_INT_EQ(f->v, 7);
  ac_oneshot_free(f->o);

  /* the sender gives up: a waiting recv gets -EPIPE, and so does send */
  f->o = ac_oneshot_new(sizeof(int));
  SPAWN(f, 1, .kind = OP_ONESHOT_RECV, .id = 2, .obj = f->o);
  SETTLE(f);
  ac_oneshot_close(f->o);
  SETTLE(f);
  ASSERT_INT_EQ(op_log[op_logged(2)].result, -EPIPE);
  ASSERT_INT_EQ(ac_oneshot_send(f->o, &f->v), -EPIPE);
  ac_task_detach(f->h[1]);
  ac_oneshot_free(f->o);

  /* a dropped pending recv leaves no waiter; the value still arrives */
  f->o = ac_oneshot_new(sizeof(int));
  SPAWN(f, 2, .kind = OP_ONESHOT_RECV, .id = 3, .obj = f->o);
  SETTLE(f);
  ABORT_JOIN(f, 2);
  ASSERT_UINT_EQ(ac__oneshot_waiting(f->o), 0);
  f->v = 5;
  ASSERT_INT_EQ(ac_oneshot_send(f->o, &f->v), 0);
  f->v = 0;
  ac_oneshot_recv__init(&f->or, f->o, &f->v);
  AWAIT(ac_oneshot_recv, &f->or);
  ASSERT_INT_EQ(f->v, 5);
  /* ... and one woken, then dropped, leaves the value in place */
  ac_oneshot_free(f->o);
  f->o = ac_oneshot_new(sizeof(int));
  SPAWN(f, 3, .kind = OP_ONESHOT_RECV, .id = 4, .obj = f->o);
  SETTLE(f);
  f->v = 6;
  ASSERT_INT_EQ(ac_oneshot_send(f->o, &f->v), 0);
  ABORT_JOIN(f, 3);
  f->v = 0;
  ac_oneshot_recv__init(&f->or, f->o, &f->v);
  AWAIT(ac_oneshot_recv, &f->or);
  ASSERT_INT_EQ(f->or.ac_result, 0);
  ASSERT_INT_EQ(f->v, 6);
  ac_oneshot_free(f->o);
  ASSERT_INT_EQ(op_log_len, 2);
  END(f);
}
TEST_IMPL(oneshot_send_close_and_drop) {
  struct root f = {0};
  run_test_root(&f, oneshot_poll);
}

/* ------------------------------------------------------------ broadcast */
static ac_poll bcast_poll(void *p, struct ac_cx *cx) {
  struct root *f = p;
  BEGIN(f);
  ASSERT_NULL(ac_bcast_new(0, 4));
  f->b = ac_bcast_new(4, sizeof(int));
  ac_bcast_subscribe(f->b, &f->rx[0]);
  ac_bcast_subscribe(f->b, &f->rx[1]);
  SPAWN(f, 0, .kind = OP_BCAST_RECV, .id = 1, .obj = &f->rx[0]);
  SPAWN(f, 1, .kind = OP_BCAST_RECV, .id = 2, .obj = &f->rx[1]);
  SETTLE(f);
  ASSERT_UINT_EQ(ac__bcast_waiting(f->b), 2);
  f->v = 1;
  ASSERT_INT_EQ(ac_bcast_send(f->b, &f->v), 0);
  SETTLE(f);
  ASSERT_INT_EQ(op_log_len, 2); /* both saw 1 */
  ASSERT_INT_EQ(op_log[0].item, 1);
  ASSERT_INT_EQ(op_log[1].item, 1);
  for (f->v = 2; f->v <= 3; f->v++)
    ASSERT_INT_EQ(ac_bcast_send(f->b, &f->v), 0);
  ac_bcast_subscribe(f->b, &f->rx[2]); /* sees only what comes next */
  f->v = 4;
  ASSERT_INT_EQ(ac_bcast_send(f->b, &f->v), 0);
  for (f->i = 0; f->i < 3; f->i++) {
    ac_bcast_recv__init(&f->br, &f->rx[0], &f->v);
    AWAIT(ac_bcast_recv, &f->br);
    ASSERT_INT_EQ(f->br.ac_result, 0);
    ASSERT_INT_EQ(f->v, f->i + 2);
  }
  ac_bcast_recv__init(&f->br, &f->rx[2], &f->v);
  AWAIT(ac_bcast_recv, &f->br);
  ASSERT_INT_EQ(f->v, 4);
  /* rx[2] is now up to date: its recv waits; dropping it leaves nothing */
  ac_bcast_recv__init(&f->br, &f->rx[2], &f->v);
  ASSERT_INT_EQ(ac_bcast_recv__poll(&f->br, cx), AC_PENDING);
  ASSERT_UINT_EQ(ac__bcast_waiting(f->b), 1);
  ac_bcast_recv__drop(&f->br);
  ASSERT_UINT_EQ(ac__bcast_waiting(f->b), 0);
  /* rx[1] read 1 only; 2..9 sent: the ring holds 6..9, so it lagged by 4 */
  for (f->v = 5; f->v <= 9; f->v++)
    ASSERT_INT_EQ(ac_bcast_send(f->b, &f->v), 0);
  ac_bcast_recv__init(&f->br, &f->rx[1], &f->v);
  AWAIT(ac_bcast_recv, &f->br);
  ASSERT_INT_EQ(f->br.ac_result, -EOVERFLOW);
  ASSERT_UINT_EQ(f->rx[1].lagged, 4);
  for (f->i = 6; f->i <= 9; f->i++) {
    ac_bcast_recv__init(&f->br, &f->rx[1], &f->v);
    AWAIT(ac_bcast_recv, &f->br);
    ASSERT_INT_EQ(f->br.ac_result, 0);
    ASSERT_INT_EQ(f->v, f->i);
  }
  /* close: a waiting receiver gets -EPIPE; a lagging one drains first */
  SPAWN(f, 2, .kind = OP_BCAST_RECV, .id = 3, .obj = &f->rx[1]);
  SETTLE(f);
  ac_bcast_close(f->b);
  ASSERT_INT_EQ(ac_bcast_send(f->b, &f->v), -EPIPE);
  SETTLE(f);
  ASSERT_INT_EQ(op_log[op_logged(3)].result, -EPIPE);
  /* rx[2] is at 5, which 9 overwrote: lagged by 1, then 6..9, then EPIPE */
  ac_bcast_recv__init(&f->br, &f->rx[2], &f->v);
  AWAIT(ac_bcast_recv, &f->br);
  ASSERT_INT_EQ(f->br.ac_result, -EOVERFLOW);
  ASSERT_UINT_EQ(f->rx[2].lagged, 1);
  for (f->i = 6; f->i <= 10; f->i++) {
    ac_bcast_recv__init(&f->br, &f->rx[2], &f->v);
    AWAIT(ac_bcast_recv, &f->br);
    ASSERT_INT_EQ(f->br.ac_result, f->i <= 9 ? 0 : -EPIPE);
    if (f->i <= 9)
      ASSERT_INT_EQ(f->v, f->i);
  }
  DETACH_ALL(f, 3);
  END(f);
}
TEST_IMPL(bcast_every_receiver_and_lag) {
  struct root f = {0};
  run_test_root(&f, bcast_poll);
  ac_bcast_free(f.b);
}
