/* test_numbers.c: the numbers family (extractors/number.c, units.c) on
 * sentences written for these tests: one row per behaviour, checked for
 * span, kind, values, unit and step after overlap resolution. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "tests.h"
#include "units.h"

typedef struct {
    const char *text;
    const char *span;   /* expected span (first occurrence in text); NULL: no claim */
    cck_kind kind;
    double lo, hi;
    const char *unit;
    double step;        /* < 0: not checked */
} num_case;

/* Strongest non-overlapping candidates, as the driver keeps them. */
static int by_strength(const void *pa, const void *pb)
{
    const cck_cand *a = pa, *b = pb;
    size_t la = a->claim.end - a->claim.start, lb = b->claim.end - b->claim.start;
    if (la != lb)
        return la > lb ? -1 : 1;
    if (a->priority != b->priority)
        return a->priority > b->priority ? -1 : 1;
    return a->claim.start < b->claim.start ? -1 : a->claim.start > b->claim.start;
}

static void resolve(cck_cands *c, size_t len)
{
    if (c->n)
        qsort(c->v, c->n, sizeof *c->v, by_strength);
    unsigned char *taken = cck_xcalloc(len + 1, 1);
    size_t kept = 0;
    for (size_t i = 0; i < c->n; i++) {
        size_t s = c->v[i].claim.start, e = c->v[i].claim.end;
        CU_ASSERT(s < e && e <= len);
        if (!(s < e && e <= len))
            continue;
        bool clash = false;
        for (size_t k = s; k < e; k++)
            clash = clash || taken[k];
        if (clash)
            continue;
        memset(taken + s, 1, e - s);
        c->v[kept++] = c->v[i];
    }
    c->n = kept;
    free(taken);
}

/* Runs the numbers family over text[0, len) as one unit (a table cell
 * with these headers when row or col is non-NULL). */
static void scan_text(const char *text, size_t len, const char *row, const char *col, cck_cands *out)
{
    cck_source *src = cck_source_from_memory("test.txt", text, len);
    cck_matcher *m = cck_matcher_new();
    cck_diags d;
    cck_diags_init(&d);
    cck_unit u;
    memset(&u, 0, sizeof u);
    u.start = 0;
    u.end = len;
    u.section = -1;
    cck_table_cell cell = {NULL, row, col, 0, 0};
    u.zone = (row || col) ? CCK_ZONE_TABLE : CCK_ZONE_BODY;
    src->units = &u;
    src->nunits = 1;
    src->cells = &cell;
    src->ncells = 1;
    cck_scan sc = {src, &u, src->bytes, 0, len, m, &d, NULL, NULL, NULL};
    cck_ext_numbers(&sc, out);
    resolve(out, len);
    cck_matcher_free(m);
    cck_diags_free(&d);
    cck_source_free(src);
}

static bool near(double a, double b)
{
    return fabs(a - b) <= 1e-9 * fmax(1, fmax(fabs(a), fabs(b)));
}

static void check_case(const num_case *k, const char *row, const char *col)
{
    cck_cands c = {0};
    size_t len = strlen(k->text);
    scan_text(k->text, len, row, col, &c);
    if (!k->span) {
        /* no claim, except a bare year left for the dates extractor */
        for (size_t i = 0; i < c.n; i++) {
            if (c.v[i].priority > 1)
                fprintf(stderr, "\n  unexpected claim %.*s in: %s\n",
                        (int)(c.v[i].claim.end - c.v[i].claim.start), k->text + c.v[i].claim.start,
                        k->text);
            CU_ASSERT(c.v[i].priority <= 1);
        }
        cck_cands_free(&c);
        return;
    }
    const char *at = strstr(k->text, k->span);
    CU_ASSERT_PTR_NOT_NULL_FATAL(at);
    size_t s = (size_t)(at - k->text), e = s + strlen(k->span);
    const cck_claim *found = NULL;
    for (size_t i = 0; i < c.n; i++)
        if (c.v[i].claim.start == s && c.v[i].claim.end == e)
            found = &c.v[i].claim;
    if (!found) {
        fprintf(stderr, "\n  no claim \"%s\" in: %s\n  got:", k->span, k->text);
        for (size_t i = 0; i < c.n; i++)
            fprintf(stderr, " [%.*s]", (int)(c.v[i].claim.end - c.v[i].claim.start),
                    k->text + c.v[i].claim.start);
        fprintf(stderr, "\n");
    }
    CU_ASSERT_PTR_NOT_NULL(found);
    if (found) {
        bool ok = found->kind == k->kind && near(found->lo, k->lo) && near(found->hi, k->hi) &&
                  !strcmp(cck_claim_unit(found), k->unit) && (k->step < 0 || near(found->step, k->step));
        if (!ok)
            fprintf(stderr, "\n  \"%s\": got %s %.10g..%.10g %s step %g\n", k->span,
                    cck_kind_name(found->kind), found->lo, found->hi, cck_claim_unit(found),
                    found->step);
        CU_ASSERT(ok);
    }
    cck_cands_free(&c);
}

