/* report_int.h: what the report writers share inside reports/: UTF-8 and
 * display-width helpers, number formatting, claim ids and the table model
 * that both the text and the Markdown writers render. */
#ifndef CCK_REPORT_INT_H
#define CCK_REPORT_INT_H

#include "report.h"

/* ---- text helpers (table.c; cck_rep_number in report.c) ------------- */

/* Length (1..4) of the valid UTF-8 sequence at p with avail bytes, storing
 * its code point in *cp; 0 when the bytes there are not valid UTF-8. */
size_t cck_rep_utf8(const unsigned char *p, size_t avail, unsigned *cp);

/* Copies n bytes of s into a new NUL-terminated one-line string (free()):
 * whitespace runs become one space, leading and trailing space is dropped,
 * control and bidi-override characters and invalid bytes become U+FFFD.
 * When ms/me are not NULL they hold a byte range of s on entry and the
 * matching range of the result on return. */
char *cck_rep_clean(const char *s, size_t n, size_t *ms, size_t *me);

/* Display columns of n bytes of clean UTF-8 (wide characters count 2,
 * combining marks 0). */
size_t cck_rep_width(const char *s, size_t n);

/* Fits clean text into at most w display columns, cutting with "…"; when
 * ms < me the range [ms, me) stays visible (context is cut on both sides)
 * and *oms, *ome receive its place in the result. Returns a new string
 * (free()). */
char *cck_rep_fit(const char *s, size_t ms, size_t me, size_t w,
                  size_t *oms, size_t *ome);

/* Shortest of %.15g / %.17g that reads back as v, without ".0"; returns
 * false (and writes "null") for infinities and NaN. buf holds >= 32. */
bool cck_rep_number(char *buf, double v);
/* v for people: integers in full ("874682"), others to 6 significant
 * digits without exponent or trailing zeros ("0.83", "11.1111",
 * "0.00265"); "?" for infinities and NaN. buf holds >= 64. */
void cck_rep_display_number(char *buf, double v);

/* ---- claims (report.c; the JSON claim object in jsonl.c) ---------------- */

/* Maps a claim's source back to its 1-based position in the corpus. */
typedef struct {
    const cck_source **src;  /* sorted by address */
    size_t *pos;
    size_t n;
} cck_rep_index;

void cck_rep_index_init(cck_rep_index *ix, const cck_corpus *c);
void cck_rep_index_free(cck_rep_index *ix);
/* "c3-17": source 3 of the corpus, claim 17 of that source (both 1-based).
 * buf holds >= 48 bytes. */
void cck_rep_claim_id(char *buf, const cck_rep_index *ix, const cck_claim *cl);
/* The 1-based position of s in the corpus; 0 when it is not there. */
size_t cck_rep_source_pos(const cck_rep_index *ix, const cck_source *s);

/* The normalized value for people: "559000", "~12000 m", "1927-1928",
 * "39.8387, 127.6219", in size bytes of buf (128 is plenty). */
void cck_rep_value(char *buf, size_t size, const cck_claim *cl);

/* True when the claim's sentence carries no citation marker. */
bool cck_rep_claim_uncited(const cck_claim *cl);

/* The file name part of a path (borrowed). */
const char *cck_rep_basename(const char *path);

/* Writes one claim object (no newline). */
void cck_rep_json_claim(FILE *out, const cck_rep_index *ix, const cck_claim *cl);
/* Writes group i of c as one group object (no newline); with fingerprint,
 * the object also carries "fingerprint". */
void cck_rep_json_group(FILE *out, const cck_rep_index *ix, const cck_corpus *c, size_t i,
                        bool fingerprint);
/* JSON string of a NUL-terminated string, or null for NULL. */
void cck_rep_json_cstr(FILE *out, const char *s);

/* The decimal digits of u, NUL-terminated, written backwards from the end
 * of d (so a sign can go in front): returns where they start. */
enum { CCK_REP_UDIGITS = 24 };
char *cck_rep_udigits(char d[CCK_REP_UDIGITS], unsigned long long u);

/* Clamped byte span of a claim and its 1-based line and column (line
 * and col may be NULL; both NULL, no line is looked up). */
void cck_rep_claim_span(const cck_claim *cl, size_t *cs, size_t *ce, unsigned *line,
                        unsigned *col);
/* The claim's own words, cleaned for display (cck_rep_clean(); malloc'd),
 * and where they start (line and col may be NULL). */
char *cck_rep_claim_text(const cck_claim *cl, unsigned *line, unsigned *col);
/* Column in Unicode code points (1-based) of byte offset off. */
unsigned cck_rep_char_col(const cck_source *s, size_t off);

/* ---- the table model (table.c) ---------------------------------------------- */

typedef struct {
    char *text;                   /* owned, clean one-line UTF-8 */
    size_t mark_start, mark_end;  /* bytes of text to highlight; equal if none */
} cck_cell;

typedef struct {
    size_t ncols;
    char **headers;     /* owned, clean */
    int flex;           /* column that gives way first when too wide; -1 */
    size_t *floor;      /* owned; per column, how narrow the others get
                           before the flex column goes under 24 (10) */
    cck_cell *cells;    /* nrows * ncols, row-major */
    size_t nrows, cap;
} cck_table;

