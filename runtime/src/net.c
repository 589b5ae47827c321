/* Socket and fd leaves (see asyncc/net.h): each is "try the syscall, park
 * on EAGAIN" around the wait protocol of io_reg.h. */
#include <asyncc/net.h>

#include "io_reg.h"
#include "leaf_trace.h"
#include "sys_io.h"

#include <arpa/inet.h>
#include <netdb.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* net.h spells these without libc headers. */
_Static_assert(sizeof(ssize_t) == sizeof(long) && (ssize_t)-1 < 0, "ssize_t is long");
_Static_assert(sizeof(socklen_t) == sizeof(unsigned) && (socklen_t)-1 > 0, "socklen_t");
_Static_assert(sizeof(struct sockaddr_storage) <= 128, "sockaddr_storage fits the frame");

/* ------------------------------------------------------------------ ac_close
 * (io_reg.c) and ac_shutdown */

int ac_shutdown(int fd, int how) { return shutdown(fd, how) == 0 ? 0 : -errno; }

/* ------------------------------------------------------------------ ac_read */

static ssize_t read_attempt(void *p, bool *full) {
  struct ac_read__frame *f = p;
  return ac__sys_read(f->op.reg, f->fd, f->buf, f->n, full);
}

void ac_read__init(struct ac_read__frame *f, int fd, void *buf, size_t n) {
  f->ac_state = 0;
  f->fd = fd;
  f->buf = buf;
  f->n = n;
  ac__io_op_init(&f->op);
  f->ac_result = 0;
}

ac_poll ac_read__poll(struct ac_read__frame *f, struct ac_cx *cx) {
  f->ac_state = 1;
  if (ac__io_run(&f->op, f->fd, AC__IO_READ, cx, read_attempt, f, &f->ac_result) == AC_PENDING)
    return AC_PENDING;
  f->ac_state = AC_STATE_DONE;
  return AC_READY;
}

void ac_read__drop(struct ac_read__frame *f) {
  ac__io_op_drop(&f->op);
  f->ac_state = AC_STATE_DONE;
}

/* ----------------------------------------------------------------- ac_write */

static ssize_t write_attempt(void *p, bool *full) {
  struct ac_write__frame *f = p;
  return ac__sys_write(f->op.reg, f->fd, f->buf, f->n, full);
}

void ac_write__init(struct ac_write__frame *f, int fd, const void *buf, size_t n) {
  f->ac_state = 0;
  f->fd = fd;
  f->buf = buf;
  f->n = n;
  ac__io_op_init(&f->op);
  f->ac_result = 0;
}

ac_poll ac_write__poll(struct ac_write__frame *f, struct ac_cx *cx) {
  f->ac_state = 1;
  if (ac__io_run(&f->op, f->fd, AC__IO_WRITE, cx, write_attempt, f, &f->ac_result) == AC_PENDING)
    return AC_PENDING;
  f->ac_state = AC_STATE_DONE;
  return AC_READY;
}

void ac_write__drop(struct ac_write__frame *f) {
  ac__io_op_drop(&f->op);
  f->ac_state = AC_STATE_DONE;
}

/* ------------------------------------------------------------ ac_read_exact */

static ssize_t read_exact_attempt(void *p, bool *full) {
  struct ac_read_exact__frame *f = p;
  return ac__sys_read(f->op.reg, f->fd, f->buf + f->done, f->n - f->done, full);
}

void ac_read_exact__init(struct ac_read_exact__frame *f, int fd, void *buf, size_t n) {
  f->ac_state = 0;
  f->fd = fd;
  f->buf = buf;
  f->n = n;
  f->done = 0;
  ac__io_op_init(&f->op);
  f->ac_result = 0;
}

ac_poll ac_read_exact__poll(struct ac_read_exact__frame *f, struct ac_cx *cx) {
  f->ac_state = 1;
  while (f->done < f->n) {
    ssize_t r;
    if (ac__io_run(&f->op, f->fd, AC__IO_READ, cx, read_exact_attempt, f, &r) == AC_PENDING)
      return AC_PENDING;
    if (r <= 0) { /* EOF: the short count; error: -errno */
      f->ac_result = r == 0 ? (ssize_t)f->done : r;
      goto done;
    }
    f->done += (size_t)r;
  }
  f->ac_result = (ssize_t)f->n;
done:
  f->ac_state = AC_STATE_DONE;
  return AC_READY;
}

