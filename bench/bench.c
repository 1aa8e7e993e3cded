/*
 * make bench: dsx against general-purpose JSON libraries, same run, same
 * bytes. Prints figures only; nothing here is a pass/fail test except the
 * sanity checks that every contender read each document as intended.
 *
 *   bench [--quick]                 the whole report
 *   bench [--quick] --streaming     the NDJSON streaming table alone
 *   bench --callgrind NAME COUNT    validate one input COUNT times (for
 *                                   tools/bench-callgrind.sh)
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "dsx.h"
#include "fast_peers.h"
#include "inputs.h"
#include "peers.h"

#ifndef BENCH_CFLAGS
#define BENCH_CFLAGS "?"
#endif

static int quick;

/* ---- timing ---- */

typedef int (*work_fn)(void *ctx);
static volatile int sink;

static double now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static double run_batch(work_fn fn, void *ctx, long n)
{
    double start = now_ns();
    long i;
    int acc = 0;
    for (i = 0; i < n; i++) acc += fn(ctx);
    sink += acc;
    return now_ns() - start;
}

static int compare_doubles(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Calls per batch so that one batch lasts about `target` ns. */
static long calibrate(work_fn fn, void *ctx, double target)
{
    long n = 1;
    double t;
    fn(ctx);   /* warm the caches */
    while ((t = run_batch(fn, ctx, n)) < target / 4) n *= 2;
    n = (long)((double)n * target / t);
    return n > 0 ? n : 1;
}

static int batch_count(void)
{
    return quick ? 5 : 21;
}

static double batch_ns(void)
{
    return quick ? 1e6 : 4e6;
}

/* Median ns per call over batches of a few milliseconds each. */
static double measure(work_fn fn, void *ctx)
{
    double samples[31];
    int batches = batch_count(), b;
    long n = calibrate(fn, ctx, batch_ns());
    for (b = 0; b < batches; b++) samples[b] = run_batch(fn, ctx, n) / (double)n;
    qsort(samples, (size_t)batches, sizeof samples[0], compare_doubles);
    return samples[batches / 2];
}

/*
 * Several contenders on one input, measured in turns: batch b of every
 * contender runs before batch b + 1 of any, so a slow spell of the machine
 * (a shared VM drifts by tens of percent) falls on all of them alike and
 * the ratios stay put. Each gets the median of its own batches.
 */
typedef struct contender {
    const char *what;
    work_fn fn;
    void *ctx;
    long n;
    double samples[31];
    double ns;
} contender;

static void measure_in_turns(contender *c, size_t count)
{
    int batches = batch_count(), b;
    size_t k;
    for (k = 0; k < count; k++) c[k].n = calibrate(c[k].fn, c[k].ctx, batch_ns());
    for (b = 0; b < batches; b++)
        for (k = 0; k < count; k++)
            c[k].samples[b] = run_batch(c[k].fn, c[k].ctx, c[k].n) / (double)c[k].n;
    for (k = 0; k < count; k++) {
        qsort(c[k].samples, (size_t)batches, sizeof c[k].samples[0], compare_doubles);
        c[k].ns = c[k].samples[batches / 2];
    }
}

/* ---- dsx work ---- */

typedef enum dsx_task { TASK_VALIDATE, TASK_CHECK_JSON, TASK_EMIT } dsx_task;

typedef struct dsx_work {
    const char *text;
    size_t length;
    int options_document;
    dsx_config config;
    dsx_task task;
    unsigned emit_flags;
    dsx_diag items[128];
    dsx_diag_list list;
    dsx_request request;
    dsx_options options;
    char emitted[4096];
} dsx_work;

static void dsx_work_init(dsx_work *w, const text *doc, int options_document, dsx_profile profile)
{
    memset(w, 0, sizeof *w);
    w->text = doc->data;
    w->length = doc->length;
    w->options_document = options_document;
    dsx_config_init(&w->config, profile);
    w->config.max_size = (size_t)64 << 20;
    w->list.items = w->items;
    w->list.capacity = sizeof w->items / sizeof w->items[0];
}

static int dsx_validate_once(dsx_work *w)
{
    if (w->options_document)
        return (int)dsx_validate_options(w->text, w->length, &w->config, &w->options, &w->list);
    return (int)dsx_validate_request(w->text, w->length, &w->config, &w->request, &w->list);
}

static int run_dsx(void *ctx)
{
    dsx_work *w = ctx;
    switch (w->task) {
    case TASK_CHECK_JSON: return (int)dsx_check_json(w->text, w->length, &w->config, w->items);
    case TASK_EMIT:
        if (w->options_document)
            return (int)dsx_emit_options(&w->options, NULL, w->emit_flags, w->emitted, sizeof w->emitted);
        return (int)dsx_emit_request(&w->request, NULL, w->emit_flags, w->emitted, sizeof w->emitted);
    default: return dsx_validate_once(w);
    }
}

/* ---- peer work ---- */

typedef struct peer_work {
    const peer *p;
    const char *text;
    size_t length;
    int options_document;
    int wire;
} peer_work;

static int run_peer_parse(void *ctx)
{
    peer_work *w = ctx;
    return w->p->parse(w->text, w->length);
}

static int run_peer_check(void *ctx)
{
    peer_work *w = ctx;
    return w->p->check(w->text, w->length, w->options_document, w->wire);
}

typedef struct fast_work {
    const fast_peer *p;
    char *padded;
    size_t length;
    size_t capacity;
} fast_work;

static int run_fast(void *ctx)
{
    fast_work *w = ctx;
    return w->p->parse(w->padded, w->length, w->capacity);
}

/* ---- the report ---- */

typedef struct bench_input {
    const char *name;
    text doc;
    int options_document;
    dsx_profile profile;
} bench_input;

enum { IN_REQUEST, IN_OPTIONS, IN_ERRORS, IN_UNKNOWN, IN_STRING, INPUT_COUNT };
static bench_input inputs[INPUT_COUNT];

static void build_inputs(void)
{
    static const char *const names[INPUT_COUNT] = {
        "request (typical)", "Options, all 15 members", "request, many errors",
        "20,000 unknown members (wire)", "1 MiB string (wire)"
    };
    int i;
    for (i = 0; i < INPUT_COUNT; i++) inputs[i].name = names[i];
    input_request(&inputs[IN_REQUEST].doc);
    input_full_options(&inputs[IN_OPTIONS].doc);
    inputs[IN_OPTIONS].options_document = 1;
    input_many_errors(&inputs[IN_ERRORS].doc);
    input_unknown_members(&inputs[IN_UNKNOWN].doc, 20000);
    inputs[IN_UNKNOWN].profile = DSX_PROFILE_WIRE;
    input_long_string(&inputs[IN_STRING].doc, (size_t)1 << 20);
    inputs[IN_STRING].profile = DSX_PROFILE_WIRE;
}

static void print_row(const char *what, double ns, size_t bytes, double dsx_ns, const char *found)
{
    char ratio[32] = "";
    if (dsx_ns > 0) snprintf(ratio, sizeof ratio, "%.2fx", ns / dsx_ns);
    printf("  %-32s %12.1f %9.1f %8s  %s\n", what, ns, (double)bytes / ns * 1e3, ratio, found);
}

static void print_machine(void)
{
    char line[256], model[200] = "?";
    FILE *f = fopen("/proc/cpuinfo", "r");
    while (f && fgets(line, sizeof line, f)) {
        if (strncmp(line, "model name", 10) == 0) {
            char *colon = strchr(line, ':');
            if (colon) snprintf(model, sizeof model, "%s", colon + 2);
            model[strcspn(model, "\n")] = '\0';
            break;
        }
    }
    if (f) fclose(f);
    printf("machine:  %s, %ld cores online\n", model, sysconf(_SC_NPROCESSORS_ONLN));
    printf("compiler: %s, %s\n", __VERSION__, BENCH_CFLAGS);
    printf("dsx %s; cJSON %s, jansson %s, json-c %s, jsmn %s; %s\n", DSX_VERSION_STRING,
           bench_peers[0]->version, bench_peers[1]->version, bench_peers[2]->version,
           bench_peers[3]->version, fast_peer_versions());
    printf("method:   median of %d batches of about %.0f ms each, every contender on an input\n"
           "          measured in turns (batch b of each before batch b+1 of any);\n"
           "          ratio = time / dsx validate time\n\n",
           batch_count(), batch_ns() / 1e6);
}

/*
 * Everything measured on one input, in turns (measure_in_turns): dsx
 * validate, check-json and emit, each peer parsing and parsing + checks,
 * and the fast parsers. The rows are printed by the two tables.
 */
enum { MAX_CONTENDERS = 4 + 2 * 8 + 4 };

typedef struct input_report {
    contender c[MAX_CONTENDERS];
    size_t bytes[MAX_CONTENDERS];          /* for MB/s: input bytes, or output for emit */
    char found[MAX_CONTENDERS][64];
    size_t count, fast_first;               /* the fast parsers are c[fast_first..count) */
} input_report;

static dsx_work dsx_works[4];
static peer_work peer_works[8];
static fast_work fast_works[4];

static contender *add_contender(input_report *r, const char *what, work_fn fn, void *ctx,
                                size_t bytes)
{
    contender *c = &r->c[r->count];
    if (r->count == MAX_CONTENDERS) exit(2);
    memset(c, 0, sizeof *c);
    c->what = what;
    c->fn = fn;
    c->ctx = ctx;
    r->bytes[r->count] = bytes;
    r->found[r->count][0] = '\0';
    r->count++;
    return c;
}

static void add_dsx(input_report *r, const bench_input *in)
{
    static const char *const what[4] = {"dsx validate", "dsx check-json", "dsx emit compact",
                                        "dsx emit pretty"};
    int k, tasks = in == &inputs[IN_REQUEST] || in == &inputs[IN_OPTIONS] ? 4 : 2;
    for (k = 0; k < tasks; k++) {
        dsx_work *w = &dsx_works[k];
        size_t bytes = in->doc.length;
        dsx_work_init(w, &in->doc, in->options_document, in->profile);
        if (k >= 2) {   /* emit what validate produced; MB/s of output */
            dsx_validate_once(w);
            w->task = TASK_EMIT;
            w->emit_flags = k == 3 ? DSX_EMIT_PRETTY : 0;
            bytes = (size_t)run_dsx(w);
        } else {
            w->task = k == 0 ? TASK_VALIDATE : TASK_CHECK_JSON;
        }
        add_contender(r, what[k], run_dsx, w, bytes);
        if (k >= 2) snprintf(r->found[r->count - 1], 64, "(MB/s of output)");
    }
    dsx_validate_once(&dsx_works[0]);   /* the errors it finds, for the found column */
    snprintf(r->found[0], 64, "%d errors", (int)dsx_works[0].list.errors);
}

static void add_peers(input_report *r, const bench_input *in)
{
    static char names[8][64];
    int dsx_errors = (int)dsx_works[0].list.errors;
    size_t k;
    for (k = 0; k < bench_peer_count; k++) {
        peer_work *w = &peer_works[k];
        int errors;
        w->p = bench_peers[k];
        w->text = in->doc.data;
        w->length = in->doc.length;
        w->options_document = in->options_document;
        w->wire = in->profile == DSX_PROFILE_WIRE;
        snprintf(names[2 * k], sizeof names[0], "%s parse", w->p->name);
        add_contender(r, names[2 * k], run_peer_parse, w, in->doc.length);
        if (!w->p->parse(w->text, w->length)) snprintf(r->found[r->count - 1], 64, "FAILED TO PARSE");
        snprintf(names[2 * k + 1], sizeof names[0], "%s parse + checks", w->p->name);
        add_contender(r, names[2 * k + 1], run_peer_check, w, in->doc.length);
        errors = w->p->check(w->text, w->length, w->options_document, w->wire);
        snprintf(r->found[r->count - 1], 64, "%d errors%s", errors,
                 errors == dsx_errors ? "" : " (differs: see docs/PERFORMANCE.md)");
    }
}

static void add_fast_parsers(input_report *r, const bench_input *in)
{
    size_t count, k, pad = fast_peer_padding();
    const fast_peer *list = fast_peers(&count);
    r->fast_first = r->count;
    for (k = 0; k < count && k < 4; k++) {
        fast_work *w = &fast_works[k];
        free(w->padded);
        w->p = &list[k];
        w->length = in->doc.length;
        w->capacity = in->doc.length + pad;
        w->padded = calloc(1, w->capacity);
        if (!w->padded) exit(2);
        memcpy(w->padded, in->doc.data, in->doc.length);
        add_contender(r, w->p->name, run_fast, w, in->doc.length);
        if (!w->p->parse(w->padded, w->length, w->capacity))
            snprintf(r->found[r->count - 1], 64, "FAILED TO PARSE");
    }
}

static input_report reports[INPUT_COUNT];

static void print_rows(const input_report *r, size_t from, size_t to)
{
    size_t k;
    for (k = from; k < to; k++)
        print_row(r->c[k].what, r->c[k].ns, r->bytes[k], r->c[0].ns, r->found[k]);
}

static void main_table(void)
{
    int i;
    printf("== dsx against general-purpose C JSON libraries\n");
    printf("  %-32s %12s %9s %8s  %s\n", "", "ns/doc", "MB/s", "ratio", "found");
    for (i = 0; i < INPUT_COUNT; i++) {
        input_report *r = &reports[i];
        const bench_input *in = &inputs[i];
        add_dsx(r, in);
        add_peers(r, in);
        add_fast_parsers(r, in);
        measure_in_turns(r->c, r->count);
        printf("%s, %zu bytes:\n", in->name, in->doc.length);
        print_rows(r, 0, r->fast_first);
    }
    printf("\n");
}

/* Measured with the main table, in the same turns. */
static void fast_table(void)
{
    int i;
    printf("== the fastest general-purpose parsers, merely parsing (ratio to dsx validate)\n");
    for (i = 0; i < INPUT_COUNT; i++) {
        const input_report *r = &reports[i];
        printf("%s, %zu bytes:\n", inputs[i].name, inputs[i].doc.length);
        print_rows(r, 0, 1);
        print_rows(r, r->fast_first, r->count);
    }
    printf("\n");
}

/* ---- allocations ---- */

/* Every malloc/calloc/realloc of dsx and of this program (linked with --wrap). */
static long malloc_calls;
void *__real_malloc(size_t n);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t n);
void *__wrap_malloc(size_t n);
void *__wrap_calloc(size_t n, size_t size);
void *__wrap_realloc(void *p, size_t n);

