#!/bin/sh
# Compile-time benchmark: how much does lowering cost next to parsing?
#
# Generates a LINES-line .ac file (test/scale/gen.py bigfile, default 5000)
# and times, on that same file:
#   asyncc   build/bin/asyncc -S FILE.ac -o /dev/null       (parse + lower)
#   clang    clang-19 -fsyntax-only -x c -include prelude.h  (parse only)
# Runs them in alternating rounds (RUNS each), prints the median of each and
# the ratio asyncc/clang (target: <= 1.5x).  asyncc's time includes the
# backend's preprocessing (cc -E), which is part of every asyncc compile.
#
# usage: bench/compile_time.sh [BUILD_DIR] [LINES] [RUNS]
#   BUILD_DIR  default: build next to this script's parent directory
#   LINES      default 5000;  RUNS  default 7 (at least 5)
#   CLANG      environment: the clang to compare with (default clang-19)
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
build=${1:-$root/build}
lines=${2:-5000}
runs=${3:-7}
clang=${CLANG:-clang-19}
[ "$runs" -ge 5 ] || runs=5

asyncc=$build/bin/asyncc
inc=$build/include
[ -x "$asyncc" ] || { echo "compile_time.sh: no $asyncc (build first)" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
src=$tmp/big.ac
python3 "$root/test/scale/gen.py" bigfile "$lines" > "$src"

acmd="$asyncc -S $src -o /dev/null"
ccmd="$clang -fsyntax-only -x c -include $inc/asyncc/prelude.h -I$inc $src"

# both commands must succeed before anything is timed
$acmd || { echo "compile_time.sh: asyncc failed" >&2; exit 1; }
$ccmd || { echo "compile_time.sh: clang failed" >&2; exit 1; }

# one wall time of CMD..., in ns
time_ns() {
  s=$(date +%s%N)
  "$@" > /dev/null 2>&1
  e=$(date +%s%N)
  echo $((e - s))
}

median_ms() {
  sort -n "$1" | awk '{v[NR] = $1} END {
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
    printf "%.3f\n", m / 1e6 }'
}

# A and B alternate round by round: this machine drifts over seconds, and
# a ratio of two medians taken minutes apart would measure the drift
$acmd > /dev/null 2>&1; $ccmd > /dev/null 2>&1 # warm-up
: > "$tmp/a"
: > "$tmp/c"
i=0
while [ $i -lt "$runs" ]; do
  time_ns $acmd >> "$tmp/a"
  time_ns $ccmd >> "$tmp/c"
  i=$((i + 1))
done
tool="alternating rounds"
a=$(median_ms "$tmp/a")
c=$(median_ms "$tmp/c")
n=$(wc -l < "$src")
echo "file:   gen.py bigfile $lines ($n lines, $(grep -c '^async ' "$src") async functions)"
echo "timing: median of $runs runs ($tool)"
printf 'asyncc -S:            %10.1f ms\n' "$a"
printf '%-21s %10.1f ms\n' "$clang -fsyntax-only:" "$c"
awk -v a="$a" -v c="$c" 'BEGIN { r = a / c; printf "ratio asyncc/clang:   %10.2fx  (%s)\n", r, r <= 1.5 ? "ok: <= 1.5x" : "over the 1.5x target" }'
