#!/usr/bin/env bash
# The desktop's language: --lang TAG (window and --screenshot), then the environment's locale,
# with the payload's own lang first; a malformed tag is a usage error. Read back from the state
# dump (the words the frame drew) and from the PNG export (it differs from the English one).
VERSUS_NEED_X=1
source "$(dirname "$0")/lib.sh"

rc=0
"$VERSUS" --lang "de_DE" "$SEED" >/dev/null 2>"$WORK/err.txt" || rc=$?
[ "$rc" = 2 ] || fail "--lang de_DE exited $rc, expected 2"
grep -qF -- "--lang must be a BCP 47 language tag" "$WORK/err.txt" || fail "unexpected message: $(cat "$WORK/err.txt")"
grep -qF -- "--lang TAG" <<<"$("$VERSUS" --help)" || fail "--help does not mention --lang"
pass "--lang takes a BCP 47 tag and is documented"

# --lang de in the window: German words, German numbers.
start_viewer --lang de "$SEED"
state_wait 'd["lang"] == "de" and any(i["role"] == "vote.ship" and i["text"] == "Einsetzen" for i in d["items"])' "German verdict words"
state_wait 'any(i["role"] == "tool.panel" and i["text"] == "75\u00a0%" for i in d["items"])' "German percent"
state_wait 'any(f["split"] == "3 Einsetzen \u00b7 1 Verzichten \u00b7 75\u00a0% Einsetzen" for f in d["figures"])' "the split line in the dump's figures"
kill "$VIEWER_PID"; wait "$VIEWER_PID" 2>/dev/null || true
pass "--lang de: the window speaks German"

# The environment's locale, when there is no --lang; the payload's lang wins over both.
LC_ALL= LC_MESSAGES= LANG=ja_JP.UTF-8 start_viewer "$SEED"
state_wait 'd["lang"] == "ja" and any(i["role"] == "vote.ship" and i["text"] == "採用" for i in d["items"])' "Japanese from LANG"
kill "$VIEWER_PID"; wait "$VIEWER_PID" 2>/dev/null || true
payload "$WORK/ar.json" 'd["lang"] = "ar"; d["labels"] = {"ship": "اشترِ"}'
start_viewer --lang de "$WORK/ar.json"
state_wait 'd["lang"] == "ar" and d["dir"] == "rtl" and any(i["role"] == "vote.ship" and i["text"] == "اشترِ" for i in d["items"]) and any(i["role"] == "vote.skip" and i["text"] == "تجاوز" for i in d["items"])' "the payload's lang and labels over --lang"
kill "$VIEWER_PID"; wait "$VIEWER_PID" 2>/dev/null || true
pass "the locale applies without --lang; the payload's lang and labels win"

# --screenshot --lang: a different image than the English one (same size: one line per label).
"$VERSUS" --screenshot "$WORK/en.png" --size 900x700 "$SEED" || fail "English screenshot"
"$VERSUS" --screenshot "$WORK/de.png" --size 900x700 --lang de "$SEED" || fail "German screenshot"
[ "$(pixels_differ "$WORK/en.png" "$WORK/de.png")" != 0 ] || fail "the German screenshot is the English one"
pass "--screenshot --lang de draws German words"
