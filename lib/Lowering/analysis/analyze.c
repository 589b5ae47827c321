/* Analysis of async functions: reads the AST and records, makes no edit
 * (lower/sites.c rewrites the sites it records, and makes the moves of the
 * local types whose spellings it asked for: model/local_types.c).
 *
 * Answers, for one async function: where are its await points (the resume
 * states), which calls of async functions are not awaited (an error), and
 * which locals must live in the frame.  A local lives in the frame when an
 * evaluated await lies between its declaration and the end of its scope:
 * only then can its value be needed after the poll function has returned
 * and been re-entered.  Every parameter lives in the frame (init stores it). */
#define _GNU_SOURCE /* realpath */
#include "analysis/analysis.h"
#include "forms/forms.h"
#include "lower/lower.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ helpers */

/* ------------------------------------------------------------ async functions */

/* Is f one of asyncc's headers (the prelude's directory)?  A user header
 * declaring async functions of another file is not. */
static bool in_runtime_header(Lowering *L, unsigned f) {
  if (f >= L->pp.num_files)
    return false;
  const char *slash = strrchr(L->opt->prelude, '/');
  size_t dir_len = slash ? (size_t)(slash - L->opt->prelude) : 0;
  const char *n = L->pp.files[f].name;
  bool r = dir_len && strncmp(n, L->opt->prelude, dir_len) == 0 && n[dir_len] == '/';
  if (!r) { /* the same directory, spelled differently */
    char *real_dir = NULL, *real_file = realpath(n, NULL);
    char *dir = xasprintf("%.*s", (int)dir_len, L->opt->prelude);
    real_dir = dir_len ? realpath(dir, NULL) : NULL;
    size_t rl = real_dir ? strlen(real_dir) : 0;
    r = real_dir && real_file && strncmp(real_file, real_dir, rl) == 0 && real_file[rl] == '/';
    free(real_dir), free(real_file), free(dir);
  }
  return r;
}

static enum CXChildVisitResult visit_top(CXCursor c, CXCursor parent, CXClientData d) {
  (void)parent;
  Lowering *L = d;
  if (clang_getCursorKind(c) != CXCursor_FunctionDecl || !is_async_decl(c))
    return CXChildVisit_Continue;
  AsyncFn *fn = find_async_fn(L, c);
  if (!fn) {
    fn = calloc(1, sizeof *fn);
    fn->name = cursor_name(c);
    fn->decl = c;
    L->fns = xrealloc(L->fns, (L->num_fns + 1) * sizeof *L->fns);
    L->fns[L->num_fns++] = fn;
    name_map_put(&L->fn_by_name, fn->name, fn);
  }
  bool in_main = loc_in_main(L, clang_getCursorLocation(c));
  unsigned f = loc_user_file(L, clang_getCursorLocation(c));
  if (clang_isCursorDefinition(c)) {
    fn->decl = c;
    fn->has_body = true;
  } else if (!fn->has_body) {
    fn->decl = c;
  }
  /* a runtime leaf: declared by asyncc's own headers, its frame in lowered.h */
  fn->is_external |= !in_main && in_runtime_header(L, f);
  if (fn->has_body)
    fn->is_external = false;
  fn->is_static = clang_Cursor_getStorageClass(c) == CX_SC_Static;
  CXType rt = clang_getResultType(clang_getCursorType(c));
  fn->returns_void = is_void_type(rt);
  fn->returns_record = clang_getCanonicalType(rt).kind == CXType_Record;
  /* the result field is assigned: drop qualifiers (`async const int f()`) */
  CXType urt = clang_getUnqualifiedType(rt);
  if (clang_isConstQualifiedType(urt) || clang_isVolatileQualifiedType(urt))
    urt = clang_getUnqualifiedType(clang_getCanonicalType(urt));
  fn->ret_type = type_name(urt);
  fn->is_main = strcmp(fn->name, "main") == 0;
  stream_note_fn(L, fn, c);
  return CXChildVisit_Continue;
}

void collect_async_fns(Lowering *L) {
  clang_visitChildren(clang_getTranslationUnitCursor(L->tu), visit_top, L);
}

/* ------------------------------------------------------------ awaits */

static int cmp_offset(const void *a, const void *b) {
  unsigned x = *(const unsigned *)a, y = *(const unsigned *)b;
  return x < y ? -1 : x > y;
}

typedef struct ScanState {
  FnCtx *ctx;
  int unevaluated;      /* inside sizeof / _Alignof */
  int stmt_expr;        /* inside a GNU statement expression */
  int asm_stmt;         /* inside a GNU asm statement (its operands may be written) */
  int in_conc;          /* inside ac_join / ac_select (its awaits are diagnosed there) */
  unsigned scope_begin, scope_end; /* the innermost scope */
  Range decl_stmt;      /* the DeclStmt being visited */
  /* offsets of calls that are await operands, and of async calls */
  unsigned *awaited_calls;
  size_t num_awaited;
  CXCursor *async_calls;
  size_t num_async_calls;
  CXCursor *async_refs;
  size_t num_async_refs;
  /* typedefs of variably modified types, with the end of their scope */
  CXCursor *vm_typedefs;
  unsigned *vm_typedef_end;
  size_t num_vm_typedefs;
} ScanState;

/* children_of(nodes[at].c) from the body's recorded walk */
static void recorded_children(const WalkNode *nodes, size_t at, Children *ch) {
  ch->p = ch->v;
  ch->n = 0;
  ch->cap = sizeof ch->v / sizeof ch->v[0];
  for (size_t child = at + 1; child < nodes[at].end; child = nodes[child].end)
    collect_child(nodes[child].c, nodes[at].c, ch);
}