void *__wrap_malloc(size_t n)
{
    malloc_calls++;
    return __real_malloc(n);
}

void *__wrap_calloc(size_t n, size_t size)
{
    malloc_calls++;
    return __real_calloc(n, size);
}

void *__wrap_realloc(void *p, size_t n)
{
    malloc_calls++;
    return __real_realloc(p, n);
}

/* A caller-supplied allocator that counts: given to dsx wherever it takes one. */
static long allocator_calls;

static void *counting_allocate(void *context, size_t size)
{
    (void)context;
    allocator_calls++;
    return malloc(size);
}

static void counting_release(void *context, void *memory, size_t size)
{
    (void)context;
    (void)size;
    free(memory);
}

static const dsx_allocator counting_allocator = {counting_allocate, counting_release, NULL};

#define ALLOCATION_RUNS 1000

/* Allocations per document of dsx: validate (unknown members kept), check-json, emit. */
static void dsx_allocations(const bench_input *in)
{
    static dsx_kept_member fixed[32];
    dsx_work w;
    dsx_kept kept;
    long runs, counts[3] = {0, 0, 0};
    dsx_work_init(&w, &in->doc, in->options_document, in->profile);
    if (in->profile == DSX_PROFILE_WIRE) w.config.unknown_members = DSX_UNKNOWN_KEEP;
    dsx_kept_init(&kept, fixed, sizeof fixed / sizeof fixed[0], &counting_allocator);
    malloc_calls = allocator_calls = 0;
    for (runs = 0; runs < ALLOCATION_RUNS; runs++) {
        if (w.options_document)
            dsx_validate_options_kept(w.text, w.length, &w.config, &w.options, &kept, &w.list);
        else
            dsx_validate_request_kept(w.text, w.length, &w.config, &w.request, &kept, &w.list);
    }
    counts[0] = malloc_calls + allocator_calls;
    dsx_kept_free(&kept);
    malloc_calls = allocator_calls = 0;
    w.task = TASK_CHECK_JSON;
    for (runs = 0; runs < ALLOCATION_RUNS; runs++) run_dsx(&w);
    counts[1] = malloc_calls;
    w.task = TASK_EMIT;
    malloc_calls = 0;
    for (runs = 0; runs < ALLOCATION_RUNS; runs++) run_dsx(&w);
    counts[2] = malloc_calls;
    printf("  %-32s %12.2f %12.2f %12.2f\n", in->name, (double)counts[0] / ALLOCATION_RUNS,
           (double)counts[1] / ALLOCATION_RUNS, (double)counts[2] / ALLOCATION_RUNS);
}

