#!/usr/bin/env bash
# The longer version of test/exec/runtime-cross-worker.ac (issue 14 audit:
# join handles, select losers, channel waiters, timers and join sets raced
# between 2 workers): its rounds repeated for DURATION seconds under a
# sanitizer.  Exit status 0 iff nothing was lost, doubled or reported.
#
#   DURATION=60 SAN=asan|tsan|none WORKERS=2 IO=epoll test/soak/cross-worker.sh
#
# IO is the program's reactor backend (ASYNCC_IO): epoll unless said (the
# runtime's own default is the ring where the kernel has one).
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
DURATION=${DURATION:-60}
SAN=${SAN:-tsan}
WORKERS=${WORKERS:-2}
IO=${IO:-${ASYNCC_IO:-epoll}}
ASYNCC=${ASYNCC:-$root/build/bin/asyncc}
OUT=${OUT:-$root/build/soak-cross-worker-$SAN}
case $SAN in
none) sanflags="-O2" ;;
asan) sanflags="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer" ;;
tsan) sanflags="-O1 -g -fsanitize=thread" ;;
*) echo "SAN must be none, asan or tsan" >&2; exit 2 ;;
esac
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export TSAN_OPTIONS=${TSAN_OPTIONS:-halt_on_error=1}
mkdir -p "$OUT"
"$ASYNCC" $sanflags -Wall "$root/test/exec/runtime-cross-worker.ac" -o "$OUT/prog" || exit 2
# bounded: killed (by its PID, through timeout) 120 s after DURATION
ASYNCC_IO=$IO ASYNCC_WORKERS=$WORKERS timeout -s KILL $((DURATION + 120)) "$OUT/prog" "$DURATION" \
  >"$OUT/out" 2>"$OUT/err"
rc=$?
want="joins=0 selects=0 channels=0 timers=0 join_sets=0"
if [ $rc -eq 0 ] && grep -qx "$want" "$OUT/out"; then
  echo "cross-worker: PASS duration=${DURATION}s san=$SAN workers=$WORKERS io=$IO $(grep rounds= "$OUT/err")"
  exit 0
fi
echo "cross-worker: FAIL (exit $rc) duration=${DURATION}s san=$SAN workers=$WORKERS io=$IO"
cat "$OUT/out"; head -60 "$OUT/err"
exit 1
