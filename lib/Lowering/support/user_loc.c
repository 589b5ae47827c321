/* Where the user wrote a point of the preprocessed text.
 *
 * The line comes from the line markers.  The column does not survive `-E`
 * (white space is folded, comments become a space, a macro's expansion
 * replaces its use), so it is found by matching tokens: the n-th `x` of the
 * preprocessed line is the n-th `x` of the source line when both lines have
 * as many.  A token with no such match came from a macro's expansion: it is
 * placed at the macro's name, with the macro's definition for an "expanded
 * from macro" note, as clang reports it. */
#include "support/support.h"

#include <stdlib.h>
#include <string.h>

typedef struct Tok {
  unsigned b, e;
} Tok;

/* The tokens of text[b, e): identifiers and numbers, literals, and single
 * punctuation characters (enough to tell tokens apart, not to parse C).
 * Comments of the source are skipped; *in_comment carries a block comment
 * over lines. */
static size_t lex(const char *t, unsigned b, unsigned e, Tok *out, size_t max, bool *in_comment) {
  size_t n = 0;
  unsigned i = b;
  while (i < e && n < max) {
    if (*in_comment) {
      if (t[i] == '*' && i + 1 < e && t[i + 1] == '/') {
        *in_comment = false;
        i++;
      }
      i++;
    } else if (t[i] == '/' && i + 1 < e && t[i + 1] == '*') {
      *in_comment = true;
      i += 2;
    } else if (t[i] == '/' && i + 1 < e && t[i + 1] == '/') {
      break;
    } else if (is_ident_char(t[i])) {
      unsigned s = i;
      while (i < e && (is_ident_char(t[i]) || t[i] == '.'))
        i++;
      if (i < e && (t[i] == '"' || t[i] == '\'') && i - s <= 2) /* u8"..", L'x' */
        continue;
      out[n++] = (Tok){s, i};
    } else if (t[i] == '"' || t[i] == '\'') {
      unsigned s = i;
      char q = t[i++];
      while (i < e && t[i] != q)
        i += t[i] == '\\' ? 2 : 1;
      i = i < e ? i + 1 : e;
      out[n++] = (Tok){s, i};
    } else if (t[i] == ' ' || t[i] == '\t' || t[i] == '\r' || t[i] == '\f' || t[i] == '\v' ||
               t[i] == '\\') {
      i++;
    } else {
      out[n++] = (Tok){i, i + 1};
      i++;
    }
  }
  return n;
}

static bool same(const char *a, Tok x, const char *b, Tok y) {
  return x.e - x.b == y.e - y.b && memcmp(a + x.b, b + y.b, x.e - x.b) == 0;
}

enum { MAX_TOKS = 4096 };

