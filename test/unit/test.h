/* Unit-test harness for the asyncc runtime: a libuv-style registry
 * (test-list.h) and typed asserts that print both sides.
 *
 * A test is `TEST_IMPL(name) { ... }` in a test-<area>.c file, listed in
 * test-list.h.  `asyncc_unit name` runs one test (that is what ctest does,
 * one process per test); `asyncc_unit` alone runs them all. */
#ifndef AC_TEST_H
#define AC_TEST_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TEST_IMPL(name) void test_##name(void)

#define TEST_FAIL_(fmt, ...)                                                   \
  do {                                                                         \
    fprintf(stderr, "%s:%d: " fmt "\n", __FILE__, __LINE__, __VA_ARGS__);     \
    abort();                                                                   \
  } while (0)

#define ASSERT_TRUE(expr)                                                      \
  do {                                                                         \
    if (!(expr))                                                               \
      TEST_FAIL_("ASSERT_TRUE(%s) failed", #expr);                             \
  } while (0)

#define ASSERT_CMP_(type, fmt, a, op, b)                                       \
  do {                                                                         \
    type a_ = (a);                                                             \
    type b_ = (b);                                                             \
    if (!(a_ op b_))                                                           \
      TEST_FAIL_("ASSERT(%s " #op " %s) failed: " fmt " vs " fmt, #a, #b, a_,  \
                 b_);                                                          \
  } while (0)

#define ASSERT_INT_EQ(a, b) ASSERT_CMP_(long long, "%lld", a, ==, b)
#define ASSERT_UINT_EQ(a, b) ASSERT_CMP_(unsigned long long, "%llu", a, ==, b)
#define ASSERT_UINT_NE(a, b) ASSERT_CMP_(unsigned long long, "%llu", a, !=, b)
#define ASSERT_UINT_LE(a, b) ASSERT_CMP_(unsigned long long, "%llu", a, <=, b)
#define ASSERT_UINT_LT(a, b) ASSERT_CMP_(unsigned long long, "%llu", a, <, b)
#define ASSERT_UINT_GE(a, b) ASSERT_CMP_(unsigned long long, "%llu", a, >=, b)
#define ASSERT_PTR_EQ(a, b) ASSERT_CMP_(const void *, "%p", a, ==, b)
#define ASSERT_NULL(a) ASSERT_PTR_EQ(a, NULL)

#define ASSERT_STR_CONTAINS(haystack, needle)                                  \
  do {                                                                         \
    const char *h_ = (haystack), *n_ = (needle);                               \
    if (!strstr(h_, n_))                                                       \
      TEST_FAIL_("ASSERT_STR_CONTAINS(%s, %s) failed:\n--- text:\n%s--- "      \
                 "lacks: %s",                                                  \
                 #haystack, #needle, h_, n_);                                  \
  } while (0)

/* Milliseconds on CLOCK_MONOTONIC, for checking sleeps from outside. */
unsigned long long test_now_ms(void);

#endif
