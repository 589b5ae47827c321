/* The coarse clock: the low 32 bits of ac_now_ms() at the last driver turn
 * of any runtime (driver.c sets it).  Leaves stamp the start of a wait
 * with it for the task dump: a relaxed load, no clock read.  Written only
 * when it changed, so the line it sits on stays shared. */
#ifndef AC__COARSE_CLOCK_H
#define AC__COARSE_CLOCK_H

#include <stdatomic.h>
#include <stdint.h>

extern _Atomic uint32_t ac__coarse_ms;

static inline uint32_t ac__coarse_now(void) {
  return atomic_load_explicit(&ac__coarse_ms, memory_order_relaxed);
}

static inline void ac__coarse_set(uint64_t now_ms) {
  uint32_t v = (uint32_t)now_ms;
  if (atomic_load_explicit(&ac__coarse_ms, memory_order_relaxed) != v)
    atomic_store_explicit(&ac__coarse_ms, v, memory_order_relaxed);
}

#endif
