/* ac_write_allv (asyncc/net.h): a gathered write_all.  Each attempt is one
 * writev(2) of what is left, from the buffer it stopped in (a sendmsg(2)
 * with MSG_MORE when ac_sendfile_with_head sends a head). */
#include <asyncc/net.h>

#include "io_reg.h"

#include <errno.h>
#include <limits.h>
#include <sys/socket.h>
#include <sys/uio.h>

enum { MAX_IOV = 64 }; /* per attempt; the rest goes in later ones */

static ssize_t writev_attempt(void *p, bool *full) {
  struct ac_write_allv__frame *f = p;
  struct iovec iov[MAX_IOV];
  int n = 0;
  size_t want = 0;
  for (int i = f->at; i < f->iovcnt && n < MAX_IOV; i++, n++) {
    size_t skip = i == f->at ? f->at_done : 0;
    iov[n].iov_base = (char *)f->iov[i].iov_base + skip;
    iov[n].iov_len = f->iov[i].iov_len - skip;
    want += iov[n].iov_len;
  }
  ssize_t r;
  if (f->more) { /* MSG_MORE needs sendmsg; a non-socket takes the writev */
    struct msghdr msg = {.msg_iov = iov, .msg_iovlen = (size_t)n};
    r = sendmsg(f->fd, &msg, MSG_MORE | MSG_NOSIGNAL);
    if (r < 0 && errno == ENOTSOCK) {
      f->more = 0;
      r = writev(f->fd, iov, n);
    }
  } else {
    r = writev(f->fd, iov, n);
  }
  if (r < 0)
    return -errno;
  *full = (size_t)r < want;
  return r;
}

/* Skips empty buffers and those written whole. */
static void advance(struct ac_write_allv__frame *f, size_t r) {
  while (f->at < f->iovcnt) {
    size_t left = f->iov[f->at].iov_len - f->at_done;
    if (r < left) {
      f->at_done += r;
      return;
    }
    r -= left;
    f->at++;
    f->at_done = 0;
  }
}

void ac_write_allv__init(struct ac_write_allv__frame *f, int fd, const struct iovec *iov,
                         int iovcnt) {
  f->ac_state = 0;
  f->fd = fd;
  f->iov = iov;
  f->iovcnt = iovcnt < 0 ? 0 : iovcnt;
  f->at = 0;
  f->at_done = 0;
  f->done = 0;
  f->more = 0;
  ac__io_op_init(&f->op);
  f->ac_result = 0;
}

ac_poll ac_write_allv__poll(struct ac_write_allv__frame *f, struct ac_cx *cx) {
  f->ac_state = 1;
  advance(f, 0);
  while (f->at < f->iovcnt) {
    ssize_t r;
    if (ac__io_run(&f->op, f->fd, AC__IO_WRITE, cx, writev_attempt, f, &r) == AC_PENDING)
      return AC_PENDING;
    if (r < 0) {
      f->ac_result = r;
      goto done;
    }
    f->done += r;
    advance(f, (size_t)r);
  }
  f->ac_result = f->done;
done:
  f->ac_state = AC_STATE_DONE;
  return AC_READY;
}

void ac_write_allv__drop(struct ac_write_allv__frame *f) {
  ac__io_op_drop(&f->op);
  f->ac_state = AC_STATE_DONE;
}
