/* test_report.c: the report writers over a corpus built by hand: JSON Lines
 * claim and group objects field by field (read back with jansson), the
 * text report's heading, rows and summary, Markdown tables, widths. */
#include <jansson.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "interval.h"
#include "report.h"
#include "report_int.h"
#include "tests.h"

/* The spares keep CCK_REP_SPARE_MAX bytes in all: of two buffers of over
 * half of it given back, only the first is kept and lent out again. */
static void test_chunk_spares_bounded(void)
{
    cck_rep_spares *sp = cck_rep_spares_new(4);
    size_t big = CCK_REP_SPARE_MAX / 2 + 1;
    cck_rep_chunk *x = calloc(1, sizeof *x), *y = calloc(1, sizeof *y);
    CU_ASSERT_FATAL(x && y);
    x->b = (cck_rep_buf){malloc(big), 0, big};    /* never touched: no pages */
    y->b = (cck_rep_buf){malloc(big), 0, big};
    CU_ASSERT_FATAL(x->b.buf && y->b.buf);
    const char *kept = x->b.buf;
    cck_rep_chunk_free(x, sp);
    cck_rep_chunk_free(y, sp);
    cck_source *e = cck_source_from_memory("e.txt", "", 0);
    cck_rep_chunk *p = cck_rep_claims_chunk(e, CCK_FMT_JSONL, sp);
    cck_rep_chunk *q = cck_rep_claims_chunk(e, CCK_FMT_JSONL, sp);
    CU_ASSERT(p->b.buf == kept);
    CU_ASSERT_PTR_NULL(q->b.buf);      /* no spare left, and no claims to write */
    cck_rep_chunk_free(p, NULL);
    cck_rep_chunk_free(q, NULL);
    cck_source_free(e);
    cck_rep_spares_free(sp);
}

/* A conflict's values, as its line and its findings list them: distinct
 * values in the order they first appear, at most six (then "…"), each
 * with at most three places (then "…"); a claim's finding lists the
 * values other than its own. Eight values over eleven claims, the first
 * stated four times. */
static void test_conflict_value_lists(void)
{
    static const int vals[] = {5, 5, 7, 5, 8, 9, 5, 10, 11, 12, 13};
    enum { N = sizeof vals / sizeof *vals };
    char text[N * 24] = "";
    size_t off[N];
    for (size_t i = 0; i < N; i++) {
        size_t at_row = strlen(text);
        snprintf(text + at_row, sizeof text - at_row, "Row %02zu had %d.\n", i, vals[i]);
        off[i] = at_row + strlen("Row 00 had ");
    }
    cck_corpus c;
    cck_corpus_init(&c);
    cck_source *s = cck_source_from_memory("t.txt", text, strlen(text));
    cck_corpus_add(&c, s);
    c.ngroups = 1;
    c.groups = cck_arena_alloc(c.arena, sizeof *c.groups);
    cck_group *g = c.groups;
    *g = (cck_group){.entity = "Varn", .attribute = "count", .status = CCK_GROUP_CONFLICT,
                     .nsources = 1, .nclaims = N};
    g->claims = cck_arena_alloc(c.arena, N * sizeof *g->claims);
    for (size_t i = 0; i < N; i++) {
        char v[8];
        snprintf(v, sizeof v, "%d", vals[i]);
        cck_claim cl = {.start = (cck_off)off[i], .end = (cck_off)(off[i] + strlen(v)),
                        .kind = CCK_KIND_COUNT, .lo = vals[i], .hi = vals[i],
                        .unit_index = (cck_off)-1, .zone = CCK_ZONE_BODY};
        cck_source_add_claim(s, &cl);
    }
    for (size_t i = 0; i < N; i++)
        g->claims[i] = &s->claims[i];
    char *line = cck_rep_conflict_line(g);
    CU_ASSERT_PTR_NOT_NULL_FATAL(strstr(line, ": "));
    CU_ASSERT_STRING_EQUAL(strstr(line, ": ") + 2,
                           "5 (t.txt:1, t.txt:2, t.txt:4, \xE2\x80\xA6) vs 7 (t.txt:3) vs 8 (t.txt:5) vs "
                           "9 (t.txt:6) vs 10 (t.txt:8) vs 11 (t.txt:9) vs \xE2\x80\xA6");
    free(line);
    cck_finding *v;
    size_t n = cck_rep_findings(&c, &v);
    CU_ASSERT_EQUAL_FATAL(n, 2 * N);   /* a conflict finding and an uncited one a claim */
    const char *first = NULL, *seven = NULL;
    for (size_t i = 0; i < n; i++)
        if (v[i].kind == CCK_FIND_CONFLICT && v[i].line == 1)
            first = v[i].msg;
        else if (v[i].kind == CCK_FIND_CONFLICT && v[i].line == 3)
            seven = v[i].msg;
    CU_ASSERT_PTR_NOT_NULL_FATAL(first);
    CU_ASSERT_PTR_NOT_NULL_FATAL(seven);
    CU_ASSERT_PTR_NOT_NULL(strstr(first, "\"5\" (5) vs 7 (t.txt:3); 8 (t.txt:5); 9 (t.txt:6); "
                                         "10 (t.txt:8); 11 (t.txt:9); 12 (t.txt:10); \xE2\x80\xA6"));
    CU_ASSERT_PTR_NOT_NULL(strstr(seven, "\"7\" (7) vs 5 (t.txt:1, t.txt:2, t.txt:4, \xE2\x80\xA6); "
                                         "8 (t.txt:5); 9 (t.txt:6); 10 (t.txt:8); 11 (t.txt:9); "
                                         "12 (t.txt:10); \xE2\x80\xA6"));
    cck_rep_findings_free(v, n);
    cck_corpus_free(&c);
}

void cck_suite_report(void);

static const char TEXT_A[] =
    "Hamhung is a city.\n"
    "In 2021 the population was 559,000.[3][20] It was founded in 1927.\n"
    "The plant is at 39.838676\xC2\xB0 127.621851\xC2\xB0.\n";

static const char TEXT_B[] =
    "The city of Hamhung | had 874,682 people in 2021. It was founded in 1927.\n"
    "Odd \"quoted\" \\ back\nslash \xC3\x9C \xFF 12 km.\n"
    "Growth was 3 percent.\n";

/* The corpus every test reads, and the claims in it. */
typedef struct {
    cck_corpus c;
    cck_source *a, *b;
    cck_claim *pop_a, *pop_b, *found_a, *found_b, *coord, *odd, *pct;
} fixture;

static size_t at(const cck_source *s, const char *needle)
{
    const char *p = strstr(s->bytes, needle);
    CU_ASSERT_PTR_NOT_NULL_FATAL(p);
    return (size_t)(p - s->bytes);
}

static cck_unit unit_of(const cck_source *s, const char *text)
{
    cck_unit u;
    memset(&u, 0, sizeof u);
    u.start = at(s, text);
    u.end = u.start + strlen(text);
    u.zone = CCK_ZONE_BODY;
    u.section = -1;
    return u;
}

static cck_claim *add(cck_source *s, const char *span, size_t unit, cck_kind kind,
                      double lo, double hi, const char *unitname, const char *entity,
                      const char *attribute, const char *as_of)
{
    cck_claim c;
    memset(&c, 0, sizeof c);
    c.start = at(s, span);
    c.end = c.start + strlen(span);
    c.unit_index = unit;
    c.kind = kind;
    if (kind != CCK_KIND_DATE && kind != CCK_KIND_COORDINATE) { /* they share room with lo, hi */
        c.lo = lo;
        c.hi = hi;
    }
    cck_claim_set_unit(&c, unitname);
    c.zone = CCK_ZONE_BODY;
    c.entity = entity ? cck_arena_strdup(s->arena, entity) : NULL;
    c.attribute = attribute ? cck_arena_strdup(s->arena, attribute) : NULL;
    c.as_of = as_of ? cck_arena_strdup(s->arena, as_of) : NULL;
    return cck_source_add_claim(s, &c);
}

static void build(fixture *f)
{
    memset(f, 0, sizeof *f);
    cck_corpus_init(&f->c);
    cck_source *a = cck_source_from_memory("dir/a.txt", TEXT_A, sizeof TEXT_A - 1);
    cck_source *b = cck_source_from_memory("b.txt", TEXT_B, sizeof TEXT_B - 1);
    f->a = a;
    f->b = b;

    /* source a: two markers back the population sentence */
    a->ncites = 2;
    a->cites = cck_arena_alloc(a->arena, 2 * sizeof *a->cites);
    const char *marks[] = {"[3]", "[20]"};
    for (size_t i = 0; i < 2; i++) {
        a->cites[i].start = at(a, marks[i]);
        a->cites[i].end = a->cites[i].start + strlen(marks[i]);
        a->cites[i].ref = -1;
    }
    a->nunits = 4;
    a->units = cck_arena_alloc(a->arena, 4 * sizeof *a->units);
    a->units[0] = unit_of(a, "Hamhung is a city.");
    a->units[1] = unit_of(a, "In 2021 the population was 559,000.[3][20]");
    a->units[2] = unit_of(a, "It was founded in 1927.");
    a->units[3] = unit_of(a, "The plant is at 39.838676\xC2\xB0 127.621851\xC2\xB0.");
    cck_off *ci = cck_arena_alloc(a->arena, 2 * sizeof *ci);
    ci[0] = 0;
    ci[1] = 1;
    a->unit_cites = ci;
    a->nunit_cites = 2;
    /* a unit's markers run from its cites to the next unit's */
    a->units[1].cites = 0;
    a->units[2].cites = a->units[3].cites = 2;
    a->narticles = 1;
    a->articles = cck_arena_alloc(a->arena, sizeof *a->articles);
    a->articles[0] = (cck_article){0, a->len, cck_arena_strdup(a->arena, "Hamhung")};

    b->nunits = 4;
    b->units = cck_arena_alloc(b->arena, 4 * sizeof *b->units);
    b->units[0] = unit_of(b, "The city of Hamhung | had 874,682 people in 2021.");
    b->units[1] = unit_of(b, "It was founded in 1927.");
    b->units[2] = unit_of(b, "Odd \"quoted\" \\ back\nslash \xC3\x9C \xFF 12 km.");
    b->units[3] = unit_of(b, "Growth was 3 percent.");
    b->narticles = 1;
    b->articles = cck_arena_alloc(b->arena, sizeof *b->articles);
    b->articles[0] = (cck_article){0, b->len, cck_arena_strdup(b->arena, "")};

    f->pop_a = add(a, "559,000", 1, CCK_KIND_COUNT, 559000, 559000, "", "Hamhung",
                   "population", "2021");
    f->pop_a->step = 1000;
    f->found_a = add(a, "1927", 2, CCK_KIND_DATE, 1927, 1927, "", "Hamhung", "founded", NULL);
    cck_claim_set_date(f->found_a, false, "1927");
    cck_claim_set_date(f->found_a, true, "1927");
    f->coord = add(a, "39.838676\xC2\xB0 127.621851\xC2\xB0", 3, CCK_KIND_COORDINATE, 0, 0,
                   "deg", "Hungnam Fertilizer Complex", "coordinates", NULL);
    f->coord->lat = 39.838676;
    f->coord->lon = 127.621851;

    f->pop_b = add(b, "874,682", 0, CCK_KIND_COUNT, 874682, 874682, "", "Hamhung",
                   "population", "2021");
    f->found_b = add(b, "1927", 1, CCK_KIND_DATE, 1927, 1927, "", "Hamhung", "founded", NULL);
    cck_claim_set_date(f->found_b, false, "1927");
    f->odd = add(b, "\"quoted\" \\ back\nslash \xC3\x9C \xFF 12 km", 2, CCK_KIND_MEASURE,
                 12000, 13000, "m", "Odd \"thing\"", "length", NULL);
    f->odd->approx = true;
    f->odd->bound = CCK_BOUND_UPPER;
    f->pct = add(b, "3 percent", 3, CCK_KIND_PERCENT, 0.1 + 0.2, INFINITY, "%", NULL, NULL,
                 NULL);
    f->pct->bound = CCK_BOUND_LOWER;
    f->pct->zone = CCK_ZONE_COMMENTS;

    cck_corpus_add(&f->c, a);
    cck_corpus_add(&f->c, b);

    /* conflict, consistent, single: in that order, as grouping sorts them */
    f->c.ngroups = 3;
    f->c.groups = cck_arena_alloc(f->c.arena, 3 * sizeof *f->c.groups);
    cck_group *g = f->c.groups;
    g[0].entity = "Hamhung";
    g[0].attribute = "population";
    g[0].as_of = "2021";
    g[0].status = CCK_GROUP_CONFLICT;
    g[0].claims = cck_arena_alloc(f->c.arena, 2 * sizeof *g[0].claims);
    g[0].claims[0] = f->pop_a;
    g[0].claims[1] = f->pop_b;
    g[0].nclaims = 2;
    g[0].nsources = 2;
    g[0].note = cck_arena_strdup(f->c.arena, "559,000 vs 874,682 differ by 56%, tolerance 2%");
    g[0].favoured = f->pop_a;

    g[1].entity = "Hamhung";
    g[1].attribute = "founded";
    g[1].status = CCK_GROUP_CONSISTENT;
    g[1].claims = cck_arena_alloc(f->c.arena, 2 * sizeof *g[1].claims);
    g[1].claims[0] = f->found_a;
    g[1].claims[1] = f->found_b;
    g[1].nclaims = 2;
    g[1].nsources = 2;

    g[2].entity = "Hungnam Fertilizer Complex";
    g[2].attribute = "coordinates";
    g[2].status = CCK_GROUP_SINGLE;
    g[2].claims = cck_arena_alloc(f->c.arena, sizeof *g[2].claims);
    g[2].claims[0] = f->coord;
    g[2].nclaims = 1;
    g[2].nsources = 1;
}

