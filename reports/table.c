/* table.c: the table model the text and Markdown reports share, and the
 * UTF-8 helpers under it: cleaning input text into one safe line, measuring
 * it in display columns, and cutting it to a width with "…". */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "report_int.h"

static const char ELLIPSIS[] = "\xE2\x80\xA6";   /* U+2026, one column */
static const char REPLACEMENT[] = "\xEF\xBF\xBD"; /* U+FFFD */

size_t cck_rep_utf8(const unsigned char *p, size_t avail, unsigned *cp)
{
    unsigned c = p[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    size_t n;
    unsigned min;
    if (c >= 0xC2 && c <= 0xDF) { n = 2; min = 0x80; }
    else if (c >= 0xE0 && c <= 0xEF) { n = 3; min = 0x800; }
    else if (c >= 0xF0 && c <= 0xF4) { n = 4; min = 0x10000; }
    else return 0;
    if (avail < n)
        return 0;
    unsigned v = c & (0x7Fu >> n);
    for (size_t i = 1; i < n; i++) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
        v = (v << 6) | (p[i] & 0x3Fu);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return 0;
    *cp = v;
    return n;
}

/* Unicode whitespace that should read as one plain space on one line. */
static bool is_space(unsigned cp)
{
    return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || cp == 0x85 || cp == 0xA0 ||
           cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 ||
           cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

/* Characters that could move the cursor, recolour the terminal or reorder
 * what is shown: never copied from a source into a report. */
static bool is_unsafe(unsigned cp)
{
    return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) ||
           (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) ||
           cp == 0x200E || cp == 0x200F || cp == 0x061C;
}

char *cck_rep_clean(const char *s, size_t n, size_t *ms, size_t *me)
{
    /* each input byte yields at most 3 output bytes (U+FFFD) */
    if (n > (SIZE_MAX - 1) / 3)
        n = (SIZE_MAX - 1) / 3;
    char *out = cck_xmalloc(3 * n + 1);
    size_t o = 0, in_ms = ms ? *ms : SIZE_MAX, in_me = me ? *me : SIZE_MAX;
    size_t oms = SIZE_MAX, ome = SIZE_MAX;
    bool pending = false;
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; i < n;) {
        unsigned cp = p[i];
        if (i >= in_ms && oms == SIZE_MAX)
            oms = o + (pending && o > 0);
        if (i >= in_me && ome == SIZE_MAX)
            ome = o;
        if (cp > 0x20 && cp < 0x7F) {   /* printable ASCII, not a space: as it is */
            if (pending && o > 0)
                out[o++] = ' ';
            pending = false;
            out[o++] = (char)cp;
            i++;
            continue;
        }
        size_t k = cp < 0x80 ? 1 : cck_rep_utf8(p + i, n - i, &cp);
        if (k && is_space(cp)) {
            pending = true;
            i += k;
            continue;
        }
        if (pending && o > 0)
            out[o++] = ' ';
        pending = false;
        if (!k || is_unsafe(cp)) {
            memcpy(out + o, REPLACEMENT, 3);
            o += 3;
            i += k ? k : 1;
        } else {
            memcpy(out + o, s + i, k);
            o += k;
            i += k;
        }
    }
    out[o] = '\0';
    if (oms == SIZE_MAX)
        oms = o;
    if (ome == SIZE_MAX)
        ome = o;
    if (ome < oms)
        ome = oms;
    if (ms)
        *ms = oms;
    if (me)
        *me = ome;
    /* room was made for the worst case, three times the input: what is
     * kept (a finding's message, for every claim of every conflict) keeps
     * only its length, the rest going back to the heap at once */
    if (3 * n > o + 64)
        out = cck_xrealloc(out, o + 1);
    return out;
}

static size_t char_width(unsigned cp)
{
    if (cp < 0x80)   /* what utf8proc says of ASCII, without the table walk */
        return cp >= 0x20 && cp < 0x7F;
    int w = utf8proc_charwidth((utf8proc_int32_t)cp);
    return w > 0 ? (size_t)w : 0;
}

size_t cck_rep_width(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t w = 0;
    for (size_t i = 0; i < n;) {
        if (p[i] < 0x80) {   /* most text: one byte, one column or none */
            w += p[i] >= 0x20 && p[i] < 0x7F;
            i++;
            continue;
        }
        unsigned cp = 0xFFFD;
        size_t k = cck_rep_utf8(p + i, n - i, &cp);
        w += k ? char_width(cp) : 1;
        i += k ? k : 1;
    }
    return w;
}

