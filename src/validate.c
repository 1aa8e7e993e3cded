/*
 * The schema layer: walks the token stream of one document against the
 * model tables and reports every problem. It never builds a tree: each
 * member is checked as its value goes by, unknown values are skipped (the
 * tokenizer still checks them), and only cross-member rules wait for the
 * end of the Options object.
 *
 * A document found malformed at any point (even after schema problems were
 * reported) ends with exactly one diagnostic, the malformation.
 */
#include <stddef.h>
#include <string.h>

#include "internal.h"
#include "model.h"

enum walk_mode { WALK_REQUEST, WALK_OPTIONS, WALK_JSON_ONLY };
/* A schema walk's mode, counted from the request's scope, is its top object's scope: */
typedef char mode_scopes_are_checked[DSX_SCOPE_REQUEST + WALK_OPTIONS == DSX_SCOPE_OPTIONS &&
                                     WALK_REQUEST == 0 ? 1 : -1];

/*
 * Frames chosen, by measurement, for the worst-case stack and for size
 * (make stack, make size): the int64 conversion, the decoding comparison
 * and the reporting run in short-lived frames of their own (OUT_OF_LINE or
 * external), not in the member loop's frame for the whole walk; the enum,
 * number and ARN checks, the look-ups and reading past a value share the
 * walk's frame (104 bytes), which costs less than frames of their own; the
 * walk has a frame of its own under run's (24 bytes), the outputs',
 * verdict's and a malformation's report's; a one-line wrapper is folded
 * into its callers (FOLDED). Both hints are in json.h. make stack is then
 * at its budget, 384 bytes, counted as if every call nested (the
 * tokenizer's calls that fail are tail calls: less in fact).
 */

/*
 * What becomes of an unknown member once its value is read past: through a
 * pointer that only the entry points taking a kept list set (keep_unknown),
 * so that a caller of the others (a firmware gateway that validates) links
 * none of the kept list's code, nor the policy's test.
 */
typedef struct validator validator;
typedef void (*unknown_keeper)(validator *v, uint8_t scope, const dsx_token *name,
                               size_t value_start);

struct validator {
    uint8_t mode;             /* what the document must be: enum walk_mode (in_request) */
    uint8_t request_given;    /* request members given a non-absent value (bits) */
    bool no_memory;           /* the kept list could not grow */
    bool invalid;             /* an error was found: the verdict, with or without a list */
    dsx_reader reader;        /* its text is the document (text_of) */
    const dsx_config *config;
    dsx_diag_list *diags;     /* NULL when the caller wants the verdict only */
    dsx_kept *kept;           /* unknown members go here under DSX_UNKNOWN_KEEP */
    unknown_keeper keep;      /* keep_unknown with a kept list, else NULL */
    dsx_request *request;     /* where the ARN goes (may be NULL) */
    dsx_options *options_out; /* where the valid options go at the end (may be NULL) */
    size_t mtime;             /* where the first valid Mtime's string starts (conflicts) */
    size_t transfer_mode;     /* the same for TransferMode */
    union {                   /* held during the walk, by its kind (v->mode), sharing bytes: */
        dsx_options options;  /* a schema walk: the valid options, whatever the caller asked */
        dsx_diag_list list;   /* check_json: the list of its one diagnostic */
    } held;
};
/*
 * The fields in this order leave no hole on 32-bit targets (the options
 * start 8-aligned after 22 words): a smaller frame (make stack). The byte
 * fields come first, where a Cortex-M reads and writes them with 16-bit
 * instructions (offsets below 32), and the reader right after them, where
 * its own fields stay below 32 too (make size). The request's members fit
 * request_given's bits:
 */
typedef char request_bits_are_checked[DSX_REQUEST_MEMBER_COUNT <= 8 ? 1 : -1];

static const char *text_of(const validator *v)
{
    return (const char *)v->reader.text;
}

/* Validating a request (not a bare Options): its Options may not be updated but for one. */
static bool in_request(const validator *v)
{
    return v->mode == WALK_REQUEST;
}

