/* words.c: numbers written in words as a recognizer reads them ("fifty - two",
 * "two hundred point zero three", "one hundred and three quarters", "a
 * trillionth", "one over three"), ordinals, and digit forms with a suffix
 * ("10k", "1.2b") or a fraction or power ("1 4/5", "2.5^-1"). The scanner
 * runs in mentions mode only; number.c asks the readers in both modes for
 * a glued "10k", a fraction of a scale word and a count of dozens. */
#include <math.h>
#include <pthread.h>
#include <string.h>

#include "extract.h"
#include "units.h"

/* Mentions are plain counts, but a mention read here may be longer than the
 * figure number.c reads at the same place ("one hundred and three" inside
 * "one hundred and three quarters"); on a tie this reading wins. */
enum { PRIO_WORDS = 6, PRIO_WPERCENT = 15, PRIO_WRANK = 20 };
enum { MAX_TOKENS = 40, MAX_BLANKS = 8, MAX_WORD = 16 };

typedef enum { T_NONE, T_NUM, T_TENS, T_HUNDRED, T_SCALE, T_DOZEN, T_ORD, T_HALF, T_AND, T_A, T_DIGITS } tkind;

typedef struct {
    tkind k;
    size_t s, e;
    double v;
    bool plural;   /* "fifths", "hundreds" */
    bool compound; /* "twenty-one", "twenty-first" */
    bool frac;     /* a digit literal with decimals */
} token;

static const struct {
    const char *w;
    double v;
    tkind k;
} lex[] = {
    {"zero", 0, T_NUM},        {"nought", 0, T_NUM},       {"naught", 0, T_NUM},
    {"one", 1, T_NUM},         {"two", 2, T_NUM},          {"three", 3, T_NUM},
    {"four", 4, T_NUM},        {"five", 5, T_NUM},         {"six", 6, T_NUM},
    {"seven", 7, T_NUM},       {"eight", 8, T_NUM},        {"nine", 9, T_NUM},
    {"ten", 10, T_NUM},        {"eleven", 11, T_NUM},      {"twelve", 12, T_NUM},
    {"thirteen", 13, T_NUM},   {"fourteen", 14, T_NUM},    {"fifteen", 15, T_NUM},
    {"sixteen", 16, T_NUM},    {"seventeen", 17, T_NUM},   {"eighteen", 18, T_NUM},
    {"nineteen", 19, T_NUM},   {"twenty", 20, T_TENS},     {"thirty", 30, T_TENS},
    {"forty", 40, T_TENS},     {"fifty", 50, T_TENS},      {"sixty", 60, T_TENS},
    {"seventy", 70, T_TENS},   {"eighty", 80, T_TENS},     {"ninety", 90, T_TENS},
    {"hundred", 100, T_HUNDRED}, {"thousand", 1e3, T_SCALE}, {"million", 1e6, T_SCALE},
    {"billion", 1e9, T_SCALE}, {"trillion", 1e12, T_SCALE}, {"lakh", 1e5, T_SCALE},
    {"crore", 1e7, T_SCALE},   {"dozen", 12, T_DOZEN},     {"dz", 12, T_DOZEN},
    {"doz", 12, T_DOZEN},      {"first", 1, T_ORD},        {"second", 2, T_ORD},
    {"third", 3, T_ORD},       {"fourth", 4, T_ORD},       {"fifth", 5, T_ORD},
    {"sixth", 6, T_ORD},       {"seventh", 7, T_ORD},      {"eighth", 8, T_ORD},
    {"ninth", 9, T_ORD},       {"nineth", 9, T_ORD},       {"tenth", 10, T_ORD},
    {"eleventh", 11, T_ORD},   {"twelfth", 12, T_ORD},     {"thirteenth", 13, T_ORD},
    {"fourteenth", 14, T_ORD}, {"fifteenth", 15, T_ORD},   {"sixteenth", 16, T_ORD},
    {"seventeenth", 17, T_ORD}, {"eighteenth", 18, T_ORD}, {"nineteenth", 19, T_ORD},
    {"twentieth", 20, T_ORD},  {"thirtieth", 30, T_ORD},   {"fortieth", 40, T_ORD},
    {"fiftieth", 50, T_ORD},   {"sixtieth", 60, T_ORD},    {"seventieth", 70, T_ORD},
    {"eightieth", 80, T_ORD},  {"ninetieth", 90, T_ORD},   {"hundredth", 100, T_ORD},
    {"thousandth", 1e3, T_ORD}, {"millionth", 1e6, T_ORD}, {"billionth", 1e9, T_ORD},
    {"trillionth", 1e12, T_ORD}, {"half", 2, T_HALF},      {"halves", 2, T_HALF},
    {"quarter", 4, T_HALF},    {"and", 0, T_AND},          {"a", 1, T_A},
    {"an", 1, T_A},
};

/* The lexicon chained by first letter, in table order: lex_head[c - 'a']
 * is the first entry starting with c, lex_next[k] the next one (NLEX
 * ends a chain). Built once. */
enum { NLEX = sizeof lex / sizeof *lex };
_Static_assert(NLEX < 255, "lexicon indices are bytes");
static unsigned char lex_head[26], lex_next[NLEX];
static pthread_once_t lex_once = PTHREAD_ONCE_INIT;

static void lex_init(void)
{
    unsigned char *tail[26];
    for (int c = 0; c < 26; c++) {
        lex_head[c] = NLEX;
        tail[c] = &lex_head[c];
    }
    for (size_t k = 0; k < NLEX; k++) {
        int c = lex[k].w[0] - 'a';
        lex_next[k] = NLEX;
        *tail[c] = (unsigned char)k;
        tail[c] = &lex_next[k];
    }
}

