/* ac_file_open through the ring (IORING_OP_OPENAT) and on the pool: the
 * same results either way, and no fd leaked by a dropped open, whenever
 * its completion comes (docs/runtime.md, "The io_uring backend").  ctest
 * runs these once per backend (unit*_uring.* with ASYNCC_IO=uring). */
#define _GNU_SOURCE
#include "test.h"

#include "driver.h"
#include "reactor_uring.h"
#include "task.h"

#include <asyncc/asyncc.h>
#include <asyncc/blocking.h>
#include <asyncc/fs.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <liburing.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#define CO_BEGIN(f)                                                            \
  switch ((f)->co) {                                                           \
  default:                                                                     \
    TEST_FAIL_("resumed at unknown line %d", (f)->co);                         \
  case 0:
#define CO_END(f)                                                              \
  }                                                                            \
  (f)->co = -1;                                                                \
  return AC_READY

/* Awaits leaf 'fr' (initialised by the caller), 'which' telling a drop
 * what is live. */
#define AWAIT_AS(f, which, leaf, fr)                                           \
  do {                                                                         \
    (f)->pending = (which);                                                    \
    (f)->co = __LINE__;                                                        \
    /* fallthrough */                                                          \
    case __LINE__:                                                             \
      if (leaf##__poll(&(fr), cx) == AC_PENDING)                               \
        return AC_PENDING;                                                     \
      (f)->pending = 0;                                                        \
  } while (0)
#define AWAIT(f, leaf, fr, ...)                                                \
  do {                                                                         \
    leaf##__init(&(fr), __VA_ARGS__);                                          \
    AWAIT_AS(f, 0, leaf, fr);                                                  \
  } while (0)

/* Open fds of this process. */
static int fd_count(void) {
  DIR *d = opendir("/proc/self/fd");
  int n = 0;
  ASSERT_TRUE(d != NULL);
  while (readdir(d))
    n++;
  closedir(d);
  return n;
}

/* Whether the runtime has a ring: not refused (ASYNCC_IO=epoll), and the
 * kernel lets this process set one up. */
static bool ring_expected(void) {
  const char *io = getenv("ASYNCC_IO");
  struct io_uring ring;
  if ((io && strcmp(io, "epoll") == 0) || io_uring_queue_init(2, &ring, 0) != 0)
    return false;
  io_uring_queue_exit(&ring);
  return true;
}

/* ------------------------------------------------------------ results
 * Each error of open(2) as the pool gives it, a created file read back
 * through the fd the open returned, O_CLOEXEC added; then the three drop
 * cases, each leaving the process's fds as they were. */
struct open_root {
  int co, pending, fd, fd2, turns, fds;
  char dir[40], file[48], fifo[64], path[64], buf[16];
  bool ring, batched;
  struct ac_sleep_ms__frame sl;
  union {
    struct ac_file_open__frame op;
    struct ac_file_read__frame rd;
    struct ac_file_write__frame wr;
  } aw;
};

/* Awaits the process's fds coming back to f->fds, for up to a second: a
 * dropped open that the ring's cancel came too late for has its fd closed
 * when its completion arrives, which may be after the drop returned. */
#define AWAIT_FDS_BACK(f)                                                      \
  do {                                                                         \
    for ((f)->turns = 0; (f)->turns < 200; (f)->turns++) {                     \
      if (fd_count() == (f)->fds)                                              \
        break;                                                                 \
      AWAIT(f, ac_sleep_ms, (f)->sl, 5);                                       \
    }                                                                          \
    ASSERT_TRUE((f)->turns < 200);                                             \
  } while (0)

static ac_poll open_root__poll(void *p, struct ac_cx *cx) {
  struct open_root *f = p;
  CO_BEGIN(f);
  f->ring = ac__uring_takes_ops(&cx->driver->io);
  f->batched = ac__uring_owned_here(&cx->driver->io);
  AWAIT(f, ac_file_open, f->aw.op, f->file, O_RDWR | O_CREAT | O_EXCL, 0640);
  f->fd = f->aw.op.ac_result;
  ASSERT_TRUE(f->fd >= 0);
  ASSERT_INT_EQ(fcntl(f->fd, F_GETFD), FD_CLOEXEC);
  AWAIT(f, ac_file_write, f->aw.wr, f->fd, "opened", 6, 0);
  ASSERT_INT_EQ(f->aw.wr.ac_result, 6);
  AWAIT(f, ac_file_open, f->aw.op, f->file, O_RDWR | O_CREAT | O_EXCL, 0640);
  ASSERT_INT_EQ(f->aw.op.ac_result, -EEXIST);
  AWAIT(f, ac_file_open, f->aw.op, f->file, O_RDONLY | O_DIRECTORY, 0);
  ASSERT_INT_EQ(f->aw.op.ac_result, -ENOTDIR);
  AWAIT(f, ac_file_open, f->aw.op, "/nonexistent/x", O_RDONLY, 0);
  ASSERT_INT_EQ(f->aw.op.ac_result, -ENOENT);
  AWAIT(f, ac_file_open, f->aw.op, f->dir, O_RDONLY | O_DIRECTORY, 0);
  ASSERT_TRUE(f->aw.op.ac_result >= 0);
  close(f->aw.op.ac_result);
  AWAIT(f, ac_file_open, f->aw.op, "", O_RDONLY, 0);
  ASSERT_INT_EQ(f->aw.op.ac_result, -ENOENT);
  {
    struct stat st; /* the mode given (umask 022) */
    ASSERT_INT_EQ(fstat(f->fd, &st), 0);
    ASSERT_INT_EQ(st.st_mode & 0777, 0640);
  }
  /* Read back through a second open; its path is read at the first poll
   * only, so the caller's string may change (or go) from then on. */
  snprintf(f->path, sizeof f->path, "%s", f->file);
  ac_file_open__init(&f->aw.op, f->path, O_RDONLY, 0);
  if (ac_file_open__poll(&f->aw.op, cx) == AC_PENDING) {
    if (f->ring) /* the pool thread reads the frame's string when it runs */
      snprintf(f->path, sizeof f->path, "/nonexistent/y");
    AWAIT_AS(f, 0, ac_file_open, f->aw.op);
  }
  f->fd2 = f->aw.op.ac_result;
  ASSERT_TRUE(f->fd2 >= 0);
  AWAIT(f, ac_file_read, f->aw.rd, f->fd2, f->buf, sizeof f->buf, -1);
  ASSERT_INT_EQ(f->aw.rd.ac_result, 6);
  ASSERT_INT_EQ(memcmp(f->buf, "opened", 6), 0);
  close(f->fd2);
  f->fds = fd_count();

  /* Dropped in the turn that queued it: a current-thread ring rewrites it
   * into a NOP, which never creates the file, and whose result 0 is not
   * an fd (stdin stays open).  The pool may have run it: nothing asserted
   * but the fds. */
  snprintf(f->path, sizeof f->path, "%s.new", f->file);
  ac_file_open__init(&f->aw.op, f->path, O_RDWR | O_CREAT | O_EXCL, 0600);
  if (ac_file_open__poll(&f->aw.op, cx) == AC_PENDING)
    ac_file_open__drop(&f->aw.op);
  else
    close(f->aw.op.ac_result);
  AWAIT(f, ac_sleep_ms, f->sl, 20); /* parks: the NOP is submitted, completes */
  if (f->batched)
    ASSERT_INT_EQ(access(f->path, F_OK), -1);
  unlink(f->path);
  ASSERT_TRUE(fcntl(0, F_GETFD) >= 0);
  AWAIT_FDS_BACK(f);

  /* Finished (its completion reaped by the park) but dropped before its
   * task took the fd: the drop closes it. */
  ac_file_open__init(&f->aw.op, f->file, O_RDONLY, 0);
  if (ac_file_open__poll(&f->aw.op, cx) == AC_PENDING) {
    AWAIT(f, ac_sleep_ms, f->sl, 20);
    ac_file_open__drop(&f->aw.op);
  } else {
    close(f->aw.op.ac_result);
  }
  ASSERT_INT_EQ(fd_count(), f->fds);

  /* In the kernel when dropped, and finished with an fd after the drop:
   * an open of a FIFO for reading waits for a writer; the writer comes,
   * then the drop, before any park could reap the completion.  The
   * cancel is too late: the completion path closes the fd.  (On the pool
   * the drop waits for the running open and closes its fd.) */
  ac_file_open__init(&f->aw.op, f->fifo, O_RDONLY, 0);
  ASSERT_INT_EQ(ac_file_open__poll(&f->aw.op, cx), AC_PENDING);
  for (f->turns = 0; f->turns < 1000; f->turns++) {
    AWAIT(f, ac_sleep_ms, f->sl, 1); /* parks: the open goes in */
    /* as open(2): waits for a writer, not failing nor returning at once */
    ASSERT_INT_EQ(ac_file_open__poll(&f->aw.op, cx), AC_PENDING);
    f->fd2 = open(f->fifo, O_WRONLY | O_NONBLOCK | O_CLOEXEC);
    if (f->fd2 >= 0)
      break;
    ASSERT_INT_EQ(errno, ENXIO); /* no reader in the open yet */
  }
  ASSERT_TRUE(f->fd2 >= 0);
  ac_file_open__drop(&f->aw.op);
  /* The FIFO has a reader while the open runs or its fd is open: a write
   * fails with EPIPE once the completion has closed it. */
  for (f->turns = 0; f->turns < 200; f->turns++) {
    if (write(f->fd2, "x", 1) < 0 && errno == EPIPE)
      break;
    AWAIT(f, ac_sleep_ms, f->sl, 5);
  }
  ASSERT_TRUE(f->turns < 200);
  close(f->fd2);
  ASSERT_INT_EQ(fd_count(), f->fds);
  close(f->fd);
  CO_END(f);
}

static void open_run(unsigned workers) {
  struct open_root f = {0};
  int fds;
  snprintf(f.dir, sizeof f.dir, "/tmp/asyncc-ring-open-%d", (int)getpid());
  ASSERT_INT_EQ(mkdir(f.dir, 0700), 0);
  snprintf(f.file, sizeof f.file, "%s/file", f.dir);
  snprintf(f.fifo, sizeof f.fifo, "%s/fifo", f.dir);
  ASSERT_INT_EQ(mkfifo(f.fifo, 0600), 0);
  umask(022);
  fds = fd_count();
  ASSERT_INT_EQ(ac_runtime_set_workers(workers), 0);
  ASSERT_INT_EQ(ac_block_on_frame(&f, open_root__poll, NULL), 0);
  ASSERT_INT_EQ(ac_runtime_set_workers(0), 0);
  ASSERT_INT_EQ(fd_count(), fds);
  unlink(f.file);
  unlink(f.fifo);
  rmdir(f.dir);
  /* through the ring wherever there is one: no pool thread ever started */
  ASSERT_INT_EQ(f.ring, ring_expected());
  if (f.ring)
    ASSERT_INT_EQ(ac_blocking_thread_count(), 0);
  else
    ASSERT_TRUE(ac_blocking_thread_count() > 0);
}

TEST_IMPL(file_open_results) { open_run(0); }
TEST_IMPL(file_open_results_mt) { open_run(2); }

/* ------------------------------------------------------------ drop storm
 * Tasks that open (a file for reading, then a read; a file created for
 * writing, then a write; three opens that fail), tasks that read and
 * write a shared file, and, through a ring, a reader and a writer opening
 * a FIFO (each waiting in the kernel for the other), all aborted after a
 * random number of turns, OPEN_STORM_DROPS drops in all: opens dropped
 * before submission, in the kernel, after their completion was reaped,
 * and tasks dropped holding the fd an open gave them.  After each round
 * the root opens the FIFO both ways, so an orphaned FIFO open still in the
 * kernel finishes with an fd, which its completion must close.  The
 * process's fds are counted before and after: no leak.  Under ASan
 * (unit_san*), any path touching a dropped frame is a report. */
#define OPEN_STORM_DROPS 100000

enum open_kind {
  OPEN_READ,      /* the shared file, then a read */
  OPEN_CREATE,    /* a file of its own, then a write */
  OPEN_EEXIST,    /* O_CREAT | O_EXCL of the shared file */
  OPEN_ENOTDIR,   /* O_DIRECTORY of the shared file */
  OPEN_ENOENT,
  OPEN_FIFO_READ, /* through a ring only: waits for a writer */
  OPEN_FIFO_WRITE,
  FILE_READ,      /* of the shared fd */
  FILE_WRITE,
  OPEN_KINDS
};

enum { LIVE_OPEN = 1, LIVE_READ, LIVE_WRITE };

struct open_task {
  int co, kind, pending, fd, file, flags, expect;
  unsigned off;
  char path[64]; /* the frame's: gone with it */
  char buf[512];
  union {
    struct ac_file_open__frame op;
    struct ac_file_read__frame rd;
    struct ac_file_write__frame wr;
  } aw;
  int ac_result;
};

static char open_chunk[512];

static ac_poll open_task__poll(void *p, struct ac_cx *cx) {
  struct open_task *f = p;
  CO_BEGIN(f);
  for (;;) {
    f->off = (f->off * 1103515245u + 12345u) % 16;
    if (f->kind == FILE_READ || f->kind == FILE_WRITE) {
      if (f->kind == FILE_READ) {
        ac_file_read__init(&f->aw.rd, f->fd, f->buf, sizeof f->buf, (long)f->off * 512);
        AWAIT_AS(f, LIVE_READ, ac_file_read, f->aw.rd);
      } else {
        ac_file_write__init(&f->aw.wr, f->fd, open_chunk, sizeof open_chunk,
                            (long)f->off * 512);
        AWAIT_AS(f, LIVE_WRITE, ac_file_write, f->aw.wr);
      }
      continue;
    }
    ac_file_open__init(&f->aw.op, f->path, f->flags, 0600);
    AWAIT_AS(f, LIVE_OPEN, ac_file_open, f->aw.op);
    if (f->expect < 0) {
      ASSERT_INT_EQ(f->aw.op.ac_result, f->expect);
      continue;
    }
    if (f->aw.op.ac_result < 0)
      TEST_FAIL_("kind %d: open of %s: %d", f->kind, f->path, f->aw.op.ac_result);
    f->file = f->aw.op.ac_result;
    if ((f->flags & O_ACCMODE) == O_RDONLY) {
      ac_file_read__init(&f->aw.rd, f->file, f->buf, sizeof f->buf, -1);
      AWAIT_AS(f, LIVE_READ, ac_file_read, f->aw.rd);
    } else {
      ac_file_write__init(&f->aw.wr, f->file, open_chunk, sizeof open_chunk, -1);
      AWAIT_AS(f, LIVE_WRITE, ac_file_write, f->aw.wr);
    }
    close(f->file);
    f->file = -1;
  }
  CO_END(f);
}

static void open_task__drop(void *p) {
  struct open_task *f = p;
  if (f->pending == LIVE_OPEN)
    ac_file_open__drop(&f->aw.op);
  else if (f->pending == LIVE_READ)
    ac_file_read__drop(&f->aw.rd);
  else if (f->pending == LIVE_WRITE)
    ac_file_write__drop(&f->aw.wr);
  if (f->file >= 0)
    close(f->file);
}

static const struct ac_spawn_desc open_task__spawn = {
    sizeof(struct open_task), _Alignof(struct open_task), offsetof(struct open_task, ac_result),
    sizeof(int), open_task__poll, open_task__drop, 0, 0, 0};

struct storm_root {
  int co, pending, i, turns, fd;
  char dir[40], file[64], fifo[64];
  bool ring;
  unsigned rng;
  long drops;
  struct ac_task *t[OPEN_KINDS];
  struct ac_task_join__frame join;
  struct ac_yield__frame y;
};

static unsigned storm_rand(struct storm_root *f) {
  f->rng = f->rng * 1103515245u + 12345u;
  return f->rng >> 16;
}

static void open_task_start(struct storm_root *f, int i) {
  static const int flags[OPEN_KINDS] = {
      [OPEN_READ] = O_RDONLY,
      [OPEN_CREATE] = O_WRONLY | O_CREAT | O_TRUNC,
      [OPEN_EEXIST] = O_RDWR | O_CREAT | O_EXCL,
      [OPEN_ENOTDIR] = O_RDONLY | O_DIRECTORY,
      [OPEN_ENOENT] = O_RDONLY,
      [OPEN_FIFO_READ] = O_RDONLY,
      [OPEN_FIFO_WRITE] = O_WRONLY,
  };
  static const int expect[OPEN_KINDS] = {
      [OPEN_EEXIST] = -EEXIST, [OPEN_ENOTDIR] = -ENOTDIR, [OPEN_ENOENT] = -ENOENT};
  /* A pool thread waiting in a FIFO's open would make a drop wait for
   * the other side: FIFOs only through the ring. */
  int kind = !f->ring && (i == OPEN_FIFO_READ || i == OPEN_FIFO_WRITE) ? OPEN_READ : i;
  struct open_task *s = ac_spawn_alloc(&open_task__spawn, &f->t[i]);
  ASSERT_TRUE(s != NULL);
  s->co = 0;
  s->pending = 0;
  s->kind = kind;
  s->fd = f->fd;
  s->file = -1;
  s->flags = flags[kind];
  s->expect = expect[kind];
  s->off = (unsigned)i;
  if (kind == OPEN_CREATE)
    snprintf(s->path, sizeof s->path, "%s/created", f->dir);
  else if (kind == OPEN_ENOENT)
    snprintf(s->path, sizeof s->path, "%s/none", f->dir);
  else if (kind == OPEN_FIFO_READ || kind == OPEN_FIFO_WRITE)
    snprintf(s->path, sizeof s->path, "%s", f->fifo);
  else
    snprintf(s->path, sizeof s->path, "%s", f->file);
  ac_spawn_start(f->t[i]);
}

static ac_poll storm_root__poll(void *p, struct ac_cx *cx) {
  struct storm_root *f = p;
  CO_BEGIN(f);
  f->ring = ac__uring_takes_ops(&cx->driver->io);
  while (f->drops < OPEN_STORM_DROPS) {
    for (f->i = 0; f->i < OPEN_KINDS; f->i++)
      open_task_start(f, f->i);
    for (f->turns = storm_rand(f) % 4; f->turns > 0; f->turns--) {
      ac_yield__init(&f->y);
      AWAIT_AS(f, 0, ac_yield, f->y);
    }
    for (f->i = 0; f->i < OPEN_KINDS; f->i++)
      if (storm_rand(f) % 2)
        ac_task_abort(f->t[f->i]);
    for (f->i = 0; f->i < OPEN_KINDS; f->i++)
      ac_task_abort(f->t[f->i]);
    for (f->i = 0; f->i < OPEN_KINDS; f->i++) {
      AWAIT(f, ac_task_join, f->join, f->t[f->i], NULL);
      ASSERT_INT_EQ(f->join.ac_result, -ECANCELED); /* they never end by themselves */
      f->drops++;
    }
    if (f->ring) { /* release FIFO opens orphaned in the kernel */
      int both = open(f->fifo, O_RDWR | O_NONBLOCK | O_CLOEXEC);
      ASSERT_TRUE(both >= 0);
      close(both);
    }
  }
  CO_END(f);
}

static void storm_run(unsigned workers) {
  struct storm_root f = {0};
  int fds;
  f.rng = 18;
  snprintf(f.dir, sizeof f.dir, "/tmp/asyncc-open-storm-%d", (int)getpid());
  ASSERT_INT_EQ(mkdir(f.dir, 0700), 0);
  snprintf(f.file, sizeof f.file, "%s/file", f.dir);
  snprintf(f.fifo, sizeof f.fifo, "%s/fifo", f.dir);
  ASSERT_INT_EQ(mkfifo(f.fifo, 0600), 0);
  f.fd = open(f.file, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  ASSERT_TRUE(f.fd >= 0);
  ASSERT_INT_EQ(ftruncate(f.fd, 16 * 512), 0);
  fds = fd_count();
  ASSERT_INT_EQ(ac_runtime_set_workers(workers), 0);
  ASSERT_INT_EQ(ac_block_on_frame(&f, storm_root__poll, NULL), 0);
  ASSERT_INT_EQ(ac_runtime_set_workers(0), 0);
  ASSERT_INT_EQ(fd_count(), fds); /* every fd an open made is closed */
  close(f.fd);
  unlink(f.file);
  unlink(f.fifo);
  snprintf(f.file, sizeof f.file, "%s/created", f.dir);
  unlink(f.file);
  ASSERT_INT_EQ(rmdir(f.dir), 0);
  ASSERT_INT_EQ(f.ring, ring_expected());
}

TEST_IMPL(file_open_drop_storm) { storm_run(0); }
TEST_IMPL(file_open_drop_storm_mt) { storm_run(2); }
