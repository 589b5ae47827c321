/* An HTTP/1.1 request head, parsed line by line as the connection reads
 * it (http.ac), and the file path its target names.  Plain C, no I/O. */
#ifndef HTTP_REQUEST_H
#define HTTP_REQUEST_H

#include <stddef.h>

struct request {
  char method[16];
  char target[2048];  /* as sent, without the query string */
  int minor;          /* HTTP/1.<minor> */
  int keep_alive;     /* after the Connection header */
  long content_length;
};

/* "GET /path HTTP/1.1" (without its line end): 0, or the status to reply
 * (400 malformed, 414 target too long, 505 not HTTP/1.x). */
int parse_request_line(const char *line, size_t len, struct request *r);
/* "Name: value": 0, or 400. */
int parse_header_line(const char *line, size_t len, struct request *r);
/* The target as a path relative to the served directory ("index.html" for
 * "/"; a target ending in '/' gets "index.html"), percent-decoded: 0, or
 * 400 for a bad escape or NUL, 403 for a ".." segment (no way out of the
 * directory). */
int target_to_path(const char *target, char *path, size_t size);
/* The Content-Type for a file name's extension. */
const char *content_type(const char *path);

#endif
