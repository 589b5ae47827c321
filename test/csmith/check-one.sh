#!/usr/bin/env bash
# Differential check of one csmith program: gcc -O0 build of the original .c
# versus the asyncc build of its asyncified .ac.
#
#   check-one.sh [--asyncify PATH] [--asyncc PATH] [--csmith-include DIR]
#                [--work DIR] [--asyncc-flags "FLAGS"] [--timeout SECS]
#                [--ref-timeout SECS]
#                PROGRAM.c
#
# Steps: gcc -O0 -w PROGRAM.c (reference, must run within the timeout),
# asyncify PROGRAM.c -> PROGRAM.ac, asyncify --verify PROGRAM.ac,
# clang-19 -fsyntax-only on the .ac with a scratch prelude (if clang-19 is
# there), asyncc PROGRAM.ac, run, compare stdout and exit status.
#
# Prints one line "RESULT: <status> <program> [detail]" and exits with
#    0  ok                   10  mismatch (output/exit status/crash/timeout)
#   11  asyncc-compile-failure
#   12  asyncify-failure (a bug of the test tool or a parse error)
#   13  skipped: call of a csmith function inside a macro expansion
#   77  skipped: missing prerequisite (csmith headers, gcc) or the reference
#       program does not terminate within --ref-timeout (default 2 s);
#       skipped-no-asyncc: the transform checks passed but there is no asyncc
# All intermediate files are left in the work directory.
set -u

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
asyncify=${ASYNCIFY:-$root/build/bin/asyncify}
asyncc=${ASYNCC:-$root/build/bin/asyncc}
csinc=${CSMITH_INCLUDE:-/usr/include/csmith}
work=
aflags=${ASYNCC_FLAGS:--w}
tmo=${CHECK_TIMEOUT:-10}        # for the asyncc-built program
ref_tmo=${REF_TIMEOUT:-2}       # for the gcc-built reference

while [ $# -gt 1 ]; do
  case $1 in
    --asyncify) asyncify=$2; shift 2 ;;
    --asyncc) asyncc=$2; shift 2 ;;
    --csmith-include) csinc=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --asyncc-flags) aflags=$2; shift 2 ;;
    --timeout) tmo=$2; shift 2 ;;
    --ref-timeout) ref_tmo=$2; shift 2 ;;
    *) echo "check-one.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
[ $# -eq 1 ] || { echo "usage: check-one.sh [options] PROGRAM.c" >&2; exit 2; }
src=$1
name=$(basename "$src" .c)
[ -n "$work" ] || work=$(mktemp -d "${TMPDIR:-/tmp}/csmith-check.XXXXXX")
mkdir -p "$work"
src=$(cd "$(dirname "$src")" && pwd)/$(basename "$src")

result() { # status exit-code [detail]
  echo "RESULT: $1 $name${3:+ $3}"
  exit "$2"
}

[ -f "$csinc/csmith.h" ] || result skipped 77 "(no $csinc/csmith.h: install libcsmith-dev)"
command -v gcc >/dev/null || result skipped 77 "(no gcc)"
[ -x "$asyncify" ] || result skipped 77 "(no asyncify at $asyncify)"

# 1. Reference.
if ! timeout 60 gcc -O0 -w -I"$csinc" "$src" -o "$work/ref" 2>"$work/ref.cc.log"; then
  result skipped 77 "(gcc cannot build the original)"
fi
timeout "$ref_tmo" "$work/ref" >"$work/ref.out" 2>/dev/null
ref_rc=$?
[ $ref_rc -eq 124 ] && result skipped 77 "(reference times out)"

# 2. Transform and check the transform.
ac=$work/$name.ac
timeout 60 "$asyncify" ${ASYNCIFY_FLAGS:-} "$src" -o "$ac" -I"$csinc" 2>"$work/asyncify.log"
rc=$?
[ $rc -eq 3 ] && result skipped-macro 13 "(call inside a macro expansion)"
[ $rc -eq 0 ] || result asyncify-failure 12 "(asyncify exit $rc, see $work/asyncify.log)"
if ! timeout 60 "$asyncify" --verify "$ac" -I"$csinc" 2>>"$work/asyncify.log"; then
  result asyncify-failure 12 "(verify failed, see $work/asyncify.log)"
fi
if command -v clang-19 >/dev/null; then
  printf '%s\n' '#define async __attribute__((annotate("asyncc.async")))' \
    '#define await __extension__' 'async void ac_yield(void);' >"$work/prelude.h"
  if ! timeout 60 clang-19 -fsyntax-only -w -x c -include "$work/prelude.h" \
       -I"$csinc" "$ac" 2>>"$work/asyncify.log"; then
    result asyncify-failure 12 "(.ac does not parse with clang, see $work/asyncify.log)"
  fi
fi

# 3. asyncc.
[ -x "$asyncc" ] || result skipped-no-asyncc 77 "(transform ok; no asyncc at $asyncc)"
# shellcheck disable=SC2086
if ! timeout 120 "$asyncc" $aflags -I"$csinc" "$ac" -o "$work/prog" \
     >"$work/asyncc.log" 2>&1; then
  result asyncc-compile-failure 11 "($(grep -m1 -i error "$work/asyncc.log" | cut -c1-200))"
fi
timeout "$tmo" "$work/prog" >"$work/prog.out" 2>"$work/prog.err"
rc=$?
if [ $rc -ne $ref_rc ]; then
  case $rc in
    124) why="timeout" ;;
    13[0-9]|1[4-5][0-9]) why="signal $((rc - 128))" ;;
    *) why="exit $rc" ;;
  esac
  result mismatch 10 "($why, reference exit $ref_rc)"
fi
cmp -s "$work/ref.out" "$work/prog.out" ||
  result mismatch 10 "(output: $(head -c 100 "$work/prog.out" | tr '\n' ' ') vs $(head -c 100 "$work/ref.out" | tr '\n' ' '))"
result ok 0
