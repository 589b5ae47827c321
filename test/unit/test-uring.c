/* The reactor's backends: the choice by ASYNCC_IO, and what the io_uring
 * backend must do that epoll does by itself (its polls hold the file open).
 * The rest of the unit tests run on both backends (ctest: unit_uring.*). */
#define _GNU_SOURCE
#include "test.h"

#include "driver.h"
#include "io_reg.h"
#include "reactor.h"
#include "reactor_uring.h"
#include "task.h"

#include <asyncc/fs.h>

#include <asyncc/asyncc.h>
#include <asyncc/net.h>

#include <errno.h>
#include <fcntl.h>
#include <liburing.h>
#include <stddef.h>
#include <pthread.h>
#include <stdlib.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../exec/Inputs/refuse-syscall.h"

/* Whether this process may set up a ring at all (seccomp, sysctl). */
static int kernel_has_uring(void) {
  struct io_uring ring;
  if (io_uring_queue_init(2, &ring, 0) != 0)
    return 0;
  io_uring_queue_exit(&ring);
  return 1;
}

#define ASSERT_STR_EQ(a, b)                                                    \
  do {                                                                         \
    if (strcmp((a), (b)) != 0)                                                 \
      TEST_FAIL_("ASSERT_STR_EQ(%s, %s) failed: \"%s\" vs \"%s\"", #a, #b, (a), (b)); \
  } while (0)

static const char *backend_with(const char *io) {
  static char name[8];
  struct ac__reactor r;
  if (io)
    ASSERT_INT_EQ(setenv("ASYNCC_IO", io, 1), 0);
  else
    ASSERT_INT_EQ(unsetenv("ASYNCC_IO"), 0);
  ASSERT_INT_EQ(ac__reactor_init(&r, false), 0);
  strcpy(name, ac__reactor_backend(&r));
  /* a shared ring (made again) still polls, and unparks */
  ASSERT_INT_EQ(ac__reactor_make_shared(&r), 0);
  ac__reactor_unpark(&r);
  {
    struct ac__fired fired[AC__REACTOR_EVENTS];
    ASSERT_INT_EQ(ac__reactor_poll(&r, 1000, fired), 0); /* the unpark is not reported */
  }
  ac__reactor_destroy(&r);
  return name;
}

/* The default is the ring where the kernel has one (the probe of what the
 * backend submits is tested under seccomp: exec/runtime-io-backend.ac);
 * ASYNCC_IO=epoll forces epoll; no ring to be had: epoll all the same. */
TEST_IMPL(uring_backend_from_env) {
  const char *ring = kernel_has_uring() ? "uring" : "epoll";
  ASSERT_STR_EQ(backend_with(NULL), ring);
  ASSERT_STR_EQ(backend_with("epoll"), "epoll");
  ASSERT_STR_EQ(backend_with("bogus"), ring);
  ASSERT_STR_EQ(backend_with("uring"), ring);
}

/* The multi-thread runtime's reactor (made shared): epoll by default,
 * the shared ring only with ASYNCC_IO=uring. */
static const char *shared_backend_with(const char *io) {
  static char name[8];
  struct ac__reactor r;
  ASSERT_INT_EQ(io ? setenv("ASYNCC_IO", io, 1) : unsetenv("ASYNCC_IO"), 0);
  ASSERT_INT_EQ(ac__reactor_init(&r, true), 0);
  ASSERT_INT_EQ(ac__reactor_make_shared(&r), 0);
  snprintf(name, sizeof name, "%s", ac__reactor_backend(&r));
  ac__reactor_destroy(&r);
  ASSERT_INT_EQ(unsetenv("ASYNCC_IO"), 0);
  return name;
}

TEST_IMPL(uring_shared_only_when_asked) {
  ASSERT_STR_EQ(shared_backend_with(NULL), "epoll");
  ASSERT_STR_EQ(shared_backend_with("epoll"), "epoll");
  ASSERT_STR_EQ(shared_backend_with("uring"), kernel_has_uring() ? "uring" : "epoll");
}

/* A ring made at init, then refused when the multi-thread runtime makes
 * it again shared (a seccomp policy installed in between): the reactor
 * falls back to epoll, which unparks and reports like any.  In a child,
 * which the filter confines. */
static void shared_refused_child(void) {
  struct ac__fired fired[AC__REACTOR_EVENTS];
  struct ac__reactor r;
  struct ac__io_reg *reg;
  int sv[2];
  ASSERT_INT_EQ(setenv("ASYNCC_IO", "uring", 1), 0);
  ASSERT_INT_EQ(ac__reactor_init(&r, true), 0);
  ASSERT_STR_EQ(ac__reactor_backend(&r), "uring");
  ASSERT_INT_EQ(refuse_syscall(__NR_io_uring_setup), 0);
  ASSERT_INT_EQ(ac__reactor_make_shared(&r), 0);
  ASSERT_STR_EQ(ac__reactor_backend(&r), "epoll");
  ac__reactor_unpark(&r);
  ASSERT_INT_EQ(ac__reactor_poll(&r, 1000, fired), 0);
  ASSERT_INT_EQ(socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, sv), 0);
  reg = ac__io_reg_of(sv[0]);
  ASSERT_TRUE(reg != NULL);
  ASSERT_INT_EQ(ac__reactor_add(&r, sv[0], EPOLLIN | EPOLLRDHUP, reg), 0);
  ASSERT_INT_EQ(write(sv[1], "x", 1), 1);
  ASSERT_INT_EQ(ac__reactor_poll(&r, 1000, fired), 1);
  ASSERT_PTR_EQ(fired[0].reg, reg);
  ASSERT_INT_EQ(ac__reactor_remove(&r, sv[0], reg), 0);
  ac__reactor_destroy(&r);
  _exit(0);
}

