/*
 * Eight bytes at a time ("SIMD within a register"), portable C, and 16
 * where the compiler has vector instructions for its generic vector types
 * (DSX_VECTOR below): used to step over runs of plain string bytes and to
 * check the ARN. Only speed depends on it; the results are the same with
 * DSX_SMALL, where the callers skip it.
 */
#ifndef DSX_SWAR_H
#define DSX_SWAR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define DSX_WORD_ONES ((uint64_t)0x0101010101010101u)
#define DSX_WORD_HIGHS ((uint64_t)0x8080808080808080u)

static inline uint64_t dsx_load64(const void *s)
{
    uint64_t x;
    memcpy(&x, s, 8);
    return x;
}

static inline uint32_t dsx_load32(const void *s)
{
    uint32_t x;
    memcpy(&x, s, 4);
    return x;
}

/* Four bytes as a little-endian word on every machine (one load where the compiler sees it). */
static inline uint32_t dsx_prefix_word(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/*
 * a[0..n) == b[0..n) without a call: whole words, the last one overlapping
 * the one before, so nothing outside either range is read.
 */
static inline bool dsx_same_bytes(const char *a, const char *b, size_t n)
{
    size_t i;
    if (n >= 8) {
        if (n <= 16) return dsx_load64(a) == dsx_load64(b) && dsx_load64(a + n - 8) == dsx_load64(b + n - 8);
        for (i = 0; i + 8 < n; i += 8)
            if (dsx_load64(a + i) != dsx_load64(b + i)) return false;
        return dsx_load64(a + n - 8) == dsx_load64(b + n - 8);
    }
    if (n >= 4) return dsx_load32(a) == dsx_load32(b) && dsx_load32(a + n - 4) == dsx_load32(b + n - 4);
    return n == 0 || (a[0] == b[0] && a[n / 2] == b[n / 2] && a[n - 1] == b[n - 1]);
}

/*
 * High bit set in each byte of x in lo..hi, for ASCII bytes: adding
 * 0x80 - lo sets a byte's high bit exactly when the byte is >= lo, and no
 * carry crosses into the next byte. A byte >= 0x80 may carry into the
 * bytes after it: callers test the high bits of x itself first.
 */
#define DSX_AT_LEAST(x, lo) ((x) + DSX_WORD_ONES * (uint64_t)(0x80 - (lo)))
#define DSX_IN_RANGE(x, lo, hi) (DSX_AT_LEAST(x, lo) & ~DSX_AT_LEAST(x, (hi) + 1))

/* High bit set in each zero byte of x (and maybe in bytes after one). */
static inline uint64_t dsx_zero_bytes(uint64_t x)
{
    return (x - DSX_WORD_ONES) & ~x & DSX_WORD_HIGHS;
}

/*
 * High bit set in each byte that ends a run of plain string bytes: '"',
 * '\\', a control byte or a non-ASCII byte (and maybe in bytes after one:
 * a borrow only runs towards later bytes, so the first flag is exact).
 */
static inline uint64_t dsx_string_stops(uint64_t x)
{
    return (x & DSX_WORD_HIGHS) | ((x - DSX_WORD_ONES * 0x20) & ~x & DSX_WORD_HIGHS) |
           dsx_zero_bytes(x ^ (DSX_WORD_ONES * '"')) | dsx_zero_bytes(x ^ (DSX_WORD_ONES * '\\'));
}

/*
 * Where the first flagged byte of a word lies can be read off the flags on
 * little-endian machines (count trailing zeros); elsewhere the callers
 * finish byte by byte from the start of the word.
 */
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define DSX_SWAR_EXACT 1
static inline size_t dsx_first_flagged(uint64_t flags)
{
    return (size_t)__builtin_ctzll(flags) >> 3;
}
#endif

/*
 * Sixteen bytes at a time where the compiler has vector instructions for
 * its generic vector types (SSE2, NEON; little-endian): no intrinsics
 * header, and the word-at-a-time code stays for every other machine and
 * for DSX_NO_VECTOR. A comparison of two vectors gives -1 in each lane
 * where it holds, 0 elsewhere; the bytes are signed, so a byte >= 0x80 is
 * below every ASCII bound.
 */
#if defined(__GNUC__) && defined(DSX_SWAR_EXACT) && (defined(__SSE2__) || defined(__ARM_NEON)) && \
    !defined(DSX_NO_VECTOR) && !defined(DSX_SMALL)
#define DSX_VECTOR 1
typedef signed char dsx_v16 __attribute__((vector_size(16)));
typedef uint64_t dsx_v2x64 __attribute__((vector_size(16)));

static inline dsx_v16 dsx_load16(const void *s)
{
    dsx_v16 v;
    memcpy(&v, s, 16);
    return v;
}

static inline dsx_v16 dsx_splat16(char c)
{
    dsx_v16 v = {0};
    return v + (signed char)c;
}

/* -1 in each lane that ends a run of plain string bytes (as dsx_string_stops). */
static inline dsx_v16 dsx_string_stops16(dsx_v16 x)
{
    return (x < dsx_splat16(0x20)) | (x == dsx_splat16('"')) | (x == dsx_splat16('\\'));
}

#ifdef __SSE2__
/*
 * One bit per lane, lane 0 lowest (SSE2's pmovmskb, through GCC's and
 * Clang's builtin: still no intrinsics header). One instruction where the
 * two 64-bit halves would take three or four to test and search.
 */
#define DSX_LANE_MASK 1
typedef char dsx_v16_char __attribute__((vector_size(16)));   /* the builtin's argument type */

static inline uint32_t dsx_lane_mask(dsx_v16 flags)
{
    return (uint32_t)__builtin_ia32_pmovmskb128((dsx_v16_char)flags);
}

static inline bool dsx_any_lane(dsx_v16 flags)
{
    return dsx_lane_mask(flags) != 0;
}

static inline size_t dsx_first_lane(dsx_v16 flags)
{
    return (size_t)__builtin_ctz(dsx_lane_mask(flags));
}
#else
/* Whether any lane is set. */
static inline bool dsx_any_lane(dsx_v16 flags)
{
    dsx_v2x64 words = (dsx_v2x64)flags;
    return (words[0] | words[1]) != 0;
}

/* Offset in the 16 lanes of the first one set; there is one. */
static inline size_t dsx_first_lane(dsx_v16 flags)
{
    dsx_v2x64 words = (dsx_v2x64)flags;
    return words[0] ? dsx_first_flagged(words[0]) : 8 + dsx_first_flagged(words[1]);
}
#endif
#endif

/* Offset of the first byte in s[i..n) that may end a run; whole words only, the caller finishes. */
static inline size_t dsx_skip_plain_words(const uint8_t *s, size_t n, size_t i)
{
#ifdef DSX_VECTOR
    if (n - i >= 16) {   /* most strings are short: 16 bytes alone first */
        dsx_v16 first = dsx_string_stops16(dsx_load16(s + i));
        if (dsx_any_lane(first)) return i + dsx_first_lane(first);
        i += 16;
    }
    while (n - i >= 32) {   /* then 32 bytes a step: long strings at memory speed */
        dsx_v16 low = dsx_string_stops16(dsx_load16(s + i));
        dsx_v16 high = dsx_string_stops16(dsx_load16(s + i + 16));
#ifdef DSX_LANE_MASK
        uint32_t stops = dsx_lane_mask(low) | dsx_lane_mask(high) << 16;
        if (stops) return i + (size_t)__builtin_ctz(stops);
#else
        if (dsx_any_lane(low | high))
            return i + (dsx_any_lane(low) ? dsx_first_lane(low) : 16 + dsx_first_lane(high));
#endif
        i += 32;
    }
#endif
    while (n - i >= 8) {
        uint64_t stops = dsx_string_stops(dsx_load64(s + i));
        if (stops) {
#ifdef DSX_SWAR_EXACT
            i += dsx_first_flagged(stops);   /* straight to the first flagged byte */
#endif
            break;
        }
        i += 8;
    }
    return i;
}

/* Offset of the first byte c in s[i..n), or n. */
static inline size_t dsx_find_byte(const uint8_t *s, size_t n, size_t i, uint8_t c)
{
    while (n - i >= 8) {
        uint64_t hits = dsx_zero_bytes(dsx_load64(s + i) ^ (DSX_WORD_ONES * c));
        if (hits) {
#ifdef DSX_SWAR_EXACT
            return i + dsx_first_flagged(hits);
#endif
            break;
        }
        i += 8;
    }
    while (i < n && s[i] != c) i++;
    return i;
}

/* Offset of the first '"' in s[i..n), or n. */
static inline size_t dsx_find_quote(const uint8_t *s, size_t n, size_t i)
{
    return dsx_find_byte(s, n, i, '"');
}

#endif