/* The scan walks the body's recorded walk: 'at' is a node of it. */
static void scan(ScanState *st, size_t at);

/* `typeof(await g())`: clang's cursors do not show the typeof, the text does. */
static bool under_typeof(const Source *src, unsigned off) {
  while (off > 0 && (src->text[off - 1] == ' ' || src->text[off - 1] == '(' ||
                     src->text[off - 1] == '\t'))
    off--;
  static const char *const kw[] = {"__typeof__", "__typeof", "typeof"};
  for (size_t i = 0; i < 3; i++) {
    size_t n = strlen(kw[i]);
    if (off >= n && strncmp(src->text + off - n, kw[i], n) == 0)
      return true;
  }
  return false;
}

/* The calls in ac_join(...) / ac_select(...) are awaited by it. */
static void note_conc_calls(ScanState *st, CXCursor kcall) {
  unsigned *offs;
  size_t n = conc_call_offsets(st->ctx->L, kcall, &offs);
  st->awaited_calls = xrealloc(st->awaited_calls, (st->num_awaited + n + 1) * sizeof(unsigned));
  for (size_t i = 0; i < n; i++)
    st->awaited_calls[st->num_awaited++] = offs[i];
  free(offs);
}

static void add_await(ScanState *st, CXCursor c) {
  FnCtx *ctx = st->ctx;
  Lowering *L = ctx->L;
  CXCursor call = first_operand(c);
  /* the operand call is accounted for, whatever is wrong with the await */
  Range cr;
  if (clang_getCursorKind(call) == CXCursor_CallExpr && cursor_range(L, call, &cr)) {
    st->awaited_calls = xrealloc(st->awaited_calls, (st->num_awaited + 1) * sizeof(unsigned));
    st->awaited_calls[st->num_awaited++] = cr.begin;
  }
  if (st->in_conc) /* diagnosed by the ac_join / ac_select around it */
    return;
  if (stream_add_yield(ctx, c, call, st->unevaluated || st->stmt_expr))
    return;
  /* written in the file itself: the `await` token's expansion location is
   * where the file says `await` (in a macro argument or body it is not) */
  Range r;
  CXFile ef;
  unsigned eoff;
  clang_getFileLocation(clang_getRangeStart(clang_getCursorExtent(c)), &ef, NULL, NULL, &eoff);
  if (!cursor_range(L, c, &r) || !ef || !clang_File_isEqual(ef, L->src.file) ||
      (eoff != r.begin && !stream_macro_at(L, eoff)) || !text_is_word(&L->src, r.begin, "await")) {
    diag_cursor(L, DIAG_ERROR, c,
                "'await' cannot be used inside a macro; write the await outside the macro "
                "(for example, await into a local and pass the local to the macro)");
    return;
  }
  AsyncFn *callee = NULL;
  if (clang_getCursorKind(call) == CXCursor_CallExpr)
    callee = find_async_fn(L, clang_getCursorReferenced(call));
  CXCursor fnexpr = callee ? clang_getNullCursor() : async_pointer_callee(call);
  if (!clang_Cursor_isNull(fnexpr)) { /* through an async pointer (fn_pointers.c) */
    ctx->awaits = xrealloc(ctx->awaits, (ctx->num_awaits + 1) * sizeof(Await));
    ctx->awaits[ctx->num_awaits++] =
        (Await){.op = c, .call = call, .range = r, .ool = OOL_POINTER, .fnexpr = fnexpr,
                .evaluated = !st->unevaluated && !under_typeof(&L->src, r.begin)};
    return;
  }
  Await timeout = {0};
  if (is_timeout_fn(callee)) {
    unsigned call_at;
    if (!timeout_parts(L, call, r.begin, &timeout, &call_at))
      return;
    st->awaited_calls = xrealloc(st->awaited_calls, (st->num_awaited + 1) * sizeof(unsigned));
    st->awaited_calls[st->num_awaited++] = call_at;
    call = timeout.call;
    callee = timeout.callee;
  }
  if (conc_kind(callee) != AWAIT_CALL) {
    st->in_conc++; /* for the scan of its arguments */
    note_conc_calls(st, call);
    if (!conc_parts(L, call, r, &timeout))
      return;
  }
  if (!callee) {
    CXType t = clang_getCursorType(call);
    char *ts = type_name(t);
    if (clang_getCursorKind(call) == CXCursor_CallExpr)
      diag_at(L, DIAG_ERROR, r.begin,
              "'await' needs a call of an async function; this calls a function that is not "
              "declared 'async' (its result has type '%s')",
              ts);
    else
      diag_at(L, DIAG_ERROR, r.begin,
              "'await' needs a call of an async function; the operand is an expression of type "
              "'%s'",
              ts);
    free(ts);
    return;
  }
  if (callee->is_main) {
    diag_at(L, DIAG_ERROR, r.begin, "%s", main_not_awaitable);
    return;
  }
  if (callee->is_stream) {
    diag_at(L, DIAG_ERROR, r.begin,
            "'%s' is a stream (async_stream): it cannot be awaited; consume its items with "
            "ac_for_each(v, %s(...))",
            callee->name, callee->name);
    return;
  }
  switch (timeout.kind) {
  case AWAIT_CALL: /* of a function that never suspends: a direct call */
    if (await_direct(ctx, c))
      return;
    break;
  case AWAIT_TIMEOUT: /* the callee is raced or joined: it has a frame */
  case AWAIT_JOIN:
  case AWAIT_SELECT:
  case AWAIT_YIELD: /* not recorded here (forms/streams.c) */
  case AWAIT_NEXT_ITEM:
    break;
  }
  OolKind ool = ool_kind(ctx, callee, r.begin);
  ctx->awaits = xrealloc(ctx->awaits, (ctx->num_awaits + 1) * sizeof(Await));
  ctx->awaits[ctx->num_awaits++] =
      (Await){.op = c, .call = call, .callee = callee, .range = r,
              .evaluated = !st->unevaluated && !under_typeof(&L->src, r.begin),
              .kind = timeout.kind, .ms = timeout.ms, .lhs = timeout.lhs,
              .parts = timeout.parts, .num_parts = timeout.num_parts,
              .ool = ool};
}

