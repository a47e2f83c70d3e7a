/* regex.c: the one place that talks to PCRE2. Patterns are compiled and
 * JIT-compiled once and are then immutable; each thread matches through its
 * own cck_matcher (match data, match context with limits, JIT stack), as
 * pcre2api(3) "MULTITHREADING" requires. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "extract.h"

struct cck_re {
    pcre2_code *code;
    bool jit; /* JIT-compiled: matched through pcre2_jit_match() */
};

struct cck_matcher {
    pcre2_match_data *md;
    pcre2_match_context *mctx;
    pcre2_jit_stack *jit;
    uint32_t npairs;  /* pairs the last match set; later pairs are stale */
};

enum {
    MATCH_LIMIT = 1000000,       /* bounds backtracking, JIT included */
    DEPTH_LIMIT = 100000,        /* interpreter only */
    HEAP_LIMIT_KIB = 64 * 1024,  /* interpreter only */
    JIT_STACK_MIN = 32 * 1024,
    JIT_STACK_MAX = 1024 * 1024,
    MAX_GROUPS = 64
};

cck_re *cck_re_compile(const char *pattern, uint32_t extra, char *err, size_t errlen)
{
    int code;
    PCRE2_SIZE at;
    uint32_t opts = PCRE2_UTF | PCRE2_MATCH_INVALID_UTF | PCRE2_NEVER_BACKSLASH_C | extra;
    pcre2_code *c = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED, opts,
                                  &code, &at, NULL);
    if (!c) {
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(code, msg, sizeof msg);
        if (err && errlen)
            snprintf(err, errlen, "pattern error at %zu: %s", (size_t)at, (char *)msg);
        return NULL;
    }
    /* A JIT failure is not fatal: pcre2_match() falls back to the interpreter. */
    bool jit = pcre2_jit_compile(c, PCRE2_JIT_COMPLETE) == 0;
    cck_re *re = cck_xmalloc(sizeof *re);
    re->code = c;
    re->jit = jit;
    return re;
}

void cck_re_free(cck_re *re)
{
    if (!re)
        return;
    pcre2_code_free(re->code);
    free(re);
}

cck_matcher *cck_matcher_new(void)
{
    cck_matcher *m = cck_xcalloc(1, sizeof *m);
    m->md = pcre2_match_data_create(MAX_GROUPS, NULL);
    m->mctx = pcre2_match_context_create(NULL);
    m->jit = pcre2_jit_stack_create(JIT_STACK_MIN, JIT_STACK_MAX, NULL);
    if (!m->md || !m->mctx) {
        fprintf(stderr, "claimcheck: out of memory (PCRE2 match data)\n");
        abort();
    }
    pcre2_set_match_limit(m->mctx, MATCH_LIMIT);
    pcre2_set_depth_limit(m->mctx, DEPTH_LIMIT);
    pcre2_set_heap_limit(m->mctx, HEAP_LIMIT_KIB);
    if (m->jit)
        pcre2_jit_stack_assign(m->mctx, NULL, m->jit);
    return m;
}

void cck_matcher_free(cck_matcher *m)
{
    if (!m)
        return;
    pcre2_match_data_free(m->md);
    pcre2_match_context_free(m->mctx);
    pcre2_jit_stack_free(m->jit);
    free(m);
}

int cck_re_match(cck_matcher *m, const cck_re *re, const char *subject, size_t len,
                 size_t from, uint32_t options)
{
    if (from > len)
        return 0;
    if (!subject)
        subject = "";
    /* pcre2_jit_match() is pcre2_match() without its checks of the
     * arguments (pcre2jit(3), "JIT FAST PATH API"), which are made here
     * instead: a JIT-compiled pattern, a subject with its length and an
     * offset within it, match data and context made above; the subject
     * needs no UTF check either way (PCRE2_MATCH_INVALID_UTF: invalid
     * sequences are barriers), and the options the fast path would ignore
     * (PCRE2_ANCHORED at match time among them) take the checked call */
    int rc = re->jit && !(options & ~(uint32_t)(PCRE2_NOTBOL | PCRE2_NOTEOL | PCRE2_NOTEMPTY |
                                               PCRE2_NOTEMPTY_ATSTART))
                 ? pcre2_jit_match(re->code, (PCRE2_SPTR)subject, len, from, options, m->md, m->mctx)
                 : pcre2_match(re->code, (PCRE2_SPTR)subject, len, from, options, m->md, m->mctx);
    if (rc == PCRE2_ERROR_JIT_STACKLIMIT) {
        /* The JIT stack is bounded; the interpreter has its own heap limit. */
        rc = pcre2_match(re->code, (PCRE2_SPTR)subject, len, from,
                         options | PCRE2_NO_JIT, m->md, m->mctx);
    }
    if (rc >= 0) {
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(m->md);
        m->npairs = rc == 0 ? pcre2_get_ovector_count(m->md) : (uint32_t)rc;
        if (ov[0] > ov[1]) /* \K in a lookahead: give up on this match */
            return -1;
        return 1;
    }
    m->npairs = 0;
    if (rc == PCRE2_ERROR_NOMATCH || rc == PCRE2_ERROR_PARTIAL)
        return 0;
    return -1; /* match, depth, heap or JIT limits, or another error */
}

size_t cck_re_group_start(const cck_matcher *m, unsigned i)
{
    if (i >= m->npairs)
        return (size_t)-1;
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(m->md);
    return ov[2 * i] == PCRE2_UNSET ? (size_t)-1 : (size_t)ov[2 * i];
}

size_t cck_re_group_end(const cck_matcher *m, unsigned i)
{
    if (i >= m->npairs)
        return (size_t)-1;
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(m->md);
    return ov[2 * i + 1] == PCRE2_UNSET ? (size_t)-1 : (size_t)ov[2 * i + 1];
}

size_t cck_re_next(const cck_matcher *m, const char *subject, size_t len)
{
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(m->md);
    size_t next = ov[1];
    if (ov[1] > ov[0])
        return next;
    /* empty match: step one whole UTF-8 character */
    if (next < len)
        next++;
    while (next < len && ((unsigned char)subject[next] & 0xC0) == 0x80)
        next++;
    return next;
}
