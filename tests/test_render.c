/*
 * Spec §3, messages: the AWS service style for every code, the summary,
 * RFC 6901 pointers, values made safe and cut, snprintf semantics.
 */
#include "helpers.h"

/* The message of diagnostic `index` of a document. */
static const char *message_of(enum doc_kind kind, dsx_profile profile, const char *json,
                              size_t index)
{
    static char buf[4096];
    dsx_config c = profile_config(profile);
    outcome *o = run_doc(kind, &c, json, strlen(json));
    assert_true(index < o->list.stored);
    dsx_diag_message(&o->items[index], json, strlen(json), buf, sizeof buf);
    return buf;
}

static const char *pointer_of(enum doc_kind kind, dsx_profile profile, const char *json,
                              size_t index)
{
    static char buf[4096];
    dsx_config c = profile_config(profile);
    outcome *o = run_doc(kind, &c, json, strlen(json));
    assert_true(index < o->list.stored);
    dsx_diag_pointer(&o->items[index], json, strlen(json), buf, sizeof buf);
    return buf;
}

#define PATTERN "^arn:(aws|aws-cn|aws-us-gov|aws-eusc|aws-iso|aws-iso-b):datasync:[a-z\\-0-9]+:[0-9]{12}:task/task-[0-9a-f]{17}/execution/exec-[0-9a-f]{17}$"
#define FAILED " failed to satisfy constraint: "

static void schema_messages(void **state)
{
    (void)state;
    assert_string_equal(message_of(DOC_REQUEST, STRICT, REQ("{\"VerifyMode\":\"BOGUS\"}"), 1),
                        "Value 'BOGUS' at 'options.verifyMode'" FAILED
                        "Member must satisfy enum value set: [POINT_IN_TIME_CONSISTENT, ONLY_FILES_TRANSFERRED, NONE]");
    assert_string_equal(message_of(DOC_REQUEST, STRICT, REQ("{\"VerifyMode\":\"BOGUS\"}"), 0),
                        "Value 'BOGUS' at 'options.verifyMode'" FAILED
                        "Member cannot be updated by UpdateTaskExecution; only BytesPerSecond can");
    assert_string_equal(message_of(DOC_OPTIONS, STRICT, "{\"SecurityDescriptorCopyFlags\":\"X\"}", 0),
                        "Value 'X' at 'securityDescriptorCopyFlags'" FAILED
                        "Member must satisfy enum value set: [NONE, OWNER_DACL, OWNER_DACL_SACL]");
    assert_string_equal(message_of(DOC_REQUEST, STRICT, "{\"Options\":{},\"TaskExecutionArn\":\"arn:x\"}", 0),
                        "Value 'arn:x' at 'taskExecutionArn'" FAILED
                        "Member must satisfy regular expression pattern: " PATTERN);
    assert_string_equal(message_of(DOC_REQUEST, STRICT, "{\"Options\":{}}", 0),
                        "Value null at 'taskExecutionArn'" FAILED "Member must not be null");
    assert_string_equal(message_of(DOC_REQUEST, STRICT, "{\"TaskExecutionArn\":\"" ARN "\"}", 0),
                        "Value null at 'options'" FAILED "Member must not be null");
    assert_string_equal(message_of(DOC_REQUEST, STRICT, REQ("{\"BytesPerSecond\":-2}"), 0),
                        "Value '-2' at 'options.bytesPerSecond'" FAILED
                        "Member must have value greater than or equal to -1");
    assert_string_equal(message_of(DOC_OPTIONS, STRICT, "{\"BytesPerSecond\":9223372036854775808}", 0),
                        "Value '9223372036854775808' at 'bytesPerSecond'" FAILED
                        "Member must have value less than or equal to 9223372036854775807");
    assert_string_equal(message_of(DOC_OPTIONS, WIRE, "{\"BytesPerSecond\":1e400}", 0),
                        "Value '1e400' at 'bytesPerSecond'" FAILED
                        "Member must have value less than or equal to 9223372036854775807");
}

