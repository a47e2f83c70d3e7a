/* subject.c: works out the subject of every claim: the entity (the
 * article's main subject unless the sentence clearly names another), the
 * attribute (attribute.c) and as_of (the time the sentence gives for a
 * changing quantity), and whether the subject is clear enough to compare.
 * Names and the corpus table live in names.c. */
#include <ctype.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon.h"
#include "reconcile.h"
#include "settings.h"
#include "subject_int.h"

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
                const entry *e = cck_rec_lookup((table *)tb, key);
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
        bool ana = !h->poss && cck_lex_anaphor(h->low);   /* not "the dam's station" */
        if (!ana || !(low_eq(x, i - 1, "the") || (m->cap && i >= 2 && low_eq(x, i - 2, "the"))))
            continue;
        size_t start = first_name(st, x->s0);
        for (size_t k = start; k > 0 && nm[k - 1].t0 + 300 > x->s0; k--) {
            const name *p = &nm[k - 1];
            const tok *last = &st->t[p->t1 - 1];
            if (p->facility && (!strcmp(last->low, h->low) || last->num))
                return cck_rec_expand_facility(tb, p->key, cck_rec_disp_of(tb, p));
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
    if (i > x->s0 && low_eq(x, i - 1, "the"))
        i--;
    return i > x->s0 && cck_lex_preposition(x->t[i - 1].low);
}

/* The event a bare noun ("the famine") stands for: the most frequent
 * "X famine" of the corpus whose X is itself a known name. */
/* An event whose modifier is a name several sources use ("North Korean
 * famine"), unlike a one-source nickname ("Arduous March famine"). */
static bool strong_event(const table *tb, const entry *e)
{
    const entry *m = mod_key_of(e) ? cck_rec_lookup((table *)tb, mod_key_of(e)) : NULL;
    return m && m->nsrc >= 2;
}

static size_t *event_slot(const table *tb, const char *noun)
{
    size_t i = cck_rec_hash(noun) & (tb->evcap - 1);
    while (tb->events[i] && strcmp(event_noun_of(ord_at(tb, tb->events[i] - 1)), noun))
        i = (i + 1) & (tb->evcap - 1);
    return &tb->events[i];
}

