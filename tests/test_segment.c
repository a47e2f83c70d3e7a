/* test_segment.c: the structure pass (sources/segment.c, cite.c, table.c)
 * on fixtures written for the project (tests/fixtures/segment/): articles,
 * sections, sentence and cell units, zones, markers and reference lists,
 * plus pathological inputs. */
#include <stdlib.h>
#include <string.h>

#include "segment_int.h"
#include "sources.h"
#include "tests.h"

void cck_suite_segment(void);

#define FIX "tests/fixtures/segment/"

static cck_source *load(const char *path)
{
    cck_diags d;
    cck_diags_init(&d);
    cck_source *s = NULL;
    if (cck_source_load(path, 0, &s, &d) != CCK_OK) {
        cck_diags_free(&d);
        return NULL;
    }
    cck_src_segment(s, &d);
    cck_diags_free(&d);
    return s;
}

static cck_source *from_text(const char *bytes, size_t len)
{
    cck_diags d;
    cck_diags_init(&d);
    cck_source *s = cck_source_from_memory("mem.txt", bytes, len);
    CU_ASSERT_EQUAL(cck_src_segment(s, &d), CCK_OK);
    cck_diags_free(&d);
    return s;
}

/* Offset of the first occurrence of needle in the source; the test stops
 * when the needle is missing (a broken fixture, not a finding). */
static size_t off_of(const cck_source *s, const char *needle)
{
    const char *hit = strstr(s->bytes, needle);
    CU_ASSERT_PTR_NOT_NULL_FATAL(hit);
    return (size_t)(hit - s->bytes);
}

/* Cite ct's marker as a string (in s's arena). */
static const char *marker_of(const cck_source *s, const cck_cite *ct)
{
    size_t n;
    const char *m = cck_cite_marker(s, ct, &n);
    return cck_arena_strndup(s->arena, m, n);
}

/* The markers of a unit, concatenated: "[2][3]". */
static char *cites_of(const cck_source *s, const cck_unit *u)
{
    size_t n = 1, m = cck_unit_ncites(s, u);
    for (size_t k = 0; k < m; k++)
        n += cck_unit_cite(s, u, k)->end - cck_unit_cite(s, u, k)->start;
    char *out = cck_xmalloc(n);
    out[0] = '\0';
    for (size_t k = 0; k < m; k++)
        strcat(out, marker_of(s, cck_unit_cite(s, u, k)));
    return out;
}

static bool same(const char *a, const char *b)
{
    return (!a && !b) || (a && b && !strcmp(a, b));
}

/* Units, zones, cites and table headers the structure must produce. */
typedef struct {
    const char *needle;    /* text standing in the unit (first occurrence;
                              leading "| " skipped) */
    const char *text;      /* the whole unit; NULL: the needle is in no unit */
    cck_zone zone;
    const char *cites;     /* concatenated markers */
    const char *row, *col, *caption;
    const char *path;      /* section path */
} unit_case;

static void check_units(const char *path, const unit_case *cases, size_t n)
{
    cck_source *s = load(path);
    CU_ASSERT_PTR_NOT_NULL_FATAL(s);
    for (size_t i = 0; i < n; i++) {
        const unit_case *c = &cases[i];
        const char *hit = strstr(s->bytes, c->needle);
        CU_ASSERT_PTR_NOT_NULL(hit);
        if (!hit)
            continue;
        /* a needle may start with the cell's "| " for uniqueness */
        size_t ui = cck_src_unit_at(s, (size_t)(hit - s->bytes) + strspn(c->needle, "| "));
        if (!c->text) {
            if (ui != (size_t)-1)
                fprintf(stderr, "\n  %s: \"%s\" should be in no unit\n", path, c->needle);
            CU_ASSERT_EQUAL(ui, (size_t)-1);
            continue;
        }
        CU_ASSERT_NOT_EQUAL(ui, (size_t)-1);
        if (ui == (size_t)-1) {
            fprintf(stderr, "\n  %s: no unit at \"%s\"\n", path, c->needle);
            continue;
        }
        cck_unit *u = &s->units[ui];
        const cck_table_cell *x = cck_unit_cell(s, u);
        char *cites = cites_of(s, u);
        bool ok = strlen(c->text) == u->end - u->start &&
                  !memcmp(s->bytes + u->start, c->text, u->end - u->start) &&
                  u->zone == c->zone && !strcmp(cites, c->cites) &&
                  same(x->row_header, c->row) && same(x->col_header, c->col) &&
                  same(x->caption, c->caption) &&
                  !strcmp(cck_src_section_path(s, u), c->path);
        if (!ok)
            fprintf(stderr, "\n  %s: \"%s\": got \"%.*s\" zone %s cites %s row %s col %s cap %s path %s\n",
                    path, c->needle, (int)(u->end - u->start), s->bytes + u->start,
                    cck_zone_name(u->zone), cites, x->row_header ? x->row_header : "-",
                    x->col_header ? x->col_header : "-", x->caption ? x->caption : "-",
                    cck_src_section_path(s, u));
        CU_ASSERT(ok);
        if (u->zone == CCK_ZONE_TABLE) {
            CU_ASSERT(x->table >= 0 && x->unit == ui);
        } else {
            CU_ASSERT(x->table == -1 && !x->row_header && !x->col_header);
        }
        free(cites);
    }
    cck_source_free(s);
}

#define B CCK_ZONE_BODY
#define T CCK_ZONE_TABLE
#define R CCK_ZONE_REFERENCES
#define C CCK_ZONE_COMMENTS
#define CAP "Climate data for Riverton (1991–2020)"
#define MAX "Mean daily maximum °C (°F)"

