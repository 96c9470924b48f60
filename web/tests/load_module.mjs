// Loads build/<preset>/web/loupe.js under node for the tests and the
// benchmark, the way a user would: the module finds loupe.wasm beside
// itself (web/node_pre.js).
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export function webDir() {
  const dir = process.env.LOUPE_WEB_DIR;
  if (!dir) throw new Error('LOUPE_WEB_DIR is not set (run through ctest)');
  return dir;
}

export async function loadLoupe(dir = webDir()) {
  const { default: createLoupe } =
      await import(pathToFileURL(path.join(dir, 'loupe.js')).href);
  return createLoupe();
}

// The seed articles, or null (with the reason) when the corpus is absent.
export function seedFiles() {
  const corpus = process.env.LOUPE_CORPUS_DIR;
  const dir = corpus && path.join(corpus, 'seeds');
  if (!dir || !fs.existsSync(dir)) {
    return { files: null, reason: `no seed corpus at ${dir || '(unset)'}` };
  }
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()
      .map((f) => path.join(dir, f));
  return { files, reason: files.length ? '' : `no .txt files in ${dir}` };
}
