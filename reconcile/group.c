/* group.c: PLACEHOLDER until grouping lands: no groups. */
#include "reconcile.h"

void cck_rec_group(cck_corpus *c) { c->ngroups = 0; }
void cck_rec_interval(const cck_claim *cl, double *lo, double *hi) { *lo = cl->lo; *hi = cl->hi; }
bool cck_rec_agree(const cck_claim *a, const cck_claim *b) { return a->lo <= b->hi && b->lo <= a->hi; }
