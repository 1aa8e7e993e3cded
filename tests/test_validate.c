/*
 * Spec §1-§3: the schema. Every diagnostic code, every row of the profile
 * table, escapes, duplicates, int64 edges, wire-profile numbers, the
 * cross-member rules, not_updatable, a full diagnostics array, typed results.
 *
 * A diagnostic's offset is where the value its pointer designates starts;
 * a missing member's is the closing brace of the object that lacks it.
 * In REQ(...) documents the Options object starts at offset 133.
 */
#include "helpers.h"
#include "internal.h"

#define REQ_OK(options) EXPECT(DOC_REQUEST, STRICT, REQ(options), DSX_VALID, "")
#define OPT(profile, text, result, want) EXPECT(DOC_OPTIONS, profile, text, result, want)

/* ---- §3 worked examples, in the spec's order ---- */

static void spec_worked_examples(void **state)
{
    (void)state;
    EXPECT(DOC_REQUEST, STRICT, REQ("{\"BytesPerSecond\":1048576}"), DSX_VALID, "");
    EXPECT(DOC_REQUEST, STRICT, REQ("{}"), DSX_VALID, "");
    EXPECT(DOC_REQUEST, STRICT, "{\"Options\":{\"BytesPerSecond\":-2,\"VerifyMode\":\"NONE\",\"Foo\":1}}",
           DSX_INVALID,
           "range /Options/BytesPerSecond 29 1:30; not_updatable /Options/VerifyMode 45 1:46; "
           "unknown_member /Options/Foo 58 1:59; required /TaskExecutionArn 60 1:61");
    EXPECT(DOC_REQUEST, WIRE, REQ("{\"BytesPerSecond\":1e3,\"VerifyMode\":\"NONE\",\"Foo\":1}"),
           DSX_VALID, "not_updatable /Options/VerifyMode 168 1:169 (w)");
    EXPECT(DOC_REQUEST, STRICT, REQ("{\"BytesPerSecond\":5,\"\\u0042ytesPerSecond\":6}"),
           DSX_INVALID, "duplicate_member /Options/BytesPerSecond 175 1:176");
    OPT(STRICT, "{\"Atime\":\"NONE\",\"Mtime\":\"PRESERVE\",\"PreserveDeletedFiles\":\"REMOVE\",\"TransferMode\":\"ALL\"}",
        DSX_INVALID, "conflict /Mtime 24 1:25; conflict /TransferMode 82 1:83");
    OPT(STRICT, "{\"Atime\":\"none\",\"Mtime\":\"PRESERVE\",\"LogLevel\":null}",
        DSX_INVALID, "enum /Atime 9 1:10; type /LogLevel 46 1:47");
    OPT(WIRE, "{\"LogLevel\":null,\"Uid\":\"NAME\",\"X\":[1,{\"y\":null}]}", DSX_VALID, "");
    EXPECT(DOC_REQUEST, STRICT,
           "{\"TaskExecutionArn\":\"arn:aws:datasync:us-east-1:1234:task/x\",\"Options\":[]}",
           DSX_INVALID, "pattern /TaskExecutionArn 20 1:21; type /Options 71 1:72");
    EXPECT(DOC_REQUEST, STRICT, REQ("{}") " x", DSX_MALFORMED, "syntax  137 1:138");
}

/* ---- type ---- */

static void type_errors(void **state)
{
    (void)state;
    EXPECT(DOC_REQUEST, STRICT, "[]", DSX_INVALID, "type  0 1:1");
    EXPECT(DOC_REQUEST, STRICT, " \"x\" ", DSX_INVALID, "type  1 1:2");
    OPT(STRICT, "42", DSX_INVALID, "type  0 1:1");
    OPT(STRICT, "null", DSX_INVALID, "type  0 1:1");
    EXPECT(DOC_REQUEST, STRICT, REQ("\"x\""), DSX_INVALID, "type /Options 133 1:134");
    EXPECT(DOC_REQUEST, STRICT, REQ("[{\"VerifyMode\":1}]"), DSX_INVALID, "type /Options 133 1:134");
    EXPECT(DOC_REQUEST, STRICT, "{\"TaskExecutionArn\":5,\"Options\":{}}", DSX_INVALID,
           "type /TaskExecutionArn 20 1:21");
    EXPECT(DOC_REQUEST, STRICT, "{\"TaskExecutionArn\":[\"" ARN "\"],\"Options\":{}}", DSX_INVALID,
           "type /TaskExecutionArn 20 1:21");
    OPT(STRICT, "{\"Atime\":3}", DSX_INVALID, "type /Atime 9 1:10");
    OPT(STRICT, "{\"Atime\":true}", DSX_INVALID, "type /Atime 9 1:10");
    OPT(STRICT, "{\"Atime\":[\"NONE\"]}", DSX_INVALID, "type /Atime 9 1:10");
    OPT(STRICT, "{\"Atime\":{\"NONE\":1}}", DSX_INVALID, "type /Atime 9 1:10");
    OPT(STRICT, "{\"BytesPerSecond\":\"5\"}", DSX_INVALID, "type /BytesPerSecond 18 1:19");
    OPT(STRICT, "{\"BytesPerSecond\":false}", DSX_INVALID, "type /BytesPerSecond 18 1:19");
    OPT(STRICT, "{\"BytesPerSecond\":[1]}", DSX_INVALID, "type /BytesPerSecond 18 1:19");
}

/* ---- profile table, row by row ---- */

static void unknown_member_row(void **state)
{
    (void)state;
    OPT(STRICT, "{\"Foo\":1,\"Bar\":{\"a\":[1]}}", DSX_INVALID,
        "unknown_member /Foo 7 1:8; unknown_member /Bar 15 1:16");
    OPT(WIRE, "{\"Foo\":1,\"Bar\":{\"a\":[1]}}", DSX_VALID, "");
    EXPECT(DOC_REQUEST, STRICT, "{\"X\":null," "\"TaskExecutionArn\":\"" ARN "\",\"Options\":{}}",
           DSX_INVALID, "unknown_member /X 5 1:6");
    /* reported at each occurrence; never a duplicate */
    OPT(STRICT, "{\"Foo\":1,\"Foo\":2}", DSX_INVALID,
        "unknown_member /Foo 7 1:8; unknown_member /Foo 15 1:16");
    OPT(WIRE, "{\"Foo\":1,\"Foo\":2}", DSX_VALID, "");
    /* case matters: verifyMode is not VerifyMode */
    OPT(STRICT, "{\"verifyMode\":\"NONE\"}", DSX_INVALID, "unknown_member /verifyMode 14 1:15");
    /* skipped values must still be well-formed */
    OPT(WIRE, "{\"Foo\":[1,}", DSX_MALFORMED, "syntax  10 1:11");
}

static void null_row(void **state)
{
    (void)state;
    OPT(STRICT, "{\"VerifyMode\":null,\"BytesPerSecond\":null}", DSX_INVALID,
        "type /VerifyMode 14 1:15; type /BytesPerSecond 36 1:37");
    OPT(WIRE, "{\"VerifyMode\":null,\"BytesPerSecond\":null}", DSX_VALID, "");
    EXPECT(DOC_REQUEST, STRICT, "{\"TaskExecutionArn\":null,\"Options\":null}", DSX_INVALID,
           "type /TaskExecutionArn 20 1:21; type /Options 35 1:36");
    /* wire: null is absent, so the required members are missing */
    EXPECT(DOC_REQUEST, WIRE, "{\"TaskExecutionArn\":null,\"Options\":null}", DSX_INVALID,
           "required /TaskExecutionArn 39 1:40; required /Options 39 1:40");
}

