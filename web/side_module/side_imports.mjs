// Writes the symbols side modules import from the main module, as the JSON
// list -sEXPORTED_FUNCTIONS=@file takes, for a MAIN_MODULE=2 host (which
// exports only what it is told to):
//   node side_imports.mjs OUT.json SIDE.wasm... [-- EXTRA_SYMBOL...]
// Function imports of "env" and every GOT.mem / GOT.func entry, as emcc's
// own process_dynamic_libs collects them for side modules named at link
// time, less what the module defines itself (a module imports the address
// of its own default-visibility symbols through the GOT); invoke_* wrappers
// are made by the loader, and the linker-provided memory, table, stack
// pointer and bases are not exports.
import fs from 'node:fs';

const args = process.argv.slice(2);
const split = args.indexOf('--');
const [out, ...modules] = split < 0 ? args : args.slice(0, split);
const extra = split < 0 ? [] : args.slice(split + 1);
if (!out || !modules.length) {
  console.error('usage: node side_imports.mjs OUT.json SIDE.wasm... [-- EXTRA_SYMBOL...]');
  process.exit(2);
}
const kProvided = new Set(['memory', '__indirect_function_table', '__memory_base',
                           '__table_base', '__stack_pointer']);
const names = new Set(extra);
for (const file of modules) {
  const module = new WebAssembly.Module(fs.readFileSync(file));
  const own = new Set(WebAssembly.Module.exports(module).map((e) => e.name));
  for (const { module: from, name, kind } of WebAssembly.Module.imports(module)) {
    if (own.has(name)) continue;
    if (from === 'env' && kind === 'function' && !name.startsWith('invoke_')) {
      names.add(name);
    } else if (from === 'GOT.mem' || from === 'GOT.func') {
      names.add(name);
    } else if (from === 'env' && !kProvided.has(name) && kind === 'global') {
      names.add(name);
    }
  }
}
const list = [...names].sort().map((n) => `_${n}`);
fs.writeFileSync(out, JSON.stringify(list));
console.log(`${list.length} symbols -> ${out}`);
