/* sources.h: the sources stage inside the library. Loading lives in
 * source.c (public API in claimcheck.h); this header is the structure pass
 * that turns a loaded file into articles, sections, units (sentences and
 * table cells), reference lists and citation markers. */
#ifndef CCK_SOURCES_H
#define CCK_SOURCES_H

#include "claimcheck.h"

/* Fills s->articles, s->sections, s->units, s->cites and s->refs from the
 * plain-text bytes. Never fails on content: odd input yields fewer units
 * and, where the input is malformed, diagnostics in d. Arena-owned results,
 * valid until cck_source_free(). */
cck_status cck_src_segment(cck_source *s, cck_diags *d);

/* Index of the unit containing byte offset off, or (size_t)-1. */
size_t cck_src_unit_at(const cck_source *s, size_t off);

/* The section path of a unit ("History > Korean War"), arena-allocated in
 * s's arena; "" when the unit has no section. */
const char *cck_src_section_path(cck_source *s, const cck_unit *u);

/* Reads every regular file below a directory (sorted by name, hidden files
 * and unreadable entries skipped with a diagnostic) or the one file given,
 * and appends the paths (owned, free with free()) to *paths. */
cck_status cck_src_expand_path(const char *path, char ***paths, size_t *npaths,
                               cck_diags *d);

/* ---- readers: markup to projected text ---------------------------------- */

/* The markup of a file, from its extension (.html .htm .xhtml .md
 * .markdown .xml) and its first bytes ("<!DOCTYPE html", "<?xml",
 * front matter). A .txt file is text unless it begins as HTML or XML. */
cck_markup cck_src_detect(const char *path, const char *bytes, size_t len);

/* Projected text under construction: bytes plus the pieces mapping them
 * back to file bytes. malloc'ed; cck_src_set_projection() takes both. */
typedef struct {
    char *b;
    size_t n, cap;
    cck_piece *v;
    size_t np, pcap;
} cck_proj;

/* Appends n bytes standing for file bytes [raw, raw_end); adjacent
 * byte-for-byte pieces merge. n == 0 appends nothing. */
void cck_proj_emit(cck_proj *p, const char *bytes, size_t n, size_t raw, size_t raw_end);
/* Appends bytes inserted by the reader (a break, a list number) at file
 * offset at. */
void cck_proj_insert(cck_proj *p, const char *text, size_t at);
/* Number of '\n' at the end of the projected text so far. */
size_t cck_proj_trailing_newlines(const cck_proj *p);
void cck_proj_free(cck_proj *p);

/* Makes s->bytes the projected text of p (taken over; p is left empty),
 * keeping the file's bytes as s->raw with their own line table. */
void cck_src_set_projection(cck_source *s, cck_proj *p);

/* Readers: each replaces s->bytes (the file) by its projected text, fills
 * s->meta, and appends diagnostics naming s->path. Blocks end paragraphs,
 * headings become "# " lines, tables "| a | b |" rows over a "|---|" line,
 * reference lists "1. " entries, so the structure pass reads them as it
 * reads plain text. */
void cck_src_read_html(cck_source *s, cck_diags *d);
void cck_src_read_markdown(cck_source *s, cck_diags *d);
void cck_src_read_xml(cck_source *s, cck_diags *d);
/* Reads ".claimcheck-sources" in the source's directory, if there is one,
 * into s->meta (its fields win); bad lines are warnings naming that file. */
void cck_src_sidecar(cck_source *s, cck_diags *d);

/* What a thread loading many files remembers between them: the last
 * directory found without a sources file, so that its other files do not
 * look again (the files of one run are taken as they were when it began).
 * Zero it to start; cck_src_memo_free() frees it. */
typedef struct {
    char *dir;      /* with its final '/', or NULL */
    size_t len;
} cck_src_memo;
void cck_src_memo_free(cck_src_memo *m);
/* cck_src_sidecar() with a memo (NULL: none). */
void cck_src_sidecar_memo(cck_source *s, cck_src_memo *m, cck_diags *d);
/* cck_source_load() with a memo (NULL: none). */
cck_status cck_src_load_memo(const char *path, size_t max_bytes, cck_src_memo *m,
                             cck_source **out, cck_diags *d);
/* The same from len bytes of buf, read from the file named side. */
void cck_src_sidecar_parse(cck_source *s, const char *side, const char *buf, size_t len,
                           cck_diags *d);
/* Invalid UTF-8 and NUL bytes of s->raw, as one warning each. */
void cck_src_check_utf8(const cck_source *s, cck_diags *d);

/* Gives back the unused capacity of the claim list once extraction is done
 * (claims are grown by doubling; most sources hold a handful). Call before
 * anything takes a pointer to a claim. */
void cck_src_trim_claims(cck_source *s);

/* libxml2 set-up, done once per process: xmlInitParser() and an external
 * entity loader that refuses every URI. */
void cck_src_xml_init(void);
/* Decodes the entity reference at p ("&amp;", "&#233;", "&eacute;" when
 * html) into UTF-8 at out (4 bytes room); returns the bytes of p consumed
 * (0 when p holds no known reference) and the UTF-8 length in *outn. */
size_t cck_src_entity(const char *p, size_t n, bool html, char out[4], size_t *outn);
/* UTF-8 encoding of code point cp into out (4 bytes room); its length. */
size_t cck_src_utf8_put(unsigned cp, char out[4]);

#endif
