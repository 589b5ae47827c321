/* The thread's runtime context: which scheduler, if any, this thread is
 * running.  It answers two questions: "is a wake coming from the
 * executor's own thread?" (then no lock is needed) and "would blocking here
 * deadlock a runtime?" (ac_block_on_frame refuses).  It is the runtime's
 * only thread-local state. */
#ifndef AC__CONTEXT_H
#define AC__CONTEXT_H

struct ac__sched;

/* Marks this thread as running 's'.  -EDEADLK if it already runs one. */
int ac__context_enter(struct ac__sched *s);
void ac__context_exit(void);
/* The scheduler this thread runs, or NULL. */
struct ac__sched *ac__context_current(void);

#endif
