/* cites.c: the citation audit (`claimcheck cites`): per source the counts
 * of markers, resolved, dangling, unused, placeholder and duplicate
 * references, then every problem, then the uncited claims (those in
 * conflict groups first); as text, Markdown, or JSON Lines citation
 * objects as ../shared/gold/FORMAT.md describes them. */
#include <stdlib.h>
#include <string.h>

#include "cites.h"
#include "report_int.h"

const char *cck_cite_problem(const cck_cite *ct)
{
    if (ct->placeholder)
        return "placeholder";
    if (ct->ref < 0 && !ct->target)
        return "dangling";
    return NULL;
}

bool cck_ref_duplicate(const cck_source *s, size_t j)
{
    const cck_ref *r = &s->refs[j];
    for (size_t k = 0; k < j; k++) {
        const cck_ref *o = &s->refs[k];
        if (o->article != r->article)
            continue;
        size_t rn, on;
        const char *rt = cck_ref_text(s, r, &rn), *ot = cck_ref_text(s, o, &on);
        if ((r->label[0] && !strcmp(o->label, r->label)) ||
            (rn > 8 && on == rn && !memcmp(ot, rt, rn)))
            return true;
    }
    return false;
}

void cck_cites_count(const cck_source *s, cck_cite_counts *n)
{
    memset(n, 0, sizeof *n);
    n->markers = s->ncites;
    for (size_t i = 0; i < s->ncites; i++) {
        const char *p = cck_cite_problem(&s->cites[i]);
        if (!p)
            n->resolved++;
        else if (!strcmp(p, "placeholder"))
            n->placeholder++;
        else
            n->dangling++;
    }
    for (size_t j = 0; j < s->nrefs; j++) {
        if (!s->refs[j].uses)
            n->unused++;
        if (cck_ref_duplicate(s, j))
            n->duplicate++;
    }
}

/* ---- uncited claims ------------------------------------------------------ */

typedef struct {
    const cck_claim *cl;
    bool conflict;
} uncited;

static bool claim_uncited(const cck_claim *cl)
{
    const cck_source *s = cl->src;
    if (cl->zone == CCK_ZONE_REFERENCES)
        return false;
    if (cl->unit_index >= s->nunits)
        return true;
    const cck_unit *u = &s->units[cl->unit_index];
    for (size_t i = 0, nc = cck_unit_ncites(s, u); i < nc; i++) {
        const cck_cite *c = cck_unit_cite(s, u, i);
        if (c && !c->placeholder)
            return false;
    }
    return true;
}

/* The uncited claims, conflict-group members first, otherwise in source
 * then offset order (the sort is made stable by the position). */
static uncited *collect_uncited(const cck_corpus *c, size_t *n)
{
    size_t total = cck_corpus_nclaims(c), k = 0;
    uncited *v = cck_xcalloc(total ? total : 1, sizeof *v);
    cck_rep_index ix;
    cck_rep_index_init(&ix, c);
    /* conflict membership by (source position, claim index) */
    size_t *base = cck_xcalloc(c->nsources + 1, sizeof *base);
    for (size_t i = 0; i < c->nsources; i++)
        base[i + 1] = base[i] + c->sources[i]->nclaims;
    bool *in_conflict = cck_xcalloc(total ? total : 1, sizeof *in_conflict);
    for (size_t g = 0; g < c->ngroups; g++) {
        if (c->groups[g].status != CCK_GROUP_CONFLICT)
            continue;
        for (size_t j = 0; j < c->groups[g].nclaims; j++) {
            const cck_claim *cl = c->groups[g].claims[j];
            size_t pos = cck_rep_source_pos(&ix, cl->src);   /* not a walk of every source */
            if (pos && cl->index < c->sources[pos - 1]->nclaims)
                in_conflict[base[pos - 1] + cl->index] = true;
        }
    }
    for (size_t i = 0; i < c->nsources; i++) {
        const cck_source *s = c->sources[i];
        for (size_t j = 0; j < s->nclaims; j++)
            if (claim_uncited(&s->claims[j]))
                v[k++] = (uncited){&s->claims[j], in_conflict[base[i] + j]};
    }
    /* stable: conflict members keep their order, as do the rest */
    uncited *sorted = cck_xcalloc(k ? k : 1, sizeof *sorted);
    size_t m = 0;
    for (size_t pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < k; i++)
            if (v[i].conflict == (pass == 0))
                sorted[m++] = v[i];
    free(v);
    free(base);
    free(in_conflict);
    cck_rep_index_free(&ix);
    *n = k;
    return sorted;
}

