/*
 * Spec §1: the constant tables match the service model. This test reads
 * ../shared/model/datasync-update-task-execution.json itself (with the
 * library's tokenizer) and compares every name, enum value, their order,
 * the ARN pattern and the limits with what the library compiled in; the
 * defaults are compared with the list in the spec.
 */
#include "helpers.h"
#include "json.h"
#include "model.h"

#define MODEL_PATH DSX_SOURCE_DIR "/../shared/model/datasync-update-task-execution.json"
#define MAX_DEPTH_SEEN 12
#define MAX_LIST 64
#define NAME_LEN 96

typedef struct name_list {
    size_t count;
    char names[MAX_LIST][NAME_LEN];
} name_list;

/* What the test keeps from the model file. */
typedef struct model_facts {
    name_list request_members, request_required;
    name_list options_members, options_shapes;
    name_list enum_owner;          /* shape of each enum value below, in file order */
    name_list enum_values;
    char arn_pattern[256];
    long arn_max;
    long bytes_min;
    char bytes_type[NAME_LEN];
} model_facts;

static char *read_file(const char *path, size_t *length)
{
    FILE *f = fopen(path, "rb");
    char *data;
    long n;
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    n = ftell(f);
    fseek(f, 0, SEEK_SET);
    data = malloc((size_t)n + 1);
    if (fread(data, 1, (size_t)n, f) != (size_t)n) n = 0;
    fclose(f);
    data[n] = '\0';
    *length = (size_t)n;
    return data;
}

/* Copy a name; one that does not fit fails the test rather than being cut. */
static void copy_text(char *dst, size_t cap, const char *s)
{
    size_t n = strlen(s);
    assert_true(n < cap);
    memcpy(dst, s, n + 1);
}

static void push(name_list *l, const char *s)
{
    assert_true(l->count < MAX_LIST);
    copy_text(l->names[l->count++], NAME_LEN, s);
}

/* The path of a value: the keys of the objects around it, '/'-joined. */
static void join_path(char keys[][NAME_LEN], uint32_t depth, char *out, size_t cap)
{
    uint32_t i;
    out[0] = '\0';
    for (i = 0; i < depth; i++) {
        strncat(out, keys[i], cap - strlen(out) - 1);
        if (i + 1 < depth) strncat(out, "/", cap - strlen(out) - 1);
    }
}

static void note_value(model_facts *m, const char *path, const char *text)
{
    char shape[NAME_LEN];
    if (strcmp(path, "shapes/UpdateTaskExecutionRequest/required/[]") == 0) push(&m->request_required, text);
    else if (strcmp(path, "shapes/TaskExecutionArn/pattern") == 0) copy_text(m->arn_pattern, sizeof m->arn_pattern, text);
    else if (strcmp(path, "shapes/TaskExecutionArn/max") == 0) m->arn_max = strtol(text, NULL, 10);
    else if (strcmp(path, "shapes/BytesPerSecond/min") == 0) m->bytes_min = strtol(text, NULL, 10);
    else if (strcmp(path, "shapes/BytesPerSecond/type") == 0) copy_text(m->bytes_type, NAME_LEN, text);
    else if (sscanf(path, "shapes/%95[^/]/enum/[]", shape) == 1 && strstr(path, "/enum/[]")) {
        push(&m->enum_owner, shape);
        push(&m->enum_values, text);
    } else if (strncmp(path, "shapes/Options/members/", 23) == 0 && strstr(path, "/shape")) {
        push(&m->options_shapes, text);
    }
}

static void note_key(model_facts *m, const char *path, const char *key)
{
    if (strcmp(path, "shapes/UpdateTaskExecutionRequest/members") == 0) push(&m->request_members, key);
    if (strcmp(path, "shapes/Options/members") == 0) push(&m->options_members, key);
}

