/*
 * Spec §7, allocation failure: every operation that allocates is run with
 * an allocator that fails its 1st, 2nd, ... Nth allocation, until the
 * operation succeeds. Each failure must be DSX_NO_MEMORY, leave nothing
 * behind and leak nothing; the counting allocator proves it.
 */
#include "helpers.h"
#include "alloc_helpers.h"

/* A document with `n` unknown members in Options and one in the request. */
static char *many_unknown(size_t n, size_t *length)
{
    char *doc = malloc(n * 24 + 256);
    size_t at, i;
    at = (size_t)sprintf(doc, "{\"TaskExecutionArn\":\"%s\",\"Options\":{", ARN);
    for (i = 0; i < n; i++)
        at += (size_t)sprintf(doc + at, "%s\"u%lu\":[%lu]", i ? "," : "", (unsigned long)i,
                              (unsigned long)i);
    at += (size_t)sprintf(doc + at, "},\"Z\":{\"a\":null}}");
    *length = at;
    return doc;
}

static dsx_config keep(void)
{
    dsx_config c;
    dsx_config_init(&c, DSX_PROFILE_WIRE);
    c.unknown_members = DSX_UNKNOWN_KEEP;
    return c;
}

/* Validation that grows the kept list 16 -> 32 -> 64 -> 128 -> 256. */
static void kept_list_growth(void **state)
{
    size_t length, fail_at, failures = 0;
    char *doc = many_unknown(200, &length);
    dsx_config c = keep();
    (void)state;
    for (fail_at = 1;; fail_at++) {
        counting_allocator counter;
        dsx_allocator a = counting_init(&counter, fail_at);
        dsx_kept kept;
        dsx_request r;
        dsx_diag items[4];
        dsx_diag_list list;
        dsx_result result;
        list = list_over(items, 4);
        dsx_kept_init(&kept, NULL, 0, &a);
        result = dsx_validate_request_kept(doc, length, &c, &r, &kept, &list);
        if (result == DSX_NO_MEMORY) {
            failures++;
            assert_int_equal(kept.count, 0);
            assert_int_equal(counter.live_bytes, 0);      /* nothing left allocated */
            assert_int_equal(r.present, 0);               /* nothing half-filled */
            assert_int_equal(list.errors, 0);             /* diagnostics still complete */
            continue;
        }
        assert_int_equal(result, DSX_VALID);
        assert_int_equal(kept.count, 201);
        dsx_kept_free(&kept);
        assert_int_equal(counter.live_bytes, 0);
        assert_int_equal(counter.allocations, counter.releases);
        assert_int_equal(counter.size_mismatch, 0);
        break;
    }
    assert_int_equal(failures, 5);   /* one per growth step */
    free(doc);
}

/* The same for a bare Options document, starting in a small fixed array. */
static void kept_list_growth_from_fixed_array(void **state)
{
    static const char doc[] = "{\"a\":1,\"b\":2,\"c\":3,\"d\":4,\"LogLevel\":\"OFF\"}";
    size_t fail_at;
    dsx_config c = keep();
    (void)state;
    for (fail_at = 1;; fail_at++) {
        counting_allocator counter;
        dsx_allocator a = counting_init(&counter, fail_at);
        dsx_kept_member fixed[2];
        dsx_kept kept;
        dsx_options o;
        dsx_result result;
        dsx_kept_init(&kept, fixed, 2, &a);
        result = dsx_validate_options_kept(doc, sizeof doc - 1, &c, &o, &kept, NULL);
        if (result == DSX_NO_MEMORY) {
            assert_int_equal(kept.count, 0);
            assert_int_equal(counter.live_bytes, 0);
            assert_int_equal(o.present, 0);
            continue;
        }
        assert_int_equal(result, DSX_VALID);
        assert_int_equal(kept.count, 4);
        assert_int_equal(counter.allocations, 1);   /* 2 fixed, then one block of 16 */
        dsx_kept_free(&kept);
        assert_int_equal(counter.live_bytes, 0);
        assert_int_equal(fail_at, 2);
        break;
    }
}

