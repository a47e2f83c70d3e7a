/* group.c: claims grouped by subject (folded entity + attribute + as_of),
 * each group judged conflict / consistent / single with the tolerance it
 * used, the best-supported value favoured, groups sorted for the reports. */
#include <math.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "interval.h"
#include "settings.h"

typedef struct {
    cck_claim *c;
    const char *fold;    /* folded entity (corpus arena) */
    const char *as_of;   /* the group's as_of: NULL for the current subject */
    size_t src;          /* position of the claim's source in the corpus */
    unsigned long long origin; /* the voice: source and article within it */
    int year;            /* the claim's own as_of year, when dated */
    bool dated;          /* has a year, and the attribute changes over time */
    bool placed;         /* undated, but agrees with the figure of some year of
                            its group: taken to be for that year */
    double per_year;     /* the attribute's plausible change a year (drift) */
    cck_rec_span span;   /* what agreement reads of the claim, parsed once */
} item;

/* One subject: its claims v[0..n) (a range of the sorted items), the
 * partners each claim is compared with (the first lim, lim = pair_cap for
 * a big group) and which pairs agree, worked out once: trust estimation
 * asks the same pairs in each of its rounds and judging asks each pair two
 * or three times, and pair_agree() was most of grouping's time. */
typedef struct {
    item *v;
    size_t n, lim;
    size_t w;            /* words per row of agree */
    uint64_t *agree;     /* n rows: bit j of row i when claim i agrees with
                            partner j (i == j included) */
} subject;

typedef struct {
    cck_group g;
    const char *fold;
    char *note;          /* judge()'s note (malloc'd) until it moves to the arena */
} slot;

static int cmp_str(const char *a, const char *b)
{
    if (!a || !b)
        return (a != NULL) - (b != NULL);   /* NULL (undated) first */
    return strcmp(a, b);
}

static int cmp_place(const item *x, const item *y)
{
    if (x->src != y->src)
        return x->src < y->src ? -1 : 1;
    if (x->c->start != y->c->start)
        return x->c->start < y->c->start ? -1 : 1;
    if (x->c->end != y->c->end)
        return x->c->end < y->c->end ? -1 : 1;
    return x->c->index < y->c->index ? -1 : x->c->index > y->c->index;
}

static int cmp_family(const void *pa, const void *pb)
{
    const item *x = pa, *y = pb;
    int r = strcmp(x->fold, y->fold);
    if (!r)
        r = strcmp(x->c->attribute, y->c->attribute);
    return r ? r : cmp_place(x, y);
}

static int cmp_subject(const void *pa, const void *pb)
{
    const item *x = pa, *y = pb;
    int r = strcmp(x->fold, y->fold);
    if (!r)
        r = strcmp(x->c->attribute, y->c->attribute);
    if (!r)
        r = cmp_str(x->as_of, y->as_of);
    return r ? r : cmp_place(x, y);
}

static int status_rank(cck_group_status s)
{
    return s == CCK_GROUP_CONFLICT ? 0 : s == CCK_GROUP_CONSISTENT ? 1 : 2;
}

static int cmp_group(const void *pa, const void *pb)
{
    const slot *x = pa, *y = pb;
    int r = status_rank(x->g.status) - status_rank(y->g.status);
    if (!r)
        r = strcmp(x->fold, y->fold);
    if (!r)
        r = strcmp(x->g.attribute, y->g.attribute);
    return r ? r : cmp_str(x->g.as_of, y->g.as_of);
}

/* ---- the current subject ------------------------------------------------ */

/* Attributes whose value changes over time, so that the time a figure holds
 * for (as_of) is part of its subject: by prefix, or by suffix when the
 * entry starts with '_'. For any other attribute (founded, born, period,
 * deaths of an event, distances) as_of is left out of the subject: "the
 * famine of 1994-1998 killed 2-3 million" and an undated "600,000 to 1
 * million" are about one subject. */
static const char *const time_varying[] = {
    "population", "count_", "share_", "gdp", "workers", "employees", "staff",
    "production", "output", "annual_capacity", "capacity", "inmates", "prisoners",
    "members", "area", "urban_area", "visits", "vehicles", "budget", "revenue",
    "price", "_rate", "_price", "_growth", "_capacity", "_count", "_share",
};

static bool changes_over_time(const char *attr)
{
    size_t n = strlen(attr);
    for (size_t i = 0; i < sizeof time_varying / sizeof *time_varying; i++) {
        const char *t = time_varying[i];
        size_t k = strlen(t);
        if (t[0] == '_' ? n >= k && !strcmp(attr + n - k, t) : !strncmp(attr, t, k))
            return true;
    }
    return false;
}

/* Figures that change over time carry an as_of. Undated figures are taken
 * to be about the present (the newest as_of year in the corpus), so within
 * one family (entity + attribute) they join the dated figures of the last
 * few years into one "current" subject (as_of NULL), where values of
 * different years are allowed to drift; two or more recent years make such
 * a subject too. Older dated figures keep their own subject. */
