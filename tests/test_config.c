/* test_config.c: the configuration store (inih underneath): entries with
 * their FILE:LINE, last value wins, bad and overlong lines diagnosed,
 * globs, booleans and lists; inline suppressions on a source in memory;
 * and the command line reading .claimcheck.ini and printing it back. */
#define _DEFAULT_SOURCE
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "baseline.h"
#include "config.h"
#include "fuzz/fuzz_one.h"
#include "suppress.h"
#include "tests.h"

void cck_suite_config(void);

static char *write_tmp(const char *text)
{
    char *path = cck_xstrndup("/tmp/cck-cfg-XXXXXX", 19);
    int fd = mkstemp(path);
    CU_ASSERT_FATAL(fd >= 0);
    size_t n = strlen(text);
    CU_ASSERT_FATAL(write(fd, text, n) == (ssize_t)n);
    close(fd);
    return path;
}

static void test_entries_with_origins_last_wins(void)
{
    char *path = write_tmp("; comment\n[claimcheck]\nformat = json\nfail-on=new\n"
                           "format = sarif   ; inline comment\n\n[*.md]\nskip = yes\n"
                           "[alias]\nHamh\xC5\xADng = Hamhung\n");
    cck_config c;
    cck_cfg_init(&c);
    cck_diags d;
    cck_diags_init(&d);
    CU_ASSERT_EQUAL(cck_cfg_load(&c, path, &d), CCK_OK);
    CU_ASSERT_EQUAL(d.n, 0);
    CU_ASSERT_EQUAL(c.n, 5);
    CU_ASSERT_STRING_EQUAL(cck_cfg_get(&c, "claimcheck", "format"), "sarif");
    CU_ASSERT_STRING_EQUAL(cck_cfg_get(&c, "ClaimCheck", "FAIL-ON"), "new");
    CU_ASSERT_STRING_EQUAL(cck_cfg_get(&c, "alias", "Hamh\xC5\xADng"), "Hamhung");
    CU_ASSERT_PTR_NULL(cck_cfg_get(&c, "claimcheck", "nothing"));
    char want[300];
    snprintf(want, sizeof want, "%s:5", path);
    CU_ASSERT_STRING_EQUAL(cck_cfg_find(&c, "claimcheck", "format")->origin, want);
    CU_ASSERT(cck_cfg_is_glob_section("*.md"));
    CU_ASSERT_FALSE(cck_cfg_is_glob_section("alias"));
    /* printed back: each section once, the winner only, its origin beside it */
    char *buf = NULL;
    size_t n = 0;
    FILE *m = open_memstream(&buf, &n);
    cck_cfg_print(m, &c);
    fclose(m);
    CU_ASSERT_PTR_NOT_NULL(strstr(buf, "[claimcheck]\nfail-on = new"));
    CU_ASSERT_PTR_NOT_NULL(strstr(buf, "\nformat = sarif"));
    CU_ASSERT_PTR_NULL(strstr(buf, "format = json"));
    CU_ASSERT_PTR_NOT_NULL(strstr(buf, "\n[*.md]\nskip = yes"));
    free(buf);
    cck_cfg_free(&c);
    cck_diags_free(&d);
    unlink(path);
    free(path);
}

static void test_bad_lines_are_diagnosed(void)
{
    char long_line[5000];
    memset(long_line, 'x', sizeof long_line - 1);
    long_line[sizeof long_line - 1] = '\0';
    char text[6000];
    snprintf(text, sizeof text, "[claimcheck]\nformat = json\nthis is not ini\n[ignore]\npaths = %s\n"
                                "[a]\nkey = ok\n", long_line);
    char *path = write_tmp(text);
    cck_config c;
    cck_cfg_init(&c);
    cck_diags d;
    cck_diags_init(&d);
    CU_ASSERT_EQUAL(cck_cfg_load(&c, path, &d), CCK_ERR_INPUT);
    /* the good lines are kept */
    CU_ASSERT_STRING_EQUAL(cck_cfg_get(&c, "claimcheck", "format"), "json");
    CU_ASSERT_STRING_EQUAL(cck_cfg_get(&c, "a", "key"), "ok");
    CU_ASSERT_PTR_NULL(cck_cfg_get(&c, "ignore", "paths"));
    bool line3 = false, line5 = false;
    for (size_t i = 0; i < d.n; i++) {
        CU_ASSERT_STRING_EQUAL(d.v[i].file, path);
        line3 = line3 || (d.v[i].line == 3 && d.v[i].sev == CCK_SEV_ERROR);
        line5 = line5 || (d.v[i].line == 5 && strstr(d.v[i].msg, "longer than"));
    }
    CU_ASSERT(line3);
    CU_ASSERT(line5);
    cck_cfg_free(&c);
    cck_diags_free(&d);
    unlink(path);
    free(path);

    cck_cfg_init(&c);
    cck_diags_init(&d);
    CU_ASSERT_EQUAL(cck_cfg_load(&c, "/nonexistent/claimcheck.ini", &d), CCK_ERR_IO);
    CU_ASSERT_EQUAL(d.n, 1);
    cck_cfg_free(&c);
    cck_diags_free(&d);
}

