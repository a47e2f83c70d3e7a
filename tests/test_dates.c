/* test_dates.c: the dates extractor (extractors/date.c), table-driven:
 * each row is a sentence, the span expected as written, its ISO ends and
 * its approx/bound flags. Sentences are written for these tests. */
#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "reldate.h"
#include "tests.h"

void cck_suite_dates(void);

static int by_strength(const void *pa, const void *pb)
{
    const cck_cand *a = pa, *b = pb;
    size_t la = a->claim.end - a->claim.start, lb = b->claim.end - b->claim.start;
    if (la != lb)
        return la > lb ? -1 : 1;
    return (a->priority < b->priority) - (a->priority > b->priority);
}

/* The candidates of the dates family over the whole text, overlaps resolved
 * as the driver does (longest wins, then priority). Caller frees. */
static cck_cands scan_dates_opts(const char *text, size_t len, const cck_ext_opts *o);

static cck_cands scan_dates(const char *text, size_t len)
{
    return scan_dates_opts(text, len, NULL);
}

static cck_cands scan_dates_opts(const char *text, size_t len, const cck_ext_opts *o)
{
    cck_cands c = {0};
    char err[256];
    CU_ASSERT_FATAL(cck_ext_dates_init(err, sizeof err) == CCK_OK);
    cck_source *s = cck_source_from_memory("t.txt", text, len);
    cck_matcher *m = cck_matcher_new();
    cck_diags d;
    cck_diags_init(&d);
    cck_scan sc = {s, NULL, s->bytes, 0, s->len, m, &d, NULL, o, NULL};
    cck_ext_dates(&sc, &c);
    /* keep the strongest non-overlapping candidates */
    if (c.n)
        qsort(c.v, c.n, sizeof *c.v, by_strength);
    size_t kept = 0;
    for (size_t i = 0; i < c.n; i++) {
        bool clash = false;
        for (size_t k = 0; k < kept; k++)
            clash |= c.v[i].claim.start < c.v[k].claim.end &&
                     c.v[k].claim.start < c.v[i].claim.end;
        if (!clash)
            c.v[kept++] = c.v[i];
    }
    c.n = kept;
    cck_diags_free(&d);
    cck_matcher_free(m);
    cck_source_free(s);
    return c;
}

static const cck_claim *find_span(const cck_cands *c, size_t start, size_t end)
{
    for (size_t i = 0; i < c->n; i++)
        if (c->v[i].claim.start == start && c->v[i].claim.end == end)
            return &c->v[i].claim;
    return NULL;
}

typedef struct {
    const char *text;
    const char *span; /* expected span as written; must occur once in text */
    const char *lo, *hi;
    bool approx;
    cck_bound bound;
} date_row;

static void check_rows(const date_row *rows, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const date_row *r = &rows[i];
        cck_cands c = scan_dates(r->text, strlen(r->text));
        const char *at = strstr(r->text, r->span);
        CU_ASSERT_PTR_NOT_NULL_FATAL(at);
        size_t s = (size_t)(at - r->text), e = s + strlen(r->span);
        const cck_claim *cl = find_span(&c, s, e);
        if (!cl)
            fprintf(stderr, "\n  no date at \"%s\" in \"%s\"\n", r->span, r->text);
        CU_ASSERT_PTR_NOT_NULL(cl);
        if (cl) {
            CU_ASSERT_EQUAL(cl->kind, CCK_KIND_DATE);
            char lo[CCK_DATE_TEXT], hi[CCK_DATE_TEXT];
            cck_claim_date(cl, false, lo);
            cck_claim_date(cl, true, hi);
            CU_ASSERT_STRING_EQUAL(lo, r->lo);
            CU_ASSERT_STRING_EQUAL(hi, r->hi);
            CU_ASSERT_EQUAL(cl->approx, r->approx);
            CU_ASSERT_EQUAL(cl->bound, r->bound);
            CU_ASSERT_STRING_EQUAL(cck_claim_unit(cl), "");
            if (strcmp(lo, r->lo) || strcmp(hi, r->hi) ||
                cl->approx != r->approx || cl->bound != r->bound)
                fprintf(stderr, "\n  \"%s\": got %s..%s approx=%d bound=%d\n", r->span,
                        lo, hi, cl->approx, (int)cl->bound);
        }
        cck_cands_free(&c);
    }
}

