/** The import-cycle check of `npm run lint` (cycles.mjs): it finds a cycle, and only a runtime one. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';

function check(files: Record<string, string>): { code: number; out: string } {
  const dir = mkdtempSync(join(tmpdir(), 'dynostage-cycles-'));
  try {
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    try {
      const out = execFileSync(process.execPath, ['scripts/lint/cycles.mjs', dir], { encoding: 'utf8', stdio: 'pipe' });
      return { code: 0, out };
    } catch (err) {
      const e = err as { status: number; stdout: string; stderr: string };
      return { code: e.status, out: e.stderr + e.stdout };
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('a cycle through three files fails the check and is named', () => {
  const { code, out } = check({
    'a.ts': "import { b } from './b';\nexport const a = () => b();",
    'b.ts': "import { c } from './c';\nexport const b = () => c();",
    'c.ts': "export { a as c } from './a';",
  });
  expect(code).toBe(1);
  expect(out).toMatch(/import cycle: .*a\.ts -> .*b\.ts -> .*c\.ts/);
});

test('type-only imports make no cycle; a graph without cycles passes', () => {
  const { code, out } = check({
    'a.ts': "import type { B } from './b';\nimport { type C } from './c';\nexport type A = B | C;",
    'b.ts': "import { a } from './c';\nexport type B = typeof a;",
    'c.ts': "export type { A } from './a';\nexport const a = 1;\nexport type C = number;",
  });
  expect(out).toContain('0 import cycles');
  expect(code).toBe(0);
});
