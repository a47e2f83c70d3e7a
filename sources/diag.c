/* diag.c: the diagnostics list. The library appends; the CLI prints. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "claimcheck.h"

void cck_diags_init(cck_diags *d)
{
    memset(d, 0, sizeof *d);
}

void cck_diags_free(cck_diags *d)
{
    for (size_t i = 0; i < d->n; i++) {
        free(d->v[i].file);
        free(d->v[i].msg);
    }
    free(d->v);
    memset(d, 0, sizeof *d);
}

void cck_diag_add(cck_diags *d, const char *file, unsigned line, unsigned col,
                  cck_severity sev, const char *fmt, ...)
{
    if (d->n == d->cap) {
        d->cap = d->cap ? d->cap * 2 : 8;
        d->v = cck_xreallocarray(d->v, d->cap, sizeof *d->v);
    }
    cck_diag *g = &d->v[d->n++];
    g->file = cck_xstrndup(file ? file : "", strlen(file ? file : ""));
    g->line = line;
    g->col = col;
    g->sev = sev;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        n = 0;
    g->msg = cck_xmalloc((size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(g->msg, (size_t)n + 1, fmt, ap);
    va_end(ap);
}

void cck_diags_move(cck_diags *to, cck_diags *from)
{
    for (size_t i = 0; i < from->n; i++) {
        if (to->n == to->cap) {
            to->cap = to->cap ? to->cap * 2 : 8;
            to->v = cck_xreallocarray(to->v, to->cap, sizeof *to->v);
        }
        to->v[to->n++] = from->v[i];
    }
    free(from->v);
    memset(from, 0, sizeof *from);
}

size_t cck_diags_count(const cck_diags *d, cck_severity at_least)
{
    size_t n = 0;
    for (size_t i = 0; i < d->n; i++)
        n += d->v[i].sev >= at_least;
    return n;
}

static const char *sev_name(cck_severity s)
{
    switch (s) {
    case CCK_SEV_NOTE: return "note";
    case CCK_SEV_WARNING: return "warning";
    case CCK_SEV_ERROR: return "error";
    }
    return "error";
}

void cck_diags_print(const cck_diags *d, FILE *out)
{
    for (size_t i = 0; i < d->n; i++) {
        const cck_diag *g = &d->v[i];
        if (g->file[0] && g->line)
            fprintf(out, "%s:%u:%u: %s: %s\n", g->file, g->line, g->col,
                    sev_name(g->sev), g->msg);
        else if (g->file[0])
            fprintf(out, "%s: %s: %s\n", g->file, sev_name(g->sev), g->msg);
        else
            fprintf(out, "claimcheck: %s: %s\n", sev_name(g->sev), g->msg);
    }
}