void dsx_config_init(dsx_config *config, dsx_profile profile)
{
    bool wire = profile == DSX_PROFILE_WIRE;
    config->unknown_members = wire ? DSX_UNKNOWN_SKIP : DSX_UNKNOWN_ERROR;
    config->null_values = wire ? DSX_NULL_ABSENT : DSX_NULL_ERROR;
    config->numbers = wire ? DSX_NUMBER_INTEGRAL_VALUE : DSX_NUMBER_INTEGER_LITERAL;
    config->not_updatable = wire ? DSX_SEVERITY_WARNING : DSX_SEVERITY_ERROR;
    config->max_depth = DSX_DEFAULT_MAX_DEPTH;
    config->max_size = DSX_DEFAULT_MAX_SIZE;
}

/* The three two-valued settings are each 0 or 1: so is their OR (one test, make size). */
typedef char two_valued_settings_are_checked[DSX_NULL_ABSENT == 1 && DSX_NUMBER_INTEGRAL_VALUE == 1 &&
                                             DSX_SEVERITY_WARNING == 1 ? 1 : -1];

static bool config_is_usable(const dsx_config *c)
{
    return c->max_depth >= 1 && c->max_depth <= DSX_DEPTH_CAP &&
           (unsigned)c->unknown_members <= DSX_UNKNOWN_KEEP &&
           ((unsigned)c->null_values | (unsigned)c->numbers | (unsigned)c->not_updatable) <= 1;
}

/* ---- reporting ---- */

/*
 * What a diagnostic is, as dsx_diag has it (code, scope, detail, severity),
 * one byte each in one word: passed in one register, so that reporting
 * takes four arguments and no caller needs stack space for more (make
 * stack). A word, not a struct of four bytes: where most of it is constant
 * it is one instruction to build, not four byte inserts (make size).
 */
typedef uint32_t diag_kind;

static diag_kind kind_of(dsx_code code, uint8_t scope, uint8_t detail, uint8_t severity)
{
    return (uint32_t)code | (uint32_t)scope << 8 | DSX_DIAG_DETAIL(detail) |
           (uint32_t)severity << 24;
}

/*
 * A number's status is a diagnostic's code and detail (internal.h), with
 * no severity bits: the detail where kind_byte reads it, errors 0.
 */
typedef char number_status_is_checked[DSX_DIAG_DETAIL(1) == 1u << (8 * 2) && DSX_SEVERITY_ERROR == 0 ? 1 : -1];

static uint8_t kind_byte(diag_kind kind, unsigned which)   /* 0 code, 1 scope, 2 detail, 3 severity */
{
    return (uint8_t)(kind >> (8 * which));
}

/*
 * A slot of the caller's list for a diagnostic at `offset`, counted there;
 * NULL when there is no list or it is full of earlier ones. Errors also
 * decide the verdict, list or not.
 */
static OUT_OF_LINE dsx_diag *add_diag(validator *v, size_t offset, uint8_t severity)
{
    if (severity == DSX_SEVERITY_ERROR) v->invalid = true;
    return v->diags ? dsx_diags_add(v->diags, offset, severity) : NULL;
}

/*
 * A diagnostic about a member's value, written straight into its slot of
 * the caller's array (nothing is built on the stack and copied).
 */
static OUT_OF_LINE dsx_diag *report_value(validator *v, diag_kind kind, int member,
                                          const dsx_token *value)
{
    dsx_diag *d = add_diag(v, value->start, kind_byte(kind, 3));
    if (!d) return NULL;
    d->code = kind_byte(kind, 0);
    d->scope = kind_byte(kind, 1);
    d->detail = kind_byte(kind, 2);
    d->member = (int16_t)member;
    d->in_request = in_request(v) && d->scope == DSX_SCOPE_OPTIONS;
    d->value_kind = value->kind;
    d->value_offset = value->start;
    d->value_length = value->end - value->start;
    d->name_offset = d->name_length = 0;   /* report_name's; line and column: dsx_diags_locate's */
    return d;
}

static FOLDED void report_error(validator *v, dsx_code code, uint8_t scope,
                                int member, const dsx_token *value)
{
    report_value(v, kind_of(code, scope, 0, DSX_SEVERITY_ERROR), member, value);
}

/* unknown_member and duplicate_member also carry the name as written. */
static void report_name(validator *v, dsx_code code, uint8_t scope,
                        int member, const dsx_token *name, const dsx_token *value)
{
    dsx_diag *d = report_value(v, kind_of(code, scope, 0, DSX_SEVERITY_ERROR), member, value);
    if (!d) return;
    d->name_offset = name->start + 1;
    d->name_length = name->end - name->start - 2;
}

