/* asyncc runtime: the public API seen by generated code and by hand-written C.
 *
 * Every async function `T f(P...)` is lowered to the frame/init/poll/drop
 * convention below; leaf futures of the runtime (ac_yield, ac_sleep_ms, ...)
 * are plain C written to the same convention, so the compiler treats every
 * async function alike:
 *
 *   struct f__frame { S ac_state; ...; T ac_result; };   (fields in any order)
 *
 * S, the resume state, is the narrowest of unsigned char, unsigned short and
 * unsigned that holds the function's states and AC_STATE_DONE (all ones at
 * that width): test and set it with AC_STATE_IS_DONE / AC_STATE_SET_DONE.
 * ac_result may be declared __attribute__((packed)): it then adds no
 * alignment to the frame (a frame of bytes stays aligned to 1) and is read
 * and written as an ordinary member; its offset is offsetof(...,
 * ac_result), not always aligned for T: code that reads it by offset copies
 * bytes (memcpy).  It may share storage with every other field but ac_state,
 * and is valid once the frame is done.  Code outside the frame's own
 * functions reads ac_state (done or not) and, once done, ac_result only.
 *   void    f__init(struct f__frame *f, P...);         stores arguments, runs nothing
 *   ac_poll f__poll(struct f__frame *f, struct ac_cx *cx);  AC_READY or AC_PENDING
 *   void    f__drop(struct f__frame *f);               cancels an unfinished frame
 *
 * A poll that returns AC_PENDING has arranged for cx's task to be woken.
 * A frame never moves after its first poll.
 *
 * Wakers.  The task being polled is cx's task.  A leaf that returns
 * AC_PENDING either hands that task to something that will call
 * ac_task_wake() later (a timer, the reactor, another thread), or wakes it at
 * once (ac_yield).  Waking is idempotent: a task that is already queued, or
 * is running and already woken, is queued once.  A waker that may fire
 * after the task completes (another thread, say) takes a reference with
 * ac_task_ref() and drops it with ac_task_unref(); waking a completed task
 * is then a no-op.  See docs/runtime.md. */
#ifndef ASYNCC_ASYNCC_H
#define ASYNCC_ASYNCC_H

#include <stddef.h>

/* Headers shared by .ac and plain .c files declare async functions as .ac
 * code does (`async int compute(int);`) and include this header first.  In
 * a .ac file the prelude defines `async`; in plain C (any compiler, or
 * asyncc given a .c file) the declaration is an unavailable function: C
 * cannot call an async function, whose call is a future to await.  Plain C
 * runs one to completion with its blocking wrapper, which asyncc generates
 * for every non-static async function and which the header declares too:
 *
 *   async int compute(int x);
 *   int compute__block_on(int x);  // compute(x) on a new runtime, its result
 *
 * See docs/language.md, "Calling async code from plain C". */
#if !defined(ASYNCC_DIALECT) && !defined(async)
#if defined(__has_attribute)
#if __has_attribute(__unavailable__)
#define async                                                                  \
  __attribute__((__unavailable__("an async function: await it in a .ac file; " \
                                 "plain C calls its blocking wrapper NAME__block_on()")))
#endif
#endif
#ifndef async
#define async __attribute__((__deprecated__("an async function: plain C calls NAME__block_on()")))
#endif
#endif

typedef enum ac_poll { AC_PENDING = 0, AC_READY = 1 } ac_poll;

struct ac_cx;   /* the poll context: which task is running, on which executor */
struct ac_task; /* a scheduled unit: a root frame plus a small header */

typedef ac_poll (*ac_poll_fn)(void *frame, struct ac_cx *cx);
typedef void (*ac_drop_fn)(void *frame);

/* The task dump (trace.h): every async function f gets
 * `void f__trace(const void *frame, struct ac_trace *t)`, which reports the
 * await its frame is suspended at and recurses into the callee in flight. */
struct ac_trace;
typedef void (*ac_trace_fn)(const void *frame, struct ac_trace *t);

