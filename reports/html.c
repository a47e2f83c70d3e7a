/* html.c: one self-contained HTML page for editors, built as a libxml2 tree
 * (every source string becomes a text node or an attribute, so libxml2
 * escapes it) with inline CSS and JavaScript and a Content-Security-Policy
 * that forbids any network request: a summary, a filter box, each conflict
 * with its provenance table (source and article title, line, section,
 * sentence with the figure marked, citations resolved to their reference
 * text, the favoured value and why), the consistent subjects, and a view
 * per source.
 *
 * The tree of a whole page was 13 times its size (5.2 GB for the 387 MB
 * page of the 100 MB bench corpus): the page's frame is a tree with an
 * empty element in place of each conflict's section and each source's
 * table (a slot); each slot's subtree is built, serialized and freed on
 * the report's threads, a window of them ahead of the writer, which puts
 * them in place of their elements in the frame's bytes. An empty element
 * of the same name in the same place is serialized with the same spacing
 * around it, and a subtree dumped on its own is serialized as it is inside
 * the page, so the bytes are those of the whole tree. */
#define _GNU_SOURCE /* memmem */
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/xmlIO.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "report_int.h"

static const char CSS[] =
    "body{font:15px/1.45 system-ui,sans-serif;margin:0 auto;max-width:72rem;padding:1rem 1.5rem;"
    "color:#1d1d1f;background:#fff}"
    "h1{font-size:1.6rem;margin:.2rem 0}h2{font-size:1.15rem;margin:1.6rem 0 .3rem}"
    "h3{font-size:1rem;margin:1.2rem 0 .3rem}"
    ".summary{color:#444}.note{color:#444;font-size:.9rem;margin:.2rem 0 .5rem}"
    "#filter{font:inherit;width:100%;max-width:32rem;padding:.35rem .5rem;margin:.6rem 0;"
    "border:1px solid #999;border-radius:4px}"
    "table{border-collapse:collapse;width:100%;font-size:.88rem;margin:.3rem 0}"
    "th,td{border:1px solid #d0d0d0;padding:.25rem .4rem;text-align:left;vertical-align:top}"
    "th{background:#f2f2f2}tr.favoured td{background:#eef8ee}"
    "mark{background:#ffe27a;padding:0 .1em;border-radius:2px}"
    ".conflict>h2::before{content:'CONFLICT ';color:#b00020;font-weight:700}"
    ".ref{display:block;color:#555;font-size:.8rem}.why{font-size:.9rem}"
    ".status-conflict{color:#b00020;font-weight:600}.hidden{display:none}"
    "nav a{margin-right:1rem}";

/* The filter: hides every element marked data-filter whose text does not
 * hold each word typed. No network, no eval. */
static const char JS[] =
    "(function(){var box=document.getElementById('filter');"
    "var items=document.querySelectorAll('[data-filter]');"
    "var count=document.getElementById('shown');"
    "function apply(){var words=box.value.toLowerCase().split(/\\s+/).filter(Boolean);"
    "var n=0;for(var i=0;i<items.length;i++){var t=items[i].textContent.toLowerCase();"
    "var ok=words.every(function(w){return t.indexOf(w)>=0;});"
    "items[i].classList.toggle('hidden',!ok);if(ok&&items[i].tagName==='SECTION')n++;}"
    "count.textContent=words.length?n+' conflict groups match':'';}"
    "box.addEventListener('input',apply);apply();})();";

/* libxml2 wants UTF-8 without controls: every string passes cck_rep_clean. */
static xmlNodePtr el(xmlNodePtr parent, const char *name, const char *text)
{
    xmlNodePtr n = xmlNewNode(NULL, BAD_CAST name);
    if (text) {
        char *t = cck_rep_clean(text, strlen(text), NULL, NULL);
        xmlAddChild(n, xmlNewText(BAD_CAST t));
        free(t);
    }
    if (parent)
        xmlAddChild(parent, n);
    return n;
}

