/*
 * The caller's diagnostics array, kept in document order, and the
 * snprintf-style writer the renderers share.
 *
 * Lines and columns are found once validation is over, for the stored
 * diagnostics only, so the tokenizer's hot path never counts newlines.
 */
#include "internal.h"

#include <string.h>

/* dsx_diags_add counts a severity by its value: a warning 1, an error 0. */
typedef char severities_are_checked[DSX_SEVERITY_ERROR == 0 && DSX_SEVERITY_WARNING == 1 ? 1 : -1];

/*
 * Counted, and when it is among the earliest `capacity` in document order,
 * given a slot at its place (after equal offsets): returned with its offset
 * and severity set, for the caller to fill every other field (no zeroing
 * first: the validator writes them all); NULL when only counted.
 */
dsx_diag *dsx_diags_add(dsx_diag_list *list, size_t offset, uint8_t severity)
{
    dsx_diag *slot;
    list->total++;
    list->warnings += severity;   /* a warning counts 1, an error 0 (checked below) */
    list->errors = list->total - list->warnings;
    if (!list->capacity) return NULL;   /* only counted (items may be NULL) */
    slot = list->items + list->stored;   /* one past the last kept */
    if (list->stored < list->capacity) {
        list->stored++;
    } else {   /* full: the last kept one drops out, unless this one comes after it */
        if (slot[-1].offset <= offset) return NULL;
        slot--;
    }
    /* the later ones move up a slot (rare: diagnostics mostly come in order); by pointer (make size) */
    for (; slot > list->items && slot[-1].offset > offset; slot--) *slot = slot[-1];
    slot->offset = offset;
    slot->severity = severity;
    return slot;
}

/*
 * Lines and columns of the stored diagnostics, found once the walk is over
 * (not while the stack is deep inside it): they are in document order
 * (dsx_diags_add keeps them so), so one forward walk over the text serves
 * them all, each stretch starting where the one before ended.
 */
void dsx_diags_locate(dsx_diag_list *list, const char *text)
{
    const char *line_start = text, *from = text;
    uint32_t line = 1;
    dsx_diag *d, *stop;
    if (!list || !list->stored) return;   /* none (items may be NULL) */
    /* by pointer, and each stretch from the last offset: smaller under -Os (make size) */
    for (d = list->items, stop = d + list->stored; d < stop; d++) {
        const char *p = from, *end = text + d->offset;
#ifndef DSX_SMALL   /* memchr: many bytes a step where the C library has it so */
        const char *nl;
        while (p < end && (nl = memchr(p, '\n', (size_t)(end - p))) != NULL) {
            line++;
            p = line_start = nl + 1;
        }
#else   /* a byte a step: no memchr to link */
        for (; p < end; p++)
            if (*p == '\n') {
                line++;
                line_start = p + 1;
            }
#endif
        from = end;
        d->line = line;
        d->column = (uint32_t)(end - line_start + 1);
    }
}

/* ---- writer ---- */

void dsx_writer_init(dsx_writer *w, char *buf, size_t cap)
{
    w->buf = buf;
    w->cap = buf ? cap : 0;
    w->len = 0;
    w->escape = false;
}

/* Bytes as they are (the escaping path ends here too: no cycle). */
static void put_raw(dsx_writer *w, const char *s, size_t n)
{
    if (w->len < w->cap) {
        size_t room = w->cap - w->len;
        memcpy(w->buf + w->len, s, n < room ? n : room);
    }
    w->len += n;
}

void dsx_put(dsx_writer *w, const char *s, size_t n)
{
    if (w->escape) dsx_put_json_escaped(w, s, n);
    else put_raw(w, s, n);
}

void dsx_puts(dsx_writer *w, const char *s)
{
    dsx_put(w, s, strlen(s));
}

void dsx_put_char(dsx_writer *w, char c)
{
    dsx_put(w, &c, 1);
}

void dsx_put_code_point(dsx_writer *w, int32_t cp)
{
    char enc[4];
    dsx_put(w, enc, dsx_utf8_encode((uint32_t)cp, enc));
}

void dsx_put_uint(dsx_writer *w, uint64_t v)
{
    char digits[20];
    size_t n = 0;
    do {
        digits[sizeof digits - 1 - n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    dsx_put(w, digits + sizeof digits - n, n);
}

const char dsx_hex_digits[] = "0123456789abcdef";

size_t dsx_escape_code_point(int32_t cp, char out[6])
{
    static const char escaped[] = "\"\\\b\f\n\r\t", letters[] = "\"\\bfnrt";
    int i;
    out[0] = '\\';
    for (i = 0; i < (int)sizeof letters - 1; i++) {
        if (cp != escaped[i]) continue;
        out[1] = letters[i];
        return 2;
    }
    out[1] = 'u';
    for (i = 0; i < 4; i++) out[2 + i] = dsx_hex_digits[(cp >> (12 - 4 * i)) & 0xF];
    return 6;
}

static bool needs_escape(const unsigned char *p, const unsigned char *end)
{
    if (*p < 0x20 || *p == '"' || *p == '\\') return true;
    /* U+2028 and U+2029 are E2 80 A8 and E2 80 A9. */
    return *p == 0xE2 && end - p >= 3 && p[1] == 0x80 && (p[2] == 0xA8 || p[2] == 0xA9);
}

void dsx_put_json_escaped(dsx_writer *w, const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + n, *run = p;
    for (; p < end; p++) {
        char esc[6];
        int32_t cp = *p;
        if (!needs_escape(p, end)) continue;
        put_raw(w, (const char *)run, (size_t)(p - run));
        if (cp == 0xE2) {
            cp = 0x2000 + p[2] - 0x80;   /* U+2028 or U+2029 */
            p += 2;
        }
        put_raw(w, esc, dsx_escape_code_point(cp, esc));
        run = p + 1;
    }
    put_raw(w, (const char *)run, (size_t)(p - run));
}

size_t dsx_writer_finish(dsx_writer *w)
{
    if (w->cap > 0) w->buf[w->len < w->cap ? w->len : w->cap - 1] = '\0';
    return w->len;
}