static void assign_subjects(item *v, size_t n)
{
    const cck_rec_tol *t = &cck_rec_tolerances;
    bool any = false;
    int now = 0;
    for (size_t k = 0; k < n; k++)
        if (v[k].dated && (!any || v[k].year > now)) {
            now = v[k].year;
            any = true;
        }
    for (size_t i = 0; i < n;) {
        size_t j = i + 1;
        while (j < n && !strcmp(v[j].fold, v[i].fold) &&
               !strcmp(v[j].c->attribute, v[i].c->attribute))
            j++;
        bool undated = false, series = false;
        int first = 0;
        bool seen = false;
        for (size_t k = i; k < j; k++) {
            if (!v[k].c->as_of)
                undated = true;
            else if (v[k].dated && v[k].year >= now - t->current_years) {
                if (seen && v[k].year != first)
                    series = true;
                first = seen ? first : v[k].year;
                seen = true;
            }
        }
        bool varying = changes_over_time(v[i].c->attribute);
        for (size_t k = i; k < j; k++) {
            v[k].as_of = varying ? v[k].c->as_of : NULL;
            if (v[k].dated && (undated || series) && v[k].year >= now - t->current_years)
                v[k].as_of = NULL;
        }
        i = j;
    }
}

static double pair_drift(const item *a, const item *b)
{
    const cck_rec_tol *t = &cck_rec_tolerances;
    double per_year = a->per_year;
    if (a->dated && b->dated)
        return per_year * abs(a->year - b->year);
    if (a->dated != b->dated)
        return per_year * t->undated_years;
    return 0;
}

static bool same_voice(const item *a, const item *b)
{
    const cck_claim *x = a->c, *y = b->c;
    return a->origin == b->origin && x->kind == y->kind && x->lo == y->lo && x->hi == y->hi &&
           x->lat == y->lat && x->lon == y->lon && x->bound == y->bound &&
           !strcmp(x->date_lo, y->date_lo) && !strcmp(x->date_hi, y->date_hi);
}

/* One voice giving figures for different years is a time series ("2022:
 * 46.7, 2023: 48.2"), not a contradiction. */
static bool series(const item *a, const item *b)
{
    return a->origin == b->origin && a->dated && b->dated && a->year != b->year;
}

static bool pair_agree(const item *a, const item *b)
{
    return same_voice(a, b) || series(a, b) || (a->placed && b->dated) ||
           (b->placed && a->dated) || cck_rec_agree_span(&a->span, &b->span, pair_drift(a, b));
}

/* Marks the undated figures of a group that agree exactly (no drift) with
 * a dated one: "inflation eased to 4.2%" beside "2022: 5.9, 2023: 4.2" is
 * the 2023 figure, not a contradiction of 2022's. */
static void place_undated(item *v, size_t n)
{
    size_t lim = n < cck_rec_tolerances.pair_cap ? n : cck_rec_tolerances.pair_cap;
    bool years = false;
    for (size_t i = 0; i < lim && !years; i++)
        for (size_t j = 0; j < lim && !years; j++)
            years = v[i].dated && v[j].dated && v[i].year != v[j].year;
    if (!years)
        return;   /* one year or none: nothing to place */
    for (size_t i = 0; i < lim; i++) {
        if (v[i].dated || v[i].c->as_of)
            continue;
        for (size_t j = 0; j < lim && !v[i].placed; j++)
            v[i].placed = v[j].dated && cck_rec_agree_span(&v[i].span, &v[j].span, 0);
    }
}

/* ---- notes -------------------------------------------------------------- */

typedef struct {
    char buf[1024];
    size_t n;
} text;

#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static void put(text *t, const char *fmt, ...)
{
    if (t->n >= sizeof t->buf - 1)
        return;
    va_list ap;
    va_start(ap, fmt);
    int k = vsnprintf(t->buf + t->n, sizeof t->buf - t->n, fmt, ap);
    va_end(ap);
    if (k > 0)
        t->n += (size_t)k < sizeof t->buf - t->n ? (size_t)k : sizeof t->buf - t->n - 1;
}

static void put_num(text *t, double v)
{
    if (fabs(v) >= 1e4 && fabs(v) < 1e15) {
        v = round(v);
        /* thousands separators, as figures are usually written */
        char d[32];
        snprintf(d, sizeof d, "%.0f", fabs(v));
        size_t len = strlen(d);
        put(t, "%s", v < 0 ? "-" : "");
        for (size_t i = 0; i < len; i++)
            put(t, "%s%c", i && (len - i) % 3 == 0 ? "," : "", d[i]);
    } else {
        put(t, "%.10g", v);
    }
}

static void put_claim(text *t, const item *it, bool show_year)
{
    const cck_claim *c = it->c;
    const cck_source *s = c->src;
    if (s && s->bytes && c->end <= s->len && c->end > c->start) {
        size_t n = c->end - c->start;
        put(t, "\"");
        for (size_t i = 0; i < n && i < 60; i++) {
            unsigned char ch = (unsigned char)s->bytes[c->start + i];
            put(t, "%c", ch < 0x20 || ch == '"' ? ' ' : (char)ch);
        }
        put(t, "%s\" ", n > 60 ? "..." : "");
    }
    if (c->vague) {
        put(t, "(vague)");
    } else if (c->kind == CCK_KIND_DATE) {
        put(t, "(%s", c->date_lo);
        if (c->date_hi[0] && strcmp(c->date_hi, c->date_lo))
            put(t, " to %s", c->date_hi);
        put(t, "%s%s)", c->approx ? ", hedged" : "",
            c->bound == CCK_BOUND_LOWER ? ", or later" :
            c->bound == CCK_BOUND_UPPER ? ", or earlier" : "");
    } else if (c->kind == CCK_KIND_COORDINATE) {
        put(t, "(%.6f, %.6f ±%.0f m)", c->lat, c->lon, cck_rec_coord_tolerance(c));
    } else {
        double lo, hi;
        cck_rec_interval(c, &lo, &hi);
        const char *u = c->unit && *c->unit ? c->unit : "";
        if (isinf(lo) && isinf(hi)) {
            put(t, "(any value)");
        } else if (isinf(hi)) {
            put(t, "(at least ");
            put_num(t, lo);
            put(t, "%s%s)", *u ? " " : "", u);
        } else if (isinf(lo)) {
            put(t, "(at most ");
            put_num(t, hi);
            put(t, "%s%s)", *u ? " " : "", u);
        } else {
            put(t, "(");
            put_num(t, lo);
            put(t, " to ");
            put_num(t, hi);
            put(t, "%s%s)", *u ? " " : "", u);
        }
    }
    if (show_year)
        put(t, " [%s]", c->as_of ? c->as_of : "undated");
}

