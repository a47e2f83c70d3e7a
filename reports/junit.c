/* junit.c: JUnit XML for CI dashboards, written through libxml2's text
 * writer so every name and message is escaped: a test case per subject
 * stated by two or more sources (a conflict is a failure), and one per
 * source for its citation markers (a dangling marker is a failure). */
#include <libxml/xmlwriter.h>
#include <stdlib.h>
#include <string.h>

#include "report_int.h"

/* libxml2 wants valid UTF-8: everything goes through cck_rep_clean. */
static void attr(xmlTextWriterPtr w, const char *name, const char *value)
{
    char *t = cck_rep_clean(value, strlen(value), NULL, NULL);
    xmlTextWriterWriteAttribute(w, BAD_CAST name, BAD_CAST t);
    free(t);
}

static void attr_n(xmlTextWriterPtr w, const char *name, size_t v)
{
    char b[32];
    snprintf(b, sizeof b, "%zu", v);
    attr(w, name, b);
}

/* The failure text: one line per claim, "file:line:col  as written  (value)". */
static char *details(const cck_group *g)
{
    char *buf = NULL;
    size_t n = 0;
    FILE *f = cck_rep_memstream(&buf, &n);
    if (g->note)
        fprintf(f, "%s\n", g->note);
    for (size_t i = 0; i < g->nclaims; i++) {
        const cck_claim *cl = g->claims[i];
        unsigned line, col;
        char *span = cck_rep_claim_text(cl, &line, &col);
        char *path = cck_rep_clean(cl->src->path, strlen(cl->src->path), NULL, NULL);
        char v[128];
        cck_rep_value(v, sizeof v, cl);
        fprintf(f, "%s:%u:%u  %s  (%s)%s\n", path, line, col, span, v,
                cl == g->favoured ? "  favoured" : "");
        free(span);
        free(path);
    }
    fclose(f);
    return buf;
}

/* libxml2 prints a write error of its own ("I/O error : No space left on
 * device"); the caller reports the stream's error in one line of its own. */