TEST_IMPL(uring_shared_refused_falls_back) {
  int status;
  pid_t pid;
  if (!kernel_has_uring())
    return; /* nothing to refuse */
  pid = fork();
  ASSERT_TRUE(pid >= 0);
  if (pid == 0)
    shared_refused_child();
  ASSERT_INT_EQ(waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

/* A poll reports the registration that became ready, with epoll's bits,
 * and dispatches nothing itself: the registration's ticks do not move. */
static void reports_fired(const char *io) {
  struct ac__fired fired[AC__REACTOR_EVENTS];
  struct ac__reactor r;
  struct ac__io_reg *reg;
  uint32_t seq;
  int sv[2];
  ASSERT_INT_EQ(setenv("ASYNCC_IO", io, 1), 0);
  ASSERT_INT_EQ(ac__reactor_init(&r, false), 0);
  ASSERT_INT_EQ(socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, sv), 0);
  reg = ac__io_reg_of(sv[0]);
  ASSERT_TRUE(reg != NULL);
  seq = atomic_load(&reg->seq[AC__IO_READ]);
  ASSERT_INT_EQ(ac__reactor_add(&r, sv[0], EPOLLIN | EPOLLRDHUP, reg), 0);
  ac__reactor_arm(&r, sv[0], reg, AC__IO_READ);
  ASSERT_INT_EQ(write(sv[1], "x", 1), 1);
  ASSERT_INT_EQ(ac__reactor_poll(&r, 1000, fired), 1);
  ASSERT_PTR_EQ(fired[0].reg, reg);
  ASSERT_TRUE(fired[0].events & EPOLLIN);
  ASSERT_INT_EQ(atomic_load(&reg->seq[AC__IO_READ]), seq);
  ASSERT_INT_EQ(ac__reactor_remove(&r, sv[0], reg), 0);
  close(sv[0]);
  close(sv[1]);
  ac__reactor_destroy(&r);
  ASSERT_INT_EQ(unsetenv("ASYNCC_IO"), 0);
}

TEST_IMPL(reactor_reports_fired) {
  reports_fired("epoll");
  reports_fired("uring");
}

#define CO_BEGIN(f)                                                            \
  switch ((f)->co) {                                                           \
  default:                                                                     \
    TEST_FAIL_("resumed at unknown line %d", (f)->co);                         \
  case 0:
#define CO_END(f)                                                              \
  }                                                                            \
  (f)->co = -1;                                                                \
  return AC_READY
#define SLEEP_MS(f, fr, ms)                                                    \
  do {                                                                         \
    ac_sleep_ms__init(&(fr), ms);                                              \
    (f)->co = __LINE__;                                                        \
    /* fallthrough */                                                          \
    case __LINE__:                                                             \
      if (ac_sleep_ms__poll(&(fr), cx) == AC_PENDING)                          \
        return AC_PENDING;                                                     \
  } while (0)

/* The peer of sv[1] sees EOF within a second (turns of 1 ms). */
#define AWAIT_PEER_EOF(f)                                                      \
  for (f->turns = 0; f->turns < 1000; f->turns++) {                            \
    ssize_t n = recv(f->sv[1], f->buf, sizeof f->buf, MSG_DONTWAIT);           \
    if (n == 0) {                                                              \
      f->eof = 1;                                                              \
      break;                                                                   \
    }                                                                          \
    ASSERT_INT_EQ(errno, EAGAIN);                                              \
    SLEEP_MS(f, f->sl, 1);                                                     \
  }

struct close_root {
  int co, sv[2], turns;
  char buf[16];
  struct ac_read__frame rd;
  struct ac_sleep_ms__frame sl;
  int eof;
};

/* A read waits (on io_uring: a poll in flight, holding the file), is
 * dropped, and the fd is closed with a plain close(): the peer must see
 * EOF soon, as it does at once with epoll. */
static ac_poll close_root__poll(void *p, struct ac_cx *cx) {
  struct close_root *f = p;
  CO_BEGIN(f);
  ac_read__init(&f->rd, f->sv[0], f->buf, sizeof f->buf);
  ASSERT_INT_EQ(ac_read__poll(&f->rd, cx), AC_PENDING);
  /* a park (a yield may not park): the poll is in the kernel now */
  SLEEP_MS(f, f->sl, 1);
  ac_read__drop(&f->rd);
  ASSERT_INT_EQ(close(f->sv[0]), 0);
  /* the poll's cancel completes on the thread that armed it: not at once */
  AWAIT_PEER_EOF(f);
  CO_END(f);
}

static void close_run(unsigned workers) {
  struct close_root f = {0};
  ASSERT_INT_EQ(setenv("ASYNCC_IO", "uring", 1), 0);
  ASSERT_INT_EQ(socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, f.sv), 0);
  ASSERT_INT_EQ(ac_runtime_set_workers(workers), 0);
  ASSERT_INT_EQ(ac_block_on_frame(&f, close_root__poll, NULL), 0);
  ASSERT_INT_EQ(ac_runtime_set_workers(0), 0);
  ASSERT_INT_EQ(f.eof, 1);
  ac_close(f.sv[1]);
}