static void put_tolerance(text *t, cck_kind k, bool drift, const char *attr)
{
    const cck_rec_tol *tol = &cck_rec_tolerances;
    if (k == CCK_KIND_DATE)
        put(t, "tolerance: the granularity of each date (a year covers the whole "
               "year), ±%.0f years for hedged years; stated periods must match at "
               "both ends", tol->approx_year_days / 365.25);
    else if (k == CCK_KIND_COORDINATE)
        put(t, "tolerance: the precision of each position (half its last decimal, "
               "at least %.0f m)", tol->coord_min_m);
    else
        put(t, "tolerance: rounding of each figure, ±%.0f%% for hedged figures",
            tol->hedge_frac * 100);
    if (drift && k != CCK_KIND_DATE && k != CCK_KIND_COORDINATE)
        put(t, ", %.0f%% a year between figures of different years (%.0f years for "
               "an undated one)", cck_rec_drift_for(attr) * 100, tol->undated_years);
}

/* ---- why two figures disagree ---------------------------------------------- */

/* Words that narrow what a figure measures: two figures of one subject
 * qualified differently may not be about the same thing at all. */
static const char *const qualifiers[] = {
    /* the first few say the figure is for now: one with and one without is a
     * difference of time (see NOW_WORDS) */
    "today", "now", "currently", "nowadays", "presently",
    "metropolitan", "metro", "urban", "proper", "greater", "municipal", "agglomeration",
    "built-up", "original", "originally", "rebuilt", "reconstruction", "reconstructed",
    "post-war", "postwar", "pre-war", "prewar", "expanded", "design", "designed",
    "planned", NULL};

/* Bit k set when qualifier k stands in the claim's sentence. */
static unsigned long qualifier_mask(const cck_claim *c)
{
    const cck_source *s = c->src;
    if (!s || !s->units || c->unit_index >= s->nunits)
        return 0;
    const cck_unit *u = &s->units[c->unit_index];
    /* only the words near the figure qualify it */
    size_t from = c->start > u->start + 60 ? c->start - 60 : u->start;
    size_t to = c->end + 30 < u->end ? c->end + 30 : u->end;
    while (from > u->start && s->bytes[from - 1] != ' ')
        from--;
    unsigned long mask = 0;
    char w[24];
    size_t n = 0;
    for (size_t i = from; i <= to && i <= s->len; i++) {
        unsigned char ch = i < to ? (unsigned char)s->bytes[i] : ' ';
        bool letter = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch == '-' && n);
        if (letter) {
            if (n < sizeof w - 1)
                w[n] = (char)(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
            n++;
            continue;
        }
        if (n && n < sizeof w) {
            w[n] = '\0';
            for (size_t k = 0; qualifiers[k]; k++)
                if (!strcmp(w, qualifiers[k]))
                    mask |= 1ul << k;
        }
        n = 0;
    }
    return mask;
}

/* The figure's middle in its canonical unit, or NAN when it has none. */
static double middle(const cck_claim *c)
{
    if (c->vague || c->kind == CCK_KIND_DATE || c->kind == CCK_KIND_COORDINATE)
        return NAN;
    return (c->lo + c->hi) / 2;
}

/* Writes the likely cause of a and b disagreeing: different times, two
 * things under one name (ambiguity), one source contradicting itself, or
 * plain disagreement. */
static void put_cause(text *t, const item *a, const item *b, double drift)
{
    const cck_rec_tol *tol = &cck_rec_tolerances;
    const cck_claim *x = a->c, *y = b->c;
    if (drift > 0) {
        double mx = middle(x), my = middle(y);
        if (a->dated && b->dated && a->year != b->year && isfinite(mx) && isfinite(my) &&
            mx != 0 && my != 0) {
            double change = fabs(mx - my) / fmin(fabs(mx), fabs(my));
            put(t, "likely cause: figures for %s and %s differ by %.0f%%, more than the %.0f%% "
                   "a year %s plausibly changes, so they cannot both be right (or one is out "
                   "of date); ", x->as_of, y->as_of, change * 100,
                cck_rec_drift_for(x->attribute) * 100, x->attribute);
        } else {
            put(t, "likely cause: figures for different times (%s vs %s), one may be out "
                   "of date; ", x->as_of ? x->as_of : "undated",
                y->as_of ? y->as_of : "undated");
        }
        return;
    }
    if (x->kind == CCK_KIND_COORDINATE && y->kind == CCK_KIND_COORDINATE &&
        cck_rec_coord_distance(x, y) > tol->place_apart_m) {
        put(t, "likely cause: ambiguity: the positions are %.0f km apart, so they probably "
               "name different places; ", cck_rec_coord_distance(x, y) / 1000);
        return;
    }
    unsigned long qx = qualifier_mask(x), qy = qualifier_mask(y);
    const unsigned long now = (1ul << 5) - 1;   /* the first five of the list */
    if ((qx & now) != (qy & now)) {
        put(t, "likely cause: different times: one figure is given for today and the other "
               "is undated, so it may be old; ");
        return;
    }
    if (qx != qy) {
        unsigned long only = qx & ~qy ? qx & ~qy : qy & ~qx;
        size_t k = 0;
        while (!(only & (1ul << k)))
            k++;
        put(t, "likely cause: ambiguity: one sentence says \"%s\" and the other does not, "
               "so they may measure different things; ", qualifiers[k]);
        return;
    }
    double mx = fabs(middle(x)), my = fabs(middle(y));
    if (mx > 0 && my > 0 && (mx > my ? mx / my : my / mx) >= tol->ambiguity_ratio) {
        put(t, "likely cause: ambiguity: the figures are %.0f times apart, more like two "
               "different things under one name (city proper and metropolitan area, say) "
               "than a slip; ", mx > my ? mx / my : my / mx);
        return;
    }
    if (a->origin == b->origin)
        put(t, "likely cause: one source gives two values; ");
    else
        put(t, "likely cause: the sources disagree; ");
}

