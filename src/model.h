/* The service model as constant data (src/model_tables.c is generated). */
#ifndef DSX_MODEL_H
#define DSX_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "dsx.h"

/*
 * Size-optimised builds (-Os, or -DDSX_SMALL) leave out the fast paths that
 * only buy speed (the fast path, the word-at-a-time string scan, the
 * byte-wise ARN check, the hashed value look-up); the results are the same
 * either way (make test-small).
 */
#if !defined(DSX_SMALL) && defined(__OPTIMIZE_SIZE__)
#define DSX_SMALL 1
#endif

#ifndef DSX_SMALL
#include "swar.h"
#endif

/*
 * A member's kind: in its low four bits, the kind of the token its value
 * starts with (dsx_tok_kind, json.h; validate.c checks), so that the type
 * check is a mask, not a table (make size).
 */
typedef enum dsx_member_kind {
    DSX_KIND_OBJECT = 0,    /* Options: DSX_TOK_OBJECT_BEGIN */
    DSX_KIND_STRING = 5,    /* TaskExecutionArn: DSX_TOK_STRING */
    DSX_KIND_LONG = 6,      /* BytesPerSecond: DSX_TOK_NUMBER */
    DSX_KIND_ENUM = 16 + 5  /* a string too */
} dsx_member_kind;
#define DSX_KIND_TOKEN 15   /* the token's bits of a kind */

/* A member: its name and, for enums, its values in dsx_enum_values. */
typedef struct dsx_member_info {
    uint8_t name;           /* offset into dsx_model_names */
    uint8_t name_length;
    uint8_t kind;           /* dsx_member_kind */
    uint8_t first_value;    /* index into dsx_enum_values */
    uint8_t value_count;
} dsx_member_info;

/* An enum value: its text in dsx_model_values. */
typedef struct dsx_string_ref {
    uint8_t offset;
    uint8_t length;
} dsx_string_ref;

/*
 * The texts in two arrays small enough for one-byte offsets, each found by
 * its offset and length in characters: no NUL ends one, and a text may
 * begin in the end of the one before or lie inside another
 * (tools/gen_model.py stores no text twice). A size-optimised build packs
 * six bits a character, its code less 0x40 (every model text is letters
 * and '_'): a quarter of the bytes (make size). The speed build keeps a
 * byte a character, which its fast path compares in place. A program whose
 * files disagree on DSX_SMALL (some built with -Os, some not) would read
 * one form as the other: the packed arrays have names of their own, so
 * such a program fails to link instead.
 */
#ifdef DSX_SMALL   /* the packed arrays' own names: files built both ways do not link together */
#define dsx_model_names dsx_model_names_packed
#define dsx_model_values dsx_model_values_packed
#endif
extern const uint8_t dsx_model_names[];
extern const uint8_t dsx_model_values[];
extern const dsx_member_info dsx_request_members[DSX_REQUEST_MEMBER_COUNT];
extern const dsx_member_info dsx_option_members[DSX_OPTION_COUNT];
extern const dsx_string_ref dsx_enum_values[];
extern const uint8_t dsx_option_defaults[DSX_OPTION_COUNT];   /* index among the option's values */
#ifndef DSX_NO_MESSAGES
extern const char dsx_arn_pattern[];   /* the model's pattern, as the pattern message quotes it */
#endif

/*
 * The character at bit `bit` of a text array, a character's bits starting
 * at its index x DSX_MODEL_CHAR_BITS (so that a loop over a text adds a
 * constant, no multiplication); and whether it is the code point cp.
 * Packed, it is read from two bytes (the arrays end in a spare one).
 */
#ifdef DSX_SMALL
#define DSX_MODEL_CHAR_BITS 6
/* the six bits: the character less 0x40 */
static inline uint32_t dsx_model_code(const uint8_t *texts, unsigned bit)
{
    unsigned pair = texts[bit >> 3] | (unsigned)texts[(bit >> 3) + 1] << 8;
    return (pair >> (bit & 7)) & 0x3Fu;
}

static inline char dsx_model_char(const uint8_t *texts, unsigned bit)
{
    return (char)(dsx_model_code(texts, bit) + 0x40u);
}

static inline bool dsx_model_char_is(const uint8_t *texts, unsigned bit, int32_t cp)
{
    return (uint32_t)cp - 0x40u == dsx_model_code(texts, bit);   /* below 0x40, cp wraps past 0x3F */
}
#else
#define DSX_MODEL_CHAR_BITS 8   /* read in place (dsx_model_text): no character reader */
static inline bool dsx_model_char_is(const uint8_t *texts, unsigned bit, int32_t cp)
{
    return cp == texts[bit >> 3];
}
#endif

/*
 * A model text as plain characters, for what writes or compares it whole:
 * read in place from the bytes of the speed build, unpacked into the
 * caller's buffer in a size-optimised one. Not NUL-terminated.
 */
#define DSX_MODEL_TEXT_MAX 32   /* the longest text (tools/gen_model.py checks) */
typedef struct dsx_text_buf {
    char c[DSX_MODEL_TEXT_MAX];
} dsx_text_buf;

#ifdef DSX_SMALL
const char *dsx_model_text(const uint8_t *texts, unsigned offset, unsigned length, dsx_text_buf *buf);
#else
static inline const char *dsx_model_text(const uint8_t *texts, unsigned offset, unsigned length,
                                         dsx_text_buf *buf)
{
    (void)length;
    (void)buf;
    return (const char *)texts + offset;
}
#endif

#define DSX_BYTES_PER_SECOND_MIN (-1)
#define DSX_BYTES_PER_SECOND_DEFAULT (-1)   /* no limit */

