/* model/: the data the phases share (async functions, their variables and
 * awaits, the function being lowered), and the questions asked of it and
 * of the AST (is this an await, which Var is this, how is this type spelled
 * in the frame).
 *
 * Include rule: model/ includes support/ and model/ only. */
#ifndef ASYNCC_MODEL_H
#define ASYNCC_MODEL_H

#include "support/support.h"

/* ------------------------------------------------------------ the data */

/* What --emit=layout/dot/json report of one async function (frame_info.c
 * records it while lowering; inspect.c prints it). */
#define STATE_DONE (-1) /* the exit node of the state graph; 0 is the start */
typedef struct StateEdge {
  int from, to;
} StateEdge;
typedef struct AwaitSite {
  int state;
  unsigned line, col;
  char *callee;
} AwaitSite;
typedef struct FieldLife {
  char *field;       /* frame field (a top-level member, or "ac_aw.m") */
  const char *kind;  /* "parameter", "local", "callee frame", ... */
  unsigned line;     /* declaration line, 0 if none */
  int *states;       /* the await points it lives across */
  size_t num_states;
} FieldLife;
typedef struct FnInfo {
  unsigned line;
  AwaitSite *sites;
  size_t num_sites;
  StateEdge *edges;
  size_t num_edges;
  FieldLife *fields;
  size_t num_fields;
} FnInfo;

/* body_walk.c: a walk of a function's body, recorded for replays */
typedef struct WalkNode {
  CXCursor c;
  long parent; /* index of the parent node, -1 for the body */
  size_t end;  /* index past the node's subtree */
} WalkNode;
typedef struct BodyWalk {
  WalkNode *nodes; /* in the order of the walk */
  size_t n, cap;
  bool recorded;
  CXCursor body; /* the body walked */
} BodyWalk;

typedef struct AsyncFn {
  char *name;
  CXCursor decl;        /* definition if any, else first declaration */
  bool has_body;
  bool is_static;
  bool returns_void;
  bool returns_record;  /* struct/union result */
  bool is_main;
  bool is_external;     /* declared outside the main file (the runtime) */
  char *ret_type;       /* spelling of the return type */
  bool struct_emitted;
  bool helpers_emitted; /* erased poll/drop + spawn descriptor (task_builtins.c) */
  int visiting;         /* cycle detection while ordering frames */
  bool never_suspends;  /* completes in its first poll: awaited as f__sync() (direct_calls.c) */
  /* fn_await_ops: its await operators in walk order, and whether it calls
   * a stream (its frame polls a generator), found in one walk */
  CXCursor *await_ops;
  size_t num_await_ops;
  bool calls_stream, await_ops_found;
  BodyWalk walk;        /* its body's, recorded by that walk for the lowering */
  bool is_stream;       /* async_stream(T): a generator (streams.c) */
  char *item_type;      /* its T, as written */
  struct AsyncFn **direct_callees; /* awaited as direct calls: their f__sync must be declared */
  size_t num_direct_callees;
  FnInfo info;          /* for --emit=layout/dot/json */
  char *frame_text;     /* struct f__frame {...} and prototypes, once lowered */
  struct AsyncFn **callees;
  size_t num_callees;
  int scc;              /* strongly connected component of the await graph (out_of_line.c) */
  bool recursive;       /* awaits itself, directly or through others */
  int frame_nesting;    /* how deep its frame's type nests callee frame types (out_of_line.c) */
  struct AsyncFn **ool_callees; /* awaited out of line: declared before fn's body */
  size_t num_ool_callees;
  Range body;           /* the definition's compound statement */
  Range header;         /* from the first specifier to the body's '{' */
} AsyncFn;

