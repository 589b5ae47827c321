/* ac_signal (see asyncc/signal.h): a counting handler plus a self-pipe.
 *
 * The handler bumps the signal's arrival count, then writes a byte to the
 * pipe.  A waiter snapshots the count at its first poll; each attempt
 * drains the pipe and compares counts, and parks on the pipe's read end
 * (an ordinary fd registration) otherwise.  Count before byte means a
 * drain that finds no byte still sees the count, or a later edge wakes. */
#include <asyncc/signal.h>

#include "io_reg.h"
#include "leaf_trace.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <unistd.h>

static pthread_mutex_t setup_mu = PTHREAD_MUTEX_INITIALIZER;
static int pipe_fds[2] = {-1, -1};
static bool installed[NSIG];              /* under setup_mu */
static atomic_ulong arrivals[NSIG];

static void on_signal(int signo) {
  int saved = errno;
  char byte = 0;
  atomic_fetch_add_explicit(&arrivals[signo], 1, memory_order_release);
  /* Full pipe: the byte is not needed, some are already pending. */
  ssize_t rc = write(pipe_fds[1], &byte, 1);
  (void)rc;
  errno = saved;
}

/* Creates the pipe once and installs the handler for signo once. */
static int setup(int signo) {
  int err = 0;
  pthread_mutex_lock(&setup_mu);
  if (pipe_fds[0] < 0 && pipe2(pipe_fds, O_NONBLOCK | O_CLOEXEC) < 0) {
    err = -errno;
    pipe_fds[0] = pipe_fds[1] = -1;
  }
  if (!err && !installed[signo]) {
    struct sigaction sa = {.sa_handler = on_signal, .sa_flags = SA_RESTART};
    sigemptyset(&sa.sa_mask);
    if (sigaction(signo, &sa, NULL) < 0)
      err = -errno;
    else
      installed[signo] = true;
  }
  pthread_mutex_unlock(&setup_mu);
  return err;
}

static ssize_t arrived_attempt(void *p, bool *full) {
  struct ac_signal__frame *f = p;
  char buf[64];
  (void)full;
  while (read(pipe_fds[0], buf, sizeof buf) > 0) {
  }
  return atomic_load_explicit(&arrivals[f->signo], memory_order_acquire) != f->seen ? 0
                                                                                    : -EAGAIN;
}

void ac_signal__init(struct ac_signal__frame *f, int signo) {
  f->ac_state = 0;
  f->signo = signo;
  f->seen = 0;
  ac__io_op_init(&f->op);
  f->ac_result = 0;
}

ac_poll ac_signal__poll(struct ac_signal__frame *f, struct ac_cx *cx) {
  ssize_t r;
  if (f->ac_state == 0) {
    if (f->signo <= 0 || f->signo >= NSIG || f->signo == SIGKILL || f->signo == SIGSTOP) {
      f->ac_result = -EINVAL;
      goto done;
    }
    if ((f->ac_result = setup(f->signo)) < 0)
      goto done;
    f->seen = atomic_load_explicit(&arrivals[f->signo], memory_order_acquire);
    f->ac_state = 1;
  }
  /* Another waiter may have drained the byte of our arrival: the pipe
   * would look "not ready", so the count is checked before any wait. */
  if (atomic_load_explicit(&arrivals[f->signo], memory_order_acquire) != f->seen) {
    ac__io_op_drop(&f->op);
    f->ac_result = 0;
    goto done;
  }
  if (ac__io_run(&f->op, pipe_fds[0], AC__IO_READ, cx, arrived_attempt, f, &r) == AC_PENDING)
    return AC_PENDING;
  f->ac_result = (int)r;
done:
  f->ac_state = AC_STATE_DONE;
  return AC_READY;
}

void ac_signal__drop(struct ac_signal__frame *f) {
  ac__io_op_drop(&f->op);
  f->ac_state = AC_STATE_DONE;
}

void ac_signal__trace(const void *frame, struct ac_trace *t) {
  const struct ac_signal__frame *f = frame;
  ac_trace_wait(t, "signal %d", f->signo);
}
