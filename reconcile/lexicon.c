/* lexicon.c: keyword tables for the subject stage. Only general English
 * words live here; nothing is specific to one document. */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon.h"

const char *const cck_lex_mon[13] = {"", "jan", "feb", "mar", "apr", "may", "jun",
                                     "jul", "aug", "sep", "oct", "nov", "dec"};

static const char *const month_full[13] = {
    "", "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december"};

/* The word lists are read several times for every token of the corpus
 * (a scan of the stopwords cost about 1,100 instructions a call): each is
 * also held in a small open-addressing table, built once, looked up by
 * hash. A slot's value is what the word maps to (a month, a variant). */
typedef struct {
    const char *w;
    int v;
} wslot;

enum {
    SET_STOP, SET_FACILITY, SET_GENERIC, SET_EVENT, SET_ANAPHOR, SET_PREP, SET_MONTH, SET_VARIANT,
    NSETS
};
enum { SET_SLOTS = 512 };   /* a power of two over twice the longest list */

static wslot sets[NSETS][SET_SLOTS];
static pthread_once_t sets_once = PTHREAD_ONCE_INIT;

static size_t word_hash(const char *w)
{
    uint32_t h = 2166136261u;
    for (; *w; w++)
        h = (h ^ (unsigned char)*w) * 16777619u;
    return (size_t)(h ^ (h >> 15));
}

static void set_add(int set, const char *w, int v)
{
    size_t i = word_hash(w) & (SET_SLOTS - 1);
    while (sets[set][i].w && strcmp(sets[set][i].w, w))
        i = (i + 1) & (SET_SLOTS - 1);
    if (!sets[set][i].w)
        sets[set][i] = (wslot){w, v};   /* a repeated word keeps its first value */
}

static void sets_build(void);

/* w in the set, its hash h given: every set is probed from the same slot */
static const wslot *set_find_h(int set, const char *w, size_t h)
{
    pthread_once(&sets_once, sets_build);
    size_t i = h & (SET_SLOTS - 1);
    for (const wslot *sl; (sl = &sets[set][i])->w; i = (i + 1) & (SET_SLOTS - 1))
        if (sl->w[0] == w[0] && !strcmp(sl->w, w))
            return sl;
    return NULL;
}

static const wslot *set_find(int set, const char *w) { return set_find_h(set, w, word_hash(w)); }

int cck_lex_month(const char *w)
{
    const wslot *sl = set_find(SET_MONTH, w);
    return sl ? sl->v : 0;
}

static const char *const stopwords[] = {
    "the", "a", "an", "in", "on", "at", "by", "from", "it", "its", "this", "that",
    "these", "those", "he", "she", "they", "we", "i", "you", "his", "her", "their",
    "our", "my", "as", "after", "before", "during", "when", "while", "since",
    "until", "with", "for", "and", "but", "or", "if", "despite", "unlike",
    "however", "although", "though", "there", "here", "some", "most", "many",
    "each", "both", "other", "another", "all", "one", "two", "three", "to", "of",
    "also", "what", "which", "who", "where", "why", "how", "yet", "so", "then",
    "thus", "following", "according", "under", "over", "about", "around",
    "estimates", "recent", "home", "view", "key", "source", "sources", "see",
    "further", "external", "note", "notes", "today", "contemporary", "nestled",
    "located", "known", "approximately", "nearly", "just", "only", "even",
    "even", "once", "later", "early", "late", "mid", "between", "within", "among",
    "is", "was", "are", "were", "no", "not", "new", "old", "major", "modern",
    "north", "south", "east", "west", "this", "thus", "has", "does", "us", "less",
    "plus", "per", "each", "every", "more", "than", "times", NULL};

