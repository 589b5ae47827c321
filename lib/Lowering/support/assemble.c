/* The lowered file: the .ac file's own text, except where it was lowered.
 *
 * The lowering edits the preprocessed text, but the output keeps the user's
 * file as written (its #includes, #defines, plain functions, comments), so
 * that the backend compiles plain C exactly as it would compile it without
 * asyncc, and -S output reads like the user's code.  Each top-level
 * declaration with an edit (an async function, a function that spawns, ...)
 * is replaced, on the lines the user wrote it, by its lowered preprocessed
 * text.  Three things keep that text meaning what it meant:
 *   - a macro defined at that point whose name the text uses would expand
 *     again: it is set aside around the text (#pragma push_macro/pop_macro);
 *   - the #define/#undef lines inside the declaration are already applied to
 *     its text: they follow it, so later code sees them;
 *   - the conditional directives on its lines follow it too, so every #if of
 *     the file still pairs with its #endif (the text sits in the branch that
 *     was taken: the one its first line is in). */
#include "support/support.h"

#include <stdlib.h>
#include <string.h>

typedef struct Group {
  unsigned first, last;     /* text lines */
  unsigned a_first, a_last; /* the .ac lines they replace */
  bool dirty;
} Group;

typedef struct Units {
  Lowering *L;
  Group *v;
  size_t n, cap;
} Units;

static void add_unit(Units *u, unsigned first, unsigned last) {
  if (u->n == u->cap) {
    u->cap = u->cap ? u->cap * 2 : 64;
    u->v = xrealloc(u->v, u->cap * sizeof *u->v);
  }
  u->v[u->n++] = (Group){.first = first, .last = last};
}

static enum CXChildVisitResult visit_top(CXCursor c, CXCursor parent, CXClientData d) {
  (void)parent;
  Units *u = d;
  unsigned first, last;
  if (decl_lines(u->L, c, &first, &last))
    add_unit(u, first, last);
  return CXChildVisit_Continue;
}

static int cmp_group(const void *pa, const void *pb) {
  const Group *a = pa, *b = pb;
  return a->first < b->first ? -1 : a->first > b->first;
}

static void merge(Units *u) {
  if (u->n) /* qsort wants a non-null base */
    qsort(u->v, u->n, sizeof *u->v, cmp_group);
  size_t k = 0;
  for (size_t i = 0; i < u->n; i++) {
    if (k && u->v[i].first <= u->v[k - 1].last) {
      if (u->v[i].last > u->v[k - 1].last)
        u->v[k - 1].last = u->v[i].last;
    } else {
      u->v[k++] = u->v[i];
    }
  }
  u->n = k;
}

static unsigned line_end(const Source *s, unsigned line) { /* past its '\n' */
  return line < s->num_lines ? s->line_start[line] : s->size;
}

/* Per .ac line: does it hold a token, is it a directive, a conditional one. */
typedef struct LineKind {
  bool token, directive, conditional;
} LineKind;

