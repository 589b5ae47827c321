/* Channels and sync primitives across threads (run under TSan by the tsan
 * variant): plain threads feeding tasks, two current-thread runtimes on two
 * threads sharing channels and locks, and drops racing foreign wakes. */
#include "sync-ops.h"

#include "channel.h"
#include "runtime_config.h"
#include "waitq.h"

#include <pthread.h>
#include <sched.h>

enum { PER_THREAD = 20000 };

static void start(pthread_t *t, void *(*fn)(void *), void *arg) {
  ASSERT_INT_EQ(pthread_create(t, NULL, fn, arg), 0);
}
static void join(pthread_t t) { ASSERT_INT_EQ(pthread_join(t, NULL), 0); }

/* ------------------------------------- plain threads -> a task, MPSC */
struct producer {
  struct ac_chan *ch;
  int id;
};
static void *produce(void *arg) {
  struct producer *p = arg;
  for (int i = 0; i < PER_THREAD; i++) {
    int item = p->id << 24 | i;
    int r;
    while ((r = ac_chan_try_send(p->ch, &item)) == -EAGAIN)
      sched_yield(); /* bounded and full: the task will drain it */
    ASSERT_INT_EQ(r, 0);
  }
  return NULL;
}

struct mpsc_root {
  unsigned ac_state;
  int pc, phase, got, v;
  int next[4];
  struct ac_chan *ch;
  struct producer prod[4];
  pthread_t t[4];
  struct ac_chan_recv__frame r;
};
static ac_poll mpsc_poll(void *p, struct ac_cx *cx) {
  struct mpsc_root *f = p;
  BEGIN(f);
  for (f->phase = 0; f->phase < 2; f->phase++) {
    f->ch = f->phase == 0 ? ac_chan_new(8, sizeof(int)) : ac_chan_new_unbounded(sizeof(int));
    for (int k = 0; k < 4; k++) {
      f->prod[k] = (struct producer){f->ch, k};
      f->next[k] = 0;
      start(&f->t[k], produce, &f->prod[k]);
    }
    for (f->got = 0; f->got < 4 * PER_THREAD; f->got++) {
      ac_chan_recv__init(&f->r, f->ch, &f->v);
      AWAIT(ac_chan_recv, &f->r);
      ASSERT_INT_EQ(f->r.ac_result, 0);
      int k = f->v >> 24, seq = f->v & 0xffffff;
      ASSERT_TRUE(k >= 0 && k < 4);
      ASSERT_INT_EQ(seq, f->next[k]); /* per-producer order */
      f->next[k]++;
    }
    for (int k = 0; k < 4; k++)
      join(f->t[k]);
    ASSERT_INT_EQ(ac_chan_try_recv(f->ch, &f->v), -EAGAIN);
    ac_chan_free(f->ch);
  }
  END(f);
}
TEST_IMPL(chan_threads_send_to_task) {
  struct mpsc_root f = {0};
  run_test_root(&f, mpsc_poll);
}

/* ------------------------------ two runtimes on two threads, ping-pong */
struct echo_root {
  unsigned ac_state;
  int pc, v, n;
  struct ac_chan *in, *out;
  struct ac_chan_recv__frame r;
  struct ac_chan_send__frame s;
};
static ac_poll echo_poll(void *p, struct ac_cx *cx) {
  struct echo_root *f = p;
  BEGIN(f);
  for (;;) {
    ac_chan_recv__init(&f->r, f->in, &f->v);
    AWAIT(ac_chan_recv, &f->r);
    if (f->r.ac_result != 0)
      break;
    f->n++;
    ac_chan_send__init(&f->s, f->out, &f->v);
    AWAIT(ac_chan_send, &f->s);
    ASSERT_INT_EQ(f->s.ac_result, 0);
  }
  END(f);
}
static void no_drop(void *p) { (void)p; }
static void *echo_thread(void *arg) {
  ASSERT_INT_EQ(ac_block_on_frame(arg, echo_poll, no_drop), 0);
  return NULL;
}

struct pingpong_root {
  unsigned ac_state;
  int pc, i, v;
  struct ac_chan *ping, *pong;
  struct echo_root echo;
  pthread_t t;
  struct ac_chan_recv__frame r;
  struct ac_chan_send__frame s;
};
static ac_poll pingpong_poll(void *p, struct ac_cx *cx) {
  struct pingpong_root *f = p;
  BEGIN(f);
  f->ping = ac_chan_new(1, sizeof(int));
  f->pong = ac_chan_new(1, sizeof(int));
  f->echo = (struct echo_root){.in = f->ping, .out = f->pong};
  start(&f->t, echo_thread, &f->echo);
  for (f->i = 0; f->i < PER_THREAD; f->i++) {
    f->v = f->i;
    ac_chan_send__init(&f->s, f->ping, &f->v);
    AWAIT(ac_chan_send, &f->s);
    ASSERT_INT_EQ(f->s.ac_result, 0);
    ac_chan_recv__init(&f->r, f->pong, &f->v);
    AWAIT(ac_chan_recv, &f->r);
    ASSERT_INT_EQ(f->r.ac_result, 0);
    ASSERT_INT_EQ(f->v, f->i);
  }
  ac_chan_close(f->ping);
  join(f->t);
  ASSERT_INT_EQ(f->echo.n, PER_THREAD);
  ac_chan_free(f->ping);
  ac_chan_free(f->pong);
  END(f);
}
TEST_IMPL(chan_two_runtimes_ping_pong) {
  struct pingpong_root f = {0};
  run_test_root(&f, pingpong_poll);
}

