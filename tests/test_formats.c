/* test_formats.c: every machine format of the built binary read back by a
 * real parser: JSON (jansson), CSV (Python's csv module), SARIF (the 2.1.0
 * subset schema through python3-jsonschema, then jansson), JUnit XML
 * (libxml2 + XPath), findings lines and GitHub annotations (sscanf on the
 * documented grammar, positions checked against the files). Machine
 * formats keep stdout pure and are byte-identical from run to run. */
#define _DEFAULT_SOURCE
#include <jansson.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tests.h"

#define EX "examples/analyst-report.txt examples/city-factsheet.txt examples/encyclopedia.txt " \
           "examples/history-notes.txt examples/travel-blog.txt"
#define PY "/usr/bin/python3 "

typedef struct {
    int status;
    char *out, *err;
    size_t outlen;
} run_result;

/* Runs a shell command line with "claimcheck" standing for the binary. */
static run_result run_cmd(const char *prefix, const char *args)
{
    const char *bin = getenv("CCK_BIN");
    if (!bin)
        bin = "./build/claimcheck";
    char out[] = "/tmp/cck-fmt-out-XXXXXX", err[] = "/tmp/cck-fmt-err-XXXXXX";
    int fo = mkstemp(out), fe = mkstemp(err);
    close(fo);
    close(fe);
    size_t n = strlen(args) + strlen(bin) + strlen(prefix) + 128;
    char *cmd = cck_xmalloc(n);
    snprintf(cmd, n, "NO_COLOR=1 %s%s %s >%s 2>%s </dev/null", prefix, bin, args, out, err);
    int st = system(cmd);
    free(cmd);
    run_result r = {WIFEXITED(st) ? WEXITSTATUS(st) : -1, NULL, NULL, 0};
    r.out = cck_test_slurp(out, &r.outlen);
    r.err = cck_test_slurp(err, NULL);
    unlink(out);
    unlink(err);
    return r;
}

static run_result run(const char *args)
{
    return run_cmd("", args);
}

static void done(run_result *r)
{
    free(r->out);
    free(r->err);
}

/* Writes s to a new temporary file; returns its path (free()). */
static char *to_file(const char *s, size_t n, const char *suffix)
{
    char *path = cck_xmalloc(64);
    snprintf(path, 64, "/tmp/cck-fmt-XXXXXX%s", suffix);
    int fd = mkstemps(path, (int)strlen(suffix));
    CU_ASSERT_FATAL(fd >= 0);
    CU_ASSERT_FATAL(write(fd, s, n) == (ssize_t)n);
    close(fd);
    return path;
}

/* Runs a checker script on a file; returns its first output line (free()). */
static char *checker(const char *script, const char *file, int *status)
{
    char cmd[512];
    snprintf(cmd, sizeof cmd, PY "%s %s 2>&1", script, file);
    FILE *p = popen(cmd, "r");
    CU_ASSERT_PTR_NOT_NULL_FATAL(p);
    char line[4096] = "";
    char *all = NULL;
    size_t n = 0;
    FILE *m = open_memstream(&all, &n);
    while (fgets(line, sizeof line, p))
        fputs(line, m);
    fclose(m);
    int st = pclose(p);
    *status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    if (*status != 0)
        fprintf(stderr, "\n%s said:\n%s\n", script, all);
    return all;
}

static json_t *parse_doc(const char *s)
{
    json_error_t e;
    json_t *o = json_loads(s, 0, &e);
    if (!o)
        fprintf(stderr, "\nnot JSON: %s at %d:%d\n", e.text, e.line, e.column);
    CU_ASSERT_PTR_NOT_NULL_FATAL(o);
    return o;
}

/* The groups of the examples as the json document has them. */
static json_t *example_doc(void)
{
    run_result r = run("check --format=json " EX);
    CU_ASSERT_EQUAL(r.status, 1);
    json_t *o = parse_doc(r.out);
    done(&r);
    return o;
}

static size_t doc_conflicts(json_t *doc)
{
    size_t n = 0, i;
    json_t *g;
    json_array_foreach(json_object_get(doc, "groups"), i, g)
        n += !strcmp(json_string_value(json_object_get(g, "status")), "conflict");
    return n;
}

