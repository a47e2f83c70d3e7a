/* findings.c: the findings every CI format lists (a claim of a conflicting
 * subject, a citation marker that resolves nowhere, an uncited figure in a
 * conflict), the importance order of conflicts, and the two line formats
 * built on them: `findings` (path:line:col: severity: message) and GitHub
 * workflow annotations. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "interval.h"   /* cck_rec_spread(), cck_rec_psort() */
#include "report_int.h"

const char *cck_rep_find_name(cck_find_kind k)
{
    switch (k) {
    case CCK_FIND_CONFLICT: return "conflict";
    case CCK_FIND_DANGLING: return "dangling-citation";
    default: return "uncited";
    }
}

/* ---- building messages ----------------------------------------------------- */

/* Messages are written through one buffer stream, emptied for each: a
 * memory stream opened and closed per message (two per conflict claim)
 * was 0.6 s of `check -f junit` on 100 MB, in open_memstream() alone. */
typedef struct {
    cck_rep_buf b, *cur;
    FILE *f;
} sbuf;

static void sb_init(sbuf *sb)
{
    memset(&sb->b, 0, sizeof sb->b);
    sb->cur = &sb->b;
    sb->f = cck_rep_buf_open(&sb->cur);
}

/* A new message: what the stream held went out with the last sb_take(). */
static FILE *sb_start(sbuf *sb)
{
    sb->b.len = 0;
    return sb->f;
}

/* The message written since sb_start(), cleaned into one safe line. */
static char *sb_take(sbuf *sb)
{
    fflush(sb->f);
    return cck_rep_clean(sb->b.buf, sb->b.len, NULL, NULL);
}

static void sb_free(sbuf *sb)
{
    fclose(sb->f);
    free(sb->b.buf);
}

static void put_span(FILE *f, const cck_claim *cl)
{
    size_t cs, ce;
    cck_rep_claim_span(cl, &cs, &ce, NULL, NULL);
    fputc('"', f);
    fwrite(cl->src->bytes + cs, 1, ce - cs, f);
    fputc('"', f);
}

static void put_loc(FILE *f, const cck_claim *cl, bool col)
{
    size_t cs, ce;
    unsigned line, c;
    cck_rep_claim_span(cl, &cs, &ce, &line, &c);
    if (col)
        fprintf(f, "%s:%u:%u", cck_rep_basename(cl->src->path), line, c);
    else
        fprintf(f, "%s:%u", cck_rep_basename(cl->src->path), line);
}

enum { MAX_VALUES = 6, MAX_LOCS = 3 };

/* The distinct values of a group's claims in the order they first appear,
 * each with its first MAX_LOCS + 1 claims: made once for a group, so that
 * listing the other values for each of its claims does not format every
 * claim's value again for each: quadratic in a conflict's claims, and the
 * 100 MB bench corpus has conflicts of up to 22,034 of them (check -f json
 * took 103 s there). */
typedef struct {
    char v[128];
    size_t first;       /* its first claim's index in the group */
    size_t nlocs;       /* claims of the value kept, at most MAX_LOCS + 1 */
    const cck_claim *locs[MAX_LOCS + 1];
} gval;

typedef struct {
    gval *v;
    size_t n;
    char (*of)[128];    /* the value of each claim of the group */
} gvals;

typedef struct {
    const char *v;
    size_t i;
} vref;

static int by_value(const void *a, const void *b)
{
    const vref *x = a, *y = b;
    int c = strcmp(x->v, y->v);
    return c ? c : (x->i > y->i) - (x->i < y->i);
}

static int by_first(const void *a, const void *b)
{
    const gval *x = a, *y = b;
    return (x->first > y->first) - (x->first < y->first);
}

