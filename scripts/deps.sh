#!/usr/bin/env bash
# Installs (as root, idempotently) the Debian 12 packages asyncc needs to
# build and test: the compilers, libclang 19, FileCheck/lit, csmith, gdb,
# pkg-config (the install tests build a consumer project with it), meson
# (test/driver/meson-cc.test builds a project with CC=asyncc), clangd-19
# (asyncc-clangd runs it), the header-only macro libraries the test/macros
# corpus is written against (uthash-dev, libbsd-dev for <bsd/sys/tree.h>,
# libstb-dev), liburing-dev (the runtime's io_uring reactor backend), and the
# real clients and peers the examples are tested and benchmarked against
# (redis-tools, redis-server, curl, apache2-utils for ab, wrk, nginx-light).
set -e
PKGS="build-essential cmake ninja-build pkg-config python3 libclang-19-dev clang-19 llvm-19-tools libclang-rt-19-dev csmith libcsmith-dev gdb meson uthash-dev libbsd-dev libstb-dev clangd-19 liburing-dev redis-tools redis-server curl apache2-utils wrk nginx-light"
missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  echo "installing:$missing"
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $missing
fi
