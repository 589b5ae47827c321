/* The key space of mini-redis: byte-string keys and values, each with an
 * optional deadline, in a hash table, the deadlines in a min-heap so that
 * the purge task knows the next one.  Plain C; callers hold db.lock around
 * every call (the connections may run on several worker threads). */
#ifndef MINI_REDIS_DB_H
#define MINI_REDIS_DB_H

#include <pthread.h>
#include <stddef.h>
#include <stdint.h>

struct entry {
  struct entry *next; /* hash chain */
  uint64_t expires_at; /* ms on ac_now_ms()'s clock, 0: never */
  size_t heap_pos;     /* in db.heap while expires_at != 0 */
  size_t key_len, val_len, val_cap;
  char *val;
  char key[];
};

struct db {
  pthread_mutex_t lock;
  struct entry **buckets;
  size_t nbuckets, count;
  struct entry **heap; /* entries with a deadline, earliest first */
  size_t heap_len, heap_cap;
};

int db_init(struct db *db);
void db_free(struct db *db);
/* The live entry of key (an expired one is deleted and not found). */
struct entry *db_get(struct db *db, const char *key, size_t len, uint64_t now);
/* The entry of key, created empty (no deadline) if absent; NULL: no memory. */
struct entry *db_upsert(struct db *db, const char *key, size_t len, uint64_t now);
/* Replaces the value: 0, or -1 out of memory. */
int db_set_value(struct entry *e, const char *val, size_t len);
int db_append_value(struct entry *e, const char *val, size_t len);
/* Sets (0: clears) the deadline; returns whether it became earlier than
 * every other, so the purge task must be told. */
int db_set_expiry(struct db *db, struct entry *e, uint64_t at);
int db_delete(struct db *db, const char *key, size_t len, uint64_t now);
void db_flush(struct db *db);
/* Deletes every entry whose deadline is <= now: how many. */
size_t db_purge_expired(struct db *db, uint64_t now);
/* The earliest deadline, 0 if none. */
uint64_t db_next_expiry(const struct db *db);

#endif
