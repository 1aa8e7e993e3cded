# dsx — build, test and run.
#   make              build/libdsx.a and build/dsx
#   make run-example  validate the shipped examples with build/dsx
#   make test         model check, unit tests (CMocka), CLI tests
#   make CC=clang     the same with clang
#   make fuzz         AFL++ and libFuzzer builds of every harness (fuzz/)
#   make fuzz-smoke   each harness under afl-fuzz for FUZZ_SECONDS; fails on a crash or hang
#   make sanitize     build/sanitize/: library, CLI and tests with ASan + UBSan
#   make test-sanitize  the whole test suite under ASan + UBSan
#   make test-valgrind  the whole test suite under valgrind (no error, no leak)
#   make size         flash/RAM on Cortex-M0+, Cortex-M4, RV32IMC (fails over the M4 budget)
#   make stack        worst-case stack of validation on Cortex-M4 (fails over 384 bytes)
#   make configs      the library built in every documented feature configuration
#   make bench        dsx against cJSON, jansson, json-c, jsmn, simdjson, RapidJSON (figures only)
#   make bench-callgrind  instructions per document under callgrind (stable under noise)
#   make clean

CC ?= cc
ifeq ($(origin CC),default)
CC = cc
endif
AR ?= ar
PYTHON ?= python3

WARN := -std=c99 -Wall -Wextra -Wpedantic -Werror
OPT ?= -O2 -g
CPPFLAGS += -Iinclude
CFLAGS += $(WARN) $(OPT)
# The CLI validates NDJSON in threads (the library itself uses none).
CLI_LIBS := -pthread

BUILD ?= build
LIB_SRC := src/json.c src/model.c src/model_tables.c src/number.c src/arn.c \
           src/diag.c src/validate.c src/message.c src/botocore.c src/pyrepr.c src/pyfloat.c \
           src/kept.c src/emit.c src/alloc.c src/response.c src/http.c src/fast.c
LIB_OBJ := $(LIB_SRC:src/%.c=$(BUILD)/obj/%.o)
LIB := $(BUILD)/libdsx.a
CLI := $(BUILD)/dsx

TEST_NAMES := test_json test_validate test_model test_render test_emit test_botocore test_response test_alloc
TEST_BIN := $(TEST_NAMES:%=$(BUILD)/tests/%)

.PHONY: fuzz-against all clean test unit-tests cli-tests example-tests embedding-examples model-check run-example deps-test \
        test-small sanitize test-sanitize test-valgrind deps-valgrind deps-fuzz fuzz fuzz-smoke fuzz-regressions \
        deps-cross size size-checks stack test-target deps-bench bench bench-callgrind deps-test-cross test-cross configs amalgamate test-amalgamation install uninstall test-packaging

all: $(LIB) $(CLI)

