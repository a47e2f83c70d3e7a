/* test_subject.c: subjects of claims (entity, attribute, as_of) on
 * sources built by hand, and name folding. Sentences are our own. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "extract.h"
#include "lexicon.h"
#include "pipeline.h"
#include "reconcile.h"
#include "sources.h"
#include "subject_int.h"
#include "tests.h"

/* One claim to place: the sentence it stands in, its text inside the
 * sentence, and what the subject stage must say about it. */
typedef struct {
    const char *sentence;
    const char *span;
    cck_kind kind;
    const char *unit;       /* canonical unit, "" for counts */
    const char *date;       /* dates: "1931" or "1951-05-03/1951-05-09" */
    const char *entity, *attribute, *as_of;
} scase;

/* A table cell: its headers and the subject it must get. */
typedef struct {
    const char *row, *col, *cell;
    cck_kind kind;
    const char *attribute, *as_of;
    const char *entity;     /* NULL: the main subject */
} tcase;

/* Builds a source "title\n\n" + one sentence per line + table cells, with
 * one article, a unit per sentence and per cell, and a claim per case. */
/* As build(), with a section heading (NULL: none) between the title and
 * the sentences: section 0, level 2, which no unit is in yet. */
static cck_source *build_h(const char *path, const char *title, const char *heading,
                           const scase *sc, size_t ns, const tcase *tc, size_t nt)
{
    char text[8192];
    size_t len = (size_t)snprintf(text, sizeof text, "%s\n\n", title);
    size_t hs = len;
    if (heading)
        len += (size_t)snprintf(text + len, sizeof text - len, "%s\n\n", heading);
    size_t sstart[48], cstart[48];
    CU_ASSERT_FATAL(ns < 48 && nt < 48);
    for (size_t i = 0; i < ns; i++) {
        sstart[i] = len;
        len += (size_t)snprintf(text + len, sizeof text - len, "%s\n", sc[i].sentence);
    }
    for (size_t i = 0; i < nt; i++) {
        cstart[i] = len + 2;
        len += (size_t)snprintf(text + len, sizeof text - len, "| %s |\n", tc[i].cell);
    }
    CU_ASSERT_FATAL(len < sizeof text);
    cck_source *s = cck_source_from_memory(path, text, len);
    if (heading) {
        s->nsections = 1;
        s->sections = cck_arena_alloc(s->arena, sizeof *s->sections);
        s->sections[0] = (cck_section){(cck_off)hs, (cck_off)(hs + strlen(heading)), 2, -1, 0};
    }
    s->narticles = 1;
    s->articles = cck_arena_alloc(s->arena, sizeof *s->articles);
    s->articles[0].start = 0;
    s->articles[0].end = len;
    s->articles[0].title = cck_arena_strdup(s->arena, title);
    s->nunits = ns + nt;
    s->units = cck_arena_alloc(s->arena, (ns + nt + 1) * sizeof *s->units);
    s->ncells = nt;
    s->cells = cck_arena_alloc(s->arena, (nt + 1) * sizeof *s->cells);
    for (size_t i = 0; i < ns + nt; i++) {
        cck_unit *u = &s->units[i];
        u->section = -1;
        if (i < ns) {
            u->start = sstart[i];
            u->end = sstart[i] + strlen(sc[i].sentence);
        } else {
            const tcase *t = &tc[i - ns];
            u->start = cstart[i - ns];
            u->end = u->start + strlen(t->cell);
            u->zone = CCK_ZONE_TABLE;
            s->cells[i - ns] = (cck_table_cell){NULL, t->row, t->col, 0, (cck_off)i};
        }
    }
    for (size_t i = 0; i < ns + nt; i++) {
        cck_claim c;
        memset(&c, 0, sizeof c);
        c.unit_index = i;
        if (i < ns) {
            const char *at = strstr(sc[i].sentence, sc[i].span);
            CU_ASSERT_PTR_NOT_NULL_FATAL(at);
            c.start = sstart[i] + (size_t)(at - sc[i].sentence);
            c.end = c.start + strlen(sc[i].span);
            c.kind = sc[i].kind;
            cck_claim_set_unit(&c, sc[i].unit);
            if (sc[i].date) {
                /* "lo/hi", or one date for both ends */
                const char *slash = strchr(sc[i].date, '/');
                cck_claim_set_date(&c, false, sc[i].date);   /* stops at the slash */
                cck_claim_set_date(&c, true, slash ? slash + 1 : sc[i].date);
            }
        } else {
            c.start = s->units[i].start;
            c.end = s->units[i].end;
            c.kind = tc[i - ns].kind;
            cck_claim_set_unit(&c, "");
        }
        c.zone = s->units[i].zone;
        cck_source_add_claim(s, &c);
    }
    return s;
}

static cck_source *build(const char *path, const char *title, const scase *sc, size_t ns,
                         const tcase *tc, size_t nt)
{
    return build_h(path, title, NULL, sc, ns, tc, nt);
}

static void check(const cck_claim *c, const char *entity, const char *attribute,
                  const char *as_of, const char *what)
{
    if (strcmp(c->entity, entity) || strcmp(c->attribute, attribute) ||
        (as_of ? !c->as_of || strcmp(c->as_of, as_of) : c->as_of != NULL))
        fprintf(stderr, "\n  %s: got {%s, %s, %s}, want {%s, %s, %s}\n", what, c->entity,
                c->attribute, c->as_of ? c->as_of : "null", entity, attribute,
                as_of ? as_of : "null");
    CU_ASSERT_STRING_EQUAL(c->entity, entity);
    CU_ASSERT_STRING_EQUAL(c->attribute, attribute);
    if (as_of) {
        CU_ASSERT_PTR_NOT_NULL(c->as_of);
        if (c->as_of)
            CU_ASSERT_STRING_EQUAL(c->as_of, as_of);
    } else {
        CU_ASSERT_PTR_NULL(c->as_of);
    }
}

