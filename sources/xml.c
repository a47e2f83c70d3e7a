/* xml.c: the XML reader. libxml2's streaming reader checks the document
 * with safe options (no network, no DTD, no entity substitution; a
 * document it rejects, such as an entity bomb, is refused); our own scan
 * of the raw bytes projects its text. A MediaWiki export becomes one
 * article per <page>: its <title> a level-1 heading, its wikitext reduced
 * (templates dropped, links to their labels, == headings ==, {| tables |},
 * and <ref>s to numbered markers over a References list). */
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "sources.h"

/* ---- the safety check through libxml2 ------------------------------------ */

typedef struct {
    size_t n;
    int line, col, code;
    char msg[160];
} errs;

static void on_error(void *arg, xmlErrorPtr e)
{
    errs *er = arg;
    if (!e || e->level < XML_ERR_ERROR)
        return;
    if (!er->n++) {
        er->line = e->line;
        er->col = e->int2;
        er->code = e->code;
        snprintf(er->msg, sizeof er->msg, "%s", e->message ? e->message : "error");
        size_t k = strlen(er->msg);
        while (k && (er->msg[k - 1] == '\n' || er->msg[k - 1] == ' '))
            er->msg[--k] = '\0';
    }
}

/* Reads the whole document through the streaming reader (bounded memory);
 * false when libxml2 rejects it, with the first error in *er. */
static bool well_formed(const cck_source *s, errs *er)
{
    cck_src_xml_init();
    if (s->raw_len > INT32_MAX) {
        snprintf(er->msg, sizeof er->msg, "document too large for the XML parser");
        er->n = 1;
        return false;
    }
    xmlTextReaderPtr r = xmlReaderForMemory(s->raw, (int)s->raw_len, s->path, NULL,
                                            XML_PARSE_NONET | XML_PARSE_NOERROR |
                                                XML_PARSE_NOWARNING | XML_PARSE_NOCDATA |
                                                XML_PARSE_BIG_LINES);
    if (!r) {
        snprintf(er->msg, sizeof er->msg, "XML parser unavailable");
        er->n = 1;
        return false;
    }
    xmlTextReaderSetStructuredErrorHandler(r, on_error, er);
    int ret;
    while ((ret = xmlTextReaderRead(r)) == 1)
        ;
    /* an error inside an entity's text reports the entity's own line 1:
     * where the parser stands in the document says more */
    if (ret != 0 && xmlTextReaderGetParserLineNumber(r) > 0) {
        er->line = xmlTextReaderGetParserLineNumber(r);
        er->col = xmlTextReaderGetParserColumnNumber(r);
    }
    xmlFreeTextReader(r);
    xmlResetLastError();
    return ret == 0 && er->n == 0;
}

/* ---- decoded text that remembers where each byte came from ---------------- */

typedef struct {
    char *b;
    uint32_t *rs, *re;   /* raw span of each decoded byte */
    size_t n, cap;
} dtext;

static void dpush(dtext *t, const char *p, size_t n, size_t ra, size_t rb, bool same)
{
    if (t->n + n > t->cap) {
        size_t cap = t->cap ? t->cap : 1024;
        while (cap < t->n + n)
            cap *= 2;
        t->b = cck_xrealloc(t->b, cap);
        t->rs = cck_xreallocarray(t->rs, cap, sizeof *t->rs);
        t->re = cck_xreallocarray(t->re, cap, sizeof *t->re);
        t->cap = cap;
    }
    for (size_t i = 0; i < n; i++) {
        t->b[t->n] = p[i];
        t->rs[t->n] = (uint32_t)(same ? ra + i : ra);
        t->re[t->n] = (uint32_t)(same ? ra + i + 1 : rb);
        t->n++;
    }
}

static void dfree(dtext *t)
{
    free(t->b);
    free(t->rs);
    free(t->re);
    memset(t, 0, sizeof *t);
}

typedef struct {
    cck_source *s;
    cck_diags *d;
    cck_proj out;
    size_t unknown_entities;
    char first_entity[40];
    size_t first_entity_at;
    unsigned depth;     /* nesting of reduce(): links in links, refs in cells */
} xctx;