static const unit_case wiki_units[] = {
    {"Riverton (Rivertown-si)", "Riverton (Rivertown-si) is a port city in the north with 412,000 residents.[1]",
     B, "[1]", NULL, NULL, NULL, ""},
    {"View on Wikipedia", NULL, B, "", NULL, NULL, NULL, ""},
    {"Gray River", "It lies on the Gray River.[2][3]", B, "[2][3]", NULL, NULL, NULL, ""},
    {"founded c. 1720", "Riverton was founded c. 1720 by settlers from St. Clair, e.g. fishermen from Mt. Hope.[1]",
     B, "[1]", NULL, NULL, NULL, "Overview"},
    {"The U.S. consulate", "The U.S. consulate opened in 1951.[4]", B, "[4]", NULL, NULL, NULL, "Overview"},
    {"[edit]Riverton", NULL, B, "", NULL, NULL, NULL, ""},
    {"1.5 (34.7)", "1.5 (34.7)", T, "[3]", MAX, "Jan", CAP, "Climate"},
    {"3.0 (37.4)", "3.0 (37.4)", T, "[3]", MAX, "Feb", CAP, "Climate"},
    {"12.0 (53.6)", "12.0 (53.6)", T, "[3]", MAX, "Year", CAP, "Climate"},
    {"| 3.9", "3.9", T, "[3]", "Rainy days", "Feb", CAP, "Climate"},
    {"60.2", "60.2", T, "[3]", "Rainy days", "Year", CAP, "Climate"},
    {"| Mean daily", NULL, T, "", NULL, NULL, NULL, ""},
    {"Rainy days |", NULL, T, "", NULL, NULL, NULL, ""},
    {"Source: Riverton", NULL, T, "", NULL, NULL, NULL, ""},
    {"| Month | Jan", NULL, T, "", NULL, NULL, NULL, ""},
    {"slowly until 1900", "The town grew slowly until 1900.", B, "", NULL, NULL, NULL, "History"},
    {"9,500", "It had 9,500 people in 1910.[5] [6]", B, "[5][6]", NULL, NULL, NULL, "History"},
    {"Dr. A. Brown", "The mayor, Dr. A. Brown, served approx. 12 years.", B, "", NULL, NULL, NULL, "History"},
    {"\"Port records\"", "\"Port records\". Riverton Archive. Retrieved 2020-01-02.", R, "", NULL, NULL, NULL, "Notes"},
    {"{{cite web}}", "{{cite web}}: CS1 maint: url-status (link)", R, "", NULL, NULL, NULL, "Notes"},
    {"\"Consulate history\"", "\"Consulate history\". Embassy press. 2003.", R, "", NULL, NULL, NULL, "Notes"},
    {"city portal", "Riverton city portal", R, "", NULL, NULL, NULL, "External links"},
    {"14 km", "Riverton sits 14 km from the coast.[1]", B, "[1]", NULL, NULL, NULL,
     "Geography > Location and Terrain"},
    {"210 mm in July", "Rainfall peaks in summer, with 210 mm in July.[7]", B, "[7]", NULL, NULL, NULL,
     "Geography > Location and Terrain"},
    {"| -6", "-6", T, "", "Jan", "Mean Temp (°C)", NULL, "Geography > Location and Terrain"},
    {"| 210 |", "210", T, "", "Jul", "Rain (mm)", NULL, "Geography > Location and Terrain"},
    {"120,500", "120,500", T, "[2]", "1950", NULL, NULL, "Geography > Population"},
    {"Census figure", "Census figure.[8]", T, "[8]", "2020", NULL, NULL, "Geography > Population"},
    {"Growth slowed", "Growth slowed after 2020 as families moved south.[8]", B, "[8]", NULL, NULL, NULL,
     "Geography > Population"},
    {"References\n- https", NULL, B, "", NULL, NULL, NULL, ""},
    {"https://example.org", "https://example.org/riverton-history", R, "", NULL, NULL, NULL, "References"},
};

static const unit_case blog_units[] = {
    {"old quay", "A walk along the old quay in Harbour Town takes about 40 minutes.", B, "", NULL, NULL, NULL,
     "Home / Travel notes"},
    {"3 tonnes", "The fish market opened in 1962 and sells 3 tonnes a day!", B, "", NULL, NULL, NULL,
     "Home / Travel notes"},
    {"200 passengers", "The ferry carries 200 passengers (see the timetable on [the port site](#)).", B,
     "[the port site](#)", NULL, NULL, NULL, "Harbour Town at dusk"},
    {"$12", "Tickets cost $12 per trip.", B, "", NULL, NULL, NULL, "Harbour Town at dusk"},
    {"5 thoughts", NULL, B, "", NULL, NULL, NULL, ""},
    {"14 boats", "I went to Harbour Town in 2019 and counted 14 boats.", C, "", NULL, NULL, NULL,
     "5 thoughts on “Notes from a Harbour Town”"},
    {"smaller now", "The market is smaller now.", C, "", NULL, NULL, NULL,
     "5 thoughts on “Notes from a Harbour Town”"},
    {"Liked by 3", NULL, C, "", NULL, NULL, NULL, ""},
};

static const unit_case markdown_units[] = {
    {"8,200", "Lakeside is a town of 8,200 people [citation needed] on Lake Vorn (Vorn [vɔrn]).[1]", B, "[1]",
     NULL, NULL, NULL, ""},
    {"2.5 km", "Its lake is 2.5 km wide.", B, "", NULL, NULL, NULL, ""},
    {"No. 5", "Plant No. 5 employs 300 workers.[a][2]", B, "[a][2]", NULL, NULL, NULL, ""},
    {"40%", "Fishing gave 40% of jobs in 1980.[3]", B, "[3]", NULL, NULL, NULL, "Economy"},
    {"2030", "See the [harbour plan](https://example.org/plan) for 2030.", B,
     "[harbour plan](https://example.org/plan)", NULL, NULL, NULL, "Economy"},
    {"Lee, C.", "Lee, C. (1999). Fishing towns.", R, "", NULL, NULL, NULL, "References"},
    {"30 km", "Hillview lies 30 km east of Lakeside.[1]", B, "[1]", NULL, NULL, NULL, ""},
};

static void test_wiki_units(void) { check_units(FIX "wiki.txt", wiki_units, sizeof wiki_units / sizeof *wiki_units); }
static void test_blog_units(void) { check_units(FIX "blog.txt", blog_units, sizeof blog_units / sizeof *blog_units); }
static void test_markdown_units(void)
{
    check_units(FIX "markdown.txt", markdown_units, sizeof markdown_units / sizeof *markdown_units);
}

/* ---- articles, sections, references, markers ------------------------- */

typedef struct {
    const char *title;
    int level;
    const char *parent;   /* title of the parent, NULL for none */
    unsigned article;
} section_case;

