/* simdjson and RapidJSON, merely parsing (bench/fast_peers.cpp). */
#ifndef BENCH_FAST_PEERS_H
#define BENCH_FAST_PEERS_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct fast_peer {
    const char *name;
    /* 1 when parsed; the buffer holds `capacity` readable bytes (padding after the text). */
    int (*parse)(const char *s, size_t n, size_t capacity);
} fast_peer;

const fast_peer *fast_peers(size_t *count);

/*
 * simdjson's own NDJSON reader (parse_many) over s[0..n), which carries
 * fast_peer_padding() readable bytes after it: the documents parsed, or -1
 * at an error.
 */
long simdjson_ndjson_documents(const char *s, size_t n);
size_t fast_peer_padding(void);
const char *fast_peer_versions(void);

#ifdef __cplusplus
}
#endif

#endif
