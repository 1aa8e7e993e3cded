/* The README's library example, compiled by `make test` so it stays true. */
#include <stdio.h>
#include <string.h>

#include "dsx.h"

static void set_limit(const char *arn, long long bytes_per_second)
{
    printf("limit %s to %lld bytes/s\n", arn, bytes_per_second);
}

int main(int argc, char **argv)
{
    const char *json = argc > 1 ? argv[1] : "{}";
    size_t json_len = strlen(json);
    dsx_diag items[8];
    dsx_diag_list diags = {items, 8, 0, 0, 0, 0};
    dsx_request req;
    dsx_config cfg;
    size_t i;
    dsx_config_init(&cfg, DSX_PROFILE_STRICT);

    if (dsx_validate_request(json, json_len, &cfg, &req, &diags) == DSX_VALID) {
        if (req.options.present & DSX_BIT(DSX_OPT_BYTES_PER_SECOND))
            set_limit(req.task_execution_arn, (long long)req.options.bytes_per_second);
        return 0;
    }
    for (i = 0; i < diags.stored; i++) {
        char msg[512];
        dsx_diag_message(&items[i], json, json_len, msg, sizeof msg);
        printf("%u:%u: %s [%s]\n", (unsigned)items[i].line, (unsigned)items[i].column,
               msg, dsx_code_name((dsx_code)items[i].code));
    }
    return 1;
}
