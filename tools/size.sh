#!/bin/sh
# make size: cross-build the library with -Os for Cortex-M0+, Cortex-M4 and
# RV32IMC and print flash and RAM for parse+validate only, parse+validate+
# emit (each linked from a small caller with --gc-sections) and the whole
# library. Fails when Cortex-M4 is over budget: parse+validate <= 4 KiB,
# whole library <= 12 KiB, .data + .bss = 0.
# Flash of a subset = image text+data minus an image with no dsx call (the
# string functions it links, from tools/size/mini_libc.c, are counted).
# Also fails when the library needs more than <string.h> and libgcc's
# integer helpers, or when the parse+validate image links the kept list.
# SIZE_WHOLE_BUDGET=report (make size-checks, run by CI) prints the whole
# library's overrun without failing on it; everything else still fails,
# the parse+validate budget included.
set -eu
whole_budget=${SIZE_WHOLE_BUDGET:-enforce}
out=build/size
BUDGET_VALIDATE=4096
BUDGET_WHOLE=12288
mkdir -p "$out"
COMMON="-Os -ffreestanding -std=c99 -Wall -Wextra -Wpedantic -Werror -ffunction-sections -fdata-sections -DDSX_NO_DEFAULT_ALLOCATOR -idirafter tools/size/include"
M4="-mcpu=cortex-m4 -mthumb"

# compile_library DIR PREFIX FLAGS...: every library source into DIR (emptied first).
compile_library() {
    cdir=$1 cprefix=$2
    shift 2
    rm -rf "$cdir"
    mkdir -p "$cdir"
    for f in src/*.c; do
        "$cprefix-gcc" "$@" -Iinclude -c "$f" -o "$cdir/$(basename "$f" .c).o"
    done
}

status=0
printf '%-14s %10s %10s %10s %10s %12s\n' target validate +emit whole data+bss "(bytes)"
for spec in "cortex-m0plus arm-none-eabi -mcpu=cortex-m0plus -mthumb" \
            "cortex-m4 arm-none-eabi $M4" \
            "rv32imc riscv64-unknown-elf -march=rv32imc -mabi=ilp32"; do
    set -- $spec
    target=$1 prefix=$2
    shift 2
    flags="$* $COMMON"
    dir=$out/$target
    # shellcheck disable=SC2086
    compile_library "$dir" "$prefix" $flags
    "$prefix-ar" rcs "$dir/libdsx.a" "$dir"/*.o
    # Freestanding: only <string.h> functions and integer helpers from libgcc.
    outside=$("$prefix-nm" -u "$dir"/*.o | awk 'NF == 2 {print $2}' | grep -v '^dsx_' | sort -u |
              grep -vxE 'mem(chr|cmp|cpy|move|set)|str(cmp|len)|__aeabi_(uldivmod|ldivmod|uidiv|uidivmod|idiv|idivmod|llsl|llsr|lasr|lmul)|__(u?div|u?mod|mul|ashl|ashr|lshr)di3|__gnu_thumb1_case_[su](qi|hi|si)' || true)
    if [ -n "$outside" ]; then echo "$target: the library needs more than <string.h> and integer helpers (floating point?): $outside"; status=1; fi
    whole=$("$prefix-size" -t "$dir/libdsx.a" | awk 'END {print $1 + $2}')
    ram=$("$prefix-size" -t "$dir/libdsx.a" | awk 'END {print $2 + $3}')
    for caller in none validate emit; do
        # shellcheck disable=SC2086
        "$prefix-gcc" $flags -Iinclude -nostdlib -nostartfiles -Wl,--gc-sections \
            -Wl,-e,dsx_size_entry "tools/size/caller_$caller.c" tools/size/mini_libc.c \
            "$dir/libdsx.a" -lgcc -o "$dir/$caller.elf"
        eval "image_$caller=\$($prefix-size $dir/$caller.elf | awk 'NR == 2 {print \$1 + \$2}')"
    done
    # A gateway that only validates links none of the kept list (src/validate.c, add_kept).
    if "$prefix-nm" "$dir/validate.elf" | grep -q ' dsx_kept_'; then
        echo "$target: the parse+validate image links the kept list"; status=1
    fi
    validate=$((image_validate - image_none))
    emit=$((image_emit - image_none))
    printf '%-14s %10s %10s %10s %10s\n' "$target" "$validate" "$emit" "$whole" "$ram"
    if [ "$target" = cortex-m4 ]; then
        if [ "$validate" -gt $BUDGET_VALIDATE ]; then echo "over budget: parse+validate $validate > $BUDGET_VALIDATE"; status=1; fi
        if [ "$whole" -gt $BUDGET_WHOLE ]; then
            echo "over budget: whole library $whole > $BUDGET_WHOLE"
            if [ "$whole_budget" = report ]; then echo "(whole library's budget reported, not enforced: make size-checks)"; else status=1; fi
        fi
        if [ "$ram" -ne 0 ]; then echo "over budget: .data + .bss $ram > 0"; status=1; fi
    fi
done
# What the feature switches (docs/PORTING.md) take off the whole library, on
# Cortex-M4. For information: the budget above is the default build's.
echo
echo "cortex-m4, whole library by feature switches (bytes):"
dir=$out/configs
for switches in "" "-DDSX_NO_BOTOCORE" "-DDSX_NO_MESSAGES" "-DDSX_NO_MESSAGES -DDSX_NO_RESPONSE" \
                "-DDSX_NO_MESSAGES -DDSX_NO_RESPONSE -DDSX_NO_EMITTER"; do
    # shellcheck disable=SC2086
    compile_library "$dir" arm-none-eabi $M4 $COMMON $switches
    printf '  %-56s %6s\n' "${switches:-(none)}" "$(arm-none-eabi-size -t "$dir"/*.o | awk 'END {print $1 + $2}')"
done
exit $status
