#!/usr/bin/env bash
# Installs what versus needs to build and test, and only what is missing:
# Debian packages, Dear ImGui 1.90.1 sources (from Debian's source archive, fetched with a
# private apt state so the machine's apt configuration is untouched) and the npm packages of
# the browser tests. Quick when everything is already there. Sourced by demo.sh and test.sh.
set -euo pipefail

VERSUS_ROOT="${VERSUS_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
IMGUI_VERSION="1.90.1"
IMGUI_DEST="$VERSUS_ROOT/third_party/imgui-$IMGUI_VERSION"
UNIBREAK_VERSION="6.1"
UNIBREAK_DEST="$VERSUS_ROOT/third_party/libunibreak-$UNIBREAK_VERSION"

log() { printf '[setup] %s\n' "$*" >&2; }

# --- Debian packages -------------------------------------------------------------------------
APT_PACKAGES=(
  cmake ninja-build g++ clang-14 libclang-rt-14-dev pkg-config python3
  emscripten nodejs
  libglfw3-dev libgl-dev nlohmann-json3-dev catch2
  fonts-inter fonttools
  libfreetype-dev libharfbuzz-dev libicu-dev libfontconfig-dev
  fonts-noto-core fonts-noto-cjk fonts-noto-color-emoji
  help2man dpkg-dev
  xvfb xauth libxtst6 x11-utils chromium fonts-liberation imagemagick xz-utils ca-certificates
  libcpp-httplib-dev libsqlite3-dev libpq-dev libssl-dev postgresql wrk   # versus-votes (issue 11)
  # web text: woff2 cuts of Inter (pyftsubset --flavor=woff2), and the browser tests reading the
  # canvas's text back in every script (tesseract)
  python3-brotli
  tesseract-ocr tesseract-ocr-ara tesseract-ocr-heb tesseract-ocr-hin tesseract-ocr-tha tesseract-ocr-jpn
  tesseract-ocr-chi-sim tesseract-ocr-kor tesseract-ocr-rus tesseract-ocr-ell tesseract-ocr-vie tesseract-ocr-fas
  # ... and the scripts of the rest of the corpus (tests/payloads/valid/scripts-*.json; their
  # fonts are all in fonts-noto-core): 16 packs, 20 MB to download, 46 MB installed
  tesseract-ocr-ben tesseract-ocr-tam tesseract-ocr-tel tesseract-ocr-guj tesseract-ocr-pan tesseract-ocr-mal
  tesseract-ocr-kan tesseract-ocr-sin tesseract-ocr-urd tesseract-ocr-kat tesseract-ocr-hye tesseract-ocr-amh
  tesseract-ocr-khm tesseract-ocr-lao tesseract-ocr-mya tesseract-ocr-bod
  # ... and 6 more: 7 MB to download, 11 MB installed
  tesseract-ocr-syr tesseract-ocr-div tesseract-ocr-ori tesseract-ocr-uig tesseract-ocr-yid tesseract-ocr-chi-tra
)

missing=()
for p in "${APT_PACKAGES[@]}"; do
  # nodejs may come from elsewhere on the machine; what matters is a working node and npm.
  if [ "$p" = nodejs ] && command -v node >/dev/null && command -v npm >/dev/null; then continue; fi
  dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null | grep -qx installed || missing+=("$p")
done
if ! command -v npm >/dev/null; then missing+=(npm); fi
if [ ${#missing[@]} -gt 0 ]; then
  log "installing Debian packages: ${missing[*]}"
  if [ "$(id -u)" != 0 ]; then SUDO=sudo; else SUDO=; fi
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q "${missing[@]}"
fi

# --- Sources from Debian's source archive: Dear ImGui, libunibreak --------------------------------
# Fetched with a private apt state (the machine's apt configuration stays untouched) into the
# git-ignored third_party/. libunibreak (UAX #14 line breaks, grapheme clusters) is compiled from
# source into both targets, so that the desktop and the web break text at the same places.
debian_uri() {
  local uri=""
  if [ -f /etc/apt/sources.list.d/debian.sources ]; then
    uri=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources)
  fi
  if [ -z "$uri" ] && [ -f /etc/apt/sources.list ]; then
    uri=$(awk '$1=="deb"{for(i=2;i<=NF;i++) if ($i ~ /^[a-z]+:\/\//) {print $i; exit}}' /etc/apt/sources.list)
  fi
  [ -n "$uri" ] || { log "cannot find a Debian mirror in the apt configuration"; exit 1; }
  printf '%s' "$uri"
}

# fetch_source PACKAGE=VERSION UPSTREAM_VERSION DEST: unpacks the upstream tarball into DEST.
fetch_source() {
  local spec=$1 upstream=$2 dest=$3 pkg=${1%%=*} work
  log "fetching $spec sources from Debian's source archive"
  work=$(mktemp -d)
  mkdir -p "$work/lists/partial" "$work/cache/archives/partial"
  echo "deb-src $(debian_uri) trixie main" > "$work/sources.list"
  local opts=(-o "Dir::Etc::SourceList=$work/sources.list" -o Dir::Etc::SourceParts=/nonexistent
              -o "Dir::State::Lists=$work/lists" -o "Dir::Cache=$work/cache"
              -o APT::Sandbox::User=root)
  apt-get "${opts[@]}" update -q >/dev/null
  # Only the upstream tarball is needed: a missing Debian patch tarball is not an error here.
  (cd "$work" && apt-get "${opts[@]}" source --download-only "$spec" >/dev/null 2>&1) || true
  local tarball
  tarball=$(ls "$work/${pkg}_${upstream}".orig.tar.* 2>/dev/null | head -n 1)
  [ -n "$tarball" ] || { log "could not download the $spec sources"; rm -rf "$work"; exit 1; }
  rm -rf "$dest.tmp" && mkdir -p "$dest.tmp"
  tar -xf "$tarball" -C "$dest.tmp" --strip-components=1
  rm -rf "$dest" && mv "$dest.tmp" "$dest"
  rm -rf "$work"
  log "$pkg in $dest"
}

[ -f "$IMGUI_DEST/imgui.cpp" ] || fetch_source "imgui=$IMGUI_VERSION+ds-1" "$IMGUI_VERSION+ds" "$IMGUI_DEST"
[ -f "$UNIBREAK_DEST/src/linebreak.c" ] || fetch_source "libunibreak=$UNIBREAK_VERSION-3" "$UNIBREAK_VERSION" "$UNIBREAK_DEST"

# --- npm packages: the web build's (web/package.json: esbuild) and the node tests' ------------
# (tests/*/package.json). Installed again when package.json or package-lock.json is newer.
for pkg in "$VERSUS_ROOT"/web/package.json "$VERSUS_ROOT"/tests/*/package.json; do
  [ -f "$pkg" ] || continue
  dir=$(dirname "$pkg")
  stamp="$dir/node_modules/.versus-installed"
  if [ ! -f "$stamp" ] || [ "$pkg" -nt "$stamp" ] || \
     { [ -f "$dir/package-lock.json" ] && [ "$dir/package-lock.json" -nt "$stamp" ]; }; then
    log "installing npm packages in ${dir#"$VERSUS_ROOT"/}"
    if [ -f "$dir/package-lock.json" ]; then
      (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >&2)
    else
      (cd "$dir" && npm install --no-audit --no-fund --loglevel=error >&2)
    fi
    touch "$stamp"
  fi
done
