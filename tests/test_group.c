/* test_group.c: intervals, agreement and grouping (reconcile/interval.c,
 * reconcile/group.c) on claims built by hand. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "interval.h"
#include "reconcile.h"
#include "tests.h"

#define LOWER CCK_BOUND_LOWER
#define UPPER CCK_BOUND_UPPER

/* A claim in one line of a table. */
typedef struct {
    cck_kind kind;
    double lo, hi, step;
    const char *dlo, *dhi;   /* dates */
    double lat, lon;         /* coordinates */
    const char *unit;
    bool approx;
    cck_bound bound;
    bool vague;
} spec;

#define NUM(lo, hi, step) {CCK_KIND_COUNT, lo, hi, step, NULL, NULL, 0, 0, "", false, 0, false}
#define NUMX(lo, hi, step, approx, bound)                                     \
    {CCK_KIND_COUNT, lo, hi, step, NULL, NULL, 0, 0, "", approx, bound, false}
#define MEAS(v, step, unit, approx) {CCK_KIND_MEASURE, v, v, step, NULL, NULL, 0, 0, unit, approx, 0, false}
#define DATE(a, b) {CCK_KIND_DATE, 0, 0, 0, a, b, 0, 0, "", false, 0, false}
#define DATEX(a, b, approx, bound) {CCK_KIND_DATE, 0, 0, 0, a, b, 0, 0, "", approx, bound, false}
#define COORD(la, lo, step) {CCK_KIND_COORDINATE, 0, 0, step, NULL, NULL, la, lo, "deg", false, 0, false}
#define VAGUE {CCK_KIND_COUNT, 2000, 9000, 0, NULL, NULL, 0, 0, "", true, 0, true}

static cck_claim make(const spec *s)
{
    cck_claim c;
    memset(&c, 0, sizeof c);
    c.kind = s->kind;
    c.step = s->step;
    if (s->kind == CCK_KIND_DATE) { /* the kinds' values share their room */
        if (s->dlo)
            cck_claim_set_date(&c, false, s->dlo);
        if (s->dhi)
            cck_claim_set_date(&c, true, s->dhi);
    } else if (s->kind == CCK_KIND_COORDINATE) {
        c.lat = s->lat;
        c.lon = s->lon;
    } else {
        c.lo = s->lo;
        c.hi = s->hi;
    }
    cck_claim_set_unit(&c, s->unit ? s->unit : "");
    c.approx = s->approx;
    c.bound = s->bound;
    c.vague = s->vague;
    return c;
}

static double day(const char *iso, bool end)
{
    double d = -1;
    CU_ASSERT_TRUE_FATAL(cck_rec_date_day(iso, end, &d, NULL));
    return d;
}

/* ---- intervals ------------------------------------------------------------ */

static void test_interval_numbers(void)
{
    static const struct {
        spec s;
        double lo, hi;
    } rows[] = {
        {NUM(559000, 559000, 1000), 558500, 559500},   /* "559,000" */
        {NUM(2.8, 2.8, 0.1), 2.75, 2.85},              /* "2.8" */
        {NUM(-5, -5, 1), -5.5, -4.5},                  /* "-5" */
        {NUM(42, 42, 0), 42, 42},                      /* exact */
        {NUM(91000, 98000, 1000), 90500, 98500},       /* a range */
        {NUMX(100, 100, 1, true, 0), 90, 110},         /* "about 100": 10% */
        {NUMX(1000, 1000, 1000, true, 0), 500, 1500},  /* rounding wider than 10% */
        {NUMX(190, 190, 1, true, LOWER), 189.5, HUGE_VAL},  /* "over 190" */
        {NUMX(200, 200, 1, true, UPPER), -HUGE_VAL, 200.5}, /* "nearly 200" */
        {VAGUE, -HUGE_VAL, HUGE_VAL},
    };
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        cck_claim c = make(&rows[i].s);
        double lo, hi;
        cck_rec_interval(&c, &lo, &hi);
        if (isinf(rows[i].lo)) {
            CU_ASSERT_TRUE(isinf(lo) && lo < 0);
        } else {
            CU_ASSERT_DOUBLE_EQUAL(lo, rows[i].lo, 1e-9);
        }
        if (isinf(rows[i].hi)) {
            CU_ASSERT_TRUE(isinf(hi) && hi > 0);
        } else {
            CU_ASSERT_DOUBLE_EQUAL(hi, rows[i].hi, 1e-9);
        }
    }
}

static void test_interval_dates(void)
{
    /* days since 0000-03-01 */
    CU_ASSERT_DOUBLE_EQUAL(day("0000-03-01", false), 0, 0);
    CU_ASSERT_DOUBLE_EQUAL(day("2000-03-01", false), 730485, 0);
    CU_ASSERT_DOUBLE_EQUAL(day("1970-01-01", false), 719468, 0);
    CU_ASSERT_DOUBLE_EQUAL(day("1961", true) - day("1961", false), 364, 0);
    CU_ASSERT_DOUBLE_EQUAL(day("2024-02", true) - day("2024-02", false), 28, 0);
    CU_ASSERT_DOUBLE_EQUAL(day("2023-02", true) - day("2023-02", false), 27, 0);
    double d;
    CU_ASSERT_FALSE(cck_rec_date_day("1961-13", false, &d, NULL));
    CU_ASSERT_FALSE(cck_rec_date_day("2023-02-29", false, &d, NULL));
    CU_ASSERT_FALSE(cck_rec_date_day("196", false, &d, NULL));
    CU_ASSERT_FALSE(cck_rec_date_day("", false, &d, NULL));
    CU_ASSERT_FALSE(cck_rec_date_day("1961-05-06x", false, &d, NULL));

    spec year = DATE("1961", "1961"), hedged = DATEX("1950", "1950", true, 0),
         later = DATEX("1945-08-21", "1945-08-31", true, UPPER);
    cck_claim c = make(&year);
    double lo, hi;
    cck_rec_interval(&c, &lo, &hi);
    CU_ASSERT_DOUBLE_EQUAL(lo, day("1961-01-01", false), 0);
    CU_ASSERT_DOUBLE_EQUAL(hi, day("1961-12-31", false), 0);
    c = make(&hedged);   /* a hedged year: two years either side */
    cck_rec_interval(&c, &lo, &hi);
    CU_ASSERT_TRUE(lo < day("1948-01-02", false) && lo > day("1947-12-30", false));
    CU_ASSERT_TRUE(hi > day("1952-12-30", false) && hi < day("1953-01-01", false));
    c = make(&later);    /* "by late August": open before */
    cck_rec_interval(&c, &lo, &hi);
    CU_ASSERT_TRUE(isinf(lo) && lo < 0);
    CU_ASSERT_DOUBLE_EQUAL(hi, day("1945-08-31", false) + 7, 0);
}

/* ---- agreement ------------------------------------------------------------ */

static const struct {
    spec a, b;
    bool agree;
} agree_rows[] = {
    /* rounding */
    {NUM(559000, 559000, 1000), NUM(559400, 559400, 0), true},
    {NUM(559000, 559000, 1000), NUM(874682, 874682, 0), false},
    {NUM(2.8, 2.8, 0.1), NUM(2.84, 2.84, 0.01), true},
    {NUM(2.8, 2.8, 0.1), NUM(3.0, 3.0, 0.1), false},
    {NUM(-5, -5, 1), NUM(-5.4, -5.4, 0.1), true},
    {NUM(-5, -5, 1), NUM(-3.4, -3.4, 0.1), false},
    {NUM(23.5, 23.5, 0.1), NUM(23, 23, 1), true},       /* touching ends agree */
    {NUM(10.8, 10.8, 0.1), NUM(10, 10, 1), false},
    /* hedges */
    {MEAS(12000, 1000, "m", true), MEAS(13000, 1000, "m", true), true},
    {MEAS(10000, 1000, "m", true), MEAS(13000, 1000, "m", true), false},
    {NUMX(100, 100, 1, true, 0), NUM(75.9, 75.9, 0.1), false},
    {NUMX(500, 500, 1, true, 0), NUMX(500, 500, 1, true, 0), true},
    /* bounds */
    {NUMX(190, 190, 1, true, LOWER), NUMX(200, 200, 1, true, UPPER), true},
    {NUMX(200, 200, 1, true, LOWER), NUM(150, 150, 1), false},
    {NUMX(100, 100, 1, true, UPPER), NUM(150, 150, 1), false},
    {NUMX(800000, 800000, 1000, true, UPPER), NUM(559000, 559000, 1000), true},
    /* ranges overlap */
    {NUM(91000, 98000, 1000), NUMX(98000, 98000, 1000, true, 0), true},
    {NUMX(2e6, 3e6, 1e6, true, 0), NUMX(600000, 1e6, 1000, true, 0), false},
    {NUMX(240000, 3.5e6, 1000, true, 0), NUM(2e6, 3e6, 1e6), true},
    /* units and kinds */
    {MEAS(10, 1, "m", false), MEAS(10, 1, "s", false), false},
    {NUM(10, 10, 1), DATE("1961", "1961"), true},       /* not compared */
    {VAGUE, NUM(5, 5, 1), true},
    {NUM(5, 5, 1), VAGUE, true},
    /* dates: granularity */
    {DATE("1961", "1961"), DATE("1961-05-06", "1961-05-06"), true},
    {DATE("1927", "1927"), DATE("1928", "1928"), false},
    {DATE("1961-05", "1961-05"), DATE("1961-05-31", "1961-05-31"), true},
    {DATE("1961-05", "1961-05"), DATE("1961-06-01", "1961-06-01"), false},
    {DATE("2024-02", "2024-02"), DATE("2024-02-29", "2024-02-29"), true},
    {DATE("1920", "1929"), DATE("1927", "1927"), true},              /* 1920s */
    {DATE("1990", "1999"), DATE("1994", "1998"), true},              /* 1990s */
    /* dates: hedges and bounds */
    {DATEX("1950", "1950", true, 0), DATE("1952", "1952"), true},
    {DATEX("1950", "1950", true, 0), DATE("1953", "1953"), false},
    {DATEX("1957", "1962", true, 0), DATE("1955", "1962"), true},
    {DATEX("1945-08-21", "1945-08-31", true, UPPER), DATE("1945-08-22", "1945-08-22"), true},
    {DATEX("1945-08-21", "1945-08-31", true, UPPER), DATE("1945-10-02", "1945-10-02"), false},
    {DATEX("1960", "1960", false, LOWER), DATE("1975", "1975"), true},
    /* dates: stated periods match at both ends */
    {DATE("1957", "1961"), DATE("1957", "1960"), false},
    {DATE("1984", "1998"), DATE("1983", "1998"), false},
    {DATE("1950-12-09", "1950-12-24"), DATE("1950-12-15", "1950-12-24"), false},
    {DATE("1955", "1962"), DATE("1955", "1962"), true},
    {DATE("1950", "1953"), DATE("1950-06-25", "1953-07-27"), true},
    /* coordinates: precision written */
    {COORD(39.838676, 127.621851, 1e-6), COORD(39.841769, 127.626968, 1e-6), false},
    {COORD(39.838676, 127.621851, 1e-6), COORD(39.838700, 127.621900, 1e-6), true},
    {COORD(39.84, 127.62, 0.01), COORD(39.847, 127.625, 0.01), true},
    {COORD(39.84, 127.62, 0.01), COORD(39.87, 127.62, 0.01), false},
};

