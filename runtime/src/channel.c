/* MPSC channels, bounded and unbounded (asyncc/chan.h), safe across threads.
 *
 * State: a ring of fixed-size items, a 'closed' flag and two FIFO wait
 * queues, all under one spinlock (waitq.h: one atomic exchange to lock,
 * wakes after unlocking), biased to the current-thread runtime that
 * created the channel: while no other thread has used it, that runtime's
 * thread takes it with plain stores (biased_lock.h).
 *
 * Hand-offs, chosen so that no wake is ever lost or spent twice, and so that
 * the ping-pong of W2 takes the lock only twice per item (send, and the
 * receiver queueing itself):
 *  - A sender that finds the ring empty and a receiver waiting copies the
 *    item straight into that receiver's 'out' and completes it (HANDED):
 *    the woken receiver returns without touching the channel.  If that
 *    receiver is dropped before it saw the item, its drop puts the item
 *    back at the FRONT of the ring (it was the oldest) and wakes the next
 *    receiver.  The ring has one spare slot for this, and at most one
 *    hand-off is outstanding at a time ('handoff_out', cleared by the
 *    receiver when it sees the item), so the spare always suffices.
 *  - Otherwise the sender pushes the item and wakes the first waiting
 *    receiver, which retries (RETRY); a woken receiver dropped before it
 *    retried passes the wake on if items remain.
 *  - A receiver that frees a slot while senders wait moves the first
 *    waiting sender's item into the ring itself and completes that send
 *    (result 0).  So a woken sender never retries, senders are served
 *    strictly FIFO, and a send dropped after that point has completed.
 *  - Close completes every waiting send with -EPIPE and wakes every
 *    receiver, which drain the ring and then see -EPIPE.
 * An unbounded channel is the same ring grown by doubling, so its sends
 * never wait. */
#include "channel.h"
#include "biased_lock.h"
#include "context.h"
#include "waitq.h"

#include <asyncc/chan.h>
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* A receiver's wake: "look again", or "your item is in 'out'" (which the
 * inline ac_chan_recv__poll of chan.h completes). */
enum { RECV_RETRY = AC__RECV_RETRY, RECV_HANDED = AC__RECV_HANDED };
enum { UNBOUNDED_INITIAL = 16 };

struct ac_chan {
  struct ac__chan_head pub;  /* first: chan.h's inline recv clears handoff_out */
  struct ac__biased_lock lock; /* biased to its creator's runtime (biased_lock.h) */
  bool closed, unbounded;
  size_t capacity, item_size; /* capacity: ring slots, one more than sends may fill */
  size_t first, len;          /* oldest item at 'first' */
  struct ac_waitq senders, receivers;
  unsigned char *buf;
};

static struct ac_chan *chan_new(size_t capacity, size_t item_size, bool unbounded) {
  if (capacity == 0 || item_size == 0 || capacity >= SIZE_MAX / item_size)
    return NULL;
  capacity++; /* the spare slot for a hand-off put back */
  struct ac_chan *ch = malloc(sizeof *ch);
  if (!ch)
    return NULL;
  ch->buf = malloc(capacity * item_size);
  if (!ch->buf) {
    free(ch);
    return NULL;
  }
  ac__biased_lock_init(&ch->lock);
  ch->closed = false;
  ch->unbounded = unbounded;
  atomic_init(&ch->pub.handoff_out, false);
  ch->capacity = capacity;
  ch->item_size = item_size;
  ch->first = ch->len = 0;
  ac__waitq_init(&ch->senders);
  ac__waitq_init(&ch->receivers);
  return ch;
}

struct ac_chan *ac_chan_new(size_t capacity, size_t item_size) {
  return chan_new(capacity, item_size, false);
}

struct ac_chan *ac_chan_new_unbounded(size_t item_size) {
  return chan_new(UNBOUNDED_INITIAL, item_size, true);
}

void ac_chan_free(struct ac_chan *ch) {
  if (!ch)
    return;
  free(ch->buf);
  free(ch);
}

/* ---------------------------------------------------------------- ring
 * All with the lock held. */

/* memcpy of item_size bytes, inlined for the common sizes. */
static inline void copy_item(void *dst, const void *src, size_t size) {
  switch (size) {
  case 4: memcpy(dst, src, 4); break;
  case 8: memcpy(dst, src, 8); break;
  case 16: memcpy(dst, src, 16); break;
  default: memcpy(dst, src, size);
  }
}

static void *slot(struct ac_chan *ch, size_t i) {
  size_t k = ch->first + i;
  if (k >= ch->capacity)
    k -= ch->capacity;
  return ch->buf + k * ch->item_size;
}

/* Doubles an unbounded ring, oldest item first.  Under the lock, but
 * amortised: a channel that stays below its high-water mark never grows. */
