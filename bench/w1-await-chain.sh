#!/bin/sh
# W1: both backends, and the chain that may suspend (see bench/CMakeLists.txt)
d=$(dirname "$0")
"$d/w1-await-chain-gcc" && "$d/w1-await-chain-clang" && "$d/w1-await-chain-frames"
