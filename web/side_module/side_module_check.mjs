// Loads the cashtags side module into MAIN_MODULE builds of Loupe under node,
// the ways a page could, checks that the plugin finds cashtags, and prints
// timings. Exits non-zero when a check fails. Used by
// scripts/wasm_side_module_measure.sh:
//   node side_module_check.mjs SIDE_HOST_DIR PLAIN_HOST_DIR CASHTAGS_WASM
// SIDE_HOST_DIR holds the host with web/side_module/side_loader.cc linked in
// (a file system, registerPluginApi, loadPluginLibrary, analyzeWithPlugins);
// PLAIN_HOST_DIR the shipped loupe_wasm relinked as a main module (no file
// system, no loader: only JavaScript can instantiate the side module there).
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [sideHostDir, plainHostDir, sideWasm] = process.argv.slice(2);
if (!sideHostDir || !plainHostDir || !sideWasm) {
  console.error('usage: node side_module_check.mjs SIDE_HOST_DIR PLAIN_HOST_DIR CASHTAGS_WASM');
  process.exit(2);
}

// Invented text: two cashtags, and dollar forms that are not cashtags.
const kText = 'Traders sold $NVDA and bought $AMD, paying US$5 and $12 in fees.';
const kExpected = ['AMD', 'NVDA'];

let failures = 0;
const check = (ok, what) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) ++failures;
};
const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;
const bytes = fs.readFileSync(sideWasm);

async function createHost(dir) {
  const t0 = process.hrtime.bigint();
  const { default: createLoupe } =
      await import(pathToFileURL(path.join(dir, 'loupe.js')).href);
  const loupe = await createLoupe();
  return { loupe, ms: ms(t0) };
}

// The cashtag entities of a Document JSON, as "SYMBOL@begin-end" (byte spans).
function cashtags(json) {
  const doc = JSON.parse(json);
  if (doc.error) throw new Error(JSON.stringify(doc.error));
  return (doc.entities || [])
      .filter((e) => /^[A-Z]+$/.test(e.canonical) &&
                     kText.slice(e.span.byteBegin, e.span.byteEnd) === `$${e.canonical}`)
      .map((e) => e.canonical).sort();
}

function checkAnalysis(loupe, label) {
  const json = loupe.analyzeWithPlugins(kText, 'segmenter,cashtags');
  let found = [];
  try {
    found = cashtags(json);
  } catch (e) {
    check(false, `${label}: analyzeWithPlugins failed: ${e.message}`);
    return;
  }
  check(JSON.stringify(found) === JSON.stringify(kExpected),
        `${label}: cashtag entities ${JSON.stringify(found)} (want ${JSON.stringify(kExpected)})`);
  // The built-ins still work beside the plugin, through the shipped API.
  const plain = JSON.parse(loupe.analyze(kText));
  check(!plain.error && plain.sentences.length === 1,
        `${label}: shipped analyze() still works beside the plugin`);
}

// 1. As a page would, with no file system: fetch the bytes (here: read),
// instantiate them as a side module from JavaScript, and hand the plugin's
// LoupePluginApi* to the host.
{
  const host = await createHost(sideHostDir);
  console.log(`side host: module instantiate ${host.ms.toFixed(1)} ms`);
  const loupe = host.loupe;
  const t0 = process.hrtime.bigint();
  const exports = await loupe.loadWebAssemblyModule(
      new Uint8Array(bytes), { loadAsync: true, nodelete: true });
  const loadMs = ms(t0);
  const t1 = process.hrtime.bigint();
  const api = exports.loupe_plugin_entry();
  const result = loupe.registerPluginApi(api);
  const registerMs = ms(t1);
  check(result === '', `js path: registerPluginApi -> ${result || 'ok'}`);
  console.log(`side module load+instantiate (js, async) ${loadMs.toFixed(1)} ms; ` +
              `entry+register ${registerMs.toFixed(2)} ms`);
  const t2 = process.hrtime.bigint();
  checkAnalysis(loupe, 'js path');
  console.log(`first analysis with the plugin (builds the pipeline) ${ms(t2).toFixed(1)} ms`);
  // A second registration of the same plugin must fail cleanly.
  const again = loupe.registerPluginApi(api);
  check(again.includes('already registered'), `js path: duplicate id refused (${again})`);
}

