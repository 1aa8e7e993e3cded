#!/bin/sh
# A long AFL++ campaign over every harness, then a summary.
# usage: tools/fuzz-campaign.sh SECONDS_PER_HARNESS INSTANCES [OUT]
#        (HARNESSES="fuzz_json fuzz_http" picks some; the default is all seven)
# Each harness runs INSTANCES afl-fuzz processes (one -M, the rest -S) for
# SECONDS; then the executions, coverage and findings of every instance are
# summed into OUT/summary.txt, and every queue entry, crash and hang is
# replayed under ASan + UBSan (build/fuzz/replay/, built here). Build first: make fuzz.
set -u
seconds=${1:-600}
instances=${2:-2}
out=${3:-build/fuzz/campaign}
mkdir -p "$out"
export AFL_SKIP_CPUFREQ=1 AFL_NO_UI=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_AFFINITY=1
seeds_of() {
    case $1 in
        fuzz_request|fuzz_options|fuzz_small) echo validate ;;
        fuzz_json) echo json ;;
        fuzz_roundtrip) echo roundtrip ;;
        fuzz_response) echo response ;;
        *) echo http ;;
    esac
}
all="fuzz_request fuzz_options fuzz_json fuzz_roundtrip fuzz_response fuzz_http fuzz_small"
harnesses=${HARNESSES:-$all}
for h in $harnesses; do
    i=0
    while [ "$i" -lt "$instances" ]; do
        role="-S s$i"
        [ "$i" -eq 0 ] && role="-M m0"
        # shellcheck disable=SC2086
        afl-fuzz -i "fuzz/seeds/$(seeds_of $h)" -o "$out/$h" -x fuzz/dict/dsx.dict $role \
            -V "$seconds" -- "build/fuzz/afl/$h" > "$out/$h.$i.log" 2>&1 &
        i=$((i + 1))
    done
    wait
done
{
    echo "harness execs paths crashes hangs bitmap_cvg"
    total=0
    for h in $harnesses; do
        execs=0 paths=0 crashes=0 hangs=0 cvg=""
        for s in "$out/$h"/*/fuzzer_stats; do
            execs=$((execs + $(awk '/^execs_done/ {print $3}' "$s")))
            paths=$((paths + $(awk '/^corpus_count/ {print $3}' "$s")))
            crashes=$((crashes + $(awk '/^saved_crashes/ {print $3}' "$s")))
            hangs=$((hangs + $(awk '/^saved_hangs/ {print $3}' "$s")))
            cvg=$(awk '/^bitmap_cvg/ {print $3}' "$s")
        done
        total=$((total + execs))
        echo "$h $execs $paths $crashes $hangs $cvg"
    done
    echo "total $total"
} > "$out/summary.txt"
cat "$out/summary.txt"
# The ASan + UBSan builds (make fuzz builds the AFL++ ones only): without
# them every entry would read as a failed replay.
for h in $harnesses; do make -s "build/fuzz/replay/$h" || exit 1; done
for h in $harnesses; do
    for f in "$out/$h"/*/queue/id* "$out/$h"/*/crashes/id* "$out/$h"/*/hangs/id*; do
        [ -e "$f" ] || continue
        "build/fuzz/replay/$h" "$f" > /dev/null 2>&1 || echo "REPLAY FAILS: $h $f"
    done
done | tee "$out/replay.txt"
echo "campaign done"
