/* claimcheck.h: the one public header. The data model (source, claim, group,
 * corpus), diagnostics, and the stage entry points of the pipeline
 *     source -> extract -> subject -> reconcile -> report
 * Every offset stored anywhere is a byte offset into the original,
 * unmodified file; lines and columns are derived from a line-start table. */
#ifndef CLAIMCHECK_H
#define CLAIMCHECK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define CCK_VERSION "0.1.0"

typedef enum {
    CCK_OK = 0,
    CCK_ERR_IO,     /* a file could not be read or written */
    CCK_ERR_INPUT,  /* the input is malformed; diagnostics say where */
    CCK_ERR_LIMIT   /* a resource bound was hit (file size, regex limit) */
} cck_status;

/* ---- memory ---------------------------------------------------------- */

/* Allocation wrappers: print "claimcheck: out of memory (N bytes)" and abort. */
void *cck_xmalloc(size_t n);
void *cck_xcalloc(size_t n, size_t size);         /* checks n*size overflow */
void *cck_xrealloc(void *p, size_t n);
void *cck_xreallocarray(void *p, size_t n, size_t size); /* checks overflow */
char *cck_xstrndup(const char *s, size_t n);
/* Gives the pages of the memory freed so far back to the system, for a
 * stage that has just freed big temporaries amid the heap, so that what
 * comes next reuses pages instead of adding to the peak (glibc's
 * malloc_trim(); elsewhere nothing). */
void cck_mem_trim(void);

/* Bump arena: everything derived from one source lives in its arena and is
 * freed by one cck_arena_free(). Allocations are 16-byte aligned; strings
 * (strndup, strdup, printf, chars) are packed with no alignment. */
typedef struct cck_arena cck_arena;
cck_arena *cck_arena_new(void);
/* An arena for scratch work, emptied between sources (cck_arena_reset()):
 * each new block is as big as all before it, up to 64 MiB, where an arena
 * that lives to the end of the run adds an eighth, at most 64 KiB, to keep
 * its unused end small; so a big source's scratch is some twenty blocks,
 * not thousands for cck_arena_owns() to walk. */
cck_arena *cck_arena_new_scratch(void);
void cck_arena_free(cck_arena *a);                 /* NULL is a no-op */
/* Invalidates everything a handed out, keeping (up to 1 MiB of) its memory
 * in one block for what comes next: a scratch arena between sources. */
void cck_arena_reset(cck_arena *a);
void *cck_arena_alloc(cck_arena *a, size_t n);     /* zeroed memory */
void *cck_arena_take(cck_arena *a, size_t n);      /* n bytes as they are, aligned */
char *cck_arena_strndup(cck_arena *a, const char *s, size_t n);
char *cck_arena_chars(cck_arena *a, size_t n);       /* n zeroed chars, unaligned */
char *cck_arena_raw(cck_arena *a, size_t n);         /* n chars as they are, unaligned */
char *cck_arena_strdup(cck_arena *a, const char *s);
/* Moves every block of from into into (what from handed out stays valid,
 * now into's), and frees from; from may be NULL. */
void cck_arena_adopt(cck_arena *into, cck_arena *from);
/* True when p points into memory a handed out (walks a's blocks). */
bool cck_arena_owns(const cck_arena *a, const void *p);
char *cck_arena_printf(cck_arena *a, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* ---- diagnostics ------------------------------------------------------ */

typedef enum { CCK_SEV_NOTE, CCK_SEV_WARNING, CCK_SEV_ERROR } cck_severity;

typedef struct {
    char *file;          /* owned copy; "" when not about a file */
    unsigned line, col;  /* 1-based; 0 when unknown */
    cck_severity sev;
    char *msg;           /* owned */
} cck_diag;

/* The library never prints: it appends here and the CLI prints. */
typedef struct {
    cck_diag *v;
    size_t n, cap;
} cck_diags;

void cck_diags_init(cck_diags *d);
void cck_diags_free(cck_diags *d);
void cck_diag_add(cck_diags *d, const char *file, unsigned line, unsigned col,
                  cck_severity sev, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 7)))
#endif
    ;
