/*
 * The fast path: one pass that decides the common case alone, a document
 * that is plainly valid. It reads the grammar the full path reads, but
 * accepts only the simple shapes (names and values of printable ASCII
 * without escapes, integer literals, known members once each, no null,
 * nothing to warn about; unknown members only where the profile skips
 * them, their values read past with the grammar checked) and keeps no
 * token, no cursor and no diagnostic. At the first thing outside those
 * shapes it gives up and validate.c runs the full path from the start, so
 * every result, and every diagnostic of an invalid document, comes from the
 * full path alone: the fast path can only answer "valid", and only where
 * the full path would (fuzz/fuzz_request.c checks both against each other).
 */
#include "internal.h"
#include "model.h"
#include "swar.h"

#include <string.h>

#ifndef DSX_SMALL

typedef struct fast_reader {
    const uint8_t *s;
    size_t n;
    size_t i;
} fast_reader;

typedef struct fast_scope {
    const dsx_fast_slot *slots;    /* by dsx_prefix_hash() */
    const uint8_t *next;           /* names with the same first four bytes */
    const dsx_member_info *members;
    int count;
    int expected;                  /* the member tried first: the one after the last */
    uint32_t seen;
    int32_t unknown_room;          /* how deep an unknown member's value may nest; < 0: not skipped */
} fast_scope;

/* What a valid document yields; committed by the caller only on success. */
typedef struct fast_result {
    dsx_options options;
    size_t arn_start;
    size_t arn_length;
    uint32_t request_given;
} fast_result;

/* One comparison and a bit test instead of four comparisons. */
#define SPACE_BITS ((UINT64_C(1) << ' ') | (UINT64_C(1) << '\n') | (UINT64_C(1) << '\r') | \
                    (UINT64_C(1) << '\t'))

static inline bool is_space(uint8_t c)
{
    return c <= ' ' && ((SPACE_BITS >> c) & 1);
}

/*
 * Steps over whitespace; true when a byte follows. A line break and the
 * indentation after it, the usual run in a pretty-printed document, go in
 * one step where the machine says where the first other byte of a word is.
 */
static inline bool skip_space(fast_reader *f)
{
    const uint8_t *s = f->s;
    size_t i = f->i, n = f->n;
    while (i < n && is_space(s[i])) {
#ifdef DSX_SWAR_EXACT
        if (s[i] == '\n' && n - i > 8) {
            uint64_t other = dsx_load64(s + i + 1) ^ (DSX_WORD_ONES * ' ');
            i += 1 + (other ? dsx_first_flagged(other) : 8);
            continue;
        }
#endif
        i++;
    }
    f->i = i;
    return i < n;
}

static inline bool take(fast_reader *f, uint8_t c)
{
    if (f->i < f->n && f->s[f->i] == c) {   /* the compact case, without the loop */
        f->i++;
        return true;
    }
    if (!skip_space(f) || f->s[f->i] != c) return false;
    f->i++;
    return true;
}

/* s[0..length) is text and the byte after it a quote, inside room bytes. */
static inline bool quoted_text_at(const uint8_t *p, size_t room, const char *text, size_t length)
{
    return length < room && p[length] == '"' && dsx_same_bytes(text, (const char *)p, length);
}

/* What the fast path reads of member number `member` (from 0), as its hash slot holds it. */
static inline dsx_fast_slot slot_of(int member, const dsx_member_info *m)
{
    dsx_fast_slot slot;
    slot.member = (uint8_t)(member + 1);
    slot.name_length = m->name_length;
    slot.first_value = m->first_value;
    slot.value_count = m->value_count;
    return slot;
}

/*
 * The member whose name and closing quote stand at the reader (just after
 * the opening quote), found by its first four bytes and compared whole; a
 * slot with member 0 for anything else: an unknown name, an escape, a
 * string cut short. The bytes are not checked one by one: every model name
 * is printable ASCII without '\\' or '"', so an escape, a control byte or
 * bad UTF-8 can only make it fail, never pass.
 */
