#include <stdio.h>

#include "work.h"

int main(void) {
  printf("work(10) = %d\n", work__block_on(10));
  return 0;
}
