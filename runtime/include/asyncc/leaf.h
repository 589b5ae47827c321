/* asyncc runtime: the leaf futures, hand-written to the frame convention of
 * asyncc.h so generated code awaits them like any lowered async function.
 *
 *   async void ac_yield(void);               let other tasks run once
 *   async void ac_sleep_ms(unsigned long);   complete after >= ms milliseconds
 *   async void ac_sleep_until(uint64_t);     complete once ac_now_ms() >= deadline
 *
 * ac_state is as wide as each leaf's states need (ac_yield: one byte; the
 * others: unsigned); test it with AC_STATE_IS_DONE.  Frame fields other
 * than ac_state are private to the runtime; they are
 * visible only so that the frames can be embedded in generated frames. */
#ifndef ASYNCC_LEAF_H
#define ASYNCC_LEAF_H

#include <asyncc/asyncc.h>

/* ---------------------------------------------------------------- ac_yield
 * First poll: wakes its own task and returns AC_PENDING, so the executor
 * puts the task at the back of its run queue.  Second poll: AC_READY. */
struct ac_yield__frame {
  unsigned char ac_state; /* 3 states: one byte (asyncc.h) */
};
void ac_yield__init(struct ac_yield__frame *f);
ac_poll ac_yield__poll(struct ac_yield__frame *f, struct ac_cx *cx);
void ac_yield__drop(struct ac_yield__frame *f);

/* ---------------------------------------------------------- timer entries
 * An intrusive node of the runtime's timing wheel.  It lives inside the
 * frame that waits (frames never move once polled), so arming a timer
 * allocates nothing and cancelling it is an O(1) unlink.
 * 'pprev' points at whatever points at this entry (a wheel slot or the
 * previous entry's 'next'); it is NULL exactly when the entry is not in a
 * wheel. */
struct ac_timer_entry {
  struct ac_timer_entry *next;
  struct ac_timer_entry **pprev;
  __UINT64_TYPE__ deadline_ms;   /* runtime clock: ms since the runtime started */
  struct ac_task *task;   /* woken when the deadline passes */
};

/* ------------------------------------------------------------- ac_sleep_ms
 * Completes on the first poll after at least 'ms' milliseconds have passed
 * since its own first poll; ms == 0 completes at once, unless the task
 * has used up its cooperative budget for this poll (128 ready leaves): then
 * it yields once first.  Dropping it while pending removes its timer.
 * Any worker of a multi-thread runtime may poll or drop it.  (40 bytes.) */
struct ac_sleep_ms__frame {
  unsigned ac_state;
  unsigned ac_since; /* coarse clock when armed, for ac_task_dump (padding otherwise) */
  struct ac_timer_entry timer; /* before the first poll, deadline_ms holds ms */
};
void ac_sleep_ms__init(struct ac_sleep_ms__frame *f, unsigned long ms);
ac_poll ac_sleep_ms__poll(struct ac_sleep_ms__frame *f, struct ac_cx *cx);
void ac_sleep_ms__drop(struct ac_sleep_ms__frame *f);

/* The runtime clock: CLOCK_MONOTONIC in milliseconds since the process
 * first read it (rounded down).  The clock of every timer; any thread, also
 * outside a runtime. */
__UINT64_TYPE__ ac_now_ms(void);

/* ---------------------------------------------------------- ac_sleep_until
 * Completes on the first poll at which ac_now_ms() >= deadline_ms; a
 * deadline already reached completes at once (budget permitting, as
 * ac_sleep_ms(0)).  For periodic work without
 * drift: `next += period; await ac_sleep_until(next);`.  Dropping it while
 * pending removes its timer.  (40 bytes.) */
struct ac_sleep_until__frame {
  unsigned ac_state;
  unsigned ac_since;
  struct ac_timer_entry timer;
};
void ac_sleep_until__init(struct ac_sleep_until__frame *f, __UINT64_TYPE__ deadline_ms);
ac_poll ac_sleep_until__poll(struct ac_sleep_until__frame *f, struct ac_cx *cx);
void ac_sleep_until__drop(struct ac_sleep_until__frame *f);

#endif
