/* settings.c: what a user may set for the subject and reconcile stages:
 * entity aliases, extra attribute keywords, tolerances, a plausible change
 * per year for each attribute, and source weights. A config loader feeds
 * it one "key = value" of one INI section at a time (cck_rec_set). */
#include <fnmatch.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "interval.h"
#include "lexicon.h"
#include "settings.h"

typedef struct {
    char *a, *b;        /* alias key (folded) -> canonical display; glob -> "" */
    char *as_written;   /* the key as the config wrote it */
    double x;           /* weights and drifts */
} pair;

typedef struct {
    pair *v;
    size_t n, cap;
} pairs;

static pairs aliases, weights, drifts;
static cck_lex_keyword *user_kw;
static size_t nuser_kw, user_kw_cap;

static void push(pairs *p, const char *a, const char *b, double x, const char *as_written)
{
    if (p->n == p->cap) {
        p->cap = p->cap ? p->cap * 2 : 16;
        p->v = cck_xreallocarray(p->v, p->cap, sizeof *p->v);
    }
    p->v[p->n].a = cck_xstrndup(a, strlen(a));
    p->v[p->n].b = cck_xstrndup(b, strlen(b));
    p->v[p->n].as_written = cck_xstrndup(as_written, strlen(as_written));
    p->v[p->n].x = x;
    p->n++;
}

static void clear(pairs *p)
{
    for (size_t i = 0; i < p->n; i++) {
        free(p->v[i].a);
        free(p->v[i].b);
        free(p->v[i].as_written);
    }
    free(p->v);
    memset(p, 0, sizeof *p);
}

void cck_rec_settings_reset(void)
{
    clear(&aliases);
    clear(&weights);
    clear(&drifts);
    for (size_t i = 0; i < nuser_kw; i++) {
        free((char *)user_kw[i].word);
        free((char *)user_kw[i].attr);
    }
    free(user_kw);
    user_kw = NULL;
    nuser_kw = user_kw_cap = 0;
    cck_rec_tolerances = cck_rec_default_tolerances;
}

/* Reads a number in [lo, hi]; false on anything else. */
static bool number(const char *s, double lo, double hi, double *out)
{
    char *end;
    double v = strtod(s, &end);
    while (*end == ' ' || *end == '\t')
        end++;
    if (end == s || *end || !isfinite(v) || v < lo || v > hi)
        return false;
    *out = v;
    return true;
}

/* The alias key of a name: the same fold the grouping uses. */
static char *key_of(const char *name)
{
    cck_arena *a = cck_arena_new();
    char *f = cck_rec_fold(a, name, strlen(name));
    char *k = cck_xstrndup(f, strlen(f));
    cck_arena_free(a);
    return k;
}

static const struct {
    const char *name;
    size_t off;
    double lo, hi;
    bool whole;
} tol_keys[] = {
    {"hedge", offsetof(cck_rec_tol, hedge_frac), 0, 1, false},
    {"approx_year_days", offsetof(cck_rec_tol, approx_year_days), 0, 36525, false},
    {"approx_month_days", offsetof(cck_rec_tol, approx_month_days), 0, 3660, false},
    {"approx_day_days", offsetof(cck_rec_tol, approx_day_days), 0, 366, false},
    {"coord_min_m", offsetof(cck_rec_tol, coord_min_m), 0, 1e7, false},
    {"drift_per_year", offsetof(cck_rec_tol, drift_per_year), 0, 10, false},
    {"undated_years", offsetof(cck_rec_tol, undated_years), 0, 1000, false},
    {"current_years", offsetof(cck_rec_tol, current_years), 0, 1000, true},
    {"prior_trust", offsetof(cck_rec_tol, prior_trust), 0.01, 0.99, false},
    {"ambiguity_ratio", offsetof(cck_rec_tol, ambiguity_ratio), 1, 1e12, false},
    {"place_apart_m", offsetof(cck_rec_tol, place_apart_m), 0, 2e7, false},
};

/* "count,measure" -> kind bits; 0 on an unknown kind name. */
static unsigned kinds_of(const char *s)
{
    unsigned bits = 0;
    while (*s) {
        size_t n = strcspn(s, ", ");
        bool ok = false;
        for (int k = CCK_KIND_COUNT; k <= CCK_KIND_RANK; k++)
            if (n && strlen(cck_kind_name((cck_kind)k)) == n &&
                !strncmp(s, cck_kind_name((cck_kind)k), n)) {
                bits |= 1u << k;
                ok = true;
            }
        if (!ok && n)
            return 0;
        s += n;
        s += strspn(s, ", ");
    }
    return bits;
}

