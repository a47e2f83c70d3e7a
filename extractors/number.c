/* number.c: counts, measures, percentages, money and ranks. PCRE2 finds
 * the figures (digits or number words, with a currency sign); C code reads
 * what surrounds them (scale word, range, unit, rate, conversion in
 * parentheses) and drops figures that name things rather than count them.
 * Table cells take their unit from the row or column header. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <math.h>
#include <pcre2.h>
#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "units.h"

enum { PRIO_YEARLIKE = 1, PRIO_COUNT = 5, PRIO_COUNT_RANGE = 12, PRIO_MEASURE = 15, PRIO_RANK = 20 };
enum { MAX_DIGITS = 40, FIGURE_WINDOW = 512 };

#define WORDS_UNITS "one|two|three|four|five|six|seven|eight|nine"
#define WORDS                                                                   \
    "a\\s{1,8}dozen|dozen|"                                                         \
    "a(?=\\s{1,8}(?:hundred|thousand|million|billion)(?![\\p{L}]))|"                 \
    "(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"                 \
    "(?:[-\\s](?:" WORDS_UNITS ")(?![\\p{L}]))?|"                               \
    "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|"  \
    "nineteen|" WORDS_UNITS
#define CUR                                                                     \
    "(?<cur>\\\\\\$|(?-i:US|A|C|HK|NZ|S)\\x20?\\$|U\\.S\\.\\s?\\$|\\$|€|£|¥|₩|"     \
    "(?-i:USD|EUR|GBP|KRW|KPW|CNY|JPY)(?=\\s?\\d))\\s?"
#define NUM                                                                     \
    "(?<num>[-−]?(?:\\d{1,3}(?:(?:,|\\x{2009}|\\x{202F}|\\x{A0})\\d{3}){1,12}|\\d{1,3}(?:\\x20\\d{3}){1,12}(?![\\d,])|\\d{1,40}|(?=\\.\\d))"   \
    "(?:\\.\\d{1,40})?)" \
    "(?![.,]\\d|·|\\d)"
#define FIGURE "(?:" CUR ")?(?:" NUM "|(?<word>" WORDS ")(?![\\p{L}\\p{N}]))"

/* a figure that starts a claim: not glued to a word, a name or a longer number */
static const char *const P_ATOM =
    "(?<![\\p{L}\\p{N}_·'’\\\\$€£¥₩])(?<!\\p{L}[-‐+])(?<!\\d[.,:/\\-–—])" FIGURE;
/* a figure that ends a range ("10-15"): anchored, no look-behind. Anchored
 * at compile time: PCRE2_ANCHORED at match time would bypass the JIT, and
 * the interpreter scans the rest of the subject for invalid UTF-8 on every
 * call (quadratic on a long unit). */
static const char *const P_ATOM2 = FIGURE;

const char *cck_ext_number_pattern(void)
{
    return P_ATOM;
}

#define ORD                                                                     \
    "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"        \
    "eleventh|twelfth|thirteenth|fourteenth|fifteenth|twentieth|"              \
    "\\d{1,3}(?:st|nd|rd|th)"
#define SUPER                                                                   \
    "(?:most|least)\\s{1,8}\\p{L}{1,30}|largest|biggest|busiest|highest|"                \
    "(?!(?:inter|for|hon|mod|requ|gu|harv|southw|northw|midw)est)\\p{L}{2,30}est"
#define PLACE                                                                   \
    "urban\\s{1,8}(?:cent(?:er|re)s?|areas?)|metropolitan\\s{1,8}areas?|cit(?:y|ies)|"  \
    "towns?|ports?|economy|economies|countr(?:y|ies)|producers?|municipalit(?:y|ies)|" \
    "settlements?|companies|company|industrial\\s{1,8}cent(?:er|re)s?"

static const char *const P_RANK =
    "(?<![\\p{L}\\p{N}])(?<ord>" ORD ")"
    "(?:"
    "[-\\s](?:" SUPER ")(?:\\s{1,8}(?:" PLACE "))?(?![\\p{L}])"
    "|[-\\s]cit(?:y|ies)(?![\\p{L}])"
    "|\\s{1,8}year\\s{1,8}of\\s{1,8}(?:King|Queen|Emperor|Empress|the\\s{1,8}reign\\s{1,8}of)\\s{1,8}\\p{Lu}[\\p{L}-]{0,30}"
    "|(?=\\s{1,8}and\\s{1,8}(?:" ORD ")[-\\s](?:" SUPER ")(?![\\p{L}]))"
    ")";
/* "ranked fifth", "ranks 12th in the world" */
static const char *const P_RANKED =
    "\\b(?:ranked|ranks|ranking)\\s{1,8}(?:as\\s{1,8})?(?:the\\s{1,8})?\\K(?<ord>" ORD ")(?![\\p{L}\\p{N}])";
/* "the No. 1 weapon" */
static const char *const P_NO1 = "(?<=\\b[Tt]he\\s)No\\.\\s?(?<n>[1-3])(?![\\d\\p{L}])";
/* "a third of", "less than a quarter", "two-thirds" */
static const char *const P_FRAC =
    "(?<![\\p{L}])(?:(?<n>a|one|two|three)[-\\s](?<d>third|quarter|fifth)s?|(?:(?:a|one)[-\\s])?(?<h>half))"
    "(?![\\p{L}])";
/* "kilometre-long" */
static const char *const P_UNITLONG =
    "(?<![\\p{L}\\p{N}-])(?<u>kilomet(?:re|er)|km|mile|metre|meter|foot)"
    "-(?:long|wide|high|deep|tall)(?![\\p{L}])";

static cck_re *re_atom, *re_atom2;
/* the anchored twins of the patterns that scan a whole unit, tried only
 * where their prefilter (prefilter.c) says a match could start */
static cck_re *re_atom_at, *re_rank_at, *re_ranked_at, *re_no1_at, *re_frac_at, *re_unitlong_at;

static const cck_pf_pattern PREFILTERED[] = {
    {"figure", P_ATOM, PCRE2_CASELESS, CCK_PF_FIGURE, NULL},   {"rank", P_RANK, PCRE2_CASELESS, CCK_PF_RANK, NULL},
    {"ranked", P_RANKED, PCRE2_CASELESS, CCK_PF_RANKED, NULL}, {"no1", P_NO1, 0, CCK_PF_NO1, NULL},
    {"frac", P_FRAC, PCRE2_CASELESS, CCK_PF_FRAC, NULL},
    {"unitlong", P_UNITLONG, PCRE2_CASELESS, CCK_PF_UNITLONG, NULL},
};

size_t cck_ext_numbers_prefiltered(const cck_pf_pattern **out)
{
    *out = PREFILTERED;
    return sizeof PREFILTERED / sizeof *PREFILTERED;
}

/* Compiles the family's patterns (a bad pattern is a programming error:
 * CCK_ERR_INPUT with the message in err). Call before starting threads. */
cck_status cck_ext_numbers_init(char *err, size_t errlen)
{
    cck_units_init();
    struct {
        cck_re **re;
        const char *p;
        uint32_t opt;
    } pats[] = {
        {&re_atom, P_ATOM, PCRE2_CASELESS},   {&re_atom2, P_ATOM2, PCRE2_CASELESS | PCRE2_ANCHORED},
        {&re_atom_at, P_ATOM, PCRE2_CASELESS | PCRE2_ANCHORED},
        {&re_rank_at, P_RANK, PCRE2_CASELESS | PCRE2_ANCHORED},
        {&re_ranked_at, P_RANKED, PCRE2_CASELESS | PCRE2_ANCHORED},
        {&re_no1_at, P_NO1, PCRE2_ANCHORED},
        {&re_frac_at, P_FRAC, PCRE2_CASELESS | PCRE2_ANCHORED},
        {&re_unitlong_at, P_UNITLONG, PCRE2_CASELESS | PCRE2_ANCHORED},
    };
    cck_ext_numbers_cleanup(); /* a second init replaces, never leaks */
    for (size_t i = 0; i < sizeof pats / sizeof *pats; i++) {
        *pats[i].re = cck_re_compile(pats[i].p, pats[i].opt, err, errlen);
        if (!*pats[i].re) {
            cck_ext_numbers_cleanup();
            return CCK_ERR_INPUT;
        }
    }
    return CCK_OK;
}

void cck_ext_numbers_cleanup(void)
{
    cck_re **all[] = {&re_atom,    &re_atom2,     &re_atom_at,
                      &re_rank_at, &re_ranked_at, &re_no1_at,    &re_frac_at,
                      &re_unitlong_at};
    for (size_t i = 0; i < sizeof all / sizeof *all; i++) {
        cck_re_free(*all[i]);
        *all[i] = NULL;
    }
}

/* ---- small text helpers ------------------------------------------------ */

static bool is_alpha(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

static bool is_upper(unsigned char c)
{
    return c >= 'A' && c <= 'Z';
}

static bool is_lower(unsigned char c)
{
    return c >= 'a' && c <= 'z';
}

/* a letter, digit or any non-ASCII byte: part of a word for our purposes */
static bool wordish(unsigned char c)
{
    return is_alpha(c) || is_digit(c) || c >= 0x80 || c == '_';
}

static size_t skip_blanks(const char *t, size_t i, size_t end)
{
    for (;;) {
        if (i < end && (t[i] == ' ' || t[i] == '\t'))
            i++;
        else if (i + 1 < end && (unsigned char)t[i] == 0xC2 && (unsigned char)t[i + 1] == 0xA0)
            i += 2;
        else
            return i;
    }
}

static int strncasecmp_ascii(const char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        int x = (unsigned char)a[i], y = (unsigned char)b[i];
        x = x >= 'A' && x <= 'Z' ? x + 32 : x;
        y = y >= 'A' && y <= 'Z' ? y + 32 : y;
        if (x != y)
            return x - y;
    }
    return 0;
}

static size_t word_at_rest(const char *t, size_t i, size_t end, const char *w);

/* Does t[i, end) start with word w (case-insensitive) ending at a word
 * boundary? Inline: most calls end at the first byte (no strlen). */
static inline size_t word_at(const char *t, size_t i, size_t end, const char *w)
{
    if (i >= end)
        return 0;
    unsigned char a0 = (unsigned char)t[i];
    if ((is_upper(a0) ? a0 + 32 : a0) != (unsigned char)w[0])
        return 0;
    return word_at_rest(t, i, end, w);
}

static size_t word_at_rest(const char *t, size_t i, size_t end, const char *w)
{
    size_t n = strlen(w);
    if (end - i < n || (end > i + n && wordish((unsigned char)t[i + n])))
        return 0;
    for (size_t k = 0; k < n; k++) {
        unsigned char a = (unsigned char)t[i + k], b = (unsigned char)w[k];
        if ((is_upper(a) ? a + 32 : a) != b)
            return 0;
    }
    return n;
}

/* Start of the word that ends right before i (after one run of blanks), or
 * i itself when there is none. */
static size_t prev_word(const char *t, size_t lo, size_t i, size_t *wend)
{
    size_t j = i;
    while (j > lo && (t[j - 1] == ' ' || t[j - 1] == '\t'))
        j--;
    *wend = j;
    size_t k = j;
    while (k > lo && (is_alpha((unsigned char)t[k - 1]) || t[k - 1] == '.' || t[k - 1] == '-'))
        k--;
    return k;
}

/* Is t[ws, we) (a word prev_word found) the word w? */
static bool word_eq(const char *t, size_t ws, size_t we, const char *w)
{
    if (ws == we)
        return false;
    unsigned char a0 = (unsigned char)t[ws];
    return (is_upper(a0) ? a0 + 32 : a0) == (unsigned char)w[0] && we - ws == strlen(w) &&
           word_at(t, ws, we, w);
}

/* Is the word before i one of list[0, n)? The word is found once, not
 * once per entry (these lists are read for every figure). */
/* Is t[ws, we) (a word prev_word found) one of list[0, n)? */
static bool word_in_words(const char *t, size_t ws, size_t we, const char *const *list, size_t n)
{
    if (ws == we)
        return false;
    for (size_t k = 0; k < n; k++)
        if (word_eq(t, ws, we, list[k]))
            return true;
    return false;
}

static bool prev_in(const char *t, size_t lo, size_t i, const char *const *list, size_t n)
{
    size_t we, ws = prev_word(t, lo, i, &we);
    return word_in_words(t, ws, we, list, n);
}

