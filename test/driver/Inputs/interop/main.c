/* Plain C runs an async function of another file to completion. */
#include <stdio.h>

#include "compute.h"

int main(void) {
  int r = compute__block_on(20);
  printf("compute__block_on(20) = %d, leaf polled %d times\n", r, c_double_later_polls);
  return 0;
}
