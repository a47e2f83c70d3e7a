/* test_coords.c: the coordinates extractor (extractors/coord.c),
 * table-driven: sentence, expected span, latitude, longitude. Sentences
 * are written for these tests. */
#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "tests.h"

void cck_suite_coords(void);

static cck_cands scan_coords(const char *text, size_t len)
{
    cck_cands c = {0};
    char err[256];
    CU_ASSERT_FATAL(cck_ext_coords_init(err, sizeof err) == CCK_OK);
    cck_source *s = cck_source_from_memory("t.txt", text, len);
    cck_matcher *m = cck_matcher_new();
    cck_scan sc = {s, NULL, s->bytes, 0, s->len, m, NULL, NULL, NULL, NULL};
    cck_ext_coords(&sc, &c);
    cck_matcher_free(m);
    cck_source_free(s);
    return c;
}

typedef struct {
    const char *text;
    const char *span;
    double lat, lon;
} coord_row;

static void test_pairs(void)
{
    static const coord_row rows[] = {
        {"The old mill (41.204518° 128.377201°) stands by the river.",
         "41.204518° 128.377201°", 41.204518, 128.377201},
        {"A depot sits at 38.5012° N 126.9911° E near the pass.", "38.5012° N 126.9911° E",
         38.5012, 126.9911},
        {"Its centre lies near 40.112° N latitude and 128.407° E longitude.",
         "40.112° N latitude and 128.407° E longitude", 40.112, 128.407},
        {"The summit is at 41°30′N 128°15′E on most maps.", "41°30′N 128°15′E", 41.5,
         128.25},
        {"The wreck lies at 33°51′35″S 151°12′40″E offshore.", "33°51′35″S 151°12′40″E",
         -(33 + 51 / 60.0 + 35 / 3600.0), 151 + 12 / 60.0 + 40 / 3600.0},
        {"The station is at 12.5° S, 77.03° W in the bay.", "12.5° S, 77.03° W", -12.5, -77.03},
        {"Survey point: 40.71280, -74.00600 (WGS84).", "40.71280, -74.00600", 40.7128, -74.006},
        {"The camp is at 40.6512 N, 129.1203 E by our map.", "40.6512 N, 129.1203 E", 40.6512,
         129.1203},
        {"The buoy sits at −33.8568° 151.2153°.", "−33.8568° 151.2153°", -33.8568, 151.2153},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        const coord_row *r = &rows[i];
        cck_cands c = scan_coords(r->text, strlen(r->text));
        const char *at = strstr(r->text, r->span);
        CU_ASSERT_PTR_NOT_NULL_FATAL(at);
        size_t s = (size_t)(at - r->text), e = s + strlen(r->span);
        const cck_claim *cl = NULL;
        for (size_t k = 0; k < c.n; k++)
            if (c.v[k].claim.start == s && c.v[k].claim.end == e)
                cl = &c.v[k].claim;
        if (!cl)
            fprintf(stderr, "\n  no coordinate \"%s\"\n", r->span);
        CU_ASSERT_PTR_NOT_NULL(cl);
        if (cl) {
            CU_ASSERT_EQUAL(cl->kind, CCK_KIND_COORDINATE);
            CU_ASSERT_DOUBLE_EQUAL(cl->lat, r->lat, 1e-9);
            CU_ASSERT_DOUBLE_EQUAL(cl->lon, r->lon, 1e-9);
            CU_ASSERT_STRING_EQUAL(cck_claim_unit(cl), "deg");
            CU_ASSERT_FALSE(cl->approx);
            CU_ASSERT_EQUAL(cl->bound, CCK_BOUND_NONE);
        }
        CU_ASSERT_EQUAL(c.n, 1);
        if (c.n == 1)
            CU_ASSERT_EQUAL(c.v[0].priority, 40);
        cck_cands_free(&c);
    }
}

static void test_not_coords(void)
{
    static const char *const texts[] = {
        "The water was 12.5 °C and the air 18.2 °C.",
        "Scores were 2.5, 3.75 and 4.0 this year.",
        "It fell from 1.2345, 2.3456 to nothing.x",
        "The angle was 95.5° 200.1° on the dial.",  /* out of range */
        "A slope of 30° and a turn of 45° were measured.",
        "Version 10.2024, 11.2025 notes.",
        "The pair 41°75′N 128°15′E is malformed.",  /* 75 minutes */
        "-41.5° S 128.2° E says south twice.",
    };
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        cck_cands c = scan_coords(texts[i], strlen(texts[i]));
        if (c.n)
            fprintf(stderr, "\n  unexpected coordinate in \"%s\"\n", texts[i]);
        CU_ASSERT_EQUAL(c.n, 0);
        cck_cands_free(&c);
    }
}

static void test_pathological(void)
{
    size_t n = 100000;
    char *buf = cck_xmalloc(n + 1);
    memset(buf, '9', n);
    cck_cands c = scan_coords(buf, n);
    CU_ASSERT_EQUAL(c.n, 0);
    cck_cands_free(&c);
    /* a long run of degree signs and dots */
    for (size_t i = 0; i + 4 <= n; i += 4)
        memcpy(buf + i, "1.\xc2\xb0", 4);
    c = scan_coords(buf, n);
    for (size_t i = 0; i < c.n; i++)
        CU_ASSERT(c.v[i].claim.end <= n);
    cck_cands_free(&c);
    const char bad[] = "\xff 39.918647\xc2\xb0 \xfe 127.520584\xc2\xb0 \xc3";
    c = scan_coords(bad, sizeof bad - 1);
    CU_ASSERT_EQUAL(c.n, 0); /* the invalid byte is a barrier inside the pair */
    cck_cands_free(&c);
    free(buf);
    cck_ext_coords_cleanup();
}

static CU_TestInfo tests[] = {
    {"pairs", test_pairs},
    {"not coordinates", test_not_coords},
    {"pathological inputs", test_pathological},
    CU_TEST_INFO_NULL,
};

void cck_suite_coords(void)
{
    CCK_ADD_SUITE("coords", tests);
}