static const scase town[] = {
    {"Marrowby is the second largest city of the northern coast.", "second largest city",
     CCK_KIND_RANK, "", NULL, "Marrowby", "population_rank", NULL},
    {"It is also the 40th largest city in the world.", "40th largest city", CCK_KIND_RANK, "",
     NULL, "Marrowby", "population_rank_world", NULL},
    {"As of 2019, Marrowby had a population of 412,000 residents.", "412,000",
     CCK_KIND_COUNT, "", NULL, "Marrowby", "population", "2019"},
    {"The Marrowby Steel Works was founded in 1931 by a mining company.", "1931",
     CCK_KIND_DATE, "", "1931", "Marrowby Steel Works", "founded", NULL},
    {"The fishing port of Saltby, about 14 kilometres east of Marrowby, is older.",
     "about 14 kilometres", CCK_KIND_MEASURE, "m", NULL, "Saltby", "distance_from_marrowby",
     NULL},
    {"In January the mean temperature in Marrowby is -4.5 °C.", "-4.5 °C",
     CCK_KIND_MEASURE, "degC", NULL, "Marrowby", "mean_temp_jan", NULL},
    {"Summer highs reach 27 °C in July.", "27 °C", CCK_KIND_MEASURE, "degC", NULL,
     "Marrowby", "mean_max_temp_jul", NULL},
    {"Annual precipitation is about 910 mm.", "about 910 mm", CCK_KIND_MEASURE, "m", NULL,
     "Marrowby", "annual_precipitation", NULL},
    {"Lena Ostrova (1921–1990) was a painter from Marrowby.", "1921", CCK_KIND_DATE, "",
     "1921", "Lena Ostrova", "born", NULL},
    {"Lena Ostrova (1921–1990) was a painter from Marrowby.", "1990", CCK_KIND_DATE, "",
     "1990", "Lena Ostrova", "died", NULL},
    {"From 3 to 9 May 1951, the Marrowby evacuation moved 40,000 civilians by sea.",
     "3 to 9 May 1951", CCK_KIND_DATE, "", "1951-05-03/1951-05-09", "Marrowby evacuation",
     "period", NULL},
    {"From 3 to 9 May 1951, the Marrowby evacuation moved 40,000 civilians by sea.",
     "40,000", CCK_KIND_COUNT, "", NULL, "Marrowby evacuation", "civilians_evacuated", NULL},
    {"The city is divided into 12 wards.", "12", CCK_KIND_COUNT, "", NULL, "Marrowby",
     "count_wards", NULL},
    {"Population (2017 est.): 402,116", "402,116", CCK_KIND_COUNT, "", NULL, "Marrowby",
     "population", "2017"},
    {"The mine lost about 40 workers per month.", "about 40", CCK_KIND_COUNT, "", NULL,
     "Marrowby", "workers_per_month", NULL},
    {"The new mine has 640 workers.", "640", CCK_KIND_COUNT, "", NULL, "Marrowby mine",
     "workers", NULL},
    {"By then around 600 defenders and 1,100 attackers had been killed.", "around 600",
     CCK_KIND_COUNT, "", NULL, "Marrowby", "deaths_defenders", NULL},
    {"The garrison counted some 900 militiamen.", "some 900", CCK_KIND_COUNT, "", NULL,
     "Marrowby garrison", "count_militiamen", NULL},
    {"About 4,000 soldiers camped outside the walls.", "About 4,000", CCK_KIND_COUNT, "", NULL,
     "Marrowby", "troops", NULL},
    {"The old bridge over the river dates from 1312.", "1312", CCK_KIND_DATE, "", "1312",
     "Marrowby bridge", "founded", NULL},
    {"The guildhall was rebuilt in 1652.", "1652", CCK_KIND_DATE, "", "1652",
     "Marrowby guildhall", "rebuilt", NULL},
    {"The Siege of Marrowby lasted from 3 to 19 May 1643.", "3 to 19 May 1643", CCK_KIND_DATE,
     "", "1643-05-03/1643-05-19", "Siege of Marrowby", "period", NULL},
    {"Economic growth reached 4% in 2019.", "4%", CCK_KIND_PERCENT, "%", NULL, "Marrowby",
     "economic_growth_rate", "2019"},
    {"The old prison held around 300 inmates in 1998.", "around 300", CCK_KIND_COUNT, "",
     NULL, "Marrowby prison", "inmates", "1998"},
    {"A radar station stands at 51.7° 3.4° on the cliffs.", "51.7° 3.4°",
     CCK_KIND_COORDINATE, "", NULL, "Marrowby radar station", "coordinates", NULL},
    {"According to the Marrowby Steel Works, the town has 2,000 idle workers.", "2,000",
     CCK_KIND_COUNT, "", NULL, "Marrowby", "workers", NULL},
    {"The Marrowby Opera House has 1,400 seats.", "1,400", CCK_KIND_COUNT, "", NULL,
     "Marrowby Opera House", "seats", NULL},
    {"Its coordinates are 51.5° 3.2°.", "51.5° 3.2°", CCK_KIND_COORDINATE, "", NULL,
     "Marrowby", "coordinates", NULL},
    {"The city stands 45 metres above sea level.", "45 metres", CCK_KIND_MEASURE, "m", NULL,
     "Marrowby", "elevation", NULL},
    {"It covers 212 km² and sits 45 m above sea level.", "212 km²", CCK_KIND_MEASURE, "m2",
     NULL, "Marrowby", "area", NULL},
    {"Marrowby's 2015 estimated population was 398,000 and Saltby 61,000.", "61,000",
     CCK_KIND_COUNT, "", NULL, "Saltby", "population", "2015"},
    {"Marrowby's 2015 estimated population was 398,000 and Saltby 61,000.", "398,000",
     CCK_KIND_COUNT, "", NULL, "Marrowby", "population", "2015"},
    {"Fighting between 1940 and 1944 left 70% of the centre destroyed.", "70%",
     CCK_KIND_PERCENT, "%", NULL, "Marrowby", "destroyed_share", NULL},
    {"The old ferry service ran until 1962.", "1962", CCK_KIND_DATE, "", "1962",
     "Marrowby ferry service", "ended", NULL},
    {"The old lighthouse was built in 1887.", "1887", CCK_KIND_DATE, "", "1887",
     "Marrowby lighthouse", "founded", NULL},
    {"Its tram network, opened in 1904, still runs.", "1904", CCK_KIND_DATE, "", "1904",
     "Marrowby tram network", "founded", NULL},
    {"The city was founded in 1203 by fishermen.", "1203", CCK_KIND_DATE, "", "1203",
     "Marrowby", "founded", NULL},
    {"Road links are poor: the 85 km road to Saltby is often shut.", "85 km",
     CCK_KIND_MEASURE, "m", NULL, "Saltby", "distance_from_marrowby", NULL},
    {"Above the harbour rises Mount Carrow at 412 m.", "412 m", CCK_KIND_MEASURE, "m", NULL,
     "Mount Carrow", "elevation", NULL},
    {"Our guide said 900 people can sit in the hall.", "900", CCK_KIND_COUNT, "", NULL,
     "Marrowby", "seats", NULL},
    {"The charter, granted in 1340, held until 1801.", "until 1801", CCK_KIND_DATE, "", "1801",
     "Marrowby charter", "ended", NULL},
    {"Saltby, two hours drive north of Marrowby, is smaller.", "two hours", CCK_KIND_MEASURE,
     "s", NULL, "Saltby", "road_travel_time_from_marrowby", NULL},
};

static const tcase town_cells[] = {
    {"Mean daily maximum °C (°F)", "Jul", "26.1", CCK_KIND_MEASURE, "mean_max_temp_jul", NULL,
     NULL},
    {"Daily mean °C (°F)", "Jan", "−4.2", CCK_KIND_MEASURE, "mean_temp_jan", NULL, NULL},
    {"Mean daily minimum °C (°F)", "Feb", "−9.9", CCK_KIND_MEASURE, "mean_min_temp_feb", NULL,
     NULL},
    {"Average precipitation mm (inches)", "Year", "905.0", CCK_KIND_MEASURE,
     "annual_precipitation", NULL, NULL},
    {"Average precipitation days (≥ 0.1 mm)", "Mar", "4.1", CCK_KIND_COUNT, "rainy_days_mar",
     NULL, NULL},
    {"Sep", "Rainy Days", "9", CCK_KIND_COUNT, "rainy_days_sep", NULL, NULL},
    {"Oct", "Precip. (mm)", "71", CCK_KIND_MEASURE, "precipitation_oct", NULL, NULL},
    {"2020 (proj.)", "Estimated Population", "431,500", CCK_KIND_COUNT, "population", "2020",
     NULL},
    {"Saltby", "Population", "61,200", CCK_KIND_COUNT, "population", NULL, "Saltby"},
};


static void test_subjects_of_prose_and_tables(void)
{
    cck_corpus c;
    cck_corpus_init(&c);
    size_t ns = sizeof town / sizeof *town, nt = sizeof town_cells / sizeof *town_cells;
    cck_corpus_add(&c, build("town.txt", "Marrowby", town, ns, town_cells, nt));
    cck_corpus_add(&c, build("coast.txt", "Saltby", NULL, 0, NULL, 0));
    cck_rec_subjects(&c);
    const cck_source *s = c.sources[0];
    CU_ASSERT_EQUAL_FATAL(s->nclaims, ns + nt);
    for (size_t i = 0; i < ns; i++)
        check(&s->claims[i], town[i].entity, town[i].attribute, town[i].as_of, town[i].span);
    for (size_t i = 0; i < nt; i++)
        check(&s->claims[ns + i], town_cells[i].entity ? town_cells[i].entity : "Marrowby",
              town_cells[i].attribute, town_cells[i].as_of, town_cells[i].cell);
    cck_corpus_free(&c);
}

