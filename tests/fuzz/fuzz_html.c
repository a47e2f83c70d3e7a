/* fuzz_html.c: libFuzzer target for the HTML reader: every input is read
 * as a .html file, segmented and scanned for claims (see fuzz_one.h). */
#include "fuzz_one.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static cck_matcher *m;
    if (!m) {
        cck_diags d;
        cck_diags_init(&d);
        if (cck_ext_init(&d) == CCK_OK)
            m = cck_matcher_new();
        cck_diags_free(&d);
    }
    return cck_fuzz_one("fuzz.html", data, size, m);
}
