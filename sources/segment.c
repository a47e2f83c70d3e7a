/* segment.c: the structure pass over plain text. Owns the line walk that
 * splits a file into articles, sections (headings), zones (body, reference
 * lists, reader comments) and sentence units, and the lookups over units;
 * markers and reference entries live in cite.c, pipe tables in table.c. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#include "bytes.h"
#include "segment_int.h"

enum { HEAD_MAX = 100, MAX_CANDIDATES = 4 };

/* ---- bytes --------------------------------------------------------------- */

static bool is_blank(char ch) { return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\f' || ch == '\v'; }
static bool is_space(char ch) { return is_blank(ch) || ch == '\n'; }
static bool is_digit(char ch) { return ch >= '0' && ch <= '9'; }
static bool is_lower(char ch) { return ch >= 'a' && ch <= 'z'; }
static bool is_upper(char ch) { return ch >= 'A' && ch <= 'Z'; }
static bool is_alpha(char ch) { return is_lower(ch) || is_upper(ch); }

static bool has_prefix_n(const char *p, size_t n, const char *pre, size_t k)
{
    return n >= k && !memcmp(p, pre, k);
}

/* pre is a string literal: its length is known without strlen() */
#define has_prefix(p, n, pre) has_prefix_n((p), (n), (pre), sizeof(pre) - 1)

/* A word and its length, for the lists below (no strlen() per lookup). */
typedef struct {
    unsigned char n;
    char w[31];
} lword;
#define LW(s) {sizeof(s) - 1, s}

/* The code point at p (at most n bytes), or -1 when not valid UTF-8. */
static utf8proc_int32_t cp_at(const char *p, size_t n, size_t *len)
{
    utf8proc_int32_t cp = -1;
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)p,
                                          (utf8proc_ssize_t)(n > 4 ? 4 : n), &cp);
    *len = k > 0 ? (size_t)k : 1;
    return k > 0 ? cp : -1;
}

/* ---- lines ------------------------------------------------------------- */

static void build_lines(seg_ctx *c)
{
    const cck_source *s = c->s;
    const char *b = s->bytes;
    c->nlines = s->nlines;
    c->lines = cck_xcalloc(c->nlines ? c->nlines : 1, sizeof *c->lines);
    for (size_t i = 0; i < c->nlines; i++) {
        seg_line *l = &c->lines[i];
        l->start = s->line_starts[i];
        l->end = i + 1 < s->nlines ? s->line_starts[i + 1] - 1 : s->len;
        if (l->end > l->start && b[l->end - 1] == '\r')
            l->end--;
        l->table = -1;
        size_t a = l->start, e = l->end;
        /* a pasted wiki page puts "[edit]" before the section's first line */
        if (has_prefix(b + a, e - a, "[edit]"))
            a += 6;
        while (a < e && is_blank(b[a]))
            a++;
        while (e > a && is_blank(b[e - 1]))
            e--;
        /* "View on Wikipedia" banners of mirror sites glue onto the text */
        if (has_prefix(b + a, e - a, "View on ") && a + 8 < e && is_upper(b[a + 8])) {
            size_t w = a + 9;
            while (w < e && is_lower(b[w]))
                w++;
            if (w == e || is_blank(b[w]) || !is_alpha(b[w]) || is_upper(b[w])) {
                l->view_on = true;
                a = w;
                while (a < e && is_blank(b[a]))
                    a++;
            }
        }
        l->cs = a;
        l->ce = e;
    }
}

static bool blank_line(const seg_ctx *c, size_t i)
{
    return i >= c->nlines || c->lines[i].cs >= c->lines[i].ce;
}

static size_t line_len(const seg_ctx *c, size_t i) { return c->lines[i].ce - c->lines[i].cs; }

/* The line ends the way a sentence or a paragraph does. */
static bool ends_terminal(const seg_ctx *c, size_t i)
{
    const seg_line *l = &c->lines[i];
    const char *b = c->s->bytes;
    size_t e = l->ce;
    /* trailing markers and closing quotes do not count */
    for (;;) {
        if (e > l->cs && b[e - 1] == ']') {
            size_t k = cck_src_cite_lower(c, l->cs);
            bool cut = false;
            for (; k < c->ncites && c->cites[k].start < e; k++)
                if (c->cites[k].end == e) {
                    e = c->cites[k].start;
                    cut = true;
                    break;
                }
            if (cut)
                continue;
        }
        if (e > l->cs && (b[e - 1] == '"' || b[e - 1] == '\'' || b[e - 1] == ')')) {
            e--;
            continue;
        }
        if (e >= l->cs + 3 && (unsigned char)b[e - 3] == 0xE2 && (unsigned char)b[e - 2] == 0x80 &&
            ((unsigned char)b[e - 1] == 0x9D || (unsigned char)b[e - 1] == 0x99)) {
            e -= 3;
            continue;
        }
        break;
    }
    if (e <= l->cs)
        return false;
    char ch = b[e - 1];
    return ch == '.' || ch == '!' || ch == '?' || ch == ':' || ch == ';' || ch == ',';
}

/* The line stops on a word that cannot end a title or a sentence ("of",
 * "the", "and"), or on a comma: a wrapped line of a paragraph. */
static bool ends_mid_sentence(const seg_ctx *c, size_t i)
{
    const seg_line *l = &c->lines[i];
    const char *b = c->s->bytes;
    if (l->ce > l->cs && b[l->ce - 1] == ',')
        return true;
    size_t w = l->ce;
    while (w > l->cs && is_lower(b[w - 1]))
        w--;
    size_t n = l->ce - w;
    if (!n || n > 5 || (w > l->cs && !is_blank(b[w - 1])))
        return false;
    static const lword words[] = {LW("of"), LW("the"), LW("a"), LW("an"), LW("and"), LW("or"),
                                  LW("in"), LW("with"), LW("to"), LW("for"), LW("by"), LW("on"),
                                  LW("at"), LW("from"), LW("as"), LW("that"), LW("which"),
                                  LW("its"), LW("their"), LW("into"), LW("than"), LW("but"),
                                  LW("is"), LW("was"), LW("are"), LW("were"), LW("has"),
                                  LW("had"), LW("have"), LW("be"), LW("this"), LW("these")};
    for (size_t k = 0; k < sizeof words / sizeof *words; k++)
        if (words[k].n == n && !memcmp(b + w, words[k].w, n))
            return true;
    return false;
}

/* Length of a list marker ("- ", "* ", "• ", "12. ", "3) ") at the start
 * of the line's content, or 0. */
static size_t list_marker(const char *p, size_t n)
{
    if (n >= 2 && (p[0] == '-' || p[0] == '*' || p[0] == '+') && p[1] == ' ')
        return 2;
    if (has_prefix(p, n, "\xE2\x80\xA2 "))
        return 4;
    size_t d = 0;
    while (d < n && d < 4 && is_digit(p[d]))
        d++;
    if (d && d + 1 < n && (p[d] == '.' || p[d] == ')') && p[d + 1] == ' ')
        return d + 2;
    return 0;
}

