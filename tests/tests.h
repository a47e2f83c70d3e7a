/* tests.h: what the test files share: registration helpers and fixtures. */
#ifndef CCK_TESTS_H
#define CCK_TESTS_H

#include <CUnit/CUnit.h>

#include "claimcheck.h"

/* Adds a suite with the given tests (NULL-terminated name/function pairs
 * in a CU_TestInfo array); aborts the run on a registry error. */
#define CCK_ADD_SUITE(name, tests)                                            \
    do {                                                                      \
        CU_SuiteInfo suites_[] = {{name, NULL, NULL, NULL, NULL, tests},      \
                                  CU_SUITE_INFO_NULL};                        \
        if (CU_register_suites(suites_) != CUE_SUCCESS)                       \
            CU_FAIL_FATAL("cannot register suite " name);                     \
    } while (0)

/* The whole content of a file as a NUL-terminated malloc'd string ("" when
 * it cannot be read); *len (may be NULL) gets its length. */
char *cck_test_slurp(const char *path, size_t *len);   /* tests/run.c */
/* Writes text to the file path (made or emptied); the test stops if it
 * cannot. tests/run.c */
void cck_test_write(const char *path, const char *text);

/* True when the text of reference k of s (cck_ref_text()) is want, or
 * holds it; on a mismatch it is printed. tests/run.c */
bool cck_test_ref_is(const cck_source *s, size_t k, const char *want);
bool cck_test_ref_has(const cck_source *s, size_t k, const char *part);
/* The title of section k of s (cck_section_title()) as a string: free()
 * it. tests/run.c */
char *cck_test_section_title(const cck_source *s, size_t k);
/* True when that title is want; on a mismatch it is printed. */
bool cck_test_section_is(const cck_source *s, size_t k, const char *want);

/* One registration function per suite (tests/run.c lists them). */
void cck_suite_sources(void);
void cck_suite_segment(void);
void cck_suite_extract(void);
void cck_suite_numbers(void);
void cck_suite_dates(void);
void cck_suite_coords(void);
void cck_suite_subject(void);
void cck_suite_group(void);
void cck_suite_settings(void);
void cck_suite_readers(void);
void cck_suite_report(void);
void cck_suite_pipeline(void);
void cck_suite_cli(void);
void cck_suite_formats(void);
void cck_suite_config(void);
void cck_suite_cases(void);
void cck_suite_parallel(void);
void cck_suite_prefilter(void);

#endif
