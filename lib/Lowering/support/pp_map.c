/* The preprocessed translation unit and where each of its lines comes from.
 *
 * The backend's `-E -dD` output is the text asyncc lowers.  Its line
 * markers (`# 12 "a.ac" 2 3`) give every line its file and line; its
 * #define/#undef lines give the macro state at every point.  The markers
 * stay in the text clang parses (clang reads them too, so a token's presumed
 * location is its .ac line); the #define/#undef lines are blanked out of it,
 * so clang expands nothing but the dialect's forms (asyncc/forms.h), and
 * are kept in 'raw' for the output. */
#include "support/support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned file_index(PpMap *m, const char *name, bool system) {
  for (size_t i = 0; i < m->num_files; i++)
    if (strcmp(m->files[i].name, name) == 0) {
      m->files[i].system |= system && i != m->main_file;
      return (unsigned)i;
    }
  m->files = xrealloc(m->files, (m->num_files + 1) * sizeof *m->files);
  m->files[m->num_files] = (PpFile){.name = xstrdup(name), .system = system};
  return (unsigned)m->num_files++;
}

/* `# 12 "name" 1 3`: true with the line, the unescaped name and the system
 * flag (3). */
static bool parse_marker(const char *s, const char *e, unsigned *line, char **name, bool *system) {
  if (s >= e || *s != '#')
    return false;
  s++;
  while (s < e && *s == ' ')
    s++;
  if (s >= e || *s < '0' || *s > '9')
    return false;
  *line = (unsigned)strtoul(s, NULL, 10);
  while (s < e && *s != '"')
    s++;
  if (s >= e)
    return false;
  StrBuf sb = {0};
  for (s++; s < e && *s != '"'; s++) {
    if (*s == '\\' && s + 1 < e)
      s++;
    sb_putn(&sb, s, 1);
  }
  *name = sb_take(&sb);
  *system = false;
  for (s++; s < e; s++)
    if (*s == '3' && (s[-1] == ' ') && (s + 1 == e || s[1] == ' '))
      *system = true;
  return true;
}

/* `#define NAME...` / `#undef NAME`: its record, or false. */
static bool parse_define(const char *s, const char *e, PpDef *d) {
  bool undef;
  if (e - s > 8 && memcmp(s, "#define ", 8) == 0)
    undef = false, s += 8;
  else if (e - s > 7 && memcmp(s, "#undef ", 7) == 0)
    undef = true, s += 7;
  else
    return false;
  const char *n = s;
  while (s < e && is_ident_char(*s))
    s++;
  if (s == n)
    return false;
  d->name = xasprintf("%.*s", (int)(s - n), n);
  d->undef = undef;
  d->fnlike = !undef && s < e && *s == '(';
  return true;
}

bool pp_map_build(PpMap *m, char *text, size_t len, const char *main_path) {
  m->raw = xrealloc(NULL, len + 1);
  memcpy(m->raw, text, len);
  m->raw[len] = 0;
  m->main_file = file_index(m, main_path, false);
  unsigned file = m->main_file, line = 1;
  bool in_system = false;
  size_t cap = 1024;
  m->lines = xrealloc(NULL, cap * sizeof *m->lines);
  for (size_t b = 0; b < len;) {
    size_t e = b;
    while (e < len && text[e] != '\n')
      e++;
    if (m->num_lines == cap) {
      cap *= 2;
      m->lines = xrealloc(m->lines, cap * sizeof *m->lines);
    }
    unsigned mline;
    char *name;
    bool system;
    PpLine *pl = &m->lines[m->num_lines++];
    *pl = (PpLine){.file = file, .line = line, .system = in_system,
                   .lowerable = file == m->main_file};
    PpDef d;
    if (parse_marker(text + b, text + e, &mline, &name, &system)) {
      pl->marker = true;
      pl->lowerable = false;
      file = file_index(m, name, system);
      in_system = system;
      line = mline;
      free(name);
    } else {
      if (parse_define(text + b, text + e, &d)) {
        d.off = (unsigned)b;
        d.end = (unsigned)e;
        d.text_line = (unsigned)m->num_lines;
        m->defs = xrealloc(m->defs, (m->num_defs + 1) * sizeof *m->defs);
        m->defs[m->num_defs++] = d;
        memset(text + b, ' ', e - b); /* clang sees no macro of the file's */
        pl->directive = true;
        pl->lowerable = false;
      }
      line++;
    }
    b = e + 1;
  }
  /* the (empty) line after the last newline, which Source counts too */
  m->lines = xrealloc(m->lines, (m->num_lines + 1) * sizeof *m->lines);
  m->lines[m->num_lines++] = (PpLine){.file = file, .line = line};
  return true;
}

