/*
 * Spec §3, the botocore message style: every line form botocore 1.43's
 * ParamValidator writes, Python's rendering of values and type names, our
 * own lines for what botocore does not check, and the report's order.
 * Expected strings were checked against json.loads + str() in Python.
 */
#include "helpers.h"

static const char *line_of(enum doc_kind kind, dsx_profile profile, const char *json,
                           size_t index)
{
    static char buf[4096];
    dsx_config c = profile_config(profile);
    outcome *o = run_doc(kind, &c, json, strlen(json));
    assert_true(index < o->list.stored);
    dsx_diag_message_styled(&o->items[index], DSX_STYLE_BOTOCORE, json, strlen(json),
                            buf, sizeof buf);
    return buf;
}

static const char *report_of(enum doc_kind kind, dsx_profile profile, const char *json)
{
    static char buf[8192];
    dsx_config c = profile_config(profile);
    outcome *o = run_doc(kind, &c, json, strlen(json));
    dsx_summary_styled(o->items, o->list.stored, o->list.errors, DSX_STYLE_BOTOCORE,
                       json, strlen(json), buf, sizeof buf);
    return buf;
}

#define OPTION_NAMES "VerifyMode, OverwriteMode, Atime, Mtime, Uid, Gid, PreserveDeletedFiles, " \
    "PreserveDevices, PosixPermissions, BytesPerSecond, TaskQueueing, LogLevel, TransferMode, " \
    "SecurityDescriptorCopyFlags, ObjectTags"

static void botocore_lines(void **state)
{
    (void)state;
    assert_string_equal(line_of(DOC_REQUEST, STRICT, "{\"Options\":{}}", 0),
                        "Missing required parameter in input: \"TaskExecutionArn\"");
    assert_string_equal(line_of(DOC_REQUEST, STRICT, "{\"Foo\":1,\"Options\":{},\"TaskExecutionArn\":\"" ARN "\"}", 0),
                        "Unknown parameter in input: \"Foo\", must be one of: TaskExecutionArn, Options");
    assert_string_equal(line_of(DOC_REQUEST, STRICT, REQ("{\"F\\u006fo\":1}"), 0),
                        "Unknown parameter in Options: \"Foo\", must be one of: " OPTION_NAMES);
    assert_string_equal(line_of(DOC_OPTIONS, STRICT, "{\"Foo\":1}", 0),
                        "Unknown parameter in input: \"Foo\", must be one of: " OPTION_NAMES);
    assert_string_equal(line_of(DOC_OPTIONS, STRICT, "{\"Atime\":3}", 0),
                        "Invalid type for parameter Atime, value: 3, type: <class 'int'>, "
                        "valid types: <class 'str'>");
    assert_string_equal(line_of(DOC_REQUEST, STRICT, REQ("{\"BytesPerSecond\":\"5\"}"), 0),
                        "Invalid type for parameter Options.BytesPerSecond, value: 5, "
                        "type: <class 'str'>, valid types: <class 'int'>");
    assert_string_equal(line_of(DOC_REQUEST, STRICT, "{\"TaskExecutionArn\":\"" ARN "\",\"Options\":[\"a\"]}", 0),
                        "Invalid type for parameter Options, value: ['a'], type: <class 'list'>, "
                        "valid types: <class 'dict'>");
    assert_string_equal(line_of(DOC_REQUEST, STRICT, "{\"TaskExecutionArn\":false,\"Options\":{}}", 0),
                        "Invalid type for parameter TaskExecutionArn, value: False, "
                        "type: <class 'bool'>, valid types: <class 'str'>");
    assert_string_equal(line_of(DOC_OPTIONS, STRICT, "{\"LogLevel\":null}", 0),
                        "Invalid type for parameter LogLevel, value: None, type: <class 'NoneType'>, "
                        "valid types: <class 'str'>");
    assert_string_equal(line_of(DOC_OPTIONS, STRICT, "{\"Uid\":{\"a\":1,\"b\":[true,null]}}", 0),
                        "Invalid type for parameter Uid, value: {'a': 1, 'b': [True, None]}, "
                        "type: <class 'dict'>, valid types: <class 'str'>");
    assert_string_equal(line_of(DOC_OPTIONS, STRICT, "{\"BytesPerSecond\":1.0}", 0),
                        "Invalid type for parameter BytesPerSecond, value: 1.0, type: <class 'float'>, "
                        "valid types: <class 'int'>");
    assert_string_equal(line_of(DOC_OPTIONS, STRICT, "{\"BytesPerSecond\":-2}", 0),
                        "Invalid value for parameter BytesPerSecond, value: -2, valid min value: -1");
    assert_string_equal(line_of(DOC_REQUEST, STRICT, REQ("{\"BytesPerSecond\":-2}"), 0),
                        "Invalid value for parameter Options.BytesPerSecond, value: -2, valid min value: -1");
    assert_string_equal(line_of(DOC_OPTIONS, STRICT, "{\"root\":1}", 0),
                        "Unknown parameter in input: \"root\", must be one of: " OPTION_NAMES);
    assert_string_equal(line_of(DOC_OPTIONS, STRICT, "[1]", 0),
                        "Invalid type for parameter input, value: [1], type: <class 'list'>, "
                        "valid types: <class 'dict'>");
}

