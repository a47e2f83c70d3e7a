/* test_readers.c: the markup readers: detection, HTML (tables, script and
 * boilerplate skipped, sup markers, reference lists, charsets, malformed
 * pages, a 50 MB page), Markdown (front matter, code blocks), XML
 * (external entities and entity bombs never expanded, MediaWiki pages),
 * and that every reported offset points into the file as it is on disk. */
#define _DEFAULT_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <jansson.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <valgrind/valgrind.h>

#include "cites.h"
#include "extract.h"
#include "fuzz/fuzz_one.h"
#include "reconcile.h"
#include "sources.h"
#include "tests.h"

#define FIX "tests/fixtures/readers/"

static cck_source *load(const char *path, cck_diags *d)
{
    cck_diags_init(d);
    cck_source *s = NULL;
    CU_ASSERT_EQUAL_FATAL(cck_source_load(path, 0, &s, d), CCK_OK);
    CU_ASSERT_PTR_NOT_NULL_FATAL(s);
    cck_src_segment(s, d);
    return s;
}

static bool projected_has(const cck_source *s, const char *w)
{
    return strstr(s->bytes, w) != NULL;
}

/* The unit whose projected text is exactly w, or NULL. */
static const cck_unit *unit_text(const cck_source *s, const char *w)
{
    for (size_t i = 0; i < s->nunits; i++) {
        const cck_unit *u = &s->units[i];
        if (u->end - u->start == strlen(w) && !memcmp(s->bytes + u->start, w, strlen(w)))
            return u;
    }
    return NULL;
}

/* The file bytes that projected [a, b) came from equal want. */
static bool file_bytes_are(const cck_source *s, size_t a, size_t b, const char *want)
{
    size_t fs, fe;
    cck_source_file_span(s, a, b, &fs, &fe);
    return fe - fs == strlen(want) && !memcmp(s->raw + fs, want, fe - fs);
}

/* Cite k of s is written want. */
static bool cite_is(const cck_source *s, size_t k, const char *want)
{
    if (k >= s->ncites)
        return false;
    size_t n;
    const char *m = cck_cite_marker(s, &s->cites[k], &n);
    return n == strlen(want) && !memcmp(m, want, n);
}

static size_t find(const cck_source *s, const char *w)
{
    const char *p = strstr(s->bytes, w);
    CU_ASSERT_PTR_NOT_NULL_FATAL(p);
    return (size_t)(p - s->bytes);
}

static void extract(cck_source *s, cck_diags *d)
{
    CU_ASSERT_EQUAL_FATAL(cck_ext_init(d), CCK_OK);
    cck_matcher *m = cck_matcher_new();
    cck_ext_source(s, m, d);
    cck_matcher_free(m);
    cck_ext_cleanup();
}

static const cck_claim *claim_span(const cck_source *s, const char *span)
{
    for (size_t k = 0; k < s->nclaims; k++) {
        const cck_claim *cl = &s->claims[k];
        if (cl->end - cl->start == strlen(span) && !memcmp(s->bytes + cl->start, span, strlen(span)))
            return cl;
    }
    return NULL;
}

/* ---- detection ------------------------------------------------------------ */

