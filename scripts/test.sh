#!/usr/bin/env bash
# Every test: installs and builds what is missing, then runs the whole CTest
# suite of the release build (unit, end-to-end, loader and evaluation tests).
set -euo pipefail
cd "$(dirname "$0")/.."

start=$(date +%s)
scripts/setup.sh
cmake --preset release
cmake --build --preset release
ctest --preset release
echo "test.sh: build and tests took $(( $(date +%s) - start )) s"