size_t cck_diags_count(const cck_diags *d, cck_severity at_least);
/* Moves every diagnostic of from to the end of to (ownership moves too);
 * from is left empty. */
void cck_diags_move(cck_diags *to, cck_diags *from);
/* Writes "file:line:col: severity: message" lines, one per diagnostic. */
void cck_diags_print(const cck_diags *d, FILE *out);

/* ---- source structure ------------------------------------------------- */

/* A byte offset (or length) within one source, for the structures kept for
 * every claim, unit and line: 32 bits, not a size_t's 64.
 * cck_source_load() refuses a file, or a projected text, longer than
 * CCK_SOURCE_MAX bytes, so that every offset of a source, and its end, fits. */
typedef uint32_t cck_off;
#define CCK_SOURCE_MAX ((size_t)UINT32_MAX - 1)

/* The small enums of the structures kept for every claim and unit take one
 * byte where the compiler can say so. */
#if defined(__GNUC__)
#define CCK_SMALL_ENUM __attribute__((packed))
#else
#define CCK_SMALL_ENUM
#endif

typedef enum CCK_SMALL_ENUM {
    CCK_ZONE_BODY = 0,
    CCK_ZONE_TABLE,
    CCK_ZONE_REFERENCES,
    CCK_ZONE_COMMENTS
} cck_zone;
const char *cck_zone_name(cck_zone z);  /* "body", "table", ... */

/* An article inside one file (a file may hold several one after another). */
typedef struct {
    cck_off start, end;    /* raw byte span */
    const char *title;     /* arena; the main subject, never NULL ("" if unknown) */
} cck_article;

/* A heading. The section runs until the next heading of the same or
 * higher level, or the end of its article. Its title is the bytes of its
 * span, read through cck_section_title(), not a copy. */
typedef struct {
    cck_off start, end;    /* raw byte span of the heading text itself */
    int level;             /* 1 = top */
    int parent;            /* index into sections, -1 for none */
    unsigned article;
} cck_section;

/* An entry of a reference list ("1. ^ ...", "[3] ..."). Its text is the
 * bytes [text, end) of the source, read through cck_ref_text(), not a
 * copy. */
typedef struct {
    cck_off start, end;    /* raw byte span of the whole entry */
    cck_off text;          /* where its text starts, after the label */
    unsigned article;
    unsigned uses;         /* how many markers resolve to it */
    const char *label;     /* arena; "3" for an entry cited as [3]; may be "" */
} cck_ref;

/* A citation marker standing in the text: "[20]", "[map](#)", ... The
 * marker as written is the bytes of its span (cck_cite_marker()), which
 * hold no NUL. */
typedef struct {
    cck_off start, end;    /* raw byte span of the marker as written */
    const char *target;    /* arena; link target or NULL */
    int ref;               /* index into refs, -1 when it resolves nowhere */
    bool placeholder;      /* link target "#" or empty */
} cck_cite;

/* What a table cell unit knows of its table (src->cells, in unit order). */
typedef struct {
    const char *caption;   /* arena; table caption or title row, or NULL */
    const char *row_header;/* arena; first cell of the row, or NULL */
    const char *col_header;/* arena; header of the cell's column, or NULL */
    int table;             /* table number within the source; -1 for no cell */
    cck_off unit;          /* the cell's unit: its index in src->units */
} cck_table_cell;

/* A source has at most this many articles (cck_unit.article's room): the
 * segmenter keeps a file's later headings in its last article. */
#define CCK_ARTICLE_MAX ((1u << 30) - 1)

/* A unit is what claims are extracted from: a sentence of prose, or one
 * table cell. Units are sorted by start and never overlap. Kept for the
 * whole run, so 20 bytes: a table cell's fields are in src->cells
 * (cck_unit_cell()), the markers that back the unit in src->unit_cites,
 * from its cites up to the next unit's (cck_unit_ncites(),
 * cck_unit_cite()): its own trailing markers, or a table's "Source:" row
 * for every cell. */
