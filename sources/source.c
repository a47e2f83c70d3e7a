/* source.c: reading a source file into memory unchanged, its line-start
 * tables, UTF-8 diagnostics, the map from projected text back to the file,
 * and the claim list each source owns. */
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "claimcheck.h"
#include "sources.h"

enum { DEFAULT_MAX_BYTES = 256u * 1024 * 1024 };

/* Zero bytes kept after every source's text: PCRE2's JIT may read a few
 * bytes past the subject's end, which valgrind reports as uninitialised
 * reads unless they are defined. */
enum { TAIL_PAD = 64 };

/* buf (cap bytes) cut or grown to len + TAIL_PAD, the pad zeroed: sources
 * are kept for the whole run, so no slack. */
static char *pad_tail(char *buf, size_t len, size_t cap)
{
    if (cap < len + TAIL_PAD || cap - (len + TAIL_PAD) > TAIL_PAD)
        buf = cck_xrealloc(buf, len + TAIL_PAD);
    memset(buf + len, 0, TAIL_PAD);
    return buf;
}

static cck_off *line_table(const char *b, size_t len, size_t *nlines)
{
    /* memchr: the C library's is vectorised, a byte loop is not. One pass
     * into room for lines of 32 bytes on average, grown if they are
     * shorter, then cut to size (sources are kept for the whole run). */
    size_t cap = len / 32 + 16, k = 0;
    cck_off *v = cck_xreallocarray(NULL, cap, sizeof *v);
    v[k++] = 0;
    for (const char *p = b, *e = b + len; (p = memchr(p, '\n', (size_t)(e - p))); p++) {
        if (k == cap) {
            cap *= 2;
            v = cck_xreallocarray(v, cap, sizeof *v);
        }
        v[k++] = (cck_off)(p - b) + 1;
    }
    if (k < cap)
        v = cck_xreallocarray(v, k, sizeof *v);
    *nlines = k;
    return v;
}

static cck_source *make(const char *path, char *bytes, size_t len)
{
    cck_source *s = cck_xcalloc(1, sizeof *s);
    s->path = cck_xstrndup(path, strlen(path));
    s->bytes = bytes;
    s->len = len;
    s->arena = cck_arena_new();
    size_t nl;
    s->line_starts = line_table(bytes, len, &nl);
    s->nlines = (cck_off)nl;
    s->raw = bytes;
    s->raw_len = len;
    s->raw_line_starts = s->line_starts;
    s->raw_nlines = s->nlines;
    s->meta.weight = 1;
    return s;
}

void cck_src_set_projection(cck_source *s, cck_proj *p)
{
    /* the builder's buffers grew by doubling; the source keeps them for the
     * whole run, so without the slack */
    char *b = p->b ? cck_xrealloc(p->b, p->n + TAIL_PAD) : cck_xmalloc(TAIL_PAD);
    memset(b + p->n, 0, TAIL_PAD);
    if (p->np && p->np < p->pcap)
        p->v = cck_xreallocarray(p->v, p->np, sizeof *p->v);
    if (s->raw != s->bytes)
        free(s->bytes);
    if (s->line_starts != s->raw_line_starts)
        free(s->line_starts);
    free(s->pieces);
    s->bytes = b;
    /* a text over the limit keeps a length that says so (load refuses it) */
    s->len = (cck_off)(p->n > CCK_SOURCE_MAX ? (size_t)CCK_SOURCE_MAX + 1 : p->n);
    size_t nl;
    s->line_starts = line_table(b, p->n, &nl);
    s->nlines = (cck_off)nl;
    s->pieces = p->v;
    s->npieces = p->np;
    memset(p, 0, sizeof *p);
}

