/* asyncc runtime: graceful shutdown of a server (docs/runtime.md,
 * "Graceful shutdown"): a stop signal every connection can wait for, and a
 * count of the connections still running, to wait for with a deadline.
 *
 *   void ac_graceful_init(struct ac_graceful *g);  ac_graceful_destroy(g)
 *   void ac_graceful_stop(g)      any thread, idempotent: from now on every
 *                                 ac_graceful_stopping(g) completes
 *   int  ac_graceful_stopped(g)   whether ac_graceful_stop was called
 *   void ac_graceful_enter(g)     a connection starts...
 *   void ac_graceful_leave(g)     ...and ends (a cleanup attribute fits)
 *   size_t ac_graceful_active(g)  entered and not left
 *   async void ac_graceful_stopping(g)  completes once stopped; select it
 *                                 against an accept or a read
 *   async void ac_graceful_idle(g)      completes when no connection is
 *                                 active (one task waits at a time); bound
 *                                 it with ac_timeout for a deadline
 *   async int ac_graceful_accept(g, int lfd)
 *       the accept loop's call: the next connection of lfd, already
 *       entered (leave it when the connection ends), or -ESHUTDOWN once g
 *       is stopped; other errors as ac_tcp_accept's (nothing entered).
 *
 *   accept loop:   while ((fd = await ac_graceful_accept(&g, lfd)) != -ESHUTDOWN)
 *                    if (fd >= 0) spawn a task that leaves g when it ends
 *   then:          ac_close(lfd); await ac_timeout(ms, ac_graceful_idle(&g));
 *
 * No wake-up is lost: a stop or a last leave that comes while the waiter
 * is between its check and its wait completes the wait. */
#ifndef ASYNCC_GRACEFUL_H
#define ASYNCC_GRACEFUL_H

#include <asyncc/net.h>
#include <asyncc/sync.h>

struct ac_graceful {
  struct ac_sem stop;   /* no permits until stopped, then plenty */
  _Atomic size_t active;
  _Atomic int stopped;
  struct ac_notify idle; /* the last leave */
};

void ac_graceful_init(struct ac_graceful *g);
void ac_graceful_destroy(struct ac_graceful *g);
void ac_graceful_stop(struct ac_graceful *g);
int ac_graceful_stopped(struct ac_graceful *g);
void ac_graceful_enter(struct ac_graceful *g);
void ac_graceful_leave(struct ac_graceful *g);
size_t ac_graceful_active(struct ac_graceful *g);

struct ac_graceful_stopping__frame {
  unsigned ac_state;
  struct ac_graceful *g;
  struct ac_sem_acquire__frame acquire;
};
void ac_graceful_stopping__init(struct ac_graceful_stopping__frame *f, struct ac_graceful *g);
ac_poll ac_graceful_stopping__poll(struct ac_graceful_stopping__frame *f, struct ac_cx *cx);
void ac_graceful_stopping__drop(struct ac_graceful_stopping__frame *f);

struct ac_graceful_idle__frame {
  unsigned ac_state;
  struct ac_graceful *g;
  struct ac_notified__frame notified;
};
void ac_graceful_idle__init(struct ac_graceful_idle__frame *f, struct ac_graceful *g);
ac_poll ac_graceful_idle__poll(struct ac_graceful_idle__frame *f, struct ac_cx *cx);
void ac_graceful_idle__drop(struct ac_graceful_idle__frame *f);

struct ac_graceful_accept__frame {
  unsigned ac_state;
  struct ac_graceful *g;
  int lfd;
  struct ac_graceful_stopping__frame stopping;
  struct ac_tcp_accept__frame accept;
  int ac_result;
};
void ac_graceful_accept__init(struct ac_graceful_accept__frame *f, struct ac_graceful *g,
                              int lfd);
ac_poll ac_graceful_accept__poll(struct ac_graceful_accept__frame *f, struct ac_cx *cx);
void ac_graceful_accept__drop(struct ac_graceful_accept__frame *f);

#ifdef ASYNCC_DIALECT
async int ac_graceful_accept(struct ac_graceful *g, int lfd);
async void ac_graceful_stopping(struct ac_graceful *g);
async void ac_graceful_idle(struct ac_graceful *g);
#endif

#endif
