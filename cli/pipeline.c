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

/* One file of the run: its source (NULL if it could not be read) and the
 * diagnostics its stages wrote, kept apart until the merge so that the
 * corpus sees them in input order whatever thread ran it. */
typedef struct {
    const char *path;
    cck_source *src;
    cck_diags diags;
    bool failed;
} job;

typedef struct {
    job *jobs;
    size_t njobs;
    size_t next;            /* next job to take, under lock */
    size_t max_bytes;
    pthread_mutex_t lock;
} pool;

unsigned cck_run_default_jobs(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    if (n < 1)
        return 1;
    return n > MAX_JOBS ? MAX_JOBS : (unsigned)n;
}

static void run_job(job *j, cck_matcher *m, size_t max_bytes)
{
    if (cck_source_load(j->path, max_bytes, &j->src, &j->diags) != CCK_OK) {
        j->failed = true;
        return;
    }
    cck_src_segment(j->src, &j->diags);
    cck_ext_source(j->src, m, &j->diags);
    cck_src_trim_claims(j->src);
}

static void *worker(void *arg)
{
    pool *p = arg;
    cck_matcher *m = cck_matcher_new(); /* match data and JIT stack are per thread */
    for (;;) {
        pthread_mutex_lock(&p->lock);
        size_t i = p->next < p->njobs ? p->next++ : p->njobs;
        pthread_mutex_unlock(&p->lock);
        if (i >= p->njobs)
            break;
        run_job(&p->jobs[i], m, p->max_bytes);
    }
    cck_matcher_free(m);
    return NULL;
}

/* Moves every diagnostic of from to the end of to (ownership moves too). */
static void diags_move(cck_diags *to, cck_diags *from)
{
    for (size_t i = 0; i < from->n; i++) {
        if (to->n == to->cap) {
            to->cap = to->cap ? to->cap * 2 : 8;
            to->v = cck_xreallocarray(to->v, to->cap, sizeof *to->v);
        }
        to->v[to->n++] = from->v[i];
    }
    free(from->v);
    memset(from, 0, sizeof *from);
}

/* Runs every job on n threads (n == 1: on this thread). */
static void run_pool(pool *p, unsigned n)
{
    if (n > p->njobs)
        n = (unsigned)p->njobs;
    if (n <= 1) {
        worker(p);
        return;
    }
    pthread_t *t = cck_xcalloc(n, sizeof *t);
    unsigned started = 0;
    for (; started < n; started++)
        if (pthread_create(&t[started], NULL, worker, p) != 0)
            break;
    if (started == 0)
        worker(p); /* no thread could be made: do it all here */
    for (unsigned i = 0; i < started; i++)
        pthread_join(t[i], NULL);
    free(t);
}

/* Expands every path first (directories walked), keeping its diagnostics
 * in expand[i] and its files at [first[i], first[i + 1]) of the list
 * returned, so that the merged order is the one a sequential run gives.
 * Counts the paths that could not be expanded in *skipped. */
