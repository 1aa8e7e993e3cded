# dsx — build, test and run.
#   make              build/libdsx.a and build/dsx
#   make run-example  validate the shipped examples with build/dsx
#   make test         model check, unit tests (CMocka), CLI tests
#   make CC=clang     the same with clang
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

BUILD ?= build
LIB_SRC := src/json.c src/model.c src/model_tables.c src/number.c src/arn.c \
           src/diag.c src/validate.c src/message.c src/botocore.c src/pyrepr.c \
           src/kept.c src/emit.c src/alloc.c src/response.c src/http.c
LIB_OBJ := $(LIB_SRC:src/%.c=$(BUILD)/obj/%.o)
LIB := $(BUILD)/libdsx.a
CLI := $(BUILD)/dsx

TEST_NAMES := test_json test_validate test_model test_render test_emit test_botocore test_response
TEST_BIN := $(TEST_NAMES:%=$(BUILD)/tests/%)

.PHONY: all clean test unit-tests cli-tests example-tests model-check run-example deps-test

all: $(LIB) $(CLI)

$(BUILD)/obj/%.o: src/%.c src/*.h include/dsx.h
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c $< -o $@

$(LIB): $(LIB_OBJ)
	@mkdir -p $(dir $@)
	rm -f $@
	$(AR) rcs $@ $^

$(CLI): cli/dsx.c include/dsx.h $(LIB)
	$(CC) $(CPPFLAGS) $(CFLAGS) cli/dsx.c $(LIB) -o $@

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

test: model-check unit-tests cli-tests example-tests

clean:
	rm -rf $(BUILD)
