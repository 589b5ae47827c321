/* asyncc runtime: sockets and fd readiness as leaf futures (docs/runtime.md,
 * "Network and fd readiness").
 *
 * Users hold plain int fds.  Every operation tries the syscall first and
 * waits only after EAGAIN ("optimistic I/O"); the fd is then registered,
 * once for its whole life, with the epoll reactor of the runtime that
 * polls the task (EPOLLIN|EPOLLOUT|EPOLLRDHUP, edge-triggered).  Close such
 * fds with ac_close(), which deregisters them first and completes the
 * operations waiting on them: a plain close() wakes nobody, and leaves a
 * stale registration behind, which the next fd with the same number
 * detects at once, or within 200 ms for a wait that trusted it
 * (docs/runtime.md, "Registrations").
 *
 * All calls return a negative errno on error and never abort on what a peer
 * does (reset, half-close, EPIPE).  Starting a runtime, or the first use
 * of this API, sets SIGPIPE to SIG_IGN if it was SIG_DFL (writing to a
 * closed peer then fails with -EPIPE instead of killing the process).
 *
 * Dropping a pending operation unlinks its waiter (an intrusive node in
 * the frame; nothing is allocated per operation): the fd stays open and
 * registered, no data is lost.  Operations pending on an fd when it is
 * ac_close()d complete with -ECANCELED. */
#ifndef ASYNCC_NET_H
#define ASYNCC_NET_H

#include <asyncc/asyncc.h>
#include <asyncc/blocking.h>

/* No libc header here: this file is included before the user's code (by
 * the prelude and by every lowered file), where it would fix the feature
 * macros (_GNU_SOURCE, ...) before the user's own #define.  So the libc
 * types are spelled as what they are on Linux (net.c checks it):
 * ssize_t = long, socklen_t = unsigned; socket structs stay incomplete. */
struct sockaddr;
struct sockaddr_storage;
struct addrinfo;

/* ------------------------------------------------------------ waiting on fds
 * The part of a frame that waits for an fd: private to the runtime. */
struct ac__io_reg;
struct ac_io_waiter {
  struct ac_io_waiter *next;
  struct ac_io_waiter **pprev; /* NULL when not queued */
  struct ac_task *task;
  int closed;                  /* woken by ac_close() */
  unsigned since;              /* coarse clock when queued (ac_task_dump) */
};
struct ac_io_op {
  struct ac__io_reg *reg;      /* NULL before the first poll */
  unsigned gen;                /* registration generation seen first */
  unsigned snap;               /* readiness tick before the last syscall */
  struct ac_io_waiter w;
};

/* Deregisters 'fd' (pending operations on it complete with -ECANCELED),
 * then close()s it.  0 or -errno from close. */
int ac_close(int fd);
/* shutdown(2): 0 or -errno.  Not a cancellation: pending reads see EOF. */
int ac_shutdown(int fd, int how);

/* ------------------------------------------------------------------- TCP
 * int ac_tcp_listen(host, port, backlog): synchronous.  A non-blocking,
 * close-on-exec listening socket with SO_REUSEADDR, bound to host (numeric
 * address or name, resolved synchronously; NULL: any IPv4 address) and
 * port (0: any; see getsockname).  Returns the fd or -errno (-EINVAL for a
 * host that does not resolve).
 *
 * async int ac_tcp_accept(int lfd): the next connection, as a non-blocking,
 * close-on-exec fd with TCP_NODELAY set; or -errno.  Out of descriptors or
 * memory (EMFILE, ENFILE, ENOBUFS, ENOMEM) it does not return: it retries
 * after 5 ms, doubling up to 1 s (Go's net/http), so an accept loop never
 * spins on them; bound it with ac_timeout to see them.
 *
 * async int ac_tcp_connect(const char *host, unsigned short port): a
 * connected non-blocking fd with TCP_NODELAY, or -errno.  A numeric host
 * connects at once; a name is resolved with ac_getaddrinfo and each address
 * is tried in order (the last error is returned; -EHOSTUNREACH if the name
 * has no address).  'host' must stay valid until completion. */
int ac_tcp_listen(const char *host, unsigned short port, int backlog);

