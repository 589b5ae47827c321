/* fd registrations: how a task waits for the readiness of an fd.
 *
 * One registration per fd number, in a process-wide table of pages that are
 * allocated on demand and never freed, so a registration never moves and an
 * epoll event pointing at it is always safe to dispatch (at worst it wakes
 * someone spuriously).  A registration is bound lazily, on the first wait,
 * to the reactor of the runtime that polls the waiting task, with
 * EPOLLIN|EPOLLRDHUP|EPOLLET, and stays bound until ac_close() (or until
 * that reactor is destroyed).  EPOLLOUT joins the first time a task waits
 * to write (OUT_ARMED); until then writes always try the syscall.
 *
 * Readiness per direction (read, write) is a pair of ticks: 'seq' counts the
 * edges epoll reported, 'clear' is the seq value at which a syscall last
 * proved the fd not ready (EAGAIN, or a short read/write).  seq != clear
 * means "maybe ready: try the syscall".  The protocol of an operation:
 *
 *   s = ac__io_begin(op)          snapshot seq; wait at once if known not ready
 *   syscall
 *   short result: ac__io_clear(op)     clear = snapshot (an edge since wins)
 *   EAGAIN:       ac__io_park(op)      clear, bind, then under the lock: if
 *                                      seq moved since the snapshot, retry;
 *                                      else queue the waiter
 *
 * An edge after the snapshot either bumps seq before the park looks (retry)
 * or finds the waiter queued (wake), so no edge is lost.
 *
 * Thread safety: waiter lists, the reactor binding, the generation, seq
 * and the flags are written under the registration's lock; seq, clear
 * and the flags are atomics that operations read without it.  A waker
 * wakes while holding the lock, so a drop, which takes the same lock, never
 * returns while a wake of its task is still in flight (same rule as the
 * blocking pool).  The lock is biased (biased_lock.h) to the first
 * current-thread runtime that waits on the fd: there, the three lock
 * round trips of a typical read (park, edge, check after the wake) are
 * plain stores. */
#ifndef AC__IO_REG_H
#define AC__IO_REG_H

#include <asyncc/net.h>

#include "biased_lock.h"
#include "reactor.h"
#include "task.h"

#include <errno.h>
#include <stdatomic.h>
#include <string.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

enum ac__io_dir { AC__IO_READ = 0, AC__IO_WRITE = 1 };

/* enum ac__io_reg_flags: sticky states of a registration, reset by ac_close.
 * ENDED (per direction, bit 1 << dir): epoll reported a hang-up or an
 * error.  Such a state never produces another edge, so a short read must
 * not make the next read wait: EOF is still to be read.
 * STREAM: a stream socket or pipe, for which a short read or write proves
 * the fd drained or full (not true of datagrams or ttys).  Set by the calls
 * that create TCP fds, or found by fstat/SO_TYPE when the fd is first
 * registered.
 * SOCKET: a stream socket: reads and writes use recv and send
 * (MSG_NOSIGNAL), which skip the VFS layer of read and write (W5: 2-5 %
 * more messages per second; Rust's std does the same).  Set with STREAM.
 * OUT_ARMED: EPOLLOUT is part of the registration, so write edges are
 * counted in seq[AC__IO_WRITE].  Added the first time a task waits to write
 * (under the lock): most sockets never fill their send buffer, and with
 * EPOLLOUT every ACK that frees space would be an event (W5: one per
 * message, half of all events).
 * MADE: the fd was made by one of the runtime's own calls (ac_tcp_accept,
 * ac_tcp_connect, ac_tcp_listen, ac_udp_bind), which reset the registration
 * of its number (ac__io_fresh): the binding is the fd's own.  A wait on
 * any other fd first checks that its epoll entry still exists (io_reg.c,
 * verify_binding): a plain close() drops the entry and leaves the
 * registration bound, and the next fd with that number would wait for
 * edges that never come.
 * UNVERIFIED: a task waits on a MADE fd without having asked the kernel
 * (no syscall: the registration knew the fd not ready), so the binding is
 * trusted, not checked: the fd may have been closed with close() and its
 * number reused by a plain socket()/open()/accept().  Checking would cost
 * an epoll_ctl per message of a busy connection (W5), so the reactor's
 * parker sweeps instead (ac__io_sweep, every AC__IO_SWEEP_MS): a wait that
 * has lasted a whole sweep period (AGED at one sweep, still waiting at the
 * next) gets its binding checked, and a stale one is renewed and its
 * waiters retry.  A wait on a reused number thus ends at most two periods
 * late instead of never; the connections of a busy server are woken by
 * their edges first and never checked. */
