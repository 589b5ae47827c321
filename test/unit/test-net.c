/* Network, fd readiness, DNS, files and signals: leaves awaited from frames
 * hand-written to the lowering convention.
 *
 * To keep the tests readable the frames are written as protothreads: CO_BEGIN
 * opens a switch on the frame's resume line, AWAIT(leaf, frame, args...)
 * inits a leaf frame, records the line and polls it, returning AC_PENDING as
 * generated code does.  Everything that lives across an AWAIT is a frame
 * field. */
#define _GNU_SOURCE
#include "test.h"

#include "driver.h"
#include "io_reg.h"
#include "reactor_uring.h"
#include "task.h"

#include <asyncc/asyncc.h>
#include <asyncc/bufreader.h>
#include <asyncc/fs.h>
#include <asyncc/net.h>
#include <asyncc/signal.h>
#include <asyncc/sync.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <linux/membarrier.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#define CO_BEGIN(f)                                                            \
  switch ((f)->co) {                                                           \
  default:                                                                     \
    TEST_FAIL_("resumed at unknown line %d", (f)->co);                         \
  case 0:
/* A resume point for a leaf polled by hand just before it. */
#define RESUME(f)                                                              \
  (f)->co = __LINE__;                                                          \
  /* fallthrough */                                                            \
  case __LINE__:
#define CO_END(f)                                                              \
  }                                                                            \
  (f)->co = -1;                                                                \
  return AC_READY
