/* --emit=layout, --emit=dot and --emit=json: reports on the state machines
 * of a lowered file.
 *
 * Offsets and sizes come from clang itself: the lowered C is parsed again
 * (in memory, with the same flags) and each `struct f__frame` is asked for
 * its fields and sizes, so the figures are the backend's, not an estimate.
 * The offsets are read back from `__builtin_offsetof` constants appended to
 * a third parse: libclang's own offset queries validate every record type
 * reachable from the field's parent, path by path, and frames that embed
 * their callees' frames (several of each, level after level) make that
 * exponential.  Which
 * await points a field lives across, the await points and the state graph
 * come from the lowering (frame_info.c, state_graph.c).  The JSON schema is
 * documented in docs/inspecting.md. */
#include "inspect/inspect.h"

#include <stdlib.h>
#include <string.h>

typedef struct Layout {
  long long size, align;
  CXType type;
  bool found;
} Layout;

typedef struct FindStruct {
  const char *name;
  Layout *out;
} FindStruct;

static enum CXChildVisitResult find_struct(CXCursor c, CXCursor parent, CXClientData d) {
  (void)parent;
  FindStruct *fs = d;
  if (clang_getCursorKind(c) != CXCursor_StructDecl || !clang_isCursorDefinition(c))
    return CXChildVisit_Continue;
  CXString s = clang_getCursorSpelling(c);
  if (strcmp(clang_getCString(s), fs->name) == 0) {
    fs->out->type = clang_getCursorType(c);
    fs->out->size = clang_Type_getSizeOf(fs->out->type);
    fs->out->align = clang_Type_getAlignOf(fs->out->type);
    fs->out->found = true;
  }
  clang_disposeString(s);
  return fs->out->found ? CXChildVisit_Break : CXChildVisit_Continue;
}

/* ---- one field of a frame, with its members if it is ac_aw / ac_tmp ---- */

typedef struct Field {
  char *name;
  long long offset, size;
  char *designator; /* for __builtin_offsetof: `buf`, `ac_aw.leaf` */
  const char *kind;
  const FieldLife *life;
  bool shares; /* the result, in a union with the rest of the frame */
  bool overlaps; /* a local in a union of disjoint blocks (frame_overlap.c) */
  struct Field *members;
  size_t num_members;
} Field;

typedef struct Fields {
  const FnInfo *info;
  const char *prefix; /* "ac_aw." for members of ac_aw */
  bool shared; /* the result shares storage with the rest of the frame */
  int in_blocks; /* inside a union of disjoint blocks' locals */
  Field *v;
  size_t n;
} Fields;

static const FieldLife *life_of(const FnInfo *info, const char *name) {
  for (size_t i = 0; i < info->num_fields; i++)
    if (strcmp(info->fields[i].field, name) == 0)
      return &info->fields[i];
  return NULL;
}

static enum CXVisitorResult find_field(CXCursor c, CXClientData d) {
  const char **name = d;
  CXString s = clang_getCursorSpelling(c);
  bool hit = strcmp(clang_getCString(s), *name) == 0;
  clang_disposeString(s);
  if (hit)
    *name = NULL;
  return hit ? CXVisit_Break : CXVisit_Continue;
}

/* a direct member of the record type t named `name` */
static bool has_field(CXType t, const char *name) {
  clang_Type_visitFields(t, find_field, &name);
  return name == NULL;
}

