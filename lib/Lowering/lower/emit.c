/* Emitting the lowered form of an async function `T f(P...)`:
 *
 *   struct f__frame   resume state, result, parameters, locals that live
 *                     across an await, temporaries, and one union holding the
 *                     frames of the awaited callees (one is in flight at a time);
 *   f__init           stores the arguments, sets state 0, runs nothing;
 *   f__drop           cancels an unfinished frame: drops the callee in flight,
 *                     then runs the cleanups of the locals in scope (cleanups.c);
 *   f__poll           a switch on the state that jumps (goto) to the resume
 *                     point, then the original body, rewritten.
 *
 * The definition's header is replaced by init, drop and the poll's header;
 * the body stays where it was, so its lines keep their place.  Frame structs
 * are emitted before the first function that needs them (a caller embeds
 * its callees' frames, so they must be complete there). */
#include "lower/lower.h"
#include "forms/forms.h"

#include <stdlib.h>
#include <string.h>

typedef struct FnOut {
  AsyncFn *fn;
  char *frame;      /* struct f__frame {...}; and prototypes */
} FnOut;

static char *param_list(FnCtx *ctx, bool with_frame) {
  StrBuf sb = {0};
  if (with_frame) /* the frame untyped: the descriptor names init, poll and drop (frame_cast) */
    sb_puts(&sb, "void *ac_fv");
  int n = clang_Cursor_getNumArguments(ctx->fn->decl);
  for (int i = 0; i < n; i++) {
    Range r;
    CXCursor p = clang_Cursor_getArgument(ctx->fn->decl, i);
    if (!cursor_range(ctx->L, p, &r))
      continue;
    CXString name = clang_getCursorSpelling(p);
    bool unnamed = !*clang_getCString(name);
    clang_disposeString(name);
    char *t = render(ctx->L, r);
    if (unnamed) { /* `int` of C23's `f(int, int b)`: named as analyze.c names it */
      CXString ts = clang_getTypeSpelling(clang_getCursorType(p));
      char *pname = xasprintf("ac_p%d", i);
      free(t);
      char *d = field_decl(clang_getCString(ts), pname);
      t = xasprintf("__attribute__((unused)) %s", d); /* f__sync's body cannot use it */
      free(d);
      clang_disposeString(ts);
      free(pname);
    }
    sb_printf(&sb, "%s%s", sb.len ? ", " : "", t);
    free(t);
  }
  if (!sb.len)
    sb_puts(&sb, "void");
  return sb_take(&sb);
}

/* The first line of f__init, f__poll and f__drop, which take the frame as
 * `void *ac_fv`: then the descriptor (and ac_spawn, ac_block_on) names them
 * as they are, with no type-erasing wrapper of each (three functions more
 * per async function for the C compiler, and its inliner, to process). */
static char *frame_cast(const AsyncFn *fn) {
  return xasprintf("    struct %s__frame *ac_f = ac_fv;\n", fn->name);
}

/* `T f__sync(params)`: a function that never suspends, as plain C. */
static char *sync_decl(FnCtx *ctx) {
  char *params = param_list(ctx, false);
  char *name = xasprintf("%s__sync(%s)", ctx->fn->name, params);
  char *d = field_decl(ctx->fn->ret_type, name);
  free(params), free(name);
  return d;
}

static enum CXChildVisitResult add_align_attr(CXCursor c, CXCursor parent, CXClientData d) {
  (void)parent;
  void **a = d;
  Range r;
  if (clang_getCursorKind(c) != CXCursor_AlignedAttr || !cursor_range(a[0], c, &r))
    return CXChildVisit_Continue;
  const Source *src = &((Lowering *)a[0])->src;
  bool keyword = text_is_word(src, r.begin, "_Alignas") || text_is_word(src, r.begin, "alignas");
  unsigned end = keyword ? skip_space(src, r.end) : r.end;
  if (keyword && end < src->size && src->text[end] == '(') { /* clang's range is the keyword */
    int depth = 0;
    do
      depth += src->text[end] == '(' ? 1 : src->text[end] == ')' ? -1 : 0;
    while (++end < src->size && depth > 0);
  }
  sb_printf(a[1], keyword ? "%.*s " : "__attribute__((%.*s)) ", (int)(end - r.begin),
            src->text + r.begin);
  return CXChildVisit_Continue;
}