static void test_wiki_structure(void)
{
    cck_source *s = load(FIX "wiki.txt");
    CU_ASSERT_PTR_NOT_NULL_FATAL(s);
    CU_ASSERT_EQUAL_FATAL(s->narticles, 2);
    CU_ASSERT_STRING_EQUAL(s->articles[0].title, "Riverton");
    CU_ASSERT_STRING_EQUAL(s->articles[1].title, "Riverton");
    CU_ASSERT_EQUAL(s->articles[0].end, s->articles[1].start);
    CU_ASSERT_EQUAL(s->articles[1].end, s->len);
    CU_ASSERT_EQUAL(strncmp(s->bytes + s->articles[1].start, "Riverton\nView on Grokipedia", 27), 0);

    static const section_case secs[] = {
        {"Overview", 2, NULL, 0},      {"Climate", 2, NULL, 0},
        {"History", 2, NULL, 0},       {"See also", 2, NULL, 0},
        {"Notes", 2, NULL, 0},         {"External links", 2, NULL, 0},
        {"Geography", 2, NULL, 1},     {"Location and Terrain", 3, "Geography", 1},
        {"Population", 3, "Geography", 1},
        {"References", 2, NULL, 1},   /* glued to the end of a sentence */
    };
    CU_ASSERT_EQUAL_FATAL(s->nsections, sizeof secs / sizeof *secs);
    for (size_t i = 0; i < s->nsections; i++) {
        const cck_section *x = &s->sections[i];
        CU_ASSERT(cck_test_section_is(s, i, secs[i].title));
        CU_ASSERT_EQUAL(x->level, secs[i].level);
        CU_ASSERT_EQUAL(x->article, secs[i].article);
        if (secs[i].parent) {
            CU_ASSERT(x->parent >= 0 && cck_test_section_is(s, (size_t)x->parent, secs[i].parent));
        } else {
            CU_ASSERT_EQUAL(x->parent, -1);
        }
    }

    /* references: label, article, uses, text */
    static const struct {
        const char *label;
        unsigned article, uses;
        const char *text;
    } refs[] = {
        {"1", 0, 2, "\"Port records\". Riverton Archive. Retrieved 2020-01-02."},
        {"2", 0, 2, "\"Weather summary\". Met Office. Retrieved 2021-03-04."},
        {"3", 0, 2, "\"Climate tables\". Met Office. 2019."},
        {"4", 0, 1, "\"Consulate history\". Embassy press. 2003."},
        {"5", 0, 1, "Doe, Jane (2011). Riverton Census. City Press."},
        {"6", 0, 1, "\"Growth notes\". Riverton Herald. 1999."},
        {"7", 0, 0, "\"Unused entry\". Nobody cites this. 2000."},
        {"", 0, 0, "Riverton city portal"},
        {"1", 1, 1, "https://example.org/riverton-history"},
    };
    CU_ASSERT_EQUAL_FATAL(s->nrefs, sizeof refs / sizeof *refs);
    for (size_t i = 0; i < s->nrefs; i++) {
        CU_ASSERT_STRING_EQUAL(s->refs[i].label, refs[i].label);
        CU_ASSERT_EQUAL(s->refs[i].article, refs[i].article);
        CU_ASSERT_EQUAL(s->refs[i].uses, refs[i].uses);
        CU_ASSERT(cck_test_ref_is(s, i, refs[i].text));
    }

    /* markers in order: what each resolves to (label of the entry, or
     * NULL when dangling); "[edit]" is never a marker */
    static const struct {
        const char *marker, *label;
        unsigned article;
    } cites[] = {
        {"[1]", "1", 0}, {"[2]", "2", 0}, {"[3]", "3", 0}, {"[1]", "1", 0}, {"[4]", "4", 0},
        {"[2]", "2", 0}, {"[3]", "3", 0}, {"[5]", "5", 0}, {"[6]", "6", 0},
        {"[1]", "1", 1}, {"[7]", NULL, 1}, {"[2]", NULL, 1}, {"[2]", NULL, 1}, {"[8]", NULL, 1},
        {"[8]", NULL, 1},
    };
    CU_ASSERT_EQUAL_FATAL(s->ncites, sizeof cites / sizeof *cites);
    for (size_t i = 0; i < s->ncites; i++) {
        const cck_cite *ct = &s->cites[i];
        CU_ASSERT_STRING_EQUAL(marker_of(s, ct), cites[i].marker);
        CU_ASSERT_FALSE(ct->placeholder);
        if (cites[i].label) {
            CU_ASSERT_FATAL(ct->ref >= 0);
            CU_ASSERT_STRING_EQUAL(s->refs[ct->ref].label, cites[i].label);
            CU_ASSERT_EQUAL(s->refs[ct->ref].article, cites[i].article);
        } else {
            CU_ASSERT_EQUAL(ct->ref, -1);
        }
        if (i) {
            CU_ASSERT(s->cites[i - 1].start < ct->start);
        }
    }
    cck_source_free(s);
}

static void test_blog_structure(void)
{
    cck_source *s = load(FIX "blog.txt");
    CU_ASSERT_PTR_NOT_NULL_FATAL(s);
    CU_ASSERT_EQUAL(s->narticles, 1);
    /* the real title, not the breadcrumb line after it */
    CU_ASSERT_STRING_EQUAL(s->articles[0].title, "Notes from a Harbour Town");
    CU_ASSERT_EQUAL_FATAL(s->ncites, 1);
    CU_ASSERT_TRUE(s->cites[0].placeholder);
    CU_ASSERT_STRING_EQUAL(s->cites[0].target, "#");
    CU_ASSERT_EQUAL(s->cites[0].ref, -1);
    CU_ASSERT_EQUAL(s->nrefs, 0);
    size_t ncomments = 0;
    for (size_t i = 0; i < s->nunits; i++)
        ncomments += s->units[i].zone == CCK_ZONE_COMMENTS;
    CU_ASSERT_EQUAL(ncomments, 4);
    cck_source_free(s);
}

static void test_markdown_structure(void)
{
    cck_source *s = load(FIX "markdown.txt");
    CU_ASSERT_PTR_NOT_NULL_FATAL(s);
    CU_ASSERT_EQUAL_FATAL(s->narticles, 2);
    CU_ASSERT_STRING_EQUAL(s->articles[0].title, "Lakeside");
    CU_ASSERT_STRING_EQUAL(s->articles[1].title, "Hillview");
    /* [citation needed] and the IPA are no markers; [a] has no note list */
    static const struct {
        const char *marker;
        int ref;
        const char *target;
    } cites[] = {
        {"[1]", 0, NULL}, {"[a]", -1, NULL}, {"[2]", 1, NULL}, {"[3]", 2, NULL},
        {"[9]", -1, NULL}, {"[harbour plan](https://example.org/plan)", -1, "https://example.org/plan"},
        {"[1]", -1, NULL}, /* the second article has no reference list */
    };
    CU_ASSERT_EQUAL_FATAL(s->ncites, sizeof cites / sizeof *cites);
    for (size_t i = 0; i < s->ncites; i++) {
        CU_ASSERT_STRING_EQUAL(marker_of(s, &s->cites[i]), cites[i].marker);
        CU_ASSERT_EQUAL(s->cites[i].ref, cites[i].ref);
        CU_ASSERT_TRUE(same(s->cites[i].target, cites[i].target));
        CU_ASSERT_FALSE(s->cites[i].placeholder);
    }
    CU_ASSERT_EQUAL_FATAL(s->nrefs, 3);
    CU_ASSERT_STRING_EQUAL(s->refs[1].label, "2");
    CU_ASSERT(cck_test_ref_is(s, 1, "Jones, B. (2015). Plant histories."));
    cck_source_free(s);
}

/* ---- sentence splitting ----------------------------------------------- */

typedef struct {
    const char *in;
    const char *units[6];   /* expected unit texts, NULL-terminated */
} split_case;

