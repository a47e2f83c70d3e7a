/* test_cli.c: the command line as a user meets it: exit statuses, usage
 * errors, formats, -o, and going on past a bad source. Runs the built
 * binary (CCK_BIN, default ./build/claimcheck). */
#define _POSIX_C_SOURCE 200809L
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tests.h"

#define FIX "tests/fixtures/cli/"
#define EX "examples/analyst-report.txt examples/city-factsheet.txt examples/encyclopedia.txt " \
           "examples/history-notes.txt examples/travel-blog.txt"

typedef struct {
    int status;
    char *out, *err;
} run_result;

/* Runs "claimcheck ARGS" through the shell, capturing both streams. */
static run_result run(const char *args)
{
    const char *bin = getenv("CCK_BIN");
    if (!bin)
        bin = "./build/claimcheck";
    char out[] = "/tmp/cck-cli-out-XXXXXX", err[] = "/tmp/cck-cli-err-XXXXXX";
    int fo = mkstemp(out), fe = mkstemp(err);
    close(fo);
    close(fe);
    char cmd[4096];
    snprintf(cmd, sizeof cmd, "NO_COLOR=1 %s %s >%s 2>%s </dev/null", bin, args, out, err);
    int st = system(cmd);
    run_result r = {WIFEXITED(st) ? WEXITSTATUS(st) : -1, cck_test_slurp(out, NULL), cck_test_slurp(err, NULL)};
    unlink(out);
    unlink(err);
    return r;
}

static void done(run_result *r)
{
    free(r->out);
    free(r->err);
}

static void test_help_and_version_exit_zero(void)
{
    run_result r = run("--help");
    CU_ASSERT_EQUAL(r.status, 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(r.out, "usage: claimcheck check"));
    done(&r);
    r = run("--version");
    CU_ASSERT_EQUAL(r.status, 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(r.out, "claimcheck " CCK_VERSION));
    done(&r);
}

static void test_usage_errors_exit_two_with_one_line(void)
{
    static const char *const bad[] = {
        "", "check", "frobnicate x.txt", "check --format=xml " FIX "city-a.txt",
        "check --bogus " FIX "city-a.txt", "check -o", "check --max-bytes=abc " FIX "city-a.txt",
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        run_result r = run(bad[i]);
        CU_ASSERT_EQUAL(r.status, 2);
        CU_ASSERT_EQUAL(strncmp(r.err, "claimcheck: ", 12), 0);
        CU_ASSERT_STRING_EQUAL(r.out, "");
        done(&r);
    }
}

static void test_conflict_exits_one_agreement_zero(void)
{
    run_result r = run("check " FIX "city-a.txt " FIX "city-b.txt");
    CU_ASSERT_EQUAL(r.status, 1);
    CU_ASSERT_PTR_NOT_NULL(strstr(r.out, "412,000"));
    CU_ASSERT_PTR_NOT_NULL(strstr(r.out, "655,000"));
    done(&r);
    r = run("check " FIX "city-a.txt " FIX "city-c.txt");
    CU_ASSERT_EQUAL(r.status, 0);
    done(&r);
}

static void test_bad_source_is_skipped_others_reported(void)
{
    run_result r = run("extract --format=jsonl /nonexistent/nowhere.txt " FIX "city-c.txt");
    CU_ASSERT_EQUAL(r.status, 2);
    CU_ASSERT_PTR_NOT_NULL(strstr(r.err, "/nonexistent/nowhere.txt: error: cannot open"));
    CU_ASSERT_PTR_NOT_NULL(strstr(r.out, "city-c.txt"));
    done(&r);
}

/* Every jsonl line parses, and span is exactly the file's bytes. */
static void test_extract_jsonl_spans_are_file_bytes(void)
{
    run_result r = run("extract --format=jsonl " FIX "city-a.txt");
    CU_ASSERT_EQUAL_FATAL(r.status, 0);
    char *file = cck_test_slurp(FIX "city-a.txt", NULL);
    size_t lines = 0;
    for (char *line = strtok(r.out, "\n"); line; line = strtok(NULL, "\n")) {
        json_error_t e;
        json_t *o = json_loads(line, 0, &e);
        CU_ASSERT_PTR_NOT_NULL_FATAL(o);
        json_int_t start = json_integer_value(json_object_get(o, "start"));
        json_int_t end = json_integer_value(json_object_get(o, "end"));
        const char *span = json_string_value(json_object_get(o, "span"));
        CU_ASSERT_PTR_NOT_NULL_FATAL(span);
        CU_ASSERT(end > start);
        CU_ASSERT_EQUAL(strlen(span), (size_t)(end - start));
        CU_ASSERT_EQUAL(strncmp(file + start, span, (size_t)(end - start)), 0);
        CU_ASSERT_STRING_EQUAL(json_string_value(json_object_get(o, "doc")), FIX "city-a.txt");
        json_decref(o);
        lines++;
    }
    CU_ASSERT(lines >= 2); /* the population and the lighthouse year */
    free(file);
    done(&r);
}

