/* asyncc runtime: join sets, to await many spawned tasks in the order they
 * complete (tokio's JoinSet, futures' FuturesUnordered).
 *
 *   struct ac_join_set *ac_join_set_new(void);        NULL if out of memory
 *   int ac_join_set_add(struct ac_join_set *s, struct ac_task *t);
 *       takes over the handle 't'; 0, or -ENOMEM (then 't' is still yours)
 *   size_t ac_join_set_len(const struct ac_join_set *s);
 *       members not yet returned by ac_join_set_next
 *   async int ac_join_set_next(struct ac_join_set *s, struct ac_task **done);
 *       pending until a member completes; 0 with *done = that member's
 *       handle (completed: ac_task_join on it is ready at once and gives
 *       its result or -ECANCELED; or ac_task_detach it), -ENOENT if the set
 *       is empty.  Members come out in the order they completed.  Dropping
 *       a pending next leaves nothing registered.
 *   void ac_join_set_free(struct ac_join_set *s);
 *       ABORTS every member not yet returned and gives up their handles
 *       (each is dropped at its next scheduling point, then freed).  No
 *       next may be pending.
 *
 * A set belongs to one task (add, next and free from the code of that
 * task); its members may run and complete on any thread. */
#ifndef ASYNCC_JOINSET_H
#define ASYNCC_JOINSET_H

#include <asyncc/asyncc.h>

struct ac_join_set;

struct ac_join_set *ac_join_set_new(void);
int ac_join_set_add(struct ac_join_set *s, struct ac_task *t);
size_t ac_join_set_len(const struct ac_join_set *s);
void ac_join_set_free(struct ac_join_set *s);

struct ac_join_set_next__frame {
  unsigned ac_state;
  struct ac_join_set *set;
  struct ac_task **done;
  struct ac_task *waiter; /* the task registered as the set's waiter */
  int ac_result;
};
void ac_join_set_next__init(struct ac_join_set_next__frame *f, struct ac_join_set *s,
                            struct ac_task **done);
ac_poll ac_join_set_next__poll(struct ac_join_set_next__frame *f, struct ac_cx *cx);
void ac_join_set_next__drop(struct ac_join_set_next__frame *f);

#ifdef ASYNCC_DIALECT
async int ac_join_set_next(struct ac_join_set *s, struct ac_task **done);
#endif

#endif