/* Runs a writer into memory; returns the NUL-terminated output (free()). */
static char *render(const cck_corpus *c, bool groups, cck_format fmt, bool color,
                    unsigned width)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    CU_ASSERT_PTR_NOT_NULL_FATAL(out);
    cck_rep_options o = {.color = color, .width = width};
    cck_status st = groups ? cck_rep_groups(out, c, fmt, &o) : cck_rep_claims(out, c, fmt, &o);
    CU_ASSERT_EQUAL(st, CCK_OK);
    fclose(out);
    return buf;
}

/* Splits output into lines (the array and the copy are one allocation). */
static char **lines_of(const char *s, size_t *n)
{
    size_t count = 0, len = strlen(s);
    for (size_t i = 0; i < len; i++)
        count += s[i] == '\n';
    char **v = cck_xmalloc((count + 1) * sizeof *v + len + 1);
    char *copy = (char *)(v + count + 1);
    memcpy(copy, s, len + 1);
    size_t k = 0;
    for (char *p = copy; *p;) {
        char *e = strchr(p, '\n');
        if (!e)
            break;
        *e = '\0';
        v[k++] = p;
        p = e + 1;
    }
    v[k] = NULL;
    *n = k;
    return v;
}

static const char *jstr(json_t *o, const char *k)
{
    return json_string_value(json_object_get(o, k));
}

/* Every field of a claim object against the claim it was written from. */
static void check_claim(json_t *o, const cck_claim *cl, const char *id, unsigned line,
                        const char *span, const char *const *cites, size_t ncites)
{
    CU_ASSERT_FATAL(json_is_object(o));
    const cck_source *s = cl->src;
    CU_ASSERT_STRING_EQUAL(jstr(o, "id"), id);
    CU_ASSERT_STRING_EQUAL(jstr(o, "doc"), s->path);
    CU_ASSERT_EQUAL(json_integer_value(json_object_get(o, "line")), line);
    CU_ASSERT_EQUAL(json_integer_value(json_object_get(o, "start")), (json_int_t)cl->start);
    CU_ASSERT_EQUAL(json_integer_value(json_object_get(o, "end")), (json_int_t)cl->end);
    CU_ASSERT_STRING_EQUAL(jstr(o, "span"), span);
    CU_ASSERT_STRING_EQUAL(jstr(o, "kind"), cck_kind_name(cl->kind));
    json_t *lo = json_object_get(o, "lo"), *hi = json_object_get(o, "hi");
    size_t nkeys = 17;
    if (cl->kind == CCK_KIND_COORDINATE) {
        nkeys = 19;
        CU_ASSERT(json_is_null(lo));
        CU_ASSERT(json_is_null(hi));
        CU_ASSERT_DOUBLE_EQUAL(json_number_value(json_object_get(o, "lat")), cl->lat, 0);
        CU_ASSERT_DOUBLE_EQUAL(json_number_value(json_object_get(o, "lon")), cl->lon, 0);
    } else if (cl->kind == CCK_KIND_DATE) {
        char dlo[CCK_DATE_TEXT], dhi[CCK_DATE_TEXT];
        cck_claim_date(cl, false, dlo);
        cck_claim_date(cl, true, dhi);
        CU_ASSERT_STRING_EQUAL(json_string_value(lo), dlo);
        CU_ASSERT_STRING_EQUAL(json_string_value(hi), dhi[0] ? dhi : dlo);
        CU_ASSERT_PTR_NULL(json_object_get(o, "lat"));
    } else {
        CU_ASSERT(json_is_number(lo));
        CU_ASSERT_DOUBLE_EQUAL(json_number_value(lo), cl->lo, 0);
        if (isfinite(cl->hi)) {
            CU_ASSERT_DOUBLE_EQUAL(json_number_value(hi), cl->hi, 0);
        } else {
            CU_ASSERT(json_is_null(hi));
        }
        CU_ASSERT_PTR_NULL(json_object_get(o, "lon"));
    }
    CU_ASSERT_STRING_EQUAL(jstr(o, "unit"), cck_claim_unit(cl));
    CU_ASSERT(json_is_boolean(json_object_get(o, "approx")));
    CU_ASSERT_EQUAL(json_is_true(json_object_get(o, "approx")), cl->approx);
    json_t *bound = json_object_get(o, "bound");
    if (cl->bound == CCK_BOUND_NONE) {
        CU_ASSERT(json_is_null(bound));
    } else {
        CU_ASSERT_STRING_EQUAL(json_string_value(bound), cck_bound_name(cl->bound));
    }
    const char *sf[] = {"entity", "attribute", "as_of"};
    const char *sv[] = {cl->entity, cl->attribute, cl->as_of};
    for (size_t i = 0; i < 3; i++) {
        json_t *v = json_object_get(o, sf[i]);
        CU_ASSERT_PTR_NOT_NULL(v);
        if (sv[i]) {
            CU_ASSERT_STRING_EQUAL(json_string_value(v), sv[i]);
        } else {
            CU_ASSERT(json_is_null(v));
        }
    }
    json_t *jc = json_object_get(o, "cites");
    CU_ASSERT_FATAL(json_is_array(jc));
    CU_ASSERT_EQUAL(json_array_size(jc), ncites);
    for (size_t i = 0; i < ncites && i < json_array_size(jc); i++)
        CU_ASSERT_STRING_EQUAL(json_string_value(json_array_get(jc, i)), cites[i]);
    CU_ASSERT_STRING_EQUAL(jstr(o, "zone"), cck_zone_name(cl->zone));
    CU_ASSERT_EQUAL(json_object_size(o), nkeys);
}

static json_t *parse(const char *line)
{
    json_error_t err;
    json_t *o = json_loads(line, 0, &err);
    if (!o)
        fprintf(stderr, "\nnot JSON (%s): %s\n", err.text, line);
    CU_ASSERT_PTR_NOT_NULL_FATAL(o);
    return o;
}

static const char *const CITES_A[] = {"[3]", "[20]"};
static const char ODD_SPAN[] = "\"quoted\" \\ back\nslash \xC3\x9C \xEF\xBF\xBD 12 km";

static void test_jsonl_claims_every_field(void)
{
    fixture f;
    build(&f);
    char *out = render(&f.c, false, CCK_FMT_JSONL, false, 0);
    size_t n;
    char **lines = lines_of(out, &n);
    CU_ASSERT_EQUAL_FATAL(n, 7);
    json_t *o;
    check_claim(o = parse(lines[0]), f.pop_a, "c1-1", 2, "559,000", CITES_A, 2);
    json_decref(o);
    check_claim(o = parse(lines[1]), f.found_a, "c1-2", 2, "1927", NULL, 0);
    json_decref(o);
    check_claim(o = parse(lines[2]), f.coord, "c1-3", 3,
                "39.838676\xC2\xB0 127.621851\xC2\xB0", NULL, 0);
    json_decref(o);
    check_claim(o = parse(lines[3]), f.pop_b, "c2-1", 1, "874,682", NULL, 0);
    json_decref(o);
    check_claim(o = parse(lines[4]), f.found_b, "c2-2", 1, "1927", NULL, 0);
    json_decref(o);
    check_claim(o = parse(lines[5]), f.odd, "c2-3", 2, ODD_SPAN, NULL, 0);
    json_decref(o);
    check_claim(o = parse(lines[6]), f.pct, "c2-4", 4, "3 percent", NULL, 0);
    json_decref(o);
    free(lines);
    free(out);
    cck_corpus_free(&f.c);
}

static void test_jsonl_numbers_short_and_exact(void)
{
    fixture f;
    build(&f);
    char *out = render(&f.c, false, CCK_FMT_JSONL, false, 0);
    /* integers without ".0", 0.1 + 0.2 in full, infinity as null */
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "\"lo\": 559000, \"hi\": 559000,"));
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "\"lo\": 0.30000000000000004, \"hi\": null,"));
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "\"lat\": 39.838676, \"lon\": 127.621851,"));
    CU_ASSERT_PTR_NULL(strstr(out, "inf"));
    CU_ASSERT_PTR_NULL(strstr(out, "nan"));
    CU_ASSERT_PTR_NULL(strstr(out, "\xFF"));
    char b[32];
    CU_ASSERT(cck_rep_number(b, 1e7));
    CU_ASSERT_STRING_EQUAL(b, "10000000");
    CU_ASSERT(cck_rep_number(b, 2.8));
    CU_ASSERT_STRING_EQUAL(b, "2.8");
    CU_ASSERT(cck_rep_number(b, -0.5));
    CU_ASSERT_STRING_EQUAL(b, "-0.5");
    /* integers are written digit by digit: sign, zero, the 15-digit edge */
    CU_ASSERT(cck_rep_number(b, -40));
    CU_ASSERT_STRING_EQUAL(b, "-40");
    CU_ASSERT(cck_rep_number(b, 0));
    CU_ASSERT_STRING_EQUAL(b, "0");
    CU_ASSERT(cck_rep_number(b, -0.0));
    CU_ASSERT_STRING_EQUAL(b, "-0");
    CU_ASSERT(cck_rep_number(b, 999999999999999.0));
    CU_ASSERT_STRING_EQUAL(b, "999999999999999");
    CU_ASSERT(cck_rep_number(b, 1e15));
    CU_ASSERT_STRING_EQUAL(b, "1e+15");
    CU_ASSERT_FALSE(cck_rep_number(b, NAN));
    CU_ASSERT_STRING_EQUAL(b, "null");
    free(out);
    cck_corpus_free(&f.c);
}