/* ------------------- a pending recv dropped while a thread sends to it */
struct racer {
  struct ac_chan *ch;
  _Atomic int go; /* send item go-1 */
};
static void *race_sender(void *arg) {
  struct racer *r = arg;
  for (int i = 0; i < PER_THREAD; i++) {
    while (atomic_load(&r->go) != i + 1)
      sched_yield();
    ASSERT_INT_EQ(ac_chan_try_send(r->ch, &i), 0);
  }
  return NULL;
}
struct race_root {
  unsigned ac_state;
  int pc;
  struct racer racer;
  pthread_t t;
};
static ac_poll race_poll(void *p, struct ac_cx *cx) {
  struct race_root *f = p;
  f->racer.ch = ac_chan_new(1, sizeof(int));
  atomic_init(&f->racer.go, 0);
  start(&f->t, race_sender, &f->racer);
  for (int i = 0; i < PER_THREAD; i++) {
    int v = -1, w = -1;
    struct ac_chan_recv__frame r;
    ac_chan_recv__init(&r, f->racer.ch, &v);
    ASSERT_INT_EQ(ac_chan_recv__poll(&r, cx), AC_PENDING);
    atomic_store(&f->racer.go, i + 1);
    for (int k = i % 64; k > 0; k--) /* vary where the drop lands */
      ac__cpu_relax();
    if (i % 3 == 0 && ac_chan_recv__poll(&r, cx) == AC_READY) {
      ASSERT_INT_EQ(v, i); /* completed: the item is ours */
    } else {
      ac_chan_recv__drop(&r); /* the item, handed or not, stays in the channel */
      int e;
      while ((e = ac_chan_try_recv(f->racer.ch, &w)) == -EAGAIN)
        sched_yield();
      ASSERT_INT_EQ(e, 0);
      ASSERT_INT_EQ(w, i);
    }
    ASSERT_INT_EQ(ac_chan_try_recv(f->racer.ch, &w), -EAGAIN); /* exactly once */
  }
  join(f->t);
  ASSERT_UINT_EQ(ac__chan_waiting_receivers(f->racer.ch), 0);
  ac_chan_free(f->racer.ch);
  f->ac_state = AC_STATE_DONE;
  return AC_READY;
}
TEST_IMPL(chan_drop_races_foreign_send) {
  struct race_root f = {0};
  run_test_root(&f, race_poll);
}

/* --------------------------- mutex and semaphore shared by two runtimes */
struct locker_root {
  unsigned ac_state;
  int pc, i;
  long c;
  struct ac_mutex *m;
  struct ac_sem *s;
  long *counter;       /* plain: the mutex is what protects it */
  _Atomic int *inside; /* holders of the semaphore right now */
  struct ac_mutex_lock__frame l;
  struct ac_sem_acquire__frame a;
  struct ac_yield__frame y;
};
static ac_poll locker_poll(void *p, struct ac_cx *cx) {
  struct locker_root *f = p;
  BEGIN(f);
  for (f->i = 0; f->i < PER_THREAD / 4; f->i++) {
    ac_mutex_lock__init(&f->l, f->m);
    AWAIT(ac_mutex_lock, &f->l);
    f->c = *f->counter;
    if (f->i % 16 == 0) { /* hold it across an await */
      ac_yield__init(&f->y);
      AWAIT(ac_yield, &f->y);
    }
    *f->counter = f->c + 1;
    ac_mutex_unlock(f->m);

    ac_sem_acquire__init(&f->a, f->s, 1);
    AWAIT(ac_sem_acquire, &f->a);
    ASSERT_TRUE(atomic_fetch_add(f->inside, 1) < 2);
    if (f->i % 8 == 0) {
      ac_yield__init(&f->y);
      AWAIT(ac_yield, &f->y);
    }
    atomic_fetch_sub(f->inside, 1);
    ac_sem_release(f->s, 1);
  }
  END(f);
}
static void *locker_thread(void *arg) {
  ASSERT_INT_EQ(ac_block_on_frame(arg, locker_poll, no_drop), 0);
  return NULL;
}
TEST_IMPL(mutex_and_sem_across_runtimes) {
  struct ac_mutex m;
  struct ac_sem s;
  long counter = 0;
  _Atomic int inside = 0;
  ac_mutex_init(&m);
  ac_sem_init(&s, 2);
  struct locker_root roots[3];
  pthread_t t[3];
  for (int k = 0; k < 3; k++) {
    roots[k] = (struct locker_root){.m = &m, .s = &s, .counter = &counter, .inside = &inside};
    start(&t[k], locker_thread, &roots[k]);
  }
  for (int k = 0; k < 3; k++)
    join(t[k]);
  ASSERT_INT_EQ(counter, 3 * (PER_THREAD / 4));
  ASSERT_UINT_EQ(ac_sem_available(&s), 2);
  ASSERT_INT_EQ(ac_mutex_try_lock(&m), 0);
  ac_mutex_unlock(&m);
}

