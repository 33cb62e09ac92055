#!/usr/bin/env bash
# `versus --votes URL` against a real versus-votes on loopback (docs/desktop.md, docs/votes.md):
#  - the window shows the service's tallies in the community figures (payload + every reader's
#    votes), fetched at start, again on the --votes-every timer while shown, and on Ctrl+R;
#  - the fetching never blocks the window: with a service that accepts connections but never
#    answers, a key is answered while the request hangs;
#  - errors are shown quietly in a note line under the comparison and printed once: the service
#    stopped (unreachable), a comparison the service doesn't know (404), a payload without "id";
#  - the PNG export with --votes draws the tallies (the image differs from one without them).
VERSUS_NEED_X=1
source "$(dirname "$0")/lib.sh"

VOTES_BIN="${VERSUS_VOTES_BIN:-$(dirname "$VERSUS")/versus-votes}"
[ -x "$VOTES_BIN" ] || fail "$VOTES_BIN is missing: build the native preset (it builds versus-votes), or set VERSUS_VOTES_BIN"

mkdir -p "$WORK/payloads"
cp "$SEED" "$WORK/payloads/"
SERVICE_PID=0
# Starts versus-votes on a free port (same store each time): start_service [LISTEN]. Sets URL.
start_service() {
  : > "$WORK/service.out"
  "$VOTES_BIN" --payloads "$WORK/payloads" --db "sqlite:$WORK/votes.db" --listen "${1:-127.0.0.1:0}" --rate 0 \
    > "$WORK/service.out" 2>> "$WORK/service.err" &
  SERVICE_PID=$!
  PIDS+=("$SERVICE_PID")
  local i
  for i in $(seq 1 $((TIMEOUT * 20))); do
    URL=$(sed -n 's/.*listening on \(http:[^ ]*\).*/\1/p' "$WORK/service.out")
    [ -n "$URL" ] && return 0
    kill -0 "$SERVICE_PID" 2>/dev/null || fail "versus-votes exited: $(cat "$WORK/service.err")"
    sleep 0.05
  done
  fail "versus-votes did not start: $(cat "$WORK/service.err")"
}
stop_service() { kill -TERM "$SERVICE_PID"; wait "$SERVICE_PID" 2>/dev/null || true; }
# vote TOOL VERDICT VOTER: one reader's vote, straight to the service.
vote() {
  python3 - "$URL/v1/comparisons/haiku-vs-mistral/votes" "$1" "$2" "$3-voter-0123456789" <<'PY' || fail "a vote straight to the service failed"
import json, sys, urllib.request
url, tool, verdict, voter = sys.argv[1:]
body = json.dumps({"tool": tool, "verdict": verdict, "voter": voter}).encode()
req = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"}, method="POST")
with urllib.request.urlopen(req, timeout=10) as res:
    sys.exit(0 if res.status == 200 else 1)
PY
}

