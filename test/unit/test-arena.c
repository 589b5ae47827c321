/* The task arena's large classes: tasks whose frames are above 2 KiB (up
 * to 32 KiB) share chunks, side by side, an odd number of cache lines
 * apart; they do not overlap, come back to their class when freed, and are
 * all found by ac__arena_for_each.  And a busy arena's huge-page regions. */
#include "test.h"

#include "task.h"
#include "task_arena.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

/* Whether the mapping holding 'p' carries the "hg" flag (MADV_HUGEPAGE) in
 * /proc/self/smaps. */
static bool marked_hugepage(const void *p) {
  FILE *f = fopen("/proc/self/smaps", "r");
  char line[512];
  bool in_range = false, marked = false;
  if (!f)
    return false;
  while (fgets(line, sizeof line, f)) {
    unsigned long lo, hi;
    if (sscanf(line, "%lx-%lx ", &lo, &hi) == 2) /* a mapping's first line */
      in_range = (uintptr_t)p >= lo && (uintptr_t)p < hi;
    else if (in_range && strncmp(line, "VmFlags:", 8) == 0)
      marked = strstr(line, " hg") != NULL;
  }
  fclose(f);
  return marked;
}

/* Past 2 MiB of large-class chunks, an arena's next ones are carved side
 * by side from 2 MiB regions marked for transparent huge pages; the first
 * ones are not (a small program never pays for a huge page), nor are small
 * classes ever (their tasks share pages). */
TEST_IMPL(arena_busy_classes_use_huge_regions) {
  enum { FRAME = 4000, TASKS = 2048, SMALL = 2000, SMALL_TASKS = 8192 }; /* 8 MiB, 16 MiB */
  static const struct ac_spawn_desc desc = {FRAME, 8, 0, 0, NULL, NULL, NULL, NULL, NULL};
  static const struct ac_spawn_desc small_desc = {SMALL, 8, 0, 0, NULL, NULL, NULL, NULL, NULL};
  struct ac__sched sched = {0};
  pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
  struct ac__task_arena a;
  struct ac_task **t = malloc(TASKS * sizeof *t), **s = malloc(SMALL_TASKS * sizeof *s);
  const size_t region = (size_t)2 << 20;
  ASSERT_TRUE(t != NULL && s != NULL);
  ac__arena_init(&a, &sched, &lock);
  for (int i = 0; i < SMALL_TASKS; i++) {
    s[i] = ac__arena_alloc(&a, SMALL, 8);
    ASSERT_TRUE(s[i] != NULL);
    s[i]->desc = &small_desc;
  }
  for (int i = 0; i < TASKS; i++) {
    t[i] = ac__arena_alloc(&a, FRAME, 8);
    ASSERT_TRUE(t[i] != NULL);
    t[i]->desc = &desc;
  }
  ASSERT_TRUE(!marked_hugepage(s[SMALL_TASKS - 1])); /* small classes: never */
  ASSERT_TRUE(!marked_hugepage(t[0]));               /* the first chunks: ordinary */
  struct ac__chunk *last = ac__chunk_of(t[TASKS - 1]);
  ASSERT_TRUE(marked_hugepage(last));
  /* the last region is carved from its start, chunk after chunk */
  uintptr_t base = (uintptr_t)last & ~(uintptr_t)(region - 1);
  size_t in_region = 0;
  for (struct ac__chunk *c = a.chunks; c; c = c->next)
    in_region += (uintptr_t)c >= base && (uintptr_t)c < base + region;
  ASSERT_UINT_EQ(in_region, ((uintptr_t)last - base) / AC__CHUNK_SIZE + 1);
  for (int i = 0; i < TASKS; i++)
    ac__arena_free(t[i]);
  for (int i = 0; i < SMALL_TASKS; i++)
    ac__arena_free(s[i]);
  ASSERT_UINT_EQ(a.live, 0);
  ac__arena_destroy(&a);
  free(t);
  free(s);
}

static size_t chunk_count(const struct ac__task_arena *a) {
  size_t n = 0;
  for (const struct ac__chunk *c = a->chunks; c; c = c->next)
    n++;
  return n;
}

/* Empty chunks go back to the OS at the second look that finds them empty
 * (AC__ARENA_TRIM_MS apart), beyond a reserve; a chunk holding one task
 * stays; no look happens before its time, or without a reason (nothing
 * went, nothing came); and the arena allocates as before afterwards. */
TEST_IMPL(arena_trim_returns_empty_chunks) {
  enum { FRAME = 16 * 1024, TASKS = 600 }; /* 15 a chunk: 40 chunks, 10 MiB */
  static const struct ac_spawn_desc desc = {FRAME, 8, 0, 0, NULL, NULL, NULL, NULL, NULL};
  struct ac__sched sched = {0};
  pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
  struct ac__task_arena a;
  struct ac_task **t = malloc(TASKS * sizeof *t);
  uint64_t now = 5000;
  ASSERT_TRUE(t != NULL);
  ac__arena_init(&a, &sched, &lock);
  for (int i = 0; i < TASKS; i++) {
    t[i] = ac__arena_alloc(&a, FRAME, 8);
    ASSERT_TRUE(t[i] != NULL);
    t[i]->desc = &desc;
  }
  size_t chunks = chunk_count(&a), bytes = a.class_bytes;
  ASSERT_UINT_EQ(bytes, chunks * AC__CHUNK_SIZE);
  ASSERT_UINT_EQ(ac__arena_trim(&a, now), 0); /* all busy: a look, nothing empty */
  ASSERT_UINT_EQ(ac__arena_trim(&a, now + 5000), 0); /* nothing changed: no look */
  struct ac__chunk *keep = ac__chunk_of(t[0]);
  for (int i = 1; i < TASKS; i++)
    ac__arena_free(t[i]);
  /* Tasks went, but the last look was just now: the next is in 1 s. */
  now += 100;
  ASSERT_UINT_EQ(ac__arena_trim(&a, now), 5000 + AC__ARENA_TRIM_MS);
  now = 5000 + AC__ARENA_TRIM_MS;
  uint64_t next = ac__arena_trim(&a, now); /* first look: marks, frees nothing */
  ASSERT_UINT_EQ(next, now + AC__ARENA_TRIM_MS);
  ASSERT_UINT_EQ(a.class_bytes, bytes);
  ASSERT_UINT_EQ(ac__arena_trim(&a, next - 1), next);
  ASSERT_UINT_EQ(ac__arena_trim(&a, next), 0); /* second: released */
  ASSERT_TRUE(a.class_bytes <= AC__ARENA_RESERVE + AC__CHUNK_SIZE);
  ASSERT_TRUE(a.class_bytes >= AC__ARENA_RESERVE);
  ASSERT_UINT_EQ(chunk_count(&a) * AC__CHUNK_SIZE, a.class_bytes);
  bool kept = false;
  for (struct ac__chunk *c = a.chunks; c; c = c->next)
    kept |= c == keep;
  ASSERT_TRUE(kept); /* it holds t[0] */
  /* Allocation goes on: free slots of released chunks are off the lists. */
  for (int i = 1; i < TASKS; i++) {
    t[i] = ac__arena_alloc(&a, FRAME, 8);
    ASSERT_TRUE(t[i] != NULL);
    t[i]->desc = &desc;
    memset(ac__task_frame(t[i]), 1, FRAME);
  }
  for (int i = 0; i < TASKS; i++)
    ac__arena_free(t[i]);
  ASSERT_UINT_EQ(a.live, 0);
  ac__arena_destroy(&a);
  free(t);
}
