/*
 * Spec §4 (JSON rules) and the malformed codes of §3 (syntax, utf8, depth,
 * too_large): strict RFC 8259 / RFC 3629 through dsx_check_json, and the
 * one-diagnostic rule through validation.
 *
 * Positions: the first byte at which the input stops being the beginning of
 * a valid JSON text (the length when it is only cut short); an ill-formed
 * UTF-8 sequence at its first byte. See docs/DIAGNOSTICS.md.
 */
#include "helpers.h"

#define JSON_OK(text) EXPECT(DOC_JSON, STRICT, text, DSX_VALID, "")
#define JSON_BAD(text, want) EXPECT(DOC_JSON, STRICT, text, DSX_MALFORMED, want)

static void accepts_every_kind_of_value(void **state)
{
    (void)state;
    JSON_OK("{}");
    JSON_OK("[]");
    JSON_OK("0");
    JSON_OK("-0");
    JSON_OK("-0.0e-0");
    JSON_OK("1.5e10");
    JSON_OK("1E+3");
    JSON_OK("123456789012345678901234567890");
    JSON_OK("\"a\"");
    JSON_OK("true");
    JSON_OK("false");
    JSON_OK("null");
    JSON_OK(" \t\n\r{} \n");
    JSON_OK("[1,[2,{\"a\":null,\"b\":[true,false]}],\"x\"]");
    JSON_OK("\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u0000 \\u00e9 \\uD83D\\uDE00 \\ud83d\\ude00\"");
    JSON_OK("\"\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80 \xef\xbf\xbf \xf4\x8f\xbf\xbf \x7f\"");
}

static void duplicate_names_are_legal_json(void **state)
{
    (void)state;
    JSON_OK("{\"a\":1,\"a\":2}");
    JSON_OK("{\"VerifyMode\":1,\"VerifyMode\":2}");
}

static void rejects_empty_input_and_whitespace(void **state)
{
    (void)state;
    JSON_BAD("", "syntax  0 1:1");
    JSON_BAD("   ", "syntax  3 1:4");
    JSON_BAD("\n\n", "syntax  2 3:1");
    expect_n(DOC_JSON, STRICT, NULL, 0, DSX_MALFORMED, "syntax  0 1:1");
}

static void rejects_byte_order_mark(void **state)
{
    (void)state;
    JSON_BAD("\xef\xbb\xbf{}", "syntax  0 1:1");
    EXPECT(DOC_REQUEST, STRICT, "\xef\xbb\xbf" REQ("{}"), DSX_MALFORMED, "syntax  0 1:1");
}

static void rejects_structural_mistakes(void **state)
{
    (void)state;
    JSON_BAD("{\"a\":1,}", "syntax  7 1:8");      /* trailing comma */
    JSON_BAD("[1,]", "syntax  3 1:4");
    JSON_BAD("[1 2]", "syntax  3 1:4");
    JSON_BAD("{\"a\" 1}", "syntax  5 1:6");
    JSON_BAD("{a:1}", "syntax  1 1:2");
    JSON_BAD("{'a':1}", "syntax  1 1:2");
    JSON_BAD("{\"a\":1 \"b\":2}", "syntax  7 1:8");
    JSON_BAD("[1,2}", "syntax  4 1:5");
    JSON_BAD("{\"a\":1]", "syntax  6 1:7");
    JSON_BAD("]", "syntax  0 1:1");
    JSON_BAD("{", "syntax  1 1:2");
    JSON_BAD("[[]", "syntax  3 1:4");
    JSON_BAD("{\"a\":", "syntax  5 1:6");
    JSON_BAD("{} x", "syntax  3 1:4");      /* trailing garbage */
    JSON_BAD("{}{}", "syntax  2 1:3");
    JSON_BAD("1 2", "syntax  2 1:3");
    JSON_BAD("{\"a\":1}\0", "syntax  7 1:8");
    JSON_BAD("/* c */{}", "syntax  0 1:1");     /* no comments */
    JSON_BAD("{\x01}", "syntax  1 1:2");
    JSON_BAD("\f{}", "syntax  0 1:1");          /* form feed is not JSON whitespace */
    JSON_BAD("{\"a\":1,\n  }", "syntax  10 2:3");
}

