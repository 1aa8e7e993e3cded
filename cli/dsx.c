/*
 * dsx — command-line front end of the library (uses only include/dsx.h).
 *
 *   dsx validate [--options] [--profile strict|wire] [--format text|json|error-body]
 *                [--style aws|botocore] [--max-errors N] [--ndjson [--jobs N]] [FILE...]
 *   dsx emit [--options] [--profile strict|wire] [--pretty|--sorted|--http]
 *            [--effective] [--keep-unknown] [FILE]
 *   dsx parse-response --status N [--error-type VALUE] [FILE]
 *   dsx check-json [FILE...]
 *   dsx --help | --version | COMMAND --help
 *
 * Exit status: 0 every document valid, 1 any invalid or malformed, 2 usage
 * or I/O error. A document is read up to its size limit plus one byte, so
 * memory stays bounded whatever the input; --ndjson holds, per worker, one
 * block, one record and a bounded amount of output (see process_ndjson).
 */
#define _POSIX_C_SOURCE 200809L   /* pthreads, sysconf */

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dsx.h"

#define EXIT_INVALID 1
#define EXIT_USAGE 2
#define READ_BLOCK ((size_t)1 << 18)
#define JOBS_MAX 64
/* A response body is read up to this many bytes; the rest is not looked at. */
#define RESPONSE_BODY_MAX ((size_t)16 << 20)

typedef enum { FORMAT_TEXT, FORMAT_JSON, FORMAT_ERROR_BODY } output_format;
typedef enum { CMD_VALIDATE, CMD_CHECK_JSON, CMD_EMIT, CMD_PARSE_RESPONSE } command;

typedef struct options {
    command cmd;
    int options_document;      /* --options */
    output_format format;
    dsx_style style;           /* --style */
    unsigned emit_flags;       /* --pretty, --sorted */
    int effective;             /* --effective */
    int http;                  /* --http */
    long status;               /* --status (-1: not given) */
    const char *error_type;    /* --error-type */
    int keep_unknown;          /* --keep-unknown */
    size_t max_errors;
    int ndjson;
    size_t jobs;               /* --jobs: NDJSON workers */
    dsx_config config;
    char **files;
    int file_count;
} options;

typedef struct document {
    const char *file;          /* as shown: the path, or <stdin> */
    size_t record;             /* 1-based line of an NDJSON record (in its block:
                                  the writer adds record_offset); 0 otherwise */
    const char *text;
    size_t length;
} document;

static const char usage_main[] =
    "usage: dsx COMMAND [OPTIONS] [FILE...]\n"
    "\n"
    "Validate AWS DataSync UpdateTaskExecution requests and their Options.\n"
    "\n"
    "commands:\n"
    "  validate     check request (or --options) documents against the model\n"
    "  emit         validate one document and write it in canonical form\n"
    "  parse-response  say what an HTTP response of the operation means\n"
    "  check-json   check that each input is one strict JSON text\n"
    "\n"
    "  dsx --version        print the version\n"
    "  dsx COMMAND --help   describe a command\n"
    "\n"
    "No FILE, or '-', reads standard input. Exit status: 0 valid, 1 invalid\n"
    "or malformed, 2 usage or I/O error.\n";

static const char usage_validate[] =
    "usage: dsx validate [--options] [--profile strict|wire]\n"
    "                    [--format text|json|error-body] [--style aws|botocore]\n"
    "                    [--max-errors N] [--ndjson [--jobs N]] [FILE...]\n"
    "\n"
    "  --options           each document is a bare Options object\n"
    "  --profile P         strict (default) or wire (what the service accepts)\n"
    "  --format F          text (default): FILE:LINE:COL: error|warning: MESSAGE [code]\n"
    "                      json: one JSON object per document per line\n"
    "                      error-body: the service's error body of each invalid one\n"
    "  --style S           wording of messages: aws (default) or botocore\n"
    "  --max-errors N      print at most N diagnostics per document (default 100)\n"
    "  --ndjson            every non-empty line is one document\n"
    "  --jobs N            validate NDJSON with N threads (default: one per CPU);\n"
    "                      the output is the same whatever N\n";

static const char usage_emit[] =
    "usage: dsx emit [--options] [--profile strict|wire] [--pretty|--sorted|--http]\n"
    "                [--effective] [--keep-unknown] [FILE]\n"
    "\n"
    "Validates one document and writes it in canonical form (members in model\n"
    "order, compact) and a newline. An invalid document writes its diagnostics\n"
    "to standard error, nothing to standard output, and exits 1.\n"
    "\n"
    "  --pretty            2-space indent, one member a line\n"
    "  --sorted            member names in RFC 8785 order\n"
    "  --http              the whole HTTP/1.1 request (a request document only)\n"
    "  --effective         with --options: every absent option with its default\n"
    "  --keep-unknown      write unknown members back after the known ones\n";

static const char usage_parse_response[] =
    "usage: dsx parse-response --status N [--error-type VALUE] [FILE]\n"
    "\n"
    "Reads a response body (FILE, or standard input) and prints one JSON object:\n"
    "{\"ok\":true} for any 2xx, otherwise {\"ok\":false,\"type\":...,\"modeled\":...,\n"
    "\"fault\":\"client\"|\"server\",\"message\":...,\"errorCode\":...,\n"
    "\"datasyncErrorCode\":...} with null for what is absent.\n"
    "\n"
    "  --status N          the HTTP status code (100..999)\n"
    "  --error-type VALUE  the X-Amzn-ErrorType header, when there was one\n";

static const char usage_check_json[] =
    "usage: dsx check-json [FILE...]\n"
    "\n"
    "Checks that each input is one strict RFC 8259 JSON text in UTF-8, with\n"
    "the default depth (64) and size (1 MiB) limits. Problems are printed as\n"
    "FILE:LINE:COL: error: MESSAGE [code].\n";

/* ---- small output helpers ---- */

typedef struct text_buffer {
    char *data;
    size_t size;
} text_buffer;

static int reserve(text_buffer *b, size_t need)
{
    char *grown;
    if (need <= b->size) return 1;
    grown = realloc(b->data, need);
    if (!grown) return 0;
    b->data = grown;
    b->size = need;
    return 1;
}