/* ---- judging one group ---------------------------------------------------- */

static size_t distinct_sources(const item *v, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (i == 0 || v[i].origin != v[i - 1].origin)
            k++;
    return k;
}

static size_t cites_of(const cck_claim *c)
{
    const cck_source *s = c->src;
    return s && s->units && c->unit_index < s->nunits ? s->units[c->unit_index].ncites : 0;
}

/* True when claim i of s agrees with its partner j (j < s->lim, or j == i). */
static bool agrees(const subject *s, size_t i, size_t j)
{
    return i == j || (s->agree[i * s->w + j / 64] >> (j % 64) & 1);
}

/* Fills row i of s->agree. */
static void agree_row(subject *s, size_t i)
{
    uint64_t *row = s->agree + i * s->w;
    for (size_t j = 0; j < s->lim; j++)
        if (i == j || pair_agree(&s->v[i], &s->v[j]))
            row[j / 64] |= (uint64_t)1 << (j % 64);
}

/* Distinct sources among the partners of claim i that agree (or, with
 * agree false, disagree) with it. Partners are the whole group, or for a
 * big group its first pair_cap claims. */
static size_t support_cited(const subject *s, size_t i, bool agree, size_t *cited)
{
    const item *v = s->v;
    size_t k = 0;
    unsigned long long last = 0;
    bool any = false, last_cited = false;
    if (cited)
        *cited = 0;
    for (size_t j = 0; j < s->lim; j++) {
        if (agrees(s, i, j) != agree)
            continue;
        bool c = cites_of(v[j].c) > 0;
        if (any && v[j].origin == last) {
            /* one voice: cited when any of its claims is */
            if (cited && c && !last_cited) {
                (*cited)++;
                last_cited = true;
            }
            continue;
        }
        k++;
        last = v[j].origin;
        any = true;
        last_cited = c;
        if (cited && c)
            (*cited)++;
    }
    return k;
}

static size_t support(const subject *s, size_t i, bool agree)
{
    return support_cited(s, i, agree, NULL);
}

/* How much the evidence backs claim i: 1 - the product over the distinct
 * sources agreeing with it of (1 - the source's trust), as TruthFinder
 * combines independent witnesses. */
static double confidence(const subject *s, size_t i, const double *trust)
{
    const item *v = s->v;
    double miss = 1;
    size_t last = (size_t)-1;
    for (size_t j = 0; j < s->lim || j == i; j++) {
        if (j >= s->n)
            break;
        if (v[j].src == last || !agrees(s, i, j))
            continue;
        last = v[j].src;
        miss *= 1 - trust[v[j].src];
    }
    return 1 - miss;
}

/* The first two claims that cannot both be true, or false. */
static bool find_conflict(const item *v, size_t n, size_t *pa, size_t *pb)
{
    size_t cap = cck_rec_tolerances.pair_cap;
    size_t lim = n < cap ? n : cap;
    for (size_t i = 0; i < n; i++)
        for (size_t j = i < lim ? i + 1 : 0; j < (i < lim ? n : lim); j++)
            if (!pair_agree(&v[i], &v[j])) {
                *pa = i < j ? i : j;
                *pb = i < j ? j : i;
                return true;
            }
    if (n <= cap)
        return false;
    /* big group: for plain numbers all pairs overlap exactly when the
     * highest low end is below the lowest high end */
    size_t imax = (size_t)-1, imin = (size_t)-1;
    double maxlo = -HUGE_VAL, minhi = HUGE_VAL;
    for (size_t i = 0; i < n; i++) {
        const cck_claim *c = v[i].c;
        if (c->vague || c->kind == CCK_KIND_DATE || c->kind == CCK_KIND_COORDINATE ||
            c->kind != v[0].c->kind)
            continue;
        double lo, hi;
        cck_rec_interval(c, &lo, &hi);
        if (lo > maxlo) {
            maxlo = lo;
            imax = i;
        }
        if (hi < minhi) {
            minhi = hi;
            imin = i;
        }
    }
    if (imax != (size_t)-1 && imin != (size_t)-1 && !pair_agree(&v[imax], &v[imin])) {
        *pa = imax < imin ? imax : imin;
        *pb = imax < imin ? imin : imax;
        return true;
    }
    return false;
}

/* Judges one subject into out: status, favoured claim and note (out->note,
 * malloc'd: judge() runs on any thread, the arena is the caller's to fill).
 * claims has room for the subject's claims. */
