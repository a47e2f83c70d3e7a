/* test_prefilter.c: the C prefilters of extractors/prefilter.c. Every
 * prefiltered pattern must find, through its anchored twin tried where the
 * prefilter points, exactly the matches the unanchored pattern finds:
 * checked from every offset of a table of words each pattern can start
 * with (every month in every case, seasons, qualifiers, number and
 * ordinal words, currency signs, UTF-8 beside them, at both ends of the
 * buffer) and over whole example files. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "tests.h"

typedef struct {
    const cck_pf_pattern *p;
    cck_re *plain, *anchored, *digit; /* digit: the at-digit variant, or NULL */
} twin;

static size_t load_twins(twin *out, size_t cap)
{
    const cck_pf_pattern *lists[2];
    size_t counts[2] = {cck_ext_numbers_prefiltered(&lists[0]), cck_ext_dates_prefiltered(&lists[1])};
    size_t n = 0;
    char err[256];
    for (int l = 0; l < 2; l++)
        for (size_t i = 0; i < counts[l] && n < cap; i++) {
            out[n].p = &lists[l][i];
            out[n].plain = cck_re_compile(lists[l][i].pattern, lists[l][i].options, err, sizeof err);
            out[n].anchored =
                cck_re_compile(lists[l][i].pattern, lists[l][i].options | PCRE2_ANCHORED, err, sizeof err);
            out[n].digit = NULL;
            if (lists[l][i].digit_pattern) {
                out[n].digit = cck_re_compile(lists[l][i].digit_pattern, lists[l][i].options | PCRE2_ANCHORED, err,
                                              sizeof err);
                CU_ASSERT_PTR_NOT_NULL_FATAL(out[n].digit);
            }
            CU_ASSERT_PTR_NOT_NULL_FATAL(out[n].plain);
            CU_ASSERT_PTR_NOT_NULL_FATAL(out[n].anchored);
            n++;
        }
    return n;
}

static void free_twins(twin *t, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        cck_re_free(t[i].plain);
        cck_re_free(t[i].anchored);
        cck_re_free(t[i].digit);
    }
}

/* The leftmost match at or after from over text[0, end): through the
 * unanchored pattern (*s, *e) and through the prefilter (*ps, *pe), each
 * -1 when there is none. */
static void both(cck_matcher *m, const twin *tw, const char *text, size_t end, size_t from,
                 size_t *s, size_t *e, size_t *ps, size_t *pe)
{
    *s = *e = *ps = *pe = (size_t)-1;
    if (cck_re_match(m, tw->plain, text, end, from, 0) == 1) {
        *s = cck_re_group_start(m, 0);
        *e = cck_re_group_end(m, 0);
    }
    cck_scan sc = {NULL, NULL, text, from, end, m, NULL, NULL, NULL, NULL};
    if (cck_ext_match_cands(&sc, tw->anchored, tw->digit, from, tw->p->family) == 1) {
        *ps = cck_re_group_start(m, 0);
        *pe = cck_re_group_end(m, 0);
    }
}

/* The index of text[start, end) lists, for every family, exactly the
 * positions its own scanner offers one after the other. */
static void index_agrees(cck_pf_index *x, const char *text, size_t start, size_t end)
{
    cck_pf_index_unit(x, text, start, end);
    for (int f = 0; f < CCK_PF_N; f++) {
        size_t k = 0;
        for (size_t p = cck_pf_scanners[f](text, start, end); p < end;
             p = cck_pf_scanners[f](text, p + 1, end), k++) {
            CU_ASSERT_FATAL(k < x->l[f].n);
            if (x->l[f].v[k] != p)
                fprintf(stderr, "\n  family %d in \"%.*s\": index %zu, scanner %zu\n", f, (int)(end - start),
                        text + start, x->l[f].v[k], p);
            CU_ASSERT_EQUAL(x->l[f].v[k], p);
            CU_ASSERT_EQUAL(cck_pf_index_next(x, f, p), p);
        }
        CU_ASSERT_EQUAL(k, x->l[f].n);
        CU_ASSERT_EQUAL(cck_pf_index_next(x, f, end), end);
    }
}

/* From every character boundary of text: the same leftmost match.
 * Returns how many offsets found a match (so a case shows it is used). */
static size_t same_from_every_offset(cck_matcher *m, const twin *tw, const char *text, size_t len)
{
    size_t hits = 0;
    for (size_t from = 0; from < len; from++) {
        if (((unsigned char)text[from] & 0xC0) == 0x80)
            continue;
        size_t s, e, ps, pe;
        both(m, tw, text, len, from, &s, &e, &ps, &pe);
        if (s != ps || e != pe)
            fprintf(stderr, "\n  %s: \"%s\" from %zu: pattern [%zu,%zu) prefilter [%zu,%zu)\n",
                    tw->p->name, text, from, s, e, ps, pe);
        CU_ASSERT_EQUAL(s, ps);
        CU_ASSERT_EQUAL(e, pe);
        hits += s != (size_t)-1;
    }
    return hits;
}

