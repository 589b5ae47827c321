#!/usr/bin/env bash
# W5 with the servers alternated round by round, for A/B comparisons on a
# machine whose speed drifts (run.sh runs each server's repetitions back to
# back).  Same setup as ../shared/peers/run.sh: server on core 0, client on
# core 1, 64-byte messages, 4 s + 1 s warm-up.  Prints each round's msg/s
# and, per server, the median and min of its ratio to the first server.
#   bench/w5-alternate.sh CONNS ROUNDS SERVER...
#   bench/w5-alternate.sh 1000 8 /tmp/peers-build/c-echo-epoll build/bench/w5-echo-server
set -e
[ $# -ge 3 ] || { sed -n 2,8p "$0"; exit 2; }
conns=$1 rounds=$2
shift 2
client=${PEERS_BUILD:-/tmp/peers-build}/echo_client
out=$(mktemp)
for ((r = 1; r <= rounds; r++)); do
  line="round $r:"
  for s in "$@"; do
    port=$((20000 + RANDOM % 10000)) # below the ephemeral range the client uses
    taskset -c 0 "$s" $port 2>/dev/null &
    pid=$!
    sleep 0.2
    rate=$(taskset -c 1 "$client" -c "$conns" -m 64 -d 4 -w 1 -p $port -n x 2>/dev/null |
           sed -n 's/.*msgs_per_s=\([0-9.]*\).*/\1/p')
    kill $pid 2>/dev/null || true
    wait $pid 2>/dev/null || true
    sleep 0.3
    line="$line $(basename "$s")=${rate:-0}"
  done
  echo "$line" | tee -a "$out"
done
python3 - "$out" <<'PY'
import re, statistics, sys
rows = [dict(re.findall(r'(\S+)=([\d.]+)', l)) for l in open(sys.argv[1])]
names = list(rows[0])
for k in names[1:]:
    rs = [float(r[k]) / float(r[names[0]]) for r in rows if float(r[k]) > 0 and float(r[names[0]]) > 0]
    if rs:
        print(f"{k}/{names[0]}: median {statistics.median(rs):.3f}, min {min(rs):.3f} over {len(rs)} rounds")
PY
rm -f "$out"
