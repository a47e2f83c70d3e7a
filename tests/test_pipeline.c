/* test_pipeline.c: source -> extract -> subject -> reconcile through the
 * library, on fixtures written for the project: the claims an editor would
 * see, their subjects, and the verdicts. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "extract.h"
#include "pipeline.h"
#include "report.h"
#include "tests.h"

#define FIX "tests/fixtures/cli/"

static const cck_claim *find_claim(const cck_corpus *c, const char *path_end, const char *span)
{
    for (size_t i = 0; i < c->nsources; i++) {
        const cck_source *s = c->sources[i];
        size_t pl = strlen(s->path), el = strlen(path_end);
        if (pl < el || strcmp(s->path + pl - el, path_end))
            continue;
        for (size_t k = 0; k < s->nclaims; k++) {
            const cck_claim *cl = &s->claims[k];
            if (cl->end - cl->start == strlen(span) && !memcmp(s->bytes + cl->start, span, strlen(span)))
                return cl;
        }
    }
    return NULL;
}

static char path_a[] = FIX "city-a.txt", path_b[] = FIX "city-b.txt", path_c[] = FIX "city-c.txt";

static void run_on(cck_corpus *c, char *const *paths, size_t n)
{
    cck_corpus_init(c);
    CU_ASSERT_EQUAL_FATAL(cck_ext_init(&c->diags), CCK_OK);
    CU_ASSERT_EQUAL(cck_run_extract(c, paths, n, NULL), 0);
    cck_run_reconcile(c, 1);
}

/* The jsonl report of c's groups, malloc'd. */
static char *groups_jsonl(const cck_corpus *c)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    cck_rep_options ro = {.width = 100, .jobs = 1};
    CU_ASSERT_EQUAL(cck_rep_groups(f, c, CCK_FMT_JSONL, &ro), CCK_OK);
    fclose(f);
    return buf;
}

/* A markup source told to keep of its file only its claims' spans still
 * quotes every claim's span as the file has it, and the report is the same
 * byte for byte; plain text, whose file is its text, keeps it whole. */
static void test_markup_keeps_only_claim_spans(void)
{
    static char examples[] = "examples";
    char *paths[] = {examples};
    cck_corpus whole, kept;
    cck_corpus_init(&whole);
    cck_corpus_init(&kept);
    CU_ASSERT_EQUAL_FATAL(cck_ext_init(&whole.diags), CCK_OK);
    cck_run_options keep = {.jobs = 2, .claim_raw = true};
    CU_ASSERT_EQUAL(cck_run_extract(&whole, paths, 1, NULL), 0);
    CU_ASSERT_EQUAL(cck_run_extract(&kept, paths, 1, &keep), 0);
    CU_ASSERT_EQUAL_FATAL(kept.nsources, whole.nsources);
    size_t markup = 0, spans = 0;
    for (size_t i = 0; i < kept.nsources; i++) {
        const cck_source *w = whole.sources[i], *k = kept.sources[i];
        CU_ASSERT_STRING_EQUAL(w->path, k->path);
        CU_ASSERT_EQUAL_FATAL(w->nclaims, k->nclaims);
        if (w->markup == CCK_MARKUP_TEXT) {
            CU_ASSERT_PTR_EQUAL(k->raw, k->bytes);
            continue;
        }
        markup++;
        CU_ASSERT_PTR_NULL(k->raw);
        /* the projected text's lines went too; their count stays */
        CU_ASSERT_PTR_NULL(k->line_starts);
        CU_ASSERT_EQUAL(k->nlines, w->nlines);
        CU_ASSERT(k->nexcerpts > 0 && k->nexcerpts <= k->nclaims);
        for (size_t j = 0; j < k->nclaims; j++) {
            size_t fs, fe;
            cck_source_file_span(k, k->claims[j].start, k->claims[j].end, &fs, &fe);
            const char *r = cck_source_raw_text(k, fs, fe);
            CU_ASSERT_PTR_NOT_NULL_FATAL(r);
            CU_ASSERT(!memcmp(r, w->raw + fs, fe - fs));
            spans++;
        }
        /* what lies outside the claims is gone */
        CU_ASSERT_PTR_NULL(cck_source_raw_text(k, 0, k->raw_len));
        CU_ASSERT_STRING_EQUAL(cck_source_raw_text(k, 5, 5), "");
    }
    CU_ASSERT(markup >= 3);   /* the examples have HTML, Markdown and XML */
    CU_ASSERT(spans > 20);
    cck_run_reconcile(&whole, 1);
    cck_run_reconcile(&kept, 2);
    char *a = groups_jsonl(&whole), *b = groups_jsonl(&kept);
    CU_ASSERT(strlen(a) > 1000);
    CU_ASSERT_STRING_EQUAL(a, b);
    free(a);
    free(b);
    cck_corpus_free(&whole);
    cck_corpus_free(&kept);
}

