/* report.c: the reports stage's entry points (format dispatch) and what
 * every writer shares: claim ids, values as people read them, the
 * provenance table of a group, the subject heading and the summary line. */
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdio_ext.h>
#include <stdlib.h>
#include <string.h>

#include "report_int.h"

static const struct {
    const char *name;
    cck_format f;
} FORMATS[] = {
    {"text", CCK_FMT_TEXT}, {"jsonl", CCK_FMT_JSONL}, {"md", CCK_FMT_MD},
    {"json", CCK_FMT_JSON}, {"csv", CCK_FMT_CSV}, {"findings", CCK_FMT_FINDINGS},
    {"sarif", CCK_FMT_SARIF}, {"junit", CCK_FMT_JUNIT}, {"github", CCK_FMT_GITHUB},
    {"html", CCK_FMT_HTML},
};

bool cck_rep_parse_format(const char *name, cck_format *out)
{
    for (size_t i = 0; i < sizeof FORMATS / sizeof *FORMATS; i++)
        if (!strcmp(name, FORMATS[i].name)) {
            *out = FORMATS[i].f;
            return true;
        }
    return false;
}

const char *cck_rep_format_names(void)
{
    return "text, jsonl, md, json, csv, findings, sarif, junit, github or html";
}

/* Output is buffered: a failed write may only show when flushed. */
static cck_status finish(FILE *out, cck_status st)
{
    if (fflush(out) != 0 || ferror(out))
        return CCK_ERR_IO;
    return st;
}

/* The formats that are the same for both commands, given which one. */
static cck_status machine_format(FILE *out, const cck_corpus *c, cck_format f, bool groups,
                                 unsigned jobs)
{
    switch (f) {
    case CCK_FMT_JSON: return cck_rep_json_doc(out, c, groups, jobs);
    case CCK_FMT_CSV: return cck_rep_csv(out, c, groups, jobs);
    case CCK_FMT_FINDINGS: return cck_rep_findings_write(out, c, groups, jobs);
    case CCK_FMT_SARIF: return cck_rep_sarif(out, c, groups);
    case CCK_FMT_JUNIT: return cck_rep_junit(out, c, groups);
    case CCK_FMT_GITHUB: return cck_rep_github(out, c, groups);
    case CCK_FMT_HTML: return cck_rep_html(out, c, groups, jobs);
    default: return CCK_ERR_INPUT;
    }
}

/* Their writers write out in many small writes, on this thread alone (csv's
 * and json's groups rendered on threads are written a part at a time, the
 * parts taking turns under the pool's lock; html's slots by this thread): out takes no stdio lock
 * meanwhile. Once a thread has started glibc locks a stream on every call:
 * 10% of check -f csv's report stage was taking the lock for each fputs. */
static cck_status machine(FILE *out, const cck_corpus *c, cck_format f, bool groups,
                          unsigned jobs)
{
    int was = __fsetlocking(out, FSETLOCKING_BYCALLER);
    cck_status st = machine_format(out, c, f, groups, jobs);
    __fsetlocking(out, was);
    return st;
}

cck_status cck_rep_claims(FILE *out, const cck_corpus *c, cck_format f,
                          const cck_rep_options *o)
{
    (void)o;
    cck_status st;
    switch (f) {
    case CCK_FMT_JSONL: st = cck_rep_jsonl_claims(out, c); break;
    case CCK_FMT_MD: st = cck_rep_md_claims(out, c); break;
    case CCK_FMT_TEXT: st = cck_rep_text_claims(out, c); break;
    default: st = machine(out, c, f, false, 1); break;
    }
    return finish(out, st);
}

bool cck_rep_claims_streams(cck_format f)
{
    return f == CCK_FMT_JSONL || f == CCK_FMT_TEXT;
}

/* Spare chunk buffers, most recently given back last (the one most likely
 * still in the cache is taken first). */
struct cck_rep_spares {
    pthread_mutex_t lock;
    cck_rep_buf *v;
    size_t n, keep;
};

cck_rep_spares *cck_rep_spares_new(size_t keep)
{
    cck_rep_spares *sp = cck_xcalloc(1, sizeof *sp);
    pthread_mutex_init(&sp->lock, NULL);
    sp->keep = keep;
    sp->v = cck_xcalloc(keep ? keep : 1, sizeof *sp->v);
    return sp;
}

void cck_rep_spares_free(cck_rep_spares *sp)
{
    if (!sp)
        return;
    for (size_t k = 0; k < sp->n; k++)
        free(sp->v[k].buf);
    free(sp->v);
    pthread_mutex_destroy(&sp->lock);
    free(sp);
}

