#!/usr/bin/env bash
# Fuzzes the payload path (load_payload -> format_problem -> one headless frame of the view) with
# libFuzzer + ASan + UBSan for SECONDS (default 1800), one worker (the machine's 2 cores are
# shared). Builds the `fuzz` preset (clang-14) into build/fuzz first.
#
#   shell/fuzz.sh [SECONDS] [extra libFuzzer flags]
#
# The corpus grows in build/fuzz/corpus (seeded from tests/payloads/ and assets/payloads/);
# crashes, leaks and timeouts land in build/fuzz/artifacts/. Keep each one as a regression:
# copy it to tests/fuzz/regressions/ (CTest replays that folder: "fuzz: regressions").
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
seconds="${1:-1800}"
shift || true

cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j2

mkdir -p build/fuzz/corpus build/fuzz/artifacts
export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
exec build/fuzz/fuzz_payload -max_total_time="$seconds" -max_len=131072 -timeout=20 \
  -rss_limit_mb=2048 -print_final_stats=1 -dict=tests/fuzz/payload.dict \
  -artifact_prefix=build/fuzz/artifacts/ "$@" \
  build/fuzz/corpus tests/payloads/valid tests/payloads/invalid assets/payloads tests/fuzz/regressions