/* Copies decoded [a, b) to the projection with its raw spans. */
static void emit_mapped(xctx *x, const dtext *t, size_t a, size_t b)
{
    size_t i = a;
    while (i < b) {
        size_t j = i + 1;
        if (t->re[i] - t->rs[i] == 1) {
            while (j < b && t->rs[j] == t->re[j - 1] && t->re[j] - t->rs[j] == 1)
                j++;
            cck_proj_emit(&x->out, t->b + i, j - i, t->rs[i], t->re[j - 1]);
        } else {
            while (j < b && t->rs[j] == t->rs[i] && t->re[j] == t->re[i])
                j++;
            cck_proj_emit(&x->out, t->b + i, j - i, t->rs[i], t->re[i]);
        }
        i = j;
    }
}

/* Inserted text standing for decoded [a, b) of t. */
static void emit_for(xctx *x, const dtext *t, const char *text, size_t a, size_t b)
{
    size_t ra = a < t->n ? t->rs[a] : (t->n ? t->re[t->n - 1] : 0);
    size_t rb = b > a && b - 1 < t->n ? t->re[b - 1] : ra;
    cck_proj_emit(&x->out, text, strlen(text), ra, rb);
}

static void ensure_break(xctx *x, size_t k, size_t at)
{
    if (!x->out.n)
        return;
    for (size_t have = cck_proj_trailing_newlines(&x->out); have < k; have++)
        cck_proj_insert(&x->out, "\n", at);
}

/* ---- wikitext --------------------------------------------------------------- */

typedef struct {
    size_t a, b;          /* body in the decoded text; a == b when none */
    char name[48];
} wref;

typedef struct {
    wref *v;
    size_t n, cap;
} wrefs;

static bool starts_ci(const char *p, size_t n, const char *w)
{
    size_t k = strlen(w);
    return n >= k && !strncasecmp(p, w, k);
}

/* End of the "{{...}}" (or "[[...]]") opened at i, nesting counted; n when
 * unclosed. */
static size_t match_close(const char *w, size_t n, size_t i, char open, char close)
{
    int depth = 0;
    for (size_t k = i; k + 1 < n; k++) {
        if (w[k] == open && w[k + 1] == open) {
            depth++;
            k++;
        } else if (w[k] == close && w[k + 1] == close) {
            if (--depth == 0)
                return k + 2;
            k++;
        }
    }
    return n;
}

static size_t find_ci(const char *w, size_t n, size_t from, const char *pat)
{
    size_t k = strlen(pat);
    for (size_t i = from; i + k <= n; i++)
        if (!strncasecmp(w + i, pat, k))
            return i;
    return SIZE_MAX;
}

/* The value of name="..." (or name=x) inside a tag [a, b). */
static void tag_name_attr(const char *w, size_t a, size_t b, char out[48])
{
    out[0] = '\0';
    size_t i = find_ci(w, b, a, "name");
    if (i == SIZE_MAX)
        return;
    i += 4;
    while (i < b && (w[i] == ' ' || w[i] == '='))
        i++;
    char q = i < b && (w[i] == '"' || w[i] == '\'') ? w[i++] : 0;
    size_t k = 0;
    while (i < b && k < 47 && (q ? w[i] != q : (w[i] != ' ' && w[i] != '/' && w[i] != '>')))
        out[k++] = w[i++];
    out[k] = '\0';
}

static void reduce(xctx *x, const dtext *t, size_t a, size_t b, bool oneline, wrefs *refs);

static size_t ref_label(wrefs *refs, const char *name, size_t ba, size_t bb)
{
    for (size_t k = 0; name[0] && k < refs->n; k++)
        if (!strcmp(refs->v[k].name, name)) {
            if (refs->v[k].a == refs->v[k].b) {
                refs->v[k].a = ba;
                refs->v[k].b = bb;
            }
            return k + 1;
        }
    if (refs->n == refs->cap) {
        refs->cap = refs->cap ? 2 * refs->cap : 16;
        refs->v = cck_xreallocarray(refs->v, refs->cap, sizeof *refs->v);
    }
    wref *r = &refs->v[refs->n++];
    r->a = ba;
    r->b = bb;
    snprintf(r->name, sizeof r->name, "%s", name);
    return refs->n;
}