static enum CXVisitorResult visit_field(CXCursor c, CXClientData d) {
  Fields *fs = d;
  CXString s = clang_getCursorSpelling(c);
  const char *name = clang_getCString(s);
  CXType t = clang_getCursorType(c);
  if (!*fs->prefix && clang_Cursor_isAnonymousRecordDecl(clang_getTypeDeclaration(t))) {
    /* the anonymous union of the result and the struct of the rest
     * (emit.c): their fields are listed as the frame's own, at their
     * offsets, so the overlap shows */
    /* the union of the result and the rest, or one of the locals of
     * disjoint blocks (frame_overlap.c), or a struct in either; their
     * members are named as the frame's own (C11 anonymous members) */
    bool is_union = clang_getCursorKind(clang_getTypeDeclaration(t)) == CXCursor_UnionDecl;
    bool result = has_field(clang_getCanonicalType(t), "ac_result");
    bool blocks = is_union && !result;
    if (is_union && result)
      fs->shared = true;
    fs->in_blocks += blocks;
    clang_Type_visitFields(clang_getCanonicalType(t), visit_field, fs);
    fs->in_blocks -= blocks;
    clang_disposeString(s);
    return CXVisit_Continue;
  }
  Field f = {.name = xstrdup(name), .designator = xasprintf("%s%s", fs->prefix, name),
             .size = clang_Type_getSizeOf(t), .overlaps = fs->in_blocks > 0};
  char *full = xasprintf("%s%s", fs->prefix, name);
  f.life = life_of(fs->info, full);
  free(full);
  if (!*fs->prefix) {
    f.kind = !strcmp(name, "ac_state")    ? "resume state"
             : !strcmp(name, "ac_result") ? "result"
             : !strcmp(name, "ac_aw")     ? "union of callee frames, one in flight at a time"
             : !strcmp(name, "ac_tmp")    ? "union of expression temporaries, one expression at a time"
             : f.life                     ? f.life->kind
             : !strncmp(name, "ac_lit", 6) ? "compound literal"
             : !strcmp(name, "ac_item")   ? "stream item (streams.c)"
             : !strncmp(name, "ac_st_", 6) ? "generator frame of an ac_for_each loop"
                                           : "";
    f.shares = fs->shared && !strcmp(name, "ac_result");
    if (!strcmp(name, "ac_aw") || !strcmp(name, "ac_tmp")) {
      Fields sub = {.info = fs->info, .prefix = !strcmp(name, "ac_aw") ? "ac_aw." : "ac_tmp."};
      clang_Type_visitFields(clang_getCanonicalType(t), visit_field, &sub);
      f.members = sub.v;
      f.num_members = sub.n;
    }
  } else {
    f.kind = !strcmp(fs->prefix, "ac_aw.") ? "callee frame" : "temporaries of one expression";
  }
  clang_disposeString(s);
  fs->v = xrealloc(fs->v, (fs->n + 1) * sizeof *fs->v);
  fs->v[fs->n++] = f;
  return CXVisit_Continue;
}

static void free_fields(Field *v, size_t n) {
  for (size_t i = 0; i < n; i++) {
    free(v[i].name);
    free(v[i].designator);
    free_fields(v[i].members, v[i].num_members);
  }
  free(v);
}

/* ---- text ---- */

static void states_text(StrBuf *sb, const FieldLife *life) {
  if (!life || !life->num_states)
    return;
  sb_puts(sb, ";");
  for (size_t i = 0; i < life->num_states; i++)
    sb_printf(sb, " #%d", life->states[i]);
}

static void layout_fields(StrBuf *sb, const Field *v, size_t n, int indent) {
  for (size_t i = 0; i < n; i++) {
    const Field *f = &v[i];
    char *name = xasprintf("%*s%s%s", indent, "", indent ? "." : "", f->name);
    sb_printf(sb, "  %6lld %5lld  %-24s %s", f->offset, f->size, name, f->kind);
    if (f->shares)
      sb_puts(sb, "; shares storage with every field but ac_state, dead once it is written");
    if (f->life && f->life->line && strcmp(f->kind, "parameter"))
      sb_printf(sb, " (line %u)", f->life->line);
    states_text(sb, f->life);
    if (f->overlaps)
      sb_puts(sb, "; shares storage with the locals of disjoint blocks");
    sb_puts(sb, "\n");
    free(name);
    layout_fields(sb, f->members, f->num_members, indent + 2);
  }
}

