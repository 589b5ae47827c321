#!/usr/bin/env bash
# Reduce a failing asyncified csmith program to a small .ac repro with cvise
# (Debian package cvise).
#
#   test/csmith/reduce.sh compile|mismatch FILE.ac [OUT.ac]
#
# compile:  keeps the file a valid .ac (parses with clang and the scratch
#           prelude; every async call awaited, checked by asyncify --verify)
#           on which asyncc fails with the same first "error" line.
# mismatch: keeps the file a valid .ac whose plain-C meaning (async/await
#           defined empty) is free of UB under gcc -fsanitize=undefined,address
#           and of uninitialized reads (clang -Werror=uninitialized...), that
#           exits 0 within 5 s, and whose asyncc build prints something else
#           or exits differently (crash, timeout).
# The result is written to OUT.ac (default: FILE.reduced.ac).
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
mode=${1:-}; in=${2:-}
[ -n "$mode" ] && [ -f "$in" ] || { echo "usage: $0 compile|mismatch FILE.ac [OUT.ac]" >&2; exit 2; }
out=${3:-${in%.ac}.reduced.ac}
asyncify=${ASYNCIFY:-$root/build/bin/asyncify}
asyncc=${ASYNCC:-$root/build/bin/asyncc}
csinc=${CSMITH_INCLUDE:-/usr/include/csmith}
aflags=${ASYNCC_FLAGS:--w}
command -v cvise >/dev/null || { echo "cvise not found (apt-get install cvise)" >&2; exit 2; }

rdir=$(mktemp -d "${TMPDIR:-/tmp}/csmith-reduce.XXXXXX")
cp "$in" "$rdir/t.ac"
printf '%s\n' '#define async __attribute__((annotate("asyncc.async")))' \
  '#define await __extension__' 'async void ac_yield(void);' >"$rdir/prelude.h"
printf '%s\n' '#define async' '#define await' 'static void ac_yield(void) {}' \
  >"$rdir/plain.h"

first_error() { grep -m1 -i 'error' "$1" | sed -e 's/^[^:]*:[0-9]*:[0-9]*: //' -e 's/[0-9]\+/N/g' | cut -c1-120; }

valid='clang-19 -fsyntax-only -w -x c -include '"$rdir"'/prelude.h -I'"$csinc"' t.ac >/dev/null 2>&1 || exit 1
timeout 20 '"$asyncify"' --verify t.ac -I'"$csinc"' >/dev/null 2>&1 || exit 1'

if [ "$mode" = compile ]; then
  (cd "$rdir" && timeout 60 "$asyncc" $aflags -I"$csinc" t.ac -o prog >orig.log 2>&1) &&
    { echo "asyncc does not fail on $in" >&2; exit 1; }
  sig=$(first_error "$rdir/orig.log")
  echo "reducing compile failure: $sig"
  printf '%s\n' "$sig" >"$rdir/sig"
  cat >"$rdir/test.sh" <<EOF
#!/usr/bin/env bash
$valid
timeout 60 $asyncc $aflags -I$csinc t.ac -o prog >log 2>&1 && exit 1
[ "\$(grep -m1 -i 'error' log | sed -e 's/^[^:]*:[0-9]*:[0-9]*: //' -e 's/[0-9]\\+/N/g' | cut -c1-120)" = "\$(cat $rdir/sig)" ]
EOF
elif [ "$mode" = mismatch ]; then
  cat >"$rdir/test.sh" <<EOF
#!/usr/bin/env bash
$valid
clang-19 -fsyntax-only -x c -include $rdir/plain.h -I$csinc -Werror=uninitialized -Werror=sometimes-uninitialized -Werror=return-type -Werror=implicit-function-declaration -Werror=int-conversion -Werror=incompatible-pointer-types t.ac >/dev/null 2>&1 || exit 1
timeout 60 gcc -O0 -w -x c -include $rdir/plain.h -I$csinc -fsanitize=undefined,address -fno-sanitize-recover=all t.ac -o ref >/dev/null 2>&1 || exit 1
timeout 5 ./ref >ref.out 2>ref.err; rr=\$?
[ \$rr -eq 0 ] || exit 1
grep -q 'runtime error\|Sanitizer' ref.err && exit 1
timeout 60 $asyncc $aflags -I$csinc t.ac -o prog >/dev/null 2>&1 || exit 1
timeout 5 ./prog >prog.out 2>/dev/null; pr=\$?
[ \$pr -ne \$rr ] && exit 0
cmp -s ref.out prog.out && exit 1
exit 0
EOF
else
  echo "unknown mode $mode" >&2; exit 2
fi
chmod +x "$rdir/test.sh"
(cd "$rdir" && ./test.sh) || { echo "the input is not interesting for mode $mode (see $rdir/test.sh)" >&2; exit 1; }
(cd "$rdir" && timeout "${REDUCE_TIMEOUT:-900}" cvise --timeout 60 ./test.sh t.ac >cvise.log 2>&1)
cp "$rdir/t.ac" "$out"
echo "reduced: $(wc -c <"$in") -> $(wc -c <"$out") bytes: $out (work dir $rdir)"
