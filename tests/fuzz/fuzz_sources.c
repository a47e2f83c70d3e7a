/* fuzz_sources.c: libFuzzer target for the sources file
 * (.claimcheck-sources); see cck_fuzz_sources_one() in fuzz_one.h. */
#include "fuzz_one.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return cck_fuzz_sources_one(data, size);
}