/* What cck_rep_number() wrote before its decimal fast path: the
 * reference it must agree with for every finite value. */
static void number_ref(char *buf, double v)
{
    snprintf(buf, 32, "%.15g", v);
    if (strtod(buf, NULL) != v)
        snprintf(buf, 32, "%.17g", v);
}

static void check_number(double v, size_t *fails)
{
    char got[32], want[32];
    cck_rep_number(got, v);
    number_ref(want, v);
    if (strcmp(got, want)) {
        if ((*fails)++ < 5)
            fprintf(stderr, "\n  number %.17g: got %s, want %s\n", v, got, want);
    }
}

static void test_numbers_agree_with_printf(void)
{
    size_t fails = 0, n = 0;
    /* decimals of 1 to 18 digits with 0 to 12 of them after the point,
     * both signs, and their neighbouring doubles */
    unsigned long long seed = 42;
    for (int digits = 1; digits <= 18; digits++)
        for (int scale = 0; scale <= 12; scale++)
            for (int r = 0; r < 60; r++) {
                seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
                unsigned long long m = seed >> 11;
                unsigned long long lim = 1;
                for (int k = 0; k < digits; k++)
                    lim *= 10;
                m %= lim;
                if (r % 7 == 0)
                    m -= m % 1000; /* trailing zeros */
                char txt[64];
                snprintf(txt, sizeof txt, "%llue-%d", m, scale);
                double v = strtod(txt, NULL);
                double vs[] = {v, -v, nextafter(v, 0), nextafter(v, INFINITY)};
                for (size_t k = 0; k < sizeof vs / sizeof *vs; k++, n++)
                    if (!(vs[k] == floor(vs[k]) && fabs(vs[k]) < 1e15))
                        check_number(vs[k], &fails);
            }
    /* edges of the fixed notation and of 15 digits, and sums that are not
     * the decimal they look like */
    static const double edges[] = {1e-4, 9.999e-5, 1.00001e-4, 0.1 + 0.2, 1.0 / 3, 2.0 / 3,
                                   99999999999999.9, 999999999999999.5, 123456789.123456789,
                                   0.000123456789012345, 4828.032, 2414.016, 0.044704,
                                   1e14 + 0.5, 5e-324, 1.7976931348623157e308, 0.5, 0.1, 0.7};
    for (size_t k = 0; k < sizeof edges / sizeof *edges; k++, n += 2) {
        check_number(edges[k], &fails);
        check_number(-edges[k], &fails);
    }
    CU_ASSERT_EQUAL(fails, 0);
    CU_ASSERT(n > 50000);
}

static char *json_string_of(const char *s, size_t n)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    cck_rep_json_string(out, s, n);
    fclose(out);
    return buf;
}

/* Every byte alone, between letters: kept, escaped, or (not UTF-8 alone)
 * replaced, as the JSON writer's rule says. */
static void test_json_string_every_byte(void)
{
    for (unsigned c = 0; c < 256; c++) {
        char in[3] = {'a', (char)c, 'b'};
        char *js = json_string_of(in, 3);
        char want[16];
        if (c == '"')
            strcpy(want, "\"a\\\"b\"");
        else if (c == '\\')
            strcpy(want, "\"a\\\\b\"");
        else if (c == '\n')
            strcpy(want, "\"a\\nb\"");
        else if (c == '\t')
            strcpy(want, "\"a\\tb\"");
        else if (c == '\r')
            strcpy(want, "\"a\\rb\"");
        else if (c == '\b')
            strcpy(want, "\"a\\bb\"");
        else if (c == '\f')
            strcpy(want, "\"a\\fb\"");
        else if (c < 0x20)
            snprintf(want, sizeof want, "\"a\\u%04xb\"", c);
        else if (c < 0x80)
            snprintf(want, sizeof want, "\"a%cb\"", (char)c);
        else
            strcpy(want, "\"a\xEF\xBF\xBD" "b\"");
        CU_ASSERT_STRING_EQUAL(js, want);
        free(js);
    }
}

static void test_json_string_escapes(void)
{
    static const char in[] = "a\"b\\c\nd\te\x01" "f\x1f\xC3\xA9\xFF\xC3\x28\xE2\x80\xA8z\x7f";
    char *js = json_string_of(in, sizeof in - 1);
    CU_ASSERT_STRING_EQUAL(js, "\"a\\\"b\\\\c\\nd\\te\\u0001f\\u001f\xC3\xA9\xEF\xBF\xBD\xEF\xBF\xBD("
                               "\\u2028z\x7f\"");
    json_error_t err;
    json_t *v = json_loads(js, JSON_DECODE_ANY, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(v);
    CU_ASSERT_STRING_EQUAL(json_string_value(v),
                           "a\"b\\c\nd\te\x01" "f\x1f\xC3\xA9\xEF\xBF\xBD\xEF\xBF\xBD(\xE2\x80\xA8z\x7f");
    json_decref(v);
    free(js);
    /* a NUL byte and a truncated sequence at the end */
    js = json_string_of("x\0\xE2\x80", 4);
    CU_ASSERT_STRING_EQUAL(js, "\"x\\u0000\xEF\xBF\xBD\xEF\xBF\xBD\"");
    free(js);
    js = json_string_of("", 0);
    CU_ASSERT_STRING_EQUAL(js, "\"\"");
    free(js);
}

static void test_jsonl_groups_every_field(void)
{
    fixture f;
    build(&f);
    char *out = render(&f.c, true, CCK_FMT_JSONL, false, 0);
    size_t n;
    char **lines = lines_of(out, &n);
    CU_ASSERT_EQUAL_FATAL(n, 3);
    static const char *const status[] = {"conflict", "consistent", "single"};
    static const char *const favoured[] = {"c1-1", NULL, NULL};
    for (size_t i = 0; i < 3; i++) {
        const cck_group *g = &f.c.groups[i];
        json_t *o = parse(lines[i]);
        char id[8];
        snprintf(id, sizeof id, "g%zu", i + 1);
        CU_ASSERT_STRING_EQUAL(jstr(o, "id"), id);
        CU_ASSERT_STRING_EQUAL(jstr(o, "entity"), g->entity);
        CU_ASSERT_STRING_EQUAL(jstr(o, "attribute"), g->attribute);
        if (g->as_of) {
            CU_ASSERT_STRING_EQUAL(jstr(o, "as_of"), g->as_of);
        } else {
            CU_ASSERT(json_is_null(json_object_get(o, "as_of")));
        }
        CU_ASSERT_STRING_EQUAL(jstr(o, "status"), status[i]);
        if (g->note) {
            CU_ASSERT_STRING_EQUAL(jstr(o, "note"), g->note);
        } else {
            CU_ASSERT(json_is_null(json_object_get(o, "note")));
        }
        if (favoured[i]) {
            CU_ASSERT_STRING_EQUAL(jstr(o, "favoured"), favoured[i]);
        } else {
            CU_ASSERT(json_is_null(json_object_get(o, "favoured")));
        }
        CU_ASSERT_EQUAL(json_integer_value(json_object_get(o, "sources")), (json_int_t)g->nsources);
        CU_ASSERT_EQUAL(json_object_size(o), 9);
        json_t *cl = json_object_get(o, "claims");
        CU_ASSERT_EQUAL_FATAL(json_array_size(cl), g->nclaims);
        json_decref(o);
    }
    json_t *o = parse(lines[0]);
    json_t *cl = json_object_get(o, "claims");
    check_claim(json_array_get(cl, 0), f.pop_a, "c1-1", 2, "559,000", CITES_A, 2);
    check_claim(json_array_get(cl, 1), f.pop_b, "c2-1", 1, "874,682", NULL, 0);
    json_decref(o);
    o = parse(lines[2]);
    check_claim(json_array_get(json_object_get(o, "claims"), 0), f.coord, "c1-3", 3,
                "39.838676\xC2\xB0 127.621851\xC2\xB0", NULL, 0);
    json_decref(o);
    free(lines);
    free(out);
    cck_corpus_free(&f.c);
}

/* The scorer reads both kinds of output (values will not match the key). */
static void test_jsonl_read_by_scorer(void)
{
    static const char score[] = "/work/shared/eval/score";
    FILE *probe = fopen(score, "r");
    if (!probe)
        return;   /* not on this machine */
    fclose(probe);
    fixture f;
    build(&f);
    for (int groups = 0; groups < 2; groups++) {
        char path[] = "/tmp/cck-report-XXXXXX";
        int fd = mkstemp(path);
        CU_ASSERT_FATAL(fd >= 0);
        FILE *out = fdopen(fd, "w");
        CU_ASSERT_PTR_NOT_NULL_FATAL(out);
        cck_status st = groups ? cck_rep_groups(out, &f.c, CCK_FMT_JSONL, NULL)
                               : cck_rep_claims(out, &f.c, CCK_FMT_JSONL, NULL);
        CU_ASSERT_EQUAL(st, CCK_OK);
        fclose(out);
        char cmd[256];
        snprintf(cmd, sizeof cmd, "%s --json %s >/dev/null 2>&1", score, path);
        CU_ASSERT_EQUAL(system(cmd), 0);
        remove(path);
    }
    cck_corpus_free(&f.c);
}

static const char SUMMARY[] = "2 sources, 7 claims, 3 subjects, 1 conflict";

static bool has_line(char **lines, size_t n, const char *want)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(lines[i], want))
            return true;
    return false;
}

/* The line holding needle, or NULL. */
static const char *line_with(char **lines, size_t n, const char *needle)
{
    for (size_t i = 0; i < n; i++)
        if (strstr(lines[i], needle))
            return lines[i];
    return NULL;
}

