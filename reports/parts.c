/* parts.c: a report's groups rendered in parts on several threads and
 * written in order, so that `check -j N` writes what one thread writes. */
#define _GNU_SOURCE /* fopencookie */
#include <pthread.h>
#include <stdio_ext.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "report_int.h"

enum {
    /* A part is about this much work, a group and each of its claims one
     * (32 groups a part made the parts of a 100 MB corpus range from a
     * few claims to 65,000, a twelfth of all, in one part: a thread
     * rendered it while the others waited for the writer) */
    PART_COST = 256,
    /* parts rendered ahead of the writer, per thread: enough to go on past
     * a part of one group of many claims, which a stream cannot cut (text
     * and md: 16 left the other thread waiting a tenth of the time) */
    PARTS_PER_THREAD = 16,
    STREAM_PARTS_PER_THREAD = 64,
    MAX_JOBS = 256
};

/* A stream that cannot be opened or flushed, or a buffer that cannot
 * grow, has run out of memory: the writes only copy into buffers. */
_Noreturn static void out_of_memory(void)
{
    fprintf(stderr, "claimcheck: out of memory (report buffer)\n");
    abort();
}

void cck_rep_buf_reserve(cck_rep_buf *b, size_t n)
{
    if (n <= b->cap - b->len)
        return;
    size_t need = b->len + n;
    if (need < n)
        out_of_memory();
    size_t cap = b->cap ? b->cap : 16 * 1024;
    while (cap < need)
        cap = cap > SIZE_MAX / 2 ? need : cap * 2;
    b->buf = cck_xrealloc(b->buf, cap);
    b->cap = cap;
}

/* Where a part starts: claim `claim` of group `group` (0: the group's
 * opening too); the next part's start is where it ends. */
typedef struct {
    size_t group, claim;
} cursor;

/* The parts of c's groups, about PART_COST each: *n + 1 cursors, the last
 * (ngroups, 0). With split a group of many claims is cut between claims
 * (never before its first, so that its opening and first claim stay
 * together); otherwise each part is whole groups. */
static cursor *plan(const cck_corpus *c, bool split, size_t *n)
{
    size_t cap = 64, k = 0, acc = 0;
    cursor *v = cck_xreallocarray(NULL, cap, sizeof *v);
    v[k++] = (cursor){0, 0};
#define CUT(g, j)                                                     \
    do {                                                              \
        if (k == cap)                                                 \
            v = cck_xreallocarray(v, cap *= 2, sizeof *v);            \
        v[k++] = (cursor){(g), (j)};                                  \
        acc = 0;                                                      \
    } while (0)
    for (size_t i = 0; i < c->ngroups; i++) {
        size_t nc = c->groups[i].nclaims;
        if (!split || nc < 2) {
            acc += 1 + nc;
        } else {
            acc += 2;   /* the opening and the first claim */
            for (size_t j = 1; j < nc;) {
                if (acc >= PART_COST)
                    CUT(i, j);
                size_t take = PART_COST - acc < nc - j ? PART_COST - acc : nc - j;
                acc += take;
                j += take;
            }
        }
        if (acc >= PART_COST && i + 1 < c->ngroups)
            CUT(i + 1, 0);
    }
    if (c->ngroups)
        CUT(c->ngroups, 0);
#undef CUT
    *n = k - 1;
    return v;
}

/* As the streaming pool of cli/pipeline.c: there is no writer thread; the
 * worker that finishes the part next in line writes it and every ready
 * part after it, while the others render on, at most window parts ahead
 * of what is written (one writer at a time, the flag under the lock). */
typedef struct {
    FILE *out;
    const cck_corpus *c;
    cck_rep_group_fn fn;        /* through a stream, or */
    cck_rep_group_buf_fn bfn;   /* into the part's buffer */
    const void *ctx;
    const cursor *parts;        /* nparts + 1 */
    bool *ready;                /* per part */
    /* A part renders into ring[k % window], kept from one part to the next
     * that takes its place, so that after the first few parts no buffer is
     * allocated (a new memory stream per part grew each buffer from nothing
     * and freed it, 30% more CPU in the threaded report than in the
     * one-thread one). */
    cck_rep_buf *ring;
    size_t nparts, next, written, window;
    unsigned idle;              /* workers waiting for room */
    bool writing;
    pthread_mutex_t lock;
    pthread_cond_t room;
} pool;

