/* Strict RFC 8259 / RFC 3629 pull tokenizer (internal). */
#ifndef DSX_JSON_H
#define DSX_JSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dsx.h"

/*
 * Where a function's frame goes, for the worst-case stack (make stack):
 * OUT_OF_LINE keeps a function's locals off the stack of its caller's other
 * paths; FOLDED puts a small function into its callers instead of adding a
 * frame under them. Hints only: any C99 compiler builds the library.
 */
#if defined(__GNUC__)
#define OUT_OF_LINE __attribute__((noinline))
#define FOLDED inline __attribute__((always_inline))
#else
#define OUT_OF_LINE
#define FOLDED inline
#endif

typedef enum dsx_tok_kind {
    DSX_TOK_OBJECT_BEGIN,
    DSX_TOK_OBJECT_END,
    DSX_TOK_ARRAY_BEGIN,
    DSX_TOK_ARRAY_END,
    DSX_TOK_KEY,        /* a member name (string token in name position) */
    DSX_TOK_STRING,
    DSX_TOK_NUMBER,
    DSX_TOK_TRUE,
    DSX_TOK_FALSE,
    DSX_TOK_NULL,
    DSX_TOK_END,        /* the one value and trailing whitespace are consumed */
    DSX_TOK_ERROR,      /* see dsx_reader.error_* */
    DSX_TOK_NONE_YET,   /* internal: a step that produced no token */
    DSX_TOK_CLOSING     /* internal, size-optimised: a step that found the innermost container's close */
} dsx_tok_kind;

/* Token flags. */
#define DSX_TF_ESCAPED  1u  /* string: holds at least one backslash escape */
#define DSX_TF_FRACTION 2u  /* number: has a '.' part */
#define DSX_TF_EXPONENT 4u  /* number: has an 'e' part */
#define DSX_TF_NON_ASCII 16u /* string: holds a byte >= 0x80 */

typedef struct dsx_token {
    uint8_t kind;       /* dsx_tok_kind */
    uint8_t flags;
    size_t start;       /* first byte (the opening quote of a string) */
    size_t end;         /* one past the last byte */
} dsx_token;

/* Why a text is malformed; also the detail of a malformed diagnostic. */
typedef enum dsx_json_reason {
    DSX_REASON_NONE,
    DSX_REASON_EMPTY,
    DSX_REASON_BOM,
    DSX_REASON_END,
    DSX_REASON_EXPECTED_VALUE,
    DSX_REASON_EXPECTED_NAME,
    DSX_REASON_EXPECTED_COLON,
    DSX_REASON_EXPECTED_OBJECT_NEXT,
    DSX_REASON_EXPECTED_ARRAY_NEXT,
    DSX_REASON_TRAILING_COMMA,
    DSX_REASON_TRAILING_DATA,
    DSX_REASON_LITERAL,
    DSX_REASON_LEADING_ZERO,
    DSX_REASON_DIGIT_EXPECTED,
    DSX_REASON_CONTROL_CHARACTER,
    DSX_REASON_BAD_ESCAPE,
    DSX_REASON_BAD_UNICODE_ESCAPE,
    DSX_REASON_LONE_SURROGATE,
    DSX_REASON_UTF8,
    DSX_REASON_DEPTH,
    DSX_REASON_TOO_LARGE,
    DSX_REASON_COUNT
} dsx_json_reason;

#if DSX_DEPTH_CAP < 1 || DSX_DEPTH_CAP > 65535
#error "DSX_DEPTH_CAP must be between 1 and 65535 (the reader counts depth in 16 bits)"
#endif

typedef struct dsx_reader {
    const uint8_t *text;
    size_t length;                       /* after a malformation: its offset (nothing more is read) */
    size_t pos;                          /* after a malformation: its offset */
    uint16_t depth;                      /* containers open now (at most DSX_DEPTH_CAP) */
    uint16_t max_depth;
    uint8_t state;
    uint8_t error_reason;                /* dsx_json_reason, when a token is DSX_TOK_ERROR */
    uint8_t is_object[(DSX_DEPTH_CAP + 7) / 8]; /* one bit per open container */
} dsx_reader;

/*
 * The code of a malformation by its reason: utf8, depth and too_large have
 * their own; else syntax. The last three reasons are in the codes' order.
 */