/* A "{{cite ...}}" in a reference keeps its title, work, date and URL. */
static void cite_template(xctx *x, const dtext *t, size_t a, size_t b, wrefs *refs)
{
    const char *w = t->b;
    static const char *const keep[] = {"author", "last", "title", "work", "website", "publisher",
                                       "newspaper", "journal", "date", "year", "url"};
    size_t i = a;
    bool first = true;
    while (i < b) {
        size_t e = i;
        int depth = 0;
        for (; e < b; e++) {
            if ((w[e] == '{' || w[e] == '[') && e + 1 < b && w[e + 1] == w[e])
                depth++;
            else if ((w[e] == '}' || w[e] == ']') && e + 1 < b && w[e + 1] == w[e] && depth)
                depth--;
            else if (w[e] == '|' && !depth)
                break;
        }
        const char *eq = memchr(w + i, '=', e - i);
        if (eq) {
            size_t ks = i, ke = (size_t)(eq - w);
            while (ks < ke && (w[ks] == ' ' || w[ks] == '\n'))
                ks++;
            while (ke > ks && w[ke - 1] == ' ')
                ke--;
            for (size_t k = 0; k < sizeof keep / sizeof *keep; k++)
                if (strlen(keep[k]) == ke - ks && !strncasecmp(w + ks, keep[k], ke - ks)) {
                    size_t vs = ke + 1, ve = e;
                    while (vs < ve && (w[vs] == ' ' || w[vs] == '='))
                        vs++;
                    while (ve > vs && (w[ve - 1] == ' ' || w[ve - 1] == '\n'))
                        ve--;
                    if (vs < ve) {
                        if (!first)
                            emit_for(x, t, ". ", vs, vs);
                        first = false;
                        reduce(x, t, vs, ve, true, refs);
                    }
                    break;
                }
        }
        i = e + 1;
    }
    if (!first)
        emit_for(x, t, ".", b, b);
}

/* A "{| ... |}" table starting at line a; returns where it ends. Rows
 * become "| a | b |" lines, the first under a "|---|" separator. */
static size_t wiki_table(xctx *x, const dtext *t, size_t a, size_t n, wrefs *refs)
{
    const char *w = t->b;
    size_t i = a, rows = 0, cells = 0, header_cells = 0;
    bool row_open = false, sep = false;
    ensure_break(x, 2, t->rs[a]);
    while (i < n) {
        size_t e = i;
        while (e < n && w[e] != '\n')
            e++;
        size_t s = i;
        while (s < e && (w[s] == ' ' || w[s] == '\t'))
            s++;
        bool end = s + 1 < e + 1 && w[s] == '|' && s + 1 < n && w[s + 1] == '}';
        bool new_row = s + 1 < n && w[s] == '|' && w[s + 1] == '-';
        if ((end || new_row) && row_open) {
            emit_for(x, t, " |\n", s, s);
            row_open = false;
            rows++;
            if (!sep) {
                sep = true;
                header_cells = cells ? cells : 1;
                emit_for(x, t, "|", s, s);
                for (size_t k = 0; k < header_cells; k++)
                    emit_for(x, t, "---|", s, s);
                emit_for(x, t, "\n", s, s);
            }
        }
        if (end) {
            i = e < n ? e + 1 : n;
            break;
        }
        if (s < e && w[s] == '{' && s + 1 < e && w[s + 1] == '|') {
            /* the table's attributes */
        } else if (s + 1 < e && w[s] == '|' && w[s + 1] == '+') {
            if (!rows && !row_open && !sep) {
                emit_for(x, t, "| ", s, s);
                reduce(x, t, s + 2, e, true, refs);
                emit_for(x, t, " |\n|---|\n", e, e);
                sep = true;
            }
        } else if (s < e && (w[s] == '|' || w[s] == '!') && !new_row) {
            bool head = w[s] == '!';
            size_t p = s + 1;
            if (!row_open) {
                emit_for(x, t, "|", s, s);
                row_open = true;
                cells = 0;
            }
            while (p <= e) {
                /* the cell runs to "||" (or "!!" in a header row) */
                size_t q = p;
                int depth = 0;
                for (; q < e; q++) {
                    if ((w[q] == '[' || w[q] == '{') && q + 1 < e && w[q + 1] == w[q])
                        depth++;
                    else if ((w[q] == ']' || w[q] == '}') && q + 1 < e && w[q + 1] == w[q] && depth)
                        depth--;
                    else if (!depth && q + 1 < e &&
                             ((w[q] == '|' && w[q + 1] == '|') || (head && w[q] == '!' && w[q + 1] == '!')))
                        break;
                }
                /* "style=... | text": attributes before a single '|' */
                size_t cs = p;
                depth = 0;
                for (size_t k = p; k < q; k++) {
                    if ((w[k] == '[' || w[k] == '{') && k + 1 < q && w[k + 1] == w[k])
                        depth++;
                    else if ((w[k] == ']' || w[k] == '}') && k + 1 < q && w[k + 1] == w[k] && depth)
                        depth--;
                    else if (!depth && w[k] == '|') {
                        if (memchr(w + p, '=', k - p))
                            cs = k + 1;
                        break;
                    }
                }
                while (cs < q && w[cs] == ' ')
                    cs++;
                size_t ce = q;
                while (ce > cs && w[ce - 1] == ' ')
                    ce--;
                emit_for(x, t, cells ? " | " : " ", p, p);
                cells++;
                reduce(x, t, cs, ce, true, refs);
                if (q >= e)
                    break;
                p = q + 2;
            }
        } else if (row_open && s < e) {
            /* a cell's text goes on over the next line */
            emit_for(x, t, " ", s, s);
            reduce(x, t, s, e, true, refs);
        }
        i = e < n ? e + 1 : n;
    }
    if (row_open)
        emit_for(x, t, " |\n", i > a ? i - 1 : a, i > a ? i - 1 : a);
    emit_for(x, t, "\n", i > a ? i - 1 : a, i > a ? i - 1 : a);
    return i;
}

