/*
 * Spec §5, emission: exact bytes of the compact, pretty and sorted forms,
 * minimal escaping, snprintf semantics, refusal of invalid structures,
 * effective options, kept unknown members (and allocation failure while
 * keeping), the error body, and the round trip over many documents.
 */
#include "helpers.h"
#include "alloc_helpers.h"

#define FULL_OPTIONS_SHUFFLED \
    "{\"ObjectTags\":\"NONE\",\"BytesPerSecond\":-1,\"Uid\":\"BOTH\",\"VerifyMode\":\"NONE\"," \
    "\"Atime\":\"NONE\",\"Mtime\":\"NONE\",\"OverwriteMode\":\"NEVER\",\"Gid\":\"NAME\"," \
    "\"PreserveDeletedFiles\":\"REMOVE\",\"PreserveDevices\":\"PRESERVE\"," \
    "\"PosixPermissions\":\"NONE\",\"TaskQueueing\":\"DISABLED\",\"LogLevel\":\"TRANSFER\"," \
    "\"TransferMode\":\"CHANGED\",\"SecurityDescriptorCopyFlags\":\"OWNER_DACL_SACL\"}"

#define FULL_OPTIONS_COMPACT \
    "{\"VerifyMode\":\"NONE\",\"OverwriteMode\":\"NEVER\",\"Atime\":\"NONE\",\"Mtime\":\"NONE\"," \
    "\"Uid\":\"BOTH\",\"Gid\":\"NAME\",\"PreserveDeletedFiles\":\"REMOVE\"," \
    "\"PreserveDevices\":\"PRESERVE\",\"PosixPermissions\":\"NONE\",\"BytesPerSecond\":-1," \
    "\"TaskQueueing\":\"DISABLED\",\"LogLevel\":\"TRANSFER\",\"TransferMode\":\"CHANGED\"," \
    "\"SecurityDescriptorCopyFlags\":\"OWNER_DACL_SACL\",\"ObjectTags\":\"NONE\"}"

#define FULL_OPTIONS_SORTED \
    "{\"Atime\":\"NONE\",\"BytesPerSecond\":-1,\"Gid\":\"NAME\",\"LogLevel\":\"TRANSFER\"," \
    "\"Mtime\":\"NONE\",\"ObjectTags\":\"NONE\",\"OverwriteMode\":\"NEVER\"," \
    "\"PosixPermissions\":\"NONE\",\"PreserveDeletedFiles\":\"REMOVE\"," \
    "\"PreserveDevices\":\"PRESERVE\",\"SecurityDescriptorCopyFlags\":\"OWNER_DACL_SACL\"," \
    "\"TaskQueueing\":\"DISABLED\",\"TransferMode\":\"CHANGED\",\"Uid\":\"BOTH\"," \
    "\"VerifyMode\":\"NONE\"}"

static dsx_options parse_options(const char *json, dsx_profile profile)
{
    dsx_options o;
    dsx_config c = profile_config(profile);
    assert_int_equal(dsx_validate_options(json, strlen(json), &c, &o, NULL), DSX_VALID);
    return o;
}

static dsx_request parse_request(const char *json, dsx_profile profile)
{
    dsx_request r;
    dsx_config c = profile_config(profile);
    assert_int_equal(dsx_validate_request(json, strlen(json), &c, &r, NULL), DSX_VALID);
    return r;
}

static const char *emit_options(const dsx_options *o, const dsx_kept *kept, unsigned flags)
{
    static char buf[8192];
    size_t n = dsx_emit_options(o, kept, flags, buf, sizeof buf);
    assert_true(n < sizeof buf);
    assert_int_equal(n, strlen(buf));
    return buf;
}

static const char *emit_request(const dsx_request *r, const dsx_kept *kept, unsigned flags)
{
    static char buf[8192];
    size_t n = dsx_emit_request(r, kept, flags, buf, sizeof buf);
    assert_true(n < sizeof buf);
    assert_int_equal(n, strlen(buf));
    return buf;
}