static inline dsx_fast_slot model_name_at(fast_reader *f, const fast_scope *scope)
{
    const uint8_t *p = f->s + f->i;
    size_t room = f->n - f->i;
    dsx_fast_slot slot = {0, 0, 0, 0};
    int member;
    if (room < 4) return slot;
    slot = scope->slots[dsx_prefix_hash(dsx_prefix_word(p))];
    for (member = slot.member - 1; member >= 0; member = scope->next[member] - 1) {
        const dsx_member_info *m = &scope->members[member];
        if (member != slot.member - 1) slot = slot_of(member, m);   /* further down the chain (rare) */
        if (quoted_text_at(p, room, dsx_member_name(m, NULL), slot.name_length)) {
            f->i += slot.name_length + 1u;
            return slot;
        }
    }
    slot.member = 0;
    return slot;
}

/*
 * Documents usually list their members in model order (dsx writes them so,
 * and so do the SDKs): the member after the last one is tried first, by its
 * name alone. Its length comes from the table, not from the input, so the
 * reader moves on without waiting for the bytes to be hashed and looked up;
 * any other name goes through the hash.
 */
static inline dsx_fast_slot member_at(fast_reader *f, fast_scope *scope)
{
    dsx_fast_slot slot;
    if (scope->expected < scope->count) {
        const dsx_member_info *m = &scope->members[scope->expected];
        if (quoted_text_at(f->s + f->i, f->n - f->i, dsx_member_name(m, NULL), m->name_length)) {
            f->i += m->name_length + 1u;
            return slot_of(scope->expected++, m);
        }
    }
    slot = model_name_at(f, scope);
    scope->expected = slot.member;   /* index + 1: the member after it */
    return slot;
}

#ifdef DSX_SWAR_EXACT
/*
 * The digits that start the word x (little-endian): how many, up to 8, and
 * their value. The first byte that is not a digit is found exactly (a byte
 * >= 0x80 is flagged by its own high bit, before a carry from it matters).
 * The value: the digits moved to the top of the word (the bytes below then
 * read as leading zeros), then pairs, fours and eights of digits combined
 * by three multiplications.
 */
static inline size_t word_digits(uint64_t x, uint64_t *value)
{
    uint64_t stops = (x & DSX_WORD_HIGHS) | (~DSX_IN_RANGE(x, '0', '9') & DSX_WORD_HIGHS);
    size_t count = stops ? dsx_first_flagged(stops) : 8;
    uint64_t v;
    if (count == 0) return 0;
    v = (x - DSX_WORD_ONES * '0') << (8 * (8 - count));   /* count 8: no shift */
    v = v * 10 + (v >> 8);   /* each byte pair: 10 x first + second */
    v = ((v & UINT64_C(0x000000FF000000FF)) * (100 + (UINT64_C(1000000) << 32)) +
         ((v >> 16) & UINT64_C(0x000000FF000000FF)) * (1 + (UINT64_C(10000) << 32))) >> 32;
    *value = v;
    return count;
}
#endif

/* Digits from s[j]: the offset after them, their value in *magnitude (it wraps past 19). */
static inline size_t integer_digits(const fast_reader *f, size_t j, uint64_t *magnitude)
{
    const uint8_t *s = f->s;
    uint64_t m = 0;
#ifdef DSX_SWAR_EXACT
    if (f->n - j >= 8) {
        size_t count = word_digits(dsx_load64(s + j), &m);
        if (count < 8) {
            *magnitude = m;
            return j + count;
        }
        j += 8;   /* more digits may follow */
    }
#endif
    for (; j < f->n && s[j] >= '0' && s[j] <= '9'; j++) m = m * 10 + (uint64_t)(s[j] - '0');
    *magnitude = m;
    return j;
}

/*
 * An integer literal of at most 18 digits (it fits an int64 as it is read);
 * a longer one, a fraction or an exponent is left to the full path.
 */
static bool plain_integer(fast_reader *f, int64_t minimum, int64_t *out)
{
    const uint8_t *s = f->s;
    size_t j, first;
    uint64_t magnitude = 0;
    int64_t value;
    if (!skip_space(f)) return false;
    first = f->i + (s[f->i] == '-');
    j = integer_digits(f, first, &magnitude);
    if (j == first || j - first > 18 || (s[first] == '0' && j - first > 1)) return false;
    if (j < f->n && (s[j] == '.' || s[j] == 'e' || s[j] == 'E')) return false;
    value = first > f->i ? -(int64_t)magnitude : (int64_t)magnitude;
    if (value < minimum) return false;
    *out = value;
    f->i = j;
    return true;
}

