/* Harness: dsx_validate_options_kept and every renderer. */
#define FUZZ_REQUEST 0
#include "fuzz_validate.h"
