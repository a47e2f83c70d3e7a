/* parts.c: a report's groups rendered in parts on several threads and
 * written in order, so that `check -j N` writes what one thread writes. */
#define _GNU_SOURCE /* fopencookie */
#include <pthread.h>
#include <string.h>
#include <stdlib.h>

#include "report_int.h"

enum {
    GROUPS_PER_PART = 32,   /* a part is a few dozen groups */
    PARTS_PER_THREAD = 8,   /* parts rendered ahead of the writer, per thread */
    MAX_JOBS = 256
};

/* A part's rendering: kept from one part to the next that takes its place
 * in the window, so that after the first few parts no buffer is allocated
 * (a new memory stream per part grew each buffer from nothing and freed it,
 * 30% more CPU in the threaded report than in the one-thread one). */
typedef struct {
    char *buf;
    size_t len, cap;
} buffer;

/* As the streaming pool of cli/pipeline.c: there is no writer thread; the
 * worker that finishes the part next in line writes it and every ready
 * part after it, while the others render on, at most window parts ahead
 * of what is written (one writer at a time, the flag under the lock). */
typedef struct {
    FILE *out;
    const cck_corpus *c;
    cck_rep_group_fn fn;
    const void *ctx;
    bool *ready;            /* per part */
    buffer *ring;           /* part k renders into ring[k % window] */
    size_t nparts, next, written, window;
    unsigned idle;          /* workers waiting for room */
    bool writing;
    pthread_mutex_t lock;
    pthread_cond_t room;
} pool;

/* A stream that cannot be opened or flushed has run out of memory: its
 * writes only copy into buffers. */
_Noreturn static void out_of_memory(void)
{
    fprintf(stderr, "claimcheck: out of memory (report buffer)\n");
    abort();
}

/* A worker's stream writes into the buffer its cookie points at. */
static ssize_t buffer_write(void *cookie, const char *b, size_t n)
{
    buffer *to = *(buffer **)cookie;
    if (to->len + n > to->cap) {
        size_t cap = to->cap ? to->cap : 16 * 1024;
        while (to->len + n > cap)
            cap *= 2;
        to->buf = cck_xrealloc(to->buf, cap);
        to->cap = cap;
    }
    memcpy(to->buf + to->len, b, n);
    to->len += n;
    return (ssize_t)n;
}

static void render(pool *p, FILE *m, buffer **cur, size_t k)
{
    *cur = &p->ring[k % p->window];
    (*cur)->len = 0;
    size_t to = (k + 1) * GROUPS_PER_PART;
    for (size_t i = k * GROUPS_PER_PART; i < to && i < p->c->ngroups; i++)
        p->fn(m, p->c, i, p->ctx);
    if (fflush(m) != 0)
        out_of_memory();
}

static void *worker(void *arg)
{
    pool *p = arg;
    buffer *cur = NULL;
    FILE *m = fopencookie(&cur, "w", (cookie_io_functions_t){.write = buffer_write});
    if (!m)
        out_of_memory();
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
        render(p, m, &cur, k);
        pthread_mutex_lock(&p->lock);
        p->ready[k] = true;
        if (p->writing)
            continue;   /* the writer will come to it */
        p->writing = true;
        while (p->written < p->nparts && p->ready[p->written]) {
            const buffer *w = &p->ring[p->written % p->window];
            pthread_mutex_unlock(&p->lock);
            if (w->len)     /* a part may render nothing (and have no buffer) */
                fwrite(w->buf, 1, w->len, p->out);
            pthread_mutex_lock(&p->lock);
            p->written++;
            if (p->idle)
                pthread_cond_broadcast(&p->room);
        }
        p->writing = false;
    }
    pthread_mutex_unlock(&p->lock);
    fclose(m);
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
    p.ready = cck_xcalloc(nparts, sizeof *p.ready);
    p.ring = cck_xcalloc(p.window, sizeof *p.ring);
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
    for (size_t k = 0; k < p.window; k++)
        free(p.ring[k].buf);
    free(p.ring);
    free(p.ready);
}