static bool prev_is(const char *t, size_t lo, size_t i, const char *w, size_t *wstart)
{
    size_t we, ws = prev_word(t, lo, i, &we);
    if (!word_eq(t, ws, we, w))
        return false;
    if (wstart)
        *wstart = ws;
    return true;
}

/* ---- figures ----------------------------------------------------------- */

typedef struct {
    size_t s, e;          /* span: currency sign through scale word */
    size_t ns, ne;        /* the digits or number word alone */
    double v, step;       /* written value (scale applied) and its rounding */
    double scale;
    const char *cur;      /* ISO code of a currency sign, or NULL */
    bool word, yearlike;
} figure;

static const struct {
    const char *w;
    int v;
} number_words[] = {
    {"one", 1}, {"two", 2}, {"three", 3}, {"four", 4}, {"five", 5}, {"six", 6}, {"seven", 7},
    {"eight", 8}, {"nine", 9}, {"ten", 10}, {"eleven", 11}, {"twelve", 12}, {"thirteen", 13},
    {"fourteen", 14}, {"fifteen", 15}, {"sixteen", 16}, {"seventeen", 17}, {"eighteen", 18},
    {"nineteen", 19}, {"twenty", 20}, {"thirty", 30}, {"forty", 40}, {"fifty", 50}, {"sixty", 60},
    {"seventy", 70}, {"eighty", 80}, {"ninety", 90}, {"dozen", 12}, {"hundred", 100},
};

static int word_value(const char *t, size_t s, size_t e)
{
    int total = 0;
    size_t i = s;
    while (i < e) {
        while (i < e && !is_alpha((unsigned char)t[i]))
            i++;
        size_t j = i;
        while (j < e && is_alpha((unsigned char)t[j]))
            j++;
        if (j == i)
            break;
        if (j - i == 1 && (t[i] == 'a' || t[i] == 'A')) {
            total = total ? total : 1; /* "a thousand"; "a dozen" adds 12 below */
            i = j;
            continue;
        }
        for (size_t k = 0; k < sizeof number_words / sizeof *number_words; k++)
            if (strlen(number_words[k].w) == j - i && word_at(t, i, j, number_words[k].w)) {
                total = total == 1 && number_words[k].v == 12 ? 12 : total + number_words[k].v;
                break;
            }
        i = j;
    }
    return total;
}

static const char *currency_code(const char *t, size_t s, size_t e)
{
    size_t n = e - s;
    if (n >= 3 && !memcmp(t + s, "€", 3))
        return "EUR";
    if (n >= 2 && !memcmp(t + s, "£", 2))
        return "GBP";
    if (n >= 2 && !memcmp(t + s, "¥", 2))
        return "JPY";
    if (n >= 3 && !memcmp(t + s, "₩", 3))
        return "KRW";
    /* "A$", "C $" (a blank may stand before the sign), case-insensitive */
    char a = n >= 1 ? (char)(t[s] | 0x20) : 0, b = n >= 2 ? (char)(t[s + 1] | 0x20) : 0;
    bool sign = n >= 2 && (t[s + 1] == '$' || (t[s + 1] == ' ' && n >= 3 && t[s + 2] == '$'));
    if (a == 'a' && sign)
        return "AUD";
    if (a == 'c' && sign)
        return "CAD";
    if (a == 's' && sign)
        return "SGD";
    if (n >= 3 && a == 'h' && b == 'k')
        return "HKD";
    if (n >= 3 && a == 'n' && b == 'z')
        return "NZD";
    static const char *const codes[] = {"USD", "EUR", "GBP", "KRW", "KPW", "CNY", "JPY"};
    for (size_t k = 0; k < sizeof codes / sizeof *codes; k++)
        if (n >= 3 && !memcmp(t + s, codes[k], 3))
            return codes[k];
    return "USD";
}

static const struct {
    const char *w;
    double v;
    bool money_only;
} scales[] = {
    {"hundred", 1e2, false}, {"thousand", 1e3, false}, {"dozen", 12, false}, {"dozens", 12, false}, {"million", 1e6, false},
    {"billion", 1e9, false}, {"trillion", 1e12, false}, {"bn", 1e9, false},
    {"mn", 1e6, false},       {"m", 1e6, true},         {"k", 1e3, true},
    {"bln", 1e9, false},      {"tln", 1e12, false},     {"trn", 1e12, false},
    {"lakh", 1e5, false},     {"lakhs", 1e5, false},    {"crore", 1e7, false},
    {"crores", 1e7, false},   {"tn", 1e12, true},
    {"b", 1e9, true},
};

/* One number word at t[i, end): its value (hundred and the scale words
 * too) and length, or 0. */
static size_t one_word(const char *t, size_t i, size_t end, double *v)
{
    static const struct {
        const char *w;
        double v;
    } big[] = {{"hundred", 100}, {"thousand", 1e3}, {"million", 1e6}, {"billion", 1e9}, {"trillion", 1e12}};
    for (size_t k = 0; k < sizeof big / sizeof *big; k++) {
        size_t n = word_at(t, i, end, big[k].w);
        if (n) {
            *v = big[k].v;
            return n;
        }
    }
    for (size_t k = 0; k < sizeof number_words / sizeof *number_words; k++) {
        if (number_words[k].v == 12 && number_words[k].w[0] == 'd')
            continue; /* "dozen" is a scale of its own */
        size_t n = word_at(t, i, end, number_words[k].w);
        if (n) {
            *v = number_words[k].v;
            return n;
        }
    }
    return 0;
}

/* A number written in words from s ("one hundred and six",
 * "twenty-one trillion three hundred"): its value, the rounding it shows
 * (the run of scale words it ends with) and its end. Words join by blanks
 * or a hyphen; "and" only after hundred or a scale word. False unless a
 * smaller word follows a larger one. */
static bool compound_words(const char *t, size_t s, size_t end, double *val, double *step, size_t *out)
{
    double total = 0, group = 0, last_scale = 1e15, tail = 1, v;
    size_t i = s, last_end = s;
    int words = 0;
    bool last_big = false, last_tens = false, last_unit = false, mixed = false;
    if ((t[s] == 'a' || t[s] == 'A') && s + 1 < end && !wordish((unsigned char)t[s + 1])) {
        group = 1; /* "a hundred", "a million" */
        i = last_end = s + 1;
        last_unit = true;
    }
    for (;;) {
        size_t j = i;
        if (words > 0 || j > s) {
            size_t k = skip_blanks(t, j, end);
            if (k == j && j < end && t[j] == '-' && last_tens)
                k = j + 1;
            else if (k == j)
                break;
            size_t n = word_at(t, k, end, "and");
            if (n && last_big) {
                size_t k2 = skip_blanks(t, k + n, end);
                if (k2 == k + n)
                    break;
                k = k2;
            }
            j = k;
        }
        size_t n = one_word(t, j, end, &v);
        if (!n)
            break;
        if (v == 100) {
            if (group == 0 || group >= 100 || last_big)
                break;
            group *= 100;
            tail = last_big ? tail * 100 : 100;
            last_big = true, last_tens = last_unit = false;
        } else if (v >= 1000) {
            if (v >= last_scale || (group == 0 && !last_big))
                break;
            if (group == 0)
                break;
            total += group * v;
            group = 0;
            tail = last_big ? tail * v : v;
            last_scale = v;
            last_big = true, last_tens = last_unit = false;
        } else {
            bool ok = (fmod(group, 100) == 0 && !last_unit && !last_tens) ||
                      (last_tens && v < 10);
            if (!ok)
                break;
            group += v;
            tail = 1;
            mixed = mixed || words > 0 || i > s;
            last_tens = v >= 20 && fmod(v, 10) == 0;
            last_unit = !last_tens;
            last_big = false;
        }
        i = last_end = j + n;
        words++;
    }
    /* a figure and scale words alone ("three million") are read by the
     * scale loop, which ranges need ("two to three million") */
    if (!mixed)
        return false;
    *val = total + group;
    *step = tail;
    *out = last_end;
    return *val > 0;
}

double cck_ext_plain_decimal(const char *buf, size_t n)
{
    /* "-?D+(.D+)?" of at most 15 digits is m / 10^k with m and 10^k exact:
     * the division rounds as strtod() does (to nearest), so the result is
     * the same double without the general conversion */
    static const double pow10[] = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8,
                                   1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
    size_t i = buf[0] == '-';
    unsigned long long m = 0;
    int digits = 0, decimals = -1;
    for (; i < n; i++) {
        char c = buf[i];
        if (c >= '0' && c <= '9') {
            m = m * 10 + (unsigned)(c - '0');
            if (++digits > 15)
                return strtod(buf, NULL);
            if (decimals >= 0)
                decimals++;
        } else if (c == '.' && decimals < 0 && digits) {
            decimals = 0;
        } else {
            return strtod(buf, NULL);
        }
    }
    if (!digits || decimals == 0)
        return strtod(buf, NULL);
    double v = decimals > 0 ? (double)m / pow10[decimals] : (double)m;
    return buf[0] == '-' ? -v : v;
}

/* Reads the numeric literal t[s, e) into *v; the step is the rounding the
 * writing shows. False when it is absurdly long. */
static bool read_digits(const char *t, size_t s, size_t e, double *v, double *step, bool *sep)
{
    char buf[MAX_DIGITS + 2];
    size_t n = 0;
    int decimals = -1, zeros = 0;
    *sep = false;
    for (size_t i = s; i < e; i++) {
        unsigned char c = (unsigned char)t[i];
        if (n >= MAX_DIGITS)
            return false;
        if (is_digit(c)) {
            buf[n++] = (char)c;
            if (decimals >= 0)
                decimals++;
            zeros = c == '0' ? zeros + 1 : 0;
        } else if (c == '.') {
            buf[n++] = '.';
            decimals = 0;
        } else if (c == '-') {
            buf[n++] = '-';
        } else if (c == 0xE2 && i + 2 < e && (unsigned char)t[i + 1] == 0x88 &&
                   (unsigned char)t[i + 2] == 0x92) { /* U+2212 minus */
            buf[n++] = '-';
            i += 2;
        } else if (c == ',' || c == ' ') {
            *sep = true;
        } else if (c >= 0x80) { /* thin or narrow no-break space */
            *sep = true;
            while (i + 1 < e && ((unsigned char)t[i + 1] & 0xC0) == 0x80)
                i++;
        }
    }
    buf[n] = '\0';
    *v = cck_ext_plain_decimal(buf, n);
    if (decimals > 0)
        *step = pow(10, -decimals);
    else if (*sep) /* whole groups of zeros: "559,000" -> 1000, "2,000,000" -> 1e6 */
        *step = pow(1000, zeros / 3);
    else
        *step = 1;
    return isfinite(*v);
}

/* A power of ten right after a figure: "e6", "E-07", "×10^6", " x 10^-4".
 * Returns the exponent and sets *end past it (0 when there is none). */
static int exponent_after(const char *t, size_t i, size_t end, size_t *out)
{
    *out = 0;
    size_t j = i;
    if (j < end && (t[j] == 'e' || t[j] == 'E')) {
        j++;
    } else {
        size_t k = skip_blanks(t, j, end);
        if (k + 1 < end && (unsigned char)t[k] == 0xC3 && (unsigned char)t[k + 1] == 0x97)
            k += 2; /* U+00D7 multiplication sign */
        else if (k < end && (t[k] == 'x' || t[k] == '*'))
            k++;
        else
            return 0;
        k = skip_blanks(t, k, end);
        if (k + 3 > end || t[k] != '1' || t[k + 1] != '0' || t[k + 2] != '^')
            return 0;
        j = k + 3;
    }
    bool neg = false;
    if (j < end && (t[j] == '-' || t[j] == '+'))
        neg = t[j++] == '-';
    else if (j + 2 < end && !memcmp(t + j, "\xE2\x88\x92", 3))
        neg = true, j += 3;
    int x = 0;
    size_t d = j;
    while (j < end && is_digit((unsigned char)t[j]) && j - d < 3)
        x = x * 10 + (t[j++] - '0');
    if (j == d || (j < end && (wordish((unsigned char)t[j]) || t[j] == '^')))
        return 0;
    *out = j;
    return neg ? -x : x;
}

