#!/usr/bin/env bash
# package: deb — the Debian package of the desktop tools, made by CPack from this build tree into a
# temporary folder: its name and control fields carry the project's version, `dpkg -c` lists the
# program, its man page and the changelog under /usr, and installed into a temporary root
# (`dpkg -x`) the program runs (and `apt-get install -s` resolves its dependencies) and says its version; the man page is help2man's, from --help.
set -euo pipefail
: "${VERSUS_BUILD_DIR:?}" "${VERSUS_VERSION:?}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
pass() { echo "ok: $*"; }

(cd "$work" && cpack --config "$VERSUS_BUILD_DIR/CPackConfig.cmake" -B "$work/out" >"$work/cpack.log" 2>&1) \
  || { cat "$work/cpack.log" >&2; fail "cpack could not make the package"; }
deb=$(ls "$work"/out/versus_*.deb 2>/dev/null | head -n 1 || true)
[ -n "$deb" ] || fail "no versus_*.deb in $(ls "$work/out")"
arch=$(dpkg --print-architecture)
[ "$(basename "$deb")" = "versus_${VERSUS_VERSION}_${arch}.deb" ] || fail "package file name $(basename "$deb")"
pass "$(basename "$deb") ($(stat -c %s "$deb") bytes)"

field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = versus ] || fail "Package: $(field Package)"
[ "$(field Version)" = "$VERSUS_VERSION" ] || fail "Version: $(field Version)"
depends=$(field Depends)
grep -q 'libglfw3' <<<"$depends" || fail "Depends should name libglfw3 (from dpkg-shlibdeps): $depends"
grep -q 'libc6' <<<"$depends" || fail "Depends should name libc6: $depends"
pass "control: versus $VERSUS_VERSION, Depends: $depends"

listing=$(dpkg -c "$deb")
for path in ./usr/bin/versus ./usr/share/man/man1/versus.1.gz ./usr/share/doc/versus/CHANGELOG.md; do
  awk '{print $6}' <<<"$listing" | grep -x "$path" >/dev/null || { echo "$listing" >&2; fail "dpkg -c should list $path"; }
done
if awk '{print $6}' <<<"$listing" | grep -E 'test|bench|fuzz' >/dev/null; then
  echo "$listing" >&2; fail "no test, benchmark or fuzz program belongs in the package"
fi
pass "dpkg -c: /usr/bin/versus, its man page, the changelog, nothing else of the build"

# `apt install ./versus_*.deb` would work: apt resolves its dependencies (simulated, nothing installed).
sim=$(apt-get install -s "$deb" 2>&1) || { echo "$sim" >&2; fail "apt-get install -s could not resolve the package"; }
grep -q '^Inst versus ' <<<"$sim" || { echo "$sim" >&2; fail "apt-get install -s should plan to install versus"; }
pass "apt-get install -s ./$(basename "$deb"): dependencies resolve"

root="$work/root"
dpkg -x "$deb" "$root"
out=$("$root/usr/bin/versus" --version)
[ "$out" = "versus $VERSUS_VERSION" ] || fail "installed versus --version said '$out'"
pass "installed into a temporary root: '$out'"
"$root/usr/bin/versus" --validate "$VERSUS_SOURCE_DIR/assets/payloads/haiku-vs-mistral.json" >/dev/null \
  || fail "the installed versus should validate the seed payload"

man=$(zcat "$root/usr/share/man/man1/versus.1.gz")
grep -q '^\.TH VERSUS "1"' <<<"$man" || fail "the man page should be a help2man page for VERSUS(1)"
grep -qF -- '\-\-validate' <<<"$man" || fail "the man page should describe --validate (from --help)"
grep -q "$VERSUS_VERSION" <<<"$man" || fail "the man page should carry the version"
pass "man page versus(1) from --help"

# The vote service, when this tree builds it, is in the package too.
if grep -q 'versus-votes\|versus_votes' "$VERSUS_BUILD_DIR/build.ninja" 2>/dev/null; then
  awk '{print $6}' <<<"$listing" | grep -x ./usr/bin/versus-votes >/dev/null || fail "versus-votes is built here but not packaged"
  pass "versus-votes packaged"
fi
