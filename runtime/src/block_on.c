/* ac_block_on_frame: run one root frame to completion on a fresh
 * current-thread executor (the body of the generated main). */
#include "context.h"
#include "executor_ct.h"
#include "task.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

/* The root task: a header on this function's stack, pointing at the
 * caller's frame, which the caller keeps alive across the call. */
struct root_task {
  struct ac_task task;
  void *frame;
  ac_poll_fn poll;
  ac_drop_fn drop;
};

static ac_poll root_poll(struct ac_task *t, struct ac_cx *cx) {
  struct root_task *r = (struct root_task *)t;
  return r->poll(r->frame, cx);
}

static void root_drop(struct ac_task *t) {
  struct root_task *r = (struct root_task *)t;
  if (r->drop)
    r->drop(r->frame);
}

static const struct ac__task_vtable root_vtable = {root_poll, root_drop, NULL, NULL};

static void report_nested(void) {
  fputs("asyncc: ac_block_on_frame() was called on a thread that is already "
        "running an asyncc runtime.\n"
        "  Blocking here would deadlock: the runtime that has to finish the "
        "future is this thread, and it would be stuck waiting for itself.\n"
        "  Fix: inside async code, `await` the async function instead of "
        "blocking on it; from plain C reached from async code, call "
        "ac_block_on_frame() on a thread that runs no runtime.\n",
        stderr);
}

int ac_block_on_frame(void *frame, ac_poll_fn poll, ac_drop_fn drop) {
  struct ac__executor_ct ex;
  struct root_task root = {.frame = frame, .poll = poll, .drop = drop};
  int err;

  if (ac__context_current()) {
    report_nested();
    return -EDEADLK;
  }
  if (!poll) {
    fputs("asyncc: ac_block_on_frame() needs a poll function\n", stderr);
    return -EINVAL;
  }
  err = ac__executor_ct_init(&ex);
  if (err) {
    fprintf(stderr, "asyncc: cannot start the runtime: %s\n", strerror(-err));
    return err;
  }
  ac__task_init(&root.task, &root_vtable, &ex.sched);
  err = ac__executor_ct_block_on(&ex, &root.task);
  if (err)
    fprintf(stderr, "asyncc: the runtime failed, the main future was dropped: %s\n",
            strerror(-err));
  ac__executor_ct_destroy(&ex);
  return err;
}