/* ----------------------------------- notify and oneshot from a thread */
struct notifier {
  struct ac_notify *n;
  _Atomic int acked;
  int data; /* written before notify_one, read after notified */
};
static void *notify_thread(void *arg) {
  struct notifier *nt = arg;
  for (int i = 0; i < PER_THREAD; i++) {
    while (atomic_load(&nt->acked) != i)
      sched_yield();
    nt->data = i;
    ac_notify_one(nt->n);
  }
  return NULL;
}
static void *oneshot_thread(void *arg) {
  struct ac_oneshot *o = arg;
  int v = 1234;
  if ((uintptr_t)arg & 64)
    sched_yield(); /* sometimes after the recv waits, sometimes before */
  ASSERT_INT_EQ(ac_oneshot_send(o, &v), 0);
  return NULL;
}
struct thread_wake_root {
  unsigned ac_state;
  int pc, i, v;
  struct ac_notify n;
  struct notifier nt;
  struct ac_oneshot *o;
  pthread_t t;
  struct ac_notified__frame nf;
  struct ac_oneshot_recv__frame r;
};
static ac_poll thread_wake_poll(void *p, struct ac_cx *cx) {
  struct thread_wake_root *f = p;
  BEGIN(f);
  ac_notify_init(&f->n);
  f->nt.n = &f->n;
  atomic_init(&f->nt.acked, 0);
  start(&f->t, notify_thread, &f->nt);
  for (f->i = 0; f->i < PER_THREAD; f->i++) {
    ac_notified__init(&f->nf, &f->n);
    AWAIT(ac_notified, &f->nf);
    ASSERT_INT_EQ(f->nt.data, f->i);
    atomic_store(&f->nt.acked, f->i + 1);
  }
  join(f->t);
  for (f->i = 0; f->i < 200; f->i++) {
    f->o = ac_oneshot_new(sizeof(int));
    start(&f->t, oneshot_thread, f->o);
    ac_oneshot_recv__init(&f->r, f->o, &f->v);
    AWAIT(ac_oneshot_recv, &f->r);
    ASSERT_INT_EQ(f->r.ac_result, 0);
    ASSERT_INT_EQ(f->v, 1234);
    join(f->t);
    ac_oneshot_free(f->o);
  }
  END(f);
}
TEST_IMPL(notify_and_oneshot_from_thread) {
  struct thread_wake_root f = {0};
  run_test_root(&f, thread_wake_poll);
}

/* ---------------- broadcast: one thread sends, two runtimes receive all */
struct bcast_rx_root {
  unsigned ac_state;
  int pc, v, last;
  struct ac_bcast_rx rx;
  long got, lagged;
  struct ac_bcast_recv__frame r;
};
static ac_poll bcast_rx_poll(void *p, struct ac_cx *cx) {
  struct bcast_rx_root *f = p;
  BEGIN(f);
  f->last = -1;
  for (;;) {
    ac_bcast_recv__init(&f->r, &f->rx, &f->v);
    AWAIT(ac_bcast_recv, &f->r);
    if (f->r.ac_result == -EPIPE)
      break;
    if (f->r.ac_result == -EOVERFLOW) {
      ASSERT_TRUE(f->rx.lagged > 0);
      f->lagged += (long)f->rx.lagged;
      f->last += (int)f->rx.lagged; /* the skipped values */
      continue;
    }
    ASSERT_INT_EQ(f->r.ac_result, 0);
    ASSERT_INT_EQ(f->v, f->last + 1); /* in order, nothing skipped silently */
    f->last = f->v;
    f->got++;
  }
  END(f);
}
static void *bcast_rx_thread(void *arg) {
  ASSERT_INT_EQ(ac_block_on_frame(arg, bcast_rx_poll, no_drop), 0);
  return NULL;
}
TEST_IMPL(bcast_thread_to_two_runtimes) {
  struct ac_bcast *b = ac_bcast_new(64, sizeof(int));
  struct bcast_rx_root roots[2] = {0};
  pthread_t t[2];
  for (int k = 0; k < 2; k++) {
    ac_bcast_subscribe(b, &roots[k].rx);
    start(&t[k], bcast_rx_thread, &roots[k]);
  }
  for (int i = 0; i < PER_THREAD; i++) {
    ASSERT_INT_EQ(ac_bcast_send(b, &i), 0);
    if (i % 32 == 0)
      sched_yield();
  }
  ac_bcast_close(b);
  for (int k = 0; k < 2; k++) {
    join(t[k]);
    ASSERT_INT_EQ(roots[k].got + roots[k].lagged, PER_THREAD);
    ASSERT_INT_EQ(roots[k].last, PER_THREAD - 1);
  }
  ac_bcast_free(b);
}

