/* The out-of-line slow paths of waitq.h: a frame waiting out its waker's
 * NOTIFYING step, and plain threads blocking.
 *
 * Plain threads waiting on a wait queue (the *_blocking calls): the node
 * has no task, and the thread sleeps on a futex on the node's 'state'.
 *
 * The waker stores WOKEN and then calls FUTEX_WAKE on the address.  The
 * sleeper only sleeps while 'state' still holds the value it read, so the
 * wake cannot be lost.  By the time FUTEX_WAKE runs the sleeper may have
 * returned and its stack node be gone: waking an address nobody waits on is
 * harmless (at worst a spurious wake-up for a later futex user of the same
 * address, which every futex user tolerates). */
#include "waitq.h"

#include <linux/futex.h>
#include <sys/syscall.h>
#include <unistd.h>

static long futex(_Atomic uint32_t *addr, int op, uint32_t val) {
  return syscall(SYS_futex, addr, op, val, NULL, NULL, 0);
}

void ac__waiter_thread_wake(struct ac_waiter *w) {
  atomic_store_explicit(&w->state, AC__W_WOKEN, memory_order_release);
  futex(&w->state, FUTEX_WAKE_PRIVATE, 1);
}

void ac__waiter_thread_wait(struct ac_waiter *w) {
  uint32_t s;
  while ((s = atomic_load_explicit(&w->state, memory_order_acquire)) != AC__W_WOKEN)
    futex(&w->state, FUTEX_WAIT_PRIVATE, s); /* returns at once if it changed */
}

enum ac__waiter_state ac__waiter_settle_slow(struct ac_waiter *w) {
  uint32_t s;
  unsigned spins = 0;
  while ((s = atomic_load_explicit(&w->state, memory_order_acquire)) == AC__W_NOTIFYING)
    ac__spin_backoff(&spins);
  return (enum ac__waiter_state)s;
}

/* ------------------------------------------------------------ task dump */

void ac__waiter_trace(ac__spinlock *lock, const struct ac_waiter *w, unsigned frame_state,
                      const char *what, const void *obj, struct ac_trace *t) {
  if (frame_state != OP_WAITING) {
    ac_trace_wait(t, "%s %p", what, obj);
    return;
  }
  ac__spin_lock(lock);
  bool queued = ac__waiter_queued(w);
  unsigned since = (unsigned)w->result; /* the wait's start while queued */
  ac__spin_unlock(lock);
  if (queued) {
    ac_trace_wait(t, "%s %p", what, obj);
    ac_trace_since(t, since);
  } else {
    ac_trace_wait(t, "%s %p (woken: to be polled)", what, obj);
  }
}
