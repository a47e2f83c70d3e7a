/* segment.c: PLACEHOLDER until the structure pass lands: one body unit per
 * non-empty line, no sections, citations or references. */
#include <string.h>

#include "sources.h"

cck_status cck_src_segment(cck_source *s, cck_diags *d)
{
    (void)d;
    size_t n = 0;
    for (size_t i = 0; i < s->nlines; i++)
        n++;
    s->units = cck_arena_alloc(s->arena, (n ? n : 1) * sizeof *s->units);
    s->nunits = 0;
    for (size_t i = 0; i < s->nlines; i++) {
        size_t a = s->line_starts[i];
        size_t b = i + 1 < s->nlines ? s->line_starts[i + 1] - 1 : s->len;
        if (b <= a)
            continue;
        cck_unit *u = &s->units[s->nunits++];
        memset(u, 0, sizeof *u);
        u->start = a;
        u->end = b;
        u->section = -1;
        u->table = -1;
    }
    s->articles = cck_arena_alloc(s->arena, sizeof *s->articles);
    s->articles[0].start = 0;
    s->articles[0].end = s->len;
    s->articles[0].title = "";
    s->narticles = 1;
    return CCK_OK;
}

size_t cck_src_unit_at(const cck_source *s, size_t off)
{
    for (size_t i = 0; i < s->nunits; i++)
        if (s->units[i].start <= off && off < s->units[i].end)
            return i;
    return (size_t)-1;
}

const char *cck_src_section_path(cck_source *s, const cck_unit *u)
{
    (void)s;
    (void)u;
    return "";
}