static void text(xmlNodePtr parent, const char *s, size_t n)
{
    char *t = cck_rep_clean(s, n, NULL, NULL);
    xmlAddChild(parent, xmlNewText(BAD_CAST t));
    free(t);
}

static void attr(xmlNodePtr n, const char *name, const char *value)
{
    char *t = cck_rep_clean(value, strlen(value), NULL, NULL);
    xmlSetProp(n, BAD_CAST name, BAD_CAST t);
    free(t);
}

/* The sentence of a claim with the figure inside <mark>: cleaned as one
 * string so the spaces either side of the figure stay. */
static void sentence(xmlNodePtr td, const cck_claim *cl)
{
    const cck_source *s = cl->src;
    size_t cs, ce;
    cck_rep_claim_span(cl, &cs, &ce, NULL, NULL);
    size_t a = cs, b = ce;
    if (cl->unit_index < s->nunits) {
        a = s->units[cl->unit_index].start;
        b = s->units[cl->unit_index].end;
        if (b > s->len) b = s->len;
        if (a > cs) a = cs;
        if (b < ce) b = ce;
    }
    /* a table cell is shown after what labels it */
    char *lab = NULL;
    size_t nlab = 0;
    FILE *f = cck_rep_memstream(&lab, &nlab);
    if (cl->unit_index < s->nunits && s->units[cl->unit_index].zone == CCK_ZONE_TABLE) {
        const cck_table_cell *u = cck_unit_cell(s, &s->units[cl->unit_index]);
        const char *parts[] = {u->caption, u->row_header, u->col_header};
        bool any = false;
        for (size_t i = 0; i < 3; i++)
            if (parts[i] && *parts[i]) {
                fprintf(f, "%s%s", any ? " \xC2\xB7 " : "", parts[i]);
                any = true;
            }
        if (any)
            fputs(": ", f);
    }
    fwrite(s->bytes + a, 1, b - a, f);
    fclose(f);
    size_t ms = nlab - (b - a) + (cs - a), me = ms + (ce - cs);
    char *t = cck_rep_clean(lab, nlab, &ms, &me);
    free(lab);
    xmlAddChild(td, xmlNewTextLen(BAD_CAST t, (int)ms));
    xmlNodePtr m = el(td, "mark", NULL);
    xmlAddChild(m, xmlNewTextLen(BAD_CAST t + ms, (int)(me - ms)));
    xmlAddChild(td, xmlNewText(BAD_CAST t + me));
    free(t);
}

/* The title of the claim's section, or "" (free() it). */
static char *section_of(const cck_claim *cl)
{
    const cck_source *s = cl->src;
    int k = cl->unit_index < s->nunits ? s->units[cl->unit_index].section : -1;
    size_t n = 0;
    const char *t = k >= 0 && (size_t)k < s->nsections ? cck_section_title(s, (size_t)k, &n) : "";
    return cck_xstrndup(t, n);
}

static const char *article_title(const cck_claim *cl)
{
    const cck_source *s = cl->src;
    unsigned a = cl->unit_index < s->nunits ? s->units[cl->unit_index].article : 0;
    return a < s->narticles && s->articles[a].title ? s->articles[a].title : "";
}

/* Each marker of the claim's sentence, and the reference entry it names. */
static void citations(xmlNodePtr td, const cck_claim *cl)
{
    const cck_source *s = cl->src;
    const cck_unit *u = cl->unit_index < s->nunits ? &s->units[cl->unit_index] : NULL;
    bool any = false;
    for (size_t i = 0, nc = u ? cck_unit_ncites(s, u) : 0; i < nc; i++) {
        const cck_cite *c = cck_unit_cite(s, u, i);
        if (!c)
            continue;
        size_t n;
        const char *mk = cck_cite_marker(s, c, &n);
        char *m = cck_xstrndup(mk, n);
        xmlNodePtr sp = el(td, "span", m);
        free(m);
        attr(sp, "class", "marker");
        char *ref = c->ref >= 0 && (size_t)c->ref < s->nrefs ? cck_ref_text_dup(s, &s->refs[c->ref])
                                                              : NULL;
        xmlNodePtr r = el(td, "span", ref ? ref : c->placeholder ? "placeholder link, no reference"
                                                                 : "resolves to no reference entry");
        attr(r, "class", ref ? "ref" : "ref dangling");
        free(ref);
        any = true;
    }
    if (!any)
        el(td, "em", "uncited");
}

