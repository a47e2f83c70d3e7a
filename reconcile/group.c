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

/* One claim while the corpus is grouped: 32 bytes, as every claim with a
 * subject has one until the groups are built (the spans agreement reads
 * are worked out a subject at a time, see view_of()). */
typedef struct {
    cck_claim *c;
    const char *fold;    /* folded entity (a scratch arena, freed once the
                            subjects are cut: not read after that) */
    unsigned long long origin; /* the voice: the source's position in the
                            corpus (high 32 bits) and article within it */
    int year;            /* the claim's own as_of year, when dated */
    bool dated;          /* has a year, and the attribute changes over time */
    bool placed;         /* undated, but agrees with the figure of some year of
                            its group: taken to be for that year */
    bool timeless;       /* its subject's as_of is NULL (the current subject,
                            or an attribute that does not change over time),
                            not the claim's own as_of */
} item;

_Static_assert(sizeof(item) <= 32, "an item is at most 32 bytes (it is kept for every claim)");

/* The position of the item's source in the corpus. */
static size_t src_of(const item *it)
{
    return (size_t)(it->origin >> 32);
}

/* The as_of of the item's subject. */
static const char *as_of_of(const item *it)
{
    return it->timeless ? NULL : it->c->as_of;
}

/* One subject as the grouping stage keeps it while it works: its claims
 * v[at .. at + n) (a range of the sorted items), where its agree matrix
 * starts, and what trust estimation and judge() work out for it. */
typedef struct {
    size_t word;         /* its agree matrix: bits[word ...] (none when n == 1) */
    const char *note;    /* judge()'s note (interned in the corpus arena) */
    uint32_t at, n;
    uint32_t top;        /* trust estimation: its most confident partner */
    uint32_t fav;        /* judge(): the favoured claim */
    uint32_t nsources;   /* judge(): distinct voices */
    uint8_t status;      /* judge(): a cck_group_status */
    bool multi;          /* two or more voices speak to it */
    bool timeless;       /* its as_of is NULL (see item) */
} sub;

/* One subject while it is compared: its claims v[0..n), the partners each
 * claim is compared with (the first lim, lim = pair_cap for a big group),
 * the spans of its claims (n >= 2 only) and which pairs agree, worked out
 * once: trust estimation asks the same pairs in each of its rounds and
 * judging asks each pair two or three times, and pair_agree() was most of
 * grouping's time. */
typedef struct {
    item *v;
    size_t n, lim;
    double per_year;     /* the attribute's plausible change a year (drift) */
    const cck_rec_span *sp;
    uint64_t *agree;     /* n rows of lim bits one after another: bit
                            i * lim + j when claim i agrees with partner j */
} subject;

static int cmp_str(const char *a, const char *b)
{
    if (!a || !b)
        return (a != NULL) - (b != NULL);   /* NULL (undated) first */
    return strcmp(a, b);
}

static int cmp_place(const item *x, const item *y)
{
    if (src_of(x) != src_of(y))
        return src_of(x) < src_of(y) ? -1 : 1;
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
        r = cmp_str(as_of_of(x), as_of_of(y));
    return r ? r : cmp_place(x, y);
}

/* The subject key alone (folded entity, attribute, the subject's as_of). */
static int cmp_key(const item *x, const item *y)
{
    int r = strcmp(x->fold, y->fold);
    if (!r)
        r = strcmp(x->c->attribute, y->c->attribute);
    return r ? r : cmp_str(as_of_of(x), as_of_of(y));
}

/* Claims reported alone (unclear, denied): by their key, then in corpus
 * order, which is where the reports list them among groups of one key. */
static int cmp_alone(const void *pa, const void *pb)
{
    const item *x = pa, *y = pb;
    int r = cmp_key(x, y);
    if (r)
        return r;
    if (src_of(x) != src_of(y))
        return src_of(x) < src_of(y) ? -1 : 1;
    return x->c->index < y->c->index ? -1 : x->c->index > y->c->index;
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
 * a subject too. Older dated figures keep their own subject. v[0..n) are
 * whole families, in family order; now is the newest as_of year of the
 * corpus's dated figures (0 when none is). */
static void assign_subjects(item *v, size_t n, int now)
{
    const cck_rec_tol *t = &cck_rec_tolerances;
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
            v[k].timeless = !varying || !v[k].c->as_of;
            if (v[k].dated && (undated || series) && v[k].year >= now - t->current_years)
                v[k].timeless = true;
        }
        i = j;
    }
}

static double pair_drift(double per_year, const item *a, const item *b)
{
    const cck_rec_tol *t = &cck_rec_tolerances;
    if (a->dated && b->dated)
        return per_year * abs(a->year - b->year);
    if (a->dated != b->dated)
        return per_year * t->undated_years;
    return 0;
}

static bool same_voice(const item *a, const item *b)
{
    const cck_claim *x = a->c, *y = b->c;
    /* the kinds' values share their room: compare the kind's own */
    return a->origin == b->origin && x->kind == y->kind && x->bound == y->bound &&
           (x->kind == CCK_KIND_COORDINATE ? x->lat == y->lat && x->lon == y->lon
            : x->kind == CCK_KIND_DATE ? !memcmp(x->date, y->date, sizeof x->date)
                                       : x->lo == y->lo && x->hi == y->hi);
}

/* One voice giving figures for different years is a time series ("2022:
 * 46.7, 2023: 48.2"), not a contradiction. */
static bool series(const item *a, const item *b)
{
    return a->origin == b->origin && a->dated && b->dated && a->year != b->year;
}

/* Claims a and b (spans sa and sb) of a subject whose attribute drifts
 * per_year can both be true. */
static inline bool agree_items(const item *a, const item *b, const cck_rec_span *sa,
                               const cck_rec_span *sb, double per_year)
{
    return same_voice(a, b) || series(a, b) || (a->placed && b->dated) ||
           (b->placed && a->dated) || cck_rec_agree_span(sa, sb, pair_drift(per_year, a, b));
}

/* Claims i and j of s can both be true. */
static bool pair_agree(const subject *s, size_t i, size_t j)
{
    return agree_items(&s->v[i], &s->v[j], &s->sp[i], &s->sp[j], s->per_year);
}

/* Marks the undated figures of a group that agree exactly (no drift) with
 * a dated one: "inflation eased to 4.2%" beside "2022: 5.9, 2023: 4.2" is
 * the 2023 figure, not a contradiction of 2022's. */
static void place_undated(subject *s)
{
    item *v = s->v;
    size_t lim = s->lim;
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
            v[i].placed = v[j].dated && cck_rec_agree_span(&s->sp[i], &s->sp[j], 0);
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

/* put(t, "%c", c), without a trip through vsnprintf() */
static void put_char(text *t, char c)
{
    if (t->n >= sizeof t->buf - 1)
        return;
    t->buf[t->n++] = c;
    t->buf[t->n] = '\0';
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
        for (size_t i = 0; i < len; i++) {
            if (i && (len - i) % 3 == 0)
                put_char(t, ',');
            put_char(t, d[i]);
        }
    } else {
        put(t, "%.10g", v);
    }
}

