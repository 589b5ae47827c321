/* RESP2 parsing and replies (resp.h).  The errors are redis's own words,
 * so that a client sees the same replies from either server. */
#include "resp.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void command_free(struct command *c) {
  free(c->argv);
  free(c->argl);
  c->argv = NULL;
  c->argl = NULL;
  c->argc = c->cap = 0;
}

static int grow_args(struct command *c) {
  size_t cap = c->cap ? 2 * c->cap : 8;
  const char **v = realloc(c->argv, cap * sizeof *v);
  if (!v)
    return -1;
  c->argv = v;
  size_t *l = realloc(c->argl, cap * sizeof *l);
  if (!l)
    return -1;
  c->argl = l;
  c->cap = cap;
  return 0;
}

static inline int push_arg(struct command *c, const char *s, size_t n) {
  if (c->argc == c->cap && grow_args(c))
    return -1;
  c->argv[c->argc] = s;
  c->argl[c->argc++] = n;
  return 0;
}

int parse_ll(const char *s, size_t n, long long *v) {
  size_t i = 0;
  int neg = 0;
  unsigned long long acc = 0;
  if (n == 0 || n > 20)
    return 0;
  if (n == 1 && s[0] == '0') {
    *v = 0;
    return 1;
  }
  if (s[0] == '-') {
    neg = 1;
    if (++i == n)
      return 0;
  }
  if (s[i] < '1' || s[i] > '9')
    return 0;
  for (; i < n; i++) {
    if (s[i] < '0' || s[i] > '9')
      return 0;
    if (acc > (ULLONG_MAX - (unsigned)(s[i] - '0')) / 10)
      return 0;
    acc = acc * 10 + (unsigned)(s[i] - '0');
  }
  if (neg) {
    if (acc > (unsigned long long)LLONG_MAX + 1)
      return 0;
    *v = (long long)(0 - acc);
  } else {
    if (acc > LLONG_MAX)
      return 0;
    *v = (long long)acc;
  }
  return 1;
}

/* The line at buf[0, n) up to its "\r\n" (redis looks for the '\r'): its
 * length without them, or -1 if the buffer ends first. */
static long line_len(const char *buf, size_t n) {
  const char *cr = memchr(buf, '\r', n);
  if (!cr || (size_t)(cr - buf) + 2 > n)
    return -1;
  return (long)(cr - buf);
}

/* The common case of a count line: s[0, n) starts with a plain decimal
 * (no sign, no leading zero, at most 18 digits) followed by '\r' and one
 * more byte.  Its digit count with *v, in one pass; or 0 for anything
 * else, which line_len and parse_ll then decide (the same answer when both
 * apply: the first '\r' is the one after the digits). */
static size_t plain_count(const char *s, size_t n, long long *v) {
  size_t i = 0;
  long long acc = 0;
  if (n >= 3 && s[0] == '0' && s[1] == '\r') {
    *v = 0;
    return 1;
  }
  while (i < n && i < 18 && s[i] >= '0' && s[i] <= '9')
    acc = acc * 10 + (s[i++] - '0');
  if (i == 0 || s[0] == '0' || i + 2 > n || s[i] != '\r')
    return 0;
  *v = acc;
  return i;
}

/* The count line at s[0, n) (a type byte, a decimal, "\r\n"): its length
 * up to the '\r', or -1 if the buffer ends first; *ok says whether the
 * decimal parsed (into *v).  A plain count in one pass, anything else by
 * line_len and parse_ll. */
static long count_line(const char *s, size_t n, long long *v, bool *ok) {
  size_t digits = plain_count(s + 1, n - 1, v);
  if (digits) {
    *ok = true;
    return (long)digits + 1;
  }
  long ll = line_len(s, n);
  *ok = ll >= 0 && parse_ll(s + 1, (size_t)ll - 1, v);
  return ll;
}

static long parse_inline(const char *buf, size_t n, struct command *c, const char **err) {
  const char *nl = memchr(buf, '\n', n);
  if (!nl) {
    if (n > RESP_MAX_INLINE) {
      *err = "Protocol error: too big inline request";
      return -1;
    }
    return 0;
  }
  size_t end = (size_t)(nl - buf);
  size_t len = end > 0 && buf[end - 1] == '\r' ? end - 1 : end;
  for (size_t i = 0; i < len;) {
    while (i < len && (buf[i] == ' ' || buf[i] == '\t'))
      i++;
    size_t start = i;
    while (i < len && buf[i] != ' ' && buf[i] != '\t')
      i++;
    if (i > start && push_arg(c, buf + start, i - start)) {
      *err = "out of memory";
      return -1;
    }
  }
  return (long)end + 1;
}

