/*
 * asyncify: turn a csmith-generated C program into an asyncc (.ac) program.
 *
 *   asyncify [-v] [--async-first] INPUT.c [-o OUTPUT.ac] [clang args: -I.. -D.. ...]
 *
 * Uses the libclang C API (never a hand-written parser).  For every function
 * declared in the main file (prototypes and definitions, not functions coming
 * from headers such as csmith's safe_math.h):
 *   - `async ` is inserted into the declaration, after any leading storage
 *     class / inline keywords (`static async uint32_t func_1(void)`), or at
 *     the very start of the declaration with --async-first;
 *   - every call to it becomes `await CALL`, parenthesized as `(await CALL)`
 *     when the call is the operand of a postfix operator (`.`, `->`, `[`, `(`,
 *     `++`, `--`) so that precedence is kept (await is a prefix unary op);
 *   - its body starts with `await ac_yield();` (with --yield-some, only the
 *     bodies of about half the functions, chosen by a hash of the name, so
 *     that the others never suspend and asyncc calls them directly: both
 *     lowerings meet in one program).
 * `main` is one of those functions, so it becomes `async int main(...)`.
 *
 * Edits are computed from clang source ranges (expansion locations) and
 * applied to the original text.
 *
 * With --verify FILE.ac the tool instead parses an asyncified file (with a
 * built-in prelude defining async/await as attribute/__extension__) and checks
 * that every await is directly applied to a call of an async function inside
 * an async function, and that every call of an async function is awaited
 * (exit 1 otherwise).  This catches precedence mistakes that a plain
 * `clang -fsyntax-only` would accept (`__extension__ f().m`).
 *
 * Exit status: 0 ok, 1 error (I/O, parse errors), 2 usage,
 *              3 a call to a main-file function is inside a macro expansion
 *                (the program should be left out and counted as skipped).
 */
#include <clang-c/Index.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  unsigned off;   /* byte offset in the input text */
  int prio;       /* order among edits at the same offset (lower first) */
  unsigned span;  /* for opening edits: length of the wrapped range */
  const char *text;
} Edit;

static Edit *edits;
static size_t n_edits, cap_edits;

static char **fn_usrs;
static size_t n_fns, cap_fns;

static const char *src;     /* main file text */
static size_t src_len;
static CXFile main_file;
static const char *in_path;
static int async_first;
static int yield_some;

/* --yield-some: does this function's body start with a yield?  main always
 * does; the others by a hash of their name. */
static int yields(CXCursor fn) {
  CXString s = clang_getCursorSpelling(fn);
  const char *name = clang_getCString(s);
  unsigned h = 0;
  for (const char *p = name; *p; p++)
    h = h * 31 + (unsigned char)*p;
  int r = strcmp(name, "main") == 0 || (h >> 3) % 2 == 0;
  clang_disposeString(s);
  return r;
}
static int verify_mode;
static int verbose;
static int macro_calls;     /* calls to main-file functions inside macros */
static int n_calls, n_decls, n_bodies;

static void *xrealloc(void *p, size_t n) {
  p = realloc(p, n);
  if (!p) {
    perror("asyncify");
    exit(1);
  }
  return p;
}

static void add_edit(unsigned off, int prio, unsigned span, const char *text) {
  if (n_edits == cap_edits) {
    cap_edits = cap_edits ? 2 * cap_edits : 256;
    edits = xrealloc(edits, cap_edits * sizeof *edits);
  }
  edits[n_edits].off = off;
  edits[n_edits].prio = prio;
  edits[n_edits].span = span;
  edits[n_edits].text = text;
  n_edits++;
}

static int is_main_fn_usr(const char *usr) {
  for (size_t i = 0; i < n_fns; i++)
    if (strcmp(fn_usrs[i], usr) == 0)
      return 1;
  return 0;
}

static void add_fn_usr(const char *usr) {
  if (is_main_fn_usr(usr))
    return;
  if (n_fns == cap_fns) {
    cap_fns = cap_fns ? 2 * cap_fns : 64;
    fn_usrs = xrealloc(fn_usrs, cap_fns * sizeof *fn_usrs);
  }
  fn_usrs[n_fns++] = strdup(usr);
}

