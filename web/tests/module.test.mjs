// The WebAssembly module's API under node: analyze(), analyzeBinary(),
// plugins(), errors, and the UTF-16 offsets a browser slices with.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { loadLoupe } from './load_module.mjs';

let loupe;
before(async () => { loupe = await loadLoupe(); });

const analyze = (text, options) => JSON.parse(
    options === undefined ? loupe.analyze(text)
                          : loupe.analyze(text, JSON.stringify(options)));

const kArticle = 'Orbita Systems said on Tuesday that its revenue rose 12% ' +
    'to $3.5 billion in 2024. Chief executive Maria Okonkwo called the ' +
    'results excellent.\nShares of Orbita fell 4% in Frankfurt.';

test('plugins() lists the built-in plugins with versions', () => {
  const specs = JSON.parse(loupe.plugins());
  const ids = specs.map((s) => s.id);
  for (const id of ['segmenter', 'numbers', 'entities', 'sentiment']) {
    assert.ok(ids.includes(id), `missing ${id} in ${ids}`);
  }
  for (const s of specs) {
    assert.match(s.version, /^\d+\.\d+/);
    assert.ok(Array.isArray(s.assignsFields) && s.assignsFields.length > 0);
  }
  for (const s of specs.filter((p) => ids.indexOf(p.id) < 4)) {
    assert.deepEqual([s.source, s.abiVersion], ['builtin', 0], s.id);
  }
});

test('analyze() runs the default pipeline and records provenance', () => {
  const doc = analyze(kArticle, { id: 'a.txt' });
  assert.equal(doc.error, undefined, JSON.stringify(doc.error));
  assert.equal(doc.id, 'a.txt');
  assert.equal(doc.text, kArticle);
  assert.deepEqual(doc.runs.map((r) => r.plugin),
                   ['segmenter', 'numbers', 'entities', 'sentiment']);
  assert.ok(doc.tokens.length > 20);
  assert.ok(doc.sentences.length >= 3, `${doc.sentences.length} sentences`);
  const pct = doc.numbers.find((n) => n.kind === 'PERCENT' && n.value === 12);
  assert.ok(pct, JSON.stringify(doc.numbers.map((n) => [n.text, n.kind])));
  const money = doc.numbers.find((n) => n.kind === 'MONEY');
  assert.ok(money && money.value === 3.5e9 && money.unit === 'USD',
            JSON.stringify(money));
  assert.ok(doc.entities.length > 0);
  assert.ok(['POSITIVE', 'NEGATIVE', 'NEUTRAL', 'MIXED']
                .includes(doc.sentiment.label));
  // Every primitive field is printed, as by `loupe analyze --format json`.
  assert.equal(typeof doc.numbers[0].approximate, 'boolean');
  assert.equal(typeof doc.entities[0].confidence, 'number');
});

test('UTF-16 offsets slice the JavaScript string', () => {
  const text = '😀 Zürich 🇨🇭 — 東京. Helios Labs lost 7% on Friday, ' +
      'said Jean-Luc Picard in Genève. e\u0301 5 000 €.';
  const doc = analyze(text);
  assert.equal(doc.error, undefined, JSON.stringify(doc.error));
  const encoder = new TextEncoder();
  const bytes = encoder.encode(text);
  for (const item of [...doc.entities, ...doc.numbers]) {
    const s = item.span;
    assert.equal(text.slice(s.utf16Begin, s.utf16End), item.text);
    assert.equal(new TextDecoder().decode(bytes.slice(s.byteBegin, s.byteEnd)),
                 item.text);
  }
  for (const t of doc.tokens) {
    assert.ok(t.span.utf16End <= text.length && t.span.utf16Begin < t.span.utf16End);
  }
});

test('options choose plugins; the pipeline is rebuilt when they change', () => {
  const small = analyze(kArticle, { plugins: ['segmenter', 'numbers'] });
  assert.deepEqual(small.runs.map((r) => r.plugin), ['segmenter', 'numbers']);
  assert.equal(small.entities.length, 0);
  assert.ok(small.numbers.length > 0);
  const full = analyze(kArticle);
  assert.equal(full.runs.length, 4);
  const pretty = loupe.analyze('One.', JSON.stringify({ pretty: true }));
  assert.match(pretty, /\n {1,}"id"/);
});

test('a full pipeline config with typed plugin options', () => {
  const numbers = JSON.parse(loupe.plugins()).find((p) => p.id === 'numbers');
  assert.ok(numbers.optionsType, 'numbers declares an options type');
  const options = { '@type': `type.googleapis.com/${numbers.optionsType}` };
  const doc = analyze(kArticle, { pipeline: { plugin: [
    { id: 'segmenter' }, { id: 'numbers', options }] } });
  assert.equal(doc.error, undefined, JSON.stringify(doc.error));
  assert.deepEqual(doc.runs.map((r) => r.plugin), ['segmenter', 'numbers']);
  const bad = analyze(kArticle, { pipeline: { plugin: [
    { id: 'segmenter', options: { '@type': 'type.googleapis.com/no.Such' } }] } });
  assert.equal(bad.error.code, 'INVALID_ARGUMENT');
});

test('errors come back as {error}, never as a throw', () => {
  const surrogate = analyze('bad \uD800 text');
  assert.equal(surrogate.error.code, 'INVALID_ARGUMENT');
  const badJson = JSON.parse(loupe.analyze('x', '{"nope": 1}'));
  assert.equal(badJson.error.code, 'INVALID_ARGUMENT');
  assert.match(badJson.error.message, /options/);
  const unknown = analyze('x', { plugins: ['segmenter', 'no_such_plugin'] });
  assert.ok(unknown.error, JSON.stringify(unknown).slice(0, 200));
  assert.match(unknown.error.message, /no_such_plugin/);
  // The module still works after errors.
  assert.equal(analyze('Fine.').runs.length, 4);
});

test('empty, punctuation-only and long single-line input', () => {
  assert.equal(analyze('').text, '');
  assert.equal(analyze('?!…—«»').error, undefined);
  const line = 'Acme rose 3% to $2 billion, analysts said; '.repeat(20000);
  const doc = analyze(line);
  assert.equal(doc.error, undefined);
  assert.ok(doc.numbers.length >= 40000, `${doc.numbers.length} numbers`);
});

test('analyzeBinary() returns the serialized Document', () => {
  const bytes = loupe.analyzeBinary(kArticle);
  assert.ok(bytes instanceof Uint8Array);
  assert.ok(bytes.length > kArticle.length);
  // Field 1 (id, length-delimited) comes first: tag 0x0a.
  assert.equal(bytes[0], 0x0a);
  assert.equal(loupe.analyzeBinary('\uD800').length, 0);
});