/* Does a unit follow t[i] (after blanks or a hyphen)? */
static bool unit_follows(const cck_scan *sc, size_t i)
{
    const char *t = sc->text;
    size_t j = skip_blanks(t, i, sc->end);
    if (j == i && j < sc->end && t[j] == '-')
        j++;
    const cck_unit_def *u;
    return j < sc->end && cck_unit_match(t + j, sc->end - j, &u) && u->dim != CCK_DIM_PERCENT &&
           u->dim != CCK_DIM_MONEY;
}

/* A fraction after the digits at f->ne: a glyph ("10½"), or, before a unit
 * only (alone, "3/4" is as often a date), "1/4 mile" or "10 1/2 miles". */
static void read_fraction(const cck_scan *sc, figure *f, bool sep)
{
    static const struct {
        const char *g;
        double v;
    } glyphs[] = {{"½", 0.5}, {"¼", 0.25}, {"¾", 0.75}, {"⅓", 1.0 / 3}, {"⅔", 2.0 / 3},
                  {"⅛", 0.125}, {"⅜", 0.375}, {"⅝", 0.625}, {"⅞", 0.875}};
    const char *t = sc->text;
    size_t j = f->ne;
    if (f->step != 1 || sep || f->v < 0)
        return; /* whole numbers only */
    /* every glyph is a multibyte character */
    for (size_t k = 0; j < sc->end && (unsigned char)t[j] >= 0x80 && k < sizeof glyphs / sizeof *glyphs; k++) {
        size_t n = strlen(glyphs[k].g);
        if (j + n <= sc->end && !memcmp(t + j, glyphs[k].g, n)) {
            f->v += glyphs[k].v;
            f->step = glyphs[k].v < 0.2 ? 0.125 : 0.25;
            f->ne = f->e = j + n;
            f->yearlike = false;
            return;
        }
    }
    size_t a = j, num = 0, den = 0;
    bool mixed = false;
    if (a < sc->end && t[a] == ' ' && a + 1 < sc->end && is_digit((unsigned char)t[a + 1])) {
        mixed = true;
        a++;
    } else if (a < sc->end && t[a] == '/') {
        if (f->v > 9999)
            return;     /* "333333333333333333333/..." is no fraction */
        num = (size_t)f->v;
    } else {
        return;
    }
    if (mixed) {
        size_t d = a;
        while (a < sc->end && is_digit((unsigned char)t[a]) && a - d < 2)
            num = num * 10 + (size_t)(t[a++] - '0');
        if (a >= sc->end || t[a] != '/')
            return;
    }
    a++; /* the slash */
    size_t d = a;
    while (a < sc->end && is_digit((unsigned char)t[a]) && a - d < 2)
        den = den * 10 + (size_t)(t[a++] - '0');
    if (a == d || (a < sc->end && is_digit((unsigned char)t[a])) || den < 2 || den > 16 || num == 0 ||
        (mixed && num >= den) || !unit_follows(sc, a))
        return;
    f->v = mixed ? f->v + (double)num / (double)den : (double)num / (double)den;
    f->step = 1.0 / (double)den;
    f->ne = f->e = a;
    f->yearlike = false;
}

static bool read_matched(const cck_scan *sc, figure *f);

/* Matches a figure at from (anchored when a2), fills f. */
static bool read_figure(const cck_scan *sc, size_t from, bool anchored, figure *f)
{
    if (from >= sc->end)
        return false;
    const cck_re *re = anchored ? re_atom2 : re_atom;
    /* a figure is short: an anchored match needs no more than a window */
    size_t len = anchored && sc->end - from > FIGURE_WINDOW ? from + FIGURE_WINDOW : sc->end;
    int r = cck_ext_match(sc, re, sc->text, len, from, 0);
    if (r != 1)
        return false;
    return read_matched(sc, f);
}

/* Fills f from the match of FIGURE the matcher holds (groups cur, num,
 * word): re_atom2's, or re_atom_at's, whose look-behinds hold no group
 * and whose FIGURE, at the same start, takes the same path (a figure
 * is far shorter than the window read_figure() gives re_atom2). */
static bool read_matched(const cck_scan *sc, figure *f)
{
    const char *t = sc->text;
    memset(f, 0, sizeof *f);
    f->s = cck_re_group_start(sc->m, 0);
    f->e = cck_re_group_end(sc->m, 0);
    f->scale = 1;
    size_t cs = cck_re_group_start(sc->m, 1);
    if (cs != (size_t)-1)
        f->cur = currency_code(t, cs, cck_re_group_end(sc->m, 1));
    f->ns = cck_re_group_start(sc->m, 2);
    if (f->ns != (size_t)-1) {
        f->ne = cck_re_group_end(sc->m, 2);
        bool sep;
        if (!read_digits(t, f->ns, f->ne, &f->v, &f->step, &sep))
            return false;
        f->yearlike = !sep && f->ne - f->ns == 4 && f->v >= 1000 && f->v <= 2100 && !f->cur;
        read_fraction(sc, f, sep);
        size_t xe;
        int x = exponent_after(t, f->ne, sc->end, &xe);
        if (xe) {
            /* "1.3e6", "6.23 × 10^-4": the step scales with the value */
            f->v *= pow(10, x);
            f->step *= pow(10, x);
            f->ne = f->e = xe;
            f->yearlike = false;
        }
    } else {
        f->ns = cck_re_group_start(sc->m, 3);
        f->ne = cck_re_group_end(sc->m, 3);
        if (f->ns == (size_t)-1)
            return false;
        f->word = true;
        f->v = word_value(t, f->ns, f->ne);
        f->step = 1;
        size_t we;
        double wv, ws;
        if (compound_words(t, f->ns, sc->end, &wv, &ws, &we) && we > f->ne) {
            /* "one hundred and sixty-one", "twenty-one thousand three hundred" */
            f->v = wv;
            f->step = ws;
            f->ne = f->e = we;
        }
        if (cck_words_dozens(t, f->ns, sc->end, &wv, &we) && we > f->e) {
            /* "three hundred and two dozens" is 324, shown in dozens */
            f->v = wv;
            f->step = 12;
            f->ne = f->e = we;
        }
    }
    {
        size_t fe;
        double fv, fs;
        if (cck_words_scaled(t, f->ns, sc->end, &fv, &fs, &fe) && fe > f->e) {
            f->v = fv; /* "one and a half million", "2 1/2 million" */
            f->step = fs;
            f->ne = f->e = fe;
            f->yearlike = false;
        }
    }
    /* scale words: "2.4 million", "two hundred thousand", "$5bn" */
    size_t i = f->e;
    for (;;) {
        size_t j = skip_blanks(t, i, sc->end);
        bool glued = j == i;
        bool found = false;
        if (j >= sc->end)
            break;
        /* word_at() refuses a word whose first letter differs: test it first */
        unsigned char c0 = (unsigned char)t[j];
        c0 = is_upper(c0) ? (unsigned char)(c0 + 32) : c0;
        for (size_t k = 0; k < sizeof scales / sizeof *scales && !found; k++) {
            if ((unsigned char)scales[k].w[0] != c0)
                continue;
            if (scales[k].money_only && !f->cur)
                continue;
            if (glued && !f->cur && strcmp(scales[k].w, "bn") && strcmp(scales[k].w, "mn"))
                continue; /* "1.2bn", but "5 million" needs its blank */
            size_t n = word_at(t, j, sc->end, scales[k].w);
            if (!n)
                continue;
            found = true;
            f->scale *= scales[k].v;
            f->e = i = j + n;
        }
        if (!found)
            break;
        f->yearlike = false;
    }
    double sx;
    size_t sxe;
    if (f->scale == 1 && !f->word && (sxe = cck_words_suffix(t, f->e, sc->end, cck_scan_mentions(sc), &sx))) {
        f->scale = sx; /* "10k", "1.2b" */
        f->e = sxe;
        f->yearlike = false;
    }
    if (!isfinite(f->v * f->scale) || f->v * f->scale > 1e18)
        return false; /* "million million million ..." */
    if (f->scale != 1) {
        /* "2 million" shows millions, "2.4 million" tenths of one */
        f->v *= f->scale;
        f->step *= f->scale;
    }
    return true;
}

/* ---- units ------------------------------------------------------------- */

typedef struct {
    const cck_unit_def *u;
    size_t s, e;
} unit_at;

/* Does the clause before i speak of a temperature ("the temperature is
 * 24 degrees", "set the thermostat to 85°")? Looks back 160 bytes within
 * the unit. */
static bool temperature_context(const cck_scan *sc, size_t i)
{
    static const char *const words[] = {"temperat", "thermostat", "warm", "heat", "cold", "cool",
                                        "freez", "fever", "oven", "boil"};
    size_t from = i > sc->start + 160 ? i - 160 : sc->start;
    for (size_t k = from; k < i; k++) {
        if (k > sc->start && is_alpha((unsigned char)sc->text[k - 1]))
            continue; /* words start here */
        unsigned c0 = (unsigned char)sc->text[k] | 0x20u;
        for (size_t w = 0; w < sizeof words / sizeof *words; w++) {
            if ((unsigned char)words[w][0] != c0)
                continue; /* the compare below would fail at once */
            size_t n = strlen(words[w]);
            if (k + n <= i && !strncasecmp_ascii(sc->text + k, words[w], n))
                return true;
        }
    }
    return false;
}

/* Does the clause around i speak of turning or an angle ("rotate 90
 * degrees", "a 45 degrees angle")? A bare "degrees" with neither this nor
 * a temperature around stays unread ("3 degrees of separation"). With
 * before_only, only a rotation before i counts ("rotate 3 turns", not
 * "3 turns of the road"). */
static bool angle_context(const cck_scan *sc, size_t i, bool before_only)
{
    static const char *const words[] = {"rotat", "spin", "twist", "revolv", "swivel", "crank", "turn",
                                        "angle", "tilt", "bank", "bearing", "heading", "slope", "inclin",
                                        "pitch", "veer"};
    size_t nwords = before_only ? 6 : sizeof words / sizeof *words;
    size_t from = i > sc->start + 80 ? i - 80 : sc->start;
    size_t to = before_only ? i : i + 40 < sc->end ? i + 40 : sc->end;
    for (size_t k = from; k < to; k++) {
        if (k > sc->start && is_alpha((unsigned char)sc->text[k - 1]))
            continue;
        for (size_t w = 0; w < nwords; w++) {
            size_t n = strlen(words[w]);
            if (k + n <= to && !strncasecmp_ascii(sc->text + k, words[w], n))
                return true;
        }
    }
    return false;
}

/* A degree sign alone ("85°") and not before a letter: its length, else 0. */
static size_t lone_degree_sign(const char *t, size_t j, size_t end)
{
    if (j + 1 < end && (unsigned char)t[j] == 0xC2 && ((unsigned char)t[j + 1] == 0xB0 || (unsigned char)t[j + 1] == 0xBA) &&
        !(j + 2 < end && (is_alpha((unsigned char)t[j + 2]) || (unsigned char)t[j + 2] >= 0x80)))
        return 2;
    return 0;
}

/* A unit right after i: blanks, or a hyphen for "12-year"; glued when the
 * unit allows it ("10km", "25%"). A bare "degrees" (or a lone degree sign)
 * is a temperature where the clause speaks of one, else an angle (the
 * sign alone then stays for the coordinates extractor). In mentions mode
 * a unit in brackets counts too: "20 (kg)", "20 [kg]". */