static void allocation_table(void)
{
    int i;
    size_t k;
    printf("== allocations per document (%d runs each; malloc/calloc/realloc wrapped at link time,\n"
           "   plus a counting allocator given to dsx's kept list, which keeps unknown members)\n",
           ALLOCATION_RUNS);
    printf("  %-32s %12s %12s %12s\n", "dsx", "validate", "check-json", "emit");
    for (i = 0; i < INPUT_COUNT; i++) dsx_allocations(&inputs[i]);
    printf("  %-32s", "peers, parse only");
    for (i = 0; i < INPUT_COUNT; i++) printf(" %10.10s", inputs[i].name);
    printf("\n");
    for (k = 0; k < bench_peer_count; k++) {
        const peer *p = bench_peers[k];
        printf("  %-32s", p->name);
        for (i = 0; i < INPUT_COUNT; i++) {
            p->reset_allocations();
            p->parse(inputs[i].doc.data, inputs[i].doc.length);
            if (p->allocations() < 0) printf(" %10s", "no hooks");
            else printf(" %10ld", p->allocations());
        }
        printf("\n");
    }
    printf("\n");
}

/* ---- linear cost ---- */

static void linear_table(void)
{
    static const size_t sizes[] = {1 << 10, 4 << 10, 16 << 10, 64 << 10, 256 << 10, 1 << 20};
    static const char *const shapes[] = {"unknown members", "256-byte strings", "nesting to depth 64"};
    size_t s, k, count = sizeof sizes / sizeof sizes[0];
    printf("== linear cost: dsx validate, ns per byte (Options documents of the shape alone, wire\n"
           "   profile, valid)\n");
    printf("  %-22s", "");
    for (k = 0; k < count; k++) printf(" %7zuK", sizes[k] >> 10);
    printf("   max/min\n");
    for (s = 0; s < 3; s++) {
        double lo = 1e30, hi = 0;
        printf("  %-22s", shapes[s]);
        for (k = 0; k < count; k++) {
            text doc = {0, 0, 0};
            dsx_work w;
            double per_byte;
            if (s == 0) input_shape_members(&doc, sizes[k]);
            else if (s == 1) input_shape_strings(&doc, sizes[k]);
            else input_shape_nesting(&doc, sizes[k], DSX_DEFAULT_MAX_DEPTH);
            dsx_work_init(&w, &doc, 1, DSX_PROFILE_WIRE);
            if (dsx_validate_once(&w) != DSX_VALID) printf("(invalid!)");
            per_byte = measure(run_dsx, &w) / (double)doc.length;
            if (per_byte < lo) lo = per_byte;
            if (per_byte > hi) hi = per_byte;
            printf(" %8.3f", per_byte);
            text_free(&doc);
        }
        printf("   %6.2fx\n", hi / lo);
    }
    printf("\n");
}