static void test_output_file_written_whole(void)
{
    char dir[] = "/tmp/cck-o-XXXXXX";
    CU_ASSERT_FATAL(mkdtemp(dir) != NULL);
    char args[512], path[300];
    snprintf(path, sizeof path, "%s/report.md", dir);
    snprintf(args, sizeof args, "check --format=md -o %s " FIX "city-a.txt " FIX "city-b.txt", path);
    run_result r = run(args);
    CU_ASSERT_EQUAL(r.status, 1);
    CU_ASSERT_STRING_EQUAL(r.out, "");
    char *md = cck_test_slurp(path, NULL);
    CU_ASSERT_PTR_NOT_NULL(strstr(md, "655,000"));
    CU_ASSERT_PTR_NOT_NULL(strstr(md, "|"));
    free(md);
    done(&r);
    /* no temporary file is left beside it */
    char cmd[400];
    snprintf(cmd, sizeof cmd, "test $(ls %s | wc -l) -eq 1", dir);
    CU_ASSERT_EQUAL(system(cmd), 0);
    unlink(path);
    rmdir(dir);
}


/* --fail-on chooses what exits 1, apart from what is shown. */
static void test_fail_on_chooses_the_exit_status(void)
{
    static const struct {
        const char *args;
        int status;
    } cases[] = {
        {"check " EX, 1},
        {"check --fail-on=conflict " EX, 1},
        {"check --fail-on=new " EX, 1},          /* no baseline: every conflict is new */
        {"check --fail-on=never " EX, 0},
        {"check --fail-on=dangling " EX, 1},     /* the encyclopedia's [9] */
        {"check --fail-on=uncited " EX, 1},
        {"check --fail-on=dangling " FIX "city-a.txt " FIX "city-b.txt", 0},
        {"check --fail-on=uncited " FIX "city-a.txt " FIX "city-c.txt", 0},
        {"check --fail-on=never,dangling " FIX "city-a.txt " FIX "city-b.txt", 0},
        {"check --fail-on=conflict,dangling " FIX "city-a.txt " FIX "city-b.txt", 1},
        {"check --fail-on=sometimes " EX, 2},
        {"extract " EX, 0},
        {"extract --fail-on=dangling " EX, 1},
        {"check --fail-on=never " EX " /nonexistent/x.txt", 2},  /* trouble wins */
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        run_result r = run(cases[i].args);
        if (r.status != cases[i].status)
            fprintf(stderr, "\n%s: exit %d, not %d\n", cases[i].args, r.status, cases[i].status);
        CU_ASSERT_EQUAL(r.status, cases[i].status);
        done(&r);
    }
}

/* Reads a file into a string, edits it and writes it back. */
static void edit(const char *path, char *(*fn)(const char *))
{
    char *s = cck_test_slurp(path, NULL);
    char *t = fn(s);
    FILE *f = fopen(path, "wb");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    fputs(t, f);
    fclose(f);
    free(s);
    free(t);
}

/* Moves the CLIMATE paragraph after the ECONOMY one (every line of both
 * moves) and changes 830 mm of annual precipitation to 910 mm. */
static char *move_and_change(const char *s)
{
    const char *cl = strstr(s, "\n\nCLIMATE\n"), *di = strstr(s, "\n\nDISTANCES");
    const char *ec = strstr(s, "\n\nECONOMY\n"), *tr = strstr(s, "\n\nTRANSPORT\n");
    CU_ASSERT_FATAL(cl && di && ec && tr && cl < di && di < ec && ec < tr);
    size_t n = strlen(s);
    char *r = cck_xmalloc(n + 1), *p = r;
    memcpy(p, s, (size_t)(cl - s)); p += cl - s;
    memcpy(p, di, (size_t)(tr - di)); p += tr - di;   /* distances, economy */
    memcpy(p, cl, (size_t)(di - cl)); p += di - cl;   /* then climate */
    strcpy(p, tr);
    char *m = strstr(r, "precipitation: 830 mm");
    CU_ASSERT_PTR_NOT_NULL_FATAL(m);
    memcpy(m + strlen("precipitation: "), "910", 3);
    return r;
}

/* The case: one source edited (a paragraph moved, one figure
 * changed); check --baseline fails on that figure's conflict alone and
 * diff names exactly that change. */