static void integral_number_row(void **state)
{
    static const char *const accepted[] = {"1.0", "1e3", "1E+3", "1048576.000", "-1e0",
                                           "100e-2", "0.0", "-0", "-0.0", "0e-400", "1.5e1",
                                           "9223372036854775807.0", "92233720368547758.07e2"};
    static const int64_t values[] = {1, 1000, 1000, 1048576, -1, 1, 0, 0, 0, 0, 15,
                                     INT64_MAX, INT64_MAX};
    size_t i;
    (void)state;
    for (i = 0; i < sizeof accepted / sizeof accepted[0]; i++) {
        char doc[96];
        dsx_config wire = profile_config(WIRE), strict = profile_config(STRICT);
        outcome *o;
        int n = snprintf(doc, sizeof doc, "{\"BytesPerSecond\":%s}", accepted[i]);
        o = run_doc(DOC_OPTIONS, &wire, doc, (size_t)n);
        assert_int_equal(o->result, DSX_VALID);
        assert_true(o->options.present & DSX_BIT(DSX_OPT_BYTES_PER_SECOND));
        assert_true(o->options.bytes_per_second == values[i]);
        o = run_doc(DOC_OPTIONS, &strict, doc, (size_t)n);
        if (strchr(accepted[i], '.') || strchr(accepted[i], 'e') || strchr(accepted[i], 'E'))
            assert_string_equal(o->text, "type /BytesPerSecond 18 1:19");
        else
            assert_string_equal(o->text, "");
    }
    /* non-integer values are type, integers out of range are range */
    OPT(WIRE, "{\"BytesPerSecond\":0.5}", DSX_INVALID, "type /BytesPerSecond 18 1:19");
    OPT(WIRE, "{\"BytesPerSecond\":1e-400}", DSX_INVALID, "type /BytesPerSecond 18 1:19");
    OPT(WIRE, "{\"BytesPerSecond\":-1.5}", DSX_INVALID, "type /BytesPerSecond 18 1:19");
    OPT(WIRE, "{\"BytesPerSecond\":1.0000000000000000000001}", DSX_INVALID,
        "type /BytesPerSecond 18 1:19");
    OPT(WIRE, "{\"BytesPerSecond\":1e400}", DSX_INVALID, "range /BytesPerSecond 18 1:19");
    OPT(WIRE, "{\"BytesPerSecond\":9.3e18}", DSX_INVALID, "range /BytesPerSecond 18 1:19");
    OPT(WIRE, "{\"BytesPerSecond\":-2e0}", DSX_INVALID, "range /BytesPerSecond 18 1:19");
    OPT(WIRE, "{\"BytesPerSecond\":-1e400}", DSX_INVALID, "range /BytesPerSecond 18 1:19");
    OPT(WIRE, "{\"BytesPerSecond\":9223372036854775808.0}", DSX_INVALID,
        "range /BytesPerSecond 18 1:19");
    OPT(WIRE, "{\"BytesPerSecond\":1e99999999999999999999999}", DSX_INVALID,
        "range /BytesPerSecond 18 1:19");
    OPT(WIRE, "{\"BytesPerSecond\":1e-99999999999999999999999}", DSX_INVALID,
        "type /BytesPerSecond 18 1:19");
    OPT(STRICT, "{\"BytesPerSecond\":1e400}", DSX_INVALID, "type /BytesPerSecond 18 1:19");
}

static void not_updatable_row(void **state)
{
    (void)state;
    EXPECT(DOC_REQUEST, STRICT, REQ("{\"VerifyMode\":\"NONE\",\"BytesPerSecond\":1}"), DSX_INVALID,
           "not_updatable /Options/VerifyMode 147 1:148");
    EXPECT(DOC_REQUEST, WIRE, REQ("{\"VerifyMode\":\"NONE\",\"BytesPerSecond\":1}"), DSX_VALID,
           "not_updatable /Options/VerifyMode 147 1:148 (w)");
    /* in addition to a problem with the value */
    EXPECT(DOC_REQUEST, STRICT, REQ("{\"LogLevel\":\"LOUD\"}"), DSX_INVALID,
           "not_updatable /Options/LogLevel 145 1:146; enum /Options/LogLevel 145 1:146");
    EXPECT(DOC_REQUEST, WIRE, REQ("{\"LogLevel\":\"LOUD\"}"), DSX_INVALID,
           "not_updatable /Options/LogLevel 145 1:146 (w); enum /Options/LogLevel 145 1:146");
    /* null: present in strict, absent in wire */
    EXPECT(DOC_REQUEST, STRICT, REQ("{\"LogLevel\":null}"), DSX_INVALID,
           "not_updatable /Options/LogLevel 145 1:146; type /Options/LogLevel 145 1:146");
    EXPECT(DOC_REQUEST, WIRE, REQ("{\"LogLevel\":null}"), DSX_VALID, "");
    /* first occurrence only */
    EXPECT(DOC_REQUEST, WIRE, REQ("{\"Uid\":\"NAME\",\"Uid\":\"BOTH\"}"), DSX_INVALID,
           "not_updatable /Options/Uid 140 1:141 (w); duplicate_member /Options/Uid 153 1:154");
    /* every option may be set in a bare Options document */
    OPT(STRICT, "{\"VerifyMode\":\"NONE\",\"LogLevel\":\"BASIC\"}", DSX_VALID, "");
    /* the warning severity can be chosen alone */
    {
        dsx_config c = profile_config(STRICT);
        outcome *o;
        c.not_updatable = DSX_SEVERITY_WARNING;
        o = run_doc(DOC_REQUEST, &c, REQ("{\"Gid\":\"NAME\"}"), sizeof REQ("{\"Gid\":\"NAME\"}") - 1);
        assert_string_equal(o->text, "not_updatable /Options/Gid 140 1:141 (w)");
        assert_int_equal(o->result, DSX_VALID);
        assert_int_equal(o->list.errors, 0);
        assert_int_equal(o->list.warnings, 1);
    }
}

static void settings_apply_one_at_a_time(void **state)
{
    dsx_config c = profile_config(STRICT);
    outcome *o;
    static const char doc[] = "{\"Foo\":1,\"Uid\":null,\"BytesPerSecond\":1e3}";
    (void)state;
    c.unknown_members = DSX_UNKNOWN_SKIP;
    o = run_doc(DOC_OPTIONS, &c, doc, sizeof doc - 1);
    assert_string_equal(o->text, "type /Uid 15 1:16; type /BytesPerSecond 37 1:38");
    c.null_values = DSX_NULL_ABSENT;
    o = run_doc(DOC_OPTIONS, &c, doc, sizeof doc - 1);
    assert_string_equal(o->text, "type /BytesPerSecond 37 1:38");
    c.numbers = DSX_NUMBER_INTEGRAL_VALUE;
    o = run_doc(DOC_OPTIONS, &c, doc, sizeof doc - 1);
    assert_string_equal(o->text, "");
    assert_int_equal(o->options.bytes_per_second, 1000);
}

/* ---- required, duplicate ---- */

static void required_members(void **state)
{
    (void)state;
    EXPECT(DOC_REQUEST, STRICT, "{}", DSX_INVALID,
           "required /TaskExecutionArn 1 1:2; required /Options 1 1:2");
    EXPECT(DOC_REQUEST, STRICT, "{\"TaskExecutionArn\":\"" ARN "\"}", DSX_INVALID,
           "required /Options 122 1:123");
    EXPECT(DOC_REQUEST, STRICT, "{\n  \"Options\": {}\n}\n", DSX_INVALID,
           "required /TaskExecutionArn 18 3:1");
    /* a present member with a bad value is not also missing */
    EXPECT(DOC_REQUEST, STRICT, "{\"TaskExecutionArn\":1,\"Options\":2}", DSX_INVALID,
           "type /TaskExecutionArn 20 1:21; type /Options 32 1:33");
}

static void duplicates_known_and_unknown(void **state)
{
    (void)state;
    OPT(STRICT, "{\"Uid\":\"NAME\",\"Uid\":\"BOGUS\"}", DSX_INVALID, "duplicate_member /Uid 20 1:21");
    /* the repeat's value is not checked, even when its type is wrong */
    OPT(STRICT, "{\"Uid\":\"NAME\",\"Uid\":[1,2]}", DSX_INVALID, "duplicate_member /Uid 20 1:21");
    /* compared after escapes are decoded */
    OPT(STRICT, "{\"VerifyMode\":\"NONE\",\"\\u0056erifyMode\":\"NONE\"}", DSX_INVALID,
        "duplicate_member /VerifyMode 39 1:40");
    OPT(WIRE, "{\"\\u0055id\":\"NAME\",\"U\\u0069\\u0064\":\"NAME\"}", DSX_INVALID,
        "duplicate_member /Uid 35 1:36");
    /* a first occurrence with an invalid value still counts */
    OPT(STRICT, "{\"Uid\":1,\"Uid\":\"NAME\"}", DSX_INVALID,
        "type /Uid 7 1:8; duplicate_member /Uid 15 1:16");
    /* unknown repeats are not duplicates in either profile */
    OPT(WIRE, "{\"X\":1,\"X\":1,\"Uid\":\"NAME\"}", DSX_VALID, "");
    EXPECT(DOC_REQUEST, STRICT, REQ("{}") , DSX_VALID, "");
    EXPECT(DOC_REQUEST, STRICT, "{\"Options\":{},\"Options\":{\"VerifyMode\":\"BAD\"},\"TaskExecutionArn\":\"" ARN "\"}",
           DSX_INVALID, "duplicate_member /Options 24 1:25");
    /* wire: a first null counts as absent, the repeat is still a duplicate */
    OPT(WIRE, "{\"Uid\":null,\"Uid\":\"NAME\"}", DSX_INVALID, "duplicate_member /Uid 18 1:19");
}

