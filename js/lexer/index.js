// The lexers the worker runs in its own small isolate:
// - named exports of a CommonJS module imported from ESM, exactly as Node finds
//   them (Node 22 uses cjs-module-lexer 1.4.1, its JavaScript build);
// - the dynamic `import()` calls of an ES module, which the worker points at the
//   bridge's importer so that resolution errors reach the guest as Node's errors.
globalThis.global = globalThis; // es-module-lexer's asm.js build reads `global`
const { parse: parseCjs } = require('cjs-module-lexer');
const { parse: parseEsm } = require('es-module-lexer/js');

globalThis.__secureExecLexCjs = (source) => {
  try {
    const { exports, reexports } = parseCjs(source);
    return JSON.stringify({ exports, reexports });
  } catch (err) {
    return JSON.stringify({ exports: [], reexports: [], error: String(err && err.message) });
  }
};

// Returns the source with every `import(` replaced by `replacement` and every
// `import.meta.resolve(` by `resolver` (each followed by the original
// arguments), or null when there is none or the lexer fails.
const META_RESOLVE = /^import\s*\.\s*meta\s*\.\s*resolve\s*\(/;
globalThis.__secureExecRewriteImports = (source, replacement, resolver) => {
  if (!/\bimport\s*(?:\(|\.\s*meta\s*\.\s*resolve\b)/.test(source)) return null;
  let imports;
  try {
    [imports] = parseEsm(source);
  } catch {
    return null;
  }
  let out = source;
  let changed = false;
  for (let i = imports.length - 1; i >= 0; i--) {
    const { d, ss } = imports[i];
    if (d > -1) {
      out = `${out.slice(0, ss)}${replacement}${out.slice(d + 1)}`;
      changed = true;
    } else if (d === -2) {
      const match = META_RESOLVE.exec(out.slice(ss, ss + 64));
      if (match !== null) {
        out = `${out.slice(0, ss)}${resolver}${out.slice(ss + match[0].length)}`;
        changed = true;
      }
    }
  }
  return changed ? out : null;
};