/*
 * Where results go. They are assembled in the writer's buffer and handed to
 * stdio in large pieces: a JSON line is dozens of small writes, and a call
 * into stdio per piece cost more than the validation. Anything else written
 * to the same stream flushes the writer first, so the order is kept.
 *
 * An NDJSON worker's writer, before its block's turn (before_turn), holds
 * the block's results and notes where record numbers go (it learns them
 * only at the turn); past HOLD_MAX bytes it waits for the turn instead
 * (wait_turn) and then writes as it goes, so memory stays bounded.
 */
#define OUT_BLOCK ((size_t)1 << 16)
#define HOLD_MAX ((size_t)4 << 20)

/* Where the number of a record goes, printed before the number was known. */
typedef struct record_fixup {
    size_t at;                /* offset in the writer's buffer */
    size_t record;            /* the record's line in its block, from 1 */
} record_fixup;

typedef struct writer {
    FILE *stream;
    text_buffer out;
    size_t length;
    int before_turn;
    void (*wait_turn)(void *arg);   /* ends before_turn, record_offset then known */
    void *turn_arg;
    size_t record_offset;           /* added to each NDJSON record number */
    record_fixup *fixups;           /* where numbers go, written in at the flush */
    size_t fixup_count, fixup_capacity;
    text_buffer scratch;            /* one rendered pointer, message or summary */
    dsx_diag *items;                /* max_errors diagnostics of one document */
    const dsx_diag_list *summary;   /* the list the summary renderers read */
} writer;

static void out_of_memory(writer *w);

/* v in decimal at the end of digits[24]; returns where it starts. */
static char *decimal(char digits[24], unsigned long v)
{
    char *p = digits + 24;
    do *--p = (char)('0' + v % 10); while ((v /= 10) != 0);
    return p;
}

/* Hands the buffer to stdio, with the record numbers it waited for written in. */
static void out_flush(writer *w)
{
    size_t i, from = 0;
    for (i = 0; i < w->fixup_count; i++) {
        char digits[24], *number = decimal(digits, (unsigned long)(w->fixups[i].record + w->record_offset));
        fwrite(w->out.data + from, 1, w->fixups[i].at - from, w->stream);
        fwrite(number, 1, (size_t)(digits + 24 - number), w->stream);
        from = w->fixups[i].at;
    }
    w->fixup_count = 0;
    if (w->length > from) fwrite(w->out.data + from, 1, w->length - from, w->stream);
    w->length = 0;
}

/* Room for n more bytes before the turn; 0 past HOLD_MAX or without memory. */
static int hold_more(writer *w, size_t n)
{
    size_t need = w->length + n, size = w->out.size;
    if (need > HOLD_MAX) return 0;
    while (size < need) size *= 2;
    return reserve(&w->out, size < HOLD_MAX ? size : HOLD_MAX);
}

static void out_write(writer *w, const char *s, size_t n)
{
    if (n > w->out.size - w->length) {
        if (w->before_turn && !hold_more(w, n))
            w->wait_turn(w->turn_arg);   /* it is this block's turn from now on */
        if (!w->before_turn) {
            out_flush(w);
            if (n >= w->out.size) {
                fwrite(s, 1, n, w->stream);
                return;
            }
        }
    }
    memcpy(w->out.data + w->length, s, n);
    w->length += n;
}

static void out_text(writer *w, const char *s)
{
    out_write(w, s, strlen(s));
}

static void out_char(writer *w, char c)
{
    out_write(w, &c, 1);
}

static void out_uint(writer *w, unsigned long v)
{
    char digits[24], *number = decimal(digits, v);
    out_write(w, number, (size_t)(digits + 24 - number));
}

/* An NDJSON record's line number: now, or where it goes once known. */
static void out_record(writer *w, size_t record)
{
    if (!w->before_turn) {
        out_uint(w, (unsigned long)(record + w->record_offset));
        return;
    }
    if (w->fixup_count == w->fixup_capacity) {
        size_t more = w->fixup_capacity ? 2 * w->fixup_capacity : 1024;
        record_fixup *grown = realloc(w->fixups, more * sizeof *grown);
        if (!grown) out_of_memory(w);
        w->fixups = grown;
        w->fixup_capacity = more;
    }
    w->fixups[w->fixup_count].at = w->length;
    w->fixups[w->fixup_count].record = record;
    w->fixup_count++;
}

/* A writer to stream with room for max_errors diagnostics; 0 without memory. */
static int writer_init(writer *w, FILE *stream, size_t max_errors)
{
    memset(w, 0, sizeof *w);
    w->stream = stream;
    w->items = calloc(max_errors ? max_errors : 1, sizeof *w->items);
    return w->items && reserve(&w->out, OUT_BLOCK);
}

static void writer_free(writer *w)
{
    free(w->fixups);
    free(w->out.data);
    free(w->scratch.data);
    free(w->items);
}

/* A rendered string (pointer, message, summary), grown as needed. */
typedef size_t (*render_fn)(const writer *w, const dsx_diag *d, const char *json, size_t length,
                            char *buf, size_t size);

/* Renders again into the scratch buffer, grown for the `need` bytes a first try measured. */
static void render_grown(writer *w, render_fn fn, const dsx_diag *d, const document *doc,
                         size_t need)
{
    if (need >= w->scratch.size && !reserve(&w->scratch, need + 1)) out_of_memory(w);
    fn(w, d, doc->text, doc->length, w->scratch.data, w->scratch.size);
}

static const char *render(writer *w, render_fn fn, const dsx_diag *d, const document *doc,
                          size_t *length)
{
    size_t need = fn(w, d, doc->text, doc->length, w->scratch.data, w->scratch.size);
    if (need >= w->scratch.size) render_grown(w, fn, d, doc, need);
    *length = need;
    return w->scratch.data;
}

/*
 * A rendering written straight into the output buffer where it fits there
 * (one copy fewer); else, its length now known, rendered once more into the
 * scratch buffer made big enough, and written from there.
 */
static void out_render(writer *w, render_fn fn, const dsx_diag *d, const document *doc)
{
    size_t room = w->out.size - w->length;
    size_t n = fn(w, d, doc->text, doc->length, w->out.data + w->length, room);
    if (n < room) {   /* all of it, and its terminating NUL (left past the end) */
        w->length += n;
        return;
    }
    render_grown(w, fn, d, doc, n);
    out_write(w, w->scratch.data, n);
}

static dsx_style message_style;

static size_t render_message(const writer *w, const dsx_diag *d, const char *json, size_t length,
                             char *buf, size_t size)
{
    (void)w;
    return dsx_diag_message_styled(d, message_style, json, length, buf, size);
}