static void gvals_make(gvals *gv, const cck_group *g)
{
    size_t n = g->nclaims;
    char (*vs)[128] = cck_xcalloc(n ? n : 1, sizeof *vs);
    gv->of = vs;
    vref *r = cck_xcalloc(n ? n : 1, sizeof *r);
    for (size_t i = 0; i < n; i++) {
        cck_rep_value(vs[i], sizeof vs[i], g->claims[i]);
        r[i] = (vref){vs[i], i};
    }
    qsort(r, n, sizeof *r, by_value);
    gv->v = cck_xcalloc(n ? n : 1, sizeof *gv->v);
    gv->n = 0;
    for (size_t i = 0; i < n; i++) {
        if (!i || strcmp(r[i].v, r[i - 1].v)) {
            gval *d = &gv->v[gv->n++];
            memcpy(d->v, r[i].v, sizeof d->v);
            d->first = r[i].i;
            d->nlocs = 0;
        }
        gval *d = &gv->v[gv->n - 1];
        if (d->nlocs <= MAX_LOCS)
            d->locs[d->nlocs++] = g->claims[r[i].i];
    }
    qsort(gv->v, gv->n, sizeof *gv->v, by_first);
    free(r);
}

static void gvals_free(gvals *gv)
{
    free(gv->v);
    free(gv->of);
}

/* "V1 (a.txt:3, b.txt:5) vs V2 (c.txt:9)": the distinct values of the
 * group other than skip (NULL: all), each with where it is stated. */
static void put_values(FILE *f, const gvals *gv, const char *skip, const char *sep)
{
    size_t shown = 0;
    bool more = false;
    for (size_t k = 0; k < gv->n; k++) {
        const gval *d = &gv->v[k];
        if (skip && !strcmp(d->v, skip))
            continue;
        if (shown == MAX_VALUES) {
            more = true;
            break;
        }
        if (shown++)
            fputs(sep, f);
        fprintf(f, "%s (", d->v);
        for (size_t l = 0; l < d->nlocs; l++) {
            if (l == MAX_LOCS) {
                fputs(", \xE2\x80\xA6", f);
                break;
            }
            if (l)
                fputs(", ", f);
            put_loc(f, d->locs[l], false);
        }
        fputc(')', f);
    }
    if (more)
        fprintf(f, "%s\xE2\x80\xA6", sep);
}

const cck_claim *cck_rep_conflict_anchor(const cck_group *g)
{
    for (size_t i = 0; i < g->nclaims; i++)
        if (g->claims[i] != g->favoured)
            return g->claims[i];
    return g->nclaims ? g->claims[0] : NULL;
}

char *cck_rep_conflict_line(const cck_group *g)
{
    sbuf b;
    sb_init(&b);
    FILE *f = sb_start(&b);
    char *subj = cck_rep_subject(g->entity, g->attribute, g->as_of);
    fprintf(f, "%s: ", subj);
    free(subj);
    gvals gv;
    gvals_make(&gv, g);
    put_values(f, &gv, NULL, " vs ");
    gvals_free(&gv);
    if (g->favoured) {
        char v[128];
        cck_rep_value(v, sizeof v, g->favoured);
        fprintf(f, "; favoured %s (", v);
        put_loc(f, g->favoured, true);
        fputc(')', f);
    }
    char *r = sb_take(&b);
    sb_free(&b);
    return r;
}

/* ---- the findings ---------------------------------------------------------- */

typedef struct {
    cck_finding *v;
    size_t n, cap;
    const cck_rep_index *ix;
    const cck_corpus *c;
    unsigned kinds;     /* CCK_FIND_BIT() of those wanted */
    sbuf sb;
} flist;

static cck_finding *push(flist *l, cck_find_kind k, cck_severity sev, const cck_source *s,
                         size_t start, size_t end, size_t group)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? 2 * l->cap : 32;
        l->v = cck_xreallocarray(l->v, l->cap, sizeof *l->v);
    }
    cck_finding *f = &l->v[l->n++];
    memset(f, 0, sizeof *f);
    f->kind = k;
    f->sev = sev;
    f->src = s;
    f->start = start < s->len ? start : s->len;
    f->end = end < s->len ? end : s->len;
    if (f->end < f->start)
        f->end = f->start;
    cck_source_linecol(s, f->start, &f->line, &f->col);
    f->group = group;
    f->src_pos = cck_rep_source_pos(l->ix, s);
    return f;
}

