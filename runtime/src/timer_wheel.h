/* A hierarchical timing wheel with millisecond ticks (what users see of it:
 * docs/runtime.md, "Time").
 *
 * 6 levels of 64 slots.  A slot of level L spans 64^L ms, a whole level
 * 64^(L+1) ms:
 *   level 0: 1 ms slots,        64 ms      level 3: 4.4 min slots, 4.7 h
 *   level 1: 64 ms slots,       4.1 s      level 4: 4.7 h slots,   12.4 days
 *   level 2: 4.1 s slots,       4.4 min    level 5: 12.4 day slots, 2.2 years
 * An entry sits at the lowest level whose current window contains its
 * deadline; when the wheel's time reaches a slot of level L > 0 the slot's
 * entries are re-inserted ("cascaded") one level or more further down.  So
 * insert and cancel are O(1), and each entry moves at most 5 times.
 *
 * Deadlines beyond the horizon are placed as if due at the horizon and
 * re-placed when that slot comes up; they never fire early.
 *
 * The wheel is single-threaded: its owner inserts, cancels and polls. */
#ifndef AC__TIMER_WHEEL_H
#define AC__TIMER_WHEEL_H

#include <asyncc/asyncc.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define AC__WHEEL_SLOT_BITS 6
#define AC__WHEEL_SLOTS (1u << AC__WHEEL_SLOT_BITS) /* 64: one uint64_t bitmap */
#define AC__WHEEL_LEVELS 6
/* Furthest placement from 'elapsed': 2^36 - 2^30 - 1 ms (~2.1 years).  One
 * top-level slot short of the full 2^36, so that a placement that wraps
 * around the top level never lands in the slot currently being passed. */
#define AC__WHEEL_MAX_DELAY_MS                                                 \
  ((UINT64_C(1) << (AC__WHEEL_SLOT_BITS * AC__WHEEL_LEVELS)) -                 \
   (UINT64_C(1) << (AC__WHEEL_SLOT_BITS * (AC__WHEEL_LEVELS - 1))) - 1)
#define AC__WHEEL_NO_DEADLINE UINT64_MAX

struct ac__timer_wheel {
  uint64_t elapsed; /* ms up to which expirations have been processed */
  /* Bit s of occupied[L] is set if slots[L][s] may be non-empty.  Cancel
   * does not clear it (an entry does not know its wheel); the search for
   * the next expiration clears bits of slots it finds empty. */
  uint64_t occupied[AC__WHEEL_LEVELS];
  struct ac_timer_entry *slots[AC__WHEEL_LEVELS][AC__WHEEL_SLOTS];
  struct ac_timer_entry *expired; /* due, not yet handed out by poll */
};

void ac__timer_wheel_init(struct ac__timer_wheel *w, uint64_t now_ms);
/* Unlinks every remaining entry, so that later cancels are no-ops. */
void ac__timer_wheel_destroy(struct ac__timer_wheel *w);

/* Arms 'e' (not yet in any wheel) for e->deadline_ms.  A deadline already
 * passed makes it due at the next poll. */
void ac__timer_wheel_insert(struct ac__timer_wheel *w, struct ac_timer_entry *e);

/* Disarms 'e'; a no-op if it is not armed (fired, cancelled, never armed). */
void ac__timer_entry_cancel(struct ac_timer_entry *e);

static inline bool ac__timer_entry_is_armed(const struct ac_timer_entry *e) {
  return e->pprev != NULL;
}

/* The earliest time at which poll may return an entry: a lower bound of the
 * earliest deadline, exact for deadlines within 64 ms.  AC__WHEEL_NO_DEADLINE
 * when no entry is armed. */
uint64_t ac__timer_wheel_next_deadline(struct ac__timer_wheel *w);

/* Advances the wheel to 'now_ms' and returns one entry whose deadline is
 * <= now_ms, disarmed, or NULL when there is none left.  Call until NULL. */
struct ac_timer_entry *ac__timer_wheel_poll(struct ac__timer_wheel *w, uint64_t now_ms);

/* Number of armed entries.  O(n): for tests and debugging. */
size_t ac__timer_wheel_count(const struct ac__timer_wheel *w);

#endif
