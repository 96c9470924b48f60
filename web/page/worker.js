// The analysis worker: owns the WebAssembly module so that a long document
// never blocks the page.
// Messages in:
//   {type: 'text',  job, name, text}           pasted text
//   {type: 'bytes', job, name, bytes}          a file's ArrayBuffer
//   {type: 'json',  job}                       the full Document of a job
//   {type: 'forget', job}                      drop a job's text
// Messages out:
//   {type: 'ready', plugins} | {type: 'fatal', message}
//   {type: 'stage', job, stage}                'checking' | 'analyzing' | 'packing'
//   {type: 'done', job, doc, pieces, ms}       doc without tokens; see segments()
//   {type: 'json', job, blob}                  the Document JSON, tokens too
//   {type: 'failed', job, message}
import createLoupe from './loupe.js';

let loupe = null;
const queue = [];
// Each analysed job's name and text, to write its full JSON on request.
const texts = new Map();

// Byte offset of the first invalid UTF-8 sequence in `bytes`, or -1.
function firstInvalidUtf8(bytes) {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) { ++i; continue; }
    let need;
    let min;
    if (b >= 0xc2 && b <= 0xdf) { need = 1; min = 0x80; }
    else if (b >= 0xe0 && b <= 0xef) { need = 2; min = 0x800; }
    else if (b >= 0xf0 && b <= 0xf4) { need = 3; min = 0x10000; }
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; ++k) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

// Why `bytes` is not a text file, or '' if it looks like one: NUL bytes or
// many control characters in the first 64 KiB mean a binary file.
function binaryReason(bytes) {
  const head = bytes.subarray(0, 65536);
  let control = 0;
  for (let i = 0; i < head.length; ++i) {
    const b = head[i];
    if (b === 0) return `it contains a NUL byte at offset ${i}`;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) {
      ++control;
    }
  }
  if (head.length && control / head.length > 0.02) {
    return `${control} control bytes in its first ${head.length} bytes`;
  }
  return '';
}

// Splits the text at every boundary of a sentence, entity and number, and
// returns the pieces in order as [begin, end, sentence, entity, number]
// quintuples (UTF-16 offsets; -1 = none): for each piece the innermost
// sentence (a boilerplate line is nested in the sentence it interrupts),
// and the entity and number covering it. Sorting the boundaries is the
// costly part, which is why it runs here and not on the page's thread.
function segments(doc) {
  const n = 2 * (doc.sentences.length + doc.entities.length + doc.numbers.length);
  // A boundary's key is offset * 2 + (1 for a start): ends sort first.
  const keys = new Float64Array(n);
  const refs = new Int32Array(n);  // index * 4 + kind (0 sentence, 1 entity, 2 number)
  let k = 0;
  const add = (list, kind) => {
    list.forEach((item, i) => {
      const { utf16Begin: b, utf16End: e } = item.span;
      if (e <= b) return;
      keys[k] = b * 2 + 1; refs[k++] = i * 4 + kind;
      keys[k] = e * 2; refs[k++] = i * 4 + kind;
    });
  };
  add(doc.sentences, 0);
  add(doc.entities, 1);
  add(doc.numbers, 2);
  const order = new Int32Array(k);
  for (let i = 0; i < k; ++i) order[i] = i;
  order.sort((a, b) => keys[a] - keys[b] || a - b);
  const stacks = [[], [], []];
  const top = (stack) => (stack.length ? stack[stack.length - 1] : -1);
  const out = [];
  let at = 0;
  const emit = (end) => {
    if (end > at) {
      out.push(at, end, top(stacks[0]), top(stacks[1]), top(stacks[2]));
      at = end;
    }
  };
  for (let i = 0; i < k; ++i) {
    const key = keys[order[i]];
    const ref = refs[order[i]];
    emit(Math.floor(key / 2));
    const stack = stacks[ref & 3];
    const index = ref >> 2;
    if (key % 2 === 1) {
      stack.push(index);
    } else {
      // Spans nest or follow each other, so this is the top or near it.
      const j = stack.lastIndexOf(index);
      if (j >= 0) stack.splice(j, 1);
    }
  }
  emit(doc.text.length);
  return Int32Array.from(out);
}

function analyze(job, name, text) {
  postMessage({ type: 'stage', job, stage: 'analyzing' });
  const start = performance.now();
  // Tokens are most of a Document and the page does not show them; the
  // download asks for the whole Document separately.
  const json = loupe.analyze(text, JSON.stringify({ id: name, omitTokens: true }));
  const ms = performance.now() - start;
  postMessage({ type: 'stage', job, stage: 'packing' });
  const doc = JSON.parse(json);
  if (doc.error) {
    postMessage({ type: 'failed', job,
                  message: `${doc.error.code}: ${doc.error.message}` });
    return;
  }
  texts.set(job, { name, text });
  doc.tokenCount = doc.sentences.reduce((m, s) => Math.max(m, s.tokenEnd), 0);
  const pieces = segments(doc);
  postMessage({ type: 'done', job, doc, pieces, ms }, [pieces.buffer]);
}

// The full Document (tokens included) as JSON, analysed again: keeping
// every Document's JSON would hold ~20 bytes per byte of text.
function fullJson(job) {
  const entry = texts.get(job);
  if (!entry) {
    postMessage({ type: 'failed', job, message: 'this document is no longer available' });
    return;
  }
  const json = loupe.analyze(entry.text, JSON.stringify({ id: entry.name }));
  postMessage({ type: 'json', job, blob: new Blob([json], { type: 'application/json' }) });
}

function handle(message) {
  const { type, job, name } = message;
  try {
    if (type === 'text') {
      analyze(job, name, message.text);
    } else if (type === 'json') {
      fullJson(job);
    } else if (type === 'forget') {
      texts.delete(job);
    } else if (type === 'bytes') {
      postMessage({ type: 'stage', job, stage: 'checking' });
      const bytes = new Uint8Array(message.bytes);
      const binary = binaryReason(bytes);
      if (binary) {
        postMessage({ type: 'failed', job,
                      message: `not a text file: ${binary}` });
        return;
      }
      const bad = firstInvalidUtf8(bytes);
      if (bad >= 0) {
        postMessage({ type: 'failed', job, message:
            `not valid UTF-8: byte 0x${bytes[bad].toString(16).padStart(2, '0')} ` +
            `at offset ${bad}; save the file as UTF-8 and try again` });
        return;
      }
      // A byte order mark is not part of the text.
      const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
      analyze(job, name, new TextDecoder('utf-8').decode(bytes.subarray(start)));
    }
  } catch (e) {
    postMessage({ type: 'failed', job, message: `internal error: ${e && e.message || e}` });
  }
}

onmessage = (event) => {
  if (loupe) handle(event.data);
  else queue.push(event.data);
};

createLoupe().then((module) => {
  loupe = module;
  postMessage({ type: 'ready', plugins: JSON.parse(loupe.plugins()) });
  while (queue.length) handle(queue.shift());
}, (e) => {
  postMessage({ type: 'fatal', message: `cannot load loupe.wasm: ${e && e.message || e}` });
});
