/* The key-space commands (commands.h), with redis's replies and errors. */
#include "commands.h"

#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

static char ascii_lower(char ch) {
  return ch >= 'A' && ch <= 'Z' ? (char)(ch | 0x20) : ch;
}

/* Case-insensitive in ASCII only, as redis, and without strncasecmp's
 * locale look-ups (this runs for every command). */
static int same_word(const char *a, const char *b, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (ascii_lower(a[i]) != ascii_lower(b[i]))
      return 0;
  return 1;
}

int arg_is(const struct command *c, size_t i, const char *word) {
  return i < c->argc && c->argl[i] == strlen(word) && same_word(c->argv[i], word, c->argl[i]);
}

/* The command's name in lower case, for error messages. */
static const char *name_lower(const struct command *c, char *buf, size_t size) {
  size_t n = c->argl[0] < size - 1 ? c->argl[0] : size - 1;
  for (size_t i = 0; i < n; i++)
    buf[i] = (char)tolower((unsigned char)c->argv[0][i]);
  buf[n] = 0;
  return buf;
}

void reply_arity(struct outbuf *out, const struct command *c) {
  char name[64];
  out_error(out, "ERR wrong number of arguments for '%s' command",
            name_lower(c, name, sizeof name));
}

void reply_unknown(struct outbuf *out, const struct command *c) {
  char args[256] = "";
  size_t used = 0;
  for (size_t i = 1; i < c->argc && used < 128; i++) {
    int k = snprintf(args + used, sizeof args - used, "'%.*s' ",
                     (int)(c->argl[i] < 128 ? c->argl[i] : 128), c->argv[i]);
    if (k < 0 || (size_t)k >= sizeof args - used)
      break;
    used += (size_t)k;
  }
  out_error(out, "ERR unknown command '%.*s', with args beginning with: %s",
            (int)(c->argl[0] < 128 ? c->argl[0] : 128), c->argv[0], args);
}

static const char NOT_INT[] = "ERR value is not an integer or out of range";

static void cmd_get(struct db *db, const struct command *c, uint64_t now, struct outbuf *out) {
  struct entry *e = db_get(db, c->argv[1], c->argl[1], now);
  if (e)
    out_bulk(out, e->val, e->val_len);
  else
    out_null(out);
}

/* SET key value [NX|XX] [EX seconds|PX milliseconds] */
static int cmd_set(struct db *db, const struct command *c, uint64_t now, struct outbuf *out) {
  int nx = 0, xx = 0;
  long long ttl_ms = -1;
  for (size_t i = 3; i < c->argc; i++) {
    if (arg_is(c, i, "NX") && !xx) {
      nx = 1;
    } else if (arg_is(c, i, "XX") && !nx) {
      xx = 1;
    } else if ((arg_is(c, i, "EX") || arg_is(c, i, "PX")) && ttl_ms < 0 && i + 1 < c->argc) {
      long long v;
      int seconds = arg_is(c, i, "EX");
      i++;
      if (!parse_ll(c->argv[i], c->argl[i], &v)) {
        out_error(out, NOT_INT);
        return 0;
      }
      if (v <= 0 || (seconds && v > LLONG_MAX / 1000)) {
        out_error(out, "ERR invalid expire time in 'set' command");
        return 0;
      }
      ttl_ms = seconds ? v * 1000 : v;
    } else {
      out_error(out, "ERR syntax error");
      return 0;
    }
  }
  struct entry *e = db_get(db, c->argv[1], c->argl[1], now);
  if ((nx && e) || (xx && !e)) {
    out_null(out);
    return 0;
  }
  e = db_upsert(db, c->argv[1], c->argl[1], now);
  if (!e || db_set_value(e, c->argv[2], c->argl[2])) {
    out_error(out, "OOM command not allowed when used memory > 'maxmemory'.");
    return 0;
  }
  out_simple(out, "OK");
  return db_set_expiry(db, e, ttl_ms < 0 ? 0 : now + (uint64_t)ttl_ms);
}

static void cmd_incrby(struct db *db, const struct command *c, long long by, uint64_t now,
                       struct outbuf *out) {
  long long v = 0;
  struct entry *e = db_get(db, c->argv[1], c->argl[1], now);
  if (e && !parse_ll(e->val, e->val_len, &v)) {
    out_error(out, NOT_INT);
    return;
  }
  if ((by > 0 && v > LLONG_MAX - by) || (by < 0 && v < LLONG_MIN - by)) {
    out_error(out, "ERR increment or decrement would overflow");
    return;
  }
  v += by;
  char tmp[LL_STR_MAX];
  size_t k = ll_to_str(tmp, v);
  if (!e)
    e = db_upsert(db, c->argv[1], c->argl[1], now);
  if (!e || db_set_value(e, tmp, k)) {
    out_error(out, "OOM command not allowed when used memory > 'maxmemory'.");
    return;
  }
  out_int(out, v);
}

static int cmd_expire(struct db *db, const struct command *c, uint64_t now, struct outbuf *out) {
  long long s;
  if (!parse_ll(c->argv[2], c->argl[2], &s) || s > LLONG_MAX / 1000 || s < LLONG_MIN / 1000) {
    out_error(out, NOT_INT);
    return 0;
  }
  struct entry *e = db_get(db, c->argv[1], c->argl[1], now);
  if (!e) {
    out_int(out, 0);
    return 0;
  }
  out_int(out, 1);
  if (s <= 0) { /* a deadline in the past deletes the key */
    db_delete(db, c->argv[1], c->argl[1], now);
    return 0;
  }
  return db_set_expiry(db, e, now + (uint64_t)s * 1000);
}