#define AWAIT(f, leaf, fr, ...)                                                \
  do {                                                                         \
    leaf##__init(&(fr), __VA_ARGS__);                                          \
    (f)->co = __LINE__;                                                        \
    /* fallthrough */                                                          \
    case __LINE__:                                                             \
      if (leaf##__poll(&(fr), cx) == AC_PENDING)                               \
        return AC_PENDING;                                                     \
  } while (0)
#define YIELD(f, fr)                                                           \
  do {                                                                         \
    ac_yield__init(&(fr));                                                     \
    (f)->co = __LINE__;                                                        \
    /* fallthrough */                                                          \
    case __LINE__:                                                             \
      if (ac_yield__poll(&(fr), cx) == AC_PENDING)                             \
        return AC_PENDING;                                                     \
  } while (0)

/* A spawn descriptor for a protothread frame type 'T' returning int. */
#define SPAWN_DESC(T, poll, drop)                                              \
  {sizeof(struct T), _Alignof(struct T), offsetof(struct T, ac_result), sizeof(int), poll, drop, 0, 0, 0}

static void run(void *frame, ac_poll_fn poll) {
  ASSERT_INT_EQ(ac_block_on_frame(frame, poll, NULL), 0);
}

static unsigned short port_of(int fd) {
  struct sockaddr_in a;
  socklen_t len = sizeof a;
  ASSERT_INT_EQ(getsockname(fd, (struct sockaddr *)&a, &len), 0);
  return ntohs(a.sin_port);
}

static int open_fds(void) {
  int n = 0;
  DIR *d = opendir("/proc/self/fd");
  ASSERT_TRUE(d != NULL);
  while (readdir(d))
    n++;
  closedir(d);
  return n;
}

/* open_fds() once it is back to 'expected', or after 2 s: a dropped name
 * lookup is abandoned to the blocking pool, whose thread still holds the
 * resolver's descriptors (/etc/hosts, a DNS socket) for a moment. */
static int open_fds_settled(int expected) {
  int n = open_fds();
  for (int i = 0; i < 200 && n != expected; i++) {
    usleep(10000);
    n = open_fds();
  }
  return n;
}

static struct ac__io_reg *reg(int fd) { return ac__io_reg_of(fd); }

static void assert_no_waiters(int fd) {
  ASSERT_TRUE(!ac__io_has_waiter(fd, AC__IO_READ));
  ASSERT_TRUE(!ac__io_has_waiter(fd, AC__IO_WRITE));
}

/* A byte pattern that differs per connection, round and offset. */
static unsigned char pattern(unsigned conn, unsigned round, size_t i) {
  uint32_t x = conn * 2654435761u ^ round * 40503u ^ (uint32_t)i * 2246822519u;
  return (unsigned char)(x >> 13);
}

/* ================================================ 1,000-connection echo */

#define ECHO_CONNS 1000
#define ECHO_ROUNDS 4
#define ECHO_MAX_MSG 3000

/* async int echo_conn(int fd): read then write_all until EOF */
struct echo_conn {
  int co, fd;
  ssize_t n;
  union {
    struct ac_read__frame rd;
    struct ac_write_all__frame wr;
  } aw;
  char buf[16384];
  int ac_result;
};

static atomic_long echo_server_bytes;

static ac_poll echo_conn__poll(void *p, struct ac_cx *cx) {
  struct echo_conn *f = p;
  CO_BEGIN(f);
  for (;;) {
    AWAIT(f, ac_read, f->aw.rd, f->fd, f->buf, sizeof f->buf);
    f->n = f->aw.rd.ac_result;
    if (f->n <= 0)
      break;
    atomic_fetch_add(&echo_server_bytes, f->n);
    AWAIT(f, ac_write_all, f->aw.wr, f->fd, f->buf, (size_t)f->n);
    if (f->aw.wr.ac_result != f->n)
      break;
  }
  f->ac_result = f->n < 0 ? (int)f->n : 0;
  ac_close(f->fd);
  CO_END(f);
}

static const struct ac_spawn_desc echo_conn__spawn = SPAWN_DESC(echo_conn, echo_conn__poll, NULL);

/* async int acceptor(int lfd, int count): accept count, a task each */
struct acceptor {
  int co, lfd, count, i;
  struct ac_tcp_accept__frame acc;
  int ac_result;
};

static ac_poll acceptor__poll(void *p, struct ac_cx *cx) {
  struct acceptor *f = p;
  CO_BEGIN(f);
  for (f->i = 0; f->i < f->count; f->i++) {
    AWAIT(f, ac_tcp_accept, f->acc, f->lfd);
    ASSERT_TRUE(f->acc.ac_result >= 0);
    /* a TCP fd: read and written with recv/send from the first byte */
    ASSERT_TRUE(ac__io_reg_has(reg(f->acc.ac_result), AC__IO_SOCKET));
    struct ac_task *t;
    struct echo_conn *c = ac_spawn_alloc(&echo_conn__spawn, &t);
    ASSERT_TRUE(c != NULL);
    c->co = 0;
    c->fd = f->acc.ac_result;
    ac_spawn_start(t);
    ac_task_detach(t);
  }
  f->ac_result = 0;
  CO_END(f);
}

static const struct ac_spawn_desc acceptor__spawn = SPAWN_DESC(acceptor, acceptor__poll, NULL);

/* async int echo_client(unsigned id, unsigned short port) */
struct echo_client {
  int co;
  unsigned id, round;
  unsigned short port;
  int fd;
  size_t len;
  union {
    struct ac_tcp_connect__frame conn;
    struct ac_write_all__frame wr;
    struct ac_read_exact__frame rd;
    struct ac_read__frame eof;
  } aw;
  unsigned char out[ECHO_MAX_MSG], in[ECHO_MAX_MSG];
  int ac_result;
};

static ac_poll echo_client__poll(void *p, struct ac_cx *cx) {
  struct echo_client *f = p;
  CO_BEGIN(f);
  AWAIT(f, ac_tcp_connect, f->aw.conn, "127.0.0.1", f->port);
  f->fd = f->aw.conn.ac_result;
  if (f->fd < 0) {
    f->ac_result = f->fd;
    return AC_READY;
  }
  for (f->round = 0; f->round < ECHO_ROUNDS; f->round++) {
    f->len = 1 + (f->id * 7 + f->round * 1013) % ECHO_MAX_MSG;
    for (size_t i = 0; i < f->len; i++)
      f->out[i] = pattern(f->id, f->round, i);
    AWAIT(f, ac_write_all, f->aw.wr, f->fd, f->out, f->len);
    ASSERT_INT_EQ(f->aw.wr.ac_result, (ssize_t)f->len);
    memset(f->in, 0, f->len);
    AWAIT(f, ac_read_exact, f->aw.rd, f->fd, f->in, f->len);
    ASSERT_INT_EQ(f->aw.rd.ac_result, (ssize_t)f->len);
    ASSERT_INT_EQ(memcmp(f->in, f->out, f->len), 0);
  }
  /* Half-close: the server sees EOF, closes, and we see EOF. */
  ASSERT_INT_EQ(ac_shutdown(f->fd, SHUT_WR), 0);
  AWAIT(f, ac_read, f->aw.eof, f->fd, f->in, sizeof f->in);
  ASSERT_INT_EQ(f->aw.eof.ac_result, 0);
  ASSERT_INT_EQ(ac_close(f->fd), 0);
  f->ac_result = 0;
  CO_END(f);
}

static const struct ac_spawn_desc echo_client__spawn =
    SPAWN_DESC(echo_client, echo_client__poll, NULL);

struct echo_root {
  int co, lfd, i, out;
  struct ac_task *acceptor, *clients[ECHO_CONNS];
  struct ac_task_join__frame join;
};

static ac_poll echo_root__poll(void *p, struct ac_cx *cx) {
  struct echo_root *f = p;
  CO_BEGIN(f);
  {
    struct acceptor *a = ac_spawn_alloc(&acceptor__spawn, &f->acceptor);
    *a = (struct acceptor){.lfd = f->lfd, .count = ECHO_CONNS};
    ac_spawn_start(f->acceptor);
  }
  for (int i = 0; i < ECHO_CONNS; i++) {
    struct echo_client *c = ac_spawn_alloc(&echo_client__spawn, &f->clients[i]);
    ASSERT_TRUE(c != NULL);
    c->co = 0;
    c->id = (unsigned)i;
    c->port = port_of(f->lfd);
    ac_spawn_start(f->clients[i]);
  }
  for (f->i = 0; f->i < ECHO_CONNS; f->i++) {
    f->out = -1;
    AWAIT(f, ac_task_join, f->join, f->clients[f->i], &f->out);
    ASSERT_INT_EQ(f->join.ac_result, 0);
    ASSERT_INT_EQ(f->out, 0);
  }
  AWAIT(f, ac_task_join, f->join, f->acceptor, &f->out);
  ASSERT_INT_EQ(f->out, 0);
  CO_END(f);
}

static void raise_nofile(void) {
  struct rlimit rl;
  ASSERT_INT_EQ(getrlimit(RLIMIT_NOFILE, &rl), 0);
  rl.rlim_cur = rl.rlim_max;
  ASSERT_INT_EQ(setrlimit(RLIMIT_NOFILE, &rl), 0);
  /* 2 fds per connection, plus the runtime's and the sanitizers'. */
  ASSERT_UINT_GE(rl.rlim_cur, 2 * ECHO_CONNS + 64);
}

static void echo_1000(void) {
  static struct echo_root f;
  size_t total = 0;
  raise_nofile();
  memset(&f, 0, sizeof f);
  f.lfd = ac_tcp_listen("127.0.0.1", 0, 1024);
  ASSERT_TRUE(f.lfd >= 0);
  echo_server_bytes = 0;
  run(&f, echo_root__poll);
  for (unsigned id = 0; id < ECHO_CONNS; id++)
    for (unsigned r = 0; r < ECHO_ROUNDS; r++)
      total += 1 + (id * 7 + r * 1013) % ECHO_MAX_MSG;
  ASSERT_UINT_EQ(atomic_load(&echo_server_bytes), total);
  ASSERT_INT_EQ(ac_close(f.lfd), 0);
}

TEST_IMPL(net_echo_1000_connections) {
  ASSERT_INT_EQ(ac_runtime_set_workers(0), 0);
  echo_1000();
}

/* The same on the multi-thread executor: tasks migrate between workers
 * while the reactor dispatches on whichever worker parks. */
TEST_IMPL(net_echo_1000_connections_mt) {
  ASSERT_INT_EQ(ac_runtime_set_workers(2), 0);
  echo_1000();
  ASSERT_INT_EQ(ac_runtime_set_workers(0), 0);
}

/* ============================================== peer behaviour: errors */

/* A connected TCP pair made synchronously: *c (client) and *s (server),
 * both non-blocking. */
static void tcp_pair(int *c, int *s) {
  int lfd = ac_tcp_listen("127.0.0.1", 0, 8);
  struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(port_of(lfd)),
                          .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
  ASSERT_TRUE(lfd >= 0);
  *c = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  ASSERT_INT_EQ(connect(*c, (struct sockaddr *)&a, sizeof a), 0);
  ASSERT_INT_EQ(fcntl(*c, F_SETFL, O_NONBLOCK), 0);
  do
    *s = accept4(lfd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
  while (*s < 0 && errno == EAGAIN);
  ASSERT_TRUE(*s >= 0);
  ac__io_mark_tcp(*s);
  ac__io_mark_tcp(*c);
  ac_close(lfd);
}

struct peer_root {
  int co, c, s, i;
  ssize_t r;
  char buf[256];
  union {
    struct ac_read__frame rd;
    struct ac_write__frame wr;
    struct ac_read_exact__frame rx;
    struct ac_sleep_ms__frame sl;
    struct ac_tcp_connect__frame conn;
  } aw;
};

static ac_poll reset_root__poll(void *p, struct ac_cx *cx) {
  struct peer_root *f = p;
  CO_BEGIN(f);
  /* The server waits; the client aborts the connection (RST). */
  ac_read__init(&f->aw.rd, f->s, f->buf, sizeof f->buf);
  ASSERT_INT_EQ(ac_read__poll(&f->aw.rd, cx), AC_PENDING);
  {
    struct linger lg = {.l_onoff = 1, .l_linger = 0};
    ASSERT_INT_EQ(setsockopt(f->c, SOL_SOCKET, SO_LINGER, &lg, sizeof lg), 0);
    ASSERT_INT_EQ(ac_close(f->c), 0);
  }
  RESUME(f);
  if (ac_read__poll(&f->aw.rd, cx) == AC_PENDING)
    return AC_PENDING;
  ASSERT_INT_EQ(f->aw.rd.ac_result, -ECONNRESET);
  AWAIT(f, ac_write, f->aw.wr, f->s, "x", 1);
  ASSERT_TRUE(f->aw.wr.ac_result == -EPIPE || f->aw.wr.ac_result == -ECONNRESET);
  ASSERT_INT_EQ(ac_close(f->s), 0);
  CO_END(f);
}

TEST_IMPL(net_reset_is_an_error) {
  struct peer_root f = {0};
  tcp_pair(&f.c, &f.s);
  run(&f, reset_root__poll);
}

static ac_poll epipe_root__poll(void *p, struct ac_cx *cx) {
  struct peer_root *f = p;
  CO_BEGIN(f);
  ASSERT_INT_EQ(ac_close(f->c), 0); /* orderly close: FIN, then RST on data */
  for (f->i = 0; f->i < 200; f->i++) {
    AWAIT(f, ac_write, f->aw.wr, f->s, "data", 4);
    f->r = f->aw.wr.ac_result;
    if (f->r < 0)
      break;
    AWAIT(f, ac_sleep_ms, f->aw.sl, 1);
  }
  /* Still alive: SIGPIPE was ignored, the error returned. */
  ASSERT_TRUE(f->r == -EPIPE || f->r == -ECONNRESET);
  ASSERT_INT_EQ(ac_close(f->s), 0);
  CO_END(f);
}

TEST_IMPL(net_write_to_closed_peer_is_epipe) {
  struct peer_root f = {0};
  tcp_pair(&f.c, &f.s);
  run(&f, epipe_root__poll);
}

static ac_poll half_close_root__poll(void *p, struct ac_cx *cx) {
  struct peer_root *f = p;
  CO_BEGIN(f);
  AWAIT(f, ac_write, f->aw.wr, f->c, "hello", 5);
  ASSERT_INT_EQ(f->aw.wr.ac_result, 5);
  ASSERT_INT_EQ(ac_shutdown(f->c, SHUT_WR), 0);
  AWAIT(f, ac_read_exact, f->aw.rx, f->s, f->buf, 5);
  ASSERT_INT_EQ(f->aw.rx.ac_result, 5);
  ASSERT_INT_EQ(memcmp(f->buf, "hello", 5), 0);
  AWAIT(f, ac_read, f->aw.rd, f->s, f->buf, sizeof f->buf);
  ASSERT_INT_EQ(f->aw.rd.ac_result, 0); /* EOF, and again */
  AWAIT(f, ac_read, f->aw.rd, f->s, f->buf, sizeof f->buf);
  ASSERT_INT_EQ(f->aw.rd.ac_result, 0);
  /* The other direction still works. */
  AWAIT(f, ac_write, f->aw.wr, f->s, "bye", 3);
  ASSERT_INT_EQ(f->aw.wr.ac_result, 3);
  ASSERT_INT_EQ(ac_close(f->s), 0);
  /* read_exact of more than is left: the short count. */
  AWAIT(f, ac_read_exact, f->aw.rx, f->c, f->buf, 10);
  ASSERT_INT_EQ(f->aw.rx.ac_result, 3);
  ASSERT_INT_EQ(memcmp(f->buf, "bye", 3), 0);
  ASSERT_INT_EQ(ac_close(f->c), 0);
  /* Data and FIN in one edge, to a registered stream: the short read of
   * the data must not make the next read wait for an edge that never
   * comes (EOF is sticky). */
  tcp_pair(&f->c, &f->s);
  ac_read__init(&f->aw.rd, f->s, f->buf, sizeof f->buf);
  ASSERT_INT_EQ(ac_read__poll(&f->aw.rd, cx), AC_PENDING); /* registered now */
  ASSERT_INT_EQ(write(f->c, "last", 4), 4);
  ASSERT_INT_EQ(shutdown(f->c, SHUT_WR), 0);
  RESUME(f);
  if (ac_read__poll(&f->aw.rd, cx) == AC_PENDING)
    return AC_PENDING;
  ASSERT_INT_EQ(f->aw.rd.ac_result, 4);
  AWAIT(f, ac_read, f->aw.rd, f->s, f->buf, sizeof f->buf);
  ASSERT_INT_EQ(f->aw.rd.ac_result, 0);
  ac_close(f->s);
  ac_close(f->c);
  /* Nobody listens on a just-closed listener's port. */
  {
    int l = ac_tcp_listen("127.0.0.1", 0, 1);
    f->i = port_of(l);
    ac_close(l);
  }
  AWAIT(f, ac_tcp_connect, f->aw.conn, "127.0.0.1", (unsigned short)f->i);
  ASSERT_INT_EQ(f->aw.conn.ac_result, -ECONNREFUSED);
  CO_END(f);
}

TEST_IMPL(net_half_close_and_refused) {
  struct peer_root f = {0};
  int before = open_fds();
  tcp_pair(&f.c, &f.s);
  run(&f, half_close_root__poll);
  ASSERT_INT_EQ(open_fds(), before);
}

/* ============================================================== EMFILE */

struct emfile_root {
  int co, lfd, got[2];
  struct rlimit saved;
  struct ac_tcp_accept__frame acc;
  struct ac_sleep_ms__frame nap;
};

/* Out of fds, ac_tcp_accept neither returns nor spins: it sleeps 5 ms,
 * doubling; dropped meanwhile it leaves no timer; once fds are back it
 * accepts the queued connections. */
static ac_poll emfile_root__poll(void *p, struct ac_cx *cx) {
  struct emfile_root *f = p;
  CO_BEGIN(f);
  {
    /* No descriptor left: the lowest free one is at the limit. */
    int probe = dup(0);
    struct rlimit tight = f->saved;
    ASSERT_TRUE(probe >= 0);
    close(probe);
    tight.rlim_cur = (rlim_t)probe;
    ASSERT_INT_EQ(setrlimit(RLIMIT_NOFILE, &tight), 0);
  }
  ac_tcp_accept__init(&f->acc, f->lfd);
  ASSERT_INT_EQ(ac_tcp_accept__poll(&f->acc, cx), AC_PENDING);
  ASSERT_INT_EQ(f->acc.backoff_ms, 5);
  ASSERT_INT_EQ(ac__driver_timer_count(cx->driver), 1);
  AWAIT(f, ac_sleep_ms, f->nap, 20); /* the 5 ms are over: one more try */
  ASSERT_INT_EQ(ac_tcp_accept__poll(&f->acc, cx), AC_PENDING);
  ASSERT_INT_EQ(f->acc.backoff_ms, 10);
  ac_tcp_accept__drop(&f->acc);
  ASSERT_INT_EQ(ac__driver_timer_count(cx->driver), 0);
  ASSERT_TRUE(!ac__io_has_waiter(f->lfd, AC__IO_READ));
  ASSERT_INT_EQ(setrlimit(RLIMIT_NOFILE, &f->saved), 0);
  AWAIT(f, ac_tcp_accept, f->acc, f->lfd);
  f->got[0] = f->acc.ac_result;
  AWAIT(f, ac_tcp_accept, f->acc, f->lfd);
  f->got[1] = f->acc.ac_result;
  ASSERT_TRUE(f->got[0] >= 0 && f->got[1] >= 0);
  ac_close(f->got[0]);
  ac_close(f->got[1]);
  CO_END(f);
}

TEST_IMPL(net_accept_emfile_backs_off) {
  struct emfile_root f = {0};
  int c[2];
  f.lfd = ac_tcp_listen("127.0.0.1", 0, 8);
  ASSERT_TRUE(f.lfd >= 0);
  for (int i = 0; i < 2; i++) { /* complete in the kernel's backlog */
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(port_of(f.lfd)),
                            .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    c[i] = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    ASSERT_INT_EQ(connect(c[i], (struct sockaddr *)&a, sizeof a), 0);
  }
  ASSERT_INT_EQ(getrlimit(RLIMIT_NOFILE, &f.saved), 0);
  run(&f, emfile_root__poll);
  close(c[0]);
  close(c[1]);
  ac_close(f.lfd);
}

/* ======================================================= cancellation */

struct cancel_root {
  int co, sv[2], sv2[2], lfd, fd, before;
  char buf[64];
  struct ac_task *t;
  int out;
  union {
    struct ac_read__frame rd;
    struct ac_write__frame wr;
    struct ac_read_exact__frame rx;
    struct ac_write_all__frame wa;
    struct ac_tcp_accept__frame acc;
    struct ac_tcp_connect__frame conn;
    struct ac_fd_readable__frame rdy;
    struct ac_fd_writable__frame wdy;
    struct ac_udp_recv_from__frame urecv;
    struct ac_signal__frame sig;
    struct ac_task_join__frame join;
  } aw;
  struct ac_yield__frame y;
};

/* Each pending leaf is dropped; its waiter is gone; the fd still works. */
static ac_poll cancel_root__poll(void *p, struct ac_cx *cx) {
  struct cancel_root *f = p;
  CO_BEGIN(f);
  /* read */
  ac_read__init(&f->aw.rd, f->sv[0], f->buf, sizeof f->buf);
  ASSERT_INT_EQ(ac_read__poll(&f->aw.rd, cx), AC_PENDING);
  ASSERT_TRUE(ac__io_has_waiter(f->sv[0], AC__IO_READ));
  ac_read__drop(&f->aw.rd);
  assert_no_waiters(f->sv[0]);
  ASSERT_INT_EQ(write(f->sv[1], "ab", 2), 2);
  AWAIT(f, ac_read, f->aw.rd, f->sv[0], f->buf, sizeof f->buf);
  ASSERT_INT_EQ(f->aw.rd.ac_result, 2); /* nothing lost */
  /* read_exact, after part of it arrived */
  ASSERT_INT_EQ(write(f->sv[1], "c", 1), 1);
  ac_read_exact__init(&f->aw.rx, f->sv[0], f->buf, 4);
  ASSERT_INT_EQ(ac_read_exact__poll(&f->aw.rx, cx), AC_PENDING);
  ac_read_exact__drop(&f->aw.rx);
  assert_no_waiters(f->sv[0]);
  /* fd_readable */
  ac_fd_readable__init(&f->aw.rdy, f->sv[0]);
  ASSERT_INT_EQ(ac_fd_readable__poll(&f->aw.rdy, cx), AC_PENDING);
  ac_fd_readable__drop(&f->aw.rdy);
  assert_no_waiters(f->sv[0]);
  /* write and write_all on a full socket */
  {
    static char junk[65536];
    while (write(f->sv[1], junk, sizeof junk) > 0) {
    }
    ASSERT_INT_EQ(errno, EAGAIN);
  }
  ac_write__init(&f->aw.wr, f->sv[1], "x", 1);
  ASSERT_INT_EQ(ac_write__poll(&f->aw.wr, cx), AC_PENDING);
  ac_write__drop(&f->aw.wr);
  assert_no_waiters(f->sv[1]);
  ac_write_all__init(&f->aw.wa, f->sv[1], "xyz", 3);
  ASSERT_INT_EQ(ac_write_all__poll(&f->aw.wa, cx), AC_PENDING);
  ac_write_all__drop(&f->aw.wa);
  assert_no_waiters(f->sv[1]);
  ac_fd_writable__init(&f->aw.wdy, f->sv[1]);
  ASSERT_INT_EQ(ac_fd_writable__poll(&f->aw.wdy, cx), AC_PENDING);
  ac_fd_writable__drop(&f->aw.wdy);
  assert_no_waiters(f->sv[1]);
  /* accept */
  ac_tcp_accept__init(&f->aw.acc, f->lfd);
  ASSERT_INT_EQ(ac_tcp_accept__poll(&f->aw.acc, cx), AC_PENDING);
  ac_tcp_accept__drop(&f->aw.acc);
  assert_no_waiters(f->lfd);
  /* connect: dropped while in progress, its socket is closed */
  f->before = open_fds();
  ac_tcp_connect__init(&f->aw.conn, "127.0.0.1", port_of(f->lfd));
  if (ac_tcp_connect__poll(&f->aw.conn, cx) == AC_PENDING)
    ac_tcp_connect__drop(&f->aw.conn);
  else
    ac_close(f->aw.conn.ac_result);
  ASSERT_INT_EQ(open_fds_settled(f->before), f->before);
  /* the dropped accept lost nothing: that connection is accepted now */
  AWAIT(f, ac_tcp_accept, f->aw.acc, f->lfd);
  ASSERT_TRUE(f->aw.acc.ac_result >= 0);
  ac_close(f->aw.acc.ac_result);
  /* connect dropped before its first poll: nothing to undo */
  ac_tcp_connect__init(&f->aw.conn, "127.0.0.1", 1);
  ac_tcp_connect__drop(&f->aw.conn);
  /* connect dropped while resolving a name */
  f->before = open_fds();
  ac_tcp_connect__init(&f->aw.conn, "localhost", port_of(f->lfd));
  if (ac_tcp_connect__poll(&f->aw.conn, cx) == AC_PENDING)
    ac_tcp_connect__drop(&f->aw.conn);
  else
    ac_close(f->aw.conn.ac_result);
  ASSERT_INT_EQ(open_fds_settled(f->before), f->before);
  /* signal */
  ac_signal__init(&f->aw.sig, SIGUSR2);
  ASSERT_INT_EQ(ac_signal__poll(&f->aw.sig, cx), AC_PENDING);
  ac_signal__drop(&f->aw.sig);
  ASSERT_NULL(f->aw.sig.op.w.pprev);
  CO_END(f);
}

TEST_IMPL(net_drop_pending_leaves_no_waiter) {
  struct cancel_root f = {0};
  ASSERT_INT_EQ(socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, f.sv), 0);
  f.lfd = ac_tcp_listen("127.0.0.1", 0, 8);
  ASSERT_TRUE(f.lfd >= 0);
  run(&f, cancel_root__poll);
  ac_close(f.sv[0]);
  ac_close(f.sv[1]);
  ac_close(f.lfd);
}

/* async int reader(int fd): one ac_read, its result */
struct reader {
  int co, fd;
  char buf[16];
  struct ac_read__frame rd;
  int ac_result;
};

static ac_poll reader__poll(void *p, struct ac_cx *cx) {
  struct reader *f = p;
  CO_BEGIN(f);
  AWAIT(f, ac_read, f->rd, f->fd, f->buf, sizeof f->buf);
  f->ac_result = (int)f->rd.ac_result;
  CO_END(f);
}

static void reader__drop(void *p) { ac_read__drop(&((struct reader *)p)->rd); }

static const struct ac_spawn_desc reader__spawn = SPAWN_DESC(reader, reader__poll, reader__drop);

static struct ac_task *spawn_reader(int fd) {
  struct ac_task *t;
  struct reader *r = ac_spawn_alloc(&reader__spawn, &t);
  ASSERT_TRUE(r != NULL);
  r->co = 0;
  r->fd = fd;
  ac_spawn_start(t);
  return t;
}

static ac_poll close_root__poll(void *p, struct ac_cx *cx) {
  struct cancel_root *f = p;
  CO_BEGIN(f);
  /* a task waits in ac_read; another closes the fd */
  f->t = spawn_reader(f->sv[0]);
  /* (on the multi-thread executor the reader may start on another worker) */
  while (!ac__io_has_waiter(f->sv[0], AC__IO_READ))
    YIELD(f, f->y);
  ASSERT_INT_EQ(ac_close(f->sv[0]), 0);
  AWAIT(f, ac_task_join, f->aw.join, f->t, &f->out);
  ASSERT_INT_EQ(f->out, -ECANCELED);
  assert_no_waiters(f->sv[0]);
  /* a task aborted while waiting: its waiter goes with its frame (a new
   * pair: sv[1] sees EOF now) */
  f->t = spawn_reader(f->sv2[0]);
  while (!ac__io_has_waiter(f->sv2[0], AC__IO_READ))
    YIELD(f, f->y);
  ac_task_abort(f->t);
  AWAIT(f, ac_task_join, f->aw.join, f->t, &f->out);
  ASSERT_INT_EQ(f->aw.join.ac_result, -ECANCELED);
  assert_no_waiters(f->sv2[0]);
  /* and a task still waiting when the runtime ends is dropped too */
  ac_task_detach(spawn_reader(f->sv2[0]));
  YIELD(f, f->y);
  CO_END(f);
}

TEST_IMPL(net_close_and_abort_pending_read) {
  struct cancel_root f = {0};
  ASSERT_INT_EQ(socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, f.sv), 0);
  ASSERT_INT_EQ(socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, f.sv2), 0);
  run(&f, close_root__poll);
  assert_no_waiters(f.sv2[0]);
  ASSERT_NULL(atomic_load(&reg(f.sv2[0])->reactor)); /* unbound at runtime end */
  ac_close(f.sv2[0]);
  ac_close(f.sv2[1]);
  ac_close(f.sv[1]);
}