static void num_text(xmlNodePtr td, size_t v)
{
    char b[32];
    snprintf(b, sizeof b, "%zu", v);
    text(td, b, strlen(b));
}

static void provenance(xmlNodePtr parent, const cck_group *g)
{
    static const char *const heads[] = {"as written", "normalized", "source", "line", "section",
                                        "sentence", "citations", "favoured"};
    xmlNodePtr t = el(parent, "table", NULL);
    xmlNodePtr hr = el(el(t, "thead", NULL), "tr", NULL);
    for (size_t i = 0; i < sizeof heads / sizeof *heads; i++)
        el(hr, "th", heads[i]);
    xmlNodePtr body = el(t, "tbody", NULL);
    for (size_t i = 0; i < g->nclaims; i++) {
        const cck_claim *cl = g->claims[i];
        size_t cs, ce;
        unsigned line, col;
        cck_rep_claim_span(cl, &cs, &ce, &line, &col);
        xmlNodePtr tr = el(body, "tr", NULL);
        if (cl == g->favoured)
            attr(tr, "class", "favoured");
        xmlNodePtr td = el(tr, "td", NULL);
        text(td, cl->src->bytes + cs, ce - cs);
        char v[128];
        cck_rep_value(v, sizeof v, cl);
        el(tr, "td", v);
        td = el(tr, "td", NULL);
        xmlNodePtr a = el(td, "a", cck_rep_basename(cl->src->path));
        attr(a, "href", cl->src->path);
        attr(a, "title", cl->src->path);
        if (*article_title(cl)) {
            xmlNodePtr at = el(td, "span", article_title(cl));
            attr(at, "class", "ref");
        }
        td = el(tr, "td", NULL);
        num_text(td, line);
        char *sec = section_of(cl);
        el(tr, "td", sec);
        free(sec);
        sentence(el(tr, "td", NULL), cl);
        citations(el(tr, "td", NULL), cl);
        el(tr, "td", cl == g->favoured ? "favoured" : "");
    }
}

/* The part of the note that says why the favoured value is favoured. */
static const char *why(const cck_group *g)
{
    if (!g->note)
        return NULL;
    const char *p = strstr(g->note, "favoured ");
    return p ? p : g->note;
}

static int by_claim_addr(const void *a, const void *b)
{
    uintptr_t x = (uintptr_t)*(const cck_claim *const *)a, y = (uintptr_t)*(const cck_claim *const *)b;
    return x < y ? -1 : x > y;
}

/* claim -> group status, for the per-source view */
typedef struct {
    const cck_claim **claims;
    size_t *group;
    size_t n;
} claim_map;

static void map_init(claim_map *m, const cck_corpus *c)
{
    size_t total = 0;
    for (size_t i = 0; i < c->ngroups; i++)
        total += c->groups[i].nclaims;
    const cck_claim **v = cck_xcalloc(total ? total : 1, sizeof *v);
    size_t k = 0;
    for (size_t i = 0; i < c->ngroups; i++)
        for (size_t j = 0; j < c->groups[i].nclaims; j++)
            v[k++] = c->groups[i].claims[j];
    qsort(v, k, sizeof *v, by_claim_addr);
    m->claims = v;
    m->n = k;
    m->group = cck_xcalloc(k ? k : 1, sizeof *m->group);
    for (size_t i = 0; i < c->ngroups; i++)
        for (size_t j = 0; j < c->groups[i].nclaims; j++) {
            const cck_claim *cl = c->groups[i].claims[j];
            const cck_claim **hit = bsearch(&cl, v, k, sizeof *v, by_claim_addr);
            if (hit)
                m->group[hit - v] = i;
        }
}