static int md_level(const seg_ctx *c, size_t i)
{
    const seg_line *l = &c->lines[i];
    const char *b = c->s->bytes;
    size_t k = 0;
    while (l->cs + k < l->ce && b[l->cs + k] == '#')
        k++;
    if (k >= 1 && k <= 6 && l->cs + k < l->ce && b[l->cs + k] == ' ')
        return (int)k;
    return 0;
}

/* "Key: value" (a short key, then text): a line of a fact sheet. */
static bool kv_line(const seg_ctx *c, size_t i)
{
    if (i >= c->nlines || blank_line(c, i))
        return false;
    const seg_line *l = &c->lines[i];
    const char *p = c->s->bytes + l->cs;
    size_t n = l->ce - l->cs;
    const char *colon = memchr(p, ':', n < 48 ? n : 48);
    if (!colon || colon == p || (size_t)(colon - p) + 2 >= n || colon[1] != ' ')
        return false;
    for (const char *q = p; q < colon; q++)
        if (*q == '.' && !(q + 1 < colon && q[1] == ')'))
            return false;
    return true;
}

/* The nearest non-blank line before (dir < 0) or after line i, or SIZE_MAX. */
static size_t nonblank(const seg_ctx *c, size_t i, int dir)
{
    for (size_t k = 0; k < 3; k++) {
        if (dir < 0 ? i == 0 : i + 1 >= c->nlines)
            return SIZE_MAX;
        i = dir < 0 ? i - 1 : i + 1;
        if (!blank_line(c, i))
            return i;
    }
    return SIZE_MAX;
}

/* The local shape of a plain heading: short, no closing punctuation, not a
 * list item, a table row or a marker line, starting like a title. */
static bool heading_shape(const seg_ctx *c, size_t i)
{
    if (blank_line(c, i) || c->lines[i].table >= 0)
        return false;
    const seg_line *l = &c->lines[i];
    const char *p = c->s->bytes + l->cs;
    size_t n = l->ce - l->cs;
    if (n > HEAD_MAX || list_marker(p, n) || ends_terminal(c, i) || ends_mid_sentence(c, i))
        return false;
    if (p[0] == '^' || p[0] == '|' || p[0] == '[' || p[0] == '(' || p[0] == '-' ||
        p[0] == '{' || is_lower(p[0]))
        return false;
    /* a line holding a sentence end is text: "It rained. Then it stopped" */
    for (size_t k = 1; k + 1 < n; k++)
        if ((p[k] == '.' || p[k] == '!' || p[k] == '?') && p[k + 1] == ' ' && is_lower(p[k - 1]))
            return false;
    /* a run of "Key: value" lines is a fact sheet, not headings */
    if (kv_line(c, i) && (kv_line(c, nonblank(c, i, -1)) || kv_line(c, nonblank(c, i, 1))))
        return false;
    /* a line that cites something is text, not a heading */
    size_t k0 = cck_src_cite_lower(c, l->cs);
    if (k0 < c->ncites && c->cites[k0].start < l->ce)
        return false;
    for (size_t k = 0; k < n; k++)
        if (is_alpha(p[k]) || (unsigned char)p[k] >= 0x80)
            return true;
    return false;
}

static size_t glued_heading(const seg_ctx *c, size_t i);

/* Whether line i is a heading, and its level (0 = not a heading; plain
 * headings report 2 and get their level from the run they stand in). */
static int heading_level(const seg_ctx *c, size_t i)
{
    if (blank_line(c, i) || c->lines[i].table >= 0)
        return 0;
    int md = md_level(c, i);
    if (md)
        return md;
    /* wiki: the next line starts with the section's "[edit]" link */
    if (i + 1 < c->nlines) {
        const seg_line *nx = &c->lines[i + 1];
        if (has_prefix(c->s->bytes + nx->start, nx->end - nx->start, "[edit]") &&
            line_len(c, i) <= HEAD_MAX && !list_marker(c->s->bytes + c->lines[i].cs, line_len(c, i)))
            return 2;
    }
    if (!heading_shape(c, i))
        return 0;
    bool prev_ok = i == 0 || blank_line(c, i - 1) || c->lines[i - 1].table >= 0 ||
                   ends_terminal(c, i - 1) || heading_shape(c, i - 1) ||
                   glued_heading(c, i - 1);
    if (!prev_ok)
        return 0;
    /* a wrapped paragraph continues in lowercase */
    if (i + 1 < c->nlines && !blank_line(c, i + 1) && is_lower(c->s->bytes[c->lines[i + 1].cs]))
        return 0;
    return 2;
}

static bool is_wiki_heading(const seg_ctx *c, size_t i)
{
    if (i + 1 >= c->nlines)
        return false;
    const seg_line *nx = &c->lines[i + 1];
    return has_prefix(c->s->bytes + nx->start, nx->end - nx->start, "[edit]");
}

/* ---- heading kinds ------------------------------------------------------- */

typedef enum { HK_PLAIN, HK_NOTES, HK_READING, HK_COMMENTS, HK_FURNITURE } head_kind;

static bool eq_ci_n(const char *p, size_t n, const char *w, size_t k)
{
    return k == n && !strncasecmp(p, w, n);
}

/* against a literal, and against a word of a list */
#define eq_ci(p, n, lit) eq_ci_n((p), (n), (lit), sizeof(lit) - 1)
#define lw_eq_ci(p, n, lw) eq_ci_n((p), (n), (lw).w, (lw).n)

/* What a heading announces: a reference list, further reading, reader
 * comments ("Comments", "23 thoughts on ..."), site furniture, or text. */
