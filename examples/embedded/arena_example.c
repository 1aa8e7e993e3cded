/*
 * Embedding dsx in firmware: no malloc anywhere. Diagnostics go into a
 * fixed array on the stack; unknown members are kept (wire profile + keep)
 * through a static arena allocator; the canonical form is emitted into a
 * static buffer. Build: cc -Iinclude examples/embedded/arena_example.c build/libdsx.a
 */
#include <stdio.h>
#include <string.h>

#include "dsx.h"

/* A bump allocator over a static block: release frees only the last block. */
typedef struct arena {
    unsigned char *memory;
    size_t size;
    size_t used;
} arena;

static void *arena_allocate(void *context, size_t size)
{
    arena *a = (arena *)context;
    size_t start = (a->used + 7u) & ~(size_t)7u;   /* 8-byte alignment */
    if (start > a->size || size > a->size - start) return NULL;
    a->used = start + size;
    return a->memory + start;
}

static void arena_release(void *context, void *memory, size_t size)
{
    arena *a = (arena *)context;
    if ((unsigned char *)memory + size == a->memory + a->used)
        a->used = (size_t)((unsigned char *)memory - a->memory);
}

static unsigned char arena_memory[2048];
static char output[512];

int main(void)
{
    static const char request[] =
        "{\"TaskExecutionArn\":\"arn:aws:datasync:us-east-1:123456789012:task/"
        "task-0123456789abcdef0/execution/exec-0123456789abcdef0\","
        "\"Options\":{\"BytesPerSecond\":1048576,\"X-Trace\":\"abc\"}}";
    arena a = { arena_memory, sizeof arena_memory, 0 };
    dsx_allocator allocator = { arena_allocate, arena_release, &a };
    dsx_diag items[8];
    dsx_diag_list diags = { items, 8, 0, 0, 0, 0 };
    dsx_kept_member kept_room[2];
    dsx_kept kept;
    dsx_config config;
    dsx_request parsed;
    size_t i, n;

    dsx_config_init(&config, DSX_PROFILE_WIRE);
    config.unknown_members = DSX_UNKNOWN_KEEP;
    config.max_size = 4096;                 /* what this device accepts */
    dsx_kept_init(&kept, kept_room, 2, &allocator);

    if (dsx_validate_request_kept(request, sizeof request - 1, &config, &parsed, &kept,
                                  &diags) != DSX_VALID) {
        for (i = 0; i < diags.stored; i++)
            printf("%lu:%lu %s\n", (unsigned long)items[i].line, (unsigned long)items[i].column,
                   dsx_code_name((dsx_code)items[i].code));
        return 1;
    }
    n = dsx_emit_request(&parsed, &kept, DSX_EMIT_ANY_OPTION, output, sizeof output);
    if (n == 0 || n >= sizeof output) return 1;
    printf("limit %lld bytes/s; forwarded %s\n", (long long)parsed.options.bytes_per_second, output);
    dsx_kept_free(&kept);
    printf("arena in use after free: %lu bytes\n", (unsigned long)a.used);
    return 0;
}
