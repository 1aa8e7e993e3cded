/* Declarations shared between the library's layers (not public). */
#ifndef DSX_INTERNAL_H
#define DSX_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "dsx.h"
#include "json.h"
#include "model.h"

/* OUT_OF_LINE and FOLDED, the frame hints: json.h. */

/*
 * A branch the usual document does not take, so that the compiler lays out
 * and allocates registers for the other one (the fast path's member loop).
 */
#if defined(__GNUC__)
#define RARELY(condition) __builtin_expect(!!(condition), 0)
#else
#define RARELY(condition) (condition)
#endif

/* ---- model.c: lists of texts ---- */
/*
 * A list of texts is one string, the texts following each other and each
 * ending in NUL: no table of pointers beside them (make size). Where a list
 * is searched, an empty text (a second NUL) ends it.
 */
const char *dsx_nth_text(const char *texts, unsigned n);
/* The index of the text name[0..length) in the list, or -1. */
int dsx_text_index(const char *texts, const char *name, size_t length);

/*
 * The lists a message is built from on every call (templates, code names,
 * malformation reasons) are defined once, as X-macros, and laid out by the
 * build: a list of texts in a size-optimised build, a table of pointers
 * otherwise (the n-th text in one load: the CLI renders a message for each
 * diagnostic). LIST(X) applies X to each text.
 */
#ifdef DSX_SMALL
typedef const char *dsx_text_table;
#define DSX_TEXT_ITEM(text) text "\0"
#define DSX_DEFINE_TEXT_TABLE(name, LIST) static const char name[] = LIST(DSX_TEXT_ITEM) ""
#define DSX_TEXT_AT(table, n) dsx_nth_text(table, n)
#define DSX_CHECK_TEXT_COUNT(name, count) typedef char name##_count_is_checked   /* counted in the speed build */
#else
typedef const char *const *dsx_text_table;
#define DSX_TEXT_ENTRY(text) text,
#define DSX_DEFINE_TEXT_TABLE(name, LIST) static const char *const name[] = { LIST(DSX_TEXT_ENTRY) }
#define DSX_TEXT_AT(table, n) ((table)[n])
/* A table with the wrong number of texts does not compile (a list cannot be counted so). */
#define DSX_CHECK_TEXT_COUNT(name, count) \
    typedef char name##_count_is_checked[sizeof name / sizeof name[0] == (count) ? 1 : -1]
#endif

/* ---- number.c: BytesPerSecond ---- */
/*
 * A number's verdict: 0, or the diagnostic it stands for, its code in the
 * low byte and its detail placed by DSX_DIAG_DETAIL, as validate.c's
 * diag_kind has them (kind_of builds its detail with the same macro): the
 * validator reports it as it is (make size).
 */
#define DSX_DIAG_DETAIL(detail) ((uint32_t)(detail) << 16)
typedef enum dsx_number_status {
    DSX_NUMBER_OK,
    DSX_NUMBER_NOT_INTEGER = DSX_CODE_TYPE,   /* not an integer literal / value */
    DSX_NUMBER_TOO_LOW = DSX_CODE_RANGE,      /* below DSX_BYTES_PER_SECOND_MIN (-1): detail 0 */
    DSX_NUMBER_TOO_HIGH = DSX_CODE_RANGE | DSX_DIAG_DETAIL(1)   /* above INT64_MAX: detail 1 */
} dsx_number_status;

/*
 * BytesPerSecond's value of a validated number token, exactly (no floating
 * point): OK from DSX_BYTES_PER_SECOND_MIN to INT64_MAX, the value in *out.
 * *out must hold 0 before the call (the validator's zeroed options): only
 * a valid non-zero value is written. `numbers` is the profile's policy
 * as the configuration has it (a validated one: no comparison in the
 * caller, make size): DSX_NUMBER_INTEGER_LITERAL accepts integer literals
 * only. The minimum is checked here, not by the caller: one comparison of
 * the magnitude (make size).
 */
dsx_number_status dsx_bytes_per_second(const char *text, const dsx_token *t,
                                       dsx_number_policy numbers, int64_t *out);

