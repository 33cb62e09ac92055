#!/usr/bin/env bash
# `versus --validate --format json FILE...`: one JSON array of {file, line, column, pointer,
# severity, message} over all files, parsed here with Python's json module. Checks the exact
# pointer, line and column of a broken value, syntax errors (pointer ""), warnings for unknown
# fields, unreadable files, and the exit statuses (0 valid, 1 errors, 2 unreadable).
source "$(dirname "$0")/lib.sh"

# check FILE... -- PYTHON: runs the validator, then asserts PYTHON on `a` (the array) and `rc`.
check() {
  local files=() rc=0
  while [ "$1" != -- ]; do files+=("$1"); shift; done
  shift
  "$VERSUS" --validate --format json "${files[@]}" > "$WORK/out.json" 2>"$WORK/err.txt" || rc=$?
  python3 - "$WORK/out.json" "$rc" "$1" <<'PY' || fail "$1 — output: $(cat "$WORK/out.json") (status $rc)"
import json, sys
a = json.load(open(sys.argv[1], encoding="utf-8"))
rc = int(sys.argv[2])
assert isinstance(a, list)
for p in a:
    assert list(p) == ["file", "line", "column", "pointer", "severity", "message"], list(p)
exec(sys.argv[3])
PY
}

# A wrong type deep inside: exact pointer, and the line/column of the offending value.
payload "$WORK/type.json" 'd["tools"][1]["license"]["commercial_use"] = "no"'
where=$(python3 - "$WORK/type.json" <<'PY'
import sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
# the second "commercial_use" of the file is tools[1]'s
hits = [(i + 1, l.index('"no"') + 1) for i, l in enumerate(lines) if '"commercial_use": "no"' in l]
print(*hits[0])
PY
)
line=${where% *}; col=${where#* }
check "$WORK/type.json" -- "
assert rc == 1, rc
assert len(a) == 1, a
p = a[0]
assert p['file'].endswith('type.json'), p
assert p['pointer'] == '/tools/1/license/commercial_use', p
assert p['severity'] == 'error', p
assert (p['line'], p['column']) == ($line, $col), (p['line'], p['column'])
assert 'boolean' in p['message'], p
"
pass "a wrong type: /tools/1/license/commercial_use at $line:$col, status 1"

# A syntax error: the whole document (pointer ""), with line and column.
printf '{\n  "version": 1,\n  "title": "x",,\n}\n' > "$WORK/syntax.json"
check "$WORK/syntax.json" -- "
assert rc == 1 and len(a) == 1, (rc, a)
assert a[0]['pointer'] == '' and a[0]['line'] == 3 and a[0]['column'] == 16, a[0]
"
pass "a syntax error: pointer \"\", line 3 column 16"

# Several problems of one file, all of them, in document order.
payload "$WORK/many.json" 'd["version"] = 2; d["tools"][0]["url"] = "file:///etc/passwd"; d["reviews"][0]["verdict"] = "maybe"'
check "$WORK/many.json" -- "
assert rc == 1, rc
ptrs = [p['pointer'] for p in a if p['severity'] == 'error']
assert ptrs == ['/version', '/tools/0/url', '/reviews/0/verdict'], ptrs
"
pass "three problems in one pass"

# Unknown fields are warnings (status 0); a valid file gives an empty array.
payload "$WORK/warn.json" 'd["colour"] = "blue"'
check "$WORK/warn.json" "$SEED" -- "
assert rc == 0, rc
assert len(a) == 1 and a[0]['severity'] == 'warning' and a[0]['pointer'] == '/colour', a
"
check "$SEED" -- "assert rc == 0 and a == [], (rc, a)"
pass "unknown field: a warning with status 0; valid: []"

# Several files in one array; an unreadable one gives status 2 and an entry of its own.
check "$WORK/type.json" "$WORK/missing.json" "$SEED" -- "
assert rc == 2, rc
files = [p['file'].rsplit('/', 1)[1] for p in a]
assert files == ['type.json', 'missing.json'], files
assert a[1]['line'] is None and a[1]['column'] is None and a[1]['pointer'] == '', a[1]
"
grep -q "cannot read" "$WORK/err.txt" || fail "no message on stderr for the unreadable file"
pass "several files in one array; unreadable file: status 2"

# Standard input is named <stdin>.
rc=0
"$VERSUS" --validate --format json - < "$WORK/type.json" > "$WORK/stdin.json" || rc=$?
[ "$rc" = 1 ] || fail "stdin: status $rc"
python3 -c 'import json,sys; a=json.load(open(sys.argv[1])); assert a[0]["file"] == "<stdin>", a' "$WORK/stdin.json" \
  || fail "stdin is not named <stdin>"

# The text format is unchanged: FILE:LINE:COL: error: POINTER: message.
rc=0
"$VERSUS" --validate "$WORK/type.json" > "$WORK/text.txt" || rc=$?
[ "$rc" = 1 ] || fail "text format: status $rc"
grep -q "type.json:$line:$col: error: /tools/1/license/commercial_use: " "$WORK/text.txt" \
  || fail "text format: $(cat "$WORK/text.txt")"
pass "stdin, and the text format alongside"
