#!/usr/bin/env bash
# Serves the page (build/wasm/web/, made by scripts/wasm_build.sh) on
# http://127.0.0.1:${PORT:-8000}/ — any static file server will do; the page
# needs no network once loaded.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=build/wasm/web
[ -f "$dir/loupe.wasm" ] || scripts/wasm_build.sh
echo "Loupe: open http://127.0.0.1:${PORT:-8000}/ (Ctrl+C to stop)" >&2
exec python3 -m http.server "${PORT:-8000}" --bind 127.0.0.1 --directory "$dir"