#define NONE CCK_BOUND_NONE
#define UPPER CCK_BOUND_UPPER

static void test_years(void)
{
    static const date_row rows[] = {
        {"The bridge opened in 1931 after a long delay.", "1931", "1931", "1931", false, NONE},
        {"A chapel stood here as early as 1204.", "1204", "1204", "1204", false, NONE},
        {"(1876) was the year of the flood.", "1876", "1876", "1876", false, NONE},
        {"In 2100, the lease runs out.", "2100", "2100", "2100", false, NONE},
    };
    check_rows(rows, sizeof rows / sizeof rows[0]);
}

static void test_full_dates(void)
{
    static const date_row rows[] = {
        {"The treaty was signed on 14 March 1952 in the capital.", "14 March 1952",
         "1952-03-14", "1952-03-14", false, NONE},
        {"The plant restarted on March 3, 1964, after repairs.", "March 3, 1964",
         "1964-03-03", "1964-03-03", false, NONE},
        {"A fire broke out on April 22nd, 1958.", "April 22nd, 1958", "1958-04-22",
         "1958-04-22", false, NONE},
        {"The page was updated (2003-11-07) by the editors.", "2003-11-07", "2003-11-07",
         "2003-11-07", false, NONE},
        {"Work resumed on Sept. 9, 1971.", "Sept. 9, 1971", "1971-09-09", "1971-09-09",
         false, NONE},
        {"Leap day 29 February 1960 was a Monday.", "29 February 1960", "1960-02-29",
         "1960-02-29", false, NONE},
    };
    check_rows(rows, sizeof rows / sizeof rows[0]);
}

static void test_month_year(void)
{
    static const date_row rows[] = {
        {"The dam was finished in October 1966.", "October 1966", "1966-10", "1966-10", false,
         NONE},
        {"Talks collapsed in early March 1949.", "early March 1949", "1949-03-01", "1949-03-10",
         true, NONE},
        {"Snow closed the pass in mid-January 1972.", "mid-January 1972", "1972-01-11",
         "1972-01-20", true, NONE},
        {"The line closed in late February 1961.", "late February 1961", "1961-02-21",
         "1961-02-28", true, NONE},
    };
    check_rows(rows, sizeof rows / sizeof rows[0]);
}

static void test_ranges(void)
{
    static const date_row rows[] = {
        {"The mine was worked 1921–34 by a private firm.", "1921–34", "1921", "1934", false,
         NONE},
        {"The mine was worked 1921-34 by a private firm.", "1921-34", "1921", "1934", false,
         NONE},
        {"A drought lasted 1876–1879 across the plain.", "1876–1879", "1876", "1879", false,
         NONE},
        {"The league ran from 1903 to 1931 with eight clubs.", "1903 to 1931", "1903", "1931",
         false, NONE},
        {"The port was leased between 1898 and 1930 to a foreign power.",
         "between 1898 and 1930", "1898", "1930", false, NONE},
        {"Floods struck in 1987 and 1988, ruining two harvests.", "1987 and 1988", "1987",
         "1988", false, NONE},
        {"The siege lasted from 3 June 1942 to 9 August 1942.", "3 June 1942 to 9 August 1942",
         "1942-06-03", "1942-08-09", false, NONE},
        {"The strike ran between 2 May 1926 and 12 May 1926 nationwide.",
         "between 2 May 1926 and 12 May 1926", "1926-05-02", "1926-05-12", false, NONE},
        {"From July 4 to 19, 1936, the games were held.", "July 4 to 19, 1936", "1936-07-04",
         "1936-07-19", false, NONE},
        {"A sculptor, Anna Berg (1901–1978), made the statue.", "1901", "1901", "1901", false,
         NONE},
        {"A sculptor, Anna Berg (1901–1978), made the statue.", "1978", "1978", "1978", false,
         NONE},
        {"- Carl Olsen (3 April 1890 – 5 June 1961), painter", "3 April 1890", "1890-04-03",
         "1890-04-03", false, NONE},
        {"- Carl Olsen (3 April 1890 – 5 June 1961), painter", "5 June 1961", "1961-06-05",
         "1961-06-05", false, NONE},
        {"Talks ran 9–14 June 1955 in the hall.", "9–14 June 1955", "1955-06-09",
         "1955-06-14", false, NONE},
        {"Rationing lasted from May to September 1947.", "May to September 1947", "1947-05",
         "1947-09", false, NONE},
        {"The fair opened May 6–7, 1961 downtown.", "May 6–7, 1961", "1961-05-06",
         "1961-05-07", false, NONE},
        {"The mill ran from 1880 onward with steam power.", "from 1880 onward", "1880", "1880",
         false, NONE},
    };
    check_rows(rows, sizeof rows / sizeof rows[0]);
}