/* Lines of our own, in the same voice. */
static void our_own_lines(void **state)
{
    (void)state;
    assert_string_equal(line_of(DOC_OPTIONS, STRICT, "{\"VerifyMode\":\"BOGUS\"}", 0),
                        "Invalid value for parameter VerifyMode, value: BOGUS, valid values: "
                        "POINT_IN_TIME_CONSISTENT, ONLY_FILES_TRANSFERRED, NONE");
    assert_string_equal(line_of(DOC_REQUEST, STRICT,
                                "{\"TaskExecutionArn\":\"" ARN "0123456789abcdef0123456789abcd\",\"Options\":{}}", 0),
                        "Invalid length for parameter TaskExecutionArn, value: 130, valid max length: 128");
    assert_string_equal(line_of(DOC_REQUEST, STRICT, "{\"TaskExecutionArn\":\"arn:x\",\"Options\":{}}", 0),
                        "Invalid value for parameter TaskExecutionArn, value: arn:x, valid pattern: "
                        "^arn:(aws|aws-cn|aws-us-gov|aws-eusc|aws-iso|aws-iso-b):datasync:[a-z\\-0-9]+:"
                        "[0-9]{12}:task/task-[0-9a-f]{17}/execution/exec-[0-9a-f]{17}$");
    assert_string_equal(line_of(DOC_OPTIONS, STRICT, "{\"BytesPerSecond\":9223372036854775808}", 0),
                        "Invalid value for parameter BytesPerSecond, value: 9223372036854775808, "
                        "valid max value: 9223372036854775807");
    assert_string_equal(line_of(DOC_OPTIONS, WIRE, "{\"BytesPerSecond\":9.3e18}", 0),
                        "Invalid value for parameter BytesPerSecond, value: 9.3e+18, "
                        "valid max value: 9223372036854775807");
    assert_string_equal(line_of(DOC_REQUEST, STRICT, REQ("{\"BytesPerSecond\":1,\"Byt\\u0065sPerSecond\":2}"), 0),
                        "Duplicate parameter in Options: \"BytesPerSecond\", each parameter may appear only once");
    assert_string_equal(line_of(DOC_OPTIONS, STRICT, "{\"Atime\":\"NONE\",\"Mtime\":\"PRESERVE\"}", 0),
                        "Invalid value for parameter Mtime, value: PRESERVE, valid values when Atime is NONE: NONE");
    assert_string_equal(line_of(DOC_OPTIONS, STRICT, "{\"Atime\":\"BEST_EFFORT\",\"Mtime\":\"NONE\"}", 0),
                        "Invalid value for parameter Mtime, value: NONE, valid values when Atime is "
                        "BEST_EFFORT: PRESERVE");
    assert_string_equal(line_of(DOC_OPTIONS, STRICT, "{\"TransferMode\":\"ALL\",\"PreserveDeletedFiles\":\"REMOVE\"}", 0),
                        "Invalid value for parameter TransferMode, value: ALL, valid values when "
                        "PreserveDeletedFiles is REMOVE: CHANGED");
    assert_string_equal(line_of(DOC_REQUEST, STRICT, REQ("{\"LogLevel\":\"OFF\"}"), 0),
                        "Parameter Options.LogLevel cannot be updated by UpdateTaskExecution, "
                        "value: OFF, updatable parameters: Options.BytesPerSecond");
    assert_string_equal(line_of(DOC_OPTIONS, STRICT, "{\"x\":1} [", 0),
                        "Malformed JSON: unexpected data after the JSON value");
}