TEST_IMPL(uring_plain_close_after_dropped_wait) { close_run(0); }
TEST_IMPL(uring_plain_close_after_dropped_wait_mt) { close_run(2); }

static void *close_from_thread(void *p) {
  ASSERT_INT_EQ(ac_close(*(int *)p), 0);
  return NULL;
}

/* A read waits (a poll in flight), and another thread ac_close()s the fd:
 * the read completes with -ECANCELED, and the socket is really closed
 * (the cancel of the poll reaches the ring's owner). */
static ac_poll foreign_root__poll(void *p, struct ac_cx *cx) {
  struct close_root *f = p;
  pthread_t closer;
  CO_BEGIN(f);
  ac_read__init(&f->rd, f->sv[0], f->buf, sizeof f->buf);
  ASSERT_INT_EQ(ac_read__poll(&f->rd, cx), AC_PENDING);
  SLEEP_MS(f, f->sl, 1);
  ASSERT_INT_EQ(pthread_create(&closer, NULL, close_from_thread, &f->sv[0]), 0);
  ASSERT_INT_EQ(pthread_join(closer, NULL), 0);
  ASSERT_INT_EQ(ac_read__poll(&f->rd, cx), AC_READY);
  ASSERT_INT_EQ(f->rd.ac_result, -ECANCELED);
  AWAIT_PEER_EOF(f);
  CO_END(f);
}