static void test_periods(void)
{
    static const date_row rows[] = {
        {"Trade grew during the 1880s along the coast.", "1880s", "1880", "1889", false, NONE},
        {"Trams vanished in the early 1970s.", "early 1970s", "1970", "1972", true, NONE},
        {"Output peaked in the mid-1930s.", "mid-1930s", "1934", "1936", true, NONE},
        {"The town shrank in the late 1880s.", "late 1880s", "1887", "1889", true, NONE},
        {"Rents rose in the mid to late 2000s.", "mid to late 2000s", "2004", "2009", true,
         NONE},
        {"The valley was farmed in the late 18th century.", "late 18th century", "1770", "1799",
         true, NONE},
        {"The style spread in the mid-19th century.", "mid-19th century", "1830", "1869", true,
         NONE},
        {"The club thrived in the late 40s and early 50s as never before.",
         "late 40s and early 50s", "1947", "1952", true, NONE},
        {"Prices held through the 1970s and early 1980s in the region.",
         "1970s and early 1980s", "1970", "1982", true, NONE},
        {"The yard was expanded in mid-2019 and again later.", "mid-2019", "2019-05", "2019-08",
         true, NONE},
        {"A survey in early 2021 found damage.", "early 2021", "2021-01", "2021-04", true, NONE},
        {"Repairs were done in late 2016 at last.", "late 2016", "2016-09", "2016-12", true,
         NONE},
        {"The survey ran in the spring of 1950 only.", "spring of 1950", "1950-03", "1950-05",
         true, NONE},
        {"Ice closed the bay in winter 1947 for weeks.", "winter 1947", "1947-12", "1948-02",
         true, NONE},
        {"From the 1920s to the 1940s the port grew.", "1920s to the 1940s", "1920", "1949",
         false, NONE},
        {"Jazz clubs thrived in the 1920s–30s downtown.", "1920s–30s", "1920", "1939", false,
         NONE},
        {"Prices rose in the 1970's and fell later.", "1970's", "1970", "1979", false, NONE},
        {"Life was hard in the 1800s for most.", "1800s", "1800", "1899", false, NONE},
    };
    check_rows(rows, sizeof rows / sizeof rows[0]);
}

static void test_prefixes(void)
{
    static const date_row rows[] = {
        {"The ferry has run since 1987 without a break.", "since 1987", "1987", "1987", false,
         NONE},
        {"It has been closed since the 1960s.", "since the 1960s", "1960", "1969", false, NONE},
        {"Imports have flowed since at least 2015 by rail.", "since at least 2015", "2015",
         "2015", true, UPPER},
        {"The yard was rebuilt by March 1953 with help.", "by March 1953", "1953-03", "1953-03",
         true, UPPER},
        {"By the mid-1960s, the canal was silted.", "By the mid-1960s", "1964", "1966", true,
         UPPER},
        {"By 1971, most farms had power.", "By 1971", "1971", "1971", true, UPPER},
        {"Before 1930 the road was unpaved.", "Before 1930", "1930", "1930", false, NONE},
        {"The tax was collected until 1906 by the governor.", "until 1906", "1906", "1906",
         false, NONE},
        {"The storm hit on 2 June 1934. The harbour was cleared by late July.",
         "by late July", "1934-07-21", "1934-07-31", true, UPPER},
        {"Output fell sharply, worsened by the 1931–1933 slump.", "1931–1933", "1931", "1933",
         false, NONE},
        {"Circa 1850 a mill stood on the bank.", "Circa 1850", "1850", "1850", true, NONE},
        {"The font (c. 1120) survives.", "c. 1120", "1120", "1120", true, NONE},
        {"A bridge was built around 1790 of stone.", "around 1790", "1790", "1790", true, NONE},
    };
    check_rows(rows, sizeof rows / sizeof rows[0]);
}

