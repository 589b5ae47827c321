/* The task arena's large classes: tasks whose frames are above 2 KiB (up
 * to 32 KiB) share chunks, side by side, an odd number of cache lines
 * apart; they do not overlap, come back to their class when freed, and are
 * all found by ac__arena_for_each. */
#include "test.h"

#include "task.h"
#include "task_arena.h"

#include <pthread.h>
#include <stdint.h>

enum { LARGE_TASKS = 40, LARGE_FRAME = 16 * 1024 + 200 };

static const struct ac_spawn_desc large_desc = {LARGE_FRAME, 8, 0, 0, NULL, NULL, NULL, NULL, NULL};

static void count_live(struct ac_task *t, void *ctx) {
  (void)t;
  ++*(int *)ctx;
}

TEST_IMPL(arena_large_frames_share_chunks) {
  struct ac__sched sched = {0};
  pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER; /* locked mode: frees need no runtime */
  struct ac__task_arena a;
  struct ac_task *t[LARGE_TASKS];
  int chunks = 1, live = 0;
  ac__arena_init(&a, &sched, &lock);
  for (int i = 0; i < LARGE_TASKS; i++) {
    t[i] = ac__arena_alloc(&a, LARGE_FRAME, 8);
    ASSERT_TRUE(t[i] != NULL);
    ASSERT_TRUE(ac__chunk_of(t[i])->sched == &sched);
    t[i]->desc = &large_desc;
    memset(ac__task_frame(t[i]), i, LARGE_FRAME);
    if (i > 0 && ac__chunk_of(t[i]) != ac__chunk_of(t[i - 1]))
      chunks++;
    else if (i > 0) { /* side by side, an odd number of cache lines apart */
      uintptr_t stride = (uintptr_t)t[i] - (uintptr_t)t[i - 1];
      ASSERT_TRUE(stride >= AC__TASK_HEADER_SIZE + LARGE_FRAME);
      ASSERT_UINT_EQ(stride % 128, 64);
    }
  }
  ASSERT_TRUE(chunks <= LARGE_TASKS / 10); /* 256 KiB chunks hold 15 such tasks */
  for (int i = 0; i < LARGE_TASKS; i++) { /* no frame overlaps another */
    const unsigned char *f = ac__task_frame(t[i]);
    ASSERT_UINT_EQ(f[0], (unsigned char)i);
    ASSERT_UINT_EQ(f[LARGE_FRAME - 1], (unsigned char)i);
  }
  ac__arena_for_each(&a, count_live, &live);
  ASSERT_INT_EQ(live, LARGE_TASKS);
  ASSERT_UINT_EQ(a.live, LARGE_TASKS);
  ac__arena_free(t[7]);
  ASSERT_TRUE(ac__arena_alloc(&a, LARGE_FRAME - 8, 8) == t[7]); /* same class, reused */
  t[7]->desc = &large_desc;
  for (int i = 0; i < LARGE_TASKS; i++)
    ac__arena_free(t[i]);
  ASSERT_UINT_EQ(a.live, 0);
  live = 0;
  ac__arena_for_each(&a, count_live, &live);
  ASSERT_INT_EQ(live, 0);
  ac__arena_destroy(&a);
}
