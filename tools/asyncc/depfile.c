/* Dependency files, the way cc writes them (-MD -MMD -MF -MT -MQ -MP), so that
 * make and ninja rebuild a .ac file's object when a header it includes
 * changes.
 *
 * A .ac file's headers are those of two preprocessings that can differ: the
 * .ac parse (with the prelude injected, so ASYNCC_DIALECT is defined) and the
 * backend's compile of the lowered C (which includes <asyncc/lowered.h> and
 * whatever else the lowering adds).  The dependency file lists the union,
 * with the .ac file, not the temporary lowered C, as the main source.  Both
 * lists come from the backend compiler's -M family of flags. */
#include "driver.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A file name as make reads it, as gcc writes it. */
static char *make_escape(const char *s) {
  StrBuf sb = {0};
  sb_puts(&sb, "");
  for (; *s; s++) {
    if (*s == ' ' || *s == '#')
      sb_putn(&sb, "\\", 1);
    if (*s == '$')
      sb_putn(&sb, "$", 1);
    sb_putn(&sb, s, 1);
  }
  return sb_take(&sb);
}

/* "dir/x.y" -> "dir/x" */
static char *strip_ext(const char *path) {
  const char *slash = strrchr(path, '/');
  const char *dot = strrchr(path, '.');
  size_t n = dot && (!slash || dot > slash) ? (size_t)(dot - path) : strlen(path);
  return xasprintf("%.*s", (int)n, path);
}

static const char *base_name(const char *path) {
  const char *slash = strrchr(path, '/');
  return slash ? slash + 1 : path;
}

char *dep_file_name(Driver *d, const char *src, const char *object) {
  if (d->deps.file)
    return xstrdup(d->deps.file);
  if (d->output && (d->compile_only || d->emit_c))
    return xasprintf("%s.d", strip_ext(object));
  int inputs = d->ac_inputs.n + d->c_inputs.n;
  if (d->output && inputs == 1) /* cc -MD x.c -o prog writes prog.d */
    return xasprintf("%s.d", strip_ext(d->output));
  if (d->output) /* and prog-x.d for each of several inputs */
    return xasprintf("%s-%s.d", strip_ext(d->output), strip_ext(base_name(src)));
  return xasprintf("%s.d", strip_ext(base_name(src)));
}

static char *tmp_dep(Driver *d, int i) { return xasprintf("%s/%d.d", d->tmpdir, i); }

static void dep_flags(Driver *d, int i, const char *object, const char *md, const char *mmd,
                      Args *cmd) {
  push(cmd, d->deps.no_system ? mmd : md);
  push(cmd, "-MF");
  push(cmd, tmp_dep(d, i));
  if (d->deps.targets.n) {
    append(cmd, &d->deps.targets);
  } else {
    push(cmd, "-MQ");
    push(cmd, object);
  }
  if (d->deps.phony)
    push(cmd, "-MP");
}

void dep_backend_args(Driver *d, int i, const char *object, Args *cmd) {
  dep_flags(d, i, object, "-MD", "-MMD", cmd);
}

static char *read_all(const char *path) {
  FILE *f = fopen(path, "r");
  if (!f)
    return NULL;
  StrBuf sb = {0};
  sb_puts(&sb, "");
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, f)) > 0)
    sb_putn(&sb, buf, n);
  fclose(f);
  return sb_take(&sb);
}

/* The first rule of a make-style dependency file: its target text and its
 * prerequisites, each kept escaped as the compiler wrote it. */
