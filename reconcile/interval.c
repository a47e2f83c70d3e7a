/* interval.c: what range of values a claim allows (rounding, hedges,
 * bounds, date granularity, coordinate precision) and whether two claims
 * can both be true. The tolerances live in one table, cck_rec_tolerances. */
#include <math.h>
#include <string.h>

#include "interval.h"

#define DEFAULT_TOLERANCES                                                    \
    {                                                                         \
        .hedge_frac = 0.10,                                                   \
        .approx_year_days = 2 * 365.25,                                       \
        .approx_month_days = 31,                                              \
        .approx_day_days = 7,                                                 \
        .coord_min_m = 25,                                                    \
        .drift_per_year = 0.02,                                               \
        .undated_years = 5,                                                   \
        .current_years = 10,                                                  \
        .pair_cap = 64,                                                       \
        .prior_trust = 0.8,                                                   \
        .ambiguity_ratio = 10,                                                \
        .place_apart_m = 20000,                                               \
    }
const cck_rec_tol cck_rec_default_tolerances = DEFAULT_TOLERANCES;
cck_rec_tol cck_rec_tolerances = DEFAULT_TOLERANCES;

#define EARTH_RADIUS_M 6371008.8
#define METRES_PER_DEGREE 111320.0

/* ---- dates ------------------------------------------------------------ */

/* days since 0000-03-01 of a proleptic Gregorian date (Hinnant's algorithm) */
static double civil_day(long y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153L * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return (double)(era * 146097 + doe);
}

static int month_days(long y, int m)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : days[m - 1];
}

static bool digits(const char *s, int n, long *v)
{
    long x = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        x = x * 10 + (s[i] - '0');
    }
    *v = x;
    return true;
}

bool cck_rec_date_day(const char *iso, bool end, double *day, int *gran)
{
    if (!iso || !*iso)
        return false;
    const char *p = iso;
    bool neg = *p == '-';
    if (neg)
        p++;
    long y, m = 0, d = 0;
    if (!digits(p, 4, &y))
        return false;
    p += 4;
    if (neg)
        y = -y;
    int g = 1;
    if (*p == '-') {
        if (!digits(p + 1, 2, &m) || m < 1 || m > 12)
            return false;
        p += 3;
        g = 2;
        if (*p == '-') {
            if (!digits(p + 1, 2, &d) || d < 1 || d > month_days(y, (int)m))
                return false;
            p += 3;
            g = 3;
        }
    }
    if (*p)
        return false;
    if (g == 1)
        *day = end ? civil_day(y, 12, 31) : civil_day(y, 1, 1);
    else if (g == 2)
        *day = civil_day(y, (int)m, end ? month_days(y, (int)m) : 1);
    else
        *day = civil_day(y, (int)m, (int)d);
    if (gran)
        *gran = g;
    return true;
}

static double approx_days(int gran)
{
    const cck_rec_tol *t = &cck_rec_tolerances;
    return gran == 1 ? t->approx_year_days
         : gran == 2 ? t->approx_month_days : t->approx_day_days;
}

/* The days one end of a date claim covers: [first, last] of its start or
 * its end (the start when no end is set) at the granularity written. */
static bool date_end(const cck_claim *c, bool hi_end, double *first, double *last, int *gran)
{
    char s[CCK_DATE_TEXT];
    if (!hi_end || !cck_claim_date(c, true, s)[0])
        cck_claim_date(c, false, s);
    return cck_rec_date_day(s, false, first, gran) && cck_rec_date_day(s, true, last, NULL);
}

static bool year_of(const char *s, long *y)
{
    return strlen(s) == 4 && digits(s, 4, y);
}

/* A written period ("1957-1961", "December 9 to 24") states a start and an
 * end, each of which must match; a decade, a century, a hedged or bounded
 * range is one fuzzy time instead. */
static bool is_period(const cck_claim *c)
{
    char lo[CCK_DATE_TEXT], hi[CCK_DATE_TEXT];
    if (c->approx || c->bound != CCK_BOUND_NONE || !cck_claim_date(c, true, hi)[0] ||
        cck_claim_one_date(c))
        return false;
    long a, b;
    if (year_of(cck_claim_date(c, false, lo), &a) && year_of(hi, &b) &&
        ((a % 10 == 0 && b == a + 9) || (a % 100 == 0 && b == a + 99)))
        return false;
    return true;
}

