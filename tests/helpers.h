/*
 * Test helpers: run a validation and describe its diagnostics as one line,
 * "code pointer offset line:col" joined by "; " (a warning ends in " (w)"),
 * so that each test states the exact codes, pointers and positions the spec
 * requires and a failure shows both sides.
 */
#ifndef DSX_TEST_HELPERS_H
#define DSX_TEST_HELPERS_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "dsx.h"

#define ARN "arn:aws:datasync:us-east-1:123456789012:task/task-0123456789abcdef0/execution/exec-0123456789abcdef0"
/* A request around an Options text; Options' first byte is at offset 133. */
#define REQ(options) "{\"TaskExecutionArn\":\"" ARN "\",\"Options\":" options "}"
#define OPTIONS_AT 133

enum doc_kind { DOC_REQUEST, DOC_OPTIONS, DOC_JSON };

#define MAX_TEST_DIAGS 64

typedef struct outcome {
    dsx_result result;
    dsx_diag items[MAX_TEST_DIAGS];
    dsx_diag_list list;
    dsx_request request;
    dsx_options options;
    char text[8192];
} outcome;

/* A diagnostics list over the caller's array, nothing found yet. */
static inline dsx_diag_list list_over(dsx_diag *items, size_t capacity)
{
    dsx_diag_list list;
    memset(&list, 0, sizeof list);
    list.items = items;
    list.capacity = capacity;
    return list;
}

static inline void describe(const dsx_diag_list *list, const char *json, size_t length,
                     char *out, size_t cap)
{
    size_t i, used = 0;
    out[0] = '\0';
    for (i = 0; i < list->stored && used < cap; i++) {
        const dsx_diag *d = &list->items[i];
        char pointer[512];
        dsx_diag_pointer(d, json, length, pointer, sizeof pointer);
        used += (size_t)snprintf(out + used, cap - used, "%s%s %s %lu %lu:%lu%s", i ? "; " : "",
                                 dsx_code_name((dsx_code)d->code), pointer,
                                 (unsigned long)d->offset, (unsigned long)d->line,
                                 (unsigned long)d->column,
                                 d->severity == DSX_SEVERITY_WARNING ? " (w)" : "");
    }
}

static inline outcome *run_doc(enum doc_kind kind, const dsx_config *config,
                        const char *json, size_t length)
{
    static outcome o;
    memset(&o, 0, sizeof o);
    o.list.items = o.items;
    o.list.capacity = MAX_TEST_DIAGS;
    if (kind == DOC_REQUEST) {
        o.result = dsx_validate_request(json, length, config, &o.request, &o.list);
    } else if (kind == DOC_OPTIONS) {
        o.result = dsx_validate_options(json, length, config, &o.options, &o.list);
    } else {
        o.result = dsx_check_json(json, length, config, o.items);
        o.list.stored = o.result == DSX_VALID ? 0 : 1;
    }
    describe(&o.list, json, length, o.text, sizeof o.text);
    return &o;
}

static inline dsx_config profile_config(dsx_profile profile)
{
    dsx_config c;
    dsx_config_init(&c, profile);
    return c;
}

/* Validate json[0..length) and compare the verdict and the diagnostics. */
static inline void expect_n(enum doc_kind kind, dsx_profile profile, const char *json,
                     size_t length, dsx_result want_result, const char *want)
{
    dsx_config c = profile_config(profile);
    outcome *o = run_doc(kind, &c, json, length);
    if (strcmp(o->text, want) != 0 || o->result != want_result)
        print_error("input: %.*s\n", (int)(length > 300 ? 300 : length), json ? json : "");
    assert_string_equal(o->text, want);
    assert_int_equal(o->result, want_result);
}

#define EXPECT(kind, profile, json, result, want) \
    expect_n(kind, profile, json, sizeof(json) - 1, result, want)

#define STRICT DSX_PROFILE_STRICT
#define WIRE DSX_PROFILE_WIRE

#endif
