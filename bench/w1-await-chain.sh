#!/bin/sh
# W1: both backend variants (see bench/CMakeLists.txt)
d=$(dirname "$0")
"$d/w1-await-chain-gcc" && "$d/w1-await-chain-clang"
