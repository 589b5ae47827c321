/* asyncc prelude: injected (-include) into every .ac file.  It declares the
 * runtime's async API, so .ac files use it without an include, and makes
 * the dialect parse as C:
 *
 *   async  a function specifier, spelled as an attribute clang keeps in the AST;
 *   await and the other forms (asyncc/forms.h).
 *
 * asyncc includes it three ways:
 *   - in the backend's preprocessing of a .ac (__ASYNCC_LOWERING): `async`
 *     and the forms stay unexpanded, for clang's parse of the result to
 *     expand (and the lowered text to keep as written);
 *   - in the lowered C (__ASYNCC_LOWERED): `async` is nothing (what is left
 *     of it is in prototypes of plain C headers), the forms are lowered;
 *   - in every other parse (clangd, --print-clang-flags): all of it.
 * The macros a .ac file can test (ASYNCC_DIALECT, the runtime's) are the
 * same all three ways, so every #if of the file goes the same way.
 * Identifiers starting with ac_ / AC_ are reserved for asyncc. */
#ifndef ASYNCC_PRELUDE_H
#define ASYNCC_PRELUDE_H
#define ASYNCC_DIALECT 1
#if defined(__ASYNCC_LOWERED)
#define async
#elif !defined(__ASYNCC_LOWERING) /* there, forms.h defines it for clang's parse */
#define async __attribute__((annotate("asyncc.async")))
#endif

#include <asyncc/asyncc.h>
#include <asyncc/blocking.h>
#include <asyncc/chan.h>
#include <asyncc/sync.h>
#include <asyncc/fs.h>
#include <asyncc/net.h>
#include <asyncc/bufreader.h>
#include <asyncc/graceful.h>
#include <asyncc/signal.h>
#include <asyncc/joinset.h>
#include <asyncc/trace.h>

/* 0 with the result copied to *out (out may be NULL), or -ECANCELED if the
 * task was aborted; consumes the handle */
async int ac_task_join(struct ac_task *t, void *out);

/* the functions the forms expand to (asyncc/forms.h) */
async int ac__timeout(unsigned long ms, int call);
async void ac__join(int calls);
async int ac__select(int calls);
async void ac__yield_item(int item);
struct ac_stream;
int ac__for_each_begin(int stream);
int ac__for_each_next(int var);

/* time */
async void ac_yield(void);
async void ac_sleep_ms(unsigned long ms);
async void ac_sleep_until(__UINT64_TYPE__ deadline_ms); /* runtime clock: ac_now_ms() */

/* blocking work on the thread pool: the value fn(arg) returned */
async void *ac_spawn_blocking(void *(*fn)(void *), void *arg);

#if !defined(__ASYNCC_LOWERING) && !defined(__ASYNCC_LOWERED)
#include <asyncc/forms.h>
#endif
#endif