static void test_text_groups_report(void)
{
    fixture f;
    build(&f);
    char *out = render(&f.c, true, CCK_FMT_TEXT, false, 0);
    size_t n;
    char **lines = lines_of(out, &n);
    CU_ASSERT_FATAL(n > 5);
    CU_ASSERT_STRING_EQUAL(lines[0], "CONFLICT  Hamhung \xC2\xB7 population (as of 2021)");
    CU_ASSERT_STRING_EQUAL(lines[1], "  559,000 vs 874,682 differ by 56%, tolerance 2%");
    const char *head = lines[2];
    CU_ASSERT_PTR_NOT_NULL(strstr(head, "as written  normalized  source"));
    CU_ASSERT_PTR_NOT_NULL(strstr(head, "line:col"));
    /* one row per claim: value, normalized, file name, line:col, sentence, cites */
    const char *ra = line_with(lines, n, "  559,000  ");
    const char *rb = line_with(lines, n, "  874,682  ");
    CU_ASSERT_PTR_NOT_NULL_FATAL(ra);
    CU_ASSERT_PTR_NOT_NULL_FATAL(rb);
    CU_ASSERT_PTR_NOT_NULL(strstr(ra, " 559000 "));
    CU_ASSERT_PTR_NOT_NULL(strstr(ra, " a.txt "));
    CU_ASSERT_PTR_NULL(strstr(ra, "dir/"));
    CU_ASSERT_PTR_NOT_NULL(strstr(ra, " 2:28 "));
    CU_ASSERT_PTR_NOT_NULL(strstr(ra, "population was 559,000.[3][20]"));
    CU_ASSERT(strlen(ra) > 7 && !strcmp(ra + strlen(ra) - 7, "[3][20]"));
    CU_ASSERT_PTR_NOT_NULL(strstr(rb, " b.txt "));
    CU_ASSERT_PTR_NOT_NULL(strstr(rb, " 1:27 "));
    CU_ASSERT_PTR_NOT_NULL(strstr(rb, "Hamhung | had 874,682 people"));
    CU_ASSERT(strlen(rb) > 7 && !strcmp(rb + strlen(rb) - 7, "uncited"));
    CU_ASSERT(ra == lines[3] && rb == lines[4]);
    CU_ASSERT_PTR_NOT_NULL(line_with(lines, n, "favoured: 559,000 (a.txt 2:28)"));
    CU_ASSERT(has_line(lines, n, "Consistent subjects"));
    CU_ASSERT(has_line(lines, n, "  Hamhung \xC2\xB7 founded: 1927 \xE2\x80\x94 a.txt, b.txt"));
    CU_ASSERT(has_line(lines, n, "1 single-source subject (not listed)"));
    CU_ASSERT_PTR_NULL(strstr(out, "Hungnam"));
    CU_ASSERT_STRING_EQUAL(lines[n - 1], SUMMARY);
    CU_ASSERT_PTR_NULL(strchr(out, '\x1b'));
    for (size_t i = 0; i < n; i++) {
        CU_ASSERT(cck_rep_width(lines[i], strlen(lines[i])) <= 100);
        size_t l = strlen(lines[i]);
        CU_ASSERT(l == 0 || lines[i][l - 1] != ' ');
    }
    /* wide enough, whole sentences */
    char *wide = render(&f.c, true, CCK_FMT_TEXT, false, 140);
    CU_ASSERT_PTR_NOT_NULL(strstr(wide, "  In 2021 the population was 559,000.[3][20]  "));
    CU_ASSERT_PTR_NOT_NULL(strstr(wide, "  The city of Hamhung | had 874,682 people in 2021.  "));
    CU_ASSERT_PTR_NULL(strstr(wide, "\xE2\x80\xA6"));
    free(wide);
    /* the same corpus gives the same bytes */
    char *again = render(&f.c, true, CCK_FMT_TEXT, false, 0);
    CU_ASSERT_STRING_EQUAL(out, again);
    free(again);
    free(lines);
    free(out);
    cck_corpus_free(&f.c);
}

static void test_text_color_only_when_asked(void)
{
    fixture f;
    build(&f);
    char *out = render(&f.c, true, CCK_FMT_TEXT, true, 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "was \x1b[1m" "559,000\x1b[0m.[3][20]"));
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "CONFLICT"));
    size_t n;
    char **lines = lines_of(out, &n);
    CU_ASSERT_STRING_EQUAL(lines[n - 1], SUMMARY);
    free(lines);
    free(out);
    cck_corpus_free(&f.c);
}

/* A long sentence in a narrow terminal: every line fits, the figure stays. */
static void test_text_fits_width(void)
{
    fixture f;
    build(&f);
    static const char longtext[] =
        "According to a long and winding account of the municipal statistics office, "
        "which few people have read in full, the population was 612,000 at the end of a "
        "year that the account does not name, though it does name many other things.";
    cck_source *s = cck_source_from_memory("c-with-a-rather-long-name.txt", longtext,
                                           sizeof longtext - 1);
    s->nunits = 1;
    s->units = cck_arena_alloc(s->arena, sizeof *s->units);
    s->units[0].end = s->len;
    cck_claim *cl = add(s, "612,000", 0, CCK_KIND_COUNT, 612000, 612000, "", "Hamhung",
                        "population", "2021");
    cck_corpus_add(&f.c, s);
    cck_group *g = &f.c.groups[0];
    cck_claim **v = cck_arena_alloc(f.c.arena, 3 * sizeof *v);
    v[0] = g->claims[0];
    v[1] = g->claims[1];
    v[2] = cl;
    g->claims = v;
    g->nclaims = 3;
    for (unsigned width = 80; width <= 120; width += 20) {
        char *out = render(&f.c, true, CCK_FMT_TEXT, false, width);
        size_t n;
        char **lines = lines_of(out, &n);
        for (size_t i = 0; i < n; i++)
            CU_ASSERT(cck_rep_width(lines[i], strlen(lines[i])) <= width);
        if (getenv("CCK_SHOW")) fputs(out, stderr);
        const char *row = line_with(lines, n, "612,000");
        CU_ASSERT_PTR_NOT_NULL_FATAL(row);
        CU_ASSERT_PTR_NOT_NULL(strstr(row, "was 612,000 at"));
        CU_ASSERT_PTR_NOT_NULL(strstr(row, "\xE2\x80\xA6"));
        CU_ASSERT_PTR_NOT_NULL(strstr(row, "uncited"));
        CU_ASSERT_STRING_EQUAL(lines[n - 1], "3 sources, 8 claims, 3 subjects, 1 conflict");
        free(lines);
        free(out);
    }
    cck_corpus_free(&f.c);
}

/* A table cell is shown after its caption, row and column labels. */
static void test_text_table_cell_labels(void)
{
    cck_corpus c;
    cck_corpus_init(&c);
    static const char text[] = "| Jan | 2.8 | 5.2 |\n";
    cck_source *s = cck_source_from_memory("climate.md", text, sizeof text - 1);
    s->nunits = 1;
    s->units = cck_arena_alloc(s->arena, sizeof *s->units);
    s->units[0] = unit_of(s, "2.8");
    s->units[0].zone = CCK_ZONE_TABLE;
    s->ncells = 1;
    s->cells = cck_arena_alloc(s->arena, sizeof *s->cells);
    s->cells[0] = (cck_table_cell){"Climate", "Jan", "Mean max (\xC2\xB0" "C)", 0, 0};
    cck_claim *cl = add(s, "2.8", 0, CCK_KIND_MEASURE, 2.8, 2.8, "degC", "Hamhung",
                        "mean_max_temp_jan", NULL);
    cl->zone = CCK_ZONE_TABLE;
    cck_corpus_add(&c, s);
    c.ngroups = 1;
    c.groups = cck_arena_alloc(c.arena, sizeof *c.groups);
    c.groups[0] = (cck_group){"Hamhung", "mean_max_temp_jan", NULL, CCK_GROUP_CONFLICT,
                              cck_arena_alloc(c.arena, sizeof(cck_claim *)), 1, 1, NULL, NULL};
    c.groups[0].claims[0] = cl;
    char *out = render(&c, true, CCK_FMT_TEXT, true, 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "  2.8  "));
    CU_ASSERT_PTR_NOT_NULL(strstr(out, " 2.8 degC "));
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "Climate \xC2\xB7 Jan \xC2\xB7 Mean max (\xC2\xB0" "C): \x1b[1m2.8\x1b[0m"));
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "1 source, 1 claim, 1 subject, 1 conflict\n"));
    free(out);
    out = render(&c, false, CCK_FMT_JSONL, false, 0);
    json_t *o = parse(out);
    check_claim(o, cl, "c1-1", 1, "2.8", NULL, 0);
    json_decref(o);
    free(out);
    cck_corpus_free(&c);
}

/* Absurd widths still give every row and the summary, without a crash. */
static void test_text_tiny_widths(void)
{
    fixture f;
    build(&f);
    for (unsigned width = 1; width <= 48; width++) {
        char *out = render(&f.c, true, CCK_FMT_TEXT, width % 2 == 0, width);
        size_t n;
        char **lines = lines_of(out, &n);
        CU_ASSERT_FATAL(n > 4);
        CU_ASSERT_STRING_EQUAL(lines[n - 1], SUMMARY);
        CU_ASSERT_PTR_NOT_NULL(line_with(lines, n, "2:28"));
        CU_ASSERT_PTR_NOT_NULL(line_with(lines, n, "1:27"));
        free(lines);
        free(out);
    }
    cck_corpus_free(&f.c);
}

static void test_text_claims_lines(void)
{
    fixture f;
    build(&f);
    char *out = render(&f.c, false, CCK_FMT_TEXT, false, 0);
    size_t n;
    char **lines = lines_of(out, &n);
    CU_ASSERT_EQUAL_FATAL(n, 7);
    CU_ASSERT_STRING_EQUAL(lines[0], "dir/a.txt:2:28  count  559,000  -> 559000  "
                                     "Hamhung \xC2\xB7 population (as of 2021)");
    CU_ASSERT_STRING_EQUAL(lines[1], "dir/a.txt:2:62  date  1927  -> 1927  Hamhung \xC2\xB7 founded");
    CU_ASSERT_STRING_EQUAL(lines[2], "dir/a.txt:3:17  coordinate  39.838676\xC2\xB0 127.621851\xC2\xB0"
                                     "  -> 39.8387, 127.6219  Hungnam Fertilizer Complex \xC2\xB7 coordinates");
    /* the newline and the invalid byte never reach the terminal */
    CU_ASSERT_STRING_EQUAL(lines[5], "b.txt:2:5  measure  \"quoted\" \\ back slash \xC3\x9C \xEF\xBF\xBD 12 km"
                                     "  -> \xE2\x89\xA4" "12000\xE2\x80\x93" "13000 m  Odd \"thing\" \xC2\xB7 length");
    CU_ASSERT_STRING_EQUAL(lines[6], "b.txt:4:12  percent  3 percent  -> \xE2\x89\xA5" "0.3%");
    free(lines);
    free(out);
    cck_corpus_free(&f.c);
}

/* Cells of a Markdown table row: "|" not escaped by a backslash. */
static size_t md_cells(const char *row)
{
    size_t pipes = 0;
    for (size_t i = 0; row[i]; i++) {
        if (row[i] == '\\' && row[i + 1]) {
            i++;
            continue;
        }
        pipes += row[i] == '|';
    }
    return pipes ? pipes - 1 : 0;
}

static void test_md_groups_report(void)
{
    fixture f;
    build(&f);
    char *out = render(&f.c, true, CCK_FMT_MD, false, 0);
    size_t n;
    char **lines = lines_of(out, &n);
    CU_ASSERT(has_line(lines, n, "## CONFLICT: Hamhung \xC2\xB7 population (as of 2021)"));
    CU_ASSERT(has_line(lines, n, "559,000 vs 874,682 differ by 56%, tolerance 2%"));
    size_t rows = 0;
    for (size_t i = 0; i < n; i++) {
        if (lines[i][0] != '|')
            continue;
        rows++;
        CU_ASSERT_EQUAL(md_cells(lines[i]), 6);
    }
    CU_ASSERT_EQUAL(rows, 4);   /* header, rule, two claims */
    CU_ASSERT(has_line(lines, n, "|---|---|---|---|---|---|"));
    const char *rb = line_with(lines, n, "874,682 |");
    CU_ASSERT_PTR_NOT_NULL_FATAL(rb);
    CU_ASSERT_PTR_NOT_NULL(strstr(rb, "Hamhung \\| had **874,682** people"));
    CU_ASSERT_PTR_NOT_NULL(strstr(rb, "| b.txt | 1:27 |"));
    CU_ASSERT_PTR_NOT_NULL(strstr(rb, "| uncited |"));
    const char *ra = line_with(lines, n, "| 559,000 |");
    CU_ASSERT_PTR_NOT_NULL_FATAL(ra);
    CU_ASSERT_PTR_NOT_NULL(strstr(ra, "| [3][20] |"));
    CU_ASSERT(has_line(lines, n, "## Consistent subjects"));
    CU_ASSERT(has_line(lines, n, "- Hamhung \xC2\xB7 founded: 1927 \xE2\x80\x94 a.txt, b.txt"));
    CU_ASSERT(has_line(lines, n, "1 single-source subject (not listed)"));
    CU_ASSERT_STRING_EQUAL(lines[n - 1], SUMMARY);
    free(lines);
    free(out);
    cck_corpus_free(&f.c);
}

