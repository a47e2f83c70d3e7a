/* spec_eval.c: runs claimcheck's extractor over the Recognizers-Text spec
 * cases (../shared/peers/recognizers-specs/CATEGORY.jsonl) and writes one answer
 * line per case in the format score-specs reads, keeping the claims of the
 * file's category, in mentions mode (cck_ext_opts). With two more paths it also writes the cases in
 * claimcheck's field (see in_field) and their answers, for a second score.
 * Usage: spec-eval CATEGORY CASES.jsonl ANSWERS.jsonl [FIELD_CASES FIELD_ANSWERS] */
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "extract.h"
#include "sources.h"
#include "units.h"

typedef enum { CAT_NUMBER, CAT_RANGE, CAT_PERCENT, CAT_ORDINAL, CAT_CURRENCY, CAT_DIMENSION,
               CAT_TEMPERATURE, CAT_DATE } category;

static const struct {
    const char *name;
    category cat;
} cats[] = {{"number", CAT_NUMBER},       {"range", CAT_RANGE},         {"percent", CAT_PERCENT},
            {"ordinal", CAT_ORDINAL},     {"currency", CAT_CURRENCY},   {"dimension", CAT_DIMENSION},
            {"temperature", CAT_TEMPERATURE}, {"date", CAT_DATE}};

/* Hedge words our spans include (FORMAT.md) but the spec's mentions do not,
 * except in the range file, whose mentions are the bound phrases. */
static const char *const hedges[] = {
    "approximately ", "about ", "around ", "roughly ", "nearly ", "almost ", "some ",
    "estimated ", "an estimated ", "over ", "more than ", "at least ", "upwards of ",
    "up to ", "less than ", "under ", "exceeding ", "within ", "at ", "~",
    "equal to ", "equals to ", "equals ", "equaling to ", "equalling to "};

/* Hedges that are no bound: the range file's mentions leave them out
 * ("about five hundred or more" -> "five hundred or more"). */
static const char *const range_hedges[] = {"approximately ", "about ", "around ", "roughly ", "some ",
                                           "estimated ", "an estimated ", "circa "};

static bool is_temp(const cck_claim *c)
{
    return c->kind == CCK_KIND_MEASURE && !strcmp(cck_claim_unit(c), "degC");
}

static bool wanted(category cat, const cck_claim *c, const char *t)
{
    switch (cat) {
    case CAT_NUMBER: return c->kind == CCK_KIND_COUNT && c->lo == c->hi;
    case CAT_RANGE:
        /* an interval, a bound, or an exact value stated as a comparison
         * ("equal to 20", which the range file gives as [20,20]) */
        return (c->kind == CCK_KIND_COUNT || c->kind == CCK_KIND_MEASURE || c->kind == CCK_KIND_PERCENT) &&
               (c->lo != c->hi || c->bound != CCK_BOUND_NONE || (t && !strncasecmp(t, "equal", 5)));
    case CAT_PERCENT: return c->kind == CCK_KIND_PERCENT;
    case CAT_ORDINAL: return c->kind == CCK_KIND_RANK;
    case CAT_CURRENCY: return c->kind == CCK_KIND_MONEY;
    /* durations are the date file's business (the dimension file expects none) */
    case CAT_DIMENSION: return c->kind == CCK_KIND_MEASURE && !is_temp(c) && strcmp(cck_claim_unit(c), "s");
    case CAT_TEMPERATURE: return is_temp(c);
    case CAT_DATE: return c->kind == CCK_KIND_DATE;
    }
    return false;
}

/* The unit written in the span (the first alias after its first figure),
 * so a measure can be given back in the written unit as the spec wants. */
static const cck_unit_def *written_unit(const char *t, size_t n)
{
    size_t i = 0;
    while (i < n && !(t[i] >= '0' && t[i] <= '9'))
        i++;
    if (i == n)
        i = 0; /* a number word: "ten miles", "six-mile" */
    for (; i < n; i++) {
        if (i > 0 && ((t[i - 1] | 32) >= 'a' && (t[i - 1] | 32) <= 'z'))
            continue; /* inside a word */
        const cck_unit_def *u = NULL;
        if (cck_unit_match(t + i, n - i, &u))
            return u;
    }
    return NULL;
}

/* claimcheck's field, decided from the spec's own answer and nothing of
 * ours: every mention that has a value is a figure written in digits (for
 * dates: names a four-digit year, so it is no relative date like "next
 * week"). Cases that expect nothing stay in (they test false alarms). */
