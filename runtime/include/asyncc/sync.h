/* asyncc runtime: async synchronisation primitives, safe across threads
 * (tasks of any runtime, and plain threads for the non-waiting calls).
 * See docs/runtime.md "Sync primitives".
 *
 * Each object is caller-allocated: init before use, destroy when nobody
 * uses it any more (no task waiting, no call racing it).  Waiting is an
 * intrusive node in the awaiting frame; dropping a pending operation
 * removes it, and one that had already been granted what it waited for
 * (a permit, the lock, a notification) passes it on, so nothing is leaked
 * and no wake-up is lost.
 *
 * Semaphore: FIFO-fair; an acquire of n waits until n permits are free AND
 * every earlier waiter has been served (a large request is not starved by
 * small ones).
 *   void ac_sem_init(struct ac_sem *s, size_t permits);  ac_sem_destroy(s)
 *   async void ac_sem_acquire(struct ac_sem *s, size_t n);
 *   int  ac_sem_try_acquire(struct ac_sem *s, size_t n);   0 or -EAGAIN
 *   void ac_sem_release(struct ac_sem *s, size_t n);
 *   size_t ac_sem_available(struct ac_sem *s);
 *
 * Mutex: a semaphore of one permit.  Unlock hands the lock to the first
 * waiter (FIFO), so it may be held across awaits without starving anyone.
 *   ac_mutex_init(m); ac_mutex_destroy(m);
 *   async void ac_mutex_lock(struct ac_mutex *m);
 *   int  ac_mutex_try_lock(struct ac_mutex *m);   0 or -EBUSY
 *   void ac_mutex_unlock(struct ac_mutex *m);     by the holder, any thread
 *
 * Read-write lock: many readers or one writer, granted in FIFO order, so a
 * waiting writer holds back readers that come after it (writers never
 * starve), and readers queued together behind a writer enter together.
 *   ac_rwlock_init(rw); ac_rwlock_destroy(rw);
 *   async void ac_rwlock_read_lock(rw);    void ac_rwlock_read_unlock(rw);
 *   async void ac_rwlock_write_lock(rw);   void ac_rwlock_write_unlock(rw);
 *   int ac_rwlock_try_read_lock(rw), ac_rwlock_try_write_lock(rw);  0 / -EBUSY
 *
 * Notify (tokio's Notify): a wake-up with no data.
 *   ac_notify_init(n); ac_notify_destroy(n);
 *   void ac_notify_one(struct ac_notify *n);  wakes the first waiter, or,
 *       if none waits, stores ONE permit that the next ac_notified takes
 *   void ac_notify_all(struct ac_notify *n);  wakes every waiter now
 *       queued; stores no permit
 *   async void ac_notified(struct ac_notify *n);
 */
#ifndef ASYNCC_SYNC_H
#define ASYNCC_SYNC_H

#include <asyncc/asyncc.h>
#include <asyncc/waiter.h>
#include <stddef.h>

/* ------------------------------------------------------------- semaphore */
struct ac_sem {
  _Atomic unsigned char lock;
  size_t permits;       /* free permits */
  struct ac_waitq q;    /* acquirers, FIFO */
  struct ac_task *taker; /* the last task to take permits (NULL: not a task):
                            a mutex's holder while it is locked (task dump) */
};

void ac_sem_init(struct ac_sem *s, size_t permits);
void ac_sem_destroy(struct ac_sem *s);
int ac_sem_try_acquire(struct ac_sem *s, size_t n);
void ac_sem_release(struct ac_sem *s, size_t n);
size_t ac_sem_available(struct ac_sem *s);

/* What every acquiring frame holds (private). */
struct ac__acquire {
  struct ac_sem *sem;
  size_t n;
  struct ac_waiter w;
};

struct ac_sem_acquire__frame {
  unsigned ac_state;
  struct ac__acquire a;
};
void ac_sem_acquire__init(struct ac_sem_acquire__frame *f, struct ac_sem *s, size_t n);
ac_poll ac_sem_acquire__poll(struct ac_sem_acquire__frame *f, struct ac_cx *cx);
void ac_sem_acquire__drop(struct ac_sem_acquire__frame *f);

/* ----------------------------------------------------------------- mutex */
struct ac_mutex {
  struct ac_sem sem;
};