static void compact_and_sorted_forms(void **state)
{
    dsx_options o = parse_options(FULL_OPTIONS_SHUFFLED, STRICT);
    dsx_request r = parse_request(REQ("{\"BytesPerSecond\":1048576}"), STRICT);
    (void)state;
    assert_string_equal(emit_options(&o, NULL, 0), FULL_OPTIONS_COMPACT);
    assert_string_equal(emit_options(&o, NULL, DSX_EMIT_SORTED), FULL_OPTIONS_SORTED);
    assert_string_equal(emit_request(&r, NULL, 0),
                        "{\"TaskExecutionArn\":\"" ARN "\",\"Options\":{\"BytesPerSecond\":1048576}}");
    assert_string_equal(emit_request(&r, NULL, DSX_EMIT_SORTED),
                        "{\"Options\":{\"BytesPerSecond\":1048576},\"TaskExecutionArn\":\"" ARN "\"}");
    r = parse_request(REQ("{}"), STRICT);
    assert_string_equal(emit_request(&r, NULL, 0), "{\"TaskExecutionArn\":\"" ARN "\",\"Options\":{}}");
    o = parse_options("{}", STRICT);
    assert_string_equal(emit_options(&o, NULL, 0), "{}");
    assert_string_equal(emit_options(&o, NULL, DSX_EMIT_PRETTY), "{}");
}

static void pretty_form(void **state)
{
    dsx_request r = parse_request(" {\n\"Options\" : {\"BytesPerSecond\" : 0} ,\"TaskExecutionArn\":\"" ARN "\"}", STRICT);
    dsx_options o = parse_options("{\"LogLevel\":\"BASIC\",\"Atime\":\"BEST_EFFORT\"}", STRICT);
    (void)state;
    assert_string_equal(emit_request(&r, NULL, DSX_EMIT_PRETTY),
                        "{\n  \"TaskExecutionArn\": \"" ARN "\",\n  \"Options\": {\n"
                        "    \"BytesPerSecond\": 0\n  }\n}");
    r = parse_request(REQ("{}"), STRICT);
    assert_string_equal(emit_request(&r, NULL, DSX_EMIT_PRETTY),
                        "{\n  \"TaskExecutionArn\": \"" ARN "\",\n  \"Options\": {}\n}");
    assert_string_equal(emit_options(&o, NULL, DSX_EMIT_PRETTY),
                        "{\n  \"Atime\": \"BEST_EFFORT\",\n  \"LogLevel\": \"BASIC\"\n}");
    assert_string_equal(emit_options(&o, NULL, DSX_EMIT_PRETTY | DSX_EMIT_SORTED),
                        "{\n  \"Atime\": \"BEST_EFFORT\",\n  \"LogLevel\": \"BASIC\"\n}");
}

static void integers_in_plain_decimal(void **state)
{
    dsx_options o = parse_options("{\"BytesPerSecond\":9223372036854775807}", STRICT);
    (void)state;
    assert_string_equal(emit_options(&o, NULL, 0), "{\"BytesPerSecond\":9223372036854775807}");
    o = parse_options("{\"BytesPerSecond\":1E+3}", WIRE);
    assert_string_equal(emit_options(&o, NULL, 0), "{\"BytesPerSecond\":1000}");
    o = parse_options("{\"BytesPerSecond\":-0}", STRICT);
    assert_string_equal(emit_options(&o, NULL, 0), "{\"BytesPerSecond\":0}");
    o = parse_options("{\"BytesPerSecond\":-1e0}", WIRE);
    assert_string_equal(emit_options(&o, NULL, 0), "{\"BytesPerSecond\":-1}");
    /* Unchecked, an out-of-range value is still written exactly. */
    o.bytes_per_second = INT64_MIN;
    assert_int_equal(dsx_emit_options(&o, NULL, 0, NULL, 0), 0);
    assert_string_equal(emit_options(&o, NULL, DSX_EMIT_UNCHECKED),
                        "{\"BytesPerSecond\":-9223372036854775808}");
}