static bool in_field(category cat, json_t *c)
{
    json_t *exp = json_object_get(c, "expect");
    size_t i;
    json_t *e;
    json_array_foreach(exp, i, e) {
        const char *text = json_string_value(json_object_get(e, "text"));
        json_t *v = json_object_get(e, "value");
        if (!text)
            return false;
        if (cat != CAT_DATE && (!json_is_string(v) || !strcmp(json_string_value(v), "null")))
            continue; /* a unit word alone ("fahrenheit"): --ignore-valueless drops it */
        int run = 0, best = 0;
        for (const char *p = text; *p; p++) {
            run = (*p >= '0' && *p <= '9') ? run + 1 : 0;
            best = run > best ? run : best;
        }
        if (best < (cat == CAT_DATE ? 4 : 1))
            return false;
    }
    return true;
}

static double from_canon(const cck_unit_def *u, double v)
{
    return u ? (v - u->offset) / u->factor : v;
}

static json_t *answer(category cat, const char *input, size_t len, const char *ref, cck_matcher *m)
{
    json_t *found = json_array();
    /* A case is one line of text with no context; alone in a file it would
     * read as the file's title. A title line before it and a newline after
     * make it the body of an article, as prose stands in a real source.
     * A short line with no closing punctuation would still read as a
     * section heading (and one with no digit is not scanned at all: "I'll
     * go back tomorrow"), so such a line gets a spaced full stop after its
     * last character (spaced: "2 in." would read as inches). */
    static const char head[] = "Spec case\n\n";
    size_t hn = sizeof head - 1, body = len;
    while (body > 0 && (input[body - 1] == ' ' || input[body - 1] == '\t' || input[body - 1] == '\r'))
        body--;
    size_t q = body;
    while (q > 0 && (input[q - 1] == '"' || input[q - 1] == '\'' || input[q - 1] == ')'))
        q--;
    bool stop = body > 0 && !(q > 0 && strchr(".!?", input[q - 1]));
    char *doc = cck_xmalloc(hn + len + 4);
    memcpy(doc, head, hn);
    memcpy(doc + hn, input, body);
    size_t dn = hn + body;
    if (stop) {
        doc[dn++] = ' ';
        doc[dn++] = '.';
    }
    memcpy(doc + dn, input + body, len - body);
    dn += len - body;
    doc[dn++] = '\n';
    cck_source *s = cck_source_from_memory("spec", doc, dn);
    free(doc);
    cck_diags d;
    cck_diags_init(&d);
    cck_src_segment(s, &d);
    /* every mention, as the peer's recognizers report them; relative dates
     * count from the case's reference time ("context") */
    char day[11] = "";
    if (ref && strlen(ref) >= 10) {
        memcpy(day, ref, 10);
        day[10] = '\0';
    }
    cck_ext_opts o = {.mentions = true, .ref_date = day[0] ? day : NULL};
    cck_ext_source_opts(s, m, &o, &d);
    for (size_t i = 0; i < s->nclaims; i++) {
        const cck_claim *c = &s->claims[i];
        const char *t = s->bytes + c->start;
        size_t n = c->end - c->start;
        if (!wanted(cat, c, t))
            continue;
        for (size_t k = 0; cat == CAT_RANGE && k < sizeof range_hedges / sizeof *range_hedges; k++)
            if (n > strlen(range_hedges[k]) && !strncasecmp(t, range_hedges[k], strlen(range_hedges[k]))) {
                t += strlen(range_hedges[k]);
                n -= strlen(range_hedges[k]);
                break;
            }
        for (int round = 0; round < 3 && cat != CAT_RANGE && c->kind != CCK_KIND_DATE &&
                            c->kind != CCK_KIND_RANK; round++) {
            size_t k = 0; /* "estimated at up to": strip each hedge word in turn */
            while (k < sizeof hedges / sizeof *hedges &&
                   !(n > strlen(hedges[k]) && !strncasecmp(t, hedges[k], strlen(hedges[k]))))
                k++;
            if (k == sizeof hedges / sizeof *hedges)
                break;
            t += strlen(hedges[k]);
            n -= strlen(hedges[k]);
        }
        const cck_unit_def *u =
            c->kind == CCK_KIND_MEASURE || c->kind == CCK_KIND_MONEY ? written_unit(t, n) : NULL;
        /* the range file's mentions are bare numbers: "more than thirty"
         * of "more than thirty years old" */
        for (size_t w = 1; cat == CAT_RANGE && c->kind == CCK_KIND_MEASURE && w < n; w++) {
            const cck_unit_def *tail = NULL;
            if ((t[w - 1] == ' ' || t[w - 1] == '\t') && cck_unit_match(t + w, n - w, &tail) == n - w) {
                while (w > 0 && (t[w - 1] == ' ' || t[w - 1] == '\t'))
                    w--;
                n = w;
                break;
            }
        }
        json_t *item = json_object();
        json_object_set_new(item, "text", json_stringn(t, n));
        json_t *v = NULL;
        if (c->kind == CCK_KIND_DATE) {
            char lo[CCK_DATE_TEXT];
            v = json_string(cck_claim_date(c, false, lo));
        } else {
            double lo = from_canon(u, c->lo), hi = from_canon(u, c->hi);
            if (cat == CAT_RANGE && c->lo == c->hi && c->bound == CCK_BOUND_LOWER)
                v = json_pack("[fn]", lo);
            else if (cat == CAT_RANGE && c->lo == c->hi && c->bound == CCK_BOUND_UPPER)
                v = json_pack("[nf]", hi);
            else if (cat == CAT_RANGE)
                v = json_pack("[ff]", lo, hi);
            else
                v = json_real(lo);
        }
        json_object_set_new(item, "value", v);
        json_array_append_new(found, item);
    }
    cck_diags_free(&d);
    cck_source_free(s);
    json_t *ans = json_object();
    json_object_set_new(ans, "found", found);
    return ans;
}

