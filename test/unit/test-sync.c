/* Sync primitives on one runtime: FIFO hand-off of the mutex, semaphore
 * order (no overtaking), read-write lock writer preference, notify permits,
 * and every cancellation state of a waiter (queued, granted but unseen). */
#include "sync-ops.h"

#include "channel.h"

struct root {
  unsigned ac_state;
  int pc, settle, i;
  struct ac_yield__frame y;
  struct ac_task_join__frame j;
  struct ac_notified__frame nf;
  struct ac_task *h[4];
  struct op op[4];
  struct ac_mutex m;
  struct ac_sem s;
  struct ac_rwlock rw;
  struct ac_notify n;
};

#define ABORT_JOIN(f, k)                                                       \
  do {                                                                         \
    ac_task_abort((f)->h[k]);                                                  \
    ac_task_join__init(&(f)->j, (f)->h[k], NULL);                              \
    AWAIT(ac_task_join, &(f)->j);                                              \
    ASSERT_INT_EQ((f)->j.ac_result, -ECANCELED);                               \
  } while (0)
#define SPAWN(f, k, ...)                                                       \
  ((f)->op[k] = (struct op){__VA_ARGS__}, (f)->h[k] = spawn_op(cx, &(f)->op[k]))
#define DETACH(f, k) ac_task_detach((f)->h[k])

/* ---------------------------------------------------------------- mutex */
static ac_poll mutex_poll(void *p, struct ac_cx *cx) {
  struct root *f = p;
  BEGIN(f);
  ac_mutex_init(&f->m);
  ASSERT_INT_EQ(ac_mutex_try_lock(&f->m), 0); /* the root holds it */
  for (f->i = 0; f->i < 3; f->i++)
    SPAWN(f, f->i, .kind = OP_MUTEX_LOCK, .id = f->i + 1, .obj = &f->m);
  SETTLE(f);
  ASSERT_UINT_EQ(ac__sem_waiters(&f->m.sem), 3);
  ASSERT_INT_EQ(ac_mutex_try_lock(&f->m), -EBUSY);
  /* each unlock hands the lock to the next waiter, in arrival order */
  for (f->i = 0; f->i < 3; f->i++) {
    ac_mutex_unlock(&f->m);
    ASSERT_INT_EQ(ac_mutex_try_lock(&f->m), -EBUSY); /* handed, not freed */
    SETTLE(f);
    ASSERT_INT_EQ(op_log_len, f->i + 1);
    ASSERT_INT_EQ(op_log[f->i].id, f->i + 1);
  }
  ac_mutex_unlock(&f->m); /* for op 3 */
  ASSERT_INT_EQ(ac_mutex_try_lock(&f->m), 0);
  for (f->i = 0; f->i < 3; f->i++)
    DETACH(f, f->i);
  op_log_len = 0;

  /* granted but dropped before it ran: the lock goes on to the next */
  SPAWN(f, 0, .kind = OP_MUTEX_LOCK, .id = 1, .obj = &f->m);
  SPAWN(f, 1, .kind = OP_MUTEX_LOCK, .id = 2, .obj = &f->m);
  SPAWN(f, 2, .kind = OP_MUTEX_LOCK, .id = 3, .obj = &f->m);
  SETTLE(f);
  ac_mutex_unlock(&f->m); /* to 1 */
  ABORT_JOIN(f, 0);
  ABORT_JOIN(f, 2); /* queued: just leaves */
  SETTLE(f);
  ASSERT_INT_EQ(op_log_len, 1);
  ASSERT_INT_EQ(op_log[0].id, 2);
  ASSERT_UINT_EQ(ac__sem_waiters(&f->m.sem), 0);
  ac_mutex_unlock(&f->m); /* for op 2 */
  ASSERT_INT_EQ(ac_mutex_try_lock(&f->m), 0);
  ac_mutex_unlock(&f->m);
  ASSERT_UINT_EQ(ac_sem_available(&f->m.sem), 1);
  DETACH(f, 1);
  ac_mutex_destroy(&f->m);
  END(f);
}
TEST_IMPL(mutex_fifo_handoff_and_drops) {
  struct root f = {0};
  run_test_root(&f, mutex_poll);
}

