/* date.c: the dates family. One PCRE2 pattern finds a date "atom" (full
 * date, month + year, decade, century, season, qualified year, bare year);
 * C code then joins two atoms into a range ("1955 to 1962", "1955-62",
 * "between ... and ...") and takes in the prefix words that belong to a
 * date's span. Conventions, after the answer key's majority: "since X",
 * "before X", "after X", "until X" are in the span with no flags; "since at least X"
 * and "by X" are approx with an upper bound; "from" stays out of a range's
 * span ("from [1955 to 1962]") except in "from 2016 onward"; early/mid/late
 * take decades 0-2/4-6/7-9, centuries 0-29/30-69/70-99, months of a year
 * 1-4/5-8/9-12, days of a month 1-10/11-20/21-end; all are approx. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdio.h>
#include <string.h>

#include "extract.h"
#include "reldate.h"

/* ---- patterns ---------------------------------------------------------- */

#define SP "(?:\\x20|\\x{a0}){1,8}"
#define QUAL "((?i:early|mid|late))"
#define YEAR "(?:1[0-9]{3}|20[0-9]{2}|2100)"
#define MONTH                                                                 \
    "(?:January|February|March|April|May|June|July|August|September|"      \
    "October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|"   \
    "Nov|Dec)\\.?(?![a-z]))"
#define ORD "(?:st|nd|rd|th)?"
#define QRANGE "(?:" QUAL "(?:[-\\x20]to[-\\x20]" QUAL ")?[-\\x20])?"
#define OF "(?:" SP "of)?" /* "April of 1987", "26th June of 2020" */
#define DATE_END "(?![\\w%\\x{b0}\\x{2032}]|[.,][0-9])"

/* Capture groups of ATOM, one block per alternative (the type is the
 * first block whose anchor group took part). */
enum {
    G_ISO = 1,      /* 1 y, 2 m, 3 d */
    G_DMY = 4,      /* 4 d, 5 month, 6 y */
    G_MDY = 7,      /* 7 month, 8 d, 9 y */
    G_MD = 10,      /* 10 month, 11 d: only as the start of "December 9 to 24, 1950" */
    G_QMY = 12,     /* 12 qual?, 13 month, 14 y */
    G_QM = 15,      /* 15 qual, 16 month: no year ("by late August") */
    G_CENT = 17,    /* 17 qual?, 18 qual2?, 19 N */
    G_DEC4 = 20,    /* 20 qual?, 21 qual2?, 22 decade "1950" */
    G_DEC2 = 23,    /* 23 qual?, 24 qual2?, 25 decade "50" */
    G_QY = 26,      /* 26 qual, 27 y */
    G_Y = 28,       /* 28 y */
    G_SEASON = 29,  /* 29 qual?, 30 season, 31 y */
    G_DDMY = 32,    /* 32 d1, 33 d2, 34 month, 35 y: "9-24 December 1950" */
    G_MMY = 36      /* 36 month1, 37 month2, 38 y: "May to July 1950" */
};

/* L stands before each alternative that needs a letter first: "" in
 * ATOM; "(?!)" in ATOM_DIGIT, the same pattern (same groups) for a match
 * that starts at a digit, where those alternatives cannot match and now
 * fail at once instead of trying every month name. */
#define ATOM_X(L)                                                             \
    "(?:([0-9]{4})-([0-9]{2})-([0-9]{2})"                                    \
    "|([0-9]{1,2})" ORD SP "(" MONTH ")" ",?" OF SP "(" YEAR ")"             \
    "|" L "(" MONTH ")" SP "([0-9]{1,2})" ORD ",?" OF SP "(" YEAR ")"       \
    "|" L "(" MONTH ")" SP "([0-9]{1,2})" ORD                                \
    "(?=(?:\\x20)?(?:to|\\x{2013}|\\x{2014}|-)(?:\\x20)?(?:" MONTH SP ")?[0-9]{1,2}" ORD ",?" SP YEAR ")" \
    "|" L "(?:" QUAL "[-\\x20])?(" MONTH ")" ",?" OF SP "(" YEAR ")"          \
    "|" L QUAL "[-\\x20](" MONTH ")"                                         \
    "|" QRANGE "([0-9]{1,2})(?:st|nd|rd|th)[-\\x20](?i:century)"             \
    "|" QRANGE "((?:1[0-9]|20)[0-9]0)(?:s|['\\x{2019}]s)"                                      \
    "|" QRANGE "['\\x{2019}]?([1-9]0)s"                                      \
    "|" L QUAL "[-\\x20](" YEAR ")"                                          \
    "|(" YEAR ")"                                                            \
    "|" L "(?:" QUAL "[-\\x20])?((?i:spring|summer|autumn|fall|winter))"     \
    "(?:\\x20of)?" SP "(" YEAR ")"                                             \
    "|([0-9]{1,2})" ORD "(?:\\x{2013}|-|\\x20to\\x20)([0-9]{1,2})" ORD SP "(" MONTH ")" \
    ",?" SP "(" YEAR ")"                                                     \
    "|" L "(" MONTH ")(?:\\x{2013}|-|\\x20to\\x20)(" MONTH ")" ",?" SP "(" YEAR "))" DATE_END
#define ATOM ATOM_X("")