static void test_agree_table(void)
{
    for (size_t i = 0; i < sizeof agree_rows / sizeof *agree_rows; i++) {
        cck_claim a = make(&agree_rows[i].a), b = make(&agree_rows[i].b);
        bool ab = cck_rec_agree(&a, &b), ba = cck_rec_agree(&b, &a);
        if (ab != agree_rows[i].agree)
            fprintf(stderr, "\nagree row %zu: got %d\n", i, ab);
        CU_ASSERT_EQUAL(ab, agree_rows[i].agree);
        CU_ASSERT_EQUAL(ab, ba);   /* symmetric */
    }
}

/* A coordinate with no step takes its precision from the decimals written. */
static void test_agree_coordinate_decimals(void)
{
    static const char text[] = "at 39.84 127.62 and 39.838676 127.621851";
    cck_source *s = cck_source_from_memory("c.txt", text, sizeof text - 1);
    spec two = COORD(39.84, 127.62, 0), six = COORD(39.838676, 127.621851, 0);
    cck_claim a = make(&two), b = make(&six);
    a.start = 3;
    a.end = 15;
    b.start = 20;
    b.end = sizeof text - 1;
    cck_source_add_claim(s, &a);
    cck_source_add_claim(s, &b);
    cck_claim *pa = &s->claims[0], *pb = &s->claims[1];
    double ta = cck_rec_coord_tolerance(pa), tb = cck_rec_coord_tolerance(pb);
    CU_ASSERT_TRUE(ta > 500 && ta < 600);   /* two decimals: ~556 m */
    CU_ASSERT_DOUBLE_EQUAL(tb, cck_rec_tolerances.coord_min_m, 1e-9);
    CU_ASSERT_TRUE(cck_rec_agree(pa, pb));  /* ~260 m apart */
    pb->lat = 39.86;                        /* ~2 km */
    CU_ASSERT_FALSE(cck_rec_agree(pa, pb));
    cck_source_free(s);
}

/* ---- grouping ------------------------------------------------------------- */

typedef struct {
    cck_corpus c;
    cck_source *src[6];
    size_t n;
} fixture;

static void fx_init(fixture *f, size_t nsources)
{
    cck_corpus_init(&f->c);
    f->n = nsources;
    for (size_t i = 0; i < nsources; i++) {
        char name[32];
        snprintf(name, sizeof name, "s%zu.txt", i);
        f->src[i] = cck_source_from_memory(name, "0123456789012345678901234567890123456789", 40);
    }
}

static void fx_run(fixture *f)
{
    for (size_t i = 0; i < f->n; i++)
        cck_corpus_add(&f->c, f->src[i]);
    cck_rec_group(&f->c);
}

static cck_claim *add(fixture *f, size_t src, size_t start, const char *entity,
                      const char *attr, const char *as_of, spec s)
{
    cck_claim c = make(&s);
    c.start = start;
    c.end = start + 3;
    c.entity = entity;
    c.attribute = attr;
    c.as_of = as_of;
    return cck_source_add_claim(f->src[src], &c);
}

static const cck_group *find(const cck_corpus *c, const char *entity, const char *attr,
                             const char *as_of)
{
    for (size_t i = 0; i < c->ngroups; i++) {
        const cck_group *g = &c->groups[i];
        if (!strcmp(g->entity, entity) && !strcmp(g->attribute, attr) &&
            ((!as_of && !g->as_of) || (as_of && g->as_of && !strcmp(as_of, g->as_of))))
            return g;
    }
    return NULL;
}