static void rejects_bad_numbers(void **state)
{
    (void)state;
    JSON_BAD("01", "syntax  1 1:2");           /* leading zero */
    JSON_BAD("-01", "syntax  2 1:3");
    JSON_BAD("00", "syntax  1 1:2");
    JSON_BAD("+1", "syntax  0 1:1");
    JSON_BAD(".5", "syntax  0 1:1");
    JSON_BAD("-", "syntax  1 1:2");
    JSON_BAD("-a", "syntax  1 1:2");
    JSON_BAD("1.", "syntax  2 1:3");
    JSON_BAD("1.e3", "syntax  2 1:3");
    JSON_BAD("1e", "syntax  2 1:3");
    JSON_BAD("1e+", "syntax  3 1:4");
    JSON_BAD("1e+x", "syntax  3 1:4");
    JSON_BAD("[1.5.]", "syntax  4 1:5");
    JSON_BAD("NaN", "syntax  0 1:1");
    JSON_BAD("Infinity", "syntax  0 1:1");
    JSON_BAD("-Infinity", "syntax  1 1:2");
    JSON_BAD("0x10", "syntax  1 1:2");
}

static void rejects_bad_literals(void **state)
{
    (void)state;
    JSON_BAD("tru", "syntax  3 1:4");
    JSON_BAD("trux", "syntax  3 1:4");
    JSON_BAD("truex", "syntax  4 1:5");
    JSON_BAD("nul", "syntax  3 1:4");
    JSON_BAD("[nULL]", "syntax  2 1:3");
    JSON_BAD("True", "syntax  0 1:1");
    JSON_BAD("fals", "syntax  4 1:5");
}

static void rejects_bad_strings(void **state)
{
    (void)state;
    JSON_BAD("\"abc", "syntax  4 1:5");                 /* unterminated */
    JSON_BAD("\"a\x01\"", "syntax  2 1:3");             /* control character */
    JSON_BAD("\"a\nb\"", "syntax  2 1:3");
    JSON_BAD("\"a\tb\"", "syntax  2 1:3");
    JSON_BAD("\"\x1f\"", "syntax  1 1:2");
    JSON_BAD("\"\\x\"", "syntax  2 1:3");               /* bad escape */
    JSON_BAD("\"\\a\"", "syntax  2 1:3");
    JSON_BAD("\"\\U0041\"", "syntax  2 1:3");
    JSON_BAD("\"\\u12\"", "syntax  5 1:6");             /* short \u */
    JSON_BAD("\"\\u12G4\"", "syntax  5 1:6");
    JSON_BAD("\"\\", "syntax  2 1:3");
    JSON_BAD("\"\\u00", "syntax  5 1:6");
}

static void rejects_escaped_lone_surrogates(void **state)
{
    (void)state;
    JSON_BAD("\"\\uD800\"", "syntax  7 1:8");           /* high, then the quote */
    JSON_BAD("\"\\ud800x\"", "syntax  7 1:8");
    JSON_BAD("\"\\uD800\\n\"", "syntax  8 1:9");        /* high, then another escape */
    JSON_BAD("\"\\uD800\\u0041\"", "syntax  9 1:10");   /* high, then no low */
    JSON_BAD("\"\\uD800\\uDBFF\"", "syntax  10 1:11");  /* high, then high */
    JSON_BAD("\"\\uDC00\"", "syntax  4 1:5");           /* low alone */
    JSON_BAD("\"\\udfff\"", "syntax  4 1:5");
    JSON_BAD("\"\\uD800", "syntax  7 1:8");             /* cut short */
    JSON_BAD("{\"\\uDE00\":1}", "syntax  5 1:6");       /* in a member name */
}