/* --------------------------- tasks on the multi-thread executor (2 workers)
 * Producers, an echo task and lockers are spawned tasks that the two
 * workers run (and steal) in parallel. */
struct prod_task {
  unsigned ac_state;
  int pc, i, item, id;
  struct ac_chan *ch;
  struct ac_chan_send__frame s;
};
static void prod_task__init(void *p, void *arg) {
  struct prod_task *f = p;
  *f = *(struct prod_task *)arg;
}
static ac_poll prod_task__poll(void *p, struct ac_cx *cx) {
  struct prod_task *f = p;
  BEGIN(f);
  for (f->i = 0; f->i < PER_THREAD / 2; f->i++) {
    f->item = f->id << 24 | f->i;
    ac_chan_send__init(&f->s, f->ch, &f->item);
    AWAIT(ac_chan_send, &f->s);
    ASSERT_INT_EQ(f->s.ac_result, 0);
  }
  END(f);
}
static void copy_echo__init(void *p, void *arg) { *(struct echo_root *)p = *(struct echo_root *)arg; }
static void copy_locker__init(void *p, void *arg) {
  *(struct locker_root *)p = *(struct locker_root *)arg;
}

struct mt_root {
  unsigned ac_state;
  int pc, k, got, v, next[4];
  struct ac_chan *ch, *ping, *pong;
  struct ac_task *h[4];
  struct prod_task proto;
  struct echo_root echo;
  struct locker_root locker;
  struct ac_mutex m;
  struct ac_sem s;
  long counter;
  _Atomic int inside;
  struct ac_task_join__frame j;
  struct ac_chan_recv__frame r;
  struct ac_chan_send__frame sf;
};
#define SPAWN_T(T, poll, init, arg)                                            \
  ac_spawn_frame(cx, sizeof(struct T), 0, 0, poll, NULL, init, arg)

static ac_poll mt_poll(void *p, struct ac_cx *cx) {
  struct mt_root *f = p;
  BEGIN(f);
  ASSERT_INT_EQ(ac_runtime_workers(), 2);
  /* 4 producer tasks -> this task, through a 4-slot channel */
  f->ch = ac_chan_new(4, sizeof(int));
  for (f->k = 0; f->k < 4; f->k++) {
    f->proto = (struct prod_task){.id = f->k, .ch = f->ch};
    f->h[f->k] = ac_spawn_frame(cx, sizeof(struct prod_task), 0, 0, prod_task__poll, NULL,
                                prod_task__init, &f->proto);
  }
  for (f->got = 0; f->got < 4 * (PER_THREAD / 2); f->got++) {
    ac_chan_recv__init(&f->r, f->ch, &f->v);
    AWAIT(ac_chan_recv, &f->r);
    ASSERT_INT_EQ(f->r.ac_result, 0);
    ASSERT_INT_EQ(f->v & 0xffffff, f->next[f->v >> 24]);
    f->next[f->v >> 24]++;
  }
  for (f->k = 0; f->k < 4; f->k++) {
    ac_task_join__init(&f->j, f->h[f->k], NULL);
    AWAIT(ac_task_join, &f->j);
  }
  ac_chan_free(f->ch);

  /* ping-pong with an echo task (the W2 pattern, on 2 workers) */
  f->ping = ac_chan_new(1, sizeof(int));
  f->pong = ac_chan_new(1, sizeof(int));
  f->echo = (struct echo_root){.in = f->ping, .out = f->pong};
  f->h[0] = SPAWN_T(echo_root, echo_poll, copy_echo__init, &f->echo);
  for (f->k = 0; f->k < PER_THREAD; f->k++) {
    f->v = f->k;
    ac_chan_send__init(&f->sf, f->ping, &f->v);
    AWAIT(ac_chan_send, &f->sf);
    ac_chan_recv__init(&f->r, f->pong, &f->v);
    AWAIT(ac_chan_recv, &f->r);
    ASSERT_INT_EQ(f->r.ac_result, 0);
    ASSERT_INT_EQ(f->v, f->k);
  }
  ac_chan_close(f->ping);
  ac_task_join__init(&f->j, f->h[0], NULL);
  AWAIT(ac_task_join, &f->j);
  ac_chan_free(f->ping);
  ac_chan_free(f->pong);

  /* 4 locker tasks share a mutex-guarded counter and a 2-permit semaphore */
  ac_mutex_init(&f->m);
  ac_sem_init(&f->s, 2);
  f->locker = (struct locker_root){.m = &f->m, .s = &f->s, .counter = &f->counter,
                                   .inside = &f->inside};
  for (f->k = 0; f->k < 4; f->k++)
    f->h[f->k] = SPAWN_T(locker_root, locker_poll, copy_locker__init, &f->locker);
  for (f->k = 0; f->k < 4; f->k++) {
    ac_task_join__init(&f->j, f->h[f->k], NULL);
    AWAIT(ac_task_join, &f->j);
  }
  ASSERT_INT_EQ(f->counter, 4 * (PER_THREAD / 4));
  ASSERT_UINT_EQ(ac_sem_available(&f->s), 2);
  END(f);
}
TEST_IMPL(sync_tasks_on_two_workers) {
  static struct mt_root f; /* big; zeroed */
  ASSERT_INT_EQ(ac_runtime_set_workers(2), 0);
  ASSERT_INT_EQ(ac_block_on_frame(&f, mt_poll, no_drop), 0);
  ac__runtime_forget_workers();
  ASSERT_UINT_EQ(ac__spawn_allocated(), 0);
}

