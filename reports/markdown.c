/* markdown.c: the same reports as text.c as GitHub Markdown: headings,
 * pipe tables (cells escaped, "|" as "\|"), the figure in bold. */
#include <stdlib.h>
#include <string.h>

#include "report_int.h"

/* Sentences are cut to this many columns around the figure. */
enum { MD_SENTENCE = 160 };

cck_status cck_rep_md_claims(FILE *out, const cck_corpus *c)
{
    static const char *const heads[] = {"location", "kind", "value as written",
                                        "normalized", "subject"};
    cck_table t;
    cck_tab_init(&t, 5, heads);
    for (size_t i = 0; i < c->nsources; i++) {
        const cck_source *s = c->sources[i];
        for (size_t j = 0; j < s->nclaims; j++) {
            const cck_claim *cl = &s->claims[j];
            size_t cs, ce;
            unsigned line, col;
            cck_rep_claim_span(cl, &cs, &ce, &line, &col);
            size_t n = strlen(s->path) + 32;
            char *loc = cck_xmalloc(n);
            snprintf(loc, n, "%s:%u:%u", s->path, line, col);
            size_t r = cck_tab_row(&t);
            cck_tab_set(&t, r, 0, loc, strlen(loc), 0, 0);
            free(loc);
            const char *k = cck_kind_name(cl->kind);
            cck_tab_set(&t, r, 1, k, strlen(k), 0, 0);
            cck_tab_set(&t, r, 2, s->bytes + cs, ce - cs, 0, 0);
            char v[128];
            cck_rep_value(v, sizeof v, cl);
            cck_tab_set(&t, r, 3, v, strlen(v), 0, 0);
            char *subj = cck_rep_subject(cl->entity, cl->attribute, cl->as_of);
            cck_tab_set(&t, r, 4, subj, strlen(subj), 0, 0);
            free(subj);
        }
    }
    fputs("# Claims\n\n", out);
    if (t.nrows)
        cck_tab_md(out, &t, 0);
    else
        fputs("No claims found.\n", out);
    cck_tab_free(&t);
    return CCK_OK;
}

/* A conflicting group: heading, note, provenance table, favoured claim and
 * references; nothing for other groups. */
static void conflict_block(FILE *out, const cck_corpus *c, size_t i, const void *ctx)
{
    (void)ctx;
    const cck_group *g = &c->groups[i];
    if (g->status != CCK_GROUP_CONFLICT)
        return;
    char *subj = cck_rep_subject(g->entity, g->attribute, g->as_of);
    fputs("## CONFLICT: ", out);
    cck_rep_md_escape(out, subj, strlen(subj));
    fputs("\n\n", out);
    free(subj);
    if (g->note && *g->note) {
        char *note = cck_rep_clean(g->note, strlen(g->note), NULL, NULL);
        cck_rep_md_escape(out, note, strlen(note));
        fputs("\n\n", out);
        free(note);
    }
    cck_table t;
    cck_rep_provenance(&t, g);
    cck_tab_md(out, &t, MD_SENTENCE);
    cck_tab_free(&t);
    if (g->favoured) {
        unsigned line, col;
        char *span = cck_rep_claim_text(g->favoured, &line, &col);
        const char *base = cck_rep_basename(g->favoured->src->path);
        fputs("\nFavoured: ", out);
        cck_rep_md_escape(out, span, strlen(span));
        fputs(" (", out);
        cck_rep_md_escape(out, base, strlen(base));
        fprintf(out, " %u:%u)\n", line, col);
        free(span);
    }
    char **refs;
    size_t nrefs = cck_rep_group_refs(g, &refs);
    if (nrefs)
        fputs("\nReferences:\n\n", out);
    for (size_t k = 0; k < nrefs; k++) {
        fputs("- ", out);
        cck_rep_md_escape(out, refs[k], strlen(refs[k]));
        fputc('\n', out);
        free(refs[k]);
    }
    free(refs);
    fputc('\n', out);
}

/* A consistent group in brief; nothing for other groups. */
static void consistent_item(FILE *out, const cck_corpus *c, size_t i, const void *ctx)
{
    (void)ctx;
    const cck_group *g = &c->groups[i];
    if (g->status != CCK_GROUP_CONSISTENT)
        return;
    char *b = cck_rep_brief(g);
    fputs("- ", out);
    cck_rep_md_escape(out, b, strlen(b));
    fputc('\n', out);
    free(b);
}

cck_status cck_rep_md_groups(FILE *out, const cck_corpus *c, unsigned jobs)
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
    fputs("# Conflicts\n\n", out);
    if (!nconf)
        fputs("No conflicts found.\n\n", out);
    else
        cck_rep_each_group(out, c, jobs, conflict_block, NULL);
    if (ncons) {
        fputs("## Consistent subjects\n\n", out);
        cck_rep_each_group(out, c, jobs, consistent_item, NULL);
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
            fputs("## Sources\n\n", out);
        header = true;
        fputs("- ", out);
        cck_rep_md_escape(out, m, strlen(m));
        fputc('\n', out);
        free(m);
    }
    if (header)
        fputc('\n', out);
    char *sum = cck_rep_summary(c);
    fprintf(out, "%s\n", sum);
    free(sum);
    return CCK_OK;
}