static const split_case splits[] = {
    {"The wall is 2.5 m high. It was built in 1820.", {"The wall is 2.5 m high.", "It was built in 1820.", NULL}},
    {"Gen. Park met Lt. Col. Ahn in Aug. 1950. They spoke.", {"Gen. Park met Lt. Col. Ahn in Aug. 1950.", "They spoke.", NULL}},
    {"Sales rose approx. 4% in the U.S. market. Prices fell.", {"Sales rose approx. 4% in the U.S. market.", "Prices fell.", NULL}},
    {"It grew.[4][15] Then 30 more came.", {"It grew.[4][15]", "Then 30 more came.", NULL}},
    {"He said \"stop.\" Then he left!", {"He said \"stop.\"", "Then he left!", NULL}},
    {"Is it 5? yes it is. Done.", {"Is it 5? yes it is.", "Done.", NULL}},
    {"Built c. 1900 by Acme Co. and Ltd. partners.", {"Built c. 1900 by Acme Co. and Ltd. partners.", NULL}},
    {"A line\nthat wraps. Next one.", {"A line\nthat wraps.", "Next one.", NULL}},
    {"It ends with a comma,\n\nThe second starts here.", {"It ends with a comma,", "The second starts here.", NULL}},
    {"A town in the valley with a population of\n4,100 people, and a mill,\nMost work there.\n\nNext.",
     {"A town in the valley with a population of\n4,100 people, and a mill,\nMost work there.", "Next.", NULL}},
    {"Its site (est. 2013. See map.) lies 3 km away. Fine.", {"Its site (est. 2013. See map.) lies 3 km away.", "Fine.", NULL}},
    /* the longest abbreviation of the list (six letters) and a longer word */
    {"Ask Messrs. Kim and Lee. Or Mlle. Roy. Ask Messrss. Then go.",
     {"Ask Messrs. Kim and Lee.", "Or Mlle. Roy.", "Ask Messrss.", "Then go.", NULL}},
};

static void test_sentence_split(void)
{
    for (size_t i = 0; i < sizeof splits / sizeof *splits; i++) {
        cck_source *s = from_text(splits[i].in, strlen(splits[i].in));
        size_t n = 0;
        while (splits[i].units[n])
            n++;
        bool ok = s->nunits == n;
        for (size_t k = 0; ok && k < n; k++)
            ok = strlen(splits[i].units[k]) == s->units[k].end - s->units[k].start &&
                 !memcmp(s->bytes + s->units[k].start, splits[i].units[k], strlen(splits[i].units[k]));
        if (!ok) {
            fprintf(stderr, "\n  split \"%s\":", splits[i].in);
            for (size_t k = 0; k < s->nunits; k++)
                fprintf(stderr, " [%.*s]", (int)(s->units[k].end - s->units[k].start),
                        s->bytes + s->units[k].start);
        }
        CU_ASSERT(ok);
        cck_source_free(s);
    }
}

/* ---- invariants and pathological inputs ---------------------------------- */

static void check_invariants(const cck_source *s)
{
    CU_ASSERT_FATAL(s->narticles >= 1);
    CU_ASSERT_EQUAL(s->articles[0].start, 0);
    CU_ASSERT_EQUAL(s->articles[s->narticles - 1].end, s->len);
    for (size_t i = 0; i < s->narticles; i++)
        CU_ASSERT_PTR_NOT_NULL(s->articles[i].title);
    for (size_t i = 0; i < s->nunits; i++) {
        const cck_unit *u = &s->units[i];
        CU_ASSERT(u->start < u->end && u->end <= s->len);
        if (i) {
            CU_ASSERT(s->units[i - 1].end <= u->start);
        }
        CU_ASSERT(u->article < s->narticles);
        CU_ASSERT(u->section < (int)s->nsections);
        /* its markers follow the previous unit's */
        CU_ASSERT(!i || s->units[i - 1].cites <= u->cites);
        CU_ASSERT((size_t)u->cites + cck_unit_ncites(s, u) <= s->nunit_cites);
        for (size_t k = 0; k < cck_unit_ncites(s, u); k++)
            CU_ASSERT_PTR_NOT_NULL(cck_unit_cite(s, u, k));
        /* table cells, and only they, have their headers in s->cells,
         * which are in the order of their units */
        const cck_table_cell *x = cck_unit_cell(s, u);
        CU_ASSERT((x->table >= 0) == (u->zone == CCK_ZONE_TABLE));
        CU_ASSERT(x->table < 0 || x->unit == i);
        CU_ASSERT_EQUAL(cck_src_unit_at(s, u->start), i);
        CU_ASSERT_EQUAL(cck_src_unit_at(s, u->end - 1), i);
        /* no unit starts or ends on blanks or a line break */
        CU_ASSERT(s->bytes[u->start] != ' ' && s->bytes[u->start] != '\n' && s->bytes[u->start] != '\r');
        CU_ASSERT(s->bytes[u->end - 1] != ' ' && s->bytes[u->end - 1] != '\n' && s->bytes[u->end - 1] != '\r');
    }
    for (size_t i = 1; i < s->ncites; i++)
        CU_ASSERT(s->cites[i - 1].start < s->cites[i].start);
    for (size_t i = 0; i < s->ncites; i++)
        CU_ASSERT(s->cites[i].ref < (int)s->nrefs);
    for (size_t i = 0; i < s->nsections; i++)
        CU_ASSERT(s->sections[i].parent < (int)i);
    CU_ASSERT_EQUAL(cck_src_unit_at(s, s->len + 5), (size_t)-1);
}

static void test_fixture_invariants(void)
{
    const char *files[] = {FIX "wiki.txt", FIX "blog.txt", FIX "markdown.txt"};
    for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
        cck_source *s = load(files[i]);
        CU_ASSERT_PTR_NOT_NULL_FATAL(s);
        check_invariants(s);
        /* between two units nothing is found */
        for (size_t k = 1; k < s->nunits; k++)
            if (s->units[k - 1].end < s->units[k].start) {
                CU_ASSERT_EQUAL(cck_src_unit_at(s, s->units[k - 1].end), (size_t)-1);
            }
        cck_source_free(s);
    }
}

static void test_empty_and_no_newline(void)
{
    cck_source *s = from_text("", 0);
    check_invariants(s);
    CU_ASSERT_EQUAL(s->nunits, 0);
    CU_ASSERT_EQUAL(s->narticles, 1);
    CU_ASSERT_STRING_EQUAL(s->articles[0].title, "");
    CU_ASSERT_STRING_EQUAL(cck_src_section_path(s, NULL), "");
    cck_source_free(s);

    const char *t = "Only 12 words here. No newline at the end";
    s = from_text(t, strlen(t));
    check_invariants(s);
    CU_ASSERT_EQUAL_FATAL(s->nunits, 2);
    CU_ASSERT_EQUAL(s->units[1].end, strlen(t));
    cck_source_free(s);

    s = from_text("\n\n   \n\t\n", 6);
    check_invariants(s);
    CU_ASSERT_EQUAL(s->nunits, 0);
    cck_source_free(s);
}

