/* corpus.c: the whole run: every source, the groups across them, and the
 * diagnostics collected on the way. */
#include <stdlib.h>
#include <string.h>

#include "claimcheck.h"

void cck_corpus_init(cck_corpus *c)
{
    memset(c, 0, sizeof *c);
    c->arena = cck_arena_new();
    cck_diags_init(&c->diags);
}

void cck_corpus_free(cck_corpus *c)
{
    for (size_t i = 0; i < c->nsources; i++)
        cck_source_free(c->sources[i]);
    free(c->sources);
    cck_arena_free(c->arena);
    cck_diags_free(&c->diags);
    memset(c, 0, sizeof *c);
}

void cck_corpus_add(cck_corpus *c, cck_source *s)
{
    /* room doubles (1, 2, 4 ...): one more slot per source copied the
     * array for each of the bench's 35,000 files */
    size_t n = c->nsources;
    if ((n & (n - 1)) == 0)
        c->sources = cck_xreallocarray(c->sources, n ? 2 * n : 1, sizeof *c->sources);
    c->sources[c->nsources++] = s;
}

size_t cck_corpus_nclaims(const cck_corpus *c)
{
    size_t n = 0;
    for (size_t i = 0; i < c->nsources; i++)
        n += c->sources[i]->nclaims;
    return n;
}