static head_kind classify_heading(const char *p, size_t n)
{
    while (n && (p[n - 1] == ':' || is_blank(p[n - 1])))
        n--;
    while (n && p[0] == '#') {
        p++;
        n--;
    }
    while (n && is_blank(p[0])) {
        p++;
        n--;
    }
    static const lword notes[] = {LW("References"), LW("Notes"), LW("Footnotes"), LW("Sources"),
                                  LW("Citations"), LW("Notes and references"),
                                  LW("References and notes"), LW("Source"), LW("Endnotes")};
    static const lword reading[] = {LW("Bibliography"), LW("Works cited"), LW("Further reading"),
                                    LW("External links"), LW("Literature"),
                                    LW("Sources and further reading")};
    for (size_t k = 0; k < sizeof notes / sizeof *notes; k++)
        if (lw_eq_ci(p, n, notes[k]))
            return HK_NOTES;
    for (size_t k = 0; k < sizeof reading / sizeof *reading; k++)
        if (lw_eq_ci(p, n, reading[k]))
            return HK_READING;
    static const lword comments[] = {LW("Comments"), LW("Responses"), LW("Replies"),
                                     LW("Leave a Reply"), LW("Leave a comment"), LW("Add comment"),
                                     LW("Add a comment"), LW("Post a comment"),
                                     LW("Reader comments"), LW("Discussion"),
                                     LW("Leave a Reply Cancel reply"), LW("Join the discussion")};
    for (size_t k = 0; k < sizeof comments / sizeof *comments; k++)
        if (lw_eq_ci(p, n, comments[k]))
            return HK_COMMENTS;
    /* "Comments (5)", "Responses (12)" */
    static const lword counted[] = {LW("Comments ("), LW("Responses ("), LW("Replies (")};
    for (size_t k = 0; k < sizeof counted / sizeof *counted; k++)
        if (n > counted[k].n && !strncasecmp(p, counted[k].w, counted[k].n) && p[n - 1] == ')')
            return HK_COMMENTS;
    /* site furniture: what follows lists other pages, not this one's facts */
    static const lword furniture[] = {LW("Related"), LW("Related posts"), LW("Related articles"),
                                      LW("Related stories"), LW("You may also like"),
                                      LW("You might also like"), LW("Share this"), LW("Like this"),
                                      LW("Recent posts"), LW("Popular posts"), LW("More stories"),
                                      LW("Read more"), LW("Read next"), LW("Tags"),
                                      LW("Categories"), LW("Subscribe"), LW("Newsletter"),
                                      LW("Follow us")};
    for (size_t k = 0; k < sizeof furniture / sizeof *furniture; k++)
        if (lw_eq_ci(p, n, furniture[k]))
            return HK_FURNITURE;
    /* "23 thoughts on ...", "One response to ...", "5 Comments" */
    size_t w = 0;
    if (n && is_digit(p[0])) {
        while (w < n && (is_digit(p[w]) || p[w] == ','))
            w++;
    } else if (has_prefix(p, n, "One ") || has_prefix(p, n, "one ")) {
        w = 3;
    } else {
        return HK_PLAIN;
    }
    if (w >= n || p[w] != ' ')
        return HK_PLAIN;
    w++;
    static const lword nouns[] = {LW("thought"), LW("comment"), LW("response"), LW("reply"),
                                  LW("replies"), LW("Comment"), LW("Response"), LW("Reply"),
                                  LW("Replies"), LW("Thought")};
    for (size_t k = 0; k < sizeof nouns / sizeof *nouns; k++) {
        size_t m = nouns[k].n;
        if (n - w >= m && !memcmp(p + w, nouns[k].w, m) &&
            (n - w == m || p[w + m] == ' ' || p[w + m] == 's'))
            return HK_COMMENTS;
    }
    return HK_PLAIN;
}

/* "Name says:" / "Name on 3 May 2020 said:" open a comment. */
static bool says_line(const char *p, size_t n)
{
    if (n > 120 || n < 6)
        return false;
    while (n && is_blank(p[n - 1]))
        n--;
    return (n > 5 && !memcmp(p + n - 5, "says:", 5)) || (n > 5 && !memcmp(p + n - 5, "said:", 5)) ||
           (n > 6 && !memcmp(p + n - 6, "wrote:", 6));
}

/* Interface strings of blog software that carry no content. */
static bool ui_noise(const char *p, size_t n)
{
    static const lword exact[] = {LW("Reply"), LW("Like"), LW("Share this:"), LW("Loading..."),
                                  LW("Like Loading..."), LW("Report comment"), LW("Log in to Reply")};
    for (size_t k = 0; k < sizeof exact / sizeof *exact; k++)
        if (lw_eq_ci(p, n, exact[k]))
            return true;
    if (has_prefix(p, n, "Liked by ") && n < 40)
        return true;
    return false;
}

/* ---- units ----------------------------------------------------------- */

cck_unit *cck_src_unit_add(seg_ctx *c, size_t a, size_t b, cck_zone z)
{
    const char *bytes = c->s->bytes;
    while (a < b && is_space(bytes[a]))
        a++;
    while (b > a && is_space(bytes[b - 1]))
        b--;
    if (a >= b)
        return NULL;
    if (c->nunits && c->units[c->nunits - 1].end > a)
        return NULL;
    /* text with no letter or digit ("|", "***") is no sentence */
    bool any = false;
    for (size_t k = a; k < b && !any; k++)
        any = is_alpha(bytes[k]) || is_digit(bytes[k]) || (unsigned char)bytes[k] >= 0x80;
    if (!any)
        return NULL;
    if (c->nunits == c->ucap) {
        c->ucap = c->ucap ? 2 * c->ucap : 128;
        c->units = cck_xreallocarray(c->units, c->ucap, sizeof *c->units);
    }
    cck_unit *u = &c->units[c->nunits++];
    memset(u, 0, sizeof *u);
    u->start = a;
    u->end = b;
    u->zone = z;
    u->article = c->article;
    u->section = c->section;
    u->cites = (cck_off)c->nucites;
    if (z == CCK_ZONE_TABLE)
        return u;
    size_t lo = cck_src_cite_lower(c, a), hi = lo;
    while (hi < c->ncites && c->cites[hi].end <= b)
        hi++;
    for (size_t k = lo; k < hi; k++)
        cck_src_unit_cite(c, k);
    return u;
}

void cck_src_unit_cite(seg_ctx *c, size_t k)
{
    /* a table's "Source:" row backs each of its cells: many cells under a
     * row of many markers could number more entries than a cck_off can */
    if (c->nucites >= CCK_SOURCE_MAX) {
        if (!c->ucites_full && c->d && c->nunits) {
            unsigned line, col;
            cck_source_linecol(c->s, c->units[c->nunits - 1].start, &line, &col);
            cck_diag_add(c->d, c->s->path, line, col, CCK_SEV_WARNING,
                         "more than %zu citation entries for table cells; "
                         "the cells from here on keep no markers", (size_t)CCK_SOURCE_MAX);
        }
        c->ucites_full = true;
        return;
    }
    if (c->nucites == c->uccap) {
        c->uccap = c->uccap ? 2 * c->uccap : 64;
        c->ucites = cck_xreallocarray(c->ucites, c->uccap, sizeof *c->ucites);
    }
    c->ucites[c->nucites++] = (cck_off)k;
}

/* ---- sentences -------------------------------------------------------- */