/* One of the member's values and its closing quote, each tried by its first four bytes. */
static bool plain_enum_value(fast_reader *f, fast_result *r, int member, const dsx_fast_slot *m)
{
    const uint32_t *prefixes = dsx_value_prefixes + m->first_value;
    const uint8_t *p;
    size_t room;
    uint32_t word;
    int k;
    if (!take(f, '"')) return false;
    p = f->s + f->i;
    room = f->n - f->i;
    if (room < 4) return false;
    word = dsx_prefix_word(p);
    for (k = 0; k < m->value_count; k++) {
        const dsx_string_ref *ref;
        if (prefixes[k] != word) continue;
        ref = &dsx_enum_values[m->first_value + k];
        if (quoted_text_at(p, room, dsx_value_text(ref, NULL), ref->length)) {
            r->options.value[member] = (uint8_t)k;
            f->i += ref->length + 1u;
            return true;
        }
    }
    return false;
}

static bool arn_value(fast_reader *f, fast_result *r)
{
    if (!take(f, '"')) return false;
    r->arn_start = f->i;
    r->arn_length = dsx_arn_match_quoted((const char *)f->s + f->i, f->n - f->i);
    if (r->arn_length == 0 || r->arn_length > DSX_ARN_MAX) return false;
    f->i += r->arn_length + 1;
    return true;
}

/* The cross-member rules of the Options object: any conflict leaves it to the full path. */
static bool no_conflict(const dsx_options *o)
{
    return !dsx_atime_mtime_conflict(o) && !dsx_remove_all_conflict(o);
}

/*
 * A scope whose object is `depth` containers deep. unknown_room: the
 * document's max_depth where unknown members are skipped, else -1 (and
 * what is left of it stays negative).
 */
static void enter(fast_scope *scope, bool options, int32_t unknown_room, int32_t depth)
{
    scope->unknown_room = unknown_room - depth;
    scope->slots = options ? dsx_fast_option_slots : dsx_fast_request_slots;
    scope->next = options ? dsx_fast_option_next : dsx_fast_request_next;
    scope->members = options ? dsx_option_members : dsx_request_members;
    scope->count = options ? DSX_OPTION_COUNT : DSX_REQUEST_MEMBER_COUNT;
    scope->expected = 0;
    scope->seen = 0;
}

/* One member value; *opens_options when it was the '{' of a request's Options. */
static bool member_value(fast_reader *f, const fast_scope *scope, const dsx_fast_slot *slot,
                         bool in_request, fast_result *r, bool *opens_options)
{
    int member = slot->member - 1;
    if (scope->members == dsx_request_members) {
        r->request_given |= DSX_BIT(member);
        if (member == DSX_REQ_TASK_EXECUTION_ARN) return arn_value(f, r);
        *opens_options = take(f, '{');
        return *opens_options;
    }
    if (in_request && member != DSX_OPT_BYTES_PER_SECOND) return false;   /* not_updatable */
    r->options.present |= DSX_BIT(member);
    if (slot->value_count) return plain_enum_value(f, r, member, slot);   /* an enum */
    return plain_integer(f, DSX_BYTES_PER_SECOND_MIN, &r->options.bytes_per_second);
}

/* ---- unknown members (a profile that skips them): their values read past ---- */

/*
 * The rest of a string, from the reader (after its opening quote) past its
 * closing quote. Printable ASCII only: an escape, a control byte or a byte
 * >= 0x80 leaves the document to the full path. Only a name found in no
 * model table comes here, so a known name written with an escape is never
 * taken for an unknown one.
 */
static FOLDED bool plain_string_rest(fast_reader *f)
{
    const uint8_t *s = f->s;
    size_t i = dsx_skip_plain_words(s, f->n, f->i);
    while (i < f->n && s[i] >= 0x20 && s[i] < 0x80 && s[i] != '"' && s[i] != '\\') i++;
    if (i >= f->n || s[i] != '"') return false;
    f->i = i + 1;
    return true;
}

static inline size_t digits_from(const fast_reader *f, size_t j)
{
    while (j < f->n && f->s[j] >= '0' && f->s[j] <= '9') j++;
    return j;
}

/*
 * A number as RFC 8259 writes it, read past (a digit right after a leading
 * zero is not taken here: the byte after the value then fails).
 */
