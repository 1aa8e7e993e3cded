/*
 * BytesPerSecond: the exact value of a JSON number as int64, without
 * floating point. A number is digits x 10^scale; it is an integer when,
 * after dropping trailing zeros of the digits, the scale is not negative.
 * Nothing wraps: more than 19 significant places is out of range at once.
 * The scan of the digits (dsx_decimal_scan) also serves Python's float
 * repr in botocore-style messages (pyrepr.c).
 */
#include "internal.h"

/* Saturation bound for exponents: far beyond any digit count we can meet. */
#define EXPONENT_LIMIT ((int64_t)1 << 60)

static dsx_number_status out_of_range(bool negative)
{
    return negative ? DSX_NUMBER_TOO_LOW : DSX_NUMBER_TOO_HIGH;
}

/* The exponent after 'e' at s[i..n), saturated at +-EXPONENT_LIMIT. */
static int64_t exponent_at(const char *s, size_t n, size_t i)
{
    int64_t e = 0;
    bool minus = false;
    if (i < n && (s[i] == '+' || s[i] == '-')) minus = s[i++] == '-';
    for (; i < n; i++)   /* saturate before the multiplication could overflow */
        e = e >= EXPONENT_LIMIT / 10 ? EXPONENT_LIMIT : e * 10 + (s[i] - '0');
    return minus ? -e : e;
}

#ifndef DSX_SMALL
/*
 * The common case: an integer literal of at most 18 digits fits an int64
 * with no check; the general path below handles everything else.
 */
static bool short_integer(const char *s, size_t n, int64_t *out)
{
    bool negative = s[0] == '-';
    int64_t magnitude = 0;
    size_t i = negative;
    if (n - i > 18) return false;
    for (; i < n; i++) magnitude = magnitude * 10 + (s[i] - '0');
    *out = negative ? -magnitude : magnitude;
    return true;
}
#endif

/*
 * One pass finds the first and last non-zero digits (the significant ones,
 * S), the fraction digits F and the zeros after S, t: the value is
 * S x 10^(exponent - F + t). No copy of the digits, a small frame.
 */
bool dsx_decimal_scan(const char *s, size_t n, dsx_decimal *d)
{
    size_t i, fraction = 0, zeros = 0, places = 0;   /* digits since the first non-zero one */
    bool in_fraction = false, any = false;
    d->negative = s[0] == '-';
    for (i = d->negative; i < n && s[i] != 'e' && s[i] != 'E'; i++) {
        if (s[i] == '.') {
            in_fraction = true;
            continue;
        }
        fraction += in_fraction;
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
    if (!any) return false;   /* any zero, -0 too */
    d->scale = (i < n ? exponent_at(s, n, i + 1) : 0) - (int64_t)fraction + (int64_t)zeros;
    return true;
}

/* A second pass reads S itself, only once it is known to be at most 19 places. */
dsx_number_status dsx_number_to_int64(const char *text, const dsx_token *t,
                                      bool integral_values, int64_t *out)
{
    const char *s = text + t->start;
    size_t n = t->end - t->start, i;
    uint64_t magnitude = 0;
    dsx_decimal d;
    int64_t scale;
    if (!integral_values && (t->flags & (DSX_TF_FRACTION | DSX_TF_EXPONENT)))
        return DSX_NUMBER_NOT_INTEGER;
#ifndef DSX_SMALL
    if (!(t->flags & (DSX_TF_FRACTION | DSX_TF_EXPONENT)) && short_integer(s, n, out))
        return DSX_NUMBER_OK;
#endif
    if (!dsx_decimal_scan(s, n, &d)) {
        *out = 0;
        return DSX_NUMBER_OK;
    }
    scale = d.scale;
    if (scale < 0) return DSX_NUMBER_NOT_INTEGER;
    if ((int64_t)d.places + scale > 19) return out_of_range(d.negative);
    for (i = d.first; i <= d.last; i++)
        if (s[i] != '.') magnitude = magnitude * 10 + (uint64_t)(s[i] - '0');
    for (; scale > 0; scale--) magnitude *= 10;   /* at most 19 places: fits */
    if (magnitude > (uint64_t)INT64_MAX + d.negative) return out_of_range(d.negative);
    /* magnitude >= 1 here (S has a non-zero digit): -(m - 1) - 1 cannot overflow */
    *out = d.negative ? -(int64_t)(magnitude - 1) - 1 : (int64_t)magnitude;
    return DSX_NUMBER_OK;
}
