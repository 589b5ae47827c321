/* gcc's preprocessor reads an included device or FIFO until it ends:
 * `#include "/dev/zero"` never finishes and eats memory, where clang refuses
 * it.  Before the preprocessor runs, every #include of the file, and of the
 * headers it reaches through the directories given on the command line, is
 * resolved the way the preprocessor searches (the includer's directory for
 * "...", then -iquote, -I, -isystem, -idirafter in order) and refused when it
 * names something other than a regular file.
 *
 * What is not seen: a computed `#include MACRO`, and headers found only in the
 * compiler's own directories (they are not scanned).  An #include inside
 * `#if 0` is checked all the same: naming a device there is no use anyway. */
#include "support/support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

typedef struct {
  char *path;
  int parent;        /* index of the includer, -1 for the main file */
  unsigned line;     /* the #include's line in the includer */
} Header;

typedef struct {
  const char **v;
  int n;
} Dirs;

static void dirs_push(Dirs *d, const char *dir) {
  d->v = xrealloc(d->v, (size_t)(d->n + 1) * sizeof *d->v);
  d->v[d->n++] = dir;
}

/* The search directories, in the preprocessor's order. */
static Dirs search_dirs(const AcOptions *opt, bool quoted) {
  static const char *const kinds[] = {"-iquote", "-I", "-isystem", "-idirafter"};
  Dirs d = {0};
  for (int k = quoted ? 0 : 1; k < 4; k++) {
    size_t len = strlen(kinds[k]);
    for (int i = 0; i < opt->num_clang_args; i++) {
      const char *a = opt->clang_args[i];
      if (strncmp(a, kinds[k], len) != 0)
        continue;
      if (a[len])
        dirs_push(&d, a + len);
      else if (i + 1 < opt->num_clang_args)
        dirs_push(&d, opt->clang_args[++i]);
    }
  }
  return d;
}

static char *dir_of(const char *path) {
  const char *slash = strrchr(path, '/');
  return slash ? xasprintf("%.*s", (int)(slash - path + 1), path) : xstrdup("");
}

/* The file the preprocessor would open, or NULL when it is not in a directory
 * we were given (a system header, or missing: the preprocessor says why). */
static char *resolve(const Dirs *dirs, const char *includer, const char *name, bool quoted) {
  struct stat st;
  if (name[0] == '/')
    return stat(name, &st) == 0 ? xstrdup(name) : NULL;
  if (quoted) {
    char *dir = dir_of(includer), *full = xasprintf("%s%s", dir, name);
    free(dir);
    if (stat(full, &st) == 0)
      return full;
    free(full);
  }
  for (int i = 0; i < dirs->n; i++) {
    char *full = xasprintf("%s/%s", dirs->v[i], name);
    if (stat(full, &st) == 0)
      return full;
    free(full);
  }
  return NULL;
}

static void report(const Header *h, int at, unsigned line, int col, const char *name,
                   const char *text) {
  for (int p = at; h[p].parent >= 0; p = h[p].parent)
    fprintf(stderr, "In file included from %s:%u:\n", h[h[p].parent].path, h[p].line);
  fprintf(stderr, "%s:%u:%d: error: cannot open file '%s': not a regular file\n", h[at].path, line,
          col, name);
  fprintf(stderr, "%5u | %s%s      | %*s^\n", line, text, strchr(text, '\n') ? "" : "\n", col - 1,
          "");
}

static bool already_listed(const Header *h, int n, const char *path) {
  for (int i = 0; i < n; i++)
    if (strcmp(h[i].path, path) == 0)
      return true;
  return false;
}

bool ac_includes_regular_files(const AcOptions *opt, const char *path) {
  Header *h = xrealloc(NULL, sizeof *h);
  int n = 1;
  h[0] = (Header){xstrdup(path), -1, 0};
  bool ok = true;
  Dirs quoted_dirs = search_dirs(opt, true), angled_dirs = search_dirs(opt, false);
  /* a worklist, not recursion: include depth is the input's to choose */
  for (int at = 0; at < n && ok; at++) {
    FILE *f = fopen(h[at].path, "r");
    if (!f)
      continue; /* the preprocessor says why */
    char text[4096];
    unsigned line = 0;
    while (ok && fgets(text, sizeof text, f)) {
      line++;
      char *p = text;
      p += strspn(p, " \t");
      if (*p++ != '#')
        continue;
      p += strspn(p, " \t");
      if (strncmp(p, "include", 7) != 0)
        continue;
      p += 7;
      p += strspn(p, " \t");
      char close = *p == '"' ? '"' : *p == '<' ? '>' : 0;
      char *e = close ? strchr(p + 1, close) : NULL;
      if (!e)
        continue;
      char *name = xasprintf("%.*s", (int)(e - p - 1), p + 1);
      bool quoted = close == '"';
      char *full = resolve(quoted ? &quoted_dirs : &angled_dirs, h[at].path, name, quoted);
      struct stat st;
      if (full && stat(full, &st) == 0 && !S_ISREG(st.st_mode)) {
        report(h, at, line, (int)(p - text) + 1, name, text);
        ok = false;
      } else if (full && !already_listed(h, n, full)) {
        h = xrealloc(h, (size_t)(n + 1) * sizeof *h);
        h[n++] = (Header){full, at, line};
        full = NULL;
      }
      free(name);
      free(full);
    }
    fclose(f);
  }
  for (int i = 0; i < n; i++)
    free(h[i].path);
  free(h);
  free(quoted_dirs.v);
  free(angled_dirs.v);
  return ok;
}
