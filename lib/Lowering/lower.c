/* ac_lower_file: the lowering pipeline, from a .ac path to C text. */
#include "lower.h"

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
  CXFile f;
  clang_getExpansionLocation(clang_getCursorLocation(c), &f, NULL, NULL, NULL);
  return f && clang_File_isEqual(f, L->src.file);
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
  int errors = L->errors;
  analyze_fn(&ctx);
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
  if (L->errors > errors)
    return;
  if (fn->never_suspends) {
    emit_direct_fn(&ctx);
  } else {
    lower_body(&ctx);
    emit_fn(&ctx);
  }
  if (L->opt->emit != AC_EMIT_C)
    record_frame_info(&ctx);
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

static bool parse(Lowering *L, const char *path, const AcOptions *opt, CXIndex idx) {
  const char *args[256];
  int n = 0;
  args[n++] = "-x";
  args[n++] = "c";
  bool has_std = false;
  for (int i = 0; i < opt->num_clang_args; i++)
    has_std |= strncmp(opt->clang_args[i], "-std=", 5) == 0;
  if (!has_std)
    args[n++] = "-std=gnu17";
  args[n++] = "-include";
  args[n++] = opt->prelude;
  /* <asyncc/asyncc.h> next to the prelude */
  char *inc = xstrdup(opt->prelude);
  char *slash = strrchr(inc, '/');
  if (slash)
    *slash = 0;
  slash = strrchr(inc, '/');
  if (slash)
    *slash = 0;
  char *inc_flag = xasprintf("-I%s", inc);
  args[n++] = inc_flag;
  for (int i = 0; i < opt->num_clang_args && n < 250; i++)
    args[n++] = opt->clang_args[i];
  enum CXErrorCode err = clang_parseTranslationUnit2(
      idx, path, args, n, NULL, 0, CXTranslationUnit_KeepGoing, &L->tu);
  free(inc);
  free(inc_flag);
  if (err != CXError_Success || !L->tu) {
    fprintf(stderr, "%s: error: cannot parse (libclang error %d)\n", path, (int)err);
    return false;
  }
  bool ok = true;
  for (unsigned i = 0, nd = clang_getNumDiagnostics(L->tu); i < nd; i++) {
    CXDiagnostic d = clang_getDiagnostic(L->tu, i);
    enum CXDiagnosticSeverity sev = clang_getDiagnosticSeverity(d);
    if (sev >= CXDiagnostic_Warning)
      diag_print_clang(d);
    if (sev >= CXDiagnostic_Error)
      ok = false;
    clang_disposeDiagnostic(d);
  }
  return ok;
}

int ac_lower_file(const char *path, const AcOptions *opt, char **out) {
  Lowering L = {.opt = opt};
  *out = NULL;
  CXIndex idx = clang_createIndex(0, 0);
  int rc = 1;
  if (!parse(&L, path, opt, idx))
    goto done;
  L.src.path = path;
  L.src.file = clang_getFile(L.tu, path);
  size_t size = 0;
  L.src.text = L.src.file ? clang_getFileContents(L.tu, L.src.file, &size) : NULL;
  if (!L.src.text) {
    fprintf(stderr, "%s: error: cannot read the file\n", path);
    goto done;
  }
  L.src.size = (unsigned)size;
  source_index_lines(&L.src);
  /* clang skips a NUL byte with a warning, but the lowering handles text as
   * C strings: the rest of the line would be lost from the output */
  const char *nul = memchr(L.src.text, 0, L.src.size);
  if (nul) {
    diag_at(&L, DIAG_ERROR, (unsigned)(nul - L.src.text),
            "the file contains a null character; asyncc cannot lower it");
    goto done;
  }

  check_keyword_macros(&L);
  if (L.errors)
    goto done;
  collect_async_fns(&L);
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
    *out = render_file(&L, "#include <asyncc/lowered.h>\n", opt->line_directives);
    if (opt->emit != AC_EMIT_C) {
      char *c = *out;
      *out = inspect_report(&L, c);
      free(c);
    }
    rc = 0;
  }
done:
  free(L.sites);
  if (L.tu)
    clang_disposeTranslationUnit(L.tu);
  clang_disposeIndex(idx);
  return rc;
}
