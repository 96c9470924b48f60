#!/usr/bin/env bash
# Issue #7, option (a): a third-party plugin as an Emscripten side module,
# loaded by a MAIN_MODULE build of Loupe. Builds what is missing, checks that
# the plugin loads and runs, and prints sizes and speeds. Idempotent: every
# step reuses its cache or build directory.
#
#   scripts/wasm_side_module_measure.sh [COPIES]   (benchmark: 40 by default)
#
# 1. Protobuf and Abseil for WASM, compiled -fPIC: scripts/wasm_deps.sh run
#    unchanged with CFLAGS/CXXFLAGS=-fPIC (CMake takes its initial flags from
#    them) and its cache moved by LOUPE_CACHE_DIR to
#      ${LOUPE_SIDE_CACHE_DIR:-<cache>/loupe/pic}/wasm-deps/protobuf-<v>-abseil-<v>/
#    so that the shipped, non-PIC cache is not touched.
# 2. build/wasm-side: web/side_module/CMakeLists.txt (the Loupe tree plus a
#    loader host and the side module), with -fPIC and
#    -sMAIN_MODULE=${LOUPE_MAIN_MODULE:-1} given as CMake cache variables
#    (LOUPE_MAIN_MODULE=2 builds in build/wasm-mm2-side instead).
#    Two shipped link settings must be overridden (see late_flags below).
#    build/wasm-ref-side: the shipped configuration from the same sources.
# 3. web/side_module/side_module_check.mjs loads cashtags.wasm into the hosts
#    and checks the plugin's results; the script exits non-zero if one fails.
# 4. Sizes (raw, gzip -9; build/wasm's are read, it is never rebuilt here),
#    import+instantiate times, and web/benchmark.mjs on the reference and
#    the MAIN_MODULE hosts (native: build/release/bin/loupe, if built).
set -euo pipefail
cd "$(dirname "$0")/.."

log() { echo "side_module: $*" >&2; }
export NODE_PATH=/usr/share/nodejs
main_module=${LOUPE_MAIN_MODULE:-1}
case $main_module in
  1) build=build/wasm-side ;;
  2) build=build/wasm-mm2-side ;;
  *) log "LOUPE_MAIN_MODULE must be 1 or 2"; exit 2 ;;
esac
copies=${1:-40}

# 1. PIC dependencies.
cache=${LOUPE_SIDE_CACHE_DIR:-${XDG_CACHE_HOME:-${HOME:?}/.cache}/loupe/pic}
start=$(date +%s)
prefix=$(LOUPE_CACHE_DIR=$cache CFLAGS=-fPIC CXXFLAGS=-fPIC scripts/wasm_deps.sh | tail -n1)
deps_s=$(( $(date +%s) - start ))
stamp=$(cat "$prefix/../stamp")
log "PIC deps: $prefix ($stamp; this run ${deps_s} s)"

# 2. Configure and build (only what is measured).
toolchain=/usr/share/emscripten/cmake/Modules/Platform/Emscripten.cmake
# MAIN_MODULE=1 links every archive whole (emcc's LINKABLE), and CMake
# repeats the Abseil archives on the link line for their cycles: a linker
# launcher drops the repeats (see web/side_module/dedupe_archives.sh).
link_flags="-sMAIN_MODULE=$main_module -sEXPORTED_RUNTIME_METHODS=loadWebAssemblyModule,getWasmTableEntry"
# Settings of the shipped module that emcc refuses with MAIN_MODULE; a
# target's link options come after CMAKE_EXE_LINKER_FLAGS and the last -s
# wins, so they go in CMAKE_CXX_STANDARD_LIBRARIES, the one cache variable
# placed after them. RELOCATABLE "needs to eval()" (no DYNAMIC_EXECUTION=0);
# MAIN_MODULE=1 includes the whole JS library, whose syscalls need $FS.
late_flags="-sDYNAMIC_EXECUTION=1"
launcher=""
exports_for_hosts=OFF
if [ "$main_module" = 1 ]; then
  late_flags="$late_flags -sFILESYSTEM=1"
  launcher=$PWD/web/side_module/dedupe_archives.sh
else
  # MAIN_MODULE=2 exports only what it is told: the side module's imports.
  exports_for_hosts=ON
fi
log "configuring $build (MAIN_MODULE=$main_module)"
cmake -S web/side_module -B "$build" -G Ninja \
  -DCMAKE_TOOLCHAIN_FILE=$toolchain \
  "-DCMAKE_CROSSCOMPILING_EMULATOR=/usr/bin/node;--no-experimental-fetch" \
  -DCMAKE_BUILD_TYPE=Release \
  "-DCMAKE_FIND_ROOT_PATH=$prefix" \
  -DLOUPE_BUILD_TESTS=OFF -DLOUPE_WEB_PLUGIN_TEST=OFF \
  -DCMAKE_C_FLAGS=-fPIC -DCMAKE_CXX_FLAGS=-fPIC \
  "-DCMAKE_EXE_LINKER_FLAGS=$link_flags" \
  "-DCMAKE_CXX_LINKER_LAUNCHER=$launcher" \
  "-DCMAKE_CXX_STANDARD_LIBRARIES=$late_flags" \
  -DSIDE_EXPORTS_FOR_HOSTS=$exports_for_hosts \
  >/dev/null
