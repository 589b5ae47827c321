/* The main file's text: offsets, lines, and how clang's locations map to it. */
#define _GNU_SOURCE /* memmem */
#include "support/support.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

void source_index_lines(Source *src) {
  const char *t = src->text, *end = t + src->size, *nl;
  unsigned n = 1;
  for (const char *p = t; (nl = memchr(p, '\n', (size_t)(end - p))); p = nl + 1)
    n++;
  src->line_start = xrealloc(NULL, sizeof(unsigned) * (n + 1));
  src->num_lines = 0;
  src->line_start[src->num_lines++] = 0;
  for (const char *p = t; (nl = memchr(p, '\n', (size_t)(end - p))); p = nl + 1)
    src->line_start[src->num_lines++] = (unsigned)(nl + 1 - t);
}

unsigned text_line(const Source *src, unsigned off) {
  unsigned lo = 0, hi = src->num_lines; /* last line_start <= off */
  while (hi - lo > 1) {
    unsigned mid = (lo + hi) / 2;
    if (src->line_start[mid] <= off)
      lo = mid;
    else
      hi = mid;
  }
  return lo + 1;
}

unsigned source_line(const Source *src, unsigned off) {
  unsigned l = text_line(src, off);
  return src->pp ? src->pp->lines[l - 1].line : l;
}

unsigned source_col(const Source *src, unsigned off) {
  if (src->pp)
    return user_loc(src->pp, src, off).col;
  return off - src->line_start[text_line(src, off) - 1] + 1;
}

unsigned skip_space(const Source *src, unsigned off) {
  const char *t = src->text;
  while (off < src->size) {
    if (t[off] == ' ' || t[off] == '\t' || t[off] == '\n' || t[off] == '\r' || t[off] == '\f' ||
        t[off] == '\v') {
      off++;
    } else if (t[off] == '#' && src->pp && (off == 0 || t[off - 1] == '\n')) {
      while (off < src->size && t[off] != '\n') /* a line marker of the preprocessed text */
        off++;
    } else if (t[off] == '\\' && off + 1 < src->size && t[off + 1] == '\n') {
      off += 2;
    } else if (t[off] == '/' && off + 1 < src->size && t[off + 1] == '/') {
      while (off < src->size && t[off] != '\n')
        off++;
    } else if (t[off] == '/' && off + 1 < src->size && t[off + 1] == '*') {
      const char *e = strstr(t + off + 2, "*/");
      off = e ? (unsigned)(e - t) + 2 : src->size;
    } else {
      break;
    }
  }
  return off;
}

