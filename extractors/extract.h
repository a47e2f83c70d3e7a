/* extract.h: the extractors stage. PCRE2 patterns are compiled once (with
 * JIT) by cck_ext_init(); each thread owns a cck_matcher. Families of
 * extractors (numbers and measures, dates, coordinates, ranks) each scan a
 * unit and push candidates; the driver (extract.c) resolves overlaps and
 * stores the winning candidates as claims on the source. */
#ifndef CCK_EXTRACT_H
#define CCK_EXTRACT_H

#include <stdint.h>

#include "claimcheck.h"

/* ---- PCRE2 wrapper (regex.c) ------------------------------------------ */

typedef struct cck_re cck_re;          /* compiled + JIT'd, immutable */
typedef struct cck_matcher cck_matcher; /* per thread: match data, context, JIT stack */

/* Compiles with PCRE2_UTF | PCRE2_MATCH_INVALID_UTF | PCRE2_NEVER_BACKSLASH_C
 * plus extra (other PCRE2_* compile options, e.g. PCRE2_CASELESS or
 * PCRE2_EXTENDED), then JIT-compiles (falling back to the interpreter). Returns NULL and writes a message into err on a bad
 * pattern (a programming error: callers treat it as fatal at init). */
cck_re *cck_re_compile(const char *pattern, uint32_t extra, char *err, size_t errlen);
void cck_re_free(cck_re *re);

cck_matcher *cck_matcher_new(void);    /* match limit 1e6, heap 64 MiB, 1 MiB JIT stack */
void cck_matcher_free(cck_matcher *m); /* NULL is a no-op */

/* Looks for re in subject[0, len) starting at from (lookbehind may see
 * bytes before from). Returns 1 and fills the ovector on a match, 0 when
 * there is none, -1 when the pattern gave up (match/heap/JIT-stack limit):
 * the caller skips ahead. */
int cck_re_match(cck_matcher *m, const cck_re *re, const char *subject,
                 size_t len, size_t from, uint32_t options);
/* Start and end of capture group i of the last match; both (size_t)-1 when
 * the group did not take part. */
size_t cck_re_group_start(const cck_matcher *m, unsigned i);
size_t cck_re_group_end(const cck_matcher *m, unsigned i);
/* Byte offset where the next global-match iteration should start after the
 * last match, stepping one whole UTF-8 character past an empty match. */
size_t cck_re_next(const cck_matcher *m, const char *subject, size_t len);

/* ---- candidates -------------------------------------------------------- */

typedef struct {
    cck_claim claim;   /* start, end, kind, values, unit, approx, bound, step */
    int priority;      /* ties on length are won by the higher priority */
} cck_cand;

typedef struct {
    cck_cand *v;
    size_t n, cap;
} cck_cands;

void cck_cands_push(cck_cands *c, const cck_cand *x);
void cck_cands_free(cck_cands *c);

/* How a source is scanned. The zero value is claimcheck's own job: claims
 * only. mentions asks for every numeric expression the families recognise,
 * claim or not (a bare "three", "168,827 in 1950" and its year): what a
 * recognizer test suite such as the peer's spec cases (make spec-eval)
 * measures. ref_date ("YYYY-MM-DD") is the day relative dates ("last
 * year", "two months ago") count from; NULL means the source's own date
 * (meta.date) when it has one. */
typedef struct {
    bool mentions;
    const char *ref_date;
} cck_ext_opts;

/* Where each prefiltered pattern could start in one unit (prefilter.c). */
typedef struct cck_pf_index cck_pf_index;

/* What a family scanner is given: one unit of one source. */
typedef struct {
    const cck_source *src;
    const cck_unit *unit;
    const char *text;       /* src->bytes */
    size_t start, end;      /* the unit's byte span */
    cck_matcher *m;
    cck_diags *diags;
    unsigned *gave_up;      /* give-ups counted in this unit, or NULL */
    const cck_ext_opts *opts; /* NULL = the zero value */
    /* the unit's prefilter index (cck_pf_index_unit() over [start, end)),
     * or NULL: each family then runs its own prefilter scan */
    const cck_pf_index *pf;
} cck_scan;

/* Whether the scan wants every mention, not only claims (cck_ext_opts). */
static inline bool cck_scan_mentions(const cck_scan *sc)
{
    return sc->opts && sc->opts->mentions;
}