static void layout_text(StrBuf *sb, Lowering *L, AsyncFn *fn, const Layout *lay, Field *v, size_t n) {
  const FnInfo *info = &fn->info;
  sb_printf(sb, "async %s (%s:%u): frame %lld bytes, align %lld\n", fn->name, L->src.path,
            info->line, lay->size, lay->align);
  if (fn->never_suspends)
    sb_puts(sb, "  never suspends: awaits of it are direct calls of its __sync function; the frame "
                "is used by ac_spawn, ac_block_on, ac_timeout and async main only\n");
  if (info->num_sites) {
    sb_puts(sb, "  await points:\n");
    for (size_t i = 0; i < info->num_sites; i++)
      sb_printf(sb, "    #%d  line %u:%u  %s\n", info->sites[i].state, info->sites[i].line,
                info->sites[i].col, info->sites[i].callee);
  }
  sb_printf(sb, "  %6s %5s  %-24s %s\n", "offset", "size", "field", "what; lives across await points");
  layout_fields(sb, v, n, 0);
  sb_puts(sb, "\n");
}

/* ---- JSON ---- */

static void json_str(StrBuf *sb, const char *s) {
  sb_puts(sb, "\"");
  for (; *s; s++) {
    if (*s == '"' || *s == '\\')
      sb_printf(sb, "\\%c", *s);
    else if ((unsigned char)*s < 0x20)
      sb_printf(sb, "\\u%04x", *s);
    else
      sb_putn(sb, s, 1);
  }
  sb_puts(sb, "\"");
}

static void json_fields(StrBuf *sb, const Field *v, size_t n) {
  sb_puts(sb, "[");
  for (size_t i = 0; i < n; i++) {
    const Field *f = &v[i];
    sb_puts(sb, i ? ", {\"name\": " : "{\"name\": ");
    json_str(sb, f->name);
    sb_printf(sb, ", \"offset\": %lld, \"size\": %lld, \"kind\": ", f->offset, f->size);
    json_str(sb, f->kind);
    if (f->life && f->life->line && strcmp(f->kind, "parameter"))
      sb_printf(sb, ", \"line\": %u", f->life->line);
    sb_puts(sb, ", \"live_across\": [");
    for (size_t j = 0; f->life && j < f->life->num_states; j++)
      sb_printf(sb, "%s%d", j ? ", " : "", f->life->states[j]);
    sb_puts(sb, "]");
    if (f->overlaps)
      sb_puts(sb, ", \"shares_storage\": true");
    if (f->num_members) {
      sb_puts(sb, ", \"members\": ");
      json_fields(sb, f->members, f->num_members);
    }
    sb_puts(sb, "}");
  }
  sb_puts(sb, "]");
}

static void json_fn(StrBuf *sb, AsyncFn *fn, const Layout *lay, const Fields *fs, bool first) {
  Field *v = fs->v;
  size_t n = fs->n;
  const FnInfo *info = &fn->info;
  sb_puts(sb, first ? "\n    {\"name\": " : ",\n    {\"name\": ");
  json_str(sb, fn->name);
  sb_printf(sb, ", \"line\": %u, \"never_suspends\": %s,\n     \"frame\": {\"size\": %lld, "
                "\"align\": %lld, \"result_shares_storage\": %s, \"fields\": ",
            info->line, fn->never_suspends ? "true" : "false", lay->size, lay->align,
            fs->shared ? "true" : "false");
  json_fields(sb, v, n);
  sb_puts(sb, "},\n     \"awaits\": [");
  for (size_t i = 0; i < info->num_sites; i++) {
    sb_printf(sb, "%s{\"state\": %d, \"line\": %u, \"column\": %u, \"callee\": ", i ? ", " : "",
              info->sites[i].state, info->sites[i].line, info->sites[i].col);
    json_str(sb, info->sites[i].callee);
    sb_puts(sb, "}");
  }
  sb_puts(sb, "],\n     \"edges\": [");
  for (size_t i = 0; i < info->num_edges; i++)
    sb_printf(sb, "%s[%d, %d]", i ? ", " : "", info->edges[i].from, info->edges[i].to);
  sb_puts(sb, "]}");
}