#define K_COUNT CCK_KIND_COUNT
#define K_MEAS CCK_KIND_MEASURE
#define K_PCT CCK_KIND_PERCENT
#define K_MONEY CCK_KIND_MONEY
#define K_RANK CCK_KIND_RANK
#define YEAR_S 31557600.0

static const num_case plain_cases[] = {
    {"The town had 874,682 residents in total.", "874,682", K_COUNT, 874682, 874682, "", 1},
    {"Roughly 559,000 people live there.", "559,000", K_COUNT, 559000, 559000, "", 1000},
    {"Its mayor counted 12 bridges.", "12", K_COUNT, 12, 12, "", 1},
    {"The depot keeps 31 buses for the old routes.", "31", K_COUNT, 31, 31, "", 1},
    {"Figures with thin spaces: 1\xE2\x80\x89" "250\xE2\x80\x89" "000 voters.", "1\xE2\x80\x89" "250\xE2\x80\x89" "000",
     K_COUNT, 1250000, 1250000, "", 1000},
    {"The province holds 2.4 million people.", "2.4 million", K_COUNT, 2.4e6, 2.4e6, "", 1e5},
    {"The region holds 3 million people.", "3 million", K_COUNT, 3e6, 3e6, "", 1e6},
    {"In that year 1,500 workers joined.", "1,500", K_COUNT, 1500, 1500, "", 1},
    {"Some 2\xC2\xA0" "400 miners struck.", "2\xC2\xA0" "400", K_COUNT, 2400, 2400, "", 1},
    {"A thousand soldiers marched in.", "A thousand", K_COUNT, 1000, 1000, "", 1000},
    {"The army sent two dozen tanks.", "two dozen", K_COUNT, 24, 24, "", 12},
    {"The app has 2m users already.", "2m", K_COUNT, 2e6, 2e6, "", 1e6},
    {"The ward has 1.2bn in reserves.", "1.2bn", K_COUNT, 1.2e9, 1.2e9, "", 1e8},
};

static const num_case money_cases[] = {
    {"Its output is worth \\$50 billion each year.", "\\$50 billion", K_MONEY, 5e10, 5e10, "USD", 1e9},
    {"The bridge cost US$3.5 million to build.", "US$3.5 million", K_MONEY, 3.5e6, 3.5e6, "USD", 1e5},
    {"Entry costs €20 for adults.", "€20", K_MONEY, 20, 20, "EUR", 1},
    {"The fare was £4.50 in the end.", "£4.50", K_MONEY, 4.5, 4.5, "GBP", 0.01},
    {"Wardens are paid 45 won a month.", "45 won", K_MONEY, 45, 45, "KPW", 1},
    {"Rice fetched 1,000 to 2,500 North Korean won a sack.", "1,000 to 2,500 North Korean won", K_MONEY, 1000,
     2500, "KPW", 1},
    {"A ticket is 12 dollars now.", "12 dollars", K_MONEY, 12, 12, "USD", 1},
    {"Exports reached USD 4.2 billion in all.", "USD 4.2 billion", K_MONEY, 4.2e9, 4.2e9, "USD", 1e8},
    {"Tuition is $5,000 per year.", "$5,000", K_MONEY, 5000, 5000, "USD", 1000},
};

