/* Included at the top of every C file asyncc generates from a .ac file. */
#ifndef ASYNCC_LOWERED_H
#define ASYNCC_LOWERED_H
#include <asyncc/asyncc.h>
#include <asyncc/blocking.h>
#include <asyncc/chan.h>
#include <asyncc/sync.h>
#include <errno.h> /* -ETIMEDOUT of ac_timeout */
#include <asyncc/fs.h>
#include <asyncc/net.h>
#include <asyncc/signal.h>
#include <asyncc/joinset.h>

/* The state of a frame that has completed (or was dropped). */
#define AC_STATE_DONE 0xFFFFFFFFu

/* ac_block_on(f(args)) lowers to a block_on of f's frame; when the runtime
 * refuses (it already printed why: called on a runtime thread, or the
 * runtime could not start) the program stops, as there is no result. */
void abort(void);
static inline void ac__block_on_check(int rc) {
  if (rc != 0)
    abort();
}

/* Async prototypes in headers shared with plain C lower to nothing special. */
#ifndef async
#define async
#endif
#endif