/* A figure whose sentence names no attribute continues the sentence before
 * it when that one states none of its own; a list under a "Distances"
 * heading gives distances from the main subject to the names opening its
 * lines. */
static void test_attribute_from_context(void)
{
    static const scase two[] = {
        {"Estimates of the town's population vary widely, by 1 or 2 points.", "1",
         CCK_KIND_COUNT, "", NULL, NULL, NULL, NULL},
        {"Recent ones cluster at 401,000 to 415,000.", "401,000 to 415,000", CCK_KIND_COUNT,
         "", NULL, NULL, NULL, NULL},
    };
    cck_corpus c;
    cck_corpus_init(&c);
    cck_source *s = build("ctx.txt", "Marrowby", two, 2, NULL, 0);
    /* the first sentence must state no figure: drop its claim */
    s->claims[0] = s->claims[1];
    s->claims[0].index = 0;
    s->nclaims = 1;
    cck_corpus_add(&c, s);
    static const scase list[] = {
        {"Saltby: 14 km", "14 km", CCK_KIND_MEASURE, "m", NULL, NULL, NULL, NULL},
    };
    cck_source *l = build_h("list.txt", "Marrowby", "DISTANCES (by road)", list, 1, NULL, 0);
    l->units[0].section = 0;
    cck_corpus_add(&c, l);
    cck_corpus_add(&c, build("saltby.txt", "Saltby", NULL, 0, NULL, 0));
    cck_rec_subjects(&c);
    check(&c.sources[0]->claims[0], "Marrowby", "population", NULL, "401,000 to 415,000");
    check(&c.sources[1]->claims[0], "Saltby", "distance_from_marrowby", NULL, "14 km");
    cck_corpus_free(&c);
}

/* A changing figure with no time in its sentence takes the year of its
 * section heading, when the heading gives one year and not a span. */
static void test_section_as_of(void)
{
    static const scase one[] = {
        {"The town had 41,000 inhabitants.", "41,000", CCK_KIND_COUNT, "", NULL, NULL, NULL,
         NULL},
    };
    static const char *const headings[] = {"Population in 2020", "War years 1950-1953",
                                           "Census of 1944 [edit]"};
    static const char *const want[] = {"2020", NULL, "1944"};
    for (size_t h = 0; h < 3; h++) {
        cck_corpus c;
        cck_corpus_init(&c);
        cck_source *s = build_h("sec.txt", "Marrowby", headings[h], one, 1, NULL, 0);
        s->units[0].section = 0;
        cck_corpus_add(&c, s);
        cck_rec_subjects(&c);
        const cck_claim *cl = &c.sources[0]->claims[0];
        CU_ASSERT_STRING_EQUAL(cl->attribute, "population");
        if (want[h]) {
            CU_ASSERT_PTR_NOT_NULL(cl->as_of);
            if (cl->as_of)
                CU_ASSERT_STRING_EQUAL(cl->as_of, want[h]);
        } else {
            CU_ASSERT_PTR_NULL(cl->as_of);
        }
        cck_corpus_free(&c);
    }
}

/* A figure whose subject the text leaves open is flagged unclear (and so
 * never compared), while one with a keyword, a counted noun or a named
 * event is not. */
static const scase vague_subjects[] = {
    {"Nothing much changed until 1977.", "1977", CCK_KIND_DATE, "", "1977", NULL, NULL, NULL},
    {"Of the two, only one remained.", "two", CCK_KIND_COUNT, "", NULL, NULL, NULL, NULL},
    {"Its population grew from 9,000 to 90,000 over the century.", "9,000", CCK_KIND_COUNT,
     "", NULL, NULL, NULL, NULL},
    {"Its population grew from 9,000 to 90,000 over the century.", "90,000", CCK_KIND_COUNT,
     "", NULL, NULL, NULL, NULL},
    {"Between 1930 and 1941 a road was laid across the marsh.", "Between 1930 and 1941",
     CCK_KIND_DATE, "", "1930/1941", NULL, NULL, NULL},
    {"The ridge lies 40 km inland.", "40 km", CCK_KIND_MEASURE, "m", NULL, NULL, NULL, NULL},
};
static const scase clear_subjects[] = {
    {"The city was founded in 1203 by fishermen.", "1203", CCK_KIND_DATE, "", "1203", NULL,
     NULL, NULL},
    {"The harbour employs 2,300 workers.", "2,300", CCK_KIND_COUNT, "", NULL, NULL, NULL,
     NULL},
    {"Marrowby had a population of 412,000 in 2019.", "412,000", CCK_KIND_COUNT, "", NULL,
     NULL, NULL, NULL},
};

/* A figure quoted to be rejected is flagged denied; the one asserted is not. */
static void test_denied_figures(void)
{
    static const scase both[] = {
        {"Every almanac gives the population as 559,000, not 800,000.", "800,000",
         CCK_KIND_COUNT, "", NULL, NULL, NULL, NULL},
        {"Every almanac gives the population as 559,000, not 800,000.", "559,000",
         CCK_KIND_COUNT, "", NULL, NULL, NULL, NULL},
        {"The road is 85 km rather than 60 km long.", "60 km", CCK_KIND_MEASURE, "m", NULL,
         NULL, NULL, NULL},
    };
    cck_corpus c;
    cck_corpus_init(&c);
    cck_corpus_add(&c, build("denied.txt", "Marrowby", both, 3, NULL, 0));
    cck_rec_subjects(&c);
    const cck_source *s = c.sources[0];
    CU_ASSERT_EQUAL_FATAL(s->nclaims, 3);
    /* one sentence per row, a claim per sentence, in row order */
    CU_ASSERT_TRUE(s->claims[0].denied);
    CU_ASSERT_FALSE(s->claims[1].denied);
    CU_ASSERT_TRUE(s->claims[2].denied);
    CU_ASSERT_STRING_EQUAL(s->claims[1].attribute, "population");
    cck_corpus_free(&c);
}

static void test_unclear_subjects(void)
{
    size_t nv = sizeof vague_subjects / sizeof *vague_subjects;
    size_t nc = sizeof clear_subjects / sizeof *clear_subjects;
    cck_corpus c;
    cck_corpus_init(&c);
    cck_corpus_add(&c, build("vague.txt", "Marrowby", vague_subjects, nv, NULL, 0));
    cck_corpus_add(&c, build("clear.txt", "Marrowby", clear_subjects, nc, NULL, 0));
    cck_rec_subjects(&c);
    CU_ASSERT_EQUAL_FATAL(c.sources[0]->nclaims, nv);
    CU_ASSERT_EQUAL_FATAL(c.sources[1]->nclaims, nc);
    for (size_t i = 0; i < nv; i++) {
        if (!c.sources[0]->claims[i].unclear)
            fprintf(stderr, "\n  %s: should be unclear (got %s)\n", vague_subjects[i].span,
                    c.sources[0]->claims[i].attribute);
        CU_ASSERT_TRUE(c.sources[0]->claims[i].unclear);
    }
    for (size_t i = 0; i < nc; i++) {
        if (c.sources[1]->claims[i].unclear)
            fprintf(stderr, "\n  %s: should be clear (got %s)\n", clear_subjects[i].span,
                    c.sources[1]->claims[i].attribute);
        CU_ASSERT_FALSE(c.sources[1]->claims[i].unclear);
    }
    cck_corpus_free(&c);
}