/* ------------------------------------------------------------ semaphore */
static ac_poll sem_poll(void *p, struct ac_cx *cx) {
  struct root *f = p;
  BEGIN(f);
  ac_sem_init(&f->s, 0);
  SPAWN(f, 0, .kind = OP_SEM_ACQUIRE, .id = 1, .obj = &f->s, .n = 3);
  SPAWN(f, 1, .kind = OP_SEM_ACQUIRE, .id = 2, .obj = &f->s, .n = 1);
  SETTLE(f);
  ac_sem_release(&f->s, 1); /* enough for 2, but 1 is first */
  SETTLE(f);
  ASSERT_INT_EQ(op_log_len, 0);
  ASSERT_INT_EQ(ac_sem_try_acquire(&f->s, 1), -EAGAIN); /* nor a newcomer */
  ac_sem_release(&f->s, 3); /* 4 free: 3 to op 1, then 1 to op 2 */
  SETTLE(f);
  ASSERT_INT_EQ(op_log_len, 2);
  ASSERT_INT_EQ(op_log[0].id, 1);
  ASSERT_INT_EQ(op_log[1].id, 2);
  ASSERT_UINT_EQ(ac_sem_available(&f->s), 0);
  DETACH(f, 0);
  DETACH(f, 1);
  op_log_len = 0;

  /* a big request at the head, dropped: the small one behind goes through */
  ac_sem_release(&f->s, 2);
  SPAWN(f, 0, .kind = OP_SEM_ACQUIRE, .id = 1, .obj = &f->s, .n = 5);
  SPAWN(f, 1, .kind = OP_SEM_ACQUIRE, .id = 2, .obj = &f->s, .n = 1);
  SETTLE(f);
  ASSERT_INT_EQ(op_log_len, 0);
  ABORT_JOIN(f, 0);
  SETTLE(f);
  ASSERT_INT_EQ(op_log_len, 1);
  ASSERT_INT_EQ(op_log[0].id, 2);
  ASSERT_UINT_EQ(ac_sem_available(&f->s), 1);
  DETACH(f, 1);

  /* granted and dropped unseen: the permits come back */
  SPAWN(f, 2, .kind = OP_SEM_ACQUIRE, .id = 3, .obj = &f->s, .n = 2);
  SETTLE(f);
  ac_sem_release(&f->s, 1);
  ASSERT_UINT_EQ(ac_sem_available(&f->s), 0); /* granted to op 3 */
  ABORT_JOIN(f, 2);
  ASSERT_UINT_EQ(ac_sem_available(&f->s), 2);
  ASSERT_INT_EQ(ac_sem_try_acquire(&f->s, 2), 0);
  ASSERT_INT_EQ(ac_sem_try_acquire(&f->s, 1), -EAGAIN);
  ac_sem_destroy(&f->s);
  END(f);
}
TEST_IMPL(sem_fifo_and_drops_return_permits) {
  struct root f = {0};
  run_test_root(&f, sem_poll);
}

