/* The io_uring backend of the reactor (see reactor_uring.h, and
 * docs/runtime.md, "The io_uring backend").
 *
 * The ring is the wait primitive: a park is one io_uring_enter that
 * submits what the turn queued and waits for a completion or the timeout.
 * Readiness comes from one-shot IORING_OP_POLL_ADDs, armed when a task is
 * queued to wait on an fd (ac__uring_arm) and dispatched like an epoll
 * edge (reported in fired[]), so the registrations, the readiness ticks and
 * cancellation are those of the epoll backend: the kernel never writes
 * into a task's memory.  One-shot, not one multishot poll for the fd's
 * life, because a poll in flight holds a reference to the file: a plain
 * close() of an fd watched that way would not close it (the peer would
 * never see the FIN).  A poll looks at the fd when it is armed, so an edge
 * that came while nobody waited is seen then, not lost.
 *
 * File opens, reads and writes are completion-based ring operations
 * (ring_op.h): the kernel reads and writes only their own buffers, and the
 * list of those in flight lets a teardown wait for them before freeing.
 *
 * The default backend: a ring is taken only if the kernel offers every
 * opcode and flag below (kernel_offers); else ac__uring_init fails and the
 * reactor uses epoll.
 *
 * user_data: the registration's address (64-byte aligned) | the direction;
 * a ring operation's address | TAG_OP; two small tags for the unpark
 * eventfd's multishot poll and for the cancels, whose completions mean
 * nothing.
 *
 * Threads.  A current-thread reactor is used by its owner (the thread
 * that made it, which runs the runtime): its SQEs wait for the next park, which submits them
 * all in the enter that waits.  The cancels of a remove from another
 * thread (ac_close on a foreign thread, a registration moving between
 * runtimes) are handed to the owner ('foreign') with an unpark.  A shared
 * (multi-thread) reactor takes 'sq_lock' around the SQ and submits at
 * once, since the parker may be asleep in the ring. */
#include "reactor_uring.h"

#include "io_reg.h"
#include "ring_op.h"
#include "waitq.h"

#include <errno.h>
#include <fcntl.h>
#include <liburing.h>
#include <poll.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdlib.h>
#include <sys/epoll.h>
#include <sys/stat.h>
#include <unistd.h>

/* SQ entries; the CQ is twice that, and the kernel keeps what overflows
 * it (IORING_FEAT_NODROP) until the next enter. */
#define AC__URING_ENTRIES 1024u

/* The buffer size of cached operations, and how many are kept. */
#define AC__URING_OP_CACHED 4096u
#define AC__URING_OP_CACHE_MAX 128u

/* user_data's low bits: a registration | its direction (bit 1 clear), an
 * operation | TAG_OP (malloc'd: 16-byte aligned), or a small tag. */
enum { TAG_UNPARK = 1, TAG_OP = 2, TAG_IGNORE = 3 };

struct ac__uring {
  struct io_uring ring;
  bool shared;
  bool registered_fd;      /* io_uring_register_ring_fd took it (owner only) */
  unsigned setup_flags;    /* the IORING_SETUP_* the kernel accepted */
  pthread_t owner;          /* not shared: the thread that made it and parks */
  pthread_mutex_t sq_lock;  /* shared: the SQ */
  /* Not shared: user_data whose polls other threads want cancelled. */
  pthread_mutex_t foreign_lock;
  _Atomic bool foreign_pending;
  uint64_t *foreign;
  size_t foreign_len, foreign_cap;
  struct ac__ring_op *ops;  /* in flight (ring_op.h); shared: under ops_lock */
  ac__spinlock ops_lock;    /* shared: 'ops' and the cache */
  /* Finished operations of AC__URING_OP_CACHED bytes kept for the next:
   * a buffer reused while still in cache is the kernel's copy's target
   * (random 4 KiB reads: half of their time is that copy). */
  struct ac__ring_op *cache;
  unsigned cached;
  /* Calls that handed the SQ to the kernel: an SQE prepared since the
   * last one is still ours to rewrite. */
  unsigned long submits;
};

