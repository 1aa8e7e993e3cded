/*
 * Spec §6: responses (type precedence and cleaning, modeled or not, fault,
 * message fields, bodies that are not JSON) and HTTP framing for every
 * partition.
 */
#include "helpers.h"

typedef struct decided {
    dsx_response r;
    char type[256], message[1024], error_code[256], datasync[256];
} decided;

static const char *field_or_null(const dsx_response *r, dsx_response_field f, char *buf, size_t size)
{
    if (!dsx_response_has(r, f)) return "(null)";
    dsx_response_text(r, f, buf, size);
    return buf;
}

static decided *decide(int status, const char *header, const char *body, size_t body_length)
{
    static decided d;
    memset(&d, 0, sizeof d);
    dsx_parse_response(status, header, header ? strlen(header) : 0, body, body_length, &d.r);
    field_or_null(&d.r, DSX_FIELD_TYPE, d.type, sizeof d.type);
    field_or_null(&d.r, DSX_FIELD_MESSAGE, d.message, sizeof d.message);
    field_or_null(&d.r, DSX_FIELD_ERROR_CODE, d.error_code, sizeof d.error_code);
    field_or_null(&d.r, DSX_FIELD_DATASYNC_ERROR_CODE, d.datasync, sizeof d.datasync);
    if (!dsx_response_has(&d.r, DSX_FIELD_TYPE)) strcpy(d.type, "(null)");
    if (!dsx_response_has(&d.r, DSX_FIELD_MESSAGE)) strcpy(d.message, "(null)");
    if (!dsx_response_has(&d.r, DSX_FIELD_ERROR_CODE)) strcpy(d.error_code, "(null)");
    if (!dsx_response_has(&d.r, DSX_FIELD_DATASYNC_ERROR_CODE)) strcpy(d.datasync, "(null)");
    return &d;
}

#define DECIDE(status, header, body) decide(status, header, body, sizeof(body) - 1)

static void success_whatever_the_body(void **state)
{
    (void)state;
    assert_int_equal(DECIDE(200, NULL, "{}")->r.type, DSX_ERROR_NONE);
    assert_int_equal(DECIDE(200, NULL, "")->r.type, DSX_ERROR_NONE);
    assert_int_equal(DECIDE(204, "InternalException",
                            "{\"__type\":\"InvalidRequestException\",\"message\":\"no\"}")->r.type,
                     DSX_ERROR_NONE);
    assert_int_equal(DECIDE(299, NULL, "not json")->r.fault, DSX_FAULT_NONE);
    assert_int_equal(DECIDE(300, NULL, "")->r.type, DSX_ERROR_UNKNOWN);
}

static void modeled_errors(void **state)
{
    decided *d;
    (void)state;
    d = DECIDE(400, NULL, "{\"__type\":\"InvalidRequestException\",\"message\":\"Bad\","
                          "\"errorCode\":\"InvalidParameter\",\"datasyncErrorCode\":\"E1\"}");
    assert_int_equal(d->r.type, DSX_ERROR_INVALID_REQUEST);
    assert_true(d->r.modeled);
    assert_int_equal(d->r.fault, DSX_FAULT_CLIENT);
    assert_string_equal(d->type, "InvalidRequestException");
    assert_string_equal(d->message, "Bad");
    assert_string_equal(d->error_code, "InvalidParameter");
    assert_string_equal(d->datasync, "E1");
    /* The model decides the fault of a modeled type, not the status. */
    d = DECIDE(400, NULL, "{\"__type\":\"InternalException\",\"message\":\"x\"}");
    assert_int_equal(d->r.type, DSX_ERROR_INTERNAL);
    assert_int_equal(d->r.fault, DSX_FAULT_SERVER);
    assert_string_equal(d->datasync, "(null)");
    d = DECIDE(500, NULL, "{\"__type\":\"InvalidRequestException\"}");
    assert_int_equal(d->r.fault, DSX_FAULT_CLIENT);
    assert_string_equal(d->message, "(null)");
}

