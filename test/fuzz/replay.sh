#!/usr/bin/env bash
# Regression run of the fuzz target: builds it (build.sh) and runs every
# kept finding (test/fuzz/crashes/) and the test corpus (test/{exec,
# lowering,diag}/*.ac) through it once.  A crash, a sanitizer report or
# lowered C that clang rejects fails the test.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "${1:?usage: replay.sh <build dir>}" && pwd)
bin=$("$here/build.sh" "$build" "$build/fuzz/fuzz_lower")
inputs=("$here"/crashes/* "$here"/../exec/*.ac "$here"/../lowering/*.ac "$here"/../diag/*.ac)
cd "$build/fuzz"
ASAN_OPTIONS=detect_leaks=0 "$bin" -runs=1 "${inputs[@]}" > replay.log 2>&1 || {
  tail -40 replay.log
  exit 1
}
echo "replayed ${#inputs[@]} inputs: no crash, no sanitizer report, all lowered C parses"