static const num_case measure_cases[] = {
    {"The lake is 12 km long.", "12 km", K_MEAS, 12000, 12000, "m", 1000},
    {"The mast stands 10.0 km away.", "10.0 km", K_MEAS, 10000, 10000, "m", 100},
    {"It lies ten kilometres to the east.", "ten kilometres", K_MEAS, 10000, 10000, "m", 1000},
    {"The dam is 40 metres tall.", "40 metres", K_MEAS, 40, 40, "m", 1},
    {"The ridge rises to 2,100 m above the valley.", "2,100 m", K_MEAS, 2100, 2100, "m", 1},
    {"A 25 mm pipe was laid.", "25 mm", K_MEAS, 0.025, 0.025, "m", 0.001},
    {"The coast is 3 miles off.", "3 miles", K_MEAS, 4828.032, 4828.032, "m", 1609.344},
    {"The wall is 16 meters (52 feet) high.", "16 meters", K_MEAS, 16, 16, "m", 1},
    {"Gusts reach 9.5 mph (15.3 km/h) in spring.", "9.5 mph", K_MEAS, 4.24688, 4.24688, "m/s", 0.044704},
    {"Trains run at 90 km/h on the plain.", "90 km/h", K_MEAS, 25, 25, "m/s", 1 / 3.6},
    {"Hail of 1.3 inches (3.3 cm) fell in May.", "1.3 inches", K_MEAS, 0.03302, 0.03302, "m", 0.00254},
    {"Lows fall to -8.3 °C at night.", "-8.3 °C", K_MEAS, -8.3, -8.3, "degC", 0.1},
    /* fractions: glyphs, mixed numbers and plain ones */
    {"The pond is 2\xC2\xBD km wide.", "2\xC2\xBD km", K_MEAS, 2500, 2500, "m", 250},
    {"The trail is 1 1/2 miles long.", "1 1/2 miles", K_MEAS, 2414.016, 2414.016, "m", 804.672},
    {"The loop is 3/4 mile around.", "3/4 mile", K_MEAS, 1207.008, 1207.008, "m", 402.336},
    {"The dial read \xE2\x88\x92" "3.4 °C at dawn.", "\xE2\x88\x92" "3.4 °C", K_MEAS, -3.4, -3.4, "degC", 0.1},
    {"Nights fall to minus 20 °C in winter.", "minus 20 °C", K_MEAS, -20, -20, "degC", 1},
    {"Highs reach 77 °F in July.", "77 °F", K_MEAS, 25, 25, "degC", 5.0 / 9.0},
    {"The plain covers 5 sq. km of farmland.", "5 sq. km", K_MEAS, 5e6, 5e6, "m2", 1e6},
    {"The park spans 300 hectares.", "300 hectares", K_MEAS, 3e6, 3e6, "m2", 1e4},
    {"The hall has 14,700 square meters of stalls.", "14,700 square meters", K_MEAS, 14700, 14700, "m2", 1},
    {"The reserve covers 12 km² of marsh.", "12 km²", K_MEAS, 1.2e7, 1.2e7, "m2", 1e6},
    {"A 1,000 lb charge was dropped.", "1,000 lb", K_MEAS, 453.59237, 453.59237, "kg", 453.59237},
    {"Each crate weighs 20 kg empty.", "20 kg", K_MEAS, 20, 20, "kg", 1},
    {"The port moved 120,000 measurement tons in June.", "120,000 measurement tons", K_MEAS, 135920.8636416,
     135920.8636416, "m3", 1132.67386368},
    {"The plant makes 10,000 tonnes of fertiliser a year.", "10,000 tonnes of fertiliser a year", K_MEAS, 1e7, 1e7,
     "kg/yr", 1e6},
    {"Output rose to 4,500 tons annually.", "4,500 tons annually", K_MEAS, 4.5e6, 4.5e6, "kg/yr", 1000},
    {"The works hit a yearly capacity near 4.8 million tonnes.", "4.8 million tonnes", K_MEAS, 4.8e9, 4.8e9,
     "kg/yr", 1e8},
    {"The mill stored 2,500 to 5,000 tons last winter.", "2,500 to 5,000 tons", K_MEAS, 2.5e6, 5e6, "kg", 1000},
    {"Looms wove 300 million metres of cloth a year.", "300 million metres of cloth a year", K_MEAS, 3e8, 3e8,
     "m/yr", 1e6},
    {"They finished two years early.", "two years", K_MEAS, 2 * YEAR_S, 2 * YEAR_S, "s", YEAR_S},
    {"Pupils follow a 12-year course.", "12-year", K_MEAS, 12 * YEAR_S, 12 * YEAR_S, "s", YEAR_S},
    {"The wet season lasts 2.5 months.", "2.5 months", K_MEAS, 6574500, 6574500, "s", 262980},
    {"The drive took ten hours.", "ten hours", K_MEAS, 36000, 36000, "s", 3600},
    {"Shifts begin around 6-7 AM daily.", "6-7 AM", K_MEAS, 21600, 25200, "s", 3600},
    {"A kilometre-long avenue was built.", "kilometre-long", K_MEAS, 1000, 1000, "m", 1000},
    {"Reach speeds of 10km within the hour.", "10km", K_MEAS, 10000, 10000, "m", 1000},
    {"Snow lay 35 cm (14 in) deep.", "35 cm", K_MEAS, 0.35, 0.35, "m", 0.01},
    {"Density is 540/km2 (1,400/sq mi) there.", "540/km2", K_MEAS, 540e-6, 540e-6, "1/m2", 1e-6},
    {"Some 80 people per square kilometre live there.", "80", K_COUNT, 80, 80, "", 1},
    {"Some 80 per square kilometre live there.", "80 per square kilometre", K_MEAS, 80e-6, 80e-6, "1/m2", 1e-6},
    {"The 2019 budget of ₩3.2 trillion (US$2.7 billion) passed.", "₩3.2 trillion", K_MONEY, 3.2e12, 3.2e12, "KRW", 1e11},
    {"A 1.5m wall surrounds it.", "1.5m", K_MEAS, 1.5, 1.5, "m", 0.1},
    {"Boats land 1.5m tonnes of fish.", "1.5m tonnes", K_MEAS, 1.5e9, 1.5e9, "kg", 1e8},
    {"The bay covers 330 square kilometres (130 sq mi) in all.", "330 square kilometres", K_MEAS, 3.3e8, 3.3e8,
     "m2", 1e6},
};

