/* ac_frame_alloc / ac_frame_free: block reuse per size class, alignment,
 * the per-thread cache bound, and blocks freed on another thread than the
 * one that allocated them (tasks migrate between workers).  The san
 * variant (no cache under ASan) checks for leaks at thread exit and at
 * process end; the tsan variant checks that nothing is shared unsafely. */
#include "test.h"

#include <asyncc/asyncc.h>

#include <pthread.h>
#include <stdint.h>

#if defined(__SANITIZE_ADDRESS__)
#define CACHED 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define CACHED 0
#endif
#endif
#ifndef CACHED
#define CACHED 1
#endif

TEST_IMPL(frame_alloc_reuses_freed_block) {
  struct ac_frame_stats s0, s1;
  ac_frame_stats(&s0);
  void *a = ac_frame_alloc(200, 8);
  memset(a, 0xab, 200);
  ac_frame_free(a, 200, 8);
  /* steady state: an await in a loop allocates and frees one frame size */
  for (int i = 0; i < 1000; i++) {
    void *b = ac_frame_alloc(200, 8);
    if (CACHED)
      ASSERT_PTR_EQ(b, a);
    memset(b, i, 200);
    ac_frame_free(b, 200, 8);
  }
  ac_frame_stats(&s1);
  ASSERT_UINT_EQ(s1.allocs - s0.allocs, 1001);
  ASSERT_UINT_EQ(s1.mallocs - s0.mallocs, CACHED ? 1 : 1001);
  /* a size of the same class (193..208 bytes) reuses the block too */
  void *c = ac_frame_alloc(193, 4);
  if (CACHED)
    ASSERT_PTR_EQ(c, a);
  ac_frame_free(c, 193, 4);
}

TEST_IMPL(frame_alloc_sizes_and_alignment) {
  static const size_t sizes[] = {0, 1, 16, 17, 1024, 1025, 4000, 65536, 65537, 300000};
  static const size_t aligns[] = {1, 8, 16, 64, 4096};
  void *p[10][5];
  for (int i = 0; i < 10; i++)
    for (int j = 0; j < 5; j++) {
      p[i][j] = ac_frame_alloc(sizes[i], aligns[j]);
      ASSERT_TRUE(p[i][j] != NULL);
      ASSERT_UINT_EQ((uintptr_t)p[i][j] % aligns[j], 0);
      memset(p[i][j], i, sizes[i]);
    }
  for (int i = 0; i < 10; i++)
    for (int j = 0; j < 5; j++) {
      for (size_t k = 0; k < sizes[i]; k++)
        ASSERT_UINT_EQ(((unsigned char *)p[i][j])[k], (unsigned)i);
      ac_frame_free(p[i][j], sizes[i], aligns[j]);
    }
  ac_frame_free(NULL, 10, 8); /* like free(NULL) */
}

TEST_IMPL(frame_cache_is_bounded) {
  enum { N = 64 }; /* 64 x 64 KiB = 4 MiB, above the 1 MiB bound */
  void *p[N];
  for (int i = 0; i < N; i++)
    p[i] = ac_frame_alloc(60000, 16);
  for (int i = 0; i < N; i++)
    ac_frame_free(p[i], 60000, 16);
  struct ac_frame_stats s;
  ac_frame_stats(&s);
  ASSERT_UINT_LE(s.cached_bytes, AC_FRAME_CACHE_BYTES);
  if (CACHED)
    ASSERT_UINT_GE(s.cached_bytes, AC_FRAME_CACHE_BYTES - 65536);
}

/* Producers allocate, consumers free: every block crosses a thread. */
enum { PAIRS = 4, PER_PAIR = 20000, RING = 64 };

struct handoff {
  pthread_mutex_t mu;
  pthread_cond_t cv;
  void *ring[RING];
  size_t sizes[RING];
  unsigned head, tail;
};

static void *producer(void *arg) {
  struct handoff *h = arg;
  for (unsigned i = 0; i < PER_PAIR; i++) {
    size_t size = 16 + (i * 37) % 3000;
    unsigned char *b = ac_frame_alloc(size, 16);
    memset(b, (int)(i & 0xff), size);
    pthread_mutex_lock(&h->mu);
    while (h->tail - h->head == RING)
      pthread_cond_wait(&h->cv, &h->mu);
    h->ring[h->tail % RING] = b;
    h->sizes[h->tail % RING] = size;
    h->tail++;
    pthread_cond_broadcast(&h->cv);
    pthread_mutex_unlock(&h->mu);
    /* the producer also recycles blocks of its own */
    void *own = ac_frame_alloc(size, 8);
    ac_frame_free(own, size, 8);
  }
  return NULL;
}

static void *consumer(void *arg) {
  struct handoff *h = arg;
  for (unsigned i = 0; i < PER_PAIR; i++) {
    pthread_mutex_lock(&h->mu);
    while (h->tail == h->head)
      pthread_cond_wait(&h->cv, &h->mu);
    unsigned char *b = h->ring[h->head % RING];
    size_t size = h->sizes[h->head % RING];
    h->head++;
    pthread_cond_broadcast(&h->cv);
    pthread_mutex_unlock(&h->mu);
    ASSERT_UINT_EQ(b[size - 1], i & 0xff);
    ac_frame_free(b, size, 16);
    /* and reuses what it freed */
    void *again = ac_frame_alloc(size, 16);
    memset(again, 0, size);
    ac_frame_free(again, size, 16);
  }
  return NULL;
}

TEST_IMPL(frame_free_on_other_thread) {
  struct handoff h[PAIRS];
  pthread_t t[2 * PAIRS];
  for (int i = 0; i < PAIRS; i++) {
    memset(&h[i], 0, sizeof h[i]);
    pthread_mutex_init(&h[i].mu, NULL);
    pthread_cond_init(&h[i].cv, NULL);
    ASSERT_INT_EQ(pthread_create(&t[2 * i], NULL, producer, &h[i]), 0);
    ASSERT_INT_EQ(pthread_create(&t[2 * i + 1], NULL, consumer, &h[i]), 0);
  }
  for (int i = 0; i < 2 * PAIRS; i++)
    ASSERT_INT_EQ(pthread_join(t[i], NULL), 0);
  for (int i = 0; i < PAIRS; i++) {
    pthread_mutex_destroy(&h[i].mu);
    pthread_cond_destroy(&h[i].cv);
  }
}
