/**
 * The lint rules that keep the layers apart, run through ESLint's API on source text placed at
 * paths inside the repository: each forbidden import is reported, the allowed ones are not.
 */
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, test } from 'vitest';
// @ts-expect-error -- plain ESM config modules without type declarations
import { boundaryRules } from './boundaries.mjs';
// @ts-expect-error -- see above
import { sharedStatePlugin } from './sharedState.mjs';

const eslint = new ESLint({
  cwd: process.cwd(),
  overrideConfigFile: true,
  overrideConfig: [
    { files: ['**/*.ts', '**/*.tsx'], languageOptions: { parser: tseslint.parser } },
    ...boundaryRules,
    {
      files: ['shared/**/*.ts'],
      ignores: ['shared/**/*.test.ts'],
      plugins: { dynostage: sharedStatePlugin },
      rules: { 'dynostage/no-module-state': 'error' },
    },
  ],
});

async function problems(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('import boundaries', () => {
  test.each([
    // renderer -/-> the Node side
    ['renderer/src/features/x.ts', "import { dispatch } from '../../../server/dispatch';", /renderer .*api client/],
    ['renderer/src/features/x.tsx', "import type { Backend } from '../../../server/backend';", /renderer .*api client/],
    ['renderer/src/ui/x.tsx', "import { startWebHost } from '../../../webhost/server';", /renderer .*api client/],
    ['renderer/src/x.ts', "import { registerIpc } from '../../electron/main/ipc';", /renderer .*api client/],
    // production -/-> test support
    ['server/items/x.ts', "import { startDynalite } from '../../test-support/servers/dynalite';", /test support/],
    ['server/commitEngine/x.ts', "import { commitStack } from '../../test-support/fixtures/commitStack';", /test support/],
    ['server/sandbox/x.ts', "import { startDynalite } from '../../test-support/servers/dynalite';", /test support/],
    ['webhost/x.ts', "import { startFaultProxy } from '../test-support/faultProxy/proxy';", /test support/],
    ['electron/main/x.ts', "import { startHost } from '../../test-support/servers/webHost';", /test support/],
    ['cli/x.ts', "import { startMoto } from '../test-support/servers/moto';", /test support/],
    ['shared/plan/x.ts', "import { testItems } from '../../test-support/fixtures/itemsFixtures';", /test support/],
    ['renderer/src/x.ts', "import { x } from '../../e2e/support/x';", /test support/],
    ['server/x.ts', "import { seed } from '../bench/support/benchData';", /test support/],
    // cli -/-> the hosts
    ['cli/x.ts', "import { registerIpc } from '../electron/main/ipc';", /CLI .*Electron host/],
    ['cli/x.ts', "import { startWebHost } from '../webhost/server';", /CLI .*web host/],
    ['cli/x.ts', "import { app } from 'electron';", /CLI/],
    // shared -/-> everything else
    ['shared/plan/x.ts', "import { batchGet } from '../../server/items/batchGet';", /shared\/ imports nothing outside/],
    ['shared/x.ts', "import { api } from '../renderer/src/api/client';", /shared\/ imports nothing outside/],
    ['shared/dynamo/x.ts', "import { run } from '../../cli/apply';", /shared\/ imports nothing outside/],
    ['shared/dynamo/x.ts', "import { CSP } from '../../webhost/static';", /shared\/ imports nothing outside/],
    ['shared/dynamo/x.ts', "import { readFileSync } from 'node:fs';", /no electron, react or node/],
    ['shared/dynamo/x.ts', "import { join } from 'path';", /Node built-ins/],
  ])('%s: %s is refused', async (path, code, message) => {
    const found = await problems(path, code);
    expect(found.length).toBeGreaterThan(0);
    for (const f of found) expect(f).toMatch(/^no-restricted-imports: /);
    expect(found.join('\n')).toMatch(message);
  });

  test.each([
    ['renderer/src/features/x.ts', "import { api } from '../../api/client';"],
    ['renderer/src/features/x.ts', "import { Dialog } from '../../ui/Dialog';"],
    ['renderer/src/features/x.ts', "import { plan } from '../../../shared/plan/plan';"],
    ['server/items/x.ts', "import { plan } from '../../shared/plan/plan';"],
    ['server/items/x.test.ts', "import { startDynalite } from '../../test-support/servers/dynalite';"],
    ['renderer/src/features/x.test.ts', "import { startHost } from '../../../test-support/servers/webHost';"],
    ['test-support/fixtures/x.ts', "import { startFaultProxy } from '../faultProxy/proxy';\nimport { createBackend } from '../../server/backend';"],
    ['e2e/web/x.spec.ts', "import { startHost } from '../../test-support/servers/webHost';"],
    ['bench/x.ts', "import { commitStack } from '../test-support/fixtures/commitStack';"],
    ['cli/x.ts', "import { run } from '../server/commitEngine/run';"],
    ['electron/main/x.ts', "import { createBackend } from '../../server/backend';"],
    ['webhost/x.ts', "import { createBackend } from '../server/backend';"],
    ['shared/plan/x.ts', "import { Carry } from './carry';\nimport { z } from 'zod';"],
  ])('%s: %s is allowed', async (path, code) => {
    expect(await problems(path, code)).toEqual([]);
  });
});

describe('no module-level state in shared/', () => {
  test.each([
    ['let total = 0;', /Module-level `let`/],
    ['export let last: string | undefined;', /Module-level `let`/],
    ['var n = 1;', /Module-level `var`/],
    ['const cache = new WeakMap<object, number>();', /`new WeakMap\(\)`/],
    ['const seen = new Map<string, number>() as Map<string, number>;', /`new Map\(\)`/],
    ['class Carry {}\nconst last = new Carry();', /`new Carry\(\)`/],
    ['export const queue: string[] = [];', /`\[\]`/],
  ])('refuses %s', async (code, message) => {
    const found = await problems('shared/plan/x.ts', code);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^dynostage\/no-module-state: /);
    expect(found[0]).toMatch(message);
  });

  test('allows constants, read-only empties, state inside functions and classes, and tests', async () => {
    const code = [
      "const NAMES = new Set(['a', 'b']);",
      'const NONE: ReadonlyMap<string, number> = new Map();',
      'const MAX = 25;',
      'export function f() { let n = 0; const m = new Map(); m.set(1, n++); return m; }',
      'export class Session { private readonly seen = new WeakMap<object, number>(); }',
    ].join('\n');
    expect(await problems('shared/plan/x.ts', code)).toEqual([]);
    expect(await problems('shared/plan/x.test.ts', 'let n = 0;')).toEqual([]);
    expect(await problems('renderer/src/stores/x.ts', 'let n = 0;')).toEqual([]);
  });
});