static void test_md_claims_table(void)
{
    fixture f;
    build(&f);
    char *out = render(&f.c, false, CCK_FMT_MD, false, 0);
    size_t n;
    char **lines = lines_of(out, &n);
    size_t rows = 0;
    for (size_t i = 0; i < n; i++) {
        if (lines[i][0] != '|')
            continue;
        rows++;
        CU_ASSERT_EQUAL(md_cells(lines[i]), 5);
    }
    CU_ASSERT_EQUAL(rows, 9);
    CU_ASSERT(has_line(lines, n, "| dir/a.txt:2:28 | count | 559,000 | 559000 | "
                                 "Hamhung \xC2\xB7 population (as of 2021) |"));
    /* backslash and the figure's markup characters are escaped */
    CU_ASSERT_PTR_NOT_NULL(line_with(lines, n, "| \"quoted\" \\\\ back slash"));
    /* normalized values are for people: 0.1 + 0.2 reads as 0.3 */
    CU_ASSERT_PTR_NOT_NULL(line_with(lines, n, "| \xE2\x89\xA5" "0.3% |"));
    free(lines);
    free(out);
    cck_corpus_free(&f.c);
}

static void test_empty_corpus(void)
{
    cck_corpus c;
    cck_corpus_init(&c);
    char *out = render(&c, true, CCK_FMT_TEXT, false, 0);
    CU_ASSERT_STRING_EQUAL(out, "No conflicts found.\n\n0 sources, 0 claims, 0 subjects, 0 conflicts\n");
    free(out);
    out = render(&c, false, CCK_FMT_JSONL, false, 0);
    CU_ASSERT_STRING_EQUAL(out, "");
    free(out);
    out = render(&c, true, CCK_FMT_JSONL, false, 0);
    CU_ASSERT_STRING_EQUAL(out, "");
    free(out);
    cck_corpus_free(&c);
}

static void test_write_error_is_reported(void)
{
    fixture f;
    build(&f);
    FILE *ro = fopen("/dev/null", "r");   /* every write fails */
    CU_ASSERT_PTR_NOT_NULL_FATAL(ro);
    CU_ASSERT_EQUAL(cck_rep_claims(ro, &f.c, CCK_FMT_JSONL, NULL), CCK_ERR_IO);
    clearerr(ro);
    CU_ASSERT_EQUAL(cck_rep_groups(ro, &f.c, CCK_FMT_TEXT, NULL), CCK_ERR_IO);
    fclose(ro);
    /* a full disk, in every format, claims and groups: an error returned,
     * and nothing printed (the caller says it once; libxml2's writer
     * would print "I/O error" of its own) */
    fflush(stderr);
    int saved = dup(STDERR_FILENO);
    FILE *err = tmpfile();
    CU_ASSERT_FATAL(saved >= 0 && err != NULL);
    CU_ASSERT_FATAL(dup2(fileno(err), STDERR_FILENO) >= 0);
    for (int fmt = CCK_FMT_TEXT; fmt <= CCK_FMT_HTML; fmt++)
        for (int groups = 0; groups < 2; groups++) {
            FILE *full = fopen("/dev/full", "w");
            CU_ASSERT_PTR_NOT_NULL_FATAL(full);
            cck_status st = groups ? cck_rep_groups(full, &f.c, (cck_format)fmt, NULL)
                                   : cck_rep_claims(full, &f.c, (cck_format)fmt, NULL);
            if (st != CCK_ERR_IO)
                CU_FAIL("a write to a full disk did not fail");
            fclose(full);
        }
    fflush(stderr);
    dup2(saved, STDERR_FILENO);
    close(saved);
    CU_ASSERT_EQUAL(ftell(err), 0);
    fclose(err);
    cck_corpus_free(&f.c);
}

/* The fixture's claims in many groups, statuses mixed in no sorted order:
 * pattern k of every seven is a conflict at 0 and 3, consistent at 1 and 5. */
static void many_groups(fixture *f, size_t n)
{
    f->c.ngroups = n;
    f->c.groups = cck_arena_alloc(f->c.arena, n * sizeof *f->c.groups);
    for (size_t i = 0; i < n; i++) {
        cck_group *g = &f->c.groups[i];
        size_t k = i % 7;
        g->entity = cck_arena_printf(f->c.arena, "Place %zu", i);
        g->attribute = k % 2 ? "founded" : "population";
        g->as_of = k == 3 ? "2021" : NULL;
        g->status = k == 0 || k == 3 ? CCK_GROUP_CONFLICT
                  : k == 1 || k == 5 ? CCK_GROUP_CONSISTENT : CCK_GROUP_SINGLE;
        g->nclaims = g->status == CCK_GROUP_SINGLE ? 1 : 2 + i % 3;
        g->claims = cck_arena_alloc(f->c.arena, g->nclaims * sizeof *g->claims);
        cck_claim *pick[] = {f->pop_a, f->pop_b, f->odd, f->found_a, f->found_b, f->coord};
        for (size_t j = 0; j < g->nclaims; j++)
            g->claims[j] = pick[(i + j) % 6];
        g->nsources = g->nclaims > 1 ? 2 : 1;
        g->note = cck_arena_printf(f->c.arena, "note of group %zu", i);
        g->favoured = g->claims[0];
    }
}

static char *render_jobs(const cck_corpus *c, cck_format fmt, bool color, unsigned jobs)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    CU_ASSERT_PTR_NOT_NULL_FATAL(out);
    cck_rep_options o = {.color = color, .width = 90, .jobs = jobs};
    CU_ASSERT_EQUAL(cck_rep_groups(out, c, fmt, &o), CCK_OK);
    fclose(out);
    return buf;
}

/* check's text, Markdown, JSON Lines, CSV, JSON and HTML reports are
 * rendered in parts on threads: any number of them writes what one writes, groups in any
 * order, and a failed write still shows. */
static void test_groups_reports_any_number_of_threads(void)
{
    fixture f;
    build(&f);
    enum { N = 500 };
    many_groups(&f, N);
    static const cck_format fmts[] = {CCK_FMT_TEXT, CCK_FMT_TEXT, CCK_FMT_MD, CCK_FMT_JSONL,
                                      CCK_FMT_CSV, CCK_FMT_JSON, CCK_FMT_HTML};
    static const unsigned jobs[] = {2, 3, 8, 64, 300};
    for (size_t k = 0; k < sizeof fmts / sizeof *fmts; k++) {
        char *one = render_jobs(&f.c, fmts[k], k == 1, 1);
        for (size_t j = 0; j < sizeof jobs / sizeof *jobs; j++) {
            char *got = render_jobs(&f.c, fmts[k], k == 1, jobs[j]);
            CU_ASSERT_STRING_EQUAL(got, one);
            free(got);
        }
        /* what one thread writes is in group order: each conflict's note,
         * every group in jsonl, each consistent subject */
        const char *at = one;
        for (size_t i = 0; i < N; i++) {
            const cck_group *g = &f.c.groups[i];
            char want[64];
            if (fmts[k] == CCK_FMT_JSONL || fmts[k] == CCK_FMT_JSON)
                snprintf(want, sizeof want, "{\"id\": \"g%zu\", \"entity\": \"Place %zu\"", i + 1, i);
            else if (fmts[k] == CCK_FMT_HTML)
                break;  /* conflicts by importance: below */
            else if (fmts[k] == CCK_FMT_CSV)
                snprintf(want, sizeof want, "\r\ng%zu,%s,", i + 1, cck_group_status_name(g->status));
            else if (g->status == CCK_GROUP_CONFLICT)
                snprintf(want, sizeof want, "note of group %zu\n", i);
            else
                continue;
            const char *p = strstr(at, want);
            CU_ASSERT_PTR_NOT_NULL(p);
            if (p)
                at = p;
        }
        if (fmts[k] == CCK_FMT_CSV) {
            /* a row per claim of every group, after the header */
            size_t rows = 0, want = 0;
            for (const char *p = one; (p = strstr(p, "\r\n")); p += 2)
                rows++;
            for (size_t i = 0; i < N; i++)
                want += f.c.groups[i].nclaims;
            CU_ASSERT_EQUAL(rows, want + 1);
        } else if (fmts[k] == CCK_FMT_HTML) {
            /* every conflict's section, each once, and every source's table */
            size_t nconf = 0;
            for (size_t i = 0; i < N; i++) {
                if (f.c.groups[i].status != CCK_GROUP_CONFLICT)
                    continue;
                nconf++;
                char want[64];
                snprintf(want, sizeof want, " id=\"g%zu\"", i + 1);
                const char *p = strstr(one, want);
                CU_ASSERT_PTR_NOT_NULL(p);
                CU_ASSERT(p && !strstr(p + 1, want));
            }
            size_t sections = 0, tables = 0;
            for (const char *p = one; (p = strstr(p, "<section class=\"group conflict\"")); p++)
                sections++;
            for (const char *p = one; (p = strstr(p, "<table>")); p++)
                tables++;
            CU_ASSERT_EQUAL(sections, nconf);
            CU_ASSERT_EQUAL(tables, nconf + f.c.nsources);
            CU_ASSERT_PTR_NULL(strstr(one, "data-cck-slot"));
        } else if (fmts[k] == CCK_FMT_JSON) {
            /* one document, the groups in it as one thread writes them */
            json_error_t e;
            json_t *doc = json_loads(one, 0, &e);
            CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
            CU_ASSERT_EQUAL(json_array_size(json_object_get(doc, "groups")), N);
            json_decref(doc);
        } else if (fmts[k] != CCK_FMT_JSONL) {
            const char *cons = strstr(one, "Consistent subjects");
            CU_ASSERT_PTR_NOT_NULL_FATAL(cons);
            CU_ASSERT(cons > at);   /* after the last conflict */
            CU_ASSERT_PTR_NULL(strstr(cons + 1, "Consistent subjects"));
            CU_ASSERT_PTR_NOT_NULL(strstr(cons, "Place 498")); /* 498 % 7 == 1 */
        }
        free(one);
    }
    FILE *full = fopen("/dev/full", "w");
    if (full) {
        cck_rep_options o = {.width = 80, .jobs = 2};
        CU_ASSERT_EQUAL(cck_rep_groups(full, &f.c, CCK_FMT_TEXT, &o), CCK_ERR_IO);
        fclose(full);
    }
    cck_corpus_free(&f.c);
}

/* The findings are made in slices of the conflicts on threads and sorted
 * on them: any number of threads gives the list one thread gives, each
 * kind of each claim once. */
