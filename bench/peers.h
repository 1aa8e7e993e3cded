/* The general-purpose C JSON libraries the benchmark compares against. */
#ifndef BENCH_PEERS_H
#define BENCH_PEERS_H

#include <stddef.h>

typedef struct peer {
    const char *name;
    const char *version;
    /* Parse the bytes; 1 when they parsed. */
    int (*parse)(const char *s, size_t n);
    /* Parse and run the model's checks (wire: that profile); errors found, -1 when malformed. */
    int (*check)(const char *s, size_t n, int options_document, int wire);
    /* Allocations made since the last reset, or -1 when the library cannot tell. */
    long (*allocations)(void);
    void (*reset_allocations)(void);
} peer;

extern const peer cjson_peer, jansson_peer, jsonc_peer, jsmn_peer;
void cjson_peer_init(void);
const char *cjson_peer_version(void);
void jansson_peer_init(void);
void jsonc_peer_init(void);
void jsmn_peer_init(size_t max_tokens);

/* Allocation counting through the libraries' hooks (peers.c). */
void *bench_counting_malloc(size_t n);
long bench_counted(void);
void bench_reset_counted(void);
long bench_unknown_count(void);
long bench_zero_count(void);
void bench_reset_nothing(void);

extern const peer *const bench_peers[];
extern const size_t bench_peer_count;
void peers_init(size_t max_tokens);

#endif
