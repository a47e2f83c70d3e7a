/* diff.c: two versions of the same sources compared claim by claim (within
 * a source and subject, equal values first, the rest paired in file order)
 * and conflict by conflict (by fingerprint; the same subject with other
 * values is a conflict changed). */
#include <stdlib.h>
#include <string.h>

#include "diff.h"
#include "report.h"

typedef struct {
    const char *rel;       /* path below the root (borrowed) */
    char *subject;         /* entity \x1f attribute \x1f as_of (owned) */
    char *value;           /* cck_rep_value_key (owned) */
    const cck_claim *cl;
    bool matched;
} rec;

static const char *base_of(const char *path)
{
    const char *s = strrchr(path, '/');
    return s && s[1] ? s + 1 : path;
}

static const char *rel_of(const char *path, const char *root)
{
    size_t n = strlen(root);
    while (n > 1 && root[n - 1] == '/')
        n--;
    if (!strncmp(path, root, n) && path[n] == '/')
        return path + n + 1;
    return "";   /* the root is the file itself */
}

static char *subject_key(const cck_claim *cl)
{
    const char *p[] = {cl->entity ? cl->entity : "", cl->attribute ? cl->attribute : "",
                       cl->as_of ? cl->as_of : ""};
    size_t n = strlen(p[0]) + strlen(p[1]) + strlen(p[2]) + 3;
    char *r = cck_xmalloc(n);
    snprintf(r, n, "%s\x1f%s\x1f%s", p[0], p[1], p[2]);
    return r;
}

static int by_bucket(const void *x, const void *y)
{
    const rec *a = x, *b = y;
    int c = strcmp(a->rel, b->rel);
    if (!c)
        c = strcmp(a->subject, b->subject);
    if (!c)
        c = a->cl->start < b->cl->start ? -1 : a->cl->start > b->cl->start;
    return c;
}

static rec *collect(const cck_corpus *c, const char *root, size_t *n)
{
    size_t total = cck_corpus_nclaims(c), k = 0;
    rec *v = cck_xcalloc(total ? total : 1, sizeof *v);
    for (size_t i = 0; i < c->nsources; i++) {
        const cck_source *s = c->sources[i];
        for (size_t j = 0; j < s->nclaims; j++) {
            v[k].rel = rel_of(s->path, root);
            v[k].subject = subject_key(&s->claims[j]);
            v[k].value = cck_rep_value_key(&s->claims[j]);
            v[k].cl = &s->claims[j];
            k++;
        }
    }
    if (k)
        qsort(v, k, sizeof *v, by_bucket);
    *n = k;
    return v;
}

static void free_recs(rec *v, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(v[i].subject);
        free(v[i].value);
    }
    free(v);
}

typedef enum { ADDED, REMOVED, CHANGED } change_kind;

typedef struct {
    change_kind kind;
    const rec *old, *new_;
} change;

typedef struct {
    change *v;
    size_t n, cap;
} changes;

static void add_change(changes *c, change_kind k, const rec *o, const rec *n)
{
    if (c->n == c->cap) {
        c->cap = c->cap ? 2 * c->cap : 16;
        c->v = cck_xreallocarray(c->v, c->cap, sizeof *c->v);
    }
    c->v[c->n++] = (change){k, o, n};
}

/* The end of the bucket (same rel and subject) starting at i. */
static size_t bucket_end(const rec *v, size_t n, size_t i)
{
    size_t j = i + 1;
    while (j < n && !strcmp(v[j].rel, v[i].rel) && !strcmp(v[j].subject, v[i].subject))
        j++;
    return j;
}

static int cmp_bucket(const rec *a, const rec *b)
{
    int c = strcmp(a->rel, b->rel);
    return c ? c : strcmp(a->subject, b->subject);
}

/* Within one bucket: equal values pair up first (moved text is no
 * change); what is left pairs in file order as changed. */
