/*
 * Rendering of diagnostics: code names, RFC 6901 pointers, messages in the
 * AWS service style and the AWS summary. Everything writes through the
 * snprintf-style writer, so a caller's buffer is never overrun and the
 * length needed is always returned.
 *
 * Quoted values are decoded, then escaped so that no message carries a raw
 * control byte (C0 controls, DEL, U+2028 and U+2029 become JSON-style
 * escapes, and so does the backslash), and cut after DSX_MESSAGE_VALUE_MAX
 * characters, followed by "...".
 */
#include <string.h>

#include "internal.h"
#include "model.h"

/* The codes' names in code order, then the name of any other value. */
#define CODE_NAMES(X) X("syntax") X("utf8") X("depth") X("too_large") X("type") \
    X("required") X("unknown_member") X("duplicate_member") X("enum") X("length") \
    X("pattern") X("range") X("conflict") X("not_updatable") X("unknown")
DSX_DEFINE_TEXT_TABLE(code_names, CODE_NAMES);
DSX_CHECK_TEXT_COUNT(code_names, DSX_CODE_COUNT + 1);

const char *dsx_code_name(dsx_code code)
{
    return DSX_TEXT_AT(code_names, (unsigned)code < DSX_CODE_COUNT ? (unsigned)code
                                                                   : DSX_CODE_COUNT);
}

#ifndef DSX_NO_MESSAGES
/* What is wrong with a malformed document, by reason (enum dsx_reason). */
#define REASON_TEXTS(X) \
    X("malformed JSON") \
    X("no JSON value: the input is empty or only whitespace") \
    X("a byte-order mark is not allowed") \
    X("unexpected end of input") \
    X("expected a JSON value") \
    X("expected a member name in double quotes") \
    X("expected ':' after the member name") \
    X("expected ',' or '}' after the member value") \
    X("expected ',' or ']' after the array element") \
    X("a trailing comma is not allowed") \
    X("unexpected data after the JSON value") \
    X("invalid literal: expected true, false or null") \
    X("leading zeros are not allowed in a number") \
    X("expected a digit") \
    X("control characters must be escaped in a string") \
    X("invalid escape sequence") \
    X("expected four hex digits after \\u") \
    X("a lone surrogate in a \\u escape is not allowed") \
    X("invalid UTF-8 byte sequence") \
    X("nesting deeper than the limit") \
    X("input larger than the limit")
DSX_DEFINE_TEXT_TABLE(reason_texts, REASON_TEXTS);
DSX_CHECK_TEXT_COUNT(reason_texts, DSX_REASON_COUNT);
#endif

/* ---- pieces ---- */

const dsx_member_info *dsx_diag_member_table(const dsx_diag *d)
{
    return dsx_scope_members(d->scope);
}

size_t dsx_diag_member_count(const dsx_diag *d)
{
    return dsx_scope_member_count(d->scope);
}

const dsx_member_info *dsx_diag_known_member(const dsx_diag *d)
{
    if (d->scope == DSX_SCOPE_DOCUMENT || d->member < 0) return NULL;
    return &dsx_diag_member_table(d)[d->member];
}

/* The string token behind a raw span (the span is inside the quotes). */
dsx_token dsx_span_token(size_t inner_offset, size_t inner_length)
{
    dsx_token t;
    t.kind = DSX_TOK_STRING;
    t.flags = DSX_TF_ESCAPED;   /* let the iterator decode whatever is there */
    t.start = inner_offset - 1;
    t.end = inner_offset + inner_length + 1;
    return t;
}

/* A code point of a quoted value, with no raw control byte left. */
void dsx_put_safe_code_point(dsx_writer *w, int32_t cp)
{
    char esc[6];
    if (cp >= 0x20 && cp != '\\' && cp != 0x7F && cp != 0x2028 && cp != 0x2029)
        dsx_put_code_point(w, cp);
    else
        dsx_put(w, esc, dsx_escape_code_point(cp, esc));
}

