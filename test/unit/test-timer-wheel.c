/* The timing wheel alone, on a fake clock: entries fire at the first poll
 * whose time reaches their deadline, never before, and in deadline order;
 * cancel is a clean unlink from any place an entry can be. */
#include "test.h"

#include "timer_wheel.h"

static struct ac_timer_entry entry_at(uint64_t deadline) {
  return (struct ac_timer_entry){.deadline_ms = deadline};
}

TEST_IMPL(wheel_fires_at_deadline) {
  static const uint64_t starts[] = {0, 1, 63, 64, 4095, 4096, 262143, 123456789};
  static const uint64_t deltas[] = {1,      2,      63,        64,        65,
                                    4095,   4096,   4097,      262143,    262144,
                                    262145, 1u << 24, (1u << 30) + 7, UINT64_C(1) << 36,
                                    (UINT64_C(1) << 36) + 12345};
  for (size_t i = 0; i < sizeof starts / sizeof *starts; i++) {
    for (size_t j = 0; j < sizeof deltas / sizeof *deltas; j++) {
      struct ac__timer_wheel w;
      uint64_t deadline = starts[i] + deltas[j];
      struct ac_timer_entry e = entry_at(deadline);
      ac__timer_wheel_init(&w, starts[i]);
      ac__timer_wheel_insert(&w, &e);
      ASSERT_TRUE(ac__timer_entry_is_armed(&e));
      ASSERT_UINT_EQ(ac__timer_wheel_count(&w), 1);
      ASSERT_UINT_LE(ac__timer_wheel_next_deadline(&w), deadline);
      ASSERT_NULL(ac__timer_wheel_poll(&w, deadline - 1));
      ASSERT_PTR_EQ(ac__timer_wheel_poll(&w, deadline), &e);
      ASSERT_TRUE(!ac__timer_entry_is_armed(&e));
      ASSERT_NULL(ac__timer_wheel_poll(&w, deadline));
      ASSERT_UINT_EQ(ac__timer_wheel_count(&w), 0);
      ASSERT_UINT_EQ(ac__timer_wheel_next_deadline(&w), AC__WHEEL_NO_DEADLINE);
      ac__timer_wheel_destroy(&w);
    }
  }
}

TEST_IMPL(wheel_next_deadline) {
  struct ac__timer_wheel w;
  struct ac_timer_entry near = entry_at(10), far = entry_at(100);
  ac__timer_wheel_init(&w, 0);
  ASSERT_UINT_EQ(ac__timer_wheel_next_deadline(&w), AC__WHEEL_NO_DEADLINE);
  ac__timer_wheel_insert(&w, &far);
  ASSERT_UINT_EQ(ac__timer_wheel_next_deadline(&w), 64); /* start of its level-1 slot */
  ac__timer_wheel_insert(&w, &near);
  ASSERT_UINT_EQ(ac__timer_wheel_next_deadline(&w), 10); /* level 0 is exact */
  ASSERT_PTR_EQ(ac__timer_wheel_poll(&w, 10), &near);
  ASSERT_NULL(ac__timer_wheel_poll(&w, 64)); /* cascades 'far' to level 0 */
  ASSERT_UINT_EQ(ac__timer_wheel_next_deadline(&w), 100);
  ASSERT_PTR_EQ(ac__timer_wheel_poll(&w, 1000), &far);
  ac__timer_wheel_destroy(&w);
}

TEST_IMPL(wheel_cancel) {
  struct ac__timer_wheel w;
  struct ac_timer_entry a = entry_at(50), b = entry_at(50), c = entry_at(50);
  struct ac_timer_entry never = entry_at(7);
  ac__timer_wheel_init(&w, 0);

  ac__timer_entry_cancel(&never); /* never armed: no-op */

  ac__timer_wheel_insert(&w, &a);
  ac__timer_wheel_insert(&w, &b);
  ac__timer_wheel_insert(&w, &c);
  ac__timer_entry_cancel(&b); /* middle of its slot's list */
  ac__timer_entry_cancel(&b); /* again: no-op */
  ASSERT_UINT_EQ(ac__timer_wheel_count(&w), 2);
  ac__timer_entry_cancel(&c); /* head of the list */
  ASSERT_UINT_EQ(ac__timer_wheel_count(&w), 1);
  ASSERT_PTR_EQ(ac__timer_wheel_poll(&w, 50), &a);
  ac__timer_entry_cancel(&a); /* already fired: no-op */
  ASSERT_NULL(ac__timer_wheel_poll(&w, 50));

  /* All cancelled: the stale occupancy bit is cleared, not reported. */
  ac__timer_wheel_insert(&w, &b);
  ac__timer_entry_cancel(&b);
  ASSERT_UINT_EQ(ac__timer_wheel_next_deadline(&w), AC__WHEEL_NO_DEADLINE);
  ASSERT_NULL(ac__timer_wheel_poll(&w, 10000));

  /* Destroy disarms what is left, so a late cancel does not touch it. */
  ac__timer_wheel_insert(&w, &c);
  ac__timer_wheel_destroy(&w);
  ASSERT_TRUE(!ac__timer_entry_is_armed(&c));
  ac__timer_entry_cancel(&c);
}