/* Every class of character, through an unchecked ARN. */
static void escaping(void **state)
{
    static const char arn[] = "q\"b\\s/\b\f\n\r\t\x01\x1f\x7f\xc3\xa9\xe2\x80\xa8\xe2\x80\xa9\xf0\x9f\x98\x80";
    dsx_request r;
    (void)state;
    memset(&r, 0, sizeof r);
    r.present = DSX_BIT(DSX_REQ_TASK_EXECUTION_ARN) | DSX_BIT(DSX_REQ_OPTIONS);
    memcpy(r.task_execution_arn, arn, sizeof arn);
    r.task_execution_arn_length = sizeof arn - 1;
    assert_int_equal(dsx_emit_request(&r, NULL, 0, NULL, 0), 0);   /* not a valid ARN */
    assert_string_equal(emit_request(&r, NULL, DSX_EMIT_UNCHECKED),
                        "{\"TaskExecutionArn\":\"q\\\"b\\\\s/\\b\\f\\n\\r\\t\\u0001\\u001f\x7f"
                        "\xc3\xa9\\u2028\\u2029\xf0\x9f\x98\x80\",\"Options\":{}}");
}

static void snprintf_semantics(void **state)
{
    dsx_options o = parse_options("{\"LogLevel\":\"OFF\"}", STRICT);
    const char *want = "{\"LogLevel\":\"OFF\"}";
    size_t n = strlen(want);
    char buf[64];
    (void)state;
    assert_int_equal(dsx_emit_options(&o, NULL, 0, NULL, 0), n);
    memset(buf, 'x', sizeof buf);
    assert_int_equal(dsx_emit_options(&o, NULL, 0, buf, n), n);   /* one short */
    assert_int_equal(strlen(buf), n - 1);
    assert_memory_equal(buf, want, n - 1);
    memset(buf, 'x', sizeof buf);
    assert_int_equal(dsx_emit_options(&o, NULL, 0, buf, n + 1), n);
    assert_string_equal(buf, want);
    assert_int_equal(buf[n + 1], 'x');   /* nothing past the size */
    memset(buf, 'x', sizeof buf);
    assert_int_equal(dsx_emit_options(&o, NULL, 0, buf, 1), n);
    assert_int_equal(buf[0], '\0');
    assert_int_equal(buf[1], 'x');
}

static void refuses_invalid_structures(void **state)
{
    dsx_request r = parse_request(REQ("{\"BytesPerSecond\":5}"), STRICT);
    dsx_options o = parse_options("{\"Atime\":\"NONE\"}", STRICT);
    char buf[512];
    (void)state;
    strcpy(buf, "junk");
    r.options.present |= DSX_BIT(DSX_OPT_VERIFY_MODE);   /* not updatable */
    assert_int_equal(dsx_emit_request(&r, NULL, 0, buf, sizeof buf), 0);
    assert_string_equal(buf, "");
    assert_int_equal(dsx_request_check(&r, 0), DSX_INVALID);
    assert_int_equal(dsx_request_check(&r, DSX_EMIT_ANY_OPTION), DSX_VALID);
    assert_true(dsx_emit_request(&r, NULL, DSX_EMIT_ANY_OPTION, buf, sizeof buf) > 0);
    r.present &= ~DSX_BIT(DSX_REQ_OPTIONS);                /* required */
    assert_int_equal(dsx_request_check(&r, DSX_EMIT_ANY_OPTION), DSX_INVALID);
    o.present |= DSX_BIT(DSX_OPT_MTIME);
    o.value[DSX_OPT_MTIME] = DSX_MTIME_PRESERVE;           /* conflict */
    assert_int_equal(dsx_options_check(&o), DSX_INVALID);
    assert_int_equal(dsx_emit_options(&o, NULL, 0, buf, sizeof buf), 0);
    assert_string_equal(emit_options(&o, NULL, DSX_EMIT_UNCHECKED),
                        "{\"Atime\":\"NONE\",\"Mtime\":\"PRESERVE\"}");
    o.value[DSX_OPT_MTIME] = 2;                            /* not a value at all */
    assert_int_equal(dsx_emit_options(&o, NULL, DSX_EMIT_UNCHECKED, buf, sizeof buf), 0);
    o = parse_options("{\"BytesPerSecond\":0}", STRICT);
    o.bytes_per_second = -2;
    assert_int_equal(dsx_options_check(&o), DSX_INVALID);
    assert_int_equal(dsx_emit_options(NULL, NULL, 0, buf, sizeof buf), 0);
}