/* ---- DOT ---- */

static void dot_node(StrBuf *sb, const AsyncFn *fn, int state) {
  if (state == 0)
    sb_printf(sb, "\"%s:start\"", fn->name);
  else if (state == STATE_DONE)
    sb_printf(sb, "\"%s:done\"", fn->name);
  else
    sb_printf(sb, "\"%s:%d\"", fn->name, state);
}

static void dot_fn(StrBuf *sb, AsyncFn *fn) {
  const FnInfo *info = &fn->info;
  sb_printf(sb, "  subgraph \"cluster_%s\" {\n    label=\"async %s (line %u)%s\";\n", fn->name,
            fn->name, info->line, fn->never_suspends ? ": never suspends" : "");
  sb_puts(sb, "    ");
  dot_node(sb, fn, 0);
  sb_puts(sb, " [shape=circle, label=\"start\"];\n    ");
  dot_node(sb, fn, STATE_DONE);
  sb_puts(sb, " [shape=doublecircle, label=\"done\"];\n");
  for (size_t i = 0; i < info->num_sites; i++) {
    sb_puts(sb, "    ");
    dot_node(sb, fn, info->sites[i].state);
    sb_printf(sb, " [shape=box, label=\"#%d line %u\\nawait %s\"];\n", info->sites[i].state,
              info->sites[i].line, info->sites[i].callee);
  }
  for (size_t i = 0; i < info->num_edges; i++) {
    sb_puts(sb, "    ");
    dot_node(sb, fn, info->edges[i].from);
    sb_puts(sb, " -> ");
    dot_node(sb, fn, info->edges[i].to);
    sb_puts(sb, ";\n");
  }
  sb_puts(sb, "  }\n");
}

/* ---- the report ---- */

static CXTranslationUnit parse_lowered(Lowering *L, CXIndex idx, const char *c_text) {
  char *name = xasprintf("%s.lowered.c", L->src.path);
  struct CXUnsavedFile f = {name, c_text, (unsigned long)strlen(c_text)};
  const char *args[260];
  int n = 0;
  args[n++] = "-x";
  args[n++] = "c";
  args[n++] = "-std=gnu17";
  char *inc = xstrdup(L->opt->prelude); /* <prefix>/include/asyncc/prelude.h */
  for (int i = 0; i < 2; i++) {
    char *slash = strrchr(inc, '/');
    if (slash)
      *slash = 0;
  }
  char *inc_flag = xasprintf("-I%s", inc);
  args[n++] = inc_flag;
  for (int i = 0; i < L->opt->num_clang_args && n < 256; i++)
    args[n++] = L->opt->clang_args[i];
  CXTranslationUnit tu = NULL;
  clang_parseTranslationUnit2(idx, name, args, n, &f, 1, CXTranslationUnit_KeepGoing, &tu);
  free(inc), free(inc_flag), free(name);
  return tu;
}

/* ---- offsets: `enum { ac__offset_<k> = __builtin_offsetof(...) }` ---- */

typedef struct Offsets {
  StrBuf decls;         /* the enum appended to the lowered C */
  long long **slots;    /* where constant k goes */
  size_t n;
} Offsets;

static void ask_offsets(Offsets *o, const char *frame, Field *v, size_t n) {
  for (size_t i = 0; i < n; i++) {
    sb_printf(&o->decls, "  ac__offset_%zu = __builtin_offsetof(struct %s, %s),\n", o->n, frame,
              v[i].designator);
    o->slots = xrealloc(o->slots, (o->n + 1) * sizeof *o->slots);
    o->slots[o->n++] = &v[i].offset;
    ask_offsets(o, frame, v[i].members, v[i].num_members);
  }
}