static bool abbreviation(const char *b, size_t from, size_t dot)
{
    size_t w = dot;
    /* abbreviations are short: the bound keeps "a.a.a.a..." linear */
    while (w > from && dot - w < 12 && (is_alpha(b[w - 1]) || b[w - 1] == '.'))
        w--;
    if (w > from && (is_alpha(b[w - 1]) || b[w - 1] == '.'))
        return false;
    size_t n = dot - w;
    if (n == 0)
        return false;
    const char *p = b + w;
    /* a single initial: "Richard E. Kim" */
    if (n == 1 && is_upper(p[0]))
        return true;
    /* dotted short forms: "U.S", "e.g", "i.e", "a.m" */
    if (memchr(p, '.', n)) {
        size_t seg = 0;
        bool ok = true;
        for (size_t k = 0; k < n; k++) {
            if (p[k] == '.') {
                ok = ok && seg >= 1 && seg <= 2;
                seg = 0;
            } else {
                seg++;
            }
        }
        if (ok && seg >= 1 && seg <= 2)
            return true;
    }
    /* the longest word of the list has 6 letters */
    if (n > 6)
        return false;
    static const lword list[] = {
        LW("No"), LW("no"), LW("Nos"), LW("approx"), LW("Mr"), LW("Mrs"), LW("Ms"), LW("Dr"),
        LW("St"), LW("Mt"), LW("Ft"), LW("c"), LW("ca"), LW("vs"), LW("v"), LW("Jan"),
        LW("Feb"), LW("Mar"), LW("Apr"), LW("Jun"), LW("Jul"), LW("Aug"), LW("Sep"), LW("Sept"),
        LW("Oct"), LW("Nov"), LW("Dec"), LW("Gen"), LW("Lt"), LW("Col"), LW("Maj"), LW("Capt"),
        LW("Sgt"), LW("Adm"), LW("Brig"), LW("Cmdr"), LW("Inc"), LW("Co"), LW("Corp"),
        LW("Ltd"), LW("Bros"), LW("Jr"), LW("Sr"), LW("Prof"), LW("Rev"), LW("Hon"), LW("Gov"),
        LW("Sen"), LW("Rep"), LW("Pres"), LW("est"), LW("Est"), LW("pp"), LW("p"), LW("vol"),
        LW("Vol"), LW("ed"), LW("eds"), LW("cf"), LW("al"), LW("fig"), LW("Fig"), LW("op"),
        LW("ibid"), LW("Ibid"), LW("sq"), LW("Ave"), LW("Rd"), LW("Blvd"), LW("Sq"), LW("Nr"),
        LW("nr"), LW("approx"), LW("incl"), LW("Univ"), LW("Dept"), LW("dept"), LW("Mts"),
        LW("lb"), LW("lbs"), LW("Messrs"), LW("Mme"), LW("Mlle"), LW("Sta"), LW("Ste"),
        LW("Pte"), LW("Fr")};
    for (size_t k = 0; k < sizeof list / sizeof *list; k++)
        if (list[k].n == n && !memcmp(list[k].w, p, n))
            return true;
    return false;
}

/* A picture credit after a caption ("Photograph: AFP") stays with it. */
static bool credit(const char *p, size_t n)
{
    static const lword pre[] = {LW("Photograph:"), LW("Photo:"), LW("Image:"), LW("Credit:"),
                                LW("Photo credit:"), LW("Picture:"), LW("Photos:")};
    for (size_t k = 0; k < sizeof pre / sizeof *pre; k++)
        if (has_prefix_n(p, n, pre[k].w, pre[k].n))
            return true;
    return false;
}

/* What may open the next sentence: an uppercase letter, a digit, a quote, a
 * bracket, or a letter of a script without case (Hangul, CJK). */
static bool opens_sentence(const char *p, size_t n)
{
    char ch = p[0];
    if (is_upper(ch) || is_digit(ch) || ch == '"' || ch == '\'' || ch == '(' || ch == '[')
        return true;
    if ((unsigned char)ch < 0x80)
        return false;
    size_t k;
    utf8proc_int32_t cp = cp_at(p, n, &k);
    if (cp < 0)
        return false;
    if (cp == 0x201C || cp == 0x2018 || cp == 0xAB)  /* “ ‘ « */
        return true;
    utf8proc_category_t cat = utf8proc_category(cp);
    return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT ||
           cat == UTF8PROC_CATEGORY_LO;
}

/* Splits [a, b) into sentence units. */
static void sentences(seg_ctx *c, size_t a, size_t b, cck_zone z)
{
    const char *t = c->s->bytes;
    size_t from = a;
    /* the bytes that can end a sentence or open a parenthesis */
    static const unsigned char stops[256] = {['('] = 1, ['.'] = 1, ['!'] = 1, ['?'] = 1};
    for (size_t p = a; p < b; p++) {
        p = cck_bytes_skip4(t, p, b, '(', '.', '!', '?');
        while (p < b && !stops[(unsigned char)t[p]])
            p++;
        if (p >= b)
            break;
        char ch = t[p];
        if (ch == '(') {
            /* no sentence ends inside a parenthesis closed nearby:
             * "(Neer, R. (2013). Napalm. Harvard.)" */
            int depth = 0;
            for (size_t q = p; q < b && q < p + 400 && t[q] != '\n'; q++) {
                if (t[q] == '(')
                    depth++;
                else if (t[q] == ')' && --depth == 0) {
                    p = q;
                    break;
                }
            }
            continue;
        }
        if (ch != '.' && ch != '!' && ch != '?')
            continue;
        size_t e = p + 1;
        /* closing quotes and brackets */
        for (;;) {
            if (e < b && (t[e] == '"' || t[e] == '\'' || t[e] == ')')) {
                e++;
            } else if (e + 2 < b && (unsigned char)t[e] == 0xE2 && (unsigned char)t[e + 1] == 0x80 &&
                       ((unsigned char)t[e + 2] == 0x9D || (unsigned char)t[e + 2] == 0x99)) {
                e += 3;
            } else {
                break;
            }
        }
        /* markers standing right after the sentence belong to it */
        size_t k = cck_src_cite_lower(c, e);
        for (; k < c->ncites && c->cites[k].end <= b && t[c->cites[k].start] == '['; k++) {
            size_t g = e;
            while (g < c->cites[k].start && (t[g] == ' ' || t[g] == '\t'))
                g++;
            if (g != c->cites[k].start || c->cites[k].target)
                break;
            e = c->cites[k].end;
        }
        if (e < b && !is_space(t[e]))
            continue;
        size_t n = e;
        while (n < b && is_space(t[n]))
            n++;
        if (n < b && !opens_sentence(t + n, b - n))
            continue;
        if (ch == '.' && abbreviation(t, from, p))
            continue;
        if (credit(t + n, b - n))
            continue;
        cck_src_unit_add(c, from, e, z);
        from = e;
        p = e - 1;
    }
    cck_src_unit_add(c, from, b, z);
}

/* ---- articles and sections --------------------------------------------- */

static void push_article(seg_ctx *c, size_t start, const char *title)
{
    if (c->narts == c->acap) {
        c->acap = c->acap ? 2 * c->acap : 4;
        c->arts = cck_xreallocarray(c->arts, c->acap, sizeof *c->arts);
    }
    if (c->narts == CCK_ARTICLE_MAX) {
        /* no room to number another: the last article goes on */
        return;
    }
    if (c->narts)
        c->arts[c->narts - 1].end = start;
    cck_article *a = &c->arts[c->narts++];
    a->start = start;
    a->end = c->s->len;
    a->title = title;
    c->article = (unsigned)(c->narts - 1);
    c->section = -1;
    c->next_label = 1;
    c->caret_list = false;
    c->letter_mode = c->letter_used = false;
    c->next_letter = 0;
    c->lettered_on = false;
}