static void test_detect_by_extension_and_content(void)
{
    static const struct { const char *path, *bytes; cck_markup want; } cases[] = {
        {"a.html", "plain words", CCK_MARKUP_HTML},
        {"a.HTM", "", CCK_MARKUP_HTML},
        {"a.md", "# T", CCK_MARKUP_MARKDOWN},
        {"a.xml", "<r/>", CCK_MARKUP_XML},
        {"a.txt", "The population is 5.", CCK_MARKUP_TEXT},
        {"a.txt", "\xEF\xBB\xBF  <!DOCTYPE html><p>x", CCK_MARKUP_HTML},
        {"a.txt", "<?xml version=\"1.0\"?><mediawiki/>", CCK_MARKUP_XML},
        {"a.txt", "<?xml version=\"1.0\"?>\n<html><body/></html>", CCK_MARKUP_HTML},
        {"noext", "---\ntitle: x\n---\nText", CCK_MARKUP_MARKDOWN},
        {"noext", "<mediawiki>", CCK_MARKUP_XML},
        {"noext", "Just text < and > signs", CCK_MARKUP_TEXT},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        CU_ASSERT_EQUAL(cck_src_detect(cases[i].path, cases[i].bytes, strlen(cases[i].bytes)),
                        cases[i].want);
}

/* An XML prolog before "<html" (or "<!DOCTYPE html") anywhere in the
 * first 1024 bytes makes XHTML; further on, or without its "<", XML. */
static void test_detect_xhtml_at_every_offset(void)
{
    static const char *const marks[] = {"<html>", "<!DOCTYPE html>", "<HTML>"};
    char buf[1200];
    for (size_t m = 0; m < sizeof marks / sizeof *marks; m++)
        for (size_t pad = 0; pad < 1030; pad += (pad < 40 || pad > 990) ? 1 : 37) {
            size_t n = (size_t)snprintf(buf, sizeof buf, "<?xml version=\"1.0\"?>");
            memset(buf + n, 'x', pad);
            size_t at = n + pad;
            n = at + (size_t)snprintf(buf + at, sizeof buf - at, "%s<body/>", marks[m]);
            /* the whole mark ("<html" or "<!doctype html") in the first 1024 bytes */
            size_t mark_len = m == 1 ? 14 : 5;
            bool in = at + mark_len <= 1024;
            CU_ASSERT_EQUAL(cck_src_detect("noext", buf, n), in ? CCK_MARKUP_HTML : CCK_MARKUP_XML);
            buf[at] = ' '; /* no "<": no mark */
            CU_ASSERT_EQUAL(cck_src_detect("noext", buf, n), CCK_MARKUP_XML);
        }
}

/* Tag names are matched in any case. */
static void test_html_tags_in_any_case(void)
{
    cck_diags d;
    cck_diags_init(&d);
    static const char lower[] = "<html><head><title>T</title></head><body><p>A 5 km walk.</p>"
                                "<script>var x = 7;</script><nav>12 links</nav><div>B 9 m.</div></body></html>";
    static const char upper[] = "<HTML><HEAD><TITLE>T</TITLE></HEAD><BODY><P>A 5 km walk.</P>"
                                "<SCRIPT>var x = 7;</SCRIPT><Nav>12 links</Nav><DiV>B 9 m.</DiV></BODY></HTML>";
    cck_source *a = cck_source_parse("a.html", lower, sizeof lower - 1, &d);
    cck_source *b = cck_source_parse("b.html", upper, sizeof upper - 1, &d);
    CU_ASSERT_EQUAL(a->len, b->len);
    CU_ASSERT(a->len == b->len && !memcmp(a->bytes, b->bytes, a->len));
    /* the projections are NUL-terminated (a zeroed tail) */
    CU_ASSERT_PTR_NOT_NULL(strstr(a->bytes, "5 km"));
    CU_ASSERT_PTR_NOT_NULL(strstr(b->bytes, "9 m"));
    CU_ASSERT_PTR_NULL(strstr(b->bytes, "var x"));
    CU_ASSERT_PTR_NULL(strstr(b->bytes, "12 links"));
    cck_source_free(a);
    cck_source_free(b);
    cck_diags_free(&d);
}

static void test_plain_text_is_unchanged(void)
{
    cck_diags d;
    cck_diags_init(&d);
    static const char text[] = "A town of 5,000.\nSecond line &amp; <b>not markup</b>.\n";
    cck_source *s = cck_source_parse("t.txt", text, sizeof text - 1, &d);
    CU_ASSERT_EQUAL(s->markup, CCK_MARKUP_TEXT);
    CU_ASSERT_PTR_EQUAL(s->raw, s->bytes);
    CU_ASSERT_EQUAL(s->len, sizeof text - 1);
    size_t fs, fe;
    cck_source_file_span(s, 10, 15, &fs, &fe);
    CU_ASSERT_EQUAL(fs, 10);
    CU_ASSERT_EQUAL(fe, 15);
    CU_ASSERT_EQUAL(d.n, 0);
    cck_source_free(s);
    cck_diags_free(&d);
}

static void test_segment_map_byte_for_byte_atomic_and_inserted(void)
{
    /* file: "ab&amp;cd<br>ef"; projection: "ab&cd\nef" */
    static const char file[] = "ab&amp;cd<br>ef";
    cck_source *s = cck_source_from_memory("m.html", file, sizeof file - 1);
    cck_proj p = {0};
    cck_proj_emit(&p, "ab", 2, 0, 2);
    cck_proj_emit(&p, "&", 1, 2, 7);
    cck_proj_emit(&p, "cd", 2, 7, 9);
    cck_proj_insert(&p, "\n", 9);
    cck_proj_emit(&p, "ef", 2, 13, 15);
    CU_ASSERT_EQUAL(p.np, 5);
    cck_proj_emit(&p, "gh", 2, 15, 17);   /* contiguous: merges */
    CU_ASSERT_EQUAL(p.np, 5);
    p.n -= 2;                             /* drop it again for the checks */
    p.v[4].raw_end = 15;
    cck_src_set_projection(s, &p);
    CU_ASSERT_STRING_EQUAL(s->bytes, "ab&cd\nef");
    CU_ASSERT_EQUAL(s->nlines, 2);
    static const struct { size_t a, b, fs, fe; } cases[] = {
        {0, 2, 0, 2},     /* byte for byte */
        {1, 2, 1, 2},
        {2, 3, 2, 7},     /* the entity as a whole */
        {1, 4, 1, 8},
        {3, 5, 7, 9},
        {4, 7, 8, 14},    /* across the inserted break */
        {6, 8, 13, 15},
        {5, 6, 9, 9},     /* the break itself stands nowhere */
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        size_t fs, fe;
        cck_source_file_span(s, cases[i].a, cases[i].b, &fs, &fe);
        CU_ASSERT_EQUAL(fs, cases[i].fs);
        CU_ASSERT_EQUAL(fe, cases[i].fe);
    }
    unsigned line, col;
    cck_source_linecol(s, 6, &line, &col);  /* "ef" is on the file's line 1 */
    CU_ASSERT_EQUAL(line, 1);
    CU_ASSERT_EQUAL(col, 14);
    cck_source_free(s);
}

/* ---- HTML ---------------------------------------------------------------- */

static void test_html_projection_skips_script_style_and_boilerplate(void)
{
    cck_diags d;
    cck_source *s = load(FIX "page.html", &d);
    CU_ASSERT_EQUAL(s->markup, CCK_MARKUP_HTML);
    CU_ASSERT(projected_has(s, "About 768,551 people lived there at the 2008 census.[1]"));
    /* script and style text, nav, the navbox and the footer are gone */
    CU_ASSERT(!projected_has(s, "123456"));
    CU_ASSERT(!projected_has(s, "1066"));
    CU_ASSERT(!projected_has(s, "900px"));
    CU_ASSERT(!projected_has(s, "4,000,000"));
    CU_ASSERT(!projected_has(s, "667,929"));
    CU_ASSERT(!projected_has(s, "12 million"));
    CU_ASSERT(!projected_has(s, "<p>"));
    /* block elements end sentences: headings are lines of their own */
    CU_ASSERT(projected_has(s, "\n## Climate\n"));
    CU_ASSERT_EQUAL(s->narticles, 1);
    CU_ASSERT_STRING_EQUAL(s->articles[0].title, "Hamhung");
    CU_ASSERT_EQUAL(d.n, 0);   /* HTML5 tags are no error */
    cck_source_free(s);
    cck_diags_free(&d);
}

static void test_html_script_figure_is_no_claim_table_figure_is(void)
{
    cck_diags d;
    cck_source *s = load(FIX "page.html", &d);
    extract(s, &d);
    CU_ASSERT_PTR_NULL(claim_span(s, "123456"));
    const cck_claim *jul = claim_span(s, "23.9");
    CU_ASSERT_PTR_NOT_NULL_FATAL(jul);
    CU_ASSERT_EQUAL(jul->zone, CCK_ZONE_TABLE);
    const cck_table_cell *u = cck_unit_cell(s, &s->units[jul->unit_index]);
    CU_ASSERT_PTR_NOT_NULL_FATAL(u->row_header);
    CU_ASSERT_STRING_EQUAL(u->row_header, "Mean (°C)");
    CU_ASSERT_PTR_NOT_NULL_FATAL(u->col_header);
    CU_ASSERT_STRING_EQUAL(u->col_header, "Jul");
    /* an entity in the cell: the claim's file span is the entity as written */
    const cck_claim *jan = claim_span(s, "\xE2\x88\x92" "5.1");
    CU_ASSERT_PTR_NOT_NULL_FATAL(jan);
    CU_ASSERT(file_bytes_are(s, jan->start, jan->end, "&minus;5.1"));
    const cck_claim *pop = claim_span(s, "About 768,551");
    CU_ASSERT_PTR_NOT_NULL_FATAL(pop);
    CU_ASSERT(file_bytes_are(s, pop->start, pop->end, "About 768,551"));
    unsigned line, col;
    cck_source_linecol(s, pop->start, &line, &col);
    CU_ASSERT_EQUAL(line, 16);
    CU_ASSERT_EQUAL(col, 56);
    cck_source_free(s);
    cck_diags_free(&d);
}

static void test_html_sup_markers_resolve_to_the_reference_list(void)
{
    cck_diags d;
    cck_source *s = load(FIX "page.html", &d);
    CU_ASSERT_EQUAL_FATAL(s->nrefs, 3);
    CU_ASSERT_STRING_EQUAL(s->refs[0].label, "1");
    CU_ASSERT(cck_test_ref_has(s, 0, "2008 Census"));
    CU_ASSERT_EQUAL(s->refs[0].uses, 1);
    CU_ASSERT_EQUAL(s->refs[1].uses, 1);   /* <sup><a href="#fn2">2</a></sup> */
    CU_ASSERT_EQUAL(s->refs[2].uses, 0);   /* never cited */
    CU_ASSERT_EQUAL_FATAL(s->ncites, 4);
    CU_ASSERT(cite_is(s, 0, "[1]"));
    CU_ASSERT_EQUAL(s->cites[0].ref, 0);
    CU_ASSERT(file_bytes_are(s, s->cites[0].start, s->cites[0].end,
                             "<sup class=\"reference\"><a href=\"#cite_note-1\">[1]</a></sup>"));
    CU_ASSERT(cite_is(s, 1, "[2]"));
    CU_ASSERT_EQUAL(s->cites[1].ref, 1);
    CU_ASSERT(s->cites[2].placeholder);
    CU_ASSERT(file_bytes_are(s, s->cites[2].start, s->cites[2].end,
                             "<a href=\"#\">Grand Theatre</a>"));
    CU_ASSERT(cite_is(s, 3, "[9]"));
    CU_ASSERT_EQUAL(s->cites[3].ref, -1);
    /* the sentence keeps its marker */
    const cck_unit *u = unit_text(s, "About 768,551 people lived there at the 2008 census.[1]");
    CU_ASSERT_PTR_NOT_NULL_FATAL(u);
    CU_ASSERT_EQUAL(cck_unit_ncites(s, u), 1);
    cck_source_free(s);
    cck_diags_free(&d);
}

/* The shapes of a Wikipedia page: an infobox of label/value rows under a
 * title cell, "&#91;1&#93;" markers, "[citation needed]", edit links, a
 * reference list with "^ a b" back-links, navboxes. */
static void test_html_wikipedia_shapes(void)
{
    cck_diags d;
    cck_source *s = load(FIX "wikipedia.html", &d);
    const cck_unit *pop = unit_text(s, "768,551");
    CU_ASSERT_PTR_NOT_NULL_FATAL(pop);
    CU_ASSERT_EQUAL(pop->zone, CCK_ZONE_TABLE);
    CU_ASSERT_STRING_EQUAL(cck_unit_cell(s, pop)->row_header, "Population");
    CU_ASSERT_PTR_NOT_NULL_FATAL(cck_unit_cell(s, pop)->caption);
    CU_ASSERT_STRING_EQUAL(cck_unit_cell(s, pop)->caption, "Hamhung");
    CU_ASSERT(!projected_has(s, "citation needed"));
    CU_ASSERT(!projected_has(s, "edit"));
    CU_ASSERT(!projected_has(s, "Cities of North Korea"));
    CU_ASSERT(!projected_has(s, "Main page"));
    CU_ASSERT(!projected_has(s, "font-size"));
    CU_ASSERT_EQUAL_FATAL(s->ncites, 3);
    for (size_t i = 0; i < 3; i++)
        CU_ASSERT_EQUAL(s->cites[i].ref, i == 0 ? 0 : 1);
    CU_ASSERT(file_bytes_are(s, s->cites[0].start, s->cites[0].end,
                             "<sup id=\"cite_ref-1\" class=\"reference\"><a href=\"#cite_note-1\">"
                             "&#91;1&#93;</a></sup>"));
    CU_ASSERT_EQUAL_FATAL(s->nrefs, 2);
    CU_ASSERT(cck_test_ref_is(s, 1, "2008 Census report, 2009."));
    CU_ASSERT_EQUAL(s->refs[1].uses, 2);
    CU_ASSERT(cck_test_section_is(s, 0, "History"));
    cck_source_free(s);
    cck_diags_free(&d);
}

static void test_html_metadata(void)
{
    cck_diags d;
    cck_source *s = load(FIX "page.html", &d);
    CU_ASSERT_PTR_NOT_NULL_FATAL(s->meta.title);
    CU_ASSERT_STRING_EQUAL(s->meta.title, "Hamhung \xE2\x80\x93 City Guide");
    CU_ASSERT_PTR_NOT_NULL_FATAL(s->meta.url);
    CU_ASSERT_STRING_EQUAL(s->meta.url, "https://guide.example.org/cities/hamhung");
    CU_ASSERT_PTR_NOT_NULL_FATAL(s->meta.date);
    CU_ASSERT_STRING_EQUAL(s->meta.date, "2024-05-02");
    CU_ASSERT_PTR_NOT_NULL_FATAL(s->meta.publisher);
    CU_ASSERT_STRING_EQUAL(s->meta.publisher, "Example City Guide");
    CU_ASSERT_PTR_NOT_NULL_FATAL(s->meta.author);
    CU_ASSERT_STRING_EQUAL(s->meta.author, "J. Writer");
    cck_source_free(s);
    cck_diags_free(&d);
}

static void test_html_windows_1252_with_charset_meta(void)
{
    cck_diags d;
    cck_source *s = load(FIX "cp1252.html", &d);
    CU_ASSERT_EQUAL(d.n, 0);   /* no invalid-UTF-8 warning: the page says its charset */
    CU_ASSERT(projected_has(s, "The caf\xC3\xA9 \xE2\x80\x9CHamh\xC3\xBCng\xE2\x80\x9D seats 120"));
    CU_ASSERT(projected_has(s, "\xE2\x80\x93" "7.5 \xC2\xB0" "C"));
    CU_ASSERT_PTR_NOT_NULL_FATAL(s->meta.title);
    CU_ASSERT_STRING_EQUAL(s->meta.title, "Caf\xC3\xA9 guide");
    /* offsets still count the file's single bytes */
    size_t at = find(s, "120");
    CU_ASSERT(file_bytes_are(s, at, at + 3, "120"));
    size_t deg = find(s, "7.5 \xC2\xB0" "C");
    CU_ASSERT(file_bytes_are(s, deg, deg + 7, "7.5 \xB0" "C"));
    const char *raw120 = strstr(s->raw, "120");
    size_t fs, fe;
    cck_source_file_span(s, at, at + 3, &fs, &fe);
    CU_ASSERT_EQUAL(fs, (size_t)(raw120 - s->raw));
    cck_source_free(s);
    cck_diags_free(&d);
}

static void test_html_malformed_is_recovered_with_a_note(void)
{
    static const char page[] =
        "<html><body><div><p>The port lies 12 km <b>east<i> of</b> the centre.\n"
        "<table><tr><td>Year<td>People<tr><td>1950<td>168,827</table>\n"
        "<p>A lone < sign and &bogus; entity, 3 wards.</span></div></div></div>\n"
        "<p>Unclosed <a href=\"x\">link and <!-- an unclosed comment";
    cck_diags d;
    cck_diags_init(&d);
    cck_source *s = cck_source_parse("bad.html", page, sizeof page - 1, &d);
    cck_src_segment(s, &d);
    CU_ASSERT(projected_has(s, "The port lies 12 km east of the centre."));
    CU_ASSERT(projected_has(s, "| 1950 | 168,827 |"));
    CU_ASSERT(projected_has(s, "A lone < sign and &bogus; entity, 3 wards."));
    CU_ASSERT(!projected_has(s, "unclosed comment"));
    const cck_unit *cell = unit_text(s, "168,827");
    CU_ASSERT_PTR_NOT_NULL_FATAL(cell);
    CU_ASSERT_STRING_EQUAL(cck_unit_cell(s, cell)->col_header, "People");
    bool noted = false;
    for (size_t i = 0; i < d.n; i++)
        if (strstr(d.v[i].msg, "malformed HTML") && d.v[i].sev == CCK_SEV_NOTE &&
            !strcmp(d.v[i].file, "bad.html") && d.v[i].line > 0)
            noted = true;
    CU_ASSERT(noted);
    CU_ASSERT_EQUAL(cck_diags_count(&d, CCK_SEV_ERROR), 0);
    cck_source_free(s);
    cck_diags_free(&d);
}

static void test_html_list_items_keep_their_numbers(void)
{
    static const char page[] = "<ol><li><p>First item, 3 rooms.</p></li><li><div><p>Second, "
                               "4 rooms.</p></div></li></ol><h2><span>Next</span></h2><ul><li>"
                               "Loose</li></ul>";
    cck_diags d;
    cck_diags_init(&d);
    cck_source *s = cck_source_parse("l.html", page, sizeof page - 1, &d);
    CU_ASSERT(projected_has(s, "1. First item, 3 rooms.\n\n2. Second, 4 rooms.\n\n## Next\n\n- Loose"));
    cck_source_free(s);
    cck_diags_free(&d);
}

static void test_html_invalid_utf8_is_a_warning(void)
{
    static const char page[] = "<html><body><p>Bad \xFF\xFE bytes, then 42 rooms.</p></body></html>";
    cck_diags d;
    cck_diags_init(&d);
    cck_source *s = cck_source_parse("u.html", page, sizeof page - 1, &d);
    cck_src_segment(s, &d);
    CU_ASSERT_EQUAL_FATAL(d.n, 1);
    CU_ASSERT(strstr(d.v[0].msg, "invalid UTF-8") != NULL);
    CU_ASSERT_EQUAL(d.v[0].line, 1);
    CU_ASSERT_EQUAL(d.v[0].col, 20);
    CU_ASSERT(projected_has(s, "then 42 rooms."));
    cck_source_free(s);
    cck_diags_free(&d);
}

/* A page of about 50 MB (2 MB under valgrind) is read with memory that
 * grows with the page, not with its markup's depth or a tree of it. */
static void test_html_50mb_page_in_bounded_memory(void)
{
    char dir[] = "/tmp/cck-big-XXXXXX";
    CU_ASSERT_PTR_NOT_NULL_FATAL(mkdtemp(dir));
    char path[64];
    snprintf(path, sizeof path, "%s/big.html", dir);
    FILE *f = fopen(path, "w");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    size_t target = RUNNING_ON_VALGRIND ? 2u << 20 : 50u << 20, n = 0, blocks = 0;
    n += (size_t)fprintf(f, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Big</title>"
                            "</head><body><h1>Big page</h1>\n");
    while (n < target) {
        n += (size_t)fprintf(
            f,
            "<div><h2>District %zu</h2><nav><a href=\"/d%zu\">next</a></nav>\n"
            "<p>District %zu had about %zu residents in %zu.<sup class=\"reference\">"
            "<a href=\"#cite_note-1\">[1]</a></sup> Its river runs 12.5&nbsp;km.</p>\n"
            "<script>var x = %zu;</script>\n"
            "<table><tr><th>Year</th><th>People</th></tr><tr><td>2001</td><td>%zu</td></tr>"
            "</table></div>\n",
            blocks, blocks, blocks, 1000 + blocks, 2000 + blocks % 20, blocks, 5000 + blocks);
        blocks++;
    }
    fprintf(f, "<h2>References</h2><ol><li>Census office, 2009.</li></ol></body></html>\n");
    CU_ASSERT_EQUAL_FATAL(fclose(f), 0);

    struct rusage before, after;
    getrusage(RUSAGE_SELF, &before);
    cck_diags d;
    cck_source *s = load(path, &d);
    getrusage(RUSAGE_SELF, &after);
    CU_ASSERT_EQUAL(d.n, 0);
    size_t cells = 0, resolved = 0;
    for (size_t i = 0; i < s->nunits; i++)
        cells += s->units[i].zone == CCK_ZONE_TABLE;
    for (size_t i = 0; i < s->ncites; i++)
        resolved += s->cites[i].ref == 0;
    CU_ASSERT_EQUAL(cells, blocks);
    CU_ASSERT_EQUAL(s->ncites, blocks);
    CU_ASSERT_EQUAL(resolved, blocks);
    CU_ASSERT(!projected_has(s, "var x"));
#if !defined(__SANITIZE_ADDRESS__)
    /* measured: about 6.6 times the page (file, projection, segment map,
     * units); a tree of the page would be several times more */
    if (!RUNNING_ON_VALGRIND && after.ru_maxrss > before.ru_maxrss)
        CU_ASSERT((size_t)(after.ru_maxrss - before.ru_maxrss) * 1024 < 10 * n);
#endif
    cck_source_free(s);
    cck_diags_free(&d);
    unlink(path);
    rmdir(dir);
}

/* ---- Markdown ---------------------------------------------------------------- */

static void test_markdown_front_matter_and_code(void)
{
    cck_diags d;
    cck_source *s = load(FIX "post.md", &d);
    CU_ASSERT_EQUAL(s->markup, CCK_MARKUP_MARKDOWN);
    CU_ASSERT_EQUAL(d.n, 0);
    CU_ASSERT_EQUAL(s->len, s->raw_len);   /* every byte stays in place */
    CU_ASSERT_PTR_NOT_NULL_FATAL(s->meta.title);
    CU_ASSERT_STRING_EQUAL(s->meta.title, "Notes from Hamhung");
    CU_ASSERT_PTR_NOT_NULL_FATAL(s->meta.date);
    CU_ASSERT_STRING_EQUAL(s->meta.date, "2024-06-11");
    CU_ASSERT_STRING_EQUAL(s->meta.url, "https://notes.example.net/hamhung");
    CU_ASSERT_STRING_EQUAL(s->meta.publisher, "Example Notes");
    CU_ASSERT_STRING_EQUAL(s->meta.author, "A. Traveller");
    CU_ASSERT(!projected_has(s, "999999"));      /* fenced code */
    CU_ASSERT(!projected_has(s, "Buy 3"));       /* an HTML block */
    CU_ASSERT(!projected_has(s, "2024-06-11"));  /* the front matter */
    CU_ASSERT(!projected_has(s, "====="));       /* a setext underline */
    CU_ASSERT_STRING_EQUAL(s->articles[0].title, "Notes from Hamhung");
    extract(s, &d);
    CU_ASSERT_PTR_NULL(claim_span(s, "999999"));
    const cck_claim *km = claim_span(s, "12 km");
    CU_ASSERT_PTR_NOT_NULL_FATAL(km);
    CU_ASSERT(file_bytes_are(s, km->start, km->end, "12 km"));
    CU_ASSERT_EQUAL(cck_unit_ncites(s, &s->units[km->unit_index]), 1);
    CU_ASSERT_EQUAL(s->nrefs, 2);
    cck_source_free(s);
    cck_diags_free(&d);
}

/* ---- XML --------------------------------------------------------------------- */

static void test_xml_external_entity_neither_expanded_nor_fetched(void)
{
    cck_diags d;
    cck_source *s = load(FIX "xxe.xml", &d);
    CU_ASSERT_EQUAL(s->markup, CCK_MARKUP_XML);
    CU_ASSERT(projected_has(s, "The city has 7 wards and &secret; about 768,551 people."));
    CU_ASSERT(projected_has(s, "Fetched: &remote;"));
    /* nothing of the entity's target came in */
    FILE *h = fopen("/etc/hostname", "r");
    if (h) {
        char host[256] = "";
        if (fgets(host, sizeof host, h)) {
            host[strcspn(host, "\n")] = '\0';
            if (strlen(host) > 3)
                CU_ASSERT(!projected_has(s, host));
        }
        fclose(h);
    }
    CU_ASSERT_EQUAL_FATAL(d.n, 1);
    CU_ASSERT_EQUAL(d.v[0].sev, CCK_SEV_WARNING);
    CU_ASSERT(strstr(d.v[0].msg, "left unexpanded") != NULL);
    CU_ASSERT(strstr(d.v[0].msg, "&secret;") != NULL);
    CU_ASSERT_EQUAL(d.v[0].line, 7);
    cck_source_free(s);
    cck_diags_free(&d);
}

static void test_xml_entity_bomb_is_refused(void)
{
    cck_diags d;
    cck_source *s = load(FIX "bomb.xml", &d);
    CU_ASSERT_EQUAL(s->len, 0);
    CU_ASSERT_EQUAL(s->nunits, 0);
    CU_ASSERT_EQUAL_FATAL(d.n, 1);
    CU_ASSERT_EQUAL(d.v[0].sev, CCK_SEV_ERROR);
    CU_ASSERT(strstr(d.v[0].msg, "XML refused") != NULL);
    CU_ASSERT(strstr(d.v[0].msg, "entity") != NULL);
    CU_ASSERT_EQUAL(d.v[0].line, 14);   /* where &lol9; stands */
    cck_source_free(s);
    cck_diags_free(&d);
}

static void test_xml_not_well_formed_is_refused(void)
{
    static const char doc[] = "<?xml version=\"1.0\"?>\n<r><p>5 ships</r>";
    cck_diags d;
    cck_diags_init(&d);
    cck_source *s = cck_source_parse("bad.xml", doc, sizeof doc - 1, &d);
    CU_ASSERT_EQUAL_FATAL(d.n, 1);
    CU_ASSERT_EQUAL(d.v[0].sev, CCK_SEV_ERROR);
    CU_ASSERT_EQUAL(d.v[0].line, 2);
    CU_ASSERT_EQUAL(s->len, 0);
    cck_source_free(s);
    cck_diags_free(&d);
}

static void test_mediawiki_pages_become_articles(void)
{
    cck_diags d;
    cck_source *s = load(FIX "wiki.xml", &d);
    CU_ASSERT_EQUAL(d.n, 0);
    CU_ASSERT_EQUAL_FATAL(s->narticles, 2);
    CU_ASSERT_STRING_EQUAL(s->articles[0].title, "Hamhung");
    CU_ASSERT_STRING_EQUAL(s->articles[1].title, "Hungnam");
    CU_ASSERT_STRING_EQUAL(s->meta.publisher, "Examplepedia");
    CU_ASSERT(projected_has(s, "Hamhung is a city in North Korea."));
    CU_ASSERT(!projected_has(s, "Infobox"));
    CU_ASSERT(!projected_has(s, "99 hidden"));
    /* <ref>s: numbered markers, a named one reused, over a References list */
    const cck_unit *u = unit_text(s, "The census again[1] counted 7 wards.");
    CU_ASSERT_PTR_NOT_NULL_FATAL(u);
    CU_ASSERT_EQUAL_FATAL(cck_unit_ncites(s, u), 1);
    const cck_cite *ct = cck_unit_cite(s, u, 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(ct);
    CU_ASSERT_EQUAL_FATAL(ct->ref, 0);
    CU_ASSERT(cck_test_ref_is(s, 0, "2008 Census. Central Bureau. 2009."));
    CU_ASSERT_EQUAL(s->refs[0].uses, 2);
    CU_ASSERT(file_bytes_are(s, ct->start, ct->end, "&lt;ref name=\"census\"/&gt;"));
    /* the second page's [1] is its own */
    bool second = false;
    for (size_t i = 0; i < s->ncites; i++)
        if (s->refs && s->cites[i].ref >= 0 && s->refs[s->cites[i].ref].article == 1) {
            size_t tn;
            const char *t = cck_ref_text(s, &s->refs[s->cites[i].ref], &tn);
            second = tn == strlen("Port Authority 2015") && !memcmp(t, "Port Authority 2015", tn);
        }
    CU_ASSERT(second);
    /* a wikitable's cells know their headers */
    const cck_unit *cell = unit_text(s, "23.9");
    CU_ASSERT_PTR_NOT_NULL_FATAL(cell);
    CU_ASSERT_EQUAL(cell->zone, CCK_ZONE_TABLE);
    CU_ASSERT_STRING_EQUAL(cck_unit_cell(s, cell)->row_header, "Mean (°C)");
    CU_ASSERT_STRING_EQUAL(cck_unit_cell(s, cell)->col_header, "Jul");
    extract(s, &d);
    const cck_claim *pop = claim_span(s, "768,551");
    CU_ASSERT_PTR_NOT_NULL_FATAL(pop);
    CU_ASSERT(file_bytes_are(s, pop->start, pop->end, "768,551"));
    unsigned line, col;
    cck_source_linecol(s, pop->start, &line, &col);
    CU_ASSERT_EQUAL(line, 12);
    cck_source_free(s);
    cck_diags_free(&d);
}

/* ---- the sources file ---------------------------------------------------------- */

static void test_sidecar_sets_metadata_and_weight(void)
{
    char dir[] = "/tmp/cck-side-XXXXXX";
    CU_ASSERT_PTR_NOT_NULL_FATAL(mkdtemp(dir));
    char a[64], b[64], side[64];
    snprintf(a, sizeof a, "%s/a.html", dir);
    snprintf(b, sizeof b, "%s/b.txt", dir);
    snprintf(side, sizeof side, "%s/.claimcheck-sources", dir);
    cck_test_write(a, "<title>Own title</title><meta name=\"author\" content=\"Page Author\"><p>5 km.</p>");
    cck_test_write(b, "Plain text, 7 wards.\n");
    cck_test_write(side, "# what the files are\nfile: a.html\ntitle: Given title\npublisher: Given Press\n"
          "weight: 0.5\n\nfile: b.txt\nurl: https://b.example\nweight: lots\ncolour: red\n");
    cck_diags d;
    cck_diags_init(&d);
    cck_source *s = NULL;
    CU_ASSERT_EQUAL_FATAL(cck_source_load(a, 0, &s, &d), CCK_OK);
    CU_ASSERT_STRING_EQUAL(s->meta.title, "Given title");      /* the file overrides */
    CU_ASSERT_STRING_EQUAL(s->meta.author, "Page Author");     /* the page still says */
    CU_ASSERT_STRING_EQUAL(s->meta.publisher, "Given Press");
    CU_ASSERT_DOUBLE_EQUAL(s->meta.weight, 0.5, 1e-12);
    CU_ASSERT_EQUAL(d.n, 0);
    cck_source_free(s);
    CU_ASSERT_EQUAL_FATAL(cck_source_load(b, 0, &s, &d), CCK_OK);
    CU_ASSERT_STRING_EQUAL(s->meta.url, "https://b.example");
    CU_ASSERT_DOUBLE_EQUAL(s->meta.weight, 1, 1e-12);
    CU_ASSERT_EQUAL_FATAL(d.n, 2);   /* the bad weight and the unknown key */
    CU_ASSERT_STRING_EQUAL(d.v[0].file, side);
    CU_ASSERT_EQUAL(d.v[0].line, 9);
    CU_ASSERT(strstr(d.v[0].msg, "weight") != NULL);
    CU_ASSERT_EQUAL(d.v[1].line, 10);
    cck_source_free(s);
    cck_diags_free(&d);
    unlink(a);
    unlink(b);
    unlink(side);
    rmdir(dir);
}

/* ---- the citation audit ------------------------------------------------------ */

/* The citation audit of c in format f, as a new string (free()). */
static char *audit(const cck_corpus *c, cck_format f)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    CU_ASSERT_PTR_NOT_NULL_FATAL(out);
    CU_ASSERT_EQUAL(cck_rep_cites_audit(out, c, f, NULL), CCK_OK);
    fclose(out);
    return buf;
}

/* A claim that ends the text (no newline after it) keeps its words in the
 * uncited table: the span was clamped to empty when it reached the end. */
static void test_cites_claim_at_end_of_text(void)
{
    static const char text[] = "Varn\n\nThe town has 5,000";
    cck_corpus c;
    cck_corpus_init(&c);
    cck_source *s = cck_source_from_memory("e.txt", text, sizeof text - 1);
    cck_corpus_add(&c, s);
    cck_src_segment(s, &c.diags);
    extract(s, &c.diags);
    CU_ASSERT_EQUAL_FATAL(s->nclaims, 1);
    CU_ASSERT_EQUAL(s->claims[0].end, s->len);
    char *buf = audit(&c, CCK_FMT_TEXT);
    const char *row = strstr(buf, "e.txt:3:14");
    CU_ASSERT_PTR_NOT_NULL_FATAL(row);
    const char *eol = strchr(row, '\n');
    CU_ASSERT_PTR_NOT_NULL_FATAL(eol);
    const char *fig = strstr(row, "5,000");
    CU_ASSERT(fig && fig < eol);
    free(buf);
    cck_corpus_free(&c);
}

/* The uncited claims of conflicting groups come first, each marked, in
 * source order, then the rest: a later source's conflict claim goes
 * before an earlier source's claim that conflicts with nothing. */
static void test_cites_uncited_conflicts_first(void)
{
    static const char a[] = "Varn\n\nVarn covers 12 km2. Varn has 5,000 people.\n";
    static const char b[] = "Varn\n\nVarn has 9,000 people.\n";
    cck_corpus c;
    cck_corpus_init(&c);
    cck_source *sa = cck_source_from_memory("a.txt", a, sizeof a - 1);
    cck_source *sb = cck_source_from_memory("b.txt", b, sizeof b - 1);
    cck_corpus_add(&c, sa);
    cck_corpus_add(&c, sb);
    for (size_t i = 0; i < 2; i++) {
        cck_src_segment(c.sources[i], &c.diags);
        extract(c.sources[i], &c.diags);
    }
    cck_rec_subjects(&c);
    cck_rec_group_n(&c, 1);
    char *buf = audit(&c, CCK_FMT_JSONL);
    char got[128] = "";
    for (char *line = strtok(buf, "\n"); line; line = strtok(NULL, "\n")) {
        json_error_t err;
        json_t *o = json_loads(line, 0, &err);
        CU_ASSERT_PTR_NOT_NULL_FATAL(o);
        const char *id = json_string_value(json_object_get(o, "claim"));
        if (id && strlen(got) + strlen(id) + 3 < sizeof got) {
            strcat(got, id);
            strcat(got, json_is_true(json_object_get(o, "conflict")) ? "! " : " ");
        }
        json_decref(o);
    }
    CU_ASSERT_STRING_EQUAL(got, "c1-2! c2-1! c1-1 ");
    free(buf);
    cck_corpus_free(&c);
}

static void test_cites_counts_and_jsonl(void)
{
    cck_corpus c;
    cck_corpus_init(&c);
    cck_source *s = load(FIX "page.html", &c.diags);
    cck_corpus_add(&c, s);
    cck_cite_counts n;
    cck_cites_count(s, &n);
    CU_ASSERT_EQUAL(n.markers, 4);
    CU_ASSERT_EQUAL(n.resolved, 2);
    CU_ASSERT_EQUAL(n.dangling, 1);
    CU_ASSERT_EQUAL(n.placeholder, 1);
    CU_ASSERT_EQUAL(n.unused, 1);
    CU_ASSERT_EQUAL(n.duplicate, 0);
    extract(s, &c.diags);

    char path[] = "/tmp/cck-cites-XXXXXX";
    int fd = mkstemp(path);
    CU_ASSERT_FATAL(fd >= 0);
    FILE *out = fdopen(fd, "w+");
    CU_ASSERT_EQUAL(cck_rep_cites_audit(out, &c, CCK_FMT_JSONL, NULL), CCK_OK);
    rewind(out);
    char line[8192];
    size_t dangling = 0, placeholder = 0, unused = 0, uncited = 0, resolved = 0;
    while (fgets(line, sizeof line, out)) {
        json_error_t err;
        json_t *o = json_loads(line, 0, &err);
        CU_ASSERT_PTR_NOT_NULL_FATAL(o);
        const char *problem = json_string_value(json_object_get(o, "problem"));
        size_t start = (size_t)json_integer_value(json_object_get(o, "start"));
        size_t end = (size_t)json_integer_value(json_object_get(o, "end"));
        const char *span = json_string_value(json_object_get(o, "span"));
        /* span is exactly the file's bytes at start..end */
        CU_ASSERT_FATAL(end >= start && end <= s->raw_len && span);
        CU_ASSERT_EQUAL(strlen(span), end - start);
        CU_ASSERT_EQUAL(memcmp(span, s->raw + start, end - start), 0);
        if (!problem) {
            resolved++;
        } else if (!strcmp(problem, "dangling")) {
            dangling++;
            CU_ASSERT_STRING_EQUAL(json_string_value(json_object_get(o, "marker")), "[9]");
            CU_ASSERT(json_is_null(json_object_get(o, "target")));
        } else if (!strcmp(problem, "placeholder")) {
            placeholder++;
            CU_ASSERT_STRING_EQUAL(json_string_value(json_object_get(o, "target")), "#");
        } else if (!strcmp(problem, "unused")) {
            unused++;
            CU_ASSERT(strstr(json_string_value(json_object_get(o, "target")), "Never cited") != NULL);
        } else if (!strcmp(problem, "uncited")) {
            uncited++;
        }
        json_decref(o);
    }
    fclose(out);
    unlink(path);
    CU_ASSERT_EQUAL(resolved, 2);
    CU_ASSERT_EQUAL(dangling, 1);
    CU_ASSERT_EQUAL(placeholder, 1);
    CU_ASSERT_EQUAL(unused, 1);
    CU_ASSERT(uncited >= 4);   /* the table cells and "The city covers" has [2] */
    cck_corpus_free(&c);
}

static int cli_status(const char *args)
{
    const char *bin = getenv("CCK_BIN") ? getenv("CCK_BIN") : "./build/claimcheck";
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "%s %s >/dev/null 2>&1", bin, args);
    int st = system(cmd);
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static void test_cites_command_exit_status(void)
{
    CU_ASSERT_EQUAL(cli_status("cites " FIX "page.html"), 1);        /* [9] dangles */
    CU_ASSERT_EQUAL(cli_status("cites " FIX "post.md"), 0);
    CU_ASSERT_EQUAL(cli_status("cites --format=jsonl " FIX "post.md " FIX "wiki.xml"), 0);
    CU_ASSERT_EQUAL(cli_status("cites " FIX "bomb.xml"), 2);         /* refused */
    CU_ASSERT_EQUAL(cli_status("cites"), 2);
}

/* ---- the fuzz corpus: every seed and every crash found stays a test ------- */

/* The matcher of the replays below (cck_fuzz_replay takes plain
 * functions, as the fuzz targets' entry points are). */
static cck_matcher *replay_m;

static int replay_txt(const uint8_t *d, size_t n) { return cck_fuzz_one("fuzz.txt", d, n, replay_m); }
static int replay_md(const uint8_t *d, size_t n) { return cck_fuzz_one("fuzz.md", d, n, replay_m); }
static int replay_html(const uint8_t *d, size_t n) { return cck_fuzz_one("fuzz.html", d, n, replay_m); }
static int replay_xml(const uint8_t *d, size_t n) { return cck_fuzz_one("fuzz.xml", d, n, replay_m); }
static int replay_mentions(const uint8_t *d, size_t n) { return cck_fuzz_mentions_one(d, n, replay_m); }

static void test_fuzz_corpus_replays(void)
{
    static const struct {
        const char *dir;
        int (*one)(const uint8_t *, size_t);
    } formats[] = {
        {"tests/fuzz/corpus/text", replay_txt},         {"tests/fuzz/corpus/markdown", replay_md},
        {"tests/fuzz/corpus/html", replay_html},        {"tests/fuzz/corpus/xml", replay_xml},
        {"tests/fuzz/corpus/mentions", replay_mentions}, {"tests/fuzz/corpus/sources", cck_fuzz_sources_one}};
    cck_diags d;
    cck_diags_init(&d);
    CU_ASSERT_EQUAL_FATAL(cck_ext_init(&d), CCK_OK);
    replay_m = cck_matcher_new();
    /* an offset out of range aborts the run; every corpus has seeds */
    for (size_t k = 0; k < sizeof formats / sizeof *formats; k++) {
        size_t n = cck_fuzz_replay(formats[k].dir, formats[k].one);
        if (n == (size_t)-1 || n < 2)
            fprintf(stderr, "\n  %s: %s", formats[k].dir, n == (size_t)-1 ? "unreadable" : "fewer than 2 seeds");
        CU_ASSERT(n != (size_t)-1 && n >= 2);
    }
    cck_matcher_free(replay_m);
    replay_m = NULL;
    cck_ext_cleanup();
    cck_diags_free(&d);
}

void cck_suite_readers(void)
{
    static CU_TestInfo tests[] = {
        {"detect by extension and content", test_detect_by_extension_and_content},
        {"detect XHTML at every offset", test_detect_xhtml_at_every_offset},
        {"html tags in any case", test_html_tags_in_any_case},
        {"plain text is unchanged", test_plain_text_is_unchanged},
        {"segment map: byte for byte, atomic, inserted", test_segment_map_byte_for_byte_atomic_and_inserted},
        {"html skips script, style, boilerplate", test_html_projection_skips_script_style_and_boilerplate},
        {"html script figure no claim, table figure is", test_html_script_figure_is_no_claim_table_figure_is},
        {"html sup markers resolve", test_html_sup_markers_resolve_to_the_reference_list},
        {"html wikipedia shapes", test_html_wikipedia_shapes},
        {"html metadata", test_html_metadata},
        {"html windows-1252 charset meta", test_html_windows_1252_with_charset_meta},
        {"html malformed recovered", test_html_malformed_is_recovered_with_a_note},
        {"html list items keep their numbers", test_html_list_items_keep_their_numbers},
        {"html invalid utf-8 warning", test_html_invalid_utf8_is_a_warning},
        {"html 50 MB page bounded memory", test_html_50mb_page_in_bounded_memory},
        {"markdown front matter and code", test_markdown_front_matter_and_code},
        {"xml external entity not expanded", test_xml_external_entity_neither_expanded_nor_fetched},
        {"xml entity bomb refused", test_xml_entity_bomb_is_refused},
        {"xml not well-formed refused", test_xml_not_well_formed_is_refused},
        {"mediawiki pages become articles", test_mediawiki_pages_become_articles},
        {"sources file sets metadata and weight", test_sidecar_sets_metadata_and_weight},
        {"cites counts and jsonl", test_cites_counts_and_jsonl},
        {"cites: a claim at the end of the text keeps its words", test_cites_claim_at_end_of_text},
        {"cites: uncited claims of conflicts come first", test_cites_uncited_conflicts_first},
        {"cites command exit status", test_cites_command_exit_status},
        {"fuzz corpus replays", test_fuzz_corpus_replays},
        CU_TEST_INFO_NULL,
    };
    CCK_ADD_SUITE("readers", tests);
}
