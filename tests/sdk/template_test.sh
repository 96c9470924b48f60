#!/usr/bin/env bash
# The SDK as a third party uses it: install this build, build
# plugins/template out of tree against the installed package, and run the
# plugin through the installed loupe with options from a pipeline file.
#   template_test.sh SOURCE_DIR BUILD_DIR GENERATOR
set -euo pipefail
src=$1 build=$2 generator=$3
work=$build/sdk-test
rm -rf "$work"
mkdir -p "$work"

cmake --install "$build" --prefix "$work/prefix" >/dev/null
cmake -S "$src/plugins/template" -B "$work/build" -G "$generator" \
  -DCMAKE_BUILD_TYPE=Release -DCMAKE_PREFIX_PATH="$work/prefix" >/dev/null
cmake --build "$work/build" >/dev/null

loupe=$work/prefix/bin/loupe
lib=$work/build/libcashtags.so
fail() { echo "FAIL: $*" >&2; exit 1; }

# Only the entry point is exported.
exported=$(nm -D --defined-only "$lib" | awk '$2 == "T" {print $3}')
[ "$exported" = "loupe_plugin_entry" ] || fail "exports: $exported"

cat > "$work/pipeline.pbtxt" <<'PB'
plugin { id: "segmenter" }
plugin {
  id: "cashtags"
  options { [type.googleapis.com/cashtags.CashtagsOptions] { max_letters: 4 } }
}
PB
out=$(echo 'Funds sold $NVDA and $GOOGL, and bought US$5 of $AMD.' |
      "$loupe" analyze --plugin "$lib" --pipeline "$work/pipeline.pbtxt" --format jsonl)
grep -q '"text":"\$NVDA","type":"ORG","canonical":"NVDA"' <<<"$out" || fail "no \$NVDA entity: $out"
grep -q '"canonical":"AMD"' <<<"$out" || fail "no \$AMD entity"
grep -q '"canonical":"GOOGL"' <<<"$out" && fail "max_letters: 4 was not applied"
grep -q "\"plugin\":\"cashtags\",\"version\":\"1.0.0\",\"optionsDigest\":\"fnv1a64:[0-9a-f]*\",\"source\":\"$lib\"" <<<"$out" ||
  fail "no provenance for cashtags: $out"

# Options the plugin rejects stop the run before any input is read.
sed 's/max_letters: 4/max_letters: 40/' "$work/pipeline.pbtxt" > "$work/bad.pbtxt"
if err=$(echo x | "$loupe" analyze --plugin "$lib" --pipeline "$work/bad.pbtxt" 2>&1 >/dev/null); then
  fail "bad options accepted"
fi
grep -q "creating plugin 'cashtags': .*max_letters must be at most 10" <<<"$err" || fail "message: $err"

listing=$("$loupe" plugins --plugin "$lib")
grep -q "source:   $lib (plugin ABI 1)" <<<"$listing" || fail "listing: $listing"
echo "template plugin: built out of tree, loaded, options applied, provenance recorded"