typedef struct {
    cck_off start, end;    /* raw byte span */
    cck_off cites;         /* first of this unit's entries in src->unit_cites */
    int section;           /* innermost section, -1 for none */
    unsigned article : 30; /* at most CCK_ARTICLE_MAX */
    unsigned zone : 2;     /* a cck_zone */
} cck_unit;
_Static_assert(sizeof(cck_unit) <= 20, "cck_unit is kept for every sentence of the run");

/* ---- claims ----------------------------------------------------------- */

typedef enum CCK_SMALL_ENUM {
    CCK_KIND_COUNT = 0,
    CCK_KIND_MEASURE,
    CCK_KIND_PERCENT,
    CCK_KIND_MONEY,
    CCK_KIND_DATE,
    CCK_KIND_COORDINATE,
    CCK_KIND_RANK
} cck_kind;
const char *cck_kind_name(cck_kind k);   /* "count", "measure", ... */

typedef enum CCK_SMALL_ENUM { CCK_BOUND_NONE = 0, CCK_BOUND_LOWER, CCK_BOUND_UPPER } cck_bound;
const char *cck_bound_name(cck_bound b); /* NULL, "lower", "upper" */

typedef struct cck_source cck_source;

/* How a source file is written; decided by cck_src_detect() from the
 * file's extension and its first bytes. */
typedef enum {
    CCK_MARKUP_TEXT = 0,
    CCK_MARKUP_MARKDOWN,
    CCK_MARKUP_HTML,
    CCK_MARKUP_XML
} cck_markup;
const char *cck_markup_name(cck_markup m);   /* "text", "markdown", ... */

/* One piece of the segment map from the projected text back to the file:
 * projected bytes [proj, next piece's proj) stand for file bytes
 * [raw, raw_end). When both lengths agree the piece maps byte for byte;
 * otherwise (an entity, a transcoded character, an inserted break with
 * raw == raw_end) the piece stands for its whole raw span. */
typedef struct {
    cck_off proj, raw, raw_end;
} cck_piece;

/* File bytes from raw kept at kept + at once the rest of the file is let
 * go (cck_source_keep_claim_raw()): as many as there are up to the next
 * excerpt's at (the last: up to nkept). */
typedef struct {
    cck_off raw, at;
} cck_excerpt;

/* What a source says about itself, from <title>, <meta>, <link
 * rel=canonical> or Markdown front matter, overridden by the optional
 * ".claimcheck-sources" file beside it (README: "Source formats"). Arena
 * strings; NULL when nobody says. */
typedef struct {
    const char *title;
    const char *url;
    const char *date;       /* as written ("2021-03-04", "4 March 2021") */
    const char *publisher;  /* site or publisher name */
    const char *author;
    double weight;          /* reliability from the sources file; 1 when not given */
} cck_meta;

/* One numeric claim: every field of ../shared/gold/FORMAT.md, plus what
 * reconciliation needs (the rounding the figure shows). Every claim of
 * the run is kept until the report: offsets are cck_off, the values of
 * the three sorts of claim (figures, coordinates, dates) share their room,
 * and fields are ordered so that only the end pads (80 bytes where GCC or
 * Clang packs the enums, 96 elsewhere: pinned below). */
