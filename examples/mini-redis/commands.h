/* The key-space commands of mini-redis, synchronous: each runs under the
 * db lock and writes its reply.  Connection and pub/sub commands are the
 * connection task's (mini-redis.ac). */
#ifndef MINI_REDIS_COMMANDS_H
#define MINI_REDIS_COMMANDS_H

#include "db.h"
#include "resp.h"

#include <stdint.h>

/* Runs c if it is a key-space command: 1 with the reply in out (and
 * *earlier_deadline set when a key got the earliest deadline, so that the
 * purge task must look again), or 0 if c is not one of them. */
int run_db_command(struct db *db, const struct command *c, uint64_t now, struct outbuf *out,
                   int *earlier_deadline);

/* Case-insensitive: whether argument i of c is 'word'. */
int arg_is(const struct command *c, size_t i, const char *word);
/* redis's replies to a wrong call */
void reply_arity(struct outbuf *out, const struct command *c);
void reply_unknown(struct outbuf *out, const struct command *c);

#endif