static void effective_options(void **state)
{
    dsx_options o = parse_options("{\"LogLevel\":\"BASIC\",\"BytesPerSecond\":7}", STRICT), e;
    (void)state;
    dsx_options_effective(&o, &e);
    assert_string_equal(emit_options(&e, NULL, 0),
                        "{\"VerifyMode\":\"POINT_IN_TIME_CONSISTENT\",\"OverwriteMode\":\"ALWAYS\","
                        "\"Atime\":\"BEST_EFFORT\",\"Mtime\":\"PRESERVE\",\"Uid\":\"INT_VALUE\","
                        "\"Gid\":\"INT_VALUE\",\"PreserveDeletedFiles\":\"PRESERVE\","
                        "\"PreserveDevices\":\"NONE\",\"PosixPermissions\":\"PRESERVE\","
                        "\"BytesPerSecond\":7,\"TaskQueueing\":\"ENABLED\",\"LogLevel\":\"BASIC\","
                        "\"TransferMode\":\"CHANGED\",\"SecurityDescriptorCopyFlags\":\"OWNER_DACL\","
                        "\"ObjectTags\":\"PRESERVE\"}");
    o = parse_options("{}", STRICT);
    dsx_options_effective(&o, &e);
    assert_int_equal(e.bytes_per_second, -1);
    assert_int_equal(e.present, DSX_BIT(DSX_OPTION_COUNT) - 1);
}

/* ---- keep ---- */

#define KEEP_DOC "{\"Z\" : [1, {\"y\":null,\"\\u0041\":[]}, \"s\\n\"],\"Atime\":\"NONE\"," \
                 "\"\\u00e9\":{},\"Mtime\":\"NONE\",\"B\":-0.5e1}"

static dsx_config keep_config(void)
{
    dsx_config c = profile_config(STRICT);
    c.unknown_members = DSX_UNKNOWN_KEEP;
    return c;
}

static void keep_unknown_members(void **state)
{
    dsx_kept_member fixed[4];
    dsx_kept kept;
    dsx_options o;
    dsx_config c = keep_config();
    (void)state;
    dsx_kept_init(&kept, fixed, 4, NULL);
    assert_int_equal(dsx_validate_options_kept(KEEP_DOC, strlen(KEEP_DOC), &c, &o, &kept, NULL),
                     DSX_VALID);
    assert_int_equal(kept.count, 3);
    assert_string_equal(emit_options(&o, &kept, 0),
                        "{\"Atime\":\"NONE\",\"Mtime\":\"NONE\",\"Z\":[1,{\"y\":null,\"\\u0041\":[]},"
                        "\"s\\n\"],\"\\u00e9\":{},\"B\":-0.5e1}");
    assert_string_equal(emit_options(&o, &kept, DSX_EMIT_SORTED),
                        "{\"Atime\":\"NONE\",\"B\":-0.5e1,\"Mtime\":\"NONE\",\"Z\":[1,{\"y\":null,"
                        "\"\\u0041\":[]},\"s\\n\"],\"\\u00e9\":{}}");
    assert_string_equal(emit_options(&o, &kept, DSX_EMIT_PRETTY),
                        "{\n  \"Atime\": \"NONE\",\n  \"Mtime\": \"NONE\",\n  \"Z\": [\n    1,\n"
                        "    {\n      \"y\": null,\n      \"\\u0041\": []\n    },\n    \"s\\n\"\n  ],\n"
                        "  \"\\u00e9\": {},\n  \"B\": -0.5e1\n}");
    /* Without an allocator a full fixed array is an error, and nothing stays. */
    dsx_kept_init(&kept, fixed, 2, NULL);
    assert_int_equal(dsx_validate_options_kept(KEEP_DOC, strlen(KEEP_DOC), &c, &o, &kept, NULL),
                     DSX_NO_MEMORY);
    assert_int_equal(kept.count, 0);
    /* NULL kept: KEEP behaves as SKIP. */
    assert_int_equal(dsx_validate_options_kept(KEEP_DOC, strlen(KEEP_DOC), &c, &o, NULL, NULL),
                     DSX_VALID);
}