static size_t render_pointer(const writer *w, const dsx_diag *d, const char *json, size_t length,
                             char *buf, size_t size)
{
    (void)w;
    return dsx_diag_pointer(d, json, length, buf, size);
}

/*
 * Bytes that end a run of plain string bytes: '"', '\\', controls, and
 * non-ASCII bytes, among which 0xE2 may start U+2028/U+2029 (escaped for
 * JavaScript); the others go on (needs_escape). One high-bit test stands
 * for "non-ASCII" in the word at a time below, cheaper than testing 0xE2.
 */
static int ends_run(unsigned char c)
{
    return c == '"' || c == '\\' || c < 0x20 || c >= 0x80;
}

#define ONES ((uint64_t)0x0101010101010101u)
#define HIGHS ((uint64_t)0x8080808080808080u)
#define HAS_ZERO_BYTE(v) (((v) - ONES) & ~(v) & HIGHS)

/* Steps over whole 8-byte words holding no byte that ends a run. */
static size_t skip_plain_words(const unsigned char *s, size_t i, size_t n)
{
    while (n - i >= 8) {
        uint64_t x;
        memcpy(&x, s + i, 8);
        if ((((x - ONES * 0x20) & ~x) | x | HAS_ZERO_BYTE(x ^ (ONES * '"')) |
             HAS_ZERO_BYTE(x ^ (ONES * '\\'))) & HIGHS)
            break;
        i += 8;
    }
    return i;
}

static int needs_escape(const unsigned char *s, size_t i, size_t n)
{
    if (s[i] < 0x80) return 1;
    if (s[i] != 0xE2) return 0;
    return i + 2 < n && s[i + 1] == 0x80 && (s[i + 2] == 0xA8 || s[i + 2] == 0xA9);
}

/* A JSON string; runs of plain bytes are copied whole. */
static void json_string(writer *w, const char *text, size_t n)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t i = 0, run = 0;
    out_char(w, '"');
    while (i < n) {
        unsigned char c;
        char escaped[8];
        i = skip_plain_words(s, i, n);
        while (i < n && !ends_run(s[i])) i++;
        if (i == n) break;
        c = s[i];
        if (!needs_escape(s, i, n)) {
            i++;
            continue;
        }
        out_write(w, text + run, i - run);
        if (c == '"' || c == '\\') sprintf(escaped, "\\%c", c);
        else if (c == '\n') strcpy(escaped, "\\n");
        else if (c == '\r') strcpy(escaped, "\\r");
        else if (c == '\t') strcpy(escaped, "\\t");
        else if (c < 0x20) sprintf(escaped, "\\u%04x", c);
        else {
            sprintf(escaped, "\\u%04x", s[i + 2] == 0xA8 ? 0x2028 : 0x2029);
            i += 2;
        }
        out_text(w, escaped);
        run = ++i;
    }
    out_write(w, text + run, n - run);
    out_char(w, '"');
}

/* ---- output of one document's result ---- */

static void print_text(writer *w, const document *doc, const dsx_diag_list *list)
{
    size_t i;
    for (i = 0; i < list->stored; i++) {
        const dsx_diag *d = &list->items[i];
        out_text(w, doc->file);
        out_char(w, ':');
        if (doc->record) out_record(w, doc->record);
        else out_uint(w, (unsigned long)d->line);
        out_char(w, ':');
        out_uint(w, (unsigned long)d->column);
        out_text(w, d->severity == DSX_SEVERITY_ERROR ? ": error: " : ": warning: ");
        out_render(w, render_message, d, doc);
        out_text(w, " [");
        out_text(w, dsx_code_name((dsx_code)d->code));
        out_text(w, "]\n");
    }
}

static void print_json_diags(writer *w, const document *doc, const dsx_diag_list *list,
                             dsx_severity severity)
{
    size_t i, n, printed = 0;
    for (i = 0; i < list->stored; i++) {
        const dsx_diag *d = &list->items[i];
        const char *s;
        if (d->severity != severity) continue;
        out_text(w, printed++ ? ",{\"code\":\"" : "{\"code\":\"");
        out_text(w, dsx_code_name((dsx_code)d->code));
        out_text(w, "\",\"path\":");
        s = render(w, render_pointer, d, doc, &n);
        json_string(w, s, n);
        out_text(w, ",\"offset\":");
        out_uint(w, (unsigned long)d->offset);
        out_text(w, ",\"line\":");
        out_uint(w, (unsigned long)d->line);
        out_text(w, ",\"column\":");
        out_uint(w, (unsigned long)d->column);
        out_text(w, ",\"message\":");
        s = render(w, render_message, d, doc, &n);
        json_string(w, s, n);
        out_char(w, '}');
    }
}

static size_t render_summary(const writer *w, const dsx_diag *unused, const char *json,
                             size_t length, char *buf, size_t size)
{
    (void)unused;
    return dsx_summary_styled(w->summary->items, w->summary->stored, w->summary->errors,
                              message_style, json, length, buf, size);
}

static size_t render_error_body(const writer *w, const dsx_diag *unused, const char *json,
                                size_t length, char *buf, size_t size)
{
    (void)unused;
    return dsx_error_body(w->summary->items, w->summary->stored, w->summary->errors,
                          json, length, buf, size);
}

static void print_error_body(writer *w, const document *doc, const dsx_diag_list *list)
{
    size_t n;
    const char *s;
    if (!list->errors) return;
    w->summary = list;
    s = render(w, render_error_body, NULL, doc, &n);
    out_write(w, s, n);
    out_char(w, '\n');
}

static void print_json(writer *w, const document *doc, const dsx_diag_list *list)
{
    size_t n;
    out_text(w, "{\"file\":");
    json_string(w, doc->file, strlen(doc->file));
    if (doc->record) {
        out_text(w, ",\"record\":");
        out_record(w, doc->record);
    }
    out_text(w, list->errors ? ",\"valid\":false,\"errors\":[" : ",\"valid\":true,\"errors\":[");
    print_json_diags(w, doc, list, DSX_SEVERITY_ERROR);
    out_text(w, "],\"warnings\":[");
    print_json_diags(w, doc, list, DSX_SEVERITY_WARNING);
    out_text(w, "],\"summary\":");
    if (list->errors) {
        const char *s;
        w->summary = list;
        s = render(w, render_summary, NULL, doc, &n);
        json_string(w, s, n);
    } else {
        out_text(w, "null");
    }
    out_text(w, ",\"error_count\":");
    out_uint(w, (unsigned long)list->errors);
    out_text(w, "}\n");
}

