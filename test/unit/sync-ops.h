/* Helpers for the channel and sync-primitive tests.
 *
 * Frames are hand-written the way the compiler lowers them, with a
 * protothread-style switch on __LINE__ so a test root reads top to bottom:
 *
 *   BEGIN(f);
 *   ...;  AWAIT(ac_chan_recv, &f->r);  ...;  SETTLE(f);
 *   END(f);
 *
 * 'op tasks' are spawned tasks that await ONE operation and then record
 * (id, result) in a global log, so a test can check which operations
 * completed and in what order, and abort them in any state. */
#ifndef AC_TEST_SYNC_OPS_H
#define AC_TEST_SYNC_OPS_H

#include "test.h"

#include "sync_internal.h"
#include "task.h"

#include <asyncc/asyncc.h>
#include <asyncc/chan.h>
#include <asyncc/sync.h>

#include <errno.h>
#include <stdatomic.h>
#include <stddef.h>

#define BEGIN(f) switch ((f)->pc) { case 0:
#define END(f)                                                                 \
  }                                                                            \
  (f)->ac_state = AC_STATE_DONE;                                               \
  return AC_READY
#define AWAIT(leaf, fr)                                                        \
  do {                                                                         \
    f->pc = __LINE__;                                                          \
    /* fallthrough */                                                          \
    case __LINE__:                                                             \
      if (leaf##__poll(fr, cx) == AC_PENDING)                                  \
        return AC_PENDING;                                                     \
  } while (0)
/* Lets every queued task run a few times (FIFO run queue). */
#define SETTLE(f)                                                              \
  for ((f)->settle = 0; (f)->settle < 4; (f)->settle++) {                      \
    ac_yield__init(&(f)->y);                                                   \
    AWAIT(ac_yield, &(f)->y);                                                  \
  }

/* ------------------------------------------------------------ op tasks */

enum op_kind {
  OP_CHAN_RECV, OP_CHAN_SEND, OP_ONESHOT_RECV, OP_BCAST_RECV, OP_SEM_ACQUIRE,
  OP_MUTEX_LOCK, OP_READ_LOCK, OP_WRITE_LOCK, OP_NOTIFIED,
};

struct op {
  enum op_kind kind;
  int id;
  void *obj;   /* the channel / primitive / struct ac_bcast_rx */
  size_t n;    /* semaphore permits */
  int item;    /* sent, or received */
};

struct op_log_entry {
  int id, result, item;
};
extern struct op_log_entry op_log[64];
extern int op_log_len;

struct op__frame {
  unsigned ac_state;
  struct op *op;
  union {
    struct ac_chan_recv__frame chan_recv;
    struct ac_chan_send__frame chan_send;
    struct ac_oneshot_recv__frame oneshot_recv;
    struct ac_bcast_recv__frame bcast_recv;
    struct ac_sem_acquire__frame sem;
    struct ac_mutex_lock__frame mutex;
    struct ac_rwlock_read_lock__frame rd;
    struct ac_rwlock_write_lock__frame wr;
    struct ac_notified__frame notified;
  } u;
  int ac_result;
};

void op__init(void *frame, void *op);
ac_poll op__poll(void *frame, struct ac_cx *cx);
void op__drop(void *frame);

static inline struct ac_task *spawn_op(struct ac_cx *cx, struct op *op) {
  struct ac_task *t =
      ac_spawn_frame(cx, sizeof(struct op__frame), offsetof(struct op__frame, ac_result),
                     sizeof(int), op__poll, op__drop, op__init, op);
  ASSERT_TRUE(t != NULL);
  return t;
}

/* Index of 'id' in the log, or -1. */
int op_logged(int id);

/* Runs 'poll' as the root of a fresh runtime; checks nothing leaked. */
void run_test_root(void *frame, ac_poll_fn poll);

#endif