/*
 * The one diagnostic of a document that is not JSON (the reader's
 * malformation, at its offset) or too big (set up as one at offset 0). The
 * limit broken, for its message, is carried as the value's length. Written
 * here, not through report_value: no token on the stack (make stack), so
 * it folds into run (make size).
 */
static FOLDED void report_malformed(validator *v)
{
    const dsx_reader *r = &v->reader;
    dsx_diag *d;
    dsx_diags_clear(v->diags);
    d = add_diag(v, r->pos, DSX_SEVERITY_ERROR);
    if (!d) return;
    d->code = (uint8_t)dsx_json_reason_code((dsx_json_reason)r->error_reason);
    d->scope = DSX_SCOPE_DOCUMENT;
    d->detail = r->error_reason;
    d->member = -1;
    d->in_request = false;
    d->value_kind = 0;   /* no value kind */
    d->value_offset = r->pos;
    d->value_length = r->error_reason == DSX_REASON_TOO_LARGE ? v->config->max_size
                                                               : v->config->max_depth;
    d->name_offset = d->name_length = 0;
}

/* ---- reading ---- */

/* Whether the document is malformed: the reader keeps the reason of the one malformation. */
static bool failed(const validator *v)
{
    return v->reader.error_reason != DSX_REASON_NONE;
}

static FOLDED dsx_tok_kind next(validator *v, dsx_token *t)
{
    return dsx_reader_next(&v->reader, t);
}

/* Reads past the rest of a value whose first token is *t (into *t); then the reader stands after it. */
static FOLDED void skip(validator *v, dsx_token *t)
{
    dsx_reader_skip_value(&v->reader, t);   /* a malformation stays in the reader (failed()) */
}

/* An unknown member whose value the reader has just passed, kept where the policy says so. */
static void keep_unknown(validator *v, uint8_t scope, const dsx_token *name, size_t value_start)
{
    if (v->config->unknown_members != DSX_UNKNOWN_KEEP || v->no_memory) return;
    v->kept->text = text_of(v);   /* what its offsets index, set here: the validation image has none of it */
    if (!dsx_kept_add(v->kept, scope, name, value_start, v->reader.pos)) v->no_memory = true;
}

/*
 * Whether an escaped string token decodes to the model text of a table's
 * row (its offset and length: both rows begin so, checked below), code
 * point by code point: no decoded copy on the stack. Model texts are
 * ASCII, so a code point equals a character only where both are that
 * character.
 */
static bool decodes_to(const char *json, const dsx_token *t, const uint8_t *texts,
                       const uint8_t *row)
{
    dsx_string_iter it;
    int32_t cp;
    unsigned bit = row[0] * DSX_MODEL_CHAR_BITS, left = row[1];
    dsx_string_iter_init(&it, json, t);
    while ((cp = dsx_string_next(&it)) >= 0) {
        if (left == 0 || !dsx_model_char_is(texts, bit, cp)) return false;
        left--;
        bit += DSX_MODEL_CHAR_BITS;
    }
    return left == 0;
}

/*
 * Index of the model text a string token decodes to (an escaped one, or any
 * in a size-optimised build), or -1: among the values of `enum_member`, or
 * (NULL) among the names of `scope`. Member rows and value references both
 * begin with a text's offset and length (checked below), so one loop reads
 * either table as rows of bytes, `stride` apart.
 */
typedef char member_row_is_checked[offsetof(dsx_member_info, name) == 0 &&
                                   offsetof(dsx_member_info, name_length) == 1 ? 1 : -1];
typedef char value_row_is_checked[offsetof(dsx_string_ref, offset) == 0 &&
                                  offsetof(dsx_string_ref, length) == 1 ? 1 : -1];

static FOLDED int find_through_decoder(const validator *v, const dsx_token *t, uint8_t scope,
                                       const dsx_member_info *enum_member)
{
    const uint8_t *row = (const uint8_t *)dsx_scope_members(scope);
    const uint8_t *texts = dsx_model_names;
    size_t i, count = dsx_scope_member_count(scope), stride = sizeof(dsx_member_info);
    if (enum_member) {
        row = (const uint8_t *)&dsx_enum_values[enum_member->first_value];
        texts = dsx_model_values;
        count = enum_member->value_count;
        stride = sizeof(dsx_string_ref);
    }
    for (i = 0; i < count; i++) {   /* a row by its index: one induction variable (make size) */
        const uint8_t *entry = row + i * stride;
        if (decodes_to(text_of(v), t, texts, entry)) return (int)i;
    }
    return -1;
}

