/* Bounded MPSC channels for the current-thread executor (see leaf.h).
 *
 * Single-threaded: all operations run on the owning runtime's thread, so
 * nothing here is atomic.  Waiters are intrusive nodes inside the send/recv
 * frames, queued FIFO.  A state change wakes one waiter by dequeueing it and
 * marking it 'woken'; the woken frame retries on its next poll and re-queues
 * itself if it lost the race.  A woken frame that is dropped before it
 * retries passes the wake on, so no wake is ever lost. */
#include "channel.h"

#include <asyncc/asyncc.h>
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct ac__waitq {
  struct ac_chan_waiter *head;
  struct ac_chan_waiter **tailp; /* &last->next, or &head */
};

struct ac_chan {
  size_t capacity, item_size;
  size_t head, len; /* ring of 'capacity' items: oldest at 'head' */
  bool closed;
  struct ac__waitq senders, receivers;
  unsigned char *buf;
};

static void waitq_init(struct ac__waitq *q) {
  q->head = NULL;
  q->tailp = &q->head;
}

static void waiter_unlink(struct ac__waitq *q, struct ac_chan_waiter *w) {
  if (!w->pprev)
    return;
  *w->pprev = w->next;
  if (w->next)
    w->next->pprev = w->pprev;
  else
    q->tailp = w->pprev;
  w->next = NULL;
  w->pprev = NULL;
}

static void waiter_enqueue(struct ac__waitq *q, struct ac_chan_waiter *w, struct ac_task *task) {
  w->task = task;
  w->woken = 0;
  if (w->pprev)
    return; /* already queued: polled again for another reason */
  w->next = NULL;
  w->pprev = q->tailp;
  *q->tailp = w;
  q->tailp = &w->next;
}

/* Dequeues the first waiter and wakes its task.  false if none. */
static bool waitq_wake_one(struct ac__waitq *q) {
  struct ac_chan_waiter *w = q->head;
  if (!w)
    return false;
  waiter_unlink(q, w);
  w->woken = 1;
  ac_task_wake(w->task);
  return true;
}

static size_t waitq_count(const struct ac__waitq *q) {
  size_t n = 0;
  for (const struct ac_chan_waiter *w = q->head; w; w = w->next)
    n++;
  return n;
}

struct ac_chan *ac_chan_new(size_t capacity, size_t item_size) {
  if (capacity == 0 || item_size == 0 || capacity > SIZE_MAX / item_size)
    return NULL;
  struct ac_chan *ch = malloc(sizeof *ch);
  if (!ch)
    return NULL;
  ch->buf = malloc(capacity * item_size);
  if (!ch->buf) {
    free(ch);
    return NULL;
  }
  ch->capacity = capacity;
  ch->item_size = item_size;
  ch->head = ch->len = 0;
  ch->closed = false;
  waitq_init(&ch->senders);
  waitq_init(&ch->receivers);
  return ch;
}

void ac_chan_close(struct ac_chan *ch) {
  ch->closed = true;
  while (waitq_wake_one(&ch->senders))
    ;
  while (waitq_wake_one(&ch->receivers))
    ;
}

void ac_chan_free(struct ac_chan *ch) {
  if (!ch)
    return;
  free(ch->buf);
  free(ch);
}

size_t ac__chan_waiting_senders(const struct ac_chan *ch) { return waitq_count(&ch->senders); }
size_t ac__chan_waiting_receivers(const struct ac_chan *ch) { return waitq_count(&ch->receivers); }
size_t ac__chan_len(const struct ac_chan *ch) { return ch->len; }

enum { OP_UNSTARTED = 0, OP_WAITING = 1 };

static void waiter_reset(struct ac_chan_waiter *w) {
  *w = (struct ac_chan_waiter){0};
}

/* ------------------------------------------------------------ ac_chan_send */

void ac_chan_send__init(struct ac_chan_send__frame *f, struct ac_chan *ch, const void *item) {
  f->ac_state = OP_UNSTARTED;
  f->ch = ch;
  f->item = item;
  waiter_reset(&f->w);
}

ac_poll ac_chan_send__poll(struct ac_chan_send__frame *f, struct ac_cx *cx) {
  struct ac_chan *ch = f->ch;
  if (f->ac_state == AC_STATE_DONE)
    return AC_READY;
  if (ch->closed) {
    f->ac_result = -EPIPE;
  } else if (ch->len < ch->capacity &&
             /* a newcomer does not overtake queued senders */
             (f->ac_state != OP_UNSTARTED || ch->senders.head == NULL)) {
    size_t tail = (ch->head + ch->len) % ch->capacity;
    memcpy(ch->buf + tail * ch->item_size, f->item, ch->item_size);
    ch->len++;
    f->ac_result = 0;
    waitq_wake_one(&ch->receivers);
    if (ch->len < ch->capacity)
      waitq_wake_one(&ch->senders);
  } else {
    waiter_enqueue(&ch->senders, &f->w, ac_cx_task(cx));
    f->ac_state = OP_WAITING;
    return AC_PENDING;
  }
  waiter_unlink(&ch->senders, &f->w);
  f->ac_state = AC_STATE_DONE;
  return AC_READY;
}

void ac_chan_send__drop(struct ac_chan_send__frame *f) {
  if (f->ac_state == OP_WAITING) {
    struct ac_chan *ch = f->ch;
    waiter_unlink(&ch->senders, &f->w);
    if (f->w.woken && ch->len < ch->capacity)
      waitq_wake_one(&ch->senders); /* pass the wake on */
  }
  f->ac_state = AC_STATE_DONE;
}

/* ------------------------------------------------------------ ac_chan_recv */

void ac_chan_recv__init(struct ac_chan_recv__frame *f, struct ac_chan *ch, void *out) {
  f->ac_state = OP_UNSTARTED;
  f->ch = ch;
  f->out = out;
  waiter_reset(&f->w);
}

ac_poll ac_chan_recv__poll(struct ac_chan_recv__frame *f, struct ac_cx *cx) {
  struct ac_chan *ch = f->ch;
  if (f->ac_state == AC_STATE_DONE)
    return AC_READY;
  if (ch->len > 0) {
    memcpy(f->out, ch->buf + ch->head * ch->item_size, ch->item_size);
    ch->head = (ch->head + 1) % ch->capacity;
    ch->len--;
    f->ac_result = 0;
    waitq_wake_one(&ch->senders);
    if (ch->len > 0)
      waitq_wake_one(&ch->receivers);
  } else if (ch->closed) {
    f->ac_result = -EPIPE;
  } else {
    waiter_enqueue(&ch->receivers, &f->w, ac_cx_task(cx));
    f->ac_state = OP_WAITING;
    return AC_PENDING;
  }
  waiter_unlink(&ch->receivers, &f->w);
  f->ac_state = AC_STATE_DONE;
  return AC_READY;
}

void ac_chan_recv__drop(struct ac_chan_recv__frame *f) {
  if (f->ac_state == OP_WAITING) {
    struct ac_chan *ch = f->ch;
    waiter_unlink(&ch->receivers, &f->w);
    if (f->w.woken && ch->len > 0)
      waitq_wake_one(&ch->receivers); /* pass the wake on */
  }
  f->ac_state = AC_STATE_DONE;
}