$(BUILD)/obj/%.o: src/%.c src/*.h include/dsx.h
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c $< -o $@

$(LIB): $(LIB_OBJ)
	@mkdir -p $(dir $@)
	rm -f $@
	$(AR) rcs $@ $^

$(CLI): cli/dsx.c include/dsx.h $(LIB)
	$(CC) $(CPPFLAGS) $(CFLAGS) cli/dsx.c $(LIB) $(CLI_LIBS) -o $@

run-example: $(CLI)
	$(CLI) validate examples/request.json
	$(CLI) validate --options examples/options.json
	-$(CLI) validate examples/invalid-request.json

# ---- tests ----

deps-test:
	@sh tools/ensure-packages.sh cmocka.h:libcmocka-dev

$(BUILD)/tests/%: tests/%.c tests/*.h include/dsx.h $(LIB) | deps-test
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) -Isrc $(CFLAGS) -DDSX_SOURCE_DIR='"$(CURDIR)"' $< $(LIB) -lcmocka -o $@

model-check:
	$(PYTHON) tools/gen_model.py --check

unit-tests: $(TEST_BIN)
	@set -e; for t in $(TEST_BIN); do echo "== $$t"; $$t; done

cli-tests: $(CLI)
	sh tests/cli_test.sh $(CLI)

$(BUILD)/readme_example: examples/readme_example.c include/dsx.h $(LIB)
	$(CC) $(CPPFLAGS) $(CFLAGS) $< $(LIB) -o $@

# The README's library example, built and run on a valid and an invalid request.
example-tests: $(BUILD)/readme_example
	$(BUILD)/readme_example "$$(cat examples/request.json)" | grep -qx 'limit arn:aws:datasync:us-east-1:123456789012:task/task-0123456789abcdef0/execution/exec-0123456789abcdef0 to 1048576 bytes/s'
	! $(BUILD)/readme_example '{"Options":{}}' > $(BUILD)/readme_example.out
	grep -qx "1:14: Value null at 'taskExecutionArn' failed to satisfy constraint: Member must not be null \[required\]" $(BUILD)/readme_example.out
	@echo "readme example: ok"

# The embedding examples (examples/embedded, examples/gateway), built and run.
$(BUILD)/arena_example: examples/embedded/arena_example.c include/dsx.h $(LIB)
	$(CC) $(CPPFLAGS) $(CFLAGS) $< $(LIB) -o $@

$(BUILD)/ndjson_filter: examples/gateway/ndjson_filter.c include/dsx.h $(LIB)
	$(CC) $(CPPFLAGS) $(CFLAGS) $< $(LIB) -o $@

embedding-examples: $(BUILD)/arena_example $(BUILD)/ndjson_filter
	$(BUILD)/arena_example | grep -q '"X-Trace":"abc"}}$$'
	$(BUILD)/arena_example | grep -qx 'arena in use after free: 0 bytes'
	{ cat examples/request.json | tr -d '\n'; echo; echo '{"Options":{}}'; echo; } | \
	    { $(BUILD)/ndjson_filter > $(BUILD)/filter.out 2> $(BUILD)/filter.err; test $$? -eq 1; }
	test "$$(wc -l < $(BUILD)/filter.out)" -eq 1
	grep -qx "line 2: 1 validation error detected: Value null at 'taskExecutionArn' failed to satisfy constraint: Member must not be null" $(BUILD)/filter.err
	@echo "embedding examples: ok"

test: model-check unit-tests cli-tests example-tests embedding-examples

# The suite on a size-optimised build (-Os: DSX_SMALL, no speed-only fast paths).
test-small:
	$(MAKE) BUILD=build/small OPT="-Os -g" test

# ---- sanitizers and valgrind ----

SANITIZE := -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer

sanitize:
	$(MAKE) BUILD=build/sanitize OPT="$(SANITIZE)" all $(TEST_BIN:$(BUILD)/%=build/sanitize/%)

test-sanitize:
	$(MAKE) BUILD=build/sanitize OPT="$(SANITIZE)" test

deps-valgrind:
	@sh tools/ensure-packages.sh valgrind:valgrind

VALGRIND := valgrind -q --error-exitcode=99 --leak-check=full --show-leak-kinds=all \
            --errors-for-leak-kinds=all

test-valgrind: deps-valgrind
	$(MAKE) BUILD=build/valgrind OPT="-O1 -g" all $(TEST_BIN:$(BUILD)/%=build/valgrind/%)
	@set -e; for t in $(TEST_NAMES); do echo "== valgrind $$t"; $(VALGRIND) build/valgrind/tests/$$t > build/valgrind/$$t.log 2>&1 || { cat build/valgrind/$$t.log; exit 1; }; done
	DSX_WRAP="$(VALGRIND)" sh tests/cli_test.sh build/valgrind/dsx

# ---- embedded: sizes, stack, feature configurations (docs/PORTING.md) ----

deps-cross:
	@sh tools/ensure-packages.sh arm-none-eabi-gcc:gcc-arm-none-eabi \
	    /usr/lib/arm-none-eabi/newlib:libnewlib-arm-none-eabi riscv64-unknown-elf-gcc:gcc-riscv64-unknown-elf

size: deps-cross
	sh tools/size.sh

# What CI checks of make size until the whole library's budget is met
# (docs/PORTING.md): everything else, the parse+validate budget included.
size-checks: deps-cross
	SIZE_WHOLE_BUDGET=report sh tools/size.sh

stack: deps-cross
	sh tools/stack.sh

CONFIGS := "" "-DDSX_NO_EMITTER" "-DDSX_NO_RESPONSE" "-DDSX_NO_BOTOCORE" "-DDSX_NO_MESSAGES" \
           "-DDSX_NO_DEFAULT_ALLOCATOR" "-DDSX_DEPTH_CAP=64" "-DDSX_DEPTH_CAP=5" "-DDSX_SMALL" "-DDSX_NO_VECTOR" \
           "-DDSX_NO_EMITTER -DDSX_NO_RESPONSE -DDSX_NO_MESSAGES -DDSX_NO_DEFAULT_ALLOCATOR -DDSX_DEPTH_CAP=64"

# The worked examples on an emulated Cortex-M4 (tests/target/), through semihosting.
TARGET_FLAGS := -mcpu=cortex-m4 -mthumb -O2 -std=c99 -Wall -Wextra -Werror -Iinclude --specs=rdimon.specs

test-target: deps-cross
	@sh tools/ensure-packages.sh qemu-system-arm:qemu-system-arm
	@mkdir -p build/target
	arm-none-eabi-gcc $(TARGET_FLAGS) -T tests/target/link.ld tests/target/startup.c \
	    tests/target/main.c $(LIB_SRC) -o build/target/dsx-test.elf
	timeout 60 qemu-system-arm -M mps2-an386 -nographic -monitor none -serial none \
	    -semihosting-config enable=on,target=native -kernel build/target/dsx-test.elf
	@# The NEON form of the vector steps (DSX_VECTOR, src/swar.h: the ARN, string bytes) has no
	@# NEON machine to run on here: it is compiled, warning-free, and must use NEON compares.
	for f in arn json fast; do \
	    arm-none-eabi-gcc -mcpu=cortex-a9 -mfpu=neon -mfloat-abi=hard -ffreestanding $(WARN) -O2 -Iinclude \
	        -idirafter tools/size/include -c src/$$f.c -o build/target/$$f-neon.o && \
	    arm-none-eabi-objdump -d build/target/$$f-neon.o | grep -q vceq || exit 1; \
	done

# The whole test suite on big-endian s390x and on 32-bit i386, cross-built
# static (with the CMocka stand-in tests/shim/cmocka.h) and run under qemu-user.
deps-test-cross:
	@sh tools/ensure-packages.sh s390x-linux-gnu-gcc:gcc-s390x-linux-gnu \
	    /usr/s390x-linux-gnu/include/stdio.h:libc6-dev-s390x-cross \
	    i686-linux-gnu-gcc:gcc-i686-linux-gnu /usr/i686-linux-gnu/include/stdio.h:libc6-dev-i386-cross \
	    qemu-s390x:qemu-user

CROSS_TARGETS := s390x:s390x-linux-gnu:qemu-s390x i386:i686-linux-gnu:qemu-i386

test-cross: deps-test-cross
	@set -e; for t in $(CROSS_TARGETS); do \
	    name=$${t%%:*}; rest=$${t#*:}; prefix=$${rest%%:*}; qemu=$${rest#*:}; \
	    out=build/cross/$$name; rm -rf $$out; mkdir -p $$out; \
	    for f in $(LIB_SRC); do $$prefix-gcc $(CPPFLAGS) $(WARN) -O2 -c $$f -o $$out/$$(basename $$f .c).o; done; \
	    $$prefix-ar rcs $$out/libdsx.a $$out/*.o; \
	    $$prefix-gcc $(CPPFLAGS) $(WARN) -O2 -static cli/dsx.c $$out/libdsx.a $(CLI_LIBS) -o $$out/dsx; \
	    for n in $(TEST_NAMES); do \
	        $$prefix-gcc $(CPPFLAGS) -Isrc -Itests/shim $(WARN) -O2 -static -DDSX_SOURCE_DIR='"$(CURDIR)"' \
	            tests/$$n.c $$out/libdsx.a -o $$out/$$n; \
	        echo "== $$name $$n"; $$qemu $$out/$$n > $$out/$$n.log 2>&1 || { cat $$out/$$n.log; exit 1; }; \
	        tail -1 $$out/$$n.log; done; \
	    DSX_WRAP=$$qemu sh tests/cli_test.sh $$out/dsx; \
	done

configs:
	@set -e; for m in $(CONFIGS); do for cc in gcc clang; do \
	    rm -rf build/configs; mkdir -p build/configs; \
	    for f in $(LIB_SRC); do $$cc $(CPPFLAGS) $(WARN) -O2 $$m -c $$f -o build/configs/$$(basename $$f .c).o; done; \
	    echo "built with $$cc: $${m:-(all features)}"; done; done

# ---- packaging: amalgamation, install, pkg-config, CMake ----

AMALGAMATION := build/amalgamation
PREFIX ?= /usr/local
DESTDIR ?=

amalgamate:
	$(PYTHON) tools/amalgamate.py

# The single file alone: its own library, the CLI and every test suite linked
# against it (src/ is on the include path only for the declarations of the
# internal functions and tables some suites look at).
test-amalgamation: amalgamate | deps-test
	$(CC) -I$(AMALGAMATION) $(WARN) $(OPT) -c $(AMALGAMATION)/dsx.c -o $(AMALGAMATION)/dsx.o
	$(AR) rcs $(AMALGAMATION)/libdsx.a $(AMALGAMATION)/dsx.o
	$(CC) -I$(AMALGAMATION) $(WARN) $(OPT) cli/dsx.c $(AMALGAMATION)/libdsx.a $(CLI_LIBS) -o $(AMALGAMATION)/dsx
	@set -e; for t in $(TEST_NAMES); do \
	    $(CC) -I$(AMALGAMATION) -Isrc $(WARN) $(OPT) -DDSX_SOURCE_DIR='"$(CURDIR)"' tests/$$t.c \
	        $(AMALGAMATION)/libdsx.a -lcmocka -o $(AMALGAMATION)/$$t; \
	    echo "== amalgamation $$t"; $(AMALGAMATION)/$$t > $(AMALGAMATION)/$$t.log 2>&1 || { cat $(AMALGAMATION)/$$t.log; exit 1; }; done
	sh tests/cli_test.sh $(AMALGAMATION)/dsx

install: all
	install -d $(DESTDIR)$(PREFIX)/include $(DESTDIR)$(PREFIX)/lib/pkgconfig $(DESTDIR)$(PREFIX)/bin
	install -m 644 include/dsx.h $(DESTDIR)$(PREFIX)/include/dsx.h
	install -m 644 $(LIB) $(DESTDIR)$(PREFIX)/lib/libdsx.a
	install -m 755 $(CLI) $(DESTDIR)$(PREFIX)/bin/dsx
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@VERSION@|$(shell sed -n 's/^#define DSX_VERSION_STRING "\(.*\)"/\1/p' include/dsx.h)|' \
	    tools/dsx.pc.in > $(DESTDIR)$(PREFIX)/lib/pkgconfig/dsx.pc

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/include/dsx.h $(DESTDIR)$(PREFIX)/lib/libdsx.a \
	      $(DESTDIR)$(PREFIX)/bin/dsx $(DESTDIR)$(PREFIX)/lib/pkgconfig/dsx.pc

# An example built against an installed prefix (pkg-config) and through CMake.
test-packaging: all
	@sh tools/ensure-packages.sh pkg-config:pkg-config cmake:cmake
	rm -rf build/prefix build/cmake
	$(MAKE) install PREFIX=$(CURDIR)/build/prefix
	PKG_CONFIG_PATH=$(CURDIR)/build/prefix/lib/pkgconfig $(CC) $(WARN) examples/readme_example.c \
	    $$(PKG_CONFIG_PATH=$(CURDIR)/build/prefix/lib/pkgconfig pkg-config --cflags --libs dsx) -o build/prefix/example
	build/prefix/example "$$(cat examples/request.json)"
	cmake -S examples/cmake -B build/cmake -DDSX_DIR=$(CURDIR) > build/cmake.log
	cmake --build build/cmake >> build/cmake.log
	build/cmake/example "$$(cat examples/request.json)"
	$(MAKE) uninstall PREFIX=$(CURDIR)/build/prefix
	test ! -e build/prefix/include/dsx.h
	@echo "packaging: pkg-config, CMake, install and uninstall ok"

# ---- fuzzing (fuzz/) ----

FUZZ_NAMES := fuzz_request fuzz_options fuzz_json fuzz_roundtrip fuzz_response fuzz_http fuzz_small
FUZZ_SECONDS ?= 20
FUZZ_SRC := $(LIB_SRC)
FUZZ_DEPS := fuzz/*.h include/dsx.h src/*.c src/*.h
AFL_ENV := AFL_SKIP_CPUFREQ=1 AFL_NO_UI=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 \
           AFL_NO_AFFINITY=1 AFL_SKIP_BIN_CHECK=1

deps-fuzz:
	@sh tools/ensure-packages.sh afl-clang-fast:afl++ clang:clang

# AFL++ persistent mode (with ASan + UBSan when FUZZ_SANITIZE=1).
build/fuzz/afl/%: fuzz/%.c $(FUZZ_DEPS) | deps-fuzz
	@mkdir -p $(dir $@)
	$(if $(FUZZ_SANITIZE),AFL_USE_ASAN=1 AFL_USE_UBSAN=1) afl-clang-fast -Iinclude -Isrc -std=c99 -O2 -g $< $(FUZZ_SRC) -o $@

# libFuzzer, from the same source, with ASan + UBSan.
build/fuzz/libfuzzer/%: fuzz/%.c $(FUZZ_DEPS) | deps-fuzz
	@mkdir -p $(dir $@)
	clang -Iinclude -Isrc -std=c99 -O1 -g -DDSX_FUZZ_LIBFUZZER -fsanitize=fuzzer,address,undefined \
	    -fno-sanitize-recover=all $< $(FUZZ_SRC) -o $@

# Replay builds (plain main over files) with ASan + UBSan: rerun a corpus or a crash.
build/fuzz/replay/%: fuzz/%.c $(FUZZ_DEPS)
	@mkdir -p $(dir $@)
	$(CC) -Iinclude -Isrc $(WARN) $(SANITIZE) $< $(FUZZ_SRC) -o $@

# fuzz_small links a size-optimised copy of the library (DSX_SMALL, symbols
# renamed small_*: tools/small-copy.sh) beside the default one and compares them.
SMALL_COPY_DEPS := fuzz/fuzz_small.c $(FUZZ_DEPS) tools/small-copy.sh
build/fuzz/afl/fuzz_small: $(SMALL_COPY_DEPS) | deps-fuzz
	@mkdir -p $(dir $@)
	$(if $(FUZZ_SANITIZE),AFL_USE_ASAN=1 AFL_USE_UBSAN=1) sh tools/small-copy.sh $@.small.o afl-clang-fast -std=c99 -O2 -g
	$(if $(FUZZ_SANITIZE),AFL_USE_ASAN=1 AFL_USE_UBSAN=1) afl-clang-fast -Iinclude -Isrc -std=c99 -O2 -g $< $(FUZZ_SRC) $@.small.o -o $@

build/fuzz/libfuzzer/fuzz_small: $(SMALL_COPY_DEPS) | deps-fuzz
	@mkdir -p $(dir $@)
	sh tools/small-copy.sh $@.small.o clang -std=c99 -O1 -g -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all
	clang -Iinclude -Isrc -std=c99 -O1 -g -DDSX_FUZZ_LIBFUZZER -fsanitize=fuzzer,address,undefined \
	    -fno-sanitize-recover=all $< $(FUZZ_SRC) $@.small.o -o $@

build/fuzz/replay/fuzz_small: $(SMALL_COPY_DEPS)
	@mkdir -p $(dir $@)
	sh tools/small-copy.sh $@.small.o $(CC) $(WARN) $(SANITIZE)
	$(CC) -Iinclude -Isrc $(WARN) $(SANITIZE) $< $(FUZZ_SRC) $@.small.o -o $@

fuzz: $(FUZZ_NAMES:%=build/fuzz/afl/%) $(FUZZ_NAMES:%=build/fuzz/libfuzzer/%)

fuzz-smoke: $(FUZZ_NAMES:%=build/fuzz/afl/%) $(FUZZ_NAMES:%=build/fuzz/replay/%)
	@set -e; for h in $(FUZZ_NAMES); do \
	    case $$h in fuzz_request|fuzz_options|fuzz_small) seeds=validate;; fuzz_json) seeds=json;; \
	        fuzz_roundtrip) seeds=roundtrip;; fuzz_response) seeds=response;; *) seeds=http;; esac; \
	    out=build/fuzz/smoke/$$h; rm -rf $$out; mkdir -p $$out; \
	    echo "== afl-fuzz $$h for $(FUZZ_SECONDS)s"; \
	    $(AFL_ENV) afl-fuzz -i fuzz/seeds/$$seeds -o $$out -x fuzz/dict/dsx.dict \
	        -V $(FUZZ_SECONDS) -- build/fuzz/afl/$$h > $$out/afl.log 2>&1 || { tail -30 $$out/afl.log; exit 1; }; \
	    grep -E "execs_done|bitmap_cvg|saved_crashes|saved_hangs" $$out/default/fuzzer_stats | tr -s ' ' | tr '\n' ' '; echo; \
	    if ls $$out/default/crashes/id* $$out/default/hangs/id* >/dev/null 2>&1; then \
	        echo "fuzz-smoke: $$h found a crash or a hang:"; ls $$out/default/crashes $$out/default/hangs; exit 1; fi; \
	    build/fuzz/replay/$$h $$out/default/queue/id* > /dev/null; \
	done; echo "fuzz-smoke: no crash, no hang; queues replayed under ASan + UBSan"

# fuzz_small against an earlier revision's library (tools/fuzz-against.sh), for
# rewrites that must not change behaviour: make fuzz-against REV=... [SECONDS=N] [SMALL=1]
fuzz-against:
	sh tools/fuzz-against.sh $(REV) $(or $(SECONDS),0)

# Regression inputs (fuzz/regressions/<harness>/*) rerun under sanitizers by make test-sanitize.
fuzz-regressions: $(FUZZ_NAMES:%=build/fuzz/replay/%)
	@set -e; for h in $(FUZZ_NAMES); do \
	    if ls fuzz/regressions/$$h/* >/dev/null 2>&1; then build/fuzz/replay/$$h fuzz/regressions/$$h/*; fi; \
	done; echo "fuzz regressions: ok"

# ---- benchmarks (peers are installed here and only here) ----

BENCH_FLAGS := -O2
BENCH_DIR := $(BUILD)/bench
BENCH_SRC := bench/bench.c bench/inputs.c bench/peers.c bench/peer_checks.c bench/peer_cjson.c \
             bench/peer_jansson.c bench/peer_jsonc.c bench/peer_jsmn.c
BENCH_PEERS := cjson/cJSON.h:libcjson-dev jansson.h:libjansson-dev json-c/json.h:libjson-c-dev \
               jsmn.h:libjsmn-dev simdjson.h:libsimdjson-dev rapidjson/document.h:rapidjson-dev \
               valgrind:valgrind
BENCH_PEER_LIBS := -lcjson -ljansson -ljson-c -lsimdjson
BENCH_WRAP := -Wl,--wrap=malloc -Wl,--wrap=calloc -Wl,--wrap=realloc

deps-bench:
	@sh tools/ensure-packages.sh $(BENCH_PEERS)

# simdjson's On-Demand API picks its kernel at compile time: built for this machine.
$(BENCH_DIR)/fast_peers.o: bench/fast_peers.cpp bench/fast_peers.h | deps-bench
	@mkdir -p $(dir $@)
	$(CXX) -O2 -march=native -std=c++17 -c $< -o $@

$(BENCH_DIR)/bench: $(BENCH_SRC) bench/*.h $(BENCH_DIR)/fast_peers.o $(LIB) | deps-bench
	$(CC) $(CPPFLAGS) $(WARN) $(BENCH_FLAGS) -DBENCH_CFLAGS='"$(BENCH_FLAGS)"' $(BENCH_SRC) \
	    $(BENCH_DIR)/fast_peers.o $(LIB) $(BENCH_PEER_LIBS) -lstdc++ $(BENCH_WRAP) -o $@

bench: $(BENCH_DIR)/bench $(CLI)
	$(BENCH_DIR)/bench $(BENCH_ARGS)

bench-callgrind: $(BENCH_DIR)/bench
	sh tools/bench-callgrind.sh $(BENCH_DIR)/bench

clean:
	rm -rf $(BUILD)
