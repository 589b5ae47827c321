#!/usr/bin/env bash
# One benchmark program under two settings of one environment variable,
# alternated round by round; prints, per RESULT figure, the median of each
# and B/A (for times, < 1 is B faster).  By default the two reactor
# backends (ASYNCC_IO=epoll, then uring); VAR and A/B pick another:
#   bench/backends-alternate.sh ROUNDS PROGRAM [ARGS...]
#   bench/backends-alternate.sh 5 build/bench/w6-timers
#   VAR=ASYNCC_PARK_SPIN_US A=0 B= bench/backends-alternate.sh 5 build/bench/w2-yield-pingpong
# (B= empty: the variable set to "", which the runtime reads as unset.)
set -e
[ $# -ge 2 ] || { sed -n 2,9p "$0"; exit 2; }
var=${VAR:-ASYNCC_IO}
a=${A-epoll}
b=${B-uring}
rounds=$1
shift
out=$(mktemp)
trap 'rm -f "$out"' EXIT
for ((r = 1; r <= rounds; r++)); do
  for side in A B; do
    if [ $side = A ]; then val=$a; else val=$b; fi
    env "$var=$val" "$@" 2>/dev/null | sed -n "s/^RESULT /$side /p" >>"$out"
  done
done
python3 - "$out" "$rounds" "$var" "$a" "$b" <<'PY'
import re, statistics, sys
out, rounds, var, a, b = sys.argv[1:]
name = {"A": f"{var}={a}", "B": f"{var}={b}"}
vals = {}
for line in open(out):
    side, workload, peer, rest = line.split(None, 3)
    m = re.match(r'(\w+)=([\d.]+)', rest)
    if m:
        vals.setdefault((workload, peer, m.group(1)), {}).setdefault(side, []).append(float(m.group(2)))
print(f"rounds: {rounds}; A: {name['A']}, B: {name['B']}")
for (w, p, k), d in vals.items():
    if "A" in d and "B" in d:
        x, y = statistics.median(d["A"]), statistics.median(d["B"])
        print(f"{w} {p} {k}: A {x:g} [{min(d['A']):g}-{max(d['A']):g}]"
              f"  B {y:g} [{min(d['B']):g}-{max(d['B']):g}]  B/A {y / x if x else 0:.3f}")
PY