/* str() at the top, repr() inside containers; floats as Python's repr. */
static void python_values(void **state)
{
    static const struct { const char *value, *shown; } cases[] = {
        { "\"plain\"", "plain" },
        { "\"tab\\there\"", "tab\\there" },           /* made safe at the top */
        { "-0", "0" },
        { "123456789012345678901234567890", "123456789012345678901234567890" },
        { "1.5", "1.5" }, { "1e3", "1000.0" }, { "1E+3", "1000.0" }, { "100e-2", "1.0" },
        { "-0.0", "-0.0" }, { "0e5", "0.0" }, { "0.0001", "0.0001" }, { "0.00001", "1e-05" },
        { "1e16", "1e+16" }, { "1e15", "1000000000000000.0" }, { "123.456e-300", "1.23456e-298" },
        { "1e400", "inf" }, { "-1e400", "-inf" }, { "1e-400", "0.0" },
        { "1.7976931348623157e308", "1.7976931348623157e+308" },
        { "1.79769313486232e308", "inf" }, { "12345678901234.5", "12345678901234.5" },
        /* more than 15 digits, subnormals, the edges of the range: exact */
        { "0.1000000000000000055511151231257827", "0.1" }, { "0.30000000000000004", "0.30000000000000004" },
        { "123456789012345678901234567890.0", "1.2345678901234568e+29" },
        { "2.4703282292062328e-324", "5e-324" }, { "2.4703282292062327e-324", "0.0" },
        { "2.2250738585072011e-308", "2.225073858507201e-308" }, { "1e-323", "1e-323" },
        { "1.7976931348623158e308", "1.7976931348623157e+308" }, { "1.7976931348623159e308", "inf" },
        { "9007199254740993.0", "9007199254740992.0" }, { "8.41e21", "8.41e+21" },
        { "true", "True" }, { "false", "False" },
        { "[]", "[]" }, { "{}", "{}" },
        { "[\"a'b\", \"a\\\"b'\", \"\\u0001\\u007f\\u00a0\\u00e9\\u2028\\ud83d\\ude00\", \"\\\\\"]",
          "[\"a'b\", 'a\"b\\'', '\\x01\\x7f\\xa0\xc3\xa9\\u2028\xf0\x9f\x98\x80', '\\\\']" },
        { "{\"k\":{\"n\":[1,2.50,-3e-2]}}", "{'k': {'n': [1, 2.5, -0.03]}}" },
    };
    char doc[512], want[512];
    size_t i;
    (void)state;
    /* Uid takes only strings, BytesPerSecond no string: a type error either way. */
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *member = cases[i].value[0] == '"' ? "BytesPerSecond" : "Uid";
        snprintf(doc, sizeof doc, "{\"%s\":%s}", member, cases[i].value);
        snprintf(want, sizeof want, "Invalid type for parameter %s, value: %s, type: <class '",
                 member, cases[i].shown);
        assert_memory_equal(line_of(DOC_OPTIONS, STRICT, doc, 0), want, strlen(want));
    }
}