static bool any_number(fast_reader *f)
{
    const uint8_t *s = f->s;
    size_t n = f->n, i = f->i + (s[f->i] == '-'), j;
    if (i < n && s[i] == '0') j = i + 1;
    else if ((j = digits_from(f, i)) == i) return false;
    if (j < n && s[j] == '.') {
        i = j + 1;
        if ((j = digits_from(f, i)) == i) return false;
    }
    if (j < n && (s[j] == 'e' || s[j] == 'E')) {
        i = j + 1;
        if (i < n && (s[i] == '+' || s[i] == '-')) i++;
        if ((j = digits_from(f, i)) == i) return false;
    }
    f->i = j;
    return true;
}

static bool literal(fast_reader *f, const char *word, size_t length)
{
    if (f->n - f->i < length || !dsx_same_bytes(word, (const char *)f->s + f->i, length))
        return false;
    f->i += length;
    return true;
}

/* A scalar value at the reader (not a container), read past. */
static bool any_scalar(fast_reader *f, uint8_t c)
{
    switch (c) {
    case '"': f->i++; return plain_string_rest(f);
    case 't': return literal(f, "true", 4);
    case 'f': return literal(f, "false", 5);
    case 'n': return literal(f, "null", 4);
    default: return any_number(f);
    }
}

/* In an object: a name, read past with the ':' after it. */
static inline bool any_name(fast_reader *f)
{
    return take(f, '"') && plain_string_rest(f) && take(f, ':');
}

/*
 * Any value, read past with its grammar checked, nesting at most `room`
 * containers deep (what max_depth leaves) and 64 (a bit per level says
 * whether that container is an object). No recursion, no token.
 */
static bool any_value(fast_reader *f, uint32_t room)
{
    uint64_t objects = 0;
    uint32_t depth = 0;
    if (room > 64) room = 64;
    for (;;) {
        uint8_t c;
        if (!skip_space(f)) return false;
        c = f->s[f->i];
        if (c == '{' || c == '[') {
            if (depth == room) return false;   /* the full path reports the depth */
            f->i++;
            if (!take(f, (uint8_t)(c + 2))) {   /* not empty: '{' + 2 is '}', '[' + 2 is ']' */
                objects = objects << 1 | (c == '{');
                depth++;
                if (c == '{' && !any_name(f)) return false;
                continue;
            }
        } else if (!any_scalar(f, c)) {
            return false;
        }
        for (;;) {   /* after a value: the end, a ',' or the close of its container */
            if (depth == 0) return true;
            if (!skip_space(f)) return false;
            c = f->s[f->i++];
            if (c == ',') break;
            if (c != ((objects & 1) ? '}' : ']')) return false;
            objects >>= 1;
            depth--;
        }
        if ((objects & 1) && !any_name(f)) return false;
    }
}

/*
 * The bytes between two tokens, as a pretty-printer repeats them (",\n  \""
 * before a name, ": " before a value): learned where they first occur, then
 * compared as one word. Bytes that were a valid gap once are one again, so
 * this only skips what take() and skip_space() would have read.
 */
typedef struct fast_gap {
    uint64_t bytes;
    uint64_t mask;     /* the first `length` bytes; 0 until learned */
    size_t length;
} fast_gap;

static inline bool gap_skip(fast_reader *f, const fast_gap *g)
{
#ifdef DSX_SWAR_EXACT
    if (g->mask && f->n - f->i >= 8 && ((dsx_load64(f->s + f->i) ^ g->bytes) & g->mask) == 0) {
        f->i += g->length;
        return true;
    }
#else
    (void)f;
    (void)g;
#endif
    return false;
}

/* The gap that was just read, from start to the reader. */
static inline void gap_learn(fast_gap *g, const fast_reader *f, size_t start)
{
#ifdef DSX_SWAR_EXACT
    size_t length = f->i - start;
    if (!g->mask && length <= 8 && f->n - start >= 8) {
        g->mask = length == 8 ? ~(uint64_t)0 : ((uint64_t)1 << (8 * length)) - 1;
        g->bytes = dsx_load64(f->s + start) & g->mask;
        g->length = length;
    }
#else
    (void)g;
    (void)f;
    (void)start;
#endif
}