static void push_section(seg_ctx *c, size_t a, size_t b, int level)
{
    if (c->nsecs == c->scap) {
        c->scap = c->scap ? 2 * c->scap : 32;
        c->secs = cck_xreallocarray(c->secs, c->scap, sizeof *c->secs);
    }
    cck_section *s = &c->secs[c->nsecs];
    memset(s, 0, sizeof *s);
    s->start = a;
    s->end = b;
    s->level = level;
    s->article = c->article;
    s->parent = -1;
    /* the nearest earlier section of a lower level: up the parent chain
     * from the previous one (sections between a section and its parent
     * are all deeper), so a page of 100,000 sibling sections is linear */
    for (int k = (int)c->nsecs - 1; k >= 0 && c->secs[k].article == c->article;
         k = c->secs[k].parent) {
        if (c->secs[k].level < level) {
            s->parent = k;
            break;
        }
    }
    c->section = (int)c->nsecs++;
}

static bool has_digit(const char *p, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (is_digit(p[k]))
            return true;
    return false;
}

/* How often the most frequent capitalised word (4+ letters) of a title
 * candidate occurs in [a, b): the real title names the page's subject, a
 * site name before it rarely recurs. */
static size_t title_score(const seg_ctx *c, size_t i, size_t a, size_t b)
{
    const char *t = c->s->bytes;
    const seg_line *l = &c->lines[i];
    size_t best = 0;
    for (size_t p = l->cs; p < l->ce;) {
        size_t q = p;
        while (q < l->ce && (is_alpha(t[q]) || (unsigned char)t[q] >= 0x80))
            q++;
        if (q - p >= 4 && is_upper(t[p])) {
            size_t cnt = b > a ? cck_src_count_in(t + a, b - a, t + p, q - p) : 0;
            if (cnt > best)
                best = cnt;
        }
        p = q > p ? q : p + 1;
    }
    return best;
}

size_t cck_src_count_in(const char *hay, size_t n, const char *w, size_t m)
{
    if (!m || m > n)
        return 0;
    size_t cnt = 0;
    /* memchr finds the candidates: the first byte is a capital, rare */
    for (const char *r = hay, *last = hay + (n - m); r <= last; r++) {
        r = memchr(r, w[0], (size_t)(last - r) + 1);
        if (!r)
            break;
        if (!memcmp(r, w, m))
            cnt++;
    }
    return cnt;
}

/* ---- the line walk ---------------------------------------------------- */

typedef struct {
    cck_zone zone;
    head_kind refkind;      /* kind of the reference heading in force */
    size_t cand[MAX_CANDIDATES];
    int cand_level[MAX_CANDIDATES];
    size_t ncand;
    bool content;           /* the article has units or entries */
    bool titled;
    int leaf;               /* level of the last heading followed by text */
    size_t art_units;       /* units when the article began */
    bool toc;               /* inside a pasted table of contents */
    bool furniture;         /* under "Related posts", "Share this", ... */
} walk;

static void heading(seg_ctx *c, walk *w, size_t i, int level);
static void heading_span(seg_ctx *c, walk *w, size_t a, size_t b, int level);

static bool has_digit(const char *p, size_t n);

/* A number in words ("Twenty-six people die"): a heading worth scanning. */
static bool has_number_word(const char *p, size_t n)
{
    static const lword w[] = {
        LW("one"), LW("two"), LW("three"), LW("four"), LW("five"), LW("six"), LW("seven"),
        LW("eight"), LW("nine"), LW("ten"), LW("eleven"), LW("twelve"), LW("thirteen"),
        LW("fourteen"), LW("fifteen"), LW("sixteen"), LW("seventeen"), LW("eighteen"),
        LW("nineteen"), LW("twenty"), LW("thirty"), LW("forty"), LW("fifty"), LW("sixty"),
        LW("seventy"), LW("eighty"), LW("ninety"), LW("hundred"), LW("thousand"), LW("million"),
        LW("billion"), LW("trillion"), LW("dozen"), LW("half"), LW("zero"), LW("nought"),
        LW("naught"), LW("first"), LW("second"), LW("third"), LW("fourth"), LW("fifth"),
        LW("tenth"), LW("twentieth")};
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && ((p[j] | 0x20) >= 'a' && (p[j] | 0x20) <= 'z'))
            j++;
        if (j == i) {
            i++;
            continue;
        }
        for (size_t k = 0; k < sizeof w / sizeof *w; k++) {
            size_t m = w[k].n, q = 0;
            while (q < m && j - i == m && (p[i + q] | 0x20) == w[k].w[q])
                q++;
            if (q == m && j - i == m)
                return true;
        }
        i = j;
    }
    return false;
}

/* Some title candidate holds no digit. */
static bool has_wordy_candidate(const seg_ctx *c, const walk *w)
{
    for (size_t k = 0; k < w->ncand; k++) {
        const seg_line *cl = &c->lines[w->cand[k]];
        if (!has_digit(c->s->bytes + cl->cs, cl->ce - cl->cs) &&
            classify_heading(c->s->bytes + cl->cs, cl->ce - cl->cs) == HK_PLAIN)
            return true;
    }
    return false;
}

/* Ends the run of headings before an article's first text: the best
 * candidate is the title, the rest become sections. */
static void flush_candidates(seg_ctx *c, walk *w)
{
    if (w->content)
        return;
    w->content = true;
    size_t pick = SIZE_MAX;
    if (!w->titled && w->ncand) {
        const cck_article *art = &c->arts[c->article];
        size_t a = c->lines[w->cand[w->ncand - 1]].ce;
        size_t b = art->end < a + 20000 && art->end > a ? art->end : a + 20000;
        if (b > c->s->len)
            b = c->s->len;
        size_t best = 0;
        for (size_t k = 0; k < w->ncand; k++) {
            const seg_line *cl = &c->lines[w->cand[k]];
            if (classify_heading(c->s->bytes + cl->cs, cl->ce - cl->cs) != HK_PLAIN)
                continue;
            /* a dateline ("March 3, 2021") is no title when a line of words is */
            if (has_digit(c->s->bytes + cl->cs, cl->ce - cl->cs) && has_wordy_candidate(c, w))
                continue;
            size_t sc = title_score(c, w->cand[k], a, b);
            if (pick == SIZE_MAX || sc > best) {
                best = sc;
                pick = k;
            }
        }
        if (pick != SIZE_MAX) {
            const seg_line *l = &c->lines[w->cand[pick]];
            size_t cs = l->cs;
            while (cs < l->ce && (c->s->bytes[cs] == '#' || c->s->bytes[cs] == ' '))
                cs++;
            c->arts[c->article].title = cck_arena_strndup(c->s->arena, c->s->bytes + cs, l->ce - cs);
            w->titled = true;
        }
    }
    size_t n = w->ncand;
    w->ncand = 0;
    /* two plain headings left before the text: a section and its first
     * subsection, as in "Geography" / "Location and Terrain" */
    size_t rest = n - (pick != SIZE_MAX);
    int lvl = 2;
    for (size_t k = 0; k < n; k++) {
        if (k == pick)
            continue;
        int level = w->cand_level[k];
        if (rest == 2 && level == 2 && !md_level(c, w->cand[k]) && !is_wiki_heading(c, w->cand[k])) {
            level = lvl++;
            w->leaf = 3;
        }
        heading(c, w, w->cand[k], level);
    }
}