/* Texts where nothing, or nothing at some span, is a date. */
static void test_not_dates(void)
{
    static const struct {
        const char *text;
        const char *not_span; /* no date candidate may cover this text */
    } rows[] = {
        {"The camp held 2000 people at its peak.", "2000"},
        {"Some 1500 tonnes of ore left each week.", "1500"},
        {"The wall is 1200 km long.", "1200"},
        {"A population of 1,950,000 lived there.", "950"},
        {"The reading was 1950.5 on the gauge.", "1950"},
        {"Model X1950 was sold abroad.", "1950"},
        {"Costs reached $1999 per unit.", "1999"},
        {"The team scored 2000%.", "2000"},
        {"Estimates ran between 1000 and 6000 deaths.", "1000"},
        {"People in their 50s voted more.", "50s"},
        {"The code 1234567 is not a year.", "1234"},
        {"Call 555-1960 for tickets.", "1960"},
        {"The June 14 Youth League met.", "June 14"},
        {"In late June the river rose.", "late June"},
        {"The price was 3000 won per kilogram.", "3000"},
        {"See page 1945 of the ledger.", "1945"},
        {"The hamlet (pop. 1830) is small.", "1830"},
        {"Room 1204 was booked twice.", "1204"},
        {"It was 1500-2000 people strong.", "1500"},
        {"The army grew by 2000 soldiers that year.", "2000"},
        {"The wall ran for nearly 1900 metres.", "1900"},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        const char *t = rows[i].text;
        cck_cands c = scan_dates(t, strlen(t));
        const char *at = strstr(t, rows[i].not_span);
        CU_ASSERT_PTR_NOT_NULL_FATAL(at);
        size_t s = (size_t)(at - t), e = s + strlen(rows[i].not_span);
        for (size_t k = 0; k < c.n; k++) {
            bool overlap = c.v[k].claim.start < e && s < c.v[k].claim.end;
            if (overlap)
                fprintf(stderr, "\n  unexpected date in \"%s\"\n", t);
            CU_ASSERT_FALSE(overlap);
        }
        cck_cands_free(&c);
    }
}

/* Offsets are absolute and the scan stays inside [start, end). */
static void test_unit_bounds(void)
{
    const char *text = "1901 is outside. Inside: 1944 and then 1960 is outside too.";
    char err[256];
    CU_ASSERT_FATAL(cck_ext_dates_init(err, sizeof err) == CCK_OK);
    cck_source *s = cck_source_from_memory("t.txt", text, strlen(text));
    cck_matcher *m = cck_matcher_new();
    size_t us = 17, ue = (size_t)(strstr(text, " and") - text) + 4;
    cck_scan sc = {s, NULL, s->bytes, us, ue, m, NULL, NULL, NULL, NULL};
    cck_cands c = {0};
    cck_ext_dates(&sc, &c);
    CU_ASSERT_EQUAL(c.n, 1);
    if (c.n == 1) {
        CU_ASSERT_EQUAL(c.v[0].claim.start, 25);
        CU_ASSERT_EQUAL(c.v[0].claim.end, 29);
        CU_ASSERT_STRING_EQUAL(cck_claim_date(&c.v[0].claim, false, (char[CCK_DATE_TEXT]){0}), "1944");
        CU_ASSERT_EQUAL(c.v[0].priority, 10);
    }
    cck_cands_free(&c);
    cck_matcher_free(m);
    cck_source_free(s);
}

/* A table cell that opens with a year is the row's time key, not a claim;
 * a date later in a cell still counts. */