static void put_claim(text *t, const item *it, bool show_year)
{
    const cck_claim *c = it->c;
    const cck_source *s = c->src;
    const char *p = s && c->end > c->start ? cck_source_span(s, c->start, c->end) : NULL;
    if (p) {
        size_t n = c->end - c->start;
        put(t, "\"");
        for (size_t i = 0; i < n && i < 60; i++) {
            unsigned char ch = (unsigned char)p[i];
            put_char(t, ch < 0x20 || ch == '"' ? ' ' : (char)ch);
        }
        put(t, "%s\" ", n > 60 ? "..." : "");
    }
    if (c->vague) {
        put(t, "(vague)");
    } else if (c->kind == CCK_KIND_DATE) {
        char lo[CCK_DATE_TEXT], hi[CCK_DATE_TEXT];
        put(t, "(%s", cck_claim_date(c, false, lo));
        if (cck_claim_date(c, true, hi)[0] && !cck_claim_one_date(c))
            put(t, " to %s", hi);
        put(t, "%s%s)", c->approx ? ", hedged" : "",
            c->bound == CCK_BOUND_LOWER ? ", or later" :
            c->bound == CCK_BOUND_UPPER ? ", or earlier" : "");
    } else if (c->kind == CCK_KIND_COORDINATE) {
        put(t, "(%.6f, %.6f ±%.0f m)", c->lat, c->lon, cck_rec_coord_tolerance(c));
    } else {
        double lo, hi;
        cck_rec_interval(c, &lo, &hi);
        const char *u = cck_claim_unit(c);
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
    /* only the words near the figure qualify it: from 60 bytes before it
     * (back to the start of the word there) to 30 after, in its unit */
    size_t lo = c->start > u->start + 60 ? c->start - 60 : u->start;
    size_t to = c->end + 30 < u->end ? c->end + 30 : u->end;
    /* a source whose text was let go reads again only those bytes (all of
     * it for each claim of a conflict made one 28 MB source's check take
     * 40 s), from a little further back, and further again while the
     * word there goes on */
    cck_textbuf tx = {0};
    size_t w0 = lo > u->start + 64 ? lo - 64 : u->start, from;
    const char *b;
    for (;;) {
        b = cck_source_text_range(s, w0, to > lo ? to : lo, &tx);
        if (!b) {
            cck_textbuf_free(&tx);
            return 0;
        }
        from = lo;
        while (from > w0 && b[from - 1 - w0] != ' ')
            from--;
        if (from > w0 || w0 == u->start)
            break;
        w0 = w0 - u->start > 4 * (lo - w0) ? w0 - 4 * (lo - w0) : u->start;
    }
    unsigned long mask = 0;
    char w[24];
    size_t n = 0;
    for (size_t i = from; i <= to && i <= s->len; i++) {
        unsigned char ch = i < to ? (unsigned char)b[i - w0] : ' ';
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
                if (qualifiers[k][0] == w[0] && !strcmp(w, qualifiers[k]))
                    mask |= 1ul << k;
        }
        n = 0;
    }
    cck_textbuf_free(&tx);
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
    return s && s->units && c->unit_index < s->nunits ? cck_unit_ncites(s, &s->units[c->unit_index]) : 0;
}

/* True when claim i of s agrees with its partner j (j < s->lim, or j == i). */
static bool agrees(const subject *s, size_t i, size_t j)
{
    size_t b = i * s->lim + j;
    return i == j || (s->agree[b / 64] >> (b % 64) & 1);
}

/* Fills row i of s->agree (i == j is not stored: agrees() knows it). */
static void agree_row(const subject *s, size_t i)
{
    const item *a = &s->v[i];
    const cck_rec_span *sa = &s->sp[i];
    for (size_t j = 0, b = i * s->lim; j < s->lim; j++, b++)
        if (i != j && agree_items(a, &s->v[j], sa, &s->sp[j], s->per_year))
            s->agree[b / 64] |= (uint64_t)1 << (b % 64);
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
        if (src_of(&v[j]) == last || !agrees(s, i, j))
            continue;
        last = src_of(&v[j]);
        miss *= 1 - trust[last];
    }
    return 1 - miss;
}