/* ---- checking one document ---- */

/* The results so far (unless held for a later turn), the message, exit 2. */
static void out_of_memory(writer *w)
{
    if (!w->before_turn) out_flush(w);
    fflush(w->stream);
    fputs("dsx: out of memory\n", stderr);
    exit(EXIT_USAGE);
}

/* Writes the emitted text and a newline, or fails like any other output. */
static dsx_result write_emitted(writer *w, dsx_result r, char *text, size_t length)
{
    if (r == DSX_NO_MEMORY) out_of_memory(w);
    if (r != DSX_VALID) {
        fputs("dsx: the document could not be emitted\n", stderr);
        return DSX_INVALID;
    }
    out_flush(w);
    fwrite(text, 1, length, stdout);
    putchar('\n');
    dsx_default_allocator.release(dsx_default_allocator.context, text, length + 1);
    return DSX_VALID;
}

/* The HTTP request as it goes on the wire: no newline added after the body. */
static dsx_result write_http(writer *w, const dsx_request *request, const dsx_kept *kept,
                             unsigned flags)
{
    size_t length = dsx_http_request(request, kept, flags, NULL, 0);
    char *text;
    if (length == 0) return write_emitted(w, DSX_INVALID, NULL, 0);
    text = malloc(length + 1);
    if (!text) out_of_memory(w);
    dsx_http_request(request, kept, flags, text, length + 1);
    out_flush(w);
    fwrite(text, 1, length, stdout);
    free(text);
    return DSX_VALID;
}

static dsx_result emit_valid(writer *w, const options *opt, const dsx_config *config,
                             const dsx_request *request, const dsx_options *options_doc,
                             const dsx_kept *kept)
{
    unsigned flags = opt->emit_flags;
    char *text = NULL;
    size_t length = 0;
    dsx_result r;
    if (config->not_updatable == DSX_SEVERITY_WARNING) flags |= DSX_EMIT_ANY_OPTION;
    if (opt->options_document) {
        dsx_options effective = *options_doc;
        if (opt->effective) {
            /* Defaults may disagree with a given option (Atime NONE, Mtime's
               default PRESERVE): the view is written as it is. */
            dsx_options_effective(options_doc, &effective);
            flags |= DSX_EMIT_UNCHECKED;
        }
        r = dsx_emit_options_alloc(&effective, kept, flags, &dsx_default_allocator,
                                   &text, &length);
    } else if (opt->http) {
        return write_http(w, request, kept, flags);
    } else {
        r = dsx_emit_request_alloc(request, kept, flags, &dsx_default_allocator,
                                   &text, &length);
    }
    return write_emitted(w, r, text, length);
}

/* dsx emit: validate, then write the canonical form (diagnostics to stderr). */
static dsx_result emit_document(const options *opt, writer *w, const document *doc)
{
    dsx_diag_list list;
    dsx_config config = opt->config;
    dsx_request request;
    dsx_options options_doc;
    dsx_kept kept;
    dsx_result result;
    memset(&list, 0, sizeof list);
    list.items = w->items;
    list.capacity = opt->max_errors;
    if (opt->keep_unknown) config.unknown_members = DSX_UNKNOWN_KEEP;
    dsx_kept_init(&kept, NULL, 0, &dsx_default_allocator);
    if (opt->options_document)
        result = dsx_validate_options_kept(doc->text, doc->length, &config, &options_doc,
                                           &kept, &list);
    else
        result = dsx_validate_request_kept(doc->text, doc->length, &config, &request,
                                           &kept, &list);
    if (result == DSX_NO_MEMORY) out_of_memory(w);
    out_flush(w);
    w->stream = stderr;   /* errors, or the warnings of a valid one */
    print_text(w, doc, &list);
    out_flush(w);
    w->stream = stdout;
    if (result == DSX_VALID) result = emit_valid(w, opt, &config, &request, &options_doc, &kept);
    dsx_kept_free(&kept);
    return result;
}

static void print_field(writer *w, const char *name, const dsx_response *r,
                        dsx_response_field field)
{
    char *text;
    size_t n;
    out_text(w, ",\"");
    out_text(w, name);
    out_text(w, "\":");
    if (!dsx_response_has(r, field)) {
        out_text(w, "null");
        return;
    }
    n = dsx_response_text(r, field, NULL, 0);
    text = malloc(n + 1);
    if (!text) out_of_memory(w);
    dsx_response_text(r, field, text, n + 1);
    json_string(w, text, n);
    free(text);
}

/* dsx parse-response: the one-line JSON object of spec §8. */
static dsx_result parse_response_document(const options *opt, writer *w, const document *doc)
{
    dsx_response r;
    const char *header = opt->error_type;
    dsx_parse_response((int)opt->status, header, header ? strlen(header) : 0,
                       doc->text, doc->length, &r);
    if (r.type == DSX_ERROR_NONE) {
        out_text(w, "{\"ok\":true}\n");
        return DSX_VALID;
    }
    out_text(w, "{\"ok\":false");
    print_field(w, "type", &r, DSX_FIELD_TYPE);
    out_text(w, r.modeled ? ",\"modeled\":true" : ",\"modeled\":false");
    out_text(w, r.fault == DSX_FAULT_SERVER ? ",\"fault\":\"server\"" : ",\"fault\":\"client\"");
    print_field(w, "message", &r, DSX_FIELD_MESSAGE);
    print_field(w, "errorCode", &r, DSX_FIELD_ERROR_CODE);
    print_field(w, "datasyncErrorCode", &r, DSX_FIELD_DATASYNC_ERROR_CODE);
    out_text(w, "}\n");
    return DSX_VALID;
}

static dsx_result check_document(const options *opt, writer *w, const document *doc)
{
    dsx_diag_list list;
    dsx_result result;
    if (opt->cmd == CMD_EMIT) return emit_document(opt, w, doc);
    if (opt->cmd == CMD_PARSE_RESPONSE) return parse_response_document(opt, w, doc);
    memset(&list, 0, sizeof list);
    list.items = w->items;
    list.capacity = opt->cmd == CMD_CHECK_JSON ? 1 : opt->max_errors;
    if (opt->cmd == CMD_CHECK_JSON) {
        result = dsx_check_json(doc->text, doc->length, &opt->config, w->items);
        list.stored = list.errors = result == DSX_VALID ? 0 : 1;
    } else if (opt->options_document) {
        result = dsx_validate_options(doc->text, doc->length, &opt->config, NULL, &list);
    } else {
        result = dsx_validate_request(doc->text, doc->length, &opt->config, NULL, &list);
    }
    if (opt->cmd == CMD_CHECK_JSON || opt->format == FORMAT_TEXT) print_text(w, doc, &list);
    else if (opt->format == FORMAT_JSON) print_json(w, doc, &list);
    else print_error_body(w, doc, &list);
    return result;
}

