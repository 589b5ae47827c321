#!/usr/bin/env bash
# The plain-C half of the test/macros programs, without asyncc: each program
# is built from the plain-C command of its RUN line (the `%cc ... -o
# %t.c.exe` part) with gcc and clang-19 -Wall -Wextra -Werror, and with gcc
# ASan + UBSan (+ LSan), run, and its output must be the same in the three
# builds and pass the FileCheck lines. This is the reference the asyncc
# build is compared with.
#
#   test/macros/check-plain.sh [PROGRAM.ac...]     (default: all)
set -u
here=$(cd "$(dirname "$0")" && pwd)
filecheck=${FILECHECK:-/usr/lib/llvm-19/bin/FileCheck}
work=$(mktemp -d "${TMPDIR:-/tmp}/macros-plain.XXXXXX")
trap 'rm -rf "$work"' EXIT
[ $# -gt 0 ] || set -- "$here"/*.ac
fails=0
for f in "$@"; do
  f=$(cd "$(dirname "$f")" && pwd)/$(basename "$f")
  name=$(basename "$f" .ac)
  run=$(grep -m1 '// RUN:' "$f")
  cmd=$(printf '%s\n' "$run" | sed -n 's/.*&& %cc -w \(.*\) -o %t\.c\.exe.*/\1/p')
  if [ -z "$cmd" ]; then echo "FAIL $name: no plain-C command in the RUN line"; fails=$((fails + 1)); continue; fi
  cmd=${cmd//%S/$(dirname "$f")}
  cmd=${cmd//%s/$f}
  ok=1
  for v in gcc clang-19 san; do
    case $v in
      san) cc=gcc; extra="-g -fsanitize=address,undefined -fno-sanitize-recover=all" ;;
      *) cc=$v; extra= ;;
    esac
    # shellcheck disable=SC2086
    if ! $cc -Wall -Wextra -Werror $extra $cmd -o "$work/$name.$v" 2>"$work/$name.$v.log"; then
      echo "FAIL $name: $v build"; head -5 "$work/$name.$v.log"; ok=0; continue
    fi
    if ! ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
         "$work/$name.$v" >"$work/$name.$v.out" 2>"$work/$name.$v.err"; then
      echo "FAIL $name: $v run"; head -5 "$work/$name.$v.err"; ok=0
    fi
  done
  if [ $ok = 1 ]; then
    cmp -s "$work/$name.gcc.out" "$work/$name.clang-19.out" && cmp -s "$work/$name.gcc.out" "$work/$name.san.out" ||
      { echo "FAIL $name: the outputs of the three builds differ"; ok=0; }
    "$filecheck" "$f" <"$work/$name.gcc.out" 2>"$work/$name.fc" || { echo "FAIL $name: FileCheck"; head -5 "$work/$name.fc"; ok=0; }
  fi
  [ $ok = 1 ] && echo "ok   $name" || fails=$((fails + 1))
done
echo "plain C: $(($# - fails)) ok, $fails failed"
[ $fails = 0 ]
