#!/usr/bin/env bash
# The main job: builds what is missing, then runs `loupe analyze` on the
# given arguments, or on the bundled sample article as a table.
#   scripts/run.sh                          # the sample, readable summary
#   scripts/run.sh FILE_OR_FOLDER... [--format jsonl] [...any analyze option]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

scripts/setup.sh
cmake --preset release >/dev/null
cmake --build --preset release --target loupe >/dev/null

if [ $# -eq 0 ]; then
  set -- --format table tests/data/sample.txt
fi
# Paths are relative to where the command was started.
cd "$OLDPWD" 2>/dev/null || true
exec "$root/build/release/bin/loupe" analyze "$@"
