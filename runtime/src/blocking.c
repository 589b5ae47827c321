/* ac_spawn_blocking: a lazily started, bounded pool of detached worker
 * threads fed by an intrusive FIFO of job nodes that live in leaf frames.
 *
 * One mutex guards the queue, the counters and every field of every job.
 * The pool thread wakes the awaiting task while still holding the mutex:
 * the frame (hence the task that contains it) cannot be dropped or completed
 * before the executor takes the same mutex, so no task reference is needed
 * and a drop that returns can never race with the pool thread.
 * Lock order: pool mutex -> executor injection lock (inside ac_task_wake). */
#include <asyncc/blocking.h>

#include "leaf_trace.h"
#include "pool.h"
#include "task.h"

#include <errno.h>
#include <pthread.h>
#include <stdbool.h>
#include <time.h>

enum { JOB_IDLE = 0, JOB_QUEUED = 1, JOB_RUNNING = 2, JOB_DONE = 3 };

static pthread_mutex_t pool_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t work_cv;  /* CLOCK_MONOTONIC; jobs queued */
static pthread_cond_t done_cv;  /* a job finished (droppers wait on it) */
static pthread_once_t pool_once = PTHREAD_ONCE_INIT;
static struct ac_blocking_job *q_head, **q_tail = &q_head;
static unsigned q_len, n_threads, n_idle, max_threads = AC_BLOCKING_DEFAULT_MAX;

static void pool_init(void) {
  pthread_condattr_t a;
  pthread_condattr_init(&a);
  pthread_condattr_setclock(&a, CLOCK_MONOTONIC);
  pthread_cond_init(&work_cv, &a);
  pthread_condattr_destroy(&a);
  pthread_cond_init(&done_cv, NULL);
}

static void q_push(struct ac_blocking_job *j) {
  j->next = NULL;
  j->pprev = q_tail;
  *q_tail = j;
  q_tail = &j->next;
  q_len++;
}

static void q_unlink(struct ac_blocking_job *j) {
  *j->pprev = j->next;
  if (j->next)
    j->next->pprev = j->pprev;
  else
    q_tail = j->pprev;
  j->next = NULL;
  j->pprev = NULL;
  q_len--;
}

static void *worker(void *unused) {
  (void)unused;
  pthread_mutex_lock(&pool_mu);
  for (;;) {
    while (!q_head) {
      if (n_threads > max_threads)
        goto out;
      struct timespec ts;
      clock_gettime(CLOCK_MONOTONIC, &ts);
      ts.tv_sec += AC_BLOCKING_IDLE_MS / 1000;
      ts.tv_nsec += (long)(AC_BLOCKING_IDLE_MS % 1000) * 1000000L;
      if (ts.tv_nsec >= 1000000000L) {
        ts.tv_sec++;
        ts.tv_nsec -= 1000000000L;
      }
      n_idle++;
      int rc = pthread_cond_timedwait(&work_cv, &pool_mu, &ts);
      n_idle--;
      if (rc == ETIMEDOUT && !q_head)
        goto out;
    }
    struct ac_blocking_job *j = q_head;
    q_unlink(j);
    j->state = JOB_RUNNING;
    void *(*fn)(void *) = j->fn;
    void *arg = j->arg;
    pthread_mutex_unlock(&pool_mu);
    void *r = fn(arg);
    pthread_mutex_lock(&pool_mu);
    if (j->orphan) { /* nobody awaits it: the orphan callback frees j */
      void (*orphan)(void *) = j->orphan;
      pthread_mutex_unlock(&pool_mu);
      orphan(arg);
      pthread_mutex_lock(&pool_mu);
      continue;
    }
    j->result = r;
    j->state = JOB_DONE;
    ac__task_wake(j->task);
    pthread_cond_broadcast(&done_cv);
    /* j may be freed as soon as the mutex is released: not touched again. */
  }
out:
  n_threads--;
  pthread_mutex_unlock(&pool_mu);
  return NULL;
}

/* Called with pool_mu held, after queuing.  Returns false if no thread
 * exists and none could be started. */
