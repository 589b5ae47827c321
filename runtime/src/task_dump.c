/* The task dump: ac_task_dump, the SIGQUIT request, and the ac_trace_*
 * calls that generated f__trace functions and leaves make (see
 * task_dump.h for why the dump runs on the runtime's own thread).
 *
 * A task's lines are collected in a buffer first, because its first line
 * says how long it has waited, which only the leaf at the end of the chain
 * knows; then the whole task is written with write(2). */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "task_dump.h"

#include "context.h"
#include "driver.h"
#include "task.h"

#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

_Atomic uint32_t ac__coarse_ms;
_Atomic unsigned ac__dump_requests;
_Thread_local unsigned ac__dump_seen;

/* ------------------------------------------------------------- ac_trace */

#define TRACE_BUF 8192
#define TRACE_MAX_DEPTH 64 /* a cycle in corrupt frames must not loop forever */

struct ac_trace {
  char buf[TRACE_BUF];
  size_t len;
  bool truncated;
  int indent;       /* levels below the task line (1 = two spaces) */
  int depth;        /* frames entered: bounded by TRACE_MAX_DEPTH */
  bool has_since;
  uint32_t since;   /* earliest wait start a leaf reported */
  uint32_t now;     /* coarse clock when the task was traced */
};

static void vput(struct ac_trace *t, const char *fmt, va_list ap) {
  if (t->truncated)
    return;
  size_t room = TRACE_BUF - t->len;
  int n = 2 * t->indent < (int)room ? 2 * t->indent : 0;
  memset(t->buf + t->len, ' ', (size_t)n);
  int m = vsnprintf(t->buf + t->len + n, room - (size_t)n, fmt, ap);
  if (m < 0 || (size_t)(n + m) + 1 >= room) {
    t->truncated = true;
    return;
  }
  t->len += (size_t)(n + m);
  t->buf[t->len++] = '\n';
}

static void put(struct ac_trace *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void put(struct ac_trace *t, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vput(t, fmt, ap);
  va_end(ap);
}

void ac_trace_await(struct ac_trace *t, const char *file, unsigned line, const char *fn,
                    const char *callee) {
  put(t, "at %s:%u in %s, awaiting %s", file, line, fn, callee);
}

void ac_trace_frame(struct ac_trace *t, ac_trace_fn fn, const void *frame) {
  if (!fn || t->depth >= TRACE_MAX_DEPTH)
    return;
  t->depth++;
  fn(frame, t);
  t->depth--;
}

void ac_trace_nest(struct ac_trace *t, int delta) { t->indent += delta; }

void ac_trace_state(struct ac_trace *t, const char *fn, unsigned state) {
  if (state == 0)
    put(t, "in %s, not polled yet", fn);
  else if (state == AC_STATE_DONE)
    put(t, "in %s, completed", fn);
  else
    put(t, "in %s, state %u", fn, state);
}

void ac_trace_wait(struct ac_trace *t, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vput(t, fmt, ap);
  va_end(ap);
}

void ac_trace_since(struct ac_trace *t, unsigned coarse_ms) {
  /* several leaves in flight (a timeout): the task has waited since the
   * earliest; compared as ages, so the 32-bit wrap does not matter */
  if (!t->has_since || (uint32_t)(t->now - coarse_ms) > (uint32_t)(t->now - t->since))
    t->since = coarse_ms;
  t->has_since = true;
}

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
  char line[512];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(line, sizeof line, fmt, ap);
  va_end(ap);
  if (n > 0)
    write_all(fd, line, (size_t)n < sizeof line ? (size_t)n : sizeof line - 1);
}

