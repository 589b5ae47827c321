/* ac_lower_file: the lowering pipeline, from a .ac path to C text. */
#include "analysis/analysis.h"
#include "forms/forms.h"
#include "inspect/inspect.h"
#include "lower/lower.h"

#include <malloc.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Checks a non-async function: no await, and async functions only called
 * as the argument of ac_spawn / ac_block_on. */
typedef struct SyncCheck {
  Lowering *L;
  unsigned fn_begin; /* where helpers of spawned callees must be visible */
} SyncCheck;

static enum CXChildVisitResult check_sync(CXCursor c, CXCursor parent, CXClientData d) {
  (void)parent;
  SyncCheck *sc = d;
  Lowering *L = sc->L;
  if (stream_misuse_in_sync(L, c))
    return CXChildVisit_Continue;
  if (is_await_op(L, c)) {
    diag_cursor(L, DIAG_ERROR, c,
                "'await' is only allowed inside an async function; declare the enclosing "
                "function 'async'");
    return CXChildVisit_Continue;
  }
  check_value_destination(L, c);
  if (clang_getCursorKind(c) == CXCursor_DeclRefExpr) {
    async_value_use(L, c, sc->fn_begin); /* an async function as a value */
    return CXChildVisit_Continue;
  }
  if (clang_getCursorKind(c) == CXCursor_CallExpr && !clang_Cursor_isNull(async_pointer_callee(c))) {
    diag_cursor(L, DIAG_ERROR, c,
                "call through an async function pointer from a function that is not async; "
                "await it from an async function");
    return CXChildVisit_Continue;
  }
  if (clang_getCursorKind(c) == CXCursor_CallExpr) {
    AsyncFn *fn = find_async_fn(L, clang_getCursorReferenced(c));
    BuiltinSite site;
    if (fn && builtin_of_call(L, c, fn, &site) != BUILTIN_NONE) {
      builtin_add_site(L, &site, sc->fn_begin);
      builtin_rewrite(L, &site);
      return CXChildVisit_Recurse;
    }
    if (conc_misuse(L, c, fn))
      return CXChildVisit_Continue;
    if (fn) {
      diag_cursor(L, DIAG_ERROR, c,
                  "async function '%s' called from a function that is not async; await it "
                  "from an async function, or run it with ac_block_on",
                  fn->name);
      return CXChildVisit_Continue;
    }
  }
  return CXChildVisit_Recurse;
}

static bool in_main_file(Lowering *L, CXCursor c) {
  return loc_in_main(L, clang_getCursorLocation(c));
}

/* fn awaits g (at 'at'): g's frame struct must come before fn's. */
/* g's frame is embedded in fn's: its struct must be complete before fn's.
 * (An ordinary await of a recursive or another file's function is out of
 * line; the calls of ac_join / ac_select are always embedded, and
 * concurrency.c rejects another file's functions there.) */
static void add_callee(Lowering *L, AsyncFn *fn, AsyncFn *g, unsigned at) {
  if (fn->recursive && g->recursive && fn->scc == g->scc && g == fn)
    diag_at(L, DIAG_ERROR, at,
            "ac_join / ac_select of '%s' here is recursive ('%s' awaits itself); their calls' "
            "frames are embedded, so this is not supported yet",
            g->name, g->name);
  else if (fn->recursive && g->recursive && fn->scc == g->scc)
    diag_at(L, DIAG_ERROR, at,
            "ac_join / ac_select of '%s' here is recursive ('%s' and '%s' await each other); "
            "their calls' frames are embedded, so this is not supported yet",
            g->name, fn->name, g->name);
  for (size_t j = 0; j < fn->num_callees; j++)
    if (fn->callees[j] == g)
      return;
  fn->callees = xrealloc(fn->callees, (fn->num_callees + 1) * sizeof *fn->callees);
  fn->callees[fn->num_callees++] = g;
}

/* g's frame is allocated out of line (out_of_line.c): only declared before fn's body */
static void add_ool_callee(Lowering *L, AsyncFn *fn, AsyncFn *g, unsigned at) {
  if (is_foreign(g) && g->is_static)
    diag_at(L, DIAG_ERROR, at, "static async function '%s' is awaited but never defined", g->name);
  for (size_t j = 0; j < fn->num_ool_callees; j++)
    if (fn->ool_callees[j] == g)
      return;
  fn->ool_callees = xrealloc(fn->ool_callees, (fn->num_ool_callees + 1) * sizeof *fn->ool_callees);
  fn->ool_callees[fn->num_ool_callees++] = g;
}