static int submit(struct ac__uring *u) {
  u->submits++;
  return io_uring_submit(&u->ring);
}

static int submit_and_wait(struct ac__uring *u, struct io_uring_cqe **cqe,
                           struct __kernel_timespec *ts) {
  u->submits++;
  return io_uring_submit_and_wait_timeout(&u->ring, cqe, 1, ts, NULL);
}

static void sq_lock(struct ac__uring *u) {
  if (u->shared)
    pthread_mutex_lock(&u->sq_lock);
}

static void sq_unlock(struct ac__uring *u) {
  if (u->shared) {
    submit(u);
    pthread_mutex_unlock(&u->sq_lock);
  }
}

/* Whether this thread may touch the SQ. */
static bool may_submit(struct ac__uring *u) {
  return u->shared || pthread_equal(u->owner, pthread_self());
}

/* Another thread's cancel, for the owner's next park (out of memory: the
 * polls stay until the fd is ready or the ring goes). */
static void hand_to_owner(struct ac__reactor *r, uint64_t data) {
  struct ac__uring *u = r->uring;
  pthread_mutex_lock(&u->foreign_lock);
  if (u->foreign_len == u->foreign_cap) {
    size_t cap = u->foreign_cap ? 2 * u->foreign_cap : 8;
    uint64_t *grown = realloc(u->foreign, cap * sizeof *grown);
    if (grown) {
      u->foreign = grown;
      u->foreign_cap = cap;
    }
  }
  if (u->foreign_len < u->foreign_cap)
    u->foreign[u->foreign_len++] = data;
  atomic_store_explicit(&u->foreign_pending, true, memory_order_release);
  pthread_mutex_unlock(&u->foreign_lock);
  ac__reactor_unpark(r);
}

/* Under sq_lock if shared.  A full SQ is handed to the kernel first. */
static struct io_uring_sqe *sqe_get(struct ac__uring *u) {
  struct io_uring_sqe *sqe;
  while (!(sqe = io_uring_get_sqe(&u->ring)))
    submit(u);
  return sqe;
}

static void arm_unpark(struct ac__reactor *r) {
  struct ac__uring *u = r->uring;
  struct io_uring_sqe *sqe;
  sq_lock(u);
  sqe = sqe_get(u);
  io_uring_prep_poll_multishot(sqe, r->unpark_fd, POLLIN);
  io_uring_sqe_set_data64(sqe, TAG_UNPARK);
  sq_unlock(u);
}

/* The setup flags tried, best first, for a ring only its owner submits to
 * ('owned'), and for a shared one.  SINGLE_ISSUER|DEFER_TASKRUN (6.1+):
 * the kernel runs completion work only when the owner enters the ring to
 * wait, batched, never by interrupting it; COOP_TASKRUN (5.19+) is the
 * weaker form of the same.  TASKRUN_FLAG lets a look that finds nothing
 * queued skip the syscall unless the kernel has work pending.  A shared
 * ring has none of them: a poll's completion must interrupt the worker
 * that armed it, which may be asleep elsewhere while the parker waits. */
static const unsigned owned_flags[] = {
    IORING_SETUP_SINGLE_ISSUER | IORING_SETUP_DEFER_TASKRUN | IORING_SETUP_TASKRUN_FLAG,
    IORING_SETUP_COOP_TASKRUN | IORING_SETUP_TASKRUN_FLAG,
    0,
};
static const unsigned shared_flags[] = {0};

/* liburing maps and unmaps a ring with raw syscalls, which ThreadSanitizer
 * does not see: a ring mapped where a finished thread's ring was looks to
 * it like a race with that thread's writes.  Every unmap is ordered before
 * every later map for it. */
