/* Growable strings and the allocation helpers the lowering uses. */
#include "support/support.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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

/* Decimal digits of v, with a '-' if negative. */
static void sb_put_int(StrBuf *sb, bool negative, unsigned long long v) {
  char buf[24], *p = buf + sizeof buf;
  do
    *--p = (char)('0' + v % 10);
  while (v /= 10);
  if (negative)
    *--p = '-';
  sb_putn(sb, p, (size_t)(buf + sizeof buf - p));
}

/* The lowering formats hundreds of thousands of strings, nearly all of
 * them text with %s, %d, %u, %zu and %.*s: those are put directly (glibc's
 * vsnprintf costs over a thousand instructions a call).  False, with
 * nothing put, for any other format. */
static bool sb_simple_format(StrBuf *sb, const char *fmt, va_list ap) {
  for (const char *p = fmt; (p = strchr(p, '%'));) {
    if (p[1] == 's' || p[1] == 'd' || p[1] == 'u')
      p += 2;
    else if (p[1] == 'z' && p[2] == 'u')
      p += 3;
    else if (p[1] == '.' && p[2] == '*' && p[3] == 's')
      p += 4;
    else
      return false;
  }
  for (const char *p = fmt; *p;) {
    const char *pc = strchr(p, '%');
    if (!pc) {
      sb_puts(sb, p);
      break;
    }
    sb_putn(sb, p, (size_t)(pc - p));
    if (pc[1] == 's') {
      const char *s = va_arg(ap, const char *);
      sb_puts(sb, s ? s : "(null)"); /* as glibc prints it */
    } else if (pc[1] == 'd') {
      int v = va_arg(ap, int);
      sb_put_int(sb, v < 0, v < 0 ? -(unsigned long long)v : (unsigned long long)v);
    } else if (pc[1] == 'u') {
      sb_put_int(sb, false, va_arg(ap, unsigned));
    } else if (pc[1] == 'z') {
      sb_put_int(sb, false, va_arg(ap, size_t));
      pc++;
    } else { /* %.*s */
      int n = va_arg(ap, int);
      const char *s = va_arg(ap, const char *);
      if (!s)
        s = "(null)";
      sb_putn(sb, s, n < 0 ? strlen(s) : strnlen(s, (size_t)n));
      pc += 2;
    }
    p = pc + 2;
  }
  if (!sb->data) /* an empty text is still a string */
    sb_putn(sb, "", 0);
  return true;
}

/* Otherwise one formatting pass when the text fits what is left, a second
 * only after growing. */
static void sb_vprintf(StrBuf *sb, const char *fmt, va_list ap) {
  va_list ap2;
  va_copy(ap2, ap);
  bool done = sb_simple_format(sb, fmt, ap2);
  va_end(ap2);
  if (done)
    return;
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

void sb_read_fd(StrBuf *sb, int fd) {
  char buf[65536];
  for (;;) {
    ssize_t n = read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0)
      return;
    sb_putn(sb, buf, (size_t)n);
  }
}

bool sb_read_file(StrBuf *sb, const char *path) {
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return false;
  sb_read_fd(sb, fd);
  close(fd);
  return true;
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

/* 'text' with 'indent' after each newline */
char *indent_text(const char *text, const char *indent) {
  StrBuf sb = {0};
  for (const char *p = text; *p;) {
    const char *nl = strchr(p, '\n');
    size_t n = nl ? (size_t)(nl - p + 1) : strlen(p);
    sb_putn(&sb, p, n);
    if (nl)
      sb_puts(&sb, indent);
    p += n;
  }
  return sb_take(&sb);
}

char *c_string_literal(const char *s) {
  StrBuf sb = {0};
  sb_puts(&sb, "\"");
  for (; *s; s++) {
    unsigned char c = (unsigned char)*s;
    if (c == '"' || c == '\\')
      sb_printf(&sb, "\\%c", c);
    else if (c < 0x20 || c >= 0x7f)
      sb_printf(&sb, "\\%03o", c);
    else
      sb_putn(&sb, (const char *)&c, 1);
  }
  sb_puts(&sb, "\"");
  return sb_take(&sb);
}
