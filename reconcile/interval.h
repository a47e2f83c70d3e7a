/* interval.h: internal to reconcile/: the tolerance table and the pieces of
 * comparison that group.c shares with interval.c (day numbers, coordinate
 * distance, agreement with an allowance for change over time). */
#ifndef CCK_INTERVAL_H
#define CCK_INTERVAL_H

#include "reconcile.h"

/* Every tolerance the comparison uses, in one place so that a config file
 * can set them. Read through cck_rec_tolerances; defaults below. */
typedef struct {
    double hedge_frac;         /* hedged figure: +-10% of the value */
    double approx_year_days;   /* hedged year ("around 1950"): +-2 years */
    double approx_month_days;  /* hedged month ("early 2025"): +-1 month */
    double approx_day_days;    /* hedged day ("late October"): +-7 days */
    double coord_min_m;        /* least tolerance of a written position, m */
    double drift_per_year;     /* values of different years: 2% per year */
    double undated_years;      /* an undated figure vs a dated one: 5 years */
    int current_years;         /* dated figures this close to the newest
                                  one join the undated ("current") subject */
    size_t pair_cap;           /* groups larger than this: envelope checks */
    double prior_trust;        /* a source's reliability before evidence */
    double ambiguity_ratio;    /* figures this many times apart measure
                                  different things, more likely than not */
    double place_apart_m;      /* positions this far apart name different places */
} cck_rec_tol;

/* The tolerances in force. Mutable so a config loader can set fields
 * before cck_rec_group(); not thread-safe while a run is going. */
extern cck_rec_tol cck_rec_tolerances;
/* The defaults, for cck_rec_settings_reset(). */
extern const cck_rec_tol cck_rec_default_tolerances;

/* Day number (days since 0000-03-01, proleptic Gregorian) of the first
 * (end false) or last (end true) day an ISO "YYYY", "YYYY-MM" or
 * "YYYY-MM-DD" covers. Returns false for text that is none of these.
 * *gran (may be NULL) gets 1 year, 2 month, 3 day. */
bool cck_rec_date_day(const char *iso, bool end, double *day, int *gran);

/* Great-circle distance between two coordinate claims, metres. */
double cck_rec_coord_distance(const cck_claim *a, const cck_claim *b);

/* The distance a coordinate claim's written precision allows, metres. */
double cck_rec_coord_tolerance(const cck_claim *c);

/* Like cck_rec_agree(), with numeric intervals widened further by the
 * fraction drift of their magnitude (values given for different years). */
bool cck_rec_agree_drift(const cck_claim *a, const cck_claim *b, double drift);

/* What agreement reads of one claim, worked out once: a group compares
 * each claim with many others, and parsing its dates for every pair was a
 * sixth of check's time. cck_rec_agree_span() on two spans gives exactly
 * what cck_rec_agree_drift() gives on their claims. */
typedef struct {
    const cck_claim *c;
    bool dated;                /* a date claim whose ends could be read */
    bool period;               /* a date range whose ends are compared apart */
    double lo, hi;             /* the claim's interval (days for dates) */
    double f0, l0, f1, l1;     /* dates: first and last day of each end */
    double mag;                /* numbers: the magnitude drift scales */
} cck_rec_span;

void cck_rec_span_of(const cck_claim *c, cck_rec_span *s);
bool cck_rec_agree_span(const cck_rec_span *a, const cck_rec_span *b, double drift);

/* The most claims with a subject, and the most sources, cck_rec_group()
 * takes (it keeps 32-bit positions): past it the run gets an error
 * diagnostic and no groups. UINT32_MAX; tests lower it to reach that path. */
extern size_t cck_rec_group_limit;

/* Year of an as_of string ("2021", "2021-05"); false when none. */
bool cck_rec_year(const char *as_of, int *year);

/* Runs run(arg) on up to jobs threads, this one among them (at most 256;
 * fewer when the system refuses more), and waits for all: run must take
 * its work from arg until none is left (psort.c). */
void cck_rec_threads(unsigned jobs, void *(*run)(void *), void *arg);

/* Work spread over threads for the grouping stage (psort.c). fn(ctx, k) for
 * every task k < ntasks, each once, on up to jobs threads (this one among
 * them), in no set order: fn must write only what task k owns. */
void cck_rec_spread(unsigned jobs, size_t ntasks, void (*fn)(void *ctx, size_t task), void *ctx);

/* The smallest share of n elements worth a thread of its own: 4096; tests
 * lower it so that small inputs take the threaded paths. */
extern size_t cck_rec_par_min;

/* The least work (claims times partners) of a subject whose rows and
 * claims grouping spreads over the threads, not one thread's task among
 * others (a thousand claims against 64 partners, some milliseconds);
 * tests lower it. And how many subjects the last cck_rec_group_n() spread
 * so. */
extern size_t cck_rec_big_work;
extern size_t cck_rec_big_subjects;

/* How many slices to cut n elements into for jobs threads: 1 for one job,
 * else up to 4 a thread, none smaller than cck_rec_par_min. */
size_t cck_rec_slices(unsigned jobs, size_t n);

/* Sorts base[0..n) like qsort() on jobs threads: slices sorted apart, then
 * merged pairwise (a stable merge, each merge shared by the threads). When
 * cmp is a total order (no two elements compare equal) the result is the one
 * sorted order, whatever jobs is; with ties the order among equal elements
 * may depend on jobs. */
void cck_rec_psort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *),
                   unsigned jobs);

#endif
