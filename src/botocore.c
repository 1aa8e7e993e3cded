/*
 * Messages in the words of botocore 1.43's ParamValidator, for callers who
 * compare with what the AWS SDK for Python says before a request leaves.
 * Where botocore checks the same thing the line is botocore's, word for
 * word; where it checks nothing (enum, pattern, maximum length, int64
 * overflow, duplicates, conflicts, not updatable) the line is ours, in the
 * same voice. Values are shown as Python's str() shows them after
 * json.loads (pyrepr.c).
 *
 * The report lists errors in botocore's order: for each object, the
 * missing required members, then the unknown names, then the members in
 * input order (Options' own report nested where Options is), then, ours,
 * the conflicts.
 */
#include "internal.h"

#ifndef DSX_NO_BOTOCORE   /* docs/PORTING.md */

/* "Options.Atime", "Atime", "TaskExecutionArn": botocore's parameter name. */
static void put_parameter(dsx_writer *w, const dsx_diag *d)
{
    const dsx_member_info *m = dsx_diag_known_member(d);
    if (!m) {
        dsx_puts(w, "input");
        return;
    }
    if (d->in_request) dsx_puts(w, "Options.");
    dsx_put(w, dsx_member_name(m), m->name_length);
}

/* The object holding a member: "input" or "Options". */
static void put_container(dsx_writer *w, const dsx_diag *d)
{
    dsx_puts(w, d->in_request ? "Options" : "input");
}

static bool value_span_ok(const dsx_diag *d, size_t length)
{
    return dsx_span_inside(d->value_offset, d->value_length, length) && d->value_length > 0;
}

static void put_shown_value(dsx_writer *w, const dsx_diag *d, const char *json, size_t length)
{
    bool container = d->value_kind == DSX_TOK_OBJECT_BEGIN || d->value_kind == DSX_TOK_ARRAY_BEGIN;
    dsx_puts(w, ", value: ");
    if (!value_span_ok(d, length)) {
        dsx_put_char(w, '?');
        return;
    }
    /* A diagnostic spans a container's opening bracket only: the value is
       read from there, and the reader stops where it ends. */
    dsx_put_python_value(w, json, d->value_offset,
                         container ? length - d->value_offset : d->value_length);
}

static void put_quoted_name(dsx_writer *w, const dsx_diag *d, const char *json, size_t length)
{
    dsx_put_char(w, '"');
    dsx_put_safe_name(w, d, json, length);
    dsx_put_char(w, '"');
}

static const char *valid_type(const dsx_diag *d)
{
    const dsx_member_info *m = dsx_diag_known_member(d);
    if (!m || m->kind == DSX_KIND_OBJECT) return "dict";
    return m->kind == DSX_KIND_LONG ? "int" : "str";
}

static void put_type_line(dsx_writer *w, const dsx_diag *d, const char *json, size_t length)
{
    dsx_puts(w, "Invalid type for parameter ");
    put_parameter(w, d);
    put_shown_value(w, d, json, length);
    dsx_puts(w, ", type: <class '");
    dsx_puts(w, value_span_ok(d, length)
                    ? dsx_python_type(json, d->value_offset, d->value_length, d->value_kind)
                    : "object");
    dsx_puts(w, "'>, valid types: <class '");
    dsx_puts(w, valid_type(d));
    dsx_puts(w, "'>");
}

static void put_invalid_value(dsx_writer *w, const dsx_diag *d, const char *json, size_t length)
{
    dsx_puts(w, "Invalid value for parameter ");
    put_parameter(w, d);
    put_shown_value(w, d, json, length);
}

/* The length in code points of the string value, for the length line. */
static size_t string_code_points(const dsx_diag *d, const char *json, size_t length)
{
    dsx_string_iter it;
    dsx_token t;
    size_t n = 0;
    if (!value_span_ok(d, length) || d->value_length < 2) return 0;
    t = dsx_span_token(d->value_offset + 1, d->value_length - 2);
    dsx_string_iter_init(&it, json, &t);
    while (dsx_string_next(&it) >= 0) n++;
    return n;
}

static void put_conflict_line(dsx_writer *w, const dsx_diag *d, const char *json, size_t length)
{
    const char *other = "Options.Atime", *other_value = "NONE", *wanted = "NONE";
    if (d->detail == DSX_CONFLICT_MTIME_PRESERVE) {
        other_value = "BEST_EFFORT";
        wanted = "PRESERVE";
    } else if (d->detail == DSX_CONFLICT_REMOVE_ALL) {
        other = "Options.PreserveDeletedFiles";
        other_value = "REMOVE";
        wanted = "CHANGED";
    }
    if (!d->in_request) other += sizeof "Options." - 1;
    put_invalid_value(w, d, json, length);
    dsx_puts(w, ", valid values when ");
    dsx_puts(w, other);
    dsx_puts(w, " is ");
    dsx_puts(w, other_value);
    dsx_puts(w, ": ");
    dsx_puts(w, wanted);
}

static void put_name_line(dsx_writer *w, const dsx_diag *d, const char *json, size_t length)
{
    bool unknown = d->code == DSX_CODE_UNKNOWN_MEMBER;
    dsx_puts(w, unknown ? "Unknown parameter in " : "Duplicate parameter in ");
    put_container(w, d);
    dsx_puts(w, ": ");
    put_quoted_name(w, d, json, length);
    if (!unknown) {
        dsx_puts(w, ", each parameter may appear only once");
        return;
    }
    dsx_puts(w, ", must be one of: ");
    dsx_put_member_names(w, dsx_diag_member_table(d), dsx_diag_member_count(d));
}

