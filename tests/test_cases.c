/* test_cases.c: the extractors' case tables (tests/fixtures/cases/NAME.tsv),
 * each row a sentence written for these tests and the one claim expected
 * in it, run through the real pipeline (segment + extract): exact span,
 * kind, normalized values, unit, approx and bound; or "none", no claim
 * touching the span. The row format is in tests/fixtures/cases/README. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "sources.h"
#include "tests.h"

#define FIX "tests/fixtures/cases/"

enum { F_TEXT, F_SPAN, F_KIND, F_LO, F_HI, F_UNIT, F_FLAGS, NFIELDS };

/* Splits a line on tabs in place; returns the number of fields. */
static int split(char *line, char **f, int max)
{
    int n = 0;
    char *p = line;
    while (n < max) {
        f[n++] = p;
        char *tab = strchr(p, '\t');
        if (!tab)
            break;
        *tab = '\0';
        p = tab + 1;
    }
    return n;
}

/* "\n" in a row's text is a newline (tables, several lines). */
static size_t unescape(const char *in, char *out)
{
    size_t n = 0;
    for (const char *p = in; *p; p++) {
        if (p[0] == '\\' && p[1] == 'n') {
            out[n++] = '\n';
            p++;
        } else {
            out[n++] = *p;
        }
    }
    out[n] = '\0';
    return n;
}

static bool close_to(double a, double b)
{
    return fabs(a - b) <= 1e-6 * fmax(1, fmax(fabs(a), fabs(b)));
}

static bool flag(const char *flags, const char *name)
{
    size_t n = strlen(name);
    for (const char *p = flags; (p = strstr(p, name)); p += n)
        if ((p == flags || p[-1] == ',') && (p[n] == '\0' || p[n] == ','))
            return true;
    return false;
}

/* Checks one row; returns true when it holds (and says why not on stderr). */
static bool check_row(const char *file, unsigned lineno, char **f, const cck_ext_opts *o, cck_matcher *m)
{
    static const char head[] = "Case\n\n";
    size_t hn = sizeof head - 1;
    char *doc = cck_xmalloc(hn + strlen(f[F_TEXT]) + 2);
    memcpy(doc, head, hn);
    size_t tn = unescape(f[F_TEXT], doc + hn);
    doc[hn + tn] = '\n';
    size_t len = hn + tn + 1;
    doc[len] = '\0';   /* strstr below reads the text as a string */

    /* the span, its N-th occurrence when written "span@N" */
    char span[512];
    snprintf(span, sizeof span, "%s", f[F_SPAN]);
    int nth = 1;
    char *at = strrchr(span, '@');
    if (at && at[1] >= '1' && at[1] <= '9' && at[2] == '\0') {
        nth = at[1] - '0';
        *at = '\0';
    }
    char uspan[512];
    unescape(span, uspan);
    const char *hit = doc + hn;
    for (int k = 0; hit && k < nth; k++) {
        hit = strstr(k ? hit + 1 : hit, uspan);
    }
    bool ok = true;
    char why[256] = "";
    cck_source *s = NULL;
    cck_diags d;
    cck_diags_init(&d);
    if (!hit || hit >= doc + hn + tn) {
        snprintf(why, sizeof why, "span not in the text");
        ok = false;
        goto done;
    }
    size_t ss = (size_t)(hit - doc), se = ss + strlen(uspan);
    s = cck_source_from_memory("case.txt", doc, len);
    cck_src_segment(s, &d);
    cck_ext_source_opts(s, m, o, &d);

    if (!strcmp(f[F_KIND], "none")) {
        for (size_t i = 0; i < s->nclaims && ok; i++)
            if (s->claims[i].start < se && s->claims[i].end > ss) {
                snprintf(why, sizeof why, "unexpected claim [%.*s]",
                         (int)(s->claims[i].end - s->claims[i].start), s->bytes + s->claims[i].start);
                ok = false;
            }
        goto done;
    }
    const cck_claim *c = NULL;
    for (size_t i = 0; i < s->nclaims; i++)
        if (s->claims[i].start == ss && s->claims[i].end == se)
            c = &s->claims[i];
    if (!c) {
        int w = snprintf(why, sizeof why, "no claim with this span; got");
        for (size_t i = 0; i < s->nclaims && w > 0 && (size_t)w < sizeof why; i++)
            w += snprintf(why + w, sizeof why - (size_t)w, " [%.*s]",
                          (int)(s->claims[i].end - s->claims[i].start), s->bytes + s->claims[i].start);
        ok = false;
        goto done;
    }
    if (strcmp(cck_kind_name(c->kind), f[F_KIND])) {
        snprintf(why, sizeof why, "kind %s", cck_kind_name(c->kind));
        ok = false;
        goto done;
    }
    if (c->kind == CCK_KIND_DATE) {
        char lo[CCK_DATE_TEXT], hi[CCK_DATE_TEXT];
        cck_claim_date(c, false, lo);
        cck_claim_date(c, true, hi);
        if (strcmp(lo, f[F_LO]) || strcmp(hi, f[F_HI])) {
            snprintf(why, sizeof why, "dates %s..%s", lo, hi);
            ok = false;
        }
    } else if (c->kind == CCK_KIND_COORDINATE) {
        if (!close_to(c->lat, strtod(f[F_LO], NULL)) || !close_to(c->lon, strtod(f[F_HI], NULL))) {
            snprintf(why, sizeof why, "lat/lon %.9g %.9g", c->lat, c->lon);
            ok = false;
        }
    } else {
        const char *unit = strcmp(f[F_UNIT], "-") ? f[F_UNIT] : "";
        if (!close_to(c->lo, strtod(f[F_LO], NULL)) || !close_to(c->hi, strtod(f[F_HI], NULL)) ||
            strcmp(cck_claim_unit(c), unit)) {
            snprintf(why, sizeof why, "values %.12g %.12g unit '%s'", c->lo, c->hi, cck_claim_unit(c));
            ok = false;
        }
    }
    const char *flags = f[F_FLAGS];
    bool want_approx = flag(flags, "approx");
    cck_bound want_bound = flag(flags, "lower") ? CCK_BOUND_LOWER : flag(flags, "upper") ? CCK_BOUND_UPPER
                                                                                        : CCK_BOUND_NONE;
    if (ok && (c->approx != want_approx || c->bound != want_bound)) {
        snprintf(why, sizeof why, "approx %d bound %s", c->approx, c->bound ? cck_bound_name(c->bound) : "null");
        ok = false;
    }
    if (ok && flag(flags, "table") && c->zone != CCK_ZONE_TABLE) {
        snprintf(why, sizeof why, "zone %s", cck_zone_name(c->zone));
        ok = false;
    }
done:
    if (!ok)
        fprintf(stderr, "\n  %s:%u: %s: %s\n", file, lineno, f[F_SPAN], why);
    cck_source_free(s);
    cck_diags_free(&d);
    free(doc);
    return ok;
}

