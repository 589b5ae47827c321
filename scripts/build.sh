#!/usr/bin/env bash
# Installs what is missing, builds asyncc and the examples into build/
# (build/examples/: hello, mini-redis, http, chat, proxy), then runs hello.
set -e
cd "$(dirname "$0")/.."
bash scripts/deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build
build/examples/hello
