/* extract.c: the extractor driver. Runs every family scanner over each
 * unit of a source, drops candidates that stand inside a citation marker,
 * resolves overlaps (the longest candidate wins, then the higher
 * priority, then the earlier), drops dates that only date a figure beside
 * them, applies hedges, and stores the winners as claims. */
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

static void gave_up_at(const cck_scan *sc, size_t from)
{
    if (!sc->diags)
        return;
    if (sc->gave_up && (*sc->gave_up)++ > 0)
        return; /* one warning per unit is enough */
    unsigned line = 0, col = 0;
    if (sc->src)
        cck_source_linecol(sc->src, from, &line, &col);
    cck_diag_add(sc->diags, sc->src ? sc->src->path : "", line, col, CCK_SEV_WARNING,
                 "an extractor pattern gave up here (PCRE2 match limit); figures in this "
                 "sentence may be missed");
}

int cck_ext_match(const cck_scan *sc, const cck_re *re, const char *subject, size_t len,
                  size_t from, uint32_t options)
{
    int r = cck_re_match(sc->m, re, subject, len, from, options);
    if (r < 0)
        gave_up_at(sc, from);
    return r;
}

int cck_ext_match_cands(const cck_scan *sc, const cck_re *anchored, const cck_re *at_digit, size_t from,
                        int f)
{
    const cck_pf_index *x = sc->pf && sc->pf->end == sc->end && sc->pf->start <= from ? sc->pf : NULL;
    cck_pf_next next = cck_pf_scanners[f];
    for (size_t at = x ? cck_pf_index_next(x, f, from) : next(sc->text, from, sc->end); at < sc->end;
         at = x ? cck_pf_index_next(x, f, at + 1) : next(sc->text, at + 1, sc->end)) {
        const cck_re *re = at_digit && sc->text[at] >= '0' && sc->text[at] <= '9' ? at_digit : anchored;
        int r = cck_re_match(sc->m, re, sc->text, sc->end, at, 0);
        if (r > 0)
            return 1;
        if (r < 0)
            gave_up_at(sc, from);
    }
    return 0;
}

cck_status cck_ext_init(cck_diags *d)
{
    char err[256] = "";
    cck_ext_hedge_init();
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

static int strncasecmp_ascii(const char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        int x = (unsigned char)a[i] | 0x20, y = (unsigned char)b[i] | 0x20;
        if (x != y)
            return x - y;
    }
    return 0;
}

static bool numeric(const cck_claim *c)
{
    return c->kind == CCK_KIND_COUNT || c->kind == CCK_KIND_MEASURE || c->kind == CCK_KIND_PERCENT ||
           c->kind == CCK_KIND_MONEY;
}

static bool lower_word(const char *t, size_t s, size_t e, const char *w)
{
    size_t n = strlen(w);
    if (e - s != n)
        return false;
    for (size_t i = 0; i < n; i++)
        if ((t[s + i] | 0x20) != w[i])
            return false;
    return true;
}

/* Splits t[s, e) into plain words (letters only, at most max); returns
 * the count, or -1 when anything else stands there. */
static int plain_words(const char *t, size_t s, size_t e, size_t *ws, size_t *we, int max)
{
    int n = 0;
    size_t i = s;
    while (i < e) {
        if (t[i] == ' ' || t[i] == '\t') {
            i++;
            continue;
        }
        size_t j = i;
        while (j < e && (((t[j] | 0x20) >= 'a' && (t[j] | 0x20) <= 'z')))
            j++;
        if (j == i || n == max)
            return -1;
        ws[n] = i, we[n] = j, n++;
        i = j;
    }
    return n;
}

/* Is there a figure in the sentence of v[k], after it (dir 1) or before
 * it (dir -1)? Sentences end at ". " and clauses at ";". Looks at most
 * NEAR bytes and NEAR_CLAIMS claims away, so a unit of many dates stays
 * linear. */
