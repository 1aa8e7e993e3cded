#!/usr/bin/env python3
"""Generate dsx's model tables from the botocore service model.

Writes src/model_tables.c and the block between the GENERATED MODEL markers
of include/dsx.h. With --check it writes nothing and exits 1 when the
committed files differ from what the model gives (the test suite runs this,
so the tables cannot drift from the model).

Usage: tools/gen_model.py [--check] [MODEL_JSON]
"""
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_MODEL = os.path.join(ROOT, "..", "shared", "model",
                             "datasync-update-task-execution.json")
HEADER = os.path.join(ROOT, "include", "dsx.h")
TABLES = os.path.join(ROOT, "src", "model_tables.c")

# The ARN matcher in src/arn.c is written by hand for exactly this pattern.
ARN_PATTERN = ("^arn:(aws|aws-cn|aws-us-gov|aws-eusc|aws-iso|aws-iso-b):datasync:"
               "[a-z\\-0-9]+:[0-9]{12}:task/task-[0-9a-f]{17}/execution/exec-[0-9a-f]{17}$")
ARN_MAX = 128
BYTES_PER_SECOND_MIN = -1

# Defaults come from the operation's documentation, not the model (spec §1).
DEFAULTS = {
    "VerifyMode": "POINT_IN_TIME_CONSISTENT", "OverwriteMode": "ALWAYS",
    "Atime": "BEST_EFFORT", "Mtime": "PRESERVE", "Uid": "INT_VALUE",
    "Gid": "INT_VALUE", "PreserveDeletedFiles": "PRESERVE",
    "PreserveDevices": "NONE", "PosixPermissions": "PRESERVE",
    "BytesPerSecond": "-1", "TaskQueueing": "ENABLED", "LogLevel": "OFF",
    "TransferMode": "CHANGED", "SecurityDescriptorCopyFlags": "OWNER_DACL",
    "ObjectTags": "PRESERVE",
}


def fail(message):
    sys.stderr.write("gen_model: %s\n" % message)
    sys.exit(2)


def snake(name):
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).upper()


def load_members(model):
    shapes = model["shapes"]
    request = shapes["UpdateTaskExecutionRequest"]
    names = list(request["members"])
    if names != ["TaskExecutionArn", "Options"] or request.get("required") != names:
        fail("request members changed: %r" % names)
    arn = shapes[request["members"]["TaskExecutionArn"]["shape"]]
    if arn.get("type") != "string" or arn.get("max") != ARN_MAX or arn.get("pattern") != ARN_PATTERN:
        fail("TaskExecutionArn constraints changed; update src/arn.c first")
    options_shape = shapes[request["members"]["Options"]["shape"]]
    if options_shape.get("type") != "structure":
        fail("Options is no longer a structure")
    options = []
    for name, ref in options_shape["members"].items():
        shape = shapes[ref["shape"]]
        if shape["type"] == "long":
            if name != "BytesPerSecond" or shape.get("min") != BYTES_PER_SECOND_MIN or "max" in shape:
                fail("integer member %s changed" % name)
            options.append((name, "LONG", []))
        elif shape["type"] == "string" and "enum" in shape:
            options.append((name, "ENUM", list(shape["enum"])))
        else:
            fail("member %s has an unsupported shape" % name)
    if sorted(n for n, _, _ in options) != sorted(DEFAULTS):
        fail("option names differ from the documented defaults")
    for name, kind, values in options:
        if kind == "ENUM" and DEFAULTS[name] not in values:
            fail("default of %s is not one of its values" % name)
    return names, options


def header_block(request_names, options):
    out = ["/* Request members, in model order. */", "typedef enum dsx_request_member {"]
    for name in request_names:
        out.append("    DSX_REQ_%s," % snake(name))
    out += ["    DSX_REQUEST_MEMBER_COUNT", "} dsx_request_member;", "",
            "/* Options members, in model order. */", "typedef enum dsx_option {"]
    for name, _, _ in options:
        out.append("    DSX_OPT_%s," % snake(name))
    out += ["    DSX_OPTION_COUNT", "} dsx_option;"]
    for name, kind, values in options:
        if kind != "ENUM":
            continue
        out += ["", "typedef enum dsx_%s {" % snake(name).lower()]
        for value in values:
            out.append("    DSX_%s_%s," % (snake(name), value))
        out.append("} dsx_%s;" % snake(name).lower())
    return "\n".join(out) + "\n"


def c_string_lines(pieces):
    return "\n".join('    "%s"' % piece for piece in pieces)


