/**
 * The folder move runs on a tree others kept editing: here a small git repository in the old
 * layout, with a file added to a moving folder, every kind of path the script rewrites, and a
 * second run that must change nothing.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';

const script = resolve(__dirname, 'move.mjs');
let repo: string;
let firstRun: string;
let secondRun: string;

const files: Record<string, string> = {
  'electron/backend/items/query.ts': "import { x } from '../commit/run';\nexport const q = x;\n",
  'electron/backend/commit/run.ts': "export const x = 1;\n",
  // added later by someone else in a folder that moves: moves with it
  'electron/backend/testing/newStarter.ts': "import { q } from '../items/query';\nexport const root = require('node:path').resolve(__dirname, '..', '..', '..');\nexport { q };\n",
  'electron/backend/testing/faultProxy.test.ts': "import { startFaultProxy } from '../../../e2e/support/faultProxy';\nvi.mock('../commit/run');\nexport { startFaultProxy };\n",
  'e2e/support/faultProxy.ts': "import { c } from './faults/config';\nexport const startFaultProxy = c;\n",
  'e2e/support/faults/config.ts': "export const c = 2;\n",
  'e2e/web/a.spec.ts': "import { startFaultProxy } from '../support/faultProxy.ts';\nconst lazy = () => import('../../electron/web/server');\nexport { startFaultProxy, lazy };\n",
  'electron/web/server.ts': "import type { Backend } from '../backend/backend';\nexport const dir = join(__dirname, '../../out/renderer');\nexport type { Backend };\n",
  'electron/main/index.ts': "import { createBackend } from '../backend/backend';\nexport const p = join(__dirname, '../preload/index.js');\nexport { createBackend };\n",
  'electron/backend/backend.ts': 'export const createBackend = 1;\n',
  'tsconfig.node.json': '{\n  "include": [\n    "electron/**/*.ts",\n    "bench/**/*.ts"\n  ]\n}\n',
  'vitest.config.ts': "const include = ['electron/**/*.test.ts'];\nexport default { globalSetup: ['electron/backend/testing/motoGlobalSetup.ts'] };\n",
  'package.json': '{ "scripts": { "web": "tsx electron/web/cli.ts" } }\n',
  'docs.md': 'The engine is `electron/backend/commit/run.ts`; the starters `electron/backend/testing/`.\n',
};

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'dynostage-move-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(repo, dirname(path)), { recursive: true });
    writeFileSync(join(repo, path), text);
  }
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' });
  git('init', '-q');
  git('add', '-A');
  git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'old layout');
  firstRun = execFileSync(process.execPath, [script], { cwd: repo, encoding: 'utf8' });
  git('add', '-A');
  git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'moved');
  secondRun = execFileSync(process.execPath, [script], { cwd: repo, encoding: 'utf8' });
});

afterAll(() => rmSync(repo, { recursive: true, force: true }));

const read = (path: string) => readFileSync(join(repo, path), 'utf8');

test('folders and files move, files added to a moving folder included', () => {
  expect(firstRun).toMatch(/moved electron\/backend\/testing\/ -> test-support\/servers\/ \(1 files\)/);
  const tracked = execFileSync('git', ['ls-files'], { cwd: repo, encoding: 'utf8' }).split('\n');
  expect(tracked).toEqual(
    expect.arrayContaining([
      'server/items/query.ts',
      'server/commitEngine/run.ts',
      'server/backend.ts',
      'test-support/servers/newStarter.ts',
      'test-support/faultProxy/proxy.test.ts',
      'test-support/faultProxy/proxy.ts',
      'test-support/faultProxy/config.ts',
      'webhost/server.ts',
      'electron/main/index.ts',
    ]),
  );
  expect(tracked.filter((f) => f.startsWith('electron/backend') || f.startsWith('e2e/support'))).toEqual([]);
});

test('relative specifiers follow both ends of every import, extension style kept', () => {
  expect(read('server/items/query.ts')).toContain("from '../commitEngine/run'");
  expect(read('test-support/servers/newStarter.ts')).toContain("from '../../server/items/query'");
  expect(read('test-support/faultProxy/proxy.test.ts')).toContain("from './proxy'");
  expect(read('test-support/faultProxy/proxy.test.ts')).toContain("vi.mock('../../server/commitEngine/run')");
  expect(read('test-support/faultProxy/proxy.ts')).toContain("from './config'");
  expect(read('e2e/web/a.spec.ts')).toContain("from '../../test-support/faultProxy/proxy.ts'");
  expect(read('e2e/web/a.spec.ts')).toContain("import('../../webhost/server')");
  expect(read('webhost/server.ts')).toContain("from '../server/backend'");
  expect(read('electron/main/index.ts')).toContain("from '../../server/backend'");
});

test('__dirname paths are recomputed from the new place', () => {
  expect(read('test-support/servers/newStarter.ts')).toContain("resolve(__dirname, '..', '..')");
  expect(read('webhost/server.ts')).toContain("join(__dirname, '../out/renderer')");
  expect(read('electron/main/index.ts')).toContain("join(__dirname, '../preload/index.js')");
});

test('config paths, globs and docs follow; globs gain the folders that left them', () => {
  expect(JSON.parse(read('tsconfig.node.json')).include).toEqual([
    'electron/**/*.ts',
    'server/**/*.ts',
    'test-support/**/*.ts',
    'webhost/**/*.ts',
    'bench/**/*.ts',
  ]);
  expect(read('vitest.config.ts')).toContain("['electron/**/*.test.ts', 'server/**/*.test.ts', 'test-support/**/*.test.ts', 'webhost/**/*.test.ts']");
  expect(read('vitest.config.ts')).toContain("'test-support/servers/motoGlobalSetup.ts'");
  expect(read('package.json')).toContain('tsx webhost/cli.ts');
  expect(read('docs.md')).toBe('The engine is `server/commitEngine/run.ts`; the starters `test-support/servers/`.\n');
});

test('a second run changes nothing', () => {
  expect(secondRun).toMatch(/nothing to move/);
  expect(secondRun).toMatch(/0 path\(s\) rewritten in 0 file\(s\)/);
  expect(execFileSync('git', ['status', '--porcelain'], { cwd: repo, encoding: 'utf8' })).toBe('');
});