static size_t map_find(const claim_map *m, const cck_claim *cl)
{
    const cck_claim **hit = bsearch(&cl, m->claims, m->n, sizeof *m->claims, by_claim_addr);
    return hit ? m->group[hit - m->claims] : SIZE_MAX;
}

static void map_free(claim_map *m)
{
    free(m->claims);
    free(m->group);
}

/* ---- slots --------------------------------------------------------------- */

/* What the slots of a page hold: slot k < nconf is the section of conflict
 * order[k], the others source k - nconf's table. */
typedef struct {
    const cck_corpus *c;
    bool groups;
    const size_t *order;
    size_t nconf;
    claim_map m;
} page;

static const char SLOT_ATTR[] = "data-cck-slot";

/* An empty element in place of slot k. */
static void slot(xmlNodePtr parent, const char *name, size_t k)
{
    char v[32];
    snprintf(v, sizeof v, "%zu", k);
    attr(el(parent, name, NULL), SLOT_ATTR, v);
}

static xmlNodePtr source_table(const page *pg, size_t i)
{
    const cck_corpus *c = pg->c;
    const cck_source *s = c->sources[i];
    xmlNodePtr t = el(NULL, "table", NULL);
    xmlNodePtr hr = el(el(t, "thead", NULL), "tr", NULL);
    static const char *const heads[] = {"line", "as written", "normalized", "subject", "status"};
    for (size_t k = 0; k < 5; k++)
        el(hr, "th", heads[k]);
    xmlNodePtr tb = el(t, "tbody", NULL);
    for (size_t j = 0; j < s->nclaims; j++) {
        const cck_claim *cl = &s->claims[j];
        size_t cs, ce;
        unsigned line, col;
        cck_rep_claim_span(cl, &cs, &ce, &line, &col);
        xmlNodePtr tr = el(tb, "tr", NULL);
        attr(tr, "data-filter", "");
        num_text(el(tr, "td", NULL), line);
        text(el(tr, "td", NULL), s->bytes + cs, ce - cs);
        char v[128];
        cck_rep_value(v, sizeof v, cl);
        el(tr, "td", v);
        char *subj = cck_rep_subject(cl->entity, cl->attribute, cl->as_of);
        el(tr, "td", subj);
        free(subj);
        size_t gi = pg->groups ? map_find(&pg->m, cl) : SIZE_MAX;
        const char *st = gi != SIZE_MAX ? cck_group_status_name(c->groups[gi].status) : "";
        xmlNodePtr td = el(tr, "td", st);
        if (gi != SIZE_MAX && c->groups[gi].status == CCK_GROUP_CONFLICT)
            attr(td, "class", "status-conflict");
    }
    return t;
}

static void per_source(xmlNodePtr body, const page *pg)
{
    const cck_corpus *c = pg->c;
    xmlNodePtr sec = el(body, "section", NULL);
    attr(sec, "id", "sources");
    el(sec, "h2", "Sources");
    for (size_t i = 0; i < c->nsources; i++) {
        const cck_source *s = c->sources[i];
        xmlNodePtr h = el(sec, "h3", s->path);
        char id[32];
        snprintf(id, sizeof id, "source-%zu", i + 1);
        attr(h, "id", id);
        if (s->narticles && s->articles[0].title && *s->articles[0].title) {
            xmlNodePtr p = el(sec, "p", s->articles[0].title);
            attr(p, "class", "note");
        }
        slot(sec, "table", pg->nconf + i);
    }
}

