#!/usr/bin/env bash
# Files (issue 18): bench/files-random-read with the blocking pool
# (ASYNCC_IO=epoll) and the ring (ASYNCC_IO=uring) alternated round by
# round, on a 1 GiB file in /tmp made for the run and deleted after.
# KIND=sparse (default: a hole, no disk behind it, page cache only) or
# KIND=real (1 GiB of random bytes written).  The file is read once
# before the rounds, so both serve reads from the page cache, unless
# COLD=1 (KIND=real only): each run then evicts the file's pages first and
# its reads wait for the disk.
# MODE=open: bench/files-open instead (opens of that file, each closed;
# OPS default 100000).
# Prints each round's ops/s and the median and min of uring/pool.
#   bench/files-alternate.sh BENCH_DIR [ROUNDS=7] [TASKS=64] [OPS=200000]
set -e
[ $# -ge 1 ] || { sed -n 2,11p "$0"; exit 2; }
bin=$1/files-random-read rounds=${2:-7} tasks=${3:-64} ops=${4:-200000}
if [ "${MODE:-read}" = open ]; then
  bin=$1/files-open ops=${4:-100000}
fi
file=$(mktemp /tmp/asyncc-files-XXXXXX)
out=$(mktemp)
trap 'rm -f "$file" "$out"' EXIT
if [ "${KIND:-sparse}" = real ]; then
  dd if=/dev/urandom of="$file" bs=1M count=1024 conv=fsync status=none
else
  truncate -s 1G "$file"
fi
# Both read from the page cache: load all of it once, outside the rounds.
[ -n "$COLD" ] || cat "$file" >/dev/null
for ((r = 1; r <= rounds; r++)); do
  line="round $r:"
  for io in epoll uring; do
    res=$(ASYNCC_IO=$io "$bin" "$file" "$tasks" "$ops" ${COLD:+cold})
    rate=$(echo "$res" | sed -n 's/.*ops_per_s=\([0-9.]*\).*/\1/p')
    cpu=$(echo "$res" | sed -n 's/.*cpu_ns_per_op=\([0-9.]*\).*/\1/p')
    line="$line $io=${rate:-0} ${io}_cpu_ns=${cpu:-0}"
  done
  echo "$line load=$(cut -d' ' -f1 /proc/loadavg)" | tee -a "$out"
done
python3 - "$out" <<'PY'
import re, statistics, sys
rows = [dict(re.findall(r'(\w+)=([\d.]+)', l)) for l in open(sys.argv[1])]
for k in ("epoll", "uring"):
    v = [float(r[k]) for r in rows]
    c = [float(r[k + "_cpu_ns"]) for r in rows]
    print(f"{k}: median {statistics.median(v):.0f} ops/s, range {min(v):.0f}-{max(v):.0f}; "
          f"CPU per op median {statistics.median(c):.0f} ns, range {min(c):.0f}-{max(c):.0f}")
rs = [float(r["uring"]) / float(r["epoll"]) for r in rows if float(r["epoll"]) > 0]
cs = [float(r["epoll_cpu_ns"]) / float(r["uring_cpu_ns"]) for r in rows if float(r["uring_cpu_ns"]) > 0]
print(f"uring/pool ops/s: median {statistics.median(rs):.2f}, min {min(rs):.2f}, max {max(rs):.2f} over {len(rs)} rounds")
print(f"pool/uring CPU per op: median {statistics.median(cs):.2f}, min {min(cs):.2f}")
PY
