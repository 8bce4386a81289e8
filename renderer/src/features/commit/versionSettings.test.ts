import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { VERSION_ATTRIBUTES_KEY } from './versionSettings';

vi.mock('../../api/client', () => ({ call: vi.fn(), onEvent: vi.fn(() => () => undefined) }));

/** The browser's storage as it behaves: strings by key, kept across a reload of the modules. */
class MemoryStorage {
  readonly data = new Map<string, string>();
  getItem(k: string) {
    return this.data.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.data.set(k, String(v));
  }
}
let storage: MemoryStorage;

beforeEach(() => {
  storage = new MemoryStorage();
  vi.stubGlobal('localStorage', storage);
  vi.resetModules();
});
afterEach(() => vi.unstubAllGlobals());

/** The app as after a reload: its stores and flow loaded fresh. */
async function load() {
  const { commitActions } = await import('./commitFlow');
  const { useCommitStore } = await import('../../stores/commitStore');
  return { commitActions, options: () => useCommitStore.getState().options };
}

test('a table’s version attribute is kept across a reload, and reset keeps it', async () => {
  const first = await load();
  first.commitActions.setVersionAttribute('Orders', 'rev');
  first.commitActions.setVersionAttribute('__proto__', 'v');
  first.commitActions.setVersionAttribute('Tickets', 'ver');
  first.commitActions.setVersionAttribute('Tickets', '');
  vi.resetModules();
  const again = await load();
  expect(again.options().versionAttributes).toEqual(
    Object.fromEntries([
      ['Orders', 'rev'],
      ['__proto__', 'v'],
    ]),
  );
  again.commitActions.resetOptions();
  expect(again.options().versionAttributes.Orders).toBe('rev');
});

test('what is saved is checked: a broken or foreign value is dropped', async () => {
  storage.setItem(VERSION_ATTRIBUTES_KEY, '{"Orders":7,"Tickets":"ver","x":""}');
  expect((await load()).options().versionAttributes).toEqual({ Tickets: 'ver' });
  vi.resetModules();
  storage.setItem(VERSION_ATTRIBUTES_KEY, 'not json');
  expect((await load()).options().versionAttributes).toEqual({});
});
