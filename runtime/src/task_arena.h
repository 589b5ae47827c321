/* The task arena: where a runtime's tasks live.
 *
 * A slab allocator of size classes with 8-byte granularity.  Memory comes
 * in chunks of AC__CHUNK_SIZE bytes aligned to their size, so the chunk of
 * any task is its address with the low bits masked off; the chunk header
 * holds what all its tasks share (the scheduler, the slot size), which is
 * why the task header itself does not store its scheduler.  A chunk serves
 * one slot size; its slots are carved from a bump pointer and recycled
 * through a free list per class.  Slots above AC__ARENA_MAX_SLOT bytes go
 * to coarser classes (odd numbers of cache lines) up to AC__ARENA_LARGE_MAX;
 * a busy arena's chunks of those come from 2 MiB regions that may get
 * transparent huge pages (task_arena.c).  Larger slots or frames aligned
 * above 32 get a chunk of their own ("single" chunks, as large as needed,
 * the task near its start).
 *
 * A slot holds a task header followed by its frame.  A free slot has a NULL
 * 'desc' (the header's second word; the first links the free list), a live
 * one never does: that is how ac__arena_for_each finds the live tasks
 * without any per-task list.
 *
 * Threads.  Allocation is for the owner thread (the one that runs the
 * scheduler) or, in locked mode ('lock' non-NULL: a multi-thread runtime
 * sharing one arena between its workers), for any thread holding nothing
 * else.  A free on the owner thread (or under the lock) goes straight back
 * to its class; a free on another thread is pushed onto the lock-free
 * 'remote' stack, which the owner takes in one exchange when a class runs
 * dry (so nothing is ever popped concurrently: no ABA).
 *
 * Cost: 64 bytes of header per 256 KiB chunk; no per-task overhead beyond
 * rounding the slot to 8 bytes (or the frame's alignment).
 *
 * Memory goes back to the OS only when the runtime is idle (about to block
 * in the driver): ac__arena_trim unmaps the class chunks that held no task
 * at two looks at least AC__ARENA_TRIM_MS apart, keeping AC__ARENA_RESERVE
 * bytes of chunks; never on the alloc/free paths. */
#ifndef AC__TASK_ARENA_H
#define AC__TASK_ARENA_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "context.h"

#define AC__CHUNK_SHIFT 18
#define AC__CHUNK_SIZE ((size_t)1 << AC__CHUNK_SHIFT) /* 256 KiB */
#define AC__ARENA_MAX_SLOT 2048
#define AC__ARENA_CLASSES (AC__ARENA_MAX_SLOT / 8 + 1)
/* Larger slots, up to AC__ARENA_LARGE_MAX, share chunks too (an echo
 * connection's task with a 16 KiB buffer in its frame, say): a chunk each
 * put a thousand such tasks 256 KiB apart, all at the same offsets, and W5
 * at 1,000 connections ran ~4 % slower so.  Such a slot is an odd number
 * of cache lines, so that tasks side by side start at every line offset
 * (and every set of the caches), not at a few. */
#define AC__ARENA_LARGE_MAX (32 << 10)
#define AC__ARENA_LARGE_CLASSES ((AC__ARENA_LARGE_MAX - AC__ARENA_MAX_SLOT) / 128 + 1)

struct ac__sched;
struct ac__task_arena;
struct ac_task;

struct ac__arena_class;
struct ac__chunk {
  struct ac__sched *sched;        /* first: what ac__task_sched() reads */
  struct ac__task_arena *arena;
  /* Where a free on the owner thread puts a slot: its class, or NULL for a
   * single chunk or a locked arena (ac__arena_free's one test for both). */
  struct ac__arena_class *local_class;
  struct ac__chunk *next;         /* every chunk of the arena */
  uint32_t slot_size;             /* 0: a single chunk */
  uint16_t nfree;                 /* ac__arena_trim: free slots counted */
  uint8_t idle;                   /* ac__arena_trim: empty at its last look */
  size_t map_size;                /* bytes mapped */
  union {
    char *bump;                   /* class chunks: slots never handed out yet */
    struct ac_task *single;       /* single chunks: the task (NULL once freed) */
  };
  char *end;                      /* class chunks: the end of the bump range */
};
#define AC__CHUNK_HEADER 64
_Static_assert(sizeof(struct ac__chunk) <= AC__CHUNK_HEADER, "chunk header");

struct ac__arena_class {
  void *free;                     /* free slots, linked through their first word */
  struct ac__chunk *chunk;        /* the chunk being carved, or NULL */
};

struct ac__task_arena {
  struct ac__sched *sched;
  pthread_mutex_t *lock;          /* locked mode, or NULL */
  struct ac__chunk *chunks;
  _Atomic(struct ac_task *) remote; /* slots freed by other threads */
  size_t live;                    /* tasks allocated, minus those freed
                                     (remote frees count once taken) */
  bool iterating;                 /* inside ac__arena_for_each */
  unsigned single_color;          /* staggers tasks that get a chunk of their own */
  size_t large_bytes;             /* large-class chunks mapped (task_arena.c: huge pages) */
  char *huge_next, *huge_end;     /* the huge-page region class chunks come from */
  /* ac__arena_trim */
  size_t class_bytes;             /* class chunks mapped */
  size_t bytes_at_trim;           /* class_bytes after the last look */
  size_t live_high;               /* highest 'live' seen since the last look */
  uint64_t trim_at;               /* ms: no look before */
  bool trim_pending;              /* chunks to release if still empty */
  struct ac__arena_class classes[AC__ARENA_CLASSES + AC__ARENA_LARGE_CLASSES];
};

