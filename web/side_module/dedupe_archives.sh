#!/usr/bin/env bash
# A CMAKE_CXX_LINKER_LAUNCHER for MAIN_MODULE=1 links: runs the link command
# with each static archive (*.a) kept only at its first position.
# MAIN_MODULE=1 makes emcc link every archive whole, and CMake repeats some
# Abseil archives on the line for their cycles, so their objects would be
# defined twice (wasm-ld 14 has no --allow-multiple-definition). Whole
# archives make the order irrelevant, so dropping repeats is safe there.
set -euo pipefail
declare -A seen
args=()
for arg in "$@"; do
  if [[ $arg == *.a ]]; then
    [[ -n ${seen[$arg]:-} ]] && continue
    seen[$arg]=1
  fi
  args+=("$arg")
done
exec "${args[@]}"
