#!/usr/bin/env python3
"""usage: compile_db.py ASYNCC DIR FILE...: writes DIR/compile_commands.json
with an entry per .ac FILE, a clang command with `asyncc --print-clang-flags`
as docs/build.md writes it."""
import json
import os
import subprocess
import sys

asyncc, root, files = sys.argv[1], os.path.realpath(sys.argv[2]), sys.argv[3:]
flags = subprocess.run([asyncc, '--print-clang-flags'], stdout=subprocess.PIPE, check=True,
                       text=True).stdout.strip()
entries = [{'directory': root, 'file': f, 'command': 'clang %s -c %s' % (flags, f)} for f in files]
with open(os.path.join(root, 'compile_commands.json'), 'w') as out:
    json.dump(entries, out, indent=1)