/* Bytes of the longest prefix of s[0..n) no wider than w columns
 * (zero-width characters after it stay with it). */
static size_t prefix_fit(const char *s, size_t n, size_t w)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t used = 0, i = 0;
    while (i < n) {
        unsigned cp = 0xFFFD;
        size_t k = cck_rep_utf8(p + i, n - i, &cp);
        size_t cw = k ? char_width(cp) : 1;
        if (used + cw > w)
            break;
        used += cw;
        i += k ? k : 1;
    }
    return i;
}

/* Start of the longest suffix of s[0..n) no wider than w columns. The
 * text is clean UTF-8, so stepping back over continuation bytes finds each
 * character's start. */
static size_t suffix_fit(const char *s, size_t n, size_t w)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t used = 0, i = n;
    while (i > 0) {
        size_t j = i - 1;
        while (j > 0 && (p[j] & 0xC0) == 0x80 && i - j < 4)
            j--;
        size_t cw = cck_rep_width(s + j, i - j);
        if (used + cw > w)
            break;
        used += cw;
        i = j;
    }
    /* a cut never starts on a combining mark */
    while (i < n) {
        unsigned cp;
        size_t k = cck_rep_utf8(p + i, n - i, &cp);
        if (!k || char_width(cp) > 0)
            break;
        i += k;
    }
    return i;
}

/* Appends bytes to a growing string. */
typedef struct {
    char *p;
    size_t n, cap;
} buf;

static void put(buf *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        b->cap = (b->n + n + 1) * 2;
        b->p = cck_xrealloc(b->p, b->cap);
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = '\0';
}

char *cck_rep_fit(const char *s, size_t ms, size_t me, size_t w,
                  size_t *oms, size_t *ome)
{
    size_t n = strlen(s);
    if (ms > n) ms = n;
    if (me > n) me = n;
    if (me < ms) me = ms;
    buf b = {NULL, 0, 0};
    put(&b, "", 0);
    size_t total = cck_rep_width(s, n);
    size_t rms = ms, rme = me;
    if (total <= w) {
        put(&b, s, n);
    } else if (w == 0) {
        rms = rme = 0;
    } else if (ms == me) {
        size_t k = prefix_fit(s, n, w - 1);
        put(&b, s, k);
        put(&b, ELLIPSIS, sizeof ELLIPSIS - 1);
        rms = rme = 0;
    } else {
        size_t L = cck_rep_width(s, ms), M = cck_rep_width(s + ms, me - ms),
               R = cck_rep_width(s + me, n - me);
        if (M + (L > 0) + (R > 0) > w) {
            /* the figure alone is too wide: show its start */
            size_t lead = L > 0 && w > 2;
            if (lead)
                put(&b, ELLIPSIS, sizeof ELLIPSIS - 1);
            size_t k = prefix_fit(s + ms, me - ms, w - lead - 1);
            rms = b.n;
            put(&b, s + ms, k);
            rme = b.n;
            put(&b, ELLIPSIS, sizeof ELLIPSIS - 1);
        } else {
            size_t budget = w - M, lb = budget / 2, rb = budget - lb;
            if (L <= lb) {
                rb += lb - L;
                lb = L;
            } else if (R <= rb) {
                lb += rb - R;
                rb = R;
            }
            size_t used = L;
            if (L > lb) {
                size_t st = suffix_fit(s, ms, lb - 1);
                /* start at a word when that loses under a third */
                size_t keep = ms - st;
                for (size_t k = st; st > 0 && s[st - 1] != ' ' && k < ms && 3 * (k - st) < keep; k++)
                    if (s[k] == ' ') {
                        st = k + 1;
                        break;
                    }
                put(&b, ELLIPSIS, sizeof ELLIPSIS - 1);
                put(&b, s + st, ms - st);
                used = 1 + cck_rep_width(s + st, ms - st);
            } else {
                put(&b, s, ms);
            }
            rb = w - M - used;   /* what the left side left over */
            rms = b.n;
            put(&b, s + ms, me - ms);
            rme = b.n;
            if (R > rb) {
                size_t k = prefix_fit(s + me, n - me, rb - 1);
                /* end at a word when that loses under a third */
                if (s[me + k] != ' ')
                    for (size_t j = k; j > 0 && 3 * (k - j) < k; j--)
                        if (s[me + j - 1] == ' ') {
                            k = j - 1;
                            break;
                        }
                put(&b, s + me, k);
                put(&b, ELLIPSIS, sizeof ELLIPSIS - 1);
            } else {
                put(&b, s + me, n - me);
            }
        }
    }
    if (oms) *oms = rms;
    if (ome) *ome = rme;
    return b.p;
}