static void read_model(model_facts *m)
{
    char keys[MAX_DEPTH_SEEN][NAME_LEN], path[1024], text[512];
    size_t length = 0;
    char *json = read_file(MODEL_PATH, &length);
    dsx_reader r;
    dsx_token t;
    memset(m, 0, sizeof *m);
    assert_non_null(json);
    assert_int_equal(dsx_check_json(json, length, NULL, NULL), DSX_VALID);
    dsx_reader_init(&r, json, length, MAX_DEPTH_SEEN);
    while (dsx_reader_next(&r, &t) != DSX_TOK_END) {
        assert_int_not_equal(t.kind, DSX_TOK_ERROR);
        if (t.kind == DSX_TOK_ARRAY_BEGIN) copy_text(keys[r.depth - 1], NAME_LEN, "[]");
        if (t.kind != DSX_TOK_KEY && t.kind != DSX_TOK_STRING && t.kind != DSX_TOK_NUMBER) continue;
        if (t.kind == DSX_TOK_NUMBER) {
            snprintf(text, sizeof text, "%.*s", (int)(t.end - t.start), json + t.start);
        } else {
            size_t n = dsx_string_decode(json, &t, text, sizeof text - 1);
            text[n < sizeof text - 1 ? n : sizeof text - 1] = '\0';
        }
        if (t.kind == DSX_TOK_KEY) {
            join_path(keys, r.depth - 1, path, sizeof path);
            note_key(m, path, text);
            copy_text(keys[r.depth - 1], NAME_LEN, text);
        } else {
            join_path(keys, r.depth, path, sizeof path);
            note_value(m, path, text);
        }
    }
    free(json);
}

static void same_name(const dsx_member_info *info, const char *name)
{
    char table_name[NAME_LEN];
    dsx_text_buf buf;
    snprintf(table_name, sizeof table_name, "%.*s", info->name_length, dsx_member_name(info, &buf));
    assert_string_equal(table_name, name);
}

static void request_members_match(void **state)
{
    model_facts *m = malloc(sizeof *m);
    size_t i;
    (void)state;
    read_model(m);
    assert_int_equal(m->request_members.count, DSX_REQUEST_MEMBER_COUNT);
    for (i = 0; i < m->request_members.count; i++) {
        same_name(&dsx_request_members[i], m->request_members.names[i]);
        assert_string_equal(m->request_required.names[i], m->request_members.names[i]);
    }
    assert_int_equal(m->request_required.count, DSX_REQUEST_MEMBER_COUNT);
    assert_int_equal(dsx_request_members[DSX_REQ_TASK_EXECUTION_ARN].kind, DSX_KIND_STRING);
    assert_int_equal(dsx_request_members[DSX_REQ_OPTIONS].kind, DSX_KIND_OBJECT);
    assert_string_equal(m->arn_pattern, dsx_arn_pattern);
    assert_int_equal(m->arn_max, DSX_ARN_MAX);
    assert_int_equal(m->bytes_min, DSX_BYTES_PER_SECOND_MIN);
    assert_string_equal(m->bytes_type, "long");
    free(m);
}

static void option_members_and_values_match(void **state)
{
    model_facts *m = malloc(sizeof *m);
    size_t i, total_values = 0;
    (void)state;
    read_model(m);
    assert_int_equal(m->options_members.count, DSX_OPTION_COUNT);
    for (i = 0; i < DSX_OPTION_COUNT; i++) {
        const dsx_member_info *info = &dsx_option_members[i];
        const char *shape = m->options_shapes.names[i];
        size_t k, listed = 0;
        same_name(info, m->options_members.names[i]);
        if (strcmp(shape, "BytesPerSecond") == 0) {
            assert_int_equal(info->kind, DSX_KIND_LONG);
            continue;
        }
        assert_int_equal(info->kind, DSX_KIND_ENUM);
        for (k = 0; k < m->enum_values.count; k++) {
            const dsx_string_ref *v;
            char value[NAME_LEN];
            dsx_text_buf buf;
            if (strcmp(m->enum_owner.names[k], shape) != 0) continue;
            assert_true(listed < info->value_count);
            v = &dsx_enum_values[info->first_value + listed++];
            snprintf(value, sizeof value, "%.*s", v->length, dsx_value_text(v, &buf));
            assert_string_equal(value, m->enum_values.names[k]);
        }
        assert_int_equal(listed, info->value_count);
        total_values += listed;
    }
    assert_int_equal(total_values, 35);
    free(m);
}

