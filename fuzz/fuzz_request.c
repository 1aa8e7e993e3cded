/* Harness: dsx_validate_request_kept and every renderer. */
#define FUZZ_REQUEST 1
#include "fuzz_validate.h"
