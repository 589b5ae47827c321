/* asyncc lowering library: the shared header of lib/Lowering.
 *
 * The pipeline (lower.c drives it):
 *   parse     libclang parses the .ac as C with the prelude injected;
 *   analyse   find async functions, await points, and which locals live
 *             across an await (analyze.c);
 *   lower     register text edits on clang's source ranges: locals become
 *             frame fields, awaits are hoisted out of expressions into
 *             resume points, control flow is restructured where an await
 *             sits in a condition (lower_expr.c, lower_stmt.c);
 *   emit      frame struct, init, poll (switch of gotos), drop (emit.c);
 *   rewrite   apply the edits and add #line directives (rewrite.c). */
#ifndef ASYNCC_LOWER_H
#define ASYNCC_LOWER_H

#include <clang-c/Index.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>

/* ------------------------------------------------------------ public API */

typedef enum AcEmit { AC_EMIT_C, AC_EMIT_LAYOUT, AC_EMIT_DOT, AC_EMIT_JSON } AcEmit;

/* asyncc's own warnings (lints.c), each with its -W flag (ac_warning_name) */
typedef enum AcWarning {
  W_BLOCKING_CALL,       /* -Wblocking-call */
  W_MUTEX_ACROSS_AWAIT,  /* -Wmutex-across-await */
  W_SPAWN_LOCAL_ADDRESS, /* -Wspawn-local-address */
  W_UNUSED_ASYNC_RESULT, /* -Wunused-async-result */
  W_CLOSE_RUNTIME_FD,    /* -Wclose-runtime-fd (close_lint.c) */
  AC_NUM_WARNINGS
} AcWarning;
/* per warning: as -W/-Wno/-Werror=/-Wno-error= set it (all are on by default) */
typedef enum AcWarnSetting { AC_WARN_DEFAULT, AC_WARN_ON, AC_WARN_OFF, AC_WARN_ERROR, AC_WARN_NO_ERROR } AcWarnSetting;
const char *ac_warning_name(AcWarning w);
/* The warning a flag's name (after -W, -Wno-, -Werror=) names, or -1. */
int ac_warning_named(const char *name);

/* How diagnostics are printed: clang's text, gcc's JSON, or SARIF 2.1.0
 * (-fdiagnostics-format=); JSON and SARIF are written by ac_diag_finish. */
typedef enum AcDiagFormat { AC_DIAG_TEXT, AC_DIAG_JSON, AC_DIAG_SARIF } AcDiagFormat;

typedef struct AcOptions {
  const char *prelude;      /* path of asyncc/prelude.h */
  AcEmit emit;              /* what ac_lower_file returns: the C, or a report on it */
  const char *const *clang_args; /* -I -D -U -std ... passed to clang */
  int num_clang_args;
  bool line_directives;     /* emit #line (default on; --no-line) */
  const char *output_name;  /* the C file's name, for #line of generated code */
  bool temporary_output;    /* the C file is deleted once compiled: #line maps
                               generated code to the .ac lines it stands for */
  unsigned char warning[AC_NUM_WARNINGS]; /* AcWarnSetting */
  bool werror;              /* -Werror: warnings are errors */
  bool no_warnings;         /* -w */
  /* the backend compiler and its flags (cc, -O2, -m..., -I...): its own
   * preprocessor (`-E`) makes the text that is lowered */
  const char *const *backend;
  int num_backend;
  AcDiagFormat diag_format;
  bool diag_color;          /* -fdiagnostics-color: ANSI colors in text */
  bool parseable_fixits;    /* -fdiagnostics-parseable-fixits */
} AcOptions;

/* Lowers the .ac file 'path' to C.  On success returns 0 and sets *out (a
 * malloc'ed NUL-terminated string).  Diagnostics go to stderr in clang's
 * format; returns 1 if there was an error. */
int ac_lower_file(const char *path, const AcOptions *opt, char **out);

/* With -fdiagnostics-format=json or sarif: writes the diagnostics of the
 * files lowered since the last call to stderr, as one document (an empty
 * one if there were none), as gcc does for each translation unit. */
void ac_diag_finish(const AcOptions *opt);

/* The backend's preprocessing of 'path' that ac_lower_file runs first (for
 * -v and -###): a malloc'ed NULL-terminated argv. */
const char **ac_preprocess_command(const AcOptions *opt, const char *path);

/* ------------------------------------------------------------ strbuf.c */

typedef struct StrBuf {
  char *data;
  size_t len, cap;
} StrBuf;

