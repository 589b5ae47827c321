#include <stdio.h>

int tick_count(int n);

int main(void) {
  printf("ticks: %d\n", tick_count(3));
  return 0;
}