void ac_mutex_init(struct ac_mutex *m);
void ac_mutex_destroy(struct ac_mutex *m);
int ac_mutex_try_lock(struct ac_mutex *m);
void ac_mutex_unlock(struct ac_mutex *m);

struct ac_mutex_lock__frame {
  unsigned ac_state;
  struct ac__acquire a;
};
void ac_mutex_lock__init(struct ac_mutex_lock__frame *f, struct ac_mutex *m);
ac_poll ac_mutex_lock__poll(struct ac_mutex_lock__frame *f, struct ac_cx *cx);
void ac_mutex_lock__drop(struct ac_mutex_lock__frame *f);

/* ------------------------------------------------------- read-write lock */
/* A writer takes every permit of this semaphore, a reader one. */
#define AC_RWLOCK_MAX_READERS ((size_t)1 << 30)

struct ac_rwlock {
  struct ac_sem sem;
};

void ac_rwlock_init(struct ac_rwlock *rw);
void ac_rwlock_destroy(struct ac_rwlock *rw);
int ac_rwlock_try_read_lock(struct ac_rwlock *rw);
int ac_rwlock_try_write_lock(struct ac_rwlock *rw);
void ac_rwlock_read_unlock(struct ac_rwlock *rw);
void ac_rwlock_write_unlock(struct ac_rwlock *rw);

struct ac_rwlock_read_lock__frame {
  unsigned ac_state;
  struct ac__acquire a;
};
void ac_rwlock_read_lock__init(struct ac_rwlock_read_lock__frame *f, struct ac_rwlock *rw);
ac_poll ac_rwlock_read_lock__poll(struct ac_rwlock_read_lock__frame *f, struct ac_cx *cx);
void ac_rwlock_read_lock__drop(struct ac_rwlock_read_lock__frame *f);

struct ac_rwlock_write_lock__frame {
  unsigned ac_state;
  struct ac__acquire a;
};
void ac_rwlock_write_lock__init(struct ac_rwlock_write_lock__frame *f, struct ac_rwlock *rw);
ac_poll ac_rwlock_write_lock__poll(struct ac_rwlock_write_lock__frame *f, struct ac_cx *cx);
void ac_rwlock_write_lock__drop(struct ac_rwlock_write_lock__frame *f);

/* ---------------------------------------------------------------- notify */
struct ac_notify {
  _Atomic unsigned char lock;
  _Bool permit;      /* a notify_one that found nobody waiting */
  struct ac_waitq q; /* ac_notified frames, FIFO */
};

void ac_notify_init(struct ac_notify *n);
void ac_notify_destroy(struct ac_notify *n);
void ac_notify_one(struct ac_notify *n);
void ac_notify_all(struct ac_notify *n);

struct ac_notified__frame {
  unsigned ac_state;
  struct ac_notify *n;
  struct ac_waiter w; /* set up when it is first queued */
};
void ac_notified__init(struct ac_notified__frame *f, struct ac_notify *n);
ac_poll ac_notified__poll(struct ac_notified__frame *f, struct ac_cx *cx);
void ac_notified__drop(struct ac_notified__frame *f);

/* Private inline fast paths (as chan.h's): init, and the completion of a
 * woken ac_notified, which needs no lock; notify.c holds the out-of-line
 * copies and the rest of the poll (ac__notified_poll). */
ac_poll ac__notified_poll(struct ac_notified__frame *f, struct ac_cx *cx);

AC__INLINE void ac_notified__init(struct ac_notified__frame *f, struct ac_notify *n) {
  f->ac_state = AC__OP_UNSTARTED;
  f->n = n;
}

AC__INLINE ac_poll ac_notified__poll(struct ac_notified__frame *f, struct ac_cx *cx) {
  if (f->ac_state == AC__OP_WAITING &&
      AC__LOAD_ACQUIRE(&f->w.state) == AC__W_WOKEN) {
    f->ac_state = AC_STATE_DONE;
    return AC_READY;
  }
  return ac__notified_poll(f, cx);
}

#ifdef ASYNCC_DIALECT
async void ac_sem_acquire(struct ac_sem *s, size_t n);
async void ac_mutex_lock(struct ac_mutex *m);
async void ac_rwlock_read_lock(struct ac_rwlock *rw);
async void ac_rwlock_write_lock(struct ac_rwlock *rw);
async void ac_notified(struct ac_notify *n);
#endif

#endif
