/* pipeline.c: source -> extract -> subject -> reconcile, in that order,
 * for every path given; load + segment + extract run on a pool of threads,
 * merged back in input order. No printing: diagnostics go to the corpus. */
#define _DEFAULT_SOURCE /* sysconf(_SC_NPROCESSORS_ONLN) */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "extract.h"
#include "pipeline.h"
#include "reconcile.h"
#include "sources.h"

enum { MAX_JOBS = 256 };

/* The order the workers take the jobs in: within each block of `block`
 * jobs, those of one format together (guessed from the path's extension:
 * a wrong guess costs time, not results), in input order within a
 * format. Small files of mixed formats one after another evict each
 * other's reader code and tables from the core's caches: extraction of the
 * 10 MB bench corpus took 1.3x as long with its formats interleaved (-j1:
 * 0.33 s, grouped 0.25 s). Results are merged in input order, so the order
 * the jobs are taken in changes no output. */
static size_t *take_order(char *const *paths, size_t n, size_t block)
{
    enum { NFORMATS = CCK_MARKUP_XML + 1 };
    size_t *order = cck_xcalloc(n ? n : 1, sizeof *order);
    unsigned char *fmt = cck_xcalloc(n ? n : 1, 1);
    for (size_t i = 0; i < n; i++)
        fmt[i] = (unsigned char)cck_src_detect(paths[i], "", 0);
    for (size_t b = 0; b < n; b += block) {
        size_t e = n - b < block ? n : b + block, at = b;
        for (unsigned f = 0; f < NFORMATS; f++)
            for (size_t i = b; i < e; i++)
                if (fmt[i] == f)
                    order[at++] = i;
    }
    free(fmt);
    return order;
}

/* One file of the run: its source (NULL if it could not be read) and the
 * diagnostics its stages wrote, kept apart until the merge so that the
 * corpus sees them in input order whatever thread ran it. */
typedef struct {
    const char *path;
    cck_source *src;
    cck_diags diags, late;  /* late: cck_run_options.each()'s */
    size_t each_n;
    bool failed;
} job;

typedef struct {
    job *jobs;
    size_t njobs;
    const size_t *order;    /* the jobs in the order they are taken */
    size_t next;            /* next of order to take, under lock */
    size_t max_bytes;
    bool claim_raw;         /* cck_run_options.claim_raw */
    bool drop_text;         /* cck_run_options.drop_text */
    size_t (*each)(cck_source *s, cck_diags *late);
    cck_rec_wordcount *words;   /* cck_run_options.words */
    pthread_mutex_t lock;
} pool;

/* A thread of the pool: its number is its slot in the word counts. */
typedef struct {
    pool *p;
    unsigned slot;
} pool_thread;

unsigned cck_run_default_jobs(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    if (n < 1)
        return 1;
    return n > MAX_JOBS ? MAX_JOBS : (unsigned)n;
}

static void run_job(job *j, cck_matcher *m, cck_src_memo *memo, const pool *p, unsigned slot)
{
    if (cck_src_load_memo(j->path, p->max_bytes, memo, &j->src, &j->diags) != CCK_OK) {
        j->failed = true;
        return;
    }
    cck_src_segment(j->src, &j->diags);
    cck_ext_source(j->src, m, &j->diags);
    cck_src_trim_claims(j->src);
    if (p->each)
        j->each_n = p->each(j->src, &j->late);
    if (p->words)
        cck_rec_wordcount_add(p->words, slot, j->src);
    if (p->claim_raw)
        cck_source_keep_claim_raw(j->src);
    if (p->drop_text)
        cck_source_drop_text(j->src);
}

static void *worker(void *arg)
{
    const pool_thread *th = arg;
    pool *p = th->p;
    cck_matcher *m = cck_matcher_new(); /* match data and JIT stack are per thread */
    cck_src_memo memo = {0};
    for (;;) {
        pthread_mutex_lock(&p->lock);
        size_t t = p->next < p->njobs ? p->next++ : p->njobs;
        pthread_mutex_unlock(&p->lock);
        if (t >= p->njobs)
            break;
        run_job(&p->jobs[p->order[t]], m, &memo, p, th->slot);
    }
    cck_matcher_free(m);
    cck_src_memo_free(&memo);
    return NULL;
}