static void keep_in_request(void **state)
{
    static const char doc[] = "{\"X\":1,\"TaskExecutionArn\":\"" ARN "\",\"Options\":{\"Y\":true}}";
    dsx_kept kept;
    dsx_request r;
    dsx_config c = keep_config();
    counting_allocator counter;
    dsx_allocator a = counting_init(&counter, 0);
    (void)state;
    dsx_kept_init(&kept, NULL, 0, &a);
    assert_int_equal(dsx_validate_request_kept(doc, sizeof doc - 1, &c, &r, &kept, NULL), DSX_VALID);
    assert_string_equal(emit_request(&r, &kept, 0),
                        "{\"TaskExecutionArn\":\"" ARN "\",\"Options\":{\"Y\":true},\"X\":1}");
    assert_string_equal(emit_request(&r, &kept, DSX_EMIT_SORTED),
                        "{\"Options\":{\"Y\":true},\"TaskExecutionArn\":\"" ARN "\",\"X\":1}");
    dsx_kept_free(&kept);
    assert_int_equal(counter.live_bytes, 0);
    assert_int_equal(counter.allocations, counter.releases);
}

/* The copy lets the input go; every allocation failure is clean. */
static void keep_copy_and_allocation_failures(void **state)
{
    char *input = malloc(sizeof KEEP_DOC);
    dsx_config c = keep_config();
    size_t fail_at;
    (void)state;
    memcpy(input, KEEP_DOC, sizeof KEEP_DOC);
    for (fail_at = 1;; fail_at++) {
        counting_allocator counter;
        dsx_allocator a = counting_init(&counter, fail_at);
        dsx_kept kept;
        dsx_options o;
        dsx_result r, copied = DSX_VALID;
        char *out = NULL;
        size_t length = 0;
        dsx_kept_init(&kept, NULL, 0, &a);
        r = dsx_validate_options_kept(input, strlen(input), &c, &o, &kept, NULL);
        if (r == DSX_VALID) copied = dsx_kept_copy(&kept);
        if (r == DSX_VALID && copied == DSX_VALID)
            copied = dsx_emit_options_alloc(&o, &kept, 0, &a, &out, &length);
        if (r != DSX_VALID || copied != DSX_VALID) {
            assert_int_equal(r == DSX_VALID ? copied : r, DSX_NO_MEMORY);
            assert_null(out);
            dsx_kept_free(&kept);
            assert_int_equal(counter.live_bytes, 0);
            assert_int_equal(counter.size_mismatch, 0);
            continue;
        }
        assert_string_equal(out, "{\"Atime\":\"NONE\",\"Mtime\":\"NONE\",\"Z\":[1,{\"y\":null,"
                                 "\"\\u0041\":[]},\"s\\n\"],\"\\u00e9\":{},\"B\":-0.5e1}");
        a.release(a.context, out, length + 1);
        dsx_kept_free(&kept);
        assert_int_equal(counter.live_bytes, 0);
        assert_int_equal(counter.size_mismatch, 0);
        assert_true(fail_at > 2);   /* grow the list, copy the bytes, the output */
        break;
    }
    free(input);
}

static void keep_grows_past_many_members(void **state)
{
    size_t n = 5000, i, at = 0;
    char *doc = malloc(n * 16 + 16);
    counting_allocator counter;
    dsx_allocator a = counting_init(&counter, 0);
    dsx_kept kept;
    dsx_config c = keep_config();
    size_t length;
    char *out;
    (void)state;
    doc[at++] = '{';
    for (i = 0; i < n; i++) at += (size_t)sprintf(doc + at, "%s\"k%lu\":%lu", i ? "," : "", (unsigned long)i, (unsigned long)i);
    doc[at++] = '}';
    dsx_kept_init(&kept, NULL, 0, &a);
    {
        dsx_options o;
        assert_int_equal(dsx_validate_options_kept(doc, at, &c, &o, &kept, NULL), DSX_VALID);
        assert_int_equal(kept.count, n);
        assert_int_equal(dsx_emit_options_alloc(&o, &kept, 0, &a, &out, &length), DSX_VALID);
    }
    assert_int_equal(length, at);
    assert_memory_equal(out, doc, at);
    a.release(a.context, out, length + 1);
    dsx_kept_free(&kept);
    assert_int_equal(counter.live_bytes, 0);
    free(doc);
}

