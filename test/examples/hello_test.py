"""examples/hello.ac is the program docs/getting-started.md shows, and it
runs as the docs say.   usage: hello_test.py HELLO_BINARY SOURCE_DIR"""
import re
import subprocess
import sys

binary, src = sys.argv[1], sys.argv[2]
doc = open(f"{src}/docs/getting-started.md").read()
m = re.search(r"`hello\.ac`:\n\n```c\n(.*?)```", doc, re.S)
if not m:
    sys.exit("docs/getting-started.md: no ```c block after `hello.ac`:")
if m.group(1) != open(f"{src}/examples/hello.ac").read():
    sys.exit("docs/getting-started.md's hello.ac differs from examples/hello.ac")
out = subprocess.run([binary], capture_output=True, text=True, timeout=30)
want = "b: 2\na: 3\na: 2\nb: 1\na: 1\ndone: 3 2\n"
if out.returncode != 0 or out.stdout != want:
    sys.exit(f"hello printed {out.stdout!r} (status {out.returncode}), want {want!r}")
print("hello: the docs' program, output as expected")