bool is_ident_char(char c) {
  return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool text_is_word(const Source *src, unsigned off, const char *word) {
  size_t n = strlen(word);
  if (off + n > src->size || memcmp(src->text + off, word, n) != 0)
    return false;
  return off + n == src->size || !is_ident_char(src->text[off + n]);
}

bool loc_in_main(Lowering *L, CXSourceLocation loc) {
  CXFile f;
  unsigned off;
  clang_getExpansionLocation(loc, &f, NULL, NULL, &off);
  return f && clang_File_isEqual(f, L->src.file) && off <= L->src.size &&
         pp_line_in_main(&L->pp, text_line(&L->src, off));
}

unsigned loc_user_file(Lowering *L, CXSourceLocation loc) {
  CXFile f;
  unsigned off;
  clang_getExpansionLocation(loc, &f, NULL, NULL, &off);
  if (!f || !clang_File_isEqual(f, L->src.file) || off > L->src.size)
    return ~0u;
  const PpLine *pl = &L->pp.lines[text_line(&L->src, off) - 1];
  return pl->file;
}

bool loc_in_macro(CXSourceLocation loc) {
  CXFile ef, sf;
  unsigned eo, so;
  clang_getExpansionLocation(loc, &ef, NULL, NULL, &eo);
  clang_getSpellingLocation(loc, &sf, NULL, NULL, &so);
  return eo != so || !clang_File_isEqual(ef, sf);
}

/* In the preprocessed text, on a line the lowering may edit: the .ac file's
 * own, or what a file included inside one of its functions wrote. */
bool loc_offset(Lowering *L, CXSourceLocation loc, unsigned *off) {
  CXFile f;
  clang_getFileLocation(loc, &f, NULL, NULL, off);
  if (!f || !clang_File_isEqual(f, L->src.file) || *off > L->src.size)
    return false;
  unsigned l = text_line(&L->src, *off < L->src.size ? *off : L->src.size);
  return l <= L->pp.num_lines && L->pp.lines[l - 1].lowerable;
}

/* An expression that ends with a macro (`NULL`, `MAX(a, b)`) written in
 * another macro's argument (`ac_timeout(5, f(NULL))`): libclang maps its end
 * to where that macro's name starts.  The end is past the name and, for a
 * function-like macro, past its parenthesised arguments. */
static unsigned end_of_macro_use(const Source *src, unsigned off) {
  while (off < src->size && is_ident_char(src->text[off]))
    off++;
  unsigned p = skip_space(src, off);
  if (p >= src->size || src->text[p] != '(')
    return off;
  int depth = 0;
  for (; p < src->size; p++) {
    char ch = src->text[p];
    if (ch == '"' || ch == '\'') { /* a literal: skip to its closing quote */
      for (p++; p < src->size && src->text[p] != ch; p++)
        p += src->text[p] == '\\';
    } else if (ch == '(') {
      depth++;
    } else if (ch == ')' && --depth == 0) {
      return p + 1;
    }
  }
  return off;
}

/* `await E` inside a macro's argument (gcc's atomic builtins are macros in
 * clang's parse, asyncc/forms.h): its first token comes from the await
 * macro, which libclang places at the outer macro's use.  The word `await`
 * is where the file has it: just before E. */
static bool await_begin(Lowering *L, CXCursor c, unsigned *begin) {
  if (clang_getCursorKind(c) != CXCursor_UnaryOperator ||
      clang_getCursorUnaryOperatorKind(c) != CXUnaryOperator_Extension)
    return false;
  Children ch;
  children_of(c, &ch);
  Range op;
  bool ok = ch.n == 1 && cursor_range(L, ch.p[0], &op);
  children_free(&ch);
  if (!ok)
    return false;
  unsigned p = op.begin;
  while (p > 0 && (L->src.text[p - 1] == ' ' || L->src.text[p - 1] == '\t' ||
                   L->src.text[p - 1] == '\n'))
    p--;
  if (p < 5 || memcmp(L->src.text + p - 5, "await", 5) != 0 ||
      (p > 5 && is_ident_char(L->src.text[p - 6])))
    return false;
  *begin = p - 5;
  return true;
}

/* Written by a macro of asyncc/gcc_compat.h (its cast around an atomic
 * builtin's pointer): not text of the file, though libclang places it at
 * the macro's use.  The builtin's call itself (and what it begins) is. */
static bool from_gcc_compat(Lowering *L, CXSourceLocation loc) {
  CXFile f;
  unsigned off;
  clang_getSpellingLocation(loc, &f, NULL, NULL, &off);
  if (!f || !clang_File_isEqual(f, L->pp.gcc_compat))
    return false;
  size_t size = 0;
  const char *t = clang_getFileContents(L->tu, f, &size);
  return !(t && off + 9 <= size && memcmp(t + off, "__atomic_", 9) == 0);
}

static bool cursor_range_uncached(Lowering *L, CXCursor c, Range *r) {
  CXSourceRange ext = clang_getCursorExtent(c);
  CXSourceLocation b = clang_getRangeStart(ext), e = clang_getRangeEnd(ext);
  if (L->pp.gcc_compat && from_gcc_compat(L, b))
    return false;
  if (!loc_offset(L, e, &r->end) ||
      (!loc_offset(L, b, &r->begin) && !await_begin(L, c, &r->begin)))
    return false;
  const Source *src = &L->src;
  if (r->end < src->size && loc_in_macro(e) && is_ident_char(src->text[r->end]) &&
      (r->end == 0 || !is_ident_char(src->text[r->end - 1])))
    r->end = end_of_macro_use(src, r->end);
  return r->begin <= r->end;
}

/* Memoized: the analysis and the lowering ask for the range of most
 * cursors several times, and each answer takes a dozen libclang calls.  A
 * cursor is a value (kind and data): equal bytes, the same node.  (Only
 * ranges are kept: on failure *r is left as the computation leaves it.) */
static size_t cursor_hash(const CXCursor *c) {
  uint64_t h = (uint64_t)(uintptr_t)c->data[1] ^ (uint64_t)(uintptr_t)c->data[0] << 7 ^
               (uint64_t)c->kind << 40 ^ (uint64_t)(unsigned)c->xdata << 50;
  h = (h ^ h >> 33) * 0xFF51AFD7ED558CCDu; /* murmur3's finalizer */
  h = (h ^ h >> 33) * 0xC4CEB9FE1A85EC53u;
  return (size_t)(h ^ h >> 33);
}

static size_t memo_slot(const RangeMemo *m, const CXCursor *c) {
  size_t k = cursor_hash(c) & (m->cap - 1);
  while (m->used[k] && memcmp(&m->cursors[k], c, sizeof *c) != 0)
    k = (k + 1) & (m->cap - 1);
  return k;
}

static void memo_grow(RangeMemo *m) {
  RangeMemo big = {.cap = m->cap ? 2 * m->cap : 4096, .n = m->n};
  big.cursors = xrealloc(NULL, big.cap * sizeof *big.cursors);
  big.ranges = xrealloc(NULL, big.cap * sizeof *big.ranges);
  big.used = memset(xrealloc(NULL, big.cap), 0, big.cap);
  for (size_t i = 0; i < m->cap; i++) {
    if (!m->used[i])
      continue;
    size_t k = memo_slot(&big, &m->cursors[i]);
    big.cursors[k] = m->cursors[i];
    big.ranges[k] = m->ranges[i];
    big.used[k] = 1;
  }
  range_memo_free(m);
  *m = big;
}

void range_memo_free(RangeMemo *m) {
  free(m->cursors), free(m->ranges), free(m->used);
  *m = (RangeMemo){0};
}

bool cursor_range(Lowering *L, CXCursor c, Range *r) {
  RangeMemo *m = &L->ranges;
  if (2 * (m->n + 1) > m->cap)
    memo_grow(m);
  size_t k = memo_slot(m, &c);
  if (m->used[k]) {
    *r = m->ranges[k];
    return true;
  }
  if (!cursor_range_uncached(L, c, r))
    return false;
  m->cursors[k] = c;
  m->ranges[k] = *r;
  m->used[k] = 1;
  m->n++;
  return true;
}

CXToken *main_file_tokens(Lowering *L, const char *const *words, unsigned *n) {
  const Source *src = &L->src;
  CXToken *all = NULL;
  *n = 0;
  for (unsigned l = 1; l <= src->num_lines;) {
    if (!pp_line_in_main(&L->pp, l)) {
      l++;
      continue;
    }
    unsigned first = l;
    while (l <= src->num_lines && (pp_line_in_main(&L->pp, l) || L->pp.lines[l - 1].marker))
      l++;
    unsigned b = src->line_start[first - 1];
    unsigned e = l <= src->num_lines ? src->line_start[l - 1] : src->size;
    bool mentioned = false;
    for (const char *const *w = words; *w && !mentioned; w++)
      mentioned = memmem(src->text + b, e - b, *w, strlen(*w)) != NULL;
    if (!mentioned)
      continue;
    CXToken *toks = NULL;
    unsigned k = 0;
    clang_tokenize(L->tu,
                   clang_getRange(clang_getLocationForOffset(L->tu, src->file, b),
                                  clang_getLocationForOffset(L->tu, src->file, e)),
                   &toks, &k);
    all = xrealloc(all, (*n + k + 1) * sizeof *all);
    memcpy(all + *n, toks, k * sizeof *toks); /* tokens are values: valid with the TU */
    *n += k;
    clang_disposeTokens(L->tu, toks, k);
  }
  return all;
}

bool decl_lines(Lowering *L, CXCursor c, unsigned *first, unsigned *last) {
  CXSourceRange ext = clang_getCursorExtent(c);
  CXFile fb, fe;
  unsigned b, e;
  clang_getFileLocation(clang_getRangeStart(ext), &fb, NULL, NULL, &b);
  clang_getFileLocation(clang_getRangeEnd(ext), &fe, NULL, NULL, &e);
  if (!fb || !clang_File_isEqual(fb, L->src.file) || !fe || b > e || e > L->src.size)
    return false;
  *first = text_line(&L->src, b);
  *last = text_line(&L->src, e);
  return pp_line_in_main(&L->pp, *first);
}