static void test_globs_bools_lists(void)
{
    CU_ASSERT(cck_cfg_glob("*.md", "a/b/c.md"));
    CU_ASSERT(cck_cfg_glob("drafts/*.md", "docs/drafts/a.md"));
    CU_ASSERT(cck_cfg_glob("drafts/*.md", "./drafts/a.md"));
    CU_ASSERT_FALSE(cck_cfg_glob("drafts/*.md", "docs/final/a.md"));
    CU_ASSERT_FALSE(cck_cfg_glob("*.md", "a.txt"));
    CU_ASSERT(cck_cfg_glob("examples/travel-*", "examples/travel-blog.txt"));
    bool b = false;
    CU_ASSERT(cck_cfg_bool("Yes", &b) && b);
    CU_ASSERT(cck_cfg_bool("off", &b) && !b);
    CU_ASSERT_FALSE(cck_cfg_bool("maybe", &b));
    CU_ASSERT(cck_cfg_in_list(" population , Area ", "area"));
    CU_ASSERT(cck_cfg_in_list("population,area", "population"));
    CU_ASSERT_FALSE(cck_cfg_in_list("population, area", "are"));
    CU_ASSERT_FALSE(cck_cfg_in_list("", "x"));
}

static cck_claim *claim_at(cck_source *s, const char *needle)
{
    cck_claim c;
    memset(&c, 0, sizeof c);
    const char *p = strstr(s->bytes, needle);
    CU_ASSERT_PTR_NOT_NULL_FATAL(p);
    c.start = (size_t)(p - s->bytes);
    c.end = c.start + strlen(needle);
    c.kind = CCK_KIND_COUNT;
    cck_claim_set_unit(&c, "");
    return cck_source_add_claim(s, &c);
}

static void test_inline_suppressions(void)
{
    static const char T[] =
        "Line one has 11 apples. <!-- claimcheck-ignore: reviewed 2024 -->\n"
        "Line two has 22 pears.\n"
        "<!-- claimcheck-ignore -->\n"
        "\n"
        "Line five has 55 plums.\n"
        "<!-- claimcheck-ignored is not a directive --> Line six has 66 figs.\n"
        "<!-- claimcheck-ignore-start -->\n"
        "Line eight has 88 limes.\n"
        "Line nine has 99 kiwis. <!-- claimcheck-ignore-end --> and 100 more.\n"
        "<!-- claimcheck-ignore-end -->\n"
        "<!-- claimcheck-ignore-start --> Line eleven has 111 dates.\n";
    cck_source *s = cck_source_from_memory("t.md", T, sizeof T - 1);
    const char *figs[] = {"11", "22", "55", "66", "88", "99", "100", "111"};
    for (size_t i = 0; i < 8; i++)
        claim_at(s, figs[i]);
    cck_diags d;
    cck_diags_init(&d);
    CU_ASSERT_EQUAL(cck_sup_inline(s, &d), 5);
    CU_ASSERT_EQUAL_FATAL(s->nclaims, 3);
    /* what stays: line two, the false directive's line, after the block */
    CU_ASSERT_EQUAL(strncmp(s->bytes + s->claims[0].start, "22", 2), 0);
    CU_ASSERT_EQUAL(strncmp(s->bytes + s->claims[1].start, "66", 2), 0);
    CU_ASSERT_EQUAL(strncmp(s->bytes + s->claims[2].start, "100", 3), 0);
    for (size_t i = 0; i < s->nclaims; i++)
        CU_ASSERT_EQUAL(s->claims[i].index, i);
    /* a stray end and an unclosed start are warned about, with lines */
    CU_ASSERT_EQUAL(d.n, 2);
    if (d.n == 2) {
        CU_ASSERT_EQUAL(d.v[0].line, 10);
        CU_ASSERT_EQUAL(d.v[0].sev, CCK_SEV_WARNING);
        CU_ASSERT_PTR_NOT_NULL(strstr(d.v[1].msg, "never closed"));
    }
    cck_diags_free(&d);
    cck_source_free(s);
}

/* The view of cli/baseline.c: with no filter it is the corpus's own
 * groups; with changed paths a conflict stays when any of its claims
 * stands in a changed file or under a changed directory. */