static void add_local(ScanState *st, CXCursor c) {
  FnCtx *ctx = st->ctx;
  enum CX_StorageClass sc = clang_Cursor_getStorageClass(c);
  if (sc == CX_SC_Static || sc == CX_SC_Extern)
    return;
  Range r;
  unsigned decl_end = cursor_range(ctx->L, c, &r) ? r.end : st->decl_stmt.end;
  ctx->vars = xrealloc(ctx->vars, (ctx->num_vars + 1) * sizeof(Var));
  ctx->vars[ctx->num_vars++] = (Var){.cur = c, .name = cursor_name(c), .decl_stmt = st->decl_stmt,
                                     .scope_begin = st->scope_begin, .scope_end = st->scope_end,
                                     .decl_end = decl_end, .in_stmt_expr = st->stmt_expr > 0,
                                     .cleanup = cleanup_fn_of(ctx->L, c)};
}

/* `&x` or `&(x)` of a local or parameter: it must stay in the frame if it
 * lives there (a callee or another task may hold the pointer across a
 * suspension), so it is never promoted to a C local of the poll. */
static void note_address_taken(FnCtx *ctx, CXCursor addr_of) {
  CXCursor operand = first_operand(addr_of);
  if (clang_getCursorKind(operand) != CXCursor_DeclRefExpr)
    return;
  Var *v = var_of(ctx, clang_getCursorReferenced(operand));
  if (v)
    v->address_taken = true;
}

/* `x = ...`, `x += ...`, `x++`: x is written after its declaration, so a
 * promoted x must be saved at every suspension (see choose_promoted). */
static void note_assigned(FnCtx *ctx, CXCursor target) {
  target = strip_parens(target);
  if (clang_getCursorKind(target) != CXCursor_DeclRefExpr)
    return;
  Var *v = var_of(ctx, clang_getCursorReferenced(target));
  if (v)
    v->assigned = true;
}

static CXCursor first_child(CXCursor c) {
  Children ch;
  children_of(c, &ch);
  CXCursor r = ch.n ? ch.p[0] : clang_getNullCursor();
  children_free(&ch);
  return r;
}

/* The first non-space character before 'off'. */
static char char_before(const Source *src, unsigned off) {
  while (off > 0 && (src->text[off - 1] == ' ' || src->text[off - 1] == '\t' ||
                     src->text[off - 1] == '\n'))
    off--;
  return off > 0 ? src->text[off - 1] : 0;
}

/* Operands C does not evaluate, other than sizeof's and _Alignof's:
 * _Generic's controlling expression, __builtin_choose_expr's unselected
 * arm, the arguments of __builtin_constant_p / __builtin_object_size.  And
 * one sizeof operand it does: an array bound in its type name
 * (`sizeof(int[await n()])`, a VLA).  Returns a mask of c's unevaluated
 * children (bit i: child i; the last bit stands for the rest), 0 if none. */
static unsigned long long unevaluated_children(ScanState *st, CXCursor c, Children *ch) {
  Lowering *L = st->ctx->L;
  enum CXCursorKind k = clang_getCursorKind(c);
  Range r; /* (none is asked for where the answer is 0 anyway: most calls and casts) */
  if (k == CXCursor_UnaryExpr) { /* sizeof, _Alignof, ... */
    if (!cursor_range(L, c, &r))
      return 0;
    bool is_sizeof = text_is_word(&L->src, r.begin, "sizeof");
    unsigned long long m = 0;
    for (size_t i = 0; i < ch->n && i < 63; i++) {
      Range cr;
      if (!is_sizeof || !cursor_range(L, ch->p[i], &cr) || char_before(&L->src, cr.begin) != '[')
        m |= 1ull << i;
    }
    return ch->n > 63 ? m | 1ull << 63 : m;
  }
  if (k == CXCursor_GenericSelectionExpr)
    return cursor_range(L, c, &r) ? 1 : 0;
  if (k == CXCursor_CallExpr) {
    CXCursor f = clang_getCursorReferenced(c);
    if (clang_getCursorKind(f) != CXCursor_FunctionDecl)
      return 0;
    CXString n = clang_getCursorSpelling(f);
    const char *s = clang_getCString(n);
    bool all = strcmp(s, "__builtin_constant_p") == 0 || strcmp(s, "__builtin_object_size") == 0 ||
               strcmp(s, "__builtin_dynamic_object_size") == 0;
    clang_disposeString(n);
    return all && cursor_range(L, c, &r) ? ~0ull : 0;
  }
  if (k == CXCursor_UnexposedExpr && ch->n == 3 && cursor_range(L, c, &r) &&
      text_is_word(&L->src, r.begin, "__builtin_choose_expr")) {
    CXEvalResult ev = clang_Cursor_Evaluate(ch->p[0]);
    if (!ev)
      return 0;
    unsigned long long m = 0;
    if (clang_EvalResult_getKind(ev) == CXEval_Int)
      m = clang_EvalResult_getAsLongLong(ev) ? 1ull << 2 : 1ull << 1;
    clang_EvalResult_dispose(ev);
    return m;
  }
  return 0;
}