static xmlNodePtr conflict_section(const page *pg, size_t gi)
{
    const cck_group *g = &pg->c->groups[gi];
    xmlNodePtr gs = el(NULL, "section", NULL);
    attr(gs, "class", "group conflict");
    attr(gs, "data-filter", "");
    char id[32], fp[17];
    snprintf(id, sizeof id, "g%zu", gi + 1);
    attr(gs, "id", id);
    cck_rep_fingerprint(fp, g);
    attr(gs, "data-fingerprint", fp);
    char *subj = cck_rep_subject(g->entity, g->attribute, g->as_of);
    el(gs, "h2", subj);
    free(subj);
    if (g->note)
        attr(el(gs, "p", g->note), "class", "note");
    provenance(gs, g);
    if (g->favoured) {
        xmlNodePtr w = el(gs, "p", NULL);
        attr(w, "class", "why");
        el(w, "strong", "Favoured: ");
        size_t cs, ce;
        unsigned ln, col;
        cck_rep_claim_span(g->favoured, &cs, &ce, &ln, &col);
        text(w, g->favoured->src->bytes + cs, ce - cs);
        char loc[300];
        snprintf(loc, sizeof loc, " (%s:%u) \xE2\x80\x94 why: ",
                 cck_rep_basename(g->favoured->src->path), ln);
        text(w, loc, strlen(loc));
        const char *y = why(g);
        text(w, y ? y : "best supported", strlen(y ? y : "best supported"));
    }
    return gs;
}

static xmlNodePtr slot_node(const page *pg, size_t k)
{
    return k < pg->nconf ? conflict_section(pg, pg->order[k]) : source_table(pg, k - pg->nconf);
}

/* ---- writing the page ------------------------------------------------------ */

/* A slot's bytes go to the buffer *cur points at, through one output
 * buffer per thread (one per slot made and freed its own buffers for each
 * of 40,000 slots on 100 MB, each big enough to merge the heap's small
 * free chunks first). */
static int to_buf(void *ctx, const char *b, int n)
{
    if (n <= 0)
        return 0;   /* closing a thread's output that rendered no slot */
    cck_rep_buf *to = *(cck_rep_buf **)ctx;
    cck_rep_buf_reserve(to, (size_t)n);
    memcpy(to->buf + to->len, b, (size_t)n);
    to->len += (size_t)n;
    return n;
}

static xmlOutputBufferPtr slot_output(cck_rep_buf **cur, xmlCharEncodingHandlerPtr enc)
{
    xmlOutputBufferPtr ob = xmlOutputBufferCreateIO(to_buf, NULL, cur, enc);
    if (!ob) {
        fputs("claimcheck: out of memory (html slot)\n", stderr);
        abort();
    }
    return ob;
}

/* Slot k's subtree built, serialized through ob (and its encoder, the
 * frame's) into b, and freed. Runs on any thread: each subtree is its own,
 * and doc, the frame's, is only read (for the entity rules of an HTML
 * document). */
static void render_slot(const page *pg, htmlDocPtr doc, xmlOutputBufferPtr ob, cck_rep_buf **cur,
                        size_t k, cck_rep_buf *b)
{
    *cur = b;
    xmlNodePtr n = slot_node(pg, k);
    htmlNodeDumpFormatOutput(ob, doc, n, NULL, 1);
    xmlFreeNode(n);
    xmlOutputBufferFlush(ob);
}

/* The page being written: the frame's bytes mem[at, end) not yet out, the
 * slots put in place of their elements (cck_rep_in_order()). The slots
 * come in the frame in their order, slot k as the empty element
 * <name data-cck-slot="k"></name>: that text cannot come from anywhere
 * else, for the serializer writes a text's '<' as "&lt;" and the frame's
 * attribute values are all ours (the sources' paths and words are text
 * there). */
typedef struct {
    const page *pg;
    htmlDocPtr doc;
    xmlCharEncodingHandlerPtr enc;
    FILE *out;
    const char *at, *end;
    bool lost;          /* a slot's element was not found (cannot be) */
} writing;

/* A thread's output buffer for its slots, into the buffer cur points at. */
typedef struct {
    cck_rep_buf *cur;
    xmlOutputBufferPtr ob;
} slot_stream;

