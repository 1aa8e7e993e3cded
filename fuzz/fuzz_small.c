/*
 * Harness: the default build against a size-optimised one. DSX_SMALL (any
 * -Os build) leaves out the fast path, the word-at-a-time scans, the hashed
 * look-ups and the short integer path, and compares every name and enum
 * value through the string decoder; the results must not change. Both
 * copies are linked into this one program, the small one's global symbols
 * renamed small_* (tools/small-copy.sh). Byte 0 picks the settings, byte 1
 * the entry point, the list's capacity and whether unknown members are
 * kept; on every input the two copies must give the same verdict, the same
 * diagnostics field by field, the same messages in both styles, the same
 * pointers, summary and error body, the same typed result and the same kept
 * members.
 */
#include "fuzz_common.h"

/*
 * The small copy's functions: the same types as the default build's
 * (dsx.h does not depend on DSX_SMALL), declared from them so that the two
 * cannot drift apart.
 */
extern __typeof__(dsx_validate_request_kept) small_dsx_validate_request_kept;
extern __typeof__(dsx_validate_options_kept) small_dsx_validate_options_kept;
extern __typeof__(dsx_check_json) small_dsx_check_json;
extern __typeof__(dsx_kept_init) small_dsx_kept_init;
extern __typeof__(dsx_kept_free) small_dsx_kept_free;
extern __typeof__(dsx_diag_pointer) small_dsx_diag_pointer;
extern __typeof__(dsx_diag_message_styled) small_dsx_diag_message_styled;
extern __typeof__(dsx_summary_styled) small_dsx_summary_styled;
extern __typeof__(dsx_error_body) small_dsx_error_body;

/* One copy of the library, by the functions the harness calls. */
typedef struct library {
    __typeof__(dsx_validate_request_kept) *validate_request;
    __typeof__(dsx_validate_options_kept) *validate_options;
    __typeof__(dsx_check_json) *check_json;
    __typeof__(dsx_kept_init) *kept_init;
    __typeof__(dsx_kept_free) *kept_free;
    __typeof__(dsx_diag_pointer) *pointer;
    __typeof__(dsx_diag_message_styled) *message;
    __typeof__(dsx_summary_styled) *summary;
    __typeof__(dsx_error_body) *error_body;
} library;

static const library default_build = {
    dsx_validate_request_kept, dsx_validate_options_kept, dsx_check_json, dsx_kept_init,
    dsx_kept_free, dsx_diag_pointer, dsx_diag_message_styled, dsx_summary_styled, dsx_error_body
};
static const library small_build = {
    small_dsx_validate_request_kept, small_dsx_validate_options_kept, small_dsx_check_json,
    small_dsx_kept_init, small_dsx_kept_free, small_dsx_diag_pointer,
    small_dsx_diag_message_styled, small_dsx_summary_styled, small_dsx_error_body
};

enum { ENTRY_REQUEST, ENTRY_OPTIONS, ENTRY_CHECK_JSON };

/* What one copy of the library gave for the document. */
typedef struct outcome {
    dsx_result result;
    dsx_diag items[16];
    dsx_diag_list list;
    dsx_request request;
    dsx_options options;
    dsx_kept kept;
    dsx_kept_member fixed[4];
} outcome;

static void start(outcome *o, size_t capacity)
{
    memset(o, 0, sizeof *o);
    o->list.items = o->items;
    o->list.capacity = capacity;
}

static void run(const library *lib, outcome *o, int entry, const char *json, size_t length,
                const dsx_config *c, bool keep, const dsx_allocator *a)
{
    lib->kept_init(&o->kept, o->fixed, 4, a);
    if (entry == ENTRY_REQUEST)
        o->result = lib->validate_request(json, length, c, &o->request, keep ? &o->kept : NULL,
                                          &o->list);
    else if (entry == ENTRY_OPTIONS)
        o->result = lib->validate_options(json, length, c, &o->options, keep ? &o->kept : NULL,
                                          &o->list);
    else
        o->result = lib->check_json(json, length, c, o->items);
}

