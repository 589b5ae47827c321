#!/usr/bin/env bash
# Compares what two builds of asyncc make of every .ac of the tree (test/
# and bench/): `asyncc -S` output, diagnostics and exit code, byte for byte.
# For changes to the compiler that must not change its output.
#
# usage: scripts/compare-lowering.sh BASE_BUILD NEW_BUILD [asyncc flags...]
#   e.g. scripts/compare-lowering.sh ../main/build build --emit=json
# Prints each file whose output differs and a count; exits 1 if any does.
set -u
base=$(cd "${1:?usage: compare-lowering.sh BASE_BUILD NEW_BUILD [flags]}" && pwd)
new=$(cd "${2:?usage: compare-lowering.sh BASE_BUILD NEW_BUILD [flags]}" && pwd)
shift 2
src=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0 differ=0
while IFS= read -r f; do
  n=$((n + 1))
  for side in base new; do
    b=${!side}
    (cd "$(dirname "$f")" &&
      "$b/bin/asyncc" -S "$@" -I"$src/test/exec/Inputs" "$f" -o - >"$tmp/$side.out" 2>"$tmp/$side.err"
      echo "exit $?" >>"$tmp/$side.err")
    sed -i "s|$b|BUILD|g" "$tmp/$side.out" "$tmp/$side.err" # each build's own include dir
  done
  if ! cmp -s "$tmp/base.out" "$tmp/new.out" || ! cmp -s "$tmp/base.err" "$tmp/new.err"; then
    differ=$((differ + 1))
    echo "differs: ${f#"$src"/}"
  fi
done < <(find "$src/test" "$src/bench" -name '*.ac' | sort)
echo "compared $n files: $differ differ"
[ "$differ" -eq 0 ]