typedef struct Var {
  CXCursor cur;
  char *name;           /* as written */
  char *field;          /* frame field name (unique in the frame) */
  char *type;           /* field type spelling, unqualified */
  bool is_param;
  bool in_frame;
  bool is_record;       /* struct/union: copied with memcpy (const members) */
  bool address_taken;   /* `&x` somewhere in the body */
  bool assigned;        /* written by `=`, `op=`, `++` or `--` (not by its declaration) */
  bool promoted;        /* a scalar whose address is never taken: kept in a C
                           local of the poll (named 'local'), saved to the frame
                           before each suspension and reloaded on resume */
  char *local;          /* promoted: the poll's C local, the user's name where
                           that is safe, else ac_l_<field> (debug_names.c) */
  Range decl_stmt;      /* the DeclStmt, for locals */
  unsigned scope_begin, scope_end; /* the block that declares it */
  unsigned decl_end;    /* end of its declarator: in scope from here to scope_end */
  unsigned live_from;   /* an await from here to scope_end keeps it alive (analyze.c) */
  bool in_stmt_expr;    /* declared inside a statement expression */
  char *cleanup;        /* fn of __attribute__((cleanup(fn))), or NULL (cleanups.c) */
  /* a parameter `T m[r][c]`: a pointer to a variable-length array, which no
   * struct member can be; its field is a void *, the bounds past the first
   * are stored by init in ac_dims_<field>[vm_levels] (their values at entry,
   * as C evaluates them), and poll's promoted local has vm_type */
  int vm_levels;
  char *vm_type;
  bool shares_storage;  /* in a union with the locals of other blocks (frame_overlap.c) */
  char *vm_ref;         /* a pointer to a VLA type: how the body names it (vla_pointers.c) */
} Var;

/* What an await waits for.  Every place whose behaviour depends on it
 * switches on it with no default (-Wswitch), so that adding a form names
 * each place to complete (docs/design.md, "Adding an await form").  Where
 * the callee's frame lives (Await.ool) is not part of the kind: a call and
 * a timeout may both await a recursive or foreign callee. */
typedef enum AwaitKind {
  AWAIT_CALL,      /* await f(args), or await p(args) through an async pointer */
  AWAIT_TIMEOUT,   /* await ac_timeout(ms, [lhs =] f(args)) (lower/lower_expr.c) */
  AWAIT_JOIN,      /* await ac_join(E1, ..., En) (forms/concurrency.c) */
  AWAIT_SELECT,    /* await ac_select(E1, ..., En) (forms/concurrency.c) */
  AWAIT_YIELD,     /* ac_yield_item(item) in a generator (forms/streams.c) */
  AWAIT_NEXT_ITEM, /* the next item of ac_for_each loop number 'loop' (forms/streams.c) */
} AwaitKind;

/* concurrency.c: one call Ei of `await ac_join(E1, ..., En)` / ac_select */
typedef struct ConcPart {
  CXCursor call;        /* the async call */
  CXCursor lhs;         /* `lhs = call`, or a null cursor */
  AsyncFn *callee;
  bool voided;          /* `(void)call`: the result is discarded on purpose */
} ConcPart;
/* out_of_line.c: why a callee's frame is allocated rather than embedded */
typedef enum OolKind { OOL_NONE, OOL_RECURSIVE, OOL_FOREIGN, OOL_POINTER } OolKind;

typedef struct Await {
  AwaitKind kind;
  CXCursor op;          /* the UnaryOperator */
  CXCursor call;        /* its operand: a call of an async function */
  AsyncFn *callee;
  Range range;
  bool evaluated;       /* false under sizeof / _Alignof / typeof */
  /* AWAIT_TIMEOUT, `await ac_timeout(ms, call)` / `await ac_timeout(ms, lhs = call)`:
   * 'call' is the inner async call, raced against a sleep of 'ms' */
  CXCursor ms, lhs;     /* lhs: null cursor if there is no assignment */
  int state;            /* resume state number (1-based) */
  /* AWAIT_JOIN / AWAIT_SELECT: the calls, in order */
  ConcPart *parts;
  int num_parts;
  OolKind ool;          /* the callee's frame is out of line */
  CXCursor fnexpr;      /* OOL_POINTER: the async pointer called (callee is NULL) */
  CXCursor item;        /* AWAIT_YIELD: the item */
  int loop;             /* AWAIT_NEXT_ITEM: the ac_for_each loop's number (1-based) */
} Await;

/* streams.c: an `ac_for_each(var, gen(args)) body` of the function */
typedef struct StreamLoop {
  CXCursor stmt, var, call, body;
  AsyncFn *gen;
  unsigned kw, close;   /* `ac_for_each` and its ')' */
  bool open;            /* being lowered: its body is where we are */
  bool over_handle;     /* ac_for_each(v, s) over an ac_stream(T) *s (gen is NULL) */
} StreamLoop;