static void judge(slot *out, const subject *subj, cck_claim **claims, const double *trust)
{
    const item *v = subj->v;
    size_t n = subj->n;
    cck_group *g = &out->g;
    out->fold = v[0].fold;
    g->entity = v[0].c->entity;
    g->attribute = v[0].c->attribute;
    g->as_of = v[0].as_of;
    g->nclaims = n;
    g->claims = claims;
    bool mixed_years = false;
    for (size_t i = 0; i < n; i++) {
        g->claims[i] = v[i].c;
        if (pair_drift(&v[i], &v[0]) > 0)
            mixed_years = true;
    }
    g->nsources = distinct_sources(v, n);

    size_t a = 0, b = 0;
    bool conflict = find_conflict(v, n, &a, &b);

    /* favoured: most distinct sources agreeing, then most citations, then
     * the earliest source (claims are in source order). In a conflict only
     * a claim that takes a side can be favoured ("1920s" fits both 1927 and
     * 1928, so it says nothing about which is right), and a bound or a vague
     * phrase only when nothing firmer is there. */
    size_t fav = 0, best = 0, best_cites = 0;
    int best_rank = -1;
    double best_conf = -1;
    for (size_t i = 0; i < n; i++) {
        bool side = conflict && (n <= cck_rec_tolerances.pair_cap
                                     ? support(subj, i, false) > 0
                                     : !pair_agree(&v[i], &v[a]) || !pair_agree(&v[i], &v[b]));
        int rank = (!v[i].c->vague && v[i].c->bound == CCK_BOUND_NONE) + 2 * side;
        size_t s = support(subj, i, true), ct = cites_of(v[i].c);
        double cf = confidence(subj, i, trust);
        /* confidences within 0.05 are a tie, broken by the count of
         * sources, then by citations, then by the closer confidence */
        bool tie = fabs(cf - best_conf) <= 0.05;
        bool better = rank > best_rank ||
                      (rank == best_rank &&
                       ((!tie && cf > best_conf) ||
                        (tie && (s > best ||
                                 (s == best && (ct > best_cites ||
                                                (ct == best_cites && cf > best_conf + 1e-9)))))));
        if (better) {
            fav = i;
            best = s;
            best_cites = ct;
            best_rank = rank;
            best_conf = cf;
        }
    }
    g->favoured = v[fav].c;
    /* show the favoured figure against one it rules out, when there is one */
    for (size_t j = 0; conflict && j < n; j++)
        if (!pair_agree(&v[fav], &v[j])) {
            a = fav < j ? fav : j;
            b = fav < j ? j : fav;
            break;
        }
    g->status = conflict ? CCK_GROUP_CONFLICT
              : g->nsources > 1 ? CCK_GROUP_CONSISTENT : CCK_GROUP_SINGLE;

    text t = {.n = 0};
    t.buf[0] = '\0';
    cck_kind k = v[conflict ? a : 0].c->kind;
    if (conflict) {
        put(&t, "conflict: ");
        put_claim(&t, &v[a], mixed_years);
        put(&t, " vs ");
        put_claim(&t, &v[b], mixed_years);
        if (k == CCK_KIND_COORDINATE)
            put(&t, ": %.0f m apart; ", cck_rec_coord_distance(v[a].c, v[b].c));
        else if (v[a].c->kind != v[b].c->kind ||
                 strcmp(v[a].c->unit ? v[a].c->unit : "", v[b].c->unit ? v[b].c->unit : ""))
            put(&t, ": different units; ");
        else
            put(&t, ": no overlap; ");
        put_cause(&t, &v[a], &v[b], pair_drift(&v[a], &v[b]));
        put_tolerance(&t, k, mixed_years, g->attribute);
        size_t cited_for = 0, cited_against = 0;
        size_t dissent = support_cited(subj, fav, false, &cited_against);
        support_cited(subj, fav, true, &cited_for);
        put(&t, "; favoured ");
        put_claim(&t, &v[fav], false);
        put(&t, ": %zu source%s agree%s within tolerance (%zu cited, %zu uncited); %zu "
                "dissent%s (%zu cited, %zu uncited); confidence %.2f from source trust",
            best, best == 1 ? "" : "s", best == 1 ? "s" : "", cited_for, best - cited_for,
            dissent, dissent == 1 ? "s" : "", cited_against, dissent - cited_against,
            best_conf);
    } else if (g->status == CCK_GROUP_CONSISTENT) {
        put(&t, "consistent: %zu sources (%zu claims) agree; ", g->nsources, n);
        put_tolerance(&t, k, mixed_years, g->attribute);
    } else if (n == 1) {
        put(&t, "single: one claim");
    } else {
        put(&t, "single: one source, its %zu claims agree; ", n);
        put_tolerance(&t, k, mixed_years, g->attribute);
    }
    if (g->as_of == NULL && mixed_years && !conflict)
        put(&t, "; undated figures are taken as current and grouped with recent dated ones");
    out->note = cck_xstrndup(t.buf, t.n);
}

/* ---- threads ------------------------------------------------------------- */

enum { MAX_JOBS = 256 };

/* Tasks 0..n-1 in runs: run i is tasks [at[i], at[i + 1]). A thread takes
 * a run at a time, so that neighbouring small subjects (whose rows and
 * slots share cache lines) go to one thread and the shared counter is
 * touched once a run, not once a subject; a big subject is a run alone. */
typedef struct {
    size_t *at;
    size_t n;
} runs;

/* Cuts tasks of the given work (in the order they are taken) into runs of
 * about a 16th of a thread's share each. */
static runs make_runs(const size_t *work, size_t n, unsigned jobs)
{
    runs r = {cck_xcalloc(n + 1, sizeof *r.at), 0};
    size_t total = 0;
    for (size_t k = 0; k < n; k++)
        total += work[k];
    size_t target = total / ((size_t)(jobs ? jobs : 1) * 16) + 1, acc = 0;
    for (size_t k = 0; k < n; k++) {
        if (acc == 0)
            r.at[r.n++] = k;
        acc += work[k];
        if (acc >= target)
            acc = 0;
    }
    r.at[r.n] = n;
    return r;
}

