/* The reactor: waits for file descriptors (epoll, edge-triggered) and for
 * cross-thread unparks (an eventfd), with a timeout.
 *
 * Each registered fd carries its registration (io_reg.h); when epoll
 * reports the fd, the reactor hands the event bits to ac__io_reg_ready,
 * which wakes whichever tasks wait on it.  The unpark eventfd's events
 * carry NULL.  Owner-thread only, except ac__reactor_unpark. */
#ifndef AC__REACTOR_H
#define AC__REACTOR_H

#include <stdatomic.h>
#include <stdint.h>

struct ac__io_reg;

struct ac__reactor {
  int epoll_fd;
  int unpark_fd;                    /* eventfd written by ac__reactor_unpark */
  _Atomic unsigned sources;         /* registered fds, the eventfd excluded; any thread */
  /* Some registration bound here has a wait that trusted it without asking
   * the kernel (io_reg.h, AC__IO_UNVERIFIED): the parker must sweep at
   * next_sweep (ms, runtime clock).  Set by any thread. */
  _Atomic _Bool unverified;
  uint64_t next_sweep; /* the parker's */
};

/* 0 or a negative errno; on failure nothing is left open. */
int ac__reactor_init(struct ac__reactor *r);
void ac__reactor_destroy(struct ac__reactor *r);

/* Registers 'fd' for 'events' (EPOLLIN/EPOLLOUT/...; EPOLLET is added). */
int ac__reactor_add(struct ac__reactor *r, int fd, uint32_t events, struct ac__io_reg *reg);
/* Changes the events of a registered fd (edge-triggered too). */
int ac__reactor_modify(struct ac__reactor *r, int fd, uint32_t events, struct ac__io_reg *reg);
int ac__reactor_remove(struct ac__reactor *r, int fd);

/* Waits up to 'timeout_ms' (-1: no limit, 0: just look) and dispatches what
 * is ready.  Returns 0 (also when interrupted by a signal) or -errno. */
int ac__reactor_poll(struct ac__reactor *r, int timeout_ms);

/* Makes a current or the next ac__reactor_poll return.  Any thread. */
void ac__reactor_unpark(struct ac__reactor *r);

#endif