static void conflict_findings(flist *l, size_t gi)
{
    const cck_group *g = &l->c->groups[gi];
    char fav[128] = "";
    if (g->favoured)
        cck_rep_value(fav, sizeof fav, g->favoured);
    char *subj = cck_rep_subject(g->entity, g->attribute, g->as_of);
    gvals gv;
    gvals_make(&gv, g);
    for (size_t i = 0; i < g->nclaims; i++) {
        const cck_claim *cl = g->claims[i];
        const char *v = gv.of[i];
        bool agrees = g->favoured && !strcmp(v, fav);
        size_t cs, ce;
        cck_rep_claim_span(cl, &cs, &ce, NULL, NULL);
        if (cck_rep_claim_uncited(cl) && (l->kinds & CCK_FIND_BIT(CCK_FIND_UNCITED))) {
            FILE *m = sb_start(&l->sb);
            fprintf(m, "uncited: %s: ", subj);
            put_span(m, cl);
            fputs(" is disputed and cites no source", m);
            char *msg = sb_take(&l->sb);
            push(l, CCK_FIND_UNCITED, CCK_SEV_NOTE, cl->src, cs, ce, gi)->msg = msg;
        }
        if (!(l->kinds & CCK_FIND_BIT(CCK_FIND_CONFLICT)))
            continue;
        FILE *m = sb_start(&l->sb);
        fprintf(m, "conflict: %s: ", subj);
        put_span(m, cl);
        fprintf(m, " (%s)", v);
        if (cl == g->favoured) {
            fputs(" is the favoured value; against it: ", m);
            put_values(m, &gv, v, "; ");
        } else if (agrees) {
            fputs(" agrees with the favoured value; against it: ", m);
            put_values(m, &gv, v, "; ");
        } else if (g->favoured) {
            fputs(" vs favoured ", m);
            put_span(m, g->favoured);
            fprintf(m, " (%s, ", fav);
            put_loc(m, g->favoured, true);
            fputc(')', m);
        } else {
            fputs(" vs ", m);
            put_values(m, &gv, v, "; ");
        }
        char *msg = sb_take(&l->sb);
        push(l, CCK_FIND_CONFLICT, cl == g->favoured || agrees ? CCK_SEV_NOTE : CCK_SEV_WARNING,
             cl->src, cs, ce, gi)->msg = msg;
    }
    gvals_free(&gv);
    free(subj);
}

static int by_place(const void *a, const void *b)
{
    const cck_finding *x = a, *y = b;
    if (x->src_pos != y->src_pos)
        return x->src_pos < y->src_pos ? -1 : 1;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    if (x->kind != y->kind)
        return x->kind < y->kind ? -1 : 1;
    if (x->group != y->group)
        return x->group < y->group ? -1 : 1;
    int m = strcmp(x->msg, y->msg);
    if (m)
        return m;
    return (x->seq > y->seq) - (x->seq < y->seq);
}

/* The conflicts' findings in slices of about equal claims, one list a
 * slice, for the threads: conflict groups conf[at[t], at[t + 1]) are
 * slice t's. */
typedef struct {
    const cck_corpus *c;
    const cck_rep_index *ix;
    unsigned kinds;
    const size_t *conf;
    const size_t *at;
    flist *lists;
} slicing;

static void slice_findings(void *ctx, size_t t)
{
    const slicing *sl = ctx;
    flist *l = &sl->lists[t];
    *l = (flist){.ix = sl->ix, .c = sl->c, .kinds = sl->kinds};
    sb_init(&l->sb);
    for (size_t k = sl->at[t]; k < sl->at[t + 1]; k++)
        conflict_findings(l, sl->conf[k]);
    sb_free(&l->sb);
}