/* ---- input ---- */

static FILE *open_input(const char *path, const char **shown)
{
    FILE *f;
    if (strcmp(path, "-") == 0) {
        *shown = "<stdin>";
        return stdin;
    }
    *shown = path;
    f = fopen(path, "rb");
    if (!f) fprintf(stderr, "dsx: cannot open %s: %s\n", path, strerror(errno));
    return f;
}

static void close_input(FILE *f)
{
    if (f != stdin) fclose(f);
}

/* Reads up to limit+1 bytes: enough to tell that a document is too large. */
static int read_document(FILE *f, const char *shown, size_t limit, text_buffer *buf,
                         size_t *length)
{
    size_t want = limit + 1, got = 0;
    for (;;) {
        size_t n, chunk;
        if (got == want) break;
        chunk = want - got < READ_BLOCK ? want - got : READ_BLOCK;
        if (!reserve(buf, got + chunk)) {
            fprintf(stderr, "dsx: out of memory reading %s\n", shown);
            return 0;
        }
        n = fread(buf->data + got, 1, chunk, f);
        got += n;
        if (n < chunk) break;
    }
    if (ferror(f)) {
        fprintf(stderr, "dsx: cannot read %s: %s\n", shown, strerror(errno));
        return 0;
    }
    *length = got;
    return 1;
}

typedef struct run_state {
    int any_invalid;
    int any_io_error;
} run_state;

static void note_result(run_state *st, dsx_result r)
{
    if (r != DSX_VALID) st->any_invalid = 1;
}

/* The whole-document buffer; freed at the end of main. */
static text_buffer input_buffer;

static void process_whole(const options *opt, writer *out, FILE *f, const char *shown,
                          run_state *st)
{
    text_buffer *buf = &input_buffer;
    document doc;
    size_t length = 0;
    if (!read_document(f, shown, opt->config.max_size, buf, &length)) {
        st->any_io_error = 1;
        return;
    }
    doc.file = shown;
    doc.record = 0;
    doc.text = buf->data ? buf->data : "";
    doc.length = length;
    note_result(st, check_document(opt, out, &doc));
}

/*
 * NDJSON, in parallel and in order. Workers (--jobs, one per CPU by default)
 * take turns reading the input in blocks of READ_BLOCK bytes, each block cut
 * after its last newline (the cut line is carried to the start of the next
 * block). Each then validates the lines of its own block while the others
 * do theirs, printing the results into its own writer through the same
 * check_document() as any other input; last it waits for its block's turn,
 * learns then the line number its block starts at (the record numbers it
 * printed are written in as the output goes to stdout) and hands its output
 * over. So the output is the same, byte for byte, whatever the number of
 * workers, and each line is validated once. A line longer than max_size+1
 * bytes is passed as its first max_size+1 bytes (too_large) and the rest
 * dropped. Memory: per worker one block plus one record (READ_BLOCK +
 * max_size + 1 bytes, touched only as far as the lines go) and at most
 * HOLD_MAX bytes of output. A regular file's blocks are mapped instead of
 * read (take_mapped_block), the same blocks in effect without the kernel's
 * copy of each byte; its mapped window is the same READ_BLOCK + max_size +
 * 1 bytes, unmapped once the block's lines are validated.
 */
typedef struct ndjson_stream {
    pthread_mutex_t lock;
    pthread_cond_t changed;   /* a turn passed */
    const options *opt;
    FILE *f;
    int mapped;               /* a regular file: blocks are mapped, not read (take_mapped_block) */
    int fd;                   /* then: its descriptor, */
    off_t size;               /* its size when the stream started, */
    off_t next;               /* where the next block starts */
    size_t page;              /* and the page size */
    int map_error;            /* errno of a failed read past an overlong line, or 0 */
    const char *shown;
    size_t cap;               /* max_size + 1: the longest record passed */
    char *carry;              /* the start of the line cut by the last block read */
    size_t carry_length;
    int skipping;             /* the carried line is longer than cap: drop the rest */
    int done;                 /* end of input, or a read error */
    size_t blocks_taken;      /* number of the next block to read */
    size_t turn;              /* the block whose output goes to stdout next */
    size_t next_line;         /* the number of that block's first line */
    size_t workers;           /* how many run (a thread may fail to start) */
} ndjson_stream;

typedef struct ndjson_worker {
    ndjson_stream *s;
    pthread_t thread;
    writer out;
    char *block;              /* READ_BLOCK + cap bytes (not used while mapping) */
    const char *text;         /* the block's lines: in block, or in map */
    size_t length;
    char *map;                /* the mapping that holds text, or NULL */
    size_t map_length;
    size_t number;            /* this block's place in the input */
    size_t newlines;          /* in the block: the next block starts that many lines on */
    int any_invalid;
} ndjson_worker;

/* Offset just past the last newline of s[0..n), or 0 when there is none. */
static size_t after_last_newline(const char *s, size_t n)
{
    while (n > 0 && s[n - 1] != '\n') n--;
    return n;
}

/* Keeps the cut line (or the first cap bytes of it) for the next block. */
static void carry_tail(ndjson_stream *s, const char *tail, size_t n)
{
    if (n > s->cap) {
        n = s->cap;
        s->skipping = 1;
    }
    memcpy(s->carry, tail, n);
    s->carry_length = n;
}

/*
 * Reads the next block into w, under the lock: whole lines only, except at
 * the end of the input. Returns 0 when there is nothing left to read.
 */
