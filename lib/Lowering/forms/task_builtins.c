/* The task builtins: `ac_spawn(f(args))` and `ac_block_on(f(args))`.
 *
 * Both take an async call as their only argument and turn it into a frame
 * that something other than the caller's frame owns:
 *
 *   ac_spawn(f(a, b))     a new task on the calling thread's runtime; the
 *                         frame lives in the task's one allocation.  Value:
 *                         the join handle (struct ac_task *), NULL if out of
 *                         memory or the thread runs no runtime.  As a
 *                         statement of its own the task is detached.
 *   ac_block_on(f(a, b))  (plain C functions only) runs f on a new runtime
 *                         on this thread and yields f's result.
 *
 * The prelude defines them as macros that give clang the right types
 * (`((void)(E), (struct ac_task *)0)` and `(E)`); the lowering recognises
 * the written text `ac_spawn ( f (` ... `) )` around an async call and
 * rewrites just the text outside the arguments, so the arguments keep every
 * other edit (renamed frame locals, say):
 *
 *   ac_spawn(f(a, b))  ->  ({ struct ac_task *ac_t; struct f__frame *ac_fr =
 *                             ac_spawn_alloc(&f__spawn_desc, &ac_t);
 *                             if (ac_fr) { f__init(ac_fr, a, b); ac_spawn_start(ac_t); }
 *                             ac_t; })
 *
 * (Arguments are evaluated only when the task could be allocated.)  The
 * per-callee helpers (type-erased poll/drop and the spawn descriptor) are
 * emitted once, before the first function that uses them. */
#define _GNU_SOURCE /* memmem */
#include "forms/forms.h"
#include "lower/lower.h"

#include <stdlib.h>
#include <string.h>

static unsigned skip_space_back(const Source *src, unsigned off) {
  while (off > 0 && strchr(" \t\r\n\f\v", src->text[off - 1]))
    off--;
  return off;
}

/* The identifier that ends at 'end', as [*begin, end). */
static bool word_before(const Source *src, unsigned end, unsigned *begin) {
  unsigned b = end;
  while (b > 0 && is_ident_char(src->text[b - 1]))
    b--;
  *begin = b;
  return b < end;
}

static const char *const builtin_names[] = {[BUILTIN_SPAWN] = "ac_spawn",
                                            [BUILTIN_BLOCK_ON] = "ac_block_on"};


BuiltinKind builtin_of_call(Lowering *L, CXCursor call, AsyncFn *callee, BuiltinSite *site) {
  const Source *src = &L->src;
  Range r;
  if (!cursor_range(L, call, &r) || r.end == 0)
    return BUILTIN_NONE;
  /* `kw ( callee (` before the call's arguments ... */
  if (!text_is_word(src, r.begin, callee->name))
    return BUILTIN_NONE;
  unsigned open = skip_space(src, r.begin + (unsigned)strlen(callee->name));
  if (open >= src->size || src->text[open] != '(')
    return BUILTIN_NONE;
  unsigned p = skip_space_back(src, r.begin);
  if (p == 0 || src->text[p - 1] != '(')
    return BUILTIN_NONE;
  unsigned kw;
  if (!word_before(src, skip_space_back(src, p - 1), &kw))
    return BUILTIN_NONE;
  BuiltinKind kind = BUILTIN_NONE;
  for (int k = BUILTIN_SPAWN; k <= BUILTIN_BLOCK_ON; k++)
    if (text_is_word(src, kw, builtin_names[k]))
      kind = (BuiltinKind)k;
  if (kind == BUILTIN_NONE)
    return BUILTIN_NONE;
  /* ... and `)` after them */
  unsigned close = skip_space(src, r.end);
  if (close >= src->size || src->text[close] != ')')
    return BUILTIN_NONE;
  *site = (BuiltinSite){.kind = kind, .callee = callee, .kw = kw, .call_open = open,
                        .call_end = r.end, .close = close};
  site->has_args = clang_Cursor_getNumArguments(call) > 0;
  return kind;
}

