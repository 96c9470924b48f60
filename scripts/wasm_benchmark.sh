#!/usr/bin/env bash
# WASM (node) vs native speed on the seed corpus, and the module's sizes raw
# and gzipped. Builds what is missing. Prints; asserts nothing.
#   scripts/wasm_benchmark.sh [COPIES]   (each seed repeated COPIES times; 40)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/wasm_build.sh >/dev/null
cmake --preset release >/dev/null
cmake --build --preset release --target loupe >/dev/null
corpus=${LOUPE_CORPUS_DIR:-../shared/corpus}/seeds
[ -d "$corpus" ] || corpus=tests/data
exec node --no-experimental-fetch web/benchmark.mjs build/wasm/web \
  build/release/bin/loupe "$corpus" "${1:-40}"