/* ------------- plain threads blocking on channels that tasks serve */
struct blocking_peer {
  struct ac_chan *to_task, *from_task;
  long sum;
  int after_close;
};
static void *blocking_peer_thread(void *arg) {
  struct blocking_peer *b = arg;
  for (int i = 0; i < PER_THREAD; i++)
    ASSERT_INT_EQ(ac_chan_send_blocking(b->to_task, &i), 0);
  int v;
  while (ac_chan_recv_blocking(b->from_task, &v) == 0)
    b->sum += v;
  b->after_close = ac_chan_send_blocking(b->from_task, &v);
  return NULL;
}
struct blocking_root {
  unsigned ac_state;
  int pc, i, v;
  struct blocking_peer peer;
  pthread_t t;
  struct ac_chan_recv__frame r;
  struct ac_chan_send__frame s;
};
static ac_poll blocking_poll(void *p, struct ac_cx *cx) {
  struct blocking_root *f = p;
  BEGIN(f);
  f->peer.to_task = ac_chan_new(2, sizeof(int));
  f->peer.from_task = ac_chan_new(1, sizeof(int));
  ASSERT_INT_EQ(ac_chan_send_blocking(f->peer.to_task, &f->v), -EDEADLK); /* runtime thread */
  ASSERT_INT_EQ(ac_chan_recv_blocking(f->peer.to_task, &f->v), -EDEADLK);
  start(&f->t, blocking_peer_thread, &f->peer);
  for (f->i = 0; f->i < PER_THREAD; f->i++) {
    ac_chan_recv__init(&f->r, f->peer.to_task, &f->v);
    AWAIT(ac_chan_recv, &f->r);
    ASSERT_INT_EQ(f->r.ac_result, 0);
    ASSERT_INT_EQ(f->v, f->i);
  }
  for (f->i = 0; f->i < PER_THREAD; f->i++) {
    f->v = f->i;
    ac_chan_send__init(&f->s, f->peer.from_task, &f->v);
    AWAIT(ac_chan_send, &f->s);
    ASSERT_INT_EQ(f->s.ac_result, 0);
  }
  ac_chan_close(f->peer.from_task);
  join(f->t);
  ASSERT_INT_EQ(f->peer.sum, (long)PER_THREAD * (PER_THREAD - 1) / 2);
  ASSERT_INT_EQ(f->peer.after_close, -EPIPE);
  ac_chan_free(f->peer.to_task);
  ac_chan_free(f->peer.from_task);
  END(f);
}
TEST_IMPL(chan_blocking_calls_from_plain_thread) {
  struct blocking_root f = {0};
  run_test_root(&f, blocking_poll);
}

/* ------------------------- a channel's biased lock revoked mid-traffic
 * A channel made on a current-thread runtime is biased to it (its lock
 * taken with plain stores, biased_lock.h).  Its task sends and receives in
 * a tight loop, without ever returning, and halfway through lets a plain
 * thread start sending: that thread's first call revokes the bias while
 * the owner is in and out of its sections.  Every item arrives once, each
 * sender's in order, and the lock is shared afterwards. */
enum { BIAS_OWN = 40000, BIAS_FOREIGN = 40000 };

struct bias_peer {
  struct ac_chan *ch;
  atomic_int go;
};
static void *bias_sender(void *arg) {
  struct bias_peer *p = arg;
  while (!atomic_load(&p->go))
    sched_yield();
  for (int i = 0; i < BIAS_FOREIGN; i++) {
    int item = 1 << 24 | i;
    ASSERT_INT_EQ(ac_chan_send_blocking(p->ch, &item), 0);
  }
  return NULL;
}

