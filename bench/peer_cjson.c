/* cJSON: parse, and parse + the checks over its tree. */
#include "peers.h"
#include "peer_checks.h"

#include <cjson/cJSON.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- cJSON ---- */

static int cjson_parse(const char *s, size_t n)
{
    cJSON *root = cJSON_ParseWithLength(s, n);
    cJSON_Delete(root);
    return root != NULL;
}

static void cjson_value(const cJSON *item, pc_value *v)
{
    memset(v, 0, sizeof *v);
    v->kind = PC_OTHER;
    if (cJSON_IsString(item)) {
        v->kind = PC_STRING;
        v->string = item->valuestring;
        v->length = strlen(item->valuestring);
    } else if (cJSON_IsNumber(item)) {
        double d = item->valuedouble;
        v->kind = PC_NUMBER;
        v->number = d;
        if (d >= -9.2e18 && d <= 9.2e18 && (double)(long long)d == d) {
            v->kind = PC_INTEGER;
            v->integer = (long long)d;
        }
    } else if (cJSON_IsObject(item)) {
        v->kind = PC_OBJECT;
    } else if (cJSON_IsNull(item)) {
        v->kind = PC_NULL;
    }
}

static int cjson_check(const char *s, size_t n, int options_document, int wire)
{
    cJSON *root = cJSON_ParseWithLength(s, n), *item, *option;
    pc_state st;
    pc_value v;
    if (!root) return -1;
    pc_begin(&st, !options_document, wire);
    if (!cJSON_IsObject(root)) {
        st.errors++;
    } else if (options_document) {
        for (item = root->child; item; item = item->next) {
            cjson_value(item, &v);
            pc_option_member(&st, item->string, strlen(item->string), &v);
        }
        pc_end_options(&st);
    } else {
        for (item = root->child; item; item = item->next) {
            cjson_value(item, &v);
            if (!pc_request_member(&st, item->string, strlen(item->string), &v)) continue;
            for (option = item->child; option; option = option->next) {
                cjson_value(option, &v);
                pc_option_member(&st, option->string, strlen(option->string), &v);
            }
            pc_end_options(&st);
        }
        pc_end_request(&st);
    }
    cJSON_Delete(root);
    return st.errors;
}

const peer cjson_peer = {"cJSON", "?", cjson_parse, cjson_check, bench_counted, bench_reset_counted};


void cjson_peer_init(void)
{
    cJSON_Hooks hooks = {bench_counting_malloc, free};
    cJSON_InitHooks(&hooks);
}

const char *cjson_peer_version(void) { return cJSON_Version(); }