static void test_table_keys(void)
{
    const char *text = "| 1962 | 41,200 | rebuilt in 1958 |";
    char err[256];
    CU_ASSERT_FATAL(cck_ext_dates_init(err, sizeof err) == CCK_OK);
    cck_source *s = cck_source_from_memory("t.md", text, strlen(text));
    cck_matcher *m = cck_matcher_new();
    cck_unit u;
    memset(&u, 0, sizeof u);
    u.zone = CCK_ZONE_TABLE;
    u.start = 1, u.end = 7; /* " 1962 " */
    cck_scan sc = {s, &u, s->bytes, u.start, u.end, m, NULL, NULL, NULL, NULL};
    cck_cands c = {0};
    cck_ext_dates(&sc, &c);
    CU_ASSERT_EQUAL(c.n, 0);
    u.start = 17, u.end = 34; /* " rebuilt in 1958 " */
    sc.start = u.start, sc.end = u.end;
    cck_ext_dates(&sc, &c);
    CU_ASSERT_EQUAL(c.n, 1);
    if (c.n == 1)
        CU_ASSERT_STRING_EQUAL(cck_claim_date(&c.v[0].claim, false, (char[CCK_DATE_TEXT]){0}), "1958");
    cck_cands_free(&c);
    cck_matcher_free(m);
    cck_source_free(s);
}

/* Hostile inputs finish without a crash; the checks are on sanity only. */
static void test_pathological(void)
{
    size_t n = 100000;
    char *buf = cck_xmalloc(n * 5 + 16);
    memset(buf, '7', n);
    cck_cands c = scan_dates(buf, n);
    CU_ASSERT_EQUAL(c.n, 0);
    cck_cands_free(&c);

    for (size_t i = 0; i < 10000; i++)
        memcpy(buf + 5 * i, "1999-", 5);
    c = scan_dates(buf, 50000);
    CU_ASSERT_EQUAL(c.n, 0); /* "1999-1999-1999-...": a chain of digit groups, no date */
    for (size_t i = 0; i < c.n; i++)
        CU_ASSERT(c.v[i].claim.end <= 50000);
    cck_cands_free(&c);

    /* invalid UTF-8 around and inside dates: a barrier no match crosses */
    const char bad[] = "\xff\xfe 1961\xff in \xc3 May 6, 1961 \xe2\x80 1962\x80s \xed\xa0\x80";
    c = scan_dates(bad, sizeof bad - 1);
    bool found = false;
    for (size_t i = 0; i < c.n; i++)
        found |= strcmp(cck_claim_date(&c.v[i].claim, false, (char[CCK_DATE_TEXT]){0}), "1961-05-06") == 0;
    CU_ASSERT(found);
    cck_cands_free(&c);

    /* many month names and connectors without a year */
    size_t k = 0;
    while (k + 20 < n) {
        memcpy(buf + k, "late May to 3 - and ", 20);
        k += 20;
    }
    c = scan_dates(buf, k);
    CU_ASSERT_EQUAL(c.n, 0);
    cck_cands_free(&c);
    free(buf);
    cck_ext_dates_cleanup();
}

/* ---- the day calculator and relative dates (reldate.c) ---------------- */