typedef struct cck_claim {
    const cck_source *src;  /* borrowed */
    /* index and unit_index fit a cck_off like the offsets: claims and
     * units are non-empty and never overlap, so a source has fewer of
     * them than bytes */
    cck_off index;          /* position in src->claims */
    cck_off start, end;     /* raw byte span of the whole expression */
    cck_off unit_index;     /* the unit (sentence or cell) it stands in */
    /* the rounding step the written figure shows, in the canonical unit
     * ("559,000" -> 1000, "10.0 km" -> 100, "2.8" -> 0.1); 0 if exact */
    double step;
    /* subject: filled by cck_rec_subjects(); arena strings */
    const char *entity;
    const char *attribute;
    const char *as_of;      /* NULL when the text gives no time */
    /* The value. The kinds' members share their room: read and write only
     * those of the claim's kind (a claim is made zeroed, so they start at
     * 0 or ""). */
    union {
        /* every kind but dates and coordinates: canonical unit values;
         * lo == hi for a single value */
        struct { double lo, hi; };
        /* CCK_KIND_COORDINATE: decimal degrees, south and west negative */
        struct { double lat, lon; };
        /* CCK_KIND_DATE: the two ends, ISO-8601 at the granularity
         * written ("1961", "1961-05", "1961-05-06"; 'X' where the text
         * leaves a part open), each kept in 8 bytes without its dashes:
         * read and write them through cck_claim_date() and
         * cck_claim_set_date() */
        unsigned char date[2][8];
    };
    cck_kind kind;
    cck_bound bound;
    cck_zone zone;
    /* the canonical unit ("", "m", "degC", "%", "USD" ...) as its number
     * among the units claims have: read and set it through
     * cck_claim_unit() and cck_claim_set_unit() */
    uint8_t unit_no;
    bool approx;
    bool vague;             /* "several thousand": never compared as a number */
    /* true when the text does not say what the figure is about (only its
     * kind or unit tells the attribute, or an event's date stands in an
     * article about a place without naming what happened): such a claim
     * is reported on its own and never compared with others */
    bool unclear;
    /* true when the text quotes the figure to reject it ("559,000, not
     * 800,000"): reported on its own, never taken as a value */
    bool denied;
} cck_claim;
#if defined(__GNUC__)
_Static_assert(sizeof(cck_claim) <= 80, "cck_claim is kept for every claim of the run");
#else
_Static_assert(sizeof(cck_claim) <= 96, "cck_claim is kept for every claim of the run");
#endif
/* The canonical unit of claim c: never NULL ("" for plain counts). */
const char *cck_claim_unit(const cck_claim *c);
/* Sets it (NULL is ""). At most CCK_UNITS_MAX distinct units are seen in a
 * run; one more stops it, as running out of memory does. */
void cck_claim_set_unit(cck_claim *c, const char *unit);
#define CCK_UNITS_MAX 255
/* End hi of date claim c (false: its start) as ISO text in buf, "" when it
 * is not set; returns buf. */
#define CCK_DATE_TEXT 11
const char *cck_claim_date(const cck_claim *c, bool hi, char buf[CCK_DATE_TEXT]);
/* Sets it from iso: "", "YYYY", "YYYY-MM" or "YYYY-MM-DD" (each Y, M and D
 * a digit or 'X'); of text of another shape, what comes before the first
 * byte out of place. */
void cck_claim_set_date(cck_claim *c, bool hi, const char *iso);
/* True when date claim c's ends are the same text: one date, not a period. */
bool cck_claim_one_date(const cck_claim *c);

/* A loaded source: bytes, line table, structure, claims. Everything hangs
 * off its arena and is freed by cck_source_free(). */
struct cck_source {
    char *path;             /* as given on the command line (owned) */
    char *bytes;            /* the text the pipeline reads, NUL-terminated
                               (owned): the file itself for plain text, the
                               projected text of a markup file otherwise */
    cck_off *line_starts;   /* where each line of bytes starts (owned) */
    cck_arena *arena;

    /* The file as it is on disk. For plain text raw == bytes and
     * raw_line_starts == line_starts (not separately owned). Every offset
     * stored above is into bytes; report through cck_source_linecol() and
     * cck_source_file_span(), which map back to the file. */
    char *raw;              /* NUL-terminated; NULL once only the claims'
                               spans are kept (cck_source_keep_claim_raw()):
                               read it through cck_source_raw_text() */
    cck_off *raw_line_starts;
    cck_piece *pieces;      /* sorted by proj (owned); none: bytes[i] is raw[i] */
    cck_meta meta;

    /* The structure and the claims. Every count of a source (like every
     * offset) is a cck_off: none exceeds its bytes, at most CCK_SOURCE_MAX
     * (the table cells' cites, which can, are checked as they grow). */
    cck_article *articles;
    cck_section *sections;
    cck_unit *units;
    cck_table_cell *cells;  /* the table cells, by their unit */
    cck_off *unit_cites;    /* the units' cites, in unit order */
    cck_cite *cites;        /* sorted by start */
    cck_ref *refs;
    cck_claim *claims;      /* sorted by start */
    /* what cck_source_keep_claim_raw() kept of raw: excerpts sorted by
     * their file offset, their bytes one after another in kept (owned) */
    cck_excerpt *excerpts;
    char *kept;
    /* reliability: weight is the prior a config gives (0 = none, taken as
     * 0.8); trust is estimated by cck_rec_group() across all groups from
     * how often the source's figures agree with the best-supported ones */
    double weight, trust;