/* Expansion-location offset of LOC; returns 0 if it is not in the main file. */
static int main_offset(CXSourceLocation loc, unsigned *off) {
  CXFile f;
  unsigned line, col;
  clang_getExpansionLocation(loc, &f, &line, &col, off);
  return f && clang_File_isEqual(f, main_file);
}

/* True if LOC is (part of) a macro expansion: its spelling differs from its
 * expansion location. */
static int in_macro(CXSourceLocation loc) {
  CXFile ef, sf;
  unsigned el, ec, eo, sl, sc, so;
  clang_getExpansionLocation(loc, &ef, &el, &ec, &eo);
  clang_getFileLocation(loc, &sf, &sl, &sc, &so);
  if (!ef || !sf || !clang_File_isEqual(ef, sf))
    return 1;
  return eo != so;
}

static int is_ident_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c == '_';
}

/* Skip whitespace and comments starting at OFF. */
static size_t skip_space(size_t off) {
  for (;;) {
    while (off < src_len && (src[off] == ' ' || src[off] == '\t' ||
                             src[off] == '\n' || src[off] == '\r' ||
                             src[off] == '\f' || src[off] == '\v'))
      off++;
    if (off + 1 < src_len && src[off] == '/' && src[off + 1] == '*') {
      const char *e = strstr(src + off + 2, "*/");
      off = e ? (size_t)(e - src) + 2 : src_len;
      continue;
    }
    if (off + 1 < src_len && src[off] == '/' && src[off + 1] == '/') {
      while (off < src_len && src[off] != '\n')
        off++;
      continue;
    }
    return off;
  }
}

/* Does a postfix operator follow the text ending at END? */
static int postfix_follows(size_t end) {
  size_t o = skip_space(end);
  if (o >= src_len)
    return 0;
  char c = src[o];
  if (c == '[' || c == '(')
    return 1;
  if (c == '.' && !(o + 1 < src_len && src[o + 1] >= '0' && src[o + 1] <= '9'))
    return 1;
  if (o + 1 < src_len) {
    char d = src[o + 1];
    if ((c == '-' && d == '>') || (c == '+' && d == '+') ||
        (c == '-' && d == '-'))
      return 1;
  }
  return 0;
}

/* Offset where `async ` goes in the declaration starting at START. */
static unsigned async_insert_point(unsigned start) {
  static const char *const skip_kw[] = {"static", "extern", "inline",
                                        "__inline", "__inline__", "_Noreturn",
                                        NULL};
  size_t o = start;
  if (async_first)
    return start;
  for (;;) {
    size_t w = o;
    while (w < src_len && is_ident_char(src[w]))
      w++;
    int matched = 0;
    for (int i = 0; skip_kw[i]; i++)
      if (w - o == strlen(skip_kw[i]) && memcmp(src + o, skip_kw[i], w - o) == 0)
        matched = 1;
    if (!matched || w == o)
      return (unsigned)o;
    o = skip_space(w);
  }
}

static char *cursor_usr(CXCursor c) {
  CXString s = clang_getCursorUSR(c);
  char *r = strdup(clang_getCString(s));
  clang_disposeString(s);
  return r;
}

/* Pass 1: collect the functions declared in the main file. */
static enum CXChildVisitResult collect(CXCursor c, CXCursor parent,
                                       CXClientData data) {
  (void)parent;
  (void)data;
  if (clang_getCursorKind(c) != CXCursor_FunctionDecl)
    return CXChildVisit_Continue;
  unsigned off;
  if (!main_offset(clang_getCursorLocation(c), &off))
    return CXChildVisit_Continue;
  char *usr = cursor_usr(c);
  add_fn_usr(usr);
  free(usr);
  return CXChildVisit_Continue;
}

static enum CXChildVisitResult find_body(CXCursor c, CXCursor parent,
                                         CXClientData data) {
  (void)parent;
  if (clang_getCursorKind(c) == CXCursor_CompoundStmt) {
    *(CXCursor *)data = c;
    return CXChildVisit_Break;
  }
  return CXChildVisit_Continue;
}

