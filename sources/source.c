/* source.c: reading a source file into memory unchanged, its line-start
 * table, UTF-8 diagnostics, and the claim list each source owns. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "claimcheck.h"

enum { DEFAULT_MAX_BYTES = 256u * 1024 * 1024 };

/* Zero bytes kept after every source's text: PCRE2's JIT may read a few
 * bytes past the subject's end, which valgrind reports as uninitialised
 * reads unless they are defined. */
enum { TAIL_PAD = 64 };

static char *pad_tail(char *buf, size_t len, size_t cap)
{
    if (cap < len + TAIL_PAD)
        buf = cck_xrealloc(buf, len + TAIL_PAD);
    memset(buf + len, 0, TAIL_PAD);
    return buf;
}

static void build_lines(cck_source *s)
{
    size_t n = 1;
    for (size_t i = 0; i < s->len; i++)
        n += s->bytes[i] == '\n';
    s->line_starts = cck_xcalloc(n, sizeof *s->line_starts);
    s->nlines = 0;
    s->line_starts[s->nlines++] = 0;
    for (size_t i = 0; i < s->len; i++)
        if (s->bytes[i] == '\n')
            s->line_starts[s->nlines++] = i + 1;
}

static cck_source *make(const char *path, char *bytes, size_t len)
{
    cck_source *s = cck_xcalloc(1, sizeof *s);
    s->path = cck_xstrndup(path, strlen(path));
    s->bytes = bytes;
    s->len = len;
    s->arena = cck_arena_new();
    build_lines(s);
    return s;
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
static void check_text(const cck_source *s, cck_diags *d)
{
    const unsigned char *p = (const unsigned char *)s->bytes;
    size_t bad = 0, nul = 0, first_bad = SIZE_MAX, first_nul = SIZE_MAX;
    for (size_t i = 0; i < s->len;) {
        if (p[i] == 0) {
            if (!nul++)
                first_nul = i;
            i++;
            continue;
        }
        size_t n = utf8_len(p + i, s->len - i);
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
        cck_source_linecol(s, first_bad, &line, &col);
        cck_diag_add(d, s->path, line, col, CCK_SEV_WARNING,
                     "invalid UTF-8 (%zu byte%s); figures next to them may be missed",
                     bad, bad == 1 ? "" : "s");
    }
    if (nul) {
        cck_source_linecol(s, first_nul, &line, &col);
        cck_diag_add(d, s->path, line, col, CCK_SEV_WARNING,
                     "NUL byte in text (%zu in all); is this a binary file?", nul);
    }
}

cck_status cck_source_load(const char *path, size_t max_bytes, cck_source **out,
                           cck_diags *d)
{
    *out = NULL;
    if (!max_bytes)
        max_bytes = DEFAULT_MAX_BYTES;
    FILE *f = fopen(path, "rb");
    if (!f) {
        int e = errno;
        cck_diag_add(d, path, 0, 0, CCK_SEV_ERROR, "cannot open: %s", strerror(e));
        return CCK_ERR_IO;
    }
    struct stat st;
    if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
        fclose(f);
        cck_diag_add(d, path, 0, 0, CCK_SEV_ERROR, "is a directory");
        return CCK_ERR_IO;
    }
    size_t cap = 64 * 1024, len = 0;
    if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
        if ((uintmax_t)st.st_size > max_bytes) {
            fclose(f);
            cck_diag_add(d, path, 0, 0, CCK_SEV_ERROR,
                         "file is %jd bytes, over the limit of %zu; skipped",
                         (intmax_t)st.st_size, max_bytes);
            return CCK_ERR_LIMIT;
        }
        cap = (size_t)st.st_size + 1;
    }
    char *buf = cck_xmalloc(cap);
    for (;;) {
        if (len + 1 >= cap) {
            if (cap > max_bytes) {
                free(buf);
                fclose(f);
                cck_diag_add(d, path, 0, 0, CCK_SEV_ERROR,
                             "input over the limit of %zu bytes; skipped", max_bytes);
                return CCK_ERR_LIMIT;
            }
            cap *= 2;
            buf = cck_xrealloc(buf, cap);
        }
        size_t got = fread(buf + len, 1, cap - len - 1, f);
        len += got;
        if (got == 0) {
            if (ferror(f)) {
                int e = errno;
                free(buf);
                fclose(f);
                cck_diag_add(d, path, 0, 0, CCK_SEV_ERROR, "read error: %s", strerror(e));
                return CCK_ERR_IO;
            }
            break;
        }
    }
    fclose(f);
    buf = pad_tail(buf, len, cap);
    cck_source *s = make(path, buf, len);
    check_text(s, d);
    *out = s;
    return CCK_OK;
}

cck_source *cck_source_from_memory(const char *path, const char *bytes, size_t len)
{
    char *buf = cck_xmalloc(len + TAIL_PAD);
    memcpy(buf, bytes, len);
    return make(path, pad_tail(buf, len, len + TAIL_PAD), len);
}

void cck_source_free(cck_source *s)
{
    if (!s)
        return;
    free(s->path);
    free(s->bytes);
    free(s->line_starts);
    free(s->claims);
    cck_arena_free(s->arena);
    free(s);
}

void cck_source_linecol(const cck_source *s, size_t off, unsigned *line, unsigned *col)
{
    size_t lo = 0, hi = s->nlines; /* last line start <= off */
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (s->line_starts[mid] <= off)
            lo = mid;
        else
            hi = mid;
    }
    *line = (unsigned)(lo + 1);
    *col = (unsigned)(off - s->line_starts[lo] + 1);
}

cck_claim *cck_source_add_claim(cck_source *s, const cck_claim *c)
{
    if (s->nclaims == s->claims_cap) {
        s->claims_cap = s->claims_cap ? s->claims_cap * 2 : 32;
        s->claims = cck_xreallocarray(s->claims, s->claims_cap, sizeof *s->claims);
    }
    cck_claim *d = &s->claims[s->nclaims];
    *d = *c;
    d->src = s;
    d->index = s->nclaims++;
    return d;
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
