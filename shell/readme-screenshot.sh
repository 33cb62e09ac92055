#!/usr/bin/env bash
# Regenerates docs/screenshot.png, the README's picture of the widget: the seed comparison drawn
# by `versus --screenshot` (the same widget code as the web build), under Xvfb when there is no
# display, then compressed with ImageMagick to keep the repository small.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash shell/setup.sh
cmake --preset native >/dev/null
cmake --build --preset native --target versus
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
run=()
[ -n "${DISPLAY:-}" ] || run=(xvfb-run -a -s "-screen 0 1280x1024x24")
"${run[@]}" build/native/versus --screenshot "$tmp/full.png" --size 1000x880
convert "$tmp/full.png" +dither -colors 128 -define png:compression-level=9 -strip docs/screenshot.png
echo "docs/screenshot.png: $(identify -format '%wx%h' docs/screenshot.png), $(stat -c %s docs/screenshot.png) bytes"
