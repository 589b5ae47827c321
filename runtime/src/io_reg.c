/* fd registrations (see io_reg.h): the page table, the wait protocol, the
 * epoll dispatch and ac_close. */
#include "io_reg.h"
#include "runtime_config.h"

#include "coarse_clock.h"
#include "driver.h"
#include "leaf_trace.h"
#include "task.h"

#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stddef.h>
#include <stdlib.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

/* 4096 pages of 1024 registrations: fds below 4M (the kernel's nr_open
 * ceiling is 1M by default).  The page pointers are the only static cost:
 * 32 KiB; a page is 64 KiB and allocated when one of its fds is first used. */
struct ac__io_reg *_Atomic ac__io_pages[AC__IO_PAGES];

static void lock(struct ac__io_reg *reg) { ac__biased_lock(&reg->lock); }

static void unlock(struct ac__io_reg *reg) { ac__biased_unlock(&reg->lock); }

/* Flag updates are rare (a hang-up, the first wait to write, a new fd):
 * read-modify-writes, as ac__io_mark_tcp sets STREAM without the lock. */
static void set_flags(struct ac__io_reg *reg, unsigned flags) {
  atomic_fetch_or_explicit(&reg->flags, (unsigned char)flags, memory_order_relaxed);
}

static void clear_flags(struct ac__io_reg *reg, unsigned flags) {
  atomic_fetch_and_explicit(&reg->flags, (unsigned char)~flags, memory_order_relaxed);
}

static void link_waiter(struct ac_io_waiter **head, struct ac_io_waiter *w) {
  w->next = *head;
  w->pprev = head;
  if (*head)
    (*head)->pprev = &w->next;
  *head = w;
}

static void unlink_waiter(struct ac_io_waiter *w) {
  *w->pprev = w->next;
  if (w->next)
    w->next->pprev = w->pprev;
  w->next = NULL;
  w->pprev = NULL;
}

/* Under the lock: dequeue and wake every waiter of one direction. */
static void wake_all(struct ac_io_waiter **head, int closed) {
  struct ac_io_waiter *w;
  while ((w = *head)) {
    unlink_waiter(w);
    w->closed = closed;
    ac__task_wake(w->task);
  }
}

/* seq + 1, by its only writer (the lock's holder). */
static void bump(_Atomic uint32_t *seq) {
  atomic_store_explicit(seq, atomic_load_explicit(seq, memory_order_relaxed) + 1,
                        memory_order_release);
}

void ac__io_reg_ready(struct ac__io_reg *reg, uint32_t events) {
  unsigned ended = (events & (EPOLLRDHUP | EPOLLHUP | EPOLLERR) ? AC__IO_ENDED_READ : 0) |
                   (events & (EPOLLHUP | EPOLLERR) ? AC__IO_ENDED_WRITE : 0);
  /* 'seq' is written under the lock only: a plain update, no
   * read-modify-write (readers load it without the lock). */
  lock(reg);
  if (ended)
    set_flags(reg, ended);
  if (events & (EPOLLIN | EPOLLRDHUP | EPOLLPRI | EPOLLHUP | EPOLLERR)) {
    bump(&reg->seq[AC__IO_READ]);
    wake_all(&reg->waiters[AC__IO_READ], 0);
  }
  if (events & (EPOLLOUT | EPOLLHUP | EPOLLERR)) {
    bump(&reg->seq[AC__IO_WRITE]);
    wake_all(&reg->waiters[AC__IO_WRITE], 0);
  }
  unlock(reg);
}

static struct ac__io_reg *page_alloc(unsigned index) {
  size_t size = AC__IO_PAGE_SIZE * sizeof(struct ac__io_reg);
  struct ac__io_reg *page = aligned_alloc(_Alignof(struct ac__io_reg), size);
  struct ac__io_reg *expected = NULL;
  if (!page)
    return NULL;
  memset(page, 0, size);
  /* all zero: unbound, unbiased (ac__biased_lock_claim) */
  if (!atomic_compare_exchange_strong_explicit(&ac__io_pages[index], &expected, page,
                                               memory_order_acq_rel, memory_order_acquire)) {
    free(page); /* another thread won the race */
    return expected;
  }
  return page;
}