static void type_messages(void **state)
{
    (void)state;
    assert_string_equal(message_of(DOC_OPTIONS, STRICT, "{\"Atime\":3}", 0),
                        "Value '3' at 'atime'" FAILED "Member must be a string");
    assert_string_equal(message_of(DOC_OPTIONS, STRICT, "{\"Atime\":true}", 0),
                        "Value 'true' at 'atime'" FAILED "Member must be a string");
    assert_string_equal(message_of(DOC_OPTIONS, STRICT, "{\"Atime\":[\"NONE\"]}", 0),
                        "Value '[...]' at 'atime'" FAILED "Member must be a string");
    assert_string_equal(message_of(DOC_OPTIONS, STRICT, "{\"BytesPerSecond\":\"5\"}", 0),
                        "Value '5' at 'bytesPerSecond'" FAILED "Member must be an integer");
    assert_string_equal(message_of(DOC_OPTIONS, STRICT, "{\"BytesPerSecond\":1.5}", 0),
                        "Value '1.5' at 'bytesPerSecond'" FAILED "Member must be an integer");
    assert_string_equal(message_of(DOC_REQUEST, STRICT, REQ("{\"LogLevel\":null}"), 1),
                        "Value null at 'options.logLevel'" FAILED "Member must not be null");
    assert_string_equal(message_of(DOC_REQUEST, STRICT, REQ("{\"x\":1}"), 0),
                        "Value 'x' at 'options'" FAILED
                        "Member name must satisfy enum value set: [VerifyMode, OverwriteMode, Atime, Mtime, "
                        "Uid, Gid, PreserveDeletedFiles, PreserveDevices, PosixPermissions, BytesPerSecond, "
                        "TaskQueueing, LogLevel, TransferMode, SecurityDescriptorCopyFlags, ObjectTags]");
    assert_string_equal(message_of(DOC_REQUEST, STRICT, "{\"Options\":{}, \"Options\":{}}", 0),
                        "Value 'Options'" FAILED "Member name must be unique");
    assert_string_equal(message_of(DOC_REQUEST, STRICT, "[]", 0),
                        "Value '[...]'" FAILED "Member must be an object");
    assert_string_equal(message_of(DOC_REQUEST, STRICT, REQ("{}") ",", 0),
                        "Malformed JSON: unexpected data after the JSON value");
    assert_string_equal(message_of(DOC_REQUEST, STRICT, "{\"Options\":{}, \"Foo\":1}", 0),
                        "Value 'Foo'" FAILED "Member name must satisfy enum value set: [TaskExecutionArn, Options]");
}

static void conflict_messages(void **state)
{
    (void)state;
    assert_string_equal(message_of(DOC_OPTIONS, STRICT, "{\"Atime\":\"BEST_EFFORT\",\"Mtime\":\"NONE\"}", 0),
                        "Value 'NONE' at 'mtime'" FAILED "Member must be PRESERVE when Atime is BEST_EFFORT");
    assert_string_equal(message_of(DOC_REQUEST, WIRE,
                                   REQ("{\"Atime\":\"NONE\",\"Mtime\":\"PRESERVE\"}"), 2),
                        "Value 'PRESERVE' at 'options.mtime'" FAILED "Member must be NONE when Atime is NONE");
    assert_string_equal(message_of(DOC_OPTIONS, STRICT,
                                   "{\"PreserveDeletedFiles\":\"REMOVE\",\"TransferMode\":\"ALL\"}", 0),
                        "Value 'ALL' at 'transferMode'" FAILED
                        "Member must not be ALL when PreserveDeletedFiles is REMOVE");
}