static void type_precedence(void **state)
{
    decided *d;
    (void)state;
    /* __type, then code, then the header. */
    d = DECIDE(400, "ThrottlingException", "{\"code\":\"InternalException\",\"__type\":\"InvalidRequestException\"}");
    assert_string_equal(d->type, "InvalidRequestException");
    d = DECIDE(400, "ThrottlingException", "{\"code\":\"InternalException\"}");
    assert_string_equal(d->type, "InternalException");
    assert_int_equal(d->r.type, DSX_ERROR_INTERNAL);
    d = DECIDE(400, "ThrottlingException", "{\"message\":\"m\"}");
    assert_string_equal(d->type, "ThrottlingException");
    assert_int_equal(d->r.type, DSX_ERROR_UNMODELED);
    d = DECIDE(400, NULL, "{\"message\":\"m\"}");
    assert_int_equal(d->r.type, DSX_ERROR_UNKNOWN);
    assert_string_equal(d->type, "(null)");
    /* A nested __type is ignored; a non-string one counts as absent. */
    d = DECIDE(400, "ValidationException", "{\"error\":{\"__type\":\"InternalException\"},\"__type\":5}");
    assert_string_equal(d->type, "ValidationException");
    /* A name that cleans to nothing falls through to the next source. */
    d = DECIDE(400, "InternalException", "{\"__type\":\"aws#\"}");
    assert_string_equal(d->type, "InternalException");
    /* The last of repeated members wins. */
    d = DECIDE(400, NULL, "{\"__type\":\"InternalException\",\"__type\":\"InvalidRequestException\"}");
    assert_int_equal(d->r.type, DSX_ERROR_INVALID_REQUEST);
}

static void type_name_forms(void **state)
{
    decided *d;
    (void)state;
    d = DECIDE(400, NULL, "{\"__type\":\"com.amazonaws.datasync#InvalidRequestException\"}");
    assert_string_equal(d->type, "InvalidRequestException");
    assert_int_equal(d->r.type, DSX_ERROR_INVALID_REQUEST);
    d = DECIDE(500, NULL, "{\"__type\":\"InternalException:http://internal.amazon.com/coral/com.amazon.coral.service/\"}");
    assert_int_equal(d->r.type, DSX_ERROR_INTERNAL);
    d = DECIDE(400, "a.b#c#InvalidRequestException:http://x#y,z", "");
    assert_string_equal(d->type, "InvalidRequestException");
    d = DECIDE(400, "  InvalidRequestException,Other  ", "");
    assert_int_equal(d->r.type, DSX_ERROR_INVALID_REQUEST);
    /* Matched case-sensitively: another case is an unmodeled name. */
    d = DECIDE(400, NULL, "{\"__type\":\"invalidRequestException\"}");
    assert_int_equal(d->r.type, DSX_ERROR_UNMODELED);
    assert_string_equal(d->type, "invalidRequestException");
    assert_int_equal(d->r.fault, DSX_FAULT_CLIENT);
    d = DECIDE(503, NULL, "{\"__type\":\"INTERNALEXCEPTION\"}");
    assert_int_equal(d->r.type, DSX_ERROR_UNMODELED);
    assert_int_equal(d->r.fault, DSX_FAULT_SERVER);
    /* Escapes are decoded before cleaning and matching. */
    d = DECIDE(400, NULL, "{\"__type\":\"x\\u0023Internal\\u0045xception\"}");
    assert_int_equal(d->r.type, DSX_ERROR_INTERNAL);
    d = DECIDE(429, NULL, "{\"__type\":\"ThrottlingException\"}");
    assert_string_equal(d->type, "ThrottlingException");
    assert_false(d->r.modeled);
}

