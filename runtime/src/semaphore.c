/* FIFO-fair async semaphore, and the mutex and read-write lock built on it
 * (asyncc/sync.h).
 *
 * Permits are granted, never grabbed: release() (and a dropped waiter)
 * hands free permits to the waiters at the head of the queue while the
 * head's request fits, and a granted waiter completes on its next poll
 * without touching the semaphore again.  A newcomer takes permits at once
 * only if nobody is queued, so the order is strictly FIFO.  That gives:
 *   mutex   = 1 permit: unlock passes the lock straight to the first waiter;
 *   rwlock  = AC_RWLOCK_MAX_READERS permits, a reader takes 1, a writer all:
 *             a queued writer holds back every later reader, and readers
 *             queued together are granted together.
 * A waiter dropped after its grant returns the permits (which may go to the
 * next waiter), so a cancelled lock never loses a hand-off. */
#include "leaf_trace.h"
#include "sync_internal.h"
#include "waitq.h"

#include <asyncc/sync.h>
#include <errno.h>


void ac_sem_init(struct ac_sem *s, size_t permits) {
  atomic_init(&s->lock, 0);
  s->permits = permits;
  s->taker = NULL;
  ac__waitq_init(&s->q);
}

void ac_sem_destroy(struct ac_sem *s) { (void)s; }

/* Grants permits to the head of the queue while its request fits (lock held). */
static void grant(struct ac_sem *s, struct ac__wake_list *wl) {
  struct ac_waiter *w;
  while ((w = s->q.head)) {
    size_t n = ac__container_of(w, struct ac__acquire, w)->n;
    if (s->permits < n)
      break;
    s->permits -= n;
    s->taker = w->task;
    ac__waitq_take(&s->q, w, 0, wl);
  }
}

static bool try_locked(struct ac_sem *s, size_t n, struct ac_task *taker) {
  if (!ac__waitq_empty(&s->q) || s->permits < n)
    return false;
  s->permits -= n;
  s->taker = taker;
  return true;
}

int ac_sem_try_acquire(struct ac_sem *s, size_t n) {
  ac__spin_lock(&s->lock);
  bool ok = try_locked(s, n, NULL);
  ac__spin_unlock(&s->lock);
  return ok ? 0 : -EAGAIN;
}

void ac_sem_release(struct ac_sem *s, size_t n) {
  struct ac__wake_list wl = {0};
  ac__spin_lock(&s->lock);
  s->permits += n;
  grant(s, &wl);
  ac__spin_unlock(&s->lock);
  ac__wake_list(&wl);
}

size_t ac_sem_available(struct ac_sem *s) {
  ac__spin_lock(&s->lock);
  size_t n = s->permits;
  ac__spin_unlock(&s->lock);
  return n;
}

/* ------------------------------------------------- the acquiring frames */

static void acquire_init(unsigned *state, struct ac__acquire *a, struct ac_sem *s, size_t n) {
  *state = OP_UNSTARTED;
  a->sem = s;
  a->n = n;
  ac__waiter_init(&a->w);
}

static ac_poll acquire_poll(unsigned *state, struct ac__acquire *a, struct ac_cx *cx) {
  if (*state == AC_STATE_DONE)
    return AC_READY;
  if (*state == OP_WAITING) {
    if (ac__waiter_settle(&a->w) == AC__W_QUEUED)
      return AC_PENDING;
    *state = AC_STATE_DONE; /* granted */
    return AC_READY;
  }
  if (!ac__coop_proceed(cx)) {
    ac__task_wake(cx->task);
    return AC_PENDING;
  }
  struct ac_sem *s = a->sem;
  ac__spin_lock(&s->lock);
  if (try_locked(s, a->n, cx->task)) {
    ac__spin_unlock(&s->lock);
    *state = AC_STATE_DONE;
    return AC_READY;
  }
  ac__waitq_push(&s->q, &a->w, cx->task);
  ac__spin_unlock(&s->lock);
  *state = OP_WAITING;
  return AC_PENDING;
}

static void acquire_drop(unsigned *state, struct ac__acquire *a) {
  if (*state == OP_WAITING) {
    struct ac_sem *s = a->sem;
    struct ac__wake_list wl = {0};
    ac__spin_lock(&s->lock);
    if (ac__waiter_queued(&a->w)) {
      /* Leaving may let a smaller request behind us through. */
      ac__waitq_remove(&s->q, &a->w);
      grant(s, &wl);
      ac__spin_unlock(&s->lock);
    } else {
      ac__spin_unlock(&s->lock);
      ac__waiter_settle(&a->w);
      /* Granted but never seen: give the permits back (and on). */
      ac__spin_lock(&s->lock);
      s->permits += a->n;
      grant(s, &wl);
      ac__spin_unlock(&s->lock);
    }
    ac__wake_list(&wl);
  }
  *state = AC_STATE_DONE;
}

