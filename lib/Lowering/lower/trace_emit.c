/* f__trace: the generated half of the runtime's task dump (ac_task_dump).
 *
 * For every async function f the lowering emits
 *
 *   AC__COLD void f__trace(const void *ac_fv, struct ac_trace *ac_t)
 *
 * (cold, and compiled without optimization by gcc: lowered.h says why)
 * a switch on the frame's state: at each await it reports the .ac file,
 * line, f's name and what it awaits, then traces the callee frame(s) in
 * flight, so a task's root trace walks the whole chain of nested awaits
 * down to the runtime leaf, whose own x__trace says what it waits on.
 * The line and the callee's name come from a table by state (ac_at), so
 * the states that trace the same frames share one case (case_groups.c).
 *
 * Which callee frames are in flight at a state is read from the drop
 * switch the lowering already wrote (ctx->drop_cases): under `case N:` it
 * calls `g__drop(<frame>)` for each of them.  Every form that adds awaits
 * (ac_timeout's call and timer, and whatever joins or selects add) must
 * drop its frames there, so reading it keeps this file in step with them
 * without knowing each form.  A callee of another file (the runtime's
 * leaves, separately compiled .ac files) is reached through a weak
 * reference: without a trace function it is shown by name only. */
#include "lower/lower.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static AsyncFn *fn_named(Lowering *L, const char *name, size_t n) {
  for (size_t i = 0; i < L->num_fns; i++)
    if (strlen(L->fns[i]->name) == n && strncmp(L->fns[i]->name, name, n) == 0)
      return L->fns[i];
  return NULL;
}

/* Lowered in this file: its f__trace prototype comes with its frame. */
static bool traced_here(const AsyncFn *g) { return g && g->has_body && !g->is_external; }

static char *weak_decl(const char *name, size_t n) {
  return xasprintf("extern void %.*s__trace(const void *, struct ac_trace *) "
                   "__attribute__((weak));\n",
                   (int)n, name);
}

char *trace_decl_text(Lowering *L, AsyncFn *g) {
  (void)L;
  return traced_here(g) ? xstrdup("") : weak_decl(g->name, strlen(g->name));
}

void trace_prototype(StrBuf *sb, AsyncFn *fn, const char *storage) {
  sb_printf(sb, "%sAC__COLD void %s__trace(const void *ac_fv, struct ac_trace *ac_t);\n", storage,
            fn->name);
}

/* One callee frame in flight: `g__drop(ARG)` of the drop switch. */
typedef struct InFlight {
  const char *name;
  size_t name_len;
  char *frame; /* the drop's argument: an expression on ac_f */
  char *guard; /* the `if (...)` the drop is under (a join's unfinished calls), or NULL */
} InFlight;

typedef struct StateTrace {
  int state;
  InFlight *v;
  size_t n;
} StateTrace;

/* `NAME__drop(` ... `)` at p, with ac_aw in the argument. */
static bool parse_drop(const char *p, const char *eol, InFlight *out) {
  const char *b = p;
  while (p < eol && is_ident_char(*p))
    p++;
  if (p - b <= 6 || p >= eol || strncmp(p - 6, "__drop", 6) != 0 || *p != '(')
    return false;
  const char *arg = p + 1;
  int depth = 1;
  const char *q = arg;
  for (; q < eol && depth > 0; q++)
    depth += *q == '(' ? 1 : *q == ')' ? -1 : 0;
  if (depth != 0)
    return false;
  size_t arg_len = (size_t)(q - 1 - arg);
  char *a = xasprintf("%.*s", (int)arg_len, arg);
  if (!strstr(a, "ac_aw")) {
    free(a);
    return false;
  }
  *out = (InFlight){b, (size_t)(p - 6 - b), a, NULL};
  return true;
}

/* The drop switch as state -> callee frames in flight.  Consecutive case
 * labels share what follows them. */
