/* The multi-thread work-stealing executor (see executor_mt.h), after
 * tokio's runtime/scheduler/multi_thread.
 *
 * Where a runnable task sits:
 *   LIFO slot    a task woken by the task this worker is polling (a message
 *                hand-off): polled next, while its data is in cache.  At most
 *                AC__MT_MAX_LIFO_POLLS in a row, then it goes to the queue.
 *   local queue  the worker's ring (local_queue.h): wakes on this worker,
 *                yields (to the back), spawns, the displaced LIFO task.
 *   global       mutex-protected FIFO: wakes from other threads, the half
 *                of a full local queue, work no worker owns.
 *
 * One worker's loop:
 *   1. next    every 61st poll the global queue first (so it is not
 *              starved by busy local queues), else local, else a batch
 *              from the global queue;
 *   2. steal   nothing: become a searcher (at most half the workers at
 *              once), steal half the queue of each other worker in turn
 *              from a random one, then the global queue again;
 *   3. run     poll it, then its LIFO chain; every 61 polls also look at
 *              the driver without blocking, so timers and I/O are served
 *              even when no worker is idle;
 *   4. park    nothing found: list itself asleep, then sleep in the driver
 *              if no other worker does (trylock), else on its condvar.
 *
 * Waking idle workers (tokio's idle.rs).  Work added by a wake calls
 * notify_parked, which unparks one sleeper, as a searcher, only when no
 * worker is searching: a searcher will find the work anyway, and waking
 * more workers than there is work just burns CPU.  A searcher that finds
 * work and was the last searcher wakes another, so work spreads one worker
 * at a time.  The race "a pusher sees a searcher (or no sleeper), the
 * worker then goes to sleep" is closed by list_asleep: a worker about to
 * sleep rereads every queue after listing itself, ordered with the pusher
 * by read-modify-writes of num_searching.
 *
 * Parking a worker (tokio's park.rs): park_state goes EMPTY -> PARKED_*,
 * an unpark swaps in NOTIFIED and, depending on what it replaced, signals
 * the condvar (under its mutex, so the signal cannot fall between the
 * sleeper's check and its wait) or unparks the driver (eventfd).
 *
 * Shutdown: the worker that completes the root raises 'shutdown' and
 * unparks everyone; worker 0 (the calling thread) joins the others, then,
 * alone, empties every queue, drops the root if unfinished and every live
 * spawned task, and releases them (as the current-thread executor does). */
#include "executor_mt.h"

#include "context.h"
#include "task_dump.h"

#include <errno.h>
#include <stdlib.h>

#define EVENT_INTERVAL 61 /* as AC__EVENT_INTERVAL of the current-thread executor */

enum { PARK_EMPTY, PARK_NOTIFIED, PARK_CONDVAR, PARK_DRIVER };

static struct ac__executor_mt *of(struct ac__sched *s) { return (struct ac__executor_mt *)s; }

static bool shutting_down(struct ac__executor_mt *ex) {
  return atomic_load_explicit(&ex->shutdown, memory_order_acquire);
}

/* ------------------------------------------------------------- parking */

static void unpark_worker(struct ac__worker *w) {
  switch (atomic_exchange(&w->park_state, PARK_NOTIFIED)) {
  case PARK_CONDVAR:
    pthread_mutex_lock(&w->park_lock);
    pthread_mutex_unlock(&w->park_lock);
    pthread_cond_signal(&w->park_cond);
    break;
  case PARK_DRIVER:
    ac__driver_unpark(&w->ex->driver);
    break;
  default: /* not asleep: it sees NOTIFIED before it sleeps */
    break;
  }
}

static void park_on_condvar(struct ac__worker *w) {
  unsigned expected = PARK_EMPTY;
  pthread_mutex_lock(&w->park_lock);
  if (atomic_compare_exchange_strong(&w->park_state, &expected, PARK_CONDVAR)) {
    expected = PARK_NOTIFIED;
    while (!atomic_compare_exchange_strong(&w->park_state, &expected, PARK_EMPTY)) {
      pthread_cond_wait(&w->park_cond, &w->park_lock);
      expected = PARK_NOTIFIED;
    }
  } else {
    atomic_store(&w->park_state, PARK_EMPTY); /* consume the NOTIFIED */
  }
  pthread_mutex_unlock(&w->park_lock);
}