static void test_baseline_and_diff_see_only_the_changed_figure(void)
{
    char dir[] = "/tmp/cck-base-XXXXXX";
    CU_ASSERT_FATAL(mkdtemp(dir) != NULL);
    char cmd[1024], args[1024];
    snprintf(cmd, sizeof cmd, "mkdir %s/old %s/new && cp " EX " %s/old/ && cp " EX " %s/new/",
             dir, dir, dir, dir);
    CU_ASSERT_EQUAL_FATAL(system(cmd), 0);
    char path[300];
    snprintf(path, sizeof path, "%s/new/city-factsheet.txt", dir);
    edit(path, move_and_change);

    snprintf(args, sizeof args, "baseline -o %s/base.txt %s/old", dir, dir);
    run_result r = run(args);
    CU_ASSERT_EQUAL(r.status, 0);
    CU_ASSERT_STRING_EQUAL(r.out, "");
    done(&r);
    snprintf(path, sizeof path, "%s/base.txt", dir);
    char *base = cck_test_slurp(path, NULL);
    size_t entries = 0;
    for (char *l = strtok(base, "\n"); l; l = strtok(NULL, "\n"))
        entries += l[0] != '#';
    CU_ASSERT(entries >= 5);
    free(base);

    /* the old sources against their own baseline: nothing new, exit 0 */
    snprintf(args, sizeof args, "check --baseline %s/base.txt -f json %s/old", dir, dir);
    r = run(args);
    CU_ASSERT_EQUAL(r.status, 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(r.err, "known conflicts"));
    json_error_t e;
    json_t *doc = json_loads(r.out, 0, &e);
    CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
    CU_ASSERT_EQUAL(json_integer_value(json_object_get(json_object_get(doc, "summary"), "conflicts")), 0);
    json_decref(doc);
    done(&r);

    /* the edited ones: exactly one new conflict, the changed figure's */
    snprintf(args, sizeof args, "check --baseline %s/base.txt -f json %s/new", dir, dir);
    r = run(args);
    CU_ASSERT_EQUAL(r.status, 1);
    doc = json_loads(r.out, 0, &e);
    CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
    size_t i, nconf = 0;
    json_t *g;
    json_array_foreach(json_object_get(doc, "groups"), i, g) {
        if (strcmp(json_string_value(json_object_get(g, "status")), "conflict"))
            continue;
        nconf++;
        CU_ASSERT_STRING_EQUAL(json_string_value(json_object_get(g, "attribute")), "annual_precipitation");
        bool has = false;
        size_t k;
        json_t *cl;
        json_array_foreach(json_object_get(g, "claims"), k, cl)
            has = has || !strcmp(json_string_value(json_object_get(cl, "span")), "910 mm");
        CU_ASSERT(has);
    }
    CU_ASSERT_EQUAL(nconf, 1);
    json_decref(doc);
    done(&r);
    /* --fail-on=never still shows it, exits 0 */
    snprintf(args, sizeof args, "check --baseline %s/base.txt --fail-on=never %s/new", dir, dir);
    r = run(args);
    CU_ASSERT_EQUAL(r.status, 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(r.out, "910 mm"));
    done(&r);

    /* diff: one claim changed, nothing added or removed despite the move */
    snprintf(args, sizeof args, "diff -f json %s/old %s/new", dir, dir);
    r = run(args);
    CU_ASSERT_EQUAL(r.status, 1);
    doc = json_loads(r.out, 0, &e);
    CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
    json_t *claims = json_object_get(doc, "claims"), *conf = json_object_get(doc, "conflicts");
    CU_ASSERT_EQUAL(json_array_size(json_object_get(claims, "added")), 0);
    CU_ASSERT_EQUAL(json_array_size(json_object_get(claims, "removed")), 0);
    CU_ASSERT_EQUAL_FATAL(json_array_size(json_object_get(claims, "changed")), 1);
    json_t *ch = json_array_get(json_object_get(claims, "changed"), 0);
    CU_ASSERT_STRING_EQUAL(json_string_value(json_object_get(json_object_get(ch, "old"), "span")), "830 mm");
    CU_ASSERT_STRING_EQUAL(json_string_value(json_object_get(json_object_get(ch, "new"), "span")), "910 mm");
    CU_ASSERT_NOT_EQUAL(json_integer_value(json_object_get(json_object_get(ch, "old"), "line")),
                        json_integer_value(json_object_get(json_object_get(ch, "new"), "line")));
    CU_ASSERT_EQUAL(json_array_size(json_object_get(conf, "introduced")), 0);
    CU_ASSERT_EQUAL(json_array_size(json_object_get(conf, "resolved")), 0);
    CU_ASSERT_EQUAL(json_array_size(json_object_get(conf, "changed")), 1);
    json_decref(doc);
    done(&r);
    /* the text form names it in one line */
    snprintf(args, sizeof args, "diff %s/old %s/new", dir, dir);
    r = run(args);
    CU_ASSERT_EQUAL(r.status, 1);
    CU_ASSERT_PTR_NOT_NULL(strstr(r.out, "claims changed (1)\n  ~ city-factsheet.txt:25 -> 34  "
                                         "Hamhung \xC2\xB7 annual_precipitation: \"830 mm\" -> \"910 mm\"\n"));
    CU_ASSERT_PTR_NOT_NULL(strstr(r.out, "0 claims added, 0 removed, 1 changed; 0 conflicts introduced, "
                                         "0 resolved, 1 changed\n"));
    done(&r);
    /* a version against itself: no difference, exit 0 */
    snprintf(args, sizeof args, "diff %s/old %s/old", dir, dir);
    r = run(args);
    CU_ASSERT_EQUAL(r.status, 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(r.out, "0 claims added, 0 removed, 0 changed; 0 conflicts"));
    done(&r);

    /* --changed: only conflicts with a claim in the edited file */
    snprintf(args, sizeof args, "check -f json --changed %s/new/travel-blog.txt %s/new", dir, dir);
    r = run(args);
    CU_ASSERT_EQUAL(r.status, 1);
    doc = json_loads(r.out, 0, &e);
    CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
    nconf = 0;
    json_array_foreach(json_object_get(doc, "groups"), i, g) {
        if (strcmp(json_string_value(json_object_get(g, "status")), "conflict"))
            continue;
        nconf++;
        bool touches = false;
        size_t k;
        json_t *cl;
        json_array_foreach(json_object_get(g, "claims"), k, cl)
            touches = touches || strstr(json_string_value(json_object_get(cl, "doc")), "travel-blog");
        CU_ASSERT(touches);
    }
    CU_ASSERT(nconf >= 1);
    CU_ASSERT_PTR_NOT_NULL(strstr(r.err, "not touching the changed sources"));
    json_decref(doc);
    done(&r);

    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    CU_ASSERT_EQUAL(system(cmd), 0);
}

