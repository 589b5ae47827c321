/* The spin before a blocking park (park_spin.h). */
#include "park_spin.h"

#include <stdio.h>
#include <stdlib.h>

void ac__park_spin_init(struct ac__park_spin *s) {
  const char *text = getenv("ASYNCC_PARK_SPIN_US");
  char *end;
  unsigned long us;
  if (!text || !*text) {
    *s = (struct ac__park_spin){true, AC__PARK_SPIN_ADAPTIVE_MAX_US * 1000u, 0};
    return;
  }
  us = strtoul(text, &end, 10);
  if (*end || *text == '-' || us > AC__PARK_SPIN_MAX_US) {
    fprintf(stderr, "asyncc: ASYNCC_PARK_SPIN_US=%s: not a count of microseconds <= %d; "
                    "not spinning\n", text, AC__PARK_SPIN_MAX_US);
    us = 0;
  }
  *s = (struct ac__park_spin){false, (uint32_t)us * 1000u, (uint32_t)us * 1000u};
}

void ac__park_spin_update(struct ac__park_spin *s, bool caught, bool woken, uint64_t waited_ns) {
  if (!s->adaptive || caught)
    return;
  if (waited_ns > s->max_ns) {
    s->window_ns = 0; /* no spin up to the ceiling would have caught it */
  } else if (woken) { /* a longer spin would have: grow */
    uint32_t grown = s->window_ns ? 2 * s->window_ns : AC__PARK_SPIN_ADAPTIVE_START_US * 1000u;
    s->window_ns = grown < s->max_ns ? grown : s->max_ns;
  }
}
