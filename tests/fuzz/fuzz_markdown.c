/* fuzz_markdown.c: libFuzzer target for the Markdown reader: every input is read
 * as a .md file, segmented and scanned for claims (see fuzz_one.h). */
#include "fuzz_one.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return cck_fuzz_one("fuzz.md", data, size, cck_fuzz_matcher());
}