/* An fd's lock is biased to the current-thread runtime that first waits
 * on it (biased_lock.h); another thread's ac_close revokes the bias, and
 * the reader still gets -ECANCELED.  On the multi-thread runtime nothing
 * is biased.  (Under TSan this checks the revocation's ordering too.) */
static void *close_from_thread(void *p) {
  ASSERT_INT_EQ(ac_close(*(int *)p), 0);
  return NULL;
}

static ac_poll bias_root__poll(void *p, struct ac_cx *cx) {
  struct cancel_root *f = p;
  pthread_t closer;
  CO_BEGIN(f);
  f->t = spawn_reader(f->sv[0]);
  while (!ac__io_has_waiter(f->sv[0], AC__IO_READ))
    YIELD(f, f->y);
  /* biased on a current-thread runtime (if membarrier is there) */
  ASSERT_INT_EQ(ac__biased_lock_is_biased(&reg(f->sv[0])->lock), f->before);
  ASSERT_INT_EQ(pthread_create(&closer, NULL, close_from_thread, &f->sv[0]), 0);
  ASSERT_INT_EQ(pthread_join(closer, NULL), 0);
  ASSERT_TRUE(!ac__biased_lock_is_biased(&reg(f->sv[0])->lock)); /* for good */
  AWAIT(f, ac_task_join, f->aw.join, f->t, &f->out);
  ASSERT_INT_EQ(f->out, -ECANCELED);
  /* the owner still takes the (now plain) lock: a read on the next fd */
  f->t = spawn_reader(f->sv2[0]);
  while (!ac__io_has_waiter(f->sv2[0], AC__IO_READ))
    YIELD(f, f->y);
  ASSERT_INT_EQ(write(f->sv2[1], "x", 1), 1);
  AWAIT(f, ac_task_join, f->aw.join, f->t, &f->out);
  ASSERT_INT_EQ(f->out, 1);
  CO_END(f);
}

