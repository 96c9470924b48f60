// Prepended to loupe.js (--extern-pre-js). Emscripten 3.1.6's ES6 module
// output still calls CommonJS `require` and reads `__dirname` under node,
// which an ES module does not have; define both, under node only. Browsers
// never evaluate the imports.
const loupeUnderNode = typeof process === 'object' &&
    typeof process.versions === 'object' &&
    typeof process.versions.node === 'string';
const require = loupeUnderNode
    ? (await import('node:module')).createRequire(import.meta.url)
    : undefined;
const __dirname = loupeUnderNode
    ? require('node:path').dirname(require('node:url').fileURLToPath(import.meta.url))
    : '';
