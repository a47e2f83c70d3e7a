/* text.c: the plain-text reports for a terminal: one line per claim for
 * `extract`, and for `check` the conflicts with a provenance table each,
 * the consistent subjects in brief and one summary line. */
#include <stdlib.h>
#include <string.h>

#include "report_int.h"

void cck_rep_text_source(FILE *out, const cck_source *s)
{
    char *path = cck_rep_clean(s->path, strlen(s->path), NULL, NULL);
    for (size_t j = 0; j < s->nclaims; j++) {
        const cck_claim *cl = &s->claims[j];
        unsigned line, col;
        char *span = cck_rep_claim_text(cl, &line, &col);
        char v[128];
        cck_rep_value(v, sizeof v, cl);
        fprintf(out, "%s:%u:%u  %s  %s  -> %s", path, line, col,
                cck_kind_name(cl->kind), span, v);
        if (cl->entity || cl->attribute) {
            char *subj = cck_rep_subject(cl->entity, cl->attribute, cl->as_of);
            fprintf(out, "  %s", subj);
            free(subj);
        }
        fputc('\n', out);
        free(span);
    }
    free(path);
}

cck_status cck_rep_text_claims(FILE *out, const cck_corpus *c)
{
    for (size_t i = 0; i < c->nsources; i++)
        cck_rep_text_source(out, c->sources[i]);
    return CCK_OK;
}

/* Word-wraps clean text to width columns, each line indented. */
static void wrap(FILE *out, const char *s, unsigned indent, unsigned width)
{
    size_t avail = width > indent + 10 ? width - indent : 10, used = 0;
    bool line_open = false;
    while (*s) {
        while (*s == ' ')
            s++;
        if (!*s)
            break;
        size_t k = strcspn(s, " ");
        size_t w = cck_rep_width(s, k);
        if (line_open && used + 1 + w > avail) {
            fputc('\n', out);
            line_open = false;
        }
        if (!line_open) {
            fprintf(out, "%*s", (int)indent, "");
            used = 0;
            line_open = true;
        } else {
            fputc(' ', out);
            used++;
        }
        fwrite(s, 1, k, out);
        used += w;
        s += k;
    }
    if (line_open)
        fputc('\n', out);
}

/* One line of clean text cut to width columns, indented. */
static void fit_line(FILE *out, const char *s, unsigned indent, unsigned width)
{
    size_t avail = width > indent ? width - indent : 1;
    char *f = cck_rep_fit(s, 0, 0, avail, NULL, NULL);
    fprintf(out, "%*s%s\n", (int)indent, "", f);
    free(f);
}

typedef struct {
    bool color;
    unsigned width;
} text_opts;

/* A conflicting group: heading, note, provenance table, favoured claim and
 * references; nothing for other groups. */
static void conflict_block(FILE *out, const cck_corpus *c, size_t i, const void *ctx)
{
    const text_opts *o = ctx;
    bool color = o->color;
    unsigned width = o->width;
    const cck_group *g = &c->groups[i];
    if (g->status != CCK_GROUP_CONFLICT)
        return;
    char *subj = cck_rep_subject(g->entity, g->attribute, g->as_of);
    char *f = cck_rep_fit(subj, 0, 0, width > 10 ? width - 10 : 1, NULL, NULL);
    fprintf(out, "%sCONFLICT%s  %s\n", color ? "\x1b[1;31m" : "", color ? "\x1b[0m" : "", f);
    free(f);
    free(subj);
    if (g->note && *g->note) {
        char *note = cck_rep_clean(g->note, strlen(g->note), NULL, NULL);
        wrap(out, note, 2, width);
        free(note);
    }
    cck_table t;
    cck_rep_provenance(&t, g);
    cck_tab_text(out, &t, 2, width, color);
    cck_tab_free(&t);
    if (g->favoured) {
        unsigned line, col;
        char *span = cck_rep_claim_text(g->favoured, &line, &col);
        const char *base = cck_rep_basename(g->favoured->src->path);
        size_t n = strlen(span) + strlen(base) + 64;
        char *raw = cck_xmalloc(n);
        snprintf(raw, n, "favoured: %s (%s %u:%u)", span, base, line, col);
        char *line_s = cck_rep_clean(raw, strlen(raw), NULL, NULL);
        fit_line(out, line_s, 2, width);
        free(line_s);
        free(raw);
        free(span);
    }
    char **refs;
    size_t nrefs = cck_rep_group_refs(g, &refs);
    if (nrefs)
        fputs("  references:\n", out);
    for (size_t k = 0; k < nrefs; k++) {
        fit_line(out, refs[k], 4, width);
        free(refs[k]);
    }
    free(refs);
    fputc('\n', out);
}

/* A consistent group in brief; nothing for other groups. */
static void consistent_line(FILE *out, const cck_corpus *c, size_t i, const void *ctx)
{
    const text_opts *o = ctx;
    const cck_group *g = &c->groups[i];
    if (g->status != CCK_GROUP_CONSISTENT)
        return;
    char *b = cck_rep_brief(g);
    fit_line(out, b, 2, o->width);
    free(b);
}

cck_status cck_rep_text_groups(FILE *out, const cck_corpus *c, bool color,
                               unsigned width, unsigned jobs)
{
    size_t nconf = 0, ncons = 0, nsingle = 0;
    for (size_t i = 0; i < c->ngroups; i++) {
        const cck_group *g = &c->groups[i];
        if (g->status == CCK_GROUP_CONFLICT)
            nconf++;
        else if (g->status == CCK_GROUP_CONSISTENT)
            ncons++;
        else
            nsingle++;
    }
    text_opts o = {color, width};
    if (!nconf)
        fputs("No conflicts found.\n\n", out);
    else
        cck_rep_each_group(out, c, jobs, conflict_block, &o);
    if (ncons) {
        fprintf(out, "%sConsistent subjects%s\n", color ? "\x1b[1m" : "", color ? "\x1b[0m" : "");
        cck_rep_each_group(out, c, jobs, consistent_line, &o);
        fputc('\n', out);
    }
    if (nsingle)
        fprintf(out, "%zu single-source subject%s (not listed)\n\n", nsingle,
                nsingle == 1 ? "" : "s");
    bool header = false;
    for (size_t i = 0; i < c->nsources; i++) {
        char *m = cck_rep_source_meta(c->sources[i]);
        if (!m)
            continue;
        if (!header)
            fprintf(out, "%sSources%s\n", color ? "\x1b[1m" : "", color ? "\x1b[0m" : "");
        header = true;
        fit_line(out, m, 2, width);
        free(m);
    }
    if (header)
        fputc('\n', out);
    char *sum = cck_rep_summary(c);
    fprintf(out, "%s\n", sum);
    free(sum);
    return CCK_OK;
}
