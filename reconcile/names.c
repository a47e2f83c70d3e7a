/* names.c: who is named where. Word tokens, name mentions (capitalised
 * runs, facilities, events), the corpus's table of entities with their
 * display forms, the aliases a text declares, and each article's main
 * subject. */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon.h"
#include "reconcile.h"
#include "subject_int.h"

uint32_t cck_rec_bound = CCK_REC_BOUND;

_Static_assert(sizeof(entry) <= 48, "an entry of the names table fits 48 bytes");

_Noreturn void cck_rec_over_bound(const char *what)
{
    fprintf(stderr, "claimcheck: %s: more than the subject stage's limit of %lu\n", what,
            (unsigned long)cck_rec_bound);
    abort();
}

/* Case-insensitive ASCII comparison of the first n bytes: 0 when equal. */
int cck_rec_casecmp_n(const char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (!a[i] || !b[i])
            return a[i] != b[i];
        if (tolower((unsigned char)a[i]) != tolower((unsigned char)b[i]))
            return 1;
    }
    return 0;
}

/* Case-insensitive ASCII comparison of two strings of equal length: 0 when
 * they are the same. */
int cck_rec_casecmp(const char *a, const char *b)
{
    for (; *a && *b; a++, b++)
        if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
            return 1;
    return *a != *b;
}


/* ---- tokens ----------------------------------------------------------- */







/* A UTF-8 sequence that is punctuation or a symbol, not part of a word. */
static size_t punct_len(const unsigned char *p, size_t left)
{
    if (left >= 3 && p[0] == 0xE2 && (p[1] == 0x80 || p[1] == 0x81 || p[1] == 0x88 ||
                                      p[1] == 0x84 || p[1] == 0x89))
        return 3;
    if (left >= 2 && p[0] == 0xC2)
        return 2;   /* nbsp, degree, section sign ... */
    if (left >= 2 && p[0] == 0xC3 && p[1] == 0x97)
        return 2;   /* multiplication sign */
    if (left >= 3 && p[0] == 0xE3 && p[1] == 0x80)
        return 3;   /* CJK punctuation */
    if (left >= 3 && p[0] == 0xEF && (p[1] == 0xBC || p[1] == 0xBD))
        return 3;   /* fullwidth forms */
    return 0;
}

/* What a byte is to a word: 1 always part of one (ASCII letters and
 * digits; a continuation byte of a letter already accepted), 2 the lead
 * of a UTF-8 sequence that is part of one unless it is punctuation, 0
 * never. */
static const unsigned char word_class[256] = {
    ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1,
    ['8'] = 1, ['9'] = 1,
#define L(c) [c] = 1, [c + 32] = 1
    L('A'), L('B'), L('C'), L('D'), L('E'), L('F'), L('G'), L('H'), L('I'), L('J'), L('K'),
    L('L'), L('M'), L('N'), L('O'), L('P'), L('Q'), L('R'), L('S'), L('T'), L('U'), L('V'),
    L('W'), L('X'), L('Y'), L('Z'),
#undef L
#define R4(c) [c] = 1, [c + 1] = 1, [c + 2] = 1, [c + 3] = 1
#define R16(c) R4(c), R4(c + 4), R4(c + 8), R4(c + 12)
    R16(0x80), R16(0x90), R16(0xA0), R16(0xB0),
#undef R4
#undef R16
#define T4(c) [c] = 2, [c + 1] = 2, [c + 2] = 2, [c + 3] = 2
#define T16(c) T4(c), T4(c + 4), T4(c + 8), T4(c + 12)
    T16(0xC0), T16(0xD0), T16(0xE0), T16(0xF0),
#undef T4
#undef T16
};

static inline bool word_byte(const char *b, size_t i, size_t end)
{
    unsigned char k = word_class[(unsigned char)b[i]];
    if (k != 2)
        return k;
    return punct_len((const unsigned char *)b + i, end - i) == 0;
}

/* Length of an apostrophe at i (' or U+2019), else 0. */
static size_t apos_len(const char *b, size_t i, size_t end)
{
    if (b[i] == '\'')
        return 1;
    if (i + 2 < end && (unsigned char)b[i] == 0xE2 && (unsigned char)b[i + 1] == 0x80 &&
        (unsigned char)b[i + 2] == 0x99)
        return 3;
    return 0;
}

/* An ASCII letter or digit in lowercase; 0 for every other byte. */
static const unsigned char plain_lower[256] = {
    ['0'] = '0', ['1'] = '1', ['2'] = '2', ['3'] = '3', ['4'] = '4', ['5'] = '5', ['6'] = '6',
    ['7'] = '7', ['8'] = '8', ['9'] = '9',
#define L(c) [c] = c + 32, [c + 32] = c + 32
    L('A'), L('B'), L('C'), L('D'), L('E'), L('F'), L('G'), L('H'), L('I'), L('J'), L('K'),
    L('L'), L('M'), L('N'), L('O'), L('P'), L('Q'), L('R'), L('S'), L('T'), L('U'), L('V'),
    L('W'), L('X'), L('Y'), L('Z'),
#undef L
};

/* b[0,n) in lowercase into out when every byte is an ASCII letter or
 * digit (true); else false, out half done. */
static bool lower_plain(char *out, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char l = plain_lower[(unsigned char)b[i]];
        if (!l)
            return false;
        out[i] = (char)l;
    }
    return true;
}