/* Runs every job on n threads (n == 1: on this thread). */
static void run_pool(pool *p, unsigned n)
{
    if (n > p->njobs)
        n = (unsigned)p->njobs;
    pool_thread here = {p, 0};
    if (n <= 1) {
        worker(&here);
        return;
    }
    pthread_t *t = cck_xcalloc(n, sizeof *t);
    pool_thread *th = cck_xcalloc(n, sizeof *th);
    unsigned started = 0;
    for (; started < n; started++) {
        th[started] = (pool_thread){p, started};
        if (pthread_create(&t[started], NULL, worker, &th[started]) != 0)
            break;
    }
    if (started == 0)
        worker(&here); /* no thread could be made: do it all here */
    for (unsigned i = 0; i < started; i++)
        pthread_join(t[i], NULL);
    free(th);
    free(t);
}

/* Expands every path first (directories walked), keeping its diagnostics
 * in expand[i] and its files at [first[i], first[i + 1]) of the list
 * returned, so that the merged order is the one a sequential run gives.
 * Counts the paths that could not be expanded in *skipped. */
static char **expand_paths(char *const *paths, size_t npaths, const cck_run_options *o,
                           cck_diags *expand, size_t *first, size_t *nall, size_t *skipped)
{
    if (o && o->expanded) {
        /* files already: one path each, no stat() (a file that went away
         * since is reported when it cannot be opened) */
        char **all = cck_xcalloc(npaths ? npaths : 1, sizeof *all);
        for (size_t i = 0; i < npaths; i++) {
            cck_diags_init(&expand[i]);
            all[i] = cck_xstrndup(paths[i], strlen(paths[i]));
            first[i] = i;
        }
        first[npaths] = npaths;
        *nall = npaths;
        return all;
    }
    char **all = NULL;
    size_t n = 0, cap = 0;
    for (size_t i = 0; i < npaths; i++) {
        char **files = NULL;
        size_t nfiles = 0;
        cck_diags_init(&expand[i]);
        if (cck_src_expand_path(paths[i], &files, &nfiles, &expand[i]) != CCK_OK)
            (*skipped)++;
        first[i] = n;
        if (n + nfiles > cap) {
            cap = n + nfiles > 2 * cap ? n + nfiles : 2 * cap;
            all = cck_xreallocarray(all, cap, sizeof *all);
        }
        if (nfiles)
            memcpy(all + n, files, nfiles * sizeof *files);
        n += nfiles;
        free(files);
    }
    first[npaths] = n;
    *nall = n;
    return all;
}

unsigned cck_run_jobs(const cck_run_options *o)
{
    unsigned n = o && o->jobs ? o->jobs : cck_run_default_jobs();
    return n > MAX_JOBS ? MAX_JOBS : n;
}

