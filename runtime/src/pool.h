/* Runtime-internal extension of the blocking pool (blocking.c). */
#ifndef AC__POOL_H
#define AC__POOL_H

#include <asyncc/blocking.h>

#include <stdbool.h>

/* Drops 'f' without waiting, for a job whose fn and arg live in memory the
 * caller can hand over (the frame itself must be in that memory too).
 * true: the job never ran or has finished; the caller frees now.  false: it
 * is running; the pool thread calls orphan(arg) when fn returns, which then
 * frees.  Either way 'f' is done and must not be polled or dropped again. */
bool ac__blocking_abandon(struct ac_spawn_blocking__frame *f, void (*orphan)(void *arg));

#endif
