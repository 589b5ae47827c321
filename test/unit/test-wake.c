/* The wake rule: a task is queued at most once however often it is woken;
 * wakes from other threads and from the reactor reach a parked executor. */
#include "test.h"

#include <asyncc/asyncc.h>

#include "driver.h"
#include "executor_ct.h" /* AC__EVENT_INTERVAL */
#include "io_reg.h"
#include "task.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <stdatomic.h>
#include <sys/epoll.h>
#include <unistd.h>

/* A task must be queued once however often it is woken, whether the wakes
 * come while it runs (RUNNING -> NOTIFIED) or while it waits in the run
 * queue (SCHEDULED).  Poll 1 wakes itself three times and arms a 1 ms timer
 * that it lets fall due.  It keeps waking itself until the executor's batch
 * of AC__EVENT_INTERVAL polls ends; the executor then fires the timer,
 * which wakes the task while it is queued.  The next poll sleeps 20 ms: a
 * duplicate queue entry would show up as an extra poll before that sleep
 * fires. */
struct twice__frame {
  unsigned ac_state;
  int polls;
  struct ac_sleep_ms__frame sleep;
};

static ac_poll twice__poll(void *p, struct ac_cx *cx) {
  struct twice__frame *f = p;
  unsigned long long t0;
  f->polls++;
  switch (f->ac_state) {
  case 0:
    ac_cx_wake(cx);
    ac_cx_wake(cx);
    ac_task_wake(ac_cx_task(cx));
    ac_sleep_ms__init(&f->sleep, 1);
    ASSERT_INT_EQ(ac_sleep_ms__poll(&f->sleep, cx), AC_PENDING);
    for (t0 = test_now_ms(); test_now_ms() - t0 < 3;)
      ; /* let the timer fall due */
    f->ac_state = 1;
    return AC_PENDING;
  case 1:
    if (f->polls <= AC__EVENT_INTERVAL) { /* finish the batch */
      ac_cx_wake(cx);
      return AC_PENDING;
    }
    ASSERT_INT_EQ(ac_sleep_ms__poll(&f->sleep, cx), AC_READY);
    ac_sleep_ms__init(&f->sleep, 20);
    f->ac_state = 2;
    /* fallthrough */
  case 2:
    if (ac_sleep_ms__poll(&f->sleep, cx) == AC_PENDING)
      return AC_PENDING;
    f->ac_state = AC_STATE_DONE;
    return AC_READY;
  }
  return AC_READY;
}

TEST_IMPL(wake_queues_task_once) {
  struct twice__frame fr = {0};
  ASSERT_INT_EQ(ac_block_on_frame(&fr, twice__poll, NULL), 0);
  ASSERT_INT_EQ(fr.polls, AC__EVENT_INTERVAL + 2);
}

/* A leaf completed by another thread: it hands its task to a thread, which
 * sets a flag and wakes the task (the pattern of a blocking-pool job).
 * Many rounds, half with no delay, to race the wake against the poll. */
enum { REMOTE_ROUNDS = 200 };

struct remote__frame {
  unsigned ac_state;
  int round, polls;
  pthread_t thread;
  atomic_int done;
  struct ac_task *task;
};

static void *remote_thread(void *p) {
  struct remote__frame *f = p;
  if (f->round % 2)
    usleep(200);
  atomic_store(&f->done, 1);
  ac_task_wake(f->task);
  return NULL;
}

static ac_poll remote__poll(void *p, struct ac_cx *cx) {
  struct remote__frame *f = p;
  f->polls++;
  for (;;) {
    switch (f->ac_state) {
    case 0:
      atomic_store(&f->done, 0);
      f->task = ac_cx_task(cx);
      ASSERT_INT_EQ(pthread_create(&f->thread, NULL, remote_thread, f), 0);
      f->ac_state = 1;
      /* fallthrough */
    case 1:
      if (!atomic_load(&f->done))
        return AC_PENDING; /* the thread's wake will poll us again */
      pthread_join(f->thread, NULL);
      if (++f->round < REMOTE_ROUNDS) {
        f->ac_state = 0;
        continue;
      }
      f->ac_state = AC_STATE_DONE;
      return AC_READY;
    default:
      return AC_READY;
    }
  }
}