static void record_error(struct ac__executor_mt *ex, int err);

/* In the driver: block until a timer, an fd or an unpark.  Timer and I/O
 * wakes land in this worker's local queue (it is listed asleep, so they do
 * not notify; the caller spreads them afterwards). */
static void park_in_driver(struct ac__worker *w) {
  unsigned expected = PARK_EMPTY;
  int err;
  if (!atomic_compare_exchange_strong(&w->park_state, &expected, PARK_DRIVER)) {
    atomic_store(&w->park_state, PARK_EMPTY);
    return;
  }
  w->in_driver = true;
  /* About to block: give memory back (ac__arena_trim).  trylock: the arena
   * is busy, so not idle after all. */
  w->ex->driver.wake_at = 0;
  if (pthread_mutex_trylock(&w->ex->spawn_lock) == 0) {
    w->ex->driver.wake_at = ac__arena_trim(&w->ex->arena, ac__driver_now_ms(&w->ex->driver));
    pthread_mutex_unlock(&w->ex->spawn_lock);
  }
  err = ac__driver_park(&w->ex->driver, true);
  w->in_driver = false;
  atomic_store(&w->park_state, PARK_EMPTY);
  if (err)
    record_error(w->ex, err);
}

/* Sleeps until unparked (or, in the driver, a timer or fd).  Returns
 * whether it slept in the driver. */
static bool park_thread(struct ac__worker *w) {
  unsigned expected = PARK_NOTIFIED;
  if (atomic_compare_exchange_strong(&w->park_state, &expected, PARK_EMPTY))
    return false;
  if (pthread_mutex_trylock(&w->ex->driver_lock) == 0) {
    park_in_driver(w);
    pthread_mutex_unlock(&w->ex->driver_lock);
    return true;
  }
  park_on_condvar(w);
  return false;
}

/* ------------------------------------------------------ idle workers */

/* Work was added: wake one sleeping worker as a searcher, unless a worker
 * is searching already or none sleeps.  The read of num_searching is a
 * read-modify-write so that it is ordered with list_asleep's (see
 * there); plain fences are invisible to ThreadSanitizer. */
static void notify_parked(struct ac__executor_mt *ex) {
  struct ac__worker *w;
  if (atomic_fetch_add(&ex->num_searching, 0) != 0 ||
      atomic_load(&ex->num_unparked) >= ex->nworkers)
    return;
  pthread_mutex_lock(&ex->idle_lock);
  if (atomic_load(&ex->num_searching) != 0 || ex->nsleepers == 0) {
    pthread_mutex_unlock(&ex->idle_lock);
    return;
  }
  w = &ex->workers[ex->sleepers[--ex->nsleepers]];
  w->asleep = false;
  w->woken_searching = true;
  atomic_fetch_add(&ex->num_searching, 1);
  atomic_fetch_add(&ex->num_unparked, 1);
  pthread_mutex_unlock(&ex->idle_lock);
  unpark_worker(w);
}

static bool work_pending(struct ac__executor_mt *ex) {
  if (atomic_load(&ex->global_len) > 0)
    return true;
  for (unsigned i = 0; i < ex->nworkers; i++)
    if (ac__local_queue_len(&ex->workers[i].run) > 0)
      return true;
  return false;
}

static bool start_searching(struct ac__worker *w) {
  struct ac__executor_mt *ex = w->ex;
  if (w->searching)
    return true;
  /* At most half the workers search, so stealing does not contend. */
  if (2 * atomic_load(&ex->num_searching) >= ex->nworkers)
    return false;
  atomic_fetch_add(&ex->num_searching, 1);
  w->searching = true;
  return true;
}

/* Found work: if it was the last searcher, wake another to keep looking. */
static void stop_searching(struct ac__worker *w) {
  w->searching = false;
  if (atomic_fetch_sub(&w->ex->num_searching, 1) == 1)
    notify_parked(w->ex);
}