#define FIND_BEHIND "(?<![\\w$\\x{a3}\\x{20ac}\\x{a5}\\x{2212}])(?<![0-9][.,/-])"
#define ATOM_FIND FIND_BEHIND ATOM
#define ATOM_FIND_DIGIT FIND_BEHIND ATOM_X("(?!)")
#define ATOM_AT "\\G" ATOM
/* between two atoms: a dash (spaced or not) or a linking word */
#define CONN_AT                                                               \
    "\\G(?:((?:\\x20)?[-\\x{2013}\\x{2014}\\x{2012}~](?:\\x20)?)"             \
    "|\\x20(to|and|until|through|till)\\x20(?:the\\x20)?)"
#define SHORT_AT "\\G([0-9]{2})" DATE_END
#define DAYYEAR_AT "\\G([0-9]{1,2})" ORD ",?" SP "(" YEAR ")" DATE_END
#define ONWARD_AT "\\G\\x20(?:onwards?|on)(?!\\w)"

/* re_find is ATOM_FIND anchored: it runs only where cck_pf_date() says a
 * date could start (one unanchored scan of the pattern tried nearly every
 * letter, the costliest scan of extraction) */
static cck_re *re_find, *re_find_digit, *re_at, *re_conn, *re_short, *re_dayyear, *re_onward;

static const cck_pf_pattern PREFILTERED[] = {{"date", ATOM_FIND, 0, CCK_PF_DATE, ATOM_FIND_DIGIT}};

size_t cck_ext_dates_prefiltered(const cck_pf_pattern **out)
{
    *out = PREFILTERED;
    return sizeof PREFILTERED / sizeof *PREFILTERED;
}

cck_status cck_ext_dates_init(char *err, size_t errlen)
{
    struct {
        cck_re **re;
        const char *pat;
        uint32_t opt;
    } pats[] = {{&re_find, ATOM_FIND, PCRE2_ANCHORED}, {&re_find_digit, ATOM_FIND_DIGIT, PCRE2_ANCHORED},
                {&re_at, ATOM_AT, 0},
                {&re_conn, CONN_AT, 0},                {&re_short, SHORT_AT, 0},
                {&re_dayyear, DAYYEAR_AT, 0},          {&re_onward, ONWARD_AT, 0}};
    for (size_t i = 0; i < sizeof pats / sizeof pats[0]; i++) {
        if (*pats[i].re)
            continue;
        *pats[i].re = cck_re_compile(pats[i].pat, pats[i].opt, err, errlen);
        if (!*pats[i].re) {
            cck_ext_dates_cleanup();
            return CCK_ERR_INPUT;
        }
    }
    return CCK_OK;
}

void cck_ext_dates_cleanup(void)
{
    cck_re **all[] = {&re_find, &re_find_digit, &re_at, &re_conn, &re_short, &re_dayyear, &re_onward};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
        cck_re_free(*all[i]);
        *all[i] = NULL;
    }
}

/* ---- atoms ------------------------------------------------------------- */

enum { GRAN_YEAR, GRAN_MONTH, GRAN_DAY };
enum { Q_NONE, Q_EARLY, Q_MID, Q_LATE };
enum { T_NONE, T_FULL, T_MONTHYEAR, T_MD, T_QM, T_PERIOD, T_YEAR };

typedef struct {
    int type;
    size_t s, e;
    int ly, lm, ld, lg; /* low end: year, month, day, granularity */
    int hy, hm, hd, hg; /* high end */
    bool approx;
    bool period;        /* a decade, century or qualified year */
    bool range;         /* written as a range inside one atom */
    bool weak;          /* "50s" with nothing saying it is a decade */
} atom;

static bool has(const cck_matcher *m, unsigned g)
{
    return cck_re_group_start(m, g) != (size_t)-1;
}

static int num(const cck_matcher *m, const char *t, unsigned g)
{
    size_t s = cck_re_group_start(m, g), e = cck_re_group_end(m, g);
    int v = 0;
    for (size_t i = s; i < e && i - s < 6; i++)
        v = v * 10 + (t[i] - '0');
    return v;
}

static int month_of(const cck_matcher *m, const char *t, unsigned g)
{
    static const char names[] = "janfebmaraprmayjunjulaugsepoctnovdec";
    const char *p = t + cck_re_group_start(m, g);
    char k[3] = {(char)(p[0] | 0x20), (char)(p[1] | 0x20), (char)(p[2] | 0x20)};
    for (int i = 0; i < 12; i++)
        if (memcmp(names + 3 * i, k, 3) == 0)
            return i + 1;
    return 0;
}

static int qual_of(const cck_matcher *m, const char *t, unsigned g)
{
    if (!has(m, g))
        return Q_NONE;
    switch (t[cck_re_group_start(m, g)] | 0x20) {
    case 'e': return Q_EARLY;
    case 'm': return Q_MID;
    default: return Q_LATE;
    }
}