int main(int argc, char **argv)
{
    if (argc != 4 && argc != 6) {
        fprintf(stderr, "usage: spec-eval CATEGORY CASES.jsonl ANSWERS.jsonl [FIELD_CASES FIELD_ANSWERS]\n");
        return 2;
    }
    int cat = -1;
    for (size_t k = 0; k < sizeof cats / sizeof *cats; k++)
        if (!strcmp(argv[1], cats[k].name))
            cat = (int)cats[k].cat;
    if (cat < 0) {
        fprintf(stderr, "spec-eval: unknown category %s\n", argv[1]);
        return 2;
    }
    FILE *in = fopen(argv[2], "r");
    if (!in) {
        perror(argv[2]);
        return 2;
    }
    FILE *out = fopen(argv[3], "w");
    if (!out) {
        perror(argv[3]);
        fclose(in);
        return 2;
    }
    FILE *fcases = NULL, *fans = NULL;
    if (argc == 6 && (!(fcases = fopen(argv[4], "w")) || !(fans = fopen(argv[5], "w")))) {
        perror(fcases ? argv[5] : argv[4]);
        return 2;
    }
    cck_diags d;
    cck_diags_init(&d);
    if (cck_ext_init(&d) != CCK_OK) {
        cck_diags_print(&d, stderr);
        return 2;
    }
    cck_matcher *m = cck_matcher_new();
    char *line = NULL;
    size_t cap = 0;
    ssize_t got;
    unsigned lineno = 0;
    int rc = 0;
    while ((got = getline(&line, &cap, in)) != -1) {
        lineno++;
        if (got <= 1)
            continue;
        json_error_t err;
        json_t *c = json_loads(line, 0, &err);
        const char *input = NULL;
        size_t ilen = 0;
        if (c && json_is_string(json_object_get(c, "input"))) {
            input = json_string_value(json_object_get(c, "input"));
            ilen = json_string_length(json_object_get(c, "input"));
        }
        if (!input) {
            fprintf(stderr, "%s:%u:1: error: %s\n", argv[2], lineno, c ? "no input string" : err.text);
            rc = 2;
            fputs("{}\n", out);
        } else {
            json_t *a = answer((category)cat, input, ilen,
                               json_string_value(json_object_get(c, "context")), m);
            char *s = json_dumps(a, JSON_COMPACT | JSON_ENSURE_ASCII);
            fprintf(out, "%s\n", s);
            if (fcases && in_field((category)cat, c)) {
                fputs(line, fcases);
                fprintf(fans, "%s\n", s);
            }
            free(s);
            json_decref(a);
        }
        json_decref(c);
    }
    free(line);
    cck_matcher_free(m);
    cck_ext_cleanup();
    cck_diags_free(&d);
    fclose(in);
    if (fcases && (fclose(fcases) != 0 || fclose(fans) != 0)) {
        perror(argv[4]);
        rc = 2;
    }
    if (fclose(out) != 0) {
        perror(argv[3]);
        rc = 2;
    }
    return rc;
}