/* ---- enum, escapes ---- */

static void enum_values(void **state)
{
    (void)state;
    OPT(STRICT, "{\"VerifyMode\":\"BOGUS\"}", DSX_INVALID, "enum /VerifyMode 14 1:15");
    OPT(STRICT, "{\"VerifyMode\":\"\"}", DSX_INVALID, "enum /VerifyMode 14 1:15");
    OPT(STRICT, "{\"VerifyMode\":\"NONE \"}", DSX_INVALID, "enum /VerifyMode 14 1:15");
    OPT(STRICT, "{\"VerifyMode\":\"POINT_IN_TIME_CONSISTENTX\"}", DSX_INVALID,
        "enum /VerifyMode 14 1:15");
    /* a value of another member is not accepted */
    OPT(STRICT, "{\"OverwriteMode\":\"NONE\"}", DSX_INVALID, "enum /OverwriteMode 17 1:18");
    /* escapes are decoded before comparing */
    OPT(STRICT, "{\"VerifyMode\":\"\\u004eONE\",\"Uid\":\"B\\u004fTH\",\"LogLevel\":\"\\u004F\\u0046F\"}",
        DSX_VALID, "");
    OPT(STRICT, "{\"V\\u0065rifyMode\":\"NON\\u0045\"}", DSX_VALID, "");
    OPT(STRICT, "{\"VerifyMode\":\"N\\u004f\\u004e\\u0045\\u0000\"}", DSX_INVALID,
        "enum /VerifyMode 14 1:15");
    OPT(STRICT, "{\"VerifyMode\":\"N\xc3\x93NE\"}", DSX_INVALID, "enum /VerifyMode 14 1:15");
}

static void every_enum_value_is_accepted(void **state)
{
    static const char *const docs[] = {
        "{\"VerifyMode\":\"POINT_IN_TIME_CONSISTENT\"}", "{\"VerifyMode\":\"ONLY_FILES_TRANSFERRED\"}",
        "{\"VerifyMode\":\"NONE\"}", "{\"OverwriteMode\":\"ALWAYS\"}", "{\"OverwriteMode\":\"NEVER\"}",
        "{\"Atime\":\"NONE\"}", "{\"Atime\":\"BEST_EFFORT\"}", "{\"Mtime\":\"NONE\"}",
        "{\"Mtime\":\"PRESERVE\"}", "{\"Uid\":\"NONE\"}", "{\"Uid\":\"INT_VALUE\"}", "{\"Uid\":\"NAME\"}",
        "{\"Uid\":\"BOTH\"}", "{\"Gid\":\"NONE\"}", "{\"Gid\":\"INT_VALUE\"}", "{\"Gid\":\"NAME\"}",
        "{\"Gid\":\"BOTH\"}", "{\"PreserveDeletedFiles\":\"PRESERVE\"}",
        "{\"PreserveDeletedFiles\":\"REMOVE\"}", "{\"PreserveDevices\":\"NONE\"}",
        "{\"PreserveDevices\":\"PRESERVE\"}", "{\"PosixPermissions\":\"NONE\"}",
        "{\"PosixPermissions\":\"PRESERVE\"}", "{\"TaskQueueing\":\"ENABLED\"}",
        "{\"TaskQueueing\":\"DISABLED\"}", "{\"LogLevel\":\"OFF\"}", "{\"LogLevel\":\"BASIC\"}",
        "{\"LogLevel\":\"TRANSFER\"}", "{\"TransferMode\":\"CHANGED\"}", "{\"TransferMode\":\"ALL\"}",
        "{\"SecurityDescriptorCopyFlags\":\"NONE\"}", "{\"SecurityDescriptorCopyFlags\":\"OWNER_DACL\"}",
        "{\"SecurityDescriptorCopyFlags\":\"OWNER_DACL_SACL\"}", "{\"ObjectTags\":\"PRESERVE\"}",
        "{\"ObjectTags\":\"NONE\"}",
    };
    size_t i;
    dsx_config c = profile_config(STRICT);
    (void)state;
    for (i = 0; i < sizeof docs / sizeof docs[0]; i++) {
        outcome *o = run_doc(DOC_OPTIONS, &c, docs[i], strlen(docs[i]));
        assert_string_equal(o->text, "");
        assert_int_equal(o->result, DSX_VALID);
    }
}

/* ---- ARN: length and pattern ---- */

static void arn_checks(void **state)
{
    (void)state;
    /* every partition */
    REQ_OK("{}");
    EXPECT(DOC_REQUEST, STRICT, "{\"Options\":{},\"TaskExecutionArn\":\"arn:aws-cn:datasync:cn-north-1:123456789012:task/task-0123456789abcdef0/execution/exec-0123456789abcdef0\"}", DSX_VALID, "");
    EXPECT(DOC_REQUEST, STRICT, "{\"Options\":{},\"TaskExecutionArn\":\"arn:aws-us-gov:datasync:us-gov-west-1:123456789012:task/task-0123456789abcdef0/execution/exec-0123456789abcdef0\"}", DSX_VALID, "");
    EXPECT(DOC_REQUEST, STRICT, "{\"Options\":{},\"TaskExecutionArn\":\"arn:aws-eusc:datasync:eusc-de-east-1:123456789012:task/task-0123456789abcdef0/execution/exec-0123456789abcdef0\"}", DSX_VALID, "");
    EXPECT(DOC_REQUEST, STRICT, "{\"Options\":{},\"TaskExecutionArn\":\"arn:aws-iso:datasync:us-iso-east-1:123456789012:task/task-0123456789abcdef0/execution/exec-0123456789abcdef0\"}", DSX_VALID, "");
    EXPECT(DOC_REQUEST, STRICT, "{\"Options\":{},\"TaskExecutionArn\":\"arn:aws-iso-b:datasync:us-isob-east-1:123456789012:task/task-0123456789abcdef0/execution/exec-0123456789abcdef0\"}", DSX_VALID, "");
    /* escapes are decoded first */
    EXPECT(DOC_REQUEST, STRICT, "{\"Options\":{},\"TaskExecutionArn\":\"\\u0061rn:aws:datasync:us-east-1:123456789012:task\\/task-0123456789abcdef0/execution/exec-0123456789abcdef0\"}", DSX_VALID, "");
    /* pattern failures */
#define ARN_BAD(arn) EXPECT(DOC_REQUEST, STRICT, "{\"Options\":{},\"TaskExecutionArn\":\"" arn "\"}", \
                            DSX_INVALID, "pattern /TaskExecutionArn 33 1:34")
    ARN_BAD("");
    ARN_BAD("arn:aws-xx:datasync:us-east-1:123456789012:task/task-0123456789abcdef0/execution/exec-0123456789abcdef0");
    ARN_BAD("arn:AWS:datasync:us-east-1:123456789012:task/task-0123456789abcdef0/execution/exec-0123456789abcdef0");
    ARN_BAD("arn:aws:datasync::123456789012:task/task-0123456789abcdef0/execution/exec-0123456789abcdef0");
    ARN_BAD("arn:aws:datasync:US-EAST-1:123456789012:task/task-0123456789abcdef0/execution/exec-0123456789abcdef0");
    ARN_BAD("arn:aws:datasync:us-east-1:12345678901:task/task-0123456789abcdef0/execution/exec-0123456789abcdef0");
    ARN_BAD("arn:aws:datasync:us-east-1:1234567890123:task/task-0123456789abcdef0/execution/exec-0123456789abcdef0");
    ARN_BAD("arn:aws:datasync:us-east-1:123456789012:task/task-0123456789ABCDEF0/execution/exec-0123456789abcdef0");
    ARN_BAD("arn:aws:datasync:us-east-1:123456789012:task/task-0123456789abcdef/execution/exec-0123456789abcdef0");
    ARN_BAD("arn:aws:datasync:us-east-1:123456789012:task/task-0123456789abcdef0/execution/exec-0123456789abcdef01");
    ARN_BAD("arn:aws:datasync:us-east-1:123456789012:task/task-0123456789abcdef0/execution/exec-0123456789abcdef0\\n");
    ARN_BAD(" arn:aws:datasync:us-east-1:123456789012:task/task-0123456789abcdef0/execution/exec-0123456789abcdef0");
    ARN_BAD("arn:aws:s3:us-east-1:123456789012:task/task-0123456789abcdef0/execution/exec-0123456789abcdef0");
    ARN_BAD("arn:aws:datasync:us-\xc3\xa9" "ast-1:123456789012:task/task-0123456789abcdef0/execution/exec-0123456789abcdef0");
    ARN_BAD("arn:aws:datasync:us_east_1:123456789012:task/task-0123456789abcdef0/execution/exec-0123456789abcdef0");
