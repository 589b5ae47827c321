/* Microbenchmark of the task core, with frames written by hand the way the
 * compiler lowers them (no compiler involved):
 *
 *   spawn-join  W3 of ../shared/peers: from a running task spawn 1,000,000
 *               tasks `async long task(long i) { return i; }` (24-byte
 *               frame), keep the handles in an array, then join them in
 *               order.  ns per task (first spawn to last join) and bytes per
 *               task: (VmHWM - VmRSS before the first spawn) / 1e6, handles
 *               included.
 *   handoff     two tasks passing a counter back and forth through a
 *               one-slot mailbox: each hand-off is a wake of the other task
 *               and its poll.  ns per hand-off.
 *
 * Prints RESULT lines in the format of ../shared/peers/README.md. */
#include <asyncc/asyncc.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define TASKS 1000000L
#define HANDOFFS 2000000L

static double now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e9 + ts.tv_nsec;
}

static long status_kb(const char *key) {
  char line[256];
  long v = -1;
  FILE *f = fopen("/proc/self/status", "r");
  if (!f)
    return -1;
  while (fgets(line, sizeof line, f))
    if (!strncmp(line, key, strlen(key)))
      v = strtol(line + strlen(key), NULL, 10);
  fclose(f);
  return v;
}

/* ------------------------------------------------ async long task(long i) */
struct task__frame {
  unsigned ac_state;
  long i;
  long ac_result;
};

static ac_poll task__poll(void *p, struct ac_cx *cx) {
  struct task__frame *f = p;
  (void)cx;
  f->ac_result = f->i;
  f->ac_state = AC_STATE_DONE;
  return AC_READY;
}

static const struct ac_spawn_desc task__spawn = {
    sizeof(struct task__frame), _Alignof(struct task__frame),
    offsetof(struct task__frame, ac_result), sizeof(long), task__poll, NULL, 0, 0, 0};

/* ------------------------------------------- the spawning task (W3 root) */
struct w3__frame {
  unsigned ac_state;
  struct ac_task **h;
  long k, sum;
  long rss_base_kb;
  double t0, t1;
  struct ac_task_join__frame j;
  long out;
};

static ac_poll w3__poll(void *p, struct ac_cx *cx) {
  struct w3__frame *f = p;
  if (f->ac_state == 0) {
    f->h = malloc(TASKS * sizeof *f->h);
    f->rss_base_kb = status_kb("VmRSS:");
    f->t0 = now_ns();
    for (long i = 0; i < TASKS; i++) {
      struct task__frame *tf = ac_spawn_alloc(&task__spawn, &f->h[i]);
      if (!tf)
        abort();
      tf->ac_state = 0;
      tf->i = i;
      ac_spawn_start(f->h[i]);
    }
    f->k = 0;
    f->ac_state = 1;
    ac_task_join__init(&f->j, f->h[0], &f->out);
  }
  while (f->k < TASKS) {
    if (ac_task_join__poll(&f->j, cx) == AC_PENDING)
      return AC_PENDING;
    f->sum += f->out;
    if (++f->k < TASKS)
      ac_task_join__init(&f->j, f->h[f->k], &f->out);
  }
  f->t1 = now_ns();
  f->ac_state = AC_STATE_DONE;
  return AC_READY;
}

/* ---------------------------------------------------- hand-off (W2-like) */
struct mailbox {
  long value;
  int full;                 /* 1: a value waits for the other side */
  struct ac_task *waiting;  /* the task to wake when it changes */
};

struct pp__frame {
  unsigned ac_state;
  struct mailbox *to_me, *to_other;
  long n, got;
};

/* Waits for a value in 'to_me', then passes value + 1 to the other side. */
static ac_poll pp__poll(void *p, struct ac_cx *cx) {
  struct pp__frame *f = p;
  for (;;) {
    if (!f->to_me->full) {
      f->to_me->waiting = ac_cx_task(cx);
      return AC_PENDING;
    }
    f->to_me->full = 0;
    f->got = f->to_me->value;
    if (f->got >= f->n) {
      f->to_other->value = f->got + 1; /* let the other side end too */
      f->to_other->full = 1;
      if (f->to_other->waiting)
        ac_task_wake(f->to_other->waiting);
      f->ac_state = AC_STATE_DONE;
      return AC_READY;
    }
    f->to_other->value = f->got + 1;
    f->to_other->full = 1;
    if (f->to_other->waiting)
      ac_task_wake(f->to_other->waiting);
  }
}

static const struct ac_spawn_desc pp__spawn = {sizeof(struct pp__frame),
                                               _Alignof(struct pp__frame), 0, 0, pp__poll,
                                               NULL, 0, 0, 0};

struct w2__frame {
  unsigned ac_state;
  struct mailbox ab, ba;
  struct ac_task *a, *b;
  struct ac_task_join__frame j;
  double t0, t1;
};

static ac_poll w2__poll(void *p, struct ac_cx *cx) {
  struct w2__frame *f = p;
  if (f->ac_state == 0) {
    struct pp__frame *pa = ac_spawn_alloc(&pp__spawn, &f->a);
    struct pp__frame *pb = ac_spawn_alloc(&pp__spawn, &f->b);
    *pa = (struct pp__frame){0, &f->ba, &f->ab, HANDOFFS, 0};
    *pb = (struct pp__frame){0, &f->ab, &f->ba, HANDOFFS, 0};
    f->ba = (struct mailbox){0, 1, NULL}; /* a starts with 0 */
    f->t0 = now_ns();
    ac_spawn_start(f->a);
    ac_spawn_start(f->b);
    ac_task_detach(f->a);
    ac_task_join__init(&f->j, f->b, NULL);
    f->ac_state = 1;
  }
  if (ac_task_join__poll(&f->j, cx) == AC_PENDING)
    return AC_PENDING;
  f->t1 = now_ns();
  f->ac_state = AC_STATE_DONE;
  return AC_READY;
}

int main(void) {
  struct w3__frame w3 = {0};
  struct w2__frame w2 = {0};
  long hwm;
  if (ac_block_on_frame(&w3, w3__poll, NULL))
    return 1;
  hwm = status_kb("VmHWM:");
  if (w3.sum != TASKS * (TASKS - 1) / 2) {
    fprintf(stderr, "bad sum %ld\n", w3.sum);
    return 1;
  }
  printf("RESULT spawn-join asyncc-micro ns_per_task=%.1f ns\n", (w3.t1 - w3.t0) / TASKS);
  printf("RESULT spawn-join asyncc-micro bytes_per_task=%.1f B\n",
         (hwm - w3.rss_base_kb) * 1024.0 / TASKS);
  if (ac_block_on_frame(&w2, w2__poll, NULL))
    return 1;
  printf("RESULT yield-pingpong asyncc-micro-wake ns_per_handoff=%.1f ns\n",
         (w2.t1 - w2.t0) / HANDOFFS);
  return 0;
}
