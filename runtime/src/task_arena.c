/* The task arena (see task_arena.h). */
#include "task_arena.h"

#include "context.h"
#include "task.h"

#include <stdbool.h>
#include <string.h>
#include <sys/mman.h>

#define HEADER_SIZE sizeof(struct ac_task)

/* Under ASan free slots are poisoned, so a use after free of a task is
 * reported although the memory stays mapped. */
#if AC__ARENA_ASAN
#include <sanitizer/asan_interface.h>
static void poison(void *p, size_t n) {
  /* keep the free-list link readable */
  ASAN_POISON_MEMORY_REGION((char *)p + sizeof(void *), n - sizeof(void *));
}
static void unpoison(void *p, size_t n) { ASAN_UNPOISON_MEMORY_REGION(p, n); }
static bool is_poisoned(void *p) { return __asan_address_is_poisoned((char *)p + sizeof(void *)); }
#else
static void poison(void *p, size_t n) { (void)p, (void)n; }
static void unpoison(void *p, size_t n) { (void)p, (void)n; }
static bool is_poisoned(void *p) { (void)p; return false; }
#endif

void ac__arena_init(struct ac__task_arena *a, struct ac__sched *sched,
                    pthread_mutex_t *lock) {
  memset(a, 0, sizeof *a);
  a->sched = sched;
  a->lock = lock;
  atomic_init(&a->remote, NULL);
}

/* 'size' bytes (a multiple of the page size) aligned to 'align': map
 * 'align' more and trim both ends. */
