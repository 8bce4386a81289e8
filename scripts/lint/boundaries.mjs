// @ts-check
/**
 * Import boundaries between DynoStage's layers (ARCHITECTURE.md "Layers"), as no-restricted-imports
 * settings for eslint.config.mjs. In a flat config the last block that sets a rule for a file wins,
 * so each block below lists every restriction its files have.
 *
 * - production code (server, electron, webhost, cli, bin, renderer, shared) never imports test
 *   support (test-support/, e2e/, bench/); its own *.test.ts files may;
 * - the renderer never imports the Node side (server/, webhost/, electron/);
 * - the CLI never imports the Electron host (electron/, the electron package) or the web host (webhost/);
 * - shared/ imports nothing outside shared/ (and no electron, react or Node built-ins).
 */

const testSupport = {
  regex: '(^|/)(test-support|e2e|bench)(/|$)',
  message: 'Production code must not import test support (test-support/, e2e/, bench/): only tests and benches may.',
};

const toNode = {
  regex: '(^|/)(server|webhost|electron)(/|$)',
  message: 'The renderer runs in the browser: it reaches the server through its api client (renderer/src/api), never by importing server/, webhost/ or electron/.',
};

const toHosts = {
  regex: '(^|/)(electron|webhost)(/|$)',
  message: 'The CLI uses server/ and shared/ only, never the Electron host (electron/) or the web host (webhost/).',
};

const outOfShared = [
  {
    group: ['electron', 'electron/*', 'react', 'react/*', 'react-dom', 'react-dom/*', 'node:*'],
    message: 'shared/ is pure TypeScript used by every process: no electron, react or node:* imports.',
  },
  {
    regex: '^(\\.\\./)+(server|webhost|electron|renderer|cli|bin|test-support|e2e|bench|scripts)(/|$)',
    message: 'shared/ imports nothing outside shared/ (no server/, webhost/, electron/, renderer/, cli/, test-support/).',
  },
];
const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'crypto', 'http', 'net', 'url', 'util', 'buffer'].map(
  (name) => ({ name, message: 'shared/ must not import Node built-ins.' }),
);

const tests = ['**/*.test.ts', '**/*.test.tsx'];
const production = [
  'server/**/*.ts',
  'electron/**/*.ts',
  'webhost/**/*.ts',
  'cli/**/*.ts',
  'bin/**/*.ts',
  'renderer/**/*.ts',
  'renderer/**/*.tsx',
  'shared/**/*.ts',
];

/** @type {import('eslint').Linter.Config[]} */
export const boundaryRules = [
  {
    files: production,
    ignores: tests,
    rules: { 'no-restricted-imports': ['error', { patterns: [testSupport] }] },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    ignores: tests,
    rules: { 'no-restricted-imports': ['error', { patterns: [testSupport, toNode] }] },
  },
  {
    files: ['cli/**/*.ts', 'bin/**/*.ts'],
    ignores: tests,
    rules: { 'no-restricted-imports': ['error', { patterns: [testSupport, toHosts] }] },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: tests,
    rules: { 'no-restricted-imports': ['error', { patterns: [testSupport, ...outOfShared], paths: nodeBuiltins }] },
  },
];
