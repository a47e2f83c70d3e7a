/* pipeline.c: source -> extract -> subject -> reconcile, in that order,
 * for every path given. No printing: diagnostics go to the corpus. */
#include <stdlib.h>

#include "extract.h"
#include "pipeline.h"
#include "reconcile.h"
#include "sources.h"

size_t cck_run_extract(cck_corpus *c, char *const *paths, size_t npaths,
                       const cck_run_options *o)
{
    size_t skipped = 0;
    cck_matcher *m = cck_matcher_new();
    for (size_t i = 0; i < npaths; i++) {
        char **files = NULL;
        size_t nfiles = 0;
        if (cck_src_expand_path(paths[i], &files, &nfiles, &c->diags) != CCK_OK)
            skipped++;
        for (size_t k = 0; k < nfiles; k++) {
            cck_source *s = NULL;
            if (cck_source_load(files[k], o ? o->max_bytes : 0, &s, &c->diags) != CCK_OK) {
                skipped++;
            } else {
                cck_src_segment(s, &c->diags);
                cck_ext_source(s, m, &c->diags);
                cck_corpus_add(c, s);
            }
            free(files[k]);
        }
        free(files);
    }
    cck_matcher_free(m);
    return skipped;
}

void cck_run_reconcile(cck_corpus *c)
{
    cck_rec_subjects(c);
    cck_rec_group(c);
}
