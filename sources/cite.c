/* cite.c: citation markers standing in the text ("[20]", "[a]",
 * "[note 1]", Markdown links "[text](target)"), reference-list entries, and
 * resolving each marker to the entry with its label in the same article. */
#define _GNU_SOURCE /* memmem */
#include <stdlib.h>
#include <string.h>

#include "bytes.h"
#include "segment_int.h"

static bool is_digit(unsigned char ch) { return ch >= '0' && ch <= '9'; }

/* Markers are labels in square brackets: digits, one lowercase letter, or
 * "note N" / "nb N". Anything else in brackets ("[edit]", "[citation
 * needed]", IPA "[hamɣɯŋ]", an editorial "[the]") is not a citation. */
bool cck_src_is_label(const char *p, size_t n)
{
    if (n == 0 || n > 12)
        return false;
    size_t digits = 0;
    while (digits < n && is_digit((unsigned char)p[digits]))
        digits++;
    if (digits == n)
        return n <= 4;
    if (n == 1)
        return p[0] >= 'a' && p[0] <= 'z';
    const char *pre[] = {"note ", "nb ", "Note ", "NB "};
    for (size_t i = 0; i < sizeof pre / sizeof *pre; i++) {
        size_t k = strlen(pre[i]);
        if (n > k && !memcmp(p, pre[i], k)) {
            for (size_t j = k; j < n; j++)
                if (!is_digit((unsigned char)p[j]) && !(p[j] >= 'a' && p[j] <= 'z'))
                    return false;
            return true;
        }
    }
    return false;
}

static void push_cite(seg_ctx *c, size_t a, size_t b, const char *target,
                      size_t tlen, bool link)
{
    if (c->ncites == c->ccap) {
        c->ccap = c->ccap ? 2 * c->ccap : 64;
        c->cites = cck_xreallocarray(c->cites, c->ccap, sizeof *c->cites);
    }
    cck_cite *ct = &c->cites[c->ncites++];
    memset(ct, 0, sizeof *ct);
    ct->start = a;
    ct->end = b;
    ct->ref = -1;
    if (link) {
        while (tlen && (*target == ' ' || *target == '\t')) {
            target++;
            tlen--;
        }
        while (tlen && (target[tlen - 1] == ' ' || target[tlen - 1] == '\t'))
            tlen--;
        ct->target = cck_arena_strndup(c->s->arena, target, tlen);
        ct->placeholder = tlen == 0 || (tlen == 1 && target[0] == '#');
    }
}

/* End (one past ']') of the bracket opened at p, on the same line and
 * without an unescaped '[' inside, or 0. */
static size_t close_bracket(const char *b, size_t len, size_t p)
{
    for (size_t i = p + 1; i < len && i < p + 400; i++) {
        char ch = b[i];
        if (ch == '\\' && i + 1 < len && b[i + 1] != '\n') {
            i++;
            continue;
        }
        if (ch == '\n' || ch == '[' || ch == '\0')
            return 0;
        if (ch == ']')
            return i + 1;
    }
    return 0;
}

/* End of the "(target)" starting at p (b[p] == '('), parentheses balanced
 * and escapes honoured, on the same line; 0 when it does not close. */
static size_t close_paren(const char *b, size_t len, size_t p)
{
    int depth = 0;
    for (size_t i = p; i < len && i < p + 2000; i++) {
        char ch = b[i];
        if (ch == '\\' && i + 1 < len && b[i + 1] != '\n') {
            i++;
            continue;
        }
        if (ch == '\n' || ch == '\0')
            return 0;
        if (ch == '(')
            depth++;
        else if (ch == ')' && --depth == 0)
            return i + 1;
    }
    return 0;
}

static bool is_upper(unsigned char ch) { return ch >= 'A' && ch <= 'Z'; }
static bool is_alpha(unsigned char ch) { return is_upper(ch) || (ch >= 'a' && ch <= 'z'); }

