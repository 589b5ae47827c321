/* forms/: one file per await form or construct with a lowering of its
 * own: join/select (concurrency.c), generators and ac_for_each (streams.c,
 * stream_values.c), ac_spawn/ac_block_on (task_builtins.c), async pointers
 * (fn_pointers.c), out-of-line frames (out_of_line.c), cleanups
 * (cleanups.c).  Each recognises its sites (called from analysis/) and
 * lowers them (called from lower/).
 *
 * Include rule: forms/ includes support/, model/, forms/ and lower/ (the
 * declared recursion: a form lowers its operands through lower_expr). */
#ifndef ASYNCC_FORMS_H
#define ASYNCC_FORMS_H

#include "model/model.h"

/* ------------------------------------------------------------ task_builtins.c */

/* Is 'call' (of async 'callee') the argument of ac_spawn / ac_block_on? */
BuiltinKind builtin_of_call(Lowering *L, CXCursor call, AsyncFn *callee, BuiltinSite *site);
void builtin_add_site(Lowering *L, const BuiltinSite *site, unsigned helpers_at);
void builtin_rewrite(Lowering *L, const BuiltinSite *site);
char *builtin_helpers_text(Lowering *L, AsyncFn *callee);
void builtin_check_unmatched(Lowering *L);

/* ------------------------------------------------------------ timeout.c */

/* g is the prelude's ac__timeout (what `ac_timeout(ms, E)` calls). */
bool is_timeout_fn(const AsyncFn *g);
/* The parts of `await ac_timeout(MS, [lhs =] call)` (tcall: the ac__timeout
 * call, at: the await) into aw, *call_at: where the inner call begins;
 * false after a diagnostic. */
bool timeout_parts(Lowering *L, CXCursor tcall, unsigned at, Await *aw, unsigned *call_at);
/* Lowers an AWAIT_TIMEOUT; returns the residual (its int value). */
char *lower_timeout(FnCtx *ctx, Await *aw, StrBuf *pre);

/* ------------------------------------------------------------ concurrency.c */

/* AWAIT_JOIN / AWAIT_SELECT if g is the prelude's ac__join / ac__select,
 * else AWAIT_CALL. */
AwaitKind conc_kind(const AsyncFn *g);
/* Splits `await ac_join(...)` (kcall: the ac__join call) into aw->parts;
 * false after a diagnostic. */
bool conc_parts(Lowering *L, CXCursor kcall, Range await_r, Await *aw);
/* Where the calls written as arguments of kcall (an ac__join / ac__select
 * call) begin: they are not "async calls that are not awaited". */
size_t conc_call_offsets(Lowering *L, CXCursor kcall, unsigned **out);
/* ac__join / ac__select called without await (or outside async code):
 * diagnoses it and returns true. */
bool conc_misuse(Lowering *L, CXCursor call, AsyncFn *g);
/* "ac_join(f, g)": the form and its callees, for --emit. */
char *conc_describe(const Await *aw);
/* Lowers `await ac_join(...)` / `await ac_select(...)`; returns the residual. */
char *lower_conc(FnCtx *ctx, Await *aw, StrBuf *pre);

/* ------------------------------------------------------------ cleanups.c */

/* The function of var's cleanup attribute, or NULL; "" if it is written
 * in a way we cannot read (an error if var lives in the frame). */
char *cleanup_fn_of(Lowering *L, CXCursor var);
/* Once in_frame is known: moves nested cleanup locals to the frame, checks. */
void cleanup_analyze(FnCtx *ctx);
/* Cleanup calls where a scope is left normally: end of block, break,
 * continue, goto. */
void cleanup_lower_exits(FnCtx *ctx);
/* `(fn)(&ac_f->x), ...` for a return at 'off', innermost first ("" if none). */
char *cleanup_return_calls(FnCtx *ctx, unsigned off);
/* The drop's switch calling the cleanups in scope at each suspension state. */
void cleanup_emit_drop(FnCtx *ctx, StrBuf *sb);

/* ------------------------------------------------------------ out_of_line.c */

/* Strongly connected components of the await graph: sets scc/recursive. */
void find_recursion(Lowering *L);
/* A callee frame whose type nests OPAQUE_FRAME_NESTING frame types or more
 * is held in its caller's frame as bytes of its size and alignment, not as
 * its struct type: gcc copies every nested type's alias set into each
 * enclosing one, quadratic in the depth (a 2,000-deep await chain: 1 GB and
 * most of gcc -O0's time).  Deep frames are then opaque to a debugger. */
