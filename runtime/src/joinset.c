/* Join sets (asyncc/joinset.h).
 *
 * Each member is a small node whose completion hook (task.h) the set
 * registers as its task's joiner, so when the task completes the completer
 * calls member_done, which appends the node to the set's ready FIFO and
 * wakes the task waiting in ac_join_set_next.  The
 * ready FIFO and the waiter are under the set's mutex because completers
 * may run on other threads; everything else belongs to the owner.
 *
 * Freeing races with completers on other threads, so the set is reference
 * counted: the owner holds one reference, and each member holds one from
 * its registration until it has been told (member_done) or unregistered
 * (ac__task_clear_joiner succeeded).  ac_join_set_free first marks the
 * set closed under the lock, so no completer links a node into the ready
 * FIFO (whose nodes free is about to release) any more; then, member by
 * member, it either unregisters it, or finds it told (ready: the owner
 * disposes of it), or marks it orphaned, and its completer, which decides
 * under the same lock, disposes of node and handle.  So free never waits,
 * exactly one side frees each node, and the last reference frees the set.
 *
 * Cost: one malloc of 56 bytes per member (the task header has no room for
 * the set's links); the task itself is unchanged. */
#include <asyncc/joinset.h>

#include "leaf_trace.h"
#include "task.h"

#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdlib.h>

struct member {
  struct ac__task_hook hook; /* member_done */
  struct ac_task *task;
  struct ac_join_set *set;
  struct member *prev, *next; /* owner: members not yet returned */
  struct member *ready_next;  /* under lock: the ready FIFO */
  bool ready;                 /* under lock: told (in the ready FIFO unless closed) */
  bool orphan;                /* under lock: freed set gave it up, the completer frees it */
};

struct ac_join_set {
  pthread_mutex_t lock;
  struct member *ready_head, *ready_tail; /* under lock */
  struct ac_task *waiter;                 /* under lock: a pending next's task */
  bool closed;                            /* under lock: ac_join_set_free began */
  _Atomic size_t refs;                    /* the owner + members not yet told */
  struct member *members;                 /* owner */
  size_t len;                             /* owner */
};

struct ac_join_set *ac_join_set_new(void) {
  struct ac_join_set *s = calloc(1, sizeof *s);
  if (s && pthread_mutex_init(&s->lock, NULL)) {
    free(s);
    return NULL;
  }
  if (s)
    atomic_init(&s->refs, 1);
  return s;
}

static void set_unref(struct ac_join_set *s) {
  if (atomic_fetch_sub_explicit(&s->refs, 1, memory_order_acq_rel) == 1) {
    pthread_mutex_destroy(&s->lock);
    free(s);
  }
}

size_t ac_join_set_len(const struct ac_join_set *s) { return s->len; }

static void push_ready(struct ac_join_set *s, struct member *m) {
  m->ready_next = NULL;
  m->ready = true;
  if (s->ready_tail)
    s->ready_tail->ready_next = m;
  else
    s->ready_head = m;
  s->ready_tail = m;
}

/* The completion hook of member 'm': its task 't' is DONE (any thread). */
static void member_done(struct ac_task *t, struct ac__task_hook *hook) {
  struct member *m = (struct member *)hook;
  struct ac_join_set *s = m->set;
  bool orphan;
  pthread_mutex_lock(&s->lock);
  orphan = m->orphan;
  if (!s->closed) {
    push_ready(s, m);
    if (s->waiter)
      ac__task_wake(s->waiter); /* under the lock: the waiter cannot leave meanwhile */
  }
  m->ready = true;
  pthread_mutex_unlock(&s->lock);
  if (orphan) { /* the owner has let go of 'm': ours to dispose of */
    ac__task_release_handle(t); /* our caller still holds the live reference */
    free(m);
  }
  set_unref(s);
}