struct ac__io_reg *ac__io_reg_of(int fd) {
  struct ac__io_reg *reg = ac__io_reg_lookup(fd), *page;
  if (reg)
    return reg;
  if ((unsigned)fd >= AC__IO_PAGES * AC__IO_PAGE_SIZE) { /* negative too */
    errno = EBADF;
    return NULL;
  }
  ac__ignore_sigpipe(); /* sync calls (ac_tcp_listen, ...) may come before any runtime */
  page = page_alloc((unsigned)fd >> AC__IO_PAGE_SHIFT);
  if (!page) {
    errno = ENOMEM;
    return NULL;
  }
  return &page[(unsigned)fd & (AC__IO_PAGE_SIZE - 1)];
}

/* Pipes and stream sockets the program made itself are streams too (see
 * enum ac__io_reg_flags); found out once, when the fd is first registered.
 * The flags to set: STREAM for a pipe, STREAM | SOCKET for a stream
 * socket, else none. */
static unsigned stream_flags(int fd) {
  struct stat st;
  int type = 0;
  socklen_t len = sizeof type;
  if (fstat(fd, &st) < 0)
    return 0;
  if (S_ISFIFO(st.st_mode))
    return AC__IO_STREAM;
  return S_ISSOCK(st.st_mode) && getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &len) == 0 &&
                 type == SOCK_STREAM
             ? AC__IO_STREAM | AC__IO_SOCKET
             : 0;
}

static uint32_t reg_events(struct ac__io_reg *reg) {
  return EPOLLIN | EPOLLRDHUP | (ac__io_reg_has(reg, AC__IO_OUT_ARMED) ? EPOLLOUT : 0);
}

/* Under the lock: make 'reg' (of 'fd') report to 'r'. */
static int bind_to(struct ac__io_reg *reg, int fd, struct ac__reactor *r) {
  struct ac__reactor *old = atomic_load_explicit(&reg->reactor, memory_order_relaxed);
  int err;
  if (old) /* awaited from another runtime now: move it (waiters stay queued) */
    ac__reactor_remove(old, fd, reg);
  clear_flags(reg, AC__IO_UNVERIFIED | AC__IO_AGED); /* the ADD below is the check */
  err = ac__reactor_add(r, fd, reg_events(reg), reg);
  if (err == -EEXIST) /* still in r's set through a dup of a closed fd */
    err = ac__reactor_modify(r, fd, reg_events(reg), reg);
  if (!err && !old && !ac__io_reg_has(reg, AC__IO_STREAM))
    set_flags(reg, stream_flags(fd));
  atomic_store_explicit(&reg->reactor, err ? NULL : r, memory_order_relaxed);
  /* The first runtime to wait here, if it is a current-thread one, gets
   * the lock biased (the caller holds 'spin': the lock was not biased). */
  if (!err)
    ac__biased_lock_claim(&reg->lock);
  return err;
}

/* Under the lock, for a registration bound to 'r': is the fd's epoll
 * entry still there?  A plain close() removes it, and the next fd with
 * that number inherits a binding that no edge will ever come through.
 * EPOLL_CTL_ADD is the test: EEXIST while the entry lives, else it is the
 * re-registration that was needed.  0: live.  1: it was stale and is
 * renewed: the state it held was the old fd's, so the caller must try
 * again; the waiters queued complete with -ECANCELED if 'cancel', else
 * they try again too.  -errno: cannot be watched (waiters: -ECANCELED). */
static int verify_binding(struct ac__io_reg *reg, int fd, struct ac__reactor *r, bool cancel) {
  unsigned armed = atomic_load_explicit(&reg->flags, memory_order_relaxed) & AC__IO_OUT_ARMED;
  int err = ac__reactor_add(r, fd, reg_events(reg), reg);
  if (err == -EEXIST)
    return 0;
  /* ADD counted the fd again (or failed): the old entry went with close() */
  atomic_fetch_sub_explicit(&r->sources, 1, memory_order_relaxed);
  if (err)
    atomic_store_explicit(&reg->reactor, NULL, memory_order_relaxed);
  wake_all(&reg->waiters[AC__IO_READ], cancel || err);
  wake_all(&reg->waiters[AC__IO_WRITE], cancel || err);
  atomic_store_explicit(&reg->flags, (unsigned char)(armed | (err ? 0 : stream_flags(fd))),
                        memory_order_relaxed);
  bump(&reg->seq[AC__IO_READ]); /* what 'clear' proved was about the old fd */
  bump(&reg->seq[AC__IO_WRITE]);
  return err ? err : 1;
}