/* stream_values.c: an `ac_stream_of(gen(args))` of the function */
typedef struct StreamValue {
  AsyncFn *gen;
  CXCursor call;
  unsigned kw, open;    /* `ac_stream_of` and the '(' of the call's arguments */
  unsigned call_end, close; /* the end of the call, and ac_stream_of's ')' */
} StreamValue;

/* direct_calls.c: `await g(args)` of a g that never suspends, lowered to
 * `g__sync(args)` */
typedef struct DirectAwait {
  Range op;             /* the await operator */
  Range name;           /* g's name in the call */
  struct AsyncFn *g;
} DirectAwait;

/* Everything known about the async function being lowered. */
typedef struct FnCtx {
  Lowering *L;
  AsyncFn *fn;
  CXCursor body;
  Var *vars;
  size_t num_vars;
  /* var_of's index: open addressing on the declaration's offset, slots hold
   * index + 1; vars[0, num_indexed) are in it */
  unsigned *var_slots, *var_keys;
  size_t var_cap, num_indexed;
  size_t *save_vars;    /* new_state: the promoted locals a save may name */
  size_t num_save_vars;
  bool save_counted;
  size_t num_cleanup_vars; /* cleanups.c, counted once the frame is known */
  bool cleanups_counted;
  BodyWalk walk;        /* body_walk's record */
  Await *awaits;        /* sorted by offset */
  size_t num_awaits;
  int *evaluated_before; /* awaits_in: evaluated awaits before awaits[i] */
  size_t num_evaluated_counted;
  StrBuf tmp_fields;    /* members of the ac_tmp union */
  StrBuf aw_fields;     /* members of the ac_aw union */
  StrBuf drop_cases;    /* cases of the drop switch */
  char *save_text;      /* stores of the promoted locals to the frame (suspension);
                           a promoted local never assigned after its declaration
                           is stored there once, by the declaration */
  StrBuf lit_fields;    /* compound literals that live across an await */
  int num_lits;
  CXCursor *lits;       /* compound literals, with the end of their block */
  unsigned *lit_scope_end;
  size_t num_lit_cursors;
  int num_states;
  bool has_goto;
  Range *gotos;         /* each goto: {where it is, its label (0: computed goto)} */
  size_t num_gotos;
  int next_expr;        /* numbering of temporaries groups */
  int next_label;
  /* the full expression being lowered */
  StrBuf *expr_fields;  /* fields of its temporaries group */
  int expr_id;
  int expr_awaits;      /* evaluated awaits in it */
  int expr_temps;       /* temporaries named so far */
  int expr_nest;        /* full expressions inside it (a statement expression's) */
  unsigned *direct;     /* offsets of the awaits that became direct calls, sorted */
  size_t num_direct;
  /* sites the analysis records and the lowering rewrites (lower/sites.c),
   * in the order they were found */
  struct DirectAwait *direct_awaits; /* `await g(...)` of a g that never suspends */
  size_t num_direct_awaits;
  struct BuiltinSite *spawns;        /* ac_spawn(g(...)) */
  size_t num_spawns;
  CXCursor *value_refs;              /* an async function named as a value */
  size_t num_value_refs;
  StreamLoop *loops;    /* ac_for_each loops; the generator of loops[i] is ac_st_<i+1> */
  size_t num_loops;
  StreamValue *values;  /* the generator of values[i] is ac_sv_<i+1> */
  size_t num_values;
  struct LocalType *local_types; /* types of the body moved to file scope (local_types.c) */
  struct TypeOp *type_ops;       /* their moves, recorded until the lowering starts */
  size_t num_type_ops;
  bool lowering;                 /* edits are made now (lower_recorded_sites sets it) */
  size_t num_local_types;
  StrBuf local_types_text;       /* their declarations, placed before the frame */
} FnCtx;