static LineKind *classify_lines(const Source *a) {
  LineKind *k = xrealloc(NULL, (a->num_lines + 1) * sizeof *k);
  memset(k, 0, (a->num_lines + 1) * sizeof *k);
  bool comment = false, continued = false, cont_cond = false;
  for (unsigned l = 1; l <= a->num_lines; l++) {
    const char *t = a->text;
    unsigned i = a->line_start[l - 1], e = line_end(a, l);
    bool first = true;
    if (continued) { /* a directive's continuation line */
      k[l].directive = k[l].token = true;
      k[l].conditional = cont_cond;
    }
    for (; i < e && t[i] != '\n'; i++) {
      if (comment) {
        if (t[i] == '*' && i + 1 < e && t[i + 1] == '/')
          comment = false, i++;
      } else if (t[i] == '/' && i + 1 < e && t[i + 1] == '*') {
        comment = true, i++;
      } else if (t[i] == '/' && i + 1 < e && t[i + 1] == '/') {
        break;
      } else if (t[i] == '"' || t[i] == '\'') {
        char q = t[i];
        for (i++; i < e && t[i] != q && t[i] != '\n'; i++)
          i += t[i] == '\\';
        k[l].token = true, first = false;
      } else if (t[i] != ' ' && t[i] != '\t' && t[i] != '\r' && t[i] != '\f' && t[i] != '\v' &&
                 !(t[i] == '\\' && i + 1 < e && t[i + 1] == '\n')) {
        if (first && !continued && t[i] == '#') {
          k[l].directive = true;
          unsigned j = i + 1;
          while (j < e && (t[j] == ' ' || t[j] == '\t'))
            j++;
          static const char *const cond[] = {"if", "ifdef", "ifndef", "elif", "elifdef",
                                              "elifndef", "else", "endif"};
          for (size_t c = 0; c < sizeof cond / sizeof *cond; c++) {
            size_t n = strlen(cond[c]);
            if (j + n <= e && memcmp(t + j, cond[c], n) == 0 &&
                (j + n == e || !is_ident_char(t[j + n])))
              k[l].conditional = true;
          }
        }
        k[l].token = true, first = false;
      }
    }
    unsigned last = e;
    while (last > a->line_start[l - 1] && (t[last - 1] == '\n' || t[last - 1] == '\r'))
      last--;
    bool cont = last > a->line_start[l - 1] && t[last - 1] == '\\';
    if (k[l].directive && cont && !continued)
      cont_cond = k[l].conditional;
    continued = k[l].directive && cont;
  }
  return k;
}

/* ---- writing, with #line where the mapping breaks ---- */

typedef struct Writer {
  Lowering *L;
  StrBuf out;
  bool lines;
  bool at_line_start;
  unsigned file;     /* the file the next line maps to (UINT_MAX: the output) */
  unsigned expected; /* its line, 0 = unknown */
  unsigned written;
  bool system;       /* the writer is in a system-header span (a GNU marker) */
  bool markers;      /* such spans may be marked (not under -pedantic) */
  char *c_path;
  StrBuf *deferred;  /* #define/#undef lines of the group being written */
  MacroSet macros;   /* the macros defined where the group being written is */
} Writer;

static char *quote_path(const char *p) {
  StrBuf sb = {0};
  sb_puts(&sb, "\"");
  for (; *p; p++) {
    if (*p == '"' || *p == '\\')
      sb_puts(&sb, "\\");
    sb_putn(&sb, p, 1);
  }
  sb_puts(&sb, "\"");
  return sb_take(&sb);
}

enum { TO_OUTPUT = ~0u };

/* A file's name as a C string literal, made once. */
static const char *quoted(Lowering *L, unsigned file) {
  PpFile *f = &L->pp.files[file];
  if (!f->quoted)
    f->quoted = quote_path(f->name);
  return f->quoted;
}

/* Text whose lines map to (file, line) from its first one on ('line' 0:
 * every line to that one line, as generated code is). */
static void put_sys(Writer *w, const char *s, size_t n, unsigned file, unsigned line,
                    bool same_line, bool system);

/* A GNU line marker: the next line is 'line' of 'file', of a system header
 * or not (the only way back out of one). */
static void line_marker(Writer *w, unsigned file, unsigned line, bool system) {
  sb_printf(&w->out, "# %u %s%s\n", line, quoted(w->L, file), system ? " 3 4" : "");
  w->written++;
  w->expected = line;
  w->file = file;
  w->system = system;
}

static void put(Writer *w, const char *s, size_t n, unsigned file, unsigned line, bool same_line) {
  put_sys(w, s, n, file, line, same_line, false);
}

/* 'system': what a system header's macro wrote.  The backend warns about
 * nothing in a system header, and gcc -E marks such tokens so: the same
 * GNU line marker keeps the backend as quiet about the expanded text as it
 * is about the macro (a uthash loop's fallthrough, a glibc macro's
 * comparison).  ISO C has no such marker: under -pedantic there is none. */