/* Words and phrases each pattern can start with; each is tried alone,
 * as written, lowercased and uppercased, after each of BEFORE and before
 * one of AFTER. */
static const char *const WORDS[] = {
    /* dates */
    "January 1950", "February 1950", "March 1950", "April 1950", "May 1950", "June 1950",
    "July 1950", "August 1950", "September 1950", "October 1950", "November 1950",
    "December 1950", "Jan 1950", "Feb. 1950", "Mar 1950", "Apr. 1950", "Jun 1950", "Jul 1950",
    "Aug. 1950", "Sep 1950", "Sept. 1950", "Oct 1950", "Nov. 1950", "Dec 1950", "6 May 1950",
    "May 6, 1950", "December 9 to 24, 1950", "9-24 December 1950", "May to July 1950",
    "early 1950", "mid-1950s", "late 1950s", "Early March 1950", "late-August", "mid August",
    "spring 1950", "summer of 1950", "autumn 1950", "fall 1950", "winter 1950", "late winter 1950",
    "early-to-mid 1950s", "the 12th century", "mid-19th century", "1950s", "1950's", "'50s",
    "\xe2\x80\x99" "50s", "50s", "1950-05-06", "1950", "2100", "1950\xc2\xa0" "May",
    "6\xc2\xa0May 1950", "6th\xe2\x80\x93" "9th May 1950", "1st May 1950",
    /* digits the date prefilter now refuses, beside those it must not */
    "9 to 24 December 1950", "9 to 24", "12  \xc2\xa0 June 1950", "6 \xc2\xa0Sept. 1950",
    "3000-05-06", "3000", "2101", "2100s", "2099", "2000s", "0950", "9 km", "9 Vinalon",
    "12 \xc2\xb0" "C", "12 per cent", "12\xc2\xa0" "x", "12 June", "12 june 1950", "9\xc2 May",
    "1 October 1950", "2 November 1950", "3 April 1950", "4 February 1950", "7 Dec 1950",
    /* one-letter figure words and fraction numbers, before what they need or not */
    "a lot", "a  hundred", "a\tmillion", "A billion", "a\nthousand", "A$5", "A $5", "C$ 5", "S $5",
    "s$5", "c $5", "U.S. $5", "u.s.$5", "a third", "a-quarter", "one fifth", "two-thirds", "three halves",
    "one half", "a half", "one-half", "a\xc2\xa0half", "one day", "a\xc2\xa0hundred",
    /* words that only begin like a date word */
    "Marching 1950", "earlier 1950", "windows 1950", "falling 1950", "Mayor 1950", "Junes 1950",
    "midst 1950", "lately 1950", "Augusta 1950", "Decembers 1950", "Sep. 1950", "mid 1950",
    /* figures */
    "12", "1,234", "3.5", ".5", "-5", "-.5", "\xe2\x88\x92" "5", "$5", "\\$5", "US$5", "US $5",
    "A$5", "C$ 5", "HK$5", "NZ$5", "S$5", "U.S.$5", "u.s. $5", "USD 5", "EUR5", "GBP 5", "KRW 5",
    "KPW 5", "CNY 5", "JPY 5", "\xe2\x82\xac" "5", "\xc2\xa3" "5", "\xc2\xa5" "5", "\xe2\x82\xa9" "5",
    "a dozen", "dozen", "a hundred", "twenty-one", "thirty two", "forty", "fifty", "sixty",
    "seventy", "eighty", "ninety", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen",
    "sixteen", "seventeen", "eighteen", "nineteen", "one", "two", "three", "four", "five", "six",
    "seven", "eight", "nine",
    /* ranks */
    "first largest", "second-biggest", "third busiest city", "fourth highest", "fifth largest",
    "sixth", "seventh largest", "eighth largest", "ninth largest", "tenth largest",
    "eleventh largest", "twelfth largest", "thirteenth largest", "fourteenth largest",
    "fifteenth largest", "twentieth largest", "2nd largest", "21st-largest", "3rd city",
    "114th largest", "5th year of King Sejong", "first and second largest", "ranked fifth",
    "ranks 12th", "ranking as the third", "the No. 1 weapon", "The No.2",
    /* fractions, unit-long */
    "a third of", "two-thirds of", "one quarter of", "three fifths of", "half of", "a half of",
    "one-half of", "less than a quarter", "kilometre-long", "kilometer-wide", "km-long",
    "mile-high", "metre-deep", "meter-tall", "foot-long",
};