static enum CXChildVisitResult rewrite(CXCursor c, CXCursor parent,
                                       CXClientData data) {
  (void)parent;
  (void)data;
  enum CXCursorKind k = clang_getCursorKind(c);
  CXSourceRange r = clang_getCursorExtent(c);
  unsigned b, e;

  if (k == CXCursor_FunctionDecl) {
    if (!main_offset(clang_getCursorLocation(c), &b))
      return CXChildVisit_Continue;
    if (in_macro(clang_getRangeStart(r))) {
      fprintf(stderr, "%s: function declaration in a macro expansion\n",
              in_path);
      macro_calls++;
      return CXChildVisit_Continue;
    }
    main_offset(clang_getRangeStart(r), &b);
    add_edit(async_insert_point(b), 1, 0, "async ");
    n_decls++;
    if (clang_isCursorDefinition(c)) {
      CXCursor body = clang_getNullCursor();
      clang_visitChildren(c, find_body, &body);
      if (clang_Cursor_isNull(body)) {
        fprintf(stderr, "%s: function definition without a body?\n", in_path);
        exit(1);
      }
      main_offset(clang_getRangeStart(clang_getCursorExtent(body)), &b);
      if (src[b] != '{') {
        fprintf(stderr, "%s: body does not start with '{'\n", in_path);
        exit(1);
      }
      if (!yield_some || yields(c)) {
        add_edit(b + 1, 5, 0, " await ac_yield();");
        n_bodies++;
      }
    }
    return CXChildVisit_Recurse;
  }

  if (k == CXCursor_CallExpr) {
    CXCursor callee = clang_getCursorReferenced(c);
    if (!clang_Cursor_isNull(callee) &&
        clang_getCursorKind(callee) == CXCursor_FunctionDecl) {
      char *usr = cursor_usr(callee);
      int ours = is_main_fn_usr(usr);
      free(usr);
      if (ours) {
        CXSourceLocation ls = clang_getRangeStart(r), le = clang_getRangeEnd(r);
        int ok = main_offset(ls, &b) && main_offset(le, &e) && !in_macro(ls) &&
                 !in_macro(le) && e > b && e <= src_len && src[e - 1] == ')';
        if (ok) {
          /* The text must be NAME ( ... ) with NAME the callee. */
          CXString nm = clang_getCursorSpelling(callee);
          const char *name = clang_getCString(nm);
          size_t nl = strlen(name);
          ok = b + nl <= src_len && memcmp(src + b, name, nl) == 0 &&
               !is_ident_char(src[b + nl]);
          clang_disposeString(nm);
        }
        if (!ok) {
          unsigned line, col, off;
          CXFile f;
          clang_getExpansionLocation(ls, &f, &line, &col, &off);
          fprintf(stderr, "%s:%u:%u: call inside a macro expansion\n", in_path,
                  line, col);
          macro_calls++;
          return CXChildVisit_Recurse;
        }
        n_calls++;
        if (postfix_follows(e)) {
          add_edit(b, 2, e - b, "(await ");
          add_edit(e, 0, 0, ")");
        } else {
          add_edit(b, 2, e - b, "await ");
        }
      }
    }
  }
  return CXChildVisit_Recurse;
}

/* ---- --verify mode: check an asyncified .ac file ------------------------ */

static const char prelude_name[] = "/__asyncify__/prelude.h"; /* virtual */
static const char prelude_text[] =
    "#define async __attribute__((annotate(\"asyncc.async\")))\n"
    "#define await __extension__\n"
    "async void ac_yield(void);\n";
static int verify_errors, verify_awaits;

static enum CXChildVisitResult has_async_attr_v(CXCursor c, CXCursor parent,
                                                CXClientData data) {
  (void)parent;
  if (clang_getCursorKind(c) == CXCursor_AnnotateAttr) {
    CXString s = clang_getCursorSpelling(c);
    if (strcmp(clang_getCString(s), "asyncc.async") == 0)
      *(int *)data = 1;
    clang_disposeString(s);
  }
  return CXChildVisit_Continue;
}