static void diff_bucket(changes *out, rec *a, size_t na, rec *b, size_t nb)
{
    for (size_t i = 0; i < na; i++)
        for (size_t j = 0; j < nb; j++)
            if (!b[j].matched && !strcmp(a[i].value, b[j].value)) {
                a[i].matched = b[j].matched = true;
                break;
            }
    size_t i = 0, j = 0;
    for (;;) {
        while (i < na && a[i].matched)
            i++;
        while (j < nb && b[j].matched)
            j++;
        if (i == na || j == nb)
            break;
        a[i].matched = b[j].matched = true;
        add_change(out, CHANGED, &a[i], &b[j]);
    }
    for (size_t k = 0; k < na; k++)
        if (!a[k].matched)
            add_change(out, REMOVED, &a[k], NULL);
    for (size_t k = 0; k < nb; k++)
        if (!b[k].matched)
            add_change(out, ADDED, NULL, &b[k]);
}

/* ---- conflicts ------------------------------------------------------------- */

typedef struct {
    char fp[17];
    char *subject;      /* for pairing and sorting (owned) */
    const cck_group *g;
    bool matched;
} conf;

static int by_conf(const void *x, const void *y)
{
    const conf *a = x, *b = y;
    int c = strcmp(a->subject, b->subject);
    return c ? c : strcmp(a->fp, b->fp);
}

static conf *conflicts_of(const cck_corpus *c, size_t *n)
{
    conf *v = cck_xcalloc(c->ngroups ? c->ngroups : 1, sizeof *v);
    size_t k = 0;
    for (size_t i = 0; i < c->ngroups; i++) {
        const cck_group *g = &c->groups[i];
        if (g->status != CCK_GROUP_CONFLICT)
            continue;
        cck_rep_fingerprint(v[k].fp, g);
        const char *p[] = {g->entity ? g->entity : "", g->attribute ? g->attribute : "",
                           g->as_of ? g->as_of : ""};
        size_t len = strlen(p[0]) + strlen(p[1]) + strlen(p[2]) + 3;
        v[k].subject = cck_xmalloc(len);
        snprintf(v[k].subject, len, "%s\x1f%s\x1f%s", p[0], p[1], p[2]);
        v[k].g = g;
        k++;
    }
    if (k)
        qsort(v, k, sizeof *v, by_conf);
    *n = k;
    return v;
}

/* ---- writing --------------------------------------------------------------- */

static void put_subject(FILE *out, const char *key)
{
    /* entity · attribute (as of X) */
    const char *a = strchr(key, '\x1f');
    const char *b = a ? strchr(a + 1, '\x1f') : NULL;
    if (!a || !b) {
        fputs(key, out);
        return;
    }
    fprintf(out, "%.*s \xC2\xB7 %.*s", (int)(a - key), *key ? key : "?", (int)(b - a - 1), a + 1);
    if (b[1])
        fprintf(out, " (as of %s)", b + 1);
}

/* A claim's span and readable value, as "\"830 mm\" (0.83 m)", one line. */
static void put_claim(FILE *out, const cck_claim *cl)
{
    const cck_source *s = cl->src;
    size_t cs = cl->start < s->len ? cl->start : s->len;
    size_t ce = cl->end < s->len ? cl->end : s->len;
    fputc('"', out);
    for (size_t i = cs; i < ce; i++) {
        unsigned char ch = (unsigned char)s->bytes[i];
        fputc(ch < 0x20 || ch == 0x7F ? ' ' : ch, out);
    }
    fputc('"', out);
}

static unsigned line_of(const cck_claim *cl)
{
    unsigned line, col;
    cck_source_linecol(cl->src, cl->start, &line, &col);
    return line;
}

static void json_claim(FILE *out, const rec *r)
{
    const cck_claim *cl = r->cl;
    const cck_source *s = cl->src;
    unsigned line, col;
    cck_source_linecol(s, cl->start, &line, &col);
    size_t cs = cl->start < s->len ? cl->start : s->len;
    size_t ce = cl->end < s->len ? cl->end : s->len;
    fputs("{\"doc\": ", out);
    cck_rep_json_string(out, s->path, strlen(s->path));
    fprintf(out, ", \"line\": %u, \"col\": %u, \"span\": ", line, col);
    cck_rep_json_string(out, s->bytes + cs, ce > cs ? ce - cs : 0);
    fputs(", \"value\": ", out);
    cck_rep_json_string(out, r->value, strlen(r->value));
    const char *f[] = {"entity", "attribute", "as_of"};
    const char *v[] = {cl->entity, cl->attribute, cl->as_of};
    for (size_t i = 0; i < 3; i++) {
        fprintf(out, ", \"%s\": ", f[i]);
        if (v[i])
            cck_rep_json_string(out, v[i], strlen(v[i]));
        else
            fputs("null", out);
    }
    fputc('}', out);
}

