#!/usr/bin/env bash
# package: npm — build/web/dist is an npm package: `npm pack` makes versus-widget-<version>.tgz
# holding the element (the entry), the core, the schema, the iframe mode, the editor and the
# example payload, and nothing that is not dist's; its version is the project's (= versus --version).
set -euo pipefail
: "${VERSUS_WEB_DIST:?}" "${VERSUS_VERSION:?}" "${VERSUS_BIN:?}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
pass() { echo "ok: $*"; }
[ -f "$VERSUS_WEB_DIST/package.json" ] || fail "$VERSUS_WEB_DIST/package.json is missing: build the web target (cmake --build --preset web)"

[ "$("$VERSUS_BIN" --version)" = "versus $VERSUS_VERSION" ] || fail "versus --version should say $VERSUS_VERSION"
node -e '
  const p = require(process.argv[1]);
  const want = process.argv[2];
  const bad = [];
  if (p.name !== "versus-widget") bad.push(`name ${p.name}`);
  if (p.version !== want) bad.push(`version ${p.version}, not ${want}`);
  if (p.type !== "module" || p.main !== "versus.js" || p.exports["."] !== "./versus.js") bad.push("the element (versus.js) should be the entry");
  if (bad.length) { console.error(bad.join("; ")); process.exit(1); }
' "$VERSUS_WEB_DIST/package.json" "$VERSUS_VERSION" || fail "dist/package.json"
pass "package.json: versus-widget $VERSUS_VERSION, entry versus.js"

(cd "$VERSUS_WEB_DIST" && npm pack --json --pack-destination "$work" >"$work/pack.json" 2>"$work/pack.log") \
  || { cat "$work/pack.log" >&2; fail "npm pack failed"; }
tgz="$work/versus-widget-$VERSUS_VERSION.tgz"
[ -f "$tgz" ] || fail "npm pack should write versus-widget-$VERSUS_VERSION.tgz, wrote: $(ls "$work")"
files=$(tar -tzf "$tgz" | sort)
for f in package/package.json package/README.md package/versus.js package/versus-core.js package/versus-core.wasm \
         package/versus.schema.json package/embed.html package/embed.js package/payloads/haiku-vs-mistral.json \
         package/editor.html package/editor.js package/editor.css package/fonts/inter-latin-400.woff2 package/i18n/de.json; do
  grep -qx "$f" <<<"$files" || { echo "$files" >&2; fail "the package should hold $f"; }
done
if grep -Eq 'screenshots|\.map$|node_modules|bench' <<<"$files"; then echo "$files" >&2; fail "build leftovers in the package"; fi
pass "npm pack: $(echo "$files" | wc -l) files, $(stat -c %s "$tgz") bytes"

# What a publisher does with it: unpack, serve, the entry is the element's bundle.
tar -xzf "$tgz" -C "$work"
cmp -s "$work/package/versus.js" "$VERSUS_WEB_DIST/versus.js" || fail "the packed versus.js differs from dist's"
grep -q "customElements.define(\"versus-widget\"" "$work/package/versus.js" || fail "versus.js should define <versus-widget>"
grep -q "\"$VERSUS_VERSION\"" "$work/package/versus.js" || fail "versus.js should carry the version $VERSUS_VERSION"
pass "unpacked: the element's bundle, version $VERSUS_VERSION"
# The chunks versus.js fetches on demand (web/tools/bundle.mjs --split: the actions menu, the vote
# service's client) are in the package, as dist has them: a missing one is a menu that never opens.
chunks=$(grep -o 'import("\./[^"]*")' "$work/package/versus.js" | sed 's/^import("\.\///; s/")$//' | sort -u)
[ -n "$chunks" ] || fail "versus.js should load its chunks (versus-actions.js, versus-service.js) with import()"
for c in $chunks; do
  [ -f "$work/package/$c" ] || fail "versus.js imports ./$c, which the package does not hold"
  cmp -s "$work/package/$c" "$VERSUS_WEB_DIST/$c" || fail "the packed $c differs from dist's"
done
pass "the chunks versus.js loads on demand are packed: $(echo $chunks)"