static int days_in(int y, int mo)
{
    static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (mo == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return d[mo - 1];
}

static void set_lo(atom *a, int y, int mo, int d, int g)
{
    a->ly = y, a->lm = mo, a->ld = d, a->lg = g;
}

static void set_hi(atom *a, int y, int mo, int d, int g)
{
    a->hy = y, a->hm = mo, a->hd = d, a->hg = g;
}

/* Parts of a span qualified early/mid/late: [first, last] of `size` parts,
 * e.g. decades (size 10): early 0-2, mid 4-6, late 7-9. */
static void qual_span(int q1, int q2, const int tab[4][2], int *first, int *last)
{
    if (q1 == Q_NONE) {
        *first = tab[0][0], *last = tab[0][1];
        return;
    }
    *first = tab[q1][0];
    *last = tab[q2 == Q_NONE ? q1 : q2][1];
}

static const int DECADE_Q[4][2] = {{0, 9}, {0, 2}, {4, 6}, {7, 9}};
static const int CENTURY_Q[4][2] = {{0, 99}, {0, 29}, {30, 69}, {70, 99}};
static const int YEAR_Q[4][2] = {{1, 12}, {1, 4}, {5, 8}, {9, 12}};

static void month_qual(atom *a, int y, int mo, int q)
{
    int first = q == Q_EARLY ? 1 : q == Q_MID ? 11 : 21;
    int last = q == Q_EARLY ? 10 : q == Q_MID ? 20 : days_in(y, mo);
    set_lo(a, y, mo, first, GRAN_DAY);
    set_hi(a, y, mo, last, GRAN_DAY);
    a->approx = true;
}

static bool valid_day(int y, int mo, int d)
{
    return y >= 1000 && y <= 2100 && mo >= 1 && mo <= 12 && d >= 1 && d <= days_in(y, mo);
}

/* Reads the atom the last match of re_find/re_at found; type T_NONE when
 * the text is not a valid date (31 February, month 13). */
static void read_atom(const cck_matcher *m, const char *t, atom *a)
{
    memset(a, 0, sizeof *a);
    a->s = cck_re_group_start(m, 0);
    a->e = cck_re_group_end(m, 0);
    int y, mo, d, first, last;
    if (has(m, G_ISO)) {
        y = num(m, t, G_ISO), mo = num(m, t, G_ISO + 1), d = num(m, t, G_ISO + 2);
        if (!valid_day(y, mo, d))
            return;
        set_lo(a, y, mo, d, GRAN_DAY);
        set_hi(a, y, mo, d, GRAN_DAY);
        a->type = T_FULL;
    } else if (has(m, G_DMY) || has(m, G_MDY)) {
        bool dmy = has(m, G_DMY);
        d = num(m, t, dmy ? G_DMY : G_MDY + 1);
        mo = month_of(m, t, dmy ? G_DMY + 1 : G_MDY);
        y = num(m, t, dmy ? G_DMY + 2 : G_MDY + 2);
        if (!valid_day(y, mo, d))
            return;
        set_lo(a, y, mo, d, GRAN_DAY);
        set_hi(a, y, mo, d, GRAN_DAY);
        a->type = T_FULL;
    } else if (has(m, G_MD)) {
        mo = month_of(m, t, G_MD), d = num(m, t, G_MD + 1);
        if (d < 1 || d > 31)
            return;
        set_lo(a, 0, mo, d, GRAN_DAY);
        a->type = T_MD;
    } else if (has(m, G_QMY + 1)) {
        mo = month_of(m, t, G_QMY + 1), y = num(m, t, G_QMY + 2);
        int q = qual_of(m, t, G_QMY);
        if (q != Q_NONE) {
            month_qual(a, y, mo, q);
        } else {
            set_lo(a, y, mo, 0, GRAN_MONTH);
            set_hi(a, y, mo, 0, GRAN_MONTH);
        }
        a->type = T_MONTHYEAR;
    } else if (has(m, G_QM)) {
        a->lm = month_of(m, t, G_QM + 1);
        a->ld = qual_of(m, t, G_QM); /* year unknown: resolved by the caller */
        a->type = T_QM;
    } else if (has(m, G_CENT + 2)) {
        int n = num(m, t, G_CENT + 2);
        if (n < 1 || n > 21)
            return;
        int q1 = qual_of(m, t, G_CENT), q2 = qual_of(m, t, G_CENT + 1);
        qual_span(q1, q2, CENTURY_Q, &first, &last);
        set_lo(a, (n - 1) * 100 + first, 0, 0, GRAN_YEAR);
        set_hi(a, (n - 1) * 100 + last, 0, 0, GRAN_YEAR);
        a->approx = q1 != Q_NONE;
        a->type = T_PERIOD;
    } else if (has(m, G_DEC4 + 2) || has(m, G_DEC2 + 2)) {
        unsigned g = has(m, G_DEC4 + 2) ? G_DEC4 : G_DEC2;
        int base = num(m, t, g + 2);
        if (g == G_DEC2)
            base += 1900;
        int q1 = qual_of(m, t, g), q2 = qual_of(m, t, g + 1);
        /* "the 1800s" is a century; "the 2000s" and "the 1950s" are decades */
        if (base % 100 == 0 && base < 2000)
            qual_span(q1, q2, CENTURY_Q, &first, &last);
        else
            qual_span(q1, q2, DECADE_Q, &first, &last);
        set_lo(a, base + first, 0, 0, GRAN_YEAR);
        set_hi(a, base + last, 0, 0, GRAN_YEAR);
        a->approx = q1 != Q_NONE;
        a->type = T_PERIOD;
        if (g == G_DEC2) {
            /* "50s" alone is as often an age ("in their 50s"): need a
             * qualifier, an apostrophe or "the" before it */
            bool ok = q1 != Q_NONE || t[a->s] == '\'' || (unsigned char)t[a->s] == 0xE2;
            if (!ok && a->s >= 4 && (t[a->s - 4] == 't' || t[a->s - 4] == 'T') &&
                memcmp(t + a->s - 3, "he ", 3) == 0 &&
                (a->s == 4 || !((t[a->s - 5] | 0x20) >= 'a' && (t[a->s - 5] | 0x20) <= 'z')))
                ok = true;
            a->weak = !ok;
        }
    } else if (has(m, G_QY + 1)) {
        y = num(m, t, G_QY + 1);
        qual_span(qual_of(m, t, G_QY), Q_NONE, YEAR_Q, &first, &last);
        set_lo(a, y, first, 0, GRAN_MONTH);
        set_hi(a, y, last, 0, GRAN_MONTH);
        a->approx = true;
        a->type = T_PERIOD;
    } else if (has(m, G_DDMY)) {
        int d1 = num(m, t, G_DDMY), d2 = num(m, t, G_DDMY + 1);
        mo = month_of(m, t, G_DDMY + 2), y = num(m, t, G_DDMY + 3);
        if (!valid_day(y, mo, d1) || !valid_day(y, mo, d2) || d2 <= d1)
            return;
        set_lo(a, y, mo, d1, GRAN_DAY);
        set_hi(a, y, mo, d2, GRAN_DAY);
        a->type = T_FULL;
        a->range = true;
    } else if (has(m, G_MMY)) {
        int m1 = month_of(m, t, G_MMY), m2 = month_of(m, t, G_MMY + 1);
        y = num(m, t, G_MMY + 2);
        if (m2 <= m1)
            return;
        set_lo(a, y, m1, 0, GRAN_MONTH);
        set_hi(a, y, m2, 0, GRAN_MONTH);
        a->type = T_MONTHYEAR;
        a->range = true;
    } else if (has(m, G_SEASON + 1)) {
        /* spring 3-5, summer 6-8, autumn 9-11, winter 12 to 2 of the next year */
        y = num(m, t, G_SEASON + 2);
        char c = (char)(t[cck_re_group_start(m, G_SEASON + 1)] | 0x20);
        first = c == 's' ? (t[cck_re_group_start(m, G_SEASON + 1) + 1] == 'p' ? 3 : 6)
                    : c == 'w' ? 12 : 9;
        set_lo(a, y, first, 0, GRAN_MONTH);
        if (first == 12)
            set_hi(a, y + 1, 2, 0, GRAN_MONTH);
        else
            set_hi(a, y, first + 2, 0, GRAN_MONTH);
        a->approx = true;
        a->type = T_PERIOD;
    } else if (has(m, G_Y)) {
        y = num(m, t, G_Y);
        set_lo(a, y, 0, 0, GRAN_YEAR);
        set_hi(a, y, 0, 0, GRAN_YEAR);
        a->type = T_YEAR;
    }
    a->period = a->type == T_PERIOD;
}

/* ---- context ----------------------------------------------------------- */

static bool is_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* The word ending just before pos (skipping one run of spaces), as
 * [*ws, pos'); false when there is none within lo. */
static bool word_before(const char *t, size_t lo, size_t pos, size_t *ws, size_t *we)
{
    size_t p = pos;
    while (p > lo && t[p - 1] == ' ')
        p--;
    if (p == pos || p == lo || !is_alpha(t[p - 1]))
        return false;
    size_t e = p;
    while (p > lo && is_alpha(t[p - 1]))
        p--;
    if (e - p > 16)
        return false;
    *ws = p, *we = e;
    return true;
}

static bool word_is_rest(const char *t, size_t s, size_t e, const char *w);

/* Inline: most calls end at the first byte (no strlen). */
static inline bool word_is(const char *t, size_t s, size_t e, const char *w)
{
    if (e > s && (t[s] | 0x20) != w[0])
        return false;
    return word_is_rest(t, s, e, w);
}

static bool word_is_rest(const char *t, size_t s, size_t e, const char *w)
{
    size_t n = strlen(w);
    if (e - s != n)
        return false;
    for (size_t i = 0; i < n; i++)
        if ((t[s + i] | 0x20) != w[i])
            return false;
    return true;
}

enum {
    P_NONE, P_SINCE, P_SINCE_LEAST, P_BY, P_BEFORE, P_UNTIL, P_BETWEEN, P_FROM,
    P_CIRCA,  /* circa, c., around, about: in the span, approx */
    P_HEDGE,  /* over, nearly, more than ...: a bare number after it is a count */
    P_LABEL   /* page, room, route, no. ...: a number after it is a label */
};

static const char *const LABELS[] = {
    "page", "pages", "p", "pp", "room", "highway", "route", "road", "no", "nos", "number",
    "flight", "model", "unit", "suite", "platform", "gate", "bus", "code", "isbn", "tel",
    "phone", "channel", "exit", "apartment", "apt", "section", "article", "art", "chapter",
    "ch", "vol", "volume", "issue", "issn", "item", "lot", "box", "pop", "km", "mile",
    "rank", "ranked", "locomotive", "hull", "serial", "ward", "district", "stop", "track",
    "opus", "op", "fig", "figure", "table", "elevation", "altitude", "height"};

/* The word ending just before pos, ignoring spaces and one '.' ("pp. ",
 * "c."), as [*ws, *we). */
static bool dotted_word_before(const char *t, size_t lo, size_t pos, size_t *ws, size_t *we)
{
    size_t p = pos;
    while (p > lo && t[p - 1] == ' ')
        p--;
    if (p == lo || t[p - 1] != '.')
        return false;
    p--;
    size_t e = p;
    while (p > lo && is_alpha(t[p - 1]))
        p--;
    if (p == e || e - p > 12 || (p > lo && is_alpha(t[p - 1])))
        return false;
    *ws = p, *we = e;
    return true;
}

/* The prefix word(s) standing before a date at s; *ps is where they start. */
static int prefix_of(const char *t, size_t lo, size_t s, size_t *ps)
{
    size_t a, b;
    if (dotted_word_before(t, lo, s, &a, &b)) {
        if (word_is(t, a, b, "c") || word_is(t, a, b, "ca")) {
            *ps = a;
            return P_CIRCA;
        }
        for (size_t i = 0; i < sizeof LABELS / sizeof LABELS[0]; i++)
            if (word_is(t, a, b, LABELS[i]))
                return P_LABEL;
        return P_NONE;
    }
    if (!word_before(t, lo, s, &a, &b))
        return P_NONE;
    *ps = a;
    size_t a2, b2, a3, b3;
    if (word_is(t, a, b, "the")) {
        if (!word_before(t, lo, a, &a2, &b2))
            return P_NONE;
        *ps = a2;
        if (word_is(t, a2, b2, "since"))
            return P_SINCE;
        if (word_is(t, a2, b2, "by"))
            return P_BY;
        return P_NONE;
    }
    if (word_is(t, a, b, "least") && word_before(t, lo, a, &a2, &b2) &&
        word_is(t, a2, b2, "at")) {
        if (word_before(t, lo, a2, &a3, &b3) && word_is(t, a3, b3, "since")) {
            *ps = a3;
            return P_SINCE_LEAST;
        }
        return P_HEDGE;
    }
    static const struct {
        const char *w;
        int p;
    } words[] = {{"since", P_SINCE},   {"by", P_BY},          {"before", P_BEFORE}, {"after", P_BEFORE},
                 {"until", P_UNTIL},   {"till", P_UNTIL},     {"between", P_BETWEEN},
                 {"from", P_FROM},     {"over", P_HEDGE},     {"nearly", P_HEDGE},
                 {"almost", P_HEDGE},  {"approximately", P_HEDGE}, {"roughly", P_HEDGE},
                 {"some", P_HEDGE},    {"than", P_HEDGE},     {"upwards", P_HEDGE},
                 {"estimated", P_HEDGE}, {"additional", P_HEDGE}, {"circa", P_CIRCA},
                 {"around", P_CIRCA},  {"about", P_CIRCA},    {"above", P_HEDGE},
                 {"below", P_HEDGE},   {"exceeding", P_HEDGE}, {"most", P_HEDGE},
                 {"maximum", P_HEDGE}, {"minimum", P_HEDGE}};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (word_is(t, a, b, words[i].w))
            return words[i].p;
    for (size_t i = 0; i < sizeof LABELS / sizeof LABELS[0]; i++)
        if (word_is(t, a, b, LABELS[i]))
            return P_LABEL;
    return P_NONE;
}

/* A bare 4-digit number followed by a counted noun or unit is a count. */
static bool counted_after(const char *t, size_t e, size_t end)
{
    static const char *const nouns[] = {
        "people", "persons", "person", "men", "women", "children", "soldiers", "troops",
        "workers", "employees", "residents", "inhabitants", "households", "families",
        "homes", "houses", "buildings", "units", "vehicles", "cars", "trucks", "buses",
        "ships", "vessels", "boats", "tonnes", "tons", "t", "kg", "km", "m", "mm", "cm",
        "metres", "meters", "kilometres", "kilometers", "miles", "mi", "feet", "ft",
        "acres", "hectares", "ha", "sq", "square", "students", "pupils", "members",
        "deaths", "dead", "casualties", "prisoners", "inmates", "victims", "refugees",
        "seats", "beds", "rooms", "patients", "cases", "dollars", "won", "yuan", "yen",
        "euros", "usd", "kw", "mw", "gw", "kwh", "mwh", "items", "copies", "pages",
        "times", "years", "months", "weeks", "days", "hours", "minutes", "seconds",
        "kilograms", "pounds", "lb", "lbs", "litres", "liters", "gallons", "barrels",
        "pieces", "head", "trees", "factories", "plants", "companies", "firms",
        "schools", "hospitals", "villages", "towns", "cities", "rounds", "shells",
        "bombs", "aircraft", "planes", "sorties", "tanks", "guns", "jobs", "votes",
        "km2", "sqm", "calories", "kcal", "mph", "rpm", "bbl", "others", "more", "bc", "bce"};
    size_t p = e;
    if (p < end && t[p] == ' ')
        p++;
    else
        return false;
    size_t s = p;
    while (p < end && p - s < 16 && ((t[p] >= 'a' && t[p] <= 'z') || (t[p] >= '0' && t[p] <= '9')))
        p++;
    if (p == s || (p < end && is_alpha(t[p])))
        return false;
    for (size_t i = 0; i < sizeof nouns / sizeof nouns[0]; i++)
        if (word_is(t, s, p, nouns[i]))
            return true;
    return false;
}

/* The date ending at e is used as an adjective: a lowercase word other
 * than a function word follows ("the 1994-1998 famine"). */
static bool attributive(const char *t, size_t e, size_t end)
{
    static const char *const func[] = {
        "a", "after", "already", "amid", "an", "and", "as", "at", "because", "before",
        "but", "despite", "due", "during", "for", "from", "had", "has", "have", "he",
        "in", "into", "is", "it", "its", "of", "on", "onward", "onwards", "or", "over",
        "she", "since", "so", "that", "the", "their", "there", "they", "this", "through",
        "to", "under", "until", "was", "we", "were", "when", "which", "while", "with",
        "would", "could", "will"};
    if (e >= end || t[e] != ' ')
        return false;
    size_t s = e + 1, p = s;
    while (p < end && p - s < 16 && t[p] >= 'a' && t[p] <= 'z')
        p++;
    if (p == s)
        return false;
    for (size_t i = 0; i < sizeof func / sizeof func[0]; i++)
        if (word_is(t, s, p, func[i]))
            return false;
    return true;
}

/* "1335–1408" in "Name (1335–1408)" or "Name (이성계; 1335–1408)" at the
 * head of a unit (a list of people) is a lifespan: a birth year and a
 * death year, two claims rather than a period. */
static bool lifespan(const char *t, size_t lo, size_t hi, const atom *a, const atom *b)
{
    int d = b->ly - a->ly;
    if (d < 15 || d > 110 || b->e >= hi || t[b->e] != ')')
        return false;
    size_t p = a->s, open = 0;
    bool semi = false;
    for (size_t q = p; q > lo && p - q < 80; q--) {
        if (t[q - 1] == ')')
            return false;
        if (t[q - 1] == ';')
            semi = true;
        if (t[q - 1] == '(') {
            open = q;
            break;
        }
    }
    if (!open || (open != p && !semi))
        return false;
    /* the name before "(" starts the unit (after a list bullet) */
    size_t u = lo;
    if (t[u] == '[') { /* a stray "[edit]" link glued before the bullet */
        while (u < open && t[u] != ']')
            u++;
        if (u < open)
            u++;
    }
    while (u < open && (t[u] == '-' || t[u] == '*' || t[u] == ' '))
        u++;
    return open - u <= 60 && u < open && t[u] >= 'A' && t[u] <= 'Z';
}

/* The year of the nearest 4-digit year written before pos (within 4000
 * bytes), for "by late August" in a narrative that named the year before. */
static int year_before(const char *t, size_t pos)
{
    size_t lo = pos > 4000 ? pos - 4000 : 0;
    for (size_t p = pos; p >= lo + 4; p--) {
        size_t s = p - 4;
        bool digits = true;
        for (size_t i = s; i < p && digits; i++)
            digits = t[i] >= '0' && t[i] <= '9';
        if (!digits)
            continue;
        if ((s > 0 && (t[s - 1] >= '0' && t[s - 1] <= '9')) || (t[p] >= '0' && t[p] <= '9'))
            continue;
        int y = (t[s] - '0') * 1000 + (t[s + 1] - '0') * 100 + (t[s + 2] - '0') * 10 + (t[s + 3] - '0');
        if (y >= 1000 && y <= 2100)
            return y;
    }
    return 0;
}

/* ---- output ------------------------------------------------------------ */

/* "%04u-%02u-%02u" at the granularity g, without snprintf (a cost on
 * every date). */
static void iso(char out[11], int y, int mo, int d, int g)
{
    unsigned uy = y < 0 ? 0u : y > 9999 ? 9999u : (unsigned)y;
    unsigned um = (unsigned)mo % 100u, ud = (unsigned)d % 100u;
    size_t n = 0;
    out[n++] = (char)('0' + uy / 1000), out[n++] = (char)('0' + uy / 100 % 10);
    out[n++] = (char)('0' + uy / 10 % 10), out[n++] = (char)('0' + uy % 10);
    if (g == GRAN_DAY || g == GRAN_MONTH)
        out[n++] = '-', out[n++] = (char)('0' + um / 10), out[n++] = (char)('0' + um % 10);
    if (g == GRAN_DAY)
        out[n++] = '-', out[n++] = (char)('0' + ud / 10), out[n++] = (char)('0' + ud % 10);
    out[n] = '\0';
}

static void push(cck_cands *out, size_t s, size_t e, const atom *lo, const atom *hi,
                 bool approx, cck_bound bound, int prio)
{
    cck_cand c;
    memset(&c, 0, sizeof c);
    c.claim.start = s;
    c.claim.end = e;
    c.claim.kind = CCK_KIND_DATE;
    cck_claim_set_unit(&c.claim, "");
    char text[CCK_DATE_TEXT];
    iso(text, lo->ly, lo->lm, lo->ld, lo->lg);
    cck_claim_set_date(&c.claim, false, text);
    iso(text, hi->hy, hi->hm, hi->hd, hi->hg);
    cck_claim_set_date(&c.claim, true, text);
    c.claim.approx = approx;
    c.claim.bound = bound;
    c.priority = prio;
    cck_cands_push(out, &c);
}

static long key_lo(const atom *a)
{
    return (long)a->ly * 10000 + a->lm * 100 + a->ld;
}

static long key_hi(const atom *a)
{
    return (long)a->hy * 10000 + (a->hg >= GRAN_MONTH ? a->hm : 12) * 100 +
           (a->hg == GRAN_DAY ? a->hd : 31);
}

/* Tries to read "<connector><atom>" at a->e; fills b and *conn ('-' for a
 * dash, 't' to/until/through, 'a' and; uppercase when spaced). */
static bool range_end(const cck_scan *sc, const atom *a, atom *b, char *conn)
{
    cck_matcher *m = sc->m;
    const char *t = sc->text;
    if (cck_ext_match(sc, re_conn, t, sc->end, a->e, 0) != 1)
        return false;
    size_t ce = cck_re_group_end(m, 0);
    bool dash = has(m, 1);
    bool spaced = dash && (t[cck_re_group_start(m, 1)] == ' ' || t[cck_re_group_end(m, 1) - 1] == ' ');
    if (dash)
        *conn = spaced ? 'D' : '-';
    else
        *conn = t[cck_re_group_start(m, 2)] == 'a' ? 'a' : 't';
    if (a->type == T_MD) {
        if (*conn == 'a')
            return false;
        if (cck_ext_match(sc, re_dayyear, t, sc->end, ce, 0) != 1) {
            /* "Nov 18-Dec 19, 2015": the second date names the year */
            if (cck_ext_match(sc, re_at, t, sc->end, ce, 0) != 1)
                return false;
            read_atom(m, t, b);
            if (b->type != T_FULL || b->range)
                return false;
            int y = a->lm > b->hm ? b->hy - 1 : b->hy;
            if (!valid_day(y, a->lm, a->ld) || (y == b->hy && a->lm == b->hm && a->ld >= b->hd))
                return false;
            b->ly = y; /* the caller copies the year into the start */
            return true;
        }
        int d = num(m, t, 1), y = num(m, t, 2);
        if (!valid_day(y, a->lm, a->ld) || !valid_day(y, a->lm, d) || d <= a->ld)
            return false;
        memset(b, 0, sizeof *b);
        b->s = ce, b->e = cck_re_group_end(m, 0);
        set_hi(b, y, a->lm, d, GRAN_DAY);
        b->ly = y; /* the caller copies the year into the start */
        b->type = T_FULL;
        return true;
    }
    if (*conn == '-' && a->type == T_YEAR &&
        cck_ext_match(sc, re_short, t, sc->end, ce, 0) == 1) {
        int yy = num(m, t, 1);
        if (yy > a->ly % 100) {
            memset(b, 0, sizeof *b);
            b->s = ce, b->e = cck_re_group_end(m, 0);
            set_hi(b, a->ly / 100 * 100 + yy, 0, 0, GRAN_YEAR);
            b->ly = b->hy;
            b->type = T_YEAR;
            return true;
        }
    }
    if (cck_ext_match(sc, re_at, t, sc->end, ce, 0) != 1)
        return false;
    read_atom(m, t, b);
    if (b->type == T_NONE || b->type == T_MD || b->type == T_QM)
        return false;
    if (b->weak) {
        /* "1960s-70s": the second decade takes the first one's century */
        if (!a->period || a->hy - a->ly != 9)
            return false;
        int shift = a->ly / 100 * 100 - 1900;
        b->ly += shift, b->hy += shift;
    }
    return key_hi(b) > key_lo(a) && b->hy - a->ly <= 1000;
}

/* A bare year inside a name: a capitalised word follows it, and "the" or
 * another capitalised word (not opening the sentence) stands before it. */
static bool in_name(const char *t, size_t lo, size_t hi, size_t s, size_t e)
{
    if (e + 2 > hi || t[e] != ' ' || !(t[e + 1] >= 'A' && t[e + 1] <= 'Z') ||
        !(t[e + 2] >= 'a' && t[e + 2] <= 'z'))
        return false;
    size_t a, b;
    if (!word_before(t, lo, s, &a, &b))
        return false;
    if (word_is(t, a, b, "the"))
        return t[a] == 't'; /* "The 1990s ..." opens a sentence: no name */
    if (!(t[a] >= 'A' && t[a] <= 'Z'))
        return false;
    size_t i = a;
    while (i > lo && t[i - 1] == ' ')
        i--;
    return i > lo && t[i - 1] != '.' && t[i - 1] != '\n' && t[i - 1] != '"' && t[i - 1] != '(';
}

/* Handles the atom a found by re_find; returns where scanning goes on. */
static size_t take(const cck_scan *sc, atom *a, cck_cands *out)
{
    const char *t = sc->text;
    size_t ps = a->s;
    int pre = prefix_of(t, sc->start, a->s, &ps);

    if (a->type == T_QM) {
        /* a month without a year is a claim only in "by late August" */
        int y = pre == P_BY ? year_before(t, a->s) : 0;
        if (!y)
            return a->e;
        int mo = a->lm, q = a->ld;
        month_qual(a, y, mo, q);
        push(out, ps, a->e, a, a, true, CCK_BOUND_UPPER, 25);
        return a->e;
    }

    atom b;
    char conn = 0;
    bool ranged = range_end(sc, a, &b, &conn);
    if (!ranged && a->type == T_YEAR && a->e + 1 < sc->end && t[a->e] == '-' &&
        t[a->e + 1] >= '0' && t[a->e + 1] <= '9')
        return a->e; /* "1234-5678": an identifier, not a year */
    if (ranged && b.e + 1 < sc->end && t[b.e] == '-' && t[b.e + 1] >= '0' && t[b.e + 1] <= '9')
        return b.e; /* "2010-2015-86": a chain of digit groups */
    if (ranged && a->type == T_MD) {
        a->ly = b.ly;
    } else if (a->type == T_MD) {
        return a->e;
    }
    if (ranged && conn == 'a')
        ranged = pre == P_BETWEEN || (a->period && b.period) ||
                 (a->type == T_YEAR && b.type == T_YEAR && b.ly == a->ly + 1);
    if (ranged && conn == 'D' && a->type == T_FULL && b.type == T_FULL &&
        pre != P_FROM && pre != P_BETWEEN)
        ranged = false; /* "(1 October 1925 – 13 May 2022)": two dates */
    if (ranged && (conn == '-' || conn == 'D') && a->type == T_YEAR && b.type == T_YEAR &&
        lifespan(t, sc->start, sc->end, a, &b))
        ranged = false;

    if (pre == P_BY && word_is(t, ps + 3, ps + 6, "the") &&
        attributive(t, ranged ? b.e : a->e, sc->end))
        pre = P_NONE; /* "exacerbated by the 1994-1998 famine" */

    const atom *hi = ranged ? &b : a;
    size_t end = ranged ? b.e : a->e;
    bool approx = a->approx || (ranged && b.approx);
    cck_bound bound = CCK_BOUND_NONE;
    size_t start = a->s;
    switch (pre) {
    case P_SINCE: case P_BEFORE: case P_UNTIL:
        start = ps;
        break;
    case P_CIRCA:
        start = ps, approx = true;
        break;
    case P_SINCE_LEAST: case P_BY:
        start = ps, approx = true, bound = CCK_BOUND_UPPER;
        break;
    case P_BETWEEN:
        if (ranged)
            start = ps;
        break;
    case P_FROM:
        if (cck_ext_match(sc, re_onward, t, sc->end, end, 0) == 1) {
            start = ps;
            end = cck_re_group_end(sc->m, 0);
        }
        break;
    default:
        break;
    }
    if (a->type == T_YEAR && !ranged && pre == P_NONE && in_name(t, sc->start, sc->end, a->s, a->e))
        return a->e; /* "the 2008 Beijing Olympics", "AccessDPRK 2021 Map" */
    if (a->type == T_YEAR && (!ranged || b.type == T_YEAR) &&
        (pre == P_HEDGE || pre == P_LABEL || (pre == P_BETWEEN && !ranged) ||
         counted_after(t, end, sc->end)))
        return end; /* "between 1000 and 6000", "1500-2000 people": counts */
    if (sc->unit && sc->unit->zone == CCK_ZONE_TABLE && start == a->s) {
        /* a table cell that opens with a date ("| 1950 | 168,827 |",
         * "| 2025 (proj.) |") is the row's time key, the as_of of the
         * figures beside it, not a claim of its own */
        size_t p = sc->start;
        while (p < start && (sc->text[p] == ' ' || sc->text[p] == '*' || sc->text[p] == '|'))
            p++;
        if (p == start)
            return end;
    }
    int prio = ranged || a->range || a->type == T_PERIOD ? 25 : a->type == T_YEAR ? 10 : 30;
    if (!ranged && !a->range && (a->type == T_FULL || a->type == T_MONTHYEAR))
        prio = 30;
    push(out, start, end, a, hi, approx, bound, prio);
    return end;
}

void cck_ext_dates(const cck_scan *sc, cck_cands *out)
{
    if (!re_find)
        return;
    size_t from = sc->start, first_new = out->n;
    while (from < sc->end) {
        if (cck_ext_match_cands(sc, re_find, re_find_digit, from, CCK_PF_DATE) == 0)
            break;
        size_t next = cck_re_next(sc->m, sc->text, sc->end);
        atom a;
        read_atom(sc->m, sc->text, &a);
        if (a.type != T_NONE && !a.weak) {
            size_t e = take(sc, &a, out);
            if (e > next)
                next = e;
        }
        from = next;
    }
    /* what needs a reference day or names no year: mentions only; in
     * claims mode the reader adds all-digit dates with a year */
    if (!cck_scan_mentions(sc)) {
        cck_ext_reldates(sc, out);
    } else {
        size_t mine = first_new, n0 = out->n;
        cck_ext_reldates(sc, out);
        /* a date of ours that only partly covers a phrase the reader
         * found ("about 2019" against "2019 q1") gives way to it */
        size_t w = mine;
        for (size_t i = mine; i < n0; i++) {
            const cck_claim *d = &out->v[i].claim;
            bool drop = false;
            for (size_t k = n0; k < out->n && !drop; k++) {
                const cck_claim *r = &out->v[k].claim;
                drop = d->start < r->end && r->start < d->end &&
                       !(d->start <= r->start && d->end >= r->end);
            }
            if (!drop)
                out->v[w++] = out->v[i];
        }
        for (size_t k = n0; k < out->n; k++)
            out->v[w++] = out->v[k];
        out->n = w;
    }
}