/* ---- the table ----------------------------------------------------------- */

void cck_tab_init(cck_table *t, size_t ncols, const char *const *headers)
{
    memset(t, 0, sizeof *t);
    t->ncols = ncols;
    t->flex = -1;
    t->headers = cck_xcalloc(ncols, sizeof *t->headers);
    t->floor = cck_xcalloc(ncols, sizeof *t->floor);
    for (size_t i = 0; i < ncols; i++)
        t->floor[i] = 10;
    for (size_t i = 0; i < ncols; i++)
        t->headers[i] = cck_rep_clean(headers[i], strlen(headers[i]), NULL, NULL);
}

void cck_tab_free(cck_table *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < t->ncols; i++)
        free(t->headers[i]);
    free(t->headers);
    free(t->floor);
    for (size_t i = 0; i < t->nrows * t->ncols; i++)
        free(t->cells[i].text);
    free(t->cells);
    memset(t, 0, sizeof *t);
}

size_t cck_tab_row(cck_table *t)
{
    if (t->nrows == t->cap) {
        t->cap = t->cap ? t->cap * 2 : 8;
        t->cells = cck_xreallocarray(t->cells, t->cap * t->ncols, sizeof *t->cells);
    }
    cck_cell *r = t->cells + t->nrows * t->ncols;
    for (size_t i = 0; i < t->ncols; i++)
        r[i] = (cck_cell){cck_xstrndup("", 0), 0, 0};
    return t->nrows++;
}

void cck_tab_set(cck_table *t, size_t row, size_t col, const char *s, size_t n,
                 size_t ms, size_t me)
{
    cck_cell *c = &t->cells[row * t->ncols + col];
    free(c->text);
    if (ms < me) {
        c->text = cck_rep_clean(s, n, &ms, &me);
        c->mark_start = ms;
        c->mark_end = me;
    } else {
        c->text = cck_rep_clean(s, n, NULL, NULL);
        c->mark_start = c->mark_end = 0;
    }
}

static void spaces(FILE *out, size_t n)
{
    for (size_t i = 0; i < n; i++)
        fputc(' ', out);
}

/* Narrows w[c] (never below floor) by up to *excess columns. */
static void give(size_t *w, size_t c, size_t floor, size_t *excess)
{
    if (w[c] <= floor)
        return;
    size_t cut = w[c] - floor < *excess ? w[c] - floor : *excess;
    w[c] -= cut;
    *excess -= cut;
}

/* The widest column other than skip that is wider than its floor (floor,
 * or fl[c] when fl is not NULL), or ncols. */
static size_t widest(const size_t *w, size_t ncols, size_t skip, size_t floor,
                     const size_t *fl)
{
    size_t best = ncols;
    for (size_t c = 0; c < ncols; c++)
        if (c != skip && w[c] > (fl ? fl[c] : floor) && (best == ncols || w[c] > w[best]))
            best = c;
    return best;
}

/* Narrows the widest columns but skip together, none below its floor. */
static void narrow_others(size_t *w, size_t ncols, size_t skip, size_t floor,
                          const size_t *fl, size_t *excess)
{
    for (size_t c; *excess && (c = widest(w, ncols, skip, floor, fl)) < ncols;) {
        size_t next = fl ? fl[c] : floor;
        for (size_t k = 0; k < ncols; k++)
            if (k != skip && w[k] < w[c] && w[k] > next)
                next = w[k];
        give(w, c, next, excess);
    }
}

/* Column widths that fit: natural widths; then the flex column (the
 * sentence) gives way after the others are down to 24 columns, until it is
 * 24 wide; then the others down to their floors, the flex column to 12, and at
 * last any column down to 4. Widest columns shrink first, together. */
static void fit_widths(const cck_table *t, size_t *w, unsigned indent, unsigned width)
{
    for (size_t c = 0; c < t->ncols; c++) {
        w[c] = cck_rep_width(t->headers[c], strlen(t->headers[c]));
        for (size_t r = 0; r < t->nrows; r++) {
            const char *s = t->cells[r * t->ncols + c].text;
            size_t cw = cck_rep_width(s, strlen(s));
            if (cw > w[c])
                w[c] = cw;
        }
    }
    size_t total = indent + (t->ncols ? 2 * (t->ncols - 1) : 0);
    for (size_t c = 0; c < t->ncols; c++)
        total += w[c];
    if (total <= width)
        return;
    size_t excess = total - width;
    size_t flex = t->flex >= 0 && (size_t)t->flex < t->ncols ? (size_t)t->flex : t->ncols;
    narrow_others(w, t->ncols, flex, 24, NULL, &excess);
    if (flex < t->ncols)
        give(w, flex, 24, &excess);
    narrow_others(w, t->ncols, flex, 0, t->floor, &excess);
    if (flex < t->ncols)
        give(w, flex, 12, &excess);
    narrow_others(w, t->ncols, t->ncols, 4, NULL, &excess);
}

