/* html.c: the HTML reader. libxml2's HTML parser (safe options, push mode,
 * no tree) reports the page's errors and metadata; our own scan of the raw
 * bytes builds the projected text and its map back to the file, skipping
 * script, style, navigation and boilerplate, and lowering tables, lists,
 * headings and superscript reference links to the text forms the
 * structure pass reads. */
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "segment_int.h"

enum { STACK_MAX = 256, PRESCAN = 4096, CHUNK = 64 * 1024 };

static bool is_ws(char ch) { return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f'; }
static bool is_name(char ch)
{
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
           ch == '-' || ch == '_' || ch == ':';
}

/* ---- charsets ------------------------------------------------------------- */

/* Windows-1252 0x80..0x9F (WHATWG: also what ISO-8859-1 and ASCII mean). */
static const unsigned short cp1252_hi[32] = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

typedef enum { CS_UTF8, CS_1252, CS_OTHER } charset;

static charset charset_named(const char *p, size_t n)
{
    static const char *const single[] = {"windows-1252", "cp1252", "iso-8859-1", "iso8859-1",
                                         "latin1", "latin-1", "us-ascii", "ascii",
                                         "iso-8859-15", "x-cp1252"};
    if ((n == 5 && !strncasecmp(p, "utf-8", 5)) || (n == 4 && !strncasecmp(p, "utf8", 4)))
        return CS_UTF8;
    for (size_t i = 0; i < sizeof single / sizeof *single; i++)
        if (strlen(single[i]) == n && !strncasecmp(p, single[i], n))
            return CS_1252;
    return CS_OTHER;
}

/* Value of attribute name in the tag [a, b) (after the tag name), or NULL;
 * *vn its length. Values are raw (entities not decoded). */
static const char *attr(const char *r, size_t a, size_t b, const char *name, size_t *vn)
{
    size_t k = strlen(name);
    size_t i = a;
    while (i < b) {
        while (i < b && (is_ws(r[i]) || r[i] == '/'))
            i++;
        size_t ns = i;
        while (i < b && r[i] != '=' && r[i] != '>' && !is_ws(r[i]) && r[i] != '/')
            i++;
        size_t ne = i;
        while (i < b && is_ws(r[i]))
            i++;
        const char *v = NULL;
        size_t vl = 0;
        if (i < b && r[i] == '=') {
            i++;
            while (i < b && is_ws(r[i]))
                i++;
            if (i < b && (r[i] == '"' || r[i] == '\'')) {
                char q = r[i++];
                v = r + i;
                while (i < b && r[i] != q)
                    i++;
                vl = (size_t)(r + i - v);
                if (i < b)
                    i++;
            } else {
                v = r + i;
                while (i < b && !is_ws(r[i]) && r[i] != '>')
                    i++;
                vl = (size_t)(r + i - v);
            }
        }
        if (ne - ns == k && !strncasecmp(r + ns, name, k)) {
            *vn = vl;
            return v ? v : r + ne;
        }
        if (ne == ns)
            i++;
    }
    return NULL;
}

/* Whether the space-separated list [v, v+n) holds a token containing w. */
static bool has_token(const char *v, size_t n, const char *w)
{
    size_t k = strlen(w);
    for (size_t i = 0; i + k <= n; i++)
        if (!strncasecmp(v + i, w, k))
            return true;
    return false;
}

/* The charset a page declares: BOM, then <meta charset> or <meta
 * http-equiv content="...; charset=X"> in the first bytes. */
static charset prescan(const char *r, size_t n, size_t *bom, char name[40])
{
    *bom = 0;
    name[0] = '\0';
    if (n >= 3 && !memcmp(r, "\xEF\xBB\xBF", 3)) {
        *bom = 3;
        return CS_UTF8;
    }
    if (n >= 2 && ((unsigned char)r[0] == 0xFF || (unsigned char)r[0] == 0xFE) &&
        ((unsigned char)r[1] == 0xFE || (unsigned char)r[1] == 0xFF)) {
        strcpy(name, "UTF-16");
        return CS_OTHER;
    }
    size_t lim = n < PRESCAN ? n : PRESCAN;
    for (size_t i = 0; i + 5 < lim; i++) {
        if (r[i] != '<' || strncasecmp(r + i + 1, "meta", 4) || is_name(r[i + 5]))
            continue;
        size_t e = i + 5;
        while (e < n && r[e] != '>')
            e++;
        size_t vn;
        const char *v = attr(r, i + 5, e, "charset", &vn);
        if (!v) {
            const char *c = attr(r, i + 5, e, "content", &vn);
            if (c) {
                for (size_t k = 0; k + 8 <= vn; k++)
                    if (!strncasecmp(c + k, "charset=", 8)) {
                        v = c + k + 8;
                        vn -= k + 8;
                        size_t m = 0;
                        while (m < vn && v[m] != ';' && v[m] != '"' && !is_ws(v[m]))
                            m++;
                        vn = m;
                        break;
                    }
            }
        }
        if (v && vn && vn < 40) {
            memcpy(name, v, vn);
            name[vn] = '\0';
            return charset_named(v, vn);
        }
    }
    return CS_UTF8;
}

/* ---- metadata and errors through libxml2 ----------------------------------- */

typedef struct {
    cck_source *s;
    cck_diags *d;
    size_t nerrors;
    int first_line, first_col;
    char first_msg[160];
    bool in_title, have_title;
    char *title;
    size_t tn;
    const char *og_title;
} sax_state;

static const char *xattr(const xmlChar **atts, const char *name)
{
    for (size_t i = 0; atts && atts[i]; i += 2)
        if (!strcasecmp((const char *)atts[i], name))
            return atts[i + 1] ? (const char *)atts[i + 1] : "";
    return NULL;
}

static const char *clean(cck_arena *a, const char *v)
{
    size_t n = strlen(v), i = 0;
    while (i < n && is_ws(v[i]))
        i++;
    while (n > i && is_ws(v[n - 1]))
        n--;
    if (n == i)
        return NULL;
    char *out = cck_arena_alloc(a, n - i + 1), *w = out;
    bool sp = false;
    for (size_t k = i; k < n; k++) {
        if (is_ws(v[k])) {
            sp = true;
            continue;
        }
        if (sp)
            *w++ = ' ';
        sp = false;
        *w++ = v[k];
    }
    *w = '\0';
    return out;
}

static void sax_start(void *ctx, const xmlChar *name, const xmlChar **atts)
{
    sax_state *st = ctx;
    const char *n = (const char *)name;
    cck_meta *m = &st->s->meta;
    cck_arena *a = st->s->arena;
    if (!strcasecmp(n, "title") && !st->have_title) {
        st->in_title = true;
        return;
    }
    if (!strcasecmp(n, "link")) {
        const char *rel = xattr(atts, "rel"), *href = xattr(atts, "href");
        if (rel && href && !strcasecmp(rel, "canonical"))
            m->url = clean(a, href);
        return;
    }
    if (strcasecmp(n, "meta"))
        return;
    const char *key = xattr(atts, "property");
    if (!key)
        key = xattr(atts, "name");
    if (!key)
        key = xattr(atts, "itemprop");
    const char *v = xattr(atts, "content");
    if (!key || !v)
        return;
    if (!strcasecmp(key, "og:url") && !m->url)
        m->url = clean(a, v);
    else if (!strcasecmp(key, "og:title") && !st->og_title)
        st->og_title = clean(a, v);
    else if ((!strcasecmp(key, "og:site_name") || !strcasecmp(key, "publisher") ||
              !strcasecmp(key, "dc.publisher") || !strcasecmp(key, "citation_publisher")) &&
             !m->publisher)
        m->publisher = clean(a, v);
    else if ((!strcasecmp(key, "article:published_time") || !strcasecmp(key, "date") ||
              !strcasecmp(key, "dc.date") || !strcasecmp(key, "citation_publication_date") ||
              !strcasecmp(key, "datePublished")) &&
             !m->date)
        m->date = clean(a, v);
    else if ((!strcasecmp(key, "author") || !strcasecmp(key, "dc.creator") ||
              !strcasecmp(key, "citation_author")) &&
             !m->author)
        m->author = clean(a, v);
}

static void sax_end(void *ctx, const xmlChar *name)
{
    sax_state *st = ctx;
    if (st->in_title && !strcasecmp((const char *)name, "title")) {
        st->in_title = false;
        st->have_title = true;
    }
}

static void sax_chars(void *ctx, const xmlChar *ch, int len)
{
    sax_state *st = ctx;
    if (!st->in_title || len <= 0 || st->tn > 4096)
        return;
    st->title = cck_xrealloc(st->title, st->tn + (size_t)len + 1);
    memcpy(st->title + st->tn, ch, (size_t)len);
    st->tn += (size_t)len;
    st->title[st->tn] = '\0';
}

static void sax_error(void *ctx, xmlErrorPtr e)
{
    sax_state *st = ctx;
    /* HTML5 elements unknown to libxml2's HTML 4 tables are not errors */
    if (!e || e->level < XML_ERR_ERROR || e->code == XML_HTML_UNKNOWN_TAG)
        return;
    if (!st->nerrors++) {
        st->first_line = e->line;
        st->first_col = e->int2;
        snprintf(st->first_msg, sizeof st->first_msg, "%s", e->message ? e->message : "error");
        size_t k = strlen(st->first_msg);
        while (k && (st->first_msg[k - 1] == '\n' || st->first_msg[k - 1] == ' '))
            st->first_msg[--k] = '\0';
    }
}

static void parse_meta(cck_source *s, cck_diags *d, const char *encoding)
{
    cck_src_xml_init();
    sax_state st = {.s = s, .d = d};
    xmlSAXHandler sax;
    memset(&sax, 0, sizeof sax);
    sax.initialized = XML_SAX2_MAGIC;
    sax.startElement = sax_start;
    sax.endElement = sax_end;
    sax.characters = sax_chars;
    sax.serror = sax_error;
    htmlParserCtxtPtr ctxt = htmlCreatePushParserCtxt(&sax, &st, NULL, 0, s->path,
                                                      XML_CHAR_ENCODING_NONE);
    if (!ctxt) {
        cck_diag_add(d, s->path, 0, 0, CCK_SEV_WARNING, "HTML parser unavailable; metadata not read");
        return;
    }
    htmlCtxtUseOptions(ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                 HTML_PARSE_NONET);
    if (encoding) {
        xmlCharEncodingHandlerPtr h = xmlFindCharEncodingHandler(encoding);
        if (h)
            xmlSwitchToEncoding(ctxt, h);
    }
    for (size_t off = 0; off < s->raw_len; off += CHUNK) {
        size_t n = s->raw_len - off < CHUNK ? s->raw_len - off : CHUNK;
        htmlParseChunk(ctxt, s->raw + off, (int)n, off + n == s->raw_len);
    }
    if (!s->raw_len)
        htmlParseChunk(ctxt, NULL, 0, 1);
    htmlFreeParserCtxt(ctxt);
    xmlResetLastError();
    if (st.title)
        s->meta.title = clean(s->arena, st.title);
    if (!s->meta.title)
        s->meta.title = st.og_title;
    free(st.title);
    if (st.nerrors)
        cck_diag_add(d, s->path, (unsigned)(st.first_line > 0 ? st.first_line : 0),
                     (unsigned)(st.first_col > 0 ? st.first_col : 0), CCK_SEV_NOTE,
                     "malformed HTML, read as recovered (%zu error%s; first: %s)", st.nerrors,
                     st.nerrors == 1 ? "" : "s", st.first_msg);
}

/* ---- the projection scan ---------------------------------------------------- */

typedef enum {
    EL_OTHER = 0, EL_BLOCK, EL_HEADING, EL_LI, EL_OL, EL_UL, EL_TABLE, EL_TR, EL_CELL,
    EL_CAPTION, EL_BR, EL_A, EL_SUP, EL_PRE
} el_kind;

typedef struct {
    char name[12];
    el_kind kind;
    bool skip;          /* boilerplate: its whole subtree is left out */
    bool placeholder;   /* an <a href="#">: "](#)" closes it */
    bool refs;          /* an <ol> of references */
    int level;          /* heading level */
    unsigned counter;   /* <ol>: the next item's number */
} el;

typedef struct {
    const char *r;
    size_t n;
    cck_proj out;
    charset cs;
    el stack[STACK_MAX];
    size_t depth;
    size_t skip;        /* open skipped elements */
    int brk;            /* newlines owed before the next text */
    bool space;         /* a space owed before the next text */
    size_t space_a, space_b;
    /* the outermost table */
    int tdepth;
    bool row_open, header_done;
    size_t cells, header_cells;
    size_t row_td;      /* <td> cells in the open row: a header row has none */
    int cell_depth;     /* inside a cell of the outermost table */
    int heading;        /* inside a heading */
    bool caption;       /* inside the outermost table's caption */
    bool fresh;         /* a heading's "#"s or an item's number were just
                           written: no break may separate them from text */
    const char *closing;/* the end tag being handled, and its end */
    size_t close_end;
    bool ref_heading;   /* the last heading announced references */
} scan;

static const char *const void_tags[] = {"area", "base", "br", "col", "embed", "hr", "img",
                                        "input", "keygen", "link", "meta", "param", "source",
                                        "track", "wbr"};
static const char *const raw_tags[] = {"script", "style", "textarea", "title", "xmp",
                                       "noscript", "template", "iframe", "noembed", "noframes"};
static const char *const skip_tags[] = {"head", "nav", "footer", "aside", "form", "select",
                                        "button", "svg", "math", "object", "menu", "dialog"};
static const char *const block_tags[] = {
    "address", "article", "blockquote", "body", "center", "dd", "details", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "header", "hgroup", "hr", "html", "main", "p",
    "section", "summary", "tbody", "thead", "tfoot", "legend", "option", "li", "ul", "ol"};

/* The lists are lower case: a first byte that differs, in either case,
 * rules a name out without the call. */
static bool in_list(const char *name, const char *const *v, size_t n)
{
    unsigned c0 = (unsigned char)name[0] | 0x20u;
    for (size_t i = 0; i < n; i++)
        if (c0 == (unsigned char)v[i][0] && !strcasecmp(name, v[i]))
            return true;
    return false;
}
#define IN(name, v) in_list(name, v, sizeof v / sizeof *v)

static bool line_start(const scan *c)
{
    return c->out.n == 0 || c->out.b[c->out.n - 1] == '\n';
}

/* Pays the owed breaks and space before text standing at file offset at. */
static void settle(scan *c, size_t at)
{
    if (c->fresh) {
        c->fresh = false;
        c->brk = 0;
        c->space = false;
        return;
    }
    if (c->brk && c->out.n) {
        size_t have = cck_proj_trailing_newlines(&c->out);
        for (size_t k = have; k < (size_t)c->brk; k++)
            cck_proj_insert(&c->out, "\n", at);
        c->space = false;
    }
    c->brk = 0;
    if (c->space && !line_start(c)) {
        if (c->space_b - c->space_a == 1 && c->r[c->space_a] == ' ')
            cck_proj_emit(&c->out, " ", 1, c->space_a, c->space_b);
        else
            cck_proj_emit(&c->out, " ", 1, c->space_a, c->space_b > c->space_a ? c->space_b : at);
    }
    c->space = false;
}

static void owe_break(scan *c, int k, size_t at)
{
    if (c->cell_depth || c->heading) {
        if (!c->space) {
            c->space = true;
            c->space_a = c->space_b = at;
        }
        return;
    }
    if (k > c->brk)
        c->brk = k;
}

/* Text [a, b) of the file: whitespace collapsed, entities decoded,
 * Windows-1252 transcoded; '|' in a table cell would split the cell. */
static void text(scan *c, size_t a, size_t b)
{
    if (c->skip)
        return;
    size_t i = a;
    while (i < b) {
        char ch = c->r[i];
        if (is_ws(ch)) {
            size_t j = i;
            while (j < b && is_ws(c->r[j]))
                j++;
            if (!c->space) {
                c->space = true;
                c->space_a = i;
            }
            c->space_b = j;
            i = j;
            continue;
        }
        settle(c, i);
        if (ch == '&') {
            char u[4];
            size_t un = 0, k = cck_src_entity(c->r + i, b - i, true, u, &un);
            if (k) {
                if (un == 2 && (unsigned char)u[0] == 0xC2 && (unsigned char)u[1] == 0xA0)
                    cck_proj_emit(&c->out, " ", 1, i, i + k);  /* &nbsp; */
                else if (un == 1 && u[0] == '|' && c->cell_depth)
                    cck_proj_emit(&c->out, "/", 1, i, i + k);
                else
                    cck_proj_emit(&c->out, u, un, i, i + k);
                i += k;
                continue;
            }
        }
        if ((unsigned char)ch >= 0x80 && c->cs == CS_1252) {
            unsigned char v = (unsigned char)ch;
            char u[4];
            size_t un = cck_src_utf8_put(v < 0xA0 ? cp1252_hi[v - 0x80] : v, u);
            cck_proj_emit(&c->out, u, un, i, i + 1);
            i++;
            continue;
        }
        if (ch == '|' && c->cell_depth) {
            cck_proj_emit(&c->out, "/", 1, i, i + 1);
            i++;
            continue;
        }
        size_t j = i + 1;
        while (j < b && !is_ws(c->r[j]) && c->r[j] != '&' && c->r[j] != '|' &&
               !((unsigned char)c->r[j] >= 0x80 && c->cs == CS_1252))
            j++;
        cck_proj_emit(&c->out, c->r + i, j - i, i, j);
        i = j;
    }
}

/* The end of the closing tag "</name" at or after from, or SIZE_MAX;
 * *close its start. */
static size_t find_close(const char *r, size_t n, size_t from, const char *name, size_t *close)
{
    size_t k = strlen(name);
    for (size_t i = from; i + 2 + k <= n; i++) {
        if (r[i] != '<' || r[i + 1] != '/' || strncasecmp(r + i + 2, name, k) ||
            (i + 2 + k < n && is_name(r[i + 2 + k])))
            continue;
        *close = i;
        const char *gt = memchr(r + i, '>', n - i);
        return gt ? (size_t)(gt - r) + 1 : n;
    }
    return SIZE_MAX;
}

/* A superscript reference link ("<sup><a href="#cite_note-3">[3]</a></sup>",
 * "<sup>3</sup>" with a fragment link) becomes the marker "[3]" standing
 * for the whole element. Returns the end of the element, or 0. */
static size_t sup_marker(scan *c, size_t tag_end, size_t sup_start)
{
    size_t close, end = find_close(c->r, c->n < tag_end + 600 ? c->n : tag_end + 600, tag_end,
                                   "sup", &close);
    if (end == SIZE_MAX)
        return 0;
    char label[24];
    size_t ln = 0;
    bool link = false;
    for (size_t i = tag_end; i < close;) {
        if (c->r[i] == '<') {
            size_t gt = i;
            while (gt < close && c->r[gt] != '>')
                gt++;
            if (i + 2 < close && (c->r[i + 1] == 'a' || c->r[i + 1] == 'A') && is_ws(c->r[i + 2])) {
                size_t vn;
                const char *h = attr(c->r, i + 2, gt, "href", &vn);
                if (h && vn && h[0] == '#')
                    link = true;
            }
            i = gt + 1;
            continue;
        }
        char u[4];
        size_t un = 1, k = c->r[i] == '&' ? cck_src_entity(c->r + i, close - i, true, u, &un) : 0;
        if (!k) {
            u[0] = c->r[i];
            k = un = 1;
        }
        if (!(un == 1 && (is_ws(u[0]) || u[0] == '[' || u[0] == ']'))) {
            if (ln + un >= sizeof label)
                return 0;
            memcpy(label + ln, u, un);
            ln += un;
        }
        i += k;
    }
    if (!link || !ln || !cck_src_is_label(label, ln))
        return 0;
    settle(c, sup_start);
    char m[28];
    m[0] = '[';
    memcpy(m + 1, label, ln);
    m[ln + 1] = ']';
    cck_proj_emit(&c->out, m, ln + 2, sup_start, end);
    return end;
}

static void close_row(scan *c, size_t at)
{
    if (!c->row_open)
        return;
    cck_proj_insert(&c->out, " |\n", at);
    c->row_open = false;
    /* a first row of <th> (or a lone title cell) heads the table; a first
     * row of data ("<th>Population</th><td>768,551</td>") gets no
     * separator, so the structure pass finds no header above the data */
    if (!c->header_done && c->row_td && c->cells > 1)
        c->header_done = true;
    if (!c->header_done) {
        c->header_done = true;
        c->header_cells = c->cells ? c->cells : 1;
        cck_proj_insert(&c->out, "|", at);
        for (size_t k = 0; k < c->header_cells; k++)
            cck_proj_insert(&c->out, "---|", at);
        cck_proj_insert(&c->out, "\n", at);
    }
}

static void open_row(scan *c, size_t at)
{
    close_row(c, at);
    c->brk = 0;
    c->space = false;
    if (!line_start(c))
        cck_proj_insert(&c->out, "\n", at);
    cck_proj_insert(&c->out, "|", at);
    c->row_open = true;
    c->cells = 0;
    c->row_td = 0;
}

/* The effects of closing element e at file offset at. */
static void end_element(scan *c, const el *e, size_t at)
{
    if (e->skip) {
        c->skip--;
        return;
    }
    if (c->skip)
        return;
    switch (e->kind) {
    case EL_A:
        if (e->placeholder)
            cck_proj_emit(&c->out, "](#)", 4, at,
                          c->closing && !strcmp(c->closing, e->name) ? c->close_end : at);
        break;
    case EL_HEADING:
        if (c->heading > 0)
            c->heading--;
        owe_break(c, 2, at);
        break;
    case EL_CELL:
        if (c->tdepth == 1 && c->cell_depth > 0)
            c->cell_depth--;
        break;
    case EL_TABLE:
        if (c->tdepth == 1) {
            close_row(c, at);
            c->brk = 2;
        } else {
            owe_break(c, 2, at);
        }
        if (c->tdepth > 0)
            c->tdepth--;
        break;
    case EL_TR:
        if (c->tdepth == 1)
            close_row(c, at);
        break;
    case EL_CAPTION:
        if (c->tdepth == 1 && c->caption) {
            c->caption = false;
            if (c->cell_depth > 0)
                c->cell_depth--;
            c->space = false;
            cck_proj_insert(&c->out, " |\n|---|\n", at);
            c->header_done = true;
        } else {
            owe_break(c, 2, at);
        }
        break;
    case EL_BLOCK: case EL_LI: case EL_OL: case EL_UL: case EL_PRE:
        owe_break(c, 2, at);
        break;
    default:
        break;
    }
}

static void start_element(scan *c, el *e, const char *name, size_t ta, size_t te, size_t at)
{
    size_t vn;
    const char *v;
    if (IN(name, skip_tags))
        e->skip = true;
    if ((v = attr(c->r, ta, te, "class", &vn)) &&
        (has_token(v, vn, "navbox") || has_token(v, vn, "mw-editsection") ||
         has_token(v, vn, "noprint") || has_token(v, vn, "breadcrumb") ||
         has_token(v, vn, "cookie") || has_token(v, vn, "mw-jump-link") ||
         has_token(v, vn, "sharing")))
        e->skip = true;
    if ((v = attr(c->r, ta, te, "role", &vn)) &&
        (has_token(v, vn, "navigation") || has_token(v, vn, "banner") ||
         has_token(v, vn, "contentinfo") || has_token(v, vn, "search")))
        e->skip = true;
    if ((v = attr(c->r, ta, te, "id", &vn)) && vn == 3 && !strncasecmp(v, "toc", 3))
        e->skip = true;
    if ((v = attr(c->r, ta, te, "hidden", &vn)))
        e->skip = true;
    if (e->skip) {
        c->skip++;
        return;
    }
    if (c->skip)
        return;
    if ((name[0] == 'h' || name[0] == 'H') && name[1] >= '1' && name[1] <= '6' && !name[2]) {
        e->kind = EL_HEADING;
        e->level = name[1] - '0';
        if (c->cell_depth || c->heading) {
            c->heading++;
            return;
        }
        c->brk = 2;
        settle(c, at);
        char hashes[8];
        memset(hashes, '#', (size_t)e->level);
        hashes[e->level] = ' ';
        hashes[e->level + 1] = '\0';
        cck_proj_insert(&c->out, hashes, at);
        c->fresh = true;
        c->heading++;
        /* a "References" heading makes the lists under it reference lists */
        size_t close, end = find_close(c->r, c->n < te + 300 ? c->n : te + 300, te, name, &close);
        c->ref_heading = false;
        if (end != SIZE_MAX) {
            static const char *const words[] = {"references", "notes", "footnotes", "sources",
                                                "citations", "bibliography"};
            for (size_t k = 0; k < sizeof words / sizeof *words; k++)
                if (has_token(c->r + te, close - te, words[k]))
                    c->ref_heading = true;
        }
        return;
    }
    if (!strcasecmp(name, "table")) {
        e->kind = EL_TABLE;
        c->tdepth++;
        if (c->tdepth == 1 && !c->cell_depth && !c->heading) {
            owe_break(c, 2, at);
            settle(c, at);
            c->row_open = c->header_done = false;
            c->cells = 0;
        }
        return;
    }
    if (!strcasecmp(name, "tr")) {
        e->kind = EL_TR;
        if (c->tdepth == 1)
            open_row(c, at);
        return;
    }
    if (!strcasecmp(name, "td") || !strcasecmp(name, "th")) {
        e->kind = EL_CELL;
        if (c->tdepth == 1) {
            if (!c->row_open)
                open_row(c, at);
            c->space = false;
            c->brk = 0;
            cck_proj_insert(&c->out, c->cells ? " | " : " ", at);
            c->cells++;
            c->row_td += name[1] == 'd';
            c->cell_depth++;
        } else {
            owe_break(c, 1, at);
        }
        return;
    }
    if (!strcasecmp(name, "caption")) {
        e->kind = EL_CAPTION;
        /* "| caption |" over a one-column separator: the title row */
        if (c->tdepth == 1 && !c->row_open && !c->header_done && !c->caption) {
            c->caption = true;
            c->brk = 0;
            c->space = false;
            if (!line_start(c))
                cck_proj_insert(&c->out, "\n", at);
            cck_proj_insert(&c->out, "| ", at);
            c->cell_depth++;
        }
        return;
    }
    if (!strcasecmp(name, "br")) {
        owe_break(c, 1, at);
        return;
    }
    if (!strcasecmp(name, "a")) {
        e->kind = EL_A;
        const char *h = attr(c->r, ta, te, "href", &vn);
        if (h && (vn == 0 || (vn == 1 && h[0] == '#')) && !c->cell_depth) {
            e->placeholder = true;
            settle(c, at);
            cck_proj_emit(&c->out, "[", 1, at, te);
        }
        return;
    }
    if (!strcasecmp(name, "ol") || !strcasecmp(name, "ul")) {
        e->kind = name[0] == 'o' || name[0] == 'O' ? EL_OL : EL_UL;
        e->counter = 1;
        if ((v = attr(c->r, ta, te, "start", &vn)) && vn && vn < 6)
            e->counter = (unsigned)atoi(v) ? (unsigned)atoi(v) : 1;
        e->refs = c->ref_heading ||
                  ((v = attr(c->r, ta, te, "class", &vn)) && has_token(v, vn, "reference"));
        if (e->refs && !c->ref_heading && !c->cell_depth) {
            /* a list of references without its heading gets one */
            c->brk = 2;
            settle(c, at);
            cck_proj_insert(&c->out, "## References", at);
            c->ref_heading = true;
        }
        owe_break(c, 2, at);
        return;
    }
    if (!strcasecmp(name, "li")) {
        e->kind = EL_LI;
        owe_break(c, 2, at);
        if (c->cell_depth || c->heading)
            return;
        el *list = NULL;
        for (size_t k = c->depth; k-- > 0;)
            if (c->stack[k].kind == EL_OL || c->stack[k].kind == EL_UL) {
                list = &c->stack[k];
                break;
            }
        settle(c, at);
        if (list && list->kind == EL_OL) {
            char num[16];
            snprintf(num, sizeof num, "%u. ", list->counter++);
            cck_proj_insert(&c->out, num, at);
        } else {
            cck_proj_insert(&c->out, "- ", at);
        }
        c->fresh = true;
        return;
    }
    if (!strcasecmp(name, "pre")) {
        e->kind = EL_PRE;
        owe_break(c, 2, at);
        return;
    }
    if (IN(name, block_tags)) {
        e->kind = EL_BLOCK;
        owe_break(c, 2, at);
    }
}

static void pop_to(scan *c, size_t k, size_t at)
{
    while (c->depth > k) {
        c->depth--;
        end_element(c, &c->stack[c->depth], at);
    }
}

/* One tag at r[i] == '<'; returns where the scan goes on. */
static size_t tag(scan *c, size_t i)
{
    const char *r = c->r;
    size_t n = c->n;
    if (i + 3 < n && !memcmp(r + i, "<!--", 4)) {
        const char *e = NULL;
        for (size_t k = i + 4; k + 3 <= n; k++)
            if (!memcmp(r + k, "-->", 3)) {
                e = r + k + 3;
                break;
            }
        return e ? (size_t)(e - r) : n;
    }
    if (i + 1 < n && (r[i + 1] == '!' || r[i + 1] == '?')) {
        const char *gt = memchr(r + i, '>', n - i);
        return gt ? (size_t)(gt - r) + 1 : n;
    }
    bool closing = i + 1 < n && r[i + 1] == '/';
    size_t ns = i + 1 + closing, ne = ns;
    while (ne < n && is_name(r[ne]))
        ne++;
    if (ne == ns || ne - ns >= sizeof c->stack[0].name ||
        !((r[ns] >= 'a' && r[ns] <= 'z') || (r[ns] >= 'A' && r[ns] <= 'Z'))) {
        if (ne == ns) {
            text(c, i, i + 1);   /* a lone '<' is text */
            return i + 1;
        }
        const char *gt = memchr(r + i, '>', n - i);
        return gt ? (size_t)(gt - r) + 1 : n;
    }
    char name[12];
    for (size_t k = ns; k < ne; k++)
        name[k - ns] = (char)((r[k] >= 'A' && r[k] <= 'Z') ? r[k] + 32 : r[k]);
    name[ne - ns] = '\0';
    /* the tag's end: the first '>' outside quotes */
    size_t te = ne;
    char q = 0;
    for (; te < n; te++) {
        if (q) {
            if (r[te] == q)
                q = 0;
        } else if (r[te] == '"' || r[te] == '\'') {
            if (is_ws(r[te - 1]) || r[te - 1] == '=')
                q = r[te];
        } else if (r[te] == '>') {
            break;
        }
    }
    size_t after = te < n ? te + 1 : n;
    bool self_close = te > ne && r[te - 1] == '/';
    if (closing) {
        c->closing = name;
        c->close_end = after;
        for (size_t k = c->depth; k-- > 0;)
            if (!strcmp(c->stack[k].name, name)) {
                pop_to(c, k, i);
                break;
            }
        c->closing = NULL;
        if (!strcmp(name, "br"))
            owe_break(c, 1, i);
        return after;
    }
    if (!strcmp(name, "sup") && !c->skip) {
        size_t e = sup_marker(c, after, i);
        if (e)
            return e;
    }
    /* an implied end: a new row or cell, a new item, a new paragraph */
    if (!strcmp(name, "tr") || !strcmp(name, "td") || !strcmp(name, "th") ||
        !strcmp(name, "li") || !strcmp(name, "p")) {
        for (size_t k = c->depth; k-- > 0;) {
            const char *o = c->stack[k].name;
            bool same = !strcmp(o, name) || ((!strcmp(name, "td") || !strcmp(name, "th")) &&
                                             (!strcmp(o, "td") || !strcmp(o, "th"))) ||
                        (!strcmp(name, "tr") && (!strcmp(o, "td") || !strcmp(o, "th")));
            if (same) {
                if (!strcmp(name, "tr") && strcmp(o, "tr")) {
                    /* close the cell, and its row if one is open */
                    size_t m = k;
                    for (size_t j = k; j-- > 0;)
                        if (!strcmp(c->stack[j].name, "tr")) {
                            m = j;
                            break;
                        }
                    pop_to(c, m, i);
                } else {
                    pop_to(c, k, i);
                }
                break;
            }
            if (!strcmp(o, "table") || !strcmp(o, "ul") || !strcmp(o, "ol") ||
                !strcmp(o, "div") || !strcmp(o, "body"))
                break;
        }
    }
    el e;
    memset(&e, 0, sizeof e);
    memcpy(e.name, name, strlen(name) + 1);
    start_element(c, &e, name, ne, te, i);
    bool is_void = IN(name, void_tags) || self_close;
    if (IN(name, raw_tags) && !self_close) {
        /* contents are never text of the page */
        size_t close, end = find_close(r, n, after, name, &close);
        if (e.skip)
            c->skip--;
        return end == SIZE_MAX ? n : end;
    }
    if (is_void) {
        if (e.skip)
            c->skip--;
        else
            end_element(c, &e, after);
        return after;
    }
    if (c->depth < STACK_MAX) {
        c->stack[c->depth++] = e;
    } else if (e.skip) {
        c->skip--;   /* too deep to track: its subtree is read */
    }
    return after;
}

void cck_src_read_html(cck_source *s, cck_diags *d)
{
    size_t bom;
    char csname[40];
    charset cs = prescan(s->raw, s->raw_len, &bom, csname);
    if (cs == CS_OTHER) {
        cck_diag_add(d, s->path, 1, 1, CCK_SEV_WARNING,
                     "charset %s is not supported; read as UTF-8", csname);
        cs = CS_UTF8;
    }
    if (cs == CS_UTF8)
        cck_src_check_utf8(s, d);
    parse_meta(s, d, cs == CS_1252 ? "windows-1252" : NULL);

    scan *c = cck_xcalloc(1, sizeof *c);
    c->r = s->raw;
    c->n = s->raw_len;
    c->cs = cs;
    size_t i = bom;
    while (i < c->n) {
        const char *lt = memchr(c->r + i, '<', c->n - i);
        size_t e = lt ? (size_t)(lt - c->r) : c->n;
        text(c, i, e);
        if (e >= c->n)
            break;
        i = tag(c, e);
    }
    pop_to(c, 0, c->n);
    if (c->out.n && c->out.b[c->out.n - 1] != '\n')
        cck_proj_insert(&c->out, "\n", c->n);
    cck_src_set_projection(s, &c->out);
    free(c);
}