static void defaults_match_the_spec(void **state)
{
    /* spec §1, "Defaults when a member is absent" */
    static const char *const defaults[DSX_OPTION_COUNT] = {
        "POINT_IN_TIME_CONSISTENT", "ALWAYS", "BEST_EFFORT", "PRESERVE", "INT_VALUE",
        "INT_VALUE", "PRESERVE", "NONE", "PRESERVE", "-1", "ENABLED", "OFF", "CHANGED",
        "OWNER_DACL", "PRESERVE"};
    int i;
    (void)state;
    for (i = 0; i < DSX_OPTION_COUNT; i++) {
        const dsx_member_info *info = &dsx_option_members[i];
        const dsx_string_ref *v;
        char value[NAME_LEN];
        dsx_text_buf buf;
        if (info->kind == DSX_KIND_LONG) {
            assert_string_equal(defaults[i], "-1");
            continue;
        }
        v = &dsx_enum_values[info->first_value + dsx_option_defaults[i]];
        snprintf(value, sizeof value, "%.*s", v->length, dsx_value_text(v, &buf));
        assert_string_equal(value, defaults[i]);
    }
}

#ifndef DSX_SMALL   /* a size-optimised build has no look-up by raw bytes (src/model.h) */
static void lookups_use_the_tables(void **state)
{
    (void)state;
    assert_int_equal(dsx_model_find_member(dsx_option_members, DSX_OPTION_COUNT, "ObjectTags", 10),
                     DSX_OPT_OBJECT_TAGS);
    assert_int_equal(dsx_model_find_member(dsx_option_members, DSX_OPTION_COUNT, "ObjectTag", 9), -1);
    assert_int_equal(dsx_model_find_member(dsx_request_members, DSX_REQUEST_MEMBER_COUNT, "Options", 7),
                     DSX_REQ_OPTIONS);
    assert_int_equal(dsx_model_find_value(&dsx_option_members[DSX_OPT_LOG_LEVEL], "TRANSFER", 8),
                     DSX_LOG_LEVEL_TRANSFER);
    assert_int_equal(dsx_model_find_value(&dsx_option_members[DSX_OPT_LOG_LEVEL], "TRANSFE", 7), -1);
}

/* Index of `text` among the option's own values by a plain search, or -1. */
static int listed_index(const dsx_member_info *info, const char *text, size_t n)
{
    int k;
    for (k = 0; k < info->value_count; k++) {
        const dsx_string_ref *v = &dsx_enum_values[info->first_value + k];
        if (v->length == n && memcmp(dsx_value_text(v, NULL), text, n) == 0) return k;
    }
    return -1;
}

/*
 * Every value of the model asked of every enum option (the hashed look-up
 * must find an option's own values and no other option's), and each value
 * cut short by one byte or grown by one.
 */
static void value_lookup_agrees_with_a_plain_search(void **state)
{
    size_t option, other, checked = 0;
    (void)state;
    for (option = 0; option < DSX_OPTION_COUNT; option++) {
        const dsx_member_info *info = &dsx_option_members[option];
        if (info->kind != DSX_KIND_ENUM) continue;
        for (other = 0; other < DSX_OPTION_COUNT; other++) {
            const dsx_member_info *from = &dsx_option_members[other];
            int k;
            for (k = 0; k < from->value_count; k++) {
                const dsx_string_ref *v = &dsx_enum_values[from->first_value + k];
                char text[NAME_LEN + 2];
                memcpy(text, dsx_value_text(v, NULL), v->length);
                text[v->length] = 'X';
                assert_int_equal(dsx_model_find_value(info, text, v->length),
                                 listed_index(info, text, v->length));
                assert_int_equal(dsx_model_find_value(info, text, v->length - 1), -1);
                assert_int_equal(dsx_model_find_value(info, text, v->length + 1), -1);
                checked += 3;
            }
        }
        assert_int_equal(dsx_model_find_value(info, "", 0), -1);
        assert_int_equal(dsx_model_find_value(info, "N", 1), -1);
    }
    assert_int_equal(checked, 14 * 35 * 3);
}
#endif

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(request_members_match),
        cmocka_unit_test(option_members_and_values_match),
        cmocka_unit_test(defaults_match_the_spec),
#ifndef DSX_SMALL
        cmocka_unit_test(lookups_use_the_tables),
        cmocka_unit_test(value_lookup_agrees_with_a_plain_search),
#endif
    };
    return cmocka_run_group_tests_name("spec 1: model tables", tests, NULL, NULL);
}
