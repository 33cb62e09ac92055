#!/usr/bin/env bash
# `versus --screenshot OUT.png [--size WxH] [--scale S] [--theme light|dark] [FILE]`:
#  - the PNG has the asked size (W×S by H×S), is not blank, and light and dark differ;
#  - height `auto` (the default) fits the content: a shorter payload gives a shorter image, and
#    the image ends with the window's bottom padding right under the last card;
#  - `-` reads standard input (same image as from the file);
#  - a payload with errors writes no image and exits 1 with the errors printed;
#  - without a display it exits 3 with a clear message; an unwritable OUT exits 2.
VERSUS_NEED_X=1
source "$(dirname "$0")/lib.sh"

shot() { "$VERSUS" --screenshot "$@" 2>>"$WORK/shot.stderr" || fail "versus --screenshot $* exited $?: $(cat "$WORK/shot.stderr")"; }

# Fixed size, two scales.
shot "$WORK/card.png" --size 1200x630 "$SEED"
[ "$(image_size "$WORK/card.png")" = 1200x630 ] || fail "expected 1200x630, got $(image_size "$WORK/card.png")"
shot "$WORK/card2.png" --size 600x400 --scale 2 "$SEED"
[ "$(image_size "$WORK/card2.png")" = 1200x800 ] || fail "expected 1200x800 at scale 2, got $(image_size "$WORK/card2.png")"
shot "$WORK/card15.png" --size=640x360 --scale=1.5 "$SEED"
[ "$(image_size "$WORK/card15.png")" = 960x540 ] || fail "expected 960x540 at scale 1.5, got $(image_size "$WORK/card15.png")"
n=$(colours "$WORK/card.png")
[ "$n" -gt 200 ] || fail "the image looks blank ($n colours)"
pass "sizes 1200x630, 600x400@2, 640x360@1.5; $n colours"

# Light and dark differ, at a background spot and overall.
shot "$WORK/light.png" --size 800x500 --theme light "$SEED"
shot "$WORK/dark.png" --size 800x500 --theme dark "$SEED"
light_bg=$(pixel "$WORK/light.png" 795 5)
dark_bg=$(pixel "$WORK/dark.png" 795 5)
[ "$light_bg" = F6F7F9 ] || fail "light background expected F6F7F9, got $light_bg"
[ "$light_bg" != "$dark_bg" ] || fail "light and dark have the same background $light_bg"
python3 -c "import sys; r,g,b=(int(sys.argv[1][i:i+2],16) for i in (0,2,4)); sys.exit(0 if r+g+b < 150 else 1)" "$dark_bg" \
  || fail "the dark background is not dark: $dark_bg"
[ "$(pixels_differ "$WORK/light.png" "$WORK/dark.png")" -gt 100000 ] || fail "light and dark images barely differ"
pass "light #$light_bg and dark #$dark_bg differ"

# --accent recolours the accent (kicker, chips' focus, links) and nothing else: the background stays.
shot "$WORK/accent.png" --size 800x500 --theme light --accent '#c2185b' "$SEED"
[ "$(pixel "$WORK/accent.png" 795 5)" = F6F7F9 ] || fail "--accent changed the background"
n=$(pixels_differ "$WORK/light.png" "$WORK/accent.png")
[ "$n" -gt 50 ] || fail "--accent changed only $n pixels"
[ "$n" -lt 100000 ] || fail "--accent changed $n pixels: more than the accent"
pass "--accent recolours $n pixels"