TEST_IMPL(uring_ac_close_from_other_thread) {
  struct close_root f = {0};
  ASSERT_INT_EQ(setenv("ASYNCC_IO", "uring", 1), 0);
  ASSERT_INT_EQ(socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, f.sv), 0);
  ASSERT_INT_EQ(ac_block_on_frame(&f, foreign_root__poll, NULL), 0);
  ASSERT_INT_EQ(f.eof, 1);
  ac_close(f.sv[1]);
}

/* ------------------------------------------------------------ abort storm
 * A reader (ac_read) and a writer (ac_write_all, which fills the socket
 * and waits to write) on each of 16 socket pairs, and four file tasks
 * (ac_file_read and ac_file_write on a regular file, and on a blocking
 * pipe whose writer fills it when the ring takes them: in flight in the
 * kernel, not just queued), an accept and a connect (each then holding
 * its connection in a long sleep), a UDP receiver and sender, and a wait
 * for an fd that never becomes readable, all aborted after a random
 * number of turns,
 * 100,000 drops in all: operations dropped before they are submitted,
 * while in flight, or after their completion was queued, and tasks
 * dropped between two transfers.
 * Under ASan (unit_san*) any reactor path touching a dropped frame is a
 * report; the test itself asserts that every task ends aborted or with a
 * result, and that no waiter is left behind.  Both backends (the ring's
 * when ASYNCC_IO=uring, as ctest's unit*_uring run it). */
#define STORM_PAIRS 16
#define STORM_FILES 4
#define STORM_OTHERS 5 /* accept, connect, UDP receive and send, readable */
#define STORM_TASKS (2 * STORM_PAIRS + STORM_FILES + STORM_OTHERS)
#define STORM_DROPS 100000
#define STORM_FILE_SIZE 65536

enum storm_kind {
  STORM_READ,
  STORM_WRITE_ALL,
  STORM_FILE_READ,
  STORM_FILE_WRITE,
  STORM_ACCEPT,   /* then holds the connection, asleep */
  STORM_CONNECT,  /* likewise */
  STORM_UDP_RECV,
  STORM_UDP_SEND,
  STORM_READABLE, /* of an fd that never is */
};

struct storm_task {
  int co, fd, kind, pending, conn;
  unsigned off;
  unsigned short port;
  const struct sockaddr_storage *to;
  struct sockaddr_storage from;
  unsigned fromlen;
  char buf[4096];
  union {
    struct ac_read__frame rd;
    struct ac_write_all__frame wa;
    struct ac_file_read__frame frd;
    struct ac_file_write__frame fwr;
    struct ac_tcp_accept__frame acc;
    struct ac_tcp_connect__frame con;
    struct ac_udp_recv_from__frame urv;
    struct ac_udp_send_to__frame usd;
    struct ac_fd_readable__frame rdb;
    struct ac_sleep_ms__frame sl;
  } aw;
  int ac_result;
};

/* A connection the storm made: reset, not left in TIME_WAIT (thousands
 * of them per run). */
static void storm_close_conn(int fd) {
  struct linger l = {1, 0};
  setsockopt(fd, SOL_SOCKET, SO_LINGER, &l, sizeof l);
  ac_close(fd);
}

static char storm_chunk[4096];