static StateTrace *states_in_flight(FnCtx *ctx, size_t *num) {
  StateTrace *st = NULL;
  size_t n = 0, group = 0; /* st[group..n) are the labels being filled */
  bool labels_open = false;
  char *guard = NULL; /* the condition of an `if (...)` line just read */
  const char *p = ctx->drop_cases.data;
  while (p && *p) {
    const char *eol = strchr(p, '\n');
    if (!eol)
      eol = p + strlen(p);
    const char *c = p;
    while (c < eol && (*c == ' ' || *c == '\t'))
      c++;
    if (strncmp(c, "case ", 5) == 0) {
      if (!labels_open)
        group = n;
      labels_open = true;
      st = xrealloc(st, (n + 1) * sizeof *st);
      st[n++] = (StateTrace){atoi(c + 5), NULL, 0};
    } else if (strncmp(c, "if (", 4) == 0 && eol > c + 4 && eol[-1] == ')') {
      free(guard);
      guard = xasprintf("%.*s", (int)(eol - c - 3), c + 3); /* "(...)" */
    } else {
      labels_open = false;
      InFlight f;
      for (const char *s = c; s < eol; s++) {
        if ((s == c || !is_ident_char(s[-1])) && is_ident_char(*s) && parse_drop(s, eol, &f)) {
          for (size_t k = group; k < n; k++) {
            st[k].v = xrealloc(st[k].v, (st[k].n + 1) * sizeof *st[k].v);
            st[k].v[st[k].n++] =
                (InFlight){f.name, f.name_len, xstrdup(f.frame), guard ? xstrdup(guard) : NULL};
          }
          free(f.frame);
          break;
        }
      }
      free(guard);
      guard = NULL;
    }
    p = *eol ? eol + 1 : eol;
  }
  free(guard);
  *num = n;
  return st;
}

/* The await of each resume state (a table: a lookup per state was n^2). */
static Await **awaits_by_state(FnCtx *ctx) {
  size_t n = (size_t)ctx->num_states + 2;
  Await **t = memset(xrealloc(NULL, n * sizeof *t), 0, n * sizeof *t);
  for (size_t i = ctx->num_awaits; i-- > 0;) /* the first of a state wins */
    if (ctx->awaits[i].evaluated && ctx->awaits[i].state >= 0 &&
        ctx->awaits[i].state <= ctx->num_states)
      t[ctx->awaits[i].state] = &ctx->awaits[i];
  return t;
}

