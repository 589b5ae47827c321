#!/usr/bin/env python3
"""The runtime's dependency graph: which runtime/src modules include or call which.

A module is a stem: task.c and task.h are "task".  A depends on B when a
file of A includes B's header ("b.h") or calls a function that B's .c file
defines (or B's .h defines inline).  The script prints each module's
dependencies, then every circle (strongly connected component of more than
one module).

  python3 scripts/runtime-graph.py [runtime/src] [--dot] [--check]

--check (ctest runtime/graph) fails when a circle is not inside one of the
circles known and explained in docs/runtime-internals.md ("Known ties").

The scan is textual (regular expressions over the sources, comments and
strings stripped), which is enough for this code base's style: every
function definition starts at the beginning of a line.
"""
import os
import re
import sys

DEF = re.compile(r"^(?!static\b)[A-Za-z_][\w \t\*]*?\b(\w+)\s*\([^;{]*\)\s*(?:__attribute__\(\([^)]*\)\)\s*)?\{",
                 re.M)
INLINE = re.compile(r"^static\s+inline\b[^(;{=]*?\b(\w+)\s*\(", re.M)
INCLUDE = re.compile(r'^\s*#\s*include\s+"([\w./]+)\.h"', re.M)
CALL = re.compile(r"\b([A-Za-z_]\w*)\s*\(")
# a prototype at the start of a line declares, it does not call
PROTO = re.compile(r"^[A-Za-z_][\w \t\*]*?\b\w+\s*\((?:[^;{()]|\([^()]*\))*\)\s*(?:__attribute__\(\((?:[^()]|\([^()]*\))*\)\)\s*)?;",
                   re.M)


def strip_comments(src):
    src = re.sub(r"/\*.*?\*/", " ", src, flags=re.S)
    return re.sub(r"//[^\n]*", " ", src)


def strip(src):
    """Comments and string literals out: what is left is code."""
    return re.sub(r'"(?:\\.|[^"\\\n])*"', '""', strip_comments(src))


def scan(src_dir):
    files = sorted(f for f in os.listdir(src_dir) if f.endswith((".c", ".h")))
    raw = {f: strip_comments(open(os.path.join(src_dir, f)).read()) for f in files}
    text = {f: strip(raw[f]) for f in files}
    stem = lambda f: f.rsplit(".", 1)[0]
    modules = sorted({stem(f) for f in files})
    owner = {}  # function name -> module that defines it
    for f in files:
        pattern = DEF if f.endswith(".c") else INLINE
        for name in pattern.findall(text[f]):
            if name not in ("if", "for", "while", "switch", "return", "sizeof"):
                owner.setdefault(name, stem(f))
    deps = {m: set() for m in modules}
    for f in files:
        m = stem(f)
        for inc in INCLUDE.findall(raw[f]):
            if inc in deps and inc != m:
                deps[m].add(inc)
        for name in CALL.findall(PROTO.sub(" ", text[f])):
            o = owner.get(name)
            if o and o != m:
                deps[m].add(o)
    return deps


def circles(deps):
    """Tarjan's strongly connected components, those with 2+ members."""
    index, low, stack, on, out = {}, {}, [], set(), []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(deps[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    sys.setrecursionlimit(10000)
    for v in sorted(deps):
        if v not in index:
            visit(v)
    return out


# The circles docs/runtime-internals.md explains; --check allows these only.
KNOWN_CIRCLES = [
    {"task", "task_arena"},
    {"driver", "io_reg", "reactor", "reactor_uring", "ring_op"},
]


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    src_dir = args[0] if args else os.path.join(os.path.dirname(__file__), "..", "runtime", "src")
    deps = scan(src_dir)
    if "--dot" in sys.argv:
        print("digraph runtime {")
        for m in sorted(deps):
            for d in sorted(deps[m]):
                print(f'  "{m}" -> "{d}";')
        print("}")
        return
    for m in sorted(deps):
        print(f"{m:16} -> {' '.join(sorted(deps[m])) or '-'}")
    comps = circles(deps)
    for c in comps:
        inner = sorted((a, b) for a in c for b in deps[a] if b in c)
        print(f"\ncircle of {len(c)}: {' '.join(c)}")
        print("  edges: " + ", ".join(f"{a}->{b}" for a, b in inner))
    if not comps:
        print("\nno circle")
    if "--check" in sys.argv:
        new = [c for c in comps if not any(set(c) <= k for k in KNOWN_CIRCLES)]
        for c in new:
            print("\nerror: a new circle: " + " ".join(c) +
                  " (cut the tie, or explain it in docs/runtime-internals.md and KNOWN_CIRCLES)")
        sys.exit(1 if new else 0)


if __name__ == "__main__":
    main()
