/*
 * Shared by the fuzz harnesses: the entry point for AFL++ persistent mode,
 * for libFuzzer, or (built with a plain compiler) a replay main that runs
 * files given on the command line, so that a crash found by the fuzzer can
 * be rerun under sanitizers or a debugger.
 *
 * Each harness defines `static void fuzz_one(const uint8_t *data, size_t size)`
 * and calls `fuzz_fail()` when an invariant breaks, so the fuzzer finds
 * logic bugs as well as crashes. The input is always copied into a block of
 * exactly its size, with no terminating NUL: reading one byte past the end
 * is caught by AddressSanitizer.
 */
#ifndef DSX_FUZZ_COMMON_H
#define DSX_FUZZ_COMMON_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dsx.h"

static void fuzz_one(const uint8_t *data, size_t size);

#define fuzz_check(condition) \
    do { if (!(condition)) fuzz_fail(#condition, __FILE__, __LINE__); } while (0)

static inline void fuzz_fail(const char *what, const char *file, int line)
{
    fprintf(stderr, "%s:%d: invariant broken: %s\n", file, line, what);
    abort();
}

/* Runs one input from an exact-size copy. */
static inline void fuzz_run(const uint8_t *data, size_t size)
{
    uint8_t *copy = (uint8_t *)malloc(size ? size : 1);
    if (!copy) abort();
    if (size) memcpy(copy, data, size);
    fuzz_one(copy, size);
    free(copy);
}

/* The tests' counting allocator (fails the Nth call; proves nothing leaks). */
#include "../tests/alloc_helpers.h"

/* The first byte picks the profile and each setting on its own. */
static inline dsx_config fuzz_config(uint8_t b)
{
    dsx_config c;
    dsx_config_init(&c, (b & 1) ? DSX_PROFILE_WIRE : DSX_PROFILE_STRICT);
    if (b & 2) c.unknown_members = (dsx_unknown_policy)((b >> 2) % 3);
    if (b & 16) c.null_values = c.null_values == DSX_NULL_ERROR ? DSX_NULL_ABSENT : DSX_NULL_ERROR;
    if (b & 32) c.numbers = c.numbers == DSX_NUMBER_INTEGER_LITERAL ? DSX_NUMBER_INTEGRAL_VALUE
                                                                  : DSX_NUMBER_INTEGER_LITERAL;
    if (b & 64) c.not_updatable = c.not_updatable == DSX_SEVERITY_ERROR ? DSX_SEVERITY_WARNING
                                                                       : DSX_SEVERITY_ERROR;
    if (b & 128) {   /* small limits, to reach depth and too_large */
        c.max_depth = 1 + (b & 7);
        c.max_size = 64 + (size_t)(b & 12) * 16;
    }
    return c;
}

/* Every renderer over every stored diagnostic, with the invariants they keep. */
static inline void fuzz_render_all(const dsx_diag_list *list, const char *json, size_t length)
{
    static char buf[1 << 16];
    size_t i, n;
    int style;
    fuzz_check(list->stored <= list->capacity && list->stored <= list->total);
    fuzz_check(list->errors + list->warnings == list->total);
    for (i = 0; i < list->stored; i++) {
        const dsx_diag *d = &list->items[i];
        fuzz_check(d->offset <= length);
        fuzz_check(d->line >= 1 && d->column >= 1 && d->column <= d->offset + 1);
        fuzz_check(i == 0 || list->items[i - 1].offset <= d->offset);
        /* A pointer may hold U+0000 (a name written "\u0000"): check the end only. */
        n = dsx_diag_pointer(d, json, length, buf, sizeof buf);
        fuzz_check(n < sizeof buf ? buf[n] == '\0' : 1);
        for (style = 0; style < 2; style++) {
            n = dsx_diag_message_styled(d, (dsx_style)style, json, length, buf, sizeof buf);
            fuzz_check(n < sizeof buf && strlen(buf) == n);
            while (n--) fuzz_check((unsigned char)buf[n] >= 0x20 && buf[n] != 0x7F);
        }
    }
    for (style = 0; style < 2; style++) {
        n = dsx_summary_styled(list->items, list->stored, list->errors, (dsx_style)style,
                               json, length, buf, sizeof buf);
        fuzz_check(n < sizeof buf ? strlen(buf) == n : 1);
    }
    n = dsx_error_body(list->items, list->stored, list->errors, json, length, buf, sizeof buf);
    if (n < sizeof buf) fuzz_check(dsx_check_json(buf, n, NULL, NULL) == DSX_VALID);
}

/* The verdict agrees with the counts. */
static inline void fuzz_check_verdict(dsx_result r, const dsx_diag_list *list)
{
    fuzz_check(r == DSX_VALID || r == DSX_INVALID || r == DSX_MALFORMED || r == DSX_NO_MEMORY);
    if (r == DSX_VALID) fuzz_check(list->errors == 0);
    if (r == DSX_INVALID) fuzz_check(list->errors > 0);
    if (r == DSX_MALFORMED) fuzz_check(list->total == 1 && list->errors == 1 && list->items[0].code <= DSX_CODE_TOO_LARGE);
}

#if defined(DSX_FUZZ_LIBFUZZER)
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_run(data, size);
    return 0;
}
#elif defined(__AFL_FUZZ_TESTCASE_LEN)
#include <unistd.h>   /* read(), used by __AFL_FUZZ_INIT */
__AFL_FUZZ_INIT();
int main(void)
{
    unsigned char *buf;
#ifdef __AFL_HAVE_MANUAL_CONTROL
    __AFL_INIT();
#endif
    buf = __AFL_FUZZ_TESTCASE_BUF;
    while (__AFL_LOOP(100000)) fuzz_run(buf, (size_t)__AFL_FUZZ_TESTCASE_LEN);
    return 0;
}
#else
/* Replay: each argument is an input file (none: standard input). */
static inline int replay(FILE *f)
{
    size_t size = 0, cap = 1 << 16;
    uint8_t *data = (uint8_t *)malloc(cap);
    size_t n;
    if (!data) return 1;
    while ((n = fread(data + size, 1, cap - size, f)) > 0) {
        size += n;
        if (size == cap) {
            uint8_t *grown = (uint8_t *)realloc(data, cap * 2);
            if (!grown) { free(data); return 1; }
            data = grown;
            cap *= 2;
        }
    }
    fuzz_run(data, size);
    free(data);
    return 0;
}

int main(int argc, char **argv)
{
    int i;
    if (argc < 2) return replay(stdin);
    for (i = 1; i < argc; i++) {
        FILE *f = fopen(argv[i], "rb");
        if (!f) { perror(argv[i]); return 2; }
        if (replay(f)) return 1;
        fclose(f);
    }
    return 0;
}
#endif

#endif