static const num_case percent_cases[] = {
    {"Turnout was 25% this time.", "25%", K_PCT, 25, 25, "%", 1},
    {"Turnout was 64 percent in May.", "64 percent", K_PCT, 64, 64, "%", 1},
    {"Turnout was 61 per cent in June.", "61 per cent", K_PCT, 61, 61, "%", 1},
    {"Growth slowed to 0.9% a year.", "0.9%", K_PCT, 0.9, 0.9, "%", 0.1},
    {"The share stood at 99.998% of the total.", "99.998%", K_PCT, 99.998, 99.998, "%", 0.001},
    {"Roughly 1 in 4 homes collapsed.", "1 in 4", K_PCT, 25, 25, "%", 0},
    {"One in five adults smoke.", "One in five", K_PCT, 20, 20, "%", 0},
    {"Only 3 in 2010 were built.", "3", K_COUNT, 3, 3, "", 1},
    {"Unemployment fell 2.5 percentage points.", "2.5 percentage points", K_PCT, 2.5, 2.5, "%", 0.1},
    /* rates per 100,000 are percentages (FORMAT.md) */
    {"Its jails hold 473 per 100,000 people.", "473 per 100,000", K_PCT, 0.473, 0.473, "%", 0.001},
    {"It tops the list of deaths per 100,000 (38) in Asia.", "38", K_PCT, 0.038, 0.038, "%", 0.001},
    {"Fewer than half of the wells work.", "half", K_PCT, 50, 50, "%", -1},
    {"Rain fell in the second half of the year.", NULL, 0, 0, 0, "", 0},
    {"It is home to less than a third of the workforce.", "a third", K_PCT, 100.0 / 3, 100.0 / 3, "%", -1},
};

static const num_case range_cases[] = {
    {"Support sits at 35-40% in polls.", "35-40%", K_PCT, 35, 40, "%", 1},
    {"Roughly 70\xE2\x80\x93" "85% of the old town burned.", "70\xE2\x80\x93" "85%", K_PCT, 70, 85, "%", 1},
    {"Some 81,000\xE2\x80\x93" "87,000 refugees left by sea.", "81,000\xE2\x80\x93" "87,000", K_COUNT, 81000, 87000, "", 1000},
    {"Each block groups 20-40 flats.", "20-40", K_COUNT, 20, 40, "", 1},
    {"The camp holds between 1,000 and 6,000 men.", "between 1,000 and 6,000", K_COUNT, 1000, 6000, "", 1000},
    {"Forecasts run from 612,000 to 640,000 by then.", "612,000 to 640,000", K_COUNT, 612000, 640000, "", 1000},
    {"The town grew from 612,000 to 640,000 by then.", "612,000", K_COUNT, 612000, 612000, "", 1000},
    {"Estimates range from 612,000 to 640,000 residents.", "612,000 to 640,000", K_COUNT, 612000, 640000, "", 1000},
    {"The bus takes 10\xE2\x80\x93" "12 hours.", "10\xE2\x80\x93" "12 hours", K_MEAS, 36000, 43200, "s", 3600},
    {"The towns lie 10-12 km apart.", "10-12 km", K_MEAS, 10000, 12000, "m", 1000},
    {"The towns lie 10 km to 12 km apart.", "10 km to 12 km", K_MEAS, 10000, 12000, "m", 1000},
    {"Later, two to three million people fled.", "two to three million", K_COUNT, 2e6, 3e6, "", 1e6},
    {"Losses were put at 400,000 to 1 million.", "400,000 to 1 million", K_COUNT, 4e5, 1e6, "", 1000},
    {"The flood displaced 2-3 million people.", "2-3 million", K_COUNT, 2e6, 3e6, "", 1e6},
    {"Terms ranged from two to twelve years.", "two to twelve years", K_MEAS, 2 * YEAR_S, 12 * YEAR_S, "s", YEAR_S},
    {"Sentences vary from one to nine months.", "one to nine months", K_MEAS, YEAR_S / 12, 9 * YEAR_S / 12, "s", YEAR_S / 12},
    {"Visitors stay six to eight hours.", "six to eight hours", K_MEAS, 21600, 28800, "s", 3600},
    {"Repairs took the last 10-15 years.", "10-15 years", K_MEAS, 10 * YEAR_S, 15 * YEAR_S, "s", YEAR_S},
};

static const num_case word_cases[] = {
    {"The tram line had two branches.", "two", K_COUNT, 2, 2, "", 1},
    {"Seven stations were rebuilt.", "Seven", K_COUNT, 7, 7, "", 1},
    {"Ten of the towns flooded.", "Ten", K_COUNT, 10, 10, "", 1},
    {"There are a dozen shops on the square.", "a dozen", K_COUNT, 12, 12, "", 1},
    {"It grows on ten or so farms.", "ten or so", K_COUNT, 10, 10, "", 1},
    {"The site has twenty-four kilns.", "twenty-four", K_COUNT, 24, 24, "", 1},
    {"One of the towns is small.", NULL, 0, 0, 0, "", 0},
    {"Two of the most famous are here.", NULL, 0, 0, 0, "", 0},
    {"See the next four chapters.", NULL, 0, 0, 0, "", 0},
    {"The tour ran late, with one exception.", "one", K_COUNT, 1, 1, "", 1},
    {"The town has nine wells, all but two dry.", "all but two", K_COUNT, 7, 7, "", 1},
    {"The Three Kingdoms period ended.", NULL, 0, 0, 0, "", 0},
};