/* --------------------------------------------------------------- rwlock */
static ac_poll rwlock_poll(void *p, struct ac_cx *cx) {
  struct root *f = p;
  BEGIN(f);
  ac_rwlock_init(&f->rw);
  ASSERT_INT_EQ(ac_rwlock_try_read_lock(&f->rw), 0);
  ASSERT_INT_EQ(ac_rwlock_try_read_lock(&f->rw), 0);
  ASSERT_INT_EQ(ac_rwlock_try_write_lock(&f->rw), -EBUSY);
  SPAWN(f, 0, .kind = OP_WRITE_LOCK, .id = 1, .obj = &f->rw);
  SETTLE(f);
  /* a writer waits: later readers queue behind it (no writer starvation) */
  ASSERT_INT_EQ(ac_rwlock_try_read_lock(&f->rw), -EBUSY);
  SPAWN(f, 1, .kind = OP_READ_LOCK, .id = 2, .obj = &f->rw);
  SPAWN(f, 2, .kind = OP_READ_LOCK, .id = 3, .obj = &f->rw);
  SETTLE(f);
  ASSERT_INT_EQ(op_log_len, 0);
  ac_rwlock_read_unlock(&f->rw);
  SETTLE(f);
  ASSERT_INT_EQ(op_log_len, 0);
  ac_rwlock_read_unlock(&f->rw);
  SETTLE(f);
  ASSERT_INT_EQ(op_log_len, 1); /* the writer */
  ASSERT_INT_EQ(op_log[0].id, 1);
  ac_rwlock_write_unlock(&f->rw);
  SETTLE(f);
  ASSERT_INT_EQ(op_log_len, 3); /* both readers together */
  ASSERT_INT_EQ(ac_rwlock_try_read_lock(&f->rw), 0);
  ASSERT_INT_EQ(ac_rwlock_try_write_lock(&f->rw), -EBUSY);
  for (f->i = 0; f->i < 3; f->i++)
    ac_rwlock_read_unlock(&f->rw);
  /* a writer granted and dropped unseen gives the lock back */
  ASSERT_INT_EQ(ac_rwlock_try_read_lock(&f->rw), 0);
  SPAWN(f, 3, .kind = OP_WRITE_LOCK, .id = 4, .obj = &f->rw);
  SETTLE(f);
  ac_rwlock_read_unlock(&f->rw);
  ABORT_JOIN(f, 3);
  ASSERT_INT_EQ(ac_rwlock_try_write_lock(&f->rw), 0);
  ac_rwlock_write_unlock(&f->rw);
  ASSERT_UINT_EQ(ac_sem_available(&f->rw.sem), AC_RWLOCK_MAX_READERS);
  for (f->i = 0; f->i < 3; f->i++)
    DETACH(f, f->i);
  ac_rwlock_destroy(&f->rw);
  END(f);
}
TEST_IMPL(rwlock_writer_not_starved) {
  struct root f = {0};
  run_test_root(&f, rwlock_poll);
}

/* --------------------------------------------------------------- notify */
static ac_poll notify_poll(void *p, struct ac_cx *cx) {
  struct root *f = p;
  BEGIN(f);
  ac_notify_init(&f->n);
  /* notify_one with nobody waiting stores ONE permit */
  ac_notify_one(&f->n);
  ac_notify_one(&f->n);
  ac_notified__init(&f->nf, &f->n);
  ASSERT_INT_EQ(ac_notified__poll(&f->nf, cx), AC_READY);
  ac_notified__init(&f->nf, &f->n);
  ASSERT_INT_EQ(ac_notified__poll(&f->nf, cx), AC_PENDING);
  ASSERT_UINT_EQ(ac__notify_waiters(&f->n), 1);
  ac_notified__drop(&f->nf);
  ASSERT_UINT_EQ(ac__notify_waiters(&f->n), 0);

  /* notify_all wakes every waiter and stores nothing */
  for (f->i = 0; f->i < 3; f->i++)
    SPAWN(f, f->i, .kind = OP_NOTIFIED, .id = f->i + 1, .obj = &f->n);
  SETTLE(f);
  ASSERT_UINT_EQ(ac__notify_waiters(&f->n), 3);
  ac_notify_all(&f->n);
  SETTLE(f);
  ASSERT_INT_EQ(op_log_len, 3);
  ac_notified__init(&f->nf, &f->n);
  ASSERT_INT_EQ(ac_notified__poll(&f->nf, cx), AC_PENDING);
  ac_notified__drop(&f->nf);
  for (f->i = 0; f->i < 3; f->i++)
    DETACH(f, f->i);
  op_log_len = 0;

  /* notify_one wakes the first; dropped unseen, it passes to the next ... */
  SPAWN(f, 0, .kind = OP_NOTIFIED, .id = 1, .obj = &f->n);
  SPAWN(f, 1, .kind = OP_NOTIFIED, .id = 2, .obj = &f->n);
  SETTLE(f);
  ac_notify_one(&f->n);
  ABORT_JOIN(f, 0);
  SETTLE(f);
  ASSERT_INT_EQ(op_log_len, 1);
  ASSERT_INT_EQ(op_log[0].id, 2);
  DETACH(f, 1);
  /* ... or, with nobody left, back to the permit */
  SPAWN(f, 2, .kind = OP_NOTIFIED, .id = 3, .obj = &f->n);
  SETTLE(f);
  ac_notify_one(&f->n);
  ABORT_JOIN(f, 2);
  ac_notified__init(&f->nf, &f->n);
  ASSERT_INT_EQ(ac_notified__poll(&f->nf, cx), AC_READY);
  /* a waiter woken by notify_all and dropped passes nothing on */
  SPAWN(f, 3, .kind = OP_NOTIFIED, .id = 4, .obj = &f->n);
  SETTLE(f);
  ac_notify_all(&f->n);
  ABORT_JOIN(f, 3);
  ac_notified__init(&f->nf, &f->n);
  ASSERT_INT_EQ(ac_notified__poll(&f->nf, cx), AC_PENDING);
  ac_notified__drop(&f->nf);
  ac_notify_destroy(&f->n);
  END(f);
}
TEST_IMPL(notify_permit_all_and_drops) {
  struct root f = {0};
  run_test_root(&f, notify_poll);
}