static void *slots_start(void *ctx)
{
    const writing *w = ctx;
    slot_stream *ss = cck_xcalloc(1, sizeof *ss);
    ss->ob = slot_output(&ss->cur, w->enc);
    return ss;
}

static void slots_render(void *ctx, void *ts, size_t k, cck_rep_buf *b)
{
    const writing *w = ctx;
    slot_stream *ss = ts;
    render_slot(w->pg, w->doc, ss->ob, &ss->cur, k, b);
}

/* The frame up to slot k's element, then the slot's bytes. */
static void slots_write(void *ctx, size_t k, const cck_rep_buf *b)
{
    writing *w = ctx;
    if (w->lost)
        return;
    const char *name = k < w->pg->nconf ? "section" : "table";
    char want[96];
    int wn = snprintf(want, sizeof want, "<%s %s=\"%zu\"></%s>", name, SLOT_ATTR, k, name);
    const char *at = memmem(w->at, (size_t)(w->end - w->at), want, (size_t)wn);
    if (!at) {
        w->lost = true;
        return;
    }
    fwrite(w->at, 1, (size_t)(at - w->at), w->out);
    fwrite(b->buf, 1, b->len, w->out);
    w->at = at + wn;
}

static void slots_end(void *ts)
{
    slot_stream *ss = ts;
    xmlOutputBufferClose(ss->ob);
    free(ss);
}

static const cck_rep_order_fns SLOTS = {slots_start, slots_render, slots_write, slots_end};

enum { SLOTS_PER_THREAD = 16 };

/* Writes the frame's serialization mem[0, size) with each slot's element
 * replaced by the slot's subtree, rendered on up to jobs threads, a window
 * of SLOTS_PER_THREAD a thread ahead of the one written next. The slots go
 * through the encoder htmlDocDumpMemoryFormat() picks for a page with no
 * encoding declared (HTML entities, else ASCII), as the frame did, so the
 * bytes of both are written as they are. */
static cck_status write_page(FILE *out, htmlDocPtr doc, const page *pg, const char *mem,
                             size_t size, unsigned jobs)
{
    xmlCharEncodingHandlerPtr enc = xmlFindCharEncodingHandler("HTML");
    if (!enc)
        enc = xmlFindCharEncodingHandler("ascii");
    writing w = {.pg = pg, .doc = doc, .enc = enc, .out = out, .at = mem, .end = mem + size};
    cck_rep_in_order(jobs, pg->nconf + pg->c->nsources, SLOTS_PER_THREAD, &SLOTS, &w);
    fwrite(w.at, 1, (size_t)(w.end - w.at), out);
    return w.lost ? CCK_ERR_IO : CCK_OK;
}

