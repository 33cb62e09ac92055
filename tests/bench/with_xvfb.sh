#!/usr/bin/env bash
# with_xvfb.sh CMD [ARGS...] — runs CMD with DISPLAY set to a private Xvfb server (1280x800x24)
# that lives exactly as long as CMD. The server picks its own free display number and tells it
# (Xvfb -displayfd) once it accepts connections: two runs started at the same moment can never
# share a server (picking a number that looked free raced: both started a server on it, the
# loser's exited, and its command used the winner's display until the winner's run ended and
# took the server away — "Failed to open display").
set -uo pipefail
said=$(mktemp)
trap 'rm -f "$said"' EXIT
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$said" >/dev/null 2>&1 &
xpid=$!
n=
for _ in $(seq 200); do   # up to 10 s for the server to start and write its display number
  n=$(head -n1 "$said" 2>/dev/null)
  [ -n "$n" ] && break
  kill -0 "$xpid" 2>/dev/null || break
  sleep 0.05
done
if [ -z "$n" ]; then
  kill "$xpid" 2>/dev/null; wait "$xpid" 2>/dev/null
  echo "with_xvfb.sh: Xvfb did not start" >&2
  exit 1
fi
DISPLAY=":$n" "$@"
status=$?
kill "$xpid" 2>/dev/null
wait "$xpid" 2>/dev/null
exit $status