static void test_findings_any_number_of_threads(void)
{
    fixture f;
    build(&f);
    enum { N = 300 };
    many_groups(&f, N);
    size_t par_min = cck_rec_par_min;
    cck_rec_par_min = 1;    /* slices of a few claims */
    cck_finding *one;
    size_t n = cck_rep_findings_of(&f.c, ~0u, 1, &one);
    size_t want = 0;
    for (size_t i = 0; i < N; i++)
        if (f.c.groups[i].status == CCK_GROUP_CONFLICT)
            want += f.c.groups[i].nclaims;
    size_t conflicts = 0;
    for (size_t i = 0; i < n; i++)
        conflicts += one[i].kind == CCK_FIND_CONFLICT;
    CU_ASSERT_EQUAL(conflicts, want);
    static const unsigned jobs[] = {2, 3, 8, 64};
    for (size_t j = 0; j < sizeof jobs / sizeof *jobs; j++) {
        cck_finding *got;
        size_t m = cck_rep_findings_of(&f.c, ~0u, jobs[j], &got);
        CU_ASSERT_EQUAL_FATAL(m, n);
        for (size_t i = 0; i < n; i++) {
            CU_ASSERT_EQUAL(got[i].kind, one[i].kind);
            CU_ASSERT_EQUAL(got[i].group, one[i].group);
            CU_ASSERT_EQUAL(got[i].start, one[i].start);
            CU_ASSERT_PTR_EQUAL(got[i].src, one[i].src);
            CU_ASSERT_STRING_EQUAL(got[i].msg, one[i].msg);
        }
        cck_rep_findings_free(got, m);
    }
    /* in file order: source, then offset, then kind */
    for (size_t i = 1; i < n; i++)
        CU_ASSERT(one[i - 1].src_pos < one[i].src_pos ||
                  (one[i - 1].src_pos == one[i].src_pos &&
                   (one[i - 1].start < one[i].start ||
                    (one[i - 1].start == one[i].start && one[i - 1].kind <= one[i].kind))));
    cck_rep_findings_free(one, n);
    cck_rec_par_min = par_min;
    cck_corpus_free(&f.c);
}

/* JSON Lines of c, a whole group at a time through a stream: what the
 * parts must add up to, however they cut the groups. */
static char *jsonl_whole_groups(const cck_corpus *c)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    CU_ASSERT_PTR_NOT_NULL_FATAL(out);
    cck_rep_index ix;
    cck_rep_index_init(&ix, c);
    for (size_t i = 0; i < c->ngroups; i++) {
        cck_rep_json_group(out, &ix, c, i, false);
        fputc('\n', out);
    }
    cck_rep_index_free(&ix);
    fclose(out);
    return buf;
}

/* Every format, jobs 1 to 8 and more jobs than parts, writes the same;
 * jsonl writes each group whole, in order, parsed back with all claims. */
static void check_any_jobs(const cck_corpus *c)
{
    static const cck_format fmts[] = {CCK_FMT_JSONL, CCK_FMT_MD, CCK_FMT_TEXT};
    static const unsigned jobs[] = {2, 3, 4, 5, 6, 7, 8, 64, 300};
    for (size_t k = 0; k < sizeof fmts / sizeof *fmts; k++) {
        char *one = render_jobs(c, fmts[k], false, 1);
        if (fmts[k] == CCK_FMT_JSONL) {
            char *whole = jsonl_whole_groups(c);
            CU_ASSERT_STRING_EQUAL(one, whole);
            free(whole);
            const char *line = one;
            for (size_t i = 0; i < c->ngroups; i++) {
                const char *nl = strchr(line, '\n');
                CU_ASSERT_PTR_NOT_NULL_FATAL(nl);
                json_error_t err;
                json_t *o = json_loadb(line, (size_t)(nl - line), 0, &err);
                CU_ASSERT_PTR_NOT_NULL_FATAL(o);
                CU_ASSERT_EQUAL(json_array_size(json_object_get(o, "claims")),
                                c->groups[i].nclaims);
                char id[32];
                snprintf(id, sizeof id, "g%zu", i + 1);
                CU_ASSERT_STRING_EQUAL(json_string_value(json_object_get(o, "id")), id);
                json_decref(o);
                line = nl + 1;
            }
            CU_ASSERT_EQUAL(*line, '\0');
        }
        for (size_t j = 0; j < sizeof jobs / sizeof *jobs; j++) {
            char *got = render_jobs(c, fmts[k], false, jobs[j]);
            CU_ASSERT_STRING_EQUAL(got, one);
            free(got);
        }
        free(one);
    }
}

/* Parts are cut by work: around whole groups of few claims, and between
 * the claims of a group of many (jsonl). The counts around a part's size
 * (256: a group and each claim one) and 32 (the old part size) all write
 * what one thread writes. */
static void test_parts_cut_anywhere(void)
{
    fixture f;
    build(&f);
    static const size_t counts[] = {0, 1, 2, 31, 32, 33, 85, 86, 87, 300};
    for (size_t k = 0; k < sizeof counts / sizeof *counts; k++) {
        many_groups(&f, counts[k]);
        check_any_jobs(&f.c);
    }
    /* groups of no claims, one, and many: cut at every place a part may
     * end, 255 to 257 claims and several parts' worth */
    static const size_t sizes[] = {0, 1, 253, 254, 255, 256, 257, 3, 0, 700, 1, 511, 512, 2};
    enum { NS = sizeof sizes / sizeof *sizes };
    cck_claim *pick[] = {f.pop_a, f.pop_b, f.odd, f.found_a, f.found_b, f.coord, f.pct};
    for (size_t first = 0; first < 3; first++) {
        /* the same sizes, shifted so that the cuts fall elsewhere */
        f.c.ngroups = NS - first;
        f.c.groups = cck_arena_alloc(f.c.arena, f.c.ngroups * sizeof *f.c.groups);
        for (size_t i = 0; i < f.c.ngroups; i++) {
            cck_group *g = &f.c.groups[i];
            memset(g, 0, sizeof *g);
            g->entity = cck_arena_printf(f.c.arena, "Big %zu", i);
            g->attribute = "population";
            g->status = i % 2 ? CCK_GROUP_CONFLICT : CCK_GROUP_CONSISTENT;
            g->nclaims = sizes[i + first];
            g->claims = cck_arena_alloc(f.c.arena, (g->nclaims + 1) * sizeof *g->claims);
            for (size_t j = 0; j < g->nclaims; j++)
                g->claims[j] = pick[(i + j) % 7];
            g->nsources = 2;
            g->note = cck_arena_printf(f.c.arena, "note of big group %zu", i);
            g->favoured = g->nclaims ? g->claims[g->nclaims - 1] : NULL;
        }
        check_any_jobs(&f.c);
    }
    cck_corpus_free(&f.c);
}

/* cck_rep_in_order(): a record of what the callbacks saw. */
typedef struct {
    size_t next;            /* the item write() expects next */
    size_t bad_order, bad_empty, bad_item;
    unsigned starts, ends;  /* thread states made and ended */
    char *out;
    size_t out_len;
} order_log;

static void *order_start(void *ctx)
{
    order_log *l = ctx;
    __atomic_fetch_add(&l->starts, 1, __ATOMIC_RELAXED);
    return l;
}

/* Item k renders as "k:" and k % 5 further 'x's (items of other sizes,
 * some rendered slower than those after them). */
static void order_render(void *ctx, void *ts, size_t k, cck_rep_buf *b)
{
    order_log *l = ctx;
    if (b->len != 0 || (ts && ts != ctx))
        __atomic_fetch_add(&l->bad_empty, 1, __ATOMIC_RELAXED);
    char head[32];
    int n = snprintf(head, sizeof head, "%zu:", k);
    cck_rep_buf_reserve(b, (size_t)n + k % 5);
    memcpy(b->buf + b->len, head, (size_t)n);
    b->len += (size_t)n;
    for (size_t i = 0; i < k % 5; i++)
        b->buf[b->len++] = 'x';
}

static void order_write(void *ctx, size_t k, const cck_rep_buf *b)
{
    order_log *l = ctx;
    if (k != l->next)
        l->bad_order++;
    l->next = k + 1;
    char head[32];
    int n = snprintf(head, sizeof head, "%zu:", k);
    if (b->len != (size_t)n + k % 5 || memcmp(b->buf, head, (size_t)n) != 0)
        l->bad_item++;
    l->out = cck_xrealloc(l->out, l->out_len + b->len + 1);
    memcpy(l->out + l->out_len, b->buf, b->len);
    l->out_len += b->len;
}

static void order_end(void *ts)
{
    order_log *l = ts;
    __atomic_fetch_add(&l->ends, 1, __ATOMIC_RELAXED);
}

/* Any number of items on any number of threads, with a ring of one buffer
 * a thread and of many: each item is rendered once into a buffer emptied
 * for it and written once, in order, and every thread state made is
 * ended. Many more items than buffers, so the ring goes round. */
static void test_in_order_any_items_any_threads(void)
{
    static const cck_rep_order_fns fns = {order_start, order_render, order_write, order_end};
    static const cck_rep_order_fns bare = {NULL, order_render, order_write, NULL};
    static const size_t counts[] = {0, 1, 2, 3, 17, 1000};
    static const unsigned jobs[] = {1, 2, 3, 8, 300};
    static const size_t per[] = {1, 16};
    size_t fails = 0;
    for (size_t c = 0; c < sizeof counts / sizeof *counts; c++)
        for (size_t j = 0; j < sizeof jobs / sizeof *jobs; j++)
            for (size_t p = 0; p < sizeof per / sizeof *per; p++) {
                order_log l = {0};
                cck_rep_in_order(jobs[j], counts[c], per[p], &fns, &l);
                /* the items' bytes, each written once */
                size_t wlen = 0;
                for (size_t k = 0; k < counts[c]; k++)
                    wlen += (size_t)snprintf(NULL, 0, "%zu:", k) + k % 5;
                bool ok = l.next == counts[c] && !l.bad_order && !l.bad_empty && !l.bad_item &&
                          l.starts == l.ends && l.starts >= 1 && l.out_len == wlen;
                free(l.out);
                if (!ok) {
                    fails++;
                    fprintf(stderr, "in order: %zu items, %u jobs, %zu a thread: next %zu, "
                            "order %zu, empty %zu, item %zu, starts %u, ends %u, %zu bytes\n",
                            counts[c], jobs[j], per[p], l.next, l.bad_order, l.bad_empty,
                            l.bad_item, l.starts, l.ends, l.out_len);
                }
                order_log b = {0};
                cck_rep_in_order(jobs[j], counts[c], per[p], &bare, &b);
                free(b.out);
                if (b.next != counts[c] || b.bad_order || b.bad_empty || b.bad_item || b.starts ||
                    b.ends || b.out_len != wlen)
                    fails++;
            }
    CU_ASSERT_EQUAL(fails, 0);
}

/* Eight bytes at a time are copied as they are only when each is: any
 * byte at any place of a longer string escapes as it does alone. */
static void test_json_string_any_byte_anywhere(void)
{
    const char base[] = "abcdefghijklmnopqrstu";   /* 21: two words and a tail */
    size_t n = sizeof base - 1;
    size_t fails = 0;
    for (unsigned b = 0; b < 256; b++) {
        char one = (char)b;
        char *alone = NULL;
        size_t alen = 0;
        FILE *m = open_memstream(&alone, &alen);
        cck_rep_json_string(m, &one, 1);
        fclose(m);
        for (size_t at = 0; at < n; at++) {
            char s[sizeof base];
            memcpy(s, base, sizeof base);
            s[at] = (char)b;
            char *got = NULL;
            size_t glen = 0;
            m = open_memstream(&got, &glen);
            cck_rep_json_string(m, s, n);
            fclose(m);
            /* "abc" + the byte's escape (alone, without its quotes) + "rest" */
            char want[128];
            size_t w = 0;
            want[w++] = '"';
            memcpy(want + w, base, at);
            w += at;
            memcpy(want + w, alone + 1, alen - 2);
            w += alen - 2;
            memcpy(want + w, base + at + 1, n - at - 1);
            w += n - at - 1;
            want[w++] = '"';
            if (glen != w || memcmp(got, want, w))
                fails++;
            free(got);
        }
        free(alone);
    }
    CU_ASSERT_EQUAL(fails, 0);
}

