/* run.c: the one CUnit main. Each module's test file defines a
 * registration function; the weak declarations let a module's own test
 * binary (make test-MODULE) link with just that module's files.
 * Usage: run [SUITE...]   (no argument runs every suite) */
#include <CUnit/Basic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests.h"

#define SUITES(X)                                                             \
    X(sources) X(segment) X(extract) X(numbers) X(dates) X(coords)           \
    X(subject) X(group) X(settings) X(report) X(pipeline) X(cli) X(formats) X(config)  \
    X(cases) X(readers) X(parallel) X(prefilter)

#define DECLARE(name) __attribute__((weak)) void cck_suite_##name(void);
SUITES(DECLARE)

/* True when t (taken and freed; NULL: item k of s does not exist) is want,
 * or holds it; otherwise says so, naming the item ("reference", k). */
static bool text_matches(const cck_source *s, const char *item, size_t k, char *t,
                         const char *want, bool whole)
{
    if (!t) {
        fprintf(stderr, "\n  %s has no %s %zu\n", s->path, item, k);
        return false;
    }
    bool ok = whole ? !strcmp(t, want) : strstr(t, want) != NULL;
    if (!ok)
        fprintf(stderr, "\n  %s %zu of %s is \"%s\", not %s\"%s\"\n", item, k, s->path, t,
                whole ? "" : "holding ", want);
    free(t);
    return ok;
}

static char *ref_text(const cck_source *s, size_t k)
{
    return k < s->nrefs ? cck_ref_text_dup(s, &s->refs[k]) : NULL;
}

bool cck_test_ref_is(const cck_source *s, size_t k, const char *want)
{
    return text_matches(s, "reference", k, ref_text(s, k), want, true);
}

bool cck_test_ref_has(const cck_source *s, size_t k, const char *part)
{
    return text_matches(s, "reference", k, ref_text(s, k), part, false);
}

char *cck_test_section_title(const cck_source *s, size_t k)
{
    size_t n;
    const char *t = cck_section_title(s, k, &n);
    return cck_xstrndup(t, n);
}

bool cck_test_section_is(const cck_source *s, size_t k, const char *want)
{
    char *t = k < s->nsections ? cck_test_section_title(s, k) : NULL;
    return text_matches(s, "section", k, t, want, true);
}

void cck_test_write(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    CU_ASSERT_FATAL(fputs(text, f) >= 0);
    CU_ASSERT_FATAL(fclose(f) == 0);
}

char *cck_test_slurp(const char *path, size_t *len)
{
    char *buf = NULL;
    size_t n = 0;
    FILE *m = open_memstream(&buf, &n);
    FILE *f = fopen(path, "rb");
    if (f) {
        char chunk[4096];
        size_t got;
        while ((got = fread(chunk, 1, sizeof chunk, f)) > 0)
            fwrite(chunk, 1, got, m);
        fclose(f);
    }
    fclose(m);
    if (len)
        *len = n;
    return buf;
}

int main(int argc, char **argv)
{
    if (CU_initialize_registry() != CUE_SUCCESS) {
        fprintf(stderr, "run: cannot initialise CUnit\n");
        return 2;
    }
#define REGISTER(name)                                                        \
    if (cck_suite_##name)                                                     \
        cck_suite_##name();
    SUITES(REGISTER)

    CU_basic_set_mode(CU_BRM_VERBOSE);
    CU_ErrorCode rc = CUE_SUCCESS;
    if (argc < 2) {
        rc = CU_basic_run_tests();
    } else {
        for (int i = 1; i < argc; i++) {
            CU_pSuite s = CU_get_suite(argv[i]);
            if (!s) {
                fprintf(stderr, "run: no suite named %s\n", argv[i]);
                CU_cleanup_registry();
                return 2;
            }
            CU_ErrorCode r = CU_basic_run_suite(s);
            if (r != CUE_SUCCESS)
                rc = r;
        }
    }
    /* read the counters before CU_cleanup_registry(), which resets them */
    unsigned run = CU_get_number_of_tests_run();
    unsigned failed = CU_get_number_of_tests_failed();
    unsigned sfail = CU_get_number_of_suites_failed();
    CU_cleanup_registry();
    printf("\n%u passed, %u failed\n", run - failed, failed + sfail);
    return (failed || sfail || rc != CUE_SUCCESS) ? 1 : 0;
}
