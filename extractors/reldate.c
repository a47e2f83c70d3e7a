/* reldate.c: relative and partial dates for mentions mode: a small lexer
 * (words, digit runs, single marks) feeds a hand-written reader of date
 * phrases (month-day without a year, weekdays, "next June", "two weeks
 * ago", "the third week of 2027", ranges and bounds of them); relative
 * phrases count from the reference day with the day calculator below.
 * Every loop is bounded by the token window (NTK), so a scan is linear. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bytes.h"
#include "reldate.h"

/* ---- day calculator (H. Hinnant's civil-date algorithms) -------------- */

long cck_rd_days(int y, int m, int d)
{
    long yy = (long)y - (m <= 2);
    long era = (yy >= 0 ? yy : yy - 399) / 400;
    long yoe = yy - era * 400;
    long doy = (153L * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void cck_rd_civil(long z, int *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

int cck_rd_weekday(long z)
{
    long w = (z + 3) % 7; /* 1970-01-01 was a Thursday */
    if (w < 0)
        w += 7;
    return (int)w + 1;
}

int cck_rd_days_in(int y, int m)
{
    static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12)
        return 31;
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return d[m - 1];
}

long cck_rd_add_months(long z, int n)
{
    int y, m, d;
    cck_rd_civil(z, &y, &m, &d);
    long k = (long)y * 12 + (m - 1) + n;
    y = (int)(k >= 0 ? k / 12 : (k - 11) / 12);
    m = (int)(k - (long)y * 12) + 1;
    int dim = cck_rd_days_in(y, m);
    return cck_rd_days(y, m, d > dim ? dim : d);
}

bool cck_rd_parse(const char *s, long *z)
{
    if (!s)
        return false;
    for (int i = 0; i < 10; i++)
        if (i == 4 || i == 7 ? s[i] != '-' : !(s[i] >= '0' && s[i] <= '9'))
            return false;
    int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    int m = (s[5] - '0') * 10 + (s[6] - '0'), d = (s[8] - '0') * 10 + (s[9] - '0');
    if (m < 1 || m > 12 || d < 1 || d > cck_rd_days_in(y, m))
        return false;
    *z = cck_rd_days(y, m, d);
    return true;
}

/* ---- values ------------------------------------------------------------ */

enum { G_NONE, G_YEAR, G_MONTH, G_DAY };

/* A point: y 0 = year unknown, m 0 = month unknown; g its granularity. */
typedef struct {
    int y, m, d, g;
} dpt;

typedef struct {
    dpt lo, hi;
    bool keep_the; /* a leading "the" belongs to the phrase ("the 27th") */
    int hol;       /* a holiday named with no year (HOL_*), else 0 */
} dval;

static dpt pt(int y, int m, int d, int g)
{
    dpt p = {y, m, d, g};
    return p;
}

static dpt pt_day(long z)
{
    dpt p;
    cck_rd_civil(z, &p.y, &p.m, &p.d);
    p.g = G_DAY;
    return p;
}

/* two digits of v at o, or "XX" when v is outside [1, 99] */
static void two(char *o, int v, int max)
{
    if (v >= 1 && v <= max) {
        o[0] = (char)('0' + v / 10);
        o[1] = (char)('0' + v % 10);
    } else {
        o[0] = o[1] = 'X';
    }
}

static void fmt(char out[11], dpt p)
{
    if (p.g == G_NONE) {
        out[0] = '\0';
        return;
    }
    if (p.y > 0 && p.y <= 9999) {
        for (int k = 3, v = p.y; k >= 0; k--, v /= 10)
            out[k] = (char)('0' + v % 10);
    } else {
        memcpy(out, "XXXX", 4);
    }
    size_t n = 4;
    if (p.g >= G_MONTH) {
        out[n++] = '-';
        two(out + n, p.m, 12);
        n += 2;
    }
    if (p.g == G_DAY) {
        out[n++] = '-';
        two(out + n, p.d, 31);
        n += 2;
    }
    out[n] = '\0';
}

/* ---- lexer ------------------------------------------------------------- */

enum { NTK = 48 };
enum { K_END, K_WORD, K_NUM, K_MARK };

typedef struct {
    size_t s, e;
    long v;          /* a digit run's value (capped) */
    unsigned char k; /* K_* */
    unsigned char gap; /* spaces before it (capped at 9) */
    unsigned char len; /* length in bytes (capped at 255) */
} tk;

typedef struct {
    const char *t;
    size_t hi, pos;
    tk v[NTK];
    int n;
    bool eof;
    size_t lo;   /* the unit's start */
    int depth;   /* nesting of point() (a phrase inside a phrase) */
    int calls;   /* point() calls for this start: the work bound */
    unsigned gen; /* the current start, for memo */
    struct {
        unsigned gen;
        int end;
        dval v;
    } memo[NTK][2]; /* outermost point() readings of this start */
    bool ref;    /* the reference day is known */
    long rz;     /* its day number */
    int ry, rm, rd;
} P;

static bool is_letter(unsigned char c)
{
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

static bool is_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

static const tk END_TK = {0, 0, 0, K_END, 0, 0};

static const tk *T_lex(P *p, int i);

static inline const tk *T(P *p, int i)
{
    return i >= 0 && i < p->n ? &p->v[i] : T_lex(p, i);
}

static const tk *T_lex(P *p, int i)
{
    if (i < 0)
        return &END_TK;
    while (p->n <= i && !p->eof) {
        if (p->n == NTK) {
            p->eof = true;
            break;
        }
        size_t q = p->pos;
        unsigned gap = 0;
        for (;;) {
            if (q < p->hi && (p->t[q] == ' ' || p->t[q] == '\t' || p->t[q] == '\r')) {
                q++, gap++;
            } else if (q + 1 < p->hi && (unsigned char)p->t[q] == 0xC2 &&
                       (unsigned char)p->t[q + 1] == 0xA0) {
                q += 2, gap++;
            } else {
                break;
            }
        }
        if (q >= p->hi || p->t[q] == '\n') {
            p->eof = true;
            break;
        }
        tk *x = &p->v[p->n];
        x->s = q;
        x->gap = (unsigned char)(gap > 9 ? 9 : gap);
        x->v = 0;
        unsigned char c = (unsigned char)p->t[q];
        if (is_letter(c)) {
            x->k = K_WORD;
            while (q < p->hi && is_letter((unsigned char)p->t[q]))
                q++;
        } else if (is_digit(c)) {
            x->k = K_NUM;
            while (q < p->hi && is_digit((unsigned char)p->t[q])) {
                if (x->v < 100000000L)
                    x->v = x->v * 10 + (p->t[q] - '0');
                q++;
            }
        } else {
            x->k = K_MARK;
            q++;
            if (c >= 0x80)
                while (q < p->hi && ((unsigned char)p->t[q] & 0xC0) == 0x80)
                    q++;
        }
        x->e = q;
        x->len = (unsigned char)(q - x->s > 255 ? 255 : q - x->s);
        p->pos = q;
        p->n++;
    }
    return i < p->n ? &p->v[i] : &END_TK;
}

static bool Wn(P *p, int i, const char *w, size_t n)
{
    const tk *x = T(p, i);
    if (x->k != K_WORD || x->e - x->s != n || (p->t[x->s] | 0x20) != w[0])
        return false;
    for (size_t k = 0; k < n; k++)
        if ((p->t[x->s + k] | 0x20) != w[k])
            return false;
    return true;
}

/* token i is the word w (a string literal), in any case */
#define W(p, i, w) Wn((p), (i), "" w, sizeof(w) - 1)

static int Win(P *p, int i, const char *const *list)
{
    const tk *x = T(p, i);
    if (x->k != K_WORD)
        return -1;
    for (int k = 0; list[k]; k++)
        if (Wn(p, i, list[k], strlen(list[k])))
            return k;
    return -1;
}

static bool M(P *p, int i, char c)
{
    const tk *x = T(p, i);
    return x->k == K_MARK && x->len == 1 && p->t[x->s] == c;
}

/* a dash of any kind: - – — */
static bool DASH(P *p, int i)
{
    const tk *x = T(p, i);
    if (x->k != K_MARK)
        return false;
    const unsigned char *s = (const unsigned char *)p->t + x->s;
    return (x->len == 1 && s[0] == '-') ||
           (x->len == 3 && s[0] == 0xE2 && s[1] == 0x80 && (s[2] == 0x93 || s[2] == 0x94));
}

static bool glued(P *p, int i)
{
    return T(p, i)->gap == 0 && T(p, i)->k != K_END;
}

static bool NUM(P *p, int i, int minlen, int maxlen)
{
    const tk *x = T(p, i);
    return x->k == K_NUM && x->len >= minlen && x->len <= maxlen;
}

static long V(P *p, int i)
{
    return T(p, i)->v;
}

/* Nothing glued after token i-1 that would make it part of a figure:
 * the end, a space, or a closing mark ("27!", "27,", "27."). */
static bool clean_end(P *p, int i)
{
    const tk *x = T(p, i);
    if (x->k == K_END || x->gap > 0)
        return true;
    if (x->k != K_MARK)
        return false;
    char c = p->t[x->s];
    if (c == '.' || c == ',')
        return !(T(p, i + 1)->k == K_NUM && glued(p, i + 1));
    return c == '!' || c == '?' || c == ')' || c == ';' || c == '"' || c == '\'' ||
           (unsigned char)c >= 0x80;
}

/* The word before byte pos (within the text scanned) is one of list. */
static bool word_before_is(P *p, size_t pos, size_t lo, const char *const *list)
{
    size_t e = pos;
    while (e > lo && p->t[e - 1] == ' ')
        e--;
    size_t s = e;
    while (s > lo && is_letter((unsigned char)p->t[s - 1]))
        s--;
    if (s == e || e - s > 8)
        return false;
    for (int k = 0; list[k]; k++) {
        size_t n = strlen(list[k]);
        if (n != e - s)
            continue;
        size_t q = 0;
        while (q < n && (p->t[s + q] | 0x20) == list[k][q])
            q++;
        if (q == n)
            return true;
    }
    return false;
}

/* ---- words ------------------------------------------------------------- */

static int month_at(P *p, int i, int *mo)
{
    static const char *const names[] = {
        "january", "jan", "february", "feb", "march", "mar", "april", "apr", "may", "june",
        "jun", "july", "jul", "august", "aug", "september", "sep", "sept", "october", "oct",
        "november", "nov", "december", "dec", NULL};
    static const int num[] = {1, 1, 2, 2, 3, 3, 4, 4, 5, 6, 6, 7, 7, 8, 8, 9, 9, 9, 10, 10, 11, 11, 12, 12};
    int k = Win(p, i, names);
    if (k < 0)
        return -1;
    *mo = num[k];
    int e = i + 1;
    if (M(p, e, '.') && glued(p, e) && T(p, e + 1)->k == K_NUM)
        e++; /* "Dec. 31", "Oct. 2001", not the full stop of "in August." */
    return e;
}

/* "may" followed by a word that does not continue a date is the verb:
 * "This may take longer", "One may ask" */
static bool may_verb(P *p, int i, int e)
{
    static const char *const ok[] = {"of", "next", "this", "last", "and", "to", "through",
                                     "until", "till", "in", NULL};
    return W(p, i, "may") && T(p, e)->k == K_WORD && Win(p, e, ok) < 0;
}

/* "may" and "mar" are words too: alone they count only capitalised */
static bool weak_month(P *p, int i)
{
    return (W(p, i, "may") || W(p, i, "mar")) && p->t[T(p, i)->s] >= 'a';
}

static int weekday_at(P *p, int i, int *wd)
{
    static const char *const names[] = {
        "monday", "mon", "tuesday", "tue", "tues", "wednesday", "wed", "thursday", "thu",
        "thur", "thurs", "friday", "fri", "saturday", "sat", "sunday", "sun", "mondays",
        "tuesdays", "wednesdays", "thursdays", "fridays", "saturdays", "sundays", NULL};
    static const int num[] = {1, 1, 2, 2, 2, 3, 3, 4, 4, 4, 4, 5, 5, 6, 6, 7, 7, 1, 2, 3, 4, 5, 6, 7};
    int k = Win(p, i, names);
    if (k < 0)
        return -1;
    *wd = num[k];
    return i + 1;
}

static bool weak_weekday(P *p, int i)
{
    return (W(p, i, "sun") || W(p, i, "sat") || W(p, i, "wed") || W(p, i, "mon")) &&
           p->t[T(p, i)->s] >= 'a';
}

static const char *const UNITS[] = {
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen", NULL};
static const char *const UNITS_ORD[] = {
    "zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
    "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
    "sixteenth", "seventeenth", "eighteenth", "nineteenth", NULL};
static const char *const TENS[] = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy",
                                   "eighty", "ninety", NULL};
static const char *const TENS_ORD[] = {"twentieth", "thirtieth", "fortieth", "fiftieth",
                                       "sixtieth", "seventieth", "eightieth", "ninetieth", NULL};

/* A number in words below 100 ("twenty-seventh", "nine"); *ord when it is
 * an ordinal. */
static int numword(P *p, int i, int *v, bool *ord)
{
    int k;
    if ((k = Win(p, i, TENS)) >= 0) {
        int e = i + 1, u;
        int j = (DASH(p, e) && glued(p, e) && glued(p, e + 1)) ? e + 1 : e;
        if ((u = Win(p, j, UNITS)) >= 1 && u <= 9) {
            *v = (k + 2) * 10 + u, *ord = false;
            return j + 1;
        }
        if ((u = Win(p, j, UNITS_ORD)) >= 1 && u <= 9) {
            *v = (k + 2) * 10 + u, *ord = true;
            return j + 1;
        }
        *v = (k + 2) * 10, *ord = false;
        return e;
    }
    if ((k = Win(p, i, TENS_ORD)) >= 0) {
        *v = (k + 2) * 10, *ord = true;
        return i + 1;
    }
    if ((k = Win(p, i, UNITS)) >= 0) {
        *v = k, *ord = false;
        return i + 1;
    }
    if ((k = Win(p, i, UNITS_ORD)) >= 0) {
        *v = k, *ord = true;
        return i + 1;
    }
    return -1;
}

static bool ord_suffix(P *p, int i)
{
    static const char *const suf[] = {"st", "nd", "rd", "th", NULL};
    return glued(p, i) && Win(p, i, suf) >= 0;
}

/* A day of the month: "27", "27th", "twenty-seventh", "twenty seven";
 * *strong when it is written as an ordinal. */
static int day_at(P *p, int i, int *d, bool *strong)
{
    if (NUM(p, i, 1, 2) && V(p, i) >= 1 && V(p, i) <= 31) {
        *d = (int)V(p, i);
        if (ord_suffix(p, i + 1)) {
            *strong = true;
            return i + 2;
        }
        *strong = false;
        return i + 1;
    }
    int v;
    bool ord;
    int e = numword(p, i, &v, &ord);
    if (e < 0 || v < 1 || v > 31)
        return -1;
    *d = v, *strong = ord;
    return e;
}

/* An ordinal 1..n for "third week", "1st quarter", "9th month". */
static int ordinal_at(P *p, int i, int *v)
{
    if (NUM(p, i, 1, 2) && ord_suffix(p, i + 1)) {
        *v = (int)V(p, i);
        return i + 2;
    }
    bool ord;
    int e = numword(p, i, v, &ord);
    if (e < 0 || !ord)
        return -1;
    return e;
}

/* A year spelled out: "nineteen seventy two", "two thousand and fifteen",
 * "seventeen hundred thirty three", "one thousand seven hundred and
 * eighty nine"; with hundreds_ok also "two hundred and sixty seven". */
static int spelled_year(P *p, int i, int *y, bool hundreds_ok)
{
    int a, b, e, e2;
    bool ord;
    e = numword(p, i, &a, &ord);
    if (e < 0 || ord || a < 1)
        return -1;
    if (W(p, e, "thousand")) {
        if (a > 2)
            return -1;
        int v = a * 1000;
        int j = e + 1;
        int h;
        if ((e2 = numword(p, j, &h, &ord)) > 0 && !ord && h >= 1 && h <= 9 && W(p, e2, "hundred")) {
            v += h * 100;
            j = e2 + 1;
        }
        int k = W(p, j, "and") ? j + 1 : j;
        if ((e2 = numword(p, k, &b, &ord)) > 0 && !ord && b >= 1) {
            *y = v + b;
            return e2;
        }
        *y = v;
        return j;
    }
    if (W(p, e, "hundred")) {
        if (a < 10 && !hundreds_ok)
            return -1;
        int k = W(p, e + 1, "and") ? e + 2 : e + 1;
        if ((e2 = numword(p, k, &b, &ord)) > 0 && !ord && b >= 1) {
            *y = a * 100 + b;
            return e2;
        }
        if (a < 10)
            return -1;
        *y = a * 100;
        return e + 1;
    }
    if (a < 10 || a > 20)
        return -1;
    if (W(p, e, "zero") || W(p, e, "oh")) {
        if ((e2 = numword(p, e + 1, &b, &ord)) > 0 && !ord && b >= 1 && b <= 9) {
            *y = a * 100 + b;
            return e2;
        }
        return -1;
    }
    if ((e2 = numword(p, e, &b, &ord)) > 0 && !ord && b >= 10) {
        /* "twenty twenty fifths" is a fraction */
        int b2;
        if (numword(p, e2, &b2, &ord) > 0 || W(p, e2, "hundred") || W(p, e2, "thousand"))
            return -1;
        const tk *x = T(p, e2);
        if (x->k == K_WORD && x->len > 3 && (p->t[x->e - 1] | 0x20) == 's' && (p->t[x->e - 2] | 0x20) == 'h' &&
            (p->t[x->e - 3] | 0x20) == 't')
            return -1;
        *y = a * 100 + b;
        return e2;
    }
    return -1;
}

/* A year: four digits (1000-2999) or spelled out. */
static int year_at(P *p, int i, int *y)
{
    if (NUM(p, i, 4, 4) && V(p, i) >= 1000 && V(p, i) <= 2999 &&
        !(glued(p, i + 1) && T(p, i + 1)->k != K_MARK)) {
        *y = (int)V(p, i);
        return i + 1;
    }
    return spelled_year(p, i, y, false);
}

static int yy_of(long v)
{
    return (int)(v < 40 ? 2000 + v : 1900 + v);
}

/* ---- the reader -------------------------------------------------------- */

/* Relative words before a unit or a weekday. */
enum { R_NONE, R_THIS, R_NEXT, R_LAST, R_COMING, R_PAST, R_FOLLOWING, R_SAME };

static int rel_at(P *p, int i, int *r)
{
    static const char *const w[] = {"this", "next", "last", "previous", "past", "coming",
                                    "upcoming", "following", "current", "same", "that", "my",
                                    NULL};
    static const int rv[] = {R_THIS, R_NEXT, R_LAST, R_LAST, R_PAST, R_COMING, R_COMING,
                             R_FOLLOWING, R_THIS, R_SAME, R_SAME, R_THIS};
    if (W(p, i, "this") && (W(p, i + 1, "past") || W(p, i + 1, "upcoming") || W(p, i + 1, "coming"))) {
        *r = W(p, i + 1, "past") ? R_PAST : R_COMING;
        return i + 2;
    }
    int k = Win(p, i, w);
    if (k < 0)
        return -1;
    *r = rv[k];
    return i + 1;
}

enum { U_DAY, U_WEEK, U_MONTH, U_YEAR, U_QUARTER, U_DECADE, U_FORTNIGHT, U_WEEKEND, U_BDAY };

/* A unit word, singular or plural. */
static int unit_at(P *p, int i, int *u, bool plural_ok)
{
    static const char *const w[] = {"day", "week", "month", "year", "quarter", "decade",
                                    "fortnight", "weekend", "workweek", NULL};
    static const char *const pl[] = {"days", "weeks", "months", "years", "quarters", "decades",
                                     "fortnights", "weekends", "workweeks", NULL};
    static const int uv[] = {U_DAY, U_WEEK, U_MONTH, U_YEAR, U_QUARTER, U_DECADE, U_FORTNIGHT,
                             U_WEEKEND, U_WEEK};
    int k;
    if ((W(p, i, "business") || W(p, i, "working")) && (W(p, i + 1, "day") || W(p, i + 1, "days"))) {
        *u = U_BDAY;
        return i + 2;
    }
    if (W(p, i, "working") && W(p, i + 1, "week")) {
        *u = U_WEEK;
        return i + 2;
    }
    if ((W(p, i, "school") || W(p, i, "fiscal") || W(p, i, "calendar")) && W(p, i + 1, "year")) {
        *u = U_YEAR;
        return i + 2;
    }
    if ((k = Win(p, i, w)) >= 0) {
        *u = uv[k];
        return i + 1;
    }
    if (plural_ok && (k = Win(p, i, pl)) >= 0) {
        *u = uv[k];
        return i + 1;
    }
    return -1;
}

/* A count before a unit: "3", "three", "a", "a few", "couple of". */
static int count_at(P *p, int i, int *n)
{
    int v;
    bool ord;
    if (NUM(p, i, 1, 3)) {
        *n = (int)V(p, i);
        return i + 1;
    }
    if (W(p, i, "a") || W(p, i, "an")) {
        if (W(p, i + 1, "few")) {
            *n = 3;
            return i + 2;
        }
        if (W(p, i + 1, "couple")) {
            *n = 2;
            return W(p, i + 2, "of") ? i + 3 : i + 2;
        }
        *n = 1;
        return i + 1;
    }
    if (W(p, i, "few") || W(p, i, "several")) {
        *n = 3;
        return i + 1;
    }
    if (W(p, i, "couple")) {
        *n = 2;
        return W(p, i + 1, "of") ? i + 2 : i + 1;
    }
    int e = numword(p, i, &v, &ord);
    if (e > 0 && !ord && v >= 1) {
        *n = v;
        return e;
    }
    return -1;
}

typedef struct {
    int y, m, d; /* years, months, days (weeks counted as 7 days) */
    int bd;      /* business days (Monday to Friday) */
} dur;

/* "2 years 1 month 21 days", "2 weeks and 2 days", "a fortnight" */
static int dur_at_(P *p, int i, dur *o, bool split_ago);

static int dur_at(P *p, int i, dur *o)
{
    return dur_at_(p, i, o, false);
}

static int dur_at_(P *p, int i, dur *o, bool split_ago)
{
    memset(o, 0, sizeof *o);
    int j = i, parts = 0;
    while (parts < 4) {
        int n, u, e = count_at(p, j, &n);
        if (e < 0)
            break;
        int e2 = unit_at(p, e, &u, true);
        if (e2 < 0 && glued(p, e))
            e2 = -1;
        if (e2 < 0)
            break;
        switch (u) {
        case U_DAY: o->d += n; break;
        case U_BDAY: o->bd += n; break;
        case U_WEEK: case U_WEEKEND: o->d += 7 * n; break;
        case U_FORTNIGHT: o->d += 14 * n; break;
        case U_MONTH: o->m += n; break;
        case U_QUARTER: o->m += 3 * n; break;
        case U_YEAR: o->y += n; break;
        case U_DECADE: o->y += 10 * n; break;
        default: break;
        }
        j = e2, parts++;
        if ((W(p, j, "and") || M(p, j, ',')) && count_at(p, j + 1, &n) > 0) {
            int k = count_at(p, j + 1, &n), k2 = unit_at(p, k, &u, true);
            /* "for the last 3 months and 2 days ago ...": the second part
             * is a phrase of its own */
            if (k2 > 0 && !(split_ago && W(p, j, "and") && (W(p, k2, "ago") || W(p, k2, "later"))))
                j++;
        }
    }
    return parts ? j : -1;
}

static long dur_apply(long z, const dur *d, int sign)
{
    z = cck_rd_add_months(z, sign * (d->y * 12 + d->m));
    z += sign * d->d;
    for (int k = 0; k < d->bd && k < 1000; k++) {
        z += sign;
        while (cck_rd_weekday(z) >= 6)
            z += sign;
    }
    return z;
}

static int point(P *p, int i, dval *o, bool ctx);
static int durphrase(P *p, int i, dval *o);
static long hol_near(int h, long z, int dir);

/* today, tomorrow, yesterday ... as a day number; false when unknown */
static int dayword_at(P *p, int i, long *z, bool *known, bool now_ok)
{
    static const char *const w[] = {"today", "tomorrow", "tmrw", "yesterday", "otd", NULL};
    static const int off[] = {0, 1, 1, -1, 0};
    int k = Win(p, i, w);
    int e = i + 1, o = 0;
    if (k >= 0) {
        o = off[k];
    } else if (W(p, i, "the") && W(p, i + 1, "day") && (W(p, i + 2, "before") || W(p, i + 2, "after")) &&
               (W(p, i + 3, "yesterday") || W(p, i + 3, "tomorrow") || W(p, i + 3, "tmrw") ||
                W(p, i + 3, "today"))) {
        o = (W(p, i + 2, "before") ? -1 : 1) + (W(p, i + 3, "yesterday") ? -1 : W(p, i + 3, "today") ? 0 : 1);
        e = i + 4;
    } else if (now_ok && (W(p, i, "now") || (W(p, i, "current") && W(p, i + 1, "date")))) {
        e = W(p, i, "now") ? i + 1 : i + 2;
    } else {
        return -1;
    }
    *known = p->ref;
    *z = p->rz + o;
    return e;
}

/* The day of weekday wd in the week of day z (weeks run Monday-Sunday). */
static long in_week(long z, int wd)
{
    return z - (cck_rd_weekday(z) - 1) + (wd - 1);
}

/* The same in a week that runs Sunday-Saturday, as the peer reads "monday
 * two weeks from now" and "in 3 days on friday". */
static long in_week_sun(long z, int wd)
{
    return z - (cck_rd_weekday(z) % 7) + (wd % 7);
}

/* month-day, month first: "December 27", "Oct. 2", "dec31 , 1994",
 * "may the eleventh", "january 12 of 2016", "January first 12" */
static int md(P *p, int i, dval *o)
{
    int mo, d, y = 0;
    bool strong;
    int e = month_at(p, i, &mo);
    if (e < 0)
        return -1;
    int j = e;
    char sep = 0;
    bool comma = false;
    if ((M(p, j, '-') || M(p, j, '/')) && glued(p, j) && glued(p, j + 1))
        sep = p->t[T(p, j)->s], j++;
    else if (W(p, j, "the"))
        j++;
    else if (M(p, j, ',') && glued(p, j))
        j++, comma = true;
    int k = day_at(p, j, &d, &strong);
    if (k < 0 || (comma && !strong))
        return -1;
    if (sep && M(p, k, sep) && glued(p, k) && glued(p, k + 1) && year_at(p, k + 1, &y) > 0 &&
        T(p, k + 1)->k == K_NUM) {
        o->lo = o->hi = pt(y, mo, d, G_DAY);
        return k + 2; /* "sep-23-2020" */
    }
    if (T(p, j)->k == K_NUM && (M(p, k, ':') || ((M(p, k, '.') || M(p, k, '/')) && NUM(p, k + 1, 1, 4) && glued(p, k + 1))))
        return -1; /* a time or a figure: "may 5:30", "jan 3.5" */
    if (T(p, j)->k == K_NUM && !clean_end(p, k) && !M(p, k, ',') && !DASH(p, k))
        return -1; /* "dec 3kg", "may 5:30" */
    int end = k, q = k;
    if (M(p, q, ','))
        q++;
    if (W(p, q, "of") || W(p, q, "in"))
        q++;
    int ye = year_at(p, q, &y);
    if (ye > 0) {
        end = ye;
    } else if (T(p, j)->k == K_WORD && NUM(p, k, 2, 2) && q == k) {
        y = yy_of(V(p, k));
        end = k + 1;
    } else {
        y = 0;
    }
    o->lo = o->hi = pt(y, mo, d, G_DAY);
    return end;
}

/* day first: "30 december", "1st Jan", "second of aug", "28-nov",
 * "05-aug-2016", "23/sep/2020", "twenty second of June 2017" */
static int dm(P *p, int i, dval *o)
{
    int mo, d, y = 0;
    bool strong;
    int j = i;
    if (W(p, j, "the"))
        j++;
    int k = day_at(p, j, &d, &strong);
    if (k < 0)
        return -1;
    char sep = 0;
    int q = k;
    if ((M(p, q, '-') || M(p, q, '/')) && glued(p, q) && glued(p, q + 1)) {
        sep = p->t[T(p, q)->s];
        q++;
    } else if (M(p, q, '.') && glued(p, q) && T(p, j)->k == K_NUM && T(p, q + 1)->gap == 1) {
        q++; /* "16. Nov. 2016" */
    } else if (W(p, q, "of")) {
        q++;
    } else if (W(p, q, "day") && W(p, q + 1, "of")) {
        q += 2;
    } else if (j != i) {
        return -1; /* "the 4th july" is no form */
    }
    int e = month_at(p, q, &mo);
    if (e < 0 || may_verb(p, q, e))
        return -1;
    int end = e;
    int r = e;
    if (!sep && NUM(p, e, 1, 2) && V(p, e) >= 1 && V(p, e) <= 31 && T(p, j)->k == K_NUM &&
        clean_end(p, e + 1))
        return -1; /* "12 December 27": the day follows the month */
    if (sep && M(p, r, sep) && glued(p, r) && glued(p, r + 1)) {
        if (year_at(p, r + 1, &y) > 0) {
            end = r + 2;
        } else if (NUM(p, r + 1, 2, 2)) {
            y = yy_of(V(p, r + 1));
            end = r + 2;
        }
    } else {
        if (M(p, r, ','))
            r++;
        bool of = W(p, r, "of") || W(p, r, "in");
        if (of)
            r++;
        int ye = year_at(p, r, &y);
        if (ye > 0)
            end = ye;
        else if (of && NUM(p, r, 2, 2))
            y = yy_of(V(p, r)), end = r + 1;
        else
            y = 0;
    }
    o->lo = o->hi = pt(y, mo, d, G_DAY);
    return end;
}

/* year first with a month name: "2019/aug/01", "2019-aug-1", "2020/23/sep",
 * "2016 june", "2016, nov" */
static int ym(P *p, int i, dval *o)
{
    int y, mo, d;
    bool strong;
    if (!(NUM(p, i, 4, 4) && V(p, i) >= 1000 && V(p, i) <= 2999))
        return -1;
    y = (int)V(p, i);
    int j = i + 1;
    if ((M(p, j, '/') || M(p, j, '-')) && glued(p, j) && glued(p, j + 1)) {
        char sep = p->t[T(p, j)->s];
        int e = month_at(p, j + 1, &mo);
        if (e > 0) {
            if (M(p, e, sep) && glued(p, e) && day_at(p, e + 1, &d, &strong) > 0) {
                o->lo = o->hi = pt(y, mo, d, G_DAY);
                return day_at(p, e + 1, &d, &strong);
            }
            o->lo = o->hi = pt(y, mo, 0, G_MONTH);
            return e;
        }
        if (NUM(p, j + 1, 1, 2) && M(p, j + 2, sep) && glued(p, j + 2) &&
            (e = month_at(p, j + 3, &mo)) > 0 && glued(p, j + 3)) {
            o->lo = o->hi = pt(y, mo, (int)V(p, j + 1), G_DAY);
            return e;
        }
        return -1;
    }
    if (M(p, j, ','))
        j++;
    int e = month_at(p, j, &mo);
    if (e < 0 || T(p, j)->gap == 0 || weak_month(p, j))
        return -1;
    o->lo = o->hi = pt(y, mo, 0, G_MONTH);
    return e;
}

static bool valid_md(long m, long d)
{
    return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

/* digits only: "20161016", "2016 10 16", "2015.5.13", "2016-11",
 * "2016 / 11", "11/2016", "02/22/2016", "21/04/16", "13.5.2015",
 * "08/12,2015", "4/22" (with ctx or unlike a fraction) */
static int numeric(P *p, int i, dval *o, bool ctx)
{
    if (T(p, i)->k != K_NUM)
        return -1;
    long a = V(p, i);
    int la = T(p, i)->len;
    if (la == 8 && !(glued(p, i + 1) && T(p, i + 1)->k != K_MARK)) {
        long y = a / 10000, m = a / 100 % 100, d = a % 100;
        if (y >= 1900 && y <= 2099 && valid_md(m, d) && (clean_end(p, i + 1) || DASH(p, i + 1))) {
            o->lo = o->hi = pt((int)y, (int)m, (int)d, G_DAY);
            return i + 1;
        }
        return -1;
    }
    if (la == 4) {
        if (a < 1000 || a > 2999)
            return -1;
        /* "2016 10 16" */
        if (NUM(p, i + 1, 2, 2) && NUM(p, i + 2, 2, 2) && T(p, i + 1)->gap == 1 && T(p, i + 2)->gap == 1 &&
            valid_md(V(p, i + 1), V(p, i + 2))) {
            o->lo = o->hi = pt((int)a, (int)V(p, i + 1), (int)V(p, i + 2), G_DAY);
            return i + 3;
        }
        int j = i + 1;
        if (!(M(p, j, '-') || M(p, j, '/') || M(p, j, '.')))
            return -1;
        char sep = p->t[T(p, j)->s];
        bool tight = glued(p, j) && glued(p, j + 1);
        if (!tight && sep == '.')
            return -1;
        if (!NUM(p, j + 1, 1, 2) || (glued(p, j + 2) && T(p, j + 2)->k == K_WORD))
            return -1;
        long m = V(p, j + 1);
        if (tight && M(p, j + 2, sep) && glued(p, j + 2) && NUM(p, j + 3, 1, 2) && glued(p, j + 3)) {
            long d = V(p, j + 3);
            if (!valid_md(m, d))
                return -1;
            o->lo = o->hi = pt((int)a, (int)m, (int)d, G_DAY);
            return j + 4;
        }
        if (m < 1 || m > 12 || (glued(p, j + 2) && (M(p, j + 2, sep) || T(p, j + 2)->k == K_NUM)))
            return -1;
        if (M(p, j + 2, '.') && glued(p, j + 2) && NUM(p, j + 3, 1, 9))
            return -1;
        o->lo = o->hi = pt((int)a, (int)m, 0, G_MONTH);
        return j + 2;
    }
    if (la > 2)
        return -1;
    int j = i + 1;
    if (!(M(p, j, '-') || M(p, j, '/') || M(p, j, '.')))
        return -1;
    char sep = p->t[T(p, j)->s];
    bool tight = glued(p, j) && glued(p, j + 1);
    /* "11/2016", "11 - 2016" */
    if (NUM(p, j + 1, 4, 4) && (tight || sep != '.') && a >= 1 && a <= 12 && V(p, j + 1) >= 1000 &&
        V(p, j + 1) <= 2999 && !(glued(p, j + 2) && (M(p, j + 2, sep) || T(p, j + 2)->k != K_MARK))) {
        o->lo = o->hi = pt((int)V(p, j + 1), (int)a, 0, G_MONTH);
        return j + 2;
    }
    if (!tight || !NUM(p, j + 1, 1, 2))
        return -1;
    long b = V(p, j + 1);
    long m = a, d = b;
    if (a > 12 && b <= 12)
        m = b, d = a;
    if (!valid_md(m, d))
        return -1;
    int k = j + 2;
    /* a third part: the year */
    if (M(p, k, sep) && glued(p, k) && glued(p, k + 1) && (NUM(p, k + 1, 4, 4) || NUM(p, k + 1, 2, 2)) &&
        !(glued(p, k + 2) && (T(p, k + 2)->k == K_NUM || (M(p, k + 2, '.') && NUM(p, k + 3, 1, 9))))) {
        long y = T(p, k + 1)->len == 4 ? V(p, k + 1) : yy_of(V(p, k + 1));
        if (y < 1000 || y > 2999)
            return -1;
        o->lo = o->hi = pt((int)y, (int)m, (int)d, G_DAY);
        return k + 2;
    }
    if (glued(p, k) && (M(p, k, sep) || T(p, k)->k != K_MARK))
        return -1;
    if (M(p, k, '.') && glued(p, k) && NUM(p, k + 1, 1, 9))
        return -1;
    /* "08/12,2015", "11/12,16", "5/7, 2020" */
    if (sep == '/' && M(p, k, ',') && glued(p, k) && T(p, k + 1)->gap <= 1 &&
        (NUM(p, k + 1, 4, 4) || (NUM(p, k + 1, 2, 2) && glued(p, k + 1)))) {
        long y = T(p, k + 1)->len == 4 ? V(p, k + 1) : yy_of(V(p, k + 1));
        if (y >= 1000 && y <= 2999) {
            o->lo = o->hi = pt((int)y, (int)m, (int)d, G_DAY);
            return k + 2;
        }
    }
    /* two parts: unlike a fraction or a decimal unless the context says date */
    if (!ctx) {
        if (sep == '.')
            return -1;
        if (a < 10 && b < 10)
            return -1;
        if (sep == '-' && d <= 12 && m <= 12 && a < 10)
            return -1;
    }
    o->lo = o->hi = pt(0, (int)m, (int)d, G_DAY);
    return k;
}

/* year of a unit relative to the reference: r R_NEXT +1, R_LAST -1 */
static int rel_off(int r)
{
    return r == R_NEXT || r == R_COMING || r == R_FOLLOWING ? 1 : r == R_LAST || r == R_PAST ? -1 : 0;
}

/* "next year", "this year", "last year" after a month or a week: the year */
static int relyear_at(P *p, int i, int *y)
{
    int r, e;
    int j = W(p, i, "of") || W(p, i, "in") ? i + 1 : i;
    if ((e = rel_at(p, j, &r)) > 0 && W(p, e, "year") && r != R_SAME && !W(p, j, "my")) {
        *y = p->ref ? p->ry + rel_off(r) : 0;
        return e + 1;
    }
    int yy;
    if (j != i && (e = year_at(p, j, &yy)) > 0) {
        *y = yy;
        return e;
    }
    return -1;
}

/* a month without a day: "February", "this Feb", "the month of Sept",
 * "mid March", "June of 1992", "dec/2018", "August 99", "june next year",
 * "the end of March" */
static int monthish(P *p, int i, dval *o)
{
    int j = i, r = R_NONE, mo, y = 0, e;
    bool pre = false;
    if (W(p, j, "the") && W(p, j + 1, "month") && W(p, j + 2, "of"))
        j += 3, pre = true;
    else if (W(p, j, "month") && W(p, j + 1, "of"))
        j += 2, pre = true;
    else if ((e = rel_at(p, j, &r)) > 0 && r != R_SAME && !W(p, j, "my"))
        j = e, pre = true;
    else if (W(p, j, "mid") || W(p, j, "early") || W(p, j, "late")) {
        j++, pre = true;
        if (DASH(p, j) && glued(p, j))
            j++;
    } else {
        int k = W(p, j, "the") ? j + 1 : j;
        if ((W(p, k, "end") || W(p, k, "beginning") || W(p, k, "start") || W(p, k, "middle")) &&
            W(p, k + 1, "of"))
            j = k + 2, pre = true;
    }
    if ((e = month_at(p, j, &mo)) < 0)
        return -1;
    static const char *const preps[] = {"in", "of", "since", "until", "till", "by", "during", "from",
                                        "between", "before", "after", "through", NULL};
    if (!pre && weak_month(p, j) && !word_before_is(p, T(p, j)->s, p->lo, preps))
        return -1;
    if (may_verb(p, j, e))
        return -1; /* "This may take longer", "May I ask" */
    int end = e, q = e;
    if ((M(p, q, '-') || M(p, q, '/')) && glued(p, q) && glued(p, q + 1) && NUM(p, q + 1, 4, 4) &&
        year_at(p, q + 1, &y) > 0) {
        end = q + 2;
    } else {
        if (M(p, q, ','))
            q++;
        bool of = W(p, q, "of") || W(p, q, "in");
        int ye;
        if ((ye = year_at(p, q + of, &y)) > 0) {
            end = ye;
        } else if (NUM(p, q + of, 2, 2) && (of || V(p, q) > 31) && !glued(p, q + of + 1)) {
            y = yy_of(V(p, q + of));
            end = q + of + 1;
        } else if ((ye = relyear_at(p, e, &y)) > 0) {
            end = ye;
        } else if (r != R_NONE && p->ref) {
            y = p->ry + rel_off(r);
        } else {
            y = 0;
        }
    }
    o->lo = o->hi = pt(y, mo, 0, G_MONTH);
    return end;
}

/* a decade: "the 1970s", "1990 s", "the '40s", "70's", "the seventies",
 * "the nineteen seventies", "the two thousands", "the twenty-tens" */
static int decade(P *p, int i, dval *o)
{
    static const char *const dw[] = {"tens", "twenties", "thirties", "forties", "fifties", "sixties",
                                     "seventies", "eighties", "nineties", NULL};
    int j = W(p, i, "the") ? i + 1 : i, k, base = 0, e;
    if (M(p, j, '\'') || (T(p, j)->k == K_MARK && T(p, j)->len == 3 &&
                          (unsigned char)p->t[T(p, j)->s + 2] == 0x99)) {
        if (!(glued(p, j + 1) && NUM(p, j + 1, 2, 2)))
            return -1;
        j++;
    }
    if (NUM(p, j, 2, 4) && T(p, j)->len != 3 && V(p, j) % 10 == 0) {
        int q = j + 1;
        if ((M(p, q, '\'') || (T(p, q)->k == K_MARK && T(p, q)->len == 3)) && glued(p, q))
            q++;
        if (!W(p, q, "s") || T(p, q)->gap > 1)
            return -1;
        base = (int)V(p, j);
        if (T(p, j)->len == 2)
            base += 1900;
        o->lo = pt(base, 0, 0, G_YEAR);
        o->hi = pt(base + 9, 0, 0, G_YEAR);
        return q + 1;
    }
    if (NUM(p, j, 1, 2) && ord_suffix(p, j + 1) && W(p, j + 2, "century") && V(p, j) >= 1 && V(p, j) <= 21) {
        base = (int)(V(p, j) - 1) * 100;
        o->lo = pt(base, 0, 0, G_YEAR);
        o->hi = pt(base + 99, 0, 0, G_YEAR);
        return j + 3;
    }
    if ((k = Win(p, j, dw)) >= 1) {
        o->lo = pt(1900 + 10 * k, 0, 0, G_YEAR);
        o->hi = pt(1909 + 10 * k, 0, 0, G_YEAR);
        return j + 1;
    }
    if (W(p, j, "noughties")) {
        o->lo = pt(2000, 0, 0, G_YEAR), o->hi = pt(2009, 0, 0, G_YEAR);
        return j + 1;
    }
    if (j == i)
        return -1; /* spelled forms need "the" */
    int a;
    bool ord;
    if ((e = numword(p, j, &a, &ord)) > 0 && !ord) {
        if (a >= 10 && a <= 20 && (k = Win(p, e, dw)) >= 0) { /* nineteen seventies */
            o->lo = pt(a * 100 + 10 * k, 0, 0, G_YEAR);
            o->hi = pt(a * 100 + 10 * k + 9, 0, 0, G_YEAR);
            return e + 1;
        }
        if (a == 20 && DASH(p, e) && (k = Win(p, e + 1, dw)) == 0) { /* twenty-tens */
            o->lo = pt(2010, 0, 0, G_YEAR), o->hi = pt(2019, 0, 0, G_YEAR);
            return e + 2;
        }
        if (a == 2 && W(p, e, "thousands")) {
            o->lo = pt(2000, 0, 0, G_YEAR), o->hi = pt(2009, 0, 0, G_YEAR);
            return e + 1;
        }
        if (a == 2 && W(p, e, "thousand") && W(p, e + 1, "and") && (k = Win(p, e + 2, dw)) >= 0) {
            o->lo = pt(2000 + 10 * k, 0, 0, G_YEAR), o->hi = pt(2009 + 10 * k, 0, 0, G_YEAR);
            return e + 3;
        }
    }
    return -1;
}

/* a quarter or half: "Q3", "2016 Q3", "q1-2019", "2016H2", "the third
 * quarter of 2016", "next year's fourth-quarter", "1st quarter of 2013" */
static int qtok(P *p, int i, int *q, bool *half)
{
    if ((W(p, i, "q") || W(p, i, "h")) && glued(p, i + 1) && NUM(p, i + 1, 1, 1) &&
        (clean_end(p, i + 2) || DASH(p, i + 2))) {
        *half = W(p, i, "h");
        *q = (int)V(p, i + 1);
        if (*q < 1 || *q > (*half ? 2 : 4))
            return -1;
        return i + 2;
    }
    return -1;
}

static void set_quarter(dval *o, int y, int q, bool half)
{
    int span = half ? 6 : 3;
    o->lo = pt(y, (q - 1) * span + 1, 1, G_MONTH);
    o->hi = pt(y, q * span, 1, G_MONTH);
}

static int quarter(P *p, int i, dval *o)
{
    int q, y = 0, e, e2;
    bool half = false;
    if ((e = qtok(p, i, &q, &half)) > 0) {
        int j = e;
        if ((DASH(p, j) && glued(p, j)) || W(p, j, "of"))
            j++;
        if ((e2 = year_at(p, j, &y)) > 0 && T(p, j)->k == K_NUM) {
            set_quarter(o, y, q, half);
            return e2;
        }
        if ((e2 = relyear_at(p, e, &y)) > 0) {
            set_quarter(o, y, q, half);
            return e2;
        }
        if (W(p, i, "h"))
            return -1; /* "H2" alone is no date */
        set_quarter(o, 0, q, half);
        return e;
    }
    if (NUM(p, i, 4, 4) && V(p, i) >= 1000 && V(p, i) <= 2999) {
        y = (int)V(p, i);
        int j = i + 1;
        if (DASH(p, j) && glued(p, j))
            j++;
        if ((e = qtok(p, j, &q, &half)) > 0) {
            set_quarter(o, y, q, half);
            return e;
        }
        if (W(p, j, "the") && (e = ordinal_at(p, j + 1, &q)) > 0 && W(p, e, "quarter") && q >= 1 && q <= 4) {
            set_quarter(o, y, q, false);
            return e + 1;
        }
    }
    if (W(p, i, "h") && glued(p, i + 1) && NUM(p, i + 1, 4, 4))
        return -1;
    int j = i;
    y = 0;
    if (W(p, j, "next") || W(p, j, "last") || W(p, j, "this")) {
        /* next year's third-quarter */
        int r;
        rel_at(p, j, &r);
        if (W(p, j + 1, "year") && M(p, j + 2, '\'') && W(p, j + 3, "s")) {
            y = p->ref ? p->ry + rel_off(r) : 0;
            j += 4;
        } else {
            return -1;
        }
    } else if (W(p, j, "the")) {
        j++;
    }
    if ((e = ordinal_at(p, j, &q)) < 0 || q < 1 || q > 4)
        return -1;
    if (DASH(p, e))
        e++;
    if (!W(p, e, "quarter"))
        return -1;
    e++;
    if (W(p, e, "of") && (e2 = year_at(p, e + 1, &y)) > 0)
        e = e2;
    else if (W(p, e, "of") && W(p, e + 1, "the") && W(p, e + 2, "year"))
        e += 3;
    else if ((e2 = relyear_at(p, e, &y)) > 0)
        e = e2;
    set_quarter(o, y, q, false);
    return e;
}

/* a season: "summer", "next spring", "mid summer", "summer of 2016" */
static int season(P *p, int i, dval *o)
{
    static const char *const s[] = {"spring", "summer", "autumn", "fall", "winter", NULL};
    static const int first[] = {3, 6, 9, 9, 12};
    int j = i, r = R_NONE, e, k, y = 0;
    if ((e = rel_at(p, j, &r)) > 0)
        j = e;
    else if (W(p, j, "the") || W(p, j, "mid") || W(p, j, "early") || W(p, j, "late"))
        j++;
    if ((k = Win(p, j, s)) < 0)
        return -1;
    if (k == 3 && j == i)
        return -1; /* "fall" alone is a verb */
    int end = j + 1;
    int q = W(p, end, "of") ? end + 1 : end;
    if ((e = year_at(p, q, &y)) > 0)
        end = e;
    else if (r != R_NONE && p->ref)
        y = p->ry + rel_off(r);
    o->lo = pt(y, first[k], 0, G_MONTH);
    o->hi = pt(first[k] == 12 ? (y ? y + 1 : 0) : y, first[k] == 12 ? 2 : first[k] + 2, 0, G_MONTH);
    return end;
}

/* a unit relative to the reference: "next week", "last month", "the year",
 * "this quarter", "the day before", "rest of the week", "later this
 * month", "end of year", "the week after next" */
static void unit_value(P *p, int u, int off, dval *o)
{
    if (!p->ref) {
        o->lo = o->hi = pt(0, 0, 0, u == U_DAY ? G_DAY : u == U_MONTH ? G_MONTH : G_YEAR);
        return;
    }
    switch (u) {
    case U_DAY: o->lo = o->hi = pt_day(p->rz + off); break;
    case U_MONTH: {
        dpt d = pt_day(cck_rd_add_months(cck_rd_days(p->ry, p->rm, 1), off));
        d.g = G_MONTH;
        o->lo = o->hi = d;
        break;
    }
    case U_YEAR: o->lo = o->hi = pt(p->ry + off, 0, 0, G_YEAR); break;
    case U_QUARTER: {
        int q = (p->rm - 1) / 3 + off, y = p->ry;
        while (q < 0)
            q += 4, y--;
        while (q > 3)
            q -= 4, y++;
        set_quarter(o, y, q + 1, false);
        break;
    }
    case U_DECADE: o->lo = pt(p->ry / 10 * 10 + 10 * off, 0, 0, G_YEAR), o->hi = o->lo; break;
    default: {
        long z = in_week(p->rz, 1) + 7L * off;
        o->lo = pt_day(z);
        o->hi = pt_day(z + 6);
        break;
    }
    }
}

static int relunit(P *p, int i, dval *o)
{
    int j = i, r = R_NONE, u, e;
    /* rest of the week */
    if (W(p, j, "rest") || (W(p, j, "remaining") && W(p, j + 1, "of"))) {
        j++;
        if (W(p, j, "of"))
            j++;
        if (W(p, j, "the") || W(p, j, "this") || W(p, j, "my") || W(p, j, "current"))
            j++;
        if ((e = unit_at(p, j, &u, false)) < 0)
            return -1;
        unit_value(p, u, 0, o);
        return e;
    }
    static const char *const up[] = {"up", "equals", "equal", NULL};
    if ((W(p, j, "to") || W(p, j, "till")) && W(p, j + 1, "date") &&
        (T(p, j + 2)->k == K_END || T(p, j + 2)->k == K_MARK) && !word_before_is(p, T(p, j)->s, p->lo, up)) {
        unit_value(p, U_DAY, 0, o);
        return j + 2;
    }
    if (W(p, j, "eoy") || W(p, j, "eom")) {
        unit_value(p, W(p, j, "eoy") ? U_YEAR : U_MONTH, 0, o);
        return j + 1;
    }
    if (W(p, j, "year") && W(p, j + 1, "to") && W(p, j + 2, "date")) {
        unit_value(p, U_YEAR, 0, o);
        return j + 3;
    }
    /* later this month, earlier in the week, late next year, mid next week */
    bool edge = false;
    if (W(p, j, "earlier") || W(p, j, "later") || W(p, j, "early") || W(p, j, "late") || W(p, j, "mid")) {
        if (W(p, j + 1, "in") && W(p, j + 2, "the") && (W(p, j, "earlier") || W(p, j, "later"))) {
            if ((e = unit_at(p, j + 3, &u, false)) < 0)
                return -1;
            unit_value(p, u, 0, o);
            return e;
        }
        j++, edge = true;
    } else {
        int k = W(p, j, "the") ? j + 1 : j;
        if ((W(p, k, "end") || W(p, k, "beginning") || W(p, k, "start") || W(p, k, "middle")) &&
            W(p, k + 1, "of")) {
            j = k + 2, edge = true;
            if (W(p, j, "the") && unit_at(p, j + 1, &u, false) > 0 && !W(p, j + 1, "day")) {
                /* "the end of the week" */
                e = unit_at(p, j + 1, &u, false);
                unit_value(p, u, 0, o);
                return e;
            }
            if ((e = unit_at(p, j, &u, false)) > 0 && (u == U_YEAR || u == U_MONTH || u == U_WEEK)) {
                unit_value(p, u, 0, o); /* "end of year" */
                return e;
            }
        }
    }
    int the = 0;
    if (!edge && W(p, j, "the")) {
        the = 1;
        j++;
    }
    if ((e = rel_at(p, j, &r)) > 0) {
        j = e;
    } else if (the && !edge) {
        /* "the day", "the week", "the year", "the week after next" */
        if ((e = unit_at(p, j, &u, false)) < 0)
            return -1;
        int yy;
        if (W(p, e, "of") && year_at(p, e + 1, &yy) > 0)
            return -1; /* "the year of 2008": the year is the date */
        o->keep_the = true;
        if (W(p, e, "after") && (W(p, e + 1, "next") || (W(p, e + 1, "the") && W(p, e + 2, "next")))) {
            unit_value(p, u, 2, o);
            return W(p, e + 1, "next") ? e + 2 : e + 3;
        }
        if (u == U_DAY && (W(p, e, "before") || W(p, e, "after"))) {
            unit_value(p, u, W(p, e, "before") ? -1 : 1, o);
            return e + 1;
        }
        unit_value(p, u, 0, o);
        return e;
    } else if (W(p, j, "weekend") && !edge) {
        unit_value(p, U_WEEKEND, 0, o);
        o->keep_the = true;
        return j + 1;
    } else {
        return -1;
    }
    if ((e = unit_at(p, j, &u, false)) < 0)
        return -1;
    if (r == R_SAME && W(p, i, "my"))
        return -1;
    int off = rel_off(r);
    if (r == R_THIS && W(p, j - 1, "my") && u != U_DAY && u != U_WEEK && u != U_WEEKEND)
        return -1;
    unit_value(p, u, off, o);
    o->keep_the = the && (u == U_DAY || u == U_DECADE);
    return e;
}

/* weekday phrases: "next monday", "this past wednesday", "friday",
 * "fri 14th", "Friday the 22nd", "tuesday of next week", "next week on
 * tuesday", "monday january 12th, 2016", "tue may 9", "friday 7/6" */
static int weekday(P *p, int i, dval *o)
{
    int j = i, r = R_NONE, wd, e, e2;
    bool on = W(p, j, "on");
    if (on)
        j++;
    /* next week on tuesday, this week monday, previous week - monday */
    int rw;
    if ((e = rel_at(p, j, &rw)) > 0 && W(p, e, "week") && rw != R_SAME) {
        if (on)
            return -1;
        int k = e + 1;
        if (W(p, k, "on") || DASH(p, k) || M(p, k, ','))
            k++;
        if ((e2 = weekday_at(p, k, &wd)) > 0) {
            if (p->ref)
                o->lo = o->hi = pt_day(in_week(p->rz, wd) + 7L * rel_off(rw));
            else
                o->lo = o->hi = pt(0, 0, 0, G_DAY);
            return e2;
        }
        return -1;
    }
    if ((e = rel_at(p, j, &r)) > 0) {
        if (r == R_SAME || W(p, j, "my"))
            return -1;
        j = e;
    } else if (on) {
        r = R_NONE;
    }
    if ((e = weekday_at(p, j, &wd)) < 0)
        return -1;
    int wday_tok = j;
    long base = p->rz;
    bool known = p->ref;
    switch (r) {
    case R_THIS: base = in_week(p->rz, wd); break;
    case R_NEXT: case R_FOLLOWING: base = in_week(p->rz, wd) + 7; break;
    case R_LAST: base = in_week(p->rz, wd) - 7; break;
    case R_COMING: {
        int dlt = (wd - cck_rd_weekday(p->rz) + 7) % 7;
        base = p->rz + (dlt ? dlt : 7);
        break;
    }
    case R_PAST: {
        int dlt = (cck_rd_weekday(p->rz) - wd + 7) % 7;
        base = p->rz - (dlt ? dlt : 7);
        break;
    }
    default: base = in_week(p->rz, wd); break; /* a bare weekday: this week's */
    }
    int end = e;
    dval sub;
    /* tuesday of next week, Friday next week, friday this week */
    int k = e, rr;
    if (W(p, k, "of"))
        k++;
    if (W(p, k, "the") && W(p, k + 1, "following") && W(p, k + 2, "week")) {
        base = in_week(p->rz, wd) + 7, known = p->ref;
        end = k + 3;
    } else if ((e2 = rel_at(p, k, &rr)) > 0 && W(p, e2, "week") && rr != R_SAME) {
        base = in_week(p->rz, wd) + 7L * rel_off(rr), known = p->ref;
        end = e2 + 1;
    } else if (!on) {
        int q = e;
        if (M(p, q, ',') || (DASH(p, q) && glued(p, q)))
            q++;
        else if (M(p, q, '(') && glued(p, q + 1))
            q++;
        int best = -1;
        dval v;
        if ((e2 = md(p, q, &v)) > best)
            best = e2, sub = v;
        if ((e2 = dm(p, q, &v)) > best)
            best = e2, sub = v;
        if ((e2 = numeric(p, q, &v, true)) > best)
            best = e2, sub = v;
        if (best > 0 && T(p, q)->gap <= 2) {
            if (M(p, q - 1, '(') && M(p, best, ')'))
                best++;
            else if (M(p, q - 1, '('))
                best = -1;
        }
        if (best > 0) {
            *o = sub;
            return best;
        }
        /* monday two weeks from now, thursday, two year from now */
        if ((e2 = durphrase(p, q, &sub)) > 0 && sub.lo.g == G_DAY) {
            *o = sub;
            if (sub.lo.y > 0)
                o->lo = o->hi = pt_day(in_week_sun(cck_rd_days(sub.lo.y, sub.lo.m, sub.lo.d), wd));
            return e2;
        }
        /* fri 14th, monday 21, Friday the 22nd */
        int d, qq = W(p, e, "the") ? e + 1 : e;
        bool strong;
        if ((e2 = day_at(p, qq, &d, &strong)) > 0 && (T(p, qq)->k != K_NUM || clean_end(p, e2)) &&
            unit_at(p, e2, &rr, true) < 0 && (strong || T(p, qq)->k == K_NUM || qq != e)) {
            if (p->ref)
                o->lo = o->hi = pt(p->ry, p->rm, d, G_DAY);
            else
                o->lo = o->hi = pt(0, 0, d, G_DAY);
            return e2;
        }
    }
    if (on && !(end != e && (W(p, end - 1, "week") && (W(p, end - 2, "next") || W(p, end - 2, "following")))))
        return -1; /* "on" stays out but in "on tuesday of next week" */
    if (r == R_NONE && end == e && weak_weekday(p, wday_tok))
        return -1;
    if (known)
        o->lo = o->hi = pt_day(base);
    else
        o->lo = o->hi = pt(0, 0, 0, G_DAY);
    return end;
}

/* "the 27th", "the 20th of next month", "the 15th day of next month",
 * "31st of this month", "the 18th", "second Sunday", "the first friday
 * of july", "the 9th month of next year", "the third week of 2027" */
static int ordinal_phrase(P *p, int i, dval *o, bool ctx)
{
    int j = W(p, i, "the") ? i + 1 : i, d, e, e2, wd, u, y = 0, mo, r;
    bool strong = false;
    bool last = false;
    if (W(p, j, "last")) {
        last = true;
        strong = true;
        e = j + 1;
        d = 5;
    } else if ((e = day_at(p, j, &d, &strong)) < 0) {
        return -1;
    } else if (!strong && !(T(p, j)->k == K_NUM && j != i)) {
        /* a cardinal day only as "the 27" */
        if (!ctx)
            return -1;
    }
    int k = e;
    /* weeks, months, quarters by ordinal: the third week of this month */
    if ((e2 = unit_at(p, k, &u, false)) > 0 && (u == U_WEEK || u == U_MONTH) && strong) {
        int q = e2;
        if (W(p, q, "of") || W(p, q, "in"))
            q++;
        if ((e = year_at(p, q, &y)) > 0) {
            o->lo = o->hi = pt(y, u == U_MONTH ? d : 1, 1, u == U_MONTH ? G_MONTH : G_YEAR);
            return e;
        }
        if ((e = month_at(p, q, &mo)) > 0 && u == U_WEEK) {
            int e3 = year_at(p, e, &y);
            o->lo = o->hi = pt(e3 > 0 ? y : 0, mo, 0, G_MONTH);
            return e3 > 0 ? e3 : e;
        }
        if ((e = rel_at(p, q, &r)) > 0 && (W(p, e, "year") || W(p, e, "month"))) {
            bool yr = W(p, e, "year");
            if (u == U_MONTH && yr && p->ref)
                o->lo = o->hi = pt(p->ry + rel_off(r), d, 0, G_MONTH);
            else
                unit_value(p, yr ? U_YEAR : U_MONTH, rel_off(r), o);
            return e + 1;
        }
        if (W(p, q, "the") && (W(p, q + 1, "year") || W(p, q + 1, "month"))) {
            unit_value(p, W(p, q + 1, "year") ? U_YEAR : U_MONTH, 0, o);
            return q + 2;
        }
        if ((e = relyear_at(p, e2, &y)) > 0) {
            o->lo = o->hi = pt(y, 0, 0, G_YEAR);
            return e;
        }
        return -1;
    }
    if (last)
        return -1;
    /* second Sunday, the first friday of july */
    if ((e2 = weekday_at(p, k, &wd)) > 0 && strong && d <= 5) {
        int q = e2, mo2 = p->rm, y2 = p->ry, end = e2;
        if (W(p, q, "of") || W(p, q, "in")) {
            if ((e = month_at(p, q + 1, &mo)) > 0) {
                mo2 = mo, end = e;
                y2 = 0;
            } else if ((e = rel_at(p, q + 1, &r)) > 0 && W(p, e, "month")) {
                long z = cck_rd_add_months(cck_rd_days(p->ry, p->rm, 1), rel_off(r));
                int dd;
                cck_rd_civil(z, &y2, &mo2, &dd);
                end = e + 1;
            }
        }
        if (p->ref && y2) {
            long first = cck_rd_days(y2, mo2, 1);
            int dlt = (wd - cck_rd_weekday(first) + 7) % 7;
            o->lo = o->hi = pt_day(first + dlt + 7L * (d - 1));
        } else {
            o->lo = o->hi = pt(0, mo2, 0, G_DAY);
        }
        return end;
    }
    /* the 20th of next month, the 15th day of next month, 23 next month */
    int q = k;
    if (W(p, q, "day") && W(p, q + 1, "of"))
        q += 2;
    else if (W(p, q, "of") || (W(p, q, "in") && ctx))
        q++;
    if ((e = rel_at(p, q, &r)) > 0 && W(p, e, "month") && r != R_SAME) {
        if (p->ref) {
            long z = cck_rd_add_months(cck_rd_days(p->ry, p->rm, 1), rel_off(r));
            int yy, mm, dd;
            cck_rd_civil(z, &yy, &mm, &dd);
            o->lo = o->hi = pt(yy, mm, d, G_DAY);
        } else {
            o->lo = o->hi = pt(0, 0, d, G_DAY);
        }
        return e + 1;
    }
    if (W(p, q, "the") && W(p, q + 1, "month")) {
        o->lo = o->hi = p->ref ? pt(p->ry, p->rm, d, G_DAY) : pt(0, 0, d, G_DAY);
        return q + 2;
    }
    if (j == i && !ctx)
        return -1;
    if (T(p, j)->k != K_NUM && !ctx && !(strong && T(p, k)->k == K_END))
        return -1; /* "the second" only alone at the end: "the second largest" is no date */
    if (unit_at(p, k, &u, true) > 0 || rel_at(p, k, &r) > 0 || !clean_end(p, k))
        return -1;
    static const char *const fw[] = {"of", "and", "or", "to", "through", "till", "until", "at", "in",
                                     "on", "with", "for", "from", "is", "was", "will", "would",
                                     "please", "then", "but", "instead", NULL};
    if (T(p, k)->k == K_WORD && Win(p, k, fw) < 0)
        return -1; /* "the 27th floor", "the 25th Anniversary" */
    o->lo = o->hi = pt(0, 0, d, G_DAY);
    o->keep_the = true;
    return k;
}

/* weeks: "week 31", "week 3 of 2027", "the week of april 10th", "the
 * week beginning february 4", "w/c feb 4", "the week of the 18th" */
static int weekphrase(P *p, int i, dval *o)
{
    int j = W(p, i, "the") ? i + 1 : i, e, y = 0;
    dval v;
    if (W(p, j, "w") && M(p, j + 1, '/') && W(p, j + 2, "c") && glued(p, j + 1) && glued(p, j + 2)) {
        int b = md(p, j + 3, &v);
        if (b < 0)
            b = dm(p, j + 3, &v);
        if (b > 0)
            *o = v;
        return b;
    }
    if (!W(p, j, "week") && !(W(p, j, "month") && j == i))
        return -1;
    bool wk = W(p, j, "week");
    j++;
    if (wk && NUM(p, j, 1, 2) && V(p, j) >= 1 && V(p, j) <= 53 && !glued(p, j + 1)) {
        int end = j + 1;
        y = p->ref ? p->ry : 0;
        if (W(p, end, "of") && (e = year_at(p, end + 1, &y)) > 0)
            end = e;
        else if ((e = relyear_at(p, end, &y)) > 0)
            end = e;
        o->lo = o->hi = pt(y, 0, 0, G_YEAR);
        return end;
    }
    if (wk && (W(p, j, "beginning") || W(p, j, "starting") || W(p, j, "commencing")))
        j += W(p, j + 1, "on") ? 2 : 1;
    else if (W(p, j, "of"))
        j++;
    else
        return -1;
    int b = md(p, j, &v);
    int b2 = dm(p, j, &v);
    if (b2 > b)
        b = b2, dm(p, j, &v);
    else if (b > 0)
        md(p, j, &v);
    if (b < 0 && W(p, j, "the") && (b = ordinal_phrase(p, j, &v, false)) < 0)
        return -1;
    if (b < 0)
        return -1;
    *o = v;
    return b;
}

/* a year with words around it: "year 2008", "the year 2011", "year 247",
 * "Year two hundred and sixty seven", "calendar year 2008", "cy18",
 * "fiscal year", "the end of 2008", "mid 1989", spelled years */
static int yearish(P *p, int i, dval *o)
{
    int j = i, y, e;
    int k = W(p, j, "the") ? j + 1 : j;
    if ((W(p, k, "end") || W(p, k, "beginning") || W(p, k, "start") || W(p, k, "middle")) && W(p, k + 1, "of") &&
        (e = year_at(p, k + 2, &y)) > 0) {
        o->lo = o->hi = pt(y, 0, 0, G_YEAR);
        return e;
    }
    if ((W(p, j, "mid") || W(p, j, "early") || W(p, j, "late")) && !glued(p, j + 1) &&
        (e = year_at(p, j + 1, &y)) > 0) {
        o->lo = o->hi = pt(y, 0, 0, G_YEAR);
        return e;
    }
    if ((W(p, j, "cy") || W(p, j, "sy") || W(p, j, "fy")) && glued(p, j + 1) && NUM(p, j + 1, 2, 2)) {
        o->lo = o->hi = pt(2000 + (int)V(p, j + 1), 0, 0, G_YEAR);
        return j + 2;
    }
    if ((W(p, j, "cy") || W(p, j, "sy") || W(p, j, "fy")) && (e = year_at(p, j + 1, &y)) > 0) {
        o->lo = o->hi = pt(y, 0, 0, G_YEAR);
        return e;
    }
    if (W(p, k, "calendar") || W(p, k, "fiscal") || W(p, k, "school"))
        k++, j = k - 1;
    if (W(p, k, "year")) {
        if ((e = year_at(p, k + 1, &y)) > 0 || (NUM(p, k + 1, 1, 3) && V(p, k + 1) > 0 && (y = (int)V(p, k + 1), e = k + 2)) ||
            (e = spelled_year(p, k + 1, &y, true)) > 0) {
            o->lo = o->hi = pt(y, 0, 0, G_YEAR);
            return e;
        }
        if (k != i && !W(p, i, "the")) { /* fiscal year */
            o->lo = o->hi = pt(0, 0, 0, G_YEAR);
            return k + 1;
        }
        return -1;
    }
    if (T(p, i)->k == K_WORD && (e = spelled_year(p, i, &y, false)) > 0 && e - i >= 2) {
        o->lo = o->hi = pt(y, 0, 0, G_YEAR);
        return e;
    }
    return -1;
}

/* relative to a duration: "two months ago", "in 2 weeks", "3 weeks later",
 * "two days from today", "2 weeks before may 13 1999", "next 3 days",
 * "within 5 days", "5 upcoming years", "the next 3 decades" */
static int durphrase(P *p, int i, dval *o)
{
    int j = i, e, e2, r, u, n;
    dur d;
    bool more = false;
    if ((W(p, j, "more") || W(p, j, "less")) && W(p, j + 1, "than"))
        j += 2, more = true;
    if (W(p, j, "in") && !more) {
        if ((e = dur_at(p, j + 1, &d)) < 0)
            return -1;
        o->lo = o->hi = p->ref ? pt_day(dur_apply(p->rz, &d, 1)) : pt(0, 0, 0, G_DAY);
        return e;
    }
    if (W(p, j, "within") && !more) {
        int k = j + 1;
        if (W(p, k, "the"))
            k++;
        if (W(p, k, "next") || W(p, k, "upcoming") || W(p, k, "coming"))
            k++;
        if ((e = dur_at(p, k, &d)) < 0)
            return -1;
        if (W(p, e, "from") && (W(p, e + 1, "today") || W(p, e + 1, "now")))
            e += 2;
        o->lo = p->ref ? pt_day(p->rz) : pt(0, 0, 0, G_DAY);
        o->hi = p->ref ? pt_day(dur_apply(p->rz, &d, 1)) : o->lo;
        return e;
    }
    /* next 3 days, the past 2 decades, previous 4 business days */
    int k = W(p, j, "the") && !more ? j + 1 : j;
    if (!more && (e = rel_at(p, k, &r)) > 0 && r != R_THIS && r != R_SAME) {
        if ((e2 = dur_at_(p, e, &d, true)) > 0) {
            /* next 3 days: from tomorrow on; past 3 weeks: up to today */
            if (!p->ref)
                o->lo = o->hi = pt(0, 0, 0, G_DAY);
            else if (rel_off(r) > 0)
                o->lo = pt_day(p->rz + 1), o->hi = pt_day(dur_apply(p->rz, &d, 1));
            else
                o->lo = pt_day(dur_apply(p->rz, &d, -1)), o->hi = pt_day(p->rz);
            o->keep_the = W(p, e2 - 1, "decades") || W(p, e2 - 1, "decade");
            return e2;
        }
        if ((W(p, e, "few") || W(p, e, "several") || W(p, e, "couple")) &&
            (e2 = unit_at(p, e + 1, &u, true)) > 0) {
            o->lo = o->hi = pt(0, 0, 0, G_DAY);
            return e2;
        }
        if (W(p, e, "decade") && k != j) {
            unit_value(p, U_DECADE, rel_off(r), o);
            o->keep_the = true;
            return e + 1;
        }
        return -1;
    }
    /* 5 upcoming years, 3 next weeks */
    if (!more && (e = count_at(p, j, &n)) > 0 && (e2 = rel_at(p, e, &r)) > 0 && r != R_THIS &&
        r != R_SAME && (e2 = unit_at(p, e2, &u, true)) > 0 && (p->t[T(p, e2 - 1)->e - 1] | 0x20) == 's') {
        o->lo = o->hi = pt(0, 0, 0, G_DAY);
        return e2;
    }
    if ((e = dur_at(p, j, &d)) < 0)
        return -1;
    if (W(p, e, "ago") || W(p, e, "later") || W(p, e, "hence") || W(p, e, "earlier")) {
        int sign = W(p, e, "ago") || W(p, e, "earlier") ? -1 : 1;
        o->lo = o->hi = p->ref ? pt_day(dur_apply(p->rz, &d, sign)) : pt(0, 0, 0, G_DAY);
        return e + 1;
    }
    if (W(p, e, "in") && W(p, e + 1, "the") && W(p, e + 2, "future")) {
        o->lo = o->hi = pt(0, 0, 0, G_DAY);
        return e + 3;
    }
    if ((W(p, e, "from") || W(p, e, "after") || W(p, e, "before")) ||
        (W(p, e, "starting") || (W(p, e, "since") && !more))) {
        int sign = W(p, e, "before") ? -1 : 1;
        int q = e + 1;
        if (W(p, e, "starting") && (W(p, q, "from") || W(p, q, "on")))
            q++;
        long z;
        bool known;
        int b = dayword_at(p, q, &z, &known, true);
        dval v;
        if (b < 0) {
            b = point(p, q, &v, true);
            if (b < 0)
                return -1;
            known = v.lo.g == G_DAY && v.lo.y > 0 && v.lo.m > 0;
            if (v.hol && p->ref) {
                z = hol_near(v.hol, p->rz - 1, 1); /* its next day, today included */
                known = true;
            } else if (known) {
                z = cck_rd_days(v.lo.y, v.lo.m, v.lo.d);
            } else if (v.lo.g == G_DAY && v.lo.y == 0 && v.lo.m > 0 && p->ref) {
                /* a day with no year: its next occurrence */
                z = cck_rd_days(p->ry, v.lo.m, v.lo.d);
                if (z < p->rz)
                    z = cck_rd_days(p->ry + 1, v.lo.m, v.lo.d);
                known = true;
            } else if (v.lo.g == G_YEAR && v.lo.y > 0) {
                z = cck_rd_days(v.lo.y, 1, 1);
                known = true;
            }
        }
        if (W(p, e, "starting") || W(p, e, "since"))
            sign = 1;
        o->lo = o->hi = known ? pt_day(dur_apply(z, &d, sign)) : pt(0, 0, 0, G_DAY);
        if (W(p, e, "starting"))
            o->lo = o->hi = known ? pt_day(z) : pt(0, 0, 0, G_DAY);
        return b;
    }
    return -1;
}

/* ---- holidays ---------------------------------------------------------- */

enum { HOL_NONE, HOL_CHRISTMAS, HOL_NEWYEAR, HOL_EASTER, HOL_BLACKFRIDAY, HOL_THANKSGIVING,
       HOL_EARTHDAY, HOL_PATRICK, HOL_INDEPENDENCE, HOL_LABOR, HOL_HALLOWEEN, HOL_WORKERS };

/* The day of holiday h in year y. */
static long hol_day(int h, int y)
{
    switch (h) {
    case HOL_CHRISTMAS: return cck_rd_days(y, 12, 25);
    case HOL_NEWYEAR: return cck_rd_days(y, 1, 1);
    case HOL_EARTHDAY: return cck_rd_days(y, 4, 22);
    case HOL_PATRICK: return cck_rd_days(y, 3, 17);
    case HOL_INDEPENDENCE: return cck_rd_days(y, 7, 4);
    case HOL_HALLOWEEN: return cck_rd_days(y, 10, 31);
    case HOL_WORKERS: return cck_rd_days(y, 5, 1);
    case HOL_LABOR: { /* the first Monday of September */
        long z = cck_rd_days(y, 9, 1);
        return z + (8 - cck_rd_weekday(z)) % 7;
    }
    case HOL_THANKSGIVING: case HOL_BLACKFRIDAY: { /* the fourth Thursday of November */
        long z = cck_rd_days(y, 11, 1);
        z += (4 - cck_rd_weekday(z) + 7) % 7 + 21;
        return h == HOL_BLACKFRIDAY ? z + 1 : z;
    }
    default: { /* Easter Sunday, the anonymous Gregorian computus */
        int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25;
        int g = (b - f + 1) / 3, hh = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4;
        int l = (32 + 2 * e + 2 * i - hh - k) % 7, m = (a + 11 * hh + 22 * l) / 451;
        int mo = (hh + l - 7 * m + 114) / 31, da = (hh + l - 7 * m + 114) % 31 + 1;
        return cck_rd_days(y, mo, da);
    }
    }
}

/* The nearest day of holiday h after z (dir 1) or before it (dir -1). */
static long hol_near(int h, long z, int dir)
{
    int y, m, d;
    cck_rd_civil(z, &y, &m, &d);
    long x = hol_day(h, y);
    if (dir > 0 && x <= z)
        x = hol_day(h, y + 1);
    if (dir < 0 && x >= z)
        x = hol_day(h, y - 1);
    return x;
}

/* A holiday's name: "christmas", "new year's day", "labor day" */
static int hol_at(P *p, int i, int *h)
{
    int e = i + 1;
    bool day = false;
    if (W(p, i, "christmas") || W(p, i, "xmas")) {
        *h = HOL_CHRISTMAS, day = true;
    } else if (W(p, i, "easter")) {
        *h = HOL_EASTER;
        if (W(p, e, "sunday"))
            e++;
    } else if (W(p, i, "halloween")) {
        *h = HOL_HALLOWEEN;
    } else if (W(p, i, "thanksgiving")) {
        *h = HOL_THANKSGIVING, day = true;
    } else if (W(p, i, "black") && W(p, e, "friday")) {
        *h = HOL_BLACKFRIDAY, e++;
    } else if (W(p, i, "new") && (W(p, e, "year") || W(p, e, "years"))) {
        *h = HOL_NEWYEAR, e++, day = true;
    } else if ((W(p, i, "earth") || W(p, i, "independence") || W(p, i, "labor") || W(p, i, "labour")) &&
               W(p, e, "day")) {
        *h = W(p, i, "earth") ? HOL_EARTHDAY : W(p, i, "independence") ? HOL_INDEPENDENCE : HOL_LABOR;
        e++;
    } else if ((W(p, i, "saint") || W(p, i, "st")) && W(p, e, "patrick")) {
        *h = HOL_PATRICK, e++, day = true;
    } else if (W(p, i, "international") && W(p, e, "workers") && W(p, e + 2, "day")) {
        *h = HOL_WORKERS;
        e = M(p, e + 1, '\'') || T(p, e + 1)->k == K_MARK ? e + 3 : -1;
        if (e < 0)
            return -1;
    } else {
        return -1;
    }
    if (day) { /* "new year's day", "saint patrick's day", "christmas day" */
        if ((M(p, e, '\'') || T(p, e)->k == K_MARK) && glued(p, e) && W(p, e + 1, "s") && W(p, e + 2, "day"))
            e += 3;
        else if (W(p, e, "day"))
            e++;
    }
    return e;
}

/* "easter 2018", "last easter", "independence day of this year", "labor
 * day 2021 weekend", "the weekend of halloween", "christmas" */
static int holiday(P *p, int i, dval *o)
{
    int j = i, r = R_NONE, h, e, y = 0;
    bool weekend = false;
    if (W(p, j, "the") && W(p, j + 1, "weekend") && W(p, j + 2, "of"))
        j += 3, weekend = true;
    else if (W(p, j, "weekend") && W(p, j + 1, "of"))
        j += 2, weekend = true;
    else if ((e = rel_at(p, j, &r)) > 0 && r != R_SAME && !W(p, j, "my"))
        j = e;
    if ((e = hol_at(p, j, &h)) < 0)
        return -1;
    int ye;
    if ((ye = year_at(p, e, &y)) > 0 && T(p, e)->k == K_NUM)
        e = ye;
    else if ((ye = relyear_at(p, e, &y)) > 0 && W(p, e, "of"))
        e = ye;
    else
        y = 0;
    if (!weekend && W(p, e, "weekend")) {
        e++, weekend = true;
        if (!y && (ye = year_at(p, e, &y)) > 0 && T(p, e)->k == K_NUM)
            e = ye; /* "halloween weekend 2021" */
        else if (!y)
            y = 0;
    }
    memset(o, 0, sizeof *o);
    long z;
    if (y > 0) {
        z = hol_day(h, y);
    } else if (r != R_NONE && p->ref) {
        int off = rel_off(r);
        z = off ? hol_near(h, p->rz, off) : hol_day(h, p->ry);
    } else {
        o->hol = h;
        o->lo = o->hi = pt(0, 0, 0, G_DAY);
        if (h != HOL_EASTER && h != HOL_LABOR && h != HOL_THANKSGIVING && h != HOL_BLACKFRIDAY) {
            int yy, mm, dd;
            cck_rd_civil(hol_day(h, 2000), &yy, &mm, &dd);
            o->lo = o->hi = pt(0, mm, dd, G_DAY);
        }
        o->keep_the = weekend;
        return e;
    }
    o->lo = o->hi = pt_day(z);
    if (weekend) {
        long sat = in_week(z, 6);
        o->lo = pt_day(sat), o->hi = pt_day(sat + 1);
    }
    o->keep_the = weekend;
    return e;
}

/* "this 5/12", "next 6th of april": a relative word before a day */
static int relabs(P *p, int i, dval *o)
{
    int r, e = rel_at(p, i, &r), b = -1, b2;
    if (e < 0 || r == R_SAME || W(p, i, "my") || W(p, i, "that"))
        return -1;
    dval v;
    if ((b2 = numeric(p, e, &v, true)) > b && v.lo.g == G_DAY)
        b = b2, *o = v;
    if ((b2 = md(p, e, &v)) > b)
        b = b2, *o = v;
    if ((b2 = dm(p, e, &v)) > b)
        b = b2, *o = v;
    return b;
}

/* "the first 2 weeks of 2021", "the last four months of 2021", "first ten
 * days of last year" */
static int partof(P *p, int i, dval *o)
{
    int j = W(p, i, "the") ? i + 1 : i, n, u, e, y, r, mo;
    if (!W(p, j, "first") && !W(p, j, "last"))
        return -1;
    if ((e = count_at(p, j + 1, &n)) < 0 || (e = unit_at(p, e, &u, true)) < 0 || !W(p, e, "of"))
        return -1;
    e++;
    int b;
    if ((b = year_at(p, e, &y)) > 0) {
        o->lo = o->hi = pt(y, 0, 0, G_YEAR);
        return b;
    }
    if ((b = rel_at(p, e, &r)) > 0 && (W(p, b, "year") || W(p, b, "month"))) {
        unit_value(p, W(p, b, "year") ? U_YEAR : U_MONTH, rel_off(r), o);
        return b + 1;
    }
    if ((b = month_at(p, e, &mo)) > 0) {
        o->lo = o->hi = pt(0, mo, 0, G_MONTH);
        return b;
    }
    return -1;
}

/* Every single-point reading at i; the longest wins. ctx: the phrase is
 * inside a range or after a weekday, where "4/22" or "the 27" is a date. */
enum { MAX_DEPTH = 4, MAX_CALLS = 400 };

static int point_(P *p, int i, dval *o, bool ctx);

/* point() with the work bound: "2 days from 2 days from ..." nests, and
 * every reading is tried at each level, so depth and calls are capped. */
static int point(P *p, int i, dval *o, bool ctx)
{
    memset(o, 0, sizeof *o);
    if (p->depth >= MAX_DEPTH || ++p->calls > MAX_CALLS)
        return -1;
    bool top = p->depth == 0 && i >= 0 && i < NTK;
    if (top && p->memo[i][ctx].gen == p->gen) {
        *o = p->memo[i][ctx].v;
        return p->memo[i][ctx].end;
    }
    p->depth++;
    int e = point_(p, i, o, ctx);
    p->depth--;
    if (top) {
        p->memo[i][ctx].gen = p->gen;
        p->memo[i][ctx].end = e;
        p->memo[i][ctx].v = *o;
    }
    return e;
}

static int point_(P *p, int i, dval *o, bool ctx)
{
    int best = -1, e, ctxm;
    dval v;
    memset(o, 0, sizeof *o);
#define TRYK(call, keep)                                                      \
    do {                                                                      \
        memset(&v, 0, sizeof v);                                              \
        if ((e = (call)) > best) {                                            \
            best = e, *o = v;                                                 \
            if (keep)                                                         \
                o->keep_the = true;                                           \
        }                                                                     \
    } while (0)
#define TRY(call) TRYK(call, false)
    const tk *x = T(p, i);
    if (x->k == K_NUM) {
        TRY(md(p, i, &v));
        TRY(dm(p, i, &v));
        TRY(ym(p, i, &v));
        TRY(numeric(p, i, &v, ctx));
        TRY(decade(p, i, &v));
        TRY(quarter(p, i, &v));
        TRY(ordinal_phrase(p, i, &v, ctx));
        TRY(durphrase(p, i, &v));
        if (NUM(p, i, 4, 4) && year_at(p, i, &v.lo.y) > 0 && best < 0) {
            int y = v.lo.y;
            v.lo = v.hi = pt(y, 0, 0, G_YEAR);
            if (ctx)
                best = i + 1, *o = v;
        }
    } else if (x->k == K_WORD) {
        TRY(md(p, i, &v));
        TRY(dm(p, i, &v));
        TRYK(monthish(p, i, &v), W(p, i + 1, "month") || W(p, i + 1, "end") || W(p, i + 1, "beginning") ||
                                     W(p, i + 1, "middle") || W(p, i + 1, "start"));
        TRYK(decade(p, i, &v), true);
        TRYK(quarter(p, i, &v), true);
        TRYK(season(p, i, &v), true);
        TRY(relunit(p, i, &v));
        TRY(weekday(p, i, &v));
        TRYK(ordinal_phrase(p, i, &v, ctx), !(W(p, i + 2, "day") && W(p, i + 3, "of") && month_at(p, i + 4, &ctxm) > 0));
        TRYK(weekphrase(p, i, &v), !NUM(p, i + 2, 1, 2));
        TRY(yearish(p, i, &v));
        TRY(durphrase(p, i, &v));
        TRY(relabs(p, i, &v));
        TRYK(holiday(p, i, &v), v.keep_the);
        TRYK(partof(p, i, &v), true);
        long z;
        bool known;
        if ((e = dayword_at(p, i, &z, &known, ctx)) > best) {
            best = e;
            memset(o, 0, sizeof *o);
            o->lo = o->hi = known ? pt_day(z) : pt(0, 0, 0, G_DAY);
            o->keep_the = true;
        }
    } else if (x->k == K_MARK) {
        TRY(decade(p, i, &v));
    }
#undef TRY
#undef TRYK
    return best;
}

/* a connector between the ends of a range */
static int conn_at(P *p, int i, bool and_ok)
{
    static const char *const w[] = {"to", "till", "until", "through", "thru", "til", NULL};
    if (Win(p, i, w) >= 0)
        return i + 1;
    if (DASH(p, i) || M(p, i, '~'))
        return i + 1;
    if (and_ok && W(p, i, "and"))
        return i + 1;
    return -1;
}

/* A day alone at the start of a range: "9 to 12 of june", "the ninth" */
static int bare_day(P *p, int i, int *d)
{
    int j = W(p, i, "the") ? i + 1 : i;
    bool strong;
    int e = day_at(p, j, d, &strong);
    if (e < 0)
        return -1;
    if (T(p, j)->k == K_NUM && T(p, j)->len > 2)
        return -1;
    return e;
}

/* ranges: "from may to september", "between 2014 and 2018", "feb 28th to
 * march 1st", "nov 18-dec 19, 2015", "2014~2018", "9 to 12 of june",
 * "April 9th through 17th", "November between 19 and 20" */
static int range(P *p, int i, dval *o)
{
    int j = i, e, c, d1, d2, mo, y;
    bool between = false, from = false;
    if (W(p, j, "from"))
        j++, from = true;
    else if (W(p, j, "between"))
        j++, between = true;
    dval a, b;
    /* a relative week and two weekdays: next week from Wednesday to Friday */
    int r;
    if ((e = rel_at(p, j, &r)) > 0 && W(p, e, "week") && !from && !between &&
        (W(p, e + 1, "from") || W(p, e + 1, "between"))) {
        int e2 = range(p, e + 1, &b);
        if (e2 > 0) {
            *o = b;
            return e2;
        }
    }
    /* November between 19 and 20, Feb between 2-7 two thousand and eighteen */
    if (!from && !between && (e = month_at(p, j, &mo)) > 0 && W(p, e, "between") &&
        (e = bare_day(p, e + 1, &d1)) > 0 && (c = conn_at(p, e, true)) > 0 && (e = bare_day(p, c, &d2)) > 0) {
        int ye = year_at(p, e, &y);
        o->lo = pt(ye > 0 ? y : 0, mo, d1, G_DAY);
        o->hi = pt(ye > 0 ? y : 0, mo, d2, G_DAY);
        return ye > 0 ? ye : e;
    }
    int ea = point(p, j, &a, true);
    int best = -1;
    /* day alone first: 9 to 12 of june, from 4 to January 22, 1995 */
    if ((e = bare_day(p, j, &d1)) > 0 && (c = conn_at(p, e, between)) > 0) {
        int eb = point(p, c, &b, true);
        if (eb > 0 && b.lo.g == G_DAY && b.lo.m > 0) {
            o->lo = pt(b.lo.y, b.lo.m, d1, G_DAY);
            o->hi = b.hi;
            best = eb;
        }
    }
    if (ea < 0)
        return best;
    if ((c = conn_at(p, ea, between)) < 0) {
        return best;
    }
    if (W(p, c, "the") && !between && 0)
        c++;
    int eb = point(p, c, &b, true);
    if (eb < 0 && W(p, c, "date") && from) { /* from March to date */
        eb = c + 1;
        b.lo = b.hi = p->ref ? pt_day(p->rz) : pt(0, 0, 0, G_DAY);
    }
    /* April 9th through 17th */
    if (a.lo.g == G_DAY && a.lo.m > 0 && (e = bare_day(p, c, &d2)) > 0 && e >= eb) {
        int ye = -1;
        int q = M(p, e, ',') ? e + 1 : e;
        if (a.lo.y == 0)
            ye = year_at(p, q, &y);
        if (e > best) {
            o->lo = a.lo;
            o->hi = pt(ye > 0 ? y : a.lo.y, d2 < a.lo.d ? a.lo.m % 12 + 1 : a.lo.m, d2, G_DAY);
            best = ye > 0 ? ye : e;
        }
    }
    /* a day alone ("20", "the tenth") on either side makes no range of
     * dates: "between 20 and 30" is a range of numbers */
    bool bare_a = a.lo.g == G_DAY && a.lo.m == 0 && a.lo.d > 0;
    bool bare_b = b.lo.g == G_DAY && b.lo.m == 0 && b.lo.d > 0;
    if (eb > best && !bare_a && !bare_b) {
        o->lo = a.lo;
        o->hi = b.hi;
        if (o->lo.y == 0 && b.hi.y > 0)
            o->lo.y = o->lo.m > b.hi.m ? b.hi.y - 1 : b.hi.y;
        best = eb;
    }
    return best;
}

/* bounds: "before 2015", "after mid may", "since this august", "no later
 * than january 1, 2010", "starting on january 7th", "year 2012 or later",
 * "1/1/2016 and after", "> = 2019" */
static int bound(P *p, int i, dval *o)
{
    static const char *const w[] = {"before", "after", "since", "by", "until", "till", NULL};
    int j = i, e, e2;
    if ((W(p, j, "no") && (W(p, j + 1, "later") || W(p, j + 1, "earlier")) && W(p, j + 2, "than")))
        j += 3;
    else if ((W(p, j, "later") || W(p, j, "earlier") || W(p, j, "greater")) && W(p, j + 1, "than"))
        j += 2;
    else if (W(p, j, "year") && W(p, j + 1, "greater") && W(p, j + 2, "than"))
        j += 3;
    else if ((W(p, j, "as") && (W(p, j + 1, "early") || W(p, j + 1, "late")) && W(p, j + 2, "as")))
        j += 3;
    else if (W(p, j, "starting") || W(p, j, "beginning"))
        j += W(p, j + 1, "on") || W(p, j + 1, "from") ? 2 : 1;
    else if (W(p, j, "around") && W(p, j + 1, "the"))
        j++;
    else if (Win(p, j, w) >= 0)
        j++;
    else if (M(p, j, '=') || ((M(p, j, '>') || M(p, j, '<')) && M(p, j + 1, '='))) {
        j += M(p, j, '=') ? 1 : 2;
        int y;
        if ((e = year_at(p, j, &y)) > 0 && T(p, j)->k == K_NUM) {
            o->lo = o->hi = pt(y, 0, 0, G_YEAR);
            return e;
        }
        return -1;
    }
    int best = -1;
    dval v;
    if (j > i) {
        if ((e = point(p, j, &v, false)) > best)
            best = e, *o = v;
        if ((e = range(p, j, &v)) > best && !W(p, j, "from") && !W(p, j, "between"))
            best = e, *o = v;
        if (best < 0 && NUM(p, j, 4, 4)) {
            int y;
            if ((e = year_at(p, j, &y)) > 0)
                best = e, o->lo = o->hi = pt(y, 0, 0, G_YEAR);
        }
        if (best < 0)
            return -1;
    } else {
        /* a suffix bound: 2018 or later, year 2016 and greater */
        if ((e = point(p, i, &v, false)) < 0) {
            int y;
            if (!NUM(p, i, 4, 4) || (e = year_at(p, i, &y)) < 0)
                return -1;
            v.lo = v.hi = pt(y, 0, 0, G_YEAR);
        }
        if ((W(p, e, "or") || W(p, e, "and")) &&
            (W(p, e + 1, "later") || W(p, e + 1, "after") || W(p, e + 1, "greater") || W(p, e + 1, "earlier")) &&
            (T(p, e + 2)->k == K_END || T(p, e + 2)->k == K_MARK || W(p, e + 2, "than"))) {
            *o = v;
            return W(p, e + 2, "than") ? -1 : e + 2;
        }
        return -1;
    }
    if ((W(p, best, "or") || W(p, best, "and")) &&
        (W(p, best + 1, "later") || W(p, best + 1, "after") || W(p, best + 1, "greater")) &&
        (T(p, best + 2)->k == K_END || T(p, best + 2)->k == K_MARK))
        best += 2;
    (void)e2;
    return best;
}

/* "a week starting tomorrow", "for 3 days, from today", "3 days starting
 * from next monday" */
static int forphrase(P *p, int i, dval *o)
{
    int j = i, e;
    dur d;
    if (!W(p, j, "for"))
        return -1;
    if ((e = dur_at(p, j + 1, &d)) < 0)
        return -1;
    int q = M(p, e, ',') ? e + 1 : e;
    if (!W(p, q, "from"))
        return -1;
    dval v;
    long z;
    bool known;
    int b = dayword_at(p, q + 1, &z, &known, false);
    if (b > 0) {
        o->lo = o->hi = known ? pt_day(z) : pt(0, 0, 0, G_DAY);
        return b;
    }
    if ((b = point(p, q + 1, &v, true)) < 0)
        return -1;
    *o = v;
    return b;
}

static int cmp_word(const void *a, const void *b)
{
    return strcmp((const char *)a, *(const char *const *)b);
}

/* Whether token i can open a phrase: a digit run, a mark, or one of the
 * words below (sorted) -- a cheap test before every reading is tried. */
static bool starter(P *p, int i)
{
    static const char *const words[] = {
        "a", "after", "an", "apr", "april", "around", "as", "aug", "august", "autumn",
        "before", "beginning", "between", "black", "by", "calendar", "christmas", "coming",
        "couple", "current", "cy", "dec", "december", "earlier", "early", "earth", "easter",
        "eight", "eighteen", "eighteenth", "eighth", "eighties", "eightieth", "eighty",
        "eleven", "eleventh", "end", "eom", "eoy", "fall", "feb", "february", "few",
        "fifteen", "fifteenth", "fifth", "fifties", "fiftieth", "fifty", "first", "fiscal",
        "five", "following", "for", "forties", "fortieth", "forty", "four", "fourteen",
        "fourteenth", "fourth", "fri", "friday", "fridays", "from", "fy", "greater", "h",
        "halloween", "in", "independence", "international", "jan", "january", "jul", "july",
        "jun", "june", "labor", "labour", "last", "late", "later", "less", "mar", "march",
        "may", "mid", "middle", "mon", "monday", "mondays", "month", "more", "my", "new",
        "next", "nine", "nineteen", "nineteenth", "nineties", "ninetieth", "ninety",
        "ninth", "no", "noughties", "nov", "november", "now", "oct", "october", "on", "one",
        "otd", "past", "previous", "q", "remaining", "rest", "saint", "same", "sat",
        "saturday", "saturdays", "school", "second", "sep", "sept", "september", "seven",
        "seventeen", "seventeenth", "seventh", "seventies", "seventieth", "seventy",
        "several", "since", "six", "sixteen", "sixteenth", "sixth", "sixties", "sixtieth",
        "sixty", "spring", "st", "start", "starting", "summer", "sun", "sunday", "sundays",
        "sy", "ten", "tens", "tenth", "thanksgiving", "that", "the", "third", "thirteen",
        "thirteenth", "thirties", "thirtieth", "thirty", "this", "three", "thu", "thur",
        "thurs", "thursday", "thursdays", "till", "tmrw", "to", "today", "tomorrow", "tue",
        "tues", "tuesday", "tuesdays", "twelfth", "twelve", "twenties", "twentieth",
        "twenty", "two", "until", "upcoming", "w", "wed", "wednesday", "wednesdays", "week",
        "weekend", "winter", "within", "xmas", "year", "yesterday", "zero"};
    const tk *x = T(p, i);
    if (x->k != K_WORD)
        return x->k != K_END;
    char w[16];
    size_t n = x->e - x->s;
    if (n >= sizeof w)
        return false;
    for (size_t k = 0; k < n; k++)
        w[k] = (char)(p->t[x->s + k] | 0x20);
    w[n] = '\0';
    return bsearch(w, words, sizeof words / sizeof words[0], sizeof words[0], cmp_word) != NULL;
}

/* The longest date phrase starting at token i. */
static int phrase(P *p, int i, dval *o)
{
    int best = -1, e;
    dval v;
    memset(o, 0, sizeof *o);
    if (!starter(p, i))
        return -1;
    if ((e = point(p, i, &v, false)) > best)
        best = e, *o = v;
    if ((e = range(p, i, &v)) > best)
        best = e, *o = v;
    if ((e = bound(p, i, &v)) > best)
        best = e, *o = v;
    if ((e = forphrase(p, i, &v)) > best)
        best = e, *o = v;
    if (best > 0 && W(p, best, "on")) {
        /* "in 3 days on friday", "two months from today on tuesday" */
        int wd;
        if ((e = weekday_at(p, best + 1, &wd)) > 0) {
            if (o->lo.g == G_DAY && o->lo.y > 0) {
                long z = in_week_sun(cck_rd_days(o->lo.y, o->lo.m, o->lo.d), wd);
                o->lo = o->hi = pt_day(z);
            }
            best = e;
        }
    }
    return best;
}

/* ---- scanner ----------------------------------------------------------- */

static bool starts_token(const char *t, size_t lo, size_t q)
{
    if (q == lo)
        return true;
    unsigned char c = (unsigned char)t[q], b = (unsigned char)t[q - 1];
    if (is_letter(c))
        return !is_letter(b) && !is_digit(b) && b != '$';
    if (is_digit(c)) {
        if (is_digit(b) || is_letter(b))
            return false;
        /* not inside "3/4", "1.5", "10:30", "$5" */
        if ((b == '/' || b == '.' || b == ':' || b == '-' || b == ',') && q >= lo + 2 &&
            is_digit((unsigned char)t[q - 2]))
            return false;
        return b != '$';
    }
    return c == '\'' || c == '=' || c == '>' || c == '<' || c == 0xE2;
}

/* Claims mode takes only all-digit dates that name a year and read one
 * way: "02/22/2016", "13.5.2015", "11/2016" (not "2010/11", a season). */
static int claims_numeric(P *p, dval *o)
{
    if (T(p, 0)->k != K_NUM || T(p, 0)->len > 2)
        return -1;
    int e = numeric(p, 0, o, false);
    if (e < 0 || o->lo.y < 1000)
        return -1;
    if (e == 3 && !M(p, 1, '/'))
        return -1; /* "11-2016" may be a range of numbers */
    if (e == 5 && (T(p, 4)->len != 4 || M(p, 3, ',')))
        return -1; /* "3-7-07", "08/12,15": too loose for a claim */
    return e;
}

/* Claims mode: the first digit from q on that starts a token (end when
 * none); the loop below steps over every other byte. */
static size_t next_claim_start(const cck_scan *sc, size_t q)
{
    const char *t = sc->text;
    size_t hi = sc->end;
    for (;;) {
        q = cck_bytes_skip_digits(t, q, hi);
        while (q < hi && !is_digit((unsigned char)t[q]))
            q++;
        if (q >= hi || starts_token(t, sc->start, q))
            return q;
        q++;
    }
}

void cck_ext_reldates(const cck_scan *sc, cck_cands *out)
{
    bool claims = !cck_scan_mentions(sc);
    size_t q = sc->start;
    if (claims) {
        q = next_claim_start(sc, q);
        if (q == sc->end)
            return; /* most units: no digit starts a token (and P is large) */
    }
    /* P is large: set what is read before it is written (tokens are
     * written before they are read, memo entries only count when their
     * gen is the current start's, which is never 0) */
    P p;
    p.t = sc->text;
    p.hi = sc->end;
    p.lo = sc->start;
    p.pos = 0;
    p.n = 0;
    p.eof = false;
    p.depth = p.calls = 0;
    p.gen = 0;
    for (size_t i = 0; i < NTK; i++)
        p.memo[i][0].gen = p.memo[i][1].gen = 0;
    p.ref = false;
    p.rz = 0;
    p.ry = p.rm = p.rd = 0;
    const char *ref = cck_scan_ref_date(sc);
    if (ref && cck_rd_parse(ref, &p.rz)) {
        p.ref = true;
        cck_rd_civil(p.rz, &p.ry, &p.rm, &p.rd);
    }
    while (q < sc->end) {
        if (claims && (q = next_claim_start(sc, q)) == sc->end)
            break;
        if (!starts_token(p.t, sc->start, q)) {
            q++;
            continue;
        }
        unsigned char c = (unsigned char)p.t[q];
        if (c == 0xE2 && !(q + 2 < sc->end && (unsigned char)p.t[q + 1] == 0x80 &&
                           (unsigned char)p.t[q + 2] == 0x99)) {
            q++;
            continue;
        }
        p.pos = q;
        p.n = 0;
        p.eof = false;
        p.depth = p.calls = 0;
        p.gen++;
        dval v, v1;
        int e, first = 0;
        if (claims) {
            if (!is_digit(c)) {
                while (q < sc->end && is_letter((unsigned char)p.t[q]))
                    q++;
                if (q == p.pos)
                    q++;
                continue;
            }
            e = claims_numeric(&p, &v);
        } else {
            e = phrase(&p, 0, &v);
        }
        if (!claims && (W(&p, 0, "the") || W(&p, 0, "in") || W(&p, 0, "on"))) {
            /* "the next quarter", "in the week": is the phrase the rest? */
            int e1 = phrase(&p, 1, &v1);
            if (e1 > e || (e1 == e && e > 0 && !(W(&p, 0, "the") && v.keep_the) &&
                           !(W(&p, 0, "in") || W(&p, 0, "on")))) {
                e = e1, v = v1, first = 1;
            } else if (e > 0 && W(&p, 0, "the") && !v.keep_the) {
                first = 1;
            }
            if (first == 1 && W(&p, 1, "the")) {
                /* "in the year to date": is it the rest again? */
                int e2 = phrase(&p, 2, &v1);
                if (e2 > e)
                    e = e2, v = v1, first = 2;
                else if (e > 2 && !v.keep_the)
                    first = 2; /* "on the second of Aug" */
            }
        }
        if (e <= 0) {
            /* skip the rest of this word or number */
            size_t r = q + 1;
            if (is_letter(c))
                while (r < sc->end && is_letter((unsigned char)p.t[r]))
                    r++;
            else if (is_digit(c))
                while (r < sc->end && is_digit((unsigned char)p.t[r]))
                    r++;
            q = r;
            continue;
        }
        const tk *last = T(&p, e - 1);
        cck_cand cd;
        memset(&cd, 0, sizeof cd);
        cd.claim.start = T(&p, first)->s;
        cd.claim.end = last->e;
        cd.claim.kind = CCK_KIND_DATE;
        cck_claim_set_unit(&cd.claim, "");
        char lo[CCK_DATE_TEXT], hi[CCK_DATE_TEXT];
        fmt(lo, v.lo);
        fmt(hi, v.hi.g ? v.hi : v.lo);
        if (!lo[0]) {
            memcpy(lo, "XXXX", 5);
            memcpy(hi, "XXXX", 5);
        }
        cck_claim_set_date(&cd.claim, false, lo);
        cck_claim_set_date(&cd.claim, true, hi);
        cd.priority = 35;
        cck_cands_push(out, &cd);
        q = last->e;
    }
}
