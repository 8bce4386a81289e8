import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createBackend, type Backend } from './backend';

let dir: string;
let backend: Backend;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dynostage-backend-'));
  backend = await createBackend({ dataDir: dir, seedSandbox: false });
});
afterAll(async () => {
  await backend.close();
  await rm(dir, { recursive: true, force: true });
});

test('Load all pages keep their bytes only while a listener splices them into its stream', () => {
  expect(backend.services.splicesItems).toBe(false);
  const plain = backend.onEvent(() => {});
  expect(backend.services.splicesItems).toBe(false);
  const splicing = backend.onEvent(() => {}, { splicesItems: true });
  expect(backend.services.splicesItems).toBe(true);
  splicing();
  expect(backend.services.splicesItems).toBe(false);
  plain();
});
