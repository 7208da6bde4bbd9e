#!/bin/sh
# Rebuilds assets/tour-data/talk-amd64 (the second tour's talking program) from assets/tour-data/talk.c, or into the
# file named as the first argument. x86-64 Linux with gcc only; the result has no C library and no build id, so the
# same compiler gives the same bytes (the compiler used is recorded in talk-amd64.built-with).
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$here/assets/tour-data/talk-amd64}
gcc -nostdlib -static -Os -ffreestanding -fno-tree-loop-distribute-patterns -fno-pie -no-pie -fno-stack-protector \
  -fno-asynchronous-unwind-tables -fno-ident -Wl,--build-id=none -s -o "$out" "$here/assets/tour-data/talk.c"
if [ $# -eq 0 ]; then gcc --version | head -n 1 >"$here/assets/tour-data/talk-amd64.built-with"; fi
