/* Text edits on the main file and the final rewrite.
 *
 * The lowering never prints C from the AST: it registers edits on byte
 * ranges of the .ac text (replace a range, insert at a point) and renders.
 * Edits nest: an edit inside a range that another edit replaces was already
 * consumed when that edit's text was rendered, so it is skipped.  Several
 * insertions at one offset are ordered so that constructs nest: closing
 * text of deeper constructs first, then opening text of outer ones first,
 * then replacements. */
#include "support/support.h"

#include <stdlib.h>
#include <string.h>

static void add(Lowering *L, Edit e);

void edit_replace(Lowering *L, Range r, char *text) {
  add(L, (Edit){.begin = r.begin, .end = r.end, .kind = EDIT_REPLACE, .text = text});
}

void edit_insert(Lowering *L, unsigned at, EditKind kind, int depth, char *text) {
  add(L, (Edit){.begin = at, .end = at, .kind = kind, .depth = depth, .text = text});
}

static int cmp_edit(const void *pa, const void *pb) {
  const Edit *a = pa, *b = pb;
  if (a->begin != b->begin)
    return a->begin < b->begin ? -1 : 1;
  if (a->kind != b->kind)
    return a->kind < b->kind ? -1 : 1;
  if (a->kind == EDIT_CLOSE && a->depth != b->depth)
    return a->depth > b->depth ? -1 : 1;
  if (a->kind == EDIT_OPEN && a->depth != b->depth)
    return a->depth < b->depth ? -1 : 1;
  if (a->kind == EDIT_REPLACE && a->end != b->end)
    return a->end > b->end ? -1 : 1;
  /* same place: a later closing insertion is inner, so it comes first; a
   * later replacement of the same range was made by an outer construct and
   * overrides the earlier one */
  if (a->kind == EDIT_CLOSE || a->kind == EDIT_REPLACE)
    return a->seq > b->seq ? -1 : 1;
  return a->seq < b->seq ? -1 : 1;
}

enum { RECENT_MAX = 1024 };

/* Index of the first edit of a[0..n) with begin >= off. */
static size_t first_at(const Edit *a, size_t n, unsigned off) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (a[mid].begin < off)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

static void merge_recent(EditList *el) {
  if (el->n + el->num_recent > el->cap) {
    el->cap = (el->n + el->num_recent) * 2;
    el->v = xrealloc(el->v, el->cap * sizeof(Edit));
  }
  /* merge from the back, in place */
  size_t i = el->n, j = el->num_recent, k = el->n + el->num_recent;
  while (j > 0) {
    if (i > 0 && cmp_edit(&el->v[i - 1], &el->recent[j - 1]) > 0)
      el->v[--k] = el->v[--i];
    else
      el->v[--k] = el->recent[--j];
  }
  el->n += el->num_recent;
  el->num_recent = 0;
}

static void add(Lowering *L, Edit e) {
  EditList *el = &L->edits;
  e.seq = el->seq++;
  e.line = text_line(&L->src, e.begin);
  e.to_output = L->generating;
  if (!el->recent)
    el->recent = xrealloc(NULL, RECENT_MAX * sizeof(Edit));
  /* insert in order: after every edit that sorts before it */
  size_t lo = 0, hi = el->num_recent;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (cmp_edit(&el->recent[mid], &e) < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  memmove(el->recent + lo + 1, el->recent + lo, (el->num_recent - lo) * sizeof(Edit));
  el->recent[lo] = e;
  if (++el->num_recent == RECENT_MAX)
    merge_recent(el);
}

/* Visits the text of [b, e) as pieces of original text and edit texts. With
 * 'inner_only', insertions at the bounds belong to the enclosing statement
 * and are left out. */

static void walk(Lowering *L, unsigned b, unsigned e, bool inner_only, piece_fn fn, void *arg) {
  const EditList *el = &L->edits;
  unsigned cur = b;
  size_t i = first_at(el->v, el->n, b), j = first_at(el->recent, el->num_recent, b);
  for (;;) {
    /* the next edit in order, from either array */
    const Edit *ed;
    if (i < el->n && (j >= el->num_recent || cmp_edit(&el->v[i], &el->recent[j]) < 0))
      ed = &el->v[i++];
    else if (j < el->num_recent)
      ed = &el->recent[j++];
    else
      break;
    if (ed->begin > e)
      break;
    if (ed->end > e || ed->begin < cur)
      continue; /* crosses the bound, or consumed by an applied replacement */
    bool empty = ed->begin == ed->end;
    if (inner_only && empty && b != e) {
      /* insertions at the bounds belong to the enclosing statement, except
       * the wrapper of an expression that starts or ends at the bound */
      if (ed->kind == EDIT_WRAP_OPEN ? ed->begin == e
          : ed->kind == EDIT_WRAP_CLOSE ? ed->begin == b
          : (ed->begin == b || ed->begin == e))
        continue;
    }
    if (ed->begin > cur)
      fn(arg, L->src.text + cur, ed->begin - cur, cur, NULL);
    fn(arg, ed->text, strlen(ed->text), ed->begin, ed);
    cur = ed->end;
  }
  if (cur < e)
    fn(arg, L->src.text + cur, e - cur, cur, NULL);
}

static void append_piece(void *arg, const char *s, size_t n, unsigned off, const Edit *from) {
  (void)off;
  (void)from;
  sb_putn(arg, s, n);
}

char *render(Lowering *L, Range r) {
  StrBuf sb = {0};
  walk(L, r.begin, r.end, true, append_piece, &sb);
  return sb_take(&sb);
}

void walk_edits(Lowering *L, unsigned b, unsigned e, piece_fn fn, void *arg) {
  walk(L, b, e, false, fn, arg);
}

bool edits_in(Lowering *L, unsigned b, unsigned e) {
  const EditList *el = &L->edits;
  size_t i = first_at(el->v, el->n, b), j = first_at(el->recent, el->num_recent, b);
  return (i < el->n && el->v[i].begin <= e) || (j < el->num_recent && el->recent[j].begin <= e);
}
