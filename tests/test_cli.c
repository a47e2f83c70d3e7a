/* test_cli.c: the command line as a user meets it: exit statuses, usage
 * errors, formats, -o, and going on past a bad source. Runs the built
 * binary (CCK_BIN, default ./build/claimcheck). */
#define _POSIX_C_SOURCE 200809L
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tests.h"

#define FIX "tests/fixtures/cli/"

typedef struct {
    int status;
    char *out, *err;
} run_result;

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return cck_xstrndup("", 0);
    char *buf = NULL;
    size_t n = 0;
    FILE *m = open_memstream(&buf, &n);
    char chunk[4096];
    size_t got;
    while ((got = fread(chunk, 1, sizeof chunk, f)) > 0)
        fwrite(chunk, 1, got, m);
    fclose(m);
    fclose(f);
    return buf;
}

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
    char cmd[2048];
    snprintf(cmd, sizeof cmd, "NO_COLOR=1 %s %s >%s 2>%s </dev/null", bin, args, out, err);
    int st = system(cmd);
    run_result r = {WIFEXITED(st) ? WEXITSTATUS(st) : -1, slurp(out), slurp(err)};
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
    char *file = slurp(FIX "city-a.txt");
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
    char *md = slurp(path);
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

void cck_suite_cli(void)
{
    static CU_TestInfo tests[] = {
        {"--help and --version exit 0", test_help_and_version_exit_zero},
        {"usage errors exit 2 with a message", test_usage_errors_exit_two_with_one_line},
        {"a conflict exits 1, agreement 0", test_conflict_exits_one_agreement_zero},
        {"a bad source is skipped, the others reported, exit 2", test_bad_source_is_skipped_others_reported},
        {"extract jsonl spans are the file's bytes", test_extract_jsonl_spans_are_file_bytes},
        {"-o writes the whole report and leaves no temp file", test_output_file_written_whole},
        CU_TEST_INFO_NULL,
    };
    CCK_ADD_SUITE("cli", tests);
}