#ifdef __SANITIZE_THREAD__
#define AC__URING_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define AC__URING_TSAN 1
#endif
#endif
#ifdef AC__URING_TSAN
void __tsan_acquire(void *addr);
void __tsan_release(void *addr);
static char ring_mappings;
static void ring_mapped(void) { __tsan_acquire(&ring_mappings); }
static void ring_unmapping(void) { __tsan_release(&ring_mappings); }
#else
static void ring_mapped(void) {}
static void ring_unmapping(void) {}
#endif

/* The opcodes this backend submits: readiness polls (the unpark's is
 * multishot), cancels, file opens, reads and writes, and the NOP a dropped
 * operation's SQE becomes. */
static const int needed_opcodes[] = {IORING_OP_POLL_ADD, IORING_OP_ASYNC_CANCEL, IORING_OP_OPENAT,
                                     IORING_OP_READ,     IORING_OP_WRITE,        IORING_OP_NOP};

/* Whether the kernel cancels by user_data with IORING_ASYNC_CANCEL_ALL
 * (5.19; before, the cancel fails with -EINVAL), which disarm and remove
 * rely on: a cancel that matches nothing must say 0 or -ENOENT.  It also
 * answers for multishot polls (5.13), which no probe reports.  On the new
 * ring, before anything else is queued. */
static bool cancels_all(struct io_uring *ring) {
  struct io_uring_sqe *sqe = io_uring_get_sqe(ring);
  struct io_uring_cqe *cqe;
  bool ok;
  io_uring_prep_cancel64(sqe, TAG_IGNORE, IORING_ASYNC_CANCEL_ALL);
  io_uring_sqe_set_data64(sqe, TAG_IGNORE);
  if (io_uring_submit_and_wait(ring, 1) < 0 || io_uring_peek_cqe(ring, &cqe) != 0)
    return false; /* io_uring_enter refused (seccomp) */
  ok = cqe->res >= 0 || cqe->res == -ENOENT;
  io_uring_cqe_seen(ring, cqe);
  return ok;
}

/* Whether the kernel offers what this backend submits; a kernel that
 * cannot say (no IORING_REGISTER_PROBE: before 5.6) does not. */
static bool kernel_offers(struct io_uring *ring) {
  struct io_uring_probe *probe = io_uring_get_probe_ring(ring);
  bool ok = probe != NULL;
  for (size_t i = 0; ok && i < sizeof needed_opcodes / sizeof *needed_opcodes; i++)
    ok = io_uring_opcode_supported(probe, needed_opcodes[i]);
  if (probe)
    io_uring_free_probe(probe);
  return ok && cancels_all(ring);
}

/* A ring with the unpark poll queued, or -errno: the first of 'flags' the
 * kernel accepts, if it offers what the backend needs (else -ENOSYS).  An
 * owned ring's fd is registered (io_uring_enter then skips the fd lookup),
 * which only its owner may use. */
static int setup(struct ac__reactor *r, struct ac__uring *u, const unsigned *flags, size_t n) {
  int err = -EINVAL;
  for (size_t i = 0; i < n && err == -EINVAL; i++) {
    struct io_uring_params p = {.flags = IORING_SETUP_CLAMP | flags[i]};
    err = io_uring_queue_init_params(AC__URING_ENTRIES, &u->ring, &p);
    if (!err)
      ring_mapped();
    /* NODROP: 5.5; RW_CUR_POS: reads and writes at off -1 (5.6) */
    if (!err && ((~p.features & (IORING_FEAT_NODROP | IORING_FEAT_RW_CUR_POS)) ||
                 !kernel_offers(&u->ring))) {
      ring_unmapping();
      io_uring_queue_exit(&u->ring);
      err = -ENOSYS;
    }
    if (!err)
      u->setup_flags = flags[i];
  }
  if (err)
    return err;
  /* At most 16 per thread; without it, enters look the fd up. */
  if (!u->shared && io_uring_register_ring_fd(&u->ring) == 1)
    u->registered_fd = true;
  r->uring = u;
  arm_unpark(r);
  return 0;
}

