/* The driver (see driver.h): park = reactor wait bounded by the next timer,
 * then fire due timers.
 *
 * Shared mode costs one mutex per timer operation and two per park; the
 * current-thread executor's driver skips them on a flag it set at init.
 * The reactor wait itself is never under the lock, so timers can be armed
 * and cancelled while a worker sleeps in epoll_wait; one armed earlier
 * than that sleep's deadline unparks it. */
#include "driver.h"

#include "coarse_clock.h"
#include "io_reg.h"
#include "ring_op.h"
#include "task.h"

#include <limits.h>
#include <sched.h>
#include <stdatomic.h>
#include <time.h>

static uint64_t monotonic_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* The process's clock origin, set by the first reader.  Kept one
 * nanosecond back so that 0 can mean "not set yet". */
static _Atomic uint64_t clock_origin_ns;
_Atomic uint32_t ac__coarse_ms;

static uint64_t since_origin_ns(void) {
  uint64_t origin = atomic_load_explicit(&clock_origin_ns, memory_order_relaxed);
  uint64_t now = monotonic_ns();
  if (origin == 0) {
    uint64_t mine = now - 1;
    if (atomic_compare_exchange_strong(&clock_origin_ns, &origin, mine))
      origin = mine;
    else
      now = monotonic_ns(); /* another thread's origin may be later than 'now' */
  }
  return now - origin;
}

uint64_t ac__clock_now_ms(void) { return since_origin_ns() / 1000000u; }

uint64_t ac_now_ms(void) { return ac__clock_now_ms(); }

int ac__driver_init(struct ac__driver *d, bool shared) {
  d->shared = false;
  d->park_deadline = 0;
  ac__park_spin_init(&d->spin);
  d->blocked_parks = 0;
  d->caught_parks = 0;
  ac__timer_wheel_init(&d->timers, ac__clock_now_ms());
  return ac__reactor_init(&d->io, shared);
}

int ac__driver_make_shared(struct ac__driver *d) {
  int err = pthread_mutex_init(&d->timer_lock, NULL);
  if (err)
    return -err;
  err = ac__reactor_make_shared(&d->io);
  if (err) {
    pthread_mutex_destroy(&d->timer_lock);
    return err;
  }
  d->shared = true;
  return 0;
}

void ac__driver_destroy(struct ac__driver *d) {
  ac__timer_wheel_destroy(&d->timers);
  /* fd registrations bound here must bind again in the next runtime. */
  ac__io_forget_reactor(&d->io);
  ac__reactor_destroy(&d->io);
  if (d->shared)
    pthread_mutex_destroy(&d->timer_lock);
}

static void lock(struct ac__driver *d) {
  if (d->shared)
    pthread_mutex_lock(&d->timer_lock);
}

static void unlock(struct ac__driver *d) {
  if (d->shared)
    pthread_mutex_unlock(&d->timer_lock);
}

uint64_t ac__driver_deadline_after_ms(const struct ac__driver *d, uint64_t ms) {
  uint64_t now_ceil = (since_origin_ns() + 999999u) / 1000000u;
  (void)d;
  return ms > UINT64_MAX - now_ceil ? UINT64_MAX : now_ceil + ms;
}

void ac__driver_timer_insert(struct ac__driver *d, struct ac_timer_entry *e) {
  bool earlier_than_park;
  lock(d);
  ac__timer_wheel_insert(&d->timers, e);
  earlier_than_park = e->deadline_ms < d->park_deadline;
  unlock(d);
  if (earlier_than_park)
    ac__driver_unpark(d);
}

void ac__driver_timer_cancel(struct ac__driver *d, struct ac_timer_entry *e) {
  lock(d);
  ac__timer_entry_cancel(e);
  unlock(d);
}

bool ac__driver_timer_armed(struct ac__driver *d, const struct ac_timer_entry *e) {
  bool armed;
  lock(d);
  armed = ac__timer_entry_is_armed(e);
  unlock(d);
  return armed;
}

bool ac__driver_idle(struct ac__driver *d) {
  bool idle;
  lock(d);
  idle = ac__timer_wheel_next_deadline(&d->timers) == AC__WHEEL_NO_DEADLINE &&
         d->io.sources == 0;
  unlock(d);
  return idle;
}

size_t ac__driver_timer_count(struct ac__driver *d) {
  size_t n;
  lock(d);
  n = ac__timer_wheel_count(&d->timers);
  unlock(d);
  return n;
}

/* epoll_wait's timeout until the next timer; -1 if there is none.  When the
 * park will block, records its deadline for ac__driver_timer_insert. */
