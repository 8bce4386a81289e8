import { expect, test, vi } from 'vitest';
import { IdPositions } from './idPositions';

const key = (i: number) => `["S:B-${String(i).padStart(7, '0')}"]`;

test('answers as a Map of the same ids would, through growth, moves and misses', () => {
  const p = new IdPositions();
  const m = new Map<string, number>();
  for (let i = 0; i < 50_000; i++) {
    const id = i % 7 === 3 ? key(i >> 1) : key(i); // some ids come again: their position moves
    p.set(id, i);
    m.set(id, i);
  }
  expect(p.size).toBe(m.size);
  for (const [id, at] of m) expect(p.get(id)).toBe(at);
  for (let i = 50_000; i < 50_100; i++) {
    expect(p.get(key(i))).toBeUndefined();
    expect(p.has(key(i))).toBe(false);
  }
  for (const id of [key(10), key(11), key(5)]) expect(p.has(id)).toBe(m.has(id));
});

test('ids that differ only in a character, odd ids, and the empty string', () => {
  const ids = ['', '__proto__', 'constructor', '["N:1"]', '["N:1 "]', '["S:a","S:b"]', '["S:a","S:c"]', '\u0000row1', '😀', '\ud800'];
  const p = IdPositions.of(ids);
  ids.forEach((id, i) => expect(p.get(id)).toBe(i));
  expect(p.get('["N:2"]')).toBeUndefined();
  expect(p.get('toString')).toBeUndefined();
});

test('of(ids): a later equal id takes the position, as a Map built from the ids', () => {
  const ids = ['a', 'b', 'a'];
  const p = IdPositions.of(ids);
  expect(p.get('a')).toBe(new Map(ids.map((id, i) => [id, i])).get('a'));
  expect(p.size).toBe(2);
});

test('equal text in another string object finds the entry (ids are compared by content)', () => {
  const p = new IdPositions();
  const made = ['["S:', 'x"]'].join('');
  p.set(made, 4);
  expect(p.get(`["S:${'x'}"]`)).toBe(4);
});

test('setIfAbsent: the position an id has, or it takes the one offered', () => {
  const p = new IdPositions();
  expect(p.setIfAbsent('a', 0)).toBeUndefined();
  expect(p.setIfAbsent('b', 1)).toBeUndefined();
  expect(p.setIfAbsent('a', 5)).toBe(0);
  expect(p.get('a')).toBe(0);
  expect(p.size).toBe(2);
  for (let i = 0; i < 1000; i++) expect(p.setIfAbsent(`k${i}`, i + 2)).toBeUndefined();
  for (let i = 0; i < 1000; i++) expect(p.setIfAbsent(`k${i}`, -1)).toBe(i + 2);
});

test('growing moves a few entries per id added, never the whole table in one call', () => {
  const p = new IdPositions();
  const placed = vi.spyOn(IdPositions.prototype as unknown as { place(e: number, h: number): void }, 'place');
  let most = 0;
  for (let i = 0; i < 70_000; i++) {
    placed.mockClear();
    p.setIfAbsent(key(i), i);
    most = Math.max(most, placed.mock.calls.length);
  }
  placed.mockRestore();
  // The id itself and four moved ones; a one-step rehash placed every entry (65,536 here).
  expect(most).toBeLessThanOrEqual(5);
});

test('while it grows, every id is found, moved positions stick, new ids are found', () => {
  const p = new IdPositions();
  let i = 0;
  while ((!p.growing || i < 1000) && i < 100_000) p.set(key(i), i++);
  expect(p.growing).toBe(true);
  const moving = i;
  // Ids not moved yet to the larger table are found in the smaller one, and set there.
  for (let k = 0; k < i; k++) expect(p.get(key(k))).toBe(k);
  for (let k = 0; k < i; k += 3) p.set(key(k), -k - 1);
  const extra = i + 5;
  expect(p.setIfAbsent(key(extra), extra)).toBeUndefined();
  expect(p.setIfAbsent(key(1), 99)).toBe(1);
  while (p.growing) p.set(key(i), i++);
  for (let k = 0; k < i; k++) expect(p.get(key(k))).toBe(k % 3 === 0 && k < moving ? -k - 1 : k);
  expect(p.get(key(extra))).toBe(extra);
  expect(p.get('["S:none"]')).toBeUndefined();
});

test('sized for the ids it is built from: of() never grows', () => {
  const ids = Array.from({ length: 20_000 }, (_, k) => key(k));
  const p = IdPositions.of(ids);
  expect(p.growing).toBe(false);
  ids.forEach((id, k) => expect(p.get(id)).toBe(k));
});