static void test_long_line(void)
{
    size_t n = 200 * 1024;
    char *big = cck_xmalloc(n);
    for (size_t i = 0; i < n; i++)
        big[i] = (i % 7 == 6) ? ' ' : (char)('a' + i % 26);
    cck_source *s = from_text(big, n);
    check_invariants(s);
    CU_ASSERT_EQUAL_FATAL(s->nunits, 1);
    CU_ASSERT_EQUAL(s->units[0].start, 0);
    cck_source_free(s);
    /* and a line of nothing but brackets and pipes */
    for (size_t i = 0; i < n; i++)
        big[i] = "[|(]"[i % 4];
    s = from_text(big, n);
    check_invariants(s);
    cck_source_free(s);
    free(big);
}

static void test_bad_bytes(void)
{
    static const char bad[] = "Caf\xC3 sold 40 cups.\xFF\xFE It closed in 1999.[2]\n\x80\x80\n| a |\xC0 |\n|---|---|\n| 1 | 2\xE2 |\n";
    cck_source *s = from_text(bad, sizeof bad - 1);
    check_invariants(s);
    CU_ASSERT(s->nunits >= 2);
    cck_source_free(s);

    static const char nul[] = "Part one has 3 rooms.\0 Part two has 4.\n\0\0\nEnd 5.";
    s = from_text(nul, sizeof nul - 1);
    check_invariants(s);
    CU_ASSERT(s->nunits >= 2);
    cck_source_free(s);
}

static void test_crlf(void)
{
    static const char t[] = "Title Line\r\n\r\nThe dam is 40 m tall.[1] It opened in 1970.\r\n"
                            "| Year | Flow |\r\n|---|---|\r\n| 1970 | 12 |\r\n\r\nReferences\r\n\r\n"
                            "1. A source text.\r\n";
    cck_source *s = from_text(t, sizeof t - 1);
    check_invariants(s);
    CU_ASSERT_STRING_EQUAL(s->articles[0].title, "Title Line");
    size_t ui = cck_src_unit_at(s, off_of(s, "It opened"));
    CU_ASSERT_FATAL(ui != (size_t)-1);
    CU_ASSERT_EQUAL(s->units[ui].end - s->units[ui].start, strlen("It opened in 1970."));
    ui = cck_src_unit_at(s, off_of(s, "| 12") + 2);
    CU_ASSERT_FATAL(ui != (size_t)-1);
    CU_ASSERT_EQUAL(s->units[ui].zone, CCK_ZONE_TABLE);
    CU_ASSERT_STRING_EQUAL(cck_unit_cell(s, &s->units[ui])->row_header, "1970");
    CU_ASSERT_STRING_EQUAL(cck_unit_cell(s, &s->units[ui])->col_header, "Flow");
    CU_ASSERT_EQUAL_FATAL(s->nrefs, 1);
    CU_ASSERT(cck_test_ref_is(s, 0, "A source text."));
    CU_ASSERT_EQUAL(s->cites[0].ref, 0);
    cck_source_free(s);
}

/* ---- reference list forms and plain tables ------------------------------ */

typedef struct {
    const char *in;
    size_t nrefs;
    const char *labels[6], *texts[6];
    unsigned uses[6];
    size_t ncites;          /* entry labels like "[1] " are no markers */
} refs_case;

static const refs_case ref_forms[] = {
    {"Delta Town\n\nDelta Town has 5,000 people.[1] It dates from 1801.[2][note 1]\n\n"
     "References\n\n1. ^ a b Smith, John (2001). Delta history. p. 4.\n"
     "2. ^ \"River data\". Water Board. 2010.\n\nNotes\n\n[note 1] ^ The year is disputed.\n",
     3, {"1", "2", "note 1"},
     {"Smith, John (2001). Delta history. p. 4.", "\"River data\". Water Board. 2010.",
      "The year is disputed."}, {1, 1, 1}, 3},
    {"Some text with a figure of 12 units.[2]\n\n[1] Alpha, A. First book. 1990.\n"
     "[2] Beta, B. Second book. 1991.\n",
     2, {"1", "2"}, {"Alpha, A. First book. 1990.", "Beta, B. Second book. 1991."}, {0, 1}, 1},
    {"Lone fact.[1]\n\nReferences\n\n^ Jump up to: a b Kim, H. (2004). Coast towns.\n",
     1, {"1"}, {"Kim, H. (2004). Coast towns."}, {1}, 1},
    /* lettered notes, a pasted table of contents, numbered footnotes */
    {"Millbrook\nMillbrook has 7,310 people.[1][a]\nContents\n1 History\n2 Economy\n2.1 Mills\n"
     "History\n[edit]\nA mill opened in 1790.[2][b]\nNotes\n[edit]\n^ Official count.\n^ Records vary.\n"
     "References\n[edit]\n^ \"County census\". 2020.\n^ Hale 1901, p. 3.\n",
     4, {"a", "b", "1", "2"}, {"Official count.", "Records vary.", "\"County census\". 2020.", "Hale 1901, p. 3."},
     {1, 1, 1, 1}, 4},
    /* a Notes list before any lettered marker is numbered; one after the
     * first lettered marker is lettered (the look for one goes on from
     * where the last heading's stopped) */
    {"Ashford\nAshford has 3,100 people.[1]\nNotes\n[edit]\n^ Census of 2020.\nHistory\n[edit]\n"
     "A bridge was built in 1822.[a]\nNotes\n[edit]\n^ Some say 1824.\n",
     2, {"1", "a"}, {"Census of 2020.", "Some say 1824."}, {1, 1}, 2},
    /* author-date citations resolve by name and year */
    {"Mills grew fast (Hale 1901). Output doubled (Ostrov 1950).\n\nSources\n\n"
     "Hale, T. (1901). Mill towns. Dale Press.\nOrr, B. (1950). Output records.\n",
     2, {"1", "2"}, {"Hale, T. (1901). Mill towns. Dale Press.", "Orr, B. (1950). Output records."}, {1, 0}, 2},
    {"Bibliography\n\n- Gamma, G. A long survey. 1980.\n* Delta, D. Short notes. 1985.\n",
     2, {"", ""}, {"Gamma, G. A long survey. 1980.", "Delta, D. Short notes. 1985."}, {0, 0}, 0},
};

