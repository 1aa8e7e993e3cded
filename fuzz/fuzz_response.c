/*
 * Harness: dsx_parse_response. Byte 0 and 1 pick the status, byte 2 the
 * header's length (taken from the input), the rest is the body.
 */
#include "fuzz_common.h"

static void fuzz_one(const uint8_t *data, size_t size)
{
    static char buf[1 << 16];
    dsx_response r;
    int status, f;
    size_t header_length;
    const char *header;
    if (size < 3) return;
    status = 100 + ((data[0] << 8 | data[1]) % 500);
    header_length = data[2] % 64;
    if (header_length > size - 3) header_length = size - 3;
    header = (data[2] & 64) ? (const char *)data + 3 : NULL;
    if (!header) header_length = 0;
    dsx_parse_response(status, header, header_length, (const char *)data + 3 + header_length,
                       size - 3 - header_length, &r);
    if (status >= 200 && status <= 299) {
        fuzz_check(r.type == DSX_ERROR_NONE && r.fault == DSX_FAULT_NONE);
        return;
    }
    fuzz_check(r.type != DSX_ERROR_NONE && r.fault != DSX_FAULT_NONE);
    fuzz_check(r.modeled == (r.type == DSX_ERROR_INVALID_REQUEST || r.type == DSX_ERROR_INTERNAL));
    fuzz_check((r.type == DSX_ERROR_UNKNOWN) == !dsx_response_has(&r, DSX_FIELD_TYPE));
    for (f = 0; f < DSX_FIELD_COUNT; f++) {
        size_t n = dsx_response_text(&r, (dsx_response_field)f, NULL, 0);
        size_t m = dsx_response_text(&r, (dsx_response_field)f, buf, sizeof buf);
        fuzz_check(n == m);
        if (n < sizeof buf) fuzz_check(memchr(buf, '\0', n) == NULL || f == DSX_FIELD_MESSAGE ||
                                       f == DSX_FIELD_ERROR_CODE || f == DSX_FIELD_DATASYNC_ERROR_CODE);
        if (!dsx_response_has(&r, (dsx_response_field)f)) fuzz_check(n == 0);
    }
}
