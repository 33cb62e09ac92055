#!/usr/bin/env bash
# The desktop viewer opens a real window under Xvfb and draws the seed comparison: the screen,
# captured from outside with ImageMagick's `import`, shows a non-blank frame (many colours from
# anti-aliased text, not the black X root), with the light background at the window's corner.
VERSUS_NEED_X=1
source "$(dirname "$0")/lib.sh"

(cd "$WORK" && exec "$VERSUS" 2>>"$WORK/viewer.stderr") &
VIEWER_PID=$!
PIDS+=("$VIEWER_PID")
n=0
for i in $(seq 1 $((TIMEOUT * 5))); do
  kill -0 "$VIEWER_PID" 2>/dev/null || fail "the viewer exited early"
  if import -window root "$WORK/shot.png" 2>/dev/null; then
    n=$(colours "$WORK/shot.png")
    [ "$n" -gt 200 ] && break
  fi
  sleep 0.2
done
[ "$n" -gt 200 ] || fail "the window looks blank ($n colours)"
bg=$(pixel "$WORK/shot.png" 1041 7)   # left of the scrollbar
[ "$bg" = F6F7F9 ] || fail "expected the light background #F6F7F9 at the window's corner, got #$bg"
[ ! -e "$WORK/imgui.ini" ] || fail "imgui.ini was written in the working directory"
[ -n "${VERSUS_SHOT_OUT:-}" ] && cp "$WORK/shot.png" "$VERSUS_SHOT_OUT"
pass "window drawn with $n colours"