/* fn(ctx, k) for every task k, each once, in no set order: fn writes only
 * what k owns, so the results are those of one thread whatever the count. */
typedef struct {
    void (*fn)(void *ctx, size_t k);
    void *ctx;
    const runs *r;
    atomic_size_t next;
} par;

static void *par_run(void *arg)
{
    par *p = arg;
    for (size_t i; (i = atomic_fetch_add(&p->next, 1)) < p->r->n;)
        for (size_t k = p->r->at[i]; k < p->r->at[i + 1]; k++)
            p->fn(p->ctx, k);
    return NULL;
}

/* Runs the tasks on up to jobs threads, this one among them. */
static void par_for(unsigned jobs, const runs *r, void (*fn)(void *, size_t), void *ctx)
{
    par p = {.fn = fn, .ctx = ctx, .r = r};
    atomic_init(&p.next, 0);
    if (jobs > MAX_JOBS)
        jobs = MAX_JOBS;
    if (jobs > r->n)
        jobs = (unsigned)r->n;
    pthread_t t[MAX_JOBS];
    unsigned started = 0;
    while (started + 1 < jobs && pthread_create(&t[started], NULL, par_run, &p) == 0)
        started++;
    par_run(&p);
    for (unsigned i = 0; i < started; i++)
        pthread_join(t[i], NULL);
}

/* What the parallel steps of the stage share; each step writes only to
 * the subject (and slot) it is given. */
typedef struct {
    subject *subj;
    size_t nr;
    const size_t *order;    /* subjects, the most work first */
    const size_t *multi;    /* subjects two or more sources speak to, most work first */
    runs all, some;         /* order and multi in runs */
    const double *trust;
    size_t *top;            /* per subject: its most confident partner */
    slot *out;              /* per subject */
    cck_claim **claims;     /* room for every claim of every subject, in order */
    const size_t *cut;      /* subject r is claims [cut[r], cut[r + 1]) */
} stage;

/* Subjects in decreasing order of work (claims times partners), so that the
 * big ones start first and do not hold up the end of a parallel step. */
typedef struct {
    size_t work, r;
} by_work;

static int cmp_work(const void *pa, const void *pb)
{
    const by_work *x = pa, *y = pb;
    if (x->work != y->work)
        return x->work > y->work ? -1 : 1;
    return x->r < y->r ? -1 : x->r > y->r;
}

static void step_prepare(void *ctx, size_t k)
{
    stage *st = ctx;
    subject *s = &st->subj[st->order[k]];
    place_undated(s->v, s->n);
    for (size_t i = 0; i < s->n; i++)
        agree_row(s, i);
}

/* The most confident partner of a subject under the current trust. */
static void step_top(void *ctx, size_t k)
{
    stage *st = ctx;
    size_t r = st->multi[k];
    const subject *s = &st->subj[r];
    size_t top = 0;
    double best = -1;
    for (size_t i = 0; i < s->lim; i++) {
        double cf = confidence(s, i, st->trust);
        if (cf > best + 1e-12) {
            best = cf;
            top = i;
        }
    }
    st->top[r] = top;
}

static void step_judge(void *ctx, size_t k)
{
    stage *st = ctx;
    size_t r = st->order[k];
    const subject *s = &st->subj[r];
    judge(&st->out[r], s, st->claims + st->cut[r], st->trust);
}

/* ---- source reliability -------------------------------------------------- */

/* Estimates every source's trust from the subjects two or more sources
 * speak to, iterating as TruthFinder and CRH do: a claim's confidence
 * comes from the trust of the sources agreeing with it; a source's trust
 * is the share of its claims that agree with the most confident claim of
 * their subject, smoothed toward its prior (two pseudo-claims at the
 * prior). Deterministic: fixed rounds; each subject's most confident claim
 * is found on any of jobs threads, the counts are summed on this one in
 * corpus order. Returns nsources values (free()). */
static double *estimate_trust(const cck_corpus *c, stage *st, const bool *multi, unsigned jobs)
{
    enum { ROUNDS = 10 };
    const double pseudo = 2;
    size_t ns = c->nsources ? c->nsources : 1;
    double *prior = cck_xcalloc(ns, sizeof *prior);
    double *trust = cck_xcalloc(ns, sizeof *trust);
    double *agree = cck_xcalloc(ns, sizeof *agree);
    double *total = cck_xcalloc(ns, sizeof *total);
    for (size_t s = 0; s < c->nsources; s++) {
        const cck_source *src = c->sources[s];
        double w = src->weight > 0 ? src->weight : cck_rec_weight_for(src->path);
        prior[s] = w > 0 && w < 1 ? w : w >= 1 ? 0.99 : cck_rec_tolerances.prior_trust;
        /* a sources file's weight (1 = an ordinary source) counts the source
         * as that many independent witnesses: 1 - (1 - prior)^weight */
        if (w <= 0 && src->meta.weight != 1 && src->meta.weight >= 0) {
            prior[s] = 1 - pow(1 - cck_rec_tolerances.prior_trust, src->meta.weight);
            prior[s] = prior[s] < 0.01 ? 0.01 : prior[s] > 0.99 ? 0.99 : prior[s];
        }
        trust[s] = prior[s];
    }
    st->trust = trust;
    for (int round = 0; round < ROUNDS; round++) {
        par_for(jobs, &st->some, step_top, st);
        memset(agree, 0, ns * sizeof *agree);
        memset(total, 0, ns * sizeof *total);
        for (size_t r = 0; r < st->nr; r++) {
            if (!multi[r])
                continue;
            const subject *g = &st->subj[r];
            for (size_t i = 0; i < g->lim; i++) {
                total[g->v[i].src] += 1;
                if (agrees(g, i, st->top[r]))
                    agree[g->v[i].src] += 1;
            }
        }
        for (size_t s = 0; s < c->nsources; s++)
            trust[s] = (pseudo * prior[s] + agree[s]) / (pseudo + total[s]);
    }
    for (size_t s = 0; s < c->nsources; s++)
        if (trust[s] > 0.99)
            trust[s] = 0.99;
    free(prior);
    free(agree);
    free(total);
    return trust;
}