void ac_read_exact__drop(struct ac_read_exact__frame *f) {
  ac__io_op_drop(&f->op);
  f->ac_state = AC_STATE_DONE;
}

/* ------------------------------------------------------------- ac_write_all */

static ssize_t write_all_attempt(void *p, bool *full) {
  struct ac_write_all__frame *f = p;
  return ac__sys_write(f->op.reg, f->fd, f->buf + f->done, f->n - f->done, full);
}

void ac_write_all__init(struct ac_write_all__frame *f, int fd, const void *buf, size_t n) {
  f->ac_state = 0;
  f->fd = fd;
  f->buf = buf;
  f->n = n;
  f->done = 0;
  ac__io_op_init(&f->op);
  f->ac_result = 0;
}

ac_poll ac_write_all__poll(struct ac_write_all__frame *f, struct ac_cx *cx) {
  f->ac_state = 1;
  while (f->done < f->n) {
    ssize_t r;
    if (ac__io_run(&f->op, f->fd, AC__IO_WRITE, cx, write_all_attempt, f, &r) == AC_PENDING)
      return AC_PENDING;
    if (r < 0) {
      f->ac_result = r;
      goto done;
    }
    f->done += (size_t)r;
  }
  f->ac_result = (ssize_t)f->n;
done:
  f->ac_state = AC_STATE_DONE;
  return AC_READY;
}

void ac_write_all__drop(struct ac_write_all__frame *f) {
  ac__io_op_drop(&f->op);
  f->ac_state = AC_STATE_DONE;
}

/* ------------------------------------------------------------ TCP listening */

static void set_nodelay(int fd) {
  int one = 1;
  /* Fails harmlessly on non-TCP sockets. */
  (void)setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
}

/* socket + (SO_REUSEADDR) + bind (+ listen) on the first address of host
 * that works.  The fd or -errno. */
static int bind_first(const char *host, unsigned short port, int type, int backlog) {
  struct addrinfo hints = {.ai_socktype = type, .ai_flags = AI_PASSIVE | AI_NUMERICSERV};
  struct addrinfo *res = NULL, *ai;
  char service[8];
  int err = -EINVAL, rc;

  if (!host)
    hints.ai_family = AF_INET;
  snprintf(service, sizeof service, "%u", (unsigned)port);
  rc = getaddrinfo(host, service, &hints, &res);
  if (rc != 0)
    return rc == EAI_MEMORY ? -ENOMEM : rc == EAI_SYSTEM ? -errno : -EINVAL;
  for (ai = res; ai; ai = ai->ai_next) {
    int one = 1;
    int fd = socket(ai->ai_family, ai->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC,
                    ai->ai_protocol);
    if (fd < 0) {
      err = -errno;
      continue;
    }
    ac__io_fresh(fd, 0);
    if (type == SOCK_STREAM)
      (void)setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (bind(fd, ai->ai_addr, ai->ai_addrlen) == 0 &&
        (type != SOCK_STREAM || listen(fd, backlog) == 0)) {
      freeaddrinfo(res);
      return fd;
    }
    err = -errno;
    ac_close(fd);
  }
  freeaddrinfo(res);
  return err;
}

int ac_tcp_listen(const char *host, unsigned short port, int backlog) {
  return bind_first(host, port, SOCK_STREAM, backlog);
}

int ac_udp_bind(const char *host, unsigned short port) {
  return bind_first(host, port, SOCK_DGRAM, 0);
}

/* ------------------------------------------------------------ ac_tcp_accept */

