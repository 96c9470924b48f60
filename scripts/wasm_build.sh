#!/usr/bin/env bash
# Builds the WebAssembly module and the page into build/wasm/web/:
# Protobuf/Abseil for WASM come from scripts/wasm_deps.sh's cache (built on
# the first run, reused after), then the `wasm` CMake preset.
#
#   scripts/wasm_build.sh [PLUGIN_FOLDER...]
#
# Each PLUGIN_FOLDER holds a plugin project as plugins/template does; its
# plugins are linked into the module and the page runs them after the
# built-ins (a custom build, see web/README.md). Without folders the page
# has the built-ins only: every run states the whole list.
set -euo pipefail

plugins=()
for dir in "$@"; do
  if [ ! -f "$dir/CMakeLists.txt" ]; then
    echo "wasm_build: '$dir' is not a plugin folder (no CMakeLists.txt)" >&2
    exit 2
  fi
  plugins+=("$(cd "$dir" && pwd)")
done
cd "$(dirname "$0")/.."

LOUPE_WASM_PREFIX=$(scripts/wasm_deps.sh | tail -n1)
export LOUPE_WASM_PREFIX
# emcc's JavaScript helpers need Debian's acorn (also set by the preset).
export NODE_PATH=/usr/share/nodejs
list=$(IFS=';'; echo "${plugins[*]}")
cmake --preset wasm "-DLOUPE_WEB_PLUGINS=$list" >/dev/null
cmake --build --preset wasm
echo "wasm_build: open the page with scripts/serve_web.sh" >&2
