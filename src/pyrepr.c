/*
 * JSON values as Python prints them after json.loads, for botocore-style
 * messages: str() at the top (strings raw), repr() inside containers
 * (quoted strings), True/False/None, integers in plain decimal (-0 is 0),
 * non-integer numbers as Python's float repr, lists as [a, b] and dicts as
 * {'k': v}. No floating point: a float's shortest digits are found in
 * decimal. The whole rendering is cut after DSX_MESSAGE_VALUE_MAX
 * characters, followed by "...", and never carries a raw control byte.
 *
 * Floats are exact (src/pyfloat.c). Known limit (docs/DIAGNOSTICS.md): a
 * dict with a repeated key lists every occurrence where Python keeps one.
 */
#include <string.h>

#include "internal.h"

#ifndef DSX_NO_BOTOCORE   /* only the botocore style uses it */

typedef struct pyout {
    dsx_writer *w;
    size_t left;          /* characters still allowed */
    bool cut;             /* the budget ran out: "..." written, write no more */
} pyout;

static bool spend(pyout *o, size_t n)
{
    if (o->cut) return false;
    if (n <= o->left) {
        o->left -= n;
        return true;
    }
    o->cut = true;
    dsx_puts(o->w, "...");
    return false;
}

static void out_ascii(pyout *o, const char *s, size_t n)
{
    size_t room = o->cut ? 0 : (n < o->left ? n : o->left);
    dsx_put(o->w, s, room);
    if (o->cut) return;
    o->left -= room;
    if (room < n) spend(o, 1);
}

static void out_str(pyout *o, const char *s)
{
    out_ascii(o, s, strlen(s));
}

/* ---- strings ---- */

/*
 * Code points Python's str.isprintable() rejects (the common ones): ranges
 * below U+D800 as first << 8 | (last - first), then two big ranges.
 */
static bool python_printable(int32_t cp)
{
    static const uint32_t hidden[] = {
        0x8020, 0xAD00, 0x60005, 0x61C00, 0x6DD00, 0x70F00, 0x168000, 0x180E00,
        0x20000F, 0x202807, 0x205F05, 0x206609, 0x300000, 0xFDD01F, 0xFEFF00, 0xFFF902,
    };
    size_t i;
    if ((cp & 0xFFFE) == 0xFFFE) return false;   /* U+xFFFE, U+xFFFF */
    if ((cp >= 0xD800 && cp <= 0xF8FF) || cp == 0xE0001 || (cp >= 0xE0020 && cp <= 0xE007F) ||
        cp >= 0xF0000)
        return false;
    for (i = 0; i < sizeof hidden / sizeof hidden[0]; i++)
        if ((uint32_t)cp - (hidden[i] >> 8) <= (hidden[i] & 0xFF)) return false;
    return true;
}

static void out_hex_escape(pyout *o, int32_t cp)
{
    char e[10];
    int digits = cp <= 0xFF ? 2 : cp <= 0xFFFF ? 4 : 8, i;
    e[0] = '\\';
    e[1] = digits == 2 ? 'x' : digits == 4 ? 'u' : 'U';
    for (i = 0; i < digits; i++) e[2 + i] = dsx_hex_digits[(cp >> (4 * (digits - 1 - i))) & 0xF];
    out_ascii(o, e, (size_t)digits + 2);
}

static OUT_OF_LINE void repr_code_point(pyout *o, int32_t cp, int32_t quote)
{
    char enc[4];
    switch (cp) {
    case '\\': out_str(o, "\\\\"); return;
    case '\t': out_str(o, "\\t"); return;
    case '\n': out_str(o, "\\n"); return;
    case '\r': out_str(o, "\\r"); return;
    default: break;
    }
    if (cp == quote) {
        out_str(o, "\\'");
        return;
    }
    if (cp < 0x20 || cp == 0x7F || (cp > 0x7F && !python_printable(cp))) {
        out_hex_escape(o, cp);
        return;
    }
    if (spend(o, 1)) dsx_put(o->w, enc, dsx_utf8_encode((uint32_t)cp, enc));
}