/* After a name: ':' and the whitespace before the value. */
static inline bool colon(fast_reader *f, fast_gap *g)
{
    size_t start = f->i;
    if (gap_skip(f, g)) return true;
    if (!take(f, ':') || !skip_space(f)) return false;
    gap_learn(g, f, start);
    return true;
}

/* After a value: ',' and the next name's opening quote (true), or not there (false, nothing read). */
static inline bool comma(fast_reader *f, fast_gap *g)
{
    size_t start = f->i;
    if (gap_skip(f, g)) return true;
    if (!take(f, ',')) return false;
    if (!take(f, '"')) {
        f->i = start;   /* the caller fails on the ',' */
        return false;
    }
    gap_learn(g, f, start);
    return true;
}

/*
 * An unknown member, from the rest of its name to the end of its value,
 * where the profile skips it (unknown_room >= 0). Returns the offset after
 * the value, or 0. The reader goes by value and comes back as an offset,
 * so that the member loop's reader stays in registers.
 */
static OUT_OF_LINE size_t unknown_member(fast_reader f, int32_t unknown_room)
{
    if (unknown_room < 0 || !plain_string_rest(&f) || !take(&f, ':') ||
        !any_value(&f, (uint32_t)unknown_room))
        return 0;
    return f.i;
}

/*
 * The members of the document's object and, one level down, of a
 * request's Options, in one loop (no recursion). At the top of the loop the
 * opening quote of a name has been read.
 */
static bool walk(fast_reader *f, bool in_request, uint32_t max_depth, int32_t unknown_room,
                 fast_result *r)
{
    fast_scope outer, options, *scope = &outer;
    fast_gap before_name = {0, 0, 0}, before_value = {0, 0, 0};
    enter(&outer, !in_request, unknown_room, 1);
    if (!take(f, '{')) return false;
    if (take(f, '}')) return true;
    if (!take(f, '"')) return false;
    for (;;) {
        bool opens_options = false;
        dsx_fast_slot slot = member_at(f, scope);
        int member = slot.member - 1;
        if (RARELY(member < 0)) {   /* an unknown name, or one the fast path does not read */
            if ((f->i = unknown_member(*f, scope->unknown_room)) == 0) return false;
        } else {
            if ((scope->seen & DSX_BIT(member)) || !colon(f, &before_value)) return false;
            scope->seen |= DSX_BIT(member);
            if (!member_value(f, scope, &slot, in_request, r, &opens_options)) return false;
        }
        if (opens_options) {
            if (max_depth < 2) return false;
            enter(&options, true, unknown_room, 2);
            scope = &options;
            if (take(f, '"')) continue;
            if (!take(f, '}')) return false;
            scope = &outer;   /* {} */
        }
        while (!comma(f, &before_name)) {   /* the end of an object: Options, then maybe the document */
            if (!take(f, '}')) return false;
            if (scope == &outer) return true;
            if (!no_conflict(&r->options)) return false;
            scope = &outer;
        }
    }
}

bool dsx_fast_validate(const char *json, size_t length, const dsx_config *config,
                       bool in_request, dsx_request *request, dsx_options *options)
{
    fast_reader f;
    fast_result r;
    memset(&r, 0, sizeof r);
    f.s = (const uint8_t *)json;
    f.n = length;
    f.i = 0;
    /* unknown members are skipped where they are not errors: there is no kept list here */
    if (!walk(&f, in_request, config->max_depth,
              config->unknown_members == DSX_UNKNOWN_ERROR ? -1 : (int32_t)config->max_depth, &r) ||
        skip_space(&f))
        return false;
    if (!in_request) {
        if (!no_conflict(&r.options)) return false;
    } else if (r.request_given != (DSX_BIT(DSX_REQ_TASK_EXECUTION_ARN) | DSX_BIT(DSX_REQ_OPTIONS))) {
        return false;   /* required */
    }
    if (options) *options = r.options;
    if (in_request && request) {
        memcpy(request->task_execution_arn, json + r.arn_start, r.arn_length);
        request->task_execution_arn[r.arn_length] = '\0';
        request->task_execution_arn_length = r.arn_length;
        request->present = r.request_given;
    }
    return true;
}

#else

typedef int dsx_fast_path_compiled_out;   /* ISO C wants something in a translation unit */

#endif
