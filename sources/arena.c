/* arena.c: the allocation wrappers and the bump arena that owns everything
 * derived from one source. */
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "claimcheck.h"

static void oom(size_t n)
{
    fprintf(stderr, "claimcheck: out of memory (%zu bytes)\n", n);
    abort();
}

void cck_mem_trim(void)
{
#ifdef __GLIBC__
    malloc_trim(0);
#endif
}

void *cck_xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        oom(n);
    return p;
}

void *cck_xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p)
        oom(n * size);
    return p;
}

void *cck_xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q)
        oom(n);
    return q;
}

void *cck_xreallocarray(void *p, size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size)
        oom(SIZE_MAX);
    return cck_xrealloc(p, n * size);
}

char *cck_xstrndup(const char *s, size_t n)
{
    char *d = cck_xmalloc(n + 1);
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

/* Blocks are chained; a request larger than the next block would be gets a
 * block of its own so that big strings do not waste the rest of a block.
 * Only the head block takes requests, so only its size is kept (in the
 * arena): a block's header is 16 bytes, and sources keep many blocks. */
typedef struct block {
    struct block *next;
    size_t used;
    _Alignas(16) unsigned char data[];
} block;

struct cck_arena {
    block *head;
    size_t head_size;   /* bytes of data in the head block */
    size_t total;       /* bytes in all blocks */
    size_t max_block;   /* an ordinary block's cap */
    unsigned grow;      /* an ordinary block is total >> grow bytes */
};

/* An ordinary block is an eighth of what the arena holds already, from
 * FIRST_BLOCK to BLOCK_SIZE: most sources are a few kilobytes and every
 * source's arena lives to the end of `check`, so the unused end of the
 * last block is kept small (at c100, 1 KB first blocks left 22 MB unused,
 * 512 bytes 11 MB; 128 bytes peaked 4 MB lower than 512 even with the
 * blocks' headers); a request over half a block gets a block of its own.
 * A scratch arena's blocks double, to SCRATCH_BLOCK: it is emptied for
 * each source, so its unused end is reused, not kept. */
enum { FIRST_BLOCK = 128, BLOCK_SIZE = 64 * 1024, SCRATCH_BLOCK = 64 * 1024 * 1024 };

cck_arena *cck_arena_new(void)
{
    cck_arena *a = cck_xcalloc(1, sizeof(cck_arena));
    a->max_block = BLOCK_SIZE;
    a->grow = 3;
    return a;
}

cck_arena *cck_arena_new_scratch(void)
{
    cck_arena *a = cck_arena_new();
    a->max_block = SCRATCH_BLOCK;
    a->grow = 0;
    return a;
}

void cck_arena_free(cck_arena *a)
{
    if (!a)
        return;
    block *b = a->head;
    while (b) {
        block *next = b->next;
        free(b);
        b = next;
    }
    free(a);
}

/* A scratch arena emptied for the next source: its blocks become one block
 * as big as they were together, so that a source like the last one fills
 * it without a malloc (a pass that emptied it by free and new took dozens
 * of small blocks a source, from 128 bytes up). More than RESET_KEEP and
 * it starts empty instead: one big source does not pin its memory. */
enum { RESET_KEEP = 1024 * 1024 };

void cck_arena_reset(cck_arena *a)
{
    block *b = a->head;
    if (b && !b->next) {
        b->used = 0;
        return;
    }
    size_t want = a->total;
    while (b) {
        block *next = b->next;
        free(b);
        b = next;
    }
    a->head = NULL;
    a->head_size = a->total = 0;
    if (want == 0 || want > RESET_KEEP)
        return;
    b = cck_xmalloc(sizeof(block) + want);
    b->next = NULL;
    b->used = 0;
    a->head = b;
    a->head_size = a->total = want;
}

/* n bytes at the given alignment (a power of two up to 16) from the head
 * block, or from a new block when they do not fit. */
static void *take(cck_arena *a, size_t n, size_t align)
{
    if (n > SIZE_MAX - 16)
        oom(n);
    block *b = a->head;
    size_t at = b ? (b->used + align - 1) & ~(align - 1) : 0;
    if (!b || at > a->head_size || a->head_size - at < n) {
        size_t ordinary = a->total >> a->grow;
        ordinary = ordinary < FIRST_BLOCK  ? FIRST_BLOCK
                 : ordinary > a->max_block ? a->max_block
                                           : ordinary;
        bool own = n > ordinary / 2;
        size_t size = own ? n : ordinary;
        if (size > SIZE_MAX - sizeof(block))
            oom(n);
        block *nb = cck_xmalloc(sizeof(block) + size);
        nb->used = 0;
        a->total += size;
        if (b && own) {
            /* keep filling the current block: put the big one behind it */
            nb->next = b->next;
            b->next = nb;
        } else {
            nb->next = b;
            a->head = nb;
            a->head_size = size;
        }
        b = nb;
        at = 0;
    }
    b->used = at + n;
    return b->data + at;
}

/* n unaligned bytes: from the head block without take()'s arithmetic when
 * they fit (most strings do). */
static char *take_chars(cck_arena *a, size_t n)
{
    block *b = a->head;
    if (b && a->head_size - b->used >= n) {
        char *p = (char *)b->data + b->used;
        b->used += n;
        return p;
    }
    return take(a, n, 1);
}

void *cck_arena_alloc(cck_arena *a, size_t n)
{
    void *p = take(a, n, 16);
    memset(p, 0, n);
    return p;
}

/* For an array its caller fills whole, maybe on other threads: a big one
 * is first touched (its pages faulted in) where it is filled. */
void *cck_arena_take(cck_arena *a, size_t n) { return take(a, n, 16); }

/* Strings need no alignment: packed, a six-letter word costs 7 bytes,
 * not 16 (the subject stage keeps two strings for every word). */
char *cck_arena_strndup(cck_arena *a, const char *s, size_t n)
{
    char *d = take_chars(a, n + 1);
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

char *cck_arena_raw(cck_arena *a, size_t n) { return take_chars(a, n); }

char *cck_arena_chars(cck_arena *a, size_t n)
{
    char *d = take_chars(a, n);
    memset(d, 0, n);
    return d;
}

char *cck_arena_strdup(cck_arena *a, const char *s)
{
    return cck_arena_strndup(a, s, strlen(s));
}

void cck_arena_adopt(cck_arena *into, cck_arena *from)
{
    if (!from)
        return;
    block *b = from->head;
    if (b) {
        /* behind into's head, which alone takes requests */
        block *tail = b;
        while (tail->next)
            tail = tail->next;
        if (into->head) {
            tail->next = into->head->next;
            into->head->next = b;
        } else {
            into->head = b;
            into->head_size = from->head_size;
        }
        into->total += from->total;
    }
    free(from);
}

bool cck_arena_owns(const cck_arena *a, const void *p)
{
    uintptr_t q = (uintptr_t)p;
    for (const block *b = a ? a->head : NULL; b; b = b->next)
        if (q >= (uintptr_t)b->data && q < (uintptr_t)b->data + b->used)
            return true;
    return false;
}

char *cck_arena_printf(cck_arena *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return cck_arena_strdup(a, "");
    char *d = cck_arena_chars(a, (size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(d, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return d;
}
