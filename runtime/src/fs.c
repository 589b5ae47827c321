/* File leaves (see asyncc/fs.h): one syscall each, run on the blocking
 * pool, or through the ring of an io_uring reactor
 * (ring_op.h) when the runtime has one this thread may submit to.  On the
 * pool:  The pool thread reads the arguments from the frame (which cannot
 * be freed while the job runs: a drop waits) and returns the result encoded
 * in the job's void *, so the frame is only written by its owner. */
#include <asyncc/fs.h>

#include "ring_op.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/types.h>
#include <stdint.h>
#include <unistd.h>

/* fs.h spells these without libc headers. */
_Static_assert(sizeof(ssize_t) == sizeof(long) && (ssize_t)-1 < 0, "ssize_t is long");
_Static_assert(sizeof(off_t) == sizeof(long) && (off_t)-1 < 0, "off_t is long");
_Static_assert(sizeof(mode_t) == sizeof(unsigned), "mode_t is unsigned");

static void *encode(ssize_t r) { return (void *)(intptr_t)(r < 0 ? -errno : r); }
static void *encode_err(int err) { return (void *)(intptr_t)err; }
static ssize_t decode(void *p) { return (ssize_t)(intptr_t)p; }

/* The poll and drop shared by the leaves: state 1 while the job is in
 * flight; a ready poll yields the job's decoded result. */
static ac_poll job_poll(unsigned *state, struct ac_spawn_blocking__frame *job, struct ac_cx *cx,
                        ssize_t *result) {
  *state = 1;
  if (ac_spawn_blocking__poll(job, cx) == AC_PENDING)
    return AC_PENDING;
  *result = decode(job->ac_result);
  *state = AC_STATE_DONE;
  return AC_READY;
}

static void job_drop(unsigned *state, struct ac_spawn_blocking__frame *job) {
  if (*state == 1)
    ac_spawn_blocking__drop(job);
  *state = AC_STATE_DONE;
}

/* State 2: the operation is in the ring.  'out': where a read's bytes go. */
enum { IN_RING = 2 };

static ac_poll ring_poll(unsigned *state, struct ac__ring_op **ring, void *out, long *result) {
  if (!ac__ring_op_take(*ring, out, result))
    return AC_PENDING;
  *ring = NULL;
  *state = AC_STATE_DONE;
  return AC_READY;
}

static void ring_drop(unsigned *state, struct ac__ring_op **ring) {
  ac__ring_op_drop(*ring);
  *ring = NULL;
  *state = AC_STATE_DONE;
}

/* ------------------------------------------------------------ ac_file_open */

static void *run_open(void *arg) {
  struct ac_file_open__frame *f = arg;
  return encode(open(f->path, f->flags | O_CLOEXEC, f->mode));
}

void ac_file_open__init(struct ac_file_open__frame *f, const char *path, int flags,
                        mode_t mode) {
  f->ac_state = 0;
  f->path = path;
  f->flags = flags;
  f->mode = mode;
  f->ring = NULL;
  ac_spawn_blocking__init(&f->job, run_open, f);
  f->job.job.result = encode_err(-ECANCELED); /* stays so if it never runs */
  f->ac_result = 0;
}

ac_poll ac_file_open__poll(struct ac_file_open__frame *f, struct ac_cx *cx) {
  long r;
  if (f->ac_state == 0 && (f->ring = ac__ring_open(cx, f->path, f->flags, f->mode)))
    f->ac_state = IN_RING;
  if (f->ac_state == IN_RING) {
    if (ring_poll(&f->ac_state, &f->ring, NULL, &r) == AC_PENDING)
      return AC_PENDING;
    f->ac_result = (int)r;
    return AC_READY;
  }
  if (job_poll(&f->ac_state, &f->job, cx, &r) == AC_PENDING)
    return AC_PENDING;
  f->ac_result = (int)r;
  return AC_READY;
}

void ac_file_open__drop(struct ac_file_open__frame *f) {
  if (f->ac_state == IN_RING) /* the ring closes the fd of an open it finishes */
    ring_drop(&f->ac_state, &f->ring);
  if (f->ac_state == 1) {
    ac_spawn_blocking__drop(&f->job);
    /* The open may have completed just before or during the drop: its fd
     * would leak.  The job's result is final once the drop returned. */
    if (decode(f->job.job.result) >= 0)
      close((int)decode(f->job.job.result));
  }
  f->ac_state = AC_STATE_DONE;
}

/* ------------------------------------------------------------ ac_file_read */

static void *run_read(void *arg) {
  struct ac_file_read__frame *f = arg;
  return encode(f->off < 0 ? read(f->fd, f->buf, f->n) : pread(f->fd, f->buf, f->n, f->off));
}

void ac_file_read__init(struct ac_file_read__frame *f, int fd, void *buf, size_t n, off_t off) {
  f->ac_state = 0;
  f->fd = fd;
  f->buf = buf;
  f->n = n;
  f->off = off;
  f->ring = NULL;
  ac_spawn_blocking__init(&f->job, run_read, f);
  f->ac_result = 0;
}

ac_poll ac_file_read__poll(struct ac_file_read__frame *f, struct ac_cx *cx) {
  if (f->ac_state == 0 && (f->ring = ac__ring_read(cx, f->fd, f->n, f->off)))
    f->ac_state = IN_RING;
  if (f->ac_state == IN_RING)
    return ring_poll(&f->ac_state, &f->ring, f->buf, &f->ac_result);
  return job_poll(&f->ac_state, &f->job, cx, &f->ac_result);
}

void ac_file_read__drop(struct ac_file_read__frame *f) {
  if (f->ac_state == IN_RING)
    ring_drop(&f->ac_state, &f->ring);
  else
    job_drop(&f->ac_state, &f->job);
}

/* ----------------------------------------------------------- ac_file_write */

static void *run_write(void *arg) {
  struct ac_file_write__frame *f = arg;
  return encode(f->off < 0 ? write(f->fd, f->buf, f->n) : pwrite(f->fd, f->buf, f->n, f->off));
}

void ac_file_write__init(struct ac_file_write__frame *f, int fd, const void *buf, size_t n,
                         off_t off) {
  f->ac_state = 0;
  f->fd = fd;
  f->buf = buf;
  f->n = n;
  f->off = off;
  f->ring = NULL;
  ac_spawn_blocking__init(&f->job, run_write, f);
  f->ac_result = 0;
}

ac_poll ac_file_write__poll(struct ac_file_write__frame *f, struct ac_cx *cx) {
  if (f->ac_state == 0 && (f->ring = ac__ring_write(cx, f->fd, f->buf, f->n, f->off)))
    f->ac_state = IN_RING;
  if (f->ac_state == IN_RING)
    return ring_poll(&f->ac_state, &f->ring, NULL, &f->ac_result);
  return job_poll(&f->ac_state, &f->job, cx, &f->ac_result);
}

void ac_file_write__drop(struct ac_file_write__frame *f) {
  if (f->ac_state == IN_RING)
    ring_drop(&f->ac_state, &f->ring);
  else
    job_drop(&f->ac_state, &f->job);
}
