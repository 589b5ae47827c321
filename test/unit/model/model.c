/* A loom-style model checker for the completion / join / free protocol
 * (task.c, spawn.c, joinset.c), issue 14.
 *
 * Those three files are compiled into this program with model_hooks.h
 * forced in front, so each of their atomic operations and mutex calls is a
 * step.  A scenario is two threads (coroutines) running real runtime
 * calls, say a member task completing against its owner freeing the join
 * set.  Only one thread runs at a time: at each step it switches back to
 * the checker, which picks who goes next.  A depth-first search over those choices,
 * replaying each execution from scratch, visits every interleaving of the
 * two threads' steps; after each, the scenario checks its invariants
 * (every task freed exactly once, no joiner reference lost or dropped
 * twice, a wake exactly when promised).  Built plain and with ASan, which
 * catches a step that touches freed memory.
 *
 *   asyncc_model [scenario]      all scenarios, or one; prints executions */
#include "task.h"

#include <asyncc/joinset.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ucontext.h>

#undef pthread_mutex_lock
#undef pthread_mutex_unlock

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/asan_interface.h>
#define POISON(p, n) ASAN_POISON_MEMORY_REGION(p, n)
#define UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION(p, n)
#else
#define POISON(p, n) ((void)(p), (void)(n))
#define UNPOISON(p, n) ((void)(p), (void)(n))
#endif

#define FAIL(...)                                                                          \
  do {                                                                                     \
    fprintf(stderr, "model: " __VA_ARGS__);                                                \
    fputc('\n', stderr);                                                                   \
    dump_schedule();                                                                       \
    abort();                                                                               \
  } while (0)

/* ------------------------------------------------------------ the checker */

enum { THREADS = 2, MAX_DEPTH = 400, MAX_LOCKED = 8 };

/* The two "threads" are coroutines (ucontext) on one OS thread: a step is
 * a switch back to the checker, ~100x cheaper than handing a real thread
 * the baton, so every interleaving of a scenario fits in a few seconds. */
struct mthread {
  ucontext_t ctx;
  void (*fn)(void);
  bool done;
  bool yielded;                /* in sched_yield: others go first */
  pthread_mutex_t *blocked_on; /* waits for this model mutex */
};

enum { STACK_SIZE = 256 << 10 };
static ucontext_t checker;
static struct mthread threads[THREADS];
static char *stacks[THREADS];
static int current = -1;                    /* the running thread; -1: the checker */
static pthread_mutex_t *locked[MAX_LOCKED]; /* model mutexes held */

/* Choices of the current execution: which thread (index among the enabled
 * ones) and how many were enabled, per step. */
static unsigned char choice[MAX_DEPTH], options[MAX_DEPTH], who[MAX_DEPTH];
static int depth, prefix;
static int bound; /* preemptions allowed per execution; 0: no limit */

static void dump_schedule(void) {
  fprintf(stderr, "model: schedule (thread per step):");
  for (int i = 0; i < depth; i++)
    fprintf(stderr, " %d", who[i]);
  fputc('\n', stderr);
}

static bool is_locked(pthread_mutex_t *m) {
  for (int i = 0; i < MAX_LOCKED; i++)
    if (locked[i] == m)
      return true;
  return false;
}

void ac_model_step(void) {
  int me = current;
  if (me < 0)
    return;
  current = -1;
  swapcontext(&threads[me].ctx, &checker);
}

/* A model thread waits for a model mutex without blocking for real: it is
 * not scheduled while the mutex is held. */
int ac_model_mutex_lock(pthread_mutex_t *m) {
  int me = current;
  if (me < 0)
    return pthread_mutex_lock(m);
  threads[me].blocked_on = m;
  ac_model_step();
  threads[me].blocked_on = NULL;
  for (int i = 0; i < MAX_LOCKED; i++)
    if (!locked[i]) {
      locked[i] = m;
      return pthread_mutex_lock(m); /* free: the model says so */
    }
  FAIL("too many mutexes held");
}

