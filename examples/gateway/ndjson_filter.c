/*
 * A gateway filter: reads NDJSON requests on standard input, writes each
 * valid one in canonical form to standard output and a one-line reason for
 * each rejected one to standard error. Memory is one line buffer and a
 * fixed diagnostics array, whatever the input size.
 * Build: cc -Iinclude examples/gateway/ndjson_filter.c build/libdsx.a
 * Run:   build/ndjson_filter < requests.ndjson > accepted.ndjson
 */
#include <stdio.h>
#include <string.h>

#include "dsx.h"

#define LINE_MAX_BYTES (64 * 1024)

static char line[LINE_MAX_BYTES + 2];
static char canonical[LINE_MAX_BYTES];
static char message[1024];

int main(void)
{
    dsx_config config;
    unsigned long number = 0, accepted = 0, rejected = 0;
    dsx_config_init(&config, DSX_PROFILE_WIRE);
    config.max_size = LINE_MAX_BYTES;
    while (fgets(line, sizeof line, stdin)) {
        dsx_diag items[1];
        dsx_diag_list diags = { items, 1, 0, 0, 0, 0 };
        dsx_request request;
        size_t length = strlen(line);
        number++;
        if (length && line[length - 1] == '\n') line[--length] = '\0';
        else if (length == sizeof line - 1) {   /* longer than the limit: skip the rest */
            int c;
            while ((c = getchar()) != EOF && c != '\n') {}
        }
        if (length == 0) continue;
        if (dsx_validate_request(line, length, &config, &request, &diags) == DSX_VALID &&
            dsx_emit_request(&request, NULL, DSX_EMIT_ANY_OPTION, canonical, sizeof canonical) > 0) {
            puts(canonical);
            accepted++;
            continue;
        }
        rejected++;
        dsx_summary(items, diags.stored, diags.errors, line, length, message, sizeof message);
        fprintf(stderr, "line %lu: %s\n", number, message);
    }
    fprintf(stderr, "%lu accepted, %lu rejected\n", accepted, rejected);
    return rejected ? 1 : 0;
}