/* A plain-text source told to let its text go keeps its claims' spans and
 * its markers', reads the rest from its file again, identical, and the
 * subjects, groups and JSON Lines report are the same byte for byte, on
 * one thread and two. */
static void test_plain_text_let_go(void)
{
    static char examples[] = "examples", fixtures[] = "tests/fixtures/cli";
    char *paths[] = {examples, fixtures};
    cck_corpus whole, gone;
    cck_corpus_init(&whole);
    cck_corpus_init(&gone);
    CU_ASSERT_EQUAL_FATAL(cck_ext_init(&whole.diags), CCK_OK);
    cck_run_options keep = {.jobs = 2, .claim_raw = true}, drop = keep;
    drop.drop_text = true;
    CU_ASSERT_EQUAL(cck_run_extract(&whole, paths, 2, &keep), 0);
    CU_ASSERT_EQUAL(cck_run_extract(&gone, paths, 2, &drop), 0);
    CU_ASSERT_EQUAL_FATAL(gone.nsources, whole.nsources);
    size_t plain = 0, markers = 0;
    cck_textbuf tx = {0};
    for (size_t i = 0; i < gone.nsources; i++) {
        const cck_source *w = whole.sources[i], *g = gone.sources[i];
        CU_ASSERT_EQUAL_FATAL(w->nclaims, g->nclaims);
        if (w->markup != CCK_MARKUP_TEXT) {
            CU_ASSERT(!cck_source_dropped(g));
            CU_ASSERT_PTR_EQUAL(cck_source_text(g, &tx), g->bytes);
            continue;
        }
        plain++;
        CU_ASSERT(cck_source_dropped(g));
        CU_ASSERT_PTR_NULL(g->bytes);
        CU_ASSERT_PTR_NULL(g->raw);
        for (size_t k = 0; k < g->nclaims; k++) {
            const cck_claim *c = &g->claims[k];
            const char *p = cck_source_span(g, c->start, c->end);
            CU_ASSERT_PTR_NOT_NULL_FATAL(p);
            CU_ASSERT(!memcmp(p, w->bytes + c->start, c->end - c->start));
        }
        for (size_t k = 0; k < g->ncites; k++) {
            size_t n, m;
            const char *a = cck_cite_marker(w, &w->cites[k], &n);
            const char *b = cck_cite_marker(g, &g->cites[k], &m);
            CU_ASSERT(n == m && n > 0 && !memcmp(a, b, n));
            markers++;
        }
        /* the rest is read again, as it was, whole or in part */
        const char *t = cck_source_text(g, &tx);
        CU_ASSERT_PTR_NOT_NULL_FATAL(t);
        CU_ASSERT(!memcmp(t, w->bytes, w->len) && t[w->len] == '\0');
        CU_ASSERT_PTR_NULL(cck_source_span(g, 0, g->len));
        size_t cut[][2] = {{0, w->len}, {w->len / 3, w->len / 2}, {w->len, w->len}};
        for (size_t k = 0; k < 3; k++) {
            size_t a = cut[k][0], e = cut[k][1];
            t = cck_source_text_range(g, a, e, &tx);
            CU_ASSERT_PTR_NOT_NULL_FATAL(t);
            CU_ASSERT(!memcmp(t, w->bytes + a, e - a) && t[e - a] == '\0');
            CU_ASSERT_PTR_EQUAL(cck_source_text_range(w, a, e, &tx), w->bytes + a);
        }
        CU_ASSERT_PTR_NULL(cck_source_text_range(g, 0, w->len + 1, &tx));
        CU_ASSERT_PTR_NULL(cck_source_text_range(g, 2, 1, &tx));
    }
    cck_textbuf_free(&tx);
    /* the one report format that asks for it */
    CU_ASSERT(cck_rep_groups_spans_only(CCK_FMT_JSONL));
    CU_ASSERT(!cck_rep_groups_spans_only(CCK_FMT_TEXT) && !cck_rep_groups_spans_only(CCK_FMT_MD));
    CU_ASSERT(plain >= 5);
    CU_ASSERT(markers > 5);
    cck_run_reconcile(&whole, 1);
    char *a = groups_jsonl(&whole);
    CU_ASSERT(strlen(a) > 1000);
    static const unsigned jobs[] = {2, 1, 8};
    for (size_t k = 0; k < sizeof jobs / sizeof *jobs; k++) {
        if (k) {
            cck_corpus_free(&gone);
            cck_corpus_init(&gone);
            CU_ASSERT_EQUAL(cck_run_extract(&gone, paths, 2, &drop), 0);
        }
        cck_run_reconcile(&gone, jobs[k]);
        char *b = groups_jsonl(&gone);
        CU_ASSERT_STRING_EQUAL(a, b);
        free(b);
    }
    free(a);
    cck_corpus_free(&whole);
    cck_corpus_free(&gone);
}