enum { NEAR = 400, NEAR_CLAIMS = 16 };
static bool figure_near(const char *t, const cck_cand *v, size_t n, size_t k, int dir)
{
    size_t from = dir > 0 ? v[k].claim.end : v[k].claim.start, q = from;
    for (size_t j = k, hops = 0; (dir > 0 ? j + 1 < n : j > 0) && hops < NEAR_CLAIMS; hops++) {
        j = dir > 0 ? j + 1 : j - 1;
        const cck_claim *c = &v[j].claim;
        size_t to = dir > 0 ? c->start : c->end;
        if ((dir > 0 ? to - from : from - to) > NEAR)
            return false;
        /* the bytes between the previous claim looked at and this one */
        for (; dir > 0 ? q < to : q > to; q = dir > 0 ? q + 1 : q - 1) {
            size_t at = dir > 0 ? q : q - 1;
            if (t[at] == ';' || (t[at] == '.' && t[at + 1] == ' '))
                return false;
        }
        q = dir > 0 ? c->end : c->start;
        if (numeric(c))
            return true;
    }
    return false;
}

/* A date that only says when a figure beside it holds is that figure's
 * as_of (the subject stage reads it from the sentence), not a claim of
 * its own: "168,827 in 1950", "244,000 by 1957", "28 trolleybuses in
 * 2013", "As of 2023, ... 543,000", "By 1938, ... 72,353". Dates stating
 * an event ("founded in 1750") stand alone and stay. */
static bool dates_a_figure(const cck_source *s, const cck_cand *v, size_t n, size_t k, size_t ustart, size_t uend)
{
    const char *t = s->bytes;
    const cck_claim *d = &v[k].claim;
    size_t ws[5], we[5];
    /* "as of 2023" */
    {
        size_t i = d->start;
        while (i > ustart && (t[i - 1] == ' ' || t[i - 1] == '\t'))
            i--;
        if (i >= ustart + 5 && (t[i - 2] | 0x20) == 'o' && (t[i - 1] | 0x20) == 'f' && t[i - 3] == ' ' &&
            (t[i - 5] | 0x20) == 'a' && (t[i - 4] | 0x20) == 's' && (i - 5 == ustart || t[i - 6] == ' ') &&
            (figure_near(t, v, n, k, 1) || figure_near(t, v, n, k, -1)))
            return true; /* without a figure, "as of 2020" dates an observation */
    }
    /* the date's own prefix word ("by 1957") counts as the link */
    size_t pe = d->start;
    while (pe < d->end && ((t[pe] | 0x20) >= 'a' && (t[pe] | 0x20) <= 'z'))
        pe++;
    bool by_in = pe > d->start && pe < d->end && t[pe] == ' ' &&
                 (lower_word(t, d->start, pe, "by") || lower_word(t, d->start, pe, "in"));
    /* right after a figure: "<figure> [a few words] in|by|during <date>",
     * "<figure> from <period>" */
    if (k > 0 && numeric(&v[k - 1].claim)) {
        int nw = plain_words(t, v[k - 1].claim.end, d->start, ws, we, 5);
        if (nw == 0 && by_in)
            return true;
        if (nw > 0) {
            size_t a = ws[nw - 1], b = we[nw - 1];
            bool period = !cck_claim_one_date(d);
            if ((nw <= 3 && (lower_word(t, a, b, "in") || lower_word(t, a, b, "by") ||
                             lower_word(t, a, b, "during"))) ||
                (nw == 1 && period && (lower_word(t, a, b, "from") || lower_word(t, a, b, "over"))) ||
                by_in)
                return true;
        }
    }
    /* opening its clause with a comma, a figure later in it: "By 1938, ... 72,353" */
    if (by_in || d->start == ustart) {
        size_t i = d->start;
        while (i > ustart && (t[i - 1] == ' ' || t[i - 1] == '\t'))
            i--;
        bool opens = i == ustart || t[i - 1] == '.' || t[i - 1] == ';' || t[i - 1] == '\n';
        if (opens && by_in && d->end < uend && t[d->end] == ',' && figure_near(t, v, n, k, 1))
            return true;
    }
    return false;
}

/* A figure the clause calls an estimate is approximate even with no hedge
 * of its own: "the 2021 estimated population being 874,682", "estimates
 * range between 80,000 and 120,000". Looks back within its clause. */