static void put_sys(Writer *w, const char *s, size_t n, unsigned file, unsigned line,
                    bool same_line, bool system) {
  system &= w->markers && file != TO_OUTPUT;
  for (size_t i = 0; i < n; i++) {
    if (w->at_line_start && w->lines && file != TO_OUTPUT && system != w->system)
      line_marker(w, file, line, system);
    if (w->at_line_start && w->lines) {
      if (file == TO_OUTPUT && (w->file != TO_OUTPUT || w->expected != w->written + 1)) {
        sb_printf(&w->out, "#line %u %s\n", w->written + 2, w->c_path);
        w->written++;
        w->expected = w->written + 1;
        w->file = TO_OUTPUT;
      } else if (file != TO_OUTPUT && (w->file != file || w->expected != line) &&
                 !(same_line && s[i] == '\n')) { /* a blank line of generated text needs none */
        sb_printf(&w->out, "#line %u %s\n", line, quoted(w->L, file));
        w->written++;
        w->expected = line;
        w->file = file;
      }
    }
    w->at_line_start = false;
    const char *nl = memchr(s + i, '\n', n - i);
    size_t end = nl ? (size_t)(nl - s) + 1 : n; /* the rest of the line, at once */
    sb_putn(&w->out, s + i, end - i);
    i = end - 1;
    if (nl) {
      w->at_line_start = true;
      w->expected++;
      w->written++;
      if (!same_line)
        line++;
    }
  }
}

static void newline(Writer *w) {
  if (!w->at_line_start)
    put(w, "\n", 1, TO_OUTPUT, 0, true);
}

/* A piece of the lowered group: text lines map through the line markers;
 * marker lines are dropped (the writer's #line says the same), #define and
 * #undef lines are set aside for after the group. */
static void group_piece(void *arg, const char *s, size_t n, unsigned off, const Edit *from) {
  Writer *w = arg;
  Lowering *L = w->L;
  if (from) {
    /* generated code maps to the C file if it is kept (-S), else to the
     * .ac line it was inserted at (a poll's dispatch to the header's, its
     * tail to the closing brace's): a debugger must not step into a
     * temporary file that is gone */
    const PpLine *pl = &L->pp.lines[from->line - 1];
    if (pl->marker || (from->to_output && !L->opt->temporary_output))
      put(w, s, n, TO_OUTPUT, 0, true);
    else
      put(w, s, n, pl->file, pl->line, true);
    return;
  }
  for (size_t i = 0; i < n;) {
    unsigned tl = text_line(&L->src, off + (unsigned)i);
    const PpLine *pl = &L->pp.lines[tl - 1];
    size_t e = i;
    while (e < n && s[e] != '\n')
      e++;
    if (e < n)
      e++;
    if (pl->directive) {
      sb_putn(w->deferred, L->pp.raw + off + i, e - i);
    } else if (!pl->marker) {
      put_sys(w, s + i, e - i, pl->file, pl->line, false, pl->system);
    }
    i = e;
  }
}

/* Before the file's first line: only what the lowering inserted there. */
static void head_piece(void *arg, const char *s, size_t n, unsigned off, const Edit *from) {
  (void)off;
  if (from)
    put(arg, s, n, TO_OUTPUT, 0, true);
}

static bool starts_with(const char *s, size_t n, const char *p) {
  size_t m = strlen(p);
  return n >= m && memcmp(s, p, m) == 0;
}

/* The names the text uses that a macro defined at 'at' would expand:
 * `#pragma push_macro` lines into 'push', the matching pops into 'pop'. */
