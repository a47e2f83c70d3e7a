/* test_extract.c: the PCRE2 wrapper (limits, invalid UTF-8, empty-match
 * stepping) and the hedge mechanism shared by every numeric family. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "sources.h"
#include "tests.h"

static void test_regex_finds_numbers_across_invalid_utf8(void)
{
    char err[128];
    cck_re *re = cck_re_compile("\\d+\\.\\d+", 0, err, sizeof err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(re);
    cck_matcher *m = cck_matcher_new();
    static const char subject[] = "bad \xff\xfe then 3.5 and 12.25";
    size_t len = sizeof subject - 1, from = 0;
    size_t found[4][2];
    int n = 0;
    while (n < 4 && cck_re_match(m, re, subject, len, from, 0) == 1) {
        found[n][0] = cck_re_group_start(m, 0);
        found[n][1] = cck_re_group_end(m, 0);
        n++;
        from = cck_re_next(m, subject, len);
    }
    CU_ASSERT_EQUAL_FATAL(n, 2);
    CU_ASSERT_EQUAL(found[0][0], 12);
    CU_ASSERT_EQUAL(found[0][1], 15);
    CU_ASSERT_EQUAL(found[1][0], 20);
    CU_ASSERT_EQUAL(found[1][1], 25);
    CU_ASSERT_EQUAL(cck_re_group_start(m, 5), (size_t)-1);
    cck_matcher_free(m);
    cck_re_free(re);
}

static void test_regex_bad_pattern_reports(void)
{
    char err[128] = "";
    CU_ASSERT_PTR_NULL(cck_re_compile("(unclosed", 0, err, sizeof err));
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "pattern error"));
}

/* cck_re_match() takes PCRE2's JIT fast path (pcre2_jit_match()) when it
 * can; PCRE2_NO_JIT takes the checked interpreter. Both must find the same
 * matches, groups included, from every offset, across invalid UTF-8.
 * (Debian's libpcre2 has JIT on x86-64; a build without it would compare
 * the interpreter with itself here.) */
static void test_regex_fast_path_agrees_with_interpreter(void)
{
    static const char *const pats[] = {"\\d+(?:\\.(\\d+))?", "(?i)\\b(km|miles?)\\b", "(\\p{L}+)\\s+(\\d{4})",
                                       "\\b\\d{1,3}(?:,\\d{3})+\\b"};
    static const char subject[] = "In 1961 \xff\xfe the city had 3.5 km of tram, 12,000 people \xc3 and "
                                  "Ma\xc3\xa9 2020; 7 MILES \xe2\x80 east, 1,234,567 \xed\xa0\x80 in total 99";
    size_t len = sizeof subject - 1, compared = 0;
    char err[128];
    cck_matcher *fast = cck_matcher_new(), *slow = cck_matcher_new();
    for (size_t p = 0; p < sizeof pats / sizeof *pats; p++) {
        cck_re *re = cck_re_compile(pats[p], 0, err, sizeof err);
        CU_ASSERT_PTR_NOT_NULL_FATAL(re);
        for (size_t from = 0; from <= len; from++) {
            int a = cck_re_match(fast, re, subject, len, from, 0);
            int b = cck_re_match(slow, re, subject, len, from, PCRE2_NO_JIT);
            CU_ASSERT_EQUAL(a, b);
            if (a == 1 && b == 1)
                for (unsigned g = 0; g < 3; g++) {
                    CU_ASSERT_EQUAL(cck_re_group_start(fast, g), cck_re_group_start(slow, g));
                    CU_ASSERT_EQUAL(cck_re_group_end(fast, g), cck_re_group_end(slow, g));
                }
            compared += a == 1;
        }
        CU_ASSERT_EQUAL(cck_re_match(fast, re, subject, len, len + 1, 0), 0); /* past the end */
        cck_re_free(re);
    }
    CU_ASSERT(compared > 100); /* the patterns did match */
    cck_matcher_free(fast);
    cck_matcher_free(slow);
}