/* Every conflict's findings into l, in group order, on up to jobs threads. */
static void conflicts_findings(flist *l, unsigned jobs)
{
    const cck_corpus *c = l->c;
    size_t *conf = cck_xcalloc(c->ngroups ? c->ngroups : 1, sizeof *conf);
    size_t nconf = 0, claims = 0;
    for (size_t i = 0; i < c->ngroups; i++)
        if (c->groups[i].status == CCK_GROUP_CONFLICT) {
            conf[nconf++] = i;
            claims += c->groups[i].nclaims;
        }
    size_t nk = cck_rec_slices(jobs, claims);
    nk = nk < nconf ? nk : nconf ? nconf : 1;
    size_t *at = cck_xcalloc(nk + 1, sizeof *at);
    for (size_t t = 1, k = 0, acc = 0; t < nk; t++) {
        while (k < nconf && acc < claims / nk * t)
            acc += c->groups[conf[k++]].nclaims;
        at[t] = k;
    }
    at[nk] = nconf;
    flist *lists = cck_xcalloc(nk, sizeof *lists);
    slicing sl = {c, l->ix, l->kinds, conf, at, lists};
    cck_rec_spread(jobs, nk, slice_findings, &sl);
    for (size_t t = 0; t < nk; t++) {
        if (l->n + lists[t].n > l->cap) {
            l->cap = l->n + lists[t].n;
            l->v = cck_xreallocarray(l->v, l->cap, sizeof *l->v);
        }
        if (lists[t].n)
            memcpy(l->v + l->n, lists[t].v, lists[t].n * sizeof *l->v);
        l->n += lists[t].n;
        free(lists[t].v);
    }
    free(lists);
    free(at);
    free(conf);
}

size_t cck_rep_findings(const cck_corpus *c, cck_finding **out)
{
    return cck_rep_findings_of(c, ~0u, 1, out);
}

size_t cck_rep_findings_of(const cck_corpus *c, unsigned kinds, unsigned jobs,
                           cck_finding **out)
{
    cck_rep_index ix;
    cck_rep_index_init(&ix, c);
    flist l = {.ix = &ix, .c = c, .kinds = kinds};
    if (kinds & (CCK_FIND_BIT(CCK_FIND_CONFLICT) | CCK_FIND_BIT(CCK_FIND_UNCITED)))
        conflicts_findings(&l, jobs);
    sb_init(&l.sb);
    for (size_t i = 0; i < c->nsources && (kinds & CCK_FIND_BIT(CCK_FIND_DANGLING)); i++) {
        const cck_source *s = c->sources[i];
        for (size_t j = 0; j < s->ncites; j++) {
            const cck_cite *ct = &s->cites[j];
            if (ct->ref >= 0)
                continue;
            size_t n;
            const char *m = cck_cite_marker(s, ct, &n);
            fprintf(sb_start(&l.sb), "dangling-citation: marker \"%.*s\" %s", (int)n, m,
                    ct->placeholder ? "is a placeholder link" : "resolves to no reference entry");
            cck_finding *f = push(&l, CCK_FIND_DANGLING, CCK_SEV_WARNING, s, ct->start, ct->end,
                                  SIZE_MAX);
            f->msg = sb_take(&l.sb);
        }
    }
    sb_free(&l.sb);
    /* in the order one thread makes them, the last of by_place()'s keys:
     * a total order, so that any sort, on any number of threads, gives the
     * order a stable sort of them gives */
    for (size_t i = 0; i < l.n; i++)
        l.v[i].seq = i;
    if (l.n)
        cck_rec_psort(l.v, l.n, sizeof *l.v, by_place, jobs);
    cck_rep_index_free(&ix);
    *out = l.v;
    return l.n;
}

void cck_rep_findings_free(cck_finding *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(v[i].msg);
    free(v);
}

/* ---- importance ------------------------------------------------------------ */

static const cck_corpus *order_corpus;

static int by_importance(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    const cck_group *g = &order_corpus->groups[x], *h = &order_corpus->groups[y];
    if (g->nsources != h->nsources)
        return g->nsources > h->nsources ? -1 : 1;
    if (g->nclaims != h->nclaims)
        return g->nclaims > h->nclaims ? -1 : 1;
    return x < y ? -1 : x > y;
}

size_t cck_rep_conflict_order(const cck_corpus *c, size_t **out)
{
    size_t n = 0;
    size_t *v = cck_xcalloc(c->ngroups ? c->ngroups : 1, sizeof *v);
    for (size_t i = 0; i < c->ngroups; i++)
        if (c->groups[i].status == CCK_GROUP_CONFLICT)
            v[n++] = i;
    order_corpus = c;
    if (n)
        qsort(v, n, sizeof *v, by_importance);
    order_corpus = NULL;
    *out = v;
    return n;
}

/* ---- the findings format --------------------------------------------------- */

