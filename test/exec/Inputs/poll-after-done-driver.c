/* Driver of poll-after-done.ac: runs pick(1, 2) to completion with
 * ac_block_on_frame, then polls the done frame twice more. */
#include <asyncc/asyncc.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern const struct ac_async_desc pick__desc;

static int result(const void *frame) {
  int r;
  memcpy(&r, (const char *)frame + pick__desc.spawn.result_offset, sizeof r);
  return r;
}

int main(void) {
  const struct ac_spawn_desc *d = &pick__desc.spawn;
  size_t size = (d->frame_size + d->frame_align - 1) / d->frame_align * d->frame_align;
  void *frame = aligned_alloc(d->frame_align, size);
  if (!frame)
    return 1;
  ((void (*)(void *, _Bool, int))pick__desc.init)(frame, 1, 2);
  if (ac_block_on_frame(frame, d->poll, d->drop) != 0)
    return 2;
  printf("result %d\n", result(frame));
  printf("polled again: ready %d, result %d\n", d->poll(frame, NULL) == AC_READY, result(frame));
  printf("polled a third time: ready %d, result %d\n", d->poll(frame, NULL) == AC_READY,
         result(frame));
  d->drop(frame);
  free(frame);
  return 0;
}