typedef char reason_order_is_checked[DSX_REASON_DEPTH == DSX_REASON_UTF8 + 1 &&
                                     DSX_REASON_TOO_LARGE == DSX_REASON_UTF8 + 2 &&
                                     DSX_CODE_DEPTH == DSX_CODE_UTF8 + 1 &&
                                     DSX_CODE_TOO_LARGE == DSX_CODE_UTF8 + 2 ? 1 : -1];

static inline dsx_code dsx_json_reason_code(dsx_json_reason reason)
{
    return reason >= DSX_REASON_UTF8 ? (dsx_code)(DSX_CODE_UTF8 + (reason - DSX_REASON_UTF8))
                                     : DSX_CODE_SYNTAX;
}

/*
 * A reader over text[0..length) whose memory is already zeroed (the
 * validator's is): only what is not 0 at the start is set. In the header,
 * like dsx_reader_init: a call at each of their few callers would be
 * bigger than they are.
 */
static inline void dsx_reader_start(dsx_reader *r, const char *text, size_t length,
                                    uint32_t max_depth)
{
    r->text = (const uint8_t *)text;
    r->length = length;
    r->max_depth = (uint16_t)(max_depth > DSX_DEPTH_CAP ? DSX_DEPTH_CAP : max_depth);
}

/* A reader over text[0..length), at its start: at offset 0, depth 0, nothing failed. */
static inline void dsx_reader_init(dsx_reader *r, const char *text, size_t length,
                                   uint32_t max_depth)
{
    r->pos = 0;
    r->depth = 0;
    r->state = 0;   /* ST_ROOT (json.c) */
    r->error_reason = DSX_REASON_NONE;   /* is_object[] is read only as far as written */
    dsx_reader_start(r, text, length, max_depth);
}

/* Read the next token; returns its kind. After END or ERROR it repeats. */
dsx_tok_kind dsx_reader_next(dsx_reader *r, dsx_token *t);

/*
 * Consume the rest of a value whose first token is *t, reading the tokens
 * on the way into *t (the caller's token: none on this frame, for the
 * stack). Returns the kind of the last token read, DSX_TOK_ERROR on a
 * malformation; the reader then stands one past the value's last byte.
 * In the header: the validator's walk takes it into its own frame, one
 * frame fewer on its deepest path (make stack), and fewer bytes.
 */
static FOLDED dsx_tok_kind dsx_reader_skip_value(dsx_reader *r, dsx_token *t)
{
    dsx_tok_kind kind = (dsx_tok_kind)t->kind;
    uint32_t outer;
    if (kind != DSX_TOK_OBJECT_BEGIN && kind != DSX_TOK_ARRAY_BEGIN) return kind;
    outer = r->depth - 1u;
    do {   /* the depth first comes back to `outer` at the matching close */
        kind = dsx_reader_next(r, t);
        if (kind == DSX_TOK_ERROR) return kind;
    } while (r->depth != outer);
    return kind;
}

/* Decoded code points of a string token's contents (escapes resolved). */
typedef struct dsx_string_iter {
    const uint8_t *p;
    const uint8_t *end;
} dsx_string_iter;

static inline void dsx_string_iter_init(dsx_string_iter *it, const char *text,
                                        const dsx_token *string_token)
{
    it->p = (const uint8_t *)text + string_token->start + 1;
    it->end = (const uint8_t *)text + string_token->end - 1;
}
/* Next code point, or -1 at the end. The token must have been validated. */
int32_t dsx_string_next(dsx_string_iter *it);

/*
 * Decode a validated string token into buf as UTF-8. Returns the decoded
 * length; when it exceeds cap, only cap bytes were written.
 */
size_t dsx_string_decode(const char *text, const dsx_token *t, char *buf,
                         size_t cap);

/* Encode one code point as UTF-8 into out[4]; returns its length. */
size_t dsx_utf8_encode(uint32_t cp, char *out);
/*
 * The code point of the well-formed UTF-8 sequence at *at (before end),
 * with *at moved past it; or a negative value, *at unchanged.
 */
int32_t dsx_utf8_decode(const uint8_t **at, const uint8_t *end);

#endif
