/* coord.c: PLACEHOLDER until the coordinates extractor lands: finds nothing. */
#include "extract.h"
cck_status cck_ext_coords_init(char *err, size_t errlen) { (void)err; (void)errlen; return CCK_OK; }
void cck_ext_coords_cleanup(void) {}
void cck_ext_coords(const cck_scan *sc, cck_cands *out) { (void)sc; (void)out; }
