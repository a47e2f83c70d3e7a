/* segment_int.h: what the three files of the structure pass share
 * (segment.c drives, cite.c finds markers and reference lists, table.c
 * reads pipe tables). Not part of the library's public API. */
#ifndef CCK_SEGMENT_INT_H
#define CCK_SEGMENT_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "sources.h"

/* One physical line of the file. */
typedef struct {
    size_t start, end;   /* raw span without "\n" or "\r\n" */
    size_t cs, ce;       /* content: a leading "[edit]" and outer blanks cut */
    int table;           /* index into seg_ctx.tables, -1 when not in one */
    bool view_on;        /* began with a site's "View on X" banner (cut) */
} seg_line;

/* A pipe table as found by cck_src_tables_find(). */
typedef struct {
    size_t first;        /* first line belonging to the table */
    size_t glue;         /* byte offset of a header glued to the end of a prose
                            line (line `first`), 0 when none */
    size_t sep;          /* the "|---|---|" line; SIZE_MAX when rows stand
                            without one */
    size_t end;          /* one past the last line */
    bool caption_row;    /* the row before sep is a title row */
    bool pipeless;       /* "a | b" rows without outer pipes: a row a line */
} seg_table;

/* Working state of one segmentation; vectors are malloc'ed and copied to
 * the source's arena at the end. */
typedef struct {
    cck_source *s;
    cck_diags *d;      /* notes on malformed structure; may be NULL */
    seg_line *lines;   size_t nlines;
    seg_table *tables; size_t ntables;
    cck_unit *units;   size_t nunits, ucap;
    cck_table_cell *cells;   size_t ncells, cellcap;
    cck_off *ucites;   size_t nucites, uccap; /* the units' cite indices */
    cck_ref *refs;     size_t nrefs, rcap;
    cck_cite *cites;   size_t ncites, ccap;
    cck_article *arts; size_t narts, acap;
    cck_section *secs; size_t nsecs, scap;
    /* where the line pass stands: stamped on every unit it adds */
    unsigned article;
    int section;
    unsigned next_label; /* implicit number of the article's next entry */
    bool caret_list;     /* the article's entries use "^" back-links */
    bool letter_mode;    /* the list in force labels its entries a, b, c */
    bool letter_used;    /* the article had its lettered list */
    unsigned next_letter;
    /* lettered_before(): how far the article's markers have been looked
     * through (to lettered_k, for offsets below lettered_off) */
    size_t lettered_k, lettered_off;
    bool lettered_on, lettered_seen;
    bool ucites_full;    /* CCK_SOURCE_MAX unit cite entries: no more */
} seg_ctx;

/* Adds a unit over [a, b) trimmed of blanks; nothing when it is empty or
 * would overlap the previous unit. Prose units get the markers inside their
 * span as cites; table cells none (cck_src_unit_cites() gives them theirs).
 * Returns the unit (valid until the next add) or NULL. */
cck_unit *cck_src_unit_add(seg_ctx *c, size_t a, size_t b, cck_zone z);
/* Appends cite index k to c->ucites. A unit's entries run from its cites
 * to the next unit's, so k backs the unit whose entries began last. */
void cck_src_unit_cite(seg_ctx *c, size_t k);

/* Whether [p, p+n) is a marker label: digits, one lowercase letter, or
 * "note N" ("[3]", "[a]", "[note 1]"). */
bool cck_src_is_label(const char *p, size_t n);
/* Finds every citation marker in the file into c->cites (sorted). */
void cck_src_cites_scan(seg_ctx *c);
/* First cite with start >= off (c->ncites when none). */
size_t cck_src_cite_lower(const seg_ctx *c, size_t off);
/* Adds a reference entry over [a, b) of the current article. label may be
 * NULL: the entry is then numbered after the article's previous entries
 * when number is true, else left unlabelled. */
void cck_src_ref_add(seg_ctx *c, size_t a, size_t b, size_t text_start,
                     const char *label, size_t label_len, bool number);
/* Resolves markers to entries of the same article and counts uses;
 * articles must be final. */
void cck_src_cites_resolve(seg_ctx *c);

/* How many times the m bytes at w occur in [hay, hay + n), overlapping
 * occurrences included (0 when m is 0). */
size_t cck_src_count_in(const char *hay, size_t n, const char *w, size_t m);

/* Finds every pipe table (pre-pass: lines must be built). */
void cck_src_tables_find(seg_ctx *c);
/* Adds one TABLE unit per data cell of table t (in file order). */
void cck_src_table_emit(seg_ctx *c, size_t t);

#endif
