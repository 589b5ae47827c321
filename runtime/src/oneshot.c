/* Oneshot channels (asyncc/chan.h): one value, sent once, received once.
 *
 * A slot, a state and a queue of receivers under a spinlock.  send and
 * close never wait; both wake every queued receiver, which then find the
 * value (0) or the closed state (-EPIPE).  Once the value has been taken
 * the oneshot is spent: later sends and receives get -EPIPE. */
#include "sync_internal.h"
#include "waitq.h"

#include <asyncc/chan.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

enum slot_state { EMPTY, FULL, TAKEN, CLOSED };

struct ac_oneshot {
  ac__spinlock lock;
  enum slot_state state;
  size_t item_size;
  struct ac_waitq receivers;
  max_align_t value[]; /* item_size bytes */
};

struct ac_oneshot *ac_oneshot_new(size_t item_size) {
  if (item_size == 0 || item_size > SIZE_MAX - sizeof(struct ac_oneshot))
    return NULL;
  struct ac_oneshot *o = malloc(sizeof *o + item_size);
  if (!o)
    return NULL;
  atomic_init(&o->lock, 0);
  o->state = EMPTY;
  o->item_size = item_size;
  ac__waitq_init(&o->receivers);
  return o;
}

void ac_oneshot_free(struct ac_oneshot *o) { free(o); }

/* Moves from EMPTY to 'to' (storing 'item' if given) and wakes the
 * receivers: 0, or -EPIPE if no longer EMPTY. */
static int settle_slot(struct ac_oneshot *o, enum slot_state to, const void *item) {
  struct ac__wake_list wl = {0};
  int r = -EPIPE;
  ac__spin_lock(&o->lock);
  if (o->state == EMPTY) {
    if (item)
      memcpy(o->value, item, o->item_size);
    o->state = to;
    ac__waitq_take_all(&o->receivers, 0, &wl);
    r = 0;
  }
  ac__spin_unlock(&o->lock);
  ac__wake_list(&wl);
  return r;
}

int ac_oneshot_send(struct ac_oneshot *o, const void *item) {
  return settle_slot(o, FULL, item);
}

void ac_oneshot_close(struct ac_oneshot *o) { settle_slot(o, CLOSED, NULL); }


void ac_oneshot_recv__init(struct ac_oneshot_recv__frame *f, struct ac_oneshot *o, void *out) {
  f->ac_state = OP_UNSTARTED;
  f->o = o;
  f->out = out;
  ac__waiter_init(&f->w);
}

ac_poll ac_oneshot_recv__poll(struct ac_oneshot_recv__frame *f, struct ac_cx *cx) {
  struct ac_oneshot *o = f->o;
  if (f->ac_state == AC_STATE_DONE)
    return AC_READY;
  if (f->ac_state == OP_WAITING) {
    if (ac__waiter_settle(&f->w) == AC__W_QUEUED)
      return AC_PENDING;
  } else if (!ac__coop_proceed(cx)) {
    ac__task_wake(cx->task);
    return AC_PENDING;
  }
  ac__spin_lock(&o->lock);
  if (o->state == EMPTY) {
    ac__waitq_push(&o->receivers, &f->w, cx->task);
    ac__spin_unlock(&o->lock);
    f->ac_state = OP_WAITING;
    return AC_PENDING;
  }
  if (o->state == FULL) {
    memcpy(f->out, o->value, o->item_size);
    o->state = TAKEN;
    f->ac_result = 0;
  } else {
    f->ac_result = -EPIPE;
  }
  ac__spin_unlock(&o->lock);
  f->ac_state = AC_STATE_DONE;
  return AC_READY;
}

void ac_oneshot_recv__drop(struct ac_oneshot_recv__frame *f) {
  if (f->ac_state == OP_WAITING) {
    /* If woken: every receiver was woken and the value stays in the slot,
     * so there is nothing to pass on. */
    ac__waitq_leave(&f->o->lock, &f->o->receivers, &f->w);
  }
  f->ac_state = AC_STATE_DONE;
}

size_t ac__oneshot_waiting(struct ac_oneshot *o) {
  ac__spin_lock(&o->lock);
  size_t n = ac__waitq_count(&o->receivers);
  ac__spin_unlock(&o->lock);
  return n;
}

void ac_oneshot_recv__trace(const void *frame, struct ac_trace *t) {
  const struct ac_oneshot_recv__frame *f = frame;
  ac__waiter_trace(&f->o->lock, &f->w, f->ac_state, "recv on oneshot", (void *)f->o, t);
}
