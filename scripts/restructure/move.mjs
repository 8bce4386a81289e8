#!/usr/bin/env node
// @ts-check
/**
 * Issue 15 item 3: folders named by runtime and role. Moves the folders in MOVES with `git mv`
 * and rewrites every path that pointed into them, so that it can run again on a tree where others
 * kept editing (and adding files to) the old layout:
 *
 *   node scripts/restructure/move.mjs            (from the repository root; prints what it did)
 *
 * 1. Moves: each MOVES entry is a file or a whole folder (every file under it, tracked or not, so
 *    files added there later move too). File entries run before folder entries, so a file can
 *    leave a folder that moves elsewhere. A missing source is skipped.
 * 2. Relative specifiers in every .ts/.tsx/.mts/.mjs/.cjs file (import/export ... from, import(),
 *    side-effect imports, require(), require.resolve(), vi.mock() and friends): resolved against
 *    the file's old place, the target mapped through MOVES, written back relative to the file's new
 *    place, extension style kept.
 * 3. `join|resolve(__dirname, '...'[, '...'])` paths: same treatment.
 * 4. Root-relative paths in code, config and Markdown (`electron/web/cli.ts`, globs such as
 *    `electron/backend/testing/**`): mapped through MOVES. A glob or folder in an array (tsconfig
 *    include, vitest include, eslint files, the cycle check's folders) that covered a source moved
 *    out of it gets the new top folder added beside it (`electron/**\/*.ts` + `server/**\/*.ts`).
 *
 * Idempotent: no destination lies inside a source, so a second run finds nothing to move and
 * every path already points where MOVES says.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const P = path.posix;

/** [old, new], repository-relative. A name with an extension is a file, anything else a folder. */
export const MOVES = [
  // The Node backend has nothing Electron in it.
  ['electron/backend/commit', 'server/commitEngine'], // the engine the app's commit service and the CLI run
  ['electron/backend/committing', 'server/commitService'], // the app's commit service (commit:* channels)
  ['electron/backend/dynamo', 'server/sdk'], // the AWS SDK edge: conversion, raw reads, BatchGetItem
  // Test support: one top-level folder that production code may not import.
  ['electron/backend/testing/faultProxy.test.ts', 'test-support/faultProxy/proxy.test.ts'],
  ['electron/backend/testing/faultProxy.errors.test.ts', 'test-support/faultProxy/proxy.errors.test.ts'],
  ['electron/backend/testing/faultProxy.capacity.test.ts', 'test-support/faultProxy/proxy.capacity.test.ts'],
  ['electron/backend/testing', 'test-support/servers'], // dynalite and moto starters, moto's gap proxies
  ['electron/backend/test-support', 'test-support/fixtures'], // service stacks, vitest fixtures, test tables
  ['e2e/support/faultProxy.ts', 'test-support/faultProxy/proxy.ts'],
  ['e2e/support/faults', 'test-support/faultProxy'],
  ['e2e/support/webHost.ts', 'test-support/servers/webHost.ts'],
  ['bench/support/dynaliteServer.cjs', 'test-support/servers/dynaliteServer.cjs'],
  ['electron/backend', 'server'],
  // The loopback web host is plain Node, a host beside electron/ (the Electron host).
  ['electron/web', 'webhost'],
  // Components every feature uses.
  ['renderer/src/features/staging/Dialog.tsx', 'renderer/src/ui/Dialog.tsx'],
  ['renderer/src/features/browse/Modal.tsx', 'renderer/src/ui/Modal.tsx'],
  ['renderer/src/features/browse/Popover.tsx', 'renderer/src/ui/Popover.tsx'],
  ['renderer/src/features/browse/grid/ContextMenu.tsx', 'renderer/src/ui/ContextMenu.tsx'],
  ['renderer/src/features/keyboard/focus.ts', 'renderer/src/ui/focus.ts'],
  ['renderer/src/features/staging/useIsDark.ts', 'renderer/src/ui/useIsDark.ts'],
  // features/staging was one flat folder: its editors, dialogs and import in their own folders.
  ...[
    'BinaryEditor.tsx', 'BooleanEditor.tsx', 'CellEditor.tsx', 'CodeEditor.tsx', 'FormatToggle.tsx', 'ItemJsonEditor.tsx',
    'JsonValueEditor.tsx', 'NumberEditor.tsx', 'SetEditor.tsx', 'StringEditor.tsx', 'TypeNotes.tsx', 'editorTypes.ts',
    'useCodeMirror.ts',
  ].map((f) => [`renderer/src/features/staging/${f}`, `renderer/src/features/staging/editors/${f}`]),
  ...[
    'AddAttributeDialog.tsx', 'AddItemDialog.tsx', 'BulkEditDialog.tsx', 'BulkOpFields.tsx', 'CopyMoveDialog.tsx',
    'DeleteItemsDialog.tsx', 'DuplicateItemsDialog.tsx', 'EditAttributeDialog.tsx', 'EditItemDialog.tsx',
    'RemoveAttributeDialog.tsx', 'KeyFields.tsx', 'KeyMappingFields.tsx', 'ScopeSummary.tsx',
  ].map((f) => [`renderer/src/features/staging/${f}`, `renderer/src/features/staging/dialogs/${f}`]),
  ...['ImportDialog.tsx', 'ImportErrors.tsx', 'ImportPreview.tsx', 'ImportSource.tsx'].map((f) => [
    `renderer/src/features/staging/${f}`,
    `renderer/src/features/staging/import/${f}`,
  ]),
];