static void test_calendar(void)
{
    CU_ASSERT_EQUAL(cck_rd_days(1970, 1, 1), 0);
    CU_ASSERT_EQUAL(cck_rd_days(2000, 3, 1), 11017);
    CU_ASSERT_EQUAL(cck_rd_days(1969, 12, 31), -1);
    /* every day from 1600 to 2400 goes there and back, one after another */
    long first = cck_rd_days(1600, 1, 1), last = cck_rd_days(2400, 12, 31);
    int py = 1599, pm = 12, pd = 31;
    bool ok = true;
    for (long z = first; z <= last && ok; z++) {
        int y, m, d;
        cck_rd_civil(z, &y, &m, &d);
        bool next = (y == py && m == pm && d == pd + 1) ||
                    (y == py && m == pm + 1 && d == 1 && pd == cck_rd_days_in(py, pm)) ||
                    (y == py + 1 && m == 1 && d == 1 && pm == 12 && pd == 31);
        ok = next && cck_rd_days(y, m, d) == z;
        if (!ok)
            fprintf(stderr, "\n  day %ld: %04d-%02d-%02d after %04d-%02d-%02d\n", z, y, m, d, py, pm, pd);
        py = y, pm = m, pd = d;
    }
    CU_ASSERT(ok);
    CU_ASSERT_EQUAL(cck_rd_days_in(1900, 2), 28);
    CU_ASSERT_EQUAL(cck_rd_days_in(2000, 2), 29);
    CU_ASSERT_EQUAL(cck_rd_days_in(2016, 2), 29);
    CU_ASSERT_EQUAL(cck_rd_weekday(cck_rd_days(2016, 11, 7)), 1); /* a Monday */
    CU_ASSERT_EQUAL(cck_rd_weekday(cck_rd_days(1970, 1, 1)), 4);
    CU_ASSERT_EQUAL(cck_rd_weekday(cck_rd_days(1969, 12, 28)), 7);
    /* months: the day is clamped to the month's end; years roll over */
    static const struct {
        int y, m, d, n, ey, em, ed;
    } mo[] = {{2018, 3, 31, 1, 2018, 4, 30},  {2016, 1, 31, 1, 2016, 2, 29},
              {2016, 3, 31, -1, 2016, 2, 29}, {2018, 10, 17, -2, 2018, 8, 17},
              {2016, 11, 7, 3, 2017, 2, 7},   {2017, 1, 15, -13, 2015, 12, 15},
              {1999, 12, 31, 0, 1999, 12, 31}, {2000, 2, 29, 12, 2001, 2, 28}};
    for (size_t i = 0; i < sizeof mo / sizeof mo[0]; i++) {
        int y, m, d;
        cck_rd_civil(cck_rd_add_months(cck_rd_days(mo[i].y, mo[i].m, mo[i].d), mo[i].n), &y, &m, &d);
        CU_ASSERT(y == mo[i].ey && m == mo[i].em && d == mo[i].ed);
    }
    long z = 0;
    CU_ASSERT(cck_rd_parse("2016-11-07T00:00:00", &z) && z == cck_rd_days(2016, 11, 7));
    CU_ASSERT_FALSE(cck_rd_parse("2016-02-30", &z));
    CU_ASSERT_FALSE(cck_rd_parse("2016-13-01", &z));
    CU_ASSERT_FALSE(cck_rd_parse("2016-1-07", &z));
    CU_ASSERT_FALSE(cck_rd_parse("", &z));
    CU_ASSERT_FALSE(cck_rd_parse(NULL, &z));
}

typedef struct {
    const char *text, *span, *lo, *hi;
} rel_row;

static void check_rel(const rel_row *rows, size_t n, const char *ref)
{
    cck_ext_opts o = {.mentions = true, .ref_date = ref};
    for (size_t i = 0; i < n; i++) {
        const rel_row *r = &rows[i];
        cck_cands c = scan_dates_opts(r->text, strlen(r->text), &o);
        const char *at = strstr(r->text, r->span);
        CU_ASSERT_PTR_NOT_NULL_FATAL(at);
        size_t s = (size_t)(at - r->text), e = s + strlen(r->span);
        const cck_claim *cl = find_span(&c, s, e);
        if (!cl) {
            fprintf(stderr, "\n  no date at \"%s\" in \"%s\" (ref %s):", r->span, r->text,
                    ref ? ref : "none");
            for (size_t k = 0; k < c.n; k++)
                fprintf(stderr, " [%.*s]", (int)(c.v[k].claim.end - c.v[k].claim.start),
                        r->text + c.v[k].claim.start);
            fprintf(stderr, "\n");
        }
        CU_ASSERT_PTR_NOT_NULL(cl);
        char lo[CCK_DATE_TEXT] = "", hi[CCK_DATE_TEXT] = "";
        if (cl) {
            cck_claim_date(cl, false, lo);
            cck_claim_date(cl, true, hi);
        }
        if (cl && (strcmp(lo, r->lo) || strcmp(hi, r->hi))) {
            fprintf(stderr, "\n  \"%s\" (ref %s): got %s..%s\n", r->span, ref ? ref : "none",
                    lo, hi);
            CU_FAIL("wrong value");
        }
        cck_cands_free(&c);
    }
}

