/*
 * The model's checks written plainly (strcmp tables, a hand matcher for the
 * ARN), for the peers' "parse + checks" rows. Each peer walks its own tree
 * and feeds the members here; the count of problems must match dsx's.
 */
#ifndef BENCH_PEER_CHECKS_H
#define BENCH_PEER_CHECKS_H

#include <stddef.h>
#include <stdint.h>

typedef enum pc_kind { PC_STRING, PC_INTEGER, PC_NUMBER, PC_OBJECT, PC_NULL, PC_OTHER } pc_kind;

typedef struct pc_value {
    pc_kind kind;
    const char *string;   /* PC_STRING: the decoded bytes */
    size_t length;
    int64_t integer;      /* PC_INTEGER */
    double number;        /* PC_NUMBER (a fraction or exponent, or too big) */
} pc_value;

typedef struct pc_state {
    int errors;
    int in_request;       /* a request's Options: only BytesPerSecond may be given */
    int wire;             /* the wire profile: unknown skipped, null absent, 1e3 an integer */
    unsigned request_seen;
    unsigned options_seen;
    int values[16];       /* enum index per option, -1 when absent or invalid */
} pc_state;

void pc_begin(pc_state *s, int in_request, int wire);
/* A request member; returns 1 when it is an Options object the caller must walk. */
int pc_request_member(pc_state *s, const char *name, size_t n, const pc_value *v);
void pc_option_member(pc_state *s, const char *name, size_t n, const pc_value *v);
void pc_end_options(pc_state *s);
void pc_end_request(pc_state *s);

#endif
