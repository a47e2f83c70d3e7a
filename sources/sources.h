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

#endif
