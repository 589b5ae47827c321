/* Broadcast channels (asyncc/chan.h).
 *
 * A ring of 'capacity' slots indexed by a 64-bit sequence number: value k
 * lives in slot k % capacity until value k + capacity overwrites it.  The
 * channel knows nothing of its receivers but the waiting ones; each
 * receiver (struct ac_bcast_rx) keeps the sequence number it reads next.
 * So a send never waits and costs O(1) plus one wake per waiting receiver,
 * and a receiver that fell more than 'capacity' behind finds its next
 * value overwritten: its recv reports -EOVERFLOW with the number of values
 * it missed and moves it to the oldest value still held.
 *
 * Every send and close wakes every waiting receiver (each one wants the
 * value), so a dropped recv has no wake to pass on. */
#include "sync_internal.h"
#include "waitq.h"

#include <asyncc/chan.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

struct ac_bcast {
  ac__spinlock lock;
  bool closed;
  size_t capacity, item_size;
  uint64_t tail; /* sequence number of the next value sent */
  struct ac_waitq receivers;
  unsigned char *buf;
};

struct ac_bcast *ac_bcast_new(size_t capacity, size_t item_size) {
  if (capacity == 0 || item_size == 0 || capacity > SIZE_MAX / item_size)
    return NULL;
  struct ac_bcast *b = malloc(sizeof *b);
  if (!b)
    return NULL;
  b->buf = malloc(capacity * item_size);
  if (!b->buf) {
    free(b);
    return NULL;
  }
  atomic_init(&b->lock, 0);
  b->closed = false;
  b->capacity = capacity;
  b->item_size = item_size;
  b->tail = 0;
  ac__waitq_init(&b->receivers);
  return b;
}

void ac_bcast_free(struct ac_bcast *b) {
  if (!b)
    return;
  free(b->buf);
  free(b);
}

void ac_bcast_subscribe(struct ac_bcast *b, struct ac_bcast_rx *rx) {
  ac__spin_lock(&b->lock);
  rx->b = b;
  rx->next = b->tail;
  rx->lagged = 0;
  ac__spin_unlock(&b->lock);
}

int ac_bcast_send(struct ac_bcast *b, const void *item) {
  struct ac__wake_list wl = {0};
  int r = -EPIPE;
  ac__spin_lock(&b->lock);
  if (!b->closed) {
    memcpy(b->buf + (b->tail % b->capacity) * b->item_size, item, b->item_size);
    b->tail++;
    ac__waitq_take_all(&b->receivers, 0, &wl);
    r = 0;
  }
  ac__spin_unlock(&b->lock);
  ac__wake_list(&wl);
  return r;
}

void ac_bcast_close(struct ac_bcast *b) {
  struct ac__wake_list wl = {0};
  ac__spin_lock(&b->lock);
  b->closed = true;
  ac__waitq_take_all(&b->receivers, 0, &wl);
  ac__spin_unlock(&b->lock);
  ac__wake_list(&wl);
}

/* 0, -EOVERFLOW, -EPIPE, or -EAGAIN: nothing yet (lock held). */
static int recv_locked(struct ac_bcast *b, struct ac_bcast_rx *rx, void *out) {
  uint64_t oldest = b->tail > b->capacity ? b->tail - b->capacity : 0;
  if (rx->next < oldest) {
    rx->lagged = oldest - rx->next;
    rx->next = oldest;
    return -EOVERFLOW;
  }
  if (rx->next < b->tail) {
    memcpy(out, b->buf + (rx->next % b->capacity) * b->item_size, b->item_size);
    rx->next++;
    return 0;
  }
  return b->closed ? -EPIPE : -EAGAIN;
}


void ac_bcast_recv__init(struct ac_bcast_recv__frame *f, struct ac_bcast_rx *rx, void *out) {
  f->ac_state = OP_UNSTARTED;
  f->rx = rx;
  f->out = out;
  ac__waiter_init(&f->w);
}

ac_poll ac_bcast_recv__poll(struct ac_bcast_recv__frame *f, struct ac_cx *cx) {
  struct ac_bcast *b = f->rx->b;
  if (f->ac_state == AC_STATE_DONE)
    return AC_READY;
  if (f->ac_state == OP_WAITING) {
    if (ac__waiter_settle(&f->w) == AC__W_QUEUED)
      return AC_PENDING;
  } else if (!ac__coop_proceed(cx)) {
    ac__task_wake(cx->task);
    return AC_PENDING;
  }
  ac__spin_lock(&b->lock);
  int r = recv_locked(b, f->rx, f->out);
  if (r == -EAGAIN) {
    ac__waitq_push(&b->receivers, &f->w, cx->task);
    ac__spin_unlock(&b->lock);
    f->ac_state = OP_WAITING;
    return AC_PENDING;
  }
  ac__spin_unlock(&b->lock);
  f->ac_result = r;
  f->ac_state = AC_STATE_DONE;
  return AC_READY;
}

void ac_bcast_recv__drop(struct ac_bcast_recv__frame *f) {
  if (f->ac_state == OP_WAITING) {
    struct ac_bcast *b = f->rx->b;
    ac__waitq_leave(&b->lock, &b->receivers, &f->w);
  }
  f->ac_state = AC_STATE_DONE;
}

size_t ac__bcast_waiting(struct ac_bcast *b) {
  ac__spin_lock(&b->lock);
  size_t n = ac__waitq_count(&b->receivers);
  ac__spin_unlock(&b->lock);
  return n;
}

void ac_bcast_recv__trace(const void *frame, struct ac_trace *t) {
  const struct ac_bcast_recv__frame *f = frame;
  ac__waiter_trace(&f->rx->b->lock, &f->w, f->ac_state, "recv on broadcast", (void *)f->rx->b, t);
}