static void test_reference_forms(void)
{
    for (size_t i = 0; i < sizeof ref_forms / sizeof *ref_forms; i++) {
        const refs_case *rc = &ref_forms[i];
        cck_source *s = from_text(rc->in, strlen(rc->in));
        check_invariants(s);
        CU_ASSERT_EQUAL(s->ncites, rc->ncites);
        CU_ASSERT_EQUAL(s->nrefs, rc->nrefs);
        for (size_t k = 0; k < rc->nrefs && k < s->nrefs; k++) {
            CU_ASSERT_STRING_EQUAL(s->refs[k].label, rc->labels[k]);
            CU_ASSERT(cck_test_ref_is(s, k, rc->texts[k]));
            CU_ASSERT_EQUAL(s->refs[k].uses, rc->uses[k]);
            /* an entry is a REFERENCES unit */
            size_t ui = cck_src_unit_at(s, s->refs[k].end - 1);
            CU_ASSERT_FATAL(ui != (size_t)-1);
            CU_ASSERT_EQUAL(s->units[ui].zone, CCK_ZONE_REFERENCES);
        }
        cck_source_free(s);
    }
}

static void test_fact_sheet_lines(void)
{
    static const char t[] = "Town Facts\n\nGENERAL\n\nCountry: Examplia\nPopulation (2020 est.): 12,400\n"
                            "Area: 31 km2\n\nHISTORY\n\n1820: the first mill opens\n1901: the railway arrives\n";
    cck_source *s = from_text(t, sizeof t - 1);
    check_invariants(s);
    static const char *const sections[] = {"GENERAL", "HISTORY"};
    CU_ASSERT_EQUAL_FATAL(s->nsections, 2);
    for (size_t i = 0; i < 2; i++)
        CU_ASSERT(cck_test_section_is(s, i, sections[i]));
    static const char *const lines[] = {"Population (2020 est.): 12,400", "Area: 31 km2", "1901: the railway arrives"};
    for (size_t i = 0; i < sizeof lines / sizeof *lines; i++) {
        size_t ui = cck_src_unit_at(s, off_of(s, lines[i]));
        CU_ASSERT_FATAL(ui != (size_t)-1);
        CU_ASSERT_EQUAL(s->units[ui].end - s->units[ui].start, strlen(lines[i]));
        CU_ASSERT_EQUAL(s->units[ui].zone, CCK_ZONE_BODY);
    }
    cck_source_free(s);
}

static void test_contents_skipped(void)
{
    const refs_case *rc = NULL;
    for (size_t i = 0; i < sizeof ref_forms / sizeof *ref_forms; i++)
        if (strstr(ref_forms[i].in, "2.1 Mills"))
            rc = &ref_forms[i];
    CU_ASSERT_PTR_NOT_NULL_FATAL(rc);
    cck_source *s = from_text(rc->in, strlen(rc->in));
    const char *toc = strstr(s->bytes, "2.1 Mills");
    CU_ASSERT_PTR_NOT_NULL_FATAL(toc);
    CU_ASSERT_EQUAL(cck_src_unit_at(s, (size_t)(toc - s->bytes)), (size_t)-1);
    for (size_t i = 0; i < s->nsections; i++) {
        char *t = cck_test_section_title(s, i);
        CU_ASSERT(strcmp(t, "1 History") && strcmp(t, "Contents"));
        free(t);
    }
    cck_source_free(s);
}

static void test_pipeless_table(void)
{
    static const char t[] = "Harbour traffic by year, as counted by the port office.\n\n"
                            "Year | Ships | Note\n---|---|---\n2001 | 310 | estimate\n2002 | 295 | count\n\nAfter the table.\n";
    cck_source *s = from_text(t, sizeof t - 1);
    check_invariants(s);
    static const struct {
        const char *needle, *row, *col;
    } cells[] = {{"310", "2001", "Ships"}, {"estimate", "2001", "Note"}, {"295", "2002", "Ships"}};
    for (size_t i = 0; i < sizeof cells / sizeof *cells; i++) {
        size_t ui = cck_src_unit_at(s, off_of(s, cells[i].needle));
        CU_ASSERT_FATAL(ui != (size_t)-1);
        CU_ASSERT_EQUAL(s->units[ui].zone, CCK_ZONE_TABLE);
        CU_ASSERT_EQUAL(s->units[ui].end - s->units[ui].start, strlen(cells[i].needle));
        CU_ASSERT_STRING_EQUAL(cck_unit_cell(s, &s->units[ui])->row_header, cells[i].row);
        CU_ASSERT_STRING_EQUAL(cck_unit_cell(s, &s->units[ui])->col_header, cells[i].col);
    }
    /* neither the header nor a row's first cell is a unit */
    CU_ASSERT_EQUAL(cck_src_unit_at(s, off_of(s, "Ships")), (size_t)-1);
    CU_ASSERT_EQUAL(cck_src_unit_at(s, off_of(s, "2001")), (size_t)-1);
    size_t ui = cck_src_unit_at(s, off_of(s, "After"));
    CU_ASSERT_FATAL(ui != (size_t)-1);
    CU_ASSERT_EQUAL(s->units[ui].zone, CCK_ZONE_BODY);
    cck_source_free(s);
}

/* ---- marker forms ------------------------------------------------------ */

typedef struct {
    const char *in;
    const char *markers[6];   /* expected, in order, NULL-terminated */
    const char *targets[6];   /* NULL: no target */
    bool placeholder[6];
} marker_case;

static const marker_case marker_forms[] = {
    {"The mill burned (Harbor Gazette 2015). Rebuilt (May 2005) and (Founded 1950) again.",
     {"(Harbor Gazette 2015)", NULL}, {NULL}, {false}},
    {"See https://example.org/a/b, for more. [edit] [citation needed] [hamɣɯŋ] [the] [12] [b] [note 3]",
     {"https://example.org/a/b", "[12]", "[b]", "[note 3]", NULL},
     {"https://example.org/a/b", NULL, NULL, NULL}, {false}},
    {"Read [this](#) and [that]() and [other](http://x.y/z) and [*Map \\(1944\\)*](#).",
     {"[this](#)", "[that]()", "[other](http://x.y/z)", "[*Map \\(1944\\)*](#)", NULL},
     {"#", "", "http://x.y/z", "#"}, {true, true, false, true}},
    {"It was said (Ward, P. (1999). River towns. Delta Press.) in print.",
     {"(Ward, P. (1999). River towns. Delta Press.)", NULL},
     {"Ward, P. (1999). River towns. Delta Press."}, {false}},
    {"- https://example.org/listed-entry\nA [1] and [2\n] broken.", {"[1]", NULL}, {NULL}, {false}},
};