size_t cck_run_extract(cck_corpus *c, char *const *paths, size_t npaths,
                       const cck_run_options *o)
{
    size_t skipped = 0;
    cck_diags *expand = cck_xcalloc(npaths ? npaths : 1, sizeof *expand);
    size_t *first = cck_xcalloc(npaths + 1, sizeof *first);
    pool p = {.max_bytes = o ? o->max_bytes : 0,
              .claim_raw = o && o->claim_raw,
              .drop_text = o && o->drop_text,
              .each = o ? o->each : NULL,
              .words = o ? o->words : NULL};
    char **files = expand_paths(paths, npaths, o, expand, first, &p.njobs, &skipped);
    p.jobs = cck_xcalloc(p.njobs ? p.njobs : 1, sizeof *p.jobs);
    for (size_t k = 0; k < p.njobs; k++) {
        p.jobs[k].path = files[k]; /* owned by the job until the merge */
        cck_diags_init(&p.jobs[k].diags);
        cck_diags_init(&p.jobs[k].late);
    }
    /* every source stays in memory until the merge: one block */
    size_t *order = take_order(files, p.njobs, p.njobs ? p.njobs : 1);
    p.order = order;
    free(files);

    unsigned n = cck_run_jobs(o);
    if (p.words && n > cck_rec_wordcount_slots(p.words))
        n = cck_rec_wordcount_slots(p.words);   /* a slot per thread */
    pthread_mutex_init(&p.lock, NULL);
    run_pool(&p, n);
    pthread_mutex_destroy(&p.lock);
    free(order);

    for (size_t i = 0; i < npaths; i++) {
        cck_diags_move(&c->diags, &expand[i]);
        for (size_t k = first[i]; k < first[i + 1]; k++) {
            job *j = &p.jobs[k];
            cck_diags_move(&c->diags, &j->diags);
            cck_diags_move(o && o->late ? o->late : &c->diags, &j->late);
            if (o && o->each_total)
                *o->each_total += j->each_n;
            if (j->failed)
                skipped++;
            else
                cck_corpus_add(c, j->src);
            free((char *)j->path);
        }
    }
    free(p.jobs);
    free(first);
    free(expand);
    return skipped;
}

/* ---- streaming ---------------------------------------------------------- */

/* Sources read ahead of the writer: WINDOW_PER_THREAD per thread, and at
 * least a block of the take order, STREAM_BLOCK. The job the writer waits
 * for is in the block being taken, and no ticket of that block is past the
 * window, so the writer never waits on a job the window holds back. What
 * waits to be written is also bounded by the bytes of its sources: past
 * STREAM_HELD, the next job taken is the one the writer waits for (a block
 * of big sources is read in input order). */
enum { WINDOW_PER_THREAD = 8, STREAM_BLOCK = 256 };
size_t cck_run_stream_held = 16u << 20;

typedef struct {
    const char *path;
    cck_diags diags, late;
    void *result;
    size_t bytes;           /* of its source, once read */
    bool taken, failed, ready;
} sjob;

/* The pool of a stream. There is no writer thread: the worker that
 * finishes the source next in line becomes the writer and writes it and
 * every ready source after it, in order, while the others go on reading
 * (one writer at a time, the writing flag under the lock). A dedicated
 * writer woke up once per source, two context switches a file. */
typedef struct {
    sjob *jobs;
    size_t njobs;
    const size_t *order;    /* the jobs in the order they are taken */
    size_t next;            /* next of order to take (those before are taken) */
    size_t ntaken;
    size_t emitted;         /* jobs written */
    size_t held;            /* bytes of the sources read and not written */
    size_t window;
    size_t max_bytes;
    const cck_run_sink *sink;
    pthread_mutex_t lock;
    pthread_cond_t room;    /* the writer moved on */
    unsigned idle;          /* workers waiting for room */
    bool writing;           /* a worker holds the writer's part */
    /* what the writer owns while it writes */
    size_t npaths, path_at; /* paths whose expansion diagnostics are out */
    const size_t *first;
    cck_diags *expand, *d, *late;
    size_t pos, skipped;
} spool;

/* Reads job j's source: loaded, segmented and its claims extracted, or
 * NULL when it cannot be read (j failed). */
static cck_source *read_sjob(spool *p, sjob *j, cck_matcher *m, cck_src_memo *memo)
{
    cck_source *src = NULL;
    if (cck_src_load_memo(j->path, p->max_bytes, memo, &src, &j->diags) != CCK_OK) {
        j->failed = true;
        return NULL;
    }
    j->bytes = src->raw_len;
    cck_src_segment(src, &j->diags);
    cck_ext_source(src, m, &j->diags);
    return src;
}

/* What job j holds for the writer: done()'s result; the source goes. */
static void finish_sjob(spool *p, sjob *j, cck_source *src)
{
    if (!src)
        return;
    j->result = p->sink->done(p->sink->ctx, src, &j->late);
    cck_source_free(src);
}

