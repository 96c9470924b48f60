// Inside the module factory (--pre-js): under node, read loupe.wasm from
// beside loupe.js. Emscripten 3.1.6 would hand node's fetch or fs a path or
// URL neither accepts. A caller's own locateFile or wasmBinary wins.
// `_scriptDir` is the factory's import.meta.url.
if (typeof process === 'object' && typeof process.versions === 'object' &&
    typeof process.versions.node === 'string' && !Module['locateFile'] &&
    !Module['wasmBinary']) {
  Module['wasmBinary'] = require('node:fs').readFileSync(
      require('node:url').fileURLToPath(new URL('loupe.wasm', _scriptDir)));
}
