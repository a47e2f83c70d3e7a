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

/* A heap obuf appending to b; ob_done_buf() hands the bytes back. */
static void ob_init_buf(obuf *o, const cck_rep_buf *b)
{
    o->out = NULL;
    o->b = b->buf;
    o->n = b->len;
    o->cap = b->cap;
}

static void ob_done_buf(const obuf *o, cck_rep_buf *b)
{
    b->buf = o->b;
    b->len = o->n;
    b->cap = o->cap;
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
        if (!o->cap)
            o->cap = 4096;
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

/* True when each of the 8 bytes of w is one PLAIN holds: none is 0x80 or
 * above, none below 0x20 ("has a byte less than", exact for whether some
 * byte is), none '"' or '\\' ("has a zero byte" of w xor those). */
static inline bool plain8(uint64_t w)
{
    const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
    uint64_t q = w ^ (ones * '"'), b = w ^ (ones * '\\');
    uint64_t any = ((w - ones * 0x20) & ~w) | ((q - ones) & ~q) | ((b - ones) & ~b) | w;
    return !(any & highs);
}

static void ob_string(obuf *o, const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    OB_LIT(o, "\"");
    size_t run = 0;   /* start of bytes copied as they are */
    for (size_t i = 0; i < n;) {
        uint64_t w;
        if (n - i >= 8 && (memcpy(&w, p + i, 8), plain8(w))) {
            i += 8;
            continue;
        }
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
    cck_rep_claim_span(cl, &cs, &ce, NULL, NULL);
    size_t fs, fe;
    cck_source_file_span(s, cs, ce, &fs, &fe);
    unsigned line, col;
    cck_source_raw_linecol(s, fs, &line, &col);
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
    const char *raw = cck_source_raw_text(s, fs, fe); /* kept, whatever check let go */
    ob_string(o, raw ? raw : "", raw ? fe - fs : 0);
    OB_LIT(o, ", \"kind\": ");
    ob_name(o, cck_kind_name(cl->kind));
    if (cl->kind == CCK_KIND_COORDINATE) {
        OB_LIT(o, ", \"lo\": null, \"hi\": null, \"lat\": ");
        ob_num(o, cl->lat);
        OB_LIT(o, ", \"lon\": ");
        ob_num(o, cl->lon);
    } else if (cl->kind == CCK_KIND_DATE) {
        char lo[CCK_DATE_TEXT], hi[CCK_DATE_TEXT];
        cck_claim_date(cl, false, lo);
        cck_claim_date(cl, true, hi);
        OB_LIT(o, ", \"lo\": ");
        ob_cstr(o, lo[0] ? lo : NULL);
        OB_LIT(o, ", \"hi\": ");
        ob_cstr(o, hi[0] ? hi : lo[0] ? lo : NULL);
    } else {
        OB_LIT(o, ", \"lo\": ");
        ob_num(o, cl->lo);
        OB_LIT(o, ", \"hi\": ");
        ob_num(o, cl->hi);
    }
    OB_LIT(o, ", \"unit\": ");
    ob_cstr(o, cck_claim_unit(cl));
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
        for (size_t i = 0, nc = cck_unit_ncites(s, u); i < nc; i++) {
            const cck_cite *c = cck_unit_cite(s, u, i);
            if (!c)
                continue;
            if (!first)
                OB_LIT(o, ", ");
            first = false;
            size_t n;
            const char *m = cck_cite_marker(s, c, &n);
            ob_string(o, m, n);
        }
    }
    OB_LIT(o, "], \"zone\": ");
    ob_name(o, cck_zone_name(cl->zone));
    OB_LIT(o, "}");
}

/* The claim's id as a JSON string: "\"c3-17\"" (cck_rep_claim_id()). */
static void ob_claim_id(obuf *o, const cck_rep_index *ix, const cck_claim *cl)
{
    OB_LIT(o, "\"c");
    ob_uint(o, cck_rep_source_pos(ix, cl->src));
    OB_LIT(o, "-");
    ob_uint(o, cl->index + 1);
    OB_LIT(o, "\"");
}

static void json_claim(obuf *o, const cck_rep_index *ix, const cck_claim *cl)
{
    OB_LIT(o, "{\"id\": ");
    ob_claim_id(o, ix, cl);
    claim_rest(o, cl, NULL);
}

void cck_rep_json_claim(FILE *out, const cck_rep_index *ix, const cck_claim *cl)
{
    obuf o;
    ob_init_file(&o, out);
    json_claim(&o, ix, cl);
    ob_flush(&o);
}

/* The claim lines of s, each after pre (plen bytes; none when NULL). */
static void source_lines(obuf *o, const cck_source *s, const char *pre, size_t plen)
{
    /* the path as a JSON string, escaped once for every claim */
    obuf d;
    ob_init_mem(&d);
    ob_cstr(&d, s->path);
    ob_put(&d, "", 1); /* its NUL */
    for (size_t j = 0; j < s->nclaims; j++) {
        if (pre)
            ob_put(o, pre, plen);
        OB_LIT(o, "-");   /* the rest of "c<pos>-<claim>" */
        ob_uint(o, j + 1);
        OB_LIT(o, "\"");
        claim_rest(o, &s->claims[j], d.b);
        OB_LIT(o, "\n");
    }
    free(d.b);
}

void cck_rep_jsonl_source(FILE *out, const cck_source *s, const char *pre, size_t plen)
{
    if (!s->nclaims)
        return;
    obuf o;
    ob_init_file(&o, out);
    source_lines(&o, s, pre, plen);
    ob_flush(&o);
}

void cck_rep_jsonl_source_buf(const cck_source *s, cck_rep_buf *b)
{
    if (!s->nclaims)
        return;
    obuf o;
    ob_init_buf(&o, b);
    source_lines(&o, s, NULL, 0);
    ob_done_buf(&o, b);
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

/* Claims [from, to) of group i of c as a group object writes them: with
 * the object's opening when from is 0, its end when to is nclaims. */
static void json_group_piece(obuf *o, const cck_rep_index *ix, const cck_corpus *c, size_t i,
                             size_t from, size_t to, bool fingerprint)
{
    const cck_group *g = &c->groups[i];
    if (from == 0) {
        OB_LIT(o, "{\"id\": \"g");
        ob_uint(o, i + 1);
        OB_LIT(o, "\", \"entity\": ");
        ob_cstr(o, g->entity);
        OB_LIT(o, ", \"attribute\": ");
        ob_cstr(o, g->attribute);
        OB_LIT(o, ", \"as_of\": ");
        ob_cstr(o, g->as_of);
        OB_LIT(o, ", \"status\": ");
        ob_cstr(o, cck_group_status_name(g->status));
        OB_LIT(o, ", \"claims\": [");
    }
    for (size_t j = from; j < to; j++) {
        if (j)
            OB_LIT(o, ", ");
        json_claim(o, ix, g->claims[j]);
    }
    if (to < g->nclaims)
        return;
    OB_LIT(o, "], \"note\": ");
    ob_cstr(o, g->note);
    OB_LIT(o, ", \"favoured\": ");
    if (g->favoured)
        ob_claim_id(o, ix, g->favoured);
    else
        OB_LIT(o, "null");
    OB_LIT(o, ", \"sources\": ");
    ob_uint(o, g->nsources);
    if (fingerprint) {
        char fp[17];
        cck_rep_fingerprint(fp, g);
        OB_LIT(o, ", \"fingerprint\": \"");
        ob_puts(o, fp);
        OB_LIT(o, "\"");
    }
    OB_LIT(o, "}");
}

void cck_rep_json_group(FILE *out, const cck_rep_index *ix, const cck_corpus *c, size_t i,
                        bool fingerprint)
{
    obuf o;
    ob_init_file(&o, out);
    json_group_piece(&o, ix, c, i, 0, c->groups[i].nclaims, fingerprint);
    ob_flush(&o);
}

/* A piece of a group's line, appended to the part's buffer. */
static void group_line(cck_rep_buf *b, const cck_corpus *c, size_t i, size_t from, size_t to,
                       const void *ix)
{
    obuf o;
    ob_init_buf(&o, b);
    json_group_piece(&o, ix, c, i, from, to, false);
    if (to == c->groups[i].nclaims)
        OB_LIT(&o, "\n");
    ob_done_buf(&o, b);
}

cck_status cck_rep_jsonl_groups(FILE *out, const cck_corpus *c, unsigned jobs)
{
    cck_rep_index ix;
    cck_rep_index_init(&ix, c);
    cck_rep_each_group_buf(out, c, jobs, group_line, &ix);
    cck_rep_index_free(&ix);
    return CCK_OK;
}
