/* test_settings.c: what a user may set for reconciliation (settings.c):
 * each section accepted and applied, each bad line refused with a reason. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "interval.h"
#include "lexicon.h"
#include "reconcile.h"
#include "settings.h"
#include "tests.h"

static void set_ok(const char *sec, const char *key, const char *value)
{
    char err[256] = "";
    cck_status st = cck_rec_set(sec, key, value, err, sizeof err);
    if (st != CCK_OK)
        fprintf(stderr, "\n  [%s] %s = %s: %s\n", sec, key, value, err);
    CU_ASSERT_EQUAL(st, CCK_OK);
}

static void test_settings_refused(void)
{
    static const struct {
        const char *sec, *key, *value, *reason;
    } rows[] = {
        {"tolerance", "hedge", "1.5", "from 0 to 1"},
        {"tolerance", "hedge", "ten", "is not a"},
        {"tolerance", "current_years", "2.5", "whole number"},
        {"tolerance", "wobble", "1", "unknown tolerance"},
        {"weight", "*.txt", "1.5", "reliability"},
        {"drift", "Population", "0.1", "snake_case"},
        {"drift", "population", "-1", "fraction per year"},
        {"lexicon", "Dwellers", "population", "lowercase"},
        {"lexicon", "dwellers", "Population Count", "snake_case"},
        {"lexicon", "dwellers", "population : counts", "unknown kind"},
        {"alias", "Kanko", "", "names no canonical"},
        {"colours", "x", "y", "unknown section"},
        {"alias", "", "x", "empty key"},
    };
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        char err[256] = "";
        CU_ASSERT_EQUAL(cck_rec_set(rows[i].sec, rows[i].key, rows[i].value, err, sizeof err),
                        CCK_ERR_INPUT);
        if (!strstr(err, rows[i].reason))
            fprintf(stderr, "\n  row %zu: want '%s' in '%s'\n", i, rows[i].reason, err);
        CU_ASSERT_PTR_NOT_NULL(strstr(err, rows[i].reason));
    }
    cck_rec_settings_reset();
}

static void test_settings_applied(void)
{
    set_ok("tolerance", "hedge", "0.25");
    set_ok("tolerance", "current_years", "3");
    CU_ASSERT_DOUBLE_EQUAL(cck_rec_tolerances.hedge_frac, 0.25, 1e-12);
    CU_ASSERT_EQUAL(cck_rec_tolerances.current_years, 3);

    set_ok("drift", "population", "0.05");
    CU_ASSERT_DOUBLE_EQUAL(cck_rec_drift_for("population"), 0.05, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(cck_rec_drift_for("seats"), cck_rec_tolerances.drift_per_year, 0);
    CU_ASSERT_DOUBLE_EQUAL(cck_rec_drift_for("inflation_rate"), 0.30, 1e-12);
    set_ok("drift", "inflation_rate", "0.5");
    CU_ASSERT_DOUBLE_EQUAL(cck_rec_drift_for("inflation_rate"), 0.5, 1e-12);

    set_ok("weight", "*.txt", "0.6");
    set_ok("weight", "trusted/*", "0.95");
    CU_ASSERT_DOUBLE_EQUAL(cck_rec_weight_for("news/a.txt"), 0.6, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(cck_rec_weight_for("trusted/b.txt"), 0.95, 1e-12); /* last wins */
    CU_ASSERT_DOUBLE_EQUAL(cck_rec_weight_for("c.html"), 0, 0);

    set_ok("alias", "Kankō", "Hamhung");
    cck_arena *a = cck_arena_new();
    CU_ASSERT_STRING_EQUAL(cck_rec_canonical(a, "KANKO"), "Hamhung");
    CU_ASSERT_STRING_EQUAL(cck_rec_canonical(a, "Wonsan"), "Wonsan");
    cck_arena_free(a);

    size_t before = cck_lex_count();
    set_ok("lexicon", "dwell*", "population : count, measure");
    CU_ASSERT_EQUAL(cck_lex_count(), before + 1);
    const cck_lex_keyword *k = cck_lex_get(0);
    CU_ASSERT_STRING_EQUAL(k->word, "dwell*");
    CU_ASSERT_STRING_EQUAL(k->attr, "population");
    CU_ASSERT_EQUAL(k->kinds, (1u << CCK_KIND_COUNT) | (1u << CCK_KIND_MEASURE));

    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    CU_ASSERT_PTR_NOT_NULL_FATAL(out);
    cck_rec_settings_print(out);
    fclose(out);
    CU_ASSERT_PTR_NOT_NULL(strstr(buf, "hedge = 0.25"));
    CU_ASSERT_PTR_NOT_NULL(strstr(buf, "Kankō = Hamhung"));
    CU_ASSERT_PTR_NOT_NULL(strstr(buf, "dwell* = population : count,measure"));
    CU_ASSERT_PTR_NOT_NULL(strstr(buf, "trusted/* = 0.95"));
    free(buf);

    cck_rec_settings_reset();
    CU_ASSERT_DOUBLE_EQUAL(cck_rec_tolerances.hedge_frac, 0.10, 1e-12);
    CU_ASSERT_EQUAL(cck_lex_count(), before);
    CU_ASSERT_DOUBLE_EQUAL(cck_rec_weight_for("news/a.txt"), 0, 0);
}