/*
 * A number token's text s[0..n) as S x 10^(up - down), S the digits from
 * s[first] to s[last] (both non-zero, any '.' between them skipped; `places`
 * digits); false for a zero. up and down count the token's bytes but for
 * the exponent, and saturate at SIZE_MAX (then the exponent alone decides).
 */
typedef struct dsx_decimal {
    size_t first, last, places;
    size_t up, down;
    bool negative;
} dsx_decimal;
bool dsx_decimal_scan(const char *s, size_t n, dsx_decimal *d);

/* a + b, or SIZE_MAX where that wraps: how up and down grow (number.c, pyrepr.c). */
static inline size_t dsx_add_saturated(size_t a, size_t b)
{
    return a + b < a ? SIZE_MAX : a + b;
}

/* ---- arn.c: the TaskExecutionArn pattern, fed one code point at a time ---- */
typedef struct dsx_arn_matcher {
    uint8_t at;              /* the byte of the pattern's template being matched; DSX_ARN_FAILED */
    uint8_t count;           /* characters matched of it (a run's: at most 11, past partition[]) */
    char partition[10];      /* the partition seen so far, as far as it fits */
} dsx_arn_matcher;

#define DSX_ARN_TEMPLATE_LENGTH 50   /* at the end of the template: matched (arn.c checks it) */
#define DSX_ARN_FAILED 0xFF          /* no input from here on matches */

/* Header functions: a call each would be bigger than what they do. */
static inline void dsx_arn_matcher_init(dsx_arn_matcher *m)
{
    m->at = 0;
    m->count = 0;   /* partition[] is read only as far as it is written */
}

void dsx_arn_matcher_feed(dsx_arn_matcher *m, int32_t cp);

static inline bool dsx_arn_matcher_accepts(const dsx_arn_matcher *m)
{
    return m->at == DSX_ARN_TEMPLATE_LENGTH;
}
/* The index of a partition in the pattern's order (aws, aws-cn, ...), or -1. */
int dsx_arn_partition(const char *name, size_t length);
/* The whole pattern over bytes that are the string's code points (ASCII, no escapes). */
bool dsx_arn_match_bytes(const char *s, size_t n);
/* Length of the ARN that s[0..room) starts with, followed by '"'; or 0 (the fast path's form). */
size_t dsx_arn_match_quoted(const char *s, size_t room);

/* ---- diag.c: the caller's diagnostics array (clear and locate take NULL: no list, nothing to do) ---- */
/* In the header: four stores, smaller than a call at each place (make size). */
static inline void dsx_diags_clear(dsx_diag_list *list)
{
    if (!list) return;
    list->stored = 0;
    list->total = 0;
    list->errors = 0;
    list->warnings = 0;
}
/*
 * Counts a diagnostic; its slot at its place in document order, or NULL. Only
 * offset and severity are set: the caller writes every other field (line and
 * column are dsx_diags_locate's).
 */
dsx_diag *dsx_diags_add(dsx_diag_list *list, size_t offset, uint8_t severity);
/* Sets line and column of every stored diagnostic (after the walk: one pass). */
void dsx_diags_locate(dsx_diag_list *list, const char *text);

/* ---- writer: snprintf-style output used by the renderers ---- */
typedef struct dsx_writer {
    char *buf;
    size_t cap;
    size_t len;           /* length needed so far (may exceed cap) */
    bool escape;          /* write everything as JSON string contents */
} dsx_writer;

void dsx_writer_init(dsx_writer *w, char *buf, size_t cap);
void dsx_put(dsx_writer *w, const char *s, size_t n);
void dsx_puts(dsx_writer *w, const char *s);
void dsx_put_char(dsx_writer *w, char c);
void dsx_put_uint(dsx_writer *w, uint64_t v);
/* One code point as UTF-8. */
void dsx_put_code_point(dsx_writer *w, int32_t cp);
/*
 * The bytes as the contents of a JSON string, escaped minimally: '"', '\\',
 * control characters (\b \f \n \r \t or \u00xx), U+2028 and U+2029.
 */
void dsx_put_json_escaped(dsx_writer *w, const char *s, size_t n);
/* "0123456789abcdef", for the escapes. */
extern const char dsx_hex_digits[];
/* The JSON escape of cp (below U+10000) into out: "\n", "\u001f", "\u2028"...; its length. */
size_t dsx_escape_code_point(int32_t cp, char out[6]);
/* NUL-terminates what fits and returns the length needed. */
size_t dsx_writer_finish(dsx_writer *w);
/* A member's name as the model has it (model.c: its texts may be packed). */
void dsx_put_member_name(dsx_writer *w, const dsx_member_info *m);