/* ---- error body ---- */

static void error_body(void **state)
{
    static const char doc[] = "{\"Options\":{\"VerifyMode\":\"a\\\"b\\\\c\\u0001\"}}";
    dsx_diag items[8];
    dsx_diag_list list;
    char buf[2048];
    size_t full;
    (void)state;
    list = list_over(items, 8);
    assert_int_equal(dsx_validate_request(doc, sizeof doc - 1, NULL, NULL, &list), DSX_INVALID);
    dsx_error_body(list.items, list.stored, list.errors, doc, sizeof doc - 1, buf, sizeof buf);
    assert_string_equal(buf,
        "{\"__type\":\"InvalidRequestException\",\"message\":\"3 validation errors detected: "
        "Value 'a\\\"b\\\\\\\\c\\\\u0001' at 'options.verifyMode' failed to satisfy constraint: "
        "Member cannot be updated by UpdateTaskExecution; only BytesPerSecond can; "
        "Value 'a\\\"b\\\\\\\\c\\\\u0001' at 'options.verifyMode' failed to satisfy constraint: "
        "Member must satisfy enum value set: [POINT_IN_TIME_CONSISTENT, ONLY_FILES_TRANSFERRED, NONE]; "
        "Value null at 'taskExecutionArn' failed to satisfy constraint: Member must not be null\","
        "\"errorCode\":\"InvalidParameter\"}");
    /* The body is one strict JSON text. */
    assert_int_equal(dsx_check_json(buf, strlen(buf), NULL, NULL), DSX_VALID);
    full = strlen(buf);
    assert_int_equal(dsx_error_body(list.items, list.stored, list.errors, doc, sizeof doc - 1,
                                    buf, 10), full);
    assert_int_equal(strlen(buf), 9);
}

/* ---- round trip ---- */

static uint32_t lcg(uint32_t *s)
{
    *s = *s * 1664525u + 1013904223u;
    return *s >> 8;
}

static const char *const option_names[DSX_OPTION_COUNT] = {
    "VerifyMode", "OverwriteMode", "Atime", "Mtime", "Uid", "Gid", "PreserveDeletedFiles",
    "PreserveDevices", "PosixPermissions", "BytesPerSecond", "TaskQueueing", "LogLevel",
    "TransferMode", "SecurityDescriptorCopyFlags", "ObjectTags"
};
static const char *const some_values[] = {
    "NONE", "PRESERVE", "ALWAYS", "NEVER", "BEST_EFFORT", "INT_VALUE", "NAME", "BOTH",
    "REMOVE", "ENABLED", "DISABLED", "OFF", "BASIC", "TRANSFER", "CHANGED", "ALL",
    "OWNER_DACL", "OWNER_DACL_SACL", "POINT_IN_TIME_CONSISTENT", "ONLY_FILES_TRANSFERRED"
};
static const char *const some_numbers[] = {
    "-1", "0", "1", "1048576", "9223372036854775807", "1e3", "12.50e1", "-1.0", "7E0"
};

/* A random Options document: known members in random order, some unknown. */
static size_t random_options(uint32_t *seed, char *out)
{
    size_t at = 0;
    int i, members = (int)(lcg(seed) % 12);
    out[at++] = '{';
    for (i = 0; i < members; i++) {
        uint32_t pick = lcg(seed) % (DSX_OPTION_COUNT + 2);
        if (i) out[at++] = ',';
        if (pick >= DSX_OPTION_COUNT)
            at += (size_t)sprintf(out + at, "\"U%u\":[%u,{\"q\":\"\\u00e9\"}]", lcg(seed) % 9, pick);
        else if (pick == DSX_OPT_BYTES_PER_SECOND)
            at += (size_t)sprintf(out + at, "\"%s\":%s", option_names[pick],
                                  some_numbers[lcg(seed) % 9]);
        else
            at += (size_t)sprintf(out + at, "\"%s\":\"%s\"", option_names[pick],
                                  some_values[lcg(seed) % 20]);
    }
    out[at++] = '}';
    out[at] = '\0';
    return at;
}

