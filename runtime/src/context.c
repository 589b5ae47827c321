/* Thread-local runtime context (see context.h). */
#include "context.h"

#include <errno.h>
#include <stddef.h>

_Thread_local struct ac__sched *ac__context_sched;
static _Thread_local struct ac__worker *current_worker;

int ac__context_enter(struct ac__sched *s) {
  if (ac__context_sched)
    return -EDEADLK;
  ac__context_sched = s;
  return 0;
}

void ac__context_exit(void) {
  ac__context_sched = NULL;
  current_worker = NULL;
}

void ac__context_set_worker(struct ac__worker *w) { current_worker = w; }

struct ac__worker *ac__context_worker(void) { return current_worker; }