static void protect_names(Lowering *L, MacroSet *set, unsigned at, unsigned end, StrBuf *push,
                          StrBuf *pop) {
  macro_set_at(&L->pp, at, set);
  const char *text = L->src.text + at, *stop = L->src.text + end;
  const char **seen = NULL;
  size_t num_seen = 0;
  for (const char *p = text; p < stop && *p;) {
    if (*p == '"' || *p == '\'') {
      char q = *p++;
      while (p < stop && *p && *p != q && *p != '\n')
        p += p[0] == '\\' && p[1] ? 2 : 1;
      if (*p)
        p++;
      continue;
    }
    if (*p == '#' && (p == text || p[-1] == '\n')) { /* #line, #pragma */
      while (p < stop && *p != '\n')
        p++;
      continue;
    }
    if (!is_ident_char(*p) || (p > text && is_ident_char(p[-1]))) {
      p++;
      continue;
    }
    const char *b = p;
    while (is_ident_char(*p))
      p++;
    size_t n = (size_t)(p - b);
    if ((*b >= '0' && *b <= '9') || starts_with(b, n, "ac_") || starts_with(b, n, "AC_"))
      continue; /* asyncc's own names are meant to expand */
    const PpDef *d = macro_set_find(set, b, n);
    if (!d)
      continue;
    const char *q = p;
    while (*q == ' ' || *q == '\t' || *q == '\n')
      q++;
    if (d->fnlike && *q != '(')
      continue;
    /* `#define stdin stdin` expands to itself */
    const char *body = L->pp.raw + d->off + 8 + n;
    while (*body == ' ')
      body++;
    if (!d->fnlike && (size_t)(L->pp.raw + d->end - body) == n && memcmp(body, b, n) == 0)
      continue;
    bool dup = false;
    for (size_t i = 0; i < num_seen && !dup; i++)
      dup = seen[i] == d->name;
    if (dup)
      continue;
    seen = xrealloc(seen, (num_seen + 1) * sizeof *seen);
    seen[num_seen++] = d->name;
    sb_printf(push, "#pragma push_macro(\"%s\")\n#undef %s\n", d->name, d->name);
    sb_printf(pop, "#pragma pop_macro(\"%s\")\n", d->name);
  }
  free(seen);
}

static void write_group(Writer *w, const Group *g, const Source *a, const LineKind *kinds) {
  Lowering *L = w->L;
  StrBuf deferred = {0};
  unsigned b = L->src.line_start[g->first - 1], e = line_end(&L->src, g->last);
  if (e > b && L->src.text[e - 1] == '\n')
    e--; /* an insertion at the next line's start belongs to the next group */
  /* the names the user's text of the group uses (the lowering's own code
   * means its macros, offsetof or NULL, to expand) */
  StrBuf push = {0}, pop = {0};
  protect_names(L, &w->macros, b, e, &push, &pop);
  newline(w);
  char *ps = sb_take(&push);
  put(w, ps, strlen(ps), TO_OUTPUT, 0, true);
  /* rewrite the group with the writer's own line count (#line of the output) */
  w->deferred = &deferred;
  walk_edits(L, b, e, group_piece, w);
  newline(w);
  if (w->system)
    line_marker(w, L->pp.main_file, g->a_last, false);
  char *pp = sb_take(&pop);
  put(w, pp, strlen(pp), TO_OUTPUT, 0, true);
  char *defs = sb_take(&deferred);
  put(w, defs, strlen(defs), TO_OUTPUT, 0, true);
  newline(w);
  for (unsigned l = g->a_first; l <= g->a_last; l++)
    if (kinds[l].conditional)
      put(w, a->text + a->line_start[l - 1], line_end(a, l) - a->line_start[l - 1],
          L->pp.main_file, l, false);
  newline(w);
  free(ps);
  free(pp);
  free(defs);
}

/* The last .ac line of a group: up to the line before the next text that
 * has a line of its own, less trailing blank, comment and directive lines
 * (what is left are the lines of a macro use that spans several). */
