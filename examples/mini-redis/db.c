/* The key space (db.h): chained hash table (power-of-two buckets, doubled
 * at load 1) and an indexed binary min-heap of deadlines. */
#include "db.h"

#include <stdlib.h>
#include <string.h>

/* Eight bytes per multiply (a byte-wise FNV-1a was 6 % of the server's CPU
 * at -P16: one dependent multiply per byte of a 16-byte key), then
 * splitmix64's finalizer, since the bucket is taken from the low bits. */
static uint64_t hash(const char *s, size_t n) {
  uint64_t h = 0x9e3779b97f4a7c15u ^ n, w;
  for (; n >= 8; s += 8, n -= 8) {
    memcpy(&w, s, 8);
    h = (h ^ w) * 0xbf58476d1ce4e5b9u;
    h ^= h >> 29;
  }
  w = 0;
  memcpy(&w, s, n);
  h = (h ^ w) * 0x94d049bb133111ebu;
  return h ^ (h >> 31);
}

int db_init(struct db *db) {
  memset(db, 0, sizeof *db);
  pthread_mutex_init(&db->lock, NULL);
  db->nbuckets = 1024;
  db->buckets = calloc(db->nbuckets, sizeof *db->buckets);
  return db->buckets ? 0 : -1;
}

static void entry_free(struct entry *e) {
  free(e->val);
  free(e);
}

void db_free(struct db *db) {
  db_flush(db);
  free(db->buckets);
  free(db->heap);
  pthread_mutex_destroy(&db->lock);
}

/* ---------------------------------------------------------------- heap */

static void heap_place(struct db *db, size_t i, struct entry *e) {
  db->heap[i] = e;
  e->heap_pos = i;
}

static void heap_up(struct db *db, size_t i) {
  struct entry *e = db->heap[i];
  while (i > 0 && db->heap[(i - 1) / 2]->expires_at > e->expires_at) {
    heap_place(db, i, db->heap[(i - 1) / 2]);
    i = (i - 1) / 2;
  }
  heap_place(db, i, e);
}

static void heap_down(struct db *db, size_t i) {
  struct entry *e = db->heap[i];
  for (;;) {
    size_t c = 2 * i + 1;
    if (c >= db->heap_len)
      break;
    if (c + 1 < db->heap_len && db->heap[c + 1]->expires_at < db->heap[c]->expires_at)
      c++;
    if (db->heap[c]->expires_at >= e->expires_at)
      break;
    heap_place(db, i, db->heap[c]);
    i = c;
  }
  heap_place(db, i, e);
}

static void heap_remove(struct db *db, struct entry *e) {
  size_t i = e->heap_pos;
  struct entry *last = db->heap[--db->heap_len];
  if (last != e) {
    heap_place(db, i, last);
    heap_up(db, i);
    heap_down(db, last->heap_pos);
  }
}

uint64_t db_next_expiry(const struct db *db) {
  return db->heap_len ? db->heap[0]->expires_at : 0;
}

int db_set_expiry(struct db *db, struct entry *e, uint64_t at) {
  if (e->expires_at)
    heap_remove(db, e);
  e->expires_at = at;
  if (!at)
    return 0;
  if (db->heap_len == db->heap_cap) {
    size_t cap = db->heap_cap ? 2 * db->heap_cap : 64;
    struct entry **h = realloc(db->heap, cap * sizeof *h);
    if (!h) { /* keep it without a deadline rather than fail the write */
      e->expires_at = 0;
      return 0;
    }
    db->heap = h;
    db->heap_cap = cap;
  }
  heap_place(db, db->heap_len++, e);
  heap_up(db, e->heap_pos);
  return e->heap_pos == 0;
}

/* --------------------------------------------------------------- table */

static struct entry **slot_of(struct db *db, const char *key, size_t len) {
  struct entry **p = &db->buckets[hash(key, len) & (db->nbuckets - 1)];
  while (*p && !((*p)->key_len == len && memcmp((*p)->key, key, len) == 0))
    p = &(*p)->next;
  return p;
}

static void unlink_entry(struct db *db, struct entry **p) {
  struct entry *e = *p;
  *p = e->next;
  if (e->expires_at)
    heap_remove(db, e);
  db->count--;
  entry_free(e);
}

struct entry *db_get(struct db *db, const char *key, size_t len, uint64_t now) {
  struct entry **p = slot_of(db, key, len);
  if (*p && (*p)->expires_at && (*p)->expires_at <= now) {
    unlink_entry(db, p);
    return NULL;
  }
  return *p;
}

static void grow(struct db *db) {
  size_t n = db->nbuckets * 2;
  struct entry **b = calloc(n, sizeof *b);
  if (!b)
    return; /* longer chains, still correct */
  for (size_t i = 0; i < db->nbuckets; i++)
    for (struct entry *e = db->buckets[i], *next; e; e = next) {
      next = e->next;
      struct entry **head = &b[hash(e->key, e->key_len) & (n - 1)];
      e->next = *head;
      *head = e;
    }
  free(db->buckets);
  db->buckets = b;
  db->nbuckets = n;
}

struct entry *db_upsert(struct db *db, const char *key, size_t len, uint64_t now) {
  struct entry *e = db_get(db, key, len, now);
  if (e)
    return e;
  if (db->count >= db->nbuckets)
    grow(db);
  e = calloc(1, sizeof *e + len);
  if (!e)
    return NULL;
  memcpy(e->key, key, len);
  e->key_len = len;
  struct entry **head = slot_of(db, key, len);
  e->next = *head;
  *head = e;
  db->count++;
  return e;
}

static int reserve(struct entry *e, size_t len) {
  if (len <= e->val_cap && e->val)
    return 0;
  size_t cap = len < 16 ? 16 : len;
  char *v = realloc(e->val, cap);
  if (!v)
    return -1;
  e->val = v;
  e->val_cap = cap;
  return 0;
}

int db_set_value(struct entry *e, const char *val, size_t len) {
  if (reserve(e, len))
    return -1;
  memcpy(e->val, val, len);
  e->val_len = len;
  return 0;
}

int db_append_value(struct entry *e, const char *val, size_t len) {
  if (e->val_len + len > e->val_cap && reserve(e, 2 * (e->val_len + len)))
    return -1;
  memcpy(e->val + e->val_len, val, len);
  e->val_len += len;
  return 0;
}

int db_delete(struct db *db, const char *key, size_t len, uint64_t now) {
  if (!db_get(db, key, len, now))
    return 0;
  unlink_entry(db, slot_of(db, key, len));
  return 1;
}

void db_flush(struct db *db) {
  for (size_t i = 0; i < db->nbuckets; i++)
    for (struct entry *e = db->buckets[i], *next; e; e = next) {
      next = e->next;
      entry_free(e);
    }
  if (db->buckets)
    memset(db->buckets, 0, db->nbuckets * sizeof *db->buckets);
  db->count = 0;
  db->heap_len = 0;
}

size_t db_purge_expired(struct db *db, uint64_t now) {
  size_t n = 0;
  while (db->heap_len && db->heap[0]->expires_at <= now) {
    struct entry *e = db->heap[0];
    unlink_entry(db, slot_of(db, e->key, e->key_len));
    n++;
  }
  return n;
}