static bool year_at(const char *p, size_t n)
{
    if (n < 4 || !is_digit((unsigned char)p[0]) || !is_digit((unsigned char)p[1]) ||
        !is_digit((unsigned char)p[2]) || !is_digit((unsigned char)p[3]))
        return false;
    int y = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
    return y >= 1500 && y <= 2099 && (n == 4 || !is_digit((unsigned char)p[4]));
}

/* Author-date citations in parentheses: "(Irish Times 2017)" (a source and
 * a year, resolving nowhere) or a whole reference "(Neer, R. M. (2013).
 * Title. Publisher.)" whose text is its own target. Returns the end of the
 * citation or 0; *full says which. */
static size_t paren_cite(const char *b, size_t len, size_t p, bool *full)
{
    size_t r = close_paren(b, len, p);
    if (!r || r - p < 8)
        return 0;
    size_t a = p + 1, e = r - 1;
    /* 1 to 4 capitalised words, then a year */
    size_t q = a;
    int words = 0;
    while (q < e && is_upper((unsigned char)b[q]) && words < 4) {
        while (q < e && (is_alpha((unsigned char)b[q]) || b[q] == '.' || b[q] == '\'' || b[q] == '-'))
            q++;
        words++;
        if (q < e && b[q] == ',')
            q++;
        if (q < e && b[q] == ' ')
            q++;
        else
            break;
    }
    static const char *const months[] = {"January", "February", "March", "April", "May",
                                         "June", "July", "August", "September", "October",
                                         "November", "December", "Spring", "Summer",
                                         "Autumn", "Fall", "Winter"};
    /* "(May 2005)" is a date, "(Founded 1950)" a claim, not a source */
    static const char *const not_source[] = {
        "Founded", "Established", "Est", "Built", "Opened", "Closed", "Completed", "Since",
        "Census", "Estimated", "Estimate", "Pop", "Population", "From", "Until", "Before",
        "After", "In", "As", "Born", "Died", "Circa", "Approx", "Updated", "Revised", "Year",
        "Rank", "Ranked", "Total", "Peak", "Late", "Early", "Mid", "End", "Fall", "Spring"};
    for (size_t k = 0; words == 1 && k < sizeof months / sizeof *months; k++)
        if (!strncmp(b + a, months[k], strlen(months[k])))
            words = 0;
    for (size_t k = 0; words && k < sizeof not_source / sizeof *not_source; k++) {
        size_t m = strlen(not_source[k]);
        if (!strncmp(b + a, not_source[k], m) && !is_alpha((unsigned char)b[a + m]))
            words = 0;
    }
    if (words && year_at(b + q, e - q) && q + 4 == e) {
        *full = false;
        return r;
    }
    /* "Surname, X." then "(YYYY)" somewhere inside */
    q = a;
    while (q < e && (is_alpha((unsigned char)b[q]) || b[q] == '-'))
        q++;
    if (q == a || !is_upper((unsigned char)b[a]) || q + 3 >= e || b[q] != ',' || b[q + 1] != ' ' ||
        !is_upper((unsigned char)b[q + 2]))
        return 0;
    for (size_t k = q; k + 6 <= e; k++)
        if (b[k] == '(' && year_at(b + k + 1, e - k - 1) && b[k + 5] == ')') {
            *full = true;
            return r;
        }
    return 0;
}

/* A bare web address standing in running text (not opening a line, where
 * it is a list entry) is a citation of itself. */
