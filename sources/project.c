/* project.c: what the markup readers share: the projected-text builder
 * with its segment map, entity references, UTF-8 encoding, the once-only
 * libxml2 set-up, and detecting a file's markup. */
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <pthread.h>
#include <string.h>
#include <strings.h>

#include "sources.h"

void cck_proj_emit(cck_proj *p, const char *bytes, size_t n, size_t raw, size_t raw_end)
{
    if (!n)
        return;
    if (p->n + n + 1 > p->cap) {
        size_t cap = p->cap ? p->cap : 4096;
        while (cap < p->n + n + 1)
            cap *= 2;
        p->b = cck_xrealloc(p->b, cap);
        p->cap = cap;
    }
    bool same = n == raw_end - raw;
    cck_piece *last = p->np ? &p->v[p->np - 1] : NULL;
    if (!(same && last && last->raw_end == raw && p->n - last->proj == last->raw_end - last->raw)) {
        if (p->np == p->pcap) {
            p->pcap = p->pcap ? 2 * p->pcap : 256;
            p->v = cck_xreallocarray(p->v, p->pcap, sizeof *p->v);
        }
        /* a projection over CCK_SOURCE_MAX bytes is refused before anything
         * maps through its pieces */
        p->v[p->np++] = (cck_piece){(cck_off)p->n, (cck_off)raw, (cck_off)raw_end};
    } else {
        last->raw_end = (cck_off)raw_end;
    }
    memcpy(p->b + p->n, bytes, n);
    p->n += n;
    p->b[p->n] = '\0';
}

void cck_proj_insert(cck_proj *p, const char *text, size_t at)
{
    cck_proj_emit(p, text, strlen(text), at, at);
}

size_t cck_proj_trailing_newlines(const cck_proj *p)
{
    size_t k = 0;
    while (k < p->n && p->b[p->n - 1 - k] == '\n')
        k++;
    return k;
}

void cck_proj_free(cck_proj *p)
{
    free(p->b);
    free(p->v);
    memset(p, 0, sizeof *p);
}

size_t cck_src_utf8_put(unsigned cp, char out[4])
{
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        cp = 0xFFFD;
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

size_t cck_src_entity(const char *p, size_t n, bool html, char out[4], size_t *outn)
{
    if (n < 3 || p[0] != '&')
        return 0;
    size_t i = 1;
    unsigned cp = 0;
    if (p[1] == '#') {
        bool hex = n > 2 && (p[2] == 'x' || p[2] == 'X');
        i = hex ? 3 : 2;
        size_t d0 = i;
        for (; i < n && i < d0 + 8; i++) {
            char ch = p[i];
            unsigned v;
            if (ch >= '0' && ch <= '9') v = (unsigned)(ch - '0');
            else if (hex && ch >= 'a' && ch <= 'f') v = (unsigned)(ch - 'a' + 10);
            else if (hex && ch >= 'A' && ch <= 'F') v = (unsigned)(ch - 'A' + 10);
            else break;
            cp = cp * (hex ? 16 : 10) + v;
        }
        if (i == d0 || i >= n || p[i] != ';')
            return 0;
        *outn = cck_src_utf8_put(cp, out);
        return i + 1;
    }
    char name[33];
    for (; i < n && i < 33; i++) {
        char ch = p[i];
        if (ch == ';')
            break;
        if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9')))
            return 0;
        name[i - 1] = ch;
    }
    if (i >= n || p[i] != ';' || i == 1)
        return 0;
    name[i - 1] = '\0';
    static const struct { const char *name; unsigned cp; } xml[] = {
        {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}};
    for (size_t k = 0; k < sizeof xml / sizeof *xml; k++)
        if (!strcmp(name, xml[k].name))
            cp = xml[k].cp;
    if (!cp && html) {
        const htmlEntityDesc *e = htmlEntityLookup((const xmlChar *)name);
        if (e)
            cp = e->value;
    }
    if (!cp)
        return 0;
    *outn = cck_src_utf8_put(cp, out);
    return i + 1;
}

/* ---- libxml2 ------------------------------------------------------------ */

static xmlParserInputPtr deny_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
    (void)url;
    (void)id;
    (void)ctxt;
    return NULL;
}

static void xml_setup(void)
{
    xmlInitParser();
    /* no external entity, DTD or included file is ever read */
    xmlSetExternalEntityLoader(deny_loader);
}

void cck_src_xml_init(void)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, xml_setup);
}

/* ---- detection ------------------------------------------------------------ */

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && !strcasecmp(s + n - k, suffix);
}

static bool starts_ci(const char *p, size_t n, const char *w)
{
    size_t k = strlen(w);
    return n >= k && !strncasecmp(p, w, k);
}

cck_markup cck_src_detect(const char *path, const char *bytes, size_t len)
{
    size_t i = 0;
    if (len >= 3 && !memcmp(bytes, "\xEF\xBB\xBF", 3))
        i = 3;
    while (i < len && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\r' || bytes[i] == '\n'))
        i++;
    const char *p = bytes + i;
    size_t n = len - i;
    bool looks_html = starts_ci(p, n, "<!doctype html") || starts_ci(p, n, "<html");
    bool looks_xml = starts_ci(p, n, "<?xml") || starts_ci(p, n, "<mediawiki");
    if (looks_xml) {
        /* XHTML is read as HTML */
        size_t k = n < 1024 ? n : 1024;
        for (size_t j = 0; j + 5 <= k; j++)
            if (p[j] == '<' &&
                (starts_ci(p + j, k - j, "<html") || starts_ci(p + j, k - j, "<!doctype html")))
                looks_html = true;
    }
    if (ends_with(path, ".html") || ends_with(path, ".htm") || ends_with(path, ".xhtml"))
        return CCK_MARKUP_HTML;
    if (ends_with(path, ".md") || ends_with(path, ".markdown") || ends_with(path, ".mdown"))
        return CCK_MARKUP_MARKDOWN;
    if (looks_html)
        return CCK_MARKUP_HTML;
    if (ends_with(path, ".xml") || looks_xml)
        return CCK_MARKUP_XML;
    if (ends_with(path, ".txt"))
        return CCK_MARKUP_TEXT;
    if (len >= 4 && !memcmp(bytes, "---", 3) && (bytes[3] == '\n' || bytes[3] == '\r'))
        return CCK_MARKUP_MARKDOWN;
    return CCK_MARKUP_TEXT;
}