/* c's children, those in 'mask' as unevaluated; a child with the range of
 * an earlier one (a VLA bound clang shows twice) only once */
static void scan_children_masked(ScanState *st, size_t at, Children *ch, unsigned long long mask) {
  const WalkNode *nodes = st->ctx->walk.nodes;
  for (size_t i = 0, child = at + 1; i < ch->n; i++, child = nodes[child].end) {
    if (repeats_earlier_child(st->ctx->L, ch, i))
      continue;
    bool uneval = mask >> (i < 63 ? i : 63) & 1;
    st->unevaluated += uneval;
    scan(st, child);
    st->unevaluated -= uneval;
  }
}

/* Where a goto is and where its label is (0 for `goto *p`: anywhere). */
static void add_goto(FnCtx *ctx, CXCursor c) {
  Range r;
  if (!cursor_range(ctx->L, c, &r))
    r.begin = ctx->fn ? ctx->fn->body.begin : 0; /* a macro's: assume the worst */
  unsigned label = 0;
  Range lr;
  if (clang_getCursorKind(c) == CXCursor_GotoStmt &&
      cursor_range(ctx->L, clang_getCursorReferenced(first_child(c)), &lr))
    label = lr.begin;
  ctx->gotos = xrealloc(ctx->gotos, (ctx->num_gotos + 1) * sizeof(Range));
  ctx->gotos[ctx->num_gotos++] = (Range){r.begin, label};
}

static enum CXChildVisitResult find_ref(CXCursor c, CXCursor parent, CXClientData d) {
  (void)parent;
  if (clang_getCursorKind(c) == CXCursor_DeclRefExpr &&
      clang_equalCursors(clang_getCursorReferenced(c), *(CXCursor *)d))
    return CXChildVisit_Break;
  return CXChildVisit_Recurse;
}

/* `int n = (n = 1, await f(), n)` or `int x = await g(&x)`: the declaration
 * uses the local itself, so it may hold a value across its own awaits. */
static bool names_itself(const Var *v) {
  CXCursor var = v->cur;
  return clang_visitChildren(v->cur, find_ref, &var) != 0;
}

/* `T x = E;` where E awaits: alone in its declaration, in a block (not a
 * for's init, a statement expression or a macro), a scalar or a struct, and
 * E does not use x.  x holds no value before E completes, so its awaits do
 * not keep it alive; lower_decl lowers them before the declaration when x
 * is not in the frame. */
static bool awaits_before_value(FnCtx *ctx, const Var *v) {
  const Source *src = &ctx->L->src;
  if (v->in_stmt_expr || (v->cleanup && *v->cleanup) || src->text[v->scope_begin] != '{' ||
      loc_in_macro(clang_getCursorLocation(v->cur)) ||
      loc_in_macro(clang_getRangeEnd(clang_getCursorExtent(v->cur))))
    return false;
  for (size_t i = 0; i < ctx->num_vars; i++)
    if (&ctx->vars[i] != v && !ctx->vars[i].is_param &&
        ctx->vars[i].decl_stmt.begin == v->decl_stmt.begin)
      return false;
  enum CXTypeKind k = clang_getCanonicalType(clang_getCursorType(v->cur)).kind;
  if (k == CXType_ConstantArray || k == CXType_IncompleteArray || k == CXType_VariableArray ||
      k == CXType_DependentSizedArray || k == CXType_Vector || k == CXType_ExtVector)
    return false;
  return !names_itself(v);
}

/* A local is alive from its declaration (or, for awaits_before_value, the
 * end of its initializer) to the end of its block, and in the whole block if a
 * goto in its scope jumps back above its declaration (C11 6.2.4p6: its
 * lifetime is the block): then awaits written before the declaration can
 * lie between a store and a read. */
static unsigned live_from(FnCtx *ctx, const Var *v) {
  unsigned decl = v->decl_stmt.begin;
  if (clang_getCursorType(v->cur).kind == CXType_VariableArray)
    return decl; /* a VLA's lifetime ends where its scope is left (6.2.4p7) */
  for (size_t i = 0; i < ctx->num_gotos; i++) {
    Range g = ctx->gotos[i];
    if (g.begin >= decl && g.begin < v->scope_end && (g.end == 0 || (g.end >= v->scope_begin && g.end < decl)))
      return v->scope_begin;
  }
  return awaits_before_value(ctx, v) ? v->decl_end : decl;
}

