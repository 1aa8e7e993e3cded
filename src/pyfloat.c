/*
 * Python's repr() of the float a JSON number becomes after json.loads,
 * worked out exactly with integers only (no floating point in the library):
 *
 *   1. the decimal text is rounded to the nearest double (ties to even),
 *      as a pair q x 2^e, by big-integer arithmetic;
 *   2. the shortest digit string that rounds back to that same double is
 *      found by rounding the double's exact decimal expansion to 1, 2, ...
 *      17 significant digits and converting each back (step 1), which is
 *      what repr() prints (the shortest that round-trips, the closest of
 *      those);
 *   3. the digits are laid out as repr() does (fixed between 1e-4 and
 *      1e16, exponent form otherwise).
 *
 * Only used by botocore-style messages, so it favours clarity over speed.
 * Big integers are little-endian arrays of 32-bit words on the stack.
 */
#include <string.h>

#include "internal.h"

#ifndef DSX_NO_BOTOCORE

#define BIG_WORDS 136            /* 4352 bits: 10^1130 << 60 fits */
#define DBL_MIN_EXP2 (-1074)     /* exponent of the least subnormal, 2^-1074 */

typedef struct big {
    uint32_t w[BIG_WORDS];
    int n;                       /* words in use; w[n-1] != 0 unless n == 0 */
} big;

static void big_set(big *b, uint64_t v)
{
    b->n = 0;
    while (v) {
        b->w[b->n++] = (uint32_t)v;
        v >>= 32;
    }
}

static void big_mul_add(big *b, uint32_t mul, uint32_t add)
{
    uint64_t carry = add;
    int i;
    for (i = 0; i < b->n; i++) {
        uint64_t t = (uint64_t)b->w[i] * mul + carry;
        b->w[i] = (uint32_t)t;
        carry = t >> 32;
    }
    if (carry && b->n < BIG_WORDS) b->w[b->n++] = (uint32_t)carry;
}

static void big_mul_pow(big *b, uint32_t base, long k)
{
    for (; k >= 13 && base == 5; k -= 13) big_mul_add(b, 1220703125u, 0);   /* 5^13 */
    for (; k >= 9 && base == 10; k -= 9) big_mul_add(b, 1000000000u, 0);
    for (; k > 0; k--) big_mul_add(b, base, 0);
}

static int big_bits(const big *b)
{
    int bits = 0;
    uint32_t top;
    if (b->n == 0) return 0;
    top = b->w[b->n - 1];
    while (top) {
        bits++;
        top >>= 1;
    }
    return (b->n - 1) * 32 + bits;
}

static void big_shl(big *b, int bits)
{
    int words = bits / 32, shift = bits % 32, i;
    if (b->n == 0) return;
    if (b->n + words + 1 > BIG_WORDS) words = BIG_WORDS - b->n - 1;   /* cannot happen in range */
    b->w[b->n + words] = 0;
    for (i = b->n - 1; i >= 0; i--) {
        uint32_t v = b->w[i];
        if (shift) b->w[i + words + 1] |= v >> (32 - shift);
        b->w[i + words] = v << shift;
    }
    for (i = 0; i < words; i++) b->w[i] = 0;
    b->n += words + 1;
    while (b->n && b->w[b->n - 1] == 0) b->n--;
}

static int big_cmp(const big *a, const big *b)
{
    int i;
    if (a->n != b->n) return a->n < b->n ? -1 : 1;
    for (i = a->n - 1; i >= 0; i--)
        if (a->w[i] != b->w[i]) return a->w[i] < b->w[i] ? -1 : 1;
    return 0;
}

static OUT_OF_LINE void big_sub(big *a, const big *b)   /* a >= b */
{
    int64_t borrow = 0;
    int i;
    for (i = 0; i < a->n; i++) {
        int64_t t = (int64_t)a->w[i] - (i < b->n ? b->w[i] : 0) - borrow;
        borrow = t < 0;
        a->w[i] = (uint32_t)(t + (borrow ? (int64_t)1 << 32 : 0));
    }
    while (a->n && a->w[a->n - 1] == 0) a->n--;
}

static uint32_t big_div_small(big *b, uint32_t d)   /* b /= d; returns the remainder */
{
    uint64_t rem = 0;
    int i;
    for (i = b->n - 1; i >= 0; i--) {
        uint64_t t = (rem << 32) | b->w[i];
        b->w[i] = (uint32_t)(t / d);
        rem = t % d;
    }
    while (b->n && b->w[b->n - 1] == 0) b->n--;
    return (uint32_t)rem;
}

/* ---- step 1: decimal -> nearest double, as q x 2^e with q odd (or 0) ---- */

typedef struct binary {
    uint64_t q;
    long e;
    bool infinite;
} binary;

static void canonical(binary *x)
{
    while (x->q && !(x->q & 1)) {
        x->q >>= 1;
        x->e++;
    }
    if (!x->q) x->e = 0;
}

static int bits64(uint64_t v)
{
    int n = 0;
    while (v) {
        n++;
        v >>= 1;
    }
    return n;
}

/*
 * digits[0..n) x 10^k, rounded to the nearest double. The value is
 * num / den; scaled by a power of two p so that den <= num < 2 den, it is
 * (num / den) x 2^p. The significand's bits are then the quotient's, one at
 * a time (restoring division), down to the double's last place: bit 2^-52
 * of the scaled value, or 2^-1074 for a subnormal. What remains, compared
 * with den, rounds it (ties to even).
 */