void builtin_add_site(Lowering *L, const BuiltinSite *site, unsigned helpers_at) {
  L->sites = xrealloc(L->sites, (L->num_sites + 1) * sizeof *L->sites);
  L->sites[L->num_sites] = *site;
  L->sites[L->num_sites++].helpers_at = helpers_at;
}

/* `ac_spawn(f(x));` as a statement of its own: nobody can join the task,
 * so it is detached (fire and forget, as dropping a tokio JoinHandle). */
static bool is_whole_statement(const Source *src, const BuiltinSite *s) {
  unsigned next = skip_space(src, s->close + 1);
  if (next >= src->size || src->text[next] != ';')
    return false;
  unsigned prev = skip_space_back(src, s->kw), w;
  if (prev == 0 || strchr(";{}", src->text[prev - 1]))
    return true;
  return word_before(src, prev, &w) && (text_is_word(src, w, "else") || text_is_word(src, w, "do"));
}

/* The spawn descriptor's initializer, on several lines or one; 'site' is
 * a C string literal (the spawn's file:line, for ac_task_dump) or "0". */
static char *desc_init(AsyncFn *g, const char *site, bool multiline) {
  const char *f = g->name;
  const char *first = multiline ? "\n    " : "", *sep = multiline ? "\n    " : " ";
  char *result = g->returns_void
                     ? xstrdup(" 0, 0,")
                     : xasprintf("%soffsetof(struct %s__frame, ac_result), "
                                 "sizeof(((struct %s__frame *)0)->ac_result),",
                                 sep, f, f);
  char *init = xasprintf("{%ssizeof(struct %s__frame), _Alignof(struct %s__frame),%s%s"
                         "%s__erased_poll, %s__erased_drop, %s__trace, \"%s\", %s}",
                         first, f, f, result, sep, f, f, f, f, site);
  free(result);
  return init;
}

/* `T ac_r = <g's result in ac_fr>; `, ac_fr known by g__desc only */
static char *result_decl(AsyncFn *g, const char *f) {
  char *at = xasprintf("(char *)ac_fr + %s__desc.spawn.result_offset", f);
  char *r = result_at(clang_getResultType(clang_getCursorType(g->decl)), g->ret_type, at);
  char *d = xasprintf("__typeof__(%s) ac_r = %s; ", g->ret_type, r);
  free(at), free(r);
  return d;
}

void builtin_rewrite(Lowering *L, const BuiltinSite *s) {
  const char *f = s->callee->name;
  const char *comma = s->has_args ? ", " : "";
  char *pre, *post;
  /* another file's function: its exported descriptor (out_of_line.c) */
  bool foreign = is_foreign(s->callee);
  if (foreign && s->kind == BUILTIN_BLOCK_ON) {
    pre = xasprintf("__extension__ ({ struct %s__frame *ac_fr = ac_frame_alloc(%s__desc.spawn.frame_size, "
                    "%s__desc.spawn.frame_align); %s__init(ac_fr%s",
                    f, f, f, f, comma);
    char *result = s->callee->returns_void
                       ? xstrdup("")
                       : result_decl(s->callee, f);
    post = xasprintf("; ac__block_on_check(ac_block_on_frame(ac_fr, %s__desc.spawn.poll, "
                     "%s__desc.spawn.drop)); %sac_frame_free(ac_fr, %s__desc.spawn.frame_size, "
                     "%s__desc.spawn.frame_align); %s; })",
                     f, f, result, f, f, s->callee->returns_void ? "(void)0" : "ac_r");
    free(result);
  } else if (s->kind == BUILTIN_SPAWN && foreign) {
    pre = xasprintf("__extension__ ({ struct ac_task *ac_t; struct %s__frame *ac_fr = "
                    "ac_spawn_alloc(&%s__desc.spawn, &ac_t); if (ac_fr) { %s__init(ac_fr%s",
                    f, f, f, comma);
    post = xstrdup(is_whole_statement(&L->src, s)
                       ? "; ac_spawn_start(ac_t); ac_task_detach(ac_t); } })"
                       : "; ac_spawn_start(ac_t); } ac_t; })");
  } else if (s->kind == BUILTIN_SPAWN) {
    /* a descriptor of its own, so the task dump can say where it was spawned */
    char *where = xasprintf("%s:%u", L->src.path, source_line(&L->src, s->kw));
    char *site = c_string_literal(where);
    char *init = desc_init(s->callee, site, false);
    pre = xasprintf("__extension__ ({ static const struct ac_spawn_desc ac_sd = %s; struct ac_task *ac_t; "
                    "struct %s__frame *ac_fr = ac_spawn_alloc(&ac_sd, &ac_t); if (ac_fr) { "
                    "%s__init(ac_fr%s",
                    init, f, f, comma);
    free(init), free(site), free(where);
    post = xstrdup(is_whole_statement(&L->src, s)
                       ? "; ac_spawn_start(ac_t); ac_task_detach(ac_t); } })"
                       : "; ac_spawn_start(ac_t); } ac_t; })");
  } else {
    pre = xasprintf("__extension__ ({ struct %s__frame ac_fr; %s__init(&ac_fr%s", f, f, comma);
    post = xasprintf("; ac__block_on_check(ac_block_on_frame_traced(&ac_fr, %s__erased_poll, "
                     "%s__erased_drop, %s__trace)); %s; })",
                     f, f, f, s->callee->returns_void ? "(void)0" : "ac_fr.ac_result");
  }
  edit_replace(L, (Range){s->kw, s->call_open + 1}, pre);
  edit_replace(L, (Range){s->call_end, s->close + 1}, post);
}