/* ---- JSON Lines ------------------------------------------------------------ */

static void json_cstr(FILE *out, const char *s)
{
    if (s)
        cck_rep_json_string(out, s, strlen(s));
    else
        fputs("null", out);
}

static void json_where(FILE *out, const cck_source *s, size_t start, size_t end)
{
    size_t fs, fe;
    cck_source_file_span(s, start, end, &fs, &fe);
    unsigned line, col;
    cck_source_linecol(s, start, &line, &col);
    fputs("{\"doc\": ", out);
    json_cstr(out, s->path);
    fprintf(out, ", \"line\": %u, \"start\": %zu, \"end\": %zu, \"span\": ", line, fs, fe);
    const char *raw = cck_source_raw_text(s, fs, fe);
    cck_rep_json_string(out, raw ? raw : "", raw ? fe - fs : 0);
}

static cck_status jsonl(FILE *out, const cck_corpus *c)
{
    for (size_t i = 0; i < c->nsources; i++) {
        const cck_source *s = c->sources[i];
        for (size_t k = 0; k < s->ncites; k++) {
            const cck_cite *ct = &s->cites[k];
            json_where(out, s, ct->start, ct->end);
            fputs(", \"marker\": ", out);
            size_t mn;
            const char *mk = cck_cite_marker(s, ct, &mn);
            cck_rep_json_string(out, mk, mn);
            fputs(", \"target\": ", out);
            if (ct->ref >= 0 && (size_t)ct->ref < s->nrefs) {
                size_t tn;
                const char *t = cck_ref_text(s, &s->refs[ct->ref], &tn);
                cck_rep_json_string(out, t, tn);
            } else {
                json_cstr(out, ct->target);
            }
            fputs(", \"problem\": ", out);
            json_cstr(out, cck_cite_problem(ct));
            fputs("}\n", out);
        }
        for (size_t j = 0; j < s->nrefs; j++) {
            const cck_ref *r = &s->refs[j];
            bool dup = cck_ref_duplicate(s, j);
            if (r->uses && !dup)
                continue;
            json_where(out, s, r->start, r->end);
            fputs(", \"marker\": ", out);
            json_cstr(out, r->label);
            fputs(", \"target\": ", out);
            size_t tn;
            const char *t = cck_ref_text(s, r, &tn);
            cck_rep_json_string(out, t, tn);
            fputs(", \"problem\": ", out);
            json_cstr(out, r->uses ? "duplicate" : "unused");
            fputs("}\n", out);
        }
    }
    cck_rep_index ix;
    cck_rep_index_init(&ix, c);
    size_t nu;
    uncited *u = collect_uncited(c, &nu);
    for (size_t i = 0; i < nu; i++) {
        const cck_claim *cl = u[i].cl;
        json_where(out, cl->src, cl->start, cl->end);
        char id[48];
        cck_rep_claim_id(id, &ix, cl);
        fputs(", \"marker\": null, \"target\": null, \"problem\": \"uncited\", \"claim\": ", out);
        json_cstr(out, id);
        fprintf(out, ", \"conflict\": %s}\n", u[i].conflict ? "true" : "false");
    }
    free(u);
    cck_rep_index_free(&ix);
    return CCK_OK;
}