#undef ARN_BAD
}

static void arn_length_counts_code_points(void **state)
{
    char doc[2048], arn[1024], want[128];
    size_t region;
    int n;
    (void)state;
    /* the pattern allows a long region: 128 code points pass, 129 fail length only */
    for (region = 37; region <= 38; region++) {
        memset(arn, 0, sizeof arn);
        strcpy(arn, "arn:aws:datasync:");
        memset(arn + strlen(arn), 'a', region);
        strcat(arn, ":123456789012:task/task-0123456789abcdef0/execution/exec-0123456789abcdef0");
        n = snprintf(doc, sizeof doc, "{\"Options\":{},\"TaskExecutionArn\":\"%s\"}", arn);
        snprintf(want, sizeof want, "%s", strlen(arn) == 128 ? "" : "length /TaskExecutionArn 33 1:34");
        expect_n(DOC_REQUEST, STRICT, doc, (size_t)n, strlen(arn) == 128 ? DSX_VALID : DSX_INVALID, want);
    }
    /* 128 characters of two bytes each: not too long, but no match */
    memset(arn, 0, sizeof arn);
    for (region = 0; region < 128; region++) memcpy(arn + 2 * region, "\xc3\xa9", 2);
    n = snprintf(doc, sizeof doc, "{\"Options\":{},\"TaskExecutionArn\":\"%s\"}", arn);
    expect_n(DOC_REQUEST, STRICT, doc, (size_t)n, DSX_INVALID, "pattern /TaskExecutionArn 33 1:34");
    /* 129 of them: both */
    strcat(arn, "\xc3\xa9");
    n = snprintf(doc, sizeof doc, "{\"Options\":{},\"TaskExecutionArn\":\"%s\"}", arn);
    expect_n(DOC_REQUEST, STRICT, doc, (size_t)n, DSX_INVALID,
             "length /TaskExecutionArn 33 1:34; pattern /TaskExecutionArn 33 1:34");
    /* escaped characters count once each: 128 \u0061 escapes are 128 code points */
    memset(arn, 0, sizeof arn);
    for (region = 0; region < 128; region++) memcpy(arn + 6 * region, "\\u0061", 6);
    n = snprintf(doc, sizeof doc, "{\"Options\":{},\"TaskExecutionArn\":\"%s\"}", arn);
    expect_n(DOC_REQUEST, STRICT, doc, (size_t)n, DSX_INVALID, "pattern /TaskExecutionArn 33 1:34");
}

/* ---- range: int64 edges ---- */

static void int64_edges(void **state)
{
    dsx_config c = profile_config(STRICT);
    outcome *o;
    (void)state;
    OPT(STRICT, "{\"BytesPerSecond\":9223372036854775807}", DSX_VALID, "");
    o = run_doc(DOC_OPTIONS, &c, "{\"BytesPerSecond\":9223372036854775807}", 38);
    assert_true(o->options.bytes_per_second == INT64_MAX);
    OPT(STRICT, "{\"BytesPerSecond\":9223372036854775808}", DSX_INVALID, "range /BytesPerSecond 18 1:19");
    OPT(STRICT, "{\"BytesPerSecond\":18446744073709551616}", DSX_INVALID, "range /BytesPerSecond 18 1:19");
    OPT(STRICT, "{\"BytesPerSecond\":99999999999999999999}", DSX_INVALID, "range /BytesPerSecond 18 1:19");
    OPT(STRICT, "{\"BytesPerSecond\":-1}", DSX_VALID, "");
    o = run_doc(DOC_OPTIONS, &c, "{\"BytesPerSecond\":-1}", 21);
    assert_true(o->options.bytes_per_second == -1);
    OPT(STRICT, "{\"BytesPerSecond\":-2}", DSX_INVALID, "range /BytesPerSecond 18 1:19");
    OPT(STRICT, "{\"BytesPerSecond\":-0}", DSX_VALID, "");
    OPT(STRICT, "{\"BytesPerSecond\":0}", DSX_VALID, "");
    OPT(STRICT, "{\"BytesPerSecond\":-9223372036854775808}", DSX_INVALID, "range /BytesPerSecond 18 1:19");
    OPT(STRICT, "{\"BytesPerSecond\":-18446744073709551617}", DSX_INVALID, "range /BytesPerSecond 18 1:19");
    OPT(STRICT, "{\"BytesPerSecond\":00}", DSX_MALFORMED, "syntax  19 1:20");
    OPT(STRICT, "{\"BytesPerSecond\":1.0}", DSX_INVALID, "type /BytesPerSecond 18 1:19");
}

/* ---- conflict ---- */

static void conflict_rules(void **state)
{
    (void)state;
    OPT(STRICT, "{\"Atime\":\"BEST_EFFORT\",\"Mtime\":\"NONE\"}", DSX_INVALID, "conflict /Mtime 31 1:32");
    OPT(STRICT, "{\"Atime\":\"NONE\",\"Mtime\":\"PRESERVE\"}", DSX_INVALID, "conflict /Mtime 24 1:25");
    /* order in the document does not matter; the pointer is always Mtime */
    OPT(STRICT, "{\"Mtime\":\"NONE\",\"Atime\":\"BEST_EFFORT\"}", DSX_INVALID, "conflict /Mtime 9 1:10");
    OPT(STRICT, "{\"Atime\":\"NONE\",\"Mtime\":\"NONE\"}", DSX_VALID, "");
    OPT(STRICT, "{\"Atime\":\"BEST_EFFORT\",\"Mtime\":\"PRESERVE\"}", DSX_VALID, "");
    OPT(STRICT, "{\"Mtime\":\"NONE\"}", DSX_VALID, "");
    OPT(STRICT, "{\"Atime\":\"NONE\"}", DSX_VALID, "");
    OPT(STRICT, "{\"PreserveDeletedFiles\":\"REMOVE\",\"TransferMode\":\"ALL\"}", DSX_INVALID,
        "conflict /TransferMode 48 1:49");
    OPT(STRICT, "{\"TransferMode\":\"ALL\",\"PreserveDeletedFiles\":\"REMOVE\"}", DSX_INVALID,
        "conflict /TransferMode 16 1:17");
    OPT(STRICT, "{\"PreserveDeletedFiles\":\"REMOVE\",\"TransferMode\":\"CHANGED\"}", DSX_VALID, "");
    OPT(STRICT, "{\"PreserveDeletedFiles\":\"PRESERVE\",\"TransferMode\":\"ALL\"}", DSX_VALID, "");
    /* only when both members are present with valid values */
    OPT(STRICT, "{\"Atime\":\"none\",\"Mtime\":\"PRESERVE\"}", DSX_INVALID, "enum /Atime 9 1:10");
    OPT(STRICT, "{\"Atime\":\"NONE\",\"Mtime\":7}", DSX_INVALID, "type /Mtime 24 1:25");
    OPT(STRICT, "{\"Atime\":null,\"Mtime\":\"NONE\"}", DSX_INVALID, "type /Atime 9 1:10");
    OPT(WIRE, "{\"Atime\":null,\"Mtime\":\"NONE\"}", DSX_VALID, "");
    OPT(STRICT, "{\"PreserveDeletedFiles\":\"REMOVE\",\"TransferMode\":\"all\"}", DSX_INVALID,
        "enum /TransferMode 48 1:49");
    /* the first occurrence decides; a duplicate is not checked */
    OPT(STRICT, "{\"Atime\":\"NONE\",\"Mtime\":\"NONE\",\"Mtime\":\"PRESERVE\"}", DSX_INVALID,
        "duplicate_member /Mtime 39 1:40");
    /* a conflict is placed by position among the other diagnostics */
    EXPECT(DOC_REQUEST, WIRE, REQ("{\"Mtime\":\"NONE\",\"X\":1,\"Atime\":\"BEST_EFFORT\",\"BytesPerSecond\":-5}"),
           DSX_INVALID,
           "not_updatable /Options/Mtime 142 1:143 (w); conflict /Options/Mtime 142 1:143; "
           "not_updatable /Options/Atime 163 1:164 (w); range /Options/BytesPerSecond 194 1:195");
}