/* A file whose text was let go and that changes before it is read again
 * stops the run (exit status 2) with a message naming it: its claims'
 * offsets no longer point into it. */
static void test_changed_file_stops(void)
{
    char dir[] = "/tmp/cck-changed-XXXXXX";
    CU_ASSERT_PTR_NOT_NULL_FATAL(mkdtemp(dir));
    char path[64], errs[64];
    snprintf(path, sizeof path, "%s/town.txt", dir);
    snprintf(errs, sizeof errs, "%s/stderr", dir);
    cck_test_write(path, "Marrowby\n\nMarrowby had 41,000 inhabitants in 2020.\n");
    char *paths[] = {path};
    cck_corpus c;
    cck_corpus_init(&c);
    CU_ASSERT_EQUAL_FATAL(cck_ext_init(&c.diags), CCK_OK);
    cck_run_options drop = {.jobs = 1, .claim_raw = true, .drop_text = true};
    CU_ASSERT_EQUAL(cck_run_extract(&c, paths, 1, &drop), 0);
    CU_ASSERT_EQUAL_FATAL(c.nsources, 1);
    CU_ASSERT_FATAL(cck_source_dropped(c.sources[0]));
    for (int change = 0; change < 2; change++) {
        if (change) {
            /* the same size, other bytes, a later time */
            cck_test_write(path, "Marrowbx\n\nMarrowby had 41,000 inhabitants in 2020.\n");
            struct timespec later[2] = {{0, UTIME_NOW}, {c.sources[0]->file_mtime_s + 5, 0}};
            CU_ASSERT_EQUAL(utimensat(AT_FDCWD, path, later, 0), 0);
        }
        fflush(NULL);
        pid_t pid = fork();
        CU_ASSERT_FATAL(pid >= 0);
        if (pid == 0) {
            if (!freopen(errs, "w", stderr))
                _exit(3);
            cck_run_reconcile(&c, 1);
            _exit(0);
        }
        int st = 0;
        CU_ASSERT_FATAL(waitpid(pid, &st, 0) == pid);
        CU_ASSERT(WIFEXITED(st));
        CU_ASSERT_EQUAL(WEXITSTATUS(st), change ? 2 : 0);
        char *msg = cck_test_slurp(errs, NULL);
        if (change) {
            CU_ASSERT(strstr(msg, path) && strstr(msg, "changed since it was read"));
        } else {
            CU_ASSERT_STRING_EQUAL(msg, "");
        }
        free(msg);
    }
    cck_ext_cleanup();
    cck_corpus_free(&c);
    unlink(errs);
    unlink(path);
    rmdir(dir);
}

static void test_claims_found_with_subjects(void)
{
    char *paths[] = {path_a, path_b, path_c};
    cck_corpus c;
    run_on(&c, paths, 3);
    CU_ASSERT_EQUAL(c.nsources, 3);

    const cck_claim *pop = find_claim(&c, "city-a.txt", "412,000");
    CU_ASSERT_PTR_NOT_NULL_FATAL(pop);
    CU_ASSERT_EQUAL(pop->kind, CCK_KIND_COUNT);
    CU_ASSERT_DOUBLE_EQUAL(pop->lo, 412000, 1e-9);
    CU_ASSERT_DOUBLE_EQUAL(pop->hi, 412000, 1e-9);
    CU_ASSERT_STRING_EQUAL(pop->entity, "Port Elling");
    CU_ASSERT_STRING_EQUAL(pop->attribute, "population");
    CU_ASSERT_PTR_NULL(pop->as_of);

    const cck_claim *built = find_claim(&c, "city-a.txt", "1887");
    CU_ASSERT_PTR_NOT_NULL_FATAL(built);
    CU_ASSERT_EQUAL(built->kind, CCK_KIND_DATE);
    CU_ASSERT_STRING_EQUAL(cck_claim_date(built, false, (char[CCK_DATE_TEXT]){0}), "1887");
    CU_ASSERT_STRING_EQUAL(built->attribute, "founded");

    /* dates inside the reference list are the citation's, not claims */
    CU_ASSERT_PTR_NULL(find_claim(&c, "city-a.txt", "2021"));
    CU_ASSERT_PTR_NULL(find_claim(&c, "city-a.txt", "2015"));
    /* nor are the citation markers */
    CU_ASSERT_PTR_NULL(find_claim(&c, "city-a.txt", "1"));
    cck_ext_cleanup();
    cck_corpus_free(&c);
}