/* A post without a title line names itself in its comments heading:
 * "23 thoughts on “Title”". */
static void title_from_comments(seg_ctx *c, walk *w, size_t a, size_t b)
{
    const char *t = c->s->bytes;
    size_t q = a;
    while (q < b && t[q] != '"' && !(q + 2 < b && (unsigned char)t[q] == 0xE2 &&
                                      (unsigned char)t[q + 1] == 0x80 && (unsigned char)t[q + 2] == 0x9C))
        q++;
    if (q >= b)
        return;
    q += t[q] == '"' ? 1 : 3;
    size_t e = q;
    while (e < b && t[e] != '"' && !(e + 2 < b && (unsigned char)t[e] == 0xE2 &&
                                      (unsigned char)t[e + 1] == 0x80 && (unsigned char)t[e + 2] == 0x9D))
        e++;
    while (e > q && is_blank(t[e - 1]))
        e--;
    if (e > q) {
        c->arts[c->article].title = cck_arena_strndup(c->s->arena, t + q, e - q);
        w->titled = true;
    }
}

/* The current article cites a lettered note ("[a]") before off. */
static bool lettered_before(seg_ctx *c, size_t off)
{
    /* the line pass asks at rising offsets: each look goes on from where
     * the last stopped (a page of many "Notes" headings and no lettered
     * marker went through all of the article's markers at each) */
    if (!c->lettered_on || off < c->lettered_off) {
        c->lettered_k = cck_src_cite_lower(c, c->arts[c->article].start);
        c->lettered_seen = false;
        c->lettered_on = true;
    }
    c->lettered_off = off;
    for (size_t k = c->lettered_k; !c->lettered_seen && k < c->ncites && c->cites[k].start < off;
         k = ++c->lettered_k) {
        const char *m = c->s->bytes + c->cites[k].start;
        c->lettered_seen = m[0] == '[' && is_lower(m[1]) && m[2] == ']';
    }
    return c->lettered_seen;
}

static void heading(seg_ctx *c, walk *w, size_t i, int level)
{
    const seg_line *l = &c->lines[i];
    const char *t = c->s->bytes;
    size_t a = l->cs, b = l->ce;
    while (a < b && t[a] == '#')
        a++;
    while (a < b && is_blank(t[a]))
        a++;
    if (!w->content && w->ncand < MAX_CANDIDATES) {
        w->cand[w->ncand] = i;
        w->cand_level[w->ncand++] = level;
        return;
    }
    heading_span(c, w, a, b, level);
}

static void heading_span(seg_ctx *c, walk *w, size_t a, size_t b, int level)
{
    const char *t = c->s->bytes;
    head_kind hk = classify_heading(t + a, b - a);
    push_section(c, a, b, level);
    if (hk == HK_COMMENTS) {
        w->zone = CCK_ZONE_COMMENTS;
        if (!w->titled)
            title_from_comments(c, w, a, b);
        return;
    }
    c->letter_mode = false;
    w->furniture = hk == HK_FURNITURE;
    if (hk == HK_FURNITURE)
        return;
    if (hk == HK_NOTES || hk == HK_READING) {
        if (w->zone != CCK_ZONE_COMMENTS)
            w->zone = CCK_ZONE_REFERENCES;
        w->refkind = hk;
        /* Wikipedia's "Notes" hold the [a] [b] notes when the text has
         * lettered markers; the numbered footnotes follow elsewhere */
        if (hk == HK_NOTES && !c->letter_used && lettered_before(c, a) &&
            (eq_ci(t + a, b - a, "Notes") || eq_ci(t + a, b - a, "Explanatory notes") ||
             eq_ci(t + a, b - a, "Notes:"))) {
            c->letter_mode = c->letter_used = true;
            c->next_letter = 0;
        }
        return;
    }
    if (w->zone == CCK_ZONE_REFERENCES)
        w->zone = CCK_ZONE_BODY;
    if (has_digit(t + a, b - a) || has_number_word(t + a, b - a))
        cck_src_unit_add(c, a, b, w->zone);
}

/* Some pages lose the line break before a heading: "...in 1950.[4]History".
 * Returns where such a heading starts at the end of line i, or 0. */
static size_t glued_heading(const seg_ctx *c, size_t i)
{
    const seg_line *l = &c->lines[i];
    const char *t = c->s->bytes;
    size_t lim = l->ce > l->cs + HEAD_MAX ? l->ce - HEAD_MAX : l->cs;
    size_t k = cck_src_cite_lower(c, l->cs);
    for (size_t g = l->ce; g-- > lim + 1;) {
        if (!is_upper(t[g]))
            continue;
        /* just before: a sentence end, possibly with its markers */
        size_t e = g;
        for (bool again = true; again;) {
            again = false;
            for (size_t m = k; m < c->ncites && c->cites[m].start < e; m++)
                if (c->cites[m].end == e && c->s->bytes[c->cites[m].start] == '[' &&
                    !c->cites[m].target) {
                    e = c->cites[m].start;
                    again = true;
                    break;
                }
        }
        if (e <= l->cs + 1)
            return 0;
        /* markers then a capital are a join; without markers only a
         * sentence end is, and not "U.S.Army" or "No.5" */
        char p = t[e - 1];
        if (e == g && ((p != '.' && p != '!' && p != '?') || is_upper(t[e - 2]) ||
                       is_digit(t[e - 2])))
            continue;
        /* the rest of the line must look like a title */
        for (size_t q = g; q < l->ce; q++)
            if (t[q] == '.' || t[q] == '!' || t[q] == '?' || t[q] == '[' || t[q] == '|' ||
                t[q] == ':' || t[q] == ';')
                return 0;
        return g;
    }
    return 0;
}

/* How many plain headings stand in a row from line i (blank lines between
 * them allowed): a pair nests, a lone heading takes the current leaf level. */
static int run_length(const seg_ctx *c, size_t i)
{
    int k = 0;
    size_t j = i;
    while (j < c->nlines && k < 5) {
        while (j < c->nlines && blank_line(c, j))
            j++;
        if (j >= c->nlines || heading_level(c, j) != 2 || md_level(c, j) || is_wiki_heading(c, j))
            break;
        k++;
        j++;
    }
    return k;
}

/* Reference entry prefix at p ("1. ", "[3] ", "[note 1] ", "- ^ ",
 * "^ a b "): returns its length, sets the explicit label (NULL when
 * implicit) and whether the entry uses "^" back-links. */
