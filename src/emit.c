/*
 * The emitter: typed structures back to JSON text. Compact by default
 * (members in model order, only those set, kept unknown members after
 * them in input order), optionally pretty (2-space indent) and/or sorted
 * (RFC 8785 member order). Strings are escaped minimally. Kept unknown
 * values are re-tokenized and written token by token (names, strings and
 * numbers exactly as they were written; only the whitespace between
 * tokens is the emitter's), so they follow the chosen layout too.
 *
 * Everything goes through the snprintf-style writer: nothing is
 * allocated, a short buffer is never overrun, and the length needed is
 * always known.
 */
#include <string.h>

#include "internal.h"

#ifndef DSX_NO_EMITTER   /* docs/PORTING.md */
#include "model.h"

typedef struct emitter {
    dsx_writer w;
    bool pretty;
    bool sorted;
    bool first;           /* nothing written yet in the open container */
    uint32_t level;       /* containers open */
    const dsx_kept *kept;
} emitter;

/* ---- layout ---- */

static void newline_indent(emitter *e)
{
    uint32_t i;
    if (!e->pretty) return;
    dsx_put_char(&e->w, '\n');
    for (i = 0; i < e->level; i++) dsx_put(&e->w, "  ", 2);
}

static OUT_OF_LINE void emit_open(emitter *e, char bracket)
{
    dsx_put_char(&e->w, bracket);
    e->level++;
    e->first = true;
}

static void emit_close(emitter *e, char bracket)
{
    e->level--;
    if (!e->first) newline_indent(e);   /* an empty container stays {} or [] */
    dsx_put_char(&e->w, bracket);
    e->first = false;
}

/* Before an array element or a member: the comma and the layout. */
static void element(emitter *e)
{
    if (!e->first) dsx_put_char(&e->w, ',');
    newline_indent(e);
    e->first = false;
}

static void name_separator(emitter *e)
{
    if (e->pretty) dsx_put(&e->w, ": ", 2);
    else dsx_put_char(&e->w, ':');
}

static void ascii_string(emitter *e, const char *s, size_t n)
{
    dsx_put_char(&e->w, '"');
    dsx_put(&e->w, s, n);
    dsx_put_char(&e->w, '"');
}

static void known_name(emitter *e, const dsx_member_info *m)
{
    dsx_text_buf name;
    element(e);
    ascii_string(e, dsx_member_name(m, &name), m->name_length);
    name_separator(e);
}

/* ---- values ---- */

static void put_int64(dsx_writer *w, int64_t v)
{
    if (v < 0) {
        dsx_put_char(w, '-');
        dsx_put_uint(w, (uint64_t)(-(v + 1)) + 1u);   /* INT64_MIN has no positive twin */
        return;
    }
    dsx_put_uint(w, (uint64_t)v);
}

static void enum_value(emitter *e, const dsx_member_info *m, uint8_t index)
{
    const dsx_string_ref *v = &dsx_enum_values[m->first_value + index];
    dsx_text_buf text;
    ascii_string(e, dsx_value_text(v, &text), v->length);
}

static void option_value(emitter *e, const dsx_options *o, int member)
{
    if (member == DSX_OPT_BYTES_PER_SECOND) put_int64(&e->w, o->bytes_per_second);
    else enum_value(e, &dsx_option_members[member], o->value[member]);
}

/*
 * A kept value, token by token. The text was checked when it was kept (or
 * by an UNCHECKED caller's promise); should it not be JSON after all, the
 * emitter stops at the bad token rather than read past the span.
 */
static void kept_value(emitter *e, const char *text, size_t offset, size_t length)
{
    dsx_reader r;
    dsx_token t;
    dsx_tok_kind kind;
    bool after_name = true;   /* the first token follows the member's name */
    dsx_reader_init(&r, text + offset, length, DSX_DEPTH_CAP);
    while ((kind = dsx_reader_next(&r, &t)) != DSX_TOK_END && kind != DSX_TOK_ERROR) {
        if (kind == DSX_TOK_OBJECT_END || kind == DSX_TOK_ARRAY_END) {
            emit_close(e, kind == DSX_TOK_OBJECT_END ? '}' : ']');
            continue;
        }
        if (!after_name) element(e);
        after_name = kind == DSX_TOK_KEY;
        if (kind == DSX_TOK_OBJECT_BEGIN || kind == DSX_TOK_ARRAY_BEGIN) {
            emit_open(e, kind == DSX_TOK_OBJECT_BEGIN ? '{' : '[');
            continue;
        }
        dsx_put(&e->w, text + offset + t.start, t.end - t.start);
        if (kind == DSX_TOK_KEY) name_separator(e);
    }
}

