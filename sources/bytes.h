/* bytes.h: skipping, eight bytes at a time, over bytes that are none of a
 * few (the scans for sentence ends, markers and digits). Not public API. */
#ifndef CCK_BYTES_H
#define CCK_BYTES_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

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
