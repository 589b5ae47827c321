/* Spinning before a blocking park (docs/runtime.md, "Spinning before
 * parking"): a driver about to sleep in the reactor first looks without
 * blocking for a while.  A sleeping thread is woken by the kernel (on a
 * VM an idle vCPU, an exit), which adds its latency to every request that
 * finds the server asleep; a spinning one sees the event at once, for the
 * CPU time of the spin.
 *
 * By default the spin is adaptive, as KVM's halt polling: its window
 * grows (10, 20, 40... up to AC__PARK_SPIN_ADAPTIVE_MAX_US) while the
 * events that ended sleeps came within the maximum, so that a longer spin
 * would have caught them, and drops to 0 when a sleep outlasted it.  A
 * server whose clients answer fast spins; an idle one, or one whose events
 * come rarely, does not.  ASYNCC_PARK_SPIN_US=N fixes the window at N
 * microseconds (0: never spin). */
#ifndef AC__PARK_SPIN_H
#define AC__PARK_SPIN_H

#include <stdbool.h>
#include <stdint.h>

enum {
  AC__PARK_SPIN_MAX_US = 1000000,
  AC__PARK_SPIN_ADAPTIVE_MAX_US = 50,
  AC__PARK_SPIN_ADAPTIVE_START_US = 10,
};

struct ac__park_spin {
  bool adaptive;
  uint32_t max_ns;    /* the fixed window, or the adaptive one's ceiling */
  uint32_t window_ns; /* how long the next park spins */
};

/* From ASYNCC_PARK_SPIN_US, read when a driver starts: unset, adaptive;
 * a count of microseconds <= AC__PARK_SPIN_MAX_US, that fixed window; an
 * invalid value is reported on stderr and read as 0 (no spin). */
void ac__park_spin_init(struct ac__park_spin *s);

/* After a blocking park: 'caught' if its spin saw an event; else it
 * slept, 'woken' says whether an event (not the timeout) ended the sleep,
 * 'waited_ns' how long after the park's start (its spin included).
 * Adapts the next window. */
void ac__park_spin_update(struct ac__park_spin *s, bool caught, bool woken, uint64_t waited_ns);

#endif