int ac_join_set_add(struct ac_join_set *s, struct ac_task *t) {
  struct member *m = malloc(sizeof *m);
  if (!m)
    return -ENOMEM;
  m->hook.done = member_done;
  m->task = t;
  m->set = s;
  m->prev = NULL;
  m->next = s->members;
  m->ready = m->orphan = false;
  if (m->next)
    m->next->prev = m;
  s->members = m;
  s->len++;
  /* the registration's reference, taken before a completer can drop it */
  atomic_fetch_add_explicit(&s->refs, 1, memory_order_relaxed);
  if (!ac__task_set_hook(t, &m->hook)) {
    pthread_mutex_lock(&s->lock); /* done already: ready at once */
    push_ready(s, m);
    pthread_mutex_unlock(&s->lock);
    atomic_fetch_sub_explicit(&s->refs, 1, memory_order_relaxed); /* never told */
  }
  return 0;
}

static void unlink_member(struct ac_join_set *s, struct member *m) {
  if (m->prev)
    m->prev->next = m->next;
  else
    s->members = m->next;
  if (m->next)
    m->next->prev = m->prev;
  s->len--;
}

void ac_join_set_free(struct ac_join_set *s) {
  struct member *m, *next;
  if (!s)
    return;
  pthread_mutex_lock(&s->lock);
  s->closed = true; /* from now on no completer touches the ready FIFO */
  pthread_mutex_unlock(&s->lock);
  for (m = s->members; m; m = next) {
    bool ours = true;
    next = m->next;
    ac_task_abort(m->task);
    if (ac__task_clear_joiner(m->task)) {
      set_unref(s); /* unregistered: it will never be told */
    } else {
      /* DONE: told already (ours), or being told (its completer's). */
      pthread_mutex_lock(&s->lock);
      ours = m->ready;
      m->orphan = !ours;
      pthread_mutex_unlock(&s->lock);
    }
    if (ours) {
      ac__task_release_handle(m->task);
      free(m);
    }
  }
  set_unref(s);
}

/* ------------------------------------------------------------ ac_join_set_next */

void ac_join_set_next__init(struct ac_join_set_next__frame *f, struct ac_join_set *s,
                            struct ac_task **done) {
  f->ac_state = 0;
  f->set = s;
  f->done = done;
  f->waiter = NULL;
  f->ac_result = 0;
}

ac_poll ac_join_set_next__poll(struct ac_join_set_next__frame *f, struct ac_cx *cx) {
  struct ac_join_set *s = f->set;
  struct member *m;
  if (f->ac_state == AC_STATE_DONE)
    return AC_READY;
  pthread_mutex_lock(&s->lock);
  m = s->ready_head;
  if (m) {
    s->ready_head = m->ready_next;
    if (!s->ready_head)
      s->ready_tail = NULL;
  }
  if (m || !s->len) {
    if (s->waiter == f->waiter)
      s->waiter = NULL;
  } else {
    s->waiter = f->waiter = cx->task;
  }
  pthread_mutex_unlock(&s->lock);
  if (!m && s->len) {
    f->ac_state = 1;
    return AC_PENDING;
  }
  f->waiter = NULL;
  if (m) {
    unlink_member(s, m);
    *f->done = m->task;
    free(m);
    f->ac_result = 0;
  } else {
    f->ac_result = -ENOENT;
  }
  f->ac_state = AC_STATE_DONE;
  return AC_READY;
}

void ac_join_set_next__drop(struct ac_join_set_next__frame *f) {
  if (f->ac_state != AC_STATE_DONE && f->waiter) {
    pthread_mutex_lock(&f->set->lock);
    if (f->set->waiter == f->waiter)
      f->set->waiter = NULL;
    pthread_mutex_unlock(&f->set->lock);
  }
  f->waiter = NULL;
  f->ac_state = AC_STATE_DONE;
}

void ac_join_set_next__trace(const void *frame, struct ac_trace *t) {
  const struct ac_join_set_next__frame *f = frame;
  ac_trace_wait(t, "next completion of join set %p", (void *)f->set);
}