static void test_json_is_one_document(void)
{
    json_t *doc = example_doc();
    json_t *sum = json_object_get(doc, "summary");
    CU_ASSERT_STRING_EQUAL(json_string_value(json_object_get(doc, "tool")), "claimcheck");
    CU_ASSERT_EQUAL(json_integer_value(json_object_get(sum, "sources")), 5);
    CU_ASSERT_EQUAL(json_array_size(json_object_get(doc, "sources")), 5);
    size_t conflicts = doc_conflicts(doc);
    CU_ASSERT(conflicts >= 5);
    CU_ASSERT_EQUAL((size_t)json_integer_value(json_object_get(sum, "conflicts")), conflicts);
    CU_ASSERT_EQUAL((size_t)json_integer_value(json_object_get(sum, "subjects")),
                    json_array_size(json_object_get(doc, "groups")));
    /* claims in groups add up to the summary */
    size_t claims = 0, i;
    json_t *g;
    json_array_foreach(json_object_get(doc, "groups"), i, g) {
        claims += json_array_size(json_object_get(g, "claims"));
        const char *fp = json_string_value(json_object_get(g, "fingerprint"));
        CU_ASSERT_FATAL(fp != NULL);
        CU_ASSERT_EQUAL(strlen(fp), 16);
        CU_ASSERT_EQUAL(strspn(fp, "0123456789abcdef"), 16);
    }
    CU_ASSERT_EQUAL((size_t)json_integer_value(json_object_get(sum, "claims")), claims);
    /* the dangling [9] of the encyclopedia is a finding at its place */
    bool dangling = false;
    json_t *f;
    json_array_foreach(json_object_get(doc, "findings"), i, f) {
        const char *kind = json_string_value(json_object_get(f, "kind"));
        if (!strcmp(kind, "dangling-citation")) {
            char *file = cck_test_slurp(json_string_value(json_object_get(f, "doc")), NULL);
            size_t st = (size_t)json_integer_value(json_object_get(f, "start"));
            dangling = dangling || !strncmp(file + st, "[9]", 3);
            free(file);
        }
    }
    CU_ASSERT(dangling);
    json_decref(doc);

    run_result r = run("extract --format=json " EX);
    CU_ASSERT_EQUAL(r.status, 0);
    doc = parse_doc(r.out);
    CU_ASSERT_EQUAL((size_t)json_integer_value(json_object_get(json_object_get(doc, "summary"), "claims")),
                    json_array_size(json_object_get(doc, "claims")));
    CU_ASSERT(json_array_size(json_object_get(doc, "claims")) > 100);
    json_decref(doc);
    done(&r);
}

static void test_csv_read_by_a_csv_reader(void)
{
    run_result r = run("check --format=csv " EX);
    CU_ASSERT_EQUAL(r.status, 1);
    char *path = to_file(r.out, r.outlen, ".csv");
    int st;
    char *said = checker("tests/formats/check_csv.py", path, &st);
    CU_ASSERT_EQUAL(st, 0);
    /* one row per claim with its group, every group present */
    json_t *doc = example_doc();
    unsigned rows = 0, groups = 0;
    CU_ASSERT_EQUAL(sscanf(said, "ok %u %u", &rows, &groups), 2);
    CU_ASSERT_EQUAL(rows, json_integer_value(json_object_get(json_object_get(doc, "summary"), "claims")));
    CU_ASSERT_EQUAL(groups, json_array_size(json_object_get(doc, "groups")));
    json_decref(doc);
    free(said);
    unlink(path);
    free(path);
    done(&r);
}