/* One line of f__debug, as a C string literal. */
static void debug_line(StrBuf *tab, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void debug_line(StrBuf *tab, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  StrBuf line = {0};
  char buf[256];
  int n = vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  if (n >= (int)sizeof buf) { /* a long expression: again, at its length */
    char *big = xrealloc(NULL, (size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    sb_puts(&line, big);
    free(big);
  } else {
    sb_puts(&line, buf);
  }
  sb_puts(&line, "\n");
  char *lit = c_string_literal(line.data);
  sb_printf(tab, "    %s\n", lit);
  free(lit), free(line.data);
}

/* Where each frame local lives across awaits, for the debugger: the
 * awaits in offset order, and per local the range of them in its scope
 * after its declaration (a parameter: all). */
static void debug_locals(FnCtx *ctx, StrBuf *tab) {
  for (size_t i = 0; i < ctx->num_vars; i++) {
    Var *v = &ctx->vars[i];
    if (!v->in_frame || !v->field)
      continue;
    size_t lo = 0, hi = ctx->num_awaits;
    if (!v->is_param) {
      while (lo < ctx->num_awaits && ctx->awaits[lo].range.begin < v->live_from)
        lo++;
      hi = lo;
      while (hi < ctx->num_awaits && ctx->awaits[hi].range.begin < v->scope_end)
        hi++;
    }
    debug_line(tab, "%s %s %s %zu %zu", v->is_param ? "param" : "local", v->name, v->field, lo, hi);
  }
}

/* What a task in state s waits for, as the task dump shows it. */
static char *wait_description(const Await *aw, const StateTrace *s) {
  if (!aw)
    return s->n ? xasprintf("%.*s", (int)s->v[0].name_len, s->v[0].name) : xstrdup("?");
  /* an await through an async function pointer has no named callee */
  const char *callee = aw->callee ? aw->callee->name : "an async function pointer";
  switch (aw->kind) {
  case AWAIT_TIMEOUT:
    return xasprintf("ac_timeout(%s)", callee);
  case AWAIT_JOIN:
  case AWAIT_SELECT: {
    if (s->n == 0)
      break;
    StrBuf w = {0}; /* the prelude spells them ac__join / ac__select: name their calls */
    sb_printf(&w, "ac_%s(", callee + 4);
    for (size_t k = 0; k < s->n; k++)
      sb_printf(&w, "%s%.*s", k ? ", " : "", (int)s->v[k].name_len, s->v[k].name);
    sb_puts(&w, ")");
    return sb_take(&w);
  }
  case AWAIT_CALL:
  case AWAIT_YIELD:
  case AWAIT_NEXT_ITEM:
    break;
  }
  return xstrdup(callee);
}


void emit_trace_fn(FnCtx *ctx) {
  Lowering *L = ctx->L;
  AsyncFn *fn = ctx->fn;
  const char *st = fn->is_static || fn->is_main ? "static __attribute__((unused)) " : "";
  size_t num = 0;
  StateTrace *states = states_in_flight(ctx, &num);
  Await **by_state = awaits_by_state(ctx);
  char *file = c_string_literal(L->src.path);
  StrBuf decls = {0}, body = {0}, tab = {0};
  bool debug = debug_info_wanted(L->opt);
  if (debug) {
    debug_line(&tab, "asyncc-debug 1");
    debug_line(&tab, "fn %s %u %u", fn->name, source_line(&L->src, fn->header.begin),
               source_line(&L->src, fn->body.end - 1));
    debug_line(&tab, "file %s", L->src.path);
    debug_locals(ctx, &tab);
  }
  /* where each state waits, by state: the line and the callee's name */
  int max_state = 0;
  for (size_t i = 0; i < num; i++)
    max_state = states[i].state > max_state ? states[i].state : max_state;
  char **at = memset(xrealloc(NULL, (size_t)(max_state + 1) * sizeof *at), 0,
                     (size_t)(max_state + 1) * sizeof *at);
  for (size_t i = 0; i < num; i++) {
    StateTrace *s = &states[i];
    Await *aw = s->state >= 0 && s->state <= ctx->num_states ? by_state[s->state] : NULL;
    unsigned line = aw ? source_line(&L->src, aw->range.begin) : 0;
    char *what = wait_description(aw, s);
    if (s->state >= 0 && !at[s->state]) {
      char *w = c_string_literal(what);
      at[s->state] = xasprintf("{%u, %s}", line, w);
      free(w);
    }
    sb_printf(&body,
              "    case %d:\n        ac_trace_await(ac_t, %s, ac_at[ac_f->ac_state].line, \"%s\", "
              "ac_at[ac_f->ac_state].what);\n",
              s->state, file, fn->name);
    if (debug)
      debug_line(&tab, "await %d %td %u %s", s->state, aw ? aw - ctx->awaits : -1, line, what);
    free(what);
    if (s->n > 1)
      sb_puts(&body, "        ac_trace_nest(ac_t, 1);\n");
    for (size_t k = 0; k < s->n; k++) {
      InFlight *f = &s->v[k];
      AsyncFn *g = fn_named(L, f->name, f->name_len);
      if (!traced_here(g)) {
        char *d = weak_decl(f->name, f->name_len);
        if (!decls.data || !strstr(decls.data, d))
          sb_puts(&decls, d);
        free(d);
      }
      if (f->guard) /* a join's finished calls are not waited on */
        sb_printf(&body, "        if %s\n    ", f->guard);
      sb_printf(&body, "        ac_trace_frame(ac_t, %.*s__trace, %s);\n", (int)f->name_len,
                f->name, f->frame);
      if (debug)
        debug_line(&tab, "frame %d %.*s %s", s->state, (int)f->name_len, f->name, f->frame);
      free(f->frame);
      free(f->guard);
    }
    if (s->n > 1)
      sb_puts(&body, "        ac_trace_nest(ac_t, -1);\n");
    sb_puts(&body, "        break;\n");
    free(s->v);
  }
  free(states);
  free(by_state);
  free(file);
  /* The states that trace the same callee frames share one case: the line
   * and name come from the table (case_groups.c says why). */
  StrBuf table = {0};
  if (num) {
    sb_puts(&table, "    static const struct { unsigned line; const char *what; } ac_at[] = {\n");
    for (int k = 0; k <= max_state; k++) {
      sb_printf(&table, "        %s,\n", at[k] ? at[k] : "{0, 0}");
      free(at[k]);
    }
    sb_puts(&table, "    };\n");
  }
  free(at);
  char *cases = group_switch_cases(body.data ? body.data : "");
  StrBuf out = {0};
  sb_printf(&out, "\n%s%sAC__COLD void %s__trace(const void *ac_fv, struct ac_trace *ac_t)\n{\n%s"
                  "    const struct %s__frame *ac_f = ac_fv;\n    switch (ac_f->ac_state) {\n"
                  "%s    default:\n        ac_trace_state(ac_t, \"%s\", AC_STATE_WIDE(ac_f->ac_state));\n"
                  "        break;\n    }\n}\n",
            decls.data ? decls.data : "", st, fn->name, table.data ? table.data : "", fn->name,
            cases, fn->name);
  if (debug) /* read by share/asyncc/gdb/asyncc.py; `used`: nothing in C reads it */
    sb_printf(&out, "static const char %s__debug[] __attribute__((used)) =\n%s    \"\";\n",
              fn->name, tab.data);
  free(decls.data);
  free(body.data);
  free(tab.data);
  free(table.data);
  free(cases);
  L->generating = true;
  /* depth -2: after the poll's own closing text (and main's wrapper) */
  edit_insert(L, fn->body.end, EDIT_CLOSE, -2, sb_take(&out));
  L->generating = false;
}