static bool snake_name(const char *s)
{
    if (!*s)
        return false;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_'))
            return false;
    return true;
}

cck_status cck_rec_set(const char *section, const char *key, const char *value, char *err,
                       size_t errlen)
{
#define FAIL(...)                                                             \
    do {                                                                      \
        if (err && errlen)                                                    \
            snprintf(err, errlen, __VA_ARGS__);                               \
        return CCK_ERR_INPUT;                                                 \
    } while (0)
    if (!*key)
        FAIL("empty key");
    if (!strcmp(section, "alias")) {
        if (!*value)
            FAIL("alias '%s' names no canonical entity", key);
        char *k = key_of(key);
        push(&aliases, k, value, 0, key);
        free(k);
        return CCK_OK;
    }
    if (!strcmp(section, "lexicon")) {
        /* word = attribute [: kinds] */
        char attr[128];
        const char *colon = strchr(value, ':');
        size_t n = colon ? (size_t)(colon - value) : strlen(value);
        while (n && value[n - 1] == ' ')
            n--;
        if (n == 0 || n >= sizeof attr)
            FAIL("keyword '%s': the attribute must be 1 to 127 characters", key);
        memcpy(attr, value, n);
        attr[n] = '\0';
        if (!snake_name(attr))
            FAIL("keyword '%s': attribute '%s' is not snake_case", key, attr);
        unsigned kinds = (1u << CCK_KIND_COUNT) | (1u << CCK_KIND_MEASURE) |
                         (1u << CCK_KIND_PERCENT) | (1u << CCK_KIND_MONEY);
        if (colon) {
            const char *k = colon + 1;
            k += strspn(k, " ");
            kinds = kinds_of(k);
            if (!kinds)
                FAIL("keyword '%s': unknown kind in '%s' (count, measure, percent, money, "
                     "date, coordinate, rank)", key, k);
        }
        for (const char *p = key; *p; p++)
            if (*p >= 'A' && *p <= 'Z')
                FAIL("keyword '%s' must be lowercase", key);
        if (nuser_kw == user_kw_cap) {
            user_kw_cap = user_kw_cap ? user_kw_cap * 2 : 16;
            user_kw = cck_xreallocarray(user_kw, user_kw_cap, sizeof *user_kw);
        }
        user_kw[nuser_kw].word = cck_xstrndup(key, strlen(key));
        user_kw[nuser_kw].attr = cck_xstrndup(attr, strlen(attr));
        user_kw[nuser_kw].kinds = kinds;
        nuser_kw++;
        return CCK_OK;
    }
    if (!strcmp(section, "tolerance")) {
        for (size_t i = 0; i < sizeof tol_keys / sizeof *tol_keys; i++) {
            if (strcmp(key, tol_keys[i].name))
                continue;
            double v;
            if (!number(value, tol_keys[i].lo, tol_keys[i].hi, &v) ||
                (tol_keys[i].whole && v != floor(v)))
                FAIL("tolerance %s: '%s' is not a %snumber from %g to %g", key, value,
                     tol_keys[i].whole ? "whole " : "", tol_keys[i].lo, tol_keys[i].hi);
            char *field = (char *)&cck_rec_tolerances + tol_keys[i].off;
            if (tol_keys[i].whole)
                *(int *)(void *)field = (int)v;
            else
                *(double *)(void *)field = v;
            return CCK_OK;
        }
        FAIL("unknown tolerance '%s'", key);
    }
    if (!strcmp(section, "drift")) {
        double v;
        if (!snake_name(key))
            FAIL("drift: attribute '%s' is not snake_case", key);
        if (!number(value, 0, 10, &v))
            FAIL("drift %s: '%s' is not a fraction per year from 0 to 10", key, value);
        push(&drifts, key, "", v, key);
        return CCK_OK;
    }
    if (!strcmp(section, "weight")) {
        double v;
        if (!number(value, 0.01, 0.99, &v))
            FAIL("weight %s: '%s' is not a reliability from 0.01 to 0.99", key, value);
        push(&weights, key, "", v, key);
        return CCK_OK;
    }
    FAIL("unknown section [%s]", section);
#undef FAIL
}