# Auto height (the default: 1200xauto) fits the content.
shot "$WORK/auto.png" "$SEED"
size=$(image_size "$WORK/auto.png")
w=${size%x*}; h=${size#*x}
[ "$w" = 1200 ] && [ "$h" -gt 800 ] || fail "auto height: got $size"
bg=$(pixel "$WORK/auto.png" 5 5)
# The last 12 rows are background (the window's bottom padding); within the 60 above them the
# call-to-action card ends (something not background).
bottom=$(convert "$WORK/auto.png" -crop "1200x12+0+$((h - 12))" +repage -format '%k' info:)
[ "$bottom" = 1 ] || fail "the bottom rows of an auto-height image are not plain background ($bottom colours)"
above=$(convert "$WORK/auto.png" -crop "1200x60+0+$((h - 72))" +repage -format '%k' info:)
[ "$above" -gt 1 ] || fail "nothing drawn just above the bottom padding: the image is taller than its content"
payload "$WORK/short.json" 'd["reviews"] = d["reviews"][:2]; d.pop("summary", None)'
shot "$WORK/short.png" "$WORK/short.json"
hs=$(identify -format '%h' "$WORK/short.png")
[ "$hs" -lt "$h" ] || fail "a shorter payload did not give a shorter image ($hs vs $h)"
payload "$WORK/long.json" 'd["summary"] = " ".join(["A much longer summary."] * 40)'
shot "$WORK/long.png" "$WORK/long.json"
hl=$(identify -format '%h' "$WORK/long.png")
[ "$hl" -gt "$h" ] || fail "a longer payload did not give a taller image ($hl vs $h)"
# At scale 2 the fonts are rasterised at twice the size; their metrics round differently, so a
# line may wrap elsewhere: the height is about, not exactly, twice.
shot "$WORK/auto2.png" --size 1200xauto --scale 2 "$SEED"
s2=$(image_size "$WORK/auto2.png"); h2=${s2#*x}
[ "${s2%x*}" = 2400 ] && [ $((h2 % 2)) = 0 ] && [ $((h2 * 100)) -gt $((h * 2 * 95)) ] && [ $((h2 * 100)) -lt $((h * 2 * 105)) ] \
  || fail "auto at scale 2: $s2, expected 2400 x about $((h * 2))"
pass "auto height fits: seed ${h}px, shorter ${hs}px, longer ${hl}px, @2 $s2"

# Standard input.
cat "$SEED" | "$VERSUS" --screenshot "$WORK/stdin.png" - 2>>"$WORK/shot.stderr" || fail "--screenshot from stdin failed"
[ "$(pixels_differ "$WORK/auto.png" "$WORK/stdin.png")" = 0 ] || fail "the image from stdin differs from the one from the file"
pass "'-' reads standard input"

# Errors: no image, status 1, the errors printed.
payload "$WORK/bad.json" 'd["tools"][0]["url"] = "javascript:alert(1)"'
rc=0
"$VERSUS" --screenshot "$WORK/bad.png" "$WORK/bad.json" 2>"$WORK/bad.stderr" || rc=$?
[ "$rc" = 1 ] || fail "a payload with errors exited $rc, expected 1"
[ ! -e "$WORK/bad.png" ] || fail "an image was written for a payload with errors"
grep -q "/tools/0/url" "$WORK/bad.stderr" || fail "the error was not printed: $(cat "$WORK/bad.stderr")"
pass "a payload with errors: status 1, no image, $(head -n 1 "$WORK/bad.stderr")"

# No display: a clear message and status 3.
rc=0
env -u DISPLAY -u WAYLAND_DISPLAY "$VERSUS" --screenshot "$WORK/nodisplay.png" "$SEED" 2>"$WORK/nodisplay.stderr" || rc=$?
[ "$rc" = 3 ] || fail "without a display it exited $rc, expected 3"
grep -q "^versus: cannot create an OpenGL context for --screenshot: " "$WORK/nodisplay.stderr" \
  || fail "unexpected message without a display: $(cat "$WORK/nodisplay.stderr")"
[ ! -e "$WORK/nodisplay.png" ] || fail "an image was written without a display"
pass "no display: status 3, $(head -n 1 "$WORK/nodisplay.stderr")"

# An output that cannot be written.
rc=0
"$VERSUS" --screenshot "$WORK/no/such/dir/x.png" "$SEED" 2>"$WORK/nowrite.stderr" || rc=$?
[ "$rc" = 2 ] || fail "an unwritable output exited $rc, expected 2"
grep -q "cannot write" "$WORK/nowrite.stderr" || fail "unexpected message: $(cat "$WORK/nowrite.stderr")"
pass "unwritable output: status 2"

[ -n "${VERSUS_SHOT_OUT:-}" ] && cp "$WORK/auto.png" "$VERSUS_SHOT_OUT"
true