static void round_trip_one(const char *doc, size_t length, unsigned flags, size_t *valid)
{
    dsx_config c = profile_config(WIRE);
    dsx_kept_member k1[16], k2[16];
    dsx_kept kept1, kept2;
    dsx_options a, b;
    char first[4096], second[4096];
    size_t n1, n2;
    c.unknown_members = DSX_UNKNOWN_KEEP;
    dsx_kept_init(&kept1, k1, 16, NULL);
    dsx_kept_init(&kept2, k2, 16, NULL);
    if (dsx_validate_options_kept(doc, length, &c, &a, &kept1, NULL) != DSX_VALID) return;
    ++*valid;
    n1 = dsx_emit_options(&a, &kept1, flags, first, sizeof first);
    assert_true(n1 > 0 && n1 < sizeof first);
    assert_int_equal(dsx_validate_options_kept(first, n1, &c, &b, &kept2, NULL), DSX_VALID);
    assert_memory_equal(&a, &b, sizeof a);
    assert_int_equal(kept1.count, kept2.count);
    n2 = dsx_emit_options(&b, &kept2, flags, second, sizeof second);
    assert_int_equal(n1, n2);
    assert_memory_equal(first, second, n1);
}

static void round_trip_many_documents(void **state)
{
    static const unsigned forms[] = { 0, DSX_EMIT_PRETTY, DSX_EMIT_SORTED,
                                      DSX_EMIT_PRETTY | DSX_EMIT_SORTED };
    uint32_t seed = 12345;
    size_t i, valid = 0;
    char doc[4096];
    (void)state;
    for (i = 0; i < 20000; i++) {
        size_t length = random_options(&seed, doc);
        round_trip_one(doc, length, forms[i % 4], &valid);
    }
    assert_true(valid > 2000);   /* enough of them are valid to mean something */
}

static void round_trip_requests(void **state)
{
    static const char *const docs[] = {
        REQ("{}"), REQ("{\"BytesPerSecond\":-1}"), REQ("{\"BytesPerSecond\":9223372036854775807}"),
        "{\"Options\":{\"BytesPerSecond\":5},\"TaskExecutionArn\":\"arn:aws-iso-b:datasync:"
        "a-b-9:000000000000:task/task-00000000000000000/execution/exec-fffffffffffffffff\"}",
        "{\"TaskExecutionArn\":\"\\u0061rn:aws:datasync:x:123456789012:task/task-0123456789abcdef0"
        "/execution/exec-0123456789abcdef0\",\"Options\":{}}",
    };
    size_t i;
    (void)state;
    for (i = 0; i < sizeof docs / sizeof docs[0]; i++) {
        dsx_request a = parse_request(docs[i], STRICT), b;
        char first[1024], second[1024];
        size_t n1 = dsx_emit_request(&a, NULL, 0, first, sizeof first), n2;
        assert_true(n1 > 0);
        b = parse_request(first, STRICT);
        assert_memory_equal(&a, &b, sizeof a);
        n2 = dsx_emit_request(&b, NULL, 0, second, sizeof second);
        assert_int_equal(n1, n2);
        assert_string_equal(first, second);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(compact_and_sorted_forms),
        cmocka_unit_test(pretty_form),
        cmocka_unit_test(integers_in_plain_decimal),
        cmocka_unit_test(escaping),
        cmocka_unit_test(snprintf_semantics),
        cmocka_unit_test(refuses_invalid_structures),
        cmocka_unit_test(effective_options),
        cmocka_unit_test(keep_unknown_members),
        cmocka_unit_test(keep_in_request),
        cmocka_unit_test(keep_copy_and_allocation_failures),
        cmocka_unit_test(keep_grows_past_many_members),
        cmocka_unit_test(error_body),
        cmocka_unit_test(round_trip_many_documents),
        cmocka_unit_test(round_trip_requests),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
