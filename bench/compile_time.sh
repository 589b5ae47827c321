#!/bin/sh
# Compile-time benchmark: how much does lowering cost next to parsing?
#
# Generates a LINES-line .ac file (test/scale/gen.py bigfile, default 5000)
# and times, on that same file:
#   asyncc   build/bin/asyncc -S FILE.ac -o /dev/null       (parse + lower)
#   clang    clang-19 -fsyntax-only -x c -include prelude.h  (parse only)
# Prints the median of RUNS runs of each (hyperfine if installed, else a loop
# timed with date +%s%N) and the ratio asyncc/clang (aim: <= 2x).
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

# median_ms CMD...: median wall time of $runs runs, in ms (3 decimals)
median_ms() {
  if command -v hyperfine > /dev/null 2>&1; then
    hyperfine -N -w 1 -r "$runs" --export-json "$tmp/h.json" "$*" > /dev/null 2>&1
    python3 -c 'import json,sys; print("%.3f" % (json.load(open(sys.argv[1]))["results"][0]["median"] * 1000))' "$tmp/h.json"
    return
  fi
  "$@" > /dev/null 2>&1 # warm-up
  i=0
  : > "$tmp/t"
  while [ $i -lt "$runs" ]; do
    s=$(date +%s%N)
    "$@" > /dev/null 2>&1
    e=$(date +%s%N)
    echo $((e - s)) >> "$tmp/t"
    i=$((i + 1))
  done
  sort -n "$tmp/t" | awk '{v[NR] = $1} END {
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
    printf "%.3f\n", m / 1e6 }'
}

tool=loop
command -v hyperfine > /dev/null 2>&1 && tool=hyperfine
a=$(median_ms $acmd)
c=$(median_ms $ccmd)
n=$(wc -l < "$src")
echo "file:   gen.py bigfile $lines ($n lines, $(grep -c '^async ' "$src") async functions)"
echo "timing: median of $runs runs ($tool)"
printf 'asyncc -S:            %10.1f ms\n' "$a"
printf '%-21s %10.1f ms\n' "$clang -fsyntax-only:" "$c"
awk -v a="$a" -v c="$c" 'BEGIN { r = a / c; printf "ratio asyncc/clang:   %10.2fx  (%s)\n", r, r <= 2 ? "ok: <= 2x" : "over the 2x aim" }'
