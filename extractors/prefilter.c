/* prefilter.c: cheap C scans that find where an extractor pattern could
 * start (cck_pf_*), so that its anchored twin runs only there instead of
 * the unanchored pattern trying every byte. Each scan is a superset of the
 * pattern's possible starts: it may offer a position the pattern then
 * refuses, never skip one where it could match (tests/test_extract.c). */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "extract.h"

/* byte classes */
enum {
    C_LOWER = 1, C_UPPER = 2, C_DIGIT = 4, C_UNDER = 8,
    C_LETTER = C_LOWER | C_UPPER,
    C_ALNUM = C_LETTER | C_DIGIT,
    C_WORD = C_ALNUM | C_UNDER /* PCRE2's \w without UCP */
};

/* the class of each byte: ASCII letters, digits, '_' */
#define L C_LOWER
#define U C_UPPER
#define D C_DIGIT
#define S C_UNDER
static const unsigned char cls[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    D, D, D, D, D, D, D, D, D, D, 0, 0, 0, 0, 0, 0,
    0, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U,
    U, U, U, U, U, U, U, U, U, U, U, 0, 0, 0, 0, S,
    0, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L,
    L, L, L, L, L, L, L, L, L, L, L, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};
#undef L
#undef U
#undef D
#undef S

static inline unsigned K(const char *t, size_t i)
{
    return cls[(unsigned char)t[i]];
}

/* Whether P_ATOM's lookbehind (?<![\p{L}\p{N}_'\\$...]) lets a figure start
 * after the byte b (0 at the start of the text). */
static inline bool figure_may_follow(unsigned char b)
{
    return !((cls[b] & C_WORD) || b == '\'' || b == '\\' || b == '$');
}

/* The end of the run of bytes of class mask at t[i]. */
static inline size_t run_end(const char *t, size_t i, size_t end, unsigned mask)
{
    while (i < end && (K(t, i) & mask))
        i++;
    return i;
}

/* The first byte at or after t[i] of a class of mask, or end. */
static inline size_t skip_to(const char *t, size_t i, size_t end, unsigned mask)
{
    while (i < end && !(K(t, i) & mask))
        i++;
    return i;
}

/* Whether the n letters at w are, lowercased, one of the words of list:
 * list[k] holds the words of k letters run together ("tenonetwo" for
 * k = 3), k < 16. */
static bool word_in_list(const char *w, size_t n, const char *p)
{
    char c0 = (char)(w[0] | 0x20);
    for (; *p; p += n) {
        if (p[0] != c0)
            continue;
        size_t k = 1;
        while (k < n && p[k] == (char)(w[k] | 0x20))
            k++;
        if (k == n)
            return true;
    }
    return false;
}

/* Letter runs the patterns can start with, by length (k letters run
 * together at [k]): FIGURE, P_ATOM's number words (WORDS) and the letters
 * of currency prefixes (CUR: US$, A$, HK$, U.S.$, USD 5 ...); ORD, ordinal
 * words; RANKED; FRAC, fraction words; UNITLONG, units before "-long". */
enum { W_FIGURE, W_ORD, W_RANKED, W_FRAC, W_UNITLONG, W_N, W_DATE = W_N };
static const char *const WORDS[W_N][16] = {
    [W_FIGURE] = {
        [1] = "acsu",
        [2] = "ushknz",
        [3] = "tenonetwosixusdeurgbpkrwkpwcnyjpy",
        [4] = "fourfivenine",
        [5] = "dozenfortyfiftysixtythreeseveneight",
        [6] = "twentythirtyeightyninetyeleventwelve",
        [7] = "seventyfifteensixteen",
        [8] = "thirteenfourteeneighteennineteen",
        [9] = "seventeen",
    },
    [W_ORD] = {
        [5] = "firstthirdfifthsixthninthtenth",
        [6] = "secondfourtheighth",
        [7] = "seventhtwelfth",
        [8] = "eleventh",
        [9] = "fifteenthtwentieth",
        [10] = "thirteenthfourteenth",
    },
    [W_RANKED] = {[5] = "ranks", [6] = "ranked", [7] = "ranking"},
    [W_FRAC] = {[1] = "a", [3] = "onetwo", [4] = "half", [5] = "three"},
    [W_UNITLONG] = {[2] = "km", [4] = "milefoot", [5] = "metremeter", [9] = "kilometrekilometer"},
};