const SELF = 'scripts/restructure/move.mjs';
// The boundary rules and their test name the layers in regular expressions and fixture paths:
// they are rewritten by hand for the new layout (the commit after this script's run).
const BY_HAND = new Set([SELF, 'scripts/restructure/move.test.ts', 'scripts/lint/boundaries.mjs', 'scripts/lint/boundaries.test.ts']);
// Files whose arrays list bare folder names (elsewhere 'electron' is as likely the npm package).
const FOLDER_LISTS = new Set(['scripts/lint/cycles.mjs']);
// Globs there name what a rule is for, not every folder of code: test-support/ is not tests.
const NO_COVERAGE = new Set(['eslint.config.mjs']);
const CODE = /\.(ts|tsx|mts|cts|mjs|cjs|js)$/;
const TEXT = /\.(ts|tsx|mts|cts|mjs|cjs|js|json|ya?ml|md)$|^\.ci\/run$/;
const SKIP = /^(node_modules|out|dist|test-results|playwright-report|\.venv-moto|\.bench-data|\.data)\/|(^|\/)package-lock\.json$/;

const isFileEntry = (/** @type {string} */ p) => /\.[a-z]+$/i.test(P.basename(p));
const stripExt = (/** @type {string} */ p) => p.replace(/\.(ts|tsx|mts|cts|mjs|cjs|js)$/, '');
const under = (/** @type {string} */ p, /** @type {string} */ dir) => p === dir || p.startsWith(`${dir}/`);

const fileMoves = MOVES.filter(([from]) => isFileEntry(from));
// Longest folder first, so a sub-folder's own entry wins over its parent's.
const dirMoves = MOVES.filter(([from]) => !isFileEntry(from)).sort((a, b) => b[0].length - a[0].length);

for (const [, to] of MOVES) {
  for (const [from] of MOVES) {
    if (under(to, from)) throw new Error(`MOVES: destination ${to} lies inside source ${from}; the script would not be re-runnable`);
  }
}

/** Where an old repository path (file, extension-less module path or folder) lives after MOVES. */
export function mapPath(/** @type {string} */ p) {
  for (const [from, to] of fileMoves) {
    if (p === from) return to;
    if (p === stripExt(from)) return stripExt(to);
  }
  for (const [from, to] of dirMoves) if (under(p, from)) return to + p.slice(from.length);
  return p;
}

const root = execFileSync('git', ['rev-parse', '--show-toplevel'], { encoding: 'utf8' }).trim();
process.chdir(root);
const git = (/** @type {string[]} */ args) => execFileSync('git', args, { encoding: 'utf8' });

/** Tracked and untracked (not ignored) files, repository-relative. */
function listFiles() {
  const out = git(['ls-files', '-z', '--cached', '--others', '--exclude-standard']).split('\0');
  return [...new Set(out)].filter((f) => f && !SKIP.test(f) && existsSync(f) && statSync(f).isFile());
}

