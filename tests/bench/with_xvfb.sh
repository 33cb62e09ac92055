#!/usr/bin/env bash
# with_xvfb.sh CMD [ARGS...] — runs CMD with DISPLAY set to a private Xvfb server (1280x800x24)
# that lives exactly as long as CMD. Unlike `xvfb-run -a`, it takes a display number far from
# the ones other test runs pick (:99 up), and waits until the server accepts connections, so
# parallel test runs on a shared machine cannot take each other's display.
set -uo pipefail
for n in $(seq 140 400); do
  [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ] && continue
  Xvfb ":$n" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
  xpid=$!
  for _ in $(seq 100); do
    [ -e "/tmp/.X11-unix/X$n" ] && break
    kill -0 "$xpid" 2>/dev/null || break
    sleep 0.05
  done
  if kill -0 "$xpid" 2>/dev/null && [ -e "/tmp/.X11-unix/X$n" ]; then
    DISPLAY=":$n" "$@"
    status=$?
    kill "$xpid" 2>/dev/null
    wait "$xpid" 2>/dev/null
    exit $status
  fi
  kill "$xpid" 2>/dev/null; wait "$xpid" 2>/dev/null   # lost a race for :$n: try the next one
done
echo "with_xvfb.sh: no free X display" >&2
exit 1