/* Lists 'w' asleep, then looks at every queue once more and wakes someone
 * (maybe itself) if it finds work.  Against a concurrent pusher this is
 * Dekker's pattern on num_searching: the pusher publishes its task, then
 * RMWs num_searching and reads num_unparked (notify_parked); this side
 * lowers num_unparked, then RMWs num_searching, then reads the queues.
 * Whichever RMW comes second sees the other side's write. */
static void list_asleep(struct ac__worker *w) {
  struct ac__executor_mt *ex = w->ex;
  pthread_mutex_lock(&ex->idle_lock);
  atomic_fetch_sub(&ex->num_unparked, 1);
  ex->sleepers[ex->nsleepers++] = w->index;
  w->asleep = true;
  if (w->searching) {
    w->searching = false;
    atomic_fetch_sub(&ex->num_searching, 1);
  } else {
    atomic_fetch_add(&ex->num_searching, 0);
  }
  pthread_mutex_unlock(&ex->idle_lock);
  if (work_pending(ex))
    notify_parked(ex);
}

/* After a park: off the sleeper list (a notifier may have taken it off
 * already, making it a searcher). */
static void unlist_asleep(struct ac__worker *w) {
  struct ac__executor_mt *ex = w->ex;
  pthread_mutex_lock(&ex->idle_lock);
  if (w->asleep) {
    for (unsigned i = 0; i < ex->nsleepers; i++)
      if (ex->sleepers[i] == w->index) {
        ex->sleepers[i] = ex->sleepers[--ex->nsleepers];
        break;
      }
    w->asleep = false;
    atomic_fetch_add(&ex->num_unparked, 1);
  } else if (w->woken_searching) {
    w->woken_searching = false;
    w->searching = true;
  }
  pthread_mutex_unlock(&ex->idle_lock);
}

static void begin_shutdown(struct ac__executor_mt *ex) {
  atomic_store(&ex->shutdown, true);
  for (unsigned i = 0; i < ex->nworkers; i++)
    unpark_worker(&ex->workers[i]);
}

static void record_error(struct ac__executor_mt *ex, int err) {
  int none = 0;
  atomic_compare_exchange_strong(&ex->err, &none, err);
  begin_shutdown(ex);
}

/* -------------------------------------------------------------- queues */

static void push_global_list(struct ac__executor_mt *ex, struct ac__task_queue *list,
                             size_t n) {
  pthread_mutex_lock(&ex->global_lock);
  ac__task_queue_append(&ex->global, list);
  atomic_store(&ex->global_len, atomic_load(&ex->global_len) + n);
  pthread_mutex_unlock(&ex->global_lock);
}

/* Owner: to the back of the local queue, half of it to the global queue
 * when full; then let a sleeping worker know. */
static void push_local(struct ac__worker *w, struct ac_task *t) {
  struct ac__task_queue overflow;
  if (!ac__local_queue_push(&w->run, t, &overflow))
    push_global_list(w->ex, &overflow, AC__LOCAL_QUEUE_CAP / 2 + 1);
  if (!w->in_driver)
    notify_parked(w->ex);
}

/* Up to 'max' tasks off the global queue: the first is returned, the rest
 * go to the (empty) local queue. */
static struct ac_task *take_global(struct ac__worker *w, size_t max) {
  struct ac__executor_mt *ex = w->ex;
  struct ac_task *first;
  size_t len, n;
  if (atomic_load_explicit(&ex->global_len, memory_order_relaxed) == 0)
    return NULL;
  pthread_mutex_lock(&ex->global_lock);
  len = atomic_load(&ex->global_len);
  /* A fair share, so one worker does not hoard what others could run. */
  n = len / ex->nworkers + 1;
  if (n > len)
    n = len;
  if (n > max)
    n = max;
  first = ac__task_queue_pop(&ex->global);
  for (size_t i = 1; i < n; i++) {
    struct ac__task_queue unused;
    ac__local_queue_push(&w->run, ac__task_queue_pop(&ex->global), &unused);
  }
  atomic_store(&ex->global_len, len - n);
  pthread_mutex_unlock(&ex->global_lock);
  return first;
}