/* ---- message.c: pieces the renderers share ---- */
const dsx_member_info *dsx_diag_member_table(const dsx_diag *d);
size_t dsx_diag_member_count(const dsx_diag *d);
/* The model entry of the member a diagnostic is about, or NULL. */
const dsx_member_info *dsx_diag_known_member(const dsx_diag *d);
/* The string token around a span inside quotes. */
dsx_token dsx_span_token(size_t inner_offset, size_t inner_length);
bool dsx_span_inside(size_t offset, size_t length, size_t input_length);
/* Quoted values: no raw control byte, cut after DSX_MESSAGE_VALUE_MAX. */
void dsx_put_safe_code_point(dsx_writer *w, int32_t cp);
void dsx_put_safe_string(dsx_writer *w, const char *json, const dsx_token *t);
void dsx_put_safe_raw(dsx_writer *w, const char *json, size_t offset, size_t length);
/* The decoded name of an unknown or duplicate member, made safe ('?' if out of the input). */
void dsx_put_safe_name(dsx_writer *w, const dsx_diag *d, const char *json, size_t length);
/* "A, B, C": member names, or a member's enum values, in model order. */
void dsx_put_member_names(dsx_writer *w, const dsx_member_info *table, size_t count);
void dsx_put_enum_values(dsx_writer *w, const struct dsx_member_info *m);
void dsx_put_malformed(dsx_writer *w, const dsx_diag *d);

/*
 * Message templates: a message's words with, in place of a byte below 0x20
 * (never part of the words), a piece taken from the diagnostic or a phrase
 * many messages share. Each DSX_T_ string is its piece's number.
 */
enum dsx_piece {
    DSX_PIECE_VALUE = 1,      /* "Value 'x'", "Value null" (AWS) */
    DSX_PIECE_NAME,           /* the decoded name of an unknown or duplicate member */
    DSX_PIECE_PATH,           /* " at 'options.verifyMode'" */
    DSX_PIECE_PARENT_PATH,    /* " at 'options'" or nothing */
    DSX_PIECE_MEMBERS,        /* the members of the diagnostic's object, in model order */
    DSX_PIECE_ENUM,           /* the member's enum values, in model order */
    DSX_PIECE_MEMBER,         /* the member's name */
    DSX_PIECE_PATTERN,        /* the ARN pattern */
    DSX_PIECE_MALFORMED,      /* what is wrong with a document that is not JSON */
    DSX_PIECE_TYPE_WANTED,    /* "be a string", ..., or "not be null" (AWS) */
    DSX_PIECE_PARAMETER,      /* botocore.c from here: "Options.Atime", "input" */
    DSX_PIECE_CONTAINER,      /* "Options" or "input" */
    DSX_PIECE_SHOWN_VALUE,    /* ", value: " and the value as Python's str() */
    DSX_PIECE_PYTHON_TYPE,    /* the value's Python type name */
    DSX_PIECE_VALID_TYPE,     /* the member's: "dict", "int" or "str" */
    DSX_PIECE_CODE_POINTS,    /* the string value's length in code points */
    DSX_PIECE_OPTIONS_PREFIX, /* "Options." in a request */
    DSX_PIECE_PHRASE,         /* the five phrases, in message.c's order (DSX_T_CONSTRAINT...) */
    DSX_PIECE_END = DSX_PIECE_PHRASE + 5   /* a template byte from here on is a word's */
};
#define DSX_T_VALUE "\001"
#define DSX_T_NAME "\002"
#define DSX_T_PATH "\003"
#define DSX_T_PARENT_PATH "\004"
#define DSX_T_MEMBERS "\005"
#define DSX_T_ENUM "\006"
#define DSX_T_MEMBER "\007"
#define DSX_T_PATTERN "\010"
#define DSX_T_MALFORMED "\011"
#define DSX_T_TYPE_WANTED "\012"
#define DSX_T_PARAMETER "\013"
#define DSX_T_CONTAINER "\014"
#define DSX_T_SHOWN_VALUE "\015"
#define DSX_T_PYTHON_TYPE "\016"
#define DSX_T_VALID_TYPE "\017"
#define DSX_T_CODE_POINTS "\020"
#define DSX_T_OPTIONS_PREFIX "\021"
#define DSX_T_CONSTRAINT "\022"   /* " failed to satisfy constraint: " */
#define DSX_T_MUST "\023"   /* "Member must " */
#define DSX_T_INVALID_VALUE "\024"   /* "Invalid value for parameter " */
#define DSX_T_PARAMETER_IN "\025"   /* " parameter in " */
#define DSX_T_VALID "\026"   /* ", valid " */

