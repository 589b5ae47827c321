#!/usr/bin/env python3
"""Compiles and runs every program shown in the README and the docs.

  python3 scripts/doc-programs.py BUILD_DIR [FILE.md ...] [--list] [--keep DIR]

Without files: README.md and docs/*.md.  The rule (docs/testing.md, "Programs
in the docs"):

- A fenced block tagged ```c that defines `main` is a program: it is
  compiled with BUILD_DIR/bin/asyncc as an .ac file (warnings are errors)
  and run, with stdin from /dev/null and a 20 s timeout; it must exit 0.
- A comment on the line before the opening fence changes that:
    <!-- doc-test: compile-only -->  compiled and linked, not run (a server
                                     that serves until it is killed);
    <!-- doc-test: fragment -->      not checked (part of a program: "...",
                                     or a sketch that names undefined
                                     functions).
- Every other block (no main, or not tagged c) is not a program and is not
  checked: output, shell commands, generated C, declarations.

Prints one line per program and a summary; exits 1 if any program failed.
"""
import os
import re
import subprocess
import sys
import tempfile

MAIN = re.compile(r"^\s*(?:static\s+)?(?:async\s+)?int\s+main\s*\([^)]*\)\s*\{", re.M)
MARK = re.compile(r"<!--\s*doc-test:\s*([a-z-]+)\s*-->")
TIMEOUT_S = 20


def blocks(path):
    """(line, lang, marker, code) for every fenced block of a markdown file."""
    lines = open(path, encoding="utf-8").read().split("\n")
    i, out = 0, []
    while i < len(lines):
        m = re.match(r"^(\s*)```([\w+-]*)\s*$", lines[i])
        if not m:
            i += 1
            continue
        indent, lang, start = m.group(1), m.group(2), i
        j = i + 1
        while j < len(lines) and lines[j].strip() != "```":
            j += 1
        prev = start - 1
        while prev >= 0 and not lines[prev].strip():
            prev -= 1
        mark = MARK.search(lines[prev]) if prev >= 0 else None
        code = "\n".join(l[len(indent):] if l.startswith(indent) else l for l in lines[start + 1:j])
        out.append((start + 1, lang, mark.group(1) if mark else None, code + "\n"))
        i = j + 1
    return out


def check(asyncc, path, line, mode, code, work):
    name = "%s-%d" % (os.path.basename(path).replace(".", "_"), line)
    src = os.path.join(work, name + ".ac")
    exe = os.path.join(work, name)
    with open(src, "w") as f:
        f.write(code)
    r = subprocess.run([asyncc, "-Wall", "-Wextra", "-Werror", src, "-o", exe],
                       capture_output=True, text=True)
    if r.returncode != 0:
        return "does not compile:\n" + (r.stderr or r.stdout).strip()
    if mode == "compile-only":
        return None
    try:
        r = subprocess.run([exe], stdin=subprocess.DEVNULL, capture_output=True, text=True,
                           timeout=TIMEOUT_S, cwd=work)
    except subprocess.TimeoutExpired:
        return "still running after %d s (a server? mark it compile-only)" % TIMEOUT_S
    if r.returncode != 0:
        return "exits %d:\n%s" % (r.returncode, (r.stdout + r.stderr).strip()[-2000:])
    return None


def main():
    args = sys.argv[1:]
    keep = None
    if "--keep" in args:
        k = args.index("--keep")
        keep = args[k + 1]
        del args[k:k + 2]
    listing = "--list" in args
    args = [a for a in args if a != "--list"]
    if not args:
        sys.exit(__doc__)
    build, files = args[0], args[1:]
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    if not files:
        docs = os.path.join(root, "docs")
        files = [os.path.join(root, "README.md")] + sorted(
            os.path.join(docs, f) for f in os.listdir(docs) if f.endswith(".md"))
    asyncc = os.path.join(build, "bin", "asyncc")
    work = keep or tempfile.mkdtemp(prefix="doc-programs-")
    os.makedirs(work, exist_ok=True)
    failed = checked = 0
    for path in files:
        rel = os.path.relpath(path, root)
        for line, lang, mark, code in blocks(path):
            if lang != "c" or not MAIN.search(code):
                continue
            mode = mark or "run"
            if mode not in ("run", "compile-only", "fragment"):
                print("%s:%d: FAIL unknown doc-test marker '%s'" % (rel, line, mode))
                failed += 1
                continue
            if listing or mode == "fragment":
                print("%s:%d: %s" % (rel, line, mode))
                continue
            checked += 1
            err = check(asyncc, path, line, mode, code, work)
            if err:
                failed += 1
                print("%s:%d: FAIL %s" % (rel, line, err))
            else:
                print("%s:%d: ok (%s)" % (rel, line, "compiled" if mode == "compile-only" else "ran"))
    if not listing:
        print("doc programs: %d checked, %d failed" % (checked, failed))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