static void test_groups_conflict_and_agree(void)
{
    char *paths[] = {path_a, path_b, path_c};
    cck_corpus c;
    run_on(&c, paths, 3);
    const cck_group *pop = NULL, *built = NULL;
    for (size_t i = 0; i < c.ngroups; i++) {
        if (!strcmp(c.groups[i].attribute, "population"))
            pop = &c.groups[i];
        if (!strcmp(c.groups[i].attribute, "founded"))
            built = &c.groups[i];
    }
    CU_ASSERT_PTR_NOT_NULL_FATAL(pop);
    CU_ASSERT_EQUAL(pop->status, CCK_GROUP_CONFLICT);
    CU_ASSERT_EQUAL(pop->nclaims, 2);
    CU_ASSERT_EQUAL(pop->nsources, 2);
    CU_ASSERT_PTR_NOT_NULL(pop->note);
    CU_ASSERT_PTR_NOT_NULL_FATAL(built);
    CU_ASSERT_EQUAL(built->status, CCK_GROUP_CONSISTENT);
    CU_ASSERT_EQUAL(built->nsources, 3);
    /* conflicts are listed first */
    CU_ASSERT_EQUAL(c.groups[0].status, CCK_GROUP_CONFLICT);
    cck_ext_cleanup();
    cck_corpus_free(&c);
}

static const cck_group *group_of(const cck_corpus *c, const char *entity, const char *attr)
{
    for (size_t i = 0; i < c->ngroups; i++)
        if (!strcmp(c->groups[i].entity, entity) && !strcmp(c->groups[i].attribute, attr))
            return &c->groups[i];
    return NULL;
}

/* A subject group a fixture corpus must have: its status (or NOT_CONFLICT),
 * its number of claims, and words its note must contain (or NULL). */
enum { NOT_CONFLICT = -1 };
typedef struct {
    const char *entity, *attr;
    int status;
    size_t n;
    const char *note;
} want_group;

/* Runs the pipeline over two fixtures and checks every wanted group; when
 * conflicts_only is given, every conflict group must be one of those wanted.
 * Leaves the corpus in c for further checks (the caller frees it). */
static void check_groups(cck_corpus *c, const char *a, const char *b, const want_group *want,
                         size_t nwant, bool conflicts_only)
{
    char pa[256], pb[256];
    snprintf(pa, sizeof pa, "%s", a);
    snprintf(pb, sizeof pb, "%s", b);
    char *paths[] = {pa, pb};
    run_on(c, paths, 2);
    for (size_t i = 0; i < nwant; i++) {
        const cck_group *g = group_of(c, want[i].entity, want[i].attr);
        if (!g) {
            fprintf(stderr, "\n  no group %s / %s\n", want[i].entity, want[i].attr);
            CU_FAIL("group missing");
            continue;
        }
        if (want[i].status == NOT_CONFLICT) {
            CU_ASSERT_NOT_EQUAL(g->status, CCK_GROUP_CONFLICT);
        } else {
            CU_ASSERT_EQUAL(g->status, (cck_group_status)want[i].status);
        }
        CU_ASSERT_EQUAL(g->nclaims, want[i].n);
        if (want[i].note)
            CU_ASSERT_PTR_NOT_NULL(strstr(g->note, want[i].note));
    }
    for (size_t i = 0; conflicts_only && i < c->ngroups; i++) {
        if (c->groups[i].status != CCK_GROUP_CONFLICT)
            continue;
        bool wanted = false;
        for (size_t k = 0; k < nwant; k++)
            wanted |= want[k].status == CCK_GROUP_CONFLICT &&
                      !strcmp(c->groups[i].entity, want[k].entity) &&
                      !strcmp(c->groups[i].attribute, want[k].attr);
        if (!wanted)
            fprintf(stderr, "\n  unexpected conflict %s / %s\n", c->groups[i].entity,
                    c->groups[i].attribute);
        CU_ASSERT_TRUE(wanted);
    }
}