static void test_regex_catastrophic_pattern_gives_up(void)
{
    char err[128];
    cck_re *re = cck_re_compile("^(a+)+$", 0, err, sizeof err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(re);
    cck_matcher *m = cck_matcher_new();
    char subject[64];
    memset(subject, 'a', 40);
    subject[40] = '!';
    subject[41] = '\0';
    /* the match limit turns exponential backtracking into "gave up" */
    CU_ASSERT_EQUAL(cck_re_match(m, re, subject, 41, 0, 0), -1);
    cck_matcher_free(m);
    cck_re_free(re);
}

static void test_regex_empty_matches_step_whole_characters(void)
{
    char err[128];
    cck_re *re = cck_re_compile("x*", 0, err, sizeof err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(re);
    cck_matcher *m = cck_matcher_new();
    static const char subject[] = "\xc3\xa9\xc3\xa9"; /* two é */
    size_t from = 0, steps = 0;
    while (from < 4 && cck_re_match(m, re, subject, 4, from, 0) == 1) {
        size_t next = cck_re_next(m, subject, 4);
        CU_ASSERT(next > from);
        CU_ASSERT(next == 2 || next == 4);
        from = next;
        steps++;
    }
    CU_ASSERT_EQUAL(steps, 2);
    cck_matcher_free(m);
    cck_re_free(re);
}

/* Hedges: the figure's span is given; the hedge widens it. */
static const struct {
    const char *text;
    const char *figure;     /* substring marking the figure */
    cck_kind kind;
    const char *want;       /* expected span after hedging */
    bool approx;
    cck_bound bound;
} hedges[] = {
    {"a population of nearly 800,000 people", "800,000", CCK_KIND_COUNT, "nearly 800,000", true, CCK_BOUND_UPPER},
    {"lies about 10 km away", "10 km", CCK_KIND_MEASURE, "about 10 km", true, CCK_BOUND_NONE},
    {"with more than 500 inmates", "500", CCK_KIND_COUNT, "more than 500", true, CCK_BOUND_LOWER},
    {"At least 12 died", "12", CCK_KIND_COUNT, "At least 12", true, CCK_BOUND_LOWER},
    {"estimated at up to 40 m", "40 m", CCK_KIND_MEASURE, "estimated at up to 40 m", true, CCK_BOUND_UPPER},
    {"over 400 buses", "400", CCK_KIND_COUNT, "over 400", true, CCK_BOUND_LOWER},
    {"a yield of ~30%", "30%", CCK_KIND_PERCENT, "~30%", true, CCK_BOUND_NONE},
    {"ten or so trips", "ten", CCK_KIND_COUNT, "ten or so", true, CCK_BOUND_NONE},
    {"500 or more", "500", CCK_KIND_COUNT, "500 or more", true, CCK_BOUND_LOWER},
    {"the moreover 12", "12", CCK_KIND_COUNT, "12", false, CCK_BOUND_NONE},
    {"handover 12", "12", CCK_KIND_COUNT, "12", false, CCK_BOUND_NONE},
    {"roughly  3.5 m", "3.5 m", CCK_KIND_MEASURE, "roughly  3.5 m", true, CCK_BOUND_NONE},
    {"since about 1950", "1950", CCK_KIND_DATE, "1950", false, CCK_BOUND_NONE},
    {"exactly 7 wards", "7", CCK_KIND_COUNT, "7", false, CCK_BOUND_NONE},
};

static void test_hedges_widen_span_and_set_flags(void)
{
    for (size_t i = 0; i < sizeof hedges / sizeof *hedges; i++) {
        const char *t = hedges[i].text;
        const char *f = strstr(t, hedges[i].figure);
        CU_ASSERT_PTR_NOT_NULL_FATAL(f);
        cck_claim c;
        memset(&c, 0, sizeof c);
        c.kind = hedges[i].kind;
        c.start = (size_t)(f - t);
        c.end = c.start + strlen(hedges[i].figure);
        cck_ext_hedge(t, 0, strlen(t), &c);
        const char *w = strstr(t, hedges[i].want);
        CU_ASSERT_PTR_NOT_NULL_FATAL(w);
        if (c.start != (size_t)(w - t) || c.end != c.start + strlen(hedges[i].want))
            fprintf(stderr, "\n  hedge case %zu: got [%.*s]\n", i, (int)(c.end - c.start), t + c.start);
        CU_ASSERT_EQUAL(c.start, (size_t)(w - t));
        CU_ASSERT_EQUAL(c.end, c.start + strlen(hedges[i].want));
        CU_ASSERT_EQUAL(c.approx, hedges[i].approx);
        CU_ASSERT_EQUAL(c.bound, hedges[i].bound);
    }
}

static void test_hedge_stays_inside_its_limits(void)
{
    /* the hedge word lies before lo (another claim's end): not taken */
    static const char t[] = "about 5 10 km";
    cck_claim c;
    memset(&c, 0, sizeof c);
    c.kind = CCK_KIND_MEASURE;
    c.start = 8;
    c.end = 13;
    cck_ext_hedge(t, 7, sizeof t - 1, &c);
    CU_ASSERT_EQUAL(c.start, 8);
    CU_ASSERT_FALSE(c.approx);
}

/* ---- through the driver: segment + extract on a source in memory ------ */

static cck_source *run_driver(const char *text, size_t len, cck_diags *d)
{
    cck_source *s = cck_source_from_memory("mem.txt", text, len);
    cck_matcher *m = cck_matcher_new();
    CU_ASSERT_EQUAL(cck_ext_init(d), CCK_OK);
    cck_src_segment(s, d);
    CU_ASSERT_EQUAL(cck_ext_source(s, m, d), CCK_OK);
    cck_matcher_free(m);
    return s;
}

static size_t count_msgs(const cck_diags *d, const char *needle)
{
    size_t n = 0;
    for (size_t i = 0; i < d->n; i++)
        n += strstr(d->v[i].msg, needle) != NULL;
    return n;
}

/* A figure its clause calls an estimate is approximate: "estimat" in any
 * case opening a word, within the clause before it. */
static void test_estimate_in_the_clause(void)
{
    static const struct {
        const char *text;
        bool approx;
    } cases[] = {
        {"In 2021 the estimated population was 874,682 people.", true},
        {"The ESTIMATES put the crowd at 5,000 people.", true},
        {"Estimation gave 7,000 people.", true},
        {"An estimate came; then 5,000 people arrived.", false},
        {"Restimated at home, 5,000 people waited.", false},
        {"The estate held 5,000 people.", false},
        {"Its estimator: 5,000 people.", false},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        cck_diags d;
        cck_diags_init(&d);
        cck_source *s = run_driver(cases[i].text, strlen(cases[i].text), &d);
        CU_ASSERT_FATAL(s->nclaims >= 1);
        const cck_claim *c = &s->claims[s->nclaims - 1];
        CU_ASSERT_EQUAL(c->approx, cases[i].approx);
        if (c->approx != cases[i].approx)
            fprintf(stderr, "\n  estimate case %zu: approx %d\n", i, c->approx);
        cck_source_free(s);
        cck_diags_free(&d);
    }
    cck_ext_cleanup();
}

static void test_conversion_that_disagrees_is_a_warning(void)
{
    static const char text[] =
        "Mount Example\n\n"
        "The summit stands 16 meters (60 feet) above the lake. The tower is 16 meters (52 feet) tall.\n"
        "Summer days reach 30 °C (99 °F) there, nights 20 °C (68 °F).\n"
        "The trail runs 10 km (6 mi) and the road 12 km (25 mi).\n";
    cck_diags d;
    cck_diags_init(&d);
    cck_source *s = run_driver(text, sizeof text - 1, &d);
    /* three disagree: 60 ft is 18.3 m, 99 F is 37.2 C, 25 mi is 40 km */
    CU_ASSERT_EQUAL(count_msgs(&d, "disagrees"), 3);
    size_t warned = 0;
    for (size_t i = 0; i < d.n; i++) {
        if (!strstr(d.v[i].msg, "disagrees"))
            continue;
        CU_ASSERT_EQUAL(d.v[i].sev, CCK_SEV_WARNING);
        CU_ASSERT_STRING_EQUAL(d.v[i].file, "mem.txt");
        unsigned line = d.v[i].line, col = d.v[i].col;
        if (warned == 0) {
            CU_ASSERT_EQUAL(line, 3);
            CU_ASSERT_EQUAL(col, 19); /* the "16" of "16 meters (60 feet)" */
            CU_ASSERT_PTR_NOT_NULL(strstr(d.v[i].msg, "16 meters (60 feet)"));
        } else if (warned == 1) {
            CU_ASSERT_EQUAL(line, 4);
            CU_ASSERT_PTR_NOT_NULL(strstr(d.v[i].msg, "(99 °F)"));
        } else {
            CU_ASSERT_EQUAL(line, 5);
            CU_ASSERT_PTR_NOT_NULL(strstr(d.v[i].msg, "12 km (25 mi)"));
        }
        warned++;
    }
    /* each value is still one claim in its first unit, conversion not a claim */
    size_t measures = 0;
    for (size_t i = 0; i < s->nclaims; i++)
        if (s->claims[i].kind == CCK_KIND_MEASURE) {
            measures++;
            CU_ASSERT(strcmp(cck_claim_unit(&s->claims[i]), "m") == 0 || strcmp(cck_claim_unit(&s->claims[i]), "degC") == 0);
        }
    CU_ASSERT_EQUAL(measures, 6);
    cck_source_free(s);
    cck_diags_free(&d);
}

static void test_table_conversion_that_disagrees_is_a_warning(void)
{
    static const char text[] = "Climate of Example\n\n"
                               "| Month | Jan | Feb |\n|---|---|---|\n"
                               "| Mean daily maximum °C (°F) | 2.8 (37.0) | 5.0 (50.0) |\n"
                               "| Precipitation mm (inches) | 10.5 (0.41) | 12.2 (2.48) |\n";
    cck_diags d;
    cck_diags_init(&d);
    cck_source *s = run_driver(text, sizeof text - 1, &d);
    /* 50.0 °F is 10 °C, 2.48 in is 63 mm; 37.0 °F and 0.41 in agree */
    CU_ASSERT_EQUAL(count_msgs(&d, "disagrees"), 2);
    for (size_t i = 0; i < d.n; i++)
        if (strstr(d.v[i].msg, "disagrees")) {
            CU_ASSERT_EQUAL(d.v[i].sev, CCK_SEV_WARNING);
            CU_ASSERT(d.v[i].line == 5 || d.v[i].line == 6);
            CU_ASSERT(strstr(d.v[i].msg, "5.0 (50.0)") || strstr(d.v[i].msg, "12.2 (2.48)"));
        }
    size_t cells = 0;
    for (size_t i = 0; i < s->nclaims; i++)
        cells += s->claims[i].zone == CCK_ZONE_TABLE && s->claims[i].kind == CCK_KIND_MEASURE;
    CU_ASSERT_EQUAL(cells, 4); /* one claim per cell, in the first unit */
    cck_source_free(s);
    cck_diags_free(&d);
}

/* A line of n bytes repeating unit, after a title line. */
static char *repeat_line(const char *unit, size_t n, size_t *len)
{
    static const char head[] = "Digits\n\n";
    size_t hn = sizeof head - 1, k = strlen(unit);
    char *b = cck_xmalloc(hn + n + 2);
    memcpy(b, head, hn);
    for (size_t i = 0; i < n; i++)
        b[hn + i] = unit[i % k];
    b[hn + n] = '\n';
    *len = hn + n + 1;
    return b;
}

static void long_line(const char *unit, size_t n, size_t min_claims, size_t max_claims)
{
    size_t len;
    char *b = repeat_line(unit, n, &len);
    cck_diags d;
    cck_diags_init(&d);
    cck_source *s = run_driver(b, len, &d);
    if (count_msgs(&d, "gave up"))
        fprintf(stderr, "\n  a pattern gave up on a line of \"%s\"\n", unit);
    CU_ASSERT_EQUAL(count_msgs(&d, "gave up"), 0);
    CU_ASSERT(s->nclaims >= min_claims && s->nclaims <= max_claims);
    for (size_t i = 0; i < s->nclaims; i++)
        CU_ASSERT(s->claims[i].start < s->claims[i].end && s->claims[i].end <= len);
    cck_source_free(s);
    cck_diags_free(&d);
    free(b);
}

/* Linear time: no pattern may scan an unbounded run more than once or hit
 * the match limit. (Asserting the limits, never a time.) */
static void test_ten_megabyte_line_of_digits_and_separators(void)
{
    long_line("123,456,789,", 10u << 20, 0, 0); /* one endless thousands grouping: no figure */
    long_line("0123456789", 1u << 20, 0, 0);    /* one endless number: too long to be a figure */
}

static void test_ten_megabyte_line_of_mixed_separators(void)
{
    /* digits, commas, periods and dashes mixed: chains and lists, never claims */
    long_line("1,2.3-4,567.8-9.", 10u << 20, 0, 0);
    long_line("1-2-3,4.5.6-7,8,", 1u << 20, 0, 0);
    /* the same with blanks: "12.5 - 13," is a range, every time (256 KB:
     * a claim each 11 bytes is a lot of claims under valgrind) */
    size_t n = 256u << 10, per = strlen("12.5 - 13, ");
    long_line("12.5 - 13, ", n, n / per, n / per + 1);
}

/* A unit of many dates, each asking whether a figure stands near it:
 * the look-around is bounded, so this stays linear and every date stays. */
static void test_long_unit_of_dates_that_may_date_figures(void)
{
    size_t per = strlen("As of 1950, "), n = (256u << 10) / per * per;
    long_line("As of 1950, ", n, n / per, n / per);
    per = strlen("By 1950, by 1951; ");
    n = (256u << 10) / per * per;
    long_line("By 1950, by 1951; ", n, 2 * (n / per), 2 * (n / per));
}

/* The reference day of relative dates: the option wins, then the source's
 * own date when it is an ISO day, else none. */
static void test_reference_day_of_a_scan(void)
{
    cck_source *s = cck_source_from_memory("a.txt", "Title\n\nText.\n", 13);
    cck_scan sc = {s, NULL, s->bytes, 0, s->len, NULL, NULL, NULL, NULL, NULL};
    CU_ASSERT_PTR_NULL(cck_scan_ref_date(&sc));
    CU_ASSERT_FALSE(cck_scan_mentions(&sc));
    s->meta.date = "4 March 2021"; /* not an ISO day: not read */
    CU_ASSERT_PTR_NULL(cck_scan_ref_date(&sc));
    s->meta.date = "2021-03-04T10:00:00Z";
    CU_ASSERT_PTR_NOT_NULL_FATAL(cck_scan_ref_date(&sc));
    CU_ASSERT_NSTRING_EQUAL(cck_scan_ref_date(&sc), "2021-03-04", 10);
    cck_ext_opts o = {.mentions = true, .ref_date = "2016-11-07"};
    sc.opts = &o;
    CU_ASSERT_STRING_EQUAL(cck_scan_ref_date(&sc), "2016-11-07");
    CU_ASSERT_TRUE(cck_scan_mentions(&sc));
    s->meta.date = NULL;
    cck_source_free(s);
}

void cck_suite_extract(void)
{
    static CU_TestInfo tests[] = {
        {"regex finds numbers across invalid UTF-8", test_regex_finds_numbers_across_invalid_utf8},
        {"a figure its clause calls an estimate is approximate", test_estimate_in_the_clause},
        {"regex reports a bad pattern", test_regex_bad_pattern_reports},
        {"regex JIT fast path agrees with the interpreter", test_regex_fast_path_agrees_with_interpreter},
        {"regex gives up on catastrophic backtracking", test_regex_catastrophic_pattern_gives_up},
        {"regex steps whole characters after empty matches", test_regex_empty_matches_step_whole_characters},
        {"hedges widen the span and set approx/bound", test_hedges_widen_span_and_set_flags},
        {"a hedge stays inside its limits", test_hedge_stays_inside_its_limits},
        {"a conversion that disagrees is a warning", test_conversion_that_disagrees_is_a_warning},
        {"a table cell's conversion that disagrees is a warning", test_table_conversion_that_disagrees_is_a_warning},
        {"10 MB line of digits and separators", test_ten_megabyte_line_of_digits_and_separators},
        {"10 MB line of mixed separators", test_ten_megabyte_line_of_mixed_separators},
        {"a long unit of dates stays linear", test_long_unit_of_dates_that_may_date_figures},
        {"the reference day of a scan", test_reference_day_of_a_scan},
        CU_TEST_INFO_NULL,
    };
    CCK_ADD_SUITE("extract", tests);
}