static void message_fields(void **state)
{
    decided *d;
    (void)state;
    d = DECIDE(400, NULL, "{\"Message\":\"upper\"}");
    assert_string_equal(d->message, "upper");
    d = DECIDE(400, NULL, "{\"Message\":\"upper\",\"message\":\"lower\"}");
    assert_string_equal(d->message, "lower");
    d = DECIDE(400, NULL, "{\"message\":\"lower\",\"Message\":\"upper\"}");
    assert_string_equal(d->message, "lower");
    d = DECIDE(400, NULL, "{\"MESSAGE\":\"x\"}");
    assert_string_equal(d->message, "(null)");
    d = DECIDE(400, NULL, "{\"message\":\"tab\\there \\u00e9 \\ud83d\\ude00 \\\"q\\\"\"}");
    assert_string_equal(d->message, "tab\there \xc3\xa9 \xf0\x9f\x98\x80 \"q\"");
    d = DECIDE(400, NULL, "{\"message\":null}");
    assert_string_equal(d->message, "(null)");
}

static void bodies_that_are_not_json(void **state)
{
    decided *d;
    char huge[5000];
    (void)state;
    d = DECIDE(502, NULL, "<html>Bad Gateway</html>");
    assert_int_equal(d->r.type, DSX_ERROR_UNKNOWN);
    assert_int_equal(d->r.fault, DSX_FAULT_SERVER);
    assert_false(d->r.body_is_json);
    assert_string_equal(d->message, "<html>Bad Gateway</html>");
    d = DECIDE(400, NULL, "");
    assert_string_equal(d->message, "(null)");
    assert_int_equal(d->r.type, DSX_ERROR_UNKNOWN);
    /* Truncated JSON: its text, and nothing read from it. */
    d = DECIDE(400, NULL, "{\"__type\":\"InvalidRequestException\",\"message\":\"cut");
    assert_int_equal(d->r.type, DSX_ERROR_UNKNOWN);
    assert_string_equal(d->message, "{\"__type\":\"InvalidRequestException\",\"message\":\"cut");
    /* The header still names the type. */
    d = DECIDE(500, "InternalException", "oops");
    assert_int_equal(d->r.type, DSX_ERROR_INTERNAL);
    /* Not UTF-8, control bytes: made safe. */
    d = DECIDE(500, NULL, "a\xff\xc0\xaf\x01\n\xed\xa0\x80z\xe2\x82");
    assert_string_equal(d->message, "a\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\\u0001\\n"
                                    "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbdz\xef\xbf\xbd\xef\xbf\xbd");
    /* Huge: cut after DSX_RESPONSE_TEXT_MAX characters. */
    memset(huge, 'h', sizeof huge);
    d = decide(500, NULL, huge, sizeof huge);
    assert_int_equal(strlen(d->message), DSX_RESPONSE_TEXT_MAX + 3);
    assert_string_equal(d->message + DSX_RESPONSE_TEXT_MAX, "...");
    /* JSON that is not an object: no fields, not a text message either. */
    d = DECIDE(400, "ValidationException", "[\"__type\",\"x\"]");
    assert_true(d->r.body_is_json);
    assert_string_equal(d->message, "(null)");
    assert_string_equal(d->type, "ValidationException");
}

static void huge_json_body(void **state)
{
    size_t n = 2u << 20, at;
    char *body = malloc(n + 64);
    decided *d;
    (void)state;
    at = (size_t)sprintf(body, "{\"message\":\"");
    memset(body + at, 'm', n);
    at += n;
    at += (size_t)sprintf(body + at, "\",\"__type\":\"InternalException\"}");
    d = decide(500, NULL, body, at);
    assert_int_equal(d->r.type, DSX_ERROR_INTERNAL);
    assert_int_equal(dsx_response_text(&d->r, DSX_FIELD_MESSAGE, NULL, 0), n);
    free(body);
}

/* ---- HTTP framing ---- */

static const char *frame(const char *arn)
{
    static char out[1024];
    char doc[512];
    dsx_request r;
    size_t n;
    snprintf(doc, sizeof doc, "{\"TaskExecutionArn\":\"%s\",\"Options\":{\"BytesPerSecond\":100}}", arn);
    assert_int_equal(dsx_validate_request(doc, strlen(doc), NULL, &r, NULL), DSX_VALID);
    n = dsx_http_request(&r, NULL, 0, out, sizeof out);
    assert_int_equal(n, strlen(out));
    return out;
}

