/* sidecar.c: the optional sources file ".claimcheck-sources" beside the
 * sources, which says what each file is (title, url, date, publisher,
 * author) and how far to trust it (weight). Blocks of "key: value" lines,
 * each opened by "file: NAME"; "#" starts a comment line. What it says
 * overrides what the file says about itself. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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

void cck_src_sidecar(cck_source *s, cck_diags *d)
{
    const char *slash = strrchr(s->path, '/');
    size_t dl = slash ? (size_t)(slash - s->path) + 1 : 0;
    const char *base = s->path + dl;
    static const char name[] = ".claimcheck-sources";
    char *side = cck_xmalloc(dl + sizeof name);
    memcpy(side, s->path, dl);
    memcpy(side + dl, name, sizeof name);
    FILE *f = fopen(side, "r");
    if (!f) {
        if (errno != ENOENT)
            cck_diag_add(d, side, 0, 0, CCK_SEV_WARNING, "cannot read: %s", strerror(errno));
        free(side);
        return;
    }
    char line[2048];
    unsigned ln = 0;
    size_t total = 0;
    bool mine = false;
    cck_meta *m = &s->meta;
    while (fgets(line, sizeof line, f) && (total += strlen(line)) < SIDECAR_MAX) {
        ln++;
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
                cck_diag_add(d, side, ln, (unsigned)(val - p + 1), CCK_SEV_WARNING,
                             "weight takes a number from 0 to 10, not '%s'", val);
            else
                m->weight = w;
        } else {
            cck_diag_add(d, side, ln, 1, CCK_SEV_WARNING,
                         "unknown key '%s' (title, url, date, publisher, author, weight)", key);
        }
    }
    fclose(f);
    free(side);
}
