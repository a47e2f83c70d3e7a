/* subject.c: works out the subject of every claim: entity (the article's
 * main subject unless the sentence clearly names another), attribute
 * (table headers, keywords near the figure, the counted noun, the unit)
 * and as_of (the time the sentence gives for a changing quantity). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon.h"
#include "reconcile.h"
#include "settings.h"

/* Case-insensitive ASCII comparison of the first n bytes: 0 when equal. */
static int strncasecmp_ascii_n(const char *a, const char *b, size_t n)
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
static int strncasecmp_ascii(const char *a, const char *b)
{
    for (; *a && *b; a++, b++)
        if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
            return 1;
    return *a != *b;
}

/* ---- tokens ----------------------------------------------------------- */

typedef struct {
    size_t s, e;        /* raw byte span */
    const char *low;    /* ASCII lowercase, marks stripped ("hamhung") */
    const char *fold;   /* alias fold */
    bool cap;           /* starts with an uppercase letter */
    bool num;           /* starts with a digit */
    bool poss;          /* followed by 's */
} tok;

typedef struct {
    size_t t0, t1;      /* tokens [t0, t1) */
    const char *key;    /* alias key */
    const char *disp;   /* display form of this mention */
    bool poss, facility, event;
    bool attribution;   /* "according to X": X is who says it, not what */
    bool initial;       /* opens a sentence or line (so its capital tells nothing) */
} name;

typedef struct {
    const char *key;
    const char *disp;       /* most frequent display form */
    const char **forms;     /* display forms seen, with counts */
    size_t *fcount;
    size_t nforms;
    size_t count, nsrc, last_src;
    size_t initial;         /* mentions that open a sentence or line */
    bool facility, event;
    const char *event_noun; /* last token when an event ("famine") */
    const char *mod_key;    /* key of the event's modifier ("northkorean") */
} entry;

typedef struct {
    const char *w;
    size_t lower, upper;    /* written lowercase / capitalised */
} wcount;

typedef struct {
    cck_arena *a;           /* scratch for the whole run */
    entry *v;
    size_t n, cap;
    wcount *h;              /* open-addressing hash of word folds */
    size_t hcap;
    size_t *ix;             /* hash of entry keys: index + 1, 0 = empty */
    size_t ixcap;
} table;

typedef struct {
    const cck_source *s;
    tok *t;
    size_t nt;
    name *nm;               /* every name mention of the source */
    size_t nn;
} stoks;

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