/* Headers are copied. Free with cck_tab_free(). */
void cck_tab_init(cck_table *t, size_t ncols, const char *const *headers);
void cck_tab_free(cck_table *t);
/* Appends an empty row and returns its index. */
size_t cck_tab_row(cck_table *t);
/* Sets a cell from n raw bytes (cleaned as cck_rep_clean does); when
 * ms < me that byte range of s is the cell's highlighted part. */
void cck_tab_set(cck_table *t, size_t row, size_t col, const char *s, size_t n,
                 size_t ms, size_t me);
/* Aligned columns, two spaces apart, each line indented; columns give way
 * (flex column first) until a line fits width display columns; cut cells
 * end in "…". color: bold header and highlighted parts. */
void cck_tab_text(FILE *out, const cck_table *t, unsigned indent, unsigned width,
                  bool color);
/* A GitHub pipe table; cells longer than maxw columns are cut (0 = never). */
void cck_tab_md(FILE *out, const cck_table *t, unsigned maxw);
/* Writes clean text escaped for Markdown inline content ("|" as "\|"). */
void cck_rep_md_escape(FILE *out, const char *s, size_t n);

/* ---- content both text and Markdown show (report.c) ------------------------ */

/* The provenance table of a group: value as written, normalized, source,
 * line:col, sentence (the figure marked), cites. */
void cck_rep_provenance(cck_table *t, const cck_group *g);
/* "Hamhung · population (as of 2021)" into a new string (free()). */
char *cck_rep_subject(const char *entity, const char *attribute, const char *as_of);
/* "559000, 549000 — a.txt, b.txt": distinct values, then distinct sources. */
char *cck_rep_brief(const cck_group *g);
/* "N sources, N claims, N subjects, N conflicts" (no newline), new string. */
char *cck_rep_summary(const cck_corpus *c);
/* The marker text of the claim's unit, "[3][20]", or "uncited"; new string. */
char *cck_rep_cites(const cck_claim *cl);
/* The citation markers of a group's claims, each resolved: "[6] file: the
 * reference entry", or that it resolves nowhere / is a placeholder; one
 * line per distinct marker and source. *out is a malloc'd array of
 * malloc'd strings (free each, then the array); returns their number. */
size_t cck_rep_group_refs(const cck_group *g, char ***out);
/* "path: title · publisher · author · date · url" from what the source
 * says about itself (malloc'd), or NULL when it says nothing. */
char *cck_rep_source_meta(const cck_source *s);

/* ---- findings: what findings, github, sarif and junit list (findings.c) --- */

typedef enum {
    CCK_FIND_CONFLICT = 0,  /* a claim of a conflicting subject */
    CCK_FIND_DANGLING,      /* a citation marker that resolves nowhere */
    CCK_FIND_UNCITED        /* a claim of a conflicting subject with no citation */
} cck_find_kind;

typedef struct {
    cck_find_kind kind;
    cck_severity sev;
    const cck_source *src;
    size_t start, end;      /* clamped byte span */
    unsigned line, col;     /* 1-based, col in bytes */
    size_t group;           /* index into c->groups; SIZE_MAX for none */
    size_t src_pos;         /* src's 1-based position in the corpus */
    size_t seq;             /* its place in the order one thread makes them */
    char *msg;              /* owned, clean one line */
} cck_finding;

/* Every finding of c in file order (source order of the corpus, then
 * offset, then kind). Free with cck_rep_findings_free(). */
size_t cck_rep_findings(const cck_corpus *c, cck_finding **out);
/* The same, only those of the kinds in the mask (CCK_FIND_BIT(kind) | ...),
 * in the same order, the conflicts' made and the whole sorted on up to jobs
 * threads: the formats that list only dangling markers need not write a
 * message for each claim of every conflict. */
#define CCK_FIND_BIT(k) (1u << (k))
size_t cck_rep_findings_of(const cck_corpus *c, unsigned kinds, unsigned jobs,
                           cck_finding **out);
void cck_rep_findings_free(cck_finding *v, size_t n);
/* "conflict", "dangling-citation", "uncited" (static). */
const char *cck_rep_find_name(cck_find_kind k);
/* The conflicting groups of c, most important first (more sources, then
 * more claims, then corpus order): indices into c->groups, new array. */
size_t cck_rep_conflict_order(const cck_corpus *c, size_t **out);
/* One line about a conflicting group: "SUBJECT: V1 (a.txt:3) vs V2
 * (b.txt:5, c.txt:9); favoured V1"; new clean string (free()). */
char *cck_rep_conflict_line(const cck_group *g);
/* The claim a conflict is shown at: the first that is not favoured. */
const cck_claim *cck_rep_conflict_anchor(const cck_group *g);

/* A growing byte buffer (cck_xrealloc) that a group or a
 * source's chunk is rendered into (parts.c). */
typedef struct {
    char *buf;
    size_t len, cap;
} cck_rep_buf;
/* Makes room for n more bytes after len. */
void cck_rep_buf_reserve(cck_rep_buf *b, size_t n);
/* A stream appending to the buffer *cur points at (which may change
 * between writes; fflush() before reading it), never failing: a buffer
 * that cannot grow aborts, as cck_rep_buf_reserve() does. */