const tracked = new Set(git(['ls-files', '-z']).split('\0'));
/** @type {Map<string, string>} new path -> old path, for what this run moved */
const oldOf = new Map();
let moved = 0;

function moveFile(/** @type {string} */ from, /** @type {string} */ to) {
  if (existsSync(to)) throw new Error(`cannot move ${from}: ${to} exists`);
  mkdirSync(P.dirname(to), { recursive: true });
  if (tracked.has(from)) git(['mv', from, to]);
  else renameSync(from, to);
  oldOf.set(to, oldOf.get(from) ?? from);
  oldOf.delete(from);
  moved++;
}

function removeEmptyDirs(/** @type {string} */ dir) {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return;
  for (const name of readdirSync(dir)) removeEmptyDirs(P.join(dir, name));
  if (readdirSync(dir).length === 0) rmdirSync(dir);
}

for (const [from, to] of fileMoves) {
  if (!existsSync(from)) continue;
  moveFile(from, to);
  console.log(`moved ${from} -> ${to}`);
}
for (const [from, to] of dirMoves) {
  if (!existsSync(from)) continue;
  const files = listFiles().filter((f) => under(f, from));
  for (const f of files) moveFile(f, to + f.slice(from.length));
  removeEmptyDirs(from);
  if (files.length > 0) console.log(`moved ${from}/ -> ${to}/ (${files.length} files)`);
}
if (moved === 0) console.log('moves: nothing to move (already done)');

/** A relative path from `fromDir` to `target`, as a specifier ('./x', '../x'). */
function relSpec(/** @type {string} */ fromDir, /** @type {string} */ target) {
  let r = P.relative(fromDir, target);
  if (r === '') return '.';
  if (!r.startsWith('.')) r = `./${r}`;
  return r;
}