static void cmd_ttl(struct db *db, const struct command *c, uint64_t now, struct outbuf *out) {
  struct entry *e = db_get(db, c->argv[1], c->argl[1], now);
  if (!e)
    out_int(out, -2);
  else if (!e->expires_at)
    out_int(out, -1);
  else
    out_int(out, (long long)((e->expires_at - now + 500) / 1000));
}

enum db_op { GET, SET, DEL, EXISTS, INCR, DECR, INCRBY, DECRBY, MGET, MSET, APPEND, STRLEN,
             EXPIRE, TTL, DBSIZE, FLUSHALL };

/* name, its length, arity (as redis: n exact, -n at least n) */
struct db_command {
  const char *name;
  size_t len;
  int arity;
  enum db_op op;
};

#define DB_COMMAND(name, arity, op) {name, sizeof name - 1, arity, op}
static const struct db_command DB_COMMANDS[] = {
    DB_COMMAND("get", 2, GET),         DB_COMMAND("set", -3, SET),
    DB_COMMAND("del", -2, DEL),        DB_COMMAND("exists", -2, EXISTS),
    DB_COMMAND("incr", 2, INCR),       DB_COMMAND("decr", 2, DECR),
    DB_COMMAND("incrby", 3, INCRBY),   DB_COMMAND("decrby", 3, DECRBY),
    DB_COMMAND("mget", -2, MGET),      DB_COMMAND("mset", -3, MSET),
    DB_COMMAND("append", 3, APPEND),   DB_COMMAND("strlen", 2, STRLEN),
    DB_COMMAND("expire", 3, EXPIRE),   DB_COMMAND("ttl", 2, TTL),
    DB_COMMAND("dbsize", 1, DBSIZE),   DB_COMMAND("flushall", -1, FLUSHALL),
};

/* The length is compared first: most names are skipped without a
 * string comparison (this runs once per command). */
const struct db_command *find_db_command(const struct command *c) {
  for (size_t i = 0; i < sizeof DB_COMMANDS / sizeof *DB_COMMANDS; i++)
    if (c->argl[0] == DB_COMMANDS[i].len &&
        same_word(c->argv[0], DB_COMMANDS[i].name, DB_COMMANDS[i].len))
      return &DB_COMMANDS[i];
  return NULL;
}

void run_db_command(struct db *db, const struct db_command *s, const struct command *c,
                    uint64_t now, struct outbuf *out, int *earlier_deadline) {
  if (s->arity > 0 ? c->argc != (size_t)s->arity : c->argc < (size_t)-s->arity) {
    reply_arity(out, c);
    return;
  }
  *earlier_deadline = 0;
  long long by, k = 0;
  struct entry *e;
  switch (s->op) {
  case GET:
    cmd_get(db, c, now, out);
    break;
  case SET:
    *earlier_deadline = cmd_set(db, c, now, out);
    break;
  case DEL:
  case EXISTS:
    for (size_t i = 1; i < c->argc; i++)
      k += s->op == DEL ? db_delete(db, c->argv[i], c->argl[i], now)
                        : db_get(db, c->argv[i], c->argl[i], now) != NULL;
    out_int(out, k);
    break;
  case INCR:
  case DECR:
    cmd_incrby(db, c, s->op == INCR ? 1 : -1, now, out);
    break;
  case INCRBY:
  case DECRBY:
    if (!parse_ll(c->argv[2], c->argl[2], &by) || (s->op == DECRBY && by == LLONG_MIN))
      out_error(out, NOT_INT);
    else
      cmd_incrby(db, c, s->op == INCRBY ? by : -by, now, out);
    break;
  case MGET:
    out_array(out, c->argc - 1);
    for (size_t i = 1; i < c->argc; i++) {
      if ((e = db_get(db, c->argv[i], c->argl[i], now)))
        out_bulk(out, e->val, e->val_len);
      else
        out_null(out);
    }
    break;
  case MSET:
    if (c->argc % 2 == 0) {
      reply_arity(out, c);
      break;
    }
    for (size_t i = 1; i < c->argc; i += 2) {
      e = db_upsert(db, c->argv[i], c->argl[i], now);
      if (e && !db_set_value(e, c->argv[i + 1], c->argl[i + 1]))
        db_set_expiry(db, e, 0);
    }
    out_simple(out, "OK");
    break;
  case APPEND:
    e = db_upsert(db, c->argv[1], c->argl[1], now);
    if (!e || db_append_value(e, c->argv[2], c->argl[2]))
      out_error(out, "OOM command not allowed when used memory > 'maxmemory'.");
    else
      out_int(out, (long long)e->val_len);
    break;
  case STRLEN:
    e = db_get(db, c->argv[1], c->argl[1], now);
    out_int(out, e ? (long long)e->val_len : 0);
    break;
  case EXPIRE:
    *earlier_deadline = cmd_expire(db, c, now, out);
    break;
  case TTL:
    cmd_ttl(db, c, now, out);
    break;
  case DBSIZE:
    out_int(out, (long long)db->count);
    break;
  case FLUSHALL: /* [ASYNC|SYNC] */
    if (c->argc > 2 || (c->argc == 2 && !arg_is(c, 1, "ASYNC") && !arg_is(c, 1, "SYNC"))) {
      out_error(out, "ERR syntax error");
      break;
    }
    db_flush(db);
    out_simple(out, "OK");
    break;
  }
}
