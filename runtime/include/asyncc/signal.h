/* asyncc runtime: waiting for a signal (docs/runtime.md, "Signals").
 *
 *   async int ac_signal(int signo)
 *       0 once 'signo' has arrived after the operation's first poll
 *       (several arrivals before the task runs count as one); -EINVAL for
 *       SIGKILL, SIGSTOP or a number out of range; -errno if the handler or
 *       the wake-up pipe could not be set up.
 *
 * Process-wide effects: the first ac_signal(signo) installs a handler for
 * signo (SA_RESTART) that stays for the rest of the process, replacing the
 * previous disposition: e.g. SIGINT no longer terminates the program, it
 * only completes ac_signal(SIGINT) futures (an arrival with nobody waiting
 * is ignored).  The signal is not blocked, so it reaches the handler on
 * whatever thread the kernel picks; the handler only bumps a counter and
 * writes one byte to a self-pipe that the reactor watches.  Every task
 * waiting for signo is woken by one arrival.
 *
 * Dropping a pending ac_signal unlinks its waiter; the handler stays. */
#ifndef ASYNCC_SIGNAL_H
#define ASYNCC_SIGNAL_H

#include <asyncc/net.h>

struct ac_signal__frame {
  unsigned ac_state;
  int signo;
  unsigned long seen; /* the signal's arrival count at the first poll */
  struct ac_io_op op;
  int ac_result;
};
void ac_signal__init(struct ac_signal__frame *f, int signo);
ac_poll ac_signal__poll(struct ac_signal__frame *f, struct ac_cx *cx);
void ac_signal__drop(struct ac_signal__frame *f);

#ifdef ASYNCC_DIALECT
async int ac_signal(int signo);
#endif

#endif