static void scan(ScanState *st, size_t at) {
  FnCtx *ctx = st->ctx;
  const WalkNode *nodes = ctx->walk.nodes;
  CXCursor c = nodes[at].c;
  enum CXCursorKind k = clang_getCursorKind(c);
  ScanState saved = *st;
  Range r;
  switch (k) {
  case CXCursor_UnaryOperator:
    if (is_await_op(ctx->L, c)) {
      add_await(st, c);
    } else {
      enum CXUnaryOperatorKind op = clang_getCursorUnaryOperatorKind(c);
      if (op == CXUnaryOperator_AddrOf)
        note_address_taken(ctx, c);
      else if (op == CXUnaryOperator_PostInc || op == CXUnaryOperator_PostDec ||
               op == CXUnaryOperator_PreInc || op == CXUnaryOperator_PreDec)
        note_assigned(ctx, first_child(c));
    }
    break;
  case CXCursor_BinaryOperator:
    if (clang_getCursorBinaryOperatorKind(c) == CXBinaryOperator_Assign)
      note_assigned(ctx, first_child(c));
    check_value_destination(ctx->L, c);
    break;
  case CXCursor_CompoundAssignOperator:
    note_assigned(ctx, first_child(c));
    break;
  case CXCursor_GCCAsmStmt:
    st->asm_stmt++;
    break;
  case CXCursor_UnaryExpr: /* sizeof, _Alignof: operands are not evaluated */
    break;
  case CXCursor_StmtExpr:
    st->stmt_expr++;
    break;
  case CXCursor_CompoundStmt:
  case CXCursor_ForStmt:
    if (cursor_range(ctx->L, c, &r)) {
      st->scope_begin = r.begin;
      st->scope_end = r.end;
    }
    break;
  case CXCursor_GotoStmt:
  case CXCursor_IndirectGotoStmt:
    ctx->has_goto = true;
    add_goto(ctx, c);
    break;
  case CXCursor_DeclStmt:
    if (cursor_range(ctx->L, c, &r))
      st->decl_stmt = r;
    break;
  case CXCursor_TypedefDecl: {
    CXType u = clang_getCanonicalType(clang_getTypedefDeclUnderlyingType(c));
    if (ctx->fn && (u.kind == CXType_VariableArray || is_vm_pointer(u))) {
      st->vm_typedefs = xrealloc(st->vm_typedefs, (st->num_vm_typedefs + 1) * sizeof(CXCursor));
      st->vm_typedef_end = xrealloc(st->vm_typedef_end, (st->num_vm_typedefs + 1) * sizeof(unsigned));
      st->vm_typedefs[st->num_vm_typedefs] = c;
      st->vm_typedef_end[st->num_vm_typedefs++] = st->scope_end;
    }
    break;
  }
  case CXCursor_VarDecl:
    if (ctx->fn)
      add_local(st, c);
    check_value_destination(ctx->L, c);
    break;
  case CXCursor_CompoundLiteralExpr:
    if (ctx->fn && !st->unevaluated) {
      ctx->lits = xrealloc(ctx->lits, (ctx->num_lit_cursors + 1) * sizeof(CXCursor));
      ctx->lit_scope_end = xrealloc(ctx->lit_scope_end, (ctx->num_lit_cursors + 1) * sizeof(unsigned));
      ctx->lits[ctx->num_lit_cursors] = c;
      ctx->lit_scope_end[ctx->num_lit_cursors++] = st->scope_end;
    }
    break;
  case CXCursor_CallExpr:
    if (find_async_fn(ctx->L, clang_getCursorReferenced(c)) ||
        !clang_Cursor_isNull(async_pointer_callee(c))) {
      st->async_calls = xrealloc(st->async_calls, (st->num_async_calls + 1) * sizeof(CXCursor));
      st->async_calls[st->num_async_calls++] = c;
    }
    break;
  case CXCursor_DeclRefExpr:
    if (st->asm_stmt) /* `__asm__("" : "+r"(x))` writes x */
      note_assigned(ctx, c);
    if (find_async_fn(ctx->L, clang_getCursorReferenced(c))) {
      st->async_refs = xrealloc(st->async_refs, (st->num_async_refs + 1) * sizeof(CXCursor));
      st->async_refs[st->num_async_refs++] = c;
    }
    break;
  default:
    break;
  }
  if (k == CXCursor_UnaryExpr || k == CXCursor_GenericSelectionExpr || k == CXCursor_CallExpr ||
      k == CXCursor_UnexposedExpr) {
    Children ch;
    recorded_children(nodes, at, &ch);
    unsigned long long uneval = unevaluated_children(st, c, &ch);
    if (uneval || k == CXCursor_UnaryExpr) {
      scan_children_masked(st, at, &ch, uneval);
    } else {
      for (size_t child = at + 1; child < nodes[at].end; child = nodes[child].end)
        scan(st, child);
    }
    children_free(&ch);
  } else {
    for (size_t child = at + 1; child < nodes[at].end; child = nodes[child].end)
      scan(st, child);
  }
  /* restore the context, keep the collections */
  saved.awaited_calls = st->awaited_calls;
  saved.num_awaited = st->num_awaited;
  saved.async_calls = st->async_calls;
  saved.num_async_calls = st->num_async_calls;
  saved.async_refs = st->async_refs;
  saved.num_async_refs = st->num_async_refs;
  saved.vm_typedefs = st->vm_typedefs;
  saved.vm_typedef_end = st->vm_typedef_end;
  saved.num_vm_typedefs = st->num_vm_typedefs;
  *st = saved;
}

static int cmp_await(const void *a, const void *b) {
  const Await *x = a, *y = b;
  return x->range.begin < y->range.begin ? -1 : x->range.begin > y->range.begin;
}

/* ------------------------------------------------------------ frame field types */

/* Promotion: a frame local that is a plain scalar lives in a C local of the
 * poll function between suspensions, so the backend keeps it in a register
 * (a loop counter in the frame would otherwise be loaded and stored on every
 * iteration, through memory the backend must assume escapes). */