static ac_poll bias_poll(void *p, struct ac_cx *cx) {
  (void)p;
  (void)cx;
  struct bias_peer peer = {ac_chan_new(16, sizeof(int)), 0};
  int sent = 0, next[2] = {0, 0}, got = 0, v;
  pthread_t t;
  ASSERT_TRUE(ac__chan_biased(peer.ch));
  start(&t, bias_sender, &peer);
  while (got < BIAS_OWN + BIAS_FOREIGN) {
    if (sent < BIAS_OWN && ac_chan_try_send(peer.ch, &sent) == 0 && ++sent == BIAS_OWN / 2) {
      ASSERT_TRUE(ac__chan_biased(peer.ch)); /* nobody else yet */
      atomic_store(&peer.go, 1);
    }
    if (ac_chan_try_recv(peer.ch, &v) == 0) {
      int k = v >> 24;
      ASSERT_INT_EQ(v & 0xffffff, next[k]);
      next[k]++;
      got++;
    }
  }
  join(t);
  ASSERT_INT_EQ(next[0], BIAS_OWN);
  ASSERT_INT_EQ(next[1], BIAS_FOREIGN);
  ASSERT_TRUE(!ac__chan_biased(peer.ch));
  ac_chan_free(peer.ch);
  return AC_READY;
}
TEST_IMPL(chan_bias_revoked_mid_traffic) {
  ASSERT_INT_EQ(ac_block_on_frame(NULL, bias_poll, NULL), 0);
}

/* ------- lock hand-offs and notifications racing a drop on another thread
 * A plain thread unlocks (hands the lock over) or notifies while this task
 * drops its pending lock/notified at a varying moment.  Whatever the order,
 * the lock is not lost and the notification survives as exactly one permit. */
struct handoff_race {
  struct ac_mutex m;
  struct ac_notify n;
  _Atomic int step; /* round i: 3i go, 3i+1 thread holds the lock, 3i+2 waiter queued */
  _Atomic int done; /* i+1: thread released / notified in round i */
};
static void *handoff_thread(void *arg) {
  struct handoff_race *h = arg;
  for (int i = 0; i < PER_THREAD / 4; i++) {
    while (atomic_load(&h->step) != 3 * i)
      sched_yield();
    ASSERT_INT_EQ(ac_mutex_try_lock(&h->m), 0);
    atomic_store(&h->step, 3 * i + 1);
    while (atomic_load(&h->step) != 3 * i + 2)
      sched_yield();
    if (i % 2)
      ac_mutex_unlock(&h->m);
    else
      ac_notify_one(&h->n), ac_mutex_unlock(&h->m);
    atomic_store(&h->done, i + 1);
  }
  return NULL;
}
static ac_poll handoff_poll(void *p, struct ac_cx *cx) {
  struct handoff_race *h = p;
  pthread_t t;
  start(&t, handoff_thread, h);
  for (int i = 0; i < PER_THREAD / 4; i++) {
    struct ac_mutex_lock__frame l;
    struct ac_notified__frame nf;
    cx->budget = AC__COOP_BUDGET; /* each round as if in a poll of its own */
    while (atomic_load(&h->step) != 3 * i + 1)
      sched_yield();
    ac_mutex_lock__init(&l, &h->m);
    ASSERT_INT_EQ(ac_mutex_lock__poll(&l, cx), AC_PENDING);
    bool notify_round = i % 2 == 0;
    if (notify_round) {
      ac_notified__init(&nf, &h->n);
      ASSERT_INT_EQ(ac_notified__poll(&nf, cx), AC_PENDING);
    }
    atomic_store(&h->step, 3 * i + 2);
    for (int k = (i * 7) % 97; k > 0; k--)
      ac__cpu_relax();
    bool got_lock = i % 3 == 0 && ac_mutex_lock__poll(&l, cx) == AC_READY;
    bool got_note = notify_round && i % 5 == 0 && ac_notified__poll(&nf, cx) == AC_READY;
    if (!got_lock)
      ac_mutex_lock__drop(&l);
    if (notify_round && !got_note)
      ac_notified__drop(&nf);
    while (atomic_load(&h->done) != i + 1)
      sched_yield();
    if (got_lock)
      ac_mutex_unlock(&h->m);
    /* the lock is free again, whoever had it last */
    ASSERT_INT_EQ(ac_mutex_try_lock(&h->m), 0);
    ac_mutex_unlock(&h->m);
    ASSERT_UINT_EQ(ac__sem_waiters(&h->m.sem), 0);
    if (notify_round) { /* one notify_one: consumed, or exactly one permit */
      ac_notified__init(&nf, &h->n);
      ac_poll again = ac_notified__poll(&nf, cx);
      ASSERT_INT_EQ(again, got_note ? AC_PENDING : AC_READY);
      if (again == AC_PENDING)
        ac_notified__drop(&nf);
      ASSERT_UINT_EQ(ac__notify_waiters(&h->n), 0);
    }
    atomic_store(&h->step, 3 * (i + 1));
  }
  join(t);
  ((struct handoff_race *)p)->done = -1;
  return AC_READY;
}
TEST_IMPL(mutex_and_notify_handoff_races_drop) {
  static struct handoff_race h;
  ac_mutex_init(&h.m);
  ac_notify_init(&h.n);
  atomic_init(&h.step, 0);
  atomic_init(&h.done, 0);
  op_log_len = 0;
  ASSERT_INT_EQ(ac_block_on_frame(&h, handoff_poll, no_drop), 0);
  ASSERT_INT_EQ(atomic_load(&h.done), -1);
}