static bool word_byte(const char *b, size_t i, size_t end)
{
    unsigned char c = (unsigned char)b[i];
    if (c < 0x80)
        return isalnum(c) != 0;
    if ((c & 0xC0) == 0x80)
        return true;    /* continuation of a letter already accepted */
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
    char *low = cck_rec_ascii(a, b + s, e - s);
    t->cap = isupper((unsigned char)low[0]) != 0;
    for (char *p = low; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    t->low = low;
    t->fold = cck_rec_fold(a, b + s, e - s);
    t->num = isdigit((unsigned char)b[s]) != 0;
    t->poss = poss;
}

/* Splits b[start,end) into words. Hyphens join a capitalised word's parts
 * ("Kyo-hwa-so", "Sci-Tech"); digits keep their separators ("3.3"). */
static tok *tokenize(cck_arena *a, const char *b, size_t start, size_t end, size_t *nt)
{
    tok *v = NULL;
    size_t n = 0, cap = 0, i = start;
    while (i < end) {
        if (!word_byte(b, i, end)) {
            size_t pl = punct_len((const unsigned char *)b + i, end - i);
            i += pl ? pl : 1;
            continue;
        }
        size_t s = i;
        bool upper = isupper((unsigned char)b[s]) || (unsigned char)b[s] >= 0x80;
        bool digit = isdigit((unsigned char)b[s]) != 0;
        bool poss = false;
        while (i < end) {
            if (word_byte(b, i, end)) {
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
                push_tok(a, &v, &n, &cap, b, s, i, true);
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
            push_tok(a, &v, &n, &cap, b, s, i, false);
    }
    *nt = n;
    return v;
}

/* True when only spaces (and at most one period after "No"/an initial)
 * separate tokens x and y. */
static bool adjacent(const char *b, const tok *x, const tok *y, bool allow_dot)
{
    for (size_t i = x->e; i < y->s; i++) {
        if (b[i] == ' ')
            continue;
        if (b[i] == '.' && allow_dot && i == x->e)
            continue;
        return false;
    }
    return y->s > x->e;
}

static bool is_month_tok(const tok *t) { return t->cap && cck_lex_month(t->low); }

static bool name_start(const tok *t)
{
    return t->cap && !t->num && !cck_lex_stopword(t->low) && strcmp(t->low, "no") != 0;
}

/* ---- common words ----------------------------------------------------- */

static size_t hash(const char *w)
{
    size_t h = 5381;
    for (; *w; w++)
        h = h * 33 + (unsigned char)*w;
    return h;
}

static wcount *word_slot(const table *tb, const char *w)
{
    size_t i = hash(w) & (tb->hcap - 1);
    while (tb->h[i].w && strcmp(tb->h[i].w, w))
        i = (i + 1) & (tb->hcap - 1);
    return &tb->h[i];
}

static void count_words(table *tb, const tok *t, size_t nt)
{
    size_t need = 1024;
    while (need < nt * 2)
        need *= 2;
    if (!tb->h) {
        tb->hcap = 1u << 16;
        while (tb->hcap < need)
            tb->hcap *= 2;
        tb->h = cck_xcalloc(tb->hcap, sizeof *tb->h);
    }
    size_t used = 0;
    for (size_t i = 0; i < tb->hcap; i++)
        used += tb->h[i].w != NULL;
    if ((used + nt) * 2 > tb->hcap) {
        wcount *old = tb->h;
        size_t ocap = tb->hcap;
        while ((used + nt) * 2 > tb->hcap)
            tb->hcap *= 2;
        tb->h = cck_xcalloc(tb->hcap, sizeof *tb->h);
        for (size_t i = 0; i < ocap; i++)
            if (old[i].w)
                *word_slot(tb, old[i].w) = old[i];
        free(old);
    }
    for (size_t i = 0; i < nt; i++) {
        if (t[i].num || !t[i].fold[0])
            continue;
        wcount *c = word_slot(tb, t[i].fold);
        c->w = t[i].fold;
        if (t[i].cap)
            c->upper++;
        else
            c->lower++;
    }
}

/* A capitalised word that is mostly written in lowercase ("Average"). */
static bool common_word(const table *tb, const tok *t)
{
    if (!tb || !tb->h)
        return false;
    const wcount *c = word_slot(tb, t->fold);
    return c->w && c->lower >= 2 && c->lower * 3 >= c->upper;
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
static name *find_names(const table *tb, cck_arena *a, const char *b, tok *t, size_t a0,
                        size_t a1, size_t *nn)
{
    name *v = NULL;
    size_t n = 0, cap = 0;
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
        if (!m->key[0])
            n--;
        i = j;
    }
    *nn = n;
    return v;
}

/* ---- the corpus table of entities ------------------------------------- */

static size_t *ix_slot(const table *tb, const char *key)
{
    size_t i = hash(key) & (tb->ixcap - 1);
    while (tb->ix[i] && strcmp(tb->v[tb->ix[i] - 1].key, key))
        i = (i + 1) & (tb->ixcap - 1);
    return &tb->ix[i];
}

static entry *lookup(table *tb, const char *key)
{
    if (!tb->ix)
        return NULL;
    size_t *sl = ix_slot(tb, key);
    return *sl ? &tb->v[*sl - 1] : NULL;
}

static void note_name(table *tb, const name *m, const tok *t, size_t src)
{
    entry *e = lookup(tb, m->key);
    if (!e) {
        if (tb->n == tb->cap) {
            tb->cap = tb->cap ? tb->cap * 2 : 64;
            tb->v = cck_xreallocarray(tb->v, tb->cap, sizeof *tb->v);
        }
        if ((tb->n + 1) * 2 > tb->ixcap) {
            free(tb->ix);
            tb->ixcap = tb->ixcap ? tb->ixcap * 2 : 256;
            tb->ix = cck_xcalloc(tb->ixcap, sizeof *tb->ix);
            for (size_t i = 0; i < tb->n; i++)
                *ix_slot(tb, tb->v[i].key) = i + 1;
        }
        e = &tb->v[tb->n++];
        memset(e, 0, sizeof *e);
        e->key = m->key;
        e->last_src = (size_t)-1;
        *ix_slot(tb, e->key) = tb->n;
    }
    e->count++;
    e->initial += m->initial;
    if (e->last_src != src) {
        e->nsrc++;
        e->last_src = src;
    }
    e->facility |= m->facility;
    e->event |= m->event;
    if (m->event)
    {
        e->event_noun = cck_lex_event_noun(t[m->t1 - 1].low) ? t[m->t1 - 1].low : t[m->t0].low;
        if (m->t1 - m->t0 >= 2)
            e->mod_key = make_key(tb->a, t, m->t0, m->t1 - 1);
    }
    size_t f = 0;
    while (f < e->nforms && strcmp(e->forms[f], m->disp))
        f++;
    if (f == e->nforms) {
        const char **nf = cck_arena_alloc(tb->a, (f + 1) * sizeof *nf);
        size_t *nc = cck_arena_alloc(tb->a, (f + 1) * sizeof *nc);
        if (f) {
            memcpy(nf, e->forms, f * sizeof *nf);
            memcpy(nc, e->fcount, f * sizeof *nc);
        }
        nf[f] = m->disp;
        e->forms = nf;
        e->fcount = nc;
        e->nforms++;
    }
    e->fcount[f]++;
    size_t best = 0;
    for (size_t k = 1; k < e->nforms; k++)
        if (e->fcount[k] > e->fcount[best])
            best = k;
    e->disp = e->forms[best];
}

static bool known(const table *tb, const name *m)
{
    const entry *e = lookup((table *)tb, m->key);
    if (!e)
        return false;
    return m->facility || e->facility || m->event || e->nsrc >= 2 || e->count >= 3 ||
           (m->t1 - m->t0 >= 2 && e->count >= 2);
}

/* A facility named by a shorter form ("the Sci-Tech Library") stands for
 * the one longer facility of the corpus that ends the same way. */
static const char *expand_facility(const table *tb, const char *key, const char *disp)
{
    size_t kl = strlen(key);
    const entry *found = NULL;
    for (size_t i = 0; i < tb->n; i++) {
        const entry *e = &tb->v[i];
        size_t el = strlen(e->key);
        if (!e->facility || el <= kl || strcmp(e->key + el - kl, key))
            continue;
        if (found && strcmp(found->disp, e->disp))
            return disp;
        found = e;
    }
    return found ? found->disp : disp;
}

static const char *disp_of(const table *tb, const name *m)
{
    const entry *e = lookup((table *)tb, m->key);
    return e ? e->disp : m->disp;
}

static bool in_words(const char *const *list, const char *w)
{
    for (size_t i = 0; list[i]; i++)
        if (!strcmp(list[i], w))
            return true;
    return false;
}

/* ---- aliases the text declares ----------------------------------------- */

static size_t first_name(const stoks *st, size_t t);

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

/* Makes the entry of key `alias` display as (and so group with) `to`. */
static void set_alias(table *tb, const char *alias, const char *to)
{
    entry *a = lookup(tb, alias), *b = lookup(tb, to);
    if (!a || !b || a == b || !strcmp(cck_rec_fold(tb->a, b->disp, strlen(b->disp)), alias))
        return;
    a->disp = b->disp;
    a->facility |= b->facility;
}

/* Every "Name, known as Other" and "the city, then called Other" of one
 * source: Other becomes another name of Name (or of the article's main
 * subject, keys[article]). */
static void declared_aliases(table *tb, const stoks *st, const char *const *keys)
{
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
                set_alias(tb, st->nm[j].key, m->key);
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
                set_alias(tb, st->nm[j].key, keys[art]);
    }
}

/* ---- main subject of an article --------------------------------------- */

static size_t tok_at(const stoks *st, size_t off)
{
    size_t lo = 0, hi = st->nt;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (st->t[mid].s < off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Index of the first name mention starting at or after token t. */
static size_t first_name(const stoks *st, size_t t)
{
    size_t lo = 0, hi = st->nn;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (st->nm[mid].t0 < t)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static const char *main_subject(table *tb, stoks *st, const char *title, size_t start, size_t end)
{
    cck_arena *a = tb->a;
    size_t a0 = tok_at(st, start), a1 = tok_at(st, end);
    /* how often each name stands on its own in the article */
    size_t *tally = cck_xcalloc(tb->n ? tb->n : 1, sizeof *tally);
    const entry *top = NULL;
    size_t topn = 0;
    for (size_t i = first_name(st, a0); i < st->nn && st->nm[i].t0 < a1; i++) {
        entry *e = lookup(tb, st->nm[i].key);
        if (!e)
            continue;
        size_t c = ++tally[(size_t)(e - tb->v)];
        if (c > topn) {
            topn = c;
            top = e;
        }
    }
    const char *best = NULL;
    size_t bestn = 0;
    if (title && *title) {
        size_t tl = strcspn(title, ":|");
        if (tl > 200)
            tl = 200;   /* a title, not a paragraph */
        size_t nt;
        tok *tt = tokenize(a, title, 0, tl, &nt);
        size_t nn;
        name *tn = find_names(tb, a, title, tt, 0, nt, &nn);
        for (size_t i = 0; i < nn; i++) {
            /* every sub-run of the name, split at "of" */
            for (size_t x = tn[i].t0; x < tn[i].t1; x++) {
                if (!name_start(&tt[x]))
                    continue;
                for (size_t y = x + 1; y <= tn[i].t1; y++) {
                    if (!strcmp(tt[y - 1].low, "of"))
                        break;
                    const entry *e = lookup(tb, make_key(a, tt, x, y));
                    size_t c = e ? tally[(size_t)(e - tb->v)] : 0;
                    /* a facility or event, or a name other sources use, is
                     * a subject even when the article names it once */
                    if (c == 1 && (e->facility || e->event || e->nsrc >= 2))
                        c = 2;
                    if (c > bestn) {
                        bestn = c;
                        best = e->disp;
                    }
                }
            }
        }
        free(tn);
        free(tt);
    }
    /* a title that names its subject wins unless another name clearly
     * dominates the article ("World Cities Almanac" over a city page) */
    const char *res = NULL;
    if (best && bestn >= 2 && !(topn > 3 * bestn))
        res = best;
    else if (top)
        res = top->disp;
    else
        res = best ? best : (title ? title : "");
    free(tally);
    return res;
}

/* ---- helpers on the sentence ------------------------------------------ */

typedef struct {
    const char *b;
    const tok *t;
    size_t s0, s1;      /* sentence tokens */
    size_t c0, c1;      /* claim tokens */
    const cck_claim *cl;
    size_t us;          /* byte where the sentence starts */
} ctx;

static bool low_eq(const ctx *x, size_t i, const char *w) { return !strcmp(x->t[i].low, w); }

/* Semicolons end a clause for keyword search. */
static bool semicolon_between(const ctx *x, size_t i, size_t j)
{
    size_t lo = i < j ? x->t[i].e : x->t[j].e, hi = i < j ? x->t[j].s : x->t[i].s;
    for (size_t k = lo; k < hi; k++)
        if (x->b[k] == ';')
            return true;
    return false;
}

static size_t dist(const ctx *x, size_t i)
{
    if (i < x->c0)
        return x->c0 - i;
    if (i >= x->c1)
        return i - x->c1 + 1;
    return 0;
}

static char *snake(cck_arena *a, const char *s)
{
    char *o = cck_arena_alloc(a, strlen(s) + 1);
    size_t k = 0;
    bool us = false;
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (isalnum(c)) {
            if (us && k)
                o[k++] = '_';
            o[k++] = (char)tolower(c);
            us = false;
        } else {
            us = true;
        }
    }
    o[k] = '\0';
    return o;
}

/* The month of a climate figure: "in <Month>" just after it, else the
 * nearest month before it, else the nearest after. */
static int near_month(const ctx *x, size_t max)
{
    for (size_t i = x->c1; i + 1 < x->s1 && i < x->c1 + 8; i++) {
        if (semicolon_between(x, x->c1 - 1, i + 1))
            break;
        int m = cck_lex_month(x->t[i + 1].low);
        if (m && (m != 5 || x->t[i + 1].cap) &&
            (!strcmp(x->t[i].low, "in") || !strcmp(x->t[i].low, "during")))
            return m;
    }
    for (size_t i = x->c0; i > x->s0 && x->c0 - i < max; i--) {
        int m = cck_lex_month(x->t[i - 1].low);
        if (m && (m != 5 || x->t[i - 1].cap) && !semicolon_between(x, i - 1, x->c0))
            return m;
    }
    int best = 0;
    size_t bd = (size_t)-1;
    for (size_t i = x->s0; i < x->s1; i++) {
        if (i >= x->c0 && i < x->c1)
            continue;
        int m = cck_lex_month(x->t[i].low);
        if (!m || (m == 5 && !x->t[i].cap) || semicolon_between(x, i, x->c0))
            continue;
        size_t d = dist(x, i) * 2 + (i < x->c0);
        if (d < bd && dist(x, i) <= max) {
            bd = d;
            best = m;
        }
    }
    return best;
}

static bool word_within(const ctx *x, const char *const *words, size_t before, size_t after)
{
    size_t lo = x->c0 > x->s0 + before ? x->c0 - before : x->s0;
    size_t hi = x->c1 + after < x->s1 ? x->c1 + after : x->s1;
    for (size_t i = lo; i < hi; i++) {
        if (i >= x->c0 && i < x->c1)
            continue;
        for (size_t k = 0; words[k]; k++)
            if (cck_lex_match(words[k], x->t[i].low))
                return true;
    }
    return false;
}

static const char *const w_annual[] = {"annual*", "annually", "yearly", "year", "total*", NULL};
static const char *const w_max[] = {"high", "highs", "maximum", "max", "maxima", NULL};
static const char *const w_min[] = {"low", "lows", "minimum", "min", "minima", NULL};
static const char *const w_precip[] = {"precipitation", "rain", "rainfall", "precip",
                                       "snowfall", NULL};
static const char *const w_rank[] = {"largest", "populous", "biggest", "city",
                                     "cities", "population", "populated", NULL};
static const char *const w_dir[] = {"from", "away", "southeast", "southwest", "northeast",
                                    "northwest", "south", "north", "east", "west",
                                    "outside", "down", "up", "downstream", "upstream",
                                    "below", "downriver", "upriver",
                                    "along", "road", "drive", "route", "railway", NULL};

/* Climate figures written in prose ("-5 °C in January"). */
static const char *climate_attr(cck_arena *a, const ctx *x)
{
    const cck_claim *cl = x->cl;
    const char *base = NULL;
    bool days = false;
    if (!strcmp(cl->unit, "degC")) {
        base = word_within(x, w_max, 4, 0) ? "mean_max_temp"
             : word_within(x, w_min, 4, 0) ? "mean_min_temp"
                                           : "mean_temp";
    } else if (!strcmp(cl->unit, "m") && cl->hi < 10 && word_within(x, w_precip, 40, 40)) {
        base = word_within(x, (const char *const[]){"snow*", NULL}, 3, 3) ? "snowfall"
                                                                            : "precipitation";
    } else if (x->cl->kind == CCK_KIND_COUNT && x->c1 + 1 < x->s1 &&
               !strcmp(x->t[x->c1 + 1].low, "days")) {
        const char *q = x->t[x->c1].low;
        if (!strcmp(q, "rainy") || !strcmp(q, "wet") || !strcmp(q, "precipitation") ||
            !strcmp(q, "rain"))
            base = "rainy_days";
        else if (!strcmp(q, "snowy") || !strcmp(q, "snow"))
            base = "snowy_days";
        days = true;
    }
    if (!base)
        return NULL;
    bool annual = word_within(x, w_annual, 4, 0) ||
                  (days && (word_within(x, (const char *const[]){"year", "annual*", NULL}, 0, 5)));
    int m = annual ? 0 : near_month(x, 10);
    if (m)
        return cck_arena_printf(a, "%s_%s", base, cck_lex_mon[m]);
    if (annual || word_within(x, (const char *const[]){"year", NULL}, 0, 4))
        return !strcmp(base, "mean_temp") ? "annual_mean_temp"
                                          : cck_arena_printf(a, "annual_%s", base);
    return base;
}

/* The innermost "(" before the claim in its sentence, or (size_t)-1. */
static size_t open_paren(const ctx *x, size_t ustart)
{
    int depth = 0;
    for (size_t i = x->cl->start; i > ustart; i--) {
        char c = x->b[i - 1];
        if (c == ')')
            depth++;
        else if (c == '(') {
            if (depth == 0)
                return i - 1;
            depth--;
        }
    }
    return (size_t)-1;
}

/* ---- attribute -------------------------------------------------------- */

static bool is_year_tok(const tok *t, const char *b, long *year)
{
    if (!t->num)
        return false;
    size_t n = t->e - t->s;
    if (n != 4 && !(n == 5 && b[t->s + 4] == 's'))
        return false;
    long y = 0;
    for (size_t i = 0; i < 4; i++) {
        if (!isdigit((unsigned char)b[t->s + i]))
            return false;
        y = y * 10 + (b[t->s + i] - '0');
    }
    if (y < 1000 || y > 2100)
        return false;
    *year = y;
    return true;
}

/* The statistic a table header names ("Mean daily maximum °C" ->
 * mean_max_temp), or NULL when it names none. */
static const char *stat_base(cck_arena *a, const char *h)
{
    char *l = cck_rec_ascii(a, h, strlen(h));
    for (char *p = l; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    bool days = strstr(l, "days") != NULL;
    if (days && strstr(l, "snow"))
        return "snowy_days";
    if (days && (strstr(l, "precip") || strstr(l, "rain") || strstr(l, "wet")))
        return "rainy_days";
    if (strstr(l, "humidity"))
        return "humidity";
    if (strstr(l, "sunshine"))
        return "sunshine_hours";
    if (strstr(l, "snow"))
        return "snowfall";
    if (strstr(l, "precip") || strstr(l, "rain"))
        return "precipitation";
    bool temp = strstr(l, "temp") || strstr(l, "\u00b0c") || strstr(l, "degc") ||
                strstr(l, "mean") || strstr(l, "average");
    if (temp && (strstr(l, "max") || strstr(l, "high")))
        return "mean_max_temp";
    if (temp && (strstr(l, "min") || strstr(l, "low")))
        return "mean_min_temp";
    if (!strcmp(l, "high") || !strcmp(l, "highs") || !strcmp(l, "max"))
        return "mean_max_temp";
    if (!strcmp(l, "low") || !strcmp(l, "lows") || !strcmp(l, "min"))
        return "mean_min_temp";
    if (temp)
        return "mean_temp";
    if (strstr(l, "population") || strstr(l, "inhabitants") || strstr(l, "residents"))
        return "population";
    return NULL;
}

/* The attribute a header's first word names through the keyword lexicon,
 * whatever the cell's kind ("Inflation (%)" -> inflation_rate, "GDP (US$
 * billion)" -> gdp), so that tables and prose meet. */
static const char *header_keyword(cck_arena *a, const char *h)
{
    size_t n;
    tok *t = tokenize(a, h, 0, strlen(h), &n);
    const char *res = NULL;
    for (size_t i = 0; i < n && i < 1 && !res; i++)
        for (size_t k = 0; k < cck_lex_count() && !res; k++)
            if (cck_lex_match(cck_lex_get(k)->word, t[i].low) &&
                strcmp(cck_lex_get(k)->word, "people") && strcmp(cck_lex_get(k)->word, "sea"))
                res = cck_lex_get(k)->attr;
    free(t);
    return res;
}

static const char *table_attr(cck_arena *a, const cck_unit *u, const char **as_of)
{
    const char *hs[2] = {u->col_header, u->row_header};
    int month = 0;
    bool yearcol = false;
    const char *base = NULL, *plain = NULL;
    for (int k = 0; k < 2; k++) {
        if (!hs[k])
            continue;
        char *f = cck_rec_fold(a, hs[k], strlen(hs[k]));
        int m = cck_lex_month(f);
        if (m) {
            month = m;
            continue;
        }
        if (!strcmp(f, "year") || !strcmp(f, "annual") || !strcmp(f, "total")) {
            yearcol = true;
            continue;
        }
        if (isdigit((unsigned char)f[0]) && isdigit((unsigned char)f[1]) &&
            isdigit((unsigned char)f[2]) && isdigit((unsigned char)f[3]) &&
            !isdigit((unsigned char)f[4])) {
            *as_of = cck_arena_strndup(a, f, 4);
            continue;
        }
        if (!base)
            base = stat_base(a, hs[k]);
        if (!plain)
            plain = hs[k];
    }
    if (!base && u->caption)
        base = stat_base(a, u->caption);
    if (!base && plain)
        base = header_keyword(a, plain);
    if (!base && plain)
        base = snake(a, cck_rec_ascii(a, plain, strlen(plain)));
    if (!base || !*base)
        return NULL;
    if (month)
        return cck_arena_printf(a, "%s_%s", base, cck_lex_mon[month]);
    if (yearcol)
        return cck_arena_printf(a, "annual_%s", base);
    return base;
}

/* The keyword nearest the figure. The counted noun right after the
 * figure wins ("500 inmates"); "people" only when nothing else fits. */
static const char *keyword_attr(const ctx *x, size_t before, size_t after)
{
    unsigned kb = 1u << x->cl->kind;
    const char *best = NULL;
    size_t bd = (size_t)-1;
    size_t lo = x->c0 > x->s0 + before ? x->c0 - before : x->s0;
    size_t hi = x->c1 + after < x->s1 ? x->c1 + after : x->s1;
    for (size_t i = lo; i < hi; i++) {
        if (i >= x->c0 && i < x->c1)
            continue;
        if (semicolon_between(x, i, i < x->c0 ? x->c0 : x->c1 - 1))
            continue;
        if (x->b[x->t[i].e] == '-')
            continue;   /* "built-up area": a compound modifier */
        for (size_t k = 0; k < cck_lex_count(); k++) {
            const cck_lex_keyword *w = cck_lex_get(k);
            if (!(w->kinds & kb) || !cck_lex_match(w->word, x->t[i].low))
                continue;
            size_t d = dist(x, i) * 2 + (i < x->c0 ? 0 : 1);
            /* "fell to 7.9%, and inflation eased": a keyword of the next clause */
            if (i >= x->c1)
                for (size_t q = x->t[x->c1 - 1].e; q < x->t[i].s; q++)
                    if (x->b[q] == ',') {
                        d += 20;
                        break;
                    }
            if (!strcmp(w->word, "people") || !strcmp(w->word, "citizens") ||
                !strcmp(w->word, "sea"))
                d += 12;
            const char *at = w->attr;
            if (x->cl->kind == CCK_KIND_DATE && i >= x->c1 && !strcmp(at, "founded"))
                d += 12;    /* "born in 1335, founded the dynasty" */
            if (!strcmp(at, "population") && i > x->s0 &&
                (!strcmp(x->t[i - 1].low, "prison") || !strcmp(x->t[i - 1].low, "camp")))
                at = "inmates";
            if (d < bd) {
                bd = d;
                best = at;
            }
            break;
        }
    }
    return best;
}

static bool dash_at(const char *b, size_t i, size_t end)
{
    while (i < end && b[i] == ' ')
        i++;
    if (i < end && b[i] == '-')
        return true;
    return i + 2 < end && (unsigned char)b[i] == 0xE2 && (unsigned char)b[i + 1] == 0x80 &&
           ((unsigned char)b[i + 2] == 0x93 || (unsigned char)b[i + 2] == 0x94);
}

static bool dash_before(const char *b, size_t i, size_t start)
{
    while (i > start && b[i - 1] == ' ')
        i--;
    if (i > start && b[i - 1] == '-')
        return true;
    return i >= start + 3 && (unsigned char)b[i - 3] == 0xE2 &&
           (unsigned char)b[i - 2] == 0x80 &&
           ((unsigned char)b[i - 1] == 0x93 || (unsigned char)b[i - 1] == 0x94);
}

/* The counted noun right after a count: the last two words of a run of
 * lowercase words ending in a plural ("two re-education camps" ->
 * count_reeducation_camps), or its gloss ("7 guyok (wards)"). */
static const char *counted_noun(cck_arena *a, const ctx *x)
{
    const char *b = x->b;
    if (x->cl->kind != CCK_KIND_COUNT || x->c1 >= x->s1)
        return NULL;
    char w[5][48];
    size_t nw = 0;
    for (size_t i = x->c1; i < x->s1 && i < x->c1 + 6; i++) {
        const tok *n = &x->t[i];
        if (n->cap || n->num || !isalpha((unsigned char)b[n->s]) || cck_lex_stopword(n->low))
            return NULL;
        bool join = false;
        if (i > x->c1) {
            size_t g = x->t[i - 1].e;
            if (b[g] == '-' && g + 1 == n->s)
                join = true;            /* "re-education" is one word */
            else if (b[n->s - 1] == '(')
                nw = nw ? nw - 1 : 0;   /* the gloss replaces the word */
            else if (!adjacent(b, &x->t[i - 1], n, false))
                return NULL;
        }
        if (join && nw) {
            strncat(w[nw - 1], n->low, sizeof w[0] - strlen(w[nw - 1]) - 1);
        } else {
            if (nw == 5)
                return NULL;
            snprintf(w[nw++], sizeof w[0], "%s", n->low);
        }
        bool next_joins = i + 1 < x->s1 && b[n->e] == '-' && n->e + 1 == x->t[i + 1].s;
        size_t l = strlen(n->low);
        static const char *const irregular[] = {"men", "women", "children", "personnel", "police", "staff", "cattle",
                                                "sheep", "aircraft", "militiamen",
                                                "servicemen", "fishermen", NULL};
        bool plural_irregular = in_words(irregular, n->low) ||
                                (l > 3 && !strcmp(n->low + l - 3, "men"));
        if (!next_joins && l > 2 &&
            ((n->low[l - 1] == 's' && n->low[l - 2] != 's') || plural_irregular) &&
            strcmp(n->low, "years") && strcmp(n->low, "times") && strcmp(n->low, "others") &&
            strcmp(n->low, "is") && strcmp(n->low, "was") && strcmp(n->low, "has")) {
            const char *one = w[nw - 1];
            for (size_t k = 0; k < cck_lex_count(); k++)
                if ((cck_lex_get(k)->kinds & (1u << CCK_KIND_COUNT)) &&
                    cck_lex_match(cck_lex_get(k)->word, n->low))
                    return cck_lex_get(k)->attr;
            char *res = nw >= 2 ? cck_arena_printf(a, "count_%s_%s", w[nw - 2], one)
                                : cck_arena_printf(a, "count_%s", one);
            return snake(a, res);
        }
    }
    return NULL;
}

/* What a percentage is of: "a fifth of the national population" is
 * share_population; "unemployment fell to 7.9%" is the level of what the
 * clause speaks of (unemployment_rate); "exports grew 4%" its growth
 * (exports_growth_rate). NULL when the words do not tell. */
static const char *percent_attr(cck_arena *a, const ctx *x)
{
    static const char *const dets[] = {"the", "its", "their", "his", "her", "all", NULL};
    static const char *const level[] = {"to", "at", "of", "was", "is", "stood", "remained",
                                        "reached", "hit", NULL};
    static const char *const change[] = {"grew", "rose", "fell", "dropped", "declined",
                                         "increased", "decreased", "jumped", "climbed",
                                         "slipped", "up", "down", "by", "expanded", "shrank",
                                         "contracted", NULL};
    static const char *const skip[] = {"fell", "rose", "dropped", "declined", "eased",
                                       "climbed", "jumped", "slipped", "increased",
                                       "decreased", "grew", "stood", "remained", "reached",
                                       "hit", "was", "is", "were", "are", "has", "had",
                                       "been", "to", "at", "by", "of", "up", "down", NULL};
    /* share of: "<figure> of the <adj>* <noun>" */
    size_t i = x->c1;
    if (i + 1 < x->s1 && low_eq(x, i, "of")) {
        i++;
        if (in_words(dets, x->t[i].low))
            i++;
        const tok *noun = NULL;
        for (size_t k = 0; k < 3 && i < x->s1; k++, i++) {
            const tok *w = &x->t[i];
            if (w->num || !isalpha((unsigned char)x->b[w->s]) || cck_lex_stopword(w->low))
                break;
            noun = w;
            if (x->b[w->e] == ',' || x->b[w->e] == '.' || w->poss)
                break;
        }
        if (noun && !noun->cap)
            return cck_arena_printf(a, "share_%s", snake(a, noun->low));
    }
    /* the clause's subject before its verb */
    if (x->c0 == x->s0)
        return NULL;
    size_t j = x->c0;
    bool is_change = false, is_level = false;
    while (j > x->s0 && in_words(skip, x->t[j - 1].low)) {
        j--;
        if (j == x->c0 - 1) {
            is_change = in_words(change, x->t[j].low);
            is_level = in_words(level, x->t[j].low);
        } else if (!is_change && !is_level) {
            is_change = in_words(change, x->t[j].low);
        }
    }
    if (j == x->c0 || j == x->s0)
        return NULL;
    const tok *n = &x->t[j - 1];
    if (n->num || !isalpha((unsigned char)x->b[n->s]) || cck_lex_stopword(n->low) ||
        (n->cap && j - 1 != x->s0))
        return NULL;
    const char *noun = n->low;
    size_t nl = strlen(noun);
    if (nl > 4 && !strcmp(noun + nl - 4, "rate"))
        return snake(a, noun);
    bool rate_word = nl > 4 && (!strcmp(noun + nl - 4, "ment") || !strcmp(noun + nl - 4, "tion"));
    if (is_change && !is_level && !rate_word)
        return cck_arena_printf(a, "%s_growth_rate", snake(a, noun));
    return cck_arena_printf(a, "%s_rate", snake(a, noun));
}

/* A figure in a list under a heading that names what the list gives
 * ("DISTANCES (by road)" / "Wonsan: 112 km"): the distance from the main
 * subject to the name that opens the line. */
static const char *section_attr(cck_arena *a, const ctx *x, const cck_unit *u,
                                const stoks *st, const char *main, const char **dist_target)
{
    const cck_source *s = st->s;
    if (!u || u->section < 0 || (size_t)u->section >= s->nsections ||
        strcmp(x->cl->unit, "m"))
        return NULL;
    const char *title = s->sections[u->section].title;
    bool distances = false;
    for (const char *p = title; p && *p; p++)
        if (!strncasecmp_ascii_n(p, "distance", 8))
            distances = true;
    if (!distances)
        return NULL;
    *dist_target = main;
    return cck_arena_printf(a, "distance_from_%s", snake(a, main));
}

/* "Estimates of the city's population vary. Recent ones cluster at
 * 543,000-559,000": a figure whose own sentence names no attribute takes
 * the keyword of the sentence before it, when that sentence (in the same
 * article and paragraph zone) states no figure of its own. */
static const char *earlier_sentence_attr(const ctx *x, const cck_unit *u, const stoks *st)
{
    const cck_source *s = st->s;
    size_t ui = x->cl->unit_index;
    if (!u || u->zone != CCK_ZONE_BODY || ui == 0 || ui >= s->nunits)
        return NULL;
    const cck_unit *pu = &s->units[ui - 1];
    if (pu->article != u->article || pu->zone != CCK_ZONE_BODY)
        return NULL;
    for (size_t k = 0; k < s->nclaims; k++)
        if (s->claims[k].start >= pu->start && s->claims[k].end <= pu->end)
            return NULL;
    /* only a figure near the start of its sentence continues the last one */
    if (x->c0 > x->s0 + 8)
        return NULL;
    size_t p0 = tok_at(st, pu->start), p1 = tok_at(st, pu->end);
    if (p1 <= p0)
        return NULL;
    const ctx prev = {x->b, x->t, p0, p1, p1, p1, x->cl, pu->start};
    return keyword_attr(&prev, p1 - p0, 0);
}

static const char *prose_attr(cck_arena *a, const ctx *x, const cck_unit *u,
                              const stoks *st, const table *tb, const char *main,
                              const char **dist_target)
{
    const cck_claim *cl = x->cl;
    const char *b = x->b;
    switch (cl->kind) {
    case CCK_KIND_COORDINATE:
        return "coordinates";
    case CCK_KIND_RANK:
    {
        const ctx wide = {x->b, x->t, x->s0, x->s1, x->c0, x->c0, x->cl, x->us};
        return word_within(&wide, w_rank, 6, 6 + (x->c1 - x->c0)) ? "population_rank" : "rank";
    }
    case CCK_KIND_DATE: {
        bool range = strcmp(cl->date_lo, cl->date_hi) != 0;
        /* a period names two ends ("1955 to 1962", "mid to late 1990s") or
         * is a bare decade; "late November 1950" is one (fuzzy) date */
        bool twoends = false, fuzzy = false, decade = false;
        for (size_t i = x->c0; i < x->c1; i++) {
            const char *w = x->t[i].low;
            if (i > x->c0 && (!strcmp(w, "to") || !strcmp(w, "and") || !strcmp(w, "until")))
                twoends = true;
            if (!strcmp(w, "early") || !strcmp(w, "mid") || !strcmp(w, "late"))
                fuzzy = true;
            if (x->t[i].num && b[x->t[i].e - 1] == 's')
                decade = true;
            if (i > x->c0 && x->t[i].num && x->t[i - 1].num)
                twoends = true;     /* "1950–1953": a dash between figures */
        }
        size_t p = open_paren(x, x->us);
        if (p != (size_t)-1 && !range) {
            if (dash_at(b, cl->end, u ? u->end : st->s->len))
                return "born";
            if (dash_before(b, cl->start, p))
                return "died";
        }
        if (range && twoends)
            return "period";
        if (!range && ((x->c0 > x->s0 && (low_eq(x, x->c0 - 1, "until") ||
                                           low_eq(x, x->c0 - 1, "till"))) ||
                       low_eq(x, x->c0, "until") || low_eq(x, x->c0, "till")))
            return "ended";
        /* "in 1928, when the plant was completed": the clause after a
         * figure that a comma closes tells what it dates */
        bool clause_after = x->c1 < x->s1 && x->b[x->t[x->c1 - 1].e] == ',';
        const char *kw = keyword_attr(x, 7, x->c0 <= x->s0 + 3 ? 14 : clause_after ? 8 : 3);
        if (kw && (!range || !twoends || strcmp(kw, "founded")))
            return kw;
        if (range && (twoends || (decade && !fuzzy)))
            return "period";
        return "date";
    }
    default:
        break;
    }
    const char *c = climate_attr(a, x);
    if (c)
        return c;
    /* the counted noun right after the figure, or its gloss "(wards)"; of a
     * compound the head noun counts ("100 inmate deaths" are deaths) */
    {
        const char *counted = counted_noun(a, x);
        /* "17 workers died", "25 workers lost their lives": a death toll */
        static const char *const dying[] = {"died", "killed", "perished", "drowned", "dead",
                                            "lives", NULL};
        static const char *const anyone[] = {"people", "persons", "person", "individuals",
                                             NULL};
        if (counted && x->cl->kind == CCK_KIND_COUNT) {
            /* the death verb of the figure's clause: up to a comma or "which" */
            for (size_t i = x->c1; i < x->s1 && i < x->c1 + 8; i++) {
                if (i > x->c1 && (x->b[x->t[i - 1].e] == ',' || x->b[x->t[i - 1].e] == ';' ||
                                  low_eq(x, i, "which") || low_eq(x, i, "who")))
                    break;
                if (in_words(dying, x->t[i].low)) {
                    /* whose deaths: "600 defenders ... killed" */
                    const char *who = x->t[x->c1].low;
                    if (!strncmp(counted, "count_", 6))
                        who = counted + 6;
                    else if (!strcmp(counted, "population") || in_words(anyone, who))
                        return "deaths";
                    else
                        who = counted;
                    return cck_arena_printf(a, "deaths_%s", snake(a, who));
                }
            }
        }
        if (counted && strncmp(counted, "count_", 6) && strcmp(counted, "population"))
            return counted;
    }
    if (x->c1 < x->s1) {
        /* the noun right after the figure, not one past a comma */
        size_t end = x->c1 + 3 < x->s1 ? x->c1 + 3 : x->s1;
        for (size_t i = x->c1; i < end; i++) {
            bool comma = false;
            for (size_t q = x->t[i - 1].e; q < x->t[i].s; q++)
                comma |= x->b[q] == ',' || x->b[q] == ';';
            if (comma) {
                end = i;
                break;
            }
        }
        const ctx near = {x->b, x->t, x->s0, end, x->c0, x->c1, x->cl, x->us};
        const char *kw = keyword_attr(&near, 0, 3);
        if (kw && strcmp(kw, "population") != 0)
            return kw;
    }
    static const char *const w_road[] = {"drive", "driving", "road", "roads", "bus", "car",
                                         "highway", "expressway", NULL};
    static const char *const w_rail[] = {"train", "rail", "railway", "trains", NULL};
    bool travel = !strcmp(cl->unit, "s") && (word_within(x, w_road, 12, 12) ||
                                             word_within(x, w_rail, 12, 12));
    if ((!strcmp(cl->unit, "m") && x->c1 < x->s1 && word_within(x, w_dir, 0, 3)) || travel) {
        /* the place the distance is measured from: a name after the figure */
        const char *target = main;
        for (size_t i = first_name(st, x->c1); i < st->nn; i++) {
            const name *m = &st->nm[i];
            if (m->t0 >= x->c1 && m->t0 < x->c1 + 6 && m->t0 < x->s1) {
                target = disp_of(tb, m);
                break;
            }
        }
        *dist_target = target;
        if (travel) {
            /* the nearer of "by road" and "by train" */
            const char *mode = "road";
            for (size_t w = 1; w <= 12; w++) {
                if (word_within(x, w_road, w, w))
                    break;
                if (word_within(x, w_rail, w, w)) {
                    mode = "rail";
                    break;
                }
            }
            return cck_arena_printf(a, "%s_travel_time_from_%s", mode, snake(a, target));
        }
        return cck_arena_printf(a, "distance_from_%s", snake(a, target));
    }
    if (!strcmp(cl->unit, "kg/yr"))
        return "annual_capacity";
    const char *counted = counted_noun(a, x);
    if (counted)
        return counted;
    const char *kw = keyword_attr(x, 10, 8);
    if (kw)
        return kw;
    if (!strcmp(cl->unit, "m")) {
        static const char *const w_elev[] = {"summit", "peak", "highest", "mount",
                                             "mountain", "hill", NULL};
        static const char *const w_tall[] = {"high", "tall", "height", "rises", "rise",
                                             "towers", "above", NULL};
        if (word_within(x, w_tall, 3, 3))
            return "height";
        if (word_within(x, w_elev, 8, 4))
            return "elevation";
    }
    if (cl->kind == CCK_KIND_PERCENT) {
        kw = percent_attr(a, x);
        if (kw)
            return kw;
    }
    kw = section_attr(a, x, u, st, main, dist_target);
    if (kw)
        return kw;
    kw = earlier_sentence_attr(x, u, st);
    if (kw)
        return kw;
    if (!strcmp(cl->unit, "m"))
        return "distance";
    if (!strcmp(cl->unit, "m2"))
        return "area";
    if (!strcmp(cl->unit, "kg"))
        return "mass";
    if (!strcmp(cl->unit, "s"))
        return "duration";
    if (cl->kind == CCK_KIND_PERCENT)
        return "share";
    if (cl->kind == CCK_KIND_MONEY)
        return "value";
    return cl->kind == CCK_KIND_COUNT ? "count" : "value";
}

/* ---- entity ----------------------------------------------------------- */

static bool time_free(const char *attr)
{
    static const char *const fixed[] = {"founded", "born", "died", "period", "date", "duration",
                                        "coordinates", "elevation", "area", "distance",
                                        "population_rank", "rank", NULL};
    for (size_t i = 0; fixed[i]; i++)
        if (!strcmp(attr, fixed[i]))
            return true;
    return !strncmp(attr, "distance_", 9) || strstr(attr, "_travel_time_") || !strncmp(attr, "mean_", 5) ||
           !strncmp(attr, "precipitation", 13) || !strncmp(attr, "annual_mean", 11) ||
           !strncmp(attr, "rainy_days", 10) || !strcmp(attr, "annual_precipitation") ||
           !strcmp(attr, "annual_rainy_days");
}

/* "a fertiliser plant at the port of Hungnam" names the corpus's
 * "Hungnam Fertilizer Complex"; "the camp" (anaphora) the facility last
 * named before the sentence. NULL when neither applies. */
static const char *lowercase_facility(cck_arena *a, const ctx *x, const stoks *st,
                                      const table *tb, size_t f, size_t l)
{
    static const char *const anaphors[] = {"camp", "prison", "plant", "complex", "factory",
                                           "facility", "mill", "works", "mine", "port",
                                           "theatre", "theater", "library", "university",
                                           "pavilion", "temple", "palace", "bridge", "museum",
                                           "station", "market", "church", "tower", "dam",
                                           NULL};
    const name *nm = st->nm;
    size_t lo = x->c0 > x->s0 + 12 ? x->c0 - 12 : x->s0;
    size_t hi = x->c1 + 8 < x->s1 ? x->c1 + 8 : x->s1;
    for (size_t i = lo + 1; i < hi; i++) {
        const tok *h = &x->t[i], *m = &x->t[i - 1];
        if (h->cap || (i >= x->c0 && i < x->c1))
            continue;
        bool generic = cck_lex_generic_head(h->low) || !strcmp(h->low, "facility") ||
                       !strcmp(h->low, "plants");
        if (generic && !m->cap && !m->num && isalpha((unsigned char)x->b[m->s])) {
            const char *v = cck_lex_variant(m->low);
            const char *mod = v ? v : m->fold;
            for (size_t k = f; k < l; k++) {
                /* "<Name> fertilizer plant" or "fertilizer plant at ... <Name>" */
                if (!(nm[k].t1 == i - 1 || (nm[k].t0 > i && nm[k].t0 <= i + 6)))
                    continue;
                const char *key = cck_arena_printf(a, "%s%s", nm[k].key, mod);
                const entry *e = lookup((table *)tb, key);
                if (e && e->facility)
                    return e->disp;
            }
        }
    }
    /* "the pavilion ... dates to 1108": the facility last named before */
    for (size_t i = x->s0 + 1; i < x->c0; i++) {
        const tok *h = &x->t[i], *m = &x->t[i - 1];
        if (h->cap)
            continue;
        bool ana = false;
        for (size_t k = 0; anaphors[k]; k++)
            ana |= !strcmp(h->low, anaphors[k]);
        if (!ana || !(low_eq(x, i - 1, "the") || (m->cap && i >= 2 && low_eq(x, i - 2, "the"))))
            continue;
        size_t start = first_name(st, x->s0);
        for (size_t k = start; k > 0 && nm[k - 1].t0 + 300 > x->s0; k--) {
            const name *p = &nm[k - 1];
            const tok *last = &st->t[p->t1 - 1];
            if (p->facility && (!strcmp(last->low, h->low) || last->num))
                return expand_facility(tb, p->key, disp_of(tb, p));
        }
    }
    return NULL;
}

/* True when "(" or "," follows token t-1: "Yang Hyong-sop (1925-". */
static bool followed_by_paren(const ctx *x, size_t t)
{
    size_t i = x->t[t - 1].e;
    while (x->b[i] == ' ')
        i++;
    return x->b[i] == '(' || x->b[x->t[t - 1].e] == ',';
}

/* True when a ")" closes between token i's end and token j: the name at
 * i was an aside. */
static bool closed_paren_between(const ctx *x, size_t i, size_t j)
{
    int depth = 0;
    for (size_t k = x->t[i - 1].e; k < x->t[j].s; k++) {
        if (x->b[k] == '(')
            depth++;
        else if (x->b[k] == ')' && --depth < 0)
            return true;
    }
    return false;
}

/* True when the name at token i stands in a prepositional phrase
 * ("after the Korean War", "in the X"): then it is not the subject. */
static bool after_preposition(const ctx *x, size_t i)
{
    static const char *const preps[] = {"after", "before", "during", "in", "of", "from",
                                        "since", "until", "following", "at", "by",
                                        "with", "to", "for", "near", "into", "on", NULL};
    if (i > x->s0 && !strcmp(x->t[i - 1].low, "the"))
        i--;
    if (i <= x->s0)
        return false;
    for (size_t k = 0; preps[k]; k++)
        if (!strcmp(x->t[i - 1].low, preps[k]))
            return true;
    return false;
}

/* The event a bare noun ("the famine") stands for: the most frequent
 * "X famine" of the corpus whose X is itself a known name. */
/* An event whose modifier is a name several sources use ("North Korean
 * famine"), unlike a one-source nickname ("Arduous March famine"). */
static bool strong_event(const table *tb, const entry *e)
{
    const entry *m = e->mod_key ? lookup((table *)tb, e->mod_key) : NULL;
    return m && m->nsrc >= 2;
}

static const entry *event_entry(const table *tb, const char *noun)
{
    const entry *best = NULL;
    bool bs = false;
    for (size_t i = 0; i < tb->n; i++) {
        const entry *e = &tb->v[i];
        if (!e->event || !e->event_noun || strcmp(e->event_noun, noun))
            continue;
        bool es = strong_event(tb, e);
        if (!best || (es && !bs) || (es == bs && e->count > best->count)) {
            best = e;
            bs = es;
        }
    }
    return best;
}

static const char *event_for(const table *tb, const char *noun)
{
    const entry *e = event_entry(tb, noun);
    return e && (strong_event(tb, e) || e->count >= 2) ? e->disp : NULL;
}

/* The event a bare noun at token i stands for: "the evacuation of
 * Hungnam" is "Hungnam evacuation", else the corpus's event of that kind. */
static const char *event_at(cck_arena *a, const ctx *x, const stoks *st, const table *tb,
                            size_t i)
{
    if (i + 2 < x->s1 && low_eq(x, i + 1, "of")) {
        size_t k = first_name(st, i + 2);
        if (k < st->nn && st->nm[k].t0 == i + 2 && known(tb, &st->nm[k]))
            return cck_arena_printf(a, "%s %s", disp_of(tb, &st->nm[k]), x->t[i].low);
    }
    return event_for(tb, x->t[i].low);
}

static bool event_attr(const char *attr)
{
    return !strcmp(attr, "period") || !strcmp(attr, "deaths") ||
           !strcmp(attr, "troops_evacuated") || !strcmp(attr, "civilians_evacuated") ||
           !strcmp(attr, "ships");
}

/* A bare event noun ("the famine") among tokens [t0, t1), resolved. */
static const char *bare_event(cck_arena *a, const ctx *x, const stoks *st, const table *tb,
                              size_t t0, size_t t1)
{
    ctx px = *x;
    px.s0 = t0;
    px.s1 = t1;
    for (size_t i = t0; i < t1; i++) {
        if (x->t[i].cap || !cck_lex_event_noun(x->t[i].low) ||
            (x->t[i].s > 0 && x->b[x->t[i].s - 1] == '-'))
            continue;
        const char *ev = event_at(a, &px, st, tb, i);
        if (ev)
            return ev;
    }
    return NULL;
}

/* The thing a date belongs to when the sentence names it with a lowercase
 * noun phrase opened by a determiner before the figure ("The old
 * lighthouse was built in 1887", "its trolleybus network, opened in
 * 1973"): "<main> lighthouse", "<main> trolleybus network". NULL when
 * there is none, or when the phrase is the main subject itself ("the
 * city") or a time ("the year"). */
static const char *owned_thing(cck_arena *a, const ctx *x, const char *main, bool at_start)
{
    static const char *const det[] = {"the", "its", "their", "a", "an", "this", NULL};
    static const char *const adjectives[] = {
        "new", "old", "large", "small", "major", "first", "big", "modern", "local", "main",
        "original", "current", "present", "former", "delayed", "great", "grand", "oldest",
        "largest", "second", "third", "last", "only", "present-day", NULL};
    static const char *const stops[] = {
        "was", "were", "is", "are", "had", "has", "have", "been", "built", "opened",
        "founded", "completed", "established", "constructed", "launched", "inaugurated",
        "created", "dates", "began", "started", "ended", "of", "in", "on", "at", "by",
        "from", "to", "and", "or", "which", "that", "first", "he", "she", "it", "they", "we",
        "who", "whose", "i", "you", "held", "holds", "stands", "stood", "lies", "lay",
        "covers", "covered", "employs", "produces", "houses", "contains", "seats", "counts",
        "measures", "reaches", "rises", "rose", "lists", "records", "handles", "receives",
        "hosts", "serves", "carries", "runs", "ran", "makes", "made", "takes", "took",
        "became", "becomes", "remains", "saw", "sees", "got", "gets", "can", "could", "will",
        "would", "may", "might", "must", "should", "did", "does", "be", "being", "sits",
        "spans", "stretches", "owns", "operates", "uses", "needs", "needed", "moved",
        "behind", "above", "below", "under", "over", "near", "across", "along", "around",
        "between", "within", "inside", "outside", "beyond", "through", "into", "onto", "for",
        "with", "without", "after", "before", "during", "since", "until", "via", "per",
        "against", "among", NULL};
    static const char *const not_things[] = {
        "city", "town", "village", "capital", "country", "region", "province", "county",
        "district", "area", "year", "years", "century", "decade", "time", "period", "date",
        "war", "place", "site", "population", "name", "end", "start", "beginning",
        "coordinates", "location", "position", "latitude", "longitude", "centre", "center",
        "downtown", "total", "number", "figure", "figures", "estimate", "estimates",
        "average", "rate", "share", "majority", "rest", "most", "same", "other", "others",
        "former", "latter", "government", "authorities", "report", "study", "survey", NULL};
    for (size_t i = x->c0; i-- > x->s0 && x->c0 - i <= 10;) {
        if (at_start && i != x->s0)
            continue;
        if (!in_words(det, x->t[i].low) || semicolon_between(x, i, x->c0))
            continue;
        static const char *const preps[] = {"over", "of", "in", "on", "at", "by", "from", "to",
                                            "across", "under", "near", "with", "for", "into",
                                            "onto", "behind", "beside", "along", NULL};
        if (i > x->s0 && in_words(preps, x->t[i - 1].low))
            continue;   /* "the bridge over the river": not the river */
        const tok *head = NULL, *mod = NULL;
        size_t words = 0;
        bool bounded = false;   /* the phrase ends at a verb, a stop or a mark */
        for (size_t j = i + 1; j <= x->c0; j++) {
            const tok *w = &x->t[j];
            size_t wl = strlen(w->low);
            bool past = wl > 4 && !strcmp(w->low + wl - 2, "ed");  /* "was opened" */
            bool ends = j == x->c0 || w->cap || w->num || !isalpha((unsigned char)x->b[w->s]) ||
                        in_words(stops, w->low) || past ||
                        !adjacent(x->b, &x->t[j - 1], w, false) || x->t[j - 1].poss;
            if (ends) {
                /* the figure itself ends it only behind a mark: "a radar
                 * station (41.77° ...)", not "the mine lost about 40" */
                bounded = j < x->c0;
                for (size_t k = head ? head->e : x->cl->start; k < x->cl->start; k++)
                    if (x->b[k] == '(' || x->b[k] == ',' || x->b[k] == ':')
                        bounded = true;
                break;
            }
            if (words == 3)
                break;
            mod = head;
            head = w;
            words++;
        }
        if (!bounded)
            return NULL;
        if (!head || in_words(adjectives, head->low))
            return NULL;
        if (in_words(not_things, head->low))
            return NULL;
        if (mod && !in_words(adjectives, mod->low))
            return cck_arena_printf(a, "%s %s %s", main, mod->low, head->low);
        return cck_arena_printf(a, "%s %s", main, head->low);
    }
    return NULL;
}

/* The entity of a prose claim: the main subject unless the sentence
 * clearly names another, tried from the strongest cue down: "Name
 * (figure)", "Chongjin 760,165", a possessive, a facility or event named
 * in the clause, a bare event noun, the sentence's opening name. */
static const char *entity_for(cck_arena *a, const ctx *x, const stoks *st, const table *tb,
                              const cck_unit *u, const char *main, const char *main_key,
                              const char *attr, const char *dist_target)
{
    const name *nm = st->nm;
    /* names of this sentence */
    size_t f = first_name(st, x->s0);
    size_t l = f;
    while (l < st->nn && nm[l].t0 < x->s1)
        l++;
    const char *pick = NULL;
    const char *pick_key = NULL;
#define PICK(m)                                                               \
    do {                                                                      \
        if ((m)->attribution)                                                 \
            break;  /* the source of the figure, not its subject */           \
        pick = disp_of(tb, (m));                                              \
        pick_key = (m)->key;                                                  \
    } while (0)

    if (!strncmp(attr, "distance_from_", 14) || strstr(attr, "_travel_time_from_")) {
        if (l > f && nm[f].t0 == x->s0 && nm[f].t1 <= x->c0 && known(tb, &nm[f]) &&
            (nm[f].facility || x->b[x->t[nm[f].t1 - 1].e] == ',' ||
             x->b[x->t[nm[f].t1 - 1].e] == ':') &&
            !(dist_target && !strcmp(disp_of(tb, &nm[f]), dist_target))) {
            PICK(&nm[f]);
            goto done;
        }
        for (size_t i = l; i > f; i--) {
            const name *m = &nm[i - 1];
            if (m->t1 > x->c0 || semicolon_between(x, m->t0, x->c0))
                continue;
            if (dist_target && !strcmp(disp_of(tb, m), dist_target))
                continue;
            if (known(tb, m)) {
                PICK(m);
                break;
            }
        }
        goto done;
    }
    /* a height belongs to the summit named just before it ("Mount Tonghung
     * at 319 m", "Mount Tonghung, 319 m") */
    if (!strcmp(attr, "elevation")) {
        for (size_t k = l; k > f; k--) {
            const name *m = &nm[k - 1];
            if (m->t1 > x->c0 || x->c0 - m->t1 > 1)
                continue;
            if (strcmp(m->key, main_key) && (known(tb, m) || m->t1 - m->t0 >= 2)) {
                PICK(m);
                goto done;
            }
            break;
        }
    }
    /* E1: "Name (figure)" */
    size_t p = open_paren(x, x->us);
    if (p != (size_t)-1) {
        size_t i = p;
        while (i > x->us && (x->b[i - 1] == ' ' || x->b[i - 1] == ']'))
            i--;
        if (i > x->us && x->b[i - 1] == ')') {
            /* markdown link "[Name](#) (" */
            size_t k = i - 1;
            while (k > x->us && x->b[k - 1] != '(')
                k--;
            if (k > 1 && x->b[k - 2] == ']')
                i = k - 2;
        }
        /* only figures that open the parenthesis: "(1925-2022)", not
         * "(as recorded in 1108)" */
        bool opens = true;
        for (size_t k = tok_at(st, p); k < x->c0; k++)
            if (!x->t[k].cap && !x->t[k].num && isalpha((unsigned char)x->b[x->t[k].s]) &&
                !low_eq(x, k, "born") && !low_eq(x, k, "died") && !low_eq(x, k, "b") &&
                !low_eq(x, k, "d") && !low_eq(x, k, "c") && !low_eq(x, k, "circa"))
                opens = false;
        for (size_t k = f; k < l && opens; k++)
            if (x->t[nm[k].t1 - 1].e == i && !nm[k].poss &&
                (known(tb, &nm[k]) || nm[k].t1 - nm[k].t0 >= 2)) {
                PICK(&nm[k]);
                goto done;
            }
    }
    /* E4: a known name right before the figure ("and Chongjin 760,165") */
    for (size_t k = f; k < l && x->cl->kind != CCK_KIND_DATE; k++) {
        if (nm[k].t1 == x->c0 && !nm[k].poss && known(tb, &nm[k]) &&
            adjacent(x->b, &x->t[nm[k].t1 - 1], &x->t[x->c0], false)) {
            PICK(&nm[k]);
            goto done;
        }
    }
    /* E2: a possessive just before ("Hamhung's 2021 population was"); not
     * for ranks, where it names the whole ("the country's second city") */
    for (size_t k = l; k > f && strncmp(attr, "population_rank", 15) && strcmp(attr, "rank");
         k--) {
        const name *m = &nm[k - 1];
        if (m->t1 > x->c0)
            continue;
        if (x->c0 - m->t1 > 6)
            break;
        if (m->poss && known(tb, m)) {
            PICK(m);
            goto done;
        }
        break;
    }
    /* "born in Tessel, a mill town of some 12,000 inhabitants": a place
     * described in apposition, with the figure in the description */
    {
        static const char *const places[] = {"town", "city", "village", "port", "settlement",
                                             "county", "district", "province", "region",
                                             "country", "island", "municipality", NULL};
        for (size_t k = l; k > f; k--) {
            const name *m = &nm[k - 1];
            if (m->t1 >= x->c0 || x->c0 - m->t1 > 7 || x->b[x->t[m->t1 - 1].e] != ',')
                continue;
            size_t d = m->t1;
            if (!(low_eq(x, d, "a") || low_eq(x, d, "an") || low_eq(x, d, "the")))
                continue;
            bool place = false;
            for (size_t i = d + 1; i < x->c0; i++)
                place |= in_words(places, x->t[i].low);
            if (place && low_eq(x, x->c0 - 1, "of")) {
                PICK(m);
                goto done;
            }
            break;
        }
    }
    /* "As of 2020, Orsk had a population of 48,200": the name that is the
     * subject of the clause's verb, before the figure */
    {
        static const char *const verbs[] = {
            "had", "has", "have", "is", "was", "were", "are", "counted", "numbered",
            "recorded", "reached", "covers", "covered", "employs", "employed", "lies", "lay",
            "stands", "holds", "held", "produces", "produced", "houses", "housed",
            "contains", "hosts", "boasts", "became", "remains", "reported", "measures",
            "spans", "sits", "ran", "runs", "operated", "operates", "owned", "owns", "served",
            "serves", "carried", "carries", "handled", "handles", "counts", NULL};
        for (size_t k = l; k > f; k--) {
            const name *m = &nm[k - 1];
            if (m->t1 >= x->c0)
                continue;
            if (x->c0 - m->t1 > 12 || semicolon_between(x, m->t1, x->c0))
                break;
            static const char *const fillers[] = {"itself", "alone", "now", "today", "still",
                                                  "also", "then", "once", NULL};
            size_t v = m->t1;
            while (v < x->c0 && in_words(fillers, x->t[v].low))
                v++;
            if (m->poss || m->attribution || after_preposition(x, m->t0) ||
                !in_words(verbs, x->t[v].low) || !strcmp(m->key, main_key))
                continue;
            if (known(tb, m) || m->t1 - m->t0 >= 2) {
                PICK(m);
                goto done;
            }
        }
    }
    /* "Hungdok-guyok was created in 1995": the name that is the subject of
     * the dating verb just before the figure */
    if (!strcmp(attr, "founded") || !strcmp(attr, "ended")) {
        for (size_t k = l; k > f; k--) {
            const name *m = &nm[k - 1];
            size_t v = m->t1;
            if (v >= x->c0 || x->c0 - v > 6 || after_preposition(x, m->t0))
                continue;
            if (!(low_eq(x, v, "was") || low_eq(x, v, "were") || low_eq(x, v, "is")))
                continue;
            bool dated = false;
            for (size_t w = v + 1; w < x->c0 && w <= v + 2; w++)
                for (size_t q = 0; q < cck_lex_count() && !dated; q++)
                    dated = (!strcmp(cck_lex_get(q)->attr, "founded") ||
                             !strcmp(cck_lex_get(q)->attr, "ended")) &&
                            cck_lex_match(cck_lex_get(q)->word, x->t[w].low);
            if (dated) {
                PICK(m);
                goto done;
            }
        }
    }
    /* E5: a facility or event named before the figure in the clause */
    for (size_t k = l; k > f; k--) {
        const name *m = &nm[k - 1];
        if (m->t1 > x->c0 || semicolon_between(x, m->t0, x->c0))
            continue;
        if (x->c0 - m->t1 > 25)
            break;
        if ((m->facility || (m->event && !after_preposition(x, m->t0) &&
                             (event_attr(attr) || !strcmp(attr, "date") ||
                              !strcmp(attr, "founded") || !strcmp(attr, "ended")))) &&
            !closed_paren_between(x, m->t1, x->c0)) {
            PICK(m);
            goto done;
        }
    }
    /* ... or right after a figure that opens the sentence ("In 2018, the X") */
    if (x->c0 <= x->s0 + 3) {
        for (size_t k = f; k < l; k++) {
            const name *m = &nm[k];
            if (m->t0 >= x->c1 && (m->t0 <= x->c1 + 3 || (m->facility && m->t0 <= x->c1 + 12 &&
                                             x->cl->kind == CCK_KIND_DATE)) &&
                (m->facility || m->event)) {
                PICK(m);
                goto done;
            }
        }
    }
    /* born / died: the person named closest before ("X (aside) who was born") */
    if (!strcmp(attr, "born") || !strcmp(attr, "died")) {
        for (size_t k = l; k > f; k--) {
            const name *m = &nm[k - 1];
            if (m->t1 > x->c0 || closed_paren_between(x, m->t1, x->c0))
                continue;
            if (m->t1 - m->t0 >= 2 && known(tb, m) && !m->facility && !m->event) {
                PICK(m);
                goto done;
            }
        }
    }
    {
        const char *fac = lowercase_facility(a, x, st, tb, f, l);
        if (fac)
            return fac;
    }
    /* a bare event noun for event attributes ("the famine ... deaths") */
    if (event_attr(attr)) {
        for (size_t i = x->s0; i < x->s1 && !strcmp(attr, "period"); i++)
            if (low_eq(x, i, "rebuilt") || low_eq(x, i, "rebuild") ||
                low_eq(x, i, "reconstructed") || low_eq(x, i, "reconstruction"))
                return cck_arena_printf(a, "%s reconstruction", main);
        size_t order[512];
        size_t no = 0;
        for (size_t d = 1; no < 512 && (d <= 14 || !strcmp(attr, "deaths")) && (x->c0 >= x->s0 + d || x->c1 + d <= x->s1);
             d++) {
            if (x->c0 >= x->s0 + d)
                order[no++] = x->c0 - d;
            if (x->c1 + d <= x->s1 && no < 512)
                order[no++] = x->c1 + d - 1;
        }
        for (size_t oi = 0; oi < no; oi++) {
            size_t i = order[oi];
            if (x->t[i].cap || !cck_lex_event_noun(x->t[i].low))
                continue;
            if (x->t[i].s > 0 && x->b[x->t[i].s - 1] == '-')
                continue;   /* "pre-war" */
            bool inside = false;
            for (size_t k = f; k < l; k++)
                if (i >= nm[k].t0 && i < nm[k].t1)
                    inside = true;
            if (inside)
                continue;
            const char *ev = event_at(a, x, st, tb, i);
            if (ev)
                return strcmp(cck_rec_fold(a, ev, strlen(ev)), main_key) ? ev : main;
            if (!strcmp(x->t[i].low, "reconstruction") && !strcmp(attr, "period"))
                return cck_arena_printf(a, "%s reconstruction", main);
        }
    }
    /* deaths or a period right after a sentence about an event */
    if (event_attr(attr) && strcmp(attr, "period") && u && u->zone == CCK_ZONE_BODY &&
        x->cl->unit_index > 0 && x->cl->unit_index < st->s->nunits) {
        const cck_unit *pu = &st->s->units[x->cl->unit_index - 1];
        if (pu->article == u->article && pu->zone == CCK_ZONE_BODY && x->c0 <= x->s0 + 8 &&
            !(l > f && nm[f].t0 < x->c0)) {
            const char *ev = bare_event(a, x, st, tb, tok_at(st, pu->start), tok_at(st, pu->end));
            if (ev)
                return strcmp(cck_rec_fold(a, ev, strlen(ev)), main_key) ? ev : main;
        }
    }
    /* E3: a date in a sentence that opens with a known name */
    if (l > f && nm[f].t0 == x->s0 && nm[f].t1 <= x->c0 && known(tb, &nm[f]) &&
        x->cl->kind == CCK_KIND_DATE && nm[f].t1 - nm[f].t0 >= 2 && !nm[f].poss &&
        followed_by_paren(x, nm[f].t1)) {
        PICK(&nm[f]);
        goto done;
    }
    /* "the old lighthouse was built in 1887", "its trolleybus network,
     * opened in 1973": a thing of the main subject's */
    if (!strcmp(attr, "founded") || !strcmp(attr, "ended") || !strcmp(attr, "period") ||
        !strcmp(attr, "rebuilt") || !strcmp(attr, "destroyed")) {
        const char *thing = owned_thing(a, x, main, false);
        if (thing)
            return thing;
    }
    /* "a radar station (41.77° 129.84°)": a position belongs to the thing
     * named just before it; "The largest market has 14,700 square metres":
     * a figure to the thing that opens its sentence */
    if (x->cl->kind != CCK_KIND_DATE && strcmp(attr, "population") &&
        strncmp(attr, "population_", 11)) {
        const char *thing = owned_thing(a, x, main, x->cl->kind != CCK_KIND_COORDINATE);
        if (thing)
            return thing;
    }
done:
#undef PICK
    if (pick && pick_key)
        pick = expand_facility(tb, pick_key, pick);
    if (pick && pick_key && !strncmp(attr, "distance_from_", 14)) {
        /* a town's port lies where the town does: "X Port" -> "X" */
        size_t pl = strlen(pick);
        for (const char *const *h = (const char *const[]){" Port", " Harbour", " Harbor",
                                                          NULL};
             *h; h++) {
            size_t hl = strlen(*h);
            if (pl > hl && !strcmp(pick + pl - hl, *h)) {
                const char *town = cck_arena_strndup(a, pick, pl - hl);
                const entry *e = lookup((table *)tb, cck_rec_fold(a, town, pl - hl));
                if (e && e->nsrc >= 2) {
                    pick = e->disp;
                    pick_key = e->key;
                }
            }
        }
    }

    if (pick && pick_key) {
        /* a one-source nickname of an event is the well-known event */
        const entry *e = lookup((table *)tb, pick_key);
        if (e && e->event && e->event_noun && !strong_event(tb, e)) {
            const entry *w = event_entry(tb, e->event_noun);
            if (w && strong_event(tb, w))
                pick = w->disp;
        }
    }
    if (!pick || !strcmp(cck_rec_fold(a, pick, strlen(pick)), main_key))
        return main;
    return pick;
}

/* ---- as_of ------------------------------------------------------------ */


static const char *as_of_for(cck_arena *a, const ctx *x)
{
    static const char *const lead[] = {"in", "by", "of", "for", "circa", "around", NULL};
    static const char *const skip[] = {"the", "early", "mid", "late", NULL};
    static const char *const trail[] = {"estimate*", "census", "figure*", "data",
                                        "projection*", "survey", NULL};
    const char *best = NULL;
    size_t bd = (size_t)-1;
    for (size_t i = x->s0; i < x->s1; i++) {
        long y;
        if (i >= x->c0 && i < x->c1)
            continue;
        if (!is_year_tok(&x->t[i], x->b, &y) || semicolon_between(x, i, x->c0))
            continue;
        if (x->t[i].s >= x->cl->start && x->t[i].e <= x->cl->end)
            continue;
        /* a year that opens or closes a range is a period, not a time */
        if (dash_at(x->b, x->t[i].e, x->t[x->s1 - 1].e) || dash_before(x->b, x->t[i].s, 0) ||
            (i + 1 < x->s1 && (low_eq(x, i + 1, "to") || low_eq(x, i + 1, "and")) &&
             i + 2 < x->s1 && x->t[i + 2].num) ||
            (i > x->s0 + 1 && (low_eq(x, i - 1, "to") || low_eq(x, i - 1, "and")) &&
             x->t[i - 2].num))
            continue;
        bool ok = false;
        size_t j = i;
        for (int hop = 0; hop < 3 && j > x->s0; hop++) {
            j--;
            bool sk = false;
            for (size_t k = 0; skip[k]; k++)
                if (!strcmp(x->t[j].low, skip[k]))
                    sk = true;
            for (size_t k = 0; lead[k]; k++)
                if (!strcmp(x->t[j].low, lead[k]))
                    ok = true;
            if (ok || !sk)
                break;
        }
        if (i + 1 < x->s1)
            for (size_t k = 0; trail[k]; k++)
                if (cck_lex_match(trail[k], x->t[i + 1].low))
                    ok = true;
        /* "opened in 1984" dates the building, not the figure */
        for (size_t k = i > x->s0 + 3 ? i - 3 : x->s0; k < i && ok; k++)
            for (size_t w = 0; w < cck_lex_count(); w++)
                if (!strcmp(cck_lex_get(w)->attr, "founded") &&
                    cck_lex_match(cck_lex_get(w)->word, x->t[k].low))
                    ok = false;
        if (!ok)
            continue;
        size_t d = dist(x, i);
        if (d > 15)
            continue;
        d = d * 2 + (i < x->c0);
        if (d < bd) {
            bd = d;
            best = cck_arena_printf(a, "%ld", y);
        }
    }
    return best;
}

/* The year a section heading gives its figures ("Population in 2020",
 * "Census of 1944 [edit]"): a lone four-digit year from 1000 to 2199 in the
 * innermost heading that has one, not a span ("1950-1953"). */
static const char *section_year(cck_arena *a, const cck_source *s, int sec)
{
    for (int depth = 0; sec >= 0 && (size_t)sec < s->nsections && depth < 8; depth++) {
        const char *t = s->sections[sec].title;
        const char *found = NULL;
        int years = 0;
        for (size_t i = 0; t && t[i]; i++) {
            bool start = i == 0 || !isalnum((unsigned char)t[i - 1]);
            if (!start || !isdigit((unsigned char)t[i]))
                continue;
            size_t n = 0;
            while (isdigit((unsigned char)t[i + n]))
                n++;
            if (n == 4 && !isalnum((unsigned char)t[i + 4]) && (t[i] == '1' || t[i] == '2') &&
                !(t[i] == '2' && t[i + 1] > '1')) {
                years++;
                found = t + i;
            }
            i += n - 1;
        }
        if (years == 1)
            return cck_arena_strndup(a, found, 4);
        if (years > 1)
            return NULL;
        sec = s->sections[sec].parent;
    }
    return NULL;
}

/* A count per period is a rate, not a total: "100 deaths per month" is
 * deaths_per_month; growth of an economy is not growth of a population. */
static const char *rate_of(cck_arena *a, const ctx *x, const char *attr)
{
    static const char *const periods[] = {"day", "week", "month", "year", "annum", NULL};
    static const char *const per[] = {"per", "a", "each", "every", NULL};
    static const char *const economy[] = {"economic", "economy", "gdp", "industrial", "output",
                                          "trade", "exports", NULL};
    static const char *const people[] = {"population", "residents", "inhabitants", "people",
                                         "populations", NULL};
    if (!strcmp(attr, "growth_rate")) {
        for (size_t i = x->s0; i < x->s1; i++)
            if (low_eq(x, i, "growth") && ((i > x->s0 && in_words(economy, x->t[i - 1].low)) ||
                                           (i > x->s0 + 1 && in_words(economy, x->t[i - 2].low))))
                return "economic_growth_rate";
        for (size_t i = x->s0; i < x->s1; i++)
            if (in_words(people, x->t[i].low))
                return "population_growth_rate";
        for (size_t i = x->s0; i < x->s1; i++)
            if (in_words(economy, x->t[i].low) || low_eq(x, i, "gdp"))
                return "economic_growth_rate";
        return attr;
    }
    if (!strcmp(attr, "troops") || !strcmp(attr, "civilians")) {
        for (size_t i = x->s0; i < x->s1; i++)
            if (!strncmp(x->t[i].low, "evacuat", 7))
                return cck_arena_printf(a, "%s_evacuated", attr);
        return attr;
    }
    if (x->cl->kind != CCK_KIND_COUNT || strstr(attr, "_per_") || !strncmp(attr, "annual", 6))
        return attr;
    for (size_t i = x->c1; i < x->s1 && i < x->c1 + 4; i++) {
        if (low_eq(x, i, "annually") || low_eq(x, i, "yearly"))
            return cck_arena_printf(a, "%s_per_year", attr);
        if (i + 1 < x->s1 && in_words(per, x->t[i].low) && in_words(periods, x->t[i + 1].low))
            return cck_arena_printf(a, "%s_per_%s", attr,
                                    low_eq(x, i + 1, "annum") ? "year" : x->t[i + 1].low);
    }
    return attr;
}

/* ---- is the subject clear enough to compare? ----------------------------- */

/* Attributes told by the figure's kind or unit alone ("a count", "a date",
 * "a distance"): the sentence had no keyword, counted noun or header. */
static bool kind_only(const char *attr)
{
    static const char *const generic[] = {"count", "value", "date", "duration", "mass",
                                          "share", "rank", "distance", NULL};
    for (size_t i = 0; generic[i]; i++)
        if (!strcmp(attr, generic[i]))
            return true;
    return false;
}

/* Attributes that date an event: they belong to whatever the sentence says
 * happened, which in an article about a place is rarely the place itself. */
static bool dates_an_event(const char *attr)
{
    return !strcmp(attr, "founded") || !strcmp(attr, "period") || !strcmp(attr, "ended") ||
           !strcmp(attr, "born") || !strcmp(attr, "died") || !strcmp(attr, "rebuilt") ||
           !strcmp(attr, "destroyed");
}

/* "its population grew from 10,000 to 100,000": either end of a change
 * whose times the sentence does not give is not a figure for now. */
static bool describes_change(const ctx *x)
{
    static const char *const verbs[] = {
        "rose", "risen", "rising", "grew", "grown", "growing", "increased", "increasing",
        "exploded", "fell", "fallen", "dropped", "declined", "doubled", "tripled",
        "climbed", "jumped", "shrank", "shrunk", "expanded", "soared", "surged",
        "plummeted", "went", NULL};
    bool verb = false;
    for (size_t i = x->s0; i < x->s1 && !verb; i++)
        verb = in_words(verbs, x->t[i].low);
    if (!verb)
        return false;
    bool from_before = x->c0 > x->s0 && low_eq(x, x->c0 - 1, "from");
    bool to_after = x->c1 < x->s1 && low_eq(x, x->c1, "to");
    bool to_before = x->c0 > x->s0 && low_eq(x, x->c0 - 1, "to");
    bool from_earlier = false;
    for (size_t i = x->s0; i + 1 < x->c0 && to_before; i++)
        if (low_eq(x, i, "from") && x->t[i + 1].num)
            from_earlier = true;
    return (from_before && to_after) || (to_before && from_earlier);
}

/* True when the corpus knows the key as an event ("Korean War"): a period
 * of an event is its span, a period of a place says nothing by itself. */
static bool is_event(const table *tb, const char *key)
{
    const entry *e = lookup((table *)tb, key);
    return e && e->event;
}

/* True when a name of the sentence has the key ("Tarsk Port" names "tarsk"
 * when its port is folded to the town, as keys end the same way). */
static bool names_key(const ctx *x, const stoks *st, const char *key)
{
    size_t kl = strlen(key);
    for (size_t k = first_name(st, x->s0); k < st->nn && st->nm[k].t0 < x->s1; k++)
        if (!strncmp(st->nm[k].key, key, kl))
            return true;
    return false;
}

/* True when the sentence speaks of the article's main subject: names it,
 * or refers back to it with a pronoun or "the <head noun>" ("the city",
 * "the complex" for "... Fertilizer Complex"). */
static bool speaks_of_main(const ctx *x, const stoks *st, const char *main,
                           const char *main_key)
{
    for (size_t k = first_name(st, x->s0); k < st->nn && st->nm[k].t0 < x->s1; k++)
        if (!strcmp(st->nm[k].key, main_key))
            return true;
    static const char *const pronouns[] = {"it", "its", "he", "she", "his", "her", "itself",
                                           NULL};
    static const char *const place_nouns[] = {"city", "town", "village", "capital", "county",
                                              "province", "region", "country", "district",
                                              "municipality", "settlement", NULL};
    /* the main subject's head noun, lowercase ("complex") */
    const char *head = strrchr(main, ' ');
    head = head ? head + 1 : main;
    for (size_t i = x->s0; i < x->s1; i++) {
        const char *w = x->t[i].low;
        for (size_t k = 0; pronouns[k]; k++)
            if (!strcmp(w, pronouns[k]))
                return true;
        if (i == x->s0 || x->t[i].cap || strcmp(x->t[i - 1].low, "the"))
            continue;
        for (size_t k = 0; place_nouns[k]; k++)
            if (!strcmp(w, place_nouns[k]))
                return true;
        if (strlen(head) == strlen(w) && !strncasecmp_ascii(head, w))
            return true;
    }
    return false;
}

/* ---- the stage -------------------------------------------------------- */

/* A row header that is wholly a known name ("Chongjin" in a table of
 * cities), or the place a caption is "for", is the entity of the cells;
 * NULL otherwise. */
static const char *row_entity(const table *tb, const char *row, bool caption)
{
    if (!row || !*row)
        return NULL;
    size_t n = strlen(row), nt, nn;
    tok *t = tokenize(tb->a, row, 0, n, &nt);
    name *nm = find_names(tb, tb->a, row, t, 0, nt, &nn);
    const char *res = NULL;
    if (!caption && nn == 1 && nm[0].t0 == 0 && nm[0].t1 == nt && known(tb, &nm[0])) {
        /* a capitalised word seen only where any word is capitalised
         * ("Unemployment fell ...") is a common noun, not a name */
        const entry *e = lookup((table *)tb, nm[0].key);
        if (e && (e->count > e->initial || e->facility || e->event))
            res = disp_of(tb, &nm[0]);
    }
    /* a caption "Climate data for X": the known name after "for"/"of"/"in" */
    for (size_t k = 0; caption && k < nn && !res; k++) {
        size_t p = nm[k].t0;
        if (p > 0 && (!strcmp(t[p - 1].low, "for") || !strcmp(t[p - 1].low, "of") ||
                      !strcmp(t[p - 1].low, "in")) &&
            known(tb, &nm[k]))
            res = disp_of(tb, &nm[k]);
    }
    free(nm);
    free(t);
    return res;
}

static void subject_of(cck_source *s, cck_claim *cl, const stoks *st, const table *tb,
                       const char *main, const char *main_key)
{
    cck_arena *a = s->arena;
    const cck_unit *u = cl->unit_index < s->nunits ? &s->units[cl->unit_index] : NULL;
    if (u && (cl->start < u->start || cl->end > u->end))
        u = NULL;
    size_t us, ue;
    if (u) {
        us = u->start;
        ue = u->end;
    } else {
        /* no unit: the line around the claim */
        us = cl->start;
        while (us > 0 && s->bytes[us - 1] != '\n')
            us--;
        ue = cl->end;
        while (ue < s->len && s->bytes[ue] != '\n')
            ue++;
    }
    ctx x = {s->bytes, st->t, tok_at(st, us), tok_at(st, ue), tok_at(st, cl->start),
             tok_at(st, cl->end), cl, us};
    if (x.c1 <= x.c0 || x.c0 >= st->nt) {
        /* no word in the span (odd input): only the kind can tell */
        cl->entity = main;
        cl->attribute = cl->kind == CCK_KIND_COORDINATE ? "coordinates"
                      : cl->kind == CCK_KIND_DATE       ? "date"
                                                        : "value";
        cl->as_of = NULL;
        cl->unclear = true;
        return;
    }
    if (x.s1 < x.c1)
        x.s1 = x.c1;
    if (x.s0 > x.c0)
        x.s0 = x.c0;
    const char *as_of = NULL;
    const char *attr = NULL;
    const char *target = NULL;
    if (u && u->zone == CCK_ZONE_TABLE && (u->row_header || u->col_header) &&
        cl->kind != CCK_KIND_DATE && cl->kind != CCK_KIND_COORDINATE)
        attr = table_attr(a, u, &as_of);
    if (!attr) {
        attr = prose_attr(a, &x, u, st, tb, main, &target);
        if (!time_free(attr) && cl->kind != CCK_KIND_DATE && cl->kind != CCK_KIND_COORDINATE) {
            as_of = as_of_for(a, &x);
            if (!as_of && u)
                as_of = section_year(a, s, u->section);
        }
        attr = rate_of(a, &x, attr);
        const char *e = entity_for(a, &x, st, tb, u, main, main_key, attr, target);
        /* a distance between the main subject and another place belongs to
         * the other place ("the 112 km road to Wonsan" = Wonsan's distance
         * from the city), so that both ways of saying it meet */
        if (e == main && target && strcmp(target, main) &&
            strcmp(cck_rec_fold(a, target, strlen(target)), main_key) &&
            !names_key(&x, st, main_key)) {
            const char *from = strstr(attr, "_from_");
            if (from) {
                attr = cck_arena_printf(a, "%.*s_from_%s", (int)(from - attr), attr,
                                        snake(a, main));
                e = target;
            }
        }
        cl->entity = e == main ? main : cck_arena_strdup(a, e);
        cl->unclear = kind_only(attr) || (!as_of && !time_free(attr) && describes_change(&x)) ||
                      (e == main && dates_an_event(attr) &&
                       (!speaks_of_main(&x, st, main, main_key) ||
                        (!strcmp(attr, "period") && !is_event(tb, main_key))));
    } else {
        const char *e = row_entity(tb, u->row_header, false);
        if (!e)
            e = row_entity(tb, u->caption, true);
        cl->entity = e && strcmp(cck_rec_fold(a, e, strlen(e)), main_key)
                         ? cck_arena_strdup(a, e)
                         : main;
        cl->unclear = false;
    }
    cl->attribute = attr;
    cl->as_of = as_of;
    const char *canon = cck_rec_canonical(a, cl->entity);
    if (canon != cl->entity)
        cl->entity = cck_arena_strdup(a, canon);
}

void cck_rec_subjects(cck_corpus *c)
{
    table tb = {cck_arena_new(), NULL, 0, 0, NULL, 0, NULL, 0};
    stoks *st = cck_xcalloc(c->nsources ? c->nsources : 1, sizeof *st);
    for (size_t i = 0; i < c->nsources; i++) {
        cck_source *s = c->sources[i];
        st[i].s = s;
        st[i].t = tokenize(tb.a, s->bytes, 0, s->len, &st[i].nt);
        count_words(&tb, st[i].t, st[i].nt);
    }
    for (size_t i = 0; i < c->nsources; i++) {
        cck_source *s = c->sources[i];
        st[i].nm = find_names(&tb, tb.a, s->bytes, st[i].t, 0, st[i].nt, &st[i].nn);
        for (size_t k = 0; k < st[i].nn; k++)
            note_name(&tb, &st[i].nm[k], st[i].t, i);
    }
    /* the main subject of every article, then the aliases the text
     * declares ("X, known as Y"; "the city, then called Y") */
    const char ***mains = cck_arena_alloc(tb.a, (c->nsources + 1) * sizeof *mains);
    const char ***keys = cck_arena_alloc(tb.a, (c->nsources + 1) * sizeof *keys);
    for (size_t i = 0; i < c->nsources; i++) {
        cck_source *s = c->sources[i];
        size_t na = s->narticles ? s->narticles : 1;
        mains[i] = cck_arena_alloc(tb.a, na * sizeof **mains);
        keys[i] = cck_arena_alloc(tb.a, na * sizeof **keys);
        for (size_t k = 0; k < na; k++) {
            size_t as = s->narticles ? s->articles[k].start : 0;
            size_t ae = s->narticles ? s->articles[k].end : s->len;
            const char *title = s->narticles ? s->articles[k].title : "";
            const char *m = main_subject(&tb, &st[i], title, as, ae);
            {
                /* "Varn Dam" is the corpus's one "Lake Varn Dam" */
                const char *mk = cck_rec_fold(tb.a, m, strlen(m));
                m = expand_facility(&tb, mk, m);
            }
            mains[i][k] = cck_arena_strdup(s->arena, m);
            keys[i][k] = cck_rec_fold(tb.a, m, strlen(m));
        }
    }
    for (size_t i = 0; i < c->nsources; i++)
        declared_aliases(&tb, &st[i], keys[i]);
    for (size_t i = 0; i < c->nsources; i++) {
        cck_source *s = c->sources[i];
        size_t na = s->narticles ? s->narticles : 1;
        for (size_t k = 0; k < s->nclaims; k++) {
            cck_claim *cl = &s->claims[k];
            size_t art = 0;
            if (cl->unit_index < s->nunits)
                art = s->units[cl->unit_index].article;
            else
                for (size_t j = 0; j < s->narticles; j++)
                    if (cl->start >= s->articles[j].start)
                        art = j;
            if (art >= na)
                art = 0;
            subject_of(s, cl, &st[i], &tb, mains[i][art], keys[i][art]);
        }
    }
    for (size_t i = 0; i < c->nsources; i++) {
        free(st[i].t);
        free(st[i].nm);
    }
    free(st);
    free(tb.v);
    free(tb.h);
    free(tb.ix);
    cck_arena_free(tb.a);
}
