#!/usr/bin/env bash
# Installs what versus needs to build and test, and only what is missing:
# Debian packages, Dear ImGui 1.90.1 sources (from Debian's source archive, fetched with a
# private apt state so the machine's apt configuration is untouched) and the npm packages of
# the browser tests. Quick when everything is already there. Sourced by demo.sh and test.sh.
set -euo pipefail

VERSUS_ROOT="${VERSUS_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
IMGUI_VERSION="1.90.1"
IMGUI_DEST="$VERSUS_ROOT/third_party/imgui-$IMGUI_VERSION"

log() { printf '[setup] %s\n' "$*" >&2; }

# --- Debian packages -------------------------------------------------------------------------
APT_PACKAGES=(
  cmake ninja-build g++ clang-14 libclang-rt-14-dev pkg-config python3
  emscripten nodejs
  libglfw3-dev libgl-dev nlohmann-json3-dev catch2
  fonts-inter fonttools
  help2man dpkg-dev
  xvfb xauth libxtst6 x11-utils chromium fonts-liberation imagemagick xz-utils ca-certificates
  libcpp-httplib-dev libsqlite3-dev libpq-dev libssl-dev postgresql wrk   # versus-votes (issue 11)
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

# --- Dear ImGui sources ----------------------------------------------------------------------
if [ ! -f "$IMGUI_DEST/imgui.cpp" ]; then
  log "fetching Dear ImGui $IMGUI_VERSION sources from Debian's source archive"
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT   # setup.sh runs as its own process: this trap is its own
  uri=""
  if [ -f /etc/apt/sources.list.d/debian.sources ]; then
    uri=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources)
  fi
  if [ -z "$uri" ] && [ -f /etc/apt/sources.list ]; then
    uri=$(awk '$1=="deb"{for(i=2;i<=NF;i++) if ($i ~ /^[a-z]+:\/\//) {print $i; exit}}' /etc/apt/sources.list)
  fi
  [ -n "$uri" ] || { log "cannot find a Debian mirror in the apt configuration"; exit 1; }
  mkdir -p "$work/lists/partial" "$work/cache/archives/partial"
  echo "deb-src $uri trixie main" > "$work/sources.list"
  opts=(-o "Dir::Etc::SourceList=$work/sources.list" -o Dir::Etc::SourceParts=/nonexistent
        -o "Dir::State::Lists=$work/lists" -o "Dir::Cache=$work/cache"
        -o APT::Sandbox::User=root)
  apt-get "${opts[@]}" update -q >/dev/null
  (cd "$work" && apt-get "${opts[@]}" source --download-only "imgui=$IMGUI_VERSION+ds-1" >/dev/null)
  tarball=$(ls "$work"/imgui_"$IMGUI_VERSION"+ds.orig.tar.* | head -n 1)
  mkdir -p "$IMGUI_DEST.tmp"
  tar -xf "$tarball" -C "$IMGUI_DEST.tmp" --strip-components=1
  rm -rf "$IMGUI_DEST"
  mv "$IMGUI_DEST.tmp" "$IMGUI_DEST"
  log "Dear ImGui in $IMGUI_DEST"
fi

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