static size_t bare_url(const char *b, size_t len, size_t p)
{
    if (!(len - p > 8 && b[p + 1] == 't' && b[p + 2] == 't' && b[p + 3] == 'p' &&
          (!strncmp(b + p, "http://", 7) || !strncmp(b + p, "https://", 8))))
        return 0;
    if (p == 0 || (b[p - 1] != ' ' && b[p - 1] != '\t'))
        return 0;
    size_t ls = p;
    while (ls > 0 && b[ls - 1] != '\n')
        ls--;
    bool text = false;
    for (size_t k = ls; k < p; k++)
        if (is_alpha((unsigned char)b[k]))
            text = true;
    if (!text)
        return 0;
    size_t e = p;
    while (e < len && (unsigned char)b[e] > ' ')
        e++;
    while (e > p && (b[e - 1] == '.' || b[e - 1] == ',' || b[e - 1] == ';' || b[e - 1] == ':' ||
                     b[e - 1] == ')'))
        e--;
    return e;
}

void cck_src_cites_scan(seg_ctx *c)
{
    const char *b = c->s->bytes;
    size_t len = c->s->len;
    /* the bytes a marker, a parenthesised source or a web address opens with */
    static const unsigned char opens[256] = {['('] = 1, ['h'] = 1, ['['] = 1};
    for (size_t p = 0; p < len; p++) {
        p = cck_bytes_skip4(b, p, len, '(', 'h', '[', '[');
        while (p < len && !opens[(unsigned char)b[p]])
            p++;
        if (p >= len)
            break;
        if (b[p] == '(' && p > 0 && b[p - 1] == ' ') {
            bool full = false;
            size_t r = paren_cite(b, len, p, &full);
            if (r) {
                push_cite(c, p, r, full ? b + p + 1 : NULL, full ? r - p - 2 : 0, full);
                c->cites[c->ncites - 1].placeholder = false;
                p = r - 1;
            }
            continue;
        }
        if (b[p] == 'h') {
            size_t r = bare_url(b, len, p);
            if (r) {
                push_cite(c, p, r, b + p, r - p, true);
                p = r - 1;
            }
            continue;
        }
        if (b[p] != '[' || (p > 0 && b[p - 1] == '\\'))
            continue;
        size_t q = close_bracket(b, len, p);
        if (!q)
            continue;
        if (q < len && b[q] == '(') {
            size_t r = close_paren(b, len, q);
            if (r && q > p + 2) {
                push_cite(c, p, r, b + q + 1, r - q - 2, true);
                p = r - 1;
                continue;
            }
        }
        if (cck_src_is_label(b + p + 1, q - p - 2)) {
            push_cite(c, p, q, NULL, 0, false);
            p = q - 1;
        }
    }
}