/* ---- sources that may copy each other -------------------------------------- */

/* Two sources that state most of the figures they share identically, and
 * written alike ("874,682" in both, not "874,682" and "about 875,000"; only
 * figures telling enough count), may
 * be copies of one another rather than two independent voices: say so in
 * a note. A dense pair table, so only for corpora of up to 256 sources. */
/* A figure specific enough that two sources writing it alike is telling:
 * not a date (everyone writes "1961" the same way), with four digits or
 * more ("874,682", "39.838676"). */
static bool telling(const cck_claim *c)
{
    if (c->kind == CCK_KIND_DATE || !c->src || c->end <= c->start)
        return false;
    size_t digits = 0;
    for (size_t i = c->start; i < c->end; i++)
        digits += c->src->bytes[i] >= '0' && c->src->bytes[i] <= '9';
    return digits >= 4;
}

static void note_copies(cck_corpus *c, const item *v, const size_t *cut, size_t nr)
{
    enum { MAX_SOURCES = 256, MIN_SAME = 3 };
    size_t ns = c->nsources;
    if (ns < 2 || ns > MAX_SOURCES)
        return;
    unsigned *shared = cck_xcalloc(ns * ns, sizeof *shared);
    unsigned *same = cck_xcalloc(ns * ns, sizeof *same);
    for (size_t r = 0; r < nr; r++) {
        const item *g = v + cut[r];
        size_t n = cut[r + 1] - cut[r];
        size_t lim = n < cck_rec_tolerances.pair_cap ? n : cck_rec_tolerances.pair_cap;
        /* each pair of sources once per subject: their first claims */
        for (size_t i = 0; i < lim; i++) {
            if (i && g[i - 1].src == g[i].src)
                continue;
            for (size_t j = i + 1; j < lim; j++) {
                if (g[j].src == g[i].src || g[j - 1].src == g[j].src)
                    continue;
                const cck_claim *x = g[i].c, *y = g[j].c;
                if (!telling(x) || !telling(y))
                    continue;
                size_t a = g[i].src, b = g[j].src, k = a * ns + b;
                shared[k]++;
                size_t lx = x->end - x->start, ly = y->end - y->start;
                if (lx == ly &&
                    !memcmp(x->src->bytes + x->start, y->src->bytes + y->start, lx))
                    same[k]++;
            }
        }
    }
    for (size_t a = 0; a < ns; a++)
        for (size_t b = a + 1; b < ns; b++) {
            size_t k = a * ns + b;
            if (same[k] >= MIN_SAME && same[k] * 5 >= shared[k] * 4)
                cck_diag_add(&c->diags, c->sources[a]->path, 0, 0, CCK_SEV_NOTE,
                             "states %u of the %u figures it shares with %s exactly as that "
                             "source writes them; one may copy the other, so they are less "
                             "than two independent voices",
                             same[k], shared[k], c->sources[b]->path);
        }
    free(shared);
    free(same);
}

/* ---- the stage ------------------------------------------------------------ */

/* The alias key of an entity: cck_rec_fold(), then an ASCII casefold in
 * case the fold in use leaves case alone (a no-op after a full fold). */
static const char *fold_entity(cck_arena *a, const char *entity)
{
    char *f = cck_rec_fold(a, entity, strlen(entity));
    for (char *p = f; *p; p++)
        if (*p >= 'A' && *p <= 'Z')
            *p = (char)(*p - 'A' + 'a');
    return f;
}

void cck_rec_group(cck_corpus *c)
{
    cck_rec_group_n(c, 1);
}