static void kept_member(emitter *e, const dsx_kept_member *m)
{
    element(e);
    dsx_put(&e->w, e->kept->text + m->name_offset, m->name_length);
    name_separator(e);
    kept_value(e, e->kept->text, m->value_offset, m->value_length);
}

/* ---- member names in RFC 8785 order ---- */

/* A member of an object being written: a known one or a kept one. */
typedef struct entry {
    bool known;
    size_t index;         /* member index, or index into kept->items */
} entry;

/* UTF-16 code units of a name, one at a time. */
typedef struct utf16_iter {
    dsx_string_iter chars;
    dsx_text_buf name;    /* a known name's characters (model.h) */
    int32_t low;          /* the low surrogate still to come, or -1 */
} utf16_iter;

static void name_iter(const emitter *e, const entry *x, const dsx_member_info *table,
                      utf16_iter *it)
{
    if (x->known) {
        const dsx_member_info *m = &table[x->index];
        it->chars.p = (const uint8_t *)dsx_member_name(m, &it->name);
        it->chars.end = it->chars.p + m->name_length;
    } else {
        const dsx_kept_member *k = &e->kept->items[x->index];
        dsx_token t;
        t.kind = DSX_TOK_STRING;
        t.flags = DSX_TF_ESCAPED;
        t.start = k->name_offset;
        t.end = k->name_offset + k->name_length;
        dsx_string_iter_init(&it->chars, e->kept->text, &t);
    }
    it->low = -1;
}

static int32_t next_unit(utf16_iter *it)
{
    int32_t cp;
    if (it->low >= 0) {
        cp = it->low;
        it->low = -1;
        return cp;
    }
    cp = dsx_string_next(&it->chars);
    if (cp < 0x10000) return cp;   /* also -1 at the end */
    cp -= 0x10000;
    it->low = 0xDC00 + (cp & 0x3FF);
    return 0xD800 + (cp >> 10);
}

/* Order by name (UTF-16 units), then known before kept, then index. */
static int compare_entries(const emitter *e, const dsx_member_info *table,
                           const entry *a, const entry *b)
{
    utf16_iter ia, ib;
    name_iter(e, a, table, &ia);
    name_iter(e, b, table, &ib);
    for (;;) {
        int32_t ua = next_unit(&ia), ub = next_unit(&ib);
        if (ua != ub) return ua < ub ? -1 : 1;
        if (ua < 0) break;
    }
    if (a->known != b->known) return a->known ? -1 : 1;
    if (a->index != b->index) return a->index < b->index ? -1 : 1;
    return 0;
}

/*
 * The members of one object, smallest first, by selection: each round
 * picks the least entry greater than the previous one. No scratch memory;
 * quadratic in the number of members of the object (docs/API.md).
 */
typedef void (*write_entry_fn)(emitter *e, const entry *x, const void *source);

static bool entry_in_object(const emitter *e, uint32_t present, uint8_t scope,
                            const entry *x)
{
    if (x->known) return (present & DSX_BIT(x->index)) != 0;
    return e->kept->items[x->index].scope == scope;
}

static bool next_candidate(const emitter *e, const dsx_member_info *table,
                           size_t count, uint32_t present, uint8_t scope,
                           const entry *previous, entry *best)
{
    size_t kept_count = e->kept ? e->kept->count : 0;
    size_t i, total = count + kept_count;
    bool found = false;
    for (i = 0; i < total; i++) {
        entry x;
        x.known = i < count;
        x.index = x.known ? i : i - count;
        if (!entry_in_object(e, present, scope, &x)) continue;
        if (previous && compare_entries(e, table, &x, previous) <= 0) continue;
        if (found && compare_entries(e, table, &x, best) >= 0) continue;
        *best = x;
        found = true;
    }
    return found;
}

