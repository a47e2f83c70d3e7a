/* baseline.c: the baseline file of known conflicts (one fingerprint a line,
 * with the subject and values for people) and the filtered view of a
 * corpus that `check --baseline` and `--changed` report on. */
#define _DEFAULT_SOURCE
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "baseline.h"
#include "report.h"

void cck_fpset_free(cck_fpset *s)
{
    free(s->v);
    memset(s, 0, sizeof *s);
}

static size_t lower_bound(const cck_fpset *s, const char *fp)
{
    size_t lo = 0, hi = s->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(s->v[mid], fp) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

bool cck_fpset_has(const cck_fpset *s, const char *fp)
{
    size_t i = lower_bound(s, fp);
    return i < s->n && !strcmp(s->v[i], fp);
}

void cck_fpset_add(cck_fpset *s, const char *fp)
{
    size_t i = lower_bound(s, fp);
    if (i < s->n && !strcmp(s->v[i], fp))
        return;
    if (s->n == s->cap) {
        s->cap = s->cap ? 2 * s->cap : 16;
        s->v = cck_xreallocarray(s->v, s->cap, sizeof *s->v);
    }
    memmove(s->v + i + 1, s->v + i, (s->n - i) * sizeof *s->v);
    memcpy(s->v[i], fp, 16);
    s->v[i][16] = '\0';
    s->n++;
}

typedef struct {
    char fp[17];
    char *text;
} entry;

static int by_fp(const void *a, const void *b)
{
    return strcmp(((const entry *)a)->fp, ((const entry *)b)->fp);
}

cck_status cck_base_write(FILE *out, const cck_corpus *c)
{
    entry *v = cck_xcalloc(c->ngroups ? c->ngroups : 1, sizeof *v);
    size_t n = 0;
    for (size_t i = 0; i < c->ngroups; i++) {
        if (c->groups[i].status != CCK_GROUP_CONFLICT)
            continue;
        cck_rep_fingerprint(v[n].fp, &c->groups[i]);
        v[n].text = cck_rep_fingerprint_text(&c->groups[i]);
        n++;
    }
    if (n)
        qsort(v, n, sizeof *v, by_fp);
    fputs("# claimcheck baseline 1: known conflicts, one a line: fingerprint, then the\n"
          "# subject and values it was made from. Lines and files do not enter it.\n", out);
    for (size_t i = 0; i < n; i++) {
        if (i && !strcmp(v[i].fp, v[i - 1].fp)) {
            free(v[i].text);
            continue;
        }
        /* the text is for people; keep it on one line */
        for (char *p = v[i].text; *p; p++)
            if (*p == '\n' || *p == '\r' || *p == '\t')
                *p = ' ';
        fprintf(out, "%s\t%s\n", v[i].fp, v[i].text);
        free(v[i].text);
    }
    free(v);
    return fflush(out) == 0 && !ferror(out) ? CCK_OK : CCK_ERR_IO;
}

static bool is_hex16(const char *s)
{
    for (size_t i = 0; i < 16; i++)
        if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
            return false;
    return s[16] == '\0' || s[16] == '\t' || s[16] == ' ' || s[16] == '\n' || s[16] == '\r';
}

/* A baseline has a line per conflict; this bounds what one read keeps. */
enum { MAX_LINE = 64 * 1024 };

cck_status cck_base_read(const char *path, cck_fpset *s, cck_diags *d)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        cck_diag_add(d, path, 0, 0, CCK_SEV_ERROR, "cannot open the baseline: %s", strerror(errno));
        return CCK_ERR_IO;
    }
    char *line = cck_xmalloc(MAX_LINE);
    unsigned no = 0;
    cck_status st = CCK_OK;
    while (fgets(line, MAX_LINE, f)) {
        no++;
        size_t k = strlen(line);
        bool whole = k && line[k - 1] == '\n';
        if (!whole && !feof(f)) {
            /* skip the rest of an overlong line, after judging its start */
            int ch;
            while ((ch = fgetc(f)) != EOF && ch != '\n')
                ;
        }
        const char *p = line;
        while (*p == ' ')
            p++;
        if (*p == '#' || *p == '\n' || *p == '\r' || !*p)
            continue;
        if (strlen(p) < 16 || !is_hex16(p)) {
            cck_diag_add(d, path, no, 1, CCK_SEV_ERROR,
                         "not a baseline entry (16 hex digits, a tab, the subject)");
            st = CCK_ERR_INPUT;
            continue;
        }
        char fp[17];
        memcpy(fp, p, 16);
        fp[16] = '\0';
        cck_fpset_add(s, fp);
    }
    if (ferror(f)) {
        cck_diag_add(d, path, 0, 0, CCK_SEV_ERROR, "cannot read the baseline");
        st = CCK_ERR_IO;
    }
    free(line);
    fclose(f);
    return st;
}