static bool alpha(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

static bool alnum(unsigned char c)
{
    return alpha(c) || digit(c) || c >= 0x80 || c == '_';
}

/* Blanks (spaces, tabs, no-break spaces) from i, at most MAX_BLANKS. */
static size_t blanks(const char *t, size_t i, size_t end)
{
    for (int n = 0; n < MAX_BLANKS; n++) {
        if (i < end && (t[i] == ' ' || t[i] == '\t'))
            i++;
        else if (i + 1 < end && (unsigned char)t[i] == 0xC2 && (unsigned char)t[i + 1] == 0xA0)
            i += 2;
        else
            break;
    }
    return i;
}

/* The ASCII letters of the word at i, lower-cased into buf; its end. */
static size_t word(const char *t, size_t i, size_t end, char *buf)
{
    size_t j = i;
    while (j < end && alpha((unsigned char)t[j]) && j - i < MAX_WORD) {
        buf[j - i] = (char)(t[j] | 0x20);
        j++;
    }
    buf[j - i] = '\0';
    if (j == i || (j < end && alnum((unsigned char)t[j])))
        return i; /* too long, or glued to digits or other letters */
    return j;
}

static bool word_is(const char *t, size_t i, size_t end, const char *w, size_t *out)
{
    char buf[MAX_WORD + 1];
    size_t j = word(t, i, end, buf);
    if (j == i || strcmp(buf, w))
        return false;
    *out = j;
    return true;
}

/* A lexicon word at i ("fifths" is "fifth" plural). */
static bool lex_word(const char *t, size_t i, size_t end, token *tk)
{
    char buf[MAX_WORD + 1];
    size_t j = word(t, i, end, buf);
    if (j == i)
        return false;
    size_t n = j - i;
    for (int plural = 0; plural < 2; plural++) {
        if (plural) {
            if (n < 3 || buf[n - 1] != 's')
                return false;
            buf[n - 1] = '\0';
        }
        /* buf is lower case: only the entries of its first letter */
        pthread_once(&lex_once, lex_init);
        for (size_t k = lex_head[buf[0] - 'a']; k < NLEX; k = lex_next[k]) {
            if (strcmp(buf, lex[k].w))
                continue;
            tkind kind = lex[k].k;
            if (plural && !(kind == T_ORD || kind == T_HALF || kind == T_HUNDRED || kind == T_SCALE ||
                            kind == T_DOZEN))
                return false;
            memset(tk, 0, sizeof *tk);
            tk->k = kind;
            tk->v = lex[k].v;
            tk->s = i;
            tk->e = j;
            tk->plural = plural || !strcmp(buf, "halves");
            return true;
        }
    }
    return false;
}

/* A digit literal at i: "12", "1,234", "2.33", "1,674,200.5"; not glued to a
 * letter or another digit group. */
static bool digits_at(const char *t, size_t i, size_t end, token *tk)
{
    size_t j = i, run = 0;
    while (j < end && digit((unsigned char)t[j]) && run < 15)
        j++, run++;
    if (run == 0 || (j < end && digit((unsigned char)t[j])))
        return false;
    double v = 0;
    for (size_t k = i; k < j; k++)
        v = v * 10 + (t[k] - '0');
    if (run <= 3) { /* thousands groups */
        while (j + 3 < end + 0 && t[j] == ',' && digit((unsigned char)t[j + 1]) && digit((unsigned char)t[j + 2]) &&
               digit((unsigned char)t[j + 3]) && (j + 4 >= end || !digit((unsigned char)t[j + 4]))) {
            v = v * 1000 + (t[j + 1] - '0') * 100 + (t[j + 2] - '0') * 10 + (t[j + 3] - '0');
            j += 4;
        }
    }
    bool frac = false;
    if (j + 1 < end && t[j] == '.' && digit((unsigned char)t[j + 1])) {
        double scale = 0.1;
        j++;
        for (int n = 0; j < end && digit((unsigned char)t[j]) && n < 15; n++, j++, scale /= 10)
            v += (t[j] - '0') * scale;
        if (j < end && digit((unsigned char)t[j]))
            return false;
        frac = true;
    }
    if (j < end && (alpha((unsigned char)t[j]) || (t[j] == '.' && j + 1 < end && digit((unsigned char)t[j + 1])) ||
                    (t[j] == ',' && j + 1 < end && digit((unsigned char)t[j + 1]))))
        return false;
    memset(tk, 0, sizeof *tk);
    tk->k = T_DIGITS;
    tk->s = i;
    tk->e = j;
    tk->v = v;
    tk->frac = frac;
    return true;
}

static bool unit_ord(const token *tk)
{
    return tk->k == T_ORD && !tk->compound && tk->v >= 1 && tk->v <= 9;
}

/* The next token after prev (ending at i): blanks between words, or a
 * hyphen that joins "twenty-one", "twenty - first", "one-eighth". Returns
 * false at the end of the run. Merges "twenty-one" into prev. */
static bool next_token(const char *t, size_t end, token *prev, token *tk)
{
    size_t i = prev->e, j = blanks(t, i, end);
    bool hyphen = false;
    if (j < end && t[j] == '-') {
        hyphen = true;
        j = blanks(t, j + 1, end);
    } else if (j == i) {
        return false;
    }
    if (j < end && digit((unsigned char)t[j])) {
        if (hyphen || !digits_at(t, j, end, tk))
            return false;
        return true;
    }
    if (!lex_word(t, j, end, tk))
        return false;
    if (hyphen) {
        if (prev->k == T_TENS && !prev->compound && ((tk->k == T_NUM && tk->v >= 1 && tk->v <= 9) || unit_ord(tk))) {
            prev->v += tk->v; /* "fifty - two", "twenty-first" */
            prev->e = tk->e;
            prev->compound = true;
            if (tk->k == T_ORD) {
                prev->k = T_ORD;
                prev->plural = tk->plural;
            } else {
                prev->k = T_NUM;
            }
            return next_token(t, end, prev, tk);
        }
        if (!(tk->k == T_ORD || (tk->k == T_HALF && tk->v == 4)) ||
            !(prev->k == T_NUM || prev->k == T_TENS || prev->k == T_HUNDRED || prev->k == T_SCALE || prev->k == T_A))
            return false; /* "three-nought-four": three numbers */
    }
    return true;
}

/* ---- integers ------------------------------------------------------------ */

typedef struct {
    double total, group, small, last_scale, tail;
    tkind last;
    int n;
    bool words, ok, zero;
} intstate;

static void int_init(intstate *st)
{
    memset(st, 0, sizeof *st);
    st->last_scale = 1e18;
    st->tail = 1;
    st->ok = true;
}

/* Feeds one token (an ordinal counts as its cardinal, "fifth" as five);
 * strict follows English grammar, lenient ignores every "and" (the
 * Recognizers fraction parser's reading of "twenty and three"). False when
 * the token cannot extend the number. */
static bool int_feed(intstate *st, const token *tk, bool strict)
{
    tkind k = tk->k;
    double v = tk->v;
    if (k == T_ORD || k == T_HALF)
        k = v >= 1000 ? T_SCALE : v == 100 ? T_HUNDRED : (v >= 20 && fmod(v, 10) == 0 && !tk->compound) ? T_TENS : T_NUM;
    if (st->zero)
        return false; /* "zero" stands alone */
    if (k != T_DIGITS)
        st->words = st->words || k != T_AND;
    switch (k) {
    case T_A:
        if (st->n)
            return false;
        st->group = st->small = 1;
        break;
    case T_AND:
        if (strict && st->last != T_HUNDRED && st->last != T_SCALE)
            return false;
        if (!strict && st->n == 0)
            return false;
        st->n++;
        if (strict)
            st->last = T_AND;
        return true;
    case T_DIGITS:
    case T_NUM:
    case T_TENS: {
        bool after_tens = st->last == T_TENS;
        if (st->last == T_A || st->last == T_NUM || st->last == T_DIGITS || st->last == T_DOZEN)
            return false;
        if (after_tens && !(v >= 1 && v <= 9 && k != T_DIGITS && !tk->compound))
            return false;
        if (k == T_DIGITS && (tk->frac ? st->n > 0 : (st->n > 0 && v >= (st->last == T_AND ? 100 : 1000))))
            return false;
        if (v == 0 && k != T_DIGITS) {
            if (st->n)
                return false;
            st->zero = true;
        } else if (v == 0 && st->n) {
            return false; /* "3 hundred and 0": two numbers */
        }
        if (!after_tens && st->last == T_HUNDRED && fmod(st->group, 100) != 0)
            return false;
        st->group += v;
        st->small = after_tens ? st->small + v : v;
        st->tail = 1;
        break;
    }
    case T_HUNDRED:
        if (st->last == T_HUNDRED || st->last == T_DOZEN || st->group >= 100 || (st->group == 0 && st->n))
            return false;
        st->group = (st->group == 0 ? 1 : st->group) * 100;
        st->small = 0;
        st->tail = st->last == T_NUM || st->last == T_TENS || st->last == T_DIGITS || st->last == T_A ? 100 : st->tail * 100;
        break;
    case T_SCALE:
        if (st->last == T_DOZEN)
            return false;
        if (st->group == 0) {
            if (st->n == 0) {
                st->group = 1; /* "thousand" alone, "hundred thousand" */
            } else if (st->last == T_SCALE && v > st->last_scale) {
                st->total *= v; /* "three lakh crore" */
                st->last_scale = v;
                st->tail *= v;
                st->n++;
                return true;
            } else {
                return false;
            }
        }
        if (strict && v >= st->last_scale)
            return false;
        st->total += st->group * v;
        st->tail = st->last == T_HUNDRED ? st->tail * v : v;
        st->group = st->small = 0;
        st->last_scale = v;
        break;
    case T_DOZEN:
        if (st->small == 0 && st->group == 0)
            return false;
        if (st->small == 0)
            st->small = st->group, st->group = 0; /* "hundred dozens" */
        st->group += st->small * 11;
        st->small = 0;
        break;
    default:
        return false;
    }
    st->last = k;
    st->n++;
    return true;
}

static double int_value(const intstate *st)
{
    return st->total + st->group;
}

/* Value of tokens [a, b) read leniently; false when they are no number. */
static bool int_eval(const token *tk, size_t a, size_t b, double *v)
{
    intstate st;
    int_init(&st);
    for (size_t i = a; i < b; i++)
        if (!int_feed(&st, &tk[i], false))
            return false;
    if (st.n == 0)
        return false;
    *v = int_value(&st);
    return true;
}

/* ---- fractions ----------------------------------------------------------- */

static double tok_value(const token *tk)
{
    return tk->k == T_AND ? 0 : tk->v;
}

static bool composable(double big, double small)
{
    double base = small > 10 ? 100 : 10;
    return fmod(big, base) == 0 && big / base >= 1;
}

/* Tokens [0, n) whose last is an ordinal, as a fraction ("two thirds",
 * "one hundred thirty fifths" = 100/35, "one and a half"). Walking back
 * from the ordinal, a word that composes with the one after it ("thirty
 * fifth", "one hundred fifth") belongs to the denominator, the rest is the
 * numerator; the last "and" before it splits off a whole part ("twenty and
 * three fifths" = 20.6) when the numerator is the smaller. trail is a
 * scale word after the ordinal ("five and a half million"), or 0. */
static bool fraction(const token *tk, size_t n, double trail, double *out, double *step)
{
    const token *ord = &tk[n - 1];
    if (n >= 2 && tk[n - 2].k == T_DIGITS)
        return false; /* "100 millionths" */
    if (n == 1) {
        if (ord->k != T_HALF || ord->v != 2 || ord->plural)
            return false; /* "half" alone */
        *out = 0.5;
        *step = 0.5;
        return true;
    }
    if (ord->k == T_ORD && !ord->compound && ord->v <= 2 && tk[n - 2].k != T_TENS)
        return false; /* "a first class seat", "a second"; but "three twenty firsts" */
    long split;
    double cur = tok_value(ord), round = 1;
    /* a round denominator stands alone: "fifty-four hundredths" */
    for (split = ord->v >= 100 ? -1 : (long)n - 2; split >= 0; split--) {
        if (tk[split].k == T_AND)
            continue;
        double prevv = cur;
        cur = tok_value(&tk[split]);
        if ((prevv >= 100 && prevv > cur) || (prevv < 100 && composable(cur, prevv))) {
            if (prevv < 100 && cur >= round) {
                round = cur;
            } else if (prevv < 100 && cur < round) {
                split++;
                break;
            }
            if (split == 0) {
                split = 1;
                while (split <= (long)n - 2) {
                    if (tok_value(&tk[split]) >= 100 && tk[split + 1].k != T_AND && tok_value(&tk[split + 1]) < 100) {
                        split++;
                        break;
                    }
                    split++;
                }
                break;
            }
            continue;
        }
        split++;
        break;
    }
    if (ord->v >= 100)
        split = (long)n - 1;
    if (split < 1)
        return false; /* no numerator */
    double den;
    if (!int_eval(tk, (size_t)split, n, &den) || den == 0)
        return false;
    size_t mixed = (size_t)split;
    double numer = 0, whole = 0;
    for (size_t i = (size_t)split; i-- > 0;) {
        if (i + 1 < (size_t)split && tk[i].k == T_AND) {
            if (!int_eval(tk, i + 1, (size_t)split, &numer))
                return false;
            mixed = i;
            break;
        }
    }
    if (mixed == (size_t)split) {
        if (!int_eval(tk, 0, (size_t)split, &numer))
            return false;
    } else if (!int_eval(tk, 0, mixed, &whole)) {
        return false;
    }
    if (!ord->plural && numer != 1)
        return false; /* "two millionth" is an ordinal */
    if (mixed != (size_t)split && numer < den) {
        /* "one million and a half": the half is of the million; "one
         * billion and a half million", "five and a half million" */
        intstate st;
        int_init(&st);
        for (size_t i = 0; i < mixed; i++)
            int_feed(&st, &tk[i], false);
        double sc = st.last == T_SCALE && st.group == 0 ? st.last_scale : 1;
        if (trail) {
            double lo = fmod(whole, trail);
            *out = whole - lo + (lo + numer / den) * trail;
            *step = trail / den;
        } else {
            *out = whole + numer / den * sc;
            *step = sc / den;
        }
    } else {
        *out = (whole + numer) / den * (trail ? trail : 1);
        *step = (trail ? trail : 1) / den;
    }
    return true;
}

/* ---- one expression ------------------------------------------------------ */

/* A scale word after a fraction ending at i: "five and a half million",
 * "two thirds of a million", "2 1/2 million". Returns it (0 for none) and
 * sets *out past it. */
static double trail_scale(const char *t, size_t i, size_t end, size_t *out)
{
    size_t j = blanks(t, i, end), k = j, n;
    token sc3;
    if (j > i && word_is(t, j, end, "of", &n)) {
        k = blanks(t, n, end);
        if (k > n && (word_is(t, k, end, "a", &n) || word_is(t, k, end, "an", &n)))
            k = blanks(t, n, end);
        else
            return 0;
    }
    if (k > i && lex_word(t, k, end, &sc3) && sc3.k == T_SCALE && !sc3.plural) {
        *out = sc3.e;
        return sc3.v;
    }
    return 0;
}

typedef struct {
    size_t s, e;
    double v, step;
    cck_kind kind;
    bool words;   /* any word in it: number.c reads digits alone */
} reading;

/* "point zero three", "point seventy-one" after a whole number in words. */
static size_t point_after(const char *t, size_t i, size_t end, double *v)
{
    size_t j = blanks(t, i, end), n;
    if (j == i || !word_is(t, j, end, "point", &n))
        return 0;
    size_t k = n, last = 0;
    double scale = 0.1, add = 0;
    for (int d = 0; d < 12; d++) {
        size_t w = blanks(t, k, end);
        token tk;
        if (w == k || !lex_word(t, w, end, &tk) || !(tk.k == T_NUM || tk.k == T_TENS) || tk.plural)
            break;
        if (tk.k == T_TENS || tk.v >= 10) {
            if (d > 0)
                break;
            token more;
            if (tk.k == T_TENS)
                (void)next_token(t, end, &tk, &more); /* merges "seventy-one" into tk */
            add = tk.v / 100; /* "point eleven", "point seventy-one" */
            last = tk.e;
            break;
        }
        add += tk.v * scale;
        scale /= 10;
        last = k = tk.e;
    }
    if (!last)
        return 0;
    *v += add;
    return last;
}

/* A ratio after a whole number: "one over three", "2000 over 3", "two out
 * of five hundred" (only when the first is the smaller). */
static bool read_whole(const char *t, size_t i, size_t end, reading *r);

static size_t ratio_after(const char *t, size_t i, size_t end, double *v)
{
    size_t j = blanks(t, i, end), n;
    bool out_of = false;
    if (j == i)
        return 0;
    if (word_is(t, j, end, "out", &n)) {
        size_t k = blanks(t, n, end);
        if (k == n || !word_is(t, k, end, "of", &n))
            return 0;
        out_of = true;
    } else if (!word_is(t, j, end, "over", &n)) {
        return 0;
    }
    size_t k = blanks(t, n, end);
    reading d;
    if (k == n || !read_whole(t, k, end, &d) || d.v == 0 || (out_of && d.v <= *v))
        return 0;
    const cck_unit_def *u;
    size_t w = blanks(t, d.e, end);
    if (w > d.e && cck_unit_match(t + w, end - w, &u))
        return 0; /* "over 3 years": a duration */
    *v /= d.v;
    return d.e;
}

/* Collects a run of tokens from the token at first. */
static size_t collect(const char *t, size_t end, const token *first, token *tk)
{
    size_t n = 0;
    tk[n++] = *first;
    while (n < MAX_TOKENS) {
        const token *p = &tk[n - 1];
        if (p->k == T_ORD || p->k == T_HALF || p->plural || p->k == T_DOZEN)
            break;
        token x;
        if (!next_token(t, end, &tk[n - 1], &x))
            break;
        tk[n++] = x;
    }
    return n;
}

/* A whole number (no fraction) from i: words, digits with scale words. */
static bool read_whole(const char *t, size_t i, size_t end, reading *r)
{
    token first, tk[MAX_TOKENS];
    if (i >= end || !(digit((unsigned char)t[i]) ? digits_at(t, i, end, &first) : lex_word(t, i, end, &first)))
        return false;
    size_t n = collect(t, end, &first, tk);
    intstate st;
    int_init(&st);
    size_t good = 0;
    double gv = 0, gstep = 1;
    bool gwords = false;
    for (size_t k = 0; k < n; k++) {
        if (tk[k].k == T_ORD || (tk[k].k == T_HALF))
            break;
        if (!int_feed(&st, &tk[k], true)) {
            /* "3 hundred and 2 hundred": two numbers, not 302 and a hundred */
            if ((tk[k].k == T_HUNDRED || tk[k].k == T_SCALE) && good >= 2 && tk[good - 1].k != T_AND &&
                k >= 2 && tk[k - 2].k == T_AND && good == k) {
                intstate again;
                int_init(&again);
                for (size_t q = 0; q + 2 < k; q++)
                    int_feed(&again, &tk[q], true);
                good = k - 2;
                gv = int_value(&again);
                gstep = again.tail;
                gwords = again.words;
            }
            break;
        }
        if (st.last != T_AND && st.last != T_A) {
            good = k + 1;
            gv = int_value(&st);
            gstep = st.tail;
            gwords = st.words;
        }
    }
    if (!good)
        return false;
    r->s = i;
    r->e = tk[good - 1].e;
    r->v = gv;
    r->step = gstep;
    r->words = gwords;
    r->kind = CCK_KIND_COUNT;
    return true;
}

bool cck_words_dozens(const char *t, size_t s, size_t end, double *v, size_t *out)
{
    reading r;
    if (!read_whole(t, s, end, &r) || !r.words || r.e - s < 5)
        return false;
    token tk;
    size_t k = r.e;
    while (k > s && alpha((unsigned char)t[k - 1]))
        k--;
    if (!lex_word(t, k, end, &tk) || tk.k != T_DOZEN || tk.e != r.e)
        return false;
    *v = r.v;
    *out = r.e;
    return true;
}

static size_t slash_after(const char *t, size_t end, const token *tk, double *v, double *step);

bool cck_words_scaled(const char *t, size_t s, size_t end, double *v, double *step, size_t *out)
{
    token first, tk[MAX_TOKENS];
    size_t te = 0;
    if (s >= end)
        return false;
    if (digit((unsigned char)t[s])) {
        double f, fs;
        size_t e;
        if (!digits_at(t, s, end, &first) || !(e = slash_after(t, end, &first, &f, &fs)))
            return false;
        double trail = trail_scale(t, e, end, &te);
        if (!trail)
            return false;
        *v = f * trail;
        *step = fs * trail;
        *out = te;
        return true;
    }
    if (!lex_word(t, s, end, &first) || first.k == T_AND || first.k == T_A)
        return false;
    size_t nt = collect(t, end, &first, tk);
    const token *last = &tk[nt - 1];
    if (nt < 2 || !(last->k == T_ORD || last->k == T_HALF))
        return false;
    double trail = trail_scale(t, last->e, end, &te);
    if (!trail || !fraction(tk, nt, trail, v, step))
        return false;
    *out = te;
    return true;
}

/* A power of a digit literal: "1.1^23", "2.5^-1", "-1.1^--23". */
static size_t power_after(const char *t, size_t i, size_t end, double *v)
{
    if (i >= end || t[i] != '^')
        return 0;
    size_t j = i + 1;
    bool neg = false;
    for (int s = 0; s < 2 && j < end && (t[j] == '-' || t[j] == '+'); s++, j++)
        neg = t[j] == '-' ? !neg : neg;
    int x = 0;
    size_t d = j;
    while (j < end && digit((unsigned char)t[j]) && j - d < 3)
        x = x * 10 + (t[j++] - '0');
    if (j == d || (j < end && alnum((unsigned char)t[j])))
        return 0;
    double p = pow(*v, neg ? -x : x);
    if (!isfinite(p))
        return 0;
    *v = p;
    return j;
}

/* "3/4", "2  1/4" after the digits of tk (a whole number). */
static size_t slash_after(const char *t, size_t end, const token *tk, double *v, double *step)
{
    if (tk->frac || tk->v > 999)
        return 0; /* "2015/3" is a month */
    size_t j = tk->e;
    double whole = 0, num = tk->v;
    token a = *tk, b;
    if (j < end && t[j] != '/') {
        size_t k = blanks(t, j, end);
        if (k == j || !digits_at(t, k, end, &a) || a.frac || a.v > 999)
            return 0;
        /* digits_at stops at the slash: "1 4/5" */
        whole = tk->v;
        num = a.v;
        j = a.e;
        if (j >= end || t[j] != '/')
            return 0;
    }
    if (j >= end || t[j] != '/' || j + 1 >= end || !digit((unsigned char)t[j + 1]))
        return 0;
    if (!digits_at(t, j + 1, end, &b) || b.frac || b.v == 0 || b.v > 999)
        return 0;
    if (b.e < end && (t[b.e] == '/' || t[b.e] == '-'))
        return 0; /* "5/17/2018": a date */
    if (whole && num >= b.v)
        return 0;
    *v = whole + num / b.v;
    *step = 1 / b.v;
    return b.e;
}

/* "10k", "1.2b", "10M", "1MM", "2mil", "10G", "2.33 k" after digits at i;
 * claims mode takes the glued "k" only. Returns the suffix end, or 0. */
size_t cck_words_suffix(const char *t, size_t i, size_t end, bool mentions, double *scale)
{
    static const struct {
        const char *s;
        double v;
        bool spaced; /* may stand after a blank */
        bool claims;
    } sfx[] = {{"k", 1e3, true, true}, {"K", 1e3, true, true}, {"M", 1e6, true, false},
               {"MM", 1e6, false, false}, {"mil", 1e6, false, false}, {"G", 1e9, true, false},
               {"b", 1e9, false, false}, {"B", 1e9, false, false}};
    size_t j = blanks(t, i, end);
    bool glued = j == i;
    if (!glued && !mentions)
        return 0;
    size_t best = 0;
    if (j >= end)
        return 0;
    for (size_t k = 0; k < sizeof sfx / sizeof *sfx; k++) {
        if (t[j] != sfx[k].s[0] || (!mentions && !sfx[k].claims) || (!glued && !sfx[k].spaced))
            continue;
        size_t n = strlen(sfx[k].s);
        if (j + n > end || memcmp(t + j, sfx[k].s, n))
            continue;
        if (j + n < end && (alnum((unsigned char)t[j + n]) || t[j + n] == '-' || t[j + n] == '/'))
            continue;
        if (n > best) {
            best = n;
            *scale = sfx[k].v;
        }
    }
    return best ? j + best : 0;
}

/* One expression at i (a number word, "minus", a digit or a sign): the
 * longest reading. */
static bool read_expr(const cck_scan *sc, size_t i, reading *r)
{
    const char *t = sc->text;
    size_t end = sc->end, n;
    bool neg = false;
    size_t s = i;
    if (word_is(t, i, end, "minus", &n) || word_is(t, i, end, "negative", &n)) {
        size_t j = blanks(t, n, end);
        if (j == n)
            return false;
        neg = true;
        i = j;
    } else if (t[i] == '-' && i + 1 < end) {
        size_t j = blanks(t, i + 1, end);
        if (j < end && digit((unsigned char)t[j]) && (j == i + 1 || s == sc->start || t[s - 1] == '\n')) {
            neg = true;
            i = j;
        }
        if (!neg)
            return false;
    }
    if (i >= end)
        return false;
    memset(r, 0, sizeof *r);
    r->kind = CCK_KIND_COUNT;
    if (digit((unsigned char)t[i])) {
        token d;
        if (!digits_at(t, i, end, &d))
            return false;
        double v = d.v, step = d.frac ? 0.1 : 1, sc2;
        size_t e;
        if ((e = power_after(t, d.e, end, &v)) || (e = slash_after(t, end, &d, &v, &step))) {
            r->s = s, r->e = e, r->v = neg ? -v : v, r->step = step, r->words = true;
            return true;
        }
        if ((e = cck_words_suffix(t, d.e, end, true, &sc2))) {
            r->s = s, r->e = e, r->v = (neg ? -v : v) * sc2, r->step = sc2, r->words = true;
            return true;
        }
    }
    token first, tk[MAX_TOKENS];
    bool ok = digit((unsigned char)t[i]) ? digits_at(t, i, end, &first) : lex_word(t, i, end, &first);
    if (!ok || first.k == T_AND)
        return false;
    if (first.k == T_HALF && !first.plural) {
        /* "half a dozen", "half million", "quarter million" */
        size_t j = blanks(t, first.e, end), k = j;
        token sc3;
        if (j > first.e && (word_is(t, j, end, "a", &n) || word_is(t, j, end, "an", &n)))
            k = blanks(t, n, end);
        if (k > first.e && lex_word(t, k, end, &sc3) && (sc3.k == T_SCALE || sc3.k == T_DOZEN || sc3.k == T_HUNDRED) &&
            !sc3.plural) {
            r->s = s;
            r->e = sc3.e;
            r->v = (neg ? -sc3.v : sc3.v) / first.v;
            r->step = r->v;
            r->words = true;
            return true;
        }
    }
    size_t nt = collect(t, end, &first, tk);
    while (nt > 0 && (tk[nt - 1].k == T_AND || tk[nt - 1].k == T_A) && !(nt == 1 && tk[0].k == T_A))
        nt--;
    double v = 0, step = 1;
    const token *last = &tk[nt - 1];
    bool done = false;
    if (last->k == T_ORD || last->k == T_HALF) {
        size_t te = 0;
        double trail = trail_scale(t, last->e, end, &te);
        if (trail && fraction(tk, nt, trail, &v, &step)) {
            done = true;
            r->e = te;
        } else if (fraction(tk, nt, 0, &v, &step)) {
            done = true;
            r->e = last->e;
        } else if (nt >= 1 && last->k == T_ORD && !last->plural) {
            /* an ordinal: "twenty-fifth", "one hundred twenty fifth", "two hundredth" */
            intstate st;
            int_init(&st);
            bool good = true;
            for (size_t q = 0; q < nt && good; q++) /* "280 million first preferred" */
                good = tk[q].k != T_DIGITS && int_feed(&st, &tk[q], true);
            if (good && st.n) {
                r->s = s;
                r->e = last->e;
                r->v = int_value(&st);
                r->step = 0;
                r->kind = CCK_KIND_RANK;
                r->words = true;
                return !neg;
            }
        }
        if (done && neg && tk[0].k == T_HALF)
            done = false;
    }
    if (!done) {
        /* a whole number, then "point ...", "over ...", "out of ..." */
        if (!read_whole(t, i, end, r))
            return false;
        v = r->v;
        step = r->step;
        bool words = r->words;
        size_t e = r->e;
        if (words) {
            size_t p = point_after(t, e, end, &v);
            if (p)
                e = p, step = 0.01, done = true;
        }
        if (!done) {
            size_t q = ratio_after(t, e, end, &v);
            if (q) {
                e = q, step = 0, words = true;
            }
        }
        r->e = e;
        r->words = words || neg;
        r->s = s;
        r->v = neg ? -v : v;
        r->step = step;
        return true;
    }
    r->s = s;
    r->v = neg ? -v : v;
    r->step = step;
    r->words = true;
    return true;
}

/* ---- the mentions scanner ------------------------------------------------ */

static void push(cck_cands *out, cck_kind kind, size_t s, size_t e, double v, double step, const char *unit, int prio)
{
    cck_cand c;
    memset(&c, 0, sizeof c);
    c.claim.kind = kind;
    c.claim.start = s;
    c.claim.end = e;
    c.claim.lo = c.claim.hi = v;
    c.claim.step = step;
    cck_claim_set_unit(&c.claim, unit);
    c.priority = prio;
    cck_cands_push(out, &c);
}

/* "percentage", "percents" after a figure (the unit table has "percent"). */
static size_t percent_word_after(const char *t, size_t i, size_t end)
{
    size_t j = blanks(t, i, end), n;
    if (j == i)
        return 0;
    if (word_is(t, j, end, "percentage", &n) || word_is(t, j, end, "percents", &n))
        return n;
    return 0;
}

/* "percent of 10", "per cent of twenty-two" at i: the figure after "of". */
static bool percent_of(const cck_scan *sc, size_t i, reading *r)
{
    const char *t = sc->text;
    size_t end = sc->end, n;
    if (word_is(t, i, end, "per", &n)) {
        size_t j = blanks(t, n, end);
        if (j == n || !(word_is(t, j, end, "cent", &n) || word_is(t, j, end, "cents", &n)))
            return false;
    } else if (!(word_is(t, i, end, "percent", &n) || word_is(t, i, end, "percents", &n))) {
        return false;
    }
    size_t j = blanks(t, n, end);
    if (j == n || !word_is(t, j, end, "of", &n))
        return false;
    size_t k = blanks(t, n, end);
    if (k == n || k >= end || !read_whole(t, k, end, r))
        return false;
    r->s = i;
    r->kind = CCK_KIND_PERCENT;
    return true;
}

/* The pronoun "one": "the one you mentioned", "which one". */
static bool pronoun_one(const cck_scan *sc, const reading *r)
{
    static const char *const before[] = {"the", "this", "that", "which", "any", "every", "each", "no",
                                         "another", "other", "someone", "anyone", "every"};
    const char *t = sc->text;
    if (r->e - r->s != 3 || (t[r->s] | 0x20) != 'o')
        return false;
    size_t j = r->s;
    while (j > sc->start && (t[j - 1] == ' ' || t[j - 1] == '\t'))
        j--;
    size_t k = j;
    while (k > sc->start && alpha((unsigned char)t[k - 1]))
        k--;
    char buf[MAX_WORD + 1];
    if (k < j && j - k <= MAX_WORD && word(t, k, sc->end, buf) == j)
        for (size_t q = 0; q < sizeof before / sizeof *before; q++)
            if (!strcmp(buf, before[q]))
                return true;
    return false;
}

/* Four dotted groups of at most three digits ("192.168.1.2"): four numbers. */
static size_t dotted_quad(const cck_scan *sc, size_t i, cck_cands *out)
{
    const char *t = sc->text;
    size_t pos[4][2], j = i;
    for (int g = 0; g < 4; g++) {
        size_t d = j;
        while (j < sc->end && digit((unsigned char)t[j]) && j - d < 3)
            j++;
        if (j == d || (j < sc->end && digit((unsigned char)t[j])))
            return 0;
        pos[g][0] = d, pos[g][1] = j;
        if (g < 3) {
            if (j >= sc->end || t[j] != '.')
                return 0;
            j++;
        }
    }
    if (j < sc->end && (alnum((unsigned char)t[j]) || (t[j] == '.' && j + 1 < sc->end && digit((unsigned char)t[j + 1]))))
        return 0;
    for (int g = 0; g < 4; g++) {
        double v = 0;
        for (size_t k = pos[g][0]; k < pos[g][1]; k++)
            v = v * 10 + (t[k] - '0');
        push(out, CCK_KIND_COUNT, pos[g][0], pos[g][1], v, 1, "", PRIO_WORDS);
    }
    return j;
}

/* Digit groups a recognizer reads that claims mode leaves alone: a decimal
 * comma ("5,00", "1.111,11"), Indian grouping ("12,34,567.89"), a list
 * without blanks ("22,24,26,31") or a chain ("+1-222-2222/2222"), each
 * group a number. Returns the end, or 0. */
static size_t digit_groups(const cck_scan *sc, size_t i, cck_cands *out)
{
    const char *t = sc->text;
    enum { MAXG = 12 };
    size_t gs[MAXG], ge[MAXG];
    char sep[MAXG];
    size_t n = 0, j = i;
    while (n < MAXG) {
        size_t d = j;
        while (j < sc->end && digit((unsigned char)t[j]) && j - d < 15)
            j++;
        if (j == d || (j < sc->end && digit((unsigned char)t[j])))
            return 0;
        gs[n] = d, ge[n] = j, sep[n] = 0;
        n++;
        if (j + 1 < sc->end && strchr(",.-/", t[j]) && digit((unsigned char)t[j + 1])) {
            sep[n - 1] = t[j];
            j++;
            continue;
        }
        break;
    }
    if (n < 2 || n == MAXG || (j < sc->end && alpha((unsigned char)t[j])))
        return 0;
    double vals[MAXG];
    for (size_t g = 0; g < n; g++) {
        vals[g] = 0;
        for (size_t k = gs[g]; k < ge[g]; k++)
            vals[g] = vals[g] * 10 + (t[k] - '0');
    }
    size_t last = ge[n - 1] - gs[n - 1];
    bool commas = true, dots = true, threes = true;
    for (size_t g = 0; g + 1 < n; g++) {
        commas = commas && sep[g] == ',';
        dots = dots && sep[g] == '.';
        threes = threes && (g == 0 ? ge[g] - gs[g] <= 3 : ge[g] - gs[g] == 3);
    }
    threes = threes && last == 3;
    /* decimal comma: "5,00", "1,3", "1.111,11" */
    if (sep[n - 2] == ',' && last <= 2 && ge[0] - gs[0] <= 3) {
        bool groups = true;
        for (size_t g = 1; g + 1 < n; g++)
            groups = groups && sep[g - 1] == '.' && ge[g] - gs[g] == 3;
        if (groups && (n == 2 || sep[0] == '.')) {
            double v = 0;
            for (size_t g = 0; g + 1 < n; g++)
                v = v * 1000 + vals[g];
            v += vals[n - 1] / pow(10, (double)last);
            push(out, CCK_KIND_COUNT, i, j, v, pow(10, -(double)last), "", PRIO_WORDS);
            return j;
        }
    }
    /* Indian grouping: "12,34,567" and its decimals */
    if (n >= 3 && ge[0] - gs[0] <= 2) {
        size_t g = 1;
        while (g < n && sep[g - 1] == ',' && ge[g] - gs[g] == 2)
            g++;
        if (g >= 2 && g < n && sep[g - 1] == ',' && ge[g] - gs[g] == 3 &&
            (g + 1 == n || (g + 2 == n && sep[g] == '.'))) {
            double v = vals[0];
            for (size_t q = 1; q < g; q++)
                v = v * 100 + vals[q];
            v = v * 1000 + vals[g];
            double step = 1;
            if (g + 2 == n) {
                step = pow(10, -(double)(ge[n - 1] - gs[n - 1]));
                v += vals[n - 1] * step;
            }
            push(out, CCK_KIND_COUNT, i, j, v, step, "", PRIO_WORDS);
            return j;
        }
    }
    if ((commas && threes) || (n == 2 && sep[0] != ',') || (dots && n == 2))
        return 0; /* a figure or a range number.c reads */
    /* a list or a chain: each group a number */
    if (!(commas || n >= 3))
        return 0;
    for (size_t g = 0; g < n; g++)
        push(out, CCK_KIND_COUNT, gs[g], ge[g], vals[g], 1, "", PRIO_WORDS);
    return j;
}

/* A digit ordinal: "11th", "21st", "2nd". */
static size_t digit_ordinal(const cck_scan *sc, size_t i, double *v)
{
    const char *t = sc->text;
    size_t j = i;
    double x = 0;
    while (j < sc->end && digit((unsigned char)t[j]) && j - i < 9)
        x = x * 10 + (t[j++] - '0');
    if (j + 2 > sc->end)
        return 0;
    char a = (char)(t[j] | 0x20), b = (char)(t[j + 1] | 0x20);
    if (!((a == 's' && b == 't') || (a == 'n' && b == 'd') || (a == 'r' && b == 'd') || (a == 't' && b == 'h')))
        return 0;
    if (j + 2 < sc->end && alnum((unsigned char)t[j + 2]))
        return 0;
    *v = x;
    return j + 2;
}

/* A vulgar fraction glyph standing alone ("the result is ⅔"); after digits
 * ("10½") number.c reads it. */
static size_t glyph_at(const cck_scan *sc, size_t i, double *v)
{
    static const struct {
        const char *g;
        double v;
    } glyphs[] = {{"½", 1.0 / 2}, {"⅓", 1.0 / 3}, {"⅔", 2.0 / 3}, {"¼", 1.0 / 4}, {"¾", 3.0 / 4},
                  {"⅕", 1.0 / 5}, {"⅖", 2.0 / 5}, {"⅗", 3.0 / 5}, {"⅘", 4.0 / 5}, {"⅙", 1.0 / 6},
                  {"⅚", 5.0 / 6}, {"⅛", 1.0 / 8}, {"⅜", 3.0 / 8}, {"⅝", 5.0 / 8}, {"⅞", 7.0 / 8}};
    if (i > sc->start && digit((unsigned char)sc->text[i - 1]))
        return 0;
    for (size_t k = 0; k < sizeof glyphs / sizeof *glyphs; k++) {
        size_t n = strlen(glyphs[k].g);
        if (i + n <= sc->end && !memcmp(sc->text + i, glyphs[k].g, n)) {
            *v = glyphs[k].v;
            return i + n;
        }
    }
    return 0;
}

void cck_ext_words(const cck_scan *sc, cck_cands *out)
{
    const char *t = sc->text;
    size_t pos = sc->start;
    while (pos < sc->end) {
        unsigned char c = (unsigned char)t[pos];
        bool start = pos == sc->start || !alnum((unsigned char)t[pos - 1]);
        double gv;
        size_t ge;
        if ((c == 0xC2 || c == 0xE2) && (ge = glyph_at(sc, pos, &gv))) {
            push(out, CCK_KIND_COUNT, pos, ge, gv, gv, "", PRIO_WORDS);
            pos = ge;
            continue;
        }
        if (!start || !(alpha(c) || digit(c) || c == '-')) {
            pos++;
            continue;
        }
        if (c == '-' && pos > sc->start && (digit((unsigned char)t[pos - 1]) || t[pos - 1] == '-')) {
            pos++;
            continue;
        }
        size_t next = pos + 1;
        reading r;
        double ov;
        size_t e;
        if (digit(c) && ((e = dotted_quad(sc, pos, out)) || (e = digit_groups(sc, pos, out)))) {
            pos = e;
            continue;
        }
        if (digit(c) && (e = digit_ordinal(sc, pos, &ov))) {
            push(out, CCK_KIND_RANK, pos, e, ov, 0, "", PRIO_WRANK);
            pos = e;
            continue;
        }
        if (alpha(c) && percent_of(sc, pos, &r)) {
            push(out, CCK_KIND_PERCENT, r.s, r.e, r.v, r.step, "%", PRIO_WPERCENT);
            pos = r.e;
            continue;
        }
        if (read_expr(sc, pos, &r) && r.e > pos) {
            size_t pe = r.kind == CCK_KIND_COUNT ? percent_word_after(t, r.e, sc->end) : 0;
            if (pe)
                push(out, CCK_KIND_PERCENT, r.s, pe, r.v, r.step, "%", PRIO_WPERCENT);
            else if (r.kind == CCK_KIND_RANK)
                push(out, CCK_KIND_RANK, r.s, r.e, r.v, 0, "", PRIO_WRANK);
            else if (r.words && !pronoun_one(sc, &r))
                push(out, CCK_KIND_COUNT, r.s, r.e, r.v, r.step, "", PRIO_WORDS);
            next = pe ? pe : r.e;
        } else {
            while (next < sc->end && alnum((unsigned char)t[next]))
                next++;
        }
        pos = next;
    }
}
