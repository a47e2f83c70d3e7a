/* subject_int.h: internal to reconcile/: what the three files of the
 * subject stage share. names.c finds who is named (tokens, name mentions,
 * the corpus's table of entities, declared aliases, each article's main
 * subject); attribute.c tells what a figure measures; subject.c decides the
 * entity and the time and runs the stage. Nothing here is public. */
#ifndef CCK_SUBJECT_INT_H
#define CCK_SUBJECT_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "claimcheck.h"

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
    size_t hash;        /* cck_rec_hash(key) */
    const char *disp;   /* display form of this mention */
    const char *noun;   /* an event's noun ("famine"), else NULL */
    const char *mod;    /* an event's modifier key ("northkorean"), else NULL */
    bool poss, facility, event;
    bool attribution;   /* "according to X": X is who says it, not what */
    bool initial;       /* opens a sentence or line (so its capital tells nothing) */
} name;

/* The table's counts, source numbers and entry numbers are 32 bits: each
 * stays at most cck_rec_bound (CCK_REC_BOUND unless a test lowers it), a
 * bound checked where it could be passed (the corpus's sources when the
 * stage starts, a shard's entries and an entry's mentions as they grow),
 * which stops the run as running out of memory does. A mention's number
 * within its source needs no check: a source has fewer names than bytes,
 * and at most CCK_SOURCE_MAX of those. */
#define CCK_REC_BOUND ((uint32_t)INT32_MAX)
extern uint32_t cck_rec_bound;
/* Stops the run: what passed cck_rec_bound. */
_Noreturn void cck_rec_over_bound(const char *what);

/* A display form of an entry and how often it was seen. */
typedef struct {
    const char *form;
    uint32_t count;
} dform;

/* The display forms of an entry seen (form_of(), form_count()). */
typedef union {
    const char *one;        /* nforms 1: the one form (seen count times) */
    dform *v;               /* else nforms of them with their counts, room
                               for nforms rounded up to a power of two */
} dforms;

/* What an entry seen as an event keeps: the last token of its last event
 * mention ("famine") and the key of the event's modifier ("northkorean",
 * or NULL), and its forms, moved here. Few entries are events: the others
 * keep no room for it. */
typedef struct {
    const char *noun;
    const char *mod;
    dforms f;
} evnames;

/* The most display forms one entry keeps count of (its nforms' room). */
#define CCK_REC_FORMS_MAX ((1u << 28) - 1)

/* An entity of the corpus (48 bytes: the table holds one per key). */
typedef struct {
    const char *key;
    const char *disp;       /* most frequent display form */
    union {
        dforms f;           /* the forms, unless an event: */
        evnames *ev;        /* has_ev: the event's names and the forms */
    } u;
    uint32_t first_src, first_at; /* first mention: source, and name within it */
    uint32_t count, nsrc;
    uint32_t initial;       /* mentions that open a sentence or line */
    uint32_t nforms : 28;
    uint32_t facility : 1, event : 1;
    uint32_t has_ev : 1;    /* some mention was an event */
    uint32_t seen : 1;      /* named by the source being noted (nsrc counts
                               it once; cck_rec_source_noted() clears it) */
} entry;

static inline const dforms *forms_of(const entry *e)
{
    return e->has_ev ? &e->u.ev->f : &e->u.f;
}

/* Display form k of an entry, and how often it was seen. */
static inline const char *form_of(const entry *e, uint32_t k)
{
    return e->nforms == 1 ? forms_of(e)->one : forms_of(e)->v[k].form;
}
static inline uint32_t form_count(const entry *e, uint32_t k)
{
    return e->nforms == 1 ? e->count : forms_of(e)->v[k].count;
}

static inline const char *event_noun_of(const entry *e) { return e->has_ev ? e->u.ev->noun : NULL; }
static inline const char *mod_key_of(const entry *e) { return e->has_ev ? e->u.ev->mod : NULL; }

typedef struct {
    const char *w;
    size_t lower, upper;    /* written lowercase / capitalised */
} wcount;

/* One part of the word counts: open addressing, at most half full. */
typedef struct {
    wcount *h;
    size_t cap, used;       /* slots, slots in use */
} wpart;

/* A slot of a shard's index of its keys: the entry's number + 1 (0:
 * empty) and the low 32 bits of its key's hash, so that a probe reads an
 * entry only when the hashes match. */
typedef struct {
    uint32_t at;
    uint32_t hash;
} ixslot;

