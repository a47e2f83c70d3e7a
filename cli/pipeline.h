/* pipeline.h: running the stages in order over a list of paths. Used by the
 * command line and by the end-to-end tests. */
#ifndef CCK_PIPELINE_H
#define CCK_PIPELINE_H

#include "claimcheck.h"
#include "reconcile.h"

typedef struct {
    size_t max_bytes;   /* per source; 0 = the default limit */
    unsigned jobs;      /* threads for load + segment + extract; 0 = one per
                           core (cck_run_default_jobs()), at most 256 */
    bool expanded;      /* the paths are files cck_src_expand_path() listed:
                           each is read as it is, not looked up again */
    bool claim_raw;     /* the reports quote a file's own bytes only at its
                           claims: each markup source keeps no more of them
                           (cck_source_keep_claim_raw()) */
    bool drop_text;     /* ... and reads a plain-text source's bytes only at
                           its claims and markers: each lets its text go
                           (cck_source_drop_text()) */
    /* Run on the thread that read each source, once its claims are final
     * (before its text may go); may be NULL. Its diagnostics go to *late,
     * in input order after all of the run's others (as if it ran over the
     * corpus afterwards; to the corpus's own when late is NULL), and its
     * returns are added to *each_total (when not NULL). */
    size_t (*each)(cck_source *s, cck_diags *late);
    cck_diags *late;
    size_t *each_total;
    /* cck_run_extract(): each source's words counted into it on the thread
     * that read it (its slot: the thread's number; no more threads than
     * slots), for cck_rec_subjects_counted(); may be NULL */
    cck_rec_wordcount *words;
} cck_run_options;

/* The number of online cores (1 when unknown, at most 256). */
unsigned cck_run_default_jobs(void);
/* The threads o asks for: o->jobs, or one per core when it is 0 (or o is
 * NULL); at most 256. */
unsigned cck_run_jobs(const cck_run_options *o);

/* Expands directories, then loads, segments and extracts every source
 * into c, o->jobs sources at a time, each thread with its own matcher.
 * Sources and diagnostics reach c in input order whatever the number of
 * threads, so the results are identical for any o->jobs. A source that
 * cannot be read is skipped with a diagnostic and the others go on.
 * Returns the number of paths skipped. o may be NULL (defaults).
 * Requires cck_ext_init() to have succeeded. */
size_t cck_run_extract(cck_corpus *c, char *const *paths, size_t npaths,
                       const cck_run_options *o);

/* What cck_run_stream() does with each source. done() runs on the thread
 * that read the source, right after extraction; it may change the source
 * (drop claims), appends its own diagnostics to late, and returns what
 * emit() needs (the source is freed as soon as done() returns). emit()
 * runs once per source read, in input order, with the source's 1-based
 * position among the sources read, on one thread at a time (a worker that
 * holds the writer's part, or the calling thread with one job): emit() and
 * progress() never run concurrently, and each sees what the previous
 * call did. */
typedef struct {
    void *(*done)(void *ctx, cck_source *s, cck_diags *late);
    void (*emit)(void *ctx, size_t pos, void *result);
    void (*progress)(void *ctx, size_t done, size_t total);
    void *ctx;
    /* done() and emit() at once, for a source read when every source
     * before it is written: what they would write, with nothing held in
     * between (a big source's rendered claims are several times its
     * size). It runs where emit() would, under the same rules, and may
     * be NULL (done() and emit() always). */
    void (*write)(void *ctx, size_t pos, cck_source *s, cck_diags *late);
} cck_run_sink;

/* Past this many bytes of sources read and not yet written, a stream reads
 * the next source in line rather than the next of its format (16 MiB;
 * tests lower it). */
extern size_t cck_run_stream_held;

/* cck_run_extract() without a corpus: each source goes through sink and is
 * freed, so that only a bounded window of sources (up to 256, and past
 * cck_run_stream_held bytes of them only the next in line) is in memory at
 * once. Diagnostics reach d in the order cck_run_extract() gives
 * them, then the late ones (from done()) in input order, as when done()'s
 * work runs over the corpus after extraction. progress (may be NULL) runs
 * after each path, read or not, as emit() does. Returns the number
 * of paths skipped. */
size_t cck_run_stream(char *const *paths, size_t npaths, const cck_run_options *o,
                      const cck_run_sink *sink, cck_diags *d);

/* Works out subjects and groups for everything extracted into c; the
 * groups are compared and judged on jobs threads (0 = one per core). The
 * results are identical for any jobs. */
void cck_run_reconcile(cck_corpus *c, unsigned jobs);

#endif