static bool read_unit(const cck_scan *sc, size_t i, unit_at *ua)
{
    const char *t = sc->text;
    size_t j = skip_blanks(t, i, sc->end);
    bool hyphen = false;
    if (j == i && j < sc->end && t[j] == '-') {
        j++;
        hyphen = true;
    }
    const cck_unit_def *u = NULL;
    size_t n = cck_unit_match(t + j, sc->end - j, &u), close = 0;
    if (!n && lone_degree_sign(t, j, sc->end)) {
        if (!temperature_context(sc, i))
            return false;
        n = lone_degree_sign(t, j, sc->end);
        u = cck_unit_lookup("°C", strlen("°C"));
    } else if (!n && j > i && j + 1 < sc->end && strchr("([{<", t[j]) && cck_scan_mentions(sc)) {
        static const char open[] = "([{<", shut[] = ")]}>";
        char want = shut[strchr(open, t[j]) - open];
        size_t m = cck_unit_match(t + j + 1, sc->end - j - 1, &u);
        if (m && j + 1 + m < sc->end && t[j + 1 + m] == want && u->dim != CCK_DIM_MONEY) {
            n = m + 2;
            close = 1;
        } else {
            n = 0;
        }
    } else if (n && u->dim == CCK_DIM_ANGLE && !strcmp(u->name, "deg")) {
        if (temperature_context(sc, i))
            u = cck_unit_lookup("°C", strlen("°C"));
        else if (!angle_context(sc, i, false))
            return false;
    } else if (n && u->dim == CCK_DIM_ANGLE && !strcmp(u->name, "turn") && !angle_context(sc, i, true)) {
        return false; /* "3 turns of the road" */
    } else if (n == 3 && !strcmp(u->name, "bit") && !hyphen) {
        return false; /* "16-bit", "64 bits", but "4 bit parts" */
    }
    if (!n || !u)
        return false;
    if (u->dim == CCK_DIM_MONEY && !is_alpha((unsigned char)t[j]) && !close) {
        size_t k = skip_blanks(t, j + n, sc->end);
        if (k < sc->end && is_digit((unsigned char)t[k]))
            return false; /* "$ 20,000.00 $ 37,305.97": the sign starts the next amount */
    }
    if (!strcmp(u->name, "cup") && !cck_scan_mentions(sc))
        return false; /* "won 3 cups": trophies as often as a measure in prose */
    if (j == i && !u->glue && !close)
        return false;
    /* "12-year" and "a 12-cent dividend", "one-yen bid", but not "5-$" or "10-%" */
    if (hyphen && (u->dim == CCK_DIM_PERCENT || (u->dim == CCK_DIM_MONEY && (n < 3 || !is_alpha((unsigned char)t[j])))))
        return false;
    ua->u = u;
    ua->s = j;
    ua->e = j + n;
    return true;
}

/* ---- context filters ---------------------------------------------------- */

static const char *const months[] = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.",
    "sep.", "sept.", "oct.", "nov.", "dec.", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec"};

static bool next_to_month(const cck_scan *sc, const figure *f)
{
    const char *t = sc->text;
    size_t j = skip_blanks(t, f->e, sc->end);
    if (prev_in(t, sc->start, f->s, months, sizeof months / sizeof *months))
        return true;
    for (size_t k = 0; k < sizeof months / sizeof *months; k++) {
        size_t n = strlen(months[k]);
        if (j > f->e && word_at(t, j, sc->end, months[k]) == n)
            return true;
        size_t y = f->e < sc->end && t[f->e] == ',' ? skip_blanks(t, f->e + 1, sc->end) : 0;
        if (k == 0 && y > f->e + 1 && y + 4 <= sc->end && (t[y] == '1' || t[y] == '2') &&
            is_digit((unsigned char)t[y + 1]) && is_digit((unsigned char)t[y + 3]) &&
            (y + 4 == sc->end || !is_digit((unsigned char)t[y + 4])))
            return true; /* "24, 1950" */
        if (j > f->e && months[k][n - 1] == '.' && j + n <= sc->end && !strncasecmp_ascii(t + j, months[k], n))
            return true;
    }
    return false;
}

/* Figures that name something: "No. 9", "Route 7", list numbering, markers. */
static bool names_something(const cck_scan *sc, const figure *f)
{
    const char *t = sc->text;
    size_t lo = sc->start;
    static const char *const labels[] = {"no.", "no", "nos.", "number", "route", "highway", "line",
                                         "unit", "camp", "room", "page", "pp.", "p.", "vol.",
                                         "chapter", "isbn", "issn", "article", "section",
                                         "platform", "gate", "exit", "block", "building", "level",
                                         "code", "zip", "postcode", "table", "figure", "fig.",
                                         "footnote", "note", "episode", "season", "track",
                                         "phase", "type", "model", "version", "v.", "tel.", "fax"};
    /* the word before the figure, found once for the tests below */
    size_t pwe, pws = prev_word(t, lo, f->s, &pwe);
    if (word_in_words(t, pws, pwe, labels, sizeof labels / sizeof *labels))
        return true;
    if (f->s > lo && (t[f->s - 1] == '[' || t[f->s - 1] == '^' || t[f->s - 1] == '#' || t[f->s - 1] == '+'))
        return true; /* markers, footnotes, "+82" dialling codes */
    if (!f->word && f->scale == 1 && word_eq(t, pws, pwe, "per"))
        return true; /* "rates per 100,000": a denominator */
    if (word_eq(t, pws, pwe, "by") && prev_is(t, lo, pws, "liked", NULL))
        return true; /* blog chrome: "Liked by 2 people" */
    if (!f->word && !f->cur && f->v >= 1 && f->v <= 31 && f->v == floor(f->v) && f->scale == 1 &&
        next_to_month(sc, f))
        return true; /* the day of a date: "22 August", "December 9" */
    /* list numbering: "1. " or "2) " at a line start */
    size_t k = f->s;
    while (k > 0 && (t[k - 1] == ' ' || t[k - 1] == '\t'))
        k--;
    if ((k == 0 || t[k - 1] == '\n') && !f->word && f->e + 1 < sc->end &&
        (t[f->e] == '.' || t[f->e] == ')') && (t[f->e + 1] == ' ' || t[f->e + 1] == '\t'))
        return true;
    return false;
}

/* "February 8 Vinalon Complex": between two capitalised words of a name;
 * "the Group of 77": after a capitalised word and "of" inside a sentence. */
static bool inside_name(const cck_scan *sc, size_t s, size_t e)
{
    const char *t = sc->text;
    size_t we, ws = prev_word(t, sc->start, s, &we);
    if (we - ws == 2 && word_at(t, ws, we, "of") && we < s) {
        size_t we2, ws2 = prev_word(t, sc->start, ws, &we2);
        if (ws2 < we2 && we2 < ws && is_upper((unsigned char)t[ws2]) && is_lower((unsigned char)t[ws2 + 1])) {
            size_t k = ws2;
            while (k > sc->start && (t[k - 1] == ' ' || t[k - 1] == '\t'))
                k--;
            if (k > sc->start && t[k - 1] != '.' && t[k - 1] != '\n' && t[k - 1] != '|' && t[k - 1] != ':' &&
                wordish((unsigned char)t[k - 1]) && is_lower((unsigned char)t[k - 1]))
                return true;
        }
    }
    if (ws == we || we == s || !is_upper((unsigned char)t[ws]))
        return false;
    /* a capitalised word that opens the sentence is not a name */
    size_t k = ws;
    while (k > sc->start && (t[k - 1] == ' ' || t[k - 1] == '\t'))
        k--;
    if (k == sc->start || t[k - 1] == '.' || t[k - 1] == '\n' || t[k - 1] == '|' || t[k - 1] == '(' ||
        t[k - 1] == '"')
        return false;
    size_t j = skip_blanks(t, e, sc->end);
    return j > e && j < sc->end && is_upper((unsigned char)t[j]);
}

static bool per_100k_before(const cck_scan *sc, size_t i);

/* "(9 and 15)": bare numbers alone in parentheses label something (camp
 * numbers, footnotes) rather than count it. */
static bool number_list_in_parens(const cck_scan *sc, size_t s, size_t e)
{
    const char *t = sc->text;
    size_t i = s, n = 0;
    while (i > sc->start && n++ < 40 && t[i - 1] != '(') {
        unsigned char c = (unsigned char)t[i - 1];
        if (!(is_digit(c) || c == ' ' || c == ',' || c == '&' || c == 'a' || c == 'n' || c == 'd'))
            return false;
        i--;
    }
    if (i == sc->start || t[i - 1] != '(')
        return false;
    size_t j = e;
    n = 0;
    while (j < sc->end && n++ < 40 && t[j] != ')') {
        unsigned char c = (unsigned char)t[j];
        if (!(is_digit(c) || c == ' ' || c == ',' || c == '&' || c == 'a' || c == 'n' || c == 'd'))
            return false;
        j++;
    }
    if (j >= sc->end || t[j] != ')')
        return false;
    return !per_100k_before(sc, i - 1); /* "per 100,000 (655)" is a rate */
}

/* "12 Harbour Road": a house number */
static bool street_after(const cck_scan *sc, size_t e)
{
    static const char *const streets[] = {"street", "st.", "road", "rd.", "avenue", "ave.",
                                          "boulevard", "lane", "drive", "square", "place", "way"};
    const char *t = sc->text;
    size_t j = skip_blanks(t, e, sc->end);
    for (int w = 0; w < 3 && j > e && j < sc->end && is_upper((unsigned char)t[j]); w++) {
        size_t k = j;
        while (k < sc->end && (is_alpha((unsigned char)t[k]) || t[k] == '.'))
            k++;
        for (size_t i = 0; i < sizeof streets / sizeof *streets; i++)
            if (k - j == strlen(streets[i]) && !strncasecmp_ascii(t + j, streets[i], k - j))
                return w > 0;
        e = k;
        j = skip_blanks(t, k, sc->end);
    }
    return false;
}

/* A figure glued to letters after it ("1950s", "3D", "16th") that are no unit. */
static bool glued_letters(const cck_scan *sc, const figure *f)
{
    if (f->e >= sc->end || !is_alpha((unsigned char)sc->text[f->e]))
        return false;
    unit_at ua;
    return !read_unit(sc, f->e, &ua);
}

/* "555-1234-5678", "978-3-16", "10:30", "3/4": a chain of digit groups. */
static bool digit_chain(const cck_scan *sc, size_t e)
{
    const char *t = sc->text;
    if (e + 1 < sc->end && (t[e] == ':' || t[e] == '/') && is_digit((unsigned char)t[e + 1]))
        return true;
    if (e < sc->end && t[e] == '^')
        return true; /* "1.1^23": a power, not a figure */
    if (e + 1 < sc->end && t[e] == '-' && is_digit((unsigned char)t[e + 1])) {
        size_t i = e + 1;
        while (i < sc->end && is_digit((unsigned char)t[i]))
            i++;
        if (i + 1 < sc->end && t[i] == '-' && is_digit((unsigned char)t[i + 1]))
            return true; /* "978-0-19" */
        if (i + 1 < sc->end && t[i] == '.' && is_digit((unsigned char)t[i + 1])) {
            /* "1.5-2.0 m" is a range; "3-4.5.6" a chain */
            size_t k = i + 1;
            while (k < sc->end && is_digit((unsigned char)t[k]))
                k++;
            if (k + 1 < sc->end && (t[k] == '.' || t[k] == '-') && is_digit((unsigned char)t[k + 1]))
                return true;
        }
    }
    return false;
}

/* Words after a number word that show it does not count anything. */
static bool counts_something(const cck_scan *sc, size_t e, bool is_one)
{
    static const char *const stop[] = {
        "or", "and", "to", "another", "by", "in", "at", "on", "is", "was", "were", "are", "who",
        "which", "that", "with", "for", "from", "the", "a", "an", "other", "others", "more",
        "less", "than", "after", "before", "hand", "day", "time", "way", "point", "side",
        "place", "way", "such", "as", "if", "but", "so", "it", "he", "she", "they", "we",
        "i", "you", "his", "her", "their", "its", "said", "says", "point", "would", "could",
        "might", "will", "can", "had", "has", "have", "be", "not", "each", "alone", "apart",
        "thing", "things", "way", "ways", "thirds", "quarters", "fifths", "sixths", "sevenths",
        "eighths", "ninths", "tenths", "hundredths", "thousandths", "halves", "over"};
    const char *t = sc->text;
    size_t j = skip_blanks(t, e, sc->end);
    if (j + 1 < sc->end && t[j] == '[') /* a Markdown link: "seven [stations](#)" */
        j++;
    if (j == e || j >= sc->end || !is_lower((unsigned char)t[j]))
        return false;
    if (is_one && word_at(t, j, sc->end, "of"))
        return false;
    size_t of = word_at(t, j, sc->end, "of");
    if (of) { /* "two of them": a part of a group named elsewhere */
        static const char *const pron[] = {"them", "us", "you", "these", "those", "which", "whom"};
        size_t k2 = skip_blanks(t, j + of, sc->end);
        for (size_t k = 0; k < sizeof pron / sizeof *pron; k++)
            if (word_at(t, k2, sc->end, pron[k]))
                return false;
    }
    for (size_t k = 0; k < sizeof stop / sizeof *stop; k++)
        if (word_at(t, j, sc->end, stop[k]))
            return false;
    return true;
}