/* Relative dates against a Thursday, 2019-01-31 (weeks run Monday to
 * Sunday): "this" is in this week, "next"/"last" in the next/last week,
 * "coming"/"past" the nearest one after/before the day. */
static void test_relative(void)
{
    static const rel_row thu[] = {
        {"We met this past wednesday.", "this past wednesday", "2019-01-30", "2019-01-30"},
        {"We met last wednesday.", "last wednesday", "2019-01-23", "2019-01-23"},
        {"We meet this upcoming friday.", "this upcoming friday", "2019-02-01", "2019-02-01"},
        {"We meet next friday.", "next friday", "2019-02-08", "2019-02-08"},
        {"We meet coming thursday.", "coming thursday", "2019-02-07", "2019-02-07"},
        {"We meet today.", "today", "2019-01-31", "2019-01-31"},
        {"We met yesterday.", "yesterday", "2019-01-30", "2019-01-30"},
        {"We meet next week on tuesday.", "next week on tuesday", "2019-02-05", "2019-02-05"},
        {"We met two days before yesterday.", "two days before yesterday", "2019-01-28", "2019-01-28"},
        {"We met one month ago.", "one month ago", "2018-12-31", "2018-12-31"},
        {"We meet 2 years 1 month 21 days later.", "2 years 1 month 21 days later", "2021-03-21",
         "2021-03-21"},
        {"We meet in a fortnight.", "in a fortnight", "2019-02-14", "2019-02-14"},
        {"We met the day before.", "the day before", "2019-01-30", "2019-01-30"},
        {"We meet next year.", "next year", "2020", "2020"},
        {"We met last month.", "last month", "2018-12", "2018-12"},
        {"We meet the month after the next.", "the month after the next", "2019-03", "2019-03"},
        {"We meet the second Monday of next month.", "the second Monday of next month",
         "2019-02-11", "2019-02-11"},
        {"We meet 2 weeks before may 13 1999.", "2 weeks before may 13 1999", "1999-04-29",
         "1999-04-29"},
        {"We meet 3 days after january 12th.", "3 days after january 12th", "2020-01-15",
         "2020-01-15"},
        {"We meet this quarter.", "this quarter", "2019-01", "2019-03"},
        {"We meet in four business days.", "in four business days", "2019-02-06", "2019-02-06"},
        /* holidays: with a year, the nearest one, and as the base of a duration */
        {"We met on easter 2018.", "easter 2018", "2018-04-01", "2018-04-01"},
        {"We met on easter 2000.", "easter 2000", "2000-04-23", "2000-04-23"},
        {"We meet on easter 2038.", "easter 2038", "2038-04-25", "2038-04-25"},
        {"We met last easter.", "last easter", "2018-04-01", "2018-04-01"},
        {"We meet next easter.", "next easter", "2019-04-21", "2019-04-21"},
        {"We meet 2 weeks before christmas.", "2 weeks before christmas", "2019-12-11", "2019-12-11"},
        {"We meet on Thanksgiving 2023.", "Thanksgiving 2023", "2023-11-23", "2023-11-23"},
        {"We met on black friday 2010.", "black friday 2010", "2010-11-26", "2010-11-26"},
        {"We met on labor day 2021.", "labor day 2021", "2021-09-06", "2021-09-06"},
    };
    check_rel(thu, sizeof thu / sizeof thu[0], "2019-01-31");
    /* with no reference day the phrase is still found, its value unknown */
    static const rel_row none[] = {
        {"We meet next friday.", "next friday", "XXXX-XX-XX", "XXXX-XX-XX"},
        {"We meet next year.", "next year", "XXXX", "XXXX"},
        {"We meet on December 27.", "December 27", "XXXX-12-27", "XXXX-12-27"},
        {"We meet in 2016 / 11.", "2016 / 11", "2016-11", "2016-11"},
    };
    check_rel(none, sizeof none / sizeof none[0], NULL);
}

/* Dates never take a fraction or a decimal; in claims mode only
 * all-digit dates with a year come from reldate.c, and "2010/11" (a
 * season) is none of them. */
