#!/usr/bin/env bash
# Mixed-load soak (issue 14 item 6): the HTTP-like server of mixed.ac (every
# request a file read: a blocking-pool job on epoll, IORING_OP_READ on the
# ring; plus timers, channels, join sets,
# aborts and ac_spawn_blocking jobs in the background) under connection
# churn over 127.0.0.1 from a second process, for DURATION seconds.
# Samples the server's RSS and open fds every SAMPLE seconds; fails if a
# request took over 2 s (or failed), if the server failed or died, or if
# RSS or fds kept growing (the second half of the run after warm-up above
# the first half by more than 25 % + 8 MiB of RSS, or 32 fds).
#
#   DURATION=60 SAN=none|asan|tsan WORKERS=2 TASKS=32 SAMPLE=3 IO=epoll test/soak/mixed.sh
#
# IO is the server's reactor backend (ASYNCC_IO): epoll unless said (the
# runtime's own default is the ring where the kernel has one).
# SAN applies to the server (the client is built plain, to keep the load
# up); WORKERS is its ASYNCC_WORKERS, CLIENT_WORKERS the client's (0).
# Outputs, samples.tsv included, go to OUT (build/soak-mixed-SAN-wWORKERS).
# Exit status 0 iff it passed; the last line is the summary.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
DURATION=${DURATION:-60}
SAN=${SAN:-none}
WORKERS=${WORKERS:-2}
CLIENT_WORKERS=${CLIENT_WORKERS:-0}
TASKS=${TASKS:-32}
SAMPLE=${SAMPLE:-3}
IO=${IO:-${ASYNCC_IO:-epoll}}
ASYNCC=${ASYNCC:-$root/build/bin/asyncc}
OUT=${OUT:-$root/build/soak-mixed-$SAN-w$WORKERS}

case $SAN in
none) sanflags="-O2" ;;
asan) sanflags="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer" ;;
tsan) sanflags="-O1 -g -fsanitize=thread" ;;
*) echo "SAN must be none, asan or tsan" >&2; exit 2 ;;
esac
# A small ASan quarantine, so that RSS levels off within the warm-up
# instead of climbing to the default 256 MiB and looking like a leak.
export ASAN_OPTIONS=${ASAN_OPTIONS:-quarantine_size_mb=16:detect_leaks=1:abort_on_error=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export TSAN_OPTIONS=${TSAN_OPTIONS:-halt_on_error=1}

mkdir -p "$OUT"
rm -f "$OUT/port" "$OUT/samples.tsv"
"$ASYNCC" $sanflags -Wall -Wno-blocking-call "$here/mixed.ac" -o "$OUT/server" || exit 2
"$ASYNCC" -O2 -Wall -Wno-blocking-call "$here/mixed.ac" -o "$OUT/client" || exit 2

spid="" cpid=""
cleanup() { # only the processes started here, by PID
  [ -n "$cpid" ] && kill -KILL "$cpid" 2>/dev/null
  [ -n "$spid" ] && kill -KILL "$spid" 2>/dev/null
}
trap cleanup EXIT

ASYNCC_IO=$IO ASYNCC_WORKERS=$WORKERS "$OUT/server" server "$OUT" 2>"$OUT/server.err" &
spid=$!
for _ in $(seq 300); do [ -s "$OUT/port" ] || ! kill -0 "$spid" 2>/dev/null && break; sleep 0.1; done
if [ ! -s "$OUT/port" ]; then
  echo "mixed: FAIL: the server did not start"; cat "$OUT/server.err"; exit 1
fi
port=$(cat "$OUT/port")
ASYNCC_WORKERS=$CLIENT_WORKERS "$OUT/client" client "$port" "$DURATION" "$TASKS" \
  >"$OUT/client.out" 2>"$OUT/client.err" &
cpid=$!

fail=""
start=$(date +%s)
printf 't_s\trss_kb\tfds\n' >"$OUT/samples.tsv"
while kill -0 "$cpid" 2>/dev/null; do
  now=$(($(date +%s) - start))
  if ! kill -0 "$spid" 2>/dev/null; then fail="server died"; break; fi
  rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$spid/status" 2>/dev/null)
  fds=$(ls "/proc/$spid/fd" 2>/dev/null | wc -l)
  [ -n "$rss" ] && printf '%s\t%s\t%s\n' "$now" "$rss" "$fds" >>"$OUT/samples.tsv"
  if [ "$now" -gt $((DURATION + 60)) ]; then fail="client still running 60 s after DURATION"; break; fi
  sleep "$SAMPLE"
done
if [ -z "$fail" ]; then
  wait "$cpid"; crc=$?
  cpid=""
  [ "$crc" -ne 0 ] && fail="client failed (exit $crc: a request over 2 s, a wrong reply or an error)"
fi
# stop the server by its PID: SIGTERM, then at most 30 s for its clean exit
if kill -0 "$spid" 2>/dev/null; then
  kill -TERM "$spid"
  for _ in $(seq 300); do kill -0 "$spid" 2>/dev/null || break; sleep 0.1; done
fi
if kill -0 "$spid" 2>/dev/null; then
  kill -KILL "$spid"; wait "$spid" 2>/dev/null; spid=""
  fail="${fail:-server did not stop on SIGTERM}"
else
  wait "$spid"; src=$?; spid=""
  [ "$src" -ne 0 ] && fail="${fail:-server exited $src (errors, or a sanitizer report: $OUT/server.err)}"
fi

# Growth: after a warm-up of a fifth of the run (at least 10 s), the second
# half's peak against the first half's.
growth=$(awk -v warm=$((DURATION / 5 > 10 ? DURATION / 5 : 10)) '
  NR > 1 && $1 >= warm { t[n] = $1; r[n] = $2; f[n] = $3; n++ }
  END {
    if (n < 4) { print "ok growth not checked: too few samples after the warm-up"; exit }
    h = int(n / 2)
    for (i = 0; i < n; i++) {
      if (i < h) { if (r[i] > r1) r1 = r[i]; if (f[i] > f1) f1 = f[i] }
      else { if (r[i] > r2) r2 = r[i]; if (f[i] > f2) f2 = f[i] }
    }
    bad = (r2 > r1 * 1.25 + 8192) ? "rss" : ((f2 > f1 + 32) ? "fds" : "ok")
    printf "%s rss_kb %d->%d fds %d->%d (peaks, 1st/2nd half after warm-up)\n", bad, r1, r2, f1, f2
  }' "$OUT/samples.tsv")
case $growth in
rss*) fail="${fail:-RSS grows: $growth}" ;;
fds*) fail="${fail:-open fds grow: $growth}" ;;
esac

summary=$(grep '^SUMMARY' "$OUT/client.out" | sed 's/^SUMMARY //')
server_line=$(grep '^server:' "$OUT/server.err" | sed 's/^server: //')
echo "mixed: ${fail:+FAIL: $fail; }duration=${DURATION}s san=$SAN workers=$WORKERS client: ${summary:-none}; server: ${server_line:-none}; ${growth#* }"
[ -z "$fail" ] && echo "mixed: PASS" && exit 0
tail -5 "$OUT/client.out" "$OUT/client.err" "$OUT/server.err" 2>/dev/null
exit 1
