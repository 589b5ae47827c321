/* Growable strings and allocation that never fails (support/strbuf.c):
 * the compiler's, shared with the driver.
 *
 * Public, like asyncc/lowering.h: it includes nothing of lib/Lowering. */
#ifndef ASYNCC_STRBUF_H
#define ASYNCC_STRBUF_H

#include <stdbool.h>
#include <stddef.h>

typedef struct StrBuf {
  char *data;
  size_t len, cap;
} StrBuf;

void sb_putn(StrBuf *sb, const char *s, size_t n);
void sb_puts(StrBuf *sb, const char *s);
void sb_printf(StrBuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
char *sb_take(StrBuf *sb); /* returns the string (never NULL) and resets sb */
/* Appends everything left to read from fd (retrying EINTR). */
void sb_read_fd(StrBuf *sb, int fd);
/* Appends the file's bytes; false if it cannot be opened. */
bool sb_read_file(StrBuf *sb, const char *path);
char *xstrdup(const char *s);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Every line of 'text' indented by 'n' more spaces. */
void sb_indented(StrBuf *sb, const char *text, int n);
void *xrealloc(void *p, size_t n);

#endif