/* ---- the view ---------------------------------------------------------------- */

/* The canonical form of a path for comparing: realpath when it exists. */
static char *canon(const char *p)
{
    char *r = realpath(p, NULL);
    if (r)
        return r;
    while (p[0] == '.' && p[1] == '/')
        p += 2;
    return cck_xstrndup(p, strlen(p));
}

static int by_ptr(const void *a, const void *b)
{
    uintptr_t x = (uintptr_t)*(const cck_source *const *)a;
    uintptr_t y = (uintptr_t)*(const cck_source *const *)b;
    return (x > y) - (x < y);
}

/* True when a claim of g stands in one of the n sources of hit (sorted). */
static bool touches(const cck_group *g, const cck_source **hit, size_t n)
{
    for (size_t j = 0; j < g->nclaims; j++)
        if (n && bsearch(&g->claims[j]->src, hit, n, sizeof *hit, by_ptr))
            return true;
    return false;
}

void cck_view_init(cck_view *v, const cck_corpus *c, const cck_fpset *known,
                   char *const *changed, size_t nchanged, bool by_changed)
{
    memset(v, 0, sizeof *v);
    v->c = *c;
    if (!known && !by_changed)
        return;     /* nothing to leave out: the corpus's own groups */
    v->own_groups = true;
    v->c.groups = cck_xcalloc(c->ngroups ? c->ngroups : 1, sizeof *v->c.groups);
    v->c.ngroups = 0;
    char **ch = cck_xcalloc(nchanged ? nchanged : 1, sizeof *ch);
    for (size_t i = 0; i < nchanged; i++)
        ch[i] = canon(changed[i]);
    /* which sources count as changed, sorted by address for the lookups */
    const cck_source **hit = cck_xcalloc(c->nsources ? c->nsources : 1, sizeof *hit);
    size_t nhit = 0;
    for (size_t i = 0; i < c->nsources && nchanged; i++) {
        char *p = canon(c->sources[i]->path);
        bool h = false;
        for (size_t k = 0; k < nchanged && !h; k++) {
            size_t n = strlen(ch[k]);
            /* a changed directory covers what is under it */
            h = !strcmp(p, ch[k]) || (!strncmp(p, ch[k], n) && p[n] == '/');
        }
        if (h)
            hit[nhit++] = c->sources[i];
        free(p);
    }
    qsort(hit, nhit, sizeof *hit, by_ptr);
    for (size_t i = 0; i < c->ngroups; i++) {
        const cck_group *g = &c->groups[i];
        if (g->status == CCK_GROUP_CONFLICT && known) {
            char fp[17];
            cck_rep_fingerprint(fp, g);
            if (cck_fpset_has(known, fp)) {
                v->known++;
                continue;
            }
        }
        if (g->status == CCK_GROUP_CONFLICT && by_changed && !touches(g, hit, nhit)) {
            v->unchanged++;
            continue;
        }
        v->c.groups[v->c.ngroups++] = *g;
    }
    for (size_t i = 0; i < nchanged; i++)
        free(ch[i]);
    free(ch);
    free(hit);
}

void cck_view_free(cck_view *v)
{
    if (v->own_groups)
        free(v->c.groups);
    memset(v, 0, sizeof *v);
}