/* The first two claims that cannot both be true, or false. */
static bool find_conflict(const subject *s, size_t *pa, size_t *pb)
{
    const item *v = s->v;
    size_t n = s->n, cap = cck_rec_tolerances.pair_cap;
    size_t lim = n < cap ? n : cap;
    for (size_t i = 0; i < n; i++)
        for (size_t j = i < lim ? i + 1 : 0; j < (i < lim ? n : lim); j++)
            if (!pair_agree(s, i, j)) {
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
    if (imax != (size_t)-1 && imin != (size_t)-1 && !pair_agree(s, imax, imin)) {
        *pa = imax < imin ? imax : imin;
        *pb = imax < imin ? imin : imax;
        return true;
    }
    return false;
}

/* The notes of the groups, each text once in the corpus arena: many
 * groups have the same note ("single: one claim", "consistent: 2 sources
 * (2 claims) agree; ..."). judge() runs on any thread: a mutex guards the
 * table and the arena. */
typedef struct {
    pthread_mutex_t mu;
    cck_arena *arena;
    const char **t;      /* open addressing, cap a power of two */
    size_t cap, n;
} notes;

static uint64_t hash_text(const char *s, size_t n)
{
    /* eight bytes at a time, then the rest (notes run to hundreds of bytes) */
    uint64_t h = 0x9e3779b97f4a7c15ull ^ n;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        h = (h ^ w) * 0xff51afd7ed558ccdull;
        h ^= h >> 29;
    }
    for (; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 0x100000001b3ull;
    h ^= h >> 32;
    return h;
}

/* The arena copy of text s[0..n) (no NUL inside). */
static const char *note_intern(notes *nt, const char *s, size_t n)
{
    uint64_t h = hash_text(s, n);
    pthread_mutex_lock(&nt->mu);
    if (2 * (nt->n + 1) > nt->cap) {
        size_t cap = nt->cap ? 2 * nt->cap : 256;
        const char **t = cck_xcalloc(cap, sizeof *t);
        for (size_t k = 0; k < nt->cap; k++) {
            const char *e = nt->t[k];
            if (!e)
                continue;
            size_t i = hash_text(e, strlen(e)) & (cap - 1);
            while (t[i])
                i = (i + 1) & (cap - 1);
            t[i] = e;
        }
        free(nt->t);
        nt->t = t;
        nt->cap = cap;
    }
    size_t i = h & (nt->cap - 1);
    const char *e;
    while ((e = nt->t[i]) && (strncmp(e, s, n) || e[n]))
        i = (i + 1) & (nt->cap - 1);
    if (!e) {
        e = nt->t[i] = cck_arena_strndup(nt->arena, s, n);
        nt->n++;
    }
    pthread_mutex_unlock(&nt->mu);
    return e;
}

/* What judge() weighs of claim i of a subject: its rank (firm, and taking
 * a side in the conflict between claims a and b), the distinct sources
 * that agree with it, its citations and its confidence. */
typedef struct {
    double cf;
    size_t s, ct;
    int rank;
} weight;

static void weigh(const subject *subj, const double *trust, bool conflict, size_t a, size_t b,
                  size_t i, weight *w)
{
    const item *v = subj->v;
    bool side = conflict && (subj->n <= cck_rec_tolerances.pair_cap
                                 ? support(subj, i, false) > 0
                                 : !pair_agree(subj, i, a) || !pair_agree(subj, i, b));
    w->rank = (!v[i].c->vague && v[i].c->bound == CCK_BOUND_NONE) + 2 * side;
    w->s = support(subj, i, true);
    w->ct = cites_of(v[i].c);
    w->cf = confidence(subj, i, trust);
}

/* Slices of a big subject's claims or rows, spread over the threads. */
typedef struct {
    const subject *s;
    size_t k, step;     /* slices; each but the last a multiple of step long */
    const double *trust;
    bool conflict;
    size_t a, b;
    weight *w;
} slicing;

static size_t slice_from(const slicing *g, size_t t)
{
    return t >= g->k ? g->s->n : g->s->n * t / g->k / g->step * g->step;
}

static void weigh_slice(void *ctx, size_t t)
{
    const slicing *g = ctx;
    for (size_t i = slice_from(g, t); i < slice_from(g, t + 1); i++)
        weigh(g->s, g->trust, g->conflict, g->a, g->b, i, &g->w[i]);
}

/* Slices of a big subject's n rows or claims for jobs threads, each worth
 * per claim pairs: as cck_rec_slices() cuts that many pairs, none empty. */
static size_t big_slices(unsigned jobs, size_t n, size_t per)
{
    size_t k = cck_rec_slices(jobs, n * per);
    return k < n ? k : n ? n : 1;
}

/* Every claim of subj weighed on up to jobs threads (free()). */
static weight *weigh_all(const subject *subj, const double *trust, bool conflict, size_t a,
                         size_t b, unsigned jobs)
{
    weight *w = cck_xcalloc(subj->n ? subj->n : 1, sizeof *w);
    slicing g = {.s = subj, .k = big_slices(jobs, subj->n, subj->lim), .step = 1,
                 .trust = trust, .conflict = conflict, .a = a, .b = b, .w = w};
    cck_rec_spread(jobs, g.k, weigh_slice, &g);
    return w;
}

/* Judges one subject into out: status, favoured claim, distinct voices
 * and note; its claims weighed on up to jobs threads. */
static void judge(sub *out, const subject *subj, const double *trust, notes *nt, unsigned jobs)
{
    const item *v = subj->v;
    size_t n = subj->n;
    const char *attribute = v[0].c->attribute, *as_of = as_of_of(&v[0]);
    bool mixed_years = false;
    for (size_t i = 0; i < n; i++)
        if (pair_drift(subj->per_year, &v[i], &v[0]) > 0)
            mixed_years = true;
    size_t nsources = distinct_sources(v, n);

    size_t a = 0, b = 0;
    bool conflict = find_conflict(subj, &a, &b);

    /* favoured: most distinct sources agreeing, then most citations, then
     * the earliest source (claims are in source order). In a conflict only
     * a claim that takes a side can be favoured ("1920s" fits both 1927 and
     * 1928, so it says nothing about which is right), and a bound or a vague
     * phrase only when nothing firmer is there. */
    weight *pre = jobs > 1 ? weigh_all(subj, trust, conflict, a, b, jobs) : NULL;
    size_t fav = 0, best = 0, best_cites = 0;
    int best_rank = -1;
    double best_conf = -1;
    for (size_t i = 0; i < n; i++) {
        weight w;
        if (pre)
            w = pre[i];
        else
            weigh(subj, trust, conflict, a, b, i, &w);
        int rank = w.rank;
        size_t s = w.s, ct = w.ct;
        double cf = w.cf;
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
    free(pre);
    out->fav = (uint32_t)fav;
    /* show the favoured figure against one it rules out, when there is one */
    for (size_t j = 0; conflict && j < n; j++)
        if (!pair_agree(subj, fav, j)) {
            a = fav < j ? fav : j;
            b = fav < j ? j : fav;
            break;
        }
    cck_group_status status = conflict ? CCK_GROUP_CONFLICT
                            : nsources > 1 ? CCK_GROUP_CONSISTENT : CCK_GROUP_SINGLE;

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
                 strcmp(cck_claim_unit(v[a].c), cck_claim_unit(v[b].c)))
            put(&t, ": different units; ");
        else
            put(&t, ": no overlap; ");
        put_cause(&t, &v[a], &v[b], pair_drift(subj->per_year, &v[a], &v[b]));
        put_tolerance(&t, k, mixed_years, attribute);
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
    } else if (status == CCK_GROUP_CONSISTENT) {
        put(&t, "consistent: %zu sources (%zu claims) agree; ", nsources, n);
        put_tolerance(&t, k, mixed_years, attribute);
    } else if (n == 1) {
        put(&t, "single: one claim");
    } else {
        put(&t, "single: one source, its %zu claims agree; ", n);
        put_tolerance(&t, k, mixed_years, attribute);
    }
    if (as_of == NULL && mixed_years && !conflict)
        put(&t, "; undated figures are taken as current and grouped with recent dated ones");
    out->status = (uint8_t)status;
    out->nsources = (uint32_t)nsources;
    out->note = note_intern(nt, t.buf, t.n);
}

/* ---- threads ------------------------------------------------------------- */

/* Tasks 0..n-1 in runs: run i is tasks [at[i], at[i + 1]). A thread takes
 * a run at a time, so that neighbouring small subjects (whose rows share
 * cache lines) go to one thread and the shared counter is touched once a
 * run, not once a subject; a big subject is a run alone. */
typedef struct {
    size_t *at;
    size_t n;
} runs;

/* Partners of subject u's claims. */
static size_t lim_of(const sub *u)
{
    return u->n < cck_rec_tolerances.pair_cap ? u->n : cck_rec_tolerances.pair_cap;
}

/* The work of subject u: claims times partners, or (square) partners
 * times partners, and what any subject costs (its view, its note), about
 * as much as SUBJECT_WORK pairs. Without it a single claim counted as one
 * pair, the last run of a step held tens of thousands of them, and the
 * thread that took it was still judging them 0.5 s after the other had
 * finished (100 MB bench corpus, -j2). */