static void rejects_invalid_utf8_everywhere(void **state)
{
    (void)state;
    JSON_BAD("\"\xc0\x80\"", "utf8  1 1:2");            /* overlong NUL */
    JSON_BAD("\"\xc1\xbf\"", "utf8  1 1:2");
    JSON_BAD("\"\xe0\x80\x80\"", "utf8  1 1:2");        /* overlong, 3 bytes */
    JSON_BAD("\"\xf0\x80\x80\x80\"", "utf8  1 1:2");    /* overlong, 4 bytes */
    JSON_BAD("\"\xed\xa0\x80\"", "utf8  1 1:2");        /* surrogate U+D800 */
    JSON_BAD("\"\xed\xbf\xbf\"", "utf8  1 1:2");        /* surrogate U+DFFF */
    JSON_BAD("\"\xf4\x90\x80\x80\"", "utf8  1 1:2");    /* above U+10FFFF */
    JSON_BAD("\"\xf5\x80\x80\x80\"", "utf8  1 1:2");
    JSON_BAD("\"\xe2\x82\"", "utf8  1 1:2");            /* truncated, then quote */
    JSON_BAD("\"\xe2\x82", "utf8  1 1:2");              /* truncated at the end */
    JSON_BAD("\"\xf0\x9f\x98", "utf8  1 1:2");
    JSON_BAD("\"\x80\"", "utf8  1 1:2");                /* stray continuation */
    JSON_BAD("\"ok\xff\"", "utf8  3 1:4");
    JSON_BAD("\xff", "utf8  0 1:1");                    /* outside strings too */
    JSON_BAD("{}\xff", "utf8  2 1:3");
    JSON_BAD("[1,\xc3]", "utf8  3 1:4");
    JSON_BAD("{\"a\":tru\xff}", "utf8  8 1:9");
    JSON_BAD("{}\xc3\xa9", "syntax  2 1:3");            /* valid UTF-8, still garbage */
    /* the first problem in the input decides */
    JSON_BAD("{\"a\" x\xff}", "syntax  5 1:6");
    JSON_BAD("{\"a\" \xff}", "utf8  5 1:6");
    JSON_BAD("[\"\xff\", x]", "utf8  2 1:3");
}

static void counts_lines_by_line_feed(void **state)
{
    (void)state;
    JSON_BAD("{\n  \"a\": 1,\n}", "syntax  12 3:1");
    JSON_BAD("{\r\n\"a\":1,\r\n}", "syntax  11 3:1");
    JSON_BAD("[\r1,\r]", "syntax  5 1:6");              /* CR alone ends no line */
    JSON_BAD("[\n\n\n  \"\xe2\x82\"]", "utf8  7 4:4");
}

/*
 * The bytes that end a run of plain string bytes, at every offset of the
 * 32-byte and 8-byte steps that skip such runs, with much or little input
 * after them: a quote ends the string, an escape and valid UTF-8 go on, a
 * control byte and bad UTF-8 are reported where they stand.
 */