/* A buffer stream writes into the buffer its cookie points at. */
static ssize_t buffer_write(void *cookie, const char *b, size_t n)
{
    cck_rep_buf *to = *(cck_rep_buf **)cookie;
    cck_rep_buf_reserve(to, n);
    memcpy(to->buf + to->len, b, n);
    to->len += n;
    return (ssize_t)n;
}

/* Once a thread has started, glibc locks a stream on every call unless
 * told not to: every fputc() of a report part took a lock (fputc 12 times
 * the CPU in `check -j2` as in -j1, 0.2 s on 100 MB). The streams made
 * here are each used by one thread. */
static FILE *own_stream(FILE *f)
{
    if (!f)
        out_of_memory();
    __fsetlocking(f, FSETLOCKING_BYCALLER);
    return f;
}

FILE *cck_rep_buf_open(cck_rep_buf **cur)
{
    return own_stream(fopencookie(cur, "w", (cookie_io_functions_t){.write = buffer_write}));
}

FILE *cck_rep_memstream(char **p, size_t *n)
{
    *p = NULL;
    *n = 0;
    return own_stream(open_memstream(p, n));
}

/* Part k of p, appended to to (bfn) or written to m (fn). */
static void render_part(const pool *p, FILE *m, cck_rep_buf *to, size_t k)
{
    cursor a = p->parts[k], e = p->parts[k + 1];
    if (!p->bfn) {
        for (size_t i = a.group; i < e.group; i++)
            p->fn(m, p->c, i, p->ctx);
        if (fflush(m) != 0)
            out_of_memory();
        return;
    }
    for (size_t i = a.group; i < e.group || (i == e.group && e.claim); i++)
        p->bfn(to, p->c, i, i == a.group ? a.claim : 0,
               i == e.group ? e.claim : p->c->groups[i].nclaims, p->ctx);
}

static void *worker(void *arg)
{
    pool *p = arg;
    cck_rep_buf *cur = NULL;
    FILE *m = NULL;
    if (!p->bfn)
        m = cck_rep_buf_open(&cur);
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
        cur = &p->ring[k % p->window];
        cur->len = 0;
        render_part(p, m, cur, k);
        pthread_mutex_lock(&p->lock);
        p->ready[k] = true;
        if (p->writing)
            continue;   /* the writer will come to it */
        p->writing = true;
        while (p->written < p->nparts && p->ready[p->written]) {
            const cck_rep_buf *w = &p->ring[p->written % p->window];
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
    if (m)
        fclose(m);
    return NULL;
}

static void each_group(FILE *out, const cck_corpus *c, unsigned jobs, cck_rep_group_fn fn,
                       cck_rep_group_buf_fn bfn, const void *ctx)
{
    size_t nparts = 0;
    cursor *parts = jobs > 1 || bfn ? plan(c, bfn != NULL, &nparts) : NULL;
    if (jobs > MAX_JOBS)
        jobs = MAX_JOBS;
    if (jobs > nparts)
        jobs = (unsigned)nparts;
    pool p = {.out = out, .c = c, .fn = fn, .bfn = bfn, .ctx = ctx, .parts = parts,
              .nparts = nparts,
              .window = (size_t)(jobs ? jobs : 1) * (bfn ? PARTS_PER_THREAD
                                                         : STREAM_PARTS_PER_THREAD)};
    if (jobs <= 1 && fn) {
        for (size_t i = 0; i < c->ngroups; i++)
            fn(out, c, i, ctx);
        free(parts);
        return;
    }
    if (jobs <= 1) {
        /* bfn alone: a part at a time into one buffer */
        cck_rep_buf b = {0};
        for (size_t k = 0; k < nparts; k++) {
            b.len = 0;
            render_part(&p, NULL, &b, k);
            if (b.len)
                fwrite(b.buf, 1, b.len, out);
        }
        free(b.buf);
        free(parts);
        return;
    }
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
    free(parts);
}

void cck_rep_each_group(FILE *out, const cck_corpus *c, unsigned jobs, cck_rep_group_fn fn,
                        const void *ctx)
{
    each_group(out, c, jobs, fn, NULL, ctx);
}

void cck_rep_each_group_buf(FILE *out, const cck_corpus *c, unsigned jobs,
                            cck_rep_group_buf_fn fn, const void *ctx)
{
    each_group(out, c, jobs, NULL, fn, ctx);
}
