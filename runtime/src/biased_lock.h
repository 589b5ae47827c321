/* A spinlock biased to the current-thread runtime whose thread created it.
 *
 * Most channels are used by the tasks of one current-thread runtime only,
 * and there a lock's one atomic exchange is most of a hand-off's cost (W2:
 * two of them per hand-off, about 4 ns each on this VM).  So such a lock
 * is first *biased*: on the owner runtime's thread, taking it is a plain
 * store of 'owner_in' and two loads, releasing it a plain store, with no
 * read-modify-write.  The first other thread to take it *revokes* the bias,
 * for good: holding 'spin', it clears 'biased', makes every thread of the
 * process pass a full memory barrier (membarrier(2), the heavy half of an
 * asymmetric fence), and waits for 'owner_in' to drop.  From then on every
 * thread, the owner's included, takes 'spin'.
 *
 * Why that excludes the owner: the owner stores owner_in = 1 and then reads
 * 'biased'; the revoker stores biased = false and then, after the barrier,
 * reads 'owner_in'.  The barrier runs on the owner's CPU between the two, so
 * either the owner's store was visible by then (the revoker waits for the
 * release) or the owner's read came after it and saw the bias gone (it
 * takes 'spin', which the revoker holds).  The owner's side needs only a
 * compiler barrier: that is the point.
 *
 * A lock is biased only if membarrier's private expedited command could be
 * registered (Linux 4.14+), and only to a current-thread runtime: a
 * multi-thread runtime's workers share a scheduler, so "the owner's thread"
 * would not be one thread.  The owner is named by its scheduler, which one
 * thread runs at a time: a later runtime that reuses the address is the
 * only one of that name then.  Biased at init (channels: to the creator's
 * runtime) or later, once, by ac__biased_lock_claim (fd registrations: to
 * the runtime that first waits on the fd).  Never again once revoked: a
 * thread that read the old bias just before a revocation could otherwise
 * take a new owner's 'owner_in' for its own.
 *
 * On the owner thread 'spin' may also be taken directly (ac__spin_lock):
 * that thread cannot be inside a biased section at the same time, and any
 * other thread revokes before it touches what the lock guards. */
#ifndef AC__BIASED_LOCK_H
#define AC__BIASED_LOCK_H

#include "context.h"
#include "spinlock.h"

#include <stdatomic.h>
#include <stdbool.h>

struct ac__biased_lock {
  ac__spinlock spin;
  _Atomic unsigned char owner_in; /* the owner thread holds it without 'spin' */
  _Atomic bool biased;            /* cleared once, by the first other thread */
  /* Set once, while biasing; NULL: never biased.  Atomic only because
   * a claim sets it while other threads may compare it. */
  struct ac__sched *_Atomic owner;
};

/* Biased to the calling thread's current-thread runtime, if any. */
void ac__biased_lock_init(struct ac__biased_lock *l);
/* Holding 'spin' (an unbiased lock is always taken through it): bias the
 * lock to the calling thread's current-thread runtime, if it was never
 * biased.  An all-zero lock is a valid unbiased lock to claim. */
void ac__biased_lock_claim(struct ac__biased_lock *l);
/* Takes 'spin', revoking the bias first if it is still there. */
void ac__biased_lock_shared(struct ac__biased_lock *l);

static inline void ac__biased_lock(struct ac__biased_lock *l) {
  if (atomic_load_explicit(&l->owner, memory_order_relaxed) == ac__context_current() &&
      atomic_load_explicit(&l->biased, memory_order_relaxed)) {
    atomic_store_explicit(&l->owner_in, 1, memory_order_relaxed);
    atomic_signal_fence(memory_order_seq_cst); /* the light half */
    /* acquire: nothing guarded is read before this check */
    if (__builtin_expect(atomic_load_explicit(&l->biased, memory_order_acquire), 1))
      return;
    atomic_store_explicit(&l->owner_in, 0, memory_order_release);
  }
  ac__biased_lock_shared(l);
}

/* Only the owner thread ever sets 'owner_in', and there it is set exactly
 * while that thread holds the lock biased. */
static inline void ac__biased_unlock(struct ac__biased_lock *l) {
  if (atomic_load_explicit(&l->owner, memory_order_relaxed) == ac__context_current() &&
      atomic_load_explicit(&l->owner_in, memory_order_relaxed))
    atomic_store_explicit(&l->owner_in, 0, memory_order_release);
  else
    ac__spin_unlock(&l->spin);
}

/* Still biased (tests). */
static inline bool ac__biased_lock_is_biased(struct ac__biased_lock *l) {
  return atomic_load_explicit(&l->biased, memory_order_relaxed);
}

#endif