/* The title's name is the main subject even when the title is a phrase,
 * and the display form drops diacritics. */
static void test_main_subject_from_title(void)
{
    static const scase body[] = {
        {"Kŏrvik is a quiet harbour town.", "quiet", CCK_KIND_COUNT, "", NULL, "Korvik",
         "count", NULL},
        {"Kŏrvik has about 20,000 inhabitants.", "about 20,000", CCK_KIND_COUNT, "", NULL,
         "Korvik", "population", NULL},
        {"Visitors to Kŏrvik rarely stay long.", "rarely", CCK_KIND_COUNT, "", NULL, "Korvik",
         "count", NULL},
    };
    static const char *const titles[] = {
        "Kŏrvik",
        "Discovering the Hidden Charms of Kŏrvik, Norland: A Short Guide",
        "The Towns of Kŏrvik and Elsmere",
        "",
    };
    for (size_t t = 0; t < sizeof titles / sizeof *titles; t++) {
        cck_corpus c;
        cck_corpus_init(&c);
        cck_corpus_add(&c, build("k.txt", titles[t], body, 3, NULL, 0));
        cck_rec_subjects(&c);
        check(&c.sources[0]->claims[1], "Korvik", "population", NULL, titles[t]);
        cck_corpus_free(&c);
    }
}

/* British and American spellings and generic heads name one facility,
 * shown in its most frequent form. */
static void test_facility_aliases(void)
{
    static const scase a[] = {
        {"The Tarnfield Fertiliser Plant opened in 1930.", "1930", CCK_KIND_DATE, "", "1930",
         "Tarnfield Fertilizer Complex", "founded", NULL},
    };
    static const scase b[] = {
        {"The Tarnfield Fertilizer Complex was established in 1931.", "1931", CCK_KIND_DATE,
         "", "1931", "Tarnfield Fertilizer Complex", "founded", NULL},
        {"Today the Tarnfield Fertilizer Complex employs 6,000 workers.", "6,000",
         CCK_KIND_COUNT, "", NULL, "Tarnfield Fertilizer Complex", "workers", NULL},
    };
    cck_corpus c;
    cck_corpus_init(&c);
    cck_corpus_add(&c, build("a.txt", "Tarnfield", a, 1, NULL, 0));
    cck_corpus_add(&c, build("b.txt", "Tarnfield", b, 2, NULL, 0));
    cck_rec_subjects(&c);
    check(&c.sources[0]->claims[0], a[0].entity, a[0].attribute, NULL, a[0].span);
    for (size_t i = 0; i < 2; i++)
        check(&c.sources[1]->claims[i], b[i].entity, b[i].attribute, NULL, b[i].span);
    cck_corpus_free(&c);
}

/* Events: a bare "famine" is the corpus's well-known famine, also in the
 * sentence after; a one-source nickname maps to it; a port's distance is
 * its town's. */
static void test_events_and_ports(void)
{
    static const scase a[] = {
        {"The Norland famine of the 1840s hit Tarsk hard.", "1840s", CCK_KIND_DATE, "",
         "1840/1849", "Norland famine", "period", NULL},
        {"Severe famine returned to the region in later years.", "later", CCK_KIND_COUNT, "",
         NULL, "Tarsk", "count", NULL},
        {"From 1871 to 1873, about 90,000 people died.", "about 90,000", CCK_KIND_COUNT, "",
         NULL, "Norland famine", "deaths", NULL},
        {"Tarsk Port, on the bay, lies 6 km north of Norland.", "6 km", CCK_KIND_MEASURE, "m",
         NULL, "Tarsk", "distance_from_norland", NULL},
    };
    static const scase b[] = {
        {"The Long Winter famine killed 200,000 people in Norland.", "200,000",
         CCK_KIND_COUNT, "", NULL, "Norland famine", "deaths", NULL},
        {"Norland trades with Tarsk across the bay.", "across", CCK_KIND_COUNT, "", NULL,
         "Norland", "count", NULL},
    };
    cck_corpus c;
    cck_corpus_init(&c);
    cck_corpus_add(&c, build("a.txt", "Tarsk", a, 4, NULL, 0));
    cck_corpus_add(&c, build("b.txt", "Norland", b, 2, NULL, 0));
    cck_rec_subjects(&c);
    for (size_t i = 0; i < 4; i++)
        if (i != 1)
            check(&c.sources[0]->claims[i], a[i].entity, a[i].attribute, NULL, a[i].span);
    check(&c.sources[1]->claims[0], b[0].entity, b[0].attribute, NULL, b[0].span);
    cck_corpus_free(&c);
}

/* A table caption "Climate data for X" names the cells' entity. */
static void test_caption_names_entity(void)
{
    static const tcase cell[] = {
        {"Jan", "Mean Temp (°C)", "-6", CCK_KIND_MEASURE, "mean_temp_jan", NULL, "Saltby"},
    };
    cck_corpus c;
    cck_corpus_init(&c);
    cck_source *s = build("t.txt", "Marrowby", NULL, 0, cell, 1);
    s->cells[0].caption = "Climate data for Saltby (1991–2020)";
    cck_corpus_add(&c, s);
    cck_corpus_add(&c, build("s1.txt", "Saltby", NULL, 0, NULL, 0));
    cck_corpus_add(&c, build("s2.txt", "Saltby", NULL, 0, NULL, 0));
    cck_rec_subjects(&c);
    check(&s->claims[0], "Saltby", "mean_temp_jan", NULL, "caption");
    cck_corpus_free(&c);
}

static void test_fold_aliases(void)
{
    static const struct {
        const char *in, *out;
    } cases[] = {
        {"Hamhŭng", "hamhung"},   {"HAMHUNG", "hamhung"},     {"Ham-hung", "hamhung"},
        {"Ham hung", "hamhung"},  {"Kyo-hwa-so No. 9", "kyohwasono9"},
        {"Hŭngnam’s", "hungnams"}, {"Ｔｏｋｙｏ", "tokyo"},  {"", ""},
    };
    cck_arena *a = cck_arena_new();
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        CU_ASSERT_STRING_EQUAL(cck_rec_fold(a, cases[i].in, strlen(cases[i].in)),
                               cases[i].out);
    /* invalid UTF-8 is folded byte-wise, never rejected */
    static const char bad[] = "Ab\xff\xfe";
    const char *f = cck_rec_fold(a, bad, sizeof bad - 1);
    CU_ASSERT_EQUAL(strncmp(f, "ab", 2), 0);
    cck_arena_free(a);
}

/* Claims with no unit, or spans without words, still get a subject. */
static void test_odd_claims_get_a_subject(void)
{
    static const char text[] = "Orvel\n\nOrvel has 5 bridges. ---";
    cck_source *s = cck_source_from_memory("o.txt", text, sizeof text - 1);
    cck_claim c;
    memset(&c, 0, sizeof c);
    cck_claim_set_unit(&c, "");
    c.unit_index = (cck_off)-1;
    c.start = 17;
    c.end = 18;
    cck_source_add_claim(s, &c);
    c.start = sizeof text - 4;
    c.end = sizeof text - 1;
    cck_source_add_claim(s, &c);
    cck_corpus cp;
    cck_corpus_init(&cp);
    cck_corpus_add(&cp, s);
    cck_rec_subjects(&cp);
    CU_ASSERT_STRING_EQUAL(s->claims[0].entity, "Orvel");
    CU_ASSERT_STRING_EQUAL(s->claims[0].attribute, "count_bridges");
    CU_ASSERT_PTR_NOT_NULL(s->claims[1].entity);
    CU_ASSERT_PTR_NOT_NULL(s->claims[1].attribute);
    cck_corpus_free(&cp);
}