const char *cck_rec_canonical(cck_arena *a, const char *entity)
{
    if (!aliases.n || !entity)
        return entity;
    char *k = cck_rec_fold(a, entity, strlen(entity));
    for (size_t i = aliases.n; i-- > 0;)
        if (!strcmp(aliases.v[i].a, k))
            return aliases.v[i].b;
    return entity;
}

double cck_rec_weight_for(const char *path)
{
    if (!path)
        return 0;
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    /* the last matching line wins, as in .gitattributes */
    for (size_t i = weights.n; i-- > 0;)
        if (!fnmatch(weights.v[i].a, path, 0) || !fnmatch(weights.v[i].a, base, 0))
            return weights.v[i].x;
    return 0;
}

/* Built-in plausible changes per year where the default (a population's
 * 2%) is far too tight: rates swing by points, money by a tenth. */
static const struct {
    const char *pattern;    /* "_rate": suffix; otherwise the whole name */
    double per_year;
} builtin_drift[] = {
    {"_rate", 0.30},  {"gdp", 0.10},     {"exports", 0.15}, {"imports", 0.15},
    {"revenue", 0.15}, {"profit", 0.30}, {"debt", 0.15},    {"investment", 0.30},
    {"spending", 0.15}, {"aid", 0.30},   {"wage", 0.10},    {"income", 0.10},
    {"budget", 0.15}, {"price", 0.15},   {"cost", 0.15},    {"production", 0.10},
    {"visits", 0.30}, {"workers", 0.10},
};

double cck_rec_drift_for(const char *attr)
{
    if (!attr)
        return cck_rec_tolerances.drift_per_year;
    for (size_t i = drifts.n; i-- > 0;)
        if (!strcmp(drifts.v[i].a, attr))
            return drifts.v[i].x;
    size_t n = strlen(attr);
    for (size_t i = 0; i < sizeof builtin_drift / sizeof *builtin_drift; i++) {
        const char *p = builtin_drift[i].pattern;
        size_t k = strlen(p);
        if (p[0] == '_' ? n >= k && !strcmp(attr + n - k, p) : !strcmp(attr, p))
            return builtin_drift[i].per_year;
    }
    return cck_rec_tolerances.drift_per_year;
}

size_t cck_lex_count(void) { return nuser_kw + cck_lex_nkeywords; }

const cck_lex_keyword *cck_lex_get(size_t i)
{
    return i < nuser_kw ? &user_kw[i] : &cck_lex_keywords[i - nuser_kw];
}

void cck_rec_settings_print(FILE *out)
{
    const cck_rec_tol *t = &cck_rec_tolerances;
    fprintf(out, "[tolerance]\n");
    for (size_t i = 0; i < sizeof tol_keys / sizeof *tol_keys; i++) {
        const char *field = (const char *)t + tol_keys[i].off;
        if (tol_keys[i].whole)
            fprintf(out, "%s = %d\n", tol_keys[i].name, *(const int *)(const void *)field);
        else
            fprintf(out, "%s = %g\n", tol_keys[i].name, *(const double *)(const void *)field);
    }
    if (drifts.n) {
        fprintf(out, "\n[drift]\n");
        for (size_t i = 0; i < drifts.n; i++)
            fprintf(out, "%s = %g\n", drifts.v[i].a, drifts.v[i].x);
    }
    if (weights.n) {
        fprintf(out, "\n[weight]\n");
        for (size_t i = 0; i < weights.n; i++)
            fprintf(out, "%s = %g\n", weights.v[i].a, weights.v[i].x);
    }
    if (aliases.n) {
        fprintf(out, "\n[alias]\n");
        for (size_t i = 0; i < aliases.n; i++)
            fprintf(out, "%s = %s\n", aliases.v[i].as_written, aliases.v[i].b);
    }
    if (nuser_kw) {
        fprintf(out, "\n[lexicon]\n");
        for (size_t i = 0; i < nuser_kw; i++) {
            fprintf(out, "%s = %s :", user_kw[i].word, user_kw[i].attr);
            const char *sep = " ";
            for (int k = CCK_KIND_COUNT; k <= CCK_KIND_RANK; k++)
                if (user_kw[i].kinds & (1u << k)) {
                    fprintf(out, "%s%s", sep, cck_kind_name((cck_kind)k));
                    sep = ",";
                }
            fputc('\n', out);
        }
    }
}