/* ---- diagnostics array ---- */

static void full_array_keeps_the_first_in_order_and_counts_all(void **state)
{
    static const char doc[] =
        "{\"A\":1,\"B\":2,\"Atime\":\"NONE\",\"Mtime\":\"PRESERVE\",\"C\":3,\"D\":4}";
    dsx_diag items[3];
    dsx_diag_list list;
    dsx_config c = profile_config(STRICT);
    char text[512];
    (void)state;
    list = list_over(items, 3);
    assert_int_equal(dsx_validate_options(doc, sizeof doc - 1, &c, NULL, &list), DSX_INVALID);
    assert_int_equal(list.total, 5);
    assert_int_equal(list.errors, 5);
    assert_int_equal(list.stored, 3);
    describe(&list, doc, sizeof doc - 1, text, sizeof text);
    assert_string_equal(text, "unknown_member /A 5 1:6; unknown_member /B 11 1:12; conflict /Mtime 36 1:37");
    /* a conflict found after the array filled up goes in before later ones */
    list.capacity = 2;
    assert_int_equal(dsx_validate_options("{\"Atime\":\"NONE\",\"Mtime\":\"PRESERVE\",\"C\":3,\"D\":4}", 47,
                                          &c, NULL, &list), DSX_INVALID);
    describe(&list, "{\"Atime\":\"NONE\",\"Mtime\":\"PRESERVE\",\"C\":3,\"D\":4}", 47, text, sizeof text);
    assert_string_equal(text, "conflict /Mtime 24 1:25; unknown_member /C 39 1:40");
    assert_int_equal(list.total, 3);
    /* no array at all: still the counts and the verdict */
    list.items = NULL;
    list.capacity = 0;
    assert_int_equal(dsx_validate_options(doc, sizeof doc - 1, &c, NULL, &list), DSX_INVALID);
    assert_int_equal(list.stored, 0);
    assert_int_equal(list.total, 5);
    assert_int_equal(dsx_validate_options(doc, sizeof doc - 1, &c, NULL, NULL), DSX_INVALID);
    assert_int_equal(dsx_validate_request(REQ("{}"), sizeof REQ("{}") - 1, NULL, NULL, NULL), DSX_VALID);
}

/*
 * Without a list the verdict is the same as with one: warnings alone leave
 * a document valid, a conflict found at the end makes it invalid, and a
 * malformation or an input over max_size is malformed whatever was found.
 */
static void verdict_without_a_list(void **state)
{
    static const char warned[] = REQ("{\"Atime\":\"NONE\",\"Mtime\":\"NONE\"}");
    static const char conflict[] = "{\"Atime\":\"NONE\",\"Mtime\":\"PRESERVE\"}";
    static const char malformed[] = "{\"Foo\":1,\"LogLevel\":\"LOUD\",";
    dsx_config wire = profile_config(WIRE), strict = profile_config(STRICT);
    dsx_diag items[4];
    dsx_diag_list list;
    (void)state;
    list = list_over(items, 4);
    assert_int_equal(dsx_validate_request(warned, sizeof warned - 1, &wire, NULL, &list), DSX_VALID);
    assert_int_equal(list.warnings, 2);
    assert_int_equal(dsx_validate_request(warned, sizeof warned - 1, &wire, NULL, NULL), DSX_VALID);
    assert_int_equal(dsx_validate_request(warned, sizeof warned - 1, &strict, NULL, NULL), DSX_INVALID);
    assert_int_equal(dsx_validate_options(conflict, sizeof conflict - 1, &wire, NULL, NULL), DSX_INVALID);
    assert_int_equal(dsx_validate_options(malformed, sizeof malformed - 1, &strict, NULL, NULL),
                     DSX_MALFORMED);
    strict.max_size = 4;
    assert_int_equal(dsx_validate_options(conflict, sizeof conflict - 1, &strict, NULL, NULL),
                     DSX_MALFORMED);
    assert_int_equal(dsx_check_json(malformed, sizeof malformed - 1, NULL, NULL), DSX_MALFORMED);
    assert_int_equal(dsx_check_json(conflict, sizeof conflict - 1, &strict, NULL), DSX_MALFORMED);
}

static void twenty_thousand_unknown_members(void **state)
{
    size_t n = 20000, i, len = 0;
    char *doc = malloc(n * 32 + 64);
    dsx_config wire = profile_config(WIRE), strict = profile_config(STRICT);
    dsx_diag items[4];
    dsx_diag_list list;
    (void)state;
    len += (size_t)sprintf(doc, "{");
    for (i = 0; i < n; i++) len += (size_t)sprintf(doc + len, "\"m%05lu\":[%lu],", (unsigned long)i, (unsigned long)i);
    len += (size_t)sprintf(doc + len, "\"BytesPerSecond\":7}");
    list = list_over(items, 4);
    assert_int_equal(dsx_validate_options(doc, len, &wire, NULL, &list), DSX_VALID);
    assert_int_equal(list.total, 0);
    assert_int_equal(dsx_validate_options(doc, len, &strict, NULL, &list), DSX_INVALID);
    assert_int_equal(list.total, n);
    assert_int_equal(list.stored, 4);
    assert_int_equal(items[3].offset, 1 + 3 * 13 + 9);
    free(doc);
}

/* ---- typed results ---- */

static void typed_results(void **state)
{
    static const char doc[] = REQ("{\"BytesPerSecond\":-1}");
    dsx_config c = profile_config(WIRE);
    outcome *o;
    (void)state;
    o = run_doc(DOC_REQUEST, &c, doc, sizeof doc - 1);
    assert_int_equal(o->result, DSX_VALID);
    assert_int_equal(o->request.present, DSX_BIT(DSX_REQ_TASK_EXECUTION_ARN) | DSX_BIT(DSX_REQ_OPTIONS));
    assert_string_equal(o->request.task_execution_arn, ARN);
    assert_int_equal(o->request.task_execution_arn_length, strlen(ARN));
    assert_int_equal(o->request.options.present, DSX_BIT(DSX_OPT_BYTES_PER_SECOND));
    assert_true(o->request.options.bytes_per_second == -1);

    {
        static const char opts[] = "{\"Uid\":\"BOTH\",\"ObjectTags\":\"NONE\",\"Gid\":null}";
        o = run_doc(DOC_OPTIONS, &c, opts, sizeof opts - 1);
    }
    assert_int_equal(o->options.present, DSX_BIT(DSX_OPT_UID) | DSX_BIT(DSX_OPT_OBJECT_TAGS));
    assert_int_equal(o->options.value[DSX_OPT_UID], DSX_UID_BOTH);
    assert_int_equal(o->options.value[DSX_OPT_OBJECT_TAGS], DSX_OBJECT_TAGS_NONE);

    /* only valid members are set in an invalid document */
    {
        static const char bad[] =
            "{\"TaskExecutionArn\":\"arn:x\",\"Options\":{\"BytesPerSecond\":-3,\"Uid\":\"NAME\"}}";
        o = run_doc(DOC_REQUEST, &c, bad, sizeof bad - 1);
    }
    assert_int_equal(o->result, DSX_INVALID);
    assert_int_equal(o->request.present, DSX_BIT(DSX_REQ_OPTIONS));
    assert_int_equal(o->request.options.present, DSX_BIT(DSX_OPT_UID));
}

static void bad_arguments(void **state)
{
    dsx_config c = profile_config(STRICT);
    (void)state;
    assert_int_equal(dsx_validate_request(NULL, 5, NULL, NULL, NULL), DSX_BAD_ARGUMENT);
    assert_int_equal(dsx_validate_options(NULL, 1, NULL, NULL, NULL), DSX_BAD_ARGUMENT);
    c.unknown_members = (dsx_unknown_policy)7;
    assert_int_equal(dsx_validate_options("{}", 2, &c, NULL, NULL), DSX_BAD_ARGUMENT);
    c = profile_config(STRICT);
    c.max_depth = 0;
    assert_int_equal(dsx_validate_request("{}", 2, &c, NULL, NULL), DSX_BAD_ARGUMENT);
}

