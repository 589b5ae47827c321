/* The driver (see driver.h): park = reactor wait bounded by the next timer,
 * then fire due timers. */
#include "driver.h"

#include "task.h"

#include <limits.h>
#include <time.h>

static uint64_t monotonic_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

int ac__driver_init(struct ac__driver *d) {
  d->origin_ns = monotonic_ns();
  ac__timer_wheel_init(&d->timers, 0);
  return ac__reactor_init(&d->io);
}

void ac__driver_destroy(struct ac__driver *d) {
  ac__timer_wheel_destroy(&d->timers);
  ac__reactor_destroy(&d->io);
}

uint64_t ac__driver_now_ms(const struct ac__driver *d) {
  return (monotonic_ns() - d->origin_ns) / 1000000u;
}

uint64_t ac__driver_deadline_after_ms(const struct ac__driver *d, uint64_t ms) {
  uint64_t now_ceil = (monotonic_ns() - d->origin_ns + 999999u) / 1000000u;
  return ms > UINT64_MAX - now_ceil ? UINT64_MAX : now_ceil + ms;
}

/* epoll_wait's timeout until the next timer; -1 if there is none. */
static int timeout_until_next_timer(struct ac__driver *d) {
  uint64_t next = ac__timer_wheel_next_deadline(&d->timers);
  uint64_t now;
  if (next == AC__WHEEL_NO_DEADLINE)
    return -1;
  now = ac__driver_now_ms(d);
  if (next <= now)
    return 0;
  /* A longer wait is cut at INT_MAX ms; the loop just parks again. */
  return next - now > INT_MAX ? INT_MAX : (int)(next - now);
}

static void fire_due_timers(struct ac__driver *d) {
  uint64_t now = ac__driver_now_ms(d);
  struct ac_timer_entry *e;
  while ((e = ac__timer_wheel_poll(&d->timers, now)))
    ac__task_wake(e->task);
}

int ac__driver_park(struct ac__driver *d, bool may_block) {
  int timeout = may_block ? timeout_until_next_timer(d) : 0;
  /* Looking without blocking costs a syscall; with no fd registered only an
   * unpark could be pending, and the executor checks for those itself. */
  if (timeout != 0 || d->io.sources > 0) {
    int err = ac__reactor_poll(&d->io, timeout);
    if (err)
      return err;
  }
  fire_due_timers(d);
  return 0;
}

void ac__driver_unpark(struct ac__driver *d) { ac__reactor_unpark(&d->io); }