/* Before job k's claims: the expansion diagnostics of the paths it opens
 * first, then its own. */
static void put_diags(spool *p, size_t k)
{
    while (p->path_at < p->npaths && p->first[p->path_at] <= k)
        cck_diags_move(p->d, &p->expand[p->path_at++]);
    cck_diags_move(p->d, &p->jobs[k].diags);
}

/* After job k's claims: its path goes, the progress is told. */
static void put_done(spool *p, size_t k)
{
    free((char *)p->jobs[k].path);
    if (p->sink->progress)
        p->sink->progress(p->sink->ctx, k + 1, p->njobs);
}

/* Writes job k (the next in line): its diagnostics, then its claims. */
static void write_sjob(spool *p, size_t k)
{
    sjob *j = &p->jobs[k];
    put_diags(p, k);
    cck_diags_move(p->late, &j->late);
    if (j->failed)
        p->skipped++;
    else
        p->sink->emit(p->sink->ctx, ++p->pos, j->result);
    put_done(p, k);
}

/* Writes job k (the next in line) straight from its source src, which it
 * frees, as finish_sjob() then write_sjob() would. */
static void write_through(spool *p, size_t k, cck_source *src)
{
    sjob *j = &p->jobs[k];
    put_diags(p, k);
    p->sink->write(p->sink->ctx, ++p->pos, src, &j->late);
    cck_source_free(src);
    cck_diags_move(p->late, &j->late);
    put_done(p, k);
}

/* The job to read next (marked taken), or njobs when none may be now. */
static size_t take_sjob(spool *p)
{
    while (p->next < p->njobs && p->jobs[p->order[p->next]].taken)
        p->next++;
    size_t i = p->njobs;
    if (p->held >= cck_run_stream_held) {
        if (p->emitted < p->njobs && !p->jobs[p->emitted].taken)
            i = p->emitted;
    } else if (p->next < p->njobs && p->next < p->emitted + p->window) {
        i = p->order[p->next++];
    }
    if (i < p->njobs) {
        p->jobs[i].taken = true;
        p->ntaken++;
    }
    return i;
}

/* Job i read: it may be written, and its bytes count as held. */
static void sjob_ready(spool *p, size_t i)
{
    p->jobs[i].ready = true;
    p->held += p->jobs[i].bytes;
}

/* The next job in line written: its bytes are no longer held. */
static void sjob_written(spool *p)
{
    p->held -= p->jobs[p->emitted++].bytes;
}

static void *sworker(void *arg)
{
    spool *p = arg;
    cck_matcher *m = cck_matcher_new();
    cck_src_memo memo = {0};
    pthread_mutex_lock(&p->lock);
    for (;;) {
        size_t i = take_sjob(p);
        if (i == p->njobs) {
            if (p->ntaken == p->njobs)
                break;
            p->idle++;
            pthread_cond_wait(&p->room, &p->lock);
            p->idle--;
            continue;
        }
        pthread_mutex_unlock(&p->lock);
        cck_source *src = read_sjob(p, &p->jobs[i], m, &memo);
        pthread_mutex_lock(&p->lock);
        if (src && p->sink->write && i == p->emitted && !p->writing) {
            /* the next in line: this worker writes it now (no writer can
             * be busy, since the job it would write next is this one;
             * the test only keeps that so); marked ready, then written,
             * so that the bytes held stay counted as on the other path */
            p->writing = true;
            sjob_ready(p, i);
            pthread_mutex_unlock(&p->lock);
            write_through(p, i, src);
            pthread_mutex_lock(&p->lock);
            sjob_written(p);
            if (p->idle)
                pthread_cond_broadcast(&p->room);
        } else {
            pthread_mutex_unlock(&p->lock);
            finish_sjob(p, &p->jobs[i], src);
            pthread_mutex_lock(&p->lock);
            sjob_ready(p, i);
            if (p->writing)
                continue;   /* the writer will come to it */
            p->writing = true;
        }
        while (p->emitted < p->njobs && p->jobs[p->emitted].ready) {
            size_t k = p->emitted;
            pthread_mutex_unlock(&p->lock);
            write_sjob(p, k);
            pthread_mutex_lock(&p->lock);
            sjob_written(p);
            if (p->idle)
                pthread_cond_broadcast(&p->room);
        }
        p->writing = false;
    }
    pthread_mutex_unlock(&p->lock);
    cck_matcher_free(m);
    cck_src_memo_free(&memo);
    return NULL;
}

