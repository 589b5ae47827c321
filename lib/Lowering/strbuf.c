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

/* One formatting pass when the text fits what is left (the lowering
 * formats hundreds of thousands of strings: two passes were a tenth of
 * its time), a second only after growing. */
static void sb_vprintf(StrBuf *sb, const char *fmt, va_list ap) {
  va_list ap2;
  va_copy(ap2, ap);
  if (sb->cap - sb->len < 256) {
    sb->cap = sb->len + 256 > sb->cap * 2 ? sb->len + 256 : sb->cap * 2;
    sb->data = xrealloc(sb->data, sb->cap);
  }
  size_t avail = sb->cap - sb->len;
  int n = vsnprintf(sb->data + sb->len, avail, fmt, ap);
  if ((size_t)n >= avail) {
    sb->cap = (sb->len + n + 1) * 2;
    sb->data = xrealloc(sb->data, sb->cap);
    vsnprintf(sb->data + sb->len, n + 1, fmt, ap2);
  }
  va_end(ap2);
  sb->len += n;
}

void sb_printf(StrBuf *sb, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  sb_vprintf(sb, fmt, ap);
  va_end(ap);
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
  sb_vprintf(&sb, fmt, ap);
  va_end(ap);
  return sb_take(&sb);
}

/* A struct or union with a const member cannot be assigned, but a frame
 * must still take its value: copy its bytes (src is an lvalue). */
char *copy_text(const char *dst, const char *src, bool is_record) {
  if (!is_record)
    return xasprintf("%s = %s", dst, src);
  /* (const void *): a volatile struct is copied too */
  return xasprintf("__builtin_memcpy((void *)&%s, (const void *)&(%s), sizeof %s)", dst, src, dst);
}

char *result_at(CXType t, const char *type, const char *addr) {
  if (clang_Type_getAlignOf(t) <= 1) /* not packed (emit.c): no alignment to lose */
    return xasprintf("*(__typeof__(%s) *)(%s)", type, addr);
  return xasprintf("((struct { __typeof__(%s) v __attribute__((packed)); } *)(%s))->v", type, addr);
}

void sb_indented(StrBuf *sb, const char *text, int n) {
  while (*text) {
    const char *eol = strchr(text, '\n');
    size_t len = eol ? (size_t)(eol - text + 1) : strlen(text);
    sb_printf(sb, "%*s%.*s", n, "", (int)len, text);
    text += len;
  }
}
