/* parts.c: a report's groups rendered in parts on several threads and
 * written in order, so that `check -j N` writes what one thread writes. */
#include <pthread.h>
#include <stdlib.h>

#include "report_int.h"

enum {
    GROUPS_PER_PART = 32,   /* a part is a few dozen groups */
    PARTS_PER_THREAD = 8,   /* parts rendered ahead of the writer, per thread */
    MAX_JOBS = 256
};

typedef struct {
    char *buf;
    size_t len;
    bool ready;
} part;

/* As the streaming pool of cli/pipeline.c: there is no writer thread; the
 * worker that finishes the part next in line writes it and every ready
 * part after it, while the others render on, at most window parts ahead
 * of what is written (one writer at a time, the flag under the lock). */
typedef struct {
    FILE *out;
    const cck_corpus *c;
    cck_rep_group_fn fn;
    const void *ctx;
    part *parts;
    size_t nparts, next, written, window;
    unsigned idle;          /* workers waiting for room */
    bool writing;
    pthread_mutex_t lock;
    pthread_cond_t room;
} pool;

_Noreturn static void out_of_memory(void)
{
    fprintf(stderr, "claimcheck: out of memory (report buffer)\n");
    abort();
}

static void render(pool *p, size_t k)
{
    part *pt = &p->parts[k];
    FILE *m = open_memstream(&pt->buf, &pt->len);
    if (!m)
        out_of_memory();
    size_t to = (k + 1) * GROUPS_PER_PART;
    for (size_t i = k * GROUPS_PER_PART; i < to && i < p->c->ngroups; i++)
        p->fn(m, p->c, i, p->ctx);
    if (fclose(m) != 0)
        out_of_memory();
}

static void *worker(void *arg)
{
    pool *p = arg;
    pthread_mutex_lock(&p->lock);
    for (;;) {
        while (p->next < p->nparts && p->next >= p->written + p->window) {
            p->idle++;
            pthread_cond_wait(&p->room, &p->lock);
            p->idle--;
        }
        if (p->next >= p->nparts)
            break;
        size_t k = p->next++;
        pthread_mutex_unlock(&p->lock);
        render(p, k);
        pthread_mutex_lock(&p->lock);
        p->parts[k].ready = true;
        if (p->writing)
            continue;   /* the writer will come to it */
        p->writing = true;
        while (p->written < p->nparts && p->parts[p->written].ready) {
            part *w = &p->parts[p->written];
            pthread_mutex_unlock(&p->lock);
            fwrite(w->buf, 1, w->len, p->out);
            free(w->buf);
            w->buf = NULL;
            pthread_mutex_lock(&p->lock);
            p->written++;
            if (p->idle)
                pthread_cond_broadcast(&p->room);
        }
        p->writing = false;
    }
    pthread_mutex_unlock(&p->lock);
    return NULL;
}

void cck_rep_each_group(FILE *out, const cck_corpus *c, unsigned jobs, cck_rep_group_fn fn,
                        const void *ctx)
{
    size_t nparts = (c->ngroups + GROUPS_PER_PART - 1) / GROUPS_PER_PART;
    if (jobs > MAX_JOBS)
        jobs = MAX_JOBS;
    if (jobs > nparts)
        jobs = (unsigned)nparts;
    if (jobs <= 1) {
        for (size_t i = 0; i < c->ngroups; i++)
            fn(out, c, i, ctx);
        return;
    }
    pool p = {.out = out, .c = c, .fn = fn, .ctx = ctx, .nparts = nparts,
              .window = (size_t)jobs * PARTS_PER_THREAD};
    p.parts = cck_xcalloc(nparts, sizeof *p.parts);
    pthread_mutex_init(&p.lock, NULL);
    pthread_cond_init(&p.room, NULL);
    pthread_t t[MAX_JOBS];
    unsigned started = 0;
    while (started + 1 < jobs && pthread_create(&t[started], NULL, worker, &p) == 0)
        started++;
    worker(&p);   /* this thread renders too, and alone if no thread could start */
    for (unsigned i = 0; i < started; i++)
        pthread_join(t[i], NULL);
    pthread_cond_destroy(&p.room);
    pthread_mutex_destroy(&p.lock);
    free(p.parts);
}