TEST_IMPL(wake_from_other_thread) {
  struct remote__frame fr = {0};
  ASSERT_INT_EQ(ac_block_on_frame(&fr, remote__poll, NULL), 0);
  ASSERT_INT_EQ(fr.round, REMOTE_ROUNDS);
  ASSERT_UINT_LE(fr.polls, 2 * REMOTE_ROUNDS + 1);
}

/* Wakes of a current-thread executor's tasks from other threads go through
 * its injection list, once per task however often they come (task.h rule
 * 1).  CHILDREN tasks (more than the list's first allocation) each wait
 * once; two threads wake every one of them WAKES times while they wait,
 * then WAKES times more after they completed, and only then give up the
 * references they held: each child must be polled exactly twice, and every
 * task freed by the executor when it applies the late wakes. */
enum { CHILDREN = 200, WAKERS = 2, WAKES = 50 };

struct injected_child__frame {
  unsigned ac_state;
  int index;
};

static struct ac_task *_Atomic injected_tasks[CHILDREN];
static atomic_int injected_polls[CHILDREN], injected_armed, injected_done, late_wakes, wakers_done;

static void injected_child__init(void *p, void *arg) {
  struct injected_child__frame *f = p;
  f->ac_state = 0;
  f->index = (int)(intptr_t)arg;
}

static ac_poll injected_child__poll(void *p, struct ac_cx *cx) {
  struct injected_child__frame *f = p;
  atomic_fetch_add(&injected_polls[f->index], 1);
  if (f->ac_state == 0) {
    for (int i = 0; i < WAKERS; i++)
      ac_task_ref(ac_cx_task(cx)); /* one per waking thread */
    atomic_store(&injected_tasks[f->index], ac_cx_task(cx));
    atomic_fetch_add(&injected_armed, 1);
    f->ac_state = 1;
    return AC_PENDING;
  }
  f->ac_state = AC_STATE_DONE;
  atomic_fetch_add(&injected_done, 1);
  return AC_READY;
}

static void *injected_waker(void *arg) {
  (void)arg;
  while (atomic_load(&injected_armed) < CHILDREN)
    sched_yield();
  for (int k = 0; k < WAKES; k++)
    for (int i = 0; i < CHILDREN; i++)
      ac_task_wake(atomic_load(&injected_tasks[i]));
  while (!atomic_load(&late_wakes))
    sched_yield();
  for (int k = 0; k < WAKES; k++)
    for (int i = 0; i < CHILDREN; i++)
      ac_task_wake(atomic_load(&injected_tasks[i])); /* completed: ignored */
  for (int i = 0; i < CHILDREN; i++)
    ac_task_unref(atomic_load(&injected_tasks[i]));
  atomic_fetch_add(&wakers_done, 1);
  return NULL;
}

struct injected_root__frame {
  unsigned ac_state;
  int turns;
  pthread_t wakers[WAKERS];
};

