/*
 * The peers: cJSON, jansson, json-c and jsmn (one file each, since jansson
 * and json-c declare the same names). Each parses the same bytes, and each
 * parses and then runs the same checks (peer_checks.c) over its own tree.
 * Where a library has allocation hooks they count allocations.
 */
#include "peers.h"

#include <stdlib.h>

static long allocation_count;

void *bench_counting_malloc(size_t n)
{
    allocation_count++;
    return malloc(n);
}

long bench_counted(void) { return allocation_count; }
void bench_reset_counted(void) { allocation_count = 0; }
long bench_unknown_count(void) { return -1; }
long bench_zero_count(void) { return 0; }
void bench_reset_nothing(void) {}

static peer cjson_described;

const peer *const bench_peers[] = {&cjson_described, &jansson_peer, &jsonc_peer, &jsmn_peer};
const size_t bench_peer_count = sizeof bench_peers / sizeof bench_peers[0];

void peers_init(size_t max_tokens)
{
    cjson_peer_init();
    jansson_peer_init();
    jsonc_peer_init();
    jsmn_peer_init(max_tokens);
    cjson_described = cjson_peer;
    cjson_described.version = cjson_peer_version();
}