FILE *cck_rep_buf_open(cck_rep_buf **cur);
/* open_memstream(p, n), never failing (out of memory aborts); like the
 * buffer streams, for one thread's use only: they take no lock. */
FILE *cck_rep_memstream(char **p, size_t *n);

/* ---- streaming `extract` (report.c) ------------------------------------ */

/* Each line of b is written after "{\"id\": \"c<pos>" when id_prefix
 * is set (jsonl: the claim id's source position is only known when the
 * chunk is written), as it is otherwise. */
struct cck_rep_chunk {
    cck_rep_buf b;
    bool id_prefix;
};

/* One source's lines of `extract`: each claim object after pre (plen
 * bytes, its opening "{\"id\": \"c<pos>"). */
void cck_rep_jsonl_source(FILE *out, const cck_source *s, const char *pre, size_t plen);
/* The lines without their openings, appended to b. */
void cck_rep_jsonl_source_buf(const cck_source *s, cck_rep_buf *b);
void cck_rep_text_source(FILE *out, const cck_source *s);

/* ---- groups rendered on several threads (parts.c) ------------------------- */

/* Writes what a report shows of group i of c. Runs on any thread: it reads
 * c and ctx and writes to out only. */
typedef void (*cck_rep_group_fn)(FILE *out, const cck_corpus *c, size_t i, const void *ctx);
/* fn for every group of c, in order, exactly as a loop over them writes:
 * with jobs > 1 the groups are rendered in parts on up to jobs threads
 * into buffers, a bounded window of parts ahead of the one written next. */
void cck_rep_each_group(FILE *out, const cck_corpus *c, unsigned jobs, cck_rep_group_fn fn,
                        const void *ctx);

/* Appends to b what a report shows of claims [from, to) of group i of c,
 * with the group's opening when from is 0 and its end when to is its
 * nclaims: the pieces of a group, appended in order, are the group.
 * Runs on any thread: it reads c and ctx and writes to b only. */
typedef void (*cck_rep_group_buf_fn)(cck_rep_buf *b, const cck_corpus *c, size_t i,
                                     size_t from, size_t to, const void *ctx);
/* As cck_rep_each_group(), fn appending to a part's buffer itself (no
 * stream between them), a group of many claims cut into parts between
 * its claims; with jobs 1 too, a part at a time, each one write to out. */
void cck_rep_each_group_buf(FILE *out, const cck_corpus *c, unsigned jobs,
                            cck_rep_group_buf_fn fn, const void *ctx);

/* Items [0, n) rendered on up to jobs threads (this one among them), each
 * into a buffer of a ring of jobs * per_thread, and written in order, one
 * at a time, by whichever thread finishes the next in line: render(ctx, ts,
 * k, b) on any thread, with the state ts that start(ctx) made for it (end(ts)
 * ends it; either may be NULL), into b emptied for it; write(ctx, k, b) for
 * k = 0, 1, ... in turn. With one job, the same calls on this thread. */
typedef struct {
    void *(*start)(void *ctx);
    void (*render)(void *ctx, void *ts, size_t k, cck_rep_buf *b);
    void (*write)(void *ctx, size_t k, const cck_rep_buf *b);
    void (*end)(void *ts);
} cck_rep_order_fns;
void cck_rep_in_order(unsigned jobs, size_t n, size_t per_thread, const cck_rep_order_fns *f,
                      void *ctx);

/* ---- the writers ----------------------------------------------------------- */

cck_status cck_rep_jsonl_claims(FILE *out, const cck_corpus *c);
cck_status cck_rep_jsonl_groups(FILE *out, const cck_corpus *c, unsigned jobs);
cck_status cck_rep_text_claims(FILE *out, const cck_corpus *c);
cck_status cck_rep_text_groups(FILE *out, const cck_corpus *c, bool color,
                               unsigned width, unsigned jobs);
cck_status cck_rep_md_claims(FILE *out, const cck_corpus *c);
cck_status cck_rep_md_groups(FILE *out, const cck_corpus *c, unsigned jobs);
/* With groups, the groups rendered on up to jobs threads. */
cck_status cck_rep_json_doc(FILE *out, const cck_corpus *c, bool groups, unsigned jobs);
/* With groups, rendered on up to jobs threads (cck_rep_each_group()). */
cck_status cck_rep_csv(FILE *out, const cck_corpus *c, bool groups, unsigned jobs);
cck_status cck_rep_findings_write(FILE *out, const cck_corpus *c, bool groups, unsigned jobs);
cck_status cck_rep_github(FILE *out, const cck_corpus *c, bool groups);
cck_status cck_rep_sarif(FILE *out, const cck_corpus *c, bool groups);
cck_status cck_rep_junit(FILE *out, const cck_corpus *c, bool groups);
/* The conflicts' sections and sources' tables rendered on up to jobs threads. */
cck_status cck_rep_html(FILE *out, const cck_corpus *c, bool groups, unsigned jobs);

#endif
