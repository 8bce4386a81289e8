import { expect, test } from 'vitest';
import { itemsChannels } from './items';

test('items:loadAll takes at most 64 parallel Scan segments', () => {
  const input = itemsChannels['items:loadAll'].input;
  const base = { connectionId: 'sandbox', model: { table: 'OrgUsers' }, loadId: 'l1' };
  expect(input.safeParse({ ...base, segments: 64 }).success).toBe(true);
  const r = input.safeParse({ ...base, segments: 1_000_000 });
  expect(r.success).toBe(false);
  expect(r.error?.issues[0]?.message).toBe('at most 64 parallel Scan segments');
});