/* sched_yield (a spin-wait): a step after which the other thread, if it
 * can run, goes first, so that a spin does not spin forever. */
int ac_model_yield(void) {
  int me = current;
  if (me >= 0) {
    threads[me].yielded = true;
    ac_model_step();
    threads[me].yielded = false;
  }
  return 0;
}

/* No step at an unlock: what it enables, another thread taking the mutex,
 * can only happen at that thread's next step, and the next step of this
 * thread comes before anything else it does that others can see. */
int ac_model_mutex_unlock(pthread_mutex_t *m) {
  for (int i = 0; i < MAX_LOCKED; i++)
    if (locked[i] == m)
      locked[i] = NULL;
  return pthread_mutex_unlock(m);
}

static void thread_main(int i) {
  threads[i].fn();
  threads[i].done = true;
  current = -1; /* back to the checker through uc_link */
}

static void start_thread(int i) {
  threads[i].done = false;
  threads[i].yielded = false;
  threads[i].blocked_on = NULL;
  getcontext(&threads[i].ctx);
  threads[i].ctx.uc_stack.ss_sp = stacks[i];
  threads[i].ctx.uc_stack.ss_size = STACK_SIZE;
  threads[i].ctx.uc_link = &checker;
  makecontext(&threads[i].ctx, (void (*)(void))thread_main, 1, i);
}

/* Runs one execution: the first 'prefix' choices as recorded, then the
 * first enabled thread at every step. */
static void run_once(void (*a)(void), void (*b)(void)) {
  int last = -1, preemptions = 0;
  threads[0].fn = a;
  threads[1].fn = b;
  memset(locked, 0, sizeof locked);
  depth = 0;
  for (int i = 0; i < THREADS; i++)
    start_thread(i);
  for (;;) {
    int enabled[THREADS], n = 0, all_done = 1;
    for (int i = 0; i < THREADS; i++) {
      if (threads[i].done)
        continue;
      all_done = 0;
      if (!threads[i].blocked_on || !is_locked(threads[i].blocked_on))
        enabled[n++] = i;
    }
    if (all_done)
      break;
    if (n == 0)
      FAIL("deadlock: every thread waits for a mutex");
    bool last_enabled = false;
    for (int i = 0; i < n; i++)
      last_enabled |= enabled[i] == last;
    if (n > 1 && last >= 0 && threads[last].yielded) { /* a yield is not a preemption */
      for (int i = 0; i < n; i++)
        if (enabled[i] != last)
          enabled[0] = enabled[i];
      n = 1;
      last_enabled = false;
    }
    if (bound && preemptions == bound && last_enabled) {
      enabled[0] = last; /* no preemption left: the running thread goes on */
      n = 1;
    }
    if (depth == MAX_DEPTH)
      FAIL("execution longer than %d steps (a livelock?)", MAX_DEPTH);
    if (depth >= prefix)
      choice[depth] = 0;
    if (choice[depth] >= n)
      FAIL("replay diverged at step %d", depth);
    options[depth] = (unsigned char)n;
    who[depth] = (unsigned char)enabled[choice[depth]];
    current = who[depth++];
    if (last_enabled && current != last)
      preemptions++;
    last = current;
    swapcontext(&checker, &threads[current].ctx); /* until its next step, or its end */
  }
}

/* Every interleaving of a's and b's steps: setup, the two threads, check. */
static long explore(void (*setup)(void), void (*a)(void), void (*b)(void), void (*check)(void),
                    int preemption_bound) {
  long executions = 0;
  prefix = 0;
  bound = preemption_bound;
  for (;;) {
    setup();
    run_once(a, b);
    check();
    executions++;
    if (getenv("AC_MODEL_PROGRESS") && executions % 20000 == 0)
      fprintf(stderr, "model: %ld executions, depth %d\n", executions, depth);
    /* next: the deepest step with an untried alternative */
    int d = depth - 1;
    while (d >= 0 && choice[d] + 1 >= options[d])
      d--;
    if (d < 0)
      return executions;
    choice[d]++;
    prefix = d + 1;
  }
}