/* The state of a frame that has completed (or was dropped).  Also defined,
 * identically, by lowered.h.  A frame whose ac_state is narrower than
 * unsigned holds it truncated (0xFF, 0xFFFF): compare and store through
 * these, which convert AC_STATE_DONE to the field's own type. */
#define AC_STATE_DONE 0xFFFFFFFFu
#define AC_STATE_IS_DONE(s) ((s) == (__typeof__(s))AC_STATE_DONE)
#define AC_STATE_SET_DONE(s) ((s) = (__typeof__(s))AC_STATE_DONE)
/* A state of any width as an unsigned, done as AC_STATE_DONE (traces). */
#define AC_STATE_WIDE(s) (AC_STATE_IS_DONE(s) ? AC_STATE_DONE : (unsigned)(s))

/* A leaf's fast path defined in its header: inlined into generated code
 * (no call on the hot path), never emitted there.  The runtime library
 * holds the out-of-line definition of the same name, which address-takers
 * and -O0 builds call; gnu_inline keeps that true whatever other
 * declarations of the name a file adds. */
/* A store the compiler must keep as one scalar store: an init's stores are
 * read back at once by the poll it is followed by, and gcc's SLP vectorizer
 * would pair two adjacent 8-byte stores into one 16-byte store, which the
 * poll's 8-byte loads cannot be forwarded from (W2: 2-3 ns per hand-off). */
#define AC__STORE_SCALAR(lv, v) (*(__typeof__(lv) volatile *)&(lv) = (v))
/* How generated code saves a promoted local to its frame field when it
 * suspends: as one scalar store each.  Plain stores of adjacent locals
 * (a loop's sum and counter, say) let gcc's SLP vectorizer pair them, and it
 * may then keep both locals in one vector register through the whole loop,
 * its counter behind a spill, a vector add and a move back to an integer
 * register every iteration (about 15 ns per task in W3's join loop). */
#define AC__SAVE(field, local) AC__STORE_SCALAR(field, local)
#define AC__INLINE extern __inline__ __attribute__((__gnu_inline__, __always_inline__))
/* Atomic accesses for those fast paths without <stdatomic.h> (clang's
 * includes <stdint.h>, i.e. libc, which would fix the feature macros
 * before the user's code).  gcc's __atomic builtins take _Atomic objects,
 * clang's take only plain ones: it has __c11_atomic_* for those. */
#ifdef __clang__
#define AC__LOAD_ACQUIRE(p) __c11_atomic_load((p), __ATOMIC_ACQUIRE)
#define AC__STORE_RELAXED(p, v) __c11_atomic_store((p), (v), __ATOMIC_RELAXED)
#else
#define AC__LOAD_ACQUIRE(p) __atomic_load_n((p), __ATOMIC_ACQUIRE)
#define AC__STORE_RELAXED(p, v) __atomic_store_n((p), (v), __ATOMIC_RELAXED)
#endif

#include <asyncc/leaf.h>

/* Runs a root frame to completion on a new runtime (the body of the
 * generated `main` for `async int main`): current-thread or multi-thread,
 * see ac_runtime_set_workers.  Returns 0, or a negative errno (after
 * printing why) if the calling thread already runs a runtime (-EDEADLK:
 * from async code, await instead; for blocking C code, ac_spawn_blocking)
 * or the runtime could not be started.  On failure the frame has been
 * dropped (or was never started). */
int ac_block_on_frame(void *frame, ac_poll_fn poll, ac_drop_fn drop);
/* The same, with the root frame's trace function for ac_task_dump (NULL:
 * the dump shows the root without its awaits).  Generated code uses it. */
int ac_block_on_frame_traced(void *frame, ac_poll_fn poll, ac_drop_fn drop, ac_trace_fn trace);

/* Which executor ac_block_on_frame starts.  0: the current-thread executor
 * (everything on the calling thread); n >= 1: the multi-thread executor
 * with n workers (the calling thread and n - 1 more);
 * AC_RUNTIME_WORKERS_PER_CORE: one worker per online CPU.
 * Precedence: this call, else the environment variable ASYNCC_WORKERS
 * (same values, "auto" for one per CPU), else 0.  Returns 0, -EINVAL for
 * n > AC_RUNTIME_MAX_WORKERS, or -EBUSY while a runtime is running (call it
 * before ac_block_on_frame). */