void cck_tab_text(FILE *out, const cck_table *t, unsigned indent, unsigned width,
                  bool color)
{
    if (!t->ncols)
        return;
    size_t *w = cck_xcalloc(t->ncols, sizeof *w);
    fit_widths(t, w, indent, width);
    for (size_t r = 0; r <= t->nrows; r++) {
        /* row 0 is the header row */
        size_t last = 0;
        for (size_t c = 0; c < t->ncols; c++) {
            const char *s = r ? t->cells[(r - 1) * t->ncols + c].text : t->headers[c];
            if (*s)
                last = c;
        }
        spaces(out, indent);
        for (size_t c = 0; c <= last; c++) {
            size_t ms = 0, me = 0;
            const char *s;
            if (r) {
                const cck_cell *cell = &t->cells[(r - 1) * t->ncols + c];
                s = cell->text;
                ms = cell->mark_start;
                me = cell->mark_end;
            } else {
                s = t->headers[c];
            }
            size_t fms, fme;
            char *f = cck_rep_fit(s, ms, me, w[c], &fms, &fme);
            size_t fw = cck_rep_width(f, strlen(f));
            if (!r && color) {
                fprintf(out, "\x1b[1m%s\x1b[0m", f);
            } else if (color && fms < fme) {
                fwrite(f, 1, fms, out);
                fputs("\x1b[1m", out);
                fwrite(f + fms, 1, fme - fms, out);
                fputs("\x1b[0m", out);
                fputs(f + fme, out);
            } else {
                fputs(f, out);
            }
            free(f);
            if (c < last)
                spaces(out, w[c] - (fw < w[c] ? fw : w[c]) + 2);
        }
        fputc('\n', out);
    }
    free(w);
}

/* The bytes Markdown inline content escapes with a backslash. */
static const unsigned char MD_SPECIAL[256] = {
    ['\\'] = 1, ['|'] = 1, ['*'] = 1, ['_'] = 1, ['`'] = 1, ['<'] = 1, ['~'] = 1, ['&'] = 1,
};

void cck_rep_md_escape(FILE *out, const char *s, size_t n)
{
    /* runs between specials in one write (a stdio call a byte was a third
     * of the Markdown report) */
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        if (!MD_SPECIAL[(unsigned char)s[i]])
            continue;
        if (i > run)
            fwrite(s + run, 1, i - run, out);
        fputc('\\', out);
        run = i;    /* the special itself starts the next run */
    }
    if (n > run)
        fwrite(s + run, 1, n - run, out);
}

void cck_tab_md(FILE *out, const cck_table *t, unsigned maxw)
{
    if (!t->ncols)
        return;
    fputc('|', out);
    for (size_t c = 0; c < t->ncols; c++) {
        fputc(' ', out);
        cck_rep_md_escape(out, t->headers[c], strlen(t->headers[c]));
        fputs(" |", out);
    }
    fputs("\n|", out);
    for (size_t c = 0; c < t->ncols; c++)
        fputs("---|", out);
    fputc('\n', out);
    for (size_t r = 0; r < t->nrows; r++) {
        fputc('|', out);
        for (size_t c = 0; c < t->ncols; c++) {
            const cck_cell *cell = &t->cells[r * t->ncols + c];
            size_t ms = cell->mark_start, me = cell->mark_end;
            char *f = maxw ? cck_rep_fit(cell->text, ms, me, maxw, &ms, &me)
                           : cck_xstrndup(cell->text, strlen(cell->text));
            fputc(' ', out);
            if (ms < me) {
                cck_rep_md_escape(out, f, ms);
                fputs("**", out);
                cck_rep_md_escape(out, f + ms, me - ms);
                fputs("**", out);
                cck_rep_md_escape(out, f + me, strlen(f + me));
            } else {
                cck_rep_md_escape(out, f, strlen(f));
            }
            free(f);
            fputs(" |", out);
        }
        fputc('\n', out);
    }
}
