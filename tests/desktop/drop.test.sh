#!/usr/bin/env bash
# Dropping a .json file on the window opens it and watches it from then on (a real XDND drop
# under Xvfb, made by xinput.py): from the seed to a dropped file, an edit of that file, then a
# dropped broken file (shown as errors alone: the previous comparison is another document).
VERSUS_NEED_X=1
source "$(dirname "$0")/lib.sh"

start_viewer
state_wait "d['file'] is None and not d['watching'] and d['payload_title']" "the seed"
seed_title=$(state "d['payload_title']")

payload "$WORK/dropped.json" 'd["title"] = "Dropped"'
xinput drop 500 400 "$WORK/notes.txt" "$WORK/dropped.json"
state_wait "d['payload_title'] == 'Dropped' and d['file'].endswith('dropped.json') and d['watching']" "the dropped file open"
state_wait "d['title'] == 'versus \u2014 dropped.json'" "the dropped file's name in the title"
pass "a dropped .json file opens (the first .json of the drop)"

payload "$WORK/dropped.json" 'd["title"] = "Dropped, edited"'
state_wait "d['payload_title'] == 'Dropped, edited'" "the dropped file followed"
pass "the dropped file is watched"

printf '{"version": 2}' > "$WORK/broken.json"
xinput drop 500 400 "$WORK/broken.json"
state_wait "d['file'].endswith('broken.json') and d['errors'] >= 1 and d['payload_title'] is None and not d['stale']" "the dropped broken file"
grep -q "broken.json" <<<"$(state "d['error_lines']")" || fail "the errors do not name the file"
pass "a dropped broken file shows its errors (seed was: $seed_title)"
