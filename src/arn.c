/*
 * A hand-written matcher for the TaskExecutionArn pattern of the model:
 *
 *   ^arn:(aws|aws-cn|aws-us-gov|aws-eusc|aws-iso|aws-iso-b):datasync:
 *    [a-z\-0-9]+:[0-9]{12}:task/task-[0-9a-f]{17}/execution/exec-[0-9a-f]{17}$
 *
 * Every piece is followed by a character it cannot contain (':' ends the
 * partition and the region), so the match is deterministic and one pass
 * over the code points decides it, however long the input is. `$` accepts
 * no trailing newline (ECMAScript semantics, as Smithy patterns use).
 * tools/gen_model.py refuses a model whose pattern differs from this one.
 */
#include "internal.h"
#include "swar.h"

#include <string.h>

/*
 * The pattern as one template: a byte from ' ' up stands for itself, a
 * byte below ' ' for a class of characters. A run (partition, region) ends
 * at the first character it cannot take, which the template's next byte
 * then matches: a ':', which neither run contains. Both runs take
 * [a-z0-9-] (one test); a partition with a digit is none of partitions[].
 */
enum template_class {
    ARN_PARTITION = 1,   /* one of partitions[] (each [a-z-]) */
    ARN_REGION,          /* [a-z0-9-]+ */
    ARN_DIGITS,          /* [0-9], as many as the template's next byte */
    ARN_HEX              /* [0-9a-f], as many as the template's next byte */
};

static const char arn_template[] =
    "arn:\001:datasync:\002:\003\014:task/task-\004\021/execution/exec-\004\021";
#define TEMPLATE_LENGTH (sizeof arn_template - 1)
typedef char template_length_is_checked[TEMPLATE_LENGTH == DSX_ARN_TEMPLATE_LENGTH ? 1 : -1];

/* The partitions, each ending in NUL, then an empty one that ends the list. */
static const char partitions[] = "aws\0aws-cn\0aws-us-gov\0aws-eusc\0aws-iso\0aws-iso-b\0";

/* [a-z0-9-], the characters of a region */
static FOLDED bool region_char(int32_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
}

static bool hex_digit(int32_t c, bool hex)
{
    return (c >= '0' && c <= '9') || (hex && c >= 'a' && c <= 'f');
}

int dsx_arn_partition(const char *name, size_t length)
{
    return dsx_text_index(partitions, name, length);
}

static bool known_partition(const char *name, size_t length)
{
    return dsx_text_index(partitions, name, length) >= 0;   /* no call through dsx_arn_partition */
}

/* The next template byte; `step` 2 after a counted class, whose count is a byte. */
static void next_piece(dsx_arn_matcher *m, uint8_t step)
{
    m->at = (uint8_t)(m->at + step);
    m->count = 0;
}

void dsx_arn_matcher_feed(dsx_arn_matcher *m, int32_t cp)
{
    for (;;) {   /* twice where a run ends: the character after it is the next piece's */
        char t;
        if (m->at >= TEMPLATE_LENGTH) break;   /* matched already (now too long) or failed */
        t = arn_template[m->at];
        if (t >= ' ') {
            if (cp != t) break;
            next_piece(m, 1);
            return;
        }
        if (t >= ARN_DIGITS) {
            if (!hex_digit(cp, t == ARN_HEX)) break;
            if (++m->count == arn_template[m->at + 1]) next_piece(m, 2);
            return;
        }
        if (region_char(cp)) {   /* a run goes on (a digit only fails a partition later) */
            if (m->count < sizeof m->partition) m->partition[m->count] = (char)cp;
            if (m->count <= sizeof m->partition) m->count++;   /* past the buffer: no partition */
            return;
        }
        /* cp cannot extend the run: it ends here if it is complete, and cp is the next piece's */
        if (t == ARN_REGION ? m->count == 0
                            : m->count > sizeof m->partition || !known_partition(m->partition, m->count))
            break;
        next_piece(m, 1);
    }
    m->at = DSX_ARN_FAILED;
}

#ifndef DSX_SMALL
/* ---- the same pattern over plain bytes, without a call per character ---- */

