#!/usr/bin/env bash
# The WebAssembly tests: builds the module and the page (scripts/wasm_build.sh),
# installs playwright-core for the browser test, then runs CTest's `wasm`
# preset: the module's API under node, parity with the native CLI on the seed
# articles, and the page in headless Chromium (screenshot: build/wasm/page.png).
# The parity test compares with build/release/bin/loupe: build it first
# (scripts/test.sh does); without it that test is skipped with a message.
set -euo pipefail
cd "$(dirname "$0")/.."

start=$(date +%s)
scripts/wasm_build.sh
if [ ! -d web/node_modules/playwright-core ]; then
  (cd web && npm ci --no-audit --no-fund --loglevel=error)
fi
ctest --preset wasm
echo "wasm_test.sh: build and tests took $(( $(date +%s) - start )) s"