static unsigned group_a_last(Lowering *L, const Group *g, const LineKind *kinds, unsigned a_lines) {
  PpMap *m = &L->pp;
  unsigned last_main = g->first;
  for (unsigned l = g->first; l <= g->last; l++)
    if (pp_line_in_main(m, l))
      last_main = l;
  unsigned a = m->lines[last_main - 1].line, next = a_lines + 1;
  for (unsigned l = g->last + 1; l <= m->num_lines; l++) {
    if (!pp_line_in_main(m, l) && !m->lines[l - 1].marker) {
      continue;
    }
    if (m->lines[l - 1].marker)
      continue;
    unsigned b = L->src.line_start[l - 1], e = line_end(&L->src, l);
    bool blank = true;
    for (unsigned i = b; i < e && blank; i++)
      blank = L->src.text[i] == ' ' || L->src.text[i] == '\n' || L->src.text[i] == '\t';
    if (!blank || m->lines[l - 1].directive) {
      next = m->lines[l - 1].line;
      break;
    }
  }
  unsigned end = next > a ? next - 1 : a;
  if (end > a_lines)
    end = a_lines;
  while (end > a && (!kinds[end].token || kinds[end].directive))
    end--;
  return end;
}

char *assemble_output(Lowering *L, const char *preamble) {
  const Source *a = pp_file_text(&L->pp, L->pp.main_file);
  if (!a) {
    diag_at(L, DIAG_ERROR, 0, "cannot read the file");
    return NULL;
  }
  Units u = {.L = L};
  clang_visitChildren(clang_getTranslationUnitCursor(L->tu), visit_top, &u);
  /* edits outside any declaration (none expected) get a group of their line */
  merge(&u);
  LineKind *kinds = classify_lines(a);
  for (size_t i = 0; i < u.n; i++) {
    Group *g = &u.v[i];
    g->dirty = edits_in(L, L->src.line_start[g->first - 1], line_end(&L->src, g->last) - 1);
    g->a_first = L->pp.lines[g->first - 1].line;
    g->a_last = group_a_last(L, g, kinds, a->num_lines);
  }
  bool pedantic = false;
  for (int i = 0; i < L->opt->num_backend; i++)
    pedantic |= strstr(L->opt->backend[i], "pedantic") || strstr(L->opt->backend[i], "-Wgnu") ||
                strstr(L->opt->backend[i], "-Weverything");
  Writer w = {.L = L, .lines = L->opt->line_directives, .at_line_start = true, .markers = !pedantic,
              .c_path = quote_path(L->opt->output_name ? L->opt->output_name : "lowered.c")};
  sb_puts(&w.out, preamble);
  for (const char *p = preamble; *p; p++)
    w.written += *p == '\n';
  w.file = TO_OUTPUT;
  w.expected = w.written + 1;
  /* what the lowering puts before everything (declarations of types) */
  unsigned first_main = 0;
  while (first_main < L->src.num_lines && !pp_line_in_main(&L->pp, first_main + 1))
    first_main++;
  if (first_main)
    walk_edits(L, 0, L->src.line_start[first_main] - 1, head_piece, &w);
  size_t gi = 0;
  for (unsigned l = 1; l <= a->num_lines; l++) {
    while (gi < u.n && (!u.v[gi].dirty || u.v[gi].a_first < l))
      gi++;
    if (gi < u.n && u.v[gi].a_first == l) {
      write_group(&w, &u.v[gi], a, kinds);
      l = u.v[gi].a_last;
      gi++;
      continue;
    }
    unsigned b = a->line_start[l - 1], e = line_end(a, l);
    if (l == 1 && e - b >= 3 && memcmp(a->text, "\xEF\xBB\xBF", 3) == 0)
      b += 3; /* a UTF-8 byte-order mark */
    put(&w, a->text + b, e - b, L->pp.main_file, l, false);
  }
  newline(&w);
  macro_set_free(&w.macros);
  free(kinds);
  free(u.v);
  free(w.c_path);
  return sb_take(&w.out);
}