static void lower_async_fn(Lowering *L, AsyncFn *fn) {
  Children ch;
  children_of(fn->decl, &ch);
  CXCursor body = clang_getNullCursor();
  for (size_t i = 0; i < ch.n; i++)
    if (clang_getCursorKind(ch.p[i]) == CXCursor_CompoundStmt)
      body = ch.p[i];
  children_free(&ch);
  Range fr;
  if (clang_Cursor_isNull(body) || !cursor_range(L, body, &fn->body) ||
      !cursor_range(L, fn->decl, &fr) || loc_in_macro(clang_getCursorLocation(fn->decl))) {
    diag_cursor(L, DIAG_ERROR, fn->decl, "async function '%s' cannot be lowered: its definition "
                                         "is written by a macro", fn->name);
    return;
  }
  fn->header = (Range){fr.begin, fn->body.begin};
  if (clang_Cursor_isVariadic(fn->decl)) {
    diag_cursor(L, DIAG_ERROR, fn->decl, "async function '%s' cannot be variadic", fn->name);
    return;
  }
  FnCtx ctx = {.L = L, .fn = fn, .body = body};
  if (fn->walk.recorded && clang_equalCursors(fn->walk.body, body))
    ctx.walk = fn->walk; /* fn_await_ops's */
  else
    body_walk_free(&fn->walk);
  fn->walk = (BodyWalk){0};
  int errors = L->errors;
  analyze_fn(&ctx);
  lower_recorded_sites(&ctx);
  check_task_joins(L, fn, fn->body);
  lint_async_fn(&ctx);
  for (size_t i = 0; i < ctx.num_awaits; i++) {
    Await *aw = &ctx.awaits[i];
    if (!aw->callee)
      continue; /* through an async pointer: nothing to place */
    if (aw->ool != OOL_NONE)
      add_ool_callee(L, fn, aw->callee, aw->range.begin);
    else
      add_callee(L, fn, aw->callee, aw->range.begin);
    for (int k = 0; k < aw->num_parts; k++) /* ac_join / ac_select */
      add_callee(L, fn, aw->parts[k].callee, aw->range.begin);
  }
  if (L->errors > errors) {
    body_walk_free(&ctx.walk);
    return;
  }
  if (fn->never_suspends) {
    emit_direct_fn(&ctx);
  } else {
    lower_body(&ctx);
    emit_fn(&ctx);
  }
  if (L->opt->emit != AC_EMIT_C)
    record_frame_info(&ctx);
  body_walk_free(&ctx.walk);
}

/* Async prototypes in the main file lower to nothing: the frame struct and
 * the prototypes of init/poll/drop are emitted where they are needed. */
static enum CXChildVisitResult drop_prototypes(CXCursor c, CXCursor parent, CXClientData d) {
  (void)parent;
  Lowering *L = d;
  Range r;
  if (clang_getCursorKind(c) == CXCursor_FunctionDecl && is_async_decl(c) &&
      !clang_isCursorDefinition(c) && in_main_file(L, c) && cursor_range(L, c, &r)) {
    AsyncFn *fn = find_async_fn(L, c);
    if (fn && fn->has_body)
      edit_replace(L, (Range){r.begin, stmt_end(L, c)}, xstrdup(""));
  }
  return CXChildVisit_Continue;
}

static enum CXChildVisitResult visit_fns(CXCursor c, CXCursor parent, CXClientData d) {
  (void)parent;
  Lowering *L = d;
  if (!in_main_file(L, c))
    return CXChildVisit_Continue;
  if (clang_getCursorKind(c) == CXCursor_FunctionDecl && clang_isCursorDefinition(c)) {
    AsyncFn *fn = is_async_decl(c) ? find_async_fn(L, c) : NULL;
    Range r;
    SyncCheck sc = {L, cursor_range(L, c, &r) ? r.begin : 0};
    if (fn)
      lower_async_fn(L, fn);
    else
      clang_visitChildren(c, check_sync, &sc);
  } else if (clang_getCursorKind(c) == CXCursor_VarDecl) {
    Range r;
    SyncCheck sc = {L, cursor_range(L, c, &r) ? r.begin : 0};
    check_value_destination(L, c);
    clang_visitChildren(c, check_sync, &sc);
  }
  return CXChildVisit_Continue;
}

