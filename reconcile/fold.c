/* fold.c: name folding for aliases. utf8proc NFKC + casefold + strip
 * marks, then only letters and digits are kept, so "Hamhŭng", "HAMHUNG"
 * and "Ham-hung" all fold to "hamhung". */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "lexicon.h"
#include "reconcile.h"

/* Maps s with utf8proc options; NULL when s is not valid UTF-8. The
 * result is malloc'd (utf8proc's allocation). */
static char *map(const char *s, size_t n, utf8proc_option_t opt)
{
    utf8proc_uint8_t *out = NULL;
    utf8proc_ssize_t r = utf8proc_map((const utf8proc_uint8_t *)s,
                                      (utf8proc_ssize_t)n, &out, opt);
    if (r < 0) {
        free(out);
        return NULL;
    }
    return (char *)out;
}

/* True when s[0, n) is all ASCII: NFKC, composition and mark stripping
 * leave it as it is and case folding is tolower(), so utf8proc (a quarter
 * of check's instructions when every token went through it) is skipped. */
static bool all_ascii(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] >= 0x80)
            return false;
    return true;
}

char *cck_rec_fold(cck_arena *a, const char *s, size_t n)
{
    if (all_ascii(s, n)) {
        char *out = cck_arena_chars(a, n + 1);
        size_t k = 0;
        for (size_t i = 0; i < n; i++)
            if (isalnum((unsigned char)s[i]))
                out[k++] = (char)tolower((unsigned char)s[i]);
        out[k] = '\0';
        return out;
    }
    char *m = map(s, n, UTF8PROC_COMPAT | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD |
                            UTF8PROC_STRIPMARK | UTF8PROC_IGNORE);
    const char *src = m ? m : s;
    size_t len = m ? strlen(m) : n;
    char *out = cck_arena_chars(a, len + 1);
    size_t k = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char ch = (unsigned char)src[i];
        if (ch >= 0x80) {
            /* keep letters of other scripts, drop punctuation and symbols */
            utf8proc_int32_t cp;
            utf8proc_ssize_t w = utf8proc_iterate((const utf8proc_uint8_t *)src + i,
                                                  (utf8proc_ssize_t)(len - i), &cp);
            if (w <= 0) {
                out[k++] = (char)ch;
                continue;
            }
            utf8proc_category_t cat = utf8proc_category(cp);
            if (cat <= UTF8PROC_CATEGORY_LO || (cat >= UTF8PROC_CATEGORY_ND &&
                                                cat <= UTF8PROC_CATEGORY_NO)) {
                memcpy(out + k, src + i, (size_t)w);
                k += (size_t)w;
            }
            i += (size_t)w - 1;
        } else if (isalnum(ch)) {
            out[k++] = (char)tolower(ch);
        }
    }
    out[k] = '\0';
    free(m);
    return out;
}

char *cck_rec_ascii(cck_arena *a, const char *s, size_t n)
{
    if (all_ascii(s, n))
        return cck_arena_strndup(a, s, n);
    char *m = map(s, n, UTF8PROC_COMPAT | UTF8PROC_COMPOSE | UTF8PROC_STRIPMARK);
    const char *src = m ? m : s;
    size_t len = m ? strlen(m) : n;
    char *out = cck_arena_strndup(a, src, len);
    free(m);
    return out;
}
