/* Op tasks for the channel and sync tests (see sync-ops.h). */
#include "sync-ops.h"

#include "runtime_config.h"

struct op_log_entry op_log[64];
int op_log_len;

void op__init(void *frame, void *op) {
  struct op__frame *f = frame;
  struct op *o = op;
  f->ac_state = 0;
  f->op = o;
  switch (o->kind) {
  case OP_CHAN_RECV: ac_chan_recv__init(&f->u.chan_recv, o->obj, &o->item); break;
  case OP_CHAN_SEND: ac_chan_send__init(&f->u.chan_send, o->obj, &o->item); break;
  case OP_ONESHOT_RECV: ac_oneshot_recv__init(&f->u.oneshot_recv, o->obj, &o->item); break;
  case OP_BCAST_RECV: ac_bcast_recv__init(&f->u.bcast_recv, o->obj, &o->item); break;
  case OP_SEM_ACQUIRE: ac_sem_acquire__init(&f->u.sem, o->obj, o->n); break;
  case OP_MUTEX_LOCK: ac_mutex_lock__init(&f->u.mutex, o->obj); break;
  case OP_READ_LOCK: ac_rwlock_read_lock__init(&f->u.rd, o->obj); break;
  case OP_WRITE_LOCK: ac_rwlock_write_lock__init(&f->u.wr, o->obj); break;
  case OP_NOTIFIED: ac_notified__init(&f->u.notified, o->obj); break;
  }
}

ac_poll op__poll(void *frame, struct ac_cx *cx) {
  struct op__frame *f = frame;
  ac_poll p = AC_READY;
  int r = 0;
  switch (f->op->kind) {
  case OP_CHAN_RECV: p = ac_chan_recv__poll(&f->u.chan_recv, cx); r = f->u.chan_recv.ac_result; break;
  case OP_CHAN_SEND: p = ac_chan_send__poll(&f->u.chan_send, cx); r = f->u.chan_send.ac_result; break;
  case OP_ONESHOT_RECV:
    p = ac_oneshot_recv__poll(&f->u.oneshot_recv, cx);
    r = f->u.oneshot_recv.ac_result;
    break;
  case OP_BCAST_RECV: p = ac_bcast_recv__poll(&f->u.bcast_recv, cx); r = f->u.bcast_recv.ac_result; break;
  case OP_SEM_ACQUIRE: p = ac_sem_acquire__poll(&f->u.sem, cx); break;
  case OP_MUTEX_LOCK: p = ac_mutex_lock__poll(&f->u.mutex, cx); break;
  case OP_READ_LOCK: p = ac_rwlock_read_lock__poll(&f->u.rd, cx); break;
  case OP_WRITE_LOCK: p = ac_rwlock_write_lock__poll(&f->u.wr, cx); break;
  case OP_NOTIFIED: p = ac_notified__poll(&f->u.notified, cx); break;
  }
  if (p == AC_PENDING)
    return AC_PENDING;
  ASSERT_TRUE(op_log_len < 64);
  op_log[op_log_len++] = (struct op_log_entry){f->op->id, r, f->op->item};
  f->ac_result = r;
  f->ac_state = AC_STATE_DONE;
  return AC_READY;
}

void op__drop(void *frame) {
  struct op__frame *f = frame;
  if (f->ac_state == AC_STATE_DONE)
    return;
  switch (f->op->kind) {
  case OP_CHAN_RECV: ac_chan_recv__drop(&f->u.chan_recv); break;
  case OP_CHAN_SEND: ac_chan_send__drop(&f->u.chan_send); break;
  case OP_ONESHOT_RECV: ac_oneshot_recv__drop(&f->u.oneshot_recv); break;
  case OP_BCAST_RECV: ac_bcast_recv__drop(&f->u.bcast_recv); break;
  case OP_SEM_ACQUIRE: ac_sem_acquire__drop(&f->u.sem); break;
  case OP_MUTEX_LOCK: ac_mutex_lock__drop(&f->u.mutex); break;
  case OP_READ_LOCK: ac_rwlock_read_lock__drop(&f->u.rd); break;
  case OP_WRITE_LOCK: ac_rwlock_write_lock__drop(&f->u.wr); break;
  case OP_NOTIFIED: ac_notified__drop(&f->u.notified); break;
  }
  f->ac_state = AC_STATE_DONE;
}

int op_logged(int id) {
  for (int i = 0; i < op_log_len; i++)
    if (op_log[i].id == id)
      return i;
  return -1;
}

static void no_drop(void *frame) { (void)frame; }

void run_test_root(void *frame, ac_poll_fn poll) {
  op_log_len = 0;
  /* The current-thread executor: the order checks rely on its FIFO run
   * queue (a spawned task first runs in spawn order), whatever
   * ASYNCC_WORKERS says; the multi-thread cases choose their own. */
  int explicit_ct = ac_runtime_workers() < 0 && ac_runtime_set_workers(0) == 0;
  ASSERT_INT_EQ(ac_block_on_frame(frame, poll, no_drop), 0);
  if (explicit_ct)
    ac__runtime_forget_workers();
  ASSERT_UINT_EQ(ac__spawn_allocated(), 0);
}
