// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const restrictedForShared = {
  patterns: [
    {
      group: ['electron', 'electron/*', 'react', 'react/*', 'react-dom', 'react-dom/*', 'node:*'],
      message: 'shared/ is pure TypeScript used by every process: no electron, react or node:* imports.',
    },
    {
      group: ['**/electron/**', '**/renderer/**', '../electron', '../renderer', '../../electron', '../../renderer'],
      message: 'shared/ must not reach into electron/ or renderer/.',
    },
  ],
  paths: ['fs', 'path', 'os', 'child_process', 'crypto', 'http', 'net', 'url', 'util', 'buffer'].map(
    (name) => ({ name, message: 'shared/ must not import Node built-ins.' }),
  ),
};

export default tseslint.config(
  {
    ignores: ['node_modules/', '.venv-moto/', 'out/', 'dist/', 'test-results/', 'playwright-report/', '**/*.cjs', '**/*.mjs'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
      parserOptions: {
        project: ['./tsconfig.node.json', './tsconfig.web.json', './tsconfig.e2e.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-empty-pattern': 'off',
    },
  },
  {
    // Tests read untyped JSON answers of the real API; typing every one would only restate the schemas.
    files: ['**/*.test.ts', 'e2e/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', restrictedForShared] },
  },
);