#ifndef DSX_SMALL   /* a size-optimised build has no byte fast path */
/* The byte fast path and the code-point matcher decide every ARN alike. */
static bool matcher_accepts(const char *s, size_t n)
{
    dsx_arn_matcher m;
    size_t i;
    dsx_arn_matcher_init(&m);
    for (i = 0; i < n; i++) dsx_arn_matcher_feed(&m, (unsigned char)s[i]);
    return dsx_arn_matcher_accepts(&m);
}

/*
 * The fast path's form: the ARN s[0..n) then '"' and more of a document;
 * the length it reports, or 0. When s holds a quote, the ARN ends there.
 */
static size_t arn_match_quoted_length(const char *s, size_t n)
{
    char quoted[200];
    memcpy(quoted, s, n);
    memcpy(quoted + n, "\",\"Options\":{}}", 15);
    return dsx_arn_match_quoted(quoted, n + 15);
}

static void arn_fast_path_agrees_with_matcher(void **state)
{
    static const char *const bases[] = {
        ARN, "arn:aws-iso-b:datasync:a-b-9:000000000000:task/task-00000000000000000/execution/exec-fffffffffffffffff",
        "arn:aws-cn:datasync:x:123456789012:task/task-0123456789abcdef0/execution/exec-0123456789abcdef0",
        /* regions of 8 and more bytes: checked a word at a time */
        "arn:aws:datasync:eu-west2:123456789012:task/task-0123456789abcdef0/execution/exec-0123456789abcdef0",
        "arn:aws:datasync:ap-southeast-2:123456789012:task/task-0123456789abcdef0/execution/exec-0123456789abcdef0",
        /* regions either side of 16 bytes: one vector piece, or the general way */
        "arn:aws:datasync:abcdefghijklm-5:123456789012:task/task-0123456789abcdef0/execution/exec-0123456789abcdef0",
        "arn:aws:datasync:abcdefghijklm-56:123456789012:task/task-0123456789abcdef0/execution/exec-0123456789abcdef0",
    };
    /*
     * The bytes either side of each class boundary, non-ASCII, NUL (the raw
     * bytes are unchecked), and D and H, which stand for a digit and a hex
     * digit in the vector check's pattern.
     */
    static const char replacements[] = ":-/afgz09AXDH\n,.`{@\x01\x7f\x80\xff" "\0";
    char s[160];
    size_t b, i, k, agreed = 0;
    (void)state;
    for (b = 0; b < sizeof bases / sizeof bases[0]; b++) {
        size_t n = strlen(bases[b]);
        assert_true(dsx_arn_match_bytes(bases[b], n) && matcher_accepts(bases[b], n));
        assert_int_equal(arn_match_quoted_length(bases[b], n), n);
        assert_int_equal(arn_match_quoted_length(bases[b], n - 1), 0);   /* a quote cuts it short */
        for (i = 0; i <= n; i++) {
            for (k = 0; k < sizeof replacements - 1; k++) {   /* replace, then insert */
                memcpy(s, bases[b], n);
                s[i] = replacements[k];
                assert_int_equal(dsx_arn_match_bytes(s, i < n ? n : n + 1), matcher_accepts(s, i < n ? n : n + 1));
                if (i < n && replacements[k] != '"')
                    assert_int_equal(arn_match_quoted_length(s, n), matcher_accepts(s, n) ? n : 0);
                memcpy(s, bases[b], i);
                s[i] = replacements[k];
                memcpy(s + i + 1, bases[b] + i, n - i);
                assert_int_equal(dsx_arn_match_bytes(s, n + 1), matcher_accepts(s, n + 1));
                assert_int_equal(arn_match_quoted_length(s, n + 1), matcher_accepts(s, n + 1) ? n + 1 : 0);
                agreed += 2;
            }
            memcpy(s, bases[b], i);                            /* delete */
            if (i < n) memcpy(s + i, bases[b] + i + 1, n - i - 1);
            assert_int_equal(dsx_arn_match_bytes(s, i < n ? n - 1 : n), matcher_accepts(s, i < n ? n - 1 : n));
            assert_int_equal(arn_match_quoted_length(s, i < n ? n - 1 : n),
                             matcher_accepts(s, i < n ? n - 1 : n) ? (i < n ? n - 1 : n) : 0);
        }
    }
    assert_true(agreed > 7000);
}
#endif

#ifndef DSX_SMALL   /* a size-optimised build has no fast path */
/* What the full path makes of an Options document (a kept list forces it). */
static dsx_result full_options(const char *doc, size_t n, dsx_options *out)
{
    dsx_kept kept;
    dsx_kept_init(&kept, NULL, 0, NULL);
    return dsx_validate_options_kept(doc, n, NULL, out, &kept, NULL);
}

/*
 * The fast path answers the usual documents itself (it is not only a path
 * that gives up), and with what the full path finds: every value of every
 * option, compact and pretty-printed, with the gaps between tokens
 * changing within a document, and names that share their first bytes.
 */
static void fast_path_takes_the_usual_documents(void **state)
{
    static const char *const gaps[][2] = {   /* before a name, before a value */
        {",\"", ":"}, {", \"", ": "}, {",\n  \"", ": "}, {",\n\t\t\"", " : "},
        {",\r\n    \"", ":\t"}, {",\n        \"", ":  "},
    };
    /* (the other Preserve* option shares its first eight bytes with this one) */
    char doc[1024];
    size_t o, v, g, n;
    dsx_config config;
    (void)state;
    dsx_config_init(&config, DSX_PROFILE_STRICT);
    for (o = 0; o < DSX_OPTION_COUNT; o++) {
        const dsx_member_info *m = &dsx_option_members[o];
        for (v = 0; v < (m->kind == DSX_KIND_ENUM ? (size_t)m->value_count : 1u); v++) {
            for (g = 0; g < sizeof gaps / sizeof gaps[0]; g++) {
                dsx_options fast, full;
                dsx_text_buf name, value;
                const char *other = o == DSX_OPT_PRESERVE_DEVICES ? "PreserveDeletedFiles" : "PreserveDevices";
                const dsx_string_ref *ref = &dsx_enum_values[m->first_value + v];
                /* the option between two others, the gap after it differing from the one before */
                n = (size_t)snprintf(doc, sizeof doc, "{ \"%s\"%s\"PRESERVE\"%s%.*s\"%s%s%.*s%s%s%s\":\"NAME\"}",
                                     other, gaps[g][1], gaps[g][0], (int)m->name_length,
                                     dsx_member_name(m, &name), gaps[g][1],
                                     m->kind == DSX_KIND_ENUM ? "\"" : "",
                                     m->kind == DSX_KIND_ENUM ? (int)ref->length : 7,
                                     m->kind == DSX_KIND_ENUM ? dsx_value_text(ref, &value) : "1048576",
                                     m->kind == DSX_KIND_ENUM ? "\"" : "",
                                     gaps[(g + 1) % (sizeof gaps / sizeof gaps[0])][0],
                                     o == DSX_OPT_GID ? "Uid" : "Gid");
                memset(&fast, 0xAA, sizeof fast);
                assert_true(dsx_fast_validate(doc, n, &config, false, NULL, &fast));
                assert_int_equal(full_options(doc, n, &full), DSX_VALID);
                assert_memory_equal(&fast, &full, sizeof fast);
                if (m->kind == DSX_KIND_ENUM) assert_int_equal(fast.value[o], v);
            }
        }
    }
}

/*
 * The fast path tries the member after the last one first (model order) and
 * hashes any other name: every option in model order, reversed and rotated
 * is taken, with the full path's result; a member repeated right after a
 * prediction, and a name the prediction only starts, are not mistaken.
 */