static ssize_t accept_attempt(void *p, bool *full) {
  struct ac_tcp_accept__frame *f = p;
  int fd = accept4(f->lfd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
  (void)full;
  if (fd < 0)
    return -errno;
  set_nodelay(fd);
  ac__io_fresh(fd, AC__IO_STREAM | AC__IO_SOCKET);
  return fd;
}

enum { ACCEPT_UNSTARTED, ACCEPT_IO, ACCEPT_BACKOFF };

void ac_tcp_accept__init(struct ac_tcp_accept__frame *f, int lfd) {
  f->ac_state = ACCEPT_UNSTARTED;
  f->lfd = lfd;
  ac__io_op_init(&f->op);
  f->ac_result = 0;
  f->backoff_ms = 0;
}

/* Errors that go away by themselves, when connections close or memory is
 * freed.  The pending connection stays queued and the listener readable,
 * so an accept loop that retried at once would spin (the docs' echo
 * server did: millions of -EMFILE in 5 s). */
static bool out_of_resources(ssize_t r) {
  return r == -EMFILE || r == -ENFILE || r == -ENOBUFS || r == -ENOMEM;
}

ac_poll ac_tcp_accept__poll(struct ac_tcp_accept__frame *f, struct ac_cx *cx) {
  ssize_t r;
  for (;;) {
    if (f->ac_state == ACCEPT_BACKOFF) {
      if (ac_sleep_ms__poll(&f->backoff, cx) == AC_PENDING)
        return AC_PENDING;
    }
    f->ac_state = ACCEPT_IO;
    if (ac__io_run(&f->op, f->lfd, AC__IO_READ, cx, accept_attempt, f, &r) == AC_PENDING)
      return AC_PENDING;
    if (!out_of_resources(r))
      break;
    /* 5 ms, doubling to 1 s, as Go's net/http; a new accept starts over. */
    f->backoff_ms = f->backoff_ms ? (f->backoff_ms < 500 ? 2 * f->backoff_ms : 1000) : 5;
    ac_sleep_ms__init(&f->backoff, f->backoff_ms);
    f->ac_state = ACCEPT_BACKOFF;
  }
  f->ac_result = (int)r;
  f->ac_state = AC_STATE_DONE;
  return AC_READY;
}

void ac_tcp_accept__drop(struct ac_tcp_accept__frame *f) {
  if (f->ac_state == ACCEPT_BACKOFF)
    ac_sleep_ms__drop(&f->backoff);
  ac__io_op_drop(&f->op);
  f->ac_state = AC_STATE_DONE;
}

/* ----------------------------------------------------------- ac_tcp_connect */

enum {
  CONNECT_UNSTARTED = 0,
  CONNECT_RESOLVING = 1, /* dns is pending */
  CONNECT_START = 2,     /* socket open, connect() not yet called */
  CONNECT_WAITING = 3,   /* connect() in progress */
};

void ac_tcp_connect__init(struct ac_tcp_connect__frame *f, const char *host,
                          unsigned short port) {
  memset(f, 0, sizeof *f);
  f->ac_state = CONNECT_UNSTARTED;
  f->host = host;
  f->port = port;
  f->fd = -1;
  f->err = -EHOSTUNREACH;
}

/* A numeric host in f->addr; false if host is a name. */
static bool parse_numeric(struct ac_tcp_connect__frame *f) {
  struct sockaddr_in *in4 = (struct sockaddr_in *)f->addr.bytes;
  struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)f->addr.bytes;
  if (inet_pton(AF_INET, f->host, &in4->sin_addr) == 1) {
    in4->sin_family = AF_INET;
    in4->sin_port = htons(f->port);
    f->addrlen = sizeof *in4;
    return true;
  }
  memset(&f->addr, 0, sizeof f->addr);
  if (inet_pton(AF_INET6, f->host, &in6->sin6_addr) == 1) {
    in6->sin6_family = AF_INET6;
    in6->sin6_port = htons(f->port);
    f->addrlen = sizeof *in6;
    return true;
  }
  return false;
}

/* The address to try now: the numeric one or f->cur. */
static const struct sockaddr *connect_target(struct ac_tcp_connect__frame *f, socklen_t *len) {
  if (f->cur) {
    *len = f->cur->ai_addrlen;
    return f->cur->ai_addr;
  }
  *len = f->addrlen;
  return (const struct sockaddr *)f->addr.bytes;
}