/* (long is ssize_t below.)  Reads and writes work on any fd (sockets, pipes, ttys, eventfds):
 *   async long ac_read(fd, buf, n)        >0 bytes, 0 at EOF, or -errno
 *   async long ac_write(fd, buf, n)       >0 bytes written, or -errno
 *   async long ac_read_exact(fd, buf, n)  n; or, if EOF came first, the
 *       short count (0..n-1) of bytes that are in buf; or -errno (bytes read
 *       before the error are in buf, their count is lost with the stream)
 *   async long ac_write_all(fd, buf, n)   n, or -errno
 * The buffers must stay valid until completion. */

struct ac_read__frame {
  unsigned ac_state;
  int fd;
  void *buf;
  size_t n;
  struct ac_io_op op;
  long ac_result;
};
void ac_read__init(struct ac_read__frame *f, int fd, void *buf, size_t n);
ac_poll ac_read__poll(struct ac_read__frame *f, struct ac_cx *cx);
void ac_read__drop(struct ac_read__frame *f);

struct ac_write__frame {
  unsigned ac_state;
  int fd;
  const void *buf;
  size_t n;
  struct ac_io_op op;
  long ac_result;
};
void ac_write__init(struct ac_write__frame *f, int fd, const void *buf, size_t n);
ac_poll ac_write__poll(struct ac_write__frame *f, struct ac_cx *cx);
void ac_write__drop(struct ac_write__frame *f);

struct ac_read_exact__frame {
  unsigned ac_state;
  int fd;
  char *buf;
  size_t n, done;
  struct ac_io_op op;
  long ac_result;
};
void ac_read_exact__init(struct ac_read_exact__frame *f, int fd, void *buf, size_t n);
ac_poll ac_read_exact__poll(struct ac_read_exact__frame *f, struct ac_cx *cx);
void ac_read_exact__drop(struct ac_read_exact__frame *f);

struct ac_write_all__frame {
  unsigned ac_state;
  int fd;
  const char *buf;
  size_t n, done;
  struct ac_io_op op;
  long ac_result;
};
void ac_write_all__init(struct ac_write_all__frame *f, int fd, const void *buf, size_t n);
ac_poll ac_write_all__poll(struct ac_write_all__frame *f, struct ac_cx *cx);
void ac_write_all__drop(struct ac_write_all__frame *f);

struct ac_tcp_accept__frame {
  unsigned ac_state;
  int lfd;
  struct ac_io_op op;
  int ac_result;
  unsigned backoff_ms;               /* last delay, 0 before the first */
  struct ac_sleep_ms__frame backoff; /* while out of fds or memory */
};
void ac_tcp_accept__init(struct ac_tcp_accept__frame *f, int lfd);
ac_poll ac_tcp_accept__poll(struct ac_tcp_accept__frame *f, struct ac_cx *cx);
void ac_tcp_accept__drop(struct ac_tcp_accept__frame *f);

/* --------------------------------------------------------------------- DNS
 * async int ac_getaddrinfo(host, service, hints, struct addrinfo **res):
 * getaddrinfo(3) on the blocking pool (ac_spawn_blocking).  0 with *res to
 * free with freeaddrinfo(), or getaddrinfo's nonzero EAI_* code (for
 * EAI_SYSTEM the errno stayed on the pool thread; EAI_MEMORY also when the
 * request could not be copied).  host, service and hints are copied at the first
 * poll.  Dropping it never blocks: a queued lookup is removed, a running
 * one is abandoned and its result freed by the pool thread. */
struct ac__dns_job;
struct ac_getaddrinfo__frame {
  unsigned ac_state;
  const char *host, *service;
  const struct addrinfo *hints;
  struct addrinfo **res;
  struct ac__dns_job *job;
  int ac_result;
};
void ac_getaddrinfo__init(struct ac_getaddrinfo__frame *f, const char *host,
                          const char *service, const struct addrinfo *hints,
                          struct addrinfo **res);
ac_poll ac_getaddrinfo__poll(struct ac_getaddrinfo__frame *f, struct ac_cx *cx);
void ac_getaddrinfo__drop(struct ac_getaddrinfo__frame *f);

