/* Shared by the benchmark programs: the peer name, a monotonic clock and
 * the RSS figures of ../shared/peers/README.md (VmRSS before the first
 * spawn as the baseline, VmHWM as the peak). */
#ifndef ASYNCC_BENCH_UTIL_H
#define ASYNCC_BENCH_UTIL_H
#include <stdio.h>
#include <string.h>
#include <time.h>

/* -DPEER_NAME=asyncc-gcc-O2 (unquoted, for build systems) */
#define BENCH_STR_(x) #x
#define BENCH_STR(x) BENCH_STR_(x)
#ifdef PEER_NAME
#define PEER BENCH_STR(PEER_NAME)
#else
#define PEER "asyncc"
#endif

static inline double now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec * 1e9 + (double)t.tv_nsec;
}

/* A "VmRSS:" / "VmHWM:" figure of /proc/self/status, in bytes. */
static inline double proc_status_bytes(const char *key) {
  char line[256];
  double kb = 0;
  size_t n = strlen(key);
  FILE *f = fopen("/proc/self/status", "r");
  if (!f)
    return 0;
  while (fgets(line, sizeof line, f))
    if (strncmp(line, key, n) == 0) {
      sscanf(line + n, "%lf", &kb);
      break;
    }
  fclose(f);
  return kb * 1024.0;
}
#endif
