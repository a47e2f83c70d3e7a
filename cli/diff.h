/* diff.h: `claimcheck diff OLD NEW`: the claims added, removed and changed
 * between two versions of a set of sources, and the conflicts introduced,
 * resolved or changed. */
#ifndef CCK_DIFF_H
#define CCK_DIFF_H

#include "claimcheck.h"

typedef struct {
    size_t added, removed, changed;            /* claims */
    size_t introduced, resolved, reworked;     /* conflicts; reworked: the same
                                                  subject conflicts with other values */
} cck_diff_counts;

/* Compares corpus a (read from root_a) with b (from root_b); both have been
 * reconciled. A source is matched by its path below its root (a root that
 * is a file matches the other root's file). Claims are matched within a
 * source and subject by exact value first, then in file order, so a moved
 * paragraph is no change. Writes text, or one JSON document when json.
 * Output is sorted and deterministic. */
cck_status cck_diff_write(FILE *out, const cck_corpus *a, const char *root_a,
                          const cck_corpus *b, const char *root_b, bool json,
                          cck_diff_counts *counts);

#endif
