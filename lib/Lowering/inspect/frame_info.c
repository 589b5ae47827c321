/* What the lowering knows about a frame, kept for --emit=layout/dot/json:
 * the await points (state, .ac line, callee), the state graph, and for
 * each frame field the await points it lives across.  Offsets and sizes
 * are not known here: inspect.c asks clang for them in the lowered C. */
#include "inspect/inspect.h"
#include "forms/forms.h"

#include <stdlib.h>
#include <string.h>

static void add_state(FieldLife *f, int state) {
  for (size_t i = 0; i < f->num_states; i++)
    if (f->states[i] == state)
      return;
  f->states = xrealloc(f->states, (f->num_states + 1) * sizeof *f->states);
  f->states[f->num_states++] = state;
}

static FieldLife *add_field(FnInfo *info, char *name, const char *kind, unsigned line) {
  for (size_t i = 0; i < info->num_fields; i++)
    if (strcmp(info->fields[i].field, name) == 0) {
      free(name);
      return &info->fields[i];
    }
  info->fields = xrealloc(info->fields, (info->num_fields + 1) * sizeof *info->fields);
  info->fields[info->num_fields] = (FieldLife){.field = name, .kind = kind, .line = line};
  return &info->fields[info->num_fields++];
}

/* The callee frames of the ac_aw union, from the drop switch the lowering
 * wrote: under `case N:` it drops the member(s) in flight at state N. */
static void callee_frames(FnCtx *ctx, FnInfo *info) {
  const char *p = ctx->drop_cases.data;
  int state = 0;
  while (p && *p) {
    const char *eol = strchr(p, '\n');
    size_t n = eol ? (size_t)(eol - p) : strlen(p);
    const char *c = p;
    while (c < p + n && *c == ' ')
      c++;
    if (strncmp(c, "case ", 5) == 0) {
      state = atoi(c + 5);
    } else {
      for (const char *m = strstr(c, "ac_aw."); m && m < p + n; m = strstr(m + 1, "ac_aw.")) {
        const char *e = m + 6;
        while (is_ident_char(*e))
          e++;
        char *name = xasprintf("ac_aw.%.*s", (int)(e - m - 6), m + 6);
        add_state(add_field(info, name, "callee frame", 0), state);
      }
    }
    p = eol ? eol + 1 : p + n;
  }
}

/* What an await site is called in the report. */
static char *site_name(const Await *aw) {
  switch (aw->kind) {
  case AWAIT_TIMEOUT:
    return xasprintf("ac_timeout(%s)", aw->callee->name);
  case AWAIT_JOIN:
  case AWAIT_SELECT:
    return conc_describe(aw);
  case AWAIT_YIELD:
    return xstrdup("ac_yield_item");
  case AWAIT_NEXT_ITEM:
    return xasprintf("ac_for_each(%s)", aw->callee->name);
  case AWAIT_CALL:
    break;
  }
  return aw->callee ? xstrdup(aw->callee->name) : xstrdup("(async pointer)");
}

void record_frame_info(FnCtx *ctx) {
  Lowering *L = ctx->L;
  FnInfo *info = &ctx->fn->info;
  info->line = source_line(&L->src, ctx->fn->header.begin);
  for (size_t i = 0; i < ctx->num_awaits; i++) {
    Await *aw = &ctx->awaits[i];
    if (!aw->evaluated || !aw->state)
      continue;
    info->sites = xrealloc(info->sites, (info->num_sites + 1) * sizeof *info->sites);
    info->sites[info->num_sites++] =
        (AwaitSite){aw->state, source_line(&L->src, aw->range.begin),
                    source_col(&L->src, aw->range.begin), site_name(aw)};
  }
  if (ctx->num_states)
    build_state_graph(ctx, &info->edges, &info->num_edges);
  else {
    info->edges = xrealloc(NULL, sizeof *info->edges);
    info->edges[0] = (StateEdge){0, STATE_DONE};
    info->num_edges = 1;
  }
  Liveness *lv = liveness_of(ctx);
  for (size_t i = 0; i < ctx->num_vars; i++) {
    Var *v = &ctx->vars[i];
    if (!v->in_frame || !v->field)
      continue;
    unsigned line = v->is_param ? info->line : source_line(&L->src, v->decl_stmt.begin);
    FieldLife *f = add_field(info, xstrdup(v->field), v->is_param ? "parameter" : "local", line);
    unsigned from = v->is_param ? v->scope_begin : v->live_from;
    unsigned to = v->is_param ? ctx->fn->body.end : v->scope_end;
    for (size_t j = 0; j < info->num_sites; j++) {
      Await *aw = NULL;
      for (size_t k = 0; k < ctx->num_awaits && !aw; k++)
        if (ctx->awaits[k].state == info->sites[j].state)
          aw = &ctx->awaits[k];
      if (aw && (v->is_param || (aw->range.begin >= from && aw->range.begin < to)) &&
          live_across(lv, v, aw))
        add_state(f, aw->state);
    }
  }
  liveness_free(lv);
  callee_frames(ctx, info);
}
