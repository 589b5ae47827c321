/* The driver: what an executor parks on.  It owns the timing wheel and the
 * reactor, and turns "time passed" and "fd ready" into task wakes (the
 * layering of tokio's runtime/driver.rs: time wraps I/O).
 *
 * Clock: the runtime clock, CLOCK_MONOTONIC as milliseconds since the
 * process first read it (ac_now_ms), so wheel times start near 0 and
 * deadlines mean the same on every runtime and thread.
 *
 * Threads.  A driver made by ac__driver_init belongs to one thread (the
 * current-thread executor): no locking at all.  ac__driver_make_shared
 * turns it into the driver of a multi-thread runtime: any worker may then
 * arm, cancel or inspect timers (the wheel is under 'timer_lock'), while
 * ac__driver_park is still called by one thread at a time (the executor
 * serialises parkers).  A due timer's task is woken under 'timer_lock', so
 * once ac__driver_timer_cancel returns, the driver no longer touches the
 * entry or its task.  ac__driver_unpark: any thread, always. */
#ifndef AC__DRIVER_H
#define AC__DRIVER_H

#include "park_spin.h"
#include "reactor.h"
#include "timer_wheel.h"

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct ac__driver {
  struct ac__reactor io;
  struct ac__timer_wheel timers; /* under timer_lock when shared */
  bool shared;                   /* set once, before any worker runs */
  pthread_mutex_t timer_lock;    /* initialised only when shared */
  /* When shared, under timer_lock: the deadline a blocking park sleeps
   * until (UINT64_MAX: no timer), 0 when no park blocks.  A timer armed
   * earlier than it must unpark the driver, or it would fire late. */
  uint64_t park_deadline;
  /* A blocking park wakes up by this time (ms) even without a timer; 0:
   * no such time.  Set by the executor that parks, before it parks: the
   * arena's next look for memory to give back (ac__arena_trim). */
  uint64_t wake_at;
  /* How long a blocking park first looks without blocking (park_spin.h). */
  struct ac__park_spin spin;
  /* Parks that went to sleep in the reactor (tests: a spin that saw its
   * event did not). */
  unsigned long blocked_parks;
  /* Parks whose spin saw an event (tests). */
  unsigned long caught_parks;
};

/* 'shared': for a multi-thread runtime, which then calls
 * ac__driver_make_shared. */
int ac__driver_init(struct ac__driver *d, bool shared);
/* Makes 'd' safe for timer calls from several threads; 0 or -errno. */
int ac__driver_make_shared(struct ac__driver *d);
void ac__driver_destroy(struct ac__driver *d);

/* The runtime clock: milliseconds since the process first read it, rounded
 * down (ac_now_ms is the public name). */
uint64_t ac__clock_now_ms(void);
static inline uint64_t ac__driver_now_ms(const struct ac__driver *d) {
  (void)d;
  return ac__clock_now_ms();
}

/* The first tick at which at least 'ms' ms will have passed from now: now
 * rounded up, plus ms (saturating).  Firing when now_ms >= it never fires
 * early, whatever the sub-millisecond phase of the clock. */
uint64_t ac__driver_deadline_after_ms(const struct ac__driver *d, uint64_t ms);

/* Timers (any worker of a shared driver).  insert arms 'e' (not armed) for
 * e->deadline_ms to wake e->task; cancel disarms it (no-op if not armed);
 * armed tells whether it has neither fired nor been cancelled. */
void ac__driver_timer_insert(struct ac__driver *d, struct ac_timer_entry *e);
void ac__driver_timer_cancel(struct ac__driver *d, struct ac_timer_entry *e);
bool ac__driver_timer_armed(struct ac__driver *d, const struct ac_timer_entry *e);
/* No timer armed and no fd registered: nobody needs to wait in it. */
bool ac__driver_idle(struct ac__driver *d);
/* Armed timers; O(n), for tests. */
size_t ac__driver_timer_count(struct ac__driver *d);

/* Waits for I/O, a timer or an unpark (only if 'may_block'; otherwise just
 * looks), then wakes the tasks of every ready fd and every due timer.
 * Returns 0 or the reactor's -errno.  One thread at a time. */
int ac__driver_park(struct ac__driver *d, bool may_block);

/* Ends a current or the next blocking park.  Any thread. */
void ac__driver_unpark(struct ac__driver *d);

#endif
