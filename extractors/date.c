/* date.c: PLACEHOLDER until the dates extractor lands: finds nothing. */
#include "extract.h"
cck_status cck_ext_dates_init(char *err, size_t errlen) { (void)err; (void)errlen; return CCK_OK; }
void cck_ext_dates_cleanup(void) {}
void cck_ext_dates(const cck_scan *sc, cck_cands *out) { (void)sc; (void)out; }
