#!/bin/sh
# make stack: worst-case stack of validation on Cortex-M4 (GCC -fstack-usage
# and -fcallgraph-info=su, summed along the call graph by tools/stack.py).
set -eu
out=build/stack/cortex-m4
rm -rf "$out"
mkdir -p "$out"
flags="-mcpu=cortex-m4 -mthumb -Os -ffreestanding -std=c99 -Wall -Wextra -Wpedantic -Werror \
       -DDSX_NO_DEFAULT_ALLOCATOR -idirafter tools/size/include -fstack-usage -fcallgraph-info=su"
for f in src/*.c tools/size/mini_libc.c; do
    # shellcheck disable=SC2086
    arm-none-eabi-gcc $flags -Iinclude -c "$f" -o "$out/$(basename "$f" .c).o"
done
python3 tools/stack.py "${STACK_BUDGET:-384}" "$out"/*.ci