static int park_timeout(struct ac__driver *d, bool may_block) {
  uint64_t next, now;
  int timeout;
  if (!may_block)
    return 0;
  lock(d);
  next = ac__timer_wheel_next_deadline(&d->timers);
  if (d->wake_at && d->wake_at < next)
    next = d->wake_at;
  if (atomic_load_explicit(&d->io.unverified, memory_order_relaxed) && d->io.next_sweep < next)
    next = d->io.next_sweep;
  now = ac__driver_now_ms(d);
  if (next == AC__WHEEL_NO_DEADLINE)
    timeout = -1;
  else if (next <= now)
    timeout = 0;
  else /* a longer wait is cut at INT_MAX ms; the loop just parks again */
    timeout = next - now > INT_MAX ? INT_MAX : (int)(next - now);
  if (timeout != 0 && d->shared)
    d->park_deadline = next;
  unlock(d);
  return timeout;
}

static void fire_due_timers(struct ac__driver *d) {
  uint64_t now = ac__driver_now_ms(d);
  struct ac_timer_entry *e;
  ac__coarse_set(now); /* what leaves stamp their waits with (coarse_clock.h) */
  lock(d);
  d->park_deadline = 0;
  /* Woken under the lock: a concurrent cancel waits, so the entry and its
   * task are alive here. */
  while ((e = ac__timer_wheel_poll(&d->timers, now)))
    ac__task_wake(e->task);
  unlock(d);
}

/* Looks without blocking until an event or an unpark comes or 'limit_ns'
 * have passed, never past the park's timeout (ms, -1: none), so that
 * timers are not late: what the last look returned (0: nothing, go to
 * sleep).  Yields between looks: a thread that waits for this CPU (on a
 * busy machine, the client the spin waits for) runs instead. */
static int spin(struct ac__driver *d, uint64_t start, uint64_t limit_ns, int timeout,
                struct ac__fired *fired) {
  if (timeout > 0 && (uint64_t)timeout * 1000000u < limit_ns)
    limit_ns = (uint64_t)timeout * 1000000u;
  for (;;) {
    int n = ac__reactor_poll(&d->io, 0, fired);
    if (n != 0 || d->io.unparked || monotonic_ns() - start >= limit_ns)
      return n;
    sched_yield();
  }
}

/* The reactor wait of a park that may block (timeout != 0): the spin,
 * then the sleep; adapts the spin to what came (park_spin.h). */
static int wait_for_events(struct ac__driver *d, int timeout, struct ac__fired *fired) {
  struct ac__park_spin *s = &d->spin;
  uint64_t start;
  int n;
  if (!s->adaptive && !s->window_ns) {
    d->blocked_parks++;
    return ac__reactor_poll(&d->io, timeout, fired);
  }
  start = monotonic_ns(); /* two clock reads a park: nothing beside a sleep */
  if (s->window_ns) {
    n = spin(d, start, s->window_ns, timeout, fired);
    if (n != 0 || d->io.unparked) {
      bool caught = n > 0 || d->io.unparked;
      d->caught_parks += caught;
      ac__park_spin_update(s, caught, false, 0);
      return n;
    }
  }
  d->blocked_parks++;
  n = ac__reactor_poll(&d->io, timeout, fired);
  ac__park_spin_update(s, false, n > 0 || d->io.unparked, monotonic_ns() - start);
  return n;
}

int ac__driver_park(struct ac__driver *d, bool may_block) {
  int timeout = park_timeout(d, may_block);
  /* Looking without blocking costs a syscall; with no fd registered only an
   * unpark could be pending, and the executor checks for those itself. */
  if (timeout != 0 || d->io.sources > 0) {
    struct ac__fired fired[AC__REACTOR_EVENTS];
    int n = timeout != 0 ? wait_for_events(d, timeout, fired) : ac__reactor_poll(&d->io, 0, fired);
    if (n < 0) {
      lock(d);
      d->park_deadline = 0;
      unlock(d);
      return n;
    }
    for (int i = 0; i < n; i++) {
      if (fired[i].reg)
        ac__io_reg_ready(fired[i].reg, fired[i].events);
      else
        ac__ring_op_complete(fired[i].op, fired[i].res);
    }
  }
  if (atomic_load_explicit(&d->io.unverified, memory_order_relaxed)) {
    uint64_t now = ac__driver_now_ms(d);
    if (now >= d->io.next_sweep) {
      d->io.next_sweep = now + AC__IO_SWEEP_MS;
      ac__io_sweep(&d->io);
    }
  }
  fire_due_timers(d);
  return 0;
}

void ac__driver_unpark(struct ac__driver *d) { ac__reactor_unpark(&d->io); }
