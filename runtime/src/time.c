/* The time leaves: ac_yield and ac_sleep_ms, hand-written to the frame
 * convention (see leaf.h for what each promises). */
#include "driver.h"
#include "task.h"
#include "timer_wheel.h"

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
  f->ac_state = AC_STATE_DONE;
  return AC_READY;
}

void ac_yield__drop(struct ac_yield__frame *f) { f->ac_state = AC_STATE_DONE; }

/* ------------------------------------------------------------- ac_sleep_ms */

enum { SLEEP_UNSTARTED = 0, SLEEP_ARMED = 1 };

void ac_sleep_ms__init(struct ac_sleep_ms__frame *f, unsigned long ms) {
  f->ac_state = SLEEP_UNSTARTED;
  f->timer = (struct ac_timer_entry){.deadline_ms = ms};
}

ac_poll ac_sleep_ms__poll(struct ac_sleep_ms__frame *f, struct ac_cx *cx) {
  switch (f->ac_state) {
  case SLEEP_UNSTARTED:
    if (f->timer.deadline_ms == 0)
      break;
    f->timer.deadline_ms = ac__driver_deadline_after_ms(cx->driver, f->timer.deadline_ms);
    f->timer.task = cx->task;
    ac__timer_wheel_insert(&cx->driver->timers, &f->timer);
    f->ac_state = SLEEP_ARMED;
    return AC_PENDING;
  case SLEEP_ARMED:
    /* Still armed: polled for another reason (a sibling in a join woke the
     * task).  The timer fires later; it disarms itself when it does. */
    if (ac__timer_entry_is_armed(&f->timer)) {
      f->timer.task = cx->task;
      return AC_PENDING;
    }
    break;
  default: /* done */
    break;
  }
  f->ac_state = AC_STATE_DONE;
  return AC_READY;
}

void ac_sleep_ms__drop(struct ac_sleep_ms__frame *f) {
  ac__timer_entry_cancel(&f->timer);
  f->ac_state = AC_STATE_DONE;
}
