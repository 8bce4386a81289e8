import { expect, test } from 'vitest';
import { IdPositions } from '../../../../../shared/changes/idPositions';
import { rowLookupOf, rowsByIdOf } from './rowsById';

const rows = [{ id: '["S:a"]' }, { id: '["S:b"]' }, { id: '__proto__' }, { id: 'constructor' }];
const positionsOf = (rs: readonly { id: string }[]) => () => IdPositions.of(rs.map((r) => r.id));

test('read as a record, it answers from the rows: lookups, in, keys, entries', () => {
  const byId = rowsByIdOf(rows, positionsOf(rows));
  expect(byId['["S:a"]']).toBe(rows[0]);
  expect(byId['["S:c"]']).toBeUndefined();
  expect('["S:b"]' in byId).toBe(true);
  expect('["S:c"]' in byId).toBe(false);
  // Ids that are special names on ordinary objects are rows like any other.
  expect(byId.__proto__).toBe(rows[2]);
  expect(byId.constructor).toBe(rows[3]);
  expect(byId.toString).toBeUndefined();
  expect(Object.keys(byId)).toEqual(rows.map((r) => r.id));
  expect(Object.entries(byId)).toEqual(rows.map((r) => [r.id, r]));
  expect(Object.hasOwn(byId, '["S:a"]')).toBe(true);
});

test('its positions are made on the first read, once', () => {
  let builds = 0;
  const byId = rowsByIdOf(rows, () => {
    builds++;
    return IdPositions.of(rows.map((r) => r.id));
  });
  expect(builds).toBe(0);
  expect(byId['["S:a"]']).toBe(rows[0]);
  expect(byId['["S:b"]']).toBe(rows[1]);
  expect(rowLookupOf(byId)?.('["S:b"]')).toBe(rows[1]);
  expect(builds).toBe(1);
});

test('positions that know rows past this array, or another row at a place, find nothing there', () => {
  const positions = IdPositions.of([...rows.map((r) => r.id), '["S:later"]']);
  positions.set('["S:moved"]', 0);
  const byId = rowsByIdOf(rows, () => positions);
  expect(byId['["S:later"]']).toBeUndefined();
  expect(byId['["S:moved"]']).toBeUndefined();
  expect(byId['["S:a"]']).toBe(rows[0]);
});

test('it cannot be written to: the rows are the one truth', () => {
  const byId = rowsByIdOf(rows, positionsOf(rows)) as Record<string, { id: string }>;
  expect(() => {
    byId.x = { id: 'x' };
  }).toThrow(TypeError);
  expect(() => delete byId['["S:a"]']).toThrow(TypeError);
  expect(byId.x).toBeUndefined();
});

test('rowLookupOf gives the lookup behind a rowsById made here, and nothing for a plain record', () => {
  expect(rowLookupOf(rowsByIdOf(rows, positionsOf(rows)))?.('["S:a"]')).toBe(rows[0]);
  expect(rowLookupOf({ '["S:a"]': rows[0]! })).toBeUndefined();
});

test('without positions given, it makes them from the rows on the first read', () => {
  const byId = rowsByIdOf(rows);
  expect(byId['["S:b"]']).toBe(rows[1]);
  expect(byId['["S:z"]']).toBeUndefined();
  expect(rowLookupOf(byId)?.('__proto__')).toBe(rows[2]);
});
