/* Uncontended costs of the channel and sync primitives on the current-thread
 * runtime (one task, nothing waits): what a lock/unlock or a send/recv pair
 * costs when it completes at once.  Hand-written frames; the loop returns
 * AC_PENDING whenever the coop budget makes a leaf yield, as generated code
 * would.  Prints ns per pair.  Usage: sync-ops-c [N] */
#include <asyncc/asyncc.h>
#include <asyncc/chan.h>
#include <asyncc/sync.h>

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static long N = 10000000;

static double now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e9 + ts.tv_nsec;
}

enum { MUTEX, SEM, CHAN_LEAVES, CHAN_TRY, NOTIFY, KINDS };
static const char *names[KINDS] = {"mutex lock+unlock", "semaphore acquire+release",
                                   "chan send+recv (leaves)", "chan try_send+try_recv",
                                   "notify_one+notified"};

struct root {
  unsigned ac_state;
  int kind, v;
  long i;
  double t0, ns;
  struct ac_mutex m;
  struct ac_sem s;
  struct ac_notify n;
  struct ac_chan *ch;
  int stage; /* 0: start the op, 1: its first leaf pending, 2: the second */
  union {
    struct ac_mutex_lock__frame l;
    struct ac_sem_acquire__frame a;
    struct ac_chan_send__frame cs;
    struct ac_notified__frame nf;
  } u;
  struct ac_chan_recv__frame cr;
};

/* One op of f->kind; AC_PENDING only when the coop budget said "yield". */
static ac_poll step(struct root *f, struct ac_cx *cx) {
  switch (f->kind) {
  case MUTEX:
    if (f->stage == 0) {
      ac_mutex_lock__init(&f->u.l, &f->m);
      f->stage = 1;
    }
    if (ac_mutex_lock__poll(&f->u.l, cx) == AC_PENDING)
      return AC_PENDING;
    ac_mutex_unlock(&f->m);
    break;
  case SEM:
    if (f->stage == 0) {
      ac_sem_acquire__init(&f->u.a, &f->s, 1);
      f->stage = 1;
    }
    if (ac_sem_acquire__poll(&f->u.a, cx) == AC_PENDING)
      return AC_PENDING;
    ac_sem_release(&f->s, 1);
    break;
  case CHAN_LEAVES:
    if (f->stage == 0) {
      ac_chan_send__init(&f->u.cs, f->ch, &f->v);
      f->stage = 1;
    }
    if (f->stage == 1) {
      if (ac_chan_send__poll(&f->u.cs, cx) == AC_PENDING)
        return AC_PENDING;
      ac_chan_recv__init(&f->cr, f->ch, &f->v);
      f->stage = 2;
    }
    if (ac_chan_recv__poll(&f->cr, cx) == AC_PENDING)
      return AC_PENDING;
    break;
  case CHAN_TRY:
    if (ac_chan_try_send(f->ch, &f->v) != 0 || ac_chan_try_recv(f->ch, &f->v) != 0)
      abort();
    break;
  case NOTIFY:
    if (f->stage == 0) {
      ac_notify_one(&f->n);
      ac_notified__init(&f->u.nf, &f->n);
      f->stage = 1;
    }
    if (ac_notified__poll(&f->u.nf, cx) == AC_PENDING)
      return AC_PENDING;
    break;
  }
  f->stage = 0;
  return AC_READY;
}

static ac_poll root_poll(void *p, struct ac_cx *cx) {
  struct root *f = p;
  if (f->ac_state == 0) {
    ac_mutex_init(&f->m);
    ac_sem_init(&f->s, 1);
    ac_notify_init(&f->n);
    f->ch = ac_chan_new(1, sizeof(int));
    f->t0 = now_ns();
    f->ac_state = 1;
  }
  for (; f->i < N; f->i++)
    if (step(f, cx) == AC_PENDING)
      return AC_PENDING; /* the leaf woke us: back to the executor once */
  f->ns = (now_ns() - f->t0) / N;
  ac_chan_free(f->ch);
  f->ac_state = AC_STATE_DONE;
  return AC_READY;
}
static void no_drop(void *p) { (void)p; }

int main(int argc, char **argv) {
  if (argc > 1)
    N = atol(argv[1]);
  for (int k = 0; k < KINDS; k++) {
    struct root f = {.kind = k};
    if (ac_block_on_frame(&f, root_poll, no_drop) != 0)
      return 1;
    printf("%-28s %6.1f ns\n", names[k], f.ns);
  }
  return 0;
}
