#!/usr/bin/env bash
# The viewer's keys, pressed for real through XTest under Xvfb:
#  - Ctrl+T toggles light/dark (the dump says so and the screen's background colour changes);
#  - Ctrl+= / Ctrl+- / Ctrl+0 zoom crisply: the fonts are rasterised again at pixel ratio × zoom
#    and the logical display shrinks by the zoom, while the framebuffer stays the window's size;
#  - Ctrl+R reloads the file; Ctrl+W quits;
#  - `-` reads the payload from standard input (not watched).
VERSUS_NEED_X=1
source "$(dirname "$0")/lib.sh"

P="$WORK/p.json"
payload "$P" 'd["title"] = "Keys"'
start_viewer "$P"
state_wait "d['payload_title'] == 'Keys' and d['theme'] == 'light'" "the light theme at start"
xinput move 500 400

# A background spot near the window's top-right corner, left of the scrollbar (no content there).
spot() {
  screen_shot "$WORK/screen.png"
  pixel "$WORK/screen.png" 1041 7
}
[ "$(spot)" = F6F7F9 ] || fail "expected the light background F6F7F9, got $(spot)"
xinput key ctrl+t
state_wait "d['theme'] == 'dark'" "the dark theme after Ctrl+T"
dark=$(spot)
[ "$dark" != F6F7F9 ] || fail "the background did not change with the theme"
xinput key ctrl+t
state_wait "d['theme'] == 'light'" "the light theme after Ctrl+T again"
pass "Ctrl+T toggles the theme (dark background #$dark)"

# Zoom in twice, out once, then back to 100 %.
xinput key ctrl+equal
state_wait "d['zoom'] == 1.1 and d['font_scale'] == 1.1 and abs(d['display'][0] - 1100 / 1.1) < 0.6" "zoom 110%"
xinput key ctrl+equal
state_wait "d['zoom'] == 1.25 and d['font_scale'] == 1.25 and abs(d['display'][0] - 880) < 0.6" "zoom 125%"
state_wait "d['framebuffer'] == [1100, 820]" "the framebuffer unchanged by the zoom"
screen_shot "$WORK/zoomed.png"
xinput key ctrl+minus
state_wait "d['zoom'] == 1.1" "zoom back to 110%"
xinput key ctrl+0
state_wait "d['zoom'] == 1.0 and d['font_scale'] == 1.0 and d['display'] == [1100.0, 820.0]" "zoom reset"
pass "Ctrl+= / Ctrl+- / Ctrl+0 zoom (fonts rasterised at the zoom, display shrunk)"

# Clicks land where things are drawn at a zoom, too (mouse positions are divided by the zoom).
xinput key ctrl+equal key ctrl+equal
state_wait "d['zoom'] == 1.25" "zoom 125% again"
sleep 0.3
xinput click $(item_xy chip "Apache 2.0")
state_wait "d['reader']['filters']['license_name'] == 'Apache 2.0' and d['reader']['shown'] == 1" "the Apache 2.0 chip clicked at 125%"
xinput key ctrl+0
pass "a click at 125% hits the chip under the pointer"

# Ctrl+R reloads (the file is read again even though nothing changed on disk).
loads=$(state "d['loads']")
xinput key ctrl+r
state_wait "d['loads'] == $loads + 1" "a reload after Ctrl+R"
pass "Ctrl+R reloads"

xinput key ctrl+w
viewer_wait_exit
[ "$VIEWER_STATUS" = 0 ] || fail "the viewer exited with status $VIEWER_STATUS after Ctrl+W"
pass "Ctrl+W quits"

# Standard input: shown, not watched.
payload "$WORK/stdin.json" 'd["title"] = "From stdin"'
rm -f "$STATE"
(cd "$WORK" && exec "$VERSUS" --dump-state "$STATE" - < "$WORK/stdin.json" 2>>"$WORK/viewer.stderr") &
VIEWER_PID=$!
PIDS+=("$VIEWER_PID")
state_wait "d['payload_title'] == 'From stdin' and d['file'] == '-' and not d['watching'] and d['title'] == 'versus \u2014 <stdin>'" "the payload from stdin"
xinput move 500 400 key ctrl+q
viewer_wait_exit
pass "'-' reads standard input"
