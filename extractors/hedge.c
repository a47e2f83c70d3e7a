/* hedge.c: hedges and bounds around a figure ("about 10 km", "more than
 * 500", "nearly 800,000", "ten or so"). One mechanism for every numeric
 * family: the driver calls it on each winning candidate, so the scanners
 * match figures and never hedge words. */
#include <ctype.h>
#include <string.h>

#include "extract.h"

typedef struct {
    const char *words;   /* lower case, single spaces */
    unsigned char len;   /* strlen(words) */
    cck_bound bound;
} hedge;

#define H(words, bound) {words, sizeof(words) - 1, bound}

/* Longest phrases first where one is a suffix of another ("just over"
 * before "over"), since the first match wins. */
static const hedge before[] = {
    H("upwards of", CCK_BOUND_LOWER), H("in excess of", CCK_BOUND_LOWER),
    H("more than", CCK_BOUND_LOWER),  H("at least", CCK_BOUND_LOWER),
    H("well over", CCK_BOUND_LOWER),  H("just over", CCK_BOUND_LOWER),
    H("exceeding", CCK_BOUND_LOWER),  H("over", CCK_BOUND_LOWER),
    H("above", CCK_BOUND_LOWER),
    H("fewer than", CCK_BOUND_UPPER), H("less than", CCK_BOUND_UPPER),
    H("no more than", CCK_BOUND_UPPER), H("at most", CCK_BOUND_UPPER),
    H("just under", CCK_BOUND_UPPER), H("under", CCK_BOUND_UPPER),
    H("nearly", CCK_BOUND_UPPER),     H("almost", CCK_BOUND_UPPER),
    H("up to", CCK_BOUND_UPPER),      H("within", CCK_BOUND_UPPER),
    H("approximately", CCK_BOUND_NONE), H("approx.", CCK_BOUND_NONE),
    H("approx", CCK_BOUND_NONE),      H("roughly", CCK_BOUND_NONE),
    H("around", CCK_BOUND_NONE),      H("about", CCK_BOUND_NONE),
    H("some", CCK_BOUND_NONE),        H("circa", CCK_BOUND_NONE),
    H("ca.", CCK_BOUND_NONE),         H("c.", CCK_BOUND_NONE),
    H("estimated at", CCK_BOUND_NONE), H("estimated", CCK_BOUND_NONE),
    H("greater than", CCK_BOUND_LOWER), H("larger than", CCK_BOUND_LOWER),
    H("higher than", CCK_BOUND_LOWER), H("no less than", CCK_BOUND_LOWER),
    H("no fewer than", CCK_BOUND_LOWER), H("not less than", CCK_BOUND_LOWER),
    H("greater than or equal to", CCK_BOUND_LOWER), H("more than or equal to", CCK_BOUND_LOWER),
    H("equal to or greater than", CCK_BOUND_LOWER), H("equal to or more than", CCK_BOUND_LOWER),
    H("lower than", CCK_BOUND_UPPER), H("below", CCK_BOUND_UPPER),
    H("not more than", CCK_BOUND_UPPER), H("less than or equal to", CCK_BOUND_UPPER),
    H("equal to or less than", CCK_BOUND_UPPER), H("a maximum of", CCK_BOUND_UPPER),
    H("a minimum of", CCK_BOUND_LOWER), H("as many as", CCK_BOUND_UPPER),
    H("as much as", CCK_BOUND_UPPER), H("as few as", CCK_BOUND_LOWER),
    H("smaller than", CCK_BOUND_UPPER), H("bigger than", CCK_BOUND_LOWER),
    /* "less or equal than", "at least or equal to": informal inclusive bounds */
    H("less or equal than", CCK_BOUND_UPPER), H("smaller or equal than", CCK_BOUND_UPPER),
    H("lower or equal than", CCK_BOUND_UPPER), H("fewer or equal than", CCK_BOUND_UPPER),
    H("more or equal than", CCK_BOUND_LOWER), H("greater or equal than", CCK_BOUND_LOWER),
    H("bigger or equal than", CCK_BOUND_LOWER), H("higher or equal than", CCK_BOUND_LOWER),
    H("larger or equal than", CCK_BOUND_LOWER), H("at least or equal to", CCK_BOUND_LOWER),
    H("at most or equal to", CCK_BOUND_UPPER), H("smaller than or equal to", CCK_BOUND_UPPER),
    H("bigger than or equal to", CCK_BOUND_LOWER), H("larger than or equal to", CCK_BOUND_LOWER),
    H("higher than or equal to", CCK_BOUND_LOWER), H("lower than or equal to", CCK_BOUND_UPPER),
    H("exceeds", CCK_BOUND_LOWER), H("exceed", CCK_BOUND_LOWER), H("exceeded", CCK_BOUND_LOWER),
    H("surpass", CCK_BOUND_LOWER), H("surpasses", CCK_BOUND_LOWER), H("surpassing", CCK_BOUND_LOWER),
    H("surpassed", CCK_BOUND_LOWER),
    H(">=", CCK_BOUND_LOWER), H("> =", CCK_BOUND_LOWER), H("\xe2\x89\xa5", CCK_BOUND_LOWER), H(">", CCK_BOUND_LOWER),
    H("<=", CCK_BOUND_UPPER), H("< =", CCK_BOUND_UPPER), H("\xe2\x89\xa4", CCK_BOUND_UPPER), H("<", CCK_BOUND_UPPER),
};

