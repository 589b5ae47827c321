/* The thread's runtime context: which scheduler, if any, this thread is
 * running, and for a multi-thread runtime which of its workers.  It answers
 * "is a wake coming from one of the executor's own threads?" (then it goes
 * to that thread's own queue, without a lock) and "would blocking here
 * deadlock a runtime?" (ac_block_on_frame refuses).  It is the runtime's
 * only thread-local state. */
#ifndef AC__CONTEXT_H
#define AC__CONTEXT_H

struct ac__sched;
struct ac__worker;

/* Marks this thread as running 's'.  -EDEADLK if it already runs one. */
int ac__context_enter(struct ac__sched *s);
void ac__context_exit(void);
/* The scheduler this thread runs, or NULL.  Inline: every spawn and every
 * wake asks.  Code that can only be linked into an executable (PIE, or not
 * PIC at all: the static runtime) reads it local-exec, one instruction instead of two (W3: 3 reads per
 * task); the shared runtime (-fPIC) keeps the default model. */
#if defined(__PIE__) || !defined(__PIC__)
#define AC__TLS_EXEC __attribute__((tls_model("local-exec")))
#else
#define AC__TLS_EXEC
#endif
extern _Thread_local struct ac__sched *ac__context_sched AC__TLS_EXEC;
static inline struct ac__sched *ac__context_current(void) { return ac__context_sched; }

/* The multi-thread worker this thread is (NULL on other threads).  Set
 * after ac__context_enter, cleared by ac__context_exit. */
void ac__context_set_worker(struct ac__worker *w);
struct ac__worker *ac__context_worker(void);

#endif