enum { SUBJECT_WORK = 64 };

static size_t work_of(const sub *u, bool square)
{
    return (square ? lim_of(u) : u->n) * lim_of(u) + SUBJECT_WORK;
}

/* Cuts the subjects ids[0..n) (in the order they are taken) into runs of
 * about a 16th of a thread's share of the work each. */
static runs make_runs(const sub *subs, const uint32_t *ids, size_t n, bool square,
                      unsigned jobs)
{
    size_t total = 0;
    for (size_t k = 0; k < n; k++)
        total += work_of(&subs[ids[k]], square);
    size_t target = total / ((size_t)(jobs ? jobs : 1) * 16) + 1;
    runs r = {NULL, 0};
    for (int pass = 0; pass < 2; pass++) {
        size_t acc = 0;
        r.n = 0;
        for (size_t k = 0; k < n; k++) {
            if (acc == 0 && r.at)
                r.at[r.n] = k;
            r.n += acc == 0;
            acc += work_of(&subs[ids[k]], square);
            if (acc >= target)
                acc = 0;
        }
        if (!r.at)
            r.at = cck_xcalloc(r.n + 1, sizeof *r.at);
    }
    r.at[r.n] = n;
    return r;
}

/* What one thread keeps between tasks: room for the spans of a subject. */
typedef struct {
    cck_rec_span *sp;
    size_t cap;
} scratch;

/* fn(ctx, w, k) for every task k, each once, in no set order: fn writes only
 * what k owns, so the results are those of one thread whatever the count;
 * w is the calling thread's scratch. */
typedef struct {
    void (*fn)(void *ctx, scratch *w, size_t k);
    void *ctx;
    const runs *r;
    atomic_size_t next;
} par;

static void *par_run(void *arg)
{
    par *p = arg;
    scratch w = {NULL, 0};
    for (size_t i; (i = atomic_fetch_add(&p->next, 1)) < p->r->n;)
        for (size_t k = p->r->at[i]; k < p->r->at[i + 1]; k++)
            p->fn(p->ctx, &w, k);
    free(w.sp);
    return NULL;
}

/* Runs the tasks on up to jobs threads, this one among them. */
static void par_for(unsigned jobs, const runs *r, void (*fn)(void *, scratch *, size_t),
                    void *ctx)
{
    par p = {.fn = fn, .ctx = ctx, .r = r};
    atomic_init(&p.next, 0);
    cck_rec_threads(jobs > r->n ? (unsigned)r->n : jobs, par_run, &p);
}

/* What the parallel steps of the stage share; each step writes only to
 * the subject (its sub, its items, its agree matrix) it is given. */
typedef struct {
    item *v;
    sub *subs;
    size_t nr;
    uint64_t *bits;         /* every subject's agree matrix */
    const uint32_t *order;  /* subjects, the most work first */
    const uint32_t *multi;  /* subjects two or more voices speak to, most work first */
    runs all, some;         /* order and multi in runs */
    size_t nbig;            /* the first nbig of order: big subjects */
    const double *trust;
    notes *nt;
} stage;

size_t cck_rec_big_work = 1024 * 64;
size_t cck_rec_big_subjects;

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

/* Subject r as s; with spans, the spans of its claims are worked out into
 * w (not for a single claim: it is compared with nothing, unless pair_cap
 * is 0 and the envelope check compares it with itself). */
static void view_of(subject *s, const stage *st, size_t r, bool spans, scratch *w)
{
    const sub *u = &st->subs[r];
    s->v = st->v + u->at;
    s->n = u->n;
    s->lim = lim_of(u);
    s->agree = st->bits + u->word;
    s->per_year = 0;
    s->sp = NULL;
    if (!spans || (s->n < 2 && s->lim == s->n))
        return;
    s->per_year = cck_rec_drift_for(s->v[0].c->attribute);
    if (w->cap < s->n) {
        free(w->sp);
        w->cap = s->n > 2 * w->cap ? s->n : 2 * w->cap;
        w->sp = cck_xcalloc(w->cap, sizeof *w->sp);
    }
    for (size_t i = 0; i < s->n; i++)
        cck_rec_span_of(s->v[i].c, &w->sp[i]);
    s->sp = w->sp;
}

static void rows_slice(void *ctx, size_t t)
{
    const slicing *g = ctx;
    for (size_t i = slice_from(g, t); i < slice_from(g, t + 1); i++)
        agree_row(g->s, i);
}

/* The agree matrix of s, its rows on up to jobs threads: a slice of rows
 * starts at a word of the matrix, so that no two threads write one. */
static void prepare(subject *s, unsigned jobs)
{
    if (s->n < 2)
        return;   /* one claim: nothing to compare */
    place_undated(s);
    size_t step = 64;   /* rows a word boundary comes back after: 64 / gcd(lim, 64) */
    while (step > 1 && s->lim % (64 / step * 2) == 0)
        step /= 2;
    if (jobs > 1 && s->lim > 0 && s->n >= 2 * step) {
        slicing g = {.s = s, .k = big_slices(jobs, s->n / step, step * s->lim), .step = step};
        cck_rec_spread(jobs, g.k, rows_slice, &g);
        return;
    }
    for (size_t i = 0; i < s->n; i++)
        agree_row(s, i);
}

static void step_prepare(void *ctx, scratch *w, size_t k)
{
    stage *st = ctx;
    if (k < st->nbig)
        return;   /* done across the threads (big_subjects()) */
    subject s;
    view_of(&s, st, st->order[k], true, w);
    prepare(&s, 1);
}

/* The most confident partner of a subject under the current trust. */
static void step_top(void *ctx, scratch *w, size_t k)
{
    stage *st = ctx;
    size_t r = st->multi[k];
    subject s;
    view_of(&s, st, r, false, w);
    size_t top = 0;
    double best = -1;
    for (size_t i = 0; i < s.lim; i++) {
        double cf = confidence(&s, i, st->trust);
        if (cf > best + 1e-12) {
            best = cf;
            top = i;
        }
    }
    st->subs[r].top = (uint32_t)top;
}

static void step_judge(void *ctx, scratch *w, size_t k)
{
    stage *st = ctx;
    if (k < st->nbig)
        return;   /* done across the threads (big_subjects()) */
    size_t r = st->order[k];
    subject s;
    view_of(&s, st, r, true, w);
    judge(&st->subs[r], &s, st->trust, st->nt, 1);
}

/* The big subjects (the most claims of a popular figure): each at least
 * the work of a run (a 16th of a thread's share of the step) and
 * cck_rec_big_work, the first of order. On one thread such a subject would
 * keep it busy after the others are done; its rows and its claims are
 * spread over the threads instead, one big subject after another, before
 * the step does the rest. */