/* The settings reach the stages: an alias merges two names into one
 * subject, a user keyword names an attribute the built-in lexicon lacks,
 * and a wider hedge turns a conflict into agreement. */
static void test_settings_reach_the_stages(void)
{
    static const char a_txt[] = "Kanko\n\nKanko has about 400 dwellers.\n";
    static const char b_txt[] = "Hamhung\n\nHamhung has 460 dwellers.\n";
    for (int pass = 0; pass < 2; pass++) {
        set_ok("alias", "Kanko", "Hamhung");
        set_ok("lexicon", "dwellers", "population");
        if (pass)
            set_ok("tolerance", "hedge", "0.2");
        cck_corpus c;
        cck_corpus_init(&c);
        const char *texts[2] = {a_txt, b_txt};
        for (int i = 0; i < 2; i++) {
            cck_source *s = cck_source_from_memory(i ? "b.txt" : "a.txt", texts[i],
                                                   strlen(texts[i]));
            s->narticles = 1;
            s->articles = cck_arena_alloc(s->arena, sizeof *s->articles);
            s->articles[0].end = s->len;
            s->articles[0].title = i ? "Hamhung" : "Kanko";
            s->nunits = 1;
            s->units = cck_arena_alloc(s->arena, sizeof *s->units);
            const char *line = strchr(texts[i], '\n') + 2;
            s->units[0].start = (size_t)(line - texts[i]);
            s->units[0].end = s->len - 1;
            s->units[0].section = -1;
            cck_claim cl;
            memset(&cl, 0, sizeof cl);
            const char *fig = strstr(texts[i], i ? "460" : "about 400");
            cl.start = (size_t)(fig - texts[i]);
            cl.end = cl.start + (i ? 3 : 9);
            cl.kind = CCK_KIND_COUNT;
            cck_claim_set_unit(&cl, "");
            cl.lo = cl.hi = i ? 460 : 400;
            cl.step = i ? 10 : 100;
            cl.approx = !i;
            cck_source_add_claim(s, &cl);
            cck_corpus_add(&c, s);
        }
        cck_rec_subjects(&c);
        cck_rec_group(&c);
        CU_ASSERT_STRING_EQUAL(c.sources[0]->claims[0].entity, "Hamhung");
        CU_ASSERT_STRING_EQUAL(c.sources[0]->claims[0].attribute, "population");
        CU_ASSERT_EQUAL_FATAL(c.ngroups, 1);
        /* "about 400" with rounding to the hundred: 350..450 at 10%, so
         * 460 (455..465) conflicts; at 20% the hedge reaches 480 */
        CU_ASSERT_EQUAL(c.groups[0].status, pass ? CCK_GROUP_CONSISTENT : CCK_GROUP_CONFLICT);
        cck_corpus_free(&c);
        cck_rec_settings_reset();
    }
}

void cck_suite_settings(void)
{
    static CU_TestInfo tests[] = {
        {"bad settings are refused with a reason", test_settings_refused},
        {"settings are applied and printed", test_settings_applied},
        {"settings reach the stages", test_settings_reach_the_stages},
        CU_TEST_INFO_NULL,
    };
    CCK_ADD_SUITE("settings", tests);
}