static void schedule(struct ac__sched *s, struct ac_task *t) {
  struct ac__executor_mt *ex = of(s);
  struct ac__worker *w = ac__context_worker();
  if (w && w->ex == ex && !shutting_down(ex)) {
    if (w->in_poll) { /* woken by the running task: the LIFO slot */
      struct ac_task *prev = w->lifo;
      w->lifo = t;
      if (!prev)
        return; /* runs right after the current poll: nobody to wake */
      t = prev;
    }
    push_local(w, t);
    return;
  }
  /* Another thread.  Notify under the lock: destroy takes it first, so the
   * executor outlives this call. */
  pthread_mutex_lock(&ex->global_lock);
  ac__task_queue_push(&ex->global, t);
  atomic_store(&ex->global_len, atomic_load(&ex->global_len) + 1);
  if (!shutting_down(ex))
    notify_parked(ex);
  pthread_mutex_unlock(&ex->global_lock);
}

/* -------------------------------------------------------------- running */

static struct ac_task *next_task(struct ac__worker *w) {
  struct ac_task *t;
  if (w->tick % EVENT_INTERVAL == 0 && (t = take_global(w, 1)))
    return t;
  if ((t = ac__local_queue_pop(&w->run)))
    return t;
  return take_global(w, AC__LOCAL_QUEUE_CAP / 2);
}

static uint32_t next_random(struct ac__worker *w) {
  uint32_t x = w->rng; /* xorshift32 */
  x ^= x << 13;
  x ^= x >> 17;
  x ^= x << 5;
  return w->rng = x;
}

static struct ac_task *steal_work(struct ac__worker *w) {
  struct ac__executor_mt *ex = w->ex;
  unsigned n = ex->nworkers;
  unsigned start = next_random(w) % n;
  if (!start_searching(w))
    return NULL;
  for (unsigned i = 0; i < n; i++) {
    struct ac__worker *victim = &ex->workers[(start + i) % n];
    unsigned stolen;
    struct ac_task *t;
    if (victim == w)
      continue;
    if ((t = ac__local_queue_steal(&victim->run, &w->run, &stolen))) {
      atomic_fetch_add_explicit(&ex->steal_ops, 1, memory_order_relaxed);
      atomic_fetch_add_explicit(&ex->stolen, stolen, memory_order_relaxed);
      return t;
    }
  }
  return take_global(w, AC__LOCAL_QUEUE_CAP / 2);
}

/* Looks at the driver without blocking, if no other worker is in it. */
static void poll_driver(struct ac__worker *w) {
  struct ac__executor_mt *ex = w->ex;
  int err;
  if (pthread_mutex_trylock(&ex->driver_lock) != 0)
    return;
  err = ac__driver_park(&ex->driver, false);
  pthread_mutex_unlock(&ex->driver_lock);
  if (err)
    record_error(ex, err);
}

static void poll_task(struct ac__worker *w, struct ac_task *t) {
  struct ac__executor_mt *ex = w->ex;
  struct ac_cx cx = {.task = t, .driver = &ex->driver, .budget = AC__COOP_BUDGET};
  ac_poll r;
  ac__dump_poll_begin(&w->dump, t);
  ac__task_begin_poll(t);
  /* RUNNING must be visible before ac__task_poll reads ABORT: ac_task_abort
   * sets ABORT, then reads 'state', and ignores a SCHEDULED task.  Without
   * the fence (store then load: the store buffer reorders them) both could
   * miss the other's write, and an aborted task would go IDLE with nobody
   * to wake it (unit.reactor_abort_storm_mt hung). Pairs with the fence in
   * ac_task_abort. */
  atomic_thread_fence(memory_order_seq_cst);
  w->in_poll = true;
  r = ac__task_poll(t, &cx); /* AC_READY: t may be gone (not the root); a
                              * joiner it woke got the LIFO slot */
  if (r == AC_READY) {
    if (t == ex->root)
      begin_shutdown(ex);
  }
  w->in_poll = false;
  ac__dump_poll_end(&w->dump);
  if (r == AC_PENDING && ac__task_end_poll(t)) {
    push_local(w, t); /* woken while it ran (ac_yield): to the back */
  }
  if (++w->tick % EVENT_INTERVAL == 0)
    poll_driver(w);
}

