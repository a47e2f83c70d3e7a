/* recscale.c: how the reconcile stages (subjects, grouping) grow with the
 * number of claims, on generated sources held in memory, for two shapes:
 * "spread" (each subject stated by three sources) and "one subject" (every
 * claim about the same figure, one group as large as the corpus: the worst
 * case for pairwise comparison). Prints seconds per stage and the time
 * over n log2 n, relative to the smallest size. Usage: recscale [MAXCLAIMS]
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "claimcheck.h"
#include "extract.h"
#include "reconcile.h"
#include "sources.h"

enum { PER_SOURCE = 8 };   /* claims per generated source */

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Source i of a corpus of ns sources. spread: the title (the subject)
 * is shared by sources i, i+1, i+2 of each run of three and the figures
 * differ a little; one: one title and one sentence shape everywhere. */
static int gen(char *buf, size_t cap, size_t i, int one)
{
    unsigned long t = one ? 0 : (unsigned long)(i / 3);
    unsigned v = (unsigned)(i * 7919u % 1000u);
    return snprintf(buf, cap,
                    "Varn %lu\n\n"
                    "Varn %lu had a population of %u,%03u in 2010. "
                    "The dam at Varn %lu is %u m high. "
                    "About %u%% of the land is farmed. "
                    "The lake covers %u.%u km2. "
                    "The town was founded in %u. "
                    "Its harbour handles %u ships a year. "
                    "The bridge is %u m long. "
                    "It lies %u km from the coast.\n",
                    t, t, 40 + v % 3, v, t, 80 + v % 5, 10 + v % 4, 3 + v % 2, v % 10,
                    1700 + v % 3, 300 + v % 9, 900 + v % 7, 20 + v % 3);
}

static int run(size_t nsources, int one, double *ts, double *tg, size_t *nclaims)
{
    cck_corpus c;
    cck_corpus_init(&c);
    cck_matcher *m = cck_matcher_new();
    char buf[1024];
    for (size_t i = 0; i < nsources; i++) {
        char path[64];
        snprintf(path, sizeof path, "s%07zu.txt", i);
        int n = gen(buf, sizeof buf, i, one);
        cck_source *s = cck_source_from_memory(path, buf, (size_t)n);
        if (cck_src_segment(s, &c.diags) != CCK_OK || cck_ext_source(s, m, &c.diags) != CCK_OK) {
            fprintf(stderr, "recscale: %s could not be read\n", path);
            cck_source_free(s);
            continue;
        }
        cck_corpus_add(&c, s);
    }
    cck_matcher_free(m);
    *nclaims = cck_corpus_nclaims(&c);
    double t0 = now();
    cck_rec_subjects(&c);
    double t1 = now();
    cck_rec_group(&c);
    double t2 = now();
    *ts = t1 - t0;
    *tg = t2 - t1;
    size_t ng = c.ngroups;
    cck_corpus_free(&c);
    return ng > 0 ? 0 : -1;
}

int main(int argc, char **argv)
{
    size_t max = argc > 1 ? strtoul(argv[1], NULL, 10) : 400000;
    cck_diags d;
    cck_diags_init(&d);
    if (cck_ext_init(&d) != CCK_OK) {
        fputs("recscale: the extractors could not be set up\n", stderr);
        return 2;
    }
    cck_diags_free(&d);
    int rc = 0;
    for (int one = 0; one <= 1; one++) {
        printf("%s:\n  %10s %10s %10s %14s %14s\n",
               one ? "one subject (one group of every claim)" : "spread (a subject per three sources)",
               "claims", "subjects s", "groups s", "subj/nlogn", "group/nlogn");
        double base_s = 0, base_g = 0;
        for (size_t n = 25000; n <= max; n *= 4) {
            double ts, tg;
            size_t nc;
            if (run(n / PER_SOURCE, one, &ts, &tg, &nc) != 0) {
                fputs("recscale: no groups came out\n", stderr);
                rc = 1;
            }
            double nl = (double)nc * log2((double)nc);
            if (!base_s) {
                base_s = ts / nl;
                base_g = tg / nl;
            }
            printf("  %10zu %10.3f %10.3f %13.2fx %13.2fx\n", nc, ts, tg, ts / nl / base_s,
                   tg / nl / base_g);
        }
    }
    cck_ext_cleanup();
    return rc;
}