bool pp_line_in_main(const PpMap *m, unsigned text_line) {
  return text_line >= 1 && text_line <= m->num_lines && !m->lines[text_line - 1].marker &&
         m->lines[text_line - 1].file == m->main_file;
}

/* ---- the active macros at a point: a small open-addressing set ---- */

static unsigned long hash_name(const char *s) {
  unsigned long h = 5381;
  while (*s)
    h = h * 33 + (unsigned char)*s++;
  return h;
}

/* Moves the set to 'off' (forward from where it was, or anew). */
void macro_set_at(const PpMap *m, unsigned off, MacroSet *set) {
  if (!set->slots || off < set->off) {
    set->cap = 8192;
    while (set->cap < m->num_defs * 2)
      set->cap *= 2;
    free(set->slots);
    set->slots = xrealloc(NULL, set->cap * sizeof *set->slots);
    memset(set->slots, 0, set->cap * sizeof *set->slots);
    set->next = 0;
  }
  for (; set->next < m->num_defs && m->defs[set->next].off < off; set->next++) {
    const PpDef *d = &m->defs[set->next];
    size_t k = hash_name(d->name) & (set->cap - 1);
    while (set->slots[k] && strcmp(set->slots[k]->name, d->name) != 0)
      k = (k + 1) & (set->cap - 1);
    set->slots[k] = d; /* the latest #define or #undef of the name */
  }
  set->off = off;
}

const PpDef *macro_set_find(const MacroSet *set, const char *name, size_t n) {
  unsigned long h = 5381;
  for (size_t i = 0; i < n; i++)
    h = h * 33 + (unsigned char)name[i];
  size_t k = h & (set->cap - 1);
  while (set->slots[k]) {
    const PpDef *d = set->slots[k];
    if (strlen(d->name) == n && memcmp(d->name, name, n) == 0)
      return d->undef ? NULL : d;
    k = (k + 1) & (set->cap - 1);
  }
  return NULL;
}

void macro_set_free(MacroSet *set) {
  free(set->slots);
  set->slots = NULL;
}

/* ---- a user file's text, for carets and for the output ---- */

const Source *pp_file_text(PpMap *m, unsigned file) {
  PpFile *f = &m->files[file];
  if (f->loaded)
    return f->text.text ? &f->text : NULL;
  f->loaded = true;
  StrBuf sb = {0};
  if (!sb_read_file(&sb, f->name))
    return NULL;
  /* A lone CR ends a line for the preprocessor (old Mac line endings), so
   * it does here too: the line numbers of its markers are then ours, and
   * the output, written from this text, has the lines the backend saw. */
  for (size_t i = 0; i < sb.len; i++)
    if (sb.data[i] == '\r' && (i + 1 == sb.len || sb.data[i + 1] != '\n'))
      sb.data[i] = '\n';
  f->text.size = (unsigned)sb.len;
  f->text.path = f->name;
  f->text.text = sb_take(&sb);
  source_index_lines(&f->text);
  return &f->text;
}

void pp_map_free(PpMap *m) {
  for (size_t i = 0; i < m->num_files; i++) {
    free(m->files[i].name);
    free(m->files[i].quoted);
    free((char *)m->files[i].text.text);
    free(m->files[i].text.line_start);
  }
  for (size_t i = 0; i < m->num_defs; i++)
    free(m->defs[i].name);
  free(m->files), free(m->defs), free(m->lines), free(m->raw);
  *m = (PpMap){0};
}

static enum CXChildVisitResult mark_definition(CXCursor c, CXCursor parent, CXClientData d) {
  (void)parent;
  Lowering *L = d;
  if (clang_getCursorKind(c) != CXCursor_FunctionDecl || !clang_isCursorDefinition(c))
    return CXChildVisit_Continue;
  unsigned first, last;
  if (!decl_lines(L, c, &first, &last))
    return CXChildVisit_Continue;
  for (unsigned l = first; l <= last; l++)
    L->pp.lines[l - 1].lowerable = !L->pp.lines[l - 1].marker && !L->pp.lines[l - 1].directive;
  return CXChildVisit_Continue;
}

void pp_mark_definitions(Lowering *L) {
  clang_visitChildren(clang_getTranslationUnitCursor(L->tu), mark_definition, L);
}