/* Which message a diagnostic gets: an index into each style's templates. */
enum dsx_message_key {
    DSX_KEY_MALFORMED,        /* syntax, utf8, depth, too_large */
    DSX_KEY_TYPE,             /* then one key per code, in code order, */
    DSX_KEY_RANGE_LOW = DSX_KEY_TYPE + DSX_CODE_RANGE - DSX_CODE_TYPE,
    DSX_KEY_RANGE_HIGH,       /* but two for range */
    DSX_KEY_CONFLICT,         /* and three for conflict (+ its detail) */
    DSX_KEY_NOT_UPDATABLE = DSX_KEY_CONFLICT + 3,
    DSX_KEY_COUNT
};
unsigned dsx_message_key(const dsx_diag *d);
/* The message of d from a style's templates: one per key, in key order. */
void dsx_put_template(dsx_writer *w, dsx_text_table templates, const dsx_diag *d,
                      const char *json, size_t length);

/* ---- botocore.c ---- */
void dsx_put_botocore_line(dsx_writer *w, const dsx_diag *d, const char *json, size_t length);
/* The pieces from DSX_PIECE_PARAMETER on. */
void dsx_put_botocore_piece(dsx_writer *w, unsigned piece, const dsx_diag *d,
                            const char *json, size_t length);
void dsx_put_botocore_report(dsx_writer *w, const dsx_diag *diags, size_t count,
                             const char *json, size_t length);

/* ---- pyrepr.c: JSON values as Python prints them after json.loads ---- */
/* str(value) of the JSON value at json[offset..offset+length), cut and made safe. */
void dsx_put_python_value(dsx_writer *w, const char *json, size_t offset, size_t length);
/* "str", "int", "float", "bool", "NoneType", "list" or "dict". */
const char *dsx_python_type(const char *json, size_t offset, size_t length, uint8_t kind);

/* ---- pyfloat.c: Python's float repr, exactly, without floating point ---- */
#define DSX_FLOAT_DIGITS_MAX 780   /* significant digits looked at (then one sticky) */
#define DSX_FLOAT_EXACT_MAX 800    /* the exact expansion of a double: at most 767 digits */
size_t dsx_python_float_digits(const char *digits, size_t n, long k, char out[17],
                               long *point, bool *infinite);

/* ---- validate.c: the cross-member rules, over valid options (fast.c and emit.c ask them too) ---- */
bool dsx_atime_mtime_conflict(const dsx_options *o);
bool dsx_remove_all_conflict(const dsx_options *o);

/* ---- fast.c: the plainly valid document, decided in one pass ---- */
/*
 * True when the document is valid and simple enough for the fast path;
 * then `options` and `request` (each may be NULL) hold what the full path
 * would give. False decides nothing: run the full path.
 */
#ifndef DSX_SMALL
bool dsx_fast_validate(const char *json, size_t length, const dsx_config *config,
                       bool in_request, dsx_request *request, dsx_options *options);
#else   /* compiled out: the callers' fast-path code folds away */
static inline bool dsx_fast_validate(const char *json, size_t length, const dsx_config *config,
                                     bool in_request, dsx_request *request, dsx_options *options)
{
    (void)json, (void)length, (void)config, (void)in_request, (void)request, (void)options;
    return false;
}
#endif

/* ---- kept.c ---- */
/* Record an unknown member whose value spans value_start..value_end. */
bool dsx_kept_add(dsx_kept *kept, uint8_t scope, const dsx_token *name,
                  size_t value_start, size_t value_end);

#endif