static void object_members(emitter *e, const dsx_member_info *table, size_t count,
                           uint32_t present, uint8_t scope,
                           write_entry_fn write, const void *source)
{
    entry x, previous;
    size_t i;
    if (e->sorted) {
        bool have = false;
        while (next_candidate(e, table, count, present, scope, have ? &previous : NULL, &x)) {
            write(e, &x, source);
            previous = x;
            have = true;
        }
        return;
    }
    x.known = true;
    for (i = 0; i < count; i++) {
        x.index = i;
        if (present & DSX_BIT(i)) write(e, &x, source);
    }
    x.known = false;
    for (i = 0; e->kept && i < e->kept->count; i++) {
        x.index = i;
        if (e->kept->items[i].scope == scope) write(e, &x, source);
    }
}

/* ---- documents ---- */

static void write_option_entry(emitter *e, const entry *x, const void *source)
{
    if (!x->known) {
        kept_member(e, &e->kept->items[x->index]);
        return;
    }
    known_name(e, &dsx_option_members[x->index]);
    option_value(e, (const dsx_options *)source, (int)x->index);
}

static void options_object(emitter *e, const dsx_options *o)
{
    emit_open(e, '{');
    object_members(e, dsx_option_members, DSX_OPTION_COUNT, o->present,
                   DSX_SCOPE_OPTIONS, write_option_entry, o);
    emit_close(e, '}');
}

static void write_request_entry(emitter *e, const entry *x, const void *source)
{
    const dsx_request *r = (const dsx_request *)source;
    if (!x->known) {
        kept_member(e, &e->kept->items[x->index]);
        return;
    }
    known_name(e, &dsx_request_members[x->index]);
    if (x->index == DSX_REQ_OPTIONS) {
        options_object(e, &r->options);
        return;
    }
    dsx_put_char(&e->w, '"');
    dsx_put_json_escaped(&e->w, r->task_execution_arn, r->task_execution_arn_length);
    dsx_put_char(&e->w, '"');
}

static bool kept_has_scope(const dsx_kept *kept, uint8_t scope)
{
    size_t i;
    for (i = 0; kept && i < kept->count; i++)
        if (kept->items[i].scope == scope) return true;
    return false;
}

/* ---- checking a structure ---- */

static uint32_t option_bits(void)
{
    return DSX_BIT(DSX_OPTION_COUNT) - 1u;
}

/* Values the emitter could not write whatever the flags. */
static bool options_representable(const dsx_options *o)
{
    int i;
    for (i = 0; i < DSX_OPTION_COUNT; i++) {
        if (!(o->present & DSX_BIT(i)) || i == DSX_OPT_BYTES_PER_SECOND) continue;
        if (o->value[i] >= dsx_option_members[i].value_count) return false;
    }
    return true;
}

static bool request_representable(const dsx_request *r)
{
    return r->task_execution_arn_length <= DSX_ARN_MAX && options_representable(&r->options);
}

dsx_result dsx_options_check(const dsx_options *o)
{
    if (!o || !options_representable(o) || (o->present & ~option_bits()))
        return DSX_INVALID;
    if ((o->present & DSX_BIT(DSX_OPT_BYTES_PER_SECOND)) &&
        o->bytes_per_second < DSX_BYTES_PER_SECOND_MIN)
        return DSX_INVALID;
    if (dsx_atime_mtime_conflict(o) || dsx_remove_all_conflict(o)) return DSX_INVALID;
    return DSX_VALID;
}

static bool arn_valid(const dsx_request *r)
{
    dsx_arn_matcher m;
    size_t i;
    if (r->task_execution_arn_length > DSX_ARN_MAX) return false;
    dsx_arn_matcher_init(&m);
    for (i = 0; i < r->task_execution_arn_length; i++)
        dsx_arn_matcher_feed(&m, (uint8_t)r->task_execution_arn[i]);
    return dsx_arn_matcher_accepts(&m);
}

dsx_result dsx_request_check(const dsx_request *r, unsigned flags)
{
    uint32_t required = DSX_BIT(DSX_REQ_TASK_EXECUTION_ARN) | DSX_BIT(DSX_REQ_OPTIONS);
    uint32_t updatable = DSX_BIT(DSX_OPT_BYTES_PER_SECOND);
    if (!r || r->present != required || !arn_valid(r)) return DSX_INVALID;
    if (!(flags & DSX_EMIT_ANY_OPTION) && (r->options.present & ~updatable))
        return DSX_INVALID;
    return dsx_options_check(&r->options);
}

/* ---- entry points ---- */