struct dump_ctx {
  int fd;
  size_t tasks;
  struct ac_trace *trace; /* 8 KiB: on the heap, not a signal-sized stack */
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

static void dump_task(struct ac_task *task, void *p) {
  struct dump_ctx *d = p;
  struct ac_trace *t = d->trace;
  uint32_t s = atomic_load_explicit(&task->state, memory_order_acquire);
  const struct ac_spawn_desc *desc = task->desc;
  const void *frame = ac__task_frame(task);
  ac_trace_fn trace = desc->trace;
  const char *name = desc->name;
  if (desc == &ac__root_desc) {
    struct ac__root_task *r = (struct ac__root_task *)task;
    frame = r->frame;
    trace = r->trace;
    name = "root";
  }
  *t = (struct ac_trace){.indent = 1, .now = ac__coarse_now()};
  /* a running task is the caller, in the middle of its poll: its frames
   * are being written, so their states say nothing yet */
  if (!(s & (AC__TASK_COMPLETE | AC__TASK_NEW | AC__TASK_RUNNING))) {
    if (trace)
      ac_trace_frame(t, trace, frame);
    else
      put(t, "(no trace function: a hand-written frame)");
  }
  d->tasks++;
  const char *st = state_name(s);
  if (t->has_since && strcmp(st, "waiting") == 0)
    write_str(d->fd, "task %p %s%s%s%s: waiting %u ms\n", (void *)task, name ? name : "?",
              desc->site ? " (spawned at " : "", desc->site ? desc->site : "",
              desc->site ? ")" : "", (unsigned)(t->now - t->since));
  else
    write_str(d->fd, "task %p %s%s%s%s: %s\n", (void *)task, name ? name : "?",
              desc->site ? " (spawned at " : "", desc->site ? desc->site : "",
              desc->site ? ")" : "", st);
  write_all(d->fd, t->buf, t->len);
  if (t->truncated)
    write_str(d->fd, "  ... (truncated)\n");
}

/* On the runtime's thread, between polls or from a task of it. */
static void dump_runtime(struct ac__dump_entry *e, int fd) {
  if (e->workers) {
    write_str(fd, "asyncc task dump: multi-thread runtime (%u workers): its tasks are polled "
                  "on several threads at once and are not traced\n",
              e->workers);
    return;
  }
  struct dump_ctx d = {.fd = fd, .trace = malloc(sizeof(struct ac_trace))};
  if (!d.trace) {
    write_str(fd, "asyncc task dump: out of memory\n");
    return;
  }
  write_str(fd, "asyncc task dump: current-thread runtime, pid %d, at %llu ms\n", (int)getpid(),
            (unsigned long long)ac_now_ms());
  dump_task(e->root, &d);
  ac__arena_for_each(e->sched->arena, dump_task, &d);
  write_str(fd, "end of task dump (%zu tasks)\n", d.tasks);
  free(d.trace);
}

/* -------------------------------------------------------------- requests */

static pthread_mutex_t registry_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t registry_cond; /* an entry served a call, or left */
static pthread_once_t registry_once = PTHREAD_ONCE_INIT;
static struct ac__dump_entry *registry;
static _Atomic unsigned sig_requests;
static unsigned api_gen; /* a call's generation, with its fd */
static int api_fd = -1;
static pthread_mutex_t api_lock = PTHREAD_MUTEX_INITIALIZER; /* one call at a time */

static void on_sigquit(int signo) {
  (void)signo;
  /* async-signal-safe: lock-free atomics only; the runtime that was
   * interrupted in epoll_wait (EINTR) or the next one to turn dumps */
  atomic_fetch_add(&sig_requests, 1);
  atomic_fetch_add(&ac__dump_requests, 1);
}

int ac_task_dump_on_sigquit(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_sigquit;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = 0; /* no SA_RESTART: a parked runtime's epoll_wait returns */
  return sigaction(SIGQUIT, &sa, NULL) == 0 ? 0 : -errno;
}

static void registry_init(void) {
  pthread_condattr_t ca;
  pthread_condattr_init(&ca);
  pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
  pthread_cond_init(&registry_cond, &ca);
  pthread_condattr_destroy(&ca);
  const char *env = getenv("ASYNCC_TASK_DUMP");
  if (env && strcmp(env, "1") == 0)
    ac_task_dump_on_sigquit();
}

void ac__dump_register(struct ac__dump_entry *e, struct ac__sched *s, struct ac_task *root,
                       unsigned workers) {
  pthread_once(&registry_once, registry_init);
  ac__coarse_set(ac_now_ms());
  e->sched = s;
  e->root = root;
  e->workers = workers;
  pthread_mutex_lock(&registry_lock);
  e->sig_seen = atomic_load(&sig_requests);
  e->api_seen = api_gen;
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
  pthread_cond_broadcast(&registry_cond);
  pthread_mutex_unlock(&registry_lock);
}

void ac__dump_serve_slow(void) {
  struct ac__sched *mine = ac__context_current();
  pthread_mutex_lock(&registry_lock);
  ac__dump_seen = atomic_load(&ac__dump_requests);
  for (struct ac__dump_entry *e = registry; e; e = e->next) {
    if (e->sched != mine)
      continue;
    unsigned sig = atomic_load(&sig_requests);
    if (sig != e->sig_seen) {
      e->sig_seen = sig;
      dump_runtime(e, 2);
    }
    if (e->api_seen != api_gen) {
      e->api_seen = api_gen;
      dump_runtime(e, api_fd);
      pthread_cond_broadcast(&registry_cond);
    }
  }
  pthread_mutex_unlock(&registry_lock);
}

static bool all_served(void) {
  for (struct ac__dump_entry *e = registry; e; e = e->next)
    if (e->api_seen != api_gen)
      return false;
  return true;
}

int ac_task_dump(int fd) {
  pthread_once(&registry_once, registry_init);
  pthread_mutex_lock(&api_lock);
  pthread_mutex_lock(&registry_lock);
  api_gen++;
  api_fd = fd;
  struct ac__sched *mine = ac__context_current();
  /* counted before any runtime is woken: a runtime that wakes and looks
   * before the count went up would park again without serving */
  atomic_fetch_add(&ac__dump_requests, 1);
  for (struct ac__dump_entry *e = registry; e; e = e->next) {
    if (e->sched == mine || e->workers) {
      /* our own runtime (we are between its polls or in one), or one whose
       * frames are not traced: answered here */
      e->api_seen = api_gen;
      dump_runtime(e, fd);
    } else {
      ac__driver_unpark(e->sched->driver);
    }
  }
  struct timespec until;
  clock_gettime(CLOCK_MONOTONIC, &until);
  until.tv_sec += 2;
  int err = 0;
  while (!all_served() && err != ETIMEDOUT)
    err = pthread_cond_timedwait(&registry_cond, &registry_lock, &until);
  err = all_served() ? 0 : -ETIMEDOUT;
  api_fd = -1;
  pthread_mutex_unlock(&registry_lock);
  pthread_mutex_unlock(&api_lock);
  return err;
}