/*
 * Eight bytes at a time (DSX_IN_RANGE in src/swar.h). Each check below
 * looks at whole words; a piece whose length is not a multiple of eight
 * ends with a word that overlaps the one before, so there is no byte loop
 * and no call.
 */
enum byte_class { CLASS_DIGIT, CLASS_HEX, CLASS_REGION };

static inline bool word_in_class(uint64_t x, enum byte_class c)
{
    uint64_t in = DSX_IN_RANGE(x, '0', '9');
    if (c == CLASS_HEX) in |= DSX_IN_RANGE(x, 'a', 'f');
    if (c == CLASS_REGION) in |= DSX_IN_RANGE(x, 'a', 'z') | DSX_IN_RANGE(x, '-', '-');
    return (x & DSX_WORD_HIGHS) == 0 && (in & DSX_WORD_HIGHS) == DSX_WORD_HIGHS;
}

/* Every byte of s[0..n) in the class; n >= 8. */
static inline bool words_in_class(const char *s, size_t n, enum byte_class c)
{
    size_t i;
    for (i = 0; i + 8 < n; i += 8)
        if (!word_in_class(dsx_load64(s + i), c)) return false;
    return word_in_class(dsx_load64(s + n - 8), c);
}

static bool region_bytes(const char *s, size_t n)
{
    size_t i;
    if (n >= 8) return words_in_class(s, n, CLASS_REGION);
    for (i = 0; i < n; i++)
        if (!region_char((unsigned char)s[i])) return false;
    return n > 0;
}

/* After the region, a fixed tail: ':', 12 digits, ":task/task-", 17 hex, "/execution/exec-", 17 hex. */
#define ARN_TAIL 74

/* The common start, "arn:aws:datasync:": two words compared, then the region. */
static const char common_start[] = "arn:aws:datasync:";
#define COMMON_START (sizeof common_start - 1)

#ifdef DSX_VECTOR
/* Sixteen bytes at a time (DSX_VECTOR, src/swar.h). */

/* x in lo..hi, lane by lane; strict comparisons, the ones SSE2 has. */
static inline dsx_v16 in_range(dsx_v16 x, dsx_v16 lo, dsx_v16 hi)
{
    return (x > lo - 1) & (hi + 1 > x);
}

static inline dsx_v16 choose(dsx_v16 mask, dsx_v16 yes, dsx_v16 no)
{
    return (mask & yes) | (~mask & no);
}

/* The tail's shape: 'D' a digit, 'H' [0-9a-f], any other byte itself. */
static const char tail_pattern[ARN_TAIL + 1] =
    ":DDDDDDDDDDDD:task/task-HHHHHHHHHHHHHHHHH/execution/exec-HHHHHHHHHHHHHHHHH";

/*
 * -1 in each lane of s[0..16) that fits pattern[0..16): each lane's byte
 * in a first range (the literal byte itself, or 0-9) or a second (a-f
 * where hex, empty elsewhere). The bounds depend on the pattern alone, so
 * the compiler folds them into constants.
 */
static inline dsx_v16 fits_pattern(const char *s, const char *pattern)
{
    dsx_v16 x = dsx_load16(s), p = dsx_load16(pattern);
    dsx_v16 hex = p == dsx_splat16('H'), counted = hex | (p == dsx_splat16('D'));
    dsx_v16 first = in_range(x, choose(counted, dsx_splat16('0'), p),
                             choose(counted, dsx_splat16('9'), p));
    dsx_v16 second = in_range(x, choose(hex, dsx_splat16('a'), dsx_splat16(0x7F)),
                              choose(hex, dsx_splat16('f'), dsx_splat16(0)));
    return first | second;
}

/* The 74 bytes as five pieces of 16, the last overlapping the one before. */
static bool tail_bytes(const char *s)
{
    dsx_v16 all = fits_pattern(s, tail_pattern) & fits_pattern(s + 16, tail_pattern + 16) &
                  fits_pattern(s + 32, tail_pattern + 32) & fits_pattern(s + 48, tail_pattern + 48) &
                  fits_pattern(s + ARN_TAIL - 16, tail_pattern + ARN_TAIL - 16);
    dsx_v2x64 words = (dsx_v2x64)all;
    return (words[0] & words[1]) == ~(uint64_t)0;
}