/* `_Alignas(64)` / `__attribute__((aligned(64)))` of a local, as written,
 * for its frame field: the alignment is the declaration's, not its type's */
static char *align_attrs(Lowering *L, CXCursor var) {
  StrBuf sb = {0};
  void *a[2] = {L, &sb};
  clang_visitChildren(var, add_align_attr, a);
  return sb_take(&sb);
}

/* A variable's frame field, with where it comes from. */
void var_field(FnCtx *ctx, StrBuf *sb, Var *v) {
  char *al = v->is_param ? xstrdup("") : align_attrs(ctx->L, v->cur);
  char *fd = field_decl(v->type, v->field);
  char *d = xasprintf("%s%s", al, fd);
  free(al), free(fd);
  if (v->is_param)
    sb_printf(sb, "    %s; /* parameter */\n", d);
  if (v->vm_levels)
    sb_printf(sb, "    __SIZE_TYPE__ ac_dims_%s[%d]; /* its bounds */\n", v->field, v->vm_levels);
  if (!v->is_param)
    sb_printf(sb, "    %s; /* line %u */\n", d, source_line(&ctx->L->src, v->decl_stmt.begin));
  free(d);
}

/* A poll with this many resume states is compiled by gcc at -O1 without
 * RTL PRE (AC__LARGE_POLL, lowered.h): every state is a jump from the
 * dispatch switch, and gcc -O2's passes take time superlinear in the states
 * (4,000 awaits: RTL PRE alone 9 of 17 s).  Small polls, the hot ones,
 * keep every optimization. */
enum { LARGE_POLL_STATES = 256 };

static const char *large_poll(const FnCtx *ctx) {
  return ctx->num_states >= LARGE_POLL_STATES ? "AC__LARGE_POLL " : "";
}

/* The fields other than ac_state and the result, in three parts: 'head',
 * the variables up to a cache line and the temporaries, 'aw', the callee
 * frames, and 'tail', the larger variables, after the callee frames: then
 * the fields a resume touches (the state, the scalars, the callee in
 * flight) share the frame's first cache lines and page instead of sitting
 * past a 16 KiB buffer (W5's echo task: one cache line and one page fewer
 * per message). */
static void frame_fields(FnCtx *ctx, StrBuf *head, StrBuf *aw, StrBuf *tail) {
  frame_var_fields(ctx, head, false);
  stream_frame_fields(ctx, head);
  if (ctx->lit_fields.len)
    sb_puts(head, ctx->lit_fields.data);
  if (ctx->tmp_fields.len)
    sb_printf(head, "    union { /* temporaries, one group per expression */\n%s    } ac_tmp;\n",
              ctx->tmp_fields.data);
  if (ctx->aw_fields.len)
    sb_printf(aw, "    union { /* awaited callees: one in flight at a time */\n%s    } ac_aw;\n",
              ctx->aw_fields.data);
  frame_var_fields(ctx, tail, true);
}

/* The narrowest unsigned type that holds the states 0..num_states and
 * AC_STATE_DONE at its width (asyncc.h).  A generator's stays unsigned: its
 * consumers read it through ac_stream_raw's `const unsigned *state`. */
static const char *state_type(FnCtx *ctx) {
  return ctx->fn->is_stream || ctx->num_states >= 0xFFFF ? "unsigned"
         : ctx->num_states >= 0xFF                     ? "unsigned short"
                                                       : "unsigned char";
}

/* A lower bound of the size of the head fields (frame_fields): their
 * largest variable.  A parameter declared as an array or a function is a
 * pointer field, whatever its declared type's size: it does not count. */
static size_t head_min(FnCtx *ctx) {
  size_t var = 0;
  for (size_t i = 0; i < ctx->num_vars; i++) {
    Var *v = &ctx->vars[i];
    CXType t = clang_getCursorType(v->cur);
    enum CXTypeKind k = clang_getCanonicalType(t).kind;
    bool decays = k == CXType_ConstantArray || k == CXType_IncompleteArray ||
                  k == CXType_VariableArray || k == CXType_DependentSizedArray ||
                  k == CXType_FunctionProto || k == CXType_FunctionNoProto;
    long long n = v->in_frame && v->type && !(v->is_param && decays) ? clang_Type_getSizeOf(t) : 0;
    if (n > 0 && n <= 64 && (size_t)n > var)
      var = (size_t)n;
  }
  return var;
}