static void test_marker_forms(void)
{
    for (size_t i = 0; i < sizeof marker_forms / sizeof *marker_forms; i++) {
        const marker_case *mc = &marker_forms[i];
        cck_source *s = from_text(mc->in, strlen(mc->in));
        check_invariants(s);
        size_t n = 0;
        while (mc->markers[n])
            n++;
        CU_ASSERT_EQUAL(s->ncites, n);
        if (s->ncites != n) {
            fprintf(stderr, "\n  markers of \"%s\":", mc->in);
            for (size_t k = 0; k < s->ncites; k++)
                fprintf(stderr, " <%s>", marker_of(s, &s->cites[k]));
        }
        for (size_t k = 0; k < n && k < s->ncites; k++) {
            CU_ASSERT_STRING_EQUAL(marker_of(s, &s->cites[k]), mc->markers[k]);
            CU_ASSERT_TRUE(same(s->cites[k].target, mc->targets[k]));
            CU_ASSERT_EQUAL(s->cites[k].placeholder, mc->placeholder[k]);
        }
        cck_source_free(s);
    }
}

/* ---- comment sections ---------------------------------------------------- */

typedef struct {
    const char *in;
    const char *title;            /* expected article title */
    const char *body, *comment;   /* needles: one body unit, one comment unit */
    const char *skipped;          /* a needle in no unit, or NULL */
} comments_case;

static const comments_case comment_forms[] = {
    {"The pier was rebuilt in 1988 and is 300 m long. Boats dock there daily.\n\n"
     "3 Comments on \u201cHarbour Walks\u201d\n\nAnna says:\nI walked it in 20 minutes.\n",
     "Harbour Walks", "300 m", "20 minutes", NULL},
    {"The pier was rebuilt in 1988 and is 300 m long. Boats dock there daily.\n\n"
     "Jo Smith says:\nIt felt like 400 m to me.\n\nReply\n",
     "", "300 m", "400 m", NULL},
    {"The pier was rebuilt in 1988 and is 300 m long. Boats dock there daily.\n\n"
     "Comments\n\n  1. Great read, I counted 12 boats.\n\n    Liked by 4 people\n",
     "", "300 m", "12 boats", NULL},
    /* a dateline before the title; a counted comments heading */
    {"Harbour, March 3, 2021\n\nHarbour Walks\n\nThe Harbour walk is 3 km long. Harbour walks are popular.\n\n"
     "Comments (2)\n\nIt took me 50 minutes.\n",
     "Harbour Walks", "3 km", "50 minutes", NULL},
    /* links to other posts are no part of this one */
    {"We spent 3 days in the valley. It rained twice.\n\nRelated posts\n\n10 Things to Do in Lakeside\n\n"
     "5 Best Cafes\n\n2 Comments\n\nAnna says:\nWe stayed 4 nights.\n",
     "", "3 days", "4 nights", "10 Things"},
};

static void test_comment_forms(void)
{
    for (size_t i = 0; i < sizeof comment_forms / sizeof *comment_forms; i++) {
        const comments_case *cc = &comment_forms[i];
        cck_source *s = from_text(cc->in, strlen(cc->in));
        check_invariants(s);
        CU_ASSERT_STRING_EQUAL(s->articles[0].title, cc->title);
        size_t ub = cck_src_unit_at(s, off_of(s, cc->body));
        size_t uc = cck_src_unit_at(s, off_of(s, cc->comment));
        CU_ASSERT_FATAL(ub != (size_t)-1 && uc != (size_t)-1);
        CU_ASSERT_EQUAL(s->units[ub].zone, CCK_ZONE_BODY);
        CU_ASSERT_EQUAL(s->units[uc].zone, CCK_ZONE_COMMENTS);
        if (cc->skipped) {
            CU_ASSERT_EQUAL(cck_src_unit_at(s, off_of(s, cc->skipped)), (size_t)-1);
        }
        /* interface lines ("Reply", "Liked by 4 people") are no units */
        const char *noise[] = {"Reply", "Liked by", "says:"};
        for (size_t k = 0; k < sizeof noise / sizeof *noise; k++) {
            const char *hit = strstr(s->bytes, noise[k]);
            if (hit) {
                CU_ASSERT_EQUAL(cck_src_unit_at(s, (size_t)(hit - s->bytes)), (size_t)-1);
            }
        }
        cck_source_free(s);
    }
}

typedef struct {
    const char *in;
    const char *needle;               /* a cell's text */
    const char *row, *col, *caption;  /* expected headers */
} cell_case;

static const cell_case cell_forms[] = {
    /* no separator line: a first row of words is the header */
    {"| Month | Jan | Feb |\n| Rain mm | 31 | 28 |\n", "28", "Rain mm", "Feb", NULL},
    /* no separator and no header */
    {"| 1990 | 4,000 |\n| 2000 | 5,500 |\n", "5,500", "2000", NULL, NULL},
    /* a title row, then a header row whose cells stand one per line */
    {"| Weather at Pine Bay | |||\n|---|---|---|---|\n| Month | Jan |\nFeb |\nMar |\n"
     "| Snow cm | 40 |\n35 |\n12 |\n", "12", "Snow cm", "Mar", "Weather at Pine Bay"},
    /* header glued to the end of a prose line */
    {"Rain is heavy in the summer months.[4]| Month | Rain (mm) |\n|---|---|\n| Aug | 304 |\n",
     "304", "Aug", "Rain (mm)", NULL},
};

static void test_ragged_table_noted(void)
{
    static const char t[] = "| Year | Ships |\n|---|---|\n| 2001 | 310 | 12 |\n| 2002 | 295 | 14 |\n";
    cck_diags d;
    cck_diags_init(&d);
    cck_source *s = cck_source_from_memory("ragged.txt", t, sizeof t - 1);
    CU_ASSERT_EQUAL(cck_src_segment(s, &d), CCK_OK);
    check_invariants(s);
    /* one note for the table, at the first long row, and the cells are kept */
    CU_ASSERT_EQUAL_FATAL(d.n, 1);
    CU_ASSERT_EQUAL(d.v[0].sev, CCK_SEV_NOTE);
    CU_ASSERT_EQUAL(d.v[0].line, 3);
    size_t ui = cck_src_unit_at(s, off_of(s, "14"));
    CU_ASSERT_FATAL(ui != (size_t)-1);
    CU_ASSERT_PTR_NULL(cck_unit_cell(s, &s->units[ui])->col_header);
    CU_ASSERT_STRING_EQUAL(cck_unit_cell(s, &s->units[ui])->row_header, "2002");
    cck_source_free(s);
    cck_diags_free(&d);
}

