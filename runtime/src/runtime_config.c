/* Runtime selection (see runtime_config.h and ac_runtime_set_workers). */
#include "runtime_config.h"


#include <asyncc/asyncc.h>

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define UNSET (-1L)

static _Atomic long chosen_workers = UNSET; /* by ac_runtime_set_workers */
static _Atomic unsigned running;
static pthread_once_t sigpipe_once = PTHREAD_ONCE_INIT;

/* As Rust's std does at startup.  Process-wide, so it also covers the
 * blocking pool's threads and ac_file_write, which reach write(2) without
 * an fd registration; a handler the program installed itself is kept. */
static void ignore_sigpipe(void) {
  struct sigaction old;
  if (sigaction(SIGPIPE, NULL, &old) == 0 && old.sa_handler == SIG_DFL &&
      !(old.sa_flags & SA_SIGINFO))
    signal(SIGPIPE, SIG_IGN);
}

void ac__ignore_sigpipe(void) { pthread_once(&sigpipe_once, ignore_sigpipe); }

int ac_runtime_set_workers(unsigned n) {
  if (n > AC_RUNTIME_MAX_WORKERS && n != AC_RUNTIME_WORKERS_PER_CORE)
    return -EINVAL;
  if (atomic_load(&running) > 0)
    return -EBUSY;
  atomic_store(&chosen_workers, (long)n);
  return 0;
}

int ac__runtime_parse_workers(const char *text, unsigned *workers) {
  unsigned long n = 0;
  if (strcmp(text, "auto") == 0) {
    *workers = AC_RUNTIME_WORKERS_PER_CORE;
    return 0;
  }
  if (*text == '\0')
    return -EINVAL;
  for (const char *p = text; *p; p++) {
    if (*p < '0' || *p > '9')
      return -EINVAL;
    n = n * 10 + (unsigned long)(*p - '0');
    if (n > AC_RUNTIME_MAX_WORKERS)
      return -EINVAL;
  }
  *workers = (unsigned)n;
  return 0;
}

static unsigned per_core(unsigned n) {
  long cpus;
  if (n != AC_RUNTIME_WORKERS_PER_CORE)
    return n;
  cpus = sysconf(_SC_NPROCESSORS_ONLN);
  if (cpus < 1)
    return 1;
  return cpus > (long)AC_RUNTIME_MAX_WORKERS ? AC_RUNTIME_MAX_WORKERS : (unsigned)cpus;
}

unsigned ac__runtime_workers(void) {
  long chosen = atomic_load(&chosen_workers);
  const char *env;
  unsigned n;
  if (chosen != UNSET)
    return per_core((unsigned)chosen);
  env = getenv("ASYNCC_WORKERS");
  if (!env)
    return 0;
  if (ac__runtime_parse_workers(env, &n) != 0) {
    fprintf(stderr,
            "asyncc: ignoring ASYNCC_WORKERS=\"%s\": expected 0 (current-thread), "
            "1..%u (worker threads) or auto (one per CPU)\n",
            env, AC_RUNTIME_MAX_WORKERS);
    return 0;
  }
  return per_core(n);
}

void ac__runtime_forget_workers(void) { atomic_store(&chosen_workers, UNSET); }

void ac__runtime_started(void) {
  ac__ignore_sigpipe();
  atomic_fetch_add(&running, 1);
}

void ac__runtime_stopped(void) { atomic_fetch_sub(&running, 1); }