/*
 * A value of `enum_member`, or (NULL) a member name of `scope`, as the
 * model has it; -1 when none. Size-optimised builds compare every text
 * through the decoder: one comparison routine instead of two.
 */
static FOLDED int find_decoded(const validator *v, const dsx_token *t, uint8_t scope,
                               const dsx_member_info *enum_member)
{
#ifndef DSX_SMALL
    const char *name = text_of(v) + t->start + 1;
    size_t length = t->end - t->start - 2;
    if (!(t->flags & DSX_TF_ESCAPED)) {   /* the raw bytes are the text */
        if (enum_member) return dsx_model_find_value(enum_member, name, length);
        return dsx_model_find_member(dsx_scope_members(scope), dsx_scope_member_count(scope),
                                     name, length);
    }
#endif
    return find_through_decoder(v, t, scope, enum_member);   /* one text at a time */
}

/* ---- member values (each of the token kind check_value has checked) ---- */

/* An enum member's string: one of its values. */
static void check_enum(validator *v, int member, const dsx_token *value)
{
    int index = find_decoded(v, value, DSX_SCOPE_OPTIONS, &dsx_option_members[member]);
    if (index < 0) {
        report_value(v, kind_of(DSX_CODE_ENUM, DSX_SCOPE_OPTIONS, 0, DSX_SEVERITY_ERROR), member,
                     value);
        return;
    }
    v->held.options.present |= DSX_BIT(member);
    v->held.options.value[member] = (uint8_t)index;
    if (member == DSX_OPT_MTIME) v->mtime = value->start;
    if (member == DSX_OPT_TRANSFER_MODE) v->transfer_mode = value->start;
}

/* BytesPerSecond's number: an integer from -1 up (what the profile takes for one). */
static void check_long(validator *v, int member, const dsx_token *value)
{
    /* straight into the held options, 0 since start() (BytesPerSecond is checked once a walk) */
    dsx_number_status status = dsx_bytes_per_second(text_of(v), value, v->config->numbers,
                                                    &v->held.options.bytes_per_second);
    if (status == DSX_NUMBER_OK) {
        v->held.options.present |= DSX_BIT(member);
        return;
    }
    /* the status is the diagnostic's code and detail (internal.h) */
    report_value(v, (diag_kind)status | kind_of(0, DSX_SCOPE_OPTIONS, 0, DSX_SEVERITY_ERROR), member,
                 value);
}

#ifndef DSX_SMALL
/* A string token without escapes whose bytes are all ASCII: one byte, one code point. */
static bool plain_ascii(const dsx_token *t)
{
    return !(t->flags & (DSX_TF_ESCAPED | DSX_TF_NON_ASCII));
}
#endif

/* Length in code points and pattern, through the decoder (escapes, UTF-8). */
static size_t measure_arn(const validator *v, const dsx_token *value, char *copy, bool *matches)
{
    dsx_string_iter it;
    dsx_arn_matcher matcher;
    int32_t cp;
    size_t n = 0;
#ifndef DSX_SMALL
    if (plain_ascii(value)) {   /* the common case, without a call per character */
        n = value->end - value->start - 2;
        *matches = dsx_arn_match_bytes(text_of(v) + value->start + 1, n);
        if (copy && n <= DSX_ARN_MAX) memcpy(copy, text_of(v) + value->start + 1, n);
        return n;
    }
#endif
    dsx_arn_matcher_init(&matcher);
    dsx_string_iter_init(&it, text_of(v), value);
    while ((cp = dsx_string_next(&it)) >= 0) {
        /* Kept only when it matches, and a match is ASCII. */
        if (copy && n < DSX_ARN_MAX) copy[n] = (char)cp;
        n++;
        dsx_arn_matcher_feed(&matcher, cp);
    }
    *matches = dsx_arn_matcher_accepts(&matcher);
    return n;
}

