/*
 * BytesPerSecond: the exact value of a JSON number as int64, without
 * floating point. A number is digits x 10^scale; it is an integer when,
 * after dropping trailing zeros of the digits, the scale is not negative.
 * Nothing wraps: more than 19 significant places is out of range at once.
 */
#include "internal.h"

/* Saturation bound for exponents: far beyond any digit count we can meet. */
#define EXPONENT_LIMIT ((int64_t)1 << 60)

typedef struct digits_view {
    const char *integer;   /* digits before '.' */
    size_t integer_count;
    const char *fraction;  /* digits after '.' */
    size_t fraction_count;
    int64_t exponent;      /* saturated at +-EXPONENT_LIMIT */
    bool negative;
} digits_view;

static char digit_at(const digits_view *d, size_t k)
{
    return k < d->integer_count ? d->integer[k] : d->fraction[k - d->integer_count];
}

static void split_number(const char *s, size_t n, digits_view *d)
{
    size_t i = 0;
    d->negative = s[0] == '-';
    if (d->negative) i++;
    d->integer = s + i;
    while (i < n && s[i] >= '0' && s[i] <= '9') i++;
    d->integer_count = (size_t)(s + i - d->integer);
    d->fraction = s + i;
    d->fraction_count = 0;
    d->exponent = 0;
    if (i < n && s[i] == '.') {
        d->fraction = s + ++i;
        while (i < n && s[i] >= '0' && s[i] <= '9') i++;
        d->fraction_count = (size_t)(s + i - d->fraction);
    }
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        bool minus = false;
        i++;
        if (s[i] == '+' || s[i] == '-') minus = s[i++] == '-';
        for (; i < n; i++)   /* saturate before the multiplication could overflow */
            d->exponent = d->exponent >= EXPONENT_LIMIT / 10 ? EXPONENT_LIMIT
                                                              : d->exponent * 10 + (s[i] - '0');
        if (minus) d->exponent = -d->exponent;
    }
}

static dsx_number_status out_of_range(bool negative)
{
    return negative ? DSX_NUMBER_TOO_LOW : DSX_NUMBER_TOO_HIGH;
}

#ifndef DSX_SMALL
/*
 * The common case: an integer literal of at most 18 digits fits an int64
 * with no check; the general path below handles everything else.
 */
static bool short_integer(const char *s, size_t n, int64_t minimum, int64_t *out)
{
    bool negative = s[0] == '-';
    int64_t magnitude = 0;
    size_t i = negative;
    if (n - i > 18) return false;
    for (; i < n; i++) magnitude = magnitude * 10 + (s[i] - '0');
    if (negative) magnitude = -magnitude;
    if (magnitude < minimum) return false;   /* the general path reports it */
    *out = magnitude;
    return true;
}
#endif

dsx_number_status dsx_number_to_int64(const char *text, const dsx_token *t,
                                      bool integral_values, int64_t minimum,
                                      int64_t *out)
{
    digits_view d;
    size_t total, first, last, k;
    int64_t scale;
    uint64_t magnitude = 0;
    bool integer_literal = !(t->flags & (DSX_TF_FRACTION | DSX_TF_EXPONENT));
    if (!integral_values && !integer_literal) return DSX_NUMBER_NOT_INTEGER;
#ifndef DSX_SMALL
    if (integer_literal && short_integer(text + t->start, t->end - t->start, minimum, out))
        return DSX_NUMBER_OK;
#endif
    split_number(text + t->start, t->end - t->start, &d);
    total = d.integer_count + d.fraction_count;
    for (first = 0; first < total && digit_at(&d, first) == '0'; first++) {}
    if (first == total) { *out = 0; return DSX_NUMBER_OK; }  /* any zero, -0 too */
    for (last = total - 1; digit_at(&d, last) == '0'; last--) {}
    scale = d.exponent - (int64_t)d.fraction_count + (int64_t)(total - 1 - last);
    if (scale < 0) return DSX_NUMBER_NOT_INTEGER;
    if ((int64_t)(last - first + 1) + scale > 19) return out_of_range(d.negative);
    for (k = first; k <= last; k++) magnitude = magnitude * 10 + (uint64_t)(digit_at(&d, k) - '0');
    for (; scale > 0; scale--) magnitude *= 10;   /* at most 19 places: fits */
    if (d.negative) {
        if (magnitude > (uint64_t)0 - (uint64_t)minimum) return DSX_NUMBER_TOO_LOW;
        *out = magnitude == 0 ? 0 : -(int64_t)(magnitude - 1) - 1;
        return DSX_NUMBER_OK;
    }
    if (magnitude > (uint64_t)INT64_MAX) return DSX_NUMBER_TOO_HIGH;
    *out = (int64_t)magnitude;
    return DSX_NUMBER_OK;
}