static bool grow(struct ac_chan *ch) {
  size_t cap = ch->capacity;
  if (cap > SIZE_MAX / 2 / ch->item_size)
    return false;
  unsigned char *nb = malloc(2 * cap * ch->item_size);
  if (!nb)
    return false;
  size_t first = cap - ch->first; /* items from 'first' to the end of the old ring */
  if (first > ch->len)
    first = ch->len;
  memcpy(nb, ch->buf + ch->first * ch->item_size, first * ch->item_size);
  memcpy(nb + first * ch->item_size, ch->buf, (ch->len - first) * ch->item_size);
  free(ch->buf);
  ch->buf = nb;
  ch->first = 0;
  ch->capacity = 2 * cap;
  return true;
}

/* Sends fill at most capacity - 1 slots: the last one is the spare. */
static bool has_room(struct ac_chan *ch) {
  return ch->len + 1 < ch->capacity || (ch->unbounded && grow(ch));
}

static void push(struct ac_chan *ch, const void *item) {
  copy_item(slot(ch, ch->len), item, ch->item_size);
  ch->len++;
}

static void push_front(struct ac_chan *ch, const void *item) {
  ch->first = ch->first == 0 ? ch->capacity - 1 : ch->first - 1;
  ch->len++;
  copy_item(slot(ch, 0), item, ch->item_size);
}

static void pop(struct ac_chan *ch, void *out) {
  copy_item(out, slot(ch, 0), ch->item_size);
  ch->first = ch->first + 1 == ch->capacity ? 0 : ch->first + 1;
  ch->len--;
}

/* A send that may complete now (no sender queued ahead of it): 0, -EPIPE,
 * -EAGAIN (full) or -ENOMEM (unbounded, cannot grow).  A receiver it
 * serves is detached into *wake, to be woken after unlocking. */
static inline __attribute__((always_inline)) int send_locked(struct ac_chan *ch, const void *item,
                                                             struct ac_waiter **wake) {
  if (ch->closed)
    return -EPIPE;
  if (!ac__waitq_empty(&ch->senders))
    return -EAGAIN; /* a newcomer does not overtake queued senders */
  struct ac_waiter *w = ch->receivers.head;
  if (w && ch->len == 0 && !atomic_load_explicit(&ch->pub.handoff_out, memory_order_relaxed)) {
    copy_item(ac__container_of(w, struct ac_chan_recv__frame, w)->out, item, ch->item_size);
    atomic_store_explicit(&ch->pub.handoff_out, true, memory_order_relaxed);
    ac__waitq_detach(&ch->receivers, w, RECV_HANDED);
    *wake = w;
    return 0;
  }
  if (!has_room(ch))
    return ch->unbounded ? -ENOMEM : -EAGAIN;
  push(ch, item);
  if (w) {
    ac__waitq_detach(&ch->receivers, w, RECV_RETRY);
    *wake = w;
  }
  return 0;
}

/* 0 with an item in 'out', -EPIPE (closed and drained) or -EAGAIN.  A
 * sender it completes is detached into *wake. */
static inline __attribute__((always_inline)) int recv_locked(struct ac_chan *ch, void *out,
                                                             struct ac_waiter **wake) {
  if (ch->len == 0)
    return ch->closed ? -EPIPE : -EAGAIN;
  pop(ch, out);
  struct ac_waiter *w = ch->senders.head;
  if (w) { /* the freed slot goes to the first waiting sender: complete it */
    push(ch, ac__container_of(w, struct ac_chan_send__frame, w)->item);
    ac__waitq_detach(&ch->senders, w, 0);
    *wake = w;
  }
  return 0;
}

/* Every operation but close wakes at most one waiter. */
static inline void wake_if(struct ac_waiter *w) {
  if (w)
    ac__waiter_wake(w);
}

int ac_chan_try_send(struct ac_chan *ch, const void *item) {
  struct ac_waiter *wake = NULL;
  ac__biased_lock(&ch->lock);
  int r = send_locked(ch, item, &wake);
  ac__biased_unlock(&ch->lock);
  wake_if(wake);
  return r;
}

int ac_chan_try_recv(struct ac_chan *ch, void *out) {
  struct ac_waiter *wake = NULL;
  ac__biased_lock(&ch->lock);
  int r = recv_locked(ch, out, &wake);
  ac__biased_unlock(&ch->lock);
  wake_if(wake);
  return r;
}

/* ------------------------------------------ plain threads: blocking calls
 * The thread waits on a task-less node in a frame on its own stack, queued
 * like any task's, so it takes its turn FIFO with the tasks. */