/* TaskExecutionArn's string: length and pattern; copied into the request when it is valid. */
static FOLDED void check_arn(validator *v, const dsx_token *value)
{
    char *copy = v->request ? v->request->task_execution_arn : NULL;
    bool too_long, matches = false;
    size_t code_points = measure_arn(v, value, copy, &matches);
    too_long = code_points > DSX_ARN_MAX;
    if (too_long)
        report_value(v, kind_of(DSX_CODE_LENGTH, DSX_SCOPE_REQUEST, 0, DSX_SEVERITY_ERROR),
                     DSX_REQ_TASK_EXECUTION_ARN, value);
    if (!matches)
        report_value(v, kind_of(DSX_CODE_PATTERN, DSX_SCOPE_REQUEST, 0, DSX_SEVERITY_ERROR),
                     DSX_REQ_TASK_EXECUTION_ARN, value);
    if (!copy) return;
    if (too_long || !matches) {   /* leave no partial copy behind */
        memset(copy, 0, DSX_ARN_MAX + 1);
        return;
    }
    /* its NUL is there: the request is zeroed before the walk, and a copy is never longer */
    v->request->task_execution_arn_length = code_points;
    v->request->present |= DSX_BIT(DSX_REQ_TASK_EXECUTION_ARN);
}

/* The token a value of each member kind starts with, in the kind's low bits (model.h): */
typedef char member_kinds_are_checked[(int)DSX_KIND_OBJECT == (int)DSX_TOK_OBJECT_BEGIN &&
                                      (int)DSX_KIND_STRING == (int)DSX_TOK_STRING &&
                                      (int)DSX_KIND_LONG == (int)DSX_TOK_NUMBER &&
                                      (DSX_KIND_ENUM & DSX_KIND_TOKEN) == (int)DSX_TOK_STRING ? 1 : -1];

/*
 * Checks a value's first token. True for an Options object: the member
 * loop walks into it (no recursion); it reads past anything else.
 */
static bool check_value(validator *v, uint8_t scope, int member,
                        const dsx_token *value)
{
    uint8_t kind = dsx_scope_members(scope)[member].kind;
    if (value->kind != (kind & DSX_KIND_TOKEN)) {
        report_error(v, DSX_CODE_TYPE, scope, member, value);
        return false;
    }
    if (kind == DSX_KIND_OBJECT) return true;   /* Options: walked into */
    if (kind == DSX_KIND_ENUM) check_enum(v, member, value);   /* an option's */
    else if (kind == DSX_KIND_LONG) check_long(v, member, value);   /* an option's */
    else check_arn(v, value);   /* the request's */
    return false;
}

/* The first occurrence of a known member; true when it opens Options. */
static bool check_member(validator *v, uint8_t scope, int member,
                         const dsx_token *value)
{
    bool absent = value->kind == DSX_TOK_NULL &&
                  v->config->null_values == DSX_NULL_ABSENT;
    if (absent) return false;
    if (scope == DSX_SCOPE_REQUEST) v->request_given |= (uint8_t)DSX_BIT(member);
    if (in_request(v) && scope == DSX_SCOPE_OPTIONS && member != DSX_OPT_BYTES_PER_SECOND)
        report_value(v, kind_of(DSX_CODE_NOT_UPDATABLE, scope, 0,
                                (uint8_t)v->config->not_updatable), member, value);
    return check_value(v, scope, member, value);   /* null, where it is not absent: a type error */
}

static int lookup_member(const validator *v, uint8_t scope, const dsx_token *name)
{
    return find_decoded(v, name, scope, NULL);
}

static void check_conflicts(validator *v);

/*
 * The member loop shared by the request object and Options, the top
 * object being of scope `top`. The Options object of a request is walked
 * by this same loop one level down (the request's names met wait in
 * top_seen), so the call graph has no cycle and the stack is fixed. The
 * names go into the caller's token, which holds the outer object's closing
 * brace at the end. Every value not walked into is read past in one place,
 * after its checks.
 */