static int is_async_fn(CXCursor fn) {
  int found = 0;
  if (clang_Cursor_isNull(fn) || clang_getCursorKind(fn) != CXCursor_FunctionDecl)
    return 0;
  clang_visitChildren(fn, has_async_attr_v, &found);
  if (!found)
    clang_visitChildren(clang_getCanonicalCursor(fn), has_async_attr_v, &found);
  return found;
}

static int is_await(CXCursor c) {
  return clang_getCursorKind(c) == CXCursor_UnaryOperator &&
         clang_getCursorUnaryOperatorKind(c) == CXUnaryOperator_Extension;
}

static void verify_error(CXCursor c, const char *msg) {
  CXFile f;
  unsigned line, col, off;
  clang_getExpansionLocation(clang_getCursorLocation(c), &f, &line, &col, &off);
  fprintf(stderr, "%s:%u:%u: verify: %s\n", in_path, line, col, msg);
  verify_errors++;
}

typedef struct {
  int in_async;
} VState;

static enum CXChildVisitResult first_child(CXCursor c, CXCursor parent,
                                           CXClientData data) {
  (void)parent;
  *(CXCursor *)data = c;
  return CXChildVisit_Break;
}

static enum CXChildVisitResult verify_visit(CXCursor c, CXCursor parent,
                                            CXClientData data) {
  VState *st = data;
  unsigned off;
  if (!main_offset(clang_getCursorLocation(c), &off))
    return CXChildVisit_Continue;
  enum CXCursorKind k = clang_getCursorKind(c);
  if (k == CXCursor_FunctionDecl) {
    VState inner = {is_async_fn(c)};
    clang_visitChildren(c, verify_visit, &inner);
    return CXChildVisit_Continue;
  }
  if (is_await(c)) {
    CXCursor op = clang_getNullCursor();
    clang_visitChildren(c, first_child, &op);
    verify_awaits++;
    if (!st->in_async)
      verify_error(c, "await outside an async function");
    if (clang_Cursor_isNull(op) || clang_getCursorKind(op) != CXCursor_CallExpr ||
        !is_async_fn(clang_getCursorReferenced(op)))
      verify_error(c, "await operand is not a call of an async function");
  }
  if (k == CXCursor_CallExpr && is_async_fn(clang_getCursorReferenced(c)) &&
      !is_await(parent))
    verify_error(c, "call of an async function is not awaited");
  return CXChildVisit_Recurse;
}

static int verify_tu(CXTranslationUnit tu) {
  VState st = {0};
  clang_visitChildren(clang_getTranslationUnitCursor(tu), verify_visit, &st);
  if (verbose)
    fprintf(stderr, "asyncify: %s: verified %d awaits, %d errors\n", in_path,
            verify_awaits, verify_errors);
  return verify_errors ? 1 : 0;
}

static int cmp_edit(const void *pa, const void *pb) {
  const Edit *a = pa, *b = pb;
  if (a->off != b->off)
    return a->off < b->off ? -1 : 1;
  if (a->prio != b->prio)
    return a->prio < b->prio ? -1 : 1;
  /* Opening edits at the same offset: outermost first. */
  if (a->span != b->span)
    return a->span > b->span ? -1 : 1;
  return 0;
}

static char *read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    perror(path);
    exit(1);
  }
  size_t cap = 1 << 16, n = 0;
  char *buf = xrealloc(NULL, cap + 1);
  size_t k;
  while ((k = fread(buf + n, 1, cap - n, f)) > 0) {
    n += k;
    if (n == cap) {
      cap *= 2;
      buf = xrealloc(buf, cap + 1);
    }
  }
  fclose(f);
  buf[n] = 0;
  *len = n;
  return buf;
}

static void usage(void) {
  fprintf(stderr, "usage: asyncify [-v] [--async-first] [--yield-some] INPUT.c [-o OUTPUT.ac] "
                  "[clang args (-I, -D, ...)]\n"
                  "       asyncify [-v] --verify FILE.ac [clang args]\n");
  exit(2);
}

