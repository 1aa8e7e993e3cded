/* The smallest Cortex-M start: a stack pointer and a reset handler that
   enters newlib's _start (rdimon specs), which clears .bss and calls main. */
#include <stdint.h>

extern void _start(void);
extern uint32_t __StackTop;
void reset_handler(void);

void reset_handler(void)
{
    _start();
    for (;;) {}
}

__attribute__((section(".vectors"), used))
static const void *const vectors[2] = { &__StackTop, (const void *)reset_handler };
