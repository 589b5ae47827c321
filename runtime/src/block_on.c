/* ac_block_on_frame: run one root frame to completion on a fresh executor
 * (the body of the generated main): the current-thread one, or the
 * multi-thread one when runtime_config.c says so. */
#include "context.h"
#include "driver.h"
#include "executor_ct.h"
#include "executor_mt.h"
#include "runtime_config.h"
#include "task.h"
#include "task_dump.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void report_nested(void) {
  fputs("asyncc: ac_block_on_frame() was called on a thread that is already "
        "running an asyncc runtime (from inside a task's poll, or plain C called "
        "from one, on any worker thread).\n"
        "  Blocking here would deadlock: this thread is needed to run the "
        "runtime's tasks, and it would be stuck waiting for them.\n"
        "  Fix: inside async code, `await` the async function instead of "
        "blocking on it; to call blocking C code that needs its own runtime, run "
        "it with `await ac_spawn_blocking(fn, arg)` or on another thread that "
        "runs no runtime.  ac_block_on_frame() returns -EDEADLK.\n",
        stderr);
}

/* ----------------------------------------- each executor, for the task dump */

static struct ac__dump_thread *ct_dump_thread(struct ac__sched *s, unsigned i) {
  (void)i;
  return &((struct ac__executor_ct *)s)->dump;
}

static int ct_dump_caller(struct ac__sched *s) { return ac__context_current() == s ? 0 : -1; }

static void ct_unpark(struct ac__sched *s) { ac__driver_unpark(s->driver); }

static const struct ac__dump_ops ct_dump_ops = {ct_dump_thread, ct_dump_caller, ct_unpark};

static struct ac__dump_thread *mt_dump_thread(struct ac__sched *s, unsigned i) {
  return &ac__executor_mt_of(s)->workers[i].dump;
}

static int mt_dump_caller(struct ac__sched *s) {
  if (ac__context_current() != s)
    return -1;
  struct ac__worker *w = ac__context_worker();
  return w ? (int)w->index : 0;
}

static void mt_unpark(struct ac__sched *s) { ac__executor_mt_unpark_all(ac__executor_mt_of(s)); }

static const struct ac__dump_ops mt_dump_ops = {mt_dump_thread, mt_dump_caller, mt_unpark};

/* ----------------------------------------------------------------- runs */

static int run_current_thread(struct ac__root_task *root) {
  struct ac__executor_ct ex;
  int err = ac__executor_ct_init(&ex);
  if (err)
    return err;
  root->sched = &ex.sched;
  struct ac__dump_entry dump; /* listed for ac_task_dump while it runs */
  ac__dump_register(&dump, &ex.sched, &ct_dump_ops, &root->task, 0);
  err = ac__executor_ct_block_on(&ex, &root->task);
  ac__dump_unregister(&dump);
  ac__executor_ct_destroy(&ex);
  return err;
}

static int run_multi_thread(struct ac__root_task *root, unsigned workers) {
  /* Heap: the workers' queues make it ~2 KB per worker. */
  struct ac__executor_mt *ex = malloc(sizeof *ex);
  int err;
  if (!ex)
    return -ENOMEM;
  err = ac__executor_mt_init(ex, workers);
  if (err) {
    free(ex);
    return err;
  }
  root->sched = &ex->sched;
  struct ac__dump_entry dump;
  ac__dump_register(&dump, &ex->sched, &mt_dump_ops, &root->task, workers);
  err = ac__executor_mt_block_on(ex, &root->task);
  ac__dump_unregister(&dump);
  ac__executor_mt_destroy(ex);
  free(ex);
  return err;
}

int ac_block_on_frame(void *frame, ac_poll_fn poll, ac_drop_fn drop) {
  return ac_block_on_frame_traced(frame, poll, drop, NULL);
}

int ac_block_on_frame_traced(void *frame, ac_poll_fn poll, ac_drop_fn drop, ac_trace_fn trace) {
  struct ac__root_task root; /* here, pointing at the caller's frame */
  unsigned workers;
  int err;

  if (ac__context_current()) {
    report_nested();
    return -EDEADLK;
  }
  if (!poll) {
    fputs("asyncc: ac_block_on_frame() needs a poll function\n", stderr);
    return -EINVAL;
  }
  ac__root_task_init(&root, frame, poll, drop, NULL); /* sched: set by the runner */
  root.trace = trace;
  workers = ac__runtime_workers();
  ac__runtime_started();
  err = workers == 0 ? run_current_thread(&root) : run_multi_thread(&root, workers);
  ac__runtime_stopped();
  if (err)
    fprintf(stderr, "asyncc: the runtime failed or could not start, the main future "
                    "was dropped or never polled: %s\n",
            strerror(-err));
  return err;
}

int ac_runtime_workers(void) {
  struct ac__sched *s = ac__context_current();
  if (!s)
    return -1;
  struct ac__executor_mt *ex = ac__executor_mt_of(s);
  return ex ? (int)ex->nworkers : 0;
}

const char *ac_runtime_io(void) {
  struct ac__sched *s = ac__context_current();
  return s ? ac__reactor_backend(&s->driver->io) : NULL;
}
