#!/bin/sh
# How long gcc takes over the C that asyncc generates, next to the same
# program compiled as plain C (its twin: `async` an ignored attribute and
# `await` nothing, from the prelude), for the two shapes gcc once took
# minutes over:
#   locals N   one function with N locals, each set by an await and all
#              read after the last one (test/scale/gen.py locals N)
#   chain M    M async functions, each awaiting the next (gen.py chain M)
# For -O0 and -O2 it times `gcc -c` of the lowered C (asyncc -S) and of the
# plain twin in alternating rounds (RUNS each, CPU time), and prints the
# medians and the ratio lowered/plain (target: within 3x).  asyncc's own time is not
# counted (bench/compile_scaling.sh measures it).
# Two floors are timed in the same rounds (bench/gcc_floor.py cuts generated
# functions out of the lowered C, keeping their prototypes; compile only):
#   floor-idp  the lowered C with only init, poll and drop defined (no trace,
#              no block_on): the least a frame/init/poll/drop lowering has
#   floor-p    the polls alone
# No shape of that lowering can take gcc less than floor-idp.
#
# usage: bench/gcc_time.sh [BUILD_DIR] [N] [M] [RUNS]
#   BUILD_DIR  default: build next to this script's parent directory
#   N          default 2000;  M  default 1000;  RUNS  default 3
#   GCC        environment: the gcc to time (default gcc)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
build=${1:-$root/build}
n=${2:-2000}
m=${3:-1000}
runs=${4:-3}
gcc=${GCC:-gcc}
asyncc=$build/bin/asyncc
inc=$build/include
[ -x "$asyncc" ] || { echo "gcc_time.sh: no $asyncc (build first)" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# CPU time (user + sys) of one command, in seconds: on a shared machine
# the wall time measures the other jobs as much as gcc
cpu_s() {
  /usr/bin/time -f "%U %S" -o "$tmp/t" "$@" > /dev/null 2>&1 ||
    { echo "gcc_time.sh: failed: $*" >&2; exit 1; }
  awk '{ printf "%.3f\n", $1 + $2 }' "$tmp/t"
}

median_s() { # median of the numbers in file $1
  sort -n "$1" | awk '{ v[NR] = $1 } END { printf "%.3f", v[int((NR + 1) / 2)] }'
}

for shape in "locals $n" "chain $m"; do
  set -- $shape
  python3 "$root/test/scale/gen.py" "$1" "$2" > "$tmp/p.ac"
  "$asyncc" -S "$tmp/p.ac" -o "$tmp/p.c"
  python3 "$here/gcc_floor.py" trace,block_on "$tmp/p.c" "$tmp/idp.c"
  python3 "$here/gcc_floor.py" trace,block_on,init,drop "$tmp/p.c" "$tmp/pp.c"
  for opt in -O0 -O2; do
    : > "$tmp/low"; : > "$tmp/plain"; : > "$tmp/idp"; : > "$tmp/pp"
    r=0
    while [ $r -lt "$runs" ]; do
      cpu_s "$gcc" $opt -c -I"$inc" "$tmp/p.c" -o "$tmp/l.o" >> "$tmp/low"
      cpu_s "$gcc" $opt -w -c -I"$inc" "$tmp/idp.c" -o "$tmp/l.o" >> "$tmp/idp"
      cpu_s "$gcc" $opt -w -c -I"$inc" "$tmp/pp.c" -o "$tmp/l.o" >> "$tmp/pp"
      cpu_s "$gcc" $opt -w -c -x c -include "$inc/asyncc/prelude.h" -I"$inc" "$tmp/p.ac" \
        -o "$tmp/p.o" >> "$tmp/plain"
      r=$((r + 1))
    done
    lo=$(median_s "$tmp/low"); pl=$(median_s "$tmp/plain")
    idp=$(median_s "$tmp/idp"); pp=$(median_s "$tmp/pp")
    ratio() { awk -v a="$1" -v b="$pl" 'BEGIN { printf "%.1f", a / b }'; }
    echo "RESULT gcc-time $1 $2 $opt lowered ${lo} s plain ${pl} s ratio $(ratio "$lo")x" \
      "floor-idp ${idp} s ($(ratio "$idp")x) floor-p ${pp} s ($(ratio "$pp")x)"
  done
done
