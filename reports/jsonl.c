/* jsonl.c: the JSON Lines writers: claim objects and group objects exactly
 * as ../shared/gold/FORMAT.md describes them, and the JSON string escaper
 * that never lets an invalid UTF-8 byte through. */
#include <string.h>

#include "report_int.h"

void cck_rep_json_string(FILE *out, const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    fputc('"', out);
    size_t run = 0;   /* start of bytes copied as they are */
    for (size_t i = 0; i < n;) {
        unsigned cp = 0;
        size_t k = cck_rep_utf8(p + i, n - i, &cp);
        if (k && cp >= 0x20 && cp != '"' && cp != '\\' && cp != 0x2028 && cp != 0x2029) {
            i += k;
            continue;
        }
        fwrite(s + run, 1, i - run, out);
        if (!k)
            fputs("\xEF\xBF\xBD", out);
        else if (cp == '"')
            fputs("\\\"", out);
        else if (cp == '\\')
            fputs("\\\\", out);
        else if (cp == '\n')
            fputs("\\n", out);
        else if (cp == '\t')
            fputs("\\t", out);
        else if (cp == '\r')
            fputs("\\r", out);
        else if (cp == '\b')
            fputs("\\b", out);
        else if (cp == '\f')
            fputs("\\f", out);
        else
            /* controls, and U+2028/9 which break JavaScript readers */
            fprintf(out, "\\u%04x", cp);
        i += k ? k : 1;
        run = i;
    }
    fwrite(s + run, 1, n - run, out);
    fputc('"', out);
}

static void json_cstr(FILE *out, const char *s)
{
    if (s)
        cck_rep_json_string(out, s, strlen(s));
    else
        fputs("null", out);
}

static void json_num(FILE *out, double v)
{
    char b[32];
    cck_rep_number(b, v);
    fputs(b, out);
}

/* Everything of a claim object after its id. */
static void claim_rest(FILE *out, const cck_claim *cl)
{
    const cck_source *s = cl->src;
    size_t cs = cl->start < s->len ? cl->start : s->len;
    size_t ce = cl->end < s->len ? cl->end : s->len;
    if (ce < cs)
        ce = cs;
    unsigned line, col;
    cck_source_linecol(s, cs, &line, &col);
    size_t fs, fe;
    cck_source_file_span(s, cs, ce, &fs, &fe);
    fputs(", \"doc\": ", out);
    json_cstr(out, s->path);
    fprintf(out, ", \"line\": %u, \"start\": %zu, \"end\": %zu, \"span\": ", line, fs, fe);
    cck_rep_json_string(out, s->raw + fs, fe - fs);
    fputs(", \"kind\": ", out);
    json_cstr(out, cck_kind_name(cl->kind));
    if (cl->kind == CCK_KIND_COORDINATE) {
        fputs(", \"lo\": null, \"hi\": null, \"lat\": ", out);
        json_num(out, cl->lat);
        fputs(", \"lon\": ", out);
        json_num(out, cl->lon);
    } else if (cl->kind == CCK_KIND_DATE) {
        fputs(", \"lo\": ", out);
        json_cstr(out, cl->date_lo[0] ? cl->date_lo : NULL);
        fputs(", \"hi\": ", out);
        json_cstr(out, cl->date_hi[0] ? cl->date_hi : cl->date_lo[0] ? cl->date_lo : NULL);
    } else {
        fputs(", \"lo\": ", out);
        json_num(out, cl->lo);
        fputs(", \"hi\": ", out);
        json_num(out, cl->hi);
    }
    fputs(", \"unit\": ", out);
    json_cstr(out, cl->unit ? cl->unit : "");
    fprintf(out, ", \"approx\": %s, \"bound\": ", cl->approx ? "true" : "false");
    json_cstr(out, cck_bound_name(cl->bound));
    fputs(", \"entity\": ", out);
    json_cstr(out, cl->entity);
    fputs(", \"attribute\": ", out);
    json_cstr(out, cl->attribute);
    fputs(", \"as_of\": ", out);
    json_cstr(out, cl->as_of);
    fputs(", \"cites\": [", out);
    if (cl->unit_index < s->nunits) {
        const cck_unit *u = &s->units[cl->unit_index];
        bool first = true;
        for (size_t i = 0; i < u->ncites; i++) {
            if (u->cites[i] >= s->ncites || !s->cites[u->cites[i]].marker)
                continue;
            if (!first)
                fputs(", ", out);
            first = false;
            json_cstr(out, s->cites[u->cites[i]].marker);
        }
    }
    fputs("], \"zone\": ", out);
    json_cstr(out, cck_zone_name(cl->zone));
    fputc('}', out);
}

void cck_rep_json_claim(FILE *out, const cck_rep_index *ix, const cck_claim *cl)
{
    char id[48];
    cck_rep_claim_id(id, ix, cl);
    fputs("{\"id\": ", out);
    json_cstr(out, id);
    claim_rest(out, cl);
}

void cck_rep_jsonl_source(FILE *out, const cck_source *s)
{
    for (size_t j = 0; j < s->nclaims; j++) {
        fprintf(out, "-%zu\"", j + 1);   /* the rest of "c<pos>-<claim>" */
        claim_rest(out, &s->claims[j]);
        fputc('\n', out);
    }
}

cck_status cck_rep_jsonl_claims(FILE *out, const cck_corpus *c)
{
    cck_rep_index ix;
    cck_rep_index_init(&ix, c);
    for (size_t i = 0; i < c->nsources; i++) {
        const cck_source *s = c->sources[i];
        for (size_t j = 0; j < s->nclaims; j++) {
            cck_rep_json_claim(out, &ix, &s->claims[j]);
            fputc('\n', out);
        }
    }
    cck_rep_index_free(&ix);
    return CCK_OK;
}

void cck_rep_json_cstr(FILE *out, const char *s)
{
    json_cstr(out, s);
}

void cck_rep_json_group(FILE *out, const cck_rep_index *ix, const cck_corpus *c, size_t i,
                        bool fingerprint)
{
    const cck_group *g = &c->groups[i];
    fprintf(out, "{\"id\": \"g%zu\", \"entity\": ", i + 1);
    json_cstr(out, g->entity);
    fputs(", \"attribute\": ", out);
    json_cstr(out, g->attribute);
    fputs(", \"as_of\": ", out);
    json_cstr(out, g->as_of);
    fputs(", \"status\": ", out);
    json_cstr(out, cck_group_status_name(g->status));
    fputs(", \"claims\": [", out);
    for (size_t j = 0; j < g->nclaims; j++) {
        if (j)
            fputs(", ", out);
        cck_rep_json_claim(out, ix, g->claims[j]);
    }
    fputs("], \"note\": ", out);
    json_cstr(out, g->note);
    fputs(", \"favoured\": ", out);
    if (g->favoured) {
        char id[48];
        cck_rep_claim_id(id, ix, g->favoured);
        json_cstr(out, id);
    } else {
        fputs("null", out);
    }
    fprintf(out, ", \"sources\": %zu", g->nsources);
    if (fingerprint) {
        char fp[17];
        cck_rep_fingerprint(fp, g);
        fprintf(out, ", \"fingerprint\": \"%s\"", fp);
    }
    fputc('}', out);
}

cck_status cck_rep_jsonl_groups(FILE *out, const cck_corpus *c)
{
    cck_rep_index ix;
    cck_rep_index_init(&ix, c);
    for (size_t i = 0; i < c->ngroups; i++) {
        cck_rep_json_group(out, &ix, c, i, false);
        fputc('\n', out);
    }
    cck_rep_index_free(&ix);
    return CCK_OK;
}