/* An empty buffer: a spare's memory when sp has one. */
static cck_rep_buf spare_take(cck_rep_spares *sp)
{
    cck_rep_buf b = {0};
    if (sp) {
        pthread_mutex_lock(&sp->lock);
        if (sp->n)
            b = sp->v[--sp->n];
        pthread_mutex_unlock(&sp->lock);
    }
    b.len = 0;
    return b;
}

/* b's memory kept in sp for the next chunk, unless sp holds keep buffers
 * or CCK_REP_SPARE_MAX bytes with it (every spare grows to the biggest
 * chunk it served: a cap per buffer let jobs + 1 of them keep 64 MiB
 * each), then freed. */
static void spare_give(cck_rep_spares *sp, cck_rep_buf b)
{
    if (sp && b.buf) {
        pthread_mutex_lock(&sp->lock);
        size_t bytes = 0;   /* what the spares hold: at most keep of them */
        for (size_t k = 0; k < sp->n; k++)
            bytes += sp->v[k].cap;
        bool kept = sp->n < sp->keep && b.cap <= CCK_REP_SPARE_MAX - bytes;
        if (kept)
            sp->v[sp->n++] = b;
        pthread_mutex_unlock(&sp->lock);
        if (kept)
            return;
    }
    free(b.buf);
}

cck_rep_chunk *cck_rep_claims_chunk(const cck_source *s, cck_format f, cck_rep_spares *sp)
{
    cck_rep_chunk *ch = cck_xcalloc(1, sizeof *ch);
    ch->id_prefix = f == CCK_FMT_JSONL;
    ch->b = spare_take(sp);
    if (f == CCK_FMT_JSONL) {
        cck_rep_jsonl_source_buf(s, &ch->b);
        return ch;
    }
    cck_rep_buf *cur = &ch->b;
    FILE *m = cck_rep_buf_open(&cur);
    cck_rep_text_source(m, s);
    if (fclose(m) != 0) {
        fprintf(stderr, "claimcheck: out of memory (report buffer)\n");
        abort();
    }
    return ch;
}

/* "{\"id\": \"c<pos>", the opening of a jsonl claim line of the source
 * at pos, in pre; returns its length. */
static size_t id_opening(char pre[static 16 + CCK_REP_UDIGITS], size_t pos)
{
    char d[CCK_REP_UDIGITS];
    const char *digits = cck_rep_udigits(d, pos);
    size_t plen = sizeof "{\"id\": \"c" - 1, dn = strlen(digits);
    memcpy(pre, "{\"id\": \"c", plen);
    memcpy(pre + plen, digits, dn);
    return plen + dn;
}

void cck_rep_chunk_write(FILE *out, const cck_rep_chunk *ch, size_t pos)
{
    const char *b = ch->b.buf;
    size_t len = ch->b.len;
    if (!len)   /* a source of no claims: nothing, maybe not even a buffer */
        return;
    if (!ch->id_prefix) {
        fwrite(b, 1, len, out);
        return;
    }
    /* the opening before every line, straight into the stream's buffer (a
     * buffer of the chunk's size, made afresh for each, cost a page fault
     * every 4 KB of it) */
    char pre[16 + CCK_REP_UDIGITS];
    size_t plen = id_opening(pre, pos);
    for (size_t i = 0; i < len;) {
        const char *nl = memchr(b + i, '\n', len - i);
        size_t e = nl ? (size_t)(nl - b) + 1 : len;
        fwrite(pre, 1, plen, out);
        fwrite(b + i, 1, e - i, out);
        i = e;
    }
}

void cck_rep_claims_source(FILE *out, const cck_source *s, cck_format f, size_t pos)
{
    if (f != CCK_FMT_JSONL) {
        cck_rep_text_source(out, s);
        return;
    }
    char pre[16 + CCK_REP_UDIGITS];
    size_t plen = id_opening(pre, pos);
    cck_rep_jsonl_source(out, s, pre, plen);
}

void cck_rep_chunk_free(cck_rep_chunk *ch, cck_rep_spares *sp)
{
    if (!ch)
        return;
    spare_give(sp, ch->b);
    free(ch);
}

bool cck_rep_groups_spans_only(cck_format f)
{
    return f == CCK_FMT_JSONL;
}

cck_status cck_rep_groups(FILE *out, const cck_corpus *c, cck_format f,
                          const cck_rep_options *o)
{
    bool color = o && o->color;
    unsigned width = o && o->width ? o->width : 100;
    unsigned jobs = o ? o->jobs : 1;
    cck_status st;
    switch (f) {
    case CCK_FMT_JSONL: st = cck_rep_jsonl_groups(out, c, jobs); break;
    case CCK_FMT_MD: st = cck_rep_md_groups(out, c, jobs); break;
    case CCK_FMT_TEXT: st = cck_rep_text_groups(out, c, color, width, jobs); break;
    default: st = machine(out, c, f, true, jobs); break;
    }
    return finish(out, st);
}

