/* report.h: the reports stage. Every writer reads a finished corpus and
 * never changes it. */
#ifndef CCK_REPORT_H
#define CCK_REPORT_H

#include "claimcheck.h"

typedef enum {
    CCK_FMT_TEXT = 0,
    CCK_FMT_JSONL,
    CCK_FMT_MD,
    CCK_FMT_JSON,      /* one JSON document */
    CCK_FMT_CSV,       /* RFC 4180, one row per claim with its group */
    CCK_FMT_FINDINGS,  /* one "path:line:col: severity: message" line per finding */
    CCK_FMT_SARIF,     /* SARIF 2.1.0 */
    CCK_FMT_JUNIT,     /* JUnit XML */
    CCK_FMT_GITHUB,    /* GitHub workflow annotations */
    CCK_FMT_HTML       /* one self-contained HTML page */
} cck_format;

/* "text", "jsonl", "md", "json", "csv", "findings", "sarif", "junit",
 * "github", "html" -> format; returns false for an unknown name. */
bool cck_rep_parse_format(const char *name, cck_format *out);
/* The names above, comma-separated, for messages (static). */
const char *cck_rep_format_names(void);

typedef struct {
    bool color;        /* ANSI colour in text output */
    unsigned width;    /* terminal width for text tables; 0 = 100 */
    unsigned jobs;     /* threads rendering `check` in text, md and jsonl
                          (the output is the same for any number); 0 or 1:
                          this one only */
} cck_rep_options;

/* `extract`: every claim of every source, in source then offset order.
 * jsonl: one claim object per line as ../shared/gold/FORMAT.md says. */
cck_status cck_rep_claims(FILE *out, const cck_corpus *c, cck_format f,
                          const cck_rep_options *o);

/* Streaming `extract`: the claims of one source rendered on their own (on
 * whichever thread read the source), into a chunk written later, in input
 * order, with the source's 1-based position in the run (the 3 of claim id
 * "c3-17"). Writing every source's chunk in order gives exactly what
 * cck_rep_claims() writes for the whole corpus. Only the formats for which
 * cck_rep_claims_streams() is true can be rendered so (text and jsonl: the
 * others need the whole corpus). */
typedef struct cck_rep_chunk cck_rep_chunk;
bool cck_rep_claims_streams(cck_format f);
/* Spare chunk buffers: a chunk freed into them lends its memory to the
 * next one made from them, so that a run of big sources renders into the
 * same pages instead of faulting in new ones for each (a 380 KB source's
 * chunk is some 1.5 MB; fresh, its pages were half of streaming extract's
 * time). At most keep buffers are kept, CCK_REP_SPARE_MAX bytes in all.
 * Any thread may take and give. */
typedef struct cck_rep_spares cck_rep_spares;
#define CCK_REP_SPARE_MAX ((size_t)64 << 20)
cck_rep_spares *cck_rep_spares_new(size_t keep);
void cck_rep_spares_free(cck_rep_spares *sp);  /* NULL is a no-op */
/* The chunk of s, in a spare's memory when sp (which may be NULL) has one. */
cck_rep_chunk *cck_rep_claims_chunk(const cck_source *s, cck_format f, cck_rep_spares *sp);
/* Writes the chunk; an I/O error shows in ferror(out). */
void cck_rep_chunk_write(FILE *out, const cck_rep_chunk *ch, size_t pos);
/* What the chunk of s written at pos writes, written straight to out: for
 * a source that may be written as soon as it is read, with no chunk held
 * in between (a big source's rendered claims are several times its size). */
void cck_rep_claims_source(FILE *out, const cck_source *s, cck_format f, size_t pos);
/* Frees the chunk, its buffer kept in sp (may be NULL) if there is room;
 * NULL ch is a no-op. */
void cck_rep_chunk_free(cck_rep_chunk *ch, cck_rep_spares *sp);

/* True when the groups report in format f reads a plain-text source only
 * at its claims' and citation markers' spans (JSON Lines): the run may let
 * the rest of its text go (cck_source_drop_text()). The others quote
 * sentences, lines and section titles. */
bool cck_rep_groups_spans_only(cck_format f);
/* `check`: conflict groups with a provenance table per claim, then the
 * consistent groups in brief, then one summary line. jsonl: one group
 * object per line, claims inlined as claim objects. */
cck_status cck_rep_groups(FILE *out, const cck_corpus *c, cck_format f,
                          const cck_rep_options *o);

/* Writes s as a JSON string (quotes included), escaping as RFC 8259 says;
 * invalid UTF-8 bytes become U+FFFD. n bytes of s. */
void cck_rep_json_string(FILE *out, const char *s, size_t n);

/* ---- what CI keys on ------------------------------------------------------ */

/* A group's fingerprint: 16 lowercase hex digits (+ NUL) of a 64-bit FNV-1a
 * hash over entity, attribute, as_of and the sorted distinct values of its
 * claims. Lines, files and claim order do not enter it, so an edit
 * elsewhere in a source leaves it unchanged. */
void cck_rep_fingerprint(char out[17], const cck_group *g);
/* A claim's exact value as a key ("~1238..1238 m", "1961-05..1961-05"):
 * the same figure written two ways gives one key. New string (free()). */
char *cck_rep_value_key(const cck_claim *cl);
/* The text that is hashed (readable; new string, free()). */
char *cck_rep_fingerprint_text(const cck_group *g);

/* A claim in a conflicting group whose sentence has no citation marker. */
size_t cck_rep_count_uncited(const cck_corpus *c);
/* Citation markers (in any source) that resolve to no reference entry. */
size_t cck_rep_count_dangling(const cck_corpus *c);

#endif
