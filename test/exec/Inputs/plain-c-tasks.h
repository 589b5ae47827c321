/* With plain-c.h, for a differential test that spawns or blocks on tasks:
 * the plain C build runs each call where it is written. */
static __attribute__((unused)) void ac_yield(void) {}
struct ac_task;
#define ac_spawn(e) ((void)(e), (struct ac_task *)0)
#define ac_task_join(t, out) ((void)(t), (void)(out), 0)
#define ac_block_on(e) (e)