/* After a glued "m": another unit or people follow ("1.5m tonnes"). */
static bool million_m(const cck_scan *sc, size_t i)
{
    static const char *const who[] = {"people", "residents", "inhabitants", "visitors", "tourists",
                                      "users", "passengers", "workers", "homes", "households"};
    size_t j = skip_blanks(sc->text, i, sc->end);
    if (j == i)
        return false;
    const cck_unit_def *u;
    if (cck_unit_match(sc->text + j, sc->end - j, &u) && u->dim != CCK_DIM_PERCENT)
        return true;
    for (size_t k = 0; k < sizeof who / sizeof *who; k++)
        if (word_at(sc->text, j, sc->end, who[k]))
            return true;
    return false;
}

/* "100,000" / "100 000" / "100k" at i (then optional people word):
 * returns the end, or 0. */
static size_t per_100k(const cck_scan *sc, size_t i)
{
    static const char *const forms[] = {"100,000", "100 000", "100000", "100k", "100\xE2\x80\xAF" "000"};
    const char *t = sc->text;
    for (size_t k = 0; k < sizeof forms / sizeof *forms; k++) {
        size_t n = strlen(forms[k]);
        if (i + n <= sc->end && !memcmp(t + i, forms[k], n) && (i + n == sc->end || !is_digit((unsigned char)t[i + n])))
            return i + n;
    }
    return 0;
}

/* Does "per 100,000" end right before the parenthesis at i? */
static bool per_100k_before(const cck_scan *sc, size_t i)
{
    const char *t = sc->text;
    size_t j = i;
    while (j > sc->start && (t[j - 1] == ' ' || t[j - 1] == '\t'))
        j--;
    for (size_t back = 6; back <= 8 && back <= j - sc->start; back++) {
        size_t s = j - back;
        if (per_100k(sc, s) == j) {
            size_t we;
            size_t ws = prev_word(t, sc->start, s, &we);
            return we - ws == 3 && word_at(t, ws, we, "per");
        }
    }
    return false;
}

/* ---- one expression ---------------------------------------------------- */

typedef struct {
    cck_cand c;
    size_t skip_to;     /* where the scan goes on (past a conversion) */
} parsed;

static void set_values(cck_claim *cl, const figure *a, const figure *b, const cck_unit_def *u)
{
    double lo = a->v, hi = b ? b->v : a->v;
    double step = b && b->step < a->step ? b->step : a->step;
    if (u) {
        lo = cck_unit_to_canon(u, lo);
        hi = cck_unit_to_canon(u, hi);
        step *= u->factor;
    }
    cl->lo = lo;
    cl->hi = hi;
    cl->step = step;
}

/* What a conversion in parentheses said: its figure and unit (NULL when
 * it names none we know). */
typedef struct {
    figure g;
    const cck_unit_def *u;
} conversion;

/* Reads "(52 feet)" after i: the same value in another unit. Returns the
 * end of the parenthesis, or 0; fills *cv when cv is not NULL. */
static size_t conversion_after(const cck_scan *sc, size_t i, const cck_unit_def *first, conversion *cv)
{
    const char *t = sc->text;
    size_t j = skip_blanks(t, i, sc->end);
    if (j >= sc->end || t[j] != '(')
        return 0;
    figure g;
    if (!read_figure(sc, skip_blanks(t, j + 1, sc->end), true, &g) || g.word)
        return 0;
    size_t k = g.e;
    unit_at ua;
    if (cv) {
        cv->g = g;
        cv->u = NULL;
    }
    if (read_unit(sc, k, &ua)) {
        /* "1,234 (2.5%)" is a second claim, "16 m (52 ft)" the same one */
        if (first ? ua.u->dim != first->dim : (ua.u->dim == CCK_DIM_PERCENT || ua.u->dim == CCK_DIM_MONEY))
            return 0;
        k = ua.e;
        if (cv)
            cv->u = ua.u;
    }
    /* a unit we do not know ("14 in", "1,400/sq mi"): a few letters */
    for (size_t n = 0; n < 12 && k < sc->end && t[k] != ')'; n++, k++)
        if (!is_alpha((unsigned char)t[k]) && t[k] != ' ' && t[k] != '.' && t[k] != '/')
            return 0;
    return k < sc->end && t[k] == ')' ? k + 1 : 0;
}

/* "16 meters (60 feet)": a conversion that disagrees with its value by
 * more than the rounding either figure shows (plus 1%) is an internal
 * inconsistency of the source, reported as a warning at the value. */
static void check_conversion(const cck_scan *sc, size_t s, size_t e, const figure *a,
                             const cck_unit_def *u, const conversion *cv)
{
    if (!sc->diags || !sc->src || u->dim != cv->u->dim || u == cv->u)
        return;
    double lo1 = cck_unit_to_canon(u, a->v - a->step / 2), hi1 = cck_unit_to_canon(u, a->v + a->step / 2);
    double lo2 = cck_unit_to_canon(cv->u, cv->g.v - cv->g.step / 2);
    double hi2 = cck_unit_to_canon(cv->u, cv->g.v + cv->g.step / 2);
    double v1 = cck_unit_to_canon(u, a->v), v2 = cck_unit_to_canon(cv->u, cv->g.v);
    double slack = 0.01 * fmax(fabs(v1), fabs(v2));
    if (lo2 <= hi1 + slack && lo1 <= hi2 + slack)
        return;
    unsigned line, col;
    cck_source_linecol(sc->src, s, &line, &col);
    int n = e - s > 80 ? 80 : (int)(e - s);
    cck_diag_add(sc->diags, sc->src->path, line, col, CCK_SEV_WARNING,
                 "the conversion in \"%.*s\" disagrees with its value: %g %s is %g %s, not %g %s", n,
                 sc->text + s, cv->g.v, cv->u->name, v2, u->canon, v1, u->canon);
}

/* A rate: "tonnes a year", "tons annually", "tonnes of Vinalon a year". */
static size_t per_year_after(const cck_scan *sc, size_t i)
{
    const char *t = sc->text;
    size_t j = skip_blanks(t, i, sc->end);
    if (j == i)
        return (i + 3 <= sc->end && !memcmp(t + i, "/yr", 3)) ? i + 3 : 0;
    size_t n;
    if ((n = word_at(t, j, sc->end, "annually")) || (n = word_at(t, j, sc->end, "yearly")))
        return j + n;
    /* "of" and up to three words ("of the new fibre"), then the rate */
    for (int words = 0; words < 5; words++) {
        static const char *const lead[] = {"a", "per", "each", "every"};
        for (size_t k = 0; k < 4; k++) {
            size_t m = word_at(t, j, sc->end, lead[k]);
            if (!m)
                continue;
            size_t y = skip_blanks(t, j + m, sc->end);
            size_t yn = word_at(t, y, sc->end, "year");
            if (!yn)
                yn = word_at(t, y, sc->end, "annum");
            if (y > j + m && yn)
                return y + yn;
        }
        if ((n = word_at(t, j, sc->end, "annually")))
            return words ? j + n : 0;
        /* "of <what>" before the rate: at most three plain words */
        if (words == 0 && !word_at(t, j, sc->end, "of"))
            return 0;
        size_t w = j;
        while (w < sc->end && (is_alpha((unsigned char)t[w]) || t[w] == '-'))
            w++;
        if (w == j)
            return 0;
        size_t nj = skip_blanks(t, w, sc->end);
        if (nj == w)
            return 0;
        j = nj;
    }
    return 0;
}

static bool before_has(const cck_scan *sc, size_t s, size_t back, const char *needle)
{
    size_t from = s > sc->start + back ? s - back : sc->start;
    size_t n = strlen(needle);
    for (size_t i = from; i + n <= s; i++)
        if (word_at(sc->text, i, s, needle) || !strncmp(sc->text + i, needle, n))
            return true;
    return false;
}

static const struct {
    const char *w;
    cck_bound b;
} trailers[] = {
    {"or so", CCK_BOUND_NONE},         {"and greater", CCK_BOUND_LOWER}, {"or greater", CCK_BOUND_LOWER},
    {"or more", CCK_BOUND_LOWER},      {"and more", CCK_BOUND_LOWER},    {"and above", CCK_BOUND_LOWER},
    {"or above", CCK_BOUND_LOWER},     {"and over", CCK_BOUND_LOWER},    {"or less", CCK_BOUND_UPPER},
    {"or fewer", CCK_BOUND_UPPER},     {"and under", CCK_BOUND_UPPER},   {"and below", CCK_BOUND_UPPER},
};

/* Does a comparison word end at e with nothing after it ("200 or greater
 * than.")? Then "than" belongs to the trailer; before a figure or a noun
 * ("or less than a third") it starts a comparison of its own. */
static bool ends_clause(const cck_scan *sc, size_t e)
{
    size_t j = skip_blanks(sc->text, e, sc->end);
    return j >= sc->end || strchr(".,;:!?)", sc->text[j]);
}

/* A bound or hedge after the figure ending at end: "or so", "or more",
 * "and above", "or greater than" closing a clause, and "or equal (to)"
 * after a bound phrase ("more than 5000 or equal to"). Sets approx and
 * bound on cl; returns the new end. */
static size_t bound_trailer(const cck_scan *sc, size_t start, size_t end, cck_claim *cl)
{
    const char *t = sc->text;
    size_t j = skip_blanks(t, end, sc->end);
    if (j == end)
        return end;
    for (size_t k = 0; k < sizeof trailers / sizeof *trailers; k++) {
        const char *w = trailers[k].w;
        size_t sp = strcspn(w, " ");
        char first[16];
        memcpy(first, w, sp);
        first[sp] = '\0';
        size_t n1 = word_at(t, j, sc->end, first);
        if (!n1)
            continue;
        size_t j2 = skip_blanks(t, j + n1, sc->end);
        size_t n2 = word_at(t, j2, sc->end, w + sp + 1);
        if (j2 == j + n1 || !n2)
            continue;
        size_t j3 = skip_blanks(t, j2 + n2, sc->end), n3;
        figure nf;
        if ((n3 = word_at(t, j3, sc->end, "than")) && j3 > j2 + n2 && ends_clause(sc, j3 + n3)) {
            end = j3 + n3; /* "200 or greater than" */
        } else if (word_at(t, j3, sc->end, "than") || (j3 > j2 + n2 && read_figure(sc, j3, true, &nf))) {
            continue; /* "800,000 or less than a third", "above 1000 and below 1500" */
        } else {
            end = j2 + n2;
        }
        cl->approx = true;
        cl->bound = trailers[k].b;
        return end;
    }
    /* "less than 5000 or equal", "more than 5000 or equal to": the bound
     * includes its figure; "or equal to 6000" is a second claim */
    size_t n1 = word_at(t, j, sc->end, "or"), j2, n2;
    if (n1 && (j2 = skip_blanks(t, j + n1, sc->end)) > j + n1 && (n2 = word_at(t, j2, sc->end, "equal")) &&
        cck_ext_bound_before(t, sc->start, start, NULL, NULL)) {
        size_t e = j2 + n2, j3 = skip_blanks(t, e, sc->end), n3 = word_at(t, j3, sc->end, "to");
        figure nf;
        if (n3 && j3 > e) {
            size_t j4 = skip_blanks(t, j3 + n3, sc->end);
            if (j4 > j3 + n3 && read_figure(sc, j4, true, &nf))
                return end;
            e = j3 + n3;
        }
        return e;
    }
    return end;
}

/* A mention of an exact value takes its comparison: "equal to 20",
 * "equals 20", "equaling to 20". Not after "or", "than" or "not" (the
 * hedge phrases "less than or equal to", "not equal to" are read by
 * hedge.c). Returns the new start. */