static void test_view_by_changed_paths(void)
{
    cck_corpus c;
    cck_corpus_init(&c);
    const char *paths[] = {"zz-view/a.txt", "zz-view/b.txt", "zz-other/z.txt"};
    cck_claim *cl[3];
    for (size_t i = 0; i < 3; i++) {
        cck_source *s = cck_source_from_memory(paths[i], "It has 12 rooms.", 16);
        cck_corpus_add(&c, s);
        cl[i] = claim_at(s, "12");
    }
    static cck_claim *ab[2], *z1[1], *z2[1];
    ab[0] = cl[0], ab[1] = cl[1], z1[0] = cl[2], z2[0] = cl[2];
    cck_group g[3] = {
        {.status = CCK_GROUP_CONFLICT, .claims = ab, .nclaims = 2},
        {.status = CCK_GROUP_CONFLICT, .claims = z1, .nclaims = 1},
        {.status = CCK_GROUP_CONSISTENT, .claims = z2, .nclaims = 1},
    };
    c.groups = g;
    c.ngroups = 3;
    cck_view v;
    cck_view_init(&v, &c, NULL, NULL, 0, false);
    CU_ASSERT_PTR_EQUAL(v.c.groups, g);     /* nothing left out: no copy */
    CU_ASSERT_EQUAL(v.c.ngroups, 3);
    cck_view_free(&v);

    static const struct {
        const char *changed;
        size_t kept, unchanged;
        bool first_kept;
    } rows[] = {
        {"zz-view/b.txt", 2, 1, true},      /* one claim of the first conflict */
        {"./zz-view/a.txt", 2, 1, true},
        {"zz-other", 2, 1, false},          /* a directory covers its files */
        {"zz-view", 2, 1, true},
        {"zz-vie", 1, 2, false},            /* not a prefix of a path part */
        {"zz-other/z.txt.bak", 1, 2, false},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        char *ch[1] = {(char *)rows[i].changed};
        cck_view_init(&v, &c, NULL, ch, 1, true);
        CU_ASSERT_EQUAL(v.c.ngroups, rows[i].kept);
        CU_ASSERT_EQUAL(v.unchanged, rows[i].unchanged);
        CU_ASSERT_PTR_NOT_EQUAL(v.c.groups, g);
        if (v.c.ngroups)
            CU_ASSERT_EQUAL(v.c.groups[0].claims == ab, rows[i].first_kept);
        /* the consistent group is never left out */
        CU_ASSERT_EQUAL(v.c.groups[v.c.ngroups - 1].status, CCK_GROUP_CONSISTENT);
        cck_view_free(&v);
    }
    c.groups = NULL;
    c.ngroups = 0;
    cck_corpus_free(&c);
}

typedef struct {
    int status;
    char *out, *err;
} res;

/* Runs claimcheck in directory dir. */
static res run_in(const char *dir, const char *args)
{
    const char *bin = getenv("CCK_BIN");
    char abs[4096];
    if (!bin)
        bin = "./build/claimcheck";
    CU_ASSERT_FATAL(realpath(bin, abs) != NULL);
    char out[] = "/tmp/cck-cfgo-XXXXXX", err[] = "/tmp/cck-cfge-XXXXXX";
    close(mkstemp(out));
    close(mkstemp(err));
    char cmd[8192];
    snprintf(cmd, sizeof cmd, "cd %s && NO_COLOR=1 %s %s >%s 2>%s </dev/null", dir, abs, args, out, err);
    int st = system(cmd);
    res r = {WIFEXITED(st) ? WEXITSTATUS(st) : -1, cck_test_slurp(out, NULL), cck_test_slurp(err, NULL)};
    unlink(out);
    unlink(err);
    return r;
}