static const num_case rank_cases[] = {
    {"It is the second-largest city in the land.", "second-largest city", K_RANK, 2, 2, "", 0},
    {"Sariwon became the second largest town of the region.", "second largest town", K_RANK, 2, 2, "", 0},
    {"It is the 16th largest city on the coast.", "16th largest city", K_RANK, 16, 16, "", 0},
    {"Kanggye counts as the second city up north.", "second city", K_RANK, 2, 2, "", 0},
    {"It is the third-most populous city in Asia.", "third-most populous city", K_RANK, 3, 3, "", 0},
    {"It is the country's fourth-busiest port.", "fourth-busiest port", K_RANK, 4, 4, "", 0},
    {"They rank as the second and fourth largest towns.", "second", K_RANK, 2, 2, "", 0},
    {"They rank as the second and fourth largest towns.", "fourth largest towns", K_RANK, 4, 4, "", 0},
    {"A wall was built in the fifth year of King Taejo.", "fifth year of King Taejo", K_RANK, 5, 5, "", 0},
    {"Paper called rice the No. 1 crop.", "No. 1", K_RANK, 1, 1, "", 0},
    {"The yard was ranked fifth in the region.", "fifth", K_RANK, 5, 5, "", 0},
    {"The 1st Marine Division arrived.", NULL, 0, 0, 0, "", 0},
    {"The 7th Infantry Division landed.", NULL, 0, 0, 0, "", 0},
    {"The second half of the year was dry.", NULL, 0, 0, 0, "", 0},
};

static const num_case hedge_cases[] = {
    /* hedges before the figure stay out of the span: hedge.c adds them */
    {"About 175 engineers came.", "175", K_COUNT, 175, 175, "", 1},
    {"Nearly 200 ships sailed.", "200", K_COUNT, 200, 200, "", 1},
    {"An impact of \\$20 billion and greater is likely.", "\\$20 billion and greater", K_MONEY, 2e10, 2e10, "USD", 1e9},
    {"The war lasted four years or so.", "four years or so", K_MEAS, 4 * YEAR_S, 4 * YEAR_S, "s", YEAR_S},
};

static const num_case not_claims[] = {
    {"The February 8 Textile Mill reopened.", NULL, 0, 0, 0, "", 0},
    {"Inmates of Camp No. 9 were moved.", NULL, 0, 0, 0, "", 0},
    {"A B-29 crossed the bay.", NULL, 0, 0, 0, "", 0},
    {"MiG-15 jets flew over.", NULL, 0, 0, 0, "", 0},
    {"The COVID-19 rules eased.", NULL, 0, 0, 0, "", 0},
    {"1. Opening remarks", NULL, 0, 0, 0, "", 0},
    {"Call 555-123-4567 today.", NULL, 0, 0, 0, "", 0},
    {"See ISBN 978-0-14-303943-3 for details.", NULL, 0, 0, 0, "", 0},
    {"Route 7 is closed.", NULL, 0, 0, 0, "", 0},
    {"The 2\xC2\xB7" "8 Vinylon Works is old.", NULL, 0, 0, 0, "", 0},
    {"In 1950 the city fell.", NULL, 0, 0, 0, "", 0},
    {"It fell on 22 August 1945 at noon.", NULL, 0, 0, 0, "", 0},
    {"It fell on June 25, 1950 at dawn.", NULL, 0, 0, 0, "", 0},
    {"Liked by 3 people", NULL, 0, 0, 0, "", 0},
    {"A site at 39.918° N is flat.", NULL, 0, 0, 0, "", 0},
    {"Open 1950s housing blocks.", NULL, 0, 0, 0, "", 0},
    {"It was built in the 1994\xE2\x80\x93" "1998 period.", NULL, 0, 0, 0, "", 0},
    {"Talks in 2013-14 failed.", NULL, 0, 0, 0, "", 0},
    {"Meet at 10:30 sharp.", NULL, 0, 0, 0, "", 0},
    {"She lives at 12 Harbour Road now.", NULL, 0, 0, 0, "", 0},
    {"Notes on camps (4 and 11) follow.", NULL, 0, 0, 0, "", 0},
    {"Ten years on, the mill reopened.", NULL, 0, 0, 0, "", 0},
    {"Clocks are set to UTC+9 there.", NULL, 0, 0, 0, "", 0},
    {"See chapter 4 for more.", NULL, 0, 0, 0, "", 0},
    {"Postal code 12345 applies.", NULL, 0, 0, 0, "", 0},
    {"Dial +82 for the country.", NULL, 0, 0, 0, "", 0},
    {"As table 2 shows, it grew.", NULL, 0, 0, 0, "", 0},
    {"Those few hundred fled.", NULL, 0, 0, 0, "", 0},
};

static void run_table(const num_case *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        check_case(&v[i], NULL, NULL);
}

#define RUN(t) run_table(t, sizeof t / sizeof *t)

static void test_plain_counts(void) { RUN(plain_cases); }
static void test_money(void) { RUN(money_cases); }
static void test_measures_convert_units(void) { RUN(measure_cases); }
static void test_percentages(void) { RUN(percent_cases); }
static void test_ranges(void) { RUN(range_cases); }
static void test_number_words(void) { RUN(word_cases); }
static void test_ranks(void) { RUN(rank_cases); }
static void test_hedges_left_out_of_span(void) { RUN(hedge_cases); }
static void test_names_and_labels_are_not_claims(void) { RUN(not_claims); }

