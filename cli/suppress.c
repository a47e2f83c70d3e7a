/* suppress.c: reviewed figures left out before grouping, by inline comment
 * or by the configuration. Claims are removed from their source's array
 * (indices renumbered) so nothing downstream ever sees them. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "suppress.h"

/* Keeps the claims whose keep[] is true, in order; returns how many went. */
static size_t compact(cck_source *s, const bool *drop)
{
    size_t k = 0;
    for (size_t i = 0; i < s->nclaims; i++) {
        if (drop[i])
            continue;
        if (k != i)
            s->claims[k] = s->claims[i];
        s->claims[k].index = k;
        k++;
    }
    size_t gone = s->nclaims - k;
    s->nclaims = k;
    return gone;
}

typedef struct {
    size_t start, end;
} range;

typedef struct {
    range *v;
    size_t n, cap;
} ranges;

static void add_range(ranges *r, size_t a, size_t b)
{
    if (r->n == r->cap) {
        r->cap = r->cap ? 2 * r->cap : 8;
        r->v = cck_xreallocarray(r->v, r->cap, sizeof *r->v);
    }
    r->v[r->n++] = (range){a, b};
}

/* Lines of a text t of len bytes. */
typedef struct {
    const char *t;
    size_t len;
} text;

static size_t line_start(const text *s, size_t off)
{
    while (off > 0 && s->t[off - 1] != '\n')
        off--;
    return off;
}

static size_t line_end(const text *s, size_t off)
{
    while (off < s->len && s->t[off] != '\n')
        off++;
    return off;
}

static bool blank(const text *s, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++)
        if (s->t[i] != ' ' && s->t[i] != '\t' && s->t[i] != '\r')
            return false;
    return true;
}

/* The directive in comment text [a, b): 0 none, 1 line, 2 start, 3 end. */
static int directive(const char *p, size_t n)
{
    static const char word[] = "claimcheck-ignore";
    size_t w = sizeof word - 1;
    for (size_t i = 0; i + w <= n; i++) {
        if (memcmp(p + i, word, w))
            continue;
        const char *t = p + i + w;
        size_t left = n - i - w;
        if (left >= 6 && !memcmp(t, "-start", 6) && (left == 6 || !strchr("-abcdefghijklmnopqrstuvwxyz", t[6])))
            return 2;
        if (left >= 4 && !memcmp(t, "-end", 4) && (left == 4 || !strchr("-abcdefghijklmnopqrstuvwxyz", t[4])))
            return 3;
        if (left == 0 || !strchr("-abcdefghijklmnopqrstuvwxyz", *t))
            return 1;
    }
    return 0;
}

/* Where needle[0..k) (k >= 1) first occurs in h[0..n), or NULL: memchr()
 * to each of its first byte, rare in text ('<', '-'), where memmem()
 * spends several instructions a byte. */
static const char *find(const char *h, size_t n, const char *needle, size_t k)
{
    for (const char *p = h, *end = h + n; (size_t)(end - p) >= k; p++) {
        p = memchr(p, needle[0], (size_t)(end - p) - k + 1);
        if (!p)
            return NULL;
        if (!memcmp(p + 1, needle + 1, k - 1))
            return p;
    }
    return NULL;
}

size_t cck_sup_inline(cck_source *s, cck_diags *d)
{
    ranges r = {NULL, 0, 0};
    bool open = false;
    size_t open_at = 0;
    cck_textbuf buf = {0};
    const text tx = {cck_source_text(s, &buf), s->len};
    const char *b = tx.t;
    for (size_t i = 0; i + 4 <= s->len;) {
        const char *c = find(b + i, s->len - i, "<!--", 4);
        if (!c)
            break;
        size_t cs = (size_t)(c - b), body = cs + 4;
        const char *e = find(b + body, s->len - body, "-->", 3);
        size_t ce = e ? (size_t)(e - b) + 3 : s->len, bend = e ? (size_t)(e - b) : s->len;
        int kind = directive(b + body, bend - body);
        unsigned line, col;
        cck_source_linecol(s, cs, &line, &col);
        if (kind == 1) {
            size_t ls = line_start(&tx, cs), le = line_end(&tx, ce);
            if (blank(&tx, ls, cs) && blank(&tx, ce, le)) {
                /* alone on its line: the next line with text */
                size_t n = le < s->len ? le + 1 : le;
                while (n < s->len && blank(&tx, n, line_end(&tx, n)))
                    n = line_end(&tx, n) + 1;
                if (n < s->len)
                    add_range(&r, n, line_end(&tx, n));
            } else {
                add_range(&r, ls, le);
            }
        } else if (kind == 2) {
            if (open)
                cck_diag_add(d, s->path, line, col, CCK_SEV_WARNING,
                             "claimcheck-ignore-start inside an open ignore block");
            else {
                open = true;
                open_at = ce;
            }
        } else if (kind == 3) {
            if (!open) {
                cck_diag_add(d, s->path, line, col, CCK_SEV_WARNING,
                             "claimcheck-ignore-end without a start; ignored");
            } else {
                add_range(&r, open_at, cs);
                open = false;
            }
        }
        i = ce;
    }
    if (open) {
        unsigned line, col;
        cck_source_linecol(s, open_at, &line, &col);
        cck_diag_add(d, s->path, line, col, CCK_SEV_WARNING,
                     "claimcheck-ignore-start is never closed: ignoring to the end of the file");
        add_range(&r, open_at, s->len);
    }
    size_t gone = 0;
    if (r.n && s->nclaims) {
        bool *drop = cck_xcalloc(s->nclaims, sizeof *drop);
        for (size_t i = 0; i < s->nclaims; i++)
            for (size_t k = 0; k < r.n && !drop[i]; k++)
                drop[i] = s->claims[i].start >= r.v[k].start && s->claims[i].start < r.v[k].end;
        gone = compact(s, drop);
        free(drop);
    }
    cck_textbuf_free(&buf);
    free(r.v);
    return gone;
}