/* The members of an object by its scope (DSX_SCOPE_REQUEST, else Options), and how many. */
static inline const dsx_member_info *dsx_scope_members(unsigned scope)
{
    return scope == DSX_SCOPE_REQUEST ? dsx_request_members : dsx_option_members;
}

static inline size_t dsx_scope_member_count(unsigned scope)
{
    return scope == DSX_SCOPE_REQUEST ? (size_t)DSX_REQUEST_MEMBER_COUNT : (size_t)DSX_OPTION_COUNT;
}

static inline const char *dsx_member_name(const dsx_member_info *m, dsx_text_buf *buf)
{
    return dsx_model_text(dsx_model_names, m->name, m->name_length, buf);
}

static inline const char *dsx_value_text(const dsx_string_ref *v, dsx_text_buf *buf)
{
    return dsx_model_text(dsx_model_values, v->offset, v->length, buf);
}

#ifndef DSX_SMALL   /* the look-ups by raw bytes: the speed build's (its texts read in place, no buffer) */
/*
 * Name look-up by a perfect hash (tools/gen_model.py picks the multiplier
 * so that no two names of a table share a slot): one comparison per name.
 */
#define DSX_NAME_HASH_SLOTS 32
extern const uint8_t dsx_name_hash_multiplier;
extern const uint8_t dsx_request_slots[DSX_NAME_HASH_SLOTS];
extern const uint8_t dsx_option_slots[DSX_NAME_HASH_SLOTS];

/* Whether the model text[0..length) is s[0..n): length and first byte first. */
static inline bool dsx_model_text_is(const char *text, uint8_t length, const char *s, size_t n)
{
    return length == n && (n == 0 || text[0] == s[0]) &&
           dsx_same_bytes(text, s, n);   /* no call */
}

/* Must match name_hash() in tools/gen_model.py; length > 0. */
static inline unsigned dsx_name_hash(const char *name, size_t length)
{
    return (unsigned)(length + (unsigned char)name[0] * dsx_name_hash_multiplier +
                      (unsigned char)name[length - 1]) % DSX_NAME_HASH_SLOTS;
}

/* Index of the member called name[0..length) in table, through its slots; or -1. */
static inline int dsx_model_find_hashed(const uint8_t *slots, const dsx_member_info *table,
                                        const char *name, size_t length)
{
    int index;
    if (length == 0) return -1;
    index = slots[dsx_name_hash(name, length)] - 1;
    return index >= 0 && dsx_model_text_is(dsx_member_name(&table[index], NULL),
                                           table[index].name_length, name, length) ? index : -1;
}

/*
 * Enum values by one perfect hash over (member, value) pairs: the second
 * and last bytes tell NAME from NONE, which first and last bytes do not.
 */
#define DSX_VALUE_HASH_SLOTS 128
extern const uint8_t dsx_value_hash_step;
extern const uint8_t dsx_value_slots[DSX_VALUE_HASH_SLOTS];

/* Must match value_hash() in tools/gen_model.py; length >= 2. */
static inline unsigned dsx_value_hash(unsigned option, const char *value, size_t length)
{
    return (unsigned)(length + (unsigned char)value[1] + (unsigned char)value[length - 1] +
                      option * dsx_value_hash_step) % DSX_VALUE_HASH_SLOTS;
}

/*
 * The fast path's look-ups (src/fast.c) start from the first four bytes of
 * a name or value and the closing quote after it, which it reads before it
 * knows where the string ends: one multiplication finds a name's slot.
 */
#define DSX_PREFIX_HASH_SLOTS 32

/*
 * A slot holds what the fast path needs of the member there, so that the
 * end of its name and of its value are known one load after the hash (the
 * next member's bytes cannot be read before).
 */
typedef struct dsx_fast_slot {
    uint8_t member;        /* index + 1; 0: no member there */
    uint8_t name_length;
    uint8_t first_value;   /* into dsx_enum_values */
    uint8_t value_count;
} dsx_fast_slot;

extern const uint32_t dsx_prefix_multiplier;
extern const dsx_fast_slot dsx_fast_request_slots[DSX_PREFIX_HASH_SLOTS];
extern const uint8_t dsx_fast_request_next[DSX_REQUEST_MEMBER_COUNT];
extern const dsx_fast_slot dsx_fast_option_slots[DSX_PREFIX_HASH_SLOTS];
extern const uint8_t dsx_fast_option_next[DSX_OPTION_COUNT];
extern const uint32_t dsx_value_prefixes[];

/* Must match prefix_hash() in tools/gen_model.py. */
static inline unsigned dsx_prefix_hash(uint32_t word)
{
    return (unsigned)((uint32_t)(word * dsx_prefix_multiplier) >> 27);
}

/* Index of value[0..length) among the values of option `option`, or -1. */
static inline int dsx_model_find_value_hashed(unsigned option, const char *value, size_t length)
{
    const dsx_member_info *m = &dsx_option_members[option];
    const dsx_string_ref *ref;
    int index;
    if (length < 2) return -1;   /* every value is longer */
    index = dsx_value_slots[dsx_value_hash(option, value, length)] - 1 - m->first_value;
    if (index < 0 || index >= m->value_count) return -1;
    ref = &dsx_enum_values[m->first_value + index];
    return dsx_model_text_is(dsx_value_text(ref, NULL), ref->length, value, length) ? index : -1;
}
#endif

#ifndef DSX_SMALL   /* size-optimised, names and values are compared through the decoder */
/* Index of the member called name[0..length) in table, or -1. */
int dsx_model_find_member(const dsx_member_info *table, size_t count,
                          const char *name, size_t length);

/* Index of value[0..length) among the member's values, or -1. */
int dsx_model_find_value(const dsx_member_info *member, const char *value,
                         size_t length);
#endif

#endif
