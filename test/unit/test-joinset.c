/* Join sets: members come out in completion order; aborting a member,
 * dropping a pending next and freeing a set with members leave nothing
 * behind (no waiter, no timer, no task for the arena's wholesale reclaim). */
#include "test.h"

#include "driver.h"
#include "task.h"

#include <asyncc/asyncc.h>
#include <asyncc/joinset.h>

#include <errno.h>

/* async int member(int yields, int sleep): yields n times (or sleeps 60 s),
 * returns n */
struct member__frame {
  unsigned ac_state;
  int n, i, sleep;
  struct ac_yield__frame y;
  struct ac_sleep_ms__frame s;
  int ac_result;
};

static int member_drops;

static ac_poll member__poll(void *p, struct ac_cx *cx) {
  struct member__frame *f = p;
  if (f->sleep) {
    if (f->ac_state == 0) {
      ac_sleep_ms__init(&f->s, 60000);
      f->ac_state = 2;
    }
    if (ac_sleep_ms__poll(&f->s, cx) == AC_PENDING)
      return AC_PENDING;
  }
  for (;;) {
    if (f->ac_state == 1) {
      if (ac_yield__poll(&f->y, cx) == AC_PENDING)
        return AC_PENDING;
      f->i++;
    }
    if (f->i >= f->n)
      break;
    ac_yield__init(&f->y);
    f->ac_state = 1;
  }
  f->ac_result = f->n;
  f->ac_state = AC_STATE_DONE;
  return AC_READY;
}

static void member__drop(void *p) {
  struct member__frame *f = p;
  member_drops++;
  if (f->ac_state == 2)
    ac_sleep_ms__drop(&f->s);
  f->ac_state = AC_STATE_DONE;
}

static const struct ac_spawn_desc member__spawn = {
    sizeof(struct member__frame), _Alignof(struct member__frame),
    offsetof(struct member__frame, ac_result), sizeof(int), member__poll, member__drop, 0, 0, 0};

static struct ac_task *spawn_member(int n, int sleep) {
  struct ac_task *t;
  struct member__frame *f = ac_spawn_alloc(&member__spawn, &t);
  ASSERT_TRUE(f != NULL);
  *f = (struct member__frame){.n = n, .sleep = sleep};
  ac_spawn_start(t);
  return t;
}

/* Takes the result of a member returned by next (its join is ready). */
static int join_now(struct ac_task *t, struct ac_cx *cx, int *out) {
  struct ac_task_join__frame j;
  ac_task_join__init(&j, t, out);
  ASSERT_INT_EQ(ac_task_join__poll(&j, cx), AC_READY);
  return j.ac_result;
}

struct root__frame {
  unsigned ac_state;
  int scenario;
  struct ac_join_set *set;
  struct ac_task *h[4];
  struct ac_join_set_next__frame next;
  struct ac_task *done;
  int results[8], status[8], k, yields;
  size_t wheel_before, wheel_after, live_after;
};

static ac_poll root__poll(void *p, struct ac_cx *cx) {
  struct root__frame *f = p;
  if (f->ac_state == 0) {
    f->set = ac_join_set_new();
    ASSERT_TRUE(f->set != NULL);
    f->wheel_before = ac__timer_wheel_count(&cx->driver->timers);
    switch (f->scenario) {
    case 0: /* completion order 1, 2, 3 from spawn order 3, 1, 2 */
      ASSERT_INT_EQ(ac_join_set_add(f->set, spawn_member(3, 0)), 0);
      ASSERT_INT_EQ(ac_join_set_add(f->set, spawn_member(1, 0)), 0);
      ASSERT_INT_EQ(ac_join_set_add(f->set, spawn_member(2, 0)), 0);
      break;
    case 1: /* abort a sleeping member */
      f->h[0] = spawn_member(0, 1);
      ASSERT_INT_EQ(ac_join_set_add(f->set, f->h[0]), 0);
      ASSERT_INT_EQ(ac_join_set_add(f->set, spawn_member(2, 0)), 0);
      ac_task_abort(f->h[0]);
      break;
    case 2: /* free with members pending, ready and not yet polled */
      ASSERT_INT_EQ(ac_join_set_add(f->set, spawn_member(0, 1)), 0);
      ASSERT_INT_EQ(ac_join_set_add(f->set, spawn_member(0, 0)), 0);
      f->ac_state = 2;
      ac_cx_wake(cx); /* let them run once */
      return AC_PENDING;
    }
    ASSERT_UINT_EQ(ac_join_set_len(f->set), 3 - (f->scenario == 1));
    f->ac_state = 1;
    ac_join_set_next__init(&f->next, f->set, &f->done);
  }
  if (f->ac_state == 1) {
    for (;;) {
      if (ac_join_set_next__poll(&f->next, cx) == AC_PENDING)
        return AC_PENDING;
      if (f->next.ac_result == -ENOENT)
        break;
      ASSERT_INT_EQ(f->next.ac_result, 0);
      f->status[f->k] = join_now(f->done, cx, &f->results[f->k]);
      f->k++;
      ac_join_set_next__init(&f->next, f->set, &f->done);
    }
    ac_join_set_free(f->set);
    f->ac_state = 3;
  } else if (f->ac_state == 2) {
    ac_join_set_add(f->set, spawn_member(0, 0)); /* not yet polled */
    ASSERT_UINT_EQ(ac__timer_wheel_count(&cx->driver->timers), f->wheel_before + 1);
    ac_join_set_free(f->set); /* aborts all three */
    f->ac_state = 3;
  }
  if (f->yields++ < 3) { /* let aborted members be dropped */
    ac_cx_wake(cx);
    return AC_PENDING;
  }
  f->wheel_after = ac__timer_wheel_count(&cx->driver->timers);
  f->live_after = ac__spawn_allocated();
  f->ac_state = AC_STATE_DONE;
  return AC_READY;
}

