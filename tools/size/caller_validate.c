/* Parse + validate only: what a gateway that checks requests links. */
#include "dsx.h"

void dsx_size_entry(void);
extern const char *volatile dsx_size_input;
extern volatile size_t dsx_size_length;
const char *volatile dsx_size_input;
volatile size_t dsx_size_length;
volatile int dsx_size_result;

void dsx_size_entry(void)
{
    dsx_diag items[4];
    dsx_diag_list list = { items, 4, 0, 0, 0, 0 };
    dsx_request request;
    dsx_size_result = (int)dsx_validate_request(dsx_size_input, dsx_size_length, NULL,
                                                &request, &list);
    for (;;) {}
}
