#!/bin/sh
# A size-optimised copy of the library (DSX_SMALL) for fuzz/fuzz_small.c:
# every library source compiled with the given compiler and flags plus
# -DDSX_SMALL, linked into one relocatable object whose global symbols are
# renamed small_*, so that it links beside the default build.
# usage: tools/small-copy.sh OUT.o CC [FLAGS...]
set -eu
out=$1 cc=$2
shift 2
dir=$out.parts
rm -rf "$dir"
mkdir -p "$dir"
for f in src/*.c; do
    "$cc" "$@" -DDSX_SMALL -Iinclude -Isrc -c "$f" -o "$dir/$(basename "$f" .c).o"
done
ld -r "$dir"/*.o -o "$dir/all.o"
nm --defined-only -g "$dir/all.o" | awk 'NF == 3 {print $3, "small_" $3}' > "$dir/names"
objcopy --redefine-syms="$dir/names" "$dir/all.o" "$out"