/* Was the text made by clang's preprocessor (a clang backend)? */
static bool made_by_clang(const PpMap *m) {
  for (size_t i = 0; i < m->num_defs && i < 4096; i++)
    if (strcmp(m->defs[i].name, "__clang__") == 0)
      return true;
  return false;
}

/* clang parses the backend's preprocessed text.  Its errors in system
 * headers are the backend's dialect of them (gcc's attributes and builtins
 * in glibc), not the user's: the backend compiles those lines, not clang. */
static bool parse(Lowering *L, const char *ipath, const AcOptions *opt, CXIndex idx) {
  const char *args[16];
  int n = 0;
  args[n++] = "-x";
  args[n++] = "c";
  const char *std = "-std=gnu17";
  for (int i = 0; i < opt->num_clang_args; i++)
    if (strncmp(opt->clang_args[i], "-std=", 5) == 0)
      std = opt->clang_args[i];
  args[n++] = std;
  args[n++] = "-include";
  char *dir = xstrdup(opt->prelude), *slash = strrchr(dir, '/');
  if (slash)
    *slash = 0;
  char *forms = xasprintf("%s/forms.h", dir);
  args[n++] = forms;
  L->pp.by_clang = made_by_clang(&L->pp);
  if (!L->pp.by_clang)
    args[n++] = "-D__ASYNCC_GCC_BACKEND";
  struct CXUnsavedFile uf = {ipath, L->src.text, L->src.size};
  enum CXErrorCode err = clang_parseTranslationUnit2(
      idx, ipath, args, n, &uf, 1, CXTranslationUnit_KeepGoing, &L->tu);
  free(forms);
  if (err != CXError_Success || !L->tu) {
    free(dir);
    fprintf(stderr, "%s: error: cannot parse (libclang error %d)\n", L->src.path, (int)err);
    return false;
  }
  L->src.file = clang_getFile(L->tu, ipath);
  if (!L->pp.by_clang) {
    char *compat = xasprintf("%s/gcc_compat.h", dir);
    L->pp.gcc_compat = clang_getFile(L->tu, compat);
    free(compat);
  }
  free(dir);
  bool ok = true;
  for (unsigned i = 0, nd = clang_getNumDiagnostics(L->tu); i < nd; i++) {
    CXDiagnostic d = clang_getDiagnostic(L->tu, i);
    enum CXDiagnosticSeverity sev = clang_getDiagnosticSeverity(d);
    unsigned f = loc_user_file(L, clang_getDiagnosticLocation(d));
    bool users = f < L->pp.num_files && !L->pp.files[f].system && L->pp.files[f].name[0] != '<';
    if (sev >= CXDiagnostic_Warning && users)
      diag_print_clang(L, d);
    if (sev >= CXDiagnostic_Error && users)
      ok = false;
    clang_disposeDiagnostic(d);
  }
  return ok;
}

/* libclang's parser recurses on an expression's depth on a stack of its
 * own (8 MiB), and a chain of 100,000 `+` overflows it: before parsing,
 * a statement with more operators than any real one has is an error.  (The
 * count bounds the depth from above; parentheses clang limits itself.) */
enum { MAX_OPERATORS = 40000 };

static bool operators_bounded(Lowering *L) {
  static bool is_operator[256]; /* (a table: strchr per byte was a tenth of the lowering) */
  for (const char *p = "+-*/%&|^!~<>?=(["; *p; p++)
    is_operator[(unsigned char)*p] = true;
  const char *t = L->src.text;
  unsigned n = 0, stmt = 0;
  for (unsigned i = 0; i < L->src.size; i++) {
    char c = t[i];
    if (c == '\n' && i + 1 < L->src.size && t[i + 1] == '#') { /* a marker or #pragma line */
      while (i + 1 < L->src.size && t[i + 1] != '\n')
        i++;
    } else if (c == '"' || c == '\'') {
      for (i++; i < L->src.size && t[i] != c && t[i] != '\n'; i++)
        i += t[i] == '\\';
    } else if (c == ';' || c == '{' || c == '}') {
      n = 0;
      stmt = i + 1;
    } else if (is_operator[(unsigned char)c] && ++n > MAX_OPERATORS) {
      if (pp_line_in_main(&L->pp, text_line(&L->src, i))) {
        diag_at(L, DIAG_ERROR, skip_space(&L->src, stmt),
                "expression nested too deeply (over %d operators and parentheses in one statement) for asyncc "
                "to lower; split it into smaller expressions through locals",
                MAX_OPERATORS);
        return false;
      }
      n = 0;
    }
  }
  return true;
}

