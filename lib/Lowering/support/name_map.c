/* A map from names to pointers (open addressing): for the lookups the
 * lowering makes per cursor, where a linear search of n names made n^2. */
#include "support/support.h"

#include <stdlib.h>
#include <string.h>

static size_t hash_of(const char *s) {
  size_t h = 5381;
  while (*s)
    h = h * 33 + (unsigned char)*s++;
  return h;
}

void *name_map_get(const NameMap *m, const char *name) {
  if (!m->cap)
    return NULL;
  for (size_t k = hash_of(name) & (m->cap - 1); m->keys[k]; k = (k + 1) & (m->cap - 1))
    if (strcmp(m->keys[k], name) == 0)
      return m->vals[k];
  return NULL;
}

void name_map_put(NameMap *m, const char *name, void *val) {
  if (2 * (m->n + 1) > m->cap) { /* grow: rehash into twice the slots */
    NameMap big = {.cap = m->cap ? 2 * m->cap : 64};
    big.keys = memset(xrealloc(NULL, big.cap * sizeof *big.keys), 0, big.cap * sizeof *big.keys);
    big.vals = xrealloc(NULL, big.cap * sizeof *big.vals);
    for (size_t k = 0; k < m->cap; k++)
      if (m->keys[k])
        name_map_put(&big, m->keys[k], m->vals[k]);
    name_map_free(m);
    *m = big;
  }
  size_t k = hash_of(name) & (m->cap - 1);
  while (m->keys[k] && strcmp(m->keys[k], name) != 0)
    k = (k + 1) & (m->cap - 1);
  m->n += !m->keys[k];
  m->keys[k] = name;
  m->vals[k] = val;
}

void name_map_free(NameMap *m) {
  free(m->keys);
  free(m->vals);
  *m = (NameMap){0};
}