/* table cells: the unit comes from the row or column header */
static void test_table_cells_take_header_units(void)
{
    static const struct {
        const char *row, *col;
        num_case k;
    } cells[] = {
        {"Record high °C (°F)", "Mar", {"12.6 (54.7)", "12.6", K_MEAS, 12.6, 12.6, "degC", 0.1}},
        {"Record low °C (°F)", "Jan", {"\xE2\x88\x92" "21.0 (\xE2\x88\x92" "5.8)", "\xE2\x88\x92" "21.0", K_MEAS, -21, -21, "degC", 0.1}},
        {"Mean monthly rainfall mm (inches)", "Feb", {"17.5 (0.69)", "17.5", K_MEAS, 0.0175, 0.0175, "m", 0.0001}},
        {"Days with rain (≥ 1.0 mm)", "Apr", {"6.2", "6.2", K_COUNT, 6.2, 6.2, "", 0.1}},
        {"Mean humidity (%)", "Jun", {"77.1", "77.1", K_PCT, 77.1, 77.1, "%", 0.1}},
        {"Feb", "Avg. temp. (°C)", {"-4", "-4", K_MEAS, -4, -4, "degC", 1}},
        {"Feb", "Rain (mm)", {"41", "41", K_MEAS, 0.041, 0.041, "m", 0.001}},
        {"Feb", "Wet days", {"6", "6", K_COUNT, 6, 6, "", 1}},
        {"1961", "Population estimate", {"301,400", "301,400", K_COUNT, 301400, 301400, "", 1}},
        {"1961", "Population estimate", {"301,400[4]", "301,400", K_COUNT, 301400, 301400, "", 1}},
        {"1961", "Notes", {"Model from survey data.[3]", NULL, 0, 0, 0, "", 0}},
        {"Year", "Output", {"1961", NULL, 0, 0, 0, "", 0}},
        {"2015", "GDP (US$ million)", {"1,250", "1,250", K_MONEY, 1.25e9, 1.25e9, "USD", 1e6}},
        {"Chongpyong", "Density (/km²)", {"86.5", "86.5", K_MEAS, 86.5e-6, 86.5e-6, "1/m2", 1e-7}},
        {"Chongpyong", "Area (km²)", {"412", "412", K_MEAS, 4.12e8, 4.12e8, "m2", 1e6}},
        {"Chongpyong", "Residents (thousands)", {"96.2", "96.2", K_COUNT, 96200, 96200, "", 100}},
        {"Chongpyong", "Share of total", {"12%", "12%", K_PCT, 12, 12, "%", 1}},
        {"Chongpyong", "Residents", {"8,100 (2.5%)", "8,100", K_COUNT, 8100, 8100, "", 1}},
        {"Chongpyong", "Residents", {"8,100 (2.5%)", "2.5%", K_PCT, 2.5, 2.5, "%", 0.1}},
    };
    for (size_t i = 0; i < sizeof cells / sizeof *cells; i++)
        check_case(&cells[i].k, cells[i].row, cells[i].col);
}

/* several claims in one sentence, each with its own span */
static void test_sentence_with_many_claims(void)
{
    const char *text = "Highs reach 1.5 °C in January and 29 °C in August, with 310 mm of rain and 17 rainy days.";
    cck_cands c = {0};
    scan_text(text, strlen(text), NULL, NULL, &c);
    static const char *const want[] = {"1.5 °C", "29 °C", "310 mm", "17"};
    CU_ASSERT_EQUAL_FATAL(c.n, 4);
    for (size_t w = 0; w < 4; w++) {
        const char *at = strstr(text, want[w]);
        bool seen = false;
        for (size_t i = 0; i < c.n; i++)
            seen = seen || (c.v[i].claim.start == (size_t)(at - text) &&
                            c.v[i].claim.end == (size_t)(at - text) + strlen(want[w]));
        CU_ASSERT(seen);
    }
    cck_cands_free(&c);
}

static void test_unit_table_lookup(void)
{
    const cck_unit_def *u = cck_unit_lookup("kilometres", 10);
    CU_ASSERT_PTR_NOT_NULL_FATAL(u);
    CU_ASSERT_STRING_EQUAL(u->canon, "m");
    CU_ASSERT_DOUBLE_EQUAL(cck_unit_to_canon(u, 3), 3000, 1e-9);
    u = cck_unit_lookup("°F", strlen("°F"));
    CU_ASSERT_PTR_NOT_NULL_FATAL(u);
    CU_ASSERT_DOUBLE_EQUAL(cck_unit_to_canon(u, 212), 100, 1e-9);
    CU_ASSERT_PTR_NULL(cck_unit_lookup("M", 1)); /* metres are a lower-case m */
    CU_ASSERT_PTR_NULL(cck_unit_lookup("parsecs", 7));
    const char *s = "sq  km of land";
    CU_ASSERT_EQUAL(cck_unit_match(s, strlen(s), &u), 6);
    CU_ASSERT_STRING_EQUAL(u->canon, "m2");
    CU_ASSERT_EQUAL(cck_unit_match("kmart", 5, &u), 0);
    CU_ASSERT_STRING_EQUAL(cck_unit_per_year("kg"), "kg/yr");
    CU_ASSERT_PTR_NULL(cck_unit_per_year("degC"));
}

