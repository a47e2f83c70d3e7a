/* jsonl.c: the JSON Lines writers: claim objects and group objects exactly
 * as ../shared/gold/FORMAT.md describes them, and the JSON string escaper
 * that never lets an invalid UTF-8 byte through. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "report_int.h"

/* Output gathered in a small buffer and handed to stdio in large writes:
 * a claim object is some thirty pieces, and one stdio call per piece was a
 * tenth of `extract`'s time. Without a FILE (out NULL) the buffer is on
 * the heap and grows: a chunk of streaming `extract` is rendered so,
 * without the calls of a memory stream. */
typedef struct {
    FILE *out;
    char *b;
    size_t n, cap;
    char local[2048];
} obuf;

static void ob_init_file(obuf *o, FILE *out)
{
    o->out = out;
    o->b = o->local;
    o->n = 0;
    o->cap = sizeof o->local;
}

static void ob_init_mem(obuf *o)
{
    o->out = NULL;
    o->cap = 4096;
    o->b = cck_xmalloc(o->cap);
    o->n = 0;
}

static void ob_flush(obuf *o)
{
    if (o->out && o->n) {
        fwrite(o->b, 1, o->n, o->out);
        o->n = 0;
    }
}

/* ob_put() when the piece does not fit: flush to the file (a piece larger
 * than the buffer goes straight there) or grow the heap buffer. */
static void ob_put_slow(obuf *o, const char *s, size_t n)
{
    if (o->out) {
        ob_flush(o);
        if (n > o->cap) {
            fwrite(s, 1, n, o->out);
            return;
        }
    } else {
        size_t need = o->n + n;
        if (need < o->n) {
            fprintf(stderr, "claimcheck: out of memory (report buffer)\n");
            abort();
        }
        while (o->cap < need)
            o->cap = o->cap > SIZE_MAX / 2 ? need : o->cap * 2;
        o->b = cck_xrealloc(o->b, o->cap);
    }
    memcpy(o->b + o->n, s, n);
    o->n += n;
}

/* inline: most pieces are literals, whose copy the compiler then unrolls */
static inline void ob_put(obuf *o, const char *s, size_t n)
{
    if (n > o->cap - o->n) {
        ob_put_slow(o, s, n);
        return;
    }
    memcpy(o->b + o->n, s, n);
    o->n += n;
}

#define OB_LIT(o, lit) ob_put((o), (lit), sizeof(lit) - 1)

static void ob_puts(obuf *o, const char *s)
{
    ob_put(o, s, strlen(s));
}

static void ob_uint(obuf *o, size_t v)
{
    char d[CCK_REP_UDIGITS];
    const char *at = cck_rep_udigits(d, v);
    ob_put(o, at, (size_t)(d + CCK_REP_UDIGITS - 1 - at));
}

/* The bytes a JSON string holds as they are: printable ASCII but '"'
 * and '\\' (0x20 to 0x7F; DEL needs no escape). */
static const unsigned char PLAIN[256] = {
    /* 0x00 to 0x1F: 0 */
    [0x20] =
    /* 0x20 */ 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    /* 0x30 */ 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    /* 0x40 */ 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    /* 0x50 */ 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1,
    /* 0x60 */ 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    /* 0x70 */ 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    /* 0x80 to 0xFF: 0, UTF-8 is checked */
};

static void ob_string(obuf *o, const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    OB_LIT(o, "\"");
    size_t run = 0;   /* start of bytes copied as they are */
    for (size_t i = 0; i < n;) {
        unsigned c = p[i];
        if (PLAIN[c]) {
            i++;
            continue;
        }
        unsigned cp = 0;
        size_t k = cck_rep_utf8(p + i, n - i, &cp);
        if (k && cp >= 0x20 && cp != '"' && cp != '\\' && cp != 0x2028 && cp != 0x2029) {
            i += k;
            continue;
        }
        ob_put(o, s + run, i - run);
        if (!k)
            OB_LIT(o, "\xEF\xBF\xBD");
        else if (cp == '"')
            OB_LIT(o, "\\\"");
        else if (cp == '\\')
            OB_LIT(o, "\\\\");
        else if (cp == '\n')
            OB_LIT(o, "\\n");
        else if (cp == '\t')
            OB_LIT(o, "\\t");
        else if (cp == '\r')
            OB_LIT(o, "\\r");
        else if (cp == '\b')
            OB_LIT(o, "\\b");
        else if (cp == '\f')
            OB_LIT(o, "\\f");
        else {
            /* controls, and U+2028/9 which break JavaScript readers */
            char u[8];
            snprintf(u, sizeof u, "\\u%04x", cp);
            ob_puts(o, u);
        }
        i += k ? k : 1;
        run = i;
    }
    ob_put(o, s + run, n - run);
    OB_LIT(o, "\"");
}

void cck_rep_json_string(FILE *out, const char *s, size_t n)
{
    obuf o;
    ob_init_file(&o, out);
    ob_string(&o, s, n);
    ob_flush(&o);
}

static void ob_cstr(obuf *o, const char *s)
{
    if (s)
        ob_string(o, s, strlen(s));
    else
        OB_LIT(o, "null");
}

static void json_cstr(FILE *out, const char *s)
{
    if (s)
        cck_rep_json_string(out, s, strlen(s));
    else
        fputs("null", out);
}

/* A name from the library's own tables (kinds, zones, bounds): plain
 * lower-case ASCII, so quoted without the escaper; NULL is null. */
