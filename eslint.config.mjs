// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { boundaryRules } from './scripts/lint/boundaries.mjs';
import { sharedStatePlugin } from './scripts/lint/sharedState.mjs';

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
  // Import boundaries between the layers (ARCHITECTURE.md): see scripts/lint/boundaries.mjs.
  ...boundaryRules,
  {
    // shared/ holds no module-level mutable state: caches live in objects the caller owns.
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    plugins: { dynostage: sharedStatePlugin },
    rules: { 'dynostage/no-module-state': 'error' },
  },
);
