/* xml.c: the XML reader (MediaWiki exports and plain XML). */
#include "sources.h"

void cck_src_read_xml(cck_source *s, cck_diags *d)
{
    cck_src_check_utf8(s, d);
}