/* Decoded string contents, made safe and cut to DSX_MESSAGE_VALUE_MAX. */
void dsx_put_safe_string(dsx_writer *w, const char *json, const dsx_token *t)
{
    dsx_string_iter it;
    int32_t cp;
    size_t shown = 0;
    dsx_string_iter_init(&it, json, t);
#ifndef DSX_SMALL
    {   /* the usual value starts with printable ASCII: that run goes out whole */
        const uint8_t *run = it.p;
        while (it.p < it.end && shown < DSX_MESSAGE_VALUE_MAX && *it.p >= 0x20 && *it.p < 0x7F &&
               *it.p != '\\') {
            it.p++;
            shown++;
        }
        dsx_put(w, (const char *)run, (size_t)(it.p - run));
    }
#endif
    while ((cp = dsx_string_next(&it)) >= 0) {
        if (shown++ == DSX_MESSAGE_VALUE_MAX) {
            dsx_puts(w, "...");
            return;
        }
        dsx_put_safe_code_point(w, cp);
    }
}

/* A number or literal as written (ASCII by construction), cut likewise. */
void dsx_put_safe_raw(dsx_writer *w, const char *json, size_t offset, size_t length)
{
    if (length <= DSX_MESSAGE_VALUE_MAX) {
        dsx_put(w, json + offset, length);
        return;
    }
    dsx_put(w, json + offset, DSX_MESSAGE_VALUE_MAX);
    dsx_puts(w, "...");
}

/* A span the diagnostic names lies inside the input the caller passed. */
bool dsx_span_inside(size_t offset, size_t length, size_t input_length)
{
    return offset <= input_length && length <= input_length - offset;
}

void dsx_put_safe_name(dsx_writer *w, const dsx_diag *d, const char *json, size_t length)
{
    dsx_token t = dsx_span_token(d->name_offset, d->name_length);
    if (d->name_offset > 0 && dsx_span_inside(d->name_offset - 1, d->name_length + 2, length))
        dsx_put_safe_string(w, json, &t);
    else
        dsx_put_char(w, '?');   /* not the input this diagnostic came from */
}

#ifndef DSX_NO_MESSAGES
/* "Value 'x'" / "Value null": how the AWS style quotes the offending value. */
static void put_value(dsx_writer *w, const dsx_diag *d, const char *json, size_t length)
{
    dsx_token t;
    dsx_puts(w, "Value ");
    if (!dsx_span_inside(d->value_offset, d->value_length, length) ||
        (d->value_kind == DSX_TOK_STRING && d->value_length < 2)) {
        dsx_puts(w, "'?'");   /* not the input this diagnostic came from */
        return;
    }
    switch (d->value_kind) {
    case DSX_TOK_NULL: dsx_puts(w, "null"); return;
    case DSX_TOK_OBJECT_BEGIN: dsx_puts(w, "'{...}'"); return;
    case DSX_TOK_ARRAY_BEGIN: dsx_puts(w, "'[...]'"); return;
    case DSX_TOK_STRING:
        t = dsx_span_token(d->value_offset + 1, d->value_length - 2);
        dsx_put_char(w, '\'');
        dsx_put_safe_string(w, json, &t);
        dsx_put_char(w, '\'');
        return;
    default:
        dsx_put_char(w, '\'');
        dsx_put_safe_raw(w, json, d->value_offset, d->value_length);
        dsx_put_char(w, '\'');
        return;
    }
}

/* lowerCamel, as the AWS service names members in its messages. */
static void put_camel(dsx_writer *w, const dsx_member_info *m)
{
    dsx_text_buf buf;
    const char *name = dsx_member_name(m, &buf);
    char first = name[0];
    if (first >= 'A' && first <= 'Z') first = (char)(first - 'A' + 'a');
    dsx_put_char(w, first);
    dsx_put(w, name + 1, (size_t)m->name_length - 1);
}

/*
 * " at 'options.verifyMode'": the member's path. With `parent_only` the
 * path of the object holding it (for names that are themselves the
 * problem). Nothing when the path is the whole document.
 */
static void put_path(dsx_writer *w, const dsx_diag *d, bool parent_only)
{
    const dsx_member_info *m = dsx_diag_known_member(d);
    bool under_options = d->scope == DSX_SCOPE_OPTIONS && d->in_request;
    if (parent_only || !m) {
        if (under_options) dsx_puts(w, " at 'options'");
        return;
    }
    dsx_puts(w, " at '");
    if (under_options) dsx_puts(w, "options.");
    put_camel(w, m);
    dsx_put_char(w, '\'');
}