/* The reference day of relative dates for this scan: opts->ref_date, else
 * the source's meta.date when it is an ISO day, else NULL (none known). */
const char *cck_scan_ref_date(const cck_scan *sc);

/* cck_re_match() over a unit's text, for the family scanners: when the
 * pattern gives up (a PCRE2 limit), appends one warning per unit naming
 * the position, so a missed figure is never silent. Same returns. */
int cck_ext_match(const cck_scan *sc, const cck_re *re, const char *subject, size_t len,
                  size_t from, uint32_t options);

/* ---- prefilters (prefilter.c) ------------------------------------------
 * Each returns the first position in [i, end) of t where its pattern could
 * start a match (end when there is none): a superset of the real starts,
 * so that the pattern's anchored twin, tried at each position offered in
 * turn, finds exactly the leftmost match the unanchored pattern finds. */
typedef size_t (*cck_pf_next)(const char *t, size_t i, size_t end);
enum { CCK_PF_DATE, CCK_PF_FIGURE, CCK_PF_RANK, CCK_PF_RANKED, CCK_PF_NO1, CCK_PF_FRAC,
       CCK_PF_UNITLONG, CCK_PF_N };
extern const cck_pf_next cck_pf_scanners[CCK_PF_N]; /* indexed by CCK_PF_* */
size_t cck_pf_date(const char *t, size_t i, size_t end);     /* date.c ATOM_FIND */
size_t cck_pf_figure(const char *t, size_t i, size_t end);   /* number.c P_ATOM */
size_t cck_pf_rank(const char *t, size_t i, size_t end);     /* P_RANK */
size_t cck_pf_ranked(const char *t, size_t i, size_t end);   /* P_RANKED */
size_t cck_pf_no1(const char *t, size_t i, size_t end);      /* P_NO1 */
size_t cck_pf_frac(const char *t, size_t i, size_t end);     /* P_FRAC */
size_t cck_pf_unitlong(const char *t, size_t i, size_t end); /* P_UNITLONG */

/* One pass over a unit finds the positions every scanner above offers,
 * so that the families do not each scan it again. */
struct cck_pf_index {
    size_t start, end; /* the span it was built for */
    struct {
        size_t *v;
        size_t n, cap;
    } l[CCK_PF_N];     /* sorted positions per CCK_PF_* */
};
/* Fills x (reusing its memory) with the positions in [start, end) of t
 * that cck_pf_scanners[f](t, start, end) and its successors would offer. */
void cck_pf_index_unit(cck_pf_index *x, const char *t, size_t start, size_t end);
void cck_pf_index_free(cck_pf_index *x);
/* The first position >= i in family f's list of x, or x->end. */
size_t cck_pf_index_next(const cck_pf_index *x, int f, size_t i);

/* The leftmost match at or after from of a pattern compiled with
 * PCRE2_ANCHORED, tried only at the positions prefilter f (CCK_PF_*)
 * offers (from sc->pf when it was built for this span), over
 * subject[0, sc->end): 1 (ovector filled) or 0. at_digit (or NULL) is
 * tried instead at a position holding an ASCII digit: the same pattern
 * with the alternatives that need a letter first made to fail (same
 * groups). A position where the pattern gives up is skipped, with
 * cck_ext_match()'s warning naming from (where the unanchored search
 * would have started). */
int cck_ext_match_cands(const cck_scan *sc, const cck_re *anchored, const cck_re *at_digit, size_t from,
                        int f);

/* A pattern that runs behind a prefilter: its text and compile options
 * (besides cck_re_compile()'s own; the family adds PCRE2_ANCHORED), and the
 * prefilter. The families list theirs for the tests, which check every
 * prefilter against its unanchored pattern. */
typedef struct {
    const char *name;
    const char *pattern;
    uint32_t options;
    int family;                /* CCK_PF_* */
    const char *digit_pattern; /* cck_ext_match_cands()'s at_digit, or NULL */
} cck_pf_pattern;
size_t cck_ext_numbers_prefiltered(const cck_pf_pattern **out); /* number.c */
/* strtod() of the n bytes at buf (NUL-terminated there), with a fast path
 * for plain decimals of at most 15 digits that gives the same double
 * (number.c). */
double cck_ext_plain_decimal(const char *buf, size_t n);
size_t cck_ext_dates_prefiltered(const cck_pf_pattern **out);   /* date.c */