static bool estimate_before(const char *t, size_t lo, size_t at)
{
    /* the bytes that end the look (1) or may start the word (2); the rest,
     * nearly all, cost one lookup */
    static const unsigned char look[256] = {[';'] = 1, [':'] = 1, ['\n'] = 1, ['.'] = 1,
                                            ['e'] = 2, ['E'] = 2};
    size_t from = at > lo + 120 ? at - 120 : lo;
    for (size_t i = at; i > from; i--) {
        char c = t[i - 1];
        unsigned k = look[(unsigned char)c];
        if (!k)
            continue;
        if (k == 1 && (c != '.' || t[i] == ' '))
            return false;
        if (k == 2 && i - 1 + 7 <= at &&
            (i - 1 == lo || !((t[i - 2] | 0x20) >= 'a' && (t[i - 2] | 0x20) <= 'z')) &&
            !strncasecmp_ascii(t + i - 1, "estimat", 7))
            return true;
    }
    return false;
}

/* "approximately 105,000 troops and 98,000 civilians": a figure joined by
 * "and" to a hedged one of its kind shares the hedge (not its bound). */
static bool shares_hedge(const char *t, const cck_claim *prev, const cck_claim *c)
{
    if (!prev || !prev->approx || prev->bound != CCK_BOUND_NONE || prev->kind != c->kind)
        return false;
    size_t ws[5], we[5];
    int nw = plain_words(t, prev->end, c->start, ws, we, 5);
    return nw > 0 && lower_word(t, ws[nw - 1], we[nw - 1], "and");
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
    return cck_ext_source_opts(s, m, NULL, d);
}

cck_status cck_ext_source_opts(cck_source *s, cck_matcher *m, const cck_ext_opts *o, cck_diags *d)
{
    static const cck_ext_opts claims_only;
    if (!o)
        o = &claims_only;
    cck_cands c = {0};
    cck_pf_index pf;
    memset(&pf, 0, sizeof pf);
    unsigned char *taken = NULL;
    size_t taken_cap = 0;
    for (size_t ui = 0; ui < s->nunits; ui++) {
        const cck_unit *u = &s->units[ui];
        /* dates inside a reference entry belong to the citation, not the subject */
        if (u->zone == CCK_ZONE_REFERENCES || u->end <= u->start)
            continue;
        unsigned gave_up = 0;
        cck_pf_index_unit(&pf, s->bytes, u->start, u->end);
        cck_scan sc = {s, u, s->bytes, u->start, u->end, m, d, &gave_up, o, &pf};
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
        if (u->zone != CCK_ZONE_TABLE && !o->mentions) {
            /* mark first (the test looks at neighbours), then compact;
             * taken (ulen bytes) is free again and kept <= ulen */
            unsigned char *drop = taken;
            for (size_t i = 0; i < kept; i++)
                drop[i] = c.v[i].claim.kind == CCK_KIND_DATE &&
                          dates_a_figure(s, c.v, kept, i, u->start, u->end);
            size_t w2 = 0;
            for (size_t i = 0; i < kept; i++)
                if (!drop[i])
                    c.v[w2++] = c.v[i];
            kept = w2;
        }
        for (size_t i = 0; i < kept; i++) {
            cck_claim cl = c.v[i].claim;
            /* a hedge may not reach into the previous claim */
            size_t lo = i ? c.v[i - 1].claim.end : u->start;
            size_t hi = i + 1 < kept ? c.v[i + 1].claim.start : u->end;
            cck_ext_hedge(s->bytes, lo, hi, &cl);
            if (numeric(&cl) && !cl.approx &&
                (estimate_before(s->bytes, u->start, cl.start) ||
                 shares_hedge(s->bytes, i && s->nclaims ? &s->claims[s->nclaims - 1] : NULL, &cl)))
                cl.approx = true;
            cl.unit_index = ui;
            cl.zone = u->zone;
            if (s->nclaims && cck_ext_join_bounds(s->bytes, &s->claims[s->nclaims - 1], &cl))
                continue; /* "more than 10 and less than 40": one interval */
            cck_source_add_claim(s, &cl);
        }
    }
    free(taken);
    cck_pf_index_free(&pf);
    cck_cands_free(&c);
    return CCK_OK;
}

const char *cck_scan_ref_date(const cck_scan *sc)
{
    if (sc->opts && sc->opts->ref_date)
        return sc->opts->ref_date;
    const char *d = sc->src ? sc->src->meta.date : NULL;
    /* only an ISO day counts: "4 March 2021" is not read here */
    if (d && strlen(d) >= 10 && d[4] == '-' && d[7] == '-')
        return d;
    return NULL;
}
