/* Runs one unit test by name, or all of them (see test.h). */
#include "test-list.h"
#include "test.h"

#include <time.h>

#define DECLARE(name) TEST_IMPL(name);
AC_TEST_LIST(DECLARE)

struct test_entry {
  const char *name;
  void (*run)(void);
};

#define ENTRY(name) {#name, test_##name},
static const struct test_entry tests[] = {AC_TEST_LIST(ENTRY)};
#define NUM_TESTS (sizeof tests / sizeof tests[0])

unsigned long long test_now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (unsigned long long)ts.tv_sec * 1000u + (unsigned long long)ts.tv_nsec / 1000000u;
}

int main(int argc, char **argv) {
  if (argc > 2) {
    fprintf(stderr, "usage: %s [test-name]\n", argv[0]);
    return 2;
  }
  for (size_t i = 0; i < NUM_TESTS; i++) {
    if (argc == 2 && strcmp(argv[1], tests[i].name) != 0)
      continue;
    printf("test %s ... ", tests[i].name);
    fflush(stdout);
    tests[i].run();
    printf("ok\n");
    if (argc == 2)
      return 0;
  }
  if (argc == 2) {
    fprintf(stderr, "no test named %s\n", argv[1]);
    return 2;
  }
  return 0;
}
