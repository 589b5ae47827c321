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

static void notify_one_locked(struct ac_notify *n, struct ac__wake_list *wl) {
  if (!ac__waitq_take_first(&n->q, BY_ONE, wl))
    n->permit = true;
}

void ac_notify_one(struct ac_notify *n) {
  struct ac__wake_list wl = {0};
  ac__spin_lock(&n->lock);
  notify_one_locked(n, &wl);
  ac__spin_unlock(&n->lock);
  ac__wake_list(&wl);
}

void ac_notify_all(struct ac_notify *n) {
  struct ac__wake_list wl = {0};
  ac__spin_lock(&n->lock);
  ac__waitq_take_all(&n->q, BY_ALL, &wl);
  ac__spin_unlock(&n->lock);
  ac__wake_list(&wl);
}

void ac_notified__init(struct ac_notified__frame *f, struct ac_notify *n) {
  f->ac_state = OP_UNSTARTED;
  f->n = n;
  ac__waiter_init(&f->w);
}

ac_poll ac_notified__poll(struct ac_notified__frame *f, struct ac_cx *cx) {
  if (f->ac_state == AC_STATE_DONE)
    return AC_READY;
  if (f->ac_state == OP_WAITING) {
    if (ac__waiter_settle(&f->w) == AC__W_QUEUED)
      return AC_PENDING;
    f->ac_state = AC_STATE_DONE;
    return AC_READY;
  }
  if (!ac__coop_proceed(cx)) {
    ac__task_wake(cx->task);
    return AC_PENDING;
  }
  struct ac_notify *n = f->n;
  ac__spin_lock(&n->lock);
  if (n->permit) {
    n->permit = false;
    ac__spin_unlock(&n->lock);
    f->ac_state = AC_STATE_DONE;
    return AC_READY;
  }
  ac__waitq_push(&n->q, &f->w, cx->task);
  ac__spin_unlock(&n->lock);
  f->ac_state = OP_WAITING;
  return AC_PENDING;
}

void ac_notified__drop(struct ac_notified__frame *f) {
  if (f->ac_state == OP_WAITING) {
    struct ac_notify *n = f->n;
    struct ac__wake_list wl = {0};
    if (!ac__waitq_leave(&n->lock, &n->q, &f->w) && f->w.result == BY_ONE) {
      ac__spin_lock(&n->lock);
      notify_one_locked(n, &wl); /* pass the notify_one on */
      ac__spin_unlock(&n->lock);
      ac__wake_list(&wl);
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
