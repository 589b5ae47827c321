/* The reactor: waits for file descriptors (epoll, edge-triggered) and for
 * cross-thread unparks (an eventfd), with a timeout.
 *
 * Each registered fd carries its registration (io_reg.h); a poll reports
 * the registrations that fired, with their event bits, in an array the
 * caller (the driver) dispatches: the reactor knows kernels, not waiters
 * (the shape of redis's ae: the backend fills fired[], the loop runs the
 * handlers).  The unpark eventfd is handled inside.  Owner-thread only,
 * except ac__reactor_unpark.
 *
 * Two backends, chosen per reactor at init: io_uring (reactor_uring.c;
 * the default when the kernel offers what it needs), which waits in the
 * ring and learns readiness from one-shot polls armed while a task waits
 * (ac__reactor_arm), and epoll (ASYNCC_IO=epoll, or no usable ring, or a
 * reactor made shared without ASYNCC_IO=uring).  The registrations
 * (io_reg.c) work alike on both. */
#ifndef AC__REACTOR_H
#define AC__REACTOR_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

struct ac__io_reg;
struct ac__ring_op;
struct ac__uring;

/* Events taken per poll; more stay queued in the kernel for the next. */
#define AC__REACTOR_EVENTS 64

/* What the kernel reported: a registration, with epoll's bits (EPOLLIN,
 * EPOLLOUT, EPOLLRDHUP, EPOLLHUP, EPOLLERR) whatever the backend, or
 * (io_uring) a completion-based operation and its result. */
struct ac__fired {
  struct ac__io_reg *reg;  /* NULL: 'op' */
  uint32_t events;
  struct ac__ring_op *op;
  long res;
};

struct ac__reactor {
  struct ac__uring *uring;          /* the io_uring backend; NULL: epoll */
  int epoll_fd;                     /* epoll backend; -1 with io_uring */
  int unpark_fd;                    /* eventfd written by ac__reactor_unpark */
  _Atomic unsigned sources;         /* registered fds, the eventfd excluded; any thread */
  /* Some registration bound here has a wait that trusted it without asking
   * the kernel (io_reg.h, AC__IO_UNVERIFIED): the parker must sweep at
   * next_sweep (ms, runtime clock).  Set by any thread. */
  _Atomic _Bool unverified;
  uint64_t next_sweep; /* the parker's */
  /* The last poll took an unpark: the park is over, though it reports no
   * event (a spin must stop on it).  The owner's. */
  bool unparked;
};

/* 0 or a negative errno; on failure nothing is left open.  'shared': for
 * a multi-thread runtime, which then calls ac__reactor_make_shared (its
 * default backend is epoll). */
int ac__reactor_init(struct ac__reactor *r, bool shared);
void ac__reactor_destroy(struct ac__reactor *r);

/* Registers 'fd' for 'events' (EPOLLIN/EPOLLOUT/...; EPOLLET is added). */
int ac__reactor_add(struct ac__reactor *r, int fd, uint32_t events, struct ac__io_reg *reg);
/* Changes the events of a registered fd (edge-triggered too). */
int ac__reactor_modify(struct ac__reactor *r, int fd, uint32_t events, struct ac__io_reg *reg);
/* 'reg' is the registration of 'fd'. */
int ac__reactor_remove(struct ac__reactor *r, int fd, struct ac__io_reg *reg);

/* Waits up to 'timeout_ms' (-1: no limit, 0: just look) and stores what is
 * ready in fired[0..n), at most AC__REACTOR_EVENTS.  Returns n (0 also when
 * interrupted by a signal) or -errno. */
int ac__reactor_poll(struct ac__reactor *r, int timeout_ms, struct ac__fired *fired);

/* Makes a current or the next ac__reactor_poll return.  Any thread. */
void ac__reactor_unpark(struct ac__reactor *r);

/* The reactor of a multi-thread runtime: add, remove and the arms below
 * may then come from any worker (epoll: nothing to do; a ring that cannot
 * be made again shared: epoll).  0 or -errno. */
int ac__reactor_make_shared(struct ac__reactor *r);

/* "epoll" or "uring": the backend in use (ac_runtime_io, tests). */
const char *ac__reactor_backend(const struct ac__reactor *r);

void ac__uring_arm(struct ac__reactor *r, int fd, struct ac__io_reg *reg, int dir);
void ac__uring_disarm(struct ac__reactor *r, struct ac__io_reg *reg, int dir);

/* A task was queued on the registration of 'fd' to wait in 'dir' (enum
 * ac__io_dir), under its lock.  epoll reports edges on its own; io_uring
 * needs a poll in flight for the fd's readiness to be reported. */
static inline void ac__reactor_arm(struct ac__reactor *r, int fd, struct ac__io_reg *reg, int dir) {
  if (r->uring)
    ac__uring_arm(r, fd, reg, dir);
}

/* The last waiter of 'dir' on 'reg' went away (dropped), under its lock:
 * io_uring cancels the polls in flight, which hold the file open. */
static inline void ac__reactor_disarm(struct ac__reactor *r, struct ac__io_reg *reg, int dir) {
  if (r->uring)
    ac__uring_disarm(r, reg, dir);
}

#endif
