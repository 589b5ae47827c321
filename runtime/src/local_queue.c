/* Local run queue (see local_queue.h for the rules). */
#include "local_queue.h"

#include <assert.h>

#define MASK (AC__LOCAL_QUEUE_CAP - 1)

void ac__local_queue_init(struct ac__local_queue *q) {
  atomic_init(&q->head, 0);
  atomic_init(&q->tail, 0);
  for (unsigned i = 0; i < AC__LOCAL_QUEUE_CAP; i++)
    atomic_init(&q->slots[i], NULL);
}

static struct ac_task *slot(struct ac__local_queue *q, uint32_t i) {
  return atomic_load_explicit(&q->slots[i & MASK], memory_order_relaxed);
}

bool ac__local_queue_push(struct ac__local_queue *q, struct ac_task *t,
                          struct ac__task_queue *overflow) {
  uint32_t tail = atomic_load_explicit(&q->tail, memory_order_relaxed);
  for (;;) {
    uint32_t head = atomic_load_explicit(&q->head, memory_order_acquire);
    if (tail - head < AC__LOCAL_QUEUE_CAP) {
      atomic_store_explicit(&q->slots[tail & MASK], t, memory_order_relaxed);
      atomic_store_explicit(&q->tail, tail + 1, memory_order_release);
      return true;
    }
    /* Full: claim the older half.  Failing means a thief just made room. */
    uint32_t half = AC__LOCAL_QUEUE_CAP / 2;
    if (!atomic_compare_exchange_strong_explicit(&q->head, &head, head + half,
                                                 memory_order_acq_rel, memory_order_relaxed))
      continue;
    *overflow = (struct ac__task_queue){0};
    for (uint32_t i = 0; i < half; i++)
      ac__task_queue_push(overflow, slot(q, head + i));
    ac__task_queue_push(overflow, t);
    return false;
  }
}

struct ac_task *ac__local_queue_pop(struct ac__local_queue *q) {
  uint32_t tail = atomic_load_explicit(&q->tail, memory_order_relaxed);
  uint32_t head = atomic_load_explicit(&q->head, memory_order_acquire);
  while (head != tail) {
    struct ac_task *t = slot(q, head);
    if (atomic_compare_exchange_weak_explicit(&q->head, &head, head + 1, memory_order_acq_rel,
                                              memory_order_acquire))
      return t;
  }
  return NULL;
}

struct ac_task *ac__local_queue_steal(struct ac__local_queue *src, struct ac__local_queue *dst,
                                      unsigned *stolen) {
  struct ac_task *got[AC__LOCAL_QUEUE_CAP / 2 + 1];
  uint32_t n;
  uint32_t head = atomic_load_explicit(&src->head, memory_order_acquire);
  for (;;) {
    uint32_t tail = atomic_load_explicit(&src->tail, memory_order_acquire);
    uint32_t len = tail - head;
    if (len == 0 || len > AC__LOCAL_QUEUE_CAP) { /* empty, or 'head' stale */
      if (len == 0) {
        *stolen = 0;
        return NULL;
      }
      head = atomic_load_explicit(&src->head, memory_order_acquire);
      continue;
    }
    n = len - len / 2;
    for (uint32_t i = 0; i < n; i++)
      got[i] = slot(src, head + i);
    if (atomic_compare_exchange_weak_explicit(&src->head, &head, head + n, memory_order_acq_rel,
                                              memory_order_acquire))
      break;
  }
  /* The thief's own queue is empty and only it pushes there: no overflow. */
  for (uint32_t i = 1; i < n; i++) {
    struct ac__task_queue unused;
    bool pushed = ac__local_queue_push(dst, got[i], &unused);
    assert(pushed);
    (void)pushed;
  }
  *stolen = n;
  return got[0];
}
