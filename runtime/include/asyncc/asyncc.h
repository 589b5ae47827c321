/* asyncc runtime: the public API seen by generated code and by hand-written C.
 *
 * Every async function `T f(P...)` is lowered to the frame/init/poll/drop
 * convention below; leaf futures of the runtime (ac_yield, ac_sleep_ms, ...)
 * are plain C written to the same convention, so the compiler treats every
 * async function alike:
 *
 *   struct f__frame { unsigned ac_state; ...; T ac_result; };
 *   void    f__init(struct f__frame *f, P...);         stores arguments, runs nothing
 *   ac_poll f__poll(struct f__frame *f, struct ac_cx *cx);  AC_READY or AC_PENDING
 *   void    f__drop(struct f__frame *f);               cancels an unfinished frame
 *
 * A poll that returns AC_PENDING has arranged for cx's task to be woken.
 * A frame never moves after its first poll.
 *
 * Wakers.  The task being polled is cx's task.  A leaf that returns
 * AC_PENDING either hands that task to something that will call
 * ac_task_wake() later (a timer, the reactor, another thread), or wakes it at
 * once (ac_yield).  Waking is idempotent: a task that is already queued, or
 * is running and already woken, is queued once.  In this version a task
 * must not be woken after its root frame has completed (wakers are not
 * reference counted yet); see docs/runtime.md. */
#ifndef ASYNCC_ASYNCC_H
#define ASYNCC_ASYNCC_H

typedef enum ac_poll { AC_PENDING = 0, AC_READY = 1 } ac_poll;

struct ac_cx;   /* the poll context: which task is running, on which executor */
struct ac_task; /* a scheduled unit: a root frame plus a small header */

typedef ac_poll (*ac_poll_fn)(void *frame, struct ac_cx *cx);
typedef void (*ac_drop_fn)(void *frame);

/* The state of a frame that has completed (or was dropped).  Also defined,
 * identically, by lowered.h. */
#define AC_STATE_DONE 0xFFFFFFFFu

#include <asyncc/leaf.h>

/* Runs a root frame to completion on a new current-thread runtime (the body
 * of the generated `main` for `async int main`).  Returns 0, or a negative
 * errno (after printing why) if the calling thread already runs a runtime
 * (-EDEADLK) or the runtime could not be started.  On failure the frame has
 * been dropped (or was never started). */
int ac_block_on_frame(void *frame, ac_poll_fn poll, ac_drop_fn drop);

/* The task being polled in 'cx'.  Valid until that task's root frame
 * completes. */
struct ac_task *ac_cx_task(struct ac_cx *cx);

/* Queues 'task' to be polled again.  Safe from any thread; a no-op if the
 * task is already queued or has completed. */
void ac_task_wake(struct ac_task *task);

/* ac_task_wake(ac_cx_task(cx)): "poll me again soon". */
void ac_cx_wake(struct ac_cx *cx);

#endif