static void test_ci_commands_exit_two_on_trouble(void)
{
    char dir[] = "/tmp/cck-bad-XXXXXX";
    CU_ASSERT_FATAL(mkdtemp(dir) != NULL);
    char path[300], args[600];
    snprintf(path, sizeof path, "%s/bad-baseline.txt", dir);
    cck_test_write(path, "# fine\n0123456789abcdef\tok\nnot an entry\n");
    snprintf(args, sizeof args, "check --baseline %s " FIX "city-a.txt", path);
    run_result r = run(args);
    CU_ASSERT_EQUAL(r.status, 2);
    CU_ASSERT_PTR_NOT_NULL(strstr(r.err, ":3:1: error: not a baseline entry"));
    CU_ASSERT_STRING_EQUAL(r.out, "");
    done(&r);
    r = run("check --baseline /nonexistent/base.txt " FIX "city-a.txt");
    CU_ASSERT_EQUAL(r.status, 2);
    CU_ASSERT_PTR_NOT_NULL(strstr(r.err, "/nonexistent/base.txt"));
    done(&r);
    /* a baseline from half the sources would hide conflicts: none written */
    snprintf(path, sizeof path, "%s/base.txt", dir);
    snprintf(args, sizeof args, "baseline -o %s " FIX "city-a.txt /nonexistent/x.txt", path);
    r = run(args);
    CU_ASSERT_EQUAL(r.status, 2);
    CU_ASSERT_NOT_EQUAL(access(path, F_OK), 0);
    done(&r);
    static const char *const bad[] = {
        "diff " FIX "city-a.txt",
        "diff " FIX "city-a.txt " FIX "city-b.txt " FIX "city-c.txt",
        "diff " FIX "city-a.txt tests/fixtures/cli",
        "diff -f csv " FIX "city-a.txt " FIX "city-b.txt",
        "diff " FIX "city-a.txt /nonexistent/x.txt",
        "baseline -f json " FIX "city-a.txt",
        "extract --baseline x.txt " FIX "city-a.txt",
        "diff --changed " FIX "city-a.txt " FIX "city-a.txt " FIX "city-b.txt",
        "check --git HEAD~1..HEAD " FIX "city-a.txt",
        "diff --git HEAD " FIX,
        "diff --git HEAD~1..HEAD " FIX "city-a.txt " FIX "city-b.txt",
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        r = run(bad[i]);
        CU_ASSERT_EQUAL(r.status, 2);
        CU_ASSERT_EQUAL(strncmp(r.err, "claimcheck: ", 12), 0);
        CU_ASSERT_STRING_EQUAL(r.out, "");
        done(&r);
    }
    /* two files compare as one source */
    r = run("diff " FIX "city-a.txt " FIX "city-b.txt");
    CU_ASSERT_EQUAL(r.status, 0);   /* each alone has no conflict */
    CU_ASSERT_PTR_NOT_NULL(strstr(r.out, "1 changed"));
    done(&r);
    snprintf(path, sizeof path, "%s/bad-baseline.txt", dir);
    unlink(path);
    CU_ASSERT_EQUAL(rmdir(dir), 0);
}

