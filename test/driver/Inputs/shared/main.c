#include <stdio.h>

int lib_twice(int x);

int main(void) {
  printf("twice %d\n", lib_twice(21));
  return 0;
}
