/* Runtime selection: which executor ac_block_on_frame starts, from
 * ac_runtime_set_workers, else ASYNCC_WORKERS, else current-thread.  Also
 * counts the runtimes running, for -EBUSY. */
#ifndef AC__RUNTIME_CONFIG_H
#define AC__RUNTIME_CONFIG_H

/* Parses an ASYNCC_WORKERS value: decimal 0..AC_RUNTIME_MAX_WORKERS or
 * "auto" (AC_RUNTIME_WORKERS_PER_CORE).  0 or -EINVAL. */
int ac__runtime_parse_workers(const char *text, unsigned *workers);

/* The worker count the next runtime uses: 0 for current-thread, else >= 1
 * (per-core resolved).  Reports an invalid ASYNCC_WORKERS on stderr. */
unsigned ac__runtime_workers(void);

/* Forgets an ac_runtime_set_workers choice (tests). */
void ac__runtime_forget_workers(void);

/* Sets SIGPIPE to ignored, once per process, unless the program installed
 * a handler or ignored it itself: a write to a pipe or socket without
 * reader must be -EPIPE, never a dead process (docs/runtime.md, "SIGPIPE").
 * Called when a runtime starts and on an fd's first registration. */
void ac__ignore_sigpipe(void);

/* Bracket a running runtime (ac_runtime_set_workers answers -EBUSY).
 * ac__runtime_started also calls ac__ignore_sigpipe. */
void ac__runtime_started(void);
void ac__runtime_stopped(void);

#endif