    cck_off len;            /* of bytes, without the terminating NUL */
    cck_off nlines;
    cck_off raw_len;
    cck_off raw_nlines;
    cck_off npieces;
    cck_off narticles, nsections, nunits, ncells, nunit_cites, ncites, nrefs;
    cck_off nclaims, claims_cap;
    cck_off nexcerpts, nkept;
    cck_markup markup;
    /* A plain-text source whose text was let go (cck_source_drop_text()):
     * bytes and raw are NULL (cck_source_dropped()), cck_source_text()
     * reads the file again, and the file's size, inode and change time at
     * load tell whether it is still what was read. */
    bool on_disk;           /* read from a regular file, whose stamp follows */
    int32_t file_mtime_ns;
    int64_t file_mtime_s;
    uint64_t file_ino;
};

/* Reads a file into a new source (bytes + line table). Files larger than
 * max_bytes (0 = 256 MiB; at most CCK_SOURCE_MAX, whatever is asked), or
 * whose projected text is longer than CCK_SOURCE_MAX, are refused with
 * CCK_ERR_LIMIT. On error *out is
 * NULL and a diagnostic naming the file is appended to d. */
cck_status cck_source_load(const char *path, size_t max_bytes, cck_source **out,
                           cck_diags *d);
/* Makes a plain-text source from memory (copied; len at most
 * CCK_SOURCE_MAX); for tests. Never fails. */
cck_source *cck_source_from_memory(const char *path, const char *bytes, size_t len);
/* Makes a source from memory (copied; len at most CCK_SOURCE_MAX / 3, so
 * that a transcoded projection fits too) read the way cck_source_load()
 * reads a file: the markup detected from path and
 * content, projected, with diagnostics appended to d. Never returns NULL. */
cck_source *cck_source_parse(const char *path, const char *bytes, size_t len,
                             cck_diags *d);
void cck_source_free(cck_source *s);     /* NULL is a no-op */
/* 1-based line and column (in bytes) in the file on disk of offset off of
 * s->bytes. */
void cck_source_linecol(const cck_source *s, size_t off, unsigned *line, unsigned *col);
/* The same for offset off of the file itself (s->raw), when a file offset
 * is already known (cck_source_file_span()): no second mapping. */
void cck_source_raw_linecol(const cck_source *s, size_t off, unsigned *line, unsigned *col);
/* The file byte span [*fstart, *fend) that bytes [start, end) of s->bytes
 * came from (identical for plain text). */
void cck_source_file_span(const cck_source *s, size_t start, size_t end, size_t *fstart,
                          size_t *fend);
/* For a run whose reports quote a file's own bytes only at its claims (as
 * `check` does): a markup source keeps of its file (s->raw, often several
 * times its projected text) only the file spans of its claims, and frees
 * the rest; s->raw is NULL after it, and so is s->line_starts (the
 * projected text's lines, which only cck_src_segment() reads; nlines
 * stays). Nothing else changes. A plain-text
 * source, whose file is its text, is left as it is. Call it once the
 * claims are final. */
void cck_source_keep_claim_raw(cck_source *s);
/* For a run whose report reads a plain-text source's bytes only at its
 * claims and citation markers (`check -f jsonl`): keeps those spans, as
 * cck_source_keep_claim_raw() does for markup, and lets the text go; the
 * stages that read all of it take it from cck_source_text(). Call it once
 * the claims are final. Markup sources and sources not read from a file
 * are left as they are. */
void cck_source_drop_text(cck_source *s);
/* True once s let its text go: s->bytes is NULL then, and only then. */
bool cck_source_dropped(const cck_source *s);
/* A buffer cck_source_text() reads a file into; zero it to start. */
typedef struct {
    char *b;
    size_t cap;
} cck_textbuf;
void cck_textbuf_free(cck_textbuf *t);
/* The text of s (what s->bytes holds, NUL-terminated, len bytes): s->bytes
 * itself, or, once dropped, the file read again into t (valid until t is
 * used again). A file that changed since it was loaded stops the run
 * with a message naming it, as running out of memory does: its claims'
 * offsets no longer point into it. */
