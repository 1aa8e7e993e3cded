/*
 * The bare-metal check: the spec's worked examples validated and emitted on
 * an emulated Cortex-M4 (qemu-system-arm -M mps2-an386), results printed
 * through semihosting. main's return value is QEMU's exit status: the
 * number of mismatches.
 */
#include <stdio.h>
#include <string.h>

#include "dsx.h"

extern void initialise_monitor_handles(void);

#define ARN "arn:aws:datasync:us-east-1:123456789012:task/task-0123456789abcdef0/execution/exec-0123456789abcdef0"

typedef struct example {
    int options_document;
    dsx_profile profile;
    const char *json;
    dsx_result result;
    const char *diagnostics;   /* "code pointer offset line:col" joined by "; " */
    const char *emitted;       /* canonical form of a valid document, or NULL */
} example;

static const example examples[] = {
    { 0, DSX_PROFILE_STRICT, "{\"TaskExecutionArn\":\"" ARN "\",\"Options\":{\"BytesPerSecond\":1048576}}",
      DSX_VALID, "", "{\"TaskExecutionArn\":\"" ARN "\",\"Options\":{\"BytesPerSecond\":1048576}}" },
    { 0, DSX_PROFILE_STRICT, "{\"Options\":{},\"TaskExecutionArn\":\"" ARN "\"}",
      DSX_VALID, "", "{\"TaskExecutionArn\":\"" ARN "\",\"Options\":{}}" },
    { 0, DSX_PROFILE_STRICT, "{\"Options\":{\"BytesPerSecond\":-2,\"VerifyMode\":\"NONE\",\"Foo\":1}}",
      DSX_INVALID, "range /Options/BytesPerSecond 29 1:30; not_updatable /Options/VerifyMode 45 1:46; "
      "unknown_member /Options/Foo 58 1:59; required /TaskExecutionArn 60 1:61", NULL },
    { 0, DSX_PROFILE_WIRE, "{\"TaskExecutionArn\":\"" ARN "\",\"Options\":{\"BytesPerSecond\":1e3,\"VerifyMode\":\"NONE\",\"Foo\":1}}",
      DSX_VALID, "not_updatable /Options/VerifyMode 168 1:169 (w)",
      "{\"TaskExecutionArn\":\"" ARN "\",\"Options\":{\"VerifyMode\":\"NONE\",\"BytesPerSecond\":1000}}" },
    { 0, DSX_PROFILE_STRICT, "{\"TaskExecutionArn\":\"" ARN "\",\"Options\":{\"BytesPerSecond\":5,\"\\u0042ytesPerSecond\":6}}",
      DSX_INVALID, "duplicate_member /Options/BytesPerSecond 175 1:176", NULL },
    { 1, DSX_PROFILE_STRICT, "{\"Atime\":\"NONE\",\"Mtime\":\"PRESERVE\",\"PreserveDeletedFiles\":\"REMOVE\",\"TransferMode\":\"ALL\"}",
      DSX_INVALID, "conflict /Mtime 24 1:25; conflict /TransferMode 82 1:83", NULL },
    { 1, DSX_PROFILE_STRICT, "{\"Atime\":\"none\",\"Mtime\":\"PRESERVE\",\"LogLevel\":null}",
      DSX_INVALID, "enum /Atime 9 1:10; type /LogLevel 46 1:47", NULL },
    { 1, DSX_PROFILE_WIRE, "{\"LogLevel\":null,\"Uid\":\"NAME\",\"X\":[1,{\"y\":null}]}",
      DSX_VALID, "", "{\"Uid\":\"NAME\"}" },
    { 0, DSX_PROFILE_STRICT, "{\"TaskExecutionArn\":\"arn:aws:datasync:us-east-1:1234:task/x\",\"Options\":[]}",
      DSX_INVALID, "pattern /TaskExecutionArn 20 1:21; type /Options 71 1:72", NULL },
    { 0, DSX_PROFILE_STRICT, "{\"TaskExecutionArn\":\"" ARN "\",\"Options\":{}} x",
      DSX_MALFORMED, "syntax  137 1:138", NULL },
    { 1, DSX_PROFILE_STRICT, "{\"BytesPerSecond\":9223372036854775807,\n\"ObjectTags\":\"NONE\"}",
      DSX_VALID, "", "{\"BytesPerSecond\":9223372036854775807,\"ObjectTags\":\"NONE\"}" },
    { 1, DSX_PROFILE_STRICT, "{\"BytesPerSecond\":9223372036854775808}",
      DSX_INVALID, "range /BytesPerSecond 18 1:19", NULL },
};