static void emitter_init(emitter *e, const dsx_kept *kept, unsigned flags,
                         char *buf, size_t size)
{
    dsx_writer_init(&e->w, buf, size);
    e->pretty = (flags & DSX_EMIT_PRETTY) != 0;
    e->sorted = (flags & DSX_EMIT_SORTED) != 0;
    e->first = true;
    e->level = 0;
    e->kept = kept && kept->count && kept->text ? kept : NULL;
}

static FOLDED size_t refuse(char *buf, size_t size)
{
    if (buf && size) buf[0] = '\0';
    return 0;
}

size_t dsx_emit_options(const dsx_options *options, const dsx_kept *kept,
                        unsigned flags, char *buf, size_t size)
{
    emitter e;
    if (!options || !options_representable(options)) return refuse(buf, size);
    if (!(flags & DSX_EMIT_UNCHECKED) && dsx_options_check(options) != DSX_VALID)
        return refuse(buf, size);
    emitter_init(&e, kept, flags, buf, size);
    options_object(&e, options);
    return dsx_writer_finish(&e.w);
}

size_t dsx_emit_request(const dsx_request *request, const dsx_kept *kept,
                        unsigned flags, char *buf, size_t size)
{
    emitter e;
    uint32_t shown;
    if (!request || !request_representable(request)) return refuse(buf, size);
    if (!(flags & DSX_EMIT_UNCHECKED) && dsx_request_check(request, flags) != DSX_VALID)
        return refuse(buf, size);
    shown = request->present;
    /* Unchecked: kept options members still need their object. */
    if (kept_has_scope(kept, DSX_SCOPE_OPTIONS)) shown |= DSX_BIT(DSX_REQ_OPTIONS);
    emitter_init(&e, kept, flags, buf, size);
    emit_open(&e, '{');
    object_members(&e, dsx_request_members, DSX_REQUEST_MEMBER_COUNT, shown,
                   DSX_SCOPE_REQUEST, write_request_entry, request);
    emit_close(&e, '}');
    return dsx_writer_finish(&e.w);
}

typedef size_t (*emit_fn)(const void *document, const dsx_kept *kept,
                          unsigned flags, char *buf, size_t size);

static size_t emit_request_thunk(const void *d, const dsx_kept *k, unsigned f,
                                 char *buf, size_t size)
{
    return dsx_emit_request((const dsx_request *)d, k, f, buf, size);
}

static size_t emit_options_thunk(const void *d, const dsx_kept *k, unsigned f,
                                 char *buf, size_t size)
{
    return dsx_emit_options((const dsx_options *)d, k, f, buf, size);
}

/* Measure, allocate exactly, write. */
static dsx_result emit_alloc(emit_fn emit, const void *document, const dsx_kept *kept,
                             unsigned flags, const dsx_allocator *allocator,
                             char **out, size_t *length)
{
    size_t needed;
    char *memory;
    if (!out || !length || !allocator) return DSX_BAD_ARGUMENT;
    *out = NULL;
    *length = 0;
    needed = emit(document, kept, flags, NULL, 0);
    if (needed == 0) return DSX_INVALID;
    memory = (char *)allocator->allocate(allocator->context, needed + 1);
    if (!memory) return DSX_NO_MEMORY;
    emit(document, kept, flags, memory, needed + 1);
    *out = memory;
    *length = needed;
    return DSX_VALID;
}

dsx_result dsx_emit_request_alloc(const dsx_request *request, const dsx_kept *kept,
                                  unsigned flags, const dsx_allocator *allocator,
                                  char **out, size_t *length)
{
    return emit_alloc(emit_request_thunk, request, kept, flags, allocator, out, length);
}

dsx_result dsx_emit_options_alloc(const dsx_options *options, const dsx_kept *kept,
                                  unsigned flags, const dsx_allocator *allocator,
                                  char **out, size_t *length)
{
    return emit_alloc(emit_options_thunk, options, kept, flags, allocator, out, length);
}

void dsx_options_effective(const dsx_options *options, dsx_options *effective)
{
    int i;
    *effective = *options;
    for (i = 0; i < DSX_OPTION_COUNT; i++) {
        if (effective->present & DSX_BIT(i)) continue;
        if (i == DSX_OPT_BYTES_PER_SECOND) effective->bytes_per_second = DSX_BYTES_PER_SECOND_DEFAULT;
        else effective->value[i] = dsx_option_defaults[i];
    }
    effective->present = option_bits();
}

#else
typedef int dsx_emit_c_compiled_out;   /* ISO C: no empty file */
#endif