static const entry *event_entry(const table *tb, const char *noun)
{
    if (!tb->events) {
        /* the table is complete by the time entities are chosen: find each
         * noun's event once (was: every event entry scanned for each
         * claim, quadratic in the corpus) */
        table *t = (table *)tb;
        size_t n = 0;
        for (size_t i = 0; i < tb->n; i++)
            n += ord_at(tb, i)->event && event_noun_of(ord_at(tb, i));
        t->evcap = cck_rec_hash_cap(n);
        t->events = cck_xcalloc(t->evcap, sizeof *t->events);
        for (size_t i = 0; i < tb->n; i++) {
            const entry *e = ord_at(tb, i);
            if (!e->event || !event_noun_of(e))
                continue;
            size_t *sl = event_slot(tb, event_noun_of(e));
            const entry *best = *sl ? ord_at(tb, *sl - 1) : NULL;
            bool es = strong_event(tb, e), bs = best && strong_event(tb, best);
            if (!best || (es && !bs) || (es == bs && e->count > best->count))
                *sl = i + 1;
        }
    }
    size_t k = *event_slot(tb, noun);
    return k ? ord_at(tb, k - 1) : NULL;
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
        if (k < st->nn && st->nm[k].t0 == i + 2 && cck_rec_known(tb, &st->nm[k]))
            return cck_arena_printf(a, "%s %s", cck_rec_disp_of(tb, &st->nm[k]), x->t[i].low);
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
        "municipality", "metropolis", "commune", "borough", "prefecture", "urban",
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
        size_t from = i + 1;
        /* "the dam's power station": the main subject's own thing */
        if (from < x->c0 && x->t[from].poss && !x->t[from].cap) {
            const char *mh = strrchr(main, ' ');
            mh = mh ? mh + 1 : main;
            static const char *const selves[] = {"city", "town", "country", "village", NULL};
            if (!cck_rec_casecmp(mh, x->t[from].low) || in_words(selves, x->t[from].low))
                from++;
        }
        for (size_t j = from; j <= x->c0; j++) {
            const tok *w = &x->t[j];
            size_t wl = strlen(w->low);
            bool past = wl > 4 && !strcmp(w->low + wl - 2, "ed");  /* "was opened" */
            bool ends = j == x->c0 || w->cap || w->num || !isalpha((unsigned char)x->b[w->s]) ||
                        in_words(stops, w->low) || past ||
                        (j != from && !adjacent(x->b, &x->t[j - 1], w, false)) ||
                        (x->t[j - 1].poss && j != from);
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
        pick = cck_rec_disp_of(tb, (m));                                              \
        pick_key = (m)->key;                                                  \
    } while (0)

    if (!strncmp(attr, "distance_from_", 14) || strstr(attr, "_travel_time_from_")) {
        if (l > f && nm[f].t0 == x->s0 && nm[f].t1 <= x->c0 && cck_rec_known(tb, &nm[f]) &&
            (nm[f].facility || x->b[x->t[nm[f].t1 - 1].e] == ',' ||
             x->b[x->t[nm[f].t1 - 1].e] == ':') &&
            !(dist_target && !strcmp(cck_rec_disp_of(tb, &nm[f]), dist_target))) {
            PICK(&nm[f]);
            goto done;
        }
        for (size_t i = l; i > f; i--) {
            const name *m = &nm[i - 1];
            if (m->t1 > x->c0 || semicolon_between(x, m->t0, x->c0))
                continue;
            if (dist_target && !strcmp(cck_rec_disp_of(tb, m), dist_target))
                continue;
            if (cck_rec_known(tb, m)) {
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
            if (strcmp(m->key, main_key) && (cck_rec_known(tb, m) || m->t1 - m->t0 >= 2)) {
                PICK(m);
                goto done;
            }
            break;
        }
    }
    /* E1: "Name (figure)" */
    size_t p = cck_rec_open_paren(x, x->us);
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
                (cck_rec_known(tb, &nm[k]) || nm[k].t1 - nm[k].t0 >= 2)) {
                PICK(&nm[k]);
                goto done;
            }
    }
    /* E4: a known name right before the figure ("and Chongjin 760,165") */
    for (size_t k = f; k < l && x->cl->kind != CCK_KIND_DATE; k++) {
        if (nm[k].t1 == x->c0 && !nm[k].poss && cck_rec_known(tb, &nm[k]) &&
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
        if (m->poss && cck_rec_known(tb, m)) {
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
            if (cck_rec_known(tb, m) || m->t1 - m->t0 >= 2) {
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
            if (m->t1 - m->t0 >= 2 && cck_rec_known(tb, m) && !m->facility && !m->event) {
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
    if (l > f && nm[f].t0 == x->s0 && nm[f].t1 <= x->c0 && cck_rec_known(tb, &nm[f]) &&
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
        pick = cck_rec_expand_facility(tb, pick_key, pick);
    if (pick && pick_key && !strncmp(attr, "distance_from_", 14)) {
        /* a town's port lies where the town does: "X Port" -> "X" */
        size_t pl = strlen(pick);
        for (const char *const *h = (const char *const[]){" Port", " Harbour", " Harbor",
                                                          NULL};
             *h; h++) {
            size_t hl = strlen(*h);
            if (pl > hl && !strcmp(pick + pl - hl, *h)) {
                const char *town = cck_arena_strndup(a, pick, pl - hl);
                const entry *e = cck_rec_lookup((table *)tb, cck_rec_fold(a, town, pl - hl));
                if (e && e->nsrc >= 2) {
                    pick = e->disp;
                    pick_key = e->key;
                }
            }
        }
    }

    if (pick && pick_key) {
        /* a one-source nickname of an event is the well-known event */
        const entry *e = cck_rec_lookup((table *)tb, pick_key);
        if (e && e->event && event_noun_of(e) && !strong_event(tb, e)) {
            const entry *w = event_entry(tb, event_noun_of(e));
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
                                        "projection*", "survey", "est", "proj", "count",
                                        NULL};
    const char *best = NULL;
    size_t bd = (size_t)-1;
    for (size_t i = x->s0; i < x->s1; i++) {
        long y;
        if (i >= x->c0 && i < x->c1)
            continue;
        if (!cck_rec_is_year_tok(&x->t[i], x->b, &y) || semicolon_between(x, i, x->c0))
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
static const char *section_year(cck_arena *a, const cck_source *s, const char *text, int sec)
{
    for (int depth = 0; sec >= 0 && (size_t)sec < s->nsections && depth < 8; depth++) {
        size_t len;
        const char *t = cck_section_title_in(s, text, (size_t)sec, &len);
        const char *found = NULL;
        int years = 0;
        for (size_t i = 0; i < len; i++) {
            bool start = i == 0 || !isalnum((unsigned char)t[i - 1]);
            if (!start || !isdigit((unsigned char)t[i]))
                continue;
            size_t n = 0;
            while (i + n < len && isdigit((unsigned char)t[i + n]))
                n++;
            if (n == 4 && (i + 4 == len || !isalnum((unsigned char)t[i + 4])) &&
                (t[i] == '1' || t[i] == '2') && !(t[i] == '2' && t[i + 1] > '1')) {
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
    const entry *e = cck_rec_lookup((table *)tb, key);
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
        if (strlen(head) == strlen(w) && !cck_rec_casecmp(head, w))
            return true;
    }
    return false;
}

/* ---- the stage -------------------------------------------------------- */

/* A row header that is wholly a known name ("Chongjin" in a table of
 * cities), or the place a caption is "for", is the entity of the cells;
 * NULL otherwise. */
static const char *row_entity(const table *tb, cck_arena *tmp, const char *row, bool caption)
{
    if (!row || !*row)
        return NULL;
    size_t n = strlen(row), nt, nn;
    tok *t = cck_rec_tokenize(tmp, row, 0, n, &nt);
    name *nm = cck_rec_find_names(tb, tmp, row, t, 0, nt, &nn);
    const char *res = NULL;
    if (!caption && nn == 1 && nm[0].t0 == 0 && nm[0].t1 == nt && cck_rec_known(tb, &nm[0])) {
        /* a capitalised word seen only where any word is capitalised
         * ("Unemployment fell ...") is a common noun, not a name */
        const entry *e = cck_rec_lookup((table *)tb, nm[0].key);
        if (e && (e->count > e->initial || e->facility || e->event))
            res = cck_rec_disp_of(tb, &nm[0]);
    }
    /* a caption "Climate data for X": the known name after "for"/"of"/"in" */
    for (size_t k = 0; caption && k < nn && !res; k++) {
        size_t p = nm[k].t0;
        if (p > 0 && (!strcmp(t[p - 1].low, "for") || !strcmp(t[p - 1].low, "of") ||
                      !strcmp(t[p - 1].low, "in")) &&
            cck_rec_known(tb, &nm[k]))
            res = cck_rec_disp_of(tb, &nm[k]);
    }
    free(nm);
    free(t);
    return res;
}

/* The strings claims keep, each stored once by a thread of the stage:
 * most claims share their entity, attribute and year with others (of
 * their page, and of the corpus), and the stage works them out in
 * scratch. Slots are malloc'd. */
typedef struct {
    cck_arena *keep;
    const char **v;
    size_t cap, n;
} strset;

static const char *intern(strset *ss, const char *str)
{
    if ((ss->n + 1) * 2 > ss->cap) {
        const char **old = ss->v;
        size_t ocap = ss->cap;
        ss->cap = ocap ? ocap * 2 : 64;
        ss->v = cck_xcalloc(ss->cap, sizeof *ss->v);
        for (size_t i = 0; i < ocap; i++)
            if (old[i]) {
                size_t h = cck_rec_hash(old[i]) & (ss->cap - 1);
                while (ss->v[h])
                    h = (h + 1) & (ss->cap - 1);
                ss->v[h] = old[i];
            }
        free(old);
    }
    size_t h = cck_rec_hash(str) & (ss->cap - 1);
    while (ss->v[h] && strcmp(ss->v[h], str))
        h = (h + 1) & (ss->cap - 1);
    if (!ss->v[h]) {
        ss->v[h] = cck_arena_strdup(ss->keep, str);
        ss->n++;
    }
    return ss->v[h];
}

/* A string the stage made in scratch, kept; a static or source one as it is. */
static const char *keep(strset *ss, cck_arena *tmp, const char *str)
{
    return str && cck_arena_owns(tmp, str) ? intern(ss, str) : str;
}

static void subject_of(cck_source *s, cck_claim *cl, const stoks *st, const table *tb,
                       cck_arena *tmp, strset *ss, const char *main, const char *main_key)
{
    cck_arena *a = tmp;     /* what the claim keeps is interned below */
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
        while (us > 0 && st->b[us - 1] != '\n')
            us--;
        ue = cl->end;
        while (ue < s->len && st->b[ue] != '\n')
            ue++;
    }
    ctx x = {st->b, st->t, tok_at(st, us), tok_at(st, ue), tok_at(st, cl->start),
             tok_at(st, cl->end), cl, us, tb->kw};
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
    const cck_table_cell *cell = u ? cck_unit_cell(s, u) : NULL;
    if (u && u->zone == CCK_ZONE_TABLE && (cell->row_header || cell->col_header) &&
        cl->kind != CCK_KIND_DATE && cl->kind != CCK_KIND_COORDINATE)
        attr = cck_rec_table_attr(a, cell, &as_of);
    if (!attr) {
        attr = cck_rec_prose_attr(a, &x, u, st, tb, main, &target);
        if (!time_free(attr) && cl->kind != CCK_KIND_DATE && cl->kind != CCK_KIND_COORDINATE) {
            as_of = as_of_for(a, &x);
            if (!as_of && u)
                as_of = section_year(a, s, st->b, u->section);
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
                                        cck_rec_snake(a, main));
                e = target;
            }
        }
        cl->entity = e == main ? main : intern(ss, e);
        cl->unclear = kind_only(attr) || (!as_of && !time_free(attr) && describes_change(&x)) ||
                      (e == main && dates_an_event(attr) &&
                       (!speaks_of_main(&x, st, main, main_key) ||
                        (!strcmp(attr, "period") && !is_event(tb, main_key))));
    } else {
        const char *e = row_entity(tb, tmp, cell->row_header, false);
        if (!e)
            e = row_entity(tb, tmp, cell->caption, true);
        cl->entity = e && strcmp(cck_rec_fold(a, e, strlen(e)), main_key) ? intern(ss, e) : main;
        cl->unclear = false;
    }
    cl->attribute = keep(ss, tmp, attr);
    cl->as_of = keep(ss, tmp, as_of);
    /* "559,000, not 800,000", "rather than 12 km": a figure quoted to be denied */
    if (x.c0 > x.s0 && (low_eq(&x, x.c0 - 1, "not") || low_eq(&x, x.c0 - 1, "never") ||
                        (x.c0 > x.s0 + 1 && ((low_eq(&x, x.c0 - 2, "rather") &&
                                               low_eq(&x, x.c0 - 1, "than")) ||
                                              (low_eq(&x, x.c0 - 2, "instead") &&
                                               low_eq(&x, x.c0 - 1, "of"))))))
        cl->denied = true;
    const char *canon = cck_rec_canonical(a, cl->entity);
    if (canon != cl->entity)
        cl->entity = intern(ss, canon);
}

/* The scratch arena emptied for the next source, its memory kept. */
static cck_arena *scratch_empty(scratch *sc)
{
    if (sc->a)
        cck_arena_reset(sc->a);
    else
        sc->a = cck_arena_new_scratch();
    return sc->a;
}

/* One source's tokens and names in sc (its arena emptied first), from its
 * text, which tx holds if the source let it go. */
static void load(stoks *st, const cck_source *s, const table *tb, scratch *sc, cck_textbuf *tx)
{
    scratch_empty(sc);
    st->s = s;
    st->b = cck_source_text(s, tx);
    st->t = cck_rec_tokenize_into(sc, st->b, 0, s->len, &st->nt);
    st->nm = cck_rec_find_names_into(tb, sc, st->b, st->t, 0, st->nt, &st->nn);
}

/* The stage, one source at a time in each pass, so that only one source's
 * tokens and names live at once (a window of them with several threads):
 * count how every word is written; find the names and put them in the
 * corpus table, noting what each article's main subject and the aliases
 * the text declares will need; choose the main subjects; apply the
 * aliases; then tokenize each source once more for the subject of each of
 * its claims.
 *
 * With njobs > 1 the per-source work runs on that many threads and the
 * result is the same for any number: word counts are sums (each thread
 * counts into its own table, merged after); the names of a source are
 * found, and what its articles' main subjects and its aliases need is
 * worked out, by whichever thread reads it, by key and from the source
 * alone; the table is split into one shard per thread by the keys' hash,
 * and each thread puts every source's names of its shard into its shard
 * in source order, so that each entry sees its mentions in the order one
 * thread would; the shards' entries are then numbered in the order of
 * their first mentions, as one thread numbers them. The subjects of one
 * source's claims depend only on the finished table, which no thread
 * changes (its lazy indices are built before the threads start), and on
 * the source, which one thread handles. */

size_t cck_rec_thread_cap = (size_t)-1;

typedef struct run run;

/* One source's tokens and names in the names pass, in the scratch of the
 * worker that read it (so that only that thread allocates and frees its
 * memory), with its names' indices bucketed by shard: the names of shard
 * k are nm[ix[off[k]]], ..., nm[ix[off[k + 1] - 1]], in source order. */
typedef struct {
    size_t src;         /* the source it holds, or NO_SRC */
    scratch sc;
    stoks st;
    size_t *ix;         /* ixcap slots */
    size_t ixcap;
    size_t *off;        /* nshards + 1 */
} rbuf;

#define NO_SRC ((size_t)-1)

/* A source of the window of the names pass: read by a worker, noted in
 * order by every worker into its shard. */
typedef struct {
    size_t src;
    bool ready;
    size_t noted;       /* shards that have noted it */
    const rbuf *rb;     /* where its reader put it */
} slot;

typedef struct {
    run *r;
    scratch sc;
    cck_textbuf tx;     /* sources' text read again (cck_source_text()) */
    table local;        /* words pass: this thread's counts */
    size_t shard;       /* names pass: the shard it notes */
    size_t noted;       /* names pass: sources noted into its shard */
    cck_arena *keep;    /* names pass: facts of the sources it read (freed
                           once the main subjects are known) */
    cck_arena *aliases; /* names pass: the aliases they declare (freed once
                           applied) */
    cck_arena *mains;   /* main subjects: their arrays and keys */
    cck_arena *strs;    /* the strings claims keep (main subjects, entities,
                           attributes, times): the corpus's at the end */
    strset ss;          /* subjects pass: those of them in strs, once each */
    rbuf *ring;         /* names pass: its buffers, used in turn (nring) */
    size_t nring, ring_at;
    keycounts kc;
    pthread_t tid;
    bool started;
} worker;

struct run {
    cck_corpus *c;
    table *tb;
    const char ***mains, ***keys;
    int pass;           /* 1 words, 2 names, 3 subjects, 4 merging word counts,
                           5 main subjects */
    int gate;           /* names pass: 0 until every worker has started, then
                           1 to go, or -1 when one could not (all stop) */
    size_t next;        /* next source to take, under lock */
    pthread_mutex_t lock;
    pthread_cond_t cond;
    slot *slots;        /* names pass: window slots, source i in i % window */
    size_t window;
    size_t noted;       /* names pass: sources every shard has noted */
    table *shards;      /* names pass: the table by key hash, nshards parts */
    size_t nshards;
    artfacts **facts;   /* names pass: per source, per article */
    aliasop **ops;      /* names pass: per source, nops[i] of them */
    size_t *nops;
    table *const *merge;    /* pass 4: word counts merged into merge[0], */
    size_t nmerge;          /* nmerge tables split alike, a part a task */
};

static void subjects_of_source(cck_source *s, const table *tb, scratch *sc, cck_textbuf *tx,
                               strset *ss, const char *const *mains, const char *const *keys)
{
    if (!s->nclaims)
        return;
    stoks st;
    load(&st, s, tb, sc, tx);
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
        subject_of(s, cl, &st, tb, sc->a, ss, mains[art], keys[art]);
    }
}

/* Takes the next source of the pass, or returns false when none is left. */
static bool take_source(run *r, size_t *i)
{
    pthread_mutex_lock(&r->lock);
    bool ok = r->next < (r->pass == 4 ? r->merge[0]->nwp : r->c->nsources);
    if (ok)
        *i = r->next++;
    pthread_mutex_unlock(&r->lock);
    return ok;
}

/* Pass 5: the main subject of each article of s from its facts f, once
 * the table is whole: the array in a; the subjects are the table's strings
 * or the titles'. */
static void mains_of_source(const table *tb, const cck_source *s, const artfacts *f,
                            cck_arena *a, const char ***mains)
{
    size_t na = s->narticles ? s->narticles : 1;
    *mains = cck_arena_alloc(a, na * sizeof **mains);
    for (size_t k = 0; k < na; k++)
        (*mains)[k] = cck_rec_main_subject(tb, &f[k], s->narticles ? s->articles[k].title : "");
}

/* Pass 6, once the facts are gone and the facilities indexed by suffix:
 * each main subject of s as the corpus names it ("Varn Dam" is the
 * corpus's one "Lake Varn Dam"), kept in strs, and its key, in a. */
static void keys_of_source(const table *tb, const cck_source *s, cck_arena *a, cck_arena *strs,
                           const char **mains, const char ***keys)
{
    size_t na = s->narticles ? s->narticles : 1;
    *keys = cck_arena_alloc(a, na * sizeof **keys);
    for (size_t k = 0; k < na; k++) {
        const char *m = mains[k];
        const char *key = cck_rec_fold(a, m, strlen(m));
        const char *x = cck_rec_expand_facility(tb, key, m);
        if (x != m)
            key = cck_rec_fold(a, x, strlen(x));
        mains[k] = cck_arena_strdup(strs, x);
        (*keys)[k] = key;
    }
}

/* Names pass, source i: its tokens and names into sl; what its articles'
 * main subjects need, kept in keep, and the aliases it declares, in
 * aliases. */
static void read_names(run *r, size_t i, stoks *st, scratch *sc, cck_textbuf *tx,
                       cck_arena *keep, cck_arena *aliases, keycounts *kc)
{
    const cck_source *s = r->c->sources[i];
    load(st, s, r->tb, sc, tx);
    size_t na = s->narticles ? s->narticles : 1;
    artfacts *f = cck_arena_alloc(keep, na * sizeof *f);
    for (size_t k = 0; k < na; k++) {
        size_t as = s->narticles ? s->articles[k].start : 0;
        size_t ae = s->narticles ? s->articles[k].end : s->len;
        const char *title = s->narticles ? s->articles[k].title : "";
        cck_rec_article_facts(r->tb, st, title, as, ae, sc->a, keep, kc, &f[k]);
    }
    r->facts[i] = f;
    r->ops[i] = cck_rec_find_aliases(st, aliases, &r->nops[i]);
    /* the names are noted from their own strings, maybe on other threads,
     * once tx holds another source's text */
    st->b = NULL;
}

/* The shard of a key: the top bits of its hash (the tables use the low). */
static size_t shard_of(size_t hash, size_t nshards)
{
    return nshards == 1 ? 0 : (hash >> (sizeof hash * 8 - 16)) % nshards;
}

/* Names pass on a worker, source i: read into b, its names bucketed by
 * shard (a counting sort, which keeps each shard's in source order), so
 * that each noting worker walks only its own. */
static void read_bucketed(run *r, size_t i, rbuf *b, cck_textbuf *tx, cck_arena *keep,
                          cck_arena *aliases,
                          keycounts *kc)
{
    read_names(r, i, &b->st, &b->sc, tx, keep, aliases, kc);
    size_t ns = r->nshards, nn = b->st.nn;
    const name *nm = b->st.nm;
    if (!b->off)
        b->off = cck_xcalloc(ns + 1, sizeof *b->off);
    if (nn > b->ixcap) {
        free(b->ix);
        b->ixcap = nn > 2 * b->ixcap ? nn : 2 * b->ixcap;
        b->ix = cck_xreallocarray(NULL, b->ixcap, sizeof *b->ix);
    }
    memset(b->off, 0, (ns + 1) * sizeof *b->off);
    for (size_t m = 0; m < nn; m++)
        b->off[shard_of(nm[m].hash, ns) + 1]++;
    for (size_t k = 0; k < ns; k++)
        b->off[k + 1] += b->off[k];
    /* off[k] is where shard k's next index goes; afterwards it is where
     * shard k + 1's begin, so the offsets shift back by one */
    for (size_t m = 0; m < nn; m++)
        b->ix[b->off[shard_of(nm[m].hash, ns)]++] = m;
    for (size_t k = ns; k > 0; k--)
        b->off[k] = b->off[k - 1];
    b->off[0] = 0;
}

/* Names pass, the source in b: its names of shard k into that shard. */
static void note_bucket(run *r, size_t k, const rbuf *b)
{
    for (size_t j = b->off[k]; j < b->off[k + 1]; j++)
        cck_rec_note_name(&r->shards[k], &b->st.nm[b->ix[j]], b->src, b->ix[j]);
    cck_rec_source_noted(&r->shards[k]);
}

/* Names pass on one thread, source src: each of its names into its shard
 * (in source order within each shard, as the workers note them). */
static void note_all(run *r, const stoks *st, size_t src)
{
    for (size_t m = 0; m < st->nn; m++)
        cck_rec_note_name(&r->shards[shard_of(st->nm[m].hash, r->nshards)], &st->nm[m], src, m);
    for (size_t k = 0; k < r->nshards; k++)
        cck_rec_source_noted(&r->shards[k]);
}

/* Names pass on a worker: notes the next source of its shard when it is
 * read, else reads the next source when the window has room, else waits. */
static void names_work(worker *w)
{
    run *r = w->r;
    size_t n = r->c->nsources;
    pthread_mutex_lock(&r->lock);
    /* a shard nobody notes would keep the window from moving: the pass
     * runs on every worker or on none */
    while (!r->gate)
        pthread_cond_wait(&r->cond, &r->lock);
    if (r->gate < 0) {
        pthread_mutex_unlock(&r->lock);
        return;
    }
    for (;;) {
        slot *mine = w->noted < n ? &r->slots[w->noted % r->window] : NULL;
        if (mine && mine->ready && mine->src == w->noted) {
            size_t i = w->noted;
            pthread_mutex_unlock(&r->lock);
            note_bucket(r, w->shard, mine->rb);
            pthread_mutex_lock(&r->lock);
            w->noted++;
            if (++mine->noted == r->nshards) {
                /* every shard goes in source order: all before i are done */
                mine->ready = false;
                mine->noted = 0;
                r->noted = i + 1;
                pthread_cond_broadcast(&r->cond);
            }
            continue;
        }
        /* its buffers are used in source order: the next is free once
         * every shard has noted the source it holds */
        rbuf *b = &w->ring[w->ring_at];
        if (r->next < n && r->next < r->noted + r->window &&
            (b->src == NO_SRC || b->src < r->noted)) {
            size_t i = r->next++;
            slot *sl = &r->slots[i % r->window];
            w->ring_at = (w->ring_at + 1) % w->nring;
            b->src = i;
            pthread_mutex_unlock(&r->lock);
            read_bucketed(r, i, b, &w->tx, w->keep, w->aliases, &w->kc);
            pthread_mutex_lock(&r->lock);
            sl->rb = b;
            sl->src = i;
            sl->ready = true;
            pthread_cond_broadcast(&r->cond);
            continue;
        }
        if (w->noted == n)
            break;
        pthread_cond_wait(&r->cond, &r->lock);
    }
    pthread_mutex_unlock(&r->lock);
}

static void *work(void *arg)
{
    worker *w = arg;
    run *r = w->r;
    if (r->pass == 2) {
        names_work(w);
        return NULL;
    }
    size_t i;
    while (take_source(r, &i)) {
        if (r->pass == 4) {
            /* part i of every table's counts into the first's */
            for (size_t k = 1; k < r->nmerge; k++)
                cck_rec_merge_words(r->merge[0], r->merge[k], i);
            continue;
        }
        cck_source *s = r->c->sources[i];
        if (r->pass == 5) {
            mains_of_source(r->tb, s, r->facts[i], w->mains, &r->mains[i]);
            continue;
        }
        if (r->pass == 6) {
            keys_of_source(r->tb, s, w->mains, w->strs, r->mains[i], &r->keys[i]);
            continue;
        }
        if (r->pass == 1) {
            cck_rec_count_words(&w->local, scratch_empty(&w->sc), cck_source_text(s, &w->tx), 0,
                                s->len);
        } else {
            subjects_of_source(s, r->tb, &w->sc, &w->tx, &w->ss, r->mains[i], r->keys[i]);
        }
    }
    return NULL;
}

/* Runs one pass on the workers; returns how many threads started (0: the
 * caller does the pass alone). */
static size_t start(run *r, worker *w, size_t nw, int pass)
{
    r->pass = pass;
    r->next = 0;
    size_t n = 0;
    for (size_t k = 0; k < nw; k++) {
        w[k].started = n < cck_rec_thread_cap &&
                       pthread_create(&w[k].tid, NULL, work, &w[k]) == 0;
        n += w[k].started;
    }
    return n;
}

static void join(worker *w, size_t nw)
{
    for (size_t k = 0; k < nw; k++)
        if (w[k].started) {
            pthread_join(w[k].tid, NULL);
            w[k].started = false;
        }
}

static void free_scratch(scratch *sc)
{
    cck_arena_free(sc->a);
    free(sc->tv);
    free(sc->nv);
    memset(sc, 0, sizeof *sc);
}

/* The whole stage's state, so that the tests can run its first passes. */
typedef struct {
    cck_corpus *c;
    cck_lex_index *kw;
    table tb;
    table words;        /* the word counts, on the calling thread alone */
    run r;
    worker *w;
    size_t nw;          /* worker threads (0: the calling thread alone) */
    scratch sc;         /* the calling thread's */
    cck_textbuf tx;     /* the calling thread's: sources' text read again */
    cck_arena *keep;    /* the calling thread's facts */
    cck_arena *aliases; /* and aliases */
    cck_arena *mains;   /* the calling thread's main subjects */
    cck_arena *strs;    /* the calling thread's strings claims keep */
    strset ss;          /* and those of them in strs, once each */
    keycounts kc;
} stage;

static void stage_begin(stage *g, cck_corpus *c, unsigned njobs)
{
    memset(g, 0, sizeof *g);
    if (c->nsources > cck_rec_bound)
        cck_rec_over_bound("sources in the corpus");
    g->c = c;
    g->kw = cck_lex_index_new();
    g->tb = (table){.a = cck_arena_new(), .kw = g->kw};
    g->words = (table){.a = cck_arena_new()};
    g->nw = njobs > 1 && c->nsources > 1 ? njobs : 0;
    if (g->nw > c->nsources)
        g->nw = c->nsources;
    g->r = (run){.c = c, .tb = &g->tb};
    pthread_mutex_init(&g->r.lock, NULL);
    pthread_cond_init(&g->r.cond, NULL);
    g->w = cck_xcalloc(g->nw ? g->nw : 1, sizeof *g->w);
    for (size_t k = 0; k < g->nw; k++) {
        g->w[k] = (worker){.r = &g->r, .local = {.a = cck_arena_new()}, .mains = cck_arena_new(),
                           .strs = cck_arena_new()};
        g->w[k].ss.keep = g->w[k].strs;
        cck_rec_words_parts(&g->w[k].local, g->nw);
    }
    g->keep = cck_arena_new();
    g->aliases = cck_arena_new();
    g->mains = cck_arena_new();
    g->strs = cck_arena_new();
    g->ss.keep = g->strs;
}

/* Once the aliases are applied, they go. */
static void stage_aliases_free(stage *g)
{
    for (size_t k = 0; k < g->nw; k++) {
        cck_arena_free(g->w[k].aliases);
        g->w[k].aliases = NULL;
    }
    cck_arena_free(g->aliases);
    g->aliases = NULL;
    g->r.ops = NULL;
}

/* Once the main subjects are known: the facts they rest on go. */
static void stage_facts_free(stage *g)
{
    for (size_t k = 0; k < g->nw; k++) {
        cck_arena_free(g->w[k].keep);
        g->w[k].keep = NULL;
    }
    cck_arena_free(g->keep);
    g->keep = NULL;
    g->r.facts = NULL;
}

/* The word counts of t[1..n) added to t[0]'s (all split alike), each part
 * merged on whichever of the stage's threads takes it, or every part on
 * this thread when none starts; then t[1..n)'s counts go (the words'
 * strings stay in the arenas of the tables they came from). */
static void merge_counts(stage *g, table *const *t, size_t n)
{
    g->r.merge = t;
    g->r.nmerge = n;
    if (n > 1 && start(&g->r, g->w, g->nw, 4))
        join(g->w, g->nw);
    else
        for (size_t k = 1; k < n; k++)
            for (size_t part = 0; part < t[0]->nwp; part++)
                cck_rec_merge_words(t[0], t[k], part);
    g->r.merge = NULL;
    g->r.nmerge = 0;
    for (size_t k = 1; k < n; k++)
        cck_rec_words_free(t[k]);
}

/* 1: how each word is written. The counts are in the table it returns
 * (thread 0's, or g->words), until stage_common(). */
static const table *stage_words(stage *g)
{
    cck_corpus *c = g->c;
    worker *w = g->w;
    if (start(&g->r, w, g->nw, 1)) {
        join(w, g->nw);
        /* into thread 0's table, which the stage then takes */
        table **t = cck_xcalloc(g->nw, sizeof *t);
        for (size_t k = 0; k < g->nw; k++)
            t[k] = &w[k].local;
        merge_counts(g, t, g->nw);
        free(t);
        return &w[0].local;
    }
    for (size_t i = 0; i < c->nsources; i++) {
        cck_rec_count_words(&g->words, scratch_empty(&g->sc),
                            cck_source_text(c->sources[i], &g->tx), 0, c->sources[i]->len);
    }
    return &g->words;
}

/* The words' counts are read only to tell which words are common: the
 * table keeps those words, the counts and every word's string go. */
static void stage_common(stage *g, const table *counts)
{
    cck_rec_words_to_common(&g->tb, counts);
    cck_rec_words_free(&g->words);
    cck_arena_free(g->words.a);
    g->words.a = NULL;
    for (size_t k = 0; k < g->nw; k++) {
        cck_rec_words_free(&g->w[k].local);
        cck_arena_free(g->w[k].local.a);
        g->w[k].local.a = NULL;
    }
}

/* 2: the names; what each article's main subject needs; declared aliases */
static void stage_names(stage *g)
{
    cck_corpus *c = g->c;
    run *r = &g->r;
    worker *w = g->w;
    size_t nw = g->nw;
    r->facts = cck_arena_alloc(g->tb.a, (c->nsources + 1) * sizeof *r->facts);
    r->ops = cck_arena_alloc(g->tb.a, (c->nsources + 1) * sizeof *r->ops);
    r->nops = cck_arena_alloc(g->tb.a, (c->nsources + 1) * sizeof *r->nops);
    r->nshards = nw ? nw : 1;
    r->shards = cck_xcalloc(r->nshards, sizeof *r->shards);
    for (size_t k = 0; k < r->nshards; k++)
        r->shards[k].a = cck_arena_new();
    r->window = nw * 16;
    r->slots = cck_xcalloc(r->window ? r->window : 1, sizeof *r->slots);
    for (size_t k = 0; k < nw; k++) {
        w[k].shard = k;
        w[k].keep = cck_arena_new();
        w[k].aliases = cck_arena_new();
        /* as many as its share of the window: more could not be in use */
        w[k].nring = 16;
        w[k].ring_at = 0;
        w[k].ring = cck_xcalloc(w[k].nring, sizeof *w[k].ring);
        for (size_t j = 0; j < w[k].nring; j++)
            w[k].ring[j].src = NO_SRC;
    }
    r->gate = 0;
    size_t started = start(r, w, nw, 2);
    pthread_mutex_lock(&r->lock);
    r->gate = nw && started == nw ? 1 : -1;
    pthread_cond_broadcast(&r->cond);
    pthread_mutex_unlock(&r->lock);
    join(w, nw);
    if (r->gate < 0) {
        /* this thread alone, every shard in turn, as the workers would */
        stoks st;
        for (size_t i = 0; i < c->nsources; i++) {
            read_names(r, i, &st, &g->sc, &g->tx, g->keep, g->aliases, &g->kc);
            note_all(r, &st, i);
        }
    }
    cck_rec_merge_shards(&g->tb, r->shards, r->nshards);
    free(r->slots);
    r->slots = NULL;
    for (size_t k = 0; k < nw; k++) {
        for (size_t j = 0; j < w[k].nring; j++) {
            free_scratch(&w[k].ring[j].sc);
            free(w[k].ring[j].ix);
            free(w[k].ring[j].off);
        }
        free(w[k].ring);
        w[k].ring = NULL;
        w[k].nring = 0;
        cck_rec_keycounts_free(&w[k].kc);
    }
    cck_rec_keycounts_free(&g->kc);
}

static void stage_end(stage *g)
{
    /* the strings the claims keep stay with the corpus (in big blocks: a
     * source's own arena would take a new block for a few of them) */
    for (size_t k = 0; k < g->nw; k++) {
        cck_arena_adopt(g->c->arena, g->w[k].strs);
        free(g->w[k].ss.v);
    }
    cck_arena_adopt(g->c->arena, g->strs);
    free(g->ss.v);
    for (size_t k = 0; k < g->nw; k++) {
        free_scratch(&g->w[k].sc);
        cck_textbuf_free(&g->w[k].tx);
        cck_arena_free(g->w[k].keep);
        cck_arena_free(g->w[k].aliases);
        cck_arena_free(g->w[k].mains);
        cck_rec_words_free(&g->w[k].local);
        cck_arena_free(g->w[k].local.a);
    }
    cck_rec_words_free(&g->words);
    cck_arena_free(g->words.a);
    free(g->w);
    free_scratch(&g->sc);
    cck_textbuf_free(&g->tx);
    pthread_cond_destroy(&g->r.cond);
    pthread_mutex_destroy(&g->r.lock);
    table *tb = &g->tb;
    free(tb->ord);
    cck_rec_words_free(tb);
    cck_rec_common_free(tb);
    free(tb->ix);
    cck_arena_free(g->keep);
    cck_arena_free(g->aliases);
    cck_arena_free(g->mains);
    for (size_t k = 0; k < g->r.nshards; k++) {
        cck_rec_entries_free(&g->r.shards[k]);
        cck_arena_free(g->r.shards[k].a);
    }
    free(g->r.shards);
    free(tb->events);
    cck_rec_suffixes_free(tb);
    cck_arena_free(tb->a);
    cck_lex_index_free(g->kw);
    /* the stage's tables were many small blocks amid the heap: give their
     * pages back, or what the report allocates next in big blocks of its
     * own would add to the peak instead of reusing them */
    cck_mem_trim();
}

void cck_rec_names_print(FILE *out, cck_corpus *c, unsigned njobs)
{
    stage g;
    stage_begin(&g, c, njobs);
    const table *tb = stage_words(&g);
    /* the word counts, whatever parts they are in: how many, their sums,
     * and a sum over the words of their hash mixed with their counts */
    size_t nwords = 0, upper = 0, lower = 0, digest = 0;
    for (size_t k = 0; k < tb->nwp; k++)
        for (size_t j = 0; j < tb->wp[k].cap; j++) {
            const wcount *wc = &tb->wp[k].h[j];
            if (!wc->w)
                continue;
            nwords++;
            upper += wc->upper;
            lower += wc->lower;
            digest += cck_rec_hash(wc->w) ^ (wc->upper * (size_t)0x9e3779b97f4a7c15u) ^
                      (wc->lower * (size_t)0xc2b2ae3d27d4eb4fu);
        }
    fprintf(out, "words %zu upper %zu lower %zu digest %zx\n", nwords, upper, lower, digest);
    stage_common(&g, tb);
    tb = &g.tb;
    /* the common words, in the order of their slots */
    size_t ncommon = 0, cdigest = 0;
    for (size_t j = 0; j < tb->ncommon; j++)
        if (tb->common[j]) {
            ncommon++;
            cdigest += cck_rec_hash(tb->common[j]);
        }
    fprintf(out, "common %zu digest %zx\n", ncommon, cdigest);
    stage_names(&g);
    for (size_t i = 0; i < tb->n; i++) {
        const entry *e = ord_at(tb, i);
        fprintf(out, "%zu %s %zx first %lu:%lu disp \"%s\" count %lu nsrc %lu "
                "initial %lu fac %d ev %d noun %s mod %s forms",
                i, e->key, cck_rec_hash(e->key), (unsigned long)e->first_src,
                (unsigned long)e->first_at, e->disp, (unsigned long)e->count,
                (unsigned long)e->nsrc, (unsigned long)e->initial,
                e->facility, e->event, event_noun_of(e) ? event_noun_of(e) : "-",
                mod_key_of(e) ? mod_key_of(e) : "-");
        for (uint32_t f = 0; f < e->nforms; f++)
            fprintf(out, " \"%s\"x%lu", form_of(e, f), (unsigned long)form_count(e, f));
        fputc('\n', out);
        if (cck_rec_lookup((table *)tb, e->key) != e)
            fprintf(out, "index: %s not found\n", e->key);
    }
    for (size_t i = 0; i < c->nsources; i++) {
        const cck_source *s = c->sources[i];
        size_t na = s->narticles ? s->narticles : 1;
        for (size_t k = 0; k < na; k++) {
            const artfacts *f = &g.r.facts[i][k];
            fprintf(out, "src %zu art %zu top %s x%zu cand", i, k, f->top ? f->top : "-",
                    f->topn);
            for (size_t j = 0; j < f->ncand; j++)
                fprintf(out, " %s x%zu", f->cand[j], f->ccount[j]);
            fputc('\n', out);
        }
        for (size_t k = 0; k < g.r.nops[i]; k++) {
            const aliasop *op = &g.r.ops[i][k];
            fprintf(out, "src %zu alias %s -> %s art %zu main %d\n", i, op->alias,
                    op->to ? op->to : "-", op->art, op->to_main);
        }
    }
    stage_end(&g);
}

void cck_rec_subjects(cck_corpus *c) { cck_rec_subjects_n(c, 1); }

/* A reading thread's word counts, in as many parts as there are slots,
 * so that the parts merge as the stage's own threads' do. */
typedef struct {
    table tb;
    scratch sc;
    cck_textbuf tx;
    size_t nsrc;            /* sources counted */
    size_t bytes;           /* and their bytes */
} countslot;

struct cck_rec_wordcount {
    size_t n;
    countslot *slot;
};

cck_rec_wordcount *cck_rec_wordcount_new(unsigned nslots)
{
    cck_rec_wordcount *w = cck_xcalloc(1, sizeof *w);
    w->n = nslots ? nslots : 1;
    w->slot = cck_xcalloc(w->n, sizeof *w->slot);
    for (size_t k = 0; k < w->n; k++) {
        w->slot[k].tb = (table){.a = cck_arena_new()};
        cck_rec_words_parts(&w->slot[k].tb, w->n);
    }
    return w;
}

unsigned cck_rec_wordcount_slots(const cck_rec_wordcount *w) { return (unsigned)w->n; }

void cck_rec_wordcount_add(cck_rec_wordcount *w, unsigned k, const cck_source *s)
{
    countslot *sl = &w->slot[k];
    cck_rec_count_words(&sl->tb, scratch_empty(&sl->sc), cck_source_text(s, &sl->tx), 0, s->len);
    sl->nsrc++;
    sl->bytes += s->len;
}

void cck_rec_wordcount_free(cck_rec_wordcount *w)
{
    if (!w)
        return;
    for (size_t k = 0; k < w->n; k++) {
        cck_rec_words_free(&w->slot[k].tb);
        cck_arena_free(w->slot[k].tb.a);
        free_scratch(&w->slot[k].sc);
        cck_textbuf_free(&w->slot[k].tx);
    }
    free(w->slot);
    free(w);
}

/* True when w counted exactly c's sources: as many, as many bytes. */
static bool counted_all(const cck_rec_wordcount *w, const cck_corpus *c)
{
    size_t n = 0, bytes = 0, want = 0;
    for (size_t k = 0; k < w->n; k++) {
        n += w->slot[k].nsrc;
        bytes += w->slot[k].bytes;
    }
    for (size_t i = 0; i < c->nsources; i++)
        want += c->sources[i]->len;
    return n == c->nsources && bytes == want;
}

static void subjects_of_all(cck_corpus *c, unsigned njobs, cck_rec_wordcount *pre);

void cck_rec_subjects_n(cck_corpus *c, unsigned njobs) { subjects_of_all(c, njobs, NULL); }

bool cck_rec_subjects_counted(cck_corpus *c, unsigned njobs, cck_rec_wordcount *w)
{
    if (w && !counted_all(w, c)) {
        cck_rec_wordcount_free(w);
        w = NULL;
    }
    subjects_of_all(c, njobs, w);
    return w != NULL;
}

/* The slots' counts in slot 0's table, merged part by part on the stage's
 * threads as stage_words() merges its own (one thread merging every part
 * took 0.08 s of -j2 on the 100 MB bench corpus, with the other idle). */
static const table *merged_counts(stage *g, cck_rec_wordcount *w)
{
    table **t = cck_xcalloc(w->n, sizeof *t);
    for (size_t k = 0; k < w->n; k++)
        t[k] = &w->slot[k].tb;
    merge_counts(g, t, w->n);
    free(t);
    return &w->slot[0].tb;
}

static void subjects_of_all(cck_corpus *c, unsigned njobs, cck_rec_wordcount *pre)
{
    stage g;
    stage_begin(&g, c, njobs);
    table *tb = &g.tb;
    run *r = &g.r;
    stage_common(&g, pre ? merged_counts(&g, pre) : stage_words(&g));
    cck_rec_wordcount_free(pre);    /* the common words are the table's own strings */
    stage_names(&g);

    /* the main subject of every article (on the threads: the table does not
     * change, its suffix index is built first), then the aliases the text
     * declares ("X, known as Y"; "the city, then called Y") */
    const char ***mains = cck_arena_alloc(tb->a, (c->nsources + 1) * sizeof *mains);
    const char ***keys = cck_arena_alloc(tb->a, (c->nsources + 1) * sizeof *keys);
    r->mains = mains;
    r->keys = keys;
    if (start(r, g.w, g.nw, 5))
        join(g.w, g.nw);
    else
        for (size_t i = 0; i < c->nsources; i++)
            mains_of_source(tb, c->sources[i], r->facts[i], g.mains, &mains[i]);
    /* the facts go before the facilities' index is built: the stage's peak */
    stage_facts_free(&g);
    cck_mem_trim();     /* their pages back: the index is one big block */
    cck_rec_expand_facility(tb, "", "");
    if (start(r, g.w, g.nw, 6))
        join(g.w, g.nw);
    else
        for (size_t i = 0; i < c->nsources; i++)
            keys_of_source(tb, c->sources[i], g.mains, g.strs, mains[i], &keys[i]);
    for (size_t i = 0; i < c->nsources; i++)
        for (size_t k = 0; k < r->nops[i]; k++)
            cck_rec_apply_alias(tb, &r->ops[i][k], keys[i]);
    stage_aliases_free(&g);
    cck_rec_suffixes_free(tb);     /* display forms changed: index anew */

    /* 3: the subject of every claim. The table's lazy indices are built
     * now, so that no thread changes it. */
    cck_rec_expand_facility(tb, "", "");
    event_entry(tb, "");
    cck_mem_trim();     /* what the main subjects and aliases freed */
    if (start(r, g.w, g.nw, 3)) {
        join(g.w, g.nw);
    } else {
        for (size_t i = 0; i < c->nsources; i++)
            subjects_of_source(c->sources[i], tb, &g.sc, &g.tx, &g.ss, mains[i], keys[i]);
    }
    stage_end(&g);
}