static int take_block(ndjson_worker *w)
{
    ndjson_stream *s = w->s;
    if (s->done) return 0;
    memcpy(w->block, s->carry, s->carry_length);
    w->length = s->carry_length;
    s->carry_length = 0;
    for (;;) {
        char *fresh = w->block + w->length;
        size_t n = fread(fresh, 1, READ_BLOCK, s->f), cut;
        if (n == 0) {
            s->done = 1;
            break;
        }
        if (s->skipping) {    /* drop the rest of an overlong line, up to its newline */
            char *nl = memchr(fresh, '\n', n);
            if (!nl) continue;
            n -= (size_t)(nl - fresh);
            memmove(fresh, nl, n);
            s->skipping = 0;
        }
        w->length += n;
        cut = after_last_newline(w->block, w->length);
        if (cut > 0) {
            carry_tail(s, w->block + cut, w->length - cut);
            w->length = cut;
            break;
        }
        if (w->length > s->cap) {   /* no newline yet: keep cap bytes of the line */
            w->length = s->cap;
            s->skipping = 1;
        }
    }
    w->text = w->block;
    w->number = s->blocks_taken++;
    return 1;
}

/*
 * The offset of the first newline at or after `at` in a mapped stream's
 * file, or its size when there is none: where the rest of a line longer
 * than a mapped window ends. Read, not mapped: it is rare.
 */
static off_t newline_from(ndjson_stream *s, off_t at)
{
    char chunk[1 << 14];
    while (at < s->size) {
        ssize_t n = pread(s->fd, chunk, sizeof chunk, at);
        const char *nl;
        if (n <= 0) {
            s->map_error = n < 0 ? errno : EIO;   /* cut short: it shrank */
            return s->size;
        }
        nl = memchr(chunk, '\n', (size_t)n);
        if (nl) return at + (nl - chunk);
        at += n;
    }
    return s->size;
}

/*
 * take_block for a regular file: the block is mapped, not copied, so the
 * kernel's copy of every byte is saved. The window from s->next holds
 * READ_BLOCK bytes plus one record (cap); the block is cut after its last
 * newline in the first READ_BLOCK bytes, or is one line longer than that,
 * or, for a line longer than the window, its first cap bytes (then the next
 * block starts at that line's newline, as the read path's does). Under the
 * lock. Past the size the file had when the stream started (or where
 * mapping fails) the stream goes on by reading from the same place, so what
 * was appended meanwhile is read as the read path would (0 at its end).
 */
static int take_mapped_block(ndjson_worker *w)
{
    ndjson_stream *s = w->s;
    off_t at = s->next;
    size_t lead = (size_t)(at % (off_t)s->page), window = READ_BLOCK + s->cap, room = 0, length = 0;
    int last;
    char *map = MAP_FAILED;
    const char *text, *nl;
    if (at < s->size) {
        room = (uintmax_t)(s->size - at) < window ? (size_t)(s->size - at) : window;
        map = mmap(NULL, lead + room, PROT_READ, MAP_PRIVATE, s->fd, at - (off_t)lead);
    }
    if (at >= s->size || map == MAP_FAILED) {   /* read on: what was appended, or all of it */
        s->mapped = 0;
        return fseeko(s->f, at, SEEK_SET) == 0 && take_block(w);
    }
    last = at + (off_t)room == s->size;
    text = map + lead;
    if (last && room <= READ_BLOCK) length = room;   /* the rest of the file */
    else length = after_last_newline(text, room < READ_BLOCK ? room : READ_BLOCK);
    if (length == 0 && (nl = memchr(text, '\n', room)) != NULL)
        length = (size_t)(nl - text) + 1;   /* one line, longer than a block */
    if (length == 0 && last) length = room;   /* the last line, longer than a block */
    if (length > 0) {
        s->next = at + (off_t)length;
    } else {   /* a line longer than the window: its first cap bytes, then from its newline on */
        length = s->cap;
        s->next = newline_from(s, at + (off_t)room);
    }
    w->map = map;
    w->map_length = lead + room;
    w->text = text;
    w->length = length;
    w->number = s->blocks_taken++;
    return 1;
}

/* Validates every line of the block and prints the results into its writer. */
static void check_block(ndjson_worker *w)
{
    ndjson_stream *s = w->s;
    const char *p = w->text, *end = w->text + w->length;
    document doc;
    doc.file = s->shown;
    w->newlines = 0;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t length = (size_t)((nl ? nl : end) - p);
        if (length > 0) {
            doc.record = w->newlines + 1;   /* its line in the block */
            doc.text = p;
            doc.length = length < s->cap ? length : s->cap;
            if (check_document(s->opt, &w->out, &doc) != DSX_VALID) w->any_invalid = 1;
        }
        if (!nl) break;
        w->newlines++;
        p = nl + 1;
    }
}

/*
 * Returns when it is the turn of w's block to write to stdout (arg: the
 * worker), its first line number then known.
 */
static void wait_turn(void *arg)
{
    ndjson_worker *w = arg;
    ndjson_stream *s = w->s;
    pthread_mutex_lock(&s->lock);
    while (s->turn != w->number) pthread_cond_wait(&s->changed, &s->lock);
    w->out.record_offset = s->next_line - 1;
    w->out.before_turn = 0;
    pthread_mutex_unlock(&s->lock);
}

static void pass_turn(ndjson_worker *w)
{
    ndjson_stream *s = w->s;
    pthread_mutex_lock(&s->lock);
    s->next_line += w->newlines;
    s->turn++;
    pthread_cond_broadcast(&s->changed);
    pthread_mutex_unlock(&s->lock);
}

static void *ndjson_work(void *arg)
{
    ndjson_worker *w = arg;
    ndjson_stream *s = w->s;
    for (;;) {
        int took, alone;
        pthread_mutex_lock(&s->lock);
        took = s->mapped ? take_mapped_block(w) : take_block(w);
        alone = s->workers == 1;
        pthread_mutex_unlock(&s->lock);
        if (!took) return NULL;
        if (alone) wait_turn(w);   /* it always has the turn: nothing to hold */
        else w->out.before_turn = 1;
        check_block(w);
        if (w->map) {   /* the output holds copies: the lines are no longer needed */
            munmap(w->map, w->map_length);
            w->map = NULL;
        }
        if (w->out.before_turn) wait_turn(w);   /* else it already waited, when its output grew */
        out_flush(&w->out);
        pass_turn(w);
    }
}

/* Workers beyond the first run in threads; the first is the caller. */
static void run_workers(ndjson_stream *s, ndjson_worker *workers, size_t jobs)
{
    size_t started = 1, i;
    pthread_mutex_lock(&s->lock);   /* the workers read s->workers under it */
    while (started < jobs &&
           pthread_create(&workers[started].thread, NULL, ndjson_work, &workers[started]) == 0)
        started++;
    s->workers = started;
    pthread_mutex_unlock(&s->lock);
    ndjson_work(&workers[0]);
    for (i = 1; i < started; i++) pthread_join(workers[i].thread, NULL);
}