static void choose_promoted(FnCtx *ctx) {
  for (size_t i = 0; i < ctx->num_vars; i++) {
    Var *v = &ctx->vars[i];
    CXType t = clang_getCanonicalType(clang_getCursorType(v->cur));
    if (v->vm_levels && v->address_taken)
      diag_cursor(ctx->L, DIAG_ERROR, v->cur,
                  "the address of parameter '%s' (a pointer to a variable-length array) cannot "
                  "be taken in an async function; copy it to a local first",
                  v->name);
    if (v->vm_levels && v->vm_type) {
      v->promoted = true; /* typed in poll only: the frame holds a void * */
      continue;
    }
    v->promoted = v->in_frame && v->type && v->field && !v->is_record && !is_array_type(t) &&
                  t.kind != CXType_VariableArray && t.kind != CXType_Atomic &&
                  /* a vector has no `= 0` initializer; it is used in place */
                  t.kind != CXType_Vector && t.kind != CXType_ExtVector &&
                  !clang_isVolatileQualifiedType(t) && !clang_isVolatileQualifiedType(clang_getCursorType(v->cur)) &&
                  !(v->is_param && (t.kind == CXType_FunctionProto || t.kind == CXType_FunctionNoProto)) &&
                  !v->address_taken && !v->cleanup /* fn(&x): the frame's address */ &&
                  !v->vm_ref;
  }
  /* Promoted locals are C locals of the poll, and the poll is entered at
   * each resume label: for the backend each is a value merged at every one
   * of them, n locals x m awaits merges, which gcc's optimizer takes time
   * quadratic in (2,000 and 2,000: 142 s; 200 and 200: gcc -O2 1.0 s, 4x
   * the same function with its locals in the frame).  Past a budget the
   * locals stay in the frame, as memory: a function that size spends its
   * time in its awaits, not in register moves. */
  size_t promoted = 0;
  for (size_t i = 0; i < ctx->num_vars; i++)
    promoted += ctx->vars[i].promoted && !ctx->vars[i].vm_type;
  if (promoted * (ctx->num_awaits + 1) > 10000)
    for (size_t i = 0; i < ctx->num_vars; i++)
      if (!ctx->vars[i].vm_type)
        ctx->vars[i].promoted = false;
  /* only what may have changed since it was stored: a parameter never
   * assigned is in the frame since init, a local never assigned after its
   * declaration since the declaration (lower_stmt.c frame_assign) */
  frame_overlap_analyze(ctx);
  choose_local_names(ctx);
  ctx->save_text = xstrdup("");
}

/* ------------------------------------------------------------ the analysis */

/* 'elem', an element of array type 'arr', as its unqualified spelling with
 * its qualifiers after it (`const vec3` qualifies the array: its elements) */
static char *qualified_spelling(FnCtx *ctx, CXType elem, CXType arr, CXCursor where) {
  char *es = frame_type_spelling(ctx, elem, where);
  char *r = es ? xasprintf("__typeof__(%s)%s%s", es, array_qualifiers(arr),
                           clang_isRestrictQualifiedType(elem) ? " restrict" : "")
               : NULL;
  free(es);
  return r;
}

/* A parameter declared as an array or a function is a pointer (C11
 * 6.7.6.3): to the element type, qualifiers kept (`volatile int flag[]`,
 * `char *const argv[]`), however the array is spelled (a typedef too).  A
 * variably modified element (`int m[r][c]`) makes a void * (Var.vm_type). */
static char *param_pointer_type(FnCtx *ctx, Var *v, CXType t) {
  if (t.kind == CXType_FunctionProto || t.kind == CXType_FunctionNoProto) {
    char *es = frame_type_spelling(ctx, t, v->cur);
    char *r = es ? xasprintf("__typeof__(%s) *", es) : NULL;
    free(es);
    return r;
  }
  CXType elem = clang_getArrayElementType(is_any_array(t) ? t : clang_getCanonicalType(t));
  for (CXType e = clang_getCanonicalType(elem); is_any_array(e); e = clang_getArrayElementType(e))
    v->vm_levels++;
  for (CXType e = clang_getCanonicalType(elem); is_any_array(e); e = clang_getArrayElementType(e))
    if (e.kind == CXType_VariableArray || e.kind == CXType_DependentSizedArray)
      return xasprintf("void%s *", array_qualifiers(t));
  v->vm_levels = 0;
  char *q = qualified_spelling(ctx, elem, t, v->cur);
  char *r = q ? xasprintf("%s *", q) : NULL;
  free(q);
  return r;
}

/* `__typeof__(int) (*)[ac_f->ac_dims_m[0]]`: the pointer type of parameter
 * `int m[r][c]` with the bounds init stored */
static char *vm_param_type(FnCtx *ctx, Var *v, CXType t) {
  CXType e = clang_getCanonicalType(t);
  StrBuf dims = {0};
  for (int i = 0; i < v->vm_levels; i++) {
    e = clang_getArrayElementType(e);
    sb_printf(&dims, "[ac_f->ac_dims_%s[%d]]", v->field, i);
  }
  char *base = qualified_spelling(ctx, clang_getArrayElementType(e), t, v->cur);
  char *r = base ? xasprintf("%s (*)%s", base, dims.data) : NULL;
  free(base), free(dims.data);
  return r;
}

static bool name_taken(const NameMap *fields, const char *name) {
  static const char *const reserved[] = {"ac_state", "ac_result", "ac_tmp", "ac_aw"};
  for (size_t i = 0; i < sizeof reserved / sizeof *reserved; i++)
    if (strcmp(name, reserved[i]) == 0)
      return true;
  return name_map_get(fields, name) != NULL;
}