static void bias_run(unsigned workers) {
  struct cancel_root f = {0};
  ASSERT_INT_EQ(socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, f.sv), 0);
  ASSERT_INT_EQ(socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, f.sv2), 0);
  /* 'before': whether this kernel lets locks be biased at all */
  f.before = workers == 0 && syscall(SYS_membarrier, MEMBARRIER_CMD_QUERY, 0, 0) > 0 &&
             (syscall(SYS_membarrier, MEMBARRIER_CMD_QUERY, 0, 0) &
              MEMBARRIER_CMD_PRIVATE_EXPEDITED);
  ASSERT_INT_EQ(ac_runtime_set_workers(workers), 0);
  run(&f, bias_root__poll);
  ASSERT_INT_EQ(ac_runtime_set_workers(0), 0);
  ac_close(f.sv2[0]);
  ac_close(f.sv2[1]);
  ac_close(f.sv[1]);
}

TEST_IMPL(net_fd_lock_bias_revoked_by_other_thread) { bias_run(0); }
TEST_IMPL(net_fd_lock_unbiased_on_multi_thread) { bias_run(2); }

/* ============================================= UDP, pipes, DNS, files */

struct misc_root {
  int co, a, b, p[2], i;
  ssize_t r;
  struct sockaddr_storage from;
  socklen_t fromlen;
  struct sockaddr_in to;
  char buf[4096];
  struct addrinfo hints, *res;
  struct ac_task *t;
  int out;
  union {
    struct ac_udp_send_to__frame send;
    struct ac_udp_recv_from__frame recv;
    struct ac_fd_readable__frame rdy;
    struct ac_fd_writable__frame wdy;
    struct ac_getaddrinfo__frame dns;
    struct ac_tcp_connect__frame conn;
    struct ac_tcp_accept__frame acc;
    struct ac_task_join__frame join;
  } aw;
  struct ac_yield__frame y;
};

