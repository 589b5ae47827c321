/* Forced include (-include) for the runtime sources the model checker
 * compiles (task.c, spawn.c, joinset.c; see model.c): every atomic
 * operation and every mutex lock first calls ac_model_step(), where
 * the checker decides which thread goes next.  So the checker runs the
 * real protocol code, one shared-memory step at a time, and tries every
 * interleaving of two threads' steps.
 *
 * Weak compare-and-swaps become strong: a spurious failure only adds a
 * retry, which the interleavings cover anyway. */
#ifndef AC_MODEL_HOOKS_H
#define AC_MODEL_HOOKS_H

#include <pthread.h>
#include <stdatomic.h>

void ac_model_step(void);
int ac_model_mutex_lock(pthread_mutex_t *m);
int ac_model_mutex_unlock(pthread_mutex_t *m);
int ac_model_yield(void);

#undef atomic_load_explicit
#undef atomic_store_explicit
#undef atomic_exchange_explicit
#undef atomic_compare_exchange_weak_explicit
#undef atomic_compare_exchange_strong_explicit
#undef atomic_fetch_add_explicit
#undef atomic_fetch_sub_explicit
#undef atomic_fetch_or_explicit
#undef atomic_fetch_and_explicit

#define atomic_load_explicit(p, mo) (ac_model_step(), __atomic_load_n((p), (mo)))
#define atomic_store_explicit(p, v, mo) (ac_model_step(), __atomic_store_n((p), (v), (mo)))
#define atomic_exchange_explicit(p, v, mo) (ac_model_step(), __atomic_exchange_n((p), (v), (mo)))
#define atomic_compare_exchange_weak_explicit(p, e, v, s, f)                                  \
  (ac_model_step(), __atomic_compare_exchange_n((p), (e), (v), 0, (s), (f)))
#define atomic_compare_exchange_strong_explicit(p, e, v, s, f)                                \
  (ac_model_step(), __atomic_compare_exchange_n((p), (e), (v), 0, (s), (f)))
#define atomic_fetch_add_explicit(p, v, mo) (ac_model_step(), __atomic_fetch_add((p), (v), (mo)))
#define atomic_fetch_sub_explicit(p, v, mo) (ac_model_step(), __atomic_fetch_sub((p), (v), (mo)))
#define atomic_fetch_or_explicit(p, v, mo) (ac_model_step(), __atomic_fetch_or((p), (v), (mo)))
#define atomic_fetch_and_explicit(p, v, mo) (ac_model_step(), __atomic_fetch_and((p), (v), (mo)))

#define pthread_mutex_lock(m) ac_model_mutex_lock(m)
#define pthread_mutex_unlock(m) ac_model_mutex_unlock(m)
#define sched_yield() ac_model_yield()

#endif