size_t cck_run_stream(char *const *paths, size_t npaths, const cck_run_options *o,
                      const cck_run_sink *sink, cck_diags *d)
{
    cck_diags late;
    cck_diags_init(&late);
    size_t skipped = 0;
    cck_diags *expand = cck_xcalloc(npaths ? npaths : 1, sizeof *expand);
    size_t *first = cck_xcalloc(npaths + 1, sizeof *first);
    spool p = {.max_bytes = o ? o->max_bytes : 0, .sink = sink, .npaths = npaths,
               .first = first, .expand = expand, .d = d, .late = &late};
    char **files = expand_paths(paths, npaths, o, expand, first, &p.njobs, &skipped);
    p.jobs = cck_xcalloc(p.njobs ? p.njobs : 1, sizeof *p.jobs);
    for (size_t k = 0; k < p.njobs; k++) {
        p.jobs[k].path = files[k];
        cck_diags_init(&p.jobs[k].diags);
        cck_diags_init(&p.jobs[k].late);
    }
    size_t *order = take_order(files, p.njobs, STREAM_BLOCK);
    p.order = order;
    free(files);

    unsigned n = cck_run_jobs(o);
    if (n > p.njobs)
        n = (unsigned)p.njobs;
    p.window = (size_t)(n ? n : 1) * WINDOW_PER_THREAD;
    if (p.window < STREAM_BLOCK)
        p.window = STREAM_BLOCK;
    pthread_t *t = NULL;
    unsigned started = 0;
    if (n > 1) {
        pthread_mutex_init(&p.lock, NULL);
        pthread_cond_init(&p.room, NULL);
        t = cck_xcalloc(n, sizeof *t);
        for (; started < n; started++)
            if (pthread_create(&t[started], NULL, sworker, &p) != 0)
                break;
        for (unsigned i = 0; i < started; i++)
            pthread_join(t[i], NULL);
        free(t);
        pthread_cond_destroy(&p.room);
        pthread_mutex_destroy(&p.lock);
    }
    /* no threads (one job, or none could be made): the sources not yet
     * written are read here, in the take order, each ready one written as
     * soon as those before it are */
    cck_matcher *m = NULL;
    cck_src_memo memo = {0};
    while (p.emitted < p.njobs) {
        size_t i = take_sjob(&p);
        if (i < p.njobs) {
            if (!m)
                m = cck_matcher_new();
            cck_source *src = read_sjob(&p, &p.jobs[i], m, &memo);
            sjob_ready(&p, i);
            if (src && sink->write && i == p.emitted) {
                write_through(&p, i, src);
                sjob_written(&p);
            } else {
                finish_sjob(&p, &p.jobs[i], src);
            }
        }
        while (p.emitted < p.njobs && p.jobs[p.emitted].ready) {
            write_sjob(&p, p.emitted);
            sjob_written(&p);
        }
    }
    cck_matcher_free(m);
    cck_src_memo_free(&memo);
    while (p.path_at < npaths) /* paths with no files at the end */
        cck_diags_move(d, &expand[p.path_at++]);
    cck_diags_move(d, &late);
    free(order);
    free(p.jobs);
    free(first);
    free(expand);
    return skipped + p.skipped;
}

void cck_run_reconcile(cck_corpus *c, unsigned jobs)
{
    cck_run_options o = {.jobs = jobs};
    unsigned n = cck_run_jobs(&o);
    cck_rec_subjects_n(c, n);
    cck_rec_group_n(c, n);
}
