/* Response files: `asyncc @args.rsp` reads arguments from args.rsp, as gcc
 * does (libiberty's expandargv): words are separated by white space, single
 * and double quotes group, a backslash takes the next character as is, and
 * an @file inside the file is expanded in turn.  An @file that cannot be
 * read stays an argument, as with gcc. */
#include "driver.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_NESTING 64 /* a file that names itself stops here */

static char *read_text(const char *path) {
  StrBuf sb = {0};
  return sb_read_file(&sb, path) ? sb_take(&sb) : NULL;
}

/* The words of a response file's text, as gcc's buildargv splits them. */
static void split_words(const char *s, Args *out) {
  for (;;) {
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\f' || *s == '\v')
      s++;
    if (!*s)
      return;
    StrBuf w = {0};
    char quote = 0;
    sb_putn(&w, "", 0);
    for (; *s; s++) {
      if (*s == '\\' && s[1]) {
        sb_putn(&w, ++s, 1);
      } else if (quote) {
        if (*s == quote)
          quote = 0;
        else
          sb_putn(&w, s, 1);
      } else if (*s == '\'' || *s == '"') {
        quote = *s;
      } else if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\f' || *s == '\v') {
        break;
      } else {
        sb_putn(&w, s, 1);
      }
    }
    push(out, sb_take(&w));
  }
}

static int expand(const char *arg, Args *out, int depth) {
  char *text = arg[0] == '@' ? read_text(arg + 1) : NULL;
  if (!text) {
    push(out, arg);
    return 0;
  }
  if (depth >= MAX_NESTING) {
    fprintf(stderr, "asyncc: error: response files nested more than %d deep (at '%s')\n",
            MAX_NESTING, arg);
    return 1;
  }
  Args words = {0};
  split_words(text, &words);
  for (int i = 0; i < words.n; i++)
    if (expand(words.v[i], out, depth + 1))
      return 1;
  return 0;
}

int expand_response_files(int argc, char **argv, Args *out) {
  push(out, argv[0]);
  for (int i = 1; i < argc; i++)
    if (expand(argv[i], out, 0))
      return 1;
  return 0;
}