/* ---- pathological inputs: finish, stay in bounds, bounded output ------- */

static void scan_bytes_bounded(const char *bytes, size_t len, size_t max_claims)
{
    cck_cands c = {0};
    scan_text(bytes, len, NULL, NULL, &c);
    CU_ASSERT(c.n <= max_claims);
    for (size_t i = 0; i < c.n; i++)
        CU_ASSERT(c.v[i].claim.start < c.v[i].claim.end && c.v[i].claim.end <= len);
    cck_cands_free(&c);
}

static void test_megabyte_of_digits(void)
{
    size_t n = 1 << 20;
    char *b = cck_xmalloc(n);
    for (size_t i = 0; i < n; i++)
        b[i] = (char)('0' + i % 10);
    scan_bytes_bounded(b, n, 0);
    free(b);
}

/* words.c reads runs of number words with bounded loops: a megabyte of
 * them in mentions mode gives a bounded number of well-formed mentions. */
static void test_megabyte_of_number_words_in_mentions_mode(void)
{
    static const char piece[] = "one hundred and twenty-one thirds - 1 4/5 2.5^-1 ninety - five hundred fifths 10 k ";
    size_t k = sizeof piece - 1, n = (1u << 20) / k * k;
    char *b = cck_xmalloc(n);
    for (size_t i = 0; i < n; i++)
        b[i] = piece[i % k];
    cck_source *src = cck_source_from_memory("words.txt", b, n);
    cck_matcher *m = cck_matcher_new();
    cck_unit u;
    memset(&u, 0, sizeof u);
    u.end = n;
    u.section = -1;
    cck_ext_opts o = {.mentions = true, .ref_date = NULL};
    cck_scan sc = {src, &u, src->bytes, 0, n, m, NULL, NULL, &o, NULL};
    cck_cands c = {0};
    cck_ext_words(&sc, &c);
    size_t pieces = n / k;
    CU_ASSERT(c.n >= pieces && c.n <= 8 * pieces);
    bool spans_ok = true;
    for (size_t i = 0; i < c.n; i++)
        spans_ok = spans_ok && c.v[i].claim.start < c.v[i].claim.end && c.v[i].claim.end <= n;
    CU_ASSERT(spans_ok);
    /* the first piece: 121/3, then 1 4/5, 2.5^-1 = 0.4, 9500/5, 10 k */
    CU_ASSERT(c.n > 0 && fabs(c.v[0].claim.lo - 121.0 / 3) < 1e-9);
    cck_cands_free(&c);
    cck_matcher_free(m);
    cck_source_free(src);
    free(b);
}

static void test_line_of_commas_and_digit_lists(void)
{
    size_t n = 100000;
    char *b = cck_xmalloc(n);
    memset(b, ',', n);
    scan_bytes_bounded(b, n, 0);
    for (size_t i = 0; i < n; i++) /* "1,1,1,..." is no thousands grouping */
        b[i] = i % 2 ? ',' : '1';
    scan_bytes_bounded(b, n, 0);
    for (size_t i = 0; i < n; i++) /* "1-1-1-..." is one long chain */
        b[i] = i % 2 ? '-' : '1';
    scan_bytes_bounded(b, n, n / 2);
    for (size_t i = 0; i < n; i++) /* "5 % 5 % ...": many small claims, each in bounds */
        b[i] = "5% "[i % 3];
    scan_bytes_bounded(b, n, n / 3 + 1);
    free(b);
}

/* one long unit full of figures: every figure found, nothing out of bounds */
static void test_long_unit_of_figures(void)
{
    size_t n = 400000;
    char *b = cck_xmalloc(n);
    for (size_t i = 0; i < n; i++)
        b[i] = i % 2 ? ' ' : '7';
    cck_cands c = {0};
    scan_text(b, n, NULL, NULL, &c);
    CU_ASSERT_EQUAL(c.n, n / 2);
    cck_cands_free(&c);
    /* scale words without end overflow nothing */
    size_t len = 0;
    memcpy(b, "5", 1);
    len = 1;
    while (len + 9 < n) {
        memcpy(b + len, " million", 8);
        len += 8;
    }
    scan_bytes_bounded(b, len, 0);
    free(b);
}