static char *parse_rule(const char *text, Args *deps) {
  const char *colon = text;
  while ((colon = strchr(colon, ':')) && colon[1] && !strchr(" \t\n\\", colon[1]))
    colon++;
  if (!colon)
    return NULL;
  char *targets = xasprintf("%.*s", (int)(colon - text), text);
  StrBuf tok = {0};
  for (const char *p = colon + 1;; p++) {
    bool end = !*p || (*p == '\n');
    if (*p == '\\' && p[1] == '\n') {
      p++;
      end = false;
    } else if (*p == '\\' && p[1]) {
      sb_putn(&tok, p, 2);
      p++;
      continue;
    } else if (!end && *p != ' ' && *p != '\t') {
      sb_putn(&tok, p, 1);
      continue;
    }
    if (tok.len) {
      char *t = sb_take(&tok);
      bool seen = false;
      for (int i = 0; i < deps->n && !seen; i++)
        seen = !strcmp(deps->v[i], t);
      if (!seen)
        push(deps, t);
    }
    if (end)
      return targets;
  }
}

static int scan(Driver *d, const char *file, bool as_ac, const char *object, const char *out) {
  Args cmd = backend_command(d);
  if (as_ac) { /* as lower.c's parse() sees it */
    push(&cmd, "-x");
    push(&cmd, "c");
    push(&cmd, "-include");
    push(&cmd, d->prelude);
  }
  push(&cmd, d->deps.no_system ? "-MM" : "-M");
  push(&cmd, "-MF");
  push(&cmd, out);
  if (d->deps.targets.n) {
    append(&cmd, &d->deps.targets);
  } else {
    push(&cmd, "-MQ");
    push(&cmd, object);
  }
  push(&cmd, file);
  return run(d, &cmd);
}

int dep_finish(Driver *d, int i, const char *src, const char *compiled, const char *object) {
  if (d->dry_run)
    return 0; /* -###: the backend wrote nothing */
  char *backend = read_all(tmp_dep(d, i));
  if (!backend) {
    fprintf(stderr, "asyncc: error: the backend wrote no dependency file for '%s'\n", src);
    return 1;
  }
  Args deps = {0};
  bool is_ac = strcmp(src, compiled) != 0;
  char *targets;
  if (is_ac) {
    char *ac_out = xasprintf("%s/%d-ac.d", d->tmpdir, i);
    int rc = scan(d, src, true, object, ac_out);
    if (rc)
      return rc;
    char *ac_text = read_all(ac_out);
    push(&deps, make_escape(src));
    push(&deps, make_escape(d->prelude));
    targets = ac_text ? parse_rule(ac_text, &deps) : NULL;
    Args lowered = {0};
    parse_rule(backend, &lowered);
    char *tmp_c = make_escape(compiled);
    for (int k = 0; k < lowered.n; k++) {
      bool seen = !strcmp(lowered.v[k], tmp_c);
      for (int j = 0; j < deps.n && !seen; j++)
        seen = !strcmp(deps.v[j], lowered.v[k]);
      if (!seen)
        push(&deps, lowered.v[k]);
    }
  } else {
    targets = parse_rule(backend, &deps);
  }
  if (!targets) {
    fprintf(stderr, "asyncc: error: cannot read the dependencies of '%s'\n", src);
    return 1;
  }
  StrBuf out = {0};
  sb_puts(&out, targets);
  sb_puts(&out, ":");
  for (int k = 0; k < deps.n; k++)
    sb_printf(&out, "%s%s", k ? " \\\n " : " ", deps.v[k]);
  sb_puts(&out, "\n");
  for (int k = 1; k < deps.n && d->deps.phony; k++)
    sb_printf(&out, "\n%s:\n", deps.v[k]);
  char *path = dep_file_name(d, src, object);
  FILE *f = fopen(path, "w");
  if (!f) {
    fprintf(stderr, "asyncc: error: cannot write '%s': %s\n", path, strerror(errno));
    return 1;
  }
  fputs(out.data, f);
  fclose(f);
  return 0;
}

int dep_scan(Driver *d, int i, const char *src, const char *compiled, const char *object) {
  char *out = tmp_dep(d, i);
  int rc = scan(d, compiled, false, object, out);
  return rc ? rc : dep_finish(d, i, src, compiled, object);
}