/* ---------- aborts racing hand-offs across the workers of one runtime
 * Each round: 4 receiver tasks wait on a channel, the root sends 4 items and
 * at once aborts 2 receivers, which may be queued, woken to retry, or holding
 * a handed item on the other worker.  Every item sent is either received by
 * a task or still in the channel, exactly once. */
struct counted_rx {
  unsigned ac_state;
  int pc, v;
  struct ac_chan *ch;
  _Atomic long *count, *sum;
  struct ac_chan_recv__frame r;
};
static void counted_rx__init(void *p, void *arg) { *(struct counted_rx *)p = *(struct counted_rx *)arg; }
static ac_poll counted_rx__poll(void *p, struct ac_cx *cx) {
  struct counted_rx *f = p;
  BEGIN(f);
  ac_chan_recv__init(&f->r, f->ch, &f->v);
  AWAIT(ac_chan_recv, &f->r);
  if (f->r.ac_result == 0) {
    atomic_fetch_add(f->count, 1);
    atomic_fetch_add(f->sum, f->v);
  }
  END(f);
}
static void counted_rx__drop(void *p) {
  struct counted_rx *f = p;
  if (f->ac_state != AC_STATE_DONE && f->pc != 0)
    ac_chan_recv__drop(&f->r);
  f->ac_state = AC_STATE_DONE;
}

struct abort_root {
  unsigned ac_state;
  int pc, round, k, v;
  long sent_sum, left, left_sum;
  _Atomic long count, sum;
  struct ac_chan *ch;
  struct counted_rx proto;
  struct ac_task *h[4];
  struct ac_yield__frame y;
  struct ac_task_join__frame j;
};
enum { ABORT_ROUNDS = 2000 };
static ac_poll abort_poll(void *p, struct ac_cx *cx) {
  struct abort_root *f = p;
  BEGIN(f);
  f->ch = ac_chan_new(4, sizeof(int));
  f->proto = (struct counted_rx){.ch = f->ch, .count = &f->count, .sum = &f->sum};
  for (f->round = 0; f->round < ABORT_ROUNDS; f->round++) {
    for (f->k = 0; f->k < 4; f->k++)
      f->h[f->k] = ac_spawn_frame(cx, sizeof(struct counted_rx), 0, 0, counted_rx__poll,
                                  counted_rx__drop, counted_rx__init, &f->proto);
    ac_yield__init(&f->y); /* let some of them queue on the other worker */
    AWAIT(ac_yield, &f->y);
    for (f->k = 0; f->k < 4; f->k++) {
      f->v = f->round * 4 + f->k;
      ASSERT_INT_EQ(ac_chan_try_send(f->ch, &f->v), 0);
      f->sent_sum += f->v;
    }
    ac_task_abort(f->h[f->round % 4]);
    ac_task_abort(f->h[(f->round + 1) % 4]);
    for (f->k = 0; f->k < 4; f->k++) {
      ac_task_join__init(&f->j, f->h[f->k], NULL);
      AWAIT(ac_task_join, &f->j);
    }
    while (ac_chan_try_recv(f->ch, &f->v) == 0) { /* what the aborted left */
      f->left++;
      f->left_sum += f->v;
    }
  }
  ASSERT_INT_EQ(atomic_load(&f->count) + f->left, 4 * ABORT_ROUNDS);
  ASSERT_INT_EQ(atomic_load(&f->sum) + f->left_sum, f->sent_sum);
  ASSERT_UINT_EQ(ac__chan_waiting_receivers(f->ch), 0);
  ac_chan_free(f->ch);
  END(f);
}
TEST_IMPL(chan_aborts_race_handoffs_on_two_workers) {
  static struct abort_root f;
  ASSERT_INT_EQ(ac_runtime_set_workers(2), 0);
  ASSERT_INT_EQ(ac_block_on_frame(&f, abort_poll, no_drop), 0);
  ac__runtime_forget_workers();
  ASSERT_UINT_EQ(ac__spawn_allocated(), 0);
  ASSERT_TRUE(f.left > 0); /* some aborts did leave items behind */
  if (getenv("AC_TEST_VERBOSE"))
    fprintf(stderr, "received %ld, left %ld\n", (long)atomic_load(&f.count), f.left);
}

/* ---- lock hand-offs and notify_one racing aborts across the two workers
 * Each round: the root holds the mutex, 3 tasks queue for it (each unlocks
 * at once when it gets it) and 3 wait on a notify; the root unlocks and
 * notifies once, then aborts one task of each kind, which may be queued or
 * granted on the other worker.  Afterwards the mutex is free, and the one
 * notification was either taken by a task or is the stored permit. */