static void test_sarif_valid_and_located(void)
{
    run_result r = run("check --format=sarif " EX);
    CU_ASSERT_EQUAL(r.status, 1);
    char *path = to_file(r.out, r.outlen, ".sarif");
    int st;
    char *said = checker("tests/formats/check_sarif.py", path, &st);
    CU_ASSERT_EQUAL(st, 0);
    CU_ASSERT_EQUAL(strncmp(said, "ok ", 3), 0);
    free(said);
    unlink(path);
    free(path);

    json_t *log = parse_doc(r.out), *doc = example_doc();
    CU_ASSERT_STRING_EQUAL(json_string_value(json_object_get(log, "version")), "2.1.0");
    json_t *results = json_object_get(json_array_get(json_object_get(log, "runs"), 0), "results");
    size_t nconf = 0, i;
    json_t *res;
    json_array_foreach(results, i, res) {
        if (strcmp(json_string_value(json_object_get(res, "ruleId")), "conflict"))
            continue;
        nconf++;
        /* a location for every claim of the group */
        const char *gid = json_string_value(json_object_get(json_object_get(res, "properties"), "group"));
        size_t k;
        json_t *g, *match = NULL;
        json_array_foreach(json_object_get(doc, "groups"), k, g)
            if (!strcmp(json_string_value(json_object_get(g, "id")), gid))
                match = g;
        CU_ASSERT_PTR_NOT_NULL_FATAL(match);
        CU_ASSERT_EQUAL(json_array_size(json_object_get(res, "locations")),
                        json_array_size(json_object_get(match, "claims")));
        CU_ASSERT_STRING_EQUAL(json_string_value(json_object_get(json_object_get(res, "partialFingerprints"),
                                                                 "claimcheckSubjectValues/v1")),
                               json_string_value(json_object_get(match, "fingerprint")));
    }
    CU_ASSERT_EQUAL(nconf, doc_conflicts(doc));
    json_decref(log);
    json_decref(doc);
    done(&r);
}

static size_t count_xpath(xmlDocPtr d, const char *expr)
{
    xmlXPathContextPtr ctx = xmlXPathNewContext(d);
    xmlXPathObjectPtr o = xmlXPathEvalExpression(BAD_CAST expr, ctx);
    size_t n = o && o->nodesetval ? (size_t)o->nodesetval->nodeNr : 0;
    xmlXPathFreeObject(o);
    xmlXPathFreeContext(ctx);
    return n;
}