start_service
LISTEN=${URL#http://}
vote haiku ship r1; vote haiku ship r2; vote haiku skip r3; vote mistral-4b skip r4

# [At start] The tallies are in the figures (the seed has no counts of its own): Haiku 2 of 3.
start_viewer --votes "$URL" --votes-every 0.5 "$SEED"
state_wait "d['votes']['tallies'] is not None and d['votes']['tallies']['haiku'] == {'ship': 2, 'skip': 1}" "the tallies at start"
state_wait "any(i['role'] == 'tool.community' and i['text'] == '67%' for i in d['items'])" "Haiku's community figure 67% on screen"
state_wait "any(i['role'] == 'tool.figure-label' and i['text'] == 'Community \u00b7 3 votes' for i in d['items'])" "'Community · 3 votes'"
state_wait "d['votes']['note'].startswith('Community figures include the live votes of')" "the quiet note"
pass "tallies shown at start: Haiku $(state "d['votes']['community']['haiku']")"

# [Timer] Another reader votes: the window follows within the --votes-every period.
vote haiku ship r5
state_wait "d['votes']['community']['haiku'] == {'ship': 3, 'skip': 1}" "the new vote, on the timer"
state_wait "any(i['role'] == 'tool.community' and i['text'] == '75%' for i in d['items'])" "75% on screen"
pass "a new vote shows on the timer"

# [Unreachable] The service stops: a note, one line on stderr, the last tallies kept.
stop_service
state_wait "'cannot reach' in d['votes']['error'] and 'not up to date' in d['votes']['note']" "the unreachable service said in the note"
state_wait "any(i['role'] == 'note' and 'cannot reach' in i['text'] for i in d['items'])" "the note drawn"
sleep 1.5   # three more timer periods: still one line
n=$(grep -c "cannot reach" "$WORK/viewer.stderr" || true)
[ "$n" = 1 ] || fail "the unreachable service should be printed once, got $n lines"
[ "$(state "d['votes']['community']['haiku']")" = "{'ship': 3, 'skip': 1}" ] || fail "the last tallies should stay shown"
pass "unreachable: said quietly, printed once, last tallies kept"

# [Back] Same address again: the timer picks it up; "back" is printed.
start_service "$LISTEN"
state_wait "d['votes']['error'] == '' and d['votes']['note'].startswith('Community figures')" "the service back"
grep -q "live votes are back" "$WORK/viewer.stderr" || fail "the return of the service should be printed"
pass "the service back"

# [Reload + unknown comparison] The file now names a comparison the service doesn't know: 404.
P="$WORK/p.json"
payload "$P" 'd["id"] = "not-served"'
kill "$VIEWER_PID"; wait "$VIEWER_PID" 2>/dev/null || true
start_viewer --votes "$URL" --votes-every 0 "$P"
state_wait "'does not know the comparison \"not-served\"' in d['votes']['error']" "the unknown comparison said"
state_wait "d['votes']['tallies'] is None and any(i['role'] == 'tool.community' and i['text'] == '\u2014' for i in d['items'])" "no tallies shown"
# Fixed in the file (live reload): the seed's id; fetched again on the reload.
payload "$P" 'pass'
state_wait "d['votes']['comparison'] == 'haiku-vs-mistral' and d['votes']['tallies'] is not None" "the tallies after the reload"
# Ctrl+R fetches again (no timer with --votes-every 0).
vote mistral-4b ship r6
xinput move 500 400 key ctrl+r
state_wait "d['votes']['community']['mistral-4b'] == {'ship': 1, 'skip': 1}" "the new vote after Ctrl+R"
pass "404 said, fetched again on reload and on Ctrl+R"

# [No id] A payload without id: said, nothing asked.
payload "$P" 'd.pop("id", None)'
state_wait "'has no id' in d['votes']['note']" "the payload without id said"
pass "a payload without id is said"
xinput key ctrl+w
viewer_wait_exit

# [Language] The note is in the widget's language (labels live_votes_*), the service's own words
# (an error) as it wrote them.
start_viewer --lang de --votes "$URL" --votes-every 0 "$SEED"
state_wait "d['votes']['note'] == 'Die Community-Werte enthalten die Live-Stimmen von $URL.'" "the note in German"
state_wait "any(i['role'] == 'note' and i['text'].startswith('Die Community-Werte') for i in d['items'])" "the German note drawn"
kill "$VIEWER_PID"; wait "$VIEWER_PID" 2>/dev/null || true
pass "the live-votes note speaks German with --lang de"

# [Never blocking] A service that accepts connections and never answers: keys are answered while a
# request hangs. The silent server itself watches the state dump (no tool start-up in between) and
# notes, at each change of theme, which connections were open and since when. A Ctrl+T counts
# when the theme flipped while a connection opened before the key press was still open: a window
# that waited for the request could only flip after that connection ended. Tried a few times: on a
# busy machine the key itself may arrive after the request's 5 s timeout, which proves nothing.
python3 - "$WORK/blackhole" "$STATE" <<'PY' &
import json, os, socket, sys, threading, time
base, state = sys.argv[1], sys.argv[2]
s = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen(16)
opened, lock = {}, threading.Lock()   # connection number → time.time() it was accepted
def serve(c, k):
    while c.recv(4096): pass   # read the request, never answer, until the client gives up
    with lock: opened.pop(k, None)
def accept():
    n = 0
    while True:
        c, _ = s.accept(); n += 1
        with lock: opened[n] = time.time()
        threading.Thread(target=serve, args=(c, n), daemon=True).start()
threading.Thread(target=accept, daemon=True).start()
open(base + ".port", "w").write(str(s.getsockname()[1]))
theme = None
while True:
    try:
        t = json.load(open(state))["theme"]
    except (OSError, ValueError, KeyError):
        t = None
    if t and t != theme:
        with lock: since = min(opened.values(), default=None)
        with open(base + ".flips", "a") as f: f.write(f"{time.time()} {t} {since}\n")
        theme = t
    time.sleep(0.01)
PY
PIDS+=($!)
for i in $(seq 1 100); do [ -s "$WORK/blackhole.port" ] && break; sleep 0.05; done
start_viewer --votes "http://127.0.0.1:$(cat "$WORK/blackhole.port")" --votes-every 0.2 "$SEED"
xinput move 500 400
answered=""
for try in 1 2 3 4 5 6 7 8; do
  theme=$(state "d['theme']")
  pressed=$(date +%s.%N)
  xinput key ctrl+t
  state_wait "d['theme'] != '$theme'" "Ctrl+T answered (try $try)"
  for i in $(seq 1 100); do [ "$(tail -n 1 "$WORK/blackhole.flips" | cut -d' ' -f2)" != "$theme" ] && break; sleep 0.02; done
  since=$(tail -n 1 "$WORK/blackhole.flips" | cut -d' ' -f3)
  if [ "$since" != None ] && python3 -c "import sys; sys.exit(0 if float(sys.argv[1]) < float(sys.argv[2]) else 1)" "$since" "$pressed"; then
    answered=$try
    break
  fi
done
[ -n "$answered" ] || fail "Ctrl+T was only answered after the hanging request ended, 8 times: the window waits for the service"
pass "the window answers keys while a request to a silent service hangs (try $answered)"
xinput key ctrl+w
viewer_wait_exit

# [PNG export] --screenshot --votes draws the tallies.
"$VERSUS" --screenshot "$WORK/plain.png" --size 900x700 "$SEED" 2>>"$WORK/shot.stderr" || fail "--screenshot without --votes"
"$VERSUS" --screenshot "$WORK/live.png" --size 900x700 --votes "$URL" "$SEED" 2>>"$WORK/shot.stderr" || fail "--screenshot --votes"
[ "$(pixels_differ "$WORK/plain.png" "$WORK/live.png")" -gt 100 ] || fail "the image with --votes should show the tallies"
stop_service
"$VERSUS" --screenshot "$WORK/down.png" --size 900x700 --votes "$URL" "$SEED" 2>"$WORK/down.stderr" || fail "--screenshot --votes with the service down should still write the image"
grep -q "cannot reach" "$WORK/down.stderr" || fail "--screenshot should print that the service can't be reached: $(cat "$WORK/down.stderr")"
pass "PNG export with --votes"
