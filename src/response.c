/*
 * Responses: what a client decides from an HTTP status, the optional
 * X-Amzn-ErrorType header and the body (spec §6). One pass over the body
 * with the strict tokenizer finds the top-level members that matter; the
 * fields are kept as spans of the caller's body or header and decoded only
 * when asked for, so nothing is allocated or copied.
 *
 * The error's type comes from the body's top-level "__type", then its
 * "code", then the header: the first whose cleaned name is not empty.
 * Cleaning, as the AWS SDKs do: cut at the first ',' and at the first ':',
 * then keep what follows the last '#'. Later duplicates of a member win,
 * as in the JSON parsers the SDKs use. A nested "__type" is never looked
 * at, and a member whose value is not a string counts as absent.
 */
#include <string.h>

#include "internal.h"

#ifndef DSX_NO_RESPONSE   /* docs/PORTING.md */

enum field_source { SOURCE_ABSENT, SOURCE_JSON, SOURCE_RAW, SOURCE_HEADER };

/* Body members by name, and which field each one fills. */
enum body_member { MEMBER_TYPE, MEMBER_CODE, MEMBER_MESSAGE, MEMBER_MESSAGE_UPPER,
                   MEMBER_ERROR_CODE, MEMBER_DATASYNC_ERROR_CODE, MEMBER_COUNT };

static const char member_names[] =
    "__type\0code\0message\0Message\0errorCode\0datasyncErrorCode\0";

typedef struct body_scan {
    dsx_field_span found[MEMBER_COUNT];
} body_scan;

static int body_member(const char *body, const dsx_token *name)
{
    char decoded[24];
    size_t n = dsx_string_decode(body, name, decoded, sizeof decoded);
    return n < sizeof decoded ? dsx_text_index(member_names, decoded, n) : -1;
}

static OUT_OF_LINE void set_span(dsx_field_span *f, uint8_t source, size_t offset, size_t length)
{
    f->source = source;
    f->offset = offset;
    f->length = length;
}

/* Reads the top-level members; true when the body is one strict JSON text. */
static bool scan_body(const char *body, size_t length, body_scan *scan)
{
    dsx_reader r;
    dsx_token t, name;
    dsx_reader_init(&r, body, length, DSX_DEPTH_CAP);
    if (dsx_reader_next(&r, &t) == DSX_TOK_ERROR) return false;
    if (t.kind == DSX_TOK_OBJECT_BEGIN) {
        while (dsx_reader_next(&r, &name) == DSX_TOK_KEY) {
            int member;
            if (dsx_reader_next(&r, &t) == DSX_TOK_ERROR) return false;
            member = body_member(body, &name);
            if (member >= 0) {
                if (t.kind == DSX_TOK_STRING) set_span(&scan->found[member], SOURCE_JSON, t.start, t.end - t.start);
                else set_span(&scan->found[member], SOURCE_ABSENT, 0, 0);
            }
            if (dsx_reader_skip_value(&r, &t) == DSX_TOK_ERROR) return false;
        }
        if (name.kind == DSX_TOK_ERROR) return false;
    } else if (dsx_reader_skip_value(&r, &t) == DSX_TOK_ERROR) {
        return false;
    }
    return dsx_reader_next(&r, &t) == DSX_TOK_END;
}

/* ---- reading a field's characters ---- */

typedef struct field_iter {
    uint8_t source;
    dsx_string_iter json;      /* SOURCE_JSON */
    const uint8_t *p, *end;    /* SOURCE_RAW (UTF-8) and SOURCE_HEADER (bytes) */
} field_iter;

static void field_iter_init(field_iter *it, const dsx_response *r, const dsx_field_span *f)
{
    const char *base = f->source == SOURCE_HEADER ? r->header : r->body;
    it->source = f->source;
    if (f->source == SOURCE_JSON) {
        dsx_token t;
        t.kind = DSX_TOK_STRING;
        t.flags = DSX_TF_ESCAPED;
        t.start = f->offset;
        t.end = f->offset + f->length;
        dsx_string_iter_init(&it->json, base, &t);
    }
    it->p = (const uint8_t *)base + f->offset;
    it->end = it->p + f->length;
}

/* One code point of arbitrary bytes; a byte that does not start valid UTF-8 is U+FFFD. */
static int32_t next_raw_utf8(field_iter *it)
{
    int32_t cp = dsx_utf8_decode(&it->p, it->end);
    if (cp >= 0) return cp;
    it->p++;
    return 0xFFFD;
}

static int32_t field_next(field_iter *it)
{
    if (it->source == SOURCE_JSON) return dsx_string_next(&it->json);
    if (it->p >= it->end) return -1;
    if (it->source == SOURCE_HEADER) return *it->p++;   /* header bytes as Latin-1 */
    return next_raw_utf8(it);
}

/* ---- the type's name, cleaned ---- */

/* Index (in characters) where the cleaned name starts, and its end. */
static void cleaned_bounds(const dsx_response *r, const dsx_field_span *f,
                           size_t *start, size_t *end)
{
    field_iter it;
    int32_t cp;
    size_t i = 0;
    *start = 0;
    field_iter_init(&it, r, f);
    while ((cp = field_next(&it)) >= 0 && cp != ',' && cp != ':') {
        i++;
        if (cp == '#') *start = i;
    }
    *end = i;
}

static void put_cleaned(dsx_writer *w, const dsx_response *r, const dsx_field_span *f)
{
    field_iter it;
    size_t start, end, i;
    int32_t cp;
    cleaned_bounds(r, f, &start, &end);
    field_iter_init(&it, r, f);
    for (i = 0; i < end && (cp = field_next(&it)) >= 0; i++)
        if (i >= start) dsx_put_safe_code_point(w, cp);
}

