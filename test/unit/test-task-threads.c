/* The join handshake, abort and detach across threads: on 2 workers of
 * the multi-thread executor, children complete on one worker while their
 * handles are joined, aborted, detached or put in a join set on another.
 * Run under TSan (unit_tsan) this checks the lock-free protocol on 'refs'
 * (task.c); everywhere it checks results and that nothing leaks. */
#include "test.h"

#include "task.h"

#include <asyncc/asyncc.h>
#include <asyncc/joinset.h>

#include <errno.h>

enum { CHILDREN = 2000 };

/* async long child(long i): yields i % 4 times, returns i */
struct child__frame {
  unsigned ac_state;
  long i;
  int n;
  struct ac_yield__frame y;
  long ac_result;
};

static ac_poll child__poll(void *p, struct ac_cx *cx) {
  struct child__frame *f = p;
  for (;;) {
    if (f->ac_state == 1) {
      if (ac_yield__poll(&f->y, cx) == AC_PENDING)
        return AC_PENDING;
      f->n++;
    }
    if (f->n >= f->i % 4)
      break;
    ac_yield__init(&f->y);
    f->ac_state = 1;
  }
  f->ac_result = f->i;
  f->ac_state = AC_STATE_DONE;
  return AC_READY;
}

static void child__drop(void *p) {
  struct child__frame *f = p;
  f->ac_state = AC_STATE_DONE;
}

static const struct ac_spawn_desc child__spawn = {
    sizeof(struct child__frame), _Alignof(struct child__frame),
    offsetof(struct child__frame, ac_result), sizeof(long), child__poll, child__drop, 0, 0, 0};

static struct ac_task *spawn_child(long i) {
  struct ac_task *t;
  struct child__frame *f = ac_spawn_alloc(&child__spawn, &t);
  ASSERT_TRUE(f != NULL);
  *f = (struct child__frame){.i = i};
  ac_spawn_start(t);
  return t;
}

struct root__frame {
  unsigned ac_state;
  struct ac_task *h[CHILDREN];
  long k, sum, cancelled, joined;
  struct ac_task_join__frame j;
  long out;
  struct ac_join_set *set;
  struct ac_join_set_next__frame next;
  struct ac_task *done;
};

/* Child i: i % 5 == 0 aborted, == 1 detached, == 2 join started then
 * dropped (when pending), else joined.  Then the same children again in a
 * join set, every 7th aborted. */
static ac_poll root__poll(void *p, struct ac_cx *cx) {
  struct root__frame *f = p;
  switch (f->ac_state) {
  case 0:
    for (long i = 0; i < CHILDREN; i++)
      f->h[i] = spawn_child(i);
    f->k = 0;
    f->ac_state = 1;
    /* fallthrough */
  case 1:
    for (; f->k < CHILDREN; f->k++) {
      long i = f->k;
      if (i % 5 == 0)
        ac_task_abort(f->h[i]);
      if (i % 5 == 1) {
        ac_task_detach(f->h[i]);
        continue;
      }
      ac_task_join__init(&f->j, f->h[i], &f->out);
      f->ac_state = 2;
    case 2:
      if (ac_task_join__poll(&f->j, cx) == AC_PENDING) {
        if (f->k % 5 == 2) {
          ac_task_join__drop(&f->j);
          f->ac_state = 1;
          continue;
        }
        return AC_PENDING;
      }
      f->ac_state = 1;
      if (f->j.ac_result == -ECANCELED) {
        ASSERT_INT_EQ(f->k % 5, 0);
        f->cancelled++;
      } else {
        ASSERT_INT_EQ(f->j.ac_result, 0);
        ASSERT_INT_EQ(f->out, f->k);
        f->sum += f->out;
        f->joined++;
      }
    }
    f->set = ac_join_set_new();
    for (long i = 0; i < CHILDREN; i++) {
      struct ac_task *t = spawn_child(i);
      ASSERT_INT_EQ(ac_join_set_add(f->set, t), 0);
      if (i % 7 == 0)
        ac_task_abort(t);
    }
    f->k = 0;
    f->ac_state = 3;
    ac_join_set_next__init(&f->next, f->set, &f->done);
    /* fallthrough */
  case 3:
    for (;;) {
      if (ac_join_set_next__poll(&f->next, cx) == AC_PENDING)
        return AC_PENDING;
      if (f->next.ac_result == -ENOENT)
        break;
      {
        struct ac_task_join__frame j;
        long out = -1;
        ac_task_join__init(&j, f->done, &out);
        ASSERT_INT_EQ(ac_task_join__poll(&j, cx), AC_READY);
        if (j.ac_result == 0)
          ASSERT_UINT_NE(out % 7, 0);
        f->k++;
      }
      ac_join_set_next__init(&f->next, f->set, &f->done);
    }
    ASSERT_INT_EQ(f->k, CHILDREN);
    ac_join_set_free(f->set);
  }
  f->ac_state = AC_STATE_DONE;
  return AC_READY;
}

