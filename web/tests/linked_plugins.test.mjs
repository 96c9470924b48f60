// A custom build with third-party plugins linked in (LOUPE_WEB_PLUGINS): the
// wasm build's web-plugin-test/ module links plugins/template (cashtags,
// added as a user's plugin folder) and plugins/tickers. Checks that the
// module and the page list them with their source and ABI version, run them
// after the built-ins with provenance, and pass them options and errors.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { browserSupport, serve } from './browser.mjs';
import { loadLoupe } from './load_module.mjs';

const dir = process.env.LOUPE_WEB_PLUGIN_TEST_DIR;
const skipModule = dir ? false : 'LOUPE_WEB_PLUGIN_TEST is OFF in this build';
const { skip: skipBrowser, launch } = await browserSupport();

const kText = 'Funds sold $NVDA and $GOOGL, then bought NASDAQ:AMD.';

let loupe;
before(async () => { if (dir) loupe = await loadLoupe(dir); });

const analyze = (text, options) => JSON.parse(
    loupe.analyze(text, options === undefined ? '' : JSON.stringify(options)));

test('plugins() lists linked plugins after the built-ins', { skip: skipModule }, () => {
  const list = JSON.parse(loupe.plugins());
  assert.deepEqual(list.map((p) => [p.id, p.source, p.abiVersion]), [
    ['segmenter', 'builtin', 0], ['numbers', 'builtin', 0],
    ['entities', 'builtin', 0], ['sentiment', 'builtin', 0],
    ['cashtags', 'linked:cashtags', 1], ['tickers', 'linked:loupe_tickers', 1],
  ]);
  const cashtags = list.find((p) => p.id === 'cashtags');
  assert.equal(cashtags.optionsType, 'cashtags.CashtagsOptions');
});

test('the default pipeline runs linked plugins, with provenance', { skip: skipModule }, () => {
  const doc = analyze(kText, { id: 'funds.txt' });
  assert.equal(doc.error, undefined, JSON.stringify(doc.error));
  assert.deepEqual(doc.runs.map((r) => [r.plugin, r.source]), [
    ['segmenter', 'builtin'], ['numbers', 'builtin'], ['entities', 'builtin'],
    ['sentiment', 'builtin'], ['cashtags', 'linked:cashtags'],
    ['tickers', 'linked:loupe_tickers'],
  ]);
  const byRun = (plugin) => doc.entities.filter(
      (e) => doc.runs.find((r) => r.id === e.runId).plugin === plugin);
  assert.deepEqual(byRun('cashtags').map((e) => [e.text, e.canonical]),
                   [['$NVDA', 'NVDA'], ['$GOOGL', 'GOOGL']]);
  assert.ok(byRun('tickers').some((e) => e.canonical === 'AMD'),
            JSON.stringify(byRun('tickers')));
  // Offsets of a linked plugin's spans are completed by the core.
  const nvda = byRun('cashtags')[0];
  assert.equal(kText.slice(nvda.span.utf16Begin, nvda.span.utf16End), '$NVDA');
});

test('a linked plugin takes options from the pipeline and reports its errors',
     { skip: skipModule }, () => {
  const pipeline = (maxLetters) => ({ pipeline: { plugin: [
    { id: 'segmenter' },
    { id: 'cashtags', options: { '@type': 'type.googleapis.com/cashtags.CashtagsOptions',
                                 maxLetters } },
  ] } });
  const four = analyze(kText, pipeline(4));
  assert.equal(four.error, undefined, JSON.stringify(four.error));
  assert.deepEqual(four.entities.map((e) => e.text), ['$NVDA']);
  const bad = analyze(kText, pipeline(11));
  assert.equal(bad.error.code, 'INVALID_ARGUMENT');
  assert.match(bad.error.message, /cashtags.*max_letters must be at most 10/);
});

test('the page lists and runs the linked plugins', { skip: skipModule || skipBrowser },
     async () => {
  const server = await serve(path.resolve(dir));
  const browser = await launch();
  try {
    const page = await browser.newPage();
    page.on('pageerror', (e) => { throw e; });
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    await page.waitForFunction(
        () => document.getElementById('engine').textContent.includes('ready'),
        null, { timeout: 30000 });
    const engine = await page.textContent('#engine');
    assert.match(engine, /cashtags 1\.0\.0 \(linked:cashtags, plugin ABI 1\)/);
    assert.match(engine, /tickers [\d.]+ \(linked:loupe_tickers, plugin ABI 1\)/);
    await page.fill('#paste', kText);
    await page.fill('#paste-name', 'funds');
    await page.click('#analyze');
    await page.waitForFunction(() => document.body.dataset.rendered === 'funds',
                               null, { timeout: 30000 });
    assert.match(await page.textContent('#entities-table'), /\$NVDA/);
    assert.match(await page.textContent('#provenance-table'), /cashtags.*linked:cashtags/s);
  } finally {
    await browser.close();
    server.close();
  }
});