bool cck_lex_stopword(const char *w)
{
    size_t h = word_hash(w);     /* once for both sets: this runs for every token */
    if (!set_find_h(SET_STOP, w, h))
        return set_find_h(SET_MONTH, w, h) != NULL;
    /* compass words may start a name ("North Korea"); the caller decides.
     * Tested only for listed words: this runs for every token. */
    return strcmp(w, "north") && strcmp(w, "south") && strcmp(w, "east") &&
           strcmp(w, "west") && strcmp(w, "new") && strcmp(w, "no");
}

static const char *const facility_heads[] = {
    "complex", "plant", "factory", "works", "mill", "mills", "theatre", "theater",
    "university", "library", "camp", "port", "station", "institute", "pavilion",
    "site", "market", "academy", "museum", "stadium", "bridge", "dam", "mine",
    "hospital", "school", "college", "airport", "prison", "shipyard", "harbour",
    "harbor", "refinery", "enterprise", "company", "corporation", "network",
    "line", "railway", "park", "palace", "temple", "tower", "centre", "center",
    "hotel", "farm", "nursery", "base", "reservoir", "library", "viaduct", "tunnel",
    "canal", "lighthouse", "cathedral", "church", "castle", "fort", "fortress", "aqueduct",
    "pier", "terminal", "arena", "observatory", "monastery", "mosque", "synagogue",
    "power", "building", NULL};

bool cck_lex_facility_head(const char *w) { return set_find(SET_FACILITY, w) != NULL; }

static const char *const generic_heads[] = {"plant", "complex", "factory", "works",
                                            "mill", "mills", NULL};

bool cck_lex_generic_head(const char *w) { return set_find(SET_GENERIC, w) != NULL; }

static const char *const variants[][2] = {
    {"fertiliser", "fertilizer"}, {"fertilisers", "fertilizers"},
    {"centre", "center"},         {"harbour", "harbor"},
    {"organisation", "organization"}, {"defence", "defense"},
    {"programme", "program"},     {"metre", "meter"},
    {"kilometre", "kilometer"},   {"labour", "labor"},
    {"theater", "theatre"},       {"vinylon", "vinalon"},
    {NULL, NULL}};

const char *cck_lex_variant(const char *w)
{
    const wslot *sl = set_find(SET_VARIANT, w);
    return sl ? variants[sl->v][1] : NULL;
}

/* Lowercase heads that refer back to the facility last named ("the camp",
 * "the pavilion"). */
static const char *const anaphors[] = {
    "camp", "prison", "plant", "complex", "factory", "facility", "mill", "works", "mine",
    "port", "theatre", "theater", "library", "university", "pavilion", "temple", "palace",
    "bridge", "museum", "station", "market", "church", "tower", "dam", NULL};

bool cck_lex_anaphor(const char *w) { return set_find(SET_ANAPHOR, w) != NULL; }

static const char *const event_nouns[] = {
    "famine", "evacuation", "war", "reconstruction", "uprising", "offensive",
    "campaign", "revolution", "massacre", "earthquake", "occupation", "bombing",
    "invasion", "siege", "battle", "rebellion", "flood", "floods", "election",
    "crisis", "epidemic", "pandemic", "movement", "dynasty", "programme", "program",
    "project", "armistice", NULL};

bool cck_lex_event_noun(const char *w) { return set_find(SET_EVENT, w) != NULL; }

static const char *const prepositions[] = {
    "after", "before", "during", "in", "of", "from", "since", "until", "following", "at",
    "by", "with", "to", "for", "near", "into", "on", "across", "throughout", "over",
    "under", "within", "outside", "inside", "beyond", "around", "along", "among",
    "between", "through", "via", "against", "without", NULL};

bool cck_lex_preposition(const char *w) { return set_find(SET_PREP, w) != NULL; }