static void walk_members(validator *v, uint8_t top, dsx_token *name)
{
    uint8_t scope = top;
    uint32_t seen = 0, top_seen = 0;   /* names met here (duplicates); the request's, while in its Options */
    dsx_token value;
    for (;;) {
        int member;
        size_t value_start;
        if (next(v, name) != DSX_TOK_KEY) {   /* the closing brace, or an error */
            if (failed(v)) return;
            if (scope == DSX_SCOPE_OPTIONS) {   /* an Options object is complete */
                check_conflicts(v);
                if (v->request) v->request->present |= DSX_BIT(DSX_REQ_OPTIONS);
            }
            if (scope == top) return;
            scope = top;   /* back in the request */
            seen = top_seen;
            continue;
        }
        if (next(v, &value) == DSX_TOK_ERROR) return;
        member = lookup_member(v, scope, name);
        if (member < 0 ? v->config->unknown_members == DSX_UNKNOWN_ERROR
                       : (seen & DSX_BIT(member)) != 0) {   /* unknown, or met before */
            report_name(v, member < 0 ? DSX_CODE_UNKNOWN_MEMBER : DSX_CODE_DUPLICATE_MEMBER, scope,
                        member, name, &value);
        } else if (member >= 0) {
            seen |= DSX_BIT(member);
            if (check_member(v, scope, member, &value)) {   /* into the request's Options */
                top_seen = seen;
                seen = 0;
                scope = DSX_SCOPE_OPTIONS;
                continue;
            }
        }
        value_start = value.start;
        skip(v, &value);   /* what was not walked into: a scalar, a container of the wrong type */
        if (failed(v)) return;
        if (member < 0 && v->keep) v->keep(v, scope, name, value_start);
    }
}

/*
 * The conflict is reported at the remembered string value of `member`,
 * from its opening quote: a valid string token, so it ends at the first
 * quote that no backslash escapes (its end is found, not kept: a smaller
 * validator, on the deepest stack path).
 */
static void report_conflict(validator *v, int member, size_t start, uint8_t rule)
{
    const char *s = text_of(v);
    dsx_token value;
    size_t end = start + 1;
    while (s[end] != '"') end += s[end] == '\\' ? 2 : 1;
    value.kind = DSX_TOK_STRING;
    value.flags = 0;
    value.start = start;
    value.end = end + 1;
    report_value(v, kind_of(DSX_CODE_CONFLICT, DSX_SCOPE_OPTIONS, rule, DSX_SEVERITY_ERROR), member,
                 &value);
}

/*
 * The two cross-member rules, over valid options: folded into the walk
 * (make size), and out of line for the fast path and the emitter, which
 * the speed build keeps as it was (make bench-callgrind). Each of the four
 * members has two values (the model's), the one a rule names being 1, so
 * a rule compares the indexes themselves (make size); a conflict's detail
 * is then Mtime's index:
 */
typedef char rule_values_are_checked[DSX_ATIME_BEST_EFFORT == 1 && DSX_MTIME_PRESERVE == 1 &&
                                     DSX_PRESERVE_DELETED_FILES_REMOVE == 1 &&
                                     DSX_TRANSFER_MODE_ALL == 1 &&
                                     (int)DSX_CONFLICT_MTIME_PRESERVE == (int)DSX_MTIME_NONE &&
                                     (int)DSX_CONFLICT_MTIME_NONE == (int)DSX_MTIME_PRESERVE ? 1 : -1];

/* Atime BEST_EFFORT needs Mtime PRESERVE, and Atime NONE Mtime NONE. */
static FOLDED bool atime_mtime_conflict(const dsx_options *o)
{
    uint32_t both = DSX_BIT(DSX_OPT_ATIME) | DSX_BIT(DSX_OPT_MTIME);
    return (o->present & both) == both && o->value[DSX_OPT_ATIME] != o->value[DSX_OPT_MTIME];
}

/* PreserveDeletedFiles REMOVE with TransferMode ALL. */
static FOLDED bool remove_all_conflict(const dsx_options *o)
{
    uint32_t both = DSX_BIT(DSX_OPT_PRESERVE_DELETED_FILES) | DSX_BIT(DSX_OPT_TRANSFER_MODE);
    return (o->present & both) == both &&
           (o->value[DSX_OPT_PRESERVE_DELETED_FILES] & o->value[DSX_OPT_TRANSFER_MODE]);
}

#if !defined(DSX_SMALL) || !defined(DSX_NO_EMITTER)   /* the fast path's (not size-optimised) and the emitter's */
bool dsx_atime_mtime_conflict(const dsx_options *o)
{
    return atime_mtime_conflict(o);
}