/* A shard's entries are kept in chunks of CCK_REC_CHUNK, never moved. */
enum { CCK_REC_CHUNK_BITS = 10, CCK_REC_CHUNK = 1 << CCK_REC_CHUNK_BITS };

typedef struct table {
    cck_arena *a;           /* scratch for the whole run */
    entry **v;              /* a shard's entries: n of them, in chunks
                               (entry_at()); nv chunk pointers, cap entries */
    size_t n, cap, nv;
    entry **seen;           /* a shard's entries the source being noted
                               named (their seen bits), nseen of them */
    size_t nseen, seencap;
    entry **ord;            /* the whole table's: its n entries, in order, in
                               the shards' arrays (cck_rec_merge_shards());
                               NULL for one shard, whose order it is: read
                               it through ord_at() */
    wpart *wp;              /* word folds, in nwp parts by their hash's top bits
                               (one per thread, so that threads merge their
                               counts part by part at once) */
    size_t nwp;
    const char **common;    /* once the words are counted, instead of the
                               counts: the words common_word() is true of
                               (open addressing, ncommon slots), strings
                               in a */
    size_t ncommon;
    ixslot *ix;             /* hash of entry keys (ixcap slots) */
    size_t ixcap;
    const struct table *ixof; /* the whole table's index: the nixof shards, a
                               key's by its hash's top bits */
    size_t nixof;
    struct cck_suffixes *sx;/* facilities by the proper suffixes of their keys,
                               built on first use (names.c); may be NULL */
    size_t *events;         /* hash of event nouns: index + 1 of the entry a
                               bare noun stands for, 0 = empty; built on first
                               use (subject.c) once every name is in */
    size_t evcap;
    const struct cck_lex_index *kw; /* the keywords by first byte, for the stage */
} table;

/* Entry i of a shard. */
static inline entry *entry_at(const table *tb, size_t i)
{
    return &tb->v[i >> CCK_REC_CHUNK_BITS][i & (CCK_REC_CHUNK - 1)];
}

/* Entry i of the whole table, in the order of first mentions. */
static inline entry *ord_at(const table *tb, size_t i)
{
    return tb->ord ? tb->ord[i] : entry_at(&tb->ixof[0], i);
}

typedef struct {
    const cck_source *s;
    const char *b;          /* its text while the pass reads it
                               (cck_source_text()) */
    tok *t;
    size_t nt;
    name *nm;               /* every name mention of the source */
    size_t nn;
} stoks;

/* Reusable scratch of one pass over one source at a time: the arena the
 * tokens' and names' strings go to (emptied between sources) and the two
 * arrays, kept at their largest size so that no source reallocates them. */
typedef struct {
    cck_arena *a;
    tok *tv;
    size_t tcap;
    name *nv;
    size_t ncap;
} scratch;

/* What the main subject of an article needs from its text, gathered in
 * the names pass from the source alone (by key: the entries are numbered
 * once the table is whole); the answer is chosen once the table is
 * complete. The key named most often on its own (the first to reach that
 * count), and for every sub-run of a name in the title that the article
 * names, the key and how often. A sub-run the article does not name counts
 * 0 and could never be chosen, whatever later sources add. */
typedef struct {
    const char *top;        /* key (NULL: none) */
    size_t topn;            /* its count */
    const char **cand;      /* title candidates in title order */
    size_t *ccount;
    size_t ncand;
} artfacts;

/* An alias a text declares, to apply once every main subject is known:
 * the entry of key alias is another name of the entry of key to, or
 * (to_main) of the main subject of article art of the same source. */
typedef struct {
    const char *alias, *to;
    size_t art;
    bool to_main;
} aliasop;

/* Counts of keys within one article (open addressing, reused). */
typedef struct {
    struct keycount *v;
    size_t *used;           /* the slots in use */
    size_t cap;
} keycounts;

typedef struct {
    const char *b;
    const tok *t;
    size_t s0, s1;      /* sentence tokens */
    size_t c0, c1;      /* claim tokens */
    const cck_claim *cl;
    size_t us;          /* byte where the sentence starts */
    const struct cck_lex_index *kw; /* the table's keyword index */
} ctx;

/* ---- subject.c ---------------------------------------------------------- */

/* Tests: runs the words and names passes alone on njobs threads and prints
 * the table they build (every entry, in order, with its counts and display
 * forms) and what each article's main subject and each alias needs. */
