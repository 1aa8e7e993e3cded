#!/bin/sh
# Spec §8: the command-line tool. Exact output lines and exit statuses.
# usage: tests/cli_test.sh build/dsx
set -u
DSX=${1:-build/dsx}
case $DSX in /*) ;; *) DSX=$(pwd)/$DSX ;; esac
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
cd "$TMP" || exit 2
# DSX_WRAP (e.g. a valgrind command line) runs the tool under a wrapper.
if [ -n "${DSX_WRAP:-}" ]; then
    printf '#!/bin/sh\nexec %s "%s" "$@"\n' "$DSX_WRAP" "$DSX" > "$TMP/wrapped-dsx"
    chmod +x "$TMP/wrapped-dsx"
    DSX=$TMP/wrapped-dsx
fi
passed=0
failed=0

ARN='arn:aws:datasync:us-east-1:123456789012:task/task-0123456789abcdef0/execution/exec-0123456789abcdef0'
printf '{"TaskExecutionArn":"%s","Options":{"BytesPerSecond":1048576}}' "$ARN" > valid.json
printf '{"Options":{"BytesPerSecond":-2,"VerifyMode":"NONE","Foo":1}}' > invalid.json
printf '{"Atime":"NONE","Mtime":"PRESERVE"}\n' > options.json
printf '{"TaskExecutionArn":"%s","Options":{}} x' "$ARN" > malformed.json
printf '{"TaskExecutionArn":"%s","Options":{"BytesPerSecond":1e3,"VerifyMode":"NONE","Foo":1}}' "$ARN" > wire.json

# check NAME WANT_STATUS WANT_STDOUT_FILE COMMAND...
check() {
    name=$1 want_status=$2 want_file=$3
    shift 3
    "$@" > out.txt 2> err.txt < "${STDIN:-/dev/null}"
    status=$?
    if [ "$status" -eq "$want_status" ] && cmp -s out.txt "$want_file"; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAIL: $name (status $status, wanted $want_status)"
        echo "--- got stdout:"; cat out.txt
        echo "--- wanted:"; cat "$want_file"
        echo "--- stderr:"; cat err.txt
    fi
}

want() { printf '%s\n' "$@" > want.txt; }
nothing() { : > want.txt; }
stderr_has() {
    if grep -q -- "$1" err.txt; then passed=$((passed + 1)); else
        failed=$((failed + 1)); echo "FAIL: stderr lacks '$1':"; cat err.txt; fi
}

MSG_RANGE="Value '-2' at 'options.bytesPerSecond' failed to satisfy constraint: Member must have value greater than or equal to -1"
MSG_NOTUPD="Value 'NONE' at 'options.verifyMode' failed to satisfy constraint: Member cannot be updated by UpdateTaskExecution; only BytesPerSecond can"
MSG_UNKNOWN="Value 'Foo' at 'options' failed to satisfy constraint: Member name must satisfy enum value set: [VerifyMode, OverwriteMode, Atime, Mtime, Uid, Gid, PreserveDeletedFiles, PreserveDevices, PosixPermissions, BytesPerSecond, TaskQueueing, LogLevel, TransferMode, SecurityDescriptorCopyFlags, ObjectTags]"
MSG_REQUIRED="Value null at 'taskExecutionArn' failed to satisfy constraint: Member must not be null"

# ---- help and version ----
printf 'dsx 0.1.0\n' > want.txt
check "--version" 0 want.txt "$DSX" --version
"$DSX" --help > help.txt; grep -q "^usage: dsx COMMAND" help.txt && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: --help"; }
"$DSX" validate --help > help.txt; grep -q "^usage: dsx validate" help.txt && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: validate --help"; }
"$DSX" check-json --help > help.txt; grep -q "^usage: dsx check-json" help.txt && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: check-json --help"; }

# ---- usage errors: status 2, nothing on stdout ----
nothing
check "no command" 2 want.txt "$DSX"
check "unknown command" 2 want.txt "$DSX" frobnicate
stderr_has "unknown command: frobnicate"
check "unknown option" 2 want.txt "$DSX" validate --bogus valid.json
stderr_has "unknown option: --bogus"
check "bad profile" 2 want.txt "$DSX" validate --profile lax valid.json
check "bad format" 2 want.txt "$DSX" validate --format yaml valid.json
check "bad max-errors" 2 want.txt "$DSX" validate --max-errors -1 valid.json
check "missing value" 2 want.txt "$DSX" validate valid.json --profile

# ---- validate, text ----
nothing
check "valid file" 0 want.txt "$DSX" validate valid.json
want "invalid.json:1:30: error: $MSG_RANGE [range]" \
     "invalid.json:1:46: error: $MSG_NOTUPD [not_updatable]" \
     "invalid.json:1:59: error: $MSG_UNKNOWN [unknown_member]" \
     "invalid.json:1:61: error: $MSG_REQUIRED [required]"
check "invalid file" 1 want.txt "$DSX" validate invalid.json
want "invalid.json:1:30: error: $MSG_RANGE [range]"
check "max-errors" 1 want.txt "$DSX" validate --max-errors 1 invalid.json
want "malformed.json:1:138: error: Malformed JSON: unexpected data after the JSON value [syntax]"
check "malformed" 1 want.txt "$DSX" validate malformed.json
want "wire.json:1:169: warning: $MSG_NOTUPD [not_updatable]"
check "wire warning" 0 want.txt "$DSX" validate --profile wire wire.json
check "wire warning, options after file" 0 want.txt "$DSX" validate wire.json --profile=wire
want "options.json:1:25: error: Value 'PRESERVE' at 'mtime' failed to satisfy constraint: Member must be NONE when Atime is NONE [conflict]"
check "options document" 1 want.txt "$DSX" validate --options options.json
want "<stdin>:1:30: error: $MSG_RANGE [range]"
STDIN=invalid.json check "stdin by dash" 1 want.txt "$DSX" validate --max-errors 1 -
STDIN=invalid.json check "stdin by default" 1 want.txt "$DSX" validate --max-errors=1
nothing
check "several valid files" 0 want.txt "$DSX" validate valid.json valid.json
want "invalid.json:1:30: error: $MSG_RANGE [range]"
check "one invalid among several" 1 want.txt "$DSX" validate --max-errors 1 valid.json invalid.json valid.json

# ---- I/O errors: status 2, a message naming the file, the others still checked ----
nothing
check "missing file" 2 want.txt "$DSX" validate no-such-file.json
stderr_has "cannot open no-such-file.json"
want "invalid.json:1:30: error: $MSG_RANGE [range]"
check "missing among others" 2 want.txt "$DSX" validate --max-errors 1 invalid.json no-such-file.json valid.json
mkdir adir
nothing
check "directory" 2 want.txt "$DSX" validate adir
stderr_has "adir"

# ---- validate, json ----
want '{"file":"valid.json","valid":true,"errors":[],"warnings":[],"summary":null,"error_count":0}'
check "json valid" 0 want.txt "$DSX" validate --format json valid.json
want "{\"file\":\"invalid.json\",\"valid\":false,\"errors\":[{\"code\":\"range\",\"path\":\"/Options/BytesPerSecond\",\"offset\":29,\"line\":1,\"column\":30,\"message\":\"$MSG_RANGE\"},{\"code\":\"not_updatable\",\"path\":\"/Options/VerifyMode\",\"offset\":45,\"line\":1,\"column\":46,\"message\":\"$MSG_NOTUPD\"}],\"warnings\":[],\"summary\":\"4 validation errors detected: $MSG_RANGE; $MSG_NOTUPD\",\"error_count\":4}"
check "json invalid, max-errors 2" 1 want.txt "$DSX" validate --format json --max-errors 2 invalid.json
want "{\"file\":\"wire.json\",\"valid\":true,\"errors\":[],\"warnings\":[{\"code\":\"not_updatable\",\"path\":\"/Options/VerifyMode\",\"offset\":168,\"line\":1,\"column\":169,\"message\":\"$MSG_NOTUPD\"}],\"summary\":null,\"error_count\":0}"
check "json warning" 0 want.txt "$DSX" validate --format json --profile wire wire.json
printf '{"Options":{},"TaskExecutionArn":"a\\"b\\\\c\\u0001"}' > escapes.json
want '{"file":"escapes.json","valid":false,"errors":[{"code":"pattern","path":"/TaskExecutionArn","offset":33,"line":1,"column":34,"message":"Value '"'"'a\"b\\\\c\\u0001'"'"' at '"'"'taskExecutionArn'"'"' failed to satisfy constraint: Member must satisfy regular expression pattern: ^arn:(aws|aws-cn|aws-us-gov|aws-eusc|aws-iso|aws-iso-b):datasync:[a-z\\-0-9]+:[0-9]{12}:task/task-[0-9a-f]{17}/execution/exec-[0-9a-f]{17}$"}],"warnings":[],"summary":"1 validation error detected: Value '"'"'a\"b\\\\c\\u0001'"'"' at '"'"'taskExecutionArn'"'"' failed to satisfy constraint: Member must satisfy regular expression pattern: ^arn:(aws|aws-cn|aws-us-gov|aws-eusc|aws-iso|aws-iso-b):datasync:[a-z\\-0-9]+:[0-9]{12}:task/task-[0-9a-f]{17}/execution/exec-[0-9a-f]{17}$","error_count":1}'
check "json escaping" 1 want.txt "$DSX" validate --format json escapes.json
printf '{"Options":{"\\u0000/~":1},"TaskExecutionArn":"%s"}' "$ARN" > oddname.json
"$DSX" validate --format json oddname.json > out.txt
grep -q '"path":"/Options/\\u0000~1~0"' out.txt && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: odd pointer"; cat out.txt; }
# U+2028 and U+2029 escaped in JSON output, other non-ASCII (even E2 82 AC, the euro sign) left as it is
printf '{"a\342\200\250b\303\251\342\200\251\342\202\25412345678":1}' > separators.json
"$DSX" validate --options --format json separators.json > out.txt
grep -q "\"path\":\"/a\\\\u2028b$(printf '\303\251')\\\\u2029$(printf '\342\202\254')12345678\"" out.txt &&
    passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: line separators in JSON output"; cat out.txt; }

# ---- ndjson ----
{
    cat valid.json; printf '\n'
    printf '{"Options":{}}\n'
    printf '\n'
    printf '{"TaskExecutionArn":"%s","Options":{"Uid":"NAME"}}\r\n' "$ARN"
    printf '[1,'
} > records.ndjson
want "records.ndjson:2:14: error: $MSG_REQUIRED [required]" \
     "records.ndjson:4:141: error: Value 'NAME' at 'options.uid' failed to satisfy constraint: Member cannot be updated by UpdateTaskExecution; only BytesPerSecond can [not_updatable]" \
     "records.ndjson:5:4: error: Malformed JSON: unexpected end of input [syntax]"
check "ndjson text" 1 want.txt "$DSX" validate --ndjson records.ndjson
"$DSX" validate --ndjson --format json records.ndjson > out.txt
# records 1, 2, 4, 5: the empty line 3 is no record
if [ "$(grep -c '"record":' out.txt)" = 4 ] && ! grep -q '"record":3,' out.txt && \
   grep -q '^{"file":"records.ndjson","record":1,"valid":true,' out.txt && \
   grep -q '^{"file":"records.ndjson","record":5,"valid":false,"errors":\[{"code":"syntax","path":"","offset":3,"line":1,"column":4,' out.txt; then
    passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: ndjson json"; cat out.txt; fi
# A record over the size limit is too_large; the next record is still read.
python3 -c "import sys; sys.stdout.write('[' + '1,' * 600000 + '1]\n{}\n')" > big.ndjson
want "big.ndjson:1:1: error: Malformed JSON: input larger than the limit (1048576 bytes) [too_large]" \
     "big.ndjson:2:2: error: $MSG_REQUIRED [required]" \
     "big.ndjson:2:2: error: Value null at 'options' failed to satisfy constraint: Member must not be null [required]"
check "ndjson too large record" 1 want.txt "$DSX" validate --ndjson big.ndjson
want "<stdin>:2:14: error: $MSG_REQUIRED [required]"
STDIN=records.ndjson check "ndjson stdin" 1 want.txt sh -c "\"$DSX\" validate --ndjson - | grep '^<stdin>:2:'; test \$? -eq 0 && exit 1"

# Many blocks (256 KiB each) in parallel: lines of every length, empty lines,
# a record over the limit cut across blocks, a last line without a newline.
# The expected lines come from the generator; the output must be the same
# for any number of workers, and from a pipe.
python3 - "$ARN" "$MSG_REQUIRED" > many.ndjson 3> many-want.txt <<'PY'
import os, sys
arn, required = sys.argv[1], sys.argv[2]
out, want = sys.stdout, os.fdopen(3, "w")
for n in range(1, 30001):
    if n == 9000:
        out.write("[" + "1," * 700000 + "1]\n")
        want.write("many.ndjson:%d:1: error: Malformed JSON: input larger than the limit (1048576 bytes) [too_large]\n" % n)
    elif n % 11 == 0:
        out.write("\n")
    elif n % 7 == 3:
        out.write('{"Options":{}}\n')
        want.write("many.ndjson:%d:14: error: %s [required]\n" % (n, required))
    else:
        out.write('{"TaskExecutionArn":"%s",%s"Options":{"BytesPerSecond":%d}}\n' % (arn, " " * (n * 13 % 97), n))
out.write("[1,")
want.write("many.ndjson:30001:4: error: Malformed JSON: unexpected end of input [syntax]\n")
PY
for jobs in 1 2 5; do
    check "ndjson many blocks, $jobs jobs" 1 many-want.txt "$DSX" validate --ndjson --jobs "$jobs" many.ndjson
done
sed 's/^many.ndjson:/<stdin>:/' many-want.txt > want.txt
check "ndjson many blocks, from a pipe" 1 want.txt sh -c "cat many.ndjson | \"$DSX\" validate --ndjson --jobs 3"
"$DSX" validate --ndjson --format json --jobs 1 many.ndjson > one.txt
"$DSX" validate --ndjson --format json --jobs 4 many.ndjson > four.txt
if cmp -s one.txt four.txt && [ "$(grep -c '"valid":true' one.txt)" = "$(grep -c '"BytesPerSecond"' many.ndjson)" ]; then
    passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: ndjson json, 1 and 4 jobs"; fi
# A regular file's blocks are mapped, a pipe's read: a line longer than a
# block (256 KiB) within the limit, one longer than a block plus the limit in
# the middle (the rest dropped up to its newline), and one at the end without
# a newline; the same output either way, from a path or from stdin.
python3 - > long.ndjson <<'PY'
import sys
out = sys.stdout
out.write('{"Options":{}}\n')
out.write('[' + '1,' * 300000 + '1]\n')
out.write('{}\n')
out.write('"' + 'x' * 1400000 + '"\n')
out.write('\n{"Options":{}}\n')
out.write('[' + '2,' * 1000000 + '2')
PY
want "long.ndjson:1:14: error: $MSG_REQUIRED [required]" \
     "long.ndjson:2:1: error: Value '[...]' failed to satisfy constraint: Member must be an object [type]" \
     "long.ndjson:3:2: error: $MSG_REQUIRED [required]" \
     "long.ndjson:3:2: error: Value null at 'options' failed to satisfy constraint: Member must not be null [required]" \
     "long.ndjson:4:1: error: Malformed JSON: input larger than the limit (1048576 bytes) [too_large]" \
     "long.ndjson:6:14: error: $MSG_REQUIRED [required]" \
     "long.ndjson:7:1: error: Malformed JSON: input larger than the limit (1048576 bytes) [too_large]"
for jobs in 1 3; do
    check "ndjson long lines, mapped, $jobs jobs" 1 want.txt "$DSX" validate --ndjson --jobs "$jobs" long.ndjson
done
sed 's/^long.ndjson:/<stdin>:/' want.txt > want-stdin.txt
check "ndjson long lines, read from a pipe" 1 want-stdin.txt sh -c "cat long.ndjson | \"$DSX\" validate --ndjson --jobs 2"
STDIN=long.ndjson check "ndjson long lines, mapped from stdin" 1 want-stdin.txt "$DSX" validate --ndjson --jobs 2
# A block whose output outgrows what a worker holds before its turn (4 MiB):
# it then waits for the turn and writes as it goes; same output.
python3 - "$ARN" "$MSG_REQUIRED" > loud.ndjson 3> want.txt <<'PY'
import os, sys
arn, required = sys.argv[1], sys.argv[2]
out, want = sys.stdout, os.fdopen(3, "w")
for n in range(1, 42001):
    if n <= 2000:
        out.write('{"TaskExecutionArn":"%s","Options":{"BytesPerSecond":%d}}\n' % (arn, n))
    else:
        out.write("{}\n")
        want.write("loud.ndjson:%d:2: error: %s [required]\n" % (n, required))
PY
for jobs in 1 3; do
    check "ndjson output over the held limit, $jobs jobs" 1 want.txt "$DSX" validate --ndjson --max-errors 1 --jobs "$jobs" loud.ndjson
done
want "dsx: --jobs takes a whole number from 1 to 64: 0" "Try 'dsx --help'."
check "--jobs 0" 2 want.txt sh -c "\"$DSX\" validate --ndjson --jobs 0 2>&1"

# a whole document over the limit is read no further than the limit
want "big.ndjson:1:1: error: Malformed JSON: input larger than the limit (1048576 bytes) [too_large]"
check "document too large" 1 want.txt "$DSX" validate big.ndjson

# ---- check-json ----
nothing
check "check-json valid" 0 want.txt "$DSX" check-json valid.json invalid.json options.json
printf '{"a":1,"a":2}' > dup.json
check "check-json duplicates" 0 want.txt "$DSX" check-json dup.json
printf '{"a":[1,2,]}' > trailing.json
want "trailing.json:1:11: error: Malformed JSON: a trailing comma is not allowed [syntax]"
check "check-json invalid" 1 want.txt "$DSX" check-json trailing.json valid.json
printf '"\355\240\200"' > surrogate.json
want "<stdin>:1:2: error: Invalid UTF-8: invalid UTF-8 byte sequence [utf8]"
STDIN=surrogate.json check "check-json stdin utf8" 1 want.txt "$DSX" check-json
nothing
check "check-json options are refused" 2 want.txt "$DSX" check-json --profile wire valid.json

# ---- validate --style botocore, --format error-body ----
want "invalid.json:1:30: error: Invalid value for parameter Options.BytesPerSecond, value: -2, valid min value: -1 [range]" \
     "invalid.json:1:46: error: Parameter Options.VerifyMode cannot be updated by UpdateTaskExecution, value: NONE, updatable parameters: Options.BytesPerSecond [not_updatable]" \
     "invalid.json:1:59: error: Unknown parameter in Options: \"Foo\", must be one of: VerifyMode, OverwriteMode, Atime, Mtime, Uid, Gid, PreserveDeletedFiles, PreserveDevices, PosixPermissions, BytesPerSecond, TaskQueueing, LogLevel, TransferMode, SecurityDescriptorCopyFlags, ObjectTags [unknown_member]" \
     "invalid.json:1:61: error: Missing required parameter in input: \"TaskExecutionArn\" [required]"
check "validate --style botocore" 1 want.txt "$DSX" validate --style botocore invalid.json
printf '{"Options":{"Atime":3}}' > atime.json
want '{"file":"atime.json","valid":false,"errors":[{"code":"not_updatable","path":"/Options/Atime","offset":20,"line":1,"column":21,"message":"Parameter Options.Atime cannot be updated by UpdateTaskExecution, value: 3, updatable parameters: Options.BytesPerSecond"},{"code":"type","path":"/Options/Atime","offset":20,"line":1,"column":21,"message":"Invalid type for parameter Options.Atime, value: 3, type: <class '"'"'int'"'"'>, valid types: <class '"'"'str'"'"'>"},{"code":"required","path":"/TaskExecutionArn","offset":22,"line":1,"column":23,"message":"Missing required parameter in input: \"TaskExecutionArn\""}],"warnings":[],"summary":"Parameter validation failed:\nMissing required parameter in input: \"TaskExecutionArn\"\nParameter Options.Atime cannot be updated by UpdateTaskExecution, value: 3, updatable parameters: Options.BytesPerSecond\nInvalid type for parameter Options.Atime, value: 3, type: <class '"'"'int'"'"'>, valid types: <class '"'"'str'"'"'>","error_count":3}'
check "validate --style botocore --format json" 1 want.txt "$DSX" validate --style botocore --format json atime.json
want '{"__type":"InvalidRequestException","message":"1 validation error detected: Value '"'"'PRESERVE'"'"' at '"'"'mtime'"'"' failed to satisfy constraint: Member must be NONE when Atime is NONE","errorCode":"InvalidParameter"}'
check "validate --format error-body" 1 want.txt "$DSX" validate --options --format error-body options.json
nothing
check "error-body of a valid document" 0 want.txt "$DSX" validate --format error-body valid.json
check "bad --style" 2 want.txt "$DSX" validate --style boto valid.json

# ---- emit ----
printf '{ "Options" : {"BytesPerSecond":1E+3}, "TaskExecutionArn":"%s"}' "$ARN" > emit.json
want "{\"TaskExecutionArn\":\"$ARN\",\"Options\":{\"BytesPerSecond\":1000}}"
check "emit wire" 0 want.txt "$DSX" emit --profile wire emit.json
want "{\"Options\":{\"BytesPerSecond\":1000},\"TaskExecutionArn\":\"$ARN\"}"
check "emit --sorted" 0 want.txt "$DSX" emit --sorted --profile wire emit.json
want "{" "  \"TaskExecutionArn\": \"$ARN\"," "  \"Options\": {" "    \"BytesPerSecond\": 1048576" "  }" "}"
STDIN=valid.json check "emit --pretty stdin" 0 want.txt "$DSX" emit --pretty
nothing
check "emit invalid: nothing on stdout" 1 want.txt "$DSX" emit emit.json
stderr_has "emit.json:1:33: error: Value '1E+3' at 'options.bytesPerSecond' failed to satisfy constraint: Member must be an integer \[type\]"
want "{\"TaskExecutionArn\":\"$ARN\",\"Options\":{\"VerifyMode\":\"NONE\",\"BytesPerSecond\":1000}}"
check "emit wire keeps not-updatable options, warns" 0 want.txt "$DSX" emit --profile wire wire.json
stderr_has "wire.json:1:169: warning: .*\[not_updatable\]"
want "{\"TaskExecutionArn\":\"$ARN\",\"Options\":{\"VerifyMode\":\"NONE\",\"BytesPerSecond\":1000,\"Foo\":1}}"
check "emit --keep-unknown" 0 want.txt "$DSX" emit --profile wire --keep-unknown wire.json
printf '{"LogLevel":"BASIC","X":{"a" : [ ]}}' > keep.json
want '{"LogLevel":"BASIC","X":{"a":[]}}'
check "emit --keep-unknown strict" 0 want.txt "$DSX" emit --options --keep-unknown keep.json
printf '{"Atime":"NONE","Mtime":"NONE"}' > eff.json
want '{"VerifyMode":"POINT_IN_TIME_CONSISTENT","OverwriteMode":"ALWAYS","Atime":"NONE","Mtime":"NONE","Uid":"INT_VALUE","Gid":"INT_VALUE","PreserveDeletedFiles":"PRESERVE","PreserveDevices":"NONE","PosixPermissions":"PRESERVE","BytesPerSecond":-1,"TaskQueueing":"ENABLED","LogLevel":"OFF","TransferMode":"CHANGED","SecurityDescriptorCopyFlags":"OWNER_DACL","ObjectTags":"PRESERVE"}'
check "emit --options --effective" 0 want.txt "$DSX" emit --options --effective eff.json
nothing
check "emit --effective needs --options" 2 want.txt "$DSX" emit --effective valid.json
check "emit one file only" 2 want.txt "$DSX" emit valid.json valid.json
check "emit --pretty --sorted" 2 want.txt "$DSX" emit --pretty --sorted valid.json
check "emit malformed" 1 want.txt "$DSX" emit malformed.json
check "emit unreadable" 2 want.txt "$DSX" emit missing.json
stderr_has "cannot open missing.json"

# ---- emit --http ----
printf 'POST / HTTP/1.1\r\nHost: datasync.us-east-1.amazonaws.com\r\nContent-Type: application/x-amz-json-1.1\r\nX-Amz-Target: FmrsService.UpdateTaskExecution\r\nContent-Length: 160\r\n\r\n{"TaskExecutionArn":"%s","Options":{"BytesPerSecond":1048576}}' "$ARN" > want.txt
check "emit --http" 0 want.txt "$DSX" emit --http valid.json
nothing
check "emit --http --pretty is refused" 2 want.txt "$DSX" emit --http --pretty valid.json
check "emit --http invalid" 1 want.txt "$DSX" emit --http invalid.json

# ---- parse-response ----
printf '{"__type":"com.amazonaws.datasync#InvalidRequestException","message":"Bad \\"x\\"","errorCode":"InvalidParameter","datasyncErrorCode":"E1"}' > ire.json
want '{"ok":false,"type":"InvalidRequestException","modeled":true,"fault":"client","message":"Bad \"x\"","errorCode":"InvalidParameter","datasyncErrorCode":"E1"}'
check "parse-response modeled" 0 want.txt "$DSX" parse-response --status 400 ire.json
want '{"ok":true}'
check "parse-response 2xx" 0 want.txt "$DSX" parse-response --status 200 ire.json
printf '<html>busy</html>' > html.txt
want '{"ok":false,"type":"ThrottlingException","modeled":false,"fault":"server","message":"<html>busy</html>","errorCode":null,"datasyncErrorCode":null}'
STDIN=html.txt check "parse-response header, text body, stdin" 0 want.txt "$DSX" parse-response --status 503 --error-type 'ThrottlingException:http://x'
: > empty.txt
want '{"ok":false,"type":null,"modeled":false,"fault":"client","message":null,"errorCode":null,"datasyncErrorCode":null}'
check "parse-response empty body" 0 want.txt "$DSX" parse-response --status 404 empty.txt
nothing
check "parse-response needs --status" 2 want.txt "$DSX" parse-response ire.json
check "parse-response bad --status" 2 want.txt "$DSX" parse-response --status 42 ire.json
check "parse-response unreadable" 2 want.txt "$DSX" parse-response --status 400 missing.json

echo "cli: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