static void json_conf(FILE *out, const conf *c)
{
    fprintf(out, "{\"fingerprint\": \"%s\", \"subject\": ", c->fp);
    char *t = cck_rep_fingerprint_text(c->g);
    cck_rep_json_string(out, t, strlen(t));
    free(t);
    fputc('}', out);
}

cck_status cck_diff_write(FILE *out, const cck_corpus *a, const char *root_a,
                          const cck_corpus *b, const char *root_b, bool json,
                          cck_diff_counts *counts)
{
    memset(counts, 0, sizeof *counts);
    size_t na, nb;
    rec *ra = collect(a, root_a, &na), *rb = collect(b, root_b, &nb);
    changes ch = {NULL, 0, 0};
    for (size_t i = 0, j = 0; i < na || j < nb;) {
        int c = i == na ? 1 : j == nb ? -1 : cmp_bucket(&ra[i], &rb[j]);
        size_t ie = i < na ? bucket_end(ra, na, i) : i, je = j < nb ? bucket_end(rb, nb, j) : j;
        if (c < 0) {
            diff_bucket(&ch, ra + i, ie - i, NULL, 0);
            i = ie;
        } else if (c > 0) {
            diff_bucket(&ch, NULL, 0, rb + j, je - j);
            j = je;
        } else {
            diff_bucket(&ch, ra + i, ie - i, rb + j, je - j);
            i = ie;
            j = je;
        }
    }
    size_t nca, ncb;
    conf *ca = conflicts_of(a, &nca), *cb = conflicts_of(b, &ncb);
    for (size_t i = 0; i < nca; i++)
        for (size_t j = 0; j < ncb; j++)
            if (!cb[j].matched && !strcmp(ca[i].fp, cb[j].fp)) {
                ca[i].matched = cb[j].matched = true;
                break;
            }
    /* the same subject on both sides with other values: changed */
    const conf **rew_old = cck_xcalloc(nca ? nca : 1, sizeof *rew_old);
    const conf **rew_new = cck_xcalloc(nca ? nca : 1, sizeof *rew_new);
    size_t nrew = 0;
    for (size_t i = 0; i < nca; i++) {
        if (ca[i].matched)
            continue;
        for (size_t j = 0; j < ncb; j++)
            if (!cb[j].matched && !strcmp(ca[i].subject, cb[j].subject)) {
                ca[i].matched = cb[j].matched = true;
                rew_old[nrew] = &ca[i];
                rew_new[nrew++] = &cb[j];
                break;
            }
    }

    for (size_t k = 0; k < ch.n; k++) {
        if (ch.v[k].kind == ADDED) counts->added++;
        else if (ch.v[k].kind == REMOVED) counts->removed++;
        else counts->changed++;
    }
    for (size_t j = 0; j < ncb; j++)
        counts->introduced += !cb[j].matched;
    for (size_t i = 0; i < nca; i++)
        counts->resolved += !ca[i].matched;
    counts->reworked = nrew;

    static const char *const names[] = {"added", "removed", "changed"};
    static const char marks[] = {'+', '-', '~'};
    if (json) {
        fputs("{\n  \"claims\": {", out);
        for (int kind = 0; kind < 3; kind++) {
            fprintf(out, "%s\n    \"%s\": [", kind ? "," : "", names[kind]);
            bool first = true;
            for (size_t k = 0; k < ch.n; k++) {
                if ((int)ch.v[k].kind != kind)
                    continue;
                fputs(first ? "\n      " : ",\n      ", out);
                first = false;
                if (kind == CHANGED) {
                    fputs("{\"old\": ", out);
                    json_claim(out, ch.v[k].old);
                    fputs(", \"new\": ", out);
                    json_claim(out, ch.v[k].new_);
                    fputc('}', out);
                } else {
                    json_claim(out, kind == ADDED ? ch.v[k].new_ : ch.v[k].old);
                }
            }
            fputs(first ? "]" : "\n    ]", out);
        }
        fputs("\n  },\n  \"conflicts\": {\n    \"introduced\": [", out);
        bool first = true;
        for (size_t j = 0; j < ncb; j++)
            if (!cb[j].matched) {
                fputs(first ? "\n      " : ",\n      ", out);
                first = false;
                json_conf(out, &cb[j]);
            }
        fputs(first ? "],\n    \"resolved\": [" : "\n    ],\n    \"resolved\": [", out);
        first = true;
        for (size_t i = 0; i < nca; i++)
            if (!ca[i].matched) {
                fputs(first ? "\n      " : ",\n      ", out);
                first = false;
                json_conf(out, &ca[i]);
            }
        fputs(first ? "],\n    \"changed\": [" : "\n    ],\n    \"changed\": [", out);
        for (size_t k = 0; k < nrew; k++) {
            fputs(k ? ",\n      {\"old\": " : "\n      {\"old\": ", out);
            json_conf(out, rew_old[k]);
            fputs(", \"new\": ", out);
            json_conf(out, rew_new[k]);
            fputc('}', out);
        }
        fputs(nrew ? "\n    ]\n  }\n}\n" : "]\n  }\n}\n", out);
    } else {
        for (int kind = 0; kind < 3; kind++) {
            size_t cnt = kind == ADDED ? counts->added : kind == REMOVED ? counts->removed
                                                                         : counts->changed;
            if (!cnt)
                continue;
            fprintf(out, "claims %s (%zu)\n", names[kind], cnt);
            for (size_t k = 0; k < ch.n; k++) {
                if ((int)ch.v[k].kind != kind)
                    continue;
                const rec *o = ch.v[k].old, *n = ch.v[k].new_;
                const rec *any = n ? n : o;
                fprintf(out, "  %c %s:", marks[kind], *any->rel ? any->rel
                        : base_of(any->cl->src->path));
                if (o && n)
                    fprintf(out, "%u -> %u  ", line_of(o->cl), line_of(n->cl));
                else
                    fprintf(out, "%u  ", line_of(any->cl));
                put_subject(out, any->subject);
                fputs(": ", out);
                if (o)
                    put_claim(out, o->cl);
                if (o && n)
                    fputs(" -> ", out);
                if (n)
                    put_claim(out, n->cl);
                fputc('\n', out);
            }
            fputc('\n', out);
        }
        if (counts->introduced) {
            fprintf(out, "conflicts introduced (%zu)\n", counts->introduced);
            for (size_t j = 0; j < ncb; j++)
                if (!cb[j].matched) {
                    char *t = cck_rep_fingerprint_text(cb[j].g);
                    fprintf(out, "  + %s  %s\n", cb[j].fp, t);
                    free(t);
                }
            fputc('\n', out);
        }
        if (counts->resolved) {
            fprintf(out, "conflicts resolved (%zu)\n", counts->resolved);
            for (size_t i = 0; i < nca; i++)
                if (!ca[i].matched) {
                    char *t = cck_rep_fingerprint_text(ca[i].g);
                    fprintf(out, "  - %s  %s\n", ca[i].fp, t);
                    free(t);
                }
            fputc('\n', out);
        }
        if (nrew) {
            fprintf(out, "conflicts changed (%zu)\n", nrew);
            for (size_t k = 0; k < nrew; k++) {
                char *t1 = cck_rep_fingerprint_text(rew_old[k]->g);
                char *t2 = cck_rep_fingerprint_text(rew_new[k]->g);
                fprintf(out, "  ~ %s -> %s\n      was %s\n      now %s\n", rew_old[k]->fp,
                        rew_new[k]->fp, t1, t2);
                free(t1);
                free(t2);
            }
            fputc('\n', out);
        }
        fprintf(out, "%zu claim%s added, %zu removed, %zu changed; %zu conflict%s introduced, "
                     "%zu resolved, %zu changed\n",
                counts->added, counts->added == 1 ? "" : "s", counts->removed, counts->changed,
                counts->introduced, counts->introduced == 1 ? "" : "s", counts->resolved,
                counts->reworked);
    }
    free(rew_old);
    free(rew_new);
    for (size_t i = 0; i < nca; i++)
        free(ca[i].subject);
    for (size_t j = 0; j < ncb; j++)
        free(cb[j].subject);
    free(ca);
    free(cb);
    free(ch.v);
    free_recs(ra, na);
    free_recs(rb, nb);
    return fflush(out) == 0 && !ferror(out) ? CCK_OK : CCK_ERR_IO;
}