/* Every source of the examples and of the pipeline fixtures, loaded,
 * segmented and extracted; the readers of every markup are among them. */
static const char *const mixed_paths[] = {
    "examples/analyst-report.txt", "examples/city-factsheet.txt",
    "examples/city-guide.html",    "examples/encyclopedia.txt",
    "examples/field-notes.md",     "examples/history-notes.txt",
    "examples/travel-blog.txt",    "examples/wiki-export.xml",
    "tests/fixtures/dam/blog.txt", "tests/fixtures/dam/encyclopedia.txt",
    "tests/fixtures/economy/brief.txt", "tests/fixtures/economy/wire.txt",
    "tests/fixtures/person/dictionary.txt", "tests/fixtures/person/feature.txt",
    NULL};

static void load_mixed(cck_corpus *c)
{
    const char *const *paths = mixed_paths;
    cck_corpus_init(c);
    CU_ASSERT_EQUAL_FATAL(cck_ext_init(&c->diags), CCK_OK);
    cck_matcher *m = cck_matcher_new();
    for (size_t i = 0; paths[i]; i++) {
        cck_source *s;
        CU_ASSERT_EQUAL_FATAL(cck_source_load(paths[i], 0, &s, &c->diags), CCK_OK);
        cck_src_segment(s, &c->diags);
        cck_ext_source(s, m, &c->diags);
        cck_src_trim_claims(s);
        cck_corpus_add(c, s);
    }
    cck_matcher_free(m);
}

/* Every claim's subject, one line each. */
static char *subjects_text(const cck_corpus *c)
{
    size_t cap = 1 << 16, n = 0;
    char *out = malloc(cap);
    CU_ASSERT_PTR_NOT_NULL_FATAL(out);
    for (size_t i = 0; i < c->nsources; i++)
        for (size_t k = 0; k < c->sources[i]->nclaims; k++) {
            const cck_claim *cl = &c->sources[i]->claims[k];
            char line[1024];
            int w = snprintf(line, sizeof line, "%zu:%zu %s | %s | %s | %d%d\n", i, (size_t)cl->start,
                             cl->entity ? cl->entity : "(null)",
                             cl->attribute ? cl->attribute : "(null)",
                             cl->as_of ? cl->as_of : "-", cl->unclear, cl->denied);
            CU_ASSERT_FATAL(w > 0 && (size_t)w < sizeof line);
            while (n + (size_t)w + 1 > cap) {
                cap *= 2;
                out = realloc(out, cap);
                CU_ASSERT_PTR_NOT_NULL_FATAL(out);
            }
            memcpy(out + n, line, (size_t)w);
            n += (size_t)w;
        }
    out[n] = '\0';
    return out;
}

/* The per-source passes on 2, 3 or 8 threads give every claim the subject
 * one thread gives, on sources whose names, aliases and main subjects
 * depend on one another across files. */
static void test_subjects_on_threads(void)
{
    cck_corpus c;
    load_mixed(&c);
    CU_ASSERT(cck_corpus_nclaims(&c) > 200);
    cck_rec_subjects(&c);
    char *one = subjects_text(&c);
    /* the stage did its work: entities other than the main subjects */
    size_t named = 0;
    for (size_t i = 0; i < c.nsources; i++)
        for (size_t k = 0; k < c.sources[i]->nclaims; k++)
            named += c.sources[i]->claims[k].entity != NULL &&
                     strcmp(c.sources[i]->claims[k].entity, "Hamhung") != 0;
    CU_ASSERT(named > 100);
    cck_corpus_free(&c);
    static const unsigned jobs[] = {1, 2, 3, 8, 64};
    for (size_t j = 0; j < sizeof jobs / sizeof *jobs; j++) {
        load_mixed(&c);
        cck_rec_subjects_n(&c, jobs[j]);
        char *got = subjects_text(&c);
        CU_ASSERT_STRING_EQUAL(got, one);
        if (strcmp(got, one))
            fprintf(stderr, "subjects differ with %u jobs\n", jobs[j]);
        free(got);
        cck_corpus_free(&c);
    }
    free(one);
}

/* Word counts made while the sources are read, in any number of slots,
 * give the subjects the stage's own count gives; counts of other sources
 * are not used. Then the same through the pipeline, whose reading threads
 * count into their own slots, no more threads than slots. */
static void test_subjects_from_counts_made_while_reading(void)
{
    cck_corpus c;
    load_mixed(&c);
    cck_rec_subjects(&c);
    char *one = subjects_text(&c);
    cck_corpus_free(&c);
    for (unsigned slots = 1; slots <= 3; slots++)
        for (unsigned jobs = 1; jobs <= 3; jobs += 2) {
            load_mixed(&c);
            cck_rec_wordcount *w = cck_rec_wordcount_new(slots);
            for (size_t i = 0; i < c.nsources; i++)
                cck_rec_wordcount_add(w, (unsigned)(i % slots), c.sources[i]);
            CU_ASSERT(cck_rec_subjects_counted(&c, jobs, w));
            char *got = subjects_text(&c);
            CU_ASSERT_STRING_EQUAL(got, one);
            free(got);
            cck_corpus_free(&c);
        }
    /* one source short, or none: counted again, the same subjects */
    for (int none = 0; none < 2; none++) {
        load_mixed(&c);
        cck_rec_wordcount *w = none ? NULL : cck_rec_wordcount_new(2);
        for (size_t i = 1; w && i < c.nsources; i++)
            cck_rec_wordcount_add(w, (unsigned)(i % 2), c.sources[i]);
        CU_ASSERT(!cck_rec_subjects_counted(&c, 2, w));
        char *got = subjects_text(&c);
        CU_ASSERT_STRING_EQUAL(got, one);
        free(got);
        cck_corpus_free(&c);
    }
    char *paths[sizeof mixed_paths / sizeof *mixed_paths];
    size_t npaths = 0;
    for (; mixed_paths[npaths]; npaths++)
        paths[npaths] = cck_xstrndup(mixed_paths[npaths], strlen(mixed_paths[npaths]));
    for (unsigned jobs = 1; jobs <= 4; jobs++) {
        cck_corpus_init(&c);
        CU_ASSERT_EQUAL_FATAL(cck_ext_init(&c.diags), CCK_OK);
        /* 3 and 4 jobs with 2 slots: no more threads than slots */
        cck_run_options o = {.jobs = jobs, .expanded = true,
                             .words = cck_rec_wordcount_new(jobs <= 2 ? jobs : 2)};
        CU_ASSERT_EQUAL(cck_run_extract(&c, paths, npaths, &o), 0);
        CU_ASSERT_EQUAL_FATAL(c.nsources, npaths);
        CU_ASSERT(cck_rec_subjects_counted(&c, jobs, o.words));
        char *got = subjects_text(&c);
        CU_ASSERT_STRING_EQUAL(got, one);
        free(got);
        cck_corpus_free(&c);
    }
    for (size_t i = 0; i < npaths; i++)
        free(paths[i]);
    free(one);
}

/* The word counts of one text, exactly: plain ASCII words past the
 * counter's queue of 8, with words it counts another way (accented, 64
 * bytes or more) among them, possessives, and figures, which are not
 * counted. */