enum { REDUCE_DEPTH = 24 };

static void reduce_in(xctx *x, const dtext *t, size_t a, size_t b, bool oneline, wrefs *refs);

/* Reduces wikitext [a, b) of t into the projection. Past REDUCE_DEPTH
 * nested links or templates the text is copied as it stands, so no input
 * can exhaust the stack. */
static void reduce(xctx *x, const dtext *t, size_t a, size_t b, bool oneline, wrefs *refs)
{
    if (x->depth >= REDUCE_DEPTH) {
        emit_mapped(x, t, a, b);
        return;
    }
    x->depth++;
    reduce_in(x, t, a, b, oneline, refs);
    x->depth--;
}

static void reduce_in(xctx *x, const dtext *t, size_t a, size_t b, bool oneline, wrefs *refs)
{
    const char *w = t->b;
    size_t i = a, run = a;   /* text [run, i) not yet copied */
#define FLUSH()                                                                 \
    do {                                                                        \
        emit_mapped(x, t, run, i);                                              \
    } while (0)
    while (i < b) {
        bool bol = i == a || w[i - 1] == '\n';
        char ch = w[i];
        if (bol && !oneline) {
            if (ch == '=') {
                size_t e = i;
                while (e < b && w[e] != '\n')
                    e++;
                size_t lv = 0, te = e;
                while (i + lv < e && w[i + lv] == '=')
                    lv++;
                while (te > i && (w[te - 1] == ' ' || w[te - 1] == '\t'))
                    te--;
                size_t rv = 0;
                while (te > i + lv && w[te - 1] == '=') {
                    te--;
                    rv++;
                }
                if (lv && rv && lv <= 6) {
                    FLUSH();
                    char h[9];
                    size_t k = lv < rv ? lv : rv;
                    memset(h, '#', k);
                    h[k] = ' ';
                    h[k + 1] = '\0';
                    ensure_break(x, 2, t->rs[i]);
                    emit_for(x, t, h, i, i + lv);
                    size_t hs = i + lv;
                    while (hs < te && w[hs] == ' ')
                        hs++;
                    while (te > hs && w[te - 1] == ' ')
                        te--;
                    reduce(x, t, hs, te, true, refs);
                    emit_for(x, t, "\n\n", e, e);
                    i = run = e < b ? e + 1 : b;
                    continue;
                }
            }
            if (ch == '{' && i + 1 < b && w[i + 1] == '|') {
                FLUSH();
                i = run = wiki_table(x, t, i, b, refs);
                continue;
            }
            if (ch == '*' || ch == '#' || ch == ':' || ch == ';') {
                FLUSH();
                size_t j = i;
                while (j < b && (w[j] == '*' || w[j] == '#' || w[j] == ':' || w[j] == ';'))
                    j++;
                while (j < b && w[j] == ' ')
                    j++;
                ensure_break(x, 2, t->rs[i]);
                if (ch == '*' || ch == '#')
                    emit_for(x, t, "- ", i, j);
                i = run = j;
                continue;
            }
        }
        if (ch == '\n' && oneline) {
            FLUSH();
            emit_for(x, t, " ", i, i + 1);
            run = ++i;
            continue;
        }
        if (ch == '<') {
            if (starts_ci(w + i, b - i, "<!--")) {
                FLUSH();
                size_t e = find_ci(w, b, i + 4, "-->");
                i = run = e == SIZE_MAX ? b : e + 3;
                continue;
            }
            if (starts_ci(w + i, b - i, "<ref") && i + 4 < b &&
                (w[i + 4] == '>' || w[i + 4] == ' ' || w[i + 4] == '/')) {
                FLUSH();
                size_t gt = i;
                while (gt < b && w[gt] != '>')
                    gt++;
                char name[48];
                tag_name_attr(w, i + 4, gt, name);
                size_t end, ba = gt + 1, bb = gt + 1;
                if (gt < b && gt > i && w[gt - 1] == '/') {
                    end = gt + 1;
                } else {
                    size_t close = find_ci(w, b, gt, "</ref");
                    bb = close == SIZE_MAX ? b : close;
                    size_t g2 = close == SIZE_MAX ? b : close;
                    while (g2 < b && w[g2] != '>')
                        g2++;
                    end = g2 < b ? g2 + 1 : b;
                }
                size_t label = ref_label(refs, name, ba, bb);
                char m[24];
                snprintf(m, sizeof m, "[%zu]", label);
                emit_for(x, t, m, i, end);
                i = run = end > b ? b : end;
                continue;
            }
            /* other tags go; the contents of a few go with them */
            static const char *const drop[] = {"math", "gallery", "syntaxhighlight", "source",
                                               "pre", "timeline", "score", "templatedata"};
            size_t gt = i + 1;
            while (gt < b && w[gt] != '>' && w[gt] != '<' && w[gt] != '\n')
                gt++;
            if (gt < b && w[gt] == '>' && i + 1 < b &&
                ((w[i + 1] >= 'a' && w[i + 1] <= 'z') || (w[i + 1] >= 'A' && w[i + 1] <= 'Z') ||
                 w[i + 1] == '/')) {
                FLUSH();
                size_t next = gt + 1;
                for (size_t k = 0; k < sizeof drop / sizeof *drop; k++)
                    if (starts_ci(w + i + 1, b - i - 1, drop[k]) && w[gt - 1] != '/') {
                        char close[32];
                        snprintf(close, sizeof close, "</%s", drop[k]);
                        size_t c = find_ci(w, b, gt, close);
                        if (c != SIZE_MAX) {
                            while (c < b && w[c] != '>')
                                c++;
                            next = c < b ? c + 1 : b;
                        }
                        break;
                    }
                if (starts_ci(w + i, b - i, "<br"))
                    emit_for(x, t, " ", i, next);
                i = run = next;
                continue;
            }
        }
        if (ch == '{' && i + 1 < b && w[i + 1] == '{') {
            FLUSH();
            size_t e = match_close(w, b, i, '{', '}');
            if (refs && starts_ci(w + i + 2, b - i - 2, "cite") && e <= b && e >= i + 4)
                cite_template(x, t, i + 2, e - 2, refs);
            i = run = e;
            continue;
        }
        if (ch == '[' && i + 1 < b && w[i + 1] == '[') {
            FLUSH();
            size_t e = match_close(w, b, i, '[', ']');
            size_t in_a = i + 2, in_b = e >= i + 4 ? e - 2 : e;
            static const char *const skip[] = {"File:", "Image:", "Category:", "Media:"};
            bool dropped = false;
            for (size_t k = 0; k < sizeof skip / sizeof *skip; k++)
                if (starts_ci(w + in_a, in_b - in_a, skip[k]))
                    dropped = true;
            if (!dropped && in_b > in_a) {
                size_t bar = in_b;
                for (size_t k = in_a; k < in_b; k++)
                    if (w[k] == '|') {
                        bar = k;
                        break;
                    }
                if (bar < in_b)
                    reduce(x, t, bar + 1, in_b, true, refs);
                else
                    reduce(x, t, in_a, in_b, true, refs);
            }
            i = run = e;
            continue;
        }
        if (ch == '[' && (starts_ci(w + i + 1, b - i - 1, "http://") ||
                          starts_ci(w + i + 1, b - i - 1, "https://") ||
                          starts_ci(w + i + 1, b - i - 1, "//"))) {
            size_t e = i + 1;
            while (e < b && w[e] != ']' && w[e] != '\n')
                e++;
            if (e < b && w[e] == ']') {
                FLUSH();
                size_t sp = i + 1;
                while (sp < e && w[sp] != ' ')
                    sp++;
                if (sp < e)
                    reduce(x, t, sp + 1, e, true, refs);
                i = run = e + 1;
                continue;
            }
        }
        if (ch == '\'' && i + 1 < b && w[i + 1] == '\'') {
            FLUSH();
            size_t j = i;
            while (j < b && w[j] == '\'')
                j++;
            i = run = j;
            continue;
        }
        if (ch == '_' && starts_ci(w + i, b - i, "__") && i + 4 < b) {
            size_t e = i + 2;
            while (e < b && w[e] >= 'A' && w[e] <= 'Z')
                e++;
            if (e > i + 2 && starts_ci(w + e, b - e, "__")) {
                FLUSH();
                i = run = e + 2;
                continue;
            }
        }
        i++;
    }
    FLUSH();
#undef FLUSH
}