static size_t equal_before(const cck_scan *sc, size_t s)
{
    const char *t = sc->text;
    size_t ws, we, to = s;
    if (prev_is(t, sc->start, s, "to", &ws))
        to = ws;
    ws = prev_word(t, sc->start, to, &we);
    if (we <= ws || we == to)
        return s;
    static const char *const eq[] = {"equal", "equals", "equaling", "equalling", "equalled", "equaled"};
    size_t k = 0;
    while (k < sizeof eq / sizeof *eq && word_at(t, ws, we, eq[k]) != we - ws)
        k++;
    if (k == sizeof eq / sizeof *eq || (k == 0 && to == s))
        return s; /* "equal 20" is no comparison we know */
    static const char *const not_after[] = {"than", "not", "nor", "least", "most"};
    for (size_t j = 0; j < sizeof not_after / sizeof *not_after; j++)
        if (prev_is(t, sc->start, ws, not_after[j], NULL))
            return s;
    /* "5000 or equal to 6000" is a second value; "less than or equal to
     * 40" one bound (hedge.c) */
    size_t ow;
    if (prev_is(t, sc->start, ws, "or", &ow) || prev_is(t, sc->start, ws, "and", &ow)) {
        size_t j = ow;
        while (j > sc->start && (t[j - 1] == ' ' || t[j - 1] == '\t'))
            j--;
        if (j == sc->start || !is_digit((unsigned char)t[j - 1]))
            return s;
    }
    return ws;
}

/* The cents after an amount in a unit of money ending at end: "50
 * cents", "and forty-five cents", or (mentions mode) a bare 1-99 that
 * closes the clause. Adds them to a (in its own unit) and returns the new
 * end, or end. */
static size_t cents_after(const cck_scan *sc, size_t end, figure *a)
{
    const char *t = sc->text;
    size_t j = skip_blanks(t, end, sc->end), n;
    if (j == end)
        return end;
    if ((n = word_at(t, j, sc->end, "and")) && skip_blanks(t, j + n, sc->end) > j + n)
        j = skip_blanks(t, j + n, sc->end);
    figure c;
    if (!read_figure(sc, j, true, &c) || c.cur || c.scale != 1 || c.v < 1 || c.v >= 100 || c.v != floor(c.v) ||
        (!c.word && glued_letters(sc, &c)))
        return end;
    unit_at cu;
    if (read_unit(sc, c.e, &cu)) {
        if (cu.u->dim != CCK_DIM_MONEY || cu.u->factor != 0.01)
            return end;
        a->v += c.v / 100;
        a->step = 0.01;
        return cu.e;
    }
    if (!cck_scan_mentions(sc) || !ends_clause(sc, c.e))
        return end;
    a->v += c.v / 100;
    a->step = 0.01;
    return c.e;
}

/* A bound phrase before a bare number word makes it a mention ("no less
 * than thirty"); "one over three" is a fraction, not a bound. */
static bool bound_word_before(const cck_scan *sc, size_t s)
{
    size_t ps;
    if (!cck_ext_bound_before(sc->text, sc->start, s, NULL, &ps))
        return false;
    size_t we, ws = prev_word(sc->text, sc->start, ps, &we);
    double v;
    bool figure_before = (we > sc->start && is_digit((unsigned char)sc->text[we - 1])) ||
                         (we > ws && one_word(sc->text, ws, we, &v) == we - ws);
    return !(figure_before && word_at(sc->text, ps, s, "over"));
}

/* A mention's dollar sign may follow a country written apart or in lower
 * case, as tokenised text has it: "c $ 300", "hk $ 10", "u.s $ 5",
 * "usd$ 15", "nzd$15". Widens a over the prefix and sets its currency.
 * Claims mode leaves these alone ("give us $5" is no US dollar sign). */
static void money_prefix(const cck_scan *sc, figure *a)
{
    static const struct {
        const char *w, *code;
    } prefixes[] = {{"c", "CAD"},   {"cad", "CAD"}, {"us", "USD"},  {"u.s", "USD"}, {"u.s.", "USD"},
                    {"usd", "USD"}, {"hk", "HKD"},  {"nz", "NZD"},  {"nzd", "NZD"}, {"aud", "AUD"},
                    {"mex", "MXN"}, {"mxn", "MXN"}};
    const char *t = sc->text;
    size_t d; /* the dollar sign */
    if (a->cur && t[a->s] == '$')
        d = a->s;
    else if (!a->cur && !a->word) {
        d = a->s;
        while (d > sc->start && (t[d - 1] == ' ' || t[d - 1] == '\t'))
            d--;
        if (d == sc->start || t[d - 1] != '$')
            return;
        d--;
    } else {
        return;
    }
    size_t we, ws = prev_word(t, sc->start, d, &we);
    if (we == ws || (!a->cur && we != d))
        return;
    if (ws > sc->start && !(t[ws - 1] == ' ' || t[ws - 1] == '\t' || t[ws - 1] == '('))
        return;
    for (size_t k = 0; k < sizeof prefixes / sizeof *prefixes; k++)
        if (we - ws == strlen(prefixes[k].w) && !strncasecmp_ascii(t + ws, prefixes[k].w, we - ws)) {
            a->s = ws;
            a->cur = prefixes[k].code;
            a->yearlike = false;
            return;
        }
}