/* task_builtins.c: ac_spawn(f(args)) / ac_block_on(f(args)) */
typedef enum BuiltinKind { BUILTIN_NONE, BUILTIN_SPAWN, BUILTIN_BLOCK_ON } BuiltinKind;
typedef struct BuiltinSite {
  BuiltinKind kind;
  AsyncFn *callee;
  unsigned kw;          /* the builtin's name */
  unsigned call_open;   /* '(' of the async call */
  unsigned call_end;    /* just past the async call */
  unsigned close;       /* the builtin's ')' */
  bool has_args;
  bool rejected;        /* diagnosed; not rewritten */
  unsigned helpers_at;  /* where the callee's helpers must be visible */
} BuiltinSite;

/* fn_pointers.c: where an async function is used as a value (its
 * descriptor must be declared there) */
typedef struct ValueUse {
  unsigned at;
  struct AsyncFn *fn;
} ValueUse;

/* ------------------------------------------------------------ async_fns.c, body_walk.c,
 * fn_queries.c, frame_types.c */

AsyncFn *find_async_fn(Lowering *L, CXCursor fn_decl_or_ref);
bool is_async_decl(CXCursor c);
/* Written with `async` (the prelude's annotation): a function, variable, field, typedef. */
bool has_async_annotation(CXCursor c);
/* The error for `await main()`. */
extern const char main_not_awaitable[];

/* As clang_visitChildren(ctx->body, visit, d), from a walk recorded once. */
void body_walk(FnCtx *ctx, CXCursorVisitor visit, CXClientData d);
/* the record itself: node i's children are i + 1, then each child's end,
 * up to node i's end (the body's: 0 up to n) */
const BodyWalk *body_walk_record(FnCtx *ctx);
void body_walk_record_of(BodyWalk *w, CXCursor body);
void body_walk_free(BodyWalk *w);
/* fn's await operators (AsyncFn.await_ops), walked for once. */
void fn_await_ops(Lowering *L, AsyncFn *fn);
Await *await_at(FnCtx *ctx, unsigned offset);
/* Number of evaluated awaits inside r. */
int awaits_in(FnCtx *ctx, Range r);
Var *var_of(FnCtx *ctx, CXCursor decl);
bool is_await_op(Lowering *L, CXCursor c);
/* A type spelling usable at file scope, or NULL after a diagnostic. */
char *frame_type_spelling(FnCtx *ctx, CXType t, CXCursor where);
char *field_decl(const char *type, const char *name);
bool is_array_type(CXType t);
/* " const", " volatile", " const volatile" or "": the qualifiers of the
 * elements of array type t, at any depth (C puts an array's on them) */
const char *array_qualifiers(CXType t);
/* void, however spelled (a typedef, typeof: async_stream's prelude macro) */
bool is_void_type(CXType t);
/* an array type, of any kind (variable-length too) */
bool is_any_array(CXType t);
/* How the lowered body names a frame local: `ac_f->x`, or its poll local if promoted. */
char *var_ref(const Var *v);
/* A struct or union with a const member (at any depth): it cannot be assigned. */
bool has_const_member(CXType t);

/* ------------------------------------------------------------ async_fns.c: streams */

/* An ac_for_each, or a generator call (for ac_stream_of): the function that
 * contains it has a frame (direct_calls.c). */
bool stream_needs_frame(Lowering *L, CXCursor c);

/* ------------------------------------------------------------ local_types.c */

typedef struct LocalType LocalType;
typedef struct TypeOp TypeOp;
/* The spelling of t, a type involving types declared in the function's
 * body, which move to file scope under new names; NULL if it cannot be. */
char *local_type_spelling(FnCtx *ctx, CXType t);
/* The moved types' declarations, for the frame's text. */
void local_types_text(FnCtx *ctx, StrBuf *sb);
/* Makes the moves recorded during analysis (lower/sites.c). */
void local_types_replay(FnCtx *ctx);

/* ------------------------------------------------------------ vla_pointers.c */

/* A pointer to a variable-length array type (`int (*)[n]`). */
bool is_vm_pointer(CXType t);
/* v, a frame local of such a type: its field is a `void *`, its array
 * sizes get fields of their own; false after a diagnostic. */
bool vm_pointer_field(FnCtx *ctx, Var *v);
/* `ac_f->m__n1 = (n), ` for v's declaration: its sizes, evaluated there. */
char *vm_pointer_sizes(FnCtx *ctx, Var *v);

#endif
