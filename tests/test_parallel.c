/* test_parallel.c: the threaded pipeline gives byte-identical claims,
 * groups and diagnostics (in the same order) for any number of jobs,
 * through the library and through the command line (-j1 vs -j2). */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "extract.h"
#include "pipeline.h"
#include "report.h"
#include "tests.h"

enum { NGEN = 72 };   /* more than pair_cap (64) claims in some groups */

static char dir[] = "/tmp/cck-par-XXXXXX";

/* Runs in the suite's init, where CU_ASSERT may not be used: returns -1
 * on failure and the suite counts as failed. */
static int put(const char *name, const char *bytes, size_t n)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    if (!f)
        return -1;
    size_t w = fwrite(bytes, 1, n, f);
    return fclose(f) == 0 && w == n ? 0 : -1;
}

/* A directory of sources with different figures, plus the awkward ones:
 * invalid UTF-8, a NUL byte, one over the size limit the tests set. */
static int make_corpus(void)
{
    if (!mkdtemp(dir))
        return -1;
    for (int i = 0; i < NGEN; i++) {
        char name[32], text[512];
        snprintf(name, sizeof name, "p%02d.txt", i);
        int n = snprintf(text, sizeof text,
                         "Port Elling\n\nPort Elling had %d,%03d residents in %d.[1] "
                         "The harbour is %d.%d km long and about %d%% of the land is "
                         "farmed. It was founded on %d March 18%02d.\n\nReferences\n\n"
                         "1. Harbour Board (2015). Annual report.\n",
                         400 + i, (i * 37) % 1000, 1990 + i % 30, 3 + i % 7, i % 10,
                         10 + i, 1 + i % 28, 10 + i);
        if (put(name, text, (size_t)n))
            return -1;
    }
    if (put("q-bad-utf8.txt", "The mine employs 1,200 people \xff\xfe and 30 engineers.\n", 52) ||
        put("q-nul.txt", "Ten wells were dug\0 in 1950; the lake is 12 m deep.\n", 53))
        return -1;
    char big[9000];
    memset(big, 'x', sizeof big);
    memcpy(big, "Over the limit: 42 kg.\n", 23);
    return put("r-big.txt", big, sizeof big);
}