bool dsx_remove_all_conflict(const dsx_options *o)
{
    return remove_all_conflict(o);
}
#endif

/* Cross-member rules, only between members whose values are valid. */
static void check_conflicts(validator *v)
{
    const dsx_options *o = &v->held.options;
    if (atime_mtime_conflict(o))
        report_conflict(v, DSX_OPT_MTIME, v->mtime, o->value[DSX_OPT_MTIME]);   /* the rule's detail */
    if (remove_all_conflict(o))
        report_conflict(v, DSX_OPT_TRANSFER_MODE, v->transfer_mode, DSX_CONFLICT_REMOVE_ALL);
}

/* Once the top object is complete: the required members of a request. */
static void finish_object(validator *v, uint8_t scope, const dsx_token *close)
{
    int member;
    unsigned given;
    if (scope == DSX_SCOPE_OPTIONS) return;   /* its rules were checked as it closed */
    given = v->request_given;
    for (member = 0; member < DSX_REQUEST_MEMBER_COUNT; member++, given >>= 1)
        if (!(given & 1))
            report_error(v, DSX_CODE_REQUIRED, scope, member, close);
}

/* ---- entry points ---- */

/* The document's one value, walked where it is the top object, then its end. */
static OUT_OF_LINE void walk_document(validator *v)
{
    uint8_t top = (uint8_t)(DSX_SCOPE_REQUEST + v->mode);   /* the scope of the walk's mode */
    dsx_token root;
    if (next(v, &root) == DSX_TOK_ERROR) return;
    if (v->mode != WALK_JSON_ONLY && root.kind == DSX_TOK_OBJECT_BEGIN) {
        walk_members(v, top, &root);   /* root's token: the names, then the closing brace */
        if (!failed(v)) finish_object(v, top, &root);
    } else if (v->mode != WALK_JSON_ONLY) {
        report_value(v, kind_of(DSX_CODE_TYPE, DSX_SCOPE_DOCUMENT, 0, DSX_SEVERITY_ERROR), -1, &root);
    }
    /* the rest of a root not walked into, then the end: only whitespace may follow */
    while (!failed(v) && next(v, &root) != DSX_TOK_END) continue;
}

/* What a NULL configuration means: the strict profile's defaults. */
static const dsx_config strict_config = { DSX_UNKNOWN_ERROR, DSX_NULL_ERROR,
                                          DSX_NUMBER_INTEGER_LITERAL, DSX_SEVERITY_ERROR,
                                          DSX_DEFAULT_MAX_DEPTH, DSX_DEFAULT_MAX_SIZE };

/*
 * The fast path (fast.c), tried before the full path sets anything up; true
 * when it found the document plainly valid and filled `request`/`options`.
 * Anything else, bad arguments included, is left to the full path.
 */
static bool fast_valid(const char *json, size_t length, const dsx_config *config,
                       bool in_request, dsx_request *request, dsx_options *options,
                       dsx_diag_list *diags)
{
    if (!config) config = &strict_config;
    if (!json || length > config->max_size || !config_is_usable(config)) return false;
    if (!dsx_fast_validate(json, length, config, in_request, request, options)) return false;
    if (diags) dsx_diags_clear(diags);
    return true;
}

/*
 * A validator for one document: nothing found yet, the kept list (if any)
 * emptied. Where the caller passes no list, the constant NULL folds the
 * list's code away: only the _kept entry points link it.
 */
static FOLDED void start(validator *v, enum walk_mode mode, const dsx_config *config,
                         dsx_kept *kept)
{
    memset(v, 0, sizeof *v);
    if (mode != WALK_REQUEST) v->mode = (uint8_t)mode;   /* 0 is memset's: no store where it is constant */
    v->config = config;
    if (!kept) return;
    dsx_kept_free(kept);
    v->kept = kept;
    v->keep = keep_unknown;
}

/* After a failure (malformed, a bad argument, no memory) the kept list is left empty. */
static FOLDED dsx_result finish_kept(dsx_kept *kept, dsx_result result)
{
    if (kept && result != DSX_VALID && result != DSX_INVALID) dsx_kept_free(kept);
    return result;
}