static void describe(const dsx_diag_list *list, const char *json, char *out, size_t cap)
{
    size_t i, used = 0;
    out[0] = '\0';
    for (i = 0; i < list->stored && used < cap; i++) {
        const dsx_diag *d = &list->items[i];
        char pointer[128];
        dsx_diag_pointer(d, json, strlen(json), pointer, sizeof pointer);
        used += (size_t)snprintf(out + used, cap - used, "%s%s %s %lu %lu:%lu%s", i ? "; " : "",
                                 dsx_code_name((dsx_code)d->code), pointer,
                                 (unsigned long)d->offset, (unsigned long)d->line,
                                 (unsigned long)d->column,
                                 d->severity == DSX_SEVERITY_WARNING ? " (w)" : "");
    }
}

static int run_example(const example *e)
{
    dsx_diag items[8];
    dsx_diag_list list = { items, 8, 0, 0, 0, 0 };
    dsx_config config;
    dsx_request request;
    dsx_options options;
    dsx_result r;
    char got[512], emitted[512];
    size_t n = 0;
    unsigned flags = 0;
    dsx_config_init(&config, e->profile);
    if (e->profile == DSX_PROFILE_WIRE) flags |= DSX_EMIT_ANY_OPTION;
    if (e->options_document) r = dsx_validate_options(e->json, strlen(e->json), &config, &options, &list);
    else r = dsx_validate_request(e->json, strlen(e->json), &config, &request, &list);
    describe(&list, e->json, got, sizeof got);
    if (r != e->result || strcmp(got, e->diagnostics) != 0) {
        printf("MISMATCH %s\n  got %d \"%s\"\n  want %d \"%s\"\n", e->json, (int)r, got,
               (int)e->result, e->diagnostics);
        return 1;
    }
    if (!e->emitted) return 0;
    if (e->options_document) n = dsx_emit_options(&options, NULL, flags, emitted, sizeof emitted);
    else n = dsx_emit_request(&request, NULL, flags, emitted, sizeof emitted);
    if (n == 0 || strcmp(emitted, e->emitted) != 0) {
        printf("MISMATCH emit %s\n  got \"%s\"\n  want \"%s\"\n", e->json, emitted, e->emitted);
        return 1;
    }
    return 0;
}

static int run_response(void)
{
    static const char body[] = "{\"__type\":\"com.amazonaws.datasync#InvalidRequestException\","
                               "\"message\":\"Bad\",\"errorCode\":\"InvalidParameter\"}";
    dsx_response r;
    char message[32];
    dsx_parse_response(400, NULL, 0, body, sizeof body - 1, &r);
    dsx_response_text(&r, DSX_FIELD_MESSAGE, message, sizeof message);
    if (r.type != DSX_ERROR_INVALID_REQUEST || r.fault != DSX_FAULT_CLIENT || strcmp(message, "Bad") != 0) {
        printf("MISMATCH response\n");
        return 1;
    }
    return 0;
}

int main(void)
{
    size_t i;
    int failures = 0;
    initialise_monitor_handles();
    for (i = 0; i < sizeof examples / sizeof examples[0]; i++) failures += run_example(&examples[i]);
    failures += run_response();
    printf("cortex-m4: %lu documents and a response, %d mismatches\n",
           (unsigned long)(sizeof examples / sizeof examples[0]), failures);
    return failures;
}
