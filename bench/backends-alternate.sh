#!/usr/bin/env bash
# One benchmark program under both reactor backends (ASYNCC_IO=epoll and
# ASYNCC_IO=uring), alternated round by round; prints, per RESULT figure,
# the median of each backend and uring/epoll (for times, < 1 is faster).
#   bench/backends-alternate.sh ROUNDS PROGRAM [ARGS...]
#   bench/backends-alternate.sh 5 build/bench/w6-timers
set -e
[ $# -ge 2 ] || { sed -n 2,6p "$0"; exit 2; }
rounds=$1
shift
out=$(mktemp)
trap 'rm -f "$out"' EXIT
for ((r = 1; r <= rounds; r++)); do
  for io in epoll uring; do
    ASYNCC_IO=$io "$@" 2>/dev/null | sed -n "s/^RESULT /$io /p" >>"$out"
  done
done
python3 - "$out" "$rounds" <<'PY'
import re, statistics, sys
vals = {}
for line in open(sys.argv[1]):
    io, workload, peer, rest = line.split(None, 3)
    m = re.match(r'(\w+)=([\d.]+)', rest)
    if m:
        vals.setdefault((workload, peer, m.group(1)), {}).setdefault(io, []).append(float(m.group(2)))
print(f"rounds: {sys.argv[2]}")
for (w, p, k), d in vals.items():
    if "epoll" in d and "uring" in d:
        e, u = statistics.median(d["epoll"]), statistics.median(d["uring"])
        print(f"{w} {p} {k}: epoll {e:g} [{min(d['epoll']):g}-{max(d['epoll']):g}]"
              f"  uring {u:g} [{min(d['uring']):g}-{max(d['uring']):g}]  uring/epoll {u / e if e else 0:.3f}")
PY
