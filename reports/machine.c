/* machine.c: the formats pipelines parse whole: one JSON document (the
 * summary, the sources, the groups or claims and the findings) and CSV as
 * RFC 4180 says (CRLF line ends, fields quoted when they need it), one row
 * per claim with its group. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "report_int.h"

static void json_summary(FILE *out, const cck_corpus *c, bool groups)
{
    size_t conflicts = 0;
    for (size_t i = 0; i < c->ngroups; i++)
        conflicts += c->groups[i].status == CCK_GROUP_CONFLICT;
    fprintf(out, "  \"summary\": {\"sources\": %zu, \"claims\": %zu", c->nsources,
            cck_corpus_nclaims(c));
    if (groups)
        fprintf(out, ", \"subjects\": %zu, \"conflicts\": %zu, \"uncited\": %zu", c->ngroups,
                conflicts, cck_rep_count_uncited(c));
    fprintf(out, ", \"dangling\": %zu},\n", cck_rep_count_dangling(c));
}

/* Group i of the document's list (ctx: the claim index). */
static void json_group(FILE *out, const cck_corpus *c, size_t i, const void *ctx)
{
    fputs(i ? ",\n    " : "\n    ", out);
    cck_rep_json_group(out, ctx, c, i, true);
}

cck_status cck_rep_json_doc(FILE *out, const cck_corpus *c, bool groups, unsigned jobs)
{
    cck_rep_index ix;
    cck_rep_index_init(&ix, c);
    fprintf(out, "{\n  \"tool\": \"claimcheck\",\n  \"version\": \"%s\",\n  \"command\": \"%s\",\n",
            CCK_VERSION, groups ? "check" : "extract");
    json_summary(out, c, groups);
    fputs("  \"sources\": [", out);
    for (size_t i = 0; i < c->nsources; i++) {
        const cck_source *s = c->sources[i];
        fputs(i ? ",\n    {\"path\": " : "\n    {\"path\": ", out);
        cck_rep_json_cstr(out, s->path);
        fprintf(out, ", \"bytes\": %zu, \"lines\": %zu, \"claims\": %zu", (size_t)s->len,
                (size_t)s->nlines, (size_t)s->nclaims);
        /* what the source says about itself, and how far it is trusted */
        const char *const keys[] = {"title", "url", "date", "publisher", "author"};
        const char *const vals[] = {s->meta.title, s->meta.url, s->meta.date, s->meta.publisher,
                                    s->meta.author};
        for (size_t k = 0; k < 5; k++) {
            fprintf(out, ", \"%s\": ", keys[k]);
            cck_rep_json_cstr(out, vals[k]);
        }
        fprintf(out, ", \"weight\": %g", s->meta.weight);
        if (groups)
            fprintf(out, ", \"trust\": %.3f", s->trust);
        fputc('}', out);
    }
    fputs(c->nsources ? "\n  ],\n" : "],\n", out);
    if (groups) {
        fputs("  \"groups\": [", out);
        cck_rep_each_group(out, c, jobs, json_group, &ix);
        fputs(c->ngroups ? "\n  ],\n" : "],\n", out);
    } else {
        fputs("  \"claims\": [", out);
        bool first = true;
        for (size_t i = 0; i < c->nsources; i++)
            for (size_t j = 0; j < c->sources[i]->nclaims; j++) {
                fputs(first ? "\n    " : ",\n    ", out);
                first = false;
                cck_rep_json_claim(out, &ix, &c->sources[i]->claims[j]);
            }
        fputs(first ? "],\n" : "\n  ],\n", out);
    }
    cck_finding *v;
    size_t n = cck_rep_findings_of(c, groups ? ~0u : CCK_FIND_BIT(CCK_FIND_DANGLING), jobs, &v);
    fputs("  \"findings\": [", out);
    bool first = true;
    for (size_t i = 0; i < n; i++) {
        fputs(first ? "\n    {\"kind\": " : ",\n    {\"kind\": ", out);
        first = false;
        cck_rep_json_cstr(out, cck_rep_find_name(v[i].kind));
        fprintf(out, ", \"severity\": \"%s\", \"doc\": ",
                v[i].sev == CCK_SEV_ERROR ? "error" : v[i].sev == CCK_SEV_WARNING ? "warning" : "note");
        cck_rep_json_cstr(out, v[i].src->path);
        fprintf(out, ", \"line\": %u, \"col\": %u, \"start\": %zu, \"end\": %zu", v[i].line,
                v[i].col, v[i].start, v[i].end);
        if (v[i].group != SIZE_MAX)
            fprintf(out, ", \"group\": \"g%zu\"", v[i].group + 1);
        fputs(", \"message\": ", out);
        cck_rep_json_cstr(out, v[i].msg);
        fputc('}', out);
    }
    fputs(first ? "]\n}\n" : "\n  ]\n}\n", out);
    cck_rep_findings_free(v, n);
    cck_rep_index_free(&ix);
    return CCK_OK;
}

/* ---- CSV ------------------------------------------------------------------- */

/* One field: quoted when it holds a comma, quote, CR or LF (RFC 4180 2.6),
 * quotes doubled (2.7). The text is cleaned first, so no field spans lines
 * and no invalid UTF-8 gets through. */