static ac_poll injected_root__poll(void *p, struct ac_cx *cx) {
  struct injected_root__frame *f = p;
  switch (f->ac_state) {
  case 0:
    for (int i = 0; i < CHILDREN; i++) {
      struct ac_task *t =
          ac_spawn_frame(cx, sizeof(struct injected_child__frame), 0, 0, injected_child__poll,
                         NULL, injected_child__init, (void *)(intptr_t)i);
      ASSERT_TRUE(t != NULL);
      ac_task_detach(t); /* freed when done and the wakers' references are gone */
    }
    for (int i = 0; i < WAKERS; i++)
      ASSERT_INT_EQ(pthread_create(&f->wakers[i], NULL, injected_waker, NULL), 0);
    f->ac_state = 1;
    /* fallthrough */
  case 1:
    if (atomic_load(&injected_done) < CHILDREN) { /* let them run */
      ac_cx_wake(cx);
      return AC_PENDING;
    }
    /* Keep the executor here while the wakers wake the completed children
     * and give their references up: the late wakes' references are then
     * the last ones, and the executor frees the tasks when it applies them
     * in the next turns of its loop. */
    atomic_store(&late_wakes, 1);
    while (atomic_load(&wakers_done) < WAKERS)
      sched_yield();
    f->ac_state = 2;
    /* fallthrough */
  case 2:
    if (f->turns++ < 2 * AC__EVENT_INTERVAL) { /* two batches: a look at the list after each */
      ac_cx_wake(cx);
      return AC_PENDING;
    }
    for (int i = 0; i < WAKERS; i++)
      pthread_join(f->wakers[i], NULL);
    for (int i = 0; i < CHILDREN; i++)
      ASSERT_INT_EQ(atomic_load(&injected_polls[i]), 2);
    ASSERT_UINT_EQ(ac__spawn_allocated(), 0);
    f->ac_state = AC_STATE_DONE;
    return AC_READY;
  }
  return AC_READY;
}

TEST_IMPL(ct_foreign_wakes_once_per_task) {
  struct injected_root__frame fr = {0};
  ASSERT_INT_EQ(ac_block_on_frame(&fr, injected_root__poll, NULL), 0);
  ASSERT_INT_EQ(atomic_load(&injected_done), CHILDREN);
}

/* The reactor dispatches a ready fd to its registration, which wakes the
 * task parked on it: the path of every socket leaf.  A thread writes to a
 * pipe while the executor is parked in epoll_wait with no timer pending. */
struct fd__frame {
  unsigned ac_state;
  int fds[2];
  pthread_t writer;
  struct ac_io_op op;
  char byte;
};

static void *pipe_writer(void *p) {
  struct fd__frame *f = p;
  usleep(10000);
  ASSERT_INT_EQ(write(f->fds[1], "x", 1), 1);
  return NULL;
}

static ssize_t read_byte(void *p, bool *full) {
  struct fd__frame *f = p;
  ssize_t r = read(f->fds[0], &f->byte, 1);
  *full = false;
  return r < 0 ? -errno : r;
}

static ac_poll fd__poll(void *p, struct ac_cx *cx) {
  struct fd__frame *f = p;
  ssize_t r = 0;
  switch (f->ac_state) {
  case 0:
    ASSERT_INT_EQ(pipe(f->fds), 0);
    ASSERT_INT_EQ(fcntl(f->fds[0], F_SETFL, O_NONBLOCK), 0);
    ac__io_op_init(&f->op);
    /* nothing to read yet: the task parks on the fd */
    ASSERT_INT_EQ(ac__io_run(&f->op, f->fds[0], AC__IO_READ, cx, read_byte, f, &r), AC_PENDING);
    ASSERT_TRUE(ac__io_has_waiter(f->fds[0], AC__IO_READ));
    ASSERT_INT_EQ(pthread_create(&f->writer, NULL, pipe_writer, f), 0);
    f->ac_state = 1;
    return AC_PENDING;
  case 1:
    /* polled only when woken: the edge dequeued the waiter */
    ASSERT_TRUE(!ac__io_has_waiter(f->fds[0], AC__IO_READ));
    ASSERT_INT_EQ(ac__io_run(&f->op, f->fds[0], AC__IO_READ, cx, read_byte, f, &r), AC_READY);
    ASSERT_INT_EQ(r, 1);
    ASSERT_INT_EQ(f->byte, 'x');
    pthread_join(f->writer, NULL);
    ASSERT_INT_EQ(ac_close(f->fds[0]), 0);
    close(f->fds[1]);
    f->ac_state = AC_STATE_DONE;
    return AC_READY;
  }
  return AC_READY;
}

TEST_IMPL(reactor_wakes_task_on_ready_fd) {
  struct fd__frame fr = {0};
  ASSERT_INT_EQ(ac_block_on_frame(&fr, fd__poll, NULL), 0);
}
