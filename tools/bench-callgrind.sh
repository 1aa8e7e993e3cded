#!/bin/sh
# Instructions per document under callgrind, for dsx and its peers: each
# contender runs 1000 and 2000 times, and the difference / 1000 is printed,
# so start-up and input building cancel out. Stable under machine noise.
#   sh tools/bench-callgrind.sh build/bench/bench [WHO...]
set -e
bench=$1
shift
who=${*:-"dsx check-json jsmn cJSON cJSON+checks jsmn+checks"}
inputs="request Options"
count() {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bench" --callgrind "$1" "$2" "$3" 2>&1 |
        sed -n 's/.*Collected : *\([0-9]*\).*/\1/p'
}
printf '%-16s' "instructions/doc"
for input in $inputs; do printf ' %12s' "$input"; done
printf '\n'
for w in $who; do
    printf '%-16s' "$w"
    for input in $inputs; do
        one=$(count "$w" "$input" 1000)
        two=$(count "$w" "$input" 2000)
        printf ' %12d' $(( (two - one) / 1000 ))
    done
    printf '\n'
done
