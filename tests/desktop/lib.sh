# Helpers for the desktop tests (sourced). Each test gets the versus binary as $1.
#
# A test that needs an X display sets VERSUS_NEED_X=1 before sourcing this file: the script then
# runs itself again under its own Xvfb (tests/bench/with_xvfb.sh: the server picks a free display
# itself, so that tests run in parallel by ctest -j never share one).
#
# Waiting is by polling (state_wait, file_wait), never by fixed sleeps: up to VERSUS_TEST_TIMEOUT
# seconds (default 15) for a condition that normally holds within a fraction of a second.
set -euo pipefail
VERSUS="${1:?usage: $0 path/to/versus}"
VERSUS="$(cd "$(dirname "$VERSUS")" && pwd)/$(basename "$VERSUS")"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
SRC="${VERSUS_SOURCE_DIR:-$(cd "$HERE/../.." && pwd)}"
SEED="$SRC/assets/payloads/haiku-vs-mistral.json"
TIMEOUT="${VERSUS_TEST_TIMEOUT:-15}"

if [ "${VERSUS_NEED_X:-0}" = 1 ] && [ -z "${VERSUS_IN_XVFB:-}" ]; then
  export VERSUS_IN_XVFB=1
  exec bash "$SRC/tests/bench/with_xvfb.sh" bash "$0" "$@"
fi