/* what stands before and after a word */
static const char *const BEFORE[] = {"", " ", "x", "9", "_", "(", "\xc3\xa9", "\xe2\x80\x99", "-", "$", "."};
static const char *const AFTER[] = {"", " ", "x", "9", ".", ",", "\xc3\xa9", "\xc2\xa0", "%"};

static void recase(char *s, int how)
{
    for (; *s; s++) {
        if (how == 1 && *s >= 'A' && *s <= 'Z')
            *s = (char)(*s + 32);
        else if (how == 2 && *s >= 'a' && *s <= 'z')
            *s = (char)(*s - 32);
    }
}

static void test_prefilters_agree_on_every_start_word(void)
{
    twin tw[16];
    size_t nt = load_twins(tw, 16);
    CU_ASSERT_FATAL(nt >= 7);
    cck_matcher *m = cck_matcher_new();
    size_t *hits = calloc(nt, sizeof *hits);
    cck_pf_index x;
    memset(&x, 0, sizeof x);
    /* all of it initialised: the JIT's vector loads may read past a
     * subject's end, as cck_source_load() allows for with a zeroed tail
     * (results unaffected, but valgrind would see them) */
    char buf[256];
    memset(buf, 0, sizeof buf);
    for (size_t w = 0; w < sizeof WORDS / sizeof *WORDS; w++)
        for (int how = 0; how < 3; how++)
            for (size_t k = 0; k < sizeof BEFORE / sizeof *BEFORE; k++) {
                    /* each byte before once, with the bytes after in turn */
                    size_t b = k, a = (k + w + (size_t)how) % (sizeof AFTER / sizeof *AFTER);
                    char word[128];
                    snprintf(word, sizeof word, "%s", WORDS[w]);
                    recase(word, how);
                    int n = snprintf(buf, sizeof buf, "%s%s%s", BEFORE[b], word, AFTER[a]);
                    for (size_t t = 0; t < nt; t++)
                        hits[t] += same_from_every_offset(m, &tw[t], buf, (size_t)n);
                    /* from the start and from inside the text */
                    index_agrees(&x, buf, 0, (size_t)n);
                    index_agrees(&x, buf, (size_t)n / 2, (size_t)n);
                }
    /* every pattern found something in the table: the cases are used */
    for (size_t t = 0; t < nt; t++) {
        if (!hits[t])
            fprintf(stderr, "\n  %s never matched\n", tw[t].p->name);
        CU_ASSERT(hits[t] > 0);
    }
    free(hits);
    cck_pf_index_free(&x);
    cck_matcher_free(m);
    free_twins(tw, nt);
}

/* Words of each kind as written: the pattern matches there and the
 * prefilter offers that very position first. */
