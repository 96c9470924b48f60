#!/usr/bin/env bash
# Every test: installs and builds what is missing, then runs
#   1. the release build's CTest suite (units, end to end, plugin loader,
#      SDK template, evaluation tools),
#   2. the same suite under AddressSanitizer + UndefinedBehaviorSanitizer,
#   3. the WebAssembly module and page (scripts/wasm_test.sh: node tests,
#      native parity, headless Chromium).
# Ends with one line counting every test: "tests: N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")/.."

start=$(date +%s)
passed=0 failed=0 skipped=0
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT

summary() {
  echo "test.sh: build and tests took $(( $(date +%s) - start )) s"
  echo "tests: $passed passed, $failed failed, $skipped skipped"
}

# Runs a command whose output ends with CTest's summary and adds its counts.
count() {
  local log=$logs/$#.$RANDOM status=0
  "$@" 2>&1 | tee "$log" || status=$?
  local total fails skips
  total=$(sed -n 's/.*tests failed out of \([0-9]*\).*/\1/p' "$log" | tail -n1)
  fails=$(sed -n 's/.* \([0-9]*\) tests failed out of.*/\1/p' "$log" | tail -n1)
  skips=$(grep -c '(Skipped)$' "$log" || true)
  passed=$(( passed + ${total:-0} - ${fails:-0} - skips ))
  failed=$(( failed + ${fails:-0} ))
  skipped=$(( skipped + skips ))
  if [ "$status" -ne 0 ]; then
    [ -n "$total" ] || failed=$(( failed + 1 ))  # failed before testing
    summary
    exit "$status"
  fi
}

scripts/setup.sh
for preset in release asan; do
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset"
  count ctest --preset "$preset"
done
count scripts/wasm_test.sh
summary
