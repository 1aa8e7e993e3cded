/* Parse + validate + emit: a gateway that rewrites requests canonically. */
#include "dsx.h"

void dsx_size_entry(void);
const char *volatile dsx_size_input;
volatile size_t dsx_size_length;
volatile int dsx_size_result;
char dsx_size_output[512];

void dsx_size_entry(void)
{
    dsx_diag items[4];
    dsx_diag_list list = { items, 4, 0, 0, 0, 0 };
    dsx_request request;
    dsx_size_result = (int)dsx_validate_request(dsx_size_input, dsx_size_length, NULL,
                                                &request, &list);
    dsx_size_result += (int)dsx_emit_request(&request, NULL, 0, dsx_size_output,
                                             sizeof dsx_size_output);
    for (;;) {}
}
