/* number.c: PLACEHOLDER until the numbers extractor lands: finds nothing. */
#include "extract.h"
cck_status cck_ext_numbers_init(char *err, size_t errlen) { (void)err; (void)errlen; return CCK_OK; }
void cck_ext_numbers_cleanup(void) {}
void cck_ext_numbers(const cck_scan *sc, cck_cands *out) { (void)sc; (void)out; }
