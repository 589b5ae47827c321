/* The ac_trace_* calls (asyncc/trace.h) that generated f__trace functions
 * and the leaves make while the task dump traces a task: each appends a
 * line to the task's buffer (trace_buf.h), indented by its nesting. */
#include "leaf_trace.h"
#include "task.h"
#include "trace_buf.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define TRACE_MAX_DEPTH 64 /* a cycle in corrupt frames must not loop forever */

static void vput(struct ac_trace *t, const char *fmt, va_list ap) {
  if (t->truncated)
    return;
  size_t room = AC__TRACE_BUF - t->len;
  int n = 2 * t->indent < (int)room ? 2 * t->indent : 0;
  memset(t->buf + t->len, ' ', (size_t)n);
  int m = vsnprintf(t->buf + t->len + n, room - (size_t)n, fmt, ap);
  if (m < 0 || (size_t)(n + m) + 1 >= room) {
    t->truncated = true;
    return;
  }
  t->len += (size_t)(n + m);
  t->buf[t->len++] = '\n';
}

static void put(struct ac_trace *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void put(struct ac_trace *t, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vput(t, fmt, ap);
  va_end(ap);
}

void ac_trace_await(struct ac_trace *t, const char *file, unsigned line, const char *fn,
                    const char *callee) {
  put(t, "at %s:%u in %s, awaiting %s", file, line, fn, callee);
}

void ac_trace_frame(struct ac_trace *t, ac_trace_fn fn, const void *frame) {
  if (!fn || t->depth >= TRACE_MAX_DEPTH)
    return;
  t->depth++;
  fn(frame, t);
  t->depth--;
}

void ac_trace_nest(struct ac_trace *t, int delta) { t->indent += delta; }

void ac_trace_state(struct ac_trace *t, const char *fn, unsigned state) {
  if (state == 0)
    put(t, "in %s, not polled yet", fn);
  else if (state == AC_STATE_DONE)
    put(t, "in %s, completed", fn);
  else
    put(t, "in %s, state %u", fn, state);
}

void ac_trace_wait(struct ac_trace *t, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vput(t, fmt, ap);
  va_end(ap);
}

void ac_trace_since(struct ac_trace *t, unsigned coarse_ms) {
  /* several leaves in flight (a timeout): the task has waited since the
   * earliest; compared as ages, so the 32-bit wrap does not matter */
  if (!t->has_since || (uint32_t)(t->now - coarse_ms) > (uint32_t)(t->now - t->since))
    t->since = coarse_ms;
  t->has_since = true;
}

const char *ac__task_name(const struct ac_task *t) {
  const struct ac_spawn_desc *desc = t->desc;
  if (desc == &ac__root_desc)
    return "root";
  return desc && desc->name ? desc->name : "?";
}