void dsx_put_member_names(dsx_writer *w, const dsx_member_info *table, size_t count)
{
    size_t i;
    for (i = 0; i < count; i++) {
        if (i) dsx_puts(w, ", ");
        dsx_put_member_name(w, &table[i]);
    }
}

void dsx_put_enum_values(dsx_writer *w, const dsx_member_info *m)
{
    int i;
    for (i = 0; i < m->value_count; i++) {
        const dsx_string_ref *v = &dsx_enum_values[m->first_value + i];
        dsx_text_buf text;
        if (i) dsx_puts(w, ", ");
        dsx_put(w, dsx_value_text(v, &text), v->length);
    }
}

void dsx_put_malformed(dsx_writer *w, const dsx_diag *d)
{
    unsigned reason = d->detail < DSX_REASON_COUNT ? d->detail : 0;
    dsx_puts(w, d->code == DSX_CODE_UTF8 ? "Invalid UTF-8: " : "Malformed JSON: ");
    dsx_puts(w, DSX_TEXT_AT(reason_texts, reason));
    if (d->code == DSX_CODE_DEPTH || d->code == DSX_CODE_TOO_LARGE) {
        dsx_puts(w, " (");
        dsx_put_uint(w, d->value_length);
        dsx_puts(w, d->code == DSX_CODE_DEPTH ? " levels)" : " bytes)");
    }
}

/* ---- message templates ---- */

unsigned dsx_message_key(const dsx_diag *d)
{
    unsigned code = d->code;
    if (code < DSX_CODE_TYPE) return DSX_KEY_MALFORMED;
    if (code < DSX_CODE_RANGE) return DSX_KEY_TYPE + code - DSX_CODE_TYPE;
    if (code == DSX_CODE_RANGE) return DSX_KEY_RANGE_LOW + (d->detail != 0);
    if (code == DSX_CODE_CONFLICT)
        return DSX_KEY_CONFLICT + (d->detail < DSX_CONFLICT_REMOVE_ALL ? d->detail
                                                                      : DSX_CONFLICT_REMOVE_ALL);
    return DSX_KEY_NOT_UPDATABLE;
}

/* What the AWS style says a member with a value of the wrong type must be. */
static const char *type_wanted(const dsx_diag *d)
{
    const dsx_member_info *m = dsx_diag_known_member(d);
    if (d->value_kind == DSX_TOK_NULL) return "not be null";
    if (!m || m->kind == DSX_KIND_OBJECT) return "be an object";
    return m->kind == DSX_KIND_LONG ? "be an integer" : "be a string";
}

/* Phrases several templates share (DSX_T_CONSTRAINT ...), in piece order. */
#define PHRASES(X) X(" failed to satisfy constraint: ") X("Member must ") \
    X("Invalid value for parameter ") X(" parameter in ") X(", valid ")
DSX_DEFINE_TEXT_TABLE(phrases, PHRASES);
DSX_CHECK_TEXT_COUNT(phrases, DSX_PIECE_END - DSX_PIECE_PHRASE);

/* One piece of a template (enum dsx_piece); botocore.c writes its own. */
static void put_piece(dsx_writer *w, unsigned piece, const dsx_diag *d,
                      const char *json, size_t length)
{
    const dsx_member_info *m;
    switch (piece) {
    case DSX_PIECE_VALUE: put_value(w, d, json, length); break;
    case DSX_PIECE_NAME: dsx_put_safe_name(w, d, json, length); break;
    case DSX_PIECE_PATH: case DSX_PIECE_PARENT_PATH:
        put_path(w, d, piece == DSX_PIECE_PARENT_PATH);
        break;
    case DSX_PIECE_MEMBERS:
        dsx_put_member_names(w, dsx_diag_member_table(d), dsx_diag_member_count(d));
        break;
    case DSX_PIECE_ENUM: case DSX_PIECE_MEMBER:
        m = dsx_diag_known_member(d);
        if (m && piece == DSX_PIECE_ENUM) dsx_put_enum_values(w, m);
        else if (m) dsx_put_member_name(w, m);
        break;
    case DSX_PIECE_PATTERN: dsx_puts(w, dsx_arn_pattern); break;
    case DSX_PIECE_MALFORMED: dsx_put_malformed(w, d); break;
    case DSX_PIECE_TYPE_WANTED: dsx_puts(w, type_wanted(d)); break;
    default:
        if (piece >= DSX_PIECE_PHRASE) {
            dsx_puts(w, DSX_TEXT_AT(phrases, piece - DSX_PIECE_PHRASE));
            break;
        }
#ifndef DSX_NO_BOTOCORE
        dsx_put_botocore_piece(w, piece, d, json, length);
#endif
        break;
    }
}