UserLoc user_loc(PpMap *m, const Source *src, unsigned off) {
  UserLoc u = {.file = m->main_file, .line = 1, .col = 1};
  if (off > src->size)
    off = src->size;
  unsigned tl = text_line(src, off);
  const PpLine *pl = &m->lines[tl - 1];
  u.file = pl->file;
  u.line = pl->line;
  const Source *us = pp_file_text(m, pl->file);
  if (!us || pl->line > us->num_lines)
    return u;
  /* the source lines this text line came from: up to the next line's */
  unsigned last = pl->line;
  for (unsigned k = tl; k < m->num_lines && k < tl + 64; k++) {
    const PpLine *q = &m->lines[k];
    if (q->marker)
      continue;
    if (q->file == pl->file && q->line > pl->line)
      last = q->line - 1;
    break;
  }
  if (last > us->num_lines)
    last = us->num_lines;
  if (last > pl->line + 32)
    last = pl->line;
  /* the text lines of this source line: a system header's macro expands on
   * lines of its own, between line markers */
  unsigned first = tl, lastl = tl;
  for (unsigned k = tl - 1; k >= 1; k--) {
    const PpLine *q = &m->lines[k - 1];
    if (q->marker)
      continue;
    if (q->file != pl->file || q->line != pl->line)
      break;
    first = k;
  }
  for (unsigned k = tl + 1; k <= m->num_lines; k++) {
    const PpLine *q = &m->lines[k - 1];
    if (q->marker)
      continue;
    if (q->file != pl->file || q->line != pl->line)
      break;
    lastl = k;
  }
  unsigned tb = src->line_start[tl - 1];
  unsigned ub = us->line_start[pl->line - 1];
  unsigned ue = last < us->num_lines ? us->line_start[last] : us->size;
  static Tok tt[MAX_TOKS], ut[MAX_TOKS];
  bool c1 = false, c2 = false;
  size_t nt = 0;
  for (unsigned k = first; k <= lastl; k++) {
    if (m->lines[k - 1].marker)
      continue;
    unsigned b = src->line_start[k - 1], e = b;
    while (e < src->size && src->text[e] != '\n')
      e++;
    nt += lex(src->text, b, e, tt + nt, MAX_TOKS - nt, &c1);
  }
  size_t nu = lex(us->text, ub, ue, ut, MAX_TOKS, &c2);
  size_t at = 0; /* the token at off */
  while (at + 1 < nt && tt[at + 1].b <= off)
    at++;
  if (nt == 0 || off < tt[0].b) {
    u.col = off - tb + 1 > 0 ? off - tb + 1 : 1;
    return u;
  }
  /* the longest common subsequence of the two token lines: a token of the
   * text matched to one of the source is where the user wrote it */
  size_t lo = 0, hi = nu; /* the source tokens between the matches around it */
  if (nt * nu <= 1u << 20) {
    unsigned short *dp = xrealloc(NULL, (nt + 1) * (nu + 1) * sizeof *dp);
#define DP(i, j) dp[(i) * (nu + 1) + (j)]
    for (size_t i = nt + 1; i-- > 0;)
      for (size_t j = nu + 1; j-- > 0;)
        DP(i, j) = i == nt || j == nu ? 0
                   : same(src->text, tt[i], us->text, ut[j]) ? DP(i + 1, j + 1) + 1
                   : DP(i + 1, j) > DP(i, j + 1) ? DP(i + 1, j) : DP(i, j + 1);
    size_t i = 0, j = 0;
    long match = -1;
    while (i < nt && j < nu) {
      if (same(src->text, tt[i], us->text, ut[j]) && DP(i, j) == DP(i + 1, j + 1) + 1) {
        if (i == at)
          match = (long)j;
        if (i < at)
          lo = j + 1;
        if (i > at && hi == nu)
          hi = j;
        i++, j++;
      } else if (DP(i + 1, j) >= DP(i, j + 1)) {
        i++;
      } else {
        j++;
      }
    }
#undef DP
    free(dp);
    if (match >= 0) {
      unsigned p = ut[match].b;
      u.line = text_line(us, p);
      u.col = p - us->line_start[u.line - 1] + 1;
      return u;
    }
  }
  /* from a macro's expansion: the macro used between the matches around it */
  MacroSet set = {0};
  macro_set_at(m, tb, &set);
  for (size_t i = lo; i < hi && i < nu; i++) {
    if (!is_ident_char(us->text[ut[i].b]))
      continue;
    const PpDef *d = macro_set_find(&set, us->text + ut[i].b, ut[i].e - ut[i].b);
    if (d) {
      u.macro = d;
      u.line = text_line(us, ut[i].b);
      u.col = ut[i].b - us->line_start[u.line - 1] + 1;
      break;
    }
  }
  macro_set_free(&set);
  if (!u.macro)
    u.col = 1;
  return u;
}

/* Where in a macro's definition the token at 'off' (of its expansion) is
 * spelled: the definition's file, line and column. */
UserLoc user_loc_in_macro(PpMap *m, const Source *src, const PpDef *d, unsigned off) {
  const PpLine *pl = &m->lines[d->text_line - 1];
  UserLoc u = {.file = pl->file, .line = pl->line, .col = 1};
  const Source *us = pp_file_text(m, pl->file);
  if (!us || pl->line > us->num_lines)
    return u;
  unsigned ub = us->line_start[pl->line - 1], ue = ub;
  while (ue < us->size && us->text[ue] != '\n')
    ue++;
  /* the token's spelling, searched in the definition after the name */
  unsigned b = off, e = off;
  while (e < src->size && is_ident_char(src->text[e]))
    e++;
  if (e == b)
    e = b + 1;
  const char *name = strstr(us->text + ub, d->name);
  unsigned from = name && (unsigned)(name - us->text) < ue ? (unsigned)(name - us->text) : ub;
  u.col = from - ub + 1;
  for (unsigned i = from + (unsigned)strlen(d->name); i + (e - b) <= ue; i++)
    if (memcmp(us->text + i, src->text + b, e - b) == 0 &&
        (i == 0 || !is_ident_char(us->text[i - 1]) || !is_ident_char(src->text[b])) &&
        (i + (e - b) >= ue || !is_ident_char(us->text[i + (e - b)]) ||
         !is_ident_char(src->text[e - 1]))) {
      u.col = i - ub + 1;
      break;
    }
  return u;
}
