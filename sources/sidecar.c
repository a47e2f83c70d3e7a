/* sidecar.c: the optional sources file ".claimcheck-sources" beside the
 * sources, which says what each file is (title, url, date, publisher,
 * author) and how far to trust it (weight). Blocks of "key: value" lines,
 * each opened by "file: NAME"; "#" starts a comment line. What it says
 * overrides what the file says about itself. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "sources.h"

enum { SIDECAR_MAX = 1 << 20 };

static char *trim(char *p)
{
    while (*p == ' ' || *p == '\t')
        p++;
    size_t n = strlen(p);
    while (n && (p[n - 1] == ' ' || p[n - 1] == '\t' || p[n - 1] == '\r' || p[n - 1] == '\n'))
        p[--n] = '\0';
    return p;
}

void cck_src_sidecar_parse(cck_source *s, const char *side, const char *buf, size_t len,
                           cck_diags *d)
{
    const char *slash = strrchr(s->path, '/');
    const char *base = slash ? slash + 1 : s->path;
    char line[2048];
    unsigned ln = 0;
    bool mine = false;
    cck_meta *m = &s->meta;
    for (size_t at = 0; at < len && at < SIDECAR_MAX;) {
        const char *nl = memchr(buf + at, '\n', len - at);
        size_t e = nl ? (size_t)(nl - buf) : len, n = e - at;
        if (n >= sizeof line)
            n = sizeof line - 1;
        memcpy(line, buf + at, n);
        line[n] = '\0';
        at = e + 1;
        ln++;
        if (memchr(line, '\0', n)) {
            cck_diag_add(d, side, ln, 1, CCK_SEV_WARNING, "NUL byte; line skipped");
            continue;
        }
        char *p = trim(line);
        if (!*p || *p == '#')
            continue;
        char *colon = strchr(p, ':');
        if (!colon) {
            if (mine)
                cck_diag_add(d, side, ln, 1, CCK_SEV_WARNING, "expected \"key: value\"");
            continue;
        }
        *colon = '\0';
        char *key = trim(p), *val = trim(colon + 1);
        if (!strcasecmp(key, "file")) {
            mine = !strcmp(val, base) || !strcmp(val, s->path);
            continue;
        }
        if (!mine)
            continue;
        const char **field = !strcasecmp(key, "title")       ? &m->title
                           : !strcasecmp(key, "url")         ? &m->url
                           : !strcasecmp(key, "date")        ? &m->date
                           : !strcasecmp(key, "publisher")   ? &m->publisher
                           : !strcasecmp(key, "author")      ? &m->author
                                                             : NULL;
        if (field) {
            *field = *val ? cck_arena_strdup(s->arena, val) : NULL;
        } else if (!strcasecmp(key, "weight")) {
            char *end;
            double w = strtod(val, &end);
            if (end == val || *end || !(w >= 0 && w <= 10))
                cck_diag_add(d, side, ln, (unsigned)(val - line + 1), CCK_SEV_WARNING,
                             "weight takes a number from 0 to 10, not '%s'", val);
            else
                m->weight = w;
        } else {
            cck_diag_add(d, side, ln, 1, CCK_SEV_WARNING,
                         "unknown key '%s' (title, url, date, publisher, author, weight)", key);
        }
    }
}

void cck_src_memo_free(cck_src_memo *m)
{
    if (!m)
        return;
    free(m->dir);
    m->dir = NULL;
    m->len = 0;
}

void cck_src_sidecar(cck_source *s, cck_diags *d)
{
    cck_src_sidecar_memo(s, NULL, d);
}

void cck_src_sidecar_memo(cck_source *s, cck_src_memo *memo, cck_diags *d)
{
    const char *slash = strrchr(s->path, '/');
    size_t dl = slash ? (size_t)(slash - s->path) + 1 : 0;
    if (memo && memo->dir && memo->len == dl && !memcmp(memo->dir, s->path, dl))
        return; /* this directory has none */
    static const char name[] = ".claimcheck-sources";
    char *side = cck_xmalloc(dl + sizeof name);
    memcpy(side, s->path, dl);
    memcpy(side + dl, name, sizeof name);
    /* most directories have none: open() finds that out without the
     * stream fopen() would make and free for every source */
    int fd = open(side, O_RDONLY | O_CLOEXEC);
    FILE *f = fd >= 0 ? fdopen(fd, "rb") : NULL;
    if (!f) {
        int e = errno;
        if (fd >= 0)
            close(fd);
        if (e != ENOENT)
            cck_diag_add(d, side, 0, 0, CCK_SEV_WARNING, "cannot read: %s", strerror(e));
        if (e == ENOENT && memo) {
            free(memo->dir);
            memo->dir = side; /* its directory part: the first dl bytes */
            memo->len = dl;
            return;
        }
        free(side);
        return;
    }
    char *buf = cck_xmalloc(SIDECAR_MAX);
    size_t len = fread(buf, 1, SIDECAR_MAX, f);
    fclose(f);
    cck_src_sidecar_parse(s, side, buf, len, d);
    free(buf);
    free(side);
}
