/*
 * Harness: emit round trip. parse -> emit -> parse -> emit must give
 * identical bytes and equal structures (and equal kept lists), in the form
 * byte 0 picks, for a request or an Options document.
 */
#include "fuzz_common.h"

typedef struct parsed {
    dsx_request request;
    dsx_options options;
    dsx_kept_member room[64];
    dsx_kept kept;
} parsed;

static dsx_result parse(bool request, const char *json, size_t length, const dsx_config *c,
                        parsed *p)
{
    dsx_kept_init(&p->kept, p->room, 64, NULL);
    if (request) return dsx_validate_request_kept(json, length, c, &p->request, &p->kept, NULL);
    return dsx_validate_options_kept(json, length, c, &p->options, &p->kept, NULL);
}

static size_t emit(bool request, const parsed *p, unsigned flags, char *buf, size_t size)
{
    if (request) return dsx_emit_request(&p->request, &p->kept, flags, buf, size);
    return dsx_emit_options(&p->options, &p->kept, flags, buf, size);
}

static void fuzz_one(const uint8_t *data, size_t size)
{
    static parsed first, second;
    static char out1[1 << 18], out2[1 << 18];
    bool request;
    unsigned flags;
    dsx_config c;
    size_t n1, n2, i;
    if (size < 1) return;
    request = data[0] & 1;
    flags = (data[0] >> 1) & (DSX_EMIT_PRETTY | DSX_EMIT_SORTED);
    dsx_config_init(&c, (data[0] & 8) ? DSX_PROFILE_WIRE : DSX_PROFILE_STRICT);
    if (data[0] & 16) c.unknown_members = DSX_UNKNOWN_KEEP;
    if (c.not_updatable == DSX_SEVERITY_WARNING) flags |= DSX_EMIT_ANY_OPTION;
    c.max_size = sizeof out1 / 2;
    if (parse(request, (const char *)data + 1, size - 1, &c, &first) != DSX_VALID) return;
    n1 = emit(request, &first, flags, out1, sizeof out1);
    fuzz_check(n1 > 0);
    if (n1 >= sizeof out1) return;
    c.max_size = sizeof out1;
    c.max_depth = DSX_DEPTH_CAP;
    fuzz_check(parse(request, out1, n1, &c, &second) == DSX_VALID);
    if (request) fuzz_check(memcmp(&first.request, &second.request, sizeof first.request) == 0);
    else fuzz_check(memcmp(&first.options, &second.options, sizeof first.options) == 0);
    fuzz_check(first.kept.count == second.kept.count);
    for (i = 0; i < first.kept.count; i++)
        fuzz_check(first.kept.items[i].scope == second.kept.items[i].scope);
    n2 = emit(request, &second, flags, out2, sizeof out2);
    fuzz_check(n1 == n2 && memcmp(out1, out2, n1) == 0);
}
