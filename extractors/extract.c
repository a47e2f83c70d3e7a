/* extract.c: the extractor driver. Runs every family scanner over each
 * unit of a source, drops candidates that stand inside a citation marker,
 * resolves overlaps (the longest candidate wins, then the higher
 * priority, then the earlier), and stores the winners as claims. */
#include <stdlib.h>
#include <string.h>

#include "extract.h"

void cck_cands_push(cck_cands *c, const cck_cand *x)
{
    if (c->n == c->cap) {
        c->cap = c->cap ? c->cap * 2 : 16;
        c->v = cck_xreallocarray(c->v, c->cap, sizeof *c->v);
    }
    c->v[c->n++] = *x;
}

void cck_cands_free(cck_cands *c)
{
    free(c->v);
    memset(c, 0, sizeof *c);
}

int cck_ext_match(const cck_scan *sc, const cck_re *re, const char *subject, size_t len,
                  size_t from, uint32_t options)
{
    int r = cck_re_match(sc->m, re, subject, len, from, options);
    if (r >= 0 || !sc->diags)
        return r;
    if (sc->gave_up && (*sc->gave_up)++ > 0)
        return r; /* one warning per unit is enough */
    unsigned line = 0, col = 0;
    if (sc->src)
        cck_source_linecol(sc->src, from, &line, &col);
    cck_diag_add(sc->diags, sc->src ? sc->src->path : "", line, col, CCK_SEV_WARNING,
                 "an extractor pattern gave up here (PCRE2 match limit); figures in this "
                 "sentence may be missed");
    return r;
}

cck_status cck_ext_init(cck_diags *d)
{
    char err[256] = "";
    if (cck_ext_numbers_init(err, sizeof err) != CCK_OK ||
        cck_ext_dates_init(err, sizeof err) != CCK_OK ||
        cck_ext_coords_init(err, sizeof err) != CCK_OK) {
        cck_diag_add(d, "", 0, 0, CCK_SEV_ERROR, "extractor init: %s", err);
        cck_ext_cleanup();
        return CCK_ERR_INPUT;
    }
    return CCK_OK;
}

void cck_ext_cleanup(void)
{
    cck_ext_numbers_cleanup();
    cck_ext_dates_cleanup();
    cck_ext_coords_cleanup();
}

static int by_strength(const void *pa, const void *pb)
{
    const cck_cand *a = pa, *b = pb;
    size_t la = a->claim.end - a->claim.start, lb = b->claim.end - b->claim.start;
    if (la != lb)
        return la > lb ? -1 : 1;
    if (a->priority != b->priority)
        return a->priority > b->priority ? -1 : 1;
    return a->claim.start < b->claim.start ? -1 : a->claim.start > b->claim.start;
}

static int by_start(const void *pa, const void *pb)
{
    const cck_cand *a = pa, *b = pb;
    return a->claim.start < b->claim.start ? -1 : a->claim.start > b->claim.start;
}

/* Citation markers are sorted by start and do not overlap. */
static bool inside_cite(const cck_source *s, size_t start, size_t end)
{
    size_t lo = 0, hi = s->ncites; /* first marker ending after start */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (s->cites[mid].end <= start)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < s->ncites && s->cites[lo].start < end;
}

/* Keeps the strongest non-overlapping candidates of one unit, in place. */
static size_t resolve(cck_cands *c, size_t ustart, size_t uend, unsigned char *taken)
{
    if (c->n == 0)
        return 0; /* qsort() must not be handed a NULL array */
    qsort(c->v, c->n, sizeof *c->v, by_strength);
    size_t kept = 0;
    for (size_t i = 0; i < c->n; i++) {
        size_t s = c->v[i].claim.start, e = c->v[i].claim.end;
        if (s < ustart || e > uend || s >= e)
            continue;
        bool clash = false;
        for (size_t k = s; k < e && !clash; k++)
            clash = taken[k - ustart];
        if (clash)
            continue;
        memset(taken + (s - ustart), 1, e - s);
        c->v[kept++] = c->v[i];
    }
    if (kept > 1)
        qsort(c->v, kept, sizeof *c->v, by_start);
    return kept;
}

cck_status cck_ext_source(cck_source *s, cck_matcher *m, cck_diags *d)
{
    cck_cands c = {0};
    unsigned char *taken = NULL;
    size_t taken_cap = 0;
    for (size_t ui = 0; ui < s->nunits; ui++) {
        const cck_unit *u = &s->units[ui];
        /* dates inside a reference entry belong to the citation, not the subject */
        if (u->zone == CCK_ZONE_REFERENCES || u->end <= u->start)
            continue;
        unsigned gave_up = 0;
        cck_scan sc = {s, u, s->bytes, u->start, u->end, m, d, &gave_up};
        c.n = 0;
        cck_ext_numbers(&sc, &c);
        cck_ext_dates(&sc, &c);
        cck_ext_coords(&sc, &c);
        size_t w = 0;
        for (size_t i = 0; i < c.n; i++)
            if (!inside_cite(s, c.v[i].claim.start, c.v[i].claim.end))
                c.v[w++] = c.v[i];
        c.n = w;
        size_t ulen = u->end - u->start;
        if (ulen > taken_cap) {
            taken_cap = ulen;
            free(taken);
            taken = cck_xmalloc(taken_cap);
        }
        memset(taken, 0, ulen);
        size_t kept = resolve(&c, u->start, u->end, taken);
        for (size_t i = 0; i < kept; i++) {
            cck_claim cl = c.v[i].claim;
            /* a hedge may not reach into the previous claim */
            size_t lo = i ? c.v[i - 1].claim.end : u->start;
            size_t hi = i + 1 < kept ? c.v[i + 1].claim.start : u->end;
            cck_ext_hedge(s->bytes, lo, hi, &cl);
            cl.unit_index = ui;
            cl.zone = u->zone;
            cck_source_add_claim(s, &cl);
        }
    }
    free(taken);
    cck_cands_free(&c);
    return CCK_OK;
}
