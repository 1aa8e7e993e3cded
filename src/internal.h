/* Declarations shared between the library's layers (not public). */
#ifndef DSX_INTERNAL_H
#define DSX_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dsx.h"
#include "json.h"

/* ---- number.c: BytesPerSecond ---- */
typedef enum dsx_number_status {
    DSX_NUMBER_OK,
    DSX_NUMBER_NOT_INTEGER,   /* type: not an integer literal / value */
    DSX_NUMBER_TOO_LOW,       /* range: below the minimum */
    DSX_NUMBER_TOO_HIGH       /* range: above INT64_MAX */
} dsx_number_status;

/*
 * The int64 value of a validated number token, exactly (no floating point).
 * With `integral_values` false only integer literals are accepted.
 */
dsx_number_status dsx_number_to_int64(const char *text, const dsx_token *t,
                                      bool integral_values, int64_t minimum,
                                      int64_t *out);

/* ---- arn.c: the TaskExecutionArn pattern, fed one code point at a time ---- */
typedef struct dsx_arn_matcher {
    uint8_t segment;      /* index of the pattern piece being matched */
    uint8_t count;        /* characters matched in that piece */
    uint8_t failed;
    char partition[10];   /* the partition seen so far */
} dsx_arn_matcher;

void dsx_arn_matcher_init(dsx_arn_matcher *m);
void dsx_arn_matcher_feed(dsx_arn_matcher *m, int32_t cp);
bool dsx_arn_matcher_accepts(const dsx_arn_matcher *m);

/* ---- diag.c: the caller's diagnostics array ---- */
typedef struct dsx_line_cursor {
    size_t offset;        /* position already scanned */
    uint32_t line;
    size_t line_start;
} dsx_line_cursor;

void dsx_diags_clear(dsx_diag_list *list);
/* Keeps document order: inserts by offset, after equal offsets. */
void dsx_diags_add(dsx_diag_list *list, dsx_diag *d, const char *text,
                   dsx_line_cursor *cursor);
/* Line and column of `offset`; the cursor makes a forward walk cheap. */
void dsx_locate(const char *text, size_t offset, dsx_line_cursor *cursor,
                uint32_t *line, uint32_t *column);

/* ---- writer: snprintf-style output used by the renderers ---- */
typedef struct dsx_writer {
    char *buf;
    size_t cap;
    size_t len;           /* length needed so far (may exceed cap) */
} dsx_writer;

void dsx_writer_init(dsx_writer *w, char *buf, size_t cap);
void dsx_put(dsx_writer *w, const char *s, size_t n);
void dsx_puts(dsx_writer *w, const char *s);
void dsx_put_char(dsx_writer *w, char c);
void dsx_put_uint(dsx_writer *w, uint64_t v);
/* NUL-terminates what fits and returns the length needed. */
size_t dsx_writer_finish(dsx_writer *w);

#endif
