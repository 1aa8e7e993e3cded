/* jsmn: tokenize, and tokenize + the checks over its tokens. */
#include "peers.h"
#include "peer_checks.h"

#include <jsmn.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- jsmn: tokens only (no unescaping, no number conversion, lenient) ---- */

static jsmntok_t *tokens;
static unsigned token_capacity;

static int jsmn_tokenize(const char *s, size_t n)
{
    jsmn_parser p;
    jsmn_init(&p);
    return jsmn_parse(&p, s, n, tokens, token_capacity);
}

static int jsmn_only_parse(const char *s, size_t n)
{
    return jsmn_tokenize(s, n) > 0;
}

/* Index of the token after the value at i (jsmn's sizes count children). */
static int jsmn_skip(int i)
{
    int pending = 1;
    while (pending > 0) {
        pending += tokens[i].size - 1;
        i++;
    }
    return i;
}

static void jsmn_value(const char *s, int i, pc_value *v)
{
    const jsmntok_t *t = &tokens[i];
    memset(v, 0, sizeof *v);
    v->kind = PC_OTHER;
    if (t->type == JSMN_STRING) {
        v->kind = PC_STRING;
        v->string = s + t->start;
        v->length = (size_t)(t->end - t->start);
    } else if (t->type == JSMN_OBJECT) {
        v->kind = PC_OBJECT;
    } else if (t->type == JSMN_PRIMITIVE && s[t->start] == 'n') {
        v->kind = PC_NULL;
    } else if (t->type == JSMN_PRIMITIVE && (s[t->start] == '-' || (s[t->start] >= '0' && s[t->start] <= '9'))) {
        char buf[32], *end;
        size_t len = (size_t)(t->end - t->start);
        v->kind = PC_NUMBER;
        if (len < sizeof buf) {
            memcpy(buf, s + t->start, len);
            buf[len] = '\0';
            v->integer = strtoll(buf, &end, 10);
            if (*end == '\0') v->kind = PC_INTEGER;
            else v->number = strtod(buf, NULL);
        }
    }
}

/* Members of the object at i: name token, then value; returns the index after it. */
static int jsmn_walk(const char *s, int i, pc_state *st, int request)
{
    int count = tokens[i].size, k;
    pc_value v;
    i++;
    for (k = 0; k < count; k++) {
        const jsmntok_t *name = &tokens[i];
        int value = i + 1;
        jsmn_value(s, value, &v);
        if (!request) {
            pc_option_member(st, s + name->start, (size_t)(name->end - name->start), &v);
        } else if (pc_request_member(st, s + name->start, (size_t)(name->end - name->start), &v)) {
            jsmn_walk(s, value, st, 0);
            pc_end_options(st);
        }
        i = jsmn_skip(value);
    }
    return i;
}

static int jsmn_check(const char *s, size_t n, int options_document, int wire)
{
    pc_state st;
    if (jsmn_tokenize(s, n) <= 0) return -1;
    pc_begin(&st, !options_document, wire);
    if (tokens[0].type != JSMN_OBJECT) {
        st.errors++;
    } else if (options_document) {
        jsmn_walk(s, 0, &st, 0);
        pc_end_options(&st);
    } else {
        jsmn_walk(s, 0, &st, 1);
        pc_end_request(&st);
    }
    return st.errors;
}

const peer jsmn_peer = {"jsmn", "1.1.0", jsmn_only_parse, jsmn_check, bench_zero_count, bench_reset_nothing};


void jsmn_peer_init(size_t max_tokens)
{
    token_capacity = (unsigned)max_tokens;
    tokens = calloc(max_tokens, sizeof *tokens);
    if (!tokens) {
        fputs("bench: out of memory\n", stderr);
        exit(2);
    }
}