static ac_poll udp_root__poll(void *p, struct ac_cx *cx) {
  struct misc_root *f = p;
  CO_BEGIN(f);
  /* recv first: it must wait for the datagram */
  f->fromlen = sizeof f->from;
  ac_udp_recv_from__init(&f->aw.recv, f->b, f->buf, sizeof f->buf, &f->from, &f->fromlen);
  ASSERT_INT_EQ(ac_udp_recv_from__poll(&f->aw.recv, cx), AC_PENDING);
  ac_udp_recv_from__drop(&f->aw.recv);
  f->to = (struct sockaddr_in){.sin_family = AF_INET, .sin_port = htons(port_of(f->b)),
                               .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
  for (f->i = 0; f->i < 3; f->i++) {
    AWAIT(f, ac_udp_send_to, f->aw.send, f->a, "ping!", 4 + (size_t)f->i,
          (struct sockaddr *)&f->to, sizeof f->to);
    ASSERT_INT_EQ(f->aw.send.ac_result, 4 + f->i);
  }
  for (f->i = 0; f->i < 3; f->i++) { /* three datagrams, three reads */
    f->fromlen = sizeof f->from;
    AWAIT(f, ac_udp_recv_from, f->aw.recv, f->b, f->buf, sizeof f->buf, &f->from, &f->fromlen);
    ASSERT_INT_EQ(f->aw.recv.ac_result, 4 + f->i);
    ASSERT_INT_EQ(memcmp(f->buf, "ping!", 4 + (size_t)f->i), 0);
    ASSERT_INT_EQ(ntohs(((struct sockaddr_in *)&f->from)->sin_port), port_of(f->a));
  }
  CO_END(f);
}

TEST_IMPL(net_udp_round_trip) {
  struct misc_root f = {0};
  f.a = ac_udp_bind("127.0.0.1", 0);
  f.b = ac_udp_bind("127.0.0.1", 0);
  ASSERT_TRUE(f.a >= 0 && f.b >= 0);
  run(&f, udp_root__poll);
  ac_close(f.a);
  ac_close(f.b);
}

/* async int pipe_writer(int fd): yields, then writes one byte */
struct pipe_writer {
  int co, fd;
  struct ac_yield__frame y;
  struct ac_write__frame wr;
  int ac_result;
};

static ac_poll pipe_writer__poll(void *p, struct ac_cx *cx) {
  struct pipe_writer *f = p;
  CO_BEGIN(f);
  YIELD(f, f->y);
  AWAIT(f, ac_write, f->wr, f->fd, "!", 1);
  f->ac_result = (int)f->wr.ac_result;
  CO_END(f);
}

static const struct ac_spawn_desc pipe_writer__spawn =
    SPAWN_DESC(pipe_writer, pipe_writer__poll, NULL);

static ac_poll pipe_root__poll(void *p, struct ac_cx *cx) {
  struct misc_root *f = p;
  CO_BEGIN(f);
  {
    struct pipe_writer *w = ac_spawn_alloc(&pipe_writer__spawn, &f->t);
    w->co = 0;
    w->fd = f->p[1];
    ac_spawn_start(f->t);
  }
  ac_fd_readable__init(&f->aw.rdy, f->p[0]);
  ASSERT_INT_EQ(ac_fd_readable__poll(&f->aw.rdy, cx), AC_PENDING);
  RESUME(f);
  if (ac_fd_readable__poll(&f->aw.rdy, cx) == AC_PENDING)
    return AC_PENDING;
  ASSERT_INT_EQ(f->aw.rdy.ac_result, 0);
  ASSERT_INT_EQ(read(f->p[0], f->buf, sizeof f->buf), 1);
  AWAIT(f, ac_task_join, f->aw.join, f->t, &f->out);
  ASSERT_INT_EQ(f->out, 1);
  /* writable: ready now; after filling the pipe, only once drained */
  AWAIT(f, ac_fd_writable, f->aw.wdy, f->p[1]);
  ASSERT_INT_EQ(f->aw.wdy.ac_result, 0);
  while (write(f->p[1], f->buf, sizeof f->buf) > 0) {
  }
  ac_fd_writable__init(&f->aw.wdy, f->p[1]);
  ASSERT_INT_EQ(ac_fd_writable__poll(&f->aw.wdy, cx), AC_PENDING);
  while (read(f->p[0], f->buf, sizeof f->buf) > 0) {
  }
  RESUME(f);
  if (ac_fd_writable__poll(&f->aw.wdy, cx) == AC_PENDING)
    return AC_PENDING;
  ASSERT_INT_EQ(f->aw.wdy.ac_result, 0);
  /* a bad fd */
  AWAIT(f, ac_fd_readable, f->aw.rdy, 100000);
  ASSERT_INT_EQ(f->aw.rdy.ac_result, -EBADF);
  CO_END(f);
}

TEST_IMPL(net_pipe_readiness) {
  struct misc_root f = {0};
  ASSERT_INT_EQ(pipe2(f.p, O_NONBLOCK | O_CLOEXEC), 0);
  run(&f, pipe_root__poll);
  ASSERT_UINT_EQ(ac__spawn_allocated(), 0);
  ac_close(f.p[0]);
  ac_close(f.p[1]);
}

static ac_poll dns_root__poll(void *p, struct ac_cx *cx) {
  struct misc_root *f = p;
  CO_BEGIN(f);
  f->hints.ai_socktype = SOCK_STREAM;
  AWAIT(f, ac_getaddrinfo, f->aw.dns, "localhost", "80", &f->hints, &f->res);
  ASSERT_INT_EQ(f->aw.dns.ac_result, 0);
  ASSERT_TRUE(f->res != NULL);
  for (struct addrinfo *ai = f->res; ai; ai = ai->ai_next) {
    if (ai->ai_family == AF_INET)
      ASSERT_UINT_EQ(ntohl(((struct sockaddr_in *)ai->ai_addr)->sin_addr.s_addr) >> 24, 127);
    ASSERT_UINT_EQ(ntohs(((struct sockaddr_in *)ai->ai_addr)->sin_port), 80);
  }
  freeaddrinfo(f->res);
  AWAIT(f, ac_getaddrinfo, f->aw.dns, "no-such-host.invalid", NULL, NULL, &f->res);
  ASSERT_TRUE(f->aw.dns.ac_result != 0);
  ASSERT_NULL(f->res);
  /* connect by name */
  AWAIT(f, ac_tcp_connect, f->aw.conn, "localhost", port_of(f->a));
  f->i = f->aw.conn.ac_result;
  ASSERT_TRUE(f->i >= 0);
  AWAIT(f, ac_tcp_accept, f->aw.acc, f->a);
  ASSERT_TRUE(f->aw.acc.ac_result >= 0);
  ac_close(f->aw.acc.ac_result);
  ac_close(f->i);
  CO_END(f);
}

TEST_IMPL(net_dns_localhost) {
  struct misc_root f = {0};
  f.a = ac_tcp_listen("localhost", 0, 8);
  ASSERT_TRUE(f.a >= 0);
  run(&f, dns_root__poll);
  ac_close(f.a);
}

/* Blocking-pool leaves dropped while queued (the pool is held busy) and
 * while running. */
static atomic_int gate;
static void *hold_pool(void *arg) {
  while (!atomic_load(&gate)) {
    struct timespec ts = {0, 1000000};
    nanosleep(&ts, NULL);
  }
  return arg;
}

static void *write_later(void *arg) {
  struct timespec ts = {0, 50 * 1000000};
  nanosleep(&ts, NULL);
  ASSERT_INT_EQ(write(*(int *)arg, "late", 4), 4);
  return NULL;
}

struct pool_root {
  int co, fd, p[2];
  char path[64], buf[64];
  struct addrinfo *res;
  unsigned long long t0;
  struct ac_spawn_blocking__frame hold;
  struct ac_sleep_ms__frame sl;
  union {
    struct ac_getaddrinfo__frame dns;
    struct ac_file_read__frame rd;
    struct ac_file_write__frame wr;
    struct ac_file_open__frame op;
  } aw;
};

static ac_poll pool_root__poll(void *p, struct ac_cx *cx) {
  struct pool_root *f = p;
  CO_BEGIN(f);
  AWAIT(f, ac_file_open, f->aw.op, f->path, O_RDWR | O_CREAT | O_TRUNC, 0600);
  f->fd = f->aw.op.ac_result;
  ASSERT_TRUE(f->fd >= 0);
  AWAIT(f, ac_file_write, f->aw.wr, f->fd, "hello, file", 11, 0);
  ASSERT_INT_EQ(f->aw.wr.ac_result, 11);
  AWAIT(f, ac_file_write, f->aw.wr, f->fd, "F", 1, 7);
  AWAIT(f, ac_file_read, f->aw.rd, f->fd, f->buf, sizeof f->buf, 0);
  ASSERT_INT_EQ(f->aw.rd.ac_result, 11);
  ASSERT_INT_EQ(memcmp(f->buf, "hello, File", 11), 0);
  AWAIT(f, ac_file_read, f->aw.rd, f->fd, f->buf, sizeof f->buf, 100);
  ASSERT_INT_EQ(f->aw.rd.ac_result, 0);
  AWAIT(f, ac_file_read, f->aw.rd, -1, f->buf, sizeof f->buf, 0);
  ASSERT_INT_EQ(f->aw.rd.ac_result, -EBADF);
  AWAIT(f, ac_file_open, f->aw.op, "/nonexistent/x", O_RDONLY, 0);
  ASSERT_INT_EQ(f->aw.op.ac_result, -ENOENT);

  /* Queued behind a job holding the only pool thread, then dropped. */
  ac_blocking_set_max_threads(1);
  ac_spawn_blocking__init(&f->hold, hold_pool, NULL);
  ASSERT_INT_EQ(ac_spawn_blocking__poll(&f->hold, cx), AC_PENDING);
  memset(f->buf, 'z', sizeof f->buf);
  ac_file_read__init(&f->aw.rd, f->fd, f->buf, sizeof f->buf, 0);
  ASSERT_INT_EQ(ac_file_read__poll(&f->aw.rd, cx), AC_PENDING);
  ac_file_read__drop(&f->aw.rd);
  ac_file_write__init(&f->aw.wr, f->fd, "X", 1, 0);
  ASSERT_INT_EQ(ac_file_write__poll(&f->aw.wr, cx), AC_PENDING);
  ac_file_write__drop(&f->aw.wr);
  ac_file_open__init(&f->aw.op, f->path, O_RDONLY, 0);
  ASSERT_INT_EQ(ac_file_open__poll(&f->aw.op, cx), AC_PENDING);
  ac_file_open__drop(&f->aw.op);
  ac_getaddrinfo__init(&f->aw.dns, "localhost", NULL, NULL, &f->res);
  ASSERT_INT_EQ(ac_getaddrinfo__poll(&f->aw.dns, cx), AC_PENDING);
  ac_getaddrinfo__drop(&f->aw.dns);
  atomic_store(&gate, 1);
  RESUME(f);
  if (ac_spawn_blocking__poll(&f->hold, cx) == AC_PENDING)
    return AC_PENDING;
  ASSERT_INT_EQ(f->buf[0], 'z'); /* the dropped read never ran */
  ASSERT_INT_EQ(pread(f->fd, f->buf, 1, 0), 1);
  ASSERT_INT_EQ(f->buf[0], 'h'); /* nor the dropped write */

  /* Running: a read blocked until another thread writes. */
  ASSERT_INT_EQ(pipe2(f->p, O_CLOEXEC), 0);
  ac_file_read__init(&f->aw.rd, f->p[0], f->buf, sizeof f->buf, -1);
  ASSERT_INT_EQ(ac_file_read__poll(&f->aw.rd, cx), AC_PENDING);
  if (ac__uring_takes_ops(&cx->driver->io)) {
    /* Through the ring: in flight once a park submitted it; the drop
     * cancels and returns at once, and the kernel, which reads into the
     * operation's own buffer, never writes f->buf, even when the data
     * comes before the cancel goes in. */
    AWAIT(f, ac_sleep_ms, f->sl, 20); /* parks: submitted */
    ac_file_read__drop(&f->aw.rd);
    ASSERT_INT_EQ(write(f->p[1], "late", 4), 4);
    AWAIT(f, ac_sleep_ms, f->sl, 20); /* the cancel goes in, the completion comes */
    ASSERT_INT_EQ(f->buf[0], 'h');
  } else {
    /* On the pool: the drop waits for it (the buffer is ours). */
    pthread_t th;
    struct timespec ts = {0, 10 * 1000000};
    f->t0 = test_now_ms();
    ASSERT_INT_EQ(pthread_create(&th, NULL, write_later, &f->p[1]), 0);
    nanosleep(&ts, NULL); /* the pool thread is in read() by now */
    ac_file_read__drop(&f->aw.rd);
    ASSERT_UINT_GE(test_now_ms() - f->t0, 30);
    ASSERT_INT_EQ(memcmp(f->buf, "late", 4), 0);
    pthread_join(th, NULL);
  }
  /* A running lookup is abandoned, not waited for. */
  ac_getaddrinfo__init(&f->aw.dns, "localhost", NULL, NULL, &f->res);
  if (ac_getaddrinfo__poll(&f->aw.dns, cx) == AC_PENDING)
    ac_getaddrinfo__drop(&f->aw.dns);
  else
    freeaddrinfo(f->res);
  close(f->p[0]);
  close(f->p[1]);
  close(f->fd);
  CO_END(f);
}

TEST_IMPL(fs_and_dns_on_the_pool) {
  struct pool_root f = {0};
  snprintf(f.path, sizeof f.path, "/tmp/asyncc-fs-%d", (int)getpid());
  gate = 0;
  run(&f, pool_root__poll);
  unlink(f.path);
  ac_blocking_set_max_threads(AC_BLOCKING_DEFAULT_MAX);
  /* Let the abandoned lookup finish, so LSan sees its job freed. */
  for (int i = 0; i < 200 && ac_blocking_thread_count() > 0; i++) {
    struct timespec ts = {0, 10 * 1000000};
    nanosleep(&ts, NULL);
  }
}

/* ============================================================ signals */

/* async int sig_waiter(int signo) */
struct sig_waiter {
  int co, signo;
  struct ac_signal__frame s;
  int ac_result;
};

static atomic_int sig_waiting; /* waiters past their first poll */

static ac_poll sig_waiter__poll(void *p, struct ac_cx *cx) {
  struct sig_waiter *f = p;
  CO_BEGIN(f);
  ac_signal__init(&f->s, f->signo);
  if (ac_signal__poll(&f->s, cx) == AC_PENDING) {
    atomic_fetch_add(&sig_waiting, 1); /* counting arrivals from now on */
    f->co = __LINE__ + 2;
    return AC_PENDING;
  case __LINE__:
    if (ac_signal__poll(&f->s, cx) == AC_PENDING)
      return AC_PENDING;
  }
  f->ac_result = f->s.ac_result;
  CO_END(f);
}

static const struct ac_spawn_desc sig_waiter__spawn =
    SPAWN_DESC(sig_waiter, sig_waiter__poll, NULL);

struct sig_root {
  int co, out;
  struct ac_task *t[3];
  struct ac_yield__frame y;
  union {
    struct ac_signal__frame s;
    struct ac_task_join__frame join;
  } aw;
};

static struct ac_task *spawn_sig_waiter(int signo) {
  struct ac_task *t;
  struct sig_waiter *w = ac_spawn_alloc(&sig_waiter__spawn, &t);
  w->co = 0;
  w->signo = signo;
  ac_spawn_start(t);
  return t;
}

static ac_poll sig_root__poll(void *p, struct ac_cx *cx) {
  struct sig_root *f = p;
  CO_BEGIN(f);
  AWAIT(f, ac_signal, f->aw.s, SIGKILL);
  ASSERT_INT_EQ(f->aw.s.ac_result, -EINVAL);
  f->t[0] = spawn_sig_waiter(SIGUSR1);
  f->t[1] = spawn_sig_waiter(SIGUSR1);
  f->t[2] = spawn_sig_waiter(SIGINT);
  while (atomic_load(&sig_waiting) < 3) /* all three wait now */
    YIELD(f, f->y);
  ASSERT_INT_EQ(kill(getpid(), SIGUSR1), 0);
  AWAIT(f, ac_task_join, f->aw.join, f->t[0], &f->out);
  ASSERT_INT_EQ(f->out, 0);
  AWAIT(f, ac_task_join, f->aw.join, f->t[1], &f->out);
  ASSERT_INT_EQ(f->out, 0);
  ASSERT_INT_EQ(raise(SIGINT), 0); /* would kill the process by default */
  AWAIT(f, ac_task_join, f->aw.join, f->t[2], &f->out);
  ASSERT_INT_EQ(f->out, 0);
  CO_END(f);
}

TEST_IMPL(signal_wakes_every_waiter) {
  struct sig_root f = {0};
  run(&f, sig_root__poll);
}

/* ===================================================== pipe as a stream */

#define PIPE_CHUNKS 5000

/* async int pipe_producer(int fd): PIPE_CHUNKS writes of 1..1000 bytes */
struct pipe_producer {
  int co, fd, i;
  long off;
  size_t len;
  unsigned char chunk[1000];
  struct ac_write_all__frame wr;
  int ac_result;
};

static ac_poll pipe_producer__poll(void *p, struct ac_cx *cx) {
  struct pipe_producer *f = p;
  CO_BEGIN(f);
  for (f->i = 0; f->i < PIPE_CHUNKS; f->i++) {
    f->len = 1 + (size_t)(f->i * 37) % 1000;
    for (size_t k = 0; k < f->len; k++)
      f->chunk[k] = pattern(7, 0, (size_t)f->off + k);
    AWAIT(f, ac_write_all, f->wr, f->fd, f->chunk, f->len);
    ASSERT_INT_EQ(f->wr.ac_result, (long)f->len);
    f->off += (long)f->len;
  }
  ASSERT_INT_EQ(ac_close(f->fd), 0); /* the reader sees EOF */
  f->ac_result = 0;
  CO_END(f);
}

static const struct ac_spawn_desc pipe_producer__spawn =
    SPAWN_DESC(pipe_producer, pipe_producer__poll, NULL);

struct pipe_stream_root {
  int co, p[2], out;
  long off, n;
  struct ac_task *t;
  unsigned char buf[4096];
  union {
    struct ac_read__frame rd;
    struct ac_task_join__frame join;
  } aw;
};

/* Reads with a 4 KiB buffer while the producer writes odd-sized chunks:
 * short reads mark the (auto-detected) pipe drained, and every later byte
 * must still arrive through the next edge. */
static ac_poll pipe_stream_root__poll(void *p, struct ac_cx *cx) {
  struct pipe_stream_root *f = p;
  CO_BEGIN(f);
  {
    struct pipe_producer *w = ac_spawn_alloc(&pipe_producer__spawn, &f->t);
    memset(w, 0, sizeof *w);
    w->fd = f->p[1];
    ac_spawn_start(f->t);
  }
  for (;;) {
    AWAIT(f, ac_read, f->aw.rd, f->p[0], f->buf, sizeof f->buf);
    f->n = f->aw.rd.ac_result;
    ASSERT_TRUE(f->n >= 0);
    if (f->n == 0)
      break;
    for (long k = 0; k < f->n; k++)
      ASSERT_UINT_EQ(f->buf[k], pattern(7, 0, (size_t)(f->off + k)));
    f->off += f->n;
  }
  ASSERT_TRUE(ac__io_reg_has(reg(f->p[0]), AC__IO_STREAM));
  ASSERT_TRUE(!ac__io_reg_has(reg(f->p[0]), AC__IO_SOCKET)); /* a pipe: read(2) */
  AWAIT(f, ac_task_join, f->aw.join, f->t, &f->out);
  ASSERT_INT_EQ(f->out, 0);
  CO_END(f);
}

/* Stream sockets are read and written with recv/send: found at the first
 * wait for a socketpair, set by the TCP calls for theirs.  A stale SOCKET
 * flag (an fd number closed with close() and reused by a pipe) costs one
 * ENOTSOCK, and the bytes still arrive. */
struct socket_flag_root {
  int co, sv[2], p[2];
  char buf[8];
  union {
    struct ac_read__frame rd;
    struct ac_write_all__frame wa;
  } aw;
};

static ac_poll socket_flag_root__poll(void *p, struct ac_cx *cx) {
  struct socket_flag_root *f = p;
  CO_BEGIN(f);
  ASSERT_TRUE(!ac__io_reg_has(reg(f->sv[0]), AC__IO_SOCKET));
  AWAIT(f, ac_read, f->aw.rd, f->sv[0], f->buf, sizeof f->buf); /* waits: registers */
  ASSERT_INT_EQ(f->aw.rd.ac_result, 3);
  ASSERT_TRUE(memcmp(f->buf, "abc", 3) == 0);
  ASSERT_TRUE(ac__io_reg_has(reg(f->sv[0]), AC__IO_STREAM));
  ASSERT_TRUE(ac__io_reg_has(reg(f->sv[0]), AC__IO_SOCKET));
  AWAIT(f, ac_write_all, f->aw.wa, f->sv[0], "xyz", 3); /* send(2) */
  ASSERT_INT_EQ(f->aw.wa.ac_result, 3);
  /* a pipe wrongly flagged as a socket */
  ac__io_mark_tcp(f->p[0]);
  ac__io_mark_tcp(f->p[1]);
  AWAIT(f, ac_write_all, f->aw.wa, f->p[1], "pq", 2);
  ASSERT_INT_EQ(f->aw.wa.ac_result, 2);
  ASSERT_TRUE(!ac__io_reg_has(reg(f->p[1]), AC__IO_SOCKET));
  AWAIT(f, ac_read, f->aw.rd, f->p[0], f->buf, sizeof f->buf);
  ASSERT_INT_EQ(f->aw.rd.ac_result, 2);
  ASSERT_TRUE(memcmp(f->buf, "pq", 2) == 0);
  ASSERT_TRUE(!ac__io_reg_has(reg(f->p[0]), AC__IO_SOCKET));
  CO_END(f);
}

/* Writes once the reader waits (a fixed delay lost the race on a loaded
 * machine under TSan: the read found the bytes and never registered). */
static void *write_abc_later(void *p) {
  int *sv = p;
  for (int i = 0; i < 5000 && !ac__io_has_waiter(sv[0], AC__IO_READ); i++)
    usleep(1000);
  ASSERT_INT_EQ(write(sv[1], "abc", 3), 3);
  return NULL;
}

TEST_IMPL(net_stream_sockets_use_recv_send) {
  struct socket_flag_root f = {0};
  pthread_t writer;
  char back[4] = {0};
  ASSERT_INT_EQ(socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, f.sv), 0);
  ASSERT_INT_EQ(pipe2(f.p, O_NONBLOCK | O_CLOEXEC), 0);
  ASSERT_INT_EQ(pthread_create(&writer, NULL, write_abc_later, f.sv), 0);
  run(&f, socket_flag_root__poll);
  ASSERT_INT_EQ(pthread_join(writer, NULL), 0);
  ASSERT_INT_EQ(read(f.sv[1], back, 3), 3);
  ASSERT_TRUE(strcmp(back, "xyz") == 0);
  ac_close(f.sv[0]);
  close(f.sv[1]);
  ac_close(f.p[0]);
  ac_close(f.p[1]);
}

