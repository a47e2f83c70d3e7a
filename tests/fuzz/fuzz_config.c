/* fuzz_config.c: libFuzzer target for the configuration file
 * (.claimcheck.ini); see cck_fuzz_config_one() in fuzz_one.h. */
#include "fuzz_one.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return cck_fuzz_config_one(data, size);
}