/* Under the lock: a wait trusts the binding of 'reg' (bound to 'r')
 * without a check; the sweep checks it if it lasts (AC__IO_UNVERIFIED).
 * Nothing to write while the flag is set and the period is not over. */
static void trust(struct ac__io_reg *reg, struct ac__reactor *r) {
  unsigned f = atomic_load_explicit(&reg->flags, memory_order_relaxed);
  if ((f & (AC__IO_UNVERIFIED | AC__IO_AGED)) == AC__IO_UNVERIFIED)
    return;
  clear_flags(reg, AC__IO_AGED); /* a new wait: its period starts now */
  set_flags(reg, AC__IO_UNVERIFIED);
  atomic_store_explicit(&r->unverified, 1, memory_order_release);
}

/* Queue the waiter unless an edge came since op->snap.  'tried': a
 * syscall just said EAGAIN; else the wait relies on what the registration
 * knows (clear == seq).  Either way the binding is verified first
 * (verify_binding: one epoll_ctl), except for a wait without a syscall on
 * an fd the runtime made (MADE): that is the path of every message of a
 * busy connection (W5), and the runtime's calls reset the registration of
 * the fds they make.  Such a wait trusts the binding, and the sweep checks
 * it if it lasts (AC__IO_UNVERIFIED): a runtime-made fd closed with
 * close() may have left "not ready" behind for a plain fd that took its
 * number. */
static int wait(struct ac_io_op *op, int fd, enum ac__io_dir dir, struct ac_cx *cx,
                bool tried) {
  struct ac__io_reg *reg = op->reg;
  struct ac__reactor *r = &cx->driver->io;
  int err;
  lock(reg);
  if (atomic_load_explicit(&reg->gen, memory_order_relaxed) != op->gen) {
    unlock(reg);
    return -ECANCELED;
  }
  bool trusted = false;
  if (atomic_load_explicit(&reg->reactor, memory_order_relaxed) == r) {
    trusted = !tried && ac__io_reg_has(reg, AC__IO_MADE);
    if (!trusted && (err = verify_binding(reg, fd, r, true))) {
      unlock(reg);
      return err < 0 ? err : AC__IO_TRY;
    }
  }
  if (dir == AC__IO_WRITE && !ac__io_reg_has(reg, AC__IO_OUT_ARMED)) {
    /* The first wait to write: from now on the fd reports EPOLLOUT.  epoll
     * looks at the fd when the mask changes, so an fd already writable
     * gives its edge at once (bump, then this waiter is woken). */
    set_flags(reg, AC__IO_OUT_ARMED);
    if (atomic_load_explicit(&reg->reactor, memory_order_relaxed) == r &&
        (err = ac__reactor_modify(r, fd, reg_events(reg), reg))) {
      clear_flags(reg, AC__IO_OUT_ARMED);
      unlock(reg);
      return err;
    }
  }
  if (atomic_load_explicit(&reg->reactor, memory_order_relaxed) != r && (err = bind_to(reg, fd, r))) {
    unlock(reg);
    return err;
  }
  if (atomic_load_explicit(&reg->seq[dir], memory_order_relaxed) != op->snap) {
    unlock(reg);
    return AC__IO_TRY;
  }
  if (trusted)
    trust(reg, r);
  op->w.task = cx->task;
  op->w.closed = 0;
  op->w.since = ac__coarse_now();
  link_waiter(&reg->waiters[dir], &op->w);
  ac__reactor_arm(r, fd, reg, dir);
  unlock(reg);
  return AC__IO_PENDING;
}