#define AC_RUNTIME_MAX_WORKERS 1024u
#define AC_RUNTIME_WORKERS_PER_CORE (~0u)
int ac_runtime_set_workers(unsigned n);

/* The runtime the calling thread runs: -1 if none, 0 for the current-thread
 * executor, else its number of workers. */
int ac_runtime_workers(void);

/* The reactor backend of the runtime the calling thread runs: "uring"
 * (io_uring: the current-thread runtime's default where the kernel offers
 * what it needs; the multi-thread runtime's with ASYNCC_IO=uring) or
 * "epoll" (ASYNCC_IO=epoll, the multi-thread default, or no usable ring);
 * NULL if none. */
const char *ac_runtime_io(void);

/* The task being polled in 'cx'.  Valid until that task's root frame
 * completes. */
struct ac_task *ac_cx_task(struct ac_cx *cx);

/* Queues 'task' to be polled again.  Safe from any thread; a no-op if the
 * task is already queued or has completed. */
void ac_task_wake(struct ac_task *task);

/* ac_task_wake(ac_cx_task(cx)): "poll me again soon". */
void ac_cx_wake(struct ac_cx *cx);

/* Waker references: a task is not freed while a reference is held, so
 * ac_task_wake() on it stays safe after it completes.  Any thread. */
void ac_task_ref(struct ac_task *task);
void ac_task_unref(struct ac_task *task);

/* ------------------------------------------------------------- spawning
 * What the compiler emits for `ac_spawn(f(args))`:
 *
 *   static const struct ac_spawn_desc f__spawn = {
 *       sizeof(struct f__frame), _Alignof(struct f__frame),
 *       offsetof(struct f__frame, ac_result), sizeof(T),     (0, 0 for void)
 *       f__erased_poll, f__erased_drop,       (f__poll/f__drop behind void *)
 *       f__trace, "f", "file.ac:12"};         (for ac_task_dump; one per site)
 *   struct ac_task *t;
 *   struct f__frame *fr = ac_spawn_alloc(&f__spawn, &t);
 *   if (fr) { f__init(fr, args...); ac_spawn_start(t); }
 *
 * The descriptor is static and must outlive the task; 'drop' may be NULL
 * if the frame owns nothing. */
struct ac_spawn_desc {
  size_t frame_size, frame_align;
  size_t result_offset, result_size; /* the frame's ac_result */
  ac_poll_fn poll;
  ac_drop_fn drop;
  /* For ac_task_dump only (0 in hand-written descriptors): the root
   * frame's trace function, the spawned function's name, and where it was
   * spawned ("file.ac:12"). */
  ac_trace_fn trace;
  const char *name;
  const char *site;
};

/* Allocates a task for 'd' on the runtime the calling thread runs and
 * returns its frame, to be initialised in place (it never moves), with
 * *task set to the task.  NULL and *task = NULL if this thread runs no
 * runtime, if 'd' is invalid (no poll, result outside the frame, alignment
 * not a power of two or above 4096) or out of memory.  The handle is valid
 * until given up (join, detach) and at most until the runtime ends, which
 * frees every task left.  Until ac_spawn_start the task is
 * inert: nothing polls it, and the runtime frees it at shutdown without
 * calling 'drop'. */
void *ac_spawn_alloc(const struct ac_spawn_desc *d, struct ac_task **task);

/* Schedules the first poll of a task from ac_spawn_alloc whose frame has
 * been initialised.  Call once, on the thread that allocated it.  The task
 * is the join handle and owns one reference: give it up exactly once, by
 * awaiting ac_task_join or with ac_task_detach.  The task is freed when it
 * has completed (or was aborted) and its handle is gone; tasks still live
 * when the runtime shuts down are dropped and freed by the runtime. */
void ac_spawn_start(struct ac_task *task);