static int start_worker(ndjson_worker *w, ndjson_stream *s)
{
    w->s = s;
    if (!writer_init(&w->out, stdout, s->opt->max_errors)) return 0;
    w->out.wait_turn = wait_turn;
    w->out.turn_arg = w;
    w->block = malloc(READ_BLOCK + s->cap);
    return w->block != NULL;
}

/*
 * A mapped file cut shorter by someone else while it is read faults (SIGBUS)
 * where its pages are gone: the stream cannot go on, so say so and stop
 * (write and _exit: what a signal handler may call).
 */
static void input_shrank(int signal_number)
{
    static const char message[] = "dsx: the input file shrank while it was read\n";
    ssize_t written = write(STDERR_FILENO, message, sizeof message - 1);
    (void)signal_number;
    (void)written;   /* nothing more to do if stderr fails too */
    _exit(EXIT_USAGE);
}

/* Blocks of a regular file (not a pipe or a terminal) are mapped, from where the stream stands. */
static void map_regular_file(ndjson_stream *s)
{
    struct stat st;
    long page = sysconf(_SC_PAGESIZE);
    s->fd = fileno(s->f);
    if (s->fd < 0 || page <= 0 || fstat(s->fd, &st) != 0 || !S_ISREG(st.st_mode)) return;
    s->next = lseek(s->fd, 0, SEEK_CUR);
    if (s->next < 0 || st.st_size <= s->next) return;
    s->size = st.st_size;
    s->page = (size_t)page;
    s->mapped = 1;
}

static void process_ndjson(const options *opt, writer *main_out, FILE *f, const char *shown,
                           run_state *st)
{
    struct sigaction on_bus_error, before;
    ndjson_stream s;
    ndjson_worker *workers = calloc(opt->jobs, sizeof *workers);
    size_t i, jobs = opt->jobs;
    int ready = workers != NULL, bus_handler = 0;
    memset(&on_bus_error, 0, sizeof on_bus_error);
    on_bus_error.sa_handler = input_shrank;
    sigemptyset(&on_bus_error.sa_mask);
    out_flush(main_out);   /* what the files before wrote comes first */
    memset(&s, 0, sizeof s);
    s.opt = opt;
    s.f = f;
    s.shown = shown;
    s.cap = opt->config.max_size + 1;
    s.next_line = 1;
    map_regular_file(&s);
    s.carry = ready ? malloc(s.cap) : NULL;
    ready = ready && s.carry;
    for (i = 0; ready && i < jobs; i++) ready = start_worker(&workers[i], &s);
    if (ready) {
        pthread_mutex_init(&s.lock, NULL);
        pthread_cond_init(&s.changed, NULL);
        /* Remembered: s.mapped goes to 0 if the stream falls back to reading. */
        bus_handler = s.mapped && sigaction(SIGBUS, &on_bus_error, &before) == 0;
        run_workers(&s, workers, jobs);
        if (bus_handler) sigaction(SIGBUS, &before, NULL);
        pthread_cond_destroy(&s.changed);
        pthread_mutex_destroy(&s.lock);
        if (ferror(f) || s.map_error) {
            fprintf(stderr, "dsx: cannot read %s: %s\n", shown,
                    strerror(s.map_error ? s.map_error : errno));
            st->any_io_error = 1;
        }
    } else {
        fprintf(stderr, "dsx: out of memory reading %s\n", shown);
        st->any_io_error = 1;
    }
    for (i = 0; workers && i < jobs; i++) {
        if (workers[i].any_invalid) st->any_invalid = 1;
        writer_free(&workers[i].out);
        free(workers[i].block);
    }
    free(workers);
    free(s.carry);
}

static int run(const options *opt)
{
    run_state st = {0, 0};
    static char *stdin_only[] = {"-"};
    char **files = opt->file_count ? opt->files : stdin_only;
    int count = opt->file_count ? opt->file_count : 1, i;
    writer out;
    if (!writer_init(&out, stdout, opt->max_errors)) {
        writer_free(&out);
        fputs("dsx: out of memory\n", stderr);
        return EXIT_USAGE;
    }
    for (i = 0; i < count; i++) {
        const char *shown;
        FILE *f = open_input(files[i], &shown);
        if (!f) {
            st.any_io_error = 1;
            continue;
        }
        if (opt->ndjson) process_ndjson(opt, &out, f, shown, &st);
        else process_whole(opt, &out, f, shown, &st);
        close_input(f);
    }
    out_flush(&out);
    fflush(stdout);
    writer_free(&out);
    if (st.any_io_error) return EXIT_USAGE;
    return st.any_invalid ? EXIT_INVALID : 0;
}

/* ---- arguments ---- */

static int usage_error(const char *what, const char *arg)
{
    fprintf(stderr, "dsx: %s%s%s\nTry 'dsx --help'.\n", what, arg ? ": " : "", arg ? arg : "");
    return EXIT_USAGE;
}

/* "--name value" or "--name=value"; returns the value or NULL. */
static const char *option_value(int argc, char **argv, int *i, const char *name)
{
    size_t n = strlen(name);
    if (strncmp(argv[*i], name, n) != 0) return NULL;
    if (argv[*i][n] == '=') return argv[*i] + n + 1;
    if (argv[*i][n] != '\0') return NULL;
    if (*i + 1 >= argc) return "";
    return argv[++*i];
}

static int parse_count(const char *s, size_t *out)
{
    char *end;
    unsigned long v;
    if (!*s || *s == '-') return 0;
    errno = 0;
    v = strtoul(s, &end, 10);
    if (*end || errno || v > 1000000) return 0;
    *out = (size_t)v;
    return 1;
}

static int apply_emit_option(options *opt, const char *a)
{
    if (strcmp(a, "--http") == 0) opt->http = 1;
    else if (strcmp(a, "--pretty") == 0) opt->emit_flags |= DSX_EMIT_PRETTY;
    else if (strcmp(a, "--sorted") == 0) opt->emit_flags |= DSX_EMIT_SORTED;
    else if (strcmp(a, "--effective") == 0) opt->effective = 1;
    else if (strcmp(a, "--keep-unknown") == 0) opt->keep_unknown = 1;
    else return usage_error("unknown option", a);
    return 0;
}

