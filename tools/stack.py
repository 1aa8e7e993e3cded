#!/usr/bin/env python3
"""Worst-case stack of the validation entry points on Cortex-M4.

Reads the .ci files GCC writes with -fstack-usage -fcallgraph-info=su (one
per object of the library and of tools/size/mini_libc.c), builds the call
graph and finds, for each entry point, the deepest path: the sum of the
static frames along it. Fails when a path is over the budget, when a frame
is dynamic or unknown, when the graph has a cycle (recursion), or when a
call goes through a pointer.

usage: tools/stack.py BUDGET FILE.ci...
"""
import re
import sys

ENTRIES = ["dsx_validate_request", "dsx_validate_options", "dsx_check_json",
           "dsx_validate_request_kept", "dsx_validate_options_kept"]
# Calls through the caller's dsx_allocator: the allocator's own frame is the
# caller's to add (docs/PORTING.md).
ALLOCATOR_CALLERS = {"src/kept.c:kept_grow", "src/kept.c:release", "dsx_kept_add",
                     "dsx_kept_copy", "dsx_kept_free"}
# The one other call through a pointer: the walk hands an unknown member to
# the validator's keep, which only ever holds keep_unknown (src/validate.c,
# which adds it to the kept list). Counted as a call to it, on every path.
POINTER_TARGETS = {"src/validate.c:walk_document": "src/validate.c:keep_unknown"}
NODE = re.compile(r'node: \{ title: "([^"]+)" label: "([^"]*)"')
EDGE = re.compile(r'edge: \{ sourcename: "([^"]+)" targetname: "([^"]+)"')


def unclone(title):
    """A function's title without the suffix of a copy GCC specialised (walk.constprop.0)."""
    return re.sub(r"\.(constprop|isra|part)\.\d+$", "", title)


def short(title):
    return title.split(":")[-1]


def read(files):
    """Nodes are GCC's titles: "file:name" for static functions, "name" for the rest."""
    frames, edges, dynamic = {}, {}, []
    for path in files:
        text = open(path).read()
        for title, label in NODE.findall(text):
            m = re.search(r"\\n(\d+) bytes \((\w+)", label)
            if m:
                frames[title] = int(m.group(1))
                if m.group(2) != "static":
                    dynamic.append(title)
            else:
                frames.setdefault(title, None)   # declared here, defined elsewhere
        for source, target in EDGE.findall(text):
            edges.setdefault(source, set()).add(target)
    return frames, edges, dynamic


def deepest(name, frames, edges, memo, path, problems):
    if name in path:
        problems.append("recursion: " + " -> ".join(short(n) for n in path + [name]))
        return 0, [name]
    if name == "__indirect_call" and unclone(path[-1]) in POINTER_TARGETS:   # before the memo: per caller
        return deepest(POINTER_TARGETS[unclone(path[-1])], frames, edges, memo, path, problems)
    if name in memo:
        return memo[name]
    if name == "__indirect_call":
        if path[-1] not in ALLOCATOR_CALLERS:
            problems.append("%s calls through a pointer" % short(path[-1]))
        memo[name] = (0, [])
        return memo[name]
    frame = frames.get(name)
    if frame is None:
        if name.startswith("__aeabi") or name.startswith("__"):
            frame = 0      # libgcc helpers: leaf routines with tiny frames
        else:
            problems.append("no frame size for %s" % name)
            frame = 0
    best, best_path = 0, []
    for callee in sorted(edges.get(name, ())):
        depth, sub = deepest(callee, frames, edges, memo, path + [name], problems)
        if depth > best:
            best, best_path = depth, sub
    memo[name] = (frame + best, [name] + best_path)
    return memo[name]


def main():
    budget = int(sys.argv[1])
    frames, edges, dynamic = read(sys.argv[2:])
    problems = ["%s: frame size not static" % short(d) for d in dynamic]
    worst = 0
    for entry in ENTRIES:
        depth, path = deepest(entry, frames, edges, {}, [], problems)
        worst = max(worst, depth)
        print("%-26s %4d bytes  %s" % (entry, depth,
              " > ".join("%s(%s)" % (short(f), frames.get(f) or 0) for f in path)))
    for p in sorted(set(problems)):
        print("problem:", p)
    if problems:
        return 1
    if worst > budget:
        print("over budget: %d > %d bytes" % (worst, budget))
        return 1
    print("worst case %d bytes <= %d" % (worst, budget))
    return 0


if __name__ == "__main__":
    sys.exit(main())