/* repr(s): single quotes unless the text has ' and no ". */
static void repr_string(pyout *o, const char *text, const dsx_token *t)
{
    dsx_string_iter it;
    int32_t cp;
    bool single = false, dbl = false;
    char quote;
    dsx_string_iter_init(&it, text, t);
    while ((cp = dsx_string_next(&it)) >= 0) {
        single |= cp == '\'';
        dbl |= cp == '"';
    }
    quote = single && !dbl ? '"' : '\'';
    out_ascii(o, &quote, 1);
    dsx_string_iter_init(&it, text, t);
    while (!o->cut && (cp = dsx_string_next(&it)) >= 0)
        repr_code_point(o, cp, quote == '\'' ? '\'' : -1);
    out_ascii(o, &quote, 1);
}

/* str(s) at the top: raw, but made safe like every quoted value. */
static void str_string(pyout *o, const char *text, const dsx_token *t)
{
    dsx_string_iter it;
    int32_t cp;
    dsx_string_iter_init(&it, text, t);
    while ((cp = dsx_string_next(&it)) >= 0) {
        if (!spend(o, 1)) return;
        dsx_put_safe_code_point(o->w, cp);
    }
}

/* ---- numbers ---- */

/*
 * The significant digits of the number text s[0..n) (no leading or trailing
 * zeros), at most DSX_FLOAT_DIGITS_MAX, the last one replaced by a non-zero
 * "sticky" digit when non-zero digits were cut; *k is the power of ten that
 * goes with them. Returns how many (0 for a zero).
 */
#define K_LIMIT 100000000L   /* |k| beyond any double's range, and within a 32-bit long */

static size_t gather_digits(const char *s, size_t n, char *digits, long *k, bool *negative)
{
    dsx_decimal d;
    size_t kept = 0, i;
    bool nonzero = dsx_decimal_scan(s, n, &d);
    *negative = d.negative;   /* set for a zero too: -0.0 */
    if (!nonzero) return 0;
    for (i = d.first; i <= d.last && kept < DSX_FLOAT_DIGITS_MAX; i++)
        if (s[i] != '.') digits[kept++] = s[i];
    if (d.places > kept) digits[kept++] = '1';   /* cut: what was cut ends in s[last], not 0 */
    /* value = SIGNIFICANT x 10^k; far out of range either way, k is clamped */
    d.up = dsx_add_saturated(d.up, d.places - kept);   /* the digits cut count as zeros after those kept */
    if (d.up >= d.down) *k = d.up - d.down > K_LIMIT ? K_LIMIT : (long)(d.up - d.down);
    else *k = d.down - d.up > K_LIMIT ? -K_LIMIT : -(long)(d.down - d.up);
    return kept;
}

