// Time to import loupe.js and instantiate its module (compile loupe.wasm,
// link, run static constructors) in this fresh node process; loupe.wasm is
// read beforehand, so file reading is not timed. Prints milliseconds.
//   node instantiate_time.mjs WEB_DIR
// One measurement per process: V8 reuses a compiled module for identical
// bytes within a process, so a second instantiation would be a cache hit.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [dir] = process.argv.slice(2);
if (!dir) {
  console.error('usage: node instantiate_time.mjs WEB_DIR');
  process.exit(2);
}
const wasmBinary = fs.readFileSync(path.join(dir, 'loupe.wasm'));
const t0 = process.hrtime.bigint();
const { default: createLoupe } =
    await import(pathToFileURL(path.join(dir, 'loupe.js')).href);
const loupe = await createLoupe({ wasmBinary });
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
if (typeof loupe.analyze !== 'function') throw new Error('no analyze()');
console.log(ms.toFixed(1));
