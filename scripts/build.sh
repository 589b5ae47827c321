#!/usr/bin/env bash
# Installs what is missing, builds asyncc into build/, then compiles and runs
# examples/hello.ac with it.
set -e
cd "$(dirname "$0")/.."
bash scripts/deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build
build/bin/asyncc -Wall -Wextra examples/hello.ac -o build/hello
build/hello