static void quiet(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

static cck_status write_junit(FILE *out, const cck_corpus *c, bool groups);

cck_status cck_rep_junit(FILE *out, const cck_corpus *c, bool groups)
{
    xmlGenericErrorFunc was = xmlGenericError;
    void *was_ctx = xmlGenericErrorContext;
    xmlSetGenericErrorFunc(NULL, quiet);
    cck_status st = write_junit(out, c, groups);
    xmlSetGenericErrorFunc(was_ctx, was);
    return st;
}

static cck_status write_junit(FILE *out, const cck_corpus *c, bool groups)
{
    /* straight to the stream: the whole document in an xmlBuffer first
     * was 82 MB for the 100 MB bench corpus, 1.7 s of it in the kernel
     * growing the buffer */
    xmlOutputBufferPtr ob = xmlOutputBufferCreateFile(out, NULL);
    xmlTextWriterPtr w = ob ? xmlNewTextWriter(ob) : NULL;
    if (!w) {
        if (ob)
            xmlOutputBufferClose(ob);
        return CCK_ERR_IO;
    }
    xmlTextWriterSetIndent(w, 1);
    xmlTextWriterSetIndentString(w, BAD_CAST "  ");
    xmlTextWriterStartDocument(w, NULL, "UTF-8", NULL);

    size_t ncases = 0, nfail = 0, nsubj = 0, nsubjfail = 0;
    if (groups)
        for (size_t i = 0; i < c->ngroups; i++)
            if (c->groups[i].status != CCK_GROUP_SINGLE) {
                nsubj++;
                nsubjfail += c->groups[i].status == CCK_GROUP_CONFLICT;
            }
    size_t nsrcfail = 0;
    for (size_t i = 0; i < c->nsources; i++) {
        bool bad = false;
        for (size_t j = 0; j < c->sources[i]->ncites; j++)
            bad = bad || c->sources[i]->cites[j].ref < 0;
        nsrcfail += bad;
    }
    ncases = nsubj + c->nsources;
    nfail = nsubjfail + nsrcfail;

    xmlTextWriterStartElement(w, BAD_CAST "testsuites");
    attr(w, "name", "claimcheck");
    attr_n(w, "tests", ncases);
    attr_n(w, "failures", nfail);
    attr_n(w, "errors", 0);
    if (groups) {
        xmlTextWriterStartElement(w, BAD_CAST "testsuite");
        attr(w, "name", "claimcheck.subjects");
        attr_n(w, "tests", nsubj);
        attr_n(w, "failures", nsubjfail);
        attr_n(w, "errors", 0);
        attr_n(w, "skipped", 0);
        for (size_t i = 0; i < c->ngroups; i++) {
            const cck_group *g = &c->groups[i];
            if (g->status == CCK_GROUP_SINGLE)
                continue;
            char *subj = cck_rep_subject(g->entity, g->attribute, g->as_of);
            xmlTextWriterStartElement(w, BAD_CAST "testcase");
            attr(w, "classname", g->entity && *g->entity ? g->entity : "?");
            attr(w, "name", subj);
            if (g->status == CCK_GROUP_CONFLICT) {
                xmlTextWriterStartElement(w, BAD_CAST "failure");
                char *line = cck_rep_conflict_line(g);
                attr(w, "message", line);
                attr(w, "type", "conflict");
                free(line);
                char *d = details(g);
                /* keep the line breaks: clean each line on its own */
                for (char *p = d; *p;) {
                    char *e = strchr(p, '\n');
                    size_t k = e ? (size_t)(e - p) : strlen(p);
                    char *l = cck_rep_clean(p, k, NULL, NULL);
                    xmlTextWriterWriteString(w, BAD_CAST l);
                    xmlTextWriterWriteString(w, BAD_CAST "\n");
                    free(l);
                    p += k + (e != NULL);
                }
                free(d);
                xmlTextWriterEndElement(w);
            }
            xmlTextWriterEndElement(w);
            free(subj);
        }
        xmlTextWriterEndElement(w);
    }
    xmlTextWriterStartElement(w, BAD_CAST "testsuite");
    attr(w, "name", "claimcheck.citations");
    attr_n(w, "tests", c->nsources);
    attr_n(w, "failures", nsrcfail);
    attr_n(w, "errors", 0);
    attr_n(w, "skipped", 0);
    cck_finding *v;
    size_t n = cck_rep_findings_of(c, CCK_FIND_BIT(CCK_FIND_DANGLING), 1, &v);
    /* the findings are in the corpus's source order: each source's are
     * v[from, to), found with one cursor (a walk of all of them for each
     * source made check -f junit quadratic: 51 s on the 100 MB bench
     * corpus) */
    size_t to = 0;
    for (size_t i = 0; i < c->nsources; i++) {
        const cck_source *s = c->sources[i];
        size_t from = to;
        while (to < n && v[to].src == s)
            to++;
        xmlTextWriterStartElement(w, BAD_CAST "testcase");
        attr(w, "classname", "citations");
        attr(w, "name", s->path);
        size_t bad = to - from;     /* the list holds only dangling markers */
        if (bad) {
            xmlTextWriterStartElement(w, BAD_CAST "failure");
            char m[96];
            snprintf(m, sizeof m, "%zu citation marker%s resolve%s to no reference", bad,
                     bad == 1 ? "" : "s", bad == 1 ? "s" : "");
            attr(w, "message", m);
            attr(w, "type", "dangling-citation");
            for (size_t k = from; k < to; k++) {
                char loc[64];
                snprintf(loc, sizeof loc, "%u:%u  ", v[k].line, v[k].col);
                xmlTextWriterWriteString(w, BAD_CAST loc);
                xmlTextWriterWriteString(w, BAD_CAST v[k].msg);
                xmlTextWriterWriteString(w, BAD_CAST "\n");
            }
            xmlTextWriterEndElement(w);
        }
        xmlTextWriterEndElement(w);
    }
    cck_rep_findings_free(v, n);
    xmlTextWriterEndElement(w);
    xmlTextWriterEndElement(w);
    int rc = xmlTextWriterEndDocument(w);
    xmlFreeTextWriter(w);   /* closes ob, flushing it into out (which stays open) */
    return rc < 0 ? CCK_ERR_IO : CCK_OK;
}