/* Runs ARGS on a pseudo-terminal (script(1)), returning what it showed. */
static run_result run_tty(const char *env, const char *args)
{
    const char *bin = getenv("CCK_BIN");
    if (!bin)
        bin = "./build/claimcheck";
    char out[] = "/tmp/cck-tty-XXXXXX";
    int fo = mkstemp(out);
    close(fo);
    char cmd[2048];
    snprintf(cmd, sizeof cmd, "env -u NO_COLOR %s script -qec '%s %s' /dev/null >%s 2>&1 </dev/null",
             env, bin, args, out);
    int st = system(cmd);
    run_result r = {WIFEXITED(st) ? WEXITSTATUS(st) : -1, cck_test_slurp(out, NULL), cck_xstrndup("", 0)};
    unlink(out);
    return r;
}

static void test_color_and_progress_only_on_a_terminal(void)
{
    if (system("command -v script >/dev/null 2>&1") != 0) {
        fprintf(stderr, "\n  (skipped: script(1) from bsdutils is not installed)\n");
        return;
    }
    /* a terminal: colour, the figure in bold inside its sentence */
    run_result r = run_tty("", "check " FIX "city-a.txt " FIX "city-b.txt");
    CU_ASSERT_EQUAL(r.status, 1);
    CU_ASSERT_PTR_NOT_NULL(strstr(r.out, "\x1b[1;31mCONFLICT\x1b[0m"));
    CU_ASSERT_PTR_NOT_NULL(strstr(r.out, "\x1b[1m" "655,000\x1b[0m"));
    done(&r);
    /* NO_COLOR set, however empty-handed: none */
    r = run_tty("NO_COLOR=1", "check " FIX "city-a.txt " FIX "city-b.txt");
    CU_ASSERT_EQUAL(r.status, 1);
    CU_ASSERT_PTR_NULL(strstr(r.out, "\x1b["));
    done(&r);
    /* machine formats never, even on a terminal */
    r = run_tty("", "check -f findings " FIX "city-a.txt " FIX "city-b.txt");
    CU_ASSERT_PTR_NULL(strstr(r.out, "\x1b[1m"));
    done(&r);
    /* not a terminal: none, unless asked */
    r = run("check " FIX "city-a.txt " FIX "city-b.txt");
    CU_ASSERT_PTR_NULL(strstr(r.out, "\x1b["));
    done(&r);
    r = run("check --color=always " FIX "city-a.txt " FIX "city-b.txt");
    CU_ASSERT_PTR_NOT_NULL(strstr(r.out, "\x1b[1m" "655,000\x1b[0m"));
    done(&r);
    /* the progress line: on a terminal's stderr once the threshold passed,
     * erased at the end; never on a redirected stderr */
    r = run_tty("CLAIMCHECK_PROGRESS_AFTER=0", "check -f findings " EX);
    CU_ASSERT_PTR_NOT_NULL(strstr(r.out, "\rclaimcheck: read 5 of 5 sources\x1b[K"));
    CU_ASSERT_PTR_NOT_NULL(strstr(r.out, "\r\x1b[K"));
    done(&r);
    r = run("check -f findings " EX);
    CU_ASSERT_PTR_NULL(strstr(r.err, "sources\x1b[K"));
    done(&r);
}

/* examples/ci/pre-commit in a scratch repository: a staged changed figure
 * stops the commit (exit 1), putting it back lets it through. */