const SPECIFIER =
  /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*|\brequire\.resolve\s*\(\s*|\bvi\.(?:mock|doMock|unmock|doUnmock|importActual|importMock)\s*(?:<[^>]*>)?\(\s*)(['"])(\.\.?(?:\/[^'"\n]*)?)\2/g;
const DIRNAME_CALL = /\b((?:path\.)?(?:join|resolve))\(\s*__dirname\s*((?:,\s*(['"])[^'"\n]*\3\s*)+)\)/g;

/** Rewrites relative specifiers and __dirname paths of one code file. */
function rewriteRelative(/** @type {string} */ file, /** @type {string} */ text) {
  const old = oldOf.get(file) ?? file;
  const oldDir = P.dirname(old);
  const newDir = P.dirname(file);
  let n = 0;
  let out = text.replace(SPECIFIER, (whole, lead, quote, spec) => {
    const target = P.normalize(P.join(oldDir, spec));
    if (target.startsWith('..')) return whole; // outside the repository
    const mapped = mapPath(target);
    if (mapped === target && oldDir === newDir) return whole;
    let next = relSpec(newDir, mapped);
    if (spec.endsWith('/') && !next.endsWith('/')) next += '/';
    if (next === spec) return whole;
    n++;
    return `${lead}${quote}${next}${quote}`;
  });
  out = out.replace(DIRNAME_CALL, (whole, fn, argText) => {
    const args = [...argText.matchAll(/(['"])([^'"\n]*)\1/g)];
    const quote = args[0][1];
    const parts = args.map((a) => a[2]);
    const joined = P.join(...parts);
    const target = P.normalize(P.join(oldDir, joined));
    if (target.startsWith('..')) return whole;
    const mapped = mapPath(target);
    if (mapped === target && oldDir === newDir) return whole;
    let rel = P.relative(newDir, mapped) || '.';
    if (parts[parts.length - 1].endsWith('/') && !rel.endsWith('/')) rel += '/';
    if (rel === P.normalize(joined) || rel === joined) return whole;
    n++;
    const newParts = parts.length > 1 ? rel.split('/').filter(Boolean) : [rel];
    return `${fn}(__dirname, ${newParts.map((s) => `${quote}${s}${quote}`).join(', ')})`;
  });
  return { out, n };
}

const tops = [...new Set(MOVES.map(([from]) => from.split('/')[0]))];
const ROOTED = new RegExp(`(?<![\\w.@/$-])((?:${tops.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})/[\\w.*/-]*[\\w*])`, 'g');
const LITERAL = /(['"])([\w.*/-]+)\1/g;

/** The innermost unclosed bracket before `at` is `[` (so the literal is an array element). */
function inArray(/** @type {string} */ text, /** @type {number} */ at) {
  let depth = 0;
  for (let i = at - 1; i >= 0; i--) {
    const c = text[i];
    if (c === ']' || c === ')' || c === '}') depth++;
    else if (c === '[' || c === '(' || c === '{') {
      if (depth === 0) return c === '[';
      depth--;
    }
  }
  return false;
}

function globToRegExp(/** @type {string} */ glob) {
  return new RegExp(`^${glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`);
}

/** New globs/folders to list beside `entry` (a glob or folder whose sources moved out of it). */
function coverage(/** @type {string} */ entry) {
  const segs = entry.split('/');
  const firstWild = segs.findIndex((s) => s.includes('*'));
  const prefix = (firstWild < 0 ? segs : segs.slice(0, firstWild)).join('/');
  const tail = entry.slice(prefix.length);
  if (!prefix || (tail && !tail.startsWith('/**'))) return [];
  const last = globToRegExp(tail ? (segs[segs.length - 1] ?? '*') : '*');
  /** @type {string[]} */
  const add = [];
  for (const [from, to] of MOVES) {
    if (!under(from, prefix) || from === prefix || under(to, prefix)) continue;
    if (isFileEntry(from) && tail && !last.test(P.basename(from))) continue;
    const top = to.split('/')[0];
    const next = top + tail;
    if (!add.includes(next)) add.push(next);
  }
  return add.sort();
}

/** Rewrites root-relative paths and extends globs/folder lists in arrays. */
function rewriteRooted(/** @type {string} */ file, /** @type {string} */ text) {
  let n = 0;
  // Folder lists and globs as whole array elements: add what moved out of them.
  /** @type {{ at: number, insert: string }[]} */
  const inserts = [];
  for (const m of text.matchAll(LITERAL)) {
    const [lit, quote, value] = m;
    if (!tops.some((t) => under(value.split('/')[0], t))) continue;
    if (mapPath(value) !== value) continue; // the entry itself moves: mapped below
    const isDir = !value.includes('*') && existsSync(value) && statSync(value).isDirectory();
    if (!value.includes('*') && !(isDir && FOLDER_LISTS.has(file))) continue;
    if (NO_COVERAGE.has(file) || !inArray(text, m.index ?? 0)) continue;
    const end = (m.index ?? 0) + lit.length;
    const sep = /^,(\r?\n[ \t]*)/.exec(text.slice(end));
    let insert = '';
    for (const add of coverage(value)) {
      const q = `${quote}${add}${quote}`;
      if (text.includes(q) || insert.includes(q) || inserts.some((i) => i.insert.includes(q))) continue;
      insert += sep ? `,${sep[1]}${q}` : `, ${q}`;
      n++;
    }
    if (insert) inserts.push({ at: end, insert });
  }
  let out = text;
  for (const { at, insert } of inserts.sort((a, b) => b.at - a.at)) out = out.slice(0, at) + insert + out.slice(at);
  out = out.replace(ROOTED, (token) => {
    const segs = token.split('/');
    const firstWild = segs.findIndex((s) => s.includes('*'));
    const prefix = (firstWild < 0 ? segs : segs.slice(0, firstWild)).join('/');
    const mapped = mapPath(prefix);
    if (mapped === prefix) return token;
    n++;
    return mapped + token.slice(prefix.length);
  });
  return { out, n };
}

let changedFiles = 0;
let total = 0;
for (const file of listFiles()) {
  if (BY_HAND.has(file) || !TEXT.test(file)) continue;
  const text = readFileSync(file, 'utf8');
  let out = text;
  let n = 0;
  if (CODE.test(file)) {
    const r = rewriteRelative(file, out);
    out = r.out;
    n += r.n;
  }
  const r = rewriteRooted(file, out);
  out = r.out;
  n += r.n;
  if (out !== text) {
    writeFileSync(file, out);
    changedFiles++;
    total += n;
    console.log(`rewrote ${n} path(s) in ${file}`);
  }
}
console.log(`done: ${moved} file(s) moved, ${total} path(s) rewritten in ${changedFiles} file(s)`);