static void test_word_counts_exact(void)
{
    char text[512], longw[71];
    memset(longw, 'x', 70);
    longw[70] = '\0';
    snprintf(text, sizeof text,
             "The the THE cat Cat caf\xc3\xa9 Caf\xc3\xa9 na\xc3\xafve the 1950 "
             "Marrowby's marrowby %s the the the the the the the the the the "
             "Hamh\xc5\xadng hamhung 3.5 km", longw);
    table tb = {.a = cck_arena_new()};
    cck_arena *tmp = cck_arena_new();
    cck_rec_count_words(&tb, tmp, text, 0, strlen(text));
    static const struct {
        const char *w;
        size_t upper, lower;
    } want[] = {{"the", 2, 12}, {"cat", 1, 1},      {"cafe", 1, 1}, {"naive", 0, 1},
                {"marrowby", 1, 1}, {"hamhung", 1, 1}, {"km", 0, 1}};
    for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
        size_t up = 99, lo = 99;
        CU_ASSERT(cck_rec_word_count(&tb, want[i].w, &up, &lo));
        CU_ASSERT_EQUAL(up, want[i].upper);
        CU_ASSERT_EQUAL(lo, want[i].lower);
        if (up != want[i].upper || lo != want[i].lower)
            fprintf(stderr, "%s: upper %zu lower %zu\n", want[i].w, up, lo);
    }
    size_t up = 0, lo = 0;
    CU_ASSERT(cck_rec_word_count(&tb, longw, &up, &lo) && up == 0 && lo == 1);
    CU_ASSERT(!cck_rec_word_count(&tb, "1950", &up, &lo));
    CU_ASSERT(!cck_rec_word_count(&tb, "3.5", &up, &lo));
    CU_ASSERT(!cck_rec_word_count(&tb, "s", &up, &lo));
    /* and nothing else: no word counted another way left half-copied */
    size_t distinct = 0, uppers = 0, lowers = 0;
    for (size_t k = 0; k < tb.nwp; k++)
        for (size_t i = 0; i < tb.wp[k].cap; i++)
            if (tb.wp[k].h[i].w) {
                distinct++;
                uppers += tb.wp[k].h[i].upper;
                lowers += tb.wp[k].h[i].lower;
            }
    CU_ASSERT_EQUAL(distinct, 8);
    CU_ASSERT_EQUAL(uppers, 6);
    CU_ASSERT_EQUAL(lowers, 19);
    CU_ASSERT(!cck_rec_word_count(&tb, "", &up, &lo));
    cck_rec_words_free(&tb);
    cck_arena_free(tb.a);
    cck_arena_free(tmp);
}

/* The words and names passes' table, printed, for a corpus on njobs
 * threads (a new string). */
static char *names_text(cck_corpus *c, unsigned njobs)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m);
    cck_rec_names_print(m, c, njobs);
    CU_ASSERT_EQUAL(fclose(m), 0);
    return buf;
}

/* Generated sources that name the same places, facilities, events and
 * aliases in different forms and orders, so that which form is seen
 * first and most often, and which source names a key first, decide the
 * table. */
static void load_generated(cck_corpus *c, size_t n)
{
    static const char *const place[] = {"Arlen", "Marrow Bay", "Kessel", "Tor Vanna",
                                        "Ostrel", "Brightwater", "Lune", "Caddis Point"};
    static const char *const form[] = {"Marrow-Bay", "Tor-Vanna", "Caddis-Point"};
    cck_corpus_init(c);
    for (size_t i = 0; i < n; i++) {
        const char *a = place[i % 8], *b = place[(i * 3 + 1) % 8], *d = place[(i * 5 + 2) % 8];
        if (i % 3 == 1 && strchr(a, ' '))
            a = form[(i / 3) % 3];
        char text[1024], path[32];
        int w = snprintf(text, sizeof text,
                         "%s\n\n%s had %zu residents in %zu. %s, also known as Old %s, lies "
                         "near the %s Dam and the %s Dam No. %zu. The %s flood of %zu reached "
                         "%s. %s Harbour handles %zu tonnes; %s's mayor visited %s in "
                         "%zu. The city, then called %s%zu, grew.\n",
                         i % 4 ? a : b, a, 1000 + i * 7, 1900 + i % 90, b, b, d, a, i % 5, d,
                         1950 + i % 40, b, a, 20 * i + 5, d, a, 2000 + i % 20, a, i % 6);
        CU_ASSERT_FATAL(w > 0 && (size_t)w < sizeof text);
        snprintf(path, sizeof path, "gen%03zu.txt", i);
        cck_source *s = cck_source_from_memory(path, text, (size_t)w);
        CU_ASSERT_PTR_NOT_NULL_FATAL(s);
        cck_src_segment(s, &c->diags);
        cck_corpus_add(c, s);
    }
}

/* Adds text (w bytes, freed here) to c as source "<prefix><i>.txt", segmented. */
static void add_text(cck_corpus *c, const char *prefix, size_t i, char *text, size_t w)
{
    char path[32];
    snprintf(path, sizeof path, "%s%03zu.txt", prefix, i);
    cck_source *s = cck_source_from_memory(path, text, w);
    free(text);
    CU_ASSERT_PTR_NOT_NULL_FATAL(s);
    cck_src_segment(s, &c->diags);
    cck_corpus_add(c, s);
}

/* Generated sources of uneven size: some name nothing, some name a few
 * places, some name hundreds (so that each thread's buffers both sit idle
 * and grow, and one source's names fill many shards' buckets at once). */
static void load_uneven(cck_corpus *c, size_t n)
{
    static const char *const place[] = {"Arlen", "Marrow Bay", "Kessel", "Tor Vanna",
                                        "Ostrel", "Brightwater", "Lune", "Caddis Point"};
    cck_corpus_init(c);
    for (size_t i = 0; i < n; i++) {
        size_t reps = i % 3 == 0 ? 0 : i % 7 == 1 ? 120 : 1 + i % 4;
        size_t cap = 64 + reps * 96, w = 0;
        char *text = cck_xmalloc(cap);
        w += (size_t)snprintf(text + w, cap - w, "plain notes %zu\n\nthe count was %zu.\n", i,
                              100 + i);
        for (size_t k = 0; k < reps; k++)
            w += (size_t)snprintf(text + w, cap - w, "%s Harbour %zu saw %zu ships near %s. ",
                                  place[(i + k) % 8], k % 9, 10 + k, place[(i * 3 + k) % 8]);
        CU_ASSERT_FATAL(w < cap);
        add_text(c, "uneven", i, text, w);
    }
}

/* The corpus of a round of the test below: mixed sources, generated ones,
 * then sources of very uneven sizes. */
static void load_round(cck_corpus *c, int round)
{
    if (round == 2)
        load_uneven(c, 400);
    else if (round)
        load_generated(c, 300);
    else
        load_mixed(c);
}

/* The table of names is the same, entry for entry and in the same order,
 * whether one thread builds it or several, each putting the names of its
 * shard of the keys in (and so are the facts each article's main subject
 * and each declared alias rest on). */