/* ---- NDJSON streaming through the CLI ---- */

static const char *dsx_program = "build/dsx";

/* One block of whole NDJSON lines, about `bytes` long. */
static void ndjson_block(text *block, size_t bytes, int invalid)
{
    while (block->length < bytes) {
        text doc = {0, 0, 0};
        size_t i;
        if (invalid) {
            if (block->length % 3 == 0) input_many_errors(&doc);
            else text_add(&doc, "{\"TaskExecutionArn\":\"arn:aws:datasync:us-east-1:1:task/x\","
                                "\"Options\":{\"BytesPerSecond\":-7,\"LogLevel\":\"LOUD\"}}");
        } else if (block->length % 2 == 0) {
            input_request(&doc);
        } else {
            text_add(&doc, "{\"TaskExecutionArn\":\"" BENCH_ARN "\",\"Options\":{\"BytesPerSecond\":-1}}");
        }
        for (i = 0; i < doc.length; i++)   /* one line each */
            if (doc.data[i] == '\n') doc.data[i] = ' ';
        text_addn(block, doc.data, doc.length);
        text_add(block, "\n");
        text_free(&doc);
    }
}

/* Writes the block repeatedly until the file holds at least `bytes`; reuses a file of that size. */
static size_t write_ndjson_file(const char *path, const text *block, size_t bytes)
{
    struct stat st;
    size_t written = 0;
    FILE *f;
    size_t want = (bytes + block->length - 1) / block->length * block->length;
    if (stat(path, &st) == 0 && (size_t)st.st_size == want) return want;
    f = fopen(path, "wb");
    if (!f) {
        fprintf(stderr, "bench: cannot write %s: %s\n", path, strerror(errno));
        exit(2);
    }
    while (written < want) {
        fwrite(block->data, 1, block->length, f);
        written += block->length;
    }
    if (fclose(f) != 0) {
        fprintf(stderr, "bench: cannot write %s\n", path);
        exit(2);
    }
    return written;
}

