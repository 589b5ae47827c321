/* The io_uring backend of the reactor (reactor_uring.c), chosen by
 * ac__reactor_init unless ASYNCC_IO=epoll, when the kernel lets a ring be
 * set up and offers what the backend submits.  Same contract as the epoll functions in reactor.h; reactor.c
 * forwards to these when r->uring is set. */
#ifndef AC__REACTOR_URING_H
#define AC__REACTOR_URING_H

#include "reactor.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* 0 with r->uring set, or a negative errno with nothing left allocated
 * (the caller falls back to epoll): the ring refused, or -ENOSYS when the
 * kernel lacks an opcode or flag the backend uses.  Uses r->unpark_fd, already open. */
int ac__uring_init(struct ac__reactor *r);
void ac__uring_destroy(struct ac__reactor *r);
/* Shared by the workers of a multi-thread runtime: the ring is made again
 * without the owner-only setup flags.  0, or -errno with the old ring kept
 * or, when the new one is refused, none left (r->uring NULL: the caller
 * falls back to epoll). */
int ac__uring_make_shared(struct ac__reactor *r);

int ac__uring_add(struct ac__reactor *r, int fd, struct ac__io_reg *reg);
int ac__uring_remove(struct ac__reactor *r, struct ac__io_reg *reg);
void ac__uring_arm(struct ac__reactor *r, int fd, struct ac__io_reg *reg, int dir);
void ac__uring_disarm(struct ac__reactor *r, struct ac__io_reg *reg, int dir);
/* Whether this thread may submit to r's ring: an io_uring reactor of a
 * current-thread runtime, and its owner. */
bool ac__uring_owned_here(const struct ac__reactor *r);
/* Whether this thread may submit ring operations to r (ring_op.h): an
 * owned ring's owner, or any worker of a shared one. */
bool ac__uring_takes_ops(const struct ac__reactor *r);
/* (ring_op.h) Queue 'op' (a read into, or a write from, its
 * buffer) for the next park; counted in r->sources until it completes. */
void ac__uring_submit_op(struct ac__reactor *r, struct ac__ring_op *op, int fd, bool write,
                         long off);
/* The same for an open(2) of the path in op->buf (flags as given). */
void ac__uring_submit_open(struct ac__reactor *r, struct ac__ring_op *op, int flags,
                           unsigned mode);
/* An operation with an n-byte buffer (or NULL), and its release (kept
 * for reuse when small). */
struct ac__ring_op *ac__uring_op_alloc(struct ac__reactor *r, size_t n);
void ac__uring_op_free(struct ac__reactor *r, struct ac__ring_op *op);
/* Cancel 'op', already dropped; its completion frees it. */
void ac__uring_cancel_op(struct ac__reactor *r, struct ac__ring_op *op);
int ac__uring_poll(struct ac__reactor *r, int timeout_ms, struct ac__fired *fired);

#endif
