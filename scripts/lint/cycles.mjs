// @ts-check
/**
 * Import-cycle check for `npm run lint`: builds the import graph of every TypeScript file under
 * the given folders with the TypeScript compiler's own parser and module resolution, and fails
 * (exit 1) listing each cycle. Type-only imports (`import type`, `export type`, imports whose
 * every name is `type`) are erased at build time and do not count.
 *
 *   node scripts/lint/cycles.mjs [folder ...]     (default: shared electron renderer/src cli bin)
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';

const root = process.cwd();
const folders = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['shared', 'electron', 'server', 'test-support', 'webhost', 'renderer/src', 'cli', 'bin'];

/** @param {string} dir @returns {string[]} */
function walk(dir) {
  /** @type {string[]} */
  const out = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else if (/\.(ts|tsx|mts)$/.test(name) && !name.endsWith('.d.ts')) out.push(resolve(p));
  }
  return out;
}

/** Runtime imports of one file, as module specifiers. @param {string} file @param {string} text */
export function runtimeImports(file, text) {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
  /** @type {string[]} */
  const specs = [];
  for (const st of sf.statements) {
    if (ts.isImportDeclaration(st)) {
      const c = st.importClause;
      if (c?.isTypeOnly) continue;
      const named = c?.namedBindings;
      const onlyTypes =
        c && !c.name && named && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
      if (onlyTypes) continue;
      if (ts.isStringLiteral(st.moduleSpecifier)) specs.push(st.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(st) && st.moduleSpecifier && ts.isStringLiteral(st.moduleSpecifier)) {
      if (st.isTypeOnly) continue;
      const c = st.exportClause;
      if (c && ts.isNamedExports(c) && c.elements.length > 0 && c.elements.every((e) => e.isTypeOnly)) continue;
      specs.push(st.moduleSpecifier.text);
    }
  }
  return specs;
}

/** Strongly connected components with more than one file (or a file importing itself). @param {Map<string, string[]>} graph */
export function cycles(graph) {
  let index = 0;
  /** @type {Map<string, number>} */ const idx = new Map();
  /** @type {Map<string, number>} */ const low = new Map();
  /** @type {string[]} */ const stack = [];
  const onStack = new Set();
  /** @type {string[][]} */ const found = [];
  /** @param {string} v */
  function strong(v) {
    idx.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        strong(w);
        low.set(v, Math.min(/** @type {number} */ (low.get(v)), /** @type {number} */ (low.get(w))));
      } else if (onStack.has(w)) low.set(v, Math.min(/** @type {number} */ (low.get(v)), /** @type {number} */ (idx.get(w))));
    }
    if (low.get(v) === idx.get(v)) {
      /** @type {string[]} */ const scc = [];
      let w;
      do {
        w = /** @type {string} */ (stack.pop());
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(scc.reverse());
    }
  }
  for (const v of graph.keys()) if (!idx.has(v)) strong(v);
  return found;
}

function main() {
  const files = folders.flatMap((f) => walk(resolve(root, f)));
  const options = { moduleResolution: ts.ModuleResolutionKind.Bundler, allowJs: false, jsx: ts.JsxEmit.ReactJSX };
  /** @type {Map<string, string[]>} */
  const graph = new Map();
  const inGraph = new Set(files);
  for (const file of files) {
    const deps = [];
    for (const spec of runtimeImports(file, ts.sys.readFile(file) ?? '')) {
      if (!spec.startsWith('.')) continue; // packages cannot import us back
      const r = ts.resolveModuleName(spec, file, options, ts.sys).resolvedModule;
      const target = r && resolve(r.resolvedFileName);
      if (target && inGraph.has(target)) deps.push(target);
    }
    graph.set(file, deps);
  }
  const found = cycles(graph);
  for (const scc of found) console.error(`import cycle: ${scc.map((f) => relative(root, f)).join(' -> ')}`);
  console.log(`${files.length} files, ${found.length} import cycle${found.length === 1 ? '' : 's'}`);
  if (found.length > 0) process.exit(1);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