static void test_invalid_utf8_and_nul(void)
{
    static const char bad[] = "\xff\xfe It is 25% \xc3 of 3 km\x80 and \xe2\x88 5 kg.\0 Also 7 tonnes.";
    size_t len = sizeof bad - 1;
    cck_cands c = {0};
    scan_text(bad, len, NULL, NULL, &c);
    size_t measures = 0, percents = 0;
    for (size_t i = 0; i < c.n; i++) {
        CU_ASSERT(c.v[i].claim.end <= len);
        measures += c.v[i].claim.kind == CCK_KIND_MEASURE;
        percents += c.v[i].claim.kind == CCK_KIND_PERCENT;
    }
    CU_ASSERT_EQUAL(percents, 1);
    CU_ASSERT(measures >= 2);
    cck_cands_free(&c);
    scan_bytes_bounded("\xe2\x88\x92\xe2\x88\x92\xe2", 7, 0);
    scan_bytes_bounded("\\$", 2, 0);
    scan_bytes_bounded("", 0, 0);
}


/* each test compiles the family's patterns and frees them again */
#define WRAP(t)                                                                \
    static void t##_w(void)                                                   \
    {                                                                         \
        char err[256] = "";                                                  \
        CU_ASSERT_EQUAL_FATAL(cck_ext_numbers_init(err, sizeof err), CCK_OK); \
        t();                                                                  \
        cck_ext_numbers_cleanup();                                            \
    }
WRAP(test_plain_counts)
WRAP(test_money)
WRAP(test_measures_convert_units)
WRAP(test_percentages)
WRAP(test_ranges)
WRAP(test_number_words)
WRAP(test_ranks)
WRAP(test_hedges_left_out_of_span)
WRAP(test_names_and_labels_are_not_claims)
WRAP(test_table_cells_take_header_units)
WRAP(test_sentence_with_many_claims)
WRAP(test_unit_table_lookup)
WRAP(test_megabyte_of_digits)
WRAP(test_line_of_commas_and_digit_lists)
WRAP(test_megabyte_of_number_words_in_mentions_mode)
WRAP(test_long_unit_of_figures)
WRAP(test_invalid_utf8_and_nul)

/* cck_ext_plain_decimal() gives strtod()'s double, bit for bit, for
 * literals of 1 to 19 digits, with and without a sign and decimals, and
 * for what read_digits() may hand it that is not plain. */
static void test_plain_decimal_is_strtod(void)
{
    unsigned long long seed = 7;
    size_t fails = 0, n = 0;
    char buf[64];
    for (int digits = 1; digits <= 19; digits++)
        for (int r = 0; r < 400; r++) {
            size_t k = 0;
            if (r & 1)
                buf[k++] = '-';
            int point = r % 5 == 0 ? -1 : (int)((seed >> 7) % (unsigned)digits);
            for (int d = 0; d < digits; d++) {
                seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
                if (d == point && d > 0)
                    buf[k++] = '.';
                buf[k++] = (char)('0' + (r % 7 == 0 ? 9 : (seed >> 33) % 10));
            }
            buf[k] = '\0';
            double a = cck_ext_plain_decimal(buf, k), b = strtod(buf, NULL);
            n++;
            if (memcmp(&a, &b, sizeof a) && fails++ < 5)
                fprintf(stderr, "\n  %s: %.17g, strtod %.17g\n", buf, a, b);
        }
    static const char *const odd[] = {"", "-", ".", "5.", ".5", "-.5", "1.2.3", "1-2", "--1", "-0",
                                      "0", "0.000000000000001", "999999999999999", "9999999999999999",
                                      "0.1", "0.3", "123456789012.345", "9007199254740993"};
    for (size_t i = 0; i < sizeof odd / sizeof *odd; i++, n++) {
        double a = cck_ext_plain_decimal(odd[i], strlen(odd[i])), b = strtod(odd[i], NULL);
        if (memcmp(&a, &b, sizeof a) && fails++ < 5)
            fprintf(stderr, "\n  %s: %.17g, strtod %.17g\n", odd[i], a, b);
    }
    CU_ASSERT_EQUAL(fails, 0);
    CU_ASSERT(n > 7000);
}

static CU_TestInfo number_tests[] = {
    {"plain decimals read as strtod reads them", test_plain_decimal_is_strtod},
    {"plain counts", test_plain_counts_w},
    {"money", test_money_w},
    {"measures convert units", test_measures_convert_units_w},
    {"percentages", test_percentages_w},
    {"ranges", test_ranges_w},
    {"number words", test_number_words_w},
    {"ranks", test_ranks_w},
    {"hedges left out of span", test_hedges_left_out_of_span_w},
    {"names and labels are not claims", test_names_and_labels_are_not_claims_w},
    {"table cells take header units", test_table_cells_take_header_units_w},
    {"sentence with many claims", test_sentence_with_many_claims_w},
    {"unit table lookup", test_unit_table_lookup_w},
    {"megabyte of digits", test_megabyte_of_digits_w},
    {"line of commas and digit lists", test_line_of_commas_and_digit_lists_w},
    {"megabyte of number words in mentions mode", test_megabyte_of_number_words_in_mentions_mode_w},
    {"long unit of figures", test_long_unit_of_figures_w},
    {"invalid UTF-8 and NUL", test_invalid_utf8_and_nul_w},
    CU_TEST_INFO_NULL,
};

void cck_suite_numbers(void);
void cck_suite_numbers(void)
{
    CCK_ADD_SUITE("numbers", number_tests);
}