enum { OPAQUE_FRAME_NESTING = 32 };
bool frame_is_opaque(const AsyncFn *g);
/* Declared here, defined in another file (not a runtime leaf). */
bool is_foreign(const AsyncFn *g);
/* How fn (ctx) awaits g; a note at 'at' if the await is recursive. */
OolKind ool_kind(FnCtx *ctx, AsyncFn *g, unsigned at);
/* An out-of-line frame 'fr' (an lvalue holding its pointer): its size,
 * alignment, result lvalue, and the statements allocating and freeing it. */
typedef struct OolFrame {
  char *fr, *size, *align, *result, *alloc, *free;
} OolFrame;
OolFrame ool_frame_of(Await *aw, const char *fr);
void ool_frame_free(OolFrame *o);
/* The resume point of an out-of-line await; returns its value's text. */
char *emit_ool_await(FnCtx *ctx, Await *aw, const char *args, StrBuf *pre);
/* f__desc and its type-erased init/poll/drop, emitted after f's poll. */
char *async_desc_text(FnCtx *ctx);
/* The asm label of g's descriptor that spells its signature ("" if static). */
char *desc_asm_label(AsyncFn *g);
/* What a caller needs of another file's async function g. */
char *foreign_frame_text(AsyncFn *g);

/* ------------------------------------------------------------ fn_pointers.c */

/* The callee expression of `p(args)` if p is declared async (a variable,
 * field or parameter), else a null cursor. */
CXCursor async_pointer_callee(CXCursor call);
/* `f` naming an async function, not called: rewritten to its descriptor's
 * address; 'at' is where the descriptor must be declared. */
void async_value_use(Lowering *L, CXCursor ref, unsigned at);
char *emit_ptr_await(FnCtx *ctx, Await *aw, const char *args, StrBuf *pre);
/* c: a variable declaration or an assignment; an error if it stores an
 * async function in a variable or field not declared async. */
void check_value_destination(Lowering *L, CXCursor c);
/* The value standing for a pointer await under sizeof / typeof. */
char *unevaluated_ptr_await(FnCtx *ctx, Await *aw);

/* ------------------------------------------------------------ streams.c */

/* Marks fn as a generator if it is declared async_stream(T). */
void stream_note_fn(Lowering *L, AsyncFn *fn, CXCursor decl);
/* The ac_for_each loops of the body, as awaits of their generators. */
void stream_scan(FnCtx *ctx);
/* `ac_yield_item(E)` (an await of ac__yield_item): recorded, or diagnosed. */
bool stream_add_yield(FnCtx *ctx, CXCursor op, CXCursor call, bool unevaluated);
/* A call of a generator 'g' in an async function: true if an ac_for_each
 * consumes it, else diagnosed (and true: nothing more to say). */
bool stream_call_ok(FnCtx *ctx, CXCursor call, AsyncFn *g);
/* A stream form in a function that is not async: diagnosed, true. */
bool stream_misuse_in_sync(Lowering *L, CXCursor c);
/* `ac_yield_item` / `ac_for_each` at off: awaits in their arguments are fine
 * (each argument is expanded once, where it is written). */
bool stream_macro_at(Lowering *L, unsigned off);
/* A location in an argument of one of those (written in the file itself). */
bool stream_macro_arg(Lowering *L, CXSourceLocation loc);
/* For the state graph: an ac_for_each as a loop whose condition is the
 * call for which stream_loop_await gives the loop's await. */
bool stream_loop_parts(FnCtx *ctx, CXCursor s, CXCursor part[4]);
Await *stream_loop_await(FnCtx *ctx, CXCursor c);
char *stream_lower_yield(FnCtx *ctx, Await *aw, Range r, StrBuf *pre);
bool stream_lower_loop(FnCtx *ctx, CXCursor s, bool in_compound, int depth);
/* `g__drop(&ac_f->ac_st_N), ` for each loop a return leaves, innermost first */
char *stream_exit_text(FnCtx *ctx);
void stream_frame_fields(FnCtx *ctx, StrBuf *sb);
void stream_init_fields(FnCtx *ctx, StrBuf *sb);
void stream_drop_fields(FnCtx *ctx, StrBuf *sb);

/* ------------------------------------------------------------ stream_values.c */

/* Rewrites every ac_stream(T) of the file to its typed handle struct. */
void stream_rewrite_types(Lowering *L);
void stream_fix_var_type(FnCtx *ctx, Var *v);
/* `ac_stream_of(g(args))` around 'call': recorded and rewritten. */
bool stream_add_value(FnCtx *ctx, CXCursor call, AsyncFn *g);
/* The edits of the ac_stream_of(g(args)) stream_add_value recorded. */
void stream_values_rewrite(FnCtx *ctx);
bool stream_value_call(FnCtx *ctx, CXCursor call);
void stream_value_fields(FnCtx *ctx, StrBuf *sb);
void stream_value_init(FnCtx *ctx, StrBuf *sb);
void stream_value_drops(FnCtx *ctx, StrBuf *sb, bool stmt);

#endif
