#!/usr/bin/env bash
# The desktop viewer opens a real window under Xvfb and draws the seed comparison: the screen,
# captured from outside with ImageMagick's `import`, shows a non-blank frame (many colours from
# anti-aliased text, not the black X root).
source "$(dirname "$0")/lib.sh"
cat > "$WORK/run.sh" <<'INNER'
set -u
"$1" & pid=$!
for i in $(seq 1 60); do
  sleep 0.5
  kill -0 $pid 2>/dev/null || { echo "viewer exited early" >&2; exit 3; }
  import -window root "$2" 2>/dev/null || continue
  n=$(convert "$2" -format '%k' info:)
  [ "$n" -gt 200 ] && break
done
kill $pid; wait $pid 2>/dev/null
exit 0
INNER
xvfb-run -a -s "-screen 0 1280x800x24" bash "$WORK/run.sh" "$VERSUS" "$WORK/shot.png" \
  || fail "the viewer did not run under Xvfb"
[ -f "$WORK/shot.png" ] || fail "no screenshot was taken"
n=$(colours "$WORK/shot.png")
[ "$n" -gt 200 ] || fail "the window looks blank ($n colours)"
# The light theme's background fills most of the window.
bg=$(convert "$WORK/shot.png" -crop 4x4+1040+6 -format '%[hex:p{1,1}]' info:)
[ "${bg:0:6}" = "F6F7F9" ] || fail "expected the light background #F6F7F9 at the window's corner, got #$bg"
[ -n "${VERSUS_SHOT_OUT:-}" ] && cp "$WORK/shot.png" "$VERSUS_SHOT_OUT"
pass "window drawn with $n colours"
