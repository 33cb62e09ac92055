#!/usr/bin/env bash
# Runs every benchmark of issue 6 and prints one markdown table (what | figure | target |
# baseline | ratio | met?), with the machine and the date. Builds what it needs: the native
# Release tree in build/bench (the viewer `versus` and `versus_bench`) and the web tree in
# build/bench-web (the widget's dist/ and the hello-world baseline). Takes about three minutes.
#
#   shell/bench.sh            the full run (docs/performance.md shows its latest table)
#   shell/bench.sh --smoke    a few iterations of each (what CTest runs)
#
# Method: docs/performance.md. Native figures: tests/bench/bench.cpp (CPU time of the thread,
# medians). Desktop: tests/bench/desktop_start.py under Xvfb (wall time from spawn to the first
# frame's state dump, peak RSS from wait4). Web: tests/bench/web/bench-web.mjs (gzip -9 of the files
# the page fetches, medians of fresh page loads in headless Chromium, frames and wasm calls counted
# by init scripts, the JS heap after forced GCs).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
smoke=()
[ "${1:-}" = --smoke ] && smoke=(--smoke)

{
  cmake --preset native -B build/bench
  cmake --build build/bench -j2 --target versus versus_bench bench_window versus-votes votes_http_baseline votes_store
  # The web tree: the widget (dist/) and the hello-world baseline (bench/), MinSizeRel.
  NODE_PATH=/usr/share/nodejs cmake --preset web -B build/bench-web
  NODE_PATH=/usr/share/nodejs cmake --build build/bench-web -j2
} >build/bench.log 2>&1 || { cat build/bench.log; echo "shell/bench.sh: build failed" >&2; exit 1; }

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
echo "## versus benchmarks"
echo
echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC'); commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet 2>/dev/null || echo ' (+ uncommitted changes)')"
echo "- machine: $(nproc) cores, ${cpu:-unknown CPU}, $(awk '/MemTotal/ {printf "%.1f GiB RAM", $2/1048576}' /proc/meminfo), $(uname -sr)"
echo "- load average at start: $(cut -d' ' -f1-3 /proc/loadavg) (the machine is shared)"
echo "- build: native Release, $(c++ --version | head -1); web MinSizeRel, $(NODE_PATH=/usr/share/nodejs emcc --version 2>/dev/null | head -1)${smoke:+; SMOKE RUN: iteration counts too small to mean anything}"
echo
echo "| what | figure | target | baseline | ratio | met? |"
echo "|---|---|---|---|---|---|"

build/bench/versus_bench "${smoke[@]}"
bash tests/bench/with_xvfb.sh python3 tests/bench/desktop_start.py "${smoke[@]}" build/bench/versus build/bench/versus_bench build/bench/bench_window

# [web] tests/bench/web/bench-web.mjs: the widget (build/bench-web/dist) against the ImGui
# hello-world built with the same flags (build/bench-web/bench), in Debian's headless Chromium.
node tests/bench/web/bench-web.mjs "${smoke[@]}" --dist build/bench-web/dist

# [votes] tests/bench/votes_bench.py: versus-votes under wrk (64 keep-alive connections, loopback)
# on SQLite and on a PostgreSQL server it starts in a temporary folder, against the same HTTP
# stack answering a constant (votes_http_baseline) and the store alone (votes_store).
python3 tests/bench/votes_bench.py "${smoke[@]}" build/bench