#include <asyncc/frame.h> /* out-of-line frames, struct ac_async_desc */

/* Deprecated wrapper of ac_spawn_alloc + init(frame, arg) +
 * ac_spawn_start for hand-written C: frame aligned for max_align_t, cx
 * unused (the task goes to the calling thread's runtime). */
struct ac_task *ac_spawn_frame(struct ac_cx *cx, size_t frame_size, size_t result_offset,
                               size_t result_size, ac_poll_fn poll, ac_drop_fn drop,
                               void (*init)(void *frame, void *arg), void *arg);

/* Gives up the handle: the task keeps running and frees itself when done. */
void ac_task_detach(struct ac_task *task);

/* Requests cancellation: at its next scheduling point (it is woken now) the
 * task's frame is dropped instead of polled, and a joiner is woken and told
 * "aborted".  A no-op on a completed task (its result stands).  Does not
 * consume the handle.  Any thread. */
void ac_task_abort(struct ac_task *task);

/* ---------------------------------------------------------------- ac_task_join
 * async int ac_task_join(struct ac_task *t, void *out): awaits the task and
 * consumes the handle.  ac_result: 0 when the task completed, with its
 * result copied to 'out' (result_size bytes; out may be NULL to discard),
 * or -ECANCELED when it was aborted or dropped (out untouched).  Dropping
 * an unfinished ac_task_join detaches the task (it keeps running). */
struct ac_task_join__frame {
  unsigned ac_state;
  unsigned ac_since; /* coarse clock when it started waiting (ac_task_dump) */
  struct ac_task *task; /* the handle; NULL once given up */
  void *out;
  int ac_result;
};
void ac_task_join__init(struct ac_task_join__frame *f, struct ac_task *t, void *out);
ac_poll ac_task_join__poll(struct ac_task_join__frame *f, struct ac_cx *cx);
void ac_task_join__drop(struct ac_task_join__frame *f);

/* Inline: four stores instead of a call per join (W3). */
AC__INLINE void ac_task_join__init(struct ac_task_join__frame *f, struct ac_task *t, void *out) {
  f->ac_state = 0;
  f->task = t;
  AC__STORE_SCALAR(f->out, out);
  f->ac_result = 0;
}

/* ------------------------------------- ac_task_join: inline fast path
 * Private.  The join of a task that is done, whose handle is the last
 * reference and whose result is 8 bytes (W3) copies the result here and
 * gives the slot back with one call; everything else is ac__task_join_poll.
 * The start of struct ac_task and its 'refs' bits (runtime/src/task.h
 * checks they agree); may_alias: it reads a struct ac_task. */
struct __attribute__((__may_alias__)) ac__task_head {
  void *next;
  const struct ac_spawn_desc *desc;
  _Atomic __UINT32_TYPE__ state, refs;
};
#define AC__TASK_FRAME_OFFSET 32
#define AC__TASK_REFS_DONE_LAST 0x80000001u /* DONE, count 1 */
#define AC__TASK_REFS_MASK 0xdfffffffu      /* all but ABORT */
ac_poll ac__task_join_poll(struct ac_task_join__frame *f, struct ac_cx *cx);
void ac__task_join_free(struct ac_task *t); /* DONE, the handle the last reference */

AC__INLINE ac_poll ac_task_join__poll(struct ac_task_join__frame *f, struct ac_cx *cx) {
  struct ac__task_head *h = (struct ac__task_head *)f->task;
  if (f->ac_state != AC_STATE_DONE && f->out && h->desc->result_size == 8 &&
      (AC__LOAD_ACQUIRE(&h->refs) & AC__TASK_REFS_MASK) == AC__TASK_REFS_DONE_LAST) {
    __builtin_memcpy(f->out, (char *)h + AC__TASK_FRAME_OFFSET + h->desc->result_offset, 8);
    ac__task_join_free(f->task);
    f->ac_result = 0;
    f->task = 0;
    f->ac_state = AC_STATE_DONE;
    return AC_READY;
  }
  return ac__task_join_poll(f, cx);
}

#endif
