/* baseline.h: what CI gates on: a baseline file of known conflicts keyed by
 * subject and values, and a filtered view of a corpus (known conflicts and
 * conflicts not touching the changed sources left out) for the writers. */
#ifndef CCK_BASELINE_H
#define CCK_BASELINE_H

#include "claimcheck.h"

/* A sorted set of group fingerprints (16 hex digits each). */
typedef struct {
    char (*v)[17];
    size_t n, cap;
} cck_fpset;

void cck_fpset_free(cck_fpset *s);
void cck_fpset_add(cck_fpset *s, const char *fp);   /* keeps it sorted, no duplicates */
bool cck_fpset_has(const cck_fpset *s, const char *fp);

/* Writes one line per conflicting group of c: "FINGERPRINT<TAB>subject =
 * values", after a "# claimcheck baseline 1" header; sorted by
 * fingerprint so the file diffs cleanly. */
cck_status cck_base_write(FILE *out, const cck_corpus *c);
/* Reads a baseline file into s. A line that is neither a comment, blank,
 * nor an entry is an error naming the file and line, appended to d. */
cck_status cck_base_read(const char *path, cck_fpset *s, cck_diags *d);

/* A view of a corpus: the same sources, with conflicting groups left out
 * when their fingerprint is in known (if not NULL), or, when by_changed,
 * when no claim of theirs stands in one of the changed paths. Free with
 * cck_view_free(); the view borrows everything else from c. */
typedef struct {
    cck_corpus c;            /* shallow copy; groups is a new array when a
                                filter is asked for, else c's own */
    size_t known;            /* conflicts left out as known */
    size_t unchanged;        /* conflicts left out as not touching a change */
    bool own_groups;
} cck_view;

void cck_view_init(cck_view *v, const cck_corpus *c, const cck_fpset *known,
                   char *const *changed, size_t nchanged, bool by_changed);
void cck_view_free(cck_view *v);

#endif
