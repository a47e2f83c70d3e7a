/* subject.c: PLACEHOLDER until subjects land: every claim is about its
 * article's title, attribute "value". */
#include <string.h>

#include "reconcile.h"

void cck_rec_subjects(cck_corpus *c)
{
    for (size_t i = 0; i < c->nsources; i++) {
        cck_source *s = c->sources[i];
        for (size_t k = 0; k < s->nclaims; k++) {
            s->claims[k].entity = s->narticles ? s->articles[0].title : "";
            s->claims[k].attribute = "value";
            s->claims[k].as_of = NULL;
        }
    }
}

char *cck_rec_fold(cck_arena *a, const char *s, size_t n)
{
    return cck_arena_strndup(a, s, n);
}
