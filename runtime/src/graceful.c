/* Graceful shutdown (asyncc/graceful.h).  The stop is a semaphore that has
 * no permit until ac_graceful_stop releases more than anyone will take, so
 * a waiter is queued FIFO and woken like any acquirer (no lost wake-up);
 * each waiter puts its permit back.  The last leave notifies 'idle', whose
 * stored permit covers a waiter that checked the count just before. */
#include <asyncc/graceful.h>

#include <errno.h>
#include <stdatomic.h>

#define PLENTY ((size_t)1 << 40)

void ac_graceful_init(struct ac_graceful *g) {
  ac_sem_init(&g->stop, 0);
  atomic_init(&g->active, 0);
  atomic_init(&g->stopped, 0);
  ac_notify_init(&g->idle);
}

void ac_graceful_destroy(struct ac_graceful *g) {
  ac_sem_destroy(&g->stop);
  ac_notify_destroy(&g->idle);
}

void ac_graceful_stop(struct ac_graceful *g) {
  if (!atomic_exchange(&g->stopped, 1))
    ac_sem_release(&g->stop, PLENTY);
}

int ac_graceful_stopped(struct ac_graceful *g) { return atomic_load(&g->stopped); }

void ac_graceful_enter(struct ac_graceful *g) { atomic_fetch_add(&g->active, 1); }

void ac_graceful_leave(struct ac_graceful *g) {
  if (atomic_fetch_sub(&g->active, 1) == 1)
    ac_notify_one(&g->idle);
}

size_t ac_graceful_active(struct ac_graceful *g) { return atomic_load(&g->active); }

void ac_graceful_stopping__init(struct ac_graceful_stopping__frame *f, struct ac_graceful *g) {
  f->ac_state = 0;
  f->g = g;
}

ac_poll ac_graceful_stopping__poll(struct ac_graceful_stopping__frame *f, struct ac_cx *cx) {
  if (f->ac_state == 0) {
    ac_sem_acquire__init(&f->acquire, &f->g->stop, 1);
    f->ac_state = 1;
  }
  if (ac_sem_acquire__poll(&f->acquire, cx) == AC_PENDING)
    return AC_PENDING;
  ac_sem_release(&f->g->stop, 1);
  f->ac_state = AC_STATE_DONE;
  return AC_READY;
}

void ac_graceful_stopping__drop(struct ac_graceful_stopping__frame *f) {
  if (f->ac_state == 1)
    ac_sem_acquire__drop(&f->acquire);
  f->ac_state = AC_STATE_DONE;
}

void ac_graceful_idle__init(struct ac_graceful_idle__frame *f, struct ac_graceful *g) {
  f->ac_state = 0;
  f->g = g;
}

ac_poll ac_graceful_idle__poll(struct ac_graceful_idle__frame *f, struct ac_cx *cx) {
  for (;;) {
    if (f->ac_state == 0) {
      if (atomic_load(&f->g->active) == 0)
        break;
      ac_notified__init(&f->notified, &f->g->idle);
      f->ac_state = 1;
    }
    if (ac_notified__poll(&f->notified, cx) == AC_PENDING)
      return AC_PENDING;
    f->ac_state = 0; /* a leave made the count 0 once: look again */
  }
  f->ac_state = AC_STATE_DONE;
  return AC_READY;
}

void ac_graceful_idle__drop(struct ac_graceful_idle__frame *f) {
  if (f->ac_state == 1)
    ac_notified__drop(&f->notified);
  f->ac_state = AC_STATE_DONE;
}

/* ac_select(ac_tcp_accept, ac_graceful_stopping) by hand, the stop first:
 * a connection accepted after the stop would have no loop to serve it. */
void ac_graceful_accept__init(struct ac_graceful_accept__frame *f, struct ac_graceful *g,
                              int lfd) {
  f->ac_state = 0;
  f->g = g;
  f->lfd = lfd;
  f->ac_result = 0;
}

ac_poll ac_graceful_accept__poll(struct ac_graceful_accept__frame *f, struct ac_cx *cx) {
  if (f->ac_state == 0) {
    if (ac_graceful_stopped(f->g)) {
      f->ac_result = -ESHUTDOWN;
      goto done;
    }
    ac_graceful_stopping__init(&f->stopping, f->g);
    ac_tcp_accept__init(&f->accept, f->lfd);
    f->ac_state = 1;
  }
  if (ac_graceful_stopping__poll(&f->stopping, cx) == AC_READY) {
    ac_tcp_accept__drop(&f->accept);
    f->ac_result = -ESHUTDOWN;
    goto done;
  }
  if (ac_tcp_accept__poll(&f->accept, cx) == AC_PENDING)
    return AC_PENDING;
  ac_graceful_stopping__drop(&f->stopping);
  f->ac_result = f->accept.ac_result;
  if (f->ac_result >= 0)
    ac_graceful_enter(f->g);
done:
  f->ac_state = AC_STATE_DONE;
  return AC_READY;
}

void ac_graceful_accept__drop(struct ac_graceful_accept__frame *f) {
  if (f->ac_state == 1) {
    ac_graceful_stopping__drop(&f->stopping);
    ac_tcp_accept__drop(&f->accept);
  }
  f->ac_state = AC_STATE_DONE;
}