static void push_tok(cck_arena *a, tok **v, size_t *n, size_t *cap, const char *b,
                     size_t s, size_t e, bool poss)
{
    if (*n == *cap) {
        *cap = *cap ? *cap * 2 : 256;
        *v = cck_xreallocarray(*v, *cap, sizeof **v);
    }
    tok *t = &(*v)[(*n)++];
    t->s = s;
    t->e = e;
    t->num = isdigit((unsigned char)b[s]) != 0;
    t->poss = poss;
    /* an ASCII word of letters and digits folds to its lowercase form: the
     * two share one string (the space stays unused in the rare other case) */
    char *low = cck_arena_raw(a, e - s + 1);
    if (lower_plain(low, b + s, e - s)) {
        low[e - s] = '\0';
        t->cap = isupper((unsigned char)b[s]) != 0;
        t->low = t->fold = low;
        return;
    }
    low = cck_rec_ascii(a, b + s, e - s);
    t->cap = isupper((unsigned char)low[0]) != 0;
    for (char *p = low; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    t->low = low;
    t->fold = cck_rec_fold(a, b + s, e - s);
}

static void count_word(table *tb, const char *fold, bool cap);
static void count_hashed(table *tb, const char *fold, size_t h, bool cap);
static const wcount *word_prefetch(const table *tb, size_t h);

/* A plain word on its way to the counts: its slot in the table is
 * fetched from memory while the words before it are counted. */
typedef struct {
    char w[64];
    size_t h;
    bool cap;
} pending;

enum { NPENDING = 8 };  /* a power of two */

/* Where the tokenizer puts each token: into an array, or (tb set) only
 * into the corpus's word counts, with no array and, for a plain word, no
 * string. */
typedef struct {
    cck_arena *a;
    tok *v;
    size_t n, cap;
    table *tb;
    pending q[NPENDING];    /* words pass: plain words not counted yet, */
    size_t qn;              /* qn of them, oldest at q[qn % NPENDING] once full */
} sink;

/* Counts the oldest pending word (the queue is full). */
static void count_oldest(sink *k)
{
    pending *o = &k->q[k->qn % NPENDING];
    count_hashed(k->tb, o->w, o->h, o->cap);
}

/* Counts the plain words still pending (the order of counting changes no
 * count). */
static void flush_pending(sink *k)
{
    size_t n = k->qn < NPENDING ? k->qn : NPENDING;
    for (size_t j = 0; j < n; j++)
        count_hashed(k->tb, k->q[j].w, k->q[j].h, k->q[j].cap);
    k->qn = 0;
}

static void emit(sink *k, const char *b, size_t s, size_t e, bool poss)
{
    if (!k->tb) {
        push_tok(k->a, &k->v, &k->n, &k->cap, b, s, e, poss);
        return;
    }
    if (isdigit((unsigned char)b[s]))
        return;     /* numbers are not counted */
    pending *q = &k->q[k->qn % NPENDING];
    if (e - s < sizeof q->w) {
        if (k->qn >= NPENDING)
            count_oldest(k);    /* the oldest word leaves the slot */
        if (lower_plain(q->w, b + s, e - s)) {
            q->w[e - s] = '\0';
            q->cap = isupper((unsigned char)b[s]) != 0;
            q->h = cck_rec_hash(q->w);
            __builtin_prefetch(word_prefetch(k->tb, q->h));
            /* halfway along, the slot is in: fetch the word it holds */
            const pending *mid = &k->q[(k->qn + NPENDING / 2) % NPENDING];
            if (k->qn >= NPENDING / 2) {
                const wcount *c = word_prefetch(k->tb, mid->h);
                if (c && c->w)
                    __builtin_prefetch(c->w);
            }
            k->qn++;
            return;
        }
        q->w[0] = '\0';   /* not plain: the slot stays empty, which counts as nothing */
    }
    /* the same strings push_tok makes, in scratch; the token itself on
     * the stack (room for one: push_tok() does not grow it). A vector of
     * 256 malloc'd and freed for each such word was 17,000 of the 112,000
     * page faults of `check` on 100 MB. */
    tok one, *t = &one;
    size_t n = 0, cap = 1;
    push_tok(k->a, &t, &n, &cap, b, s, e, poss);
    count_word(k->tb, one.fold, one.cap);
}

/* Splits b[start,end) into words, into *v (grown as needed, *cap slots);
 * returns how many. Hyphens join a capitalised word's parts ("Kyo-hwa-so",
 * "Sci-Tech"); digits keep their separators ("3.3"). */
static void tokenize(sink *k, const char *b, size_t start, size_t end)
{
    size_t i = start;
    while (i < end) {
        if (!word_byte(b, i, end)) {
            /* an ASCII byte is one; only a UTF-8 sequence can be longer */
            const unsigned char *p = (const unsigned char *)b + i;
            size_t pl = *p < 0x80 ? 0 : punct_len(p, end - i);
            i += pl ? pl : 1;
            continue;
        }
        size_t s = i;
        bool upper = isupper((unsigned char)b[s]) || (unsigned char)b[s] >= 0x80;
        bool digit = isdigit((unsigned char)b[s]) != 0;
        bool poss = false;
        while (i < end) {
            if (word_class[(unsigned char)b[i]] == 1 || word_byte(b, i, end)) {
                i++;
                continue;
            }
            if (b[i] == '-' && upper && !digit && i + 1 < end && word_byte(b, i + 1, end)) {
                i++;
                continue;
            }
            if ((b[i] == '.' || b[i] == ',') && digit && i + 1 < end &&
                isdigit((unsigned char)b[i + 1])) {
                i++;
                continue;
            }
            size_t al = apos_len(b, i, end);
            if (al && i + al < end && (b[i + al] == 's' || b[i + al] == 'S') &&
                (i + al + 1 >= end || !word_byte(b, i + al + 1, end))) {
                emit(k, b, s, i, true);
                i += al + 1;
                poss = true;
                break;
            }
            if (al && i + al < end && word_byte(b, i + al, end) && upper) {
                i += al;    /* Yan'an */
                continue;
            }
            break;
        }
        if (!poss)
            emit(k, b, s, i, false);
    }
}

tok *cck_rec_tokenize(cck_arena *a, const char *b, size_t start, size_t end, size_t *nt)
{
    sink k = {.a = a};
    tokenize(&k, b, start, end);
    *nt = k.n;
    return k.v;
}

tok *cck_rec_tokenize_into(scratch *sc, const char *b, size_t start, size_t end, size_t *nt)
{
    sink k = {.a = sc->a, .v = sc->tv, .cap = sc->tcap};
    tokenize(&k, b, start, end);
    sc->tv = k.v;
    sc->tcap = k.cap;
    *nt = k.n;
    return sc->tv;
}

static bool is_month_tok(const tok *t) { return t->cap && cck_lex_month(t->low); }

static bool name_start(const tok *t)
{
    return t->cap && !t->num && !cck_lex_stopword(t->low) && strcmp(t->low, "no") != 0;
}

/* ---- common words ----------------------------------------------------- */

/* FNV-1a with a final mix, so that keys differing only at the end
 * ("marrowby1", "marrowby2") spread over the low bits the tables use. */
size_t cck_rec_hash(const char *w)
{
    uint64_t h = 14695981039346656037u;
    for (; *w; w++)
        h = (h ^ (unsigned char)*w) * 1099511628211u;
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdu;
    h ^= h >> 33;
    return (size_t)h;
}

/* The part of a hash: its top bits (the parts use the low ones). */
static size_t part_of(size_t h, size_t nparts)
{
    return nparts == 1 ? 0 : (h >> (sizeof h * 8 - 16)) % nparts;
}

static wcount *word_slot(const wpart *p, const char *w, size_t h)
{
    size_t i = h & (p->cap - 1);
    while (p->h[i].w && strcmp(p->h[i].w, w))
        i = (i + 1) & (p->cap - 1);
    return &p->h[i];
}

void cck_rec_words_parts(table *tb, size_t nparts)
{
    tb->nwp = nparts ? nparts : 1;
    tb->wp = cck_xcalloc(tb->nwp, sizeof *tb->wp);
}

void cck_rec_words_free(table *tb)
{
    for (size_t k = 0; k < tb->nwp; k++)
        free(tb->wp[k].h);
    free(tb->wp);
    tb->wp = NULL;
    tb->nwp = 0;
}

/* Adds counts to the word fold (hash h) in part p; a word new to the part
 * is copied into a (its string is scratch) unless a is NULL. */
static void count_in_part(wpart *p, cck_arena *a, const char *fold, size_t h, size_t upper,
                          size_t lower)
{
    if ((p->used + 1) * 2 > p->cap) {
        /* at most half full, so that every probe ends soon */
        wcount *old = p->h;
        size_t ocap = p->cap;
        p->cap = ocap ? ocap * 2 : 1u << 14;
        p->h = cck_xcalloc(p->cap, sizeof *p->h);
        for (size_t i = 0; i < ocap; i++)
            if (old[i].w)
                *word_slot(p, old[i].w, cck_rec_hash(old[i].w)) = old[i];
        free(old);
    }
    wcount *c = word_slot(p, fold, h);
    if (!c->w) {
        p->used++;
        c->w = a ? cck_arena_strdup(a, fold) : fold;
    }
    c->upper += upper;
    c->lower += lower;
}

static void count_hashed(table *tb, const char *fold, size_t h, bool cap)
{
    if (!fold[0])
        return;
    if (!tb->nwp)
        cck_rec_words_parts(tb, 1);
    count_in_part(&tb->wp[part_of(h, tb->nwp)], tb->a, fold, h, cap, !cap);
}

static void count_word(table *tb, const char *fold, bool cap)
{
    count_hashed(tb, fold, cck_rec_hash(fold), cap);
}

/* The slot where the word of hash h is or would go, to prefetch (NULL
 * when the table has none yet). */
static const wcount *word_prefetch(const table *tb, size_t h)
{
    if (!tb->nwp)
        return NULL;
    const wpart *p = &tb->wp[part_of(h, tb->nwp)];
    return p->h ? &p->h[h & (p->cap - 1)] : NULL;
}

void cck_rec_merge_words(table *to, const table *from, size_t k)
{
    const wpart *p = &from->wp[k];
    for (size_t i = 0; i < p->cap; i++)
        if (p->h[i].w)
            count_in_part(&to->wp[k], NULL, p->h[i].w, cck_rec_hash(p->h[i].w), p->h[i].upper,
                          p->h[i].lower);
}

bool cck_rec_word_count(const table *tb, const char *fold, size_t *upper, size_t *lower)
{
    size_t h = cck_rec_hash(fold);
    const wpart *p = tb->nwp ? &tb->wp[part_of(h, tb->nwp)] : NULL;
    const wcount *c = p && p->h ? word_slot(p, fold, h) : NULL;
    if (!c || !c->w)
        return false;
    *upper = c->upper;
    *lower = c->lower;
    return true;
}

void cck_rec_count_words(table *tb, cck_arena *tmp, const char *b, size_t start, size_t end)
{
    sink k = {.a = tmp, .tb = tb};
    tokenize(&k, b, start, end);
    flush_pending(&k);
}

/* Whether counts c make a word common: mostly written in lowercase. */
static bool counts_common(const wcount *c)
{
    return c->lower >= 2 && c->lower * 3 >= c->upper;
}

static const char **common_slot(const table *tb, const char *w, size_t h)
{
    size_t i = h & (tb->ncommon - 1);
    while (tb->common[i] && strcmp(tb->common[i], w))
        i = (i + 1) & (tb->ncommon - 1);
    return &tb->common[i];
}

void cck_rec_words_to_common(table *tb, const table *counts)
{
    size_t n = 0;
    for (size_t k = 0; k < counts->nwp; k++)
        for (size_t i = 0; i < counts->wp[k].cap; i++)
            n += counts->wp[k].h[i].w && counts_common(&counts->wp[k].h[i]);
    const char **v = cck_xcalloc(cck_rec_hash_cap(n), sizeof *v);
    table t = {.common = v, .ncommon = cck_rec_hash_cap(n)};
    for (size_t k = 0; k < counts->nwp; k++)
        for (size_t i = 0; i < counts->wp[k].cap; i++) {
            const wcount *c = &counts->wp[k].h[i];
            if (c->w && counts_common(c))
                *common_slot(&t, c->w, cck_rec_hash(c->w)) = cck_arena_strdup(tb->a, c->w);
        }
    cck_rec_common_free(tb);
    tb->common = t.common;
    tb->ncommon = t.ncommon;
}

void cck_rec_common_free(table *tb)
{
    free(tb->common);
    tb->common = NULL;
    tb->ncommon = 0;
}

/* A capitalised word that is mostly written in lowercase ("Average"). */
static bool common_word(const table *tb, const tok *t)
{
    if (!tb)
        return false;
    size_t h = cck_rec_hash(t->fold);
    if (tb->common)
        return *common_slot(tb, t->fold, h) != NULL;
    if (!tb->nwp)
        return false;
    const wpart *p = &tb->wp[part_of(h, tb->nwp)];
    if (!p->h)
        return false;
    const wcount *c = word_slot(p, t->fold, h);
    return c->w && counts_common(c);
}

/* ---- names ------------------------------------------------------------ */

static const char *make_key(cck_arena *a, const tok *t, size_t t0, size_t t1)
{
    size_t len = 0;
    for (size_t j = t0; j < t1; j++)
        len += strlen(t[j].fold) + 12;
    char *k = cck_arena_alloc(a, len + 1);
    for (size_t j = t0; j < t1; j++) {
        if (j == t1 - 1 && t1 - t0 >= 2 && cck_lex_generic_head(t[j].low))
            break;
        const char *v = cck_lex_variant(t[j].low);
        strcat(k, v ? v : t[j].fold);
    }
    return k;
}

static const char *make_disp(cck_arena *a, const char *b, const tok *t, size_t t0, size_t t1)
{
    size_t len = t[t1 - 1].e - t[t0].s + 16 * (t1 - t0) + 1;
    char *d = cck_arena_alloc(a, len);
    size_t k = 0;
    for (size_t j = t0; j < t1; j++) {
        if (j > t0) {
            for (size_t i = t[j - 1].e; i < t[j].s && k < len - 1; i++)
                d[k++] = b[i];
        }
        const char *v = cck_lex_variant(t[j].low);
        const char *w = v ? v : cck_rec_ascii(a, b + t[j].s, t[j].e - t[j].s);
        size_t wl = strlen(w);
        if (k + wl >= len)
            break;
        memcpy(d + k, w, wl);
        if (v && t[j].cap)
            d[k] = (char)toupper((unsigned char)d[k]);
        k += wl;
    }
    d[k] = '\0';
    return d;
}

/* Finds the name mentions among tokens [a0, a1): runs of capitalised
 * words with "of", "No. 9" and "February 8 X" inside, and a trailing
 * event noun ("Hungnam evacuation"). */
static size_t find_names(const table *tb, cck_arena *a, const char *b, tok *t, size_t a0,
                         size_t a1, name **vp, size_t *capp)
{
    name *v = *vp;
    size_t n = 0, cap = *capp;
    size_t i = a0;
    while (i < a1) {
        bool start = name_start(&t[i]);
        bool month_lead = is_month_tok(&t[i]) && i + 2 < a1 && t[i + 1].num &&
                          name_start(&t[i + 2]) && adjacent(b, &t[i], &t[i + 1], false) &&
                          adjacent(b, &t[i + 1], &t[i + 2], false);
        if (!start && !month_lead) {
            i++;
            continue;
        }
        size_t j = i + 1;
        if (month_lead)
            j = i + 2;
        while (j < a1 && !t[j - 1].poss) {
            const tok *p = &t[j - 1], *q = &t[j];
            bool dot = !strcmp(p->low, "no") || (p->e - p->s == 1 && p->cap);
            if (!adjacent(b, p, q, dot))
                break;
            if (q->cap && !q->num &&
                (!cck_lex_stopword(q->low) || cck_lex_month(q->low)))
                j++;
            else if (q->num && !strcmp(p->low, "no"))
                j++;
            else if (!strcmp(q->low, "no") && q->cap)
                j++;
            else if (!strcmp(q->low, "of") && j + 1 < a1 && name_start(&t[j + 1]) &&
                     adjacent(b, q, &t[j + 1], false))
                j += 2;
            else
                break;
        }
        bool event = false;
        if (j - i == 1 && common_word(tb, &t[i])) {
            i = j;
            continue;
        }
        if (cck_lex_event_noun(t[j - 1].low))
            event = j - i >= 2;
        else if (j - i >= 3 && cck_lex_event_noun(t[i].low) && !strcmp(t[i + 1].low, "of"))
            event = true;   /* "Siege of Marlow Ford", "Battle of the Ridge" */
        else if (j < a1 && !t[j - 1].poss && !t[j].cap && cck_lex_event_noun(t[j].low) &&
                 adjacent(b, &t[j - 1], &t[j], false)) {
            j++;
            event = true;
        }
        if (n == cap) {
            cap = cap ? cap * 2 : 32;
            v = cck_xreallocarray(v, cap, sizeof *v);
        }
        name *m = &v[n++];
        m->t0 = i;
        m->t1 = j;
        m->key = make_key(a, t, i, j);
        m->disp = make_disp(a, b, t, i, j);
        m->poss = t[j - 1].poss;
        m->event = event;
        {
            size_t k = i;
            if (k > a0 && !strcmp(t[k - 1].low, "the"))
                k--;
            m->attribution = k >= a0 + 2 && !strcmp(t[k - 1].low, "to") &&
                             !strcmp(t[k - 2].low, "according");
            size_t p = t[i].s;
            while (p > 0 && strchr(" \t\"'*#|(_[", b[p - 1]))
                p--;
            m->initial = p == 0 || strchr(".!?\n\r:;", b[p - 1]) != NULL;
        }
        m->facility = cck_lex_facility_head(t[j - 1].low) ||
                      (j - i >= 2 && t[j - 1].num && !strcmp(t[j - 2].low, "no"));
        /* "University of Chemical Industry", "Academy of Sciences" */
        for (size_t k = i; k + 1 < j && !m->facility; k++)
            m->facility = !strcmp(t[k + 1].low, "of") &&
                          (!strcmp(t[k].low, "university") || !strcmp(t[k].low, "academy") ||
                           !strcmp(t[k].low, "institute") || !strcmp(t[k].low, "college") ||
                           !strcmp(t[k].low, "museum") || !strcmp(t[k].low, "school"));
        m->hash = cck_rec_hash(m->key);
        m->noun = m->mod = NULL;
        if (event) {
            m->noun = cck_lex_event_noun(t[j - 1].low) ? t[j - 1].low : t[i].low;
            if (j - i >= 2)
                m->mod = make_key(a, t, i, j - 1);
        }
        if (!m->key[0])
            n--;
        i = j;
    }
    *vp = v;
    *capp = cap;
    return n;
}

name *cck_rec_find_names(const table *tb, cck_arena *a, const char *b, tok *t, size_t a0,
                         size_t a1, size_t *nn)
{
    name *v = NULL;
    size_t cap = 0;
    *nn = find_names(tb, a, b, t, a0, a1, &v, &cap);
    return v;
}

name *cck_rec_find_names_into(const table *tb, scratch *sc, const char *b, tok *t, size_t a0,
                              size_t a1, size_t *nn)
{
    *nn = find_names(tb, sc->a, b, t, a0, a1, &sc->nv, &sc->ncap);
    return sc->nv;
}

/* ---- the corpus table of entities ------------------------------------- */

/* The slot of a key (hash h) in shard tb's index. The index has at most
 * at most 2^32 slots (it is at most three quarters full, and a shard has
 * at most cck_rec_bound < 2^31 entries), so the low 32 bits of a hash
 * place a key. */
static ixslot *ix_slot(const table *tb, const char *key, size_t h)
{
    size_t i = h & (tb->ixcap - 1);
    uint32_t h32 = (uint32_t)h;
    while (tb->ix[i].at) {
        if (tb->ix[i].hash == h32 && !strcmp(entry_at(tb, tb->ix[i].at - 1)->key, key))
            break;
        i = (i + 1) & (tb->ixcap - 1);
    }
    return &tb->ix[i];
}

entry *cck_rec_lookup(table *tb, const char *key)
{
    size_t h = cck_rec_hash(key);
    const table *sh = tb->nixof ? &tb->ixof[part_of(h, tb->nixof)] : tb;
    if (!sh->ix)
        return NULL;
    const ixslot *sl = ix_slot(sh, key, h);
    return sl->at ? entry_at(sh, sl->at - 1) : NULL;
}

/* Whether an index of cap slots holds n keys: at most three quarters
 * full (its slots keep the hashes, so a probe past another key reads no
 * entry, and probes stay cheap). */
static bool ix_holds(size_t cap, size_t n) { return n * 4 <= cap * 3; }

/* Makes room in tb's index for `more` more entries: the keys move by the
 * hashes their slots keep. */
static void ix_room(table *tb, size_t more)
{
    if (ix_holds(tb->ixcap, tb->n + more))
        return;
    ixslot *old = tb->ix;
    size_t ocap = tb->ixcap;
    if (!tb->ixcap)
        tb->ixcap = 256;
    while (!ix_holds(tb->ixcap, tb->n + more))
        tb->ixcap *= 2;
    tb->ix = cck_xcalloc(tb->ixcap, sizeof *tb->ix);
    for (size_t i = 0; i < ocap; i++)
        if (old[i].at) {
            size_t j = old[i].hash & (tb->ixcap - 1);
            while (tb->ix[j].at)
                j = (j + 1) & (tb->ixcap - 1);
            tb->ix[j] = old[i];
        }
    free(old);
}

/* Room for one more entry in shard tb: a new chunk when the last is full. */
static entry *new_entry(table *tb)
{
    if (tb->n >= cck_rec_bound)
        cck_rec_over_bound("entries in a shard of the names table");
    if (tb->n == tb->cap) {
        size_t k = tb->cap >> CCK_REC_CHUNK_BITS;
        if (k == tb->nv) {
            tb->nv = tb->nv ? tb->nv * 2 : 16;
            tb->v = cck_xreallocarray(tb->v, tb->nv, sizeof *tb->v);
        }
        tb->v[k] = cck_xreallocarray(NULL, CCK_REC_CHUNK, sizeof **tb->v);
        tb->cap += CCK_REC_CHUNK;
    }
    return entry_at(tb, tb->n++);
}

void cck_rec_entries_free(table *tb)
{
    for (size_t k = 0; k < tb->cap >> CCK_REC_CHUNK_BITS; k++)
        free(tb->v[k]);
    free(tb->v);
    free(tb->ix);
    free(tb->seen);
    tb->v = NULL;
    tb->ix = NULL;
    tb->seen = NULL;
    tb->nseen = tb->seencap = 0;
    tb->n = tb->cap = tb->nv = tb->ixcap = 0;
}

void cck_rec_note_name(table *tb, const name *m, size_t src, size_t at)
{
    ixslot *sl = tb->ix ? ix_slot(tb, m->key, m->hash) : NULL;
    entry *e = sl && sl->at ? entry_at(tb, sl->at - 1) : NULL;
    if (!e) {
        if (!ix_holds(tb->ixcap, tb->n + 1)) {
            ix_room(tb, 1);
            sl = ix_slot(tb, m->key, m->hash);
        }
        e = new_entry(tb);
        memset(e, 0, sizeof *e);
        e->key = cck_arena_strdup(tb->a, m->key);
        /* src < the corpus's sources <= cck_rec_bound (the stage checks);
         * at < the source's bytes <= CCK_SOURCE_MAX */
        e->first_src = (uint32_t)src;
        e->first_at = (uint32_t)at;
        *sl = (ixslot){(uint32_t)tb->n, (uint32_t)m->hash};
    }
    if (e->count >= cck_rec_bound)
        cck_rec_over_bound("mentions of one name");
    e->count++;
    e->initial += m->initial;
    if (!e->seen) {
        /* the first mention of it in this source (the mentions of a shard
         * are noted source by source) */
        e->nsrc++;
        e->seen = 1;
        if (tb->nseen == tb->seencap) {
            tb->seencap = tb->seencap ? 2 * tb->seencap : 64;
            tb->seen = cck_xreallocarray(tb->seen, tb->seencap, sizeof *tb->seen);
        }
        tb->seen[tb->nseen++] = e;
    }
    e->facility |= m->facility;
    e->event |= m->event;
    if (m->event) {
        /* the mention's strings are scratch: the entry keeps copies, made
         * only when they change; its forms move beside them */
        if (!e->has_ev) {
            evnames *ev = cck_arena_alloc(tb->a, sizeof *ev);
            ev->f = e->u.f;
            e->u.ev = ev;
            e->has_ev = 1;
        }
        evnames *ev = e->u.ev;
        if (!ev->noun || strcmp(ev->noun, m->noun))
            ev->noun = cck_arena_strdup(tb->a, m->noun);
        if (m->mod && (!ev->mod || strcmp(ev->mod, m->mod)))
            ev->mod = cck_arena_strdup(tb->a, m->mod);
    }
    dforms *fs = e->has_ev ? &e->u.ev->f : &e->u.f;
    uint32_t f = 0;
    while (f < e->nforms && strcmp(form_of(e, f), m->disp))
        f++;
    if (f == e->nforms) {
        if (f >= CCK_REC_FORMS_MAX)
            cck_rec_over_bound("display forms of one name");
        const char *d = cck_arena_strdup(tb->a, m->disp);
        if (!f) {
            /* most entries keep one form: no array */
            fs->one = e->disp = d;
            e->nforms = 1;
            return;
        }
        /* room for a power of two of forms: full at 2, 4, 8, ... */
        if (!(f & (f - 1))) {
            dform *nf = cck_arena_alloc(tb->a, 2 * (size_t)f * sizeof *nf);
            if (f == 1)
                nf[0] = (dform){fs->one, e->count - 1};
            else
                memcpy(nf, fs->v, f * sizeof *nf);
            fs->v = nf;
        }
        fs->v[f] = (dform){d, 0};
        e->nforms++;
    }
    if (e->nforms == 1)
        return;     /* its one form, already shown */
    fs->v[f].count++;
    uint32_t best = 0;
    for (uint32_t k = 1; k < e->nforms; k++)
        if (fs->v[k].count > fs->v[best].count)
            best = k;
    e->disp = fs->v[best].form;
}

void cck_rec_source_noted(table *tb)
{
    for (size_t i = 0; i < tb->nseen; i++)
        tb->seen[i]->seen = 0;
    tb->nseen = 0;
}

static bool first_before(const entry *a, const entry *b)
{
    return a->first_src != b->first_src ? a->first_src < b->first_src
                                        : a->first_at < b->first_at;
}

void cck_rec_merge_shards(table *tb, table *shards, size_t n)
{
    size_t total = 0;
    for (size_t k = 0; k < n; k++)
        total += shards[k].n;
    if (total > cck_rec_bound)
        cck_rec_over_bound("entries in the names table");
    free(tb->ord);
    tb->ord = NULL;
    tb->ixof = shards;
    tb->nixof = n;
    if (n == 1) {
        /* one shard: its entries are in that order already (ord_at()) */
        tb->n = total;
        return;
    }
    tb->ord = cck_xcalloc(total ? total : 1, sizeof *tb->ord);
    tb->n = 0;
    /* each shard holds its entries in the order of their first mentions:
     * the table's order is their merge (a key is in one shard only) */
    size_t *at = cck_xcalloc(n ? n : 1, sizeof *at);
    while (tb->n < total) {
        size_t best = n;
        for (size_t k = 0; k < n; k++)
            if (at[k] < shards[k].n &&
                (best == n ||
                 first_before(entry_at(&shards[k], at[k]), entry_at(&shards[best], at[best]))))
                best = k;
        tb->ord[tb->n++] = entry_at(&shards[best], at[best]++);
    }
    free(at);
}

bool cck_rec_known(const table *tb, const name *m)
{
    const entry *e = cck_rec_lookup((table *)tb, m->key);
    if (!e)
        return false;
    return m->facility || e->facility || m->event || e->nsrc >= 2 || e->count >= 3 ||
           (m->t1 - m->t0 >= 2 && e->count >= 2);
}

/* A facility named by a shorter form ("the Sci-Tech Library") stands for
 * the one longer facility of the corpus that ends the same way. */
/* Facilities by every proper suffix of their keys ("varndam" of
 * "lakevarndam"): the first entry with that suffix, and whether another
 * with a different display form has it too. Open addressing. */
typedef struct {
    uint32_t at;            /* the entry's number in the table + 1 (0: empty;
                               < 2^31, as the table has at most cck_rec_bound
                               entries), and SUF_AMBIGUOUS */
    uint32_t off;           /* where the suffix starts in the entry's key */
} sufslot;

#define SUF_AMBIGUOUS ((uint32_t)1 << 31)

struct cck_suffixes {
    sufslot *v;
    size_t cap;
};

static const entry *suffix_entry(const table *tb, const sufslot *sl)
{
    return ord_at(tb, (sl->at & ~SUF_AMBIGUOUS) - 1);
}

static sufslot *suffix_slot(const table *tb, const struct cck_suffixes *x, const char *suffix)
{
    size_t i = cck_rec_hash(suffix) & (x->cap - 1);
    while (x->v[i].at && strcmp(suffix_entry(tb, &x->v[i])->key + x->v[i].off, suffix))
        i = (i + 1) & (x->cap - 1);
    return &x->v[i];
}

static struct cck_suffixes *build_suffixes(const table *tb)
{
    size_t total = 0;
    for (size_t i = 0; i < tb->n; i++)
        if (ord_at(tb, i)->facility) {
            size_t len = strlen(ord_at(tb, i)->key);
            if (len > UINT32_MAX)
                cck_rec_over_bound("bytes of a facility's key");
            total += len;
        }
    struct cck_suffixes *x = cck_xcalloc(1, sizeof *x);
    x->cap = cck_rec_hash_cap(total);
    x->v = cck_xcalloc(x->cap, sizeof *x->v);
    for (size_t i = 0; i < tb->n; i++) {
        const entry *e = ord_at(tb, i);
        if (!e->facility)
            continue;
        for (const char *p = e->key + 1; *p; p++) {
            sufslot *sl = suffix_slot(tb, x, p);
            if (!sl->at)
                *sl = (sufslot){(uint32_t)i + 1, (uint32_t)(p - e->key)};
            else if (strcmp(suffix_entry(tb, sl)->disp, e->disp))
                sl->at |= SUF_AMBIGUOUS;
        }
    }
    return x;
}

void cck_rec_suffixes_free(table *tb)
{
    if (tb->sx) {
        free(tb->sx->v);
        free(tb->sx);
        tb->sx = NULL;
    }
}

const char *cck_rec_expand_facility(const table *tb, const char *key, const char *disp)
{
    /* built once per state of the table: the callers hold it const, so the
     * index hangs off it by pointer */
    table *t = (table *)tb;
    if (!t->sx)
        t->sx = build_suffixes(tb);
    if (!*key)
        return disp;
    const sufslot *sl = suffix_slot(tb, t->sx, key);
    if (!sl->at || (sl->at & SUF_AMBIGUOUS))
        return disp;
    return suffix_entry(tb, sl)->disp;
}

const char *cck_rec_disp_of(const table *tb, const name *m)
{
    const entry *e = cck_rec_lookup((table *)tb, m->key);
    return e ? e->disp : m->disp;
}


/* ---- aliases the text declares ----------------------------------------- */


/* The words that introduce another name for what was just named: "known
 * (in Korean shorthand) as", "also called", "then called", "renamed". */
static bool alias_cue(const tok *t, size_t i, size_t end, size_t *after)
{
    static const char *const fillers[] = {"also", "formerly", "then", "once", "previously",
                                          "originally", "sometimes", "commonly", "locally",
                                          "widely", "still", "often", NULL};
    while (i < end && in_words(fillers, t[i].low))
        i++;
    if (i >= end)
        return false;
    const char *w = t[i].low;
    if (!strcmp(w, "called") || !strcmp(w, "renamed")) {
        *after = i + 1;
        return true;
    }
    if (strcmp(w, "known") && strcmp(w, "named"))
        return false;
    for (size_t j = i + 1; j < end && j <= i + 5; j++)
        if (!strcmp(t[j].low, "as")) {
            *after = j + 1;
            return true;
        }
    return false;
}

/* Makes entry a display as (and so group with) entry b. */
static void set_alias(table *tb, entry *a, const entry *b)
{
    if (!a || !b || a == b || !strcmp(cck_rec_fold(tb->a, b->disp, strlen(b->disp)), a->key))
        return;
    a->disp = b->disp;
    a->facility |= b->facility;
}

typedef struct {
    aliasop *v;
    size_t n, cap;
    cck_arena *keep;
} oplist;

static void push_op(oplist *l, const char *alias, const char *to, size_t art, bool to_main)
{
    if (l->n == l->cap) {
        size_t ncap = l->cap ? l->cap * 2 : 4;
        aliasop *nv = cck_arena_alloc(l->keep, ncap * sizeof *nv);
        if (l->n)
            memcpy(nv, l->v, l->n * sizeof *nv);
        l->v = nv;
        l->cap = ncap;
    }
    l->v[l->n++] = (aliasop){cck_arena_strdup(l->keep, alias),
                             to ? cck_arena_strdup(l->keep, to) : NULL, art, to_main};
}

/* Every "Name, known as Other" and "the city, then called Other" of one
 * source: Other becomes another name of Name (or of the article's main
 * subject). Found now, applied once the main subjects are known. */
aliasop *cck_rec_find_aliases(const stoks *st, cck_arena *keep, size_t *nops)
{
    oplist l = {.keep = keep};
    const tok *t = st->t;
    for (size_t k = 0; k + 1 < st->nn; k++) {
        const name *m = &st->nm[k];
        size_t after;
        if (!alias_cue(t, m->t1, st->nt, &after))
            continue;
        if (after < st->nt && !strcmp(t[after].low, "the"))
            after++;
        if (after < st->nt && t[after].num)
            after++;   /* "the 2.8 Vinalon Complex" */
        for (size_t j = k + 1; j < st->nn && st->nm[j].t0 <= after; j++)
            if (st->nm[j].t0 == after)
                push_op(&l, st->nm[j].key, m->key, 0, false);
    }
    /* "the city, then called Kanko": the main subject's older name */
    static const char *const place[] = {"city", "town", "village", "settlement", NULL};
    for (size_t i = 1; i < st->nt; i++) {
        size_t after;
        if (!in_words(place, t[i].low) || strcmp(t[i - 1].low, "the") ||
            !alias_cue(t, i + 1, st->nt, &after))
            continue;
        size_t art = 0;
        const cck_source *s = st->s;
        for (size_t a = 0; a < s->narticles; a++)
            if (t[i].s >= s->articles[a].start)
                art = a;
        for (size_t j = first_name(st, after); j < st->nn && st->nm[j].t0 <= after; j++)
            if (st->nm[j].t0 == after)
                push_op(&l, st->nm[j].key, NULL, art, true);
    }
    *nops = l.n;
    return l.v;
}

void cck_rec_apply_alias(table *tb, const aliasop *op, const char *const *keys)
{
    const entry *to = cck_rec_lookup(tb, op->to_main ? keys[op->art] : op->to);
    set_alias(tb, cck_rec_lookup(tb, op->alias), to);
}

/* ---- main subject of an article --------------------------------------- */

struct keycount {
    const char *key;        /* NULL: empty */
    size_t hash, count;
};

/* The count of a key in kc (a new slot at 0 when absent). */
static struct keycount *kc_slot(keycounts *kc, const char *key, size_t h)
{
    size_t i = h & (kc->cap - 1);
    while (kc->v[i].key && (kc->v[i].hash != h || strcmp(kc->v[i].key, key)))
        i = (i + 1) & (kc->cap - 1);
    return &kc->v[i];
}

void cck_rec_keycounts_free(keycounts *kc)
{
    free(kc->v);
    free(kc->used);
    memset(kc, 0, sizeof *kc);
}

void cck_rec_article_facts(const table *tb, const stoks *st, const char *title, size_t start,
                           size_t end, cck_arena *tmp, cck_arena *keep, keycounts *kc,
                           artfacts *f)
{
    size_t a0 = tok_at(st, start), a1 = tok_at(st, end);
    size_t n0 = first_name(st, a0), n1 = n0;
    while (n1 < st->nn && st->nm[n1].t0 < a1)
        n1++;
    /* how often each name stands on its own in the article: one table of
     * counts for the run, emptied again below where this article touched it */
    if ((n1 - n0) * 2 >= kc->cap) {
        free(kc->v);
        free(kc->used);
        kc->cap = kc->cap ? kc->cap : 64;
        while ((n1 - n0) * 2 >= kc->cap)
            kc->cap *= 2;
        kc->v = cck_xcalloc(kc->cap, sizeof *kc->v);
        kc->used = cck_xcalloc(kc->cap, sizeof *kc->used);
    }
    size_t nused = 0;
    memset(f, 0, sizeof *f);
    for (size_t i = n0; i < n1; i++) {
        const name *m = &st->nm[i];
        struct keycount *k = kc_slot(kc, m->key, m->hash);
        if (!k->key) {
            k->key = m->key;
            k->hash = m->hash;
            kc->used[nused++] = (size_t)(k - kc->v);
        }
        size_t c = ++k->count;
        if (c > f->topn) {
            f->topn = c;
            f->top = m->key;
        }
    }
    if (f->top)
        f->top = cck_arena_strdup(keep, f->top);
    if (title && *title) {
        size_t tl = strcspn(title, ":|");
        if (tl > 200)
            tl = 200;   /* a title, not a paragraph */
        size_t nt;
        tok *tt = cck_rec_tokenize(tmp, title, 0, tl, &nt);
        size_t nn;
        name *tn = cck_rec_find_names(tb, tmp, title, tt, 0, nt, &nn);
        size_t cap = 0;
        for (size_t i = 0; i < nn; i++) {
            /* every sub-run of the name, split at "of" */
            for (size_t x = tn[i].t0; x < tn[i].t1; x++) {
                if (!name_start(&tt[x]))
                    continue;
                for (size_t y = x + 1; y <= tn[i].t1; y++) {
                    if (!strcmp(tt[y - 1].low, "of"))
                        break;
                    /* a key the article does not name counts 0 and can
                     * never be chosen, whatever later sources add */
                    const char *key = make_key(tmp, tt, x, y);
                    const struct keycount *k = kc_slot(kc, key, cck_rec_hash(key));
                    size_t c = k->key ? k->count : 0;
                    if (!c)
                        continue;
                    if (f->ncand == cap) {
                        size_t ncap = cap ? cap * 2 : 4;
                        const char **nc = cck_arena_alloc(keep, ncap * sizeof *nc);
                        size_t *ncc = cck_arena_alloc(keep, ncap * sizeof *ncc);
                        if (cap) {
                            memcpy(nc, f->cand, cap * sizeof *nc);
                            memcpy(ncc, f->ccount, cap * sizeof *ncc);
                        }
                        f->cand = nc;
                        f->ccount = ncc;
                        cap = ncap;
                    }
                    f->cand[f->ncand] = cck_arena_strdup(keep, key);
                    f->ccount[f->ncand++] = c;
                }
            }
        }
        free(tn);
        free(tt);
    }
    for (size_t i = 0; i < nused; i++)
        kc->v[kc->used[i]] = (struct keycount){0};
}

const char *cck_rec_main_subject(const table *tb, const artfacts *f, const char *title)
{
    const char *best = NULL;
    size_t bestn = 0;
    for (size_t i = 0; i < f->ncand; i++) {
        const entry *e = cck_rec_lookup((table *)tb, f->cand[i]);
        size_t c = f->ccount[i];
        /* a facility or event, or a name other sources use, is a subject
         * even when the article names it once */
        if (c == 1 && (e->facility || e->event || e->nsrc >= 2))
            c = 2;
        if (c > bestn) {
            bestn = c;
            best = e->disp;
        }
    }
    /* a title that names its subject wins unless another name clearly
     * dominates the article ("World Cities Almanac" over a city page) */
    if (best && bestn >= 2 && !(f->topn > 3 * bestn))
        return best;
    if (f->top)
        return cck_rec_lookup((table *)tb, f->top)->disp;
    return best ? best : (title ? title : "");
}