/* Whole numbers for people are what "%.0f" writes, up to 1e15. */
static void test_display_integers_as_printf(void)
{
    static const double vs[] = {1, -1, 7, -12, 999, 1000, -1000, 559000, 874682, 2147483648.0,
                                -9007199254740992.0, 9007199254740993.0, 123456789012345.0,
                                -999999999999999.0, 4294967296.0 * 65536};
    size_t fails = 0;
    for (size_t i = 0; i < sizeof vs / sizeof *vs; i++)
        for (double m = 1; m <= 1000; m *= 10) {
            double v = vs[i] * m;
            if (!(fabs(v) < 1e15))
                continue;
            char got[64], want[64];
            cck_rep_display_number(got, v);
            snprintf(want, sizeof want, "%.0f", v);
            fails += strcmp(got, want) != 0;
        }
    CU_ASSERT_EQUAL(fails, 0);
}

/* A claim's line in jsonl comes from its file offset: the line
 * cck_source_linecol() gives, on plain text and on markup, whose
 * projected offsets are not the file's. */
static void test_raw_line_matches_linecol(void)
{
    static const char html[] =
        "<html><body>\n<p>First &amp; one</p>\n\n<p>The <b>second</b>\nline has 12 "
        "&lt;things&gt;</p>\n<table><tr><td>3</td>\n<td>4 km</td></tr></table>\n"
        "</body></html>\n";
    cck_diags d;
    cck_diags_init(&d);
    cck_source *srcs[] = {cck_source_parse("m.html", html, sizeof html - 1, &d),
                          cck_source_from_memory("t.txt", TEXT_A, sizeof TEXT_A - 1)};
    for (size_t k = 0; k < 2; k++) {
        cck_source *s = srcs[k];
        CU_ASSERT_PTR_NOT_NULL_FATAL(s);
        CU_ASSERT(k == 1 || (s->npieces > 0 && s->raw != s->bytes)); /* markup is projected */
        for (size_t off = 0; off <= s->len; off++) {
            unsigned line = 0, col = 0;
            cck_source_linecol(s, off, &line, &col);
            size_t fs, fe;
            cck_source_file_span(s, off, off, &fs, &fe);
            unsigned rline = 0, rcol = 0;
            cck_source_raw_linecol(s, fs, &rline, &rcol);
            CU_ASSERT_EQUAL(rline, line);
            CU_ASSERT_EQUAL(rcol, col);
        }
        cck_source_free(s);
    }
    cck_diags_free(&d);
}

static void test_parse_format(void)
{
    cck_format fmt = CCK_FMT_TEXT;
    CU_ASSERT(cck_rep_parse_format("jsonl", &fmt) && fmt == CCK_FMT_JSONL);
    CU_ASSERT(cck_rep_parse_format("md", &fmt) && fmt == CCK_FMT_MD);
    CU_ASSERT(cck_rep_parse_format("text", &fmt) && fmt == CCK_FMT_TEXT);
    static const char *const names[] = {"json", "csv", "findings", "sarif", "junit", "github"};
    static const cck_format fmts[] = {CCK_FMT_JSON, CCK_FMT_CSV, CCK_FMT_FINDINGS,
                                      CCK_FMT_SARIF, CCK_FMT_JUNIT, CCK_FMT_GITHUB};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        CU_ASSERT(cck_rep_parse_format(names[i], &fmt) && fmt == fmts[i]);
    CU_ASSERT_FALSE(cck_rep_parse_format("xml", &fmt));
    CU_ASSERT_FALSE(cck_rep_parse_format("JSON", &fmt));
}

static void test_width_and_fit(void)
{
    /* "·" and "…" one column, Hangul two, a combining accent none */
    CU_ASSERT_EQUAL(cck_rep_width("a\xC2\xB7" "b", 4), 3);
    CU_ASSERT_EQUAL(cck_rep_width("\xED\x95\xA8\xED\x9D\xA5", 6), 4);
    CU_ASSERT_EQUAL(cck_rep_width("e\xCC\x81", 3), 1);
    size_t ms, me;
    char *f = cck_rep_fit("abcdefghij", 0, 0, 5, NULL, NULL);
    CU_ASSERT_STRING_EQUAL(f, "abcd\xE2\x80\xA6");
    free(f);
    f = cck_rep_fit("abcdefghij", 0, 0, 10, NULL, NULL);
    CU_ASSERT_STRING_EQUAL(f, "abcdefghij");
    free(f);
    /* the marked part stays visible with context cut on both sides */
    f = cck_rep_fit("one two three 559,000 four five six", 14, 21, 21, &ms, &me);
    CU_ASSERT_STRING_EQUAL(f, "\xE2\x80\xA6" "three 559,000 four\xE2\x80\xA6");
    CU_ASSERT_EQUAL(me - ms, 7);
    CU_ASSERT(!strncmp(f + ms, "559,000", 7));
    CU_ASSERT(cck_rep_width(f, strlen(f)) <= 21);
    free(f);
    /* a short word fragment is dropped and its room goes to the right */
    f = cck_rep_fit("one two three 559,000 four five six", 14, 21, 22, &ms, &me);
    CU_ASSERT_STRING_EQUAL(f, "\xE2\x80\xA6" "three 559,000 four\xE2\x80\xA6");
    free(f);
    /* a long one is kept */
    f = cck_rep_fit("one two three 559,000 four five six", 14, 21, 16, &ms, &me);
    CU_ASSERT_STRING_EQUAL(f, "\xE2\x80\xA6" "ee 559,000 fou\xE2\x80\xA6");
    free(f);
    /* a figure at the very end keeps all the room on its left */
    f = cck_rep_fit("one two three 559,000", 14, 21, 16, &ms, &me);
    CU_ASSERT_STRING_EQUAL(f, "\xE2\x80\xA6" "three 559,000");
    free(f);
    /* a figure wider than the room shows its start */
    f = cck_rep_fit("one two three 559,000", 14, 21, 6, &ms, &me);
    CU_ASSERT_STRING_EQUAL(f, "\xE2\x80\xA6" "559,\xE2\x80\xA6");
    CU_ASSERT_EQUAL(cck_rep_width(f, strlen(f)), 6);
    free(f);
    /* cutting never splits a wide character */
    f = cck_rep_fit("\xED\x95\xA8\xED\x9D\xA5\xED\x95\xA8", 0, 0, 4, NULL, NULL);
    CU_ASSERT_STRING_EQUAL(f, "\xED\x95\xA8\xE2\x80\xA6");
    free(f);
    /* cleaning: whitespace collapsed, controls and bad bytes replaced, mark moved */
    ms = 14;
    me = 17;
    char *c = cck_rep_clean("  a\n\n\tb \x1b[31m 559 ", 18, &ms, &me);
    CU_ASSERT_STRING_EQUAL(c, "a b \xEF\xBF\xBD[31m 559");
    CU_ASSERT_EQUAL(me - ms, 3);
    CU_ASSERT(!strncmp(c + ms, "559", 3));
    free(c);
}