void sb_putn(StrBuf *sb, const char *s, size_t n);
void sb_puts(StrBuf *sb, const char *s);
void sb_printf(StrBuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
char *sb_take(StrBuf *sb); /* returns the string (never NULL) and resets sb */
char *xstrdup(const char *s);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Every line of 'text' indented by 'n' more spaces. */
void sb_indented(StrBuf *sb, const char *text, int n);
void *xrealloc(void *p, size_t n);

/* ------------------------------------------------------------ name_map.c */

/* Names to pointers; a name put in the map must outlive it. */
typedef struct NameMap {
  const char **keys;
  void **vals;
  size_t cap, n;
} NameMap;
void *name_map_get(const NameMap *m, const char *name);
void name_map_put(NameMap *m, const char *name, void *val);
void name_map_free(NameMap *m);

/* ------------------------------------------------------------ source.c */

typedef struct PpMap PpMap;
typedef struct Source {
  const char *path;
  const char *text;
  unsigned size;
  CXFile file;
  unsigned *line_start; /* offset of each line (0-based index = line - 1) */
  unsigned num_lines;
  PpMap *pp;            /* the preprocessed text's origins (NULL: a plain file) */
} Source;

/* A byte range [begin, end) of the main file. */
typedef struct Range {
  unsigned begin, end;
} Range;

typedef struct Lowering Lowering;

/* cursor_range's ranges so far, by cursor (open addressing) */
typedef struct RangeMemo {
  CXCursor *cursors;
  Range *ranges;
  unsigned char *used;
  size_t cap, n;
} RangeMemo;
void range_memo_free(RangeMemo *m);

void source_index_lines(Source *src);
unsigned text_line(const Source *src, unsigned offset);   /* 1-based, of src's own text */
/* Where the user wrote it (1-based): the .ac line and column (pp_map.c) */
unsigned source_line(const Source *src, unsigned offset);
unsigned source_col(const Source *src, unsigned offset);
unsigned skip_space(const Source *src, unsigned off);     /* spaces and comments */
bool text_is_word(const Source *src, unsigned off, const char *word);
bool is_ident_char(char c);

/* Where a cursor sits in the main file.  Returns false if the cursor's text
 * is not a plain range of the main file (it comes from a macro body, another
 * file, ...). */
bool cursor_range(Lowering *L, CXCursor c, Range *r);
/* The file offset of a location (file location: inside macro arguments,
 * where the argument is written). */
bool loc_offset(Lowering *L, CXSourceLocation loc, unsigned *off);
/* The tokens of the runs of the .ac file's own lines that mention one of
 * 'words' (NULL-terminated; the headers the text also holds are not
 * tokenized); free() the array. */
CXToken *main_file_tokens(Lowering *L, const char *const *words, unsigned *n);
/* The text lines of a top-level declaration written in the .ac file
 * itself (not in a header it includes); false for any other. */
bool decl_lines(Lowering *L, CXCursor c, unsigned *first, unsigned *last);
/* Written in the .ac file itself (its expansion location), not a header. */
bool loc_in_main(Lowering *L, CXSourceLocation loc);
/* The file (PpMap index) the user wrote loc in, ~0u if none. */
unsigned loc_user_file(Lowering *L, CXSourceLocation loc);
/* True if the location is produced by a macro expansion. */
bool loc_in_macro(CXSourceLocation loc);

/* diag.c: clang-style diagnostics with the source line and a caret. */
typedef enum { DIAG_ERROR, DIAG_WARNING, DIAG_NOTE } DiagLevel;
void diag_at(Lowering *L, DiagLevel lvl, unsigned offset, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
void diag_cursor(Lowering *L, DiagLevel lvl, CXCursor c, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
void diag_print_clang(Lowering *L, CXDiagnostic d);
/* A diagnostic at a point of a user file. */


/* An asyncc warning, as its -W flag and -Werror / -w say; true if shown
 * (so that a note may follow). */
bool warn_at(Lowering *L, AcWarning w, unsigned offset, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* clang's fix-it line under the caret of the last diagnostic: insert 'text' at offset */
void diag_fixit(Lowering *L, unsigned offset, const char *text);

/* ------------------------------------------------------------ preprocess.c, pp_map.c */

/* libclang_load.c: libclang loaded (false: said why) */
bool load_libclang(void);

/* The backend's `-E -dD` of path, started (the lowering loads libclang
 * while it runs) and then awaited: its output (malloc'ed, *len bytes), or
 * NULL after printing the backend's diagnostics. */
typedef struct PpRun {
  const char *path;
  const char **argv;
  pid_t pid;
  int outfd, errfd;
  char *spawn_error; /* the message, if it could not start */
} PpRun;
PpRun *pp_start(const AcOptions *opt, const char *path); /* NULL: refused, said why */
/* false, said why: an #include reaches a device, FIFO or directory */
bool ac_includes_regular_files(const AcOptions *opt, const char *path);
char *pp_finish(PpRun *run, size_t *len);                /* the text; NULL: failed, said why */

typedef struct PpFile {
  char *name;           /* as the line markers spell it */
  char *quoted;         /* as a C string literal (assemble.c) */
  bool system;          /* a system header (marker flag 3) */
  bool loaded;
  Source text;          /* its text, read on demand (pp_file_text) */
} PpFile;
typedef struct PpLine {
  unsigned file, line;  /* where the text line comes from */
  bool marker;          /* a line marker */
  bool directive;       /* a #define / #undef line (blanked for clang) */
  bool system;          /* a system header's, or what its macros wrote (flag 3) */
  bool lowerable;       /* the .ac file's, or a file it includes inside a function
                           definition (an X-macro list): text the lowering edits */
} PpLine;
typedef struct PpDef {
  unsigned off, end;    /* its line in the text */
  unsigned text_line;
  char *name;
  bool undef, fnlike;
} PpDef;
struct PpMap {
  char *raw;            /* the text with its #define/#undef lines */
  PpFile *files;
  size_t num_files;
  unsigned main_file;
  PpLine *lines;        /* per text line (index = line - 1) */
  size_t num_lines;
  PpDef *defs;          /* in order */
  size_t num_defs;
  bool by_clang;        /* made by clang's preprocessor (a clang backend) */
  CXFile gcc_compat;    /* asyncc/gcc_compat.h in clang's parse, or NULL */
};
/* Reads the markers and directives of text (blanking the directives). */
bool pp_map_build(PpMap *m, char *text, size_t len, const char *main_path);
bool pp_line_in_main(const PpMap *m, unsigned text_line);
/* Marks the lines of every function definition of the .ac file lowerable. */
void pp_mark_definitions(Lowering *L);
void pp_map_free(PpMap *m);
const Source *pp_file_text(PpMap *m, unsigned file);
/* The macros defined at a point of the text. */
typedef struct MacroSet { /* zero-initialised before its first use */
  const PpDef **slots;
  size_t cap;
  size_t next;  /* the next definition to apply */
  unsigned off; /* where the set is */
} MacroSet;
void macro_set_at(const PpMap *m, unsigned off, MacroSet *set);
const PpDef *macro_set_find(const MacroSet *set, const char *name, size_t n);
void macro_set_free(MacroSet *set);

/* user_loc.c: where the user wrote a point of the text; 'macro' is set
 * when it comes from that macro's expansion (reported at its use). */
typedef struct UserLoc {
  unsigned file, line, col;
  const PpDef *macro;
} UserLoc;
UserLoc user_loc(PpMap *m, const Source *src, unsigned off);
UserLoc user_loc_in_macro(PpMap *m, const Source *src, const PpDef *d, unsigned off);
/* A diagnostic at a point of a user file (diag.c). */
void diag_user(Lowering *L, DiagLevel lvl, UserLoc u, const char *msg);
/* diag_json.c: diagnostics kept for -fdiagnostics-format=json/sarif (line 0:
 * no location); a note belongs to the diagnostic before it, a fix-it too. */
void diag_record(DiagLevel lvl, const char *file, unsigned line, unsigned col, const char *flag,
                 const char *msg);
void diag_record_fixit(const char *file, unsigned line, unsigned col, const char *text);
void diag_print_json_string(FILE *f, const char *s); /* quoted and escaped */

/* assemble.c: the output: the .ac file's own text, with every top-level
 * declaration that was lowered replaced by its lowered text. */
char *assemble_output(Lowering *L, const char *preamble);

/* ------------------------------------------------------------ rewrite.c */

typedef enum EditKind {
  EDIT_WRAP_CLOSE, /* closes a wrapper around an expression ending here */
  EDIT_CLOSE,      /* insertion closing a statement-level construct: deeper ones first */
  EDIT_OPEN,       /* insertion opening a statement-level construct: outer ones first */
  EDIT_WRAP_OPEN,  /* opens a wrapper around an expression starting here */
  EDIT_REPLACE,    /* replaces [begin, end) */
} EditKind;

typedef struct Edit {
  unsigned begin, end;
  EditKind kind;
  int depth;      /* nesting depth, orders insertions at one offset */
  unsigned seq;   /* registration order: the last tie-breaker */
  unsigned line;  /* the .ac line generated text is attributed to */
  bool to_output; /* generated code with no .ac line: #line maps it to the C file */
  char *text;
} Edit;

/* Edits, sorted: a large array plus a small one that new edits are inserted
 * into; the small one is merged into the large one when it fills up, so
 * lowering (which alternates adding and rendering) stays near-linear. */
typedef struct EditList {
  Edit *v;
  size_t n, cap;
  Edit *recent;
  size_t num_recent;
  unsigned seq;
} EditList;

void edit_replace(Lowering *L, Range r, char *text);
void edit_insert(Lowering *L, unsigned at, EditKind kind, int depth, char *text);
/* The text of r with the edits strictly inside it applied. */
char *render(Lowering *L, Range r);
/* Visits the text of [b, e) as pieces of original text and edit texts
 * ('from' is the edit, NULL for the file's text at 'off'). */
typedef void (*piece_fn)(void *arg, const char *s, size_t n, unsigned off, const Edit *from);
void walk_edits(Lowering *L, unsigned b, unsigned e, piece_fn fn, void *arg);
/* Is there an edit in [b, e]? */
bool edits_in(Lowering *L, unsigned b, unsigned e);

/* ------------------------------------------------------------ analyze.c */

/* ------------------------------------------------------------ frame_info.c */

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

/* concurrency.c: one call Ei of `await ac_join(E1, ..., En)` / ac_select */
typedef enum ConcKind { CONC_NONE, CONC_JOIN, CONC_SELECT } ConcKind;
typedef struct ConcPart {
  CXCursor call;        /* the async call */
  CXCursor lhs;         /* `lhs = call`, or a null cursor */
  AsyncFn *callee;
  bool voided;          /* `(void)call`: the result is discarded on purpose */
} ConcPart;
/* out_of_line.c: why a callee's frame is allocated rather than embedded */
typedef enum OolKind { OOL_NONE, OOL_RECURSIVE, OOL_FOREIGN, OOL_POINTER } OolKind;

typedef struct Await {
  CXCursor op;          /* the UnaryOperator */
  CXCursor call;        /* its operand: a call of an async function */
  AsyncFn *callee;
  Range range;
  bool evaluated;       /* false under sizeof / _Alignof / typeof */
  /* `await ac_timeout(ms, call)` / `await ac_timeout(ms, lhs = call)`:
   * 'call' is the inner async call, raced against a sleep of 'ms' */
  bool is_timeout;
  CXCursor ms, lhs;     /* lhs: null cursor if there is no assignment */
  int state;            /* resume state number (1-based) */
  /* `await ac_join(...)` / `await ac_select(...)`: the calls, in order */
  ConcKind conc;
  ConcPart *parts;
  int num_parts;
  OolKind ool;          /* the callee's frame is out of line */
  CXCursor fnexpr;      /* OOL_POINTER: the async pointer called (callee is NULL) */
  /* streams.c: `ac_yield_item(item)` in a generator, or the poll for the
   * next item of the ac_for_each loop number 'loop' (1-based) */
  bool is_yield;
  CXCursor item;
  int loop;
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
} StreamValue;

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
  StreamLoop *loops;    /* ac_for_each loops; the generator of loops[i] is ac_st_<i+1> */
  size_t num_loops;
  StreamValue *values;  /* the generator of values[i] is ac_sv_<i+1> */
  size_t num_values;
  struct LocalType *local_types; /* types of the body moved to file scope (local_types.c) */
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

struct Lowering {
  CXTranslationUnit tu;
  Source src;
  PpMap pp;
  const AcOptions *opt;
  EditList edits;
  AsyncFn **fns;
  size_t num_fns;
  NameMap fn_by_name;   /* fns by name (find_async_fn) */
  RangeMemo ranges;     /* cursor_range, once the lowerable lines are marked */
  int errors;
  BuiltinSite *sites;
  size_t num_sites;
  bool generating;       /* edits being made are compiler-generated code */
  ValueUse *values;
  size_t num_values;
  unsigned last_diag_off;  /* the last diagnostic, to report a construct once */
  const char *last_diag_fmt;
  bool last_diag_in_macro; /* it had an "expanded from macro" note */
  CXFile forms_file;       /* asyncc/forms.h, once is_await_op has met it */
};

AsyncFn *find_async_fn(Lowering *L, CXCursor fn_decl_or_ref);
bool is_async_decl(CXCursor c);
/* Written with `async` (the prelude's annotation): a function, variable, field, typedef. */
bool has_async_annotation(CXCursor c);
void collect_async_fns(Lowering *L);
/* The error for `await main()` (analyze.c, concurrency.c). */
extern const char main_not_awaitable[];
/* async_redecl.c: declarations of one function that disagree on `async` are errors. */
void check_async_redeclarations(Lowering *L);

/* As clang_visitChildren(ctx->body, visit, d), from a walk recorded once. */
void body_walk(FnCtx *ctx, CXCursorVisitor visit, CXClientData d);
/* the record itself: node i's children are i + 1, then each child's end,
 * up to node i's end (the body's: 0 up to n) */
const BodyWalk *body_walk_record(FnCtx *ctx);
void body_walk_record_of(BodyWalk *w, CXCursor body);
void body_walk_free(BodyWalk *w);
/* fn's await operators (AsyncFn.await_ops), walked for once. */
void fn_await_ops(Lowering *L, AsyncFn *fn);
/* Fills ctx->awaits and ctx->vars and decides which locals live in the frame. */
void analyze_fn(FnCtx *ctx);
Await *await_at(FnCtx *ctx, unsigned offset);
/* Number of evaluated awaits inside r. */
int awaits_in(FnCtx *ctx, Range r);
Var *var_of(FnCtx *ctx, CXCursor decl);
bool is_await_op(Lowering *L, CXCursor c);
CXCursor strip_parens(CXCursor c);
/* Children of a cursor, in order. */
typedef struct Children {
  CXCursor v[8];
  CXCursor *p;
  size_t n, cap;
} Children;
void children_of(CXCursor c, Children *ch);
void children_free(Children *ch);
/* Child i has the range of an earlier child: clang shows a VLA bound in
 * sizeof's type name twice (analyze.c). */
bool repeats_earlier_child(Lowering *L, Children *ch, size_t i);
/* A type spelling usable at file scope, or NULL after a diagnostic. */
char *frame_type_spelling(FnCtx *ctx, CXType t, CXCursor where);
char *field_decl(const char *type, const char *name);
bool is_array_type(CXType t);
/* " const", " volatile", " const volatile" or "": the qualifiers of the
 * elements of array type t, at any depth (C puts an array's on them) */
const char *array_qualifiers(CXType t);
/* void, however spelled (a typedef, typeof: async_stream's prelude macro) */
bool is_void_type(CXType t);
/* Numbers the resume state of an await about to be lowered, and sets
 * ctx->save_text to the promoted locals to save at its suspension. */
int new_state(FnCtx *ctx, Await *aw);
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
/* How the lowered body names a frame local: `ac_f->x`, or its poll local if promoted. */
char *var_ref(const Var *v);
/* `dst = src` that also works for a struct with const members (src: an lvalue) */
char *copy_text(const char *dst, const char *src, bool is_record);
/* The result of type t (spelled 'type') at address 'addr' of a frame known
 * by its descriptor only: ac_result may be packed, so unaligned (emit.c). */
char *result_at(CXType t, const char *type, const char *addr);
/* A struct or union with a const member (at any depth): it cannot be assigned. */
bool has_const_member(CXType t);

/* ------------------------------------------------------------ task_builtins.c */

const char *builtin_name(BuiltinKind k);
/* Is 'call' (of async 'callee') the argument of ac_spawn / ac_block_on? */
BuiltinKind builtin_of_call(Lowering *L, CXCursor call, AsyncFn *callee, BuiltinSite *site);
void builtin_add_site(Lowering *L, const BuiltinSite *site, unsigned helpers_at);
void builtin_rewrite(Lowering *L, const BuiltinSite *site);
char *builtin_helpers_text(Lowering *L, AsyncFn *callee);
void builtin_check_unmatched(Lowering *L);

/* ------------------------------------------------------------ concurrency.c */

/* CONC_JOIN / CONC_SELECT if g is the prelude's ac__join / ac__select. */
ConcKind conc_kind(const AsyncFn *g);
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

/* ------------------------------------------------------------ direct_calls.c */

/* Decides which async functions of the file never suspend. */
void find_direct_fns(Lowering *L);
/* If await_op awaits a function that never suspends, rewrites it into a
 * direct call of f__sync and returns true. */
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
/* Emits a resume point for await 'aw' whose callee's arguments are 'args'. */
void emit_await(FnCtx *ctx, Await *aw, const char *args, StrBuf *pre);

/* A new temporary of the current full expression: its lvalue. */
char *expr_temp(FnCtx *ctx, const char *type, const char *stem);

/* ------------------------------------------------------------ out_of_line.c */

/* Strongly connected components of the await graph: sets scc/recursive. */
void find_recursion(Lowering *L);
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

/* ------------------------------------------------------------ lower_stmt.c */

void lower_body(FnCtx *ctx);
/* __func__, __FUNCTION__, __PRETTY_FUNCTION__ -> "f" (lower_body does it) */
void rename_predefined(FnCtx *ctx);
void lower_stmt(FnCtx *ctx, CXCursor s, bool in_compound, int depth);
unsigned stmt_end(Lowering *L, CXCursor s);
/* 'text' with 'indent' after each newline */
char *indent_text(const char *text, const char *indent);
/* `for (init; cond; inc) body` as its four parts (null cursors if absent) */
bool for_parts(FnCtx *ctx, CXCursor s, CXCursor part[4]);

/* ------------------------------------------------------------ state_graph.c */

void build_state_graph(FnCtx *ctx, StateEdge **edges, size_t *num_edges);
/* frame_info.c: records fn->info once the function is lowered */
void record_frame_info(FnCtx *ctx);
/* frame_liveness.c: whether a local's value is needed after an await of
 * its scope (for fn->info) */
typedef struct Liveness Liveness;
Liveness *liveness_of(FnCtx *ctx);
bool live_across(const Liveness *lv, const Var *v, const Await *aw);
void liveness_free(Liveness *lv);
/* inspect.c: the --emit=layout/dot/json report on the lowered C */
char *inspect_report(Lowering *L, const char *c_text);

/* ------------------------------------------------------------ trace_emit.c */

/* f__trace for ac_task_dump: emitted after f's body (from the drop cases). */
void emit_trace_fn(FnCtx *ctx);
/* Its prototype, with f's frame struct. */
void trace_prototype(StrBuf *sb, AsyncFn *fn, const char *storage);
/* What must precede a reference to g__trace: nothing if g is lowered in
 * this file, else a weak declaration (NULL when g has no trace function). */
char *trace_decl_text(Lowering *L, AsyncFn *g);
/* s as a C string literal, quotes included. */
char *c_string_literal(const char *s);

/* ------------------------------------------------------------ case_groups.c */

/* The cases of a generated switch (`    case N:` lines, then bodies ending
 * in `break;`) with equal bodies merged under one body. */
char *group_switch_cases(const char *cases);

/* ------------------------------------------------------------ local_types.c */

typedef struct LocalType LocalType;
/* The spelling of t, a type involving types declared in the function's
 * body, which move to file scope under new names; NULL if it cannot be. */
char *local_type_spelling(FnCtx *ctx, CXType t);
/* The moved types' declarations, for the frame's text. */
void local_types_text(FnCtx *ctx, StrBuf *sb);

/* ------------------------------------------------------------ vla_pointers.c */

/* A pointer to a variable-length array type (`int (*)[n]`). */
bool is_vm_pointer(CXType t);
/* v, a frame local of such a type: its field is a `void *`, its array
 * sizes get fields of their own; false after a diagnostic. */
bool vm_pointer_field(FnCtx *ctx, Var *v);
/* `ac_f->m__n1 = (n), ` for v's declaration: its sizes, evaluated there. */
char *vm_pointer_sizes(FnCtx *ctx, Var *v);

/* ------------------------------------------------------------ emit.c */

void emit_fn(FnCtx *ctx);
/* A function that never suspends: f__sync with the body, and a poll calling it. */
void emit_direct_fn(FnCtx *ctx);
void emit_frame_structs(Lowering *L);

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
/* The prelude's marker of an ac_for_each loop. */
bool stream_is_loop_marker(CXCursor c);
/* An ac_for_each, or a generator call (for ac_stream_of): the function that
 * contains it has a frame (direct_calls.c). */
bool stream_needs_frame(Lowering *L, CXCursor c);
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
bool stream_value_call(FnCtx *ctx, CXCursor call);
void stream_value_fields(FnCtx *ctx, StrBuf *sb);
void stream_value_init(FnCtx *ctx, StrBuf *sb);
void stream_value_drops(FnCtx *ctx, StrBuf *sb, bool stmt);

#endif