static int lower_file(const char *path, const AcOptions *opt, char **out) {
  Lowering L = {.opt = opt};
  *out = NULL;
  int rc = 1;
  size_t len = 0;
  PpRun *pp = pp_start(opt, path); /* libclang loads while it runs */
  if (!pp || !load_libclang()) {
    free(pp_finish(pp, &len));
    return 1;
  }
  CXIndex idx = clang_createIndex(0, 0);
  char *text = pp_finish(pp, &len);
  if (!text)
    goto done;
  pp_map_build(&L.pp, text, len, path);
  L.src.path = path;
  L.src.text = text;
  L.src.size = (unsigned)len;
  L.src.pp = &L.pp;
  source_index_lines(&L.src);
  /* the lowering handles text as C strings: a NUL byte would cut a line short */
  const Source *a = pp_file_text(&L.pp, L.pp.main_file);
  const char *nul = a ? memchr(a->text, 0, a->size) : NULL;
  if (nul || memchr(text, 0, len)) {
    unsigned off = nul ? (unsigned)(nul - a->text) : 0, line = nul ? text_line(a, off) : 1;
    UserLoc u = {L.pp.main_file, line, nul ? off - a->line_start[line - 1] + 1 : 1, NULL};
    diag_user(&L, DIAG_ERROR, u, "the file contains a null character; asyncc cannot lower it");
    goto done;
  }
  if (!operators_bounded(&L))
    goto done;
  char *ipath = xasprintf("%s.asyncc.i", path);
  bool parsed = parse(&L, ipath, opt, idx);
  if (parsed)
    L.src.file = clang_getFile(L.tu, ipath);
  free(ipath);
  if (!parsed || !L.src.file)
    goto done;
  pp_mark_definitions(&L);

  collect_async_fns(&L);
  check_async_redeclarations(&L);
  find_direct_fns(&L);
  find_recursion(&L);
  CXCursor tuc = clang_getTranslationUnitCursor(L.tu);
  stream_rewrite_types(&L); /* before any text is rendered */
  clang_visitChildren(tuc, visit_fns, &L);
  builtin_check_unmatched(&L);
  if (!L.errors) {
    clang_visitChildren(tuc, drop_prototypes, &L);
    emit_frame_structs(&L);
  }
  if (!L.errors) {
    *out = assemble_output(&L, "#define __ASYNCC_LOWERED 1\n#include <asyncc/prelude.h>\n"
                               "#include <asyncc/lowered.h>\n");
    if (*out && opt->emit != AC_EMIT_C) {
      char *c = *out;
      *out = inspect_report(&L, c);
      free(c);
    }
    rc = *out ? 0 : 1;
  }
done:
  free(L.sites);
  range_memo_free(&L.ranges);
  name_map_free(&L.fn_by_name);
  if (L.tu)
    clang_disposeTranslationUnit(L.tu);
  clang_disposeIndex(idx);
  free(text);
  free(L.src.line_start);
  pp_map_free(&L.pp);
  return rc;
}

/* The lowering recurses on the depth of expressions and statements (as
 * clang does): it runs on a thread of its own with a stack sized for that,
 * as libclang parses on one.  operators_bounded keeps the depth below what
 * libclang's own parser survives, far below what this stack holds. */
typedef struct LowerJob {
  const char *path;
  const AcOptions *opt;
  char **out;
  int rc;
} LowerJob;

static void *lower_thread(void *arg) {
  LowerJob *j = arg;
  j->rc = lower_file(j->path, j->opt, j->out);
  return NULL;
}

int ac_lower_file(const char *path, const AcOptions *opt, char **out) {
  LowerJob job = {path, opt, out, 1};
  /* the lowering allocates by the megabyte: its arena grows in large steps */
  mallopt(M_TOP_PAD, 64 << 20);
  pthread_attr_t attr;
  pthread_t t;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, (size_t)1 << 30); /* reserved, touched only as deep as used */
  if (pthread_create(&t, &attr, lower_thread, &job) != 0) {
    pthread_attr_destroy(&attr);
    return lower_file(path, opt, out);
  }
  pthread_attr_destroy(&attr);
  pthread_join(t, NULL);
  return job.rc;
}