class StringTable:
    """Texts in one array, found by offset and length (no NUL between them):
    laid out first as a short superstring of them all (greedily, the two
    with the longest overlap joined first), then each found in it."""

    def __init__(self, texts):
        self.text, self.offsets = shortest_joined(texts), {}

    def intern(self, s):
        if s not in self.offsets:
            self.offsets[s] = self.text.find(s)
        return self.offsets[s]

    @property
    def pieces(self):
        """The array split where the texts start, a line each."""
        starts = sorted(set(self.offsets.values()) | {0}) + [len(self.text)]
        return [self.text[a:b] for a, b in zip(starts, starts[1:]) if a < b]


MODEL_TEXT_MAX = 32     # model.h: DSX_MODEL_TEXT_MAX
MODEL_CHAR_BITS = 6     # model.h: DSX_MODEL_CHAR_BITS in a size-optimised build


def packed_text(text):
    """A table's text, six bits a character: each character's code less 0x40
    (every model text is letters and '_', 0x40..0x7F), the first in the low
    bits, little-endian; then a spare byte, as dsx_model_char reads two."""
    if any(not 0x40 <= ord(c) <= 0x7F for c in text):
        fail("a model text holds a character outside 0x40..0x7F: %r" % text)
    bits = sum((ord(c) - 0x40) << (MODEL_CHAR_BITS * i) for i, c in enumerate(text))
    last = MODEL_CHAR_BITS * (len(text) - 1) // 8   # the first byte of the last character
    return bits.to_bytes(last + 2, "little")


def c_byte_lines(data):
    return "\n".join("    " + " ".join("0x%02x," % b for b in data[i:i + 12])
                     for i in range(0, len(data), 12))


def overlap(a, b):
    """How many of b's first characters end a."""
    return max(k for k in range(min(len(a), len(b))) if a.endswith(b[:k]))


def shortest_joined(texts):
    parts = []
    for t in texts:   # in the model's order (ties keep it); a text inside another is not a part
        if t not in parts and not any(t in u for u in texts if u != t):
            parts.append(t)
    while len(parts) > 1:
        k, i, j = max((overlap(a, b), -i, -j) for i, a in enumerate(parts)
                      for j, b in enumerate(parts) if i != j)
        if k == 0:
            break   # no overlap left: the rest in order
        i, j = -i, -j
        joined = parts[i] + parts[j][k:]
        parts = [p for n, p in enumerate(parts) if n not in (i, j)] + [joined]
    return "".join(parts)