struct ac_tcp_connect__frame {
  unsigned ac_state;
  const char *host;
  unsigned short port;
  int fd;
  int err;                          /* last connect error */
  struct addrinfo *res, *cur;       /* resolved list, address being tried */
  /* numeric host: a struct sockaddr_storage (128 bytes) */
  union {
    unsigned char bytes[128];
    long align;
  } addr;
  unsigned addrlen;
  char service[8];
  struct ac_getaddrinfo__frame dns;
  struct ac_io_op op;
  int ac_result;
};
void ac_tcp_connect__init(struct ac_tcp_connect__frame *f, const char *host,
                          unsigned short port);
ac_poll ac_tcp_connect__poll(struct ac_tcp_connect__frame *f, struct ac_cx *cx);
void ac_tcp_connect__drop(struct ac_tcp_connect__frame *f);

/* -------------------------------------------------------------------- UDP
 * int ac_udp_bind(host, port): synchronous; a non-blocking datagram socket
 * bound to host (numeric or name, resolved synchronously; NULL: any IPv4
 * address) and port (0: any).  The fd or -errno.
 * async long ac_udp_send_to(fd, buf, n, to, tolen): bytes sent or -errno.
 * async long ac_udp_recv_from(fd, buf, n, from, fromlen): the datagram's
 * size (truncated to n), its sender in *from / *fromlen (both may be NULL;
 * *fromlen must hold sizeof *from), or -errno. */
int ac_udp_bind(const char *host, unsigned short port);

struct ac_udp_send_to__frame {
  unsigned ac_state;
  int fd;
  const void *buf;
  size_t n;
  const struct sockaddr *to;
  unsigned tolen;
  struct ac_io_op op;
  long ac_result;
};
void ac_udp_send_to__init(struct ac_udp_send_to__frame *f, int fd, const void *buf, size_t n,
                          const struct sockaddr *to, unsigned tolen);
ac_poll ac_udp_send_to__poll(struct ac_udp_send_to__frame *f, struct ac_cx *cx);
void ac_udp_send_to__drop(struct ac_udp_send_to__frame *f);

struct ac_udp_recv_from__frame {
  unsigned ac_state;
  int fd;
  void *buf;
  size_t n;
  struct sockaddr_storage *from;
  unsigned *fromlen;
  struct ac_io_op op;
  long ac_result;
};
void ac_udp_recv_from__init(struct ac_udp_recv_from__frame *f, int fd, void *buf, size_t n,
                            struct sockaddr_storage *from, unsigned *fromlen);
ac_poll ac_udp_recv_from__poll(struct ac_udp_recv_from__frame *f, struct ac_cx *cx);
void ac_udp_recv_from__drop(struct ac_udp_recv_from__frame *f);

/* ---------------------------------------------------------- fd readiness
 * async int ac_fd_readable(int fd) / ac_fd_writable(int fd): 0 once the
 * fd is readable / writable (or has an error or hang-up: the next read or
 * write tells which), -EBADF for a bad fd, -ECANCELED if ac_close()d
 * meanwhile.  Completes at once if the fd is ready now (a regular file
 * always is: read those with the ac_file_* calls). */
struct ac_fd_readable__frame {
  unsigned ac_state;
  int fd;
  struct ac_io_op op;
  int ac_result;
};
void ac_fd_readable__init(struct ac_fd_readable__frame *f, int fd);
ac_poll ac_fd_readable__poll(struct ac_fd_readable__frame *f, struct ac_cx *cx);
void ac_fd_readable__drop(struct ac_fd_readable__frame *f);

struct ac_fd_writable__frame {
  unsigned ac_state;
  int fd;
  struct ac_io_op op;
  int ac_result;
};
void ac_fd_writable__init(struct ac_fd_writable__frame *f, int fd);
ac_poll ac_fd_writable__poll(struct ac_fd_writable__frame *f, struct ac_cx *cx);
void ac_fd_writable__drop(struct ac_fd_writable__frame *f);