static void test_pre_commit_hook_blocks_a_new_conflict(void)
{
    if (system("command -v git >/dev/null 2>&1") != 0) {
        fprintf(stderr, "\n  (skipped: git is not installed)\n");
        return;
    }
    char dir[] = "/tmp/cck-hook-XXXXXX";
    CU_ASSERT_FATAL(mkdtemp(dir) != NULL);
    char cwd[2048], cmd[8192];
    CU_ASSERT_FATAL(getcwd(cwd, sizeof cwd) != NULL);
    const char *bin = getenv("CCK_BIN") ? getenv("CCK_BIN") : "build/claimcheck";
    snprintf(cmd, sizeof cmd,
             "cd %s && git init -q && mkdir examples && cp %s/examples/*.txt examples/ && "
             "git add . && git -c user.email=t@t -c user.name=t commit -qm init && "
             "%s/%s baseline -o .claimcheck-baseline examples 2>/dev/null && "
             "git add .claimcheck-baseline && git -c user.email=t@t -c user.name=t commit -qm b && "
             "cp %s/examples/ci/pre-commit .git/hooks/pre-commit",
             dir, cwd, cwd, bin, cwd);
    CU_ASSERT_EQUAL_FATAL(system(cmd), 0);
    /* a changed figure, staged */
    snprintf(cmd, sizeof cmd,
             "cd %s && sed -i 's/830 mm/910 mm/' examples/city-factsheet.txt && git add examples && "
             "CLAIMCHECK=%s/%s git -c user.email=t@t -c user.name=t commit -qm c >out 2>&1",
             dir, cwd, bin);
    int st = system(cmd);
    CU_ASSERT(WIFEXITED(st) && WEXITSTATUS(st) != 0);
    char path[2100];
    snprintf(path, sizeof path, "%s/out", dir);
    char *out = cck_test_slurp(path, NULL);
    /* the changed figure is named, as the dissent or as the favoured value */
    CU_ASSERT(strstr(out, "examples/city-factsheet.txt:25:23: warning: conflict: ") ||
              strstr(out, "examples/city-factsheet.txt:25:23: note: conflict: "));
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "new conflicts in the staged sources"));
    free(out);
    /* only an unrelated edit: the commit goes through */
    snprintf(cmd, sizeof cmd,
             "cd %s && sed -i 's/910 mm/830 mm/' examples/city-factsheet.txt && "
             "echo 'One more line.' >> examples/travel-blog.txt && git add examples && "
             "CLAIMCHECK=%s/%s git -c user.email=t@t -c user.name=t commit -qm d >out 2>&1",
             dir, cwd, bin);
    CU_ASSERT_EQUAL(system(cmd), 0);
    /* committed past the hook, the change shows in diff --git */
    snprintf(cmd, sizeof cmd,
             "cd %s && sed -i 's/830 mm/910 mm/' examples/city-factsheet.txt && git add examples && "
             "git -c user.email=t@t -c user.name=t commit --no-verify -qm e && "
             "%s/%s diff --git HEAD~1..HEAD examples >out 2>&1",
             dir, cwd, bin);
    st = system(cmd);
    CU_ASSERT(WIFEXITED(st) && WEXITSTATUS(st) == 1);
    out = cck_test_slurp(path, NULL);
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "  ~ city-factsheet.txt:25 -> 25  Hamhung \xC2\xB7 "
                                       "annual_precipitation: \"830 mm\" -> \"910 mm\""));
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "0 claims added, 0 removed, 1 changed"));
    free(out);
    /* --git-changed: the figure changed since HEAD~1 is in city-factsheet.txt */
    snprintf(cmd, sizeof cmd, "cd %s && %s/%s check -f findings --git-changed HEAD~1 examples >out 2>&1",
             dir, cwd, bin);
    st = system(cmd);
    CU_ASSERT(WIFEXITED(st) && WEXITSTATUS(st) == 1);
    out = cck_test_slurp(path, NULL);
    /* the changed figure is named, as the dissent or as the favoured value */
    CU_ASSERT(strstr(out, "examples/city-factsheet.txt:25:23: warning: conflict: ") ||
              strstr(out, "examples/city-factsheet.txt:25:23: note: conflict: "));
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "conflicts not touching the changed sources not reported"));
    free(out);
    snprintf(cmd, sizeof cmd, "cd %s && %s/%s check -f findings --git-changed HEAD examples >out 2>&1",
             dir, cwd, bin);
    CU_ASSERT_EQUAL(system(cmd), 0);   /* nothing changed since HEAD */
    snprintf(cmd, sizeof cmd, "cd %s && %s/%s check --git-changed nosuch examples >out 2>&1", dir, cwd, bin);
    st = system(cmd);
    CU_ASSERT(WIFEXITED(st) && WEXITSTATUS(st) == 2);
    snprintf(cmd, sizeof cmd, "cd %s && %s/%s diff --git HEAD~3..HEAD~2 examples >out 2>&1", dir, cwd, bin);
    CU_ASSERT_EQUAL(system(cmd), 0);
    snprintf(cmd, sizeof cmd, "cd %s && %s/%s diff --git nosuch..HEAD examples >out 2>&1", dir, cwd, bin);
    st = system(cmd);
    CU_ASSERT(WIFEXITED(st) && WEXITSTATUS(st) == 2);
    out = cck_test_slurp(path, NULL);
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "nosuch"));
    free(out);
    snprintf(cmd, sizeof cmd, "cd %s && %s/%s diff --git HEAD examples >out 2>&1", dir, cwd, bin);
    st = system(cmd);
    CU_ASSERT(WIFEXITED(st) && WEXITSTATUS(st) == 2);
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    CU_ASSERT_EQUAL(system(cmd), 0);
}

