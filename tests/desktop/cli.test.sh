#!/usr/bin/env bash
# The command line: --help documents every option, bad combinations are usage errors (status 2)
# with a message naming the problem, --version prints the version.
source "$(dirname "$0")/lib.sh"

help=$("$VERSUS" --help)
for word in --screenshot --size --scale --theme --accent --validate --format --zoom --dump-state \
            Ctrl+R Ctrl+T Ctrl+= Ctrl+0 Ctrl+Q "save-by-rename" "Drop a .json" "'-' reads standard input" \
            "Exit status"; do
  grep -qF -- "$word" <<<"$help" || fail "--help does not mention $word"
done
grep -qE '^versus [0-9]+\.[0-9]+' <<<"$("$VERSUS" --version)" || fail "--version"
pass "--help documents the options and keys"

usage() {   # usage EXPECTED-MESSAGE ARGS...
  local want="$1" rc=0
  shift
  "$VERSUS" "$@" >/dev/null 2>"$WORK/err.txt" || rc=$?
  [ "$rc" = 2 ] || fail "versus $* exited $rc, expected 2"
  grep -qF -- "$want" "$WORK/err.txt" || fail "versus $*: expected '$want', got: $(cat "$WORK/err.txt")"
}
usage "unknown option '--frobnicate'" --frobnicate
usage "--format must be text or json" --validate --format xml x.json
usage "--format goes with --validate" --format json x.json
usage "--size and --scale go with --screenshot" --size 800x600 x.json
usage "--size must be WxH or Wxauto" --screenshot o.png --size 800
usage "--size must be WxH or Wxauto" --screenshot o.png --size 800x-3
usage "--scale must be a number from 0.5 to 4" --screenshot o.png --scale 9
usage "--theme must be light or dark" --screenshot o.png --theme blue
usage "--accent must be a colour like #4338ca" --screenshot o.png --accent red
usage "--screenshot needs an output file name" --screenshot -
usage "--validate and --screenshot cannot be combined" --validate --screenshot o.png x.json
usage "--zoom and --dump-state are options of the viewer window" --screenshot o.png --zoom 2
usage "one FILE at a time" a.json b.json
usage "--validate needs at least one FILE" --validate
usage "cannot read" "$WORK/missing.json"
pass "usage errors exit 2 with a message"

# The window without a display: status 3 and a message that says what works without one.
rc=0
env -u DISPLAY -u WAYLAND_DISPLAY "$VERSUS" "$SEED" 2>"$WORK/err.txt" || rc=$?
[ "$rc" = 3 ] || fail "the viewer without a display exited $rc, expected 3"
grep -q "^versus: cannot open a window: " "$WORK/err.txt" || fail "unexpected message: $(cat "$WORK/err.txt")"
pass "no display: the viewer exits 3 with a message"