int ac__uring_init(struct ac__reactor *r) {
  struct ac__uring *u = calloc(1, sizeof *u);
  int err;
  if (!u)
    return -ENOMEM;
  u->owner = pthread_self();
  err = -pthread_mutex_init(&u->foreign_lock, NULL);
  if (!err) {
    err = setup(r, u, owned_flags, sizeof owned_flags / sizeof *owned_flags);
    if (err)
      pthread_mutex_destroy(&u->foreign_lock);
  }
  if (err)
    free(u);
  return err;
}

/* The registered fd is an index into the owner thread's table: from any
 * other thread, unregistering it would drop whatever that thread has at
 * the index.  The owner's entry then holds the ring until it exits. */
static void ring_exit(struct ac__uring *u) {
  if (u->registered_fd && !pthread_equal(u->owner, pthread_self()))
    u->ring.int_flags &= (__u8)~1u; /* liburing's INT_FLAG_REG_RING */
  ring_unmapping();
  io_uring_queue_exit(&u->ring);
}

static void ops_lock(struct ac__uring *u) {
  if (u->shared)
    ac__spin_lock(&u->ops_lock);
}

static void ops_unlock(struct ac__uring *u) {
  if (u->shared)
    ac__spin_unlock(&u->ops_lock);
}

/* Under ops_lock. */
static void op_unlink(struct ac__uring *u, struct ac__ring_op *op) {
  if (op->prev)
    op->prev->next = op->next;
  else
    u->ops = op->next;
  if (op->next)
    op->next->prev = op->prev;
}

static void cancel_data(struct ac__uring *u, uint64_t data);

/* Operations still in flight at teardown (their tasks are gone): cancel
 * them and free each at its completion.  The kernel may still write into
 * their buffers until then, so a ring exit would not do; what has not
 * completed within a few seconds (a read stuck on a dead disk) is leaked,
 * not freed.  A shared ring's workers have all stopped by now; an owned
 * ring's from another thread (SINGLE_ISSUER): leaked. */
static void drain_ops(struct ac__uring *u) {
  struct __kernel_timespec ts = {.tv_nsec = 100000000};
  if (!u->ops || (!u->shared && !pthread_equal(u->owner, pthread_self())))
    return;
  for (struct ac__ring_op *op = u->ops; op; op = op->next)
    cancel_data(u, (uintptr_t)op | TAG_OP);
  for (int tries = 0; u->ops && tries < 50; tries++) {
    struct io_uring_cqe *cqe;
    unsigned head, n = 0;
    submit_and_wait(u, &cqe, &ts);
    io_uring_for_each_cqe(&u->ring, head, cqe) {
      uint64_t data = io_uring_cqe_get_data64(cqe);
      n++;
      if ((data & 3) == TAG_OP) {
        struct ac__ring_op *op = (struct ac__ring_op *)(uintptr_t)(data & ~(uint64_t)3);
        op_unlink(u, op);
        ac__ring_op_discard(op, cqe->res);
        free(op);
      }
    }
    io_uring_cq_advance(&u->ring, n);
  }
}

struct ac__ring_op *ac__uring_op_alloc(struct ac__reactor *r, size_t n) {
  struct ac__uring *u = r->uring;
  struct ac__ring_op *op = NULL;
  if (n <= AC__URING_OP_CACHED) {
    ops_lock(u);
    if ((op = u->cache)) {
      u->cache = op->next;
      u->cached--;
    }
    ops_unlock(u);
  }
  if (!op)
    op = malloc(sizeof *op + (n <= AC__URING_OP_CACHED ? AC__URING_OP_CACHED : n));
  return op;
}

void ac__uring_op_free(struct ac__reactor *r, struct ac__ring_op *op) {
  struct ac__uring *u = r->uring;
  if (op->len <= AC__URING_OP_CACHED) {
    ops_lock(u);
    if (u->cached < AC__URING_OP_CACHE_MAX) {
      op->next = u->cache;
      u->cache = op;
      u->cached++;
      op = NULL;
    }
    ops_unlock(u);
  }
  free(op);
}

