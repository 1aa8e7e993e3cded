/*
 * Harness: dsx_http_request. A valid request is framed; the frame's
 * Content-Length is its body's length, and the body validates to the same
 * request.
 */
#include "fuzz_common.h"

static void fuzz_one(const uint8_t *data, size_t size)
{
    static char frame[1 << 20];
    dsx_request request, again;
    dsx_config c;
    size_t n, header_end, declared = 0;
    const char *body, *p;
    unsigned flags = 0;
    if (size < 1) return;
    dsx_config_init(&c, (data[0] & 1) ? DSX_PROFILE_WIRE : DSX_PROFILE_STRICT);
    if (c.not_updatable == DSX_SEVERITY_WARNING) flags |= DSX_EMIT_ANY_OPTION;
    switch (dsx_validate_request((const char *)data + 1, size - 1, &c, &request, NULL)) {
    case DSX_VALID:
        break;
    case DSX_INVALID:   /* the members that were valid may still make a valid request */
        n = dsx_http_request(&request, NULL, flags, frame, sizeof frame);
        fuzz_check((n > 0) == (dsx_request_check(&request, flags) == DSX_VALID));
        return;
    default:            /* nothing is left of a malformed document */
        fuzz_check(dsx_http_request(&request, NULL, flags, frame, sizeof frame) == 0);
        return;
    }
    n = dsx_http_request(&request, NULL, flags, frame, sizeof frame);
    fuzz_check(n > 0 && n < sizeof frame && strlen(frame) == n);
    fuzz_check(strncmp(frame, "POST / HTTP/1.1\r\nHost: datasync.", 32) == 0);
    body = strstr(frame, "\r\n\r\n");
    fuzz_check(body != NULL);
    body += 4;
    header_end = (size_t)(body - frame);
    p = strstr(frame, "Content-Length: ");
    fuzz_check(p != NULL && p < body);
    for (p += 16; *p >= '0' && *p <= '9'; p++) declared = declared * 10 + (size_t)(*p - '0');
    fuzz_check(declared == n - header_end);
    c.max_size = sizeof frame;
    fuzz_check(dsx_validate_request(body, declared, &c, &again, NULL) == DSX_VALID);
    fuzz_check(memcmp(&request, &again, sizeof request) == 0);
}