/* Verbs that hedge the figure after them ("the figure approached
 * 285,000"): they set the flags but stay out of the span. */
static const hedge verbs[] = {
    H("approached", CCK_BOUND_UPPER), H("approaching", CCK_BOUND_UPPER),
    H("neared", CCK_BOUND_UPPER),     H("nearing", CCK_BOUND_UPPER),
};

static const hedge after[] = {
    H("or so", CCK_BOUND_NONE),
    H("or more", CCK_BOUND_LOWER),
    H("or less", CCK_BOUND_UPPER),
};

static bool is_word_byte(unsigned char c)
{
    return isalnum(c) || c >= 0x80;
}

/* Does the character ending at text[i - 1] belong to a word? Letters,
 * digits and non-ASCII letters do; dashes, quotes and no-break spaces
 * (U+00A0-U+00BF, U+2000-U+206F) do not: "hours\u2014up to 20%". */
static bool word_char_before(const char *text, size_t lo, size_t i)
{
    unsigned char c = (unsigned char)text[i - 1];
    if (c < 0x80)
        return isalnum(c) || c == '_';
    size_t k = i - 1;
    while (k > lo && ((unsigned char)text[k] & 0xC0) == 0x80)
        k--;
    const unsigned char *u = (const unsigned char *)text + k;
    unsigned cp = 0;
    if ((u[0] & 0xE0) == 0xC0 && i - k == 2)
        cp = ((u[0] & 0x1Fu) << 6) | (u[1] & 0x3Fu);
    else if ((u[0] & 0xF0) == 0xE0 && i - k == 3)
        cp = ((u[0] & 0x0Fu) << 12) | ((u[1] & 0x3Fu) << 6) | (u[2] & 0x3Fu);
    else
        return true;
    return !((cp >= 0xA0 && cp <= 0xBF) || (cp >= 0x2000 && cp <= 0x206F));
}