/* A page's wikitext, then its references. */
static void wiki_page(xctx *x, const dtext *t)
{
    wrefs refs = {0};
    reduce(x, t, 0, t->n, false, &refs);
    if (refs.n) {
        size_t at = t->n ? t->re[t->n - 1] : 0;
        ensure_break(x, 2, at);
        cck_proj_insert(&x->out, "## References\n\n", at);
        for (size_t k = 0; k < refs.n; k++) {
            char num[24];
            snprintf(num, sizeof num, "%zu. ", k + 1);
            emit_for(x, t, num, refs.v[k].a, refs.v[k].a);
            reduce(x, t, refs.v[k].a, refs.v[k].b, true, &refs);
            emit_for(x, t, "\n\n", refs.v[k].b, refs.v[k].b);
        }
    }
    free(refs.v);
}

/* ---- the raw scan ------------------------------------------------------------ */

typedef enum { CAP_NONE, CAP_TITLE, CAP_TEXT, CAP_SITENAME, CAP_BASE, CAP_TIMESTAMP } capture;

/* Decodes character data [a, b) of the file into t: entities of XML (the
 * five and numeric ones); a reference to any other entity stays as
 * written, unexpanded. */
static void chardata(xctx *x, dtext *t, size_t a, size_t b)
{
    const char *r = x->s->raw;
    size_t i = a, run = a;
    while (i < b) {
        if (r[i] != '&') {
            i++;
            continue;
        }
        dpush(t, r + run, i - run, run, i, true);
        char u[4];
        size_t un = 0, k = cck_src_entity(r + i, b - i, false, u, &un);
        if (k) {
            dpush(t, u, un, i, i + k, un == k);
            i += k;
        } else {
            size_t e = i + 1;
            while (e < b && e < i + 40 && r[e] != ';' && r[e] != '&' && r[e] != '<')
                e++;
            if (e < b && r[e] == ';' && !x->unknown_entities++) {
                size_t m = e - i + 1 < sizeof x->first_entity ? e - i + 1 : sizeof x->first_entity - 1;
                memcpy(x->first_entity, r + i, m);
                x->first_entity[m] = '\0';
                x->first_entity_at = i;
            }
            dpush(t, r + i, 1, i, i + 1, true);
            i++;
        }
        run = i;
    }
    dpush(t, r + run, b - run, run, b, true);
}