/* The frame: no padding the fields do not need.  The state is as narrow as
 * the states allow, and the result shares storage with every other field
 * but the state (an anonymous union, so every access path keeps its
 * spelling): it is written by the last step of the poll, after which
 * nothing reads them (a DONE frame is only asked for its result; its drop
 * and trace read ac_state).  The result is packed, so that its alignment
 * does not pad a frame of bytes (frames.ac's F1: 8194 bytes, not 8200).
 * The state goes inside the union's struct, after the small fields (where
 * it fills their tail padding, next to the scalars a resume reloads) and
 * before the callee frames, provided those fields are sure to cover the
 * result (a static assertion checks it); else it goes first, before the
 * union.  Smaller frames mean smaller tasks (W3).  (After the callee
 * frames, the state saved no byte on frames.ac and cost W1's chain that
 * may suspend 15-25%: each level's stores then hit two cache lines.) */
static char *frame_struct(FnCtx *ctx) {
  AsyncFn *fn = ctx->fn;
  StrBuf sb = {0}, head = {0}, aw = {0}, tail = {0};
  frame_fields(ctx, &head, &aw, &tail);
  char *state = xasprintf("    %s ac_state;\n", state_type(ctx));
  CXType rt = clang_getResultType(clang_getCursorType(fn->decl));
  long long rsize = fn->returns_void ? 0 : clang_Type_getSizeOf(rt);
  bool state_after_head = fn->returns_void || (rsize > 0 && head_min(ctx) >= (size_t)rsize);
  /* gcc warns that packed is ignored on a type aligned to 1 */
  const char *packed = clang_Type_getAlignOf(rt) > 1 ? " __attribute__((packed))" : "";
  char *rdecl = xasprintf("ac_result%s", packed);
  char *result = fn->returns_void ? NULL : field_decl(fn->ret_type, rdecl);
  free(rdecl);
  StrBuf rest = {0};
  sb_puts(&rest, head.data ? head.data : "");
  if (state_after_head)
    sb_puts(&rest, state);
  sb_puts(&rest, aw.data ? aw.data : "");
  sb_puts(&rest, tail.data ? tail.data : "");
  sb_printf(&sb, "struct %s__frame {\n", fn->name);
  if (!state_after_head)
    sb_puts(&sb, state);
  if (result && rest.len) {
    sb_printf(&sb, "    union { /* the result replaces the other fields once the frame is done */\n"
                   "        %s;\n        struct {\n",
              result);
    sb_indented(&sb, rest.data, 8);
    sb_puts(&sb, "        };\n    };\n");
  } else {
    if (result)
      sb_printf(&sb, "    %s;\n", result);
    sb_puts(&sb, rest.data ? rest.data : "");
  }
  sb_puts(&sb, "};\n");
  if (result && state_after_head)
    sb_printf(&sb, "_Static_assert(__builtin_offsetof(struct %s__frame, ac_state) >= "
                   "sizeof(((struct %s__frame *)0)->ac_result), \"ac_result overlaps ac_state\");\n",
              fn->name, fn->name);
  free(result), free(state), free(rest.data), free(head.data), free(aw.data), free(tail.data);
  const char *st = fn->is_static || fn->is_main ? "static __attribute__((unused)) " : "";
  char *params = param_list(ctx, true);
  sb_printf(&sb, "%svoid %s__init(%s);\n", st, fn->name, params);
  sb_printf(&sb, "%s%sac_poll %s__poll(void *ac_fv, struct ac_cx *ac_cx);\n", st, large_poll(ctx),
            fn->name);
  sb_printf(&sb, "%svoid %s__drop(void *ac_fv);\n", st, fn->name);
  if (!fn->is_main) { /* defined after the poll (out_of_line.c) */
    char *label = desc_asm_label(fn);
    sb_printf(&sb, "%sconst struct ac_async_desc %s__desc%s;\n",
              fn->is_static ? "static __attribute__((unused)) " : "extern ", fn->name, label);
    free(label);
  }
  trace_prototype(&sb, fn, st);
  free(params);
  if (fn->never_suspends) {
    char *sync = sync_decl(ctx);
    sb_printf(&sb, "%s%s;\n", st, sync);
    free(sync);
  }
  return sb_take(&sb);
}