enum ac__io_reg_flags {
  AC__IO_ENDED_READ = 1u << AC__IO_READ,
  AC__IO_ENDED_WRITE = 1u << AC__IO_WRITE,
  AC__IO_STREAM = 4,
  AC__IO_OUT_ARMED = 8,
  AC__IO_SOCKET = 16,
  AC__IO_MADE = 32,
  AC__IO_UNVERIFIED = 64,
  AC__IO_AGED = 128,
};

/* The period of ac__io_sweep (ms). */
#define AC__IO_SWEEP_MS 100

/* One cache line, aligned: an event, a wait and an operation's checks
 * touch one line of the table, not two (W5 at 1,000 connections: the
 * registrations are 64 KiB, and cache misses are much of a message's user
 * time).  Which is why epoll events point at the registration
 * itself (no handler pointer) and its fd is not stored (callers pass it). */
struct ac__io_reg {
  struct ac__reactor *_Atomic reactor;  /* bound to; NULL: not registered */
  struct ac_io_waiter *waiters[2];      /* per enum ac__io_dir; under lock */
  _Atomic uint32_t seq[2], clear[2];    /* per enum ac__io_dir */
  _Atomic uint32_t gen;                 /* bumped by ac_close */
  _Atomic unsigned char flags;          /* enum ac__io_reg_flags */
  struct ac__biased_lock lock;
} __attribute__((aligned(64)));
_Static_assert(sizeof(struct ac__io_reg) == 64, "a registration is one cache line");

static inline bool ac__io_reg_has(struct ac__io_reg *reg, unsigned flag) {
  return atomic_load_explicit(&reg->flags, memory_order_relaxed) & flag;
}

/* Whether epoll's edges in 'dir' are counted in seq[dir] (writes: only
 * once EPOLLOUT is armed), so that clear == seq can prove "not ready". */
static inline bool ac__io_edges_counted(struct ac__io_reg *reg, enum ac__io_dir dir) {
  return dir == AC__IO_READ || ac__io_reg_has(reg, AC__IO_OUT_ARMED);
}

static inline void ac__io_op_init(struct ac_io_op *op) { memset(op, 0, sizeof *op); }

/* Results of ac__io_begin / ac__io_park besides a negative errno. */
enum { AC__IO_TRY = 0, AC__IO_PENDING = 1 };

/* The registration of 'fd', or NULL for a negative or huge fd (with errno
 * EBADF) or when out of memory (ENOMEM).  First call: ignore SIGPIPE. */
struct ac__io_reg *ac__io_reg_of(int fd);

/* The table: AC__IO_PAGES pages of AC__IO_PAGE_SIZE registrations (io_reg.c). */
#define AC__IO_PAGE_SHIFT 10
#define AC__IO_PAGE_SIZE (1u << AC__IO_PAGE_SHIFT)
#define AC__IO_PAGES 4096u
extern struct ac__io_reg *_Atomic ac__io_pages[AC__IO_PAGES];

/* The registration of 'fd' if its page exists; never allocates. */
static inline struct ac__io_reg *ac__io_reg_lookup(int fd) {
  struct ac__io_reg *page;
  if ((unsigned)fd >= AC__IO_PAGES * AC__IO_PAGE_SIZE) /* negative too */
    return NULL;
  page = atomic_load_explicit(&ac__io_pages[(unsigned)fd >> AC__IO_PAGE_SHIFT], memory_order_acquire);
  return page ? &page[(unsigned)fd & (AC__IO_PAGE_SIZE - 1)] : NULL;
}

/* ac__io_begin's every case (io_reg.c). */
int ac__io_begin_slow(struct ac_io_op *op, int fd, enum ac__io_dir dir, struct ac_cx *cx);

/* Prepares an attempt of 'op' on 'fd' in direction 'dir' for cx's task.
 * AC__IO_TRY: do the syscall now.  AC__IO_PENDING: the task will be woken.
 * -ECANCELED: the fd was ac_close()d since the operation started; other
 * -errno: the fd cannot be watched (-EPERM: a regular file).
 * Inline, the common case of every leaf: the registration exists, the
 * operation has not waited yet, and the fd may be ready (an edge since the
 * last proof of not ready, or writes never waited for): try.  The rest
 * (a first use of the fd, a wake to check, a wait) is out of line. */
