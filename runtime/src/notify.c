/* Notify: a payload-less wake-up with tokio's permit semantics
 * (asyncc/sync.h).
 *
 * notify_one wakes the first queued ac_notified, or stores one permit (at
 * most one) that the next ac_notified consumes at once.  notify_all wakes
 * every ac_notified queued at that moment and stores nothing.  An
 * ac_notified woken by notify_one and dropped before it saw the wake passes
 * it on (to the next waiter, or back to the permit), so dropping never
 * swallows a notify_one. */
#include "sync_internal.h"
#include "waitq.h"

#include <asyncc/sync.h>

enum { BY_ONE = 1, BY_ALL = 2 }; /* waiter result: who woke it */

void ac_notify_init(struct ac_notify *n) {
  atomic_init(&n->lock, 0);
  n->permit = false;
  ac__waitq_init(&n->q);
}

void ac_notify_destroy(struct ac_notify *n) { (void)n; }

/* The first waiter, detached (to be woken after unlocking), or NULL
 * after storing the permit. */
static struct ac_waiter *notify_one_locked(struct ac_notify *n) {
  struct ac_waiter *w = n->q.head;
  if (w)
    ac__waitq_detach(&n->q, w, BY_ONE);
  else
    n->permit = true;
  return w;
}

void ac_notify_one(struct ac_notify *n) {
  ac__spin_lock(&n->lock);
  struct ac_waiter *w = notify_one_locked(n);
  ac__spin_unlock(&n->lock);
  if (w)
    ac__waiter_wake(w);
}

void ac_notify_all(struct ac_notify *n) {
  struct ac__wake_list wl = {0};
  ac__spin_lock(&n->lock);
  ac__waitq_take_all(&n->q, BY_ALL, &wl);
  ac__spin_unlock(&n->lock);
  ac__wake_list(&wl);
}

/* init and the woken completion are inline in sync.h; these are the
 * out-of-line copies, and the rest of the poll. */
void ac_notified__init(struct ac_notified__frame *f, struct ac_notify *n) {
  f->ac_state = OP_UNSTARTED;
  f->n = n;
}

ac_poll ac_notified__poll(struct ac_notified__frame *f, struct ac_cx *cx) {
  return ac__notified_poll(f, cx);
}

ac_poll ac__notified_poll(struct ac_notified__frame *f, struct ac_cx *cx) {
  if (f->ac_state == AC_STATE_DONE)
    return AC_READY;
  if (f->ac_state == OP_WAITING) {
    if (ac__waiter_settle(&f->w) == AC__W_QUEUED)
      return AC_PENDING;
    f->ac_state = AC_STATE_DONE;
    return AC_READY;
  }
  struct ac_notify *n = f->n;
  ac__spin_lock(&n->lock);
  if (n->permit) {
    /* Completing at once spends budget; waiting does not. */
    if (!ac__coop_proceed(cx)) {
      ac__spin_unlock(&n->lock);
      ac__task_wake(cx->task);
      return AC_PENDING;
    }
    n->permit = false;
    ac__spin_unlock(&n->lock);
    f->ac_state = AC_STATE_DONE;
    return AC_READY;
  }
  ac__waitq_push_new(&n->q, &f->w, cx->task);
  ac__spin_unlock(&n->lock);
  f->ac_state = OP_WAITING;
  return AC_PENDING;
}

void ac_notified__drop(struct ac_notified__frame *f) {
  if (f->ac_state == OP_WAITING) {
    struct ac_notify *n = f->n;
    if (!ac__waitq_leave(&n->lock, &n->q, &f->w) && f->w.result == BY_ONE) {
      ac__spin_lock(&n->lock);
      struct ac_waiter *w = notify_one_locked(n); /* pass the notify_one on */
      ac__spin_unlock(&n->lock);
      if (w)
        ac__waiter_wake(w);
    }
  }
  f->ac_state = AC_STATE_DONE;
}

/* Queued ac_notified frames and the stored permit (tests). */
size_t ac__notify_waiters(struct ac_notify *n) {
  ac__spin_lock(&n->lock);
  size_t k = ac__waitq_count(&n->q);
  ac__spin_unlock(&n->lock);
  return k;
}

void ac_notified__trace(const void *frame, struct ac_trace *t) {
  const struct ac_notified__frame *f = frame;
  ac__waiter_trace(&f->n->lock, &f->w, f->ac_state, "notify", (void *)f->n, t);
}
