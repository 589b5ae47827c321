/* asyncc runtime: channels.  Every call and leaf here is safe from any
 * thread: tasks of any runtime (current-thread or multi-thread) and plain
 * threads may share a channel.  Items are fixed-size and copied in and
 * out.  Errors are negative errno values.  See docs/runtime.md "Channels".
 *
 * MPSC (struct ac_chan), bounded or unbounded
 *   struct ac_chan *ac_chan_new(size_t capacity, size_t item_size);
 *   struct ac_chan *ac_chan_new_unbounded(size_t item_size);
 *       NULL if capacity or item_size is 0, or out of memory.
 *   async int ac_chan_send(ch, const void *item);
 *       0 once the item is in the channel (pending while full), -EPIPE if
 *       closed.  'item' must stay valid until the send completes.  Never
 *       pending on an unbounded channel (-ENOMEM if it cannot grow).
 *   int ac_chan_try_send(ch, const void *item);      plain call, any thread
 *       0, -EAGAIN if full (or senders are queued), -EPIPE, -ENOMEM.
 *   async int ac_chan_recv(ch, void *out);
 *       0 with the oldest item in 'out' (pending while empty), -EPIPE once
 *       closed and drained.
 *   int ac_chan_try_recv(ch, void *out);   0, -EAGAIN if empty, -EPIPE.
 *   int ac_chan_send_blocking(ch, item), ac_chan_recv_blocking(ch, out):
 *       for plain threads: block the thread until send/recv would complete;
 *       same results, or -EDEADLK on a thread that runs a runtime.
 *   void ac_chan_close(ch);     idempotent; wakes every waiter
 *   void ac_chan_free(ch);      no operation pending, no call racing it
 *
 * Oneshot (struct ac_oneshot): one value, once
 *   struct ac_oneshot *ac_oneshot_new(size_t item_size);
 *   int ac_oneshot_send(o, const void *item);   never waits: 0, or -EPIPE
 *       if a value was already sent or the oneshot was closed.
 *   void ac_oneshot_close(o);   the sender gives up: recv gets -EPIPE
 *   async int ac_oneshot_recv(o, void *out);  0 with the value, or -EPIPE
 *       (closed without a value, or the value was already taken)
 *   void ac_oneshot_free(o);
 *
 * Broadcast (struct ac_bcast): every receiver sees every value sent after
 * it subscribed; a bounded ring, so a receiver that falls behind by more
 * than 'capacity' values loses the oldest ones and is told so once.
 *   struct ac_bcast *ac_bcast_new(size_t capacity, size_t item_size);
 *   void ac_bcast_subscribe(b, struct ac_bcast_rx *rx);  rx is caller-owned
 *   int ac_bcast_send(b, const void *item);   never waits: 0 or -EPIPE
 *   async int ac_bcast_recv(struct ac_bcast_rx *rx, void *out);
 *       0 with the next value; -EOVERFLOW if rx fell behind: rx->lagged
 *       is set to the number of values it missed and the next recv goes
 *       on with the oldest value still held; -EPIPE once closed and
 *       drained.
 *   void ac_bcast_close(b);  void ac_bcast_free(b);
 *
 * Waiting operations are intrusive nodes in their frames (no allocation
 * per operation); dropping a pending one unlinks it and passes on any wake
 * it had received, so no wake-up is ever lost. */
#ifndef ASYNCC_CHAN_H
#define ASYNCC_CHAN_H

#include <asyncc/asyncc.h>
#include <asyncc/waiter.h>
#include <stddef.h>

/* ------------------------------------------------------------------ MPSC */
struct ac_chan;

struct ac_chan *ac_chan_new(size_t capacity, size_t item_size);
struct ac_chan *ac_chan_new_unbounded(size_t item_size);
int ac_chan_try_send(struct ac_chan *ch, const void *item);
int ac_chan_try_recv(struct ac_chan *ch, void *out);
int ac_chan_send_blocking(struct ac_chan *ch, const void *item);
int ac_chan_recv_blocking(struct ac_chan *ch, void *out);
void ac_chan_close(struct ac_chan *ch);
void ac_chan_free(struct ac_chan *ch);

struct ac_chan_send__frame {
  unsigned ac_state;
  struct ac_chan *ch;
  const void *item;
  struct ac_waiter w; /* set up when it is first queued */
  int ac_result;
};
void ac_chan_send__init(struct ac_chan_send__frame *f, struct ac_chan *ch, const void *item);
ac_poll ac_chan_send__poll(struct ac_chan_send__frame *f, struct ac_cx *cx);
void ac_chan_send__drop(struct ac_chan_send__frame *f);

struct ac_chan_recv__frame {
  unsigned ac_state;
  struct ac_chan *ch;
  void *out;
  struct ac_waiter w; /* set up when it is first queued */
  int ac_result;
};
void ac_chan_recv__init(struct ac_chan_recv__frame *f, struct ac_chan *ch, void *out);
ac_poll ac_chan_recv__poll(struct ac_chan_recv__frame *f, struct ac_cx *cx);
void ac_chan_recv__drop(struct ac_chan_recv__frame *f);

/* ------------------------------------------- MPSC: inline fast paths
 * Private.  Every await of a send or recv runs an init, and in a hand-off
 * (W2) the woken receiver finds its item already copied to 'out': those
 * two are inlined into generated code; everything that takes the
 * channel's lock stays in channel.c (ac__chan_*_poll: the whole poll). */

