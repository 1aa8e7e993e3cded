/* jansson: parse, and parse + the checks over its tree. */
#include "peers.h"
#include "peer_checks.h"

#include <jansson.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- jansson ---- */

static int jansson_parse(const char *s, size_t n)
{
    json_error_t error;
    json_t *root = json_loadb(s, n, 0, &error);
    json_decref(root);
    return root != NULL;
}

static void jansson_value(json_t *item, pc_value *v)
{
    memset(v, 0, sizeof *v);
    v->kind = PC_OTHER;
    if (json_is_string(item)) {
        v->kind = PC_STRING;
        v->string = json_string_value(item);
        v->length = json_string_length(item);
    } else if (json_is_integer(item)) {
        v->kind = PC_INTEGER;
        v->integer = json_integer_value(item);
    } else if (json_is_real(item)) {
        v->kind = PC_NUMBER;
        v->number = json_real_value(item);
    } else if (json_is_object(item)) {
        v->kind = PC_OBJECT;
    } else if (json_is_null(item)) {
        v->kind = PC_NULL;
    }
}

/* jansson keeps the last of repeated names: a duplicate cannot be seen. */
static int jansson_check(const char *s, size_t n, int options_document, int wire)
{
    json_error_t error;
    json_t *root = json_loadb(s, n, 0, &error), *item, *option;
    const char *key, *option_key;
    pc_state st;
    pc_value v;
    if (!root) return -1;
    pc_begin(&st, !options_document, wire);
    if (!json_is_object(root)) {
        st.errors++;
    } else if (options_document) {
        json_object_foreach(root, key, item) {
            jansson_value(item, &v);
            pc_option_member(&st, key, strlen(key), &v);
        }
        pc_end_options(&st);
    } else {
        json_object_foreach(root, key, item) {
            jansson_value(item, &v);
            if (!pc_request_member(&st, key, strlen(key), &v)) continue;
            json_object_foreach(item, option_key, option) {
                jansson_value(option, &v);
                pc_option_member(&st, option_key, strlen(option_key), &v);
            }
            pc_end_options(&st);
        }
        pc_end_request(&st);
    }
    json_decref(root);
    return st.errors;
}

const peer jansson_peer = {"jansson", JANSSON_VERSION, jansson_parse, jansson_check,
                                  bench_counted, bench_reset_counted};


void jansson_peer_init(void)
{
    json_set_alloc_funcs(bench_counting_malloc, free);
}