#define ACQUIRE_LEAF(name, obj_t, sem_expr, n_expr)                                  \
  void name##__init(struct name##__frame *f, obj_t *o) {                             \
    acquire_init(&f->ac_state, &f->a, sem_expr, n_expr);                             \
  }                                                                                  \
  ac_poll name##__poll(struct name##__frame *f, struct ac_cx *cx) {                  \
    return acquire_poll(&f->ac_state, &f->a, cx);                                    \
  }                                                                                  \
  void name##__drop(struct name##__frame *f) { acquire_drop(&f->ac_state, &f->a); }

void ac_sem_acquire__init(struct ac_sem_acquire__frame *f, struct ac_sem *s, size_t n) {
  acquire_init(&f->ac_state, &f->a, s, n);
}
ac_poll ac_sem_acquire__poll(struct ac_sem_acquire__frame *f, struct ac_cx *cx) {
  return acquire_poll(&f->ac_state, &f->a, cx);
}
void ac_sem_acquire__drop(struct ac_sem_acquire__frame *f) { acquire_drop(&f->ac_state, &f->a); }

/* ----------------------------------------------------------------- mutex */

void ac_mutex_init(struct ac_mutex *m) { ac_sem_init(&m->sem, 1); }
void ac_mutex_destroy(struct ac_mutex *m) { ac_sem_destroy(&m->sem); }
int ac_mutex_try_lock(struct ac_mutex *m) { return ac_sem_try_acquire(&m->sem, 1) ? -EBUSY : 0; }
void ac_mutex_unlock(struct ac_mutex *m) { ac_sem_release(&m->sem, 1); }
ACQUIRE_LEAF(ac_mutex_lock, struct ac_mutex, &o->sem, 1)

/* ------------------------------------------------------- read-write lock */

void ac_rwlock_init(struct ac_rwlock *rw) { ac_sem_init(&rw->sem, AC_RWLOCK_MAX_READERS); }
void ac_rwlock_destroy(struct ac_rwlock *rw) { ac_sem_destroy(&rw->sem); }
int ac_rwlock_try_read_lock(struct ac_rwlock *rw) {
  return ac_sem_try_acquire(&rw->sem, 1) ? -EBUSY : 0;
}
int ac_rwlock_try_write_lock(struct ac_rwlock *rw) {
  return ac_sem_try_acquire(&rw->sem, AC_RWLOCK_MAX_READERS) ? -EBUSY : 0;
}
void ac_rwlock_read_unlock(struct ac_rwlock *rw) { ac_sem_release(&rw->sem, 1); }
void ac_rwlock_write_unlock(struct ac_rwlock *rw) {
  ac_sem_release(&rw->sem, AC_RWLOCK_MAX_READERS);
}
ACQUIRE_LEAF(ac_rwlock_read_lock, struct ac_rwlock, &o->sem, 1)
ACQUIRE_LEAF(ac_rwlock_write_lock, struct ac_rwlock, &o->sem, AC_RWLOCK_MAX_READERS)

size_t ac__sem_waiters(struct ac_sem *s) {
  ac__spin_lock(&s->lock);
  size_t n = ac__waitq_count(&s->q);
  ac__spin_unlock(&s->lock);
  return n;
}

/* ------------------------------------------------------------ task dump */

static void acquire_trace(unsigned state, const struct ac__acquire *a, const char *what,
                          const void *obj, struct ac_trace *t) {
  ac__waiter_trace(&a->sem->lock, &a->w, state, what, obj, t);
}

void ac_sem_acquire__trace(const void *frame, struct ac_trace *t) {
  const struct ac_sem_acquire__frame *f = frame;
  acquire_trace(f->ac_state, &f->a, "semaphore", (void *)f->a.sem, t);
}

void ac_mutex_lock__trace(const void *frame, struct ac_trace *t) {
  const struct ac_mutex_lock__frame *f = frame;
  acquire_trace(f->ac_state, &f->a, "lock of mutex", (void *)f->a.sem, t);
  if (f->ac_state != OP_WAITING)
    return;
  /* who holds it: the last taker, while no permit is free */
  struct ac_sem *s = f->a.sem;
  ac__spin_lock(&s->lock);
  struct ac_task *holder = s->permits == 0 ? s->taker : NULL;
  bool locked = s->permits == 0;
  const char *name = holder ? ac__task_name(holder) : NULL;
  ac__spin_unlock(&s->lock);
  if (holder)
    ac_trace_wait(t, "held by task %p %s", (void *)holder, name);
  else if (locked)
    ac_trace_wait(t, "held by a thread (ac_mutex_try_lock outside a task)");
}

void ac_rwlock_read_lock__trace(const void *frame, struct ac_trace *t) {
  const struct ac_rwlock_read_lock__frame *f = frame;
  acquire_trace(f->ac_state, &f->a, "read lock of rwlock", (void *)f->a.sem, t);
}

void ac_rwlock_write_lock__trace(const void *frame, struct ac_trace *t) {
  const struct ac_rwlock_write_lock__frame *f = frame;
  acquire_trace(f->ac_state, &f->a, "write lock of rwlock", (void *)f->a.sem, t);
}