static const char *sev_name(cck_severity s)
{
    return s == CCK_SEV_ERROR ? "error" : s == CCK_SEV_WARNING ? "warning" : "note";
}

cck_status cck_rep_findings_write(FILE *out, const cck_corpus *c, bool groups, unsigned jobs)
{
    cck_finding *v;
    size_t n = cck_rep_findings_of(c, groups ? ~0u : CCK_FIND_BIT(CCK_FIND_DANGLING), jobs, &v);
    for (size_t i = 0; i < n; i++) {
        char *path = cck_rep_clean(v[i].src->path, strlen(v[i].src->path), NULL, NULL);
        fprintf(out, "%s:%u:%u: %s: %s\n", path, v[i].line, v[i].col, sev_name(v[i].sev),
                v[i].msg);
        free(path);
    }
    cck_rep_findings_free(v, n);
    return CCK_OK;
}

/* ---- GitHub workflow annotations -------------------------------------------- */

/* GitHub's escaping of workflow command data; properties also escape ":"
 * and ",". */
static void gh_escape(FILE *out, const char *s, bool property)
{
    for (; *s; s++) {
        if (*s == '%') fputs("%25", out);
        else if (*s == '\r') fputs("%0D", out);
        else if (*s == '\n') fputs("%0A", out);
        else if (property && *s == ':') fputs("%3A", out);
        else if (property && *s == ',') fputs("%2C", out);
        else fputc(*s, out);
    }
}

static void gh_command(FILE *out, const char *level, const cck_source *s, unsigned line,
                       unsigned col, const char *title, const char *msg)
{
    fprintf(out, "::%s file=", level);
    char *path = cck_rep_clean(s->path, strlen(s->path), NULL, NULL);
    gh_escape(out, path, true);
    free(path);
    fprintf(out, ",line=%u,col=%u,title=", line, col);
    gh_escape(out, title, true);
    fputs("::", out);
    gh_escape(out, msg, false);
    fputc('\n', out);
}

/* GitHub shows at most 10 annotations of each level per step. */
enum { GH_MAX = 10 };

cck_status cck_rep_github(FILE *out, const cck_corpus *c, bool groups)
{
    size_t *order = NULL, nconf = 0, shown_conf = 0;
    if (groups) {
        nconf = cck_rep_conflict_order(c, &order);
        for (size_t k = 0; k < nconf && k < GH_MAX; k++) {
            const cck_group *g = &c->groups[order[k]];
            const cck_claim *at = cck_rep_conflict_anchor(g);
            if (!at)
                continue;
            size_t cs, ce;
            unsigned line, col;
            cck_rep_claim_span(at, &cs, &ce, &line, &col);
            char *msg = cck_rep_conflict_line(g);
            char *subj = cck_rep_subject(g->entity, g->attribute, g->as_of);
            size_t tn = strlen(subj) + 32;
            char *title = cck_xmalloc(tn);
            snprintf(title, tn, "claimcheck conflict: %s", subj);
            gh_command(out, "warning", at->src, line, col, title, msg);
            shown_conf++;
            free(title);
            free(subj);
            free(msg);
        }
        free(order);
    }
    cck_finding *v;
    size_t ndang = cck_rep_findings_of(c, CCK_FIND_BIT(CCK_FIND_DANGLING), 1, &v);
    size_t shown_dang = ndang < GH_MAX ? ndang : GH_MAX;
    for (size_t i = 0; i < shown_dang; i++)
        gh_command(out, "notice", v[i].src, v[i].line, v[i].col,
                   "claimcheck dangling citation", v[i].msg);
    cck_rep_findings_free(v, ndang);
    size_t unc = groups ? cck_rep_count_uncited(c) : 0;
    char *sum = cck_rep_summary(c);
    fprintf(out, "claimcheck: %s; %zu dangling citation%s, %zu uncited disputed figure%s; "
                 "annotated %zu of %zu conflict%s and %zu of %zu dangling citation%s\n",
            sum, ndang, ndang == 1 ? "" : "s", unc, unc == 1 ? "" : "s", shown_conf, nconf,
            nconf == 1 ? "" : "s", shown_dang, ndang, ndang == 1 ? "" : "s");
    free(sum);
    return CCK_OK;
}