void cck_rec_names_print(FILE *out, cck_corpus *c, unsigned njobs);
/* Tests: at most this many threads start in a pass of the stage, as when
 * the system refuses more ((size_t)-1, the default: no cap). A pass does the work
 * of the threads that could not start on those that did, or on the
 * calling thread; the names pass, whose workers each own a shard, runs
 * on every worker or on the calling thread alone. */
extern size_t cck_rec_thread_cap;

/* ---- names.c ------------------------------------------------------------ */

/* Case-insensitive ASCII comparisons: 0 when equal (the first n bytes; or
 * two whole strings). */
int cck_rec_casecmp_n(const char *a, const char *b, size_t n);
int cck_rec_casecmp(const char *a, const char *b);

/* A string's hash for the stage's open-addressing tables (FNV-1a, mixed). */
size_t cck_rec_hash(const char *w);
/* Splits b[start,end) into word tokens (malloc'd array, *nt of them). */
tok *cck_rec_tokenize(cck_arena *a, const char *b, size_t start, size_t end, size_t *nt);
/* The same into sc's reusable array, strings in sc->a; returns sc->tv. */
tok *cck_rec_tokenize_into(scratch *sc, const char *b, size_t start, size_t end, size_t *nt);
/* Counts how each word of b[start, end) is written (capitalised or not)
 * across the corpus, tokenizing as cck_rec_tokenize() does (scratch
 * strings in tmp); a word new to the table is copied into tb->a. */
void cck_rec_count_words(table *tb, cck_arena *tmp, const char *b, size_t start, size_t end);
/* A word fold's counts in tb, written capitalised and not (false: never
 * counted). */
bool cck_rec_word_count(const table *tb, const char *fold, size_t *upper, size_t *lower);
/* Splits tb's word counts (none yet) into nparts parts. */
void cck_rec_words_parts(table *tb, size_t nparts);
/* Adds the word counts of part k of from (a thread's) to those of part k
 * of to (split alike); the words' strings stay in from->a. */
void cck_rec_merge_words(table *to, const table *from, size_t k);
/* Frees the word counts' arrays. */
void cck_rec_words_free(table *tb);
/* Keeps in tb, instead of counts, the words that counts (tb itself, or
 * another table) says are common (their strings copied into tb->a), so
 * that the counts and their strings can be freed. */
void cck_rec_words_to_common(table *tb, const table *counts);
/* Frees the common words' index. */
void cck_rec_common_free(table *tb);
/* The name mentions among tokens [a0, a1) (malloc'd array, *nn of them). */
name *cck_rec_find_names(const table *tb, cck_arena *a, const char *b, tok *t, size_t a0,
                         size_t a1, size_t *nn);
/* The same into sc's reusable array, strings in sc->a; returns sc->nv. */
name *cck_rec_find_names_into(const table *tb, scratch *sc, const char *b, tok *t, size_t a0,
                              size_t a1, size_t *nn);

/* The corpus's entity of a key, or NULL. */
entry *cck_rec_lookup(table *tb, const char *key);
/* Adds mention `at` of source src to the table tb (the corpus's, or one
 * shard of it); the strings the table keeps are copied into tb->a (the
 * mention's may be scratch). */
void cck_rec_note_name(table *tb, const name *m, size_t src, size_t at);
/* Once every mention of a source is noted into tb: the next source's
 * mentions count its entries' sources anew. */
void cck_rec_source_noted(table *tb);
/* Frees shard tb's entries and index. */
void cck_rec_entries_free(table *tb);
/* Makes tb (empty) the table of n shards: their entries, numbered in the
 * order of their first mentions (ord_at()), as if every mention had been
 * noted into one table in corpus order; lookups go to the shards' indices.
 * The shards must outlive tb. */
void cck_rec_merge_shards(table *tb, table *shards, size_t n);
/* True when the corpus knows the name well enough to take it as an entity. */
bool cck_rec_known(const table *tb, const name *m);
/* The one longer facility a short form stands for, else disp. */
const char *cck_rec_expand_facility(const table *tb, const char *key, const char *disp);
/* Forgets the suffix index of facilities (after entries change their
 * display forms), and frees it. */
void cck_rec_suffixes_free(table *tb);
/* The display form of a mention: its entity's most frequent form. */
const char *cck_rec_disp_of(const table *tb, const name *m);
/* Finds "X, known as Y" and "the city, then called Y" in one source:
 * returns one operation per alias (*nops of them; the array and its keys
 * in keep, NULL when none). */