static void sets_build(void)
{
    static const char *const *const lists[] = {
        [SET_STOP] = stopwords, [SET_FACILITY] = facility_heads,
        [SET_GENERIC] = generic_heads, [SET_EVENT] = event_nouns, [SET_ANAPHOR] = anaphors,
        [SET_PREP] = prepositions};
    for (int k = 0; k < SET_MONTH; k++)
        for (size_t i = 0; lists[k][i]; i++)
            set_add(k, lists[k][i], 1);
    for (int m = 1; m <= 12; m++) {
        set_add(SET_MONTH, month_full[m], m);
        set_add(SET_MONTH, cck_lex_mon[m], m);
    }
    set_add(SET_MONTH, "sept", 9);
    for (int i = 0; variants[i][0]; i++)
        set_add(SET_VARIANT, variants[i][0], i);
}

#define K(k) (1u << (k))
#define NUM (K(CCK_KIND_COUNT) | K(CCK_KIND_MEASURE))
#define CNT K(CCK_KIND_COUNT)
#define DAT K(CCK_KIND_DATE)
#define MEA K(CCK_KIND_MEASURE)
#define PCT K(CCK_KIND_PERCENT)
#define MON K(CCK_KIND_MONEY)

const cck_lex_keyword cck_lex_keywords[] = {
    {"population*", "population", NUM},
    {"inhabitant*", "population", NUM},
    {"resident*", "population", NUM},
    {"populous", "population", NUM},
    {"people", "population", CNT},
    {"citizens", "population", CNT},
    {"built", "founded", DAT},
    {"build", "founded", DAT},
    {"building", "founded", DAT},
    {"date", "founded", DAT},
    {"completion", "founded", DAT},
    {"finished", "founded", DAT},
    {"rebuilt", "rebuilt", DAT},
    {"reconstructed", "rebuilt", DAT},
    {"restored", "rebuilt", DAT},
    {"destroyed", "destroyed", DAT},
    {"demolished", "destroyed", DAT},
    {"commissioned", "founded", DAT},
    {"erected", "founded", DAT},
    {"unveiled", "founded", DAT},
    {"height", "height", MEA},
    {"long", "length", MEA},
    {"length", "length", MEA},
    {"stretches", "length", MEA},
    {"spans", "length", MEA},
    {"tall", "height", MEA},
    {"established", "founded", DAT},
    {"establishment", "founded", DAT},
    {"founded", "founded", DAT},
    {"est", "founded", DAT},
    {"dates", "founded", DAT},
    {"dating", "founded", DAT},
    {"founding", "founded", DAT},
    {"opened", "founded", DAT},
    {"opening", "founded", DAT},
    {"completed", "founded", DAT},
    {"constructed", "founded", DAT},
    {"construction", "founded", DAT},
    {"launched", "founded", DAT},
    {"initiated", "founded", DAT},
    {"inaugurated", "founded", DAT},
    {"created", "founded", DAT},
    {"died", "died", DAT},
    {"death", "died", DAT},
    {"born", "born", DAT},
    {"died", "deaths", CNT},
    {"deaths", "deaths", CNT},
    {"dead", "deaths", CNT},
    {"killed", "deaths", CNT},
    {"perished", "deaths", CNT},
    {"fatalities", "deaths", CNT},
    {"toll", "deaths", CNT},
    {"casualties", "casualties", CNT},
    {"capacity", "annual_capacity", NUM},
    {"annually", "annual_capacity", MEA},
    {"produced", "production", NUM},
    {"produces", "production", NUM},
    {"production", "production", NUM},
    {"output", "production", NUM},
    {"workers", "workers", CNT},
    {"employees", "workers", CNT},
    {"employ*", "workers", CNT},
    {"staff", "workers", CNT},
    {"inmate*", "inmates", CNT},
    {"prisoners", "inmates", CNT},
    {"detainees", "inmates", CNT},
    {"seats", "seats", CNT},
    {"seated", "seats", CNT},
    {"sit", "seats", CNT},
    {"seat", "seats", CNT},
    {"seating", "seats", CNT},
    {"ships", "ships", CNT},
    {"vessels", "ships", CNT},
    {"troops", "troops", CNT},
    {"soldiers", "troops", CNT},
    {"force", "troops", CNT},
    {"forces", "troops", CNT},
    {"refugees", "civilians", CNT},
    {"civilians", "civilians", CNT},
    {"vehicles", "vehicles", CNT},
    {"trolleybuses", "vehicles", CNT},
    {"buses", "vehicles", CNT},
    {"trams", "vehicles", CNT},
    {"cars", "vehicles", CNT},
    {"visits", "visits", CNT},
    {"visited", "visits", CNT},
    {"elevation", "elevation", MEA},
    {"altitude", "elevation", MEA},
    {"sea", "elevation", MEA},
    {"area", "area", MEA},
    {"destroyed", "destroyed_share", PCT},
    {"destruction", "destroyed_share", PCT},
    {"growth", "growth_rate", PCT},
    {"literacy", "literacy_rate", PCT},
    {"unemployment", "unemployment_rate", PCT},
    {"unemployed", "unemployment_rate", PCT},
    {"inflation", "inflation_rate", PCT},
    {"poverty", "poverty_rate", PCT},
    {"turnout", "turnout", PCT},
    {"gdp", "gdp", MON},
    {"gross", "gdp", MON},
    {"contributes", "gdp_contribution", MON},
    {"contribution", "gdp_contribution", MON},
    {"contributing", "gdp_contribution", MON},
    {"economy", "gdp", MON},
    {"economic", "gdp", MON},
    {"exports", "exports", MON},
    {"exported", "exports", MON},
    {"imports", "imports", MON},
    {"imported", "imports", MON},
    {"revenue*", "revenue", MON},
    {"turnover", "revenue", MON},
    {"sales", "revenue", MON},
    {"profit*", "profit", MON},
    {"debt", "debt", MON},
    {"invest*", "investment", MON},
    {"spending", "spending", MON},
    {"spent", "spending", MON},
    {"aid", "aid", MON},
    {"wage*", "wage", MON},
    {"salar*", "wage", MON},
    {"income", "income", MON},
    {"budget", "budget", MON},
    {"cost", "cost", MON},
    {"costs", "cost", MON},
    {"price", "price", MON},
};
const size_t cck_lex_nkeywords = sizeof cck_lex_keywords / sizeof *cck_lex_keywords;

