/* Hierarchical timing wheel (see timer_wheel.h for the shape).
 *
 * Invariant: every armed entry in slots[L][s] has a deadline later than
 * 'elapsed', inside the current level-(L+1) window, but outside the current
 * level-L slot; so at level L > 0, s is after the slot 'elapsed' is in, and
 * lower levels always expire first.  poll() keeps it by visiting slots in
 * time order and re-inserting (cascading) the entries of a higher-level slot
 * when its start time is reached.  Each slot is a doubly linked list with
 * 'pprev' links, so an entry unlinks itself without knowing its wheel. */
#include "timer_wheel.h"

#include <assert.h>

static void push(struct ac_timer_entry **head, struct ac_timer_entry *e) {
  e->next = *head;
  if (e->next)
    e->next->pprev = &e->next;
  *head = e;
  e->pprev = head;
}

static void unlink_entry(struct ac_timer_entry *e) {
  *e->pprev = e->next;
  if (e->next)
    e->next->pprev = e->pprev;
  e->next = NULL;
  e->pprev = NULL;
}

static uint64_t slot_range(unsigned level) {
  return UINT64_C(1) << (AC__WHEEL_SLOT_BITS * level);
}

static unsigned slot_for(uint64_t when, unsigned level) {
  return (unsigned)(when >> (AC__WHEEL_SLOT_BITS * level)) & (AC__WHEEL_SLOTS - 1);
}

/* The level whose slot width matches the highest bit in which 'elapsed'
 * and 'when' differ: below it the deadline is in the current slot. */
static unsigned level_for(uint64_t elapsed, uint64_t when) {
  uint64_t masked = (elapsed ^ when) | (AC__WHEEL_SLOTS - 1);
  unsigned significant = 63u - (unsigned)__builtin_clzll(masked);
  unsigned level = significant / AC__WHEEL_SLOT_BITS;
  return level < AC__WHEEL_LEVELS ? level : AC__WHEEL_LEVELS - 1;
}

void ac__timer_wheel_init(struct ac__timer_wheel *w, uint64_t now_ms) {
  *w = (struct ac__timer_wheel){.elapsed = now_ms};
}

static void detach_list(struct ac_timer_entry *e) {
  while (e) {
    struct ac_timer_entry *next = e->next;
    e->next = NULL;
    e->pprev = NULL;
    e = next;
  }
}

void ac__timer_wheel_destroy(struct ac__timer_wheel *w) {
  for (unsigned l = 0; l < AC__WHEEL_LEVELS; l++)
    for (unsigned s = 0; s < AC__WHEEL_SLOTS; s++)
      detach_list(w->slots[l][s]);
  detach_list(w->expired);
  ac__timer_wheel_init(w, w->elapsed);
}

void ac__timer_wheel_insert(struct ac__timer_wheel *w, struct ac_timer_entry *e) {
  uint64_t when = e->deadline_ms;
  assert(!ac__timer_entry_is_armed(e));
  if (when <= w->elapsed) {
    push(&w->expired, e);
    return;
  }
  /* Beyond the horizon: place at the horizon, re-placed when cascaded. */
  if (when - w->elapsed > AC__WHEEL_MAX_DELAY_MS)
    when = w->elapsed + AC__WHEEL_MAX_DELAY_MS;
  unsigned level = level_for(w->elapsed, when);
  unsigned slot = slot_for(when, level);
  push(&w->slots[level][slot], e);
  w->occupied[level] |= UINT64_C(1) << slot;
}

void ac__timer_entry_cancel(struct ac_timer_entry *e) {
  if (ac__timer_entry_is_armed(e))
    unlink_entry(e);
}

/* The next slot to expire: its level, index, and start time. */
struct slot_ref {
  unsigned level, slot;
  uint64_t deadline;
};

static bool next_expiration(struct ac__timer_wheel *w, struct slot_ref *out) {
  for (unsigned level = 0; level < AC__WHEEL_LEVELS; level++) {
    unsigned now_slot = slot_for(w->elapsed, level);
    while (w->occupied[level]) {
      /* Rotate so that bit i stands for slot now_slot + i (mod 64). */
      uint64_t bits = w->occupied[level];
      uint64_t rotated =
          now_slot ? (bits >> now_slot) | (bits << (AC__WHEEL_SLOTS - now_slot)) : bits;
      unsigned slot = (now_slot + (unsigned)__builtin_ctzll(rotated)) & (AC__WHEEL_SLOTS - 1);
      if (!w->slots[level][slot]) { /* emptied by cancels: clear lazily */
        w->occupied[level] &= ~(UINT64_C(1) << slot);
        continue;
      }
      uint64_t level_range = slot_range(level) << AC__WHEEL_SLOT_BITS;
      uint64_t level_start = w->elapsed & ~(level_range - 1);
      uint64_t deadline = level_start + slot * slot_range(level);
      if (deadline <= w->elapsed) {
        /* A horizon placement that wrapped around the top level: the slot
         * comes up in the next turn of that level. */
        assert(level == AC__WHEEL_LEVELS - 1);
        deadline += level_range;
      }
      *out = (struct slot_ref){level, slot, deadline};
      return true;
    }
  }
  return false;
}

uint64_t ac__timer_wheel_next_deadline(struct ac__timer_wheel *w) {
  struct slot_ref ref;
  if (w->expired)
    return w->elapsed;
  return next_expiration(w, &ref) ? ref.deadline : AC__WHEEL_NO_DEADLINE;
}

/* Time has reached the start of 'ref': hand its entries to the level below
 * (or to 'expired' when due now). */
static void process_slot(struct ac__timer_wheel *w, const struct slot_ref *ref) {
  struct ac_timer_entry *e = w->slots[ref->level][ref->slot];
  w->slots[ref->level][ref->slot] = NULL;
  w->occupied[ref->level] &= ~(UINT64_C(1) << ref->slot);
  w->elapsed = ref->deadline;
  while (e) {
    struct ac_timer_entry *next = e->next;
    e->next = NULL;
    e->pprev = NULL;
    ac__timer_wheel_insert(w, e);
    e = next;
  }
}

struct ac_timer_entry *ac__timer_wheel_poll(struct ac__timer_wheel *w, uint64_t now_ms) {
  struct slot_ref ref;
  for (;;) {
    if (w->expired) {
      struct ac_timer_entry *e = w->expired;
      unlink_entry(e);
      return e;
    }
    if (!next_expiration(w, &ref) || ref.deadline > now_ms) {
      /* Nothing is due up to now_ms, so jumping keeps the invariant. */
      if (now_ms > w->elapsed)
        w->elapsed = now_ms;
      return NULL;
    }
    process_slot(w, &ref);
  }
}

static size_t list_length(const struct ac_timer_entry *e) {
  size_t n = 0;
  for (; e; e = e->next)
    n++;
  return n;
}

size_t ac__timer_wheel_count(const struct ac__timer_wheel *w) {
  size_t n = list_length(w->expired);
  for (unsigned l = 0; l < AC__WHEEL_LEVELS; l++)
    for (unsigned s = 0; s < AC__WHEEL_SLOTS; s++)
      n += list_length(w->slots[l][s]);
  return n;
}