static void emit_main_wrapper(FnCtx *ctx, StrBuf *sb) {
  int n = clang_Cursor_getNumArguments(ctx->fn->decl);
  CXType rt = clang_getResultType(clang_getCursorType(ctx->fn->decl));
  if (rt.kind != CXType_Int || n == 1 || n > 3) {
    diag_cursor(ctx->L, DIAG_ERROR, ctx->fn->decl,
                "'async main' must be declared 'async int main(void)', "
                "'async int main(int argc, char **argv)' or "
                "'async int main(int argc, char **argv, char **envp)'");
    return;
  }
  char *params = param_list(ctx, false);
  StrBuf args = {0};
  for (size_t i = 0; i < ctx->num_vars; i++)
    if (ctx->vars[i].is_param)
      sb_printf(&args, ", %s", ctx->vars[i].name);
  sb_printf(sb,
            "\nint main(%s)\n{\n    struct main__frame frame;\n    main__init(&frame%s);\n"
            "    if (ac_block_on_frame_traced(&frame, main__poll, main__drop, main__trace) != 0)\n"
            "        return 1;\n    return frame.ac_result;\n}\n",
            params, n ? args.data : "");
  free(args.data);
  free(params);
}

/* Promoted frame locals (analyze.c) as C locals of the poll: parameters
 * start from the frame; locals are reloaded when resuming a suspended
 * frame, and are saved back before each `return AC_PENDING`. */
static void emit_promoted_locals(FnCtx *ctx, StrBuf *sb) {
  StrBuf reload = {0};
  bool any = false;
  for (size_t i = 0; i < ctx->num_vars; i++)
    any |= ctx->vars[i].promoted;
  /* A done frame's promoted fields are the result's bytes now (they share
   * storage): a poll after completion answers before loading them, so it
   * never reads a _Bool or an enum out of a result. */
  if (any && !ctx->fn->returns_void)
    sb_puts(sb, "    if (AC_STATE_IS_DONE(ac_f->ac_state))\n        return AC_READY;\n");
  for (size_t i = 0; i < ctx->num_vars; i++) {
    Var *v = &ctx->vars[i];
    if (!v->promoted)
      continue;
    const char *name = v->local;
    char *d = field_decl(v->vm_type ? v->vm_type : v->type, name);
    if (v->is_param)
      sb_printf(sb, "    %s = ac_f->%s;\n", d, v->field);
    else
      sb_printf(sb, "    %s = 0;\n", d);
    sb_printf(sb, "    (void)%s;\n", name);
    if (!v->is_param && !v->shares_storage) /* those: per state (resume_case) */
      sb_printf(&reload, "        %s = ac_f->%s;\n", name, v->field);
    free(d);
  }
  if (reload.len)
    sb_printf(sb, "    if (ac_f->ac_state != 0) {\n%s    }\n", reload.data);
  free(reload.data);
}

/* The dispatch case of state k (its await: aw, or NULL).  A promoted local
 * that shares storage (frame_overlap.c) is reloaded only by the states
 * inside its block, whose suspensions save it (new_state): elsewhere its
 * bytes may be a sibling's (a _Bool loaded from a char buffer's bytes is
 * undefined).  'shared' lists those locals. */
static void resume_case(FnCtx *ctx, StrBuf *sb, int k, const Await *aw, const size_t *shared,
                        size_t num_shared) {
  sb_printf(sb, "    case %d:\n", k);
  for (size_t i = 0; i < num_shared; i++) {
    Var *v = &ctx->vars[shared[i]];
    if (!aw || in_block_of(v, aw->range.begin))
      sb_printf(sb, "        %s = ac_f->%s;\n", v->local, v->field);
  }
  sb_printf(sb, "        goto ac_resume_%d;\n", k);
}

/* The dispatch cases, one per state: each walks only the locals that share
 * storage, with its await found once (per state, every local and await
 * made n^2). */
