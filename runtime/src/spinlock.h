/* The spinlock behind every channel and sync primitive (waitq.h) and the
 * biased lock's shared path (biased_lock.h).
 *
 * Uncontended, lock is one atomic exchange and unlock one release store.
 * Critical sections are a few dozen instructions and never call out, so a
 * spin is short; after a while a spinner yields the CPU, in case the
 * holder's thread was preempted. */
#ifndef AC__SPINLOCK_H
#define AC__SPINLOCK_H

#include <sched.h>
#include <stdatomic.h>

typedef _Atomic unsigned char ac__spinlock;

static inline void ac__cpu_relax(void) {
#if defined(__x86_64__) || defined(__i386__)
  __builtin_ia32_pause();
#elif defined(__aarch64__)
  __asm__ __volatile__("yield");
#endif
}

/* One step of a spin-wait: pause for the first 128 steps, then yield the
 * CPU (whoever we wait for may have been preempted: let it run). */
static inline void ac__spin_backoff(unsigned *spins) {
  if (++*spins < 128)
    ac__cpu_relax();
  else
    sched_yield();
}

/* Contended: spin, then yield (spinlock.c).  Out of line, so that the
 * uncontended lock inlined everywhere stays one exchange and a branch. */
void ac__spin_lock_slow(ac__spinlock *l);

static inline void ac__spin_lock(ac__spinlock *l) {
  if (__builtin_expect(atomic_exchange_explicit(l, 1, memory_order_acquire), 0))
    ac__spin_lock_slow(l);
}

static inline void ac__spin_unlock(ac__spinlock *l) {
  atomic_store_explicit(l, 0, memory_order_release);
}

#endif