start=$(date +%s)
cmake --build "$build" -j2 --target loupe_wasm loupe_side_host cashtags_side >&2
log "build: $(( $(date +%s) - start )) s"

plain=$build/loupe/web
# Marks loupe.js as an ES module for node 18 (the page target would copy it).
cp web/page/package.json "$plain/package.json"
host=$build/side-host
side=$build/side-module/cashtags.wasm

# The comparison: the shipped configuration (non-PIC cache, no MAIN_MODULE,
# the wasm preset's variables) built from the same sources now, so that
# source changes since build/wasm was built do not enter the comparison.
ref=build/wasm-ref-side
ship_prefix=$(scripts/wasm_deps.sh | tail -n1)
cmake -S . -B "$ref" -G Ninja -DCMAKE_TOOLCHAIN_FILE=$toolchain \
  "-DCMAKE_CROSSCOMPILING_EMULATOR=/usr/bin/node;--no-experimental-fetch" \
  -DCMAKE_BUILD_TYPE=Release "-DCMAKE_FIND_ROOT_PATH=$ship_prefix" \
  -DLOUPE_BUILD_TESTS=OFF -DLOUPE_WEB_PLUGIN_TEST=OFF >/dev/null
start=$(date +%s)
cmake --build "$ref" -j2 --target loupe_wasm >&2
log "reference build: $(( $(date +%s) - start )) s"
cp web/page/package.json "$ref/web/package.json"

# 3. Load and run the plugin.
echo "== loading the side module (node $(node --version), emcc $(emcc --version | head -n1 | sed 's/.*) //'))"
checks=0
node --no-experimental-fetch web/side_module/side_module_check.mjs "$host" "$plain" "$side" ||
  checks=$?

# 4. Figures.
size_line() {  # label file
  if [ -f "$2" ]; then
    printf '%-44s %9d B raw %9d B gzip -9  (%4d / %4d KB)\n' "$1" \
      "$(stat -c %s "$2")" "$(gzip -9 -c "$2" | wc -c)" \
      $(( $(stat -c %s "$2") / 1024 )) $(( $(gzip -9 -c "$2" | wc -c) / 1024 ))
  else
    printf '%-44s missing (%s)\n' "$1" "$2"
  fi
}
echo "== sizes"
size_line "shipped build/wasm loupe.wasm" build/wasm/web/loupe.wasm
size_line "shipped build/wasm loupe.js" build/wasm/web/loupe.js
size_line "shipped config, same sources, loupe.wasm" "$ref/web/loupe.wasm"
size_line "shipped config, same sources, loupe.js" "$ref/web/loupe.js"
size_line "MAIN_MODULE=$main_module loupe_wasm loupe.wasm" "$plain/loupe.wasm"
size_line "MAIN_MODULE=$main_module loupe_wasm loupe.js" "$plain/loupe.js"
size_line "MAIN_MODULE=$main_module + loader + FS loupe.wasm" "$host/loupe.wasm"
size_line "MAIN_MODULE=$main_module + loader + FS loupe.js" "$host/loupe.js"
size_line "side module cashtags.wasm" "$side"
echo "PIC deps build time: $stamp"

echo "== import loupe.js + instantiate loupe.wasm (node, fresh process each, 5 runs)"
for dir in "$ref/web" "$plain" "$host"; do
  times=$(for _ in 1 2 3 4 5; do
    node --no-experimental-fetch web/side_module/instantiate_time.mjs "$dir"
  done | sort -n | tr '\n' ' ')
  printf '%-28s ms: %s\n' "$dir" "$times"
done

echo "== throughput (web/benchmark.mjs, $copies copies)"
corpus=${LOUPE_CORPUS_DIR:-../shared/corpus}/seeds
[ -d "$corpus" ] || corpus=tests/data
native=build/release/bin/loupe
if [ ! -x "$native" ]; then
  log "no $native: build it with 'cmake --preset release && cmake --build --preset release --target loupe'"
  exit "$checks"
fi
# Rounds alternate between the modules, so that load from other users of
# the machine spreads over all three; the summary gives each one's
# analyzeBinary times sorted (the benchmark's own figure is a best of 3).
rounds=${LOUPE_SIDE_ROUNDS:-3}
bench_log=$(mktemp)
for round in $(seq "$rounds"); do
  for dir in "$ref/web" "$plain" "$host"; do
    echo "-- round $round: $dir"
    out=$(node --no-experimental-fetch web/benchmark.mjs "$dir" "$native" "$corpus" "$copies")
    echo "$out"
    echo "$out" | sed -n "s|^wasm analyzeBinary (node) *\([0-9]*\) ms.*|$dir \1|p" >>"$bench_log"
  done
done
echo "== analyzeBinary ms over $rounds rounds, sorted"
for dir in "$ref/web" "$plain" "$host"; do
  printf '%-28s %s\n' "$dir" "$(awk -v d="$dir" '$1 == d {print $2}' "$bench_log" | sort -n | tr '\n' ' ')"
done
rm -f "$bench_log"
exit "$checks"