static void string_stops_at_every_offset(void **state)
{
    static const struct { const char *bytes; dsx_code code; } stops[] = {
        {"\"", DSX_CODE_COUNT}, {"\\n\"", DSX_CODE_COUNT}, {"\xc3\xa9\"", DSX_CODE_COUNT},
        {"\x01\"", DSX_CODE_SYNTAX}, {"\x1f\"", DSX_CODE_SYNTAX}, {"\xff\"", DSX_CODE_UTF8},
        {"\x80\"", DSX_CODE_UTF8},
    };
    char doc[160];
    size_t k, plain, tail;
    (void)state;
    for (k = 0; k < sizeof stops / sizeof stops[0]; k++)
        for (plain = 0; plain <= 70; plain++)
            for (tail = 0; tail < 2; tail++) {
                dsx_diag diag;
                size_t n = 0, i;
                doc[n++] = '[';
                doc[n++] = '"';
                for (i = 0; i < plain; i++) doc[n++] = (char)('a' + i % 26);
                n += (size_t)sprintf(doc + n, "%s%s]", stops[k].bytes,
                                     tail ? ",\"and some more input after the string, 40\"" : "");
                memset(&diag, 0, sizeof diag);
                if (stops[k].code == DSX_CODE_COUNT) {
                    assert_int_equal(dsx_check_json(doc, n, NULL, &diag), DSX_VALID);
                    continue;
                }
                assert_int_equal(dsx_check_json(doc, n, NULL, &diag), DSX_MALFORMED);
                assert_int_equal(diag.code, stops[k].code);
                assert_int_equal(diag.offset, 2 + plain);
            }
}

static void *repeated(const char *head, size_t times, const char *tail)
{
    size_t h = strlen(head), t = strlen(tail), i;
    char *s = malloc(h * times + t * times + 1);
    for (i = 0; i < times; i++) memcpy(s + i * h, head, h);
    for (i = 0; i < times; i++) memcpy(s + h * times + i * t, tail, t);
    s[h * times + t * times] = '\0';
    return s;
}

static void nesting_64_is_accepted_and_65_rejected(void **state)
{
    char *ok = repeated("[", 64, "]"), *deep = repeated("[", 65, "]");
    char *very = repeated("{\"a\":", 100000, "}");
    char want[64];
    (void)state;
    expect_n(DOC_JSON, STRICT, ok, strlen(ok), DSX_VALID, "");
    expect_n(DOC_JSON, STRICT, deep, strlen(deep), DSX_MALFORMED, "depth  64 1:65");
    snprintf(want, sizeof want, "depth  %d 1:%d", 64 * 5, 64 * 5 + 1);
    expect_n(DOC_JSON, STRICT, very, strlen(very), DSX_MALFORMED, want);   /* no recursion */
    free(ok);
    free(deep);
    free(very);
}

static void depth_limit_counts_the_root_object(void **state)
{
    /* {"X": + 63 arrays = 64 levels: fine in the wire profile; one more is too deep */
    char *inner_ok = repeated("[", 63, "]"), *inner_deep = repeated("[", 64, "]");
    char doc[512];
    (void)state;
    snprintf(doc, sizeof doc, "{\"X\":%s}", inner_ok);
    expect_n(DOC_OPTIONS, WIRE, doc, strlen(doc), DSX_VALID, "");
    snprintf(doc, sizeof doc, "{\"X\":%s}", inner_deep);
    expect_n(DOC_OPTIONS, WIRE, doc, strlen(doc), DSX_MALFORMED, "depth  68 1:69");
    free(inner_ok);
    free(inner_deep);
}

static void configured_limits(void **state)
{
    dsx_config c = profile_config(STRICT);
    dsx_diag d;
    (void)state;
    c.max_depth = 2;
    assert_int_equal(dsx_check_json("[[]]", 4, &c, &d), DSX_VALID);
    assert_int_equal(dsx_check_json("[[[]]]", 6, &c, &d), DSX_MALFORMED);
    assert_int_equal(d.code, DSX_CODE_DEPTH);
    assert_int_equal(d.offset, 2);
    c.max_depth = 0;
    assert_int_equal(dsx_check_json("[]", 2, &c, &d), DSX_BAD_ARGUMENT);
    c.max_depth = DSX_DEPTH_CAP + 1;
    assert_int_equal(dsx_check_json("[]", 2, &c, &d), DSX_BAD_ARGUMENT);
    c.max_depth = DSX_DEPTH_CAP;
    assert_int_equal(dsx_check_json("[]", 2, &c, &d), DSX_VALID);
    assert_int_equal(dsx_check_json(NULL, 3, &c, &d), DSX_BAD_ARGUMENT);
}