/* Another subject altogether (a dam and its town, an encyclopedia entry
 * and a travel note): the subjects meet across the two ways of writing
 * them and the verdicts are the ones an editor would reach; no other
 * conflict is raised. */
static void test_another_subject(void)
{
    static const want_group want[] = {
        {"Lake Varn Dam", "founded", CCK_GROUP_CONFLICT, 2, NULL},        /* 1964 vs 1965 */
        {"Lake Varn Dam", "deaths_workers", CCK_GROUP_CONFLICT, 2, NULL}, /* 17 vs some 25 */
        {"Lake Varn Dam", "height", CCK_GROUP_CONSISTENT, 2, NULL},       /* 142 metres */
        {"Orsk", "population", CCK_GROUP_CONSISTENT, 2, NULL}, /* 48,200 (2020), ~50,000 */
        {"Orsk", "distance_from_lake_varn_dam", CCK_GROUP_CONFLICT, 2, NULL}, /* 12, ~15 km */
        {"Lake Varn Dam power station", "power_capacity", CCK_GROUP_CONSISTENT, 2, NULL},
    };
    cck_corpus c;
    check_groups(&c, "tests/fixtures/dam/encyclopedia.txt", "tests/fixtures/dam/blog.txt",
                 want, sizeof want / sizeof *want, true);
    cck_ext_cleanup();
    cck_corpus_free(&c);
}

/* A life and a structure: birth and death dates compare at the coarser
 * granularity, a viaduct's length and opening year agree, and a town's two
 * populations disagree because one is for today. */
static void test_a_life(void)
{
    static const want_group want[] = {
        {"Ada Brennick", "born", CCK_GROUP_CONFLICT, 2, "the sources disagree"}, /* 1871/2 */
        {"Ada Brennick", "died", CCK_GROUP_CONSISTENT, 2, NULL}, /* 2 June 1939 and 1939 */
        {"Brennick Viaduct", "founded", CCK_GROUP_CONSISTENT, 2, NULL},
        {"Brennick Viaduct", "length", CCK_GROUP_CONSISTENT, 2, NULL}, /* 420, some 450 m */
        {"Tessel", "population", CCK_GROUP_CONFLICT, 2, "given for today"},
    };
    cck_corpus c;
    check_groups(&c, "tests/fixtures/person/dictionary.txt", "tests/fixtures/person/feature.txt",
                 want, sizeof want / sizeof *want, true);
    cck_ext_cleanup();
    cck_corpus_free(&c);
}

/* An economic brief with a yearly table and a wire story: a table's years
 * are a series, not a contradiction; an undated figure equal to one year's
 * is that year's; headers and prose name the same attributes. */
static void test_a_table_of_years(void)
{
    static const want_group want[] = {
        {"Calmaria", "unemployment_rate", NOT_CONFLICT, 4, NULL}, /* 8.1, 7.4; 7.4%, 7.9% */
        {"Calmaria", "inflation_rate", NOT_CONFLICT, 3, NULL},    /* 5.9, 4.2; eased to 4.2% */
        {"Calmaria", "gdp", NOT_CONFLICT, 4, NULL},
        {"Calmaria", "exports", NOT_CONFLICT, 2, NULL},
        {"Varnholm", "population", NOT_CONFLICT, 2, NULL},
        {"Varnholm", "share_population", NOT_CONFLICT, 1, NULL}, /* "a fifth of the ..." */
    };
    cck_corpus c;
    check_groups(&c, "tests/fixtures/economy/brief.txt", "tests/fixtures/economy/wire.txt", want,
                 sizeof want / sizeof *want, true);
    /* a row header that is a capitalised common noun is not an entity */
    CU_ASSERT_PTR_NULL(group_of(&c, "Unemployment", "unemployment_rate"));
    cck_ext_cleanup();
    cck_corpus_free(&c);
}

void cck_suite_pipeline(void)
{
    static CU_TestInfo tests[] = {
        {"claims are found with their subjects", test_claims_found_with_subjects},
        {"groups conflict and agree", test_groups_conflict_and_agree},
        {"another subject reads right", test_another_subject},
        {"a life and a structure", test_a_life},
        {"a table of years", test_a_table_of_years},
        {"markup keeps only its claims' file spans", test_markup_keeps_only_claim_spans},
        {"plain text lets its text go", test_plain_text_let_go},
        {"a file changed once let go stops the run", test_changed_file_stops},
        CU_TEST_INFO_NULL,
    };
    CCK_ADD_SUITE("pipeline", tests);
}