static void test_prefilters_offer_each_word_first(void)
{
    static const struct {
        const char *name, *text;
        size_t at;
    } cases[] = {
        {"date", "xx May 1950", 3},        {"date", "mid-1950s", 0},     {"date", "Fall 1950", 0},
        {"date", "(\xe2\x80\x99" "50s)", 1}, {"date", "in 1950.", 3},  {"date", "WINTER 1950", 0},
        {"figure", "ab twenty", 3},        {"figure", "\xc2\xa3" "5", 0}, {"figure", "x US$5", 2},
        {"rank", "the 21st-largest", 4},   {"rank", "_first largest", 1}, {"ranked", "it Ranked fifth", 3},
        {"no1", "the No. 1 gun", 4},       {"frac", "5half of", 1},      {"unitlong", "a km-long", 2},
    };
    twin tw[16];
    size_t nt = load_twins(tw, 16);
    cck_matcher *m = cck_matcher_new();
    for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
        const twin *t = NULL;
        for (size_t i = 0; i < nt; i++)
            if (!strcmp(tw[i].p->name, cases[c].name))
                t = &tw[i];
        CU_ASSERT_PTR_NOT_NULL_FATAL(t);
        size_t len = strlen(cases[c].text);
        char text[128] = {0}; /* a zeroed tail, as for the buffer above */
        memcpy(text, cases[c].text, len);
        CU_ASSERT_EQUAL(cck_pf_scanners[t->p->family](text, 0, len), cases[c].at);
        CU_ASSERT_EQUAL_FATAL(cck_re_match(m, t->anchored, text, len, cases[c].at, 0), 1);
        size_t s = cck_re_group_start(m, 0), e = cck_re_group_end(m, 0);
        /* the unanchored pattern finds that match first ("ranked" keeps
         * only the ordinal, \K) */
        CU_ASSERT_EQUAL_FATAL(cck_re_match(m, t->plain, text, len, 0, 0), 1);
        CU_ASSERT_EQUAL(cck_re_group_start(m, 0), s);
        CU_ASSERT_EQUAL(cck_re_group_end(m, 0), e);
    }
    /* nothing to offer: common words that start no pattern */
    CU_ASSERT_EQUAL(cck_pf_date("may the market decline", 0, 22), 22);
    CU_ASSERT_EQUAL(cck_pf_date("a 123 or 12345 or 2,5", 0, 21), 21);
    CU_ASSERT_EQUAL(cck_pf_figure("the others", 0, 10), 10);
    /* a list word's first letter and length, not the word; then the word */
    CU_ASSERT_EQUAL(cck_pf_figure("Tin owe sox Twelfe TWELVE", 0, 25), 19);
    CU_ASSERT_EQUAL(cck_pf_rank("fifty seconds Fifths FIFTH", 0, 26), 21);
    CU_ASSERT_EQUAL(cck_pf_frac("thrie halt THREE-quarters", 0, 25), 11);
    /* one letter, or a fraction's number, only before what its pattern needs */
    CU_ASSERT_EQUAL(cck_pf_frac("a lot, one day, two", 0, 19), 19);
    CU_ASSERT_EQUAL(cck_pf_frac("a lot, one half", 0, 15), 7);
    CU_ASSERT_EQUAL(cck_pf_figure("a lot, c or s, C or S", 0, 21), 21);
    CU_ASSERT_EQUAL(cck_pf_figure("a lot A\tHundred", 0, 16), 6);
    CU_ASSERT_EQUAL(cck_pf_figure("pay C $5", 0, 8), 4);
    CU_ASSERT_EQUAL(cck_pf_figure("pay u.s. $5", 0, 11), 4);
    CU_ASSERT_EQUAL(cck_pf_unitlong("kn-long mild-long MILE-long", 0, 27), 18);
    cck_matcher_free(m);
    free_twins(tw, nt);
}

/* Whole files: the global match loop of each pattern gives the same
 * sequence of matches both ways. */
static void test_prefilters_agree_over_files(void)
{
    static const char *const files[] = {"examples/encyclopedia.txt", "examples/analyst-report.txt",
                                        "examples/history-notes.txt", "examples/travel-blog.txt",
                                        "examples/city-guide.html", "examples/wiki-export.xml"};
    twin tw[16];
    size_t nt = load_twins(tw, 16);
    cck_matcher *m = cck_matcher_new();
    size_t matches[16] = {0};
    cck_pf_index x;
    memset(&x, 0, sizeof x);
    for (size_t f = 0; f < sizeof files / sizeof *files; f++) {
        size_t len;
        char *file = cck_test_slurp(files[f], &len);
        CU_ASSERT_FATAL(len > 1000);
        /* with a zeroed tail, as cck_source_load() reads a file: the JIT's
         * vector loads may read past the subject's end */
        char *text = calloc(len + 64, 1);
        CU_ASSERT_PTR_NOT_NULL_FATAL(text);
        memcpy(text, file, len);
        free(file);
        index_agrees(&x, text, 0, len);
        /* and line by line, as units are */
        for (size_t s = 0, e; s < len; s = e + 1) {
            for (e = s; e < len && text[e] != '\n'; e++)
                ;
            index_agrees(&x, text, s, e);
        }
        for (size_t t = 0; t < nt; t++) {
            size_t from = 0;
            while (from < len) {
                size_t s, e, ps, pe;
                both(m, &tw[t], text, len, from, &s, &e, &ps, &pe);
                CU_ASSERT_EQUAL(s, ps);
                CU_ASSERT_EQUAL(e, pe);
                if (s == (size_t)-1 || s != ps || e != pe)
                    break;
                matches[t]++;
                from = e > from ? e : from + 1;
            }
        }
        free(text);
    }
    for (size_t t = 0; t < nt; t++)
        if (!strcmp(tw[t].p->name, "figure") || !strcmp(tw[t].p->name, "date"))
            CU_ASSERT(matches[t] > 50);
    cck_pf_index_free(&x);
    cck_matcher_free(m);
    free_twins(tw, nt);
}

void cck_suite_prefilter(void)
{
    static CU_TestInfo tests[] = {
        {"prefilters agree with their patterns on every start word", test_prefilters_agree_on_every_start_word},
        {"prefilters offer each word first", test_prefilters_offer_each_word_first},
        {"prefilters agree with their patterns over whole files", test_prefilters_agree_over_files},
        CU_TEST_INFO_NULL,
    };
    CCK_ADD_SUITE("prefilter", tests);
}
