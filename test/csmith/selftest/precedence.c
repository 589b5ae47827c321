/* asyncify self-test: precedence (postfix operators on awaited calls),
   discarded results, nested calls, storage classes and inline. */
#include <stdio.h>
struct S { int a; int b[2]; };
static struct S g(int x);
static int *p(void);
extern int e(int);
static int h(int x) { return x + 1; }
static struct S g(int x) { struct S s = {x, {x, x}}; return s; }
static int gi;
static int *p(void) { return &gi; }
int e(int x) { return x * 2; }
static inline int k(void) { return -h(1) + g(2).a + g(3).b[1] + p()[0] + (*p())++ + e(2); }
int main(void) {
  int r = k();
  k();
  r += h(h(2)) - -h(3) + h /* comment */ (4);
  printf("%d\n", r + (h(1), h(2)) + (int)h(4) + !h(0) + (r ? h(1) : h(2)) + g(1) . a);
  return 0;
}
