/* markdown.c: the Markdown reader. */
#include "sources.h"

void cck_src_read_markdown(cck_source *s, cck_diags *d)
{
    cck_src_check_utf8(s, d);
}