void ac__uring_destroy(struct ac__reactor *r) {
  drain_ops(r->uring);
  while (r->uring->cache) {
    struct ac__ring_op *op = r->uring->cache;
    r->uring->cache = op->next;
    free(op);
  }
  /* Polls still in flight are cancelled with the ring. */
  ring_exit(r->uring);
  if (r->uring->shared)
    pthread_mutex_destroy(&r->uring->sq_lock);
  pthread_mutex_destroy(&r->uring->foreign_lock);
  free(r->uring->foreign);
  free(r->uring);
  r->uring = NULL;
}

int ac__uring_make_shared(struct ac__reactor *r) {
  struct ac__uring *u = r->uring;
  int err = -pthread_mutex_init(&u->sq_lock, NULL);
  if (err)
    return err;
  /* Before any worker runs: only the unpark poll is queued. */
  ring_exit(u);
  u->shared = true;
  u->registered_fd = false;
  err = setup(r, u, shared_flags, 1);
  if (err) { /* no ring left: the reactor falls back to epoll */
    pthread_mutex_destroy(&u->sq_lock);
    pthread_mutex_destroy(&u->foreign_lock);
    free(u);
    r->uring = NULL;
  }
  return err;
}

/* Under the registration's lock.  The binding (reg->reactor) is what
 * epoll's entry is: bound here means "watched here", so a second ADD says
 * EEXIST (io_reg.c's verify_binding relies on it).  Nothing is submitted:
 * the polls come with the waits.  What epoll refuses, refused alike:
 * regular files and directories (-EPERM), closed numbers (-EBADF). */
int ac__uring_add(struct ac__reactor *r, int fd, struct ac__io_reg *reg) {
  struct stat st;
  if (atomic_load_explicit(&reg->reactor, memory_order_relaxed) == r)
    return -EEXIST;
  if (fstat(fd, &st) < 0)
    return -errno;
  if (S_ISREG(st.st_mode) || S_ISDIR(st.st_mode))
    return -EPERM;
  r->sources++;
  return 0;
}

static uint64_t user_data(struct ac__io_reg *reg, int dir) { return (uintptr_t)reg | (unsigned)dir; }

/* Under sq_lock: cancel every poll with 'data' (a registration and a
 * direction). */
static void cancel_data(struct ac__uring *u, uint64_t data) {
  struct io_uring_sqe *sqe = sqe_get(u);
  io_uring_prep_cancel64(sqe, data, IORING_ASYNC_CANCEL_ALL);
  io_uring_sqe_set_data64(sqe, TAG_IGNORE);
}

/* The owner, parking: queue the cancels other threads asked for. */
static void take_foreign(struct ac__uring *u) {
  if (!atomic_load_explicit(&u->foreign_pending, memory_order_acquire))
    return;
  pthread_mutex_lock(&u->foreign_lock);
  atomic_store_explicit(&u->foreign_pending, false, memory_order_relaxed);
  for (size_t i = 0; i < u->foreign_len; i++)
    cancel_data(u, u->foreign[i]);
  u->foreign_len = 0;
  pthread_mutex_unlock(&u->foreign_lock);
}

int ac__uring_remove(struct ac__reactor *r, struct ac__io_reg *reg) {
  struct ac__uring *u = r->uring;
  r->sources--;
  if (!may_submit(u)) {
    hand_to_owner(r, user_data(reg, AC__IO_READ));
    hand_to_owner(r, user_data(reg, AC__IO_WRITE));
    return 0;
  }
  sq_lock(u);
  cancel_data(u, user_data(reg, AC__IO_READ));
  cancel_data(u, user_data(reg, AC__IO_WRITE));
  /* Now, not at the next park: ac_close closes the fd next, and the file
   * is released when its last poll is gone. */
  if (!u->shared)
    submit(u);
  sq_unlock(u);
  return 0;
}