static size_t options_in_order(char *doc, size_t size, const size_t *order, size_t count)
{
    size_t i, n = (size_t)snprintf(doc, size, "{");
    for (i = 0; i < count; i++) {
        const dsx_member_info *m = &dsx_option_members[order[i]];
        const dsx_string_ref *ref = &dsx_enum_values[m->first_value];
        dsx_text_buf name, value;
        if (m->kind == DSX_KIND_ENUM)
            n += (size_t)snprintf(doc + n, size - n, "%s\"%.*s\":\"%.*s\"", i ? "," : "",
                                  (int)m->name_length, dsx_member_name(m, &name), (int)ref->length,
                                  dsx_value_text(ref, &value));
        else
            n += (size_t)snprintf(doc + n, size - n, "%s\"%.*s\":7", i ? "," : "",
                                  (int)m->name_length, dsx_member_name(m, &name));
    }
    return n + (size_t)snprintf(doc + n, size - n, "}");
}

static void fast_path_takes_any_member_order(void **state)
{
    static const char *const near_names[] = {
        "{\"VerifyMod\":\"NONE\"}", "{\"VerifyModeX\":\"NONE\"}", "{\"VerifyMode::\"NONE\"}",
    };
    char doc[1024];
    size_t order[DSX_OPTION_COUNT], shape, i, n;
    dsx_config config;
    dsx_options fast, full;
    (void)state;
    dsx_config_init(&config, DSX_PROFILE_STRICT);
    for (shape = 0; shape < 3 + DSX_OPTION_COUNT; shape++) {   /* model order, reversed, each rotation */
        for (i = 0; i < DSX_OPTION_COUNT; i++)
            order[i] = shape == 0 ? i : shape == 1 ? DSX_OPTION_COUNT - 1 - i : (i + shape - 2) % DSX_OPTION_COUNT;
        n = options_in_order(doc, sizeof doc, order, DSX_OPTION_COUNT);
        memset(&fast, 0xAA, sizeof fast);
        assert_true(dsx_fast_validate(doc, n, &config, false, NULL, &fast));
        assert_int_equal(full_options(doc, n, &full), DSX_VALID);
        assert_memory_equal(&fast, &full, sizeof fast);
    }
    /* VerifyMode twice: the second is not the predicted OverwriteMode, and is seen */
    order[0] = order[1] = DSX_OPT_VERIFY_MODE;
    n = options_in_order(doc, sizeof doc, order, 2);
    assert_false(dsx_fast_validate(doc, n, &config, false, NULL, &fast));
    expect_n(DOC_OPTIONS, STRICT, doc, n, DSX_INVALID, "duplicate_member /VerifyMode 54 1:55");
    /* names that start like the predicted one, and the predicted name before a byte that is not its quote */
    for (i = 0; i < sizeof near_names / sizeof near_names[0]; i++)
        assert_false(dsx_fast_validate(near_names[i], strlen(near_names[i]), &config, false, NULL, &fast));
    /* a request with Options first */
    n = (size_t)snprintf(doc, sizeof doc, "{\"Options\":{},\"TaskExecutionArn\":\"%s\"}", ARN);
    assert_true(dsx_fast_validate(doc, n, &config, true, NULL, &fast));
}

/*
 * Integers of every length from 1 to 20 digits, read a word at a time or
 * byte by byte near the end of the input: the fast path takes those of up
 * to 18 digits (no leading zero, not below -1) with the full path's value
 * and leaves the rest to it.
 */
static void fast_path_reads_integers(void **state)
{
    static const char *const digit_runs[] = {"12345678901234567890", "99999999999999999999",
                                             "10000000000000000000", "09999999999999999999"};
    static const char *const ends[] = {"}", " }", ",\"Uid\":\"NONE\"}"};
    char doc[96];
    size_t r, k, e, sign;
    dsx_config config;
    (void)state;
    dsx_config_init(&config, DSX_PROFILE_STRICT);
    for (r = 0; r < sizeof digit_runs / sizeof digit_runs[0]; r++)
        for (k = 1; k <= 20; k++)
            for (e = 0; e < sizeof ends / sizeof ends[0]; e++)
                for (sign = 0; sign < 2; sign++) {
                    dsx_options fast, full;
                    size_t n = (size_t)snprintf(doc, sizeof doc, "{\"BytesPerSecond\":%s%.*s%s",
                                                sign ? "-" : "", (int)k, digit_runs[r], ends[e]);
                    bool leading_zero = digit_runs[r][0] == '0' && k > 1;
                    int64_t magnitude = 0;
                    size_t i;
                    for (i = 0; i < k && k <= 18; i++) magnitude = magnitude * 10 + (digit_runs[r][i] - '0');
                    memset(&fast, 0, sizeof fast);
                    assert_int_equal(dsx_fast_validate(doc, n, &config, false, NULL, &fast),
                                     k <= 18 && !leading_zero && (!sign || magnitude <= 1));
                    if (k > 18 || leading_zero || (sign && magnitude > 1)) continue;
                    assert_int_equal(full_options(doc, n, &full), DSX_VALID);
                    assert_true(fast.bytes_per_second == (sign ? -magnitude : magnitude));
                    assert_memory_equal(&fast, &full, sizeof fast);
                }
}

/*
 * Where the profile skips unknown members, the fast path reads past their
 * values itself, whatever their shape, with the grammar checked; anything
 * it does not read (an escape, non-ASCII, a malformation, deeper than
 * max_depth or 64) is left to the full path, which then decides. A known
 * name written with an escape is never taken for an unknown one.
 */
static void fast_path_reads_past_unknown_values(void **state)
{
    static const char *const taken[] = {
        "12345", "-0.5e+10", "0", "-0", "1E5", "2.50", "7e-3", "\"text\"", "\"\"", "true", "false",
        "null", "{}", "[]", "{ }", "[ ]", "{\"k\":[1,2.5,null]}", "[[[]]]", "{\"a\":{\"b\":{}}}",
        " [ 1 , { \"x\" : \"y\" } ] ", "[{},[],\"\",0,true]",
        "\"abcdefghijklmnopqrstuvwxyz0123456789 abcdefghijklmnopqrstuvwxyz0123456789 ~!@#$%^&*()\"",
    };
    static const char *const left[] = {
        "01", "1.", ".5", "-", "1e", "1e+", "-a", "tru", "nul", "truex", "[1,]", "{\"a\":1,}",
        "{\"a\"}", "{\"a\":1,2}", "{\"a\":1,\"b\"}", "[1 2]", "{\"a\":1]", "[1}", "{1:2}", "\"\\u0041\"", "\"\\n\"", "\"\xc3\xa9\"",
        "\"a\tb\"", "\"open", "[", "{\"a\":", "[\"\xff\"]", "{\"k\\u0041\":1}",
    };
    char doc[512], deep[300];
    size_t i, n;
    dsx_diag item;
    dsx_diag_list list;
    dsx_config wire, strict;
    dsx_options fast, full;
    (void)state;
    dsx_config_init(&wire, DSX_PROFILE_WIRE);
    dsx_config_init(&strict, DSX_PROFILE_STRICT);
    for (i = 0; i < sizeof taken / sizeof taken[0]; i++) {
        n = (size_t)snprintf(doc, sizeof doc, "{\"VerifyMode\":\"NONE\",\"Foo\":%s,\"Uid\":\"BOTH\"}", taken[i]);
        memset(&fast, 0xAA, sizeof fast);
        assert_true(dsx_fast_validate(doc, n, &wire, false, NULL, &fast));
        assert_int_equal(dsx_validate_options_kept(doc, n, &wire, &full, &(dsx_kept){0}, NULL), DSX_VALID);
        assert_memory_equal(&fast, &full, sizeof fast);
        assert_false(dsx_fast_validate(doc, n, &strict, false, NULL, &fast));   /* unknown: an error */
    }
    for (i = 0; i < sizeof left / sizeof left[0]; i++) {
        dsx_kept kept;
        dsx_kept_init(&kept, NULL, 0, NULL);
        n = (size_t)snprintf(doc, sizeof doc, "{\"VerifyMode\":\"NONE\",\"Foo\":%s,\"Uid\":\"BOTH\"}", left[i]);
        assert_false(dsx_fast_validate(doc, n, &wire, false, NULL, &fast));
        assert_int_equal(dsx_validate_options(doc, n, &wire, &fast, NULL),
                         dsx_validate_options_kept(doc, n, &wire, &full, &kept, NULL));
        assert_memory_equal(&fast, &full, sizeof fast);
    }
    /* a known name with an escape is that member: read by the full path, found a duplicate */
    n = (size_t)snprintf(doc, sizeof doc, "{\"VerifyMode\":\"NONE\",\"Verify\\u004dode\":\"NONE\"}");
    assert_false(dsx_fast_validate(doc, n, &wire, false, NULL, &fast));
    expect_n(DOC_OPTIONS, WIRE, doc, n, DSX_INVALID, "duplicate_member /VerifyMode 39 1:40");
    /* nesting: up to max_depth (the document is one level), and not past 64 levels */
    wire.max_depth = 4;
    assert_true(dsx_fast_validate("{\"Foo\":[[{}]]}", 14, &wire, false, NULL, &fast));
    assert_false(dsx_fast_validate("{\"Foo\":[[[[]]]]}", 16, &wire, false, NULL, &fast));
    memset(&list, 0, sizeof list);
    list.items = &item;
    list.capacity = 1;
    assert_int_equal(dsx_validate_options("{\"Foo\":[[[[]]]]}", 16, &wire, &fast, &list), DSX_MALFORMED);
    assert_int_equal(item.code, DSX_CODE_DEPTH);
    assert_int_equal(item.offset, 10);
    wire.max_depth = DSX_DEPTH_CAP;
    for (n = 0; n < 2; n++) {
        size_t levels = 64 + n, k, m = (size_t)snprintf(deep, sizeof deep, "{\"Foo\":");
        for (k = 0; k < levels; k++) deep[m++] = '[';
        for (k = 0; k < levels; k++) deep[m++] = ']';
        deep[m++] = '}';
        assert_int_equal(dsx_fast_validate(deep, m, &wire, false, NULL, &fast), levels <= 64);
        assert_int_equal(dsx_validate_options(deep, m, &wire, &fast, NULL), DSX_VALID);
    }
    /* an unknown member of the request itself, before and after the known ones */
    n = (size_t)snprintf(doc, sizeof doc, "{\"Comment\":\"x\",\"TaskExecutionArn\":\"%s\",\"Region\":[1],"
                         "\"Options\":{\"BytesPerSecond\":5,\"Speed\":{}},\"DryRun\":true}", ARN);
    assert_true(dsx_fast_validate(doc, n, &wire, true, NULL, &fast));
    assert_int_equal(fast.bytes_per_second, 5);
}
#endif