int ac__io_begin_slow(struct ac_io_op *op, int fd, enum ac__io_dir dir, struct ac_cx *cx) {
  struct ac__io_reg *reg = op->reg;
  if (!reg) {
    reg = ac__io_reg_of(fd);
    if (!reg)
      return -errno;
    op->reg = reg;
    op->gen = atomic_load_explicit(&reg->gen, memory_order_acquire);
  } else if (op->w.task) {
    /* Waited before: still queued (polled for another reason), or woken. */
    int closed;
    lock(reg);
    if (op->w.pprev) {
      op->w.task = cx->task;
      unlock(reg);
      return AC__IO_PENDING;
    }
    closed = op->w.closed;
    unlock(reg);
    op->w.task = NULL;
    if (closed)
      return -ECANCELED;
  }
  if (atomic_load_explicit(&reg->gen, memory_order_acquire) != op->gen)
    return -ECANCELED;
  for (;;) {
    uint32_t s = atomic_load_explicit(&reg->seq[dir], memory_order_acquire);
    op->snap = s;
    /* Bound here and proven not ready since the last edge: skip the
     * syscall that would only say EAGAIN. */
    if (atomic_load_explicit(&reg->reactor, memory_order_relaxed) == &cx->driver->io &&
        ac__io_edges_counted(reg, dir) &&
        atomic_load_explicit(&reg->clear[dir], memory_order_relaxed) == s &&
        !ac__io_reg_has(reg, 1u << dir)) { /* AC__IO_ENDED_READ / _WRITE */
      int rc = wait(op, fd, dir, cx, false);
      if (rc == AC__IO_TRY)
        continue;
      return rc;
    }
    return AC__IO_TRY;
  }
}

void ac__io_clear(struct ac_io_op *op, enum ac__io_dir dir) {
  atomic_store_explicit(&op->reg->clear[dir], op->snap, memory_order_relaxed);
}

int ac__io_park(struct ac_io_op *op, int fd, enum ac__io_dir dir, struct ac_cx *cx) {
  ac__io_clear(op, dir);
  return wait(op, fd, dir, cx, true);
}

/* Under the lock: forget the fd that had this number (ac_close, or a new
 * fd made with the number of one closed with close()): its epoll entry,
 * its state, and its operations, which complete with -ECANCELED. */
static void reset(struct ac__io_reg *reg, int fd, unsigned flags) {
  struct ac__reactor *r = atomic_load_explicit(&reg->reactor, memory_order_relaxed);
  atomic_fetch_add_explicit(&reg->gen, 1, memory_order_release);
  atomic_store_explicit(&reg->flags, (unsigned char)flags, memory_order_relaxed);
  if (r) {
    ac__reactor_remove(r, fd, reg);
    atomic_store_explicit(&reg->reactor, NULL, memory_order_relaxed);
  }
  wake_all(&reg->waiters[AC__IO_READ], 1);
  wake_all(&reg->waiters[AC__IO_WRITE], 1);
}

void ac__io_fresh(int fd, unsigned flags) {
  struct ac__io_reg *reg = ac__io_reg_of(fd);
  if (!reg)
    return;
  flags |= AC__IO_MADE;
  /* Unbound and no flags: ac_close()d, or never used; nothing to forget. */
  if (!atomic_load_explicit(&reg->reactor, memory_order_relaxed) &&
      !atomic_load_explicit(&reg->flags, memory_order_relaxed)) {
    set_flags(reg, flags);
    return;
  }
  lock(reg);
  reset(reg, fd, flags);
  unlock(reg);
}

void ac__io_mark_tcp(int fd) {
  struct ac__io_reg *reg = ac__io_reg_of(fd);
  if (reg)
    set_flags(reg, AC__IO_STREAM | AC__IO_SOCKET);
}

void ac__io_unmark_socket(struct ac__io_reg *reg) { clear_flags(reg, AC__IO_SOCKET); }

void ac__io_op_drop(struct ac_io_op *op) {
  if (op->reg && op->w.task) {
    struct ac__io_reg *reg = op->reg;
    lock(reg);
    if (op->w.pprev) {
      struct ac__reactor *r = atomic_load_explicit(&reg->reactor, memory_order_relaxed);
      unlink_waiter(&op->w);
      for (int dir = AC__IO_READ; r && dir <= AC__IO_WRITE; dir++)
        if (!reg->waiters[dir])
          ac__reactor_disarm(r, reg, dir);
    }
    unlock(reg);
    op->w.task = NULL;
  }
}