aliasop *cck_rec_find_aliases(const stoks *st, cck_arena *keep, size_t *nops);
/* Applies one alias once the table is whole; keys are the fold of each
 * article's main subject. */
void cck_rec_apply_alias(table *tb, const aliasop *op, const char *const *keys);
/* What the main subject of the article in [start, end) of a source needs,
 * into *f: candidate arrays and keys in keep, the title's tokens in tmp;
 * kc is scratch. tb is read only (the word counts). */
void cck_rec_article_facts(const table *tb, const stoks *st, const char *title, size_t start,
                           size_t end, cck_arena *tmp, cck_arena *keep, keycounts *kc,
                           artfacts *f);
void cck_rec_keycounts_free(keycounts *kc);
/* The main subject of an article from its facts, once the table is whole. */
const char *cck_rec_main_subject(const table *tb, const artfacts *f, const char *title);

/* ---- attribute.c -------------------------------------------------------- */

/* snake_case of s, ASCII letters and digits only (arena a). */
char *cck_rec_snake(cck_arena *a, const char *s);
/* The innermost "(" before the claim in its sentence, or (size_t)-1. */
size_t cck_rec_open_paren(const ctx *x, size_t ustart);
/* True when the token is a year (1000-2199); *year gets it. */
bool cck_rec_is_year_tok(const tok *t, const char *b, long *year);
/* The attribute a table cell's headers give, and its as_of (or NULL). */
const char *cck_rec_table_attr(cck_arena *a, const cck_table_cell *u, const char **as_of);
/* The attribute of a figure in prose; *dist_target gets the place a
 * distance is measured from. */
const char *cck_rec_prose_attr(cck_arena *a, const ctx *x, const cck_unit *u,
                               const stoks *st, const table *tb, const char *main, const char **dist_target);

/* ---- small helpers on tokens and sentences ------------------------------ */

/* True when only spaces (and at most one period after "No"/an initial)
 * separate tokens x and y. */
static inline bool adjacent(const char *b, const tok *x, const tok *y, bool allow_dot)
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

static inline bool in_words(const char *const *list, const char *w)
{
    for (size_t i = 0; list[i]; i++)
        if (list[i][0] == w[0] && !strcmp(list[i], w))
            return true;
    return false;
}

static inline size_t tok_at(const stoks *st, size_t off)
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
static inline size_t first_name(const stoks *st, size_t t)
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

static inline bool low_eq(const ctx *x, size_t i, const char *w) { return !strcmp(x->t[i].low, w); }

/* Semicolons end a clause for keyword search. */
static inline bool semicolon_between(const ctx *x, size_t i, size_t j)
{
    size_t lo = i < j ? x->t[i].e : x->t[j].e, hi = i < j ? x->t[j].s : x->t[i].s;
    for (size_t k = lo; k < hi; k++)
        if (x->b[k] == ';')
            return true;
    return false;
}

static inline size_t dist(const ctx *x, size_t i)
{
    if (i < x->c0)
        return x->c0 - i;
    if (i >= x->c1)
        return i - x->c1 + 1;
    return 0;
}

static inline bool dash_at(const char *b, size_t i, size_t end)
{
    while (i < end && b[i] == ' ')
        i++;
    if (i < end && b[i] == '-')
        return true;
    return i + 2 < end && (unsigned char)b[i] == 0xE2 && (unsigned char)b[i + 1] == 0x80 &&
           ((unsigned char)b[i + 2] == 0x93 || (unsigned char)b[i + 2] == 0x94);
}

static inline bool dash_before(const char *b, size_t i, size_t start)
{
    while (i > start && b[i - 1] == ' ')
        i--;
    if (i > start && b[i - 1] == '-')
        return true;
    return i >= start + 3 && (unsigned char)b[i - 3] == 0xE2 &&
           (unsigned char)b[i - 2] == 0x80 &&
           ((unsigned char)b[i - 1] == 0x93 || (unsigned char)b[i - 1] == 0x94);
}

/* Slots for an open-addressing table that will hold n keys: a power of
 * two, at least 16 and more than twice n, so probes stay short. */
static inline size_t cck_rec_hash_cap(size_t n)
{
    size_t cap = 16;
    while (cap < 2 * n + 2)
        cap *= 2;
    return cap;
}

#endif