/*
 * The fast path (taken without a kept list) and the full path (always taken
 * with one) decide every document alike: verdict, diagnostics, structure.
 */
static void fast_path_agrees_with_full_path(void **state)
{
    static const char *const docs[] = {
        "{\"TaskExecutionArn\":\"" ARN "\",\"Options\":{\"BytesPerSecond\":1048576}}",
        "{ \"Options\" : { \"BytesPerSecond\" : -1 } ,\n\t\"TaskExecutionArn\" : \"" ARN "\" }\r\n",
        "{\"TaskExecutionArn\":\"" ARN "\",\"Options\":{}}",
        "{\"TaskExecutionArn\":\"" ARN "\",\"Options\":{\"BytesPerSecond\":-0}}",
        "{\"TaskExecutionArn\":\"" ARN "\",\"Options\":{\"BytesPerSecond\":01}}",
        "{\"TaskExecutionArn\":\"" ARN "\",\"Options\":{\"BytesPerSecond\":-2}}",
        "{\"TaskExecutionArn\":\"" ARN "\",\"Options\":{\"BytesPerSecond\":1e3}}",
        "{\"TaskExecutionArn\":\"" ARN "\",\"Options\":{\"BytesPerSecond\":1234567890123456789}}",
        "{\"TaskExecutionArn\":\"" ARN "\",\"Options\":{\"Bytes\\u0050erSecond\":5}}",
        "{\"TaskExecutionArn\":\"" ARN "\",\"Options\":{\"BytesPerSecond\":5,\"BytesPerSecond\":6}}",
        "{\"TaskExecutionArn\":\"" ARN "\",\"Options\":{\"VerifyMode\":\"NONE\"}}",
        "{\"TaskExecutionArn\":\"" ARN "\",\"Options\":null}",
        "{\"TaskExecutionArn\":\"" ARN "\",\"Options\":{},\"Foo\":1}",
        "{\"TaskExecutionArn\":\"" ARN "\",\"Options\":{}} x",
        "{\"TaskExecutionArn\":\"" ARN "\",\"Options\":{}",
        "{\"TaskExecutionArn\":\"" ARN "\\\"\",\"Options\":{}}",
        "{\"TaskExecutionArn\":\"arn:aws:datasync:us-east-1:1:task/x\",\"Options\":{}}",
        "{\"Options\":{}}",
        "{\"VerifyMode\":\"NONE\",\"Atime\":\"BEST_EFFORT\",\"Mtime\":\"NONE\"}",
        "{\"PreserveDeletedFiles\":\"REMOVE\",\"TransferMode\":\"ALL\"}",
        "{\"Uid\":\"BOTH\",\"LogLevel\":\"OFF\",\"ObjectTags\":\"NONE\"}",
        "{\"Uid\":\"B\xc3\xa9TH\"}",
        "{}",
        "",
        "[]",
    };
    size_t d, p, depth;
    (void)state;
    for (d = 0; d < sizeof docs / sizeof docs[0]; d++)
        for (p = 0; p < 2; p++)
            for (depth = 1; depth <= 2; depth++) {
                dsx_config config;
                dsx_diag fast_items[8], full_items[8];
                dsx_diag_list fast_list, full_list;
                dsx_request fast_request, full_request;
                dsx_options fast_options, full_options;
                dsx_kept kept;
                size_t n = strlen(docs[d]), i;
                dsx_config_init(&config, p ? DSX_PROFILE_WIRE : DSX_PROFILE_STRICT);
                config.max_depth = (uint32_t)(depth == 1 ? 1 : DSX_DEFAULT_MAX_DEPTH);
                dsx_kept_init(&kept, NULL, 0, NULL);
                memset(&fast_list, 0, sizeof fast_list);
                memset(&full_list, 0, sizeof full_list);
                fast_list.items = fast_items;
                full_list.items = full_items;
                fast_list.capacity = full_list.capacity = 8;
                assert_int_equal(dsx_validate_request(docs[d], n, &config, &fast_request, &fast_list),
                                 dsx_validate_request_kept(docs[d], n, &config, &full_request, &kept,
                                                           &full_list));
                assert_memory_equal(&fast_request, &full_request, sizeof fast_request);
                assert_int_equal(dsx_validate_options(docs[d], n, &config, &fast_options, &fast_list),
                                 dsx_validate_options_kept(docs[d], n, &config, &full_options, &kept,
                                                           &full_list));
                assert_memory_equal(&fast_options, &full_options, sizeof fast_options);
                assert_int_equal(fast_list.total, full_list.total);
                for (i = 0; i < fast_list.stored; i++) {
                    assert_int_equal(fast_items[i].code, full_items[i].code);
                    assert_int_equal(fast_items[i].offset, full_items[i].offset);
                }
            }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
#ifndef DSX_SMALL
        cmocka_unit_test(arn_fast_path_agrees_with_matcher),
        cmocka_unit_test(fast_path_takes_the_usual_documents),
        cmocka_unit_test(fast_path_takes_any_member_order),
        cmocka_unit_test(fast_path_reads_integers),
        cmocka_unit_test(fast_path_reads_past_unknown_values),
#endif
        cmocka_unit_test(spec_worked_examples),
        cmocka_unit_test(type_errors),
        cmocka_unit_test(unknown_member_row),
        cmocka_unit_test(null_row),
        cmocka_unit_test(integral_number_row),
        cmocka_unit_test(not_updatable_row),
        cmocka_unit_test(settings_apply_one_at_a_time),
        cmocka_unit_test(required_members),
        cmocka_unit_test(duplicates_known_and_unknown),
        cmocka_unit_test(enum_values),
        cmocka_unit_test(every_enum_value_is_accepted),
        cmocka_unit_test(arn_checks),
        cmocka_unit_test(arn_length_counts_code_points),
        cmocka_unit_test(int64_edges),
        cmocka_unit_test(conflict_rules),
        cmocka_unit_test(full_array_keeps_the_first_in_order_and_counts_all),
        cmocka_unit_test(verdict_without_a_list),
        cmocka_unit_test(twenty_thousand_unknown_members),
        cmocka_unit_test(typed_results),
        cmocka_unit_test(bad_arguments),
        cmocka_unit_test(fast_path_agrees_with_full_path),
    };
    return cmocka_run_group_tests_name("spec 1-3: schema and diagnostics", tests, NULL, NULL);
}
