/* The service model as constant data (src/model_tables.c is generated). */
#ifndef DSX_MODEL_H
#define DSX_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "dsx.h"

typedef enum dsx_member_kind {
    DSX_KIND_STRING,   /* TaskExecutionArn */
    DSX_KIND_OBJECT,   /* Options */
    DSX_KIND_ENUM,
    DSX_KIND_LONG      /* BytesPerSecond */
} dsx_member_kind;

/* A member: its name and, for enums, its values in dsx_enum_values. */
typedef struct dsx_member_info {
    uint16_t name;          /* offset into dsx_model_strings */
    uint8_t name_length;
    uint8_t kind;           /* dsx_member_kind */
    uint8_t first_value;    /* index into dsx_enum_values */
    uint8_t value_count;
    uint8_t default_value;  /* index among its own values */
} dsx_member_info;

typedef struct dsx_string_ref {
    uint16_t offset;        /* into dsx_model_strings */
    uint8_t length;
} dsx_string_ref;

extern const char dsx_model_strings[];
extern const dsx_member_info dsx_request_members[DSX_REQUEST_MEMBER_COUNT];
extern const dsx_member_info dsx_option_members[DSX_OPTION_COUNT];
extern const dsx_string_ref dsx_enum_values[];
extern const char dsx_arn_pattern[];

/* Longest member name and enum value; longer decoded text matches nothing. */
#define DSX_MODEL_NAME_MAX 32

#define DSX_BYTES_PER_SECOND_MIN (-1)
#define DSX_BYTES_PER_SECOND_DEFAULT (-1)   /* no limit */

static inline const char *dsx_member_name(const dsx_member_info *m)
{
    return dsx_model_strings + m->name;
}

/*
 * Name look-up by a perfect hash (tools/gen_model.py picks the multiplier
 * so that no two names of a table share a slot): one comparison per name.
 */
#define DSX_NAME_HASH_SLOTS 32
extern const uint8_t dsx_name_hash_multiplier;
extern const uint8_t dsx_request_slots[DSX_NAME_HASH_SLOTS];
extern const uint8_t dsx_option_slots[DSX_NAME_HASH_SLOTS];

/* Whether the model string at offset/length is s[0..n): length and first byte before the call. */
static inline bool dsx_model_text_is(uint16_t offset, uint8_t length, const char *s, size_t n)
{
    return length == n && (n == 0 || dsx_model_strings[offset] == s[0]) &&
           memcmp(dsx_model_strings + offset, s, n) == 0;
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
    return index >= 0 && dsx_model_text_is(table[index].name, table[index].name_length, name, length)
               ? index : -1;
}

/* Index of the member called name[0..length) in table, or -1. */
int dsx_model_find_member(const dsx_member_info *table, size_t count,
                          const char *name, size_t length);

/* Index of value[0..length) among the member's values, or -1. */
int dsx_model_find_value(const dsx_member_info *member, const char *value,
                         size_t length);

#endif
