/*
 * A small stand-in for the part of CMocka the test suites use, for cross
 * runs (big-endian s390x, 32-bit i386) where the test binaries must be
 * static and the distribution ships CMocka only as a shared library. Same
 * names, same meaning: a failed assertion reports file, line and both
 * values, ends the test, and the group's result is the number of failures.
 * Used only with -Itests/shim (make test-cross); native builds use CMocka.
 */
#ifndef DSX_CMOCKA_SHIM_H
#define DSX_CMOCKA_SHIM_H

#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

typedef void (*CMUnitTestFunction)(void **state);
struct CMUnitTest {
    const char *name;
    CMUnitTestFunction test_func;
};

static jmp_buf shim_on_failure;

static inline void shim_fail(const char *file, int line, const char *what)
{
    printf("[  ERROR   ] --- %s\n[   LINE   ] --- %s:%d: error: Failure!\n", what, file, line);
    longjmp(shim_on_failure, 1);
}

static inline void shim_int(long long a, long long b, int equal, const char *file, int line)
{
    char what[128];
    if ((a == b) == equal) return;
    snprintf(what, sizeof what, "%lld %s %lld", a, equal ? "!=" : "==", b);
    shim_fail(file, line, what);
}

static inline void shim_string(const char *a, const char *b, const char *file, int line)
{
    if (a && b && strcmp(a, b) == 0) return;
    printf("[  ERROR   ] --- \"%s\" != \"%s\"\n", a ? a : "(null)", b ? b : "(null)");
    shim_fail(file, line, "strings differ");
}

static inline void shim_memory(const void *a, const void *b, size_t n, const char *file, int line)
{
    if (memcmp(a, b, n) != 0) shim_fail(file, line, "memory differs");
}

#define assert_true(c) do { if (!(c)) shim_fail(__FILE__, __LINE__, #c); } while (0)
#define assert_false(c) do { if (c) shim_fail(__FILE__, __LINE__, "!(" #c ")"); } while (0)
#define assert_int_equal(a, b) shim_int((long long)(a), (long long)(b), 1, __FILE__, __LINE__)
#define assert_int_not_equal(a, b) shim_int((long long)(a), (long long)(b), 0, __FILE__, __LINE__)
#define assert_string_equal(a, b) shim_string((a), (b), __FILE__, __LINE__)
#define assert_memory_equal(a, b, n) shim_memory((a), (b), (n), __FILE__, __LINE__)
#define assert_null(p) assert_true((p) == NULL)
#define assert_non_null(p) assert_true((p) != NULL)
#define assert_ptr_equal(a, b) assert_true((const void *)(a) == (const void *)(b))
#define assert_ptr_not_equal(a, b) assert_true((const void *)(a) != (const void *)(b))
#define fail() shim_fail(__FILE__, __LINE__, "fail()")
#define print_error(...) printf(__VA_ARGS__)
#define cmocka_unit_test(f) { #f, f }

static inline int shim_run(const char *group, const struct CMUnitTest *tests, size_t count)
{
    volatile size_t i;
    volatile int failed = 0;   /* kept across longjmp */
    printf("[==========] %s: Running %lu test(s).\n", group, (unsigned long)count);
    for (i = 0; i < count; i++) {
        void *state = NULL;
        if (setjmp(shim_on_failure) == 0) {
            tests[i].test_func(&state);
            printf("[       OK ] %s\n", tests[i].name);
        } else {
            printf("[  FAILED  ] %s\n", tests[i].name);
            failed++;
        }
    }
    printf("[  %s  ] %lu test(s).\n", failed ? "FAILED" : "PASSED",
           (unsigned long)(failed ? (size_t)failed : count));
    return failed;
}

#define cmocka_run_group_tests(tests, setup, teardown) \
    shim_run("tests", (tests), sizeof(tests) / sizeof((tests)[0]))
#define cmocka_run_group_tests_name(name, tests, setup, teardown) \
    shim_run((name), (tests), sizeof(tests) / sizeof((tests)[0]))

#endif