/* Everything from the figure at f: returns false when it is no claim. */
static bool parse_expr(const cck_scan *sc, figure *a, parsed *p)
{
    const char *t = sc->text;
    memset(p, 0, sizeof *p);
    cck_claim *cl = &p->c.claim;
    p->skip_to = a->e;
    if (names_something(sc, a) || digit_chain(sc, a->e))
        return false;
    if (!a->word && glued_letters(sc, a))
        return false;
    if (a->e + 1 < sc->end && (unsigned char)t[a->e] == 0xC2 && (unsigned char)t[a->e + 1] == 0xB0) {
        unit_at deg;
        if (!read_unit(sc, a->e, &deg))
            return false; /* "39.918°": an angle, for the coordinates extractor */
    }

    if (cck_scan_mentions(sc))
        money_prefix(sc, a);
    size_t hws;
    if (a->word && (t[a->ns] == 'a' || t[a->ns] == 'A') && a->ns + 1 < sc->end && t[a->ns + 1] == ' ' &&
        prev_is(t, sc->start, a->s, "half", &hws)) {
        a->v /= 2; /* "half a million", "half a dozen" */
        a->step /= 2;
        a->s = hws;
    }
    size_t start = a->s, end = a->e;
    /* the word before the figure, found once for the tests below and
     * again when the figure takes it in */
    size_t pwe, pws = prev_word(t, sc->start, a->s, &pwe);
    if (a->v > 0 && (word_eq(t, pws, pwe, "minus") || word_eq(t, pws, pwe, "negative"))) {
        a->v = -a->v; /* "minus 20 °C" */
        a->s = start = pws;
        pws = prev_word(t, sc->start, a->s, &pwe);
    }
    bool between = word_eq(t, pws, pwe, "between");
    size_t bws = pws;
    bool from_change = false;
    size_t fws = pws;
    if (word_eq(t, pws, pwe, "from")) {
        /* "grew from 80,000 to 120,000" is a change (two claims); "range
         * from", "varied from" or a noun before "from" make a range */
        static const char *const change[] = {
            "rose", "rise", "rises", "grew", "grow", "grows", "fell", "fall", "falls", "went", "go",
            "goes", "increase", "increases", "decrease", "decreases", "drop", "drops", "jump", "jumps",
            "climb", "climbs", "shrank", "shrink", "shrinks", "sank", "soar", "soars", "plunge",
            "plunges", "cut", "cuts", "up", "down", "expand", "expands", "reduce", "reduces", "raise",
            "raises", "lower", "lowers", "change", "changes", "move", "moves", "moving", "rising",
            "growing", "falling", "increasing", "decreasing", "dropping", "climbing"};
        size_t we, ws = prev_word(t, sc->start, fws, &we);
        if (we - ws > 2 && !strncasecmp_ascii(t + we - 2, "ly", 2)) /* "rose sharply from" */
            ws = prev_word(t, sc->start, ws, &we);
        if (we - ws > 2 && !strncasecmp_ascii(t + we - 2, "ed", 2))
            from_change = !(word_at(t, ws, we, "ranged") || word_at(t, ws, we, "varied"));
        for (size_t k = 0; k < sizeof change / sizeof *change && !from_change; k++)
            from_change = we > ws && word_at(t, ws, we, change[k]) == we - ws;
    }

    unit_at u1 = {0}, u2 = {0};
    bool has_u1 = read_unit(sc, a->e, &u1);
    if (has_u1 && u1.s == a->e && !strcmp(u1.u->name, "m") && u1.e - u1.s == 1 && million_m(sc, u1.e)) {
        /* "1.5m tonnes", "2m people": m is million here, not metres */
        a->v *= 1e6;
        a->step *= 1e6;
        a->scale *= 1e6;
        a->yearlike = false;
        a->e = u1.e;
        has_u1 = read_unit(sc, a->e, &u1);
    }
    size_t after1 = has_u1 ? u1.e : a->e;

    /* range: "10-15", "543,000 to 559,000", "between 1,000 and 6,000" */
    figure b;
    bool range = false;
    {
        size_t j = after1, k;
        bool ok = false;
        k = skip_blanks(t, j, sc->end);
        if (k < sc->end && (t[k] == '-' || t[k] == '~' || !strncmp(t + k, "–", 3) || !strncmp(t + k, "—", 3))) {
            k += t[k] == '-' || t[k] == '~' ? 1 : 3; /* "20~100" too */
            ok = !a->word;
        } else if (k > j && (word_at(t, k, sc->end, "to") || word_at(t, k, sc->end, "through") ||
                             (between && word_at(t, k, sc->end, "and")))) {
            k += word_at(t, k, sc->end, "to") ? 2 : word_at(t, k, sc->end, "through") ? 7 : 3;
            ok = !from_change;
        }
        if (ok) {
            size_t k2 = skip_blanks(t, k, sc->end);
            range = read_figure(sc, k2, true, &b);
        }
        if (range && (b.word != a->word && !(word_at(t, k, sc->end, "to") || between)))
            range = false;
        if (range && digit_chain(sc, b.e))
            return false;
        if (range && !b.word && glued_letters(sc, &b)) {
            unit_at tmp;
            if (!read_unit(sc, b.e, &tmp))
                range = false;
        }
        if (range) {
            if (read_unit(sc, b.e, &u2)) {
                if (has_u1 && u1.u->dim != u2.u->dim)
                    range = false;
            } else if (has_u1) {
                range = false;
            }
        }
        if (range && a->yearlike && !b.word && b.ne - b.ns == 2 && b.v < a->v)
            return false; /* "1950-53": a span of years, for the dates extractor */
        if (range && b.scale != 1 && a->scale == 1 && a->v < b.v / b.scale) {
            a->v *= b.scale;
            a->step *= b.scale;
        }
        if (range && !a->cur && b.cur)
            a->cur = b.cur;
        if (range && b.v < a->v)
            range = false;
        if (range && a->yearlike && b.yearlike && !u2.u && !a->cur && !counts_something(sc, b.e, false))
            return false; /* "1335–1408": life dates, for the dates extractor */
    }

    /* "seven stations, all but one new": the rest of an earlier count */
    size_t butws, allws;
    if (!a->cur && prev_is(t, sc->start, a->s, "but", &butws) && prev_is(t, sc->start, butws, "all", &allws)) {
        double total = -1;
        size_t from = allws - sc->start > 300 ? allws - 300 : sc->start; /* bounded look-back */
        while (from < allws && ((unsigned char)t[from] & 0xC0) == 0x80)
            from++;
        for (size_t pos = from; pos < allws;) {
            figure g;
            cck_scan pre = *sc;
            pre.end = allws;
            if (cck_ext_match(sc, re_atom, sc->text, allws, pos, 0) != 1)
                break;
            size_t gs = cck_re_group_start(sc->m, 0), ge = cck_re_group_end(sc->m, 0);
            if (read_figure(&pre, gs, true, &g) && !g.cur && !g.yearlike)
                total = g.v;
            pos = ge > pos ? ge : pos + 1;
        }
        if (total > a->v) {
            cl->kind = CCK_KIND_COUNT;
            cl->lo = cl->hi = total - a->v;
            cl->step = 1;
            cck_claim_set_unit(cl, "");
            cl->start = allws;
            cl->end = a->e;
            p->c.priority = PRIO_COUNT;
            return true;
        }
    }

    /* a share: "1 in 4 homes", "one in five adults" */
    if (!range && !has_u1 && !a->cur && a->scale == 1) {
        size_t j = skip_blanks(t, a->e, sc->end), n = word_at(t, j, sc->end, "in");
        figure d;
        unit_at du;
        if (j > a->e && n && read_figure(sc, skip_blanks(t, j + n, sc->end), true, &d) &&
            skip_blanks(t, j + n, sc->end) > j + n && !d.cur && !d.yearlike && d.scale == 1 &&
            d.v > a->v && a->v > 0 && d.v <= 1000 && !glued_letters(sc, &d) && !read_unit(sc, d.e, &du) &&
            (d.word || !a->word || a->v == 1)) {
            double v = a->v / d.v * 100;
            cl->kind = CCK_KIND_PERCENT;
            cl->lo = cl->hi = v;
            cl->step = 0;
            cck_claim_set_unit(cl, "%");
            cl->start = a->s;
            cl->end = d.e;
            p->skip_to = d.e;
            p->c.priority = PRIO_MEASURE;
            return true;
        }
    }

    /* a density: "540/km2", "120 per square kilometre" */
    if (!has_u1 && !a->cur) {
        size_t j = a->e, n = 0;
        if (j < sc->end && t[j] == '/')
            j++;
        else if ((n = word_at(t, skip_blanks(t, j, sc->end), sc->end, "per")) && skip_blanks(t, j, sc->end) > j)
            j = skip_blanks(t, skip_blanks(t, j, sc->end) + n, sc->end);
        const cck_unit_def *au = NULL;
        size_t m = j > a->e ? cck_unit_match(t + j, sc->end - j, &au) : 0;
        if (m && au->dim == CCK_DIM_AREA) {
            cl->kind = CCK_KIND_MEASURE;
            cl->lo = cl->hi = a->v / au->factor;
            cl->step = a->step / au->factor;
            cck_claim_set_unit(cl, "1/m2");
            cl->start = a->s;
            cl->end = j + m;
            size_t conv = conversion_after(sc, cl->end, au, NULL);
            p->skip_to = conv ? conv : cl->end;
            p->c.priority = PRIO_MEASURE;
            return true;
        }
    }

    const cck_unit_def *unit = NULL;
    if (range) {
        unit = u2.u ? u2.u : (has_u1 ? u1.u : NULL);
        end = u2.u ? u2.e : b.e;
        if (between)
            start = bws;
        else if (cck_scan_mentions(sc) && !from_change && prev_is(t, sc->start, a->s, "from", &fws))
            start = fws; /* a mention takes its "from" as it takes "between" */
    } else {
        unit = has_u1 ? u1.u : NULL;
        end = after1;
        memset(&u2, 0, sizeof u2);
    }

    /* "5 ft 2 in", "6 feet 1 inch": one length */
    if (!range && unit && !strcmp(unit->name, "ft") && !a->cur) {
        size_t j = skip_blanks(t, end, sc->end), k2 = j;
        if (j > end && word_at(t, j, sc->end, "and"))
            k2 = skip_blanks(t, j + 3, sc->end);
        figure in;
        if (k2 > end && read_figure(sc, k2, true, &in) && !in.word && !in.cur && in.v < 12) {
            size_t u = skip_blanks(t, in.e, sc->end), n = 0;
            if (u > in.e && ((n = word_at(t, u, sc->end, "inches")) || (n = word_at(t, u, sc->end, "inch")) ||
                             (n = word_at(t, u, sc->end, "in"))))
                ; /* "in" is inches only right after feet */
            else if (u == in.e && u + 1 < sc->end && t[u] == '"')
                n = 1;
            if (n) {
                a->v += in.v / 12;
                a->step = in.step / 12;
                end = u + n;
                if (end < sc->end && t[end] == '.' && t[end - 1] == 'n' && n == 2)
                    end++; /* "in." */
            }
        }
    }

    /* "3 dollars 50 cents", "thirteen dollars and forty-five cents": one
     * amount; in mentions mode a bare remainder closing the clause too
     * ("15 dollars 50", "17 USD 25") */
    if (!range && unit && unit->dim == CCK_DIM_MONEY && unit->factor == 1 && !a->cur) {
        size_t j = skip_blanks(t, end, sc->end), n = 0;
        static const struct {
            const char *w;
            double v;
        } big[] = {{"thousand", 1e3}, {"million", 1e6}, {"billion", 1e9}, {"trillion", 1e12}, {"bn", 1e9}};
        for (size_t k = 0; k < sizeof big / sizeof *big && j > end && a->scale == 1 && !n; k++)
            if ((n = word_at(t, j, sc->end, big[k].w))) {
                a->v *= big[k].v; /* "75 USD million" */
                a->step *= big[k].v;
                a->scale = big[k].v;
                end = j + n;
            }
        if (!n)
            end = cents_after(sc, end, a);
    }

    /* "6-7 AM": a time of day, as seconds after midnight */
    bool clock = false;
    if (!unit && !a->cur && !a->word && a->v >= 1 && a->v <= 12 && (!range || (b.v >= 1 && b.v <= 12))) {
        size_t j = skip_blanks(t, end, sc->end);
        size_t n = 0;
        bool pm = false;
        if ((n = word_at(t, j, sc->end, "am")) || (n = word_at(t, j, sc->end, "a.m."))) {
            pm = false;
        } else if ((n = word_at(t, j, sc->end, "pm")) || (n = word_at(t, j, sc->end, "p.m."))) {
            pm = true;
        } else if (j + 4 <= sc->end && (!strncmp(t + j, "a.m.", 4) || !strncmp(t + j, "p.m.", 4))) {
            n = 4;
            pm = t[j] == 'p';
        }
        if (n) {
            clock = true;
            double lo = fmod(a->v, 12) * 3600 + (pm ? 43200 : 0);
            double hi = range ? fmod(b.v, 12) * 3600 + (pm ? 43200 : 0) : lo;
            cl->kind = CCK_KIND_MEASURE;
            cl->lo = lo;
            cl->hi = hi;
            cl->step = 3600;
            cck_claim_set_unit(cl, "s");
            end = j + n;
        }
    }

    if (!clock) {
        if (a->cur && (!unit || unit->dim != CCK_DIM_MONEY)) {
            if (unit) /* "$5 per ton": not a bare amount of money */
                unit = NULL, end = range ? b.e : a->e;
            cl->kind = CCK_KIND_MONEY;
            set_values(cl, a, range ? &b : NULL, NULL);
            cck_claim_set_unit(cl, a->cur);
        } else if (unit) {
            cl->kind = unit->dim == CCK_DIM_PERCENT ? CCK_KIND_PERCENT
                       : unit->dim == CCK_DIM_MONEY ? CCK_KIND_MONEY
                                                    : CCK_KIND_MEASURE;
            set_values(cl, a, range ? &b : NULL, unit);
            cck_claim_set_unit(cl, unit->canon);
            if (unit->dim == CCK_DIM_MASS || unit->dim == CCK_DIM_LENGTH || unit->dim == CCK_DIM_VOLUME) {
                /* a mention is the measure alone: "2.4 billion gallons" of
                 * "2.4 billion gallons of jet fuel a year" */
                size_t r = cck_scan_mentions(sc) ? 0 : per_year_after(sc, end);
                if (r) {
                    end = r;
                    cck_claim_set_unit(cl, cck_unit_per_year(unit->canon));
                } else if (unit->dim == CCK_DIM_MASS && before_has(sc, start, 60, "capacit")) {
                    cck_claim_set_unit(cl, "kg/yr");
                }
            }
        } else {
            cl->kind = CCK_KIND_COUNT;
            set_values(cl, a, range ? &b : NULL, NULL);
            cck_claim_set_unit(cl, "");
        }
    }

    /* rates per 100,000 are percentages (FORMAT.md): "12 per 100,000",
     * "rate per 100,000 (655)" */
    if (cl->kind == CCK_KIND_COUNT && !range && !a->word) {
        size_t j = skip_blanks(t, end, sc->end), n = word_at(t, j, sc->end, "per"), r;
        if (n && (r = per_100k(sc, skip_blanks(t, j + n, sc->end)))) {
            end = r;
            cl->kind = CCK_KIND_PERCENT;
        } else if (a->s > sc->start && t[a->s - 1] == '(' && end < sc->end && t[end] == ')' &&
                   per_100k_before(sc, a->s - 1)) {
            cl->kind = CCK_KIND_PERCENT;
        }
        if (cl->kind == CCK_KIND_PERCENT) {
            cl->lo /= 1000;
            cl->hi /= 1000;
            cl->step /= 1000;
            cck_claim_set_unit(cl, "%");
        }
    }

    /* "ten or so", "$50 billion and greater", "less than 5000 or equal" */
    end = bound_trailer(sc, start, end, cl);

    /* a number word must count something (or carry a unit, or be a range) */
    bool last_word = range ? b.word : a->word;
    if (cl->kind == CCK_KIND_COUNT && last_word && !range && !cl->approx && a->v < 100 &&
        !(cck_scan_mentions(sc) && bound_word_before(sc, start))) {
        bool is_one = a->v == 1;
        if (!counts_something(sc, end, is_one))
            return false;
        if (is_one) {
            /* "one" is mostly a pronoun; count it only after these */
            static const char *const lead[] = {"with", "and", "only", "just", "exactly"};
            if (!prev_in(t, sc->start, a->s, lead, sizeof lead / sizeof *lead))
                return false;
        }
    }
    if (!range && inside_name(sc, a->s, end))
        return false;
    size_t thes;
    if (!range && a->yearlike && cl->kind == CCK_KIND_COUNT && prev_is(t, sc->start, a->s, "the", &thes) &&
        t[thes] == 't' && end + 2 < sc->end && t[end] == ' ' && is_upper((unsigned char)t[end + 1]) &&
        is_lower((unsigned char)t[end + 2]))
        return false; /* "the 2008 Beijing Olympics": a year naming an event */
    if (cl->kind == CCK_KIND_COUNT && !range && number_list_in_parens(sc, start, end))
        return false;
    if (cl->kind == CCK_KIND_MEASURE && !strcmp(cck_claim_unit(cl), "s")) {
        size_t j = skip_blanks(t, end, sc->end), n = word_at(t, j, sc->end, "on");
        if (j > end && n && (j + n == sc->end || strchr(",.;:", t[j + n])))
            return false; /* "Twenty years on, ...": an idiom for "later" */
    }
    if (!range && cl->kind == CCK_KIND_COUNT && street_after(sc, end))
        return false;
    if (a->word && !range) {
        static const char *const before[] = {"next", "last", "first", "other", "few", "several",
                                             "many", "those", "these"};
        for (size_t k = 0; k < sizeof before / sizeof *before; k++)
            if (prev_is(t, sc->start, a->s, before[k], NULL) && !(k == 6 && a->v != 12))
                return false;
        size_t j = skip_blanks(t, end, sc->end);
        size_t n = word_at(t, j, sc->end, "of");
        if (n && word_at(t, skip_blanks(t, j + n, sc->end), sc->end, "the")) {
            size_t j2 = skip_blanks(t, j + n, sc->end) + 3;
            if (word_at(t, skip_blanks(t, j2, sc->end), sc->end, "most"))
                return false; /* "two of the most important": a selection, not a count */
        }
    }

    conversion cv;
    size_t conv = cl->kind == CCK_KIND_COUNT ? 0 : conversion_after(sc, end, clock ? NULL : unit, &cv);
    if (conv && unit && cv.u && !range && !clock)
        check_conversion(sc, start, conv, a, unit, &cv);
    p->skip_to = conv ? conv : end;
    if (cck_scan_mentions(sc))
        start = equal_before(sc, start);
    cl->start = start;
    cl->end = end;
    if (cl->kind == CCK_KIND_COUNT)
        p->c.priority = (a->yearlike && (!range || b.yearlike)) ? PRIO_YEARLIKE
                        : range                                ? PRIO_COUNT_RANGE
                                                               : PRIO_COUNT;
    else
        p->c.priority = PRIO_MEASURE;
    return true;
}

/* ---- ranks and small special forms ------------------------------------- */

static const struct {
    const char *w;
    int v;
} ordinals[] = {
    {"first", 1},      {"second", 2},      {"third", 3},       {"fourth", 4},     {"fifth", 5},
    {"sixth", 6},      {"seventh", 7},     {"eighth", 8},      {"ninth", 9},      {"tenth", 10},
    {"eleventh", 11},  {"twelfth", 12},    {"thirteenth", 13}, {"fourteenth", 14}, {"fifteenth", 15},
    {"twentieth", 20},
};