static void test_not_fractions(void)
{
    cck_ext_opts mentions = {.mentions = true, .ref_date = "2016-11-07"};
    static const char *const texts[] = {"Add 3/4 of the water.", "Add 1/2 cup.", "It rose 4.22 m.",
                                        "It rose 1.5 m.", "Mix 2/3 sand and 1/3 clay."};
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        cck_cands c = scan_dates_opts(texts[i], strlen(texts[i]), &mentions);
        if (c.n)
            fprintf(stderr, "\n  a date in \"%s\"\n", texts[i]);
        CU_ASSERT_EQUAL(c.n, 0);
        cck_cands_free(&c);
    }
    static const char *const claims_none[] = {"It came on December 27.",
                                              "We met yesterday.", "It ran 11-2016 times.",
                                              "Due on 08/12,15 at noon."};
    for (size_t i = 0; i < sizeof claims_none / sizeof claims_none[0]; i++) {
        cck_cands c = scan_dates(claims_none[i], strlen(claims_none[i]));
        if (c.n)
            fprintf(stderr, "\n  a claims-mode date in \"%s\"\n", claims_none[i]);
        CU_ASSERT_EQUAL(c.n, 0);
        cck_cands_free(&c);
    }
    /* "2010/11" may be the year 2010 (date.c), never November 2010 */
    const char *season = "The 2010/11 season.";
    cck_cands cs = scan_dates(season, strlen(season));
    for (size_t i = 0; i < cs.n; i++)
        CU_ASSERT_STRING_NOT_EQUAL(cck_claim_date(&cs.v[i].claim, false, (char[CCK_DATE_TEXT]){0}), "2010-11");
    cck_cands_free(&cs);
    /* "11/2016" beats any number reading of the same text: a higher priority */
    const char *t = "Sold in 11/2016.";
    cck_cands c = scan_dates(t, strlen(t));
    CU_ASSERT_EQUAL_FATAL(c.n, 1);
    CU_ASSERT_STRING_EQUAL(cck_claim_date(&c.v[0].claim, false, (char[CCK_DATE_TEXT]){0}), "2016-11");
    CU_ASSERT(c.v[0].priority > 20);
    cck_cands_free(&c);
}

/* Nested phrases ("2 days from 2 days from ...") and runs of starter
 * words stay bounded in mentions mode: the scan ends and every span is
 * inside the text. */
static void test_relative_pathological(void)
{
    cck_ext_opts o = {.mentions = true, .ref_date = "2016-11-07"};
    static const char *const units[] = {"2 days from ", "from next monday to the 3rd of may between ",
                                        "in the ", "twenty twenty ", "may 5 to june 6 - 7/8 - "};
    size_t n = 64u << 10;
    char *buf = malloc(n);
    CU_ASSERT_PTR_NOT_NULL_FATAL(buf);
    for (size_t u = 0; u < sizeof units / sizeof units[0]; u++) {
        size_t k = 0, ul = strlen(units[u]);
        while (k + ul < n) {
            memcpy(buf + k, units[u], ul);
            k += ul;
        }
        cck_cands c = scan_dates_opts(buf, k, &o);
        for (size_t i = 0; i < c.n; i++)
            CU_ASSERT(c.v[i].claim.start < c.v[i].claim.end && c.v[i].claim.end <= k);
        cck_cands_free(&c);
    }
    free(buf);
}

static CU_TestInfo tests[] = {
    {"years", test_years},
    {"full dates", test_full_dates},
    {"month and year", test_month_year},
    {"ranges", test_ranges},
    {"decades and periods", test_periods},
    {"prefix words", test_prefixes},
    {"not dates", test_not_dates},
    {"unit bounds", test_unit_bounds},
    {"table time keys", test_table_keys},
    {"pathological inputs", test_pathological},
    {"day calculator", test_calendar},
    {"relative dates against a reference day", test_relative},
    {"fractions and decimals are no dates", test_not_fractions},
    {"relative dates: pathological inputs", test_relative_pathological},
    CU_TEST_INFO_NULL,
};

void cck_suite_dates(void)
{
    CCK_ADD_SUITE("dates", tests);
}