/* ---- coordinates -------------------------------------------------------- */

static double rad(double deg) { return deg * 3.14159265358979323846 / 180.0; }

double cck_rec_coord_distance(const cck_claim *a, const cck_claim *b)
{
    double dlat = rad(b->lat - a->lat), dlon = rad(b->lon - a->lon);
    double h = sin(dlat / 2) * sin(dlat / 2) +
               cos(rad(a->lat)) * cos(rad(b->lat)) * sin(dlon / 2) * sin(dlon / 2);
    if (h > 1)
        h = 1;
    return 2 * EARTH_RADIUS_M * asin(sqrt(h));
}

/* The precision the written position shows, in degrees: from step when the
 * extractor set it, else from the most decimals written in the span. */
static double coord_step(const cck_claim *c)
{
    if (c->step > 0)
        return c->step;
    const cck_source *s = c->src;
    const char *p = s && c->end > c->start ? cck_source_span(s, c->start, c->end) : NULL;
    if (!p)
        return 1e-4;
    size_t n = c->end - c->start;
    int best = -1, run = -1;
    bool minutes = false, seconds = false;
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)p[i];
        if (ch == '.') {
            run = 0;
        } else if (ch >= '0' && ch <= '9') {
            if (run >= 0 && ++run > best)
                best = run;
        } else {
            run = -1;
            if (ch == '\'' || (ch == 0xE2 && i + 2 < n && p[i + 2] == (char)0xB2))
                minutes = true;
            if (ch == '"' || (ch == 0xE2 && i + 2 < n && p[i + 2] == (char)0xB3))
                seconds = true;
        }
    }
    if (best > 0)
        return pow(10, -best);
    return seconds ? 1.0 / 3600 : minutes ? 1.0 / 60 : 1.0;
}

double cck_rec_coord_tolerance(const cck_claim *c)
{
    double t = coord_step(c) * METRES_PER_DEGREE / 2;
    return t > cck_rec_tolerances.coord_min_m ? t : cck_rec_tolerances.coord_min_m;
}

/* ---- intervals ---------------------------------------------------------- */

static void numeric_interval(const cck_claim *cl, double *lo, double *hi)
{
    const cck_rec_tol *t = &cck_rec_tolerances;
    double a = cl->lo, b = cl->hi;
    if (isnan(a) || isnan(b)) {   /* no value: nothing to contradict */
        *lo = -HUGE_VAL;
        *hi = HUGE_VAL;
        return;
    }
    if (b < a) {
        double x = a;
        a = b;
        b = x;
    }
    /* rounding widens by half a step; a hedge by hedge_frac of the value,
     * which already covers the rounding when it is the wider of the two */
    double half = cl->step > 0 ? cl->step / 2 : 0;
    double ta = half, tb = half;
    if (cl->approx) {
        if (t->hedge_frac * fabs(a) > ta)
            ta = t->hedge_frac * fabs(a);
        if (t->hedge_frac * fabs(b) > tb)
            tb = t->hedge_frac * fabs(b);
    }
    /* a bound is exact on its closed side: "over 190" is at least 190 */
    *lo = cl->bound == CCK_BOUND_UPPER ? -HUGE_VAL
        : cl->bound == CCK_BOUND_LOWER ? a - half : a - ta;
    *hi = cl->bound == CCK_BOUND_LOWER ? HUGE_VAL
        : cl->bound == CCK_BOUND_UPPER ? b + half : b + tb;
}

static bool date_interval(const cck_claim *cl, double *lo, double *hi)
{
    double f0, l0, f1, l1;
    int g0, g1;
    if (!date_end(cl, false, &f0, &l0, &g0) || !date_end(cl, true, &f1, &l1, &g1))
        return false;
    *lo = f0;
    *hi = l1;
    if (cl->approx) {
        *lo -= approx_days(g0);
        *hi += approx_days(g1);
    }
    if (cl->bound == CCK_BOUND_LOWER)
        *hi = HUGE_VAL;
    else if (cl->bound == CCK_BOUND_UPPER)
        *lo = -HUGE_VAL;
    return true;
}