static void long_values_are_cut(void **state)
{
    char doc[1024], want[512];
    size_t i, at;
    (void)state;
    at = (size_t)sprintf(doc, "{\"Uid\":[");
    for (i = 0; i < 100; i++) at += (size_t)sprintf(doc + at, "%s\"abc\"", i ? "," : "");
    strcpy(doc + at, "]}");
    /* ['abc', 'abc', ... cut after 128 characters. */
    at = (size_t)sprintf(want, "Invalid type for parameter Uid, value: [");
    for (i = 0; at < 39 + 128; i++) at += (size_t)sprintf(want + at, "%s'abc'", i ? ", " : "");
    want[39 + 128] = '\0';
    strcat(want, "..., type: <class 'list'>, valid types: <class 'str'>");
    assert_string_equal(line_of(DOC_OPTIONS, STRICT, doc, 0), want);
}

/* Botocore's order: required, unknown names, then members; Options nested. */
static void report_order(void **state)
{
    (void)state;
    assert_string_equal(
        report_of(DOC_REQUEST, STRICT,
                  "{\"Options\":{\"BytesPerSecond\":-2,\"Foo\":1,\"Atime\":\"NONE\",\"Mtime\":\"PRESERVE\"},\"Bar\":2}"),
        "Parameter validation failed:\n"
        "Missing required parameter in input: \"TaskExecutionArn\"\n"
        "Unknown parameter in input: \"Bar\", must be one of: TaskExecutionArn, Options\n"
        "Unknown parameter in Options: \"Foo\", must be one of: " OPTION_NAMES "\n"
        "Invalid value for parameter Options.BytesPerSecond, value: -2, valid min value: -1\n"
        "Parameter Options.Atime cannot be updated by UpdateTaskExecution, value: NONE, "
        "updatable parameters: Options.BytesPerSecond\n"
        "Parameter Options.Mtime cannot be updated by UpdateTaskExecution, value: PRESERVE, "
        "updatable parameters: Options.BytesPerSecond\n"
        "Invalid value for parameter Options.Mtime, value: PRESERVE, valid values when "
        "Options.Atime is NONE: NONE");
    assert_string_equal(
        report_of(DOC_REQUEST, STRICT, "{\"Options\":{\"X\":1},\"TaskExecutionArn\":\"a\"}"),
        "Parameter validation failed:\n"
        "Unknown parameter in Options: \"X\", must be one of: " OPTION_NAMES "\n"
        "Invalid value for parameter TaskExecutionArn, value: a, valid pattern: "
        "^arn:(aws|aws-cn|aws-us-gov|aws-eusc|aws-iso|aws-iso-b):datasync:[a-z\\-0-9]+:"
        "[0-9]{12}:task/task-[0-9a-f]{17}/execution/exec-[0-9a-f]{17}$");
    assert_string_equal(
        report_of(DOC_OPTIONS, STRICT,
                  "{\"TransferMode\":\"ALL\",\"PreserveDeletedFiles\":\"REMOVE\",\"Q\":1,\"Gid\":2}"),
        "Parameter validation failed:\n"
        "Unknown parameter in input: \"Q\", must be one of: " OPTION_NAMES "\n"
        "Invalid type for parameter Gid, value: 2, type: <class 'int'>, valid types: <class 'str'>\n"
        "Invalid value for parameter TransferMode, value: ALL, valid values when "
        "PreserveDeletedFiles is REMOVE: CHANGED");
    /* Warnings are not errors: not in the report. */
    assert_string_equal(report_of(DOC_REQUEST, WIRE, REQ("{\"LogLevel\":\"OFF\",\"BytesPerSecond\":-5}")),
                        "Parameter validation failed:\n"
                        "Invalid value for parameter Options.BytesPerSecond, value: -5, valid min value: -1");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(botocore_lines),
        cmocka_unit_test(our_own_lines),
        cmocka_unit_test(python_values),
        cmocka_unit_test(long_values_are_cut),
        cmocka_unit_test(report_order),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