/* Polls 't', then the tasks it hands off through the LIFO slot. */
static void run_task(struct ac__worker *w, struct ac_task *t) {
  poll_task(w, t);
  for (int lifo_polls = 0; w->lifo; lifo_polls++) {
    t = w->lifo;
    w->lifo = NULL;
    if (lifo_polls == AC__MT_MAX_LIFO_POLLS || shutting_down(w->ex)) {
      push_local(w, t); /* enough hand-offs: let the queue run */
      return;
    }
    atomic_store_explicit(&w->lifo_polls,
                          atomic_load_explicit(&w->lifo_polls, memory_order_relaxed) + 1,
                          memory_order_relaxed);
    poll_task(w, t);
  }
}

/* Nothing to do: sleep until woken, then take stock. */
static void park(struct ac__worker *w) {
  struct ac__executor_mt *ex = w->ex;
  bool in_driver;
  list_asleep(w);
  if (shutting_down(ex)) {
    unlist_asleep(w);
    return;
  }
  in_driver = park_thread(w);
  unlist_asleep(w);
  if (in_driver) {
    /* Wakes from the driver went to our queue without notifying: share
     * them.  And if timers or fds are armed, make sure an idle worker
     * takes over the driver while this one runs tasks. */
    if (ac__local_queue_len(&w->run) > 1 || !ac__driver_idle(&ex->driver))
      notify_parked(ex);
  }
}

static void worker_loop(struct ac__worker *w) {
  while (!shutting_down(w->ex)) {
    ac__dump_checkpoint(&w->dump);
    struct ac_task *t = next_task(w);
    if (!t)
      t = steal_work(w);
    if (t) {
      if (w->searching)
        stop_searching(w);
      run_task(w, t);
      continue;
    }
    park(w);
  }
}

static void *worker_main(void *arg) {
  struct ac__worker *w = arg;
  ac__context_enter(&w->ex->sched); /* a fresh thread: runs no runtime */
  ac__context_set_worker(w);
  worker_loop(w);
  ac__dump_thread_done(&w->dump);
  ac__context_exit();
  return NULL;
}

/* ------------------------------------------------------ setup, shutdown */

void ac__executor_mt_unpark_all(struct ac__executor_mt *ex) {
  for (unsigned i = 0; i < ex->nworkers; i++)
    unpark_worker(&ex->workers[i]);
}

struct ac__executor_mt *ac__executor_mt_of(struct ac__sched *s) {
  return s && s->schedule == schedule ? of(s) : NULL;
}

void ac__executor_mt_stats(struct ac__executor_mt *ex, struct ac__mt_stats *out) {
  out->steal_ops = atomic_load_explicit(&ex->steal_ops, memory_order_relaxed);
  out->stolen = atomic_load_explicit(&ex->stolen, memory_order_relaxed);
  out->lifo_polls = 0;
  for (unsigned i = 0; i < ex->nworkers; i++)
    out->lifo_polls += atomic_load_explicit(&ex->workers[i].lifo_polls, memory_order_relaxed);
}

