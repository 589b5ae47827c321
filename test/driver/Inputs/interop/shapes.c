/* Plain C calls the blocking wrappers of shapes.ac's async functions. */
#include <stdio.h>
#include <asyncc/asyncc.h>
struct pt { int x, y; };
typedef int (*cb_t)(int);
void nothing__block_on(void);
struct pt mk__block_on(int x, int y);
long sum__block_on(const int a[4], int n);
int apply__block_on(cb_t f, int v);
const char *name__block_on(const char *s);
unsigned long long big__block_on(unsigned char c, double d, void *p);
int vla__block_on(int n, int m[n]);
int (*getfn__block_on(int k))(int);
static int inc(int v) { return v + 1; }
int main(void) {
  nothing__block_on();
  struct pt p = mk__block_on(3, 4);
  int a[4] = {1, 2, 3, 4};
  int m[3] = {5, 6, 7};
  printf("%d %d %ld %d %s %llu %d %d\n", p.x, p.y, sum__block_on(a, 4), apply__block_on(inc, 41), name__block_on("nm"), big__block_on(2, 3.5, 0), vla__block_on(3, m), getfn__block_on(0)(99));
  return 0;
}