static bool ensure_worker(void) {
  if (q_len > n_idle && n_threads < max_threads) {
    pthread_attr_t a;
    pthread_t th;
    pthread_attr_init(&a);
    pthread_attr_setdetachstate(&a, PTHREAD_CREATE_DETACHED);
    int rc = pthread_create(&th, &a, worker, NULL);
    pthread_attr_destroy(&a);
    if (rc == 0)
      n_threads++;
  }
  if (n_idle)
    pthread_cond_signal(&work_cv);
  return n_threads > 0;
}

void ac_spawn_blocking__init(struct ac_spawn_blocking__frame *f, void *(*fn)(void *),
                             void *arg) {
  f->ac_state = 0;
  f->job.next = NULL;
  f->job.pprev = NULL;
  f->job.fn = fn;
  f->job.arg = arg;
  f->job.result = NULL;
  f->job.task = NULL;
  f->job.orphan = NULL;
  f->job.state = JOB_IDLE;
  f->ac_result = NULL;
}

ac_poll ac_spawn_blocking__poll(struct ac_spawn_blocking__frame *f, struct ac_cx *cx) {
  struct ac_blocking_job *j = &f->job;
  if (f->ac_state == 0) {
    pthread_once(&pool_once, pool_init);
    pthread_mutex_lock(&pool_mu);
    j->task = cx->task;
    j->state = JOB_QUEUED;
    q_push(j);
    bool ok = ensure_worker();
    if (!ok)
      q_unlink(j);
    pthread_mutex_unlock(&pool_mu);
    if (!ok) { /* no thread at all: run it here rather than hang */
      j->state = JOB_DONE;
      f->ac_result = j->fn(j->arg);
      f->ac_state = AC_STATE_DONE;
      return AC_READY;
    }
    f->ac_state = 1;
    return AC_PENDING;
  }
  pthread_mutex_lock(&pool_mu);
  if (j->state == JOB_DONE) {
    f->ac_result = j->result;
    pthread_mutex_unlock(&pool_mu);
    f->ac_state = AC_STATE_DONE;
    return AC_READY;
  }
  j->task = cx->task;
  pthread_mutex_unlock(&pool_mu);
  return AC_PENDING;
}

void ac_spawn_blocking__drop(struct ac_spawn_blocking__frame *f) {
  if (f->ac_state == 1) {
    struct ac_blocking_job *j = &f->job;
    pthread_mutex_lock(&pool_mu);
    if (j->state == JOB_QUEUED)
      q_unlink(j);
    else
      while (j->state == JOB_RUNNING)
        pthread_cond_wait(&done_cv, &pool_mu);
    j->state = JOB_DONE;
    pthread_mutex_unlock(&pool_mu);
  }
  f->ac_state = AC_STATE_DONE;
}

bool ac__blocking_abandon(struct ac_spawn_blocking__frame *f, void (*orphan)(void *arg)) {
  struct ac_blocking_job *j = &f->job;
  bool free_now = true;
  if (f->ac_state != 1) {
    f->ac_state = AC_STATE_DONE;
    return true;
  }
  pthread_mutex_lock(&pool_mu);
  if (j->state == JOB_QUEUED) {
    q_unlink(j);
    j->state = JOB_DONE;
  } else if (j->state == JOB_RUNNING) {
    j->orphan = orphan;
    free_now = false;
  }
  /* Under the lock: once it is released, an orphaned job (and 'f' with it,
   * which the job's owner embeds) belongs to the pool thread, which frees
   * it as soon as fn returns. */
  f->ac_state = AC_STATE_DONE;
  pthread_mutex_unlock(&pool_mu);
  return free_now;
}

void ac_blocking_set_max_threads(unsigned n) {
  pthread_once(&pool_once, pool_init);
  pthread_mutex_lock(&pool_mu);
  max_threads = n ? n : 1;
  pthread_cond_broadcast(&work_cv); /* surplus idle threads exit */
  pthread_mutex_unlock(&pool_mu);
}

unsigned ac_blocking_thread_count(void) {
  pthread_mutex_lock(&pool_mu);
  unsigned n = n_threads;
  pthread_mutex_unlock(&pool_mu);
  return n;
}

void ac_spawn_blocking__trace(const void *frame, struct ac_trace *t) {
  const struct ac_spawn_blocking__frame *f = frame;
  ac_trace_wait(t, f->ac_state == 1 ? "blocking pool job %p(%p)" : "blocking pool job %p(%p), not submitted",
                (void *)(__UINTPTR_TYPE__)f->job.fn, f->job.arg);
}