static void ob_name(obuf *o, const char *s)
{
    if (!s) {
        OB_LIT(o, "null");
        return;
    }
    OB_LIT(o, "\"");
    ob_put(o, s, strlen(s));
    OB_LIT(o, "\"");
}

static void ob_num(obuf *o, double v)
{
    char b[32];
    cck_rep_number(b, v);
    ob_puts(o, b);
}

/* Everything of a claim object after its id; doc is the source's path as a
 * JSON string, or NULL to escape it here. */
static void claim_rest(obuf *o, const cck_claim *cl, const char *doc)
{
    const cck_source *s = cl->src;
    size_t cs, ce;
    unsigned line, col;
    cck_rep_claim_span(cl, &cs, &ce, &line, &col);
    size_t fs, fe;
    cck_source_file_span(s, cs, ce, &fs, &fe);
    OB_LIT(o, ", \"doc\": ");
    if (doc)
        ob_puts(o, doc);
    else
        ob_cstr(o, s->path);
    OB_LIT(o, ", \"line\": ");
    ob_uint(o, line);
    OB_LIT(o, ", \"start\": ");
    ob_uint(o, fs);
    OB_LIT(o, ", \"end\": ");
    ob_uint(o, fe);
    OB_LIT(o, ", \"span\": ");
    ob_string(o, s->raw + fs, fe - fs);
    OB_LIT(o, ", \"kind\": ");
    ob_name(o, cck_kind_name(cl->kind));
    if (cl->kind == CCK_KIND_COORDINATE) {
        OB_LIT(o, ", \"lo\": null, \"hi\": null, \"lat\": ");
        ob_num(o, cl->lat);
        OB_LIT(o, ", \"lon\": ");
        ob_num(o, cl->lon);
    } else if (cl->kind == CCK_KIND_DATE) {
        OB_LIT(o, ", \"lo\": ");
        ob_cstr(o, cl->date_lo[0] ? cl->date_lo : NULL);
        OB_LIT(o, ", \"hi\": ");
        ob_cstr(o, cl->date_hi[0] ? cl->date_hi : cl->date_lo[0] ? cl->date_lo : NULL);
    } else {
        OB_LIT(o, ", \"lo\": ");
        ob_num(o, cl->lo);
        OB_LIT(o, ", \"hi\": ");
        ob_num(o, cl->hi);
    }
    OB_LIT(o, ", \"unit\": ");
    ob_cstr(o, cl->unit ? cl->unit : "");
    if (cl->approx)
        OB_LIT(o, ", \"approx\": true, \"bound\": ");
    else
        OB_LIT(o, ", \"approx\": false, \"bound\": ");
    ob_name(o, cck_bound_name(cl->bound));
    OB_LIT(o, ", \"entity\": ");
    ob_cstr(o, cl->entity);
    OB_LIT(o, ", \"attribute\": ");
    ob_cstr(o, cl->attribute);
    OB_LIT(o, ", \"as_of\": ");
    ob_cstr(o, cl->as_of);
    OB_LIT(o, ", \"cites\": [");
    if (cl->unit_index < s->nunits) {
        const cck_unit *u = &s->units[cl->unit_index];
        bool first = true;
        for (size_t i = 0; i < u->ncites; i++) {
            if (u->cites[i] >= s->ncites || !s->cites[u->cites[i]].marker)
                continue;
            if (!first)
                OB_LIT(o, ", ");
            first = false;
            ob_cstr(o, s->cites[u->cites[i]].marker);
        }
    }
    OB_LIT(o, "], \"zone\": ");
    ob_name(o, cck_zone_name(cl->zone));
    OB_LIT(o, "}");
}

void cck_rep_json_claim(FILE *out, const cck_rep_index *ix, const cck_claim *cl)
{
    char id[48];
    cck_rep_claim_id(id, ix, cl);
    obuf o;
    ob_init_file(&o, out);
    OB_LIT(&o, "{\"id\": ");
    ob_cstr(&o, id);
    claim_rest(&o, cl, NULL);
    ob_flush(&o);
}

static void source_lines(obuf *o, const cck_source *s)
{
    /* the path as a JSON string, escaped once for every claim */
    obuf d;
    ob_init_mem(&d);
    ob_cstr(&d, s->path);
    ob_put(&d, "", 1); /* its NUL */
    for (size_t j = 0; j < s->nclaims; j++) {
        OB_LIT(o, "-");   /* the rest of "c<pos>-<claim>" */
        ob_uint(o, j + 1);
        OB_LIT(o, "\"");
        claim_rest(o, &s->claims[j], d.b);
        OB_LIT(o, "\n");
    }
    free(d.b);
}

void cck_rep_jsonl_source(FILE *out, const cck_source *s)
{
    if (!s->nclaims)
        return;
    obuf o;
    ob_init_file(&o, out);
    source_lines(&o, s);
    ob_flush(&o);
}

char *cck_rep_jsonl_source_mem(const cck_source *s, size_t *len)
{
    *len = 0;
    if (!s->nclaims)
        return NULL;
    obuf o;
    ob_init_mem(&o);
    source_lines(&o, s);
    *len = o.n;
    return o.b;
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

static void group_line(FILE *out, const cck_corpus *c, size_t i, const void *ix)
{
    cck_rep_json_group(out, ix, c, i, false);
    fputc('\n', out);
}

cck_status cck_rep_jsonl_groups(FILE *out, const cck_corpus *c, unsigned jobs)
{
    cck_rep_index ix;
    cck_rep_index_init(&ix, c);
    cck_rep_each_group(out, c, jobs, group_line, &ix);
    cck_rep_index_free(&ix);
    return CCK_OK;
}