static const char *dtext_str(cck_arena *a, const dtext *t)
{
    size_t s = 0, e = t->n;
    while (s < e && (t->b[s] == ' ' || t->b[s] == '\n' || t->b[s] == '\t' || t->b[s] == '\r'))
        s++;
    while (e > s && (t->b[e - 1] == ' ' || t->b[e - 1] == '\n' || t->b[e - 1] == '\t' ||
                     t->b[e - 1] == '\r'))
        e--;
    return e > s ? cck_arena_strndup(a, t->b + s, e - s) : NULL;
}

static void raw_scan(xctx *x)
{
    const char *r = x->s->raw;
    size_t n = x->s->raw_len, i = 0;
    bool wiki = false, seen_root = false;
    capture cap = CAP_NONE;
    dtext t = {0};
    while (i < n) {
        const char *lt = memchr(r + i, '<', n - i);
        size_t e = lt ? (size_t)(lt - r) : n;
        if (e > i && (cap != CAP_NONE || (!wiki && seen_root)))
            chardata(x, &t, i, e);
        if (e >= n)
            break;
        i = e;
        if (starts_ci(r + i, n - i, "<!--")) {
            size_t c = find_ci(r, n, i + 4, "-->");
            i = c == SIZE_MAX ? n : c + 3;
            continue;
        }
        if (starts_ci(r + i, n - i, "<![CDATA[")) {
            size_t c = find_ci(r, n, i + 9, "]]>");
            size_t ce = c == SIZE_MAX ? n : c;
            if (cap != CAP_NONE || (!wiki && seen_root))
                dpush(&t, r + i + 9, ce - i - 9, i + 9, ce, true);
            i = c == SIZE_MAX ? n : c + 3;
            continue;
        }
        if (starts_ci(r + i, n - i, "<?")) {
            size_t c = find_ci(r, n, i + 2, "?>");
            i = c == SIZE_MAX ? n : c + 2;
            continue;
        }
        if (starts_ci(r + i, n - i, "<!")) {
            /* a DOCTYPE, with its internal subset in brackets */
            int br = 0;
            char q = 0;
            size_t k = i + 2;
            for (; k < n; k++) {
                if (q) {
                    if (r[k] == q)
                        q = 0;
                } else if (r[k] == '"' || r[k] == '\'') {
                    q = r[k];
                } else if (r[k] == '[') {
                    br++;
                } else if (r[k] == ']') {
                    br--;
                } else if (r[k] == '>' && br <= 0) {
                    break;
                }
            }
            i = k < n ? k + 1 : n;
            continue;
        }
        bool closing = i + 1 < n && r[i + 1] == '/';
        size_t ns = i + 1 + closing, ne = ns;
        while (ne < n && r[ne] != '>' && r[ne] != '/' && r[ne] != ' ' && r[ne] != '\t' &&
               r[ne] != '\n' && r[ne] != '\r')
            ne++;
        size_t gt = ne;
        char q = 0;
        for (; gt < n; gt++) {
            if (q) {
                if (r[gt] == q)
                    q = 0;
            } else if (r[gt] == '"' || r[gt] == '\'') {
                q = r[gt];
            } else if (r[gt] == '>') {
                break;
            }
        }
        bool empty = gt > ne && gt < n && r[gt - 1] == '/';
        size_t after = gt < n ? gt + 1 : n;
        const char *name = r + ns;
        size_t nl = ne - ns;
        /* a prefix ("mw:page") does not matter */
        const char *colon = memchr(name, ':', nl);
        if (colon) {
            nl -= (size_t)(colon + 1 - name);
            name = colon + 1;
        }
#define IS(w) (nl == strlen(w) && !strncmp(name, w, nl))
        if (!seen_root && !closing) {
            seen_root = true;
            wiki = IS("mediawiki");
        }
        if (wiki) {
            if (!closing && !empty) {
                capture c = IS("title") ? CAP_TITLE : IS("text") ? CAP_TEXT
                          : IS("sitename") ? CAP_SITENAME : IS("base") ? CAP_BASE
                          : IS("timestamp") ? CAP_TIMESTAMP : CAP_NONE;
                if (c != CAP_NONE) {
                    cap = c;
                    t.n = 0;
                }
            } else if (closing && cap != CAP_NONE) {
                cck_meta *m = &x->s->meta;
                cck_arena *ar = x->s->arena;
                if (cap == CAP_TITLE && IS("title")) {
                    size_t s0 = 0;
                    while (s0 < t.n && (t.b[s0] == ' ' || t.b[s0] == '\n'))
                        s0++;
                    size_t e0 = t.n;
                    while (e0 > s0 && (t.b[e0 - 1] == ' ' || t.b[e0 - 1] == '\n'))
                        e0--;
                    ensure_break(x, 2, i);
                    emit_for(x, &t, "# ", s0, s0);
                    emit_mapped(x, &t, s0, e0);
                    emit_for(x, &t, "\n\n", e0, e0);
                    if (!m->title)
                        m->title = dtext_str(ar, &t);
                } else if (cap == CAP_TEXT && IS("text")) {
                    wiki_page(x, &t);
                    ensure_break(x, 2, i);
                } else if (cap == CAP_SITENAME && !m->publisher) {
                    m->publisher = dtext_str(ar, &t);
                } else if (cap == CAP_BASE && !m->url) {
                    m->url = dtext_str(ar, &t);
                } else if (cap == CAP_TIMESTAMP && !m->date) {
                    m->date = dtext_str(ar, &t);
                }
                cap = CAP_NONE;
                t.n = 0;
            }
        } else if (seen_root) {
            /* plain XML: every element's text is a paragraph */
            if (t.n) {
                size_t s0 = 0;
                while (s0 < t.n && (t.b[s0] == ' ' || t.b[s0] == '\n' || t.b[s0] == '\t' ||
                                    t.b[s0] == '\r'))
                    s0++;
                if (s0 < t.n) {
                    ensure_break(x, 2, t.rs[s0]);
                    emit_mapped(x, &t, s0, t.n);
                }
                t.n = 0;
            }
        }
#undef IS
        i = after;
    }
    if (t.n && !wiki && seen_root) {
        ensure_break(x, 2, t.rs[0]);
        emit_mapped(x, &t, 0, t.n);
    }
    dfree(&t);
    if (x->out.n && x->out.b[x->out.n - 1] != '\n')
        cck_proj_insert(&x->out, "\n", n);
}