TEST_IMPL(wheel_past_deadline) {
  struct ac__timer_wheel w;
  struct ac_timer_entry past = entry_at(3), now = entry_at(100), dropped = entry_at(5);
  ac__timer_wheel_init(&w, 100);
  ac__timer_wheel_insert(&w, &past);
  ac__timer_wheel_insert(&w, &now);
  ac__timer_wheel_insert(&w, &dropped);
  ASSERT_UINT_EQ(ac__timer_wheel_next_deadline(&w), 100);
  ac__timer_entry_cancel(&dropped); /* cancel while in the expired list */
  ASSERT_TRUE(ac__timer_wheel_poll(&w, 100) != NULL);
  ASSERT_TRUE(ac__timer_wheel_poll(&w, 100) != NULL);
  ASSERT_NULL(ac__timer_wheel_poll(&w, 100));
  ASSERT_TRUE(!ac__timer_entry_is_armed(&past) && !ac__timer_entry_is_armed(&now));
  ac__timer_wheel_destroy(&w);
}

TEST_IMPL(wheel_far_future) {
  /* Beyond the ~2.1-year horizon: re-placed each turn, never early. */
  struct ac__timer_wheel w;
  uint64_t deadline = UINT64_C(1) << 44;
  struct ac_timer_entry e = entry_at(deadline);
  ac__timer_wheel_init(&w, 5);
  ac__timer_wheel_insert(&w, &e);
  ASSERT_NULL(ac__timer_wheel_poll(&w, AC__WHEEL_MAX_DELAY_MS * 3));
  ASSERT_NULL(ac__timer_wheel_poll(&w, deadline - 1));
  ASSERT_PTR_EQ(ac__timer_wheel_poll(&w, deadline), &e);
  ac__timer_wheel_destroy(&w);
}

/* ------------------------------------------------------------------------
 * Random timers, cancels and clock jumps against a simple model: each
 * armed entry must come out of the first poll whose time reaches its
 * deadline, entries come out in deadline order, and cancelled ones never. */
enum { MODEL_N = 5000 };

static uint64_t rng_state = 0x9E3779B97F4A7C15u;
static uint64_t rnd(void) { /* xorshift64 */
  rng_state ^= rng_state << 13;
  rng_state ^= rng_state >> 7;
  rng_state ^= rng_state << 17;
  return rng_state;
}

/* Mostly near timers, some far, a few beyond the horizon. */
static uint64_t random_delay(void) {
  switch (rnd() % 8) {
  case 0: case 1: case 2: return 1 + rnd() % 64;
  case 3: case 4: return 1 + rnd() % 5000;
  case 5: return 1 + rnd() % 400000;
  case 6: return 1 + rnd() % (UINT64_C(1) << 34);
  default: return 1 + rnd() % (UINT64_C(1) << 38);
  }
}

static uint64_t random_step(void) {
  switch (rnd() % 4) {
  case 0: return 0;
  case 1: return rnd() % 8;
  case 2: return rnd() % 3000;
  default: return rnd() % (UINT64_C(1) << 33);
  }
}

struct model_entry {
  struct ac_timer_entry e;
  int state; /* 0 armed, 1 fired, 2 cancelled */
};

TEST_IMPL(wheel_random_against_model) {
  static struct model_entry m[MODEL_N];
  struct ac__timer_wheel w;
  uint64_t now = 777, prev_now = 777;
  size_t inserted = 0, armed = 0, fired = 0;
  ac__timer_wheel_init(&w, now);

  while (inserted < MODEL_N || armed > 0) {
    /* Arm a few, cancel a few. */
    for (int k = 0; k < 50 && inserted < MODEL_N; k++) {
      m[inserted].e = entry_at(now + random_delay());
      m[inserted].state = 0;
      ac__timer_wheel_insert(&w, &m[inserted].e);
      inserted++;
      armed++;
    }
    for (int k = 0; k < 5 && inserted > 0; k++) {
      struct model_entry *c = &m[rnd() % inserted];
      if (c->state == 0) {
        ac__timer_entry_cancel(&c->e);
        c->state = 2;
        armed--;
      }
    }
    /* The next-deadline hint never exceeds the true earliest deadline. */
    uint64_t earliest = AC__WHEEL_NO_DEADLINE;
    for (size_t i = 0; i < inserted; i++)
      if (m[i].state == 0 && m[i].e.deadline_ms < earliest)
        earliest = m[i].e.deadline_ms;
    ASSERT_UINT_LE(ac__timer_wheel_next_deadline(&w), earliest);
    ASSERT_UINT_EQ(ac__timer_wheel_count(&w), armed);

    /* Advance; after all are inserted, jump straight to the earliest. */
    prev_now = now;
    now += random_step();
    if (inserted == MODEL_N && armed > 0 && earliest > now)
      now = earliest;
    uint64_t last = 0;
    struct ac_timer_entry *e;
    while ((e = ac__timer_wheel_poll(&w, now))) {
      struct model_entry *me = (struct model_entry *)e;
      ASSERT_INT_EQ(me->state, 0);
      ASSERT_UINT_LE(e->deadline_ms, now);      /* not early */
      ASSERT_UINT_LT(prev_now, e->deadline_ms); /* not late: due only now */
      ASSERT_UINT_LE(last, e->deadline_ms);     /* in deadline order */
      last = e->deadline_ms;
      me->state = 1;
      armed--;
      fired++;
    }
    /* Nothing that is due was left behind. */
    for (size_t i = 0; i < inserted; i++)
      if (m[i].state == 0)
        ASSERT_UINT_LT(now, m[i].e.deadline_ms);
  }
  ASSERT_UINT_EQ(ac__timer_wheel_count(&w), 0);
  ASSERT_TRUE(fired > MODEL_N / 2);
  ac__timer_wheel_destroy(&w);
}
