#!/bin/sh
# How asyncc's compile time grows with the size of one async function:
# times `asyncc -S` on gen.py seq N (N sequential awaits) and on a function
# with N locals live across N awaits, for N, 2N and 4N, and prints the
# exponent k of t ~ N^k (1 is linear; the target is 50,000 awaits in < 3 s).
#
# usage: bench/compile_scaling.sh [BUILD_DIR] [N]   (default N 5000)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
build=${1:-$root/build}
n=${2:-5000}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

locals() {
  python3 - "$1" <<'PY'
import sys
n = int(sys.argv[1])
print('#include <stdio.h>')
print('static async int g(int x) { await ac_yield(); return x; }')
print('async int main(void) {')
for i in range(n): print('  int v%d = await g(%d);' % (i, i))
print('  long s = 0;')
for i in range(n): print('  s += v%d;' % i)
print('  printf("%ld\\n", s); return 0; }')
PY
}

secs() { # seconds of one asyncc -S, 3 decimals
  s=$(date +%s%N); "$build/bin/asyncc" -S "$1" -o /dev/null; e=$(date +%s%N)
  awk -v d=$((e - s)) 'BEGIN { printf "%.3f", d / 1e9 }'
}

for kind in seq locals; do
  prev=""
  for m in 1 2 4; do
    size=$((n * m))
    if [ $kind = seq ]; then python3 "$root/test/scale/gen.py" seq $size > "$tmp/f.ac"; else locals $size > "$tmp/f.ac"; fi
    t=$(secs "$tmp/f.ac")
    if [ -n "$prev" ]; then
      k=$(awk -v a="$prev" -v b="$t" 'BEGIN { printf "%.2f", log(b / a) / log(2) }')
      echo "RESULT compile-scaling $kind N=$size ${t} s exponent=$k"
    else
      echo "RESULT compile-scaling $kind N=$size ${t} s"
    fi
    prev=$t
  done
done
