/* ac_block_on_frame: results, misuse from inside a runtime, and one
 * runtime per thread. */
#include "test.h"

#include <asyncc/asyncc.h>

#include <errno.h>
#include <pthread.h>
#include <unistd.h>

/* async int answer(void) { await ac_yield(); return 42; } */
struct answer__frame {
  unsigned ac_state;
  struct ac_yield__frame y;
  int ac_result;
};

static void answer__init(struct answer__frame *f) { f->ac_state = 0; }

static ac_poll answer__poll(struct answer__frame *f, struct ac_cx *cx) {
  switch (f->ac_state) {
  case 0:
    ac_yield__init(&f->y);
    /* fallthrough */
  case 1:
    if (ac_yield__poll(&f->y, cx) == AC_PENDING) {
      f->ac_state = 1;
      return AC_PENDING;
    }
    f->ac_result = 42;
    f->ac_state = AC_STATE_DONE;
    return AC_READY;
  }
  return AC_READY;
}

static void answer__drop(struct answer__frame *f) {
  if (f->ac_state == 1)
    ac_yield__drop(&f->y);
  f->ac_state = AC_STATE_DONE;
}

static ac_poll answer__poll_erased(void *f, struct ac_cx *cx) { return answer__poll(f, cx); }
static void answer__drop_erased(void *f) { answer__drop(f); }

/* What the generated main does for `async int main`. */
static int generated_main(void) {
  struct answer__frame fr;
  answer__init(&fr);
  if (ac_block_on_frame(&fr, answer__poll_erased, answer__drop_erased) != 0)
    return 1;
  return fr.ac_result;
}

TEST_IMPL(block_on_returns_result) { ASSERT_INT_EQ(generated_main(), 42); }

/* A poll that (wrongly) blocks on another frame, with stderr captured. */
struct nested__frame {
  int rc;
  struct answer__frame inner;
  char message[2048];
};

static ac_poll nested__poll(void *p, struct ac_cx *cx) {
  struct nested__frame *f = p;
  FILE *capture = tmpfile();
  int saved = dup(STDERR_FILENO);
  (void)cx;
  ASSERT_TRUE(capture != NULL && saved >= 0);
  fflush(stderr);
  dup2(fileno(capture), STDERR_FILENO);
  answer__init(&f->inner);
  f->rc = ac_block_on_frame(&f->inner, answer__poll_erased, answer__drop_erased);
  fflush(stderr);
  dup2(saved, STDERR_FILENO);
  close(saved);
  rewind(capture);
  size_t n = fread(f->message, 1, sizeof f->message - 1, capture);
  f->message[n] = '\0';
  fclose(capture);
  return AC_READY;
}

TEST_IMPL(block_on_nested_fails_with_message) {
  struct nested__frame fr = {0};
  ASSERT_INT_EQ(ac_block_on_frame(&fr, nested__poll, NULL), 0);
  ASSERT_INT_EQ(fr.rc, -EDEADLK);
  ASSERT_UINT_EQ(fr.inner.ac_state, 0); /* never polled */
  ASSERT_STR_CONTAINS(fr.message, "ac_block_on_frame()");
  ASSERT_STR_CONTAINS(fr.message, "already running an asyncc runtime");
  ASSERT_STR_CONTAINS(fr.message, "deadlock");
  ASSERT_STR_CONTAINS(fr.message, "`await`");
}

/* async void nap_then_yield(void) { await ac_sleep_ms(10); await ac_yield(); } */
struct nap__frame {
  unsigned ac_state;
  struct ac_sleep_ms__frame s;
  struct ac_yield__frame y;
};

static ac_poll nap__poll(void *p, struct ac_cx *cx) {
  struct nap__frame *f = p;
  switch (f->ac_state) {
  case 0:
    ac_sleep_ms__init(&f->s, 10);
    /* fallthrough */
  case 1:
    if (ac_sleep_ms__poll(&f->s, cx) == AC_PENDING) {
      f->ac_state = 1;
      return AC_PENDING;
    }
    ac_yield__init(&f->y);
    /* fallthrough */
  case 2:
    if (ac_yield__poll(&f->y, cx) == AC_PENDING) {
      f->ac_state = 2;
      return AC_PENDING;
    }
    f->ac_state = AC_STATE_DONE;
  }
  return AC_READY;
}

static void *nap_thread(void *arg) {
  struct nap__frame fr = {0};
  *(int *)arg = ac_block_on_frame(&fr, nap__poll, NULL);
  return NULL;
}

TEST_IMPL(block_on_again_and_on_many_threads) {
  pthread_t threads[4];
  int rc[4] = {-1, -1, -1, -1};
  /* The runtime leaves the thread free again. */
  ASSERT_INT_EQ(generated_main(), 42);
  ASSERT_INT_EQ(generated_main(), 42);
  for (int i = 0; i < 4; i++)
    ASSERT_INT_EQ(pthread_create(&threads[i], NULL, nap_thread, &rc[i]), 0);
  for (int i = 0; i < 4; i++) {
    pthread_join(threads[i], NULL);
    ASSERT_INT_EQ(rc[i], 0);
  }
}