/*
 * The child's peak resident set (VmHWM). getrusage would report the forked
 * copy of this large process from before exec, so /proc is read while the
 * child runs; the peak is monotonic and reached at start-up.
 */
static long child_peak_kib(pid_t pid)
{
    char path[64], line[128];
    long kib = -1;
    FILE *f;
    snprintf(path, sizeof path, "/proc/%ld/status", (long)pid);
    f = fopen(path, "r");
    while (f && fgets(line, sizeof line, f))
        if (strncmp(line, "VmHWM:", 6) == 0) kib = atol(line + 6);
    if (f) fclose(f);
    return kib;
}

/*
 * Runs `dsx validate --ndjson [--format json] [--jobs N] FILE > /dev/null`
 * (jobs NULL: the CLI's default, one worker per CPU); returns seconds, sets
 * peak RSS (KiB).
 */
static double run_cli(const char *path, int json_output, const char *jobs, long *peak_kib,
                      int *status)
{
    double start = now_ns();
    struct timespec pause = {0, 2000000};
    pid_t pid = fork();
    if (pid == 0) {
        int out = open("/dev/null", O_WRONLY);
        if (out >= 0) dup2(out, 1);
        char *argv[10];
        int n = 0;
        argv[n++] = (char *)"dsx";
        argv[n++] = (char *)"validate";
        argv[n++] = (char *)"--ndjson";
        if (json_output) {
            argv[n++] = (char *)"--format";
            argv[n++] = (char *)"json";
        }
        if (jobs) {
            argv[n++] = (char *)"--jobs";
            argv[n++] = (char *)jobs;
        }
        argv[n++] = (char *)path;
        argv[n] = NULL;
        execv(dsx_program, argv);
        _exit(127);
    }
    if (pid < 0) {
        fprintf(stderr, "bench: cannot run %s\n", dsx_program);
        exit(2);
    }
    *peak_kib = -1;
    for (;;) {
        long kib;
        pid_t done = waitpid(pid, status, WNOHANG);
        if (done == pid) break;
        if (done < 0) exit(2);
        kib = child_peak_kib(pid);
        if (kib > 0 && now_ns() - start > 5e6) *peak_kib = kib;   /* after exec */
        nanosleep(&pause, NULL);
    }
    return (now_ns() - start) / 1e9;
}