void ac__uring_arm(struct ac__reactor *r, int fd, struct ac__io_reg *reg, int dir) {
  struct ac__uring *u = r->uring;
  struct io_uring_sqe *sqe;
  sq_lock(u);
  sqe = sqe_get(u);
  io_uring_prep_poll_add(sqe, fd, dir == AC__IO_READ ? POLLIN | POLLRDHUP : POLLOUT);
  io_uring_sqe_set_data64(sqe, user_data(reg, dir));
  sq_unlock(u);
}

void ac__uring_disarm(struct ac__reactor *r, struct ac__io_reg *reg, int dir) {
  struct ac__uring *u = r->uring;
  if (!may_submit(u)) {
    hand_to_owner(r, user_data(reg, dir));
    return;
  }
  sq_lock(u);
  cancel_data(u, user_data(reg, dir));
  sq_unlock(u);
}

bool ac__uring_owned_here(const struct ac__reactor *r) {
  return r->uring && !r->uring->shared && pthread_equal(r->uring->owner, pthread_self());
}

bool ac__uring_takes_ops(const struct ac__reactor *r) {
  return r->uring && (r->uring->shared || pthread_equal(r->uring->owner, pthread_self()));
}

/* Under sq_lock: 'op', prepared in 'sqe', is in flight from now on. */
static void queue_op(struct ac__reactor *r, struct ac__ring_op *op, struct io_uring_sqe *sqe) {
  struct ac__uring *u = r->uring;
  io_uring_sqe_set_data64(sqe, (uintptr_t)op | TAG_OP);
  op->sqe = sqe;
  op->submits = u->submits;
  ops_lock(u);
  op->prev = NULL;
  op->next = u->ops;
  if (u->ops)
    u->ops->prev = op;
  u->ops = op;
  ops_unlock(u);
  r->sources++;
}

void ac__uring_submit_op(struct ac__reactor *r, struct ac__ring_op *op, int fd, bool write,
                         long off) {
  struct ac__uring *u = r->uring;
  struct io_uring_sqe *sqe;
  sq_lock(u);
  sqe = sqe_get(u);
  /* off -1 is (__u64)-1: the file position (IORING_FEAT_RW_CUR_POS) */
  if (write)
    io_uring_prep_write(sqe, fd, op->buf, (unsigned)op->len, (__u64)off);
  else
    io_uring_prep_read(sqe, fd, op->buf, (unsigned)op->len, (__u64)off);
  queue_op(r, op, sqe);
  sq_unlock(u); /* shared: submitted now, the parker may be asleep in the ring */
}

/* The kernel first tries an open inline with O_NONBLOCK added, which is
 * not open(2): a FIFO's open would fail (ENXIO) or not wait for the other
 * side, as any special file's open that would wait.  Unless the caller's
 * flags make that attempt the same open, the SQE goes straight to the
 * kernel's workers (IOSQE_ASYNC), which open as open(2) does. */
void ac__uring_submit_open(struct ac__reactor *r, struct ac__ring_op *op, int flags,
                           unsigned mode) {
  struct ac__uring *u = r->uring;
  struct io_uring_sqe *sqe;
  sq_lock(u);
  sqe = sqe_get(u);
  io_uring_prep_openat(sqe, AT_FDCWD, (const char *)op->buf, flags, mode);
  if (!(flags & (O_NONBLOCK | O_DIRECTORY)))
    io_uring_sqe_set_flags(sqe, IOSQE_ASYNC);
  queue_op(r, op, sqe);
  sq_unlock(u);
}

/* Not submitted yet (dropped in the turn that queued it): the SQE becomes
 * a no-op, so a dropped operation that never reached the kernel never
 * runs, as a pool job dropped while queued.  Else a cancel by user_data;
 * either way its completion frees it.  (A shared ring submits at once.) */