void cck_rec_group_n(cck_corpus *c, unsigned jobs)
{
    c->groups = NULL;
    c->ngroups = 0;
    size_t total = cck_corpus_nclaims(c);
    if (!total)
        return;
    item *v = cck_xcalloc(total, sizeof *v);
    size_t n = 0, nalone = 0;
    for (size_t s = 0; s < c->nsources; s++) {
        cck_source *src = c->sources[s];
        for (size_t k = 0; k < src->nclaims; k++) {
            cck_claim *cl = &src->claims[k];
            if (!cl->entity || !*cl->entity || !cl->attribute || !*cl->attribute)
                continue;   /* no subject, nothing to compare it with */
            if (cl->unclear || cl->denied) {
                nalone++;
                continue;
            }
            item *it = &v[n++];
            it->c = cl;
            it->fold = fold_entity(c->arena, cl->entity);
            it->src = s;
            /* the articles of one file (a page and its mirror, say) are
             * separate voices */
            it->origin = (unsigned long long)s << 32;
            if (src->units && cl->unit_index < src->nunits) {
                it->origin |= src->units[cl->unit_index].article;
                /* readers' comments under a post speak for themselves */
                if (src->units[cl->unit_index].zone == CCK_ZONE_COMMENTS)
                    it->origin |= 1ull << 31;
            }
            it->dated = changes_over_time(cl->attribute) && cck_rec_year(cl->as_of, &it->year);
            it->per_year = cck_rec_drift_for(cl->attribute);
            cck_rec_span_of(cl, &it->span);
        }
    }
    qsort(v, n, sizeof *v, cmp_family);
    assign_subjects(v, n);
    qsort(v, n, sizeof *v, cmp_subject);

    slot *gs = cck_xcalloc(n + nalone ? n + nalone : 1, sizeof *gs); /* at most one per claim */
    size_t ng = 0;
    for (size_t s = 0; s < c->nsources; s++) {
        cck_source *src = c->sources[s];
        for (size_t k = 0; k < src->nclaims; k++) {
            cck_claim *cl = &src->claims[k];
            if ((!cl->unclear && !cl->denied) || !cl->entity || !*cl->entity ||
                !cl->attribute || !*cl->attribute)
                continue;
            slot *o = &gs[ng++];
            o->fold = fold_entity(c->arena, cl->entity);
            o->g.entity = cl->entity;
            o->g.attribute = cl->attribute;
            o->g.as_of = cl->as_of;
            o->g.status = CCK_GROUP_SINGLE;
            o->g.claims = cck_arena_alloc(c->arena, sizeof *o->g.claims);
            o->g.claims[0] = cl;
            o->g.nclaims = 1;
            o->g.nsources = 1;
            o->g.favoured = cl;
            o->g.note = cl->denied
                            ? "not compared: the text quotes this figure to reject it "
                              "(\"not ...\")"
                            : "not compared: the text does not say what this figure is about "
                              "(no keyword, counted noun or header names the attribute, or "
                              "the event it dates is not named)";
        }
    }
    /* subjects as ranges of v */
    size_t *cut = cck_xcalloc(n + 1, sizeof *cut);
    size_t nr = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i + 1;
        while (j < n && !strcmp(v[j].fold, v[i].fold) &&
               !strcmp(v[j].c->attribute, v[i].c->attribute) && !cmp_str(v[j].as_of, v[i].as_of))
            j++;
        cut[nr++] = i;
        i = j;
    }
    cut[nr] = n;
    /* the subjects, and room for which of their pairs agree */
    subject *subj = cck_xcalloc(nr ? nr : 1, sizeof *subj);
    by_work *bw = cck_xcalloc(nr ? nr : 1, sizeof *bw);
    size_t words = 0;
    for (size_t r = 0; r < nr; r++) {
        subject *sj = &subj[r];
        sj->v = v + cut[r];
        sj->n = cut[r + 1] - cut[r];
        sj->lim = sj->n < cck_rec_tolerances.pair_cap ? sj->n : cck_rec_tolerances.pair_cap;
        sj->w = (sj->lim + 63) / 64;
        words += sj->n * sj->w;
        bw[r] = (by_work){sj->n * sj->lim, r};
    }
    uint64_t *bits = cck_xcalloc(words ? words : 1, sizeof *bits);
    for (size_t r = 0, at = 0; r < nr; r++) {
        subj[r].agree = bits + at;
        at += subj[r].n * subj[r].w;
    }
    qsort(bw, nr, sizeof *bw, cmp_work);
    size_t *order = cck_xcalloc(nr ? nr : 1, sizeof *order);
    size_t *multi = cck_xcalloc(nr ? nr : 1, sizeof *multi);
    size_t *work = cck_xcalloc(nr ? nr : 1, sizeof *work);
    size_t *mwork = cck_xcalloc(nr ? nr : 1, sizeof *mwork);
    size_t *top = cck_xcalloc(nr ? nr : 1, sizeof *top);
    bool *is_multi = cck_xcalloc(nr ? nr : 1, sizeof *is_multi);
    size_t nmulti = 0;
    for (size_t k = 0; k < nr; k++) {
        size_t r = bw[k].r;
        order[k] = r;
        work[k] = bw[k].work;
        is_multi[r] = subj[r].n >= 2 && distinct_sources(subj[r].v, subj[r].n) >= 2;
        if (is_multi[r]) {
            mwork[nmulti] = subj[r].lim * subj[r].lim;
            multi[nmulti++] = r;
        }
    }
    free(bw);
    stage st = {.subj = subj, .nr = nr, .order = order, .multi = multi,
                .all = make_runs(work, nr, jobs), .some = make_runs(mwork, nmulti, jobs),
                .top = top, .out = gs + ng, .cut = cut};
    free(work);
    free(mwork);
    par_for(jobs, &st.all, step_prepare, &st);
    double *trust = estimate_trust(c, &st, is_multi, jobs);
    note_copies(c, v, cut, nr);
    st.claims = n ? cck_arena_alloc(c->arena, n * sizeof *st.claims) : NULL;
    par_for(jobs, &st.all, step_judge, &st);
    for (size_t r = 0; r < nr; r++) {
        slot *o = &gs[ng++];
        o->g.note = cck_arena_strndup(c->arena, o->note, strlen(o->note));
        free(o->note);
        o->note = NULL;
    }
    for (size_t s = 0; s < c->nsources; s++)
        c->sources[s]->trust = trust[s];
    free(trust);
    free(st.all.at);
    free(st.some.at);
    free(top);
    free(is_multi);
    free(multi);
    free(order);
    free(bits);
    free(subj);
    free(cut);
    qsort(gs, ng, sizeof *gs, cmp_group);
    if (ng) {
        c->groups = cck_arena_alloc(c->arena, ng * sizeof *c->groups);
        for (size_t i = 0; i < ng; i++)
            c->groups[i] = gs[i].g;
    }
    c->ngroups = ng;
    free(gs);
    free(v);
}
