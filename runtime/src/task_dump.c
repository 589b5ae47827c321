/* The task dump: ac_task_dump, the SIGQUIT thread and the gate (see
 * task_dump.h for how the runtime threads are stopped while it reads).
 * Each task is traced into a buffer (trace_buf.h, filled by the ac_trace_*
 * calls of trace.c), then written whole with write(2). */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "task_dump.h"

#include "coarse_clock.h"
#include "leaf_trace.h"
#include "task.h"
#include "trace_buf.h"

#include <errno.h>
#include <semaphore.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

_Atomic unsigned ac__dump_gate;

/* ----------------------------------------------------------- one runtime */

static void write_all(int fd, const char *p, size_t n) {
  while (n > 0) {
    ssize_t w = write(fd, p, n);
    if (w < 0 && errno == EINTR)
      continue;
    if (w <= 0)
      return;
    p += w;
    n -= (size_t)w;
  }
}

static void write_str(int fd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void write_str(int fd, const char *fmt, ...) {
  char line[1024];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(line, sizeof line, fmt, ap);
  va_end(ap);
  if (n > 0)
    write_all(fd, line, (size_t)n < sizeof line ? (size_t)n : sizeof line - 1);
}

/* How long a dump waits for the runtime threads to stop: a thread in a poll
 * longer than this is taken as stuck (a task that never yields). */
#define STOP_WAIT_MS 250
/* A thread between polls that has not stopped by then is only slow (a
 * loaded machine): it is given this long. */
#define TRANSIT_WAIT_MS 2000

/* What the dump found of one runtime thread. */
struct thread_view {
  struct ac_task *polling; /* the task it polls, if it did not stop */
  uint32_t since;
  bool stopped;            /* at the gate, or the dump's caller */
  bool caller;
};

struct dump_ctx {
  int fd;
  size_t tasks;
  struct ac_trace *trace; /* 8 KiB: on the heap, not a signal-sized stack */
  const struct thread_view *threads;
  unsigned nthreads;
};

static const char *state_name(uint32_t s) {
  if (s & AC__TASK_COMPLETE)
    return "completed, not joined";
  if (s & AC__TASK_NEW)
    return "not started";
  if (s & AC__TASK_RUNNING)
    return "running";
  if (s & (AC__TASK_SCHEDULED | AC__TASK_NOTIFIED))
    return "runnable";
  return "waiting";
}

/* The thread polling 'task', if one did not stop: its index, else -1. */
static int stuck_on(const struct dump_ctx *d, const struct ac_task *task) {
  for (unsigned i = 0; i < d->nthreads; i++)
    if (!d->threads[i].stopped && d->threads[i].polling == task)
      return (int)i;
  return -1;
}

static void dump_task(struct ac_task *task, void *p) {
  struct dump_ctx *d = p;
  struct ac_trace *t = d->trace;
  uint32_t s = atomic_load_explicit(&task->state, memory_order_acquire);
  const struct ac_spawn_desc *desc = task->desc;
  const void *frame = ac__task_frame(task);
  ac_trace_fn trace = desc->trace;
  if (desc == &ac__root_desc) {
    struct ac__root_task *r = (struct ac__root_task *)task;
    frame = r->frame;
    trace = r->trace;
  }
  *t = (struct ac_trace){.indent = 1, .now = ac__coarse_now()};
  /* a running task is in the middle of its poll (the dump's caller, or a
   * thread that did not stop): its frames are being written, so their
   * states say nothing yet */
  int stuck = stuck_on(d, task);
  if (!(s & (AC__TASK_COMPLETE | AC__TASK_NEW | AC__TASK_RUNNING)) && stuck < 0) {
    if (trace)
      ac_trace_frame(t, trace, frame);
    else
      ac_trace_wait(t, "(no trace function: a hand-written frame)");
  }
  d->tasks++;
  char head[512];
  int n = snprintf(head, sizeof head, "task %p %s%s%s%s: ", (void *)task, ac__task_name(task),
                   desc->site ? " (spawned at " : "", desc->site ? desc->site : "",
                   desc->site ? ")" : "");
  if (n < 0 || (size_t)n >= sizeof head)
    n = 0;
  const char *st = state_name(s);
  if (stuck >= 0) {
    char where[32] = "";
    if (d->nthreads > 1)
      snprintf(where, sizeof where, " on worker %d", stuck);
    write_str(d->fd, "%.*srunning%s for %u ms, did not stop for the dump (a poll that does not return)\n",
              n, head, where, (unsigned)(t->now - d->threads[stuck].since));
  } else if (t->has_since && strcmp(st, "waiting") == 0)
    write_str(d->fd, "%.*swaiting %u ms\n", n, head, (unsigned)(t->now - t->since));
  else
    write_str(d->fd, "%.*s%s\n", n, head, st);
  write_all(d->fd, t->buf, t->len);
  if (t->truncated)
    write_str(d->fd, "  ... (truncated)\n");
}

static struct ac__dump_thread *thread_of(struct ac__dump_entry *e, unsigned i) {
  return e->ops->thread(e->sched, i);
}

static unsigned threads_of(const struct ac__dump_entry *e) { return e->workers ? e->workers : 1; }

/* The caller's own index among e's threads, or -1. */
static int caller_of(struct ac__dump_entry *e) { return e->ops->caller(e->sched); }

/* One runtime, its threads stopped (or seen stuck in a poll). */
static void dump_runtime(struct ac__dump_entry *e, int fd, const struct thread_view *threads) {
  struct dump_ctx d = {.fd = fd, .trace = malloc(sizeof(struct ac_trace)), .threads = threads,
                       .nthreads = threads_of(e)};
  if (!d.trace) {
    write_str(fd, "asyncc task dump: out of memory\n");
    return;
  }
  if (e->workers)
    write_str(fd, "asyncc task dump: multi-thread runtime (%u workers), pid %d, at %llu ms\n",
              e->workers, (int)getpid(), (unsigned long long)ac_now_ms());
  else
    write_str(fd, "asyncc task dump: current-thread runtime, pid %d, at %llu ms\n", (int)getpid(),
              (unsigned long long)ac_now_ms());
  bool listable = true;
  for (unsigned i = 0; i < d.nthreads; i++) {
    const struct thread_view *v = &threads[i];
    char who[32] = "thread";
    if (e->workers)
      snprintf(who, sizeof who, "worker %u", i);
    if (v->stopped && !e->workers)
      continue; /* the usual case of the single thread: nothing to say */
    if (v->caller)
      write_str(fd, "%s: calling ac_task_dump\n", who);
    else if (v->stopped)
      write_str(fd, "%s: stopped between polls\n", who);
    else if (v->polling)
      write_str(fd, "%s: polling task %p for %u ms, did not stop\n", who, (void *)v->polling,
                (unsigned)(ac__coarse_now() - v->since));
    else {
      /* between polls for seconds: starting or shutting down (dropping
       * frames), or starved of CPU; its frames may be changing */
      write_str(fd, "%s: did not stop (busy between polls)\n", who);
      listable = false;
    }
  }
  struct ac__task_arena *a = e->sched->arena;
  if (!listable) {
    write_str(fd, "(tasks not listed: a thread did not stop)\n");
  } else {
    dump_task(e->root, &d);
    if (a->lock)
      pthread_mutex_lock(a->lock);
    ac__arena_for_each(a, dump_task, &d);
    if (a->lock)
      pthread_mutex_unlock(a->lock);
  }
  write_str(fd, "end of task dump (%zu tasks)\n", d.tasks);
  free(d.trace);
}

/* ------------------------------------------------------------------ gate */

static pthread_mutex_t gate_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t gate_cond; /* a thread stopped, or the gate opened */

void ac__dump_thread_done(struct ac__dump_thread *th) {
  pthread_mutex_lock(&gate_lock);
  th->stopped = true; /* polls no more: never in the dump's way */
  pthread_cond_broadcast(&gate_cond);
  pthread_mutex_unlock(&gate_lock);
}

void ac__dump_stop(struct ac__dump_thread *th) {
  pthread_mutex_lock(&gate_lock);
  th->stopped = true;
  pthread_cond_broadcast(&gate_cond);
  while (atomic_load(&ac__dump_gate))
    pthread_cond_wait(&gate_cond, &gate_lock);
  th->stopped = false;
  pthread_mutex_unlock(&gate_lock);
}

/* Stops every thread of the registered runtimes it can (registry lock
 * held), recording what it saw of each in views[] (one per thread, in
 * registry order). */
static void close_gate(struct ac__dump_entry *registry, struct thread_view *views) {
  pthread_mutex_lock(&gate_lock);
  atomic_store(&ac__dump_gate, 1);
  pthread_mutex_unlock(&gate_lock);
  /* parked threads come to their checkpoint */
  for (struct ac__dump_entry *e = registry; e; e = e->next)
    e->ops->unpark_all(e->sched);
  struct timespec start, until;
  clock_gettime(CLOCK_MONOTONIC, &start);
  pthread_mutex_lock(&gate_lock);
  for (;;) {
    bool all = true, only_stuck = true;
    struct thread_view *v = views;
    for (struct ac__dump_entry *e = registry; e; e = e->next) {
      int caller = caller_of(e);
      for (unsigned i = 0; i < threads_of(e); i++, v++) {
        struct ac__dump_thread *th = thread_of(e, i);
        v->caller = (int)i == caller;
        v->stopped = v->caller || th->stopped;
        v->polling = v->stopped ? NULL : atomic_load(&th->polling);
        v->since = atomic_load_explicit(&th->poll_since, memory_order_relaxed);
        all = all && v->stopped;
        only_stuck = only_stuck && (v->stopped || v->polling);
      }
    }
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    long waited = (now.tv_sec - start.tv_sec) * 1000 + (now.tv_nsec - start.tv_nsec) / 1000000;
    if (all || waited >= TRANSIT_WAIT_MS || (only_stuck && waited >= STOP_WAIT_MS))
      break;
    until = now;
    until.tv_nsec += 10 * 1000000;
    if (until.tv_nsec >= 1000000000) {
      until.tv_sec++;
      until.tv_nsec -= 1000000000;
    }
    pthread_cond_timedwait(&gate_cond, &gate_lock, &until);
  }
  pthread_mutex_unlock(&gate_lock);
  ac__coarse_set(ac_now_ms()); /* stuck threads turn no driver: bring it up to date */
}

static void open_gate(void) {
  pthread_mutex_lock(&gate_lock);
  atomic_store(&ac__dump_gate, 0);
  pthread_cond_broadcast(&gate_cond);
  pthread_mutex_unlock(&gate_lock);
}

/* -------------------------------------------------------------- requests */

static pthread_mutex_t registry_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_once_t registry_once = PTHREAD_ONCE_INIT;
static struct ac__dump_entry *registry;
static pthread_mutex_t dump_lock = PTHREAD_MUTEX_INITIALIZER; /* one dump at a time */

static void registry_init(void);

static int dump_all(int fd) {
  pthread_once(&registry_once, registry_init);
  pthread_mutex_lock(&dump_lock);
  pthread_mutex_lock(&registry_lock);
  size_t n = 0;
  for (struct ac__dump_entry *e = registry; e; e = e->next)
    n += threads_of(e);
  struct thread_view *views = calloc(n ? n : 1, sizeof *views);
  int err = 0;
  if (!views) {
    write_str(fd, "asyncc task dump: out of memory\n");
    err = -ENOMEM;
  } else if (n) {
    close_gate(registry, views);
    struct thread_view *v = views;
    for (struct ac__dump_entry *e = registry; e; e = e->next) {
      dump_runtime(e, fd, v);
      v += threads_of(e);
    }
    open_gate();
  }
  free(views);
  pthread_mutex_unlock(&registry_lock);
  pthread_mutex_unlock(&dump_lock);
  return err;
}

/* SIGQUIT: the handler posts, this thread dumps.  A thread of its own, so
 * the dump comes even when every runtime thread is stuck in a poll. */
static sem_t sigquit_sem;
static pthread_once_t sigquit_once = PTHREAD_ONCE_INIT;
static int sigquit_err;

static void on_sigquit(int signo) {
  (void)signo;
  int saved = errno;
  sem_post(&sigquit_sem); /* async-signal-safe */
  errno = saved;
}

static void *sigquit_thread(void *arg) {
  (void)arg;
  for (;;) {
    if (sem_wait(&sigquit_sem) == 0)
      dump_all(2);
  }
  return NULL;
}

static void sigquit_start(void) {
  pthread_t th;
  pthread_attr_t attr;
  sigset_t all, old;
  if (sem_init(&sigquit_sem, 0, 0) != 0) {
    sigquit_err = -errno;
    return;
  }
  pthread_attr_init(&attr);
  pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
  sigfillset(&all); /* the dump thread takes no signal: the program's threads do */
  pthread_sigmask(SIG_SETMASK, &all, &old);
  sigquit_err = -pthread_create(&th, &attr, sigquit_thread, NULL);
  pthread_sigmask(SIG_SETMASK, &old, NULL);
  pthread_attr_destroy(&attr);
}

int ac_task_dump_on_sigquit(void) {
  pthread_once(&sigquit_once, sigquit_start);
  if (sigquit_err)
    return sigquit_err;
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_sigquit;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = SA_RESTART;
  return sigaction(SIGQUIT, &sa, NULL) == 0 ? 0 : -errno;
}

static void registry_init(void) {
  pthread_condattr_t ca;
  pthread_condattr_init(&ca);
  pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
  pthread_cond_init(&gate_cond, &ca);
  pthread_condattr_destroy(&ca);
  const char *env = getenv("ASYNCC_TASK_DUMP");
  if (env && strcmp(env, "1") == 0)
    ac_task_dump_on_sigquit();
}

void ac__dump_register(struct ac__dump_entry *e, struct ac__sched *s,
                       const struct ac__dump_ops *ops, struct ac_task *root, unsigned workers) {
  pthread_once(&registry_once, registry_init);
  ac__coarse_set(ac_now_ms());
  e->sched = s;
  e->ops = ops;
  e->root = root;
  e->workers = workers;
  pthread_mutex_lock(&registry_lock);
  e->next = registry;
  registry = e;
  pthread_mutex_unlock(&registry_lock);
}

void ac__dump_unregister(struct ac__dump_entry *e) {
  pthread_mutex_lock(&registry_lock);
  for (struct ac__dump_entry **p = &registry; *p; p = &(*p)->next)
    if (*p == e) {
      *p = e->next;
      break;
    }
  pthread_mutex_unlock(&registry_lock);
}

int ac_task_dump(int fd) { return dump_all(fd); }
