/* -fdiagnostics-format=json and =sarif: the diagnostics of a file are kept
 * as they are reported and written as one document when it is done
 * (ac_diag_finish), in gcc's JSON layout (an array of diagnostics, notes as
 * their "children") or as a SARIF 2.1.0 log (notes as relatedLocations). */
#include "support/support.h"

#include <stdio.h>
#include <stdlib.h>

typedef struct Fixit {
  char *file, *text;
  unsigned line, col;
} Fixit;

typedef struct Record {
  DiagLevel lvl;
  char *file, *flag, *msg;
  unsigned line, col;
  int parent; /* a note's diagnostic, else -1 */
  Fixit *fixits;
  int num_fixits;
} Record;

static Record *records;
static int num_records, top; /* top: the last diagnostic that is not a note */

void diag_record(DiagLevel lvl, const char *file, unsigned line, unsigned col, const char *flag,
                 const char *msg) {
  records = xrealloc(records, (size_t)(num_records + 1) * sizeof *records);
  bool child = lvl == DIAG_NOTE && num_records > 0;
  records[num_records] = (Record){lvl, xstrdup(file), flag ? xstrdup(flag) : NULL, xstrdup(msg),
                                  line, col, child ? top : -1, NULL, 0};
  if (!child)
    top = num_records;
  num_records++;
}

void diag_record_fixit(const char *file, unsigned line, unsigned col, const char *text) {
  if (!num_records)
    return;
  Record *r = &records[top];
  r->fixits = xrealloc(r->fixits, (size_t)(r->num_fixits + 1) * sizeof *r->fixits);
  r->fixits[r->num_fixits++] = (Fixit){xstrdup(file), xstrdup(text), line, col};
}

void diag_print_json_string(FILE *f, const char *s) {
  fputc('"', f);
  for (; *s; s++) {
    unsigned char c = (unsigned char)*s;
    if (c == '"' || c == '\\')
      fprintf(f, "\\%c", c);
    else if (c == '\n')
      fputs("\\n", f);
    else if (c == '\t')
      fputs("\\t", f);
    else if (c < 0x20)
      fprintf(f, "\\u%04x", c);
    else
      fputc(c, f);
  }
  fputc('"', f);
}

static const char *const kind[] = {"error", "warning", "note"};

/* gcc: {"file": ..., "line": ..., "column": ...} */
static void gcc_point(FILE *f, const char *file, unsigned line, unsigned col) {
  fputs("{\"file\": ", f);
  diag_print_json_string(f, file);
  fprintf(f, ", \"line\": %u, \"display-column\": %u, \"byte-column\": %u, \"column\": %u}", line,
          col, col, col);
}

static void gcc_diagnostic(FILE *f, int i) {
  Record *r = &records[i];
  fprintf(f, "{\"kind\": \"%s\", \"message\": ", kind[r->lvl]);
  diag_print_json_string(f, r->msg);
  if (r->flag) {
    fputs(", \"option\": ", f);
    diag_print_json_string(f, r->flag);
  }
  fputs(", \"locations\": [", f);
  if (r->line) {
    fputs("{\"caret\": ", f);
    gcc_point(f, r->file, r->line, r->col);
    fputc('}', f);
  }
  fputs("], \"fixits\": [", f);
  for (int k = 0; k < r->num_fixits; k++) { /* insertions: start == next */
    Fixit *x = &r->fixits[k];
    fputs(k ? ", {\"start\": " : "{\"start\": ", f);
    gcc_point(f, x->file, x->line, x->col);
    fputs(", \"next\": ", f);
    gcc_point(f, x->file, x->line, x->col);
    fputs(", \"string\": ", f);
    diag_print_json_string(f, x->text);
    fputc('}', f);
  }
  fputs("], \"children\": [", f);
  bool first = true;
  for (int k = i + 1; k < num_records; k++)
    if (records[k].parent == i) {
      fputs(first ? "" : ", ", f);
      first = false;
      gcc_diagnostic(f, k);
    }
  fputs("], \"column-origin\": 1, \"escape-source\": false}", f);
}

/* A note is a related location, with its message. */
static void sarif_location(FILE *f, Record *r, bool with_message) {
  fputs("{\"physicalLocation\": {\"artifactLocation\": {\"uri\": ", f);
  diag_print_json_string(f, r->file);
  fputc('}', f);
  if (r->line)
    fprintf(f, ", \"region\": {\"startLine\": %u, \"startColumn\": %u}", r->line, r->col);
  fputs("}", f);
  if (with_message) {
    fputs(", \"message\": {\"text\": ", f);
    diag_print_json_string(f, r->msg);
    fputs("}", f);
  }
  fputs("}", f);
}

static void sarif_result(FILE *f, int i) {
  Record *r = &records[i];
  fputs("{", f);
  if (r->flag) {
    fputs("\"ruleId\": ", f);
    diag_print_json_string(f, r->flag);
    fputs(", ", f);
  }
  fprintf(f, "\"level\": \"%s\", \"message\": {\"text\": ", kind[r->lvl]);
  diag_print_json_string(f, r->msg);
  fputs("}, \"locations\": [", f);
  sarif_location(f, r, false);
  fputs("]", f);
  bool first = true;
  for (int k = i + 1; k < num_records; k++)
    if (records[k].parent == i) {
      fputs(first ? ", \"relatedLocations\": [" : ", ", f);
      first = false;
      sarif_location(f, &records[k], true);
    }
  if (!first)
    fputs("]", f);
  for (int k = 0; k < r->num_fixits; k++) {
    Fixit *x = &r->fixits[k];
    fputs(k ? ", " : ", \"fixes\": [", f);
    fputs("{\"artifactChanges\": [{\"artifactLocation\": {\"uri\": ", f);
    diag_print_json_string(f, x->file);
    fprintf(f, "}, \"replacements\": [{\"deletedRegion\": {\"startLine\": %u, \"startColumn\": %u, "
               "\"endLine\": %u, \"endColumn\": %u}, \"insertedContent\": {\"text\": ",
            x->line, x->col, x->line, x->col);
    diag_print_json_string(f, x->text);
    fputs("}}]}]}", f);
  }
  if (r->num_fixits)
    fputs("]", f);
  fputs("}", f);
}

void ac_diag_finish(const AcOptions *opt) {
  FILE *f = stderr;
  if (opt->diag_format == AC_DIAG_JSON) {
    fputc('[', f);
    bool first = true;
    for (int i = 0; i < num_records; i++)
      if (records[i].parent < 0) {
        fputs(first ? "" : ", ", f);
        first = false;
        gcc_diagnostic(f, i);
      }
    fputs("]\n", f);
  } else if (opt->diag_format == AC_DIAG_SARIF) {
    fputs("{\"$schema\": \"https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/"
          "sarif-schema-2.1.0.json\", \"version\": \"2.1.0\", \"runs\": [{\"tool\": {\"driver\": "
          "{\"name\": \"asyncc\"}}, \"results\": [", f);
    bool first = true;
    for (int i = 0; i < num_records; i++)
      if (records[i].parent < 0) {
        fputs(first ? "" : ", ", f);
        first = false;
        sarif_result(f, i);
      }
    fputs("]}]}\n", f);
  }
  for (int i = 0; i < num_records; i++) {
    Record *r = &records[i];
    for (int k = 0; k < r->num_fixits; k++)
      free(r->fixits[k].file), free(r->fixits[k].text);
    free(r->fixits), free(r->file), free(r->flag), free(r->msg);
  }
  free(records);
  records = NULL;
  num_records = top = 0;
}
