/* Thread-local runtime context (see context.h). */
#include "context.h"

#include <errno.h>
#include <stddef.h>

static _Thread_local struct ac__sched *current_sched;
static _Thread_local struct ac__worker *current_worker;

int ac__context_enter(struct ac__sched *s) {
  if (current_sched)
    return -EDEADLK;
  current_sched = s;
  return 0;
}

void ac__context_exit(void) {
  current_sched = NULL;
  current_worker = NULL;
}

struct ac__sched *ac__context_current(void) { return current_sched; }

void ac__context_set_worker(struct ac__worker *w) { current_worker = w; }

struct ac__worker *ac__context_worker(void) { return current_worker; }