/* Family scanners. Each pushes every candidate it finds in the unit. */
void cck_ext_numbers(const cck_scan *sc, cck_cands *out);   /* number.c */
void cck_ext_dates(const cck_scan *sc, cck_cands *out);     /* date.c */
void cck_ext_coords(const cck_scan *sc, cck_cands *out);    /* coord.c */
/* words.c, called by cck_ext_numbers() in mentions mode only: numbers in
 * words ("fifty - two", "two hundred point zero three"), fractions ("two
 * thirds", "one and a half", "3/4", "- 1 4/5"), ratios ("one over three"),
 * powers ("2.5^-1"), suffixes ("2.33 k"), ordinals ("twenty-first",
 * "11th") and "percentage"/"percent of" forms. */
void cck_ext_words(const cck_scan *sc, cck_cands *out);
/* words.c: a scale suffix after the digits ending at i ("10k", "1.2b",
 * "10M"; in claims mode only a glued k or K). Returns the suffix end and
 * sets *scale, or returns 0. */
size_t cck_words_suffix(const char *t, size_t i, size_t end, bool mentions, double *scale);
/* words.c: a whole number in words from s that ends in "dozen(s)" ("three
 * hundred and two dozens" = 324: the dozen takes the words after the
 * hundred); its value and end. False for any other reading. */
bool cck_words_dozens(const char *t, size_t s, size_t end, double *v, size_t *out);
/* words.c: a fraction of a scale word from s ("one and a half million",
 * "three quarters of a million", "2 1/2 million"): its value, rounding and
 * end. False unless a scale word (thousand and up) ends it. */
bool cck_words_scaled(const char *t, size_t s, size_t end, double *v, double *step, size_t *out);
/* The core figure pattern of number.c (static string), for baselines such
 * as the benchmark's pcre2grep run; compile options UTF, CASELESS. */
const char *cck_ext_number_pattern(void);

/* Family init/cleanup (compile their patterns); called by cck_ext_init(). */
cck_status cck_ext_numbers_init(char *err, size_t errlen);
void cck_ext_numbers_cleanup(void);
cck_status cck_ext_dates_init(char *err, size_t errlen);
void cck_ext_dates_cleanup(void);
cck_status cck_ext_coords_init(char *err, size_t errlen);
void cck_ext_coords_cleanup(void);

/* hedge.c: widens c's span over a hedge or bound standing right before the
 * figure ("about", "more than", "nearly", "~") or after it ("or so",
 * "or more"), within text[lo, hi), and sets approx and bound. Dates and
 * ranks are left alone (the date scanner owns its own prefixes). */
void cck_ext_hedge(const char *text, size_t lo, size_t hi, cck_claim *c);
/* Indexes the hedge phrases by last byte; called by cck_ext_init() (before
 * threads). cck_ext_hedge() works without it, only slower. */
void cck_ext_hedge_init(void);
/* Whether a bound phrase ("more than", "at most", ">=") ends right before
 * text[at] (blanks between), within text[lo, at); sets *b and *start (the
 * phrase's first byte; either may be NULL). */
bool cck_ext_bound_before(const char *text, size_t lo, size_t at, cck_bound *b, size_t *start);

/* bounds.c: joins two bounds of one kind standing side by side into the
 * interval they state ("more than 10 and less than 40", "at most 100 and
 * at least 20"): when cur can be joined to prev (the claim stored just
 * before it in the same unit), widens prev over both and returns true
 * (cur is then not stored). */
bool cck_ext_join_bounds(const char *text, cck_claim *prev, const cck_claim *cur);

/* ---- driver (extract.c) ------------------------------------------------ */

/* Compiles every pattern once. Call before starting threads. */
cck_status cck_ext_init(cck_diags *d);
void cck_ext_cleanup(void);

/* Runs every family over every unit of s (which must be segmented),
 * resolves overlapping candidates (longest wins, then priority), drops
 * candidates inside citation markers and dates that only date a figure
 * ("168,827 in 1950"), and stores the claims on s. Appends warnings to d
 * for a conversion in parentheses that disagrees with its value and for
 * a pattern that gave up. Returns CCK_OK. */
cck_status cck_ext_source(cck_source *s, cck_matcher *m, cck_diags *d);
/* The same with options (NULL = the zero value). */
cck_status cck_ext_source_opts(cck_source *s, cck_matcher *m, const cck_ext_opts *o, cck_diags *d);

#endif