/* The last piece whose projected start is <= off. */
static size_t piece_at(const cck_source *s, size_t off)
{
    size_t lo = 0, hi = s->npieces;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (s->pieces[mid].proj <= off)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

static size_t piece_end(const cck_source *s, size_t k)
{
    return k + 1 < s->npieces ? s->pieces[k + 1].proj : s->len;
}

/* File offset where projected offset off begins. */
static size_t raw_start(const cck_source *s, size_t off)
{
    if (s->raw == s->bytes || !s->npieces)
        return off < s->raw_len ? off : s->raw_len;
    if (off >= s->len)
        return s->pieces[s->npieces - 1].raw_end;
    const cck_piece *p = &s->pieces[piece_at(s, off)];
    size_t plen = piece_end(s, (size_t)(p - s->pieces)) - p->proj;
    if (off < p->proj)
        return p->raw;
    if (plen == p->raw_end - p->raw)
        return p->raw + (off - p->proj);
    return p->raw;
}

/* File offset where the projected span ending at off (exclusive) ends. */
static size_t raw_end(const cck_source *s, size_t off)
{
    if (s->raw == s->bytes || !s->npieces)
        return off < s->raw_len ? off : s->raw_len;
    if (off == 0)
        return s->pieces[0].raw;
    if (off > s->len)
        off = s->len;
    size_t k = piece_at(s, off - 1);
    const cck_piece *p = &s->pieces[k];
    size_t plen = piece_end(s, k) - p->proj;
    if (off - 1 < p->proj)
        return p->raw;
    if (plen == p->raw_end - p->raw)
        return p->raw + (off - p->proj);
    return p->raw_end;
}

void cck_source_file_span(const cck_source *s, size_t start, size_t end, size_t *fstart,
                          size_t *fend)
{
    size_t a = raw_start(s, start), b = end > start ? raw_end(s, end) : a;
    if (b < a)
        b = a;
    *fstart = a;
    *fend = b;
}

void cck_source_raw_linecol(const cck_source *s, size_t off, unsigned *line, unsigned *col)
{
    size_t lo = 0, hi = s->raw_nlines; /* last line start <= off */
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (s->raw_line_starts[mid] <= off)
            lo = mid;
        else
            hi = mid;
    }
    *line = (unsigned)(lo + 1);
    *col = (unsigned)(off - s->raw_line_starts[lo] + 1);
}

