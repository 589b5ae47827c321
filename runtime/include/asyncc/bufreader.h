/* asyncc runtime: a buffered reader over an fd (docs/runtime.md, "Buffered
 * reading"), for line- and length-framed protocols (RESP, HTTP, chat).
 *
 *   int  ac_bufreader_init(struct ac_bufreader *r, int fd, size_t cap)
 *       a buffer of cap bytes (malloc): 0 or -ENOMEM.  cap bounds a line.
 *   void ac_bufreader_free(struct ac_bufreader *r)  the buffer, not the fd
 *   size_t ac_bufreader_buffered(r)   bytes read from the fd, not consumed
 *   const char *ac_bufreader_data(r)  where they start
 *   void ac_bufreader_consume(r, n)   drops n <= buffered bytes
 *
 *   async long ac_read_until(r, int delim, const char **line)
 *       the bytes up to and including the next 'delim', consumed: their
 *       count, *line pointing at them in r's buffer (valid until the next
 *       call on r).  At EOF: the rest without a delim, then 0.
 *       -EMSGSIZE if cap bytes hold no delim (nothing consumed); -errno.
 *   async long ac_read_line(r, const char **line)   ac_read_until '\n'
 *   async long ac_fill_buf(r, size_t n)
 *       reads until n bytes are buffered: the count buffered (>= n, fewer
 *       only at EOF), -EMSGSIZE if n > cap, or -errno.  Consumes nothing.
 *   async long ac_read_buffered(r, void *dst, size_t n)
 *       n bytes into dst, the buffered ones first, the rest straight from
 *       the fd (n may exceed cap): n, the short count at EOF, or -errno.
 *
 * Reads are optimistic like ac_read's: a call that finds its answer in the
 * buffer makes no syscall, and one that must read asks for all the free
 * space at once.  Dropping a pending call loses nothing read: the bytes
 * stay buffered (but those ac_read_buffered already moved to dst are
 * gone from the stream).  One task reads a given reader at a time. */
#ifndef ASYNCC_BUFREADER_H
#define ASYNCC_BUFREADER_H

#include <asyncc/net.h>

struct ac_bufreader {
  int fd;
  char *buf;
  size_t cap;
  size_t start, end; /* buffered bytes: buf[start, end) */
  size_t scanned;    /* of them, searched for a delimiter without success */
  int eof;
};

int ac_bufreader_init(struct ac_bufreader *r, int fd, size_t cap);
void ac_bufreader_free(struct ac_bufreader *r);
void ac_bufreader_consume(struct ac_bufreader *r, size_t n);
static inline size_t ac_bufreader_buffered(const struct ac_bufreader *r) {
  return r->end - r->start;
}
static inline const char *ac_bufreader_data(const struct ac_bufreader *r) {
  return r->buf + r->start;
}

struct ac_read_until__frame {
  unsigned ac_state;
  struct ac_bufreader *r;
  int delim;
  const char **line;
  struct ac_io_op op;
  long ac_result;
};
void ac_read_until__init(struct ac_read_until__frame *f, struct ac_bufreader *r, int delim,
                         const char **line);
ac_poll ac_read_until__poll(struct ac_read_until__frame *f, struct ac_cx *cx);
void ac_read_until__drop(struct ac_read_until__frame *f);

struct ac_read_line__frame {
  unsigned ac_state;
  struct ac_read_until__frame until;
  long ac_result;
};
void ac_read_line__init(struct ac_read_line__frame *f, struct ac_bufreader *r,
                        const char **line);
ac_poll ac_read_line__poll(struct ac_read_line__frame *f, struct ac_cx *cx);
void ac_read_line__drop(struct ac_read_line__frame *f);

struct ac_fill_buf__frame {
  unsigned ac_state;
  struct ac_bufreader *r;
  size_t n;
  struct ac_io_op op;
  long ac_result;
};
void ac_fill_buf__init(struct ac_fill_buf__frame *f, struct ac_bufreader *r, size_t n);
ac_poll ac_fill_buf__poll(struct ac_fill_buf__frame *f, struct ac_cx *cx);
void ac_fill_buf__drop(struct ac_fill_buf__frame *f);

struct ac_read_buffered__frame {
  unsigned ac_state;
  struct ac_bufreader *r;
  char *dst;
  size_t n, done;
  struct ac_io_op op;
  long ac_result;
};
void ac_read_buffered__init(struct ac_read_buffered__frame *f, struct ac_bufreader *r,
                            void *dst, size_t n);
ac_poll ac_read_buffered__poll(struct ac_read_buffered__frame *f, struct ac_cx *cx);
void ac_read_buffered__drop(struct ac_read_buffered__frame *f);

#ifdef ASYNCC_DIALECT
async long ac_read_until(struct ac_bufreader *r, int delim, const char **line);
async long ac_read_line(struct ac_bufreader *r, const char **line);
async long ac_fill_buf(struct ac_bufreader *r, size_t n);
async long ac_read_buffered(struct ac_bufreader *r, void *dst, size_t n);
#endif

#endif