void dsx_put_template(dsx_writer *w, dsx_text_table templates, const dsx_diag *d,
                      const char *json, size_t length)
{
    const char *text = DSX_TEXT_AT(templates, dsx_message_key(d));
    while (*text) {
        size_t run = 0;
        while ((unsigned char)text[run] >= DSX_PIECE_END) run++;
        dsx_put(w, text, run);
        text += run;
        if (*text) put_piece(w, (unsigned char)*text++, d, json, length);
    }
}

/* The AWS service's words, in the order of the message keys (dsx_message_key). */
#define AWS_TEMPLATES(X) \
    X(DSX_T_MALFORMED) \
    X(DSX_T_VALUE DSX_T_PATH DSX_T_CONSTRAINT DSX_T_MUST DSX_T_TYPE_WANTED) \
    X("Value null" DSX_T_PATH DSX_T_CONSTRAINT DSX_T_MUST "not be null") \
    X("Value '" DSX_T_NAME "'" DSX_T_PARENT_PATH DSX_T_CONSTRAINT \
      "Member name must satisfy enum value set: [" DSX_T_MEMBERS "]") \
    X("Value '" DSX_T_NAME "'" DSX_T_PARENT_PATH DSX_T_CONSTRAINT "Member name must be unique") \
    X(DSX_T_VALUE DSX_T_PATH DSX_T_CONSTRAINT DSX_T_MUST "satisfy enum value set: [" DSX_T_ENUM "]") \
    X(DSX_T_VALUE DSX_T_PATH DSX_T_CONSTRAINT DSX_T_MUST "have length less than or equal to 128") \
    X(DSX_T_VALUE DSX_T_PATH DSX_T_CONSTRAINT DSX_T_MUST "satisfy regular expression pattern: " \
      DSX_T_PATTERN) \
    X(DSX_T_VALUE DSX_T_PATH DSX_T_CONSTRAINT DSX_T_MUST "have value greater than or equal to -1") \
    X(DSX_T_VALUE DSX_T_PATH DSX_T_CONSTRAINT DSX_T_MUST \
      "have value less than or equal to 9223372036854775807") \
    X(DSX_T_VALUE DSX_T_PATH DSX_T_CONSTRAINT DSX_T_MUST "be PRESERVE when Atime is BEST_EFFORT") \
    X(DSX_T_VALUE DSX_T_PATH DSX_T_CONSTRAINT DSX_T_MUST "be NONE when Atime is NONE") \
    X(DSX_T_VALUE DSX_T_PATH DSX_T_CONSTRAINT DSX_T_MUST \
      "not be ALL when PreserveDeletedFiles is REMOVE") \
    X(DSX_T_VALUE DSX_T_PATH DSX_T_CONSTRAINT \
      "Member cannot be updated by UpdateTaskExecution; only BytesPerSecond can")
DSX_DEFINE_TEXT_TABLE(aws_templates, AWS_TEMPLATES);
DSX_CHECK_TEXT_COUNT(aws_templates, DSX_KEY_COUNT);

static void put_message(dsx_writer *w, const dsx_diag *d, const char *json, size_t length)
{
    dsx_put_template(w, aws_templates, d, json, length);
}

#else
/* Codes only (DSX_NO_MESSAGES): the message is the code's name. */
static void put_message(dsx_writer *w, const dsx_diag *d, const char *json, size_t length)
{
    (void)json;
    (void)length;
    dsx_puts(w, dsx_code_name((dsx_code)d->code));
}
#endif /* DSX_NO_MESSAGES */

size_t dsx_diag_message(const dsx_diag *diag, const char *json, size_t length,
                        char *buf, size_t size)
{
    return dsx_diag_message_styled(diag, DSX_STYLE_AWS, json, length, buf, size);
}

