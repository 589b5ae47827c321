/* Completion-based operations through an io_uring reactor: ac_file_open,
 * ac_file_read and ac_file_write submit IORING_OP_OPENAT/READ/WRITE in the
 * ring of the runtime that polls them instead of a blocking-pool job
 * (docs/runtime.md, "The io_uring backend", "Cancellation safety").
 *
 * The kernel reads and writes only the operation's own buffer, allocated
 * with it, never the task's frame or the caller's buffer: a read is copied
 * out at completion, a write (or an open's path) copied in at submission.
 * A drop while the operation is in flight cancels it and leaves the record
 * to the ring, which frees it when the (cancelled or finished) completion
 * arrives, so nothing the kernel may still write is ever freed under it.
 * An open whose caller is gone by its completion has nobody to take its
 * fd: whoever frees the record closes it (ac__ring_op_discard).
 *
 * Threads: a current-thread ring's operations are submitted, completed and
 * dropped by its owner; a multi-thread runtime's shared ring takes them
 * from every worker and the parker completes them.  'lock' orders a drop
 * against the completion (a wake happens under it, so a drop that returns
 * never races with a wake of its task), as the registrations' lock does. */
#ifndef AC__RING_OP_H
#define AC__RING_OP_H

#include "waitq.h"

#include <stdbool.h>
#include <stddef.h>

struct ac_cx;
struct ac_task;
struct ac__reactor;

struct ac__ring_op {
  ac__spinlock lock;            /* task, res, done */
  struct ac_task *task;         /* woken at completion; NULL: dropped, the ring frees it */
  struct ac__reactor *reactor;  /* whose ring it is in */
  struct ac__ring_op *next, *prev; /* the ring's list of operations in flight */
  void *sqe;                    /* the ring's: its SQE, while not submitted */
  unsigned long submits;        /* the ring's: its submit count at the prep */
  long res;                     /* the completion's result, once 'done' */
  bool done;
  /* An open the kernel may still run: a result >= 0 is an fd nobody else
   * will close.  Cleared when a NOP replaces it (whose result 0 is no fd). */
  bool opens_fd;
  size_t len;
  unsigned char buf[];          /* the kernel's: len bytes */
};

/* Submits a read of 'n' bytes of 'fd' at 'off' (< 0: the file position)
 * for cx's task in the ring of cx's runtime, or returns NULL when that is
 * not possible (no io_uring reactor this thread may submit to, out of
 * memory): the caller then uses the blocking pool. */
struct ac__ring_op *ac__ring_read(struct ac_cx *cx, int fd, size_t n, long off);
/* The same for a write of buf[0..n). */
struct ac__ring_op *ac__ring_write(struct ac_cx *cx, int fd, const void *buf, size_t n, long off);

/* Submits an open(2) of 'path' (copied: the caller's string is not read
 * after this returns) with O_CLOEXEC added, as ac__ring_read. */
struct ac__ring_op *ac__ring_open(struct ac_cx *cx, const char *path, int flags, unsigned mode);

/* The operation's result if done (the record is freed, its bytes copied
 * to 'out' for a read), else false with the task to be woken. */
bool ac__ring_op_take(struct ac__ring_op *op, void *out, long *res);

/* The caller's frame goes away: free a finished operation, cancel one in
 * flight and leave it to the ring. */
void ac__ring_op_drop(struct ac__ring_op *op);

/* The driver's dispatch: the kernel finished 'op' with 'res'. */
void ac__ring_op_complete(struct ac__ring_op *op, long res);

/* 'op' finished with 'res' and nobody will take it: close the fd an open
 * made.  The caller then frees the record. */
void ac__ring_op_discard(struct ac__ring_op *op, long res);

#endif
