/* report.h: the reports stage. Every writer reads a finished corpus and
 * never changes it. */
#ifndef CCK_REPORT_H
#define CCK_REPORT_H

#include "claimcheck.h"

typedef enum { CCK_FMT_TEXT = 0, CCK_FMT_JSONL, CCK_FMT_MD } cck_format;

/* "text", "jsonl", "md" -> format; returns false for an unknown name. */
bool cck_rep_parse_format(const char *name, cck_format *out);

typedef struct {
    bool color;        /* ANSI colour in text output */
    unsigned width;    /* terminal width for text tables; 0 = 100 */
} cck_rep_options;

/* `extract`: every claim of every source, in source then offset order.
 * jsonl: one claim object per line as ../shared/gold/FORMAT.md says. */
cck_status cck_rep_claims(FILE *out, const cck_corpus *c, cck_format f,
                          const cck_rep_options *o);

/* `check`: conflict groups with a provenance table per claim, then the
 * consistent groups in brief, then one summary line. jsonl: one group
 * object per line, claims inlined as claim objects. */
cck_status cck_rep_groups(FILE *out, const cck_corpus *c, cck_format f,
                          const cck_rep_options *o);

/* Writes s as a JSON string (quotes included), escaping as RFC 8259 says;
 * invalid UTF-8 bytes become U+FFFD. n bytes of s. */
void cck_rep_json_string(FILE *out, const char *s, size_t n);

#endif
