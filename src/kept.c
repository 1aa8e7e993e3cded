/*
 * Unknown members kept verbatim (policy DSX_UNKNOWN_KEEP). Members are
 * recorded as spans of the input, first into the caller's fixed array,
 * then, when an allocator was given, into a block that doubles as needed.
 * dsx_kept_copy() moves the bytes themselves into one allocated block so
 * the input can go away.
 */
#include <string.h>

#include "internal.h"

void dsx_kept_init(dsx_kept *kept, dsx_kept_member *array, size_t capacity,
                   const dsx_allocator *allocator)
{
    memset(kept, 0, sizeof *kept);
    kept->fixed = array;
    kept->fixed_capacity = array ? capacity : 0;
    kept->items = kept->fixed;
    kept->capacity = kept->fixed_capacity;
    kept->allocator = allocator;
}

static void release(const dsx_allocator *a, void *memory, size_t size)
{
    if (memory) a->release(a->context, memory, size);
}

void dsx_kept_free(dsx_kept *kept)
{
    if (kept->items != kept->fixed)
        release(kept->allocator, kept->items, kept->capacity * sizeof *kept->items);
    if (kept->copy) release(kept->allocator, kept->copy, kept->copy_size);
    kept->items = kept->fixed;
    kept->capacity = kept->fixed_capacity;
    kept->count = 0;
    kept->copy = NULL;
    kept->copy_size = 0;
    kept->text = NULL;
}

/* Room for one more member: the fixed array, or a block twice as big. */
static bool kept_grow(dsx_kept *kept)
{
    size_t capacity = kept->capacity ? kept->capacity * 2 : 16;
    dsx_kept_member *items;
    const dsx_allocator *a = kept->allocator;
    if (kept->count < kept->capacity) return true;
    if (!a || capacity > (size_t)-1 / sizeof *items) return false;
    items = (dsx_kept_member *)a->allocate(a->context, capacity * sizeof *items);
    if (!items) return false;
    if (kept->count) memcpy(items, kept->items, kept->count * sizeof *items);
    if (kept->items != kept->fixed)
        release(a, kept->items, kept->capacity * sizeof *items);
    kept->items = items;
    kept->capacity = capacity;
    return true;
}

bool dsx_kept_add(dsx_kept *kept, uint8_t scope, const dsx_token *name,
                  size_t value_start, size_t value_end)
{
    dsx_kept_member *m;
    if (!kept_grow(kept)) return false;
    m = &kept->items[kept->count++];
    m->scope = scope;
    m->name_offset = name->start;
    m->name_length = name->end - name->start;
    m->value_offset = value_start;
    m->value_length = value_end - value_start;
    return true;
}

dsx_result dsx_kept_copy(dsx_kept *kept)
{
    const dsx_allocator *a = kept->allocator;
    size_t i, size = 0, at = 0;
    char *copy;
    if (!kept->count || kept->copy) return DSX_VALID;
    if (!a || !kept->text) return DSX_BAD_ARGUMENT;
    for (i = 0; i < kept->count; i++)
        size += kept->items[i].name_length + kept->items[i].value_length;
    copy = (char *)a->allocate(a->context, size);
    if (!copy) return DSX_NO_MEMORY;
    for (i = 0; i < kept->count; i++) {
        dsx_kept_member *m = &kept->items[i];
        memcpy(copy + at, kept->text + m->name_offset, m->name_length);
        m->name_offset = at;
        at += m->name_length;
        memcpy(copy + at, kept->text + m->value_offset, m->value_length);
        m->value_offset = at;
        at += m->value_length;
    }
    kept->copy = copy;
    kept->copy_size = size;
    kept->text = copy;
    return DSX_VALID;
}