static void malformed_messages(void **state)
{
    dsx_config c = profile_config(STRICT);
    dsx_diag d;
    char buf[256];
    (void)state;
    assert_string_equal(message_of(DOC_JSON, STRICT, "[1,]", 0), "Malformed JSON: a trailing comma is not allowed");
    assert_string_equal(message_of(DOC_JSON, STRICT, "", 0),
                        "Malformed JSON: no JSON value: the input is empty or only whitespace");
    assert_string_equal(message_of(DOC_JSON, STRICT, "\"\xff\"", 0), "Invalid UTF-8: invalid UTF-8 byte sequence");
    assert_string_equal(message_of(DOC_JSON, STRICT, "\"\\uD800\"", 0),
                        "Malformed JSON: a lone surrogate in a \\u escape is not allowed");
    assert_string_equal(message_of(DOC_JSON, STRICT, "\xef\xbb\xbf{}", 0),
                        "Malformed JSON: a byte-order mark is not allowed");
    c.max_depth = 3;
    dsx_check_json("[[[[]]]]", 8, &c, &d);
    dsx_diag_message(&d, "[[[[]]]]", 8, buf, sizeof buf);
    assert_string_equal(buf, "Malformed JSON: nesting deeper than the limit (3 levels)");
    c.max_size = 4;
    dsx_check_json("[1,2]", 5, &c, &d);
    dsx_diag_message(&d, "[1,2]", 5, buf, sizeof buf);
    assert_string_equal(buf, "Malformed JSON: input larger than the limit (4 bytes)");
}

static void values_are_made_safe_and_cut(void **state)
{
    char doc[2048], want[2048];
    size_t i;
    (void)state;
    /* control characters, DEL, U+2028, backslash: escaped; other text raw */
    assert_string_equal(message_of(DOC_OPTIONS, STRICT,
                                   "{\"Uid\":\"a\\n\\t\\u0001\\u007f\\u2028\\\\\xc3\xa9\\\"\"}", 0),
                        "Value 'a\\n\\t\\u0001\\u007f\\u2028\\\\\xc3\xa9\"' at 'uid'" FAILED
                        "Member must satisfy enum value set: [NONE, INT_VALUE, NAME, BOTH]");
    /* names too */
    assert_string_equal(message_of(DOC_OPTIONS, STRICT, "{\"a\\rb\":1}", 0),
                        "Value 'a\\rb'" FAILED
                        "Member name must satisfy enum value set: [VerifyMode, OverwriteMode, Atime, Mtime, "
                        "Uid, Gid, PreserveDeletedFiles, PreserveDevices, PosixPermissions, BytesPerSecond, "
                        "TaskQueueing, LogLevel, TransferMode, SecurityDescriptorCopyFlags, ObjectTags]");
    /* at most DSX_MESSAGE_VALUE_MAX characters, then "..." */
    strcpy(doc, "{\"Uid\":\"");
    for (i = 0; i < 300; i++) strcat(doc, "\xc3\xa9");
    strcat(doc, "\"}");
    strcpy(want, "Value '");
    for (i = 0; i < DSX_MESSAGE_VALUE_MAX; i++) strcat(want, "\xc3\xa9");
    strcat(want, "...' at 'uid'" FAILED "Member must satisfy enum value set: [NONE, INT_VALUE, NAME, BOTH]");
    assert_string_equal(message_of(DOC_OPTIONS, STRICT, doc, 0), want);
    /* exactly DSX_MESSAGE_VALUE_MAX: no "..." */
    strcpy(doc, "{\"Uid\":\"");
    for (i = 0; i < DSX_MESSAGE_VALUE_MAX; i++) strcat(doc, "x");
    strcat(doc, "\"}");
    strcpy(want, "Value '");
    for (i = 0; i < DSX_MESSAGE_VALUE_MAX; i++) strcat(want, "x");
    strcat(want, "' at 'uid'" FAILED "Member must satisfy enum value set: [NONE, INT_VALUE, NAME, BOTH]");
    assert_string_equal(message_of(DOC_OPTIONS, STRICT, doc, 0), want);
    /* one more plain character than that: cut, wherever the plain run ends */
    strcpy(doc, "{\"Uid\":\"");
    for (i = 0; i <= DSX_MESSAGE_VALUE_MAX; i++) strcat(doc, "x");
    strcat(doc, "\"}");
    strcpy(want, "Value '");
    for (i = 0; i < DSX_MESSAGE_VALUE_MAX; i++) strcat(want, "x");
    strcat(want, "...' at 'uid'" FAILED "Member must satisfy enum value set: [NONE, INT_VALUE, NAME, BOTH]");
    assert_string_equal(message_of(DOC_OPTIONS, STRICT, doc, 0), want);
    /* a raw DEL after plain text is escaped like an escaped one */
    assert_string_equal(message_of(DOC_OPTIONS, STRICT, "{\"Uid\":\"ab\x7f\"}", 0),
                        "Value 'ab\\u007f' at 'uid'" FAILED
                        "Member must satisfy enum value set: [NONE, INT_VALUE, NAME, BOTH]");
    /* long numbers are cut the same way */
    strcpy(doc, "{\"BytesPerSecond\":");
    for (i = 0; i < 200; i++) strcat(doc, "9");
    strcat(doc, "}");
    strcpy(want, "Value '");
    for (i = 0; i < DSX_MESSAGE_VALUE_MAX; i++) strcat(want, "9");
    strcat(want, "...' at 'bytesPerSecond'" FAILED "Member must have value less than or equal to 9223372036854775807");
    assert_string_equal(message_of(DOC_OPTIONS, STRICT, doc, 0), want);
}