/* Every leaf: dropping it before its first poll (even twice) is a no-op
 * that leaves the primitive as it was. */
TEST_IMPL(sync_leaves_drop_unstarted) {
  struct ac_chan *ch = ac_chan_new(1, sizeof(int));
  struct ac_oneshot *o = ac_oneshot_new(sizeof(int));
  struct ac_bcast *b = ac_bcast_new(2, sizeof(int));
  struct ac_bcast_rx rx;
  struct ac_mutex m;
  struct ac_sem s;
  struct ac_rwlock rw;
  struct ac_notify n;
  int v = 1;
  ac_bcast_subscribe(b, &rx);
  ac_mutex_init(&m);
  ac_sem_init(&s, 1);
  ac_rwlock_init(&rw);
  ac_notify_init(&n);

  struct ac_chan_send__frame cs;
  struct ac_chan_recv__frame cr;
  struct ac_oneshot_recv__frame orf;
  struct ac_bcast_recv__frame br;
  struct ac_sem_acquire__frame sa;
  struct ac_mutex_lock__frame ml;
  struct ac_rwlock_read_lock__frame rl;
  struct ac_rwlock_write_lock__frame wl;
  struct ac_notified__frame nf;
  ac_chan_send__init(&cs, ch, &v);
  ac_chan_send__drop(&cs);
  ac_chan_send__drop(&cs); /* twice: still nothing */
  ac_chan_recv__init(&cr, ch, &v);
  ac_chan_recv__drop(&cr);
  ac_oneshot_recv__init(&orf, o, &v);
  ac_oneshot_recv__drop(&orf);
  ac_bcast_recv__init(&br, &rx, &v);
  ac_bcast_recv__drop(&br);
  ac_sem_acquire__init(&sa, &s, 1);
  ac_sem_acquire__drop(&sa);
  ac_mutex_lock__init(&ml, &m);
  ac_mutex_lock__drop(&ml);
  ac_rwlock_read_lock__init(&rl, &rw);
  ac_rwlock_read_lock__drop(&rl);
  ac_rwlock_write_lock__init(&wl, &rw);
  ac_rwlock_write_lock__drop(&wl);
  ac_notified__init(&nf, &n);
  ac_notified__drop(&nf);

  ASSERT_UINT_EQ(ac__chan_len(ch), 0);
  ASSERT_UINT_EQ(ac__chan_waiting_senders(ch) + ac__chan_waiting_receivers(ch), 0);
  ASSERT_UINT_EQ(ac__oneshot_waiting(o) + ac__bcast_waiting(b), 0);
  ASSERT_UINT_EQ(ac_sem_available(&s), 1);
  ASSERT_INT_EQ(ac_mutex_try_lock(&m), 0);
  ac_mutex_unlock(&m);
  ASSERT_INT_EQ(ac_rwlock_try_write_lock(&rw), 0);
  ac_rwlock_write_unlock(&rw);
  ASSERT_UINT_EQ(ac__notify_waiters(&n), 0);

  ac_chan_free(ch);
  ac_oneshot_free(o);
  ac_bcast_free(b);
  ac_mutex_destroy(&m);
  ac_sem_destroy(&s);
  ac_rwlock_destroy(&rw);
  ac_notify_destroy(&n);
}
