/* A worker's local run queue (tokio's multi_thread/queue.rs, simplified):
 * a bounded ring of task pointers that its owner pushes at the tail and
 * pops at the head (FIFO), and that other workers steal half of, from the
 * head.
 *
 * Ground rules:
 *  1. Only the owner writes 'tail' and the slots; it publishes a slot by a
 *     release store of 'tail'.
 *  2. 'head' moves forward only, by CAS: the owner's pop claims one task,
 *     a thief claims half the queue, an overflow claims half for the global
 *     queue.  Whoever wins the CAS owns the claimed tasks.
 *  3. A thief reads the slots it wants BEFORE its CAS.  Slots between head
 *     and tail are never rewritten until head passes them, so if the CAS
 *     succeeds what it read was current; if not, it drops the copy.
 * Slots are atomics (relaxed) only because a thief with a stale 'head' may
 * read a slot the owner is rewriting; its CAS then fails.  Indices are
 * free-running uint32_t; tail - head is the length. */
#ifndef AC__LOCAL_QUEUE_H
#define AC__LOCAL_QUEUE_H

#include "task.h"

#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#define AC__LOCAL_QUEUE_CAP 256u /* a power of two */

struct ac__local_queue {
  _Atomic uint32_t head;
  _Atomic uint32_t tail;
  struct ac_task *_Atomic slots[AC__LOCAL_QUEUE_CAP];
};

void ac__local_queue_init(struct ac__local_queue *q);

/* Owner.  Pushes 't' at the tail.  When the queue is full it instead
 * claims the older half and returns it, with 't' last, as a list linked
 * through 'next' in 'overflow' (for the global queue); returns false then. */
bool ac__local_queue_push(struct ac__local_queue *q, struct ac_task *t,
                          struct ac__task_queue *overflow);

/* Owner.  The task at the head, or NULL. */
struct ac_task *ac__local_queue_pop(struct ac__local_queue *q);

/* Thief ('dst' is the thief's own queue, empty).  Moves half of 'src'
 * (rounded up) into 'dst' but one, and returns that one; NULL if 'src' was
 * empty.  *stolen tells how many tasks moved in all. */
struct ac_task *ac__local_queue_steal(struct ac__local_queue *src, struct ac__local_queue *dst,
                                      unsigned *stolen);

/* Any thread: a snapshot (may be stale by the time it is used). */
static inline uint32_t ac__local_queue_len(struct ac__local_queue *q) {
  uint32_t head = atomic_load_explicit(&q->head, memory_order_acquire);
  uint32_t tail = atomic_load_explicit(&q->tail, memory_order_acquire);
  return tail - head;
}

#endif
