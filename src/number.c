/*
 * Exact decimal reading of a JSON number, without floating point: for
 * BytesPerSecond, its int64 value (dsx_bytes_per_second); for Python's
 * float repr in botocore-style messages (pyrepr.c), its significant digits
 * and their power of ten (dsx_decimal_scan).
 *
 * A number's digits D (any '.' skipped) are S x 10^zeros, S ending in a
 * non-zero digit, so its value is S x 10^(up - down): up = those zeros (+
 * the exponent when positive), down = the fraction digits (+ the exponent
 * when negative). Both are counts of the token's bytes (less than
 * SIZE_MAX) but for the exponent, so where a sum saturates the exponent
 * alone decides: no power of ten is ever wrong, however long the token.
 */
#include "internal.h"
#include "model.h"

static dsx_number_status out_of_range(bool negative)
{
    return negative ? DSX_NUMBER_TOO_LOW : DSX_NUMBER_TOO_HIGH;
}

/*
 * The exponent at s (its 'e', or end where there is none), saturated, and
 * whether it is negative (the grammar puts its sign right after the 'e').
 * Folded into both callers, which add it to their own counts (make size).
 */
static FOLDED size_t exponent_at(const char *s, const char *end)
{
    size_t exponent = 0;
    for (; s < end; s++)   /* 'e', a sign, digits */
        if (*s >= '0' && *s <= '9')   /* below SIZE_MAX / 10 - 1, x 10 + 9 stays below SIZE_MAX */
            exponent = exponent >= SIZE_MAX / 10 - 1 ? SIZE_MAX : exponent * 10 + (size_t)(*s - '0');
    return exponent;
}

static FOLDED bool exponent_is_negative(const char *s, const char *end)
{
    return s < end && s[1] == '-';
}

/*
 * One pass finds the first and last non-zero digits (S) and counts the
 * fraction digits and the zeros after S. No copy of the digits.
 */
bool dsx_decimal_scan(const char *s, size_t n, dsx_decimal *d)
{
    size_t i, zeros = 0, places = 0, *side;   /* places: digits since the first non-zero one */
    bool in_fraction = false, any = false;
    d->negative = s[0] == '-';
    d->down = 0;
    for (i = d->negative; i < n && s[i] != 'e' && s[i] != 'E'; i++) {
        if (s[i] == '.') {
            in_fraction = true;
            continue;
        }
        d->down += in_fraction;
        places += any;
        if (s[i] == '0') {
            zeros++;
            continue;
        }
        if (!any) {
            d->first = i;
            places = 1;
        }
        any = true;
        d->places = places;
        d->last = i;
        zeros = 0;
    }
    d->up = zeros;
    side = exponent_is_negative(s + i, s + n) ? &d->down : &d->up;
    *side = dsx_add_saturated(*side, exponent_at(s + i, s + n));
    return any;   /* false for any zero, -0 too */
}

/*
 * m x 10^times + digit where that is at most INT64_MAX; otherwise some
 * value above INT64_MAX, never a wrapped one: a step from m >= 2^60 (whose
 * x 10 is past INT64_MAX) gives UINT64_MAX, and below 2^60, m x 10 + 9
 * stays below 2^64. One shift to test, no 64-bit constant (make size).
 */
static OUT_OF_LINE uint64_t shift_in(uint64_t m, size_t times, unsigned digit)
{
    for (; times > 0; times--) {
        if (m >> 60) return UINT64_MAX;
        m *= 10;
    }
    return m + digit;
}

/*
 * A pass of its own, not through dsx_decimal_scan: the validation image
 * links this one alone (make size). S is built as the digits go by, the
 * zeros before a non-zero digit shifted in only then; the value is an
 * integer exactly when S is 0 or up >= down (S ends in a non-zero digit).
 */
dsx_number_status dsx_bytes_per_second(const char *text, const dsx_token *t,
                                       dsx_number_policy numbers, int64_t *out)
{
    const char *s = text + t->start, *end = text + t->end;
    bool negative = *s == '-', in_fraction = false;
    uint64_t magnitude = 0;
    size_t up = 0, down = 0, exponent;
    if (numbers == DSX_NUMBER_INTEGER_LITERAL && (t->flags & (DSX_TF_FRACTION | DSX_TF_EXPONENT)))
        return DSX_NUMBER_NOT_INTEGER;
    for (s += negative; s < end && *s != 'e' && *s != 'E'; s++) {
        if (*s == '.') {
            in_fraction = true;
            continue;
        }
        down += in_fraction;
        up++;   /* a zero waits in `up` until a non-zero digit follows */
        if (*s == '0') continue;
        magnitude = shift_in(magnitude, up, (unsigned)(*s - '0'));
        up = 0;
    }
    exponent = exponent_at(s, end);
    if (exponent_is_negative(s, end)) down = dsx_add_saturated(down, exponent);
    else up = dsx_add_saturated(up, exponent);
    if (!magnitude) return DSX_NUMBER_OK;   /* any zero, -0 too */
    if (up < down) return DSX_NUMBER_NOT_INTEGER;
    magnitude = shift_in(magnitude, up - down, 0);
    /* BytesPerSecond's range: from DSX_BYTES_PER_SECOND_MIN (-1) to INT64_MAX */
    if (magnitude > (negative ? (uint64_t)-DSX_BYTES_PER_SECOND_MIN : (uint64_t)INT64_MAX))
        return out_of_range(negative);
    *out = negative ? -(int64_t)magnitude : (int64_t)magnitude;
    return DSX_NUMBER_OK;
}