char *builtin_helpers_text(Lowering *L, AsyncFn *g) {
  const char *f = g->name;
  StrBuf sb = {0};
  char *trace_decl = trace_decl_text(L, g);
  sb_puts(&sb, trace_decl);
  free(trace_decl);
  sb_printf(&sb,
            "static __attribute__((unused)) ac_poll %s__erased_poll(void *ac_fr, struct ac_cx *ac_cx)\n"
            "{\n    return %s__poll(ac_fr, ac_cx);\n}\n"
            "static __attribute__((unused)) void %s__erased_drop(void *ac_fr)\n"
            "{\n    %s__drop(ac_fr);\n}\n",
            f, f, f, f);
  char *init = desc_init(g, "0", true);
  sb_printf(&sb, "static __attribute__((unused)) const struct ac_spawn_desc %s__spawn_desc = %s;\n",
            f, init);
  free(init);
  return sb_take(&sb);
}

/* Every written `ac_spawn` / `ac_block_on` must be a site the lowering
 * understood: anything else (a non-async argument, a use inside a macro)
 * would silently expand to the prelude's stand-in.  The file is tokenized
 * only if its text mentions a builtin at all. */
void builtin_check_unmatched(Lowering *L) {
  const Source *src = &L->src;
  unsigned ntoks = 0; /* only the lines that mention a builtin */
  static const char *const words[] = {"ac_spawn", "ac_block_on", NULL};
  CXToken *toks = main_file_tokens(L, words, &ntoks);
  for (unsigned i = 0; i < ntoks; i++) {
    if (clang_getTokenKind(toks[i]) != CXToken_Identifier)
      continue;
    unsigned off;
    if (!loc_offset(L, clang_getTokenLocation(L->tu, toks[i]), &off))
      continue;
    for (int k = BUILTIN_SPAWN; k <= BUILTIN_BLOCK_ON; k++) {
      const char *name = builtin_names[k];
      if (!text_is_word(src, off, name)) /* off starts a token: only the end needs checking */
        continue;
      bool known = false;
      for (size_t j = 0; j < L->num_sites && !known; j++)
        known = L->sites[j].kw == off;
      if (!known)
        diag_at(L, DIAG_ERROR, off,
                "'%s' takes one call of an async function, written directly in its parentheses "
                "(for example %s(work(1))), and cannot be used inside a macro",
                name, name);
    }
  }
  free(toks);
}
