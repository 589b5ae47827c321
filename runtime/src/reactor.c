/* epoll + eventfd reactor (see reactor.h), and the switch to the io_uring
 * backend (reactor_uring.c) when the reactor has a ring.
 *
 * Edge-triggered: a handler is told once per readiness change and must
 * consume until EAGAIN; that saves an epoll_ctl per wait, which is what
 * makes one registration per socket for its whole life work. */
#include "reactor.h"

#include "reactor_uring.h"

#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <stdbool.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

/* The unpark eventfd became readable: reset its counter.  The wake itself
 * is the return from epoll_wait. */
static void drain_unpark(struct ac__reactor *r) {
  uint64_t count;
  while (read(r->unpark_fd, &count, sizeof count) == (ssize_t)sizeof count)
    ;
}

/* ASYNCC_IO=epoll forces epoll and ASYNCC_IO=uring asks for the ring;
 * anything else, or nothing, is the default: the ring, except for a
 * reactor to be shared.  A shared ring is one ring for all the workers,
 * each wait's poll submitted at once under a lock; measured against epoll,
 * http's 13-byte file with two workers served 0.62x the requests/s at 1.6x
 * the CPU per request (bench/README.md), so epoll is the multi-thread
 * runtime's default. */
static bool wants_uring(bool shared) {
  const char *io = getenv("ASYNCC_IO");
  if (io && strcmp(io, "epoll") == 0)
    return false;
  return !shared || (io && strcmp(io, "uring") == 0);
}

/* The epoll backend, watching the unpark eventfd: 0 or -errno with the
 * epoll fd closed. */
static int epoll_init(struct ac__reactor *r) {
  struct epoll_event ev = {.events = EPOLLIN | EPOLLET, .data.ptr = NULL};
  int err;
  r->epoll_fd = epoll_create1(EPOLL_CLOEXEC);
  if (r->epoll_fd < 0)
    return -errno;
  if (epoll_ctl(r->epoll_fd, EPOLL_CTL_ADD, r->unpark_fd, &ev) < 0) {
    err = -errno;
    close(r->epoll_fd);
    r->epoll_fd = -1;
    return err;
  }
  return 0;
}

int ac__reactor_init(struct ac__reactor *r, bool shared) {
  int err;
  r->sources = 0;
  r->unverified = 0;
  r->next_sweep = 0;
  r->unparked = false;
  r->uring = NULL;
  r->epoll_fd = -1;
  r->unpark_fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  if (r->unpark_fd < 0)
    return -errno;
  /* A ring refused (seccomp, kernel.io_uring_disabled), or one without
   * what the backend submits (an old kernel: ac__uring_init probes it):
   * epoll, silently. */
  if (wants_uring(shared) && ac__uring_init(r) == 0)
    return 0;
  err = epoll_init(r);
  if (err) {
    close(r->unpark_fd);
    r->unpark_fd = -1;
  }
  return err;
}

void ac__reactor_destroy(struct ac__reactor *r) {
  if (r->uring)
    ac__uring_destroy(r);
  else
    close(r->epoll_fd);
  close(r->unpark_fd);
  r->epoll_fd = r->unpark_fd = -1;
}

int ac__reactor_add(struct ac__reactor *r, int fd, uint32_t events, struct ac__io_reg *reg) {
  struct epoll_event ev = {.events = events | EPOLLET, .data.ptr = reg};
  if (r->uring)
    return ac__uring_add(r, fd, reg);
  if (epoll_ctl(r->epoll_fd, EPOLL_CTL_ADD, fd, &ev) < 0)
    return -errno;
  r->sources++;
  return 0;
}

int ac__reactor_modify(struct ac__reactor *r, int fd, uint32_t events, struct ac__io_reg *reg) {
  struct epoll_event ev = {.events = events | EPOLLET, .data.ptr = reg};
  if (r->uring) /* the direction is chosen per poll, at each wait */
    return 0;
  return epoll_ctl(r->epoll_fd, EPOLL_CTL_MOD, fd, &ev) < 0 ? -errno : 0;
}

int ac__reactor_remove(struct ac__reactor *r, int fd, struct ac__io_reg *reg) {
  if (r->uring)
    return ac__uring_remove(r, reg);
  /* ENOENT/EBADF: the entry went with a plain close() of the fd; it was
   * counted all the same. */
  if (epoll_ctl(r->epoll_fd, EPOLL_CTL_DEL, fd, NULL) < 0 && errno != ENOENT && errno != EBADF)
    return -errno;
  r->sources--;
  return 0;
}

int ac__reactor_poll(struct ac__reactor *r, int timeout_ms, struct ac__fired *fired) {
  struct epoll_event events[AC__REACTOR_EVENTS];
  int n, out = 0;
  r->unparked = false;
  if (r->uring)
    return ac__uring_poll(r, timeout_ms, fired);
  n = epoll_wait(r->epoll_fd, events, AC__REACTOR_EVENTS, timeout_ms);
  if (n < 0)
    return errno == EINTR ? 0 : -errno;
  for (int i = 0; i < n; i++) {
    if (events[i].data.ptr) {
      fired[out++] = (struct ac__fired){.reg = events[i].data.ptr, .events = events[i].events};
    } else {
      drain_unpark(r);
      r->unparked = true;
    }
  }
  return out;
}

void ac__reactor_unpark(struct ac__reactor *r) {
  uint64_t one = 1;
  /* Can only fail with EAGAIN when the counter is about to overflow, and
   * then the fd is readable anyway. */
  ssize_t rc = write(r->unpark_fd, &one, sizeof one);
  (void)rc;
}

/* The shared ring is set up anew; refused (a seccomp policy installed
 * since, no memory): epoll, as at init.  Nothing is registered yet. */
int ac__reactor_make_shared(struct ac__reactor *r) {
  int err;
  if (!r->uring || (err = ac__uring_make_shared(r)) == 0)
    return 0;
  return r->uring ? err : epoll_init(r);
}

const char *ac__reactor_backend(const struct ac__reactor *r) { return r->uring ? "uring" : "epoll"; }
