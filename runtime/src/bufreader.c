/* The buffered reader (asyncc/bufreader.h): leaves that answer from the
 * buffer when they can and otherwise read the fd's free space at once,
 * through the same try-then-park protocol and syscall as ac_read (io_reg.h,
 * sys_io.h: recv(2) on a stream socket). */
#include <asyncc/bufreader.h>

#include "io_reg.h"
#include "sys_io.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int ac_bufreader_init(struct ac_bufreader *r, int fd, size_t cap) {
  memset(r, 0, sizeof *r);
  r->fd = fd;
  r->cap = cap ? cap : 1;
  r->buf = malloc(r->cap);
  return r->buf ? 0 : -ENOMEM;
}

void ac_bufreader_free(struct ac_bufreader *r) {
  free(r->buf);
  r->buf = NULL;
  r->start = r->end = r->scanned = 0;
}

void ac_bufreader_consume(struct ac_bufreader *r, size_t n) {
  size_t have = r->end - r->start;
  r->start += n < have ? n : have;
  r->scanned = 0;
  if (r->start == r->end)
    r->start = r->end = 0;
}

/* One read into the free space at the end of the buffer (op->reg is set
 * by the time ac__io_run attempts). */
struct fill_attempt {
  struct ac_bufreader *r;
  struct ac_io_op *op;
};

static ssize_t fill_attempt(void *p, bool *full) {
  struct fill_attempt *a = p;
  struct ac_bufreader *r = a->r;
  return ac__sys_read(a->op->reg, r->fd, r->buf + r->end, r->cap - r->end, full);
}

/* Reads once more into r (moving the buffered bytes to the front when the
 * end is full): AC_READY with *out = bytes read, 0 at EOF, or -errno. */
static ac_poll fill_more(struct ac_bufreader *r, struct ac_io_op *op, struct ac_cx *cx,
                         ssize_t *out) {
  if (r->end == r->cap && r->start > 0) {
    memmove(r->buf, r->buf + r->start, r->end - r->start);
    r->end -= r->start;
    r->start = 0;
  }
  struct fill_attempt a = {r, op};
  if (ac__io_run(op, r->fd, AC__IO_READ, cx, fill_attempt, &a, out) == AC_PENDING)
    return AC_PENDING;
  if (*out > 0)
    r->end += (size_t)*out;
  else if (*out == 0)
    r->eof = 1;
  return AC_READY;
}

/* ------------------------------------------------------------ ac_read_until */

void ac_read_until__init(struct ac_read_until__frame *f, struct ac_bufreader *r, int delim,
                         const char **line) {
  f->ac_state = 0;
  f->r = r;
  f->delim = delim;
  f->line = line;
  ac__io_op_init(&f->op);
  f->ac_result = 0;
}

ac_poll ac_read_until__poll(struct ac_read_until__frame *f, struct ac_cx *cx) {
  struct ac_bufreader *r = f->r;
  f->ac_state = 1;
  for (;;) {
    size_t have = r->end - r->start;
    const char *hit = memchr(r->buf + r->start + r->scanned, f->delim, have - r->scanned);
    ssize_t got;
    if (hit || (r->eof && have > 0)) {
      size_t len = hit ? (size_t)(hit - (r->buf + r->start)) + 1 : have;
      *f->line = r->buf + r->start;
      ac_bufreader_consume(r, len);
      f->ac_result = (long)len;
      break;
    }
    r->scanned = have;
    if (r->eof) {
      f->ac_result = 0;
      break;
    }
    if (have == r->cap) {
      f->ac_result = -EMSGSIZE;
      break;
    }
    if (fill_more(r, &f->op, cx, &got) == AC_PENDING)
      return AC_PENDING;
    if (got < 0) {
      f->ac_result = got;
      break;
    }
  }
  f->ac_state = AC_STATE_DONE;
  return AC_READY;
}

void ac_read_until__drop(struct ac_read_until__frame *f) {
  ac__io_op_drop(&f->op);
  f->ac_state = AC_STATE_DONE;
}