WORK="$(mktemp -d)"
PIDS=()
cleanup() {
  local p
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

fail() {
  echo "FAIL: $*" >&2
  if [ -s "${WORK:-/nonexistent}/viewer.stderr" ]; then
    echo "--- the viewer's stderr:" >&2
    tail -n 20 "$WORK/viewer.stderr" >&2
  fi
  exit 1
}
pass() { echo "ok: $*"; }

# Number of distinct colours in an image.
colours() { convert "$1" -format '%k' info:; }
# The colour of pixel X,Y of an image, as RRGGBB.
pixel() { convert "$1" -format "%[hex:p{$2,$3}]" info: | cut -c1-6; }
# Width x height of an image.
image_size() { identify -format '%wx%h' "$1"; }

# A copy of the seed payload changed by a Python statement on `d` (the parsed JSON), written to
# FILE: payload FILE 'd["title"] = "x"'. Written in place (open + truncate + write).
payload() {
  python3 - "$SEED" "$1" "${2:-pass}" <<'PY'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
exec(sys.argv[3])
with open(sys.argv[2], "w", encoding="utf-8") as f:
    json.dump(d, f, indent=2, ensure_ascii=False)
PY
}

# [SECTION] The viewer and its state dump -------------------------------------------------------

STATE="$WORK/state.json"

# Starts the viewer in the background with a state dump: start_viewer [ARGS...]. Sets VIEWER_PID.
start_viewer() {
  (cd "$WORK" && exec "$VERSUS" --dump-state "$STATE" "$@" 2>>"$WORK/viewer.stderr") &
  VIEWER_PID=$!
  PIDS+=("$VIEWER_PID")
  state_wait "True" "the viewer's first state dump"
}

# Waits until a Python expression on the dump `d` holds: state_wait EXPR [WHAT].
# Fails with the last dump after TIMEOUT seconds, or as soon as the viewer has exited.
# The modification time (ns) of the dump in which EXPR first held goes to $STATE_SEEN: when the
# viewer wrote it (the dump is replaced by a rename, never rewritten in place).
STATE_SEEN="$WORK/state.seen"
state_wait() {
  python3 - "$STATE" "$1" "$TIMEOUT" "${2:-$1}" "${VIEWER_PID:-0}" "$STATE_SEEN" <<'PY' || fail "waiting for ${2:-$1}"
import json, os, sys, time
path, expr, timeout, what, pid, seen = sys.argv[1], sys.argv[2], float(sys.argv[3]), sys.argv[4], int(sys.argv[5]), sys.argv[6]
start = time.monotonic()
d = None
while time.monotonic() - start < timeout:
    try:
        with open(path, encoding="utf-8") as f:
            d = json.load(f)
            written = os.fstat(f.fileno()).st_mtime_ns
        if eval(expr, {"d": d}):
            with open(seen, "w") as f:
                f.write(f"{written}\n")
            sys.exit(0)
    except (OSError, ValueError, KeyError, IndexError, TypeError):
        pass
    if pid:   # stop early when the viewer has exited (a zombie until the test reaps it)
        try:
            with open(f"/proc/{pid}/stat") as f:
                if f.read().rsplit(")", 1)[1].split()[0] == "Z":
                    print("the viewer has exited", file=sys.stderr)
                    break
        except OSError:
            break
    time.sleep(0.02)
shown = {k: v for k, v in (d or {}).items() if k != "items"}
print(f"timed out waiting for {what}; last state: {json.dumps(shown, ensure_ascii=False)}", file=sys.stderr)
sys.exit(1)
PY
}

# Watches the dump for SECONDS and fails if EXPR ever holds: state_never EXPR SECONDS WHAT.
# Runs in the background: call state_never_start, do things, then state_never_check.
state_never_start() {
  python3 - "$STATE" "$1" "$2" > "$WORK/never.out" 2>&1 <<'PY' &
import json, sys, time
path, expr, seconds = sys.argv[1], sys.argv[2], float(sys.argv[3])
end = time.monotonic() + seconds
while time.monotonic() < end:
    try:
        with open(path, encoding="utf-8") as f:
            d = json.load(f)
        if eval(expr, {"d": d}):
            print("seen: " + json.dumps({k: v for k, v in d.items() if k != "items"}, ensure_ascii=False))
            sys.exit(1)
    except (OSError, ValueError):
        pass
    time.sleep(0.01)
PY
  NEVER_PID=$!
}
state_never_check() {
  wait "$NEVER_PID" || fail "$1: $(cat "$WORK/never.out")"
}

# Prints a Python expression on the current dump: state EXPR.
state() {
  python3 -c 'import json,sys; d=json.load(open(sys.argv[1], encoding="utf-8")); print(eval(sys.argv[2]))' "$STATE" "$1"
}

# Turns the wheel down N notches at X,Y, one at a time, each waited for in the dump: when it
# returns, the view has taken every notch and is at rest. wheel_down X Y N
wheel_down() {
  local i before
  for ((i = 1; i <= $3; i++)); do
    before=$(state "d['scroll']")
    xinput wheel "$1" "$2" 1
    state_wait "d['scroll'] > $before" "notch $i of $3 of the wheel taken (scroll was $before)"
  done
}

# Screen coordinates of the centre of the first drawn item with ROLE (and TEXT): item_xy ROLE [TEXT].
item_xy() {
  python3 - "$STATE" "$1" "${2:-}" <<'PY'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
for it in d["items"]:
    if it["role"] == sys.argv[2] and (not sys.argv[3] or it["text"] == sys.argv[3]):
        x0, y0, x1, y1 = it["rect"]
        z, (wx, wy) = d["zoom"], d["window_pos"]
        print(int(wx + (x0 + x1) / 2 * z), int(wy + (y0 + y1) / 2 * z))
        sys.exit(0)
sys.exit(f"no drawn item {sys.argv[2]} {sys.argv[3]}")
PY
}

# Real X input (keys, clicks, wheel, drops) through XTest (libxtst6, installed by shell/setup.sh).
# A missing libXtst fails the test: a test that did not run is not a pass.
xinput() {
  local rc=0
  python3 "$HERE/xinput.py" "$@" || rc=$?
  if [ "$rc" = 77 ]; then fail "libXtst is missing (Debian package libxtst6): no X input"; fi
  [ "$rc" = 0 ] || fail "xinput.py $*"
}

# Waits until the viewer process has exited; sets VIEWER_STATUS.
viewer_wait_exit() {
  local i
  for i in $(seq 1 $((TIMEOUT * 10))); do
    kill -0 "$VIEWER_PID" 2>/dev/null || break
    sleep 0.1
  done
  kill -0 "$VIEWER_PID" 2>/dev/null && fail "the viewer did not quit"
  VIEWER_STATUS=0
  wait "$VIEWER_PID" || VIEWER_STATUS=$?
}

# A screenshot of the whole X screen (what a person would see).
screen_shot() { import -window root "$1" 2>/dev/null || fail "import could not capture the screen"; }

# Number of pixels that differ between two images of the same size.
pixels_differ() { compare -metric AE "$1" "$2" null: 2>&1 || true; }
