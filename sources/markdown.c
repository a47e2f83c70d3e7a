/* markdown.c: the Markdown reader. Markdown is already close to the text
 * the structure pass reads, so the projection keeps every byte in place
 * (the map is the identity) and blanks what is not prose: front matter
 * (read into the source's metadata), and the code blocks, HTML blocks,
 * thematic breaks and setext underlines that cmark finds. */
#include <cmark.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "sources.h"

static bool is_ws(char ch) { return ch == ' ' || ch == '\t' || ch == '\r'; }

/* Blanks lines first..last (1-based) of the projected copy, keeping the
 * newlines so every offset still matches the file. */
static void blank_lines(const cck_source *s, char *b, size_t len, int first, int last)
{
    if (first < 1 || last < first || (size_t)first > s->raw_nlines)
        return;
    size_t a = s->raw_line_starts[first - 1];
    size_t e = (size_t)last < s->raw_nlines ? s->raw_line_starts[last] : len;
    for (size_t i = a; i < e && i < len; i++)
        if (b[i] != '\n')
            b[i] = ' ';
}

/* Line i (0-based) is a run of '=' or '-' alone. */
static bool underline(const cck_source *s, const char *b, size_t len, size_t i)
{
    size_t a = s->raw_line_starts[i];
    size_t e = i + 1 < s->raw_nlines ? s->raw_line_starts[i + 1] - 1 : len;
    while (a < e && b[a] == ' ')
        a++;
    while (e > a && is_ws(b[e - 1]))
        e--;
    if (a == e || (b[a] != '=' && b[a] != '-'))
        return false;
    for (size_t k = a; k < e; k++)
        if (b[k] != b[a])
            return false;
    return true;
}

static const char *unquote(cck_arena *a, const char *p, size_t n)
{
    while (n && is_ws(*p)) {
        p++;
        n--;
    }
    while (n && is_ws(p[n - 1]))
        n--;
    if (n >= 2 && (p[0] == '"' || p[0] == '\'') && p[n - 1] == p[0]) {
        p++;
        n -= 2;
    }
    return n ? cck_arena_strndup(a, p, n) : NULL;
}

/* "---" front matter at the very top: its "key: value" lines set the
 * metadata; returns the line after its closing "---" (0 when none). */
static int front_matter(cck_source *s)
{
    const char *r = s->raw;
    if (s->raw_len < 4 || memcmp(r, "---", 3) || (r[3] != '\n' && r[3] != '\r'))
        return 0;
    cck_meta *m = &s->meta;
    for (size_t ln = 1; ln < s->raw_nlines && ln < 200; ln++) {
        size_t a = s->raw_line_starts[ln];
        size_t e = ln + 1 < s->raw_nlines ? s->raw_line_starts[ln + 1] - 1 : s->raw_len;
        size_t t = e;
        while (t > a && is_ws(r[t - 1]))
            t--;
        if ((t - a == 3 && (!memcmp(r + a, "---", 3) || !memcmp(r + a, "...", 3))))
            return (int)ln + 1;
        const char *colon = memchr(r + a, ':', t - a);
        if (!colon || r[a] == ' ' || r[a] == '#')
            continue;
        size_t kn = (size_t)(colon - (r + a));
        const char *v = colon + 1;
        size_t vn = (size_t)(r + t - v);
        static const struct { const char *key; int field; } keys[] = {
            {"title", 0}, {"url", 1}, {"canonical_url", 1}, {"canonical", 1}, {"permalink", 1},
            {"link", 1}, {"date", 2}, {"published", 2}, {"publisher", 3}, {"site", 3},
            {"source", 3}, {"author", 4}};
        for (size_t k = 0; k < sizeof keys / sizeof *keys; k++) {
            if (strlen(keys[k].key) != kn || strncasecmp(r + a, keys[k].key, kn))
                continue;
            const char **f = keys[k].field == 0 ? &m->title : keys[k].field == 1 ? &m->url
                           : keys[k].field == 2 ? &m->date : keys[k].field == 3 ? &m->publisher
                           : &m->author;
            if (!*f)
                *f = unquote(s->arena, v, vn);
        }
    }
    return 0;   /* never closed: not front matter */
}

void cck_src_read_markdown(cck_source *s, cck_diags *d)
{
    cck_src_check_utf8(s, d);
    cck_proj p = {0};
    p.cap = s->raw_len + 1;
    p.b = cck_xmalloc(p.cap);
    memcpy(p.b, s->raw, s->raw_len);
    p.b[s->raw_len] = '\0';
    p.n = s->raw_len;
    int fm = front_matter(s);
    if (fm)
        blank_lines(s, p.b, p.n, 1, fm);

    cmark_node *doc = cmark_parse_document(p.b, p.n, CMARK_OPT_DEFAULT);
    if (!doc) {
        cck_diag_add(d, s->path, 0, 0, CCK_SEV_WARNING, "Markdown parser failed; read as text");
    } else {
        cmark_iter *it = cmark_iter_new(doc);
        cmark_event_type ev;
        while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
            if (ev != CMARK_EVENT_ENTER)
                continue;
            cmark_node *n = cmark_iter_get_node(it);
            int first = cmark_node_get_start_line(n), last = cmark_node_get_end_line(n);
            switch (cmark_node_get_type(n)) {
            case CMARK_NODE_CODE_BLOCK:
            case CMARK_NODE_HTML_BLOCK:
            case CMARK_NODE_THEMATIC_BREAK:
                blank_lines(s, p.b, p.n, first, last);
                break;
            case CMARK_NODE_HEADING:
                /* a setext heading's underline is not text (cmark may end
                 * the node on the title line) */
                for (int ln = first + 1; ln <= last + 1 && ln >= 2 && (size_t)ln <= s->raw_nlines;
                     ln++)
                    if (underline(s, p.b, p.n, (size_t)ln - 1))
                        blank_lines(s, p.b, p.n, ln, ln);
                break;
            default:
                break;
            }
        }
        cmark_iter_free(it);
        cmark_node_free(doc);
    }
    cck_src_set_projection(s, &p);
}
