#!/bin/sh
# fuzz_small against an earlier revision: the harness's second copy of the
# library (tools/small-copy.sh, DSX_SMALL) is built from the sources of REV,
# so every input must give the same results from that code and this one,
# in the default build and (SMALL=1) the size-optimised one. For rewrites
# that must not change behaviour (docs/FUZZING.md, run 15b).
#   sh tools/fuzz-against.sh REV [SECONDS]
# Replays fuzz/seeds and fuzz/regressions under ASan + UBSan; with SECONDS,
# then runs AFL++ that long (build/fuzz/against/out). Exit 1 on a difference.
set -eu
rev=$1 seconds=${2:-0}
out=build/fuzz/against
flags=${SMALL:+-DDSX_SMALL}
rm -rf "$out"
mkdir -p "$out/old"
git archive "$rev" src include | tar -x -C "$out/old"
here=$(pwd)
san="-fsanitize=address,undefined -fno-sanitize-recover=all"
(cd "$out/old" && sh "$here/tools/small-copy.sh" "$here/$out/old-replay.o" gcc -std=c99 -O1 -g $san)
# shellcheck disable=SC2086
gcc -Iinclude -Isrc -std=c99 -O1 -g $san $flags fuzz/fuzz_small.c src/*.c "$out/old-replay.o" -o "$out/replay"
find fuzz/seeds fuzz/regressions -type f | xargs "$out/replay"
echo "fuzz-against $rev: seeds and regressions give the same results"
[ "$seconds" -gt 0 ] || exit 0
sh tools/ensure-packages.sh afl-clang-fast:afl++
(cd "$out/old" && sh "$here/tools/small-copy.sh" "$here/$out/old-afl.o" afl-clang-fast -std=c99 -O2 -g)
# shellcheck disable=SC2086
afl-clang-fast -Iinclude -Isrc -std=c99 -O2 -g $flags fuzz/fuzz_small.c src/*.c "$out/old-afl.o" -o "$out/afl"
AFL_SKIP_CPUFREQ=1 AFL_NO_UI=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_AFFINITY=1 \
    afl-fuzz -i fuzz/seeds/validate -o "$out/out" -x fuzz/dict/dsx.dict -V "$seconds" -- "$out/afl" > "$out/afl.log" 2>&1 || true
find "$out/out" -path '*queue/id*' -type f | xargs "$out/replay"
crashes=$(find "$out/out" -path '*crashes/id*' -type f | wc -l)
grep -E 'execs_done|saved_crashes' "$out/out/default/fuzzer_stats"
[ "$crashes" -eq 0 ] || { echo "fuzz-against $rev: $crashes differing inputs in $out/out"; exit 1; }
