#!/usr/bin/env bash
# Builds the libFuzzer target: test/fuzz/build.sh <build dir> [out binary]
# (clang-19 with -fsanitize=fuzzer,address,undefined; the lowering's sources
# are compiled in, libclang is linked).
set -euo pipefail
src=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "${1:?usage: build.sh <build dir> [out]}" && pwd)
out=${2:-$build/fuzz/fuzz_lower}
mkdir -p "$(dirname "$out")"
clang-19 -g -O1 -std=gnu17 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
  -I"$src/lib/Lowering" -I"$src/lib/Lowering/include" -I/usr/lib/llvm-19/include -DASYNCC_INCLUDE_DIR="\"$build/include\"" \
  "$src/test/fuzz/fuzz_lower.c" $(find "$src/lib/Lowering" -name "*.c") \
  -L/usr/lib/llvm-19/lib -lclang -Wl,-rpath,/usr/lib/llvm-19/lib -o "$out"
echo "$out"