/* Runs every row of one fixture file; returns the number of rows. */
static unsigned run_file(const char *name)
{
    char path[256];
    snprintf(path, sizeof path, FIX "%s", name);
    FILE *fp = fopen(path, "r");
    if (!fp)
        fprintf(stderr, "\n  %s: %s", path, strerror(errno));
    CU_ASSERT_PTR_NOT_NULL_FATAL(fp);
    cck_diags d;
    cck_diags_init(&d);
    CU_ASSERT_EQUAL(cck_ext_init(&d), CCK_OK);
    cck_diags_free(&d);
    cck_matcher *m = cck_matcher_new();
    char line[4096];
    unsigned lineno = 0, rows = 0;
    cck_ext_opts o = {0};
    char ref[16] = "";
    while (fgets(line, sizeof line, fp)) {
        lineno++;
        line[strcspn(line, "\r\n")] = '\0';
        /* "#! mentions" and "#! ref YYYY-MM-DD" set the scan options for
         * the rows below (cck_ext_opts) */
        if (!strcmp(line, "#! mentions")) {
            o.mentions = true;
            continue;
        }
        if (!strncmp(line, "#! ref ", 7)) {
            snprintf(ref, sizeof ref, "%.10s", line + 7);
            o.ref_date = ref;
            continue;
        }
        if (line[0] == '#' || line[0] == '\0')
            continue;
        char *f[NFIELDS + 1];
        int n = split(line, f, NFIELDS + 1);
        if (n != NFIELDS && !(n == 3 && !strcmp(f[F_KIND], "none"))) {
            fprintf(stderr, "\n  %s:%u: %d fields, want %d", path, lineno, n, NFIELDS);
            CU_FAIL("malformed row");
            continue;
        }
        rows++;
        CU_ASSERT(check_row(name, lineno, f, &o, m));
    }
    fclose(fp);
    cck_matcher_free(m);
    CU_ASSERT(rows > 0);
    return rows;
}

static unsigned total_rows;

#define FILE_TEST(fn, file)                                                   \
    static void fn(void) { total_rows += run_file(file); }

FILE_TEST(test_numbers_and_words, "numbers.tsv")
FILE_TEST(test_ranges, "ranges.tsv")
FILE_TEST(test_hedges_and_bounds, "hedges.tsv")
FILE_TEST(test_dates, "dates.tsv")
FILE_TEST(test_measures, "measures.tsv")
FILE_TEST(test_percent_and_money, "percent-money.tsv")
FILE_TEST(test_coordinates_and_ranks, "coords-ranks.tsv")
FILE_TEST(test_tables, "tables.tsv")
FILE_TEST(test_not_claims, "not-claims.tsv")
FILE_TEST(test_mentions_numbers, "mentions-numbers.tsv")
FILE_TEST(test_mentions_ranges, "mentions-ranges.tsv")
FILE_TEST(test_mentions_dates, "mentions-dates.tsv")

/* The issue asks for at least 400 written cases: the tables hold them. */
static void test_at_least_400_rows(void)
{
    if (total_rows < 400)
        fprintf(stderr, "\n  only %u rows", total_rows);
    CU_ASSERT(total_rows >= 400);
}

void cck_suite_cases(void);
void cck_suite_cases(void)
{
    static CU_TestInfo tests[] = {
        {"numbers and number words", test_numbers_and_words},
        {"ranges", test_ranges},
        {"hedges and bounds", test_hedges_and_bounds},
        {"dates", test_dates},
        {"measures", test_measures},
        {"percentages and money", test_percent_and_money},
        {"coordinates and ranks", test_coordinates_and_ranks},
        {"table cells", test_tables},
        {"not claims", test_not_claims},
        {"mentions: numbers, percentages, ordinals", test_mentions_numbers},
        {"mentions: ranges and measures", test_mentions_ranges},
        {"mentions: dates", test_mentions_dates},
        {"at least 400 rows", test_at_least_400_rows},
        CU_TEST_INFO_NULL,
    };
    CCK_ADD_SUITE("cases", tests);
}
