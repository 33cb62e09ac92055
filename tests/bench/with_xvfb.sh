#!/usr/bin/env bash
# with_xvfb.sh CMD [ARGS...] — runs CMD with DISPLAY set to a private Xvfb server (1280x800x24)
# that lives exactly as long as CMD. The server picks its own free display number and tells it
# (Xvfb -displayfd) once it accepts connections: two runs started at the same moment can never
# share a server (picking a number that looked free raced: both started a server on it, the
# loser's exited, and its command used the winner's display until the winner's run ended and
# took the server away — "Failed to open display").
# A client must then connect to it (xdpyinfo) before CMD runs; if none can (once in a CI run, with
# other runs' servers starting and stopping beside it, CMD found no display at the number this one
# had said), the server is stopped and another one started, up to three times.
# -noreset: by default Xvfb resets itself when its last client disconnects, and the reset drops any
# client that connected meanwhile before its setup was answered: XOpenDisplay fails ("Failed to open
# display :0" from GLFW in a CI run, right after the bench's previous run had closed its window).
# xorg/xserver#1102. Four loops opening and closing a display 150 times each: 15-31 of the 600
# connections failed with the default, 0 with -noreset (three tries each, 2026-12-01).
set -uo pipefail
said=$(mktemp)
xpid=
trap 'rm -f "$said"; [ -n "$xpid" ] && kill "$xpid" 2>/dev/null' EXIT
n=
for attempt in 1 2 3; do
  : >"$said"
  Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp -noreset 3>"$said" >/dev/null 2>&1 &
  xpid=$!
  n=
  for _ in $(seq 200); do   # up to 10 s for the server to start and write its display number
    n=$(head -n1 "$said" 2>/dev/null)
    [ -n "$n" ] && break
    kill -0 "$xpid" 2>/dev/null || break
    sleep 0.05
  done
  [ -n "$n" ] && DISPLAY=":$n" xdpyinfo >/dev/null 2>&1 && break
  echo "with_xvfb.sh: Xvfb ${n:+on :$n }did not take a client (attempt $attempt of 3)" >&2
  kill "$xpid" 2>/dev/null; wait "$xpid" 2>/dev/null
  xpid=
  n=
done
if [ -z "$n" ]; then
  echo "with_xvfb.sh: no Xvfb could be started" >&2
  exit 1
fi
DISPLAY=":$n" "$@"
status=$?
kill "$xpid" 2>/dev/null
wait "$xpid" 2>/dev/null
xpid=
exit $status
