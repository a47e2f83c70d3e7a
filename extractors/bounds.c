/* bounds.c: two bounds standing side by side ("more than 10 and less than 40") become the interval they state. */
#include <string.h>

#include "extract.h"

static bool blank(char c)
{
    return c == ' ' || c == '\t';
}

/* Is text[s, e) only a joining word between two bounds: blanks, an
 * optional comma, then optionally "and" or "but" ("above 1000 and below
 * 1500", "at least 100, at most 300")? */
static bool joiner(const char *text, size_t s, size_t e)
{
    size_t i = s;
    while (i < e && blank(text[i]))
        i++;
    bool comma = i < e && text[i] == ',';
    if (comma)
        i++;
    while (i < e && blank(text[i]))
        i++;
    if (i == e)
        return comma;
    if (i == s)
        return false; /* the word must stand apart from the first figure */
    static const char *const words[] = {"and", "but"};
    for (size_t k = 0; k < sizeof words / sizeof *words; k++) {
        size_t n = strlen(words[k]);
        if (e - i > n && !strncmp(text + i, words[k], n) && blank(text[i + n])) {
            size_t j = i + n;
            while (j < e && blank(text[j]))
                j++;
            return j == e;
        }
    }
    return false;
}

bool cck_ext_join_bounds(const char *text, cck_claim *prev, const cck_claim *cur)
{
    if (!prev || prev->kind != cur->kind || prev->end > cur->start || prev->unit_index != cur->unit_index)
        return false;
    if (cur->kind != CCK_KIND_COUNT && cur->kind != CCK_KIND_MEASURE && cur->kind != CCK_KIND_PERCENT &&
        cur->kind != CCK_KIND_MONEY)
        return false;
    if (strcmp(cck_claim_unit(prev), cck_claim_unit(cur)) || prev->lo != prev->hi || cur->lo != cur->hi)
        return false;
    const cck_claim *low, *high;
    if (prev->bound == CCK_BOUND_LOWER && cur->bound == CCK_BOUND_UPPER)
        low = prev, high = cur;
    else if (prev->bound == CCK_BOUND_UPPER && cur->bound == CCK_BOUND_LOWER)
        low = cur, high = prev;
    else
        return false;
    /* "more than 40 and less than 10" states two ranges, not one */
    if (!(low->lo < high->hi) || !joiner(text, prev->end, cur->start))
        return false;
    double lo = low->lo, hi = high->hi;
    prev->step = cur->step < prev->step ? cur->step : prev->step;
    prev->lo = lo;
    prev->hi = hi;
    prev->end = cur->end;
    prev->bound = CCK_BOUND_NONE;
    prev->approx = true;
    return true;
}