struct lock_once {
  unsigned ac_state;
  int pc;
  struct ac_mutex *m;
  struct ac_notify *n;
  _Atomic long *locked, *notified;
  union {
    struct ac_mutex_lock__frame l;
    struct ac_notified__frame nf;
  } u;
};
static void lock_once__init(void *p, void *arg) { *(struct lock_once *)p = *(struct lock_once *)arg; }
static ac_poll lock_once__poll(void *p, struct ac_cx *cx) {
  struct lock_once *f = p;
  BEGIN(f);
  if (f->m) {
    ac_mutex_lock__init(&f->u.l, f->m);
    AWAIT(ac_mutex_lock, &f->u.l);
    atomic_fetch_add(f->locked, 1);
    ac_mutex_unlock(f->m);
  } else {
    ac_notified__init(&f->u.nf, f->n);
    AWAIT(ac_notified, &f->u.nf);
    atomic_fetch_add(f->notified, 1);
  }
  END(f);
}
static void lock_once__drop(void *p) {
  struct lock_once *f = p;
  if (f->ac_state != AC_STATE_DONE && f->pc != 0) {
    if (f->m)
      ac_mutex_lock__drop(&f->u.l);
    else
      ac_notified__drop(&f->u.nf);
  }
  f->ac_state = AC_STATE_DONE;
}
struct lock_abort_root {
  unsigned ac_state;
  int pc, round, k;
  struct ac_mutex m;
  struct ac_notify n;
  _Atomic long locked, notified;
  long permits; /* rounds whose notify_one ended as the stored permit */
  struct lock_once proto;
  struct ac_task *h[6];
  struct ac_yield__frame y;
  struct ac_task_join__frame j;
  struct ac_notified__frame nf;
};
static ac_poll lock_abort_poll(void *p, struct ac_cx *cx) {
  struct lock_abort_root *f = p;
  BEGIN(f);
  ac_mutex_init(&f->m);
  ac_notify_init(&f->n);
  for (f->round = 0; f->round < ABORT_ROUNDS; f->round++) {
    ASSERT_INT_EQ(ac_mutex_try_lock(&f->m), 0);
    for (f->k = 0; f->k < 6; f->k++) {
      f->proto = (struct lock_once){.m = f->k < 3 ? &f->m : NULL, .n = &f->n,
                                    .locked = &f->locked, .notified = &f->notified};
      f->h[f->k] = ac_spawn_frame(cx, sizeof(struct lock_once), 0, 0, lock_once__poll,
                                  lock_once__drop, lock_once__init, &f->proto);
    }
    ac_yield__init(&f->y);
    AWAIT(ac_yield, &f->y);
    ac_mutex_unlock(&f->m);
    ac_notify_one(&f->n);
    ac_task_abort(f->h[f->round % 3]);
    ac_task_abort(f->h[3 + f->round % 3]);
    for (f->k = 0; f->k < 3; f->k++) {
      ac_task_join__init(&f->j, f->h[f->k], NULL);
      AWAIT(ac_task_join, &f->j);
    }
    ASSERT_INT_EQ(ac_mutex_try_lock(&f->m), 0); /* not lost to an aborted waiter */
    ac_mutex_unlock(&f->m);
    /* the notified tasks still waiting are aborted too (their drops pass
     * the notification on); then the one notify_one of this round was
     * either taken by a task or is the stored permit */
    for (f->k = 3; f->k < 6; f->k++) {
      ac_task_abort(f->h[f->k]);
      ac_task_join__init(&f->j, f->h[f->k], NULL);
      AWAIT(ac_task_join, &f->j);
    }
    ac_notified__init(&f->nf, &f->n);
    if (ac_notified__poll(&f->nf, cx) == AC_READY)
      f->permits++;
    else
      ac_notified__drop(&f->nf);
    ASSERT_INT_EQ(atomic_load(&f->notified) + f->permits, f->round + 1);
  }
  ASSERT_UINT_EQ(ac__sem_waiters(&f->m.sem), 0);
  ASSERT_UINT_EQ(ac__notify_waiters(&f->n), 0);
  END(f);
}
TEST_IMPL(mutex_notify_aborts_race_on_two_workers) {
  static struct lock_abort_root f;
  ASSERT_INT_EQ(ac_runtime_set_workers(2), 0);
  ASSERT_INT_EQ(ac_block_on_frame(&f, lock_abort_poll, no_drop), 0);
  ac__runtime_forget_workers();
  ASSERT_UINT_EQ(ac__spawn_allocated(), 0);
  /* each round: 3 lockers, one maybe aborted first */
  ASSERT_TRUE(atomic_load(&f.locked) >= 2 * ABORT_ROUNDS);
  ASSERT_TRUE(atomic_load(&f.locked) <= 3 * ABORT_ROUNDS);
  if (getenv("AC_TEST_VERBOSE"))
    fprintf(stderr, "locked %ld, notified %ld, permits %ld\n", (long)atomic_load(&f.locked),
            (long)atomic_load(&f.notified), f.permits);
}
