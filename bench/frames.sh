#!/bin/sh
# Workload F (../shared/peers/frames/README.md): the frame size of each case
# of frames.ac, as `asyncc --emit=layout` reports it, in the peers' format
# (RESULT frame-size asyncc <case>=<bytes> B).  Usage:
#   bench/frames.sh [ASYNCC] [frames.ac]
# ASYNCC defaults to build/bin/asyncc; in build/bench (where CMake copies this
# script) to ../bin/asyncc.
d=$(dirname "$0")
asyncc=${1:-$( [ -x "$d/../bin/asyncc" ] && echo "$d/../bin/asyncc" || echo "$d/../build/bin/asyncc" )}
src=${2:-$( [ -f "$d/frames.ac" ] && echo "$d/frames.ac" )}
"$asyncc" --emit=layout "$src" -o - | awk '
  BEGIN { split("leaf F1-leaf w1 F2-wrap1 w3 F2-wrap3 disjoint F3-disjoint dead F4-dead two F5-two phase F6-phase", a, " ")
          for (i = 1; i < 14; i += 2) { name[a[i]] = a[i + 1]; order[(i + 1) / 2] = a[i] } }
  /^async / { fn = $2; sub(/ bytes.*/, ""); sub(/.*frame /, ""); size[fn] = $0 }
  END { for (i = 1; i <= 7; i++) { f = order[i]
          if (f in size) printf "RESULT frame-size asyncc %s=%s B\n", name[f], size[f]
          else { printf "frames.sh: no frame for %s\n", f > "/dev/stderr"; bad = 1 } }
        exit bad }'
