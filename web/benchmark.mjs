// WASM (node) vs native: time to analyse the same corpus, and the sizes of
// loupe.wasm / loupe.js raw and gzipped. Prints; asserts nothing.
//   node web/benchmark.mjs WEB_DIR NATIVE_LOUPE CORPUS_DIR [COPIES]
// The corpus is CORPUS_DIR's *.txt files, each repeated COPIES times (default
// 40) as separate documents; both sides write binary Documents.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { loadLoupe } from './tests/load_module.mjs';

const [webDir, cli, corpusDir, copiesArg] = process.argv.slice(2);
if (!webDir || !cli || !corpusDir) {
  console.error('usage: node web/benchmark.mjs WEB_DIR NATIVE_LOUPE CORPUS_DIR [COPIES]');
  process.exit(2);
}
const copies = Number(copiesArg || 40);

const sizes = (file) => {
  const bytes = fs.readFileSync(file);
  return { raw: bytes.length, gzip: zlib.gzipSync(bytes, { level: 9 }).length };
};
const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
for (const name of ['loupe.wasm', 'loupe.js']) {
  const s = sizes(path.join(webDir, name));
  console.log(`${name.padEnd(11)} ${kb(s.raw).padStart(8)} raw ${kb(s.gzip).padStart(8)} gzipped`);
}
const wasmSize = fs.statSync(path.join(webDir, 'loupe.wasm')).size;

const files = fs.readdirSync(corpusDir).filter((f) => f.endsWith('.txt')).sort();
if (!files.length) {
  console.log(`no .txt files in ${corpusDir}: no timing`);
  process.exit(0);
}
const texts = files.map((f) => fs.readFileSync(path.join(corpusDir, f), 'utf8'));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'loupe-bench-'));
let bytes = 0;
for (let c = 0; c < copies; ++c) {
  files.forEach((f, i) => {
    fs.writeFileSync(path.join(tmp, `${String(c).padStart(4, '0')}_${f}`), texts[i]);
    bytes += Buffer.byteLength(texts[i]);
  });
}
const mb = bytes / 1e6;
console.log(`corpus: ${files.length} files x ${copies} = ${files.length * copies} documents, ${mb.toFixed(2)} MB`);

const best = (runs, fn) => {
  let min = Infinity;
  for (let r = 0; r < runs; ++r) {
    const t = process.hrtime.bigint();
    fn();
    min = Math.min(min, Number(process.hrtime.bigint() - t) / 1e6);
  }
  return min;
};

// Native: one process over the folder; its start-up is timed on one file.
const nativeMs = best(3, () => execFileSync(cli, ['analyze', '--format', 'binary', '-o',
                                                  '/dev/null', tmp]));
const startupMs = best(3, () => execFileSync(cli, ['analyze', '--format', 'binary', '-o',
                                                   '/dev/null', path.join(corpusDir, files[0])]));
const loupe = await loadLoupe(webDir);
const names = fs.readdirSync(tmp).sort();
const all = names.map((n) => [n, fs.readFileSync(path.join(tmp, n), 'utf8')]);
// Warm-up (builds the pipeline) and a check that analysis works at all: a
// failing pipeline would return at once and look fast.
const check = JSON.parse(loupe.analyze(all[0][1]));
if (check.error) {
  console.log(`wasm analysis fails: ${check.error.code}: ${check.error.message}`);
  fs.rmSync(tmp, { recursive: true, force: true });
  process.exit(1);
}
const wasmBinaryMs = best(3, () => {
  for (const [n, t] of all) {
    if (!loupe.analyzeBinary(t, JSON.stringify({ id: n })).length) {
      throw new Error(`wasm analysis failed on ${n}`);
    }
  }
});
const wasmJsonMs = best(3, () => {
  for (const [n, t] of all) loupe.analyze(t, JSON.stringify({ id: n }));
});
fs.rmSync(tmp, { recursive: true, force: true });

const rate = (ms) => `${(mb / (ms / 1000)).toFixed(1)} MB/s`;
console.log(`native (process, binary out)   ${nativeMs.toFixed(0).padStart(6)} ms  ${rate(nativeMs)}` +
            `  (of which ~${startupMs.toFixed(0)} ms start-up)`);
console.log(`wasm analyzeBinary (node)      ${wasmBinaryMs.toFixed(0).padStart(6)} ms  ${rate(wasmBinaryMs)}`);
console.log(`wasm analyze -> JSON (node)    ${wasmJsonMs.toFixed(0).padStart(6)} ms  ${rate(wasmJsonMs)}`);
const ratio = wasmBinaryMs / Math.max(1, nativeMs - startupMs);
console.log(`wasm / native: ${ratio.toFixed(2)}x (goal <= 2x: ${ratio <= 2 ? 'met' : 'not met'}); ` +
            `.wasm ${(wasmSize / 1048576).toFixed(2)} MB (goal <= 3 MB: ${wasmSize <= 3 * 1048576 ? 'met' : 'not met'})`);