static void resume_cases(FnCtx *ctx, StrBuf *sb) {
  const Await **by_state = xrealloc(NULL, (ctx->num_states + 1) * sizeof *by_state);
  memset(by_state, 0, (ctx->num_states + 1) * sizeof *by_state);
  for (size_t i = ctx->num_awaits; i-- > 0;) /* the first await of a state */
    if (ctx->awaits[i].state > 0 && ctx->awaits[i].state <= ctx->num_states)
      by_state[ctx->awaits[i].state] = &ctx->awaits[i];
  size_t *shared = xrealloc(NULL, (ctx->num_vars + 1) * sizeof *shared), num_shared = 0;
  for (size_t i = 0; i < ctx->num_vars; i++)
    if (ctx->vars[i].promoted && !ctx->vars[i].is_param && ctx->vars[i].shares_storage)
      shared[num_shared++] = i;
  for (int k = 1; k <= ctx->num_states; k++)
    resume_case(ctx, sb, k, by_state[k], shared, num_shared);
  free(by_state), free(shared);
}

/* f__init, and f__drop with the cases ctx->drop_cases */
static void emit_init_drop(FnCtx *ctx, StrBuf *out) {
  AsyncFn *fn = ctx->fn;
  const char *st = fn->is_static || fn->is_main ? "static __attribute__((unused)) " : "";
  StrBuf sb = *out;
  char *params = param_list(ctx, true);
  char *cast = frame_cast(fn);
  sb_printf(&sb, "%svoid %s__init(%s)\n{\n%s    ac_f->ac_state = 0;\n", st, fn->name, params, cast);
  free(params);
  for (size_t i = 0; i < ctx->num_vars; i++) {
    Var *v = &ctx->vars[i];
    if (!v->is_param || !v->field)
      continue;
    char *dst = xasprintf("ac_f->%s", v->field);
    char *c = copy_text(dst, v->name, v->is_record);
    sb_printf(&sb, "    %s;\n", c);
    /* bound i of `T m[r][c]...`: sizeof m[0]...[0] (i + 1 subscripts) over
     * that of one more (a VLA operand: evaluated, but nothing is read) */
    for (int k = 0; k < v->vm_levels; k++)
      sb_printf(&sb, "    ac_f->ac_dims_%s[%d] = sizeof %s%.*s / sizeof %s%.*s;\n", v->field, k,
                v->name, 3 * (k + 1), "[0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0]",
                v->name, 3 * (k + 2), "[0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0]");
    free(c), free(dst);
  }
  stream_init_fields(ctx, &sb);
  sb_puts(&sb, "}\n\n");
  sb_printf(&sb, "%svoid %s__drop(void *ac_fv)\n{\n%s", st, fn->name, cast);
  free(cast);
  StrBuf gens = {0};
  stream_drop_fields(ctx, &gens);
  /* A done frame has nothing left to drop, and the generators' frames are
   * tested outside the state switch: their bytes may hold the result now. */
  if (gens.len && !fn->returns_void)
    sb_puts(&sb, "    if (AC_STATE_IS_DONE(ac_f->ac_state))\n        return;\n");
  if (ctx->drop_cases.len) { /* the states that drop the same callee share one body */
    char *cases = group_switch_cases(ctx->drop_cases.data);
    sb_printf(&sb, "    switch (ac_f->ac_state) {\n%s    default:\n        break;\n    }\n", cases);
    free(cases);
  }
  if (gens.len) /* generators before the locals' cleanups */
    sb_puts(&sb, gens.data);
  free(gens.data);
  cleanup_emit_drop(ctx, &sb);
  sb_puts(&sb, "    AC_STATE_SET_DONE(ac_f->ac_state);\n}\n\n");
  *out = sb;
}

/* The frame struct is placed later, once every function is lowered; a
 * type defined in the header (`async struct big {...} f(void)`) goes with
 * it, since the header is replaced. */
static void keep_frame_text(FnCtx *ctx) {
  AsyncFn *fn = ctx->fn;
  StrBuf ft = {0};
  CXCursor td = clang_getTypeDeclaration(
      clang_getCanonicalType(clang_getResultType(clang_getCursorType(fn->decl))));
  Range tr;
  if (!clang_Cursor_isNull(td) && clang_isCursorDefinition(td) && cursor_range(ctx->L, td, &tr) &&
      tr.begin >= fn->header.begin && tr.end <= fn->header.end) {
    char *def = render(ctx->L, tr);
    sb_printf(&ft, "%s;\n", def);
    free(def);
  }
  local_types_text(ctx, &ft);
  char *frame = frame_struct(ctx);
  sb_puts(&ft, frame);
  free(frame);
  fn->frame_text = sb_take(&ft);
}