/* ------------------------------------------- gathered writes and sendfile
 * async long ac_write_allv(int fd, const struct iovec *iov, int iovcnt)
 *     every byte of the iovcnt buffers, in order, with as few writev(2)
 *     calls as the fd takes: their total, or -errno.  iov (not modified)
 *     and the buffers must stay valid until completion.
 * async long ac_sendfile(int out_fd, int in_fd, long offset, size_t n)
 *     n bytes of the file in_fd from offset to out_fd (a socket or pipe)
 *     with sendfile(2), no copy through user space and never the whole
 *     file in memory: n, the short count if the file ends first, or -errno.
 *     The file's pages come from the page cache; a read from disk blocks
 *     the thread for its duration (as nginx's sendfile does).
 * async long ac_sendfile_with_head(int out_fd, const struct iovec *head,
 *                                  int headcnt, int in_fd, long offset, size_t n)
 *     the head buffers (as ac_write_allv), then ac_sendfile's n bytes: on
 *     a socket the head goes with MSG_MORE, so that it leaves in the
 *     file's first segment (a response head and its body: one packet
 *     where a write then a sendfile make two; nginx's tcp_nopush, without
 *     its two setsockopt calls).  Returns what ac_sendfile returns, or the
 *     head's -errno.  If it is dropped between the two, or the file ends
 *     first, the head or the file's last bytes may wait in the socket until the next
 *     write or the close. */
struct iovec;
struct ac_write_allv__frame {
  unsigned ac_state;
  int fd;
  const struct iovec *iov;
  int iovcnt;
  int at;          /* the buffer being written */
  size_t at_done;  /* bytes of it written */
  long done;
  int more;        /* send with MSG_MORE: more follows (ac_sendfile_with_head) */
  struct ac_io_op op;
  long ac_result;
};
void ac_write_allv__init(struct ac_write_allv__frame *f, int fd, const struct iovec *iov,
                         int iovcnt);
ac_poll ac_write_allv__poll(struct ac_write_allv__frame *f, struct ac_cx *cx);
void ac_write_allv__drop(struct ac_write_allv__frame *f);

struct ac_sendfile__frame {
  unsigned ac_state;
  int out_fd, in_fd;
  long offset;
  size_t n, done;
  struct ac_io_op op;
  long ac_result;
};
void ac_sendfile__init(struct ac_sendfile__frame *f, int out_fd, int in_fd, long offset,
                       size_t n);
ac_poll ac_sendfile__poll(struct ac_sendfile__frame *f, struct ac_cx *cx);
void ac_sendfile__drop(struct ac_sendfile__frame *f);

struct ac_sendfile_with_head__frame {
  unsigned ac_state;
  struct ac_write_allv__frame head;
  struct ac_sendfile__frame file;
  long ac_result;
};
void ac_sendfile_with_head__init(struct ac_sendfile_with_head__frame *f, int out_fd,
                                 const struct iovec *head, int headcnt, int in_fd, long offset,
                                 size_t n);
ac_poll ac_sendfile_with_head__poll(struct ac_sendfile_with_head__frame *f, struct ac_cx *cx);
void ac_sendfile_with_head__drop(struct ac_sendfile_with_head__frame *f);

#ifdef ASYNCC_DIALECT
async int ac_tcp_accept(int lfd);
async int ac_tcp_connect(const char *host, unsigned short port);
async long ac_read(int fd, void *buf, size_t n);
async long ac_write(int fd, const void *buf, size_t n);
async long ac_read_exact(int fd, void *buf, size_t n);
async long ac_write_all(int fd, const void *buf, size_t n);
async long ac_udp_send_to(int fd, const void *buf, size_t n, const struct sockaddr *to,
                             unsigned tolen);
async long ac_udp_recv_from(int fd, void *buf, size_t n, struct sockaddr_storage *from,
                               unsigned *fromlen);
async int ac_fd_readable(int fd);
async int ac_fd_writable(int fd);
async long ac_write_allv(int fd, const struct iovec *iov, int iovcnt);
async long ac_sendfile(int out_fd, int in_fd, long offset, size_t n);
async long ac_sendfile_with_head(int out_fd, const struct iovec *head, int headcnt, int in_fd,
                                 long offset, size_t n);
async int ac_getaddrinfo(const char *host, const char *service, const struct addrinfo *hints,
                         struct addrinfo **res);
#endif

#endif
