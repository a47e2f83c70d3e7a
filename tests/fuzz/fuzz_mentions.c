/* fuzz_mentions.c: libFuzzer target for mentions mode: every input is read
 * as a .txt file and scanned for every numeric expression, relative dates
 * counted from a fixed day (see fuzz_one.h), which runs the readers that
 * claims mode leaves out (words.c, reldate.c). */
#include "fuzz_one.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return cck_fuzz_mentions_one(data, size, cck_fuzz_matcher());
}
