#!/usr/bin/env bash
# Sets up whatever is missing, builds, and shows the seed comparison:
#  - serves the web demo (build/web/dist) on 127.0.0.1 and prints its address;
#  - opens the desktop viewer too when a display exists.
# Usage: shell/demo.sh [PORT]   (default 8080; 0 = any free port). Ctrl+C stops it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export VERSUS_ROOT="$PWD"
port="${1:-${PORT:-8080}}"

bash shell/setup.sh
export NODE_PATH=/usr/share/nodejs

echo "=== building the web widget"
cmake --preset web >/dev/null
cmake --build --preset web

viewer_pid=""
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  echo "=== building the desktop viewer"
  cmake --preset native >/dev/null
  cmake --build --preset native --target versus
  build/native/versus &
  viewer_pid=$!
  echo "desktop viewer started (pid $viewer_pid)"
else
  echo "(no display: not opening the desktop viewer; build it with: cmake --preset native && cmake --build --preset native)"
fi
trap '[ -n "$viewer_pid" ] && kill "$viewer_pid" 2>/dev/null; exit 0' INT TERM

echo "=== serving build/web/dist (Ctrl+C to stop)"
exec node shell/serve.mjs build/web/dist "$port"
