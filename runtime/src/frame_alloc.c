/* ac_frame_alloc / ac_frame_free: the allocator of out-of-line frames (see
 * <asyncc/frame.h>).
 *
 * Size classes: multiples of 16 bytes up to 1 KiB (64 classes), then powers
 * of two up to 64 KiB (6 classes).  Each thread has one singly linked free
 * list per class, threaded through the freed blocks themselves, and a byte
 * count bounding the whole cache.  Nothing is shared between threads, so
 * there is no lock and no atomic: a block freed by another thread than its
 * allocator (tasks migrate between workers) joins the freeing thread's
 * list, and malloc/free take care of the rest. */
#include <asyncc/asyncc.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#if defined(__SANITIZE_ADDRESS__)
#define AC_FRAME_NO_CACHE 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define AC_FRAME_NO_CACHE 1
#endif
#endif

enum { SMALL_STEP = 16, SMALL_MAX = 1024, NUM_SMALL = SMALL_MAX / SMALL_STEP,
       NUM_LARGE = 6 /* 2, 4, ..., 64 KiB */, NUM_CLASSES = NUM_SMALL + NUM_LARGE,
       MAX_ALIGN = 16 };

struct free_block {
  struct free_block *next;
};

struct frame_cache {
  struct free_block *head[NUM_CLASSES];
  unsigned long long bytes;
  unsigned long long allocs, mallocs, frees;
  int registered; /* the thread-exit destructor knows this cache */
};

static __thread struct frame_cache cache;

/* The class of a block of 'size' bytes, or -1 if it is not cached. */
static int class_of(size_t size, size_t align) {
  if (align > MAX_ALIGN)
    return -1;
  if (size <= SMALL_MAX)
    return size == 0 ? 0 : (int)((size - 1) / SMALL_STEP);
  for (int k = 0; k < NUM_LARGE; k++)
    if (size <= (size_t)SMALL_MAX << (k + 1))
      return NUM_SMALL + k;
  return -1;
}

static size_t class_size(int c) {
  return c < NUM_SMALL ? (size_t)(c + 1) * SMALL_STEP : (size_t)SMALL_MAX << (c - NUM_SMALL + 1);
}

#ifndef AC_FRAME_NO_CACHE
static pthread_key_t exit_key;
static pthread_once_t exit_once = PTHREAD_ONCE_INIT;

static void release_cache(void *p) {
  struct frame_cache *fc = p;
  for (int c = 0; c < NUM_CLASSES; c++)
    while (fc->head[c]) {
      struct free_block *b = fc->head[c];
      fc->head[c] = b->next;
      free(b);
    }
  fc->bytes = 0;
  fc->registered = 0;
}

static void make_exit_key(void) { pthread_key_create(&exit_key, release_cache); }

/* The thread's cache is emptied when the thread exits (the main thread's
 * stays reachable from its TLS until the process ends). */
static void register_cache(void) {
  pthread_once(&exit_once, make_exit_key);
  pthread_setspecific(exit_key, &cache);
  cache.registered = 1;
}
#endif

static _Noreturn void out_of_memory(size_t size) {
  fprintf(stderr, "asyncc: out of memory allocating a %zu-byte async frame\n", size);
  abort();
}

void *ac_frame_alloc(size_t size, size_t align) {
  cache.allocs++;
  int c = class_of(size, align);
#ifndef AC_FRAME_NO_CACHE
  if (c >= 0 && cache.head[c]) {
    struct free_block *b = cache.head[c];
    cache.head[c] = b->next;
    cache.bytes -= class_size(c);
    return b;
  }
#endif
  cache.mallocs++;
  void *p;
  if (c >= 0)
    p = malloc(class_size(c));
  else if (align <= MAX_ALIGN)
    p = malloc(size ? size : 1);
  else
    p = aligned_alloc(align, (size + align - 1) & ~(align - 1));
  if (!p)
    out_of_memory(size);
  return p;
}

void ac_frame_free(void *frame, size_t size, size_t align) {
  if (!frame)
    return;
  cache.frees++;
  int c = class_of(size, align);
#ifndef AC_FRAME_NO_CACHE
  if (c >= 0 && cache.bytes + class_size(c) <= AC_FRAME_CACHE_BYTES) {
    if (!cache.registered)
      register_cache();
    struct free_block *b = frame;
    b->next = cache.head[c];
    cache.head[c] = b;
    cache.bytes += class_size(c);
    return;
  }
#endif
  (void)c;
  free(frame);
}

void ac_frame_stats(struct ac_frame_stats *out) {
  out->allocs = cache.allocs;
  out->mallocs = cache.mallocs;
  out->frees = cache.frees;
  out->cached_bytes = cache.bytes;
}