TEST_IMPL(task_join_abort_detach_across_workers) {
  static struct root__frame f;
  size_t reclaimed = ac__arena_reclaimed_total();
  ASSERT_INT_EQ(ac_runtime_set_workers(2), 0);
  for (int round = 0; round < 20; round++) {
    memset(&f, 0, sizeof f);
    ASSERT_INT_EQ(ac_block_on_frame(&f, root__poll, NULL), 0);
    /* every 5th was aborted: cancelled unless it had already finished */
    ASSERT_UINT_LE(f.cancelled, CHILDREN / 5);
    ASSERT_UINT_GE(f.joined, CHILDREN * 2 / 5);
  }
  /* detached and join-dropped children may still be running at the end:
   * shutdown drops them and releases their live references */
  ASSERT_UINT_EQ(ac__arena_reclaimed_total(), reclaimed);
}

/* Issue 14 item 1: a join set freed while its aborted members complete on
 * the other worker.  Each round adds 16 children (0..3 yields), takes the
 * first to complete, then frees the set: the rest complete (or are dropped)
 * on either worker while the set goes.  ASan/TSan saw the completer write
 * through a freed member node (the ready FIFO's tail). */
enum { FREE_ROUNDS = 200000, FREE_MEMBERS = 16 };

struct free_race__frame {
  unsigned ac_state;
  long round;
  unsigned long long deadline;
  struct ac_join_set *set;
  struct ac_join_set_next__frame next;
  struct ac_task *done;
};

static ac_poll free_race__poll(void *p, struct ac_cx *cx) {
  struct free_race__frame *f = p;
  if (f->ac_state == 1)
    goto next;
  /* bounded in count and in time: the sanitizers are ~10x slower */
  for (; f->round < FREE_ROUNDS && test_now_ms() < f->deadline; f->round++) {
    f->set = ac_join_set_new();
    ASSERT_TRUE(f->set != NULL);
    for (long i = 0; i < FREE_MEMBERS; i++)
      ASSERT_INT_EQ(ac_join_set_add(f->set, spawn_child(i)), 0);
    ac_join_set_next__init(&f->next, f->set, &f->done);
    f->ac_state = 1;
  next:
    if (ac_join_set_next__poll(&f->next, cx) == AC_PENDING)
      return AC_PENDING;
    ASSERT_INT_EQ(f->next.ac_result, 0);
    {
      struct ac_task_join__frame j;
      long out = -1;
      ac_task_join__init(&j, f->done, &out);
      ASSERT_INT_EQ(ac_task_join__poll(&j, cx), AC_READY);
      ASSERT_INT_EQ(j.ac_result, 0);
      ASSERT_TRUE(out >= 0 && out < FREE_MEMBERS);
    }
    ac_join_set_free(f->set);
  }
  f->ac_state = AC_STATE_DONE;
  return AC_READY;
}

TEST_IMPL(joinset_free_while_members_complete_across_workers) {
  static struct free_race__frame f;
  size_t reclaimed = ac__arena_reclaimed_total();
  ASSERT_INT_EQ(ac_runtime_set_workers(2), 0);
  memset(&f, 0, sizeof f);
  f.deadline = test_now_ms() + 10000;
  ASSERT_INT_EQ(ac_block_on_frame(&f, free_race__poll, NULL), 0);
  ASSERT_UINT_GE(f.round, 500);
  ASSERT_UINT_EQ(ac__arena_reclaimed_total(), reclaimed); /* every member freed */
}