static size_t count_big(const stage *st, unsigned jobs)
{
    if (jobs <= 1)
        return 0;
    size_t total = 0;
    for (size_t q = 0; q < st->nr; q++)
        total += work_of(&st->subs[q], false);
    size_t least = total / ((size_t)jobs * 16);
    least = least > cck_rec_big_work ? least : cck_rec_big_work;
    size_t nbig = 0;
    while (nbig < st->nr && work_of(&st->subs[st->order[nbig]], false) >= least)
        nbig++;
    return nbig;
}

static void big_subjects(stage *st, bool judging, unsigned jobs)
{
    scratch w = {NULL, 0};
    for (size_t k = 0; k < st->nbig; k++) {
        size_t r = st->order[k];
        subject s;
        view_of(&s, st, r, true, &w);
        if (judging)
            judge(&st->subs[r], &s, st->trust, st->nt, jobs);
        else
            prepare(&s, jobs);
    }
    free(w.sp);
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
static double *estimate_trust(const cck_corpus *c, stage *st, unsigned jobs)
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
            if (!st->subs[r].multi)
                continue;
            subject g;
            view_of(&g, st, r, false, NULL);
            for (size_t i = 0; i < g.lim; i++) {
                total[src_of(&g.v[i])] += 1;
                if (agrees(&g, i, st->subs[r].top))
                    agree[src_of(&g.v[i])] += 1;
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
    const char *p = cck_source_span(c->src, c->start, c->end);
    size_t digits = 0;
    for (size_t i = 0; p && i < c->end - c->start; i++)
        digits += p[i] >= '0' && p[i] <= '9';
    return digits >= 4;
}

static void note_copies(cck_corpus *c, const item *v, const sub *subs, size_t nr)
{
    enum { MAX_SOURCES = 256, MIN_SAME = 3 };
    size_t ns = c->nsources;
    if (ns < 2 || ns > MAX_SOURCES)
        return;
    unsigned *shared = cck_xcalloc(ns * ns, sizeof *shared);
    unsigned *same = cck_xcalloc(ns * ns, sizeof *same);
    for (size_t r = 0; r < nr; r++) {
        const item *g = v + subs[r].at;
        size_t n = subs[r].n;
        size_t lim = n < cck_rec_tolerances.pair_cap ? n : cck_rec_tolerances.pair_cap;
        /* each pair of sources once per subject: their first claims */
        for (size_t i = 0; i < lim; i++) {
            const cck_claim *x = g[i].c;
            if ((i && src_of(&g[i - 1]) == src_of(&g[i])) || !telling(x))
                continue;
            for (size_t j = i + 1; j < lim; j++) {
                if (src_of(&g[j]) == src_of(&g[i]) || src_of(&g[j - 1]) == src_of(&g[j]))
                    continue;
                const cck_claim *y = g[j].c;
                if (!telling(y))
                    continue;
                size_t a = src_of(&g[i]), b = src_of(&g[j]), k = a * ns + b;
                shared[k]++;
                size_t lx = x->end - x->start, ly = y->end - y->start;
                const char *px = cck_source_span(x->src, x->start, x->end);
                const char *py = cck_source_span(y->src, y->start, y->end);
                if (lx == ly && px && py && !memcmp(px, py, lx))
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

size_t cck_rec_group_limit = UINT32_MAX;

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

static bool has_subject(const cck_claim *cl)
{
    return cl->entity && *cl->entity && cl->attribute && *cl->attribute;
}

static const char *const note_denied =
    "not compared: the text quotes this figure to reject it (\"not ...\")";
static const char *const note_unclear =
    "not compared: the text does not say what this figure is about (no keyword, counted "
    "noun or header names the attribute, or the event it dates is not named)";

/* The items of sources [s0, s1) of the corpus: the claims to compare from
 * v[i] on, those reported alone (unclear or denied) from v[ia] on, each in
 * corpus order. The folded entities go to arena a; *now gets the newest
 * year of the dated ones (*any false when none is). */
static void fill_items(const cck_corpus *c, size_t s0, size_t s1, item *v, size_t i, size_t ia,
                       cck_arena *a, int *now, bool *any)
{
    const char *last = NULL, *fold = NULL;
    *now = 0;
    *any = false;
    for (size_t s = s0; s < s1; s++) {
        cck_source *src = c->sources[s];
        for (size_t k = 0; k < src->nclaims; k++) {
            cck_claim *cl = &src->claims[k];
            if (!has_subject(cl))
                continue;   /* no subject, nothing to compare it with */
            bool alone = cl->unclear || cl->denied;
            item *it = &v[alone ? ia++ : i++];
            it->c = cl;
            /* claims of one entity mostly follow each other */
            if (!last || strcmp(last, cl->entity)) {
                fold = fold_entity(a, cl->entity);
                last = cl->entity;
            }
            it->fold = fold;
            /* the articles of one file (a page and its mirror, say) are
             * separate voices */
            it->origin = (unsigned long long)s << 32;
            if (src->units && cl->unit_index < src->nunits) {
                it->origin |= src->units[cl->unit_index].article;
                /* readers' comments under a post speak for themselves */
                if (src->units[cl->unit_index].zone == CCK_ZONE_COMMENTS)
                    it->origin |= 1ull << 31;
            }
            if (!alone)
                it->dated = changes_over_time(cl->attribute) && cck_rec_year(cl->as_of, &it->year);
            if (it->dated && (!*any || it->year > *now)) {
                *now = it->year;
                *any = true;
            }
        }
    }
}

/* The item orders on pointers to items, for sort_items(). */
static int by_family(const void *pa, const void *pb)
{
    return cmp_family(*(const item *const *)pa, *(const item *const *)pb);
}

static int by_subject(const void *pa, const void *pb)
{
    return cmp_subject(*(const item *const *)pa, *(const item *const *)pb);
}

static int by_alone(const void *pa, const void *pb)
{
    return cmp_alone(*(const item *const *)pa, *(const item *const *)pb);
}

/* Sorts v[0..n) by cmp (one of the by_ orders, all total): through an
 * array of pointers (8 bytes moved at a time, not 32), then each item
 * moved once, cycle by cycle. */
static void sort_items(item *v, size_t n, int (*cmp)(const void *, const void *))
{
    if (n < 2)
        return;
    const item **p = cck_xcalloc(n, sizeof *p);
    for (size_t i = 0; i < n; i++)
        p[i] = &v[i];
    qsort(p, n, sizeof *p, cmp);
    for (size_t i = 0; i < n; i++) {
        if (p[i] == &v[i])
            continue;
        item hold = v[i];
        size_t j = i;
        for (;;) {
            size_t k = (size_t)(p[j] - v);
            p[j] = &v[j];
            if (k == i)
                break;
            v[j] = v[k];
            j = k;
        }
        v[j] = hold;
    }
    free(p);
}

/* The group of subject u (its claims in cl). */
static cck_group subject_group(const sub *u, cck_claim **cl)
{
    const cck_claim *first = cl[u->at];
    return (cck_group){.entity = first->entity, .attribute = first->attribute,
                       .as_of = u->timeless ? NULL : first->as_of, .status = u->status,
                       .claims = cl + u->at, .nclaims = u->n, .nsources = u->nsources,
                       .note = u->note, .favoured = cl[u->at + u->fav]};
}

/* ---- the serial steps, spread over the threads ------------------------------ */

/* Each step below cuts its elements into cck_rec_slices() slices, slice t
 * of n being [n * t / k, n * (t + 1) / k) unless said otherwise, and
 * writes only what its slice owns, so that the result is that of one
 * thread whatever jobs is. */
static size_t slice_at(size_t n, size_t k, size_t t)
{
    return n * t / k;   /* t <= 1024 slices: no overflow for any count of claims */
}

/* Counting and filling the items: slices of sources of about equal claims. */
typedef struct {
    const cck_corpus *c;
    item *v;
    size_t n;            /* claims to compare: v[0..n); those alone follow */
    size_t k;
    size_t *at;          /* slice t: sources [at[t], at[t + 1]) */
    size_t *cn, *ca;     /* slice t's claims to compare and alone; then where
                            they start in v[0..n) and v[n..) */
    int *now;            /* the newest dated year of slice t */
    bool *any;
    cck_arena **folds;   /* slice t's folded entities */
} filling;

/* The slices' arrays (not the items, nor the fold arenas themselves). */
static void filling_free(filling *f)
{
    free(f->at);
    free(f->cn);
    free(f->ca);
    free(f->now);
    free(f->any);
    free(f->folds);
}

static void count_slice(void *ctx, size_t t)
{
    filling *f = ctx;
    size_t n = 0, a = 0;
    for (size_t s = f->at[t]; s < f->at[t + 1]; s++)
        for (size_t k = 0; k < f->c->sources[s]->nclaims; k++) {
            const cck_claim *cl = &f->c->sources[s]->claims[k];
            if (has_subject(cl))
                *(cl->unclear || cl->denied ? &a : &n) += 1;
        }
    f->cn[t] = n;
    f->ca[t] = a;
}

static void fill_slice(void *ctx, size_t t)
{
    filling *f = ctx;
    f->folds[t] = cck_arena_new();
    fill_items(f->c, f->at[t], f->at[t + 1], f->v, f->cn[t], f->n + f->ca[t], f->folds[t],
               &f->now[t], &f->any[t]);
}

/* Pointers to items, made; then the items they point to gathered in
 * their order, and copied back. */
typedef struct {
    item *v;
    const item **p;
    item *out;
    size_t n, k;
} pointing;

static void point_slice(void *ctx, size_t t)
{
    pointing *q = ctx;
    for (size_t i = slice_at(q->n, q->k, t); i < slice_at(q->n, q->k, t + 1); i++)
        q->p[i] = &q->v[i];
}

static void gather_slice(void *ctx, size_t t)
{
    pointing *q = ctx;
    for (size_t i = slice_at(q->n, q->k, t); i < slice_at(q->n, q->k, t + 1); i++)
        q->out[i] = *q->p[i];
}

static void copy_slice(void *ctx, size_t t)
{
    pointing *q = ctx;
    size_t i = slice_at(q->n, q->k, t);
    memcpy(q->v + i, q->out + i, (slice_at(q->n, q->k, t + 1) - i) * sizeof *q->v);
}

/* sort_items() on jobs threads: the pointers sorted by cck_rec_psort(),
 * the items gathered into a copy and copied back (for one job, sort_items()
 * itself: no copy). */
static void sort_items_n(item *v, size_t n, int (*cmp)(const void *, const void *),
                         unsigned jobs)
{
    size_t k = cck_rec_slices(jobs, n);
    if (k < 2) {
        sort_items(v, n, cmp);
        return;
    }
    pointing q = {.v = v, .p = cck_xcalloc(n, sizeof *q.p), .out = NULL, .n = n, .k = k};
    cck_rec_spread(jobs, k, point_slice, &q);
    cck_rec_psort(q.p, n, sizeof *q.p, cmp, jobs);
    q.out = cck_xcalloc(n, sizeof *q.out);
    cck_rec_spread(jobs, k, gather_slice, &q);
    free(q.p);
    cck_rec_spread(jobs, k, copy_slice, &q);
    free(q.out);
}

static bool same_family(const item *x, const item *y)
{
    return !strcmp(x->fold, y->fold) && !strcmp(x->c->attribute, y->c->attribute);
}

/* Where the first family starting at or after i begins. */
static size_t family_from(const item *v, size_t n, size_t i)
{
    while (i > 0 && i < n && same_family(&v[i - 1], &v[i]))
        i++;
    return i;
}

/* Subjects and the subject order, a slice of whole families at a time: the
 * items are in family order, and the subject order keeps the families where
 * they are and sorts each by (the subject's as_of, place), so a family is
 * sorted only when it is not in that order already. */
typedef struct {
    item *v;
    size_t n, k;
    int now;
    size_t *at;          /* slice t: items [at[t], at[t + 1]), whole families
                            (found before any slice moves its items) */
} assigning;

static void assign_slice(void *ctx, size_t t)
{
    assigning *a = ctx;
    item *v = a->v;
    size_t lo = a->at[t], hi = a->at[t + 1];
    assign_subjects(v + lo, hi - lo, a->now);
    for (size_t i = lo + 1; i < hi; i++) {
        if (cmp_subject(&v[i - 1], &v[i]) < 0)
            continue;
        size_t f0 = i - 1, f1 = i + 1;
        while (f0 > lo && same_family(&v[f0 - 1], &v[f0]))
            f0--;
        while (f1 < hi && same_family(&v[f1 - 1], &v[f1]))
            f1++;
        sort_items(v + f0, f1 - f0, by_subject);
        i = f1;
    }
}

/* The subjects as ranges of the items, their agree matrices, where the
 * claims alone go among them, and the claims of the groups. */
typedef struct {
    const item *v;
    size_t n, nalone, k;
    size_t *cnt;         /* slice t: its subjects (then the first one's
                            number), or its matrix words (then the first) */
    sub *subs;
    size_t nr;
    uint32_t *ins;
    by_work *bw;
    uint32_t *order;
    cck_claim **cl;
} ranging;

static bool starts_subject(const item *v, size_t i)
{
    return i == 0 || cmp_key(&v[i], &v[i - 1]) != 0;
}

static void count_subjects(void *ctx, size_t t)
{
    ranging *g = ctx;
    size_t k = 0;
    for (size_t i = slice_at(g->n, g->k, t); i < slice_at(g->n, g->k, t + 1); i++)
        k += starts_subject(g->v, i);
    g->cnt[t] = k;
}

static void cut_subjects(void *ctx, size_t t)
{
    ranging *g = ctx;
    size_t r = g->cnt[t];
    for (size_t i = slice_at(g->n, g->k, t); i < slice_at(g->n, g->k, t + 1); i++)
        if (starts_subject(g->v, i)) {
            g->subs[r].at = (uint32_t)i;
            g->subs[r].timeless = g->v[i].timeless;
            r++;
        }
}

/* Claim alone a goes before the first subject whose key is not below its
 * own (as a stable sort of the groups by key, the alone ones first, puts
 * them): found by binary search for the first of a slice, then in step
 * with the subjects (the claims alone are in key order). */
static void place_alone(void *ctx, size_t t)
{
    ranging *g = ctx;
    size_t a0 = slice_at(g->nalone, g->k, t), a1 = slice_at(g->nalone, g->k, t + 1);
    if (a0 >= a1)
        return;
    const item *alone = g->v + g->n;
    size_t lo = 0, hi = g->nr;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cmp_key(&g->v[g->subs[mid].at], &alone[a0]) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t a = a0, r = lo; a < a1; a++) {
        while (r < g->nr && cmp_key(&g->v[g->subs[r].at], &alone[a]) < 0)
            r++;
        g->ins[a] = (uint32_t)r;
    }
}

static void size_subjects(void *ctx, size_t t)
{
    ranging *g = ctx;
    size_t words = 0;
    for (size_t r = slice_at(g->nr, g->k, t); r < slice_at(g->nr, g->k, t + 1); r++) {
        sub *u = &g->subs[r];
        u->n = (uint32_t)((r + 1 < g->nr ? g->subs[r + 1].at : g->n) - u->at);
        if (u->n >= 2)
            words += (u->n * lim_of(u) + 63) / 64;
    }
    g->cnt[t] = words;
}

static void place_subjects(void *ctx, size_t t)
{
    ranging *g = ctx;
    size_t words = g->cnt[t];
    for (size_t r = slice_at(g->nr, g->k, t); r < slice_at(g->nr, g->k, t + 1); r++) {
        sub *u = &g->subs[r];
        u->word = words;
        if (u->n >= 2)
            words += (u->n * lim_of(u) + 63) / 64;
        g->bw[r] = (by_work){work_of(u, false), r};
    }
}

static void order_subjects(void *ctx, size_t t)
{
    ranging *g = ctx;
    for (size_t k = slice_at(g->nr, g->k, t); k < slice_at(g->nr, g->k, t + 1); k++) {
        size_t r = g->bw[k].r;
        sub *u = &g->subs[r];
        g->order[k] = (uint32_t)r;
        u->multi = u->n >= 2 && distinct_sources(g->v + u->at, u->n) >= 2;
    }
}

static void claims_of(void *ctx, size_t t)
{
    ranging *g = ctx;
    size_t total = g->n + g->nalone;
    for (size_t i = slice_at(total, g->k, t); i < slice_at(total, g->k, t + 1); i++)
        g->cl[i] = g->v[i].c;
}

/* Exclusive prefix sums of x[0..k); returns the total. */
static size_t prefix(size_t *x, size_t k)
{
    size_t sum = 0;
    for (size_t t = 0; t < k; t++) {
        size_t here = x[t];
        x[t] = sum;
        sum += here;
    }
    return sum;
}

/* The groups sorted: conflicts, consistent, single; each by key (the
 * subjects' order), a claim alone before the subject of its key. Slice t
 * is subjects [r0, r1) and the claims alone placed before them (the last
 * also those after every subject); pos[3t + i] counts, then places, its
 * groups of section i (conflicts, consistent, single and alone). */
typedef struct {
    const sub *subs;
    size_t nr, n, nalone, k;
    const uint32_t *ins;
    cck_claim **cl;
    cck_group *g;
    size_t *pos;
} assembling;

/* The first claim alone placed at or after subject r. */
static size_t alone_from(const assembling *s, size_t r)
{
    size_t lo = 0, hi = s->nalone;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (s->ins[mid] < r)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static void assemble_slice(void *ctx, size_t t, bool fill)
{
    assembling *s = ctx;
    size_t r0 = slice_at(s->nr, s->k, t), r1 = slice_at(s->nr, s->k, t + 1);
    size_t a = alone_from(s, r0), a1 = t + 1 == s->k ? s->nalone : alone_from(s, r1);
    size_t *pos = s->pos + 3 * t;
    if (!fill) {
        size_t c[3] = {0, 0, a1 - a};
        for (size_t r = r0; r < r1; r++)
            c[s->subs[r].status == CCK_GROUP_CONFLICT ? 0 :
              s->subs[r].status == CCK_GROUP_CONSISTENT ? 1 : 2]++;
        memcpy(pos, c, sizeof c);
        return;
    }
    cck_group *g = s->g;
    for (size_t r = r0; r < r1; r++)
        if (s->subs[r].status == CCK_GROUP_CONFLICT)
            g[pos[0]++] = subject_group(&s->subs[r], s->cl);
        else if (s->subs[r].status == CCK_GROUP_CONSISTENT)
            g[pos[1]++] = subject_group(&s->subs[r], s->cl);
    for (size_t r = r0; r < r1 || (r == r1 && t + 1 == s->k); r++) {
        for (; a < a1 && s->ins[a] <= r; a++) {
            cck_claim *one = s->cl[s->n + a];
            g[pos[2]++] = (cck_group){.entity = one->entity, .attribute = one->attribute,
                                      .as_of = one->as_of, .status = CCK_GROUP_SINGLE,
                                      .claims = s->cl + s->n + a, .nclaims = 1, .nsources = 1,
                                      .note = one->denied ? note_denied : note_unclear,
                                      .favoured = one};
        }
        if (r < r1 && s->subs[r].status == CCK_GROUP_SINGLE)
            g[pos[2]++] = subject_group(&s->subs[r], s->cl);
    }
}

static void count_groups(void *ctx, size_t t)
{
    assemble_slice(ctx, t, false);
}

static void place_groups(void *ctx, size_t t)
{
    assemble_slice(ctx, t, true);
}

void cck_rec_group_n(cck_corpus *c, unsigned jobs)
{
    c->groups = NULL;
    c->ngroups = 0;
    cck_rec_big_subjects = 0;
    if (!cck_corpus_nclaims(c))
        return;
    /* the claims with a subject, counted and filled in slices of sources */
    size_t all = 0;
    for (size_t s = 0; s < c->nsources; s++)
        all += c->sources[s]->nclaims;
    size_t nk = cck_rec_slices(jobs, all);
    nk = nk < c->nsources ? nk : c->nsources ? c->nsources : 1;
    filling f = {.c = c, .k = nk, .at = cck_xcalloc(nk + 1, sizeof *f.at),
                 .cn = cck_xcalloc(nk, sizeof *f.cn), .ca = cck_xcalloc(nk, sizeof *f.ca),
                 .now = cck_xcalloc(nk, sizeof *f.now), .any = cck_xcalloc(nk, sizeof *f.any),
                 .folds = cck_xcalloc(nk, sizeof *f.folds)};
    {
        size_t t = 1, acc = 0;
        for (size_t s = 0; s < c->nsources; s++) {
            while (t < nk && acc >= slice_at(all, nk, t))
                f.at[t++] = s;
            acc += c->sources[s]->nclaims;
        }
        while (t <= nk)
            f.at[t++] = c->nsources;
    }
    cck_rec_spread(jobs, nk, count_slice, &f);
    size_t n = prefix(f.cn, nk), nalone = prefix(f.ca, nk);
    size_t total = n + nalone;
    if (total > cck_rec_group_limit || c->nsources > cck_rec_group_limit) {
        cck_diag_add(&c->diags, "", 0, 0, CCK_SEV_ERROR,
                     "too many claims to group: %zu claims with a subject in %zu sources "
                     "(at most %zu of each)", total, c->nsources, cck_rec_group_limit);
        filling_free(&f);
        return;
    }

    item *v = cck_xcalloc(total ? total : 1, sizeof *v);
    f.v = v;
    f.n = n;
    cck_rec_spread(jobs, nk, fill_slice, &f);
    int now = 0;
    for (size_t t = 0, any = 0; t < nk; t++)
        if (f.any[t] && (!any || f.now[t] > now)) {
            now = f.now[t];
            any = 1;
        }
    /* the subject order: family order, each family's subjects worked out and
     * sorted; and the claims alone in their order */
    sort_items_n(v, n, by_family, jobs);
    assigning as = {.v = v, .n = n, .k = cck_rec_slices(jobs, n), .now = now};
    as.at = cck_xcalloc(as.k + 1, sizeof *as.at);
    for (size_t t = 0; t <= as.k; t++)
        as.at[t] = family_from(v, n, slice_at(n, as.k, t));
    cck_rec_spread(jobs, as.k, assign_slice, &as);
    free(as.at);
    sort_items_n(v + n, nalone, by_alone, jobs);
    /* Each step frees what the next does not read: its pages go back at
     * once (cck_mem_trim()), or the freed blocks stay in the heap while
     * the next step's arrays, made of other sizes or mapped on their own,
     * take new pages: without it the stage peaked 7% higher on 100 MB */
    cck_mem_trim();

    /* subjects as ranges of v */
    size_t k = cck_rec_slices(jobs, total);
    ranging g = {.v = v, .n = n, .nalone = nalone, .k = k,
                 .cnt = cck_xcalloc(k, sizeof *g.cnt)};
    cck_rec_spread(jobs, k, count_subjects, &g);
    size_t nr = g.nr = prefix(g.cnt, k);
    sub *subs = g.subs = cck_xcalloc(nr ? nr : 1, sizeof *subs);
    cck_rec_spread(jobs, k, cut_subjects, &g);
    /* where the claims reported alone go among the subjects */
    uint32_t *ins = g.ins = cck_xcalloc(nalone ? nalone : 1, sizeof *ins);
    cck_rec_spread(jobs, k, place_alone, &g);
    for (size_t t = 0; t < nk; t++)
        cck_arena_free(f.folds[t]);   /* the items' fold pointers are not read from here on */
    filling_free(&f);
    cck_mem_trim();

    /* the agree matrices, and the subjects by work */
    cck_rec_spread(jobs, k, size_subjects, &g);
    size_t words = prefix(g.cnt, k);
    by_work *bw = g.bw = cck_xcalloc(nr ? nr : 1, sizeof *bw);
    cck_rec_spread(jobs, k, place_subjects, &g);
    cck_rec_psort(bw, nr, sizeof *bw, cmp_work, jobs);
    uint32_t *order = g.order = cck_xcalloc(nr ? nr : 1, sizeof *order);
    cck_rec_spread(jobs, k, order_subjects, &g);
    uint32_t *multi = cck_xcalloc(nr ? nr : 1, sizeof *multi);
    size_t nmulti = 0;
    for (size_t q = 0; q < nr; q++)
        if (subs[order[q]].multi)
            multi[nmulti++] = order[q];
    free(bw);
    uint64_t *bits = cck_xcalloc(words ? words : 1, sizeof *bits);
    notes nt = {.arena = c->arena, .t = NULL, .cap = 0, .n = 0};
    pthread_mutex_init(&nt.mu, NULL);
    stage st = {.v = v, .subs = subs, .nr = nr, .bits = bits, .order = order, .multi = multi,
                .all = make_runs(subs, order, nr, false, jobs),
                .some = make_runs(subs, multi, nmulti, true, jobs), .nt = &nt};
    st.nbig = count_big(&st, jobs);
    cck_rec_big_subjects = st.nbig;
    big_subjects(&st, false, jobs);
    par_for(jobs, &st.all, step_prepare, &st);
    double *trust = estimate_trust(c, &st, jobs);
    note_copies(c, v, subs, nr);
    big_subjects(&st, true, jobs);
    par_for(jobs, &st.all, step_judge, &st);
    pthread_mutex_destroy(&nt.mu);
    free(nt.t);
    free(st.all.at);
    free(st.some.at);
    free(order);
    free(multi);
    free(bits);
    cck_mem_trim();

    /* the groups' claims in one array: each subject's, then those alone */
    cck_claim **cl = total ? cck_arena_alloc(c->arena, total * sizeof *cl) : NULL;
    g.cl = cl;
    cck_rec_spread(jobs, k, claims_of, &g);
    free(v);
    free(g.cnt);
    cck_mem_trim();
    size_t ng = nr + nalone;
    size_t ka = cck_rec_slices(jobs, nr);
    assembling sa = {.subs = subs, .nr = nr, .n = n, .nalone = nalone, .k = ka, .ins = ins,
                     /* place_groups() writes every group: not zeroed on
                      * this thread first (0.07 s of -j2's one-thread time
                      * on 100 MB, most of it faulting in 26 MB) */
                     .cl = cl, .g = ng ? cck_arena_take(c->arena, ng * sizeof *sa.g) : NULL,
                     .pos = cck_xcalloc(3 * ka, sizeof *sa.pos)};
    cck_rec_spread(jobs, ka, count_groups, &sa);
    size_t base = 0;
    for (size_t i = 0; i < 3; i++)
        for (size_t t = 0; t < ka; t++) {
            size_t here = sa.pos[3 * t + i];
            sa.pos[3 * t + i] = base;
            base += here;
        }
    cck_rec_spread(jobs, ka, place_groups, &sa);
    free(sa.pos);
    c->groups = sa.g;
    c->ngroups = ng;
    free(ins);
    free(subs);
    for (size_t s = 0; s < c->nsources; s++)
        c->sources[s]->trust = trust[s];
    free(trust);
}
