/* Switch cases with the same body, written once under all their labels.
 *
 * A function with thousands of awaits of the same callee has thousands of
 * drop (and trace) cases that all say `g__drop(&ac_f->ac_aw.g); break;`.
 * Written one body per case, gcc inlines and value-numbers each copy and
 * its FRE and PRE take time quadratic in their number (2,000 awaits: 10 s
 * for the trace switch alone); under one body with 2,000 labels, gcc turns
 * the labels into ranges of one jump.
 *
 * The text is the lowering's: lines `    case N:` (at indent 4), each run of
 * them followed by the body lines shared by those labels.  Groups keep
 * the order of their first label.  Every body must end with `break;`
 * (no fall through, so order does not matter); otherwise the cases are
 * returned as they are. */
#include "lower/lower.h"

#include <stdlib.h>
#include <string.h>

typedef struct CaseBlock {
  const char *labels, *body; /* into the text: labels end where body begins */
  size_t labels_len, body_len;
  size_t first; /* position of the block, for a stable order */
} CaseBlock;

static bool is_label_line(const char *p) { return strncmp(p, "    case ", 9) == 0; }

static const char *next_line(const char *p) {
  const char *eol = strchr(p, '\n');
  return eol ? eol + 1 : p + strlen(p);
}

static bool ends_with_break(const char *body, size_t len) {
  while (len > 0 && (body[len - 1] == '\n' || body[len - 1] == ' '))
    len--;
  return len >= 6 && strncmp(body + len - 6, "break;", 6) == 0;
}

static int cmp_body(const void *a, const void *b) {
  const CaseBlock *x = a, *y = b;
  if (x->body_len != y->body_len)
    return x->body_len < y->body_len ? -1 : 1;
  int c = memcmp(x->body, y->body, x->body_len);
  if (c)
    return c;
  return x->first < y->first ? -1 : x->first > y->first;
}

static int cmp_first(const void *a, const void *b) {
  const CaseBlock *x = *(CaseBlock *const *)a, *y = *(CaseBlock *const *)b;
  return x->first < y->first ? -1 : x->first > y->first;
}

static bool same_body(const CaseBlock *x, const CaseBlock *y) {
  return x->body_len == y->body_len && memcmp(x->body, y->body, x->body_len) == 0;
}

char *group_switch_cases(const char *cases) {
  CaseBlock *b = NULL;
  size_t n = 0;
  const char *p = cases;
  while (*p) {
    if (!is_label_line(p)) { /* text before the first label: not ours to reorder */
      free(b);
      return xstrdup(cases);
    }
    const char *labels = p;
    while (*p && is_label_line(p))
      p = next_line(p);
    const char *body = p;
    while (*p && !is_label_line(p))
      p = next_line(p);
    b = xrealloc(b, (n + 1) * sizeof *b);
    b[n] = (CaseBlock){labels, body, (size_t)(body - labels), (size_t)(p - body), n};
    if (!ends_with_break(body, b[n].body_len)) {
      free(b);
      return xstrdup(cases);
    }
    n++;
  }
  if (n)
    qsort(b, n, sizeof *b, cmp_body);
  CaseBlock **lead = xrealloc(NULL, (n + 1) * sizeof *lead);
  size_t *group_end = xrealloc(NULL, (n + 1) * sizeof *group_end);
  size_t num_groups = 0;
  for (size_t i = 0; i < n;) {
    size_t j = i + 1;
    while (j < n && same_body(&b[i], &b[j]))
      j++;
    lead[num_groups++] = &b[i]; /* the group's first block: sorted by body, then place */
    group_end[i] = j;
    i = j;
  }
  qsort(lead, num_groups, sizeof *lead, cmp_first);
  StrBuf sb = {0};
  for (size_t g = 0; g < num_groups; g++) {
    size_t i = (size_t)(lead[g] - b);
    for (size_t k = i; k < group_end[i]; k++)
      sb_putn(&sb, b[k].labels, b[k].labels_len);
    sb_putn(&sb, b[i].body, b[i].body_len);
  }
  free(lead), free(group_end), free(b);
  return sb_take(&sb);
}
