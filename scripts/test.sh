#!/usr/bin/env bash
# Runs the whole test suite under ctest (building first if needed): lowering
# (FileCheck), diagnostics, execution tests (gcc, clang-19, ASan+UBSan),
# scale tests, runtime unit tests (also under ASan/UBSan and TSan), csmith
# differential corpus.
set -e
cd "$(dirname "$0")/.."
bash scripts/deps.sh >/dev/null
[ -f build/build.ninja ] || cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build
cmake build >/dev/null # pick up new test files
ctest --test-dir build -j"$(nproc)" --output-on-failure --timeout 300
