/* Look-ups in the constant model tables (the tables are in model_tables.c) and their texts read out. */
#include "internal.h"
#include "model.h"

#include <string.h>

#ifndef DSX_SMALL   /* a size-optimised build compares names and values through the decoder */
int dsx_model_find_member(const dsx_member_info *table, size_t count,
                          const char *name, size_t length)
{
    size_t i;
    const uint8_t *slots = table == dsx_request_members ? dsx_request_slots
                         : table == dsx_option_members ? dsx_option_slots : NULL;
    if (slots) return dsx_model_find_hashed(slots, table, name, length);
    for (i = 0; i < count; i++)
        if (dsx_model_text_is(dsx_member_name(&table[i], NULL), table[i].name_length, name, length))
            return (int)i;
    return -1;
}

int dsx_model_find_value(const dsx_member_info *member, const char *value,
                         size_t length)
{
    return dsx_model_find_value_hashed((unsigned)(member - dsx_option_members), value, length);
}
#endif

#ifdef DSX_SMALL   /* the texts are packed (model.h): unpacked a character at a time */
const char *dsx_model_text(const uint8_t *texts, unsigned offset, unsigned length, dsx_text_buf *buf)
{
    unsigned i;
    for (i = 0; i < length; i++)
        buf->c[i] = dsx_model_char(texts, (offset + i) * DSX_MODEL_CHAR_BITS);
    return buf->c;
}
#endif

void dsx_put_member_name(dsx_writer *w, const dsx_member_info *m)
{
    dsx_text_buf name;
    dsx_put(w, dsx_member_name(m, &name), m->name_length);
}

const char *dsx_nth_text(const char *texts, unsigned n)
{
    while (n)
        if (!*texts++) n--;
    return texts;
}

/*
 * Byte by byte: the texts are a few bytes, and a call to memcmp would add
 * a frame. The comparison stops at the list's NULs, which the name may
 * contain too.
 */
int dsx_text_index(const char *texts, const char *name, size_t length)
{
    int index;
    for (index = 0; *texts; index++) {
        size_t k = 0;
        while (k < length && texts[k] != '\0' && texts[k] == name[k]) k++;
        if (k == length && texts[k] == '\0') return index;
        while (*texts++ != '\0') continue;   /* to the next text */
    }
    return -1;
}
