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

/* ---- streams into buffers -------------------------------------------------- */

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

/* ---- items rendered on threads, written in order --------------------------- */

/* As the streaming pool of cli/pipeline.c: there is no writer thread; the
 * worker that finishes the item next in line writes it and every ready
 * item after it, while the others render on, at most window items ahead
 * of what is written (one writer at a time, the flag under the lock). */
typedef struct {
    const cck_rep_order_fns *f;
    void *ctx;
    size_t n, next, written, window;
    /* Item k renders into ring[k % window], kept from one item to the next
     * that takes its place, so that after the first few no buffer is
     * allocated (a new memory stream per part grew each buffer from nothing
     * and freed it, 30% more CPU in the threaded report than in the
     * one-thread one). */
    cck_rep_buf *ring;
    bool *ready;                /* per ring buffer */
    unsigned idle;              /* workers waiting for room */
    bool writing;
    pthread_mutex_t lock;
    pthread_cond_t room;
} order;

static void *order_worker(void *arg)
{
    order *o = arg;
    void *ts = o->f->start ? o->f->start(o->ctx) : NULL;
    pthread_mutex_lock(&o->lock);
    for (;;) {
        while (o->next < o->n && o->next >= o->written + o->window) {
            o->idle++;
            pthread_cond_wait(&o->room, &o->lock);
            o->idle--;
        }
        if (o->next >= o->n)
            break;
        size_t k = o->next++;
        pthread_mutex_unlock(&o->lock);
        cck_rep_buf *b = &o->ring[k % o->window];
        b->len = 0;
        o->f->render(o->ctx, ts, k, b);
        pthread_mutex_lock(&o->lock);
        o->ready[k % o->window] = true;
        if (o->writing)
            continue;   /* the writer will come to it */
        o->writing = true;
        while (o->written < o->n && o->ready[o->written % o->window]) {
            const cck_rep_buf *w = &o->ring[o->written % o->window];
            pthread_mutex_unlock(&o->lock);
            o->f->write(o->ctx, o->written, w);
            pthread_mutex_lock(&o->lock);
            o->ready[o->written % o->window] = false;
            o->written++;
            if (o->idle)
                pthread_cond_broadcast(&o->room);
        }
        o->writing = false;
    }
    pthread_mutex_unlock(&o->lock);
    if (o->f->end)
        o->f->end(ts);
    return NULL;
}

void cck_rep_in_order(unsigned jobs, size_t n, size_t per_thread, const cck_rep_order_fns *f,
                      void *ctx)
{
    if (jobs > MAX_JOBS)
        jobs = MAX_JOBS;
    if (jobs > n)
        jobs = (unsigned)n;
    if (jobs <= 1) {
        /* one buffer, an item at a time */
        void *ts = f->start ? f->start(ctx) : NULL;
        cck_rep_buf b = {0};
        for (size_t k = 0; k < n; k++) {
            b.len = 0;
            f->render(ctx, ts, k, &b);
            f->write(ctx, k, &b);
        }
        free(b.buf);
        if (f->end)
            f->end(ts);
        return;
    }
    order o = {.f = f, .ctx = ctx, .n = n, .window = (size_t)jobs * per_thread};
    o.ready = cck_xcalloc(o.window, sizeof *o.ready);
    o.ring = cck_xcalloc(o.window, sizeof *o.ring);
    pthread_mutex_init(&o.lock, NULL);
    pthread_cond_init(&o.room, NULL);
    pthread_t t[MAX_JOBS];
    unsigned started = 0;
    while (started + 1 < jobs && pthread_create(&t[started], NULL, order_worker, &o) == 0)
        started++;
    order_worker(&o);   /* this thread renders too, and alone if no thread could start */
    for (unsigned i = 0; i < started; i++)
        pthread_join(t[i], NULL);
    pthread_cond_destroy(&o.room);
    pthread_mutex_destroy(&o.lock);
    for (size_t k = 0; k < o.window; k++)
        free(o.ring[k].buf);
    free(o.ring);
    free(o.ready);
}

/* ---- a report's groups in parts --------------------------------------------- */

typedef struct {
    FILE *out;
    const cck_corpus *c;
    cck_rep_group_fn fn;        /* through a stream, or */
    cck_rep_group_buf_fn bfn;   /* into the part's buffer */
    const void *ctx;
    const cursor *parts;        /* nparts + 1 */
} groups;

/* A thread's stream into the part's buffer it renders (fn only). */
typedef struct {
    cck_rep_buf *cur;
    FILE *m;
} part_stream;

static void *parts_start(void *ctx)
{
    const groups *g = ctx;
    part_stream *ps = cck_xcalloc(1, sizeof *ps);
    if (g->fn)
        ps->m = cck_rep_buf_open(&ps->cur);
    return ps;
}

/* Part k, appended to b (bfn) or written to the thread's stream into it (fn). */
static void parts_render(void *ctx, void *ts, size_t k, cck_rep_buf *b)
{
    const groups *g = ctx;
    part_stream *ps = ts;
    cursor a = g->parts[k], e = g->parts[k + 1];
    if (g->fn) {
        ps->cur = b;
        for (size_t i = a.group; i < e.group; i++)
            g->fn(ps->m, g->c, i, g->ctx);
        if (fflush(ps->m) != 0)
            out_of_memory();
        return;
    }
    for (size_t i = a.group; i < e.group || (i == e.group && e.claim); i++)
        g->bfn(b, g->c, i, i == a.group ? a.claim : 0,
               i == e.group ? e.claim : g->c->groups[i].nclaims, g->ctx);
}

static void parts_write(void *ctx, size_t k, const cck_rep_buf *b)
{
    (void)k;
    const groups *g = ctx;
    if (b->len)     /* a part may render nothing (and have no buffer) */
        fwrite(b->buf, 1, b->len, g->out);
}

static void parts_end(void *ts)
{
    part_stream *ps = ts;
    if (ps->m)
        fclose(ps->m);
    free(ps);
}

static const cck_rep_order_fns PARTS = {parts_start, parts_render, parts_write, parts_end};

static void each_group(FILE *out, const cck_corpus *c, unsigned jobs, cck_rep_group_fn fn,
                       cck_rep_group_buf_fn bfn, const void *ctx)
{
    if (jobs <= 1 && fn) {
        for (size_t i = 0; i < c->ngroups; i++)
            fn(out, c, i, ctx);
        return;
    }
    size_t nparts = 0;
    cursor *parts = plan(c, bfn != NULL, &nparts);
    groups g = {.out = out, .c = c, .fn = fn, .bfn = bfn, .ctx = ctx, .parts = parts};
    cck_rep_in_order(jobs, nparts, bfn ? PARTS_PER_THREAD : STREAM_PARTS_PER_THREAD, &PARTS, &g);
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
