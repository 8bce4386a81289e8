// @ts-check
/**
 * Import boundaries between DynoStage's layers (ARCHITECTURE.md "Layers"), as no-restricted-imports
 * settings for eslint.config.mjs. In a flat config the last block that sets a rule for a file wins,
 * so each block below lists every restriction its files have.
 *
 * - production code never imports test support;
 * - renderer never imports the Node backend (electron/backend);
 * - cli never imports the Electron host (electron/main) or the web host (electron/web);
 * - shared imports nothing outside shared (and no electron, react or Node built-ins).
 */

/** Test support: the fault proxy and server starters. Tests and benches may use it, nothing else. */
const testSupport = {
  regex: '(^|/)(electron/backend/test-support|electron/backend/testing|e2e/support|test-support|testing)(/|$)|(^|/)e2e/',
  message: 'Production code must not import test support (electron/backend/test-support, electron/backend/testing, e2e/support).',
};

const toBackend = {
  regex: '(^|/)electron/backend(/|$)',
  message: 'The renderer runs in the browser: it reaches the backend through its api client (renderer/src/api), never by importing electron/backend.',
};

const toHosts = {
  regex: '(^|/)electron/(main|web)(/|$)|^electron$',
  message: 'The CLI uses the backend and shared/ only, never the Electron host (electron/main) or the web host (electron/web).',
};

const outOfShared = [
  {
    group: ['electron', 'electron/*', 'react', 'react/*', 'react-dom', 'react-dom/*', 'node:*'],
    message: 'shared/ is pure TypeScript used by every process: no electron, react or node:* imports.',
  },
  {
    regex: '^(\\.\\./)+(electron|renderer|cli|bench|e2e|bin|scripts)(/|$)',
    message: 'shared/ imports nothing outside shared/ (no electron/, renderer/, cli/, bench/, e2e/).',
  },
];
const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'crypto', 'http', 'net', 'url', 'util', 'buffer'].map(
  (name) => ({ name, message: 'shared/ must not import Node built-ins.' }),
);

const tests = ['**/*.test.ts', '**/*.test.tsx'];
const supportFolders = ['electron/backend/test-support/**', 'electron/backend/testing/**', 'e2e/**', 'bench/**'];

/** @type {import('eslint').Linter.Config[]} */
export const boundaryRules = [
  {
    files: ['electron/**/*.ts', 'cli/**/*.ts', 'bin/**/*.ts', 'renderer/**/*.ts', 'renderer/**/*.tsx', 'shared/**/*.ts'],
    ignores: [...tests, ...supportFolders],
    rules: { 'no-restricted-imports': ['error', { patterns: [testSupport] }] },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    ignores: tests,
    rules: { 'no-restricted-imports': ['error', { patterns: [testSupport, toBackend] }] },
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