static char *map_aligned(size_t size, size_t align) {
  size_t span = size + align;
  char *p = mmap(NULL, span, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  char *start, *end;
  if (p == MAP_FAILED)
    return NULL;
  start = (char *)(((uintptr_t)p + align - 1) & ~(uintptr_t)(align - 1));
  end = start + size;
  if (start > p)
    munmap(p, (size_t)(start - p));
  if (p + span > end)
    munmap(end, (size_t)(p + span - end));
  return start;
}

static struct ac__chunk *add_chunk(struct ac__task_arena *a, char *start, size_t size) {
  struct ac__chunk *c = (struct ac__chunk *)start;
  unpoison(start, size); /* an earlier arena may have used this range */
  c->sched = a->sched;
  c->arena = a;
  c->map_size = size;
  c->idle = 0;
  c->next = a->chunks;
  a->chunks = c;
  return c;
}

/* A chunk of its own for one task: 'size' bytes. */
static struct ac__chunk *map_chunk(struct ac__task_arena *a, size_t size) {
  char *start = map_aligned(size, AC__CHUNK_SIZE);
  return start ? add_chunk(a, start, size) : NULL;
}

/* A chunk for a size class.  Once the arena holds AC__HUGE_AFTER bytes of
 * large-class chunks (slots above AC__ARENA_MAX_SLOT), the next ones are
 * carved from regions of AC__HUGE_REGION bytes that the kernel may back
 * with transparent huge pages (MADV_HUGEPAGE), one TLB entry for eight
 * chunks.  Why: with a thousand tasks of 16 KiB (an echo server's
 * connections, W5) nearly every resume touched a page that no TLB entry
 * covered, and under virtualisation a page walk is two-dimensional; huge
 * pages save about 18 % of the runtime's user time per message.  Only
 * large classes: small tasks share pages (a 4 KiB page holds dozens), and
 * a huge page's fault may stall on compaction ('defrag' is 'madvise' on
 * Debian), which makes a million small tasks (W3) erratic: up to 3x slower
 * in some runs.  Not from the start: a small
 * program would pay for a 2 MiB page with its first big task.  The cost:
 * RSS grows in steps of up to 2 MiB (a hint only: with THP off, or no huge
 * page free, these are ordinary pages). */
#define AC__HUGE_REGION ((size_t)2 << 20)
#define AC__HUGE_AFTER ((size_t)2 << 20)

static struct ac__chunk *class_chunk(struct ac__task_arena *a, size_t slot) {
  char *start = NULL;
  bool large = slot > AC__ARENA_MAX_SLOT;
  if (large && a->large_bytes >= AC__HUGE_AFTER) {
    if (a->huge_next == a->huge_end) {
      char *r = map_aligned(AC__HUGE_REGION, AC__HUGE_REGION);
      if (r) {
#ifdef MADV_HUGEPAGE
        madvise(r, AC__HUGE_REGION, MADV_HUGEPAGE); /* a hint: failure is harmless */
#endif
        a->huge_next = r;
        a->huge_end = r + AC__HUGE_REGION;
      }
    }
    if (a->huge_next != a->huge_end) {
      start = a->huge_next;
      a->huge_next += AC__CHUNK_SIZE;
    }
  }
  if (!start && !(start = map_aligned(AC__CHUNK_SIZE, AC__CHUNK_SIZE)))
    return NULL;
  if (large)
    a->large_bytes += AC__CHUNK_SIZE;
  a->class_bytes += AC__CHUNK_SIZE;
  return add_chunk(a, start, AC__CHUNK_SIZE);
}

static void unlink_chunk(struct ac__task_arena *a, struct ac__chunk *c) {
  struct ac__chunk **pp = &a->chunks;
  while (*pp != c)
    pp = &(*pp)->next;
  *pp = c->next;
}

/* A task with a chunk of its own.  Chunks are aligned to 256 KiB, so
 * without a stagger every such task (a frame above AC__ARENA_LARGE_MAX, or
 * aligned above 32) would start at the same offset and compete for
 * the same few sets of the L1/L2 caches; a cycling "color" of 0-63 cache
 * lines spreads them out (cache colouring, as slab allocators do). */
static struct ac_task *alloc_single(struct ac__task_arena *a, size_t frame_size,
                                    size_t frame_align) {
  size_t color = (size_t)(a->single_color++ % 64) * 64;
  size_t frame_off =
      (AC__CHUNK_HEADER + color + HEADER_SIZE + frame_align - 1) & ~(frame_align - 1);
  size_t size = (frame_off + frame_size + 4095) & ~(size_t)4095;
  struct ac__chunk *c;
  if (frame_size > SIZE_MAX / 2)
    return NULL;
  c = map_chunk(a, size);
  if (!c)
    return NULL;
  c->slot_size = 0;
  c->local_class = NULL;
  c->single = (struct ac_task *)((char *)c + frame_off - HEADER_SIZE);
  return c->single;
}

/* A slot above AC__ARENA_MAX_SLOT: whole cache lines, an odd number. */
static size_t large_slot(size_t slot) { return ((slot + 63) & ~(size_t)63) | 64; }

/* The class of a slot size (a multiple of 8 up to AC__ARENA_MAX_SLOT, a
 * large_slot above). */
static struct ac__arena_class *class_of(struct ac__task_arena *a, size_t slot) {
  if (slot <= AC__ARENA_MAX_SLOT)
    return &a->classes[slot / 8];
  return &a->classes[AC__ARENA_CLASSES + (slot - AC__ARENA_MAX_SLOT - 64) / 128];
}

/* Puts a freed slot back on its class (owner thread or under the lock). */
static void free_local(struct ac__task_arena *a, struct ac_task *t) {
  struct ac__chunk *c = ac__chunk_of(t);
  a->live--;
  if (!c->slot_size) {
    c->single = NULL;
    if (!a->iterating) { /* else ac__arena_for_each still walks the list */
      unlink_chunk(a, c);
      munmap(c, c->map_size);
    }
    return;
  }
  struct ac__arena_class *k = class_of(a, c->slot_size);
  *(void **)t = k->free;
  k->free = t;
  poison(t, c->slot_size);
}

/* Takes every slot freed by other threads. */
static bool take_remote(struct ac__task_arena *a) {
  struct ac_task *t = atomic_exchange_explicit(&a->remote, NULL, memory_order_acquire);
  if (!t)
    return false;
  while (t) {
    struct ac_task *next = t->next;
    free_local(a, t);
    t = next;
  }
  return true;
}

/* Page faults cost more than the task itself (W3 spends more time in the
 * kernel than in the runtime).  A class that needed a second chunk is busy,
 * so its chunks are prefaulted AC__POPULATE_STEP bytes at a time with one
 * madvise instead of a fault per 4 KiB; 'end' stops the bump allocator at
 * the prefaulted part, so RSS runs at most one step ahead of use. */
#define AC__POPULATE_STEP ((size_t)64 << 10)

static void populate_more(struct ac__chunk *c) {
  char *limit = (char *)c + AC__CHUNK_SIZE;
  char *from = c->end;
  char *to = from + AC__POPULATE_STEP < limit ? from + AC__POPULATE_STEP : limit;
#ifdef MADV_POPULATE_WRITE
  madvise(from, (size_t)(to - from), MADV_POPULATE_WRITE); /* a hint: failure is harmless */
#endif
  c->end = to;
}

static struct ac_task *alloc_locked(struct ac__task_arena *a, size_t slot) {
  struct ac__arena_class *k = class_of(a, slot);
  for (;;) {
    struct ac__chunk *c;
    void *p = k->free;
    if (p) {
      unpoison(p, slot);
      k->free = *(void **)p;
      return p;
    }
    c = k->chunk;
    if (c && c->bump + slot <= c->end) {
      p = c->bump;
      c->bump += slot;
      return p;
    }
    if (c && c->end < (char *)c + AC__CHUNK_SIZE) {
      populate_more(c);
      continue;
    }
    if (take_remote(a))
      continue;
    c = class_chunk(a, slot);
    if (!c)
      return NULL;
    c->slot_size = slot;
    c->local_class = a->lock ? NULL : k;
    c->bump = (char *)c + AC__CHUNK_HEADER;
    if (k->chunk && slot <= AC__ARENA_MAX_SLOT) {
      /* busy class: its chunks are prefaulted step by step (not the large
       * classes: their frames are mostly buffers, touched where used) */
      c->end = (char *)c;
      populate_more(c);
    } else {        /* its first chunk fills page by page */
      c->end = (char *)c + AC__CHUNK_SIZE;
    }
    k->chunk = c;
  }
}

struct ac_task *ac__arena_alloc_slow(struct ac__task_arena *a, size_t frame_size,
                                     size_t frame_align) {
  size_t align = frame_align < 8 ? 8 : frame_align;
  size_t slot = (HEADER_SIZE + frame_size + align - 1) & ~(align - 1);
  struct ac_task *t;
  if (a->lock)
    pthread_mutex_lock(a->lock);
  if (align > 32 || frame_size > AC__ARENA_LARGE_MAX - HEADER_SIZE)
    t = alloc_single(a, frame_size, align);
  else if (slot > AC__ARENA_MAX_SLOT)
    t = alloc_locked(a, large_slot(slot));
  else
    t = alloc_locked(a, slot);
  if (t)
    a->live++;
  if (a->lock)
    pthread_mutex_unlock(a->lock);
  return t;
}

void ac__arena_free_slow(struct ac_task *t) {
  struct ac__task_arena *a = ac__chunk_of(t)->arena;
  t->desc = NULL; /* marks the slot free for ac__arena_for_each */
  if (a->lock) {
    pthread_mutex_lock(a->lock);
    free_local(a, t);
    pthread_mutex_unlock(a->lock);
  } else if (ac__context_current() == a->sched) {
    free_local(a, t);
  } else {
    struct ac_task *head = atomic_load_explicit(&a->remote, memory_order_relaxed);
    do
      t->next = head;
    while (!atomic_compare_exchange_weak_explicit(&a->remote, &head, t, memory_order_release,
                                                  memory_order_relaxed));
  }
}

void ac__arena_for_each(struct ac__task_arena *a, void (*fn)(struct ac_task *t, void *ctx),
                        void *ctx) {
  struct ac__chunk *c, *next;
  if (!a->live && !atomic_load_explicit(&a->remote, memory_order_relaxed))
    return; /* nothing to find: skip walking every slot */
  a->iterating = true; /* frees keep chunks mapped and listed */
  for (c = a->chunks; c; c = next) {
    next = c->next;
    if (!c->slot_size) {
      if (c->single && c->single->desc)
        fn(c->single, ctx);
      continue;
    }
    for (char *p = (char *)c + AC__CHUNK_HEADER; p + c->slot_size <= c->bump; p += c->slot_size) {
      struct ac_task *t = (struct ac_task *)p;
      if (!is_poisoned(t) && t->desc)
        fn(t, ctx);
    }
  }
  a->iterating = false;
}

/* ------------------------------------------------------------ trimming */

/* Slots ever carved from a class chunk: free ones plus live ones. */
static size_t carved(const struct ac__chunk *c) {
  return (size_t)(c->bump - ((char *)c + AC__CHUNK_HEADER)) / c->slot_size;
}

/* Drops from every free list the slots of chunks marked for release
 * (idle == 2). */
static void unlist_released(struct ac__task_arena *a) {
  for (size_t i = 0; i < sizeof a->classes / sizeof a->classes[0]; i++) {
    void **pp = &a->classes[i].free;
    while (*pp) {
      if (ac__chunk_of(*pp)->idle == 2)
        *pp = *(void **)*pp;
      else
        pp = (void **)*pp;
    }
  }
}

/* Why not on the free path: counting live tasks per chunk would cost every
 * spawn and completion a write to the chunk header (W3: a few ns per task
 * of ~40).  A look counts the free slots per chunk instead, by walking the
 * free lists: a chunk whose free slots are all it ever carved holds no
 * task.  Why two looks: a load that comes and goes (a wave every few
 * seconds, a chunk emptied for a moment) keeps its chunks, instead of
 * unmapping and faulting them in again each time. */
uint64_t ac__arena_trim(struct ac__task_arena *a, uint64_t now_ms) {
  struct ac__chunk *c, **pp;
  bool marked = false, released = false;
  if (a->live > a->live_high)
    a->live_high = a->live;
  /* A look is worth it if chunks were empty at the last one, or since it
   * tasks went or chunks came. */
  if (a->class_bytes <= AC__ARENA_RESERVE ||
      !(a->trim_pending || a->live < a->live_high || a->class_bytes > a->bytes_at_trim))
    return 0;
  if (now_ms < a->trim_at)
    return a->trim_at;
  take_remote(a);
  for (c = a->chunks; c; c = c->next)
    c->nfree = 0;
  for (size_t i = 0; i < sizeof a->classes / sizeof a->classes[0]; i++)
    for (void *p = a->classes[i].free; p; p = *(void **)p)
      ac__chunk_of(p)->nfree++;
  for (c = a->chunks; c; c = c->next) {
    if (!c->slot_size)
      continue;
    if (c->nfree != carved(c)) {
      c->idle = 0;
    } else if (!c->idle) {
      c->idle = 1; /* empty now: released if still empty at the next look */
      marked = true;
    } else if (a->class_bytes - AC__CHUNK_SIZE >= AC__ARENA_RESERVE) {
      c->idle = 2;
      a->class_bytes -= AC__CHUNK_SIZE;
      released = true;
    } /* else kept: the reserve */
  }
  if (released) {
    unlist_released(a);
    for (pp = &a->chunks; (c = *pp);) {
      if (c->idle != 2) {
        pp = &c->next;
        continue;
      }
      *pp = c->next;
      struct ac__arena_class *k = class_of(a, c->slot_size);
      if (k->chunk == c)
        k->chunk = NULL;
      if (c->slot_size > AC__ARENA_MAX_SLOT)
        a->large_bytes -= AC__CHUNK_SIZE;
      unpoison(c, AC__CHUNK_SIZE); /* the range may be mapped again by anyone */
      munmap(c, AC__CHUNK_SIZE);
    }
    /* The huge-page region's part never carved is resident too if a huge
     * page backed it (1.25 MiB after the test's wave). */
    if (a->huge_next != a->huge_end)
      munmap(a->huge_next, (size_t)(a->huge_end - a->huge_next));
    a->huge_next = a->huge_end = NULL;
  }
  a->trim_pending = marked;
  a->live_high = a->live;
  a->bytes_at_trim = a->class_bytes;
  a->trim_at = now_ms + AC__ARENA_TRIM_MS;
  return marked ? a->trim_at : 0;
}

static _Atomic size_t reclaimed_total;

size_t ac__arena_reclaimed_total(void) { return atomic_load(&reclaimed_total); }

void ac__arena_destroy(struct ac__task_arena *a) {
  struct ac__chunk *c, *next;
  take_remote(a);
  atomic_fetch_add(&reclaimed_total, a->live);
  for (c = a->chunks; c; c = next) {
    next = c->next;
    munmap(c, c->map_size);
  }
  a->chunks = NULL;
  if (a->huge_next != a->huge_end) /* the region's chunks never carved */
    munmap(a->huge_next, (size_t)(a->huge_end - a->huge_next));
  a->huge_next = a->huge_end = NULL;
  a->large_bytes = 0;
  a->class_bytes = 0;
}
