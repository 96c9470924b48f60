#!/usr/bin/env bash
# Builds the WebAssembly module and the page into build/wasm/web/:
# Protobuf/Abseil for WASM come from scripts/wasm_deps.sh's cache (built on
# the first run, reused after), then the `wasm` CMake preset.
set -euo pipefail
cd "$(dirname "$0")/.."

LOUPE_WASM_PREFIX=$(scripts/wasm_deps.sh | tail -n1)
export LOUPE_WASM_PREFIX
# emcc's JavaScript helpers need Debian's acorn (also set by the preset).
export NODE_PATH=/usr/share/nodejs
cmake --preset wasm >/dev/null
cmake --build --preset wasm
echo "wasm_build: open the page with scripts/serve_web.sh" >&2