typedef struct {
    const char *path;
    bool hit;
} glob_ctx;

static bool glob_item(const char *item, size_t n, void *ctx)
{
    glob_ctx *g = ctx;
    char *pat = cck_xstrndup(item, n);
    g->hit = cck_cfg_glob(pat, g->path);
    free(pat);
    return !g->hit;
}

bool cck_sup_skip_path(const cck_config *cfg, const char *path)
{
    const char *paths = cck_cfg_get(cfg, "ignore", "paths");
    glob_ctx g = {path, false};
    if (paths)
        cck_cfg_each(paths, glob_item, &g);
    if (g.hit)
        return true;
    for (size_t i = 0; i < cfg->n; i++) {
        const cck_cfg_entry *e = &cfg->v[i];
        bool yes;
        if (cck_cfg_is_glob_section(e->section) && !strcasecmp(e->key, "skip") &&
            cck_cfg_find(cfg, e->section, "skip") == e && cck_cfg_bool(e->value, &yes) && yes &&
            cck_cfg_glob(e->section, path))
            return true;
    }
    return false;
}

size_t cck_sup_config(cck_corpus *c, const cck_config *cfg)
{
    size_t gone = 0;
    for (size_t i = 0; i < c->nsources; i++) {
        cck_source *s = c->sources[i];
        if (!s->nclaims)
            continue;
        bool *drop = cck_xcalloc(s->nclaims, sizeof *drop);
        bool any = false;
        for (size_t k = 0; k < cfg->n; k++) {
            const cck_cfg_entry *e = &cfg->v[k];
            if (!cck_cfg_is_glob_section(e->section) || cck_cfg_find(cfg, e->section, e->key) != e)
                continue;
            bool attr = !strcasecmp(e->key, "ignore-attributes");
            bool ent = !strcasecmp(e->key, "ignore-entities");
            if ((!attr && !ent) || !cck_cfg_glob(e->section, s->path))
                continue;
            for (size_t j = 0; j < s->nclaims; j++) {
                const char *v = attr ? s->claims[j].attribute : s->claims[j].entity;
                if (v && cck_cfg_in_list(e->value, v))
                    drop[j] = any = true;
            }
        }
        if (any)
            gone += compact(s, drop);
        free(drop);
    }
    return gone;
}

bool cck_sup_check_config(const cck_config *cfg, cck_diags *d)
{
    static const char *const main_keys[] = {"format", "fail-on", "baseline", "color", "max-bytes"};
    static const char *const glob_keys[] = {"skip", "ignore-attributes", "ignore-entities"};
    bool ok = true;
    for (size_t i = 0; i < cfg->n; i++) {
        const cck_cfg_entry *e = &cfg->v[i];
        const char *const *keys = NULL;
        size_t nkeys = 0;
        if (!strcasecmp(e->section, "claimcheck")) {
            keys = main_keys;
            nkeys = 5;
        } else if (!strcasecmp(e->section, "ignore")) {
            static const char *const ig[] = {"paths"};
            keys = ig;
            nkeys = 1;
        } else if (cck_cfg_is_glob_section(e->section)) {
            keys = glob_keys;
            nkeys = 3;
        } else {
            continue;   /* other sections belong to other modules ([alias] ...) */
        }
        bool known = false;
        for (size_t k = 0; k < nkeys; k++)
            known = known || !strcasecmp(e->key, keys[k]);
        /* origin is FILE:LINE */
        const char *colon = strrchr(e->origin, ':');
        unsigned line = colon ? (unsigned)atoi(colon + 1) : 0;
        char *file = colon ? cck_xstrndup(e->origin, (size_t)(colon - e->origin)) : cck_xstrndup(e->origin, strlen(e->origin));
        if (!known)
            cck_diag_add(d, file, line, 1, CCK_SEV_WARNING, "unknown key '%s' in [%s]", e->key,
                         e->section);
        bool b;
        if (known && !strcasecmp(e->key, "skip") && !cck_cfg_bool(e->value, &b)) {
            cck_diag_add(d, file, line, 1, CCK_SEV_ERROR, "skip takes yes or no, not '%s'", e->value);
            ok = false;
        }
        free(file);
    }
    return ok;
}
