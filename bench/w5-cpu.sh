#!/usr/bin/env bash
# W5 as CPU time per message: on a machine shared with other work the echo
# rate follows the share of the cores the server gets, its CPU time per
# message much less.  Same setup as w5-alternate.sh (server on core 0,
# client on core 1, 64-byte messages, 1 s warm-up + 4 s), servers
# alternated round by round; the server's user + system time over the 4 s
# (/proc/PID/stat) divided by the messages echoed.  Prints each round and,
# per server, the median ns/message and its ratio to the first server's
# (> 1: the first needs more CPU per message than this one).
#   bench/w5-cpu.sh CONNS ROUNDS SERVER...
set -e
[ $# -ge 3 ] || { sed -n 2,10p "$0"; exit 2; }
conns=$1 rounds=$2
shift 2
client=${PEERS_BUILD:-/tmp/peers-build}/echo_client
hz=$(getconf CLK_TCK)
out=$(mktemp)
trap 'rm -f "$out"' EXIT
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
for ((r = 1; r <= rounds; r++)); do
  line="round $r:"
  for s in "$@"; do
    port=$((20000 + RANDOM % 10000))
    taskset -c 0 "$s" $port 2>/dev/null &
    pid=$!
    sleep 0.2
    res=$(mktemp)
    taskset -c 1 "$client" -c "$conns" -m 64 -d 4 -w 1 -p $port -n x >"$res" 2>/dev/null &
    cpid=$!
    sleep 1
    t0=$(ticks $pid)
    sleep 4
    t1=$(ticks $pid)
    wait $cpid || true
    rate=$(sed -n 's/.*msgs_per_s=\([0-9.]*\).*/\1/p' "$res")
    rm -f "$res"
    kill $pid 2>/dev/null || true
    wait $pid 2>/dev/null || true
    sleep 0.3
    ns=$(python3 -c "r=float('${rate:-0}'); print(round((($t1-$t0)/$hz)*1e9/(r*4)) if r>0 else 0)")
    line="$line $(basename "$s")=$ns"
  done
  echo "$line (ns/msg) load=$(cut -d' ' -f1 /proc/loadavg)" | tee -a "$out"
done
python3 - "$out" <<'PY'
import re, statistics, sys
rows = [dict(re.findall(r'(\S+)=([\d.]+)', l.split('(')[0])) for l in open(sys.argv[1])]
names = list(rows[0])
for k in names:
    v = [float(r[k]) for r in rows if float(r[k]) > 0]
    rs = [float(r[names[0]]) / float(r[k]) for r in rows if float(r[k]) > 0]
    print(f"{k}: median {statistics.median(v):.0f} ns/msg [{min(v):.0f}-{max(v):.0f}]; "
          f"{names[0]}/{k} median {statistics.median(rs):.3f}, min {min(rs):.3f}")
PY
