/* The syscall of one attempt of a stream leaf (net.c, bufreader.c):
 * stream sockets are read with recv(2) and written with send(2) (SOCKET in
 * io_reg.h: the same result without the VFS layer), other fds with
 * read(2) and write(2). */
#ifndef AC__SYS_IO_H
#define AC__SYS_IO_H

#include "io_reg.h"

#include <errno.h>
#include <stdbool.h>
#include <sys/socket.h>
#include <unistd.h>

/* True when recv/send said ENOTSOCK: the SOCKET flag was stale (an fd
 * closed with close() and its number reused), so it is dropped and the
 * caller repeats with read/write. */
static inline bool ac__stale_socket(struct ac__io_reg *reg, ssize_t r) {
  if (r >= 0 || errno != ENOTSOCK)
    return false;
  ac__io_unmark_socket(reg);
  return true;
}

/* One read of up to n bytes: the count, 0 at EOF, or -errno; *full when a
 * read returned less than n (the fd is drained). */
static inline ssize_t ac__sys_read(struct ac__io_reg *reg, int fd, void *buf, size_t n,
                                   bool *full) {
  ssize_t r;
  if (!ac__io_reg_has(reg, AC__IO_SOCKET) || ac__stale_socket(reg, r = recv(fd, buf, n, 0)))
    r = read(fd, buf, n);
  if (r < 0)
    return -errno;
  *full = r > 0 && (size_t)r < n; /* 0 is EOF: stays "ready" for ever */
  return r;
}

/* One write of up to n bytes: the count or -errno; *full when it wrote
 * less than n (the fd's buffer is full).  No SIGPIPE. */
static inline ssize_t ac__sys_write(struct ac__io_reg *reg, int fd, const void *buf, size_t n,
                                    bool *full) {
  ssize_t r;
  if (!ac__io_reg_has(reg, AC__IO_SOCKET) ||
      ac__stale_socket(reg, r = send(fd, buf, n, MSG_NOSIGNAL)))
    r = write(fd, buf, n);
  if (r < 0)
    return -errno;
  *full = (size_t)r < n;
  return r;
}

#endif