/*
 * The region at s, when its ':' is among s[0..16) (s[0..16) readable): its
 * length if every byte before the ':' is [a-z0-9-] and there is one, else
 * 0 (a longer region goes the general way).
 */
static size_t short_region(const char *s)
{
    dsx_v16 x = dsx_load16(s), colon = x == dsx_splat16(':');
    dsx_v16 region = in_range(x, dsx_splat16('a'), dsx_splat16('z')) |
                     in_range(x, dsx_splat16('0'), dsx_splat16('9')) | (x == dsx_splat16('-'));
    dsx_v2x64 bad = (dsx_v2x64) ~(region | colon);
    size_t length;
    uint64_t bad_before;
    if (!dsx_any_lane(colon)) return 0;
    length = dsx_first_lane(colon);
    /* the bad lanes before the colon: in the first word only, or all of it and some of the second */
    if (length < 8) bad_before = bad[0] & (((uint64_t)1 << (8 * length)) - 1);
    else bad_before = bad[0] | (bad[1] & (((uint64_t)1 << (8 * (length - 8))) - 1));
    return bad_before ? 0 : length;
}
#else
static bool tail_bytes(const char *s)
{
    return s[0] == ':' && words_in_class(s + 1, 12, CLASS_DIGIT) &&
           dsx_same_bytes(s + 13, ":task/task-", 11) && words_in_class(s + 24, 17, CLASS_HEX) &&
           dsx_same_bytes(s + 41, "/execution/exec-", 16) && words_in_class(s + 57, 17, CLASS_HEX);
}
#endif

bool dsx_arn_match_bytes(const char *s, size_t n)
{
    const char *end = s + n, *colon;
    if (n >= COMMON_START + 1 + ARN_TAIL && dsx_same_bytes(s, common_start, COMMON_START)) {
        s += COMMON_START;
    } else {
        if (n < 4 || memcmp(s, "arn:", 4) != 0) return false;
        s += 4;
        colon = memchr(s, ':', (size_t)(end - s));
        if (!colon || !known_partition(s, (size_t)(colon - s))) return false;
        s = colon + 1;
        if ((size_t)(end - s) < 9 || memcmp(s, "datasync:", 9) != 0) return false;
        s += 9;
    }
    /* the region runs up to the tail, which has a fixed length */
    if (end - s <= ARN_TAIL) return false;
    return region_bytes(s, (size_t)(end - s) - ARN_TAIL) && tail_bytes(end - ARN_TAIL);
}

/*
 * The fast path's question: is s[0..room) an ARN followed by its closing
 * quote? Its length if so, else 0. The usual ARN is read without looking
 * for the quote first: the region ends at the first ':', the fixed tail
 * follows, and the quote must stand right after it.
 */
size_t dsx_arn_match_quoted(const char *s, size_t room)
{
    const uint8_t *u = (const uint8_t *)s;
    size_t colon, end;
    if (room > COMMON_START + 1 + ARN_TAIL && dsx_same_bytes(s, common_start, COMMON_START)) {
#ifdef DSX_VECTOR
        colon = COMMON_START + short_region(s + COMMON_START);
        end = colon + ARN_TAIL;
        if (colon > COMMON_START && end < room && s[end] == '"' && tail_bytes(s + colon))
            return end;
#else
        colon = dsx_find_byte(u, room, COMMON_START, ':');
        end = colon + ARN_TAIL;
        if (colon > COMMON_START && end < room && s[end] == '"' &&
            region_bytes(s + COMMON_START, colon - COMMON_START) && tail_bytes(s + colon))
            return end;
#endif
    }
    end = dsx_find_quote(u, room, 0);   /* anything else: the general byte check */
    return end < room && dsx_arn_match_bytes(s, end) ? end : 0;
}
#endif /* DSX_SMALL */