const char *cck_source_text(const cck_source *s, cck_textbuf *t);
/* Bytes [from, to) of the text of s, as cck_source_text() gives them (a
 * dropped source reads only those again: a stage that looks at a few
 * words around each of many claims must not read the whole file for
 * each); NULL when the range is not within the text. */
const char *cck_source_text_range(const cck_source *s, size_t from, size_t to, cck_textbuf *t);
/* Bytes [start, end) of s->bytes: in s->bytes, or, once dropped, in the
 * spans kept; NULL when they were not kept. */
const char *cck_source_span(const cck_source *s, size_t start, size_t end);
/* The file's bytes [fstart, fend): in s->raw, or in what
 * cck_source_keep_claim_raw() kept ("" for an empty span); NULL when they
 * were not kept. */
const char *cck_source_raw_text(const cck_source *s, size_t fstart, size_t fend);
/* The table fields of unit u (one of s->units): for a unit that is no
 * table cell, one with NULL strings and table -1. */
const cck_table_cell *cck_unit_cell(const cck_source *s, const cck_unit *u);
/* How many markers back unit u (one of s->units). */
size_t cck_unit_ncites(const cck_source *s, const cck_unit *u);
/* The k-th marker backing unit u of s (k < cck_unit_ncites()), or NULL
 * when its index does not fall within s->cites. */
const cck_cite *cck_unit_cite(const cck_source *s, const cck_unit *u, size_t k);
/* The marker of cite c of s as written: *n bytes (no NUL among them) at the
 * returned pointer into s->bytes, not NUL-terminated. */
const char *cck_cite_marker(const cck_source *s, const cck_cite *c, size_t *n);
/* The title of section k of s: *n bytes of s->bytes (no NUL among them:
 * they stop at the first), not NUL-terminated; "" once the text was let
 * go (cck_source_drop_text()). */
const char *cck_section_title(const cck_source *s, size_t k, size_t *n);
/* The same within text, what cck_source_text() gave for s. */
const char *cck_section_title_in(const cck_source *s, const char *text, size_t k, size_t *n);
/* The text of reference r of s without its label: *n bytes (no NUL among
 * them: they stop at the first, as a copy would) at the returned pointer
 * into s->bytes, not NUL-terminated. */
const char *cck_ref_text(const cck_source *s, const cck_ref *r, size_t *n);
/* The same as a string (free() it). */
char *cck_ref_text_dup(const cck_source *s, const cck_ref *r);
/* Appends a claim (copied) and returns the stored one; sets index and src. */
cck_claim *cck_source_add_claim(cck_source *s, const cck_claim *c);

/* ---- corpus: the whole run -------------------------------------------- */

typedef enum { CCK_GROUP_SINGLE = 0, CCK_GROUP_CONSISTENT, CCK_GROUP_CONFLICT } cck_group_status;
const char *cck_group_status_name(cck_group_status s);

/* Claims about one subject (entity + attribute + as_of). */
typedef struct {
    const char *entity, *attribute, *as_of;  /* borrowed from the claims */
    cck_group_status status;
    cck_claim **claims;     /* borrowed pointers, owned array (corpus arena) */
    size_t nclaims;
    size_t nsources;        /* distinct voices among the claims: each article
                               of a file counts as its own source */
    const char *note;       /* corpus arena: why, with the tolerance used */
    const cck_claim *favoured; /* best-supported claim, or NULL */
} cck_group;

typedef struct {
    cck_source **sources;   size_t nsources;  /* owned */
    cck_group *groups;      size_t ngroups;   /* sorted: conflicts first */
    cck_arena *arena;       /* groups, notes */
    cck_diags diags;
} cck_corpus;

void cck_corpus_init(cck_corpus *c);
void cck_corpus_free(cck_corpus *c);     /* frees sources, groups, diags */
void cck_corpus_add(cck_corpus *c, cck_source *s);  /* takes ownership */
size_t cck_corpus_nclaims(const cck_corpus *c);

#endif