/* Every renderer of both copies over the same diagnostics: the same bytes. */
static void compare_renderings(const outcome *o, const char *json, size_t length)
{
    static char a[1 << 14], b[1 << 14];
    const library *x = &default_build, *y = &small_build;
    size_t i, na, nb;
    int style;
#define SAME_BYTES() fuzz_check(na == nb && memcmp(a, b, na < sizeof a ? na : sizeof a) == 0)
    for (i = 0; i < o->list.stored; i++) {
        const dsx_diag *d = &o->items[i];
        na = x->pointer(d, json, length, a, sizeof a);
        nb = y->pointer(d, json, length, b, sizeof b);
        SAME_BYTES();
        for (style = 0; style < 2; style++) {
            na = x->message(d, (dsx_style)style, json, length, a, sizeof a);
            nb = y->message(d, (dsx_style)style, json, length, b, sizeof b);
            SAME_BYTES();
        }
    }
    for (style = 0; style < 2; style++) {
        na = x->summary(o->items, o->list.stored, o->list.errors, (dsx_style)style, json, length,
                        a, sizeof a);
        nb = y->summary(o->items, o->list.stored, o->list.errors, (dsx_style)style, json, length,
                        b, sizeof b);
        SAME_BYTES();
    }
    na = x->error_body(o->items, o->list.stored, o->list.errors, json, length, a, sizeof a);
    nb = y->error_body(o->items, o->list.stored, o->list.errors, json, length, b, sizeof b);
    SAME_BYTES();
#undef SAME_BYTES
}

static void fuzz_one(const uint8_t *data, size_t size)
{
    static outcome big, small;
    counting_allocator count_big, count_small;
    dsx_allocator alloc_big, alloc_small;
    dsx_config c;
    const char *json;
    size_t length, capacity, i;
    int entry;
    bool keep;
    if (size < 2) return;
    c = fuzz_config(data[0]);
    entry = (data[1] & 3) % 3;
    keep = (data[1] & 4) != 0;
    capacity = entry == ENTRY_CHECK_JSON ? 1 : 1 + ((data[1] >> 3) & 15u);
    json = (const char *)data + 2;
    length = size - 2;
    alloc_big = counting_init(&count_big, 0);
    alloc_small = counting_init(&count_small, 0);
    start(&big, capacity);
    start(&small, capacity);
    run(&default_build, &big, entry, json, length, &c, keep, &alloc_big);
    run(&small_build, &small, entry, json, length, &c, keep, &alloc_small);

    fuzz_check(big.result == small.result);
    if (entry == ENTRY_CHECK_JSON) {
        fuzz_check(memcmp(big.items, small.items, sizeof big.items[0]) == 0);
        return;
    }
    fuzz_check(big.list.stored == small.list.stored && big.list.total == small.list.total &&
               big.list.errors == small.list.errors && big.list.warnings == small.list.warnings);
    for (i = 0; i < big.list.stored; i++)
        fuzz_check(memcmp(&big.items[i], &small.items[i], sizeof big.items[i]) == 0);
    fuzz_check(memcmp(&big.request, &small.request, sizeof big.request) == 0);
    fuzz_check(memcmp(&big.options, &small.options, sizeof big.options) == 0);
    fuzz_check(big.kept.count == small.kept.count);
    for (i = 0; i < big.kept.count; i++) {   /* field by field: a member's padding is not written */
        const dsx_kept_member *x = &big.kept.items[i], *y = &small.kept.items[i];
        fuzz_check(x->scope == y->scope && x->name_offset == y->name_offset &&
                   x->name_length == y->name_length && x->value_offset == y->value_offset &&
                   x->value_length == y->value_length);
    }
    compare_renderings(&big, json, length);
    default_build.kept_free(&big.kept);
    small_build.kept_free(&small.kept);
    fuzz_check(count_big.live_bytes == 0 && count_small.live_bytes == 0 &&
               count_big.releases == count_big.allocations &&
               count_small.releases == count_small.allocations);
}