#define SUFFIX ":123456789012:task/task-0123456789abcdef0/execution/exec-0123456789abcdef0"

static void http_framing(void **state)
{
    static const struct { const char *arn, *host; } cases[] = {
        { "arn:aws:datasync:us-east-1" SUFFIX, "datasync.us-east-1.amazonaws.com" },
        { "arn:aws-cn:datasync:cn-north-1" SUFFIX, "datasync.cn-north-1.amazonaws.com.cn" },
        { "arn:aws-us-gov:datasync:us-gov-west-1" SUFFIX, "datasync.us-gov-west-1.amazonaws.com" },
        { "arn:aws-eusc:datasync:eusc-de-east-1" SUFFIX, "datasync.eusc-de-east-1.amazonaws.eu" },
        { "arn:aws-iso:datasync:us-iso-east-1" SUFFIX, "datasync.us-iso-east-1.c2s.ic.gov" },
        { "arn:aws-iso-b:datasync:us-isob-east-1" SUFFIX, "datasync.us-isob-east-1.sc2s.sgov.gov" },
    };
    char want[1024], doc[512];
    size_t i;
    (void)state;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t body;
        snprintf(doc, sizeof doc, "{\"TaskExecutionArn\":\"%s\",\"Options\":{\"BytesPerSecond\":100}}",
                 cases[i].arn);
        body = strlen(doc);
        snprintf(want, sizeof want,
                 "POST / HTTP/1.1\r\nHost: %s\r\nContent-Type: application/x-amz-json-1.1\r\n"
                 "X-Amz-Target: FmrsService.UpdateTaskExecution\r\nContent-Length: %lu\r\n\r\n%s",
                 cases[i].host, (unsigned long)body, doc);
        assert_string_equal(frame(cases[i].arn), want);
    }
}

static void http_snprintf_and_refusal(void **state)
{
    dsx_request r;
    char buf[512], whole[512];
    size_t n, k;
    static const char doc[] = REQ("{\"BytesPerSecond\":1}");
    (void)state;
    assert_int_equal(dsx_validate_request(doc, sizeof doc - 1, NULL, &r, NULL), DSX_VALID);
    n = dsx_http_request(&r, NULL, 0, whole, sizeof whole);
    assert_int_equal(n, strlen(whole));
    for (k = 1; k <= n + 1; k += 7) {   /* every cut is a prefix, NUL-terminated */
        memset(buf, 'x', sizeof buf);
        assert_int_equal(dsx_http_request(&r, NULL, 0, buf, k), n);
        assert_int_equal(strlen(buf), k - 1 < n ? k - 1 : n);
        assert_memory_equal(buf, whole, strlen(buf));
        assert_int_equal(buf[k], 'x');
    }
    assert_int_equal(dsx_http_request(&r, NULL, 0, NULL, 0), n);
    r.options.present |= DSX_BIT(DSX_OPT_LOG_LEVEL);   /* not updatable: refused */
    assert_int_equal(dsx_http_request(&r, NULL, 0, buf, sizeof buf), 0);
    assert_string_equal(buf, "");
    assert_true(dsx_http_request(&r, NULL, DSX_EMIT_ANY_OPTION, buf, sizeof buf) > 0);
    assert_int_equal(dsx_http_request(NULL, NULL, 0, buf, sizeof buf), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(success_whatever_the_body),
        cmocka_unit_test(modeled_errors),
        cmocka_unit_test(type_precedence),
        cmocka_unit_test(type_name_forms),
        cmocka_unit_test(message_fields),
        cmocka_unit_test(bodies_that_are_not_json),
        cmocka_unit_test(huge_json_body),
        cmocka_unit_test(http_framing),
        cmocka_unit_test(http_snprintf_and_refusal),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