static int ordinal_value(const char *t, size_t s, size_t e)
{
    if (is_digit((unsigned char)t[s]))
        return atoi(t + s);
    for (size_t k = 0; k < sizeof ordinals / sizeof *ordinals; k++)
        if (strlen(ordinals[k].w) == e - s && word_at(t, s, e, ordinals[k].w))
            return ordinals[k].v;
    return 0;
}

static void push(cck_cands *out, cck_kind kind, size_t s, size_t e, double lo, double hi,
                 double step, const char *unit, int prio)
{
    cck_cand c;
    memset(&c, 0, sizeof c);
    c.claim.kind = kind;
    c.claim.start = s;
    c.claim.end = e;
    c.claim.lo = lo;
    c.claim.hi = hi;
    c.claim.step = step;
    cck_claim_set_unit(&c.claim, unit);
    c.priority = prio;
    cck_cands_push(out, &c);
}

/* Runs the anchored pattern re at the places next offers over the unit
 * and calls fn on each match. */
static void each_match(const cck_scan *sc, const cck_re *re, int f, cck_cands *out,
                       void (*fn)(const cck_scan *, cck_cands *))
{
    size_t pos = sc->start;
    while (pos < sc->end) {
        if (cck_ext_match_cands(sc, re, NULL, pos, f) == 0)
            break;
        fn(sc, out);
        pos = cck_re_next(sc->m, sc->text, sc->end);
    }
}

static void on_rank(const cck_scan *sc, cck_cands *out)
{
    size_t s = cck_re_group_start(sc->m, 0), e = cck_re_group_end(sc->m, 0);
    size_t os = cck_re_group_start(sc->m, 1), oe = cck_re_group_end(sc->m, 1);
    int v = ordinal_value(sc->text, os, oe);
    if (v > 0)
        push(out, CCK_KIND_RANK, s, e == os ? oe : e, v, v, 0, "", PRIO_RANK);
}

static void on_no1(const cck_scan *sc, cck_cands *out)
{
    size_t s = cck_re_group_start(sc->m, 0), e = cck_re_group_end(sc->m, 0);
    int v = atoi(sc->text + cck_re_group_start(sc->m, 1));
    push(out, CCK_KIND_RANK, s, e, v, v, 0, "", PRIO_RANK);
}

static void on_frac(const cck_scan *sc, cck_cands *out)
{
    const char *t = sc->text;
    size_t s = cck_re_group_start(sc->m, 0), e = cck_re_group_end(sc->m, 0);
    size_t ns = cck_re_group_start(sc->m, 1), ds = cck_re_group_start(sc->m, 2);
    /* only as a share: "a third of", "less than a quarter", "half of" */
    size_t j = skip_blanks(t, e, sc->end);
    if (!(j > e && (word_at(t, j, sc->end, "of") || word_at(t, j, sc->end, "that"))) &&
        !prev_is(t, sc->start, s, "than", NULL))
        return;
    size_t pw;
    if (prev_is(t, sc->start, s, "the", &pw) || prev_is(t, sc->start, s, "first", &pw) ||
        prev_is(t, sc->start, s, "second", &pw) || prev_is(t, sc->start, s, "last", &pw))
        return; /* "the second half of the year": a period, not a share */
    double v = 50; /* "half" */
    if (ns != (size_t)-1) {
        double n = t[ns] == 'a' || t[ns] == 'A' ? 1 : word_value(t, ns, cck_re_group_end(sc->m, 1));
        double d = t[ds] == 't' || t[ds] == 'T' ? 3 : (t[ds] == 'q' || t[ds] == 'Q') ? 4 : 5;
        v = n / d * 100;
    }
    push(out, CCK_KIND_PERCENT, s, e, v, v, 0, "%", PRIO_MEASURE);
}

static void on_unitlong(const cck_scan *sc, cck_cands *out)
{
    size_t s = cck_re_group_start(sc->m, 0), e = cck_re_group_end(sc->m, 0);
    const cck_unit_def *u = cck_unit_lookup(sc->text + s, cck_re_group_end(sc->m, 1) - s);
    if (u)
        push(out, CCK_KIND_MEASURE, s, e, u->factor, u->factor, u->factor, u->canon, PRIO_MEASURE);
}

/* ---- table cells ------------------------------------------------------- */

/* What a header says about its cells: a unit ("Mean daily maximum °C
 * (°F)" -> degC, "Precip. (mm)" -> mm, "(%)" -> %), a currency and scale
 * ("GDP (US$ million)"), a density ("Density (/km²)"). Qualifiers like
 * "(≥ 0.1 mm)" are skipped; a count of days ("Rainy Days") or a "Year"
 * column names no unit: its cells are counts. */
typedef struct {
    const cck_unit_def *u;
    const char *cur;
    double scale;
    bool density;
} header_info;

static bool read_header(const char *h, header_info *hi)
{
    memset(hi, 0, sizeof *hi);
    hi->scale = 1;
    if (!h)
        return false;
    bool any = false;
    size_t n = strlen(h);
    for (size_t i = 0; i < n; i++) {
        if (h[i] == '(' && i + 1 < n && (h[i + 1] == '<' || h[i + 1] == '>' || (unsigned char)h[i + 1] == 0xE2)) {
            const char *close = memchr(h + i, ')', n - i);
            if (!close)
                break;
            i = (size_t)(close - h);
            continue;
        }
        if (i > 0 && wordish((unsigned char)h[i - 1]) && wordish((unsigned char)h[i]))
            continue;
        static const struct {
            const char *w;
            double v;
        } hs[] = {{"thousands", 1e3}, {"thousand", 1e3}, {"millions", 1e6}, {"million", 1e6},
                  {"billions", 1e9}, {"billion", 1e9}, {"bn", 1e9}};
        bool scaled = false;
        for (size_t k = 0; k < sizeof hs / sizeof *hs && !scaled; k++)
            if (word_at(h, i, n, hs[k].w)) {
                hi->scale = hs[k].v;
                any = scaled = true;
            }
        if (scaled)
            continue;
        if (h[i] == '$' || !strncmp(h + i, "US$", 3) || !strncmp(h + i, "€", 3) || !strncmp(h + i, "£", 2) ||
            !strncmp(h + i, "₩", 3)) {
            hi->cur = currency_code(h, i, n);
            any = true;
            continue;
        }
        const cck_unit_def *u = NULL;
        if (cck_unit_match(h + i, n - i, &u)) {
            if (u->dim == CCK_DIM_TIME)
                return any; /* "Rainy Days", "Year": counts and labels */
            if (u->dim == CCK_DIM_MONEY) {
                if (!strcmp(u->canon, "KPW") && !word_at(h, i, n, "KPW") && !strstr(h, "orean"))
                    continue; /* "won" alone in a header is too loose */
                hi->cur = u->canon;
                any = true;
                continue;
            }
            size_t b = i;
            while (b > 0 && h[b - 1] == ' ')
                b--;
            hi->density = (b > 0 && h[b - 1] == '/') || (b >= 3 && word_at(h, b - 3, n, "per"));
            hi->u = u;
            return true;
        }
    }
    return any;
}

/* The unit a header gives the conversions in parentheses of its cells:
 * "Mean daily maximum °C (°F)" -> degF, "Precipitation mm (inches)" ->
 * inches. NULL when it names none of first's dimension. */
static const cck_unit_def *header_second_unit(const char *h, const cck_unit_def *first)
{
    if (!h || !first)
        return NULL;
    for (const char *p = strchr(h, '('); p; p = strchr(p + 1, '(')) {
        const char *q = p + 1;
        while (*q == ' ')
            q++;
        const cck_unit_def *u = NULL;
        if (cck_unit_match(q, strlen(q), &u) && u->dim == first->dim && u != first)
            return u;
    }
    return NULL;
}

/* A cell that is one figure, maybe with its conversion: "2.8 (37.0)",
 * "−5", "168,827". Returns true when it was handled. */
static bool scan_cell(const cck_scan *sc, cck_cands *out)
{
    const char *t = sc->text;
    size_t s = sc->start, e = sc->end;
    while (s < e && (t[s] == ' ' || t[s] == '\t' || t[s] == '|' || t[s] == '\n'))
        s++;
    while (e > s && (t[e - 1] == ' ' || t[e - 1] == '\t' || t[e - 1] == '|' || t[e - 1] == '\n'))
        e--;
    figure f;
    cck_scan sub = *sc;
    sub.end = e;
    if (!read_figure(&sub, s, true, &f) || f.word || f.s != s)
        return false;
    size_t k = f.e;
    conversion cv;
    size_t conv = conversion_after(&sub, k, NULL, &cv);
    if (conv)
        k = conv;
    k = skip_blanks(t, k, e);
    while (k < e && t[k] == '[') { /* trailing citation markers */
        const char *close = memchr(t + k, ']', e - k);
        if (!close)
            break;
        k = skip_blanks(t, (size_t)(close - t) + 1, e);
    }
    if (k != e)
        return false;
    header_info hi;
    const cck_table_cell *cell = cck_unit_cell(sc->src, sc->unit);
    const char *hdr = cell->row_header;
    if (!read_header(hdr, &hi))
        read_header(hdr = cell->col_header, &hi);
    const cck_unit_def *u = hi.u;
    if (conv && u && !hi.density && !f.cur && hi.scale == 1) {
        /* "28.1 (82.6)" under "°C (°F)": the two must agree as in prose */
        if (!cv.u)
            cv.u = header_second_unit(hdr, u);
        if (cv.u)
            check_conversion(sc, f.s, conv, &f, u, &cv);
    }
    if (!u && !hi.cur && hi.scale == 1 && f.yearlike)
        return false; /* a year labelling the row */
    if (hi.scale != 1) {
        f.v *= hi.scale;
        f.step *= hi.scale;
    }
    if (!f.cur)
        f.cur = hi.cur;
    cck_cand c;
    memset(&c, 0, sizeof c);
    c.claim.start = f.s;
    c.claim.end = f.e;
    if (f.cur) {
        c.claim.kind = CCK_KIND_MONEY;
        set_values(&c.claim, &f, NULL, NULL);
        cck_claim_set_unit(&c.claim, f.cur);
    } else if (u && hi.density) {
        c.claim.kind = CCK_KIND_MEASURE;
        c.claim.lo = c.claim.hi = f.v / u->factor;
        c.claim.step = f.step / u->factor;
        cck_claim_set_unit(&c.claim, "1/m2");
    } else if (u) {
        c.claim.kind = u->dim == CCK_DIM_PERCENT ? CCK_KIND_PERCENT : CCK_KIND_MEASURE;
        set_values(&c.claim, &f, NULL, u);
        cck_claim_set_unit(&c.claim, u->canon);
    } else {
        c.claim.kind = CCK_KIND_COUNT;
        set_values(&c.claim, &f, NULL, NULL);
        cck_claim_set_unit(&c.claim, "");
    }
    c.priority = PRIO_MEASURE;
    cck_cands_push(out, &c);
    return true;
}

/* ---- the family scanner ------------------------------------------------ */

void cck_ext_numbers(const cck_scan *sc, cck_cands *out)
{
    if (!re_atom || sc->end <= sc->start)
        return;
    if (sc->unit && sc->unit->zone == CCK_ZONE_TABLE && scan_cell(sc, out))
        return;
    if (cck_scan_mentions(sc))
        cck_ext_words(sc, out);
    each_match(sc, re_rank_at, CCK_PF_RANK, out, on_rank);
    each_match(sc, re_ranked_at, CCK_PF_RANKED, out, on_rank);
    each_match(sc, re_no1_at, CCK_PF_NO1, out, on_no1);
    each_match(sc, re_frac_at, CCK_PF_FRAC, out, on_frac);
    each_match(sc, re_unitlong_at, CCK_PF_UNITLONG, out, on_unitlong);
    size_t pos = sc->start;
    while (pos < sc->end) {
        if (cck_ext_match_cands(sc, re_atom_at, NULL, pos, CCK_PF_FIGURE) == 0)
            break;
        size_t next = cck_re_next(sc->m, sc->text, sc->end);
        figure f;
        if (read_matched(sc, &f)) { /* what read_figure() at the match would read */
            parsed p;
            if (parse_expr(sc, &f, &p)) {
                cck_cands_push(out, &p.c);
                if (p.skip_to > next)
                    next = p.skip_to;
            }
        }
        pos = next > pos ? next : pos + 1;
    }
}