static void test_names_table_on_threads(void)
{
    static const unsigned jobs[] = {2, 3, 4, 5, 7, 8, 16, 64};
    for (int round = 0; round < 3; round++) {
        cck_corpus c;
        load_round(&c, round);
        char *one = names_text(&c, 1);
        /* it did its work: many entries, forms counted, aliases found */
        size_t lines = 0;
        for (const char *p = one; *p; p++)
            lines += *p == '\n';
        CU_ASSERT(lines > (round ? 300u : 100u));
        CU_ASSERT_PTR_NULL(strstr(one, "not found"));
        if (round < 2)
            CU_ASSERT_PTR_NOT_NULL(strstr(one, " alias "));
        if (round == 2)
            CU_ASSERT_PTR_NOT_NULL(strstr(one, "\"Marrow Bay Harbor\"x"));
        /* the word counts are compared too: many words, some capitalised */
        size_t nwords = 0, upper = 0;
        CU_ASSERT_EQUAL(sscanf(one, "words %zu upper %zu", &nwords, &upper), 2);
        CU_ASSERT(nwords > (round == 2 ? 15u : 50u) && upper > 0);
        /* and the common words kept in their place: some, not all */
        size_t ncommon = 0;
        const char *cl = strstr(one, "\ncommon ");
        CU_ASSERT_FATAL(cl != NULL);
        CU_ASSERT_EQUAL(sscanf(cl, "\ncommon %zu", &ncommon), 1);
        CU_ASSERT(ncommon > 0 && ncommon < nwords);
        if (round == 1) {
            CU_ASSERT_PTR_NOT_NULL(strstr(one, "\"Marrow-Bay\"x"));
            CU_ASSERT_PTR_NOT_NULL(strstr(one, "noun flood"));
        }
        for (size_t j = 0; j < sizeof jobs / sizeof *jobs; j++) {
            char *got = names_text(&c, jobs[j]);
            CU_ASSERT_STRING_EQUAL(got, one);
            if (strcmp(got, one))
                fprintf(stderr, "names table differs with %u jobs (round %d)\n", jobs[j],
                        round);
            free(got);
        }
        /* threads the system refuses: none, or only some of those asked
         * for, start; the passes give the same table, and do not hang */
        static const size_t caps[] = {0, 1, 2};
        for (size_t k = 0; k < sizeof caps / sizeof *caps; k++) {
            cck_rec_thread_cap = caps[k];
            char *got = names_text(&c, 4);
            cck_rec_thread_cap = (size_t)-1;
            CU_ASSERT_STRING_EQUAL(got, one);
            if (strcmp(got, one))
                fprintf(stderr, "names table differs with 4 jobs, %zu threads (round %d)\n",
                        caps[k], round);
            free(got);
        }
        free(one);
        /* and the subjects the whole stage gives */
        cck_rec_subjects(&c);
        char *subj = subjects_text(&c);
        cck_corpus_free(&c);
        for (size_t j = 0; j < sizeof jobs / sizeof *jobs; j += 3) {
            load_round(&c, round);
            cck_rec_subjects_n(&c, jobs[j]);
            char *got = subjects_text(&c);
            CU_ASSERT_STRING_EQUAL(got, subj);
            free(got);
            cck_corpus_free(&c);
        }
        free(subj);
    }
}

/* A corpus of nsrc sources, each naming per names of its own (more than
 * fill a chunk of a shard's entries when there are many), one place in
 * nine written with one to nine spaces, each way as often as its spaces
 * (so that its forms outgrow their room more than once), and one place
 * every source names. */
static void load_many_names(cck_corpus *c, size_t nsrc, size_t per)
{
    cck_corpus_init(c);
    for (size_t i = 0; i < nsrc; i++) {
        size_t cap = 256 + per * 48, w = 0;
        char *text = cck_xmalloc(cap);
        w += (size_t)snprintf(text + w, cap - w, "notes %zu\n\nwe met in Vantor Hill.\n", i);
        for (size_t k = 0; k < per; k++) {
            size_t id = i * per + k;
            w += (size_t)snprintf(text + w, cap - w, "we went to Q%c%c%cville there. ",
                                  'a' + (int)(id % 26), 'a' + (int)(id / 26 % 26),
                                  'a' + (int)(id / 676 % 26));
        }
        for (size_t sp = 1; sp <= 9 && i < 9; sp++)
            if (sp > i)
                w += (size_t)snprintf(text + w, cap - w, "then Marrow%*sBay again. ", (int)sp,
                                      "");
        CU_ASSERT_FATAL(w < cap);
        add_text(c, "many", i, text, w);
    }
}

/* An event's names are kept beside its forms: an entry seen first as a
 * place with two forms, then as an event, keeps both forms and their
 * counts; and a name mentioned twice by a source counts that source once. */
static void test_names_event_keeps_forms(void)
{
    static const char *const texts[] = {
        "Kessel notes\n\nWe met near Lune Crossing. Later we met at Lune-Crossing. "
        "We read of Lune Crossing Flood in a book. Then of Lune-Crossing Flood.\n",
        "Kessel notes\n\nThe Lune Crossing flood of 1954 reached Kessel. "
        "The Lune-Crossing flood of 1954 was the worst.\n",
    };
    cck_corpus c;
    cck_corpus_init(&c);
    for (size_t i = 0; i < 2; i++)
        add_text(&c, "ev", i, cck_xstrndup(texts[i], strlen(texts[i])), strlen(texts[i]));
    char *one = names_text(&c, 1);
    /* named twice by one source: one source */
    const char *e = strstr(one, " lunecrossing ");
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    const char *eol = strchr(e, '\n');
    const char *x = strstr(e, " count 2 nsrc 1 ");
    CU_ASSERT(x && x < eol);
    /* the flood, named in both, an event in the second: four forms */
    e = strstr(one, " lunecrossingflood ");
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    eol = strchr(e, '\n');
    static const char *const want[] = {" count 4 nsrc 2 ", " ev 1 noun flood mod lunecrossing ",
                                       " \"Lune Crossing Flood\"x1", " \"Lune-Crossing Flood\"x1",
                                       " \"Lune Crossing flood\"x1", " \"Lune-Crossing flood\"x1"};
    for (size_t k = 0; k < sizeof want / sizeof *want; k++) {
        x = strstr(e, want[k]);
        CU_ASSERT(x && x < eol);
    }
    char *two = names_text(&c, 2);
    CU_ASSERT_STRING_EQUAL(one, two);
    free(two);
    free(one);
    cck_corpus_free(&c);
}

/* A shard's entries fill several chunks (and each shard's on threads some
 * too), and an entry's forms outgrow their room: the table is the same
 * whatever the threads, every entry is found, every form is counted. */
static void test_names_table_chunks_and_forms(void)
{
    cck_corpus c;
    size_t nsrc = 20, per = (3 * CCK_REC_CHUNK + 100) / 20 + 1;
    load_many_names(&c, nsrc, per);
    char *one = names_text(&c, 1);
    size_t entries = 0;
    for (const char *p = one; (p = strstr(p, " first ")); p++)
        entries++;
    CU_ASSERT(entries > 3 * CCK_REC_CHUNK);
    CU_ASSERT(entries >= nsrc * per);
    CU_ASSERT_PTR_NULL(strstr(one, "not found"));
    /* the last place of the last source, named once */
    size_t id = nsrc * per - 1;
    char key[32];
    snprintf(key, sizeof key, " q%c%c%cville ", 'a' + (int)(id % 26), 'a' + (int)(id / 26 % 26),
             'a' + (int)(id / 676 % 26));
    const char *e = strstr(one, key);
    CU_ASSERT_PTR_NOT_NULL(e);
    if (e) {
        char want[64];
        snprintf(want, sizeof want, "first %zu:", nsrc - 1);
        CU_ASSERT_PTR_NOT_NULL(strstr(e, want));
        CU_ASSERT(strstr(e, "count 1 nsrc 1 ") < strchr(e, '\n'));
    }
    /* Marrow Bay in nine forms: k spaces k times, the most frequent shown */
    e = strstr(one, " marrowbay ");
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    const char *eol = strchr(e, '\n');
    CU_ASSERT_PTR_NOT_NULL(strstr(e, "count 45 nsrc 9 "));
    for (int sp = 1; sp <= 9; sp++) {
        char form[32];
        snprintf(form, sizeof form, " \"Marrow%*sBay\"x%d", sp, "", sp);
        const char *f = strstr(e, form);
        CU_ASSERT(f && f < eol);
    }
    const char *disp = strstr(e, " disp \"");
    CU_ASSERT(disp && !strncmp(disp, " disp \"Marrow         Bay\" ", 22));
    /* Vantor Hill in every source */
    e = strstr(one, " vantorhill ");
    CU_ASSERT(e && strstr(e, "count 20 nsrc 20 ") < strchr(e, '\n'));
    static const unsigned jobs[] = {2, 3, 5};
    for (size_t j = 0; j < sizeof jobs / sizeof *jobs; j++) {
        char *got = names_text(&c, jobs[j]);
        CU_ASSERT_STRING_EQUAL(got, one);
        free(got);
    }
    free(one);
    cck_corpus_free(&c);
}

