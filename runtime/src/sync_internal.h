/* Sync-primitive and channel internals visible to white-box tests: queued
 * waiters, read under the primitive's lock. */
#ifndef AC__SYNC_INTERNAL_H
#define AC__SYNC_INTERNAL_H

#include <asyncc/chan.h>
#include <asyncc/sync.h>
#include <stddef.h>

size_t ac__sem_waiters(struct ac_sem *s);
size_t ac__notify_waiters(struct ac_notify *n);
size_t ac__bcast_waiting(struct ac_bcast *b);
size_t ac__oneshot_waiting(struct ac_oneshot *o);

#endif