static ssize_t connect_attempt(void *p, bool *full) {
  struct ac_tcp_connect__frame *f = p;
  (void)full;
  if (f->ac_state == CONNECT_START) {
    socklen_t len;
    const struct sockaddr *a = connect_target(f, &len);
    f->ac_state = CONNECT_WAITING;
    if (connect(f->fd, a, len) == 0)
      return 0;
    /* EINTR: the connection goes on asynchronously, like EINPROGRESS. */
    return errno == EINPROGRESS || errno == EINTR ? -EAGAIN : -errno;
  }
  /* Woken: writable means connected or failed; SO_ERROR says which. */
  struct pollfd pfd = {.fd = f->fd, .events = POLLOUT};
  int soerr = 0;
  socklen_t len = sizeof soerr;
  if (poll(&pfd, 1, 0) == 0)
    return -EAGAIN;
  if (getsockopt(f->fd, SOL_SOCKET, SO_ERROR, &soerr, &len) < 0)
    return -errno;
  return soerr ? (soerr == EINTR ? -ECONNREFUSED : -soerr) : 0;
}

/* Opens the socket for the address to try now.  0 or -errno. */
static int connect_open(struct ac_tcp_connect__frame *f) {
  socklen_t len;
  const struct sockaddr *a = connect_target(f, &len);
  f->fd = socket(a->sa_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (f->fd < 0)
    return -errno;
  ac__io_fresh(f->fd, 0);
  ac__io_op_init(&f->op);
  f->ac_state = CONNECT_START;
  return 0;
}

static int eai_to_errno(int rc) {
  switch (rc) {
  case EAI_MEMORY:
    return -ENOMEM;
  case EAI_SYSTEM:
    return -EIO;
  default:
    return -EHOSTUNREACH;
  }
}

ac_poll ac_tcp_connect__poll(struct ac_tcp_connect__frame *f, struct ac_cx *cx) {
  int rc;
  switch (f->ac_state) {
  case CONNECT_UNSTARTED:
    if (!f->host) {
      f->ac_result = -EINVAL;
      goto done;
    }
    if (!parse_numeric(f)) {
      /* The lookup copies the hints at its first poll, just below. */
      struct addrinfo hints = {.ai_socktype = SOCK_STREAM,
                               .ai_flags = AI_NUMERICSERV | AI_ADDRCONFIG};
      snprintf(f->service, sizeof f->service, "%u", (unsigned)f->port);
      ac_getaddrinfo__init(&f->dns, f->host, f->service, &hints, &f->res);
      f->ac_state = CONNECT_RESOLVING;
      if (ac_getaddrinfo__poll(&f->dns, cx) == AC_PENDING)
        return AC_PENDING;
      goto resolved;
    }
    if ((rc = connect_open(f)) < 0) {
      f->ac_result = rc;
      goto done;
    }
    break;
  case CONNECT_RESOLVING:
    if (ac_getaddrinfo__poll(&f->dns, cx) == AC_PENDING)
      return AC_PENDING;
  resolved:
    if (f->dns.ac_result != 0) {
      f->ac_result = eai_to_errno(f->dns.ac_result);
      goto done;
    }
    f->cur = f->res;
    if (!f->cur) {
      f->ac_result = -EHOSTUNREACH;
      goto done;
    }
    while ((rc = connect_open(f)) < 0) {
      f->err = rc;
      if (!(f->cur = f->cur->ai_next)) {
        f->ac_result = rc;
        goto done;
      }
    }
    break;
  default:
    break;
  }
  for (;;) {
    ssize_t r;
    if (ac__io_run(&f->op, f->fd, AC__IO_WRITE, cx, connect_attempt, f, &r) == AC_PENDING)
      return AC_PENDING;
    if (r == 0) {
      set_nodelay(f->fd);
      ac__io_mark_tcp(f->fd);
      f->ac_result = f->fd;
      f->fd = -1;
      goto done;
    }
    f->err = (int)r;
    ac_close(f->fd);
    f->fd = -1;
    /* Next address, if the name had several. */
    for (;;) {
      if (!f->cur || !(f->cur = f->cur->ai_next)) {
        f->ac_result = f->err;
        goto done;
      }
      if ((rc = connect_open(f)) == 0)
        break;
      f->err = rc;
    }
  }
done:
  if (f->res) {
    freeaddrinfo(f->res);
    f->res = NULL;
  }
  f->ac_state = AC_STATE_DONE;
  return AC_READY;
}

void ac_tcp_connect__drop(struct ac_tcp_connect__frame *f) {
  if (f->ac_state == CONNECT_RESOLVING)
    ac_getaddrinfo__drop(&f->dns);
  if (f->fd >= 0) {
    ac__io_op_drop(&f->op);
    ac_close(f->fd);
    f->fd = -1;
  }
  if (f->res) {
    freeaddrinfo(f->res);
    f->res = NULL;
  }
  f->ac_state = AC_STATE_DONE;
}

/* -------------------------------------------------------------------- UDP */

static ssize_t send_to_attempt(void *p, bool *full) {
  struct ac_udp_send_to__frame *f = p;
  ssize_t r = sendto(f->fd, f->buf, f->n, MSG_NOSIGNAL, f->to, f->tolen);
  (void)full;
  return r < 0 ? -errno : r;
}

void ac_udp_send_to__init(struct ac_udp_send_to__frame *f, int fd, const void *buf, size_t n,
                          const struct sockaddr *to, socklen_t tolen) {
  f->ac_state = 0;
  f->fd = fd;
  f->buf = buf;
  f->n = n;
  f->to = to;
  f->tolen = tolen;
  ac__io_op_init(&f->op);
  f->ac_result = 0;
}

ac_poll ac_udp_send_to__poll(struct ac_udp_send_to__frame *f, struct ac_cx *cx) {
  f->ac_state = 1;
  if (ac__io_run(&f->op, f->fd, AC__IO_WRITE, cx, send_to_attempt, f, &f->ac_result) ==
      AC_PENDING)
    return AC_PENDING;
  f->ac_state = AC_STATE_DONE;
  return AC_READY;
}

void ac_udp_send_to__drop(struct ac_udp_send_to__frame *f) {
  ac__io_op_drop(&f->op);
  f->ac_state = AC_STATE_DONE;
}

static ssize_t recv_from_attempt(void *p, bool *full) {
  struct ac_udp_recv_from__frame *f = p;
  ssize_t r = recvfrom(f->fd, f->buf, f->n, 0, (struct sockaddr *)f->from,
                       (socklen_t *)f->fromlen);
  (void)full; /* one datagram says nothing about the next */
  return r < 0 ? -errno : r;
}

void ac_udp_recv_from__init(struct ac_udp_recv_from__frame *f, int fd, void *buf, size_t n,
                            struct sockaddr_storage *from, socklen_t *fromlen) {
  f->ac_state = 0;
  f->fd = fd;
  f->buf = buf;
  f->n = n;
  f->from = from;
  f->fromlen = fromlen;
  ac__io_op_init(&f->op);
  f->ac_result = 0;
}

ac_poll ac_udp_recv_from__poll(struct ac_udp_recv_from__frame *f, struct ac_cx *cx) {
  f->ac_state = 1;
  if (ac__io_run(&f->op, f->fd, AC__IO_READ, cx, recv_from_attempt, f, &f->ac_result) ==
      AC_PENDING)
    return AC_PENDING;
  f->ac_state = AC_STATE_DONE;
  return AC_READY;
}

void ac_udp_recv_from__drop(struct ac_udp_recv_from__frame *f) {
  ac__io_op_drop(&f->op);
  f->ac_state = AC_STATE_DONE;
}

/* ---------------------------------------------------------- fd readiness */

static ssize_t poll_now(int fd, short events) {
  struct pollfd pfd = {.fd = fd, .events = events};
  int n = poll(&pfd, 1, 0);
  if (n < 0)
    return -errno;
  if (n == 0)
    return -EAGAIN;
  return pfd.revents & POLLNVAL ? -EBADF : 0;
}

static ssize_t readable_attempt(void *p, bool *full) {
  struct ac_fd_readable__frame *f = p;
  (void)full;
  return poll_now(f->fd, POLLIN);
}

static ssize_t writable_attempt(void *p, bool *full) {
  struct ac_fd_writable__frame *f = p;
  (void)full;
  return poll_now(f->fd, POLLOUT);
}

void ac_fd_readable__init(struct ac_fd_readable__frame *f, int fd) {
  f->ac_state = 0;
  f->fd = fd;
  ac__io_op_init(&f->op);
  f->ac_result = 0;
}

ac_poll ac_fd_readable__poll(struct ac_fd_readable__frame *f, struct ac_cx *cx) {
  ssize_t r;
  f->ac_state = 1;
  if (ac__io_run(&f->op, f->fd, AC__IO_READ, cx, readable_attempt, f, &r) == AC_PENDING)
    return AC_PENDING;
  f->ac_result = (int)r;
  f->ac_state = AC_STATE_DONE;
  return AC_READY;
}

void ac_fd_readable__drop(struct ac_fd_readable__frame *f) {
  ac__io_op_drop(&f->op);
  f->ac_state = AC_STATE_DONE;
}

void ac_fd_writable__init(struct ac_fd_writable__frame *f, int fd) {
  f->ac_state = 0;
  f->fd = fd;
  ac__io_op_init(&f->op);
  f->ac_result = 0;
}

ac_poll ac_fd_writable__poll(struct ac_fd_writable__frame *f, struct ac_cx *cx) {
  ssize_t r;
  f->ac_state = 1;
  if (ac__io_run(&f->op, f->fd, AC__IO_WRITE, cx, writable_attempt, f, &r) == AC_PENDING)
    return AC_PENDING;
  f->ac_result = (int)r;
  f->ac_state = AC_STATE_DONE;
  return AC_READY;
}

void ac_fd_writable__drop(struct ac_fd_writable__frame *f) {
  ac__io_op_drop(&f->op);
  f->ac_state = AC_STATE_DONE;
}

/* ------------------------------------------------------------ task dump */

void ac_read__trace(const void *frame, struct ac_trace *t) {
  const struct ac_read__frame *f = frame;
  ac__io_op_trace(&f->op, f->fd, "readable", t);
}

void ac_write__trace(const void *frame, struct ac_trace *t) {
  const struct ac_write__frame *f = frame;
  ac__io_op_trace(&f->op, f->fd, "writable", t);
}

void ac_read_exact__trace(const void *frame, struct ac_trace *t) {
  const struct ac_read_exact__frame *f = frame;
  ac__io_op_trace(&f->op, f->fd, "readable", t);
}

void ac_write_all__trace(const void *frame, struct ac_trace *t) {
  const struct ac_write_all__frame *f = frame;
  ac__io_op_trace(&f->op, f->fd, "writable", t);
}

void ac_tcp_accept__trace(const void *frame, struct ac_trace *t) {
  const struct ac_tcp_accept__frame *f = frame;
  if (f->ac_state == ACCEPT_BACKOFF) {
    ac_trace_wait(t, "fd %d accept: out of fds or memory, retry in %u ms", f->lfd, f->backoff_ms);
    ac_trace_since(t, f->backoff.ac_since);
  } else {
    ac__io_op_trace(&f->op, f->lfd, "readable (accept)", t);
  }
}

void ac_fd_readable__trace(const void *frame, struct ac_trace *t) {
  const struct ac_fd_readable__frame *f = frame;
  ac__io_op_trace(&f->op, f->fd, "readable", t);
}

void ac_fd_writable__trace(const void *frame, struct ac_trace *t) {
  const struct ac_fd_writable__frame *f = frame;
  ac__io_op_trace(&f->op, f->fd, "writable", t);
}

void ac_udp_send_to__trace(const void *frame, struct ac_trace *t) {
  const struct ac_udp_send_to__frame *f = frame;
  ac__io_op_trace(&f->op, f->fd, "writable (datagram)", t);
}

void ac_udp_recv_from__trace(const void *frame, struct ac_trace *t) {
  const struct ac_udp_recv_from__frame *f = frame;
  ac__io_op_trace(&f->op, f->fd, "readable (datagram)", t);
}

/* Resolving (on the blocking pool) or connecting: fd is -1 until a socket
 * exists. */
void ac_tcp_connect__trace(const void *frame, struct ac_trace *t) {
  const struct ac_tcp_connect__frame *f = frame;
  if (f->fd < 0)
    ac_trace_wait(t, "connect to %s:%u: resolving", f->host ? f->host : "?", f->port);
  else
    ac__io_op_trace(&f->op, f->fd, "writable (connect)", t);
}