void cck_src_read_xml(cck_source *s, cck_diags *d)
{
    cck_src_check_utf8(s, d);
    errs er = {0};
    xctx x = {.s = s, .d = d};
    if (!well_formed(s, &er)) {
        cck_diag_add(d, s->path, (unsigned)(er.line > 0 ? er.line : 0),
                     (unsigned)(er.col > 0 ? er.col : 0), CCK_SEV_ERROR,
                     "XML refused (%s%s); no claims read from it", er.msg,
                     er.code == XML_ERR_ENTITY_LOOP
                         ? ": entity expansion over the limit"
                         : "");
        cck_src_set_projection(s, &x.out);
        return;
    }
    raw_scan(&x);
    if (x.unknown_entities) {
        unsigned line, col;
        size_t lo = 0, hi = s->raw_nlines;
        while (hi - lo > 1) {
            size_t mid = lo + (hi - lo) / 2;
            if (s->raw_line_starts[mid] <= x.first_entity_at)
                lo = mid;
            else
                hi = mid;
        }
        line = (unsigned)(lo + 1);
        col = (unsigned)(x.first_entity_at - s->raw_line_starts[lo] + 1);
        cck_diag_add(d, s->path, line, col, CCK_SEV_WARNING,
                     "%zu reference%s to entities the document declares left unexpanded "
                     "(first %s); entities are never expanded or fetched",
                     x.unknown_entities, x.unknown_entities == 1 ? "" : "s", x.first_entity);
    }
    cck_src_set_projection(s, &x.out);
}
