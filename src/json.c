/*
 * Strict JSON tokenizer: one pass over the bytes, no allocation, no
 * recursion. Nesting is tracked in a bit stack (one bit per open container),
 * so input depth costs no call stack.
 *
 * Where a text is malformed, the error offset is the first byte at which the
 * input stops being the beginning of any valid JSON text (the length of the
 * input when the text is only cut short). An ill-formed UTF-8 sequence is
 * reported at its first byte, wherever it stands.
 */
#include "json.h"
#include "internal.h"
#include "swar.h"

#include <string.h>

enum reader_state {
    ST_ROOT,          /* expecting the one top-level value */
    ST_MEMBER_VALUE,  /* after ':' */
    ST_ELEMENT,       /* after ',' in an array */
    ST_ARRAY_FIRST,   /* after '[' */
    ST_OBJECT_FIRST,  /* after '{' */
    ST_NAME,          /* after ',' in an object */
    ST_COLON,         /* after a member name */
    ST_AFTER_VALUE    /* after a complete value; at the end of the input, done */
};
/* dsx_reader_init and dsx_reader_start (json.h) start a reader in state 0: */
typedef char root_state_is_checked[ST_ROOT == 0 ? 1 : -1];

/*
 * What a string byte is: STRING_PLAIN for the bytes that stand for
 * themselves, the others end the plain run. Compared, not looked up: a
 * 256-byte table would be the biggest piece of the tokenizer's flash, and
 * long runs of plain bytes go many at a time anyway (skip_plain_words).
 * The two classes that go on to a character are the token flags they set
 * (make size).
 */
enum string_byte {
    STRING_PLAIN,
    STRING_BACKSLASH = DSX_TF_ESCAPED,
    STRING_QUOTE,
    STRING_CONTROL,
    STRING_NON_ASCII = DSX_TF_NON_ASCII
};

static FOLDED enum string_byte string_byte_class(uint8_t c)
{
    if (c < 0x20) return STRING_CONTROL;
    if (c >= 0x80) return STRING_NON_ASCII;
    if (c == '"') return STRING_QUOTE;
    return c == '\\' ? STRING_BACKSLASH : STRING_PLAIN;
}

static int is_digit(uint8_t c) { return c >= '0' && c <= '9'; }

/* ---- one character of a string, read and checked (the scan and the decoder share it) ---- */

static int hex_value(uint8_t c)
{
    unsigned letter = (c | 0x20u) - 'a';   /* 'A'-'F' and 'a'-'f' alike */
    if (c >= '0' && c <= '9') return c - '0';
    return letter < 6 ? (int)letter + 10 : -1;
}

/*
 * The code point of the well-formed UTF-8 sequence at *at, before end
 * (RFC 3629: the shortest form, no surrogate, at most U+10FFFF; the same
 * sequences as table 3-7 of Unicode), with *at moved past it; or
 * -DSX_REASON_UTF8, *at unchanged, when it is ill-formed or cut short.
 * A byte below 0x80 is its own code point.
 */
