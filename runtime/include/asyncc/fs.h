/* asyncc runtime: file I/O (docs/runtime.md, "Files").
 * Regular files are always "ready" to epoll, so their opens, reads and
 * writes run on the ac_spawn_blocking pool instead of the executor's
 * thread; with the io_uring backend, they go through the ring instead
 * (IORING_OP_OPENAT/READ/WRITE).
 *
 *   async int ac_file_open(const char *path, int flags, unsigned mode)
 *       open(2) (O_CLOEXEC added): the fd or -errno.
 *   async long ac_file_read(int fd, void *buf, size_t n, long off)
 *       pread(2) at 'off', or read(2) at the file position if off < 0:
 *       bytes read (0 at end of file) or -errno.
 *   async long ac_file_write(int fd, const void *buf, size_t n, long off)
 *       pwrite(2) / write(2) likewise: bytes written or -errno.
 *
 * Cancellation: dropping an operation still queued removes it (it never
 * runs).  Dropping one already running WAITS for the syscall to return (the
 * pool thread is using the caller's buffer); a file opened by a dropped
 * ac_file_open is closed.  Through the ring, a drop cancels and returns at
 * once: the kernel only ever writes into the operation's own buffer, freed
 * by the ring at the completion (a dropped write may still happen, as a
 * pool job already running does), and a dropped open that the cancel came
 * too late for has its fd closed by the ring at the completion.  Close
 * fds with close(2) (or ac_close). */
#ifndef ASYNCC_FS_H
#define ASYNCC_FS_H

#include <asyncc/asyncc.h>
#include <asyncc/blocking.h>

/* No libc header (see net.h): long = long, long = long (64-bit),
 * unsigned = unsigned on Linux; fs.c checks it. */

struct ac__ring_op;

struct ac_file_open__frame {
  unsigned ac_state;
  const char *path;
  int flags;
  unsigned mode;
  struct ac__ring_op *ring; /* in the ring (state 2) */
  struct ac_spawn_blocking__frame job;
  int ac_result;
};
void ac_file_open__init(struct ac_file_open__frame *f, const char *path, int flags,
                        unsigned mode);
ac_poll ac_file_open__poll(struct ac_file_open__frame *f, struct ac_cx *cx);
void ac_file_open__drop(struct ac_file_open__frame *f);

struct ac_file_read__frame {
  unsigned ac_state;
  int fd;
  void *buf;
  size_t n;
  long off;
  struct ac__ring_op *ring; /* in the ring (state 2) */
  struct ac_spawn_blocking__frame job;
  long ac_result;
};
void ac_file_read__init(struct ac_file_read__frame *f, int fd, void *buf, size_t n, long off);
ac_poll ac_file_read__poll(struct ac_file_read__frame *f, struct ac_cx *cx);
void ac_file_read__drop(struct ac_file_read__frame *f);

struct ac_file_write__frame {
  unsigned ac_state;
  int fd;
  const void *buf;
  size_t n;
  long off;
  struct ac__ring_op *ring; /* in the ring (state 2) */
  struct ac_spawn_blocking__frame job;
  long ac_result;
};
void ac_file_write__init(struct ac_file_write__frame *f, int fd, const void *buf, size_t n,
                         long off);
ac_poll ac_file_write__poll(struct ac_file_write__frame *f, struct ac_cx *cx);
void ac_file_write__drop(struct ac_file_write__frame *f);

#ifdef ASYNCC_DIALECT
async int ac_file_open(const char *path, int flags, unsigned mode);
async long ac_file_read(int fd, void *buf, size_t n, long off);
async long ac_file_write(int fd, const void *buf, size_t n, long off);
#endif

#endif
