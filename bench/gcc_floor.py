#!/usr/bin/env python3
"""Cuts generated functions out of asyncc's lowered C, for bench/gcc_time.sh.

  gcc_floor.py KINDS IN.c OUT.c

KINDS is a comma-separated list of generated function kinds (trace,
block_on, drop, init): every definition `... NAME__KIND(...) { ... }` of
those kinds is removed, its prototype kept, so `gcc -c` of the rest still
compiles (it does not link).  gcc's time over what is left is a floor: no
lowering that still has those functions can take gcc less time than the C
without them.  The cut is textual and relies on the emitter's layout (a
definition's first line ends without ';' and its body closes at the
matching brace); it fails loudly if it cut nothing.
"""
import re
import sys

DEF = re.compile(r"^(?:static |AC__COLD |__attribute__\(\(\w+\)\) )*[\w ]+?[\s*]\w+__(\w+)\(")


def cut(text, kinds):
    lines = text.split("\n")
    out, removed, i = [], 0, 0
    while i < len(lines):
        m = DEF.match(lines[i])
        if m and m.group(1) in kinds and not lines[i].rstrip().endswith(";"):
            depth, opened = 0, False
            while i < len(lines):
                depth += lines[i].count("{") - lines[i].count("}")
                opened = opened or "{" in lines[i]
                i += 1
                if opened and depth == 0:
                    break
            removed += 1
            continue
        out.append(lines[i])
        i += 1
    return "\n".join(out), removed


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    kinds = set(sys.argv[1].split(","))
    text, removed = cut(open(sys.argv[2]).read(), kinds)
    if removed == 0:
        sys.exit("gcc_floor.py: no definition of kind %s found" % sys.argv[1])
    open(sys.argv[3], "w").write(text)


if __name__ == "__main__":
    main()
