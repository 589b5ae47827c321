/* asyncc runtime: the task dump, an async backtrace of every live task.
 *
 *   int ac_task_dump(int fd);
 *
 * writes, for each live task of the process's runtimes (current-thread and
 * multi-thread), its
 * state (running, runnable, waiting, completed), how long it has waited,
 * and its chain of nested awaits down to the leaf it waits in:
 *
 *   task 0x7f3a1c0400a0 worker (spawned at server.ac:52): waiting 1532 ms
 *     at server.ac:40 in handle_conn, awaiting read_line
 *     at server.ac:22 in read_line, awaiting ac_read
 *     fd 7 readable
 *
 * Setting ASYNCC_TASK_DUMP=1 in the environment makes SIGQUIT (Ctrl-\) dump
 * to stderr instead of killing the process.  See docs/inspecting.md.
 *
 * The rest is the protocol between the dump, the generated f__trace
 * functions and the runtime's leaves; programs do not call it. */
#ifndef ASYNCC_TRACE_H
#define ASYNCC_TRACE_H

#include <asyncc/asyncc.h>

/* Dumps every live task of the process's runtimes to 'fd'.  Every runtime
 * thread stops between polls while the dump reads the frames; one stuck in
 * a poll for 250 ms (a task that never yields) is left running, and its
 * task shows as "running ... did not stop", untraced.  Called from a task,
 * the caller's thread counts as stopped and the caller shows as "running".
 * Returns 0 (-ENOMEM if it could not allocate). */
int ac_task_dump(int fd);

/* Installs the SIGQUIT handler that ASYNCC_TASK_DUMP=1 installs (the
 * first runtime to start reads the variable): the handler only posts a
 * semaphore (async-signal-safe), and a thread of the dump's own writes the
 * dump to stderr, so it comes even when every runtime thread is stuck. */
int ac_task_dump_on_sigquit(void);

/* ------------------------------------------------ for f__trace and leaves */

/* Frame f is suspended at 'line' of 'file' in function 'fn', awaiting
 * 'callee'; the callee's frame is traced next (ac_trace_frame). */
void ac_trace_await(struct ac_trace *t, const char *file, unsigned line, const char *fn,
                    const char *callee);
/* Traces a callee frame: fn(frame, t), or nothing if the callee has no
 * trace function (a hand-written leaf: fn is a weak reference). */
void ac_trace_frame(struct ac_trace *t, ac_trace_fn fn, const void *frame);
/* Indents what follows by 'delta' levels: an await with several callee
 * frames in flight (ac_timeout's call and its timer) shows each below it. */
void ac_trace_nest(struct ac_trace *t, int delta);
/* A frame that is not at an await: never polled yet (state 0), done, or
 * (the caller's own task) in the middle of its poll. */
void ac_trace_state(struct ac_trace *t, const char *fn, unsigned state);
/* A leaf: what it waits on, one line ("fd 7 readable"). */
void ac_trace_wait(struct ac_trace *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* A leaf: when its wait started, on the runtime's coarse clock (the low 32
 * bits of ac_now_ms() at the driver's last turn); the task's line shows
 * how long ago that was. */
void ac_trace_since(struct ac_trace *t, unsigned coarse_ms);

#endif
