#!/usr/bin/env bash
# Sets up whatever is missing, builds both targets (web, native) and runs every test under CTest:
# model unit tests, headless UI tests, browser tests (Playwright + Chromium) and desktop tests
# (Xvfb); also the model and UI tests under ASan + UBSan, the fuzz target and the benchmarks in
# smoke mode (cmake/bench.cmake). Usage: shell/test.sh [extra ctest arguments, e.g. -R model]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export VERSUS_ROOT="$PWD"

bash shell/setup.sh
export NODE_PATH=/usr/share/nodejs

step() { printf '\n=== %s\n' "$*"; }

step "web build (Emscripten) -> build/web/dist"
cmake --preset web >/dev/null
cmake --build --preset web

step "native build -> build/native"
cmake --preset native >/dev/null
cmake --build --preset native

step "sanitizer build (ASan + UBSan) -> build/asan; fuzz build (clang, libFuzzer) -> build/fuzz"
cmake --preset asan >/dev/null
cmake --build --preset asan -j2
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j2

step "tests"
ctest --preset native -j2 "$@"