static inline int ac__io_begin(struct ac_io_op *op, int fd, enum ac__io_dir dir, struct ac_cx *cx) {
  struct ac__io_reg *reg = op->reg;
  uint32_t s;
  if (!reg) {
    reg = ac__io_reg_lookup(fd);
    if (!reg)
      return ac__io_begin_slow(op, fd, dir, cx);
    op->reg = reg;
    op->gen = atomic_load_explicit(&reg->gen, memory_order_acquire);
  } else if (op->w.task) {
    return ac__io_begin_slow(op, fd, dir, cx);
  } else if (atomic_load_explicit(&reg->gen, memory_order_acquire) != op->gen) {
    return -ECANCELED;
  }
  s = atomic_load_explicit(&reg->seq[dir], memory_order_acquire);
  if (atomic_load_explicit(&reg->clear[dir], memory_order_relaxed) == s &&
      ac__io_edges_counted(reg, dir))
    return ac__io_begin_slow(op, fd, dir, cx); /* maybe known not ready */
  op->snap = s;
  return AC__IO_TRY;
}
/* The attempt proved the fd not ready (short transfer): forget the
 * readiness seen at the snapshot. */
void ac__io_clear(struct ac_io_op *op, enum ac__io_dir dir);
/* The attempt failed with EAGAIN: clear, bind, and queue the waiter.
 * AC__IO_TRY: an edge came meanwhile, try again.  AC__IO_PENDING, or
 * -errno as for ac__io_begin. */
int ac__io_park(struct ac_io_op *op, int fd, enum ac__io_dir dir, struct ac_cx *cx);
/* The reactor's dispatch: epoll reported 'events' on the registration's fd. */
void ac__io_reg_ready(struct ac__io_reg *reg, uint32_t events);
/* 'fd' was just made by one of the runtime's calls: whatever the table
 * holds for its number belongs to an fd closed with close(), not
 * ac_close(); forget it (its waiters complete with -ECANCELED) and start
 * with 'flags' | MADE.  Cheap when there is nothing to forget. */
void ac__io_fresh(int fd, unsigned flags);
/* Marks 'fd' as a TCP socket this runtime made: STREAM and SOCKET. */
void ac__io_mark_tcp(int fd);
/* The SOCKET flag was wrong (recv said ENOTSOCK: an fd closed with close()
 * instead of ac_close, its number reused): drop it. */
void ac__io_unmark_socket(struct ac__io_reg *reg);
/* Cancels a pending wait: unlinks the waiter.  Idempotent. */
void ac__io_op_drop(struct ac_io_op *op);

/* One attempt of an operation: >= 0 or -errno; sets *full when a stream
 * transferred less than asked (the fd is drained / its buffer full). */
typedef ssize_t (*ac__io_attempt_fn)(void *frame, bool *full);

/* Attempts until the result is not -EAGAIN: AC_READY with *out, or
 * AC_PENDING with the task queued on the fd.  Inlined with a constant
 * 'attempt' (the hot path of every leaf). */
static inline ac_poll ac__io_run(struct ac_io_op *op, int fd, enum ac__io_dir dir,
                             struct ac_cx *cx, ac__io_attempt_fn attempt, void *frame,
                             ssize_t *out) {
  /* Coop budget spent: let other tasks run first (the operation has not
   * started, or stays queued). */
  if (!ac__coop_proceed(cx)) {
    ac__task_wake(cx->task);
    return AC_PENDING;
  }
  for (;;) {
    int s = ac__io_begin(op, fd, dir, cx);
    bool full = false;
    ssize_t r;
    if (s == AC__IO_PENDING)
      return AC_PENDING;
    if (s < 0) {
      *out = s;
      return AC_READY;
    }
    r = attempt(frame, &full);
    if (r == -EINTR)
      continue;
    if (r != -EAGAIN && r != -EWOULDBLOCK) {
      if (full && ac__io_reg_has(op->reg, AC__IO_STREAM))
        ac__io_clear(op, dir);
      *out = r;
      return AC_READY;
    }
    s = ac__io_park(op, fd, dir, cx);
    if (s == AC__IO_PENDING)
      return AC_PENDING;
    if (s < 0) {
      *out = s;
      return AC_READY;
    }
  }
}

/* The parker of 'r', every AC__IO_SWEEP_MS while r->unverified: checks the
 * bindings of the registrations bound to 'r' whose trusted waits have
 * lasted a whole period (see AC__IO_UNVERIFIED). */
void ac__io_sweep(struct ac__reactor *r);

/* Whether a task waits on 'fd' in 'dir' (tests; takes the lock). */
bool ac__io_has_waiter(int fd, enum ac__io_dir dir);

/* Reactor teardown: unbind every registration bound to 'r'. */
void ac__io_forget_reactor(struct ac__reactor *r);

#endif