/* Length of the valid UTF-8 sequence at p (1..4), or 0 when invalid. */
static size_t utf8_len(const unsigned char *p, size_t avail)
{
    unsigned c = p[0];
    if (c < 0x80)
        return 1;
    size_t n;
    unsigned min;
    if (c >= 0xC2 && c <= 0xDF) { n = 2; min = 0x80; }
    else if (c >= 0xE0 && c <= 0xEF) { n = 3; min = 0x800; }
    else if (c >= 0xF0 && c <= 0xF4) { n = 4; min = 0x10000; }
    else return 0;
    if (avail < n)
        return 0;
    unsigned cp = c & (0x7F >> n);
    for (size_t i = 1; i < n; i++) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (p[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return n;
}

/* Invalid UTF-8 and NUL bytes are diagnosed (first occurrence and a count)
 * and left in place: the matchers treat them as barriers. */
void cck_src_check_utf8(const cck_source *s, cck_diags *d)
{
    const unsigned char *p = (const unsigned char *)s->raw;
    size_t bad = 0, nul = 0, first_bad = SIZE_MAX, first_nul = SIZE_MAX;
    for (size_t i = 0; i < s->raw_len;) {
        /* ASCII without NUL, eight bytes at a time: no high bit set, and
         * no zero byte ((w - 0x01..) & ~w has a high bit where one is) */
        while (i + 8 <= s->raw_len) {
            uint64_t w;
            memcpy(&w, p + i, 8);
            if ((w & 0x8080808080808080u) ||
                ((w - 0x0101010101010101u) & ~w & 0x8080808080808080u))
                break;
            i += 8;
        }
        if (i >= s->raw_len)
            break;
        if (p[i] == 0) {
            if (!nul++)
                first_nul = i;
            i++;
            continue;
        }
        size_t n = utf8_len(p + i, s->raw_len - i);
        if (!n) {
            if (!bad++)
                first_bad = i;
            i++;
        } else {
            i += n;
        }
    }
    unsigned line, col;
    if (bad) {
        cck_source_raw_linecol(s, first_bad, &line, &col);
        cck_diag_add(d, s->path, line, col, CCK_SEV_WARNING,
                     "invalid UTF-8 (%zu byte%s); figures next to them may be missed",
                     bad, bad == 1 ? "" : "s");
    }
    if (nul) {
        cck_source_raw_linecol(s, first_nul, &line, &col);
        cck_diag_add(d, s->path, line, col, CCK_SEV_WARNING,
                     "NUL byte in text (%zu in all); is this a binary file?", nul);
    }
}

/* Runs the reader the file's markup calls for over a source made from the
 * file's bytes. */
static cck_source *read_markup(cck_source *s, cck_diags *d)
{
    s->markup = cck_src_detect(s->path, s->raw, s->raw_len);
    switch (s->markup) {
    case CCK_MARKUP_HTML: cck_src_read_html(s, d); break;
    case CCK_MARKUP_XML: cck_src_read_xml(s, d); break;
    case CCK_MARKUP_MARKDOWN: cck_src_read_markdown(s, d); break;
    case CCK_MARKUP_TEXT: cck_src_check_utf8(s, d); break;
    }
    return s;
}

/* read() until end of file, retrying when interrupted; -1 on error. */
static ssize_t read_some(int fd, char *buf, size_t n)
{
    for (;;) {
        ssize_t got = read(fd, buf, n);
        if (got >= 0 || errno != EINTR)
            return got;
    }
}

cck_status cck_source_load(const char *path, size_t max_bytes, cck_source **out,
                           cck_diags *d)
{
    return cck_src_load_memo(path, max_bytes, NULL, out, d);
}

cck_status cck_src_load_memo(const char *path, size_t max_bytes, cck_src_memo *memo,
                             cck_source **out, cck_diags *d)
{
    *out = NULL;
    if (!max_bytes)
        max_bytes = DEFAULT_MAX_BYTES;
    if (max_bytes > CCK_SOURCE_MAX)
        max_bytes = CCK_SOURCE_MAX;
    /* open, one fstat, reads into a buffer sized by it, close: no stdio
     * stream (its buffer, its own fstat, a copy) for thousands of files */
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        int e = errno;
        cck_diag_add(d, path, 0, 0, CCK_SEV_ERROR, "cannot open: %s", strerror(e));
        return CCK_ERR_IO;
    }
    struct stat st;
    bool stated = fstat(fd, &st) == 0;
    if (stated && S_ISDIR(st.st_mode)) {
        close(fd);
        cck_diag_add(d, path, 0, 0, CCK_SEV_ERROR, "is a directory");
        return CCK_ERR_IO;
    }
    size_t cap = 64 * 1024, len = 0;
    bool sized = stated && S_ISREG(st.st_mode) && st.st_size > 0;
    if (sized) {
        if ((uintmax_t)st.st_size > max_bytes) {
            close(fd);
            cck_diag_add(d, path, 0, 0, CCK_SEV_ERROR,
                         "file is %jd bytes, over the limit of %zu; skipped",
                         (intmax_t)st.st_size, max_bytes);
            return CCK_ERR_LIMIT;
        }
        /* room for the whole file, the probe that finds its end and the
         * pad: a buffer doubled by that last read would be twice the file,
         * kept for the whole run */
        cap = (size_t)st.st_size + 1 + TAIL_PAD;
    }
    char *buf = cck_xmalloc(cap);
    for (;;) {
        if (len + 1 >= cap) {
            if (cap > max_bytes) {
                free(buf);
                close(fd);
                cck_diag_add(d, path, 0, 0, CCK_SEV_ERROR,
                             "input over the limit of %zu bytes; skipped", max_bytes);
                return CCK_ERR_LIMIT;
            }
            cap *= 2;
            buf = cck_xrealloc(buf, cap);
        }
        ssize_t got = read_some(fd, buf + len, cap - len - 1);
        if (got < 0) {
            int e = errno;
            free(buf);
            close(fd);
            cck_diag_add(d, path, 0, 0, CCK_SEV_ERROR, "read error: %s", strerror(e));
            return CCK_ERR_IO;
        }
        if (got == 0)
            break;
        len += (size_t)got;
        /* a regular file read to the size fstat gave, in a read that
         * stopped short of the room it had, is at its end: no probe */
        if (sized && len == (size_t)st.st_size && len + 1 < cap)
            break;
    }
    close(fd);
    buf = pad_tail(buf, len, cap);
    cck_source *s = read_markup(make(path, buf, len), d);
    if (sized && len == (size_t)st.st_size) {
        /* what tells, if the text is let go, that the file is still it */
        s->on_disk = true;
        s->file_ino = (uint64_t)st.st_ino;
        s->file_mtime_s = (int64_t)st.st_mtim.tv_sec;
        s->file_mtime_ns = st.st_mtim.tv_nsec;
    }
    if (s->len > CCK_SOURCE_MAX) {
        /* a transcoded text can outgrow its file */
        cck_diag_add(d, path, 0, 0, CCK_SEV_ERROR,
                     "text is over %zu bytes once decoded, the limit; skipped",
                     (size_t)CCK_SOURCE_MAX);
        cck_source_free(s);
        return CCK_ERR_LIMIT;
    }
    *out = s;
    cck_src_sidecar_memo(*out, memo, d);
    return CCK_OK;
}

cck_source *cck_source_from_memory(const char *path, const char *bytes, size_t len)
{
    char *buf = cck_xmalloc(len + TAIL_PAD);
    memcpy(buf, bytes, len);
    return make(path, pad_tail(buf, len, len + TAIL_PAD), len);
}

cck_source *cck_source_parse(const char *path, const char *bytes, size_t len, cck_diags *d)
{
    char *buf = cck_xmalloc(len + TAIL_PAD);
    if (len)
        memcpy(buf, bytes, len);
    return read_markup(make(path, pad_tail(buf, len, len + TAIL_PAD), len), d);
}

void cck_source_free(cck_source *s)
{
    if (!s)
        return;
    free(s->path);
    if (s->raw != s->bytes)
        free(s->raw);
    free(s->bytes);
    if (s->raw_line_starts != s->line_starts)
        free(s->raw_line_starts);
    free(s->line_starts);
    free(s->pieces);
    free(s->claims);
    free(s->excerpts);
    free(s->kept);
    cck_arena_free(s->arena);
    free(s);
}

void cck_source_linecol(const cck_source *s, size_t off, unsigned *line, unsigned *col)
{
    cck_source_raw_linecol(s, raw_start(s, off), line, col);
}

/* A file span to keep. */
typedef struct {
    cck_off a, b;
} fspan;

static int by_file_offset(const void *a, const void *b)
{
    const fspan *x = a, *y = b;
    return x->a < y->a ? -1 : x->a > y->a ? 1 : (x->b > y->b) - (x->b < y->b);
}

/* Keeps of s->raw only the file spans v[0, n) (sorted and merged here), as
 * excerpts, and frees it (and v). Spans closer than an excerpt's size
 * become one: the bytes between cost less than another excerpt. */
static void keep_spans(cck_source *s, fspan *v, size_t n)
{
    qsort(v, n, sizeof *v, by_file_offset);
    size_t m = 0, bytes = 0;
    for (size_t i = 0; i < n; i++) {
        if (m && v[i].a <= (size_t)v[m - 1].b + sizeof(cck_excerpt)) {
            if (v[i].b > v[m - 1].b)
                v[m - 1].b = v[i].b;
        } else {
            v[m++] = v[i];
        }
    }
    cck_excerpt *ex = m ? cck_xreallocarray(NULL, m, sizeof *ex) : NULL;
    for (size_t i = 0; i < m; i++) {
        ex[i] = (cck_excerpt){v[i].a, (cck_off)bytes};
        bytes += v[i].b - v[i].a;
    }
    char *kept = cck_xmalloc(bytes ? bytes : 1);
    for (size_t i = 0; i < m; i++)
        memcpy(kept + ex[i].at, s->raw + v[i].a, v[i].b - v[i].a);
    free(v);
    free(s->excerpts);
    free(s->kept);
    s->excerpts = ex;
    s->nexcerpts = m;
    s->kept = kept;
    s->nkept = bytes;
    free(s->raw);
    s->raw = NULL;
}

/* The file span of each claim of s into v (room for s->nclaims); how many. */
static size_t claim_spans(const cck_source *s, fspan *v)
{
    size_t n = 0;
    for (size_t i = 0; i < s->nclaims; i++) {
        const cck_claim *c = &s->claims[i];
        size_t a = c->start < s->len ? c->start : s->len;
        size_t b = c->end < s->len ? c->end : s->len;
        size_t fs, fe;
        cck_source_file_span(s, a, b > a ? b : a, &fs, &fe);
        if (fe > fs)
            v[n++] = (fspan){(cck_off)fs, (cck_off)fe};
    }
    return n;
}

void cck_source_keep_claim_raw(cck_source *s)
{
    if (!s->raw || s->raw == s->bytes)
        return;
    /* the projected text's own line table: only the structure pass reads
     * it (lines and columns are the file's) */
    if (s->line_starts != s->raw_line_starts) {
        free(s->line_starts);
        s->line_starts = NULL;
    }
    fspan *v = cck_xreallocarray(NULL, s->nclaims ? s->nclaims : 1, sizeof *v);
    keep_spans(s, v, claim_spans(s, v));
}

void cck_source_drop_text(cck_source *s)
{
    if (!s->bytes || s->raw != s->bytes || !s->on_disk)
        return;
    /* the claims' spans and the markers' (their file spans: the file is
     * the text) */
    size_t room = s->nclaims + s->ncites;
    fspan *v = cck_xreallocarray(NULL, room ? room : 1, sizeof *v);
    size_t n = claim_spans(s, v);
    for (size_t i = 0; i < s->ncites; i++)
        if (s->cites[i].end > s->cites[i].start && s->cites[i].end <= s->len)
            v[n++] = (fspan){s->cites[i].start, s->cites[i].end};
    keep_spans(s, v, n);   /* frees raw, which is bytes */
    s->bytes = NULL;
}

bool cck_source_dropped(const cck_source *s)
{
    return !s->bytes;
}

void cck_textbuf_free(cck_textbuf *t)
{
    free(t->b);
    t->b = NULL;
    t->cap = 0;
}

/* A source whose text was let go can no longer be read as it was: every
 * offset kept points into what it held, so the run stops. */
_Noreturn static void changed(const cck_source *s, const char *why)
{
    fprintf(stderr, "claimcheck: %s: %s (the check reads it again at each stage); stopped\n",
            s->path, why);
    fflush(stderr);
    _exit(2);
}

/* The file of a dropped source opened again and checked to be what was
 * read: its descriptor, or the run stops. */
static int reopen(const cck_source *s)
{
    int fd = open(s->path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        changed(s, "cannot be opened again since it was read");
    struct stat st;
    if (fstat(fd, &st) != 0 || (size_t)st.st_size != s->len || (uint64_t)st.st_ino != s->file_ino ||
        (int64_t)st.st_mtim.tv_sec != s->file_mtime_s || st.st_mtim.tv_nsec != s->file_mtime_ns) {
        close(fd);
        changed(s, "changed since it was read");
    }
    return fd;
}

/* Bytes [from, to) of the file of dropped s into t, NUL-padded. */
static const char *read_range(const cck_source *s, size_t from, size_t to, cck_textbuf *t)
{
    int fd = reopen(s);
    size_t n = to - from;
    if (t->cap < n + TAIL_PAD) {
        free(t->b);
        t->cap = n + TAIL_PAD;
        t->b = cck_xmalloc(t->cap);
    }
    size_t got = 0;
    while (got < n) {
        ssize_t k = pread(fd, t->b + got, n - got, (off_t)(from + got));
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            break;
        got += (size_t)k;
    }
    close(fd);
    if (got != n)
        changed(s, "changed since it was read");
    memset(t->b + n, 0, TAIL_PAD);
    return t->b;
}

const char *cck_source_text(const cck_source *s, cck_textbuf *t)
{
    return cck_source_dropped(s) ? read_range(s, 0, s->len, t) : s->bytes;
}

const char *cck_source_text_range(const cck_source *s, size_t from, size_t to, cck_textbuf *t)
{
    if (from > to || to > s->len)
        return NULL;
    return cck_source_dropped(s) ? read_range(s, from, to, t) : s->bytes + from;
}

const char *cck_source_span(const cck_source *s, size_t start, size_t end)
{
    if (end < start || end > s->len)
        return NULL;
    if (s->bytes)
        return s->bytes + start;
    return cck_source_raw_text(s, start, end);   /* let go: what was kept */
}

const char *cck_source_raw_text(const cck_source *s, size_t fstart, size_t fend)
{
    if (fend <= fstart)
        return "";
    if (s->raw)
        return fend <= s->raw_len ? s->raw + fstart : NULL;
    size_t lo = 0, hi = s->nexcerpts; /* the last excerpt starting <= fstart */
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (s->excerpts[mid].raw <= fstart)
            lo = mid;
        else
            hi = mid;
    }
    const cck_excerpt *e = s->nexcerpts ? &s->excerpts[lo] : NULL;
    size_t len = !e ? 0 : lo + 1 < s->nexcerpts ? e[1].at - e->at : s->nkept - e->at;
    if (!e || e->raw > fstart || fend > (size_t)e->raw + len)
        return NULL;
    return s->kept + e->at + (fstart - e->raw);
}

const cck_table_cell *cck_unit_cell(const cck_source *s, const cck_unit *u)
{
    static const cck_table_cell none = {NULL, NULL, NULL, -1, 0};
    if (u->zone != CCK_ZONE_TABLE || !s->ncells)
        return &none;
    size_t ui = (size_t)(u - s->units), lo = 0, hi = s->ncells;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (s->cells[mid].unit < ui)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < s->ncells && s->cells[lo].unit == ui ? &s->cells[lo] : &none;
}

size_t cck_unit_ncites(const cck_source *s, const cck_unit *u)
{
    size_t ui = (size_t)(u - s->units);
    size_t end = ui + 1 < s->nunits ? u[1].cites : s->nunit_cites;
    return end > u->cites ? end - u->cites : 0;
}

/* Bytes [a, b) of text up to the first NUL (all of them when text is
 * NULL: then "", for a source whose text was let go). */
static const char *bounded(const char *text, size_t a, size_t b, size_t *n)
{
    if (!text || b <= a) {
        *n = 0;
        return "";
    }
    *n = strnlen(text + a, b - a);
    return text + a;
}

const char *cck_section_title(const cck_source *s, size_t k, size_t *n)
{
    return cck_section_title_in(s, s->bytes, k, n);
}

const char *cck_section_title_in(const cck_source *s, const char *text, size_t k, size_t *n)
{
    return bounded(text, s->sections[k].start, s->sections[k].end, n);
}

const char *cck_ref_text(const cck_source *s, const cck_ref *r, size_t *n)
{
    return bounded(s->bytes, r->text, r->end, n);
}

char *cck_ref_text_dup(const cck_source *s, const cck_ref *r)
{
    size_t n;
    const char *p = cck_ref_text(s, r, &n);
    return cck_xstrndup(p, n);
}

const char *cck_cite_marker(const cck_source *s, const cck_cite *c, size_t *n)
{
    *n = c->end - c->start;
    if (s->bytes)
        return s->bytes + c->start;
    const char *p = cck_source_span(s, c->start, c->end);
    if (!p)
        *n = 0;
    return p ? p : "";
}

const cck_cite *cck_unit_cite(const cck_source *s, const cck_unit *u, size_t k)
{
    size_t i = s->unit_cites[u->cites + k];
    return i < s->ncites ? &s->cites[i] : NULL;
}

cck_claim *cck_source_add_claim(cck_source *s, const cck_claim *c)
{
    if (s->nclaims == s->claims_cap) {
        /* claims never overlap: a source has fewer than bytes */
        if (s->claims_cap >= CCK_SOURCE_MAX) {
            fprintf(stderr, "claimcheck: %s: more than %zu claims in one source\n", s->path,
                    (size_t)CCK_SOURCE_MAX);
            abort();
        }
        size_t cap = s->claims_cap ? (size_t)s->claims_cap * 2 : 32;
        s->claims_cap = (cck_off)(cap > CCK_SOURCE_MAX ? CCK_SOURCE_MAX : cap);
        s->claims = cck_xreallocarray(s->claims, s->claims_cap, sizeof *s->claims);
    }
    cck_claim *d = &s->claims[s->nclaims];
    *d = *c;
    d->src = s;
    d->index = s->nclaims++;
    return d;
}

void cck_src_trim_claims(cck_source *s)
{
    if (s->nclaims && s->nclaims < s->claims_cap) {
        s->claims = cck_xreallocarray(s->claims, s->nclaims, sizeof *s->claims);
        s->claims_cap = s->nclaims;
        for (size_t i = 0; i < s->nclaims; i++)
            s->claims[i].src = s;
    }
}

const char *cck_markup_name(cck_markup m)
{
    static const char *const names[] = {"text", "markdown", "html", "xml"};
    return (unsigned)m < sizeof names / sizeof *names ? names[m] : "text";
}

const char *cck_zone_name(cck_zone z)
{
    switch (z) {
    case CCK_ZONE_BODY: return "body";
    case CCK_ZONE_TABLE: return "table";
    case CCK_ZONE_REFERENCES: return "references";
    case CCK_ZONE_COMMENTS: return "comments";
    }
    return "body";
}

const char *cck_kind_name(cck_kind k)
{
    static const char *const names[] = {"count", "measure", "percent", "money",
                                        "date", "coordinate", "rank"};
    return (unsigned)k < sizeof names / sizeof *names ? names[k] : "count";
}

const char *cck_bound_name(cck_bound b)
{
    return b == CCK_BOUND_LOWER ? "lower" : b == CCK_BOUND_UPPER ? "upper" : NULL;
}

const char *cck_group_status_name(cck_group_status s)
{
    return s == CCK_GROUP_CONFLICT ? "conflict" : s == CCK_GROUP_CONSISTENT ? "consistent" : "single";
}

/* ---- the units claims have ----------------------------------------------- */

/* A claim keeps its unit as a number into this table, which only grows and
 * starts with "". A lookup reads the entries published before it (nunits
 * is stored once the entry is written); a new unit is added under the lock
 * (extractors run on several threads), its name copied into the pool. */
static const char *unit_names[CCK_UNITS_MAX + 1] = {""};
static _Atomic size_t nunits = 1;
static char unit_pool[4096];
static size_t pool_used;
static pthread_mutex_t unit_lock = PTHREAD_MUTEX_INITIALIZER;

static size_t unit_find(const char *u, size_t from, size_t n)
{
    for (size_t i = from; i < n; i++)
        if (unit_names[i] == u || !strcmp(unit_names[i], u))
            return i;
    return SIZE_MAX;
}

_Noreturn static void units_full(const char *u)
{
    fprintf(stderr, "claimcheck: more than %d distinct units (at \"%s\"); stopped\n", CCK_UNITS_MAX, u);
    abort();
}

void cck_claim_set_unit(cck_claim *c, const char *unit)
{
    const char *u = unit ? unit : "";
    size_t n = atomic_load_explicit(&nunits, memory_order_acquire);
    size_t k = unit_find(u, 0, n);
    if (k == SIZE_MAX) {
        pthread_mutex_lock(&unit_lock);
        size_t m = atomic_load_explicit(&nunits, memory_order_relaxed);
        k = unit_find(u, n, m);
        if (k == SIZE_MAX) {
            size_t len = strlen(u) + 1;
            if (m > CCK_UNITS_MAX || len > sizeof unit_pool - pool_used)
                units_full(u);
            char *copy = memcpy(unit_pool + pool_used, u, len);
            pool_used += len;
            unit_names[m] = copy;
            k = m;
            atomic_store_explicit(&nunits, m + 1, memory_order_release);
        }
        pthread_mutex_unlock(&unit_lock);
    }
    c->unit_no = (uint8_t)k;
}

const char *cck_claim_unit(const cck_claim *c)
{
    return unit_names[c->unit_no];
}

/* A date's ISO text in 8 bytes: the year's four, then the month's two and
 * the day's two when written (0 bytes otherwise); the dashes go without
 * saying. */
const char *cck_claim_date(const cck_claim *c, bool hi, char buf[CCK_DATE_TEXT])
{
    const unsigned char *d = c->date[hi];
    size_t n = 0;
    for (size_t i = 0; i < 8 && d[i]; i++) {
        if (i == 4 || i == 6)
            buf[n++] = '-';
        buf[n++] = (char)d[i];
    }
    buf[n] = '\0';
    return buf;
}

void cck_claim_set_date(cck_claim *c, bool hi, const char *iso)
{
    unsigned char *d = c->date[hi];
    memset(d, 0, 8);
    /* the text's bytes by the places they take in d; '-' at 4 and 7 */
    for (size_t i = 0, k = 0; iso[i] && k < 8; i++) {
        bool dash = i == 4 || i == 7;
        if (dash != (iso[i] == '-'))
            break;
        if (!dash)
            d[k++] = (unsigned char)iso[i];
    }
    /* only whole parts: a year of four, a month or a day of two */
    size_t n = 0;
    while (n < 8 && d[n])
        n++;
    size_t whole = n >= 8 ? 8 : n >= 6 ? 6 : n >= 4 ? 4 : 0;
    memset(d + whole, 0, 8 - whole);
}

bool cck_claim_one_date(const cck_claim *c)
{
    return memcmp(c->date[0], c->date[1], sizeof c->date[0]) == 0;
}
