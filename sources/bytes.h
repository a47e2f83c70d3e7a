/* bytes.h: skipping, sixteen bytes at a time with SSE2 (every x86-64 has
 * it) or else eight at a time in a 64-bit word, over bytes that are none
 * of a few (the scans for sentence ends, markers and digits). Not public
 * API. */
#ifndef CCK_BYTES_H
#define CCK_BYTES_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#define CCK_BYTES_ONES 0x0101010101010101u
#define CCK_BYTES_HIGH 0x8080808080808080u

/* Non-zero when some byte of w is below n (n <= 128). Exact as a yes/no;
 * which bits are set says nothing more. */
static inline uint64_t cck_bytes_below(uint64_t w, unsigned n)
{
    return (w - CCK_BYTES_ONES * n) & ~w & CCK_BYTES_HIGH;
}

/* An i' >= i such that t[i, i') holds none of the bytes a, b, c, d, and
 * one of them or the end is less than 8 bytes past i': the caller goes on
 * from t[i'] byte by byte. */
static inline size_t cck_bytes_skip4(const char *t, size_t i, size_t end, unsigned char a,
                                     unsigned char b, unsigned char c, unsigned char d)
{
#ifdef __SSE2__
    const __m128i va = _mm_set1_epi8((char)a), vb = _mm_set1_epi8((char)b);
    const __m128i vc = _mm_set1_epi8((char)c), vd = _mm_set1_epi8((char)d);
    while (end - i >= 16) {
        __m128i w = _mm_loadu_si128((const void *)(t + i));
        __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(w, va), _mm_cmpeq_epi8(w, vb)),
                                   _mm_or_si128(_mm_cmpeq_epi8(w, vc), _mm_cmpeq_epi8(w, vd)));
        unsigned bits = (unsigned)_mm_movemask_epi8(hit);
        if (bits)
            return i + (size_t)__builtin_ctz(bits); /* the byte itself */
        i += 16;
    }
#endif
    while (end - i >= 8) {
        uint64_t w;
        memcpy(&w, t + i, 8);
        if (cck_bytes_below(w ^ (CCK_BYTES_ONES * a), 1) | cck_bytes_below(w ^ (CCK_BYTES_ONES * b), 1) |
            cck_bytes_below(w ^ (CCK_BYTES_ONES * c), 1) | cck_bytes_below(w ^ (CCK_BYTES_ONES * d), 1))
            break;
        i += 8;
    }
    return i;
}

/* The same for the ASCII digits: a digit d is the byte with d ^ '0' < 10. */
static inline size_t cck_bytes_skip_digits(const char *t, size_t i, size_t end)
{
#ifdef __SSE2__
    /* d - '0', wrapping, is at most 9 for a digit alone */
    const __m128i zero = _mm_set1_epi8('0'), nine = _mm_set1_epi8(9);
    while (end - i >= 16) {
        __m128i x = _mm_sub_epi8(_mm_loadu_si128((const void *)(t + i)), zero);
        unsigned bits = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(x, nine), x));
        if (bits)
            return i + (size_t)__builtin_ctz(bits);
        i += 16;
    }
#endif
    while (end - i >= 8) {
        uint64_t w;
        memcpy(&w, t + i, 8);
        if (cck_bytes_below(w ^ (CCK_BYTES_ONES * '0'), 10))
            break;
        i += 8;
    }
    return i;
}

#endif
