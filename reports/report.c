/* report.c: PLACEHOLDER until the writers land. */
#include <string.h>

#include "report.h"

bool cck_rep_parse_format(const char *name, cck_format *out)
{
    if (!strcmp(name, "text")) *out = CCK_FMT_TEXT;
    else if (!strcmp(name, "jsonl")) *out = CCK_FMT_JSONL;
    else if (!strcmp(name, "md")) *out = CCK_FMT_MD;
    else return false;
    return true;
}

cck_status cck_rep_claims(FILE *out, const cck_corpus *c, cck_format f, const cck_rep_options *o)
{
    (void)out; (void)c; (void)f; (void)o;
    return CCK_OK;
}

cck_status cck_rep_groups(FILE *out, const cck_corpus *c, cck_format f, const cck_rep_options *o)
{
    (void)out; (void)c; (void)f; (void)o;
    return CCK_OK;
}

void cck_rep_json_string(FILE *out, const char *s, size_t n)
{
    fputc('"', out);
    fwrite(s, 1, n, out);
    fputc('"', out);
}