static size_t entry_prefix(const char *p, size_t n, const char **label, size_t *llen,
                           bool *caret)
{
    *label = NULL;
    *llen = 0;
    *caret = false;
    size_t k = list_marker(p, n);
    if (k && is_digit(p[0])) {
        *label = p;
        *llen = k - 2;
    } else if (!k && n > 2 && p[0] == '[') {
        const char *e = memchr(p, ']', n < 14 ? n : 14);
        if (e && cck_src_is_label(p + 1, (size_t)(e - p - 1))) {
            *label = p + 1;
            *llen = (size_t)(e - p - 1);
            k = (size_t)(e - p) + 1;
            while (k < n && is_blank(p[k]))
                k++;
        }
    }
    if (k < n && p[k] == '^') {
        *caret = true;
        k++;
        while (k < n && is_blank(p[k]))
            k++;
        if (has_prefix(p + k, n - k, "Jump up to:"))
            k += 11;
        else if (has_prefix(p + k, n - k, "Jump up"))
            k += 7;
        while (k < n && (is_blank(p[k]) || p[k] == '^'))
            k++;
        /* "^ a b" back-links of an entry cited several times */
        while (k + 1 < n && is_lower(p[k]) && p[k + 1] == ' ')
            k += 2;
    }
    return k;
}

static bool url_only(const char *p, size_t n)
{
    if (!(has_prefix(p, n, "http://") || has_prefix(p, n, "https://") || has_prefix(p, n, "www.")))
        return false;
    for (size_t k = 0; k < n; k++)
        if (is_blank(p[k]))
            return false;
    return true;
}

/* A reference-list line: entries (possibly several glued on one line,
 * " - ^ " separated) become refs and REFERENCES units. */
static void ref_line(seg_ctx *c, size_t i, bool numbered)
{
    const seg_line *l = &c->lines[i];
    const char *t = c->s->bytes;
    size_t p = l->cs;
    while (p < l->ce) {
        /* the next glued entry starts at " - ^ " */
        size_t q = p + 1;
        for (; q + 4 <= l->ce; q++)
            if (t[q] == ' ' && t[q + 1] == '-' && t[q + 2] == ' ' && t[q + 3] == '^')
                break;
        if (q + 4 > l->ce)
            q = l->ce;
        const char *label;
        size_t llen;
        bool caret;
        size_t k = entry_prefix(t + p, q - p, &label, &llen, &caret);
        /* text without a prefix in a "^" list is a stray line, not an entry */
        bool entry = caret || label || k > 0 || (p == l->cs && !c->caret_list);
        if (entry) {
            bool number = caret || numbered;
            if (caret)
                c->caret_list = true;
            cck_src_ref_add(c, p, q, p + k, label, llen, number);
            cck_src_unit_add(c, p + k, q, CCK_ZONE_REFERENCES);
        } else {
            cck_src_unit_add(c, p, q, CCK_ZONE_REFERENCES);
        }
        p = q;
        while (p < l->ce && is_blank(t[p]))
            p++;
    }
}

static void start_article(seg_ctx *c, walk *w, size_t i, bool titled)
{
    const seg_line *l = &c->lines[i];
    /* a banner or two before the first article is not an article */
    bool merge = c->narts == 1 && c->nrefs == 0 && c->nunits - w->art_units < 3 && c->nsecs == 0;
    if (!merge)
        push_article(c, l->start, "");
    else
        c->section = -1;
    memset(w, 0, sizeof *w);
    w->art_units = c->nunits;
    w->leaf = 2;
    if (titled) {
        size_t cs = l->cs;
        while (cs < l->ce && (c->s->bytes[cs] == '#' || is_blank(c->s->bytes[cs])))
            cs++;
        c->arts[c->article].title = cck_arena_strndup(c->s->arena, c->s->bytes + cs, l->ce - cs);
        w->titled = true;
    }
}

static void walk_lines(seg_ctx *c)
{
    walk w;
    memset(&w, 0, sizeof w);
    w.leaf = 2;
    push_article(c, 0, "");
    const char *t = c->s->bytes;
    int run_level = 0, run_left = 0;
    for (size_t i = 0; i < c->nlines; i++) {
        seg_line *l = &c->lines[i];
        if (l->table >= 0) {
            const seg_table *tb = &c->tables[l->table];
            flush_candidates(c, &w);
            if (tb->glue)
                sentences(c, l->cs, tb->glue, w.zone == CCK_ZONE_REFERENCES ? CCK_ZONE_BODY : w.zone);
            cck_src_table_emit(c, (size_t)l->table);
            i = tb->end - 1;
            run_left = 0;
            continue;
        }
        if (blank_line(c, i))
            continue;
        const char *p = t + l->cs;
        size_t n = l->ce - l->cs;
        /* a title line over a "View on X" banner opens an article */
        if (i + 1 < c->nlines && c->lines[i + 1].view_on && heading_shape(c, i)) {
            start_article(c, &w, i, true);
            run_left = 0;
            continue;
        }
        /* a pasted table of contents ("Contents", "1 History", "2.1 War")
         * repeats the headings: no sections, no units */
        if (eq_ci(p, n, "Contents") || eq_ci(p, n, "Table of contents") ||
            eq_ci(p, n, "Contents hide")) {
            w.toc = true;
            continue;
        }
        if (w.toc) {
            size_t d = 0;
            while (d < n && (is_digit(p[d]) || p[d] == '.'))
                d++;
            if (d && d < n && is_blank(p[d]) && n < HEAD_MAX)
                continue;
            w.toc = false;
        }
        /* under "Related posts" and the like, short lines are other pages'
         * titles; a paragraph of text ends the list */
        if (w.furniture) {
            if (n < 120 && classify_heading(p, n) == HK_PLAIN)
                continue;
            w.furniture = false;
        }
        int lv = heading_level(c, i);
        if (lv == 1 && w.titled && w.content && c->nunits > w.art_units) {
            start_article(c, &w, i, true);
            run_left = 0;
            continue;
        }
        if (w.zone == CCK_ZONE_COMMENTS && ui_noise(p, n))
            continue;
        if (lv) {
            int level = lv;
            if (!md_level(c, i) && !is_wiki_heading(c, i)) {
                /* a pair of headings is a section and its first subsection;
                 * longer runs are loose lines (captions, site furniture) */
                if (run_left > 0) {
                    level = run_level + 1;
                    run_left--;
                } else {
                    int k = w.content ? run_length(c, i) : 1;
                    if (k == 2) {
                        level = 2;
                        run_level = level;
                        run_left = 1;
                        w.leaf = 3;
                    } else {
                        level = w.leaf;
                    }
                }
            }
            heading(c, &w, i, level);
            continue;
        }
        run_left = 0;
        if (says_line(p, n)) {
            flush_candidates(c, &w);
            w.zone = CCK_ZONE_COMMENTS;
            continue;
        }
        if (w.zone == CCK_ZONE_COMMENTS && ui_noise(p, n))
            continue;
        flush_candidates(c, &w);
        const char *label;
        size_t llen;
        bool caret;
        size_t k = entry_prefix(p, n, &label, &llen, &caret);
        if (w.zone == CCK_ZONE_REFERENCES) {
            bool numbered = w.refkind == HK_NOTES &&
                            (c->nrefs == 0 || c->refs[c->nrefs - 1].article != c->article ||
                             c->refs[c->nrefs - 1].label[0]);
            ref_line(c, i, numbered);
            continue;
        }
        if (w.zone != CCK_ZONE_COMMENTS &&
            (caret || (label && p[0] == '[') || (k && url_only(p + k, n - k)))) {
            ref_line(c, i, true);
            continue;
        }
        /* a paragraph: this line and the lowercase lines wrapping it */
        size_t j = i;
        while (j + 1 < c->nlines && !blank_line(c, j + 1) && c->lines[j + 1].table < 0 &&
               !c->lines[j + 1].view_on && !is_wiki_heading(c, j + 1) &&
               (ends_mid_sentence(c, j) ||
                (!ends_terminal(c, j) && is_lower(t[c->lines[j + 1].cs]))) &&
               !list_marker(t + c->lines[j + 1].cs, line_len(c, j + 1)))
            j++;
        size_t a = l->cs + list_marker(p, n);
        size_t glue = glued_heading(c, j);
        sentences(c, a, glue ? glue : c->lines[j].ce, w.zone);
        if (glue) {
            /* a glued heading over a heading line is a top section; over
             * text it is at the level of the last such section's children */
            bool over = j + 1 < c->nlines && heading_level(c, j + 1) == 2 && !md_level(c, j + 1) &&
                        !is_wiki_heading(c, j + 1);
            bool special = classify_heading(t + glue, c->lines[j].ce - glue) != HK_PLAIN;
            heading_span(c, &w, glue, c->lines[j].ce, over || special ? 2 : w.leaf);
            if (over)
                w.leaf = 3;
        }
        i = j;
    }
    flush_candidates(c, &w);
}