int main(int argc, char **argv) {
  const char *out_path = NULL;
  const char **cargs = xrealloc(NULL, (argc + 8) * sizeof *cargs);
  int nc = 0;
  cargs[nc++] = "-w";
  cargs[nc++] = "-ferror-limit=0";
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "-o") == 0) {
      if (++i == argc)
        usage();
      out_path = argv[i];
    } else if (strcmp(argv[i], "-v") == 0) {
      verbose = 1;
    } else if (strcmp(argv[i], "--verify") == 0) {
      verify_mode = 1;
    } else if (strcmp(argv[i], "--async-first") == 0) {
      async_first = 1;
    } else if (strcmp(argv[i], "--yield-some") == 0) {
      yield_some = 1;
    } else if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
      usage();
    } else if (argv[i][0] == '-') {
      cargs[nc++] = argv[i];
    } else if (!in_path) {
      in_path = argv[i];
    } else {
      usage();
    }
  }
  if (!in_path)
    usage();
  struct CXUnsavedFile unsaved = {prelude_name, prelude_text,
                                  sizeof prelude_text - 1};
  if (verify_mode) {
    cargs[nc++] = "-xc";
    cargs[nc++] = "-include";
    cargs[nc++] = prelude_name;
  }

  src = read_file(in_path, &src_len);

  CXIndex idx = clang_createIndex(0, 0);
  CXTranslationUnit tu;
  enum CXErrorCode ec = clang_parseTranslationUnit2(
      idx, in_path, cargs, nc, &unsaved, verify_mode ? 1 : 0,
      CXTranslationUnit_None, &tu);
  if (ec != CXError_Success) {
    fprintf(stderr, "%s: libclang failed to parse (error %d)\n", in_path, ec);
    return 1;
  }
  int errors = 0;
  for (unsigned i = 0, n = clang_getNumDiagnostics(tu); i < n; i++) {
    CXDiagnostic d = clang_getDiagnostic(tu, i);
    if (clang_getDiagnosticSeverity(d) >= CXDiagnostic_Error) {
      CXString s = clang_formatDiagnostic(d, clang_defaultDiagnosticDisplayOptions());
      fprintf(stderr, "%s\n", clang_getCString(s));
      clang_disposeString(s);
      errors++;
    }
    clang_disposeDiagnostic(d);
  }
  if (errors)
    return 1;

  main_file = clang_getFile(tu, in_path);
  if (!main_file) {
    fprintf(stderr, "%s: main file not found in translation unit\n", in_path);
    return 1;
  }
  /* libclang must see the same bytes we edit. */
  size_t tu_len;
  const char *tu_src = clang_getFileContents(tu, main_file, &tu_len);
  if (!tu_src || tu_len != src_len || memcmp(tu_src, src, src_len) != 0) {
    fprintf(stderr, "%s: file changed while parsing\n", in_path);
    return 1;
  }

  if (verify_mode)
    return verify_tu(tu);

  CXCursor root = clang_getTranslationUnitCursor(tu);
  clang_visitChildren(root, collect, NULL);
  clang_visitChildren(root, rewrite, NULL);

  if (macro_calls) {
    fprintf(stderr, "%s: %d call(s)/declaration(s) of main-file functions in "
                    "macro expansions; program left out\n",
            in_path, macro_calls);
    return 3;
  }

  qsort(edits, n_edits, sizeof *edits, cmp_edit);

  FILE *out = stdout;
  if (out_path && !(out = fopen(out_path, "w"))) {
    perror(out_path);
    return 1;
  }
  size_t pos = 0;
  for (size_t i = 0; i < n_edits; i++) {
    fwrite(src + pos, 1, edits[i].off - pos, out);
    pos = edits[i].off;
    fputs(edits[i].text, out);
  }
  fwrite(src + pos, 1, src_len - pos, out);
  if (out != stdout && fclose(out) != 0) {
    perror(out_path);
    return 1;
  }
  if (verbose)
    fprintf(stderr, "asyncify: %s: %d declarations, %d bodies, %d awaited calls\n",
          in_path, n_decls, n_bodies, n_calls);

  clang_disposeTranslationUnit(tu);
  clang_disposeIndex(idx);
  return 0;
}
