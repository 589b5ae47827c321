/* A task's trace being written: the buffer that the ac_trace_* calls of
 * asyncc/trace.h (trace.c) append lines to, and that the task dump
 * (task_dump.c) fills once per task and then writes out.  The buffer comes
 * first because a task's first line says how long it has waited, which
 * only the leaf at the end of its chain of awaits knows. */
#ifndef AC__TRACE_BUF_H
#define AC__TRACE_BUF_H

#include <asyncc/trace.h>

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define AC__TRACE_BUF 8192

struct ac_trace {
  char buf[AC__TRACE_BUF];
  size_t len;
  bool truncated;
  int indent;     /* levels below the task line (1 = two spaces) */
  int depth;      /* frames entered: bounded, see trace.c */
  bool has_since;
  uint32_t since; /* earliest wait start a leaf reported */
  uint32_t now;   /* coarse clock when the task was traced */
};

#endif