/* The reconcile sections of the configuration reach the stage: an alias
 * joins two names into one conflicting subject, a bad tolerance is an
 * error at its line (exit 2), an unknown section a warning, and `config`
 * prints the settings in force. */
static void test_reconcile_settings_from_the_config(void)
{
    char dir[] = "/tmp/cck-rcfg-XXXXXX";
    CU_ASSERT_FATAL(mkdtemp(dir) != NULL);
    char path[128], cmd[512], args[512];
    snprintf(path, sizeof path, "%s/a.txt", dir);
    cck_test_write(path, "Kanko\n\nKanko had a population of 412,000 in 1940.\n");
    snprintf(path, sizeof path, "%s/b.txt", dir);
    cck_test_write(path, "Hamhung\n\nHamhung had a population of 655,000 in 1940.\n");
    snprintf(path, sizeof path, "%s/good.ini", dir);
    cck_test_write(path, "[alias]\nKanko = Hamhung\n[tolerance]\nhedge = 0.2\n");

    /* without the alias: two subjects, no conflict */
    snprintf(args, sizeof args, "check --no-config %s/a.txt %s/b.txt", dir, dir);
    run_result r = run(args);
    CU_ASSERT_EQUAL(r.status, 0);
    done(&r);
    snprintf(args, sizeof args, "check --config=%s/good.ini -f jsonl %s/a.txt %s/b.txt", dir, dir,
             dir);
    r = run(args);
    CU_ASSERT_EQUAL(r.status, 1);
    CU_ASSERT_PTR_NOT_NULL(strstr(r.out, "\"entity\": \"Hamhung\""));
    CU_ASSERT_PTR_NULL(strstr(r.out, "\"entity\": \"Kanko\""));
    done(&r);

    snprintf(args, sizeof args, "config --config=%s/good.ini", dir);
    r = run(args);
    CU_ASSERT_EQUAL(r.status, 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(r.out, "hedge = 0.2\n"));
    CU_ASSERT_PTR_NOT_NULL(strstr(r.out, "Kanko = Hamhung"));
    CU_ASSERT_PTR_NOT_NULL(strstr(r.out, "prior_trust = 0.8\n"));
    done(&r);

    snprintf(path, sizeof path, "%s/bad.ini", dir);
    cck_test_write(path, "[tolerance]\nhedge = 2\n[colours]\nx = 1\n");
    snprintf(args, sizeof args, "check --config=%s/bad.ini %s/a.txt", dir, dir);
    r = run(args);
    CU_ASSERT_EQUAL(r.status, 2);
    char want[256];
    snprintf(want, sizeof want, "%s/bad.ini:2:1: error: tolerance hedge: '2' is not a number", dir);
    CU_ASSERT_PTR_NOT_NULL(strstr(r.err, want));
    snprintf(want, sizeof want, "%s/bad.ini:4:1: warning: unknown section [colours]", dir);
    CU_ASSERT_PTR_NOT_NULL(strstr(r.err, want));
    done(&r);
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    CU_ASSERT_EQUAL(system(cmd), 0);
}

/* The text and Markdown reports resolve each conflict's citation markers
 * to their reference entries (or say they resolve nowhere) and list what
 * the sources say about themselves. */
static void test_reports_resolve_references_and_show_sources(void)
{
    run_result r = run("check --color=never examples/encyclopedia.txt examples/history-notes.txt "
                       "examples/analyst-report.txt examples/city-guide.html");
    CU_ASSERT_EQUAL(r.status, 1);
    CU_ASSERT_PTR_NOT_NULL(strstr(r.out, "\n  references:\n"));
    CU_ASSERT_PTR_NOT_NULL(strstr(r.out, "[2] history-notes.txt: Nakamura"));
    CU_ASSERT_PTR_NOT_NULL(strstr(r.out, "a placeholder link, no reference"));
    CU_ASSERT_PTR_NOT_NULL(strstr(r.out, "\nSources\n  examples/city-guide.html: "));
    done(&r);
    r = run("check -f md examples/encyclopedia.txt examples/history-notes.txt "
            "examples/analyst-report.txt examples/city-guide.html");
    CU_ASSERT_EQUAL(r.status, 1);
    CU_ASSERT_PTR_NOT_NULL(strstr(r.out, "\nReferences:\n\n- "));
    CU_ASSERT_PTR_NOT_NULL(strstr(r.out, "## Sources\n\n- examples/city-guide.html: "));
    done(&r);
    r = run("check -f json examples/city-guide.html");
    CU_ASSERT_PTR_NOT_NULL(strstr(r.out, "\"title\": \"Hamhung | East Coast City Guide\""));
    CU_ASSERT_PTR_NOT_NULL(strstr(r.out, "\"trust\": "));
    done(&r);
}