/* The bytes, neither letter nor digit, a scan may stop at: the quote of
 * "'50s", U+2019 (0xE2) and the signs and symbols figure_sign() reads. */
static const unsigned char SIGNISH[256] = {['\''] = 1, ['$'] = 1, ['\\'] = 1, ['.'] = 1, ['-'] = 1,
                                           [0xC2] = 1, [0xE2] = 1};

/* first[l][n]: bit c - 'a' is set when list l has a word of n letters
 * starting with letter c. Most letter runs fail this one lookup. */
static uint32_t first[W_N][16];
/* lists_of[n][c - 'a']: bit l is set when list l has such a word (the
 * same table the other way round, for the one-pass index), bit W_DATE
 * when a date word does */
static unsigned char lists_of[16][26];
static pthread_once_t first_once = PTHREAD_ONCE_INIT;

/* The words a date can start with, by length (date_word()): month names
 * and abbreviations as cased in MONTH, and in any case qualifiers and
 * seasons. */
static const char *const DATE_MONTHS[16] = {
    [3] = "JanFebMarAprMayJunJulAugSepOctNovDec", [4] = "JuneJulySept", [5] = "MarchApril",
    [6] = "August", [7] = "JanuaryOctober", [8] = "FebruaryNovemberDecember", [9] = "September",
};
static const char *const DATE_OTHERS[16] = {
    [3] = "mid", [4] = "latefall", [5] = "early", [6] = "springsummerautumnwinter",
};

static void first_init(void)
{
    for (int l = 0; l < W_N; l++)
        for (size_t n = 1; n < 16; n++)
            for (const char *p = WORDS[l][n]; p && *p; p += n) {
                first[l][n] |= 1u << (p[0] - 'a');
                lists_of[n][p[0] - 'a'] |= (unsigned char)(1u << l);
            }
    for (size_t n = 1; n < 16; n++) {
        for (const char *p = DATE_MONTHS[n]; p && *p; p += n)
            lists_of[n][(p[0] | 0x20) - 'a'] |= 1u << W_DATE;
        for (const char *p = DATE_OTHERS[n]; p && *p; p += n)
            lists_of[n][p[0] - 'a'] |= 1u << W_DATE;
    }
}

/* Whether the n letters at w are, lowercased, a word of list l. */
static inline bool word_in(const char *w, size_t n, int l)
{
    unsigned c = (unsigned)((unsigned char)w[0] | 0x20) - 'a';
    return n < 16 && c < 26 && (first[l][n] >> c & 1) && word_in_list(w, n, WORDS[l][n]);
}