void ac_read_line__init(struct ac_read_line__frame *f, struct ac_bufreader *r,
                        const char **line) {
  f->ac_state = 0;
  ac_read_until__init(&f->until, r, '\n', line);
  f->ac_result = 0;
}

ac_poll ac_read_line__poll(struct ac_read_line__frame *f, struct ac_cx *cx) {
  f->ac_state = 1;
  if (ac_read_until__poll(&f->until, cx) == AC_PENDING)
    return AC_PENDING;
  f->ac_result = f->until.ac_result;
  f->ac_state = AC_STATE_DONE;
  return AC_READY;
}

void ac_read_line__drop(struct ac_read_line__frame *f) {
  ac_read_until__drop(&f->until);
  f->ac_state = AC_STATE_DONE;
}

/* -------------------------------------------------------------- ac_fill_buf */

void ac_fill_buf__init(struct ac_fill_buf__frame *f, struct ac_bufreader *r, size_t n) {
  f->ac_state = 0;
  f->r = r;
  f->n = n;
  ac__io_op_init(&f->op);
  f->ac_result = 0;
}

ac_poll ac_fill_buf__poll(struct ac_fill_buf__frame *f, struct ac_cx *cx) {
  struct ac_bufreader *r = f->r;
  f->ac_state = 1;
  if (f->n > r->cap) {
    f->ac_result = -EMSGSIZE;
    goto done;
  }
  /* room for n bytes from start: move the buffered ones to the front */
  if (r->cap - r->start < f->n) {
    memmove(r->buf, r->buf + r->start, r->end - r->start);
    r->end -= r->start;
    r->start = 0;
  }
  while (r->end - r->start < f->n && !r->eof) {
    ssize_t got;
    if (fill_more(r, &f->op, cx, &got) == AC_PENDING)
      return AC_PENDING;
    if (got < 0) {
      f->ac_result = got;
      goto done;
    }
  }
  f->ac_result = (long)(r->end - r->start);
done:
  f->ac_state = AC_STATE_DONE;
  return AC_READY;
}

void ac_fill_buf__drop(struct ac_fill_buf__frame *f) {
  ac__io_op_drop(&f->op);
  f->ac_state = AC_STATE_DONE;
}

/* --------------------------------------------------------- ac_read_buffered */

static ssize_t direct_attempt(void *p, bool *full) {
  struct ac_read_buffered__frame *f = p;
  return ac__sys_read(f->op.reg, f->r->fd, f->dst + f->done, f->n - f->done, full);
}

void ac_read_buffered__init(struct ac_read_buffered__frame *f, struct ac_bufreader *r,
                            void *dst, size_t n) {
  f->ac_state = 0;
  f->r = r;
  f->dst = dst;
  f->n = n;
  f->done = 0;
  ac__io_op_init(&f->op);
  f->ac_result = 0;
}

ac_poll ac_read_buffered__poll(struct ac_read_buffered__frame *f, struct ac_cx *cx) {
  struct ac_bufreader *r = f->r;
  if (f->ac_state == 0) {
    size_t have = r->end - r->start, take = have < f->n ? have : f->n;
    memcpy(f->dst, r->buf + r->start, take);
    ac_bufreader_consume(r, take);
    f->done = take;
    f->ac_state = 1;
  }
  while (f->done < f->n && !r->eof) {
    ssize_t got;
    if (ac__io_run(&f->op, r->fd, AC__IO_READ, cx, direct_attempt, f, &got) == AC_PENDING)
      return AC_PENDING;
    if (got < 0) {
      f->ac_result = got;
      goto done;
    }
    if (got == 0)
      r->eof = 1;
    f->done += (size_t)got;
  }
  f->ac_result = (long)f->done;
done:
  f->ac_state = AC_STATE_DONE;
  return AC_READY;
}

void ac_read_buffered__drop(struct ac_read_buffered__frame *f) {
  ac__io_op_drop(&f->op);
  f->ac_state = AC_STATE_DONE;
}
