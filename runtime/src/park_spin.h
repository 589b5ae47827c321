/* Spinning before a blocking park (ASYNCC_PARK_SPIN_US, docs/runtime.md,
 * "Spinning before parking"): a driver about to sleep in epoll_wait first
 * looks without blocking for up to that many microseconds.  A sleeping
 * thread is woken by the kernel (on a VM an idle vCPU, an exit), which
 * adds its latency to every request that finds the server asleep; a
 * spinning one sees the event at once, for the CPU time of the spin. */
#ifndef AC__PARK_SPIN_H
#define AC__PARK_SPIN_H

#include <stdint.h>

enum { AC__PARK_SPIN_MAX_US = 1000000 };

/* ASYNCC_PARK_SPIN_US as a count of microseconds: 0 (the default: no
 * spin) when unset; an invalid value or one over AC__PARK_SPIN_MAX_US is
 * reported on stderr and read as 0.  Read when a driver starts. */
unsigned ac__park_spin_us(void);

#endif