size_t cck_src_cite_lower(const seg_ctx *c, size_t off)
{
    size_t lo = 0, hi = c->ncites;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (c->cites[mid].start < off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

void cck_src_ref_add(seg_ctx *c, size_t a, size_t b, size_t text_start,
                     const char *label, size_t label_len, bool number)
{
    const char *bytes = c->s->bytes;
    while (b > text_start && (bytes[b - 1] == ' ' || bytes[b - 1] == '\t' ||
                              bytes[b - 1] == '\r' || bytes[b - 1] == '\n'))
        b--;
    while (text_start < b && (bytes[text_start] == ' ' || bytes[text_start] == '\t'))
        text_start++;
    if (b <= a || text_start >= b)
        return;
    if (c->nrefs == c->rcap) {
        c->rcap = c->rcap ? 2 * c->rcap : 32;
        c->refs = cck_xreallocarray(c->refs, c->rcap, sizeof *c->refs);
    }
    cck_ref *r = &c->refs[c->nrefs++];
    memset(r, 0, sizeof *r);
    r->start = a;
    r->end = b;
    r->article = c->article;
    r->text = (cck_off)text_start;
    if (label) {
        r->label = cck_arena_strndup(c->s->arena, label, label_len);
        unsigned v = 0;
        size_t i = 0;
        for (; i < label_len && is_digit((unsigned char)label[i]) && v < 100000; i++)
            v = v * 10 + (unsigned)(label[i] - '0');
        if (i == label_len && label_len)
            c->next_label = v + 1;
    } else if (number && c->letter_mode) {
        /* explanatory notes cited as [a], [b], ... */
        unsigned n = c->next_letter++;
        r->label = n < 26 ? cck_arena_printf(c->s->arena, "%c", 'a' + n)
                          : cck_arena_printf(c->s->arena, "%c%c", 'a' + n / 26 - 1, 'a' + n % 26);
    } else if (number) {
        r->label = cck_arena_printf(c->s->arena, "%u", c->next_label++);
    } else {
        r->label = "";
    }
}

static unsigned article_of(const seg_ctx *c, size_t off)
{
    size_t lo = 0, hi = c->narts;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (c->arts[mid].start <= off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo ? (unsigned)(lo - 1) : 0;
}

/* "(Lee 2019)" resolves to the entry of the same article that opens with
 * the name and holds the year: "Lee, J. (2019). Fertilizer and Fibre." */
static void author_date(seg_ctx *c, cck_cite *ct, unsigned art)
{
    const char *m = c->s->bytes + ct->start + 1;
    size_t n = ct->end - ct->start - 2;    /* without the parentheses */
    if (n < 6)
        return;
    const char *year = m + n - 4;
    size_t nl = 0;                         /* the first name */
    while (nl < n && (is_alpha((unsigned char)m[nl]) || m[nl] == '-' || m[nl] == '\''))
        nl++;
    if (nl < 2)
        return;
    for (size_t j = 0; j < c->nrefs; j++) {
        cck_ref *r = &c->refs[j];
        size_t tn;
        const char *t = cck_ref_text(c->s, r, &tn);
        if (r->article != art || tn < nl || memcmp(t, m, nl) ||
            (tn > nl && is_alpha((unsigned char)t[nl])))
            continue;
        if (!memmem(t, tn, year, 4))
            continue;
        ct->ref = (int)j;
        r->uses++;
        return;
    }
}

typedef struct {
    unsigned article;
    const char *label;
    size_t len;
    size_t idx;
} ref_key;

static int key_cmp(const void *pa, const void *pb)
{
    const ref_key *a = pa, *b = pb;
    if (a->article != b->article)
        return a->article < b->article ? -1 : 1;
    size_t n = a->len < b->len ? a->len : b->len;
    int r = memcmp(a->label, b->label, n);
    if (r)
        return r;
    if (a->len != b->len)
        return a->len < b->len ? -1 : 1;
    return a->idx < b->idx ? -1 : a->idx > b->idx;
}

/* A sorted key table makes resolution n log n: a page may hold thousands
 * of markers and entries. The first entry of a label wins. */
void cck_src_cites_resolve(seg_ctx *c)
{
    if (!c->nrefs)
        return;
    ref_key *keys = cck_xcalloc(c->nrefs, sizeof *keys);
    for (size_t j = 0; j < c->nrefs; j++) {
        keys[j].article = c->refs[j].article;
        keys[j].label = c->refs[j].label;
        keys[j].len = strlen(c->refs[j].label);
        keys[j].idx = j;
    }
    qsort(keys, c->nrefs, sizeof *keys, key_cmp);
    for (size_t i = 0; i < c->ncites; i++) {
        cck_cite *ct = &c->cites[i];
        const char *mk = c->s->bytes + ct->start; /* the marker as written */
        if (!ct->target && mk[0] == '(') {
            author_date(c, ct, article_of(c, ct->start));
            continue;
        }
        if (ct->target || mk[0] != '[')
            continue;
        ref_key want = {article_of(c, ct->start), mk + 1, ct->end - ct->start - 2, 0};
        size_t lo = 0, hi = c->nrefs;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (key_cmp(&keys[mid], &want) < 0)
                lo = mid + 1;
            else
                hi = mid;
        }
        if (lo < c->nrefs && keys[lo].article == want.article && keys[lo].len == want.len &&
            !memcmp(keys[lo].label, want.label, want.len)) {
            ct->ref = (int)keys[lo].idx;
            c->refs[keys[lo].idx].uses++;
        }
    }
    free(keys);
}