void cck_rec_interval(const cck_claim *cl, double *lo, double *hi)
{
    if (cl->vague) {
        *lo = -HUGE_VAL;
        *hi = HUGE_VAL;
        return;
    }
    switch (cl->kind) {
    case CCK_KIND_DATE:
        if (!date_interval(cl, lo, hi)) {
            *lo = -HUGE_VAL;
            *hi = HUGE_VAL;
        }
        return;
    case CCK_KIND_COORDINATE: {
        /* the latitude band; agreement itself uses the distance */
        double d = cck_rec_coord_tolerance(cl) / METRES_PER_DEGREE;
        *lo = cl->lat - d;
        *hi = cl->lat + d;
        return;
    }
    default:
        numeric_interval(cl, lo, hi);
        return;
    }
}

/* ---- agreement ---------------------------------------------------------- */

static bool overlap(double alo, double ahi, double blo, double bhi)
{
    /* figures that touch agree: 23.5 (+-0.05) and 23 (+-0.5) meet at 23.5 */
    double m = fmax(fmax(fabs(alo), fabs(ahi)), fmax(fabs(blo), fabs(bhi)));
    double eps = isfinite(m) ? 1e-9 * fmax(1.0, m) : 1e-9;
    return alo <= bhi + eps && blo <= ahi + eps;
}

static double magnitude(const cck_claim *c)
{
    return fmax(fabs(c->lo), fabs(c->hi));
}

void cck_rec_span_of(const cck_claim *c, cck_rec_span *s)
{
    memset(s, 0, sizeof *s);
    s->c = c;
    if (c->vague)
        return;
    if (c->kind == CCK_KIND_DATE) {
        int g0, g1;
        s->dated = date_end(c, false, &s->f0, &s->l0, &g0) && date_end(c, true, &s->f1, &s->l1, &g1) &&
                   date_interval(c, &s->lo, &s->hi);
        s->period = s->dated && is_period(c);
    } else if (c->kind != CCK_KIND_COORDINATE) {
        numeric_interval(c, &s->lo, &s->hi);
        s->mag = magnitude(c);
    }
}

static bool dates_agree(const cck_rec_span *a, const cck_rec_span *b)
{
    if (!a->dated || !b->dated)
        return true;    /* unreadable dates are not evidence of a conflict */
    if (!a->period || !b->period)
        return overlap(a->lo, a->hi, b->lo, b->hi);
    return overlap(a->f0, a->l0, b->f0, b->l0) && overlap(a->f1, a->l1, b->f1, b->l1);
}

bool cck_rec_agree_span(const cck_rec_span *sa, const cck_rec_span *sb, double drift)
{
    const cck_claim *a = sa->c, *b = sb->c;
    if (a->vague || b->vague || a->kind != b->kind)
        return true;    /* only like is compared with like */
    switch (a->kind) {
    case CCK_KIND_DATE:
        return dates_agree(sa, sb);
    case CCK_KIND_COORDINATE: {
        double d = cck_rec_coord_distance(a, b);
        return isnan(d) || d <= cck_rec_coord_tolerance(a) + cck_rec_coord_tolerance(b);
    }
    default:
        break;
    }
    if (strcmp(cck_claim_unit(a), cck_claim_unit(b)) != 0)
        return false;
    double alo = sa->lo, ahi = sa->hi, blo = sb->lo, bhi = sb->hi;
    if (drift > 0) {
        double da = drift * sa->mag / 2, db = drift * sb->mag / 2;
        alo -= da;
        ahi += da;
        blo -= db;
        bhi += db;
    }
    return overlap(alo, ahi, blo, bhi);
}

bool cck_rec_agree_drift(const cck_claim *a, const cck_claim *b, double drift)
{
    cck_rec_span sa, sb;
    cck_rec_span_of(a, &sa);
    cck_rec_span_of(b, &sb);
    return cck_rec_agree_span(&sa, &sb, drift);
}

bool cck_rec_agree(const cck_claim *a, const cck_claim *b)
{
    return cck_rec_agree_drift(a, b, 0);
}

bool cck_rec_year(const char *as_of, int *year)
{
    long y;
    if (!as_of)
        return false;
    bool neg = *as_of == '-';
    if (!digits(as_of + neg, 4, &y))
        return false;
    *year = (int)(neg ? -y : y);
    return true;
}