static void format_exponent(char *out, size_t *at, long e)
{
    char tmp[12];
    size_t n = 0;
    unsigned long v = (unsigned long)(e < 0 ? -e : e);
    out[(*at)++] = 'e';
    out[(*at)++] = e < 0 ? '-' : '+';
    do {
        tmp[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    if (n < 2) tmp[n++] = '0';
    while (n) out[(*at)++] = tmp[--n];
}

/* Python's repr() layout of 0.DIGITS x 10^point. */
static size_t format_float(char *out, bool negative, const char *digits, size_t n, long point)
{
    size_t at = 0, k;
    if (negative) out[at++] = '-';
    if (point > -4 && point <= 16) {
        if (point <= 0) {
            out[at++] = '0';
            out[at++] = '.';
            for (k = 0; k < (size_t)-point; k++) out[at++] = '0';
            for (k = 0; k < n; k++) out[at++] = digits[k];
        } else {
            for (k = 0; k < n || k < (size_t)point; k++) {
                if (k == (size_t)point) out[at++] = '.';
                out[at++] = k < n ? digits[k] : '0';
            }
            if ((size_t)point >= n) {
                out[at++] = '.';
                out[at++] = '0';
            }
        }
        return at;
    }
    out[at++] = digits[0];
    if (n > 1) out[at++] = '.';
    for (k = 1; k < n; k++) out[at++] = digits[k];
    format_exponent(out, &at, point - 1);
    return at;
}

static void python_float(pyout *o, const char *s, size_t n)
{
    char digits[DSX_FLOAT_DIGITS_MAX + 1], shortest[17], out[48];
    size_t count, m;
    long k = 0, point = 0;
    bool infinite = false, negative;
    count = gather_digits(s, n, digits, &k, &negative);
#ifndef DSX_SMALL   /* a size-optimised build takes the general path for all */
    if (count > 0 && count <= 15 && (long)count + k >= -306 && (long)count + k <= 308) {
        /* At most 15 digits in the normal range name one double and are its
           shortest form (DBL_DIG): no big-number work needed. */
        memcpy(shortest, digits, count);
        m = count;
        point = (long)count + k;
    } else
#endif
    {
        m = count ? dsx_python_float_digits(digits, count, k, shortest, &point, &infinite) : 0;
    }
    if (infinite) out_str(o, negative ? "-inf" : "inf");
    else if (m == 0) out_str(o, negative ? "-0.0" : "0.0");
    else out_ascii(o, out, format_float(out, negative, shortest, m, point));
}

/* A number token: a float where the tokenizer saw a fraction or an exponent. */
static void python_number(pyout *o, const char *text, const dsx_token *t)
{
    const char *s = text + t->start;
    size_t n = t->end - t->start;
    if (t->flags & (DSX_TF_FRACTION | DSX_TF_EXPONENT)) {
        python_float(o, s, n);
        return;
    }
    if (n == 2 && s[0] == '-' && s[1] == '0') {   /* int("-0") is 0 */
        out_str(o, "0");
        return;
    }
    out_ascii(o, s, n);
}

/* ---- values ---- */

static void python_scalar(pyout *o, const char *text, const dsx_token *t, bool nested)
{
    switch (t->kind) {
    case DSX_TOK_STRING:
    case DSX_TOK_KEY:
        if (nested) repr_string(o, text, t);
        else str_string(o, text, t);
        break;
    case DSX_TOK_NUMBER: python_number(o, text, t); break;
    case DSX_TOK_TRUE: out_str(o, "True"); break;
    case DSX_TOK_FALSE: out_str(o, "False"); break;
    default: out_str(o, "None"); break;
    }
}

void dsx_put_python_value(dsx_writer *w, const char *json, size_t offset, size_t length)
{
    const char *text = json + offset;
    dsx_reader r;
    dsx_token t;
    dsx_tok_kind kind;
    pyout o;
    bool first = true, after_key = false;
    uint32_t level = 0;
    o.w = w;
    o.left = DSX_MESSAGE_VALUE_MAX;
    o.cut = false;
    dsx_reader_init(&r, text, length, DSX_DEPTH_CAP);
    while (!o.cut && (kind = dsx_reader_next(&r, &t)) != DSX_TOK_END && kind != DSX_TOK_ERROR) {
        if (kind == DSX_TOK_OBJECT_END || kind == DSX_TOK_ARRAY_END) {
            out_str(&o, kind == DSX_TOK_OBJECT_END ? "}" : "]");
            level--;
            first = false;
            continue;
        }
        if (!first && !after_key && level) out_str(&o, ", ");
        first = false;
        after_key = kind == DSX_TOK_KEY;
        if (kind == DSX_TOK_OBJECT_BEGIN || kind == DSX_TOK_ARRAY_BEGIN) {
            out_str(&o, kind == DSX_TOK_OBJECT_BEGIN ? "{" : "[");
            level++;
            first = true;
            continue;
        }
        python_scalar(&o, text, &t, level > 0);
        if (kind == DSX_TOK_KEY) out_str(&o, ": ");
    }
}

const char *dsx_python_type(const char *json, size_t offset, size_t length, uint8_t kind)
{
    size_t i;
    switch (kind) {
    case DSX_TOK_STRING: return "str";
    case DSX_TOK_TRUE: case DSX_TOK_FALSE: return "bool";
    case DSX_TOK_NULL: return "NoneType";
    case DSX_TOK_ARRAY_BEGIN: return "list";
    case DSX_TOK_OBJECT_BEGIN: return "dict";
    default: break;
    }
    for (i = 0; i < length; i++) {
        char c = json[offset + i];
        if (c == '.' || c == 'e' || c == 'E') return "float";
    }
    return "int";
}

#else
typedef int dsx_pyrepr_c_compiled_out;   /* ISO C: no empty file */
#endif