/* After the body: main's wrapper or the function's exported descriptor,
 * then the frame struct is kept for placement. */
static void finish_fn(FnCtx *ctx, StrBuf *tail) {
  if (ctx->fn->is_main) {
    emit_main_wrapper(ctx, tail);
  } else {
    char *desc = async_desc_text(ctx);
    sb_puts(tail, desc);
    free(desc);
  }
  edit_insert(ctx->L, ctx->fn->body.end, EDIT_CLOSE, -1, sb_take(tail));
  ctx->L->generating = false;
  emit_trace_fn(ctx);
  keep_frame_text(ctx);
}

void emit_fn(FnCtx *ctx) {
  AsyncFn *fn = ctx->fn;
  ctx->L->generating = true;
  const char *st = fn->is_static || fn->is_main ? "static __attribute__((unused)) " : "";
  StrBuf sb = {0};
  emit_init_drop(ctx, &sb);
  char *cast = frame_cast(fn);
  sb_printf(&sb, "%s%sac_poll %s__poll(void *ac_fv, struct ac_cx *ac_cx)\n{\n%s", st, large_poll(ctx),
            fn->name, cast);
  free(cast);
  if (!ctx->num_states || fn->is_stream) /* a yield is a state that needs no cx */
    sb_puts(&sb, "    (void)ac_cx;\n");
  emit_promoted_locals(ctx, &sb);
  sb_puts(&sb, "    switch (ac_f->ac_state) {\n    case 0:\n        break;\n");
  resume_cases(ctx, &sb);
  sb_puts(&sb, "    default:\n        return AC_READY;\n    }\n");
  if (debug_info_wanted(ctx->L->opt) && !fn->is_main) { /* gdb's `break f` */
    char *label = debug_body_label(fn);
    sb_puts(&sb, label);
    free(label);
  }
  edit_replace(ctx->L, (Range){fn->header.begin, fn->body.begin}, sb_take(&sb));

  StrBuf tail = {0};
  sb_puts(&tail, "\n");
  stream_value_drops(ctx, &tail, true); /* the generators it started (ac_stream_of) */
  if (fn->is_main) /* C11 5.1.2.2.3: reaching main's '}' returns 0 */
    sb_puts(&tail, "    ac_f->ac_result = 0;\n");
  sb_puts(&tail, "    AC_STATE_SET_DONE(ac_f->ac_state);\n    return AC_READY;\n}\n");
  finish_fn(ctx, &tail);
}

void emit_direct_fn(FnCtx *ctx) {
  AsyncFn *fn = ctx->fn;
  rename_predefined(ctx); /* the body becomes f__sync's */
  ctx->L->generating = true;
  const char *st = fn->is_static || fn->is_main ? "static __attribute__((unused)) " : "";
  StrBuf sb = {0};
  emit_init_drop(ctx, &sb);
  StrBuf args = {0};
  for (size_t i = 0; i < ctx->num_vars; i++)
    if (ctx->vars[i].is_param)
      sb_printf(&args, "%sac_f->%s", args.len ? ", " : "", ctx->vars[i].field);
  char *call = xasprintf("%s__sync(%s)", fn->name, args.len ? args.data : "");
  char *cast = frame_cast(fn);
  char *run = fn->returns_void      ? xstrdup(call)
              : fn->returns_record ? xasprintf("{ __typeof__(ac_f->ac_result) ac_ret = %s; "
                                               "__builtin_memcpy((void *)&ac_f->ac_result, &ac_ret, sizeof ac_ret); }",
                                               call)
                                   : xasprintf("ac_f->ac_result = %s", call);
  sb_printf(&sb,
            "%sac_poll %s__poll(void *ac_fv, struct ac_cx *ac_cx)\n{\n%s"
            "    (void)ac_cx;\n    if (ac_f->ac_state == 0)\n        %s;\n"
            "    AC_STATE_SET_DONE(ac_f->ac_state);\n    return AC_READY;\n}\n\n"
            "/* '%s' never suspends: awaits of it call %s__sync directly */\n",
            st, fn->name, cast, run, fn->name, fn->name);
  free(cast);
  char *sync = sync_decl(ctx);
  sb_printf(&sb, "%s%s\n", st, sync);
  free(sync), free(run), free(call), free(args.data);
  edit_replace(ctx->L, (Range){fn->header.begin, fn->body.begin}, sb_take(&sb));
  if (fn->is_main) /* main__sync is not main: its '}' would return garbage */
    edit_insert(ctx->L, fn->body.end - 1, EDIT_CLOSE, -1, xstrdup("return 0;\n"));
  StrBuf tail = {0};
  if (debug_info_wanted(ctx->L->opt) && !fn->is_main) { /* gdb's `break f` */
    char *alias = debug_sync_alias(fn);
    sb_printf(&tail, "\n%s", alias);
    free(alias);
  }
  finish_fn(ctx, &tail);
}