int ac_chan_send_blocking(struct ac_chan *ch, const void *item) {
  if (ac__context_current())
    return -EDEADLK; /* would block the runtime that has to drain the channel */
  struct ac_chan_send__frame f;
  struct ac_waiter *wake = NULL;
  ac_chan_send__init(&f, ch, item);
  ac__biased_lock(&ch->lock);
  int r = send_locked(ch, item, &wake);
  if (r == -EAGAIN) {
    ac__waitq_push_new(&ch->senders, &f.w, NULL);
    ac__biased_unlock(&ch->lock);
    ac__waiter_thread_wait(&f.w);
    return f.w.result; /* a receiver took the item (0), or -EPIPE */
  }
  ac__biased_unlock(&ch->lock);
  wake_if(wake);
  return r;
}

int ac_chan_recv_blocking(struct ac_chan *ch, void *out) {
  if (ac__context_current())
    return -EDEADLK;
  struct ac_chan_recv__frame f;
  ac_chan_recv__init(&f, ch, out);
  for (;;) {
    struct ac_waiter *wake = NULL;
    ac__biased_lock(&ch->lock);
    int r = recv_locked(ch, out, &wake);
    if (r != -EAGAIN) {
      ac__biased_unlock(&ch->lock);
      wake_if(wake);
      return r;
    }
    ac__waitq_push_new(&ch->receivers, &f.w, NULL); /* never queued, or woken: not queued */
    ac__biased_unlock(&ch->lock);
    ac__waiter_thread_wait(&f.w);
    if (f.w.result == RECV_HANDED) {
      atomic_store_explicit(&ch->pub.handoff_out, false, memory_order_relaxed);
      return 0;
    }
  }
}

void ac_chan_close(struct ac_chan *ch) {
  struct ac__wake_list wl = {0};
  ac__biased_lock(&ch->lock);
  ch->closed = true;
  ac__waitq_take_all(&ch->senders, -EPIPE, &wl);
  ac__waitq_take_all(&ch->receivers, RECV_RETRY, &wl);
  ac__biased_unlock(&ch->lock);
  ac__wake_list(&wl);
}

static size_t count_locked(struct ac_chan *ch, const struct ac_waitq *q) {
  ac__biased_lock(&ch->lock);
  size_t n = ac__waitq_count(q);
  ac__biased_unlock(&ch->lock);
  return n;
}
size_t ac__chan_waiting_senders(struct ac_chan *ch) { return count_locked(ch, &ch->senders); }
size_t ac__chan_waiting_receivers(struct ac_chan *ch) { return count_locked(ch, &ch->receivers); }
bool ac__chan_biased(struct ac_chan *ch) { return ac__biased_lock_is_biased(&ch->lock); }
size_t ac__chan_len(struct ac_chan *ch) {
  ac__biased_lock(&ch->lock);
  size_t n = ch->len;
  ac__biased_unlock(&ch->lock);
  return n;
}



/* ------------------------------------------------------------ ac_chan_send
 * init and poll are inline in chan.h; these are their out-of-line copies. */

void ac_chan_send__init(struct ac_chan_send__frame *f, struct ac_chan *ch, const void *item) {
  f->ac_state = OP_UNSTARTED;
  f->ch = ch;
  f->item = item;
}

ac_poll ac_chan_send__poll(struct ac_chan_send__frame *f, struct ac_cx *cx) {
  return ac__chan_send_poll(f, cx);
}

ac_poll ac__chan_send_poll(struct ac_chan_send__frame *f, struct ac_cx *cx) {
  if (f->ac_state == AC_STATE_DONE)
    return AC_READY;
  if (f->ac_state == OP_WAITING) {
    if (ac__waiter_settle(&f->w) == AC__W_QUEUED)
      return AC_PENDING; /* polled early: still queued, the wake will come */
    f->ac_result = f->w.result; /* a receiver took the item (0), or -EPIPE */
    f->ac_state = AC_STATE_DONE;
    return AC_READY;
  }
  return ac__chan_send_start(f, cx);
}

ac_poll ac__chan_send_start(struct ac_chan_send__frame *f, struct ac_cx *cx) {
  struct ac_chan *ch = f->ch;
  struct ac_waiter *wake = NULL;
  if (!ac__coop_proceed(cx)) {
    ac__task_wake(cx->task);
    return AC_PENDING;
  }
  ac__biased_lock(&ch->lock);
  int r = send_locked(ch, f->item, &wake);
  if (r == -EAGAIN) {
    ac__waitq_push_new(&ch->senders, &f->w, cx->task);
    ac__biased_unlock(&ch->lock);
    f->ac_state = OP_WAITING;
    return AC_PENDING;
  }
  ac__biased_unlock(&ch->lock);
  f->ac_result = r;
  f->ac_state = AC_STATE_DONE;
  wake_if(wake); /* last: nothing but 'wake' lives across the call */
  return AC_READY;
}