void dsx_put_botocore_line(dsx_writer *w, const dsx_diag *d, const char *json, size_t length)
{
    const dsx_member_info *m = dsx_diag_known_member(d);
    switch (d->code) {
    case DSX_CODE_REQUIRED:
        dsx_puts(w, "Missing required parameter in ");
        put_container(w, d);
        dsx_puts(w, ": \"");
        if (m) dsx_put(w, dsx_member_name(m), m->name_length);
        dsx_put_char(w, '"');
        return;
    case DSX_CODE_UNKNOWN_MEMBER: case DSX_CODE_DUPLICATE_MEMBER:
        put_name_line(w, d, json, length);
        return;
    case DSX_CODE_TYPE:
        put_type_line(w, d, json, length);
        return;
    case DSX_CODE_ENUM:
        put_invalid_value(w, d, json, length);
        dsx_puts(w, ", valid values: ");
        if (m) dsx_put_enum_values(w, m);
        return;
    case DSX_CODE_LENGTH:
        dsx_puts(w, "Invalid length for parameter ");
        put_parameter(w, d);
        dsx_puts(w, ", value: ");
        dsx_put_uint(w, string_code_points(d, json, length));
        dsx_puts(w, ", valid max length: 128");
        return;
    case DSX_CODE_PATTERN:
        put_invalid_value(w, d, json, length);
        dsx_puts(w, ", valid pattern: ");
        dsx_puts(w, dsx_arn_pattern);
        return;
    case DSX_CODE_RANGE:
        put_invalid_value(w, d, json, length);
        dsx_puts(w, d->detail ? ", valid max value: 9223372036854775807" : ", valid min value: -1");
        return;
    case DSX_CODE_CONFLICT:
        put_conflict_line(w, d, json, length);
        return;
    case DSX_CODE_NOT_UPDATABLE:
        dsx_puts(w, "Parameter ");
        put_parameter(w, d);
        dsx_puts(w, " cannot be updated by UpdateTaskExecution");
        put_shown_value(w, d, json, length);
        dsx_puts(w, ", updatable parameters: Options.BytesPerSecond");
        return;
    default:
        dsx_put_malformed(w, d);   /* botocore never sees malformed JSON */
        return;
    }
}

/* ---- the report, in botocore's order ---- */

enum phase { PHASE_REQUIRED, PHASE_NAMES, PHASE_MEMBERS, PHASE_CONFLICTS };

static enum phase phase_of(const dsx_diag *d)
{
    switch (d->code) {
    case DSX_CODE_REQUIRED: return PHASE_REQUIRED;
    case DSX_CODE_UNKNOWN_MEMBER: case DSX_CODE_DUPLICATE_MEMBER: return PHASE_NAMES;
    case DSX_CODE_CONFLICT: return PHASE_CONFLICTS;
    default: return d->scope == DSX_SCOPE_DOCUMENT ? PHASE_REQUIRED : PHASE_MEMBERS;
    }
}

typedef struct report {
    dsx_writer *w;
    const char *json;
    size_t length;
} report;

static void line(report *r, const dsx_diag *d)
{
    if (d->severity != DSX_SEVERITY_ERROR) return;
    dsx_put_char(r->w, '\n');
    dsx_put_botocore_line(r->w, d, r->json, r->length);
}

/* Whether d belongs to the Options object of a request. */
static bool in_options_object(const dsx_diag *d)
{
    return d->in_request && d->scope == DSX_SCOPE_OPTIONS;
}

static void phase_lines(report *r, const dsx_diag *diags, size_t count,
                        bool options_object, enum phase phase)
{
    size_t i;
    for (i = 0; i < count; i++)
        if (in_options_object(&diags[i]) == options_object && phase_of(&diags[i]) == phase)
            line(r, &diags[i]);
}

/* One object's report: required, names, members, conflicts. */
static void object_lines(report *r, const dsx_diag *diags, size_t count, bool options_object)
{
    phase_lines(r, diags, count, options_object, PHASE_REQUIRED);
    phase_lines(r, diags, count, options_object, PHASE_NAMES);
    phase_lines(r, diags, count, options_object, PHASE_MEMBERS);
    phase_lines(r, diags, count, options_object, PHASE_CONFLICTS);
}

void dsx_put_botocore_report(dsx_writer *w, const dsx_diag *diags, size_t count,
                             const char *json, size_t length)
{
    report r;
    size_t i;
    bool options_done = false;
    r.w = w;
    r.json = json;
    r.length = length;
    dsx_puts(w, "Parameter validation failed:");
    phase_lines(&r, diags, count, false, PHASE_REQUIRED);
    phase_lines(&r, diags, count, false, PHASE_NAMES);
    /* Members in input order; the Options object's report where it starts. */
    for (i = 0; i < count; i++) {
        if (in_options_object(&diags[i])) {
            if (!options_done) object_lines(&r, diags, count, true);
            options_done = true;
        } else if (phase_of(&diags[i]) == PHASE_MEMBERS) {
            line(&r, &diags[i]);
        }
    }
    phase_lines(&r, diags, count, false, PHASE_CONFLICTS);   /* a bare Options document */
}

#else
typedef int dsx_botocore_c_compiled_out;   /* ISO C: no empty file */
#endif