static void pointers(void **state)
{
    (void)state;
    assert_string_equal(pointer_of(DOC_REQUEST, STRICT, REQ("{\"VerifyMode\":1}"), 0), "/Options/VerifyMode");
    assert_string_equal(pointer_of(DOC_OPTIONS, STRICT, "{\"VerifyMode\":1}", 0), "/VerifyMode");
    assert_string_equal(pointer_of(DOC_REQUEST, STRICT, "{\"Options\":{}}", 0), "/TaskExecutionArn");
    assert_string_equal(pointer_of(DOC_REQUEST, STRICT, "7", 0), "");
    assert_string_equal(pointer_of(DOC_JSON, STRICT, "[", 0), "");
    /* RFC 6901: ~ becomes ~0 and / becomes ~1; escapes are decoded */
    assert_string_equal(pointer_of(DOC_OPTIONS, STRICT, "{\"a/b~c\":1}", 0), "/a~1b~0c");
    assert_string_equal(pointer_of(DOC_OPTIONS, STRICT, "{\"\\u007e\\/\\u00e9\":1}", 0), "/~0~1\xc3\xa9");
    assert_string_equal(pointer_of(DOC_REQUEST, STRICT, REQ("{\"\":1}"), 0), "/Options/");
    /* a duplicate shows the model's name, however it was written */
    assert_string_equal(pointer_of(DOC_OPTIONS, STRICT, "{\"Uid\":\"NAME\",\"\\u0055id\":1}", 0), "/Uid");
}

static void snprintf_semantics(void **state)
{
    static const char doc[] = "{\"Uid\":\"X\"}";
    dsx_config c = profile_config(STRICT);
    outcome *o = run_doc(DOC_OPTIONS, &c, doc, sizeof doc - 1);
    char full[512], small[16];
    size_t need;
    (void)state;
    need = dsx_diag_message(&o->items[0], doc, sizeof doc - 1, full, sizeof full);
    assert_int_equal(need, strlen(full));
    memset(small, '#', sizeof small);
    assert_int_equal(dsx_diag_message(&o->items[0], doc, sizeof doc - 1, small, sizeof small), need);
    assert_int_equal(small[15], '\0');
    assert_memory_equal(small, full, 15);
    /* too small by one: all but the last character */
    {
        char *exact = malloc(need);
        assert_int_equal(dsx_diag_message(&o->items[0], doc, sizeof doc - 1, exact, need), need);
        assert_int_equal(strlen(exact), need - 1);
        assert_memory_equal(exact, full, need - 1);
        free(exact);
    }
    assert_int_equal(dsx_diag_message(&o->items[0], doc, sizeof doc - 1, NULL, 0), need);
    assert_int_equal(dsx_diag_pointer(&o->items[0], doc, sizeof doc - 1, NULL, 0), 4);
}

