#!/usr/bin/env bash
# Runs every benchmark of issue 6 and prints one markdown table (what | figure | target |
# baseline | ratio | met?), with the machine and the date. Builds what it needs: the native
# Release tree in build/bench (the viewer `versus` and `versus_bench`). Takes about a minute.
#
#   shell/bench.sh            the full run (docs/performance.md shows its latest table)
#   shell/bench.sh --smoke    a few iterations of each (what CTest runs)
#
# Method: docs/performance.md. Native figures: tests/bench/bench.cpp (CPU time of the thread,
# medians). Desktop: tests/bench/desktop_start.py under Xvfb (wall time from spawn to the first
# frame's state dump, peak RSS from wait4). Web: sizes of build/web/dist when it exists; the
# browser figures are not measured yet (placeholder rows).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
smoke=()
[ "${1:-}" = --smoke ] && smoke=(--smoke)

{
  cmake --preset native -B build/bench
  cmake --build build/bench -j2 --target versus versus_bench bench_window
} >build/bench.log 2>&1 || { cat build/bench.log; echo "shell/bench.sh: build failed" >&2; exit 1; }

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
echo "## versus benchmarks"
echo
echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC'); commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet 2>/dev/null || echo ' (+ uncommitted changes)')"
echo "- machine: $(nproc) cores, ${cpu:-unknown CPU}, $(awk '/MemTotal/ {printf "%.1f GiB RAM", $2/1048576}' /proc/meminfo), $(uname -sr)"
echo "- load average at start: $(cut -d' ' -f1-3 /proc/loadavg) (the machine is shared)"
echo "- build: native Release, $(c++ --version | head -1)${smoke:+; SMOKE RUN: iteration counts too small to mean anything}"
echo
echo "| what | figure | target | baseline | ratio | met? |"
echo "|---|---|---|---|---|---|"

build/bench/versus_bench "${smoke[@]}"
bash tests/bench/with_xvfb.sh python3 tests/bench/desktop_start.py "${smoke[@]}" build/bench/versus build/bench/versus_bench build/bench/bench_window

# [web] Transfer size: pure file sizes of the built widget, when build/web/dist exists.
dist=build/web/dist
if [ -f "$dist/versus.js" ] && [ -f "$dist/versus-core.js" ] && [ -f "$dist/versus-core.wasm" ]; then
  total=0; parts=()
  for f in versus.js versus-core.js versus-core.wasm; do
    n=$(gzip -9 -c "$dist/$f" | wc -c); total=$((total + n)); parts+=("$f $((n / 1024)) KiB")
  done
  kb=$(awk -v b="$total" 'BEGIN { printf "%.1f", b / 1000 }')
  met=$(awk -v b="$total" 'BEGIN { print (b <= 250000 ? "yes" : "**no**") }')
  echo "| web: first-load transfer, gzip -9 of loader + core JS + wasm (fonts are inside the wasm; $(IFS=,; echo "${parts[*]}")) | $kb KB | ≤ 250 KB | not measured yet (hello-world wasm with the same flags) | — | $met |"
else
  echo "| web: first-load transfer, gzip -9 of loader + core JS + wasm + fonts | not measured yet (no build/web/dist) | ≤ 250 KB | not measured yet | — | — |"
fi
echo "| web: element start → first frame, headless Chromium, localhost | not measured yet | ≤ 1.3 × baseline | not measured yet (hello-world first frame) | — | — |"
echo "| web: frames drawn in 3 s of idle after load | not measured yet | 0 | not measured yet (hello-world: ~180) | — | — |"
echo "| web: 6 widgets on one page, wasm downloads / compilations | not measured yet | 1 / 1 | — | — | — |"
echo "| web: mount + unmount a widget 200 times, memory | not measured yet | flat | — | — | — |"