/* -------------------------------------------------- a fake runtime around it */

/* Spawned tasks live in a fake arena chunk: ac__task_sched() masks a task's
 * address to find its chunk header, whose scheduler records wakes.  A
 * freed task is poisoned (ASan), so any later step on it is reported. */
_Thread_local struct ac__sched *ac__context_sched;
static int scheduled[8];      /* wakes that queued task i */
static int freed[8];          /* times task i went back to the "arena" */
static struct ac__chunk *chunk;
static struct ac__root_task joiners[2]; /* tasks awaiting a join / a next */
static const struct ac_spawn_desc child_desc = {16, 8, 0, 8, NULL, NULL, 0, 0, 0};

static int task_index(struct ac_task *t) {
  for (int i = 0; i < 2; i++)
    if (t == &joiners[i].task)
      return 6 + i;
  return (int)(((char *)t - (char *)chunk - AC__CHUNK_HEADER) / 64);
}

static bool next_dropped; /* scenario 6 */
static void dump_schedule(void);
static void record_schedule(struct ac__sched *s, struct ac_task *t) {
  (void)s;
  if (t == &joiners[0].task && next_dropped) {
    fprintf(stderr, "model: set_next: the waiter was woken after its next was dropped\n");
    dump_schedule();
    abort();
  }
  scheduled[task_index(t)]++;
}

static struct ac__sched fake_sched = {.schedule = record_schedule};

static struct ac_task *task_at(int i) {
  return (struct ac_task *)((char *)chunk + AC__CHUNK_HEADER + 64 * i);
}

/* A spawned task being polled (RUNNING), with its handle and live reference. */
static struct ac_task *new_task(int i) {
  struct ac_task *t = task_at(i);
  UNPOISON(t, 64);
  memset(t, 0, 64);
  t->desc = &child_desc;
  atomic_init(&t->state, AC__TASK_RUNNING);
  atomic_init(&t->refs, 2 * AC__REF_ONE);
  return t;
}

static void new_joiner(int i) {
  ac__root_task_init(&joiners[i], NULL, NULL, NULL, &fake_sched);
}

void ac__arena_free_slow(struct ac_task *t) {
  freed[task_index(t)]++;
  POISON(t, 64);
}

void ac__arena_for_each(struct ac__task_arena *a, void (*fn)(struct ac_task *, void *), void *ctx) {
  (void)a, (void)fn, (void)ctx;
}
struct ac_task *ac__arena_alloc_slow(struct ac__task_arena *a, size_t size, size_t align) {
  (void)a, (void)size, (void)align;
  abort();
}
_Atomic uint64_t ac__coarse_ms;
void ac_trace_wait(struct ac_trace *t, const char *fmt, ...) { (void)t, (void)fmt; }
void ac_trace_since(struct ac_trace *t, uint64_t stamp) { (void)t, (void)stamp; }

static void reset(void) {
  memset(scheduled, 0, sizeof scheduled);
  memset(freed, 0, sizeof freed);
}

static uint32_t count_of(struct ac_task *t) {
  return atomic_load_explicit(&t->refs, memory_order_relaxed) & AC__REF_COUNT;
}

/* The executor's side of a task completing: its poll returned AC_READY. */
static void complete_task0(void) { ac__task_completed(task_at(0)); }
static void complete_task1(void) { ac__task_completed(task_at(1)); }
/* ... or it was aborted: the executor drops it instead of polling it. */
static void abort_task0(void) { ac__task_abort_now(task_at(0)); }

/* ----------------------------------------------------------------- scenarios */