static void size_limit(void **state)
{
    dsx_config c = profile_config(STRICT);
    dsx_diag d;
    char *big;
    size_t n = DSX_DEFAULT_MAX_SIZE;
    (void)state;
    c.max_size = 10;
    assert_int_equal(dsx_check_json("[1,2,3,45]", 10, &c, &d), DSX_VALID);
    assert_int_equal(dsx_check_json("[1,2,3,456]", 11, &c, &d), DSX_MALFORMED);
    assert_int_equal(d.code, DSX_CODE_TOO_LARGE);
    assert_int_equal(d.offset, 0);
    assert_int_equal(d.line, 1);
    assert_int_equal(d.column, 1);
    /* the default: exactly 1 MiB is accepted, one byte more is not */
    big = malloc(n + 1);
    memset(big, ' ', n + 1);
    big[0] = '{';
    big[n - 1] = '}';
    expect_n(DOC_JSON, STRICT, big, n, DSX_VALID, "");
    expect_n(DOC_JSON, STRICT, big, n + 1, DSX_MALFORMED, "too_large  0 1:1");
    expect_n(DOC_REQUEST, STRICT, big, n + 1, DSX_MALFORMED, "too_large  0 1:1");
    free(big);
}

static void malformed_means_one_diagnostic_only(void **state)
{
    (void)state;
    /* schema problems before the malformation are not reported */
    EXPECT(DOC_REQUEST, STRICT, "{\"Foo\":1,\"Options\":{\"VerifyMode\":\"X\"},", DSX_MALFORMED,
           "syntax  38 1:39");
    EXPECT(DOC_REQUEST, STRICT, REQ("{}") " x", DSX_MALFORMED, "syntax  137 1:138");
    EXPECT(DOC_OPTIONS, WIRE, "{\"X\":[1,{\"y\":nul}]}", DSX_MALFORMED, "syntax  16 1:17");
    EXPECT(DOC_OPTIONS, STRICT, "[1,2,]", DSX_MALFORMED, "syntax  5 1:6");
    EXPECT(DOC_OPTIONS, STRICT, "{\"Uid\":\"N\xc3\"}", DSX_MALFORMED, "utf8  9 1:10");
}

static void malformed_leaves_no_typed_result(void **state)
{
    outcome *o;
    dsx_config c = profile_config(STRICT);
    (void)state;
    o = run_doc(DOC_OPTIONS, &c, "{\"Uid\":\"NAME\",", 14);
    assert_int_equal(o->result, DSX_MALFORMED);
    assert_int_equal(o->options.present, 0);
    assert_int_equal(o->list.total, 1);
    assert_int_equal(o->list.errors, 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(accepts_every_kind_of_value),
        cmocka_unit_test(duplicate_names_are_legal_json),
        cmocka_unit_test(rejects_empty_input_and_whitespace),
        cmocka_unit_test(rejects_byte_order_mark),
        cmocka_unit_test(rejects_structural_mistakes),
        cmocka_unit_test(rejects_bad_numbers),
        cmocka_unit_test(rejects_bad_literals),
        cmocka_unit_test(rejects_bad_strings),
        cmocka_unit_test(rejects_escaped_lone_surrogates),
        cmocka_unit_test(rejects_invalid_utf8_everywhere),
        cmocka_unit_test(string_stops_at_every_offset),
        cmocka_unit_test(counts_lines_by_line_feed),
        cmocka_unit_test(nesting_64_is_accepted_and_65_rejected),
        cmocka_unit_test(depth_limit_counts_the_root_object),
        cmocka_unit_test(configured_limits),
        cmocka_unit_test(size_limit),
        cmocka_unit_test(malformed_means_one_diagnostic_only),
        cmocka_unit_test(malformed_leaves_no_typed_result),
    };
    return cmocka_run_group_tests_name("spec 4: JSON rules", tests, NULL, NULL);
}
