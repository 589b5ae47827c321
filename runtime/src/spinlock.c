/* The contended path of spinlock.h. */
#include "spinlock.h"

void ac__spin_lock_slow(ac__spinlock *l) {
  do {
    unsigned spins = 0;
    while (atomic_load_explicit(l, memory_order_relaxed))
      ac__spin_backoff(&spins);
  } while (atomic_exchange_explicit(l, 1, memory_order_acquire));
}
