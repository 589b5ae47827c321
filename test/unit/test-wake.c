/* The wake rule: a task is queued at most once however often it is woken;
 * wakes from other threads and from the reactor reach a parked executor. */
#include "test.h"

#include <asyncc/asyncc.h>

#include "driver.h"
#include "executor_ct.h" /* AC__EVENT_INTERVAL */
#include "task.h"

#include <pthread.h>
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

/* The reactor dispatches a ready fd to its handler, which wakes the task
 * parked on it: the path sockets will take.  A thread writes to a pipe
 * while the executor is parked in epoll_wait with no timer pending. */
struct pipe_waiter {
  struct ac__io_handler handler; /* first: the reactor hands us this */
  struct ac_task *task;
  int readable;
};

static void pipe_ready(struct ac__io_handler *h, uint32_t events) {
  struct pipe_waiter *w = (struct pipe_waiter *)h;
  ASSERT_TRUE(events & EPOLLIN);
  w->readable = 1;
  ac__task_wake(w->task);
}

struct fd__frame {
  unsigned ac_state;
  int fds[2];
  pthread_t writer;
  struct pipe_waiter waiter;
};

static void *pipe_writer(void *p) {
  struct fd__frame *f = p;
  usleep(10000);
  ASSERT_INT_EQ(write(f->fds[1], "x", 1), 1);
  return NULL;
}

static ac_poll fd__poll(void *p, struct ac_cx *cx) {
  struct fd__frame *f = p;
  char byte;
  switch (f->ac_state) {
  case 0:
    ASSERT_INT_EQ(pipe(f->fds), 0);
    f->waiter = (struct pipe_waiter){.handler.ready = pipe_ready, .task = cx->task};
    ASSERT_INT_EQ(ac__reactor_add(&cx->driver->io, f->fds[0], EPOLLIN, &f->waiter.handler), 0);
    ASSERT_INT_EQ(pthread_create(&f->writer, NULL, pipe_writer, f), 0);
    f->ac_state = 1;
    return AC_PENDING;
  case 1:
    if (!f->waiter.readable)
      return AC_PENDING;
    ASSERT_INT_EQ(read(f->fds[0], &byte, 1), 1);
    ASSERT_INT_EQ(ac__reactor_remove(&cx->driver->io, f->fds[0]), 0);
    pthread_join(f->writer, NULL);
    close(f->fds[0]);
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