static int remove_corpus(void)
{
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

/* check's reports: those rendered on threads, and json for the sources'
 * trust (estimated across all groups) */
static const cck_format check_formats[] = {CCK_FMT_JSONL, CCK_FMT_TEXT, CCK_FMT_MD, CCK_FMT_JSON};
enum { NCHECK = sizeof check_formats / sizeof *check_formats };

typedef struct {
    char *claims, *groups[NCHECK], *diags;
    double trust[NGEN];
    size_t skipped, nsources, nclaims, ngroups;
} result;

static char *capture(const cck_corpus *c, bool groups, cck_format f, unsigned jobs)
{
    char *buf = NULL;
    size_t n = 0;
    FILE *m = open_memstream(&buf, &n);
    cck_rep_options o = {.width = 100, .jobs = jobs};
    if (groups)
        cck_rep_groups(m, c, f, &o);
    else
        cck_rep_claims(m, c, f, &o);
    fclose(m);
    return buf;
}

static result run_jobs(unsigned jobs)
{
    char missing[300];
    snprintf(missing, sizeof missing, "%s/no-such-file.txt", dir);
    static char fixcli[] = "tests/fixtures/cli", wiki[] = "tests/fixtures/segment/wiki.txt";
    char *paths[] = {dir, fixcli, missing, wiki};
    cck_corpus c;
    cck_corpus_init(&c);
    result r = {0};
    CU_ASSERT_EQUAL_FATAL(cck_ext_init(&c.diags), CCK_OK);
    cck_run_options o = {.max_bytes = 8192, .jobs = jobs};
    r.skipped = cck_run_extract(&c, paths, 4, &o);
    r.claims = capture(&c, false, CCK_FMT_JSONL, jobs);
    cck_run_reconcile(&c, jobs);
    for (size_t k = 0; k < NCHECK; k++)
        r.groups[k] = capture(&c, true, check_formats[k], jobs);
    r.ngroups = c.ngroups;
    for (size_t k = 0; k < NGEN && k < c.nsources; k++)
        r.trust[k] = c.sources[k]->trust;
    size_t n = 0;
    FILE *m = open_memstream(&r.diags, &n);
    cck_diags_print(&c.diags, m);
    fclose(m);
    r.nsources = c.nsources;
    r.nclaims = cck_corpus_nclaims(&c);
    cck_ext_cleanup();
    cck_corpus_free(&c);
    return r;
}

static void result_free(result *r)
{
    free(r->claims);
    for (size_t k = 0; k < NCHECK; k++)
        free(r->groups[k]);
    free(r->diags);
}

static void test_any_number_of_jobs_gives_the_same_results(void)
{
    result one = run_jobs(1);
    /* the baseline itself is what it should be */
    CU_ASSERT_EQUAL(one.skipped, 2); /* the missing file and the big one */
    CU_ASSERT_EQUAL(one.nsources, NGEN + 2 + 3 + 1);
    CU_ASSERT(one.nclaims >= NGEN * 4);   /* the year that dates a figure is its as_of, no claim */
    CU_ASSERT_PTR_NOT_NULL(strstr(one.claims, "\"span\": \"412,"));
    CU_ASSERT(one.ngroups >= 20);
    CU_ASSERT_PTR_NOT_NULL(strstr(one.groups[0], "\"status\": \"conflict\""));
    CU_ASSERT_PTR_NOT_NULL(strstr(one.groups[1], "CONFLICT  Port Elling"));
    /* the founding dates are a group past pair_cap: 64 partners dissent */
    CU_ASSERT_PTR_NOT_NULL(strstr(one.groups[1], "64 dissent"));
    CU_ASSERT_PTR_NOT_NULL(strstr(one.groups[2], "## CONFLICT: Port Elling"));
    CU_ASSERT_PTR_NOT_NULL(strstr(one.groups[3], "\"trust\": "));
    CU_ASSERT_PTR_NOT_NULL(strstr(one.diags, "invalid UTF-8"));
    CU_ASSERT_PTR_NOT_NULL(strstr(one.diags, "NUL byte"));
    CU_ASSERT_PTR_NOT_NULL(strstr(one.diags, "over the limit"));
    CU_ASSERT_PTR_NOT_NULL(strstr(one.diags, "no-such-file.txt: error: cannot open"));
    /* diagnostics come in input order: the directory's files by name */
    const char *utf = strstr(one.diags, "q-bad-utf8.txt"), *nul = strstr(one.diags, "q-nul.txt"),
               *big = strstr(one.diags, "r-big.txt"), *miss = strstr(one.diags, "no-such-file");
    CU_ASSERT_FATAL(utf && nul && big && miss);
    CU_ASSERT(utf < nul && nul < big && big < miss);

    static const unsigned jobs[] = {2, 3, 8, 64};
    for (size_t i = 0; i < sizeof jobs / sizeof *jobs; i++) {
        result r = run_jobs(jobs[i]);
        CU_ASSERT_EQUAL(r.skipped, one.skipped);
        CU_ASSERT_EQUAL(r.nsources, one.nsources);
        CU_ASSERT_EQUAL(r.nclaims, one.nclaims);
        CU_ASSERT_STRING_EQUAL(r.claims, one.claims);
        CU_ASSERT_EQUAL(r.ngroups, one.ngroups);
        for (size_t k = 0; k < NCHECK; k++)
            CU_ASSERT_STRING_EQUAL(r.groups[k], one.groups[k]);
        /* the very same doubles, not merely the same when printed */
        CU_ASSERT(memcmp(r.trust, one.trust, sizeof one.trust) == 0);
        CU_ASSERT_STRING_EQUAL(r.diags, one.diags);
        result_free(&r);
    }
    result_free(&one);
}

static void test_no_paths_and_null_options(void)
{
    cck_corpus c;
    cck_corpus_init(&c);
    CU_ASSERT_EQUAL_FATAL(cck_ext_init(&c.diags), CCK_OK);
    CU_ASSERT_EQUAL(cck_run_extract(&c, NULL, 0, NULL), 0);
    CU_ASSERT_EQUAL(c.nsources, 0);
    static char city[] = "tests/fixtures/cli/city-a.txt";
    char *one[] = {city};
    CU_ASSERT_EQUAL(cck_run_extract(&c, one, 1, NULL), 0);
    CU_ASSERT_EQUAL(c.nsources, 1);
    CU_ASSERT(cck_corpus_nclaims(&c) > 0);
    CU_ASSERT(cck_run_default_jobs() >= 1);
    cck_ext_cleanup();
    cck_corpus_free(&c);
}

/* Paths given as files already (the command line has walked the
 * directories) are read without another lookup, with what the lookup
 * would have said: a file gone since is one skipped source, named, and
 * the others are read all the same. */
static void test_expanded_paths_read_as_given(void)
{
    static char a[] = "tests/fixtures/cli/city-a.txt", b[] = "tests/fixtures/cli/city-b.txt",
                gone[] = "tests/fixtures/cli/no-such-file.txt";
    char *paths[] = {a, gone, b};
    char *diag[2] = {NULL, NULL};
    size_t nclaims[2] = {0, 0}, nsources[2] = {0, 0};
    for (int expanded = 0; expanded < 2; expanded++) {
        cck_corpus c;
        cck_corpus_init(&c);
        CU_ASSERT_EQUAL_FATAL(cck_ext_init(&c.diags), CCK_OK);
        cck_run_options o = {.jobs = 2, .expanded = expanded};
        CU_ASSERT_EQUAL(cck_run_extract(&c, paths, 3, &o), 1);
        nsources[expanded] = c.nsources;
        nclaims[expanded] = cck_corpus_nclaims(&c);
        CU_ASSERT_EQUAL(c.diags.n, 1);
        if (c.diags.n == 1) {
            diag[expanded] = strdup(c.diags.v[0].msg);
            CU_ASSERT_STRING_EQUAL(c.diags.v[0].file, gone);
        }
        if (c.nsources == 2) {
            CU_ASSERT_STRING_EQUAL(c.sources[0]->path, a);
            CU_ASSERT_STRING_EQUAL(c.sources[1]->path, b);
        }
        cck_ext_cleanup();
        cck_corpus_free(&c);
    }
    CU_ASSERT_EQUAL(nsources[1], 2);
    CU_ASSERT(nclaims[1] > 0);
    CU_ASSERT_EQUAL(nclaims[0], nclaims[1]);
    CU_ASSERT_EQUAL(nsources[0], nsources[1]);
    CU_ASSERT_PTR_NOT_NULL_FATAL(diag[0]);
    CU_ASSERT_PTR_NOT_NULL_FATAL(diag[1]);
    CU_ASSERT_STRING_EQUAL(diag[0], diag[1]);
    CU_ASSERT_PTR_NOT_NULL(strstr(diag[1], "cannot open"));
    free(diag[0]);
    free(diag[1]);
}

/* The benchmark's pcre2grep baseline runs this very pattern: it must
 * compile as the extractor compiles it and find the figures. */
static void test_number_pattern_is_exported(void)
{
    const char *p = cck_ext_number_pattern();
    CU_ASSERT_PTR_NOT_NULL_FATAL(p);
    char err[256] = "";
    cck_re *re = cck_re_compile(p, PCRE2_CASELESS, err, sizeof err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(re);
    cck_matcher *m = cck_matcher_new();
    static const char text[] = "The census counted 768,551 residents and twelve wards.";
    CU_ASSERT_EQUAL(cck_re_match(m, re, text, sizeof text - 1, 0, 0), 1);
    CU_ASSERT_EQUAL(cck_re_group_start(m, 0), 19);
    CU_ASSERT_EQUAL(cck_re_group_end(m, 0), 26);
    size_t next = cck_re_next(m, text, sizeof text - 1);
    CU_ASSERT_EQUAL(cck_re_match(m, re, text, sizeof text - 1, next, 0), 1);
    CU_ASSERT_EQUAL(cck_re_group_start(m, 0), 41);
    cck_matcher_free(m);
    cck_re_free(re);
}

/* ---- streaming: cck_run_stream() + chunks give the corpus reports ---- */

typedef struct {
    cck_format f;
    FILE *out;
    cck_rep_spares *spares;     /* NULL in some runs: with and without */
    pthread_mutex_t lock;
    size_t done, emitted, max_ahead, last_pos, progress;
    size_t direct;              /* sources written through st_write() */
    bool in_order;
} stream_state;

static void *st_done(void *ctx, cck_source *s, cck_diags *late)
{
    stream_state *x = ctx;
    pthread_mutex_lock(&x->lock);
    x->done++;
    if (x->done - x->emitted > x->max_ahead)
        x->max_ahead = x->done - x->emitted;
    pthread_mutex_unlock(&x->lock);
    cck_diag_add(late, s->path, 0, 0, CCK_SEV_NOTE, "late note");
    return cck_rep_claims_chunk(s, x->f, x->spares);
}

static void st_emit(void *ctx, size_t pos, void *chunk)
{
    stream_state *x = ctx;
    x->in_order = x->in_order && pos == x->last_pos + 1;
    x->last_pos = pos;
    cck_rep_chunk_write(x->out, chunk, pos);
    cck_rep_chunk_free(chunk, x->spares);
    pthread_mutex_lock(&x->lock);
    x->emitted++;
    pthread_mutex_unlock(&x->lock);
}

/* st_done() and st_emit() at once, the source written straight out */
static void st_write(void *ctx, size_t pos, cck_source *s, cck_diags *late)
{
    stream_state *x = ctx;
    x->in_order = x->in_order && pos == x->last_pos + 1;
    x->last_pos = pos;
    cck_diag_add(late, s->path, 0, 0, CCK_SEV_NOTE, "late note");
    cck_rep_claims_source(x->out, s, x->f, pos);
    x->direct++;
    pthread_mutex_lock(&x->lock);
    x->done++;
    if (x->done - x->emitted > x->max_ahead)
        x->max_ahead = x->done - x->emitted;
    x->emitted++;
    pthread_mutex_unlock(&x->lock);
}

static void st_progress(void *ctx, size_t done, size_t total)
{
    stream_state *x = ctx;
    x->progress = done == x->progress + 1 && done <= total ? done : (size_t)-1;
}

static void test_streaming_gives_the_corpus_reports(void)
{
    char missing[300];
    snprintf(missing, sizeof missing, "%s/no-such-file.txt", dir);
    static char fixcli[] = "tests/fixtures/cli", wiki[] = "tests/fixtures/segment/wiki.txt";
    char *paths[] = {dir, fixcli, missing, wiki};
    static const cck_format fmts[] = {CCK_FMT_JSONL, CCK_FMT_TEXT};
    CU_ASSERT(cck_rep_claims_streams(CCK_FMT_JSONL) && cck_rep_claims_streams(CCK_FMT_TEXT));
    CU_ASSERT(!cck_rep_claims_streams(CCK_FMT_JSON) && !cck_rep_claims_streams(CCK_FMT_MD));
    for (size_t f = 0; f < 2; f++) {
        /* what the whole-corpus path writes */
        cck_corpus c;
        cck_corpus_init(&c);
        CU_ASSERT_EQUAL_FATAL(cck_ext_init(&c.diags), CCK_OK);
        cck_run_options o = {.max_bytes = 8192, .jobs = 1};
        size_t skipped = cck_run_extract(&c, paths, 4, &o);
        char *want = NULL, *want_d = NULL;
        size_t n = 0;
        FILE *m = open_memstream(&want, &n);
        cck_rep_claims(m, &c, fmts[f], NULL);
        fclose(m);
        size_t nfiles = c.nsources + skipped - 1;   /* the missing path is no file */
        size_t nsources = c.nsources;
        for (size_t i = 0; i < c.nsources; i++)
            cck_diag_add(&c.diags, c.sources[i]->path, 0, 0, CCK_SEV_NOTE, "late note");
        m = open_memstream(&want_d, &n);
        cck_diags_print(&c.diags, m);
        fclose(m);
        cck_corpus_free(&c);
        CU_ASSERT(strlen(want) > 1000);

        static const unsigned jobs[] = {1, 2, 3, 64};
        for (size_t k = 0; k < sizeof jobs / sizeof *jobs; k++)
            for (int run = 0; run < 4; run++) {
                int hold = run < 2;
                /* runs 0 and 2 write a source that is next in line when
                 * read straight out: with hold 0, every source; always
                 * the first in input order, which no writer can be busy
                 * before */
                bool through = run % 2 == 0;
                /* hold 0: no bytes of sources held back, so that each is
                 * read only once every source before it is written */
                char *got = NULL, *got_d = NULL;
                /* with spare buffers shared by the threads, or none */
                stream_state x = {.f = fmts[f], .in_order = true,
                                  .spares = hold ? cck_rep_spares_new(jobs[k]) : NULL};
                pthread_mutex_init(&x.lock, NULL);
                x.out = open_memstream(&got, &n);
                cck_run_sink sink = {st_done, st_emit, st_progress, &x, through ? st_write : NULL};
                cck_diags d;
                cck_diags_init(&d);
                o.jobs = jobs[k];
                size_t held = cck_run_stream_held;
                if (!hold)
                    cck_run_stream_held = 0;
                CU_ASSERT_EQUAL(cck_run_stream(paths, 4, &o, &sink, &d), skipped);
                cck_run_stream_held = held;
                fclose(x.out);
                m = open_memstream(&got_d, &n);
                cck_diags_print(&d, m);
                fclose(m);
                CU_ASSERT_STRING_EQUAL(got, want);
                CU_ASSERT_STRING_EQUAL(got_d, want_d);
                CU_ASSERT(x.in_order);
                CU_ASSERT_EQUAL(x.progress, nfiles);
                CU_ASSERT(through ? x.direct >= 1 && (hold || x.direct == nsources)
                                  : x.direct == 0);
                /* only a bounded window of sources is read ahead of the
                 * writer (a block of the take order, 256, or 8 a thread) */
                size_t window = 8 * (size_t)jobs[k] > 256 ? 8 * (size_t)jobs[k] : 256;
                CU_ASSERT(x.max_ahead >= 1);
                CU_ASSERT(hold ? x.max_ahead <= window + 1 : x.max_ahead == 1);
                pthread_mutex_destroy(&x.lock);
                cck_rep_spares_free(x.spares);
                cck_diags_free(&d);
                free(got);
                free(got_d);
            }
        cck_ext_cleanup();
        free(want);
        free(want_d);
    }
}

/* The order a stream reads its sources in: those of one format together
 * (text, Markdown, HTML, XML; by extension), in input order within each;
 * written in input order all the same. */
typedef struct {
    pthread_mutex_t lock;
    char read[8][16], wrote[8][16];
    size_t nread, nwrote;
} order_state;

static const char *base_of(const char *path)
{
    const char *b = strrchr(path, '/');
    return b ? b + 1 : path;
}

static void *ord_done(void *ctx, cck_source *s, cck_diags *late)
{
    (void)late;
    order_state *x = ctx;
    pthread_mutex_lock(&x->lock);
    if (x->nread < 8)
        snprintf(x->read[x->nread++], sizeof x->read[0], "%s", base_of(s->path));
    pthread_mutex_unlock(&x->lock);
    return cck_xstrndup(base_of(s->path), strlen(base_of(s->path)));
}

static void ord_emit(void *ctx, size_t pos, void *name)
{
    (void)pos;
    order_state *x = ctx;
    if (x->nwrote < 8)
        snprintf(x->wrote[x->nwrote++], sizeof x->wrote[0], "%s", (char *)name);
    free(name);
}

static void test_stream_reads_formats_together(void)
{
    char sub[300];
    snprintf(sub, sizeof sub, "%s/mixed", dir);
    CU_ASSERT_FATAL(mkdir(sub, 0700) == 0);
    static const char *const names[] = {"a1.txt", "b2.html", "c3.txt", "d4.md", "e5.xml",
                                        "f6.txt"};
    static const char *const texts[] = {
        "It has 10 wells.\n", "<html><body><p>It has 20 wells.</p></body></html>\n",
        "It has 30 wells.\n", "# Wells\n\nIt has 40 wells.\n",
        "<?xml version=\"1.0\"?><doc><p>It has 50 wells.</p></doc>\n", "It has 60 wells.\n"};
    char paths[6][320];
    char *pv[6];
    for (int i = 0; i < 6; i++) {
        snprintf(paths[i], sizeof paths[i], "%s/%s", sub, names[i]);
        cck_test_write(paths[i], texts[i]);
        pv[i] = paths[i];
    }
    static const char *const by_format[] = {"a1.txt", "c3.txt", "f6.txt", "d4.md", "b2.html",
                                            "e5.xml"};
    cck_diags init;
    cck_diags_init(&init);
    CU_ASSERT_EQUAL_FATAL(cck_ext_init(&init), CCK_OK);
    cck_diags_free(&init);
    for (int held = 0; held < 2; held++) {
        order_state x = {.nread = 0};
        pthread_mutex_init(&x.lock, NULL);
        cck_run_sink sink = {ord_done, ord_emit, NULL, &x, NULL};
        cck_run_options o = {.jobs = 1};
        cck_diags d;
        cck_diags_init(&d);
        size_t keep = cck_run_stream_held;
        if (!held)
            cck_run_stream_held = 0;   /* nothing held back: input order */
        CU_ASSERT_EQUAL(cck_run_stream(pv, 6, &o, &sink, &d), 0);
        cck_run_stream_held = keep;
        CU_ASSERT_EQUAL_FATAL(x.nread, 6);
        CU_ASSERT_EQUAL_FATAL(x.nwrote, 6);
        for (int i = 0; i < 6; i++) {
            CU_ASSERT_STRING_EQUAL(x.read[i], held ? by_format[i] : names[i]);
            CU_ASSERT_STRING_EQUAL(x.wrote[i], names[i]);
        }
        pthread_mutex_destroy(&x.lock);
        cck_diags_free(&d);
    }
    cck_ext_cleanup();
}

/* Runs "claimcheck COMMAND J ARGS"; returns stdout, sets *err and *status. */
static char *cli(const char *command, const char *j, const char *args, char **err, int *status)
{
    const char *bin = getenv("CCK_BIN");
    if (!bin)
        bin = "./build/claimcheck";
    char out[] = "/tmp/cck-par-out-XXXXXX", er[] = "/tmp/cck-par-err-XXXXXX";
    int fo = mkstemp(out), fe = mkstemp(er);
    close(fo);
    close(fe);
    char cmd[2048];
    snprintf(cmd, sizeof cmd, "NO_COLOR=1 %s %s %s %s >%s 2>%s </dev/null", bin, command, j,
             args, out, er);
    int st = system(cmd);
    *status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    char *o = cck_test_slurp(out, NULL);
    *err = cck_test_slurp(er, NULL);
    unlink(out);
    unlink(er);
    return o;
}

static void test_cli_jobs_one_and_two_agree(void)
{
    static const char *const cmds[][2] = {
        {"extract", "-f jsonl"}, {"check", "-f jsonl"}, {"check", ""}, {"extract", "-f md"},
        {"extract", ""}};
    for (size_t i = 0; i < sizeof cmds / sizeof *cmds; i++) {
        char args[600];
        snprintf(args, sizeof args, "%s --max-bytes=8192 %s tests/fixtures/cli %s/nope examples",
                 cmds[i][1], dir, dir);
        char *e1, *e2;
        int s1, s2;
        char *o1 = cli(cmds[i][0], "-j1", args, &e1, &s1);
        char *o2 = cli(cmds[i][0], "--jobs=2", args, &e2, &s2);
        CU_ASSERT_PTR_NOT_NULL_FATAL(o1);
        CU_ASSERT_PTR_NOT_NULL_FATAL(o2);
        CU_ASSERT_PTR_NOT_NULL_FATAL(e1);
        CU_ASSERT_PTR_NOT_NULL_FATAL(e2);
        CU_ASSERT(strlen(o1) > 1000);
        CU_ASSERT_EQUAL(s1, 2); /* a source was skipped */
        CU_ASSERT_EQUAL(s2, s1);
        CU_ASSERT_STRING_EQUAL(o1, o2);
        CU_ASSERT_STRING_EQUAL(e1, e2);
        CU_ASSERT_PTR_NOT_NULL(strstr(e1, "2 sources skipped"));
        free(o1);
        free(o2);
        free(e1);
        free(e2);
    }
}

static void test_cli_rejects_bad_jobs(void)
{
    static const char *const bad[] = {"-j0", "--jobs=x", "-j257", "--jobs=-2", "-j"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        char *e;
        int s;
        char *o = cli("extract", bad[i], "tests/fixtures/cli/city-a.txt", &e, &s);
        CU_ASSERT_EQUAL(s, 2);
        CU_ASSERT_PTR_NOT_NULL(e && (strstr(e, "--jobs") || strstr(e, "needs a value")));
        CU_ASSERT_PTR_NOT_NULL(o);
        CU_ASSERT(o && o[0] == '\0');
        free(o);
        free(e);
    }
}

void cck_suite_parallel(void)
{
    static CU_TestInfo tests[] = {
        {"any number of jobs gives the same results", test_any_number_of_jobs_gives_the_same_results},
        {"no paths and NULL options", test_no_paths_and_null_options},
        {"expanded paths are read as given", test_expanded_paths_read_as_given},
        {"the figure pattern is exported", test_number_pattern_is_exported},
        {"streaming gives the corpus reports", test_streaming_gives_the_corpus_reports},
        {"a stream reads the sources of one format together", test_stream_reads_formats_together},
        {"cli -j1 and -j2 agree", test_cli_jobs_one_and_two_agree},
        {"cli rejects bad job counts", test_cli_rejects_bad_jobs},
        CU_TEST_INFO_NULL,
    };
    CU_SuiteInfo suites[] = {
        {"parallel", make_corpus, remove_corpus, NULL, NULL, tests},
        CU_SUITE_INFO_NULL,
    };
    if (CU_register_suites(suites) != CUE_SUCCESS)
        CU_FAIL_FATAL("cannot register suite parallel");
}
