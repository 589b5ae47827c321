/* lower/: registers the edits that turn an analysed async function into
 * C (expressions, statements, the frame and its init/poll/drop, the trace
 * function).  An await form's own lowering lives in forms/.
 *
 * Include rule: lower/ includes support/, model/, lower/ and forms/: the
 * declared recursion (lower_expr dispatches an await to its form, a form
 * lowers its operands through lower_expr). */
#ifndef ASYNCC_LOWER_LOWER_H
#define ASYNCC_LOWER_LOWER_H

#include "model/model.h"

/* ------------------------------------------------------------ sites.c */

/* The edits for the sites analyze_fn recorded (direct awaits, ac_spawn
 * calls, async functions named as values): the first step of lowering. */
void lower_recorded_sites(FnCtx *ctx);

/* ------------------------------------------------------------ states.c */

/* Numbers the resume state of an await about to be lowered, and sets
 * ctx->save_text to the promoted locals to save at its suspension. */
int new_state(FnCtx *ctx, Await *aw);

/* ------------------------------------------------------------ frame_overlap.c, debug_names.c */

/* frame_overlap.c: the frame fields of the variables up to a cache line or
 * of the larger ones, nested in unions where their blocks are disjoint */
void frame_var_fields(FnCtx *ctx, StrBuf *sb, bool large);
/* emit.c: a variable's frame field (its alignment as declared, the bounds
 * of a variably modified parameter), with where it comes from */
void var_field(FnCtx *ctx, StrBuf *sb, Var *v);
/* debug_names.c: sets Var.local of the promoted locals */
void choose_local_names(FnCtx *ctx);
/* `break f` in gdb: a symbol at the start of f's body (f__sync's) */
char *debug_body_label(const AsyncFn *fn);
char *debug_sync_alias(const AsyncFn *fn);
bool debug_info_wanted(const AcOptions *opt);
/* sets Var.shares_storage */
void frame_overlap_analyze(FnCtx *ctx);
/* 'off' lies in the block that declares v (a parameter: anywhere) */
bool in_block_of(const Var *v, unsigned off);

/* ------------------------------------------------------------ lower_expr.c */

/* Lowers expression e: appends the code that runs its awaits to 'pre' and
 * returns the text that computes its value afterwards (the residual). */
char *lower_expr(FnCtx *ctx, CXCursor e, StrBuf *pre);
/* Starts/ends a full expression (a group of temporaries). */
void full_expr_begin(FnCtx *ctx, Range r);
void full_expr_end(FnCtx *ctx);
/* The value of an await, the frame field 'field' (consumed): copied to a
 * temporary first when its full expression holds other awaits. */
char *await_value(FnCtx *ctx, char *field, const char *type, bool is_record, StrBuf *pre);

/* A new temporary of the current full expression: its lvalue. */
char *expr_temp(FnCtx *ctx, const char *type, const char *stem);

/* ------------------------------------------------------------ lower_stmt.c */

void lower_body(FnCtx *ctx);
/* __func__, __FUNCTION__, __PRETTY_FUNCTION__ -> "f" (lower_body does it) */
void rename_predefined(FnCtx *ctx);
void lower_stmt(FnCtx *ctx, CXCursor s, bool in_compound, int depth);
/* `for (init; cond; inc) body` as its four parts (null cursors if absent) */
bool for_parts(FnCtx *ctx, CXCursor s, CXCursor part[4]);

/* ------------------------------------------------------------ trace_emit.c */

/* f__trace for ac_task_dump: emitted after f's body (from the drop cases). */
void emit_trace_fn(FnCtx *ctx);
/* Its prototype, with f's frame struct. */
void trace_prototype(StrBuf *sb, AsyncFn *fn, const char *storage);
/* What must precede a reference to g__trace: nothing if g is lowered in
 * this file, else a weak declaration (NULL when g has no trace function). */
char *trace_decl_text(Lowering *L, AsyncFn *g);

/* ------------------------------------------------------------ case_groups.c */

/* The cases of a generated switch (`    case N:` lines, then bodies ending
 * in `break;`) with equal bodies merged under one body. */
char *group_switch_cases(const char *cases);

/* ------------------------------------------------------------ emit.c */

void emit_fn(FnCtx *ctx);
/* A function that never suspends: f__sync with the body, and a poll calling it. */
void emit_direct_fn(FnCtx *ctx);
void emit_frame_structs(Lowering *L);

#endif