static void another_input_is_never_read_past_its_end(void **state)
{
    static const char doc[] = "{\"Uid\":\"XYZ\",\"Foo\":1}";
    dsx_config c = profile_config(STRICT);
    outcome *o = run_doc(DOC_OPTIONS, &c, doc, sizeof doc - 1);
    char buf[512];
    (void)state;
    assert_int_equal(o->list.stored, 2);
    dsx_diag_message(&o->items[0], doc, 5, buf, sizeof buf);
    assert_string_equal(buf, "Value '?' at 'uid'" FAILED "Member must satisfy enum value set: [NONE, INT_VALUE, NAME, BOTH]");
    dsx_diag_pointer(&o->items[1], doc, 5, buf, sizeof buf);
    assert_string_equal(buf, "/?");
    dsx_diag_message(&o->items[1], doc, 5, buf, sizeof buf);
    assert_true(strncmp(buf, "Value '?'" FAILED, strlen("Value '?'" FAILED)) == 0);
}

static void summaries(void **state)
{
    static const char one[] = "{\"Options\":{}}";
    static const char two[] = "{\"Options\":{\"Uid\":\"X\"}}";
    dsx_config c = profile_config(STRICT);
    outcome *o;
    char buf[1024];
    (void)state;
    o = run_doc(DOC_REQUEST, &c, one, sizeof one - 1);
    dsx_summary(o->items, o->list.stored, o->list.errors, one, sizeof one - 1, buf, sizeof buf);
    assert_string_equal(buf, "1 validation error detected: Value null at 'taskExecutionArn'" FAILED
                             "Member must not be null");
    o = run_doc(DOC_REQUEST, &c, two, sizeof two - 1);
    dsx_summary(o->items, o->list.stored, o->list.errors, two, sizeof two - 1, buf, sizeof buf);
    assert_string_equal(buf, "3 validation errors detected: "
                             "Value 'X' at 'options.uid'" FAILED
                             "Member cannot be updated by UpdateTaskExecution; only BytesPerSecond can; "
                             "Value 'X' at 'options.uid'" FAILED
                             "Member must satisfy enum value set: [NONE, INT_VALUE, NAME, BOTH]; "
                             "Value null at 'taskExecutionArn'" FAILED "Member must not be null");
    /* warnings are left out */
    c = profile_config(WIRE);
    o = run_doc(DOC_REQUEST, &c, two, sizeof two - 1);
    dsx_summary(o->items, o->list.stored, o->list.errors, two, sizeof two - 1, buf, sizeof buf);
    assert_string_equal(buf, "2 validation errors detected: "
                             "Value 'X' at 'options.uid'" FAILED
                             "Member must satisfy enum value set: [NONE, INT_VALUE, NAME, BOTH]; "
                             "Value null at 'taskExecutionArn'" FAILED "Member must not be null");
}

static void code_names(void **state)
{
    static const char *const names[] = {"syntax", "utf8", "depth", "too_large", "type", "required",
                                        "unknown_member", "duplicate_member", "enum", "length",
                                        "pattern", "range", "conflict", "not_updatable"};
    int i;
    (void)state;
    for (i = 0; i < DSX_CODE_COUNT; i++) assert_string_equal(dsx_code_name((dsx_code)i), names[i]);
    assert_string_equal(dsx_code_name(DSX_CODE_COUNT), "unknown");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(schema_messages),
        cmocka_unit_test(type_messages),
        cmocka_unit_test(conflict_messages),
        cmocka_unit_test(malformed_messages),
        cmocka_unit_test(values_are_made_safe_and_cut),
        cmocka_unit_test(pointers),
        cmocka_unit_test(snprintf_semantics),
        cmocka_unit_test(another_input_is_never_read_past_its_end),
        cmocka_unit_test(summaries),
        cmocka_unit_test(code_names),
    };
    return cmocka_run_group_tests_name("spec 3: messages and pointers", tests, NULL, NULL);
}
