#!/usr/bin/env bash
# Installs what the WebAssembly build of Loupe needs, and builds Protobuf and
# Abseil for WASM from Debian's own source packages: the same versions as the
# host's libprotobuf-dev / libabsl-dev, so that the host protoc's generated
# code matches the WASM runtime.
#
# The builds go into a cache outside the build tree, keyed by those versions:
#   ${LOUPE_CACHE_DIR:-$HOME/.cache/loupe}/wasm-deps/protobuf-<v>-abseil-<v>/
#     src/      Debian source packages (patched as Debian ships them)
#     prefix/   the installed WASM libraries, headers and CMake packages
#     stamp     written last; when it exists the script does nothing more
# When Debian updates either package the key changes and both are rebuilt.
#
# Prints the prefix on its last line of standard output, so callers can do
#   prefix=$(scripts/wasm_deps.sh | tail -n1)
# Run as root (or with sudo available) the first time: it installs packages.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { echo "wasm_deps: $*" >&2; }

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi

installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"
}

# 1. Packages: the native build's, the toolchain, apt-get source's tools, and
# the browser the page tests drive.
packages=(
  cmake ninja-build g++ pkg-config
  libabsl-dev libprotobuf-dev protobuf-compiler
  emscripten nodejs npm dpkg-dev chromium
)
missing=()
for p in "${packages[@]}"; do
  # nodejs/npm may come from another repository that bundles npm in nodejs.
  if [ "$p" = npm ] && command -v npm >/dev/null; then continue; fi
  if [ "$p" = nodejs ] && command -v node >/dev/null; then continue; fi
  installed "$p" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# 2. The cache key: the source versions of the host's development packages.
pb_version=$(dpkg-query -W -f='${source:Version}' libprotobuf-dev)
absl_version=$(dpkg-query -W -f='${source:Version}' libabsl-dev)
cache_root=${LOUPE_CACHE_DIR:-${XDG_CACHE_HOME:-${HOME:?}/.cache}/loupe}/wasm-deps
key_dir=$cache_root/protobuf-$pb_version-abseil-$absl_version
prefix=$key_dir/prefix
if [ -f "$key_dir/stamp" ]; then
  log "cached: $prefix"
  echo "$prefix"
  exit 0
fi

# 3. Source packages: deb-src lines for the same suites as the deb lines.
if ! apt-get source --print-uris "protobuf=$pb_version" >/dev/null 2>&1; then
  sources=/etc/apt/sources.list.d/debian.sources
  if [ -f "$sources" ] && ! grep -q 'deb-src' "$sources"; then
    log "enabling deb-src in $sources"
    $sudo sed -i 's/^Types: deb$/Types: deb deb-src/' "$sources"
  elif [ -f /etc/apt/sources.list ] && ! grep -q '^deb-src' /etc/apt/sources.list; then
    log "enabling deb-src in /etc/apt/sources.list"
    grep '^deb ' /etc/apt/sources.list | sed 's/^deb /deb-src /' |
      $sudo tee -a /etc/apt/sources.list >/dev/null
  fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
fi

rm -rf "$key_dir"
mkdir -p "$key_dir/src" "$prefix"
(
  cd "$key_dir/src"
  log "fetching sources protobuf=$pb_version abseil=$absl_version"
  apt-get source -qq "protobuf=$pb_version" "abseil=$absl_version" >/dev/null 2>&1 ||
    apt-get source "protobuf=$pb_version" "abseil=$absl_version"
)
pb_src=$(find "$key_dir/src" -maxdepth 1 -type d -name 'protobuf-*' | head -n1)
absl_src=$(find "$key_dir/src" -maxdepth 1 -type d -name 'abseil-*' | head -n1)
[ -d "$pb_src" ] && [ -d "$absl_src" ] || { log "source unpack failed"; exit 1; }

# Debian links abseil against libatomic, which the WASM toolchain does not
# have (nor need): undo that one patch.
if [ -f "$absl_src/debian/patches/latomic.diff" ]; then
  (cd "$absl_src" && patch -s -R -p1 < debian/patches/latomic.diff)
fi

# 4. Build both for WASM, optimised for size: -Oz roughly halves what they
# add to the .wasm; -O2 was measured 5-20% faster for 250 KB more. emcc runs
# JavaScript helpers that need Debian's acorn.
export NODE_PATH=/usr/share/nodejs
toolchain=/usr/share/emscripten/cmake/Modules/Platform/Emscripten.cmake
common=(
  -G Ninja
  -DCMAKE_TOOLCHAIN_FILE=$toolchain
  "-DCMAKE_CROSSCOMPILING_EMULATOR=/usr/bin/node;--no-experimental-fetch"
  -DCMAKE_BUILD_TYPE=Release
  "-DCMAKE_C_FLAGS_RELEASE=-Oz -DNDEBUG"
  "-DCMAKE_CXX_FLAGS_RELEASE=-Oz -DNDEBUG"
  -DCMAKE_CXX_STANDARD=17
  -DCMAKE_INSTALL_PREFIX=$prefix
  -DCMAKE_INSTALL_LIBDIR=lib
  -DBUILD_SHARED_LIBS=OFF
  -DBUILD_TESTING=OFF
)
start=$(date +%s)
log "building abseil for WASM"
cmake -S "$absl_src" -B "$key_dir/build-abseil" "${common[@]}" \
  -DABSL_PROPAGATE_CXX_STD=ON -DABSL_ENABLE_INSTALL=ON >"$key_dir/abseil.log" 2>&1 ||
  { tail -n 30 "$key_dir/abseil.log" >&2; exit 1; }
cmake --build "$key_dir/build-abseil" -j2 >>"$key_dir/abseil.log" 2>&1 &&
  cmake --install "$key_dir/build-abseil" >>"$key_dir/abseil.log" 2>&1 ||
  { tail -n 30 "$key_dir/abseil.log" >&2; exit 1; }

log "building protobuf for WASM"
# No zlib: Emscripten's ports cannot be fetched here, and Loupe does not use
# gzip streams. protoc is the host's.
cmake -S "$pb_src" -B "$key_dir/build-protobuf" "${common[@]}" \
  -Dprotobuf_BUILD_TESTS=OFF -Dprotobuf_BUILD_PROTOC_BINARIES=OFF \
  -Dprotobuf_BUILD_LIBPROTOC=OFF -Dprotobuf_WITH_ZLIB=OFF \
  -Dprotobuf_BUILD_SHARED_LIBS=OFF -Dprotobuf_INSTALL=ON \
  >"$key_dir/protobuf.log" 2>&1 ||
  { tail -n 30 "$key_dir/protobuf.log" >&2; exit 1; }
cmake --build "$key_dir/build-protobuf" -j2 >>"$key_dir/protobuf.log" 2>&1 &&
  cmake --install "$key_dir/build-protobuf" >>"$key_dir/protobuf.log" 2>&1 ||
  { tail -n 30 "$key_dir/protobuf.log" >&2; exit 1; }

# The sources and object files are not needed once installed.
rm -rf "$key_dir/src" "$key_dir/build-abseil" "$key_dir/build-protobuf"
echo "protobuf $pb_version abseil $absl_version built in $(( $(date +%s) - start )) s" \
  >"$key_dir/stamp"
log "$(cat "$key_dir/stamp")"
echo "$prefix"