static int compare_strings(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A linear search, for the rare renames below. */
static bool field_in_use(const FnCtx *ctx, const char *name) {
  for (size_t i = 0; i < ctx->num_vars; i++)
    if (ctx->vars[i].in_frame && ctx->vars[i].field && strcmp(ctx->vars[i].field, name) == 0)
      return true;
  return false;
}

/* A field named like an identifier of a frame field's type (`int meters`
 * next to `meters m`) gets another name: clang takes a member of an
 * anonymous struct (the sibling-scope unions) for a declaration that hides
 * the typedef from the members after it. */
static void keep_fields_off_type_names(FnCtx *ctx) {
  size_t n = 0, cap = 0;
  char **idents = NULL;
  for (size_t i = 0; i < ctx->num_vars; i++) {
    const char *t = ctx->vars[i].in_frame ? ctx->vars[i].type : NULL;
    for (const char *p = t; p && *p;) {
      if (!(isalpha((unsigned char)*p) || *p == '_')) {
        p++;
        continue;
      }
      const char *e = p;
      while (isalnum((unsigned char)*e) || *e == '_')
        e++;
      if (n == cap)
        idents = xrealloc(idents, (cap = cap ? 2 * cap : 16) * sizeof *idents);
      idents[n++] = xasprintf("%.*s", (int)(e - p), p);
      p = e;
    }
  }
  if (!n)
    return;
  qsort(idents, n, sizeof *idents, compare_strings);
  for (size_t i = 0; i < ctx->num_vars; i++) {
    Var *v = &ctx->vars[i];
    if (!v->in_frame || v->vm_levels || !v->type ||
        !bsearch(&v->field, idents, n, sizeof *idents, compare_strings))
      continue;
    char *field = NULL;
    for (int k = 2; !field || field_in_use(ctx, field) ||
                    bsearch(&field, idents, n, sizeof *idents, compare_strings);
         k++) {
      free(field);
      field = xasprintf("%s_%d", v->name, k);
    }
    free(v->field);
    v->field = field;
  }
  for (size_t i = 0; i < n; i++)
    free(idents[i]);
  free(idents);
}

static void add_params(FnCtx *ctx) {
  int n = clang_Cursor_getNumArguments(ctx->fn->decl);
  for (int i = 0; i < n; i++) {
    CXCursor p = clang_Cursor_getArgument(ctx->fn->decl, i);
    char *name = cursor_name(p);
    if (!*name) { /* C23 `f(int, int b)`: init still stores it (emit.c names it too) */
      free(name);
      name = xasprintf("ac_p%d", i);
    }
    ctx->vars = xrealloc(ctx->vars, (ctx->num_vars + 1) * sizeof(Var));
    ctx->vars[ctx->num_vars++] = (Var){.cur = p, .name = name, .is_param = true, .in_frame = true};
  }
}

/* Does the body's text say `await` anywhere but at the awaits found?  (A
 * token `await` is such a word of the text: only then is it tokenized.) */
static bool stray_await_word(FnCtx *ctx) {
  const Source *src = &ctx->L->src;
  Range b = ctx->fn->body;
  for (const char *p = src->text + b.begin, *end = src->text + b.end;
       (p = memmem(p, (size_t)(end - p), "await", 5)); p += 5) {
    unsigned off = (unsigned)(p - src->text);
    if ((off == 0 || !is_ident_char(p[-1])) && text_is_word(src, off, "await") &&
        !await_at(ctx, off) && !is_direct_await_at(ctx, off))
      return true;
  }
  return false;
}

void analyze_fn(FnCtx *ctx) {
  Lowering *L = ctx->L;
  int errors_before = L->errors;
  add_params(ctx);
  size_t num_params = ctx->num_vars;
  ScanState st = {.ctx = ctx, .scope_begin = ctx->fn->body.begin, .scope_end = ctx->fn->body.end};
  const BodyWalk *w = body_walk_record(ctx);
  for (size_t top = 0; top < w->n; top = w->nodes[top].end)
    scan(&st, top);
  stream_scan(ctx);
  if (ctx->num_awaits) /* qsort wants a non-null base */
    qsort(ctx->awaits, ctx->num_awaits, sizeof(Await), cmp_await);
  ctx->num_evaluated_counted = 0; /* awaits_in counts the sorted awaits */
  sort_direct_awaits(ctx);
  /* resume states are numbered as the awaits are lowered (lower_expr.c) */

  /* every async call must be an await operand or the argument of a task
   * builtin (ac_spawn) */
  /* the lookups below are binary searches: a function with n awaits
   * would otherwise take n^2 steps */
  if (st.num_awaited) /* qsort and bsearch want a non-null base */
    qsort(st.awaited_calls, st.num_awaited, sizeof *st.awaited_calls, cmp_offset);
  unsigned *call_begins = xrealloc(NULL, (st.num_async_calls + 1) * sizeof *call_begins);
  size_t num_call_begins = 0;
  for (size_t i = 0; i < st.num_async_calls; i++) {
    Range r;
    if (!cursor_range(L, st.async_calls[i], &r))
      continue;
    call_begins[num_call_begins++] = r.begin;
    bool ok = st.num_awaited && bsearch(&r.begin, st.awaited_calls, st.num_awaited,
                                        sizeof *st.awaited_calls, cmp_offset) != NULL;
    BuiltinSite site;
    AsyncFn *g = ok ? NULL : find_async_fn(L, clang_getCursorReferenced(st.async_calls[i]));
    if (g && g->is_stream)
      ok = stream_call_ok(ctx, st.async_calls[i], g);
    BuiltinKind bk = g && !ok ? builtin_of_call(L, st.async_calls[i], g, &site) : BUILTIN_NONE;
    if (bk == BUILTIN_SPAWN) {
      builtin_add_site(L, &site, ctx->fn->header.begin);
      ctx->spawns = xrealloc(ctx->spawns, (ctx->num_spawns + 1) * sizeof *ctx->spawns);
      ctx->spawns[ctx->num_spawns++] = site;
      ok = true;
    } else if (bk == BUILTIN_BLOCK_ON) {
      site.rejected = true;
      builtin_add_site(L, &site, 0);
      diag_at(L, DIAG_ERROR, site.kw,
              "'ac_block_on' inside an async function would block the runtime that has to run "
              "'%s' (a deadlock); write 'await %s(...)' instead",
              g->name, g->name);
      ok = true;
    }
    if (!ok && conc_misuse(L, st.async_calls[i], g)) {
      note_conc_calls(&st, st.async_calls[i]);
      ok = true;
    }
    if (!ok) {
      CXCursor callee = clang_getCursorReferenced(st.async_calls[i]);
      char *name = cursor_name(callee);
      diag_cursor(L, DIAG_ERROR, st.async_calls[i],
                  "call of async function '%s' is not awaited: it creates a future that never "
                  "runs; write 'await %s(...)'",
                  name, name);
      unsigned at;
      if (loc_offset(L, clang_getCursorLocation(st.async_calls[i]), &at))
        diag_fixit(L, at, "await ");
      free(name);
    }
  }
  qsort(call_begins, num_call_begins, sizeof *call_begins, cmp_offset);
  for (size_t i = 0; i < st.num_async_refs; i++) {
    Range r;
    if (!cursor_range(L, st.async_refs[i], &r))
      continue;
    if (!bsearch(&r.begin, call_begins, num_call_begins, sizeof *call_begins, cmp_offset)) {
      ctx->value_refs = xrealloc(ctx->value_refs, (ctx->num_value_refs + 1) * sizeof(CXCursor));
      ctx->value_refs[ctx->num_value_refs++] = st.async_refs[i];
    }
  }
  free(call_begins);
  /* a resume point in the scope of a variably modified typedef: the
   * dispatch goto would jump into it, which C forbids (as for a VLA) */
  for (size_t i = 0; i < st.num_vm_typedefs; i++) {
    Range r;
    if (cursor_range(L, st.vm_typedefs[i], &r) && awaits_in(ctx, (Range){r.end, st.vm_typedef_end[i]}))
      diag_cursor(L, DIAG_ERROR, st.vm_typedefs[i],
                  "typedef of a variable-length array type with an await in its scope: the "
                  "resume at the await would jump into its scope, which C forbids; declare it in "
                  "a block with no await, or write the array type with its size where it is used");
  }
  free(st.vm_typedefs), free(st.vm_typedef_end);
  free(st.awaited_calls);
  free(st.async_calls);
  free(st.async_refs);

  /* an `await` clang's AST does not show us (under typeof, say) would be
   * left in the output: reject it here */
  CXToken *toks = NULL;
  unsigned ntoks = 0;
  if (L->errors == errors_before && stray_await_word(ctx))
    clang_tokenize(L->tu, clang_getCursorExtent(ctx->body), &toks, &ntoks);
  for (unsigned i = 0; i < ntoks; i++) {
    if (clang_getTokenKind(toks[i]) != CXToken_Identifier)
      continue;
    CXString sp = clang_getTokenSpelling(L->tu, toks[i]);
    bool is_await = strcmp(clang_getCString(sp), "await") == 0;
    clang_disposeString(sp);
    unsigned off;
    if (is_await && loc_offset(L, clang_getTokenLocation(L->tu, toks[i]), &off) &&
        !await_at(ctx, off) && !is_direct_await_at(ctx, off))
      diag_at(L, DIAG_ERROR, off,
              "'await' is not supported here (for example inside typeof); await into a local "
              "first");
  }
  clang_disposeTokens(L->tu, toks, ntoks);

  /* which locals live across an await */
  for (size_t i = num_params; i < ctx->num_vars; i++) {
    Var *v = &ctx->vars[i];
    v->live_from = live_from(ctx, v);
    v->in_frame = awaits_in(ctx, (Range){v->live_from, v->scope_end}) > 0;
  }
  cleanup_analyze(ctx);
  /* frame field names and types */
  NameMap fields = {0}; /* the names given so far */
  for (size_t i = 0; i < ctx->num_vars; i++) {
    Var *v = &ctx->vars[i];
    if (!v->in_frame)
      continue;
    CXType t = clang_getCursorType(v->cur);
    if (v->is_param && (is_any_array(clang_getCanonicalType(t)) ||
                        t.kind == CXType_FunctionProto || t.kind == CXType_FunctionNoProto)) {
      v->type = param_pointer_type(ctx, v, t);
    } else if (is_vm_pointer(t)) {
      v->type = NULL; /* after its field's name, below */
    } else {
      v->type = frame_type_spelling(ctx, t, v->cur);
      stream_fix_var_type(ctx, v);
    }
    v->is_record = clang_getCanonicalType(t).kind == CXType_Record;
    char *field = xstrdup(v->name);
    for (int k = 2; name_taken(&fields, field); k++) {
      free(field);
      field = xasprintf("%s_%d", v->name, k);
    }
    v->field = field;
    name_map_put(&fields, field, v);
    if (v->vm_levels)
      v->vm_type = vm_param_type(ctx, v, t);
    if (!v->type && is_vm_pointer(t))
      vm_pointer_field(ctx, v);
  }
  name_map_free(&fields);
  keep_fields_off_type_names(ctx);
  choose_promoted(ctx);
}