/* The verdict of the full path over json[0..length). */
static FOLDED dsx_result walk_and_judge(validator *v, const char *json, size_t length,
                                       dsx_diag_list *diags)
{
    if (!v->config) v->config = &strict_config;
    if ((!json && length) || !config_is_usable(v->config)) return DSX_BAD_ARGUMENT;
    if (!json) json = (const char *)v;   /* for length 0: any object's address, none of it read (make size) */
    dsx_diags_clear(diags);
    v->diags = diags;
    dsx_reader_start(&v->reader, json, length, v->config->max_depth);   /* start() zeroed it */
    if (length > v->config->max_size) {   /* not read at all: malformed at offset 0 */
        v->reader.error_reason = DSX_REASON_TOO_LARGE;
    } else {
        walk_document(v);
    }
    if (failed(v)) report_malformed(v);
    dsx_diags_locate(diags, json);   /* the walk is over: lines and columns in one pass */
    if (failed(v)) return DSX_MALFORMED;
    if (v->no_memory) return DSX_NO_MEMORY;
    return v->invalid ? DSX_INVALID : DSX_VALID;
}

/*
 * The full path, for a validator set up by start(), and its outputs: the
 * valid options; where the document is malformed or a call failed, nothing
 * half-filled (the typed result zeroed; the kept list, by the caller). Four
 * arguments, the rest in the validator, so that the entry points pass
 * nothing on the stack; the walk is a frame under this one; the outputs
 * are handled here once, not in each entry point.
 */
static OUT_OF_LINE dsx_result run(validator *v, const char *json, size_t length,
                                  dsx_diag_list *diags)
{
    dsx_result result = walk_and_judge(v, json, length, diags);
    if (result == DSX_VALID || result == DSX_INVALID) {
        if (v->options_out) *v->options_out = v->held.options;
        return result;
    }
    if (v->request) memset(v->request, 0, sizeof *v->request);   /* its options too */
    else if (v->options_out) memset(v->options_out, 0, sizeof *v->options_out);
    return result;
}

/*
 * The bodies of the entry points, folded into each (with and without a
 * kept list) so that no wrapper frame sits above the validator's.
 */
static FOLDED dsx_result validate_request(const char *json, size_t length,
                                          const dsx_config *config, dsx_request *out,
                                          dsx_kept *kept, dsx_diag_list *diags)
{
    validator v;
    dsx_options *options = out ? &out->options : NULL;
    if (out) memset(out, 0, sizeof *out);
    if (!kept && fast_valid(json, length, config, true, out, options, diags)) return DSX_VALID;
    start(&v, WALK_REQUEST, config, kept);
    v.request = out;
    v.options_out = options;
    return finish_kept(kept, run(&v, json, length, diags));
}

static FOLDED dsx_result validate_options(const char *json, size_t length,
                                          const dsx_config *config, dsx_options *out,
                                          dsx_kept *kept, dsx_diag_list *diags)
{
    validator v;
    if (!kept && fast_valid(json, length, config, false, NULL, out, diags)) return DSX_VALID;
    start(&v, WALK_OPTIONS, config, kept);
    v.options_out = out;
    return finish_kept(kept, run(&v, json, length, diags));
}

dsx_result dsx_validate_request_kept(const char *json, size_t length,
                                     const dsx_config *config, dsx_request *out,
                                     dsx_kept *kept, dsx_diag_list *diags)
{
    return validate_request(json, length, config, out, kept, diags);
}

dsx_result dsx_validate_options_kept(const char *json, size_t length,
                                     const dsx_config *config, dsx_options *out,
                                     dsx_kept *kept, dsx_diag_list *diags)
{
    return validate_options(json, length, config, out, kept, diags);
}

dsx_result dsx_validate_request(const char *json, size_t length,
                                const dsx_config *config, dsx_request *out,
                                dsx_diag_list *diags)
{
    return validate_request(json, length, config, out, NULL, diags);
}

dsx_result dsx_validate_options(const char *json, size_t length,
                                const dsx_config *config, dsx_options *out,
                                dsx_diag_list *diags)
{
    return validate_options(json, length, config, out, NULL, diags);
}

dsx_result dsx_check_json(const char *json, size_t length,
                          const dsx_config *config, dsx_diag *diag)
{
    validator v;
    start(&v, WALK_JSON_ONLY, config, NULL);
    v.held.list.items = diag;   /* the one diagnostic */
    v.held.list.capacity = diag ? 1 : 0;
    return run(&v, json, length, &v.held.list);
}
