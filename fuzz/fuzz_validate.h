/*
 * The body of the two validation harnesses (request and Options): byte 0
 * picks the settings, byte 1 the kept-list set-up; the rest is the document.
 * Every renderer runs over the result, a valid document must emit and
 * validate again to the same structure, and no kept block may leak.
 */
#include "fuzz_common.h"

static dsx_result validate_doc(const char *json, size_t length, const dsx_config *c,
                               dsx_request *request, dsx_options *options, dsx_kept *kept,
                               dsx_diag_list *list)
{
#if FUZZ_REQUEST
    (void)options;
    return dsx_validate_request_kept(json, length, c, request, kept, list);
#else
    (void)request;
    return dsx_validate_options_kept(json, length, c, options, kept, list);
#endif
}

static size_t emit_doc(const dsx_request *request, const dsx_options *options,
                       const dsx_kept *kept, unsigned flags, char *buf, size_t size)
{
#if FUZZ_REQUEST
    (void)options;
    return dsx_emit_request(request, kept, flags, buf, size);
#else
    (void)request;
    return dsx_emit_options(options, kept, flags, buf, size);
#endif
}

/*
 * Without a kept list the plainly valid document takes the fast path
 * (src/fast.c); with one it never does. Both must decide alike: same
 * verdict, same diagnostics, same structure.
 */
static void check_fast_path(const char *json, size_t length, const dsx_config *c, dsx_result r,
                            const dsx_request *request, const dsx_options *options,
                            const dsx_diag_list *list)
{
    static dsx_diag items[16];
    dsx_diag_list again;
    dsx_request request2;
    dsx_options options2;
    dsx_result r2;
    size_t i;
    if (r == DSX_NO_MEMORY) return;   /* only the kept list can run out */
    memset(&again, 0, sizeof again);
    again.items = items;
    again.capacity = list->capacity;
    r2 = validate_doc(json, length, c, &request2, &options2, NULL, &again);
    fuzz_check(r2 == r && again.stored == list->stored && again.errors == list->errors &&
               again.warnings == list->warnings && again.total == list->total);
    for (i = 0; i < again.stored; i++)
        fuzz_check(items[i].code == list->items[i].code && items[i].offset == list->items[i].offset &&
                   items[i].severity == list->items[i].severity && items[i].line == list->items[i].line);
    if (r != DSX_VALID && r != DSX_INVALID) return;
#if FUZZ_REQUEST
    (void)options;
    fuzz_check(memcmp(&request2, request, sizeof request2) == 0);
#else
    (void)request;
    fuzz_check(memcmp(&options2, options, sizeof options2) == 0);
#endif
}

static void fuzz_one(const uint8_t *data, size_t size)
{
    static dsx_diag items[16];
    static char out[1 << 20];
    dsx_kept_member fixed[4];
    dsx_diag_list list;
    dsx_config c;
    dsx_request request, again_request;
    dsx_options options, again_options;
    dsx_kept kept;
    counting_allocator counter;
    dsx_allocator a;
    dsx_result r;
    const char *json;
    size_t length, n;
    unsigned flags;
    if (size < 2) return;
    c = fuzz_config(data[0]);
    a = counting_init(&counter, data[1] & 3);   /* fail the 1st/2nd/3rd block, or never */
    dsx_kept_init(&kept, (data[1] & 4) ? fixed : NULL, (data[1] & 4) ? 4 : 0,
                  (data[1] & 8) ? NULL : &a);
    json = (const char *)data + 2;
    length = size - 2;
    memset(&list, 0, sizeof list);
    list.items = items;
    list.capacity = 1 + (data[1] >> 4);
    r = validate_doc(json, length, &c, &request, &options, &kept, &list);
    fuzz_check_verdict(r, &list);
    check_fast_path(json, length, &c, r, &request, &options, &list);
    fuzz_render_all(&list, json, length);
    if (r != DSX_VALID) {
        /* Nothing kept from a malformed document or a failure; an invalid
           one keeps what it found until it is freed. */
        if (r != DSX_INVALID) fuzz_check(kept.count == 0 && counter.live_bytes == 0);
        dsx_kept_free(&kept);
        fuzz_check(counter.live_bytes == 0);
        return;
    }
    /* A valid document emits, and what it emits validates to the same. */
    flags = (data[1] >> 4) & (DSX_EMIT_PRETTY | DSX_EMIT_SORTED);
    if (c.not_updatable == DSX_SEVERITY_WARNING) flags |= DSX_EMIT_ANY_OPTION;
    n = emit_doc(&request, &options, &kept, flags, out, sizeof out);
    fuzz_check(n > 0);
    if (n < sizeof out) {
        dsx_config skip = c;
        if (skip.unknown_members == DSX_UNKNOWN_KEEP) skip.unknown_members = DSX_UNKNOWN_SKIP;
        skip.max_size = sizeof out;
        skip.max_depth = DSX_DEPTH_CAP;
        fuzz_check(validate_doc(out, n, &skip, &again_request, &again_options, NULL, NULL) == DSX_VALID);
#if FUZZ_REQUEST
        fuzz_check(memcmp(&request, &again_request, sizeof request) == 0);
#else
        fuzz_check(memcmp(&options, &again_options, sizeof options) == 0);
#endif
    }
    dsx_kept_free(&kept);
    fuzz_check(counter.live_bytes == 0);
}
