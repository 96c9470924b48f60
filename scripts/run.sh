#!/usr/bin/env bash
# The main job: builds what is missing, then runs `loupe analyze` on the
# given arguments, or on the bundled sample article as a table.
#   scripts/run.sh                          # the sample, readable summary
#   scripts/run.sh FILE_OR_FOLDER... [--format jsonl] [...any analyze option]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

(
  cd "$root"
  scripts/setup.sh
  cmake --preset release >/dev/null
  cmake --build --preset release --target loupe >/dev/null
)

if [ $# -eq 0 ]; then
  cd "$root"
  set -- --format table tests/data/sample.txt
fi
# Paths given by the user stay relative to where they started the command.
exec "$root/build/release/bin/loupe" analyze "$@"
