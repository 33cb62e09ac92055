#!/usr/bin/env bash
# Sets up whatever is missing, builds, and shows the seed comparison:
#  - starts the vote service versus-votes (SQLite in the git-ignored build/demo/votes.db) on
#    127.0.0.1:8787 (VOTES_PORT=0: any free port), allowing the demo page's origin;
#  - serves the web demo (build/web/dist, its page's widget pointed at that service with
#    votes="…", in build/demo/site) on 127.0.0.1 and prints both addresses;
#  - opens the desktop viewer too when a display exists (with --votes, the same live tallies).
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

echo "=== building the vote service and the desktop viewer"
cmake --preset native >/dev/null
cmake --build --preset native --target versus-votes versus

# The demo site: build/web/dist as it is, but its page's widget has votes="<the service>".
# Its port must be known before the service starts (the service allows that page's origin), so
# the page server starts first.
mkdir -p build/demo
site=build/demo/site
rm -rf "$site" && mkdir -p "$site"
for f in build/web/dist/*; do ln -s "$PWD/$f" "$site/"; done
rm "$site/index.html"
node shell/serve.mjs "$site" "$port" > build/demo/serve.out &
serve_pid=$!
viewer_pid=""; votes_pid=""
trap 'kill $serve_pid $votes_pid $viewer_pid 2>/dev/null; exit 0' INT TERM EXIT
for _ in $(seq 100); do grep -q http build/demo/serve.out 2>/dev/null && break; sleep 0.1; done
page=$(head -n 1 build/demo/serve.out)
page_port=$(echo "$page" | sed -E 's#.*:([0-9]+)/?$#\1#')

build/native/versus-votes --payloads assets/payloads --db sqlite:build/demo/votes.db \
  --listen "127.0.0.1:${VOTES_PORT:-8787}" \
  --allow-origin "http://127.0.0.1:$page_port" --allow-origin "http://localhost:$page_port" \
  > build/demo/votes.out &
votes_pid=$!
for _ in $(seq 100); do grep -q listening build/demo/votes.out 2>/dev/null && break; sleep 0.1; done
votes=$(sed -n 's/.*listening on //p' build/demo/votes.out)
[ -n "$votes" ] || { echo "versus-votes did not start (is port ${VOTES_PORT:-8787} in use? VOTES_PORT=0 picks a free one)"; exit 1; }
sed "s#<versus-widget src=#<versus-widget votes=\"$votes\" src=#" build/web/dist/index.html > "$site/index.html"

if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  build/native/versus --votes "$votes" &
  viewer_pid=$!
  echo "desktop viewer started (pid $viewer_pid)"
else
  echo "(no display: not opening the desktop viewer)"
fi

echo "=== the demo page:        $page"
echo "=== the vote service:     $votes   (votes in build/demo/votes.db; Ctrl+C stops both)"
wait $serve_pid
