/*
 * The default allocator: malloc and free. The only library file that
 * includes <stdlib.h>; build with -DDSX_NO_DEFAULT_ALLOCATOR to leave it
 * out (firmware then passes its own dsx_allocator).
 */
#include "dsx.h"

#ifndef DSX_NO_DEFAULT_ALLOCATOR
#include <stdlib.h>

static void *default_allocate(void *context, size_t size)
{
    (void)context;
    return malloc(size ? size : 1);
}

static void default_release(void *context, void *memory, size_t size)
{
    (void)context;
    (void)size;
    free(memory);
}

const dsx_allocator dsx_default_allocator = { default_allocate, default_release, NULL };
#else
/* ISO C wants at least one declaration in a translation unit. */
typedef int dsx_no_default_allocator;
#endif
