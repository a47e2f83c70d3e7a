/* cites.h: the citation audit report (`claimcheck cites`) and the
 * per-source citation counts it is made of. */
#ifndef CCK_CITES_H
#define CCK_CITES_H

#include "report.h"

typedef struct {
    size_t markers, resolved, dangling, unused, placeholder, duplicate;
} cck_cite_counts;

/* "placeholder" (link target "#" or empty), "dangling" (resolves to no
 * reference entry and is no link), or NULL (static strings). */
const char *cck_cite_problem(const cck_cite *ct);
/* Reference j repeats an earlier entry of its article (same label, or the
 * same text). */
bool cck_ref_duplicate(const cck_source *s, size_t j);
void cck_cites_count(const cck_source *s, cck_cite_counts *n);

/* `cites`: per source the counts, then every problem (dangling and
 * placeholder markers, unused and duplicate entries), then the claims no
 * citation backs, those in conflict groups first. jsonl: one citation
 * object per marker and per unused or duplicate entry as
 * ../shared/gold/FORMAT.md says ("problem" also "duplicate"), then one
 * object per uncited claim ("problem": "uncited", plus "claim" and
 * "conflict"). The corpus should be reconciled for conflicts to count. */
cck_status cck_rep_cites_audit(FILE *out, const cck_corpus *c, cck_format f,
                               const cck_rep_options *o);

#endif