/* tolower() of the C locale, which the library runs in, without the call */
static inline unsigned ascii_lower(unsigned c)
{
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/* Does text[lo, at) end with phrase (case-insensitive, single spaces in
 * the phrase matching runs of blanks), starting on a word boundary?
 * Returns the phrase's start or (size_t)-1. */
static size_t ends_with(const char *text, size_t lo, size_t at, const char *phrase, size_t k)
{
    size_t i = at;
    while (k > 0) {
        if (i <= lo)
            return (size_t)-1;
        char p = phrase[k - 1];
        if (p == ' ') {
            if (text[i - 1] != ' ' && text[i - 1] != '\t')
                return (size_t)-1;
            while (i > lo && (text[i - 1] == ' ' || text[i - 1] == '\t'))
                i--;
            k--;
            continue;
        }
        if (ascii_lower((unsigned char)text[i - 1]) != (unsigned char)p)
            return (size_t)-1;
        i--;
        k--;
    }
    /* a symbol needs no word boundary before it: "x>10" */
    bool symbol = !isalnum((unsigned char)phrase[0]);
    if (!symbol && i > lo && word_char_before(text, lo, i))
        return (size_t)-1;
    return i;
}

static size_t starts_with(const char *text, size_t at, size_t hi, const char *phrase)
{
    size_t i = at;
    for (const char *p = phrase; *p; p++) {
        if (*p == ' ') {
            if (i >= hi || (text[i] != ' ' && text[i] != '\t'))
                return (size_t)-1;
            while (i < hi && (text[i] == ' ' || text[i] == '\t'))
                i++;
            continue;
        }
        if (i >= hi || (int)ascii_lower((unsigned char)text[i]) != *p)
            return (size_t)-1;
        i++;
    }
    if (i < hi && is_word_byte((unsigned char)text[i]))
        return (size_t)-1;
    return i;
}

enum { NBEFORE = sizeof before / sizeof *before };
/* The entries of before[] in table order, bucketed by their last byte
 * (cck_ext_hedge_init(); until then phrase_before() walks them all). */
_Static_assert(NBEFORE < 256, "by_last holds entry numbers in bytes");
static unsigned char by_last[NBEFORE];
static unsigned short last_at[257];
static bool indexed;

void cck_ext_hedge_init(void)
{
    if (indexed)
        return;
    unsigned short fill[256];
    memset(last_at, 0, sizeof last_at);
    for (size_t i = 0; i < NBEFORE; i++)
        last_at[(unsigned char)before[i].words[before[i].len - 1] + 1]++;
    for (int b = 0; b < 256; b++)
        last_at[b + 1] = (unsigned short)(last_at[b + 1] + last_at[b]);
    memcpy(fill, last_at, sizeof fill);
    for (size_t i = 0; i < NBEFORE; i++)
        by_last[fill[(unsigned char)before[i].words[before[i].len - 1]]++] = (unsigned char)i;
    indexed = true;
}

/* The longest hedge phrase that ends at text[at] (within text[lo, at)):
 * its start, with *h set; *h NULL when there is none. */
static size_t phrase_before(const char *text, size_t lo, size_t at, const hedge **h)
{
    size_t found = (size_t)-1;
    *h = NULL;
    if (at <= lo)
        return found;
    /* most phrases already differ in their last byte: look only at the
     * others, in table order */
    unsigned char last = (unsigned char)ascii_lower((unsigned char)text[at - 1]);
    size_t k0 = indexed ? last_at[last] : 0, k1 = indexed ? last_at[last + 1] : NBEFORE;
    for (size_t k = k0; k < k1; k++) {
        size_t i = indexed ? by_last[k] : k;
        if ((unsigned char)before[i].words[before[i].len - 1] != last)
            continue;
        size_t p = ends_with(text, lo, at, before[i].words, before[i].len);
        if (p != (size_t)-1 && (before[i].words[0] == '<' || before[i].words[0] == '>') && p > lo &&
            strchr("<>=", text[p - 1]))
            continue; /* "<>30", "=>30": not a bound we know */
        if (p != (size_t)-1 && (found == (size_t)-1 || p < found)) {
            found = p;
            *h = &before[i];
        }
    }
    return found;
}

bool cck_ext_bound_before(const char *text, size_t lo, size_t at, cck_bound *b, size_t *start)
{
    while (at > lo && (text[at - 1] == ' ' || text[at - 1] == '\t'))
        at--;
    const hedge *h;
    size_t p = phrase_before(text, lo, at, &h);
    if (!h || h->bound == CCK_BOUND_NONE)
        return false;
    if (b)
        *b = h->bound;
    if (start)
        *start = p;
    return true;
}

void cck_ext_hedge(const char *text, size_t lo, size_t hi, cck_claim *c)
{
    if (c->kind == CCK_KIND_DATE || c->kind == CCK_KIND_RANK)
        return;
    size_t start = c->start;
    bool bounded = c->bound != CCK_BOUND_NONE;
    for (int rounds = 0; rounds < 3; rounds++) {
        size_t at = start;
        if (at > lo && text[at - 1] == '~') { /* "~500" */
            start = at - 1;
            c->approx = true;
            continue;
        }
        while (at > lo && (text[at - 1] == ' ' || text[at - 1] == '\t'))
            at--;
        if (at == start && rounds == 0 && at > lo && is_word_byte((unsigned char)text[at - 1]))
            break;
        const hedge *h = NULL;
        size_t found = phrase_before(text, lo, at, &h);
        if (!h) {
            for (size_t i = 0; i < sizeof verbs / sizeof *verbs && rounds == 0; i++)
                if (ends_with(text, lo, at, verbs[i].words, verbs[i].len) != (size_t)-1) {
                    c->approx = true;
                    if (!bounded)
                        c->bound = verbs[i].bound;
                    break;
                }
            break;
        }
        c->approx = true;
        start = found;
        /* the phrase nearest the figure decides the bound ("estimated at up to") */
        if (!bounded && h->bound != CCK_BOUND_NONE) {
            c->bound = h->bound;
            bounded = true;
        }
    }
    c->start = start;
    size_t at = c->end;
    while (at < hi && (text[at] == ' ' || text[at] == '\t'))
        at++;
    if (at > c->end) {
        for (size_t i = 0; i < sizeof after / sizeof *after; i++) {
            size_t p = starts_with(text, at, hi, after[i].words);
            if (p != (size_t)-1 && starts_with(text, p < hi && text[p] == ' ' ? p + 1 : p, hi, "than") != (size_t)-1)
                continue; /* "800,000 or less than a third": a comparison follows */
            if (p != (size_t)-1) {
                c->end = p;
                c->approx = true;
                if (!bounded && after[i].bound != CCK_BOUND_NONE)
                    c->bound = after[i].bound;
                break;
            }
        }
    }
}