/* 1. A join registered, then dropped while pending (ac_task_join__drop:
 * detach), against completion.  The joiner's reference must be dropped
 * exactly once, by whichever side unregisters it, and the task freed once
 * both let go.  The old completer set DONE with a fetch_or after seeing
 * JOIN_WAITING in an earlier load: it told (and unreferenced) a joiner
 * that had already left. */
static bool registered;
static void join_drop_setup(void) {
  reset();
  new_task(0);
  new_joiner(0);
}
static void join_drop_owner(void) {
  struct ac_task *t = task_at(0);
  registered = ac__task_set_joiner(t, &joiners[0].task);
  ac__task_release_handle(t); /* the join's drop (or its end, if DONE) */
}
static void join_drop_check(void) {
  if (freed[0] != 1)
    FAIL("join_drop: task freed %d times", freed[0]);
  if (count_of(&joiners[0].task) != 1)
    FAIL("join_drop: joiner count %u, want 1 (a registration reference lost or dropped twice)",
         count_of(&joiners[0].task));
  if (scheduled[6] > 1)
    FAIL("join_drop: joiner woken %d times", scheduled[6]);
}

/* 2. A join that stays registered: the joiner is woken exactly once iff
 * the registration succeeded; then the join ends (handle released). */
static void join_wait_owner(void) {
  registered = ac__task_set_joiner(task_at(0), &joiners[0].task);
}
static void join_wait_check(void) {
  if (scheduled[6] != (registered ? 1 : 0))
    FAIL("join_wait: joiner woken %d times, registered %d", scheduled[6], registered);
  if (count_of(&joiners[0].task) != 1)
    FAIL("join_wait: joiner count %u, want 1", count_of(&joiners[0].task));
  if (freed[0] != 0)
    FAIL("join_wait: task freed while its handle is held");
  ac__task_release_handle(task_at(0)); /* the join's end, after the wake */
  if (freed[0] != 1)
    FAIL("join_wait: task freed %d times", freed[0]);
}

/* 3. A second joiner replaces the first (set_joiner's re-registration),
 * then the join is dropped, against completion. */
static void join_switch_setup(void) {
  join_drop_setup();
  new_joiner(1);
}
static void join_switch_owner(void) {
  struct ac_task *t = task_at(0);
  if (ac__task_set_joiner(t, &joiners[0].task))
    (void)ac__task_set_joiner(t, &joiners[1].task);
  ac__task_release_handle(t);
}
static void join_switch_check(void) {
  if (freed[0] != 1)
    FAIL("join_switch: task freed %d times", freed[0]);
  for (int i = 0; i < 2; i++)
    if (count_of(&joiners[i].task) != 1 || scheduled[6 + i] > 1)
      FAIL("join_switch: joiner %d count %u, woken %d", i, count_of(&joiners[i].task),
           scheduled[6 + i]);
}

/* 4. A member added to a join set, which is then freed (aborting it),
 * while it completes, normally or by the abort.  ASan reports any step on
 * a freed node. */
static struct ac_join_set *set;
static void set_free_setup(void) {
  reset();
  new_task(0);
  set = ac_join_set_new();
}
static void set_add_free_owner(void) {
  (void)ac_join_set_add(set, task_at(0));
  ac_join_set_free(set);
}
static void set_free_owner(void) { ac_join_set_free(set); }
static void set_added_setup(void) {
  set_free_setup();
  (void)ac_join_set_add(set, task_at(0));
}
static void set_free_check(void) {
  if (freed[0] != 1)
    FAIL("set_free: member freed %d times", freed[0]);
}

/* 5. Two members, one told before the free and one completing during it:
 * the old free released the told node while the ready FIFO still linked
 * it, and the second completer appended through it. */
static void set_two_setup(void) {
  set_free_setup();
  new_task(1);
  (void)ac_join_set_add(set, task_at(1));
  (void)ac_join_set_add(set, task_at(0)); /* first in the member list */
}
static void set_two_completer(void) {
  complete_task0();
  complete_task1();
}
static void set_two_check(void) {
  if (freed[0] != 1 || freed[1] != 1)
    FAIL("set_two: members freed %d and %d times", freed[0], freed[1]);
}

