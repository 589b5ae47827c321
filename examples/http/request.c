/* Request head parsing (request.h). */
#include "request.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

int parse_request_line(const char *line, size_t len, struct request *r) {
  const char *end = line + len;
  const char *sp1 = memchr(line, ' ', len);
  if (!sp1 || sp1 == line || (size_t)(sp1 - line) >= sizeof r->method)
    return 400;
  const char *target = sp1 + 1;
  const char *sp2 = memchr(target, ' ', (size_t)(end - target));
  if (!sp2 || sp2 == target || *target != '/')
    return 400;
  const char *version = sp2 + 1;
  if (end - version != 8 || memcmp(version, "HTTP/", 5) != 0 || version[6] != '.')
    return 400;
  if (version[5] != '1' || (version[7] != '0' && version[7] != '1'))
    return 505;
  for (const char *p = line; p < sp1; p++)
    if (*p < 'A' || *p > 'Z')
      return 400;
  memcpy(r->method, line, (size_t)(sp1 - line));
  r->method[sp1 - line] = 0;
  const char *query = memchr(target, '?', (size_t)(sp2 - target));
  size_t tlen = (size_t)((query ? query : sp2) - target);
  if (tlen >= sizeof r->target)
    return 414;
  memcpy(r->target, target, tlen);
  r->target[tlen] = 0;
  r->minor = version[7] - '0';
  r->keep_alive = r->minor == 1;
  r->content_length = 0;
  return 0;
}

static int token_is(const char *s, size_t n, const char *word) {
  return n == strlen(word) && strncasecmp(s, word, n) == 0;
}

int parse_header_line(const char *line, size_t len, struct request *r) {
  const char *colon = memchr(line, ':', len);
  if (!colon || colon == line)
    return 400;
  for (const char *p = line; p < colon; p++)
    if (*p == ' ' || *p == '\t')
      return 400; /* no space before the colon (RFC 9112 5.1) */
  size_t nlen = (size_t)(colon - line);
  const char *v = colon + 1, *end = line + len;
  while (v < end && (*v == ' ' || *v == '\t'))
    v++;
  while (end > v && (end[-1] == ' ' || end[-1] == '\t'))
    end--;
  size_t vlen = (size_t)(end - v);
  if (token_is(line, nlen, "Connection")) {
    if (token_is(v, vlen, "close"))
      r->keep_alive = 0;
    else if (token_is(v, vlen, "keep-alive"))
      r->keep_alive = 1;
  } else if (token_is(line, nlen, "Content-Length")) {
    char digits[24];
    if (vlen == 0 || vlen >= sizeof digits)
      return 400;
    memcpy(digits, v, vlen);
    digits[vlen] = 0;
    char *stop;
    long n = strtol(digits, &stop, 10);
    if (*stop || n < 0 || digits[0] < '0' || digits[0] > '9')
      return 400;
    r->content_length = n;
  } else if (token_is(line, nlen, "Transfer-Encoding")) {
    return 400; /* no request bodies to decode here */
  }
  return 0;
}

static int hex(char c) {
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

int target_to_path(const char *target, char *path, size_t size) {
  size_t n = 0;
  for (const char *p = target + 1; *p; p++) { /* past the leading '/' */
    char c = *p;
    if (c == '%') {
      int hi = hex(p[1]), lo = hi < 0 ? -1 : hex(p[2]);
      if (lo < 0)
        return 400;
      c = (char)(hi * 16 + lo);
      p += 2;
      if (c == 0)
        return 400;
    }
    if (n + 1 >= size)
      return 400;
    path[n++] = c;
  }
  path[n] = 0;
  /* every segment: no "..", and empty ones ("a//b", a leading '/') go */
  for (char *seg = path; *seg;) {
    char *slash = strchr(seg, '/');
    size_t len = slash ? (size_t)(slash - seg) : strlen(seg);
    if ((len == 2 && seg[0] == '.' && seg[1] == '.'))
      return 403;
    if (len == 0 || (len == 1 && seg[0] == '.')) { /* drop it */
      memmove(seg, seg + len + (slash ? 1 : 0), strlen(seg + len + (slash ? 1 : 0)) + 1);
      continue;
    }
    seg += len + (slash ? 1 : 0);
  }
  n = strlen(path);
  if (n == 0 || target[strlen(target) - 1] == '/') {
    const char *index = "index.html";
    if (n && path[n - 1] != '/' && n + 1 < size)
      path[n++] = '/';
    if (n + strlen(index) + 1 > size)
      return 400;
    strcpy(path + n, index);
  }
  return 0;
}

const char *content_type(const char *path) {
  static const char *const types[][2] = {
      {"html", "text/html"},        {"htm", "text/html"},
      {"txt", "text/plain"},        {"css", "text/css"},
      {"js", "application/javascript"}, {"json", "application/json"},
      {"png", "image/png"},         {"jpg", "image/jpeg"},
      {"jpeg", "image/jpeg"},       {"gif", "image/gif"},
      {"svg", "image/svg+xml"},     {"ico", "image/x-icon"},
      {"pdf", "application/pdf"},   {"wasm", "application/wasm"},
  };
  const char *dot = strrchr(path, '.'), *slash = strrchr(path, '/');
  if (dot && (!slash || dot > slash))
    for (size_t i = 0; i < sizeof types / sizeof *types; i++)
      if (strcasecmp(dot + 1, types[i][0]) == 0)
        return types[i][1];
  return "application/octet-stream";
}