static void kept_copy(void **state)
{
    size_t length, fail_at;
    char *doc = many_unknown(20, &length);
    dsx_config c = keep();
    (void)state;
    for (fail_at = 1;; fail_at++) {
        counting_allocator counter;
        dsx_allocator a = counting_init(&counter, 0);
        dsx_kept kept;
        dsx_request r;
        size_t before;
        dsx_kept_init(&kept, NULL, 0, &a);
        assert_int_equal(dsx_validate_request_kept(doc, length, &c, &r, &kept, NULL), DSX_VALID);
        counter.fail_at = counter.calls + fail_at;
        before = counter.live_bytes;
        if (dsx_kept_copy(&kept) == DSX_NO_MEMORY) {
            assert_int_equal(counter.live_bytes, before);   /* the list is unchanged */
            assert_ptr_equal(kept.text, doc);
            dsx_kept_free(&kept);
            assert_int_equal(counter.live_bytes, 0);
            continue;
        }
        assert_ptr_not_equal(kept.text, doc);
        memset(doc, ' ', length);                           /* the input may go now */
        {
            char out[1024];
            assert_true(dsx_emit_request(&r, &kept, 0, out, sizeof out) > 0);
            assert_non_null(strstr(out, "\"u19\":[19]}"));
            assert_non_null(strstr(out, ",\"Z\":{\"a\":null}}"));
        }
        dsx_kept_free(&kept);
        assert_int_equal(counter.live_bytes, 0);
        assert_int_equal(counter.size_mismatch, 0);
        break;
    }
    free(doc);
}

static void emit_into_memory(void **state)
{
    size_t fail_at;
    dsx_request r;
    dsx_options o;
    static const char doc[] = REQ("{\"BytesPerSecond\":9}");
    (void)state;
    assert_int_equal(dsx_validate_request(doc, sizeof doc - 1, NULL, &r, NULL), DSX_VALID);
    o = r.options;
    for (fail_at = 1; fail_at <= 2; fail_at++) {
        counting_allocator counter;
        dsx_allocator a = counting_init(&counter, fail_at);
        char *out = (char *)1;
        size_t length = 99;
        dsx_result result = dsx_emit_request_alloc(&r, NULL, 0, &a, &out, &length);
        if (fail_at == 1) {
            assert_int_equal(result, DSX_NO_MEMORY);
            assert_null(out);
            assert_int_equal(length, 0);
            assert_int_equal(counter.live_bytes, 0);
            assert_int_equal(dsx_emit_options_alloc(&o, NULL, 0, &a, &out, &length), DSX_VALID);
            assert_string_equal(out, "{\"BytesPerSecond\":9}");
            a.release(a.context, out, length + 1);
            assert_int_equal(counter.live_bytes, 0);
            continue;
        }
        assert_int_equal(result, DSX_VALID);
        assert_string_equal(out, doc);
        assert_int_equal(length, sizeof doc - 1);
        a.release(a.context, out, length + 1);
        assert_int_equal(counter.live_bytes, 0);
        assert_int_equal(counter.size_mismatch, 0);
    }
    /* Refused documents allocate nothing. */
    {
        counting_allocator counter;
        dsx_allocator a = counting_init(&counter, 0);
        char *out;
        size_t length;
        r.options.present |= DSX_BIT(DSX_OPT_UID);
        assert_int_equal(dsx_emit_request_alloc(&r, NULL, 0, &a, &out, &length), DSX_INVALID);
        assert_int_equal(counter.calls, 0);
        assert_int_equal(dsx_emit_request_alloc(&r, NULL, 0, NULL, &out, &length), DSX_BAD_ARGUMENT);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(kept_list_growth),
        cmocka_unit_test(kept_list_growth_from_fixed_array),
        cmocka_unit_test(kept_copy),
        cmocka_unit_test(emit_into_memory),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