static char **expand_paths(char *const *paths, size_t npaths, cck_diags *expand, size_t *first,
                           size_t *nall, size_t *skipped)
{
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

/* Threads asked for (-j), default one per core, at most MAX_JOBS. */
static unsigned jobs_wanted(const cck_run_options *o)
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
    pool p = {.max_bytes = o ? o->max_bytes : 0};
    char **files = expand_paths(paths, npaths, expand, first, &p.njobs, &skipped);
    p.jobs = cck_xcalloc(p.njobs ? p.njobs : 1, sizeof *p.jobs);
    for (size_t k = 0; k < p.njobs; k++) {
        p.jobs[k].path = files[k]; /* owned by the job until the merge */
        cck_diags_init(&p.jobs[k].diags);
    }
    free(files);

    unsigned n = jobs_wanted(o);
    pthread_mutex_init(&p.lock, NULL);
    run_pool(&p, n);
    pthread_mutex_destroy(&p.lock);

    for (size_t i = 0; i < npaths; i++) {
        diags_move(&c->diags, &expand[i]);
        for (size_t k = first[i]; k < first[i + 1]; k++) {
            job *j = &p.jobs[k];
            diags_move(&c->diags, &j->diags);
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

enum { WINDOW_PER_THREAD = 8 };  /* sources read ahead of the writer, per thread */

typedef struct {
    const char *path;
    cck_diags diags, late;
    void *result;
    bool failed, ready;
} sjob;

typedef struct {
    sjob *jobs;
    size_t njobs;
    size_t next;            /* next job to take */
    size_t emitted;         /* jobs the writer has finished with */
    size_t window;
    size_t max_bytes;
    const cck_run_sink *sink;
    pthread_mutex_t lock;
    pthread_cond_t ready;   /* the job the writer waits for became ready */
    pthread_cond_t room;    /* the writer moved on */
    size_t awaited;         /* the job the writer waits for; SIZE_MAX: none */
    unsigned idle;          /* workers waiting for room */
} spool;

static void run_sjob(spool *p, sjob *j, cck_matcher *m)
{
    cck_source *src = NULL;
    if (cck_source_load(j->path, p->max_bytes, &src, &j->diags) != CCK_OK) {
        j->failed = true;
        return;
    }
    cck_src_segment(src, &j->diags);
    cck_ext_source(src, m, &j->diags);
    j->result = p->sink->done(p->sink->ctx, src, &j->late);
    cck_source_free(src);
}

static void *sworker(void *arg)
{
    spool *p = arg;
    cck_matcher *m = cck_matcher_new();
    for (;;) {
        pthread_mutex_lock(&p->lock);
        while (p->next < p->njobs && p->next >= p->emitted + p->window) {
            p->idle++;
            pthread_cond_wait(&p->room, &p->lock);
            p->idle--;
        }
        size_t i = p->next < p->njobs ? p->next++ : p->njobs;
        pthread_mutex_unlock(&p->lock);
        if (i >= p->njobs)
            break;
        run_sjob(p, &p->jobs[i], m);
        pthread_mutex_lock(&p->lock);
        p->jobs[i].ready = true;
        if (p->awaited == i)   /* wake the writer only when it waits for this one */
            pthread_cond_signal(&p->ready);
        pthread_mutex_unlock(&p->lock);
    }
    cck_matcher_free(m);
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
    spool p = {.max_bytes = o ? o->max_bytes : 0, .sink = sink, .awaited = SIZE_MAX};
    char **files = expand_paths(paths, npaths, expand, first, &p.njobs, &skipped);
    p.jobs = cck_xcalloc(p.njobs ? p.njobs : 1, sizeof *p.jobs);
    for (size_t k = 0; k < p.njobs; k++) {
        p.jobs[k].path = files[k];
        cck_diags_init(&p.jobs[k].diags);
        cck_diags_init(&p.jobs[k].late);
    }
    free(files);

    unsigned n = jobs_wanted(o);
    if (n > p.njobs)
        n = (unsigned)p.njobs;
    p.window = (size_t)(n ? n : 1) * WINDOW_PER_THREAD;
    pthread_t *t = NULL;
    unsigned started = 0;
    if (n > 1) {
        pthread_mutex_init(&p.lock, NULL);
        pthread_cond_init(&p.ready, NULL);
        pthread_cond_init(&p.room, NULL);
        t = cck_xcalloc(n, sizeof *t);
        for (; started < n; started++)
            if (pthread_create(&t[started], NULL, sworker, &p) != 0)
                break;
    }
    /* no threads (one job, or none could be made): each source is read
     * here, just before it is written */
    cck_matcher *m = started ? NULL : cck_matcher_new();
    size_t pos = 0;
    for (size_t i = 0; i < npaths; i++) {
        diags_move(d, &expand[i]);
        for (size_t k = first[i]; k < first[i + 1]; k++) {
            sjob *j = &p.jobs[k];
            if (started) {
                pthread_mutex_lock(&p.lock);
                p.awaited = k;
                while (!j->ready)
                    pthread_cond_wait(&p.ready, &p.lock);
                p.awaited = SIZE_MAX;
                pthread_mutex_unlock(&p.lock);
            } else {
                run_sjob(&p, j, m);
            }
            diags_move(d, &j->diags);
            diags_move(&late, &j->late);
            if (j->failed)
                skipped++;
            else
                sink->emit(sink->ctx, ++pos, j->result);
            free((char *)j->path);
            if (sink->progress)
                sink->progress(sink->ctx, k + 1, p.njobs);
            if (started) {
                pthread_mutex_lock(&p.lock);
                p.emitted = k + 1;
                if (p.idle)
                    pthread_cond_broadcast(&p.room);
                pthread_mutex_unlock(&p.lock);
            }
        }
    }
    if (n > 1) {
        for (unsigned i = 0; i < started; i++)
            pthread_join(t[i], NULL);
        free(t);
        pthread_cond_destroy(&p.room);
        pthread_cond_destroy(&p.ready);
        pthread_mutex_destroy(&p.lock);
    }
    cck_matcher_free(m);
    diags_move(d, &late);
    free(p.jobs);
    free(first);
    free(expand);
    return skipped;
}

void cck_run_reconcile(cck_corpus *c)
{
    cck_rec_subjects(c);
    cck_rec_group(c);
}