/* 6. A next pending on the set (its task registered as the set's waiter),
 * then dropped, then the set freed, against completion: the waiter holds
 * no reference, so once the drop has returned nothing may wake it (its
 * task may be gone): poisoned for ASan, and a wake fails the check. */
static void set_next_setup(void) {
  set_added_setup();
  UNPOISON(&joiners[0], sizeof joiners[0]);
  new_joiner(0);
  next_dropped = false;
}
static void set_next_owner(void) {
  struct ac_join_set_next__frame f;
  struct ac_task *done = NULL;
  struct ac_cx cx = {&joiners[0].task, NULL, AC__COOP_BUDGET};
  ac_join_set_next__init(&f, set, &done);
  if (ac_join_set_next__poll(&f, &cx) == AC_PENDING) {
    ac_join_set_next__drop(&f);
    atomic_init(&joiners[0].task.state, AC__TASK_IDLE); /* so that a late wake is seen */
    next_dropped = true;
    POISON(&joiners[0], sizeof joiners[0]);
  } else if (done) {
    ac__task_release_handle(done); /* a returned member: its handle is ours */
  }
  ac_join_set_free(set);
}
static void set_next_check(void) {
  if (freed[0] != 1)
    FAIL("set_next: member freed %d times", freed[0]);
  if (scheduled[6] > 1)
    FAIL("set_next: waiter woken %d times", scheduled[6]);
}

struct scenario {
  const char *name;
  void (*setup)(void), (*owner)(void), (*completer)(void), (*check)(void);
  int bound; /* 0: every interleaving; else those with at most this many preemptions */
};

static const struct scenario scenarios[] = {
    {"join_drop", join_drop_setup, join_drop_owner, complete_task0, join_drop_check, 0},
    {"join_drop_abort", join_drop_setup, join_drop_owner, abort_task0, join_drop_check, 0},
    {"join_wait", join_drop_setup, join_wait_owner, complete_task0, join_wait_check, 0},
    {"join_switch", join_switch_setup, join_switch_owner, complete_task0, join_switch_check, 0},
    {"set_add_free", set_free_setup, set_add_free_owner, complete_task0, set_free_check, 0},
    {"set_free", set_added_setup, set_free_owner, complete_task0, set_free_check, 0},
    {"set_free_abort", set_added_setup, set_free_owner, abort_task0, set_free_check, 0},
    /* ~40 steps: C(40, 20) interleavings in all, so at most 3 preemptions
     * (CHESS: almost every concurrency bug needs no more than 2) */
    {"set_two", set_two_setup, set_free_owner, set_two_completer, set_two_check, 3},
    {"set_next", set_next_setup, set_next_owner, complete_task0, set_next_check, 0},
};

int main(int argc, char **argv) {
  int ran = 0;
  for (int i = 0; i < THREADS; i++)
    stacks[i] = malloc(STACK_SIZE);
  chunk = aligned_alloc(AC__CHUNK_SIZE, AC__CHUNK_SIZE);
  memset(chunk, 0, sizeof *chunk);
  chunk->sched = &fake_sched;
  for (size_t i = 0; i < sizeof scenarios / sizeof scenarios[0]; i++) {
    const struct scenario *s = &scenarios[i];
    if (argc > 1 && strcmp(argv[1], s->name) != 0)
      continue;
    long n = explore(s->setup, s->owner, s->completer, s->check, s->bound);
    if (s->bound)
      printf("model %s: %ld interleavings (at most %d preemptions), all correct\n", s->name, n,
             s->bound);
    else
      printf("model %s: %ld interleavings, all correct\n", s->name, n);
    ran++;
  }
  if (!ran) {
    fprintf(stderr, "model: no scenario %s\n", argc > 1 ? argv[1] : "");
    return 2;
  }
  return 0;
}