/* The first member of struct ac_chan (channel.c). */
struct ac__chan_head {
  _Atomic _Bool handoff_out; /* an item HANDED to a receiver not yet seen */
};
enum { AC__RECV_RETRY = 1, AC__RECV_HANDED = 2 }; /* a receiver's wake results */

ac_poll ac__chan_send_poll(struct ac_chan_send__frame *f, struct ac_cx *cx);
ac_poll ac__chan_recv_poll(struct ac_chan_recv__frame *f, struct ac_cx *cx);
/* The first poll (state UNSTARTED).  An await polls right after the init,
 * so the inline polls below see the state the init stored and call these
 * directly, without the state checks of the whole poll. */
ac_poll ac__chan_send_start(struct ac_chan_send__frame *f, struct ac_cx *cx);
ac_poll ac__chan_recv_start(struct ac_chan_recv__frame *f, struct ac_cx *cx);

AC__INLINE void ac_chan_send__init(struct ac_chan_send__frame *f, struct ac_chan *ch,
                                   const void *item) {
  f->ac_state = AC__OP_UNSTARTED;
  f->ch = ch;
  AC__STORE_SCALAR(f->item, item);
}

AC__INLINE void ac_chan_recv__init(struct ac_chan_recv__frame *f, struct ac_chan *ch, void *out) {
  f->ac_state = AC__OP_UNSTARTED;
  f->ch = ch;
  AC__STORE_SCALAR(f->out, out);
}

AC__INLINE ac_poll ac_chan_send__poll(struct ac_chan_send__frame *f, struct ac_cx *cx) {
  if (f->ac_state == AC__OP_UNSTARTED)
    return ac__chan_send_start(f, cx);
  return ac__chan_send_poll(f, cx);
}

/* Woken with the item in 'out' (the waker is done with the node: WOKEN,
 * acquire, so 'result' and 'out' are final): done without the lock. */
AC__INLINE ac_poll ac_chan_recv__poll(struct ac_chan_recv__frame *f, struct ac_cx *cx) {
  if (f->ac_state == AC__OP_WAITING &&
      AC__LOAD_ACQUIRE(&f->w.state) == AC__W_WOKEN &&
      f->w.result == AC__RECV_HANDED) {
    AC__STORE_RELAXED(&((struct ac__chan_head *)f->ch)->handoff_out, 0);
    f->ac_result = 0;
    f->ac_state = AC_STATE_DONE;
    return AC_READY;
  }
  if (f->ac_state == AC__OP_UNSTARTED)
    return ac__chan_recv_start(f, cx);
  return ac__chan_recv_poll(f, cx);
}

/* --------------------------------------------------------------- oneshot */
struct ac_oneshot;

struct ac_oneshot *ac_oneshot_new(size_t item_size);
int ac_oneshot_send(struct ac_oneshot *o, const void *item);
void ac_oneshot_close(struct ac_oneshot *o);
void ac_oneshot_free(struct ac_oneshot *o);

struct ac_oneshot_recv__frame {
  unsigned ac_state;
  struct ac_oneshot *o;
  void *out;
  struct ac_waiter w;
  int ac_result;
};
void ac_oneshot_recv__init(struct ac_oneshot_recv__frame *f, struct ac_oneshot *o, void *out);
ac_poll ac_oneshot_recv__poll(struct ac_oneshot_recv__frame *f, struct ac_cx *cx);
void ac_oneshot_recv__drop(struct ac_oneshot_recv__frame *f);

/* ------------------------------------------------------------- broadcast */
struct ac_bcast;

/* A subscription: where this receiver is in the stream.  Caller-owned
 * (embed it anywhere); it holds no resources, so there is no unsubscribe. */
struct ac_bcast_rx {
  struct ac_bcast *b;
  __UINT64_TYPE__ next;   /* sequence number of the next value to receive */
  __UINT64_TYPE__ lagged; /* set by a recv that returned -EOVERFLOW */
};

struct ac_bcast *ac_bcast_new(size_t capacity, size_t item_size);
void ac_bcast_subscribe(struct ac_bcast *b, struct ac_bcast_rx *rx);
int ac_bcast_send(struct ac_bcast *b, const void *item);
void ac_bcast_close(struct ac_bcast *b);
void ac_bcast_free(struct ac_bcast *b);

struct ac_bcast_recv__frame {
  unsigned ac_state;
  struct ac_bcast_rx *rx;
  void *out;
  struct ac_waiter w;
  int ac_result;
};
void ac_bcast_recv__init(struct ac_bcast_recv__frame *f, struct ac_bcast_rx *rx, void *out);
ac_poll ac_bcast_recv__poll(struct ac_bcast_recv__frame *f, struct ac_cx *cx);
void ac_bcast_recv__drop(struct ac_bcast_recv__frame *f);

#ifdef ASYNCC_DIALECT
async int ac_chan_send(struct ac_chan *ch, const void *item);
async int ac_chan_recv(struct ac_chan *ch, void *out);
async int ac_oneshot_recv(struct ac_oneshot *o, void *out);
async int ac_bcast_recv(struct ac_bcast_rx *rx, void *out);
#endif

#endif