static int apply_response_option(options *opt, int argc, char **argv, int *i)
{
    const char *v;
    if ((v = option_value(argc, argv, i, "--status"))) {
        size_t n;
        if (!parse_count(v, &n) || n < 100 || n > 999)
            return usage_error("--status takes an HTTP status code from 100 to 999", v);
        opt->status = (long)n;
    } else if ((v = option_value(argc, argv, i, "--error-type"))) {
        opt->error_type = v;
    } else {
        return usage_error("unknown option", argv[*i]);
    }
    return 0;
}

/* Options shared by validate and emit, then each command's own. */
static int apply_validate_option(options *opt, int argc, char **argv, int *i)
{
    const char *v;
    if (strcmp(argv[*i], "--options") == 0) opt->options_document = 1;
    else if ((v = option_value(argc, argv, i, "--profile"))) {
        if (strcmp(v, "strict") == 0) dsx_config_init(&opt->config, DSX_PROFILE_STRICT);
        else if (strcmp(v, "wire") == 0) dsx_config_init(&opt->config, DSX_PROFILE_WIRE);
        else return usage_error("--profile takes strict or wire", v);
    } else if (opt->cmd == CMD_EMIT) {
        return apply_emit_option(opt, argv[*i]);
    } else if ((v = option_value(argc, argv, i, "--format"))) {
        if (strcmp(v, "text") == 0) opt->format = FORMAT_TEXT;
        else if (strcmp(v, "json") == 0) opt->format = FORMAT_JSON;
        else if (strcmp(v, "error-body") == 0) opt->format = FORMAT_ERROR_BODY;
        else return usage_error("--format takes text, json or error-body", v);
    } else if ((v = option_value(argc, argv, i, "--style"))) {
        if (strcmp(v, "aws") == 0) opt->style = DSX_STYLE_AWS;
        else if (strcmp(v, "botocore") == 0) opt->style = DSX_STYLE_BOTOCORE;
        else return usage_error("--style takes aws or botocore", v);
    } else if (strcmp(argv[*i], "--ndjson") == 0) {
        opt->ndjson = 1;
    } else if ((v = option_value(argc, argv, i, "--jobs"))) {
        if (!parse_count(v, &opt->jobs) || opt->jobs < 1 || opt->jobs > JOBS_MAX)
            return usage_error("--jobs takes a whole number from 1 to 64", v);
    } else if ((v = option_value(argc, argv, i, "--max-errors"))) {
        if (!parse_count(v, &opt->max_errors))
            return usage_error("--max-errors takes a whole number from 0 to 1000000", v);
    } else {
        return usage_error("unknown option", argv[*i]);
    }
    return 0;
}

/* Options may come before or after the files; "--" ends them. */
static int parse_arguments(options *opt, int argc, char **argv, int first)
{
    int i, status, only_files = 0;
    opt->files = calloc((size_t)argc, sizeof *opt->files);
    if (!opt->files) return usage_error("out of memory", NULL);
    for (i = first; i < argc; i++) {
        const char *a = argv[i];
        if (only_files || a[0] != '-' || a[1] == '\0') {
            opt->files[opt->file_count++] = argv[i];
        } else if (strcmp(a, "--") == 0) {
            only_files = 1;
        } else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            fputs(opt->cmd == CMD_VALIDATE ? usage_validate
                  : opt->cmd == CMD_EMIT ? usage_emit
                  : opt->cmd == CMD_PARSE_RESPONSE ? usage_parse_response : usage_check_json,
                  stdout);
            free(opt->files);
            exit(0);
        } else if (opt->cmd == CMD_CHECK_JSON) {
            return usage_error("unknown option", a);
        } else if (opt->cmd == CMD_PARSE_RESPONSE) {
            if ((status = apply_response_option(opt, argc, argv, &i)) != 0) return status;
        } else if ((status = apply_validate_option(opt, argc, argv, &i)) != 0) {
            return status;
        }
    }
    return 0;
}

static int check_combination(options *opt)
{
    if (opt->cmd == CMD_PARSE_RESPONSE) {
        if (opt->status < 0) return usage_error("parse-response needs --status N", NULL);
        if (opt->file_count > 1) return usage_error("parse-response takes one FILE", NULL);
        opt->config.max_size = RESPONSE_BODY_MAX;
        return 0;
    }
    if (opt->cmd != CMD_EMIT) return 0;
    if (opt->file_count > 1) return usage_error("emit takes one FILE", NULL);
    if (opt->http && (opt->options_document || opt->effective || opt->emit_flags))
        return usage_error("--http writes a request as it is sent: no --options, --pretty, --sorted or --effective", NULL);
    if ((opt->emit_flags & DSX_EMIT_PRETTY) && (opt->emit_flags & DSX_EMIT_SORTED))
        return usage_error("--pretty and --sorted exclude each other", NULL);
    if (opt->effective && !opt->options_document)
        return usage_error("--effective needs --options (a request may set only BytesPerSecond)", NULL);
    return 0;
}

/* One NDJSON worker per online CPU, at most JOBS_MAX. */
static size_t default_jobs(void)
{
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    if (cpus < 1) return 1;
    return cpus > JOBS_MAX ? JOBS_MAX : (size_t)cpus;
}

int main(int argc, char **argv)
{
    options opt;
    int status;
    memset(&opt, 0, sizeof opt);
    opt.max_errors = 100;
    opt.jobs = default_jobs();
    opt.status = -1;
    dsx_config_init(&opt.config, DSX_PROFILE_STRICT);
    if (argc < 2) {
        fputs(usage_main, stderr);
        return EXIT_USAGE;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        fputs(usage_main, stdout);
        return 0;
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("dsx %s\n", DSX_VERSION_STRING);
        return 0;
    }
    if (strcmp(argv[1], "validate") == 0) opt.cmd = CMD_VALIDATE;
    else if (strcmp(argv[1], "check-json") == 0) opt.cmd = CMD_CHECK_JSON;
    else if (strcmp(argv[1], "emit") == 0) opt.cmd = CMD_EMIT;
    else if (strcmp(argv[1], "parse-response") == 0) opt.cmd = CMD_PARSE_RESPONSE;
    else return usage_error("unknown command", argv[1]);
    status = parse_arguments(&opt, argc, argv, 2);
    if (status == 0) status = check_combination(&opt);
    message_style = opt.style;
    setvbuf(stdout, NULL, _IOFBF, (size_t)1 << 16);   /* one write per 64 KiB of results */
    if (status == 0) status = run(&opt);
    free(opt.files);
    free(input_buffer.data);
    return status;
}
