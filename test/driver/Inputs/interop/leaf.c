/* An async function written in plain C to the frame/init/poll/drop
 * convention: pending on its first poll (it wakes its task), ready with 2x
 * on the second. */
#include "compute.h"

int c_double_later_polls;

struct c_double_later__frame {
  unsigned ac_state;
  int x;
  int ac_result;
};

void c_double_later__init(struct c_double_later__frame *f, int x);
ac_poll c_double_later__poll(struct c_double_later__frame *f, struct ac_cx *cx);
void c_double_later__drop(struct c_double_later__frame *f);

void c_double_later__init(struct c_double_later__frame *f, int x) {
  f->ac_state = 0;
  f->x = x;
}

ac_poll c_double_later__poll(struct c_double_later__frame *f, struct ac_cx *cx) {
  c_double_later_polls++;
  if (f->ac_state == 0) {
    f->ac_state = 1;
    ac_cx_wake(cx);
    return AC_PENDING;
  }
  f->ac_result = 2 * f->x;
  f->ac_state = AC_STATE_DONE;
  return AC_READY;
}

void c_double_later__drop(struct c_double_later__frame *f) { f->ac_state = AC_STATE_DONE; }

AC_ASYNC_DESC(c_double_later, __int__int);
