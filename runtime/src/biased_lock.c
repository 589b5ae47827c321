/* The revocation half of biased_lock.h: the process-wide barrier and the
 * wait for the owner thread. */
#include "biased_lock.h"

#include "task.h"

#include <linux/membarrier.h>
#include <pthread.h>
#include <sys/syscall.h>
#include <unistd.h>

static long membarrier(int cmd) { return syscall(SYS_membarrier, cmd, 0, 0); }

static pthread_once_t registered_once = PTHREAD_ONCE_INIT;
static bool registered;

static void register_expedited(void) {
  registered = membarrier(MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED) == 0;
}

/* The calling thread's current-thread runtime, if locks may be biased to it. */
static struct ac__sched *bias_target(void) {
  struct ac__sched *s = ac__context_current();
  if (!s || !s->local_run)
    return NULL;
  pthread_once(&registered_once, register_expedited);
  return registered ? s : NULL;
}

void ac__biased_lock_init(struct ac__biased_lock *l) {
  struct ac__sched *s = bias_target();
  atomic_init(&l->spin, 0);
  atomic_init(&l->owner_in, 0);
  atomic_init(&l->owner, s);
  atomic_init(&l->biased, s != NULL);
}

void ac__biased_lock_claim(struct ac__biased_lock *l) {
  struct ac__sched *s;
  if (atomic_load_explicit(&l->owner, memory_order_relaxed) || !(s = bias_target()))
    return;
  /* Plain stores: whoever looks next takes 'spin' first, which this thread
   * releases after them. */
  atomic_store_explicit(&l->owner, s, memory_order_relaxed);
  atomic_store_explicit(&l->biased, true, memory_order_relaxed);
}

/* Every running thread of the process passes a full barrier.  The command
 * is refused in an address space that is not registered (registration is
 * per address space, and this process may not be the one that registered:
 * a fork() child, say), so a refusal is met by registering again. */
static void heavy_fence(void) {
  if (membarrier(MEMBARRIER_CMD_PRIVATE_EXPEDITED) == 0)
    return;
  if (membarrier(MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED) == 0 &&
      membarrier(MEMBARRIER_CMD_PRIVATE_EXPEDITED) == 0)
    return;
  /* Registered once in this address space, so this cannot happen; if it
   * did, the global barrier (every CPU, slower) still gives the guarantee. */
  membarrier(MEMBARRIER_CMD_GLOBAL);
}

void ac__biased_lock_shared(struct ac__biased_lock *l) {
  ac__spin_lock(&l->spin);
  if (!atomic_load_explicit(&l->biased, memory_order_relaxed))
    return;
  atomic_store_explicit(&l->biased, false, memory_order_relaxed);
  heavy_fence();
  /* The owner may be inside a section it entered before: it is short (no
   * calls out, see waitq.h), unless its thread was preempted. */
  for (unsigned spins = 0; atomic_load_explicit(&l->owner_in, memory_order_acquire);)
    ac__spin_backoff(&spins);
}