cck_status cck_rep_html(FILE *out, const cck_corpus *c, bool groups, unsigned jobs)
{
    htmlDocPtr doc = htmlNewDocNoDtD(NULL, NULL);
    if (!doc)
        return CCK_ERR_IO;
    size_t *order = NULL;
    page pg = {.c = c, .groups = groups};
    if (groups)
        map_init(&pg.m, c);
    xmlCreateIntSubset(doc, BAD_CAST "html", NULL, NULL);
    xmlNodePtr html = xmlNewNode(NULL, BAD_CAST "html");
    xmlDocSetRootElement(doc, html);
    attr(html, "lang", "en");
    xmlNodePtr head = el(html, "head", NULL);
    xmlNodePtr meta = el(head, "meta", NULL);
    attr(meta, "charset", "utf-8");
    meta = el(head, "meta", NULL);
    attr(meta, "http-equiv", "Content-Security-Policy");
    attr(meta, "content", "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'");
    meta = el(head, "meta", NULL);
    attr(meta, "name", "viewport");
    attr(meta, "content", "width=device-width, initial-scale=1");
    el(head, "title", groups ? "claimcheck report" : "claimcheck claims");
    el(head, "style", CSS);
    xmlNodePtr body = el(html, "body", NULL);
    el(body, "h1", groups ? "claimcheck report" : "claimcheck claims");
    char *sum = cck_rep_summary(c);
    size_t ndang = cck_rep_count_dangling(c), nunc = groups ? cck_rep_count_uncited(c) : 0;
    char line[256];
    snprintf(line, sizeof line, "%s; %zu dangling citation%s; %zu uncited disputed figure%s", sum,
             ndang, ndang == 1 ? "" : "s", nunc, nunc == 1 ? "" : "s");
    free(sum);
    xmlNodePtr p = el(body, "p", line);
    attr(p, "class", "summary");
    attr(p, "id", "summary");
    xmlNodePtr nav = el(body, "nav", NULL);
    attr(el(nav, "a", "Conflicts"), "href", "#conflicts");
    attr(el(nav, "a", "Consistent subjects"), "href", "#consistent");
    attr(el(nav, "a", "Dangling citations"), "href", "#citations");
    attr(el(nav, "a", "Sources"), "href", "#sources");
    xmlNodePtr box = el(body, "input", NULL);
    attr(box, "id", "filter");
    attr(box, "type", "search");
    attr(box, "placeholder", "Filter: words from a subject, source, value or sentence");
    attr(box, "aria-label", "Filter");
    attr(el(body, "p", ""), "id", "shown");

    if (groups) {
        xmlNodePtr sec = el(body, "section", NULL);
        attr(sec, "id", "conflicts");
        el(sec, "h2", "Conflicts");
        pg.nconf = cck_rep_conflict_order(c, &order);
        pg.order = order;
        if (!pg.nconf)
            el(sec, "p", "No conflicts found.");
        for (size_t k = 0; k < pg.nconf; k++)
            slot(sec, "section", k);
        sec = el(body, "section", NULL);
        attr(sec, "id", "consistent");
        el(sec, "h2", "Consistent subjects");
        xmlNodePtr ul = el(sec, "ul", NULL);
        for (size_t i = 0; i < c->ngroups; i++) {
            if (c->groups[i].status != CCK_GROUP_CONSISTENT)
                continue;
            char *b = cck_rep_brief(&c->groups[i]);
            attr(el(ul, "li", b), "data-filter", "");
            free(b);
        }
    }
    /* citation markers that resolve nowhere, wherever they stand */
    xmlNodePtr cs = el(body, "section", NULL);
    attr(cs, "id", "citations");
    el(cs, "h2", "Dangling citations");
    cck_finding *fv;
    size_t nf = cck_rep_findings_of(c, CCK_FIND_BIT(CCK_FIND_DANGLING), 1, &fv);
    xmlNodePtr ul = el(cs, "ul", NULL);
    for (size_t i = 0; i < nf; i++) {
        char loc[64];
        snprintf(loc, sizeof loc, ":%u:%u ", fv[i].line, fv[i].col);
        xmlNodePtr li = el(ul, "li", NULL);
        attr(li, "data-filter", "");
        text(li, fv[i].src->path, strlen(fv[i].src->path));
        text(li, loc, strlen(loc));
        xmlAddChild(li, xmlNewText(BAD_CAST " "));
        text(li, fv[i].msg, strlen(fv[i].msg));
    }
    cck_rep_findings_free(fv, nf);
    if (!nf)
        el(cs, "p", "Every citation marker resolves to a reference entry.");
    per_source(body, &pg);
    xmlNodePtr script = xmlNewNode(NULL, BAD_CAST "script");
    xmlAddChild(script, xmlNewText(BAD_CAST JS));
    xmlAddChild(body, script);

    xmlChar *mem = NULL;
    int size = 0;
    htmlDocDumpMemoryFormat(doc, &mem, &size, 1);
    cck_status st = CCK_ERR_IO;
    if (mem) {
        st = write_page(out, doc, &pg, (const char *)mem, (size_t)size, jobs);
        xmlFree(mem);
    }
    xmlFreeDoc(doc);
    free(order);
    if (groups)
        map_free(&pg.m);
    return st;
}
