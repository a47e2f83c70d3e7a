/* reconcile.h: the subject and reconciliation stages. Subjects (entity +
 * attribute + as_of) are worked out across the whole corpus, then claims
 * are grouped by subject and each group is judged conflict / consistent /
 * single with the tolerance it used. */
#ifndef CCK_RECONCILE_H
#define CCK_RECONCILE_H

#include "claimcheck.h"

/* subject.c: fills entity, attribute and as_of of every claim of every
 * source (strings in the source's arena). Needs segmented sources. */
void cck_rec_subjects(cck_corpus *c);
/* The same with the per-source work on njobs threads (0 or 1: the calling
 * thread alone); every subject is the same for any njobs. The sources must
 * not be touched by other threads meanwhile. */
void cck_rec_subjects_n(cck_corpus *c, unsigned njobs);

/* The subject stage's first pass, how every word is written, done while
 * the sources are read for extraction, so that the stage need not read
 * each one again for it: one slot per reading thread, slot k counting the
 * sources thread k reads (cck_rec_wordcount_add(), on that thread, before
 * the source's text may go); then cck_rec_subjects_counted() takes the
 * counts. The subjects are those cck_rec_subjects_n() gives. */
typedef struct cck_rec_wordcount cck_rec_wordcount;
cck_rec_wordcount *cck_rec_wordcount_new(unsigned nslots);
unsigned cck_rec_wordcount_slots(const cck_rec_wordcount *w);
/* k < cck_rec_wordcount_slots(w); one thread at a time in each slot */
void cck_rec_wordcount_add(cck_rec_wordcount *w, unsigned k, const cck_source *s);
void cck_rec_wordcount_free(cck_rec_wordcount *w);        /* NULL is a no-op */
/* cck_rec_subjects_n() with the counts in w, which it frees. True when it
 * used them; false when w is NULL or did not count exactly c's sources
 * (as many, as many bytes), and the stage counted them itself. */
bool cck_rec_subjects_counted(cck_corpus *c, unsigned njobs, cck_rec_wordcount *w);

/* Folds a name to its alias key: case, diacritics, hyphens and spaces
 * ("Hamhŭng" -> "hamhung"). Result in arena a. */
char *cck_rec_fold(cck_arena *a, const char *s, size_t n);

/* group.c: builds c->groups from the claims' subjects (sorted: conflicts
 * first, then consistent, then single; each by entity, attribute, as_of). */
void cck_rec_group(cck_corpus *c);
/* cck_rec_group() with the subjects compared and judged on up to jobs
 * threads (0 or 1: this one only). The groups, notes, trust and
 * diagnostics are identical for any jobs. */
void cck_rec_group_n(cck_corpus *c, unsigned jobs);

/* The interval a claim allows once hedges, bounds and the rounding the
 * figure shows are taken into account, in the canonical unit (dates: days
 * since 0000-03-01, proleptic Gregorian). */
void cck_rec_interval(const cck_claim *cl, double *lo, double *hi);

/* True when two claims can both be true (their intervals overlap). */
bool cck_rec_agree(const cck_claim *a, const cck_claim *b);

#endif
