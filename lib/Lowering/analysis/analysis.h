/* analysis/: reads the AST of each async function and records what the
 * lowering needs (its awaits, its locals and which live in the frame, the
 * functions that never suspend), and reports errors and lints.
 *
 * Include rule: analysis/ includes support/, model/, forms/ (each form
 * recognises its own sites), lower/ and analysis/; nothing below it
 * includes analysis/. */
#ifndef ASYNCC_ANALYSIS_H
#define ASYNCC_ANALYSIS_H

#include "model/model.h"

void collect_async_fns(Lowering *L);
/* async_redecl.c: declarations of one function that disagree on `async` are errors. */
void check_async_redeclarations(Lowering *L);
/* Fills ctx->awaits and ctx->vars and decides which locals live in the frame. */
void analyze_fn(FnCtx *ctx);

/* ------------------------------------------------------------ direct_calls.c */

/* Decides which async functions of the file never suspend. */
void find_direct_fns(Lowering *L);
/* If await_op awaits a function that never suspends, records it in
 * ctx->direct_awaits (lowered to a direct call of f__sync) and returns true. */
bool await_direct(FnCtx *ctx, CXCursor await_op);
void sort_direct_awaits(FnCtx *ctx);
bool is_direct_await_at(FnCtx *ctx, unsigned off);

/* ------------------------------------------------------------ lints.c */

/* Errors and warnings for hazards in an async function (after analysis). */
void lint_async_fn(FnCtx *ctx);
/* close_lint.c: -Wclose-runtime-fd, close() of an fd the runtime watches. */
void lint_plain_close(FnCtx *ctx);

/* ------------------------------------------------------------ join_types.c */

/* Errors where `await ac_task_join(h, &v)` would copy the result of the
 * function spawned into h into a v of another type. */
void check_task_joins(Lowering *L, AsyncFn *fn, Range body);

#endif
