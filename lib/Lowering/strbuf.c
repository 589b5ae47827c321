/* Growable strings and the allocation helpers the lowering uses. */
#include "lower.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void *xrealloc(void *p, size_t n) {
  p = realloc(p, n ? n : 1);
  if (!p) {
    fputs("asyncc: out of memory\n", stderr);
    exit(2);
  }
  return p;
}

void sb_putn(StrBuf *sb, const char *s, size_t n) {
  if (sb->len + n + 1 > sb->cap) {
    sb->cap = (sb->len + n + 1) * 2;
    sb->data = xrealloc(sb->data, sb->cap);
  }
  memcpy(sb->data + sb->len, s, n);
  sb->len += n;
  sb->data[sb->len] = 0;
}

void sb_puts(StrBuf *sb, const char *s) { sb_putn(sb, s, strlen(s)); }

void sb_printf(StrBuf *sb, const char *fmt, ...) {
  va_list ap, ap2;
  va_start(ap, fmt);
  va_copy(ap2, ap);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (sb->len + n + 1 > sb->cap) {
    sb->cap = (sb->len + n + 1) * 2;
    sb->data = xrealloc(sb->data, sb->cap);
  }
  vsnprintf(sb->data + sb->len, n + 1, fmt, ap2);
  va_end(ap2);
  sb->len += n;
}

char *sb_take(StrBuf *sb) {
  char *s = sb->data ? sb->data : xstrdup("");
  sb->data = NULL;
  sb->len = sb->cap = 0;
  return s;
}

char *xstrdup(const char *s) {
  size_t n = strlen(s) + 1;
  return memcpy(xrealloc(NULL, n), s, n);
}

char *xasprintf(const char *fmt, ...) {
  StrBuf sb = {0};
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  sb.data = xrealloc(NULL, n + 1);
  sb.cap = n + 1;
  va_start(ap, fmt);
  vsnprintf(sb.data, n + 1, fmt, ap);
  va_end(ap);
  return sb.data;
}

/* A struct or union with a const member cannot be assigned, but a frame
 * must still take its value: copy its bytes (src is an lvalue). */
char *copy_text(const char *dst, const char *src, bool is_record) {
  if (!is_record)
    return xasprintf("%s = %s", dst, src);
  return xasprintf("__builtin_memcpy((void *)&%s, &(%s), sizeof %s)", dst, src, dst);
}