static size_t cleaned_length(const dsx_response *r, const dsx_field_span *f)
{
    size_t start, end;
    cleaned_bounds(r, f, &start, &end);
    return end - start;
}

/* ---- the fields ---- */

static void put_field(dsx_writer *w, const dsx_response *r, dsx_response_field field)
{
    const dsx_field_span *f = &r->fields[field];
    field_iter it;
    int32_t cp;
    size_t shown = 0;
    if (field == DSX_FIELD_TYPE) {
        put_cleaned(w, r, f);
        return;
    }
    field_iter_init(&it, r, f);
    while ((cp = field_next(&it)) >= 0) {
        if (f->source != SOURCE_RAW) {        /* a JSON string: exactly its text */
            dsx_put_code_point(w, cp);
            continue;
        }
        if (shown++ == DSX_RESPONSE_TEXT_MAX) {
            dsx_puts(w, "...");
            return;
        }
        dsx_put_safe_code_point(w, cp);
    }
}

size_t dsx_response_text(const dsx_response *r, dsx_response_field field,
                         char *buf, size_t size)
{
    dsx_writer w;
    dsx_writer_init(&w, buf, size);
    if (r && (unsigned)field < DSX_FIELD_COUNT && r->fields[field].source != SOURCE_ABSENT)
        put_field(&w, r, field);
    return dsx_writer_finish(&w);
}

int dsx_response_has(const dsx_response *r, dsx_response_field field)
{
    return r && (unsigned)field < DSX_FIELD_COUNT && r->fields[field].source != SOURCE_ABSENT;
}

/* ---- deciding ---- */

static void trim_header(const char **value, size_t *length)
{
    while (*length && (**value == ' ' || **value == '\t')) {
        (*value)++;
        (*length)--;
    }
    while (*length && ((*value)[*length - 1] == ' ' || (*value)[*length - 1] == '\t'))
        (*length)--;
}

/* The first source whose cleaned name is not empty. */
static void choose_type(dsx_response *r, const body_scan *scan)
{
    dsx_field_span header;
    const dsx_field_span *candidates[3];
    size_t i;
    set_span(&header, r->header_length ? SOURCE_HEADER : SOURCE_ABSENT, 0, r->header_length);
    candidates[0] = &scan->found[MEMBER_TYPE];
    candidates[1] = &scan->found[MEMBER_CODE];
    candidates[2] = &header;
    for (i = 0; i < 3; i++) {
        if (candidates[i]->source == SOURCE_ABSENT) continue;
        if (cleaned_length(r, candidates[i]) == 0) continue;
        r->fields[DSX_FIELD_TYPE] = *candidates[i];
        return;
    }
}

/* The modeled error types, in the order of dsx_error_type from DSX_ERROR_INVALID_REQUEST. */
static const char modeled_types[] = "InvalidRequestException\0InternalException\0";

static void classify(dsx_response *r)
{
    char name[32];
    size_t n;
    int modeled;
    r->type = DSX_ERROR_UNKNOWN;
    if (dsx_response_has(r, DSX_FIELD_TYPE)) {
        n = dsx_response_text(r, DSX_FIELD_TYPE, name, sizeof name);
        modeled = n < sizeof name ? dsx_text_index(modeled_types, name, n) : -1;
        r->type = modeled < 0 ? DSX_ERROR_UNMODELED
                              : (dsx_error_type)(DSX_ERROR_INVALID_REQUEST + modeled);
    }
    r->modeled = r->type == DSX_ERROR_INVALID_REQUEST || r->type == DSX_ERROR_INTERNAL;
    if (r->type == DSX_ERROR_INVALID_REQUEST) r->fault = DSX_FAULT_CLIENT;
    else if (r->type == DSX_ERROR_INTERNAL) r->fault = DSX_FAULT_SERVER;
    else r->fault = r->status >= 500 ? DSX_FAULT_SERVER : DSX_FAULT_CLIENT;
}

void dsx_parse_response(int status, const char *error_type, size_t error_type_length,
                        const char *body, size_t body_length, dsx_response *out)
{
    body_scan scan;
    memset(out, 0, sizeof *out);
    memset(&scan, 0, sizeof scan);
    out->status = status;
    out->body = body ? body : "";
    out->body_length = body ? body_length : 0;
    if (!error_type) error_type_length = 0;
    trim_header(&error_type, &error_type_length);
    out->header = error_type ? error_type : "";
    out->header_length = error_type_length;
    if (status >= 200 && status <= 299) return;   /* success, whatever the body */
    out->body_is_json = scan_body(out->body, out->body_length, &scan);
    if (out->body_is_json) {
        const dsx_field_span *message = &scan.found[MEMBER_MESSAGE];
        if (message->source == SOURCE_ABSENT) message = &scan.found[MEMBER_MESSAGE_UPPER];
        out->fields[DSX_FIELD_MESSAGE] = *message;
        out->fields[DSX_FIELD_ERROR_CODE] = scan.found[MEMBER_ERROR_CODE];
        out->fields[DSX_FIELD_DATASYNC_ERROR_CODE] = scan.found[MEMBER_DATASYNC_ERROR_CODE];
    } else {
        memset(&scan, 0, sizeof scan);   /* nothing from a body that is not JSON */
        if (out->body_length)
            set_span(&out->fields[DSX_FIELD_MESSAGE], SOURCE_RAW, 0, out->body_length);
    }
    choose_type(out, &scan);
    classify(out);
}

#else
typedef int dsx_response_c_compiled_out;   /* ISO C: no empty file */
#endif
