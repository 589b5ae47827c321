/* support/: what every layer of the compiler uses, about no async construct:
 * strings, name maps, the source text and its preprocessing map, cursor
 * helpers, diagnostics, the edit list and the assembled output.
 *
 * Include rule: support/ includes only support/ and the public header. */
#ifndef ASYNCC_SUPPORT_H
#define ASYNCC_SUPPORT_H

#include "asyncc/lowering.h"
#include "asyncc/strbuf.h"

#include <clang-c/Index.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>

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
/* false, said why: an #include reaches a device, FIFO or directory
 * (include_check.c) */
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
/* ------------------------------------------------------------ cursors.c */

CXCursor strip_parens(CXCursor c);
/* c's first child, parentheses and implicit nodes stripped (the operand of
 * an await, `&`, `return`...), or a null cursor */
CXCursor first_operand(CXCursor c);
/* Children of a cursor, in order. */
typedef struct Children {
  CXCursor v[8];
  CXCursor *p;
  size_t n, cap;
} Children;
void children_of(CXCursor c, Children *ch);
/* clang_visitChildren's visitor that children_of uses (d: a Children) */
enum CXChildVisitResult collect_child(CXCursor c, CXCursor parent, CXClientData d);
void children_free(Children *ch);
/* Child i has the range of an earlier child: clang shows a VLA bound in
 * sizeof's type name twice. */
bool repeats_earlier_child(Lowering *L, Children *ch, size_t i);
/* The spelling of a cursor / a type (malloc'ed). */
char *cursor_name(CXCursor c);
char *type_name(CXType t);
/* The end of statement s, including its ';' when it has one. */
unsigned stmt_end(Lowering *L, CXCursor s);
/* `dst = src` that also works for a struct with const members (src: an lvalue) */
char *copy_text(const char *dst, const char *src, bool is_record);
/* The result of type t (spelled 'type') at address 'addr' of a frame known
 * by its descriptor only: ac_result may be packed, so unaligned. */
char *result_at(CXType t, const char *type, const char *addr);
/* 'text' with 'indent' after each newline */
char *indent_text(const char *text, const char *indent);
/* s as a C string literal, quotes included. */
char *c_string_literal(const char *s);

/* ------------------------------------------------------------ the unit being lowered */

/* The model's tables (model/model.h) are opaque at this layer. */
struct Lowering {
  CXTranslationUnit tu;
  Source src;
  PpMap pp;
  const AcOptions *opt;
  EditList edits;
  struct AsyncFn **fns;   /* model/ */
  size_t num_fns;
  NameMap fn_by_name;   /* fns by name (find_async_fn) */
  RangeMemo ranges;     /* cursor_range, once the lowerable lines are marked */
  int errors;
  struct BuiltinSite *sites;
  size_t num_sites;
  bool generating;       /* edits being made are compiler-generated code */
  struct ValueUse *values;
  size_t num_values;
  unsigned last_diag_off;  /* the last diagnostic, to report a construct once */
  const char *last_diag_fmt;
  bool last_diag_in_macro; /* it had an "expanded from macro" note */
  CXFile forms_file;       /* asyncc/forms.h, once is_await_op has met it */
};

#endif
