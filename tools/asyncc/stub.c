/* --emit=stub: for build tools that compile only .c files (Meson has no way
 * to add a source language), a .c file that stands for a .ac file.  Its
 * first line names the .ac file; asyncc, given the stub, compiles that .ac
 * file instead, with the flags the build tool gives the stub (the target's
 * include directories, definitions, -MD ...).  Any other C compiler stops
 * at its #error. */
#include "driver.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define STUB_PREFIX "#pragma asyncc source \""

char *stub_target(const char *path) {
  FILE *f = fopen(path, "r");
  if (!f)
    return NULL;
  char line[PATH_MAX + 64];
  char *target = NULL;
  if (fgets(line, sizeof line, f) && !strncmp(line, STUB_PREFIX, strlen(STUB_PREFIX))) {
    char *name = line + strlen(STUB_PREFIX);
    char *end = strrchr(name, '"');
    if (end)
      target = xasprintf("%.*s", (int)(end - name), name);
  }
  fclose(f);
  return target;
}

int write_stubs(Driver *d) {
  if (d->output && d->ac_inputs.n > 1) {
    fprintf(stderr, "asyncc: error: cannot specify -o with --emit=stub and several inputs\n");
    return 1;
  }
  for (int i = 0; i < d->ac_inputs.n; i++) {
    const char *in = d->ac_inputs.v[i];
    char real[PATH_MAX];
    if (!strcmp(in, "-") || !realpath(in, real) || strpbrk(real, "\"\n")) {
      fprintf(stderr, "asyncc: error: --emit=stub needs a .ac file with a plain name, not '%s'\n", in);
      return 1;
    }
    const char *slash = strrchr(in, '/');
    char *out = d->output ? xstrdup(d->output) : xasprintf("%s.c", slash ? slash + 1 : in);
    FILE *f = fopen(out, "w");
    if (!f) {
      fprintf(stderr, "asyncc: error: cannot write '%s': %s\n", out, strerror(errno));
      return 1;
    }
    fprintf(f,
            STUB_PREFIX "%s\"\n"
            "/* asyncc compiles the .ac file above when given this file (asyncc --emit=stub) */\n"
            "#error \"compile this stub with asyncc (CC=asyncc): it stands for %s\"\n",
            real, real);
    fclose(f);
    free(out);
  }
  return 0;
}