/* ---- text and Markdown ------------------------------------------------------ */

static void counts_table(cck_table *t, const cck_corpus *c, cck_cite_counts *all)
{
    static const char *const heads[] = {"source", "markers", "resolved", "dangling",
                                        "unused", "placeholder", "duplicate"};
    cck_tab_init(t, 7, heads);
    memset(all, 0, sizeof *all);
    for (size_t i = 0; i < c->nsources; i++) {
        const cck_source *s = c->sources[i];
        cck_cite_counts n;
        cck_cites_count(s, &n);
        size_t r = cck_tab_row(t);
        cck_tab_set(t, r, 0, s->path, strlen(s->path), 0, 0);
        size_t v[6] = {n.markers, n.resolved, n.dangling, n.unused, n.placeholder, n.duplicate};
        for (size_t k = 0; k < 6; k++) {
            char b[32];
            snprintf(b, sizeof b, "%zu", v[k]);
            cck_tab_set(t, r, k + 1, b, strlen(b), 0, 0);
        }
        all->markers += n.markers;
        all->resolved += n.resolved;
        all->dangling += n.dangling;
        all->unused += n.unused;
        all->placeholder += n.placeholder;
        all->duplicate += n.duplicate;
    }
}

static void problems_table(cck_table *t, const cck_corpus *c)
{
    static const char *const heads[] = {"where", "problem", "marker or entry"};
    cck_tab_init(t, 3, heads);
    for (size_t i = 0; i < c->nsources; i++) {
        const cck_source *s = c->sources[i];
        const char *base = cck_rep_basename(s->path);
        for (size_t k = 0; k < s->ncites; k++) {
            const char *p = cck_cite_problem(&s->cites[k]);
            if (!p)
                continue;
            unsigned line, col;
            cck_source_linecol(s, s->cites[k].start, &line, &col);
            char where[512];
            snprintf(where, sizeof where, "%s:%u:%u", base, line, col);
            size_t r = cck_tab_row(t);
            cck_tab_set(t, r, 0, where, strlen(where), 0, 0);
            cck_tab_set(t, r, 1, p, strlen(p), 0, 0);
            size_t mn;
            const char *mk = cck_cite_marker(s, &s->cites[k], &mn);
            cck_tab_set(t, r, 2, mk, mn, 0, 0);
        }
        for (size_t j = 0; j < s->nrefs; j++) {
            const cck_ref *rf = &s->refs[j];
            bool dup = cck_ref_duplicate(s, j);
            if (rf->uses && !dup)
                continue;
            unsigned line, col;
            cck_source_linecol(s, rf->start, &line, &col);
            char where[512];
            snprintf(where, sizeof where, "%s:%u:%u", base, line, col);
            size_t r = cck_tab_row(t);
            cck_tab_set(t, r, 0, where, strlen(where), 0, 0);
            const char *p = rf->uses ? "duplicate" : "unused";
            cck_tab_set(t, r, 1, p, strlen(p), 0, 0);
            size_t tn;
            const char *tx = cck_ref_text(s, rf, &tn);
            char *e = cck_xmalloc(strlen(rf->label) + tn + 8);
            sprintf(e, rf->label[0] ? "[%s] %.*s" : "%s%.*s", rf->label, (int)tn, tx);
            cck_tab_set(t, r, 2, e, strlen(e), 0, 0);
            free(e);
        }
    }
}