static void test_cli_reads_the_configuration(void)
{
    char dir[] = "/tmp/cck-cfgdir-XXXXXX";
    CU_ASSERT_FATAL(mkdtemp(dir) != NULL);
    char cmd[4200];
    char cwd[4000];
    CU_ASSERT_FATAL(getcwd(cwd, sizeof cwd) != NULL);
    snprintf(cmd, sizeof cmd, "cp %s/examples/*.txt %s/", cwd, dir);
    CU_ASSERT_EQUAL_FATAL(system(cmd), 0);
    /* no file: the defaults, and the examples conflict */
    res r = run_in(dir, "config");
    CU_ASSERT_EQUAL(r.status, 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(r.out, "no configuration file"));
    CU_ASSERT_PTR_NOT_NULL(strstr(r.out, "fail-on = conflict"));
    CU_ASSERT_PTR_NOT_NULL(strstr(r.out, "; default"));
    free(r.out);
    free(r.err);
    char ini[400];
    snprintf(ini, sizeof ini, "%s/.claimcheck.ini", dir);
    cck_test_write(ini, "[claimcheck]\nformat = findings\nfail-on = dangling\n\n[ignore]\npaths = travel-*.txt\n\n"
          "[history-*]\nignore-attributes = period\n\n[alias]\nHamhung = Hamhung\n");
    r = run_in(dir, "config --fail-on=never");
    CU_ASSERT_EQUAL(r.status, 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(r.out, "format = findings"));
    CU_ASSERT_PTR_NOT_NULL(strstr(r.out, ".claimcheck.ini:2"));
    CU_ASSERT_PTR_NOT_NULL(strstr(r.out, "fail-on = never"));
    CU_ASSERT_PTR_NOT_NULL(strstr(r.out, "; command line"));
    CU_ASSERT_PTR_NOT_NULL(strstr(r.out, "[alias]\nHamhung = Hamhung"));
    free(r.out);
    free(r.err);
    /* the file's format and fail-on apply; the blog is not read; the
     * history notes' periods are not claims any more */
    r = run_in(dir, "check .");
    CU_ASSERT_EQUAL(r.status, 1);   /* the dangling [9] */
    CU_ASSERT_PTR_NULL(strstr(r.out, "travel-blog"));
    CU_ASSERT_PTR_NOT_NULL(strstr(r.out, ": warning: "));
    CU_ASSERT_PTR_NOT_NULL(strstr(r.err, "1 source ignored by the configuration"));
    CU_ASSERT_PTR_NOT_NULL(strstr(r.err, "suppressed"));
    bool period_in_history = false;
    for (char *l = strtok(r.out, "\n"); l; l = strtok(NULL, "\n"))
        period_in_history = period_in_history || (strstr(l, "history-notes.txt:") == l + 2 &&
                                                  strstr(l, "\xC2\xB7 period"));
    CU_ASSERT_FALSE(period_in_history);
    free(r.out);
    free(r.err);
    /* the command line wins, --no-config reads none */
    r = run_in(dir, "check --fail-on=never .");
    CU_ASSERT_EQUAL(r.status, 0);
    free(r.out);
    free(r.err);
    r = run_in(dir, "check --no-config -f json .");
    CU_ASSERT_EQUAL(r.status, 1);
    CU_ASSERT_PTR_NOT_NULL(strstr(r.out, "travel-blog"));
    free(r.out);
    free(r.err);
    /* a bad value or line: exit 2 naming the file and line */
    cck_test_write(ini, "[claimcheck]\nformat = yaml\n");
    r = run_in(dir, "check .");
    CU_ASSERT_EQUAL(r.status, 2);
    CU_ASSERT_PTR_NOT_NULL(strstr(r.err, ".claimcheck.ini:2:1: error: format takes"));
    CU_ASSERT_STRING_EQUAL(r.out, "");
    free(r.out);
    free(r.err);
    cck_test_write(ini, "[claimcheck]\nnot a line\n[x*]\nskip = perhaps\n");
    r = run_in(dir, "config");
    CU_ASSERT_EQUAL(r.status, 2);
    CU_ASSERT_PTR_NOT_NULL(strstr(r.err, ".claimcheck.ini:2:1: error: "));
    CU_ASSERT_PTR_NOT_NULL(strstr(r.err, ".claimcheck.ini:4:1: error: skip takes yes or no"));
    free(r.out);
    free(r.err);
    r = run_in(dir, "config --config /nonexistent/x.ini");
    CU_ASSERT_EQUAL(r.status, 2);
    free(r.out);
    free(r.err);
    r = run_in(dir, "config extra-path");
    CU_ASSERT_EQUAL(r.status, 2);
    free(r.out);
    free(r.err);
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    CU_ASSERT_EQUAL(system(cmd), 0);
}

/* The config fuzzer's corpus (tests/fuzz/corpus/config), replayed: good,
 * reconcile and broken files neither crash nor leak. */
static void test_config_fuzz_corpus_replays(void)
{
    size_t n = cck_fuzz_replay("tests/fuzz/corpus/config", cck_fuzz_config_one);
    CU_ASSERT(n != (size_t)-1 && n >= 3);
}

void cck_suite_config(void)
{
    static CU_TestInfo tests[] = {
        {"entries keep their origin, the last value wins", test_entries_with_origins_last_wins},
        {"bad and overlong lines are diagnosed, good ones kept", test_bad_lines_are_diagnosed},
        {"globs, booleans and lists", test_globs_bools_lists},
        {"inline suppressions: line, next line, block", test_inline_suppressions},
        {"a view keeps the conflicts touching the changed paths", test_view_by_changed_paths},
        {"the command line reads .claimcheck.ini", test_cli_reads_the_configuration},
        {"the config fuzz corpus replays", test_config_fuzz_corpus_replays},
        CU_TEST_INFO_NULL,
    };
    CCK_ADD_SUITE("config", tests);
}