/* \s of the patterns (no UCP: ASCII white space) */
static inline bool ws(unsigned char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

/* Whether the letter run [i, j) of a FIGURE word may start P_ATOM given
 * what follows. One letter is "a" before \s and a scale or "dozen" ("a
 * hundred", any case), or a currency prefix: "A$", "C$", "S$" (cased,
 * a space allowed before "$"), "U.S.$". Longer words are not looked at. A
 * byte past ASCII after the letter is let through. */
static bool figure_follows(const char *t, size_t i, size_t j, size_t end)
{
    if (j - i != 1)
        return true;
    unsigned char c = (unsigned char)t[i], n1 = j < end ? (unsigned char)t[j] : 0;
    if (n1 >= 0x80)
        return true;
    if ((c | 0x20) == 'u')
        return n1 == '.';
    if ((c == 'A' || c == 'C' || c == 'S') &&
        (n1 == '$' || (n1 == ' ' && j + 1 < end && t[j + 1] == '$')))
        return true;
    if ((c | 0x20) != 'a')
        return false;
    size_t k = j;
    while (k < end && k - j < 8 && ws((unsigned char)t[k]))
        k++;
    return k > j && k < end && strchr("dhtmbDHTMB", t[k]) && t[k];
}

/* The same for P_FRAC: "a", "one", "two", "three" then one of [-\s] and
 * a fraction word ("third", "quarter", "fifth", "half"); "half" alone. */
static bool frac_follows(const char *t, size_t i, size_t j, size_t end)
{
    if (j - i == 4)
        return true; /* "half" */
    unsigned char n1 = j < end ? (unsigned char)t[j] : 0;
    if (n1 >= 0x80)
        return true;
    return (n1 == '-' || ws(n1)) && j + 1 < end && strchr("tqfhTQFH", t[j + 1]) && t[j + 1];
}

/* ---- dates (date.c, ATOM_FIND) ----------------------------------------- */

/* Whether the run of n letters at w can start a date atom. In every
 * alternative of ATOM a word is followed by no letter: a month name or
 * abbreviation (MONTH is case-sensitive: "May", never "may") before a
 * blank, a comma, a dash, a period or the end; a qualifier (early, mid,
 * late) before "-" or a space; a season (spring, summer, autumn, fall,
 * winter) before a space; those two in any case. So the run is one of
 * them, whole ("Marching", "earlier", "window" are not). */
static bool date_word(const char *w, size_t n)
{
    if (n >= 16)
        return false;
    if (DATE_MONTHS[n] && (cls[(unsigned char)w[0]] & C_UPPER))
        for (const char *p = DATE_MONTHS[n]; *p; p += n)
            if (!memcmp(p, w, n))
                return true;
    return DATE_OTHERS[n] && word_in_list(w, n, DATE_OTHERS[n]);
}

/* Whether the digits at t[i] can start a date atom. Every digit form of
 * ATOM is:
 * - 4 digits: a year (1xxx, 20xx, 2100: "1950", "1950s") or the year of
 *   an ISO day ("1950-05-06", any 4 digits);
 * - 1 or 2 digits then an ordinal suffix or "0s" ("12th century", "'50s"),
 *   a dash ("9-24 December", U+2013), " to " ("9 to 24 December"), or
 *   blanks (spaces, U+00A0) before a month name, which opens with one of
 *   J F M A S O N D. */
static bool date_digits(const char *t, size_t i, size_t end)
{
    size_t j = i + 1;
    while (j < end && j - i < 5 && (K(t, j) & C_DIGIT))
        j++;
    if (j - i == 4)
        return t[i] == '1' || (t[i] == '2' && t[i + 1] == '0') ||
               (t[i] == '2' && t[i + 1] == '1' && t[i + 2] == '0' && t[i + 3] == '0') ||
               (j < end && t[j] == '-');
    if (j - i > 2 || j >= end)
        return false;
    switch ((unsigned char)t[j]) {
    case 's': case 'n': case 'r': case 't': /* 1st 2nd 3rd 4th, 50s */
    case '-': case 0xE2:                    /* a dash, U+2013 */
        return true;
    case ' ': case 0xC2: {                  /* a space, U+00A0 */
        if (end - j >= 4 && t[j] == ' ' && t[j + 1] == 't' && t[j + 2] == 'o' && t[j + 3] == ' ')
            return true;
        size_t k = j;
        while (k < end && (t[k] == ' ' || (k + 1 < end && (unsigned char)t[k] == 0xC2 &&
                                            (unsigned char)t[k + 1] == 0xA0)))
            k += t[k] == ' ' ? 1 : 2;
        return k > j && k < end && strchr("JFMASOND", t[k]) && t[k];
    }
    default:
        return false;
    }
}

size_t cck_pf_date(const char *t, size_t i, size_t end)
{
    while (i < end) {
        unsigned char c = (unsigned char)t[i];
        unsigned k = cls[c];
        if (k) {
            /* (?<![\w$...]): never right after a word character, so only
             * the first byte of a run of them */
            bool start = i == 0 || !(K(t, i - 1) & C_WORD);
            if (start && (k & C_DIGIT) && date_digits(t, i, end))
                return i;
            if (start && (k & C_LETTER) && date_word(t + i, run_end(t, i + 1, end, C_LETTER) - i))
                return i;
            i = run_end(t, i + 1, end, C_WORD);
            continue;
        }
        if ((c == '\'' || (c == 0xE2 && i + 2 < end && (unsigned char)t[i + 1] == 0x80 &&
                           (unsigned char)t[i + 2] == 0x99)) &&
            (i == 0 || !(K(t, i - 1) & C_WORD)))
            return i; /* '50s, ’50s */
        i++;
    }
    return end;
}

/* ---- figures (number.c, P_ATOM) ---------------------------------------- */

/* Whether the byte at t[i] (no letter, digit or '_') can start P_ATOM:
 * a sign or a currency symbol. */
static bool figure_sign(const char *t, size_t i, size_t end)
{
    unsigned char c = (unsigned char)t[i];
    unsigned char b1 = i + 1 < end ? (unsigned char)t[i + 1] : 0;
    unsigned char b2 = i + 2 < end ? (unsigned char)t[i + 2] : 0;
    switch (c) {
    case '$': case '\\':
        return true; /* "$", "\$" */
    case '.': case '-':
        /* ".5", "-5", "-.5" */
        return (cls[b1] & C_DIGIT) || (c == '-' && b1 == '.');
    case 0xE2:
        /* "−5" (U+2212), "€" (U+20AC), "₩" (U+20A9) */
        return (b1 == 0x88 && b2 == 0x92) || (b1 == 0x82 && (b2 == 0xAC || b2 == 0xA9));
    case 0xC2:
        /* "£" (U+00A3), "¥" (U+00A5) */
        return b1 == 0xA3 || b1 == 0xA5;
    default:
        return false;
    }
}

size_t cck_pf_figure(const char *t, size_t i, size_t end)
{
    pthread_once(&first_once, first_init);
    while (i < end) {
        unsigned char c = (unsigned char)t[i];
        unsigned k = cls[c];
        bool start = figure_may_follow(i > 0 ? (unsigned char)t[i - 1] : 0);
        if (k) {
            if (start && (k & C_DIGIT))
                return i;
            if (start && (k & C_LETTER)) {
                size_t j = run_end(t, i + 1, end, C_LETTER);
                if (word_in(t + i, j - i, W_FIGURE) && figure_follows(t, i, j, end))
                    return i;
            }
            i = run_end(t, i + 1, end, C_WORD);
            continue;
        }
        if (start && figure_sign(t, i, end))
            return i;
        i++;
    }
    return end;
}

/* ---- ranks and small patterns (number.c) -------------------------------- */

size_t cck_pf_rank(const char *t, size_t i, size_t end)
{
    pthread_once(&first_once, first_init);
    while ((i = skip_to(t, i, end, C_ALNUM)) < end) {
        unsigned k = K(t, i);
        /* (?<![\p{L}\p{N}]) */
        bool start = i == 0 || !(K(t, i - 1) & C_ALNUM);
        size_t j = run_end(t, i + 1, end, k & C_DIGIT ? C_DIGIT : C_LETTER);
        if (start && (k & C_DIGIT)) {
            /* \d{1,3}(?:st|nd|rd|th) */
            if (j - i <= 3 && j + 2 <= end) {
                unsigned a = (unsigned char)t[j] | 0x20u, b = (unsigned char)t[j + 1] | 0x20u;
                if ((a == 's' && b == 't') || (a == 'n' && b == 'd') || (a == 'r' && b == 'd') ||
                    (a == 't' && b == 'h'))
                    return i;
            }
        } else if (start && word_in(t + i, j - i, W_ORD)) {
            return i;
        }
        i = run_end(t, j, end, C_ALNUM);
    }
    return end;
}

size_t cck_pf_ranked(const char *t, size_t i, size_t end)
{
    pthread_once(&first_once, first_init);
    while ((i = skip_to(t, i, end, ~0u)) < end) {
        /* \b before the word */
        if ((t[i] | 0x20) == 'r' && (i == 0 || !(K(t, i - 1) & C_WORD)) &&
            word_in(t + i, run_end(t, i + 1, end, C_LETTER) - i, W_RANKED))
            return i;
        i = run_end(t, i + 1, end, C_WORD);
    }
    return end;
}

size_t cck_pf_no1(const char *t, size_t i, size_t end)
{
    for (; i + 2 < end; i++) {
        const char *p = memchr(t + i, 'N', end - 2 - i);
        if (!p)
            break;
        i = (size_t)(p - t);
        if (t[i + 1] == 'o' && t[i + 2] == '.')
            return i;
    }
    return end;
}

size_t cck_pf_frac(const char *t, size_t i, size_t end)
{
    pthread_once(&first_once, first_init);
    while ((i = skip_to(t, i, end, C_LETTER)) < end) {
        /* (?<![\p{L}]): a digit may stand before it */
        size_t j = run_end(t, i + 1, end, C_LETTER);
        if ((i == 0 || !(K(t, i - 1) & C_LETTER)) && word_in(t + i, j - i, W_FRAC) &&
            frac_follows(t, i, j, end))
            return i;
        i = j;
    }
    return end;
}

size_t cck_pf_unitlong(const char *t, size_t i, size_t end)
{
    pthread_once(&first_once, first_init);
    while ((i = skip_to(t, i, end, C_ALNUM)) < end) {
        unsigned k = K(t, i);
        /* (?<![\p{L}\p{N}-]), then "-long" ... */
        size_t j = run_end(t, i + 1, end, C_LETTER);
        if ((k & C_LETTER) && (i == 0 || !((K(t, i - 1) & C_ALNUM) || t[i - 1] == '-')) && j < end &&
            t[j] == '-' && word_in(t + i, j - i, W_UNITLONG))
            return i;
        i = run_end(t, j, end, C_ALNUM);
    }
    return end;
}

const cck_pf_next cck_pf_scanners[CCK_PF_N] = {
    [CCK_PF_DATE] = cck_pf_date,     [CCK_PF_FIGURE] = cck_pf_figure, [CCK_PF_RANK] = cck_pf_rank,
    [CCK_PF_RANKED] = cck_pf_ranked, [CCK_PF_NO1] = cck_pf_no1,       [CCK_PF_FRAC] = cck_pf_frac,
    [CCK_PF_UNITLONG] = cck_pf_unitlong,
};

/* ---- one pass for all of them ------------------------------------------ */

static void add(cck_pf_index *x, int f, size_t p)
{
    if (x->l[f].n == x->l[f].cap) {
        x->l[f].cap = x->l[f].cap ? x->l[f].cap * 2 : 64;
        x->l[f].v = cck_xreallocarray(x->l[f].v, x->l[f].cap, sizeof *x->l[f].v);
    }
    x->l[f].v[x->l[f].n++] = p;
}

/* The lists a run of letters t[i, j) is in (ls: lists_of[] for its length
 * and first letter, not 0), each offered when the byte before it allows. */
static void index_word(cck_pf_index *x, const char *t, size_t i, size_t j, size_t end, unsigned ls)
{
    size_t n = j - i;
    unsigned char c = (unsigned char)t[i];
    unsigned char b = i > 0 ? (unsigned char)t[i - 1] : 0;
    unsigned pk = cls[b];
    bool fig = figure_may_follow(b);
    if ((ls >> W_DATE & 1) && !(pk & C_WORD) && date_word(t + i, n))
        add(x, CCK_PF_DATE, i);
#define IN_LIST(l) ((ls >> (l) & 1) && word_in_list(t + i, n, WORDS[l][n]))
    if (fig && IN_LIST(W_FIGURE) && figure_follows(t, i, j, end))
        add(x, CCK_PF_FIGURE, i);
    if (!(pk & C_ALNUM) && IN_LIST(W_ORD))
        add(x, CCK_PF_RANK, i);
    if ((c | 0x20) == 'r' && !(pk & C_WORD) && IN_LIST(W_RANKED))
        add(x, CCK_PF_RANKED, i);
    if (!(pk & C_LETTER) && IN_LIST(W_FRAC) && frac_follows(t, i, j, end))
        add(x, CCK_PF_FRAC, i);
    if (!((pk & C_ALNUM) || b == '-') && j < end && t[j] == '-' && IN_LIST(W_UNITLONG))
        add(x, CCK_PF_UNITLONG, i);
#undef IN_LIST
}

/* The scanners above, each a test of one position and the byte before it
 * (what they skip cannot start their pattern), merged: a run of letters or
 * digits is looked at once, at its first byte. A run of letters, the most
 * common case, costs one table lookup past its end unless its length and
 * first letter are those of a listed word; the byte before a position is
 * read only for a run that may start something. */
void cck_pf_index_unit(cck_pf_index *x, const char *t, size_t start, size_t end)
{
    pthread_once(&first_once, first_init);
    x->start = start;
    x->end = end;
    for (int f = 0; f < CCK_PF_N; f++)
        x->l[f].n = 0;
    size_t i = start;
    while (i < end) {
        unsigned char c = (unsigned char)t[i];
        unsigned k = cls[c];
        if (k & C_LETTER) {
            size_t j = run_end(t, i + 1, end, C_LETTER), n = j - i;
            if (j < end && t[j] == '.' && n >= 2 && t[j - 2] == 'N' && t[j - 1] == 'o')
                add(x, CCK_PF_NO1, j - 2);
            /* the lists that have a word of this length and first letter
             * (the date words too): none for most words, which then need
             * no other test */
            unsigned ls = n < 16 ? lists_of[n][(c | 0x20) - 'a'] : 0;
            if (ls)
                index_word(x, t, i, j, end, ls);
            i = j;
            continue;
        }
        if (!k && !SIGNISH[c]) {
            i++; /* a blank or a mark that starts nothing */
            continue;
        }
        unsigned char b = i > 0 ? (unsigned char)t[i - 1] : 0;
        unsigned pk = cls[b];
        bool fig = figure_may_follow(b);
        if (k & C_DIGIT) {
            size_t j = run_end(t, i + 1, end, C_DIGIT);
            if (!(pk & C_WORD) && date_digits(t, i, end))
                add(x, CCK_PF_DATE, i);
            if (fig)
                add(x, CCK_PF_FIGURE, i);
            if (!(pk & C_ALNUM) && j - i <= 3 && j + 2 <= end) {
                unsigned s1 = (unsigned char)t[j] | 0x20u, s2 = (unsigned char)t[j + 1] | 0x20u;
                if ((s1 == 's' && s2 == 't') || (s1 == 'n' && s2 == 'd') || (s1 == 'r' && s2 == 'd') ||
                    (s1 == 't' && s2 == 'h'))
                    add(x, CCK_PF_RANK, i);
            }
            i = j;
            continue;
        }
        if (!k) { /* not '_' */
            if (!(pk & C_WORD) && (c == '\'' || (c == 0xE2 && i + 2 < end && (unsigned char)t[i + 1] == 0x80 &&
                                                 (unsigned char)t[i + 2] == 0x99)))
                add(x, CCK_PF_DATE, i);
            if (fig && figure_sign(t, i, end))
                add(x, CCK_PF_FIGURE, i);
        }
        i++;
    }
}

void cck_pf_index_free(cck_pf_index *x)
{
    for (int f = 0; f < CCK_PF_N; f++) {
        free(x->l[f].v);
        x->l[f].v = NULL;
        x->l[f].n = x->l[f].cap = 0;
    }
}

size_t cck_pf_index_next(const cck_pf_index *x, int f, size_t i)
{
    const size_t *v = x->l[f].v;
    size_t lo = 0, hi = x->l[f].n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (v[mid] < i)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < x->l[f].n ? v[lo] : x->end;
}