static inline struct ac__chunk *ac__chunk_of(const void *p) {
  return (struct ac__chunk *)((uintptr_t)p & ~(uintptr_t)(AC__CHUNK_SIZE - 1));
}

/* 'lock' NULL: owner-thread mode.  Never fails: chunks come later. */
void ac__arena_init(struct ac__task_arena *a, struct ac__sched *sched,
                    pthread_mutex_t *lock);
/* Unmaps every chunk: every task still in it is gone. */
void ac__arena_destroy(struct ac__task_arena *a);
/* Under ASan free slots are poisoned (task_arena.c): no inline fast paths. */
#if defined(__SANITIZE_ADDRESS__)
#define AC__ARENA_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define AC__ARENA_ASAN 1
#endif
#endif
#ifndef AC__ARENA_ASAN
#define AC__ARENA_ASAN 0
#endif

#define AC__TASK_HEADER_SIZE 32

struct ac_task *ac__arena_alloc_slow(struct ac__task_arena *a, size_t frame_size,
                                     size_t frame_align);
void ac__arena_free_slow(struct ac_task *t);

/* A slot for a task header of 32 bytes plus a frame of 'frame_size' bytes
 * aligned to 'frame_align' (a power of two <= 4096): the returned address is
 * where the header goes, the frame follows it.  NULL if out of memory.
 * Inline: the common case is a pop from the class's free list or a bump. */
/* The inline part: a frame of at most AC__ARENA_MAX_SLOT - 32 bytes, aligned
 * to at most 8, on an owner-thread arena; NULL: use ac__arena_alloc_slow. */
static inline struct ac_task *ac__arena_alloc_fast(struct ac__task_arena *a, size_t frame_size) {
  if (!AC__ARENA_ASAN && !a->lock) {
    size_t slot = (AC__TASK_HEADER_SIZE + frame_size + 7) & ~(size_t)7;
    struct ac__arena_class *k = &a->classes[slot / 8];
    void *p = k->free;
    struct ac__chunk *c;
    if (p) {
      k->free = *(void **)p;
      a->live++;
      return (struct ac_task *)p;
    }
    c = k->chunk;
    if (c && c->bump + slot <= c->end) {
      p = c->bump;
      c->bump += slot;
      a->live++;
      return (struct ac_task *)p;
    }
  }
  return NULL;
}

static inline struct ac_task *ac__arena_alloc(struct ac__task_arena *a, size_t frame_size,
                                              size_t frame_align) {
  struct ac_task *t = NULL;
  if (frame_align <= 8 && frame_size <= AC__ARENA_MAX_SLOT - AC__TASK_HEADER_SIZE)
    t = ac__arena_alloc_fast(a, frame_size);
  return t ? t : ac__arena_alloc_slow(a, frame_size, frame_align);
}

/* Returns a task's slot, from any thread.  Inline: on the owner thread it
 * is a push on the class's free list (ac__arena_free_fast: false if it
 * was not that case, and nothing was done). */
static inline bool ac__arena_free_fast(struct ac_task *t) {
  struct ac__chunk *c = ac__chunk_of(t);
  struct ac__arena_class *k = c->local_class;
  if (AC__ARENA_ASAN || !k || ac__context_sched != c->sched)
    return false;
  ((void **)t)[1] = NULL; /* 'desc': marks the slot free */
  *(void **)t = k->free;
  k->free = t;
  c->arena->live--;
  return true;
}

static inline void ac__arena_free(struct ac_task *t) {
  if (!ac__arena_free_fast(t))
    ac__arena_free_slow(t);
}
/* Calls fn on every live task (allocated and not freed), chunk by chunk.
 * fn may free tasks, the one it was given included; tasks allocated
 * meanwhile may or may not be visited.  Owner thread, nothing else running. */
void ac__arena_for_each(struct ac__task_arena *a, void (*fn)(struct ac_task *t, void *ctx),
                        void *ctx);

/* Class chunk bytes an arena keeps however idle, and the least time
 * between two looks of ac__arena_trim: a chunk goes back to the OS once it
 * was empty at two looks, so only after 1-2 s without a task. */
#define AC__ARENA_RESERVE ((size_t)512 << 10)
#define AC__ARENA_TRIM_MS 1000

/* The runtime is about to block: unmaps the chunks that stayed empty (see
 * above), at most one look per AC__ARENA_TRIM_MS.  Returns the time (ms)
 * of the next look the park should wake up for, or 0: none is needed
 * (nothing was empty, and no task went since the last look).  Owner
 * thread, or under the lock in locked mode.  Its cost: a walk of the
 * free lists and the chunk list, once a second at most, and only while
 * idle with more than the reserve mapped. */
uint64_t ac__arena_trim(struct ac__task_arena *a, uint64_t now_ms);

/* Tasks still allocated when their arena was destroyed, process-wide:
 * what reference counting failed to free (tests assert it stays put). */
size_t ac__arena_reclaimed_total(void);

#endif
