/*
 * Harness: dsx_check_json. The JSON layer and the schema layer must agree:
 * a text is malformed for one exactly when it is malformed for the other,
 * with the same diagnostic.
 */
#include "fuzz_common.h"

static void fuzz_one(const uint8_t *data, size_t size)
{
    dsx_diag json_diag, schema_items[4];
    dsx_diag_list schema;
    dsx_config c;
    dsx_result r, s;
    if (size < 1) return;
    c = fuzz_config(data[0]);
    memset(&schema, 0, sizeof schema);
    schema.items = schema_items;
    schema.capacity = 4;
    r = dsx_check_json((const char *)data + 1, size - 1, &c, &json_diag);
    fuzz_check(r == DSX_VALID || r == DSX_MALFORMED);
    s = dsx_validate_options((const char *)data + 1, size - 1, &c, NULL, &schema);
    fuzz_check((r == DSX_MALFORMED) == (s == DSX_MALFORMED));
    if (r == DSX_MALFORMED) {
        fuzz_check(json_diag.code == schema_items[0].code);
        fuzz_check(json_diag.offset == schema_items[0].offset);
        fuzz_check(json_diag.line == schema_items[0].line && json_diag.column == schema_items[0].column);
    }
}
