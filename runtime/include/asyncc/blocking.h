/* asyncc runtime: ac_spawn_blocking, a leaf future that runs a plain C
 * function on a bounded pool of worker threads.
 *
 *   async void *ac_spawn_blocking(void *(*fn)(void *), void *arg);
 *
 * ac_result is fn(arg).  The pool is process-wide, started lazily, at most
 * ac_blocking_set_max_threads() threads (default 4); a thread idle for
 * AC_BLOCKING_IDLE_MS exits (threads are detached, so any still idle at
 * process end simply vanish with it).  The job node lives in the frame:
 * awaiting allocates nothing (the pool allocates only thread stacks).
 *
 * Dropping a pending frame: a job still queued is unlinked and never runs;
 * a job already running is WAITED FOR: the drop blocks the calling
 * (executor) thread until fn returns, so that the pool thread never touches
 * a dead frame.  fn's result is then discarded.  Keep fn short or
 * cancellable if you intend to drop it. */
#ifndef ASYNCC_BLOCKING_H
#define ASYNCC_BLOCKING_H

#include <asyncc/asyncc.h>

#define AC_BLOCKING_DEFAULT_MAX 4
#define AC_BLOCKING_IDLE_MS 1000

/* Intrusive queue node; every field is guarded by the pool mutex. */
struct ac_blocking_job {
  struct ac_blocking_job *next;
  struct ac_blocking_job **pprev; /* non-NULL exactly while queued */
  void *(*fn)(void *);
  void *arg;
  void *result;
  struct ac_task *task; /* woken by the pool thread when the job is done */
  /* Set when the awaiting frame gave the job up while it ran (runtime
   * internal, see ac__blocking_abandon): called with 'arg' instead of the
   * wake, and owns the job's memory from then on. */
  void (*orphan)(void *arg);
  unsigned state;       /* 0 idle, 1 queued, 2 running, 3 done */
};

struct ac_spawn_blocking__frame {
  unsigned ac_state; /* 0 not polled, 1 submitted, AC_STATE_DONE */
  struct ac_blocking_job job;
  void *ac_result;
};
void ac_spawn_blocking__init(struct ac_spawn_blocking__frame *f, void *(*fn)(void *),
                             void *arg);
ac_poll ac_spawn_blocking__poll(struct ac_spawn_blocking__frame *f, struct ac_cx *cx);
void ac_spawn_blocking__drop(struct ac_spawn_blocking__frame *f);

/* Upper bound on pool threads (n >= 1; default 4).  Threads already running
 * above a lowered bound exit when idle.  Any thread. */
void ac_blocking_set_max_threads(unsigned n);
/* Pool threads currently alive (tests, diagnostics).  Any thread. */
unsigned ac_blocking_thread_count(void);

#endif