/* The buffered reader reads a stream socket with recv, as ac_read does:
 * shown on a pipe wrongly flagged as a socket, where the recv costs one
 * ENOTSOCK, which drops the flag (a read(2) would leave it), and the bytes
 * still arrive.  Both of its syscalls: filling the buffer, and reading past
 * it straight into the caller's memory. */
struct bufreader_recv_root {
  int co, p[2];
  struct ac_bufreader r;
  char big[64];
  union {
    struct ac_fill_buf__frame fill;
    struct ac_read_buffered__frame rb;
  } aw;
};

static ac_poll bufreader_recv_root__poll(void *p, struct ac_cx *cx) {
  struct bufreader_recv_root *f = p;
  CO_BEGIN(f);
  ac__io_mark_tcp(f->p[0]);
  ASSERT_INT_EQ(write(f->p[1], "hello", 5), 5);
  AWAIT(f, ac_fill_buf, f->aw.fill, &f->r, 5);
  ASSERT_INT_EQ(f->aw.fill.ac_result, 5);
  ASSERT_TRUE(memcmp(ac_bufreader_data(&f->r), "hello", 5) == 0);
  ASSERT_TRUE(!ac__io_reg_has(reg(f->p[0]), AC__IO_SOCKET));
  ac__io_mark_tcp(f->p[0]);
  ASSERT_INT_EQ(write(f->p[1], "world", 5), 5);
  AWAIT(f, ac_read_buffered, f->aw.rb, &f->r, f->big, 10); /* 5 buffered, 5 direct */
  ASSERT_INT_EQ(f->aw.rb.ac_result, 10);
  ASSERT_TRUE(memcmp(f->big, "helloworld", 10) == 0);
  ASSERT_TRUE(!ac__io_reg_has(reg(f->p[0]), AC__IO_SOCKET));
  CO_END(f);
}

