/* The time leaves: ac_yield, ac_sleep_ms and ac_sleep_until, hand-written
 * to the frame convention (see leaf.h for what each promises).  Timers go
 * through the driver's functions only, which lock when the driver is shared
 * by the workers of a multi-thread runtime. */
#include <asyncc/lowered.h>
#include <errno.h>
#include "coarse_clock.h"
#include "driver.h"
#include "leaf_trace.h"
#include "task.h"
#include "timer_wheel.h"

#include <inttypes.h>

/* generated code spells ac_timeout's result as a number (lowered.h) */
_Static_assert(AC__ETIMEDOUT == ETIMEDOUT, "AC__ETIMEDOUT must be ETIMEDOUT");

/* ---------------------------------------------------------------- ac_yield */

enum { YIELD_UNSTARTED = 0, YIELD_WOKEN = 1 };

void ac_yield__init(struct ac_yield__frame *f) { f->ac_state = YIELD_UNSTARTED; }

ac_poll ac_yield__poll(struct ac_yield__frame *f, struct ac_cx *cx) {
  if (f->ac_state == YIELD_UNSTARTED) {
    /* The task is RUNNING, so this only marks it NOTIFIED: the executor
     * re-queues it behind every task already runnable. */
    f->ac_state = YIELD_WOKEN;
    ac__task_wake(cx->task);
    return AC_PENDING;
  }
  AC_STATE_SET_DONE(f->ac_state);
  return AC_READY;
}

void ac_yield__drop(struct ac_yield__frame *f) { AC_STATE_SET_DONE(f->ac_state); }

/* ------------------------------------------------------- timers: shared part
 * ac_sleep_ms and ac_sleep_until share the timer logic; they differ only in
 * how the deadline is computed at the first poll. */

enum { SLEEP_UNSTARTED = 0, SLEEP_ARMED = 1 };

/* Arms f's timer for 'deadline' unless it has passed.  A deadline already
 * reached completes at once, as long as the coop budget allows: a loop of
 * ready sleeps must still let other tasks (and timers) run. */
static ac_poll sleep_start(unsigned *state, unsigned *since, struct ac_timer_entry *timer,
                           uint64_t deadline, struct ac_cx *cx) {
  if (deadline <= ac__driver_now_ms(cx->driver)) {
    if (!ac__coop_proceed(cx)) {
      ac__task_wake(cx->task); /* state stays UNSTARTED: retried next poll */
      return AC_PENDING;
    }
    *state = AC_STATE_DONE;
    return AC_READY;
  }
  timer->deadline_ms = deadline;
  timer->task = cx->task;
  *state = SLEEP_ARMED;
  *since = ac__coarse_now();
  ac__driver_timer_insert(cx->driver, timer);
  return AC_PENDING;
}

/* Armed: ready once the timer has fired.  Polled while still armed means a
 * wake for another reason (a sibling in a join woke the task): the timer
 * fires later and disarms itself when it does. */
static ac_poll sleep_wait(unsigned *state, struct ac_timer_entry *timer, struct ac_cx *cx) {
  if (ac__driver_timer_armed(cx->driver, timer))
    return AC_PENDING;
  *state = AC_STATE_DONE;
  return AC_READY;
}

/* Disarms the timer of the runtime the task belongs to (a drop has no cx);
 * 'task' is set only once armed. */
static void sleep_drop(unsigned *state, struct ac_timer_entry *timer) {
  if (*state == SLEEP_ARMED && timer->task)
    ac__driver_timer_cancel(ac__task_sched(timer->task)->driver, timer);
  *state = AC_STATE_DONE;
}

/* ------------------------------------------------------------- ac_sleep_ms */

void ac_sleep_ms__init(struct ac_sleep_ms__frame *f, unsigned long ms) {
  f->ac_state = SLEEP_UNSTARTED;
  f->timer = (struct ac_timer_entry){.deadline_ms = ms};
}

ac_poll ac_sleep_ms__poll(struct ac_sleep_ms__frame *f, struct ac_cx *cx) {
  switch (f->ac_state) {
  case SLEEP_UNSTARTED:
    /* ms == 0: "now", i.e. ready at once (budget permitting). */
    return sleep_start(&f->ac_state, &f->ac_since, &f->timer,
                       f->timer.deadline_ms == 0
                           ? 0
                           : ac__driver_deadline_after_ms(cx->driver, f->timer.deadline_ms),
                       cx);
  case SLEEP_ARMED:
    return sleep_wait(&f->ac_state, &f->timer, cx);
  default: /* done */
    return AC_READY;
  }
}

void ac_sleep_ms__drop(struct ac_sleep_ms__frame *f) { sleep_drop(&f->ac_state, &f->timer); }

/* ---------------------------------------------------------- ac_sleep_until */

void ac_sleep_until__init(struct ac_sleep_until__frame *f, uint64_t deadline_ms) {
  f->ac_state = SLEEP_UNSTARTED;
  f->timer = (struct ac_timer_entry){.deadline_ms = deadline_ms};
}

ac_poll ac_sleep_until__poll(struct ac_sleep_until__frame *f, struct ac_cx *cx) {
  switch (f->ac_state) {
  case SLEEP_UNSTARTED:
    return sleep_start(&f->ac_state, &f->ac_since, &f->timer, f->timer.deadline_ms, cx);
  case SLEEP_ARMED:
    return sleep_wait(&f->ac_state, &f->timer, cx);
  default:
    return AC_READY;
  }
}

void ac_sleep_until__drop(struct ac_sleep_until__frame *f) {
  sleep_drop(&f->ac_state, &f->timer);
}

/* ------------------------------------------------------------ task dump */

void ac_yield__trace(const void *frame, struct ac_trace *t) {
  const struct ac_yield__frame *f = frame;
  ac_trace_wait(t, f->ac_state == YIELD_WOKEN ? "yield: queued to run again" : "yield");
}

/* 'deadline' is read by the runtime's own thread only (the dump runs
 * there), so no lock: the wheel writes it on this thread too. */
static void sleep_trace(unsigned state, unsigned since, const struct ac_timer_entry *timer,
                        struct ac_trace *t) {
  if (state != SLEEP_ARMED) {
    ac_trace_wait(t, "timer, not armed yet");
    return;
  }
  uint64_t now = ac_now_ms();
  if (timer->deadline_ms > now)
    ac_trace_wait(t, "timer, fires in %" PRIu64 " ms (at %" PRIu64 " ms)",
                  timer->deadline_ms - now, timer->deadline_ms);
  else
    ac_trace_wait(t, "timer, due (at %" PRIu64 " ms)", timer->deadline_ms);
  ac_trace_since(t, since);
}

void ac_sleep_ms__trace(const void *frame, struct ac_trace *t) {
  const struct ac_sleep_ms__frame *f = frame;
  sleep_trace(f->ac_state, f->ac_since, &f->timer, t);
}

void ac_sleep_until__trace(const void *frame, struct ac_trace *t) {
  const struct ac_sleep_until__frame *f = frame;
  sleep_trace(f->ac_state, f->ac_since, &f->timer, t);
}
