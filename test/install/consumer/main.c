/* The executable's plain C source; it sees the runtime's headers through
 * the package (CMake) or pkg-config --cflags (make). */
#include <asyncc/asyncc.h>
#include <stdio.h>

#include "consumer.h"

int c_add(int a, int b) { return a + b; }

int main(void) {
  printf("sum: %d\n", lib_sum(10));
  return app_run() > 0 ? 0 : 1;
}