TEST_IMPL(net_bufreader_reads_with_recv) {
  struct bufreader_recv_root f = {0};
  ASSERT_INT_EQ(pipe2(f.p, O_NONBLOCK | O_CLOEXEC), 0);
  ASSERT_INT_EQ(ac_bufreader_init(&f.r, f.p[0], 8), 0);
  run(&f, bufreader_recv_root__poll);
  ac_bufreader_free(&f.r);
  ac_close(f.p[0]);
  close(f.p[1]);
}

/* ASYNCC_PARK_SPIN_US: a park about to sleep looks without blocking
 * first.  A byte written while the reader's runtime spins is seen without
 * sleeping in the reactor (no blocked park), and the spin is cut at the
 * next timer: a 20 ms sleep with a 1 s spin ends well before 1 s.  The
 * spin is the longest allowed, so that a loaded machine that is slow to
 * run the writer thread still has it write within the spin. */
struct park_spin_root {
  int co, p[2];
  char buf[4];
  uint64_t t0;
  unsigned long blocked;
  union {
    struct ac_read__frame rd;
    struct ac_sleep_ms__frame sl;
  } aw;
};

static ac_poll park_spin_root__poll(void *p, struct ac_cx *cx) {
  struct park_spin_root *f = p;
  CO_BEGIN(f);
  f->blocked = cx->driver->blocked_parks;
  AWAIT(f, ac_read, f->aw.rd, f->p[0], f->buf, sizeof f->buf); /* the writer waits for this */
  ASSERT_INT_EQ(f->aw.rd.ac_result, 3);
  ASSERT_INT_EQ(cx->driver->blocked_parks - f->blocked, 0);
  f->t0 = ac_now_ms();
  AWAIT(f, ac_sleep_ms, f->aw.sl, 20);
  ASSERT_TRUE(ac_now_ms() - f->t0 < 600);
  CO_END(f);
}

