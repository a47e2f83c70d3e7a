/* attribute.c: what a figure measures. From a table cell's headers, or in
 * prose from the keyword near the figure, the counted noun, the unit and
 * the words around it ("population", "count_wards", "distance_from_x",
 * "mean_temp_jan", "share_population"). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon.h"
#include "reconcile.h"
#include "subject_int.h"

/* ---- helpers on the sentence ------------------------------------------ */





char *cck_rec_snake(cck_arena *a, const char *s)
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
    if (!strcmp(cck_claim_unit(cl), "degC")) {
        base = word_within(x, w_max, 4, 0) ? "mean_max_temp"
             : word_within(x, w_min, 4, 0) ? "mean_min_temp"
                                           : "mean_temp";
    } else if (!strcmp(cck_claim_unit(cl), "m") && cl->hi < 10 && word_within(x, w_precip, 40, 40)) {
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
size_t cck_rec_open_paren(const ctx *x, size_t ustart)
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

bool cck_rec_is_year_tok(const tok *t, const char *b, long *year)
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
    tok *t = cck_rec_tokenize(a, h, 0, strlen(h), &n);
    const char *res = NULL;
    for (size_t i = 0; i < n && i < 1 && !res; i++)
        for (size_t k = 0; k < cck_lex_count() && !res; k++)
            if (cck_lex_match(cck_lex_get(k)->word, t[i].low) &&
                strcmp(cck_lex_get(k)->word, "people") && strcmp(cck_lex_get(k)->word, "sea"))
                res = cck_lex_get(k)->attr;
    free(t);
    return res;
}

const char *cck_rec_table_attr(cck_arena *a, const cck_table_cell *u, const char **as_of)
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
        base = cck_rec_snake(a, cck_rec_ascii(a, plain, strlen(plain)));
    if (!base || !*base)
        return NULL;
    if (month)
        return cck_arena_printf(a, "%s_%s", base, cck_lex_mon[month]);
    if (yearcol)
        return cck_arena_printf(a, "annual_%s", base);
    return base;
}

/* The canonical unit an attribute's figures must have, when it implies
 * one (elevation is a length, area a surface), else NULL. */
static const char *unit_of_attr(const char *attr)
{
    static const struct {
        const char *attr, *unit;
    } dims[] = {
        {"elevation", "m"}, {"height", "m"},  {"length", "m"},     {"area", "m2"},
        {"volume", "m3"},   {"annual_precipitation", "m"},         {"power_capacity", "W"},
        {"energy", "J"},
    };
    for (size_t i = 0; i < sizeof dims / sizeof *dims; i++)
        if (!strcmp(attr, dims[i].attr))
            return dims[i].unit;
    return NULL;
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
        for (const size_t *kp = cck_lex_candidates(x->kw, x->t[i].low); *kp != CCK_LEX_END;
             kp++) {
            const cck_lex_keyword *w = cck_lex_get(*kp);
            if (!(w->kinds & kb) || !cck_lex_match(w->word, x->t[i].low))
                continue;
            /* "covers 330 km² and sits 16 m above sea level": an elevation
             * is a length, so the area takes no "sea" */
            const char *want = unit_of_attr(w->attr);
            if (want && *cck_claim_unit(x->cl) && strcmp(want, cck_claim_unit(x->cl)))
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
            return cck_rec_snake(a, res);
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
            return cck_arena_printf(a, "share_%s", cck_rec_snake(a, noun->low));
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
        return cck_rec_snake(a, noun);
    bool rate_word = nl > 4 && (!strcmp(noun + nl - 4, "ment") || !strcmp(noun + nl - 4, "tion"));
    if (is_change && !is_level && !rate_word)
        return cck_arena_printf(a, "%s_growth_rate", cck_rec_snake(a, noun));
    return cck_arena_printf(a, "%s_rate", cck_rec_snake(a, noun));
}

/* A figure in a list under a heading that names what the list gives
 * ("DISTANCES (by road)" / "Wonsan: 112 km"): the distance from the main
 * subject to the name that opens the line. */
static const char *section_attr(cck_arena *a, const ctx *x, const cck_unit *u,
                                const stoks *st, const char *main, const char **dist_target)
{
    const cck_source *s = st->s;
    if (!u || u->section < 0 || (size_t)u->section >= s->nsections ||
        strcmp(cck_claim_unit(x->cl), "m"))
        return NULL;
    size_t len;
    const char *title = cck_section_title_in(s, st->b, (size_t)u->section, &len);
    bool distances = false;
    for (size_t i = 0; i + 8 <= len; i++)
        if (!cck_rec_casecmp_n(title + i, "distance", 8))
            distances = true;
    if (!distances)
        return NULL;
    *dist_target = main;
    return cck_arena_printf(a, "distance_from_%s", cck_rec_snake(a, main));
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
    /* a claim within the sentence before: the claims are sorted by start,
     * so only those from its start on are looked at (a walk over every
     * claim of the source, for each claim, was most of check's time on a
     * source of one long line) */
    size_t lo = 0, hi = s->nclaims;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (s->claims[mid].start < pu->start)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t k = lo; k < s->nclaims && s->claims[k].start < pu->end; k++)
        if (s->claims[k].end <= pu->end)
            return NULL;
    /* only a figure near the start of its sentence continues the last one */
    if (x->c0 > x->s0 + 8)
        return NULL;
    size_t p0 = tok_at(st, pu->start), p1 = tok_at(st, pu->end);
    if (p1 <= p0)
        return NULL;
    const ctx prev = {x->b, x->t, p0, p1, p1, p1, x->cl, pu->start, x->kw};
    return keyword_attr(&prev, p1 - p0, 0);
}