static enum CXChildVisitResult read_offset(CXCursor c, CXCursor parent, CXClientData d) {
  (void)parent;
  Offsets *o = d;
  if (clang_getCursorKind(c) == CXCursor_EnumDecl)
    return CXChildVisit_Recurse;
  if (clang_getCursorKind(c) != CXCursor_EnumConstantDecl)
    return CXChildVisit_Continue;
  CXString s = clang_getCursorSpelling(c);
  const char *name = clang_getCString(s);
  if (strncmp(name, "ac__offset_", 11) == 0) {
    size_t k = strtoull(name + 11, NULL, 10);
    if (k < o->n)
      *o->slots[k] = clang_getEnumConstantDeclValue(c);
  }
  clang_disposeString(s);
  return CXChildVisit_Continue;
}

static void read_offsets(Lowering *L, CXIndex idx, const char *c_text, Offsets *o) {
  if (!o->n)
    return;
  StrBuf text = {0};
  sb_printf(&text, "%s\nenum {\n%s};\n", c_text, o->decls.data);
  CXTranslationUnit tu = parse_lowered(L, idx, text.data);
  if (tu) {
    clang_visitChildren(clang_getTranslationUnitCursor(tu), read_offset, o);
    clang_disposeTranslationUnit(tu);
  }
  free(sb_take(&text));
}

char *inspect_report(Lowering *L, const char *c_text) {
  CXIndex idx = clang_createIndex(0, 0);
  CXTranslationUnit tu = parse_lowered(L, idx, c_text);
  StrBuf sb = {0};
  AcEmit mode = L->opt->emit;
  if (mode == AC_EMIT_JSON) {
    sb_puts(&sb, "{\"schema\": \"asyncc-frames-1\", \"file\": ");
    json_str(&sb, L->src.path);
    sb_puts(&sb, ", \"functions\": [");
  } else if (mode == AC_EMIT_DOT) {
    sb_puts(&sb, "digraph ");
    json_str(&sb, L->src.path); /* a DOT ID in quotes escapes like JSON */
    sb_puts(&sb, " {\n  node [fontname=\"monospace\"];\n");
  }
  /* every frame's fields first, then their offsets in one more parse */
  Layout *lays = xrealloc(NULL, (L->num_fns + 1) * sizeof *lays);
  Fields *fields = xrealloc(NULL, (L->num_fns + 1) * sizeof *fields);
  Offsets offsets = {0};
  for (size_t i = 0; i < L->num_fns; i++) {
    AsyncFn *fn = L->fns[i];
    lays[i] = (Layout){0};
    fields[i] = (Fields){.info = &fn->info, .prefix = ""};
    if (mode == AC_EMIT_DOT || !fn->has_body || !fn->frame_text)
      continue;
    char *sname = xasprintf("%s__frame", fn->name);
    FindStruct fs = {sname, &lays[i]};
    if (tu)
      clang_visitChildren(clang_getTranslationUnitCursor(tu), find_struct, &fs);
    if (lays[i].found) {
      clang_Type_visitFields(lays[i].type, visit_field, &fields[i]);
      ask_offsets(&offsets, sname, fields[i].v, fields[i].n);
    }
    free(sname);
  }
  read_offsets(L, idx, c_text, &offsets);
  bool first = true;
  for (size_t i = 0; i < L->num_fns; i++) {
    AsyncFn *fn = L->fns[i];
    if (!fn->has_body || !fn->frame_text)
      continue;
    if (mode == AC_EMIT_DOT)
      dot_fn(&sb, fn);
    else if (mode == AC_EMIT_JSON)
      json_fn(&sb, fn, &lays[i], &fields[i], first);
    else
      layout_text(&sb, L, fn, &lays[i], fields[i].v, fields[i].n);
    first = false;
    free_fields(fields[i].v, fields[i].n);
  }
  free(lays), free(fields), free(offsets.slots), free(sb_take(&offsets.decls));
  if (mode == AC_EMIT_JSON)
    sb_puts(&sb, "\n]}\n");
  else if (mode == AC_EMIT_DOT)
    sb_puts(&sb, "}\n");
  if (tu)
    clang_disposeTranslationUnit(tu);
  clang_disposeIndex(idx);
  return sb_take(&sb);
}