int ac__executor_mt_init(struct ac__executor_mt *ex, unsigned nworkers) {
  int err = -ENOMEM;
  unsigned i = 0;
  *ex = (struct ac__executor_mt){0};
  ex->nworkers = nworkers;
  ex->workers = calloc(nworkers, sizeof *ex->workers);
  ex->sleepers = calloc(nworkers, sizeof *ex->sleepers);
  if (!ex->workers || !ex->sleepers)
    goto fail_alloc;
  err = ac__driver_init(&ex->driver, true);
  if (err)
    goto fail_alloc;
  err = ac__driver_make_shared(&ex->driver);
  if (err)
    goto fail_driver;
  pthread_mutex_init(&ex->global_lock, NULL);
  pthread_mutex_init(&ex->idle_lock, NULL);
  pthread_mutex_init(&ex->driver_lock, NULL);
  pthread_mutex_init(&ex->spawn_lock, NULL);
  for (; i < nworkers; i++) {
    struct ac__worker *w = &ex->workers[i];
    w->ex = ex;
    w->index = i;
    w->rng = 0x9e3779b9u * (i + 1);
    ac__local_queue_init(&w->run);
    atomic_init(&w->park_state, PARK_EMPTY);
    pthread_mutex_init(&w->park_lock, NULL);
    pthread_cond_init(&w->park_cond, NULL);
  }
  ex->sched.schedule = schedule;
  ex->sched.driver = &ex->driver;
  /* One arena for all workers, under spawn_lock (a leaf lock). */
  ex->sched.arena = &ex->arena;
  ac__arena_init(&ex->arena, &ex->sched, &ex->spawn_lock);
  atomic_init(&ex->num_unparked, nworkers);
  return 0;

fail_driver:
  ac__driver_destroy(&ex->driver);
fail_alloc:
  free(ex->workers);
  free(ex->sleepers);
  return err;
}

void ac__executor_mt_destroy(struct ac__executor_mt *ex) {
  /* Wait out a foreign waker still inside schedule(). */
  pthread_mutex_lock(&ex->global_lock);
  pthread_mutex_unlock(&ex->global_lock);
  for (unsigned i = 0; i < ex->nworkers; i++) {
    pthread_mutex_destroy(&ex->workers[i].park_lock);
    pthread_cond_destroy(&ex->workers[i].park_cond);
  }
  pthread_mutex_destroy(&ex->global_lock);
  pthread_mutex_destroy(&ex->idle_lock);
  pthread_mutex_destroy(&ex->driver_lock);
  ac__arena_destroy(&ex->arena);
  pthread_mutex_destroy(&ex->spawn_lock);
  ac__driver_destroy(&ex->driver);
  free(ex->workers);
  free(ex->sleepers);
}

/* Empties every queue without polling (workers stopped): each task in them
 * is the root or a live spawned task, which shutdown drops. */
static void drain_queues(struct ac__executor_mt *ex) {
  pthread_mutex_lock(&ex->global_lock);
  while (ac__task_queue_pop(&ex->global))
    ;
  atomic_store(&ex->global_len, 0);
  pthread_mutex_unlock(&ex->global_lock);
  for (unsigned i = 0; i < ex->nworkers; i++) {
    struct ac__worker *w = &ex->workers[i];
    w->lifo = NULL;
    while (ac__local_queue_pop(&w->run))
      ;
  }
}

int ac__executor_mt_block_on(struct ac__executor_mt *ex, struct ac_task *root) {
  struct ac__worker *w0 = &ex->workers[0];
  unsigned started = 1;
  int err = ac__context_enter(&ex->sched);
  if (err)
    return err;
  ac__context_set_worker(w0);
  ex->root = root;
  for (; started < ex->nworkers; started++) {
    struct ac__worker *w = &ex->workers[started];
    if (pthread_create(&w->thread, NULL, worker_main, w) != 0)
      break;
  }
  /* Workers that could not start are neither running nor listed asleep:
   * never woken, their queues stay empty. */
  for (unsigned i = started; i < ex->nworkers; i++) {
    atomic_fetch_sub(&ex->num_unparked, 1);
    ac__dump_thread_done(&ex->workers[i].dump);
  }
  ac__task_wake(root); /* first poll: worker 0's queue */
  worker_loop(w0);
  for (unsigned i = 1; i < started; i++)
    pthread_join(ex->workers[i].thread, NULL);

  /* Alone now.  Drops may wake joiners: queued (globally, as shutdown is
   * raised), drained again. */
  drain_queues(ex);
  ac__tasks_shutdown_drop(&ex->arena, root);
  drain_queues(ex);
  ac__tasks_release_live(&ex->arena);
  ac__dump_thread_done(&w0->dump); /* a dump until unregistered need not wait */
  ac__context_exit();
  return atomic_load(&ex->err);
}