static void run_root(struct root__frame *f, int scenario) {
  size_t reclaimed = ac__arena_reclaimed_total();
  memset(f, 0, sizeof *f);
  f->scenario = scenario;
  member_drops = 0;
  ASSERT_INT_EQ(ac_block_on_frame(f, root__poll, NULL), 0);
  ASSERT_UINT_EQ(ac__arena_reclaimed_total(), reclaimed);
  ASSERT_UINT_EQ(f->wheel_after, f->wheel_before);
  ASSERT_UINT_EQ(f->live_after, 0);
}

TEST_IMPL(joinset_completion_order) {
  struct root__frame f;
  ASSERT_INT_EQ(ac_runtime_set_workers(0), 0); /* one thread: a defined order */
  run_root(&f, 0);
  ASSERT_INT_EQ(f.k, 3);
  for (int i = 0; i < 3; i++) {
    ASSERT_INT_EQ(f.status[i], 0);
    ASSERT_INT_EQ(f.results[i], i + 1);
  }
}

TEST_IMPL(joinset_abort_member) {
  struct root__frame f;
  run_root(&f, 1);
  ASSERT_INT_EQ(f.k, 2);
  /* the aborted sleeper is dropped at its first scheduling point, before
   * the other member has yielded twice */
  ASSERT_INT_EQ(f.status[0], -ECANCELED);
  ASSERT_INT_EQ(f.status[1], 0);
  ASSERT_INT_EQ(f.results[1], 2);
  ASSERT_INT_EQ(member_drops, 1);
}

TEST_IMPL(joinset_free_aborts_rest) {
  struct root__frame f;
  run_root(&f, 2);
  ASSERT_INT_EQ(member_drops, 2); /* the sleeper and the unpolled one */
}

/* A task awaits next on a set whose only member sleeps, its next is
 * dropped and the task completes (and is freed: it was detached).  Then
 * the member is aborted: if the dropped next had left its task as the
 * set's waiter, completing the member would wake freed memory (ASan). */
struct waiter__frame {
  unsigned ac_state;
  struct ac_join_set *set;
  struct ac_join_set_next__frame next;
  struct ac_task *done;
};

static ac_poll waiter__poll(void *p, struct ac_cx *cx) {
  struct waiter__frame *f = p;
  if (f->ac_state == 0) {
    ac_join_set_next__init(&f->next, f->set, &f->done);
    ASSERT_INT_EQ(ac_join_set_next__poll(&f->next, cx), AC_PENDING);
    f->ac_state = 1;
    ac_cx_wake(cx);
    return AC_PENDING;
  }
  ac_join_set_next__drop(&f->next); /* cancelled pending next */
  f->ac_state = AC_STATE_DONE;
  return AC_READY;
}

static const struct ac_spawn_desc waiter__spawn = {sizeof(struct waiter__frame),
                                                   _Alignof(struct waiter__frame), 0, 0,
                                                   waiter__poll, NULL, 0, 0, 0};

struct droproot__frame {
  unsigned ac_state;
  struct ac_join_set *set;
  struct ac_task *member, *waiter;
  struct ac_task_join__frame j;
  struct ac_join_set_next__frame next;
  struct ac_task *done;
  int status;
};

static ac_poll droproot__poll(void *p, struct ac_cx *cx) {
  struct droproot__frame *f = p;
  switch (f->ac_state) {
  case 0: {
    struct waiter__frame *w;
    f->set = ac_join_set_new();
    f->member = spawn_member(0, 1);
    ASSERT_INT_EQ(ac_join_set_add(f->set, f->member), 0);
    w = ac_spawn_alloc(&waiter__spawn, &f->waiter);
    *w = (struct waiter__frame){.set = f->set};
    ac_spawn_start(f->waiter);
    ac_task_join__init(&f->j, f->waiter, NULL);
    f->ac_state = 1;
  }
    /* fallthrough */
  case 1:
    if (ac_task_join__poll(&f->j, cx) == AC_PENDING)
      return AC_PENDING;
    ASSERT_UINT_EQ(ac__spawn_allocated(), 1); /* the waiter is gone */
    ac_task_abort(f->member);
    ac_join_set_next__init(&f->next, f->set, &f->done);
    f->ac_state = 2;
    /* fallthrough */
  case 2:
    if (ac_join_set_next__poll(&f->next, cx) == AC_PENDING)
      return AC_PENDING;
    ASSERT_INT_EQ(f->next.ac_result, 0);
    f->status = join_now(f->done, cx, NULL);
    ac_join_set_free(f->set);
  }
  f->ac_state = AC_STATE_DONE;
  return AC_READY;
}

TEST_IMPL(joinset_drop_pending_next) {
  struct droproot__frame f = {0};
  size_t reclaimed = ac__arena_reclaimed_total();
  ASSERT_INT_EQ(ac_block_on_frame(&f, droproot__poll, NULL), 0);
  ASSERT_INT_EQ(f.status, -ECANCELED);
  ASSERT_UINT_EQ(ac__arena_reclaimed_total(), reclaimed);
}
