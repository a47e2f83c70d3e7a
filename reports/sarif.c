/* sarif.c: SARIF 2.1.0 for code-scanning tools: each conflicting subject a
 * result with a location at every claim that states a value, keyed by a
 * partialFingerprint made of the subject and its values (not lines), and
 * each dangling citation marker a result of its own rule. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "report_int.h"

/* A path as a URI reference: unreserved characters and "/" as they are,
 * every other byte percent-encoded (RFC 3986 2.1); absolute paths get
 * "file://". */
static void put_uri(FILE *out, const char *path)
{
    size_t n = strlen(path);
    char *u = cck_xmalloc(3 * n + 8), *p = u;
    if (path[0] == '/') {
        memcpy(p, "file://", 7);
        p += 7;
    }
    for (const unsigned char *s = (const unsigned char *)path; *s; s++) {
        if ((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
            strchr("-._~/", *s)) {
            *p++ = (char)*s;
        } else {
            static const char hex[] = "0123456789ABCDEF";
            *p++ = '%';
            *p++ = hex[*s >> 4];
            *p++ = hex[*s & 15];
        }
    }
    *p = '\0';
    cck_rep_json_cstr(out, u);
    free(u);
}

static void artifact_location(FILE *out, const cck_corpus *c, const cck_rep_index *ix,
                              const cck_source *s)
{
    fputs("{\"uri\": ", out);
    put_uri(out, s->path);
    if (s->path[0] != '/')
        fputs(", \"uriBaseId\": \"SRCROOT\"", out);
    char id[48];
    cck_claim probe;
    memset(&probe, 0, sizeof probe);
    probe.src = s;
    cck_rep_claim_id(id, ix, &probe);
    size_t pos = (size_t)strtoull(id + 1, NULL, 10);
    (void)c;
    fprintf(out, ", \"index\": %zu}", pos ? pos - 1 : 0);
}

static void region(FILE *out, const cck_source *s, size_t cs, size_t ce)
{
    unsigned l1, c1, l2, c2;
    cck_source_linecol(s, cs, &l1, &c1);
    cck_source_linecol(s, ce, &l2, &c2);
    fprintf(out, "{\"startLine\": %u, \"startColumn\": %u, \"endLine\": %u, \"endColumn\": %u, "
                 "\"byteOffset\": %zu, \"byteLength\": %zu, \"snippet\": {\"text\": ",
            l1, cck_rep_char_col(s, cs), l2, cck_rep_char_col(s, ce), cs, ce - cs);
    char *t = cck_rep_clean(s->bytes + cs, ce - cs, NULL, NULL);
    cck_rep_json_cstr(out, t);
    free(t);
    fputs("}}", out);
}

static void conflict_result(FILE *out, const cck_corpus *c, const cck_rep_index *ix, size_t gi,
                            bool first)
{
    const cck_group *g = &c->groups[gi];
    fputs(first ? "\n        {" : ",\n        {", out);
    fputs("\"ruleId\": \"conflict\", \"ruleIndex\": 0, \"level\": \"warning\", \"message\": {\"text\": ", out);
    char *line = cck_rep_conflict_line(g);
    cck_rep_json_cstr(out, line);
    free(line);
    fputs("},\n          \"locations\": [", out);
    for (size_t i = 0; i < g->nclaims; i++) {
        const cck_claim *cl = g->claims[i];
        size_t cs, ce;
        cck_rep_claim_span(cl, &cs, &ce, NULL, NULL);
        fprintf(out, "%s{\"id\": %zu, \"physicalLocation\": {\"artifactLocation\": ",
                i ? ",\n            " : "\n            ", i);
        artifact_location(out, c, ix, cl->src);
        fputs(", \"region\": ", out);
        region(out, cl->src, cs, ce);
        fputs("}, \"message\": {\"text\": ", out);
        char v[128];
        cck_rep_value(v, sizeof v, cl);
        char *span = cck_rep_clean(cl->src->bytes + cs, ce - cs, NULL, NULL);
        size_t n = strlen(span) + strlen(v) + 32;
        char *msg = cck_xmalloc(n);
        snprintf(msg, n, "\"%s\" (%s)%s", span, v, cl == g->favoured ? ", favoured" : "");
        cck_rep_json_cstr(out, msg);
        free(msg);
        free(span);
        fputs("}}", out);
    }
    char fp[17];
    cck_rep_fingerprint(fp, g);
    fprintf(out, "\n          ],\n          \"partialFingerprints\": {\"claimcheckSubjectValues/v1\": \"%s\"},\n"
                 "          \"properties\": {\"group\": \"g%zu\", \"entity\": ", fp, gi + 1);
    cck_rep_json_cstr(out, g->entity);
    fputs(", \"attribute\": ", out);
    cck_rep_json_cstr(out, g->attribute);
    fputs(", \"as_of\": ", out);
    cck_rep_json_cstr(out, g->as_of);
    fputs(", \"note\": ", out);
    cck_rep_json_cstr(out, g->note);
    fputs("}}", out);
}

static const char RULES[] =
    "          {\"id\": \"conflict\", \"name\": \"ConflictingFigures\", "
    "\"shortDescription\": {\"text\": \"Sources state different values for one subject\"}, "
    "\"fullDescription\": {\"text\": \"Two or more claims about the same entity, attribute and "
    "time disagree beyond the rounding and hedging of each figure.\"}, "
    "\"defaultConfiguration\": {\"level\": \"warning\"}},\n"
    "          {\"id\": \"dangling-citation\", \"name\": \"DanglingCitation\", "
    "\"shortDescription\": {\"text\": \"A citation marker resolves to no reference entry\"}, "
    "\"fullDescription\": {\"text\": \"A marker such as [7] stands in the text but the "
    "article's reference list has no entry it names, or its link is a placeholder.\"}, "
    "\"defaultConfiguration\": {\"level\": \"warning\"}}\n";

cck_status cck_rep_sarif(FILE *out, const cck_corpus *c, bool groups)
{
    cck_rep_index ix;
    cck_rep_index_init(&ix, c);
    fprintf(out, "{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n"
                 "  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\n"
                 "      \"tool\": {\"driver\": {\"name\": \"claimcheck\", \"version\": \"%s\", "
                 "\"semanticVersion\": \"%s\", \"rules\": [\n%s        ]}},\n"
                 "      \"columnKind\": \"unicodeCodePoints\",\n"
                 "      \"originalUriBaseIds\": {\"SRCROOT\": {\"description\": {\"text\": "
                 "\"the directory claimcheck ran in\"}}},\n"
                 "      \"artifacts\": [",
            CCK_VERSION, CCK_VERSION, RULES);
    for (size_t i = 0; i < c->nsources; i++) {
        fputs(i ? ",\n        {\"location\": " : "\n        {\"location\": ", out);
        fputs("{\"uri\": ", out);
        put_uri(out, c->sources[i]->path);
        if (c->sources[i]->path[0] != '/')
            fputs(", \"uriBaseId\": \"SRCROOT\"", out);
        fprintf(out, "}, \"length\": %zu}", (size_t)c->sources[i]->len);
    }
    fputs(c->nsources ? "\n      ],\n      \"results\": [" : "],\n      \"results\": [", out);
    bool first = true;
    if (groups) {
        size_t *order;
        size_t n = cck_rep_conflict_order(c, &order);
        for (size_t k = 0; k < n; k++) {
            conflict_result(out, c, &ix, order[k], first);
            first = false;
        }
        free(order);
    }
    cck_finding *v;
    size_t n = cck_rep_findings_of(c, CCK_FIND_BIT(CCK_FIND_DANGLING), 1, &v);
    for (size_t i = 0; i < n; i++) {
        fputs(first ? "\n        {" : ",\n        {", out);
        first = false;
        fputs("\"ruleId\": \"dangling-citation\", \"ruleIndex\": 1, \"level\": \"warning\", "
              "\"message\": {\"text\": ", out);
        cck_rep_json_cstr(out, v[i].msg);
        fputs("},\n          \"locations\": [{\"physicalLocation\": {\"artifactLocation\": ", out);
        artifact_location(out, c, &ix, v[i].src);
        fputs(", \"region\": ", out);
        region(out, v[i].src, v[i].start, v[i].end);
        /* a marker is keyed by its file name and text, not by its line */
        uint64_t h = 0xcbf29ce484222325u;
        const char *key[] = {cck_rep_basename(v[i].src->path), v[i].msg};
        for (size_t k = 0; k < 2; k++)
            for (const unsigned char *p = (const unsigned char *)key[k]; *p; p++) {
                h ^= *p;
                h *= 0x100000001b3u;
            }
        fprintf(out, "}}],\n          \"partialFingerprints\": {\"claimcheckMarker/v1\": "
                     "\"%016llx\"}}", (unsigned long long)h);
    }
    cck_rep_findings_free(v, n);
    fputs(first ? "]\n    }\n  ]\n}\n" : "\n      ]\n    }\n  ]\n}\n", out);
    cck_rep_index_free(&ix);
    return CCK_OK;
}
