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

/* "Options." before a member of a request's Options. */
static void put_options_prefix(dsx_writer *w, const dsx_diag *d)
{
    if (d->in_request) dsx_puts(w, "Options.");
}

/* "Options.Atime", "Atime", "TaskExecutionArn": botocore's parameter name. */
static void put_parameter(dsx_writer *w, const dsx_diag *d)
{
    const dsx_member_info *m = dsx_diag_known_member(d);
    if (!m) {
        dsx_puts(w, "input");
        return;
    }
    put_options_prefix(w, d);
    dsx_put_member_name(w, m);
}

static FOLDED bool value_span_ok(const dsx_diag *d, size_t length)
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

static const char *valid_type(const dsx_diag *d)
{
    const dsx_member_info *m = dsx_diag_known_member(d);
    if (!m || m->kind == DSX_KIND_OBJECT) return "dict";
    return m->kind == DSX_KIND_LONG ? "int" : "str";
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

void dsx_put_botocore_piece(dsx_writer *w, unsigned piece, const dsx_diag *d,
                            const char *json, size_t length)
{
    switch (piece) {
    case DSX_PIECE_PARAMETER: put_parameter(w, d); break;
    case DSX_PIECE_CONTAINER: dsx_puts(w, d->in_request ? "Options" : "input"); break;
    case DSX_PIECE_SHOWN_VALUE: put_shown_value(w, d, json, length); break;
    case DSX_PIECE_PYTHON_TYPE:
        dsx_puts(w, value_span_ok(d, length)
                        ? dsx_python_type(json, d->value_offset, d->value_length, d->value_kind)
                        : "object");
        break;
    case DSX_PIECE_VALID_TYPE: dsx_puts(w, valid_type(d)); break;
    case DSX_PIECE_CODE_POINTS: dsx_put_uint(w, string_code_points(d, json, length)); break;
    default: /* DSX_PIECE_OPTIONS_PREFIX */
        put_options_prefix(w, d);
        break;
    }
}

/* botocore's words, or ours in its voice, in the order of the message keys. */
#define INVALID_VALUE DSX_T_INVALID_VALUE DSX_T_PARAMETER DSX_T_SHOWN_VALUE
#define CONFLICT_LINE INVALID_VALUE DSX_T_VALID "values when " DSX_T_OPTIONS_PREFIX

#define BOTOCORE_TEMPLATES(X) \
    X(DSX_T_MALFORMED)   /* botocore never sees malformed JSON */ \
    X("Invalid type for parameter " DSX_T_PARAMETER DSX_T_SHOWN_VALUE ", type: <class '" \
      DSX_T_PYTHON_TYPE "'>" DSX_T_VALID "types: <class '" DSX_T_VALID_TYPE "'>") \
    X("Missing required" DSX_T_PARAMETER_IN DSX_T_CONTAINER ": \"" DSX_T_MEMBER "\"") \
    X("Unknown" DSX_T_PARAMETER_IN DSX_T_CONTAINER ": \"" DSX_T_NAME "\", must be one of: " \
      DSX_T_MEMBERS) \
    X("Duplicate" DSX_T_PARAMETER_IN DSX_T_CONTAINER ": \"" DSX_T_NAME \
      "\", each parameter may appear only once") \
    X(INVALID_VALUE DSX_T_VALID "values: " DSX_T_ENUM) \
    X("Invalid length for parameter " DSX_T_PARAMETER ", value: " DSX_T_CODE_POINTS \
      DSX_T_VALID "max length: 128") \
    X(INVALID_VALUE DSX_T_VALID "pattern: " DSX_T_PATTERN) \
    X(INVALID_VALUE DSX_T_VALID "min value: -1") \
    X(INVALID_VALUE DSX_T_VALID "max value: 9223372036854775807") \
    X(CONFLICT_LINE "Atime is BEST_EFFORT: PRESERVE") \
    X(CONFLICT_LINE "Atime is NONE: NONE") \
    X(CONFLICT_LINE "PreserveDeletedFiles is REMOVE: CHANGED") \
    X("Parameter " DSX_T_PARAMETER " cannot be updated by UpdateTaskExecution" \
      DSX_T_SHOWN_VALUE ", updatable parameters: Options.BytesPerSecond")
DSX_DEFINE_TEXT_TABLE(botocore_templates, BOTOCORE_TEMPLATES);
DSX_CHECK_TEXT_COUNT(botocore_templates, DSX_KEY_COUNT);

void dsx_put_botocore_line(dsx_writer *w, const dsx_diag *d, const char *json, size_t length)
{
    dsx_put_template(w, botocore_templates, d, json, length);
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
