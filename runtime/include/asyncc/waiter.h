/* asyncc runtime: the wait-queue node shared by channels and sync primitives.
 *
 * A leaf frame that has to wait (a recv on an empty channel, a lock that is
 * held) links a struct ac_waiter, which lives inside the frame, into the
 * primitive's queue.  Frames never move after their first poll, so waiting
 * allocates nothing, and dropping the frame unlinks the node in O(1).
 *
 * The fields are private to the runtime; they are visible only so that the
 * frames can be embedded in generated frames. */
#ifndef ASYNCC_WAITER_H
#define ASYNCC_WAITER_H


struct ac_task;

/* Values of ac_waiter.state (the protocol is in src/waitq.h), and the states
 * of every waiting leaf's frame besides AC_STATE_DONE.  Public only for the
 * inline fast paths of the leaves (chan.h); the fields stay private. */
enum ac__waiter_state {
  AC__W_IDLE = 0, /* never queued, or dequeued and seen by its frame */
  AC__W_QUEUED,
  AC__W_NOTIFYING,
  AC__W_WOKEN,
};
enum { AC__OP_UNSTARTED = 0, AC__OP_WAITING = 1 };

/* 'state' (enum ac__waiter_state in src/waitq.h) is written by the waker
 * under the primitive's lock and, for the last step of a wake, after it:
 * see src/waitq.h for the protocol.  'result' is what the waker tells the
 * waiting frame (e.g. "your item was taken", "you got the lock"). */
struct ac_waiter {
  struct ac_waiter *next;
  struct ac_waiter **pprev; /* NULL when not queued */
  struct ac_task *task;
  _Atomic __UINT32_TYPE__ state;
  __INT32_TYPE__ result;
};

/* A FIFO of waiters, guarded by its primitive's lock. */
struct ac_waitq {
  struct ac_waiter *head;
  struct ac_waiter **tailp; /* &last->next, or &head */
};

#endif
