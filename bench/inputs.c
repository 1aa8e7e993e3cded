/* Builders of the benchmark's documents (see inputs.h). */
#include "inputs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void text_addn(text *t, const char *s, size_t n)
{
    if (t->length + n + 1 > t->capacity) {
        size_t cap = t->capacity ? t->capacity : 256;
        char *grown;
        while (cap < t->length + n + 1) cap *= 2;
        grown = realloc(t->data, cap);
        if (!grown) {
            fputs("bench: out of memory\n", stderr);
            exit(2);
        }
        t->data = grown;
        t->capacity = cap;
    }
    memcpy(t->data + t->length, s, n);
    t->length += n;
    t->data[t->length] = '\0';
}

void text_add(text *t, const char *s)
{
    text_addn(t, s, strlen(s));
}

void text_free(text *t)
{
    free(t->data);
    memset(t, 0, sizeof *t);
}

void input_request(text *t)
{
    text_add(t, "{\"TaskExecutionArn\": \"" BENCH_ARN "\", \"Options\": {\"BytesPerSecond\": 1048576}}");
}

void input_full_options(text *t)
{
    text_add(t,
        "{\n"
        "  \"VerifyMode\": \"ONLY_FILES_TRANSFERRED\",\n"
        "  \"OverwriteMode\": \"ALWAYS\",\n"
        "  \"Atime\": \"BEST_EFFORT\",\n"
        "  \"Mtime\": \"PRESERVE\",\n"
        "  \"Uid\": \"INT_VALUE\",\n"
        "  \"Gid\": \"INT_VALUE\",\n"
        "  \"PreserveDeletedFiles\": \"PRESERVE\",\n"
        "  \"PreserveDevices\": \"NONE\",\n"
        "  \"PosixPermissions\": \"PRESERVE\",\n"
        "  \"BytesPerSecond\": 104857600,\n"
        "  \"TaskQueueing\": \"ENABLED\",\n"
        "  \"LogLevel\": \"TRANSFER\",\n"
        "  \"TransferMode\": \"CHANGED\",\n"
        "  \"SecurityDescriptorCopyFlags\": \"OWNER_DACL_SACL\",\n"
        "  \"ObjectTags\": \"PRESERVE\"\n"
        "}\n");
}

void input_many_errors(text *t)
{
    text_add(t,
        "{\"TaskExecutionArn\":\"arn:aws:datasync:us-east-1:12345:task/task-0123\","
        "\"Options\":{\"VerifyMode\":\"SOMETIMES\",\"OverwriteMode\":true,\"Atime\":\"BEST_EFFORT\","
        "\"Mtime\":\"NONE\",\"Uid\":7,\"Gid\":\"EVERYONE\",\"PreserveDeletedFiles\":\"REMOVE\","
        "\"TransferMode\":\"ALL\",\"BytesPerSecond\":-5,\"BytesPerSecond\":2,\"LogLevel\":null,"
        "\"Speed\":\"fast\",\"TaskQueueing\":[1,2],\"ObjectTags\":\"preserve\"},"
        "\"DryRun\":true,\"Region\":\"us-east-1\"}");
}

static void add_unknown_member(text *t, size_t i)
{
    char buf[96];
    static const char *const values[] = {"12345", "\"a string value\"", "true", "{\"k\":[1,2.5,null]}"};
    snprintf(buf, sizeof buf, "\"Unknown%06zu\":%s", i, values[i % 4]);
    text_add(t, buf);
}

void input_unknown_members(text *t, size_t count)
{
    size_t i;
    text_add(t, "{\"TaskExecutionArn\":\"" BENCH_ARN "\",\"Options\":{\"BytesPerSecond\":1048576}");
    for (i = 0; i < count; i++) {
        text_add(t, ",");
        add_unknown_member(t, i);
    }
    text_add(t, "}");
}

static void add_string_bytes(text *t, size_t bytes, size_t seed)
{
    static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789 -_./ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    char chunk[256];
    size_t i;
    for (i = 0; i < sizeof chunk; i++) chunk[i] = alphabet[(i * 7 + seed) % (sizeof alphabet - 1)];
    while (bytes > 0) {
        size_t n = bytes < sizeof chunk ? bytes : sizeof chunk;
        text_addn(t, chunk, n);
        bytes -= n;
    }
}

void input_long_string(text *t, size_t bytes)
{
    text_add(t, "{\"TaskExecutionArn\":\"" BENCH_ARN "\",\"Comment\":\"");
    add_string_bytes(t, bytes, 0);
    text_add(t, "\"}");
}

/*
 * The shapes of the linear-cost table are Options documents (wire profile)
 * made of the shape alone, so that the 1 KiB point measures the shape, not
 * the fixed cost of a request's own members (docs/PERFORMANCE.md).
 */
static void shape_next(text *t)
{
    text_add(t, t->length == 0 ? "{" : ",");
}

static void shape_end(text *t)
{
    text_add(t, t->length == 0 ? "{}" : "}");
}

void input_shape_members(text *t, size_t bytes)
{
    size_t i = 0;
    while (t->length + 40 < bytes) {
        shape_next(t);
        add_unknown_member(t, i++);
    }
    shape_end(t);
}

void input_shape_strings(text *t, size_t bytes)
{
    size_t i = 0;
    while (t->length + 300 < bytes) {   /* 256-byte strings */
        char name[32];
        shape_next(t);
        snprintf(name, sizeof name, "\"Text%06zu\":\"", i);
        text_add(t, name);
        add_string_bytes(t, 256, i++);
        text_add(t, "\"");
    }
    shape_end(t);
}

/* Unknown members whose values nest `depth - 1` levels (the document itself is one). */
void input_shape_nesting(text *t, size_t bytes, unsigned depth)
{
    size_t i = 0;
    unsigned k;
    while (t->length + 2 * depth + 24 < bytes) {
        char name[32];
        shape_next(t);
        snprintf(name, sizeof name, "\"Deep%06zu\":", i++);
        text_add(t, name);
        for (k = 1; k < depth; k++) text_add(t, "[");
        text_add(t, "0");
        for (k = 1; k < depth; k++) text_add(t, "]");
    }
    shape_end(t);
}