const char *cck_rec_prose_attr(cck_arena *a, const ctx *x, const cck_unit *u,
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
        const ctx wide = {x->b, x->t, x->s0, x->s1, x->c0, x->c0, x->cl, x->us, x->kw};
        if (!word_within(&wide, w_rank, 6, 6 + (x->c1 - x->c0)))
            return "rank";
        /* a rank within a wider or narrower whole is another ranking:
         * "16th largest city in the Korean Peninsula", "... in the world" */
        static const char *const scopes[] = {"world", "peninsula", "continent", "asia",
                                             "europe", "africa", "america", "region", "province",
                                             "state", "county", "globe", NULL};
        size_t i = x->c1;
        if (i + 1 < x->s1 && (low_eq(x, i, "in") || low_eq(x, i, "of") || low_eq(x, i, "on")))
            for (size_t k = i + 1; k < x->s1 && k <= i + 4; k++)
                if (in_words(scopes, x->t[k].low))
                    return cck_arena_printf(a, "population_rank_%s", x->t[k].low);
        return "population_rank";
    }
    case CCK_KIND_DATE: {
        bool range = !cck_claim_one_date(cl);
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
        size_t p = cck_rec_open_paren(x, x->us);
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
                    return cck_arena_printf(a, "deaths_%s", cck_rec_snake(a, who));
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
        const ctx near = {x->b, x->t, x->s0, end, x->c0, x->c1, x->cl, x->us, x->kw};
        const char *kw = keyword_attr(&near, 0, 3);
        if (kw && strcmp(kw, "population") != 0)
            return kw;
    }
    static const char *const w_road[] = {"drive", "driving", "road", "roads", "bus", "car",
                                         "highway", "expressway", NULL};
    static const char *const w_rail[] = {"train", "rail", "railway", "trains", NULL};
    bool travel = !strcmp(cck_claim_unit(cl), "s") && (word_within(x, w_road, 12, 12) ||
                                             word_within(x, w_rail, 12, 12));
    if ((!strcmp(cck_claim_unit(cl), "m") && x->c1 < x->s1 && word_within(x, w_dir, 0, 3)) || travel) {
        /* the place the distance is measured from: a name after the figure */
        const char *target = main;
        size_t i = first_name(st, x->c1);   /* names are in text order */
        if (i < st->nn && st->nm[i].t0 < x->c1 + 6 && st->nm[i].t0 < x->s1)
            target = cck_rec_disp_of(tb, &st->nm[i]);
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
            return cck_arena_printf(a, "%s_travel_time_from_%s", mode, cck_rec_snake(a, target));
        }
        return cck_arena_printf(a, "distance_from_%s", cck_rec_snake(a, target));
    }
    if (!strcmp(cck_claim_unit(cl), "kg/yr"))
        return "annual_capacity";
    if (!strcmp(cck_claim_unit(cl), "W"))
        return "power_capacity";    /* installed, produced or rated: one figure */
    const char *counted = counted_noun(a, x);
    if (counted)
        return counted;
    const char *kw = keyword_attr(x, 10, 8);
    if (kw)
        return kw;
    if (!strcmp(cck_claim_unit(cl), "m")) {
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
    if (!strcmp(cck_claim_unit(cl), "m"))
        return "distance";
    if (!strcmp(cck_claim_unit(cl), "m2"))
        return "area";
    if (!strcmp(cck_claim_unit(cl), "m3"))
        return "volume";
    if (!strcmp(cck_claim_unit(cl), "J"))
        return "energy";
    if (!strcmp(cck_claim_unit(cl), "kg"))
        return "mass";
    if (!strcmp(cck_claim_unit(cl), "s"))
        return "duration";
    if (cl->kind == CCK_KIND_PERCENT)
        return "share";
    if (cl->kind == CCK_KIND_MONEY)
        return "value";
    return cl->kind == CCK_KIND_COUNT ? "count" : "value";
}
