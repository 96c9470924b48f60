// Parity: each seed article analysed by the WebAssembly module under node
// gives the same Document as the native CLI — the same serialized protobuf
// bytes, and the same JSON. Skips when the corpus or the native binary is
// missing.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { before, test } from 'node:test';
import { loadLoupe, seedFiles } from './load_module.mjs';

const cli = process.env.LOUPE_NATIVE_CLI;
const haveCli = Boolean(cli && fs.existsSync(cli));
const noCli = `no native loupe at ${cli}; build it with cmake --build --preset release`;
const seeds = seedFiles();
const skip = !seeds.files || !seeds.files.length
    ? seeds.reason
    : (haveCli ? false : noCli);

let loupe;
before(async () => { if (haveCli) loupe = await loadLoupe(); });

// The records of `loupe analyze --format binary`: varint length + bytes.
function splitDelimited(buffer) {
  const records = [];
  let at = 0;
  while (at < buffer.length) {
    let length = 0;
    let shift = 0;
    for (;;) {
      const b = buffer[at++];
      length += (b & 0x7f) * 2 ** shift;
      shift += 7;
      if (b < 0x80) break;
    }
    records.push(buffer.subarray(at, at + length));
    at += length;
  }
  return records;
}

// The path of the first difference between two JSON values, or null.
function firstDifference(a, b, where = '$') {
  if (typeof a !== typeof b || Array.isArray(a) !== Array.isArray(b) ||
      (a === null) !== (b === null)) {
    return `${where}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`;
  }
  if (a && typeof a === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) {
      const d = firstDifference(a[k], b[k], `${where}.${k}`);
      if (d) return d;
    }
    return null;
  }
  return a === b ? null : `${where}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`;
}

// Equal strings, or a failure that shows where they part.
function assertSameText(wasm, native, what) {
  if (wasm === native) return;
  let at = 0;
  while (at < wasm.length && wasm[at] === native[at]) ++at;
  assert.fail(`${what}: JSON text differs at ${at}: ` +
              `wasm …${wasm.slice(at - 40, at + 40)}… native …${native.slice(at - 40, at + 40)}…`);
}

test('seed articles: WASM and native give identical Documents',
     { skip }, () => {
  const binary = splitDelimited(execFileSync(
      cli, ['analyze', '--format', 'binary', ...seeds.files],
      { maxBuffer: 1 << 28 }));
  const nativeLines = execFileSync(cli, ['analyze', '--format', 'jsonl', ...seeds.files],
                                   { maxBuffer: 1 << 28, encoding: 'utf8' })
      .split('\n').filter((l) => l);
  const jsonl = nativeLines.map((l) => JSON.parse(l));
  assert.equal(binary.length, seeds.files.length);
  assert.equal(jsonl.length, seeds.files.length);
  seeds.files.forEach((file, i) => {
    const text = fs.readFileSync(file, 'utf8');
    const options = JSON.stringify({ id: file });
    const wasmText = loupe.analyze(text, options);
    const wasmJson = JSON.parse(wasmText);
    assert.equal(wasmJson.error, undefined, JSON.stringify(wasmJson.error));
    // A field-by-field diff first, so that a failure says where.
    assert.equal(firstDifference(wasmJson, jsonl[i]), null, file);
    assert.ok(wasmJson.tokens.length > 100 && wasmJson.runs.length === 4);
    // And the very same JSON text (web/json_writer.cc vs protobuf's printer).
    assertSameText(wasmText, nativeLines[i], file);
    const wasmBytes = Buffer.from(loupe.analyzeBinary(text, options));
    assert.ok(wasmBytes.equals(Buffer.from(binary[i])),
              `${file}: serialized Documents differ ` +
              `(${wasmBytes.length} vs ${binary[i].length} bytes)`);
  });
});

// Invented text with everything JSON escaping and UTF-16 offsets care about:
// quotes, backslashes, <>&, control characters, C1 controls, soft hyphens,
// U+2028, BOMs, emoji, tag characters, combining marks, CJK.
const kTricky = [
  'Zeta Corp said "profits" rose 5% <b>today</b> & more\\ tabs\there.\r\n',
  'Soft\u00adhyphen \u2028line \u2029para \ufeffBOM \u200bzw \u0085nel \u007fdel.',
  'Emoji 😀 flags 🇯🇵 tags 🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}.',
  'Combining e\u0301 and 東京 rose 3.5% to ¥1.2 trillion, Müller said.\f\u0001',
  '',
  '?!…',
].join('\n');

test('tricky characters: identical JSON text and bytes', { skip: haveCli ? false : noCli }, () => {
  for (const text of [kTricky, ...kTricky.split('\n')]) {
    const native = execFileSync(cli, ['analyze', '--format', 'jsonl', '-'],
                                { input: text, encoding: 'utf8' }).trimEnd();
    const wasm = loupe.analyze(text, JSON.stringify({ id: '-' }));
    assertSameText(wasm, native, JSON.stringify(text.slice(0, 30)));
    const nativeBinary = splitDelimited(execFileSync(
        cli, ['analyze', '--format', 'binary', '-'], { input: text }));
    assert.ok(Buffer.from(loupe.analyzeBinary(text, JSON.stringify({ id: '-' })))
                  .equals(Buffer.from(nativeBinary[0])));
  }
});
