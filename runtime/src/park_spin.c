/* ASYNCC_PARK_SPIN_US (park_spin.h). */
#include "park_spin.h"

#include <stdio.h>
#include <stdlib.h>

unsigned ac__park_spin_us(void) {
  const char *text = getenv("ASYNCC_PARK_SPIN_US");
  char *end;
  unsigned long us;
  if (!text || !*text)
    return 0;
  us = strtoul(text, &end, 10);
  if (*end || *text == '-' || us > AC__PARK_SPIN_MAX_US) {
    fprintf(stderr, "asyncc: ASYNCC_PARK_SPIN_US=%s: not a count of microseconds <= %d; "
                    "not spinning\n", text, AC__PARK_SPIN_MAX_US);
    return 0;
  }
  return (unsigned)us;
}
