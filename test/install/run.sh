#!/usr/bin/env bash
# The install tests: `cmake --install` into a fresh prefix, then build the
# out-of-tree project in consumer/ against it, run it, change a header one of
# its .ac files includes, rebuild, and check that the change shows.
#   run.sh cmake-ninja|cmake-make|pkgconfig <asyncc build dir> <work dir>
set -euo pipefail
mode=$1 build=$2 work=$3
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$work"
mkdir -p "$work"
prefix=$work/prefix
cmake --install "$build" --prefix "$prefix" >/dev/null
cp -r "$here/consumer" "$work/src"
cd "$work/src"

expect() { # expect <program> <its whole expected output>
  local out
  out=$("$1")
  if [ "$out" != "$2" ]; then
    printf 'FAIL: %s printed\n%s\n--- expected\n%s\n' "$1" "$out" "$2"
    exit 1
  fi
}
bump_header() { sed -i 's/APP_BASE 40/APP_BASE 50/' include/app_config.h; }

case $mode in
cmake-ninja | cmake-make)
  gen=Ninja
  [ "$mode" = cmake-make ] && gen="Unix Makefiles"
  cmake -S . -B b -G "$gen" -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_EXPORT_COMPILE_COMMANDS=ON >/dev/null
  cmake --build b
  expect b/app $'sum: 55\ncmake: 42'
  expect b/tick_main 'ticks: 3'
  bump_header
  cmake --build b
  expect b/app $'sum: 55\ncmake: 52'
  # a build with nothing changed does nothing, the compile-commands step included
  cmake --build b | tee noop.log
  ! grep -q "compile_commands.json" noop.log
  [ "$mode" = cmake-make ] || grep -q 'ninja: no work to do' noop.log
  # the .ac entry of compile_commands.json (rewritten from asyncc's command for
  # Ninja, added for Makefiles) parses with clang, and clangd uses it
  python3 - b/compile_commands.json <<'PY'
import json, shlex, subprocess, sys
entries = [e for e in json.load(open(sys.argv[1])) if e["file"].endswith("app.ac")]
assert len(entries) == 1, entries
argv = shlex.split(entries[0]["command"])
assert "-include" in argv and "-DAPP_NAME=\"cmake\"" in argv, argv
argv[0] = "clang-19"
i = argv.index("-o")
del argv[i:i + 2]
argv[argv.index("-c")] = "-fsyntax-only"
subprocess.run(argv, cwd=entries[0]["directory"], check=True)
print("compile_commands.json: app.ac parses with clang-19")
PY
  if command -v clangd >/dev/null; then
    clangd --check=app.ac --compile-commands-dir=b 2>&1 | tee clangd.log | tail -1
    grep -q 'All checks completed, 0 errors' clangd.log
  fi
  # the installed asyncc-clangd finds the asyncc installed next to it
  "$prefix/bin/asyncc-clangd" --print-clangd-config | grep -qF "\"$prefix/include/asyncc/prelude.h\""
  if [ "$mode" = cmake-ninja ]; then
    # the sanitized runtime variant
    cmake -S . -B s -G Ninja -DCMAKE_PREFIX_PATH="$prefix" -DASYNCC_SANITIZE=address >/dev/null
    cmake --build s
    expect s/app $'sum: 55\ncmake: 52'
    expect s/tick_main 'ticks: 3'
  fi
  ;;
pkgconfig)
  export PKG_CONFIG_PATH=$prefix/lib/pkgconfig
  [ "$(pkg-config --variable=asyncc asyncc)" -ef "$prefix/bin/asyncc" ]
  make
  expect ./app $'sum: 55\nmake: 42'
  grep -q 'app_config.h' app.d
  bump_header
  make
  expect ./app $'sum: 55\nmake: 52'
  ;;
*)
  echo "run.sh: unknown mode '$mode'" >&2
  exit 2
  ;;
esac
echo "PASS: $mode"
