/* RESP2, the Redis protocol: parsing commands out of buffered bytes and
 * writing replies into an output buffer.  Plain C, no I/O: the connection
 * task (mini-redis.ac) feeds it what the socket gave. */
#ifndef MINI_REDIS_RESP_H
#define MINI_REDIS_RESP_H

#include <stddef.h>

enum {
  RESP_MAX_ARGS = 1024 * 1024,    /* redis: multibulk length limit */
  RESP_MAX_INLINE = 64 * 1024,    /* redis: inline request limit */
};

/* A parsed command: argv[i] (argl[i] bytes) point into the parsed buffer. */
struct command {
  size_t argc, cap;
  const char **argv;
  size_t *argl;
};

void command_free(struct command *c);

/* Parses the command at the start of buf[0, n): the bytes it takes (> 0)
 * with *c filled, 0 if buf holds only part of one, or -1 with *err set to
 * the protocol error (the connection is then closed, as redis does).
 * max_bulk bounds a bulk string's length.  An empty inline line parses as
 * a command of argc 0. */
long resp_parse(const char *buf, size_t n, size_t max_bulk, struct command *c,
                const char **err);

/* A growable output buffer; on out of memory it stops growing and sets
 * 'failed' (the connection is then closed). */
struct outbuf {
  char *data;
  size_t len, cap;
  int failed;
};

void out_free(struct outbuf *o);
void out_raw(struct outbuf *o, const char *s, size_t n);
void out_simple(struct outbuf *o, const char *s);           /* +s */
void out_error(struct outbuf *o, const char *fmt, ...)      /* -... */
    __attribute__((format(printf, 2, 3)));
void out_int(struct outbuf *o, long long v);                 /* :v */
void out_bulk(struct outbuf *o, const char *s, size_t n);    /* $n s */
void out_null(struct outbuf *o);                             /* $-1 */
void out_array(struct outbuf *o, size_t n);                  /* *n */

/* v in decimal into buf, which has room for LL_STR_MAX bytes: the
 * length (no NUL). */
enum { LL_STR_MAX = 20 }; /* "-9223372036854775808" */
size_t ll_to_str(char *buf, long long v);

/* redis's string2ll: a decimal integer with no sign but '-', no space, no
 * leading zero; 1 with *v, or 0. */
int parse_ll(const char *s, size_t n, long long *v);

#endif