/* A conflict's references are its distinct lines, each once, in the order
 * its claims first cite them: here 42 sources (more than the list's index
 * holds at first, so it grows twice), each citing its one entry twice, and
 * two with the same name in two directories whose entries differ only in
 * spacing, shown alike and so listed once. */
static void test_references_listed_once_each_in_order(void)
{
    char dir[] = "/tmp/cck-refs-XXXXXX";
    CU_ASSERT_FATAL(mkdtemp(dir) != NULL);
    char path[128], text[512], cmd[256], args[256];
    static char want[8192];
    size_t w = (size_t)snprintf(want, sizeof want, "References:\n\n- [1] same.txt: Census report.\n");
    for (int k = 1; k <= 2; k++) {
        snprintf(path, sizeof path, "%s/d%d", dir, k);
        CU_ASSERT_FATAL(mkdir(path, 0700) == 0);
        snprintf(path, sizeof path, "%s/d%d/same.txt", dir, k);
        snprintf(text, sizeof text,
                 "Hamhung\n\nIn 2008 the population of Hamhung was %d.[1]\n\n"
                 "References\n\n1. ^ Census%sreport.\n", 1000000 + k * 100000, k == 1 ? "  " : " ");
        cck_test_write(path, text);
    }
    for (int i = 10; i < 50; i++) {
        snprintf(path, sizeof path, "%s/src%d.txt", dir, i);
        snprintf(text, sizeof text,
                 "Hamhung\n\nIn 2008 the population of Hamhung was %d.[1] The census of 2008 "
                 "counted %d residents in Hamhung.[1]\n\nReferences\n\n1. ^ Census of 2008, "
                 "table %d.\n", 700000 + i * 1000, 700000 + i * 1000, i);
        cck_test_write(path, text);
        w += (size_t)snprintf(want + w, sizeof want - w, "- [1] src%d.txt: Census of 2008, table %d.\n",
                              i, i);
    }
    snprintf(want + w, sizeof want - w, "\n");
    snprintf(args, sizeof args, "check --no-config -f md %s", dir);
    run_result r = run(args);
    CU_ASSERT_EQUAL(r.status, 1);
    const char *refs = strstr(r.out, "References:\n");
    CU_ASSERT_PTR_NOT_NULL_FATAL(refs);
    CU_ASSERT_NSTRING_EQUAL(refs, want, strlen(want));
    CU_ASSERT_PTR_NULL(strstr(refs + 1, "References:\n"));   /* the one conflict */
    done(&r);
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    CU_ASSERT_EQUAL(system(cmd), 0);
}

void cck_suite_cli(void)
{
    static CU_TestInfo tests[] = {
        {"--help and --version exit 0", test_help_and_version_exit_zero},
        {"usage errors exit 2 with a message", test_usage_errors_exit_two_with_one_line},
        {"a conflict exits 1, agreement 0", test_conflict_exits_one_agreement_zero},
        {"reconcile settings from the config", test_reconcile_settings_from_the_config},
        {"reports resolve references, show sources", test_reports_resolve_references_and_show_sources},
        {"references listed once each, in order", test_references_listed_once_each_in_order},
        {"a bad source is skipped, the others reported, exit 2", test_bad_source_is_skipped_others_reported},
        {"extract jsonl spans are the file's bytes", test_extract_jsonl_spans_are_file_bytes},
        {"-o writes the whole report and leaves no temp file", test_output_file_written_whole},
        {"--fail-on chooses the exit status", test_fail_on_chooses_the_exit_status},
        {"baseline and diff see only the changed figure", test_baseline_and_diff_see_only_the_changed_figure},
        {"baseline, diff and bad baselines exit 2 on trouble", test_ci_commands_exit_two_on_trouble},
        {"colour and progress only on a terminal", test_color_and_progress_only_on_a_terminal},
        {"examples/ci/pre-commit blocks a new conflict; diff --git", test_pre_commit_hook_blocks_a_new_conflict},
        CU_TEST_INFO_NULL,
    };
    CCK_ADD_SUITE("cli", tests);
}