static void test_cell_forms(void)
{
    for (size_t i = 0; i < sizeof cell_forms / sizeof *cell_forms; i++) {
        const cell_case *cc = &cell_forms[i];
        cck_source *s = from_text(cc->in, strlen(cc->in));
        check_invariants(s);
        size_t ui = cck_src_unit_at(s, off_of(s, cc->needle));
        CU_ASSERT_FATAL(ui != (size_t)-1);
        const cck_unit *u = &s->units[ui];
        const cck_table_cell *x = cck_unit_cell(s, u);
        CU_ASSERT_EQUAL(u->zone, CCK_ZONE_TABLE);
        CU_ASSERT_EQUAL(u->end - u->start, strlen(cc->needle));
        CU_ASSERT_TRUE(same(x->row_header, cc->row));
        CU_ASSERT_TRUE(same(x->col_header, cc->col));
        CU_ASSERT_TRUE(same(x->caption, cc->caption));
        if (!same(x->col_header, cc->col) || !same(x->row_header, cc->row))
            fprintf(stderr, "\n  cell %s: row %s col %s\n", cc->needle,
                    x->row_header ? x->row_header : "-", x->col_header ? x->col_header : "-");
        cck_source_free(s);
    }
}

/* the plain loop cck_src_count_in() replaced */
static size_t count_in_ref(const char *hay, size_t n, const char *w, size_t m)
{
    size_t cnt = 0;
    if (!m)
        return 0;
    for (size_t r = 0; r + m <= n; r++)
        if (!memcmp(hay + r, w, m))
            cnt++;
    return cnt;
}

static void test_count_in(void)
{
    /* a small alphabet makes many partial and overlapping matches */
    char hay[300];
    unsigned seed = 12345;
    for (size_t i = 0; i < sizeof hay; i++) {
        seed = seed * 1103515245u + 12345u;
        hay[i] = "AAB\0a"[(seed >> 16) % 5];
    }
    size_t checked = 0;
    for (size_t at = 0; at < sizeof hay; at += 7)
        for (size_t m = 0; m <= 6 && at + m <= sizeof hay; m++)
            for (size_t n = 0; n + 3 <= sizeof hay; n += 37) {
                size_t want = count_in_ref(hay + 3, n, hay + at, m);
                CU_ASSERT_EQUAL(cck_src_count_in(hay + 3, n, hay + at, m), want);
                checked += want;
            }
    CU_ASSERT_TRUE(checked > 1000);
    CU_ASSERT_EQUAL(cck_src_count_in("AAAA", 4, "AA", 2), 3);
    CU_ASSERT_EQUAL(cck_src_count_in("AAAA", 4, "AAAAA", 5), 0);
    CU_ASSERT_EQUAL(cck_src_count_in("xAx", 3, "x", 1), 2);
}

/* Markers, parenthesised sources and bare addresses are found wherever
 * they stand: the text moved along by 0 to 40 bytes (letters, spaces,
 * 'h', '(' and '[' that open nothing) gives the same markers, moved. */
static void test_markers_at_every_offset(void)
{
    static const char body[] = "It grew by 5%.[4] It was built (Smith, J. (2001)) in 1900. "
                               "See the page http://example.org/a for more.[b]\n";
    static const char fill[] = "ha( [ hh";
    cck_source *ref = from_text(body, sizeof body - 1);
    CU_ASSERT_FATAL(ref->ncites >= 3);
    for (size_t pad = 0; pad <= 40; pad++) {
        char text[256];
        for (size_t k = 0; k < pad; k++)
            text[k] = fill[k % (sizeof fill - 1)];
        if (pad)
            text[pad - 1] = ' ';
        memcpy(text + pad, body, sizeof body);
        cck_source *s = from_text(text, pad + sizeof body - 1);
        /* whatever the fill made, the body's markers follow it unchanged */
        size_t first = 0;
        while (first < s->ncites && s->cites[first].start < pad)
            first++;
        CU_ASSERT_EQUAL(s->ncites - first, ref->ncites);
        for (size_t k = 0; k < ref->ncites && first + k < s->ncites; k++) {
            CU_ASSERT_EQUAL(s->cites[first + k].start, ref->cites[k].start + pad);
            CU_ASSERT_EQUAL(s->cites[first + k].end, ref->cites[k].end + pad);
            CU_ASSERT_STRING_EQUAL(marker_of(s, &s->cites[first + k]), marker_of(ref, &ref->cites[k]));
        }
        cck_source_free(s);
    }
    cck_source_free(ref);
}

/* Sentence ends and parentheses are found wherever they stand: a first
 * sentence of 4 to 43 bytes before the same three sentences. */
static void test_sentences_at_every_offset(void)
{
    static const char body[] = "It is 5 km (about 3 mi. by road) long! Is it? Yes, Dr. Kim said so.";
    for (size_t pad = 1; pad <= 40; pad++) {
        char text[160];
        memcpy(text, "Go ", 3);
        memset(text + 3, 'b', pad);
        memcpy(text + 3 + pad, ". ", 2);
        memcpy(text + pad + 5, body, sizeof body);
        cck_source *s = from_text(text, pad + 5 + sizeof body - 1);
        CU_ASSERT_EQUAL_FATAL(s->nunits, 4);
        static const char *const want[] = {"It is 5 km (about 3 mi. by road) long!", "Is it?",
                                           "Yes, Dr. Kim said so."};
        CU_ASSERT_EQUAL(s->units[0].start, 0);
        CU_ASSERT_EQUAL(s->units[0].end, pad + 4);
        size_t at = pad + 5;
        for (size_t k = 0; k < 3; k++) {
            CU_ASSERT_EQUAL(s->units[k + 1].start, at);
            CU_ASSERT_EQUAL(s->units[k + 1].end, at + strlen(want[k]));
            at += strlen(want[k]) + 1;
        }
        cck_source_free(s);
    }
}

static CU_TestInfo segment_tests[] = {
    {"sentences found at every offset", test_sentences_at_every_offset},
    {"markers found at every offset", test_markers_at_every_offset},
    {"occurrence count against a plain loop", test_count_in},
    {"wiki article units, tables and cites", test_wiki_units},
    {"blog post units and comments", test_blog_units},
    {"markdown units", test_markdown_units},
    {"wiki articles, sections, references", test_wiki_structure},
    {"blog title, link placeholder", test_blog_structure},
    {"markdown articles and markers", test_markdown_structure},
    {"sentence splitting", test_sentence_split},
    {"invariants on fixtures", test_fixture_invariants},
    {"empty input and no final newline", test_empty_and_no_newline},
    {"200 KB line", test_long_line},
    {"invalid UTF-8 and NUL bytes", test_bad_bytes},
    {"CRLF line ends", test_crlf},
    {"reference list forms", test_reference_forms},
    {"table of contents skipped", test_contents_skipped},
    {"fact sheet lines", test_fact_sheet_lines},
    {"table without outer pipes", test_pipeless_table},
    {"marker forms", test_marker_forms},
    {"comment sections", test_comment_forms},
    {"table cell forms", test_cell_forms},
    {"ragged table noted", test_ragged_table_noted},
    CU_TEST_INFO_NULL,
};

void cck_suite_segment(void)
{
    CCK_ADD_SUITE("segment", segment_tests);
}
