/* json-c: parse, and parse + the checks over its tree. */
#include "peers.h"
#include "peer_checks.h"

#include <json-c/json.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- json-c ---- */

static struct json_tokener *tokener;

static struct json_object *jsonc_load(const char *s, size_t n)
{
    struct json_object *root;
    json_tokener_reset(tokener);
    root = json_tokener_parse_ex(tokener, s, (int)n);
    if (root && json_tokener_get_error(tokener) != json_tokener_success) {
        json_object_put(root);
        return NULL;
    }
    return root;
}

static int jsonc_parse(const char *s, size_t n)
{
    struct json_object *root = jsonc_load(s, n);
    json_object_put(root);
    return root != NULL;
}

static void jsonc_value(struct json_object *item, pc_value *v)
{
    memset(v, 0, sizeof *v);
    v->kind = PC_OTHER;
    switch (json_object_get_type(item)) {
    case json_type_string:
        v->kind = PC_STRING;
        v->string = json_object_get_string(item);
        v->length = (size_t)json_object_get_string_len(item);
        break;
    case json_type_int:
        v->kind = PC_INTEGER;
        v->integer = json_object_get_int64(item);
        break;
    case json_type_double:
        v->kind = PC_NUMBER;
        v->number = json_object_get_double(item);
        break;
    case json_type_object: v->kind = PC_OBJECT; break;
    case json_type_null: v->kind = PC_NULL; break;
    default: break;
    }
}

/* json-c also keeps the last of repeated names. */
static int jsonc_check(const char *s, size_t n, int options_document, int wire)
{
    struct json_object *root = jsonc_load(s, n);
    pc_state st;
    pc_value v;
    if (!root) return -1;
    pc_begin(&st, !options_document, wire);
    if (!json_object_is_type(root, json_type_object)) {
        st.errors++;
    } else if (options_document) {
        json_object_object_foreach(root, key, item) {
            jsonc_value(item, &v);
            pc_option_member(&st, key, strlen(key), &v);
        }
        pc_end_options(&st);
    } else {
        json_object_object_foreach(root, key, item) {
            jsonc_value(item, &v);
            if (!pc_request_member(&st, key, strlen(key), &v)) continue;
            {
                json_object_object_foreach(item, option_key, option) {
                    jsonc_value(option, &v);
                    pc_option_member(&st, option_key, strlen(option_key), &v);
                }
            }
            pc_end_options(&st);
        }
        pc_end_request(&st);
    }
    json_object_put(root);
    return st.errors;
}

const peer jsonc_peer = {"json-c", JSON_C_VERSION, jsonc_parse, jsonc_check,
                                bench_unknown_count, bench_reset_nothing};


void jsonc_peer_init(void)
{
    tokener = json_tokener_new();
    if (!tokener) {
        fputs("bench: out of memory\n", stderr);
        exit(2);
    }
}