int ac_close(int fd) {
  struct ac__io_reg *reg = ac__io_reg_lookup(fd);
  if (reg) {
    lock(reg);
    reset(reg, fd, 0);
    unlock(reg);
  }
  return close(fd) == 0 ? 0 : -errno;
}

/* Under the lock, 'reg' bound to 'r' and UNVERIFIED. */
static void sweep_one(struct ac__io_reg *reg, int fd, struct ac__reactor *r, bool *again) {
  bool waited = reg->waiters[AC__IO_READ] || reg->waiters[AC__IO_WRITE];
  if (waited && !ac__io_reg_has(reg, AC__IO_AGED)) {
    set_flags(reg, AC__IO_AGED); /* checked at the next sweep if still waiting */
    *again = true;
    return;
  }
  clear_flags(reg, AC__IO_UNVERIFIED | AC__IO_AGED);
  if (waited) /* waiting for a whole period: check; a stale binding's waiters try again */
    verify_binding(reg, fd, r, false);
}

void ac__io_sweep(struct ac__reactor *r) {
  bool again = false;
  if (!atomic_exchange_explicit(&r->unverified, 0, memory_order_acquire))
    return;
  for (unsigned p = 0; p < AC__IO_PAGES; p++) {
    struct ac__io_reg *page = atomic_load_explicit(&ac__io_pages[p], memory_order_acquire);
    for (unsigned i = 0; page && i < AC__IO_PAGE_SIZE; i++) {
      struct ac__io_reg *reg = &page[i];
      if (atomic_load_explicit(&reg->reactor, memory_order_relaxed) != r ||
          !ac__io_reg_has(reg, AC__IO_UNVERIFIED))
        continue;
      lock(reg);
      if (atomic_load_explicit(&reg->reactor, memory_order_relaxed) == r &&
          ac__io_reg_has(reg, AC__IO_UNVERIFIED))
        sweep_one(reg, (int)(p << AC__IO_PAGE_SHIFT | i), r, &again);
      unlock(reg);
    }
  }
  if (again)
    atomic_store_explicit(&r->unverified, 1, memory_order_release);
}

bool ac__io_has_waiter(int fd, enum ac__io_dir dir) {
  struct ac__io_reg *reg = ac__io_reg_lookup(fd);
  bool has;
  if (!reg)
    return false;
  lock(reg);
  has = reg->waiters[dir] != NULL;
  unlock(reg);
  return has;
}

void ac__io_forget_reactor(struct ac__reactor *r) {
  for (unsigned p = 0; p < AC__IO_PAGES; p++) {
    struct ac__io_reg *page = atomic_load_explicit(&ac__io_pages[p], memory_order_acquire);
    if (!page)
      continue;
    for (unsigned i = 0; i < AC__IO_PAGE_SIZE; i++) {
      struct ac__io_reg *reg = &page[i];
      if (atomic_load_explicit(&reg->reactor, memory_order_relaxed) != r)
        continue;
      lock(reg);
      if (atomic_load_explicit(&reg->reactor, memory_order_relaxed) == r)
        atomic_store_explicit(&reg->reactor, NULL, memory_order_relaxed);
      unlock(reg);
    }
  }
}

/* ------------------------------------------------------------ task dump */

void ac__io_op_trace(const struct ac_io_op *op, int fd, const char *what, struct ac_trace *t) {
  struct ac__io_reg *reg = op->reg;
  bool queued = false;
  unsigned since = 0;
  if (reg && op->w.task) {
    lock(reg);
    queued = op->w.pprev != NULL;
    since = op->w.since;
    unlock(reg);
  }
  if (queued) {
    ac_trace_wait(t, "fd %d %s", fd, what);
    ac_trace_since(t, since);
  } else {
    ac_trace_wait(t, "fd %d %s (ready: to be polled)", fd, what);
  }
}
