#!/usr/bin/env python3
"""Checks the compiler's include rules (docs/design.md, "Include rules").

usage: scripts/check-includes.py [--graph] [SOURCE_ROOT]

lib/Lowering has one folder per layer; a file may include the headers of
the layers listed for its folder in ALLOWED, and the public headers
(include/asyncc/).  Code outside lib/Lowering (the driver, the fuzzer) may
include the public headers only.  Prints every violation as
`file:line: error: ...` and exits 1 if there is one.  --graph also prints
the layer-level include graph (one `layer -> layers` line per layer)."""
import os
import re
import sys

# what each layer may include besides itself and the public headers
ALLOWED = {
    "support": set(),
    "model": {"support"},
    # the declared recursion: lower_expr dispatches an await to its form,
    # a form lowers its operands through lower_expr
    "lower": {"support", "model", "forms"},
    "forms": {"support", "model", "lower"},
    "analysis": {"support", "model", "forms", "lower"},
    "inspect": {"support", "model", "forms", "lower"},
}
LAYERS = set(ALLOWED)
PIPELINE = "pipeline"  # lib/Lowering/lower.c, which drives every layer
PUBLIC = "include"     # lib/Lowering/include/asyncc/*.h

INCLUDE = re.compile(r'^\s*#\s*include\s*"([^"]+)"')


def layer_of_path(rel):
    """The layer of a file of lib/Lowering (path relative to it)."""
    top = rel.split("/")[0]
    if top in LAYERS:
        return top
    if top == PUBLIC:
        return PUBLIC
    return PIPELINE if "/" not in rel else None


def layer_of_include(name):
    """The layer a quoted include names, None if it is not lib/Lowering's."""
    top = name.split("/")[0]
    if top in LAYERS:
        return top
    if name.startswith("asyncc/") and name in PUBLIC_HEADERS:
        return PUBLIC
    if name == "lower.h":  # the old all-in-one header
        return "lower.h"
    return None


def sources(root):
    for base, _, files in os.walk(root):
        for f in files:
            if f.endswith((".c", ".h")):
                yield os.path.join(base, f)


def main(argv):
    graph = "--graph" in argv
    args = [a for a in argv if a != "--graph"]
    root = os.path.abspath(args[0] if args else os.path.join(os.path.dirname(__file__), ".."))
    lowering = os.path.join(root, "lib", "Lowering")
    global PUBLIC_HEADERS
    PUBLIC_HEADERS = {"asyncc/" + f for f in os.listdir(os.path.join(lowering, PUBLIC, "asyncc"))}

    errors = 0
    edges = {}
    checked = 0

    def error(path, lineno, msg):
        nonlocal errors
        errors += 1
        print(f"{os.path.relpath(path, root)}:{lineno}: error: {msg}")

    for path in sorted(sources(lowering)):
        rel = os.path.relpath(path, lowering)
        layer = layer_of_path(rel)
        checked += 1
        if layer is None:
            error(path, 1, "a file of lib/Lowering outside its layer folders: "
                  "put it in one of " + ", ".join(sorted(LAYERS)))
            continue
        with open(path, encoding="utf-8") as f:
            for lineno, line in enumerate(f, 1):
                m = INCLUDE.match(line)
                if not m:
                    continue
                target = layer_of_include(m.group(1))
                if target is None or target == layer:
                    continue
                edges.setdefault(layer, set()).add(target)
                if target == PUBLIC or layer == PIPELINE:
                    continue
                if layer == PUBLIC or target not in ALLOWED.get(layer, set()):
                    error(path, lineno, f'{layer}/ may not include "{m.group(1)}" '
                          f"(layer {target}); it may include: "
                          + ", ".join(sorted(ALLOWED.get(layer, set()) | {layer})))

    # outside lib/Lowering: the public headers only
    for top in ("tools", "test"):
        for path in sorted(sources(os.path.join(root, top))):
            checked += 1
            with open(path, encoding="utf-8", errors="replace") as f:
                for lineno, line in enumerate(f, 1):
                    m = INCLUDE.match(line)
                    if not m:
                        continue
                    target = layer_of_include(m.group(1))
                    if target is None:
                        continue
                    edges.setdefault(top, set()).add(target)
                    if target != PUBLIC:
                        error(path, lineno, f'"{m.group(1)}" is internal to lib/Lowering; '
                              "outside it include asyncc/lowering.h")

    if graph:
        for layer in sorted(edges):
            print(f"{layer} -> {', '.join(sorted(edges[layer]))}")
    print(f"check-includes: {checked} files, {errors} violation(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