long resp_parse(const char *buf, size_t n, size_t max_bulk, struct command *c,
                const char **err) {
  c->argc = 0;
  if (n == 0)
    return 0;
  if (buf[0] != '*')
    return parse_inline(buf, n, c, err);
  long long count;
  bool ok;
  long ll = count_line(buf, n, &count, &ok);
  if (ll < 0)
    return n > RESP_MAX_INLINE ? (*err = "Protocol error: too big mbulk count string", -1) : 0;
  if (!ok || count > RESP_MAX_ARGS) {
    *err = "Protocol error: invalid multibulk length";
    return -1;
  }
  size_t pos = (size_t)ll + 2;
  for (long long i = 0; i < count; i++) {
    if (pos >= n)
      return 0;
    long long blen;
    ll = count_line(buf + pos, n - pos, &blen, &ok);
    if (ll < 0)
      return n - pos > RESP_MAX_INLINE ? (*err = "Protocol error: too big bulk count string", -1) : 0;
    if (buf[pos] != '$') {
      static __thread char msg[64];
      snprintf(msg, sizeof msg, "Protocol error: expected '$', got '%c'", buf[pos]);
      *err = msg;
      return -1;
    }
    if (!ok || blen < 0 || (unsigned long long)blen > max_bulk) {
      *err = "Protocol error: invalid bulk length";
      return -1;
    }
    pos += (size_t)ll + 2;
    if (n - pos < (size_t)blen + 2)
      return 0;
    if (push_arg(c, buf + pos, (size_t)blen)) {
      *err = "out of memory";
      return -1;
    }
    pos += (size_t)blen + 2;
  }
  return (long)pos;
}

/* ------------------------------------------------------------- replies */

void out_free(struct outbuf *o) {
  free(o->data);
  o->data = NULL;
  o->len = o->cap = 0;
}

void out_raw(struct outbuf *o, const char *s, size_t n) {
  if (o->len + n > o->cap) {
    size_t cap = o->cap ? o->cap : 4096;
    while (cap < o->len + n)
      cap *= 2;
    char *d = realloc(o->data, cap);
    if (!d) {
      o->failed = 1;
      return;
    }
    o->data = d;
    o->cap = cap;
  }
  memcpy(o->data + o->len, s, n);
  o->len += n;
}

/* Backwards from the end, without snprintf (which was 3 % of the server's
 * CPU at -P16). */
size_t ll_to_str(char *buf, long long v) {
  char tmp[LL_STR_MAX];
  char *p = tmp + sizeof tmp;
  unsigned long long u = v < 0 ? 0 - (unsigned long long)v : (unsigned long long)v;
  do
    *--p = (char)('0' + u % 10);
  while (u /= 10);
  if (v < 0)
    *--p = '-';
  memcpy(buf, p, (size_t)(tmp + sizeof tmp - p));
  return (size_t)(tmp + sizeof tmp - p);
}

static void out_line(struct outbuf *o, char type, long long v) {
  char line[1 + LL_STR_MAX + 2];
  size_t n = 1 + ll_to_str(line + 1, v);
  line[0] = type;
  line[n++] = '\r';
  line[n++] = '\n';
  out_raw(o, line, n);
}

void out_simple(struct outbuf *o, const char *s) {
  out_raw(o, "+", 1);
  out_raw(o, s, strlen(s));
  out_raw(o, "\r\n", 2);
}

void out_error(struct outbuf *o, const char *fmt, ...) {
  char msg[512];
  va_list ap;
  va_start(ap, fmt);
  int k = vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  if (k < 0)
    return;
  size_t len = (size_t)k < sizeof msg ? (size_t)k : sizeof msg - 1;
  for (size_t i = 0; i < len; i++) /* an error is one line */
    if (msg[i] == '\r' || msg[i] == '\n')
      msg[i] = ' ';
  out_raw(o, "-", 1);
  out_raw(o, msg, len);
  out_raw(o, "\r\n", 2);
}

void out_int(struct outbuf *o, long long v) { out_line(o, ':', v); }
void out_array(struct outbuf *o, size_t n) { out_line(o, '*', (long long)n); }
void out_null(struct outbuf *o) { out_raw(o, "$-1\r\n", 5); }

void out_bulk(struct outbuf *o, const char *s, size_t n) {
  out_line(o, '$', (long long)n);
  out_raw(o, s, n);
  out_raw(o, "\r\n", 2);
}
