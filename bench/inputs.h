/* The documents the benchmark measures, built in memory (bench only). */
#ifndef BENCH_INPUTS_H
#define BENCH_INPUTS_H

#include <stddef.h>

typedef struct text {
    char *data;
    size_t length;
    size_t capacity;
} text;

void text_add(text *t, const char *s);
void text_addn(text *t, const char *s, size_t n);
void text_free(text *t);

#define BENCH_ARN "arn:aws:datasync:us-east-1:123456789012:task/task-0123456789abcdef0/execution/exec-0123456789abcdef0"

/* The five documents of the main table. */
void input_request(text *t);            /* typical request, ~160 bytes */
void input_full_options(text *t);       /* all 15 Options members, ~530 bytes (an Options document) */
void input_many_errors(text *t);        /* a request with many problems (strict) */
void input_unknown_members(text *t, size_t count);   /* wire: count unknown members */
void input_long_string(text *t, size_t bytes);       /* wire: one string value of that size */

/* Linear-cost shapes: Options documents about `bytes` long (wire profile, valid). */
void input_shape_members(text *t, size_t bytes);
void input_shape_strings(text *t, size_t bytes);
void input_shape_nesting(text *t, size_t bytes, unsigned depth);

#endif
