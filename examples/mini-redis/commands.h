/* The key-space commands of mini-redis, synchronous: each runs under the
 * db lock and writes its reply.  Connection and pub/sub commands are the
 * connection task's (mini-redis.ac). */
#ifndef MINI_REDIS_COMMANDS_H
#define MINI_REDIS_COMMANDS_H

#include "db.h"
#include "resp.h"

#include <stdint.h>

struct db_command;

/* The key-space command c names (case-insensitive, as redis), or NULL. */
const struct db_command *find_db_command(const struct command *c);

/* Runs c, which find_db_command found to be 'spec', with its reply in out
 * (and *earlier_deadline set when a key got the earliest deadline, so that
 * the purge task must look again). */
void run_db_command(struct db *db, const struct db_command *spec, const struct command *c,
                    uint64_t now, struct outbuf *out, int *earlier_deadline);

/* Case-insensitive: whether argument i of c is 'word'. */
int arg_is(const struct command *c, size_t i, const char *word);
/* redis's replies to a wrong call */
void reply_arity(struct outbuf *out, const struct command *c);
void reply_unknown(struct outbuf *out, const struct command *c);

#endif