/* A JSON string into memory, as the CLI writes it (runs of plain bytes copied whole). */
static void json_string_into(text *out, const char *s, size_t n)
{
    size_t i, run = 0;
    text_addn(out, "\"", 1);
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        char escaped[8];
        if (c != '"' && c != '\\' && c >= 0x20) continue;   /* (no U+2028/9 in these records) */
        text_addn(out, s + run, i - run);
        if (c == '"' || c == '\\') snprintf(escaped, sizeof escaped, "\\%c", c);
        else snprintf(escaped, sizeof escaped, "\\u%04x", c);
        text_add(out, escaped);
        run = i + 1;
    }
    text_addn(out, s + run, n - run);
    text_addn(out, "\"", 1);
}

/* The CLI's JSON line for one record, built in memory (the line is then dropped). */
static void json_line_into(text *out, const dsx_work *w, size_t record)
{
    static char scratch[1 << 16];
    char number[64];
    size_t i, n;
    snprintf(number, sizeof number, "{\"file\":\"records\",\"record\":%zu,\"valid\":%s,\"errors\":[",
             record, w->list.errors ? "false" : "true");
    text_add(out, number);
    for (i = 0; i < w->list.stored; i++) {
        const dsx_diag *d = &w->items[i];
        text_add(out, i ? ",{\"code\":\"" : "{\"code\":\"");
        text_add(out, dsx_code_name((dsx_code)d->code));
        text_add(out, "\",\"path\":");
        n = dsx_diag_pointer(d, w->text, w->length, scratch, sizeof scratch);
        json_string_into(out, scratch, n);
        snprintf(number, sizeof number, ",\"offset\":%zu,\"line\":%lu,\"column\":%lu,\"message\":",
                 d->offset, (unsigned long)d->line, (unsigned long)d->column);
        text_add(out, number);
        n = dsx_diag_message(d, w->text, w->length, scratch, sizeof scratch);
        json_string_into(out, scratch, n);
        text_add(out, "}");
    }
    text_add(out, "],\"warnings\":[],\"summary\":");
    n = dsx_summary(w->items, w->list.stored, w->list.errors, w->text, w->length, scratch, sizeof scratch);
    json_string_into(out, scratch, n);
    snprintf(number, sizeof number, ",\"error_count\":%zu}\n", w->list.errors);
    text_add(out, number);
}