static void test_display_numbers(void)
{
    static const struct {
        double v;
        const char *want;
    } cases[] = {
        {0.83000000000000007, "0.83"}, {874682, "874682"}, {5e9, "5000000000"},
        {11.111111111111111, "11.1111"}, {0.00265, "0.00265"}, {-3.4, "-3.4"},
        {0.1 + 0.2, "0.3"}, {1238.0000000001, "1238"}, {-0.0, "0"}, {123456.7, "123457"},
        {1e20, "100000000000000000000"}, {INFINITY, "?"}, {NAN, "?"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char b[64];
        cck_rep_display_number(b, cases[i].v);
        if (strcmp(b, cases[i].want))
            fprintf(stderr, "\n%.17g -> %s, not %s\n", cases[i].v, b, cases[i].want);
        CU_ASSERT_STRING_EQUAL(b, cases[i].want);
    }
}

/* Keyed by subject and values: claim order, files and lines do not count. */
static void test_fingerprint_keys(void)
{
    fixture f;
    build(&f);
    cck_group g = f.c.groups[0], h = g;
    char a[17], b[17];
    cck_rep_fingerprint(a, &g);
    CU_ASSERT_EQUAL(strlen(a), 16);
    /* the claims the other way round */
    cck_claim *rev[2] = {g.claims[1], g.claims[0]};
    h.claims = rev;
    cck_rep_fingerprint(b, &h);
    CU_ASSERT_STRING_EQUAL(a, b);
    /* a claim moved in its file */
    size_t st = f.pop_b->start;
    f.pop_b->start += 3;
    f.pop_b->end += 3;
    cck_rep_fingerprint(b, &g);
    CU_ASSERT_STRING_EQUAL(a, b);
    f.pop_b->start = st;
    f.pop_b->end = st + 7;
    /* another value, another time or another attribute: another key */
    f.pop_b->lo = f.pop_b->hi = 874683;
    cck_rep_fingerprint(b, &g);
    CU_ASSERT_STRING_NOT_EQUAL(a, b);
    f.pop_b->lo = f.pop_b->hi = 874682;
    h = g;
    h.as_of = "2022";
    cck_rep_fingerprint(b, &h);
    CU_ASSERT_STRING_NOT_EQUAL(a, b);
    h = g;
    h.attribute = "area";
    cck_rep_fingerprint(b, &h);
    CU_ASSERT_STRING_NOT_EQUAL(a, b);
    char *text = cck_rep_fingerprint_text(&g);
    CU_ASSERT_STRING_EQUAL(text, "Hamhung \xC2\xB7 population \xC2\xB7 2021 = 559000..559000 | 874682..874682");
    free(text);
    cck_corpus_free(&f.c);
}

/* The fixture with a fourth group, a conflict between the odd claim (quotes,
 * backslash, a newline, an invalid byte) and the percentage, in a file
 * whose name has a comma and a colon. */
static void build_hostile(fixture *f)
{
    build(f);
    cck_group *g = cck_arena_alloc(f->c.arena, 4 * sizeof *g);
    memcpy(g, f->c.groups, 3 * sizeof *g);
    g[3].entity = "Odd \"thing\"";
    g[3].attribute = "length";
    g[3].status = CCK_GROUP_CONFLICT;
    g[3].claims = cck_arena_alloc(f->c.arena, 2 * sizeof *g[3].claims);
    g[3].claims[0] = f->odd;
    g[3].claims[1] = f->pct;
    g[3].nclaims = 2;
    g[3].nsources = 1;
    g[3].note = "a <note> & \"more\"";
    f->c.groups = g;
    f->c.ngroups = 4;
    free(f->b->path);
    f->b->path = cck_xstrndup("dir,x/b:c.txt", 13);
}

static void test_machine_formats_on_hostile_text(void)
{
    fixture f;
    build_hostile(&f);
    /* json: one valid document with every group */
    char *out = render(&f.c, true, CCK_FMT_JSON, false, 0);
    json_error_t e;
    json_t *doc = json_loads(out, 0, &e);
    CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
    CU_ASSERT_EQUAL(json_array_size(json_object_get(doc, "groups")), 4);
    CU_ASSERT_EQUAL(json_integer_value(json_object_get(json_object_get(doc, "summary"), "conflicts")), 2);
    json_decref(doc);
    free(out);
    /* sarif: valid JSON, the snippet cleaned onto one line */
    out = render(&f.c, true, CCK_FMT_SARIF, false, 0);
    doc = json_loads(out, 0, &e);
    CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "\"snippet\": {\"text\": \"\\\"quoted\\\" \\\\ back slash \xC3\x9C \xEF\xBF\xBD 12 km\"}"));
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "\"uri\": \"dir%2Cx/b%3Ac.txt\""));
    json_decref(doc);
    free(out);
    /* csv: the span quoted, its quotes doubled, no line break inside */
    out = render(&f.c, true, CCK_FMT_CSV, false, 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(out, ",\"\"\"quoted\"\" \\ back slash \xC3\x9C \xEF\xBF\xBD 12 km\","));
    CU_ASSERT_PTR_NOT_NULL(strstr(out, ",\"dir,x/b:c.txt\","));
    CU_ASSERT_PTR_NOT_NULL(strstr(out, ",\"Odd \"\"thing\"\"\","));
    size_t rows = 0;
    for (const char *p = out; (p = strstr(p, "\r\n")); p += 2)
        rows++;
    CU_ASSERT_EQUAL(rows, 1 + 2 + 2 + 1 + 2);   /* header + the claims of 4 groups */
    free(out);
    /* junit: well-formed XML despite the invalid byte */
    out = render(&f.c, true, CCK_FMT_JUNIT, false, 0);
    xmlDocPtr x = xmlReadMemory(out, (int)strlen(out), "j.xml", NULL, XML_PARSE_NONET | XML_PARSE_NOERROR |
                                XML_PARSE_NOWARNING);
    CU_ASSERT_PTR_NOT_NULL(x);
    xmlFreeDoc(x);
    free(out);
    /* github: properties escaped, one command a line */
    out = render(&f.c, true, CCK_FMT_GITHUB, false, 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "::warning file=dir%2Cx/b%3Ac.txt,line="));
    size_t n;
    char **lines = lines_of(out, &n);
    CU_ASSERT_EQUAL(n, 5);   /* two conflicts, the two dangling markers of a, the summary */
    free(lines);
    free(out);
    /* findings: one line each, positions and severities */
    out = render(&f.c, true, CCK_FMT_FINDINGS, false, 0);
    lines = lines_of(out, &n);
    CU_ASSERT_EQUAL(n, 4 + 3 + 2);   /* 4 conflict claims, 3 of them uncited, 2 dangling */
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "dir/a.txt:2:28: note: conflict: Hamhung \xC2\xB7 population (as of 2021): "
                                       "\"559,000\" (559000) is the favoured value; against it: 874682 (b:c.txt:1)\n"));
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "dir,x/b:c.txt:1:27: warning: conflict: Hamhung \xC2\xB7 population (as of 2021): "
                                       "\"874,682\" (874682) vs favoured \"559,000\" (559000, a.txt:2:28)\n"));
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "dir,x/b:c.txt:1:27: note: uncited: "));
    CU_ASSERT_PTR_NULL(strstr(out, "dir/a.txt:2:28: note: uncited"));   /* it cites [3][20] */
    free(lines);
    free(out);
    /* html: the markup in sentences and notes is text */
    out = render(&f.c, true, CCK_FMT_HTML, false, 0);
    htmlDocPtr h = htmlReadMemory(out, (int)strlen(out), "r.html", "UTF-8",
                                  HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
    CU_ASSERT_PTR_NOT_NULL_FATAL(h);
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "a &lt;note&gt; &amp; \"more\""));
    CU_ASSERT_PTR_NULL(strstr(out, "<note>"));
    xmlFreeDoc(h);
    free(out);
    /* extract: every machine format still writes, with no group columns */
    static const cck_format fmts[] = {CCK_FMT_JSON, CCK_FMT_CSV, CCK_FMT_FINDINGS, CCK_FMT_SARIF,
                                      CCK_FMT_JUNIT, CCK_FMT_GITHUB, CCK_FMT_HTML};
    for (size_t i = 0; i < sizeof fmts / sizeof *fmts; i++) {
        out = render(&f.c, false, fmts[i], false, 0);
        CU_ASSERT(fmts[i] == CCK_FMT_FINDINGS || strlen(out) > 0);
        CU_ASSERT_PTR_NULL(strstr(out, "conflict: "));
        free(out);
    }
    cck_corpus_free(&f.c);
}

/* The streamed chunk of a source (rendered on the heap, the ids' source
 * position put in when written) gives the bytes cck_rep_claims() writes,
 * for sources of no claims, one claim, and enough claims to grow the
 * buffer many times; the path needs escaping. */
static void test_jsonl_chunk_matches_corpus(void)
{
    static const size_t counts[] = {0, 1, 40, 700};
    for (size_t t = 0; t < sizeof counts / sizeof *counts; t++) {
        size_t n = counts[t];
        size_t cap = 32 + n * 24, len = 0;
        char *text = malloc(cap);
        CU_ASSERT_PTR_NOT_NULL_FATAL(text);
        len += (size_t)snprintf(text, cap, "Counts.\n");
        for (size_t k = 0; k < n; k++)
            len += (size_t)snprintf(text + len, cap - len, "Item %zu was %zu.\n", k, 1000 + k * 7);
        cck_corpus c;
        cck_corpus_init(&c);
        cck_source *s = cck_source_from_memory("odd \"dir\"\\p\xFF.txt", text, len);
        cck_unit u = {.start = 0, .end = len, .zone = CCK_ZONE_BODY, .section = -1};
        s->units = cck_arena_alloc(s->arena, sizeof u);
        s->units[0] = u;
        s->nunits = 1;
        for (size_t k = 0; k < n; k++) {
            char span[32];
            snprintf(span, sizeof span, "%zu.", 1000 + k * 7);
            span[strlen(span) - 1] = '\0';
            cck_claim *cl = add(s, span, 0, CCK_KIND_COUNT, (double)(1000 + k * 7), (double)(1000 + k * 7),
                                NULL, k % 2 ? "Item" : NULL, "count", NULL);
            cl->approx = k % 3 == 0;
        }
        cck_corpus_add(&c, s);
        char *want = NULL, *got = NULL;
        size_t wn = 0, gn = 0;
        FILE *m = open_memstream(&want, &wn);
        cck_rep_claims(m, &c, CCK_FMT_JSONL, NULL);
        fclose(m);
        cck_rep_chunk *ch = cck_rep_claims_chunk(s, CCK_FMT_JSONL, NULL);
        m = open_memstream(&got, &gn);
        cck_rep_chunk_write(m, ch, 1);
        fclose(m);
        CU_ASSERT_EQUAL(gn, wn);
        CU_ASSERT(gn == wn && !memcmp(got, want, wn));
        if (n)
            CU_ASSERT(strstr(want, "\"doc\": \"odd \\\"dir\\\"\\\\p\xEF\xBF\xBD.txt\"") != NULL);
        CU_ASSERT(n < 700 || wn > 100000);
        /* rendered into a spare's memory: that chunk's, same bytes */
        cck_rep_spares *sp = cck_rep_spares_new(1);
        const char *mem = ch->b.buf;
        cck_rep_chunk_free(ch, sp);
        ch = cck_rep_claims_chunk(s, CCK_FMT_JSONL, sp);
        CU_ASSERT(ch->b.buf == mem);
        /* a later position is written into every id */
        free(got);
        m = open_memstream(&got, &gn);
        cck_rep_chunk_write(m, ch, 123456);
        fclose(m);
        cck_rep_chunk_free(ch, sp);
        size_t ids = 0;
        for (const char *p = got; (p = strstr(p, "{\"id\": \"c123456-")); p++)
            ids++;
        CU_ASSERT_EQUAL(ids, n);
        /* ids aside, the same bytes as the first chunk */
        CU_ASSERT_EQUAL(gn, wn + n * (sizeof "123456" - 2));
        /* at most keep spares: of two chunks given back, the second is
         * freed, and the first lends its memory to a text chunk, which
         * still writes what the corpus writer does */
        cck_rep_chunk *a = cck_rep_claims_chunk(s, CCK_FMT_JSONL, sp);
        cck_rep_chunk *b = cck_rep_claims_chunk(s, CCK_FMT_JSONL, sp);
        CU_ASSERT(!n || (a->b.buf == mem && b->b.buf != mem));
        cck_rep_chunk_free(a, sp);
        cck_rep_chunk_free(b, sp);
        a = cck_rep_claims_chunk(s, CCK_FMT_TEXT, sp);
        CU_ASSERT(!n || a->b.buf == mem);
        free(got);
        free(want);
        m = open_memstream(&want, &wn);
        cck_rep_claims(m, &c, CCK_FMT_TEXT, NULL);
        fclose(m);
        m = open_memstream(&got, &gn);
        cck_rep_chunk_write(m, a, 1);
        fclose(m);
        CU_ASSERT(gn == wn && !memcmp(got, want, wn));
        cck_rep_chunk_free(a, sp);
        cck_rep_spares_free(sp);
        free(got);
        free(want);
        free(text);
        cck_corpus_free(&c);
    }
}

void cck_suite_report(void)
{
    static CU_TestInfo tests[] = {
        {"jsonl claims: every field", test_jsonl_claims_every_field},
        {"streamed jsonl chunk: the corpus writer's bytes", test_jsonl_chunk_matches_corpus},
        {"a conflict's values as its line and findings list them", test_conflict_value_lists},
        {"chunk spares keep a bounded number of bytes", test_chunk_spares_bounded},
        {"jsonl numbers: short, exact, never inf", test_jsonl_numbers_short_and_exact},
        {"numbers agree with printf's %.15g / %.17g", test_numbers_agree_with_printf},
        {"json strings: escapes and invalid UTF-8", test_json_string_escapes},
        {"json strings: every byte alone", test_json_string_every_byte},
        {"jsonl groups: every field", test_jsonl_groups_every_field},
        {"jsonl: the scorer reads it", test_jsonl_read_by_scorer},
        {"text check report: heading, rows, summary", test_text_groups_report},
        {"text: colour only when asked", test_text_color_only_when_asked},
        {"text: fits the width, figure visible", test_text_fits_width},
        {"text: tiny widths", test_text_tiny_widths},
        {"text: table cells show their labels", test_text_table_cell_labels},
        {"text extract: one line per claim", test_text_claims_lines},
        {"md check report: pipe tables", test_md_groups_report},
        {"md extract: claims table", test_md_claims_table},
        {"empty corpus", test_empty_corpus},
        {"write errors give CCK_ERR_IO", test_write_error_is_reported},
        {"check reports: any number of threads", test_groups_reports_any_number_of_threads},
        {"findings: any number of threads", test_findings_any_number_of_threads},
        {"check reports: parts cut anywhere, jobs 1 to 8", test_parts_cut_anywhere},
        {"items in order: any items, any threads", test_in_order_any_items_any_threads},
        {"json strings: any byte anywhere in a long one", test_json_string_any_byte_anywhere},
        {"jsonl line from the file offset", test_raw_line_matches_linecol},
        {"whole numbers for people as %.0f", test_display_integers_as_printf},
        {"format names", test_parse_format},
        {"display width, fit and clean", test_width_and_fit},
        {"values for people: short numbers", test_display_numbers},
        {"fingerprints: subject and values, not order or lines", test_fingerprint_keys},
        {"machine formats on quotes, newlines and invalid bytes", test_machine_formats_on_hostile_text},
        CU_TEST_INFO_NULL,
    };
    CCK_ADD_SUITE("report", tests);
}