/* Awaits leaf 'fr', with f->pending telling the drop whether it is live. */
#define STORM_AWAIT(f, leaf, fr, ...)                                          \
  do {                                                                         \
    leaf##__init(&(fr), __VA_ARGS__);                                          \
    (f)->pending = 1;                                                          \
    (f)->co = __LINE__;                                                        \
    /* fallthrough */                                                          \
    case __LINE__:                                                             \
      if (leaf##__poll(&(fr), cx) == AC_PENDING)                               \
        return AC_PENDING;                                                     \
      (f)->pending = 0;                                                        \
  } while (0)

/* Awaits leaf 'fr' (no drop bookkeeping: the root). */
#define STORM_POLL(f, leaf, ...)                                               \
  do {                                                                         \
    leaf##__init(&__VA_ARGS__);                                                \
    (f)->co = __LINE__;                                                        \
    /* fallthrough */                                                          \
    case __LINE__:                                                             \
      if (leaf##__poll(&STORM_FIRST(__VA_ARGS__), cx) == AC_PENDING)           \
        return AC_PENDING;                                                     \
  } while (0)
#define STORM_FIRST(a, ...) a

static ac_poll storm_task__poll(void *p, struct ac_cx *cx) {
  struct storm_task *f = p;
  CO_BEGIN(f);
  if (f->kind == STORM_ACCEPT || f->kind == STORM_CONNECT) {
    if (f->kind == STORM_ACCEPT) {
      STORM_AWAIT(f, ac_tcp_accept, f->aw.acc, f->fd);
      f->conn = f->aw.acc.ac_result;
    } else {
      STORM_AWAIT(f, ac_tcp_connect, f->aw.con, "127.0.0.1", f->port);
      f->conn = f->aw.con.ac_result;
    }
    ASSERT_TRUE(f->conn >= 0);
    STORM_AWAIT(f, ac_sleep_ms, f->aw.sl, 3600000);
  }
  for (;;) {
    if (f->kind == STORM_UDP_RECV) {
      f->fromlen = sizeof f->from;
      STORM_AWAIT(f, ac_udp_recv_from, f->aw.urv, f->fd, f->buf, sizeof f->buf, &f->from,
                  &f->fromlen);
      if (f->aw.urv.ac_result < 0)
        break;
      continue;
    }
    if (f->kind == STORM_UDP_SEND) {
      STORM_AWAIT(f, ac_udp_send_to, f->aw.usd, f->fd, storm_chunk, 512,
                  (const struct sockaddr *)f->to, sizeof(struct sockaddr_in));
      if (f->aw.usd.ac_result < 0)
        break;
      continue;
    }
    if (f->kind == STORM_READABLE) {
      STORM_AWAIT(f, ac_fd_readable, f->aw.rdb, f->fd);
      break;
    }
    if (f->off != ~0u) /* ~0u: a pipe */
      f->off = (f->off * 1103515245u + 12345u) % (STORM_FILE_SIZE / 4096);
    if (f->kind == STORM_WRITE_ALL) {
      STORM_AWAIT(f, ac_write_all, f->aw.wa, f->fd, storm_chunk, sizeof storm_chunk);
      if (f->aw.wa.ac_result < 0)
        break;
    } else if (f->kind == STORM_READ) {
      STORM_AWAIT(f, ac_read, f->aw.rd, f->fd, f->buf, sizeof f->buf);
      if (f->aw.rd.ac_result <= 0)
        break;
    } else if (f->kind == STORM_FILE_READ) { /* a pipe: offset -1 */
      STORM_AWAIT(f, ac_file_read, f->aw.frd, f->fd, f->buf, sizeof f->buf,
                  f->off == ~0u ? -1L : (long)f->off * 4096);
      if (f->aw.frd.ac_result < 0)
        break;
    } else {
      STORM_AWAIT(f, ac_file_write, f->aw.fwr, f->fd, storm_chunk, sizeof storm_chunk,
                  f->off == ~0u ? -1L : (long)f->off * 4096);
      if (f->aw.fwr.ac_result < 0)
        break;
    }
  }
  f->ac_result = 1;
  CO_END(f);
}

static void storm_task__drop(void *p) {
  struct storm_task *f = p;
  if (f->conn >= 0)
    storm_close_conn(f->conn);
  if (!f->pending)
    return;
  switch (f->kind) {
  case STORM_WRITE_ALL:
    ac_write_all__drop(&f->aw.wa);
    break;
  case STORM_READ:
    ac_read__drop(&f->aw.rd);
    break;
  case STORM_FILE_READ:
    ac_file_read__drop(&f->aw.frd);
    break;
  case STORM_FILE_WRITE:
    ac_file_write__drop(&f->aw.fwr);
    break;
  case STORM_ACCEPT:
    if (f->conn >= 0)
      ac_sleep_ms__drop(&f->aw.sl);
    else
      ac_tcp_accept__drop(&f->aw.acc);
    break;
  case STORM_CONNECT:
    if (f->conn >= 0)
      ac_sleep_ms__drop(&f->aw.sl);
    else
      ac_tcp_connect__drop(&f->aw.con);
    break;
  case STORM_UDP_RECV:
    ac_udp_recv_from__drop(&f->aw.urv);
    break;
  case STORM_UDP_SEND:
    ac_udp_send_to__drop(&f->aw.usd);
    break;
  case STORM_READABLE:
    ac_fd_readable__drop(&f->aw.rdb);
    break;
  }
}

static const struct ac_spawn_desc storm_task__spawn = {
    sizeof(struct storm_task), _Alignof(struct storm_task), offsetof(struct storm_task, ac_result),
    sizeof(int), storm_task__poll, storm_task__drop, 0, 0, 0};

struct storm_root {
  int co, sv[STORM_PAIRS][2], i, turns;
  int file, pipe[2];    /* a regular file; a blocking pipe (-1: none) */
  int lfd, udp[2], idle[2]; /* a listener; UDP receiver and sender; a quiet pair */
  unsigned short port;
  struct sockaddr_storage udp_addr;
  bool ring;            /* file operations go through the ring */
  unsigned rng;
  long drops;
  struct ac_task *t[STORM_TASKS];
  struct ac_task_join__frame join;
  struct ac_yield__frame y;
};

static unsigned storm_rand(struct storm_root *f) {
  f->rng = f->rng * 1103515245u + 12345u;
  return f->rng >> 16;
}

static ac_poll storm_root__poll(void *p, struct ac_cx *cx) {
  struct storm_root *f = p;
  CO_BEGIN(f);
  /* A pool thread blocked on an empty pipe would make a drop wait
   * forever: pipes only through the ring. */
  f->ring = ac__uring_takes_ops(&cx->driver->io);
  while (f->drops < STORM_DROPS) {
    for (f->i = 0; f->i < STORM_TASKS; f->i++) {
      struct storm_task *s = ac_spawn_alloc(&storm_task__spawn, &f->t[f->i]);
      ASSERT_TRUE(s != NULL);
      s->co = 0;
      s->pending = 0;
      s->off = (unsigned)f->i;
      s->conn = -1;
      if (f->i >= 2 * STORM_PAIRS + STORM_FILES) {
        static const int kinds[STORM_OTHERS] = {STORM_ACCEPT, STORM_CONNECT, STORM_UDP_RECV,
                                                STORM_UDP_SEND, STORM_READABLE};
        int j = f->i - 2 * STORM_PAIRS - STORM_FILES;
        s->kind = kinds[j];
        s->fd = j == 0 ? f->lfd : j == 2 ? f->udp[0] : j == 3 ? f->udp[1] : f->idle[0];
        s->port = f->port;
        s->to = &f->udp_addr;
      } else if (f->i < 2 * STORM_PAIRS) {
        s->kind = f->i & 1 ? STORM_WRITE_ALL : STORM_READ;
        /* pairs 0 and 8 carry data (drops between completions); on the
         * others both tasks use sv[0], which fills up: a read and a write
         * wait on one fd, each direction dropped alone */
        s->fd = f->sv[f->i / 2][(f->i / 2) % 8 == 0 ? f->i & 1 : 0];
      } else {
        int j = f->i - 2 * STORM_PAIRS;
        s->kind = j & 1 ? STORM_FILE_WRITE : STORM_FILE_READ;
        s->fd = f->file;
        if (j >= 2 && f->ring) {
          s->fd = f->pipe[j & 1];
          s->off = ~0u;
        }
      }
      ac_spawn_start(f->t[f->i]);
    }
    for (f->turns = storm_rand(f) % 4; f->turns > 0; f->turns--)
      STORM_POLL(f, ac_yield, f->y);
    for (f->i = 0; f->i < STORM_TASKS; f->i++)
      if (storm_rand(f) % 2)
        ac_task_abort(f->t[f->i]);
    for (f->i = 0; f->i < STORM_TASKS; f->i++)
      ac_task_abort(f->t[f->i]);
    for (f->i = 0; f->i < STORM_TASKS; f->i++) {
      STORM_POLL(f, ac_task_join, f->join, f->t[f->i], NULL);
      ASSERT_INT_EQ(f->join.ac_result, -ECANCELED); /* they never end by themselves */
      f->drops++;
    }
  }
  CO_END(f);
}

static void storm_run(unsigned workers) {
  struct storm_root f = {0};
  char path[64];
  f.rng = 18;
  for (int i = 0; i < STORM_PAIRS; i++)
    ASSERT_INT_EQ(socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, f.sv[i]), 0);
  snprintf(path, sizeof path, "/tmp/asyncc-storm-%d", (int)getpid());
  f.file = open(path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  ASSERT_TRUE(f.file >= 0);
  unlink(path);
  ASSERT_INT_EQ(ftruncate(f.file, STORM_FILE_SIZE), 0);
  ASSERT_INT_EQ(pipe2(f.pipe, O_CLOEXEC), 0);
  ASSERT_INT_EQ(socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, f.idle), 0);
  f.lfd = ac_tcp_listen("127.0.0.1", 0, 4096);
  ASSERT_TRUE(f.lfd >= 0);
  {
    socklen_t len = sizeof f.udp_addr;
    ASSERT_INT_EQ(getsockname(f.lfd, (struct sockaddr *)&f.udp_addr, &len), 0);
    f.port = ntohs(((struct sockaddr_in *)&f.udp_addr)->sin_port);
    f.udp[0] = ac_udp_bind("127.0.0.1", 0);
    f.udp[1] = ac_udp_bind("127.0.0.1", 0);
    ASSERT_TRUE(f.udp[0] >= 0 && f.udp[1] >= 0);
    len = sizeof f.udp_addr;
    ASSERT_INT_EQ(getsockname(f.udp[0], (struct sockaddr *)&f.udp_addr, &len), 0);
  }
  ASSERT_INT_EQ(ac_runtime_set_workers(workers), 0);
  ASSERT_INT_EQ(ac_block_on_frame(&f, storm_root__poll, NULL), 0);
  ASSERT_INT_EQ(ac_runtime_set_workers(0), 0);
  for (int i = 0; i < STORM_PAIRS; i++) {
    ASSERT_TRUE(!ac__io_has_waiter(f.sv[i][0], AC__IO_READ));
    ASSERT_TRUE(!ac__io_has_waiter(f.sv[i][1], AC__IO_WRITE));
    ac_close(f.sv[i][0]);
    ac_close(f.sv[i][1]);
  }
  close(f.file);
  close(f.pipe[0]);
  close(f.pipe[1]);
  ac_close(f.lfd);
  ac_close(f.udp[0]);
  ac_close(f.udp[1]);
  ac_close(f.idle[0]);
  ac_close(f.idle[1]);
}

TEST_IMPL(reactor_abort_storm) { storm_run(0); }
TEST_IMPL(reactor_abort_storm_mt) { storm_run(2); }

/* ------------------------------------------------------------ files
 * With a ring (current-thread, or the shared ring of a multi-thread
 * runtime), file reads and writes go through it (no pool thread is ever
 * started), at offsets and at the file position; elsewhere (epoll, or no
 * ring to be had) the pool serves them. */
struct files_root {
  int co, fd, p[2];
  char buf[16];
  bool ring, batched;
  struct ac_sleep_ms__frame sl;
  union {
    struct ac_file_read__frame rd;
    struct ac_file_write__frame wr;
  } aw;
};

static ac_poll files_root__poll(void *p, struct ac_cx *cx) {
  struct files_root *f = p;
  CO_BEGIN(f);
  f->ring = ac__uring_takes_ops(&cx->driver->io);
  f->batched = ac__uring_owned_here(&cx->driver->io);
  STORM_POLL(f, ac_file_write, f->aw.wr, f->fd, "hello, ring", 11, 0);
  ASSERT_INT_EQ(f->aw.wr.ac_result, 11);
  STORM_POLL(f, ac_file_write, f->aw.wr, f->fd, "R", 1, 7);
  ASSERT_INT_EQ(f->aw.wr.ac_result, 1);
  STORM_POLL(f, ac_file_read, f->aw.rd, f->fd, f->buf, sizeof f->buf, 0);
  ASSERT_INT_EQ(f->aw.rd.ac_result, 11);
  ASSERT_INT_EQ(memcmp(f->buf, "hello, Ring", 11), 0);
  STORM_POLL(f, ac_file_read, f->aw.rd, f->fd, f->buf, sizeof f->buf, 100);
  ASSERT_INT_EQ(f->aw.rd.ac_result, 0);
  ASSERT_INT_EQ(lseek(f->fd, 2, SEEK_SET), 2);
  STORM_POLL(f, ac_file_read, f->aw.rd, f->fd, f->buf, 3, -1); /* the position */
  ASSERT_INT_EQ(f->aw.rd.ac_result, 3);
  ASSERT_INT_EQ(memcmp(f->buf, "llo", 3), 0);
  ASSERT_INT_EQ(lseek(f->fd, 0, SEEK_CUR), 5);
  STORM_POLL(f, ac_file_read, f->aw.rd, -1, f->buf, sizeof f->buf, 0);
  ASSERT_INT_EQ(f->aw.rd.ac_result, -EBADF);
  /* Through a current-thread ring (which submits at the park), dropped in
   * the turn that queued it: never runs.  A shared ring submits at once. */
  ac_file_write__init(&f->aw.wr, f->fd, "Q", 1, 0);
  if (ac_file_write__poll(&f->aw.wr, cx) == AC_PENDING)
    ac_file_write__drop(&f->aw.wr);
  STORM_POLL(f, ac_sleep_ms, f->sl, 30); /* parks: submitted, and waited for */
  ASSERT_INT_EQ(pread(f->fd, f->buf, 1, 0), 1);
  if (f->batched) /* a pool thread may have taken it before the drop */
    ASSERT_INT_EQ(f->buf[0], 'h');
  /* Nor a read of a pipe whose data is there (it would complete at the
   * submission, before any cancel): the bytes stay in the pipe. */
  ASSERT_INT_EQ(pipe2(f->p, O_CLOEXEC | O_NONBLOCK), 0);
  ASSERT_INT_EQ(write(f->p[1], "abc", 3), 3);
  ac_file_read__init(&f->aw.rd, f->p[0], f->buf, sizeof f->buf, -1);
  if (ac_file_read__poll(&f->aw.rd, cx) == AC_PENDING)
    ac_file_read__drop(&f->aw.rd);
  else
    ASSERT_INT_EQ(f->aw.rd.ac_result, 3); /* the pool's: it ran at once */
  STORM_POLL(f, ac_sleep_ms, f->sl, 30); /* parks: submitted, and waited for */
  if (f->batched)
    ASSERT_INT_EQ(read(f->p[0], f->buf, sizeof f->buf), 3);
  close(f->p[0]);
  close(f->p[1]);
  CO_END(f);
}

static void files_run(unsigned workers) {
  struct files_root f = {0};
  char path[64];
  snprintf(path, sizeof path, "/tmp/asyncc-ring-files-%d", (int)getpid());
  f.fd = open(path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  ASSERT_TRUE(f.fd >= 0);
  unlink(path);
  ASSERT_INT_EQ(ac_runtime_set_workers(workers), 0);
  ASSERT_INT_EQ(ac_block_on_frame(&f, files_root__poll, NULL), 0);
  ASSERT_INT_EQ(ac_runtime_set_workers(0), 0);
  /* the ring wherever there is one, unless ASYNCC_IO=epoll; either executor */
  ASSERT_INT_EQ(f.ring, !(getenv("ASYNCC_IO") && strcmp(getenv("ASYNCC_IO"), "epoll") == 0) &&
                            kernel_has_uring());
  if (f.ring)
    ASSERT_INT_EQ(ac_blocking_thread_count(), 0);
  close(f.fd);
}

TEST_IMPL(uring_file_ops_in_ring) { files_run(0); }
TEST_IMPL(uring_file_ops_mt) { files_run(2); }