/* Places the frame struct of fn (after those of its callees) at 'at'. */
static void place_struct(Lowering *L, AsyncFn *fn, unsigned at) {
  if (is_foreign(fn) && !fn->struct_emitted) {
    fn->struct_emitted = true;
    L->generating = true;
    edit_insert(L, at, EDIT_OPEN, -1, foreign_frame_text(fn));
    L->generating = false;
    return;
  }
  if (fn->struct_emitted || !fn->has_body || !fn->frame_text)
    return;
  if (fn->visiting) { /* recursive awaits are out of line (out_of_line.c): a bug */
    diag_cursor(L, DIAG_ERROR, fn->decl,
                "internal error: the frame of async function '%s' contains itself", fn->name);
    return;
  }
  fn->visiting = 1;
  for (size_t i = 0; i < fn->num_callees; i++)
    place_struct(L, fn->callees[i], at);
  fn->visiting = 0;
  if (fn->struct_emitted)
    return;
  fn->struct_emitted = true;
  L->generating = true;
  edit_insert(L, at, EDIT_OPEN, -1, xasprintf("%s\n", fn->frame_text));
  L->generating = false;
  /* direct callees need only their f__sync declared before fn's body, and
   * may call back into fn (recursion is plain C recursion there) */
  for (size_t i = 0; i < fn->num_direct_callees; i++)
    place_struct(L, fn->direct_callees[i], at);
  /* out-of-line callees: only a pointer in fn's frame, so they may await fn */
  for (size_t i = 0; i < fn->num_ool_callees; i++)
    place_struct(L, fn->ool_callees[i], at);
}

/* A frame struct (with its callees') or a callee's task-builtin helpers
 * (with its struct) that must be visible at 'at'. */
typedef struct Placement {
  unsigned at;
  bool helpers;
  AsyncFn *fn;
} Placement;

static int cmp_placement(const void *a, const void *b) {
  const Placement *x = a, *y = b;
  if (x->at != y->at)
    return x->at < y->at ? -1 : 1;
  return (int)x->helpers - (int)y->helpers; /* structs first */
}

void emit_frame_structs(Lowering *L) {
  Placement *order = xrealloc(NULL, (L->num_fns + L->num_sites + L->num_values + 1) * sizeof *order);
  size_t n = 0;
  for (size_t i = 0; i < L->num_fns; i++)
    if (L->fns[i]->has_body && L->fns[i]->frame_text)
      order[n++] = (Placement){L->fns[i]->header.begin, false, L->fns[i]};
  for (size_t i = 0; i < L->num_sites; i++)
    if (!L->sites[i].rejected)
      order[n++] = (Placement){L->sites[i].helpers_at, true, L->sites[i].callee};
  for (size_t i = 0; i < L->num_values; i++) /* its descriptor is declared with the struct */
    order[n++] = (Placement){L->values[i].at, false, L->values[i].fn};
  qsort(order, n, sizeof *order, cmp_placement);
  for (size_t i = 0; i < n; i++) {
    AsyncFn *fn = order[i].fn;
    place_struct(L, fn, order[i].at);
    if (!order[i].helpers || fn->helpers_emitted || is_foreign(fn))
      continue;
    fn->helpers_emitted = true;
    L->generating = true;
    edit_insert(L, order[i].at, EDIT_OPEN, -1, builtin_helpers_text(L, fn));
    L->generating = false;
  }
  free(order);
}
