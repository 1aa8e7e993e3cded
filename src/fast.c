/*
 * The fast path: one pass that decides the common case alone, a document
 * that is plainly valid. It reads the grammar the full path reads, but
 * accepts only the simple shapes (names and values of printable ASCII
 * without escapes, integer literals, known members once each, no null, no
 * unknown member, nothing to warn about) and keeps no token, no cursor and
 * no diagnostic. At the first thing outside those shapes it gives up and
 * validate.c runs the full path from the start, so every result, and every
 * diagnostic of an invalid document, comes from the full path alone: the
 * fast path can only answer "valid", and only where the full path would
 * (fuzz/fuzz_request.c checks both against each other).
 */
#include "internal.h"
#include "model.h"
#include "swar.h"

#include <string.h>

#ifndef DSX_SMALL

typedef struct fast_reader {
    const uint8_t *s;
    size_t n;
    size_t i;
} fast_reader;

typedef struct fast_scope {
    const uint8_t *slots;
    const dsx_member_info *members;
    uint32_t seen;
} fast_scope;

/* What a valid document yields; committed by the caller only on success. */
typedef struct fast_result {
    dsx_options options;
    size_t arn_start;
    size_t arn_length;
    uint32_t request_given;
} fast_result;

/* One comparison and a bit test instead of four comparisons. */
#define SPACE_BITS ((UINT64_C(1) << ' ') | (UINT64_C(1) << '\n') | (UINT64_C(1) << '\r') | \
                    (UINT64_C(1) << '\t'))

static inline bool is_space(uint8_t c)
{
    return c <= ' ' && ((SPACE_BITS >> c) & 1);
}

/* Steps over whitespace; true when a byte follows. */
static inline bool skip_space(fast_reader *f)
{
    size_t i = f->i;
    while (i < f->n && is_space(f->s[i])) i++;
    f->i = i;
    return i < f->n;
}

static inline bool take(fast_reader *f, uint8_t c)
{
    if (f->i < f->n && f->s[f->i] == c) {   /* the compact case, without the loop */
        f->i++;
        return true;
    }
    if (!skip_space(f) || f->s[f->i] != c) return false;
    f->i++;
    return true;
}

/*
 * A string token up to its first '"'; start and length: the bytes between.
 * The bytes are not checked here: every string the fast path accepts must
 * equal a model name or value, or match the ARN pattern, and all of those
 * are printable ASCII without '\\' or '"'. So an escape, a control byte
 * or bad UTF-8 can only make it fail, never pass.
 */
static inline bool plain_string(fast_reader *f, size_t *start, size_t *length)
{
    size_t j;
    if (!take(f, '"')) return false;
    j = dsx_find_quote(f->s, f->n, f->i);
    if (j >= f->n) return false;
    *start = f->i;
    *length = j - f->i;
    f->i = j + 1;
    return true;
}

/*
 * An integer literal: the grammar is read here, the value by number.c like
 * on the full path (a fraction or exponent is left to the full path).
 */
static bool plain_integer(fast_reader *f, int64_t minimum, int64_t *out)
{
    const uint8_t *s = f->s;
    dsx_token t;
    size_t j, first;
    if (!skip_space(f)) return false;
    j = f->i + (s[f->i] == '-');
    first = j;
    while (j < f->n && s[j] >= '0' && s[j] <= '9') j++;
    if (j == first || (s[first] == '0' && j - first > 1)) return false;
    if (j < f->n && (s[j] == '.' || s[j] == 'e' || s[j] == 'E')) return false;
    t.kind = DSX_TOK_NUMBER;
    t.flags = s[f->i] == '-' ? DSX_TF_NEGATIVE : 0;
    t.start = f->i;
    t.end = j;
    f->i = j;
    return dsx_number_to_int64((const char *)s, &t, false, minimum, out) == DSX_NUMBER_OK;
}

static bool plain_enum_value(fast_reader *f, fast_result *r, int member)
{
    size_t start, length;
    int index;
    if (!plain_string(f, &start, &length)) return false;
    index = dsx_model_find_value_hashed((unsigned)member, (const char *)f->s + start, length);
    if (index < 0) return false;
    r->options.value[member] = (uint8_t)index;
    return true;
}