/* ---- entry points ------------------------------------------------------- */

/* The "[3]" opening a reference entry labels it; it cites nothing. Such
 * markers are removed and the units' marker indices renumbered. */
static void drop_entry_labels(seg_ctx *c)
{
    size_t *map = cck_xcalloc(c->ncites ? c->ncites : 1, sizeof *map);
    size_t r = 0, m = 0;
    for (size_t i = 0; i < c->ncites; i++) {
        while (r < c->nrefs && c->refs[r].start < c->cites[i].start)
            r++;
        bool label = r < c->nrefs && c->refs[r].start == c->cites[i].start &&
                     c->s->bytes[c->cites[i].start] == '[' && !c->cites[i].target;
        map[i] = label ? SIZE_MAX : m;
        if (!label)
            c->cites[m++] = c->cites[i];
    }
    if (m != c->ncites) {
        /* every unit's entries in place: the kept ones move down */
        size_t n = 0;
        for (size_t u = 0; u < c->nunits; u++) {
            cck_unit *x = &c->units[u];
            size_t from = x->cites, to = u + 1 < c->nunits ? c->units[u + 1].cites : c->nucites;
            x->cites = (cck_off)n;
            for (size_t k = from; k < to; k++)
                if (map[c->ucites[k]] != SIZE_MAX)
                    c->ucites[n++] = (cck_off)map[c->ucites[k]];
        }
        c->nucites = n;
        c->ncites = m;
    }
    free(map);
}

/* A page without a heading of its own takes its title from the metadata,
 * without the site's name after " - ", " – " or " | ". */
static void untitled_from_meta(seg_ctx *c)
{
    const char *t = c->s->meta.title;
    if (!t || !c->narts || c->arts[0].title[0])
        return;
    size_t n = strlen(t);
    static const char *const seps[] = {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 "};
    for (size_t k = 0; k < sizeof seps / sizeof *seps; k++) {
        const char *p = strstr(t, seps[k]);
        if (p && (size_t)(p - t) < n)
            n = (size_t)(p - t);
    }
    c->arts[0].title = cck_arena_strndup(c->s->arena, t, n);
}

#define TO_ARENA(dst, n, src)                                                   \
    do {                                                                        \
        (dst) = cck_arena_alloc(c.s->arena, ((n) ? (n) : 1) * sizeof *(src));   \
        if (n)                                                                  \
            memcpy((dst), (src), (n) * sizeof *(src));                          \
    } while (0)

cck_status cck_src_segment(cck_source *s, cck_diags *d)
{
    seg_ctx c;
    memset(&c, 0, sizeof c);
    c.s = s;
    c.d = d;
    build_lines(&c);
    cck_src_cites_scan(&c);
    cck_src_tables_find(&c);
    walk_lines(&c);
    untitled_from_meta(&c);
    drop_entry_labels(&c);
    cck_src_cites_resolve(&c);

    TO_ARENA(s->articles, c.narts, c.arts);
    s->narticles = c.narts;
    TO_ARENA(s->sections, c.nsecs, c.secs);
    s->nsections = c.nsecs;
    TO_ARENA(s->units, c.nunits, c.units);
    s->nunits = c.nunits;
    if (c.ncells)
        TO_ARENA(s->cells, c.ncells, c.cells);
    s->ncells = c.ncells;
    if (c.nucites)
        TO_ARENA(s->unit_cites, c.nucites, c.ucites);
    s->nunit_cites = c.nucites;
    TO_ARENA(s->cites, c.ncites, c.cites);
    s->ncites = c.ncites;
    TO_ARENA(s->refs, c.nrefs, c.refs);
    s->nrefs = c.nrefs;
    free(c.lines);
    free(c.tables);
    free(c.units);
    free(c.cells);
    free(c.ucites);
    free(c.refs);
    free(c.cites);
    free(c.arts);
    free(c.secs);
    return CCK_OK;
}

size_t cck_src_unit_at(const cck_source *s, size_t off)
{
    size_t lo = 0, hi = s->nunits;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (s->units[mid].end <= off)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < s->nunits && s->units[lo].start <= off && off < s->units[lo].end)
        return lo;
    return (size_t)-1;
}

const char *cck_src_section_path(cck_source *s, const cck_unit *u)
{
    if (!u || u->section < 0 || (size_t)u->section >= s->nsections)
        return "";
    int chain[16];
    int n = 0;
    for (int k = u->section; k >= 0 && n < 16; k = s->sections[k].parent)
        chain[n++] = k;
    size_t len = 1, m;
    for (int k = 0; k < n; k++) {
        cck_section_title(s, (size_t)chain[k], &m);
        len += m + 3;
    }
    char *out = cck_arena_alloc(s->arena, len);
    char *w = out;
    for (int k = n; k-- > 0;) {
        const char *t = cck_section_title(s, (size_t)chain[k], &m);
        memcpy(w, t, m);
        w += m;
        if (k) {
            memcpy(w, " > ", 3);
            w += 3;
        }
    }
    *w = '\0';
    return out;
}
