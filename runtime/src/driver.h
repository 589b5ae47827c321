/* The driver: what an executor parks on.  It owns the runtime clock, the
 * timing wheel and the reactor, and turns "time passed" and "fd ready" into
 * task wakes (the layering of tokio's runtime/driver.rs: time wraps I/O).
 *
 * Clock: CLOCK_MONOTONIC, as milliseconds since the driver started, so
 * wheel times start near 0.  Owner-thread only, except ac__driver_unpark. */
#ifndef AC__DRIVER_H
#define AC__DRIVER_H

#include "reactor.h"
#include "timer_wheel.h"

#include <stdbool.h>
#include <stdint.h>

struct ac__driver {
  struct ac__reactor io;
  struct ac__timer_wheel timers;
  uint64_t origin_ns; /* CLOCK_MONOTONIC when the driver started */
};

int ac__driver_init(struct ac__driver *d);
void ac__driver_destroy(struct ac__driver *d);

/* Milliseconds since the driver started, rounded down. */
uint64_t ac__driver_now_ms(const struct ac__driver *d);

/* The first tick at which at least 'ms' ms will have passed from now: now
 * rounded up, plus ms (saturating).  Firing when now_ms >= it never fires
 * early, whatever the sub-millisecond phase of the clock. */
uint64_t ac__driver_deadline_after_ms(const struct ac__driver *d, uint64_t ms);

/* Waits for I/O, a timer or an unpark (only if 'may_block'; otherwise just
 * looks), then wakes the tasks of every ready fd and every due timer.
 * Returns 0 or the reactor's -errno. */
int ac__driver_park(struct ac__driver *d, bool may_block);

/* Ends a current or the next blocking park.  Any thread. */
void ac__driver_unpark(struct ac__driver *d);

#endif