static void csv_field(FILE *out, const char *s, size_t n, bool last)
{
    char *t = cck_rep_clean(s, n, NULL, NULL);
    if (strpbrk(t, ",\"\r\n")) {
        fputc('"', out);
        for (const char *p = t; *p; p++) {
            if (*p == '"')
                fputc('"', out);
            fputc(*p, out);
        }
        fputc('"', out);
    } else {
        fputs(t, out);
    }
    free(t);
    fputs(last ? "\r\n" : ",", out);
}

static void csv_str(FILE *out, const char *s)
{
    csv_field(out, s ? s : "", s ? strlen(s) : 0, false);
}

static const char *const CSV_HEAD[] = {
    "group", "status", "entity", "attribute", "as_of", "fingerprint", "favoured",
    "id", "doc", "line", "col", "start", "end", "span", "kind", "value",
    "lo", "hi", "unit", "approx", "bound", "cites", "zone",
};

/* One claim's row; gi is its group (SIZE_MAX: none), whose fingerprint fp
 * the caller makes once for all of the group's rows (made for each row,
 * it sorted the group's values once a claim: quadratic in a group's
 * claims, 575 s for check -f csv on the 100 MB bench corpus). */
static void csv_row(FILE *out, const cck_rep_index *ix, const cck_corpus *c, size_t gi,
                    const char *fp, const cck_claim *cl)
{
    const cck_group *g = gi != SIZE_MAX ? &c->groups[gi] : NULL;
    char b[64];
    if (g) {
        snprintf(b, sizeof b, "g%zu", gi + 1);
        csv_str(out, b);
        csv_str(out, cck_group_status_name(g->status));
    } else {
        csv_str(out, "");
        csv_str(out, "");
    }
    csv_str(out, cl->entity);
    csv_str(out, cl->attribute);
    csv_str(out, cl->as_of);
    if (g) {
        csv_str(out, fp);
        csv_str(out, g->favoured == cl ? "yes" : "no");
    } else {
        csv_str(out, "");
        csv_str(out, "");
    }
    char id[48];
    cck_rep_claim_id(id, ix, cl);
    csv_str(out, id);
    csv_str(out, cl->src->path);
    size_t cs, ce;
    unsigned line, col;
    cck_rep_claim_span(cl, &cs, &ce, &line, &col);
    snprintf(b, sizeof b, "%u", line);
    csv_str(out, b);
    snprintf(b, sizeof b, "%u", col);
    csv_str(out, b);
    snprintf(b, sizeof b, "%zu", cs);
    csv_str(out, b);
    snprintf(b, sizeof b, "%zu", ce);
    csv_str(out, b);
    csv_field(out, cl->src->bytes + cs, ce - cs, false);
    csv_str(out, cck_kind_name(cl->kind));
    char v[128];
    cck_rep_value(v, sizeof v, cl);
    csv_str(out, v);
    if (cl->kind == CCK_KIND_DATE) {
        char lo[CCK_DATE_TEXT], hi[CCK_DATE_TEXT];
        cck_claim_date(cl, false, lo);
        cck_claim_date(cl, true, hi);
        csv_str(out, lo);
        csv_str(out, hi[0] ? hi : lo);
    } else if (cl->kind == CCK_KIND_COORDINATE) {
        cck_rep_number(b, cl->lat);
        csv_str(out, b);
        cck_rep_number(b, cl->lon);
        csv_str(out, b);
    } else {
        if (!cck_rep_number(b, cl->lo))
            b[0] = '\0';
        csv_str(out, b);
        if (!cck_rep_number(b, cl->hi))
            b[0] = '\0';
        csv_str(out, b);
    }
    csv_str(out, cck_claim_unit(cl));
    csv_str(out, cl->approx ? "yes" : "no");
    const char *bn = cck_bound_name(cl->bound);
    csv_str(out, bn ? bn : "");
    char *ci = cck_rep_cites(cl);
    csv_str(out, cck_rep_claim_uncited(cl) ? "" : ci);
    free(ci);
    const char *z = cck_zone_name(cl->zone);
    csv_field(out, z, strlen(z), true);
}

/* Group i's rows (ctx: the claim index). */
static void csv_group(FILE *out, const cck_corpus *c, size_t i, const void *ctx)
{
    char fp[17];
    cck_rep_fingerprint(fp, &c->groups[i]);
    for (size_t j = 0; j < c->groups[i].nclaims; j++)
        csv_row(out, ctx, c, i, fp, c->groups[i].claims[j]);
}

cck_status cck_rep_csv(FILE *out, const cck_corpus *c, bool groups, unsigned jobs)
{
    size_t nh = sizeof CSV_HEAD / sizeof *CSV_HEAD;
    for (size_t i = 0; i < nh; i++)
        csv_field(out, CSV_HEAD[i], strlen(CSV_HEAD[i]), i + 1 == nh);
    cck_rep_index ix;
    cck_rep_index_init(&ix, c);
    if (groups) {
        cck_rep_each_group(out, c, jobs, csv_group, &ix);
    } else {
        for (size_t i = 0; i < c->nsources; i++)
            for (size_t j = 0; j < c->sources[i]->nclaims; j++)
                csv_row(out, &ix, c, SIZE_MAX, NULL, &c->sources[i]->claims[j]);
    }
    cck_rep_index_free(&ix);
    return CCK_OK;
}