/*
 * The same records validated from memory, line by line, over a buffer far
 * larger than the caches (the CLI reads fresh bytes too); with json_output
 * the JSON lines are built as well.
 */
static double in_memory_seconds(const text *records, int json_output)
{
    dsx_work w;
    text doc = {0, 0, 0}, line = {0, 0, 0};
    const char *p = records->data, *end = records->data + records->length;
    double start = now_ns();
    size_t record = 0;
    dsx_work_init(&w, &doc, 0, DSX_PROFILE_STRICT);
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        w.text = p;
        w.length = (size_t)(nl - p);
        dsx_validate_once(&w);
        record++;
        if (json_output) {
            line.length = 0;
            json_line_into(&line, &w, record);
            sink += (int)line.length;
        }
        p = nl + 1;
    }
    text_free(&line);
    return (now_ns() - start) / 1e9;
}

/*
 * The fastest general-purpose parser's own NDJSON reader over the same
 * records in memory, merely parsing them: simdjson parse_many.
 */
static void simdjson_ndjson_row(const text *block, double dsx_cli_mbs)
{
    size_t target = (quick ? (size_t)16 : (size_t)256) << 20, padding = fast_peer_padding();
    text records = {0, 0, 0};
    double best = 1e30, mbs;
    long documents = 0;
    int k;
    while (records.length < target) text_addn(&records, block->data, block->length);
    for (k = 0; k < (int)padding; k++) text_addn(&records, " ", 1);   /* readable padding */
    records.length -= padding;
    for (k = 0; k < 3; k++) {
        double start = now_ns(), s;
        documents = simdjson_ndjson_documents(records.data, records.length);
        s = (now_ns() - start) / 1e9;
        if (s < best) best = s;
    }
    mbs = (double)records.length / best / 1e6;
    printf("  %-30s %8.0f MiB %9s %9.0f %8.2fx  (%ld documents; ratio: its MB/s / dsx CLI's)\n",
           "simdjson parse_many, memory", (double)records.length / (1 << 20), "", mbs,
           mbs / dsx_cli_mbs, documents);
    text_free(&records);
}

/* Returns the CLI's MB/s. */
static double stream_row(const char *what, const char *path, size_t bytes, const text *block,
                         int json_output, const char *jobs)
{
    size_t target = (quick ? (size_t)16 : (size_t)256) << 20;
    double memory_mbs, cli_s, best = 1e30;
    text records = {0, 0, 0};
    long peak = 0;
    int status = 0, k;
    while (records.length < target) text_addn(&records, block->data, block->length);
    cli_s = 1e30;
    for (k = 0; k < 3; k++) {   /* in turns, the best of three each: a slow spell of the VM falls on both */
        long kib;
        double s = in_memory_seconds(&records, json_output);
        if (s < best) best = s;
        s = run_cli(path, json_output, jobs, &kib, &status);
        if (s < cli_s) cli_s = s;
        if (kib > peak) peak = kib;
    }
    memory_mbs = (double)records.length / best / 1e6;
    text_free(&records);
    printf("  %-30s %8.0f MiB %9.0f %9.0f %8.2fx %9.1f MiB  exit %d\n", what,
           (double)bytes / (1 << 20), (double)bytes / cli_s / 1e6, memory_mbs,
           memory_mbs / ((double)bytes / cli_s / 1e6), (double)peak / 1024.0,
           WIFEXITED(status) ? WEXITSTATUS(status) : -1);
    return (double)bytes / cli_s / 1e6;
}