size_t dsx_diag_message_styled(const dsx_diag *diag, dsx_style style,
                               const char *json, size_t length,
                               char *buf, size_t size)
{
    dsx_writer w;
    dsx_writer_init(&w, buf, size);
#ifndef DSX_NO_BOTOCORE
    if (style == DSX_STYLE_BOTOCORE) {
        dsx_put_botocore_line(&w, diag, json, length);
        return dsx_writer_finish(&w);
    }
#endif
    (void)style;
    put_message(&w, diag, json, length);
    return dsx_writer_finish(&w);
}

/* ---- pointer ---- */

static void put_pointer_segment(dsx_writer *w, const char *json, size_t length,
                                const dsx_diag *d)
{
    const dsx_member_info *m = dsx_diag_known_member(d);
    dsx_string_iter it;
    dsx_token t;
    int32_t cp;
    dsx_put_char(w, '/');
    if (m) {
        dsx_put_member_name(w, m);
        return;
    }
    if (d->name_offset == 0 || !dsx_span_inside(d->name_offset - 1, d->name_length + 2, length)) {
        dsx_put_char(w, '?');   /* not the input this diagnostic came from */
        return;
    }
    t = dsx_span_token(d->name_offset, d->name_length);
    dsx_string_iter_init(&it, json, &t);
    while ((cp = dsx_string_next(&it)) >= 0) {
        if (cp == '~') dsx_puts(w, "~0");
        else if (cp == '/') dsx_puts(w, "~1");
        else dsx_put_code_point(w, cp);
    }
}

size_t dsx_diag_pointer(const dsx_diag *diag, const char *json, size_t length,
                        char *buf, size_t size)
{
    dsx_writer w;
    dsx_writer_init(&w, buf, size);
    if (diag->in_request) dsx_puts(&w, "/Options");
    if (diag->scope != DSX_SCOPE_DOCUMENT) put_pointer_segment(&w, json, length, diag);
    return dsx_writer_finish(&w);
}

/* ---- summary ---- */

static void put_aws_summary(dsx_writer *w, const dsx_diag *diags, size_t count,
                            size_t total_errors, const char *json, size_t length)
{
    size_t i, listed = 0;
    dsx_put_uint(w, total_errors);
    dsx_puts(w, total_errors == 1 ? " validation error detected: "
                                  : " validation errors detected: ");
    for (i = 0; i < count; i++) {
        if (diags[i].severity != DSX_SEVERITY_ERROR) continue;
        if (listed++) dsx_puts(w, "; ");
        put_message(w, &diags[i], json, length);
    }
}

size_t dsx_summary(const dsx_diag *diags, size_t count, size_t total_errors,
                   const char *json, size_t length, char *buf, size_t size)
{
    return dsx_summary_styled(diags, count, total_errors, DSX_STYLE_AWS, json, length,
                              buf, size);
}

size_t dsx_summary_styled(const dsx_diag *diags, size_t count, size_t total_errors,
                          dsx_style style, const char *json, size_t length,
                          char *buf, size_t size)
{
    dsx_writer w;
    dsx_writer_init(&w, buf, size);
#ifndef DSX_NO_BOTOCORE
    if (style == DSX_STYLE_BOTOCORE) {
        dsx_put_botocore_report(&w, diags, count, json, length);
        return dsx_writer_finish(&w);
    }
#endif
    (void)style;
    put_aws_summary(&w, diags, count, total_errors, json, length);
    return dsx_writer_finish(&w);
}

/* ---- error response body ---- */

size_t dsx_error_body(const dsx_diag *diags, size_t count, size_t total_errors,
                      const char *json, size_t length, char *buf, size_t size)
{
    dsx_writer w;
    dsx_writer_init(&w, buf, size);
    dsx_puts(&w, "{\"__type\":\"InvalidRequestException\",\"message\":\"");
    w.escape = true;    /* the summary becomes the contents of a JSON string */
    put_aws_summary(&w, diags, count, total_errors, json, length);
    w.escape = false;
    dsx_puts(&w, "\",\"errorCode\":\"InvalidParameter\"}");
    return dsx_writer_finish(&w);
}