static void test_group_status(void)
{
    fixture f;
    fx_init(&f, 3);
    /* conflict across sources */
    add(&f, 0, 0, "Hamhung", "population", NULL, (spec)NUM(559000, 559000, 1000));
    add(&f, 1, 0, "Hamhung", "population", NULL, (spec)NUMX(560000, 560000, 1000, true, 0));
    add(&f, 2, 0, "Hamhung", "population", NULL, (spec)NUM(874682, 874682, 1));
    /* consistent: two sources, one figure */
    add(&f, 0, 5, "Korean War", "armistice", NULL, (spec)DATE("1953", "1953"));
    add(&f, 1, 5, "Korean War", "armistice", NULL, (spec)DATE("1953-07-27", "1953-07-27"));
    /* single: one claim; one source twice */
    add(&f, 2, 5, "Wonsan", "area", NULL, (spec)MEAS(314, 1, "m2", false));
    add(&f, 0, 10, "Joseon", "founded", NULL, (spec)DATE("1392", "1392"));
    add(&f, 0, 20, "Joseon", "founded", NULL, (spec)DATE("1392", "1392"));
    /* one source, two positions for one plant: still a conflict */
    add(&f, 1, 10, "Plant", "coordinates", NULL, (spec)COORD(39.838676, 127.621851, 1e-6));
    add(&f, 1, 20, "Plant", "coordinates", NULL, (spec)COORD(39.841769, 127.626968, 1e-6));
    fx_run(&f);

    CU_ASSERT_EQUAL_FATAL(f.c.ngroups, 5);
    const cck_group *g = find(&f.c, "Hamhung", "population", NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(g);
    CU_ASSERT_EQUAL(g->status, CCK_GROUP_CONFLICT);
    CU_ASSERT_EQUAL(g->nclaims, 3);
    CU_ASSERT_EQUAL(g->nsources, 3);
    /* 559,000 and about 560,000 agree (two sources); tie goes to the
     * earlier source */
    CU_ASSERT_PTR_EQUAL(g->favoured, &f.src[0]->claims[0]);
    CU_ASSERT_PTR_NOT_NULL(strstr(g->note, "conflict: "));
    CU_ASSERT_PTR_NOT_NULL(strstr(g->note, "no overlap"));
    CU_ASSERT_PTR_NOT_NULL(strstr(g->note, "±10%"));
    CU_ASSERT_PTR_NOT_NULL(strstr(g->note, "2 sources agree"));
    CU_ASSERT_PTR_NOT_NULL(strstr(g->note, "1 dissents"));

    g = find(&f.c, "Korean War", "armistice", NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(g);
    CU_ASSERT_EQUAL(g->status, CCK_GROUP_CONSISTENT);
    CU_ASSERT_EQUAL(g->nsources, 2);
    CU_ASSERT_PTR_NOT_NULL(strstr(g->note, "consistent"));

    g = find(&f.c, "Wonsan", "area", NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(g);
    CU_ASSERT_EQUAL(g->status, CCK_GROUP_SINGLE);
    CU_ASSERT_EQUAL(g->nclaims, 1);
    g = find(&f.c, "Joseon", "founded", NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(g);
    CU_ASSERT_EQUAL(g->status, CCK_GROUP_SINGLE);
    CU_ASSERT_EQUAL(g->nclaims, 2);
    CU_ASSERT_EQUAL(g->nsources, 1);

    g = find(&f.c, "Plant", "coordinates", NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(g);
    CU_ASSERT_EQUAL(g->status, CCK_GROUP_CONFLICT);
    CU_ASSERT_PTR_NOT_NULL(strstr(g->note, "556 m apart"));
    CU_ASSERT_PTR_NOT_NULL(strstr(g->note, "one source gives two values"));
    cck_corpus_free(&f.c);
}

static void test_group_order(void)
{
    fixture f;
    fx_init(&f, 2);
    /* added out of order on purpose */
    add(&f, 1, 0, "Zeta", "x", NULL, (spec)NUM(1, 1, 1));
    add(&f, 0, 9, "Beta", "y", NULL, (spec)NUM(7, 7, 1));
    add(&f, 0, 3, "Beta", "y", NULL, (spec)NUM(9, 9, 1));
    add(&f, 1, 3, "Alpha", "x", NULL, (spec)NUM(1, 1, 1));
    add(&f, 0, 0, "Alpha", "x", NULL, (spec)NUM(1, 1, 1));
    add(&f, 1, 6, "Gamma", "z", NULL, (spec)NUM(1, 1, 1));
    add(&f, 0, 6, "Gamma", "z", NULL, (spec)NUM(5, 5, 1));
    add(&f, 1, 9, "Delta", "a", NULL, (spec)NUM(2, 2, 1));
    add(&f, 0, 12, "Delta", "a", NULL, (spec)NUM(2, 2, 1));
    fx_run(&f);
    static const char *const want[] = {"Beta", "Gamma", "Alpha", "Delta", "Zeta"};
    CU_ASSERT_EQUAL_FATAL(f.c.ngroups, 5);
    for (size_t i = 0; i < 5; i++)
        CU_ASSERT_STRING_EQUAL(f.c.groups[i].entity, want[i]);
    CU_ASSERT_EQUAL(f.c.groups[0].status, CCK_GROUP_CONFLICT);
    CU_ASSERT_EQUAL(f.c.groups[1].status, CCK_GROUP_CONFLICT);
    CU_ASSERT_EQUAL(f.c.groups[2].status, CCK_GROUP_CONSISTENT);
    CU_ASSERT_EQUAL(f.c.groups[4].status, CCK_GROUP_SINGLE);
    /* claims in source order, then offset order */
    const cck_group *g = &f.c.groups[0];
    CU_ASSERT_EQUAL(g->claims[0]->start, 3);
    CU_ASSERT_EQUAL(g->claims[1]->start, 9);
    g = find(&f.c, "Alpha", "x", NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(g);
    CU_ASSERT_PTR_EQUAL(g->claims[0]->src, f.src[0]);
    CU_ASSERT_PTR_EQUAL(g->claims[1]->src, f.src[1]);
    cck_corpus_free(&f.c);
}

static void test_group_keys(void)
{
    fixture f;
    fx_init(&f, 2);
    add(&f, 0, 0, "Hamhung", "founded", NULL, (spec)DATE("1392", "1392"));
    add(&f, 1, 0, "HAMHUNG", "founded", NULL, (spec)DATE("1392", "1392"));  /* same after folding */
    add(&f, 0, 3, "Hamhung", "area", NULL, (spec)NUM(1, 1, 1));           /* other attribute */
    add(&f, 0, 6, "", "area", NULL, (spec)NUM(1, 1, 1));                  /* no entity */
    add(&f, 0, 9, "Hamhung", "", NULL, (spec)NUM(1, 1, 1));               /* no attribute */
    add(&f, 1, 3, "Hamhung", NULL, NULL, (spec)NUM(1, 1, 1));
    fx_run(&f);
    CU_ASSERT_EQUAL_FATAL(f.c.ngroups, 2);
    const cck_group *g = find(&f.c, "Hamhung", "founded", NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(g);
    CU_ASSERT_EQUAL(g->nclaims, 2);
    CU_ASSERT_EQUAL(g->status, CCK_GROUP_CONSISTENT);
    cck_corpus_free(&f.c);
}

static void test_group_as_of(void)
{
    fixture f;
    fx_init(&f, 3);
    /* old years: each its own subject */
    add(&f, 0, 0, "Hamhung", "population", "1950", (spec)NUM(168827, 168827, 1));
    add(&f, 1, 0, "Hamhung", "population", "1950", (spec)NUM(168827, 168827, 1));
    add(&f, 1, 3, "Hamhung", "population", "1957", (spec)NUM(244000, 244000, 1000));
    /* undated figures join the recent dated ones, which may drift */
    add(&f, 0, 3, "Hamhung", "population", NULL, (spec)NUM(559000, 559000, 1000));
    add(&f, 1, 6, "Hamhung", "population", "2023", (spec)NUM(543000, 543000, 1000));
    add(&f, 2, 0, "Hamhung", "population", "2025", (spec)NUM(545782, 545782, 1));
    /* a jump in one year is a conflict, not growth */
    add(&f, 0, 6, "Sinpo", "population", "2020", (spec)NUM(549000, 549000, 1000));
    add(&f, 2, 3, "Sinpo", "population", "2021", (spec)NUM(874682, 874682, 1));
    /* an event's toll does not change over time: as_of is not part of it */
    add(&f, 0, 9, "Famine", "deaths", NULL, (spec)NUM(2e6, 3e6, 1e6));
    add(&f, 1, 9, "Famine", "deaths", "1994", (spec)NUMX(600000, 1e6, 1000, true, 0));
    /* one dated year alone keeps it */
    add(&f, 2, 6, "North Korea", "inmates", "2016", (spec)NUM(120000, 120000, 1000));
    add(&f, 2, 9, "North Korea", "inmates", "2016", (spec)NUMX(80000, 120000, 1000, true, 0));
    fx_run(&f);

    const cck_group *g = find(&f.c, "Hamhung", "population", "1950");
    CU_ASSERT_PTR_NOT_NULL_FATAL(g);
    CU_ASSERT_EQUAL(g->status, CCK_GROUP_CONSISTENT);
    g = find(&f.c, "Hamhung", "population", "1957");
    CU_ASSERT_PTR_NOT_NULL_FATAL(g);
    CU_ASSERT_EQUAL(g->status, CCK_GROUP_SINGLE);
    g = find(&f.c, "Hamhung", "population", NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(g);
    CU_ASSERT_EQUAL(g->nclaims, 3);
    CU_ASSERT_EQUAL(g->status, CCK_GROUP_CONSISTENT);
    CU_ASSERT_PTR_NOT_NULL(strstr(g->note, "current"));

    g = find(&f.c, "Sinpo", "population", NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(g);
    CU_ASSERT_EQUAL(g->status, CCK_GROUP_CONFLICT);
    CU_ASSERT_PTR_NOT_NULL(strstr(g->note, "figures for 2020 and 2021 differ"));
    CU_ASSERT_PTR_NOT_NULL(strstr(g->note, "out of date"));

    g = find(&f.c, "Famine", "deaths", NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(g);
    CU_ASSERT_EQUAL(g->nclaims, 2);
    CU_ASSERT_EQUAL(g->status, CCK_GROUP_CONFLICT);
    CU_ASSERT_PTR_NOT_NULL(strstr(g->note, "the sources disagree"));
    CU_ASSERT_PTR_NULL(strstr(g->note, "different times"));

    g = find(&f.c, "North Korea", "inmates", "2016");
    CU_ASSERT_PTR_NOT_NULL_FATAL(g);
    CU_ASSERT_EQUAL(g->status, CCK_GROUP_SINGLE);
    cck_corpus_free(&f.c);
}

static void test_group_favoured(void)
{
    fixture f;
    fx_init(&f, 4);
    /* the same figure twice in one source is one voice */
    add(&f, 0, 0, "X", "n", NULL, (spec)NUM(105000, 105000, 1000));
    add(&f, 0, 3, "X", "n", NULL, (spec)NUM(105000, 105000, 1000));
    add(&f, 1, 0, "X", "n", NULL, (spec)NUM(200000, 200000, 1000));
    add(&f, 2, 0, "X", "n", NULL, (spec)NUM(200000, 200000, 1000));
    /* a figure that fits both sides is not favoured */
    add(&f, 3, 0, "Y", "founded", NULL, (spec)DATE("1920", "1929"));
    add(&f, 0, 6, "Y", "founded", NULL, (spec)DATE("1927", "1927"));
    add(&f, 1, 3, "Y", "founded", NULL, (spec)DATE("1928", "1928"));
    add(&f, 2, 3, "Y", "founded", NULL, (spec)DATE("1928", "1928"));
    /* more citations break a tie */
    add(&f, 0, 9, "Z", "n", NULL, (spec)NUM(1, 1, 1));
    cck_claim *cited = add(&f, 1, 6, "Z", "n", NULL, (spec)NUM(3, 3, 1));
    cck_source *s1 = f.src[1];
    s1->units = cck_arena_alloc(s1->arena, 2 * sizeof *s1->units);
    s1->nunits = 2;
    /* two markers back the last unit: they run from its cites (0) to the
     * end of unit_cites, which only their count is read of */
    s1->nunit_cites = 2;
    cited->unit_index = 1;
    fx_run(&f);

    const cck_group *g = find(&f.c, "X", "n", NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(g);
    CU_ASSERT_EQUAL(g->status, CCK_GROUP_CONFLICT);
    CU_ASSERT_DOUBLE_EQUAL(g->favoured->lo, 200000, 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(g->note, "2 sources agree"));
    CU_ASSERT_PTR_NOT_NULL(strstr(g->note, "1 dissents"));

    g = find(&f.c, "Y", "founded", NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(g);
    CU_ASSERT_EQUAL(g->status, CCK_GROUP_CONFLICT);
    CU_ASSERT_STRING_EQUAL(cck_claim_date(g->favoured, false, (char[CCK_DATE_TEXT]){0}), "1928");

    g = find(&f.c, "Z", "n", NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(g);
    CU_ASSERT_PTR_EQUAL(g->favoured->src, f.src[1]);
    CU_ASSERT_DOUBLE_EQUAL(g->favoured->lo, 3, 0);
    cck_corpus_free(&f.c);
}

/* The articles of one file (a page and a mirror of it) are separate voices. */
static void test_group_articles(void)
{
    fixture f;
    fx_init(&f, 1);
    cck_source *s = f.src[0];
    s->units = cck_arena_alloc(s->arena, 2 * sizeof *s->units);
    s->nunits = 2;
    s->units[1].article = 1;
    add(&f, 0, 0, "W", "n", NULL, (spec)NUM(7, 7, 1));
    add(&f, 0, 20, "W", "n", NULL, (spec)NUM(7, 7, 1))->unit_index = 1;
    fx_run(&f);
    CU_ASSERT_EQUAL_FATAL(f.c.ngroups, 1);
    CU_ASSERT_EQUAL(f.c.groups[0].status, CCK_GROUP_CONSISTENT);
    CU_ASSERT_EQUAL(f.c.groups[0].nsources, 2);
    cck_corpus_free(&f.c);
}

/* Groups past pair_cap are checked against an envelope, still exactly for
 * plain numbers. */
static void test_group_large(void)
{
    fixture f;
    fx_init(&f, 2);
    size_t n = cck_rec_tolerances.pair_cap * 3;
    for (size_t i = 0; i < n; i++)
        add(&f, i % 2, i, "Big", "n", NULL, (spec)NUMX(1000, 1000, 10, true, 0));
    for (size_t i = 0; i < n; i++)
        add(&f, i % 2, i, "Big2", "n", NULL, (spec)NUMX(1000, 1000, 10, true, 0));
    add(&f, 1, n, "Big2", "n", NULL, (spec)NUM(5000, 5000, 1));
    fx_run(&f);
    const cck_group *g = find(&f.c, "Big", "n", NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(g);
    CU_ASSERT_EQUAL(g->status, CCK_GROUP_CONSISTENT);
    CU_ASSERT_EQUAL(g->nclaims, n);
    g = find(&f.c, "Big2", "n", NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(g);
    CU_ASSERT_EQUAL(g->status, CCK_GROUP_CONFLICT);
    CU_ASSERT_DOUBLE_EQUAL(g->favoured->lo, 1000, 0);
    cck_corpus_free(&f.c);
}

/* Claims whose subject is unclear stand alone: two wildly different
 * "dates" of one article are not a conflict, and they do not join the
 * clear claims of the same key either. */
static void test_group_unclear_alone(void)
{
    fixture f;
    fx_init(&f, 2);
    add(&f, 0, 0, "Marrowby", "date", NULL, (spec)DATE("1392", "1392"))->unclear = true;
    add(&f, 1, 0, "Marrowby", "date", NULL, (spec)DATE("2021", "2021"))->unclear = true;
    add(&f, 0, 10, "Marrowby", "founded", NULL, (spec)DATE("1203", "1203"));
    add(&f, 1, 10, "Marrowby", "founded", NULL, (spec)DATE("1203", "1203"));
    add(&f, 1, 20, "Marrowby", "founded", NULL, (spec)DATE("1950", "1950"))->unclear = true;
    fx_run(&f);
    CU_ASSERT_EQUAL_FATAL(f.c.ngroups, 4);
    size_t alone = 0;
    for (size_t i = 0; i < f.c.ngroups; i++) {
        const cck_group *g = &f.c.groups[i];
        CU_ASSERT_NOT_EQUAL(g->status, CCK_GROUP_CONFLICT);
        if (g->nclaims == 1 && g->claims[0]->unclear) {
            alone++;
            CU_ASSERT_EQUAL(g->status, CCK_GROUP_SINGLE);
            CU_ASSERT_PTR_NOT_NULL(strstr(g->note, "not compared"));
        }
    }
    CU_ASSERT_EQUAL(alone, 3);
    const cck_group *g = find(&f.c, "Marrowby", "founded", NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(g);
    CU_ASSERT_EQUAL(g->status, CCK_GROUP_CONSISTENT);
    cck_corpus_free(&f.c);
}

/* A source of one sentence holding one claim: the sentence is the unit. */
static cck_claim *sentence_claim(fixture *f, size_t src, const char *text, const char *span,
                                 const char *entity, const char *attr, spec sp)
{
    cck_source *s = cck_source_from_memory("x.txt", text, strlen(text));
    free(s->path);
    s->path = cck_xstrndup(f->src[src]->path, strlen(f->src[src]->path));
    cck_source_free(f->src[src]);
    f->src[src] = s;
    s->units = cck_arena_alloc(s->arena, sizeof *s->units);
    s->nunits = 1;
    s->units[0].start = 0;
    s->units[0].end = strlen(text);
    const char *at = strstr(text, span);
    CU_ASSERT_PTR_NOT_NULL_FATAL(at);
    cck_claim *c = add(f, src, (size_t)(at - text), entity, attr, NULL, sp);
    c->end = c->start + strlen(span);
    return c;
}

/* Each conflict names its likely cause. */
static void test_group_causes(void)
{
    static const struct {
        const char *a, *aspan, *b, *bspan;
        spec sa, sb;
        const char *cause;
    } rows[] = {
        {"The metropolitan area has 2,100,000 people.", "2,100,000",
         "The town has 900,000 people.", "900,000", NUM(2100000, 2100000, 100000),
         NUM(900000, 900000, 100000), "ambiguity: one sentence says \"metropolitan\""},
        {"The plant was rebuilt in 1956.", "1956", "The plant opened in 1931.", "1931",
         DATE("1956", "1956"), DATE("1931", "1931"), "ambiguity: one sentence says \"rebuilt\""},
        {"It covers 5 km2.", "5", "It covers 330 km2.", "330", MEAS(5e6, 1e6, "m2", false),
         MEAS(330e6, 1e6, "m2", false), "times apart"},
        {"Its position is 39.9 127.5.", "39.9 127.5", "Its position is 41.8 129.7.",
         "41.8 129.7", COORD(39.9, 127.5, 0.1), COORD(41.8, 129.7, 0.1), "km apart"},
        {"It has 412,000 people.", "412,000", "It has 655,000 people.", "655,000",
         NUM(412000, 412000, 1000), NUM(655000, 655000, 1000), "the sources disagree"},
        {"It had 12,000 people.", "12,000", "Today it has 30,000 people.", "30,000",
         NUM(12000, 12000, 1000), NUM(30000, 30000, 1000), "one figure is given for today"},
    };
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        fixture f;
        fx_init(&f, 2);
        sentence_claim(&f, 0, rows[i].a, rows[i].aspan, "X", "n", rows[i].sa);
        sentence_claim(&f, 1, rows[i].b, rows[i].bspan, "X", "n", rows[i].sb);
        fx_run(&f);
        CU_ASSERT_EQUAL_FATAL(f.c.ngroups, 1);
        const cck_group *g = &f.c.groups[0];
        CU_ASSERT_EQUAL(g->status, CCK_GROUP_CONFLICT);
        if (!strstr(g->note, rows[i].cause))
            fprintf(stderr, "\n  row %zu: want \"%s\" in: %s\n", i, rows[i].cause, g->note);
        CU_ASSERT_PTR_NOT_NULL(strstr(g->note, rows[i].cause));
        cck_corpus_free(&f.c);
    }
    /* the qualifiers are whole words, however far back the word holding
     * the letters starts: "suburban" in a run of 150 bytes without a space,
     * its "urban" just where a look 64 bytes back from the words' window
     * would begin; with a space there, it is the word "urban" */
    for (int spaced = 0; spaced < 2; spaced++) {
        char a[256];
        size_t run = 150, cs = 7 + run + 1, urban = cs - 60 - 64;
        memcpy(a, "Count: ", 7);
        for (size_t k = 0; k < run; k++)
            a[7 + k] = k % 2 ? '/' : 'q';
        memcpy(a + urban - 3, "suburban/", 9);
        if (spaced)
            a[urban - 1] = ' ';
        strcpy(a + 7 + run, " 2,100,000 people.");
        fixture f;
        fx_init(&f, 2);
        sentence_claim(&f, 0, a, "2,100,000", "X", "n", (spec)NUM(2100000, 2100000, 100000));
        sentence_claim(&f, 1, "The town has 1,500,000 people.", "1,500,000", "X", "n",
                       (spec)NUM(1500000, 1500000, 100000));
        fx_run(&f);
        CU_ASSERT_EQUAL_FATAL(f.c.ngroups, 1);
        CU_ASSERT_EQUAL(f.c.groups[0].status, CCK_GROUP_CONFLICT);
        const char *note = f.c.groups[0].note;
        CU_ASSERT(spaced ? strstr(note, "one sentence says \"urban\"") != NULL
                         : strstr(note, "one sentence says") == NULL);
        cck_corpus_free(&f.c);
    }
    /* figures of two close years too far apart for the attribute's drift */
    fixture f;
    fx_init(&f, 2);
    add(&f, 0, 0, "X", "population", "2021", (spec)NUM(874682, 874682, 1));
    add(&f, 1, 0, "X", "population", "2023", (spec)NUM(543000, 543000, 1000));
    fx_run(&f);
    CU_ASSERT_EQUAL_FATAL(f.c.ngroups, 1);
    CU_ASSERT_EQUAL(f.c.groups[0].status, CCK_GROUP_CONFLICT);
    CU_ASSERT_PTR_NOT_NULL(strstr(f.c.groups[0].note, "figures for 2021 and 2023 differ by 61%"));
    CU_ASSERT_PTR_NOT_NULL(strstr(f.c.groups[0].note, "more than the 2% a year population"));
    cck_corpus_free(&f.c);
    /* one source with two values */
    fx_init(&f, 1);
    add(&f, 0, 0, "X", "n", NULL, (spec)NUM(10, 10, 1));
    add(&f, 0, 10, "X", "n", NULL, (spec)NUM(12, 12, 1));
    fx_run(&f);
    CU_ASSERT_PTR_NOT_NULL(strstr(f.c.groups[0].note, "one source gives two values"));
    cck_corpus_free(&f.c);
}

/* Trust: a source that keeps agreeing with the others earns more of it
 * than one that keeps dissenting, and decides a one-against-one subject;
 * a configured weight outranks the evidence of a few subjects. */
static void test_group_trust(void)
{
    fixture f;
    fx_init(&f, 3);
    for (size_t k = 0; k < 3; k++) {
        const char *attr = k == 0 ? "a" : k == 1 ? "b" : "c";
        add(&f, 0, k * 3, "X", attr, NULL, (spec)NUM(100, 100, 1));
        add(&f, 1, k * 3, "X", attr, NULL, (spec)NUM(100, 100, 1));
        add(&f, 2, k * 3, "X", attr, NULL, (spec)NUM(300, 300, 1));
    }
    /* source 1 and source 2 alone disagree on d */
    add(&f, 1, 20, "X", "d", NULL, (spec)NUM(5, 5, 1));
    add(&f, 2, 20, "X", "d", NULL, (spec)NUM(9, 9, 1));
    fx_run(&f);
    CU_ASSERT_TRUE(f.c.sources[0]->trust > f.c.sources[2]->trust + 0.1);
    CU_ASSERT_TRUE(f.c.sources[1]->trust > f.c.sources[2]->trust + 0.1);
    const cck_group *g = find(&f.c, "X", "d", NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(g);
    CU_ASSERT_EQUAL(g->status, CCK_GROUP_CONFLICT);
    CU_ASSERT_DOUBLE_EQUAL(g->favoured->lo, 5, 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(g->note, "confidence"));
    CU_ASSERT_PTR_NOT_NULL(strstr(g->note, "0 cited, 1 uncited"));
    cck_corpus_free(&f.c);

    /* the same one-against-one subject, with a weight on the other side */
    fx_init(&f, 2);
    add(&f, 0, 0, "X", "d", NULL, (spec)NUM(5, 5, 1));
    add(&f, 1, 0, "X", "d", NULL, (spec)NUM(9, 9, 1));
    f.src[1]->weight = 0.99;
    fx_run(&f);
    CU_ASSERT_DOUBLE_EQUAL(f.c.groups[0].favoured->lo, 9, 0);
    CU_ASSERT_TRUE(f.c.sources[1]->trust > f.c.sources[0]->trust);
    cck_corpus_free(&f.c);

    /* a sources file's weight: 3 witnesses' worth against one */
    fx_init(&f, 2);
    add(&f, 0, 0, "X", "d", NULL, (spec)NUM(5, 5, 1));
    add(&f, 1, 0, "X", "d", NULL, (spec)NUM(9, 9, 1));
    f.src[0]->meta.weight = 3;
    fx_run(&f);
    CU_ASSERT_DOUBLE_EQUAL(f.c.groups[0].favoured->lo, 5, 0);
    CU_ASSERT_TRUE(f.c.sources[0]->trust > f.c.sources[1]->trust);
    cck_corpus_free(&f.c);
}

/* Two sources that write the same figures the same way are noted as
 * possible copies; sources that merely agree are not. */
static void test_group_copies(void)
{
    /* c0 and c1 write four figures alike; c2 agrees but writes them its
     * own way, and shares only the year with them */
    static const char *const texts[3] = {"412,318 1887 330.25 7,041",
                                         "412,318 1887 330.25 7,041",
                                         "412318. 1887 330.3. 7041."};
    static const struct { size_t start, len; const char *attr; double v; } at[] = {
        {0, 7, "population", 412318}, {8, 4, "founded", 1887}, {13, 6, "area", 330.25},
        {20, 5, "workers", 7041}};
    static const size_t len2[] = {6, 4, 5, 4};
    fixture f;
    cck_corpus_init(&f.c);
    f.n = 3;
    for (size_t i = 0; i < 3; i++) {
        char name[16];
        snprintf(name, sizeof name, "c%zu.txt", i);
        f.src[i] = cck_source_from_memory(name, texts[i], strlen(texts[i]));
    }
    for (size_t src = 0; src < 3; src++)
        for (size_t k = 0; k < 4; k++) {
            spec sp = k == 1 ? (spec)DATE("1887", "1887") : (spec)NUM(at[k].v, at[k].v, 0);
            cck_claim *c = add(&f, src, at[k].start, "X", at[k].attr, NULL, sp);
            c->end = c->start + (src < 2 ? at[k].len : len2[k]);
        }
    fx_run(&f);
    size_t notes = 0;
    for (size_t i = 0; i < f.c.diags.n; i++)
        if (f.c.diags.v[i].sev == CCK_SEV_NOTE && strstr(f.c.diags.v[i].msg, "copy")) {
            notes++;
            CU_ASSERT_STRING_EQUAL(f.c.diags.v[i].file, "c0.txt");
            CU_ASSERT_PTR_NOT_NULL(strstr(f.c.diags.v[i].msg, "3 of the 3"));
            CU_ASSERT_PTR_NOT_NULL(strstr(f.c.diags.v[i].msg, "c1.txt"));
        }
    CU_ASSERT_EQUAL(notes, 1);
    cck_corpus_free(&f.c);
}

/* A source's figures for several years are a series, not a conflict; an
 * undated figure equal to one year's is that year's; two sources' figures
 * for different years still conflict beyond the drift. */
static void test_group_series(void)
{
    fixture f;
    fx_init(&f, 3);
    add(&f, 0, 0, "X", "inflation_rate", "2022", (spec)NUM(5.9, 5.9, 0.1));
    add(&f, 0, 5, "X", "inflation_rate", "2023", (spec)NUM(4.2, 4.2, 0.1));
    add(&f, 1, 0, "X", "inflation_rate", NULL, (spec)NUM(4.2, 4.2, 0.1));
    fx_run(&f);
    CU_ASSERT_EQUAL_FATAL(f.c.ngroups, 1);
    CU_ASSERT_EQUAL(f.c.groups[0].status, CCK_GROUP_CONSISTENT);
    cck_corpus_free(&f.c);

    fx_init(&f, 2);
    add(&f, 0, 0, "X", "inflation_rate", "2022", (spec)NUM(5.9, 5.9, 0.1));
    add(&f, 1, 0, "X", "inflation_rate", "2023", (spec)NUM(4.2, 4.2, 0.1));
    fx_run(&f);
    CU_ASSERT_EQUAL_FATAL(f.c.ngroups, 1);
    CU_ASSERT_EQUAL(f.c.groups[0].status, CCK_GROUP_CONFLICT);
    cck_corpus_free(&f.c);
}

/* A reader's comment under a post is a voice of its own; a denied figure
 * stands alone. */
static void test_group_comments_and_denials(void)
{
    fixture f;
    fx_init(&f, 1);
    cck_source *s = f.src[0];
    s->units = cck_arena_alloc(s->arena, 3 * sizeof *s->units);
    s->nunits = 3;
    s->units[1].zone = CCK_ZONE_COMMENTS;
    add(&f, 0, 0, "X", "population", NULL, (spec)NUM(800000, 800000, 1000));
    add(&f, 0, 10, "X", "population", NULL, (spec)NUM(559000, 559000, 1000))->unit_index = 1;
    cck_claim *d = add(&f, 0, 20, "X", "population", NULL, (spec)NUM(800000, 800000, 1000));
    d->unit_index = 1;
    d->denied = true;
    fx_run(&f);
    const cck_group *g = NULL;
    size_t alone = 0;
    for (size_t i = 0; i < f.c.ngroups; i++) {
        if (f.c.groups[i].nclaims == 2)
            g = &f.c.groups[i];
        if (f.c.groups[i].nclaims == 1 && f.c.groups[i].claims[0]->denied) {
            alone++;
            CU_ASSERT_PTR_NOT_NULL(strstr(f.c.groups[i].note, "to reject it"));
        }
    }
    CU_ASSERT_EQUAL(alone, 1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(g);
    CU_ASSERT_EQUAL(g->status, CCK_GROUP_CONFLICT);
    CU_ASSERT_EQUAL(g->nsources, 2);
    CU_ASSERT_PTR_NOT_NULL(strstr(g->note, "the sources disagree"));
    cck_corpus_free(&f.c);
}

static void test_group_empty(void)
{
    fixture f;
    fx_init(&f, 1);
    fx_run(&f);
    CU_ASSERT_EQUAL(f.c.ngroups, 0);
    CU_ASSERT_PTR_NULL(f.c.groups);
    cck_corpus_free(&f.c);
}

/* A corpus with every kind of subject: conflicts and agreement across six
 * sources, dated figures of several years, dates, a group past pair_cap
 * with outliers, and one source's time series. */
static void busy(fixture *f)
{
    fx_init(f, 6);
    for (size_t e = 0; e < 40; e++) {
        const char *ent = cck_arena_printf(f->src[0]->arena, "Town %zu", e);
        for (size_t s = 0; s < 6; s++) {
            if ((e + s) % 4 == 3)
                continue;
            double pop = 1000.0 * (10 + e) * (s == e % 6 ? 1.5 : 1);
            const char *year = cck_arena_printf(f->src[s]->arena, "%zu", 2018 + (e + s) % 6);
            add(f, s, e % 30, ent, "population", year, (spec)NUMX(pop, pop, 100, s % 2, 0));
            char d[8];
            snprintf(d, sizeof d, "%zu", 1800 + e + (s == 5 && e % 3 == 0));
            const char *dd = cck_arena_strdup(f->src[s]->arena, d);
            add(f, s, e % 30 + 1, ent, "founded", NULL, (spec)DATE(dd, dd));
            add(f, s, e % 30 + 2, ent, "length", NULL,
                (spec)MEAS(100.0 + e + (s % 3) * 7, 1, "m", s == 0));
        }
    }
    size_t big = cck_rec_tolerances.pair_cap * 2 + 5;
    for (size_t i = 0; i < big; i++) {
        double x = i % 17 == 5 ? 9000 : 1000 + i % 3;
        add(f, i % 6, i % 37, "Big", "n", NULL, (spec)NUMX(x, x, 10, i % 2, 0));
    }
    for (size_t y = 0; y < 5; y++)
        add(f, 2, 30 + y, "Series", "gdp", cck_arena_printf(f->src[2]->arena, "%zu", 2019 + y),
            (spec)NUM(40.0 + y * 3, 40.0 + y * 3, 0.1));
}

/* Everything grouping decides, as text: groups in order with their claims,
 * favoured claim and note, then the trust of each source as exact bits. */
static char *group_snapshot(const cck_corpus *c)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m);
    for (size_t i = 0; i < c->ngroups; i++) {
        const cck_group *g = &c->groups[i];
        fprintf(m, "%s|%s|%s|%d|%zu|%s|%zu:%zu|", g->entity, g->attribute,
                g->as_of ? g->as_of : "-", (int)g->status, g->nsources, g->note,
                g->favoured ? (size_t)(g->favoured->src->path[1] - '0') : 99,
                g->favoured ? (size_t)g->favoured->index : 0);
        for (size_t j = 0; j < g->nclaims; j++)
            fprintf(m, " %c%zu", g->claims[j]->src->path[1], (size_t)g->claims[j]->index);
        fputc('\n', m);
    }
    for (size_t s = 0; s < c->nsources; s++)
        fprintf(m, "trust %zu %a\n", s, c->sources[s]->trust);
    fclose(m);
    return buf;
}

/* cck_rec_group_n(): the same groups, notes, trust and diagnostics on any
 * number of threads. */
static void test_group_any_number_of_jobs(void)
{
    fixture f;
    busy(&f);
    for (size_t i = 0; i < f.n; i++)
        cck_corpus_add(&f.c, f.src[i]);
    cck_rec_group_n(&f.c, 1);
    char *one = group_snapshot(&f.c);
    size_t ndiags = f.c.diags.n;
    cck_corpus_free(&f.c);
    /* the baseline is a real mix */
    CU_ASSERT_PTR_NOT_NULL(strstr(one, "Big|n|-|2|6|conflict: "));
    CU_ASSERT_PTR_NOT_NULL(strstr(one, "|founded|-|1|"));
    CU_ASSERT_PTR_NOT_NULL(strstr(one, "|population|-|2|"));
    CU_ASSERT_PTR_NOT_NULL(strstr(one, "Series|gdp|"));
    CU_ASSERT_PTR_NULL(strstr(one, "trust 0 0x1.999999999999ap-1\n")); /* moved off 0.8 */

    static const unsigned jobs[] = {2, 3, 8, 64, 1000};
    for (size_t k = 0; k < sizeof jobs / sizeof *jobs; k++) {
        busy(&f);
        for (size_t i = 0; i < f.n; i++)
            cck_corpus_add(&f.c, f.src[i]);
        cck_rec_group_n(&f.c, jobs[k]);
        char *got = group_snapshot(&f.c);
        CU_ASSERT_STRING_EQUAL(got, one);
        CU_ASSERT_EQUAL(f.c.diags.n, ndiags);
        free(got);
        cck_corpus_free(&f.c);
    }
    free(one);
}

/* busy()'s corpus and three subjects of 300 claims in source order, each
 * with outliers and one claim alone without a bound, at its end, its start
 * or its middle: that claim is favoured, and its row of the agree matrix
 * gives its note's count of sources, so a slice of rows left out or
 * misplaced shows. */
static const char *const huge[] = {"Huge end", "Huge start", "Huge middle"};

static void busy_and_big(fixture *f)
{
    busy(f);
    static const size_t plain[] = {299, 0, 150};
    for (size_t h = 0; h < 3; h++)
        for (size_t i = 0; i < 300; i++) {
            double x = i % 41 == 7 ? 5000 : 2000 + i % 5;
            cck_bound b = i == plain[h] ? CCK_BOUND_NONE : CCK_BOUND_LOWER;
            add(f, i / 50, 100 + (i % 50) * 10, huge[h], "n", NULL, (spec)NUMX(x, x, 10, 0, b));
        }
    for (size_t i = 0; i < f->n; i++)
        cck_corpus_add(&f->c, f->src[i]);
}

/* The big subjects, whose rows and claims are spread over the threads
 * (cck_rec_big_work lowered so that these count): the groups, notes and
 * trust of one thread, for pair_caps whose rows fill a word (64), share
 * words in eights (24) or straddle them (7). */
static void test_group_big_subjects(void)
{
    size_t cap = cck_rec_tolerances.pair_cap, big_work = cck_rec_big_work;
    size_t par_min = cck_rec_par_min;
    static const size_t caps[] = {64, 24, 7};
    for (size_t ci = 0; ci < sizeof caps / sizeof *caps; ci++) {
        cck_rec_tolerances.pair_cap = caps[ci];
        fixture f;
        busy_and_big(&f);
        cck_rec_group_n(&f.c, 1);
        CU_ASSERT_EQUAL(cck_rec_big_subjects, 0);
        for (size_t h = 0; h < 3; h++) {
            const cck_group *g = find(&f.c, huge[h], "n", NULL);
            CU_ASSERT_PTR_NOT_NULL_FATAL(g);
            CU_ASSERT_EQUAL(g->status, CCK_GROUP_CONFLICT);
            CU_ASSERT_EQUAL(g->nclaims, 300);
            CU_ASSERT_EQUAL(g->favoured->bound, CCK_BOUND_NONE);
        }
        char *one = group_snapshot(&f.c);
        cck_corpus_free(&f.c);
        /* as shipped, nothing in this corpus is big enough */
        busy_and_big(&f);
        cck_rec_group_n(&f.c, 2);
        CU_ASSERT_EQUAL(cck_rec_big_subjects, 0);
        cck_corpus_free(&f.c);
        static const unsigned jobs[] = {2, 3, 4, 8};
        for (size_t k = 0; k < sizeof jobs / sizeof *jobs; k++) {
            /* no floor on a big subject's work, so that the three huge
             * subjects (and the busiest other) have a run's work and go
             * big, cut into the most slices the jobs allow (jobs * 4, or
             * fewer word-aligned ones when rows share a word) */
            cck_rec_big_work = 1;
            cck_rec_par_min = 1;
            busy_and_big(&f);
            cck_rec_group_n(&f.c, jobs[k]);
            cck_rec_big_work = big_work;
            cck_rec_par_min = par_min;
            CU_ASSERT_TRUE(cck_rec_big_subjects >= 3);   /* the three at least */
            char *got = group_snapshot(&f.c);
            CU_ASSERT_STRING_EQUAL(got, one);
            free(got);
            cck_corpus_free(&f.c);
        }
        free(one);
    }
    cck_rec_tolerances.pair_cap = cap;
}

/* ---- the compact working forms, against the straightforward computation -- */

/* The alias key grouping uses (cck_rec_fold, then ASCII lower case). */
static char *key_fold(cck_arena *a, const char *entity)
{
    char *f = cck_rec_fold(a, entity, strlen(entity));
    for (char *p = f; *p; p++)
        if (*p >= 'A' && *p <= 'Z')
            *p = (char)(*p - 'A' + 'a');
    return f;
}

static int rank_of(cck_group_status s)
{
    return s == CCK_GROUP_CONFLICT ? 0 : s == CCK_GROUP_CONSISTENT ? 1 : 2;
}

static bool alone_group(const cck_group *g)
{
    return g->nclaims == 1 && (g->claims[0]->unclear || g->claims[0]->denied);
}

/* The groups in the order of a stable sort by (status, folded entity,
 * attribute, as_of) of the claims reported alone (in corpus order)
 * followed by the subjects: checked pair by pair. Claims alone share keys
 * with subjects and with each other, fall between subjects, before the
 * first and after the last, in entities that fold alike. */
static void test_group_order_with_alone(void)
{
    fixture f;
    fx_init(&f, 4);
    static const char *const ents[] = {"Alpha", "ALPHA", "Beta", "beta", "Gamma", "Omega"};
    static const char *const attrs[] = {"n", "m", "founded"};
    size_t nclaims = 0;
    for (size_t i = 0; i < 90; i++) {
        const char *e = ents[(i * 7) % 6], *a = attrs[(i / 5) % 3];
        double x = 100 + (double)((i * 13) % 3) * 50;
        cck_claim *c = add(&f, i % 4, i % 37, e, a, i % 11 == 0 ? "2001" : NULL,
                           (spec)NUM(x, x, 1));
        if (i % 5 == 1)
            c->unclear = true;
        if (i % 9 == 4)
            c->denied = true;
        nclaims++;
    }
    /* single subjects sharing their key with claims alone */
    add(&f, 2, 5, "Kappa", "n", NULL, (spec)NUM(3, 3, 1))->unclear = true;
    add(&f, 1, 5, "Kappa", "n", NULL, (spec)NUM(4, 4, 1));
    add(&f, 0, 5, "kappa", "n", NULL, (spec)NUM(5, 5, 1))->denied = true;
    add(&f, 0, 7, "Kappa", "n", NULL, (spec)NUM(5, 5, 1))->unclear = true;
    add(&f, 3, 5, "Lambda", "n", "1999", (spec)NUM(4, 4, 1));
    add(&f, 3, 6, "Lambda", "n", "1999", (spec)NUM(4, 4, 1))->unclear = true;
    nclaims += 6;
    /* keys only claims alone have, first and last */
    add(&f, 3, 1, "Aardvark", "n", NULL, (spec)NUM(1, 1, 1))->unclear = true;
    add(&f, 0, 2, "Zulu", "n", NULL, (spec)NUM(1, 1, 1))->denied = true;
    add(&f, 1, 2, "Zulu", "n", NULL, (spec)NUM(2, 2, 1))->unclear = true;
    fx_run(&f);
    cck_arena *a = cck_arena_new();
    size_t total = 0, nalone = 0;
    for (size_t i = 0; i < f.c.ngroups; i++) {
        total += f.c.groups[i].nclaims;
        nalone += alone_group(&f.c.groups[i]);
    }
    CU_ASSERT_EQUAL(total, nclaims + 3);
    CU_ASSERT_TRUE(nalone > 20);
    for (size_t i = 1; i < f.c.ngroups; i++) {
        const cck_group *x = &f.c.groups[i - 1], *y = &f.c.groups[i];
        int r = rank_of(x->status) - rank_of(y->status);
        if (!r)
            r = strcmp(key_fold(a, x->entity), key_fold(a, y->entity));
        if (!r)
            r = strcmp(x->attribute, y->attribute);
        if (!r)
            r = (y->as_of == NULL) - (x->as_of == NULL);
        if (!r && x->as_of && y->as_of)
            r = strcmp(x->as_of, y->as_of);
        CU_ASSERT_TRUE(r <= 0);
        if (r)
            continue;
        /* one key: the claims alone first, in corpus order */
        CU_ASSERT_TRUE(alone_group(x));
        if (alone_group(y)) {
            const cck_claim *cx = x->claims[0], *cy = y->claims[0];
            int sx = cx->src->path[1] - '0', sy = cy->src->path[1] - '0';
            CU_ASSERT_TRUE(sx < sy || (sx == sy && cx->index < cy->index));
        }
    }
    CU_ASSERT_STRING_EQUAL(f.c.groups[f.c.ngroups - 1].entity, "Zulu");
    CU_ASSERT_TRUE(f.c.groups[f.c.ngroups - 1].claims[0]->unclear);
    CU_ASSERT_TRUE(f.c.groups[f.c.ngroups - 2].claims[0]->denied);
    cck_arena_free(a);
    cck_corpus_free(&f.c);
}

/* Distinct sources among the first lim claims of g that agree (or, with
 * agree false, disagree) with claim k, from cck_rec_agree() pair by pair:
 * what the packed agree rows must give. */
static size_t voices(const cck_group *g, size_t k, size_t lim, bool agree)
{
    size_t n = 0;
    const cck_source *last = NULL;
    for (size_t j = 0; j < lim && j < g->nclaims; j++) {
        bool ok = j == k || cck_rec_agree(g->claims[k], g->claims[j]);
        if (ok == agree && g->claims[j]->src != last) {
            n++;
            last = g->claims[j]->src;
        }
    }
    return n;
}

/* Subjects of 2 to 16 claims under a small pair_cap, so that their rows of
 * agreement bits straddle words and their matrices sit side by side: the
 * status, the counts in the notes and the notes themselves (each text kept
 * once) must be those of the pairwise computation. */
static void test_group_agree_rows(void)
{
    size_t cap = cck_rec_tolerances.pair_cap;
    cck_rec_tolerances.pair_cap = 7;
    fixture f;
    fx_init(&f, 6);
    size_t nsubj = 60;
    for (size_t e = 0; e < nsubj; e++) {
        const char *ent = cck_arena_printf(f.src[0]->arena, "Place %03zu", e);
        size_t n = 2 + (e * 5) % 15;
        for (size_t i = 0; i < n; i++) {
            unsigned h = (unsigned)((e * 31 + i * 17) % 23);
            double x = 1000 + (h % 4) * 40;
            add(&f, (i + e) % 6, (i * 3 + e) % 37, ent, "n", NULL,
                (spec)NUMX(x, x, 10, h % 5 == 0, 0));
        }
    }
    fx_run(&f);
    CU_ASSERT_EQUAL_FATAL(f.c.ngroups, nsubj);
    size_t conflicts = 0, consistent = 0;
    for (size_t i = 0; i < f.c.ngroups; i++) {
        const cck_group *g = &f.c.groups[i];
        size_t n = g->nclaims, lim = n < 7 ? n : 7;
        bool any = false;
        for (size_t x = 0; x < n; x++)
            for (size_t y = x + 1; y < n; y++)
                any = any || !cck_rec_agree(g->claims[x], g->claims[y]);
        CU_ASSERT_EQUAL(g->status == CCK_GROUP_CONFLICT, any);
        size_t k = 0;
        while (k < n && g->claims[k] != g->favoured)
            k++;
        CU_ASSERT_FATAL(k < n);
        char want[160];
        if (g->status == CCK_GROUP_CONFLICT) {
            conflicts++;
            size_t agree = voices(g, k, lim, true), dissent = voices(g, k, lim, false);
            snprintf(want, sizeof want, ": %zu source%s agree%s within tolerance", agree,
                     agree == 1 ? "" : "s", agree == 1 ? "s" : "");
            CU_ASSERT_PTR_NOT_NULL(strstr(g->note, want));
            snprintf(want, sizeof want, "; %zu dissent%s (", dissent, dissent == 1 ? "s" : "");
            CU_ASSERT_PTR_NOT_NULL(strstr(g->note, want));
        } else {
            consistent += g->status == CCK_GROUP_CONSISTENT;
            snprintf(want, sizeof want, "consistent: %zu sources (%zu claims) agree; ",
                     g->nsources, n);
            if (g->status == CCK_GROUP_CONSISTENT)
                CU_ASSERT_EQUAL(strncmp(g->note, want, strlen(want)), 0);
        }
        /* a note's text is kept once: the same text is the same string */
        for (size_t j = 0; j < i; j++)
            CU_ASSERT_EQUAL(!strcmp(f.c.groups[j].note, g->note),
                            f.c.groups[j].note == g->note);
    }
    CU_ASSERT_TRUE(conflicts > 5);
    CU_ASSERT_TRUE(consistent > 2);
    cck_corpus_free(&f.c);
    cck_rec_tolerances.pair_cap = cap;
}

/* With pair_cap 0 every group goes to the envelope check, single claims
 * included. */
static void test_group_no_pairs(void)
{
    size_t cap = cck_rec_tolerances.pair_cap;
    cck_rec_tolerances.pair_cap = 0;
    fixture f;
    fx_init(&f, 3);
    add(&f, 0, 0, "Solo", "n", NULL, (spec)NUM(10, 10, 1));
    for (size_t i = 0; i < 3; i++)
        add(&f, i, 5, "Trio", "n", NULL, (spec)NUM(10.0 + 10 * (i == 2), 10.0 + 10 * (i == 2), 1));
    fx_run(&f);
    cck_rec_tolerances.pair_cap = cap;
    CU_ASSERT_EQUAL_FATAL(f.c.ngroups, 2);
    CU_ASSERT_EQUAL(f.c.groups[0].status, CCK_GROUP_CONFLICT);
    CU_ASSERT_STRING_EQUAL(f.c.groups[0].entity, "Trio");
    CU_ASSERT_EQUAL(f.c.groups[1].status, CCK_GROUP_SINGLE);
    CU_ASSERT_STRING_EQUAL(f.c.groups[1].note, "single: one claim");
    cck_corpus_free(&f.c);
}

/* Past cck_rec_group_limit claims (2^32 - 1: 32-bit positions) grouping
 * refuses with one error diagnostic and no groups; at the limit it works. */
static void test_group_limit(void)
{
    size_t limit = cck_rec_group_limit;
    CU_ASSERT_EQUAL(limit, 4294967295u);
    for (size_t at = 4; at <= 5; at++) {
        fixture f;
        fx_init(&f, 2);
        for (size_t i = 0; i < 5; i++)
            add(&f, i % 2, i, "Limit", "n", NULL, (spec)NUM(10, 10, 1))->unclear = i == 4;
        add(&f, 0, 9, "", "n", NULL, (spec)NUM(10, 10, 1));   /* no subject: not counted */
        cck_rec_group_limit = at;
        fx_run(&f);
        cck_rec_group_limit = limit;
        if (at == 4) {
            CU_ASSERT_EQUAL(f.c.ngroups, 0);
            CU_ASSERT_PTR_NULL(f.c.groups);
            CU_ASSERT_EQUAL(cck_diags_count(&f.c.diags, CCK_SEV_ERROR), 1);
            CU_ASSERT_EQUAL_FATAL(f.c.diags.n, 1);
            CU_ASSERT_PTR_NOT_NULL(strstr(f.c.diags.v[0].msg, "too many claims to group: 5 "));
        } else {
            CU_ASSERT_EQUAL(f.c.ngroups, 2);
            CU_ASSERT_EQUAL(cck_diags_count(&f.c.diags, CCK_SEV_NOTE), 0);
        }
        cck_corpus_free(&f.c);
    }
}

/* ---- the serial steps on threads ----------------------------------------- */

/* An element for the sort tests: a key with ties, and its first position. */
typedef struct {
    int key;
    unsigned pos;
    char pad[4];   /* 12 bytes: not a word size, so the merge copies bytes */
} elem;

static int by_key(const void *pa, const void *pb)
{
    const elem *x = pa, *y = pb;
    return (x->key > y->key) - (x->key < y->key);
}

/* The key, then the position: a total order. */
static int by_key_pos(const void *pa, const void *pb)
{
    int r = by_key(pa, pb);
    if (r)
        return r;
    const elem *x = pa, *y = pb;
    return (x->pos > y->pos) - (x->pos < y->pos);
}

/* cck_rec_psort() on inputs sorted, reversed, all of one key, a few keys,
 * sawtooth and scattered, of 0 to a few hundred elements, with slices of
 * one element up (so that there are more threads than elements, and
 * slices and merge pieces of none): with a total order exactly qsort()'s
 * order; with ties sorted, and a permutation of the input. */
static void test_group_psort(void)
{
    size_t min = cck_rec_par_min;
    static const size_t sizes[] = {0, 1, 2, 3, 5, 8, 17, 64, 1000};
    static const size_t mins[] = {1, 3};
    static const unsigned jobs_of[] = {1, 2, 3, 5, 8};
    size_t runs = 0;
    for (int shape = 0; shape < 6; shape++)
        for (size_t si = 0; si < sizeof sizes / sizeof *sizes; si++) {
            size_t n = sizes[si];
            elem *in = calloc(n + 1, sizeof *in), *want = calloc(n + 1, sizeof *want);
            elem *got = calloc(n + 1, sizeof *got);
            CU_ASSERT_PTR_NOT_NULL_FATAL(in && want && got);
            for (size_t i = 0; i < n; i++) {
                unsigned x = (unsigned)i;
                in[i].key = shape == 0   ? (int)x
                            : shape == 1 ? (int)(n - x)
                            : shape == 2 ? 7
                            : shape == 3 ? (int)(x * 2654435761u % 3)
                            : shape == 4 ? (int)(x % 5)
                                         : (int)(x * 2654435761u % 1000);
                in[i].pos = x;
                memcpy(in[i].pad, "abc", 4);
            }
            memcpy(want, in, n * sizeof *in);
            qsort(want, n, sizeof *want, by_key_pos);
            for (size_t mi = 0; mi < sizeof mins / sizeof *mins; mi++)
                for (size_t ji = 0; ji < sizeof jobs_of / sizeof *jobs_of; ji++) {
                    unsigned jobs = jobs_of[ji];
                    cck_rec_par_min = mins[mi];
                    memcpy(got, in, n * sizeof *in);
                    cck_rec_psort(got, n, sizeof *got, by_key_pos, jobs);
                    CU_ASSERT_EQUAL(memcmp(got, want, n * sizeof *got), 0);
                    /* ties: in key order, every position once */
                    memcpy(got, in, n * sizeof *in);
                    cck_rec_psort(got, n, sizeof *got, by_key, jobs);
                    unsigned char *seen = calloc(n + 1, 1);
                    bool ok = true;
                    for (size_t i = 0; i < n; i++) {
                        ok = ok && (i == 0 || got[i - 1].key <= got[i].key);
                        ok = ok && got[i].pos < n && !seen[got[i].pos]++ &&
                             got[i].key == in[got[i].pos].key && !strcmp(got[i].pad, "abc");
                    }
                    CU_ASSERT_TRUE(ok);
                    free(seen);
                    runs++;
                }
            free(in);
            free(want);
            free(got);
        }
    cck_rec_par_min = min;
    CU_ASSERT_EQUAL(runs, 6 * 9 * 2 * 5);
    /* the slices: one for one job or a small input, at most four a thread */
    cck_rec_par_min = 10;
    CU_ASSERT_EQUAL(cck_rec_slices(1, 1000), 1);
    CU_ASSERT_EQUAL(cck_rec_slices(2, 0), 1);
    CU_ASSERT_EQUAL(cck_rec_slices(2, 9), 1);
    CU_ASSERT_EQUAL(cck_rec_slices(2, 30), 3);
    CU_ASSERT_EQUAL(cck_rec_slices(2, 1000), 8);
    CU_ASSERT_EQUAL(cck_rec_slices(1000, 100000), 1024);
    cck_rec_par_min = min;
}

static void count_task(void *ctx, size_t k)
{
    unsigned char *hits = ctx;
    hits[k]++;   /* each task only its own byte */
}

/* cck_rec_spread(): every task once, for any number of jobs and tasks. */
static void test_group_spread(void)
{
    static const size_t counts[] = {0, 1, 2, 7, 1000};
    for (size_t c = 0; c < sizeof counts / sizeof *counts; c++)
        for (unsigned jobs = 0; jobs <= 9; jobs++) {
            size_t n = counts[c];
            unsigned char *hits = calloc(n + 1, 1);
            cck_rec_spread(jobs == 9 ? 300 : jobs, n, count_task, hits);
            size_t once = 0;
            for (size_t k = 0; k < n; k++)
                once += hits[k] == 1;
            CU_ASSERT_EQUAL(once, n);
            CU_ASSERT_EQUAL(hits[n], 0);
            free(hits);
        }
}

/* A corpus for the threaded steps: entities that fold alike across
 * sources ("Port Ash", "PORT ASH", "port-ash"), claims of one family at the
 * same place in one source (told apart only by their index), dated
 * figures old enough to keep their own subject after undated ones (so a
 * family is sorted again), claims alone sharing keys with subjects, and
 * a source with no claims at all. */
static void tied(fixture *f)
{
    fx_init(f, 6);
    static const char *const ents[] = {"Port Ash", "PORT ASH", "port-ash", "Elm", "Oak",
                                       "Zinc", "Ash"};
    static const char *const attrs[] = {"population", "founded", "length", "n"};
    for (size_t i = 0; i < 700; i++) {
        size_t s = (i * 5) % 6;
        if (s == 3)
            s = i % 2 ? 1 : 4;   /* source 3 stays empty */
        const char *e = ents[(i * 3) % 7], *a = attrs[(i / 7) % 4];
        const char *year = i % 4 == 0 ? NULL
                           : cck_arena_printf(f->src[s]->arena, "%zu", 1990 + (i * 7) % 34);
        double x = 1000 + (double)((i * 11) % 4) * (i % 9 == 0 ? 700 : 5);
        cck_claim *c = add(f, s, (i * 13) % 29, e, a, year, (spec)NUMX(x, x, 10, i % 3 == 0, 0));
        if (i % 17 == 2)
            c->unclear = true;
        if (i % 23 == 5)
            c->denied = true;
    }
}

/* The steps before judging on threads (counts, items, sorts, subjects,
 * ranges, the claims alone, the order of work, the groups' assembly):
 * the same groups, notes and trust for jobs 1 to 8 with slices down to one
 * element, on a corpus full of ties and on busy()'s. */
static void test_group_threaded_steps(void)
{
    size_t min = cck_rec_par_min;
    void (*corpora[2])(fixture *) = {tied, busy};
    for (size_t k = 0; k < 2; k++) {
        fixture f;
        corpora[k](&f);
        fx_run(&f);
        char *one = group_snapshot(&f.c);
        size_t ngroups = f.c.ngroups, ndiags = f.c.diags.n, from3 = 0;
        for (size_t i = 0; i < f.c.ngroups; i++)
            for (size_t j = 0; j < f.c.groups[i].nclaims; j++)
                from3 += f.c.groups[i].claims[j]->src == f.src[3];
        CU_ASSERT_TRUE(k != 0 || from3 == 0);   /* tied() leaves source 3 empty */
        cck_corpus_free(&f.c);
        CU_ASSERT_TRUE(ngroups > 30);
        if (k == 0) {
            /* the mix the test means */
            CU_ASSERT_PTR_NOT_NULL(strstr(one, "Port Ash|population|-|"));
            CU_ASSERT_PTR_NOT_NULL(strstr(one, "|population|1990|"));
            CU_ASSERT_PTR_NOT_NULL(strstr(one, "not compared: the text quotes"));
            CU_ASSERT_PTR_NOT_NULL(strstr(one, "not compared: the text does not say"));
        }
        /* busy()'s big group makes it slow under valgrind: slices of one only */
        static const size_t mins[] = {1, 2, 5};
        for (size_t mi = 0; mi < (k == 0 ? sizeof mins / sizeof *mins : 1); mi++)
            for (unsigned jobs = 1; jobs <= 8; jobs++) {
                cck_rec_par_min = mins[mi];
                corpora[k](&f);
                for (size_t i = 0; i < f.n; i++)
                    cck_corpus_add(&f.c, f.src[i]);
                cck_rec_group_n(&f.c, jobs);
                cck_rec_par_min = min;
                char *got = group_snapshot(&f.c);
                CU_ASSERT_STRING_EQUAL(got, one);
                CU_ASSERT_EQUAL(f.c.ngroups, ngroups);
                CU_ASSERT_EQUAL(f.c.diags.n, ndiags);
                free(got);
                cck_corpus_free(&f.c);
            }
        free(one);
    }
}

static CU_TestInfo group_tests[] = {
    {"interval_numbers", test_interval_numbers},
    {"interval_dates", test_interval_dates},
    {"agree_table", test_agree_table},
    {"agree_coordinate_decimals", test_agree_coordinate_decimals},
    {"group_status", test_group_status},
    {"group_order", test_group_order},
    {"group_keys", test_group_keys},
    {"group_as_of", test_group_as_of},
    {"group_favoured", test_group_favoured},
    {"group_articles", test_group_articles},
    {"group_large", test_group_large},
    {"group_big_subjects", test_group_big_subjects},
    {"group_unclear_alone", test_group_unclear_alone},
    {"group_causes", test_group_causes},
    {"group_trust", test_group_trust},
    {"group_copies", test_group_copies},
    {"group_series", test_group_series},
    {"group_comments_and_denials", test_group_comments_and_denials},
    {"group_empty", test_group_empty},
    {"group_any_number_of_jobs", test_group_any_number_of_jobs},
    {"group_order_with_alone", test_group_order_with_alone},
    {"group_agree_rows", test_group_agree_rows},
    {"group_no_pairs", test_group_no_pairs},
    {"group_limit", test_group_limit},
    {"group_psort", test_group_psort},
    {"group_spread", test_group_spread},
    {"group_threaded_steps", test_group_threaded_steps},
    CU_TEST_INFO_NULL,
};

void cck_suite_group(void);
void cck_suite_group(void)
{
    CCK_ADD_SUITE("group", group_tests);
}
