/*
 * A counting allocator for tests: it records every allocation, can be told
 * to fail the Nth one, and proves that everything given out came back.
 */
#ifndef DSX_TEST_ALLOC_HELPERS_H
#define DSX_TEST_ALLOC_HELPERS_H

#include <stdlib.h>
#include <string.h>

#include "dsx.h"

typedef struct counting_allocator {
    size_t allocations;   /* successful calls */
    size_t releases;
    size_t live_bytes;    /* allocated and not yet released */
    size_t fail_at;       /* 1-based call to fail; 0: never */
    size_t calls;
    int size_mismatch;    /* a release gave back another size than asked */
} counting_allocator;

/* Each block carries its size in front, to check what release is told. */
static inline void *counting_allocate(void *context, size_t size)
{
    counting_allocator *c = (counting_allocator *)context;
    size_t *block;
    c->calls++;
    if (c->fail_at && c->calls == c->fail_at) return NULL;
    block = (size_t *)malloc(sizeof(size_t) * 2 + size);
    if (!block) return NULL;
    block[0] = size;
    c->allocations++;
    c->live_bytes += size;
    return block + 2;
}

static inline void counting_release(void *context, void *memory, size_t size)
{
    counting_allocator *c = (counting_allocator *)context;
    size_t *block = (size_t *)memory - 2;
    if (block[0] != size) c->size_mismatch = 1;
    c->releases++;
    c->live_bytes -= block[0];
    free(block);
}

static inline dsx_allocator counting_init(counting_allocator *c, size_t fail_at)
{
    dsx_allocator a;
    memset(c, 0, sizeof *c);
    c->fail_at = fail_at;
    a.allocate = counting_allocate;
    a.release = counting_release;
    a.context = c;
    return a;
}

#endif