// 2. dlopen() from the in-memory file system, in a fresh instance (each
// instance has its own memory, table and descriptor pool).
// The plugin's options type lives in the side module; its generated code
// registers it in the host's descriptor pool when the module is loaded, so
// that the host can read Any options naming it.
const kPipeline = JSON.stringify({ plugin: [
  { id: 'segmenter' },
  { id: 'cashtags',
    options: { '@type': 'type.googleapis.com/cashtags.CashtagsOptions', maxLetters: 3 } }] });
{
  const host = await createHost(sideHostDir);
  const loupe = host.loupe;
  const before = loupe.analyzeWithPipeline(kText, kPipeline);
  check(before.includes('error'), `options type unknown before loading: ${before.slice(0, 100)}`);
  loupe.FS.writeFile('/cashtags.wasm', new Uint8Array(bytes));
  const t0 = process.hrtime.bigint();
  const result = loupe.loadPluginLibrary('/cashtags.wasm');
  const loadMs = ms(t0);
  check(result === '', `dlopen path: loadPluginLibrary -> ${result || 'ok'}`);
  console.log(`side module dlopen (sync, from MEMFS) + register ${loadMs.toFixed(1)} ms`);
  checkAnalysis(loupe, 'dlopen path');
  let limited = [];
  try {
    limited = cashtags(loupe.analyzeWithPipeline(kText, kPipeline));
  } catch (e) {
    limited = [e.message];
  }
  check(JSON.stringify(limited) === '["AMD"]',
        `dlopen path: Any options read by the host (maxLetters 3) -> ${JSON.stringify(limited)}`);
  const missing = loupe.loadPluginLibrary('/nowhere.wasm');
  check(missing.includes('cannot open'), `dlopen path: a missing file is an error (${missing.slice(0, 80)}...)`);
}

// 3. The shipped loupe_wasm relinked as a main module (FILESYSTEM=0, no
// loader compiled in): JavaScript can still instantiate the side module and
// drive its C ABI by hand, but cannot register it in the host's registry.
{
  const host = await createHost(plainHostDir);
  const loupe = host.loupe;
  console.log(`plain MAIN_MODULE host: module instantiate ${host.ms.toFixed(1)} ms`);
  if (typeof loupe.loadWebAssemblyModule !== 'function') {
    check(false, 'plain host: loadWebAssemblyModule is not exported');
  } else {
    const t0 = process.hrtime.bigint();
    const exports = await loupe.loadWebAssemblyModule(
        new Uint8Array(bytes), { loadAsync: true, nodelete: true });
    console.log(`plain host: side module load+instantiate ${ms(t0).toFixed(1)} ms`);
    const api = exports.loupe_plugin_entry();
    const heap = () => new DataView(loupe.HEAPU8.buffer);
    // struct LoupePluginApi on wasm32: u32 abi, ptr spec, size spec_size,
    // then create, process, destroy, free_buffer (table indices).
    const abi = heap().getUint32(api, true);
    check(abi === 1, `plain host: ABI version ${abi}`);
    const fn = (off) => loupe.getWasmTableEntry(heap().getUint32(api + off, true));
    const [create, process_, destroy] = [fn(12), fn(16), fn(20)];
    // Four scratch words: error buffer {data,size}, annotations {data,size}.
    const scratch = loupe._malloc(16);
    new Uint8Array(loupe.HEAPU8.buffer, scratch, 16).fill(0);
    const instance = create(0, 0, scratch);
    const doc = loupe.analyzeBinary(kText, JSON.stringify({ plugins: ['segmenter'] }));
    const docPtr = loupe._malloc(doc.length);
    loupe.HEAPU8.set(doc, docPtr);
    const code = process_(instance, docPtr, doc.length, scratch + 8, scratch);
    const outPtr = heap().getUint32(scratch + 8, true);
    const outLen = heap().getUint32(scratch + 12, true);
    const out = Buffer.from(loupe.HEAPU8.slice(outPtr, outPtr + outLen)).toString('latin1');
    check(instance !== 0 && code === 0 && kExpected.every((s) => out.includes(s)),
          `plain host: process() through the C ABI by hand -> code ${code}, ` +
          `${outLen} bytes of Annotations naming ${kExpected.filter((s) => out.includes(s))}`);
    fn(24)(scratch + 8);  // free_buffer: a struct by value is passed by address
    destroy(instance);
    loupe._free(docPtr);
    loupe._free(scratch);
  }
}

console.log(failures ? `${failures} check(s) failed` : 'all checks passed');
process.exit(failures ? 1 : 0);