static void streaming_table(void)
{
    text valid = {0, 0, 0}, invalid = {0, 0, 0};
    size_t valid_bytes, invalid_bytes;
    double cli_mbs;
    mkdir("build/bench", 0777);
    ndjson_block(&valid, (size_t)1 << 20, 0);
    ndjson_block(&invalid, (size_t)1 << 20, 1);
    valid_bytes = write_ndjson_file("build/bench/valid.ndjson", &valid, quick ? (size_t)64 << 20 : (size_t)1 << 30);
    invalid_bytes = write_ndjson_file("build/bench/invalid.ndjson", &invalid,
                                      quick ? (size_t)16 << 20 : (size_t)256 << 20);
    printf("== NDJSON streaming: %s validate --ndjson FILE > /dev/null, against the same records in memory\n",
           dsx_program);
    printf("  %-30s %12s %9s %9s %9s %13s\n", "", "input", "CLI MB/s", "mem MB/s", "mem/CLI", "peak RSS");
    stream_row("valid, text output, --jobs 1", "build/bench/valid.ndjson", valid_bytes, &valid, 0, "1");
    cli_mbs = stream_row("valid, text output", "build/bench/valid.ndjson", valid_bytes, &valid, 0, NULL);
    simdjson_ndjson_row(&valid, cli_mbs);
    stream_row("invalid, JSON output, --jobs 1", "build/bench/invalid.ndjson", invalid_bytes, &invalid, 1, "1");
    stream_row("invalid, JSON output", "build/bench/invalid.ndjson", invalid_bytes, &invalid, 1, NULL);
    printf("  (CLI: one worker per CPU (%ld here) unless --jobs 1; mem: the same records validated, in\n"
           "   one thread, from a %d MiB buffer in this process, JSON lines built in memory; peak RSS:\n"
           "   VmHWM of the whole CLI process, its read blocks and record buffers included;\n"
           "   simdjson parse_many: the valid records, parsed only, checked for nothing, one thread)\n\n",
           sysconf(_SC_NPROCESSORS_ONLN), quick ? 16 : 256);
    text_free(&valid);
    text_free(&invalid);
}

/* ---- callgrind mode: one contender, one input, COUNT times ---- */

static int callgrind_mode(const char *who, const char *input_name, long count)
{
    const bench_input *in = NULL;
    dsx_work w;
    long i;
    size_t k;
    int n;
    for (n = 0; n < INPUT_COUNT && !in; n++)   /* the first whose name starts so */
        if (strncmp(inputs[n].name, input_name, strlen(input_name)) == 0) in = &inputs[n];
    if (!in) {
        fprintf(stderr, "bench: no input called %s\n", input_name);
        return 2;
    }
    dsx_work_init(&w, &in->doc, in->options_document, in->profile);
    if (strcmp(who, "dsx") == 0 || strcmp(who, "check-json") == 0) {
        w.task = who[0] == 'd' ? TASK_VALIDATE : TASK_CHECK_JSON;
        for (i = 0; i < count; i++) run_dsx(&w);
        return 0;
    }
    for (k = 0; k < bench_peer_count; k++) {
        const peer *p = bench_peers[k];
        size_t len = strlen(p->name);
        if (strncmp(who, p->name, len) != 0) continue;
        for (i = 0; i < count; i++) {
            if (strcmp(who + len, "+checks") == 0)
                p->check(in->doc.data, in->doc.length, in->options_document, in->profile == DSX_PROFILE_WIRE);
            else
                p->parse(in->doc.data, in->doc.length);
        }
        return 0;
    }
    fprintf(stderr, "bench: unknown contender %s\n", who);
    return 2;
}

int main(int argc, char **argv)
{
    int i, streaming_only = 0;
    build_inputs();
    peers_init((size_t)1 << 20);
    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--quick") == 0) quick = 1;
        else if (strcmp(argv[i], "--streaming") == 0) streaming_only = 1;
        else if (strcmp(argv[i], "--dsx") == 0 && i + 1 < argc) dsx_program = argv[++i];
        else if (strcmp(argv[i], "--callgrind") == 0 && i + 3 < argc)
            return callgrind_mode(argv[i + 1], argv[i + 2], atol(argv[i + 3]));
        else {
            fprintf(stderr, "usage: bench [--quick] [--streaming] [--dsx PROGRAM] | --callgrind WHO INPUT COUNT\n");
            return 2;
        }
    }
    print_machine();
    if (!streaming_only) {
        main_table();
        fast_table();
        allocation_table();
        linear_table();
    }
    streaming_table();
    return 0;
}