struct cck_lex_index {
    size_t *by[256];
    size_t *pool;
};

cck_lex_index *cck_lex_index_new(void)
{
    size_t n = cck_lex_count(), star = 0;
    for (size_t k = 0; k < n; k++)
        star += cck_lex_get(k)->word[0] == '*';
    cck_lex_index *ix = cck_xcalloc(1, sizeof *ix);
    /* every keyword under its first byte, the '*' ones under every byte */
    ix->pool = cck_xcalloc(n + 256 * (star + 1), sizeof *ix->pool);
    size_t at = 0;
    for (unsigned c = 0; c < 256; c++) {
        ix->by[c] = ix->pool + at;
        for (size_t k = 0; k < n; k++) {
            unsigned char f = (unsigned char)cck_lex_get(k)->word[0];
            if (f == c || f == '*')
                ix->pool[at++] = k;
        }
        ix->pool[at++] = CCK_LEX_END;
    }
    return ix;
}

void cck_lex_index_free(cck_lex_index *ix)
{
    if (!ix)
        return;
    free(ix->pool);
    free(ix);
}

const size_t *cck_lex_candidates(const cck_lex_index *ix, const char *w)
{
    return ix->by[(unsigned char)w[0]];
}

bool cck_lex_match(const char *p, const char *w)
{
    if (p[0] != w[0] && p[0] != '*')
        return false; /* the common case, before strlen */
    size_t n = strlen(p);
    if (n && p[n - 1] == '*')
        return strncmp(p, w, n - 1) == 0;
    return strcmp(p, w) == 0;
}
