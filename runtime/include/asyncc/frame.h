/* Out-of-line frames: callee frames whose layout the caller cannot embed.
 *
 * A caller normally holds the frame of the async function it awaits inside
 * its own frame.  Three kinds of await cannot: a recursive await (the frame
 * would contain itself), an await of an async function of another file (its
 * layout is not known when the caller is compiled) and an await through an
 * async function pointer (the callee is chosen at run time).  Those awaits
 * allocate the callee's frame with ac_frame_alloc when they start and give
 * it back with ac_frame_free when it completes or is dropped.
 *
 * The allocator keeps freed frames in per-thread free lists, one per size
 * class, so an await in a loop reuses the same block: in steady state no
 * await calls malloc.  A frame freed on another thread than the one that
 * allocated it (a task moved between workers of the multi-thread executor)
 * simply joins the freeing thread's cache.  Each thread caches at most
 * AC_FRAME_CACHE_BYTES; the excess, and every block when the thread exits,
 * goes back to free().  Frames above the largest class (64 KiB) and frames
 * aligned above 16 bytes bypass the cache.  Under AddressSanitizer nothing
 * is cached, so a use of a freed frame is still reported.
 *
 * Out of memory: ac_frame_alloc prints a message and aborts.  An await has
 * no way to report failure to C code that cannot catch it, so, like a
 * failed allocation in Rust's Box::pin, it ends the program. */
#ifndef ASYNCC_FRAME_H
#define ASYNCC_FRAME_H

#define AC_FRAME_CACHE_BYTES (1u << 20)

/* A block of 'size' bytes aligned to 'align' (a power of two); never NULL. */
void *ac_frame_alloc(__SIZE_TYPE__ size, __SIZE_TYPE__ align);
/* Gives back a block from ac_frame_alloc with the same size and align. */
void ac_frame_free(void *frame, __SIZE_TYPE__ size, __SIZE_TYPE__ align);

/* Counters of the calling thread, for tests and benchmarks. */
struct ac_frame_stats {
  unsigned long long allocs;  /* ac_frame_alloc calls */
  unsigned long long mallocs; /* of those, served by malloc (cache miss) */
  unsigned long long frees;   /* ac_frame_free calls (NULL excluded) */
  unsigned long long cached_bytes; /* now in this thread's free lists */
};
void ac_frame_stats(struct ac_frame_stats *out);

/* What an async function exports so that code which cannot see its frame
 * struct can await it: emitted as `f__desc` beside f__init/f__poll/f__drop
 * (see docs/lowering.md, "Out-of-line frames").  An async function
 * pointer's value is the address of its function's descriptor. */
struct ac_async_desc {
  /* frame size and alignment, ac_result's offset and size (0, 0 for void),
   * type-erased poll and drop: also what ac_spawn needs */
  struct ac_spawn_desc spawn;
  void (*init)(void); /* really void (*)(void *frame, P...) */
};

/* The descriptor of an async function `T name(P...)` written in plain C to
 * the frame/init/poll/drop convention (struct name__frame with an
 * `ac_result` member, name__init, name__poll, name__drop), so that .ac files
 * declaring it `async T name(P...);` await it.  'sig' spells its signature
 * as asyncc's descriptor symbols do: __T then __P for each parameter, with
 * '*' as p and other punctuation and spaces as one '_' (int f(int): __int__int;
 * long g(const char *, long): __long__const_char_p__long).  For a void
 * result, AC_ASYNC_DESC_VOID. */
#define AC_ASYNC_DESC(name, sig)                                                   \
  AC__ASYNC_DESC(name, sig, __builtin_offsetof(struct name##__frame, ac_result),  \
                 sizeof(((struct name##__frame *)0)->ac_result))
#define AC_ASYNC_DESC_VOID(name, sig) AC__ASYNC_DESC(name, sig, 0, 0)
#define AC__ASYNC_DESC(name, sig, result_offset, result_size)                      \
  static ac_poll name##__desc_poll(void *f, struct ac_cx *cx) {                    \
    return name##__poll((struct name##__frame *)f, cx);                            \
  }                                                                                \
  static void name##__desc_drop(void *f) { name##__drop((struct name##__frame *)f); } \
  const struct ac_async_desc name##__desc __asm__(#name "__desc__sig" #sig) = {    \
      {sizeof(struct name##__frame), _Alignof(struct name##__frame), result_offset, \
       result_size, name##__desc_poll, name##__desc_drop, 0, #name, 0},            \
      (void (*)(void))name##__init}

#endif