int32_t dsx_utf8_decode(const uint8_t **at, const uint8_t *end)
{
    const uint8_t *s = *at;
    uint32_t cp = s[0], least;
    size_t length, k;
    if (cp < 0x80) {
        *at = s + 1;
        return (int32_t)cp;
    }
    if (cp >= 0xF8 || cp < 0xC0) return -DSX_REASON_UTF8;   /* no sequence starts so */
    length = cp >= 0xF0 ? 4 : cp >= 0xE0 ? 3 : 2;
    least = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000;
    if ((size_t)(end - s) < length) return -DSX_REASON_UTF8;
    cp &= 0x7Fu >> length;
    for (k = 1; k < length; k++) {
        if ((s[k] & 0xC0) != 0x80) return -DSX_REASON_UTF8;
        cp = (cp << 6) | (s[k] & 0x3Fu);
    }
    if (cp < least || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return -DSX_REASON_UTF8;
    *at = s + length;
    return (int32_t)cp;
}

/* A malformed character: the cursor stops at its first offending byte; -reason. */
static int32_t char_fails(const uint8_t **at, dsx_json_reason reason, const uint8_t *bad)
{
    *at = bad;
    return -(int32_t)reason;
}

/* What the one-letter escapes stand for, as pairs: the letter, then the byte. */
static const char short_escapes[] = "\"\"\\\\//b\bf\fn\nr\rt\t";

/*
 * A backslash escape at *at; a surrogate pair as one code point. One \u
 * and its four hex digits a turn: the second turn reads the low half of a
 * pair, which must follow a high half at once (and a low half may not come
 * first).
 */
static int32_t read_escape(const uint8_t **at, const uint8_t *end)
{
    const uint8_t *p = *at + 1;
    const char *e;
    uint32_t high = 0;
    size_t k;
    if (p >= end) return char_fails(at, DSX_REASON_END, end);
    for (e = short_escapes; *e != '\0'; e += 2) {   /* the pairs end at the string's NUL */
        if (*p != (uint8_t)e[0]) continue;
        *at = p + 1;
        return (uint8_t)e[1];
    }
    if (*p != 'u') return char_fails(at, DSX_REASON_BAD_ESCAPE, p);
    for (;;) {   /* p is at the 'u' */
        uint32_t v = 0;
        for (k = 1; k <= 4; k++) {   /* p at each digit in turn */
            int h;
            if (++p >= end) return char_fails(at, DSX_REASON_END, end);
            h = hex_value(*p);
            if (h < 0) return char_fails(at, DSX_REASON_BAD_UNICODE_ESCAPE, p);
            v = (v << 4) | (uint32_t)h;
            if ((k == 1 && high && v != 0xD) ||
                (k == 2 && (high ? v < 0xDC || v > 0xDF : v >= 0xDC && v <= 0xDF)))
                return char_fails(at, DSX_REASON_LONE_SURROGATE, p);
        }
        p++;
        if (high) v = 0x10000 + ((high - 0xD800) << 10) + (v - 0xDC00);
        if (high || v < 0xD800 || v > 0xDBFF) {
            *at = p;
            return (int32_t)v;
        }
        high = v;
        for (k = 0; k < 2; k++) {   /* "\\u" of the low half, at once */
            if (p + k >= end) return char_fails(at, DSX_REASON_END, end);
            if (p[k] != (uint8_t)"\\u"[k]) return char_fails(at, DSX_REASON_LONE_SURROGATE, p + k);
        }
        p++;
    }
}

/*
 * The character at *at of a string's contents ending before `end` (not
 * its closing quote, not a control byte): a byte below 0x80, an escape or
 * a UTF-8 sequence. Returns its code point with *at after it, or minus a
 * dsx_json_reason with *at at the first offending byte (the tokenizer then
 * reports it through fail_unexpected, so an escape that fails at a byte
 * starting no valid UTF-8 sequence fails there as UTF-8). The tokenizer
 * checks strings with it and the decoder reads validated ones with it, so
 * the two cannot disagree.
 */
static int32_t read_string_char(const uint8_t **at, const uint8_t *end)
{
    return **at == '\\' ? read_escape(at, end) : dsx_utf8_decode(at, end);
}

/*
 * The reader stops at a malformation. No hint (make size): GCC puts a copy
 * into fail_unexpected and two into the reader's loop, fewer bytes than
 * the calls to one out-of-line copy.
 */
static dsx_tok_kind fail(dsx_reader *r, dsx_token *t, dsx_json_reason reason, size_t offset)
{
    r->error_reason = (uint8_t)reason;
    r->pos = offset;   /* where the reader stops: the error's offset from now on, */
    r->length = offset;   /* and its end: a later call fails again at once (at_end_of_input) */
    t->kind = DSX_TOK_ERROR;
    t->flags = 0;
    t->start = t->end = offset;
    return DSX_TOK_ERROR;
}

/*
 * A byte that cannot stand here: utf8 when it starts no valid sequence; a
 * byte-order mark where it starts the text (only a value could stand there).
 */
static dsx_tok_kind fail_unexpected(dsx_reader *r, dsx_token *t,
                                    dsx_json_reason reason, size_t offset)
{
    const uint8_t *at = r->text + offset;
    int32_t cp;
    if (offset >= r->length)
        return fail(r, t, DSX_REASON_END, r->length);
    cp = dsx_utf8_decode(&at, r->text + r->length);
    if (cp < 0) reason = DSX_REASON_UTF8;
    if (cp == 0xFEFF && offset == 0) reason = DSX_REASON_BOM;
    return fail(r, t, reason, offset);
}

static dsx_tok_kind emit(dsx_reader *r, dsx_token *t, dsx_tok_kind kind,
                         size_t start, size_t end, uint8_t flags)
{
    t->kind = (uint8_t)kind;
    t->flags = flags;
    t->start = start;
    t->end = end;
    r->pos = end;
    return kind;
}

static int top_is_object(const dsx_reader *r)
{
    uint32_t i = r->depth - 1;
    return (r->is_object[i >> 3] >> (i & 7)) & 1;
}

static dsx_tok_kind open_container(dsx_reader *r, dsx_token *t, int object)
{
    uint32_t i = r->depth;
    uint8_t bit = (uint8_t)(1u << (i & 7));
    if (r->depth >= r->max_depth)
        return fail(r, t, DSX_REASON_DEPTH, r->pos);
    if (object) r->is_object[i >> 3] |= bit;
    else r->is_object[i >> 3] &= (uint8_t)~bit;
    r->depth++;
    r->state = object ? ST_OBJECT_FIRST : ST_ARRAY_FIRST;
    return emit(r, t, object ? DSX_TOK_OBJECT_BEGIN : DSX_TOK_ARRAY_BEGIN,
                r->pos, r->pos + 1, 0);
}

/* The innermost container closes at r->pos: its bracket, which the caller has matched to it. */
static FOLDED dsx_tok_kind close_container(dsx_reader *r, dsx_token *t)
{
    r->depth--;
    r->state = ST_AFTER_VALUE;
    return emit(r, t, r->text[r->pos] == '}' ? DSX_TOK_OBJECT_END : DSX_TOK_ARRAY_END,
                r->pos, r->pos + 1, 0);
}

/*
 * Where a step finds the close: in a size-optimised build it returns
 * DSX_TOK_CLOSING and the reader's loop closes the container, one copy for
 * the three places (make size); in the speed build it closes at once (the
 * loop's extra test cost check-json 4% more instructions, PERFORMANCE.md).
 */
static FOLDED dsx_tok_kind closing(dsx_reader *r, dsx_token *t)
{
#ifdef DSX_SMALL
    (void)r;
    (void)t;
    return DSX_TOK_CLOSING;
#else
    return close_container(r, t);
#endif
}

/* Plain string bytes 16/32 (vectors) or 8 (words) at once (src/swar.h); none with DSX_SMALL. */
static size_t skip_plain_words(const uint8_t *s, size_t n, size_t i)
{
#ifdef DSX_SMALL
    (void)s;
    (void)n;
    return i;
#else
    return dsx_skip_plain_words(s, n, i);
#endif
}

/*
 * A string token from its opening quote at r->pos. The token's kind and
 * flags are kept in *t as the bytes go by, and the text and its length are
 * read again after each call, so that few values live across the call into
 * read_string_char (a smaller frame on the deepest stack path, make stack).
 */
static dsx_tok_kind scan_string(dsx_reader *r, dsx_token *t, dsx_tok_kind kind)
{
    size_t i = r->pos + 1;
    t->kind = (uint8_t)kind;
    t->flags = 0;
    for (;;) {
        const uint8_t *s = r->text, *at;
        size_t n = r->length;
        enum string_byte cls = STRING_PLAIN;
        int32_t cp;
        i = skip_plain_words(s, n, i);
        while (i < n && (cls = string_byte_class(s[i])) == STRING_PLAIN) i++;
        if (i < n && cls == STRING_QUOTE) break;
        if (i >= n || cls == STRING_CONTROL)   /* past the end, fail_unexpected says so */
            return fail_unexpected(r, t, DSX_REASON_CONTROL_CHARACTER, i);
        t->flags |= (uint8_t)cls;   /* DSX_TF_ESCAPED or DSX_TF_NON_ASCII */
        at = s + i;
        cp = read_string_char(&at, s + n);
        if (cp < 0)   /* at the end, or at a byte starting no valid UTF-8 sequence: says so */
            return fail_unexpected(r, t, (dsx_json_reason)-cp, (size_t)(at - r->text));
        i = (size_t)(at - r->text);
    }
    r->state = t->kind == DSX_TOK_KEY ? ST_COLON : ST_AFTER_VALUE;
    return emit(r, t, (dsx_tok_kind)t->kind, r->pos, i + 1, t->flags);
}

/*
 * A number token from its '-' or first digit at r->pos: parts of at least
 * one digit each, the integer part (no leading zero), then '.' and the
 * fraction, then 'e' or 'E', a sign and the exponent; whatever else
 * follows ends the number. A part cut short fails at the end
 * (fail_unexpected says so).
 */
static dsx_tok_kind scan_number(dsx_reader *r, dsx_token *t)
{
    const uint8_t *s = r->text;
    size_t n = r->length, i = r->pos, first;
    uint8_t flags = 0;
    if (s[i] == '-') i++;
    first = i;
    for (;;) {
        size_t part = i;
        while (i < n && is_digit(s[i])) i++;
        if (i == part) return fail_unexpected(r, t, DSX_REASON_DIGIT_EXPECTED, i);
        if (!flags && s[first] == '0' && i - first > 1)   /* the digit after a leading 0 */
            return fail_unexpected(r, t, DSX_REASON_LEADING_ZERO, first + 1);
        if (i >= n) break;
        if (!flags && s[i] == '.') {
            flags = DSX_TF_FRACTION;
        } else if (!(flags & DSX_TF_EXPONENT) && (s[i] | 0x20) == 'e') {   /* 'e' or 'E' */
            flags |= DSX_TF_EXPONENT;
            if (i + 1 < n && (s[i + 1] == '+' || s[i + 1] == '-')) i++;
        } else {
            break;
        }
        i++;
    }
    r->state = ST_AFTER_VALUE;
    return emit(r, t, DSX_TOK_NUMBER, r->pos, i, flags);
}

/* The literals, six bytes apart, in the order of their kinds from DSX_TOK_TRUE. */
static const char literals[] = "true\0\0false\0null";

/* true, false or null, from its first letter c; folded into begin_value, its one caller (make size). */
static FOLDED dsx_tok_kind scan_literal(dsx_reader *r, dsx_token *t, uint8_t c)
{
    size_t which = c == 't' ? 0 : c == 'f' ? 1 : 2, at = r->pos;
    const char *word = literals + 6 * which;
    for (; *word != '\0'; word++, at++)
        if (at >= r->length || r->text[at] != (uint8_t)*word)   /* cut short: fail_unexpected says so */
            return fail_unexpected(r, t, DSX_REASON_LITERAL, at);
    r->state = ST_AFTER_VALUE;
    return emit(r, t, (dsx_tok_kind)(DSX_TOK_TRUE + which), r->pos, at, 0);
}

static dsx_tok_kind begin_value(dsx_reader *r, dsx_token *t, uint8_t c)
{
    switch (c) {
    case '{': case '[': return open_container(r, t, c == '{');
    case '"': return scan_string(r, t, DSX_TOK_STRING);
    case 't': case 'f': case 'n': return scan_literal(r, t, c);
    case '-': return scan_number(r, t);
    default: break;
    }
    if (is_digit(c)) return scan_number(r, t);
    if (c == ']' && r->state == ST_ARRAY_FIRST) return closing(r, t);   /* [] */
    if (c == ']' && r->state == ST_ELEMENT)
        return fail(r, t, DSX_REASON_TRAILING_COMMA, r->pos);
    return fail_unexpected(r, t, DSX_REASON_EXPECTED_VALUE, r->pos);
}

static FOLDED bool is_whitespace(uint8_t c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';   /* compilers test these as one bit set */
}

/* Steps over whitespace; true when a byte follows (then r->pos is at it). */
static bool skip_whitespace(dsx_reader *r)
{
    const uint8_t *s = r->text;
    size_t i = r->pos, n = r->length;
    while (i < n && is_whitespace(s[i])) i++;
    r->pos = i;
    return i < n;
}

/*
 * After a value inside a container: ',' or the matching close. The token
 * after a ',' is read at once when it is the usual one (a name, a value;
 * not in a size-optimised build); anything else goes back through
 * dsx_reader_next for its exact error.
 */
static dsx_tok_kind after_value(dsx_reader *r, dsx_token *t, uint8_t c)
{
    int object;
    if (r->depth == 0) return fail_unexpected(r, t, DSX_REASON_TRAILING_DATA, r->pos);
    object = top_is_object(r);
    if (c == ',') {
        r->pos++;
        r->state = object ? ST_NAME : ST_ELEMENT;
#ifndef DSX_SMALL   /* the usual next token at once; else through dsx_reader_next's loop */
        if (!skip_whitespace(r)) return DSX_TOK_NONE_YET;
        if (object) return r->text[r->pos] == '"' ? scan_string(r, t, DSX_TOK_KEY)
                                                  : DSX_TOK_NONE_YET;
        return begin_value(r, t, r->text[r->pos]);
#else
        return DSX_TOK_NONE_YET;
#endif
    }
    if (c == (object ? '}' : ']')) return closing(r, t);
    return fail_unexpected(r, t, object ? DSX_REASON_EXPECTED_OBJECT_NEXT
                                        : DSX_REASON_EXPECTED_ARRAY_NEXT, r->pos);
}

/* The end of the input, or of what a failed reader reads: END again, or the same error again. */
static dsx_tok_kind at_end_of_input(dsx_reader *r, dsx_token *t)
{
    dsx_json_reason reason = (dsx_json_reason)r->error_reason;   /* a failed reader's, again */
    if (reason == DSX_REASON_NONE) {
        if (r->state == ST_AFTER_VALUE && r->depth == 0)
            return emit(r, t, DSX_TOK_END, r->length, r->length, 0);
        reason = r->state == ST_ROOT ? DSX_REASON_EMPTY : DSX_REASON_END;
    }
    return fail(r, t, reason, r->length);
}

static dsx_tok_kind step(dsx_reader *r, dsx_token *t, uint8_t c)
{
    switch (r->state) {
    case ST_ROOT:
    case ST_MEMBER_VALUE:
    case ST_ELEMENT:
    case ST_ARRAY_FIRST:
        return begin_value(r, t, c);
    case ST_OBJECT_FIRST:
    case ST_NAME:
        if (c == '"') return scan_string(r, t, DSX_TOK_KEY);
        if (c == '}') return r->state == ST_NAME ? fail(r, t, DSX_REASON_TRAILING_COMMA, r->pos)
                                                 : closing(r, t);
        return fail_unexpected(r, t, DSX_REASON_EXPECTED_NAME, r->pos);
    case ST_COLON:
        if (c != ':') return fail_unexpected(r, t, DSX_REASON_EXPECTED_COLON, r->pos);
        r->pos++;
        r->state = ST_MEMBER_VALUE;
#ifndef DSX_SMALL   /* the value at once; else through dsx_reader_next's loop */
        if (!skip_whitespace(r)) return DSX_TOK_NONE_YET;
        return begin_value(r, t, r->text[r->pos]);
#else
        return DSX_TOK_NONE_YET;
#endif
    default:
        return after_value(r, t, c);
    }
}

dsx_tok_kind dsx_reader_next(dsx_reader *r, dsx_token *t)
{
    for (;;) {
        dsx_tok_kind kind;
        if (!skip_whitespace(r)) return at_end_of_input(r, t);
        kind = step(r, t, r->text[r->pos]);
#ifdef DSX_SMALL
        if (kind == DSX_TOK_CLOSING) return close_container(r, t);
#endif
        if (kind != DSX_TOK_NONE_YET) return kind;
    }
}

/* ---- decoding a validated string ---- */

int32_t dsx_string_next(dsx_string_iter *it)
{
    if (it->p >= it->end) return -1;
    return read_string_char(&it->p, it->end);   /* validated: never fails */
}

size_t dsx_utf8_encode(uint32_t cp, char *out)
{
    static const uint8_t lead[] = { 0, 0, 0xC0, 0xE0, 0xF0 };   /* by length */
    size_t n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4, i;
    for (i = n - 1; i > 0; i--) {   /* six bits a continuation byte, from the end */
        out[i] = (char)(0x80 | (cp & 0x3F));
        cp >>= 6;
    }
    out[0] = (char)(lead[n] | cp);
    return n;
}

size_t dsx_string_decode(const char *text, const dsx_token *t, char *buf,
                         size_t cap)
{
    dsx_string_iter it;
    size_t len = 0;
    int32_t cp;
    if (!(t->flags & DSX_TF_ESCAPED)) {
        size_t raw = t->end - t->start - 2;
        if (cap > 0) memcpy(buf, text + t->start + 1, raw < cap ? raw : cap);
        return raw;
    }
    dsx_string_iter_init(&it, text, t);
    while ((cp = dsx_string_next(&it)) >= 0) {
        char enc[4];
        size_t k, n = dsx_utf8_encode((uint32_t)cp, enc);
        for (k = 0; k < n; k++, len++)
            if (len < cap) buf[len] = enc[k];
    }
    return len;
}