void ac_chan_send__drop(struct ac_chan_send__frame *f) {
  if (f->ac_state == OP_WAITING) {
    /* if taken, a receiver or close completed the send: nothing to pass on */
    ac__waitq_leave(&f->ch->lock.spin, &f->ch->senders, &f->w);
  }
  f->ac_state = AC_STATE_DONE;
}

/* ------------------------------------------------------------ ac_chan_recv
 * init and the HANDED completion are inline in chan.h. */

void ac_chan_recv__init(struct ac_chan_recv__frame *f, struct ac_chan *ch, void *out) {
  f->ac_state = OP_UNSTARTED;
  f->ch = ch;
  f->out = out;
}

ac_poll ac_chan_recv__poll(struct ac_chan_recv__frame *f, struct ac_cx *cx) {
  return ac__chan_recv_poll(f, cx);
}

/* The rest of a recv, with the lock held: take an item, or queue. */
static inline __attribute__((always_inline)) ac_poll recv_locked_or_wait(
    struct ac_chan *ch, struct ac_chan_recv__frame *f, struct ac_cx *cx) {
  struct ac_waiter *wake = NULL;
  int r = recv_locked(ch, f->out, &wake);
  if (r == -EAGAIN) {
    /* never queued, or woken (RETRY): not in the queue either way */
    ac__waitq_push_new(&ch->receivers, &f->w, cx->task);
    ac__biased_unlock(&ch->lock);
    f->ac_state = OP_WAITING;
    return AC_PENDING;
  }
  ac__biased_unlock(&ch->lock);
  f->ac_result = r;
  f->ac_state = AC_STATE_DONE;
  wake_if(wake); /* last: nothing but 'wake' lives across the call */
  return AC_READY;
}

ac_poll ac__chan_recv_start(struct ac_chan_recv__frame *f, struct ac_cx *cx) {
  struct ac_chan *ch = f->ch;
  /* The budget is for completing at once: a recv that will wait spends
   * none (so W2's receivers, which always wait, spend nothing). */
  ac__biased_lock(&ch->lock);
  if ((ch->len > 0 || ch->closed) && !ac__coop_proceed(cx)) {
    ac__biased_unlock(&ch->lock);
    ac__task_wake(cx->task);
    return AC_PENDING;
  }
  return recv_locked_or_wait(ch, f, cx);
}

ac_poll ac__chan_recv_poll(struct ac_chan_recv__frame *f, struct ac_cx *cx) {
  struct ac_chan *ch = f->ch;
  if (f->ac_state == AC_STATE_DONE)
    return AC_READY;
  if (f->ac_state != OP_WAITING)
    return ac__chan_recv_start(f, cx);
  if (ac__waiter_settle(&f->w) == AC__W_QUEUED)
    return AC_PENDING;
  if (f->w.result == RECV_HANDED) { /* the item is in 'out' already */
    atomic_store_explicit(&ch->pub.handoff_out, false, memory_order_relaxed);
    f->ac_result = 0;
    f->ac_state = AC_STATE_DONE;
    return AC_READY;
  }
  ac__biased_lock(&ch->lock);
  return recv_locked_or_wait(ch, f, cx);
}

void ac_chan_recv__drop(struct ac_chan_recv__frame *f) {
  if (f->ac_state == OP_WAITING) {
    struct ac_chan *ch = f->ch;
    struct ac__wake_list wl = {0};
    if (!ac__waitq_leave(&ch->lock.spin, &ch->receivers, &f->w)) {
      /* Woken but never retried: the wake meant "an item is there" (or
       * close), so hand it to the next receiver; an item already copied
       * to 'out' goes back to the front of the ring first. */
      ac__biased_lock(&ch->lock);
      if (f->w.result == RECV_HANDED) {
        push_front(ch, f->out);
        atomic_store_explicit(&ch->pub.handoff_out, false, memory_order_relaxed);
      }
      if (ch->len > 0 || ch->closed)
        ac__waitq_take_first(&ch->receivers, RECV_RETRY, &wl);
      ac__biased_unlock(&ch->lock);
      ac__wake_list(&wl);
    }
  }
  f->ac_state = AC_STATE_DONE;
}

/* ------------------------------------------------------------ task dump */

void ac_chan_send__trace(const void *frame, struct ac_trace *t) {
  const struct ac_chan_send__frame *f = frame;
  ac__waiter_trace(&f->ch->lock.spin, &f->w, f->ac_state, "send on channel", (void *)f->ch, t);
}

void ac_chan_recv__trace(const void *frame, struct ac_trace *t) {
  const struct ac_chan_recv__frame *f = frame;
  ac__waiter_trace(&f->ch->lock.spin, &f->w, f->ac_state, "recv on channel", (void *)f->ch, t);
}