static void uncited_table(cck_table *t, const cck_corpus *c, size_t *nconf, size_t *n)
{
    static const char *const heads[] = {"where", "claim", "subject", "in conflict"};
    cck_tab_init(t, 4, heads);
    size_t nu;
    uncited *u = collect_uncited(c, &nu);
    *nconf = 0;
    for (size_t i = 0; i < nu; i++) {
        const cck_claim *cl = u[i].cl;
        const cck_source *s = cl->src;
        size_t cs, ce;
        unsigned line, col;
        cck_rep_claim_span(cl, &cs, &ce, &line, &col);
        char where[512];
        snprintf(where, sizeof where, "%s:%u:%u", cck_rep_basename(s->path), line, col);
        size_t r = cck_tab_row(t);
        cck_tab_set(t, r, 0, where, strlen(where), 0, 0);
        cck_tab_set(t, r, 1, s->bytes + cs, ce - cs, 0, 0);
        char *subj = cck_rep_subject(cl->entity, cl->attribute, cl->as_of);
        cck_tab_set(t, r, 2, subj, strlen(subj), 0, 0);
        free(subj);
        cck_tab_set(t, r, 3, u[i].conflict ? "yes" : "", u[i].conflict ? 3 : 0, 0, 0);
        *nconf += u[i].conflict;
    }
    *n = nu;
    free(u);
}

/* Prints t as Markdown (cells cut at maxw, 0: never) or as text, then
 * frees it. */
static void put_table(FILE *out, cck_table *t, bool md, unsigned maxw, unsigned width, bool color)
{
    if (md)
        cck_tab_md(out, t, maxw);
    else
        cck_tab_text(out, t, 2, width, color);
    cck_tab_free(t);
}

static cck_status human(FILE *out, const cck_corpus *c, bool md, const cck_rep_options *o)
{
    unsigned width = o && o->width ? o->width : 100;
    bool color = o && o->color;
    cck_table t;
    /* what each source says about itself */
    static const char *const mheads[] = {"source", "format", "title", "publisher", "date",
                                         "url", "weight"};
    cck_tab_init(&t, 7, mheads);
    for (size_t i = 0; i < c->nsources; i++) {
        const cck_source *s = c->sources[i];
        char w[32];
        cck_rep_number(w, s->meta.weight);
        const char *v[7] = {s->path, cck_markup_name(s->markup), s->meta.title,
                            s->meta.publisher, s->meta.date, s->meta.url, w};
        size_t r = cck_tab_row(&t);
        for (size_t k = 0; k < 7; k++)
            cck_tab_set(&t, r, k, v[k] ? v[k] : "", v[k] ? strlen(v[k]) : 0, 0, 0);
    }
    fputs(md ? "## Sources\n\n" : "Sources\n", out);
    put_table(out, &t, md, 80, width, color);

    cck_cite_counts all;
    counts_table(&t, c, &all);
    fputs(md ? "\n## Citations by source\n\n" : "\nCitations by source\n", out);
    put_table(out, &t, md, 0, width, color);

    problems_table(&t, c);
    fprintf(out, md ? "\n## Problems (%zu)\n\n" : "\nProblems (%zu)\n", t.nrows);
    if (t.nrows)
        put_table(out, &t, md, 120, width, color);
    else
        cck_tab_free(&t);

    size_t nconf, nu;
    uncited_table(&t, c, &nconf, &nu);
    fprintf(out, md ? "\n## Uncited claims (%zu, %zu in conflict groups)\n\n"
                    : "\nUncited claims (%zu, %zu in conflict groups; those first)\n",
            nu, nconf);
    if (t.nrows)
        put_table(out, &t, md, 120, width, color);
    else
        cck_tab_free(&t);
    fprintf(out, "\n%zu markers, %zu resolved, %zu dangling, %zu placeholder, %zu unused and "
                 "%zu duplicate references, %zu uncited claims\n",
            all.markers, all.resolved, all.dangling, all.placeholder, all.unused, all.duplicate,
            nu);
    return CCK_OK;
}

cck_status cck_rep_cites_audit(FILE *out, const cck_corpus *c, cck_format f,
                               const cck_rep_options *o)
{
    cck_status st = f == CCK_FMT_JSONL ? jsonl(out, c) : human(out, c, f == CCK_FMT_MD, o);
    if (fflush(out) != 0 || ferror(out))
        return CCK_ERR_IO;
    return st;
}