/* ---- claim ids ------------------------------------------------------------ */

typedef struct {
    uintptr_t addr;
    size_t pos;
} slot;

static int by_addr(const void *a, const void *b)
{
    uintptr_t x = ((const slot *)a)->addr, y = ((const slot *)b)->addr;
    return x < y ? -1 : x > y;
}

void cck_rep_index_init(cck_rep_index *ix, const cck_corpus *c)
{
    slot *v = cck_xcalloc(c->nsources, sizeof *v);
    for (size_t i = 0; i < c->nsources; i++)
        v[i] = (slot){(uintptr_t)c->sources[i], i + 1};
    qsort(v, c->nsources, sizeof *v, by_addr);
    ix->src = cck_xcalloc(c->nsources, sizeof *ix->src);
    ix->pos = cck_xcalloc(c->nsources, sizeof *ix->pos);
    ix->n = c->nsources;
    for (size_t i = 0; i < c->nsources; i++) {
        ix->src[i] = (const cck_source *)v[i].addr;
        ix->pos[i] = v[i].pos;
    }
    free(v);
}

void cck_rep_index_free(cck_rep_index *ix)
{
    free(ix->src);
    free(ix->pos);
    memset(ix, 0, sizeof *ix);
}

size_t cck_rep_source_pos(const cck_rep_index *ix, const cck_source *s)
{
    uintptr_t a = (uintptr_t)s;
    size_t lo = 0, hi = ix->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        uintptr_t m = (uintptr_t)ix->src[mid];
        if (m == a)
            return ix->pos[mid];
        if (m < a)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

void cck_rep_claim_id(char *buf, const cck_rep_index *ix, const cck_claim *cl)
{
    /* "c%zu-%zu" without snprintf: a quarter of the jsonl report's
     * instructions were this snprintf */
    char d[CCK_REP_UDIGITS];
    const char *at = cck_rep_udigits(d, cck_rep_source_pos(ix, cl->src));
    size_t n = (size_t)(d + CCK_REP_UDIGITS - 1 - at);
    buf[0] = 'c';
    memcpy(buf + 1, at, n);
    buf[1 + n] = '-';
    at = cck_rep_udigits(d, cl->index + 1);
    strcpy(buf + 2 + n, at);
}

/* ---- values ------------------------------------------------------------------ */

char *cck_rep_udigits(char d[CCK_REP_UDIGITS], unsigned long long u)
{
    char *at = d + CCK_REP_UDIGITS - 1;
    *at = '\0';
    do {
        *--at = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    return at;
}

/* What "%.15g" writes for v when v is the double nearest a decimal of at
 * most 15 significant digits and at most 9 decimals, in [1e-4, 1e15)
 * (fixed notation): such a decimal comes back from "%.15g" unchanged
 * (DBL_DIG is 15), and v == m / 10^k, both exact and the division
 * correctly rounded, proves v is its nearest double. Returns false,
 * writing nothing, for any other v. */
static bool short_decimal(char *buf, double v)
{
    static const double pow10[] = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};
    double a = fabs(v);
    if (!(a >= 1e-4 && a < 1e15))
        return false;
    for (int k = 1; k <= 9; k++) {
        double scaled = a * pow10[k];
        if (scaled >= 9007199254740992.0) /* 2^53: no longer exact */
            return false;
        unsigned long long m = (unsigned long long)(scaled + 0.5);
        if ((double)m / pow10[k] != a)
            continue;
        /* m's digits are the significant ones */
        char d[CCK_REP_UDIGITS];
        char *at = cck_rep_udigits(d, m);
        size_t nd = (size_t)(d + CCK_REP_UDIGITS - 1 - at);
        if (nd > 15)
            return false;
        char *w = buf;
        if (v < 0)
            *w++ = '-';
        if (nd <= (size_t)k) {
            /* 0.000ddd */
            *w++ = '0';
            *w++ = '.';
            for (size_t z = nd; z < (size_t)k; z++)
                *w++ = '0';
            memcpy(w, at, nd);
            w += nd;
        } else {
            memcpy(w, at, nd - (size_t)k);
            w += nd - (size_t)k;
            *w++ = '.';
            memcpy(w, at + nd - k, (size_t)k);
            w += k;
        }
        /* the last decimal is not 0, or a smaller k would have matched;
         * strip anyway, as %g does */
        while (w[-1] == '0')
            w--;
        if (w[-1] == '.')
            w--;
        *w = '\0';
        return true;
    }
    return false;
}

bool cck_rep_number(char *buf, double v)
{
    if (!isfinite(v)) {
        strcpy(buf, "null");
        return false;
    }
    if (v == floor(v) && fabs(v) < 1e15 && !(v == 0 && signbit(v))) {
        /* an integer of at most 15 digits: what %.15g writes, and exact */
        long long k = (long long)v;
        unsigned long long u = k < 0 ? 0ULL - (unsigned long long)k : (unsigned long long)k;
        char d[CCK_REP_UDIGITS];
        char *at = cck_rep_udigits(d, u);
        if (k < 0)
            *--at = '-';
        strcpy(buf, at);
        return true;
    }
    if (short_decimal(buf, v))
        return true;
    snprintf(buf, 32, "%.15g", v);
    if (strtod(buf, NULL) != v)
        snprintf(buf, 32, "%.17g", v);
    return true;
}

void cck_rep_display_number(char *buf, double v)
{
    if (!isfinite(v)) {
        strcpy(buf, "?");
        return;
    }
    if (v == 0) {
        strcpy(buf, "0");
        return;
    }
    if (fabs(v) < 1e15 && v == floor(v)) {
        /* what "%.0f" writes, exact below 2^63 (v is not 0 here) */
        long long k = (long long)v;
        char d[CCK_REP_UDIGITS];
        char *at = cck_rep_udigits(d, k < 0 ? 0ULL - (unsigned long long)k
                                            : (unsigned long long)k);
        if (k < 0)
            *--at = '-';
        strcpy(buf, at);
        return;
    }
    /* 6 significant digits, in fixed notation whatever the magnitude */
    int mag = (int)floor(log10(fabs(v)));
    int dec = 5 - mag;
    if (dec < 0)
        dec = 0;
    if (dec > 30)
        dec = 30;
    snprintf(buf, 64, "%.*f", dec, v);
    if (strchr(buf, '.')) {
        char *e = buf + strlen(buf) - 1;
        while (*e == '0')
            *e-- = '\0';
        if (*e == '.')
            *e = '\0';
    }
    if (!strcmp(buf, "-0"))
        strcpy(buf, "0");
}

void cck_rep_claim_span(const cck_claim *cl, size_t *cs, size_t *ce, unsigned *line,
                        unsigned *col)
{
    const cck_source *s = cl->src;
    size_t a = cl->start < s->len ? cl->start : s->len;
    size_t b = cl->end < s->len ? cl->end : s->len;
    if (b < a)
        b = a;
    *cs = a;
    *ce = b;
    if (!line && !col)
        return;
    unsigned l = 0, k = 0;
    cck_source_linecol(s, a, &l, &k);
    if (line)
        *line = l;
    if (col)
        *col = k;
}

char *cck_rep_claim_text(const cck_claim *cl, unsigned *line, unsigned *col)
{
    size_t cs, ce;
    cck_rep_claim_span(cl, &cs, &ce, line, col);
    return cck_rep_clean(cl->src->bytes + cs, ce - cs, NULL, NULL);
}

unsigned cck_rep_char_col(const cck_source *s, size_t off)
{
    if (off > s->len)
        off = s->len;
    size_t a = off;
    while (a > 0 && s->bytes[a - 1] != '\n')
        a--;
    unsigned col = 1;
    for (size_t i = a; i < off; i++)
        col += ((unsigned char)s->bytes[i] & 0xC0) != 0x80;
    return col;
}

const char *cck_rep_basename(const char *path)
{
    const char *s = strrchr(path, '/');
    return s && s[1] ? s + 1 : path;
}

void cck_rep_value(char *buf, size_t size, const cck_claim *cl)
{
    if (cl->kind == CCK_KIND_COORDINATE) {
        if (isfinite(cl->lat) && isfinite(cl->lon))
            snprintf(buf, size, "%.4f, %.4f", cl->lat, cl->lon);
        else
            snprintf(buf, size, "?");
        return;
    }
    const char *pre = cl->bound == CCK_BOUND_LOWER ? "\xE2\x89\xA5"      /* ≥ */
                    : cl->bound == CCK_BOUND_UPPER ? "\xE2\x89\xA4"      /* ≤ */
                    : cl->approx || cl->vague ? "~" : "";
    if (cl->kind == CCK_KIND_DATE) {
        char dlo[CCK_DATE_TEXT], dhi[CCK_DATE_TEXT];
        const char *lo = cck_claim_date(cl, false, dlo)[0] ? dlo : "?";
        if (cck_claim_date(cl, true, dhi)[0] && !cck_claim_one_date(cl))
            snprintf(buf, size, "%s%.10s\xE2\x80\x93%.10s", pre, lo, dhi);
        else
            snprintf(buf, size, "%s%.10s", pre, lo);
        return;
    }
    char lo[64], hi[64];
    cck_rep_display_number(lo, cl->lo);
    cck_rep_display_number(hi, cl->hi);
    /* an open end of a bound says nothing the sign does not */
    if (!isfinite(cl->hi) && isfinite(cl->lo))
        strcpy(hi, lo);
    else if (!isfinite(cl->lo) && isfinite(cl->hi))
        strcpy(lo, hi);
    const char *unit = cck_claim_unit(cl);
    const char *sep = !*unit || !strcmp(unit, "%") ? "" : " ";
    if (strcmp(lo, hi))
        snprintf(buf, size, "%s%s\xE2\x80\x93%s%s%s", pre, lo, hi, sep, unit);
    else
        snprintf(buf, size, "%s%s%s%s", pre, lo, sep, unit);
}

/* ---- what text and Markdown both show ------------------------------------------ */

char *cck_rep_cites(const cck_claim *cl)
{
    const cck_source *s = cl->src;
    size_t n = 0;
    const cck_unit *u = s && cl->unit_index < s->nunits ? &s->units[cl->unit_index] : NULL;
    if (u)
        for (size_t i = 0, nc = cck_unit_ncites(s, u); i < nc; i++) {
            const cck_cite *c = cck_unit_cite(s, u, i);
            n += c ? c->end - c->start : 0;
        }
    if (!n)
        return cck_xstrndup("uncited", 7);
    char *r = cck_xmalloc(n + 1), *p = r;
    for (size_t i = 0, nc = cck_unit_ncites(s, u); i < nc; i++) {
        const cck_cite *c = cck_unit_cite(s, u, i);
        if (!c)
            continue;
        size_t k;
        const char *m = cck_cite_marker(s, c, &k);
        memcpy(p, m, k);
        p += k;
    }
    *p = '\0';
    return r;
}

/* The distinct lines of a group's references, in first-seen order: v[0..n)
 * with an open-addressed index of them (slot = line number + 1; at most
 * half full). A conflict of 22,000 claims cites thousands of references:
 * a walk of the lines so far for each cite was quadratic (0.75 s of
 * `check` on 100 MB in strcmp alone). */
typedef struct {
    char **v;
    size_t n, cap;
    size_t *slot;
    size_t nslot;
} ref_lines;

static size_t line_hash(const char *s)
{
    uint64_t h = 1469598103934665603u;   /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211u;
    return (size_t)h;
}

/* The slot of line (hash h): where it is, or the empty one it would take. */
static size_t *ref_slot(const ref_lines *r, const char *line, size_t h)
{
    size_t i = h & (r->nslot - 1);
    while (r->slot[i] && strcmp(r->v[r->slot[i] - 1], line))
        i = (i + 1) & (r->nslot - 1);
    return &r->slot[i];
}

/* Adds line (malloc'd; taken) unless an equal one is there. */
static void ref_add(ref_lines *r, char *line)
{
    if ((r->n + 1) * 2 > r->nslot) {
        free(r->slot);
        r->nslot = r->nslot ? r->nslot * 2 : 32;
        r->slot = cck_xcalloc(r->nslot, sizeof *r->slot);
        for (size_t k = 0; k < r->n; k++)
            *ref_slot(r, r->v[k], line_hash(r->v[k])) = k + 1;
    }
    size_t *at = ref_slot(r, line, line_hash(line));
    if (*at) {
        free(line);
        return;
    }
    if (r->n == r->cap) {
        r->cap = r->cap ? r->cap * 2 : 8;
        r->v = cck_xreallocarray(r->v, r->cap, sizeof *r->v);
    }
    r->v[r->n++] = line;
    *at = r->n;
}

size_t cck_rep_group_refs(const cck_group *g, char ***out)
{
    ref_lines r = {0};
    for (size_t k = 0; k < g->nclaims; k++) {
        const cck_claim *cl = g->claims[k];
        const cck_source *s = cl->src;
        const cck_unit *u = s && cl->unit_index < s->nunits ? &s->units[cl->unit_index] : NULL;
        for (size_t i = 0, nc = u ? cck_unit_ncites(s, u) : 0; i < nc; i++) {
            const cck_cite *c = cck_unit_cite(s, u, i);
            if (!c)
                continue;
            size_t mn;
            const char *mk = cck_cite_marker(s, c, &mn);
            size_t wn;
            const char *what;
            if (c->ref >= 0 && (size_t)c->ref < s->nrefs) {
                what = cck_ref_text(s, &s->refs[c->ref], &wn);
            } else {
                what = c->placeholder ? "a placeholder link, no reference"
                                      : "resolves to no reference entry";
                wn = strlen(what);
            }
            size_t len = mn + strlen(cck_rep_basename(s->path)) + wn + 8;
            char *line = cck_xmalloc(len);
            snprintf(line, len, "%.*s %s: %.*s", (int)mn, mk, cck_rep_basename(s->path), (int)wn,
                     what);
            /* the same as shown: lines that differ only in their spacing
             * are one */
            ref_add(&r, cck_rep_clean(line, strlen(line), NULL, NULL));
            free(line);
        }
    }
    free(r.slot);
    *out = r.v;
    return r.n;
}

char *cck_rep_source_meta(const cck_source *s)
{
    const char *parts[5] = {s->meta.title, s->meta.publisher, s->meta.author, s->meta.date,
                            s->meta.url};
    size_t len = strlen(s->path) + 8;
    bool any = false;
    for (size_t i = 0; i < 5; i++)
        if (parts[i] && *parts[i]) {
            len += strlen(parts[i]) + 3;
            any = true;
        }
    if (!any)
        return NULL;
    char *r = cck_xmalloc(len), *p = r;
    p += sprintf(p, "%s:", s->path);
    const char *sep = " ";
    for (size_t i = 0; i < 5; i++)
        if (parts[i] && *parts[i]) {
            p += sprintf(p, "%s%s", sep, parts[i]);
            sep = " · ";
        }
    char *clean = cck_rep_clean(r, strlen(r), NULL, NULL);
    free(r);
    return clean;
}

/* The bytes shown as a claim's sentence: its unit, or its line when the
 * claim has no unit; always covering the claim. */
static void sentence_range(const cck_claim *cl, size_t *st, size_t *en)
{
    const cck_source *s = cl->src;
    size_t cs, ce;
    cck_rep_claim_span(cl, &cs, &ce, NULL, NULL);
    size_t a, b;
    if (cl->unit_index < s->nunits) {
        a = s->units[cl->unit_index].start;
        b = s->units[cl->unit_index].end;
        if (b > s->len) b = s->len;
        if (a > b) a = b;
    } else {
        a = cs;
        while (a > 0 && s->bytes[a - 1] != '\n')
            a--;
        b = ce;
        while (b < s->len && s->bytes[b] != '\n')
            b++;
    }
    *st = a < cs ? a : cs;
    *en = b > ce ? b : ce;
}

/* A table cell alone says little ("2.8"): it is shown after what labels it,
 * "caption · row · column: 2.8". A sentence is shown as it stands. */
static void set_sentence(cck_table *t, size_t r, const cck_claim *cl, size_t a, size_t b,
                         size_t cs, size_t ce)
{
    const cck_source *s = cl->src;
    const cck_unit *u = cl->unit_index < s->nunits ? &s->units[cl->unit_index] : NULL;
    const cck_table_cell *x = u ? cck_unit_cell(s, u) : NULL;
    if (!u || u->zone != CCK_ZONE_TABLE ||
        !(x->caption || x->row_header || x->col_header)) {
        cck_tab_set(t, r, 4, s->bytes + a, b - a, cs - a, ce - a);
        return;
    }
    const char *parts[] = {x->caption, x->row_header, x->col_header};
    size_t n = b - a + 8;
    for (size_t i = 0; i < 3; i++)
        n += parts[i] ? strlen(parts[i]) + 4 : 0;
    char *raw = cck_xmalloc(n), *p = raw;
    for (size_t i = 0; i < 3; i++) {
        if (!parts[i] || !*parts[i])
            continue;
        if (p > raw) {
            memcpy(p, " \xC2\xB7 ", 4);
            p += 4;
        }
        memcpy(p, parts[i], strlen(parts[i]));
        p += strlen(parts[i]);
    }
    if (p > raw) {
        memcpy(p, ": ", 2);
        p += 2;
    }
    size_t pre = (size_t)(p - raw);
    memcpy(p, s->bytes + a, b - a);
    p += b - a;
    cck_tab_set(t, r, 4, raw, (size_t)(p - raw), pre + cs - a, pre + ce - a);
    free(raw);
}

void cck_rep_provenance(cck_table *t, const cck_group *g)
{
    static const char *const heads[] = {"as written", "normalized", "source",
                                        "line:col", "sentence", "cites"};
    cck_tab_init(t, 6, heads);
    t->flex = 4;
    /* the figure as written and its reading matter more than a file name */
    static const size_t floors[] = {18, 16, 10, 8, 0, 8};
    memcpy(t->floor, floors, sizeof floors);
    for (size_t i = 0; i < g->nclaims; i++) {
        const cck_claim *cl = g->claims[i];
        const cck_source *s = cl->src;
        size_t cs, ce;
        cck_rep_claim_span(cl, &cs, &ce, NULL, NULL);
        size_t r = cck_tab_row(t);
        cck_tab_set(t, r, 0, s->bytes + cs, ce - cs, 0, 0);
        char v[128];
        cck_rep_value(v, sizeof v, cl);
        cck_tab_set(t, r, 1, v, strlen(v), 0, 0);
        const char *base = cck_rep_basename(s->path);
        cck_tab_set(t, r, 2, base, strlen(base), 0, 0);
        unsigned line, col;
        cck_source_linecol(s, cs, &line, &col);
        /* "%u:%u" without snprintf */
        char lc[2 * CCK_REP_UDIGITS], d[CCK_REP_UDIGITS];
        const char *at = cck_rep_udigits(d, line);
        size_t n = strlen(at);
        memcpy(lc, at, n);
        lc[n++] = ':';
        at = cck_rep_udigits(d, col);
        strcpy(lc + n, at);
        cck_tab_set(t, r, 3, lc, strlen(lc), 0, 0);
        size_t a, b;
        sentence_range(cl, &a, &b);
        set_sentence(t, r, cl, a, b, cs, ce);
        char *ci = cck_rep_cites(cl);
        cck_tab_set(t, r, 5, ci, strlen(ci), 0, 0);
        free(ci);
    }
}

char *cck_rep_subject(const char *entity, const char *attribute, const char *as_of)
{
    const char *e = entity && *entity ? entity : "?";
    const char *a = attribute && *attribute ? attribute : "?";
    size_t n = strlen(e) + strlen(a) + (as_of ? strlen(as_of) : 0) + 32;
    char *raw = cck_xmalloc(n);
    if (as_of)
        snprintf(raw, n, "%s \xC2\xB7 %s (as of %s)", e, a, as_of);
    else
        snprintf(raw, n, "%s \xC2\xB7 %s", e, a);
    char *r = cck_rep_clean(raw, strlen(raw), NULL, NULL);
    free(raw);
    return r;
}

/* Appends s to *p (a malloc'd string of length *n) after sep when not first. */
static void append(char **p, size_t *n, const char *sep, const char *s)
{
    size_t a = *n ? strlen(sep) : 0, b = strlen(s);
    *p = cck_xrealloc(*p, *n + a + b + 1);
    memcpy(*p + *n, sep, a);
    memcpy(*p + *n + a, s, b);
    *n += a + b;
    (*p)[*n] = '\0';
}

/* Distinct strings kept for a brief line; more than MAX_SHOWN become "…",
 * which also keeps a group of thousands of claims linear. */
enum { MAX_SHOWN = 12 };

typedef struct {
    char *v[MAX_SHOWN];
    size_t n;
    bool more;
} shown;

static void show(shown *sh, const char *s)
{
    for (size_t i = 0; i < sh->n; i++)
        if (!strcmp(sh->v[i], s))
            return;
    if (sh->n == MAX_SHOWN)
        sh->more = true;
    else
        sh->v[sh->n++] = cck_xstrndup(s, strlen(s));
}

/* Joins the strings with ", " (and frees them) into a new string. */
static char *join(shown *sh)
{
    char *r = cck_xstrndup("", 0);
    size_t n = 0;
    for (size_t i = 0; i < sh->n; i++) {
        append(&r, &n, ", ", sh->v[i]);
        free(sh->v[i]);
    }
    if (sh->more)
        append(&r, &n, ", ", "\xE2\x80\xA6");
    return r;
}

char *cck_rep_brief(const cck_group *g)
{
    shown vals = {{NULL}, 0, false}, srcs = {{NULL}, 0, false};
    for (size_t i = 0; i < g->nclaims; i++) {
        char v[128];
        cck_rep_value(v, sizeof v, g->claims[i]);
        show(&vals, v);
        show(&srcs, cck_rep_basename(g->claims[i]->src->path));
    }
    char *vs = join(&vals), *ss = join(&srcs);
    char *subj = cck_rep_subject(g->entity, g->attribute, g->as_of);
    size_t n = strlen(subj) + strlen(vs) + strlen(ss) + 16;
    char *raw = cck_xmalloc(n);
    snprintf(raw, n, "%s: %s \xE2\x80\x94 %s", subj, vs, ss);
    char *r = cck_rep_clean(raw, strlen(raw), NULL, NULL);
    free(raw);
    free(subj);
    free(vs);
    free(ss);
    return r;
}

char *cck_rep_summary(const cck_corpus *c)
{
    size_t conflicts = 0;
    for (size_t i = 0; i < c->ngroups; i++)
        conflicts += c->groups[i].status == CCK_GROUP_CONFLICT;
    size_t nc = cck_corpus_nclaims(c);
    char *r = cck_xmalloc(160);
    snprintf(r, 160, "%zu source%s, %zu claim%s, %zu subject%s, %zu conflict%s",
             c->nsources, c->nsources == 1 ? "" : "s", nc, nc == 1 ? "" : "s",
             c->ngroups, c->ngroups == 1 ? "" : "s", conflicts, conflicts == 1 ? "" : "s");
    return r;
}

/* ---- fingerprints and counts for CI ------------------------------------------ */

/* The exact value of a claim as a key: the same figure written differently
 * ("830 mm", "83 cm") gives the same key, a changed figure another. */
char *cck_rep_value_key(const cck_claim *cl)
{
    char buf[160];
    const char *pre = cl->bound == CCK_BOUND_LOWER ? ">=" : cl->bound == CCK_BOUND_UPPER ? "<="
                    : cl->approx || cl->vague ? "~" : "";
    if (cl->kind == CCK_KIND_COORDINATE) {
        snprintf(buf, sizeof buf, "%.4f,%.4f", cl->lat, cl->lon);
    } else if (cl->kind == CCK_KIND_DATE) {
        char lo[CCK_DATE_TEXT], hi[CCK_DATE_TEXT];
        cck_claim_date(cl, false, lo);
        cck_claim_date(cl, true, hi);
        snprintf(buf, sizeof buf, "%s%.10s..%.10s", pre, lo, hi[0] ? hi : lo);
    } else {
        char lo[32], hi[32];
        cck_rep_number(lo, cl->lo);
        cck_rep_number(hi, cl->hi);
        const char *u = cck_claim_unit(cl);
        snprintf(buf, sizeof buf, "%s%s..%s%s%s", pre, lo, hi, *u ? " " : "", u);
    }
    return cck_xstrndup(buf, strlen(buf));
}

static int by_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

char *cck_rep_fingerprint_text(const cck_group *g)
{
    char **v = cck_xcalloc(g->nclaims ? g->nclaims : 1, sizeof *v);
    for (size_t i = 0; i < g->nclaims; i++)
        v[i] = cck_rep_value_key(g->claims[i]);
    if (g->nclaims)
        qsort(v, g->nclaims, sizeof *v, by_str);
    char *r = NULL;
    size_t n = 0;
    const char *parts[] = {g->entity ? g->entity : "", g->attribute ? g->attribute : "",
                           g->as_of ? g->as_of : ""};
    r = cck_xstrndup("", 0);
    for (size_t i = 0; i < 3; i++)
        append(&r, &n, " \xC2\xB7 ", parts[i]);
    bool first = true;
    for (size_t i = 0; i < g->nclaims; i++) {
        if (i && !strcmp(v[i], v[i - 1]))
            continue;
        append(&r, &n, first ? " = " : " | ", v[i]);
        first = false;
    }
    for (size_t i = 0; i < g->nclaims; i++)
        free(v[i]);
    free(v);
    return r;
}

void cck_rep_fingerprint(char out[17], const cck_group *g)
{
    char *t = cck_rep_fingerprint_text(g);
    uint64_t h = 0xcbf29ce484222325u;
    for (const unsigned char *p = (const unsigned char *)t; *p; p++) {
        h ^= *p;
        h *= 0x100000001b3u;
    }
    free(t);
    snprintf(out, 17, "%016llx", (unsigned long long)h);
}

bool cck_rep_claim_uncited(const cck_claim *cl)
{
    const cck_source *s = cl->src;
    if (cl->unit_index >= s->nunits)
        return true;
    const cck_unit *u = &s->units[cl->unit_index];
    for (size_t i = 0, nc = cck_unit_ncites(s, u); i < nc; i++)
        if (cck_unit_cite(s, u, i))
            return false;
    return true;
}

size_t cck_rep_count_uncited(const cck_corpus *c)
{
    size_t n = 0;
    for (size_t i = 0; i < c->ngroups; i++)
        if (c->groups[i].status == CCK_GROUP_CONFLICT)
            for (size_t j = 0; j < c->groups[i].nclaims; j++)
                n += cck_rep_claim_uncited(c->groups[i].claims[j]);
    return n;
}

size_t cck_rep_count_dangling(const cck_corpus *c)
{
    size_t n = 0;
    for (size_t i = 0; i < c->nsources; i++)
        for (size_t j = 0; j < c->sources[i]->ncites; j++)
            n += c->sources[i]->cites[j].ref < 0;
    return n;
}