static void test_junit_parsed_by_libxml2(void)
{
    run_result r = run("check --format=junit " EX);
    CU_ASSERT_EQUAL(r.status, 1);
    xmlDocPtr d = xmlReadMemory(r.out, (int)r.outlen, "junit.xml", "UTF-8",
                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    json_t *doc = example_doc();
    size_t conflicts = doc_conflicts(doc);
    CU_ASSERT_EQUAL(count_xpath(d, "/testsuites/testsuite[@name='claimcheck.subjects']"
                                   "/testcase/failure[@type='conflict']"), conflicts);
    CU_ASSERT_EQUAL(count_xpath(d, "//testcase[@classname='citations']"), 5);
    CU_ASSERT_EQUAL(count_xpath(d, "//failure[@type='dangling-citation']"), 1);
    /* the testsuites' failure count is what is in it */
    xmlChar *fails = xmlGetProp(xmlDocGetRootElement(d), BAD_CAST "failures");
    CU_ASSERT_EQUAL((size_t)atoi((const char *)fails), conflicts + 1);
    xmlFree(fails);
    xmlFreeDoc(d);
    json_decref(doc);
    done(&r);
}

/* "path:line:col: severity: message" and the position is the quoted span. */
static void test_findings_lines_point_at_the_figure(void)
{
    run_result r = run("check --format=findings " EX);
    CU_ASSERT_EQUAL(r.status, 1);
    size_t n = 0, warnings = 0;
    for (char *line = strtok(r.out, "\n"); line; line = strtok(NULL, "\n")) {
        char path[256], sev[16];
        unsigned ln, col;
        int used = 0;
        CU_ASSERT_EQUAL_FATAL(sscanf(line, "%255[^:]:%u:%u: %15[a-z]: %n", path, &ln, &col, sev, &used), 4);
        CU_ASSERT(!strcmp(sev, "warning") || !strcmp(sev, "note") || !strcmp(sev, "error"));
        warnings += !strcmp(sev, "warning");
        const char *msg = line + used;
        if (!strncmp(msg, "conflict: ", 10)) {
            /* the first quoted text is the figure at line:col */
            const char *q = strchr(msg, '"');
            CU_ASSERT_PTR_NOT_NULL_FATAL(q);
            const char *e = strchr(q + 1, '"');
            CU_ASSERT_PTR_NOT_NULL_FATAL(e);
            char *file = cck_test_slurp(path, NULL);
            const char *p = file;
            for (unsigned k = 1; k < ln && p; k++)
                p = strchr(p, '\n') ? strchr(p, '\n') + 1 : NULL;
            CU_ASSERT_PTR_NOT_NULL_FATAL(p);
            CU_ASSERT_EQUAL(strncmp(p + col - 1, q + 1, (size_t)(e - q - 1)), 0);
            free(file);
        }
        n++;
    }
    CU_ASSERT(n > 20);
    CU_ASSERT(warnings > 5);
    done(&r);
}

/* Two sources that disagree on the population of twelve towns: twelve
 * conflicts, more than GitHub shows for one kind, and one dangling
 * citation. */
static char *many_conflicts_dir(void)
{
    char *dir = cck_xstrndup("/tmp/cck-many-XXXXXX", 20);
    CU_ASSERT_FATAL(mkdtemp(dir) != NULL);
    for (int f = 0; f < 2; f++) {
        char path[64];
        snprintf(path, sizeof path, "%s/%s.txt", dir, f ? "gazetteer" : "almanac");
        FILE *out = fopen(path, "w");
        CU_ASSERT_PTR_NOT_NULL_FATAL(out);
        fprintf(out, "Towns of the Varn valley\n\n");
        for (int t = 0; t < 12; t++)
            /* one citation marker that resolves to nothing: one notice */
            fprintf(out, "In 2020 %s had a population of %d,000.%s\n",
                    (const char *[]){"Alder", "Birchmoor", "Cressing", "Dunmere", "Elsford",
                                     "Fallow", "Greyholm", "Harrowgate", "Ilsby", "Jarrow",
                                     "Kelderby", "Linthwaite"}[t],
                    10 + t + (f ? 40 : 0), !f && !t ? "[7]" : "");
        fclose(out);
    }
    return dir;
}

static void test_github_annotations_capped(void)
{
    char *dir = many_conflicts_dir();
    char args[256];
    snprintf(args, sizeof args, "check --format=github %s", dir);
    run_result r = run(args);
    CU_ASSERT_EQUAL(r.status, 1);
    snprintf(args, sizeof args, "check --format=json %s", dir);
    run_result rj = run(args);
    json_t *doc = parse_doc(rj.out);
    done(&rj);
    size_t conflicts = doc_conflicts(doc);
    CU_ASSERT(conflicts > 10);   /* so the cap is exercised */
    size_t warn = 0, notice = 0, other = 0;
    char *last = NULL;
    for (char *line = strtok(r.out, "\n"); line; line = strtok(NULL, "\n")) {
        last = line;
        if (!strncmp(line, "::warning file=", 15) || !strncmp(line, "::notice file=", 14)) {
            unsigned ln = 0, col = 0;
            const char *lp = strstr(line, ",line=");
            CU_ASSERT_PTR_NOT_NULL_FATAL(lp);
            CU_ASSERT_EQUAL(sscanf(lp, ",line=%u,col=%u,title=", &ln, &col), 2);
            CU_ASSERT(ln >= 1 && col >= 1);
            CU_ASSERT_PTR_NOT_NULL(strstr(lp, "::"));
            if (line[2] == 'w')
                warn++;
            else
                notice++;
        } else {
            other++;
        }
    }
    CU_ASSERT_EQUAL(warn, 10);
    CU_ASSERT_EQUAL(notice, 1);
    CU_ASSERT_EQUAL(other, 1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(last);
    char want[64];
    snprintf(want, sizeof want, "annotated 10 of %zu conflicts", conflicts);
    CU_ASSERT_PTR_NOT_NULL(strstr(last, want));
    json_decref(doc);
    done(&r);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    CU_ASSERT_EQUAL(system(cmd), 0);
    free(dir);
}

/* Only the format on stdout; byte-identical on a second run; diagnostics
 * on stderr. */
static void test_machine_formats_pure_and_deterministic(void)
{
    static const char *const fmts[] = {"json", "csv", "findings", "sarif", "junit", "github", "jsonl",
                                       "html"};
    for (size_t i = 0; i < sizeof fmts / sizeof *fmts; i++) {
        char args[600];
        snprintf(args, sizeof args, "check --format=%s " EX " /nonexistent/x.txt", fmts[i]);
        run_result a = run(args), b = run(args);
        CU_ASSERT_EQUAL(a.status, 2);
        CU_ASSERT_EQUAL(a.outlen, b.outlen);
        CU_ASSERT(a.outlen > 0 && !memcmp(a.out, b.out, a.outlen));
        CU_ASSERT_PTR_NULL(strstr(a.out, "claimcheck: 1 source skipped"));
        CU_ASSERT_PTR_NOT_NULL(strstr(a.err, "claimcheck: 1 source skipped"));
        CU_ASSERT_PTR_NULL(strstr(a.out, "\x1b["));
        done(&a);
        done(&b);
    }
}

/* SARIF's partialFingerprints, like the baseline, are keyed by subject and
 * values: moving text around leaves them as they are. */
static void test_sarif_fingerprints_survive_line_shifts(void)
{
    char dir[] = "/tmp/cck-shift-XXXXXX";
    CU_ASSERT_FATAL(mkdtemp(dir) != NULL);
    char cmd[600];
    /* three more blank lines after the first paragraph of every source */
    snprintf(cmd, sizeof cmd, "for f in " EX "; do awk 'NR > 1 && !d && $0 == \"\" "
                              "{ print \"\"; print \"\"; print \"\"; d = 1 } { print }' $f "
                              "> %s/$(basename $f); done", dir);
    CU_ASSERT_EQUAL_FATAL(system(cmd), 0);
    run_result a = run("check --format=sarif " EX);
    snprintf(cmd, sizeof cmd, "check --format=sarif %s/*.txt", dir);
    run_result b = run(cmd);
    json_t *la = parse_doc(a.out), *lb = parse_doc(b.out);
    json_t *ra = json_object_get(json_array_get(json_object_get(la, "runs"), 0), "results");
    json_t *rb = json_object_get(json_array_get(json_object_get(lb, "runs"), 0), "results");
    CU_ASSERT_EQUAL_FATAL(json_array_size(ra), json_array_size(rb));
    size_t i, moved = 0;
    json_t *x;
    json_array_foreach(ra, i, x) {
        json_t *y = json_array_get(rb, i);
        const char *k = json_string_value(json_object_get(x, "ruleId"));
        const char *key = !strcmp(k, "conflict") ? "claimcheckSubjectValues/v1" : "claimcheckMarker/v1";
        CU_ASSERT_STRING_EQUAL(json_string_value(json_object_get(json_object_get(x, "partialFingerprints"), key)),
                               json_string_value(json_object_get(json_object_get(y, "partialFingerprints"), key)));
        /* while the lines did move */
        json_t *pa = json_object_get(json_object_get(json_object_get(json_array_get(json_object_get(x, "locations"), 0),
                                                                     "physicalLocation"), "region"), "startLine");
        json_t *pb = json_object_get(json_object_get(json_object_get(json_array_get(json_object_get(y, "locations"), 0),
                                                                     "physicalLocation"), "region"), "startLine");
        CU_ASSERT(json_integer_value(pa) == json_integer_value(pb) ||
                  json_integer_value(pa) + 3 == json_integer_value(pb));
        moved += json_integer_value(pa) != json_integer_value(pb);
    }
    CU_ASSERT(moved > 5);
    json_decref(la);
    json_decref(lb);
    done(&a);
    done(&b);
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    CU_ASSERT_EQUAL(system(cmd), 0);
}


static char *xpath_string(xmlDocPtr d, const char *expr)
{
    xmlXPathContextPtr ctx = xmlXPathNewContext(d);
    xmlXPathObjectPtr o = xmlXPathEvalExpression(BAD_CAST expr, ctx);
    xmlChar *v = o ? xmlXPathCastToString(o) : NULL;
    char *r = cck_xstrndup(v ? (const char *)v : "", v ? strlen((const char *)v) : 0);
    xmlFree(v);
    xmlXPathFreeObject(o);
    xmlXPathFreeContext(ctx);
    return r;
}

static xmlDocPtr parse_html(const run_result *r)
{
    htmlDocPtr d = htmlReadMemory(r->out, (int)r->outlen, "report.html", "UTF-8",
                                  HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                  HTML_PARSE_NONET);
    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    return d;
}

static void test_html_report_content(void)
{
    run_result r = run("check --format=html " EX);
    CU_ASSERT_EQUAL(r.status, 1);
    xmlDocPtr d = parse_html(&r);
    json_t *doc = example_doc();
    size_t conflicts = doc_conflicts(doc);
    CU_ASSERT_EQUAL(count_xpath(d, "//section[contains(@class,'conflict')]"), conflicts);
    /* each conflict: a row per claim, the figure marked in its sentence */
    size_t i, checked = 0;
    json_t *g;
    json_array_foreach(json_object_get(doc, "groups"), i, g) {
        if (strcmp(json_string_value(json_object_get(g, "status")), "conflict"))
            continue;
        const char *id = json_string_value(json_object_get(g, "id"));
        char expr[200];
        snprintf(expr, sizeof expr, "//section[@id='%s']//tbody/tr", id);
        json_t *claims = json_object_get(g, "claims");
        CU_ASSERT_EQUAL(count_xpath(d, expr), json_array_size(claims));
        size_t k;
        json_t *cl;
        json_array_foreach(claims, k, cl) {
            snprintf(expr, sizeof expr, "string(//section[@id='%s']//tbody/tr[%zu]/td[6]/mark)", id, k + 1);
            char *mark = xpath_string(d, expr);
            char *span = cck_xstrndup(json_string_value(json_object_get(cl, "span")),
                                      strlen(json_string_value(json_object_get(cl, "span"))));
            for (char *p = span; *p; p++)
                if (*p == '\n')
                    *p = ' ';
            CU_ASSERT_STRING_EQUAL(mark, span);
            free(mark);
            free(span);
            snprintf(expr, sizeof expr, "string(//section[@id='%s']//tbody/tr[%zu]/td[4])", id, k + 1);
            char *line = xpath_string(d, expr);
            CU_ASSERT_EQUAL(atoi(line), json_integer_value(json_object_get(cl, "line")));
            free(line);
            checked++;
        }
        /* the favoured row is marked, and why is said */
        snprintf(expr, sizeof expr, "//section[@id='%s']//tr[@class='favoured']", id);
        CU_ASSERT_EQUAL(count_xpath(d, expr), json_is_null(json_object_get(g, "favoured")) ? 0 : 1);
    }
    CU_ASSERT(checked >= 15);
    /* citations resolved to reference text; the dangling one said so */
    CU_ASSERT(count_xpath(d, "//span[@class='ref']") > 5);
    CU_ASSERT_EQUAL(count_xpath(d, "//section[@id='citations']//li"), 1);
    char *dang = xpath_string(d, "string(//section[@id='citations']//li)");
    CU_ASSERT_PTR_NOT_NULL(strstr(dang, "encyclopedia.txt:11:469"));
    CU_ASSERT_PTR_NOT_NULL(strstr(dang, "\"[9]\""));
    free(dang);
    /* a per-source view, a table of every claim after each source's
     * heading, and a filter box; the conflicts' sections and the sources'
     * tables are written in slots of the page's frame, none left empty */
    CU_ASSERT_EQUAL(count_xpath(d, "//section[@id='sources']/h3"), 5);
    CU_ASSERT_EQUAL(count_xpath(d, "//section[@id='sources']/h3/following-sibling::*[1]"
                                   "[self::table or self::p[following-sibling::*[1][self::table]]]"), 5);
    size_t nclaims = 0;
    json_array_foreach(json_object_get(doc, "groups"), i, g)
        nclaims += json_array_size(json_object_get(g, "claims"));
    CU_ASSERT(nclaims > 100);
    CU_ASSERT_EQUAL(count_xpath(d, "//section[@id='sources']/table/tbody/tr"), nclaims);
    CU_ASSERT_EQUAL(count_xpath(d, "//section[contains(@class,'conflict')]/table/tbody/tr"), checked);
    CU_ASSERT_PTR_NULL(strstr(r.out, "data-cck-slot"));
    CU_ASSERT_EQUAL(count_xpath(d, "//input[@id='filter']"), 1);
    /* self-contained: no external resource, one inline script, a CSP */
    CU_ASSERT_EQUAL(count_xpath(d, "//*[@src]"), 0);
    CU_ASSERT_EQUAL(count_xpath(d, "//link"), 0);
    CU_ASSERT_EQUAL(count_xpath(d, "//script"), 1);
    CU_ASSERT_EQUAL(count_xpath(d, "//a[contains(@href,'://')]"), 0);
    CU_ASSERT_EQUAL(count_xpath(d, "//meta[@http-equiv='Content-Security-Policy']"), 1);
    xmlFreeDoc(d);
    json_decref(doc);
    done(&r);
}

/* Markup in a source is text in the report, never markup. */
static void test_html_escapes_source_text(void)
{
    static const char A[] = "Testville\n\nTestville has a population of 12,000 "
                            "<script>alert(1)</script> & <b onclick=\"x()\">bold</b>.\n";
    static const char B[] = "Testville\n\nTestville has a population of 55,000 people.\n";
    /* a title with the text of the page's own slots, which are only ever
     * elements of claimcheck's */
    static const char C[] = "<table data-cck-slot=\"1\"></table> data-cck-slot=\"0\"> notes\n\n"
                            "The hall seats 300 people.\n";
    char *pa = to_file(A, sizeof A - 1, ".txt"), *pb = to_file(B, sizeof B - 1, ".txt");
    char *pc = to_file(C, sizeof C - 1, ".txt");
    char args[400];
    snprintf(args, sizeof args, "check --format=html %s %s %s", pa, pb, pc);
    run_result r = run(args);
    CU_ASSERT_EQUAL(r.status, 1);
    xmlDocPtr d = parse_html(&r);
    CU_ASSERT_EQUAL(count_xpath(d, "//script"), 1);
    CU_ASSERT_EQUAL(count_xpath(d, "//b"), 0);
    CU_ASSERT_EQUAL(count_xpath(d, "//*[@onclick]"), 0);
    char *td = xpath_string(d, "string(//section[contains(@class,'conflict')]//tbody/tr[td[6]/mark='12,000']/td[6])");
    CU_ASSERT_PTR_NOT_NULL(strstr(td, "12,000 <script>alert(1)</script> & <b onclick=\"x()\">bold</b>."));
    free(td);
    CU_ASSERT_EQUAL(count_xpath(d, "//section[@id='sources']/table"), 3);
    CU_ASSERT_EQUAL(count_xpath(d, "//section[@id='sources']/table//tr[td[2]='300']"), 1);
    CU_ASSERT_EQUAL(count_xpath(d, "//section[contains(@class,'conflict')]"), 1);
    CU_ASSERT_EQUAL(count_xpath(d, "//*[@data-cck-slot]"), 0);
    td = xpath_string(d, "string(//section[@id='sources']/p[@class='note'][contains(., 'slot')])");
    CU_ASSERT_PTR_NOT_NULL(strstr(td, "<table data-cck-slot=\"1\"></table> data-cck-slot=\"0\">"));
    free(td);
    xmlFreeDoc(d);
    done(&r);
    unlink(pa);
    unlink(pb);
    unlink(pc);
    free(pa);
    free(pb);
    free(pc);
}

/* tests/formats/chromium.sh renders the page headless: skipped, with the
 * reason said, when Debian's chromium is not installed. */
static void test_html_in_headless_chromium(void)
{
    run_result r = run("check --format=html " EX);
    char *path = to_file(r.out, r.outlen, ".html");
    done(&r);
    char cmd[400];
    snprintf(cmd, sizeof cmd, "sh tests/formats/chromium.sh %s 2>&1", path);
    FILE *p = popen(cmd, "r");
    CU_ASSERT_PTR_NOT_NULL_FATAL(p);
    char line[1024], last[1024] = "";
    while (fgets(line, sizeof line, p))
        memcpy(last, line, sizeof line);
    int st = pclose(p);
    int code = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    if (code == 77) {
        fprintf(stderr, "\n  (skipped: %s)", last);
    } else {
        if (code != 0)
            fprintf(stderr, "\nchromium.sh: %s", last);
        CU_ASSERT_EQUAL(code, 0);
    }
    unlink(path);
    free(path);
}

void cck_suite_formats(void);
void cck_suite_formats(void)
{
    static CU_TestInfo tests[] = {
        {"json: one document, counts add up", test_json_is_one_document},
        {"csv: read by a CSV reader, spans are file bytes", test_csv_read_by_a_csv_reader},
        {"sarif: valid against the 2.1.0 subset schema, a location per claim", test_sarif_valid_and_located},
        {"sarif: fingerprints survive line shifts", test_sarif_fingerprints_survive_line_shifts},
        {"junit: parsed by libxml2, a failure per conflict", test_junit_parsed_by_libxml2},
        {"findings: path:line:col: severity: message at the figure", test_findings_lines_point_at_the_figure},
        {"github: at most 10 per kind, then a summary", test_github_annotations_capped},
        {"machine formats: stdout pure, output deterministic", test_machine_formats_pure_and_deterministic},
        {"html: parsed by libxml2, tables and marks match the claims", test_html_report_content},
        {"html: source text is escaped", test_html_escapes_source_text},
        {"html: renders in headless chromium (if installed)", test_html_in_headless_chromium},
        CU_TEST_INFO_NULL,
    };
    CCK_ADD_SUITE("formats", tests);
}
