/* What the leaves (hand-written awaitables) need to be shown by the task
 * dump: the ac_trace_* calls (asyncc/trace.h) and their own trace
 * functions' prototypes.  Each is `void x__trace(const void *frame, struct
 * ac_trace *t)`; generated code reaches them through weak references (a
 * leaf without one is shown by name only). */
#ifndef AC__LEAF_TRACE_H
#define AC__LEAF_TRACE_H

#include <asyncc/trace.h>

#define AC__LEAF_TRACE(x) void x##__trace(const void *frame, struct ac_trace *t)
AC__LEAF_TRACE(ac_yield);
AC__LEAF_TRACE(ac_sleep_ms);
AC__LEAF_TRACE(ac_sleep_until);
AC__LEAF_TRACE(ac_task_join);
AC__LEAF_TRACE(ac_join_set_next);
AC__LEAF_TRACE(ac_spawn_blocking);
AC__LEAF_TRACE(ac_chan_send);
AC__LEAF_TRACE(ac_chan_recv);
AC__LEAF_TRACE(ac_oneshot_recv);
AC__LEAF_TRACE(ac_bcast_recv);
AC__LEAF_TRACE(ac_sem_acquire);
AC__LEAF_TRACE(ac_mutex_lock);
AC__LEAF_TRACE(ac_rwlock_read_lock);
AC__LEAF_TRACE(ac_rwlock_write_lock);
AC__LEAF_TRACE(ac_notified);
AC__LEAF_TRACE(ac_read);
AC__LEAF_TRACE(ac_write);
AC__LEAF_TRACE(ac_read_exact);
AC__LEAF_TRACE(ac_write_all);
AC__LEAF_TRACE(ac_tcp_accept);
AC__LEAF_TRACE(ac_tcp_connect);
AC__LEAF_TRACE(ac_fd_readable);
AC__LEAF_TRACE(ac_fd_writable);
AC__LEAF_TRACE(ac_udp_send_to);
AC__LEAF_TRACE(ac_udp_recv_from);
AC__LEAF_TRACE(ac_signal);

/* "NAME" of a task: its spawned function, "root", or "?" (trace.c). */
struct ac_task;
const char *ac__task_name(const struct ac_task *t);

/* A waiting fd operation: "fd 7 readable (since ...)" (io_reg.c). */
struct ac_io_op;
void ac__io_op_trace(const struct ac_io_op *op, int fd, const char *what, struct ac_trace *t);
/* A frame queued on a wait queue (struct ac_waiter): what on, since when
 * (read under the primitive's spinlock 'lock'; waitq.c). */
struct ac_waiter;
void ac__waiter_trace(_Atomic unsigned char *lock, const struct ac_waiter *w, unsigned frame_state,
                      const char *what, const void *obj, struct ac_trace *t);

#endif
