#!/usr/bin/env bash
# Differential fuzzing of asyncc against gcc with fresh csmith programs.
#
#   test/csmith/run-differential.sh N [START_SEED]
#   test/csmith/run-differential.sh --seeds N [--start START_SEED]
#
# Generates N csmith programs with seeds START_SEED .. START_SEED+N-1
# (START_SEED defaults to a seed derived from the clock, so each run tries
# fresh seeds; it is printed, so a run can be repeated), and for each runs
# check-one.sh: gcc -O0 -w reference vs. asyncify + asyncc.
#
# Environment:
#   OUT            result directory (default: build/csmith-differential)
#   JOBS           parallel jobs (default: nproc)
#   CSMITH_OPTS    csmith options (default: the corpus options below)
#   ASYNCC_FLAGS   flags for asyncc (default: -w)
#   ASYNCIFY_FLAGS flags for asyncify (--yield-some: only about half the
#                  functions suspend, the others are called directly)
#   REF_TIMEOUT, CHECK_TIMEOUT  run time limits of the gcc reference (2 s)
#                  and of the asyncc-built program (10 s)
#   ASYNCIFY, ASYNCC, CSMITH_INCLUDE   tool paths (default: build/bin/...)
#   KEEP_ALL=1     keep the work directories of passing seeds too
#
# Failing cases are kept under $OUT/failures/<status>/seed<N>/ (the csmith
# .c, the .ac, compiler logs, both outputs); $OUT/results.txt has one
# "RESULT:" line per seed.  Exit status 0 iff there is no mismatch,
# asyncc-compile-failure or asyncify-failure.
set -u

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)

usage() {
  echo "usage: $0 N [START_SEED]  or  $0 --seeds N [--start START_SEED]" >&2
  exit 2
}
n= start=
while [ $# -gt 0 ]; do
  case $1 in
    --seeds) [ $# -ge 2 ] || usage; n=$2; shift 2 ;;
    --start) [ $# -ge 2 ] || usage; start=$2; shift 2 ;;
    -h|--help) usage ;;
    -*) usage ;;
    *) if [ -z "$n" ]; then n=$1; elif [ -z "$start" ]; then start=$1; else usage; fi
       shift ;;
  esac
done
case $n in ''|*[!0-9]*) usage ;; esac
case ${start:-0} in *[!0-9]*) usage ;; esac
start=${start:-$(( $(date +%s) % 1000000000 ))}
out=${OUT:-$root/build/csmith-differential}
jobs=${JOBS:-$(nproc)}
# Small programs that terminate fast; keep in sync with corpus/README.
opts=${CSMITH_OPTS:---no-argc --max-funcs 6 --max-block-depth 3 --max-block-size 3 --max-expr-complexity 6 --max-array-dim 2 --max-array-len-per-dim 4 --max-struct-fields 4 --max-union-fields 3}

command -v csmith >/dev/null || { echo "csmith not found (apt-get install csmith libcsmith-dev)" >&2; exit 2; }
export ASYNCIFY=${ASYNCIFY:-$root/build/bin/asyncify}
export ASYNCC=${ASYNCC:-$root/build/bin/asyncc}
[ -x "$ASYNCIFY" ] || { echo "asyncify not found at $ASYNCIFY (build the project)" >&2; exit 2; }
[ -x "$ASYNCC" ] || echo "warning: no asyncc at $ASYNCC: only the transform is checked" >&2

mkdir -p "$out/work" "$out/failures"
: >"$out/results.txt"
echo "csmith differential: $n seeds from $start, options: $opts"
echo "results in $out"

one() { # seed
  local s=$1 w=$out/work/seed$1 line st
  mkdir -p "$w"
  # shellcheck disable=SC2086
  # csmith writes platform.info into its working directory.
  if ! (cd "$w" && timeout 20 csmith --seed "$s" $opts -o "seed$s.c") >/dev/null 2>&1; then
    line="RESULT: skipped seed$s (csmith timeout/failure)"
  else
    line=$(timeout 300 "$here/check-one.sh" --work "$w" "$w/seed$s.c" 2>&1 | grep '^RESULT:' | tail -1)
    [ -n "$line" ] || line="RESULT: mismatch seed$s (check-one.sh timed out)"
  fi
  echo "$line"
  st=$(echo "$line" | awk '{print $2}')
  case $st in
    ok|skipped|skipped-macro|skipped-no-asyncc) [ "${KEEP_ALL:-0}" = 1 ] || rm -rf "$w" ;;
    *) mkdir -p "$out/failures/$st"; rm -rf "$out/failures/$st/seed$s"
       mv "$w" "$out/failures/$st/seed$s" ;;
  esac
}
export -f one
export out opts here

seq "$start" $((start + n - 1)) | xargs -P "$jobs" -I{} bash -c 'one {}' |
  tee -a "$out/results.txt"

count() { grep -c "^RESULT: $1 " "$out/results.txt"; }
ok=$(count ok); mm=$(count mismatch); cf=$(count asyncc-compile-failure)
af=$(count asyncify-failure); sk=$(count skipped); sm=$(count skipped-macro)
na=$(count skipped-no-asyncc)
echo
echo "seeds $start..$((start + n - 1)):"
echo "  ok:                     $ok"
echo "  mismatch:               $mm"
echo "  asyncc-compile-failure: $cf"
echo "  asyncify-failure:       $af"
echo "  skipped (csmith/reference timeout): $sk"
echo "  skipped (call in macro expansion):  $sm"
echo "  transform ok, no asyncc to run:     $na"
[ $((mm + cf + af)) -eq 0 ] || echo "failing cases kept in $out/failures/"
echo "differential: $ok passed, $((mm + cf + af)) failed, $((sk + sm + na)) skipped"
[ $((mm + cf + af)) -eq 0 ]