/* Runs the names passes in a child process with the stage's bound at
 * `bound`: true when the child stopped on it (SIGABRT), false when it
 * finished. */
static bool stops_on_bound(cck_corpus *c, uint32_t bound, unsigned njobs)
{
    fflush(NULL);
    pid_t pid = fork();
    CU_ASSERT_FATAL(pid >= 0);
    if (pid == 0) {
        /* the child's message is expected: not into the test's output */
        if (!freopen("/dev/null", "w", stderr))
            _exit(2);
        cck_rec_bound = bound;
        FILE *out = fopen("/dev/null", "w");
        if (!out)
            _exit(2);
        cck_rec_names_print(out, c, njobs);
        fclose(out);
        cck_corpus_free(c);
        _exit(0);
    }
    int st = 0;
    CU_ASSERT_FATAL(waitpid(pid, &st, 0) == pid);
    CU_ASSERT(WIFSIGNALED(st) || (WIFEXITED(st) && WEXITSTATUS(st) == 0));
    return WIFSIGNALED(st) && WTERMSIG(st) == SIGABRT;
}

/* A corpus of one source per entry of texts. */
static void load_texts(cck_corpus *c, const char *const *texts, size_t n)
{
    cck_corpus_init(c);
    for (size_t i = 0; i < n; i++) {
        char path[32];
        snprintf(path, sizeof path, "b%03zu.txt", i);
        cck_source *s = cck_source_from_memory(path, texts[i], strlen(texts[i]));
        CU_ASSERT_PTR_NOT_NULL_FATAL(s);
        cck_src_segment(s, &c->diags);
        cck_corpus_add(c, s);
    }
}

/* The table's 32-bit counts hold because the stage stops, as out of
 * memory, past the bound: on the corpus's sources, a shard's entries and
 * one name's mentions, each exactly past it. */
static void test_names_table_bound(void)
{
    CU_ASSERT_EQUAL(cck_rec_bound, CCK_REC_BOUND);
    CU_ASSERT(CCK_REC_BOUND <= INT32_MAX);
    cck_corpus c;
    const char *texts[20];
    /* 20 sources that name nothing */
    for (size_t i = 0; i < 20; i++)
        texts[i] = "we met here.\n";
    load_texts(&c, texts, 20);
    CU_ASSERT(!stops_on_bound(&c, 20, 1));
    CU_ASSERT(stops_on_bound(&c, 19, 1));
    CU_ASSERT(stops_on_bound(&c, 19, 3));
    cck_corpus_free(&c);
    /* one source, one place named 100 times */
    char text[8192];
    size_t w = 0;
    for (size_t k = 0; k < 100; k++)
        w += (size_t)snprintf(text + w, sizeof text - w, "we saw Vantor Hill. ");
    CU_ASSERT_FATAL(w < sizeof text);
    texts[0] = text;
    load_texts(&c, texts, 1);
    CU_ASSERT(!stops_on_bound(&c, 100, 1));
    CU_ASSERT(stops_on_bound(&c, 99, 1));
    cck_corpus_free(&c);
    /* one source, 150 places named once each */
    w = 0;
    for (size_t k = 0; k < 150; k++)
        w += (size_t)snprintf(text + w, sizeof text - w, "we saw R%c%cton. ",
                              'a' + (int)(k % 26), 'a' + (int)(k / 26));
    CU_ASSERT_FATAL(w < sizeof text);
    load_texts(&c, texts, 1);
    CU_ASSERT(!stops_on_bound(&c, 150, 1));
    CU_ASSERT(stops_on_bound(&c, 149, 1));
    cck_corpus_free(&c);
}

/* The word sets the subject stage asks for every token: each word of a
 * list in its set alone, near misses in none. */
static void test_lexicon_sets(void)
{
    static const char *const ana[] = {"camp", "prison", "pavilion", "dam", "works", "theater"};
    for (size_t i = 0; i < sizeof ana / sizeof *ana; i++)
        CU_ASSERT(cck_lex_anaphor(ana[i]));
    static const char *const not_ana[] = {"camps", "the", "", "Camp", "hospital", "war", "da"};
    for (size_t i = 0; i < sizeof not_ana / sizeof *not_ana; i++)
        CU_ASSERT(!cck_lex_anaphor(not_ana[i]));
    /* stopwords and months, from one hash */
    CU_ASSERT(cck_lex_stopword("the") && cck_lex_stopword("however"));
    CU_ASSERT(cck_lex_stopword("january") && cck_lex_stopword("sept") && cck_lex_stopword("dec"));
    CU_ASSERT(!cck_lex_stopword("north") && !cck_lex_stopword("new") && !cck_lex_stopword("no"));
    CU_ASSERT(!cck_lex_stopword("camp") && !cck_lex_stopword("marrowby") && !cck_lex_stopword(""));
    CU_ASSERT_EQUAL(cck_lex_month("sept"), 9);
    CU_ASSERT_EQUAL(cck_lex_month("camp"), 0);
    CU_ASSERT(cck_lex_event_noun("famine") && !cck_lex_event_noun("camp"));
    CU_ASSERT(cck_lex_generic_head("plant") && !cck_lex_generic_head("pavilion"));
    /* the prepositions, the first and last listed among them; not the
     * words of other sets or a listed word's prefix */
    CU_ASSERT(cck_lex_preposition("after") && cck_lex_preposition("without") &&
              cck_lex_preposition("in") && cck_lex_preposition("via"));
    CU_ASSERT(!cck_lex_preposition("the") && !cck_lex_preposition("camp") &&
              !cck_lex_preposition("i") && !cck_lex_preposition("After") &&
              !cck_lex_preposition(""));
}

static CU_TestInfo subject_tests[] = {
    {"lexicon sets: anaphors, stopwords, months, prepositions", test_lexicon_sets},
    {"subjects of prose and tables", test_subjects_of_prose_and_tables},
    {"main subject from the title", test_main_subject_from_title},
    {"unclear subjects are flagged", test_unclear_subjects},
    {"denied figures are flagged", test_denied_figures},
    {"as_of from the section heading", test_section_as_of},
    {"attribute from the context", test_attribute_from_context},
    {"facility aliases", test_facility_aliases},
    {"events and ports", test_events_and_ports},
    {"caption names the entity", test_caption_names_entity},
    {"fold aliases", test_fold_aliases},
    {"odd claims get a subject", test_odd_claims_get_a_subject},
    {"subjects on threads", test_subjects_on_threads},
    {"word counts, exactly", test_word_counts_exact},
    {"subjects from word counts made while reading", test_subjects_from_counts_made_while_reading},
    {"names table on threads", test_names_table_on_threads},
    {"names table in chunks, forms grow", test_names_table_chunks_and_forms},
        {"an event keeps its forms; a source counts once", test_names_event_keeps_forms},
    {"names table's 32-bit bound", test_names_table_bound},
    CU_TEST_INFO_NULL,
};

void cck_suite_subject(void) { CCK_ADD_SUITE("subject", subject_tests); }