def tables_source(request_names, options):
    names = StringTable(request_names + [name for name, _, _ in options])   # member names
    texts = StringTable([v for _, _, values in options for v in values])   # enum values

    def member_row(name, kind, first, count):
        return "    {%d, %d, DSX_KIND_%s, %d, %d}, /* %s */" % (
            names.intern(name), len(name), kind, first, count, name)
    request_rows = [member_row(request_names[0], "STRING", 0, 0),
                    member_row(request_names[1], "OBJECT", 0, 0)]
    value_refs = []
    option_rows = []
    defaults = []   # only the emitter reads them: a table of their own, not a byte of every row
    option_infos = []   # what a fast-path slot holds: name length, first value, value count
    firsts = {}   # a list of values already in the table (Uid's for Gid): its first index, shared
    for name, kind, values in options:
        if tuple(values) not in firsts:
            firsts[tuple(values)] = len(value_refs)
            for v in values:
                value_refs.append((texts.intern(v), len(v), v))
        first = firsts[tuple(values)]
        option_infos.append((len(name), first, len(values)))
        defaults.append(values.index(DEFAULTS[name]) if kind == "ENUM" else 0)
        option_rows.append(member_row(name, kind, first, len(values)))
    value_rows = ["    {%d, %d}, /* %s */" % r for r in value_refs]
    multiplier, (request_slots, option_slots) = hash_tables(
        [request_names, [name for name, _, _ in options]])
    value_step, value_slots = value_hash_table(
        [(member, value, firsts[tuple(values)] + k)
         for member, (_, _, values) in enumerate(options) for k, value in enumerate(values)])
    prefix_multiplier, prefix_rows = prefix_tables(
        [request_names, [name for name, _, _ in options]])
    value_prefixes = [prefix_word(v) for _, _, v in value_refs]
    request_infos = [(len(name), 0, 0) for name in request_names]
    for table in (names, texts):
        if max(table.offsets.values()) > 255:
            fail("a string table too large for uint8_t offsets")
        if max(len(t) for t in table.offsets) > MODEL_TEXT_MAX:
            fail("a model text longer than DSX_MODEL_TEXT_MAX")
    return """/* Generated by tools/gen_model.py from the service model. Do not edit. */
#include "model.h"

/*
 * Each text by its offset and length in characters (model.h): no NUL between
 * them, a text may start in the one before. A size-optimised build packs
 * six bits a character (dsx_model_char); the speed build keeps the bytes.
 */
#ifdef DSX_SMALL
const uint8_t dsx_model_names[%d] = {   /* the texts of the speed build's tables below */
%s
};

const uint8_t dsx_model_values[%d] = {
%s
};
#else
const uint8_t dsx_model_names[] =
%s;

const uint8_t dsx_model_values[] =
%s;
#endif

const dsx_member_info dsx_request_members[DSX_REQUEST_MEMBER_COUNT] = {
%s
};

const dsx_member_info dsx_option_members[DSX_OPTION_COUNT] = {
%s
};

const dsx_string_ref dsx_enum_values[%d] = {
%s
};

/* The default of each option, an index among its values (BytesPerSecond's, -1, is DSX_BYTES_PER_SECOND_DEFAULT). */
const uint8_t dsx_option_defaults[DSX_OPTION_COUNT] = {%s};

#ifndef DSX_NO_MESSAGES   /* only the pattern message quotes it */
const char dsx_arn_pattern[] = "%s";
#endif

#ifndef DSX_SMALL   /* only the hashed look-ups and the fast path use these */
/* Member index + 1 by dsx_name_hash() (0: no member there); no two names share a slot. */
const uint8_t dsx_name_hash_multiplier = %d;
const uint8_t dsx_request_slots[DSX_NAME_HASH_SLOTS] = {%s};
const uint8_t dsx_option_slots[DSX_NAME_HASH_SLOTS] = {%s};

/* Index into dsx_enum_values + 1 by dsx_value_hash() (0: none); no two values of the model share a slot. */
const uint8_t dsx_value_hash_step = %d;
const uint8_t dsx_value_slots[DSX_VALUE_HASH_SLOTS] = {%s};

/*
 * The fast path's look-ups by the first four bytes of a name or value and
 * its closing quote, read as a little-endian word (dsx_prefix_word()).
 * Names by dsx_prefix_hash(): the member (index + 1) and what the fast path
 * reads of it, and for names that share their first four bytes, the next
 * one to try; values by their words.
 */
const uint32_t dsx_prefix_multiplier = 0x%08xu;
const dsx_fast_slot dsx_fast_request_slots[DSX_PREFIX_HASH_SLOTS] = {%s};
const uint8_t dsx_fast_request_next[DSX_REQUEST_MEMBER_COUNT] = {%s};
const dsx_fast_slot dsx_fast_option_slots[DSX_PREFIX_HASH_SLOTS] = {%s};
const uint8_t dsx_fast_option_next[DSX_OPTION_COUNT] = {%s};
const uint32_t dsx_value_prefixes[%d] = {
%s
};
#endif
""" % (len(packed_text(names.text)), c_byte_lines(packed_text(names.text)),
       len(packed_text(texts.text)), c_byte_lines(packed_text(texts.text)),
       c_string_lines(names.pieces), c_string_lines(texts.pieces),
       "\n".join(request_rows), "\n".join(option_rows),
       len(value_refs), "\n".join(value_rows), ", ".join(map(str, defaults)), ARN_PATTERN.replace("\\", "\\\\"),
       multiplier, ", ".join(map(str, request_slots)), ", ".join(map(str, option_slots)),
       value_step, ", ".join(map(str, value_slots)),
       prefix_multiplier, fast_slots(prefix_rows[0][0], request_infos),
       ", ".join(map(str, prefix_rows[0][1])),
       fast_slots(prefix_rows[1][0], option_infos), ", ".join(map(str, prefix_rows[1][1])),
       len(value_prefixes), "\n".join("    0x%08xu, /* %s */" % (w, v)
                                       for w, (_, _, v) in zip(value_prefixes, value_refs)))


HASH_SLOTS = 32


def name_hash(name, multiplier):
    """Must match dsx_name_hash() in src/model.c."""
    b = name.encode("utf-8")
    return (len(b) + b[0] * multiplier + b[-1]) % HASH_SLOTS