TEST_IMPL(net_park_spin_sees_event_without_sleeping) {
  struct park_spin_root f = {0};
  pthread_t writer;
  ASSERT_INT_EQ(setenv("ASYNCC_PARK_SPIN_US", "1000000", 1), 0);
  ASSERT_INT_EQ(pipe2(f.p, O_NONBLOCK | O_CLOEXEC), 0);
  ASSERT_INT_EQ(pthread_create(&writer, NULL, write_abc_later, f.p), 0);
  run(&f, park_spin_root__poll);
  ASSERT_INT_EQ(pthread_join(writer, NULL), 0);
  ASSERT_INT_EQ(unsetenv("ASYNCC_PARK_SPIN_US"), 0);
  ac_close(f.p[0]);
  close(f.p[1]);
}

/* The adaptive spin's rule (park_spin.h), as KVM's halt polling: grow
 * while the sleeps it missed ended by an event within the ceiling, keep
 * the window when the spin catches, drop to 0 after a longer sleep. */
TEST_IMPL(net_park_spin_adapts) {
  struct ac__park_spin s;
  const uint32_t us = 1000;
  ASSERT_INT_EQ(unsetenv("ASYNCC_PARK_SPIN_US"), 0);
  ac__park_spin_init(&s);
  ASSERT_TRUE(s.adaptive && s.window_ns == 0 && s.max_ns == 50 * us);
  ac__park_spin_update(&s, false, true, 5 * us); /* woken 5 us in */
  ASSERT_INT_EQ(s.window_ns, 10 * us);
  ac__park_spin_update(&s, false, true, 30 * us);
  ASSERT_INT_EQ(s.window_ns, 20 * us);
  ac__park_spin_update(&s, true, false, 0); /* caught: kept */
  ASSERT_INT_EQ(s.window_ns, 20 * us);
  ac__park_spin_update(&s, false, true, 50 * us);
  ASSERT_INT_EQ(s.window_ns, 40 * us);
  ac__park_spin_update(&s, false, true, 45 * us);
  ASSERT_INT_EQ(s.window_ns, 50 * us); /* the ceiling */
  ac__park_spin_update(&s, false, true, 45 * us);
  ASSERT_INT_EQ(s.window_ns, 50 * us);
  ac__park_spin_update(&s, false, false, 40 * us); /* a timeout: kept */
  ASSERT_INT_EQ(s.window_ns, 50 * us);
  ac__park_spin_update(&s, false, true, 51 * us); /* the ceiling would not have caught it */
  ASSERT_INT_EQ(s.window_ns, 0);
  ac__park_spin_update(&s, false, false, 5 * us); /* a timer, soon: no growth */
  ASSERT_INT_EQ(s.window_ns, 0);

  ASSERT_INT_EQ(setenv("ASYNCC_PARK_SPIN_US", "0", 1), 0);
  ac__park_spin_init(&s);
  ac__park_spin_update(&s, false, true, 5 * us);
  ASSERT_TRUE(!s.adaptive && s.window_ns == 0); /* 0: never */
  ASSERT_INT_EQ(setenv("ASYNCC_PARK_SPIN_US", "30", 1), 0);
  ac__park_spin_init(&s);
  ac__park_spin_update(&s, false, true, 200 * us);
  ASSERT_TRUE(!s.adaptive && s.window_ns == 30 * us); /* fixed */
  ASSERT_INT_EQ(unsetenv("ASYNCC_PARK_SPIN_US"), 0);
}

/* The default spin through a runtime: a peer thread answers each byte;
 * the park waiting for the answer sleeps at first, its window grows from
 * what it missed until a spin catches an answer (the ceiling raised so
 * that a loaded machine's slow answers are caught too), and a 5 ms timer
 * sleep, longer than the real ceiling, drops the window to 0. */
enum { PEER_ROUNDS = 40 };

struct adaptive_spin_root {
  int co, i, to_peer[2], from_peer[2];
  char byte;
  unsigned long caught;
  union {
    struct ac_read__frame rd;
    struct ac_sleep_ms__frame sl;
  } aw;
};

static void *echo_bytes(void *p) {
  struct adaptive_spin_root *f = p;
  char c;
  for (int i = 0; i < PEER_ROUNDS; i++) {
    ASSERT_INT_EQ(read(f->to_peer[0], &c, 1), 1);
    usleep(100); /* the runtime parks before the answer */
    ASSERT_INT_EQ(write(f->from_peer[1], &c, 1), 1);
  }
  return NULL;
}

static ac_poll adaptive_spin_root__poll(void *p, struct ac_cx *cx) {
  struct adaptive_spin_root *f = p;
  CO_BEGIN(f);
  ASSERT_TRUE(cx->driver->spin.adaptive);
  cx->driver->spin.max_ns = 1000000000u;
  f->caught = cx->driver->caught_parks;
  for (f->i = 0; f->i < PEER_ROUNDS; f->i++) {
    ASSERT_INT_EQ(write(f->to_peer[1], "x", 1), 1);
    AWAIT(f, ac_read, f->aw.rd, f->from_peer[0], &f->byte, 1);
    ASSERT_INT_EQ(f->aw.rd.ac_result, 1);
  }
  ASSERT_TRUE(cx->driver->caught_parks - f->caught > 0);
  ASSERT_TRUE(cx->driver->spin.window_ns > 0);
  cx->driver->spin.max_ns = AC__PARK_SPIN_ADAPTIVE_MAX_US * 1000u;
  AWAIT(f, ac_sleep_ms, f->aw.sl, 5);
  ASSERT_INT_EQ(cx->driver->spin.window_ns, 0);
  CO_END(f);
}

TEST_IMPL(net_park_spin_adaptive_default) {
  struct adaptive_spin_root f = {0};
  pthread_t peer;
  ASSERT_INT_EQ(unsetenv("ASYNCC_PARK_SPIN_US"), 0);
  ASSERT_INT_EQ(pipe2(f.to_peer, O_CLOEXEC), 0);
  ASSERT_INT_EQ(pipe2(f.from_peer, O_NONBLOCK | O_CLOEXEC), 0);
  ASSERT_INT_EQ(pthread_create(&peer, NULL, echo_bytes, &f), 0);
  run(&f, adaptive_spin_root__poll);
  ASSERT_INT_EQ(pthread_join(peer, NULL), 0);
  close(f.to_peer[0]);
  close(f.to_peer[1]);
  ac_close(f.from_peer[0]);
  close(f.from_peer[1]);
}

/* A wake from another thread while the runtime spins: the spin takes the
 * unpark (the reactor drains its eventfd) and must end the park there,
 * though no fd fired; a spin that went on looking would then sleep with
 * the wake consumed.  The spin is fixed at 1 s, no timer is armed; the
 * thread notifies once the task waits, and unparks the runtime again if
 * the task has not run 3 s later (a missed wake; a second notify would
 * not: the task is already queued), so that the test ends either way. */
struct spin_unpark_root {
  int co;
  struct ac__driver *_Atomic driver;
  struct ac_notify n;
  _Atomic int woke, missed;
  struct ac_notified__frame nf;
};

static void *notify_while_spinning(void *p) {
  struct spin_unpark_root *f = p;
  usleep(20000); /* the task waits, the runtime spins */
  ac_notify_one(&f->n);
  for (int i = 0; i < 3000 && !atomic_load(&f->woke); i++)
    usleep(1000);
  if (!atomic_load(&f->woke)) {
    atomic_store(&f->missed, 1);
    ac__driver_unpark(atomic_load(&f->driver));
  }
  return NULL;
}

static ac_poll spin_unpark_root__poll(void *p, struct ac_cx *cx) {
  struct spin_unpark_root *f = p;
  CO_BEGIN(f);
  atomic_store(&f->driver, cx->driver);
  AWAIT(f, ac_notified, f->nf, &f->n);
  atomic_store(&f->woke, 1);
  CO_END(f);
}

TEST_IMPL(net_park_spin_ends_at_unpark) {
  struct spin_unpark_root f = {0};
  pthread_t t;
  ac_notify_init(&f.n);
  ASSERT_INT_EQ(setenv("ASYNCC_PARK_SPIN_US", "1000000", 1), 0);
  ASSERT_INT_EQ(pthread_create(&t, NULL, notify_while_spinning, &f), 0);
  run(&f, spin_unpark_root__poll);
  ASSERT_INT_EQ(pthread_join(t, NULL), 0);
  ASSERT_INT_EQ(unsetenv("ASYNCC_PARK_SPIN_US"), 0);
  int missed = atomic_load(&f.missed);
  ASSERT_INT_EQ(missed, 0);
}

TEST_IMPL(net_pipe_stream_transfer) {
  static struct pipe_stream_root f;
  long total = 0;
  memset(&f, 0, sizeof f);
  ASSERT_INT_EQ(pipe2(f.p, O_NONBLOCK | O_CLOEXEC), 0);
  run(&f, pipe_stream_root__poll);
  for (int i = 0; i < PIPE_CHUNKS; i++)
    total += 1 + (i * 37) % 1000;
  ASSERT_INT_EQ(f.off, total);
  ac_close(f.p[0]);
}
