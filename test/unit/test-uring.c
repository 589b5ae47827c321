/* The reactor's backends: the choice by ASYNCC_IO, and what the io_uring
 * backend must do that epoll does by itself (its polls hold the file open).
 * The rest of the unit tests run on both backends (ctest: unit_uring.*). */
#define _GNU_SOURCE
#include "test.h"

#include "io_reg.h"
#include "reactor.h"

#include <asyncc/asyncc.h>
#include <asyncc/net.h>

#include <errno.h>
#include <liburing.h>
#include <pthread.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

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
  ASSERT_INT_EQ(ac__reactor_init(&r), 0);
  strcpy(name, ac__reactor_backend(&r));
  /* a shared ring (made again) still polls, and unparks */
  ASSERT_INT_EQ(ac__reactor_make_shared(&r), 0);
  ac__reactor_unpark(&r);
  ASSERT_INT_EQ(ac__reactor_poll(&r, 1000), 0);
  ac__reactor_destroy(&r);
  return name;
}

TEST_IMPL(uring_backend_from_env) {
  ASSERT_STR_EQ(backend_with(NULL), "epoll");
  ASSERT_STR_EQ(backend_with("epoll"), "epoll");
  ASSERT_STR_EQ(backend_with("bogus"), "epoll");
  /* no ring to be had: epoll all the same */
  ASSERT_STR_EQ(backend_with("uring"), kernel_has_uring() ? "uring" : "epoll");
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
