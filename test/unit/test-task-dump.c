/* ac_task_dump called from a thread that runs no runtime: the request is
 * served by the runtime's own thread when it parks (it is woken for it),
 * and the caller waits for the answer.  The root is a hand-written frame
 * with a hand-written trace function, awaiting a channel receive. */
#include "test.h"

#include <asyncc/lowered.h>

#include "leaf_trace.h" /* white box: the leaves' trace functions */

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct waiter__frame {
  unsigned ac_state;
  struct ac_chan *ch;
  int v;
  struct ac_chan_recv__frame rx;
};

static atomic_bool root_waiting; /* the root has queued its receive */

static ac_poll waiter__poll(void *p, struct ac_cx *cx) {
  struct waiter__frame *f = p;
  if (f->ac_state == 0) {
    ac_chan_recv__init(&f->rx, f->ch, &f->v);
    f->ac_state = 1;
  }
  if (ac_chan_recv__poll(&f->rx, cx) == AC_PENDING) {
    atomic_store(&root_waiting, true);
    return AC_PENDING;
  }
  f->ac_state = AC_STATE_DONE;
  return AC_READY;
}

static void waiter__drop(void *p) {
  struct waiter__frame *f = p;
  if (f->ac_state == 1)
    ac_chan_recv__drop(&f->rx);
  f->ac_state = AC_STATE_DONE;
}

/* what the compiler would emit for `await ac_chan_recv(ch, &v)` at line 42 */
static void waiter__trace(const void *p, struct ac_trace *t) {
  const struct waiter__frame *f = p;
  if (f->ac_state != 1) {
    ac_trace_state(t, "waiter", f->ac_state);
    return;
  }
  ac_trace_await(t, "unit.ac", 42, "waiter", "ac_chan_recv");
  ac_trace_frame(t, ac_chan_recv__trace, &f->rx);
}

struct dumper {
  struct ac_chan *ch;
  int fd;
  int rc;
};

static void *dump_then_send(void *p) {
  struct dumper *d = p;
  while (!atomic_load(&root_waiting)) /* however loaded the machine */
    usleep(1000);
  d->rc = ac_task_dump(d->fd);
  int v = 5;
  ac_chan_send_blocking(d->ch, &v);
  return NULL;
}

TEST_IMPL(task_dump_from_another_thread) {
  int fds[2];
  ASSERT_INT_EQ(pipe(fds), 0);
  struct waiter__frame f = {.ch = ac_chan_new(1, sizeof(int))};
  struct dumper d = {.ch = f.ch, .fd = fds[1], .rc = -1};
  atomic_store(&root_waiting, false);
  pthread_t th;
  ASSERT_INT_EQ(pthread_create(&th, NULL, dump_then_send, &d), 0);
  ASSERT_INT_EQ(ac_block_on_frame_traced(&f, waiter__poll, waiter__drop, waiter__trace), 0);
  pthread_join(th, NULL);
  close(fds[1]);
  ASSERT_INT_EQ(d.rc, 0);
  ASSERT_INT_EQ(f.v, 5);
  char out[4096];
  ssize_t n = read(fds[0], out, sizeof out - 1);
  close(fds[0]);
  ASSERT_TRUE(n > 0);
  out[n] = '\0';
  ASSERT_TRUE(strstr(out, "asyncc task dump: current-thread runtime") != NULL);
  ASSERT_TRUE(strstr(out, " root: waiting ") != NULL);
  ASSERT_TRUE(strstr(out, "\n  at unit.ac:42 in waiter, awaiting ac_chan_recv\n") != NULL);
  ASSERT_TRUE(strstr(out, "\n  recv on channel 0x") != NULL);
  ASSERT_TRUE(strstr(out, "end of task dump (1 tasks)\n") != NULL);
  ac_chan_free(f.ch);
}

/* No runtime at all: nothing to dump, nothing to wait for. */
TEST_IMPL(task_dump_without_runtime) {
  int fds[2];
  ASSERT_INT_EQ(pipe(fds), 0);
  ASSERT_INT_EQ(ac_task_dump(fds[1]), 0);
  close(fds[1]);
  char c;
  ASSERT_INT_EQ(read(fds[0], &c, 1), 0);
  close(fds[0]);
}
