#!/usr/bin/env bash
# run_built.sh "HOW TO BUILD" BINARY [ARGS...] — runs a binary of another build tree (build/asan,
# build/fuzz) from a CTest test of the native tree. A missing binary is a FAILURE that says how to
# build it, never a skip. `--fresh-dir DIR` among ARGS empties DIR and passes it on;
# -artifact_prefix=DIR/ gets its folder made.
set -uo pipefail
how="$1"; bin="$2"; shift 2
if [ ! -x "$bin" ]; then
  echo "FAILED: $bin is missing. Build it with: $how   (shell/test.sh does this before ctest)"
  exit 1
fi
args=(); fresh=0
for a in "$@"; do
  if [ "$fresh" = 1 ]; then rm -rf "$a"; mkdir -p "$a"; args+=("$a"); fresh=0; continue; fi
  if [ "$a" = --fresh-dir ]; then fresh=1; continue; fi
  case "$a" in -artifact_prefix=*) mkdir -p "${a#-artifact_prefix=}" ;; esac
  args+=("$a")
done
exec "$bin" "${args[@]}"
