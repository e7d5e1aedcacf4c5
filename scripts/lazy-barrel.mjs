// The runtime's CommonJS barrel, made lazy: tsc requires every module the barrel re-exports as
// soon as it is required, so `const { table } = require('@serverless-stateful/runtime')` loaded the
// caches, idempotency and workflows too (44 files). Rewritten, each module is required when one of
// its exports is first read; the getters tsc writes already defer the read. ES modules cannot defer
// a static import: bundlers tree-shake them instead.
import { readFileSync, writeFileSync } from 'node:fs';

/** tsc's `var x_js_1 = require("./x.js");` and the getters that read `x_js_1.name`, deferred. */
export function lazyBarrel(source) {
  const modules = [];
  const rewritten = source.replace(/^var (\w+) = require\("(\.[^"]+)"\);$/gm, (_, binding, path) => {
    modules.push(binding);
    // One line for one, so that the source map's lines still hold.
    return `let ${binding}_loaded; const ${binding} = () => (${binding}_loaded ??= require("${path}"));`;
  });
  let lazy = rewritten;
  for (const binding of modules) {
    lazy = lazy.replaceAll(`return ${binding}.`, `return ${binding}().`);
    // Anything else reading the binding would now read a function: refuse to build rather than ship it.
    const stray = new RegExp(`\\b${binding}\\b(?!\\(\\)|_loaded| = \\(\\) =>)`).exec(lazy);
    if (stray)
      throw new Error(
        `lazyBarrel: ${binding} is used other than by an export getter: …${lazy.slice(stray.index - 40, stray.index + 40)}…`,
      );
  }
  if (modules.length === 0) throw new Error('lazyBarrel: no re-exported module found: has tsc changed its output?');
  return lazy;
}

export function makeBarrelLazy(file) {
  writeFileSync(file, lazyBarrel(readFileSync(file, 'utf8')));
}
