# Helpers for the desktop tests (sourced). Each test gets the versus binary as $1.
set -euo pipefail
VERSUS="${1:?usage: $0 path/to/versus}"
SRC="${VERSUS_SOURCE_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }
pass() { echo "ok: $*"; }

# Number of distinct colours in an image.
colours() { convert "$1" -format '%k' info:; }