static bool arn_value(fast_reader *f, fast_result *r)
{
    if (!plain_string(f, &r->arn_start, &r->arn_length)) return false;
    return r->arn_length <= DSX_ARN_MAX &&
           dsx_arn_match_bytes((const char *)f->s + r->arn_start, r->arn_length);
}

/* The cross-member rules of the Options object: any conflict leaves it to the full path. */
static bool no_conflict(const dsx_options *o)
{
    return !dsx_atime_mtime_conflict(o) && !dsx_remove_all_conflict(o);
}

static void enter(fast_scope *scope, bool options)
{
    scope->slots = options ? dsx_option_slots : dsx_request_slots;
    scope->members = options ? dsx_option_members : dsx_request_members;
    scope->seen = 0;
}

/* One member value; *opens_options when it was the '{' of a request's Options. */
static bool member_value(fast_reader *f, const fast_scope *scope, int member, bool in_request,
                         fast_result *r, bool *opens_options)
{
    const dsx_member_info *m = &scope->members[member];
    if (scope->members == dsx_request_members) {
        r->request_given |= DSX_BIT(member);
        if (m->kind == DSX_KIND_STRING) return arn_value(f, r);
        *opens_options = take(f, '{');
        return *opens_options;
    }
    if (in_request && member != DSX_OPT_BYTES_PER_SECOND) return false;   /* not_updatable */
    r->options.present |= DSX_BIT(member);
    if (m->kind == DSX_KIND_ENUM) return plain_enum_value(f, r, member);
    return plain_integer(f, DSX_BYTES_PER_SECOND_MIN, &r->options.bytes_per_second);
}

/*
 * The members of the document's object and, one level down, of a
 * request's Options, in one loop (no recursion).
 */
static bool walk(fast_reader *f, bool in_request, uint32_t max_depth, fast_result *r)
{
    fast_scope outer, options, *scope = &outer;
    enter(&outer, !in_request);
    if (!take(f, '{')) return false;
    if (take(f, '}')) return true;
    for (;;) {
        size_t start, length;
        bool opens_options = false;
        int member;
        if (!plain_string(f, &start, &length)) return false;
        member = dsx_model_find_hashed(scope->slots, scope->members, (const char *)f->s + start, length);
        if (member < 0 || (scope->seen & DSX_BIT(member)) || !take(f, ':')) return false;
        scope->seen |= DSX_BIT(member);
        if (!member_value(f, scope, member, in_request, r, &opens_options)) return false;
        if (opens_options) {
            if (max_depth < 2) return false;
            enter(&options, true);
            scope = &options;
            if (!take(f, '}')) continue;
            scope = &outer;   /* {} */
        }
        while (!take(f, ',')) {   /* the end of an object: Options, then maybe the document */
            if (!take(f, '}')) return false;
            if (scope == &outer) return true;
            if (!no_conflict(&r->options)) return false;
            scope = &outer;
        }
    }
}

bool dsx_fast_validate(const char *json, size_t length, const dsx_config *config,
                       bool in_request, dsx_request *request, dsx_options *options)
{
    fast_reader f;
    fast_result r;
    memset(&r, 0, sizeof r);
    f.s = (const uint8_t *)json;
    f.n = length;
    f.i = 0;
    if (!walk(&f, in_request, config->max_depth, &r) || skip_space(&f)) return false;
    if (!in_request) {
        if (!no_conflict(&r.options)) return false;
    } else if (r.request_given != (DSX_BIT(DSX_REQ_TASK_EXECUTION_ARN) | DSX_BIT(DSX_REQ_OPTIONS))) {
        return false;   /* required */
    }
    if (options) *options = r.options;
    if (in_request && request) {
        memcpy(request->task_execution_arn, json + r.arn_start, r.arn_length);
        request->task_execution_arn[r.arn_length] = '\0';
        request->task_execution_arn_length = r.arn_length;
        request->present = r.request_given;
    }
    return true;
}

#else

typedef int dsx_fast_path_compiled_out;   /* ISO C wants something in a translation unit */

#endif