static binary nearest_double(const char *digits, size_t n, long k)
{
    binary x;
    big num, den;
    long p, last, i;
    int c;
    x.infinite = false;
    x.q = 0;
    x.e = 0;
    big_set(&num, 0);
    big_set(&den, 1);
    while (n && *digits == '0') digits++, n--;
    if (n == 0 || (long)n + k < -324) return x;   /* below half the least subnormal */
    if ((long)n + k > 310) {                       /* beyond the largest double */
        x.infinite = true;
        return x;
    }
    for (i = 0; i < (long)n; i++) big_mul_add(&num, 10, (uint32_t)(digits[i] - '0'));
    big_mul_pow(k >= 0 ? &num : &den, 10, k >= 0 ? k : -k);
    p = big_bits(&num) - big_bits(&den);
    big_shl(p >= 0 ? &den : &num, (int)(p >= 0 ? p : -p));
    if (big_cmp(&num, &den) < 0) {
        big_shl(&num, 1);
        p--;
    }
    last = p - 52 > DBL_MIN_EXP2 ? p - 52 : DBL_MIN_EXP2;   /* exponent of the last place */
    if (p < last - 1) return x;                  /* below half of it: zero */
    for (i = p; i >= last; i--) {                /* the bits from 2^p down to 2^last */
        x.q <<= 1;
        if (big_cmp(&num, &den) >= 0) {
            big_sub(&num, &den);
            x.q |= 1;
        }
        big_shl(&num, 1);
    }
    x.e = last;
    c = big_cmp(&num, &den);                     /* the rest, against half the last place */
    if (c > 0 || (c == 0 && (x.q & 1))) x.q++;
    if (x.q == ((uint64_t)1 << 53)) {
        x.q >>= 1;
        x.e++;
    }
    if (x.e + bits64(x.q) - 1 > 1023) x.infinite = true;
    canonical(&x);
    return x;
}

/* ---- step 2: the shortest digits that round back ---- */

/* The exact decimal digits of q x 2^e into out (no leading zeros); *point
   is the decimal exponent: value = 0.DIGITS x 10^point. At most 767 digits:
   they come least significant first, and are turned round in place. */
static size_t exact_digits(const binary *x, char *out, size_t cap, long *point)
{
    big n;
    size_t count = 0, i;
    big_set(&n, x->q);
    if (x->e >= 0) big_shl(&n, (int)x->e);
    else big_mul_pow(&n, 5, -x->e);
    while (n.n) {
        uint32_t chunk = big_div_small(&n, 1000000000u);
        int k;
        for (k = 0; k < 9 && count < cap; k++) {
            out[count++] = (char)('0' + chunk % 10);
            chunk /= 10;
        }
    }
    while (count > 1 && out[count - 1] == '0') count--;   /* leading zeros of the chunks */
    for (i = 0; i < count / 2; i++) {
        char c = out[i];
        out[i] = out[count - 1 - i];
        out[count - 1 - i] = c;
    }
    *point = (long)count + (x->e < 0 ? x->e : 0);
    return count;
}

static bool same_double(binary a, binary b)
{
    return a.q == b.q && a.e == b.e && a.infinite == b.infinite;
}

/* Rounds exact[0..n) to p digits (half to even) into out; *point may grow. */
static size_t round_digits(const char *exact, size_t n, size_t p, char *out, long *point)
{
    size_t i, j;
    bool up;
    if (p >= n) {
        memcpy(out, exact, n);
        return n;
    }
    memcpy(out, exact, p);
    up = exact[p] > '5';
    if (exact[p] == '5') {
        for (j = p + 1; j < n && exact[j] == '0'; j++) {}
        up = j < n || ((out[p - 1] - '0') & 1);
    }
    if (!up) return p;
    for (i = p; i > 0; i--) {
        if (out[i - 1] != '9') {
            out[i - 1]++;
            return p;
        }
        out[i - 1] = '0';
    }
    out[0] = '1';   /* 999 -> 1000 */
    (*point)++;
    return p;
}

/*
 * The shortest repr digits of the double nearest to digits[0..n) x 10^k
 * (n <= DSX_FLOAT_DIGITS_MAX; a longer text is cut by the caller to that
 * many digits, the last made a non-zero "sticky" digit when anything
 * non-zero was cut, which keeps the rounding exact). Returns how many
 * digits (0 for zero); *infinite when it overflows.
 */
size_t dsx_python_float_digits(const char *digits, size_t n, long k, char out[17],
                               long *point, bool *infinite)
{
    char exact[DSX_FLOAT_EXACT_MAX];
    binary x;
    long exact_point;
    size_t count, p;
    x = nearest_double(digits, n, k);
    *infinite = x.infinite;
    if (x.infinite || x.q == 0) return 0;
    count = exact_digits(&x, exact, sizeof exact, &exact_point);
    for (p = 1; p <= 17; p++) {
        long candidate_point = exact_point;
        size_t m = round_digits(exact, count, p, out, &candidate_point);
        binary back = nearest_double(out, m, candidate_point - (long)m);
        if (same_double(back, x)) {
            while (m > 1 && out[m - 1] == '0') m--;
            *point = candidate_point;
            return m;
        }
    }
    *point = exact_point;   /* not reached: 17 digits always round-trip */
    return count < 17 ? count : 17;
}

#else
typedef int dsx_pyfloat_c_compiled_out;   /* ISO C: no empty file */
#endif
