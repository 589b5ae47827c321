/* File opens, reads and writes through the io_uring reactor (see ring_op.h). */
#include "ring_op.h"

#include "driver.h"
#include "reactor_uring.h"
#include "task.h"

#include <fcntl.h>
#include <limits.h>
#include <stdatomic.h>
#include <string.h>
#include <unistd.h>

/* An operation for cx's task with an n-byte buffer, if cx's runtime has a
 * ring this thread may submit to. */
static struct ac__ring_op *op_new(struct ac_cx *cx, size_t n) {
  struct ac__reactor *r = &cx->driver->io;
  struct ac__ring_op *op;
  if (!ac__uring_takes_ops(r) || n > UINT_MAX)
    return NULL;
  op = ac__uring_op_alloc(r, n);
  if (!op)
    return NULL;
  atomic_init(&op->lock, 0);
  op->task = cx->task;
  op->reactor = r;
  op->next = op->prev = NULL;
  op->res = 0;
  op->done = false;
  op->opens_fd = false;
  op->len = n;
  return op;
}

struct ac__ring_op *ac__ring_read(struct ac_cx *cx, int fd, size_t n, long off) {
  struct ac__ring_op *op = op_new(cx, n);
  if (op)
    ac__uring_submit_op(op->reactor, op, fd, false, off);
  return op;
}

struct ac__ring_op *ac__ring_write(struct ac_cx *cx, int fd, const void *buf, size_t n,
                                   long off) {
  struct ac__ring_op *op = op_new(cx, n);
  if (op) {
    memcpy(op->buf, buf, n);
    ac__uring_submit_op(op->reactor, op, fd, true, off);
  }
  return op;
}

struct ac__ring_op *ac__ring_open(struct ac_cx *cx, const char *path, int flags,
                                  unsigned mode) {
  size_t n = strlen(path) + 1;
  struct ac__ring_op *op = op_new(cx, n);
  if (op) {
    memcpy(op->buf, path, n);
    op->opens_fd = true;
    ac__uring_submit_open(op->reactor, op, flags | O_CLOEXEC, mode);
  }
  return op;
}

bool ac__ring_op_take(struct ac__ring_op *op, void *out, long *res) {
  bool done;
  ac__spin_lock(&op->lock);
  done = op->done;
  ac__spin_unlock(&op->lock);
  if (!done)
    return false;
  if (out && op->res > 0)
    memcpy(out, op->buf, (size_t)op->res);
  *res = op->res;
  ac__uring_op_free(op->reactor, op);
  return true;
}

void ac__ring_op_drop(struct ac__ring_op *op) {
  ac__spin_lock(&op->lock);
  if (op->done) { /* completed, but its task will not take it */
    ac__spin_unlock(&op->lock);
    ac__ring_op_discard(op, op->res);
    ac__uring_op_free(op->reactor, op);
    return;
  }
  op->task = NULL;
  /* Under the lock: the completion, which frees an orphan, waits. */
  ac__uring_cancel_op(op->reactor, op);
  ac__spin_unlock(&op->lock);
}

void ac__ring_op_complete(struct ac__ring_op *op, long res) {
  bool orphan;
  ac__spin_lock(&op->lock);
  op->res = res;
  op->done = true;
  orphan = !op->task;
  if (!orphan)
    ac__task_wake(op->task);
  ac__spin_unlock(&op->lock);
  if (orphan) { /* dropped: nothing of it is the kernel's any more */
    ac__ring_op_discard(op, res);
    ac__uring_op_free(op->reactor, op);
  }
}

void ac__ring_op_discard(struct ac__ring_op *op, long res) {
  if (op->opens_fd && res >= 0)
    close((int)res);
}
