/* numpat.c: prints claimcheck's core figure pattern (extractors/number.c)
 * so that the benchmark's pcre2grep baseline runs the very same regex. */
#include <stdio.h>

#include "extract.h"

int main(void)
{
    puts(cck_ext_number_pattern());
    return 0;
}