void ac__uring_cancel_op(struct ac__reactor *r, struct ac__ring_op *op) {
  struct ac__uring *u = r->uring;
  sq_lock(u);
  if (!u->shared && op->submits == u->submits) {
    io_uring_prep_nop(op->sqe);
    io_uring_sqe_set_data64(op->sqe, (uintptr_t)op | TAG_OP);
    op->opens_fd = false; /* a NOP's 0 is not stdin to close */
  } else {
    cancel_data(u, (uintptr_t)op | TAG_OP);
  }
  sq_unlock(u);
}

static void drain_unpark(struct ac__reactor *r) {
  uint64_t count;
  while (read(r->unpark_fd, &count, sizeof count) == (ssize_t)sizeof count)
    ;
}

/* A completion: the registration it fired, with epoll's bits, or 0 when
 * it reports nothing. */
static int take(struct ac__reactor *r, const struct io_uring_cqe *cqe, struct ac__fired *out) {
  uint64_t data = io_uring_cqe_get_data64(cqe);
  int dir = (int)(data & 1);
  if (data == TAG_UNPARK) {
    drain_unpark(r);
    r->unparked = true;
    if (!(cqe->flags & IORING_CQE_F_MORE)) /* the kernel ended the multishot */
      arm_unpark(r);
    return 0;
  }
  if (data == TAG_IGNORE)
    return 0;
  if ((data & 3) == TAG_OP) {
    struct ac__ring_op *op = (struct ac__ring_op *)(uintptr_t)(data & ~(uint64_t)3);
    ops_lock(r->uring);
    op_unlink(r->uring, op);
    ops_unlock(r->uring);
    r->sources--;
    /* dropped or not, ac__ring_op_complete decides (under the op's lock) */
    *out = (struct ac__fired){.op = op, .res = cqe->res};
    return 1;
  }
  if (cqe->res == -ECANCELED)
    return 0;
  out->op = NULL;
  out->reg = (struct ac__io_reg *)(uintptr_t)(data & ~(uint64_t)3);
  /* An error (the fd closed meanwhile: -EBADF): wake the waiters, whose
   * syscall will tell. */
  out->events = cqe->res >= 0 ? (uint32_t)cqe->res : dir == AC__IO_READ ? EPOLLIN : EPOLLOUT;
  return 1;
}

int ac__uring_poll(struct ac__reactor *r, int timeout_ms, struct ac__fired *fired) {
  struct ac__uring *u = r->uring;
  struct __kernel_timespec ts = {.tv_sec = timeout_ms / 1000,
                                 .tv_nsec = (long long)(timeout_ms % 1000) * 1000000};
  struct __kernel_timespec *tsp = timeout_ms < 0 ? NULL : &ts;
  struct io_uring_cqe *cqe;
  unsigned head, n = 0;
  int err = 0, out = 0;
  if (u->shared) {
    sq_lock(u); /* submits what the other workers queued */
    sq_unlock(u);
    if (timeout_ms != 0 && !io_uring_cq_ready(&u->ring))
      err = io_uring_wait_cqe_timeout(&u->ring, &cqe, tsp);
    /* A completion reaped here was armed by a worker under sq_lock: taking
     * it orders that worker's writes (the registration, its page) before
     * the dispatch, for the memory model and for TSan, which sees through
     * epoll_ctl/epoll_wait but not through the ring. */
    sq_lock(u);
    sq_unlock(u);
  } else {
    take_foreign(u);
    /* Just looking: submits if anything is queued (or the kernel has
     * completions to run), else no syscall. */
    if (timeout_ms == 0 || io_uring_cq_ready(&u->ring))
      err = submit(u);
    else
      err = submit_and_wait(u, &cqe, tsp);
  }
  if (err < 0 && err != -ETIME && err != -EINTR && err != -EAGAIN && err != -EBUSY)
    return err;
  /* The rest stay in the CQ for the next poll. */
  io_uring_for_each_cqe(&u->ring, head, cqe) {
    if (out == AC__REACTOR_EVENTS)
      break;
    out += take(r, cqe, &fired[out]);
    n++;
  }
  io_uring_cq_advance(&u->ring, n);
  return out;
}