def hash_tables(tables):
    """The smallest multiplier under which every table's names hash apart."""
    for multiplier in range(1, 256):
        slot_rows = []
        for names in tables:
            slots = [0] * HASH_SLOTS
            for index, name in enumerate(names):
                h = name_hash(name, multiplier)
                if slots[h]:
                    break
                slots[h] = index + 1
            else:
                slot_rows.append(slots)
                continue
            break
        else:
            return multiplier, slot_rows
    fail("no collision-free name hash")


VALUE_HASH_SLOTS = 128


def value_hash(member, value, step):
    """Must match dsx_value_hash() in src/model.h (values have two bytes or more)."""
    b = value.encode("utf-8")
    return (len(b) + b[1] + b[-1] + member * step) % VALUE_HASH_SLOTS


def value_hash_table(pairs):
    """The smallest member step under which every (member, value) of the model hashes apart;
    a slot holds the value's index in dsx_enum_values + 1 (pairs: member, value, index)."""
    for step in range(1, 256):
        slots = [0] * VALUE_HASH_SLOTS
        for member, value, index in pairs:
            if len(value.encode("utf-8")) < 2:
                fail("enum value %r shorter than the value hash reads" % value)
            h = value_hash(member, value, step)
            if slots[h]:
                break
            slots[h] = index + 1
        else:
            return step, slots
    fail("no collision-free value hash")


PREFIX_HASH_SLOTS = 32


def fast_slots(slots, infos):
    """The rows of a dsx_fast_slot table: member + 1, name length, first value, value count."""
    rows = []
    for slot in slots:
        rows.append("{%d, %d, %d, %d}" % ((slot,) + infos[slot - 1]) if slot else "{0, 0, 0, 0}")
    return ", ".join(rows)


def prefix_word(text):
    """Must match dsx_prefix_word() in src/swar.h: the first four bytes of text and its closing quote."""
    b = (text + '"').encode("utf-8")
    if len(b) < 4:
        fail("name or value %r shorter than the fast path's prefix word" % text)
    return int.from_bytes(b[:4], "little")


def prefix_hash(word, multiplier):
    """Must match dsx_prefix_hash() in src/model.h."""
    return ((word * multiplier) & 0xFFFFFFFF) >> 27


def prefix_tables(tables):
    """A multiplier under which names with different prefix words hash apart, in every table."""
    for k in range(1, 1 << 16):
        multiplier = (k * 0x9E3779B1) & 0xFFFFFFFF
        rows = []
        for names in tables:
            slots = [0] * PREFIX_HASH_SLOTS
            nexts = [0] * len(names)
            words = {}
            for index, name in enumerate(names):
                word = prefix_word(name)
                h = prefix_hash(word, multiplier)
                if slots[h] and words[h] != word:
                    break
                if slots[h]:   # same prefix: chain it after the last one there
                    last = slots[h] - 1
                    while nexts[last]:
                        last = nexts[last] - 1
                    nexts[last] = index + 1
                else:
                    slots[h] = index + 1
                    words[h] = word
            else:
                rows.append((slots, nexts))
                continue
            break
        else:
            return multiplier, rows
    fail("no collision-free prefix hash")


def splice_header(text, block):
    begin = "/* BEGIN GENERATED MODEL */\n"
    end = "/* END GENERATED MODEL */"
    i, j = text.find(begin), text.find(end)
    if i < 0 or j < i:
        fail("markers missing in include/dsx.h")
    return text[:i + len(begin)] + block + text[j:]


def main(argv):
    check = "--check" in argv
    args = [a for a in argv if a != "--check"]
    path = args[0] if args else DEFAULT_MODEL
    with open(path, encoding="utf-8") as f:
        model = json.load(f)
    request_names, options = load_members(model)
    with open(HEADER, encoding="utf-8") as f:
        header = f.read()
    wanted = {HEADER: splice_header(header, header_block(request_names, options)),
              TABLES: tables_source(request_names, options)}
    stale = []
    for target, text in wanted.items():
        current = open(target, encoding="utf-8").read() if os.path.exists(target) else None
        if current != text:
            stale.append(os.path.relpath(target, ROOT))
            if not check:
                with open(target, "w", encoding="utf-8") as f:
                    f.write(text)
    if check:
        if stale:
            print("model tables drifted from the model: %s (run tools/gen_model.py)" % ", ".join(stale))
            return 1
        print("model tables match %s: %d request members, %d options, %d enum values"
              % (os.path.basename(path), len(request_names), len(options),
                 sum(len(v) for _, _, v in options)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
