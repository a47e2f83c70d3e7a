/* pipeline.h: running the stages in order over a list of paths. Used by the
 * command line and by the end-to-end tests. */
#ifndef CCK_PIPELINE_H
#define CCK_PIPELINE_H

#include "claimcheck.h"

typedef struct {
    size_t max_bytes;   /* per source; 0 = the default limit */
    unsigned jobs;      /* threads for load + segment + extract; 0 = one per
                           core (cck_run_default_jobs()), at most 256 */
} cck_run_options;

/* The number of online cores (1 when unknown, at most 256). */
unsigned cck_run_default_jobs(void);

/* Expands directories, then loads, segments and extracts every source
 * into c, o->jobs sources at a time, each thread with its own matcher.
 * Sources and diagnostics reach c in input order whatever the number of
 * threads, so the results are identical for any o->jobs. A source that
 * cannot be read is skipped with a diagnostic and the others go on.
 * Returns the number of paths skipped. o may be NULL (defaults).
 * Requires cck_ext_init() to have succeeded. */
size_t cck_run_extract(cck_corpus *c, char *const *paths, size_t npaths,
                       const cck_run_options *o);

/* Works out subjects and groups for everything extracted into c. */
void cck_run_reconcile(cck_corpus *c);

#endif
