/* ac_sendfile (asyncc/net.h): sendfile(2) from a file to a socket, waiting
 * for the socket to be writable between attempts; ac_sendfile_with_head:
 * an ac_write_allv with MSG_MORE, then an ac_sendfile. */
#include <asyncc/net.h>

#include "io_reg.h"

#include <errno.h>
#include <sys/sendfile.h>

enum { CHUNK = 1 << 20 }; /* per attempt: other tasks run between chunks */

static ssize_t sendfile_attempt(void *p, bool *full) {
  struct ac_sendfile__frame *f = p;
  size_t want = f->n - f->done < CHUNK ? f->n - f->done : CHUNK;
  off_t off = f->offset + (off_t)f->done;
  ssize_t r = sendfile(f->out_fd, f->in_fd, &off, want);
  if (r < 0)
    return -errno;
  *full = r > 0 && (size_t)r < want;
  return r;
}

void ac_sendfile__init(struct ac_sendfile__frame *f, int out_fd, int in_fd, long offset,
                       size_t n) {
  f->ac_state = 0;
  f->out_fd = out_fd;
  f->in_fd = in_fd;
  f->offset = offset;
  f->n = n;
  f->done = 0;
  ac__io_op_init(&f->op);
  f->ac_result = 0;
}

ac_poll ac_sendfile__poll(struct ac_sendfile__frame *f, struct ac_cx *cx) {
  f->ac_state = 1;
  while (f->done < f->n) {
    ssize_t r;
    if (ac__io_run(&f->op, f->out_fd, AC__IO_WRITE, cx, sendfile_attempt, f, &r) ==
        AC_PENDING)
      return AC_PENDING;
    if (r < 0) {
      f->ac_result = r;
      goto done;
    }
    if (r == 0) /* the file ended first */
      break;
    f->done += (size_t)r;
  }
  f->ac_result = (long)f->done;
done:
  f->ac_state = AC_STATE_DONE;
  return AC_READY;
}

void ac_sendfile__drop(struct ac_sendfile__frame *f) {
  ac__io_op_drop(&f->op);
  f->ac_state = AC_STATE_DONE;
}

/* ------------------------------------------------- ac_sendfile_with_head */

enum { HEAD = 1, FILE_BYTES = 2 }; /* ac_state: the part in flight */

void ac_sendfile_with_head__init(struct ac_sendfile_with_head__frame *f, int out_fd,
                                 const struct iovec *head, int headcnt, int in_fd, long offset,
                                 size_t n) {
  f->ac_state = 0;
  ac_write_allv__init(&f->head, out_fd, head, headcnt);
  f->head.more = n > 0; /* nothing to follow: the head must not wait */
  ac_sendfile__init(&f->file, out_fd, in_fd, offset, n);
  f->ac_result = 0;
}

ac_poll ac_sendfile_with_head__poll(struct ac_sendfile_with_head__frame *f, struct ac_cx *cx) {
  if (f->ac_state != FILE_BYTES) {
    f->ac_state = HEAD;
    if (ac_write_allv__poll(&f->head, cx) == AC_PENDING)
      return AC_PENDING;
    if (f->head.ac_result < 0) {
      f->ac_result = f->head.ac_result;
      f->ac_state = AC_STATE_DONE;
      return AC_READY;
    }
    f->ac_state = FILE_BYTES;
  }
  if (ac_sendfile__poll(&f->file, cx) == AC_PENDING)
    return AC_PENDING;
  f->ac_result = f->file.ac_result;
  f->ac_state = AC_STATE_DONE;
  return AC_READY;
}

void ac_sendfile_with_head__drop(struct ac_sendfile_with_head__frame *f) {
  if (f->ac_state == HEAD)
    ac_write_allv__drop(&f->head);
  else if (f->ac_state == FILE_BYTES)
    ac_sendfile__drop(&f->file);
  f->ac_state = AC_STATE_DONE;
}
