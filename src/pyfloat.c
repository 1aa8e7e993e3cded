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

static void big_sub(big *a, const big *b)   /* a >= b */
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

/* q = floor(num / den) for a quotient below 2^60; num keeps the remainder. */
static uint64_t big_divide(big *num, const big *den)
{
    static const int top = 60;
    uint64_t q = 0;
    int i;
    big shifted;
    for (i = top; i >= 0; i--) {
        shifted = *den;
        big_shl(&shifted, i);
        if (big_cmp(num, &shifted) >= 0) {
            big_sub(num, &shifted);
            q |= (uint64_t)1 << i;
        }
    }
    return q;
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

/* Rounds q (with a remainder compared to half) to even; carries into e. */
static void round_half_even(binary *x, int above_half, int exactly_half)
{
    if (above_half || (exactly_half && (x->q & 1))) x->q++;
    if (x->q == ((uint64_t)1 << 53)) {
        x->q >>= 1;
        x->e++;
    }
}

/* digits[0..n) x 10^k, rounded to the nearest double. */
static binary nearest_double(const char *digits, size_t n, long k)
{
    binary x;
    big num, den;
    int shift;
    long point;
    x.infinite = false;
    x.q = 0;
    x.e = 0;
    big_set(&num, 0);
    while (n && *digits == '0') digits++, n--;
    point = (long)n + k;                 /* value = 0.DIGITS x 10^point */
    if (n == 0 || point < -324) return x;  /* below half the least subnormal */
    if (point > 310) {                   /* beyond the largest double */
        x.infinite = true;
        return x;
    }
    { size_t i; for (i = 0; i < n; i++) big_mul_add(&num, 10, (uint32_t)(digits[i] - '0')); }
    big_set(&den, 1);
    if (k >= 0) big_mul_pow(&num, 10, k);
    else big_mul_pow(&den, 10, -k);
    /* value = num / den; find shift so that num * 2^shift / den has 53 bits. */
    shift = 53 - (big_bits(&num) - big_bits(&den));
    for (;;) {
        big scaled = num, rem;
        int s = shift;
        uint64_t q;
        if (-s < DBL_MIN_EXP2) s = -DBL_MIN_EXP2;          /* subnormal: fewer bits */
        if (s >= 0) big_shl(&scaled, s);
        rem = scaled;
        {
            big d = den;
            if (s < 0) big_shl(&d, -s);
            q = big_divide(&rem, &d);
            if (bits64(q) > 53) { shift--; continue; }
            if (bits64(q) < 53 && s == shift) { shift++; continue; }
            x.q = q;
            x.e = -s;
            /* compare 2 x remainder with the divisor */
            big_shl(&rem, 1);
            {
                int c = big_cmp(&rem, &d);
                round_half_even(&x, c > 0, c == 0);
            }
        }
        break;
    }
    if (x.e + bits64(x.q) - 1 > 1023) x.infinite = true;
    canonical(&x);
    return x;
}

/* ---- step 2: the shortest digits that round back ---- */

/* The exact decimal digits of q x 2^e into out (no leading zeros); *point
   is the decimal exponent: value = 0.DIGITS x 10^point. At most 767 digits. */
static size_t exact_digits(const binary *x, char *out, size_t cap, long *point)
{
    big n;
    char tmp[DSX_FLOAT_EXACT_MAX];
    size_t count = 0, i;
    big_set(&n, x->q);
    if (x->e >= 0) big_shl(&n, (int)x->e);
    else big_mul_pow(&n, 5, -x->e);
    while (n.n) {
        uint32_t chunk = big_div_small(&n, 1000000000u);
        int k;
        for (k = 0; k < 9 && count < sizeof tmp; k++) {
            tmp[count++] = (char)('0' + chunk % 10);
            chunk /= 10;
        }
    }
    while (count > 1 && tmp[count - 1] == '0') count--;   /* leading zeros of the chunks */
    for (i = 0; i < count && i < cap; i++) out[i] = tmp[count - 1 - i];
    *point = (long)count + (x->e < 0 ? x->e : 0);
    return count < cap ? count : cap;
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
